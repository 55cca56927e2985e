//! One dot of the feed map: a 44 px button at the place page-logic gave
//! it, its mark (shaped by confidence) and, for a group, its count.

use eventdesk_model::ConfidenceLevel;
use eventdesk_page_logic::map::feed_dots::Group;
use eventdesk_page_logic::map::feed_layout::Frame;
use leptos::prelude::*;

use super::panel::PANEL_ID;

/// The attribute holding a dot's index, for moving focus between dots.
pub const DOT_ATTR: &str = "data-dot";

/// "verified", …, "mixed" for several levels (style/map.css colours them).
pub fn level_token(level: Option<&ConfidenceLevel>) -> &'static str {
    level.map_or("mixed", |l| l.css_token())
}

#[component]
pub fn FeedDot(
    index: usize,
    group: Group,
    frame: Frame,
    selected: RwSignal<Option<String>>,
    /// The index of the dot that is the map's one tab stop.
    stop: Memo<usize>,
    toggle: Callback<String>,
) -> impl IntoView {
    let t = group.target;
    // The target's corner in per cent of the frame (so it stays in place
    // until the next layout), its size and what it holds in pixels.
    let place = format!(
        "left:{:.3}%;top:{:.3}%;width:{}px;height:{}px",
        t.left / frame.width * 100.0,
        t.top / frame.height * 100.0,
        t.width,
        t.height
    );
    let mark = format!(
        "left:{:.2}px;top:{:.2}px;width:{}px;height:{}px",
        group.mark.left - t.left,
        group.mark.top - t.top,
        group.mark.width,
        group.mark.height
    );
    let badge = group.badge.map(|b| {
        format!(
            "left:{:.2}px;top:{:.2}px;width:{:.2}px;height:{}px;line-height:{}px",
            b.left - t.left,
            b.top - t.top,
            b.width,
            b.height,
            b.height
        )
    });
    let class = format!("feed-dot feed-dot--{}", level_token(group.level.as_ref()));
    let count = group.events.len();
    let key = group.key.clone();
    let expanded = {
        let key = key.clone();
        move || {
            if selected.with(|s| s.as_deref() == Some(key.as_str())) {
                "true"
            } else {
                "false"
            }
        }
    };
    view! {
        <button
            type="button"
            class=class
            style=place
            data-dot=index
            tabindex=move || if stop.get() == index { "0" } else { "-1" }
            aria-label=group.label
            aria-expanded=expanded
            aria-controls=PANEL_ID
            on:click=move |_| toggle.run(key.clone())
        >
            <DotShape level=group.level style=mark/>
            {badge.map(|style| view! {
                <span class="feed-dot__count" style=style aria-hidden="true">{count}</span>
            })}
        </button>
    }
}

/// Verified ●, likely ◆, unconfirmed ○, disputed ▲, mixed or unknown ■.
#[component]
pub fn DotShape(
    level: Option<ConfidenceLevel>,
    #[prop(optional, into)] style: Option<String>,
) -> impl IntoView {
    let d = match level {
        Some(ConfidenceLevel::Verified) => "M10 3A7 7 0 1 1 10 17A7 7 0 1 1 10 3Z",
        Some(ConfidenceLevel::Likely) => "M10 2L18 10L10 18L2 10Z",
        Some(ConfidenceLevel::Unconfirmed) => "M10 4.5A5.5 5.5 0 1 1 10 15.5A5.5 5.5 0 1 1 10 4.5Z",
        Some(ConfidenceLevel::Disputed) => "M10 2L18.5 17H1.5Z",
        _ => "M3.5 3.5H16.5V16.5H3.5Z",
    };
    view! {
        <svg class="feed-dot__shape" viewBox="0 0 20 20" aria-hidden="true" style=style>
            <path d=d/>
        </svg>
    }
}
