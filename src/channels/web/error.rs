//! The web channel's errors, each shown as a kind page in the person's language.
//! Internal causes are logged here, never shown.

use axum::http::StatusCode;
use axum::response::Response;

use super::{render, Page};
use crate::i18n::Locale;
use crate::ingest::IngestError;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("not found")]
    NotFound,
    #[error("form token missing or wrong")]
    FormExpired,
    /// Past the per-address limit: a form post (its answer not kept) or a page.
    #[error("too many requests from one address")]
    TooManyRequests { post: bool },
    /// A form post too large to take (past `HEARD_MAX_BODY_BYTES`).
    #[error("the form was too large")]
    TooLarge,
    /// A post whose body came in slower than `HEARD_BODY_TIMEOUT_SECS` allows.
    #[error("the form came in too slowly")]
    TooSlow,
    /// A post that is not a form heard can read (not a form, not UTF-8, a field twice).
    #[error("the form could not be read")]
    Unreadable,
    #[error("session: {0}")]
    Session(String),
    /// The session could not be loaded or saved because the database is busy or away.
    #[error("session: {0}")]
    SessionUnavailable(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Ingest(#[from] IngestError),
}

#[derive(askama::Template)]
#[template(path = "message.html")]
struct MessagePage {
    page: Page,
    lines: Vec<String>,
}

impl WebError {
    pub fn session(e: tower_sessions::session::Error) -> WebError {
        if crate::store::session_unavailable(&e) {
            WebError::SessionUnavailable(e.to_string())
        } else {
            WebError::Session(e.to_string())
        }
    }

    /// The database is busy or away for now: trying again in a minute will do.
    pub fn is_unavailable(&self) -> bool {
        match self {
            WebError::SessionUnavailable(_) => true,
            WebError::Store(e) | WebError::Ingest(IngestError::Store(e)) => e.is_unavailable(),
            _ => false,
        }
    }

    pub fn into_page(self, locale: Locale) -> Response {
        let (status, title, lines): (StatusCode, &str, &[&str]) = match &self {
            WebError::NotFound | WebError::Ingest(IngestError::UnknownConsultation(_)) => (
                StatusCode::NOT_FOUND,
                "not-found-title",
                &["not-found-text"],
            ),
            WebError::FormExpired => (
                StatusCode::FORBIDDEN,
                "form-expired-title",
                &["form-expired-text"],
            ),
            WebError::Unreadable => (
                StatusCode::BAD_REQUEST,
                "form-expired-title",
                &["form-expired-text"],
            ),
            WebError::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "too-large-title",
                &["too-large-text", "too-large-saved"],
            ),
            WebError::TooSlow => (
                StatusCode::REQUEST_TIMEOUT,
                "too-slow-title",
                &["too-slow-text", "too-large-saved"],
            ),
            WebError::TooManyRequests { post: true } => (
                StatusCode::TOO_MANY_REQUESTS,
                "slow-down-title",
                &["slow-down-text", "slow-down-not-saved", "slow-down-saved"],
            ),
            WebError::TooManyRequests { post: false } => (
                StatusCode::TOO_MANY_REQUESTS,
                "slow-down-title",
                &["slow-down-text", "slow-down-wait"],
            ),
            WebError::Ingest(IngestError::Closed(_)) => {
                (StatusCode::CONFLICT, "closed-title", &["closed-text"])
            }
            e if e.is_unavailable() => (
                StatusCode::SERVICE_UNAVAILABLE,
                "problem-title",
                &["problem-saved", "problem-retry"],
            ),
            _ => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "problem-title",
                &["problem-saved", "problem-retry"],
            ),
        };
        if status.is_server_error() {
            tracing::error!(error = %self, "web request failed");
        }
        let page = Page::new(locale, crate::i18n::text(locale, title), "/");
        let lines = lines.iter().map(|id| page.t(id)).collect();
        let mut response = render(&MessagePage { page, lines });
        *response.status_mut() = status;
        if status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::SERVICE_UNAVAILABLE {
            retry_in_a_minute(&mut response);
        }
        response
    }
}

/// A page for something not saved because the database is busy or away for now: 503, so
/// nothing takes it as done, and when to try again.
pub fn try_again_later(response: &mut Response) {
    *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    retry_in_a_minute(response);
}

fn retry_in_a_minute(response: &mut Response) {
    response
        .headers_mut()
        .insert("retry-after", axum::http::HeaderValue::from_static("60"));
}

/// A handler's failure, with the language to explain it in.
pub struct Failed(pub WebError, pub Locale);

impl axum::response::IntoResponse for Failed {
    fn into_response(self) -> Response {
        self.0.into_page(self.1)
    }
}

pub trait OrPage<T> {
    fn or_page(self, locale: Locale) -> Result<T, Failed>;
}

impl<T, E: Into<WebError>> OrPage<T> for Result<T, E> {
    fn or_page(self, locale: Locale) -> Result<T, Failed> {
        self.map_err(|e| Failed(e.into(), locale))
    }
}
