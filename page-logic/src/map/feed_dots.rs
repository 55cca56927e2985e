//! The feed map's dots: where each event of the feed goes on the world
//! view, grouped when their tap targets would overlap (see
//! [`feed_layout`](super::feed_layout)), each group named by what it holds
//! (see [`feed_names`](super::feed_names)).

use std::borrow::Borrow;

use crate::map::feed_coverage::Coverage;
use crate::map::feed_layout::{place, Frame, Rect, SIZES};
use crate::map::feed_names::{group_name, level_words, where_words, Spot};
use crate::map::geo::Viewport;
use crate::map::place_marks::{mark, Mark};
use eventdesk_model::{ConfidenceLevel, EventSummary, PlaceRole, Point};

/// The world drawing's viewBox.
pub const VIEW_W: f64 = 960.0;
pub const VIEW_H: f64 = 560.0;

/// One event at one place.
#[derive(Debug, Clone, PartialEq)]
pub struct Dot {
    /// Index into the feed.
    pub event: usize,
    pub spot: Spot,
    pub point: Point,
}

/// The places an event is shown at: where it happened, or, when none of
/// those can be drawn, the first place that can.
pub fn event_dots<E: Borrow<EventSummary>>(events: &[E]) -> Vec<Dot> {
    let mut dots = Vec::new();
    for (i, e) in events.iter().enumerate() {
        let e: &EventSummary = e.borrow();
        let drawable: Vec<(bool, Dot)> = e
            .location
            .places
            .iter()
            .filter_map(|p| {
                let point = match mark(p).ok()? {
                    Mark::Pin(pt) => pt,
                    Mark::Area { centre, .. } => centre,
                };
                let occurred = matches!(p.role, Some(PlaceRole::OccurredIn));
                let name = if p.name.trim().is_empty() {
                    &e.location.label
                } else {
                    &p.name
                };
                Some((
                    occurred,
                    Dot {
                        event: i,
                        spot: Spot::new(name, p.country_code.as_deref()),
                        point,
                    },
                ))
            })
            .collect();
        let any_occurred = drawable.iter().any(|(o, _)| *o);
        dots.extend(
            drawable
                .into_iter()
                .filter(|(o, _)| *o || !any_occurred)
                .map(|(_, d)| d)
                .take(if any_occurred { usize::MAX } else { 1 }),
        );
    }
    dots
}

/// How much of the feed (of `total` events) the map draws: each event
/// counted once, whatever its number of places.
pub fn coverage<E: Borrow<EventSummary>>(events: &[E], total: Option<u64>) -> Coverage {
    let mut drawn: Vec<usize> = event_dots(events).iter().map(|d| d.event).collect();
    drawn.dedup();
    Coverage {
        drawn: drawn.len(),
        loaded: events.len(),
        total,
    }
}

/// Dots drawn as one: its events (each once, in feed order), the level
/// they all share, its words, and its boxes in the frame.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Stable across layouts and pages: its events' ids.
    pub key: String,
    /// Indices into the feed.
    pub events: Vec<usize>,
    /// Beside each of `events`: its places in this group ("Paris",
    /// "Madrid, Lisbon"), so a list can say which is where.
    pub places: Vec<String>,
    /// `None` when its events are at different levels.
    pub level: Option<ConfidenceLevel>,
    /// "3 events in France and Switzerland".
    pub name: String,
    /// Its name and level, for a screen reader.
    pub label: String,
    pub target: Rect,
    pub mark: Rect,
    /// The count's box, for more than one event.
    pub badge: Option<Rect>,
}

/// The feed's groups in a `frame` of CSS pixels showing the world view,
/// west to east; countries named by `country_name`.
pub fn groups<E: Borrow<EventSummary>>(
    events: &[E],
    frame: Frame,
    country_name: &dyn Fn(&str) -> Option<String>,
) -> Vec<Group> {
    let v = Viewport::world(VIEW_W, VIEW_H);
    let dots = event_dots(events);
    let pixels: Vec<(f64, f64)> = dots
        .iter()
        .map(|d| frame.from_view(VIEW_W, VIEW_H, v.project(d.point.lon, d.point.lat)))
        .collect();
    place(&pixels, frame, &SIZES)
        .into_iter()
        .map(|s| {
            let mut members: Vec<usize> = s.members.iter().map(|&m| dots[m].event).collect();
            members.dedup();
            let event = |m: usize| -> &EventSummary { events[m].borrow() };
            let levels: Vec<&ConfidenceLevel> = members
                .iter()
                .map(|&m| &event(m).confidence.level)
                .collect();
            let level = levels
                .iter()
                .all(|l| *l == levels[0])
                .then(|| levels[0].clone());
            let spots: Vec<Spot> = s.members.iter().map(|&m| dots[m].spot.clone()).collect();
            let name = group_name(members.len(), &where_words(&spots, country_name));
            let label = format!("{name}{}", level_words(&levels));
            let key = members
                .iter()
                .map(|&m| event(m).id.as_str())
                .collect::<Vec<_>>()
                .join("\u{1f}");
            let badge = (members.len() > 1).then(|| s.badge(members.len(), &SIZES));
            let places = members
                .iter()
                .map(|&m| {
                    let mut names: Vec<&str> = Vec::new();
                    for d in s.members.iter().map(|&d| &dots[d]).filter(|d| d.event == m) {
                        if !d.spot.place.is_empty() && !names.contains(&d.spot.place.as_str()) {
                            names.push(&d.spot.place);
                        }
                    }
                    names.join(", ")
                })
                .collect();
            Group {
                key,
                level,
                name,
                label,
                target: s.target,
                mark: s.mark,
                badge,
                places,
                events: members,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: &str, level: &str, places: serde_json::Value) -> EventSummary {
        serde_json::from_value(serde_json::json!({
            "id": id,
            "category": {"id": "c", "label": "C"},
            "summary": id,
            "location": {"label": "L", "places": places},
            "confidence": {"level": level, "independent_sources": 1},
        }))
        .unwrap()
    }

    fn feed() -> Vec<EventSummary> {
        vec![
            event(
                "paris",
                "likely",
                serde_json::json!([
                    {"name": "Paris", "role": "occurred_in", "precision": "city", "point": {"lat": 48.86, "lon": 2.35}},
                    {"name": "Ukraine", "role": "about", "precision": "country", "point": {"lat": 48.38, "lon": 31.17}}
                ]),
            ),
            event(
                "versailles",
                "verified",
                serde_json::json!([{"name": "Versailles", "role": "occurred_in", "point": {"lat": 48.8, "lon": 2.13}}]),
            ),
            event(
                "outage",
                "verified",
                serde_json::json!([
                    {"name": "United States", "role": "occurred_in", "precision": "country", "bbox": [-125.0, 24.4, -66.9, 49.4]},
                    {"name": "Australia", "role": "occurred_in", "precision": "country", "point": {"lat": -25.3, "lon": 133.8}},
                    {"name": "Austin", "role": "about", "point": {"lat": 30.27, "lon": -97.74}}
                ]),
            ),
            event(
                "nowhere",
                "unconfirmed",
                serde_json::json!([{"name": "?", "role": "occurred_in"}]),
            ),
            event(
                "about-only",
                "disputed",
                serde_json::json!([{"name": "Gaza Strip", "role": "about", "point": {"lat": 31.42, "lon": 34.38}}]),
            ),
        ]
    }

    fn names(code: &str) -> Option<String> {
        match code {
            "FR" => Some("France".into()),
            "CH" => Some("Switzerland".into()),
            _ => None,
        }
    }

    const DESKTOP: Frame = Frame {
        width: 736.0,
        height: 429.3,
    };

    #[test]
    fn events_show_where_they_happened() {
        let dots = event_dots(&feed());
        let names: Vec<(usize, &str)> = dots
            .iter()
            .map(|d| (d.event, d.spot.place.as_str()))
            .collect();
        assert_eq!(
            names,
            vec![
                (0, "Paris"),
                (1, "Versailles"),
                (2, "United States"),
                (2, "Australia"),
                (4, "Gaza Strip")
            ]
        );
    }

    #[test]
    fn close_events_group_with_a_count_and_far_ones_stay_apart() {
        let events = feed();
        let g = groups(&events, DESKTOP, &names);
        assert_eq!(g.len(), 4);
        // West to east: the United States, Paris, Gaza, Australia.
        assert_eq!(g[1].events, vec![0, 1]);
        assert_eq!(g[1].places, vec!["Paris", "Versailles"]);
        assert_eq!(g[1].level, None);
        assert_eq!(g[1].name, "2 events in Paris and Versailles");
        assert_eq!(
            g[1].label,
            "2 events in Paris and Versailles, several levels"
        );
        assert!(g[1].badge.is_some());
        assert_eq!(g[0].label, "1 event in United States, verified");
        assert_eq!(g[0].badge, None);
        assert_eq!(g[2].label, "1 event in Gaza Strip, disputed");
        assert_eq!(g[0].key, "outage");
        assert_eq!(g[1].key, "paris\u{1f}versailles");
        // A frame big enough parts Paris and Versailles.
        let big = Frame {
            width: 96000.0,
            height: 56000.0,
        };
        assert_eq!(groups(&events, big, &names).len(), 5);
    }

    #[test]
    fn a_group_is_named_by_what_it_holds() {
        // Issue 15, item 7: Geneva is not "near Paris".
        let at = |id: &str, name: &str, cc: &str, lat: f64, lon: f64| {
            event(
                id,
                "verified",
                serde_json::json!([{"name": name, "country_code": cc, "role": "occurred_in", "point": {"lat": lat, "lon": lon}}]),
            )
        };
        let e = vec![
            at("p", "Paris", "FR", 48.86, 2.35),
            at("v", "Versailles", "FR", 48.8, 2.13),
            at("g", "Geneva", "CH", 46.2, 6.14),
        ];
        let g = groups(&e, DESKTOP, &names);
        assert_eq!(g.len(), 1);
        assert_eq!(
            g[0].label,
            "3 events in France and Switzerland, all verified"
        );
        let two = groups(&e[2..], DESKTOP, &names);
        assert_eq!(two[0].label, "1 event in Geneva, Switzerland, verified");
    }

    #[test]
    fn an_event_in_one_group_twice_counts_once() {
        let e = vec![event(
            "twin",
            "likely",
            serde_json::json!([
                {"name": "A", "role": "occurred_in", "point": {"lat": 10.0, "lon": 10.0}},
                {"name": "B", "role": "occurred_in", "point": {"lat": 10.1, "lon": 10.1}}
            ]),
        )];
        let g = groups(&e, DESKTOP, &names);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].events, vec![0]);
        assert_eq!(g[0].name, "1 event in A and B");
        assert_eq!(g[0].places, vec!["A, B"]);
        assert_eq!(g[0].badge, None);
    }

    #[test]
    fn the_map_counts_events_not_places() {
        // Issue 15, item 6: the outage has two dots, "nowhere" none.
        let c = coverage(&feed(), Some(57));
        assert_eq!(c.drawn, 4);
        assert_eq!(c.loaded, 5);
        assert_eq!(c.total, Some(57));
        let far_apart = groups(&feed(), DESKTOP, &names);
        let dotted: usize = far_apart.iter().map(|g| g.events.len()).sum();
        assert_eq!(dotted, 5, "the outage shows twice on the map");
    }

    #[test]
    fn every_group_is_a_clear_target_inside_the_frame() {
        let phone = Frame {
            width: 286.0,
            height: 166.8,
        };
        for frame in [phone, DESKTOP] {
            let g = groups(&feed(), frame, &names);
            for (i, a) in g.iter().enumerate() {
                assert!(frame.rect().contains(&a.target));
                assert!(a.target.contains(&a.mark));
                assert!(a.badge.is_none_or(|b| a.target.contains(&b)));
                for b in &g[i + 1..] {
                    assert_eq!(a.target.overlap(&b.target), 0.0);
                }
            }
        }
    }
}
