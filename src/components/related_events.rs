//! "Related events": the story this event belongs to, as compact cards in
//! the order things happened, this event marked. The related events are
//! read in parallel once the section is drawn (it is inside `Later`, after
//! the first paint); room is kept for them meanwhile. The rules are
//! `eventdesk_page_logic::event::related`.

use eventdesk_model::EventSummary;
use eventdesk_page_logic::event::related::{
    related_to_load, story, RelatedOutcome, Story, StoryItem,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::category_badge::CategoryBadge;
use super::confidence::ConfidenceBadge;
use super::time::DayText;
use crate::api::{self, ApiError};

#[component]
pub fn RelatedEvents(event: EventSummary, related_ids: Vec<String>) -> impl IntoView {
    let load = related_to_load(&event.id, &related_ids);
    let count = load.ids.len();
    if count == 0 {
        return None;
    }
    // One slot a related id, filled as its answer comes.
    let slots: Vec<RwSignal<Option<RelatedOutcome>>> =
        (0..count).map(|_| RwSignal::new(None)).collect();
    for (id, slot) in load.ids.into_iter().zip(slots.iter().copied()) {
        spawn_local(async move {
            let outcome = outcome(api::get_event(&id).await);
            slot.try_set(Some(outcome));
        });
    }
    let not_loaded = load.not_loaded;
    let shown = Memo::new(move |_| {
        let outcomes: Option<Vec<RelatedOutcome>> = slots.iter().map(|s| s.get()).collect();
        outcomes.map(|outcomes| story(&event, outcomes, not_loaded))
    });
    // Room for the cards while they load: this one and each related one.
    let reserve = format!("--related-cards: {}", count + 1);
    Some(move || match shown.get() {
        None => view! {
            <div class="related-reserve" style=reserve.clone() aria-hidden="true"></div>
        }
        .into_any(),
        Some(None) => ().into_any(),
        Some(Some(story)) => view! { <RelatedSection story/> }.into_any(),
    })
}

fn outcome(answer: Result<eventdesk_model::Event, ApiError>) -> RelatedOutcome {
    match answer {
        Ok(event) => RelatedOutcome::Found(Box::new(event.summary)),
        Err(error) if error.status() == Some(410) => RelatedOutcome::Withdrawn {
            reason: error.detail().map(str::to_owned),
        },
        Err(_) => RelatedOutcome::Failed,
    }
}

#[component]
fn RelatedSection(story: Story) -> impl IntoView {
    view! {
        <section class="section related" aria-labelledby="related-heading">
            <h2 id="related-heading">"Related events"</h2>
            <ol class="related-list">
                {story.items.into_iter().map(|item| view! { <RelatedCard item/> }).collect_view()}
            </ol>
            {story.more_line.map(|line| view! { <p class="related-more">{line}</p> })}
        </section>
    }
}

#[component]
fn RelatedCard(item: StoryItem) -> impl IntoView {
    match item {
        StoryItem::Withdrawn { reason } => view! {
            <li class="related-card related-card--withdrawn">
                <p class="related-card__headline">"Withdrawn by the editors"</p>
                {reason.map(|r| view! { <p class="related-card__reason">{r}</p> })}
            </li>
        }
        .into_any(),
        StoryItem::This(e) => card(e, true).into_any(),
        StoryItem::Related(e) => card(e, false).into_any(),
    }
}

fn card(event: EventSummary, this: bool) -> impl IntoView {
    let headline = event.headline().to_owned();
    let title = if this {
        view! {
            <span class="related-card__this">"This event"</span>
            " "
            <span class="related-card__title">{headline}</span>
        }
        .into_any()
    } else {
        view! { <a href=event.path()>{headline}</a> }.into_any()
    };
    view! {
        <li
            class=if this { "related-card related-card--this" } else { "related-card" }
            aria-current=this.then_some("page")
        >
            <p class="related-card__meta">
                <CategoryBadge category=event.category.clone()/>
                {event.occurred_on.clone().map(|day| view! {
                    <span class="related-card__date"><DayText day/></span>
                })}
            </p>
            <h3 class="related-card__headline">{title}</h3>
            <p class="related-card__confidence">
                <ConfidenceBadge level=event.confidence.level.clone()/>
            </p>
        </li>
    }
}
