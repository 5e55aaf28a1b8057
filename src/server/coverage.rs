//! `GET /api/coverage/{slug}`: a consultation's coverage as JSON, for staff.

use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Json, Router};

use super::auth::StaffAccess;
use super::{AppError, AppState};
use crate::coverage::{self, report, CoverageError};

pub fn routes() -> Router<AppState> {
    Router::new().route("/api/coverage/{slug}", get(coverage_json))
}

async fn coverage_json(
    _access: StaffAccess,
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Json<serde_json::Value>, AppError> {
    let coverage = coverage::load(&state.store, &state.areas, &slug)
        .await
        .map_err(|e| match e {
            CoverageError::Store(e) => AppError::Store(e),
            CoverageError::Baseline(e) => AppError::Internal(e.to_string()),
        })?
        .ok_or(AppError::NotFound)?;
    let generated_at = report::timestamp(state.clock.now().unix_timestamp());
    Ok(Json(report::json(&coverage, &generated_at)))
}
