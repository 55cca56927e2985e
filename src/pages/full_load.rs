//! Any page the event landing app (`EventLanding`) does not hold: the whole
//! app is loaded for it.
//!
//! When the reader follows a link away from the event page, the router has
//! already put the new address in the bar; reloading it asks the server,
//! which sends the whole app for anything but an event. A note in session
//! storage stops a loop should the landing app come back for the same
//! address: that address is then shown as not found.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use web_sys::Storage;

use super::not_found::NotFoundPage;

const NOTE: &str = "eventdesk-full-load";

#[component]
pub fn FullLoad() -> impl IntoView {
    let location = use_location();
    let target = format!(
        "{}{}{}",
        location.pathname.get_untracked(),
        query(&location.search.get_untracked()),
        location.hash.get_untracked()
    );
    let storage = session_storage();
    let already_tried = storage
        .as_ref()
        .and_then(|s| s.get_item(NOTE).ok().flatten())
        .is_some_and(|tried| tried == target);
    if already_tried {
        arrived();
        return NotFoundPage().into_any();
    }
    if let Some(storage) = &storage {
        let _ = storage.set_item(NOTE, &target);
    }
    // The router puts the new address in the bar once this view is drawn;
    // load it after that, so Back still leads to the event.
    set_timeout(move || load(&target), Duration::ZERO);
    view! { <p class="page lede" role="status">"Loading…"</p> }.into_any()
}

fn query(search: &str) -> String {
    if search.is_empty() || search.starts_with('?') {
        search.to_owned()
    } else {
        format!("?{search}")
    }
}

fn load(target: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let shown = [location.pathname(), location.search(), location.hash()]
        .into_iter()
        .collect::<Result<String, _>>()
        .unwrap_or_default();
    let _ = if shown == target {
        location.reload()
    } else {
        location.assign(target)
    };
}

/// The whole app has started: a reload, if one led here, has done its job.
pub fn arrived() {
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(NOTE);
    }
}

fn session_storage() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}
