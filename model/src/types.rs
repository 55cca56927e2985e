//! The contract's schemas (`api/openapi.yaml`, `components.schemas`) as serde types.
//!
//! Compatibility rules, as the contract states them:
//! - unknown object fields are ignored (serde's default, never `deny_unknown_fields`);
//! - every enum is open (see [`crate::open_enum!`]);
//! - a field that is not `required` is an `Option`: absent and `null` both mean unknown;
//! - lists default to empty, and a `null` list reads as empty;
//! - text is untrusted plain text: these types never interpret it.

use serde::{Deserialize, Deserializer, Serialize};

use crate::open_enum;
use crate::text::non_blank;
use crate::time::{Day, Timestamp};

/// Reads `null` as the type's default, for lists and defaulted booleans.
fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

fn yes() -> bool {
    true
}

fn null_as_true<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(Option::<bool>::deserialize(d)?.unwrap_or(true))
}

open_enum! {
    /// How well an event is corroborated. `disputed` is a state of its own, not a rung.
    pub enum ConfidenceLevel {
        Unconfirmed => "unconfirmed",
        Likely => "likely",
        Verified => "verified",
        Disputed => "disputed",
    }
}

open_enum! {
    /// How sure the outlet's own wording is. Says nothing about whether a claim is true.
    pub enum Tone {
        Certain => "certain",
        Likely => "likely",
        Possible => "possible",
        Doubtful => "doubtful",
    }
}

open_enum! {
    pub enum EntityKind {
        Person => "person",
        Organization => "organization",
        Place => "place",
        Group => "group",
        OtherKind => "other",
    }
}

open_enum! {
    /// `occurred_in`: where it happened; `about`: what it concerns.
    pub enum PlaceRole {
        OccurredIn => "occurred_in",
        About => "about",
    }
}

open_enum! {
    pub enum PlacePrecision {
        Point => "point",
        City => "city",
        Region => "region",
        Country => "country",
    }
}

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

open_enum! {
    pub enum HistoryKind {
        Created => "created",
        SourceAdded => "source_added",
        ConfidenceChanged => "confidence_changed",
        Corrected => "corrected",
        LocationChanged => "location_changed",
    }
}

open_enum! {
    pub enum SubmissionStatus {
        Pending => "pending",
        Accepted => "accepted",
        Rejected => "rejected",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Category {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub emoji: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub name: String,
    #[serde(default)]
    pub country_code: Option<String>,
    #[serde(default)]
    pub role: Option<PlaceRole>,
    #[serde(default)]
    pub precision: Option<PlacePrecision>,
    #[serde(default)]
    pub point: Option<Point>,
    /// `[west, south, east, north]` in degrees. Kept as sent; see [`Place::bbox`].
    #[serde(default, rename = "bbox")]
    pub bbox_raw: Option<Vec<f64>>,
}

impl Place {
    /// The bounding box when it has exactly four finite numbers in range.
    pub fn bbox(&self) -> Option<[f64; 4]> {
        match self.bbox_raw.as_deref() {
            Some(&[w, s, e, n])
                if [w, e].iter().all(|x| (-180.0..=180.0).contains(x))
                    && [s, n].iter().all(|y| (-90.0..=90.0).contains(y))
                    && s <= n =>
            {
                Some([w, s, e, n])
            }
            _ => None,
        }
    }

    /// The point when its coordinates are finite and in range.
    pub fn valid_point(&self) -> Option<Point> {
        self.point
            .filter(|p| (-90.0..=90.0).contains(&p.lat) && (-180.0..=180.0).contains(&p.lon))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub label: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub places: Vec<Place>,
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

/// One claim, as one source reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub id: String,
    pub source_id: String,
    pub claim: String,
    pub tone: Tone,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub quote: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub wikidata_id: Option<String>,
    #[serde(default)]
    pub event_count: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NextLevel {
    pub level: ConfidenceLevel,
    /// e.g. "One more trusted source".
    pub needs: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Confidence {
    pub level: ConfidenceLevel,
    pub independent_sources: u64,
    #[serde(default)]
    pub explanation: Option<String>,
    #[serde(default)]
    pub next_level: Option<NextLevel>,
    #[serde(default)]
    pub assessed_at: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub at: Timestamp,
    pub kind: HistoryKind,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceStory {
    pub slug: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Extraction {
    #[serde(default)]
    pub extracted_at: Option<Timestamp>,
    #[serde(default)]
    pub source_story: Option<SourceStory>,
    /// e.g. "automated", "editor".
    #[serde(default)]
    pub method: Option<String>,
}

/// What a card in a list shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventSummary {
    pub id: String,
    pub category: Category,
    #[serde(default)]
    pub title: Option<String>,
    pub summary: String,
    #[serde(default)]
    pub occurred_on: Option<Day>,
    pub location: Location,
    pub confidence: Confidence,
    #[serde(default, deserialize_with = "null_as_default")]
    pub source_names: Vec<String>,
    #[serde(default)]
    pub entity_count: Option<u64>,
    #[serde(default)]
    pub updated_at: Option<Timestamp>,
}

/// One event with everything its page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    #[serde(flatten)]
    pub summary: EventSummary,
    #[serde(default, deserialize_with = "null_as_default")]
    pub sources: Vec<Source>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub reports: Vec<Report>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub entities: Vec<Entity>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub history: Vec<HistoryEntry>,
    #[serde(default)]
    pub extraction: Option<Extraction>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub related_ids: Vec<String>,
}

impl std::ops::Deref for Event {
    type Target = EventSummary;
    fn deref(&self) -> &EventSummary {
        &self.summary
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventPage {
    #[serde(default, deserialize_with = "null_as_default")]
    pub items: Vec<EventSummary>,
    #[serde(default)]
    pub next_cursor: Option<String>,
    #[serde(default)]
    pub total: Option<u64>,
}

/// The body of `POST /events/{id}/submissions`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmissionRequest {
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubmissionReceipt {
    pub id: String,
    pub event_id: String,
    #[serde(default)]
    pub url: Option<String>,
    pub status: SubmissionStatus,
    pub received_at: Timestamp,
    #[serde(default)]
    pub decided_at: Option<Timestamp>,
    #[serde(default)]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MethodologyLevel {
    pub level: ConfidenceLevel,
    pub label: String,
    pub description: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub criteria: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MethodologyTone {
    pub tone: Tone,
    pub label: String,
    pub description: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub examples: Vec<String>,
}

/// The rules behind confidence levels and source tone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Methodology {
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub levels: Vec<MethodologyLevel>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub tones: Vec<MethodologyTone>,
    #[serde(default)]
    pub independence: Option<String>,
}

impl Methodology {
    pub fn level(&self, level: &ConfidenceLevel) -> Option<&MethodologyLevel> {
        self.levels.iter().find(|l| &l.level == level)
    }

    pub fn tone(&self, tone: &Tone) -> Option<&MethodologyTone> {
        self.tones.iter().find(|t| &t.tone == tone)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// An error, as RFC 9457 problem details.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    #[serde(rename = "type", default = "about_blank")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    #[serde(default)]
    pub detail: Option<String>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub errors: Vec<FieldError>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
}

fn about_blank() -> String {
    "about:blank".to_owned()
}

impl Problem {
    pub fn new(status: u16, title: impl Into<String>) -> Self {
        Problem {
            kind: about_blank(),
            title: title.into(),
            status,
            detail: None,
            errors: Vec::new(),
            duplicate_of: None,
        }
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }
}

// What a reader is shown of each type.

impl EventSummary {
    /// The headline: the title when there is one, else the summary.
    pub fn headline(&self) -> &str {
        self.title
            .as_deref()
            .and_then(non_blank)
            .unwrap_or_else(|| self.summary.trim())
    }

    /// True when the page shows a title above the summary.
    pub fn has_title(&self) -> bool {
        self.title.as_deref().and_then(non_blank).is_some()
    }

    /// The summary under the headline, only when the headline is a title.
    pub fn card_summary(&self) -> Option<&str> {
        non_blank(&self.summary).filter(|_| self.has_title())
    }

    /// The event's page: `/events/{id}`, the id percent-encoded.
    pub fn path(&self) -> String {
        crate::paths::event_path(&self.id)
    }
}

impl Entity {
    /// The entity's Wikidata page, only for an id of the form `Q` and digits.
    pub fn wikidata_url(&self) -> Option<String> {
        let id = self.wikidata_id.as_deref()?.trim();
        let digits = id.strip_prefix('Q')?;
        (!digits.is_empty() && digits.len() <= 12 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| format!("https://www.wikidata.org/wiki/{id}"))
    }

    /// "14 events", when the API counts them.
    pub fn events_phrase(&self) -> Option<String> {
        self.event_count.map(|n| match n {
            1 => "1 event".to_owned(),
            n => format!("{n} events"),
        })
    }
}

impl Source {
    /// Where the source's name links: its article, else its homepage, and
    /// only when that is an `http:`/`https:` URL.
    pub fn link(&self) -> Option<&str> {
        self.url
            .as_deref()
            .and_then(crate::url::safe_href)
            .or_else(|| self.homepage.as_deref().and_then(crate::url::safe_href))
    }
}

impl Report {
    /// The report's own article link, when it is safe.
    pub fn link(&self) -> Option<&str> {
        self.url.as_deref().and_then(crate::url::safe_href)
    }

    /// The quote, when it has words.
    pub fn quote_text(&self) -> Option<&str> {
        self.quote.as_deref().and_then(non_blank)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paris() -> Event {
        serde_json::from_str(include_str!(
            "../../api/examples/event-paris-coalition.json"
        ))
        .expect("the contract's example decodes")
    }

    #[test]
    fn wikidata_links_only_for_real_ids() {
        let mut e = Entity {
            id: "volodymyr-zelensky".into(),
            name: "Volodymyr Zelensky".into(),
            kind: crate::types::EntityKind::Person,
            description: None,
            wikidata_id: Some("Q3874799".into()),
            event_count: Some(1),
        };
        assert_eq!(
            e.wikidata_url().as_deref(),
            Some("https://www.wikidata.org/wiki/Q3874799")
        );
        assert_eq!(e.events_phrase().as_deref(), Some("1 event"));
        for bad in ["", "Q", "3874799", "Q38a", "Q1/../x", "javascript:alert(1)"] {
            e.wikidata_id = Some(bad.into());
            assert_eq!(e.wikidata_url(), None, "{bad}");
        }
        e.wikidata_id = None;
        assert_eq!(e.wikidata_url(), None);
    }

    #[test]
    fn card_headline_and_summary() {
        let event: crate::types::Event = serde_json::from_str(include_str!(
            "../../api/examples/event-paris-coalition.json"
        ))
        .unwrap();
        let mut card = event.summary;
        assert_eq!(
            card.headline(),
            "Coalition of the Willing meets Zelensky in Paris on security guarantees"
        );
        assert!(card
            .card_summary()
            .unwrap()
            .starts_with("The British and French-led"));
        assert_eq!(
            card.path(),
            "/events/paris-coalition-security-guarantees-2025-09-04"
        );
        card.title = Some(" ".into());
        assert!(card.headline().starts_with("The British"));
        assert_eq!(card.card_summary(), None);
    }

    #[test]
    fn source_links_prefer_the_article_and_refuse_scripts() {
        let e = paris();
        assert_eq!(e.sources[0].link(), Some("https://understandingwar.org/"));
        let mut s = e.sources[0].clone();
        s.url = Some("javascript:alert(1)".into());
        assert_eq!(s.link(), Some("https://understandingwar.org/"));
        s.url = Some("https://example.org/a".into());
        assert_eq!(s.link(), Some("https://example.org/a"));
        s.url = None;
        s.homepage = Some("ftp://example.org".into());
        assert_eq!(s.link(), None);
    }

    #[test]
    fn an_event_without_a_title_leads_with_its_summary() {
        let mut e = paris();
        assert!(e.has_title());
        e.summary.title = Some("  ".into());
        assert!(!e.has_title());
        assert!(e.headline().starts_with("The British"));
    }
}
