//! `/submissions/:id`: where a reader's suggested source stands. The status
//! (pending review, accepted, rejected with the editor's reason, or a status
//! this build does not know, shown plainly), when it was received and
//! decided, the article's address (linked only when it is a safe http(s) URL)
//! and the way back to the event. That an editor reviews it is said once,
//! by the status.

use eventdesk_model::paths::ID_PARAM;
use eventdesk_model::text::non_blank;
use eventdesk_model::{SubmissionReceipt, SubmissionStatus};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::{self, submissions::get_submission};
use crate::components::error_view::{error_description, error_heading, ErrorView};
use crate::components::external_link::ExternalLink;
use crate::components::time::Moment;
use crate::document::{page_title, set_title_and_description};

const HEADING: &str = "Your submission";
const DESCRIPTION: &str = "Where the source you suggested stands.";

#[component]
pub fn SubmissionPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get(ID_PARAM).unwrap_or_default());
    let receipt = LocalResource::new(move || {
        let id = id.get();
        async move { get_submission(&id).await }
    });

    Effect::new(move |_| match &*receipt.read() {
        None => set_title_and_description(&page_title(HEADING), DESCRIPTION),
        Some(Ok(r)) => set_title_and_description(
            &page_title(&format!("{HEADING}: {}", r.status.label())),
            DESCRIPTION,
        ),
        Some(Err(e)) => set_title_and_description(
            &page_title(&error_heading(e, "submission")),
            &error_description(e, "submission"),
        ),
    });

    let retry = Callback::new(move |_: ()| {
        receipt.set(None);
        receipt.refetch();
    });

    move || match receipt.get() {
        None => view! {
            <div class="page submission-page" aria-busy="true">
                <h1>{HEADING}</h1>
                <p class="lede" role="status">"Loading your submission…"</p>
            </div>
        }
        .into_any(),
        Some(Ok(r)) => view! { <ReceiptView receipt=r/> }.into_any(),
        Some(Err(error)) => {
            view! { <ErrorView error noun="submission" on_retry=retry/> }.into_any()
        }
    }
}

/// What the status means, in a sentence.
fn status_sentence(status: &SubmissionStatus) -> &'static str {
    match status {
        SubmissionStatus::Pending => "An editor will review it before it is added to the event.",
        SubmissionStatus::Accepted => "An editor reviewed it and added it to the event's sources.",
        SubmissionStatus::Rejected => "An editor reviewed it and did not add it to the event.",
        SubmissionStatus::Other(_) => "This is the status the editors gave it.",
    }
}

fn status_class(status: &SubmissionStatus) -> &'static str {
    match status {
        SubmissionStatus::Pending => "badge submission-status submission-status--pending",
        SubmissionStatus::Accepted => "badge submission-status submission-status--accepted",
        SubmissionStatus::Rejected => "badge submission-status submission-status--rejected",
        SubmissionStatus::Other(_) => "badge submission-status submission-status--other",
    }
}

fn status_icon(status: &SubmissionStatus) -> &'static str {
    match status {
        SubmissionStatus::Pending => "◷",
        SubmissionStatus::Accepted => "✓",
        SubmissionStatus::Rejected => "✕",
        SubmissionStatus::Other(_) => "•",
    }
}

#[component]
fn ReceiptView(receipt: SubmissionReceipt) -> impl IntoView {
    let SubmissionReceipt {
        id,
        event_id,
        url,
        status,
        received_at,
        decided_at,
        reason,
    } = receipt;
    let event_path = eventdesk_model::paths::event_path(&event_id);
    // The event's headline makes the way back say where it goes; the page
    // does not wait for it.
    let event = LocalResource::new({
        let event_id = event_id.clone();
        move || {
            let event_id = event_id.clone();
            async move { api::get_event(&event_id).await.ok() }
        }
    });
    let event_name = move || {
        event.get().flatten().map(|e| {
            let title = e.title.clone().filter(|t| !t.trim().is_empty());
            title.unwrap_or_else(|| e.summary.summary.clone())
        })
    };
    let rejected = status == SubmissionStatus::Rejected;
    let reason = reason.and_then(|v| non_blank(&v).map(str::to_owned));

    view! {
        <article class="page submission-page" aria-labelledby="submission-heading">
            <h1 id="submission-heading">{HEADING}</h1>
            <p class="lede">{DESCRIPTION}</p>
            <p class="submission-page__status">
                <span class=status_class(&status)>
                    <span class="badge__icon" aria-hidden="true">{status_icon(&status)}</span>
                    {status.label()}
                </span>
                " "
                <span>{status_sentence(&status)}</span>
            </p>
            {match (rejected, reason) {
                (_, Some(reason)) => Some(Either::Left(view! {
                    <p class="submission-page__reason">
                        <strong>"The editor's reason: "</strong>{reason}
                    </p>
                })),
                (true, None) => Some(Either::Right(view! {
                    <p class="submission-page__reason">"The editor gave no reason."</p>
                })),
                _ => None,
            }}
            <dl class="submission-page__facts">
                <div>
                    <dt>"Submission"</dt>
                    <dd><code>{id}</code></dd>
                </div>
                <div>
                    <dt>"Article"</dt>
                    <dd class="submission-page__url">
                        {match url.and_then(|v| non_blank(&v).map(str::to_owned)) {
                            Some(u) => Either::Left(view! {
                                <ExternalLink href=Some(u.clone())>{u.clone()}</ExternalLink>
                            }),
                            None => Either::Right(view! { <span>"Not given"</span> }),
                        }}
                    </dd>
                </div>
                <div>
                    <dt>"Received"</dt>
                    <dd><Moment at=received_at/></dd>
                </div>
                <div>
                    <dt>"Decided"</dt>
                    <dd>
                        {match decided_at {
                            Some(at) => Either::Left(view! { <Moment at/> }),
                            None => Either::Right(view! { <span>"Not yet"</span> }),
                        }}
                    </dd>
                </div>
            </dl>
            <p class="submission-page__back">
                <a href=event_path>
                    "← Back to the event"
                    {move || event_name().map(|name| view! { ": " <span>{name}</span> })}
                </a>
            </p>
        </article>
    }
}
