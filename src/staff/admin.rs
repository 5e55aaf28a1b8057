//! Admin pages: consultations, staff accounts and baselines.

use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use axum::Router;

use super::auth::{ForAdmin, Staff};
use super::home::{consultation_rows, ConsultationRow};
use super::page::{render, t, StaffError, StaffPage};
use crate::server::AppState;
use crate::store::StaffMember;

pub fn routes() -> Router<AppState> {
    Router::new().route("/staff/admin", get(admin))
}

#[derive(askama::Template)]
#[template(path = "staff/admin.html")]
struct AdminPage {
    page: StaffPage,
    consultations: Vec<ConsultationRow>,
    staff: Vec<StaffMember>,
}

async fn admin(
    State(state): State<AppState>,
    staff: Staff<ForAdmin>,
) -> Result<Response, StaffError> {
    Ok(render(&AdminPage {
        page: StaffPage::new(&staff.who, t("staff-admin-title"), "/staff/admin"),
        consultations: consultation_rows(&state).await?,
        staff: state.store.staff_members(None).await?,
    }))
}
