//! The small locator map on event cards: where an event happened, as dots
//! placed in percent over one shared world image (`public/maps/world-locator.svg`,
//! drawn by `tests/locator_image.rs`) in the feed map's projection. A card
//! computes a few numbers; it never decodes the basemap or builds a drawing.

use crate::map::feed_dots::event_dots;
use crate::map::geo::{normalise_lon, Viewport};
use eventdesk_model::{EventSummary, Point};

/// The image's frame in its own units (its `viewBox`): the feed map's world
/// view (`Viewport::world`) at a smaller size, the same shape.
pub const WIDTH: f64 = 360.0;
pub const HEIGHT: f64 = 211.0;

/// The image's file name under `public/maps/`, served at `/maps/`.
pub const FILE_NAME: &str = "world-locator.svg";

/// At most this many dots on one card: the places where it happened.
pub const MAX_DOTS: usize = 3;

/// Dots closer than this, in percent of the width, are drawn once.
const SAME_SPOT: f64 = 2.0;

/// The view both the image and the dots use.
pub fn view() -> Viewport {
    Viewport::world(WIDTH, HEIGHT)
}

/// A dot's position in percent of the image's width and height (0 is the
/// left or top edge). Longitudes wrap (181° is −179°, the image's west edge);
/// latitudes beyond the image (the far north, Antarctica) stop at its edge.
pub fn percent(p: Point) -> (f64, f64) {
    let (x, y) = view().project(normalise_lon(p.lon), p.lat);
    let clamp = |v: f64| {
        if v.is_finite() {
            v.clamp(0.0, 100.0)
        } else {
            50.0
        }
    };
    (clamp(x / WIDTH * 100.0), clamp(y / HEIGHT * 100.0))
}

/// The dots an event's card shows: the places the feed map shows it at
/// (where it happened, else its first drawable place), at most [`MAX_DOTS`],
/// one per spot. Empty when no place has drawable coordinates: no locator.
pub fn card_dots(event: &EventSummary) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = Vec::new();
    for dot in event_dots(std::slice::from_ref(event)) {
        let at = percent(dot.point);
        let seen = out
            .iter()
            .any(|o| (o.0 - at.0).abs() < SAME_SPOT && (o.1 - at.1).abs() < SAME_SPOT);
        if !seen {
            out.push(at);
        }
        if out.len() == MAX_DOTS {
            break;
        }
    }
    out
}

/// `--x:50.7%;--y:39.5%`: a dot's place for the card's style attribute.
pub fn dot_style((x, y): (f64, f64)) -> String {
    format!("--x:{x:.1}%;--y:{y:.1}%")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lat: f64, lon: f64) -> (f64, f64) {
        percent(Point { lat, lon })
    }

    fn close(a: (f64, f64), b: (f64, f64)) -> bool {
        (a.0 - b.0).abs() < 0.05 && (a.1 - b.1).abs() < 0.05
    }

    /// The numbers tests/e2e/locator.spec.ts checks the Paris card's dot against.
    #[test]
    fn paris_lands_just_east_of_the_meridian_in_the_upper_half() {
        let paris = at(48.8566, 2.3522);
        assert!(close(paris, (50.65, 39.51)), "{paris:?}");
        assert_eq!(dot_style(paris), "--x:50.7%;--y:39.5%");
    }

    #[test]
    fn the_dots_agree_with_the_feed_map() {
        // The feed map draws the same world view at 960 × 560.
        let big = Viewport::world(960.0, 560.0);
        for (lat, lon) in [
            (48.8566, 2.3522),
            (35.68, 139.65),
            (-33.87, 151.21),
            (40.7, -74.0),
        ] {
            let (x, y) = big.project(lon, lat);
            let (px, py) = at(lat, lon);
            assert!(
                (x / 9.6 - px).abs() < 0.3,
                "{lat},{lon}: {px} vs {}",
                x / 9.6
            );
            assert!(
                (y / 5.6 - py).abs() < 0.6,
                "{lat},{lon}: {py} vs {}",
                y / 5.6
            );
        }
    }

    #[test]
    fn places_across_the_antimeridian_sit_at_the_edges() {
        // Fiji straddles 180°: its islands either side land at the two edges.
        let east = at(-17.7, 178.0);
        let west = at(-16.5, -179.9);
        assert!(east.0 > 98.0 && east.0 <= 100.0, "{east:?}");
        assert!(west.0 < 1.0 && west.0 >= 0.0, "{west:?}");
        assert!((east.1 - west.1).abs() < 1.0);
        // 180° and −180° are the same meridian; beyond it wraps round.
        assert!(close(at(0.0, 180.0), at(0.0, -180.0)));
        assert!(close(at(0.0, 190.0), at(0.0, -170.0)));
    }

    #[test]
    fn polar_and_broken_coordinates_stay_in_the_image() {
        assert_eq!(at(89.9, 10.0).1, 0.0, "the far north stops at the top");
        assert_eq!(at(90.0, 10.0).1, 0.0);
        assert_eq!(
            at(-77.85, 166.67).1,
            100.0,
            "Antarctica stops at the bottom"
        );
        assert_eq!(at(-90.0, 0.0).1, 100.0);
        for (lat, lon) in [
            (f64::NAN, 0.0),
            (0.0, f64::NAN),
            (f64::INFINITY, f64::NEG_INFINITY),
        ] {
            let (x, y) = at(lat, lon);
            assert!((0.0..=100.0).contains(&x) && (0.0..=100.0).contains(&y));
        }
        let svalbard = at(78.22, 15.65);
        assert!(svalbard.1 > 0.0 && svalbard.1 < 10.0, "{svalbard:?}");
    }

    fn event(places: serde_json::Value) -> EventSummary {
        serde_json::from_value(serde_json::json!({
            "id": "e",
            "category": {"id": "c", "label": "C"},
            "summary": "s",
            "location": {"label": "L", "places": places},
            "confidence": {"level": "likely", "independent_sources": 1},
        }))
        .unwrap()
    }

    #[test]
    fn a_card_shows_where_it_happened_once_per_spot() {
        let e = event(serde_json::json!([
            {"name": "Paris", "role": "occurred_in", "point": {"lat": 48.8566, "lon": 2.3522}},
            {"name": "Versailles", "role": "occurred_in", "point": {"lat": 48.80, "lon": 2.13}},
            {"name": "Ukraine", "role": "about", "precision": "country", "point": {"lat": 48.38, "lon": 31.17}},
            {"name": "Tokyo", "role": "occurred_in", "point": {"lat": 35.68, "lon": 139.65}}
        ]));
        let dots = card_dots(&e);
        assert_eq!(dots.len(), 2, "{dots:?}");
        assert!(close(dots[0], at(48.8566, 2.3522)));
        assert!(close(dots[1], at(35.68, 139.65)));
    }

    #[test]
    fn a_card_without_drawable_coordinates_has_no_locator() {
        let none = event(serde_json::json!([
            {"name": "Atlantis", "role": "occurred_in"},
            {"name": "Beyond the pole", "role": "occurred_in", "point": {"lat": 91.0, "lon": 200.0}},
            {"name": "Broken box", "role": "about", "bbox": [1, 2, 3]}
        ]));
        assert!(card_dots(&none).is_empty());
        assert!(card_dots(&event(serde_json::json!([]))).is_empty());
        // A place only "about" the event still locates it when it is all there is.
        let about = event(serde_json::json!([
            {"name": "Gaza Strip", "role": "about", "point": {"lat": 31.42, "lon": 34.38}}
        ]));
        assert_eq!(card_dots(&about).len(), 1);
    }

    #[test]
    fn a_card_shows_at_most_a_few_dots() {
        let many: Vec<_> = (0..50)
            .map(|i| {
                serde_json::json!({"name": format!("P{i}"), "role": "occurred_in",
                "point": {"lat": -60.0 + f64::from(i) * 2.5, "lon": -170.0 + f64::from(i) * 7.0}})
            })
            .collect();
        assert_eq!(
            card_dots(&event(serde_json::Value::Array(many))).len(),
            MAX_DOTS
        );
    }
}
