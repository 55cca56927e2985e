//! Readers' source submissions: stored once per event and article, durably.

use eventdesk_model::{SubmissionReceipt, SubmissionRequest, SubmissionStatus, Timestamp};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

/// A valid, cleaned submission about to be stored.
pub struct NewSubmission {
    pub event_id: String,
    pub request: SubmissionRequest,
    pub normalised_url: String,
    pub received_at: Timestamp,
}

pub enum Stored {
    Receipt(SubmissionReceipt),
    /// The article is one of the event's sources (its id) or was already submitted (that submission's id).
    Duplicate {
        of: String,
        source: bool,
    },
}

/// Stores `sub` under a fresh id from `new_id`, committed before returning.
pub fn insert(
    conn: &mut Connection,
    sub: &NewSubmission,
    mut new_id: impl FnMut() -> String,
) -> rusqlite::Result<Stored> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if let Some(source_id) = tx
        .query_row(
            "SELECT source_id FROM source_urls WHERE event_id = ?1 AND normalised_url = ?2",
            params![sub.event_id, sub.normalised_url],
            |r| r.get::<_, String>(0),
        )
        .optional()?
    {
        return Ok(Stored::Duplicate {
            of: source_id,
            source: true,
        });
    }
    if let Some(earlier) = earlier(&tx, sub)? {
        return Ok(Stored::Duplicate {
            of: earlier,
            source: false,
        });
    }
    let r = &sub.request;
    let mut attempts = 0;
    let id = loop {
        let id = new_id();
        let inserted = tx.execute(
            "INSERT INTO submissions (id, event_id, url, normalised_url, outlet_name, note, email, status, received_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'pending', ?8)",
            params![id, sub.event_id, r.url, sub.normalised_url, r.outlet_name, r.note, r.email, sub.received_at.as_str()],
        );
        match inserted {
            Ok(_) => break id,
            // The unique index on (event, URL) is the last word; an id collision just draws again.
            Err(e) if is_constraint(&e) && attempts < 5 => {
                if let Some(earlier) = earlier(&tx, sub)? {
                    return Ok(Stored::Duplicate {
                        of: earlier,
                        source: false,
                    });
                }
                attempts += 1;
            }
            Err(e) => return Err(e),
        }
    };
    tx.commit()?;
    Ok(Stored::Receipt(SubmissionReceipt {
        id,
        event_id: sub.event_id.clone(),
        url: Some(r.url.clone()),
        status: SubmissionStatus::Pending,
        received_at: sub.received_at.clone(),
        decided_at: None,
        reason: None,
    }))
}

fn earlier(conn: &Connection, sub: &NewSubmission) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT id FROM submissions WHERE event_id = ?1 AND normalised_url = ?2",
        params![sub.event_id, sub.normalised_url],
        |r| r.get(0),
    )
    .optional()
}

fn is_constraint(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation)
}

pub fn get(conn: &Connection, id: &str) -> rusqlite::Result<Option<SubmissionReceipt>> {
    conn.query_row(
        "SELECT id, event_id, url, status, received_at, decided_at, reason FROM submissions WHERE id = ?1",
        [id],
        |r| {
            Ok(SubmissionReceipt {
                id: r.get(0)?,
                event_id: r.get(1)?,
                url: r.get(2)?,
                status: SubmissionStatus::from(r.get::<_, String>(3)?),
                received_at: Timestamp(r.get(4)?),
                decided_at: r.get::<_, Option<String>>(5)?.map(Timestamp),
                reason: r.get(6)?,
            })
        },
    )
    .optional()
}
