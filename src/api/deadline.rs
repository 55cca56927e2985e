//! The time limit every API call has: an `AbortController` armed by a timer,
//! and the error a call reports when it fails (timed out, or never answered).

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use web_sys::{AbortController, AbortSignal};

use super::error::ApiError;

/// How long a call may take, body included; longer counts as a failure.
pub const TIMEOUT_MS: u32 = 15_000;

/// Armed when created; dropping it (when the call returns) cancels the timer.
pub(super) struct Deadline {
    controller: AbortController,
    timed_out: Rc<Cell<bool>>,
    _timer: Timeout,
}

impl Deadline {
    pub(super) fn start() -> Result<Deadline, ApiError> {
        let controller = AbortController::new().map_err(|_| ApiError::Network)?;
        let timed_out = Rc::new(Cell::new(false));
        let timer = {
            let (controller, timed_out) = (controller.clone(), timed_out.clone());
            Timeout::new(TIMEOUT_MS, move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        Ok(Deadline {
            controller,
            timed_out,
            _timer: timer,
        })
    }

    /// The signal to hand the request, so the timer can cut it off.
    pub(super) fn signal(&self) -> AbortSignal {
        self.controller.signal()
    }

    /// Why a request that got no (complete) answer failed.
    pub(super) fn failure(&self) -> ApiError {
        if self.timed_out.get() {
            ApiError::Timeout
        } else {
            ApiError::Network
        }
    }
}

/// `application/json` or any `+json` type, parameters ignored.
pub(super) fn is_json(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or("").trim();
    essence == "application/json" || essence.ends_with("+json")
}
