//! The feed's filters.
//!
//! Filters live in the page's URL query with the same names as the API's
//! (`?category=military&confidence=likely&q=paris`), so a filtered view can
//! be shared, reloaded and walked with back and forward. What the URL holds
//! is kept as typed, even when it is not valid (nothing the reader typed is
//! lost); only the values the API takes are applied and sent
//! ([`FeedFilters::applied`]), the typed ones it would refuse are explained
//! by [`FeedFilters::problems`], and the values it does not list (a category,
//! a level, a malformed country) are dropped with a notice
//! ([`FeedFilters::unrecognised`], against the API's lists).

use eventdesk_model::query::{valid_country, valid_day, SEARCH_MAX};
use eventdesk_model::text::non_blank;
use eventdesk_model::url::encode_component;
use eventdesk_model::ConfidenceLevel;

use super::countries::country_label;
use super::updates::FeedSort;
use super::vocabulary::{FilterVocabulary, Unrecognised, UnrecognisedKind};

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
    /// The order (`sort=updated`; the default, by date, is absent). Not a
    /// filter: not counted, not sent to the API (which lists by date only).
    pub sort: FeedSort,
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
                FeedSort::KEY => f.sort = FeedSort::from_value(value),
                key => {
                    if let Some(field) = FilterField::from_key(key) {
                        f.set_text(field, value);
                    }
                }
            }
        }
        f
    }

    /// True when no filter is set: the whole feed (in either order).
    pub fn is_empty(&self) -> bool {
        FeedFilters {
            sort: FeedSort::Date,
            ..self.clone()
        } == FeedFilters::default()
    }

    /// These filters in another order.
    pub fn sorted(&self, sort: FeedSort) -> FeedFilters {
        FeedFilters {
            sort,
            ..self.clone()
        }
    }

    /// How many filters are applied (each category and level counts once):
    /// what [`applied`](Self::applied) keeps, so a date range the page says
    /// is not applied is not counted.
    pub fn active_count(&self) -> usize {
        let applied = self.applied();
        applied.categories.len()
            + applied.confidences.len()
            + [&applied.country, &applied.q, &applied.from, &applied.to]
                .iter()
                .filter(|v| v.is_some())
                .count()
    }

    /// The filters the API takes, as they are applied: a country only when
    /// it is a two-letter code, the search cut to its first 200 characters,
    /// the dates only when both are real days in order, and no order (the
    /// API lists by date only). The one rule for what is sent, counted and
    /// named.
    pub fn applied(&self) -> FeedFilters {
        let dates_ok = self.from.as_deref().is_none_or(valid_day)
            && self.to.as_deref().is_none_or(valid_day)
            && !self.dates_reversed();
        FeedFilters {
            categories: self.categories.clone(),
            confidences: self.confidences.clone(),
            country: self.country.clone().filter(|c| valid_country(c)),
            q: self
                .q
                .as_ref()
                .map(|q| q.chars().take(SEARCH_MAX).collect()),
            from: self.from.clone().filter(|_| dates_ok),
            to: self.to.clone().filter(|_| dates_ok),
            sort: FeedSort::Date,
        }
    }

    /// The values the API does not list (a category or level missing from
    /// its lists once they have loaded, a country that is not a two-letter
    /// code), in the URL's order.
    pub fn unrecognised(&self, vocabulary: &FilterVocabulary) -> Vec<Unrecognised> {
        let mut found: Vec<Unrecognised> = Vec::new();
        let mut add = |kind, value: &str| {
            found.push(Unrecognised {
                kind,
                value: value.to_owned(),
            })
        };
        for c in self
            .categories
            .iter()
            .filter(|c| !vocabulary.allows_category(c))
        {
            add(UnrecognisedKind::Category, c);
        }
        for l in self
            .confidences
            .iter()
            .filter(|l| !vocabulary.allows_level(l))
        {
            add(UnrecognisedKind::Level, l.as_str());
        }
        if let Some(c) = self.country.as_deref().filter(|c| !valid_country(c)) {
            add(UnrecognisedKind::Country, c);
        }
        found
    }

    /// These filters without the values the API does not list.
    pub fn recognised(&self, vocabulary: &FilterVocabulary) -> FeedFilters {
        let mut next = self.clone();
        next.categories.retain(|c| vocabulary.allows_category(c));
        next.confidences.retain(|l| vocabulary.allows_level(l));
        next.country = next.country.filter(|c| valid_country(c));
        next
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

    /// These filters as they narrow the feed: the values the API lists, as
    /// they are applied. The one rule for the count, the title and the
    /// page's "filtered" wording.
    pub fn in_effect(&self, vocabulary: &FilterVocabulary) -> FeedFilters {
        self.recognised(vocabulary).applied()
    }

    /// The page's heading for the document title: "Latest events", or what
    /// is applied, in names: "Events: Military, Likely, Russia, “paris”"
    /// (categories as the API labels them, countries by name). Values that
    /// are not applied are not named.
    pub fn describe_with(&self, vocabulary: &FilterVocabulary) -> String {
        let applied = self.in_effect(vocabulary);
        if applied.is_empty() {
            return "Latest events".to_owned();
        }
        let mut parts: Vec<String> = Vec::new();
        parts.extend(
            applied
                .categories
                .iter()
                .map(|c| vocabulary.category_label(c)),
        );
        parts.extend(applied.confidences.iter().map(ConfidenceLevel::label));
        parts.extend(applied.country.as_deref().map(country_label));
        parts.extend(applied.q.as_ref().map(|q| format!("\u{201c}{q}\u{201d}")));
        parts.extend(applied.from.as_ref().map(|d| format!("from {d}")));
        parts.extend(applied.to.as_ref().map(|d| format!("to {d}")));
        format!("Events: {}", crate::text::clip(&parts.join(", "), 80))
    }

    /// The typed filters the API would refuse (a search too long, dates that
    /// are no days or out of order), each with what is wrong. A malformed
    /// country is [`unrecognised`](Self::unrecognised) instead.
    pub fn problems(&self) -> Vec<FilterProblem> {
        let mut problems = Vec::new();
        let mut problem = |field, message: &str| {
            problems.push(FilterProblem {
                field,
                message: message.to_owned(),
            })
        };
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
        if let Some(sort) = self.sort.url_value() {
            pairs.push((FeedSort::KEY, sort.to_owned()));
        }
        pairs
    }

    /// The page's URL query: `?category=military&q=paris&sort=updated`, or `""`.
    pub fn to_query(&self) -> String {
        query_string(self.url_pairs())
    }

    /// The `(key, value)` pairs the API gets: the [`applied`](Self::applied) filters.
    pub fn api_pairs(&self) -> Vec<(&'static str, String)> {
        self.applied().url_pairs()
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
    fn the_order_is_in_the_url_but_not_a_filter() {
        let f = FeedFilters::from_pairs(pairs("?category=legal&sort=updated"));
        assert_eq!(f.sort, FeedSort::Updated);
        assert_eq!(f.to_query(), "?category=legal&sort=updated");
        assert_eq!(f.active_count(), 1);
        assert_eq!(
            events_query(&f, None, None, 100),
            "?category=legal&limit=100"
        );
        let whole = FeedFilters::from_pairs(pairs("?sort=updated"));
        assert!(whole.is_empty());
        assert!(whole.in_effect(&FilterVocabulary::default()).is_empty());
        assert_eq!(
            whole.describe_with(&FilterVocabulary::default()),
            "Latest events"
        );
        assert_eq!(whole.to_query(), "?sort=updated");
        // The default is absent; an unknown order is the default.
        assert_eq!(whole.sorted(FeedSort::Date).to_query(), "");
        assert_eq!(FeedFilters::from_pairs(pairs("?sort=hot")).to_query(), "");
        assert_eq!(FeedFilters::from_pairs(pairs(&f.to_query())), f);
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
        assert_eq!(fields, [FilterField::From]);
        let dropped = f.unrecognised(&FilterVocabulary::default());
        assert_eq!(dropped.len(), 1);
        assert_eq!(dropped[0].kind, UnrecognisedKind::Country);
        assert!(dropped[0].message().contains("\u{201c}FRANCE\u{201d}"));
        assert!(dropped[0].message().contains("two-letter"));
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
    fn only_what_is_applied_is_counted() {
        // Issue 15: "2 filters applied" for a category and a range the page
        // itself says is not applied.
        let reversed =
            FeedFilters::from_pairs(pairs("?category=legal&from=2025-06-01&to=2025-01-01"));
        assert!(!reversed.problems().is_empty());
        assert_eq!(reversed.active_count(), 1);
        let bad_day = FeedFilters::from_pairs(pairs("?from=2025-02-30&to=2025-03-01"));
        assert_eq!(bad_day.active_count(), 0);
        let bad_country = FeedFilters::from_pairs(pairs("?country=Ukraine&q=dam"));
        assert_eq!(bad_country.active_count(), 1);
        let good = FeedFilters::from_pairs(pairs("?from=2025-01-01&to=2025-06-01&country=ua"));
        assert_eq!(good.active_count(), 3);
        // The count, the API query and the title agree: they all read `applied`.
        assert_eq!(
            events_query(&reversed, None, None, 20),
            "?category=legal&limit=20"
        );
        assert_eq!(
            reversed.describe_with(&FilterVocabulary::default()),
            "Events: Legal"
        );
    }

    #[test]
    fn values_the_api_does_not_list_are_dropped_with_a_notice() {
        let categories: Vec<eventdesk_model::Category> = serde_json::from_str(
            r#"[{"id":"military","label":"Armed conflict"},{"id":"space","label":"Space"}]"#,
        )
        .unwrap();
        let methodology: eventdesk_model::Methodology = serde_json::from_str(
            r#"{"levels":[{"level":"likely","label":"Likely","description":"d"},{"level":"partly_confirmed","label":"P","description":"d"}],"tones":[]}"#,
        )
        .unwrap();
        let f = FeedFilters::from_pairs(pairs(
            "?category=bogus&category=space&confidence=sure&confidence=partly_confirmed&confidence=likely&country=R",
        ));
        // Before the lists load only the country can be judged.
        let none = FilterVocabulary::default();
        assert_eq!(f.unrecognised(&none).len(), 1);
        let v = FilterVocabulary::default()
            .with_categories(&categories)
            .with_levels(&methodology);
        let dropped: Vec<(UnrecognisedKind, String)> = f
            .unrecognised(&v)
            .into_iter()
            .map(|u| (u.kind, u.value))
            .collect();
        assert_eq!(
            dropped,
            [
                (UnrecognisedKind::Category, "bogus".to_owned()),
                (UnrecognisedKind::Level, "sure".to_owned()),
                (UnrecognisedKind::Country, "R".to_owned()),
            ]
        );
        let kept = f.recognised(&v);
        assert_eq!(kept.categories, ["space"]);
        assert_eq!(
            kept.to_query(),
            "?category=space&confidence=partly_confirmed&confidence=likely"
        );
        assert!(kept.unrecognised(&v).is_empty());
        assert_eq!(kept.active_count(), 3);
        assert_eq!(f.in_effect(&v), kept.applied());
        let nothing = FeedFilters::from_pairs([
            ("category".to_owned(), "bogus".to_owned()),
            ("from".to_owned(), "2025-09-04".to_owned()),
            ("to".to_owned(), "2025-01-01".to_owned()),
        ]);
        assert!(nothing.in_effect(&v).is_empty());
        assert_eq!(
            f.describe_with(&v),
            "Events: Space, Partly confirmed, Likely"
        );
    }

    #[test]
    fn titles_say_names_not_codes() {
        let categories: Vec<eventdesk_model::Category> =
            serde_json::from_str(r#"[{"id":"military","label":"Armed conflict"}]"#).unwrap();
        let v = FilterVocabulary::default().with_categories(&categories);
        let f = FeedFilters::from_pairs([("category", "military"), ("country", "RU")]);
        assert_eq!(f.describe_with(&v), "Events: Armed conflict, Russia");
        assert_eq!(
            f.describe_with(&FilterVocabulary::default()),
            "Events: Military, Russia"
        );
        let unknown = FeedFilters::from_pairs([("country", "QQ")]);
        assert_eq!(
            unknown.describe_with(&FilterVocabulary::default()),
            "Events: QQ"
        );
        let reversed = FeedFilters::from_pairs([("from", "2025-06-01"), ("to", "2025-01-01")]);
        assert_eq!(
            reversed.describe_with(&FilterVocabulary::default()),
            "Latest events"
        );
    }

    #[test]
    fn titles_say_what_is_filtered() {
        assert_eq!(
            FeedFilters::default().describe_with(&FilterVocabulary::default()),
            "Latest events"
        );
        let f = FeedFilters::from_pairs([
            ("category", "military"),
            ("confidence", "likely"),
            ("q", "paris"),
            ("from", "2025-01-01"),
        ]);
        assert_eq!(
            f.describe_with(&FilterVocabulary::default()),
            "Events: Military, Likely, \u{201c}paris\u{201d}, from 2025-01-01"
        );
    }
}
