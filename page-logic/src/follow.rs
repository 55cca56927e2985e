//! Following without an account: where the Atom feeds are, and what they
//! are called. The app's Follow control and the server's `<link
//! rel="alternate">` tags and feeds (`web/src/atom/`) all take the feeds'
//! addresses from here.

use eventdesk_model::paths::event_path;

use crate::feed::FeedFilters;

/// The feeds' media type (RFC 4287).
pub const ATOM_TYPE: &str = "application/atom+xml";

/// The site's feed, without filters.
pub const SITE_FEED_PATH: &str = "/feed.atom";

/// The site feed's title.
pub const SITE_FEED_TITLE: &str = "Eventdesk: latest events";

/// `/events/{id}/feed.atom`: one event's updates.
pub fn event_feed_path(id: &str) -> String {
    format!("{}/feed.atom", event_path(id))
}

/// `/feed.atom?…`: the feed's events for these filters, as they are applied
/// (what the feed page itself sends the API).
pub fn feed_path(filters: &FeedFilters) -> String {
    format!("{SITE_FEED_PATH}{}", filters.applied().to_query())
}

/// The title of an event's feed: "Updates: {headline}".
pub fn event_feed_title(headline: &str) -> String {
    format!("Updates: {}", crate::text::clip(headline.trim(), 120))
}

#[cfg(test)]
mod tests {
    use super::*;
    use eventdesk_model::ConfidenceLevel;

    #[test]
    fn event_feeds_sit_under_the_event() {
        assert_eq!(event_feed_path("paris-1"), "/events/paris-1/feed.atom");
        assert_eq!(event_feed_path("a/b?c"), "/events/a%2Fb%3Fc/feed.atom");
    }

    #[test]
    fn the_feed_follows_the_applied_filters() {
        assert_eq!(feed_path(&FeedFilters::default()), "/feed.atom");
        let mut f = FeedFilters::default();
        f.toggle_category("military");
        f.toggle_confidence(&ConfidenceLevel::Likely);
        f.set_text(crate::feed::FilterField::Search, "a & b");
        f.set_text(crate::feed::FilterField::From, "not a day");
        assert_eq!(
            feed_path(&f),
            "/feed.atom?category=military&confidence=likely&q=a%20%26%20b"
        );
    }

    #[test]
    fn long_headlines_are_clipped_in_titles() {
        assert_eq!(event_feed_title(" Paris "), "Updates: Paris");
        assert!(event_feed_title(&"word ".repeat(100)).chars().count() <= 130);
    }
}
