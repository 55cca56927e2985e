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
            // Where focus is now; the new page is drawn by the next frame.
            let before = document().and_then(|d| d.active_element());
            request_animation_frame(move || focus_content(target, before));
        }
        now
    });
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn is_body(element: &web_sys::Element) -> bool {
    element.tag_name().eq_ignore_ascii_case("body")
}

/// Focuses `target` if focus was `before` in the page left (on the body,
/// on an element since removed, or inside `target`) and the new page has
/// not moved it since.
fn focus_content(target: &str, before: Option<web_sys::Element>) {
    let Some(document) = document() else {
        return;
    };
    let Some(content) = document
        .get_element_by_id(target)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let now = document.active_element();
    let moved_by_page = now != before && now.as_ref().is_some_and(|e| !is_body(e));
    let was_in_page_left = before
        .as_ref()
        .is_none_or(|e| is_body(e) || !e.is_connected() || content.contains(Some(e)));
    if moved_by_page || !was_in_page_left {
        return;
    }
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = content.focus_with_options(&options);
}
