//! What replaces the form once the backend has the submission: its id, its
//! status, the review notice and the link to follow it. Focus moves to the
//! heading so keyboard and screen-reader users land on it.

use eventdesk_model::paths::submission_path;
use eventdesk_model::SubmissionReceipt;
use eventdesk_page_logic::form::REVIEW_NOTICE;
use leptos::prelude::*;

use crate::components::external_link::ExternalLink;

/// The receipt's heading, which takes focus.
pub const HEADING_ID: &str = "submit-receipt-heading";

#[component]
pub fn SentReceipt(receipt: SubmissionReceipt, on_another: Callback<()>) -> impl IntoView {
    let path = submission_path(&receipt.id);
    view! {
        <div class="submit-receipt" role="status">
            <h3 class="submit-receipt__heading" id=HEADING_ID tabindex="-1">
                <span class="submit-receipt__icon" aria-hidden="true">"✓ "</span>
                "Thank you: your source was received"
            </h3>
            <dl class="submit-receipt__facts">
                <div>
                    <dt>"Submission"</dt>
                    <dd><code class="submit-receipt__id">{receipt.id.clone()}</code></dd>
                </div>
                <div>
                    <dt>"Status"</dt>
                    <dd><span class="badge submit-receipt__status">{receipt.status.label()}</span></dd>
                </div>
                {receipt.url.clone().map(|url| view! {
                    <div>
                        <dt>"Article"</dt>
                        <dd class="submit-receipt__url">
                            <ExternalLink href=Some(url.clone())>{url.clone()}</ExternalLink>
                        </dd>
                    </div>
                })}
            </dl>
            <p>{REVIEW_NOTICE}</p>
            <p class="submit-receipt__actions">
                <a href=path>"Follow your submission"</a>
                " (keep this link to see the editor's decision)"
            </p>
            <p>
                <button type="button" class="link-button" on:click=move |_| on_another.run(())>
                    "Suggest another source"
                </button>
            </p>
        </div>
    }
}

/// What a submission that filled the honeypot sees: thanks, and nothing sent.
#[component]
pub fn QuietThanks() -> impl IntoView {
    view! {
        <div class="submit-receipt" role="status">
            <h3 class="submit-receipt__heading" id=HEADING_ID tabindex="-1">
                "Thank you: your suggestion was received"
            </h3>
            <p>{REVIEW_NOTICE}</p>
        </div>
    }
}
