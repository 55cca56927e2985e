//! Sharing an event: its canonical URL, and the links that hand it to email
//! and to social networks, with the URL and title percent-encoded.
//!
//! The shared URL is always `origin + /events/{id}`: no query, no fragment,
//! no tracking parameters, whatever the reader's address bar holds.

use eventdesk_model::paths::{entity_path, event_path};
use eventdesk_model::url::encode_component;

/// The origin without a trailing slash, path, query or fragment:
/// `"https://eventdesk.example/any?x#y"` → `"https://eventdesk.example"`.
pub fn bare_origin(origin: &str) -> &str {
    let origin = origin.trim();
    let after_scheme = origin.find("://").map_or(0, |i| i + 3);
    let end = origin[after_scheme..]
        .find(['/', '?', '#'])
        .map_or(origin.len(), |i| after_scheme + i);
    &origin[..end]
}

/// The canonical address of an event page: `{origin}/events/{id}`.
pub fn event_url(origin: &str, id: &str) -> String {
    format!("{}{}", bare_origin(origin), event_path(id))
}

/// The canonical address of an entity page: `{origin}/entities/{id}`.
pub fn entity_url(origin: &str, id: &str) -> String {
    format!("{}{}", bare_origin(origin), entity_path(id))
}

/// The places an event can be shared to, in the order the page lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareTarget {
    Email,
    X,
    Bluesky,
    Facebook,
    LinkedIn,
    Reddit,
    Telegram,
    WhatsApp,
}

impl ShareTarget {
    pub const ALL: [ShareTarget; 8] = [
        ShareTarget::Email,
        ShareTarget::X,
        ShareTarget::Bluesky,
        ShareTarget::Facebook,
        ShareTarget::LinkedIn,
        ShareTarget::Reddit,
        ShareTarget::Telegram,
        ShareTarget::WhatsApp,
    ];

    /// The name a reader sees on the link.
    pub fn name(self) -> &'static str {
        match self {
            ShareTarget::Email => "Email",
            ShareTarget::X => "X",
            ShareTarget::Bluesky => "Bluesky",
            ShareTarget::Facebook => "Facebook",
            ShareTarget::LinkedIn => "LinkedIn",
            ShareTarget::Reddit => "Reddit",
            ShareTarget::Telegram => "Telegram",
            ShareTarget::WhatsApp => "WhatsApp",
        }
    }

    /// A stable token for styling and tests: "email", "x", "bluesky", ….
    pub fn token(self) -> &'static str {
        match self {
            ShareTarget::Email => "email",
            ShareTarget::X => "x",
            ShareTarget::Bluesky => "bluesky",
            ShareTarget::Facebook => "facebook",
            ShareTarget::LinkedIn => "linkedin",
            ShareTarget::Reddit => "reddit",
            ShareTarget::Telegram => "telegram",
            ShareTarget::WhatsApp => "whatsapp",
        }
    }

    /// The accessible name of the link: "Share on Bluesky", "Share by email".
    pub fn action(self) -> String {
        match self {
            ShareTarget::Email => "Share by email".to_owned(),
            other => format!("Share on {}", other.name()),
        }
    }

    /// True for web pages (opened in a new tab); false for `mailto:`.
    pub fn opens_page(self) -> bool {
        self != ShareTarget::Email
    }

    /// The link that shares `url` with `title` here.
    pub fn href(self, url: &str, title: &str) -> String {
        let u = encode_component(url);
        let t = encode_component(title);
        // Networks that take one text field get "title url".
        let both = encode_component(&format!("{title} {url}"));
        match self {
            ShareTarget::Email => {
                let body = encode_component(&format!("{title}\n\n{url}"));
                format!("mailto:?subject={t}&body={body}")
            }
            ShareTarget::X => format!("https://twitter.com/intent/tweet?text={t}&url={u}"),
            ShareTarget::Bluesky => format!("https://bsky.app/intent/compose?text={both}"),
            ShareTarget::Facebook => format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
            ShareTarget::LinkedIn => {
                format!("https://www.linkedin.com/sharing/share-offsite/?url={u}")
            }
            ShareTarget::Reddit => format!("https://www.reddit.com/submit?url={u}&title={t}"),
            ShareTarget::Telegram => format!("https://t.me/share/url?url={u}&text={t}"),
            ShareTarget::WhatsApp => format!("https://wa.me/?text={both}"),
        }
    }
}

/// One share link, ready to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareLink {
    pub target: ShareTarget,
    pub href: String,
}

/// Every share link for `url` and `title`, in display order.
pub fn share_links(url: &str, title: &str) -> Vec<ShareLink> {
    ShareTarget::ALL
        .iter()
        .map(|&target| ShareLink {
            target,
            href: target.href(url, title),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::testing::decode_component as decode;

    #[test]
    fn encoding_round_trips() {
        for s in [
            "Coalition \"of the Willing\" & Zelensky <Paris> #security",
            "Землетрясение в Турции — 🤝 مرحبا 東京 ½",
            "100% sure? a=b&c=d",
        ] {
            let e = encode_component(s);
            assert!(e
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)));
            assert_eq!(decode(&e), s);
        }
    }

    #[test]
    fn canonical_url_has_no_query_or_fragment() {
        assert_eq!(
            event_url("https://eventdesk.example/", "paris-2025"),
            "https://eventdesk.example/events/paris-2025"
        );
        assert_eq!(
            event_url(
                "http://127.0.0.1:8080/events/x?utm_source=a#top",
                "paris-2025"
            ),
            "http://127.0.0.1:8080/events/paris-2025"
        );
        assert_eq!(
            event_url("https://e.example", "a b/c"),
            "https://e.example/events/a%20b%2Fc"
        );
        assert_eq!(bare_origin("https://e.example?x=1"), "https://e.example");
    }

    #[test]
    fn every_target_carries_url_and_title() {
        let url = "https://eventdesk.example/events/paris-2025";
        let title = "Quotes \"here\" & <there> #1 — Київ 🤝";
        let (u, t) = (encode_component(url), encode_component(title));
        let links = share_links(url, title);
        assert_eq!(links.len(), 8);
        let href = |target| {
            links
                .iter()
                .find(|l| l.target == target)
                .unwrap()
                .href
                .clone()
        };
        assert_eq!(
            href(ShareTarget::X),
            format!("https://twitter.com/intent/tweet?text={t}&url={u}")
        );
        assert_eq!(
            href(ShareTarget::Facebook),
            format!("https://www.facebook.com/sharer/sharer.php?u={u}")
        );
        assert_eq!(
            href(ShareTarget::LinkedIn),
            format!("https://www.linkedin.com/sharing/share-offsite/?url={u}")
        );
        assert_eq!(
            href(ShareTarget::Reddit),
            format!("https://www.reddit.com/submit?url={u}&title={t}")
        );
        assert_eq!(
            href(ShareTarget::Telegram),
            format!("https://t.me/share/url?url={u}&text={t}")
        );
        let both = encode_component(&format!("{title} {url}"));
        assert_eq!(
            href(ShareTarget::Bluesky),
            format!("https://bsky.app/intent/compose?text={both}")
        );
        assert_eq!(
            href(ShareTarget::WhatsApp),
            format!("https://wa.me/?text={both}")
        );
        let mail = href(ShareTarget::Email);
        assert!(mail.starts_with(&format!("mailto:?subject={t}&body=")));
        let body = mail.split("&body=").nth(1).unwrap();
        assert_eq!(decode(body), format!("{title}\n\n{url}"));
        for l in &links {
            // Nothing of the title may leak out unencoded: one `?`, and `&`
            // only between parameters.
            assert!(!l.href.contains(' ') && !l.href.contains('"') && !l.href.contains('<'));
            assert!(!l.href.contains('#'));
            assert_eq!(l.href.matches('?').count(), 1, "{}", l.href);
        }
    }

    #[test]
    fn names_and_tokens() {
        assert_eq!(ShareTarget::Email.action(), "Share by email");
        assert_eq!(ShareTarget::WhatsApp.action(), "Share on WhatsApp");
        assert!(!ShareTarget::Email.opens_page());
        assert!(ShareTarget::ALL[1..].iter().all(|t| t.opens_page()));
        let tokens: Vec<_> = ShareTarget::ALL.iter().map(|t| t.token()).collect();
        assert_eq!(
            tokens,
            ["email", "x", "bluesky", "facebook", "linkedin", "reddit", "telegram", "whatsapp"]
        );
    }
}
