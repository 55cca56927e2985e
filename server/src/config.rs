//! Command-line flags, each also read from an environment variable.

use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use clap::Parser;

#[derive(Debug, Clone, Parser)]
#[command(
    name = "eventdesk-server",
    version,
    about = "Eventdesk's reference backend: the API contract over SQLite"
)]
pub struct Config {
    /// Address to listen on (port 0 picks a free one).
    #[arg(long, env = "EVENTDESK_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: String,

    /// SQLite database file; created with its folder, and loaded from the fixtures when empty.
    #[arg(long, env = "EVENTDESK_DB", default_value = "data/eventdesk.sqlite3")]
    pub db: PathBuf,

    /// Sample data: categories.json, methodology.json, entities.json, events/*.json.
    #[arg(long, env = "EVENTDESK_FIXTURES", default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures"))]
    pub fixtures: PathBuf,

    /// Submissions allowed per client, as COUNT/WINDOW (e.g. 10/10m, 100/60s, 5/1h).
    #[arg(long, env = "EVENTDESK_SUBMIT_LIMIT", default_value = "10/10m")]
    pub submit_limit: SubmitLimit,

    /// Take the client's address from X-Forwarded-For (set only behind a reverse
    /// proxy, such as eventdesk-web, which appends the reader's address).
    #[arg(long, env = "EVENTDESK_TRUST_PROXY")]
    pub trust_proxy: bool,

    /// The public origins of the site in front of this API (e.g.
    /// https://eventdesk.example; several comma-separated): addresses on them
    /// are Eventdesk's own pages, never an outlet's article, and submissions
    /// of them are refused. The host the API is asked on (and, with
    /// --trust-proxy, X-Forwarded-Host) counts as well.
    #[arg(long, env = "EVENTDESK_SITE_ORIGIN", value_delimiter = ',')]
    pub site_origin: Vec<String>,
}

/// At most `count` submissions per client in any `window`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubmitLimit {
    pub count: u32,
    pub window: Duration,
}

impl FromStr for SubmitLimit {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("{s:?} is not COUNT/WINDOW, e.g. 10/10m");
        let (count, window) = s.trim().split_once('/').ok_or_else(bad)?;
        let count: u32 = count.trim().parse().map_err(|_| bad())?;
        let window = window.trim();
        let split = window
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(window.len());
        let (n, unit) = window.split_at(split);
        let n: u64 = n.parse().map_err(|_| bad())?;
        let secs = match unit {
            "" | "s" => n,
            "m" => n.saturating_mul(60),
            "h" => n.saturating_mul(3600),
            _ => return Err(bad()),
        };
        if count == 0 || secs == 0 {
            return Err(format!("{s:?}: count and window must be above zero"));
        }
        Ok(SubmitLimit {
            count,
            window: Duration::from_secs(secs),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_parse() {
        let l: SubmitLimit = "10/10m".parse().unwrap();
        assert_eq!((l.count, l.window), (10, Duration::from_secs(600)));
        assert_eq!(
            "3/45".parse::<SubmitLimit>().unwrap().window,
            Duration::from_secs(45)
        );
        assert_eq!(
            "1/2h".parse::<SubmitLimit>().unwrap().window,
            Duration::from_secs(7200)
        );
        for bad in ["", "10", "x/1m", "10/", "10/5d", "0/1m", "1/0s"] {
            assert!(bad.parse::<SubmitLimit>().is_err(), "{bad}");
        }
    }
}
