//! `eventdesk-server`: reads its configuration and serves until stopped.

use clap::Parser;
use eventdesk_server::config::Config;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let config = Config::parse();
    match eventdesk_server::run(config).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("eventdesk-server: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
