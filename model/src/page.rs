//! What the event page derives from an event before showing it: reports
//! grouped by their source, history newest first, the link a source's name
//! carries, and the document title and description.

use crate::types::{Event, HistoryEntry, Report, Source};
use crate::url::safe_href;

/// The reports of one source, in the order the API sent them.
#[derive(Debug, PartialEq)]
pub struct ReportGroup<'a> {
    /// `None` when no entry of `sources` has the reports' `source_id`.
    pub source: Option<&'a Source>,
    pub reports: Vec<&'a Report>,
}

impl ReportGroup<'_> {
    /// The heading of the group: the source's name, or "Unknown source".
    pub fn heading(&self) -> String {
        match self.source {
            Some(s) if !s.name.trim().is_empty() => s.name.trim().to_owned(),
            Some(s) => crate::labels::humanise(&s.id),
            None => UNKNOWN_SOURCE.to_owned(),
        }
    }
}

/// The heading of reports whose source the event does not list.
pub const UNKNOWN_SOURCE: &str = "Unknown source";

/// Reports grouped by source: groups follow the order of `sources` (a
/// source without reports has no group), and every report whose source is
/// not listed ends in one last "Unknown source" group. No report is lost.
pub fn group_reports<'a>(sources: &'a [Source], reports: &'a [Report]) -> Vec<ReportGroup<'a>> {
    let mut groups: Vec<ReportGroup<'a>> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for source in sources {
        if seen.contains(&source.id.as_str()) {
            continue;
        }
        seen.push(source.id.as_str());
        let mine: Vec<&Report> = reports
            .iter()
            .filter(|r| r.source_id == source.id)
            .collect();
        if !mine.is_empty() {
            groups.push(ReportGroup {
                source: Some(source),
                reports: mine,
            });
        }
    }
    let orphans: Vec<&Report> = reports
        .iter()
        .filter(|r| !seen.contains(&r.source_id.as_str()))
        .collect();
    if !orphans.is_empty() {
        groups.push(ReportGroup {
            source: None,
            reports: orphans,
        });
    }
    groups
}

/// The history, newest first. Entries whose time does not parse keep their
/// relative order and go last.
pub fn history_newest_first(history: &[HistoryEntry]) -> Vec<&HistoryEntry> {
    let mut entries: Vec<&HistoryEntry> = history.iter().collect();
    // A stable sort keeps the API's order among equal or unparsable times.
    entries.sort_by(|a, b| match (a.at.parse(), b.at.parse()) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    entries
}

impl Source {
    /// Where the source's name links: its article, else its homepage, and
    /// only when that is an `http:`/`https:` URL.
    pub fn link(&self) -> Option<&str> {
        self.url
            .as_deref()
            .and_then(safe_href)
            .or_else(|| self.homepage.as_deref().and_then(safe_href))
    }
}

impl Report {
    /// The report's own article link, when it is safe.
    pub fn link(&self) -> Option<&str> {
        self.url.as_deref().and_then(safe_href)
    }

    /// The quote, when it has words.
    pub fn quote_text(&self) -> Option<&str> {
        self.quote
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty())
    }
}

impl crate::types::Tone {
    /// A strength meter that carries the tone without relying on colour.
    /// Deliberately unlike the confidence icons: tone is not verification.
    pub fn icon(&self) -> &'static str {
        use crate::types::Tone;
        match self {
            Tone::Certain => "▮▮▮",
            Tone::Likely => "▮▮▯",
            Tone::Possible => "▮▯▯",
            Tone::Doubtful => "▯▯▯",
            Tone::Other(_) => "▯?▯",
        }
    }
}

/// Site name appended to every document title.
pub const SITE_NAME: &str = "Eventdesk";

/// Longest meta description, in characters (search engines cut near 160).
pub const DESCRIPTION_MAX: usize = 160;

impl Event {
    /// The headline: the title when there is one, else the summary.
    pub fn headline(&self) -> &str {
        let s = &self.summary;
        s.title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| s.summary.trim())
    }

    /// True when the page shows a title above the summary.
    pub fn has_title(&self) -> bool {
        self.summary
            .title
            .as_deref()
            .is_some_and(|t| !t.trim().is_empty())
    }

    /// "Coalition of the Willing meets Zelensky in Paris … · Eventdesk".
    pub fn document_title(&self) -> String {
        format!("{} · {SITE_NAME}", clip(self.headline(), 90))
    }

    /// The meta description: the summary, cut at a word near 160 characters.
    pub fn description(&self) -> String {
        clip(self.summary.summary.trim(), DESCRIPTION_MAX)
    }
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
    use crate::time::Timestamp;
    use crate::types::{HistoryKind, Tone};

    fn paris() -> Event {
        serde_json::from_str(include_str!(
            "../../api/examples/event-paris-coalition.json"
        ))
        .expect("the contract's example decodes")
    }

    fn report(id: &str, source_id: &str) -> Report {
        Report {
            id: id.into(),
            source_id: source_id.into(),
            claim: format!("claim {id}"),
            tone: Tone::Certain,
            url: None,
            quote: None,
        }
    }

    #[test]
    fn paris_reports_group_like_the_seed_page() {
        let e = paris();
        let groups = group_reports(&e.sources, &e.reports);
        let headings: Vec<String> = groups.iter().map(ReportGroup::heading).collect();
        assert_eq!(headings, ["Kyiv Independent", "Censor.NET"]);
        assert_eq!(groups[0].reports.len(), 1);
        assert_eq!(groups[1].reports.len(), 5);
        assert_eq!(groups[1].reports[0].id, "r2");
    }

    #[test]
    fn reports_of_unlisted_sources_are_kept_last() {
        let e = paris();
        let reports = vec![
            report("a", "ghost"),
            report("b", "isw"),
            report("c", "ghost"),
        ];
        let groups = group_reports(&e.sources, &reports);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].heading(), "Institute for the Study of War");
        assert_eq!(groups[1].heading(), UNKNOWN_SOURCE);
        let ids: Vec<&str> = groups[1].reports.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        assert!(group_reports(&[], &[]).is_empty());
    }

    #[test]
    fn history_is_newest_first_and_keeps_bad_times() {
        let entry = |at: &str, summary: &str| HistoryEntry {
            at: Timestamp(at.into()),
            kind: HistoryKind::Corrected,
            summary: summary.into(),
        };
        let h = [
            entry("2026-05-30T04:15:39Z", "old"),
            entry("someday", "bad"),
            entry("2026-06-01T00:00:00+02:00", "new"),
        ];
        let order: Vec<&str> = history_newest_first(&h)
            .iter()
            .map(|e| e.summary.as_str())
            .collect();
        assert_eq!(order, ["new", "old", "bad"]);
    }

    #[test]
    fn source_links_prefer_the_article_and_refuse_scripts() {
        let e = paris();
        assert_eq!(e.sources[0].link(), Some("https://understandingwar.org/"));
        let mut s = e.sources[0].clone();
        s.url = Some("javascript:alert(1)".into());
        assert_eq!(s.link(), Some("https://understandingwar.org/"));
        s.url = Some("https://example.org/a".into());
        assert_eq!(s.link(), Some("https://example.org/a"));
        s.url = None;
        s.homepage = Some("ftp://example.org".into());
        assert_eq!(s.link(), None);
    }

    #[test]
    fn document_title_and_description() {
        let mut e = paris();
        assert_eq!(
            e.document_title(),
            "Coalition of the Willing meets Zelensky in Paris on security guarantees · Eventdesk"
        );
        assert!(e
            .description()
            .starts_with("The British and French-led Coalition"));
        assert!(e.description().chars().count() <= DESCRIPTION_MAX);
        assert!(e.description().ends_with('…'));
        e.summary.title = Some("  ".into());
        assert!(!e.has_title());
        assert!(e.headline().starts_with("The British"));
    }

    #[test]
    fn tone_icons_differ_from_confidence_icons() {
        use crate::types::ConfidenceLevel;
        let tones = [
            Tone::Certain,
            Tone::Likely,
            Tone::Possible,
            Tone::Doubtful,
            Tone::from("x"),
        ];
        for (i, t) in tones.iter().enumerate() {
            assert!(!t.icon().is_empty());
            assert!(tones[i + 1..].iter().all(|u| u.icon() != t.icon()));
            assert!(ConfidenceLevel::KNOWN.iter().all(|l| l.icon() != t.icon()));
        }
    }

    #[test]
    fn clip_cuts_at_words_and_long_words() {
        assert_eq!(clip("short  text", 20), "short text");
        assert_eq!(clip("aaaa bbbb cccc dddd", 12), "aaaa bbbb…");
        assert_eq!(clip(&"x".repeat(50), 10), format!("{}…", "x".repeat(9)));
    }
}
