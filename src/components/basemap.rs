//! The country shapes behind every map: `/maps/countries-110m.json`
//! (Natural Earth via world-atlas), fetched once per page load, after the
//! page's text is on screen, and shared by every map.

use std::cell::Cell;
use std::sync::Arc;

use eventdesk_page_logic::map::topo::{Country, Topology};
use leptos::prelude::*;

/// Served from the app's own origin: the maps never call anyone else.
pub const BASEMAP_URL: &str = "/maps/countries-110m.json";

#[derive(Clone)]
pub enum Basemap {
    Loading,
    Ready(Arc<Vec<Country>>),
    /// The maps still draw their places, on a plain background.
    Failed,
}

impl Basemap {
    /// For `data-basemap`: what tests and styles can wait on.
    pub fn state(&self) -> &'static str {
        match self {
            Basemap::Loading => "loading",
            Basemap::Ready(_) => "ready",
            Basemap::Failed => "failed",
        }
    }

    pub fn country(&self, numeric: &str) -> Option<&Country> {
        match self {
            Basemap::Ready(all) => all.iter().find(|c| c.id == numeric),
            _ => None,
        }
    }
}

thread_local! {
    static SHARED: ArcRwSignal<Basemap> = ArcRwSignal::new(Basemap::Loading);
    static STARTED: Cell<bool> = const { Cell::new(false) };
}

/// The shared basemap; the first caller starts its download on the next
/// animation frame, so it never competes with the text being drawn.
pub fn use_basemap() -> ArcRwSignal<Basemap> {
    let shared = SHARED.with(Clone::clone);
    if !STARTED.replace(true) {
        let target = shared.clone();
        request_animation_frame(move || {
            leptos::task::spawn_local(async move {
                let loaded = match load().await {
                    Some(countries) => Basemap::Ready(Arc::new(countries)),
                    None => Basemap::Failed,
                };
                target.set(loaded);
            });
        });
    }
    shared
}

async fn load() -> Option<Vec<Country>> {
    let response = gloo_net::http::Request::get(BASEMAP_URL)
        .send()
        .await
        .ok()?;
    if !response.ok() {
        return None;
    }
    let text = response.text().await.ok()?;
    let countries = Topology::from_json(&text).ok()?.countries("countries");
    (!countries.is_empty()).then_some(countries)
}
