//! The web app manifest: what a browser needs to install Eventdesk
//! (name, start address, standalone display, icons, colours).

use serde_json::{json, Value};

use super::icons;
use eventdesk_page_logic::document::SITE_NAME;

/// Its address, linked from every page's head (`index.html`).
pub const PATH: &str = "/manifest.webmanifest";

/// `--color-surface` of `style/main.css` in light mode, the site header's
/// background: the installed app's title bar continues the header. (The
/// pages' `theme-color` metas give it in dark mode too.)
pub const THEME_COLOR: &str = "#ffffff";
/// `--color-surface` in dark mode, for the `theme-color` meta of dark pages.
pub const THEME_COLOR_DARK: &str = "#1c1e21";
/// `--color-bg` of `style/main.css` in light mode: the splash screen.
pub const BACKGROUND_COLOR: &str = "#f8f7f4";

/// What the manifest says.
pub fn manifest() -> Value {
    let icons: Vec<Value> = icons::ALL
        .into_iter()
        .map(|icon| {
            json!({
                "src": icon.path(),
                "sizes": format!("{0}x{0}", icon.size),
                "type": "image/png",
                "purpose": if icon.maskable { "maskable" } else { "any" },
            })
        })
        .collect();
    json!({
        "id": "/",
        "name": format!("{SITE_NAME}: news events and their sources"),
        "short_name": SITE_NAME,
        "description": "News events and how well independent sources corroborate them. \
                        Events you open stay readable offline.",
        "lang": "en",
        "dir": "ltr",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "categories": ["news"],
        "icons": icons,
    })
}

/// The manifest as served.
pub fn json() -> String {
    serde_json::to_string_pretty(&manifest()).unwrap_or_default()
}
