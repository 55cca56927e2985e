//! Eventdesk's reader-facing app: the routes and the frame around them.

pub mod api;
pub mod components;
pub mod crash;
pub mod document;
pub mod pages;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use components::site_chrome::{SiteFooter, SiteHeader};
use pages::{
    entity::EntityPage, event::EventPage, home::HomePage, methodology::MethodologyPage,
    not_found::NotFoundPage, submission::SubmissionPage,
};

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <SiteHeader/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/events/:id") view=EventPage/>
                    <Route path=path!("/entities/:id") view=EntityPage/>
                    <Route path=path!("/methodology") view=MethodologyPage/>
                    <Route path=path!("/submissions/:id") view=SubmissionPage/>
                </Routes>
            </main>
            <SiteFooter/>
        </Router>
    }
}
