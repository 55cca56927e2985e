//! The page's first data: the app's page for `/events/{id}` carries that
//! event's JSON, and the feed's page (`/`, with or without filters) its first
//! page of cards, so the app renders without a second round trip.
//!
//! The data sits in a JSON data block before `</body>`:
//!
//! ```html
//! <script type="application/json" id="eventdesk-preload"
//!   data-api="/events/paris-…" data-page="/events/paris-…">{…}</script>
//! ```
//!
//! `data-api` is the API path (after the API base) whose answer it is, exactly
//! as the client asks for it; `data-page` is the page it was sent with. The
//! client (`src/api/preload.rs`) uses it once, only for that request on that
//! page, and otherwise asks the API as usual. A data block is never executed,
//! so the page's script policy needs nothing for it, and its text is made
//! script-safe so it can never close the element. Anything that is not a
//! plain successful answer (withdrawn, missing, bad query, upstream down)
//! embeds nothing: the app asks and shows the API's own answer.

use eventdesk_page_logic::feed::{events_query, FeedFilters, PAGE_SIZE};

use super::route::Page;
use crate::escape;

/// The element's id, which the client looks for.
pub use eventdesk_page_logic::document::PRELOAD_ELEMENT_ID as ELEMENT_ID;

/// The API path (after the base) whose answer a page starts with, as the
/// client writes it, if the page has one.
pub fn api_path(page: &Page) -> Option<String> {
    match page {
        Page::Event(id) => Some(format!("/events/{id}")),
        Page::Home { query } => {
            let pairs = form_urlencoded::parse(query.as_deref().unwrap_or("").as_bytes());
            let filters = FeedFilters::from_pairs(pairs);
            Some(format!(
                "/events{}",
                events_query(&filters, None, None, PAGE_SIZE)
            ))
        }
        _ => None,
    }
}

/// True when the feed's address (path and query) narrows the list by a
/// filter, as the app's `HomePage` reads its query.
pub fn feed_is_filtered(address: &str) -> bool {
    let query = address.split_once('?').map_or("", |(_, q)| q);
    let query = query.split_once('#').map_or(query, |(q, _)| q);
    !FeedFilters::from_pairs(form_urlencoded::parse(query.as_bytes())).is_empty()
}

/// The data block for `json`, the answer to `api_path`, sent with the page at `page`.
pub fn element(api_path: &str, page: &str, json: &str) -> String {
    format!(
        "<script type=\"application/json\" id=\"{ELEMENT_ID}\" data-api=\"{}\" data-page=\"{}\">{}</script>",
        escape::html(api_path),
        escape::html(page),
        escape::script_json_text(json),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, query: Option<&str>) -> Page {
        Page::from_path(path, query)
    }

    #[test]
    fn which_pages_carry_data() {
        assert_eq!(
            api_path(&page("/events/paris-1", None)),
            Some("/events/paris-1".into())
        );
        assert_eq!(api_path(&page("/", None)), Some("/events?limit=20".into()));
        assert_eq!(
            api_path(&page("/", Some("category=legal&q=paris%20accord&utm=x"))),
            Some("/events?category=legal&q=paris%20accord&limit=20".into())
        );
        for none in [
            "/methodology",
            "/entities/x",
            "/events/a%2Fb",
            "/submissions/x",
        ] {
            assert_eq!(api_path(&page(none, None)), None, "{none}");
        }
    }

    #[test]
    fn a_feed_address_with_a_filter_is_filtered() {
        assert!(!feed_is_filtered("/"));
        assert!(!feed_is_filtered("/?utm_source=x"));
        assert!(feed_is_filtered("/?category=legal"));
        assert!(feed_is_filtered("/?q=paris%20accord#x"));
    }

    #[test]
    fn the_block_cannot_be_closed_by_its_data() {
        let block = element(
            "/events?category=a&limit=20",
            "/?category=a\"",
            r#"{"summary":"</script><script>alert(1)</script><!--"}"#,
        );
        assert_eq!(block.matches("</script").count(), 1);
        assert!(block.ends_with("</script>"));
        let opening = block.find('>').unwrap() + 1;
        assert!(!block[opening..block.len() - 9].contains('<'));
        assert!(block.contains(r#"data-api="/events?category=a&amp;limit=20""#));
        assert!(block.contains(r#"data-page="/?category=a&quot;""#));
        let json = &block[opening..block.len() - 9];
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(value["summary"], "</script><script>alert(1)</script><!--");
    }
}
