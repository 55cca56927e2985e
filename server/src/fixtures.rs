//! The sample data in `fixtures/`: read and checked against the contract's types,
//! then installed in one transaction when the database has none or they changed.
//!
//! Layout: `categories.json` (Category[], in display order), `methodology.json`,
//! `entities.json` (Entity[], optional), `events/*.json` (one Event each). An
//! event may carry `"withdrawn": {"reason": "...", "at": "..."}`, which is not
//! part of the contract: it is stored apart and never sent.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use eventdesk_model::text::non_blank;
use eventdesk_model::{Category, Entity, Event, Methodology};
use rusqlite::{params, Connection};
use serde::Deserialize;
use serde_json::Value;

use crate::fnv::Fnv;
use crate::routes::valid_id;
use crate::store::sort_keys;

#[derive(Debug, thiserror::Error)]
pub enum FixtureError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not valid: {message}")]
    Invalid { path: PathBuf, message: String },
}

#[derive(Debug, Clone, Deserialize)]
pub struct Withdrawn {
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub at: Option<String>,
}

#[derive(Debug, Clone)]
pub struct FixtureEvent {
    /// The document as written, less `withdrawn`.
    pub doc: Value,
    pub event: Event,
    pub withdrawn: Option<Withdrawn>,
}

#[derive(Debug, Clone)]
pub struct FixtureSet {
    pub categories: Vec<Value>,
    pub methodology: Value,
    pub entities: Vec<Entity>,
    pub events: Vec<FixtureEvent>,
    /// Changes whenever any fixture file does.
    pub fingerprint: String,
}

/// The fields of an Event that a list item (EventSummary) carries.
pub const SUMMARY_FIELDS: [&str; 10] = [
    "id",
    "category",
    "title",
    "summary",
    "occurred_on",
    "location",
    "confidence",
    "source_names",
    "entity_count",
    "updated_at",
];

fn read_json(path: &Path, fingerprint: &mut Fnv) -> Result<Value, FixtureError> {
    let text = std::fs::read(path).map_err(|source| FixtureError::Read {
        path: path.to_owned(),
        source,
    })?;
    fingerprint.add(
        path.file_name()
            .map(|n| n.as_encoded_bytes())
            .unwrap_or_default(),
    );
    fingerprint.add(&text);
    serde_json::from_slice(&text).map_err(|e| invalid(path, e))
}

fn invalid(path: &Path, e: impl std::fmt::Display) -> FixtureError {
    FixtureError::Invalid {
        path: path.to_owned(),
        message: e.to_string(),
    }
}

/// Checks that `doc` decodes as `T`, keeping the document itself.
fn check<T: serde::de::DeserializeOwned>(path: &Path, doc: &Value) -> Result<T, FixtureError> {
    T::deserialize(doc).map_err(|e| invalid(path, e))
}

impl FixtureSet {
    pub fn read(dir: &Path) -> Result<FixtureSet, FixtureError> {
        let mut fp = Fnv::new();
        let path = dir.join("categories.json");
        let categories = read_json(&path, &mut fp)?;
        check::<Vec<Category>>(&path, &categories)?;
        let categories = match categories {
            Value::Array(items) => items,
            _ => return Err(invalid(&path, "expected an array")),
        };

        let path = dir.join("methodology.json");
        let methodology = read_json(&path, &mut fp)?;
        check::<Methodology>(&path, &methodology)?;

        let path = dir.join("entities.json");
        let listed: Vec<Entity> = if path.exists() {
            check(&path, &read_json(&path, &mut fp)?)?
        } else {
            Vec::new()
        };

        let events_dir = dir.join("events");
        let mut files: Vec<PathBuf> = match std::fs::read_dir(&events_dir) {
            Ok(entries) => entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(source) => {
                return Err(FixtureError::Read {
                    path: events_dir,
                    source,
                })
            }
        };
        files.sort();
        let mut events = Vec::with_capacity(files.len());
        let mut seen = BTreeMap::new();
        for path in &files {
            let mut doc = read_json(path, &mut fp)?;
            let withdrawn = match doc.as_object_mut().and_then(|o| o.remove("withdrawn")) {
                Some(w) => Some(check::<Withdrawn>(path, &w)?),
                None => None,
            };
            let event: Event = check(path, &doc)?;
            if !valid_id(&event.id) {
                return Err(invalid(
                    path,
                    format!("event id {:?} is not URL-safe", event.id),
                ));
            }
            if let Some(other) = seen.insert(event.id.clone(), path.clone()) {
                return Err(invalid(
                    path,
                    format!(
                        "event id {:?} is also used by {}",
                        event.id,
                        other.display()
                    ),
                ));
            }
            events.push(FixtureEvent {
                doc,
                event,
                withdrawn,
            });
        }
        let entities = merge_entities(listed, &events);
        Ok(FixtureSet {
            categories,
            methodology,
            entities,
            events,
            fingerprint: fp.hex(),
        })
    }
}

/// `entities.json` first, then those only named inside events; a field missing
/// in one is taken from the next that has it. `event_count` is computed, not stored.
fn merge_entities(listed: Vec<Entity>, events: &[FixtureEvent]) -> Vec<Entity> {
    let mut by_id: BTreeMap<String, Entity> = BTreeMap::new();
    let all = listed
        .into_iter()
        .chain(events.iter().flat_map(|e| e.event.entities.iter().cloned()));
    for mut entity in all {
        entity.event_count = None;
        match by_id.get_mut(&entity.id) {
            Some(known) => {
                if known.description.is_none() {
                    known.description = entity.description;
                }
                if known.wikidata_id.is_none() {
                    known.wikidata_id = entity.wikidata_id;
                }
            }
            None => {
                by_id.insert(entity.id.clone(), entity);
            }
        }
    }
    by_id.into_values().collect()
}

/// Installs `set` unless the database already holds this very set. Submissions
/// are kept. Returns whether anything was loaded.
pub fn install(conn: &mut Connection, set: &FixtureSet) -> rusqlite::Result<bool> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let current: Option<String> = tx
        .query_row("SELECT value FROM meta WHERE key = 'fixtures'", [], |r| {
            r.get(0)
        })
        .ok();
    if current.as_deref() == Some(set.fingerprint.as_str()) {
        return Ok(false);
    }
    tx.execute_batch(
        "DELETE FROM events; DELETE FROM event_countries; DELETE FROM event_entities;
         DELETE FROM source_urls; DELETE FROM entities; DELETE FROM categories;
         DELETE FROM events_fts;",
    )?;
    for (position, category) in set.categories.iter().enumerate() {
        let id = category
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default();
        tx.execute(
            "INSERT INTO categories (position, id, doc) VALUES (?1, ?2, ?3)",
            params![position as i64, id, category.to_string()],
        )?;
    }
    tx.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('methodology', ?1)",
        [set.methodology.to_string()],
    )?;
    for entity in &set.entities {
        let doc = serde_json::to_string(entity)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.into()))?;
        tx.execute(
            "INSERT INTO entities (id, doc) VALUES (?1, ?2)",
            params![entity.id, doc],
        )?;
    }
    for fixture in &set.events {
        insert_event(&tx, fixture)?;
    }
    tx.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('fixtures', ?1)",
        [&set.fingerprint],
    )?;
    tx.commit()?;
    Ok(true)
}

fn insert_event(tx: &rusqlite::Transaction<'_>, fixture: &FixtureEvent) -> rusqlite::Result<()> {
    let e = &fixture.event;
    let summary: serde_json::Map<String, Value> = fixture
        .doc
        .as_object()
        .map(|o| {
            o.iter()
                .filter(|(k, _)| SUMMARY_FIELDS.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .unwrap_or_default();
    let (occurred_key, updated_key) = sort_keys(e);
    let withdrawn_reason = fixture
        .withdrawn
        .as_ref()
        .map(|w| w.reason.clone().unwrap_or_default());
    let withdrawn_at = fixture.withdrawn.as_ref().and_then(|w| w.at.clone());
    tx.execute(
        "INSERT INTO events (id, doc, summary_doc, category, confidence, occurred_key, updated_key,
                             withdrawn_reason, withdrawn_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            e.id,
            fixture.doc.to_string(),
            Value::Object(summary).to_string(),
            e.category.id,
            e.confidence.level.as_str(),
            occurred_key,
            updated_key,
            withdrawn_reason,
            withdrawn_at,
        ],
    )?;
    for place in &e.location.places {
        if let Some(cc) = place.country_code.as_deref().and_then(non_blank) {
            tx.execute(
                "INSERT OR IGNORE INTO event_countries (event_id, country) VALUES (?1, ?2)",
                params![e.id, cc.to_ascii_uppercase()],
            )?;
        }
    }
    for entity in &e.entities {
        tx.execute(
            "INSERT OR IGNORE INTO event_entities (event_id, entity_id) VALUES (?1, ?2)",
            params![e.id, entity.id],
        )?;
    }
    for source in &e.sources {
        let urls = [source.url.as_deref(), source.homepage.as_deref()];
        for normalised in urls
            .into_iter()
            .flatten()
            .filter_map(eventdesk_model::url::normalise)
        {
            tx.execute(
                "INSERT OR IGNORE INTO source_urls (event_id, normalised_url, source_id) VALUES (?1, ?2, ?3)",
                params![e.id, normalised, source.id],
            )?;
        }
    }
    if fixture.withdrawn.is_none() {
        let places: Vec<&str> = std::iter::once(e.location.label.as_str())
            .chain(e.location.places.iter().map(|p| p.name.as_str()))
            .collect();
        let entities: Vec<&str> = e.entities.iter().map(|x| x.name.as_str()).collect();
        let claims: Vec<&str> = e
            .reports
            .iter()
            .flat_map(|r| std::iter::once(r.claim.as_str()).chain(r.quote.as_deref()))
            .collect();
        tx.execute(
            "INSERT INTO events_fts (id, title, summary, places, entities, claims)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                e.id,
                e.title.as_deref().unwrap_or_default(),
                e.summary.summary,
                places.join("\n"),
                entities.join("\n"),
                claims.join("\n"),
            ],
        )?;
    }
    Ok(())
}
