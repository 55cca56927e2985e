//! How an event was extracted, and from which story.

use serde::{Deserialize, Serialize};

use crate::time::Timestamp;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceStory {
    pub slug: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Extraction {
    #[serde(default)]
    pub extracted_at: Option<Timestamp>,
    #[serde(default)]
    pub source_story: Option<SourceStory>,
    /// e.g. "automated", "editor".
    #[serde(default)]
    pub method: Option<String>,
}
