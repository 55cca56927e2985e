//! The event's category: emoji and label, "🤝 Diplomatic". The emoji is
//! decoration from the API: an "emoji" longer than an icon (two emoji at
//! most) is not one, so the neutral marker stands in and the text sent stays
//! in its `title`. The label wraps however long it is.
//! `web/src/page/first_paint.rs` writes the same markup.

use eventdesk_model::Category;
use eventdesk_page_logic::text::width;
use leptos::prelude::*;

/// The widest icon shown, in columns: two emoji.
const ICON_COLUMNS: usize = 4;

#[component]
pub fn CategoryBadge(category: Category) -> impl IntoView {
    let sent = category.icon().to_owned();
    let (icon, title) = if width(&sent) <= ICON_COLUMNS {
        (sent, None)
    } else {
        ("📰".to_owned(), Some(sent))
    };
    view! {
        <p class="event-category">
            <span class="badge badge--category">
                <span class="badge__icon" aria-hidden="true" title=title>{icon}</span>
                " "
                {category.display_label()}
            </span>
        </p>
    }
}
