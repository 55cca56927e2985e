//! "Source tone: certain", with what the tone means on hover and on
//! keyboard focus (a tooltip the badge names with `aria-describedby`).
//! Escape hides it; a tap toggles it.

use eventdesk_model::{Methodology, Tone};
use leptos::prelude::*;

#[component]
pub fn ToneBadge(
    tone: Tone,
    /// Unique on the page; names the tooltip.
    tip_id: String,
    methodology: Signal<Option<Methodology>>,
) -> impl IntoView {
    let dismissed = RwSignal::new(false);
    let pinned = RwSignal::new(false);
    let class = format!("badge badge--tone badge--tone-{}", tone.css_token());
    let meaning = {
        let tone = tone.clone();
        move || tone.meaning(methodology.read().as_ref())
    };
    view! {
        <span class="tone" on:mouseleave=move |_| dismissed.set(false)>
            <button
                type="button"
                class=class
                aria-describedby=tip_id.clone()
                on:click=move |_| {
                    dismissed.set(false);
                    pinned.update(|p| *p = !*p);
                }
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        dismissed.set(true);
                        pinned.set(false);
                    }
                }
                on:blur=move |_| {
                    dismissed.set(false);
                    pinned.set(false);
                }
            >
                <span class="badge__icon" aria-hidden="true">{tone.icon()}</span>
                " "
                {tone.badge()}
            </button>
            <span
                role="tooltip"
                id=tip_id
                class="tooltip"
                class:tooltip--dismissed=move || dismissed.get()
                class:tooltip--pinned=move || pinned.get()
            >
                {meaning}
            </span>
        </span>
    }
}
