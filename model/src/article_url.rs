//! Whether an address can be another outlet's article, the one rule for the
//! submission's `url`: the form applies it before sending and the reference
//! backend on receipt, and each refusal says why, in the same words on both
//! sides.
//!
//! An article is on the public web: an `http:` or `https:` address whose
//! host is a public domain name. Refused: addresses of this device
//! (`localhost`, loopback), of a private or link-local network, every IP
//! literal (in all the spellings browsers accept: `2130706433`, `0x7f.1`,
//! `0177.0.0.1`, `[::ffff:127.0.0.1]`), single-label hosts (`https://example`),
//! names only a local network knows (`.local`, `.internal`, `.lan`, …),
//! user names before an `@`, look-alike characters that browsers turn into
//! plain ones (full-width, circled, mathematical letters and digits,
//! invisible characters), and pages of Eventdesk's own site ([`OwnSite`]).
//!
//! The host is read by the model's own small URL parser (`url.rs`); no name
//! is looked up, so a public name that resolves to a private address is not
//! caught here (the editor's review is).

mod ip_literal;

use crate::text::non_blank;
use crate::url::{parse_http, suggest_outlet_name};

use ip_literal::{ip_reach, Reach};

/// The longest address, in characters.
pub const URL_MAX: usize = 2048;

/// How an article's address starts: said by the field's hint and by its error.
pub const URL_START: &str = "starting with http:// or https://";

/// The address field's hint, from the same words as its errors.
pub fn url_hint() -> String {
    format!("The full address of the other outlet's article, {URL_START}.")
}

/// Endings of names that only a local network (or nobody) knows.
const LOCAL_SUFFIXES: [&str; 11] = [
    "local",
    "internal",
    "intranet",
    "lan",
    "home",
    "corp",
    "private",
    "localdomain",
    "home.arpa",
    "arpa",
    "invalid",
];

/// Why an address cannot be an outlet's article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlRefusal {
    /// Nothing typed.
    Missing,
    /// Longer than [`URL_MAX`] characters.
    TooLong,
    /// Not an absolute `http:`/`https:` address with a host.
    NotWebAddress,
    /// A user name (or password) before an `@` in the host part.
    UserInfo,
    /// Characters that browsers turn into others: full-width, circled,
    /// mathematical, invisible.
    LookAlike,
    /// A page of Eventdesk's own site.
    OwnSite,
    /// `localhost`, a loopback or unspecified address.
    ThisDevice,
    /// An address of a private network.
    PrivateNetwork,
    /// An address of the local link only.
    LinkLocal,
    /// A multicast, broadcast, documentation or test address.
    ReservedAddress,
    /// A public IP address instead of the outlet's domain name.
    IpAddress,
    /// A host of one label, with no domain ending.
    SingleLabel,
    /// A name under an ending only a local network knows.
    LocalName { ending: &'static str },
}

impl UrlRefusal {
    /// What the reader is told, beside the address field.
    pub fn message(&self) -> String {
        const PUBLIC: &str = "Enter the article's address on the outlet's public site.";
        match self {
            Self::Missing => "Enter the address of the article.".into(),
            Self::TooLong => format!("The address can be at most {URL_MAX} characters."),
            Self::NotWebAddress => format!("Enter the full address of the article, {URL_START}."),
            Self::UserInfo => "An article's address has no user name before an @. Remove the part up to and including the @.".into(),
            Self::LookAlike => "The site's name contains look-alike or invisible characters (such as full-width or circled letters). Type it in plain letters.".into(),
            Self::OwnSite => "This is a page of Eventdesk itself. Enter the address of the other outlet's article.".into(),
            Self::ThisDevice => format!("This address points to the device it is opened on (localhost), not to a news site. {PUBLIC}"),
            Self::PrivateNetwork => format!("This address is on a private network, which readers and editors cannot open. {PUBLIC}"),
            Self::LinkLocal => format!("This is a link-local address, which reaches only devices on the same network. {PUBLIC}"),
            Self::ReservedAddress => format!("This address is reserved (for multicast, documentation or tests) and no news site uses it. {PUBLIC}"),
            Self::IpAddress => "Enter the address with the outlet's domain name (such as www.example-news.org), not a numeric IP address.".into(),
            Self::SingleLabel => "This address has no domain ending (such as .com or .org), so it is not on the public web. Enter the article's full address.".into(),
            Self::LocalName { ending } => format!("Names ending in .{ending} are known only on a local network, which readers and editors cannot reach. {PUBLIC}"),
        }
    }
}

/// Eventdesk's own site: the hosts whose pages are never another outlet's
/// article. The app knows its origin (the page's location); the reference
/// backend is told (`--site-origin`) and knows the host it is asked on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OwnSite {
    hosts: Vec<String>,
}

/// A host as two addresses of one site compare: no trailing dot, no `www.`.
fn site_host(host: &str) -> &str {
    let host = host.strip_suffix('.').unwrap_or(host);
    host.strip_prefix("www.").unwrap_or(host)
}

impl OwnSite {
    /// A site that knows none of its addresses.
    pub fn unknown() -> Self {
        Self::default()
    }

    /// The site at these origins (`https://eventdesk.example`) or hosts with
    /// an optional port (`eventdesk.example:8080`, as a `Host` header has it);
    /// unreadable ones are skipped.
    pub fn new<'a>(origins: impl IntoIterator<Item = &'a str>) -> Self {
        let mut site = Self::default();
        for origin in origins {
            site.add(origin);
        }
        site
    }

    /// Adds one origin or `host[:port]`.
    pub fn add(&mut self, origin: &str) {
        let Some(origin) = non_blank(origin) else {
            return;
        };
        let parsed = if origin.contains("://") {
            parse_http(origin).map(|u| u.host)
        } else {
            parse_http(&format!("http://{origin}/")).map(|u| u.host)
        };
        if let Some(host) = parsed {
            let host = site_host(&host).to_owned();
            if !self.hosts.contains(&host) {
                self.hosts.push(host);
            }
        }
    }

    fn has(&self, host: &str) -> bool {
        let host = site_host(host);
        self.hosts.iter().any(|h| h == host)
    }
}

/// The host part of an absolute URL, as typed: up to the path, query or fragment.
fn authority(raw: &str) -> &str {
    let rest = raw.split_once("://").map_or(raw, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// A character that browsers (UTS #46) map to another or drop in a host:
/// the host read is then not the host shown.
fn is_look_alike(c: char) -> bool {
    matches!(c,
        '\u{00AA}' | '\u{00B2}' | '\u{00B3}' | '\u{00B9}' | '\u{00BA}' | '\u{00BC}'..='\u{00BE}'
        | '\u{00AD}' | '\u{017F}' | '\u{02B0}'..='\u{02B8}' | '\u{02E0}'..='\u{02E4}'
        | '\u{034F}' | '\u{180B}'..='\u{180F}' | '\u{1D2C}'..='\u{1D6A}'
        | '\u{200B}'..='\u{200F}' | '\u{2024}'..='\u{2026}' | '\u{2060}'..='\u{2064}'
        | '\u{2070}'..='\u{209F}' | '\u{2100}'..='\u{218F}' | '\u{2460}'..='\u{24FF}'
        | '\u{3200}'..='\u{33FF}' | '\u{FB00}'..='\u{FB06}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE50}'..='\u{FE6F}' | '\u{FEFF}' | '\u{FF00}'..='\u{FFEF}'
        | '\u{1D400}'..='\u{1D7FF}' | '\u{1F100}'..='\u{1F1FF}')
}

/// Why `raw` cannot be an outlet's article, or `Ok` when it can.
pub fn check_article_url(raw: &str, own: &OwnSite) -> Result<(), UrlRefusal> {
    let url = non_blank(raw).ok_or(UrlRefusal::Missing)?;
    if url.chars().count() > URL_MAX {
        return Err(UrlRefusal::TooLong);
    }
    let parsed = parse_http(url).ok_or(UrlRefusal::NotWebAddress)?;
    if authority(url).contains('@') {
        return Err(UrlRefusal::UserInfo);
    }
    let host = parsed.host;
    if host.chars().any(is_look_alike) {
        return Err(UrlRefusal::LookAlike);
    }
    if own.has(&host) {
        return Err(UrlRefusal::OwnSite);
    }
    if let Some(reach) = ip_reach(&host) {
        return Err(match reach {
            Err(()) => UrlRefusal::NotWebAddress,
            Ok(Reach::ThisDevice) => UrlRefusal::ThisDevice,
            Ok(Reach::Private) => UrlRefusal::PrivateNetwork,
            Ok(Reach::LinkLocal) => UrlRefusal::LinkLocal,
            Ok(Reach::Reserved) => UrlRefusal::ReservedAddress,
            Ok(Reach::Public) => UrlRefusal::IpAddress,
        });
    }
    if host.contains([':', '[', ']']) {
        return Err(UrlRefusal::NotWebAddress);
    }
    let name = host.strip_suffix('.').unwrap_or(&host);
    if name == "localhost" || name.ends_with(".localhost") {
        return Err(UrlRefusal::ThisDevice);
    }
    if !name.contains('.') {
        return Err(UrlRefusal::SingleLabel);
    }
    if let Some(ending) = LOCAL_SUFFIXES
        .into_iter()
        .find(|s| name.strip_suffix(s).is_some_and(|rest| rest.ends_with('.')))
    {
        return Err(UrlRefusal::LocalName { ending });
    }
    Ok(())
}

/// The outlet name to suggest for an address: its host without `www.`,
/// only when the address can be an article at all.
pub fn outlet_name_for(raw: &str, own: &OwnSite) -> Option<String> {
    check_article_url(raw, own).ok()?;
    suggest_outlet_name(raw).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(raw: &str) -> Result<(), UrlRefusal> {
        check_article_url(raw, &OwnSite::new(["https://eventdesk.example"]))
    }

    #[test]
    fn articles_of_outlets_pass() {
        for ok in [
            "https://www.example-news.org/2025/09/04/x",
            "HTTP://Example.org/a?b#c",
            "https://bbc.co.uk",
            "https://kyivindependent.com:8443/x",
            "https://news.example./story",
            "https://пример.рф/статья",
            "https://xn--e1afmkfd.xn--p1ai/",
            "https://1password.com/blog",
            "https://0xbeef.com/",
            "https://reuters.com/x?next=http://localhost/",
            "https://a.com/x@y",
        ] {
            assert_eq!(check(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn the_issues_four_addresses_are_refused() {
        assert_eq!(check("http://localhost/x"), Err(UrlRefusal::ThisDevice));
        assert_eq!(check("https://example"), Err(UrlRefusal::SingleLabel));
        assert_eq!(
            check("http://192.168.1.1/admin"),
            Err(UrlRefusal::PrivateNetwork)
        );
        assert_eq!(
            check(
                "https://eventdesk.example/events/paris-coalition-security-guarantees-2025-09-04"
            ),
            Err(UrlRefusal::OwnSite)
        );
    }

    #[test]
    fn every_kind_has_its_reason() {
        let cases = [
            ("", UrlRefusal::Missing),
            ("  ", UrlRefusal::Missing),
            ("reuters.com/x", UrlRefusal::NotWebAddress),
            ("javascript:alert(1)", UrlRefusal::NotWebAddress),
            ("ftp://files.example.org/", UrlRefusal::NotWebAddress),
            ("https://user:pw@reuters.com/", UrlRefusal::UserInfo),
            ("https://reuters.com@127.0.0.1/", UrlRefusal::UserInfo),
            ("http://ｌｏｃａｌｈｏｓｔ/", UrlRefusal::LookAlike),
            ("http://１２７.０.０.１/", UrlRefusal::LookAlike),
            ("http://①②⑦.0.0.1/", UrlRefusal::LookAlike),
            ("http://loc\u{AD}alhost/", UrlRefusal::NotWebAddress),
            ("http://127\u{3002}0.0.1/", UrlRefusal::NotWebAddress),
            ("http://WWW.Eventdesk.Example./about", UrlRefusal::OwnSite),
            ("http://LOCALHOST:8080/", UrlRefusal::ThisDevice),
            ("http://localhost./", UrlRefusal::ThisDevice),
            ("http://app.localhost/", UrlRefusal::ThisDevice),
            ("http://127.0.0.1/", UrlRefusal::ThisDevice),
            ("http://2130706433/", UrlRefusal::ThisDevice),
            ("http://0x7f.1/", UrlRefusal::ThisDevice),
            ("http://0177.0.0.1/", UrlRefusal::ThisDevice),
            ("http://0.0.0.0/", UrlRefusal::ThisDevice),
            ("http://[::1]:8080/", UrlRefusal::ThisDevice),
            ("http://[::ffff:127.0.0.1]/", UrlRefusal::ThisDevice),
            ("http://[::FFFF:7F00:1]/", UrlRefusal::ThisDevice),
            ("http://10.1.2.3/", UrlRefusal::PrivateNetwork),
            ("http://0xc0a80101/", UrlRefusal::PrivateNetwork),
            ("http://[fd12:3456::1]/", UrlRefusal::PrivateNetwork),
            (
                "http://169.254.169.254/latest/meta-data",
                UrlRefusal::LinkLocal,
            ),
            ("http://[fe80::1]/", UrlRefusal::LinkLocal),
            ("http://239.1.1.1/", UrlRefusal::ReservedAddress),
            ("http://8.8.8.8/", UrlRefusal::IpAddress),
            ("http://[2606:4700::1111]/", UrlRefusal::IpAddress),
            ("http://1.2.3.999/", UrlRefusal::NotWebAddress),
            ("http://[1::2::3]/", UrlRefusal::NotWebAddress),
            ("https://example./", UrlRefusal::SingleLabel),
            ("https://intranet/", UrlRefusal::SingleLabel),
            (
                "http://printer.local/",
                UrlRefusal::LocalName { ending: "local" },
            ),
            (
                "http://db.corp.internal/",
                UrlRefusal::LocalName { ending: "internal" },
            ),
            (
                "http://router.home.arpa/",
                UrlRefusal::LocalName {
                    ending: "home.arpa",
                },
            ),
            (
                "http://1.0.0.127.in-addr.arpa/",
                UrlRefusal::LocalName { ending: "arpa" },
            ),
        ];
        for (raw, why) in cases {
            assert_eq!(check(raw), Err(why), "{raw:?}");
        }
        let long = format!("https://a.com/{}", "x".repeat(URL_MAX));
        assert_eq!(check(&long), Err(UrlRefusal::TooLong));
    }

    #[test]
    fn messages_say_why_and_the_hint_shares_the_errors_words() {
        assert!(url_hint().contains(URL_START));
        assert!(UrlRefusal::NotWebAddress.message().contains(URL_START));
        assert_eq!(
            UrlRefusal::NotWebAddress.message(),
            "Enter the full address of the article, starting with http:// or https://."
        );
        assert!(UrlRefusal::ThisDevice.message().contains("localhost"));
        assert!(UrlRefusal::PrivateNetwork
            .message()
            .contains("private network"));
        assert!(UrlRefusal::IpAddress.message().contains("IP address"));
        assert!(UrlRefusal::LocalName { ending: "local" }
            .message()
            .contains(".local "));
        assert!(UrlRefusal::OwnSite.message().contains("Eventdesk itself"));
    }

    #[test]
    fn the_own_site_from_origins_and_hosts() {
        let site = OwnSite::new([
            "https://www.eventdesk.example",
            "api.example:8090",
            "",
            "nonsense url",
        ]);
        assert_eq!(
            check_article_url("https://eventdesk.example/x", &site),
            Err(UrlRefusal::OwnSite)
        );
        assert_eq!(
            check_article_url("http://api.example/x", &site),
            Err(UrlRefusal::OwnSite)
        );
        assert_eq!(check_article_url("https://other.example/x", &site), Ok(()));
        assert_eq!(
            check_article_url("https://eventdesk.example/x", &OwnSite::unknown()),
            Ok(())
        );
        // An IP origin (a test's 127.0.0.1) says "Eventdesk", not "this device".
        let local = OwnSite::new(["http://127.0.0.1:18480"]);
        assert_eq!(
            check_article_url("http://127.0.0.1:18480/events/x", &local),
            Err(UrlRefusal::OwnSite)
        );
    }

    #[test]
    fn no_outlet_name_from_a_refused_address() {
        let own = OwnSite::new(["https://eventdesk.example"]);
        assert_eq!(
            outlet_name_for("https://www.reuters.com/world/x", &own).as_deref(),
            Some("reuters.com")
        );
        for refused in [
            "http://localhost/x",
            "https://example",
            "http://192.168.1.1/admin",
            "https://eventdesk.example/events/x",
        ] {
            assert_eq!(outlet_name_for(refused, &own), None, "{refused}");
        }
    }
}
