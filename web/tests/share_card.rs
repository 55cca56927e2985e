//! The share card's words and where they go (issue 15, item 13): the day the
//! event happened comes first, beside its category, so that a September 2025
//! event no longer reads as a story of the day it was updated; the link
//! preview's description starts with it too. `EVENTDESK_CARD_PNG=path` keeps
//! the drawn card for a look.

use eventdesk_model::Event;
use eventdesk_web::share::card::{layout, render_png, CardText, Part, Placed, WIDTH};
use eventdesk_web::share::meta::head_for_event;
use serde_json::Value;

use eventdesk_model::examples::paris_event_value as paris_json;

fn event(value: Value) -> Event {
    serde_json::from_value(value).unwrap()
}

fn part(placed: &[Placed], part: Part) -> Vec<&Placed> {
    placed.iter().filter(|p| p.part == part).collect()
}

#[test]
fn the_day_it_happened_comes_first_beside_the_category() {
    let text = CardText::for_event(&event(paris_json()));
    assert_eq!(text.date.as_deref(), Some("4 September 2025"));
    let footnote = text.footnote.clone().unwrap();
    assert!(footnote.starts_with("Updated "), "{footnote}");

    let placed = layout(&text).unwrap();
    let order: Vec<Part> = placed.iter().map(|p| p.part).collect();
    let first_headline = order.iter().position(|p| *p == Part::Headline).unwrap();
    assert_eq!(&order[..3], &[Part::Kicker, Part::Separator, Part::Date]);
    assert!(first_headline == 3, "{order:?}");

    let kicker = part(&placed, Part::Kicker)[0];
    let date = part(&placed, Part::Date)[0];
    let headline = part(&placed, Part::Headline)[0];
    let note = part(&placed, Part::Footnote)[0];
    assert_eq!(kicker.text, "DIPLOMATIC");
    assert_eq!(date.text, "4 September 2025");
    // On the category's line, after it, above the headline and the footnote.
    assert_eq!(date.y, kicker.y);
    assert!(date.x > kicker.x + kicker.width);
    assert!(date.y < headline.y && headline.y < note.y);
    for p in &placed {
        assert!(
            p.x >= 80.0 && p.x + p.width <= WIDTH as f32 - 80.0 + 0.5,
            "{p:?}"
        );
    }
}

#[test]
fn a_long_category_gives_way_to_the_date() {
    let mut value = paris_json();
    value["category"]["label"] = "Diplomatic and consular relations ".repeat(8).into();
    let placed = layout(&CardText::for_event(&event(value))).unwrap();
    let kicker = part(&placed, Part::Kicker)[0];
    let date = part(&placed, Part::Date)[0];
    assert!(kicker.text.ends_with('…'), "{}", kicker.text);
    assert_eq!(date.text, "4 September 2025");
    assert!(date.x + date.width <= WIDTH as f32 - 80.0 + 0.5);
}

#[test]
fn without_a_day_there_is_no_date_and_nothing_says_it_twice() {
    let mut value = paris_json();
    value["occurred_on"] = Value::Null;
    let placed = layout(&CardText::for_event(&event(value))).unwrap();
    assert!(part(&placed, Part::Date).is_empty());
    assert!(part(&placed, Part::Separator).is_empty());

    // With no update time the footnote used to repeat the day: now it is
    // only at the top.
    let mut value = paris_json();
    value["updated_at"] = Value::Null;
    value["confidence"]["assessed_at"] = Value::Null;
    let text = CardText::for_event(&event(value));
    assert_eq!(text.date.as_deref(), Some("4 September 2025"));
    assert_eq!(text.footnote, None);
    // A day as sent, not a date, is shown as sent.
    let mut value = paris_json();
    value["occurred_on"] = "early September".into();
    let text = CardText::for_event(&event(value));
    assert_eq!(text.date.as_deref(), Some("early September"));
}

#[test]
fn the_card_draws_and_can_be_kept_for_a_look() {
    let png = render_png(&CardText::for_event(&event(paris_json()))).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    if let Ok(path) = std::env::var("EVENTDESK_CARD_PNG") {
        std::fs::write(path, &png).unwrap();
    }
}

#[test]
fn the_link_preview_says_the_day_unless_the_summary_does() {
    let head = head_for_event(&event(paris_json()), "https://eventdesk.example/", "v");
    assert!(
        head.social_description.starts_with(
            "4 September 2025 · Likely · Reported by 3 independent sources. The British"
        ),
        "{}",
        head.social_description
    );
    for said in [
        "On 4 September 2025 leaders met.",
        "On September 4, 2025 leaders met.",
    ] {
        let mut value = paris_json();
        value["summary"] = said.into();
        let head = head_for_event(&event(value), "https://eventdesk.example/", "v");
        assert!(
            head.social_description.starts_with("Likely · "),
            "{}",
            head.social_description
        );
    }
}
