//! "Updates": what changed on the event, newest first. No history: no section.
//! Each entry has its own anchor (`update_anchors`), which the header's
//! correction line links to.

use eventdesk_model::HistoryEntry;
use eventdesk_page_logic::event::history::{newest_first_order, update_anchors};
use leptos::prelude::*;

use super::time::Moment;

#[component]
pub fn HistorySection(history: Vec<HistoryEntry>) -> impl IntoView {
    let mut anchors = update_anchors(&history);
    let entries: Vec<(String, HistoryEntry)> = newest_first_order(&history)
        .into_iter()
        .map(|i| (std::mem::take(&mut anchors[i]), history[i].clone()))
        .collect();
    (!entries.is_empty()).then(|| {
        view! {
            <section class="section history" aria-labelledby="history-heading">
                <h2 id="history-heading">"Updates"</h2>
                <ol class="timeline">
                    {entries.into_iter().map(|(anchor, e)| view! {
                        <li class="timeline__entry" id=anchor tabindex="-1">
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
