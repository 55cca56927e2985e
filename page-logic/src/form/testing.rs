//! What the form's tests share: a source and a fixed "now".

use chrono::{DateTime, Utc};
use eventdesk_model::Source;

/// A trusted, independent source named "Name of {id}".
pub fn source(id: &str, url: Option<&str>, homepage: Option<&str>) -> Source {
    Source {
        id: id.into(),
        name: format!("Name of {id}"),
        url: url.map(Into::into),
        homepage: homepage.map(Into::into),
        country_code: None,
        kind: None,
        trusted: true,
        independent: true,
        published_at: None,
    }
}

/// 2026-06-02 09:12:44 UTC.
pub fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-06-02T09:12:44Z")
        .unwrap()
        .with_timezone(&Utc)
}
