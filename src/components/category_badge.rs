//! A category badge: icon and label, "🤝 Diplomatic", on the event page and
//! on feed cards. The icon is icon-sized whatever the API sends
//! (`eventdesk_page_logic::category`); the label wraps however long it is.
//! `web/src/page/first_paint.rs` writes the same markup.

use eventdesk_model::Category;
use eventdesk_page_logic::category::category_icon;
use leptos::prelude::*;

#[component]
pub fn CategoryBadge(category: Category) -> impl IntoView {
    let icon = category_icon(&category);
    let (glyph, title) = (icon.glyph.to_owned(), icon.title.map(str::to_owned));
    view! {
        <span class="badge badge--category">
            <span class="badge__icon" aria-hidden="true" title=title>{glyph}</span>
            " "
            {category.display_label()}
        </span>
    }
}
