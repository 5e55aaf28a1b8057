//! `POST /webhooks/email`: a mail provider posts the raw message (`message/rfc822`) with
//! `Authorization: Bearer <HEARD_EMAIL_WEBHOOK_TOKEN>`. 2xx only once the view is stored,
//! so a provider that gets anything else can retry; a retry is stored once.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde_json::json;
use tower_http::limit::RequestBodyLimitLayer;

use super::{receive, EmailError, Outcome};
use crate::server::{AppError, AppState};

/// The route, with its own body limit: emails with attachments are larger than form posts.
pub fn routes(state: &AppState) -> Router<AppState> {
    Router::new()
        .route("/webhooks/email", post(email))
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(state.config.email.max_bytes))
}

async fn email(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let Some(token) = &state.config.email.webhook_token else {
        return AppError::NotFound.into_response();
    };
    if !authorised(&headers, token.expose()) {
        return (
            StatusCode::UNAUTHORIZED,
            [("www-authenticate", "Bearer")],
            Json(json!({ "error": "missing or wrong token" })),
        )
            .into_response();
    }
    match receive(&state, &body).await {
        Ok(Outcome::Stored { id, new }) => {
            let status = if new {
                StatusCode::CREATED
            } else {
                StatusCode::OK
            };
            let body = json!({ "status": "stored", "new": new, "submission": id.0 });
            (status, Json(body)).into_response()
        }
        Ok(Outcome::Joined { id }) => (
            StatusCode::OK,
            Json(json!({ "status": "joined", "submission": id.0 })),
        )
            .into_response(),
        // Accepted and deliberately dropped: a retry would change nothing.
        Ok(Outcome::Ignored(reason)) => (
            StatusCode::OK,
            Json(json!({ "status": "ignored", "reason": reason })),
        )
            .into_response(),
        Err(EmailError::NotMime(why)) => {
            AppError::BadRequest(format!("not an email: {why}")).into_response()
        }
        Err(EmailError::Ingest(e)) => AppError::Ingest(e).into_response(),
        Err(EmailError::Store(e)) => AppError::Store(e).into_response(),
        Err(e @ (EmailError::NoOpenConsultation | EmailError::NoFreeTextQuestion(_))) => {
            tracing::warn!(error = %e, "email view not stored");
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                Json(json!({ "error": e.to_string() })),
            )
                .into_response()
        }
        Err(e) => {
            tracing::error!(error = %e, "email webhook failed");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                Json(json!({ "error": "something went wrong on our side" })),
            )
                .into_response()
        }
    }
}

/// `Authorization: Bearer <token>`, compared in constant time.
fn authorised(headers: &HeaderMap, token: &str) -> bool {
    let given = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    crate::privacy::secret::bearer_matches(given, token)
}
