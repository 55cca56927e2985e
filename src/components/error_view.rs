//! What a reader sees when a page's data does not come: nothing at this
//! link (404), withdrawn with the editors' reason (410), or a clear message
//! with a Retry button for everything that trying again may fix.

use leptos::prelude::*;

use crate::api::ApiError;

/// The words of an error, for a page about one `noun` ("event").
pub fn error_heading(error: &ApiError, noun: &str) -> String {
    match error.status() {
        Some(404) => format!("No {noun} at this link"),
        Some(410) => format!("This {noun} was withdrawn"),
        _ => format!("This {noun} could not be loaded"),
    }
}

#[component]
pub fn ErrorView(
    error: ApiError,
    /// "event", "entity" …
    noun: &'static str,
    /// Re-runs the request.
    on_retry: Callback<()>,
) -> impl IntoView {
    let heading = error_heading(&error, noun);
    let body = match error.status() {
        Some(404) => format!(
            "There is no {noun} at this address. The link may be mistyped, or the {noun} may have moved."
        ),
        Some(410) => format!("The editors withdrew this {noun}."),
        _ => error.to_string(),
    };
    let reason = (error.status() == Some(410))
        .then(|| error.detail().map(str::to_owned))
        .flatten();
    let retryable = error.is_retryable();
    view! {
        <div class="notice-page" role="alert">
            <h1>{heading}</h1>
            <p class="lede">{body}</p>
            {reason.map(|r| view! {
                <p class="notice-page__reason"><strong>"Reason: "</strong>{r}</p>
            })}
            <p class="notice-page__actions">
                {retryable.then(|| view! {
                    <button type="button" class="button" on:click=move |_| on_retry.run(())>
                        "Retry"
                    </button>
                    " "
                })}
                <a href="/">"See the latest events"</a>
            </p>
        </div>
    }
}
