//! Untrusted text into HTML: the one place it is escaped. Everything the
//! upstream says (headlines, names, URLs) is untrusted, so nothing may close
//! the attribute, element or script it is written into.

use serde_json::Value;

/// Text for an HTML attribute value or element text: `& < > " '`.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON text that is safe inside a `<script>` element (JSON-LD, or the
/// page's data block): `<`, `>` and `&` become `\u003c`, `\u003e`,
/// `\u0026`, so neither `</script` nor `<!--` can appear, and U+2028/U+2029
/// are escaped too. Outside strings JSON has none of these characters, so a
/// JSON parser reads the same value.
pub fn script_json_text(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// [`script_json_text`] of a value.
pub fn script_json(value: &Value) -> String {
    script_json_text(&value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_stays_text() {
        assert_eq!(
            html(r#"<a href="x" onclick='y'>&</a>"#),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
    }

    #[test]
    fn scripts_cannot_be_closed_by_their_json() {
        let hostile = serde_json::json!({"s": "</script><script>alert(1)</script><!-- & \u{2028}"});
        let out = script_json(&hostile);
        assert!(!out.contains('<') && !out.contains('>') && !out.contains('&'));
        assert!(!out.contains('\u{2028}'));
        let back: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back, hostile);
    }
}
