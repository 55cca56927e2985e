//! The feed's events on a world map: one dot per place where an event
//! happened, coloured and shaped by confidence, grouped with a count when
//! close. Dots are buttons; choosing one lists its events (announced).

use std::sync::Arc;

use eventdesk_model::{ConfidenceLevel, EventSummary};
use eventdesk_page_logic::map::feed_dots::{groups, Group};
use eventdesk_page_logic::map::geo::Viewport;
use eventdesk_page_logic::map::svg::polygons_path;
use leptos::prelude::*;

use super::basemap::{use_basemap, Basemap};

const W: f64 = 960.0;
const H: f64 = 560.0;

/// Dots closer than this many rendered pixels merge, so each stays a
/// comfortable target even on a phone.
const TARGET_PX: f64 = 26.0;

#[component]
pub fn FeedMap(#[prop(into)] events: Signal<Vec<Arc<EventSummary>>>) -> impl IntoView {
    let v = Viewport::world(W, H);
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
    let radius = TARGET_PX * W / rendered_width();
    let found = Memo::new(move |_| events.with(|e| groups(e, &v, radius)));
    let selected = RwSignal::new(None::<String>);
    // A new feed (filters changed) closes a panel about the old one.
    Effect::new(move |_| {
        found.track();
        selected.set(None);
    });

    move || {
        let gs = found.get();
        if gs.is_empty() {
            return ().into_any();
        }
        let count = gs.iter().map(|g| g.events.len()).sum::<usize>();
        let label = format!("World map of {count} events in this feed");
        let dots = gs.iter().map(|g| dot_view(g, selected)).collect_view();
        let state = state.clone();
        view! {
            <section
                class="feed-map"
                aria-label="Events on the map"
                data-basemap=state
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        selected.set(None);
                    }
                }
            >
                <div class="feed-map__frame">
                    <svg class="map-svg" viewBox=format!("0 0 {W} {H}") role="img" aria-label=label>
                        <rect class="map-water" width=W height=H/>
                        <path class="map-land" fill-rule="evenodd" d=move || land.get()/>
                    </svg>
                    <div class="feed-map__dots">{dots}</div>
                </div>
                <FeedLegend/>
                <div class="feed-map__panel" aria-live="polite">
                    {move || panel_view(&found.get(), &events, selected)}
                </div>
            </section>
        }
        .into_any()
    }
}

fn rendered_width() -> f64 {
    let window_px = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .unwrap_or(W);
    // The feed's column: the window less its margins, at most the frame.
    (window_px - 32.0).clamp(280.0, W)
}

fn level_token(level: Option<&ConfidenceLevel>) -> &'static str {
    level.map_or("mixed", |l| l.css_token())
}

fn dot_view(g: &Group, selected: RwSignal<Option<String>>) -> impl IntoView {
    let key = g.key();
    let left = format!("left:{:.3}%;top:{:.3}%", g.x / W * 100.0, g.y / H * 100.0);
    let class = format!("feed-dot feed-dot--{}", level_token(g.level.as_ref()));
    let count = g.events.len();
    let pressed = {
        let key = key.clone();
        move || {
            if selected.get().as_deref() == Some(key.as_str()) {
                "true"
            } else {
                "false"
            }
        }
    };
    let toggle = {
        let key = key.clone();
        move |_| {
            selected.update(|s| {
                *s = if s.as_deref() == Some(key.as_str()) {
                    None
                } else {
                    Some(key.clone())
                }
            })
        }
    };
    view! {
        <button
            type="button"
            class=class
            style=left
            aria-label=g.label()
            aria-pressed=pressed
            on:click=toggle
        >
            <DotShape level=g.level.clone()/>
            {(count > 1).then(|| view! { <span class="feed-dot__count" aria-hidden="true">{count}</span> })}
        </button>
    }
}

/// What the shapes mean, and how to use the dots.
#[component]
fn FeedLegend() -> impl IntoView {
    let keys = [
        Some(ConfidenceLevel::Verified),
        Some(ConfidenceLevel::Likely),
        Some(ConfidenceLevel::Unconfirmed),
        Some(ConfidenceLevel::Disputed),
        None,
    ]
    .into_iter()
    .map(|level| {
        let class = format!("feed-map__swatch feed-dot--{}", level_token(level.as_ref()));
        let text = level
            .as_ref()
            .map_or("Several levels".to_owned(), |l| l.label());
        view! {
            <li class="feed-map__key"><span class=class><DotShape level/></span>{text}</li>
        }
    })
    .collect_view();
    view! {
        <div class="feed-map__legend">
            <ul class="feed-map__keys" aria-label="Confidence on the map">{keys}</ul>
            <p class="feed-map__hint">"A number counts the events at that spot. Choose a dot to list its events."</p>
        </div>
    }
}

/// Verified ●, likely ◆, unconfirmed ○, disputed ▲, mixed or unknown ■.
#[component]
fn DotShape(level: Option<ConfidenceLevel>) -> impl IntoView {
    let d = match level {
        Some(ConfidenceLevel::Verified) => "M10 3A7 7 0 1 1 10 17A7 7 0 1 1 10 3Z",
        Some(ConfidenceLevel::Likely) => "M10 2L18 10L10 18L2 10Z",
        Some(ConfidenceLevel::Unconfirmed) => "M10 4.5A5.5 5.5 0 1 1 10 15.5A5.5 5.5 0 1 1 10 4.5Z",
        Some(ConfidenceLevel::Disputed) => "M10 2L18.5 17H1.5Z",
        _ => "M3.5 3.5H16.5V16.5H3.5Z",
    };
    view! {
        <svg class="feed-dot__shape" viewBox="0 0 20 20" aria-hidden="true">
            <path d=d/>
        </svg>
    }
}

fn panel_view(
    gs: &[Group],
    events: &Signal<Vec<Arc<EventSummary>>>,
    selected: RwSignal<Option<String>>,
) -> impl IntoView {
    let key = selected.get()?;
    let g = gs.iter().find(|g| g.key() == key)?.clone();
    let items = events.with(|all| {
        g.events
            .iter()
            .filter_map(|&i| all.get(i))
            .map(|e| {
                let headline = e.headline().to_owned();
                let href = e.path();
                let level = e.confidence.level.clone();
                view! {
                    <li>
                        <a href=href>{headline}</a>
                        " "
                        <span class=format!("feed-map__level feed-map__level--{}", level.css_token())>
                            {level.icon()} " " {level.label()}
                        </span>
                    </li>
                }
            })
            .collect_view()
    });
    Some(view! {
        <div class="feed-map__list">
            <h2 class="feed-map__heading">{g.label()}</h2>
            <ul>{items}</ul>
            <button type="button" class="feed-map__close" on:click=move |_| selected.set(None)>
                "Close"
            </button>
        </div>
    })
}
