//! What each source reports: the tone disclaimer, then the claims grouped
//! by source (a report whose source is not listed goes under "Unknown
//! source"), each with its tone badge, its quote and its link.

use eventdesk_model::tone::TONE_DISCLAIMER;
use eventdesk_model::{Methodology, Report, Source};
use eventdesk_page_logic::event::reports::group_reports;
use leptos::prelude::*;

use super::external_link::ExternalLink;
use super::tone_badge::ToneBadge;

#[component]
pub fn ReportsSection(
    sources: Vec<Source>,
    reports: Vec<Report>,
    methodology: Signal<Option<Methodology>>,
) -> impl IntoView {
    let groups: Vec<(Option<Source>, String, Vec<Report>)> = group_reports(&sources, &reports)
        .into_iter()
        .map(|g| {
            (
                g.source.cloned(),
                g.heading(),
                g.reports.into_iter().cloned().collect(),
            )
        })
        .collect();
    let empty = groups.is_empty();
    view! {
        <section class="section reports" aria-labelledby="reports-heading">
            <h2 id="reports-heading">"Source reports"</h2>
            <p class="section__intro">"What each source reports. " {TONE_DISCLAIMER}</p>
            {empty.then(|| view! { <p class="muted">"No source reports yet."</p> })}
            {groups
                .into_iter()
                .enumerate()
                .map(|(gi, (source, heading, reports))| view! {
                    <ReportGroup index=gi source heading reports methodology/>
                })
                .collect_view()}
        </section>
    }
}

#[component]
fn ReportGroup(
    index: usize,
    source: Option<Source>,
    heading: String,
    reports: Vec<Report>,
    methodology: Signal<Option<Methodology>>,
) -> impl IntoView {
    let heading_id = format!("report-group-{index}");
    let count = match reports.len() {
        1 => "1 report".to_owned(),
        n => format!("{n} reports"),
    };
    let known = source.is_some();
    let republished = source.as_ref().is_some_and(|s| !s.independent);
    let href = source.as_ref().and_then(|s| s.link()).map(str::to_owned);
    let outlet = heading.clone();
    let labelled_by = heading_id.clone();
    view! {
        <section class="report-group" aria-labelledby=labelled_by>
            <h3 id=heading_id class="report-group__heading">
                <ExternalLink href=href>{heading}</ExternalLink>
                " "
                <span class="report-group__count">{count}</span>
                {republished.then(|| view! { " " <span class="badge badge--neutral">"Republished"</span> })}
            </h3>
            {(!known).then(|| view! {
                <p class="muted">"These reports name a source this event does not list."</p>
            })}
            <ul class="report-list">
                {reports
                    .into_iter()
                    .enumerate()
                    .map(|(ri, report)| {
                        let tip_id = format!("tone-tip-{index}-{ri}");
                        view! { <ReportItem report tip_id outlet=outlet.clone() methodology/> }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn ReportItem(
    report: Report,
    tip_id: String,
    outlet: String,
    methodology: Signal<Option<Methodology>>,
) -> impl IntoView {
    let quote = report.quote_text().map(str::to_owned);
    let link = report.link().map(str::to_owned);
    view! {
        <li class="report">
            <p class="report__claim">{report.claim}</p>
            {quote.map(|q| view! { <blockquote class="report__quote">{q}</blockquote> })}
            <p class="report__meta">
                <span class="visually-hidden">{outlet} " → "</span>
                <ToneBadge tone=report.tone tip_id methodology/>
                {link.map(|href| view! {
                    " "
                    <a class="report__link" href=href rel="external noopener noreferrer">
                        "Read the report"
                    </a>
                })}
            </p>
        </li>
    }
}
