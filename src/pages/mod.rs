//! One file a route.

pub mod entity;
pub mod event;
pub mod full_load;
pub mod home;
pub mod methodology;
pub mod not_found;
pub mod submission;
