//! The HTTP service: shared state, routes, middleware and graceful shutdown.

pub mod auth;
mod coverage;
mod error;
mod health;
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
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

pub use error::AppError;

use crate::channels::{email, sms, web};
use crate::clock::Clock;
use crate::config::Config;
use crate::domain::Areas;
use crate::privacy::Pseudonymiser;
use crate::store::Store;

/// What every handler can reach.
#[derive(Debug, Clone)]
pub struct AppState {
    pub store: Store,
    pub areas: Arc<Areas>,
    pub pseudonymiser: Arc<Pseudonymiser>,
    pub config: Arc<Config>,
    pub clock: Clock,
    pub web_limiter: web::PostLimiter,
    pub sms: sms::SmsChannel,
    /// Sends email acknowledgements; none when `HEARD_SMTP_URL` is unset.
    pub mailer: Option<email::Mailer>,
}

pub fn router(state: AppState) -> Router {
    let max_body = state.config.max_body_bytes;
    Router::new()
        .merge(health::routes())
        .merge(web::routes(&state))
        .merge(
            crate::staff::routes()
                .merge(coverage::routes())
                .layer(crate::staff::auth::session_layer(&state))
                .layer(axum::middleware::from_fn(web::security_headers)),
        )
        .layer(RequestBodyLimitLayer::new(max_body))
        // Raw emails carry attachments, so the webhook sets its own, larger limit.
        .merge(email::webhook::routes(&state))
        .merge(sms::routes())
        .merge(metrics::routes())
        .with_state(state)
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(|request: &Request| {
                            let id = request
                                .extensions()
                                .get::<RequestId>()
                                .and_then(|id| id.header_value().to_str().ok())
                                .unwrap_or_default();
                            // The path only: a query string could carry something personal.
                            tracing::info_span!(
                                "request",
                                request_id = %id,
                                method = %request.method(),
                                path = %request.uri().path(),
                            )
                        })
                        .on_response(DefaultOnResponse::new().level(Level::INFO)),
                )
                .layer(PropagateRequestIdLayer::x_request_id())
                // Outside the panic catcher, so a panic's 500 is counted too.
                .layer(axum::middleware::from_fn(metrics::count_request))
                .layer(CatchPanicLayer::custom(error::panic_response))
                .layer(CompressionLayer::new()),
        )
}

/// Serves until `shutdown` resolves, then lets in-flight requests finish (up to the
/// configured grace period) before returning.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let grace = Duration::from_secs(state.config.shutdown_grace_secs);
    let background = sms::inbound::spawn_background(&state);
    let (stopping_tx, stopping_rx) = tokio::sync::watch::channel(false);
    let app = router(state);
    let app = app.into_make_service_with_connect_info::<std::net::SocketAddr>();
    let server = axum::serve(listener, app).with_graceful_shutdown(async move {
        shutdown.await;
        let _ = stopping_tx.send(true);
        tracing::info!("shutting down; finishing requests in flight");
    });
    let mut stopping = stopping_rx;
    let result = tokio::select! {
        result = server => result,
        _ = async {
            let _ = stopping.wait_for(|s| *s).await;
            tokio::time::sleep(grace).await;
        } => {
            tracing::warn!("requests still running after the grace period; stopping anyway");
            Ok(())
        }
    };
    for task in background {
        task.abort();
    }
    result
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
