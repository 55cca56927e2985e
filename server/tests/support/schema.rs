//! The contract's schemas (`api/openapi.yaml`, `components.schemas`), checked
//! with a JSON Schema 2020-12 validator, formats included.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use jsonschema::{Draft, Validator};
use serde_json::Value;

fn contract() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(|| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../api/openapi.yaml");
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        serde_yaml::from_str(&text).expect("openapi.yaml parses")
    })
}

fn validator(name: &str) -> Arc<Validator> {
    static CACHE: OnceLock<Mutex<HashMap<String, Arc<Validator>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut cache = cache.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(v) = cache.get(name) {
        return Arc::clone(v);
    }
    let doc = contract();
    assert!(
        doc["components"]["schemas"].get(name).is_some(),
        "no schema {name} in the contract"
    );
    // The whole document is the root resource, so `#/components/schemas/...` resolves.
    let mut root = doc.clone();
    let obj = root.as_object_mut().expect("contract is an object");
    obj.insert(
        "$schema".into(),
        "https://json-schema.org/draft/2020-12/schema".into(),
    );
    obj.insert("$ref".into(), format!("#/components/schemas/{name}").into());
    let v = jsonschema::options()
        .with_draft(Draft::Draft202012)
        .should_validate_formats(true)
        .build(&root)
        .unwrap_or_else(|e| panic!("schema {name}: {e}"));
    let v = Arc::new(v);
    cache.insert(name.to_owned(), Arc::clone(&v));
    v
}

/// Panics with every violation when `value` does not match schema `name`.
pub fn assert_schema(value: &Value, name: &str) {
    let v = validator(name);
    let errors: Vec<String> = v
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "not a valid {name}: {errors:#?}\n{value:#}"
    );
}

/// The checker itself must refuse what the contract refuses.
pub fn self_check() {
    assert_schema(&serde_json::json!({"title": "x", "status": 400}), "Problem");
    let bad = serde_json::json!({"title": "x"});
    assert!(!validator("Problem").is_valid(&bad));
    let bad_date = serde_json::json!({"id": "s", "event_id": "e", "status": "pending", "received_at": "yesterday"});
    assert!(
        !validator("SubmissionReceipt").is_valid(&bad_date),
        "formats are checked"
    );
    let bad_summary = serde_json::json!({"items": [{"id": "x"}]});
    assert!(
        !validator("EventPage").is_valid(&bad_summary),
        "nested $refs are followed"
    );
}
