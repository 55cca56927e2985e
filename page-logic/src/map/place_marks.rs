//! What the event map draws for each place: a pin, a shaded area (a
//! country's shape or a box), or nothing with the reason; and the words
//! that name the map for screen readers.

use crate::map::geo::{bounds, place_extent, Viewport};
use eventdesk_model::{Place, PlacePrecision, PlaceRole, Point};

/// How a place is drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// A pin at a point (a city or an exact spot).
    Pin(Point),
    /// A shaded area: the country's shape from the basemap when `country` (ISO
    /// numeric) is found there, else `bbox`, else a disc round `centre`.
    Area {
        centre: Point,
        country: Option<&'static str>,
        bbox: Option<[f64; 4]>,
    },
}

/// Why a place is listed but not drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undrawn {
    NoCoordinates,
    OutOfRange,
}

impl Undrawn {
    pub fn reason(&self) -> &'static str {
        match self {
            Undrawn::NoCoordinates => "no coordinates",
            Undrawn::OutOfRange => "coordinates out of range",
        }
    }
}

/// The style family of a place's role: where it happened, what it concerns,
/// or another role the contract may add.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RoleStyle {
    Occurred,
    About,
    Other,
}

impl RoleStyle {
    pub fn of(role: Option<&PlaceRole>) -> RoleStyle {
        match role {
            Some(PlaceRole::OccurredIn) => RoleStyle::Occurred,
            Some(PlaceRole::About) => RoleStyle::About,
            _ => RoleStyle::Other,
        }
    }

    pub fn css(&self) -> &'static str {
        match self {
            RoleStyle::Occurred => "occurred",
            RoleStyle::About => "about",
            RoleStyle::Other => "other",
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            RoleStyle::Occurred => "Where it happened",
            RoleStyle::About => "What it concerns",
            RoleStyle::Other => "Other places",
        }
    }
}

/// A place's mark, or why it has none.
pub fn mark(place: &Place) -> Result<Mark, Undrawn> {
    let point = place.valid_point();
    let bbox = place.bbox();
    let bad_point = place.point.is_some() && point.is_none();
    let bad_bbox = place.bbox_raw.is_some() && bbox.is_none();
    let area = bbox.is_some()
        || matches!(
            place.precision,
            Some(PlacePrecision::Country | PlacePrecision::Region)
        );
    let centre = point.or_else(|| bbox.map(bbox_centre));
    match centre {
        None if bad_point || bad_bbox => Err(Undrawn::OutOfRange),
        None => Err(Undrawn::NoCoordinates),
        Some(c) if area => Ok(Mark::Area {
            centre: c,
            country: matches!(place.precision, Some(PlacePrecision::Country))
                .then(|| place.country_code.as_deref())
                .flatten()
                .and_then(|cc| crate::map::iso3166::numeric(cc.trim())),
            bbox,
        }),
        Some(c) => Ok(Mark::Pin(c)),
    }
}

/// The middle of a box, across the antimeridian when `w > e`.
pub fn bbox_centre([w, s, e, n]: [f64; 4]) -> Point {
    let e = if e < w { e + 360.0 } else { e };
    Point {
        lat: (s + n) / 2.0,
        lon: crate::map::geo::normalise_lon((w + e) / 2.0),
    }
}

/// The view that fits every drawable place, or `None` when none is.
pub fn fit(places: &[Place], width: f64, height: f64, padding: f64) -> Option<Viewport> {
    let pts: Vec<Point> = places
        .iter()
        .filter(|p| mark(p).is_ok())
        .flat_map(place_extent)
        .chain(
            // A place with a bbox but no point still has its centre.
            places.iter().filter_map(|p| match mark(p) {
                Ok(Mark::Area { centre, .. }) => Some(centre),
                _ => None,
            }),
        )
        .collect();
    bounds(&pts).map(|b| Viewport::fit(&b, width, height, padding))
}

/// "Map: Paris (where it happened), Ukraine (what it concerns)": the map's
/// accessible name, over the places it draws.
pub fn map_label(places: &[Place]) -> String {
    let named: Vec<String> = places
        .iter()
        .filter(|p| mark(p).is_ok())
        .map(|p| {
            let name = p.name.trim();
            let name = if name.is_empty() {
                "Unnamed place"
            } else {
                name
            };
            match RoleStyle::of(p.role.as_ref()) {
                RoleStyle::Other => match &p.role {
                    Some(r) => format!("{name} ({})", r.label().to_ascii_lowercase()),
                    None => name.to_owned(),
                },
                s => format!("{name} ({})", s.label().to_ascii_lowercase()),
            }
        })
        .collect();
    format!("Map: {}", named.join(", "))
}

/// The most columns a place's name takes on the map, however much room
/// it has; and the fewest it is cut to, however little.
pub const MAP_NAME_MAX: usize = 32;
pub const MAP_NAME_MIN: usize = 6;

/// An average character's width, in ems, of the map's bold sans-serif labels
/// (on the generous side, so a label that is cut fits).
const EM_PER_COLUMN: f64 = 0.62;

/// A place's name as its label on the map: trimmed, and cut with an ellipsis
/// (never inside a character as read) to fit `room` units of the drawing at
/// a font size of `font` units, within [`MAP_NAME_MIN`]..=[`MAP_NAME_MAX`]
/// columns. The legend and the page's place list keep the full name.
pub fn map_name(name: &str, room: f64, font: f64) -> String {
    let columns = room / (font * EM_PER_COLUMN);
    let columns = if columns.is_finite() {
        (columns.floor().max(0.0) as usize).clamp(MAP_NAME_MIN, MAP_NAME_MAX)
    } else {
        MAP_NAME_MAX
    };
    crate::text::truncate(name.trim(), columns).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(
        name: &str,
        role: &str,
        precision: &str,
        point: Option<(f64, f64)>,
        bbox: Option<Vec<f64>>,
    ) -> Place {
        Place {
            name: name.into(),
            country_code: Some("UA".into()),
            role: Some(PlaceRole::from(role.to_owned())),
            precision: Some(PlacePrecision::from(precision.to_owned())),
            point: point.map(|(lat, lon)| Point { lat, lon }),
            bbox_raw: bbox,
        }
    }

    fn paris() -> Place {
        place(
            "Paris",
            "occurred_in",
            "city",
            Some((48.8566, 2.3522)),
            None,
        )
    }

    fn ukraine() -> Place {
        place(
            "Ukraine",
            "about",
            "country",
            Some((48.38, 31.17)),
            Some(vec![22.14, 44.38, 40.23, 52.38]),
        )
    }

    #[test]
    fn cities_are_pins_and_countries_are_their_shapes() {
        assert!(matches!(mark(&paris()), Ok(Mark::Pin(_))));
        match mark(&ukraine()) {
            Ok(Mark::Area { country, bbox, .. }) => {
                assert_eq!(country, Some("804"));
                assert!(bbox.is_some());
            }
            other => panic!("{other:?}"),
        }
        let region = place(
            "Kherson Oblast",
            "about",
            "region",
            Some((46.6, 33.5)),
            None,
        );
        assert!(matches!(
            mark(&region),
            Ok(Mark::Area {
                country: None,
                bbox: None,
                ..
            })
        ));
        let city_box = place(
            "Kyiv",
            "about",
            "city",
            None,
            Some(vec![30.2, 50.2, 30.8, 50.6]),
        );
        match mark(&city_box) {
            Ok(Mark::Area { centre, .. }) => assert!((centre.lat - 50.4).abs() < 1e-9),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn places_without_good_coordinates_are_not_drawn() {
        let none = place("Somewhere", "occurred_in", "city", None, None);
        assert_eq!(mark(&none), Err(Undrawn::NoCoordinates));
        let far = place("Nowhere", "occurred_in", "city", Some((123.0, 500.0)), None);
        assert_eq!(mark(&far), Err(Undrawn::OutOfRange));
        let bad_box = place("Box", "about", "region", None, Some(vec![1.0, 2.0]));
        assert_eq!(mark(&bad_box), Err(Undrawn::OutOfRange));
        assert!(fit(&[none, far], 640.0, 360.0, 16.0).is_none());
    }

    #[test]
    fn the_view_fits_every_drawn_place() {
        let v = fit(&[paris(), ukraine()], 640.0, 360.0, 24.0).unwrap();
        for (lon, lat) in [
            (2.3, 48.9),
            (2.3522, 48.8566),
            (22.14, 44.38),
            (40.23, 52.38),
        ] {
            assert!(
                v.contains(crate::map::svg::near_px(&v, lon, lat)),
                "{lon},{lat}"
            );
        }
    }

    #[test]
    fn the_map_is_named_by_what_it_shows() {
        let nowhere = place("Atlantis", "about", "city", None, None);
        assert_eq!(
            map_label(&[paris(), ukraine(), nowhere]),
            "Map: Paris (where it happened), Ukraine (what it concerns)"
        );
    }

    #[test]
    fn long_names_are_cut_to_the_room_beside_their_mark() {
        assert_eq!(map_name("  Paris ", 300.0, 14.0), "Paris");
        let long = "Supercalifragilistic".repeat(500);
        // Plenty of room: the cap.
        let capped = map_name(&long, 10_000.0, 14.0);
        assert_eq!(capped.chars().count(), MAP_NAME_MAX);
        assert!(capped.ends_with('…'));
        // 180 units at 24-unit type: 12 columns.
        assert_eq!(map_name(&long, 180.0, 24.0), "Supercalifr…");
        // No room, or nonsense: the floor, or the cap.
        assert_eq!(map_name(&long, 0.0, 14.0), "Super…");
        assert_eq!(map_name(&long, -5.0, 14.0).chars().count(), MAP_NAME_MIN);
        assert_eq!(map_name(&long, 100.0, 0.0).chars().count(), MAP_NAME_MAX);
        // Multi-byte text is cut between characters as read.
        let rtl = "مؤتمر في باريس שלום mixed English";
        let cut = map_name(rtl, 100.0, 14.0);
        assert!(rtl.starts_with(cut.trim_end_matches('…')), "{cut}");
        assert_eq!(
            map_name(
                "Cafe\u{301} de la Paix, Place de l'Ope\u{301}ra",
                115.0,
                14.0
            ),
            "Cafe\u{301} de la P…"
        );
    }

    #[test]
    fn boxes_across_the_antimeridian_centre_on_it() {
        let c = bbox_centre([177.0, -21.0, -178.0, -12.0]);
        assert!((c.lon - 179.5).abs() < 1e-9, "{}", c.lon);
    }
}
