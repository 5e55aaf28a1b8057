//! The staff start page: every consultation with its response count, for those who may see
//! coverage; the safeguarding role goes straight to its queue.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use super::auth::signed_in;
use super::page::{render, t, StaffError, StaffPage};
use super::Access;
use crate::domain::consultation::localized;
use crate::server::AppState;

pub struct ConsultationRow {
    pub slug: String,
    pub title: String,
    pub opens_on: String,
    pub closes_on: Option<String>,
    pub open: bool,
    pub responses: i64,
}

#[derive(askama::Template)]
#[template(path = "staff/home.html")]
struct HomePage {
    page: StaffPage,
    consultations: Vec<ConsultationRow>,
}

pub async fn home(State(state): State<AppState>, session: Session) -> Result<Response, StaffError> {
    let who = signed_in(&session, &state)
        .await?
        .ok_or_else(|| StaffError::SignInNeeded {
            next: "/staff".into(),
        })?;
    if !who.may(Access::Coverage) {
        if who.may(Access::Safeguarding) {
            return Ok(Redirect::to("/staff/safeguarding").into_response());
        }
        return Err(StaffError::Forbidden);
    }
    let consultations = consultation_rows(&state).await?;
    Ok(render(&HomePage {
        page: StaffPage::new(&who, t("staff-home-title"), "/staff"),
        consultations,
    }))
}

/// Every consultation, newest first, with how many have answered.
pub async fn consultation_rows(state: &AppState) -> Result<Vec<ConsultationRow>, StaffError> {
    let today = state.clock.today();
    let mut rows = Vec::new();
    for stored in state.store.consultations().await? {
        let c = &stored.consultation;
        rows.push(ConsultationRow {
            slug: c.slug.to_string(),
            title: localized(&c.title, super::page::STAFF_LOCALE).to_owned(),
            opens_on: c.opens_on.to_string(),
            closes_on: c.closes_on.map(|d| d.to_string()),
            open: c.is_open_on(today),
            responses: state.store.submission_count(c.slug.as_str()).await?,
        });
    }
    rows.sort_by(|a, b| b.opens_on.cmp(&a.opens_on).then(a.slug.cmp(&b.slug)));
    Ok(rows)
}
