//! Helpers for this crate's unit tests.

pub use eventdesk_model::examples::{history_entry, paris_event as paris};

/// Reverses `eventdesk_model::url::encode_component`: a stand-in for the
/// browser's decoding in round-trip checks.
pub fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}
