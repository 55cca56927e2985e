//! The Content-Security-Policy of the app's page, made from the page itself:
//! scripts only from this origin plus the exact inline scripts the page carries
//! (Trunk's loader is one), by their SHA-256. No `unsafe-inline` or
//! `unsafe-eval` for scripts; WebAssembly compiles under `wasm-unsafe-eval`.

use std::cell::RefCell;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use lol_html::{element, text, HtmlRewriter, Settings};
use sha2::{Digest, Sha256};

/// The policy for a page with this HTML.
pub fn policy_for(html: &str) -> String {
    let scripts = read(html);
    let hashes: String = scripts
        .inline
        .iter()
        .map(|script| {
            format!(
                " 'sha256-{}'",
                STANDARD.encode(Sha256::digest(script.as_bytes()))
            )
        })
        .collect();
    let api = scripts
        .api_base
        .as_deref()
        .and_then(api_origin)
        .map(|o| format!(" {o}"))
        .unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self' data:; \
         connect-src 'self'{api}; object-src 'none'; base-uri 'none'; form-action 'self'; \
         frame-ancestors 'none'"
    )
}

/// What the policy is made from.
#[derive(Default)]
struct Scripts {
    /// The text of each `<script>` without a `src`, exactly as written.
    inline: Vec<String>,
    /// Whether the script being read is inline.
    reading_inline: bool,
    /// `<meta name="eventdesk-api-base" content="…">`.
    api_base: Option<String>,
}

/// Reads the page's inline scripts and API base with a streaming parser.
fn read(html: &str) -> Scripts {
    let found = RefCell::new(Scripts::default());
    let mut rewriter = HtmlRewriter::new(
        Settings {
            element_content_handlers: vec![
                element!("script", |el| {
                    let mut f = found.borrow_mut();
                    f.reading_inline = !el.has_attribute("src")
                        && runs_as_script(el.get_attribute("type").as_deref());
                    if f.reading_inline {
                        f.inline.push(String::new());
                    }
                    Ok(())
                }),
                text!("script", |t| {
                    let mut f = found.borrow_mut();
                    if f.reading_inline {
                        if let Some(last) = f.inline.last_mut() {
                            last.push_str(t.as_str());
                        }
                    }
                    Ok(())
                }),
                element!("meta[name=\"eventdesk-api-base\"]", |el| {
                    found.borrow_mut().api_base = el.get_attribute("content");
                    Ok(())
                }),
            ],
            ..Settings::new()
        },
        |_: &[u8]| {},
    );
    let read = rewriter
        .write(html.as_bytes())
        .and_then(|()| rewriter.end());
    if let Err(e) = read {
        tracing::warn!(error = %e, "page unreadable for its script policy");
    }
    found.into_inner()
}

/// Whether a `<script type=…>` runs: no type, a JavaScript type or a
/// module. Data blocks (JSON-LD, the page's first data) never run, so the
/// policy needs no hash for them.
fn runs_as_script(kind: Option<&str>) -> bool {
    let Some(kind) = kind.map(str::trim) else {
        return true;
    };
    let kind = kind.to_ascii_lowercase();
    kind.is_empty()
        || kind == "module"
        || kind == "text/javascript"
        || kind == "application/javascript"
        || kind == "text/ecmascript"
        || kind == "application/ecmascript"
}

/// The origin of the API base when it is another http(s) origin.
fn api_origin(content: &str) -> Option<String> {
    let origin = crate::origin::parse_origin(content)?;
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
        assert!(
            !policy.contains(&hash(r#"{"@type":"NewsArticle"}"#)),
            "a data block never runs: no hash"
        );
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
