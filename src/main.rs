use std::process::ExitCode;

use clap::Parser;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = heard::cli::Cli::parse();
    match heard::cli::run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // One line that says what to fix; the chain of causes joined with ": ".
            eprintln!("heard: {e:#}");
            ExitCode::FAILURE
        }
    }
}
