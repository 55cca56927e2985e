//! The `<head>` tags that link previews read: title, description, canonical
//! link, Open Graph, Twitter card and schema.org JSON-LD, for each page the
//! app has. Crawlers do not run JavaScript, so the server writes these into
//! the `index.html` it sends.
//!
//! Pure functions over the contract's types. Every value is untrusted text:
//! attributes and text are HTML-escaped ([`escape`]) and JSON-LD is made
//! script-safe ([`script_json`]), so nothing in an event can close its
//! attribute, its `<title>` or its `<script>`.

use eventdesk_model::confidence::sources_phrase;
use eventdesk_model::text::non_blank;
use eventdesk_model::time::{iso_day, long_day};
use eventdesk_model::url::encode_component;
use eventdesk_model::{Entity, EntityKind, Event, Methodology};
use eventdesk_page_logic::document::{event_description, event_title, SITE_NAME};
use eventdesk_page_logic::share::{bare_origin, entity_url, event_url};
use eventdesk_page_logic::text::clip;
use serde_json::{json, Map, Value};

use super::card::{self, CardText};
use crate::escape::{html as escape, script_json};

/// What the home page is, in a line.
pub const SITE_DESCRIPTION: &str = "News events and how well independent sources corroborate them.";
pub const METHODOLOGY_TITLE: &str = "How we assess confidence";
pub const METHODOLOGY_DESCRIPTION: &str =
    "How Eventdesk rates the corroboration of an event, and what source tone means.";

/// Open Graph descriptions may run longer than the meta description.
const SOCIAL_DESCRIPTION_MAX: usize = 240;

/// The preview image of a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    pub url: String,
    pub alt: String,
}

/// Everything a page's head says about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Head {
    /// The document title, site name included.
    pub title: String,
    /// The meta description (about 160 characters).
    pub description: String,
    /// The title previews show (no site name: `og:site_name` carries it).
    pub social_title: String,
    pub social_description: String,
    pub canonical: String,
    /// `article` for events, `website` for the rest, `profile` for people.
    pub og_type: &'static str,
    pub image: Image,
    /// Extra `<meta property=… content=…>` pairs, e.g. `article:modified_time`.
    pub properties: Vec<(&'static str, String)>,
    /// `noindex` for pages that are not there.
    pub robots: Option<&'static str>,
    pub json_ld: Value,
}

impl Head {
    /// The tags, one a line, ready to go before `</head>`.
    pub fn render(&self) -> String {
        let mut out = String::with_capacity(2048);
        let mut line = |s: String| {
            out.push_str(s.as_str());
            out.push('\n');
        };
        line(format!("<title>{}</title>", escape(&self.title)));
        line(meta_name("description", &self.description));
        if let Some(robots) = self.robots {
            line(meta_name("robots", robots));
        }
        line(format!(
            r#"<link rel="canonical" href="{}">"#,
            escape(&self.canonical)
        ));
        line(meta_property("og:site_name", SITE_NAME));
        line(meta_property("og:type", self.og_type));
        line(meta_property("og:title", &self.social_title));
        line(meta_property("og:description", &self.social_description));
        line(meta_property("og:url", &self.canonical));
        line(meta_property("og:image", &self.image.url));
        line(meta_property("og:image:type", "image/png"));
        line(meta_property("og:image:width", &card::WIDTH.to_string()));
        line(meta_property("og:image:height", &card::HEIGHT.to_string()));
        line(meta_property("og:image:alt", &self.image.alt));
        for (property, content) in &self.properties {
            line(meta_property(property, content));
        }
        line(meta_name("twitter:card", "summary_large_image"));
        line(meta_name("twitter:title", &self.social_title));
        line(meta_name("twitter:description", &self.social_description));
        line(meta_name("twitter:image", &self.image.url));
        line(meta_name("twitter:image:alt", &self.image.alt));
        line(format!(
            r#"<script type="application/ld+json">{}</script>"#,
            script_json(&self.json_ld)
        ));
        out
    }
}

fn meta_name(name: &str, content: &str) -> String {
    format!(
        r#"<meta name="{}" content="{}">"#,
        escape(name),
        escape(content)
    )
}

fn meta_property(property: &str, content: &str) -> String {
    format!(
        r#"<meta property="{}" content="{}">"#,
        escape(property),
        escape(content)
    )
}

fn page_title(heading: &str) -> String {
    format!("{heading} · {SITE_NAME}")
}

/// Where the card of event `id` is served; `version` changes with the event,
/// so previews that cache images by URL fetch the new card.
pub fn event_card_url(origin: &str, id: &str, version: &str) -> String {
    format!(
        "{}/share/events/{}.png?v={}",
        bare_origin(origin),
        encode_component(id),
        encode_component(version)
    )
}

/// Where the site's own card is served.
pub fn site_card_url(origin: &str) -> String {
    format!(
        "{}/share/site.png?v={}",
        bare_origin(origin),
        card::DESIGN_VERSION
    )
}

fn site_image(origin: &str) -> Image {
    Image {
        url: site_card_url(origin),
        alt: format!("{SITE_NAME}: {SITE_DESCRIPTION}"),
    }
}

fn publisher(origin: &str) -> Value {
    json!({ "@type": "Organization", "name": SITE_NAME, "url": format!("{}/", bare_origin(origin)) })
}

/// A Wikidata page for an entity, when its id looks like one (`Q` and digits).
fn wikidata_url(id: Option<&str>) -> Option<String> {
    let id = id?.trim();
    let digits = id.strip_prefix('Q')?;
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("https://www.wikidata.org/wiki/{id}"))
}

fn entity_type(kind: &EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Organization | EntityKind::Group => "Organization",
        EntityKind::Place => "Place",
        EntityKind::OtherKind | EntityKind::Other(_) => "Thing",
    }
}

fn entity_ld(entity: &Entity, origin: &str) -> Value {
    let mut o = Map::new();
    o.insert("@type".into(), entity_type(&entity.kind).into());
    o.insert("name".into(), entity.name.trim().into());
    o.insert("url".into(), entity_url(origin, &entity.id).into());
    if let Some(d) = entity.description.as_deref().and_then(non_blank) {
        o.insert("description".into(), d.into());
    }
    if let Some(same) = wikidata_url(entity.wikidata_id.as_deref()) {
        o.insert("sameAs".into(), same.into());
    }
    Value::Object(o)
}

/// "Likely · Reported by 3 independent sources".
pub fn rating_line(event: &Event) -> String {
    format!(
        "{} · {}",
        event.confidence.level.label(),
        sources_phrase(event.confidence.independent_sources)
    )
}

/// "4 September 2025 · ": the day the event happened, to start its link
/// preview's description, unless the summary already says it (in the
/// neutral style, US order or ISO).
fn dateline(event: &Event, summary: &str) -> String {
    let Some(day) = event.occurred_on.as_ref().and_then(|d| d.parse()) else {
        return String::new();
    };
    let long = long_day(day);
    let us = match long.split(' ').collect::<Vec<_>>()[..] {
        [d, month, year] => format!("{month} {d}, {year}"),
        _ => long.clone(),
    };
    let said = [long.clone(), us, iso_day(day)]
        .iter()
        .any(|form| summary.contains(form.as_str()));
    if said {
        String::new()
    } else {
        format!("{long} · ")
    }
}

/// The card's description for screen readers and for previews without images.
pub fn event_card_alt(event: &Event) -> String {
    let text = CardText::for_event(event);
    let mut parts = vec![event.category.display_label()];
    parts.extend(text.date);
    parts.push(clip(event.headline(), 200));
    parts.push(rating_line(event));
    parts.extend(text.footnote);
    format!("{SITE_NAME} card: {}", parts.join(". "))
}

/// The head of `/events/{id}`. `card_version` is [`super::card_version`] of the event.
pub fn head_for_event(event: &Event, origin: &str, card_version: &str) -> Head {
    let canonical = event_url(origin, &event.id);
    let headline = event.headline().to_owned();
    let summary = event.summary.summary.trim();
    let social_description = clip(
        &format!(
            "{}{}. {summary}",
            dateline(event, summary),
            rating_line(event)
        ),
        SOCIAL_DESCRIPTION_MAX,
    );
    let image = Image {
        url: event_card_url(origin, &event.id, card_version),
        alt: event_card_alt(event),
    };
    let created = event
        .history
        .iter()
        .filter(|h| h.at.parse().is_some())
        .min_by_key(|h| h.at.parse())
        .map(|h| h.at.as_str().trim().to_owned());
    let updated = event
        .updated_at
        .as_ref()
        .filter(|t| t.parse().is_some())
        .map(|t| t.as_str().trim().to_owned());
    let mut properties = vec![("article:section", event.category.display_label())];
    if let Some(c) = &created {
        properties.push(("article:published_time", c.clone()));
    }
    if let Some(u) = &updated {
        properties.push(("article:modified_time", u.clone()));
    }

    let mut about = Map::new();
    about.insert("@type".into(), "Event".into());
    about.insert("name".into(), headline.clone().into());
    about.insert("description".into(), summary.into());
    if let Some(day) = event.occurred_on.as_ref().filter(|d| d.parse().is_some()) {
        about.insert("startDate".into(), day.as_str().trim().into());
    }
    let places: Vec<Value> = event
        .location
        .places
        .iter()
        .map(|p| {
            let mut o = Map::new();
            o.insert("@type".into(), "Place".into());
            o.insert("name".into(), p.name.trim().into());
            if let Some(pt) = p.valid_point() {
                o.insert(
                    "geo".into(),
                    json!({ "@type": "GeoCoordinates", "latitude": pt.lat, "longitude": pt.lon }),
                );
            }
            if let Some(cc) = p.country_code.as_deref().and_then(non_blank) {
                o.insert(
                    "address".into(),
                    json!({ "@type": "PostalAddress", "addressCountry": cc }),
                );
            }
            Value::Object(o)
        })
        .collect();
    about.insert(
        "location".into(),
        if places.is_empty() {
            json!({ "@type": "Place", "name": event.location.label.trim() })
        } else {
            Value::Array(places)
        },
    );

    let mut ld = Map::new();
    ld.insert("@context".into(), "https://schema.org".into());
    ld.insert("@type".into(), "NewsArticle".into());
    ld.insert("headline".into(), clip(&headline, 110).into());
    ld.insert("name".into(), headline.clone().into());
    ld.insert("description".into(), summary.into());
    ld.insert("abstract".into(), rating_line(event).into());
    ld.insert("url".into(), canonical.clone().into());
    ld.insert("mainEntityOfPage".into(), canonical.clone().into());
    ld.insert("image".into(), json!([image.url.clone()]));
    ld.insert(
        "articleSection".into(),
        event.category.display_label().into(),
    );
    if let Some(c) = created {
        ld.insert("datePublished".into(), c.into());
    }
    if let Some(u) = updated {
        ld.insert("dateModified".into(), u.into());
    }
    ld.insert("publisher".into(), publisher(origin));
    ld.insert("about".into(), Value::Object(about));
    let mentions: Vec<Value> = event
        .entities
        .iter()
        .map(|e| entity_ld(e, origin))
        .collect();
    if !mentions.is_empty() {
        ld.insert("mentions".into(), Value::Array(mentions));
    }
    // The outlets whose reports the rating counts, as works the page cites.
    let citations: Vec<Value> = event
        .sources
        .iter()
        .map(|s| {
            let mut outlet = Map::new();
            outlet.insert("@type".into(), "Organization".into());
            outlet.insert("name".into(), s.name.trim().into());
            if let Some(home) = s
                .homepage
                .as_deref()
                .and_then(eventdesk_model::url::safe_href)
            {
                outlet.insert("url".into(), home.into());
            }
            let mut work = Map::new();
            work.insert("@type".into(), "CreativeWork".into());
            work.insert("publisher".into(), Value::Object(outlet));
            if let Some(url) = s.url.as_deref().and_then(eventdesk_model::url::safe_href) {
                work.insert("url".into(), url.into());
            }
            Value::Object(work)
        })
        .collect();
    if !citations.is_empty() {
        ld.insert("citation".into(), Value::Array(citations));
    }

    Head {
        title: event_title(event),
        description: event_description(event),
        social_title: headline,
        social_description,
        canonical,
        og_type: "article",
        image,
        properties,
        robots: None,
        json_ld: Value::Object(ld),
    }
}

/// The head of `/`.
pub fn head_for_home(origin: &str) -> Head {
    let canonical = format!("{}/", bare_origin(origin));
    Head {
        title: page_title("Latest events"),
        json_ld: json!({
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": SITE_NAME,
            "url": canonical,
            "description": SITE_DESCRIPTION,
        }),
        ..site_page(&canonical, origin)
    }
}

/// The head of a page whose data could not be read in time (the upstream is
/// slow or down): the site's own words and card, at the page's address.
pub fn head_for_unavailable(canonical: &str, origin: &str) -> Head {
    site_page(canonical, origin)
}

/// What every page but an event's starts from: the site's words and card,
/// a `website`, to be indexed.
fn site_page(canonical: &str, origin: &str) -> Head {
    Head {
        title: SITE_NAME.into(),
        description: SITE_DESCRIPTION.into(),
        social_title: SITE_NAME.into(),
        social_description: SITE_DESCRIPTION.into(),
        canonical: canonical.to_owned(),
        og_type: "website",
        image: site_image(origin),
        properties: Vec::new(),
        robots: None,
        json_ld: json!({
            "@context": "https://schema.org",
            "@type": "WebPage",
            "name": SITE_NAME,
            "url": canonical,
        }),
    }
}

/// The head of `/methodology`; its summary when the methodology has one.
pub fn head_for_methodology(methodology: Option<&Methodology>, origin: &str) -> Head {
    let canonical = format!("{}/methodology", bare_origin(origin));
    let summary = methodology
        .and_then(|m| m.summary.as_deref())
        .and_then(non_blank);
    let description = summary.map_or_else(|| METHODOLOGY_DESCRIPTION.to_owned(), |s| clip(s, 160));
    let social = summary.map_or_else(
        || METHODOLOGY_DESCRIPTION.to_owned(),
        |s| clip(s, SOCIAL_DESCRIPTION_MAX),
    );
    Head {
        title: page_title(METHODOLOGY_TITLE),
        description: description.clone(),
        social_title: format!("{METHODOLOGY_TITLE}: {SITE_NAME}"),
        social_description: social,
        json_ld: json!({
            "@context": "https://schema.org",
            "@type": "AboutPage",
            "name": METHODOLOGY_TITLE,
            "url": canonical,
            "description": summary.unwrap_or(METHODOLOGY_DESCRIPTION),
            "publisher": publisher(origin),
        }),
        ..site_page(&canonical, origin)
    }
}

/// The head of `/entities/{id}`.
pub fn head_for_entity(entity: &Entity, origin: &str) -> Head {
    let canonical = entity_url(origin, &entity.id);
    let name = entity.name.trim();
    let name = if name.is_empty() {
        entity.id.as_str()
    } else {
        name
    };
    let count = match entity.event_count {
        Some(1) => "1 event".to_owned(),
        Some(n) => format!("{n} events"),
        None => "The events".to_owned(),
    };
    let lead = format!(
        "{count} naming {name}, each rated by how well independent sources corroborate it."
    );
    let description = match entity.description.as_deref().and_then(non_blank) {
        Some(d) if d.ends_with(['.', '!', '?']) => format!("{d} {lead}"),
        Some(d) => format!("{d}. {lead}"),
        None => lead,
    };
    let mut about = entity_ld(entity, origin);
    if let Some(o) = about.as_object_mut() {
        o.remove("url");
    }
    Head {
        title: page_title(name),
        description: clip(&description, 160),
        social_title: name.to_owned(),
        social_description: clip(&description, SOCIAL_DESCRIPTION_MAX),
        og_type: if entity.kind == EntityKind::Person {
            "profile"
        } else {
            "website"
        },
        json_ld: json!({
            "@context": "https://schema.org",
            "@type": "ProfilePage",
            "name": name,
            "url": canonical,
            "mainEntity": about,
            "publisher": publisher(origin),
        }),
        ..site_page(&canonical, origin)
    }
}

/// The head of a page that is not there (an unknown event or entity): says
/// so, and asks search engines not to index it.
pub fn head_for_missing(heading: &str, description: &str, canonical: &str, origin: &str) -> Head {
    Head {
        title: page_title(heading),
        description: description.to_owned(),
        social_title: heading.to_owned(),
        social_description: description.to_owned(),
        robots: Some("noindex"),
        json_ld: json!({
            "@context": "https://schema.org",
            "@type": "WebPage",
            "name": heading,
            "url": canonical,
        }),
        ..site_page(canonical, origin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use eventdesk_model::examples::paris_event as paris;

    #[test]
    fn event_head_has_every_tag() {
        let e = paris();
        let html = head_for_event(&e, "https://eventdesk.example/", "abc").render();
        let url = "https://eventdesk.example/events/paris-coalition-security-guarantees-2025-09-04";
        for needle in [
            "<title>Coalition of the Willing meets Zelensky in Paris on security guarantees · Eventdesk</title>".to_owned(),
            format!(r#"<link rel="canonical" href="{url}">"#),
            format!(r#"<meta property="og:url" content="{url}">"#),
            r#"<meta property="og:type" content="article">"#.to_owned(),
            r#"<meta property="og:site_name" content="Eventdesk">"#.to_owned(),
            r#"<meta property="og:title" content="Coalition of the Willing meets Zelensky in Paris on security guarantees">"#.to_owned(),
            r#"<meta property="og:image" content="https://eventdesk.example/share/events/paris-coalition-security-guarantees-2025-09-04.png?v=abc">"#.to_owned(),
            r#"<meta property="og:image:width" content="1200">"#.to_owned(),
            r#"<meta property="og:image:height" content="630">"#.to_owned(),
            r#"<meta name="twitter:card" content="summary_large_image">"#.to_owned(),
            r#"<meta property="og:description" content="4 September 2025 · Likely · Reported by 3 independent sources. The British"#.to_owned(),
            r#"<meta name="description" content="The British and French-led Coalition"#.to_owned(),
            r#"<script type="application/ld+json">{"#.to_owned(),
        ] {
            assert!(html.contains(&needle), "missing {needle}\nin\n{html}");
        }
        assert!(html.contains("og:image:alt"));
        let alt_start = html.find(r#"og:image:alt" content=""#).unwrap();
        assert!(
            html[alt_start..].contains("Diplomatic. 4 September 2025. Coalition of the Willing")
        );
        let ld = json_ld_of(&html);
        assert_eq!(ld["@type"], "NewsArticle");
        assert_eq!(ld["url"], url);
        assert_eq!(ld["about"]["startDate"], "2025-09-04");
        assert_eq!(ld["about"]["location"][0]["name"], "Paris");
        assert_eq!(
            ld["mentions"][0]["sameAs"],
            "https://www.wikidata.org/wiki/Q3874799"
        );
        assert_eq!(ld["dateModified"], "2026-05-30T04:15:39.417Z");
    }

    fn json_ld_of(html: &str) -> Value {
        let start = html.find(r#"<script type="application/ld+json">"#).unwrap()
            + r#"<script type="application/ld+json">"#.len();
        let end = start + html[start..].find("</script>").unwrap();
        serde_json::from_str(&html[start..end]).unwrap()
    }

    #[test]
    fn hostile_text_stays_inside_its_attribute() {
        let mut e = paris();
        e.summary.id = "hostile".into();
        e.summary.title = Some(r#"Quote " apostrophe ' <b>bold</b> & "Київ" 東京"#.into());
        e.summary.summary = "</script><script>alert(1)</script> \"x\" onload='y' & < >".into();
        e.summary.category.label = "<img src=x onerror=alert(1)>".into();
        let html = head_for_event(&e, "http://h.example", "v").render();
        assert!(!html.contains("<b>") && !html.contains("<img") && !html.contains("<script>alert"));
        assert!(html.contains(
            "<title>Quote &quot; apostrophe &#39; &lt;b&gt;bold&lt;/b&gt; &amp; &quot;Київ&quot; 東京 · Eventdesk</title>"
        ));
        assert!(html.contains(
            r#"<meta property="og:title" content="Quote &quot; apostrophe &#39; &lt;b&gt;bold&lt;/b&gt; &amp; &quot;Київ&quot; 東京">"#
        ));
        // One script element, whose JSON reads back the hostile text intact.
        assert_eq!(html.matches("<script").count(), 1);
        assert_eq!(html.matches("</script>").count(), 1);
        let ld = json_ld_of(&html);
        assert_eq!(ld["description"], e.summary.summary.as_str());
        // Every tag is one line that opens and closes as it should.
        for line in html.lines() {
            assert!(line.starts_with('<') && line.ends_with('>'), "{line}");
            if line.starts_with("<meta") || line.starts_with("<link") {
                assert_eq!(line.matches('"').count(), 4, "{line}");
                assert_eq!(line.matches('<').count(), 1, "{line}");
            }
        }
    }

    #[test]
    fn other_pages_have_their_own_heads() {
        let home = head_for_home("http://localhost:8080").render();
        assert!(home.contains(r#"<link rel="canonical" href="http://localhost:8080/">"#));
        assert!(home.contains(r#"<meta property="og:type" content="website">"#));
        assert!(home.contains("/share/site.png?v="));

        let m: Methodology =
            serde_json::from_str(include_str!("../../../api/examples/methodology.json")).unwrap();
        let head = head_for_methodology(Some(&m), "http://localhost:8080");
        assert_eq!(head.title, "How we assess confidence · Eventdesk");
        assert!(head.description.starts_with("Each event is rated"));
        assert_eq!(head.canonical, "http://localhost:8080/methodology");

        let entity = Entity {
            id: "emmanuel-macron".into(),
            name: "Emmanuel Macron".into(),
            kind: EntityKind::Person,
            description: Some("President of France since 2017.".into()),
            wikidata_id: Some("Q3052772".into()),
            event_count: Some(2),
        };
        let head = head_for_entity(&entity, "http://localhost:8080");
        assert_eq!(head.title, "Emmanuel Macron · Eventdesk");
        assert_eq!(
            head.canonical,
            "http://localhost:8080/entities/emmanuel-macron"
        );
        assert_eq!(
            head.description,
            "President of France since 2017. 2 events naming Emmanuel Macron, each rated by how well independent sources corroborate it."
        );
        assert_eq!(head.og_type, "profile");
        let html = head.render();
        assert_eq!(
            json_ld_of(&html)["mainEntity"]["sameAs"],
            "https://www.wikidata.org/wiki/Q3052772"
        );
    }
}
