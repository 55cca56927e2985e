//! Events: one by id, and filtered newest-first pages.

use rusqlite::{params_from_iter, Connection, OptionalExtension};

use crate::cursor::Cursor;

/// What `GET /events` filters on; every part present must hold (lists are OR within).
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub categories: Vec<String>,
    pub confidences: Vec<String>,
    pub entity: Option<String>,
    pub country: Option<String>,
    /// An FTS5 expression from [`crate::fts::match_expression`].
    pub text: Option<String>,
    /// True when the search text has no word at all: nothing matches.
    pub matches_nothing: bool,
    pub from: Option<String>,
    pub to: Option<String>,
}

pub struct EventList {
    /// EventSummary documents, as stored.
    pub items: Vec<String>,
    pub next: Option<Cursor>,
    pub total: u64,
}

fn placeholders(n: usize) -> String {
    vec!["?"; n].join(", ")
}

impl EventFilter {
    /// The WHERE clause (over `events e`) and its parameters.
    fn clause(&self) -> (String, Vec<String>) {
        let mut sql = vec!["e.withdrawn_reason IS NULL".to_owned()];
        let mut args = Vec::new();
        if self.matches_nothing {
            sql.push("0".into());
        }
        if !self.categories.is_empty() {
            sql.push(format!(
                "e.category IN ({})",
                placeholders(self.categories.len())
            ));
            args.extend(self.categories.iter().cloned());
        }
        if !self.confidences.is_empty() {
            sql.push(format!(
                "e.confidence IN ({})",
                placeholders(self.confidences.len())
            ));
            args.extend(self.confidences.iter().cloned());
        }
        if let Some(entity) = &self.entity {
            sql.push("EXISTS (SELECT 1 FROM event_entities x WHERE x.entity_id = ? AND x.event_id = e.id)".into());
            args.push(entity.clone());
        }
        if let Some(country) = &self.country {
            sql.push("EXISTS (SELECT 1 FROM event_countries c WHERE c.country = ? AND c.event_id = e.id)".into());
            args.push(country.clone());
        }
        if let Some(text) = &self.text {
            sql.push("e.id IN (SELECT f.id FROM events_fts f WHERE events_fts MATCH ?)".into());
            args.push(text.clone());
        }
        if let Some(from) = &self.from {
            sql.push("e.occurred_key <> '' AND e.occurred_key >= ?".into());
            args.push(from.clone());
        }
        if let Some(to) = &self.to {
            sql.push("e.occurred_key <> '' AND e.occurred_key <= ?".into());
            args.push(to.clone());
        }
        (sql.join(" AND "), args)
    }
}

/// One page of at most `limit` events after `after`, and how many match in all.
pub fn list(
    conn: &Connection,
    filter: &EventFilter,
    after: Option<&Cursor>,
    limit: u32,
) -> rusqlite::Result<EventList> {
    let (clause, args) = filter.clause();
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM events e WHERE {clause}"),
        params_from_iter(args.iter()),
        |r| r.get(0),
    )?;

    let (mut clause, mut args) = (clause, args);
    if let Some(c) = after {
        clause.push_str(
            " AND (e.occurred_key < ? OR (e.occurred_key = ? AND (e.updated_key < ?
                  OR (e.updated_key = ? AND e.id > ?))))",
        );
        for v in [
            &c.occurred_key,
            &c.occurred_key,
            &c.updated_key,
            &c.updated_key,
            &c.id,
        ] {
            args.push(v.clone());
        }
    }
    let sql = format!(
        "SELECT e.summary_doc, e.occurred_key, e.updated_key, e.id FROM events e WHERE {clause}
         ORDER BY e.occurred_key DESC, e.updated_key DESC, e.id ASC LIMIT {}",
        u64::from(limit) + 1
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params_from_iter(args.iter()))?;
    let mut items = Vec::new();
    let mut last = None;
    let mut more = false;
    while let Some(row) = rows.next()? {
        if items.len() == limit as usize {
            more = true;
            break;
        }
        items.push(row.get::<_, String>(0)?);
        last = Some(Cursor {
            occurred_key: row.get(1)?,
            updated_key: row.get(2)?,
            id: row.get(3)?,
        });
    }
    Ok(EventList {
        items,
        next: if more { last } else { None },
        total: total.max(0) as u64,
    })
}

pub enum Found {
    Event(String),
    Withdrawn(String),
    Missing,
}

pub fn get(conn: &Connection, id: &str) -> rusqlite::Result<Found> {
    let row: Option<(String, Option<String>)> = conn
        .query_row(
            "SELECT doc, withdrawn_reason FROM events WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(match row {
        None => Found::Missing,
        Some((_, Some(reason))) => Found::Withdrawn(reason),
        Some((doc, None)) => Found::Event(doc),
    })
}

/// Where an event stands, without reading its document.
pub enum Standing {
    Listed,
    Withdrawn(String),
    Missing,
}

pub fn standing(conn: &Connection, id: &str) -> rusqlite::Result<Standing> {
    let row: Option<Option<String>> = conn
        .query_row(
            "SELECT withdrawn_reason FROM events WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(match row {
        None => Standing::Missing,
        Some(Some(reason)) => Standing::Withdrawn(reason),
        Some(None) => Standing::Listed,
    })
}
