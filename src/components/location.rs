//! Where the event happened and what it concerns: the label as the API
//! gives it, the map, and the places listed once. With a map the list is its
//! caption and its key: each place with the symbol it is drawn with, a link
//! to it on OpenStreetMap, or why it is not on the map; it is also the map's
//! text alternative, for the keyboard and screen readers.

use eventdesk_model::text::non_blank;
use eventdesk_model::{Location, Place};
use eventdesk_page_logic::map::geo::{osm_link, zoom_for};
use eventdesk_page_logic::map::place_marks::{mark, Mark, RoleStyle};
use leptos::either::Either;
use leptos::prelude::*;

use super::event_map::{draws_map, EventMap};
use super::map_marks::KeyIcon;

#[component]
pub fn LocationSection(location: Location) -> impl IntoView {
    let places = location.places;
    let mapped = draws_map(&places);
    let list = (!places.is_empty()).then(|| view! { <PlaceList places=places.clone() mapped/> });
    view! {
        <section class="section location" aria-labelledby="location-heading">
            <h2 id="location-heading">"Location"</h2>
            <p class="location__label">
                <span class="badge__icon" aria-hidden="true">"📍"</span>
                " "
                {location.label}
            </p>
            {if mapped {
                // The slot keeps the map's height while its drawing loads.
                Either::Left(view! {
                    <div id="event-map" class="map-slot" data-map-slot="">
                        <EventMap places>{list}</EventMap>
                    </div>
                })
            } else {
                Either::Right(list)
            }}
        </section>
    }
}

/// The places in the API's order. `mapped`: they are under their map, so
/// each says how it is drawn there.
#[component]
fn PlaceList(places: Vec<Place>, mapped: bool) -> impl IntoView {
    let class = if mapped {
        "places places--keyed"
    } else {
        "places"
    };
    view! {
        <ul class=class aria-label="Places">
            {places.into_iter().map(|p| view! { <PlaceItem place=p mapped/> }).collect_view()}
        </ul>
    }
}

#[component]
fn PlaceItem(place: Place, mapped: bool) -> impl IntoView {
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
    let name = place.name.trim().to_owned();
    let on_map = mapped.then(|| mark(&place));
    let key = on_map.as_ref().map(|m| match m {
        Ok(m) => {
            let style = RoleStyle::of(place.role.as_ref());
            let pin = matches!(m, Mark::Pin(_));
            Either::Left(view! { <span class="place__key"><KeyIcon style pin area=!pin/></span> })
        }
        Err(_) => Either::Right(view! { <span class="place__key"></span> }),
    });
    let whereabouts = on_map.map(|m| match m {
        Ok(m) => {
            let centre = match m {
                Mark::Pin(p) => p,
                Mark::Area { centre, .. } => centre,
            };
            let label = format!("Open in OpenStreetMap: {name}");
            Either::Left(view! {
                <a class="map-osm" href=osm_link(centre, zoom_for(&place)) rel="external noopener noreferrer" aria-label=label>
                    "Open in OpenStreetMap"
                </a>
            })
        }
        Err(why) => Either::Right(view! {
            <span class="place__undrawn">{format!("Not on the map ({})", why.reason())}</span>
        }),
    });
    let has_details = !details.is_empty() || whereabouts.is_some();
    view! {
        <li class="place">
            {key}
            <span class="place__name">{name.clone()}</span>
            {country.map(|c| view! { " " <abbr class="place__country" title="Country code">{c}</abbr> })}
            {has_details.then(|| view! {
                <span class="place__details">
                    {details.join(" · ")}
                    {(!details.is_empty() && whereabouts.is_some()).then_some("\u{a0}· ")}
                    {whereabouts}
                </span>
            })}
        </li>
    }
}
