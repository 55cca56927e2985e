//! Where the event happened and what it concerns: the label as the API
//! gives it, the map, and the places as text, which is the map's
//! accessible alternative.

use eventdesk_model::text::non_blank;
use eventdesk_model::{Location, Place};
use leptos::prelude::*;

#[component]
pub fn LocationSection(location: Location) -> impl IntoView {
    let places = location.places;
    view! {
        <section class="section location" aria-labelledby="location-heading">
            <h2 id="location-heading">"Location"</h2>
            <p class="location__label">
                <span class="badge__icon" aria-hidden="true">"📍"</span>
                " "
                {location.label}
            </p>
            // The slot keeps the map's height while its drawing loads.
            <div id="event-map" class="map-slot" data-map-slot="">
                <crate::components::event_map::EventMap places=places.clone()/>
            </div>
            {(!places.is_empty()).then(|| view! {
                <ul class="places" aria-label="Places">
                    {places.into_iter().map(|p| view! { <PlaceItem place=p/> }).collect_view()}
                </ul>
            })}
        </section>
    }
}

#[component]
fn PlaceItem(place: Place) -> impl IntoView {
    let country = place
        .country_code
        .as_deref()
        .and_then(non_blank)
        .map(str::to_owned);
    let role = place.role.as_ref().map(|r| r.label());
    let precision = place
        .precision
        .as_ref()
        .map(|p| format!("Precision: {}", p.label().to_ascii_lowercase()));
    let details: Vec<String> = role.into_iter().chain(precision).collect();
    view! {
        <li class="place">
            <span class="place__name">{place.name}</span>
            {country.map(|c| view! { " " <abbr class="place__country" title="Country code">{c}</abbr> })}
            {(!details.is_empty()).then(|| view! {
                <span class="place__details">{details.join(" · ")}</span>
            })}
        </li>
    }
}
