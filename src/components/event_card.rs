//! One event in a list: category, date, headline (clamped), summary, place
//! and confidence with its first sources. The headline is the card's only
//! link and it covers the whole card, so the card is one click target and
//! one tab stop with a short accessible name, and nothing interactive nests.
//! Beside the place, a small locator map when the event has coordinates.
//! Beside the date, what changed since: "Updated 30 May 2026", "Corrected
//! 3 December 2024" (the rules are `eventdesk_page_logic::feed::updates`).

mod locator;

use eventdesk_model::confidence::sources_count;
use eventdesk_model::EventSummary;
use eventdesk_page_logic::feed::updates::{card_mark, CardMark};
use eventdesk_page_logic::feed::words::source_names_line;
use leptos::either::Either;
use leptos::prelude::*;

use super::category_badge::CategoryBadge;
use super::confidence::ConfidenceBadge;
use super::time::DayText;
use locator::locator_view;

/// Source names a card lists before "and N more".
const NAMES_SHOWN: usize = 3;

#[component]
pub fn EventCard(
    event: std::sync::Arc<EventSummary>,
    /// The heading level of the headline: 2 on the feed, 3 under a section heading.
    #[prop(default = 2)]
    heading: u8,
    /// The correction a list found in the event's history, once read: the
    /// card says it instead of what its summary says.
    #[prop(optional, into)]
    correction: Option<Signal<Option<CardMark>>>,
) -> impl IntoView {
    let mark = {
        let event = event.clone();
        move || card_mark(&event, correction.and_then(|c| c.get()))
    };
    let href = event.path();
    let headline = event.headline().to_owned();
    let summary = event.card_summary().map(str::to_owned);
    let place = event.location.label.trim().to_owned();
    let locator = locator_view(&event);
    // The map says it better than the pin.
    let pin = locator.is_none();
    let confidence = &event.confidence;
    let count = sources_count(confidence.independent_sources);
    let names = source_names_line(&event.source_names, NAMES_SHOWN);
    let link = view! { <a class="event-card__link" href=href>{headline}</a> };
    let title = if heading <= 2 {
        Either::Left(view! { <h2 class="event-card__headline">{link}</h2> })
    } else {
        Either::Right(view! { <h3 class="event-card__headline">{link}</h3> })
    };
    view! {
        <article class="event-card">
            <p class="event-card__meta">
                <CategoryBadge category=event.category.clone()/>
                {event.occurred_on.clone().map(|day| view! {
                    <span class="event-card__date"><DayText day/></span>
                })}
                {move || mark().map(|m| view! {
                    <span class=format!("event-card__mark event-card__mark--{}", m.token())>
                        <span class="event-card__mark-word">{m.word()}</span>
                        " "
                        <DayText day=m.day.clone()/>
                    </span>
                })}
            </p>
            {title}
            {summary.map(|s| view! { <p class="event-card__summary">{s}</p> })}
            {(locator.is_some() || !place.is_empty()).then(|| view! {
                <div class="event-card__where">
                    {locator}
                    {(!place.is_empty()).then(|| view! {
                        <p class="event-card__place">
                            {pin.then(|| view! {
                                <span class="event-card__place-icon" aria-hidden="true">"📍"</span>
                            })}
                            <span class="visually-hidden">"Location: "</span>
                            {place}
                        </p>
                    })}
                </div>
            })}
            <p class="event-card__confidence">
                <ConfidenceBadge level=confidence.level.clone()/>
                " "
                <span class="event-card__count">{count}</span>
                {names.map(|n| view! { <span class="event-card__sources">": " {n}</span> })}
            </p>
        </article>
    }
}

/// A card's shape while the list loads: the same boxes, so nothing moves
/// when the events arrive.
#[component]
pub fn EventCardSkeleton() -> impl IntoView {
    view! {
        <div class="event-card event-card--skeleton" aria-hidden="true">
            <p class="event-card__meta">
                <span class="skeleton__block event-card__skel-badge"></span>
            </p>
            <span class="skeleton__block event-card__skel-title"></span>
            <span class="skeleton__block event-card__skel-title event-card__skel-title--short"></span>
            <span class="skeleton__block event-card__skel-line"></span>
            <span class="skeleton__block event-card__skel-line event-card__skel-line--short"></span>
            <span class="skeleton__block event-card__skel-where"></span>
            <span class="skeleton__block event-card__skel-conf"></span>
        </div>
    }
}
