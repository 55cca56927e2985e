//! `eventdesk-web`: reads its configuration and serves until stopped.

use clap::Parser;
use eventdesk_web::config::Config;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let config = Config::parse();
    eventdesk_web::init_tracing(&config.log);
    match eventdesk_web::run(config).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e}");
            std::process::ExitCode::FAILURE
        }
    }
}
