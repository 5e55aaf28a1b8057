//! The export page: files for publication, with small numbers hidden (`coverage::publish`),
//! the rule stated on the page and in every file. Leads and admins only (`ForCoverage`).

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use super::auth::{ForCoverage, Staff};
use super::page::{render, t, t_with, StaffError, StaffPage};
use crate::coverage::publish::{self, ExportError, Format, Rule, What};
use crate::coverage::report;
use crate::domain::consultation::localized;
use crate::i18n::Arg;
use crate::server::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/staff/c/{slug}/export", get(page))
        .route("/staff/c/{slug}/export/{file}", get(download))
}

/// The rule as the server is set to apply it.
pub fn rule(state: &AppState) -> Rule {
    Rule::new(state.config.suppress_below)
}

pub struct FileLink {
    pub href: String,
    pub label: String,
}

#[derive(askama::Template)]
#[template(path = "staff/exports.html")]
struct ExportPage {
    page: StaffPage,
    consultation: String,
    rule: Vec<String>,
    threshold: String,
    coverage: Vec<FileLink>,
    responses: Vec<FileLink>,
}

async fn page(
    staff: Staff<ForCoverage>,
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Response, StaffError> {
    let stored = state
        .store
        .consultation(&slug)
        .await?
        .ok_or(StaffError::NotFound)?;
    let rule = rule(&state);
    let link = |what: What, format: Format| FileLink {
        href: format!(
            "/staff/c/{}/export/{}.{}",
            stored.consultation.slug,
            what.id(),
            format.extension()
        ),
        label: t(&format!(
            "staff-exports-{}-{}",
            what.id(),
            format.extension()
        )),
    };
    Ok(render(&ExportPage {
        page: StaffPage::new(&staff.who, t("staff-exports-title"), "/staff"),
        consultation: localized(&stored.consultation.title, super::page::STAFF_LOCALE).to_owned(),
        rule: rule.lines(),
        threshold: t_with(
            "staff-exports-threshold",
            &[("threshold", Arg::from(rule.threshold()))],
        ),
        coverage: vec![
            link(What::Coverage, Format::Csv),
            link(What::Coverage, Format::Json),
        ],
        responses: vec![
            link(What::Responses, Format::Csv),
            link(What::Responses, Format::Json),
        ],
    }))
}

/// `coverage.csv`, `coverage.json`, `responses.csv` or `responses.json`.
fn parse_file(file: &str) -> Option<(What, Format)> {
    let (what, extension) = file.split_once('.')?;
    let what = match what {
        "coverage" => What::Coverage,
        "responses" => What::Responses,
        _ => return None,
    };
    let format = match extension {
        "csv" => Format::Csv,
        "json" => Format::Json,
        _ => return None,
    };
    Some((what, format))
}

async fn download(
    staff: Staff<ForCoverage>,
    State(state): State<AppState>,
    Path((slug, file)): Path<(String, String)>,
) -> Result<Response, StaffError> {
    let (what, format) = parse_file(&file).ok_or(StaffError::NotFound)?;
    let generated_at = report::timestamp(state.clock.now().unix_timestamp());
    let text = publish::export(
        &state.store,
        &state.areas,
        &slug,
        what,
        format,
        rule(&state),
        &generated_at,
    )
    .await
    .map_err(|e| match e {
        ExportError::Store(e) => StaffError::Store(e),
        ExportError::Coverage(crate::coverage::CoverageError::Store(e)) => StaffError::Store(e),
        other => StaffError::Internal(other.to_string()),
    })?
    .ok_or(StaffError::NotFound)?;
    // Who took which file is worth knowing later; what was in it never goes in a log.
    tracing::info!(staff = staff.who.id, %slug, file = %file, "publication export downloaded");
    let mut response = (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static(format.content_type()),
        )],
        text,
    )
        .into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // The slug is letters, digits and hyphens only, so it is safe inside the quotes.
    let disposition = format!(
        "attachment; filename=\"{slug}-{}.{}\"",
        what.id(),
        format.extension()
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_four_files() {
        assert_eq!(
            parse_file("coverage.csv"),
            Some((What::Coverage, Format::Csv))
        );
        assert_eq!(
            parse_file("responses.json"),
            Some((What::Responses, Format::Json))
        );
        for bad in [
            "coverage",
            "coverage.xlsx",
            "people.csv",
            "",
            "responses.json.exe",
        ] {
            assert_eq!(parse_file(bad), None, "{bad}");
        }
    }
}
