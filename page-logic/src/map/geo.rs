//! Map geometry for the offline maps: projection, fitting a view to a set of
//! places (antimeridian-aware), clustering nearby dots, and point-in-shape.
//! Pure functions over degrees and pixels; the app only draws the results.

use eventdesk_model::{Place, Point};

/// Latitudes beyond this are clamped so Mercator stays finite near the poles.
pub const MAX_LAT: f64 = 85.0;

/// The smallest span a view shows, in degrees of longitude: one city zooms to
/// a regional view, not to a street.
pub const MIN_SPAN_DEG: f64 = 12.0;

/// Web Mercator in "world units": x in [0, 1) left to right from -180°,
/// y in [0, 1] top to bottom. Longitudes outside ±180 are kept (continuous
/// across the antimeridian); latitudes are clamped to ±MAX_LAT.
pub fn mercator(lon: f64, lat: f64) -> (f64, f64) {
    let lat = if lat.is_finite() {
        lat.clamp(-MAX_LAT, MAX_LAT)
    } else {
        0.0
    };
    let lon = if lon.is_finite() { lon } else { 0.0 };
    let x = (lon + 180.0) / 360.0;
    let phi = lat.to_radians();
    let y =
        0.5 - ((std::f64::consts::FRAC_PI_4 + phi / 2.0).tan().ln()) / (2.0 * std::f64::consts::PI);
    (x, y)
}

/// Slack for rounding when deciding whether a longitude lies west of a view.
const WRAP_EPS: f64 = 1e-6;

/// A longitude interval that may cross the antimeridian: `west` is in
/// [-180, 180) and `east = west + span`, possibly beyond 180.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LonRange {
    pub west: f64,
    pub span: f64,
}

impl LonRange {
    /// Moves `lon` into this range's continuous frame (adds 360 when it lies
    /// past the antimeridian from `west`).
    pub fn unwrap(&self, lon: f64) -> f64 {
        if lon < self.west - WRAP_EPS {
            lon + 360.0
        } else {
            lon
        }
    }
}

/// The narrowest longitude range holding every longitude: the complement of
/// the widest gap between them on the circle. `None` for no longitudes.
pub fn lon_range(lons: &[f64]) -> Option<LonRange> {
    let mut l: Vec<f64> = lons
        .iter()
        .copied()
        .filter(|x| x.is_finite())
        .map(normalise_lon)
        .collect();
    if l.is_empty() {
        return None;
    }
    l.sort_by(|a, b| a.total_cmp(b));
    // The gap after the last, wrapping round to the first.
    let mut best_gap = l[0] + 360.0 - l[l.len() - 1];
    let mut west = l[0];
    for pair in l.windows(2) {
        let gap = pair[1] - pair[0];
        if gap > best_gap {
            best_gap = gap;
            west = pair[1];
        }
    }
    Some(LonRange {
        west,
        span: 360.0 - best_gap,
    })
}

/// Any longitude into [-180, 180).
pub fn normalise_lon(lon: f64) -> f64 {
    (lon + 180.0).rem_euclid(360.0) - 180.0
}

/// A geographic box: a longitude range and a latitude interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeoBox {
    pub lon: LonRange,
    pub south: f64,
    pub north: f64,
}

/// What a place contributes to a view: its point, and for areas its box
/// corners (a bbox `[w, s, e, n]` with `w > e` crosses the antimeridian).
pub fn place_extent(place: &Place) -> Vec<Point> {
    let mut pts = Vec::new();
    if let Some([w, s, e, n]) = place.bbox() {
        let e = if e < w { e + 360.0 } else { e };
        for lon in [w, (w + e) / 2.0, e] {
            pts.push(Point {
                lat: s,
                lon: normalise_lon(lon),
            });
            pts.push(Point {
                lat: n,
                lon: normalise_lon(lon),
            });
        }
    }
    pts.extend(place.valid_point());
    pts
}

/// The box holding every point, widened to at least `MIN_SPAN_DEG`.
pub fn bounds(points: &[Point]) -> Option<GeoBox> {
    let lon = lon_range(&points.iter().map(|p| p.lon).collect::<Vec<_>>())?;
    let lats = points.iter().map(|p| p.lat.clamp(-MAX_LAT, MAX_LAT));
    let south = lats.clone().fold(f64::INFINITY, f64::min);
    let north = lats.fold(f64::NEG_INFINITY, f64::max);
    let mut b = GeoBox { lon, south, north };
    if b.lon.span < MIN_SPAN_DEG {
        let grow = (MIN_SPAN_DEG - b.lon.span) / 2.0;
        b.lon = LonRange {
            west: b.lon.west - grow,
            span: MIN_SPAN_DEG,
        };
    }
    let min_lat_span = MIN_SPAN_DEG * 0.6;
    if b.north - b.south < min_lat_span {
        let mid = (b.north + b.south) / 2.0;
        b.south = (mid - min_lat_span / 2.0).max(-MAX_LAT);
        b.north = (mid + min_lat_span / 2.0).min(MAX_LAT);
    }
    Some(b)
}

/// Maps degrees to pixels in a `width` × `height` frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub width: f64,
    pub height: f64,
    /// Pixels per world unit.
    pub scale: f64,
    /// World-unit coordinates of the frame's top-left corner.
    pub x0: f64,
    pub y0: f64,
    /// Longitudes west of this are shifted by 360° (antimeridian views).
    pub west: f64,
}

impl Viewport {
    /// Fits `b` into the frame with `padding` pixels on every side, keeping
    /// the aspect ratio and centring the spare room.
    pub fn fit(b: &GeoBox, width: f64, height: f64, padding: f64) -> Viewport {
        let (x1, y1) = mercator(b.lon.west, b.north);
        let (x2, y2) = mercator(b.lon.west + b.lon.span, b.south);
        let (w, h) = ((x2 - x1).max(1e-9), (y2 - y1).max(1e-9));
        let inner_w = (width - 2.0 * padding).max(1.0);
        let inner_h = (height - 2.0 * padding).max(1.0);
        let scale = (inner_w / w).min(inner_h / h);
        let x0 = x1 - (width / scale - w) / 2.0;
        let y0 = y1 - (height / scale - h) / 2.0;
        Viewport {
            width,
            height,
            scale,
            x0,
            y0,
            west: b.lon.west,
        }
    }

    /// The whole world (to ±MAX_LAT… trimmed to 75°S), for the feed map.
    pub fn world(width: f64, height: f64) -> Viewport {
        let world = GeoBox {
            lon: LonRange {
                west: -180.0,
                span: 360.0,
            },
            south: -58.0,
            north: 80.0,
        };
        Viewport::fit(&world, width, height, 0.0)
    }

    /// Pixel position of a longitude/latitude.
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        let lon = if lon < self.west - WRAP_EPS {
            lon + 360.0
        } else {
            lon
        };
        let (x, y) = mercator(lon, lat);
        ((x - self.x0) * self.scale, (y - self.y0) * self.scale)
    }

    pub fn contains(&self, (x, y): (f64, f64)) -> bool {
        (0.0..=self.width).contains(&x) && (0.0..=self.height).contains(&y)
    }

    /// The OpenStreetMap zoom level that shows about the same area.
    pub fn osm_zoom(&self) -> u8 {
        let tiles = self.scale / 256.0;
        tiles.log2().round().clamp(1.0, 18.0) as u8
    }
}

/// "https://www.openstreetmap.org/?mlat=48.8566&mlon=2.3522#map=10/48.8566/2.3522"
pub fn osm_link(p: Point, zoom: u8) -> String {
    format!(
        "https://www.openstreetmap.org/?mlat={lat:.4}&mlon={lon:.4}#map={zoom}/{lat:.4}/{lon:.4}",
        lat = p.lat,
        lon = p.lon
    )
}

/// A zoom for a place's precision, for its OpenStreetMap link.
pub fn zoom_for(place: &Place) -> u8 {
    use eventdesk_model::PlacePrecision::*;
    match place.precision {
        Some(Point) => 15,
        Some(City) => 11,
        Some(Region) => 7,
        Some(Country) => 5,
        _ => 9,
    }
}

/// A group of nearby dots drawn as one.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Pixel centre (mean of members).
    pub x: f64,
    pub y: f64,
    /// Indices into the input, in input order.
    pub members: Vec<usize>,
}

/// Greedy clustering in pixel space: each dot joins the first cluster whose
/// centre is within `radius` pixels, else starts a new one. Deterministic for
/// a given input order.
pub fn cluster(points: &[(f64, f64)], radius: f64) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = Vec::new();
    for (i, &(x, y)) in points.iter().enumerate() {
        if !(x.is_finite() && y.is_finite()) {
            continue;
        }
        match out.iter_mut().find(|c| (c.x - x).hypot(c.y - y) <= radius) {
            Some(c) => {
                let n = c.members.len() as f64;
                c.x = (c.x * n + x) / (n + 1.0);
                c.y = (c.y * n + y) / (n + 1.0);
                c.members.push(i);
            }
            None => out.push(Cluster {
                x,
                y,
                members: vec![i],
            }),
        }
    }
    out
}

/// Even-odd point-in-polygon over `[lon, lat]` rings (outer ring and holes).
pub fn inside(point: Point, rings: &[Vec<[f64; 2]>]) -> bool {
    let (px, py) = (point.lon, point.lat);
    let mut odd = false;
    for ring in rings {
        let n = ring.len();
        for i in 0..n {
            let [xi, yi] = ring[i];
            let [xj, yj] = ring[(i + n - 1) % n];
            if (yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi {
                odd = !odd;
            }
        }
    }
    odd
}

#[cfg(test)]
mod tests {
    use super::*;
    use eventdesk_model::{PlacePrecision, PlaceRole};

    fn place(lat: f64, lon: f64, bbox: Option<[f64; 4]>) -> Place {
        Place {
            name: "p".into(),
            country_code: None,
            role: Some(PlaceRole::OccurredIn),
            precision: Some(PlacePrecision::City),
            point: Some(Point { lat, lon }),
            bbox_raw: bbox.map(|b| b.to_vec()),
        }
    }

    #[test]
    fn poles_stay_finite() {
        for lat in [90.0, -90.0, 89.999, f64::NAN, f64::INFINITY] {
            let (x, y) = mercator(10.0, lat);
            assert!(x.is_finite() && y.is_finite(), "{lat}");
            assert!((0.0..=1.0).contains(&y));
        }
    }

    #[test]
    fn antimeridian_boxes_do_not_span_the_globe() {
        // Fiji straddles 180°: 177°E to 178°W.
        let fiji = place(-17.7, 178.0, Some([177.0, -21.0, -178.0, -12.0]));
        let b = bounds(&place_extent(&fiji)).unwrap();
        assert!(b.lon.span < 20.0, "span {}", b.lon.span);
        // Chukotka: 158°E to 172°W.
        let chukotka = place(66.0, 172.0, Some([158.0, 61.0, -172.0, 71.0]));
        let b = bounds(&place_extent(&chukotka)).unwrap();
        assert!(b.lon.span < 40.0, "span {}", b.lon.span);
        let v = Viewport::fit(&b, 600.0, 300.0, 10.0);
        for lon in [159.0, 179.9, -179.9, -173.0] {
            assert!(v.contains(v.project(lon, 66.0)), "{lon} left the frame");
        }
    }

    #[test]
    fn one_city_zooms_to_a_region() {
        let paris = place(48.8566, 2.3522, None);
        let b = bounds(&place_extent(&paris)).unwrap();
        assert!(b.lon.span >= MIN_SPAN_DEG && b.lon.span < 20.0);
        let v = Viewport::fit(&b, 600.0, 300.0, 16.0);
        let (x, y) = v.project(2.3522, 48.8566);
        // Centred across; Mercator's stretch moves it a little down from the middle.
        assert!(
            (x - 300.0).abs() < 1.0 && (y - 150.0).abs() < 8.0,
            "{x},{y} not centred"
        );
        assert!((5..=8).contains(&v.osm_zoom()), "zoom {}", v.osm_zoom());
    }

    #[test]
    fn several_places_fit_with_padding() {
        let paris = place(48.8566, 2.3522, None);
        let ukraine = place(48.38, 31.17, Some([22.14, 44.38, 40.23, 52.38]));
        let mut pts = place_extent(&paris);
        pts.extend(place_extent(&ukraine));
        let v = Viewport::fit(&bounds(&pts).unwrap(), 600.0, 300.0, 20.0);
        for p in &pts {
            let (x, y) = v.project(p.lon, p.lat);
            assert!(
                (19.9..=580.1).contains(&x) && (19.9..=280.1).contains(&y),
                "{p:?} at {x},{y}"
            );
        }
    }

    #[test]
    fn clusters_close_dots_and_keeps_far_ones_apart() {
        let c = cluster(
            &[(10.0, 10.0), (12.0, 11.0), (200.0, 50.0), (f64::NAN, 1.0)],
            8.0,
        );
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].members, vec![0, 1]);
        assert_eq!(c[1].members, vec![2]);
    }

    #[test]
    fn a_point_lands_inside_its_country() {
        // France's mainland, coarsely.
        let france = vec![vec![
            [-4.8, 48.4],
            [-1.8, 49.7],
            [2.5, 51.1],
            [8.2, 49.0],
            [7.6, 43.8],
            [3.1, 42.4],
            [-1.8, 43.4],
            [-1.2, 46.1],
            [-4.8, 48.4],
        ]];
        assert!(inside(
            Point {
                lat: 48.8566,
                lon: 2.3522
            },
            &france
        ));
        assert!(
            !inside(
                Point {
                    lat: 51.5072,
                    lon: -0.1276
                },
                &france
            ),
            "London is not in France"
        );
    }

    #[test]
    fn osm_links_use_the_point() {
        assert_eq!(
            osm_link(
                Point {
                    lat: 48.8566,
                    lon: 2.3522
                },
                11
            ),
            "https://www.openstreetmap.org/?mlat=48.8566&mlon=2.3522#map=11/48.8566/2.3522"
        );
    }
}
