//! Command-line flags, each also read from an environment variable. This is
//! the only place the program reads its environment.

use std::path::PathBuf;

use clap::Parser;

#[derive(Debug, Clone, Parser)]
#[command(
    name = "eventdesk-web",
    version,
    about = "Eventdesk's app server, in front of any backend that honours api/openapi.yaml"
)]
pub struct Config {
    /// Address to listen on (port 0 picks a free one).
    #[arg(long, env = "EVENTDESK_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: String,

    /// The built app (scripts/build.sh's output).
    #[arg(long, env = "EVENTDESK_DIST", default_value = "dist")]
    pub dist: PathBuf,

    /// The backend's API: an http(s) base URL ending in /api/v1, e.g. https://api.example.org/api/v1.
    #[arg(
        long,
        env = "EVENTDESK_UPSTREAM",
        default_value = "http://127.0.0.1:8090/api/v1"
    )]
    pub upstream: String,

    /// The origin readers reach this site at, for canonical links, Open Graph
    /// URLs and share cards (e.g. https://news.example.org). Without it, the
    /// request's Host (or, with --trust-proxy, X-Forwarded-Host and -Proto).
    #[arg(long, env = "EVENTDESK_PUBLIC_ORIGIN")]
    pub public_origin: Option<String>,

    /// Behind a reverse proxy or CDN: take the reader's address, scheme and
    /// host from X-Forwarded-For, -Proto and -Host.
    #[arg(long, env = "EVENTDESK_TRUST_PROXY")]
    pub trust_proxy: bool,

    /// Don't embed the page's first data and first paint in its HTML: the app
    /// then asks the API (e.g. for tests that answer the API themselves).
    #[arg(long, env = "EVENTDESK_NO_PRELOAD")]
    pub no_preload: bool,

    /// How long a reader's API call passed through to the upstream may take,
    /// in milliseconds, body included; past it the reader gets a 504 problem.
    /// The app itself gives up at 15 s.
    #[arg(long, env = "EVENTDESK_API_TIMEOUT_MS", default_value_t = 10_000)]
    pub api_timeout_ms: u64,

    /// What to log, as a tracing filter (e.g. info, eventdesk_web=debug,tower_http=debug).
    #[arg(long, env = "RUST_LOG", default_value = "info")]
    pub log: String,
}
