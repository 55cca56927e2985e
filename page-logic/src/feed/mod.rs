//! The feed: its filters, kept in the URL, and the words around its cards.

pub mod countries;
pub mod filters;
pub mod history;
pub mod updates;
pub mod vocabulary;
pub mod words;

pub use filters::{events_query, FeedFilters, FilterField, FilterProblem, PAGE_SIZE};
pub use updates::FeedSort;
pub use vocabulary::{FilterVocabulary, Unrecognised, UnrecognisedKind};
