//! What the event page derives from an event before showing it.

pub mod correction;
pub mod history;
pub mod related;
pub mod reports;
pub mod standing;
