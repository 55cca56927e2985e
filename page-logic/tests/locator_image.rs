//! Draws the locator's world image (`public/maps/world-locator.svg`) from the
//! basemap's merged land (no borders), once, ahead of time: a coarse outline
//! in the locator's view (`map::locator::view`), whole units, small islands
//! left out, so every card can share one image of a few kilobytes. It is a
//! build asset, not runtime code, so it lives here: the first test
//! regenerates it and checks it against the committed file.
//!
//! Land is a mid grey at half opacity, so it reads on the light and the dark
//! theme's water colour alike (the card paints the water behind it).

use std::fmt::Write;

use eventdesk_page_logic::map::locator::{view, FILE_NAME, HEIGHT, WIDTH};
use eventdesk_page_logic::map::svg::pixel_rings;
use eventdesk_page_logic::map::topo::Topology;

/// Points closer than this (in the image's units, a degree or so) merge.
const TOLERANCE: f64 = 1.2;

/// Rings smaller than this across, in the image's units, are left out.
const MIN_RING: f64 = 2.5;

/// The whole SVG document, from the topology's `land` object.
pub fn world_svg(basemap: &Topology) -> String {
    let v = view();
    let mut d = String::new();
    for c in basemap.countries("land") {
        for ring in pixel_rings(&c.polygons, &v, TOLERANCE) {
            write_ring(&mut d, &ring);
        }
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\">\
<!-- Natural Earth (public domain) via world-atlas; drawn by eventdesk-page-logic's tests/locator_image.rs. -->\
<path fill=\"#8a96a3\" fill-opacity=\".55\" d=\"{d}\"/></svg>\n"
    )
}

/// One ring in whole units, relative moves ("l3-2 1 4"), when it is big enough
/// and within the frame.
fn write_ring(out: &mut String, ring: &[(f64, f64)]) {
    let pts: Vec<(i64, i64)> = ring
        .iter()
        .map(|&(x, y)| (x.round() as i64, y.round() as i64))
        .fold(Vec::new(), |mut acc, p| {
            if acc.last() != Some(&p) {
                acc.push(p);
            }
            acc
        });
    // `z` closes the ring: no need to step back to its start.
    let pts = match pts.split_last() {
        Some((last, rest)) if rest.first() == Some(last) => rest,
        _ => &pts[..],
    };
    if pts.len() < 3 {
        return;
    }
    let (x1, y1, x2, y2) = pts.iter().fold(
        (i64::MAX, i64::MAX, i64::MIN, i64::MIN),
        |(a, b, c, d), &(x, y)| (a.min(x), b.min(y), c.max(x), d.max(y)),
    );
    let big = (x2 - x1).max(y2 - y1) as f64 >= MIN_RING;
    let seen = x2 > 0 && x1 < WIDTH as i64 && y2 > 0 && y1 < HEIGHT as i64;
    if !big || !seen {
        return;
    }
    let (mut px, mut py) = pts[0];
    let _ = write!(out, "M{px} {py}l");
    for (i, &(x, y)) in pts[1..].iter().enumerate() {
        let (dx, dy) = (x - px, y - py);
        // A minus sign separates numbers by itself.
        if i > 0 && dx >= 0 {
            out.push(' ');
        }
        let _ = write!(out, "{dx}");
        if dy >= 0 {
            out.push(' ');
        }
        let _ = write!(out, "{dy}");
        (px, py) = (x, y);
    }
    out.push('z');
}

fn basemap() -> Topology {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../public/maps/countries-110m.json"
    );
    Topology::from_json(&std::fs::read_to_string(path).expect("basemap file"))
        .expect("basemap decodes")
}

const COMMITTED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../public/maps/world-locator.svg"
);

/// The committed image is exactly what the basemap and this code draw.
/// After changing either, rewrite it with
/// `EVENTDESK_WRITE_LOCATOR=1 cargo test -p eventdesk-page-logic --test locator_image`.
#[test]
fn the_committed_image_is_up_to_date() {
    let fresh = world_svg(&basemap());
    if std::env::var_os("EVENTDESK_WRITE_LOCATOR").is_some() {
        std::fs::write(COMMITTED, &fresh).expect("write the locator image");
    }
    let committed = std::fs::read_to_string(COMMITTED).unwrap_or_default();
    assert!(
        committed == fresh,
        "public/maps/{} is out of date; rewrite it with \
         EVENTDESK_WRITE_LOCATOR=1 cargo test -p eventdesk-page-logic --test locator_image",
        FILE_NAME
    );
}

#[test]
fn the_image_is_small_and_shows_the_continents() {
    let svg = world_svg(&basemap());
    assert!(svg.len() < 24 * 1024, "{} bytes", svg.len());
    let rings = svg.matches('M').count();
    assert!((40..400).contains(&rings), "{rings} rings");
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 360 211\">"));
}

#[test]
fn rings_are_written_relative_in_whole_units() {
    let mut d = String::new();
    write_ring(
        &mut d,
        &[(10.2, 20.0), (13.0, 18.0), (14.0, 22.4), (10.0, 20.0)],
    );
    assert_eq!(d, "M10 20l3-2 1 4z");
    // Too small, or wholly outside the frame: left out.
    let mut none = String::new();
    write_ring(&mut none, &[(10.0, 10.0), (11.0, 10.0), (11.0, 11.0)]);
    write_ring(&mut none, &[(10.0, 215.0), (20.0, 215.0), (20.0, 219.0)]);
    assert_eq!(none, "");
}
