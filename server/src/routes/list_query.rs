//! The query string of `GET /events`, checked as the contract says (400 otherwise).

use eventdesk_model::query::{valid_country, valid_day, SEARCH_MAX};

use crate::cursor::Cursor;
use crate::fts::match_expression;
use crate::problem::ApiError;
use crate::store::events::EventFilter;

pub const LIMIT_DEFAULT: u32 = 20;
pub const LIMIT_MAX: u32 = 100;

#[derive(Debug)]
pub struct ListQuery {
    pub filter: EventFilter,
    pub after: Option<Cursor>,
    pub limit: u32,
}

fn date(name: &str, v: &str) -> Result<String, ApiError> {
    // The same rule as the feed's filters in the app.
    if valid_day(v) {
        Ok(v.to_owned())
    } else {
        Err(ApiError::bad_request(format!(
            "`{name}` must be a date like 2025-09-04."
        )))
    }
}

/// Reads the raw query string. An empty (or blank) value counts as absent where
/// the contract's schema allows an empty string (`q`, `entity`, `category`,
/// `confidence`, `cursor`); for `from`, `to`, `country` and `limit` it is no
/// date, country or number, so it is a 400 like any other invalid value.
/// Unknown parameters are ignored.
pub fn parse(raw: Option<&str>) -> Result<ListQuery, ApiError> {
    let mut q = ListQuery {
        filter: EventFilter::default(),
        after: None,
        limit: LIMIT_DEFAULT,
    };
    for (key, value) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
        let value = value.trim();
        if value.is_empty() && !matches!(key.as_ref(), "from" | "to" | "country" | "limit") {
            continue;
        }
        match key.as_ref() {
            "category" => q.filter.categories.push(value.to_owned()),
            "confidence" => q.filter.confidences.push(value.to_owned()),
            "entity" => q.filter.entity = Some(value.to_owned()),
            "country" => {
                if !valid_country(value) {
                    return Err(ApiError::bad_request(
                        "`country` must be two capital letters, like FR.",
                    ));
                }
                q.filter.country = Some(value.to_owned());
            }
            "q" => {
                if value.chars().count() > SEARCH_MAX {
                    return Err(ApiError::bad_request(format!(
                        "`q` can be at most {SEARCH_MAX} characters."
                    )));
                }
                match match_expression(value) {
                    Some(expr) => {
                        q.filter.text = Some(expr);
                        q.filter.matches_nothing = false;
                    }
                    None => q.filter.matches_nothing = true,
                }
            }
            "from" => q.filter.from = Some(date("from", value)?),
            "to" => q.filter.to = Some(date("to", value)?),
            "cursor" => {
                let c = Cursor::decode(value).ok_or_else(|| {
                    ApiError::bad_request(
                        "`cursor` is not one this server gave out; start from the first page.",
                    )
                })?;
                q.after = Some(c);
            }
            "limit" => {
                q.limit = value
                    .parse::<u32>()
                    .ok()
                    .filter(|n| (1..=LIMIT_MAX).contains(n))
                    .ok_or_else(|| {
                        ApiError::bad_request(format!(
                            "`limit` must be a whole number from 1 to {LIMIT_MAX}."
                        ))
                    })?;
            }
            _ => {}
        }
    }
    if let (Some(from), Some(to)) = (&q.filter.from, &q.filter.to) {
        if from > to {
            return Err(ApiError::bad_request("`from` is after `to`."));
        }
    }
    Ok(q)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(raw: &str) -> Option<u16> {
        parse(Some(raw)).err().map(|e| e.problem.status)
    }

    #[test]
    fn good_queries() {
        let q = parse(Some("category=military&category=diplomatic&confidence=likely&country=FR&limit=3&from=2025-01-01&q=paris")).unwrap();
        assert_eq!(q.filter.categories, ["military", "diplomatic"]);
        assert_eq!(q.filter.country.as_deref(), Some("FR"));
        assert_eq!(q.limit, 3);
        assert_eq!(q.filter.text.as_deref(), Some("\"paris\"*"));
        assert_eq!(parse(None).unwrap().limit, LIMIT_DEFAULT);
        let blank = parse(Some("q=&entity=&category=&confidence=&cursor=%20")).unwrap();
        assert_eq!(blank.limit, LIMIT_DEFAULT);
        assert!(blank.after.is_none() && blank.filter.text.is_none());
        assert!(blank.filter.categories.is_empty() && blank.filter.entity.is_none());
    }

    #[test]
    fn bad_queries_are_400() {
        for raw in [
            "country=fr",
            "country=FRA",
            "limit=0",
            "limit=101",
            "limit=ten",
            "limit=-1",
            "from=2025-13-01",
            "to=yesterday",
            "from=2025-9-4",
            "from=2025-02-01&to=2025-01-01",
            "cursor=abc",
            "to=",
            "from=",
            "from=%20",
            "from=2025-01-01&to=",
            "country=",
            "limit=",
            "limit=%20",
        ] {
            assert_eq!(status(raw), Some(400), "{raw}");
        }
        assert_eq!(status(&format!("q={}", "a".repeat(201))), Some(400));
        assert_eq!(status(&format!("q={}", "a".repeat(200))), None);
    }
}
