//! Pages around the form: the list of surveys, a survey's start page, saved-for-later,
//! about, the language switch, pictures and the stylesheet.

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tower_sessions::Session;

use super::assets;
use super::progress::Progress;
use super::{render, Failed, OrPage, Page, PageLocale, WebError, LANGUAGE_COOKIE};
use crate::domain::consultation::{localized, Slug};
use crate::domain::{Consultation, OutreachCode, QuestionKind};
use crate::i18n::{self, Locale};
use crate::server::AppState;
use crate::store::StoredConsultation;

pub struct ConsultationLink {
    pub slug: String,
    pub title: String,
    pub picture: String,
}

#[derive(askama::Template)]
#[template(path = "home.html")]
struct HomePage {
    page: Page,
    consultations: Vec<ConsultationLink>,
}

pub async fn home(
    State(state): State<AppState>,
    PageLocale(locale): PageLocale,
) -> Result<Response, Failed> {
    let today = state.clock.today();
    let consultations = state
        .store
        .consultations()
        .await
        .or_page(locale)?
        .into_iter()
        .filter(|c| c.consultation.is_open_on(today))
        .map(|c| ConsultationLink {
            slug: c.consultation.slug.to_string(),
            title: localized(&c.consultation.title, locale).to_owned(),
            picture: c
                .consultation
                .questions
                .iter()
                .find_map(|q| q.picture.clone())
                .unwrap_or_else(|| "explain".into()),
        })
        .collect();
    let page = Page::new(locale, i18n::text(locale, "home-title"), "/");
    Ok(render(&HomePage {
        page,
        consultations,
    }))
}

/// A consultation by slug, or the kind 404 page.
pub async fn find(
    state: &AppState,
    slug: &str,
    locale: Locale,
) -> Result<StoredConsultation, Failed> {
    let slug = Slug::parse(slug).map_err(|_| Failed(WebError::NotFound, locale))?;
    match state.store.consultation(slug.as_str()).await {
        Ok(found) => found.ok_or(Failed(WebError::NotFound, locale)),
        // So an answer posted while the database is away can be shown again, still chosen.
        Err(e) if e.is_unavailable() => state
            .store
            .last_read_consultation(slug.as_str())
            .ok_or(Failed(e.into(), locale)),
        Err(e) => Err(Failed(e.into(), locale)),
    }
}

/// Where someone should carry on: the first question not yet answered, else the check page.
pub fn next_href(consultation: &Consultation, progress: &Progress) -> String {
    let slug = &consultation.slug;
    match consultation
        .questions
        .iter()
        .position(|q| !progress.answers.contains_key(q.id.as_str()))
    {
        Some(i) => format!("/c/{slug}/q/{}", i + 1),
        None => format!("/c/{slug}/check"),
    }
}

#[derive(Deserialize)]
pub struct Outreach {
    area: Option<String>,
    via: Option<String>,
}

#[derive(askama::Template)]
#[template(path = "start.html")]
struct StartPage {
    page: Page,
    title: String,
    summary: Vec<String>,
    minutes: String,
    open: bool,
    resuming: bool,
    next_href: String,
}

/// The start page. An outreach link (`?area=torridge&via=poster-12`) preselects the area
/// and records where the person came from.
pub async fn start(
    State(state): State<AppState>,
    PageLocale(locale): PageLocale,
    session: Session,
    Path(slug): Path<String>,
    Query(outreach): Query<Outreach>,
) -> Result<Response, Failed> {
    let stored = find(&state, &slug, locale).await?;
    let c = &stored.consultation;
    let mut progress = Progress::load(&session, c.slug.as_str())
        .await
        .or_page(locale)?;
    let resuming = !progress.answers.is_empty();
    let mut changed = false;
    if let Some(area) = outreach.area.as_deref().and_then(|a| state.areas.id(a)) {
        if let Some(q) = c
            .questions
            .iter()
            .find(|q| matches!(q.kind, QuestionKind::Area))
        {
            progress
                .answers
                .entry(q.id.to_string())
                .or_insert(super::progress::Saved::Area(area.to_string()));
            changed = true;
        }
    }
    if let Some(via) = outreach.via.as_deref().and_then(OutreachCode::parse) {
        progress.via = Some(via.as_str().to_owned());
        changed = true;
    }
    if changed {
        progress
            .save(&session, c.slug.as_str())
            .await
            .or_page(locale)?;
    }
    let title = localized(&c.title, locale).to_owned();
    let page = Page::new(locale, title.clone(), format!("/c/{}", c.slug));
    let minutes = i18n::text_with(
        locale,
        "consultation-minutes",
        &[("minutes", c.estimated_minutes.into())],
    );
    Ok(render(&StartPage {
        summary: localized(&c.summary, locale)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        title,
        minutes,
        open: c.is_open_on(state.clock.today()),
        resuming,
        next_href: next_href(c, &progress),
        page,
    }))
}

#[derive(askama::Template)]
#[template(path = "saved.html")]
struct SavedPage {
    page: Page,
    next_href: String,
}

pub async fn saved(
    State(state): State<AppState>,
    PageLocale(locale): PageLocale,
    session: Session,
    Path(slug): Path<String>,
) -> Result<Response, Failed> {
    let stored = find(&state, &slug, locale).await?;
    let progress = Progress::load(&session, &slug).await.or_page(locale)?;
    let page = Page::new(
        locale,
        i18n::text(locale, "saved-title"),
        format!("/c/{slug}/saved"),
    );
    Ok(render(&SavedPage {
        page,
        next_href: next_href(&stored.consultation, &progress),
    }))
}

#[derive(askama::Template)]
#[template(path = "about.html")]
struct AboutPage {
    page: Page,
}

pub async fn about(PageLocale(locale): PageLocale) -> Response {
    render(&AboutPage {
        page: Page::new(locale, i18n::text(locale, "about-title"), "/about"),
    })
}

#[derive(Deserialize)]
pub struct Next {
    next: Option<String>,
}

/// Whether a `next` address is a path on this site that can go in a `Location` header as it
/// is: never an open redirect (`//elsewhere`, `/\\elsewhere`), never a control character or
/// anything else a header cannot carry.
pub fn is_local_path(next: &str) -> bool {
    next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && next.bytes().all(|b| b.is_ascii_graphic())
}

/// Remembers the chosen language for a year and goes back to the page it was chosen on.
pub async fn language(Path(tag): Path<String>, Query(next): Query<Next>) -> Response {
    let next = next
        .next
        .filter(|n| is_local_path(n))
        .unwrap_or_else(|| "/".into());
    let Some(locale) = Locale::parse(&tag) else {
        return Redirect::to(&next).into_response();
    };
    let cookie = format!(
        "{LANGUAGE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
        locale.tag()
    );
    let mut response = Redirect::to(&next).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

pub async fn picture(Path(file): Path<String>, request: HeaderMap) -> Response {
    match file.strip_suffix(".svg").and_then(assets::picture) {
        Some(asset) => asset.respond(&request),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The site's icon: the "listen" picture (an ear), at `/favicon.svg` (linked from every
/// page) and at `/favicon.ico`, which browsers ask for by themselves.
pub async fn favicon(request: HeaderMap) -> Response {
    match assets::picture(FAVICON) {
        Some(asset) => asset.respond(&request),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

const FAVICON: &str = "listen";

pub async fn stylesheet(request: HeaderMap) -> Response {
    assets::heard_css().respond(&request)
}

pub async fn staff_stylesheet(request: HeaderMap) -> Response {
    assets::staff_css().respond(&request)
}

pub async fn script(request: HeaderMap) -> Response {
    assets::heard_js().respond(&request)
}

pub async fn not_found(PageLocale(locale): PageLocale) -> Response {
    WebError::NotFound.into_page(locale)
}
