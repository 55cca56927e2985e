//! Maps: the projection and viewport ([`geo`]), the basemap ([`topo`],
//! [`iso3166`]) drawn as SVG paths ([`svg`]), an event's place marks
//! ([`place_marks`]), the feed's overview dots ([`feed_dots`]: laid out by
//! [`feed_layout`], named by [`feed_names`], counted by [`feed_coverage`],
//! walked by keyboard with [`feed_keys`]) and the cards' small world
//! locator ([`locator`]).

pub mod feed_coverage;
pub mod feed_dots;
pub mod feed_keys;
pub mod feed_layout;
pub mod feed_names;
pub mod geo;
pub mod iso3166;
pub mod locator;
pub mod place_marks;
pub mod svg;
pub mod topo;
