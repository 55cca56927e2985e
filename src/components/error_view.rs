//! What a reader sees when a page has nothing to show: nothing at this link
//! (404, or an address that is none of the app's pages), withdrawn with the
//! editors' reason (410), or a clear message with a Retry button for
//! everything that trying again may fix. One design for all of them
//! ([`Notice`]); the words of a page that is not there are page-logic's
//! (`missing`), which the server's head for it says too.

use eventdesk_page_logic::missing::{Absence, UNKNOWN_HEADING, UNKNOWN_LEDE, WAY_ON};
use leptos::prelude::*;

use crate::api::ApiError;

/// The words of an error, for a page about one `noun` ("event").
pub fn error_heading(error: &ApiError, noun: &str) -> String {
    match error.status().and_then(Absence::from_status) {
        Some(absence) => absence.heading(noun),
        None => format!("This {noun} could not be loaded"),
    }
}

/// The meta description of a page showing `error`.
pub fn error_description(error: &ApiError, noun: &str) -> String {
    match error.status().and_then(Absence::from_status) {
        Some(absence) => absence.description(noun, error.detail()),
        None => error.to_string(),
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
    let absence = error.status().and_then(Absence::from_status);
    let lede = match absence {
        Some(absence) => absence.lede(noun),
        None => error.to_string(),
    };
    let reason = (absence == Some(Absence::Withdrawn))
        .then(|| error.detail().map(str::to_owned))
        .flatten();
    if absence.is_some() {
        keep_out_of_search();
    }
    let retry = error.is_retryable().then_some(on_retry);
    view! { <Notice heading lede reason retry/> }
}

/// An address that is none of the app's pages.
#[component]
pub fn UnknownPageNotice() -> impl IntoView {
    keep_out_of_search();
    view! {
        <Notice heading=UNKNOWN_HEADING.to_owned() lede=UNKNOWN_LEDE.to_owned() reason=None retry=None/>
    }
}

/// The one design: the heading, what it means, the editors' reason when
/// they gave one, and the way on: Retry when trying again may help, and the
/// feed (a button when it is the only way on).
#[component]
fn Notice(
    heading: String,
    lede: String,
    reason: Option<String>,
    retry: Option<Callback<()>>,
) -> impl IntoView {
    let way_on_class = retry.is_none().then_some("button");
    view! {
        <div class="page notice-page" role="alert">
            <h1>{heading}</h1>
            <p class="lede">{lede}</p>
            {reason.map(|r| view! {
                <p class="notice-page__reason"><strong>"Reason: "</strong>{r}</p>
            })}
            <p class="notice-page__actions">
                {retry.map(|retry| view! {
                    <button type="button" class="button" on:click=move |_| retry.run(())>
                        "Retry"
                    </button>
                })}
                <a class=way_on_class href="/">{WAY_ON}</a>
            </p>
        </div>
    }
}

/// While a page that is not there is shown, tells search engines that run
/// the app not to index it, as the head the server sends for it does
/// (`web/src/page/head.rs`); the tag goes when the page does.
fn keep_out_of_search() {
    const SELECTOR: &str = r#"meta[name="robots"]"#;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let existing = document.query_selector(SELECTOR).ok().flatten();
    let meta = existing.or_else(|| {
        let meta = document.create_element("meta").ok()?;
        let _ = meta.set_attribute("name", "robots");
        let head = document.query_selector("head").ok().flatten()?;
        head.append_child(&meta).ok()?;
        Some(meta)
    });
    if let Some(meta) = meta {
        let _ = meta.set_attribute("content", "noindex");
    }
    on_cleanup(move || {
        let document = web_sys::window().and_then(|w| w.document());
        while let Some(meta) = document
            .as_ref()
            .and_then(|d| d.query_selector(SELECTOR).ok().flatten())
        {
            meta.remove();
        }
    });
}
