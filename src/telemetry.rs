//! Logs: plain or JSON lines, each request under a span with its request id.
//! No log line may carry a phone number, email address, name, postcode or message text:
//! request spans record the method and route path only, never the query or body.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;

/// Libraries that log what they read (an email's HTML as it is parsed, an SMTP or IMAP
/// conversation with its addresses, HTTP bodies) are held to these levels whatever
/// `HEARD_LOG` asks: a `debug` set to find a fault must not write people's words to disk.
const QUIET_LIBRARIES: [&str; 12] = [
    "html5ever=warn",
    "markup5ever=warn",
    "selectors=warn",
    "mail_parser=warn",
    "lettre=info",
    "async_imap=info",
    "imap_proto=info",
    "hyper=info",
    "hyper_util=info",
    "h2=info",
    "reqwest=info",
    "sqlx=warn",
];

/// `HEARD_LOG`'s filter, with the libraries above held to their levels.
fn filter(directives: &str) -> EnvFilter {
    let mut filter = EnvFilter::try_new(directives).unwrap_or_else(|_| EnvFilter::new("info"));
    for quiet in QUIET_LIBRARIES {
        if let Ok(directive) = quiet.parse() {
            filter = filter.add_directive(directive);
        }
    }
    filter
}

pub fn init(format: LogFormat, filter: &str) {
    let filter = self::filter(filter);
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
