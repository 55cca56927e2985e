//! The symbols the maps share, so a legend shows exactly what the map draws:
//! where it happened is a solid pin and a solid area; what it concerns is a
//! hollow diamond and a hatched area (shape and pattern, not colour alone).

use eventdesk_page_logic::map::place_marks::RoleStyle;
use leptos::prelude::*;

/// A pin for a role, its tip at (0, 0).
#[component]
pub fn PinSymbol(style: RoleStyle) -> impl IntoView {
    let class = format!("map-pin map-pin--{}", style.css());
    match style {
        RoleStyle::Occurred => view! {
            <g class=class>
                <path d="M0 0C-2-6-9-9-9-16A9 9 0 1 1 9-16C9-9 2-6 0 0Z"/>
                <circle class="map-pin__hole" cx="0" cy="-16" r="3.5"/>
            </g>
        }
        .into_any(),
        RoleStyle::About => view! {
            <g class=class>
                <path d="M0-10L10 0L0 10L-10 0Z"/>
            </g>
        }
        .into_any(),
        RoleStyle::Other => view! {
            <g class=class>
                <rect x="-7" y="-7" width="14" height="14"/>
            </g>
        }
        .into_any(),
    }
}

/// The hatch used for "what it concerns" areas; one per page is enough,
/// but a duplicate id is harmless as both are identical.
#[component]
pub fn HatchDefs() -> impl IntoView {
    view! {
        <defs>
            <pattern
                id="map-hatch"
                patternUnits="userSpaceOnUse"
                width="7"
                height="7"
                patternTransform="rotate(45)"
            >
                <rect class="map-hatch__bg" width="7" height="7"/>
                <rect class="map-hatch__line" width="2.5" height="7"/>
            </pattern>
        </defs>
    }
}

/// A legend key: the pin and/or area swatch of a role.
#[component]
pub fn KeyIcon(style: RoleStyle, pin: bool, area: bool) -> impl IntoView {
    let area_class = format!("map-area map-area--{}", style.css());
    view! {
        <span class="map-key" aria-hidden="true">
            {pin.then(|| view! {
                <svg class="map-key__icon" viewBox="-12 -27 24 30" width="20" height="25">
                    <PinSymbol style/>
                </svg>
            })}
            {area.then(|| view! {
                <svg class="map-key__icon" viewBox="0 0 28 20" width="28" height="20">
                    <HatchDefs/>
                    <rect class=area_class x="2" y="2" width="24" height="16" rx="2"/>
                </svg>
            })}
        </span>
    }
}
