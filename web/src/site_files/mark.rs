//! The site mark, `public/favicon.svg`, drawn as a PNG at any size: a navy
//! rounded square (`#1f3a5f`, corner radius 6 of 32) with a white "E". The
//! favicon and the manifest's icons are made from it, so every icon a
//! browser shows is the same drawing as the SVG.

use tiny_skia::{Color, FillRule, Paint, PathBuilder, Pixmap, Transform};

/// The mark's background, the SVG's `fill="#1f3a5f"`.
pub const NAVY: [u8; 3] = [0x1f, 0x3a, 0x5f];

/// The SVG's own frame: a 32×32 view box.
const FRAME: f32 = 32.0;
const CORNER: f32 = 6.0;

/// The "E" of the SVG (`M9 8h14v3H13v4h8v3h-8v4h10v3H9z`), in its frame.
const LETTER: [(f32, f32); 12] = [
    (9.0, 8.0),
    (23.0, 8.0),
    (23.0, 11.0),
    (13.0, 11.0),
    (13.0, 15.0),
    (21.0, 15.0),
    (21.0, 18.0),
    (13.0, 18.0),
    (13.0, 22.0),
    (23.0, 22.0),
    (23.0, 25.0),
    (9.0, 25.0),
];

/// The largest mark drawn; larger requests get this size.
pub const MAX_SIZE: u32 = 1024;

/// The mark as a `size`×`size` PNG (`size` kept within 1..=[`MAX_SIZE`]).
///
/// `maskable: false` is the favicon: the rounded square, its corners clear.
/// `maskable: true` is for launchers that cut icons to their own shape
/// (circle, squircle): the background fills the whole square and the E is
/// scaled to 80 % about the centre, so it stays inside the safe zone (the
/// central circle of 40 % radius) whatever the shape.
pub fn mark_png(size: u32, maskable: bool) -> Vec<u8> {
    mark(size, maskable)
        .encode_png()
        .expect("a PNG of an allocated pixmap encodes into memory")
}

fn mark(size: u32, maskable: bool) -> Pixmap {
    let size = size.clamp(1, MAX_SIZE);
    let mut canvas = Pixmap::new(size, size).expect("1..=1024 px is a valid pixmap size");
    let scale = size as f32 / FRAME;
    let to_canvas = Transform::from_scale(scale, scale);

    let mut paint = Paint {
        anti_alias: true,
        ..Paint::default()
    };
    paint.set_color(Color::from_rgba8(NAVY[0], NAVY[1], NAVY[2], 0xff));
    if maskable {
        canvas.fill(Color::from_rgba8(NAVY[0], NAVY[1], NAVY[2], 0xff));
    } else if let Some(square) = rounded_square(FRAME, CORNER) {
        canvas.fill_path(&square, &paint, FillRule::Winding, to_canvas, None);
    }

    let letter_transform = if maskable {
        // 80 % about the centre of the frame.
        let centre = FRAME / 2.0;
        Transform::from_translate(centre, centre)
            .pre_scale(0.8, 0.8)
            .pre_translate(-centre, -centre)
            .post_scale(scale, scale)
    } else {
        to_canvas
    };
    paint.set_color(Color::WHITE);
    if let Some(letter) = letter() {
        canvas.fill_path(&letter, &paint, FillRule::Winding, letter_transform, None);
    }
    canvas
}

fn letter() -> Option<tiny_skia::Path> {
    let mut pb = PathBuilder::new();
    let (first, rest) = LETTER.split_first()?;
    pb.move_to(first.0, first.1);
    for &(x, y) in rest {
        pb.line_to(x, y);
    }
    pb.close();
    pb.finish()
}

/// A `side`×`side` square at the origin with circular corners of radius `r`
/// (cubic arcs with the usual 0.5523 handle).
fn rounded_square(side: f32, r: f32) -> Option<tiny_skia::Path> {
    let k = 0.5523 * r;
    let s = side;
    let mut pb = PathBuilder::new();
    pb.move_to(r, 0.0);
    pb.line_to(s - r, 0.0);
    pb.cubic_to(s - r + k, 0.0, s, r - k, s, r);
    pb.line_to(s, s - r);
    pb.cubic_to(s, s - r + k, s - r + k, s, s - r, s);
    pb.line_to(r, s);
    pb.cubic_to(r - k, s, 0.0, s - r + k, 0.0, s - r);
    pb.line_to(0.0, r);
    pb.cubic_to(0.0, r - k, r - k, 0.0, r, 0.0);
    pb.close();
    pb.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The colour at a point given in the SVG's 32×32 frame.
    fn at(size: u32, maskable: bool, x: f32, y: f32) -> [u8; 4] {
        let canvas = mark(size, maskable);
        let s = size as f32 / FRAME;
        let px = canvas
            .pixel((x * s) as u32, (y * s) as u32)
            .expect("inside the canvas")
            .demultiply();
        [px.red(), px.green(), px.blue(), px.alpha()]
    }

    const OPAQUE_NAVY: [u8; 4] = [NAVY[0], NAVY[1], NAVY[2], 0xff];
    const WHITE: [u8; 4] = [0xff, 0xff, 0xff, 0xff];

    #[test]
    fn the_png_has_the_size_asked_for() {
        for (size, maskable) in [(16, false), (48, false), (192, true), (512, true)] {
            let png = mark_png(size, maskable);
            let decoder = png::Decoder::new(png.as_slice());
            let reader = decoder.read_info().expect("a PNG");
            assert_eq!((reader.info().width, reader.info().height), (size, size));
        }
    }

    #[test]
    fn sizes_out_of_range_are_kept_in_range() {
        assert_eq!(mark(0, false).width(), 1);
        assert_eq!(mark(100_000, true).width(), MAX_SIZE);
    }

    #[test]
    fn the_favicon_is_a_navy_rounded_square_with_a_white_e() {
        // Beside the E, on the background.
        assert_eq!(at(64, false, 4.0, 16.0), OPAQUE_NAVY);
        // The E's upright and its top bar.
        assert_eq!(at(64, false, 10.5, 16.5), WHITE);
        assert_eq!(at(64, false, 20.0, 9.5), WHITE);
        // Between the arms, the background again.
        assert_eq!(at(64, false, 18.0, 13.0), OPAQUE_NAVY);
        // The corner is cut round: clear.
        assert_eq!(at(64, false, 0.0, 0.0)[3], 0);
    }

    #[test]
    fn the_maskable_icon_bleeds_to_the_edge_with_the_e_in_the_safe_zone() {
        assert_eq!(at(192, true, 0.0, 0.0), OPAQUE_NAVY);
        assert_eq!(at(192, true, 31.9, 31.9), OPAQUE_NAVY);
        // The upright, scaled to 80 % about the centre: x 9..13 → 10.4..13.6.
        assert_eq!(at(192, true, 12.0, 16.0), WHITE);
        // Every white pixel lies within the safe zone's circle (40 % radius).
        let canvas = mark(192, true);
        let centre = 96.0;
        for y in 0..192 {
            for x in 0..192 {
                let px = canvas.pixel(x, y).expect("inside").demultiply();
                if px.red() > NAVY[0] {
                    let d = ((x as f32 + 0.5 - centre).powi(2) + (y as f32 + 0.5 - centre).powi(2))
                        .sqrt();
                    assert!(
                        d <= 0.4 * 192.0,
                        "white at ({x}, {y}), {d} px from the centre"
                    );
                }
            }
        }
    }
}
