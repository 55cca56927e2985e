//! The live character count under a field, shown only near its limit.

use eventdesk_model::submission::{char_len, Field};

/// From what share of the limit the count shows (the rest of the time it is noise).
const COUNT_FROM_PERCENT: usize = 80;

/// "12 characters left", "1 character too many": shown only near the limit
/// of a field that has one.
pub fn chars_left(field: Field, value: &str) -> Option<String> {
    let max = field.max_len();
    let used = char_len(value.trim());
    if used * 100 < max * COUNT_FROM_PERCENT {
        return None;
    }
    let unit = |n: usize| if n == 1 { "character" } else { "characters" };
    Some(if used <= max {
        let left = max - used;
        format!("{left} {} left", unit(left))
    } else {
        let over = used - max;
        format!("{over} {} too many", unit(over))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use eventdesk_model::submission::{NOTE_MAX, OUTLET_MAX};

    #[test]
    fn the_count_shows_near_the_limit() {
        assert_eq!(chars_left(Field::Note, "short"), None);
        let near = "é".repeat(NOTE_MAX - 12);
        assert_eq!(
            chars_left(Field::Note, &near).as_deref(),
            Some("12 characters left")
        );
        assert_eq!(
            chars_left(Field::OutletName, &"n".repeat(OUTLET_MAX - 1)).as_deref(),
            Some("1 character left")
        );
        assert_eq!(
            chars_left(Field::OutletName, &"n".repeat(OUTLET_MAX)).as_deref(),
            Some("0 characters left")
        );
        assert_eq!(
            chars_left(Field::OutletName, &"n".repeat(OUTLET_MAX + 3)).as_deref(),
            Some("3 characters too many")
        );
        // Counted as the server counts: trimmed.
        assert_eq!(
            chars_left(
                Field::OutletName,
                &format!("  {}  ", "n".repeat(OUTLET_MAX))
            )
            .as_deref(),
            Some("0 characters left")
        );
    }
}
