//! The app's built page with what the server adds for one address, in one
//! pass of a streaming HTML rewriter (`lol_html`): the page's own head tags
//! in place of the build's title, description and preview tags; the first
//! paint right after `<body>`; the first data just before `</body>`.
//! The added markup is made by callers from escaped text (`crate::escape`).

use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};

/// What goes into a page. `None` leaves that part as built.
#[derive(Debug, Default, Clone, Copy)]
pub struct Additions<'a> {
    /// Head tags; the build's own title, description, robots, canonical,
    /// Open Graph, Twitter and JSON-LD tags are removed for them.
    pub head: Option<&'a str>,
    /// Markup for the start of `<body>`.
    pub body_start: Option<&'a str>,
    /// Markup for the end of `<body>`.
    pub body_end: Option<&'a str>,
}

/// The build's tags that a page's own head says again.
const REPLACED_BY_HEAD: &str = concat!(
    "head > title, ",
    "head > meta[name=\"description\" i], head > meta[name=\"robots\" i], ",
    "head > meta[property^=\"og:\" i], head > meta[name^=\"twitter:\" i], ",
    "head > meta[property^=\"article:\" i], ",
    "head > link[rel=\"canonical\" i], ",
    "head > script[type=\"application/ld+json\" i]",
);

/// `html` with `additions`. A page the rewriter cannot read is an error
/// (the caller sends the page as built).
pub fn apply(
    html: &str,
    additions: Additions<'_>,
) -> Result<String, lol_html::errors::RewritingError> {
    let mut handlers = Vec::new();
    if let Some(head) = additions.head {
        handlers.push(element!(REPLACED_BY_HEAD, |el| {
            el.remove();
            Ok(())
        }));
        handlers.push(element!("head", move |el| {
            el.append(head, ContentType::Html);
            Ok(())
        }));
    }
    if additions.body_start.is_some() || additions.body_end.is_some() {
        handlers.push(element!("body", move |el| {
            if let Some(start) = additions.body_start {
                el.prepend(start, ContentType::Html);
            }
            if let Some(end) = additions.body_end {
                el.append(end, ContentType::Html);
            }
            Ok(())
        }));
    }
    if handlers.is_empty() {
        return Ok(html.to_owned());
    }
    rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: handlers,
            ..RewriteStrSettings::new()
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = "<!doctype html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n  \
<title>Eventdesk</title>\n  <meta name=\"description\" content=\"Old\">\n  \
<meta property=\"og:title\" content=\"Old\">\n  <link rel=\"canonical\" href=\"/x\">\n  \
<link rel=\"stylesheet\" href=\"/style.css\">\n</head>\n<body><noscript>n</noscript></body>\n</html>\n";

    #[test]
    fn the_head_replaces_the_builds_preview_tags() {
        let head = "<title>New</title>\n<meta name=\"description\" content=\"New\">\n";
        let out = apply(
            INDEX,
            Additions {
                head: Some(head),
                ..Additions::default()
            },
        )
        .unwrap();
        assert_eq!(out.matches("<title>").count(), 1);
        assert!(!out.contains("<title>Eventdesk</title>"));
        assert!(!out.contains("content=\"Old\""));
        assert!(!out.contains("href=\"/x\""));
        assert!(out.contains("<link rel=\"stylesheet\" href=\"/style.css\">"));
        assert!(out.contains("<meta charset=\"utf-8\">"));
        assert!(out.contains(&format!("{head}</head>")));
        // Twice gives the same page: nothing piles up.
        let again = apply(
            &out,
            Additions {
                head: Some(head),
                ..Additions::default()
            },
        )
        .unwrap();
        assert_eq!(again.matches("<title>").count(), 1);
    }

    #[test]
    fn body_additions_go_at_its_start_and_end() {
        let out = apply(
            "<html><BODY class=\"x\"><noscript>n</noscript></body></html>",
            Additions {
                body_start: Some("<b>first</b>"),
                body_end: Some("<i>last</i>"),
                ..Additions::default()
            },
        )
        .unwrap();
        assert_eq!(
            out,
            "<html><BODY class=\"x\"><b>first</b><noscript>n</noscript><i>last</i></body></html>"
        );
    }

    #[test]
    fn tags_in_the_body_are_left_alone() {
        let html = "<html><head><title>T</title></head><body><title>in body</title><meta property=\"og:x\" content=\"y\"></body></html>";
        let out = apply(
            html,
            Additions {
                head: Some("<title>N</title>"),
                ..Additions::default()
            },
        )
        .unwrap();
        assert!(out.contains("<title>in body</title>"));
        assert!(out.contains("og:x"));
        assert!(!out.contains("<title>T</title>"));
    }

    #[test]
    fn odd_markup_does_not_panic() {
        for html in ["", "<head", "<body>", "<html><head><title>x", "é<body>é"] {
            let _ = apply(
                html,
                Additions {
                    head: Some("<title>N</title>"),
                    body_start: Some("<b>"),
                    body_end: Some("</b>"),
                },
            );
        }
    }
}
