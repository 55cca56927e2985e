//! The frame of every page: the masthead and the footer.

use leptos::prelude::*;

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="brand" href="/">"Eventdesk"</a>
                <nav aria-label="Site">
                    <ul class="site-nav">
                        <li><a href="/">"Latest events"</a></li>
                        <li><a href="/methodology">"How we assess confidence"</a></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                "Eventdesk rates how well independent sources corroborate each event. A rating describes corroboration, not truth. "
                <a href="/methodology">"How we assess confidence"</a>
            </p>
        </footer>
    }
}
