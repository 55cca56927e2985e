//! How the contract's JSON is read, as the contract states it:
//! - unknown object fields are ignored (serde's default, never `deny_unknown_fields`);
//! - every enum is open (see [`crate::open_enum!`]);
//! - a field that is not `required` is an `Option`: absent and `null` both mean unknown;
//! - lists default to empty, and a `null` list reads as empty;
//! - text is untrusted plain text: the types never interpret it.
//!
//! The serde helpers every type file uses to apply these rules.

use serde::{Deserialize, Deserializer};

/// Reads `null` as the type's default, for lists and defaulted booleans.
pub(crate) fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// The default of a boolean that is true unless the API says otherwise.
pub(crate) fn yes() -> bool {
    true
}

/// Reads `null` as `true`, for booleans that default to true.
pub(crate) fn null_as_true<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(Option::<bool>::deserialize(d)?.unwrap_or(true))
}
