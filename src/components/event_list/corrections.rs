//! Corrections on the cards: only an event's detail carries its history, so
//! once the cards are painted, and one at a time in spare moments, the list
//! reads the details of the cards it shows (at most `MAX_DETAIL_READS`
//! while the feed is shown) and marks the cards whose history holds a
//! correction. A detail that fails to load leaves its card as it was.
//!
//! What a detail said is kept while the app runs (`SEEN`), so the feed
//! shown again (Back from an event, another filter) marks the cards it
//! knows at once and reads again only an event whose `updated_at` has
//! changed since: a history only grows, so a correction found stays true.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use eventdesk_model::{EventSummary, Timestamp};
use eventdesk_page_logic::feed::updates::{correction_mark, CardMark, MAX_DETAIL_READS};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::components::deferred::after_paint;

/// How long after the paint the first detail is read, and between reads.
const PAUSE: Duration = Duration::from_millis(150);

/// What an event's detail said: the card's `updated_at` when it was read,
/// and the latest correction.
type Seen = (Option<Timestamp>, Option<CardMark>);

thread_local! {
    /// Each event's detail read so far, by id.
    static SEEN: RefCell<HashMap<String, Seen>> = RefCell::default();
}

/// Whether `event`'s detail was read since it last changed.
fn seen(event: &EventSummary) -> bool {
    SEEN.with_borrow(|seen| {
        seen.get(&event.id)
            .is_some_and(|(at, _)| *at == event.updated_at)
    })
}

/// The corrections found so far, by event id.
#[derive(Clone, Copy)]
pub struct Corrections {
    pub marks: RwSignal<HashMap<String, CardMark>>,
    /// The details this feed has asked for.
    read: StoredValue<HashSet<String>>,
    reading: StoredValue<bool>,
}

impl Corrections {
    /// With the corrections already found while the app runs.
    pub fn new() -> Self {
        let known = SEEN.with_borrow(|seen| {
            seen.iter()
                .filter_map(|(id, (_, mark))| Some((id.clone(), mark.clone()?)))
                .collect()
        });
        Corrections {
            marks: RwSignal::new(known),
            read: StoredValue::new(HashSet::new()),
            reading: StoredValue::new(false),
        }
    }

    /// Reads the details of the cards in `items` not read yet, after the
    /// next paint. A read already under way picks up the new cards.
    pub fn read_for(self, items: RwSignal<Vec<Arc<EventSummary>>>) {
        if self.reading.try_get_value() != Some(false) {
            return;
        }
        self.reading.set_value(true);
        after_paint(move || {
            set_timeout(move || spawn_local(self.read_next(items)), PAUSE);
        });
    }

    async fn read_next(self, items: RwSignal<Vec<Arc<EventSummary>>>) {
        loop {
            let Some(read) = self.read.try_with_value(HashSet::len) else {
                return; // The list is gone.
            };
            let next = (read < MAX_DETAIL_READS)
                .then(|| {
                    items
                        .try_with_untracked(|items| {
                            self.read.with_value(|r| {
                                items
                                    .iter()
                                    .find(|e| !r.contains(&e.id) && !seen(e))
                                    .cloned()
                            })
                        })
                        .flatten()
                })
                .flatten();
            let Some(event) = next else {
                self.reading.try_set_value(false);
                return;
            };
            self.read.update_value(|r| {
                r.insert(event.id.clone());
            });
            if let Ok(detail) = api::get_event(&event.id).await {
                let mark = correction_mark(&detail.history);
                if let Some(mark) = mark.clone() {
                    self.marks.try_update(|m| m.insert(event.id.clone(), mark));
                }
                SEEN.with_borrow_mut(|seen| {
                    seen.insert(event.id.clone(), (event.updated_at.clone(), mark));
                });
            }
            TimeoutFuture::new(PAUSE.as_millis() as u32).await;
        }
    }
}
