//! `sitemap.xml` as the sitemaps.org protocol (0.9) writes it: one `<url>`
//! per page, its absolute, XML-escaped `<loc>` and, when known, its
//! `<lastmod>`. What goes in it is read by [`super::inventory`].

use eventdesk_model::time::{iso_day, Day, Timestamp};

use crate::escape;

/// The protocol's most URLs in one sitemap. Past it a sitemap index would
/// be needed; until a backend has that many events, the rest are left out
/// (the feed, the methodology and the newest events first).
pub const MAX_URLS: usize = 50_000;

/// When a page last changed, in the W3C Datetime form the protocol takes:
/// `2026-05-31T10:00:00Z` for an instant (in UTC), `2025-09-04` for a day.
/// Ordered by time: a day sorts as its start, as the text of a day is a
/// prefix of the text of any instant in it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Lastmod(String);

impl Lastmod {
    /// An event's: when it was last updated, else the day it happened;
    /// `None` when neither is a date (untrusted text is never written as one).
    pub fn of(updated_at: Option<&Timestamp>, occurred_on: Option<&Day>) -> Option<Lastmod> {
        updated_at
            .and_then(Timestamp::parse)
            .map(|at| Lastmod(Timestamp::from_utc(at.to_utc()).0))
            .or_else(|| {
                occurred_on
                    .and_then(Day::parse)
                    .map(|d| Lastmod(iso_day(d)))
            })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One page in the sitemap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The page's path, its ids already percent-encoded (`/events/x%20y`).
    pub path: String,
    pub lastmod: Option<Lastmod>,
}

/// The document for a site at `origin`: the first [`MAX_URLS`] of `entries`.
pub fn render(origin: &str, entries: &[Entry]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for entry in entries.iter().take(MAX_URLS) {
        out.push_str("<url><loc>");
        out.push_str(&escape::html(&format!("{origin}{}", entry.path)));
        out.push_str("</loc>");
        if let Some(lastmod) = &entry.lastmod {
            out.push_str("<lastmod>");
            out.push_str(&escape::html(lastmod.as_str()));
            out.push_str("</lastmod>");
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lastmod_is_the_update_in_utc_else_the_day() {
        let at = Timestamp("2026-05-31T12:00:00+02:00".into());
        let day = Day("2025-09-04".into());
        assert_eq!(
            Lastmod::of(Some(&at), Some(&day)).unwrap().as_str(),
            "2026-05-31T10:00:00Z"
        );
        let broken = Timestamp("yesterday <b>".into());
        assert_eq!(
            Lastmod::of(Some(&broken), Some(&day)).unwrap().as_str(),
            "2025-09-04"
        );
        assert_eq!(Lastmod::of(None, Some(&Day("soon".into()))), None);
        // A day sorts before any instant in it, and after the day before.
        let d = Lastmod::of(None, Some(&Day("2026-05-31".into()))).unwrap();
        assert!(d < Lastmod::of(Some(&at), None).unwrap());
        assert!(d > Lastmod::of(None, Some(&Day("2026-05-30".into()))).unwrap());
    }

    #[test]
    fn urls_are_absolute_and_escaped() {
        let xml = render(
            "https://news.example",
            &[
                Entry {
                    path: "/".into(),
                    lastmod: None,
                },
                Entry {
                    path: "/x?a=1&b=<2>".into(),
                    lastmod: Lastmod::of(None, Some(&Day("2025-09-04".into()))),
                },
            ],
        );
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
        assert!(xml.contains("<url><loc>https://news.example/</loc></url>"));
        assert!(xml.contains(
            "<loc>https://news.example/x?a=1&amp;b=&lt;2&gt;</loc><lastmod>2025-09-04</lastmod>"
        ));
    }

    #[test]
    fn at_most_the_protocols_50000_urls() {
        let entries: Vec<Entry> = (0..MAX_URLS + 5)
            .map(|i| Entry {
                path: format!("/events/e{i}"),
                lastmod: None,
            })
            .collect();
        let xml = render("http://h", &entries);
        assert_eq!(xml.matches("<url>").count(), MAX_URLS);
        assert!(xml.contains("/events/e0<"));
        assert!(!xml.contains(&format!("/events/e{MAX_URLS}<")));
    }
}
