//! Times as a reader wants them: in their own time zone, with the exact
//! instant in `<time datetime>`, and how long ago ("3 days ago").

use chrono::{DateTime, Utc};
use eventdesk_model::time::relative;
use eventdesk_model::{Day, Timestamp};
use js_sys::{Date, Object, Reflect};
use leptos::either::Either;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Now, from the browser's clock (chrono's clock is not available in wasm).
pub fn now_utc() -> Option<DateTime<Utc>> {
    DateTime::from_timestamp_millis(Date::now() as i64)
}

/// "30 May 2026, 06:15 CEST" in the reader's locale and time zone.
pub fn local_text(at: &Timestamp) -> Option<String> {
    let parsed = at.parse()?;
    let date = Date::new(&JsValue::from_f64(parsed.timestamp_millis() as f64));
    let options = Object::new();
    for (key, value) in [
        ("year", "numeric"),
        ("month", "long"),
        ("day", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("timeZoneName", "short"),
    ] {
        Reflect::set(&options, &key.into(), &value.into()).ok()?;
    }
    let locale = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_else(|| "en".to_owned());
    Some(String::from(date.to_locale_string(&locale, &options)))
}

/// An instant: local date and time, then "(3 days ago)". Text as sent when it does not parse.
#[component]
pub fn Moment(at: Timestamp) -> impl IntoView {
    let raw = at.as_str().trim().to_owned();
    match (at.parse(), local_text(&at)) {
        (Some(parsed), Some(local)) => {
            let ago = now_utc().map(|now| relative(parsed, now));
            Either::Left(view! {
                <time datetime=raw.clone() title=raw>{local}</time>
                {ago.map(|ago| view! { " " <span class="relative">"(" {ago} ")"</span> })}
            })
        }
        _ => Either::Right(view! { <span>{raw}</span> }),
    }
}

/// A calendar day: "4 September 2025", with the ISO date in `datetime`.
#[component]
pub fn DayText(day: Day) -> impl IntoView {
    match day.parse() {
        Some(d) => Either::Left(view! {
            <time datetime=d.format("%Y-%m-%d").to_string()>{day.long()}</time>
        }),
        None => Either::Right(view! { <span>{day.as_str().to_owned()}</span> }),
    }
}
