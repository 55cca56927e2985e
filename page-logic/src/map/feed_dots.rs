//! The feed map's dots: where each event of the feed goes on the world
//! view, grouped when close, with the words a screen reader says for each.

use std::borrow::Borrow;

use crate::map::geo::{cluster, Viewport};
use crate::map::place_marks::{mark, Mark};
use eventdesk_model::{ConfidenceLevel, EventSummary, PlaceRole, Point};

/// One event at one place.
#[derive(Debug, Clone, PartialEq)]
pub struct Dot {
    /// Index into the feed.
    pub event: usize,
    pub place: String,
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
                let name = p.name.trim();
                let place = if name.is_empty() {
                    e.location.label.trim()
                } else {
                    name
                };
                Some((
                    occurred,
                    Dot {
                        event: i,
                        place: place.to_owned(),
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

/// Dots drawn as one: a position in pixels, its events (each once, in feed
/// order), the place it is named after and the level all its events share.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub x: f64,
    pub y: f64,
    pub events: Vec<usize>,
    pub near: String,
    /// `None` when its events are at different levels.
    pub level: Option<ConfidenceLevel>,
}

/// The groups of the feed's dots in view `v`, merging dots within `radius` pixels.
pub fn groups<E: Borrow<EventSummary>>(events: &[E], v: &Viewport, radius: f64) -> Vec<Group> {
    let dots = event_dots(events);
    let pixels: Vec<(f64, f64)> = dots
        .iter()
        .map(|d| v.project(d.point.lon, d.point.lat))
        .collect();
    cluster(&pixels, radius)
        .into_iter()
        .map(|c| {
            let mut members: Vec<usize> = c.members.iter().map(|&m| dots[m].event).collect();
            members.sort_unstable();
            members.dedup();
            let level_of = |m: usize| &events[m].borrow().confidence.level;
            let first = level_of(members[0]);
            let level = members
                .iter()
                .all(|&m| level_of(m) == first)
                .then(|| first.clone());
            Group {
                x: c.x,
                y: c.y,
                near: dots[c.members[0]].place.clone(),
                events: members,
                level,
            }
        })
        .collect()
}

impl Group {
    /// "3 events near Paris", or "1 event near Paris, likely".
    pub fn label(&self) -> String {
        match (&self.level, self.events.len()) {
            (Some(level), 1) => format!(
                "1 event near {}, {}",
                self.near,
                level.label().to_ascii_lowercase()
            ),
            (_, n) => format!("{n} events near {}", self.near),
        }
    }

    /// A stable key for the view: the events it holds.
    pub fn key(&self) -> String {
        self.events
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join(",")
    }
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

    #[test]
    fn events_show_where_they_happened() {
        let dots = event_dots(&feed());
        let names: Vec<(usize, &str)> = dots.iter().map(|d| (d.event, d.place.as_str())).collect();
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
        let v = Viewport::world(960.0, 560.0);
        let g = groups(&events, &v, 24.0);
        assert_eq!(g.len(), 4);
        assert_eq!(g[0].events, vec![0, 1]);
        assert_eq!(g[0].level, None);
        assert_eq!(g[0].label(), "2 events near Paris");
        assert_eq!(g[1].label(), "1 event near United States, verified");
        assert_eq!(g[3].label(), "1 event near Gaza Strip, disputed");
        // Zoomed in, Paris and Versailles part.
        let big = Viewport::world(96000.0, 56000.0);
        assert_eq!(groups(&events, &big, 24.0).len(), 5);
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
        let g = groups(&e, &Viewport::world(960.0, 560.0), 24.0);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].events, vec![0]);
        assert_eq!(g[0].key(), "0");
    }
}
