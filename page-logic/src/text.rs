//! Shortening text. [`clip`] cuts prose at a word, for titles and
//! descriptions. [`truncate`] is for places that can't wrap (a label on a map), without
//! breaking what a reader sees as one character: a letter and its accents,
//! an emoji with its skin tone or joined family, a flag's two letters.
//! Widths are counted in columns: most characters take one, East Asian wide
//! characters and emoji two, accents and joiners none.

use std::borrow::Cow;

/// The mark that ends shortened text.
pub const ELLIPSIS: char = '…';

/// `text` when it fits in `columns`; else its longest start that fits with
/// an ellipsis after it, cut between characters as read, trailing spaces
/// dropped. Fewer than 2 columns still keep the ellipsis alone.
pub fn truncate(text: &str, columns: usize) -> Cow<'_, str> {
    if width(text) <= columns {
        return Cow::Borrowed(text);
    }
    let budget = columns.saturating_sub(1);
    let mut used = 0;
    let mut cut = 0;
    for (start, end) in clusters(text) {
        used += cluster_width(&text[start..end]);
        if used > budget {
            break;
        }
        cut = end;
    }
    let mut out = text[..cut].trim_end().to_owned();
    out.push(ELLIPSIS);
    Cow::Owned(out)
}

/// The columns `text` takes.
pub fn width(text: &str) -> usize {
    clusters(text)
        .into_iter()
        .map(|(start, end)| cluster_width(&text[start..end]))
        .sum()
}

/// One character as read is as wide as its widest part: a joined emoji
/// family is one emoji, a flag one flag.
fn cluster_width(cluster: &str) -> usize {
    cluster.chars().map(char_width).max().unwrap_or(0)
}

fn char_width(c: char) -> usize {
    if extends(c) || is_zero_width(c) {
        0
    } else if is_wide(c) {
        2
    } else {
        1
    }
}

/// Byte ranges of the text's user-perceived characters (an approximation of
/// Unicode's extended grapheme clusters that covers accents, variation
/// selectors, emoji modifiers and ZWJ sequences, and flag pairs).
fn clusters(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut prev: Option<char> = None;
    let mut flag_half = false;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let joins = match prev {
            Some(p) => extends(c) || p == ZWJ || (is_flag_letter(c) && flag_half),
            None => false,
        };
        flag_half = is_flag_letter(c) && !(joins && flag_half);
        match out.last_mut() {
            Some(last) if joins => last.1 = end,
            _ => out.push((i, end)),
        }
        prev = Some(c);
    }
    out
}

const ZWJ: char = '\u{200D}';

/// Characters that belong to the one before them.
fn extends(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'     // combining diacritical marks
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'   // Hebrew points
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'   // Arabic vowel marks
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{0900}'..='\u{0903}'   // Devanagari signs
        | '\u{093A}'..='\u{094F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}'..='\u{200D}'   // non-joiner, joiner
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'   // variation selectors
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{1F3FB}'..='\u{1F3FF}' // skin tones
        | '\u{E0020}'..='\u{E007F}' // tag characters (subdivision flags)
        | '\u{E0100}'..='\u{E01EF}'
    )
}

fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{200E}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn is_flag_letter(c: char) -> bool {
    matches!(c, '\u{1F1E6}'..='\u{1F1FF}')
}

fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115F}'     // Hangul Jamo
        | '\u{2E80}'..='\u{A4CF}'   // CJK, Kana, Yi
        | '\u{AC00}'..='\u{D7A3}'   // Hangul syllables
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'   // fullwidth forms
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{1F1E6}'..='\u{1F1FF}'
        | '\u{1F300}'..='\u{1F64F}' // emoji
        | '\u{1F680}'..='\u{1F6FF}'
        | '\u{1F900}'..='\u{1F9FF}'
        | '\u{20000}'..='\u{3FFFD}'
    )
}

/// Cuts `text` to at most `max` characters, at a space when there is one in
/// the last third, ending with "…" when anything was cut.
pub fn clip(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if cut[..i].chars().count() >= max * 2 / 3 => cut[..i].to_owned(),
        _ => cut,
    };
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_left_alone() {
        assert!(matches!(truncate("Paris", 5), Cow::Borrowed("Paris")));
        assert_eq!(truncate("", 0), "");
    }

    #[test]
    fn long_text_ends_in_an_ellipsis_within_its_width() {
        let long = "Supercalifragilistic".repeat(500);
        let t = truncate(&long, 24);
        assert_eq!(t, "SupercalifragilisticSup…");
        assert_eq!(width(&t), 24);
        assert_eq!(
            truncate("Zaporizhzhia Nuclear Power Plant", 22),
            "Zaporizhzhia Nuclear…"
        );
        assert_eq!(truncate("abc", 1), "…");
        assert_eq!(truncate("abc", 0), "…");
    }

    #[test]
    fn a_letter_keeps_its_accents() {
        // "é" as e + U+0301, three times over: never cut between them.
        let t = truncate("Caf\u{65}\u{301}\u{301}\u{301} de la Paix", 5);
        assert_eq!(t, "Caf\u{65}\u{301}\u{301}\u{301}…");
        let zalgo = "Z\u{364}\u{351}\u{313}\u{324}\u{354}algo text";
        assert_eq!(truncate(zalgo, 3), "Z\u{364}\u{351}\u{313}\u{324}\u{354}a…");
    }

    #[test]
    fn emoji_sequences_and_flags_stay_whole() {
        let family = "\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}";
        let text = format!("{family}{family} end");
        // Each family is one character two columns wide.
        assert_eq!(truncate(&text, 4), format!("{family}…"));
        let flags = "\u{1F1FA}\u{1F1E6}\u{1F1EB}\u{1F1F7}\u{1F1EF}\u{1F1F5}";
        assert_eq!(truncate(flags, 5), "\u{1F1FA}\u{1F1E6}\u{1F1EB}\u{1F1F7}…");
        assert_eq!(truncate(flags, 4), "\u{1F1FA}\u{1F1E6}…");
        let toned = "\u{1F9D1}\u{1F3FD}\u{200D}\u{1F692} crew";
        assert_eq!(truncate(toned, 3), "\u{1F9D1}\u{1F3FD}\u{200D}\u{1F692}…");
    }

    #[test]
    fn wide_scripts_count_double_and_cuts_are_on_char_boundaries() {
        assert_eq!(truncate("東京都千代田区", 7), "東京都…");
        // Any cut of any text is valid UTF-8 (slicing would panic otherwise).
        let mixed = "مؤتمر في باريس שלום \u{202E}evil.exe\u{202C} 東京 ✈️ é";
        for n in 0..40 {
            let t = truncate(mixed, n);
            assert!(width(&t) <= n.max(1), "{n}: {t}");
        }
    }

    #[test]
    fn clip_cuts_at_words_and_long_words() {
        assert_eq!(clip("short  text", 20), "short text");
        assert_eq!(clip("aaaa bbbb cccc dddd", 12), "aaaa bbbb…");
        assert_eq!(clip(&"x".repeat(50), 10), format!("{}…", "x".repeat(9)));
    }
}
