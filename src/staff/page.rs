//! What every staff page shares: its layout, its words (en-GB: staff are council officers)
//! and one error type turned into a page in one place.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::auth::SignedIn;
use super::Role;
use crate::i18n::{self, Arg, Locale};
use crate::store::StoreError;

/// Staff pages are in English; their words live in `locales/en-GB/staff*.ftl`.
pub const STAFF_LOCALE: Locale = Locale::EN_GB;

pub fn t(id: &str) -> String {
    i18n::text(STAFF_LOCALE, id)
}

pub fn t_with(id: &str, args: &[(&str, Arg)]) -> String {
    i18n::text_with(STAFF_LOCALE, id, args)
}

/// A problem with a form, shown in the error summary and beside its field.
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

/// The message for `field`, if it has a problem.
pub fn error_for<'a>(errors: &'a [FieldError], field: &str) -> Option<&'a str> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.as_str())
}

/// A link in the staff navigation.
pub struct NavItem {
    pub href: &'static str,
    pub label: String,
    pub current: bool,
    /// A count shown beside the label (the safeguarding queue).
    pub badge: Option<u64>,
}

/// The layout's data: title, who is signed in, the form token and the navigation.
pub struct StaffPage {
    pub title: String,
    pub who: Option<SignedIn>,
    pub nav: Vec<NavItem>,
    pub has_error: bool,
}

impl StaffPage {
    /// A page for a signed-in member of staff; `section` is the nav item it belongs to.
    pub fn new(who: &SignedIn, title: impl Into<String>, section: &str) -> StaffPage {
        let mut nav = Vec::new();
        let mut add = |href: &'static str, id: &str, badge: Option<u64>| {
            nav.push(NavItem {
                href,
                label: t(id),
                current: href == section,
                badge,
            })
        };
        if who.may(super::Access::Coverage) {
            add("/staff", "staff-nav-coverage", None);
        }
        if who.may(super::Access::Safeguarding) {
            add("/staff/safeguarding", "staff-nav-safeguarding", who.flagged);
        }
        if who.may(super::Access::Admin) {
            add("/staff/admin", "staff-nav-admin", None);
        }
        add("/staff/password", "staff-nav-password", None);
        StaffPage {
            title: title.into(),
            who: Some(who.clone()),
            nav,
            has_error: false,
        }
    }

    /// A page for someone not signed in (the sign-in page).
    pub fn public(title: impl Into<String>) -> StaffPage {
        StaffPage {
            title: title.into(),
            who: None,
            nav: Vec::new(),
            has_error: false,
        }
    }

    pub fn t(&self, id: &str) -> String {
        t(id)
    }

    pub fn t_with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        t_with(id, args)
    }

    /// The form token every staff form carries.
    pub fn csrf(&self) -> &str {
        self.who.as_ref().map_or("", |w| w.csrf.as_str())
    }

    pub fn role_name(&self, role: &Role) -> String {
        t(&format!("staff-role-{}", role.id()))
    }
}

/// Renders a staff template; one that fails to render is a bug, logged.
pub fn render(template: &impl askama::Template) -> Response {
    match template.render() {
        Ok(html) => {
            let mut response = axum::response::Html(html).into_response();
            // Staff pages hold figures and flagged words: never cached anywhere.
            response.headers_mut().insert(
                axum::http::header::CACHE_CONTROL,
                axum::http::HeaderValue::from_static("no-store"),
            );
            response
        }
        Err(e) => {
            tracing::error!(error = %e, "staff template failed to render");
            StaffError::Internal("template".into()).into_response()
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StaffError {
    /// Not signed in: go to the sign-in page and come back to `next`.
    #[error("not signed in")]
    SignInNeeded { next: String },
    #[error("this role may not open this page")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// An address opened that only takes a form sent to it (or the other way round).
    #[error("method not allowed")]
    WrongMethod,
    #[error("form token missing or wrong")]
    FormExpired,
    #[error("too many requests from one address")]
    TooManyRequests,
    #[error("bad request: {0}")]
    BadRequest(String),
    /// A post that is not a form heard can read (not a form, not UTF-8, a field twice).
    #[error("the form could not be read")]
    Unreadable,
    /// A post past `HEARD_MAX_BODY_BYTES`.
    #[error("the request was too large")]
    TooLarge,
    /// A post whose body came in slower than `HEARD_BODY_TIMEOUT_SECS` allows.
    #[error("the request came in too slowly")]
    TooSlow,
    #[error("session: {0}")]
    Session(String),
    /// The session could not be loaded or saved because the database is busy or away.
    #[error("session: {0}")]
    SessionUnavailable(String),
    #[error("internal: {0}")]
    Internal(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl StaffError {
    pub fn session(e: tower_sessions::session::Error) -> StaffError {
        if crate::store::session_unavailable(&e) {
            StaffError::SessionUnavailable(e.to_string())
        } else {
            StaffError::Session(e.to_string())
        }
    }

    /// The database is busy or away for now: trying again in a minute will do.
    fn is_unavailable(&self) -> bool {
        match self {
            StaffError::SessionUnavailable(_) => true,
            StaffError::Store(e) => e.is_unavailable(),
            _ => false,
        }
    }
}

#[derive(askama::Template)]
#[template(path = "staff/message.html")]
struct MessagePage {
    page: StaffPage,
    lines: Vec<String>,
    link: (&'static str, String),
}

impl IntoResponse for StaffError {
    fn into_response(self) -> Response {
        let (status, title, text) = match &self {
            StaffError::SignInNeeded { next } => {
                let target = format!("/staff/sign-in?next={}", urlencode(next));
                return Redirect::to(&target).into_response();
            }
            StaffError::Forbidden => (
                StatusCode::FORBIDDEN,
                "staff-forbidden-title",
                "staff-forbidden-text",
            ),
            StaffError::NotFound => (
                StatusCode::NOT_FOUND,
                "staff-not-found-title",
                "staff-not-found-text",
            ),
            StaffError::WrongMethod => (
                StatusCode::METHOD_NOT_ALLOWED,
                "staff-wrong-method-title",
                "staff-wrong-method-text",
            ),
            StaffError::FormExpired => (
                StatusCode::FORBIDDEN,
                "staff-form-expired-title",
                "staff-form-expired-text",
            ),
            StaffError::TooManyRequests => (
                StatusCode::TOO_MANY_REQUESTS,
                "staff-slow-down-title",
                "staff-slow-down-text",
            ),
            StaffError::BadRequest(_) | StaffError::Unreadable => (
                StatusCode::BAD_REQUEST,
                "staff-bad-request-title",
                "staff-bad-request-text",
            ),
            StaffError::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "staff-too-large-title",
                "staff-too-large-text",
            ),
            StaffError::TooSlow => (
                StatusCode::REQUEST_TIMEOUT,
                "staff-too-slow-title",
                "staff-too-slow-text",
            ),
            e if e.is_unavailable() => (
                StatusCode::SERVICE_UNAVAILABLE,
                "staff-problem-title",
                "staff-problem-text",
            ),
            _ => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "staff-problem-title",
                "staff-problem-text",
            ),
        };
        if status.is_server_error() {
            tracing::error!(error = %self, "staff request failed");
        }
        let mut lines = vec![t(text)];
        if let StaffError::BadRequest(reason) = &self {
            // Our own words about the request (a filter out of range), never stored data.
            lines.push(reason.clone());
        }
        let page = MessagePage {
            page: StaffPage::public(t(title)),
            lines,
            link: ("/staff", t("staff-back-to-start")),
        };
        let html = page.render().unwrap_or_else(|_| t(title));
        let mut response = (status, axum::response::Html(html)).into_response();
        response.headers_mut().insert(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("no-store"),
        );
        if status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from_static("60"),
            );
        }
        response
    }
}

/// A request axum cannot read gets a staff page, not axum's plain text: a mangled address
/// is a page not found, an unreadable or too large post says so, and an address opened
/// that only takes a form stays a 405 with its `Allow` header. The coverage API's
/// answers are left as they are: its callers are programs.
pub async fn kind_rejections(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let post = request.method() == axum::http::Method::POST;
    let api = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    if !api && crate::server::error::is_bare_server_error(&response) {
        // The session could not be saved once the page was made: only the database fails so.
        let cause = "the session could not be saved after the page was made";
        return StaffError::SessionUnavailable(cause.to_owned()).into_response();
    }
    if api || !crate::server::error::is_rejection(&response) {
        return response;
    }
    rejection_page(&response, post)
}

/// The staff page standing for a refusal in plain text, here or before any route ran (a
/// body too slow or too large to read at all).
pub fn rejection_page(rejected: &Response, post: bool) -> Response {
    let page = match rejected.status() {
        StatusCode::PAYLOAD_TOO_LARGE => StaffError::TooLarge,
        StatusCode::REQUEST_TIMEOUT => StaffError::TooSlow,
        StatusCode::METHOD_NOT_ALLOWED => StaffError::WrongMethod,
        _ if post => StaffError::Unreadable,
        _ => StaffError::NotFound,
    }
    .into_response();
    crate::server::error::keep_connection_close(
        rejected,
        crate::server::error::keep_method_not_allowed(rejected, page),
    )
}

fn urlencode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

use askama::Template as _;
