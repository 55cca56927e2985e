//! Already covered: the URL typed is one of the event's sources.

use eventdesk_model::url::{normalise, safe_href};
use eventdesk_model::Source;

/// The event's source whose article or homepage is this URL, after normalising.
pub fn covering_source<'a>(url: &str, sources: &'a [Source]) -> Option<&'a Source> {
    let wanted = normalise(url)?;
    sources.iter().find(|s| {
        [&s.url, &s.homepage]
            .into_iter()
            .flatten()
            .any(|u| normalise(u).as_deref() == Some(wanted.as_str()))
    })
}

/// Where a source is best read: its article, else its homepage; only http(s).
pub fn source_href(source: &Source) -> Option<String> {
    [&source.url, &source.homepage]
        .into_iter()
        .flatten()
        .find_map(|u| safe_href(u))
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::testing::source;

    #[test]
    fn already_covered_after_normalising() {
        let sources = [
            source("isw", None, Some("https://understandingwar.org/")),
            source(
                "kyiv-independent",
                Some("https://kyivindependent.com/paris-summit/"),
                Some("https://kyivindependent.com/"),
            ),
        ];
        let found = |u: &str| covering_source(u, &sources).map(|s| s.id.as_str());
        assert_eq!(
            found("https://kyivindependent.com/"),
            Some("kyiv-independent")
        );
        assert_eq!(
            found("HTTP://WWW.KyivIndependent.com"),
            Some("kyiv-independent")
        );
        assert_eq!(
            found("https://kyivindependent.com/paris-summit?utm_source=tw#top"),
            Some("kyiv-independent")
        );
        assert_eq!(found("https://understandingwar.org"), Some("isw"));
        assert_eq!(found("https://kyivindependent.com/other-story"), None);
        assert_eq!(found("not a url"), None);
        assert_eq!(
            source_href(&sources[1]).as_deref(),
            Some("https://kyivindependent.com/paris-summit/")
        );
        let unsafe_only = source("x", Some("javascript:alert(1)"), None);
        assert_eq!(source_href(&unsafe_only), None);
    }
}
