//! "Updates": what changed on the event, newest first. No history: no section.

use eventdesk_model::HistoryEntry;
use eventdesk_page_logic::event::history::history_newest_first;
use leptos::prelude::*;

use super::time::Moment;

#[component]
pub fn HistorySection(history: Vec<HistoryEntry>) -> impl IntoView {
    let entries: Vec<HistoryEntry> = history_newest_first(&history)
        .into_iter()
        .cloned()
        .collect();
    (!entries.is_empty()).then(|| {
        view! {
            <section class="section history" aria-labelledby="history-heading">
                <h2 id="history-heading">"Updates"</h2>
                <ol class="timeline">
                    {entries.into_iter().map(|e| view! {
                        <li class="timeline__entry">
                            <p class="timeline__when">
                                <span class="badge badge--neutral">{e.kind.label()}</span>
                                " "
                                <Moment at=e.at/>
                            </p>
                            <p class="timeline__summary">{e.summary}</p>
                        </li>
                    }).collect_view()}
                </ol>
            </section>
        }
    })
}
