//! Logs: plain or JSON lines, each request under a span with its request id.
//! No log line may carry a phone number, email address, name, postcode or message text:
//! request spans record the method and route path only, never the query or body.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;

pub fn init(format: LogFormat, filter: &str) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // Colour only for a person at a terminal, never into files or journald.
        .with_ansi(std::io::stderr().is_terminal());
    // try_init: tests and repeated CLI calls may find a subscriber already set.
    let _ = match format {
        LogFormat::Plain => builder.try_init(),
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .try_init(),
    };
}
