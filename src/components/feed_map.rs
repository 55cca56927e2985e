//! The feed's events on a world map: a dot per place where an event
//! happened, coloured and shaped by confidence, grouped with a count where
//! their tap targets would overlap. The dots are one tab stop (arrow keys,
//! Home and End move between them); choosing one lists its events,
//! announced, and Escape or Close returns to the dot. A note says when the
//! map shows only some of the feed's events.
//!
//! Where the dots go is page-logic's (`map::feed_layout`), laid out again
//! whenever the frame's size changes; what they are called and counted too
//! (`map::feed_names`, `map::feed_coverage`).

mod dot;
mod frame_size;
mod legend;
mod panel;

use std::sync::Arc;

use eventdesk_model::EventSummary;
use eventdesk_page_logic::feed::countries::country_name;
use eventdesk_page_logic::map::feed_coverage::Coverage;
use eventdesk_page_logic::map::feed_dots::{coverage, groups, VIEW_H, VIEW_W};
use eventdesk_page_logic::map::feed_keys::{step, Step};
use eventdesk_page_logic::map::svg::polygons_path;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::basemap::{use_basemap, Basemap};
use dot::{FeedDot, DOT_ATTR};
use frame_size::use_frame_size;
use legend::FeedLegend;
use panel::{FeedMapPanel, PANEL_ID};

#[component]
pub fn FeedMap(
    #[prop(into)] events: Signal<Vec<Arc<EventSummary>>>,
    /// The feed's total when the API says it, so the map can say what it
    /// leaves out until every page is loaded.
    #[prop(into, optional)]
    total: Signal<Option<u64>>,
) -> impl IntoView {
    let shown = Memo::new(move |_| events.with(|e| coverage(e, total.get())));
    let any = Memo::new(move |_| shown.with(|c| c.drawn > 0));
    move || any.get().then(|| view! { <FeedMapSection events shown/> })
}

/// The map itself, while the feed has something to draw.
#[component]
fn FeedMapSection(events: Signal<Vec<Arc<EventSummary>>>, shown: Memo<Coverage>) -> impl IntoView {
    let v = eventdesk_page_logic::map::geo::Viewport::world(VIEW_W, VIEW_H);
    let basemap = use_basemap();
    let state = {
        let b = basemap.clone();
        move || b.read().state()
    };
    let land = Memo::new(move |_| match &*basemap.read() {
        Basemap::Ready(all) => all
            .iter()
            .map(|c| polygons_path(&c.polygons, &v, 0.8))
            .collect::<String>(),
        _ => String::new(),
    });

    let frame_ref = NodeRef::<html::Div>::new();
    let dots_ref = NodeRef::<html::Div>::new();
    let frame = use_frame_size(frame_ref, events);
    let found = Memo::new(move |_| {
        let f = frame.get();
        events.with(|e| groups(e, f, &|code| country_name(code).map(str::to_owned)))
    });
    // The open list, and the dot that is the map's tab stop, by group key.
    let selected = RwSignal::new(None::<String>);
    let active = RwSignal::new(None::<String>);
    let stop = Memo::new(move |_| {
        found.with(|gs| {
            active
                .with(|a| a.as_ref().and_then(|k| gs.iter().position(|g| &g.key == k)))
                .unwrap_or(0)
        })
    });

    let focus_dot = move |i: usize| {
        let key = found.with_untracked(|gs| gs.get(i).map(|g| g.key.clone()));
        if key.is_some() {
            active.set(key);
        }
        let el = dots_ref
            .get_untracked()
            .and_then(|d| {
                d.query_selector(&format!("[{DOT_ATTR}=\"{i}\"]"))
                    .ok()
                    .flatten()
            })
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    };
    // Closes the list and puts focus back on its dot.
    let close = move || {
        let Some(key) = selected.get_untracked() else {
            return;
        };
        selected.set(None);
        if let Some(i) = found.with_untracked(|gs| gs.iter().position(|g| g.key == key)) {
            focus_dot(i);
        }
    };
    let on_dots_key = move |ev: web_sys::KeyboardEvent| {
        let Some(mv) = Step::from_key(&ev.key()) else {
            return;
        };
        ev.prevent_default();
        let from = dot_index(ev.target()).unwrap_or_else(|| stop.get_untracked());
        let centres: Vec<(f64, f64)> =
            found.with_untracked(|gs| gs.iter().map(|g| g.target.centre()).collect());
        focus_dot(step(&centres, from, mv));
    };
    // A dot focused any way (mouse, Tab, a script) becomes the tab stop.
    let on_focus = move |ev: web_sys::FocusEvent| {
        if let Some(i) = dot_index(ev.target()) {
            let key = found.with_untracked(|gs| gs.get(i).map(|g| g.key.clone()));
            if key.is_some() && key != active.get_untracked() {
                active.set(key);
            }
        }
    };
    let toggle = Callback::new(move |key: String| {
        selected.update(|s| {
            *s = if s.as_deref() == Some(key.as_str()) {
                None
            } else {
                Some(key)
            }
        })
    });

    view! {
        <section
            class="feed-map"
            aria-label="Events on the map"
            data-basemap=state
            on:keydown=move |ev| {
                if ev.key() == "Escape" && selected.with_untracked(Option::is_some) {
                    ev.prevent_default();
                    close();
                }
            }
        >
            {move || shown.with(Coverage::note).map(|note| view! { <p class="feed-map__note">{note}</p> })}
            <div class="feed-map__frame" node_ref=frame_ref>
                <svg
                    class="map-svg"
                    viewBox=format!("0 0 {VIEW_W} {VIEW_H}")
                    role="img"
                    aria-label=move || shown.with(Coverage::map_label)
                >
                    <rect class="map-water" width=VIEW_W height=VIEW_H/>
                    <path class="map-land" fill-rule="evenodd" d=move || land.get()/>
                </svg>
                <div
                    class="feed-map__dots"
                    role="toolbar"
                    aria-label="Places on the map"
                    node_ref=dots_ref
                    on:keydown=on_dots_key
                    on:focusin=on_focus
                >
                    {move || {
                        let f = frame.get();
                        found
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(index, group)| view! {
                                <FeedDot index group frame=f selected stop toggle/>
                            })
                            .collect_view()
                    }}
                </div>
            </div>
            <FeedLegend/>
            <div class="feed-map__panel" id=PANEL_ID aria-live="polite">
                {move || {
                    let key = selected.get()?;
                    let g = found.with(|gs| gs.iter().find(|g| g.key == key).cloned())?;
                    Some(view! { <FeedMapPanel group=g events on_close=Callback::new(move |_: ()| close())/> })
                }}
            </div>
        </section>
    }
}

/// The index a dot carries, from an event's target.
fn dot_index(target: Option<web_sys::EventTarget>) -> Option<usize> {
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(&format!("[{DOT_ATTR}]"))
        .ok()??
        .get_attribute(DOT_ATTR)?
        .parse()
        .ok()
}
