//! Categories, entities and the methodology.

use rusqlite::{Connection, OptionalExtension};
use serde_json::Value;

/// Every category document, in display order, as a JSON array.
pub fn categories(conn: &Connection) -> rusqlite::Result<String> {
    let mut stmt = conn.prepare("SELECT doc FROM categories ORDER BY position")?;
    let docs = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(format!("[{}]", docs.join(",")))
}

pub fn methodology(conn: &Connection) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT value FROM meta WHERE key = 'methodology'",
        [],
        |r| r.get(0),
    )
    .optional()
}

/// The entity with `event_count`: how many listed (not withdrawn) events name it.
pub fn entity(conn: &Connection, id: &str) -> rusqlite::Result<Option<Value>> {
    let Some(doc) = conn
        .query_row("SELECT doc FROM entities WHERE id = ?1", [id], |r| {
            r.get::<_, String>(0)
        })
        .optional()?
    else {
        return Ok(None);
    };
    let count: i64 = conn.query_row(
        "SELECT count(*) FROM event_entities x JOIN events e ON e.id = x.event_id
         WHERE x.entity_id = ?1 AND e.withdrawn_reason IS NULL",
        [id],
        |r| r.get(0),
    )?;
    let mut value: Value = serde_json::from_str(&doc).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
    })?;
    if let Some(o) = value.as_object_mut() {
        o.insert("event_count".into(), Value::from(count.max(0)));
    }
    Ok(Some(value))
}
