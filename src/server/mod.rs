//! The HTTP service: shared state, routes, middleware and graceful shutdown.

pub mod auth;
mod coverage;
pub(crate) mod error;
mod health;
pub mod limit;
pub mod metrics;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::Request;
use axum::Router;
use tokio::net::TcpListener;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{
    MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::trace::{DefaultOnResponse, OnResponse, TraceLayer};
use tracing::Level;

pub use error::AppError;

use crate::channels::{email, sms, web};
use crate::clock::Clock;
use crate::config::Config;
use crate::domain::Areas;
use crate::privacy::Pseudonymiser;
use crate::store::Store;

/// What every handler can reach: one shared [`Shared`], so the clone each request and each
/// stateful middleware takes is one reference count, not one per field.
#[derive(Debug, Clone)]
pub struct AppState(Arc<Shared>);

impl AppState {
    pub fn new(shared: Shared) -> AppState {
        AppState(Arc::new(shared))
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// The parts of [`AppState`].
#[derive(Debug)]
pub struct Shared {
    pub store: Store,
    pub areas: Arc<Areas>,
    pub pseudonymiser: Arc<Pseudonymiser>,
    pub config: Arc<Config>,
    pub clock: Clock,
    pub web_limiter: limit::AddressLimiter,
    /// Per-address limit on page requests (public and staff pages; not assets or webhooks).
    pub page_limiter: limit::AddressLimiter,
    /// Per-address limit on staff sign-in attempts, beside the per-account lock-out.
    pub sign_in_limiter: limit::AddressLimiter,
    pub sms: sms::SmsChannel,
    /// Sends email acknowledgements; none when `HEARD_SMTP_URL` is unset.
    pub mailer: Option<email::Mailer>,
}

pub fn router(state: AppState) -> Router {
    let max_body = state.config.max_body_bytes;
    let body_timeout = Duration::from_secs(state.config.body_timeout_secs);
    // The largest body any route takes; each route's own limit is checked again inside.
    let largest_body = max_body.max(state.config.email.max_bytes);
    Router::new()
        .merge(health::routes().layer(RequestBodyLimitLayer::new(max_body)))
        // People's pages and staff pages turn the body limit's 413 into a page of their own.
        .merge(web::routes(&state, max_body))
        .merge(
            crate::staff::routes()
                .merge(coverage::routes())
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    crate::staff::auth::limit,
                ))
                .layer(crate::staff::auth::session_layer(&state))
                .layer(RequestBodyLimitLayer::new(max_body))
                .layer(axum::middleware::from_fn(
                    crate::staff::page::kind_rejections,
                ))
                .layer(axum::middleware::from_fn(web::security_headers)),
        )
        // Raw emails carry attachments, so the webhook sets its own, larger limit.
        .merge(email::webhook::routes(&state))
        .merge(sms::routes())
        .merge(metrics::routes())
        .with_state(state)
        .layer(
            ServiceBuilder::new()
                .layer(axum::middleware::from_fn(request_id_of_ours))
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(|request: &Request| {
                            let id = request
                                .extensions()
                                .get::<RequestId>()
                                .and_then(|id| id.header_value().to_str().ok())
                                .unwrap_or_default();
                            let method = request.method();
                            let route = request
                                .extensions()
                                .get::<axum::extract::MatchedPath>()
                                .map(axum::extract::MatchedPath::as_str);
                            let path = loggable_path(request.uri().path(), route);
                            // The path only: a query string could carry something personal.
                            // Gateways post every text to a webhook, thousands a minute
                            // after a consultation goes out: those are traced at DEBUG
                            // (/metrics counts them) and logged when they fail.
                            if path.starts_with(WEBHOOKS) {
                                tracing::debug_span!("request", request_id = %id, %method, %path)
                            } else {
                                tracing::info_span!("request", request_id = %id, %method, %path)
                            }
                        })
                        .on_response(log_response),
                )
                .layer(PropagateRequestIdLayer::x_request_id())
                .layer(axum::middleware::from_fn(run_to_completion))
                // Outside the panic catcher, so a panic's 500 is counted too.
                .layer(axum::middleware::from_fn(metrics::count_request))
                .layer(CatchPanicLayer::custom(error::panic_response))
                .layer(axum::middleware::from_fn(headers_in_bounds))
                // Outside the body's time and size check, so its refusals are turned too.
                .layer(axum::middleware::from_fn(error::json_rejections))
                .layer(axum::middleware::from_fn(error::page_rejections))
                .layer(axum::middleware::from_fn(move |request, next| {
                    body_in_time(request, next, body_timeout, largest_body)
                }))
                .layer(CompressionLayer::new()),
        )
}

/// A request id a proxy gave (nginx's `$request_id`, a UUID) is kept, to follow a request
/// through both logs; any other is replaced with one of ours, as it is logged with every
/// line and a client could put anything in it ("call-me-07700900123").
async fn request_id_of_ours(
    mut request: Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let looks_generated = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|id| {
            (16..=64).contains(&id.len())
                && id.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
                && id.bytes().any(|b| b.is_ascii_alphabetic())
        });
    if !looks_generated {
        request.headers_mut().remove("x-request-id");
    }
    next.run(request).await
}

/// A path as it may be logged. What a route takes as a value (`/c/{slug}`), and every part
/// of an address no route takes, is the client's to write (`/c/oliver-smith`,
/// `/c/x/07700900123`): such a part is logged only when it is plain words none of which
/// could name a person, or a number of at most three digits; otherwise it is masked.
/// The route's own words (`/webhooks/sms/twilio`) log as they are.
fn loggable_path<'p>(path: &'p str, route: Option<&str>) -> std::borrow::Cow<'p, str> {
    let literal = |i: usize, part: &str| {
        route
            .and_then(|r| r.split('/').nth(i))
            .is_some_and(|p| p == part && !p.starts_with('{'))
    };
    let fine = |i: usize, part: &str| literal(i, part) || says_nothing_personal(part);
    if path.split('/').enumerate().all(|(i, part)| fine(i, part)) {
        return std::borrow::Cow::Borrowed(path);
    }
    let masked: Vec<&str> = path
        .split('/')
        .enumerate()
        .map(|(i, part)| if fine(i, part) { part } else { "…" })
        .collect();
    std::borrow::Cow::Owned(masked.join("/"))
}

/// A part of a path made of plain words ("four-cornerstones", "q", "3"), none a name, and
/// three digits at most in all (a phone number split up, "077-009-006-06", is not plain).
fn says_nothing_personal(part: &str) -> bool {
    part.bytes().filter(u8::is_ascii_digit).count() <= 3
        && part
            .split(['-', '_', '.'])
            .all(|word| word.is_empty() || crate::privacy::scrub::is_plain_word(word))
}

/// Runs each request to its end on a task of its own, though the client hangs up. Dropped
/// half-way, a request would stop inside its writes (a session being saved, a statement
/// stepped and never reset), and SQLite would keep the write lock for good: every later
/// write, and `/readyz`, would fail until heard was restarted. Run whole, answers sent by
/// someone whose phone lost signal are stored and their session saved.
async fn run_to_completion(
    request: Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use tracing::Instrument;
    match tokio::spawn(next.run(request).in_current_span()).await {
        Ok(response) => response,
        // A panic is caught inside (CatchPanicLayer); this is the runtime shutting down.
        Err(e) => {
            tracing::error!(error = %e, "request task ended without a response");
            axum::response::IntoResponse::into_response(axum::http::StatusCode::SERVICE_UNAVAILABLE)
        }
    }
}

/// The most a request's line and headers may take. Browsers and gateways send a few KB.
const MAX_HEADER_BYTES: usize = 64 * 1024;

/// Where the gateways' webhooks live.
const WEBHOOKS: &str = "/webhooks/";

/// Logs a response at INFO in its request's span; a request whose span is off (a webhook)
/// only when it failed.
fn log_response(response: &axum::response::Response, latency: Duration, span: &tracing::Span) {
    if !span.is_disabled() {
        DefaultOnResponse::new()
            .level(Level::INFO)
            .on_response(response, latency, span);
    } else if !response.status().is_success() {
        tracing::info!(
            path = WEBHOOKS,
            status = response.status().as_u16(),
            latency_ms = latency.as_millis() as u64,
            "finished processing request"
        );
    }
}

/// Refuses a request whose line and headers together pass [`MAX_HEADER_BYTES`] with 431.
/// hyper's buffer limit bounds the memory a connection takes, but a header section that
/// arrives in one read of a grown buffer passes it (up to about twice the limit).
async fn headers_in_bounds(
    request: Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::http::{header, StatusCode};
    use axum::response::IntoResponse;
    // "METHOD target HTTP/1.1\r\n", then "name: value\r\n" for each header.
    let line = request.method().as_str().len()
        + request
            .uri()
            .path_and_query()
            .map_or(1, |p| p.as_str().len())
        + 12;
    let headers: usize = request
        .headers()
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum();
    if line + headers > MAX_HEADER_BYTES {
        return (
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            [(header::CONNECTION, "close")],
        )
            .into_response();
    }
    next.run(request).await
}

/// Reads a request's whole body within `timeout` before any handler runs: a client that
/// trickles its body gets 408 and its connection closed, instead of holding a handler.
async fn body_in_time(
    request: Request,
    next: axum::middleware::Next,
    timeout: Duration,
    limit: usize,
) -> axum::response::Response {
    use axum::http::{header, StatusCode};
    use axum::response::IntoResponse;
    let (parts, body) = request.into_parts();
    let read = http_body_util::Limited::new(body, limit);
    let bytes = match tokio::time::timeout(timeout, http_body_util::BodyExt::collect(read)).await {
        Ok(Ok(collected)) => collected.to_bytes(),
        Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => {
            return (StatusCode::PAYLOAD_TOO_LARGE, "request body too large").into_response();
        }
        Ok(Err(_)) => {
            return (StatusCode::BAD_REQUEST, "could not read the request body").into_response();
        }
        Err(_) => {
            return (
                StatusCode::REQUEST_TIMEOUT,
                [(header::CONNECTION, "close")],
                "request body too slow",
            )
                .into_response();
        }
    };
    next.run(Request::from_parts(parts, axum::body::Body::from(bytes)))
        .await
}

/// Serves until `shutdown` resolves, then lets in-flight requests finish (up to the
/// configured grace period) before returning.
///
/// Connections are served by hyper directly rather than `axum::serve` so a client that is slow
/// to send its headers is cut off (`HEARD_HEADER_TIMEOUT_SECS`): otherwise a few slow
/// connections could hold the server. Slow bodies are timed out by a layer in `router`.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let config = Arc::clone(&state.config);
    let background = sms::inbound::spawn_background(&state);
    serve_router(listener, router(state), &config, shutdown).await;
    for task in background {
        task.abort();
    }
    Ok(())
}

/// `HEARD_METRICS_BIND`'s listener: `/metrics` alone, served as [`serve`] serves the public
/// port, so a slow client cannot hold its connections either. Runs until its task is
/// aborted: scrapes in flight need no grace.
pub async fn serve_metrics(listener: TcpListener, state: AppState) {
    let config = Arc::clone(&state.config);
    let app = metrics::private_router(state);
    serve_router(listener, app, &config, std::future::pending()).await;
}

async fn serve_router(
    listener: TcpListener,
    app: Router,
    config: &Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use tower::ServiceExt;

    let header_timeout = Duration::from_secs(config.header_timeout_secs);
    let grace = Duration::from_secs(config.shutdown_grace_secs);
    // HTTP/1.1: what browsers, gateways and reverse proxies speak to heard.
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(header_timeout)
        // What a connection may buffer while reading headers; `headers_in_bounds` gives
        // 431 to any request line and headers past the same bound that still got through.
        .max_buf_size(MAX_HEADER_BYTES);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors and the like: pause rather than spin.
                    tracing::warn!(error = %e, "could not accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = &mut shutdown => break,
        };
        let app = app.clone();
        let service =
            hyper::service::service_fn(move |mut request: Request<hyper::body::Incoming>| {
                request
                    .extensions_mut()
                    .insert(axum::extract::ConnectInfo(peer));
                app.clone().oneshot(request.map(axum::body::Body::new))
            });
        let connection = builder.serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // Errors here are a client's doing (reset, timed out, malformed): not ours to log loudly.
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, "connection ended with an error");
            }
        });
    }
    tracing::info!("shutting down; finishing requests in flight");
    drop(listener);
    tokio::select! {
        _ = graceful.shutdown() => {}
        _ = tokio::time::sleep(grace) => {
            tracing::warn!("requests still running after the grace period; stopping anyway");
        }
    }
}

/// Resolves on SIGTERM or Ctrl-C.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}

#[cfg(test)]
mod tests {
    use super::loggable_path;

    #[test]
    fn paths_are_logged_without_what_a_client_wrote_in_them() {
        let q = Some("/c/{slug}/q/{n}");
        let c = Some("/c/{slug}");
        assert_eq!(
            loggable_path("/c/four-cornerstones/q/3", q),
            "/c/four-cornerstones/q/3"
        );
        let twilio = Some("/webhooks/sms/twilio");
        assert_eq!(
            loggable_path("/webhooks/sms/twilio", twilio),
            "/webhooks/sms/twilio"
        );
        assert_eq!(
            loggable_path("/static/heard.css", None),
            "/static/heard.css"
        );
        assert_eq!(loggable_path("/c/x/07700900123", None), "/c/x/…");
        assert_eq!(loggable_path("/c/x/call-07700-900123", None), "/c/x/…");
        assert_eq!(loggable_path("/c/x/077-009-006-06", None), "/c/x/…");
        assert_eq!(loggable_path("/c/x/+44-7700-900-618", None), "/c/x/…");
        assert_eq!(loggable_path("/c/jo@example.com/q/1", q), "/c/…/q/1");
        assert_eq!(loggable_path("/c/jo%40example.com", c), "/c/…");
        assert_eq!(loggable_path("/c/x/0%EF%BC%97%EF%BC%97", None), "/c/x/…");
        assert_eq!(loggable_path("/c/x/q/2026", None), "/c/x/q/…");
        assert_eq!(loggable_path("/c/oliver-smith", c), "/c/…");
        assert_eq!(loggable_path("/c/EX43QT", c), "/c/…");
        assert_eq!(loggable_path("/c/x/mum-of-tyler-tregear", None), "/c/x/…");
    }
}
