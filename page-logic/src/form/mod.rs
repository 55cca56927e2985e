//! The submit-a-source form's pure logic, one job a file: what the reader
//! typed ([`values`]) and its errors in the form's order ([`errors`]), the
//! draft kept in the browser, without the email and for a week ([`draft`]), the "already covered" check
//! against the event's sources ([`covered`]), what each refusal of the
//! backend means ([`refusal`]), `Retry-After` and the wait's wording
//! ([`retry`]), and the live character count ([`count`]). The form
//! (`src/components/submit_form`) only wires these to the page; the rules
//! themselves are in [`eventdesk_model::submission`].

pub mod count;
pub mod covered;
pub mod draft;
pub mod errors;
pub mod refusal;
pub mod retry;
pub mod values;

#[cfg(test)]
mod testing;

pub use count::chars_left;
pub use covered::{covering_source, source_href};
pub use draft::{draft_from_json, draft_key, draft_to_json, is_draft_key, DRAFT_KEEP_DAYS};
pub use errors::{error_for, first_invalid};
pub use refusal::{refusal, Duplicate, Refusal};
pub use retry::{countdown, retry_sentence};
pub use values::FormValues;

/// The review notice every submission path carries: the form's section, its
/// receipt and the submission's own page.
pub const REVIEW_NOTICE: &str = "Submissions are reviewed by an editor before integration.";
