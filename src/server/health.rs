use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::json;

use super::{AppError, AppState};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
}

/// Alive: the process answers.
async fn healthz() -> (StatusCode, Json<serde_json::Value>) {
    (StatusCode::OK, Json(json!({ "status": "ok" })))
}

/// Ready: the database answers too.
async fn readyz(State(state): State<AppState>) -> Result<Json<serde_json::Value>, AppError> {
    state.store.ping().await.map_err(AppError::NotReady)?;
    Ok(Json(json!({ "status": "ready" })))
}
