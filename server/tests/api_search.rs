//! `GET /events?q=`: a name written another common way finds the same events
//! (issue 15, item 14: "Kiev" found nothing where "Kyiv" found four).

mod support;

use std::collections::BTreeSet;

use support::{TestServer, PARIS};

async fn found(server: &TestServer, q: &str) -> BTreeSet<String> {
    let (walked, total) = server.walk(&format!("q={q}"), 100).await;
    assert_eq!(walked.len() as u64, total, "q={q}: total agrees");
    walked.into_iter().collect()
}

#[tokio::test]
async fn other_spellings_of_a_name_find_the_same_events() {
    let server = TestServer::start().await;
    let kyiv = found(&server, "Kyiv").await;
    assert!(kyiv.len() >= 4, "the fixtures mention Kyiv: {kyiv:?}");
    for q in ["Kiev", "KIEV", "kiev", "%D0%9A%D0%B8%D0%B5%D0%B2"] {
        assert_eq!(found(&server, q).await, kyiv, "q={q}");
    }

    let zelensky = found(&server, "Zelensky").await;
    assert!(zelensky.contains(PARIS));
    for q in ["Zelenskyy", "Zelenskiy", "ZELENSK%C3%9D", "zelenskyi"] {
        assert_eq!(found(&server, q).await, zelensky, "q={q}");
    }

    // With other words, every word must still match.
    assert_eq!(
        found(&server, "kiev%20zelenskyy").await,
        found(&server, "kyiv%20zelensky").await
    );
    assert!(found(&server, "kiev%20paris").await.contains(PARIS));
    assert!(found(&server, "kiev%20xylophonequasar").await.is_empty());

    // The start of a name is a prefix, as any word.
    assert!(found(&server, "Ky").await.is_superset(&kyiv));
}
