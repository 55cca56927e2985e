//! Maps: the projection and viewport ([`geo`]), the basemap ([`topo`],
//! [`iso3166`]) drawn as SVG paths ([`svg`]), an event's place marks
//! ([`place_marks`]), the feed's overview dots ([`feed_dots`]) and the
//! cards' small world locator ([`locator`]).

pub mod feed_dots;
pub mod geo;
pub mod iso3166;
pub mod locator;
pub mod place_marks;
pub mod svg;
pub mod topo;
