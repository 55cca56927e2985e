//! Where an event is: its location, the places in it, their roles and how
//! precisely each is known.

use serde::{Deserialize, Serialize};

use crate::labels::humanise;
use crate::open_enum;
use crate::wire::null_as_default;

open_enum! {
    /// `occurred_in`: where it happened; `about`: what it concerns.
    pub enum PlaceRole {
        OccurredIn => "occurred_in",
        About => "about",
    }
}

open_enum! {
    pub enum PlacePrecision {
        Point => "point",
        City => "city",
        Region => "region",
        Country => "country",
    }
}

impl PlaceRole {
    pub fn label(&self) -> String {
        match self {
            PlaceRole::OccurredIn => "Where it happened".into(),
            PlaceRole::About => "What it concerns".into(),
            PlaceRole::Other(s) => humanise(s),
        }
    }
}

impl PlacePrecision {
    pub fn label(&self) -> String {
        match self {
            PlacePrecision::Point => "Exact spot".into(),
            PlacePrecision::City => "City".into(),
            PlacePrecision::Region => "Region".into(),
            PlacePrecision::Country => "Country".into(),
            PlacePrecision::Other(s) => humanise(s),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub name: String,
    #[serde(default)]
    pub country_code: Option<String>,
    #[serde(default)]
    pub role: Option<PlaceRole>,
    #[serde(default)]
    pub precision: Option<PlacePrecision>,
    #[serde(default)]
    pub point: Option<Point>,
    /// `[west, south, east, north]` in degrees. Kept as sent; see [`Place::bbox`].
    #[serde(default, rename = "bbox")]
    pub bbox_raw: Option<Vec<f64>>,
}

impl Place {
    /// The bounding box when it has exactly four finite numbers in range.
    pub fn bbox(&self) -> Option<[f64; 4]> {
        match self.bbox_raw.as_deref() {
            Some(&[w, s, e, n])
                if [w, e].iter().all(|x| (-180.0..=180.0).contains(x))
                    && [s, n].iter().all(|y| (-90.0..=90.0).contains(y))
                    && s <= n =>
            {
                Some([w, s, e, n])
            }
            _ => None,
        }
    }

    /// The point when its coordinates are finite and in range.
    pub fn valid_point(&self) -> Option<Point> {
        self.point
            .filter(|p| (-90.0..=90.0).contains(&p.lat) && (-180.0..=180.0).contains(&p.lon))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub label: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub places: Vec<Place>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_roles_stay_readable() {
        assert_eq!(PlaceRole::from("passed_through").label(), "Passed through");
    }
}
