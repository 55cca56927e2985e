//! "Know another source?": the invitation, what one more source could do
//! to the rating, the form (`submit_form`), and the review notice.

use eventdesk_model::{Confidence, Source};
use leptos::prelude::*;

use crate::components::submit_form::SubmitForm;

/// The review notice every submission path carries. It lives in the page
/// logic, below both this section and the form's receipt, so neither names
/// the other; re-exported here for the submission page.
use eventdesk_page_logic::form::REVIEW_NOTICE;

#[component]
pub fn SubmitIntro(
    confidence: Confidence,
    /// The event the form suggests sources for, and its sources (for the
    /// "already covered" check).
    event_id: String,
    sources: Vec<Source>,
) -> impl IntoView {
    view! {
        <section class="section submit" aria-labelledby="submit-heading">
            <h2 id="submit-heading">"Know another source?"</h2>
            <p>
                "If you've seen this event covered by another news outlet, submit it for editorial review. Approved sources improve our confidence ratings."
            </p>
            <p class="submit__upgrade">{confidence.upgrade_line()}</p>
            <div id="submit-source" class="submit__form-slot" data-form-slot="">
                <SubmitForm event_id sources/>
            </div>
            <p class="submit__notice">{REVIEW_NOTICE}</p>
        </section>
    }
}
