//! First paints: the page for `/events/{id}` carries the site header and
//! the event's own header (category, headline, summary, date, the latest
//! correction) as plain
//! HTML, so a reader sees what happened as soon as the HTML arrives, before
//! the app has downloaded and started, and without JavaScript at all; the
//! feed's page (`/`) carries the site header and the feed's heading.
//!
//! The markup is the app's own, element for element (`SiteHeader` in
//! `src/components/site_chrome.rs`, `EventArticle`'s header in
//! `src/pages/event.rs`, `HomePage`'s in `src/pages/home.rs`), so nothing
//! moves when the app takes over: every top element here carries
//! `data-first-paint`, and the app removes them in the same task in which it
//! draws the page (`document::drop_first_paint`).
//! `tests/e2e/first-paint.spec.ts` compares the two renderings.
//!
//! It goes in with the embedded data (see `preload`), so `--no-preload`
//! turns it off too. All text is escaped. `page::rewrite` puts it right
//! after the `<body>` tag.

use eventdesk_model::time::{full_day, iso_day, long_day};
use eventdesk_model::{Category, Day, Event};
use eventdesk_page_logic::category::category_icon;
use eventdesk_page_logic::event::correction::correction_notice;

use crate::escape::html as escape;

mod feed;
pub use feed::feed_page;

/// The attribute the app looks for to remove these elements.
pub const MARK: &str = "data-first-paint";

/// The first paint for `event`: the skip link, the site header, and `<main>`
/// holding the event's header.
pub fn event_page(event: &Event) -> String {
    let s = &event.summary;
    let category = &s.category;
    let summary = if event.has_title() {
        format!(
            "<p class=\"event-header__summary\">{}</p>",
            escape(&s.summary)
        )
    } else {
        String::new()
    };
    let date = s
        .occurred_on
        .as_ref()
        .map(|day| {
            format!(
                "<p class=\"event-header__date\">Occurred on {}</p>",
                day_html(day)
            )
        })
        .unwrap_or_default();
    let correction = correction_html(event);
    page(&format!(
        concat!(
            "<article class=\"event\" aria-labelledby=\"event-headline\">",
            "<header class=\"event-header\">",
            "<p class=\"event-category\">{badge}</p>",
            "<h1 class=\"event-header__headline\" id=\"event-headline\">{headline}</h1>",
            "{summary}{date}{correction}",
            "</header></article>",
        ),
        badge = category_badge(category),
        headline = escape(event.headline()),
        summary = summary,
        date = date,
        correction = correction,
    ))
}

/// The header's correction line as `CorrectionNotice`
/// (`src/components/correction_notice.rs`) draws it, when there is one.
fn correction_html(event: &Event) -> String {
    let Some(n) = correction_notice(&event.history) else {
        return String::new();
    };
    let day = n
        .day
        .as_ref()
        .map(|day| format!(" {}", day_html(day)))
        .unwrap_or_default();
    format!(
        concat!(
            "<p class=\"event-header__correction\">",
            "<a class=\"correction-notice\" href=\"{href}\">",
            "<span class=\"correction-notice__lead\">{lead}</span>{day}{tail}</a></p>",
        ),
        href = escape(&n.href()),
        lead = escape(&n.lead()),
        day = day,
        tail = escape(&n.tail()),
    )
}

/// A calendar day as the app's `DayText` (`src/components/time.rs`) first
/// draws it, in the neutral style: the server cannot know the reader's
/// locale (and a page that varied by `Accept-Language` would be cached once
/// per language), so the app replaces the text in place once its formatter
/// is ready, and a reader in en-GB sees no change at all.
pub fn day_html(day: &Day) -> String {
    match day.parse() {
        Some(d) => format!(
            "<time datetime=\"{}\" title=\"{}\">{}</time>",
            iso_day(d),
            escape(&full_day(d)),
            escape(&long_day(d))
        ),
        None => format!("<span>{}</span>", escape(day.as_str())),
    }
}

/// The category badge as `CategoryBadge` (`src/components/category_badge.rs`)
/// draws it, on the event page and on cards: its icon (the text sent in its
/// `title` when it is too long to show) and its label.
fn category_badge(category: &Category) -> String {
    let icon = category_icon(category);
    let title = icon
        .title
        .map(|t| format!(" title=\"{}\"", escape(t)))
        .unwrap_or_default();
    format!(
        concat!(
            "<span class=\"badge badge--category\">",
            "<span class=\"badge__icon\" aria-hidden=\"true\"{title}>{glyph}</span> {label}</span>",
        ),
        title = title,
        glyph = escape(icon.glyph),
        label = escape(&category.display_label()),
    )
}

/// The skip link, the site header (`SiteHeader` in
/// `src/components/site_chrome.rs`) and `<main>` around `content`.
fn page(content: &str) -> String {
    format!(
        concat!(
            "<a {mark} class=\"skip-link\" href=\"#main\">Skip to content</a>",
            "<header {mark} class=\"site-header\"><div class=\"site-header__inner\">",
            "<a class=\"brand\" href=\"/\">Eventdesk</a>",
            "<nav aria-label=\"Site\"><ul class=\"site-nav\">",
            "<li><a href=\"/\">Latest events</a></li>",
            "<li><a href=\"/methodology\">How we assess confidence</a></li>",
            "</ul></nav></div></header>",
            "<main {mark} id=\"main\" tabindex=\"-1\">{content}</main>",
        ),
        mark = MARK,
        content = content,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(json: serde_json::Value) -> Event {
        serde_json::from_value(json).unwrap()
    }

    use eventdesk_model::examples::paris_event as paris;

    #[test]
    fn holds_the_site_header_and_the_events_header() {
        let html = event_page(&paris());
        assert!(html.starts_with("<a data-first-paint class=\"skip-link\""));
        assert!(html.contains("<h1 class=\"event-header__headline\" id=\"event-headline\">Coalition of the Willing meets Zelensky in Paris on security guarantees</h1>"));
        assert!(html
            .contains("<p class=\"event-header__summary\">The British and French-led Coalition"));
        assert!(html.contains("Occurred on <time datetime=\"2025-09-04\" title=\"Thursday, 4 September 2025\">4 September 2025</time>"));
        assert!(html.contains("aria-hidden=\"true\">🤝</span> Diplomatic</span>"));
        assert_eq!(
            html.matches(MARK).count(),
            3,
            "every top-level element is marked"
        );
    }

    #[test]
    fn text_is_escaped_and_odd_values_read_plainly() {
        let mut value: serde_json::Value = eventdesk_model::examples::paris_event_value();
        value["title"] = "<script>alert(1)</script> & \"quotes\"".into();
        value["summary"] = "<img src=x onerror=alert(1)>".into();
        value["occurred_on"] = "soon<b>".into();
        value["category"] =
            serde_json::json!({ "id": "space_weather", "label": " ", "emoji": "<i>" });
        let html = event_page(&event(value));
        assert!(!html.contains("<script"));
        assert!(!html.contains("<img"));
        assert!(!html.contains("<b>"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
        assert!(html.contains("Occurred on <span>soon&lt;b&gt;</span>"));
        assert!(html.contains("aria-hidden=\"true\">&lt;i&gt;</span> Space weather</span>"));
    }

    #[test]
    fn the_latest_correction_is_said_in_the_header_and_escaped() {
        let mut value: serde_json::Value = eventdesk_model::examples::paris_event_value();
        assert!(!event_page(&event(value.clone())).contains("event-header__correction"));
        value["history"] = serde_json::json!([
            { "at": "2024-12-03T20:00:00Z", "kind": "corrected", "summary": "first" },
            { "at": "2024-12-04T09:30:00Z", "kind": "corrected",
              "summary": "<script>alert(1)</script> & \"lifted\"" },
        ]);
        let html = event_page(&event(value));
        assert!(!html.contains("<script"));
        assert!(html.contains(concat!(
            "<p class=\"event-header__correction\">",
            "<a class=\"correction-notice\" href=\"#update-20241204T093000Z\">",
            "<span class=\"correction-notice__lead\">2 corrections; latest on</span> ",
            "<time datetime=\"2024-12-04\" title=\"Wednesday, 4 December 2024\">4 December 2024</time>",
            ": &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;lifted&quot;</a></p>",
        )));
        assert!(html.find("event-header__date") < html.find("event-header__correction"));
    }

    #[test]
    fn a_long_emoji_is_not_an_icon() {
        let mut value: serde_json::Value = eventdesk_model::examples::paris_event_value();
        let long = "🤝".repeat(200);
        value["category"] = serde_json::json!({ "id": "x", "label": "Talks", "emoji": long });
        let html = event_page(&event(value.clone()));
        assert!(html.contains(&format!(
            "<span class=\"badge__icon\" aria-hidden=\"true\" title=\"{long}\">📰</span> Talks</span>"
        )));
        value["category"]["emoji"] = "🇺🇦🤝".into();
        let html = event_page(&event(value));
        assert!(html.contains("aria-hidden=\"true\">🇺🇦🤝</span> Talks</span>"));
    }

    #[test]
    fn without_a_title_the_summary_is_the_headline_and_not_repeated() {
        let mut value: serde_json::Value = eventdesk_model::examples::paris_event_value();
        value["title"] = serde_json::Value::Null;
        value["occurred_on"] = serde_json::Value::Null;
        let html = event_page(&event(value));
        assert!(html.contains("id=\"event-headline\">The British and French-led"));
        assert!(!html.contains("event-header__summary"));
        assert!(!html.contains("Occurred on"));
    }
}
