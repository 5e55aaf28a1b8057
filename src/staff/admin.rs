//! Admin pages: consultations (upload a file, new or replacing one by slug), staff accounts
//! (add, remove) and baselines (upload a CSV for every consultation or one). Each form is
//! checked whole: a bad file changes nothing and says which line and why.

use std::collections::HashMap;

use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use super::auth::{ForAdmin, Staff};
use super::home::{consultation_rows, ConsultationRow};
use super::page::{error_for, render, t, t_with, FieldError, StaffError, StaffPage};
use super::{PasswordHash, Role, StaffEmail};
use crate::coverage::{Baseline, BaselineSource};
use crate::domain::Consultation;
use crate::i18n::Arg;
use crate::server::AppState;
use crate::store::{StaffMember, StoreError};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/staff/admin", get(admin))
        .route("/staff/admin/consultations", post(upload_consultation))
        .route("/staff/admin/staff", post(add_staff))
        .route("/staff/admin/staff/{id}/remove", post(remove_staff))
        .route("/staff/admin/baseline", post(upload_baseline))
}

#[derive(askama::Template)]
#[template(path = "staff/admin.html")]
struct AdminPage {
    page: StaffPage,
    consultations: Vec<ConsultationRow>,
    staff: Vec<StaffMember>,
    roles: Vec<(&'static str, String)>,
    notice: Option<String>,
    errors: Vec<FieldError>,
    /// What was typed in the add-staff form, given back after an error (never the password).
    typed_email: String,
    typed_role: String,
}

impl AdminPage {
    fn error_for(&self, field: &str) -> Option<&str> {
        error_for(&self.errors, field)
    }
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
}

async fn page(
    state: &AppState,
    staff: &Staff<ForAdmin>,
    notice: Option<String>,
    errors: Vec<FieldError>,
    typed: (String, String),
) -> Result<Response, StaffError> {
    let mut page = StaffPage::new(&staff.who, t("staff-admin-title"), "/staff/admin");
    page.has_error = !errors.is_empty();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut response = render(&AdminPage {
        page,
        consultations: consultation_rows(state).await?,
        staff: state.store.staff_members(None).await?,
        roles: [Role::Lead, Role::Safeguarding, Role::Admin]
            .iter()
            .map(|r| (r.id(), t(&format!("staff-role-{}", r.id()))))
            .collect(),
        notice,
        errors,
        typed_email: typed.0,
        typed_role: typed.1,
    });
    *response.status_mut() = status;
    Ok(response)
}

async fn admin(
    State(state): State<AppState>,
    staff: Staff<ForAdmin>,
    Query(done): Query<Done>,
) -> Result<Response, StaffError> {
    // Only our own notices: the query names one, it never carries text to show.
    let notice = done
        .done
        .as_deref()
        .filter(|d| ["consultation", "staff-added", "staff-removed", "baseline"].contains(d))
        .map(|d| t(&format!("staff-admin-done-{d}")));
    page(&state, &staff, notice, Vec::new(), Default::default()).await
}

fn done(what: &str) -> Response {
    Redirect::to(&format!("/staff/admin?done={what}#notice")).into_response()
}

fn error(field: &'static str, message: String) -> Vec<FieldError> {
    vec![FieldError { field, message }]
}

/// A multipart form's text fields and its one file, read whole (the body limit bounds it).
struct Upload {
    fields: HashMap<String, String>,
    file: Option<String>,
}

async fn read_upload(mut multipart: Multipart) -> Result<Upload, StaffError> {
    let mut fields = HashMap::new();
    let mut file = None;
    let bad = |e: axum::extract::multipart::MultipartError| StaffError::BadRequest(e.body_text());
    while let Some(field) = multipart.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            let bytes = field.bytes().await.map_err(bad)?;
            // An empty file input sends a part with no bytes: that is no file.
            if !bytes.is_empty() {
                file = Some(
                    String::from_utf8(bytes.to_vec())
                        .map_err(|_| StaffError::BadRequest(t("staff-admin-file-not-text")))?,
                );
            }
        } else {
            let text = field.text().await.map_err(bad)?;
            fields.insert(name, text);
        }
    }
    Ok(Upload { fields, file })
}

impl Upload {
    fn field(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", String::as_str)
    }
}

async fn upload_consultation(
    State(state): State<AppState>,
    staff: Staff<ForAdmin>,
    multipart: Multipart,
) -> Result<Response, StaffError> {
    let upload = read_upload(multipart).await?;
    staff.who.check_csrf(upload.field("csrf"))?;
    let Some(source) = upload.file.as_deref() else {
        let errors = error("consultation-file", t("staff-admin-choose-file"));
        return page(&state, &staff, None, errors, Default::default()).await;
    };
    let consultation = match Consultation::parse(source) {
        Ok(c) => c,
        Err(e) => {
            let message = t_with(
                "staff-admin-consultation-refused",
                &[
                    ("line", Arg::from(e.line)),
                    ("reason", Arg::from(e.message.clone())),
                ],
            );
            let errors = error("consultation-file", message);
            return page(&state, &staff, None, errors, Default::default()).await;
        }
    };
    match state.store.save_consultation(&consultation, source).await {
        Ok(_) => {}
        Err(StoreError::Conflict(reason)) => {
            let errors = error("consultation-file", reason);
            return page(&state, &staff, None, errors, Default::default()).await;
        }
        Err(e) => return Err(e.into()),
    }
    tracing::info!(staff = staff.who.id, slug = %consultation.slug, "consultation uploaded");
    Ok(done("consultation"))
}

#[derive(Deserialize)]
struct AddStaffForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    password: String,
}

async fn add_staff(
    State(state): State<AppState>,
    staff: Staff<ForAdmin>,
    Form(form): Form<AddStaffForm>,
) -> Result<Response, StaffError> {
    staff.who.check_csrf(&form.csrf)?;
    let typed = (form.email.trim().to_owned(), form.role.clone());
    let mut errors = Vec::new();
    let email = StaffEmail::parse(&form.email);
    if email.is_err() {
        errors.push(FieldError {
            field: "staff-email",
            message: t("staff-admin-email-wrong"),
        });
    }
    let role = form.role.parse::<Role>();
    if role.is_err() {
        errors.push(FieldError {
            field: "staff-role",
            message: t("staff-admin-role-wrong"),
        });
    }
    if form.password.chars().count() < super::MIN_PASSWORD_CHARS {
        errors.push(FieldError {
            field: "staff-password",
            message: t_with(
                "staff-admin-password-short",
                &[("chars", Arg::from(super::MIN_PASSWORD_CHARS))],
            ),
        });
    }
    let (Ok(email), Ok(role), true) = (email, role, errors.is_empty()) else {
        return page(&state, &staff, None, errors, typed).await;
    };
    let hash = PasswordHash::new(form.password)
        .await
        .map_err(|e| StaffError::Internal(e.to_string()))?;
    match state.store.add_staff(&email, role, &hash).await {
        Ok(id) => {
            tracing::info!(staff = staff.who.id, added = id, %role, "staff account added");
            Ok(done("staff-added"))
        }
        Err(StoreError::Conflict(_)) => {
            let errors = error("staff-email", t("staff-admin-email-taken"));
            page(&state, &staff, None, errors, typed).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

async fn remove_staff(
    State(state): State<AppState>,
    staff: Staff<ForAdmin>,
    Path(id): Path<i64>,
    Form(form): Form<CsrfOnly>,
) -> Result<Response, StaffError> {
    staff.who.check_csrf(&form.csrf)?;
    if id == staff.who.id {
        // Removing yourself could leave nobody able to add staff.
        let errors = error("staff-list", t("staff-admin-not-yourself"));
        return page(&state, &staff, None, errors, Default::default()).await;
    }
    if !state.store.remove_staff(id).await? {
        return Err(StaffError::NotFound);
    }
    tracing::info!(staff = staff.who.id, removed = id, "staff account removed");
    Ok(done("staff-removed"))
}

async fn upload_baseline(
    State(state): State<AppState>,
    staff: Staff<ForAdmin>,
    multipart: Multipart,
) -> Result<Response, StaffError> {
    let upload = read_upload(multipart).await?;
    staff.who.check_csrf(upload.field("csrf"))?;
    let slug = upload.field("consultation").trim().to_owned();
    let consultation_id = if slug.is_empty() {
        None
    } else {
        match state.store.consultation(&slug).await? {
            Some(c) => Some(c.id),
            None => {
                let errors = error("baseline-consultation", t("staff-admin-no-consultation"));
                return page(&state, &staff, None, errors, Default::default()).await;
            }
        }
    };
    let Some(text) = upload.file.as_deref() else {
        let errors = error("baseline-file", t("staff-admin-choose-file"));
        return page(&state, &staff, None, errors, Default::default()).await;
    };
    let source = match consultation_id {
        Some(_) => BaselineSource::Consultation,
        None => BaselineSource::Imported,
    };
    let baseline = match Baseline::parse_csv(&state.areas, source, text) {
        Ok(b) => b,
        Err(e) => {
            let message = t_with(
                "staff-admin-baseline-refused",
                &[("reason", Arg::from(e.to_string()))],
            );
            let errors = error("baseline-file", message);
            return page(&state, &staff, None, errors, Default::default()).await;
        }
    };
    state
        .store
        .replace_baseline(consultation_id, baseline.shares())
        .await?;
    tracing::info!(staff = staff.who.id, consultation = %slug, "baseline replaced");
    Ok(done("baseline"))
}
