//! Parts of a page below the fold, drawn one task after the first paint.
//!
//! Each `Later` waits for its own zero-delay timer after the next frame, so
//! the browser paints what the reader sees first and then builds the rest
//! in several short tasks rather than one long one (on a throttled phone
//! one long task is what Lighthouse counts as blocking time). When the
//! address names a fragment, everything is drawn at once so the page can
//! scroll to it (`document::scroll_to_fragment`).
//!
//! A reader who prints before those frames came (the page opened in a
//! background tab, Ctrl+P right after loading) gets the whole article too:
//! on `beforeprint`, or when `matchMedia('print')` starts to match (what
//! print previews and emulated print media report), every `Later` still
//! waiting is drawn at once, and one made while printing draws at once.
//! The page's origin is given to the print stylesheet too (`--print-origin`,
//! style/print.css), so the article's own links print as whole addresses.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// The `Later`s still waiting for their frame.
    static WAITING: RefCell<Vec<RwSignal<bool>>> = const { RefCell::new(Vec::new()) };
    /// Whether the print listeners are installed (once a page).
    static LISTENING: Cell<bool> = const { Cell::new(false) };
}

#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    // Even when nothing waits (an address with a fragment draws at once),
    // the print stylesheet needs the page's origin.
    if !LISTENING.replace(true) {
        listen_for_print();
    }
    let shown = RwSignal::new(names_fragment() || printing());
    if !shown.get_untracked() {
        draw_when_printed(shown);
        // The page may have gone in the meantime: then there is nothing to
        // show it in, and `try_set` does nothing.
        after_paint(move || {
            shown.try_set(true);
        });
    }
    move || shown.get().then(|| children())
}

/// Runs `work` in a task of its own once the next frame is painted.
pub fn after_paint(work: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(work, Duration::ZERO));
}

fn names_fragment() -> bool {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .is_some_and(|hash| hash.len() > 1)
}

/// `shown` is set as soon as the reader prints, if its frame has not come.
fn draw_when_printed(shown: RwSignal<bool>) {
    WAITING.with_borrow_mut(|waiting| {
        // Those drawn already, or gone with their page, need no telling.
        waiting.retain(|s| s.try_get_untracked() == Some(false));
        waiting.push(shown);
    });
}

fn draw_all_waiting() {
    for shown in WAITING.take() {
        shown.try_set(true);
    }
}

/// `window.matchMedia('print')` (read through JavaScript: web-sys's
/// `MediaQueryList` is not among the app's features).
fn print_query() -> Option<web_sys::EventTarget> {
    let window = web_sys::window()?;
    let match_media = js_sys::Reflect::get(&window, &JsValue::from_str("matchMedia"))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let query = match_media
        .call1(&window, &JsValue::from_str("print"))
        .ok()?;
    query.dyn_into::<web_sys::EventTarget>().ok()
}

fn matches(query_or_event: &JsValue) -> bool {
    js_sys::Reflect::get(query_or_event, &JsValue::from_str("matches"))
        .ok()
        .and_then(|m| m.as_bool())
        .unwrap_or(false)
}

fn printing() -> bool {
    print_query().is_some_and(|q| matches(&q))
}

/// Installs, for the page's lifetime, what draws every waiting part when
/// the reader prints, and gives the print stylesheet the page's origin.
fn listen_for_print() {
    let Some(window) = web_sys::window() else {
        return;
    };
    give_print_origin(&window);
    let before_print = Closure::<dyn Fn()>::new(draw_all_waiting);
    let _ = window
        .add_event_listener_with_callback("beforeprint", before_print.as_ref().unchecked_ref());
    before_print.forget();
    if let Some(query) = print_query() {
        let on_change = Closure::<dyn Fn(JsValue)>::new(|event: JsValue| {
            if matches(&event) {
                draw_all_waiting();
            }
        });
        let _ =
            query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        on_change.forget();
    }
}

/// `--print-origin: "https://…"` on the root element, for the print
/// stylesheet's addresses of internal links.
fn give_print_origin(window: &web_sys::Window) {
    let (Ok(origin), Some(root)) = (
        window.location().origin(),
        window.document().and_then(|d| d.document_element()),
    ) else {
        return;
    };
    let css_string = format!("\"{}\"", origin.replace('\\', "\\\\").replace('"', "\\\""));
    let set_property = js_sys::Reflect::get(&root, &JsValue::from_str("style"))
        .ok()
        .and_then(|style| {
            let set = js_sys::Reflect::get(&style, &JsValue::from_str("setProperty")).ok()?;
            Some((style, set.dyn_into::<js_sys::Function>().ok()?))
        });
    if let Some((style, set)) = set_property {
        let _ = set.call2(
            &style,
            &JsValue::from_str("--print-origin"),
            &JsValue::from_str(&css_string),
        );
    }
}
