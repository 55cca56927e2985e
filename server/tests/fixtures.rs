//! The reference backend's sample data (`server/fixtures/`): every file is a
//! contract-shaped document, each event is internally consistent (its
//! confidence agrees with its sources, its reports with its sources, its
//! entities with `entities.json`), and together the events cover what the app
//! has to show: every category, confidence level, tone, place role and
//! precision, several continents, 0 to 12 sources, shared entities, history
//! and one withdrawn event.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use eventdesk_model::{
    Category, ConfidenceLevel, Entity, Event, Methodology, Place, PlacePrecision,
};
use serde_json::Value;

const PARIS: &str = "paris-coalition-security-guarantees-2025-09-04";

fn server_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixtures_dir() -> PathBuf {
    server_dir().join("fixtures")
}

fn read_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()))
}

fn decode<T: serde::de::DeserializeOwned>(path: &Path, value: &Value) -> T {
    serde_json::from_value(value.clone())
        .unwrap_or_else(|e| panic!("{}: does not decode: {e}", path.display()))
}

/// Every event fixture: file stem, raw JSON and decoded event, sorted by id.
fn events() -> Vec<(String, Value, Event)> {
    let dir = fixtures_dir().join("events");
    let mut out = Vec::new();
    for entry in fs::read_dir(&dir).expect("server/fixtures/events exists") {
        let path = entry.expect("directory entry").path();
        assert_eq!(
            path.extension().and_then(|e| e.to_str()),
            Some("json"),
            "{}: only .json files belong in fixtures/events",
            path.display()
        );
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("UTF-8 file name")
            .to_owned();
        let value = read_json(&path);
        let event: Event = decode(&path, &value);
        out.push((stem, value, event));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn categories() -> Vec<Category> {
    let path = fixtures_dir().join("categories.json");
    decode(&path, &read_json(&path))
}

fn methodology() -> Methodology {
    let path = fixtures_dir().join("methodology.json");
    decode(&path, &read_json(&path))
}

fn entities() -> Vec<Entity> {
    let path = fixtures_dir().join("entities.json");
    decode(&path, &read_json(&path))
}

fn timestamp(what: &str, s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap_or_else(|e| panic!("{what}: {s:?} is not RFC 3339: {e}"))
}

fn valid_id(id: &str) -> bool {
    (1..=128).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn valid_url(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && url.len() > "https://".len() + 3
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Continent of the country codes the fixtures use; codes outside the table
/// simply do not count towards the continent coverage.
fn continent(country_code: &str) -> Option<&'static str> {
    Some(match country_code {
        "AT" | "BE" | "CH" | "DE" | "ES" | "FI" | "FR" | "GB" | "GE" | "IT" | "LT" | "LV"
        | "NL" | "PL" | "PT" | "RU" | "SE" | "UA" => "Europe",
        "AE" | "AF" | "AZ" | "BD" | "CN" | "IL" | "IN" | "IR" | "JP" | "KR" | "NP" | "PH"
        | "PS" | "QA" | "SY" | "TR" => "Asia",
        "CD" | "KE" | "LY" | "MA" | "NE" | "NG" | "RW" | "SD" | "ZA" => "Africa",
        "AR" | "BR" | "CA" | "CL" | "MX" | "US" | "VE" => "Americas",
        "AU" | "FJ" | "NC" | "NZ" | "VU" => "Oceania",
        _ => return None,
    })
}

/// Whether `lon` lies between `west` and `east`, the box possibly crossing the antimeridian.
fn lon_within(lon: f64, west: f64, east: f64) -> bool {
    if west <= east {
        (west..=east).contains(&lon)
    } else {
        lon >= west || lon <= east
    }
}

fn check_place(id: &str, place: &Place) {
    let what = format!("{id}: place {:?}", place.name);
    assert!(!place.name.trim().is_empty(), "{what}: empty name");
    if let Some(cc) = &place.country_code {
        assert!(
            cc.len() == 2 && cc.bytes().all(|b| b.is_ascii_uppercase()),
            "{what}: country code {cc:?} is not ISO 3166-1 alpha-2"
        );
    }
    assert!(
        place.role.as_ref().is_some_and(|r| !r.is_other()),
        "{what}: role missing or unknown"
    );
    let precision = place
        .precision
        .as_ref()
        .unwrap_or_else(|| panic!("{what}: precision missing"));
    if let Some(p) = place.point {
        assert!(
            (-90.0..=90.0).contains(&p.lat),
            "{what}: latitude {} out of range",
            p.lat
        );
        assert!(
            (-180.0..=180.0).contains(&p.lon),
            "{what}: longitude {} out of range",
            p.lon
        );
    }
    if let Some(raw) = &place.bbox_raw {
        let b = place.bbox().unwrap_or_else(|| {
            panic!("{what}: bbox {raw:?} is not [west, south, east, north] in range")
        });
        assert!(
            b[1] < b[3],
            "{what}: bbox south {} is not below north {}",
            b[1],
            b[3]
        );
        if let Some(p) = place.point {
            assert!(
                (b[1]..=b[3]).contains(&p.lat) && lon_within(p.lon, b[0], b[2]),
                "{what}: point {p:?} lies outside its bbox {b:?}"
            );
        }
    }
    match precision {
        PlacePrecision::Point | PlacePrecision::City => {
            assert!(
                place.point.is_some(),
                "{what}: a {} needs a point",
                precision.as_str()
            );
            assert!(
                place.bbox_raw.is_none(),
                "{what}: a {} has no bbox",
                precision.as_str()
            );
        }
        PlacePrecision::Region | PlacePrecision::Country => {
            assert!(
                place.bbox_raw.is_some(),
                "{what}: a {} needs a bbox",
                precision.as_str()
            );
        }
        PlacePrecision::Other(other) => panic!("{what}: unknown precision {other:?}"),
    }
}

#[test]
fn categories_and_methodology_are_the_contracts_examples() {
    let examples = server_dir().join("../api/examples");
    for name in ["categories.json", "methodology.json"] {
        assert_eq!(
            read_json(&fixtures_dir().join(name)),
            read_json(&examples.join(name)),
            "server/fixtures/{name} differs from api/examples/{name}"
        );
    }
    assert!(!categories().is_empty());
    assert_eq!(methodology().levels.len(), 4);
}

#[test]
fn every_event_decodes_and_is_named_by_its_id() {
    let events = events();
    assert!(
        events.len() >= 45,
        "only {} events; the brief asks for the Paris event and at least 44 more",
        events.len()
    );
    let mut seen = BTreeSet::new();
    for (stem, _, event) in &events {
        assert_eq!(
            &event.id, stem,
            "file {stem}.json holds event {:?}",
            event.id
        );
        assert!(
            valid_id(&event.id),
            "{}: id does not match ^[A-Za-z0-9_-]{{1,128}}$",
            event.id
        );
        assert!(seen.insert(event.id.clone()), "{}: duplicate id", event.id);
    }
}

#[test]
fn the_paris_event_is_the_contracts_example_exactly() {
    let example = read_json(&server_dir().join("../api/examples/event-paris-coalition.json"));
    let events = events();
    let (_, fixture, _) = events
        .iter()
        .find(|(id, _, _)| id == PARIS)
        .expect("the Paris fixture exists");
    assert_eq!(fixture, &example);
}

#[test]
fn each_event_is_consistent_with_itself_and_the_methodology() {
    let methodology = methodology();
    for (id, _, event) in &events() {
        let id = id.as_str();
        assert!(
            !event.summary.summary.trim().is_empty(),
            "{id}: empty summary"
        );
        if let Some(title) = &event.title {
            assert!(!title.trim().is_empty(), "{id}: empty title (use null)");
        }
        let day = event
            .occurred_on
            .as_ref()
            .unwrap_or_else(|| panic!("{id}: occurred_on missing"));
        let day = NaiveDate::parse_from_str(day.as_str(), "%Y-%m-%d")
            .unwrap_or_else(|e| panic!("{id}: occurred_on {:?}: {e}", day.as_str()));
        assert!(
            (NaiveDate::from_ymd_opt(2023, 1, 1).unwrap()
                ..=NaiveDate::from_ymd_opt(2025, 12, 31).unwrap())
                .contains(&day),
            "{id}: occurred_on {day} outside 2023–2025"
        );
        assert!(
            id.ends_with(&day.format("%Y-%m-%d").to_string()),
            "{id}: the id should end with the date it occurred on ({day})"
        );

        // Location.
        assert!(
            !event.location.label.trim().is_empty(),
            "{id}: empty location label"
        );
        assert!(!event.location.places.is_empty(), "{id}: no places");
        for place in &event.location.places {
            check_place(id, place);
        }

        // Sources.
        let mut source_ids = BTreeSet::new();
        for s in &event.sources {
            assert!(
                source_ids.insert(s.id.as_str()),
                "{id}: duplicate source id {:?}",
                s.id
            );
            assert!(
                !s.name.trim().is_empty(),
                "{id}: source {:?} has no name",
                s.id
            );
            for url in s.url.iter().chain(&s.homepage) {
                assert!(
                    valid_url(url),
                    "{id}: source {:?} has a malformed URL {url:?}",
                    s.id
                );
            }
            if let Some(at) = &s.published_at {
                timestamp(&format!("{id}: source {} published_at", s.id), at.as_str());
            }
            assert!(
                s.kind.as_ref().is_some_and(|k| !k.is_other()),
                "{id}: source {:?} kind missing or unknown",
                s.id
            );
        }
        let names: Vec<&str> = event.sources.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            event.source_names, names,
            "{id}: source_names differ from the sources' names, in order"
        );

        // Reports.
        let mut report_ids = BTreeSet::new();
        for r in &event.reports {
            assert!(
                report_ids.insert(r.id.as_str()),
                "{id}: duplicate report id {:?}",
                r.id
            );
            assert!(
                source_ids.contains(r.source_id.as_str()),
                "{id}: report {} cites unknown source {:?}",
                r.id,
                r.source_id
            );
            assert!(
                !r.claim.trim().is_empty(),
                "{id}: report {} has no claim",
                r.id
            );
            assert!(
                !r.tone.is_other(),
                "{id}: report {} has an unknown tone",
                r.id
            );
            if let Some(url) = &r.url {
                assert!(
                    valid_url(url),
                    "{id}: report {} has a malformed URL {url:?}",
                    r.id
                );
            }
        }
        for s in event.sources.iter().filter(|_| id != PARIS) {
            assert!(
                event.reports.iter().any(|r| r.source_id == s.id),
                "{id}: source {:?} backs no report",
                s.id
            );
        }

        // Confidence.
        let c = &event.confidence;
        let independent = event.sources.iter().filter(|s| s.independent).count() as u64;
        let trusted_independent = event
            .sources
            .iter()
            .filter(|s| s.independent && s.trusted)
            .count();
        assert_eq!(
            c.independent_sources, independent,
            "{id}: independent_sources differs from the independent sources"
        );
        let level = methodology
            .level(&c.level)
            .unwrap_or_else(|| panic!("{id}: level {:?} not in the methodology", c.level));
        if !event.sources.is_empty() {
            assert_eq!(
                c.explanation.as_deref(),
                Some(level.description.as_str()),
                "{id}: explanation is not the methodology's"
            );
        } else {
            assert!(
                c.explanation.as_deref().is_some_and(|e| !e.is_empty()),
                "{id}: an event without sources still explains its level"
            );
        }
        match &c.level {
            ConfidenceLevel::Unconfirmed => {
                assert!(
                    independent <= 1,
                    "{id}: unconfirmed with {independent} independent sources"
                );
                assert_eq!(
                    c.next_level.as_ref().map(|n| &n.level),
                    Some(&ConfidenceLevel::Likely),
                    "{id}: next level"
                );
            }
            ConfidenceLevel::Likely => {
                assert!(
                    independent >= 2,
                    "{id}: likely with {independent} independent sources"
                );
                assert_eq!(
                    c.next_level.as_ref().map(|n| &n.level),
                    Some(&ConfidenceLevel::Verified),
                    "{id}: next level"
                );
            }
            ConfidenceLevel::Verified => {
                assert!(
                    independent >= 2,
                    "{id}: verified with {independent} independent sources"
                );
                assert!(
                    trusted_independent >= 2,
                    "{id}: verified with {trusted_independent} trusted independent sources"
                );
                assert!(c.next_level.is_none(), "{id}: verified is the top level");
            }
            ConfidenceLevel::Disputed => {
                assert!(
                    independent >= 2,
                    "{id}: disputed needs independent sources that contradict each other"
                );
                assert!(
                    c.next_level.is_none(),
                    "{id}: nothing simply raises a disputed event"
                );
            }
            ConfidenceLevel::Other(other) => panic!("{id}: unknown level {other:?}"),
        }
        if let Some(next) = &c.next_level {
            assert!(
                !next.needs.trim().is_empty(),
                "{id}: next_level.needs is empty"
            );
        }

        // Entities.
        assert_eq!(
            event.entity_count,
            Some(event.entities.len() as u64),
            "{id}: entity_count"
        );
        let mut entity_ids = BTreeSet::new();
        for e in &event.entities {
            assert!(
                entity_ids.insert(e.id.as_str()),
                "{id}: entity {:?} listed twice",
                e.id
            );
            assert!(valid_id(&e.id), "{id}: entity id {:?}", e.id);
        }

        // History, timestamps and extraction.
        let updated = timestamp(
            &format!("{id}: updated_at"),
            event.updated_at.as_ref().expect("updated_at").as_str(),
        );
        let assessed = timestamp(
            &format!("{id}: assessed_at"),
            c.assessed_at.as_ref().expect("assessed_at").as_str(),
        );
        assert!(assessed <= updated, "{id}: assessed after the last update");
        assert!(!event.history.is_empty(), "{id}: no history");
        assert_eq!(
            event.history[0].kind.as_str(),
            "created",
            "{id}: history starts with its creation"
        );
        let mut last = None;
        for h in &event.history {
            let at = timestamp(&format!("{id}: history"), h.at.as_str());
            assert!(
                last.is_none_or(|l| l <= at),
                "{id}: history out of order at {}",
                h.at.as_str()
            );
            assert!(
                at <= updated,
                "{id}: history entry {} after updated_at",
                h.at.as_str()
            );
            assert!(
                !h.kind.is_other(),
                "{id}: unknown history kind {:?}",
                h.kind
            );
            assert!(!h.summary.trim().is_empty(), "{id}: empty history summary");
            last = Some(at);
        }
        let extraction = event
            .extraction
            .as_ref()
            .unwrap_or_else(|| panic!("{id}: no extraction"));
        timestamp(
            &format!("{id}: extracted_at"),
            extraction
                .extracted_at
                .as_ref()
                .expect("extracted_at")
                .as_str(),
        );
        let story = extraction
            .source_story
            .as_ref()
            .unwrap_or_else(|| panic!("{id}: no source story"));
        assert!(!story.slug.is_empty(), "{id}: empty source story slug");
        assert!(
            matches!(extraction.method.as_deref(), Some("automated" | "editor")),
            "{id}: extraction method {:?}",
            extraction.method
        );
    }
}

#[test]
fn categories_entities_and_related_events_resolve() {
    let events = events();
    let categories: HashMap<String, Category> = categories()
        .into_iter()
        .map(|c| (c.id.clone(), c))
        .collect();
    let all = entities();
    let mut by_id: HashMap<&str, &Entity> = HashMap::new();
    for e in &all {
        assert!(
            by_id.insert(e.id.as_str(), e).is_none(),
            "entities.json lists {:?} twice",
            e.id
        );
        assert!(valid_id(&e.id), "entities.json: id {:?}", e.id);
        assert!(
            !e.kind.is_other(),
            "entities.json: {} has an unknown kind",
            e.id
        );
        assert!(
            e.description
                .as_deref()
                .is_some_and(|d| !d.trim().is_empty()),
            "entities.json: {} has no description",
            e.id
        );
        if let Some(q) = &e.wikidata_id {
            assert!(
                q.len() > 1 && q.starts_with('Q') && q[1..].bytes().all(|b| b.is_ascii_digit()),
                "{}: wikidata id {q:?}",
                e.id
            );
        }
    }
    let ids: BTreeSet<&str> = events.iter().map(|(id, _, _)| id.as_str()).collect();
    let mut used = BTreeSet::new();
    for (id, _, event) in &events {
        let cat = categories.get(&event.category.id).unwrap_or_else(|| {
            panic!(
                "{id}: category {:?} is not in categories.json",
                event.category.id
            )
        });
        assert_eq!(event.category.label, cat.label, "{id}: category label");
        assert_eq!(event.category.emoji, cat.emoji, "{id}: category emoji");
        for e in &event.entities {
            let known = by_id
                .get(e.id.as_str())
                .unwrap_or_else(|| panic!("{id}: entity {:?} is not in entities.json", e.id));
            assert_eq!(
                (&e.name, &e.kind),
                (&known.name, &known.kind),
                "{id}: entity {} differs from entities.json",
                e.id
            );
            if e.wikidata_id.is_some() {
                assert_eq!(
                    e.wikidata_id, known.wikidata_id,
                    "{id}: entity {} wikidata id",
                    e.id
                );
            }
            used.insert(e.id.as_str());
        }
        for related in &event.related_ids {
            assert_ne!(related, id, "{id}: related to itself");
            assert!(
                ids.contains(related.as_str()),
                "{id}: related event {related:?} does not exist"
            );
        }
    }
    for e in &all {
        assert!(
            used.contains(e.id.as_str()),
            "entities.json: {} is used by no event",
            e.id
        );
    }
}

#[test]
fn together_the_events_cover_what_the_app_must_show() {
    let events = events();
    let count = |f: &dyn Fn(&Event) -> bool| events.iter().filter(|(_, _, e)| f(e)).count();

    for category in categories() {
        let n = count(&|e| e.category.id == category.id);
        assert!(
            n >= 2,
            "category {} has {n} events; at least 2 wanted",
            category.id
        );
    }
    for level in ["unconfirmed", "likely", "verified", "disputed"] {
        let n = count(&|e| e.confidence.level.as_str() == level);
        assert!(n >= 3, "confidence {level} has {n} events; several wanted");
    }
    let tones: BTreeSet<&str> = events
        .iter()
        .flat_map(|(_, _, e)| e.reports.iter().map(|r| r.tone.as_str()))
        .collect();
    for tone in ["certain", "likely", "possible", "doubtful"] {
        assert!(tones.contains(tone), "no report has tone {tone}");
    }
    let places: Vec<&Place> = events
        .iter()
        .flat_map(|(_, _, e)| e.location.places.iter())
        .collect();
    for role in ["occurred_in", "about"] {
        assert!(
            places
                .iter()
                .any(|p| p.role.as_ref().is_some_and(|r| r.as_str() == role)),
            "no place with role {role}"
        );
    }
    for precision in ["point", "city", "region", "country"] {
        assert!(
            places.iter().any(|p| p
                .precision
                .as_ref()
                .is_some_and(|r| r.as_str() == precision)),
            "no place with precision {precision}"
        );
    }
    assert!(
        places.iter().filter_map(|p| p.bbox()).any(|b| b[0] > b[2]),
        "no bbox crosses the antimeridian"
    );
    let countries: BTreeSet<&str> = places
        .iter()
        .filter_map(|p| p.country_code.as_deref())
        .collect();
    let continents: BTreeSet<&str> = countries.iter().filter_map(|c| continent(c)).collect();
    assert!(
        countries.len() >= 5,
        "places in only {} countries",
        countries.len()
    );
    for wanted in ["Europe", "Asia", "Africa", "Americas", "Oceania"] {
        assert!(
            continents.contains(wanted),
            "no event place in {wanted}; countries: {countries:?}"
        );
    }

    let sizes: BTreeSet<usize> = events.iter().map(|(_, _, e)| e.sources.len()).collect();
    assert!(sizes.contains(&0), "no event awaiting sources");
    assert!(sizes.iter().any(|&n| n >= 12), "no event with 12 sources");
    assert!(sizes.len() >= 6, "source counts vary too little: {sizes:?}");
    let zero = events
        .iter()
        .find(|(_, _, e)| e.sources.is_empty())
        .unwrap();
    assert_eq!(
        zero.2.confidence.level.as_str(),
        "unconfirmed",
        "{}: without sources the event is unconfirmed",
        zero.0
    );
    assert!(
        zero.2.reports.is_empty(),
        "{}: reports without sources",
        zero.0
    );

    let sources: Vec<_> = events
        .iter()
        .flat_map(|(_, _, e)| e.sources.iter())
        .collect();
    assert!(
        sources.iter().any(|s| !s.independent),
        "no republished (independent: false) source"
    );
    assert!(
        sources.iter().any(|s| s.trusted) && sources.iter().any(|s| !s.trusted),
        "trusted should be mixed"
    );
    assert!(
        events.iter().any(
            |(_, _, e)| e.sources.len() > e.confidence.independent_sources as usize
                && e.confidence.level.as_str() == "unconfirmed"
        ),
        "no unconfirmed event whose second source is a republished copy"
    );
    let reports: Vec<_> = events
        .iter()
        .flat_map(|(_, _, e)| e.reports.iter())
        .collect();
    assert!(
        reports.iter().any(|r| r.quote.is_some()),
        "no report quotes its outlet"
    );
    assert!(
        reports.iter().any(|r| r.url.is_some()),
        "no report links its article"
    );

    let withdrawn: Vec<&(String, Value, Event)> = events
        .iter()
        .filter(|(_, v, _)| v.get("withdrawn").is_some())
        .collect();
    assert_eq!(
        withdrawn.len(),
        1,
        "exactly one withdrawn event wanted, found {}",
        withdrawn.len()
    );
    let w = &withdrawn[0].1["withdrawn"];
    assert!(
        w["reason"].as_str().is_some_and(|r| !r.trim().is_empty()),
        "withdrawn.reason"
    );
    timestamp(
        "withdrawn.at",
        w["at"].as_str().expect("withdrawn.at is a string"),
    );

    let mut appearances: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, _, e) in &events {
        for entity in &e.entities {
            *appearances.entry(entity.id.as_str()).or_default() += 1;
        }
    }
    for shared in [
        "volodymyr-zelensky",
        "emmanuel-macron",
        "donald-trump",
        "nato",
        "united-nations",
        "world-health-organization",
        "european-union",
    ] {
        let n = appearances.get(shared).copied().unwrap_or(0);
        assert!(
            n >= 3,
            "entity {shared} appears in {n} events; at least 3 wanted"
        );
    }
    assert!(
        events.iter().any(|(_, _, e)| e.entities.is_empty()),
        "no event without entities"
    );

    assert!(
        events.iter().any(|(_, _, e)| e.history.len() >= 3),
        "no event with a history of several entries"
    );
    let kinds: BTreeSet<&str> = events
        .iter()
        .flat_map(|(_, _, e)| e.history.iter().map(|h| h.kind.as_str()))
        .collect();
    for kind in [
        "created",
        "source_added",
        "confidence_changed",
        "corrected",
        "location_changed",
    ] {
        assert!(kinds.contains(kind), "no history entry of kind {kind}");
    }
    let methods: BTreeSet<&str> = events
        .iter()
        .filter_map(|(_, _, e)| e.extraction.as_ref()?.method.as_deref())
        .collect();
    assert!(
        methods.contains("automated") && methods.contains("editor"),
        "extraction methods: {methods:?}"
    );
    assert!(
        events.iter().any(|(_, _, e)| e.title.is_none()),
        "no event without a title"
    );
    assert!(
        events.iter().any(|(_, _, e)| !e.related_ids.is_empty()),
        "no related events"
    );

    let years: BTreeSet<&str> = events
        .iter()
        .filter_map(|(_, _, e)| e.occurred_on.as_ref().map(|d| &d.as_str()[..4]))
        .collect();
    for year in ["2023", "2024", "2025"] {
        assert!(years.contains(year), "no event in {year}");
    }
    // Ordering ties: events on the same day, told apart by updated_at.
    let mut by_day: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (_, _, e) in &events {
        by_day
            .entry(e.occurred_on.as_ref().unwrap().as_str())
            .or_default()
            .push(e.updated_at.as_ref().unwrap().as_str());
    }
    let ties: Vec<_> = by_day.values().filter(|u| u.len() > 1).collect();
    assert!(!ties.is_empty(), "no two events on the same day");
    for updated in ties {
        let distinct: BTreeSet<_> = updated.iter().collect();
        assert_eq!(
            distinct.len(),
            updated.len(),
            "same-day events share an updated_at: {updated:?}"
        );
    }
}
