//! The page a reader gets offline at an address never opened on this
//! device: it says so and lists the events saved for reading offline. The
//! worker saves it at install and writes the list in where
//! [`SAVED_EVENTS`] stands (escaping every title), from what it has saved.
//! It looks like the site: the app's own stylesheet and masthead. Back
//! online, it reloads to the page that was asked for, unless the reader is
//! already leaving it for another.

use std::sync::OnceLock;

/// Its address.
pub const PATH: &str = "/offline.html";

/// Where the worker writes the list of saved events.
pub const SAVED_EVENTS: &str = "<!--saved-events-->";

const MAIN_CSS: &str = include_str!("../../../style/main.css");
const OFFLINE_CSS: &str = include_str!("../../../style/offline.css");

/// The page, made once.
pub fn html() -> &'static str {
    static PAGE: OnceLock<String> = OnceLock::new();
    PAGE.get_or_init(|| {
        format!(
            concat!(
                "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                "<meta name=\"color-scheme\" content=\"light dark\">",
                "<meta name=\"robots\" content=\"noindex\">",
                "<title>You are offline · Eventdesk</title>",
                "<style>{main}\n{offline}</style></head><body class=\"offline-page\">",
                "<a class=\"skip-link\" href=\"#main\">Skip to content</a>",
                "<header class=\"site-header\"><div class=\"site-header__inner\">",
                "<a class=\"brand\" href=\"/\">Eventdesk</a></div></header>",
                "<main id=\"main\" tabindex=\"-1\">",
                "<h1>You are offline</h1>",
                "<p>This page was not saved on this device, so it cannot be shown until you are ",
                "back online. It will load by itself when the connection returns.</p>",
                "<section aria-labelledby=\"saved-heading\">",
                "<h2 id=\"saved-heading\">Saved for reading offline</h2>",
                "{saved}",
                "</section></main>",
                // Back online, it reloads, unless the reader is already on
                // the way to another page: the reload would cancel their
                // navigation. (`online` can come while they leave: under
                // DevTools' offline emulation, as in the browser tests,
                // Chromium keeps one network state per renderer process, and
                // another page of the process starting or closing flips it.)
                "<script>var leaving=false;",
                "addEventListener(\"beforeunload\",function(){{leaving=true}});",
                "addEventListener(\"pageshow\",function(){{leaving=false}});",
                "addEventListener(\"online\",function(){{if(!leaving)location.reload()}})</script>",
                "</body></html>\n",
            ),
            main = MAIN_CSS,
            offline = OFFLINE_CSS,
            saved = SAVED_EVENTS,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_has_one_place() {
        assert_eq!(html().matches(SAVED_EVENTS).count(), 1);
        assert!(html().contains("<h1>You are offline</h1>"));
    }
}
