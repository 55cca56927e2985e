//! `/events/:id`: the page readers land on from a shared link.
//!
//! Loads the event (from the page's embedded data when the server sent it),
//! and the methodology in parallel (it only refines the explainer and the
//! tone meanings, so the page never waits for it).

use eventdesk_model::paths::ID_PARAM;
use eventdesk_model::{Event, Methodology};
use eventdesk_page_logic::document::{event_description, event_title};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::{self, ApiError};
use crate::components::{
    category_badge::CategoryBadge,
    confidence::ConfidenceSection,
    correction_notice::CorrectionNotice,
    deferred::Later,
    entity_chips::EntityChips,
    error_view::{error_description, error_heading, ErrorView},
    extraction::ExtractionSection,
    history::HistorySection,
    location::LocationSection,
    related_events::RelatedEvents,
    reports::ReportsSection,
    share::ShareSection,
    skeleton::EventSkeleton,
    submit_intro::SubmitIntro,
    time::DayText,
};
use crate::document::{drop_first_paint, follow_fragment, page_title, set_title_and_description};

#[component]
pub fn EventPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get(ID_PARAM).unwrap_or_default());
    let event = LocalResource::new(move || {
        let id = id.get();
        async move { api::get_event(&id).await }
    });
    let methodology_resource = LocalResource::new(api::get_methodology);
    let methodology = Signal::derive(move || methodology_resource.get().and_then(Result::ok));

    Effect::new(move |_| match &*event.read() {
        None => set_title_and_description(&page_title("Loading event"), ""),
        Some(Ok(e)) => {
            drop_first_paint();
            set_title_and_description(&event_title(e), &event_description(e));
        }
        Some(Err(err)) => {
            drop_first_paint();
            set_title_and_description(
                &page_title(&error_heading(err, "event")),
                &error_description(err, "event"),
            )
        }
    });

    // A link to a part of the page (`#extraction-heading`) lands there once
    // the event is drawn; `Later` draws every section at once in that case.
    follow_fragment(move || event.read().as_ref().is_some_and(Result::is_ok));

    let retry = Callback::new(move |_: ()| {
        // Back to the skeleton, so the reader sees the new attempt.
        event.set(None);
        event.refetch();
        if methodology_resource
            .read_untracked()
            .as_ref()
            .is_some_and(Result::is_err)
        {
            methodology_resource.refetch();
        }
    });

    move || match event.get() {
        None => view! { <EventSkeleton/> }.into_any(),
        Some(Ok(e)) => view! { <EventArticle event=e methodology/> }.into_any(),
        Some(Err(error)) => view! { <EventError error on_retry=retry/> }.into_any(),
    }
}

#[component]
fn EventError(error: ApiError, on_retry: Callback<()>) -> impl IntoView {
    view! { <ErrorView error noun="event" on_retry/> }
}

#[component]
fn EventArticle(event: Event, methodology: Signal<Option<Methodology>>) -> impl IntoView {
    // The same headline as the server's first paint (`web/src/page/first_paint.rs`).
    let has_title = event.has_title();
    let headline = event.headline().to_owned();
    let Event {
        summary: s,
        sources,
        reports,
        entities,
        history,
        extraction,
        related_ids,
    } = event;
    let this = s.clone();
    view! {
        <article class="event" aria-labelledby="event-headline">
            <header class="event-header">
                <p class="event-category"><CategoryBadge category=s.category.clone()/></p>
                <h1 id="event-headline" class="event-header__headline">{headline.clone()}</h1>
                {has_title.then(|| view! { <p class="event-header__summary">{s.summary.clone()}</p> })}
                {s.occurred_on.clone().map(|day| view! {
                    <p class="event-header__date">"Occurred on " <DayText day/></p>
                })}
                <CorrectionNotice history=history.clone()/>
            </header>
            <LocationSection location=s.location.clone()/>
            <ConfidenceSection
                confidence=s.confidence.clone()
                sources=sources.clone()
                source_names=s.source_names.clone()
                methodology
            />
            <EntityChips entities/>
            <ReportsSection sources=sources.clone() reports methodology/>
            // The story this event is part of, right after its own reports.
            <Later><RelatedEvents event=this.clone() related_ids=related_ids.clone()/></Later>
            <Later><ShareSection title=headline.clone()/></Later>
            <Later><crate::components::follow::FollowEvent/></Later>
            <Later>
                <SubmitIntro confidence=s.confidence.clone() event_id=s.id.clone() sources=sources.clone()/>
            </Later>
            <Later><HistorySection history=history.clone()/></Later>
            <Later>
                {extraction.clone().map(|extraction| view! { <ExtractionSection extraction/> })}
            </Later>
        </article>
    }
}
