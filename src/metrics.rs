//! Prometheus metrics: what heard counts, under which names, and the text it serves at
//! `/metrics`.
//!
//! Labels are chosen from short fixed sets (route patterns, methods, status classes,
//! channels, results), never from what a person sent: no raw path, query string, sender
//! or text can reach the output. The recorder is process-wide (the `metrics` facade), so a
//! command other than `serve` records nothing and pays nothing.

use std::sync::OnceLock;

use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

pub const HTTP_REQUESTS: &str = "heard_http_requests_total";
pub const SUBMISSIONS_INGESTED: &str = "heard_submissions_ingested_total";
pub const SMS_OUTBOX_DEPTH: &str = "heard_sms_outbox_depth";
pub const IMAP_POLLS: &str = "heard_imap_polls_total";
pub const GROUP_COMMITS: &str = "heard_sqlite_group_commits_total";
pub const GROUP_MEMBERS: &str = "heard_sqlite_group_members_total";

/// The label for a request no route matched (a 404): the path itself is never a label.
pub const UNMATCHED_ROUTE: &str = "unmatched";

static RECORDER: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// Installs the Prometheus recorder once per process and returns its handle; `None` when
/// another recorder was installed first (then `/metrics` answers 404).
pub fn install() -> Option<&'static PrometheusHandle> {
    RECORDER
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new().build_recorder();
            let handle = recorder.handle();
            ::metrics::set_global_recorder(recorder).ok()?;
            describe();
            Some(handle)
        })
        .as_ref()
}

fn describe() {
    ::metrics::describe_counter!(
        HTTP_REQUESTS,
        "HTTP requests answered, by route pattern, method and status class"
    );
    ::metrics::describe_counter!(
        SUBMISSIONS_INGESTED,
        "new submissions stored, by channel (retries of one already stored are not counted)"
    );
    ::metrics::describe_gauge!(
        SMS_OUTBOX_DEPTH,
        "texts waiting in the SMS outbox, read when metrics are scraped"
    );
    ::metrics::describe_counter!(IMAP_POLLS, "rounds of reading the mailbox, by result");
    ::metrics::describe_counter!(
        GROUP_COMMITS,
        "SQLite commits of grouped writes (members / commits is the average group)"
    );
    ::metrics::describe_counter!(
        GROUP_MEMBERS,
        "requests whose writes SQLite group commits made durable"
    );
}

/// The metrics in Prometheus text format, or `None` when heard's recorder is not installed.
pub fn render() -> Option<String> {
    RECORDER.get().and_then(Option::as_ref).map(|h| h.render())
}

pub fn http_request(route: &str, method: &axum::http::Method, status: axum::http::StatusCode) {
    ::metrics::counter!(
        HTTP_REQUESTS,
        "route" => route.to_owned(),
        "method" => method_label(method),
        "status" => status_class(status),
    )
    .increment(1);
}

pub fn submission_ingested(channel: crate::domain::Channel) {
    ::metrics::counter!(SUBMISSIONS_INGESTED, "channel" => channel.id()).increment(1);
}

pub fn group_committed(members: usize) {
    ::metrics::counter!(GROUP_COMMITS).increment(1);
    ::metrics::counter!(GROUP_MEMBERS).increment(members as u64);
}

pub fn sms_outbox_depth(depth: i64) {
    ::metrics::gauge!(SMS_OUTBOX_DEPTH).set(depth as f64);
}

pub fn imap_poll(ok: bool) {
    let result = if ok { "ok" } else { "failed" };
    ::metrics::counter!(IMAP_POLLS, "result" => result).increment(1);
}

/// A fixed set, so a client inventing methods cannot grow the output.
fn method_label(method: &axum::http::Method) -> &'static str {
    use axum::http::Method;
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

fn status_class(status: axum::http::StatusCode) -> &'static str {
    match status.as_u16() {
        100..=199 => "1xx",
        200..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        _ => "5xx",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::{Method, StatusCode};

    #[test]
    fn labels_come_from_fixed_sets() {
        assert_eq!(status_class(StatusCode::NOT_FOUND), "4xx");
        assert_eq!(status_class(StatusCode::SEE_OTHER), "3xx");
        assert_eq!(status_class(StatusCode::SERVICE_UNAVAILABLE), "5xx");
        assert_eq!(method_label(&Method::POST), "POST");
        let odd = Method::from_bytes(b"07700900123").unwrap();
        assert_eq!(method_label(&odd), "other");
    }
}
