//! The feed's filters.
//!
//! Filters live in the page's URL query with the same names as the API's
//! (`?category=military&confidence=likely&q=paris`), so a filtered view can
//! be shared, reloaded and walked with back and forward. What the URL holds
//! is kept as typed, even when it is not valid (nothing the reader typed is
//! lost); only valid values are sent to the API, and the invalid ones are
//! explained by [`FeedFilters::problems`].

use eventdesk_model::query::{valid_country, valid_day, SEARCH_MAX};
use eventdesk_model::text::non_blank;
use eventdesk_model::url::encode_component;
use eventdesk_model::ConfidenceLevel;

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

/// A filter the reader types, as opposed to one they tick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterField {
    Country,
    Search,
    From,
    To,
}

impl FilterField {
    /// Every typed filter, in the URL's order.
    pub const ALL: [FilterField; 4] = [Self::Country, Self::Search, Self::From, Self::To];

    /// Its key in the page's URL and in the API's query.
    pub fn key(self) -> &'static str {
        match self {
            Self::Country => "country",
            Self::Search => "q",
            Self::From => "from",
            Self::To => "to",
        }
    }

    /// The field a URL key names, if it names one.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// One filter value the API would refuse, in words a reader understands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterProblem {
    pub field: FilterField,
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
            let Some(value) = non_blank(value.as_ref()) else {
                continue;
            };
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
                key => {
                    if let Some(field) = FilterField::from_key(key) {
                        f.set_text(field, value);
                    }
                }
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

    /// Sets a typed filter from a form field: blank clears it, a country
    /// is upper-cased.
    pub fn set_text(&mut self, field: FilterField, value: &str) {
        let value = non_blank(value).map(str::to_owned);
        *self.text_mut(field) = match field {
            FilterField::Country => value.map(|v| v.to_ascii_uppercase()),
            _ => value,
        };
    }

    /// A typed filter's value, as the URL holds it.
    pub fn text(&self, field: FilterField) -> Option<&str> {
        match field {
            FilterField::Country => self.country.as_deref(),
            FilterField::Search => self.q.as_deref(),
            FilterField::From => self.from.as_deref(),
            FilterField::To => self.to.as_deref(),
        }
    }

    fn text_mut(&mut self, field: FilterField) -> &mut Option<String> {
        match field {
            FilterField::Country => &mut self.country,
            FilterField::Search => &mut self.q,
            FilterField::From => &mut self.from,
            FilterField::To => &mut self.to,
        }
    }

    /// The page's heading for the document title: "Latest events", or what
    /// the filters ask for: "Events: Military, Likely, “paris”".
    pub fn describe(&self) -> String {
        if self.is_empty() {
            return "Latest events".to_owned();
        }
        let mut parts: Vec<String> = Vec::new();
        parts.extend(
            self.categories
                .iter()
                .map(|c| eventdesk_model::labels::humanise(c)),
        );
        parts.extend(self.confidences.iter().map(ConfidenceLevel::label));
        parts.extend(self.country.clone());
        parts.extend(self.q.as_ref().map(|q| format!("\u{201c}{q}\u{201d}")));
        parts.extend(self.from.as_ref().map(|d| format!("from {d}")));
        parts.extend(self.to.as_ref().map(|d| format!("to {d}")));
        format!("Events: {}", crate::text::clip(&parts.join(", "), 80))
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
                FilterField::Country,
                "The country must be a two-letter code such as FR; it is not applied.",
            );
        }
        if self
            .q
            .as_deref()
            .is_some_and(|q| q.chars().count() > SEARCH_MAX)
        {
            problem(
                FilterField::Search,
                "The search is too long: only its first 200 characters are used.",
            );
        }
        let from_ok = self.from.as_deref().is_none_or(valid_day);
        let to_ok = self.to.as_deref().is_none_or(valid_day);
        if !from_ok {
            problem(
                FilterField::From,
                "The \u{201c}from\u{201d} date must be a date such as 2025-09-04; it is not applied.",
            );
        }
        if !to_ok {
            problem(
                FilterField::To,
                "The \u{201c}to\u{201d} date must be a date such as 2025-09-04; it is not applied.",
            );
        }
        if from_ok && to_ok && self.dates_reversed() {
            problem(
                FilterField::To,
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
        for field in FilterField::ALL {
            if let Some(v) = self.text(field) {
                pairs.push((field.key(), v.to_owned()));
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
            .filter_map(|(key, value)| match FilterField::from_key(key) {
                Some(FilterField::Country) => valid_country(&value).then_some((key, value)),
                Some(FilterField::Search) => Some((key, value.chars().take(SEARCH_MAX).collect())),
                Some(FilterField::From | FilterField::To) => dates_ok.then_some((key, value)),
                None => Some((key, value)),
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

    use crate::testing::decode_component as decode;

    #[test]
    fn round_trips_through_the_url() {
        let mut f = FeedFilters::default();
        f.toggle_category("military");
        f.toggle_category("diplomatic");
        f.toggle_confidence(&ConfidenceLevel::Likely);
        f.set_text(FilterField::Country, "fr");
        f.set_text(FilterField::Search, "  Zelensky & Macron: 50% «oui» ");
        f.set_text(FilterField::From, "2025-01-01");
        f.set_text(FilterField::To, "2025-12-31");
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
        f.set_text(FilterField::Search, "x");
        f.set_text(FilterField::Search, "   ");
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
        let fields: Vec<FilterField> = f.problems().iter().map(|p| p.field).collect();
        assert_eq!(fields, [FilterField::Country, FilterField::From]);
        assert_eq!(
            f.to_query(),
            "?country=FRANCE&q=paris&from=2025-02-30&to=2025-01-01"
        );
        assert_eq!(events_query(&f, None, None, 20), "?q=paris&limit=20");

        let reversed = FeedFilters::from_pairs(pairs("?from=2025-06-01&to=2025-01-01"));
        assert_eq!(reversed.problems()[0].field, FilterField::To);
        assert_eq!(events_query(&reversed, None, None, 20), "?limit=20");
    }

    #[test]
    fn long_searches_are_cut_for_the_api() {
        let long = "a".repeat(SEARCH_MAX + 5);
        let f = FeedFilters::from_pairs([("q", long.as_str())]);
        assert_eq!(f.problems()[0].field, FilterField::Search);
        assert_eq!(
            events_query(&f, None, None, 20),
            format!("?q={}&limit=20", "a".repeat(SEARCH_MAX))
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
}
