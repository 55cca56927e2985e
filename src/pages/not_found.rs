//! Any address that is none of the app's pages (the server answers it 404
//! with the same title, see `web/src/page/head.rs`).

use eventdesk_page_logic::missing::{UNKNOWN_HEADING, UNKNOWN_LEDE};
use leptos::prelude::*;

use crate::components::error_view::UnknownPageNotice;
use crate::document::{page_title, set_title_and_description};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    set_title_and_description(&page_title(UNKNOWN_HEADING), UNKNOWN_LEDE);
    view! { <UnknownPageNotice/> }
}
