//! Eventdesk's reader-facing app: the routes and the frame around them.
//!
//! It is built twice. [`App`] is the whole app. [`EventLanding`] is the
//! event page alone, for readers who arrive on a shared event link: the
//! server sends it for `/events/{id}`, and it is about a quarter smaller
//! to download and start. Leaving it for any other page loads the whole
//! app (see [`pages::full_load`]).

pub mod api;
pub mod components;
pub mod crash;
pub mod document;
mod page_focus;
pub mod pages;

use eventdesk_model::paths::{ENTITIES, EVENTS, ID_PARAM, METHODOLOGY, SUBMISSIONS};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{ParamSegment, StaticSegment};

use components::site_chrome::{SiteFooter, SiteHeader};
use pages::{
    entity::EntityPage, event::EventPage, full_load::FullLoad, home::HomePage,
    methodology::MethodologyPage, not_found::NotFoundPage, submission::SubmissionPage,
};

/// Starts `app` on the page's body. When the server sent a first paint (of
/// an event page or the feed), the app starts a frame after the browser has painted it: on
/// a fast machine the app could otherwise replace it before it is ever
/// shown, and the reader (and Lighthouse's largest-contentful-paint) would
/// see the page only when the app is.
pub fn start<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    crash::install_panic_hook();
    if document::has_first_paint() {
        leptos::prelude::request_animation_frame(move || {
            components::deferred::after_paint(move || leptos::mount::mount_to_body(app));
        });
    } else {
        leptos::mount::mount_to_body(app);
    }
}

/// The whole app. Its routes are the model's list of the app's pages
/// (`eventdesk_model::paths::PageRoute`, one route a variant, written from
/// its segments), which the server reads addresses with: an address that
/// falls through to `NotFoundPage` here is answered 404 there.
#[component]
pub fn App() -> impl IntoView {
    pages::full_load::arrived();
    view! {
        <Router>
            <Frame>
                <Routes fallback=NotFoundPage>
                    <Route path=StaticSegment("") view=HomePage/>
                    <Route path=(StaticSegment(EVENTS), ParamSegment(ID_PARAM)) view=EventPage/>
                    <Route path=(StaticSegment(ENTITIES), ParamSegment(ID_PARAM)) view=EntityPage/>
                    <Route path=StaticSegment(METHODOLOGY) view=MethodologyPage/>
                    <Route
                        path=(StaticSegment(SUBMISSIONS), ParamSegment(ID_PARAM))
                        view=SubmissionPage
                    />
                </Routes>
            </Frame>
        </Router>
    }
}

/// The event page alone; every other address is loaded whole.
#[component]
pub fn EventLanding() -> impl IntoView {
    view! {
        <Router>
            <Frame>
                <Routes fallback=FullLoad>
                    <Route path=(StaticSegment(EVENTS), ParamSegment(ID_PARAM)) view=EventPage/>
                </Routes>
            </Frame>
        </Router>
    }
}

/// What every page has around its content.
#[component]
fn Frame(children: Children) -> impl IntoView {
    page_focus::follow_pages("main");
    view! {
        <components::skip_link::SkipLink target="main">"Skip to content"</components::skip_link::SkipLink>
        <SiteHeader/>
        <main id="main" tabindex="-1">{children()}</main>
        <SiteFooter/>
    }
}
