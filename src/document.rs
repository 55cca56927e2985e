//! The document's title and meta description, which follow the page shown.

/// Sets `document.title` and `<meta name="description">`.
pub fn set_title_and_description(title: &str, description: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    document.set_title(title);
    if let Ok(Some(meta)) = document.query_selector(r#"meta[name="description"]"#) {
        let _ = meta.set_attribute("content", description);
    }
}

/// The title of a page that is not an event: "Heading · Eventdesk".
pub fn page_title(heading: &str) -> String {
    format!("{heading} · {}", eventdesk_model::page::SITE_NAME)
}
