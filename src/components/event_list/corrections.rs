//! Corrections on the cards: only an event's detail carries its history, so
//! once the cards are painted, and one at a time in spare moments, the list
//! reads the details of the cards it shows (each at most once, at most
//! `MAX_DETAIL_READS` a list; the app's server caches them) and marks the
//! cards whose history holds a correction. A detail that fails to load
//! leaves its card as it was.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use eventdesk_model::EventSummary;
use eventdesk_page_logic::feed::updates::{detail_mark, CardMark, MarkKind, MAX_DETAIL_READS};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::components::deferred::after_paint;

/// How long after the paint the first detail is read, and between reads.
const PAUSE: Duration = Duration::from_millis(150);

/// The corrections found so far, by event id.
#[derive(Clone, Copy)]
pub struct Corrections {
    pub marks: RwSignal<HashMap<String, CardMark>>,
    read: StoredValue<HashSet<String>>,
    reading: StoredValue<bool>,
}

impl Corrections {
    pub fn new() -> Self {
        Corrections {
            marks: RwSignal::new(HashMap::new()),
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
                            self.read
                                .with_value(|r| items.iter().find(|e| !r.contains(&e.id)).cloned())
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
                let mark =
                    detail_mark(&event, &detail.history).filter(|m| m.kind == MarkKind::Corrected);
                if let Some(mark) = mark {
                    self.marks.try_update(|m| m.insert(event.id.clone(), mark));
                }
            }
            TimeoutFuture::new(PAUSE.as_millis() as u32).await;
        }
    }
}
