//! Dates as a reader wants them: one style for days and instants alike, in
//! the reader's locale and (for instants) time zone, the full date or exact
//! instant in a `title`, the machine-readable one in `<time datetime>`, and
//! for an instant how long ago ("3 days ago").
//!
//! The style is `DateStyle` (`model/src/time.rs`). Until the browser's
//! formatter is ready, and where there is none, a date reads in the neutral
//! style the server's first paint uses too (`web/src/page/first_paint.rs`),
//! so the app's first frame matches it; the reader's own text replaces it in
//! place after the first paint.

use std::cell::{OnceCell, RefCell};

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use eventdesk_model::time::{
    exact_utc, full_day, iso_day, long_day, long_utc, relative, DateStyle,
};
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

/// The reader's formatters, one per style, and the locale they write in.
struct LocalFormats {
    formats: Vec<(DateStyle, Function)>,
    /// The locale's language tag when it is not English, for `lang` (the
    /// page is in English).
    lang: Option<String>,
}

impl LocalFormats {
    fn format(&self, style: DateStyle, date: &Date) -> Option<String> {
        let (_, format) = self.formats.iter().find(|(s, _)| *s == style)?;
        format.call1(&JsValue::NULL, date).ok()?.as_string()
    }
}

thread_local! {
    /// Made once. The first `Intl.DateTimeFormat` a page makes costs about
    /// 100 ms of main thread at 4× CPU throttling (the browser loads its
    /// locale data), so they are made after the first paint.
    static LOCAL: OnceCell<Option<LocalFormats>> = const { OnceCell::new() };
    /// Dates waiting for the formatters, all served by one task.
    static WAITING: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
}

/// Runs `then` with the reader's formatters: now if they are ready,
/// otherwise in one task after the next paint, with every other date waiting.
fn when_local_ready(then: impl FnOnce() + 'static) {
    if LOCAL.with(|local| local.get().is_some()) {
        then();
        return;
    }
    let first = WAITING.with(|waiting| {
        let mut waiting = waiting.borrow_mut();
        waiting.push(Box::new(then));
        waiting.len() == 1
    });
    if first {
        after_paint(|| {
            LOCAL.with(|local| {
                local.get_or_init(local_formats);
            });
            for then in WAITING.with(|waiting| std::mem::take(&mut *waiting.borrow_mut())) {
                then();
            }
        });
    }
}

/// Runs `with` on the reader's formatters once ready; nothing when the
/// browser has none (the neutral text stays).
fn with_local(with: impl FnOnce(&LocalFormats) + 'static) {
    when_local_ready(move || {
        LOCAL.with(|local| {
            if let Some(Some(formats)) = local.get() {
                with(formats);
            }
        })
    });
}

fn local_formats() -> Option<LocalFormats> {
    let locale: JsValue = web_sys::window()
        .and_then(|w| w.navigator().language())
        .map(JsValue::from)
        .unwrap_or(JsValue::UNDEFINED);
    // Built by reflection so that a locale the engine refuses falls back to
    // its default instead of throwing through wasm.
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: Function = Reflect::get(&intl, &"DateTimeFormat".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let mut formats = Vec::new();
    let mut resolved = None;
    for style in DateStyle::ALL {
        let options = Object::new();
        for (key, value) in style.intl_options() {
            Reflect::set(&options, &(*key).into(), &(*value).into()).ok()?;
        }
        let formatter = Reflect::construct(&constructor, &Array::of2(&locale, &options))
            .or_else(|_| {
                Reflect::construct(&constructor, &Array::of2(&JsValue::UNDEFINED, &options))
            })
            .ok()?;
        if resolved.is_none() {
            resolved = resolved_locale(&formatter);
        }
        let format = Reflect::get(&formatter, &"format".into())
            .ok()?
            .dyn_into()
            .ok()?;
        formats.push((style, format));
    }
    let lang = resolved.filter(|l| {
        let language = l.split('-').next().unwrap_or_default();
        !language.eq_ignore_ascii_case("en")
    });
    Some(LocalFormats { formats, lang })
}

fn resolved_locale(formatter: &JsValue) -> Option<String> {
    let resolve: Function = Reflect::get(formatter, &"resolvedOptions".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = resolve.call0(formatter).ok()?;
    Reflect::get(&options, &"locale".into()).ok()?.as_string()
}

/// A calendar day as a `Date`: the UTC midnight that starts it (read back in
/// UTC by the day styles, so it never moves by a day).
fn day_date(day: NaiveDate) -> Date {
    let date = Date::new(&JsValue::from_f64(0.0));
    date.set_utc_full_year_with_month_date(
        day.year() as u32,
        day.month0() as i32,
        day.day() as i32,
    );
    date
}

/// The text, title and language of a date, neutral until the reader's
/// formatters replace them.
struct Shown {
    text: RwSignal<String>,
    title: RwSignal<String>,
    lang: RwSignal<Option<String>>,
}

impl Shown {
    fn new(date: Date, neutral: (String, String), local: (DateStyle, DateStyle)) -> Shown {
        let shown = Shown {
            text: RwSignal::new(neutral.0),
            title: RwSignal::new(neutral.1),
            lang: RwSignal::new(None),
        };
        let Shown { text, title, lang } = shown;
        with_local(move |formats| {
            if let (Some(t), Some(full)) = (
                formats.format(local.0, &date),
                formats.format(local.1, &date),
            ) {
                text.try_set(t);
                title.try_set(full);
                lang.try_set(formats.lang.clone());
            }
        });
        shown
    }
}

/// An instant: the local date and time ("30 May 2026 at 06:15 CEST"), the
/// exact instant in its title, then "(3 days ago)". Text as sent when it
/// does not parse.
#[component]
pub fn Moment(at: Timestamp) -> impl IntoView {
    let raw = at.as_str().trim().to_owned();
    let Some(parsed) = at.parse() else {
        return Either::Right(view! { <span>{raw}</span> });
    };
    let utc = parsed.to_utc();
    let date = Date::new(&JsValue::from_f64(utc.timestamp_millis() as f64));
    let Shown { text, title, lang } = Shown::new(
        date,
        (long_utc(utc), exact_utc(utc)),
        (DateStyle::Instant, DateStyle::InstantExact),
    );
    let ago = now_utc().map(|now| relative(parsed, now));
    Either::Left(view! {
        <time datetime=raw title=title lang=lang>{text}</time>
        {ago.map(|ago| view! { " " <span class="relative">"(" {ago} ")"</span> })}
    })
}

/// A calendar day: "4 September 2025" in the reader's locale, the day in
/// full in its title, the ISO date in `datetime`. Text as sent when it is not
/// a date.
#[component]
pub fn DayText(day: Day) -> impl IntoView {
    let Some(d) = day.parse() else {
        return Either::Right(view! { <span>{day.as_str().to_owned()}</span> });
    };
    let Shown { text, title, lang } = Shown::new(
        day_date(d),
        (long_day(d), full_day(d)),
        (DateStyle::Day, DateStyle::DayFull),
    );
    Either::Left(view! {
        <time datetime=iso_day(d) title=title lang=lang>{text}</time>
    })
}
