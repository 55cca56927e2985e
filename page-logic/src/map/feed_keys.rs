//! Moving between the feed map's dots by keyboard (one tab stop, a roving
//! tabindex): Left and Right step west and east along the dots (they come
//! ordered so, see `feed_layout::place`), Up and Down go to the nearest dot
//! north or south, Home and End to the first and the last.

/// A move among the dots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Previous,
    Next,
    North,
    South,
    First,
    Last,
}

impl Step {
    /// The move a key (`KeyboardEvent.key`) asks for.
    pub fn from_key(key: &str) -> Option<Step> {
        Some(match key {
            "ArrowLeft" => Step::Previous,
            "ArrowRight" => Step::Next,
            "ArrowUp" => Step::North,
            "ArrowDown" => Step::South,
            "Home" => Step::First,
            "End" => Step::Last,
            _ => return None,
        })
    }
}

/// The dot `step` leads to from dot `from`, given every dot's centre in
/// pixels (y down): the same dot when there is none that way.
pub fn step(centres: &[(f64, f64)], from: usize, step: Step) -> usize {
    let last = centres.len().saturating_sub(1);
    let from = from.min(last);
    match step {
        Step::Previous => from.saturating_sub(1),
        Step::Next => (from + 1).min(last),
        Step::First => 0,
        Step::Last => last,
        Step::North | Step::South => {
            let Some(&(x, y)) = centres.get(from) else {
                return from;
            };
            let south = step == Step::South;
            centres
                .iter()
                .enumerate()
                .filter(|&(i, &(_, cy))| {
                    i != from && if south { cy > y + 0.5 } else { cy < y - 0.5 }
                })
                // Sideways counts double: "down" means mostly down.
                .map(|(i, &(cx, cy))| (i, (2.0 * (cx - x)).hypot(cy - y)))
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map_or(from, |(i, _)| i)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // West to east: two in the west (north and south), one between, one far east.
    const DOTS: [(f64, f64); 4] = [(10.0, 10.0), (20.0, 100.0), (60.0, 40.0), (300.0, 12.0)];

    #[test]
    fn keys_name_moves() {
        assert_eq!(Step::from_key("ArrowRight"), Some(Step::Next));
        assert_eq!(Step::from_key("End"), Some(Step::Last));
        assert_eq!(Step::from_key("Enter"), None);
    }

    #[test]
    fn left_and_right_walk_the_line_and_stop_at_its_ends() {
        assert_eq!(step(&DOTS, 0, Step::Next), 1);
        assert_eq!(step(&DOTS, 3, Step::Next), 3);
        assert_eq!(step(&DOTS, 0, Step::Previous), 0);
        assert_eq!(step(&DOTS, 2, Step::Previous), 1);
        assert_eq!(step(&DOTS, 2, Step::First), 0);
        assert_eq!(step(&DOTS, 0, Step::Last), 3);
    }

    #[test]
    fn up_and_down_find_the_nearest_dot_that_way() {
        assert_eq!(step(&DOTS, 0, Step::South), 1);
        assert_eq!(step(&DOTS, 2, Step::South), 1);
        assert_eq!(step(&DOTS, 1, Step::North), 0);
        assert_eq!(step(&DOTS, 2, Step::North), 0);
        // Far east, the nearest dot south is the nearer one, not the lower.
        assert_eq!(step(&DOTS, 3, Step::South), 2);
        // Nothing further north: it stays.
        assert_eq!(step(&DOTS, 0, Step::North), 0);
        assert_eq!(step(&DOTS, 1, Step::South), 1);
    }

    #[test]
    fn no_dots_or_a_stale_index_never_panic() {
        assert_eq!(step(&[], 0, Step::Next), 0);
        assert_eq!(step(&[], 5, Step::South), 0);
        assert_eq!(step(&DOTS, 9, Step::Previous), 2);
    }
}
