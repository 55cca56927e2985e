//! Parts of a page below the fold, drawn one task after the first paint.
//!
//! Each `Later` waits for its own zero-delay timer after the next frame, so
//! the browser paints what the reader sees first and then builds the rest
//! in several short tasks rather than one long one (on a throttled phone
//! one long task is what Lighthouse counts as blocking time). When the
//! address names a fragment, everything is drawn at once so the page can
//! scroll to it (`document::scroll_to_fragment`).

use std::time::Duration;

use leptos::prelude::*;

#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    let shown = RwSignal::new(names_fragment());
    if !shown.get_untracked() {
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
