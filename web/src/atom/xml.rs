//! Untrusted text into Atom's XML. Markup is escaped as for HTML (by
//! `crate::escape`, the one escaper), and the characters XML 1.0 does not
//! allow at all (controls but tab and line breaks, U+FFFE, U+FFFF) are
//! dropped first: one of them would make the whole feed unreadable.

use crate::escape;

/// True for a character an XML 1.0 document may hold.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `text` without the characters XML 1.0 forbids.
pub fn clean(text: &str) -> String {
    text.chars().filter(|&c| allowed(c)).collect()
}

/// `text` for an element's text or an attribute's value.
pub fn text(text: &str) -> String {
    escape::html(&clean(text))
}

/// One element with escaped text: `<name>text</name>`.
pub fn element(name: &str, value: &str) -> String {
    format!("<{name}>{}</{name}>", text(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_stays_text() {
        assert_eq!(
            element("title", "<script>alert('x')</script> & \"q\""),
            "<title>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</title>"
        );
    }

    #[test]
    fn forbidden_characters_are_dropped() {
        assert_eq!(
            clean("a\u{0}b\u{1b}c\u{7}\td\ne\r\u{FFFE}\u{FFFF}\u{FFFD}"),
            "abc\td\ne\r\u{FFFD}"
        );
        // Right-to-left text and marks are text like any other.
        assert_eq!(clean("\u{202E}مرحبا"), "\u{202E}مرحبا");
        assert_eq!(clean("🙂"), "🙂");
    }
}
