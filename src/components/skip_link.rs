//! A skip link ("Skip to content", "Skip to events"): hidden until focused,
//! it moves keyboard focus past what comes before its target. The router
//! would take a click on `#target` for a navigation (a new history entry,
//! focus left where it was); this moves focus itself, as the browser does
//! for a fragment link in a page without scripts.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn SkipLink(
    /// The id of the element to skip to (focusable, e.g. `tabindex="-1"`).
    target: &'static str,
    /// Inside the target, what to focus first when it is there (a CSS
    /// selector, e.g. the first card's link); else the target itself.
    #[prop(optional)]
    first: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let on_click = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        focus_target(target, first);
    };
    view! { <a class="skip-link" href=format!("#{target}") on:click=on_click>{children()}</a> }
}

fn focus_target(target: &str, first: Option<&str>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let inner = first.and_then(|selector| {
        document
            .query_selector(&format!("#{target} {selector}"))
            .ok()
            .flatten()
    });
    let element = inner.or_else(|| document.get_element_by_id(target));
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}
