//! What the API lists as the feed's filter values, read once for the page:
//! `/categories` always (the filter's chips), `/methodology` only while the
//! address names a level this build does not know. The filter form uses it
//! to drop what the API does not list, and the page for its title
//! (`FeedFilters::describe_with`).

use eventdesk_model::{Category, ConfidenceLevel, Methodology};
use eventdesk_page_logic::feed::{FeedFilters, FilterVocabulary};
use leptos::prelude::*;

use crate::api::{self, ApiError};

/// The lists as they load.
#[derive(Clone, Copy)]
pub struct FilterLists {
    pub categories: LocalResource<Result<Vec<Category>, ApiError>>,
    /// `None` inside while no unknown level is asked for.
    pub methodology: LocalResource<Option<Result<Methodology, ApiError>>>,
    /// What they say so far.
    pub vocabulary: Memo<FilterVocabulary>,
}

impl FilterLists {
    /// Starts reading the lists the filters need.
    pub fn new(filters: Memo<FeedFilters>) -> Self {
        let categories = LocalResource::new(api::get_categories);
        let names_other_level = Memo::new(move |_| {
            filters.with(|f| f.confidences.iter().any(ConfidenceLevel::is_other))
        });
        let methodology = LocalResource::new(move || {
            let needed = names_other_level.get();
            async move {
                if needed {
                    Some(api::get_methodology().await)
                } else {
                    None
                }
            }
        });
        let vocabulary = Memo::new(move |_| {
            let mut v = FilterVocabulary::default();
            if let Some(Ok(list)) = categories.get().as_ref() {
                v = v.with_categories(list);
            }
            if let Some(Some(Ok(m))) = methodology.get().as_ref() {
                v = v.with_levels(m);
            }
            v
        });
        FilterLists {
            categories,
            methodology,
            vocabulary,
        }
    }
}
