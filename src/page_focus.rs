//! Where keyboard focus goes when the reader moves to another page inside
//! the app. A link followed in the app replaces the page under the focused
//! link, which leaves focus on the body, so the next Tab would go to the
//! first control after the page: the footer. As a page loaded whole puts the
//! reader at its start, focus moves to the page's content (`main`), so the
//! next Tab reaches the new page's first control. Only when focus was in the
//! page left (or already lost): one event page to another keeps the old page
//! on screen until the new one has loaded, so its link is still there a
//! frame later. A reader on the site header's links keeps their place there,
//! and a change of the query or fragment alone (the feed's filters, an
//! `#update-…` link) is not another page. The scroll is the router's (top,
//! or where the reader was on Back), so the focus does not scroll.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// From now on, moving to another page focuses the element `target` (an id;
/// focusable with `tabindex="-1"`) if focus was in the page left. Inside
/// the router.
pub fn follow_pages(target: &'static str) {
    let pathname = use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let now = pathname.get();
        if previous.is_some_and(|p| p != now) {
            // Where focus is now, and after the new page is drawn: a page
            // that moved focus itself meanwhile keeps it.
            let before = active_element();
            request_animation_frame(move || {
                let now = active_element();
                if now == before || now.as_ref().is_none_or(is_body) {
                    focus_if_left(target, before);
                }
            });
        }
        now
    });
}

fn active_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.active_element()
}

fn is_body(element: &web_sys::Element) -> bool {
    element.tag_name().eq_ignore_ascii_case("body")
}

fn focus_if_left(target: &str, active: Option<web_sys::Element>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(element) = document
        .get_element_by_id(target)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let in_page_left = match active {
        None => true,
        Some(active) => {
            is_body(&active) || !active.is_connected() || element.contains(Some(&active))
        }
    };
    if !in_page_left {
        return;
    }
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
}
