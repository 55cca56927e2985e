//! Turns a reader's search text into an FTS5 query that cannot be a syntax error:
//! every word becomes a quoted prefix phrase, all of which must match.

/// `None` when the text has no word to search for. Control characters part
/// words as spaces do: FTS5 reads a NUL inside a quoted phrase as its end.
pub fn match_expression(q: &str) -> Option<String> {
    let terms: Vec<String> = q
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .take(32)
        .map(|word| format!("\"{}\"*", word.replace('"', "\"\"")))
        .collect();
    if terms.is_empty() {
        None
    } else {
        Some(terms.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_become_quoted_prefixes() {
        assert_eq!(
            match_expression("Paris  summit").as_deref(),
            Some("\"Paris\"* \"summit\"*")
        );
        assert_eq!(
            match_expression("say \"hi\"").as_deref(),
            Some("\"say\"* \"\"\"hi\"\"\"*")
        );
        assert_eq!(match_expression("  -- * () ").as_deref(), None);
        assert_eq!(match_expression("").as_deref(), None);
        assert_eq!(
            match_expression("a\u{0}b\u{1f}c").as_deref(),
            Some("\"a\"* \"b\"* \"c\"*")
        );
    }

    #[test]
    fn no_search_text_is_an_fts_error() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE VIRTUAL TABLE t USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
             INSERT INTO t (body) VALUES ('Coalition of the Willing meets in Paris at 10:30');",
        )
        .unwrap();
        let hostile = [
            "\"",
            "a\"b",
            "*",
            "paris*",
            "AND",
            "OR",
            "NOT",
            "NEAR(a b)",
            "body:paris",
            "(paris",
            "paris)",
            "'; DROP TABLE t; --",
            "\u{0}",
            "a\u{0}b",
            "\u{0}a",
            "\u{0}\u{a6}.|0J.\u{e6}\u{8f}\u{c3}\u{84b9b}",
            "x\u{7f}y\u{9c}",
            "\u{301}",
            "e\u{301}",
            "\u{2167}",
            "🤝",
            "👩‍👩‍👧",
            "\u{202e}abc",
            "العربية",
            "^",
            "-x",
            "+x",
            "{a b}",
            "a:b:c",
            "10:30",
            "_",
            "x_y",
            "\u{200b}",
            "ª",
            "½",
        ];
        for q in hostile {
            if let Some(expr) = match_expression(q) {
                let r: rusqlite::Result<i64> =
                    conn.query_row("SELECT count(*) FROM t WHERE t MATCH ?1", [&expr], |r| {
                        r.get(0)
                    });
                assert!(r.is_ok(), "{q:?} -> {expr:?}: {r:?}");
            }
        }
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM t WHERE t MATCH ?1",
                [match_expression("PARÍS coal").unwrap()],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1);
    }
}
