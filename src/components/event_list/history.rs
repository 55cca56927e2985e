//! A list's history entry: the cards loaded so far and where the reader
//! was, kept for the entry the list is shown in, so that Back and Forward
//! bring back the same pages at the same spot (the rules and limits are
//! `eventdesk_page_logic::feed::history`).
//!
//! Each history entry that shows a list gets a key in `history.state`; the
//! tab's session storage holds, under that key, the list's pages (written
//! whenever a page arrives) and the reader's place (written as they
//! scroll). A list claims the entry only once the browser's address is the
//! router's (a navigation has finished), so it never writes into the entry
//! of the page being left.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use eventdesk_page_logic::feed::history::{
    entries_to_drop, first_in_view, new_entry_key, storage_key, Pages, Place, STATE_FIELD,
};
use js_sys::{Object, Reflect};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

/// The storage key of the list of entries that keep a list (key, when kept).
const INDEX_KEY: &str = "eventdesk-list-index";
/// How many frames a restored place waits for its card to be drawn.
const FRAMES_TO_WAIT: u32 = 30;

/// The history entry of one list.
#[derive(Clone, Copy)]
pub struct ListHistory {
    /// The key of the entry this list is shown in, once claimed.
    key: StoredValue<Option<String>>,
    /// Pages that arrived before the list could claim its entry, to keep
    /// once it can.
    unsaved: StoredValue<Option<Pages>>,
    pathname: Memo<String>,
    search: Memo<String>,
}

impl ListHistory {
    /// Follows the reader's scrolling for as long as the list is shown.
    pub fn new() -> Self {
        let location = use_location();
        let history = ListHistory {
            key: StoredValue::new(None),
            unsaved: StoredValue::new(None),
            pathname: location.pathname,
            search: location.search,
        };
        history.track_scrolling();
        history
    }

    /// The kept pages of this entry for the list asked with `query`, and the
    /// reader's place in them, when they may stand in for loading it.
    pub fn restore(self, query: &str) -> Option<(Pages, Option<Place>)> {
        if !self.settled() {
            return None;
        }
        let key = current_key()?;
        let storage = storage()?;
        let (pages_key, place_key) = storage_key(&key);
        let text = storage.get_item(&pages_key).ok().flatten()?;
        let pages = Pages::restore(&text, query, js_sys::Date::now())?;
        let place = storage
            .get_item(&place_key)
            .ok()
            .flatten()
            .and_then(|t| Place::from_json(&t));
        self.key.set_value(Some(key));
        Some((pages, place))
    }

    /// Keeps `pages` for this entry (`None`: keeps nothing, e.g. after an error).
    pub fn keep(self, pages: Option<Pages>) {
        let Some(key) = self.claim() else {
            self.unsaved.set_value(pages);
            return;
        };
        self.unsaved.set_value(None);
        write_pages(&key, pages.as_ref());
    }

    /// Scrolls back to `place` once its card is drawn.
    pub fn return_to(self, place: Place) {
        wait_for_anchor(place, FRAMES_TO_WAIT);
    }

    /// True when the browser's address is the router's: the history entry
    /// shown is the one this list is drawn for.
    fn settled(self) -> bool {
        let Some(location) = web_sys::window().map(|w| w.location()) else {
            return false;
        };
        let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
            return false;
        };
        let Some(router_path) = self.pathname.try_get_untracked() else {
            return false;
        };
        let router_search = self.search.try_get_untracked().unwrap_or_default();
        path == router_path
            && search.trim_start_matches('?') == router_search.trim_start_matches('?')
    }

    /// The key of the entry shown, when it is this list's: the one it had,
    /// or (the list is now in a newer entry, or has none yet) that entry's,
    /// given one if it has none.
    fn claim(self) -> Option<String> {
        let mine = self.key.try_get_value().flatten();
        let current = current_key();
        if mine.is_some() && mine == current {
            return mine;
        }
        if !self.settled() {
            return None;
        }
        let key = current.or_else(stamp_key)?;
        self.key.set_value(Some(key.clone()));
        Some(key)
    }

    /// Writes the reader's place as they scroll (once a frame), until the
    /// list is gone.
    fn track_scrolling(self) {
        let alive = Arc::new(AtomicBool::new(true));
        let queued = Arc::new(AtomicBool::new(false));
        let handle = {
            let alive = alive.clone();
            window_event_listener(leptos::ev::scroll, move |_| {
                if queued.swap(true, Ordering::Relaxed) {
                    return;
                }
                let alive = alive.clone();
                let queued = queued.clone();
                request_animation_frame(move || {
                    queued.store(false, Ordering::Relaxed);
                    if alive.load(Ordering::Relaxed) {
                        self.note_place();
                    }
                });
            })
        };
        on_cleanup(move || {
            alive.store(false, Ordering::Relaxed);
            handle.remove();
        });
    }

    fn note_place(self) {
        let Some(place) = measure_place() else {
            return;
        };
        let Some(key) = self.claim() else {
            return;
        };
        if let Some(pages) = self.unsaved.try_update_value(Option::take).flatten() {
            write_pages(&key, Some(&pages));
        }
        if let Some(storage) = storage() {
            let _ = storage.set_item(&storage_key(&key).1, &place.to_json());
        }
    }
}

fn storage() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The key in the current entry's `history.state`, if any.
fn current_key() -> Option<String> {
    let state = web_sys::window()?.history().ok()?.state().ok()?;
    if !state.is_object() {
        return None;
    }
    Reflect::get(&state, &JsValue::from_str(STATE_FIELD))
        .ok()?
        .as_string()
}

/// Gives the current entry a new key, keeping whatever else its state holds.
fn stamp_key() -> Option<String> {
    let history = web_sys::window()?.history().ok()?;
    let state = history.state().ok()?;
    let object = Object::new();
    if state.is_object() {
        Object::assign(&object, state.unchecked_ref());
    }
    let key = new_entry_key(js_sys::Date::now(), js_sys::Math::random());
    Reflect::set(
        &object,
        &JsValue::from_str(STATE_FIELD),
        &JsValue::from_str(&key),
    )
    .ok()?;
    history.replace_state(&object, "").ok()?;
    Some(key)
}

/// Writes (or, with `None`, removes) the pages of entry `key`, dropping
/// the oldest entries' to make room.
fn write_pages(key: &str, pages: Option<&Pages>) {
    let Some(storage) = storage() else {
        return;
    };
    let (pages_key, place_key) = storage_key(key);
    let mut index: Vec<(String, f64)> = storage
        .get_item(INDEX_KEY)
        .ok()
        .flatten()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    index.retain(|(k, _)| k != key);
    let Some(pages) = pages else {
        let _ = storage.remove_item(&pages_key);
        let _ = storage.remove_item(&place_key);
        write_index(&storage, &index);
        return;
    };
    for old in entries_to_drop(index.clone(), 1) {
        drop_entry(&storage, &old);
        index.retain(|(k, _)| *k != old);
    }
    let json = pages.to_json();
    if storage.set_item(&pages_key, &json).is_err() {
        // The tab's storage is full: this entry's list wins over the others'.
        for (old, _) in index.drain(..) {
            drop_entry(&storage, &old);
        }
        if storage.set_item(&pages_key, &json).is_err() {
            write_index(&storage, &index);
            return;
        }
    }
    index.push((key.to_owned(), pages.saved_at));
    write_index(&storage, &index);
}

fn drop_entry(storage: &Storage, key: &str) {
    let (pages_key, place_key) = storage_key(key);
    let _ = storage.remove_item(&pages_key);
    let _ = storage.remove_item(&place_key);
}

fn write_index(storage: &Storage, index: &[(String, f64)]) {
    if let Ok(text) = serde_json::to_string(index) {
        let _ = storage.set_item(INDEX_KEY, &text);
    }
}

/// The cards on the page, top to bottom.
fn cards() -> Vec<web_sys::Element> {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    let Ok(Some(list)) = document.query_selector("ol.event-list") else {
        return Vec::new();
    };
    let found = list.children();
    (0..found.length()).filter_map(|i| found.item(i)).collect()
}

fn card_link(card: &web_sys::Element) -> Option<String> {
    card.query_selector("a.event-card__link")
        .ok()
        .flatten()?
        .get_attribute("href")
}

/// Where the reader is: the first card in view and its top.
fn measure_place() -> Option<Place> {
    let y = web_sys::window()?.scroll_y().ok()?;
    let cards = cards();
    if cards.is_empty() {
        return None;
    }
    let anchor = first_in_view(cards.len(), |i| {
        cards[i].get_bounding_client_rect().bottom()
    })
    .and_then(|i| {
        let top = cards[i].get_bounding_client_rect().top();
        card_link(&cards[i]).map(|link| (link, top))
    });
    Some(Place::at(y, anchor))
}

/// Where the reader is, when they have scrolled down to the cards on the
/// page (the server's first paint's, before the app draws its own).
pub fn reading_place() -> Option<Place> {
    let height = web_sys::window()?.inner_height().ok()?.as_f64()?;
    measure_place().filter(|p| p.is_reading(height))
}

/// Scrolls to `place` once its card is on the page, or to its offset after
/// `frames` frames without it.
fn wait_for_anchor(place: Place, frames: u32) {
    request_animation_frame(move || {
        let anchor_top = place.anchor.as_deref().and_then(|link| {
            cards()
                .into_iter()
                .find(|c| card_link(c).as_deref() == Some(link))
                .map(|c| c.get_bounding_client_rect().top())
        });
        if anchor_top.is_none() && place.anchor.is_some() && frames > 0 {
            wait_for_anchor(place, frames - 1);
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let y = window.scroll_y().unwrap_or(0.0);
        window.scroll_to_with_x_and_y(0.0, place.scroll_target(y, anchor_top));
    });
}
