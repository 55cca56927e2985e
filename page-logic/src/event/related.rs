//! "Related events": the story an event belongs to, from its `related_ids`.
//!
//! Which ids are read ([`related_to_load`]: each once, not the event's own,
//! only ids the contract allows, at most [`MAX_RELATED`]), and what the
//! section lists once they are read ([`story`]): the related events that
//! loaded and this one, marked, in the order they happened (unknown dates
//! last), those withdrawn by the editors after them; the ones that failed
//! are left out without a word. Nothing loaded: no section.

use eventdesk_model::ids::valid_id;
use eventdesk_model::EventSummary;

use crate::text::clip;

/// The most related events a page reads.
pub const MAX_RELATED: usize = 12;
/// The most characters of a withdrawal's reason a card shows.
pub const REASON_CHARS: usize = 160;

/// The related ids to read, and how many more there were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelatedLoad {
    pub ids: Vec<String>,
    /// Valid, distinct related ids beyond [`MAX_RELATED`], not read.
    pub not_loaded: usize,
}

/// The ids to read for the event `own_id`: trimmed, each once, in the
/// API's order, without the event itself or an id the contract refuses,
/// at most [`MAX_RELATED`].
pub fn related_to_load(own_id: &str, related_ids: &[String]) -> RelatedLoad {
    let mut ids: Vec<String> = Vec::new();
    for id in related_ids.iter().map(|id| id.trim()) {
        if valid_id(id) && id != own_id.trim() && !ids.iter().any(|seen| seen == id) {
            ids.push(id.to_owned());
        }
    }
    let not_loaded = ids.len().saturating_sub(MAX_RELATED);
    ids.truncate(MAX_RELATED);
    RelatedLoad { ids, not_loaded }
}

/// What reading one related event gave.
#[derive(Debug, Clone, PartialEq)]
pub enum RelatedOutcome {
    Found(Box<EventSummary>),
    /// 410 Gone, with the problem's detail (why) when it has one.
    Withdrawn {
        reason: Option<String>,
    },
    /// 404, no answer, a server error, an answer that does not read.
    Failed,
}

/// One card of the section.
#[derive(Debug, Clone, PartialEq)]
pub enum StoryItem {
    /// The page's own event: marked, not a link.
    This(EventSummary),
    Related(EventSummary),
    /// Withdrawn by the editors: no link; the reason, clipped, when given.
    Withdrawn {
        reason: Option<String>,
    },
}

impl StoryItem {
    pub fn is_this(&self) -> bool {
        matches!(self, StoryItem::This(_))
    }

    /// The event the card shows; `None` for a withdrawn one.
    pub fn event(&self) -> Option<&EventSummary> {
        match self {
            StoryItem::This(e) | StoryItem::Related(e) => Some(e),
            StoryItem::Withdrawn { .. } => None,
        }
    }
}

/// What the section shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    pub items: Vec<StoryItem>,
    /// "2 more related events are not listed.", only when the cap bit.
    pub more_line: Option<String>,
}

/// The section from what was read (in the order of `related_to_load`'s
/// ids), or `None` when no related event is there to show. A found event
/// that turns out to be this one, or one already listed, is not repeated.
pub fn story(
    this: &EventSummary,
    outcomes: Vec<RelatedOutcome>,
    not_loaded: usize,
) -> Option<Story> {
    let mut dated: Vec<StoryItem> = vec![StoryItem::This(this.clone())];
    let mut withdrawn: Vec<StoryItem> = Vec::new();
    for outcome in outcomes {
        match outcome {
            RelatedOutcome::Found(event) => {
                // `dated` holds no withdrawn ones: they wait in `withdrawn`.
                if !dated
                    .iter()
                    .filter_map(StoryItem::event)
                    .any(|e| e.id == event.id)
                {
                    dated.push(StoryItem::Related(*event));
                }
            }
            RelatedOutcome::Withdrawn { reason } => withdrawn.push(StoryItem::Withdrawn {
                reason: reason
                    .map(|r| clip(&r, REASON_CHARS))
                    .filter(|r| !r.is_empty()),
            }),
            RelatedOutcome::Failed => {}
        }
    }
    if dated.len() == 1 && withdrawn.is_empty() {
        return None;
    }
    // Stable: equal days and unknown ones keep this event first, then the API's order.
    dated.sort_by_key(|item| {
        let day = item
            .event()
            .and_then(|e| e.occurred_on.as_ref())
            .and_then(|d| d.parse());
        (day.is_none(), day)
    });
    dated.extend(withdrawn);
    Some(Story {
        items: dated,
        more_line: more_line(not_loaded),
    })
}

fn more_line(not_loaded: usize) -> Option<String> {
    match not_loaded {
        0 => None,
        1 => Some("1 more related event is not listed.".into()),
        n => Some(format!("{n} more related events are not listed.")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::paris;

    fn on(id: &str, day: Option<&str>) -> EventSummary {
        let mut e = paris().summary;
        e.id = id.into();
        e.occurred_on = day.map(|d| eventdesk_model::Day(d.into()));
        e
    }

    fn ids(story: &Story) -> Vec<String> {
        story
            .items
            .iter()
            .map(|item| match item {
                StoryItem::This(e) => format!("*{}", e.id),
                StoryItem::Related(e) => e.id.clone(),
                StoryItem::Withdrawn { .. } => "withdrawn".into(),
            })
            .collect()
    }

    #[test]
    fn ids_are_read_once_without_this_one_or_bad_ones() {
        let related: Vec<String> = ["b", " a ", "self", "b", "a/../x", "", "c", "é"]
            .map(String::from)
            .to_vec();
        let load = related_to_load("self", &related);
        assert_eq!(load.ids, ["b", "a", "c"]);
        assert_eq!(load.not_loaded, 0);
    }

    #[test]
    fn at_most_twelve_are_read_and_the_rest_counted() {
        let related: Vec<String> = (0..15).map(|i| format!("e{i}")).collect();
        let load = related_to_load("self", &related);
        assert_eq!(load.ids.len(), MAX_RELATED);
        assert_eq!(load.ids[0], "e0");
        assert_eq!(load.not_loaded, 3);
        assert_eq!(
            more_line(3).as_deref(),
            Some("3 more related events are not listed.")
        );
        assert_eq!(
            more_line(1).as_deref(),
            Some("1 more related event is not listed.")
        );
        assert_eq!(more_line(0), None);
    }

    #[test]
    fn the_story_is_in_date_order_with_this_event_marked() {
        let this = on("alaska", Some("2025-08-15"));
        let story = story(
            &this,
            vec![
                RelatedOutcome::Found(Box::new(on("paris", Some("2025-09-04")))),
                RelatedOutcome::Found(Box::new(on("undated", None))),
                RelatedOutcome::Found(Box::new(on("oval", Some("2025-02-28")))),
                RelatedOutcome::Found(Box::new(on("odd", Some("soon")))),
            ],
            0,
        )
        .unwrap();
        assert_eq!(ids(&story), ["oval", "*alaska", "paris", "undated", "odd"]);
        assert!(story.items[1].is_this());
        assert_eq!(story.more_line, None);
    }

    #[test]
    fn failures_are_skipped_and_withdrawn_ones_listed_last() {
        let this = on("a", None);
        let story = story(
            &this,
            vec![
                RelatedOutcome::Withdrawn {
                    reason: Some(format!("Duplicate {}", "x ".repeat(200))),
                },
                RelatedOutcome::Failed,
                RelatedOutcome::Found(Box::new(on("b", Some("2020-01-01")))),
                RelatedOutcome::Withdrawn {
                    reason: Some("  ".into()),
                },
            ],
            2,
        )
        .unwrap();
        assert_eq!(ids(&story), ["b", "*a", "withdrawn", "withdrawn"]);
        match &story.items[2] {
            StoryItem::Withdrawn { reason: Some(r) } => {
                assert!(r.starts_with("Duplicate") && r.chars().count() <= REASON_CHARS)
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(story.items[3], StoryItem::Withdrawn { reason: None });
        assert!(story.more_line.is_some());
    }

    #[test]
    fn nothing_loaded_means_no_section() {
        let this = on("a", None);
        assert_eq!(story(&this, vec![], 0), None);
        assert_eq!(story(&this, vec![RelatedOutcome::Failed], 0), None);
        // A related id that answers with this very event is not a story.
        assert_eq!(
            story(
                &this,
                vec![RelatedOutcome::Found(Box::new(on("a", None)))],
                0
            ),
            None
        );
    }

    #[test]
    fn an_event_answering_twice_is_listed_once() {
        let this = on("a", None);
        let story = story(
            &this,
            vec![
                RelatedOutcome::Found(Box::new(on("b", None))),
                RelatedOutcome::Found(Box::new(on("b", None))),
            ],
            0,
        )
        .unwrap();
        assert_eq!(ids(&story), ["*a", "b"]);
    }
}
