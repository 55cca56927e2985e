//! Eventdesk's reference backend: the API contract (`api/openapi.yaml`) over an
//! embedded SQLite database loaded from `fixtures/`. It knows nothing of pages
//! or cards: the app's own server (`eventdesk-web`) reads it over HTTP, as it
//! reads any backend that honours the contract.

pub mod client_ip;
pub mod config;
pub mod cursor;
pub mod db;
pub mod fixtures;
mod fnv;
pub mod fts;
pub mod headers;
pub mod problem;
pub mod rate_limit;
pub mod request_limits;
pub mod routes;
pub mod store;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use config::Config;
use db::Db;
use rate_limit::RateLimiter;

/// What every request handler shares.
#[derive(Clone)]
pub struct AppState {
    pub db: Arc<Db>,
    pub limiter: Arc<RateLimiter>,
    pub config: Arc<Config>,
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("database {0}")]
    Db(#[from] db::DbError),
    #[error("fixtures: {0}")]
    Fixtures(#[from] fixtures::FixtureError),
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: String,
        source: std::io::Error,
    },
    #[error("server: {0}")]
    Serve(std::io::Error),
}

/// The API over the database at `config.db`, created and loaded with the
/// fixtures when empty: what [`run`] serves, and what tests run in-process.
pub fn app(config: Config) -> Result<Router, StartError> {
    let db = Db::open(&config.db)?;
    let set = fixtures::FixtureSet::read(&config.fixtures)?;
    let loaded = db
        .write(|conn| fixtures::install(conn, &set))
        .map_err(db::DbError::from)?;
    if loaded {
        eprintln!(
            "eventdesk-server: loaded {} events from {}",
            set.events.len(),
            config.fixtures.display()
        );
    }
    let state = AppState {
        db: Arc::new(db),
        limiter: Arc::new(RateLimiter::new(config.submit_limit)),
        config: Arc::new(config),
    };
    Ok(routes::router(state))
}

/// Opens the database (creating and loading it when empty), then serves until
/// Ctrl-C or SIGTERM. Prints `listening on http://ADDR` once ready.
pub async fn run(config: Config) -> Result<(), StartError> {
    let addr = config.addr.clone();
    let app = app(config)?;
    let listener = tokio::net::TcpListener::bind(&addr)
        .await
        .map_err(|source| StartError::Listen {
            addr: addr.clone(),
            source,
        })?;
    let local = listener
        .local_addr()
        .map_err(|source| StartError::Listen { addr, source })?;
    println!("listening on http://{local}");
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
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
