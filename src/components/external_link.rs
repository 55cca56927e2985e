//! A link out of Eventdesk. The URL is untrusted: only `http:`/`https:` URLs
//! become links; anything else shows its text without a link.

use eventdesk_model::url::safe_href;
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn ExternalLink(
    /// The URL as the API sent it.
    href: Option<String>,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    match href.as_deref().and_then(safe_href) {
        Some(href) => Either::Left(view! {
            <a class=class href=href.to_owned() rel="external noopener noreferrer">
                {children()}
            </a>
        }),
        None => Either::Right(view! { <span class=class>{children()}</span> }),
    }
}
