//! One outlet that covered an event: what it is, and where its name links.

use serde::{Deserialize, Serialize};

use crate::labels::humanise;
use crate::open_enum;
use crate::time::Timestamp;
use crate::url::safe_href;
use crate::wire::{null_as_default, null_as_true, yes};

open_enum! {
    pub enum SourceKind {
        NewsOutlet => "news_outlet",
        WireService => "wire_service",
        ThinkTank => "think_tank",
        Government => "government",
        Ngo => "ngo",
        SocialMedia => "social_media",
        OtherKind => "other",
    }
}

impl SourceKind {
    pub fn label(&self) -> String {
        match self {
            SourceKind::NewsOutlet => "News outlet".into(),
            SourceKind::WireService => "Wire service".into(),
            SourceKind::ThinkTank => "Think tank".into(),
            SourceKind::Government => "Government".into(),
            SourceKind::Ngo => "NGO".into(),
            SourceKind::SocialMedia => "Social media".into(),
            SourceKind::OtherKind => "Other".into(),
            SourceKind::Other(s) => humanise(s),
        }
    }
}

/// One outlet that covered the event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub homepage: Option<String>,
    #[serde(default)]
    pub country_code: Option<String>,
    #[serde(default)]
    pub kind: Option<SourceKind>,
    /// On the editors' trusted list.
    #[serde(default, deserialize_with = "null_as_default")]
    pub trusted: bool,
    /// False when this outlet republished another listed source.
    #[serde(default = "yes", deserialize_with = "null_as_true")]
    pub independent: bool,
    #[serde(default)]
    pub published_at: Option<Timestamp>,
}

impl Source {
    /// Where the source's name links: its article, else its homepage, and
    /// only when that is an `http:`/`https:` URL.
    pub fn link(&self) -> Option<&str> {
        self.url
            .as_deref()
            .and_then(safe_href)
            .or_else(|| self.homepage.as_deref().and_then(safe_href))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first source of the contract's example event.
    fn example_source() -> Source {
        let event = crate::examples::paris_event_value();
        serde_json::from_value(event["sources"][0].clone()).expect("its first source decodes")
    }

    #[test]
    fn source_links_prefer_the_article_and_refuse_scripts() {
        let mut s = example_source();
        assert_eq!(s.link(), Some("https://understandingwar.org/"));
        s.url = Some("javascript:alert(1)".into());
        assert_eq!(s.link(), Some("https://understandingwar.org/"));
        s.url = Some("https://example.org/a".into());
        assert_eq!(s.link(), Some("https://example.org/a"));
        s.url = None;
        s.homepage = Some("ftp://example.org".into());
        assert_eq!(s.link(), None);
    }
}
