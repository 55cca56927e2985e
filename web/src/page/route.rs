//! Which page of the app an address is, as far as the server needs to know:
//! the pages that get their own head, first paint or first data.

use eventdesk_model::ids::valid_id;
use percent_encoding::percent_decode_str;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    /// The feed, with the raw query of its filters.
    Home {
        query: Option<String>,
    },
    Methodology,
    Event(String),
    Entity(String),
    /// Any other page of the app (a submission's receipt, an unknown address):
    /// the app as built, with its own generic head.
    Other,
}

impl Page {
    pub fn from_path(path: &str, query: Option<&str>) -> Page {
        match path {
            "/" | "/index.html" => {
                return Page::Home {
                    query: query.map(str::to_owned),
                }
            }
            "/methodology" => return Page::Methodology,
            _ => {}
        }
        if let Some(id) = path.strip_prefix("/events/").and_then(decoded_id) {
            return Page::Event(id);
        }
        if let Some(id) = path.strip_prefix("/entities/").and_then(decoded_id) {
            return Page::Entity(id);
        }
        Page::Other
    }
}

/// The id in one path segment, percent-decoded, when the contract allows it.
pub fn decoded_id(segment: &str) -> Option<String> {
    let id = percent_decode_str(segment).decode_utf8().ok()?;
    valid_id(&id).then(|| id.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_from_paths() {
        assert_eq!(
            Page::from_path("/", Some("q=x")),
            Page::Home {
                query: Some("q=x".into())
            }
        );
        assert_eq!(Page::from_path("/methodology", None), Page::Methodology);
        assert_eq!(
            Page::from_path("/events/paris-1", None),
            Page::Event("paris-1".into())
        );
        assert_eq!(
            Page::from_path("/events/paris%2D1", None),
            Page::Event("paris-1".into())
        );
        assert_eq!(
            Page::from_path("/entities/emmanuel-macron", None),
            Page::Entity("emmanuel-macron".into())
        );
        for other in [
            "/events/a%2Fb",
            "/events/",
            "/events/a/b",
            "/events/%ff",
            "/submissions/x",
            "/nowhere",
        ] {
            assert_eq!(Page::from_path(other, None), Page::Other, "{other}");
        }
    }
}
