//! What a page's head says: its title and its description, for the app's
//! document and for the link previews the web server writes.

use eventdesk_model::Event;

use crate::text::clip;

/// The id of the element in which the web server embeds a page's first API
/// answer, and which the app reads once instead of asking again.
pub const PRELOAD_ELEMENT_ID: &str = "eventdesk-preload";

/// Site name appended to every document title.
pub const SITE_NAME: &str = "Eventdesk";

/// Longest meta description, in characters (search engines cut near 160).
pub const DESCRIPTION_MAX: usize = 160;

/// An event page's title: "Coalition of the Willing meets Zelensky in
/// Paris … · Eventdesk".
pub fn event_title(event: &Event) -> String {
    format!("{} · {SITE_NAME}", clip(event.headline(), 90))
}

/// An event page's meta description: the summary, cut at a word near 160
/// characters.
pub fn event_description(event: &Event) -> String {
    clip(event.summary.summary.trim(), DESCRIPTION_MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::paris;

    #[test]
    fn document_title_and_description() {
        let e = paris();
        assert_eq!(
            event_title(&e),
            "Coalition of the Willing meets Zelensky in Paris on security guarantees · Eventdesk"
        );
        assert!(event_description(&e).starts_with("The British and French-led Coalition"));
        assert!(event_description(&e).chars().count() <= DESCRIPTION_MAX);
        assert!(event_description(&e).ends_with('…'));
    }
}
