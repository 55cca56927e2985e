//! Turns a reader's search text into an FTS5 query that cannot be a syntax error:
//! every word becomes a quoted prefix phrase, all of which must match. A word
//! with other common spellings (Kiev and Kyiv, Odessa and Odesa, Zelenskyy and
//! Zelensky) matches any of them; accents and case are folded by the index's
//! tokenizer (`unicode61 remove_diacritics 2`, `db/schema.rs`).

/// Names written more than one way in English-language news (mostly
/// transliterations), each group one name. A word of the search that is one
/// of them, whole, also finds the others; a word that is only the start of one
/// ("Kie") is a prefix as any other.
const SPELLINGS: &[&[&str]] = &[
    &["kyiv", "kiev", "київ", "киев"],
    &["kharkiv", "kharkov", "харків", "харьков"],
    &["odesa", "odessa", "одеса", "одесса"],
    &["lviv", "lvov", "lwow", "львів", "львов"],
    &["mykolaiv", "nikolaev", "nikolayev"],
    &["zaporizhzhia", "zaporizhia", "zaporozhye", "zaporizhzhya"],
    &["luhansk", "lugansk"],
    &["chernihiv", "chernigov"],
    &["dnipro", "dnepr"],
    &["donbas", "donbass"],
    &[
        "zelensky",
        "zelenskyy",
        "zelenskiy",
        "zelenskyi",
        "zelenskii",
    ],
    &["navalny", "navalnyy", "navalnyi"],
    &["gaddafi", "qaddafi", "kadhafi", "gadhafi"],
    &["qaeda", "qaida"],
    &["tehran", "teheran"],
    &["belarus", "byelorussia"],
];

/// At most this many spellings of one word go into the query.
const SPELLINGS_PER_WORD: usize = 8;

/// `None` when the text has no word to search for. Control characters part
/// words as spaces do: FTS5 reads a NUL inside a quoted phrase as its end.
pub fn match_expression(q: &str) -> Option<String> {
    let terms: Vec<String> = q
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .take(32)
        .map(word_term)
        .collect();
    if terms.is_empty() {
        None
    } else {
        // Explicitly: FTS5 does not AND a bracketed group implicitly.
        Some(terms.join(" AND "))
    }
}

/// `"word"*`, or `("kiev"* OR "kyiv"*)` for a word with other spellings.
fn word_term(word: &str) -> String {
    let quoted = |w: &str| format!("\"{}\"*", w.replace('"', "\"\""));
    let spellings = spellings(word);
    if spellings.len() == 1 {
        return quoted(word);
    }
    let alternatives: Vec<String> = spellings.iter().map(|w| quoted(w)).collect();
    format!("({})", alternatives.join(" OR "))
}

/// The word as typed first, then the word with its parts (the runs of
/// letters and digits, as the index splits words: "al-Qaida" is "al" and
/// "Qaida") in their other spellings.
fn spellings(word: &str) -> Vec<String> {
    let mut all = vec![String::new()];
    for (segment, is_part) in segments(word) {
        let group = is_part.then(|| group_of(segment)).flatten();
        let options: Vec<&str> = std::iter::once(segment)
            .chain(
                group
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|other| *other != segment.to_lowercase()),
            )
            .collect();
        all = all
            .iter()
            .flat_map(|start| options.iter().map(move |o| format!("{start}{o}")))
            .take(SPELLINGS_PER_WORD)
            .collect();
    }
    all
}

/// The word cut into runs of letters and digits (`true`) and what lies
/// between them (`false`), in order.
fn segments(word: &str) -> Vec<(&str, bool)> {
    let mut out: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut current: Option<bool> = None;
    for (i, c) in word.char_indices() {
        let is_part = c.is_alphanumeric();
        if current.is_some_and(|p| p != is_part) {
            out.push((&word[start..i], !is_part));
            start = i;
        }
        current = Some(is_part);
    }
    if let Some(is_part) = current {
        out.push((&word[start..], is_part));
    }
    out
}

/// The spellings `part` is one of, compared without case.
fn group_of(part: &str) -> Option<&'static [&'static str]> {
    let folded = part.to_lowercase();
    SPELLINGS
        .iter()
        .copied()
        .find(|group| group.contains(&folded.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_become_quoted_prefixes() {
        assert_eq!(
            match_expression("Paris  summit").as_deref(),
            Some("\"Paris\"* AND \"summit\"*")
        );
        assert_eq!(
            match_expression("say \"hi\"").as_deref(),
            Some("\"say\"* AND \"\"\"hi\"\"\"*")
        );
        assert_eq!(match_expression("  -- * () ").as_deref(), None);
        assert_eq!(match_expression("").as_deref(), None);
        assert_eq!(
            match_expression("a\u{0}b\u{1f}c").as_deref(),
            Some("\"a\"* AND \"b\"* AND \"c\"*")
        );
    }

    #[test]
    fn a_word_with_other_spellings_matches_any_of_them() {
        assert_eq!(
            match_expression("Kiev summit").as_deref(),
            Some("(\"Kiev\"* OR \"kyiv\"* OR \"київ\"* OR \"киев\"*) AND \"summit\"*")
        );
        assert_eq!(
            match_expression("al-Qaida").as_deref(),
            Some("(\"al-Qaida\"* OR \"al-qaeda\"*)")
        );
        // Only a whole word: the start of one is a prefix as any other.
        assert_eq!(match_expression("Kie").as_deref(), Some("\"Kie\"*"));
        assert_eq!(match_expression("Kievan").as_deref(), Some("\"Kievan\"*"));
        for word in ["KHARKOV", "Odessa", "Zelenskyy", "Lvov"] {
            let expr = match_expression(word).unwrap();
            assert!(expr.starts_with(&format!("(\"{word}\"* OR ")), "{expr}");
        }
        // A word of many parts stays a handful of spellings.
        let many = match_expression("kiev-kiev-kiev-kiev").unwrap();
        assert_eq!(many.matches(" OR ").count(), SPELLINGS_PER_WORD - 1);
    }

    #[test]
    fn spellings_find_each_other_in_the_index() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE VIRTUAL TABLE t USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
             INSERT INTO t (body) VALUES ('Strikes on Kyiv and Kharkiv; Zelensky in Odesa');
             INSERT INTO t (body) VALUES ('Volodymyr Zelenskyy visits Lviv');
             INSERT INTO t (body) VALUES ('A statement by al-Qaeda');",
        )
        .unwrap();
        let count = |q: &str| -> i64 {
            conn.query_row(
                "SELECT count(*) FROM t WHERE t MATCH ?1",
                [match_expression(q).unwrap()],
                |r| r.get(0),
            )
            .unwrap()
        };
        assert_eq!(count("Kiev"), 1);
        assert_eq!(count("kiev kharkov odessa"), 1);
        assert_eq!(count("Zelensky"), 2);
        assert_eq!(count("Zelenskyy"), 2);
        assert_eq!(count("ZELENSKÝ"), 2);
        assert_eq!(count("Zelenskiy Lvov"), 1);
        assert_eq!(count("al-Qaida"), 1);
        assert_eq!(count("Киев"), 1);
        assert_eq!(count("Kiev Lviv"), 0);
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
