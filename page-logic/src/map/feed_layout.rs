//! Where the feed map's dots go in its frame as rendered, in CSS pixels:
//! each dot is a tap target of at least [`Sizes::target`] square, wholly
//! inside the frame and never overlapping another's, so no mark or count
//! can cover another. Dots whose targets would overlap are merged; a mark
//! stays at its place (only pulled in from the frame's edge), and its count
//! sits at the mark's corner that leaves most of the mark in view.

/// The sizes of a dot, in CSS pixels (style/map.css draws them).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sizes {
    /// The tap target's side.
    pub target: f64,
    /// The visible mark's side.
    pub mark: f64,
    /// The count's height, and its width for one digit.
    pub badge_height: f64,
    /// Width a digit adds, and the count's padding either side together.
    pub badge_digit: f64,
    pub badge_padding: f64,
}

/// The sizes style/map.css gives `.feed-dot`, `.feed-dot__shape` and `.feed-dot__count`.
pub const SIZES: Sizes = Sizes {
    target: 44.0,
    mark: 24.0,
    badge_height: 18.0,
    badge_digit: 7.0,
    badge_padding: 8.0,
};

impl Sizes {
    /// The width of the count `n` (the app sets it, so the text fits).
    pub fn badge_width(&self, n: usize) -> f64 {
        let digits = n.to_string().len() as f64;
        (digits * self.badge_digit + self.badge_padding).max(self.badge_height)
    }
}

/// An axis-aligned box in CSS pixels from the frame's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    /// A `width` × `height` box centred on `(x, y)`.
    pub fn around((x, y): (f64, f64), width: f64, height: f64) -> Rect {
        Rect {
            left: x - width / 2.0,
            top: y - height / 2.0,
            width,
            height,
        }
    }

    pub fn right(&self) -> f64 {
        self.left + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.top + self.height
    }

    pub fn centre(&self) -> (f64, f64) {
        (self.left + self.width / 2.0, self.top + self.height / 2.0)
    }

    /// The area both boxes cover (0 when they only touch).
    pub fn overlap(&self, o: &Rect) -> f64 {
        let w = self.right().min(o.right()) - self.left.max(o.left);
        let h = self.bottom().min(o.bottom()) - self.top.max(o.top);
        if w > 0.0 && h > 0.0 {
            w * h
        } else {
            0.0
        }
    }

    /// Whether `o` lies wholly inside (within a rounding error).
    pub fn contains(&self, o: &Rect) -> bool {
        const EPS: f64 = 1e-6;
        o.left >= self.left - EPS
            && o.top >= self.top - EPS
            && o.right() <= self.right() + EPS
            && o.bottom() <= self.bottom() + EPS
    }

    /// This box moved the least that puts it inside `outer` (centred in it
    /// on an axis where it is the larger).
    pub fn moved_into(&self, outer: &Rect) -> Rect {
        let fit = |start: f64, len: f64, o_start: f64, o_len: f64| {
            if len >= o_len {
                o_start + (o_len - len) / 2.0
            } else {
                start.clamp(o_start, o_start + o_len - len)
            }
        };
        Rect {
            left: fit(self.left, self.width, outer.left, outer.width),
            top: fit(self.top, self.height, outer.top, outer.height),
            ..*self
        }
    }
}

/// The frame the dots are placed in: its inner size in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
}

impl Frame {
    pub fn rect(&self) -> Rect {
        Rect {
            left: 0.0,
            top: 0.0,
            width: self.width,
            height: self.height,
        }
    }

    /// Where the point `(x, y)` of a `view_w` × `view_h` SVG viewBox falls
    /// when the SVG fills this frame (SVG's default, `xMidYMid meet`).
    pub fn from_view(&self, view_w: f64, view_h: f64, (x, y): (f64, f64)) -> (f64, f64) {
        let s = (self.width / view_w).min(self.height / view_h);
        let ox = (self.width - view_w * s) / 2.0;
        let oy = (self.height - view_h * s) / 2.0;
        (ox + x * s, oy + y * s)
    }
}

/// Dots drawn as one: the input points it holds, and its boxes.
#[derive(Debug, Clone, PartialEq)]
pub struct Spot {
    /// Indices into the input points, ascending.
    pub members: Vec<usize>,
    /// The mean of its points: where it is on the map.
    pub at: (f64, f64),
    /// The tap target, inside the frame.
    pub target: Rect,
    /// The visible mark, inside the target.
    pub mark: Rect,
}

impl Spot {
    /// The count's box for `n` events: at a corner of the mark, inside the
    /// target, at the corner that hides least of the mark (top right first).
    pub fn badge(&self, n: usize, sizes: &Sizes) -> Rect {
        let (w, h) = (sizes.badge_width(n), sizes.badge_height);
        let (mx, my) = self.mark.centre();
        let (dx, dy) = (sizes.mark / 2.0 + 2.0, sizes.mark / 2.0);
        let corners = [(1.0, -1.0), (-1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)];
        let mut best: Option<(f64, Rect)> = None;
        for (sx, sy) in corners {
            let r = Rect::around((mx + sx * dx, my + sy * dy), w, h).moved_into(&self.target);
            let hidden = r.overlap(&self.mark);
            if best.is_none_or(|(b, _)| hidden < b - 1e-9) {
                best = Some((hidden, r));
            }
        }
        best.map_or(self.target, |(_, r)| r)
    }
}

/// Places `points` (CSS pixels in `frame`; points that are not finite are
/// left out) as spots whose targets are inside the frame and apart, merging
/// those that would overlap, nearest first. In order west to east (then
/// north to south).
pub fn place(points: &[(f64, f64)], frame: Frame, sizes: &Sizes) -> Vec<Spot> {
    // (sum x, sum y, members): points at the same pixel start as one.
    let mut groups: Vec<(f64, f64, Vec<usize>)> = Vec::new();
    for (i, &(x, y)) in points.iter().enumerate() {
        if !(x.is_finite() && y.is_finite()) {
            continue;
        }
        match groups.iter_mut().find(|(sx, sy, m)| {
            let n = m.len() as f64;
            (sx / n - x).abs() < 0.5 && (sy / n - y).abs() < 0.5
        }) {
            Some((sx, sy, m)) => {
                *sx += x;
                *sy += y;
                m.push(i);
            }
            None => groups.push((x, y, vec![i])),
        }
    }
    let target_at = |g: &(f64, f64, Vec<usize>)| {
        let n = g.2.len() as f64;
        Rect::around((g.0 / n, g.1 / n), sizes.target, sizes.target).moved_into(&frame.rect())
    };
    loop {
        let targets: Vec<Rect> = groups.iter().map(target_at).collect();
        // The closest pair whose targets overlap (by the larger of the two
        // axes' distances, as targets are squares).
        let mut closest: Option<(f64, usize, usize)> = None;
        for i in 0..targets.len() {
            for j in i + 1..targets.len() {
                if targets[i].overlap(&targets[j]) == 0.0 {
                    continue;
                }
                let (ax, ay) = targets[i].centre();
                let (bx, by) = targets[j].centre();
                let d = (ax - bx).abs().max((ay - by).abs());
                if closest.is_none_or(|(c, _, _)| d < c) {
                    closest = Some((d, i, j));
                }
            }
        }
        let Some((_, i, j)) = closest else { break };
        let (x, y, m) = groups.remove(j);
        groups[i].0 += x;
        groups[i].1 += y;
        groups[i].2.extend(m);
    }
    let mut spots: Vec<Spot> = groups
        .into_iter()
        .map(|g| {
            let target = target_at(&g);
            let n = g.2.len() as f64;
            let at = (g.0 / n, g.1 / n);
            let mark = Rect::around(at, sizes.mark, sizes.mark)
                .moved_into(&frame.rect())
                .moved_into(&target);
            let mut members = g.2;
            members.sort_unstable();
            Spot {
                members,
                at,
                target,
                mark,
            }
        })
        .collect();
    spots.sort_by(|a, b| {
        let (ax, ay) = a.target.centre();
        let (bx, by) = b.target.centre();
        ax.total_cmp(&bx)
            .then(ay.total_cmp(&by))
            .then(a.members.cmp(&b.members))
    });
    spots
}

#[cfg(test)]
mod tests {
    use super::*;

    const PHONE: Frame = Frame {
        width: 286.0,
        height: 166.8,
    };

    fn apart_and_inside(spots: &[Spot], frame: Frame) {
        for (i, s) in spots.iter().enumerate() {
            assert!(s.target.width >= 44.0 && s.target.height >= 44.0);
            assert!(frame.rect().contains(&s.target), "{s:?}");
            assert!(s.target.contains(&s.mark), "{s:?}");
            let badge = s.badge(s.members.len(), &SIZES);
            assert!(s.target.contains(&badge), "{s:?} {badge:?}");
            for o in &spots[i + 1..] {
                assert_eq!(s.target.overlap(&o.target), 0.0, "{s:?} {o:?}");
            }
        }
    }

    #[test]
    fn far_points_keep_their_place_and_near_ones_merge() {
        let frame = Frame {
            width: 736.0,
            height: 429.0,
        };
        let spots = place(
            &[
                (100.0, 100.0),
                (110.0, 105.0),
                (400.0, 200.0),
                (f64::NAN, 1.0),
            ],
            frame,
            &SIZES,
        );
        assert_eq!(spots.len(), 2);
        assert_eq!(spots[0].members, vec![0, 1]);
        assert_eq!(spots[0].at, (105.0, 102.5));
        assert_eq!(spots[0].mark.centre(), (105.0, 102.5));
        assert_eq!(spots[1].target, Rect::around((400.0, 200.0), 44.0, 44.0));
        apart_and_inside(&spots, frame);
    }

    #[test]
    fn targets_just_apart_stay_apart_and_just_overlapping_merge() {
        let frame = Frame {
            width: 736.0,
            height: 429.0,
        };
        assert_eq!(
            place(&[(100.0, 100.0), (144.0, 100.0)], frame, &SIZES).len(),
            2
        );
        assert_eq!(
            place(&[(100.0, 100.0), (143.0, 130.0)], frame, &SIZES).len(),
            1
        );
        // Diagonal neighbours 44 px apart on one axis do not overlap.
        assert_eq!(
            place(&[(100.0, 100.0), (130.0, 144.0)], frame, &SIZES).len(),
            2
        );
    }

    #[test]
    fn a_dot_at_the_edge_stays_whole_inside_the_frame() {
        // Suva at the right edge, a dot in the top-left corner.
        let spots = place(&[(285.0, 100.0), (0.0, 0.0)], PHONE, &SIZES);
        assert_eq!(spots.len(), 2);
        let corner = &spots[0];
        assert_eq!(corner.target.left, 0.0);
        assert_eq!(corner.target.top, 0.0);
        // The mark moves in only as far as it must.
        assert_eq!(corner.mark.centre(), (12.0, 12.0));
        let suva = &spots[1];
        assert_eq!(suva.target.right(), 286.0);
        assert_eq!(suva.mark.right(), 286.0);
        // Its count goes to the side with room, not past the frame.
        let badge = suva.badge(12, &SIZES);
        assert!(badge.right() <= 286.0);
        apart_and_inside(&spots, PHONE);
    }

    #[test]
    fn a_count_sits_top_right_unless_that_would_hide_the_mark() {
        let frame = Frame {
            width: 736.0,
            height: 429.0,
        };
        let middle = &place(&[(300.0, 200.0)], frame, &SIZES)[0];
        let b = middle.badge(3, &SIZES);
        assert!(b.left > middle.mark.centre().0 && b.top < middle.mark.top);
        // In the top-right corner the mark fills the target's corner: the
        // count goes to the mark's lower left.
        let corner = &place(&[(736.0, 0.0)], frame, &SIZES)[0];
        let b = corner.badge(3, &SIZES);
        assert!(b.left < corner.mark.left && b.bottom() > corner.mark.bottom());
        assert!(b.overlap(&corner.mark) < 100.0);
        // Four digits still fit in the target.
        assert!(corner.target.contains(&corner.badge(1000, &SIZES)));
    }

    #[test]
    fn a_crowd_merges_until_every_target_is_clear() {
        // A dense cluster and a line of points 30 px apart: greedy merging
        // alone would leave overlapping targets.
        let mut pts: Vec<(f64, f64)> = (0..40)
            .map(|i| (140.0 + (i % 7) as f64 * 9.0, 60.0 + (i / 7) as f64 * 8.0))
            .collect();
        pts.extend((0..10).map(|i| (i as f64 * 30.0, 150.0)));
        let spots = place(&pts, PHONE, &SIZES);
        apart_and_inside(&spots, PHONE);
        let mut all: Vec<usize> = spots.iter().flat_map(|s| s.members.clone()).collect();
        all.sort_unstable();
        assert_eq!(all, (0..50).collect::<Vec<_>>());
        // West to east.
        let xs: Vec<f64> = spots.iter().map(|s| s.target.left).collect();
        assert!(xs.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn a_frame_smaller_than_a_target_holds_one_spot_centred() {
        let tiny = Frame {
            width: 30.0,
            height: 20.0,
        };
        let spots = place(&[(1.0, 1.0), (29.0, 19.0)], tiny, &SIZES);
        assert_eq!(spots.len(), 1);
        assert_eq!(spots[0].target.centre(), (15.0, 10.0));
    }

    #[test]
    fn the_drawing_is_letterboxed_as_svg_does() {
        let f = Frame {
            width: 960.0,
            height: 600.0,
        };
        assert_eq!(f.from_view(960.0, 560.0, (0.0, 0.0)), (0.0, 20.0));
        assert_eq!(f.from_view(960.0, 560.0, (960.0, 560.0)), (960.0, 580.0));
        let half = Frame {
            width: 480.0,
            height: 280.0,
        };
        assert_eq!(half.from_view(960.0, 560.0, (480.0, 280.0)), (240.0, 140.0));
    }
}
