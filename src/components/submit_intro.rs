//! "Know another source?": the invitation, what one more source could do
//! to the rating, and the review notice. The form is its own issue.

use eventdesk_model::Confidence;
use leptos::prelude::*;

/// The review notice every submission path carries.
pub const REVIEW_NOTICE: &str = "Submissions are reviewed by an editor before integration.";

#[component]
pub fn SubmitIntro(confidence: Confidence) -> impl IntoView {
    view! {
        <section class="section submit" aria-labelledby="submit-heading">
            <h2 id="submit-heading">"Know another source?"</h2>
            <p>
                "If you've seen this event covered by another news outlet, submit it for editorial review. Approved sources improve our confidence ratings."
            </p>
            <p class="submit__upgrade">{confidence.upgrade_line()}</p>
            // The submission form's place: the form issue renders into it.
            <div id="submit-source" class="submit__form-slot" data-form-slot=""></div>
            <p class="submit__notice">{REVIEW_NOTICE}</p>
        </section>
    }
}
