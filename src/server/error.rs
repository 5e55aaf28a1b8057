//! One error type for HTTP handlers, turned into a response in one place.
//! Internal causes are logged here and never shown to the person who asked.

use std::any::Any;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::ingest::IngestError;
use crate::store::StoreError;

/// A kind page standing for axum's 405 stays a 405 with its `Allow` header, so a client
/// learns which methods the address takes.
pub fn keep_method_not_allowed(rejected: &Response, mut page: Response) -> Response {
    if rejected.status() == StatusCode::METHOD_NOT_ALLOWED {
        *page.status_mut() = StatusCode::METHOD_NOT_ALLOWED;
        if let Some(allow) = rejected.headers().get(axum::http::header::ALLOW) {
            page.headers_mut()
                .insert(axum::http::header::ALLOW, allow.clone());
        }
    }
    page
}

/// A kind page standing for a refusal that closes the connection (a body too slow) closes
/// it too: what is left of that body would be read as the next request.
pub fn keep_connection_close(rejected: &Response, mut page: Response) -> Response {
    if let Some(close) = rejected.headers().get(axum::http::header::CONNECTION) {
        page.headers_mut()
            .insert(axum::http::header::CONNECTION, close.clone());
    }
    page
}

/// Whether a response is axum's or the body limit's own answer to a request it could not
/// read (a path or query that does not parse, a body too large or not a form): a client
/// error in plain text (or none), where heard's own pages are HTML.
pub fn is_rejection(response: &Response) -> bool {
    response.status().is_client_error() && !is_heards_own(response)
}

/// Whether a response is a server error with no page or JSON of heard's own: tower-sessions
/// answers an empty 500 when it cannot save a session after the handler has answered.
pub fn is_bare_server_error(response: &Response) -> bool {
    response.status().is_server_error() && !is_heards_own(response)
}

/// Whether a response is one of heard's own pages or JSON answers.
fn is_heards_own(response: &Response) -> bool {
    let own = content_type(response);
    own.starts_with("text/html") || own.starts_with("application/json")
}

/// A response's `Content-Type`, or "" when it has none that reads as text.
fn content_type(response: &Response) -> &str {
    response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

/// Where programs, not people, send requests: the gateways' webhooks and the coverage API.
const MACHINE_PATHS: [&str; 2] = ["/webhooks/", "/api/"];

/// The longest rejection text passed on to a program; longer ones give the status's name.
const MAX_REJECTION_TEXT: usize = 200;

/// Gives programs every refusal in the shape of heard's own errors, `{"error": "..."}`:
/// axum's and the body limits' answers (413, 415, 405, 404, 408 and the like) are plain
/// text or empty otherwise, and an unknown address would get the people's HTML page.
/// Status and headers (`Allow`, `Retry-After`, `Connection`) stay.
pub async fn json_rejections(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let machine = is_machine_path(request.uri().path());
    let response = next.run(request).await;
    if !machine {
        return response;
    }
    // An address no route takes (`/webhooks/typo`) falls through to the people's
    // "page not found", which is for people.
    let page_not_found = response.status() == StatusCode::NOT_FOUND
        && content_type(&response).starts_with("text/html");
    if !(page_not_found || is_rejection(&response)) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let text = if page_not_found {
        None
    } else {
        axum::body::to_bytes(body, MAX_REJECTION_TEXT)
            .await
            .ok()
            .and_then(|bytes| String::from_utf8(bytes.to_vec()).ok())
            .map(|text| text.trim().to_owned())
            .filter(|text| !text.is_empty())
    };
    let message = text.unwrap_or_else(|| {
        parts
            .status
            .canonical_reason()
            .unwrap_or("refused")
            .to_lowercase()
    });
    // The framework's own words for a body past the limit name its internals.
    let message = if parts.status == StatusCode::PAYLOAD_TOO_LARGE {
        "request body too large".to_owned()
    } else {
        message
    };
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    parts.headers.remove(axum::http::header::CONTENT_TYPE);
    // The body written here is not the one a compressor encoded.
    parts.headers.remove(axum::http::header::CONTENT_ENCODING);
    let json = Json(json!({ "error": message })).into_response();
    let (json_parts, json_body) = json.into_parts();
    parts.headers.extend(json_parts.headers);
    Response::from_parts(parts, json_body)
}

fn is_machine_path(path: &str) -> bool {
    MACHINE_PATHS.iter().any(|prefix| path.starts_with(prefix))
}

/// Gives people and staff a kind page for a refusal made before any route ran: a body that
/// came in too slowly (a weak signal) or too large to read at all. Each router turns its
/// own refusals into pages; these come from the layers in front of them.
pub async fn page_rejections(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let path = request.uri().path();
    if is_machine_path(path) {
        return next.run(request).await;
    }
    let staff = path == "/staff" || path.starts_with("/staff/");
    let post = request.method() == axum::http::Method::POST;
    let locale = crate::channels::web::PageLocale::of(request.headers()).0;
    let response = next.run(request).await;
    if !is_rejection(&response) {
        return response;
    }
    if staff {
        crate::staff::page::rejection_page(&response, post)
    } else {
        crate::channels::web::rejection_page(&response, post, locale)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("bad request: {0}")]
    BadRequest(String),
    /// The request is not from who it claims (a webhook's signature or token is wrong).
    /// No credentials, or ones heard does not know: 401 with `WWW-Authenticate: Bearer`.
    #[error("unauthorised")]
    Unauthorised,
    #[error("forbidden: {0}")]
    Forbidden(String),
    /// A body in a format the route does not read (JSON to a form webhook): 415.
    #[error("unsupported media type: expected {0}")]
    UnsupportedMediaType(&'static str),
    /// Our own fault, such as settings in the wrong shape; the cause is logged, not shown.
    #[error("internal: {0}")]
    Internal(String),
    #[error("not ready: {0}")]
    NotReady(StoreError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Ingest(#[from] IngestError),
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, message) = match &self {
            AppError::NotFound => (StatusCode::NOT_FOUND, "not found".to_owned()),
            AppError::BadRequest(reason) => (StatusCode::BAD_REQUEST, reason.clone()),
            AppError::Unauthorised => (StatusCode::UNAUTHORIZED, "unauthorised".to_owned()),
            AppError::Forbidden(reason) => (StatusCode::FORBIDDEN, reason.clone()),
            AppError::UnsupportedMediaType(_) => {
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, self.to_string())
            }
            AppError::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "something went wrong on our side".to_owned(),
            ),
            AppError::NotReady(_) => (StatusCode::SERVICE_UNAVAILABLE, "not ready".to_owned()),
            AppError::Ingest(IngestError::UnknownConsultation(_)) => {
                (StatusCode::NOT_FOUND, self.to_string())
            }
            AppError::Ingest(IngestError::Closed(_) | IngestError::Invalid(_)) => {
                (StatusCode::UNPROCESSABLE_ENTITY, self.to_string())
            }
            AppError::Store(e) | AppError::Ingest(IngestError::Store(e)) if e.is_unavailable() => (
                StatusCode::SERVICE_UNAVAILABLE,
                "temporarily unavailable; please try again".to_owned(),
            ),
            AppError::Store(_) | AppError::Ingest(IngestError::Store(_)) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "something went wrong on our side".to_owned(),
            ),
        };
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        let mut response = (status, Json(json!({ "error": message }))).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                "www-authenticate",
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert("retry-after", axum::http::HeaderValue::from_static("5"));
        }
        response
    }
}

/// A panic in a handler becomes a plain 500. Its message is not logged: it could quote
/// the input that caused it.
pub fn panic_response(_panic: Box<dyn Any + Send + 'static>) -> Response {
    tracing::error!("handler panicked");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        Json(json!({ "error": "something went wrong on our side" })),
    )
        .into_response()
}
