//! A paged list of event cards, shared by the feed and entity pages.
//!
//! [`EventFeed`] holds the cards and loads them: the first page whenever the
//! request (filters, entity) changes, then more pages by cursor. Cards are
//! keyed by event id, so appending a page adds only the new cards and a new
//! filter keeps every card that still matches: no full re-render, even at
//! 1,000 cards. A response that arrives after a newer request is dropped.
//!
//! [`EventList`] shows it: the count, skeleton cards while the first page
//! loads, the error with Retry, the empty state, and "Load more events",
//! which stays in place (keeping focus and scroll position) while it loads.
//!
//! The pages loaded and the reader's place are kept for the history entry
//! (see `history`): Back and Forward show the same cards at the same spot.
//!
//! Sorted by update (`sort=updated`, which the API cannot do), the list
//! reads the matching events up to a bound, sorts them (the rules are
//! `eventdesk_page_logic::feed::updates`), and "Load more" shows the next
//! cards of that sorted list; when the bound was hit a line says so.
//! Cards whose history holds a correction are marked once their details
//! are read (see `corrections`).

mod corrections;
mod history;

use std::collections::HashSet;
use std::sync::Arc;

use eventdesk_model::EventSummary;
use eventdesk_page_logic::feed::history::Pages;
use eventdesk_page_logic::feed::updates::UpdateRead;
use eventdesk_page_logic::feed::words::{results_line, shown_line};
use eventdesk_page_logic::feed::{events_query, FeedFilters, FeedSort, PAGE_SIZE};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use self::corrections::Corrections;
use self::history::ListHistory;
use super::event_card::{EventCard, EventCardSkeleton};
use crate::api::{self, ApiError};
use crate::document::drop_first_paint;

/// Skeleton cards shown while the first page loads.
const SKELETON_CARDS: usize = 4;

/// What a list asks the API for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListRequest {
    pub filters: FeedFilters,
    /// Only the events that name this entity.
    pub entity: Option<String>,
}

/// Where the first page stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Nothing to show yet.
    Loading,
    /// A new request is on its way; the previous cards stay, marked busy.
    Refreshing,
    Ready,
    Failed(ApiError),
}

/// Where "Load more" stands.
#[derive(Debug, Clone, PartialEq)]
pub enum More {
    Idle,
    Loading,
    Failed(ApiError),
}

/// The cards of one list and how they load.
#[derive(Clone, Copy)]
pub struct EventFeed {
    pub items: RwSignal<Vec<Arc<EventSummary>>>,
    pub total: RwSignal<Option<u64>>,
    pub next: RwSignal<Option<String>>,
    pub phase: RwSignal<Phase>,
    pub more: RwSignal<More>,
    /// Said to screen readers after a page is appended.
    pub announcement: RwSignal<String>,
    /// Sorted here: the bound's line when it was hit.
    pub bound: RwSignal<Option<String>>,
    /// Sorted here: the whole sorted list, of which `items` is the start.
    sorted: StoredValue<Vec<Arc<EventSummary>>>,
    corrections: Corrections,
    request: Memo<ListRequest>,
    generation: StoredValue<u64>,
    history: ListHistory,
}

impl EventFeed {
    /// Starts loading now and again whenever `request` changes.
    pub fn new(request: Memo<ListRequest>) -> Self {
        let feed = EventFeed {
            items: RwSignal::new(Vec::new()),
            total: RwSignal::new(None),
            next: RwSignal::new(None),
            phase: RwSignal::new(Phase::Loading),
            more: RwSignal::new(More::Idle),
            announcement: RwSignal::new(String::new()),
            bound: RwSignal::new(None),
            sorted: StoredValue::new(Vec::new()),
            corrections: Corrections::new(),
            request,
            generation: StoredValue::new(0),
            history: ListHistory::new(),
        };
        Effect::new(move |_| feed.load_first(request.get()));
        feed
    }

    /// A new generation: every answer to an older request is ignored.
    fn bump(self) -> u64 {
        let next = self.generation.try_get_value().unwrap_or(0) + 1;
        self.generation.set_value(next);
        next
    }

    fn is_current(self, generation: u64) -> bool {
        self.generation.try_get_value() == Some(generation)
    }

    fn load_first(self, request: ListRequest) {
        let generation = self.bump();
        self.more.set(More::Idle);
        self.bound.set(None);
        let empty = self.items.with_untracked(Vec::is_empty);
        self.phase.set(if empty {
            Phase::Loading
        } else {
            Phase::Refreshing
        });
        let query = list_key(&request);
        // Back or Forward to pages already loaded: the same cards, the same spot.
        if let Some((pages, place)) = self.history.restore(&query) {
            let items: Vec<Arc<EventSummary>> = pages.items.into_iter().map(Arc::new).collect();
            match pages.sorted {
                Some(sorted) => {
                    self.sorted.set_value(items);
                    self.bound.set(sorted.bound);
                    self.show_sorted(sorted.shown);
                }
                None => {
                    self.items.set(items);
                    self.next.set(pages.next);
                }
            }
            self.total.set(pages.total);
            self.phase.set(Phase::Ready);
            self.corrections.read_for(self.items);
            if let Some(place) = place {
                self.history.return_to(place);
            }
            return;
        }
        if request.filters.sort == FeedSort::Updated {
            spawn_local(self.load_sorted(request, generation));
            return;
        }
        let query = events_query(&request.filters, request.entity.as_deref(), None, PAGE_SIZE);
        spawn_local(async move {
            let result = api::list_events(&query).await;
            if !self.is_current(generation) {
                return;
            }
            match result {
                Ok(page) => {
                    let mut seen = HashSet::new();
                    let items: Vec<Arc<EventSummary>> = page
                        .items
                        .into_iter()
                        .filter(|e| seen.insert(e.id.clone()))
                        .map(Arc::new)
                        .collect();
                    self.items.set(items);
                    self.total.set(page.total);
                    self.next.set(page.next_cursor.filter(|c| !c.is_empty()));
                    self.phase.set(Phase::Ready);
                    self.remember();
                    self.corrections.read_for(self.items);
                }
                Err(error) => self.fail(error),
            }
        });
    }

    /// The first page did not come.
    fn fail(self, error: ApiError) {
        // Cards of other filters would mislead: the error replaces them.
        self.items.set(Vec::new());
        self.sorted.set_value(Vec::new());
        self.total.set(None);
        self.next.set(None);
        self.phase.set(Phase::Failed(error));
        self.history.keep(None);
    }

    /// Sorted by update: reads the matching events up to the bound, sorts
    /// them and shows the first page of them.
    async fn load_sorted(self, request: ListRequest, generation: u64) {
        let mut read = UpdateRead::default();
        let mut total = None;
        while let Some(query) = read.next_query(&request.filters, request.entity.as_deref()) {
            let result = api::list_events(&query).await;
            if !self.is_current(generation) {
                return;
            }
            match result {
                Ok(page) => {
                    total = total.or(page.total);
                    read.add(page);
                }
                Err(error) => return self.fail(error),
            }
        }
        let (events, bound) = read.finish();
        self.sorted
            .set_value(events.into_iter().map(Arc::new).collect());
        self.total.set(total);
        self.bound.set(bound);
        self.show_sorted(PAGE_SIZE as usize);
        self.phase.set(Phase::Ready);
        self.remember();
        self.corrections.read_for(self.items);
    }

    /// Shows the first `shown` cards of the sorted list.
    fn show_sorted(self, shown: usize) {
        let sorted = self.sorted.get_value();
        let shown = shown.min(sorted.len());
        self.items.set(sorted[..shown].to_vec());
        self.next
            .set((shown < sorted.len()).then(|| format!("shown:{shown}")));
    }

    /// Keeps the pages loaded so far for the history entry.
    fn remember(self) {
        let request = self.request.get_untracked();
        let query = list_key(&request);
        let now = js_sys::Date::now();
        let total = self.total.get_untracked();
        let pages = if request.filters.sort == FeedSort::Updated {
            let shown = self.items.with_untracked(Vec::len);
            self.sorted
                .with_value(|sorted| {
                    Pages::keep(&query, sorted.iter().map(|e| e.as_ref()), total, None, now)
                })
                .map(|p| p.sorted_here(shown, self.bound.get_untracked()))
        } else {
            self.items.with_untracked(|items| {
                Pages::keep(
                    &query,
                    items.iter().map(|e| e.as_ref()),
                    total,
                    self.next.get_untracked().as_deref(),
                    now,
                )
            })
        };
        self.history.keep(pages);
    }

    /// Removes the server's first paint of this page (see
    /// `document::drop_first_paint`) as the app draws it. A reader already
    /// reading the first paint's cards keeps the card they were reading
    /// where it stood, whatever the app draws above it.
    pub fn replace_first_paint(self) {
        let reading = history::reading_place();
        drop_first_paint();
        if let Some(place) = reading {
            self.history.return_to(place);
        }
    }

    /// Loads the first page again (after an error).
    pub fn retry(self) {
        self.load_first(self.request.get_untracked());
    }

    /// Appends the next page. Returns at once when one is already loading.
    /// `done` runs after the cards are in, with the index of the first new one.
    pub fn load_more(self, done: impl FnOnce(usize) + 'static) {
        if self.more.get_untracked() == More::Loading || self.phase.get_untracked() != Phase::Ready
        {
            return;
        }
        let Some(cursor) = self.next.get_untracked() else {
            return;
        };
        let request = self.request.get_untracked();
        if request.filters.sort == FeedSort::Updated {
            // The rest of the sorted list is here already.
            let first_new = self.items.with_untracked(Vec::len);
            self.show_sorted(first_new + PAGE_SIZE as usize);
            self.remember();
            self.announce_more(self.items.with_untracked(Vec::len) - first_new);
            self.corrections.read_for(self.items);
            done(first_new);
            return;
        }
        // Not a new generation: a new filter must still cancel this.
        let generation = self.generation.try_get_value().unwrap_or(0);
        self.more.set(More::Loading);
        let query = events_query(
            &request.filters,
            request.entity.as_deref(),
            Some(&cursor),
            PAGE_SIZE,
        );
        spawn_local(async move {
            let result = api::list_events(&query).await;
            if !self.is_current(generation) {
                return;
            }
            match result {
                Ok(page) => {
                    let mut first_new = 0;
                    let mut added = 0;
                    self.items.update(|items| {
                        first_new = items.len();
                        let mut seen: HashSet<String> =
                            items.iter().map(|e| e.id.clone()).collect();
                        for e in page.items {
                            if seen.insert(e.id.clone()) {
                                items.push(Arc::new(e));
                                added += 1;
                            }
                        }
                    });
                    if page.total.is_some() {
                        self.total.set(page.total);
                    }
                    self.next.set(page.next_cursor.filter(|c| !c.is_empty()));
                    self.more.set(More::Idle);
                    self.remember();
                    self.announce_more(added);
                    self.corrections.read_for(self.items);
                    done(first_new);
                }
                Err(error) => self.more.set(More::Failed(error)),
            }
        });
    }

    /// Tells screen readers that `added` cards were appended.
    fn announce_more(self, added: usize) {
        let shown = self.items.with_untracked(Vec::len);
        let noun = if added == 1 { "event" } else { "events" };
        self.announcement.set(format!(
            "{added} more {noun} loaded. {}.",
            shown_line(shown, self.total.get_untracked())
        ));
    }
}

/// What a list's history entry is kept under: the API query of its first
/// page, and the order when it is sorted here.
fn list_key(request: &ListRequest) -> String {
    let query = events_query(&request.filters, request.entity.as_deref(), None, PAGE_SIZE);
    match request.filters.sort.url_value() {
        Some(sort) => format!("{query}&{}={sort}", FeedSort::KEY),
        None => query,
    }
}

#[component]
pub fn EventList(
    feed: EventFeed,
    /// The list's accessible name: "Events", "Events naming Vladimir Putin".
    #[prop(into)]
    label: Signal<String>,
    /// True when filters narrow the list (changes the count's wording).
    #[prop(into, optional)]
    filtered: Signal<bool>,
    /// The heading level of each card's headline.
    #[prop(default = 2)]
    heading: u8,
    /// What to show when nothing matches.
    #[prop(into)]
    empty: ViewFn,
) -> impl IntoView {
    let EventFeed {
        items,
        total,
        next,
        phase,
        more,
        announcement,
        bound,
        corrections,
        ..
    } = feed;
    let marks = corrections.marks;
    let list_ref = NodeRef::<html::Ol>::new();
    let loading = Memo::new(move |_| phase.get() == Phase::Loading);
    let refreshing = Memo::new(move |_| phase.get() == Phase::Refreshing);
    let failed = Memo::new(move |_| match phase.get() {
        Phase::Failed(e) => Some(e),
        _ => None,
    });
    let ready = Memo::new(move |_| phase.get() == Phase::Ready);
    let is_empty = Memo::new(move |_| items.with(Vec::is_empty));
    let has_more = Memo::new(move |_| next.with(Option::is_some));
    let more_loading = Memo::new(move |_| more.get() == More::Loading);
    let more_error = Memo::new(move |_| match more.get() {
        More::Failed(e) => Some(e),
        _ => None,
    });

    let count_text = move || match phase.get() {
        Phase::Loading => "Loading events…".to_owned(),
        Phase::Refreshing => "Updating the list…".to_owned(),
        Phase::Failed(_) => String::new(),
        Phase::Ready => {
            let n = total
                .get()
                .unwrap_or_else(|| items.with(|i| i.len() as u64));
            results_line(n, filtered.get())
        }
    };
    let shown_text = move || shown_line(items.with(Vec::len), total.get());

    let on_more = move |_| {
        feed.load_more(move |first_new| {
            // The button is gone when that was the last page: focus the
            // first new card instead of losing focus to the page.
            if next.get_untracked().is_none() {
                focus_card(list_ref, first_new);
            }
        });
    };

    view! {
        <div class="event-results">
            <p class="results-count" role="status" aria-live="polite">{count_text}</p>
            {move || (ready.get() && !is_empty.get()).then(|| bound.get()).flatten().map(|line| view! {
                <p class="results-bound muted">{line}</p>
            })}
            <p class="visually-hidden" aria-live="polite">{move || announcement.get()}</p>
            {move || loading.get().then(|| view! {
                <div class="event-list event-list--skeleton" aria-hidden="true">
                    {(0..SKELETON_CARDS).map(|_| view! { <EventCardSkeleton/> }).collect_view()}
                </div>
            })}
            {move || failed.get().map(|error| view! { <ListError error on_retry=Callback::new(move |_: ()| feed.retry())/> })}
            <ol
                class="event-list"
                class:event-list--stale=move || refreshing.get()
                aria-busy=move || if refreshing.get() { "true" } else { "false" }
                aria-label=move || label.get()
                hidden=move || is_empty.get()
                node_ref=list_ref
            >
                <For
                    each=move || items.get()
                    key=|event| event.id.clone()
                    children=move |event| {
                        let id = event.id.clone();
                        let correction = Signal::derive(move || marks.with(|m| m.get(&id).cloned()));
                        view! {
                            <li class="event-list__item"><EventCard event heading correction/></li>
                        }
                    }
                />
            </ol>
            {move || (ready.get() && is_empty.get()).then(|| view! {
                <div class="empty-state">{empty.run()}</div>
            })}
            {move || (ready.get() && !is_empty.get()).then(|| {
                if has_more.get() {
                    view! {
                        <div class="load-more">
                            <button
                                type="button"
                                class="button button--secondary load-more__button"
                                aria-disabled=move || if more_loading.get() { "true" } else { "false" }
                                aria-describedby="load-more-status"
                                on:click=on_more
                            >
                                "Load more events"
                            </button>
                            <p id="load-more-status" class="load-more__status muted">
                                {move || if more_loading.get() {
                                    "Loading…".to_owned()
                                } else {
                                    shown_text()
                                }}
                            </p>
                            {move || more_error.get().map(|e| view! {
                                <p class="load-more__error" role="alert">
                                    "More events could not be loaded. " {e.to_string()}
                                </p>
                            })}
                        </div>
                    }
                    .into_any()
                } else {
                    view! { <p class="list-end muted">{shown_text}" · end of the list"</p> }.into_any()
                }
            })}
        </div>
    }
}

/// Moves focus to the link of the card at `index`.
fn focus_card(list: NodeRef<html::Ol>, index: usize) {
    request_animation_frame(move || {
        let link = list
            .get_untracked()
            .and_then(|ol| ol.children().item(index as u32))
            .and_then(|li| li.query_selector("a").ok().flatten())
            .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(link) = link {
            let _ = link.focus();
        }
    });
}

/// The first page did not come: what went wrong, and Retry when it may help.
#[component]
fn ListError(error: ApiError, on_retry: Callback<()>) -> impl IntoView {
    let message = match (error.status(), error.detail()) {
        (Some(400), Some(detail)) => format!("The filters could not be applied: {detail}"),
        _ => error.to_string(),
    };
    let retryable = error.is_retryable();
    view! {
        <div class="list-error" role="alert">
            <p class="list-error__title"><strong>"The events could not be loaded."</strong></p>
            <p>{message}</p>
            {retryable.then(|| view! {
                <button type="button" class="button" on:click=move |_| on_retry.run(())>"Retry"</button>
            })}
        </div>
    }
}
