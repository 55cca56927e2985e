//! The pages' logic: what the app derives from the contract's types before
//! showing them. Plain Rust with no web dependencies, so every rule here is
//! unit-tested natively; the views in `src/` only render what it returns.
//! The app's web server (`web/`) uses the same rules for first paint and
//! link previews, so both say the same thing.
//!
//! - [`map`]: projection, basemap paths, place marks, the feed's dots and
//!   the cards' locator;
//! - [`feed`]: the feed's filters and the words around its cards;
//! - [`form`]: the submit-a-source form's values, drafts and errors;
//! - [`event`]: reports by source and updates in order;
//! - [`category`]: a category's icon, icon-sized whatever the API sends;
//! - [`document`], [`share`], [`text`]: titles, share links, shortening;
//! - [`missing`]: the words of a page that is not there.

pub mod category;
pub mod document;
pub mod event;
pub mod feed;
pub mod follow;
pub mod form;
pub mod map;
pub mod missing;
pub mod share;
pub mod text;

#[cfg(test)]
mod testing;
