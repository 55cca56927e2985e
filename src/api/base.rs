//! Where the API lives: same-origin `/api/v1` unless the page's
//! `<meta name="eventdesk-api-base" content="…">` says otherwise, so the
//! built app can be pointed at another backend without rebuilding.

use std::sync::OnceLock;

/// The default: the backend that serves the app.
pub const DEFAULT_API_BASE: &str = "/api/v1";

static BASE: OnceLock<String> = OnceLock::new();

/// The API base, without a trailing slash. Read from the page once.
pub fn api_base() -> &'static str {
    BASE.get_or_init(|| from_meta().unwrap_or_else(|| DEFAULT_API_BASE.to_owned()))
}

fn from_meta() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let meta = document
        .query_selector(r#"meta[name="eventdesk-api-base"]"#)
        .ok()??;
    accept(&meta.get_attribute("content")?)
}

/// A base is a same-origin path (`/api/v1`) or an `http(s):` URL.
fn accept(raw: &str) -> Option<String> {
    let raw = raw.trim().trim_end_matches('/');
    let same_origin_path = raw.starts_with('/') && !raw.starts_with("//");
    if same_origin_path || eventdesk_model::url::safe_href(raw).is_some() {
        Some(raw.to_owned())
    } else {
        None
    }
}
