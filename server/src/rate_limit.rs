//! Per-client submission limit: at most `count` in any sliding `window`.
//!
//! A slot is taken before the submission is processed (so concurrent requests
//! cannot overshoot) and given back unless the submission was accepted.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::config::SubmitLimit;

pub struct RateLimiter {
    limit: SubmitLimit,
    hits: Mutex<HashMap<IpAddr, VecDeque<Instant>>>,
}

/// A taken slot. Dropped without [`Slot::keep`], it is given back.
pub struct Slot {
    limiter: Arc<RateLimiter>,
    client: IpAddr,
    at: Instant,
    kept: bool,
}

impl Slot {
    pub fn keep(mut self) {
        self.kept = true;
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        if !self.kept {
            self.limiter.give_back(self.client, self.at);
        }
    }
}

/// Clients tracked before idle ones are swept out.
const SWEEP_ABOVE: usize = 10_000;

impl RateLimiter {
    pub fn new(limit: SubmitLimit) -> RateLimiter {
        RateLimiter {
            limit,
            hits: Mutex::new(HashMap::new()),
        }
    }

    /// A slot, or the whole seconds to wait until one frees up.
    pub fn take(self: &Arc<Self>, client: IpAddr) -> Result<Slot, u64> {
        self.take_at(client, Instant::now())
    }

    fn take_at(self: &Arc<Self>, client: IpAddr, now: Instant) -> Result<Slot, u64> {
        let window = self.limit.window;
        let mut hits = self.hits.lock().unwrap_or_else(|p| p.into_inner());
        if hits.len() > SWEEP_ABOVE {
            hits.retain(|_, q| q.back().is_some_and(|t| now.duration_since(*t) < window));
        }
        let queue = hits.entry(client).or_default();
        while queue
            .front()
            .is_some_and(|t| now.duration_since(*t) >= window)
        {
            queue.pop_front();
        }
        if queue.len() >= self.limit.count as usize {
            let oldest = queue.front().copied().unwrap_or(now);
            let wait = window.saturating_sub(now.duration_since(oldest));
            return Err(ceil_secs(wait).max(1));
        }
        queue.push_back(now);
        Ok(Slot {
            limiter: Arc::clone(self),
            client,
            at: now,
            kept: false,
        })
    }

    fn give_back(&self, client: IpAddr, at: Instant) {
        let mut hits = self.hits.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(queue) = hits.get_mut(&client) {
            if let Some(i) = queue.iter().rposition(|t| *t == at) {
                queue.remove(i);
            }
        }
    }
}

fn ceil_secs(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limiter(count: u32, secs: u64) -> Arc<RateLimiter> {
        Arc::new(RateLimiter::new(SubmitLimit {
            count,
            window: Duration::from_secs(secs),
        }))
    }

    #[test]
    fn limits_each_client_and_frees_up() {
        let l = limiter(2, 60);
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        let t0 = Instant::now();
        l.take_at(a, t0).unwrap().keep();
        l.take_at(a, t0 + Duration::from_secs(10)).unwrap().keep();
        assert_eq!(l.take_at(a, t0 + Duration::from_secs(20)).err(), Some(40));
        assert!(l.take_at(b, t0 + Duration::from_secs(20)).is_ok());
        assert!(l.take_at(a, t0 + Duration::from_secs(60)).is_ok());
    }

    #[test]
    fn a_slot_not_kept_is_given_back() {
        let l = limiter(1, 60);
        let a: IpAddr = "::1".parse().unwrap();
        drop(l.take(a).unwrap());
        l.take(a).unwrap().keep();
        assert!(l.take(a).is_err());
    }
}
