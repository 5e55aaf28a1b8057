//! Prometheus metrics: what heard counts, under which names, and the text it serves at
//! `/metrics`.
//!
//! Labels are chosen from short fixed sets (route patterns, methods, status classes,
//! channels, results), never from what a person sent: no raw path, query string, sender
//! or text can reach the output. The recorder is process-wide (the `metrics` facade), so a
//! command other than `serve` records nothing and pays nothing.

use std::cell::RefCell;
use std::collections::HashMap;
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
    let method = method_index(method);
    let status = status_index(status);
    let register = || {
        ::metrics::counter!(
            HTTP_REQUESTS,
            "route" => route.to_owned(),
            "method" => METHOD_LABELS[method],
            "status" => STATUS_CLASSES[status],
        )
    };
    // A handle stays good only once heard's recorder is the process's for good; before
    // that (or under another recorder) it is registered on each request, as it would be.
    if !matches!(RECORDER.get(), Some(Some(_))) {
        register().increment(1);
        return;
    }
    HTTP_COUNTERS.with_borrow_mut(|counters| {
        let slots = match counters.get_mut(route) {
            Some(slots) => slots,
            None => counters.entry(route.into()).or_default(),
        };
        slots[method][status]
            .get_or_insert_with(register)
            .increment(1);
    });
}

/// `HTTP_REQUESTS` handles by route pattern, method and status class, kept by each
/// thread: registering labels (an owned route, a key built and hashed, a registry
/// lookup) costs more than counting. Routes are patterns from a short fixed set, so
/// this stays small.
type RouteCounters = [[Option<::metrics::Counter>; STATUS_CLASSES.len()]; METHOD_LABELS.len()];

thread_local! {
    static HTTP_COUNTERS: RefCell<HashMap<Box<str>, RouteCounters>> =
        RefCell::new(HashMap::new());
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
const METHOD_LABELS: [&str; 8] = [
    "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "other",
];

const STATUS_CLASSES: [&str; 5] = ["1xx", "2xx", "3xx", "4xx", "5xx"];

/// The method's place in [`METHOD_LABELS`].
fn method_index(method: &axum::http::Method) -> usize {
    use axum::http::Method;
    match *method {
        Method::GET => 0,
        Method::HEAD => 1,
        Method::POST => 2,
        Method::PUT => 3,
        Method::DELETE => 4,
        Method::PATCH => 5,
        Method::OPTIONS => 6,
        _ => 7,
    }
}

/// The status's place in [`STATUS_CLASSES`].
fn status_index(status: axum::http::StatusCode) -> usize {
    match status.as_u16() {
        100..=199 => 0,
        200..=299 => 1,
        300..=399 => 2,
        400..=499 => 3,
        _ => 4,
    }
}

#[cfg(test)]
fn method_label(method: &axum::http::Method) -> &'static str {
    METHOD_LABELS[method_index(method)]
}

#[cfg(test)]
fn status_class(status: axum::http::StatusCode) -> &'static str {
    STATUS_CLASSES[status_index(status)]
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
        assert_eq!(method_label(&Method::OPTIONS), "OPTIONS");
        assert_eq!(status_class(StatusCode::CONTINUE), "1xx");
        assert_eq!(status_class(StatusCode::OK), "2xx");
    }

    #[test]
    fn kept_handles_count_as_registering_each_time() {
        let route = "/kept-handles-test/{id}";
        // On this thread (kept) and on another (registered anew there), every request is
        // counted once under the same labels.
        if install().is_none() {
            return; // another test's recorder: nothing of ours to read
        }
        for _ in 0..3 {
            http_request(route, &Method::POST, StatusCode::OK);
        }
        std::thread::spawn(move || http_request(route, &Method::POST, StatusCode::OK))
            .join()
            .unwrap();
        http_request(route, &Method::GET, StatusCode::NOT_FOUND);
        let text = render().unwrap();
        let line = |labels: &str| {
            text.lines()
                .find(|l| l.starts_with(&format!("{HTTP_REQUESTS}{{{labels}}}")))
                .map(|l| l.rsplit(' ').next().unwrap_or_default().to_owned())
        };
        assert_eq!(
            line(r#"route="/kept-handles-test/{id}",method="POST",status="2xx""#).as_deref(),
            Some("4"),
            "{text}"
        );
        assert_eq!(
            line(r#"route="/kept-handles-test/{id}",method="GET",status="4xx""#).as_deref(),
            Some("1"),
            "{text}"
        );
    }
}
