//! Data the server embedded in the page it sent, so the first view renders
//! without a second round trip (see the server's `preload` module):
//!
//! ```html
//! <script type="application/json" id="eventdesk-preload"
//!   data-api="/events/…" data-page="/events/…">{…}</script>
//! ```
//!
//! It is used at most once, only for the very API path it answers, and only
//! while the reader is still on the page it came with; then it is removed.
//! Without it (another backend, a page without data) the app asks the API.

use eventdesk_page_logic::document::PRELOAD_ELEMENT_ID as ELEMENT_ID;

/// The embedded answer to `GET {api base}{path}`, taken out of the page.
pub fn take(path: &str) -> Option<String> {
    let window = web_sys::window()?;
    let element = window.document()?.get_element_by_id(ELEMENT_ID)?;
    if element.get_attribute("data-api").as_deref() != Some(path) {
        return None;
    }
    let location = window.location();
    let here = format!("{}{}", location.pathname().ok()?, location.search().ok()?);
    // Whatever happens next, the data answered its one request.
    let text = element.text_content();
    element.remove();
    (element.get_attribute("data-page").as_deref() == Some(here.as_str()))
        .then_some(text)
        .flatten()
}
