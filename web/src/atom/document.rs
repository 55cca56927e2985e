//! One Atom 1.0 document (RFC 4287): a feed and its entries, written as XML
//! with every text escaped (`super::xml`). What goes in it is the callers'.

use eventdesk_model::time::{Day, Timestamp};
use eventdesk_page_logic::follow::ATOM_TYPE;

use super::xml;
use eventdesk_page_logic::document::SITE_NAME;

/// A feed: its own address is its id.
#[derive(Debug, Clone)]
pub struct Feed {
    /// The feed's address, absolute: its id and its `self` link.
    pub url: String,
    pub title: String,
    pub subtitle: String,
    /// The page the feed follows (`alternate`).
    pub page_url: String,
    /// The site's origin, for the author.
    pub origin: String,
    /// RFC 3339; the newest entry's, or the caller's when there is none.
    pub updated: String,
    pub entries: Vec<Entry>,
}

/// One entry.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Stable: the same change always has the same id.
    pub id: String,
    pub title: String,
    /// The page to read it on.
    pub link: String,
    /// RFC 3339.
    pub updated: String,
    pub published: Option<String>,
    pub summary: String,
    /// `(term, label)`; a blank term is left out.
    pub categories: Vec<(String, String)>,
}

impl Feed {
    /// The XML document, UTF-8.
    pub fn render(&self) -> String {
        let mut out = String::with_capacity(1024 + self.entries.len() * 768);
        out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n");
        line(&mut out, &xml::element("id", &self.url));
        line(&mut out, &text_construct("title", &self.title));
        line(&mut out, &text_construct("subtitle", &self.subtitle));
        line(&mut out, &link("self", ATOM_TYPE, &self.url));
        line(&mut out, &link("alternate", "text/html", &self.page_url));
        line(&mut out, &xml::element("updated", &self.updated));
        line(
            &mut out,
            &format!(
                "<author>{}{}</author>",
                xml::element("name", SITE_NAME),
                xml::element("uri", &format!("{}/", self.origin))
            ),
        );
        line(&mut out, &xml::element("generator", SITE_NAME));
        for entry in &self.entries {
            entry.render_into(&mut out);
        }
        out.push_str("</feed>\n");
        out
    }
}

impl Entry {
    fn render_into(&self, out: &mut String) {
        out.push_str("<entry>\n");
        line(out, &xml::element("id", &self.id));
        line(out, &text_construct("title", &self.title));
        line(out, &link("alternate", "text/html", &self.link));
        line(out, &xml::element("updated", &self.updated));
        if let Some(published) = &self.published {
            line(out, &xml::element("published", published));
        }
        for (term, label) in &self.categories {
            if term.trim().is_empty() {
                continue;
            }
            line(
                out,
                &format!(
                    "<category term=\"{}\" label=\"{}\"/>",
                    xml::text(term),
                    xml::text(label)
                ),
            );
        }
        line(out, &text_construct("summary", &self.summary));
        out.push_str("</entry>\n");
    }
}

fn line(out: &mut String, text: &str) {
    out.push_str(text);
    out.push('\n');
}

/// A plain-text construct: readers show it as text, never as markup.
fn text_construct(name: &str, value: &str) -> String {
    format!("<{name} type=\"text\">{}</{name}>", xml::text(value))
}

fn link(rel: &str, media_type: &str, href: &str) -> String {
    format!(
        "<link rel=\"{rel}\" type=\"{media_type}\" href=\"{}\"/>",
        xml::text(href)
    )
}

/// An instant of the contract as Atom writes it (RFC 3339), when it is one.
pub fn instant(at: &Timestamp) -> Option<String> {
    at.parse().map(|t| t.to_rfc3339())
}

/// The start of a day, UTC, when it is one.
pub fn day_start(day: &Day) -> Option<String> {
    day.parse().map(|d| format!("{d}T00:00:00Z"))
}

/// When nothing says when: the start of the Unix epoch (Atom requires a date).
pub const UNKNOWN_TIME: &str = "1970-01-01T00:00:00Z";

#[cfg(test)]
mod tests {
    use super::*;

    fn feed() -> Feed {
        Feed {
            url: "https://news.example/feed.atom?q=a&b".into(),
            title: "T <b>".into(),
            subtitle: "S".into(),
            page_url: "https://news.example/".into(),
            origin: "https://news.example".into(),
            updated: "2025-09-04T10:00:00+00:00".into(),
            entries: vec![Entry {
                id: "https://news.example/events/x".into(),
                title: "</title><script>x</script>".into(),
                link: "https://news.example/events/x".into(),
                updated: "2025-09-04T10:00:00+00:00".into(),
                published: None,
                summary: "a\u{0}b".into(),
                categories: vec![("".into(), "none".into()), ("war\"".into(), "War".into())],
            }],
        }
    }

    #[test]
    fn a_feed_is_atom_with_its_text_escaped() {
        let xml = feed().render();
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""));
        assert!(xml.contains("<id>https://news.example/feed.atom?q=a&amp;b</id>"));
        assert!(xml
            .contains("<title type=\"text\">&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>"));
        assert!(xml.contains("<summary type=\"text\">ab</summary>"));
        assert!(xml.contains("<category term=\"war&quot;\" label=\"War\"/>"));
        assert!(!xml.contains("label=\"none\""));
        assert!(!xml.contains("<script"));
    }

    #[test]
    fn times_are_rfc_3339() {
        assert_eq!(
            instant(&Timestamp("2025-09-04T10:00:00.5Z".into())).as_deref(),
            Some("2025-09-04T10:00:00.500+00:00")
        );
        assert_eq!(instant(&Timestamp("yesterday".into())), None);
        assert_eq!(
            day_start(&Day("2025-09-04".into())).as_deref(),
            Some("2025-09-04T00:00:00Z")
        );
        assert_eq!(day_start(&Day("soon".into())), None);
    }
}
