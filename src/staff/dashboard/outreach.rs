//! Outreach for under-represented districts: the public link that preselects the district
//! and records where people came from, its QR code, and a printable A4 poster.

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use serde::Deserialize;

use super::{consultation, district};
use crate::domain::consultation::localized;
use crate::server::AppState;
use crate::staff::auth::{ForCoverage, Staff};
use crate::staff::page::{render, t_with, StaffError, StaffPage, STAFF_LOCALE};

/// Where an outreach link is given out, recorded with each response it brings (`via`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Source {
    /// The link sent by email, message or post.
    #[default]
    Link,
    /// The printed poster's code and address.
    Poster,
}

impl Source {
    pub fn id(self) -> &'static str {
        match self {
            Source::Link => "outreach-link",
            Source::Poster => "poster",
        }
    }

    fn parse(text: Option<&str>) -> Result<Source, StaffError> {
        match text {
            None | Some("outreach-link") => Ok(Source::Link),
            Some("poster") => Ok(Source::Poster),
            Some(_) => Err(StaffError::BadRequest(
                "via must be outreach-link or poster".into(),
            )),
        }
    }
}

/// The public start page for `slug`, with `area` chosen and `source` recorded.
pub fn outreach_link(public_url: &str, slug: &str, area: &str, source: Source) -> String {
    format!("{public_url}/c/{slug}?area={area}&via={}", source.id())
}

/// The same link as people type it: without the scheme.
pub fn short_link(link: &str) -> &str {
    link.trim_start_matches("https://")
        .trim_start_matches("http://")
}

/// A QR code for `text` as a standalone SVG document: black on white, the standard quiet
/// zone, error correction M (readable with up to 15% of the print damaged).
pub fn qr_svg(text: &str) -> Result<String, StaffError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| StaffError::Internal(format!("QR code: {e}")))?;
    Ok(code
        .render::<svg::Color>()
        .min_dimensions(264, 264)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .quiet_zone(true)
        .build())
}

#[derive(Deserialize)]
pub struct QrQuery {
    via: Option<String>,
}

/// `GET /staff/c/{slug}/qr/{area}.svg[?via=poster]`: the outreach link's QR code.
pub async fn qr(
    _staff: Staff<ForCoverage>,
    State(state): State<AppState>,
    Path((slug, file)): Path<(String, String)>,
    Query(query): Query<QrQuery>,
) -> Result<Response, StaffError> {
    let area = file.strip_suffix(".svg").ok_or(StaffError::NotFound)?;
    let stored = consultation(&state, &slug).await?;
    let area = district(&state, area)?;
    let source = Source::parse(query.via.as_deref())?;
    let link = outreach_link(
        &state.config.public_url,
        stored.consultation.slug.as_str(),
        area.id.as_str(),
        source,
    );
    let svg = qr_svg(&link)?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        svg,
    )
        .into_response())
}

#[derive(askama::Template)]
#[template(path = "staff/poster.html")]
struct PosterPage {
    page: StaffPage,
    slug: String,
    area_id: String,
    consultation_title: String,
    for_line: String,
    minutes_line: String,
    qr_alt: String,
    short_link: String,
}

/// `GET /staff/c/{slug}/poster/{area}`: an easy-read A4 invitation with the QR code.
pub async fn poster(
    staff: Staff<ForCoverage>,
    State(state): State<AppState>,
    Path((slug, area)): Path<(String, String)>,
) -> Result<Response, StaffError> {
    let stored = consultation(&state, &slug).await?;
    let c = &stored.consultation;
    let area = district(&state, &area)?;
    let area_name = area.name(STAFF_LOCALE.tag()).to_owned();
    let link = outreach_link(
        &state.config.public_url,
        c.slug.as_str(),
        area.id.as_str(),
        Source::Poster,
    );
    let title = t_with("staff-poster-title", &[("area", area_name.clone().into())]);
    Ok(render(&PosterPage {
        page: StaffPage::new(&staff.who, title, "/staff"),
        slug: c.slug.to_string(),
        area_id: area.id.to_string(),
        consultation_title: localized(&c.title, STAFF_LOCALE).to_owned(),
        for_line: t_with("staff-poster-for", &[("area", area_name.clone().into())]),
        minutes_line: t_with(
            "staff-poster-minutes",
            &[("minutes", c.estimated_minutes.into())],
        ),
        qr_alt: t_with("staff-dash-qr-alt", &[("area", area_name.into())]),
        short_link: short_link(&link).to_owned(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_choose_the_district_and_record_the_source() {
        let link = outreach_link(
            "https://heard.example",
            "four-cornerstones",
            "torridge",
            Source::Poster,
        );
        assert_eq!(
            link,
            "https://heard.example/c/four-cornerstones?area=torridge&via=poster"
        );
        assert_eq!(
            short_link(&link),
            "heard.example/c/four-cornerstones?area=torridge&via=poster"
        );
        assert_eq!(Source::parse(None).unwrap(), Source::Link);
        assert!(Source::parse(Some("x")).is_err());
    }

    #[test]
    fn qr_is_an_svg_image() {
        let svg = qr_svg("https://heard.example/c/x?area=torridge&via=poster").unwrap();
        assert!(svg.contains("<svg") && svg.contains("viewBox"));
        assert!(svg.contains("#000000"));
    }
}
