//! The event's places on a map: pins for cities and spots, shaded areas for
//! countries, regions and boxes, drawn offline as inline SVG over the shared
//! basemap. The box keeps its size while the country shapes load. Its
//! caption is the list of places (`location::PlaceList`, given as children):
//! each with its symbol, so it is the map's key too; no drawable place, no map.

use eventdesk_model::Place;
use eventdesk_page_logic::map::geo::Viewport;
use eventdesk_page_logic::map::place_marks::{fit, map_label, map_name, mark, Mark, RoleStyle};
use eventdesk_page_logic::map::svg::{bbox_polygon, near_px, pixel_box, polygons_path};
use leptos::prelude::*;

use super::basemap::{use_basemap, Basemap};
use super::map_marks::{HatchDefs, PinSymbol};

const W: f64 = 640.0;
const H: f64 = 360.0;
const PADDING: f64 = 30.0;

struct Drawn {
    place: Place,
    mark: Mark,
    style: RoleStyle,
}

/// Whether [`EventMap`] draws a map of `places` (at least one can be drawn).
pub fn draws_map(places: &[Place]) -> bool {
    fit(places, W, H, PADDING).is_some()
}

/// The map, its caption (`children`) under it; nothing when no place can be
/// drawn (see [`draws_map`]).
#[component]
pub fn EventMap(places: Vec<Place>, children: Children) -> impl IntoView {
    let Some(v) = fit(&places, W, H, PADDING) else {
        return ().into_any();
    };
    let label = map_label(&places);
    let mut drawn: Vec<Drawn> = places
        .into_iter()
        .filter_map(|place| {
            let m = mark(&place).ok()?;
            Some(Drawn {
                style: RoleStyle::of(place.role.as_ref()),
                mark: m,
                place,
            })
        })
        .collect();
    // Areas under pins; "what it concerns" under "where it happened".
    drawn.sort_by_key(|d| std::cmp::Reverse(d.style));
    let basemap = use_basemap();
    let state = {
        let b = basemap.clone();
        move || b.read().state()
    };
    let land = {
        let b = basemap.clone();
        Memo::new(move |_| match &*b.read() {
            Basemap::Ready(all) => all
                .iter()
                .map(|c| polygons_path(&c.polygons, &v, 0.4))
                .collect::<String>(),
            _ => String::new(),
        })
    };
    let areas: Vec<_> = drawn
        .iter()
        .filter_map(|d| match &d.mark {
            Mark::Area {
                centre,
                country,
                bbox,
            } => Some(area_view(
                basemap.clone(),
                &v,
                d.style,
                *centre,
                *country,
                *bbox,
            )),
            Mark::Pin(_) => None,
        })
        .collect();
    let pins: Vec<_> = drawn
        .iter()
        .filter_map(|d| match d.mark {
            Mark::Pin(p) => {
                let (x, y) = near_px(&v, p.lon, p.lat);
                let transform = format!("translate({:.1} {:.1})", x, y);
                Some(view! { <g transform=transform><PinSymbol style=d.style/></g> })
            }
            Mark::Area { .. } => None,
        })
        .collect();
    let names: Vec<_> = drawn.iter().map(|d| name_view(&v, d)).collect();
    view! {
        <figure class="event-map" data-basemap=state>
            <div class="event-map__frame">
                <svg
                    class="map-svg"
                    viewBox=format!("0 0 {W} {H}")
                    preserveAspectRatio="xMidYMid meet"
                    role="img"
                    aria-label=label
                >
                    <HatchDefs/>
                    <rect class="map-water" width=W height=H/>
                    <path class="map-land" fill-rule="evenodd" d=move || land.get()/>
                    {areas}
                    {pins}
                    <g class="map-names">{names}</g>
                </svg>
            </div>
            <figcaption class="event-map__legend">{children()}</figcaption>
        </figure>
    }
    .into_any()
}

fn area_view(
    basemap: ArcRwSignal<Basemap>,
    v: &Viewport,
    style: RoleStyle,
    centre: eventdesk_model::Point,
    country: Option<&'static str>,
    bbox: Option<[f64; 4]>,
) -> impl IntoView {
    let v = *v;
    let class = format!("map-area map-area--{}", style.css());
    let disc = move |r: f64| {
        let (x, y) = near_px(&v, centre.lon, centre.lat);
        format!(
            "M{:.1} {:.1}m-{r} 0a{r} {r} 0 1 0 {} 0a{r} {r} 0 1 0 -{} 0Z",
            x,
            y,
            2.0 * r,
            2.0 * r
        )
    };
    let boxed = move || match bbox.map(|b| vec![bbox_polygon(b)]) {
        Some(poly) => match pixel_box(&poly, &v) {
            Some((_, _, w, h)) if w.max(h) >= 12.0 => polygons_path(&poly, &v, 0.0),
            _ => disc(9.0),
        },
        None => disc(14.0),
    };
    let d = move || {
        let b = basemap.read();
        match (country, &*b) {
            // The real shape once it's here; until then nothing rather
            // than a box that would jump.
            (Some(id), Basemap::Ready(_)) => match b.country(id) {
                Some(c) => polygons_path(&c.polygons, &v, 0.3),
                None => boxed(),
            },
            (Some(_), Basemap::Loading) => String::new(),
            _ => boxed(),
        }
    };
    view! { <path class=class fill-rule="evenodd" d=d/> }
}

/// The place's name beside its mark (inside a large area), for sighted
/// readers at a glance.
fn name_view(v: &Viewport, d: &Drawn) -> impl IntoView {
    let (centre, gap) = match d.mark {
        Mark::Pin(p) => (p, 13.0),
        Mark::Area {
            centre,
            country,
            bbox,
        } => {
            let size = bbox
                .and_then(|b| pixel_box(&[bbox_polygon(b)], v))
                .map(|(_, _, w, h)| (w.min(h), w));
            match (size, country) {
                (Some((small, w)), _) if small < 48.0 => (centre, w.max(18.0) / 2.0 + 4.0),
                (None, None) => (centre, 18.0),
                _ => (centre, 0.0),
            }
        }
    };
    let (x, y) = near_px(v, centre.lon, centre.lat);
    let right = x < W * 0.72;
    let (tx, anchor) = match (gap > 0.0, right) {
        (false, _) => (x, "middle"),
        (true, true) => (x + gap, "start"),
        (true, false) => (x - gap, "end"),
    };
    let ty = match d.mark {
        Mark::Pin(_) => y - 8.0,
        Mark::Area { .. } => y + 5.0,
    };
    // The room up to the frame's edge on the side the name runs to.
    let room = match anchor {
        "start" => W - tx,
        "end" => tx,
        _ => 2.0 * tx.min(W - tx),
    } - LABEL_INSET;
    view! {
        <text class="map-name" x=format!("{tx:.1}") y=format!("{ty:.1}") text-anchor=anchor>
            {map_name(&d.place.name, room, label_font())}
        </text>
    }
}

/// Space kept between a name and the frame's edge, in the drawing's units.
const LABEL_INSET: f64 = 6.0;

/// The names' font size in the drawing's units: style/map.css sets 14, and
/// 24 on narrow screens (where the drawing is scaled down).
fn label_font() -> f64 {
    let narrow = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w <= 520.0);
    if narrow {
        24.0
    } else {
        14.0
    }
}
