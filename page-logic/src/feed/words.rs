//! The words of the feed: the results line, the "showing" line and a
//! card's source names.

/// The line above the results: "45 events", "1 event matches these filters",
/// "No event matches these filters".
pub fn results_line(total: u64, filtered: bool) -> String {
    match (total, filtered) {
        (0, true) => "No event matches these filters".to_owned(),
        (0, false) => "No events yet".to_owned(),
        (1, true) => "1 event matches these filters".to_owned(),
        (1, false) => "1 event".to_owned(),
        (n, true) => format!("{n} events match these filters"),
        (n, false) => format!("{n} events"),
    }
}

/// "Showing 20 of 45", or "Showing 20" when the total is unknown.
pub fn shown_line(shown: usize, total: Option<u64>) -> String {
    match total {
        Some(t) => format!("Showing {shown} of {t}"),
        None => format!("Showing {shown}"),
    }
}

/// The first names of a card's sources: "Reuters, AP and BBC", or
/// "Reuters, AP, BBC and 2 more". Blank names are skipped; `None` when no
/// name is left.
pub fn source_names_line(names: &[String], max: usize) -> Option<String> {
    let names: Vec<&str> = names
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .collect();
    let max = max.max(1);
    match names.len() {
        0 => None,
        1 => Some(names[0].to_owned()),
        n if n <= max => Some(format!(
            "{} and {}",
            names[..n - 1].join(", "),
            names[n - 1]
        )),
        n => Some(format!("{} and {} more", names[..max].join(", "), n - max)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_wording() {
        assert_eq!(results_line(45, false), "45 events");
        assert_eq!(results_line(1, false), "1 event");
        assert_eq!(results_line(0, false), "No events yet");
        assert_eq!(results_line(12, true), "12 events match these filters");
        assert_eq!(results_line(1, true), "1 event matches these filters");
        assert_eq!(results_line(0, true), "No event matches these filters");
        assert_eq!(shown_line(20, Some(45)), "Showing 20 of 45");
        assert_eq!(shown_line(3, None), "Showing 3");
    }

    #[test]
    fn source_names_on_cards() {
        let names = |ns: &[&str]| ns.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(source_names_line(&names(&[]), 3), None);
        assert_eq!(source_names_line(&names(&[" ", ""]), 3), None);
        assert_eq!(
            source_names_line(&names(&["Reuters"]), 3).as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            source_names_line(&names(&["Reuters", " AP ", "BBC"]), 3).as_deref(),
            Some("Reuters, AP and BBC")
        );
        assert_eq!(
            source_names_line(&names(&["A", "B", "", "C", "D", "E"]), 3).as_deref(),
            Some("A, B, C and 2 more")
        );
    }
}
