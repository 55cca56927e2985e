//! What the event page derives from an event before showing it.

pub mod history;
pub mod reports;
