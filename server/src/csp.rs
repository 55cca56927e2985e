//! The Content-Security-Policy of the app's page, made from the page itself:
//! scripts only from this origin plus the exact inline scripts the page carries
//! (Trunk's loader is one), by their SHA-256. No `unsafe-inline` or
//! `unsafe-eval` for scripts; WebAssembly compiles under `wasm-unsafe-eval`.

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha2::{Digest, Sha256};

/// Larger pages pass through with the default policy rather than be buffered.
const PAGE_LIMIT: usize = 4 * 1024 * 1024;

/// Adds the page's policy to every uncompressed HTML answer that has none.
pub async fn page_policy(req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    let headers = res.headers();
    let is_html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if res.status() != StatusCode::OK
        || !is_html
        || headers.contains_key(header::CONTENT_ENCODING)
        || headers.contains_key(header::CONTENT_SECURITY_POLICY)
    {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let bytes = match to_bytes(body, PAGE_LIMIT).await {
        Ok(bytes) => bytes,
        Err(_) => return crate::problem::ApiError::internal().into_response(),
    };
    let policy = policy_for(&String::from_utf8_lossy(&bytes));
    if let Ok(value) = HeaderValue::from_str(&policy) {
        parts.headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The policy for a page with this HTML.
pub fn policy_for(html: &str) -> String {
    let hashes: String = inline_scripts(html)
        .into_iter()
        .map(|script| {
            format!(
                " 'sha256-{}'",
                STANDARD.encode(Sha256::digest(script.as_bytes()))
            )
        })
        .collect();
    let api = api_origin(html)
        .map(|o| format!(" {o}"))
        .unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self' data:; \
         connect-src 'self'{api}; object-src 'none'; base-uri 'none'; form-action 'self'; \
         frame-ancestors 'none'"
    )
}

fn find_ci(haystack: &str, needle: &str, from: usize) -> Option<usize> {
    let hay = haystack.as_bytes();
    let needle = needle.as_bytes();
    (from..hay.len().saturating_sub(needle.len() - 1))
        .find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// The text of each `<script>` without a `src`, exactly as written.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(start) = find_ci(html, "<script", at) {
        let Some(open_end) = html[start..].find('>').map(|i| start + i + 1) else {
            break;
        };
        let Some(close) = find_ci(html, "</script", open_end) else {
            break;
        };
        let tag = html[start..open_end].to_ascii_lowercase();
        let has_src = tag
            .split(|c: char| c.is_whitespace())
            .any(|attr| attr.starts_with("src="));
        if !has_src {
            out.push(&html[open_end..close]);
        }
        at = close + 1;
    }
    out
}

/// The origin of `<meta name="eventdesk-api-base" content="…">` when it is another http(s) origin.
fn api_origin(html: &str) -> Option<String> {
    let at = html.find("name=\"eventdesk-api-base\"")?;
    let tag_start = html[..at].rfind('<')?;
    let tag_end = at + html[at..].find('>')?;
    let tag = &html[tag_start..tag_end];
    let content = tag.split("content=\"").nth(1)?.split('"').next()?;
    let url = eventdesk_model::url::parse_http(content)?;
    let scheme = if url.https { "https" } else { "http" };
    let port = url.port.map(|p| format!(":{p}")).unwrap_or_default();
    let origin = format!("{scheme}://{}{port}", url.host);
    origin
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || ":/.-[]".contains(c))
        .then_some(origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head>
<meta name="eventdesk-api-base" content="/api/v1" />
<link rel="modulepreload" href="/eventdesk-0123456789abcdef.js">
<script type="application/ld+json">{"@type":"NewsArticle"}</script>
</head><body>
<script src="/other.js"></script>
<SCRIPT type="module">import init from '/eventdesk-0123456789abcdef.js';await init();</SCRIPT>
</body></html>"#;

    fn hash(s: &str) -> String {
        format!("'sha256-{}'", STANDARD.encode(Sha256::digest(s.as_bytes())))
    }

    #[test]
    fn inline_scripts_are_allowed_by_hash_and_nothing_else_inline() {
        let policy = policy_for(PAGE);
        assert!(policy.contains(&hash(
            "import init from '/eventdesk-0123456789abcdef.js';await init();"
        )));
        assert!(policy.contains(&hash(r#"{"@type":"NewsArticle"}"#)));
        assert!(!policy.contains("/other.js"));
        let scripts = policy
            .split(';')
            .find(|d| d.trim().starts_with("script-src"))
            .unwrap();
        assert!(!scripts.contains("unsafe-inline") && !scripts.contains("'unsafe-eval'"));
        assert!(scripts.contains("'wasm-unsafe-eval'"));
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(policy.contains("connect-src 'self';"));
    }

    #[test]
    fn another_backend_may_be_read() {
        let page = PAGE.replace(
            "content=\"/api/v1\"",
            "content=\"https://API.example.org:8443/api/v1\"",
        );
        assert!(policy_for(&page).contains("connect-src 'self' https://api.example.org:8443;"));
        let page = PAGE.replace("content=\"/api/v1\"", "content=\"javascript:alert(1)\"");
        assert!(policy_for(&page).contains("connect-src 'self';"));
    }

    #[test]
    fn odd_markup_does_not_panic() {
        for html in [
            "<script",
            "<script>",
            "<script>x",
            "</script><script src=x>",
            "é<script>é</script>",
            "",
        ] {
            let _ = policy_for(html);
        }
    }
}
