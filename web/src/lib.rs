//! `eventdesk-web`: Eventdesk's app server, in front of any backend that
//! honours `api/openapi.yaml`. It keeps no state but a cache, so any number
//! of copies can run behind a CDN or a load balancer.
//!
//! The pipeline, top to bottom:
//! - [`upstream`]: the backend's API over HTTP, cached and coalesced;
//! - [`page`]: the built app's files, and each page's HTML with its head
//!   tags, first paint, first data and script policy;
//! - [`share`]: share cards, and the words link previews show;
//! - [`proxy`]: `/api/v1/*` passed through to the upstream, so the app stays
//!   same-origin;
//! - [`atom`], [`offline`], [`site_files`]: the feeds readers follow, the
//!   manifest and service worker, and `robots.txt`, `sitemap.xml`, `favicon.ico`.

pub mod atom;
pub mod config;
pub mod documents;
pub mod escape;
pub mod headers;
pub mod offline;
pub mod origin;
pub mod page;
pub mod problem;
pub mod proxy;
pub mod share;
pub mod site_files;
pub mod upstream;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::routing::{any, get};
use axum::Router;
use config::Config;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;
use upstream::{Upstream, UpstreamError};

/// What every request handler shares.
#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    pub upstream: Arc<Upstream>,
    /// The origin from `--public-origin`, checked once.
    pub public_origin: Option<Arc<str>>,
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("{0}")]
    Upstream(#[from] UpstreamError),
    #[error("--public-origin {0:?} is not an http(s) origin")]
    PublicOrigin(String),
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: String,
        source: std::io::Error,
    },
    #[error("server: {0}")]
    Serve(std::io::Error),
}

/// Logs to stderr through `tracing`, filtered by `filter` (`RUST_LOG` syntax).
pub fn init_tracing(filter: &str) {
    let filter = tracing_subscriber::EnvFilter::try_new(filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
}

impl AppState {
    pub fn new(config: Config) -> Result<AppState, StartError> {
        let upstream = Upstream::new(&config.upstream)?;
        let public_origin = match config.public_origin.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(raw) => Some(
                origin::parse_origin(raw)
                    .ok_or_else(|| StartError::PublicOrigin(raw.to_owned()))?
                    .into(),
            ),
        };
        Ok(AppState {
            config: Arc::new(config),
            upstream: Arc::new(upstream),
            public_origin,
        })
    }
}

/// Every route of the app server.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/api/v1/{*path}", any(proxy::pass))
        .route("/api", any(proxy::not_found))
        .route("/api/{*rest}", any(proxy::not_found))
        .route("/share/events/{file}", get(share::event_card))
        .route("/share/site.png", get(share::site_card))
        .merge(atom::routes())
        .merge(offline::routes())
        .merge(site_files::routes())
        .fallback_service(page::service(state.clone()))
        .with_state(state)
        .layer(CompressionLayer::new())
        .layer(CatchPanicLayer::custom(problem::panicked))
        .layer(axum::middleware::from_fn(headers::defaults))
        .layer(TraceLayer::new_for_http())
}

/// Serves until Ctrl-C or SIGTERM. Prints `listening on http://ADDR` once ready.
pub async fn run(config: Config) -> Result<(), StartError> {
    let addr = config.addr.clone();
    let state = AppState::new(config)?;
    let listener = tokio::net::TcpListener::bind(&addr)
        .await
        .map_err(|source| StartError::Listen {
            addr: addr.clone(),
            source,
        })?;
    let local = listener
        .local_addr()
        .map_err(|source| StartError::Listen { addr, source })?;
    tracing::info!(
        upstream = state.upstream.base(),
        "listening on http://{local}"
    );
    println!("listening on http://{local}");
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(StartError::Serve)
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
