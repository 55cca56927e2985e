//! Times as a reader wants them: in their own time zone, with the exact
//! instant in `<time datetime>`, and how long ago ("3 days ago").

use std::cell::OnceCell;

use chrono::{DateTime, Utc};
use eventdesk_model::time::{iso_day, long_utc, relative};
use eventdesk_model::{Day, Timestamp};
use js_sys::{Array, Date, Function, Object, Reflect};
use leptos::either::Either;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::deferred::after_paint;

/// Now, from the browser's clock (chrono's clock is not available in wasm).
pub fn now_utc() -> Option<DateTime<Utc>> {
    DateTime::from_timestamp_millis(Date::now() as i64)
}

/// "30 May 2026, 06:15 CEST" in the reader's locale and time zone, once the
/// browser's date formatter is ready (see [`when_local_ready`]).
fn local_text(at: &Timestamp) -> Option<String> {
    let parsed = at.parse()?;
    let date = Date::new(&JsValue::from_f64(parsed.timestamp_millis() as f64));
    LOCAL_FORMAT.with(|format| {
        let format = format.get()?.as_ref()?;
        format.call1(&JsValue::NULL, &date).ok()?.as_string()
    })
}

thread_local! {
    /// The reader's `Intl.DateTimeFormat`, made once. The first one a page
    /// makes costs about 100 ms of main thread at 4× CPU throttling (the
    /// browser loads its locale data), so it is made after the first paint.
    static LOCAL_FORMAT: OnceCell<Option<Function>> = const { OnceCell::new() };
}

/// Runs `then` with the reader's formatter ready: now if it already is,
/// otherwise in a task of its own after the next paint.
fn when_local_ready(then: impl FnOnce() + 'static) {
    if LOCAL_FORMAT.with(|format| format.get().is_some()) {
        then();
    } else {
        after_paint(move || {
            LOCAL_FORMAT.with(|format| {
                format.get_or_init(local_format);
            });
            then();
        });
    }
}

fn local_format() -> Option<Function> {
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
    // Built by reflection so that a locale the engine refuses falls back to
    // its default instead of throwing through wasm.
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: Function = Reflect::get(&intl, &"DateTimeFormat".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let formatter = Reflect::construct(&constructor, &Array::of2(&locale.into(), &options))
        .or_else(|_| Reflect::construct(&constructor, &Array::of2(&JsValue::UNDEFINED, &options)))
        .ok()?;
    Reflect::get(&formatter, &"format".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// An instant: local date and time, then "(3 days ago)". Until the reader's
/// formatter is ready it reads in UTC ("30 May 2026, 04:15 UTC"), in the
/// same shape. Text as sent when it does not parse.
#[component]
pub fn Moment(at: Timestamp) -> impl IntoView {
    let raw = at.as_str().trim().to_owned();
    let Some(parsed) = at.parse() else {
        return Either::Right(view! { <span>{raw}</span> });
    };
    let text = RwSignal::new(long_utc(parsed.to_utc()));
    when_local_ready(move || {
        if let Some(local) = local_text(&at) {
            text.try_set(local);
        }
    });
    let ago = now_utc().map(|now| relative(parsed, now));
    Either::Left(view! {
        <time datetime=raw.clone() title=raw>{text}</time>
        {ago.map(|ago| view! { " " <span class="relative">"(" {ago} ")"</span> })}
    })
}

/// A calendar day: "4 September 2025", with the ISO date in `datetime`.
#[component]
pub fn DayText(day: Day) -> impl IntoView {
    match day.parse() {
        Some(d) => Either::Left(view! {
            <time datetime=iso_day(d)>{day.long()}</time>
        }),
        None => Either::Right(view! { <span>{day.as_str().to_owned()}</span> }),
    }
}
