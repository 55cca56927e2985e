//! The feed's first paint (`HomePage` in `src/pages/home.rs`): its skip
//! link, heading and introduction, room for the filters and the map (which
//! only the app draws), then the first page of cards as `EventList`
//! (`src/components/event_list.rs`) and `EventCard`
//! (`src/components/event_card.rs`) draw them: the same elements, classes
//! and words, so a reader on a slow link (or without JavaScript) reads and
//! follows the cards before the app has arrived. The cards are the page the
//! app then starts from (the embedded first data), so it draws the same ones.

use eventdesk_model::confidence::sources_count;
use eventdesk_model::{EventPage, EventSummary};
use eventdesk_page_logic::feed::updates::summary_mark;
use eventdesk_page_logic::feed::words::{results_line, source_names_line};
use eventdesk_page_logic::map::locator::{card_dots, dot_style, FILE_NAME};

use super::{category_badge, day_html, escape, page};

/// Source names a card lists before "and N more" (as `EventCard`).
const NAMES_SHOWN: usize = 3;
/// The id of the events' part of the page ("Skip to events" leads there).
const EVENTS_ID: &str = "events";

/// The feed's first paint with `first`, the first page of its cards;
/// `filtered` when the address narrows the list (the count's wording);
/// `bound`, sorted by update, when not every matching event was sorted.
pub fn feed_page(first: &EventPage, filtered: bool, bound: Option<&str>) -> String {
    let shown = first.items.len() as u64;
    let count = results_line(first.total.unwrap_or(shown).max(shown), filtered);
    let bound = bound
        .filter(|_| !first.items.is_empty())
        .map(|line| format!("<p class=\"results-bound muted\">{}</p>", escape(line)))
        .unwrap_or_default();
    let cards: String = first.items.iter().map(card).collect();
    let map_room = if first.items.iter().any(|e| !card_dots(e).is_empty()) {
        "<div class=\"feed__room feed__room--map\" aria-hidden=\"true\"></div>"
    } else {
        ""
    };
    let list = if first.items.is_empty() {
        String::new()
    } else {
        format!("<ol class=\"event-list\" aria-label=\"Events\">{cards}</ol>")
    };
    page(&format!(
        concat!(
            "<div class=\"page feed\">",
            "<a class=\"skip-link\" href=\"#{events}\">Skip to events</a>",
            "<header class=\"feed__header\"><h1>Latest events</h1>",
            "<p class=\"lede\">News events, newest first, and how well independent sources ",
            "corroborate them.</p></header>",
            "<div class=\"feed__room feed__room--filters\" aria-hidden=\"true\"></div>",
            "{map_room}",
            "<div id=\"{events}\" class=\"feed__events\" tabindex=\"-1\">",
            "<div class=\"event-results\"><p class=\"results-count\">{count}</p>{bound}{list}</div>",
            "</div></div>",
        ),
        events = EVENTS_ID,
        map_room = map_room,
        count = escape(&count),
        bound = bound,
        list = list,
    ))
}

/// One card, as `EventCard` draws it on the feed (headline at level 2).
fn card(event: &EventSummary) -> String {
    let category = &event.category;
    let date = event
        .occurred_on
        .as_ref()
        .map(|day| format!("<span class=\"event-card__date\">{}</span>", day_html(day)))
        .unwrap_or_default();
    // What changed since, from the summary (corrections come with the app).
    let mark = summary_mark(event)
        .map(|m| {
            format!(
                concat!(
                    "<span class=\"event-card__mark event-card__mark--{token}\">",
                    "<span class=\"event-card__mark-word\">{word}</span> {day}</span>",
                ),
                token = m.token(),
                word = m.word(),
                day = day_html(&m.day),
            )
        })
        .unwrap_or_default();
    let summary = event
        .card_summary()
        .map(|s| format!("<p class=\"event-card__summary\">{}</p>", escape(s)))
        .unwrap_or_default();
    let dots: String = card_dots(event)
        .into_iter()
        .map(|at| {
            format!(
                "<span class=\"locator__dot\" style=\"{}\"></span>",
                dot_style(at)
            )
        })
        .collect();
    let locator = if dots.is_empty() {
        String::new()
    } else {
        format!(
            concat!(
                "<span class=\"locator\" aria-hidden=\"true\">",
                "<img class=\"locator__map\" src=\"/maps/{file}\" alt=\"\" width=\"72\" ",
                "height=\"42\" loading=\"lazy\" decoding=\"async\">{dots}</span>",
            ),
            file = FILE_NAME,
            dots = dots,
        )
    };
    let place = event.location.label.trim();
    let place_html = if place.is_empty() {
        String::new()
    } else {
        // The map says it better than the pin.
        let pin = if locator.is_empty() {
            "<span class=\"event-card__place-icon\" aria-hidden=\"true\">📍</span>"
        } else {
            ""
        };
        format!(
            "<p class=\"event-card__place\">{pin}<span class=\"visually-hidden\">Location: </span>{}</p>",
            escape(place)
        )
    };
    let where_html = if locator.is_empty() && place_html.is_empty() {
        String::new()
    } else {
        format!("<div class=\"event-card__where\">{locator}{place_html}</div>")
    };
    let confidence = &event.confidence;
    let level = &confidence.level;
    let names = source_names_line(&event.source_names, NAMES_SHOWN)
        .map(|n| {
            format!(
                "<span class=\"event-card__sources\">: {}</span>",
                escape(&n)
            )
        })
        .unwrap_or_default();
    format!(
        concat!(
            "<li class=\"event-list__item\"><article class=\"event-card\">",
            "<p class=\"event-card__meta\">{badge}{date}{mark}</p>",
            "<h2 class=\"event-card__headline\"><a class=\"event-card__link\" href=\"{href}\">{headline}</a></h2>",
            "{summary}{where_html}",
            "<p class=\"event-card__confidence\">",
            "<span class=\"badge badge--conf badge--conf-{token}\">",
            "<span class=\"badge__icon\" aria-hidden=\"true\">{level_icon}</span> {level_label}</span>",
            " <span class=\"event-card__count\">{count}</span>{names}</p>",
            "</article></li>",
        ),
        badge = category_badge(category),
        date = date,
        mark = mark,
        href = escape(&event.path()),
        headline = escape(event.headline()),
        summary = summary,
        where_html = where_html,
        token = level.css_token(),
        level_icon = escape(level.icon()),
        level_label = escape(&level.label()),
        count = escape(&sources_count(confidence.independent_sources)),
        names = names,
    )
}

#[cfg(test)]
mod tests {
    use super::super::MARK;
    use super::*;

    fn page_of(items: serde_json::Value, total: Option<u64>) -> EventPage {
        serde_json::from_value(serde_json::json!({ "items": items, "total": total })).unwrap()
    }

    use eventdesk_model::examples::paris_event_value as paris;

    #[test]
    fn the_first_cards_are_the_apps_markup() {
        let html = feed_page(
            &page_of(serde_json::json!([paris()]), Some(57)),
            false,
            None,
        );
        assert!(html.starts_with("<a data-first-paint class=\"skip-link\""));
        assert_eq!(
            html.matches(MARK).count(),
            3,
            "every top-level element is marked"
        );
        assert!(html.contains("<h1>Latest events</h1><p class=\"lede\">News events, newest first"));
        assert!(html.contains("<a class=\"skip-link\" href=\"#events\">Skip to events</a>"));
        assert!(html.contains("<p class=\"results-count\">57 events</p>"));
        assert!(html.contains("<ol class=\"event-list\" aria-label=\"Events\"><li class=\"event-list__item\"><article class=\"event-card\">"));
        assert!(html.contains(concat!(
            "<h2 class=\"event-card__headline\"><a class=\"event-card__link\" ",
            "href=\"/events/paris-coalition-security-guarantees-2025-09-04\">",
            "Coalition of the Willing meets Zelensky in Paris on security guarantees</a></h2>"
        )));
        assert!(html.contains("<span class=\"badge badge--category\"><span class=\"badge__icon\" aria-hidden=\"true\">🤝</span> Diplomatic</span>"));
        assert!(html.contains("<span class=\"event-card__date\"><time datetime=\"2025-09-04\""));
        assert!(html.contains("<p class=\"event-card__summary\">The British and French-led"));
        assert!(html.contains("independent sources</span>"));
        assert!(html.contains("feed__room--filters"));
        // One link a card: the headline's (it covers the card).
        assert_eq!(html.matches("class=\"event-card__link\"").count(), 1);
    }

    #[test]
    fn text_is_escaped_and_the_count_follows_the_filters() {
        let mut event = paris();
        event["title"] = "<script>alert(1)</script>".into();
        event["summary"] = "\"><img src=x onerror=alert(1)>".into();
        event["location"]["label"] = "<b>Paris</b>".into();
        event["source_names"] = serde_json::json!(["<i>AP</i>", "BBC"]);
        event["id"] = "a\"b".into();
        let html = feed_page(&page_of(serde_json::json!([event]), None), true, None);
        assert!(!html.contains("<script"));
        assert!(!html.contains("<img src=x"));
        assert!(!html.contains("<b>"));
        assert!(!html.contains("<i>"));
        assert!(!html.contains("href=\"/events/a\"b"));
        assert!(html.contains("<p class=\"results-count\">1 event matches these filters</p>"));
        assert!(html.contains(": &lt;i&gt;AP&lt;/i&gt; and BBC</span>"));
    }

    #[test]
    fn no_cards_no_list() {
        let html = feed_page(&page_of(serde_json::json!([]), Some(0)), true, None);
        assert!(html.contains("No event matches these filters"));
        assert!(!html.contains("event-list"));
        assert!(!html.contains("feed__room--map"));
    }
}
