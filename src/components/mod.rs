//! One file a visible part of a page.

pub mod basemap;
pub mod category_badge;
pub mod confidence;
pub mod deferred;
pub mod entity_chips;
pub mod error_view;
pub mod event_card;
pub mod event_list;
pub mod event_map;
pub mod external_link;
pub mod extraction;
pub mod feed_filters;
pub mod feed_map;
pub mod history;
pub mod location;
pub mod map_marks;
pub mod reports;
pub mod share;
pub mod share_links;
pub mod site_chrome;
pub mod skeleton;
pub mod submit_form;
pub mod submit_intro;
pub mod time;
pub mod tone_badge;
