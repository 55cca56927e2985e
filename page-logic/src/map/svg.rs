//! Country shapes to SVG path data for one [`Viewport`]: each polygon is
//! placed on the copy of the world (−360°, 0, +360°) where it meets the frame
//! (so Chukotka sits beside Russia in a view across the antimeridian),
//! clipped to the frame plus a margin (no huge coordinates when zoomed in),
//! thinned to about a pixel (small at the world scale) and rounded.

use crate::map::geo::{mercator, Viewport};
use crate::map::topo::Polygon;
use std::fmt::Write;

/// Pixels kept around the frame when clipping, so borders on the edge and
/// stroke joins never show a seam.
pub const CLIP_MARGIN: f64 = 8.0;

/// Pixel position of a longitude/latitude taken as it is (no wrapping).
pub fn px(v: &Viewport, lon: f64, lat: f64) -> (f64, f64) {
    let (x, y) = mercator(lon, lat);
    ((x - v.x0) * v.scale, (y - v.y0) * v.scale)
}

/// Pixel position of a longitude/latitude on the copy of the world nearest
/// the frame's centre: a point just west of the view's edge stays there.
pub fn near_px(v: &Viewport, lon: f64, lat: f64) -> (f64, f64) {
    [0.0, 360.0, -360.0]
        .map(|shift| px(v, lon + shift, lat))
        .into_iter()
        .min_by(|a, b| {
            (a.0 - v.width / 2.0)
                .abs()
                .total_cmp(&(b.0 - v.width / 2.0).abs())
        })
        .unwrap_or((0.0, 0.0))
}

/// Path data for polygons (outer rings and holes; draw with
/// `fill-rule="evenodd"`). Polygons outside the frame are left out; `tolerance`
/// is the distance in pixels under which points are merged.
pub fn polygons_path(polygons: &[Polygon], v: &Viewport, tolerance: f64) -> String {
    let mut out = String::new();
    for ring in pixel_rings(polygons, v, tolerance) {
        write_ring(&mut out, &ring);
    }
    out
}

/// The rings [`polygons_path`] draws, in pixels: placed, clipped and thinned.
pub fn pixel_rings(polygons: &[Polygon], v: &Viewport, tolerance: f64) -> Vec<Vec<(f64, f64)>> {
    let mut out = Vec::new();
    for poly in polygons {
        let poly = continuous(poly);
        let Some(outer) = poly.first() else { continue };
        let (lo, hi) = lon_extent(outer);
        for shift in [0.0, 360.0, -360.0] {
            if !meets_frame(v, lo + shift, hi + shift, outer) {
                continue;
            }
            for ring in &poly {
                let pts: Vec<(f64, f64)> = ring
                    .iter()
                    .map(|[lon, lat]| px(v, lon + shift, *lat))
                    .collect();
                let clipped = clip(
                    &pts,
                    -CLIP_MARGIN,
                    -CLIP_MARGIN,
                    v.width + CLIP_MARGIN,
                    v.height + CLIP_MARGIN,
                );
                out.push(thin(&clipped, tolerance));
            }
        }
    }
    out
}

/// A `[west, south, east, north]` box as a polygon in continuous longitudes
/// (east beyond 180 when the box crosses the antimeridian).
pub fn bbox_polygon([w, s, e, n]: [f64; 4]) -> Polygon {
    let e = if e < w { e + 360.0 } else { e };
    vec![vec![[w, s], [e, s], [e, n], [w, n], [w, s]]]
}

/// The pixel box `(x, y, width, height)` of polygons in this view, over the
/// parts that meet the frame; `None` when nothing does.
pub fn pixel_box(polygons: &[Polygon], v: &Viewport) -> Option<(f64, f64, f64, f64)> {
    let (mut x1, mut y1, mut x2, mut y2) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for poly in polygons {
        let poly = continuous(poly);
        let Some(outer) = poly.first() else { continue };
        let (lo, hi) = lon_extent(outer);
        for shift in [0.0, 360.0, -360.0] {
            if !meets_frame(v, lo + shift, hi + shift, outer) {
                continue;
            }
            for [lon, lat] in outer {
                let (x, y) = px(v, lon + shift, *lat);
                (x1, y1, x2, y2) = (x1.min(x), y1.min(y), x2.max(x), y2.max(y));
            }
        }
    }
    (x1 <= x2).then_some((x1, y1, x2 - x1, y2 - y1))
}

/// A polygon without jumps across the antimeridian: a ring that steps from
/// 179° to −179° continues to 181° instead (Russia, Fiji in the basemap), and
/// holes follow their outer ring. A ring that circles a pole (Antarctica)
/// is kept as it is: its jump is the map's edge.
fn continuous(poly: &Polygon) -> Polygon {
    let mut out: Polygon = Vec::with_capacity(poly.len());
    for ring in poly {
        let mut r = Vec::with_capacity(ring.len());
        let mut shift = 0.0;
        let mut prev: Option<f64> = None;
        for &[lon, lat] in ring {
            if let Some(p) = prev {
                if lon - p > 180.0 {
                    shift -= 360.0;
                } else if p - lon > 180.0 {
                    shift += 360.0;
                }
            }
            prev = Some(lon);
            r.push([lon + shift, lat]);
        }
        if shift != 0.0 {
            // Circles a pole: the jump is its edge, not a crossing.
            r = ring.clone();
        }
        if let (Some(outer), Some(first)) = (out.first(), r.first()) {
            // A hole goes on the same copy of the world as its outer ring.
            let (lo, hi) = lon_extent(outer);
            let k = (((lo + hi) / 2.0 - first[0]) / 360.0).round() * 360.0;
            r.iter_mut().for_each(|p| p[0] += k);
        }
        out.push(r);
    }
    out
}

fn lon_extent(ring: &[[f64; 2]]) -> (f64, f64) {
    ring.iter().fold((f64::MAX, f64::MIN), |(lo, hi), [x, _]| {
        (lo.min(*x), hi.max(*x))
    })
}

fn meets_frame(v: &Viewport, lo: f64, hi: f64, ring: &[[f64; 2]]) -> bool {
    let (x1, _) = px(v, lo, 0.0);
    let (x2, _) = px(v, hi, 0.0);
    if x2 < -CLIP_MARGIN || x1 > v.width + CLIP_MARGIN {
        return false;
    }
    let (s, n) = ring.iter().fold((f64::MAX, f64::MIN), |(s, n), [_, y]| {
        (s.min(*y), n.max(*y))
    });
    let (_, top) = px(v, lo, n);
    let (_, bottom) = px(v, lo, s);
    bottom >= -CLIP_MARGIN && top <= v.height + CLIP_MARGIN
}

/// Sutherland–Hodgman against an axis-aligned rectangle.
fn clip(ring: &[(f64, f64)], x1: f64, y1: f64, x2: f64, y2: f64) -> Vec<(f64, f64)> {
    let mut pts = ring.to_vec();
    // Each edge: which coordinate (0 = x), which side is inside, and where.
    let edges = [(0, true, x1), (0, false, x2), (1, true, y1), (1, false, y2)];
    for (axis, above, at) in edges {
        let is_in = |p: (f64, f64)| {
            let c = if axis == 0 { p.0 } else { p.1 };
            if above {
                c >= at
            } else {
                c <= at
            }
        };
        let vertical = axis == 0;
        if pts.is_empty() {
            break;
        }
        let mut next = Vec::with_capacity(pts.len());
        let mut prev = pts[pts.len() - 1];
        for &cur in &pts {
            let (ci, pi) = (is_in(cur), is_in(prev));
            if ci != pi {
                next.push(cross(prev, cur, vertical, at));
            }
            if ci {
                next.push(cur);
            }
            prev = cur;
        }
        pts = next;
    }
    pts
}

fn cross(a: (f64, f64), b: (f64, f64), vertical: bool, at: f64) -> (f64, f64) {
    if vertical {
        let t = (at - a.0) / (b.0 - a.0);
        (at, a.1 + t * (b.1 - a.1))
    } else {
        let t = (at - a.1) / (b.1 - a.1);
        (a.0 + t * (b.0 - a.0), at)
    }
}

/// Drops points closer than `tolerance` to the last kept one, then those
/// within `tolerance` of the line through their neighbours (Douglas–Peucker).
fn thin(pts: &[(f64, f64)], tolerance: f64) -> Vec<(f64, f64)> {
    let mut near: Vec<(f64, f64)> = Vec::with_capacity(pts.len());
    for &p in pts {
        match near.last() {
            Some(&q) if (p.0 - q.0).hypot(p.1 - q.1) < tolerance => {}
            _ => near.push(p),
        }
    }
    if near.len() < 4 {
        return near;
    }
    let mut keep = vec![false; near.len()];
    let last = near.len() - 1;
    // A ring's ends meet: split it at the point farthest from its start.
    let far = (1..last)
        .max_by(|&a, &b| dist2(near[0], near[a]).total_cmp(&dist2(near[0], near[b])))
        .unwrap_or(last);
    (keep[0], keep[far], keep[last]) = (true, true, true);
    let mut stack = vec![(0, far), (far, last)];
    while let Some((a, b)) = stack.pop() {
        let (mut best, mut at) = (0.0, 0);
        for i in a + 1..b {
            let d = off_line(near[i], near[a], near[b]);
            if d > best {
                (best, at) = (d, i);
            }
        }
        if best > tolerance {
            keep[at] = true;
            stack.extend([(a, at), (at, b)]);
        }
    }
    near.into_iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(p))
        .collect()
}

fn dist2(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)
}

/// Distance from `p` to the segment `a`–`b`.
fn off_line(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let l2 = dist2(a, b);
    if l2 == 0.0 {
        return dist2(p, a).sqrt();
    }
    let t = (((p.0 - a.0) * (b.0 - a.0) + (p.1 - a.1) * (b.1 - a.1)) / l2).clamp(0.0, 1.0);
    dist2(p, (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1))).sqrt()
}

fn write_ring(out: &mut String, pts: &[(f64, f64)]) {
    if pts.len() < 3 {
        return;
    }
    for (i, (x, y)) in pts.iter().enumerate() {
        let cmd = if i == 0 { 'M' } else { 'L' };
        let _ = write!(out, "{cmd}{}", num(*x));
        let _ = write!(out, " {}", num(*y));
    }
    out.push('Z');
}

/// One decimal, without a trailing ".0" or a "-0".
fn num(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    let r = if r == 0.0 { 0.0 } else { r };
    format!("{r}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::geo::{bounds, place_extent, GeoBox, LonRange};
    use crate::map::topo::Country;
    use eventdesk_model::Point;

    use crate::map::topo::tests::world;

    fn country(all: &[Country], alpha2: &str) -> Country {
        let id = crate::map::iso3166::numeric(alpha2).unwrap();
        all.iter().find(|c| c.id == id).unwrap().clone()
    }

    fn coords(path: &str) -> Vec<(f64, f64)> {
        path.split(['M', 'L', 'Z'])
            .filter(|s| !s.is_empty())
            .map(|s| {
                let mut it = s.split(' ').map(|n| n.parse::<f64>().unwrap());
                (it.next().unwrap(), it.next().unwrap())
            })
            .collect()
    }

    fn view(w: f64, e: f64, s: f64, n: f64) -> Viewport {
        let b = GeoBox {
            lon: LonRange {
                west: w,
                span: if e < w { e + 360.0 - w } else { e - w },
            },
            south: s,
            north: n,
        };
        Viewport::fit(&b, 640.0, 360.0, 16.0)
    }

    #[test]
    fn shapes_near_the_view_are_drawn_and_clipped_far_ones_are_left_out() {
        let all = world();
        let v = view(-4.0, 8.0, 45.0, 52.0); // around Paris
        let france = polygons_path(&country(&all, "FR").polygons, &v, 0.5);
        assert!(france.starts_with('M') && france.ends_with('Z'));
        for (x, y) in coords(&france) {
            assert!(
                (-8.01..=648.01).contains(&x) && (-8.01..=368.01).contains(&y),
                "{x},{y}"
            );
        }
        assert_eq!(polygons_path(&country(&all, "AU").polygons, &v, 0.5), "");
        // Britain straddles the view's west edge: drawn where it is, not 360° away.
        let spain = coords(&polygons_path(&country(&all, "GB").polygons, &v, 0.5));
        assert!(!spain.is_empty());
        assert!(spain.iter().all(|(x, _)| *x < 400.0));
    }

    #[test]
    fn a_view_across_the_antimeridian_draws_both_sides() {
        let all = world();
        // Russia's box: 19.64°E to 169.05°W.
        let v = view(19.64, -169.05, 41.19, 81.86);
        let russia = coords(&polygons_path(&country(&all, "RU").polygons, &v, 0.5));
        let (_, x_chukotka) = (0.0, px(&v, 185.0, 66.0).0);
        assert!(
            russia.iter().any(|(x, _)| (x - x_chukotka).abs() < 20.0),
            "Chukotka east of 180° is drawn"
        );
        let fiji = view(175.0, -178.0, -21.0, -12.0);
        let fj = coords(&polygons_path(&country(&all, "FJ").polygons, &fiji, 0.5));
        assert!(fj.iter().any(|(x, _)| *x > 320.0) && fj.iter().any(|(x, _)| *x < 320.0));
    }

    #[test]
    fn no_edge_runs_across_the_whole_frame() {
        let all = world();
        let v = Viewport::world(960.0, 560.0);
        for c in &all {
            let path = polygons_path(&c.polygons, &v, 0.8);
            for ring in path.split('Z').filter(|r| !r.is_empty()) {
                let pts = coords(&format!("{ring}Z"));
                for w in pts.windows(2) {
                    let dx = w[1].0 - w[0].0;
                    // Only a clipped seam on the frame's edge, or Antarctica's
                    // cut round the pole, may be that long.
                    let on_edge = [w[0].0, w[1].0].iter().all(|x| *x <= -7.9 || *x >= 967.9);
                    assert!(
                        dx.abs() < 400.0 || on_edge || c.id == "010",
                        "{} jumps {dx}",
                        c.name
                    );
                }
            }
        }
    }

    #[test]
    fn the_world_view_is_thinned() {
        let all = world();
        let v = Viewport::world(960.0, 560.0);
        let raw: usize = all
            .iter()
            .flat_map(|c| c.polygons.iter().flatten())
            .map(Vec::len)
            .sum();
        let drawn: usize = all
            .iter()
            .map(|c| coords(&polygons_path(&c.polygons, &v, 0.8)).len())
            .sum();
        assert!(drawn * 3 < raw * 2, "{drawn} of {raw} points");
        assert!(drawn > 1000);
    }

    #[test]
    fn a_box_across_the_antimeridian_stays_narrow() {
        let fiji = [bbox_polygon([177.0, -21.0, -178.0, -12.0])];
        let p = eventdesk_model::Place {
            name: "Fiji".into(),
            country_code: Some("FJ".into()),
            role: None,
            precision: None,
            point: Some(Point {
                lat: -17.7,
                lon: 178.0,
            }),
            bbox_raw: Some(vec![177.0, -21.0, -178.0, -12.0]),
        };
        let v = Viewport::fit(&bounds(&place_extent(&p)).unwrap(), 640.0, 360.0, 16.0);
        let (x, _, w, h) = pixel_box(&fiji, &v).unwrap();
        assert!(
            x > 0.0 && x + w < 640.0 && w > 100.0 && h > 100.0,
            "{x} {w} {h}"
        );
        assert!(!polygons_path(&fiji, &v, 0.5).is_empty());
    }

    #[test]
    fn clipping_keeps_the_inside_and_cuts_the_rest() {
        let square = [(-50.0, -50.0), (50.0, -50.0), (50.0, 50.0), (-50.0, 50.0)];
        let c = clip(&square, 0.0, 0.0, 10.0, 10.0);
        assert!(c
            .iter()
            .all(|(x, y)| (0.0..=10.0).contains(x) && (0.0..=10.0).contains(y)));
        assert_eq!(c.len(), 4);
        assert!(clip(&square, 100.0, 100.0, 110.0, 110.0).is_empty());
        assert_eq!(num(-0.04), "0");
        assert_eq!(num(12.345), "12.3");
    }
}
