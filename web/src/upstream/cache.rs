//! The cache of upstream answers: what the upstream's headers allow to be
//! kept ([`policy`]), and the bounded store itself ([`Cache`]).
//!
//! Entries are keyed by API path (query included). Each keeps its body, its
//! validators (`ETag`, `Last-Modified`) and two instants: until when it is
//! fresh (served with no call), and until when it may still stand in for a
//! failed refresh (stale-if-error).
//!
//! Memory is bounded by a count of entries and a total of bytes (bodies and
//! keys). Past either, the least recently used entries go first; finding
//! them is a scan of the map, which at a few thousand entries costs less
//! than one upstream call and keeps the structure a plain `HashMap`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime};

use reqwest::header::{HeaderMap, AGE, CACHE_CONTROL, DATE, ETAG, EXPIRES, LAST_MODIFIED};

use super::Answer;

/// The longest freshness believed, whatever the upstream says (and so no
/// `Instant` overflows).
const LIFETIME_MAX: Duration = Duration::from_secs(365 * 24 * 60 * 60);

/// What the upstream's headers allow a shared cache to do with an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// `no-store` or `private`: not kept at all.
    NoStore,
    /// Kept, fresh for `lifetime` (zero: revalidated on every read).
    Store {
        lifetime: Duration,
        /// False under `must-revalidate` / `proxy-revalidate`: once stale it
        /// may not stand in for a failed refresh.
        may_serve_stale: bool,
    },
}

/// The `Cache-Control` directives a shared cache heeds.
#[derive(Debug, Default)]
struct Directives {
    no_store: bool,
    no_cache: bool,
    private: bool,
    must_revalidate: bool,
    max_age: Option<u64>,
    s_maxage: Option<u64>,
}

impl Directives {
    /// All `Cache-Control` headers, comma-separated directives, names
    /// case-insensitive. An unreadable number counts as 0 (stale).
    fn parse(headers: &HeaderMap) -> Directives {
        let mut d = Directives::default();
        let values = headers.get_all(CACHE_CONTROL).into_iter();
        for part in values
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
        {
            let (name, value) = match part.split_once('=') {
                Some((name, value)) => (name, Some(value.trim().trim_matches('"'))),
                None => (part, None),
            };
            let seconds = || Some(value.and_then(|v| v.parse().ok()).unwrap_or(0));
            match name.trim().to_ascii_lowercase().as_str() {
                "no-store" => d.no_store = true,
                "no-cache" => d.no_cache = true,
                "private" => d.private = true,
                "must-revalidate" | "proxy-revalidate" => d.must_revalidate = true,
                "max-age" => d.max_age = seconds(),
                "s-maxage" => d.s_maxage = seconds(),
                _ => {}
            }
        }
        d
    }
}

/// Whether the headers say anything of freshness (`Cache-Control` or
/// `Expires`). A 304 that says nothing keeps the stored entry's policy.
pub fn states_freshness(headers: &HeaderMap) -> bool {
    headers.contains_key(CACHE_CONTROL) || headers.contains_key(EXPIRES)
}

/// What a shared cache may do with an answer carrying `headers`: `s-maxage`
/// over `max-age` over `Expires` (against the upstream's `Date`, or now),
/// less the `Age` it has already spent elsewhere; `fallback` when none is
/// given. `no-cache` keeps it but fresh for nothing.
pub fn policy(headers: &HeaderMap, fallback: Duration) -> Policy {
    let d = Directives::parse(headers);
    if d.no_store || d.private {
        return Policy::NoStore;
    }
    let lifetime = if d.no_cache {
        Duration::ZERO
    } else if let Some(seconds) = d.s_maxage.or(d.max_age) {
        Duration::from_secs(seconds)
    } else if let Some(expires) = headers.get(EXPIRES) {
        expires_lifetime(expires.to_str().unwrap_or(""), headers)
    } else {
        fallback
    };
    Policy::Store {
        lifetime: lifetime.saturating_sub(age(headers)).min(LIFETIME_MAX),
        may_serve_stale: !d.must_revalidate,
    }
}

/// `Expires` less `Date` (or now); an unreadable date has already expired.
fn expires_lifetime(expires: &str, headers: &HeaderMap) -> Duration {
    let Ok(expires) = httpdate::parse_http_date(expires) else {
        return Duration::ZERO;
    };
    let date = headers
        .get(DATE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| httpdate::parse_http_date(v).ok())
        .unwrap_or_else(SystemTime::now);
    expires.duration_since(date).unwrap_or(Duration::ZERO)
}

/// The `Age` header, in seconds; absent or unreadable is none.
fn age(headers: &HeaderMap) -> Duration {
    headers
        .get(AGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok())
        .map_or(Duration::ZERO, Duration::from_secs)
}

/// What a stale entry is revalidated with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

impl Validators {
    /// The `ETag` and `Last-Modified` of an answer, kept verbatim to be sent
    /// back as `If-None-Match` and `If-Modified-Since`.
    pub fn from_headers(headers: &HeaderMap) -> Validators {
        let text = |name| {
            headers
                .get(name)
                .and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok())
                .map(str::to_owned)
        };
        Validators {
            etag: text(ETAG),
            last_modified: text(LAST_MODIFIED),
        }
    }

    /// Whether there is anything to revalidate with.
    pub fn any(&self) -> bool {
        self.etag.is_some() || self.last_modified.is_some()
    }
}

/// One kept answer.
#[derive(Debug, Clone)]
pub struct Entry {
    pub answer: Arc<Answer>,
    pub validators: Validators,
    /// The policy it was stored under, kept for a 304 that states none.
    pub lifetime: Duration,
    pub may_serve_stale: bool,
    /// Served with no call until then.
    pub fresh_until: Instant,
    /// Served in place of a failed refresh until then (`None`: never).
    pub stale_until: Option<Instant>,
}

impl Entry {
    /// An entry stored `now` for `lifetime`, usable `stale_window` past it
    /// when a refresh fails and `may_serve_stale`.
    pub fn new(
        answer: Arc<Answer>,
        validators: Validators,
        lifetime: Duration,
        may_serve_stale: bool,
        stale_window: Duration,
        now: Instant,
    ) -> Entry {
        let fresh_until = now + lifetime.min(LIFETIME_MAX);
        Entry {
            answer,
            validators,
            lifetime,
            may_serve_stale,
            fresh_until,
            stale_until: may_serve_stale.then(|| fresh_until + stale_window.min(LIFETIME_MAX)),
        }
    }

    /// Whether it can stand in for a failed refresh at `now`.
    pub fn usable_stale(&self, now: Instant) -> bool {
        self.stale_until.is_some_and(|until| now < until)
    }

    /// Whether it is of no use any more, fresh or stale.
    fn dead(&self, now: Instant) -> bool {
        now >= self.fresh_until && !self.usable_stale(now)
    }

    /// The bytes it holds against the cache's budget, under key `path`.
    fn size(&self, path: &str) -> usize {
        path.len() + self.answer.body.len()
    }
}

/// What the cache has for a path.
#[derive(Debug)]
pub enum Lookup {
    /// Fresh: serve it.
    Fresh(Arc<Answer>),
    /// Stale: revalidate or refetch, and fall back on it if that fails.
    Stale(Entry),
    /// Nothing (or nothing of use any more).
    Miss,
}

/// The cache's bounds.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_entries: usize,
    pub max_bytes: usize,
}

/// A slot of the map: the entry and when it was last read or written.
#[derive(Debug)]
struct Slot {
    entry: Entry,
    last_used: u64,
}

#[derive(Debug, Default)]
struct Inner {
    slots: HashMap<String, Slot>,
    bytes: usize,
    /// A counter ticking on every use, for least-recently-used order.
    clock: u64,
}

impl Inner {
    fn tick(&mut self) -> u64 {
        self.clock += 1;
        self.clock
    }

    fn remove(&mut self, path: &str) -> Option<Entry> {
        let slot = self.slots.remove(path)?;
        self.bytes -= slot.entry.size(path);
        Some(slot.entry)
    }

    /// Drops least recently used entries until within `limits`.
    fn evict(&mut self, limits: Limits) {
        while self.slots.len() > limits.max_entries || self.bytes > limits.max_bytes {
            let Some(oldest) = self
                .slots
                .iter()
                .min_by_key(|(_, slot)| slot.last_used)
                .map(|(path, _)| path.clone())
            else {
                return;
            };
            tracing::debug!(path = %oldest, "upstream cache: evicted");
            self.remove(&oldest);
        }
    }
}

/// Upstream answers by path, bounded in count and bytes.
#[derive(Debug)]
pub struct Cache {
    limits: Limits,
    inner: Mutex<Inner>,
}

impl Cache {
    pub fn new(limits: Limits) -> Cache {
        Cache {
            limits,
            inner: Mutex::default(),
        }
    }

    /// The map, even if a panic poisoned the lock (every change to it is
    /// whole before the lock is let go, so it is never half-done).
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// What is kept for `path` at `now`; an entry of no more use is dropped.
    pub fn lookup(&self, path: &str, now: Instant) -> Lookup {
        let mut inner = self.lock();
        let tick = inner.tick();
        let Some(slot) = inner.slots.get_mut(path) else {
            return Lookup::Miss;
        };
        slot.last_used = tick;
        if now < slot.entry.fresh_until {
            return Lookup::Fresh(slot.entry.answer.clone());
        }
        if slot.entry.dead(now) && !slot.entry.validators.any() {
            inner.remove(path);
            return Lookup::Miss;
        }
        Lookup::Stale(slot.entry.clone())
    }

    /// The entry for `path` if it can stand in for a failed refresh at `now`.
    pub fn stale(&self, path: &str, now: Instant) -> Option<Arc<Answer>> {
        let inner = self.lock();
        let entry = &inner.slots.get(path)?.entry;
        entry.usable_stale(now).then(|| entry.answer.clone())
    }

    /// Keeps `entry` for `path`, in place of any before, evicting as needed.
    /// An entry larger than the whole budget is not kept.
    pub fn insert(&self, path: &str, entry: Entry) {
        let mut inner = self.lock();
        inner.remove(path);
        let size = entry.size(path);
        if size > self.limits.max_bytes || self.limits.max_entries == 0 {
            return;
        }
        let last_used = inner.tick();
        inner.bytes += size;
        inner
            .slots
            .insert(path.to_owned(), Slot { entry, last_used });
        inner.evict(self.limits);
    }

    /// Forgets `path`.
    pub fn remove(&self, path: &str) {
        self.lock().remove(path);
    }

    /// How many entries and bytes are kept.
    pub fn usage(&self) -> (usize, usize) {
        let inner = self.lock();
        (inner.slots.len(), inner.bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(pairs: &[(reqwest::header::HeaderName, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(name.clone(), HeaderValue::from_str(value).unwrap());
        }
        map
    }

    fn store(secs: u64) -> Policy {
        Policy::Store {
            lifetime: Duration::from_secs(secs),
            may_serve_stale: true,
        }
    }

    const FALLBACK: Duration = Duration::from_secs(30);

    #[test]
    fn freshness_from_the_headers() {
        let p = |pairs: &[(reqwest::header::HeaderName, &str)]| policy(&headers(pairs), FALLBACK);
        assert_eq!(p(&[]), store(30));
        assert_eq!(p(&[(CACHE_CONTROL, "public, max-age=60")]), store(60));
        assert_eq!(p(&[(CACHE_CONTROL, "max-age=60, S-MaxAge=5")]), store(5));
        assert_eq!(p(&[(CACHE_CONTROL, "max-age=\"7\"")]), store(7));
        assert_eq!(p(&[(CACHE_CONTROL, "max-age=soon")]), store(0));
        assert_eq!(p(&[(CACHE_CONTROL, "max-age=60"), (AGE, "45")]), store(15));
        assert_eq!(p(&[(CACHE_CONTROL, "max-age=60"), (AGE, "90")]), store(0));
        assert_eq!(p(&[(CACHE_CONTROL, "max-age=60, no-cache")]), store(0));
        assert_eq!(p(&[(CACHE_CONTROL, "no-store")]), Policy::NoStore);
        assert_eq!(
            p(&[(CACHE_CONTROL, "private, max-age=60")]),
            Policy::NoStore
        );
        assert_eq!(
            p(&[(CACHE_CONTROL, "max-age=9, must-revalidate")]),
            Policy::Store {
                lifetime: Duration::from_secs(9),
                may_serve_stale: false
            }
        );
        assert_eq!(
            p(&[(CACHE_CONTROL, "max-age=99999999999")]),
            Policy::Store {
                lifetime: LIFETIME_MAX,
                may_serve_stale: true
            }
        );
    }

    #[test]
    fn expires_against_date() {
        let p = |pairs: &[(reqwest::header::HeaderName, &str)]| policy(&headers(pairs), FALLBACK);
        let date = "Sun, 06 Nov 1994 08:49:37 GMT";
        let later = "Sun, 06 Nov 1994 08:50:37 GMT";
        assert_eq!(p(&[(DATE, date), (EXPIRES, later)]), store(60));
        assert_eq!(p(&[(DATE, later), (EXPIRES, date)]), store(0));
        assert_eq!(p(&[(EXPIRES, "0")]), store(0));
        assert_eq!(p(&[(EXPIRES, later)]), store(0), "long past, against now");
        assert_eq!(
            p(&[(DATE, date), (EXPIRES, later), (CACHE_CONTROL, "max-age=5")]),
            store(5)
        );
    }

    fn entry(body: &str, lifetime: u64, now: Instant) -> Entry {
        let answer = Arc::new(Answer {
            status: 200,
            body: bytes::Bytes::from(body.to_owned()),
        });
        let lifetime = Duration::from_secs(lifetime);
        Entry::new(answer, Validators::default(), lifetime, true, lifetime, now)
    }

    #[test]
    fn evicts_the_least_recently_used() {
        let cache = Cache::new(Limits {
            max_entries: 2,
            max_bytes: 1000,
        });
        let now = Instant::now();
        cache.insert("/a", entry("1", 60, now));
        cache.insert("/b", entry("2", 60, now));
        assert!(matches!(cache.lookup("/a", now), Lookup::Fresh(_)));
        cache.insert("/c", entry("3", 60, now));
        assert!(matches!(cache.lookup("/b", now), Lookup::Miss));
        assert!(matches!(cache.lookup("/a", now), Lookup::Fresh(_)));
        assert_eq!(cache.usage(), (2, 6));
    }

    #[test]
    fn bounded_in_bytes() {
        let cache = Cache::new(Limits {
            max_entries: 100,
            max_bytes: 10,
        });
        let now = Instant::now();
        cache.insert("/a", entry("12345", 60, now));
        cache.insert("/b", entry("12345", 60, now));
        assert_eq!(cache.usage(), (1, 7));
        cache.insert("/c", entry("this is far too long", 60, now));
        assert_eq!(cache.usage(), (1, 7), "too large to keep at all");
    }

    #[test]
    fn stale_then_dead() {
        let cache = Cache::new(Limits {
            max_entries: 10,
            max_bytes: 1000,
        });
        let now = Instant::now();
        cache.insert("/a", entry("1", 10, now));
        assert!(matches!(
            cache.lookup("/a", now + Duration::from_secs(15)),
            Lookup::Stale(_)
        ));
        assert!(cache.stale("/a", now + Duration::from_secs(15)).is_some());
        assert!(cache.stale("/a", now + Duration::from_secs(25)).is_none());
        assert!(matches!(
            cache.lookup("/a", now + Duration::from_secs(25)),
            Lookup::Miss
        ));
        assert_eq!(cache.usage(), (0, 0));
    }
}
