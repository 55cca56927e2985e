//! The contract's examples decode, and survive a round trip unchanged in meaning.

use eventdesk_model::*;
use serde::{de::DeserializeOwned, Serialize};
use std::fmt::Debug;

fn example(name: &str) -> String {
    let path = format!("{}/../api/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Decodes, encodes and decodes again: both decodes agree, and every field the
/// example sends with a value comes back with the same value.
fn round_trip<T: DeserializeOwned + Serialize + PartialEq + Debug>(name: &str) -> T {
    let text = example(name);
    let first: T = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let encoded = serde_json::to_value(&first).unwrap();
    let second: T = serde_json::from_value(encoded.clone()).unwrap();
    assert_eq!(first, second, "{name} changed in a round trip");
    let original: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_subset(&original, &encoded, name);
    first
}

/// Every non-null value of `sent` is in `got` unchanged.
fn assert_subset(sent: &serde_json::Value, got: &serde_json::Value, at: &str) {
    use serde_json::Value::*;
    match (sent, got) {
        (Object(a), Object(b)) => {
            for (k, v) in a.iter().filter(|(_, v)| !v.is_null()) {
                let other = b.get(k).unwrap_or_else(|| panic!("{at}.{k} was lost"));
                assert_subset(v, other, &format!("{at}.{k}"));
            }
        }
        (Array(a), Array(b)) => {
            assert_eq!(a.len(), b.len(), "{at}: list length");
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                assert_subset(x, y, &format!("{at}[{i}]"));
            }
        }
        _ => assert_eq!(sent, got, "{at}"),
    }
}

#[test]
fn every_example_decodes_and_round_trips() {
    let event: Event = round_trip("event-paris-coalition.json");
    assert_eq!(event.id, "paris-coalition-security-guarantees-2025-09-04");
    assert_eq!(event.confidence.level, ConfidenceLevel::Likely);
    assert_eq!(event.reports.len(), 6);
    assert_eq!(event.sources.len(), 3);
    assert_eq!(event.entities.len(), 5);
    assert_eq!(
        event.location.places[1].bbox(),
        Some([22.14, 44.38, 40.23, 52.38])
    );

    let methodology: Methodology = round_trip("methodology.json");
    assert_eq!(methodology.levels.len(), 4);
    assert_eq!(methodology.tones.len(), 4);

    let categories: Vec<Category> = round_trip("categories.json");
    assert_eq!(categories.len(), 12);

    let receipt: SubmissionReceipt = round_trip("submission-receipt.json");
    assert_eq!(receipt.status, SubmissionStatus::Pending);

    let problem: Problem = round_trip("problem-422.json");
    assert_eq!(problem.status, 422);
    assert_eq!(problem.errors.len(), 2);
}

#[test]
fn every_example_file_is_covered() {
    let dir = format!("{}/../api/examples", env!("CARGO_MANIFEST_DIR"));
    let mut json: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".json"))
        .collect();
    json.sort();
    assert_eq!(
        json,
        [
            "categories.json",
            "event-paris-coalition.json",
            "methodology.json",
            "problem-422.json",
            "submission-receipt.json"
        ],
        "a new example needs a round-trip test above"
    );
}

#[test]
fn unknown_fields_and_enum_values_decode_and_survive() {
    let mut doc: serde_json::Value =
        serde_json::from_str(&example("event-paris-coalition.json")).unwrap();
    doc["brand_new_field"] = serde_json::json!({"nested": [1, 2, 3]});
    doc["confidence"]["level"] = "partly_confirmed".into();
    doc["confidence"]["next_level"]["level"] = "beyond_doubt".into();
    doc["reports"][0]["tone"] = "sarcastic".into();
    doc["reports"][0]["sentiment"] = "odd".into();
    doc["entities"][0]["kind"] = "ship".into();
    doc["location"]["places"][0]["role"] = "passed_through".into();
    doc["location"]["places"][0]["precision"] = "street".into();
    doc["sources"][0]["kind"] = "podcast".into();
    doc["history"][0]["kind"] = "merged".into();

    let event: Event = serde_json::from_value(doc).unwrap();
    assert_eq!(
        event.confidence.level,
        ConfidenceLevel::Other("partly_confirmed".into())
    );
    assert_eq!(event.confidence.level.label(), "Partly confirmed");
    assert_eq!(event.reports[0].tone.badge(), "Source tone: sarcastic");
    assert_eq!(event.entities[0].kind.label(), "Ship");

    let back = serde_json::to_value(&event).unwrap();
    assert_eq!(back["confidence"]["level"], "partly_confirmed");
    assert_eq!(back["reports"][0]["tone"], "sarcastic");
    assert_eq!(back["location"]["places"][0]["precision"], "street");
    assert_eq!(back["sources"][0]["kind"], "podcast");
}

#[test]
fn absent_and_null_optionals_and_lists() {
    let minimal = serde_json::json!({
        "id": "e1",
        "category": {"id": "new_cat", "label": "New"},
        "summary": "s",
        "location": {"label": "Somewhere", "places": null},
        "confidence": {"level": "unconfirmed", "independent_sources": 1, "next_level": null},
        "source_names": [],
        "sources": [{"id": "a", "name": "A", "trusted": null, "independent": null}],
        "reports": [],
        "entities": [],
        "history": null,
        "extraction": null
    });
    let event: Event = serde_json::from_value(minimal).unwrap();
    assert!(event.title.is_none());
    assert!(event.location.places.is_empty());
    assert!(event.history.is_empty());
    assert!(event.related_ids.is_empty());
    assert!(!event.sources[0].trusted, "trusted defaults to false");
    assert!(event.sources[0].independent, "independent defaults to true");
}

#[test]
fn a_missing_required_field_is_named() {
    for field in [
        "summary",
        "confidence",
        "location",
        "sources",
        "reports",
        "entities",
    ] {
        let mut doc: serde_json::Value =
            serde_json::from_str(&example("event-paris-coalition.json")).unwrap();
        doc.as_object_mut().unwrap().remove(field);
        if ["sources", "reports", "entities"].contains(&field) {
            // Lists default to empty: their absence is tolerated, not an error.
            assert!(serde_json::from_value::<Event>(doc).is_ok(), "{field}");
            continue;
        }
        let err = serde_json::from_value::<Event>(doc)
            .unwrap_err()
            .to_string();
        assert!(err.contains(&format!("`{field}`")), "{field}: {err}");
    }
    let err = serde_json::from_str::<Report>(r#"{"id":"r","source_id":"s","tone":"certain"}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("`claim`"), "{err}");
}

#[test]
fn submission_requests_reject_unknown_fields() {
    let err = serde_json::from_str::<SubmissionRequest>(r#"{"url":"https://a.com","admin":true}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("admin"), "{err}");
}
