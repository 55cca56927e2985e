//! A source's name, linked to its article or homepage when it has a safe one.

use leptos::either::Either;
use leptos::prelude::*;

pub fn source_name(name: String, href: Option<String>) -> impl IntoView {
    match href {
        Some(href) => Either::Left(view! {
            <a href=href rel="external noopener noreferrer">{name}</a>
        }),
        None => Either::Right(view! { <strong>{name}</strong> }),
    }
}
