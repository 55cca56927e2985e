//! `/entities/:id`: a person, organisation, place or group, and the events
//! that name it (`GET /events?entity=ID`), with the feed's cards and paging.

use eventdesk_model::paths::ID_PARAM;
use eventdesk_model::text::non_blank;
use eventdesk_model::Entity;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::{self, ApiError};
use crate::components::error_view::{error_description, error_heading, ErrorView};
use crate::components::event_list::{EventFeed, EventList, ListRequest};
use crate::components::external_link::ExternalLink;
use crate::document::{page_title, set_title_and_description};

#[component]
pub fn EntityPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get(ID_PARAM).unwrap_or_default());
    let entity = LocalResource::new(move || {
        let id = id.get();
        async move { api::get_entity(&id).await }
    });
    // The events load beside the entity, not after it.
    let request = Memo::new(move |_| ListRequest {
        filters: Default::default(),
        entity: Some(id.get()),
    });
    let feed = EventFeed::new(request);

    Effect::new(move |_| match &*entity.read() {
        None => set_title_and_description(&page_title("Loading"), ""),
        Some(Ok(e)) => set_title_and_description(
            &page_title(e.name.trim()),
            &e.description
                .clone()
                .unwrap_or_else(|| format!("The events that name {}.", e.name.trim())),
        ),
        Some(Err(err)) => set_title_and_description(
            &page_title(&error_heading(err, "entity")),
            &error_description(err, "entity"),
        ),
    });
    let retry = Callback::new(move |_: ()| {
        entity.set(None);
        entity.refetch();
        feed.retry();
    });

    move || match entity.get() {
        None => view! { <EntitySkeleton/> }.into_any(),
        Some(Ok(e)) => view! { <EntityView entity=e feed/> }.into_any(),
        Some(Err(error)) => view! { <EntityError error on_retry=retry/> }.into_any(),
    }
}

#[component]
fn EntityError(error: ApiError, on_retry: Callback<()>) -> impl IntoView {
    view! { <ErrorView error noun="entity" on_retry/> }
}

#[component]
fn EntityView(entity: Entity, feed: EventFeed) -> impl IntoView {
    let wikidata = entity.wikidata_url();
    let wikidata_id = entity.wikidata_id.clone().unwrap_or_default();
    let name = entity.name.trim().to_owned();
    let description = entity
        .description
        .as_deref()
        .and_then(non_blank)
        .map(str::to_owned);
    let list_label = format!("Events naming {name}");
    let empty_text = format!("No event names {name} yet.");
    view! {
        <div class="page entity">
            <header class="entity-header">
                <p class="entity-header__kind">
                    <span class="badge badge--neutral">
                        <span class="badge__icon" aria-hidden="true">{entity.kind.icon()}</span>
                        " "
                        {entity.kind.label()}
                    </span>
                </p>
                <h1>{name.clone()}</h1>
                {description.map(|d| view! { <p class="lede">{d}</p> })}
                {wikidata.map(|href| view! {
                    <p class="entity-header__wikidata">
                        <ExternalLink href=Some(href)>"Wikidata: " {wikidata_id}</ExternalLink>
                    </p>
                })}
            </header>
            <section class="entity-events" aria-labelledby="entity-events-heading">
                <h2 id="entity-events-heading">"Events"</h2>
                <EventList
                    feed
                    label=list_label
                    heading=3
                    empty=move || view! { <p class="empty-state__title">{empty_text.clone()}</p> }
                />
            </section>
        </div>
    }
}

#[component]
fn EntitySkeleton() -> impl IntoView {
    view! {
        <div class="page entity skeleton" aria-busy="true">
            <p class="visually-hidden" role="status">"Loading…"</p>
            <div class="entity-header" aria-hidden="true">
                <span class="skeleton__block skeleton__badge"></span>
                <span class="skeleton__block skeleton__title"></span>
                <span class="skeleton__block skeleton__line"></span>
            </div>
        </div>
    }
}
