//! The header's correction line: "Corrected on 3 December 2024: what
//! changed", a link to that entry in Updates. The rule and the words are
//! `eventdesk_page_logic::event::correction`; the server's first paint
//! draws the same markup (`web/src/page/first_paint.rs`).

use eventdesk_model::HistoryEntry;
use eventdesk_page_logic::event::correction::correction_notice;
use leptos::prelude::*;

use super::time::DayText;

#[component]
pub fn CorrectionNotice(history: Vec<HistoryEntry>) -> impl IntoView {
    // Nothing at all without a correction (an `Option` would leave a
    // placeholder comment the server's first paint does not have).
    let Some(n) = correction_notice(&history) else {
        return ().into_any();
    };
    let lead = n.lead();
    let tail = n.tail();
    let href = n.href();
    view! {
        <p class="event-header__correction">
            <a class="correction-notice" href=href>
                <span class="correction-notice__lead">{lead}</span>
                {match n.day {
                    Some(day) => view! { " " <DayText day/> }.into_any(),
                    None => ().into_any(),
                }}
                {tail}
            </a>
        </p>
    }
    .into_any()
}
