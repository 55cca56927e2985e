//! The document around the app: its title and meta description, which
//! follow the page shown, the server's first paint, and the fragment.

use leptos::prelude::Get;

/// Sets `document.title` and `<meta name="description">`.
pub fn set_title_and_description(title: &str, description: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    document.set_title(title);
    if let Ok(Some(meta)) = document.query_selector(r#"meta[name="description"]"#) {
        let _ = meta.set_attribute("content", description);
    }
    // The router may render the new page before it updates the address, so
    // the canonical link is set once this frame is done.
    leptos::prelude::request_animation_frame(move || follow_canonical(&document));
}

/// The server writes a canonical link (and `og:url`) for the page first
/// loaded; after navigating inside the app they name this page instead:
/// origin and path, no query or fragment.
fn follow_canonical(document: &web_sys::Document) {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return;
    };
    let (Ok(origin), Ok(path)) = (location.origin(), location.pathname()) else {
        return;
    };
    let here = format!("{origin}{path}");
    if let Ok(Some(link)) = document.query_selector(r#"link[rel="canonical"]"#) {
        let _ = link.set_attribute("href", &here);
    }
    if let Ok(Some(meta)) = document.query_selector(r#"meta[property="og:url"]"#) {
        let _ = meta.set_attribute("content", &here);
    }
}

/// The title of a page that is not an event: "Heading · Eventdesk".
pub fn page_title(heading: &str) -> String {
    format!("{heading} · {}", eventdesk_page_logic::document::SITE_NAME)
}

/// True when the page holds the server's first paint (of an event page or
/// the feed).
pub fn has_first_paint() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[data-first-paint]").ok().flatten())
        .is_some()
}

/// Removes the server's first paint (the elements marked
/// `data-first-paint`, see `web/src/page/first_paint.rs`), once the app has
/// drawn the page in their place. Called in the task that draws it, so the
/// browser never paints both, nor neither.
pub fn drop_first_paint() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    while let Ok(Some(element)) = document.query_selector("[data-first-paint]") {
        element.remove();
    }
}

/// Follows the address's fragment (`#likely`) on a page whose parts exist
/// only once its data has arrived: whenever `loaded` turns true or the
/// fragment changes, scrolls to the part it names. The app draws pages
/// after the browser's own scroll to a fragment has been tried.
pub fn follow_fragment(loaded: impl Fn() -> bool + 'static) {
    let hash = leptos_router::hooks::use_location().hash;
    leptos::prelude::Effect::new(move |_| {
        let hash = hash.get();
        if loaded() && hash.len() > 1 {
            leptos::prelude::request_animation_frame(move || scroll_to_fragment(&hash));
        }
    });
}

/// Scrolls the element the fragment names into view and marks it.
fn scroll_to_fragment(hash: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let raw = hash.trim_start_matches('#');
    let id = js_sys::decode_uri_component(raw)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| raw.to_owned());
    if let Ok(Some(previous)) = document.query_selector(".is-target") {
        let _ = previous.class_list().remove_1("is-target");
    }
    if let Some(el) = document.get_element_by_id(&id) {
        let _ = el.class_list().add_1("is-target");
        el.scroll_into_view();
    }
}
