//! Reads the basemap: a TopoJSON topology (world-atlas, from Natural Earth)
//! decoded into polygons of `[lon, lat]` rings.

use serde::Deserialize;
use std::collections::HashMap;

/// A polygon: its outer ring, then its holes.
pub type Polygon = Vec<Vec<[f64; 2]>>;

#[derive(Debug, Deserialize)]
pub struct Topology {
    #[serde(default)]
    transform: Option<Transform>,
    arcs: Vec<Vec<[f64; 2]>>,
    objects: HashMap<String, GeometryCollection>,
}

#[derive(Debug, Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Debug, Deserialize)]
struct GeometryCollection {
    #[serde(default)]
    geometries: Vec<Geometry>,
}

#[derive(Debug, Deserialize)]
#[serde(tag = "type")]
enum Shape {
    Polygon {
        arcs: Vec<Vec<i64>>,
    },
    MultiPolygon {
        arcs: Vec<Vec<Vec<i64>>>,
    },
    #[serde(other)]
    Unsupported,
}

#[derive(Debug, Deserialize)]
struct Geometry {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    properties: Option<Properties>,
    #[serde(flatten)]
    shape: Shape,
}

#[derive(Debug, Default, Deserialize)]
struct Properties {
    #[serde(default)]
    name: Option<String>,
}

/// One country of the basemap.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166-1 numeric, as world-atlas names it ("250"); empty when it has none.
    pub id: String,
    pub name: String,
    pub polygons: Vec<Polygon>,
}

impl Topology {
    pub fn from_json(text: &str) -> Result<Topology, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// An arc in degrees, undoing the quantisation's delta encoding.
    fn arc(&self, index: i64) -> Vec<[f64; 2]> {
        let (i, reversed) = if index < 0 {
            ((!index) as usize, true)
        } else {
            (index as usize, false)
        };
        let Some(raw) = self.arcs.get(i) else {
            return Vec::new();
        };
        let mut pts: Vec<[f64; 2]> = match &self.transform {
            Some(t) => {
                let (mut x, mut y) = (0.0, 0.0);
                raw.iter()
                    .map(|[dx, dy]| {
                        x += dx;
                        y += dy;
                        [
                            x * t.scale[0] + t.translate[0],
                            y * t.scale[1] + t.translate[1],
                        ]
                    })
                    .collect()
            }
            None => raw.clone(),
        };
        if reversed {
            pts.reverse();
        }
        pts
    }

    fn ring(&self, arcs: &[i64]) -> Vec<[f64; 2]> {
        let mut ring: Vec<[f64; 2]> = Vec::new();
        for &a in arcs {
            let pts = self.arc(a);
            let skip = usize::from(!ring.is_empty());
            ring.extend(pts.into_iter().skip(skip));
        }
        ring
    }

    /// Every geometry of the object `name` ("countries"), decoded.
    pub fn countries(&self, name: &str) -> Vec<Country> {
        let Some(collection) = self.objects.get(name) else {
            return Vec::new();
        };
        collection
            .geometries
            .iter()
            .map(|g| {
                let polygons: Vec<Polygon> = match &g.shape {
                    Shape::Polygon { arcs } => vec![arcs.iter().map(|r| self.ring(r)).collect()],
                    Shape::MultiPolygon { arcs } => arcs
                        .iter()
                        .map(|p| p.iter().map(|r| self.ring(r)).collect())
                        .collect(),
                    Shape::Unsupported => Vec::new(),
                };
                Country {
                    id: g.id.clone().unwrap_or_default(),
                    name: g
                        .properties
                        .as_ref()
                        .and_then(|p| p.name.clone())
                        .unwrap_or_default(),
                    polygons,
                }
            })
            .collect()
    }
}

impl Country {
    pub fn contains(&self, p: eventdesk_model::Point) -> bool {
        self.polygons
            .iter()
            .any(|poly| crate::map::geo::inside(p, poly))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use eventdesk_model::Point;

    /// The shipped basemap, decoded: shared by the model's map tests.
    pub(crate) fn world() -> Vec<Country> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../public/maps/countries-110m.json"
        );
        let text = std::fs::read_to_string(path).expect("basemap file");
        Topology::from_json(&text)
            .expect("basemap decodes")
            .countries("countries")
    }

    fn country<'a>(all: &'a [Country], alpha2: &str) -> &'a Country {
        let id = crate::map::iso3166::numeric(alpha2).expect("known code");
        all.iter().find(|c| c.id == id).expect("in the basemap")
    }

    #[test]
    fn points_land_inside_their_countries() {
        let all = world();
        assert!(all.len() > 170);
        let cases = [
            ("FR", 48.8566, 2.3522),  // Paris
            ("UA", 50.4501, 30.5234), // Kyiv
            ("JP", 35.6762, 139.6503),
            ("BR", -15.7939, -47.8828),
            ("ZA", -25.7479, 28.2293),
            ("AU", -35.2809, 149.13),
            ("US", 38.9072, -77.0369),
        ];
        for (cc, lat, lon) in cases {
            let p = Point { lat, lon };
            assert!(country(&all, cc).contains(p), "{cc}");
            let others: Vec<_> = all
                .iter()
                .filter(|c| c.contains(p))
                .map(|c| c.name.as_str())
                .collect();
            assert_eq!(others.len(), 1, "{cc} is in {others:?}");
        }
    }

    #[test]
    fn rings_are_closed_and_in_range() {
        for c in world() {
            for ring in c.polygons.iter().flatten() {
                assert!(ring.len() >= 4, "{}", c.name);
                assert_eq!(ring.first(), ring.last(), "{} ring not closed", c.name);
                assert!(
                    ring.iter()
                        .all(|[x, y]| x.abs() <= 180.0 + 1e-6 && y.abs() <= 90.0),
                    "{}",
                    c.name
                );
            }
        }
    }

    #[test]
    fn bad_input_is_an_error_or_empty_not_a_panic() {
        assert!(Topology::from_json("{").is_err());
        let t = Topology::from_json(r#"{"arcs":[],"objects":{"countries":{"geometries":[{"type":"Polygon","arcs":[[5,-9]]},{"type":"Point"}]}}}"#).unwrap();
        let c = t.countries("countries");
        assert_eq!(c.len(), 2);
        assert!(t.countries("land").is_empty());
    }
}
