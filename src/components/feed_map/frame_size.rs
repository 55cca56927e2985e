//! The feed map's frame as rendered, in CSS pixels: measured once drawn,
//! again when the window is resized and when the feed changes (a page of
//! cards can bring a scroll bar that narrows the column).

use std::sync::Arc;

use eventdesk_model::EventSummary;
use eventdesk_page_logic::map::feed_dots::{VIEW_H, VIEW_W};
use eventdesk_page_logic::map::feed_layout::Frame;
use leptos::html;
use leptos::prelude::*;

/// The frame's inner size, kept up to date.
pub fn use_frame_size(
    frame_ref: NodeRef<html::Div>,
    events: Signal<Vec<Arc<EventSummary>>>,
) -> Memo<Frame> {
    let size = RwSignal::new(estimate());
    let measure = move || {
        let Some(el) = frame_ref.get_untracked() else {
            return;
        };
        let (w, h) = (f64::from(el.client_width()), f64::from(el.client_height()));
        let f = Frame {
            width: w,
            height: h,
        };
        // A frame not laid out (hidden) keeps the last size.
        if w > 0.0 && h > 0.0 && size.get_untracked() != f {
            size.set(f);
        }
    };
    Effect::new(move |_| {
        frame_ref.track();
        events.track();
        measure();
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    Memo::new(move |_| size.get())
}

/// Before the first measure: the feed's column, the window less its margins.
fn estimate() -> Frame {
    let window_px = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .unwrap_or(VIEW_W);
    let width = (window_px - 32.0).clamp(280.0, VIEW_W);
    Frame {
        width,
        height: width * VIEW_H / VIEW_W,
    }
}
