//! The schema, versioned with `PRAGMA user_version`: each migration moves the
//! database one version up, inside a transaction.

use rusqlite::Connection;

use super::DbError;

/// Every migration, oldest first; `MIGRATIONS[n]` takes version `n` to `n + 1`.
const MIGRATIONS: &[&str] = &[r#"
-- Each event as a document (returned as stored) plus the columns the filters use.
CREATE TABLE events (
    id               TEXT PRIMARY KEY,
    doc              TEXT NOT NULL,
    summary_doc      TEXT NOT NULL,
    category         TEXT NOT NULL,
    confidence       TEXT NOT NULL,
    -- Sort keys: occurred_on as YYYY-MM-DD, updated_at as UTC text; '' when unknown (sorts last).
    occurred_key     TEXT NOT NULL,
    updated_key      TEXT NOT NULL,
    withdrawn_reason TEXT,
    withdrawn_at     TEXT
);
CREATE INDEX events_newest ON events (occurred_key DESC, updated_key DESC, id);
CREATE INDEX events_category ON events (category);
CREATE INDEX events_confidence ON events (confidence);

CREATE TABLE event_countries (
    event_id TEXT NOT NULL,
    country  TEXT NOT NULL,
    PRIMARY KEY (country, event_id)
) WITHOUT ROWID;

CREATE TABLE event_entities (
    event_id  TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    PRIMARY KEY (entity_id, event_id)
) WITHOUT ROWID;

-- The normalised URL and homepage of each event's sources, for duplicate checks.
CREATE TABLE source_urls (
    event_id       TEXT NOT NULL,
    normalised_url TEXT NOT NULL,
    source_id      TEXT NOT NULL,
    PRIMARY KEY (event_id, normalised_url)
) WITHOUT ROWID;

CREATE TABLE entities (
    id  TEXT PRIMARY KEY,
    doc TEXT NOT NULL
);

CREATE TABLE categories (
    position INTEGER PRIMARY KEY,
    id       TEXT NOT NULL,
    doc      TEXT NOT NULL
);

-- Single documents (methodology) and bookkeeping (fixtures fingerprint).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE VIRTUAL TABLE events_fts USING fts5 (
    id UNINDEXED, title, summary, places, entities, claims,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Readers' submissions. Not tied to events by a foreign key: events are
-- reloaded from the fixtures when those change, and submissions must survive it.
CREATE TABLE submissions (
    id             TEXT PRIMARY KEY,
    event_id       TEXT NOT NULL,
    url            TEXT NOT NULL,
    normalised_url TEXT NOT NULL,
    outlet_name    TEXT,
    note           TEXT,
    email          TEXT,
    status         TEXT NOT NULL DEFAULT 'pending',
    received_at    TEXT NOT NULL,
    decided_at     TEXT,
    reason         TEXT
);
-- The same article can be submitted once per event, even by concurrent requests.
CREATE UNIQUE INDEX submissions_once ON submissions (event_id, normalised_url);
"#];

pub const VERSION: i64 = MIGRATIONS.len() as i64;

pub fn migrate(conn: &mut Connection) -> Result<(), DbError> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current > VERSION {
        return Err(DbError::Schema(format!(
            "the database is at schema version {current}, newer than this server's {VERSION}"
        )));
    }
    for (from, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.execute_batch(&format!("PRAGMA user_version = {}", from + 1))?;
        tx.commit()?;
    }
    Ok(())
}
