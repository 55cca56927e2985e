//! Preloaded data: the app's page for `/events/{id}` carries that event's
//! JSON, and the feed's page (`/`, with or without filters) its first page of
//! cards, so the app renders without a second round trip.
//!
//! The data sits in a JSON data block before `</body>`:
//!
//! ```html
//! <script type="application/json" id="eventdesk-preload"
//!   data-api="/events/paris-…" data-page="/events/paris-…">{…}</script>
//! ```
//!
//! `data-api` is the API path (after the API base) whose answer it is, exactly
//! as the client asks for it; `data-page` is the page it was sent with. The
//! client (`src/api/preload.rs`) uses it once, only for that request on that
//! page, and otherwise asks the API as usual. A data block is never executed,
//! so the page's script policy (`csp`) needs nothing for it. Every `<` in the
//! JSON is written `\u003c`, so the text can never close the element.
//! Anything that is not a plain successful answer (withdrawn, missing, bad
//! query) embeds nothing: the app asks and shows the API's own answer.
//! The page also gets its first paint (see `first_paint`).
//! `--no-preload` (`EVENTDESK_NO_PRELOAD`) turns both off.

use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;
use eventdesk_model::feed::{events_query, FeedFilters, PAGE_SIZE};
use eventdesk_model::Event;

use crate::first_paint;
use crate::routes::{events_page_json, valid_id};
use crate::share::Page;
use crate::store::events::{self as event_store, Found};
use crate::AppState;

/// The element's id, which the client looks for.
pub const ELEMENT_ID: &str = "eventdesk-preload";

/// What to embed for a page: the API path (after the base) and where its answer comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Preload {
    Event(String),
    /// The feed's first page, with the API query the client builds (`?limit=20`).
    Feed(String),
}

impl Preload {
    /// The data a page at `path` (and `query`) starts with, if any.
    pub fn for_page(path: &str, query: Option<&str>) -> Option<Preload> {
        match Page::from_path(path)? {
            Page::Event(id) if valid_id(&id) => Some(Preload::Event(id)),
            Page::Home => {
                let pairs = form_urlencoded::parse(query.unwrap_or("").as_bytes());
                let filters = FeedFilters::from_pairs(pairs);
                Some(Preload::Feed(events_query(&filters, None, None, PAGE_SIZE)))
            }
            _ => None,
        }
    }

    /// The API path, as the client writes it.
    pub fn api_path(&self) -> String {
        match self {
            Preload::Event(id) => format!("/events/{id}"),
            Preload::Feed(query) => format!("/events{query}"),
        }
    }

    /// The JSON the API would answer, when it would answer 200.
    async fn json(&self, state: &AppState) -> Option<String> {
        match self {
            Preload::Event(id) => {
                let id = id.clone();
                match state
                    .db
                    .read_async(move |conn| event_store::get(conn, &id))
                    .await
                {
                    Ok(Found::Event(doc)) => Some(doc),
                    _ => None,
                }
            }
            Preload::Feed(query) => {
                let raw = query.strip_prefix('?').map(str::to_owned);
                events_page_json(state, raw.as_deref()).await.ok()
            }
        }
    }
}

/// The data block for `json`, the answer to `api_path`, sent with the page at `page`.
pub fn element(api_path: &str, page: &str, json: &str) -> String {
    format!(
        "<script type=\"application/json\" id=\"{ELEMENT_ID}\" data-api=\"{}\" data-page=\"{}\">{}</script>",
        attribute(api_path),
        attribute(page),
        json.replace('<', "\\u003c"),
    )
}

fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `html` with `block` just before `</body>` (or at the end).
pub fn insert(html: &str, block: &str) -> String {
    let at = html
        .to_ascii_lowercase()
        .rfind("</body")
        .unwrap_or(html.len());
    let mut out = String::with_capacity(html.len() + block.len());
    out.push_str(&html[..at]);
    out.push_str(block);
    out.push_str(&html[at..]);
    out
}

/// Middleware over the app's HTML: embeds the page's data. Anything else, and
/// any failure, passes through unchanged.
pub async fn embed(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let preload = (*req.method() == Method::GET && !state.config.no_preload)
        .then(|| Preload::for_page(req.uri().path(), req.uri().query()))
        .flatten();
    let page = req
        .uri()
        .path_and_query()
        .map(|pq| pq.as_str().to_owned())
        .unwrap_or_default();
    let res = next.run(req).await;
    let Some(preload) = preload else { return res };
    if !crate::static_files::is_rewritable_page(&res) {
        return res;
    }
    let Some(json) = preload.json(&state).await else {
        return res;
    };
    let block = element(&preload.api_path(), &page, &json);
    let first_paint = match preload {
        Preload::Event(_) => serde_json::from_str::<Event>(&json)
            .ok()
            .map(|event| first_paint::event_page(&event)),
        Preload::Feed(_) => Some(first_paint::feed_page()),
    };
    crate::static_files::rewrite_page(res, |html| {
        let html = insert(html, &block);
        match &first_paint {
            Some(markup) => first_paint::insert(&html, markup),
            None => html,
        }
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn which_pages_carry_data() {
        assert_eq!(
            Preload::for_page("/events/paris-1", None),
            Some(Preload::Event("paris-1".into()))
        );
        assert_eq!(
            Preload::for_page("/", None).map(|p| p.api_path()),
            Some("/events?limit=20".into())
        );
        assert_eq!(
            Preload::for_page("/", Some("category=legal&q=paris%20accord&utm=x"))
                .map(|p| p.api_path()),
            Some("/events?category=legal&q=paris%20accord&limit=20".into())
        );
        for none in [
            "/methodology",
            "/entities/x",
            "/events/a%2Fb",
            "/submissions/x",
        ] {
            assert_eq!(Preload::for_page(none, None), None, "{none}");
        }
    }

    #[test]
    fn the_block_cannot_be_closed_by_its_data() {
        let block = element(
            "/events?category=a&limit=20",
            "/?category=a\"",
            r#"{"summary":"</script><script>alert(1)</script><!--"}"#,
        );
        assert_eq!(block.matches("</script").count(), 1);
        assert!(block.ends_with("</script>"));
        let opening = block.find('>').unwrap() + 1;
        assert!(!block[opening..block.len() - 9].contains('<'));
        assert!(block.contains(r#"data-api="/events?category=a&amp;limit=20""#));
        assert!(block.contains(r#"data-page="/?category=a&quot;""#));
        let json = &block[block.find('>').unwrap() + 1..block.len() - 9];
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(value["summary"], "</script><script>alert(1)</script><!--");
    }

    #[test]
    fn the_block_goes_before_the_body_ends() {
        assert_eq!(
            insert("<html><body><p>x</p></BODY></html>", "<b>"),
            "<html><body><p>x</p><b></BODY></html>"
        );
        assert_eq!(insert("<p>x</p>", "<b>"), "<p>x</p><b>");
    }
}
