//! Decoding untrusted JSON never panics: arbitrary documents, and the Paris
//! example with arbitrary values grafted anywhere, decode to a value or an
//! error; and what the pages derive from whatever decodes never panics
//! either. It lives with the pages' logic because it exercises both crates.

use eventdesk_model::*;
use eventdesk_page_logic::document;
use eventdesk_page_logic::event::{history::history_newest_first, reports::group_reports};
use eventdesk_page_logic::map::geo;
use proptest::prelude::*;
use serde_json::{json, Value};

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        ".{0,40}".prop_map(Value::String),
        prop_oneof![
            Just("likely"),
            Just("certain"),
            Just("occurred_in"),
            Just("country"),
            Just("javascript:alert(1)"),
            Just("<script>alert(1)</script>"),
            Just("2025-09-04"),
            Just("2026-05-30T04:15:39.417Z"),
            Just("\u{202e}\u{200b}é\u{301}👩‍👩‍👧"),
        ]
        .prop_map(|s| Value::String(s.to_owned())),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    "[a-z_]{1,12}",
                    Just("id".to_owned()),
                    Just("level".to_owned()),
                    Just("tone".to_owned()),
                    Just("places".to_owned()),
                    Just("point".to_owned()),
                    Just("bbox".to_owned()),
                    Just("lat".to_owned()),
                    Just("lon".to_owned()),
                    Just("items".to_owned()),
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every type a client decodes from the API, fed the same document.
fn decode_all(v: &Value) {
    let text = v.to_string();
    let _ = serde_json::from_str::<Event>(&text);
    let _ = serde_json::from_str::<EventPage>(&text);
    let _ = serde_json::from_str::<Vec<Category>>(&text);
    let _ = serde_json::from_str::<Entity>(&text);
    let _ = serde_json::from_str::<Methodology>(&text);
    let _ = serde_json::from_str::<SubmissionReceipt>(&text);
    let _ = serde_json::from_str::<SubmissionRequest>(&text);
    let _ = serde_json::from_str::<Problem>(&text);
    // And whatever decoded must also be safe to use.
    if let Ok(e) = serde_json::from_value::<Event>(v.clone()) {
        exercise(&e);
    }
}

/// The pure logic the pages call on a decoded event must not panic either.
fn exercise(e: &Event) {
    let _ = e.confidence.level.label();
    let _ = e.confidence.upgrade_line();
    let _ = e.confidence.explainer(None);
    let _ = confidence::sources_phrase(e.confidence.independent_sources);
    let _ = e.category.display_label();
    for p in &e.location.places {
        let _ = (p.bbox(), p.valid_point(), geo::place_extent(p));
    }
    let pts: Vec<Point> = e
        .location
        .places
        .iter()
        .flat_map(geo::place_extent)
        .collect();
    if let Some(b) = geo::bounds(&pts) {
        let v = geo::Viewport::fit(&b, 600.0, 300.0, 16.0);
        for p in &pts {
            let _ = v.project(p.lon, p.lat);
        }
    }
    for r in &e.reports {
        let _ = (r.tone.badge(), r.url.as_deref().map(url::safe_href));
    }
    for s in &e.sources {
        let _ = s.url.as_deref().map(url::normalise);
    }
    let _ = e.occurred_on.as_ref().map(Day::long);
    let _ = group_reports(&e.sources, &e.reports);
    let _ = history_newest_first(&e.history);
    let _ = (document::event_title(e), document::event_description(e));
}

use eventdesk_model::examples::paris_event_value as paris;

/// Replaces the `n`th node (pre-order) of `doc` with `graft`.
fn graft_at(doc: &mut Value, n: &mut usize, graft: &Value) -> bool {
    if *n == 0 {
        *doc = graft.clone();
        return true;
    }
    *n -= 1;
    match doc {
        Value::Array(items) => items.iter_mut().any(|c| graft_at(c, n, graft)),
        Value::Object(map) => map.values_mut().any(|c| graft_at(c, n, graft)),
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_documents_never_panic(v in arb_json()) {
        decode_all(&v);
    }

    #[test]
    fn grafted_paris_event_never_panics(at in 0usize..400, graft in arb_json()) {
        let mut doc = paris();
        let mut n = at;
        graft_at(&mut doc, &mut n, &graft);
        decode_all(&doc);
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = serde_json::from_str::<Event>(&text);
        let _ = url::normalise(&text);
        let _ = url::safe_href(&text);
        let _ = url::suggest_outlet_name(&text);
        let _ = labels::humanise(&text);
        let _ = Timestamp(text.clone()).parse();
        let _ = SubmissionRequest { url: text.clone(), email: Some(text.clone()), ..Default::default() }.validate();
    }
}
