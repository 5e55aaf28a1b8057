//! `/metrics` over HTTP, and counting every request by its route pattern.
//!
//! On the public port `/metrics` needs `HEARD_METRICS_TOKEN` as a bearer token and is 404
//! while that is unset; on the private `HEARD_METRICS_BIND` listener it is open unless a
//! token is set, when it needs the token there too.

use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use super::{AppError, AppState};
use crate::privacy::secret::bearer_matches;

pub fn routes() -> Router<AppState> {
    Router::new().route("/metrics", get(public_metrics))
}

/// The router of the private metrics listener: `/metrics` and nothing else.
pub fn private_router(state: AppState) -> Router {
    Router::new()
        .route("/metrics", get(private_metrics))
        .layer(axum::middleware::from_fn(count_request))
        .with_state(state)
}

async fn public_metrics(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if state.config.metrics.token.is_none() {
        return AppError::NotFound.into_response();
    }
    scrape(&state, &headers).await
}

async fn private_metrics(State(state): State<AppState>, headers: HeaderMap) -> Response {
    scrape(&state, &headers).await
}

async fn scrape(state: &AppState, headers: &HeaderMap) -> Response {
    if let Some(token) = &state.config.metrics.token {
        let given = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        if !bearer_matches(given, token.expose()) {
            return AppError::Unauthorised.into_response();
        }
    }
    // Read now rather than tracked on every change: one COUNT per scrape is cheap, and it
    // is right whichever instance sent or queued the texts.
    match state.store.outbox_depth().await {
        Ok(depth) => crate::metrics::sms_outbox_depth(depth),
        Err(e) => tracing::warn!(error = %e, "could not read the SMS outbox depth for metrics"),
    }
    match crate::metrics::render() {
        Some(text) => (
            StatusCode::OK,
            [(
                header::CONTENT_TYPE,
                "text/plain; version=0.0.4; charset=utf-8",
            )],
            text,
        )
            .into_response(),
        None => AppError::NotFound.into_response(),
    }
}

/// Counts each answered request under its route pattern (`/c/{slug}`), never its path.
pub async fn count_request(request: Request, next: Next) -> Response {
    // A clone of the matched path shares its text rather than copying it.
    let route = request.extensions().get::<MatchedPath>().cloned();
    let method = request.method().clone();
    let response = next.run(request).await;
    crate::metrics::http_request(
        route
            .as_ref()
            .map_or(crate::metrics::UNMATCHED_ROUTE, MatchedPath::as_str),
        &method,
        response.status(),
    );
    response
}
