//! Changing one's own password: the current one first, the new one twice.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;

use super::auth::{ForOwnAccount, Staff};
use super::page::{error_for, render, t, t_with, FieldError, StaffError, StaffPage};
use super::{PasswordHash, MIN_PASSWORD_CHARS};
use crate::i18n::Arg;
use crate::server::AppState;

#[derive(askama::Template)]
#[template(path = "staff/password.html")]
struct PasswordPage {
    page: StaffPage,
    errors: Vec<FieldError>,
    changed: bool,
}

impl PasswordPage {
    fn error_for(&self, field: &str) -> Option<&str> {
        error_for(&self.errors, field)
    }
}

#[derive(Deserialize)]
pub struct Changed {
    changed: Option<String>,
}

pub async fn password_page(
    staff: Staff<ForOwnAccount>,
    Query(q): Query<Changed>,
) -> Result<Response, StaffError> {
    Ok(render(&PasswordPage {
        page: StaffPage::new(&staff.who, t("staff-password-title"), "/staff/password"),
        errors: Vec::new(),
        changed: q.changed.is_some(),
    }))
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    again: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    staff: Staff<ForOwnAccount>,
    Form(form): Form<PasswordForm>,
) -> Result<Response, StaffError> {
    staff.who.check_csrf(&form.csrf)?;
    let mut errors = Vec::new();
    let current_ok = match state.store.staff_credentials(&staff.who.email).await? {
        Some((_, _, hash)) => hash.verify(form.current.clone()).await,
        None => false,
    };
    if !current_ok {
        errors.push(FieldError {
            field: "current",
            message: t("staff-password-current-wrong"),
        });
    }
    if form.new.chars().count() < MIN_PASSWORD_CHARS {
        errors.push(FieldError {
            field: "new",
            message: t_with(
                "staff-admin-password-short",
                &[("chars", Arg::from(MIN_PASSWORD_CHARS))],
            ),
        });
    } else if form.new != form.again {
        errors.push(FieldError {
            field: "again",
            message: t("staff-password-differ"),
        });
    }
    if !errors.is_empty() {
        let mut page = StaffPage::new(&staff.who, t("staff-password-title"), "/staff/password");
        page.has_error = true;
        let mut response = render(&PasswordPage {
            page,
            errors,
            changed: false,
        });
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(response);
    }
    let hash = PasswordHash::new(form.new)
        .await
        .map_err(|e| StaffError::Internal(e.to_string()))?;
    state.store.set_staff_password(staff.who.id, &hash).await?;
    tracing::info!(staff = staff.who.id, "staff password changed");
    Ok(Redirect::to("/staff/password?changed=1").into_response())
}
