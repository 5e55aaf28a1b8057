//! `GET /api/coverage/{slug}`: a consultation's coverage as JSON, for staff. It takes the
//! dashboard's filters too (`?group=&channel=&from=&to=`); a bad one is a 400 saying why.

use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum::{Json, Router};

use super::auth::StaffAccess;
use super::{AppError, AppState};
use crate::coverage::{self, report, CoverageError};
use crate::staff::dashboard::filters::FilterInput;
use crate::staff::page::t;

pub fn routes() -> Router<AppState> {
    Router::new().route("/api/coverage/{slug}", get(coverage_json))
}

async fn coverage_json(
    _access: StaffAccess,
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Json<serde_json::Value>, AppError> {
    let filters = FilterInput::from_pairs(&pairs)
        .parse()
        .map_err(|problems| {
            let reasons: Vec<String> = problems.iter().map(|p| t(p.message)).collect();
            AppError::BadRequest(reasons.join("; "))
        })?;
    let coverage = if filters.is_empty() {
        coverage::load(&state.store, &state.areas, &slug).await
    } else {
        coverage::load_filtered(&state.store, &state.areas, &slug, &filters.count_filter()).await
    }
    .map_err(|e| match e {
        CoverageError::Store(e) => AppError::Store(e),
        CoverageError::Baseline(e) => AppError::Internal(e.to_string()),
    })?
    .ok_or(AppError::NotFound)?;
    let generated_at = report::timestamp(state.clock.now().unix_timestamp());
    let mut json = report::json(&coverage, &generated_at);
    if !filters.is_empty() {
        json["filters"] = serde_json::json!({
            "group": filters.group.map(|g| g.id()),
            "channel": filters.channel.map(|c| c.id()),
            "from": filters.from.map(|d| d.to_string()),
            "to": filters.to.map(|d| d.to_string()),
        });
    }
    Ok(Json(json))
}
