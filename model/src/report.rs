//! One claim, as one source reports it; its tone is in [`crate::tone`].

use serde::{Deserialize, Serialize};

use crate::text::non_blank;
use crate::tone::Tone;
use crate::url::safe_href;

/// One claim, as one source reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub id: String,
    pub source_id: String,
    pub claim: String,
    pub tone: Tone,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub quote: Option<String>,
}

impl Report {
    /// The report's own article link, when it is safe.
    pub fn link(&self) -> Option<&str> {
        self.url.as_deref().and_then(safe_href)
    }

    /// The quote, when it has words.
    pub fn quote_text(&self) -> Option<&str> {
        self.quote.as_deref().and_then(non_blank)
    }
}
