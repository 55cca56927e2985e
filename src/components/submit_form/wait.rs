//! While rate-limited: the seconds left until sending is allowed again,
//! ticking four times a second until the wait is over or the form is gone.

use std::time::Duration;

use js_sys::Date;
use leptos::prelude::*;

/// A wait before the next send, in a `Copy` store.
#[derive(Clone, Copy)]
pub struct RetryWait {
    /// When sending is allowed again, in ms since the epoch.
    until: RwSignal<Option<f64>>,
    /// The time at the last tick.
    clock: RwSignal<f64>,
    ticker: StoredValue<Option<IntervalHandle>, LocalStorage>,
    left: Memo<Option<u64>>,
}

impl RetryWait {
    /// No wait; the ticker stops with the owner.
    pub fn new() -> Self {
        let until = RwSignal::new(None::<f64>);
        let clock = RwSignal::new(Date::now());
        let left = Memo::new(move |_| {
            until
                .get()
                .map(|at| ((at - clock.get()) / 1000.0).ceil().max(0.0) as u64)
        });
        let wait = RetryWait {
            until,
            clock,
            ticker: StoredValue::new_local(None),
            left,
        };
        on_cleanup(move || wait.stop_ticking());
        wait
    }

    /// The whole seconds left, while waiting (tracked).
    pub fn left(self) -> Option<u64> {
        self.left.get()
    }

    /// Whether sending must wait, now (untracked).
    pub fn is_waiting(self) -> bool {
        self.left.get_untracked().is_some()
    }

    /// Waits `seconds` from now.
    pub fn start(self, seconds: u64) {
        let now = Date::now();
        self.clock.set(now);
        self.until.set(Some(now + seconds as f64 * 1000.0));
        let handle = set_interval_with_handle(move || self.tick(), Duration::from_millis(250)).ok();
        if let Some(old) = self
            .ticker
            .try_update_value(|t| std::mem::replace(t, handle))
            .flatten()
        {
            old.clear();
        }
    }

    fn tick(self) {
        let now = Date::now();
        self.clock.set(now);
        if self.until.get_untracked().is_none_or(|at| now >= at) {
            self.until.set(None);
            self.stop_ticking();
        }
    }

    fn stop_ticking(self) {
        if let Some(handle) = self.ticker.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }
}
