//! The reports of an event, grouped by the source that made them.

use eventdesk_model::text::non_blank;
use eventdesk_model::{Report, Source};

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
            Some(s) if non_blank(&s.name).is_some() => s.name.trim().to_owned(),
            Some(s) => eventdesk_model::labels::humanise(&s.id),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::paris;
    use eventdesk_model::Tone;

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
}
