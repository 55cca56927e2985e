//! The feed's filters and the words of its cards.
//!
//! Filters live in the page's URL query with the same names as the API's
//! (`?category=military&confidence=likely&q=paris`), so a filtered view can
//! be shared, reloaded and walked with back and forward. What the URL holds
//! is kept as typed, even when it is not valid (nothing the reader typed is
//! lost); only valid values are sent to the API, and the invalid ones are
//! explained by [`FeedFilters::problems`].

use crate::types::{ConfidenceLevel, Entity, EventSummary};

/// Longest search the API accepts, in characters.
pub const Q_MAX: usize = 200;

/// Events a page of the feed asks for.
pub const PAGE_SIZE: u32 = 20;

/// The feed's filters, as the URL query holds them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedFilters {
    /// Category ids, OR-ed, in the order chosen, without repeats.
    pub categories: Vec<String>,
    /// Confidence levels, OR-ed, without repeats.
    pub confidences: Vec<ConfidenceLevel>,
    /// ISO 3166-1 alpha-2, upper-cased.
    pub country: Option<String>,
    /// Free-text search.
    pub q: Option<String>,
    /// Earliest day, `YYYY-MM-DD`, inclusive.
    pub from: Option<String>,
    /// Latest day, `YYYY-MM-DD`, inclusive.
    pub to: Option<String>,
}

/// One filter value the API would refuse, in words a reader understands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterProblem {
    /// The URL key: `country`, `from`, `to` or `q`.
    pub field: &'static str,
    pub message: String,
}

impl FeedFilters {
    /// Reads decoded `(key, value)` pairs of a URL query. Blank values count
    /// as absent, repeats of a list value are dropped, other keys are ignored.
    pub fn from_pairs<K, V, I>(pairs: I) -> Self
    where
        K: AsRef<str>,
        V: AsRef<str>,
        I: IntoIterator<Item = (K, V)>,
    {
        let mut f = FeedFilters::default();
        for (key, value) in pairs {
            let value = value.as_ref().trim();
            if value.is_empty() {
                continue;
            }
            match key.as_ref() {
                "category" if !f.categories.iter().any(|c| c == value) => {
                    f.categories.push(value.to_owned());
                }
                "confidence" => {
                    let level = ConfidenceLevel::from(value);
                    if !f.confidences.contains(&level) {
                        f.confidences.push(level);
                    }
                }
                "country" => f.country = Some(value.to_ascii_uppercase()),
                "q" => f.q = Some(value.to_owned()),
                "from" => f.from = Some(value.to_owned()),
                "to" => f.to = Some(value.to_owned()),
                _ => {}
            }
        }
        f
    }

    /// True when no filter is set: the whole feed.
    pub fn is_empty(&self) -> bool {
        *self == FeedFilters::default()
    }

    /// How many filters are set (each category and level counts once).
    pub fn active_count(&self) -> usize {
        self.categories.len()
            + self.confidences.len()
            + [&self.country, &self.q, &self.from, &self.to]
                .iter()
                .filter(|v| v.is_some())
                .count()
    }

    /// Adds the category, or removes it when it is already chosen.
    pub fn toggle_category(&mut self, id: &str) {
        match self.categories.iter().position(|c| c == id) {
            Some(i) => {
                self.categories.remove(i);
            }
            None => self.categories.push(id.to_owned()),
        }
    }

    /// Adds the level, or removes it when it is already chosen.
    pub fn toggle_confidence(&mut self, level: &ConfidenceLevel) {
        match self.confidences.iter().position(|l| l == level) {
            Some(i) => {
                self.confidences.remove(i);
            }
            None => self.confidences.push(level.clone()),
        }
    }

    /// Sets a text filter from a form field: blank clears it.
    pub fn set_text(&mut self, field: &str, value: &str) {
        let value = value.trim();
        let value = (!value.is_empty()).then(|| value.to_owned());
        match field {
            "country" => self.country = value.map(|v| v.to_ascii_uppercase()),
            "q" => self.q = value,
            "from" => self.from = value,
            "to" => self.to = value,
            _ => {}
        }
    }

    /// The page's heading for the document title: "Latest events", or what
    /// the filters ask for: "Events: Military, Likely, “paris”".
    pub fn describe(&self) -> String {
        if self.is_empty() {
            return "Latest events".to_owned();
        }
        let mut parts: Vec<String> = Vec::new();
        parts.extend(self.categories.iter().map(|c| crate::labels::humanise(c)));
        parts.extend(self.confidences.iter().map(ConfidenceLevel::label));
        parts.extend(self.country.clone());
        parts.extend(self.q.as_ref().map(|q| format!("\u{201c}{q}\u{201d}")));
        parts.extend(self.from.as_ref().map(|d| format!("from {d}")));
        parts.extend(self.to.as_ref().map(|d| format!("to {d}")));
        format!("Events: {}", crate::page::clip(&parts.join(", "), 80))
    }

    /// The filters the API would refuse, each with what is wrong.
    pub fn problems(&self) -> Vec<FilterProblem> {
        let mut problems = Vec::new();
        let mut problem = |field, message: &str| {
            problems.push(FilterProblem {
                field,
                message: message.to_owned(),
            })
        };
        if self.country.as_deref().is_some_and(|c| !valid_country(c)) {
            problem(
                "country",
                "The country must be a two-letter code such as FR; it is not applied.",
            );
        }
        if self.q.as_deref().is_some_and(|q| q.chars().count() > Q_MAX) {
            problem(
                "q",
                "The search is too long: only its first 200 characters are used.",
            );
        }
        let from_ok = self.from.as_deref().is_none_or(valid_day);
        let to_ok = self.to.as_deref().is_none_or(valid_day);
        if !from_ok {
            problem(
                "from",
                "The \u{201c}from\u{201d} date must be a date such as 2025-09-04; it is not applied.",
            );
        }
        if !to_ok {
            problem(
                "to",
                "The \u{201c}to\u{201d} date must be a date such as 2025-09-04; it is not applied.",
            );
        }
        if from_ok && to_ok && self.dates_reversed() {
            problem(
                "to",
                "The \u{201c}from\u{201d} date is after the \u{201c}to\u{201d} date, so the dates are not applied.",
            );
        }
        problems
    }

    fn dates_reversed(&self) -> bool {
        matches!((&self.from, &self.to), (Some(f), Some(t)) if f > t)
    }

    /// The `(key, value)` pairs of the URL, every value kept as it is.
    pub fn url_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs: Vec<(&'static str, String)> = Vec::new();
        pairs.extend(self.categories.iter().map(|c| ("category", c.clone())));
        pairs.extend(
            self.confidences
                .iter()
                .map(|l| ("confidence", l.as_str().to_owned())),
        );
        for (key, value) in [
            ("country", &self.country),
            ("q", &self.q),
            ("from", &self.from),
            ("to", &self.to),
        ] {
            if let Some(v) = value {
                pairs.push((key, v.clone()));
            }
        }
        pairs
    }

    /// The page's URL query: `?category=military&q=paris`, or `""`.
    pub fn to_query(&self) -> String {
        query_string(self.url_pairs())
    }

    /// The `(key, value)` pairs the API gets: the valid filters only.
    pub fn api_pairs(&self) -> Vec<(&'static str, String)> {
        let dates_ok = self.from.as_deref().is_none_or(valid_day)
            && self.to.as_deref().is_none_or(valid_day)
            && !self.dates_reversed();
        self.url_pairs()
            .into_iter()
            .filter_map(|(key, value)| match key {
                "country" => valid_country(&value).then_some((key, value)),
                "q" => Some((key, value.chars().take(Q_MAX).collect())),
                "from" | "to" => dates_ok.then_some((key, value)),
                _ => Some((key, value)),
            })
            .collect()
    }
}

/// The query of `GET /events`: the filters, the entity, the cursor and the
/// page size, in that order: `?category=military&cursor=abc&limit=20`.
pub fn events_query(
    filters: &FeedFilters,
    entity: Option<&str>,
    cursor: Option<&str>,
    limit: u32,
) -> String {
    let mut pairs = filters.api_pairs();
    if let Some(e) = entity {
        pairs.push(("entity", e.to_owned()));
    }
    if let Some(c) = cursor {
        pairs.push(("cursor", c.to_owned()));
    }
    pairs.push(("limit", limit.to_string()));
    query_string(pairs)
}

fn query_string(pairs: Vec<(&'static str, String)>) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let joined: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", encode_component(v)))
        .collect();
    format!("?{}", joined.join("&"))
}

pub use crate::url::encode_component;

/// Two capital ASCII letters.
pub fn valid_country(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// A real calendar day written `YYYY-MM-DD`.
pub fn valid_day(day: &str) -> bool {
    crate::time::parse_iso_day(day).is_some()
}

/// The line above the results: "45 events", "1 event matches these filters",
/// "No event matches these filters".
pub fn results_line(total: u64, filtered: bool) -> String {
    match (total, filtered) {
        (0, true) => "No event matches these filters".to_owned(),
        (0, false) => "No events yet".to_owned(),
        (1, true) => "1 event matches these filters".to_owned(),
        (1, false) => "1 event".to_owned(),
        (n, true) => format!("{n} events match these filters"),
        (n, false) => format!("{n} events"),
    }
}

/// "Showing 20 of 45", or "Showing 20" when the total is unknown.
pub fn shown_line(shown: usize, total: Option<u64>) -> String {
    match total {
        Some(t) => format!("Showing {shown} of {t}"),
        None => format!("Showing {shown}"),
    }
}

/// The first names of a card's sources: "Reuters, AP and BBC", or
/// "Reuters, AP, BBC and 2 more". Blank names are skipped; `None` when no
/// name is left.
pub fn source_names_line(names: &[String], max: usize) -> Option<String> {
    let names: Vec<&str> = names
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .collect();
    let max = max.max(1);
    match names.len() {
        0 => None,
        1 => Some(names[0].to_owned()),
        n if n <= max => Some(format!(
            "{} and {}",
            names[..n - 1].join(", "),
            names[n - 1]
        )),
        n => Some(format!("{} and {} more", names[..max].join(", "), n - max)),
    }
}

impl EventSummary {
    /// The card's headline: the title when there is one, else the summary.
    pub fn headline(&self) -> &str {
        self.title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| self.summary.trim())
    }

    /// The summary under the headline, only when the headline is a title.
    pub fn card_summary(&self) -> Option<&str> {
        let has_title = self.title.as_deref().is_some_and(|t| !t.trim().is_empty());
        let summary = self.summary.trim();
        (has_title && !summary.is_empty()).then_some(summary)
    }

    /// The event's page: `/events/{id}`, the id percent-encoded.
    pub fn path(&self) -> String {
        format!("/events/{}", encode_component(&self.id))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(query: &str) -> Vec<(String, String)> {
        // A stand-in for the router's decoding, enough for these tests.
        query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (k.to_owned(), decode(v))
            })
            .collect()
    }

    use crate::url::decode_component as decode;

    #[test]
    fn round_trips_through_the_url() {
        let mut f = FeedFilters::default();
        f.toggle_category("military");
        f.toggle_category("diplomatic");
        f.toggle_confidence(&ConfidenceLevel::Likely);
        f.set_text("country", "fr");
        f.set_text("q", "  Zelensky & Macron: 50% «oui» ");
        f.set_text("from", "2025-01-01");
        f.set_text("to", "2025-12-31");
        let query = f.to_query();
        assert_eq!(
            query,
            "?category=military&category=diplomatic&confidence=likely&country=FR\
             &q=Zelensky%20%26%20Macron%3A%2050%25%20%C2%ABoui%C2%BB&from=2025-01-01&to=2025-12-31"
        );
        assert_eq!(FeedFilters::from_pairs(pairs(&query)), f);
        assert_eq!(f.active_count(), 7);
        assert!(f.problems().is_empty());
    }

    #[test]
    fn empty_and_repeated_values() {
        let f = FeedFilters::from_pairs(pairs(
            "?category=&q=%20%20&category=legal&category=legal&confidence=likely&confidence=likely&utm_source=x",
        ));
        assert_eq!(f.categories, ["legal"]);
        assert_eq!(f.confidences, [ConfidenceLevel::Likely]);
        assert_eq!(f.q, None);
        assert_eq!(f.active_count(), 2);
        assert!(FeedFilters::from_pairs(pairs("")).is_empty());
        assert_eq!(FeedFilters::default().to_query(), "");
    }

    #[test]
    fn toggling_twice_removes() {
        let mut f = FeedFilters::default();
        f.toggle_category("cyber");
        f.toggle_category("cyber");
        f.toggle_confidence(&ConfidenceLevel::Disputed);
        f.toggle_confidence(&ConfidenceLevel::Disputed);
        assert!(f.is_empty());
        f.set_text("q", "x");
        f.set_text("q", "   ");
        assert!(f.is_empty());
    }

    #[test]
    fn unknown_levels_are_kept() {
        let f = FeedFilters::from_pairs(pairs("?confidence=partly_confirmed"));
        assert_eq!(
            f.confidences,
            [ConfidenceLevel::Other("partly_confirmed".into())]
        );
        assert_eq!(f.to_query(), "?confidence=partly_confirmed");
    }

    #[test]
    fn invalid_values_stay_in_the_url_but_not_in_the_api_query() {
        let f = FeedFilters::from_pairs(pairs(
            "?country=France&from=2025-02-30&to=2025-01-01&q=paris",
        ));
        assert_eq!(f.country.as_deref(), Some("FRANCE"));
        let fields: Vec<&str> = f.problems().iter().map(|p| p.field).collect();
        assert_eq!(fields, ["country", "from"]);
        assert_eq!(
            f.to_query(),
            "?country=FRANCE&q=paris&from=2025-02-30&to=2025-01-01"
        );
        assert_eq!(events_query(&f, None, None, 20), "?q=paris&limit=20");

        let reversed = FeedFilters::from_pairs(pairs("?from=2025-06-01&to=2025-01-01"));
        assert_eq!(reversed.problems()[0].field, "to");
        assert_eq!(events_query(&reversed, None, None, 20), "?limit=20");
    }

    #[test]
    fn long_searches_are_cut_for_the_api() {
        let long = "a".repeat(Q_MAX + 5);
        let f = FeedFilters::from_pairs([("q", long.as_str())]);
        assert_eq!(f.problems()[0].field, "q");
        assert_eq!(
            events_query(&f, None, None, 20),
            format!("?q={}&limit=20", "a".repeat(Q_MAX))
        );
    }

    #[test]
    fn api_query_adds_entity_cursor_and_limit() {
        let f = FeedFilters::from_pairs([("category", "legal")]);
        assert_eq!(
            events_query(&f, Some("vladimir-putin"), Some("eyJ+/="), 20),
            "?category=legal&entity=vladimir-putin&cursor=eyJ%2B%2F%3D&limit=20"
        );
        assert_eq!(
            events_query(&FeedFilters::default(), None, None, 5),
            "?limit=5"
        );
    }

    #[test]
    fn validators() {
        assert!(valid_country("UA"));
        assert!(!valid_country("ua") && !valid_country("UKR") && !valid_country("É1"));
        assert!(valid_day("2024-02-29"));
        assert!(!valid_day("2023-02-29") && !valid_day("2025-9-4") && !valid_day("soon"));
    }

    #[test]
    fn titles_say_what_is_filtered() {
        assert_eq!(FeedFilters::default().describe(), "Latest events");
        let f = FeedFilters::from_pairs([
            ("category", "military"),
            ("confidence", "likely"),
            ("q", "paris"),
            ("from", "2025-01-01"),
        ]);
        assert_eq!(
            f.describe(),
            "Events: Military, Likely, \u{201c}paris\u{201d}, from 2025-01-01"
        );
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
    fn results_wording() {
        assert_eq!(results_line(45, false), "45 events");
        assert_eq!(results_line(1, false), "1 event");
        assert_eq!(results_line(0, false), "No events yet");
        assert_eq!(results_line(12, true), "12 events match these filters");
        assert_eq!(results_line(1, true), "1 event matches these filters");
        assert_eq!(results_line(0, true), "No event matches these filters");
        assert_eq!(shown_line(20, Some(45)), "Showing 20 of 45");
        assert_eq!(shown_line(3, None), "Showing 3");
    }

    #[test]
    fn source_names_on_cards() {
        let names = |ns: &[&str]| ns.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(source_names_line(&names(&[]), 3), None);
        assert_eq!(source_names_line(&names(&[" ", ""]), 3), None);
        assert_eq!(
            source_names_line(&names(&["Reuters"]), 3).as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            source_names_line(&names(&["Reuters", " AP ", "BBC"]), 3).as_deref(),
            Some("Reuters, AP and BBC")
        );
        assert_eq!(
            source_names_line(&names(&["A", "B", "", "C", "D", "E"]), 3).as_deref(),
            Some("A, B, C and 2 more")
        );
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
}
