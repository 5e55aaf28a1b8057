//! The easy-read web form: one question a page, server-rendered, usable with JavaScript
//! off, progress kept in a database session for 30 days.

mod assets;
mod error;
mod form;
mod pages;
mod progress;

use std::net::SocketAddr;

use askama::Template;
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::header::{self, HeaderValue};
use axum::http::request::Parts;
use axum::http::Method;
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, Session, SessionManagerLayer};

pub use error::{Failed, OrPage, WebError};
pub use pages::is_local_path;

use crate::i18n::{self, Locale};
use crate::server::AppState;
use crate::store::DbSessionStore;

/// How long an unfinished form is kept after the last visit.
pub const PROGRESS_DAYS: i64 = 30;
const LANGUAGE_COOKIE: &str = "heard_lang";

pub fn routes(state: &AppState, max_body: usize) -> Router<AppState> {
    let sessions = SessionManagerLayer::new(DbSessionStore::new(
        state.store.clone(),
        state.clock.clone(),
    ))
    .with_name("heard_session")
    .with_http_only(true)
    .with_same_site(SameSite::Lax)
    .with_secure(state.config.cookie_secure)
    .with_expiry(Expiry::OnInactivity(time::Duration::days(PROGRESS_DAYS)));

    Router::new()
        .route("/", get(pages::home))
        .route("/about", get(pages::about))
        .route("/language/{tag}", get(pages::language))
        .route("/c/{slug}", get(pages::start))
        .route("/c/{slug}/saved", get(pages::saved))
        .route("/c/{slug}/q/{n}", get(form::question).post(form::answer))
        .route("/c/{slug}/check", get(form::check).post(form::submit))
        .route("/c/{slug}/thanks", get(form::thanks))
        .layer(middleware::from_fn_with_state(state.clone(), limit_posts))
        .layer(middleware::from_fn_with_state(state.clone(), keep_on_visit))
        .layer(sessions)
        .route("/pictures/{file}", get(pages::picture))
        .route("/favicon.ico", get(pages::favicon))
        .route("/favicon.svg", get(pages::favicon))
        .route("/static/heard.css", get(pages::stylesheet))
        .route("/static/staff.css", get(pages::staff_stylesheet))
        .route("/static/heard.js", get(pages::script))
        .fallback(pages::not_found)
        .layer(tower_http::limit::RequestBodyLimitLayer::new(max_body))
        .layer(middleware::from_fn(kind_rejections))
        .layer(middleware::from_fn(security_headers))
}

/// A request axum cannot read gets a kind page in the person's language, not axum's plain
/// text (nor an empty answer when the session cannot be saved after the page): a mangled
/// link (a page number that is not a number, a web address that is not UTF-8) is a page not
/// found; a post that is not a form heard can read says to go back and try again; one too
/// large says to make it shorter. A method the address does not take stays a 405 with its
/// `Allow` header, on the same kind page.
async fn kind_rejections(locale: PageLocale, request: Request, next: Next) -> Response {
    let post = request.method() == Method::POST;
    let response = next.run(request).await;
    if crate::server::error::is_bare_server_error(&response) {
        // The session could not be saved once the page was made (a visit that keeps it, the
        // database busy): the session store has nothing but the database to fail on.
        let cause = "the session could not be saved after the page was made";
        return WebError::SessionUnavailable(cause.to_owned()).into_page(locale.0);
    }
    if !crate::server::error::is_rejection(&response) {
        return response;
    }
    rejection_page(&response, post, locale.0)
}

/// The kind page standing for a refusal in plain text (`server::error::is_rejection`),
/// here or before any route ran (a body too slow or too large to read at all).
pub fn rejection_page(rejected: &Response, post: bool, locale: Locale) -> Response {
    let error = match rejected.status() {
        axum::http::StatusCode::PAYLOAD_TOO_LARGE => WebError::TooLarge,
        axum::http::StatusCode::REQUEST_TIMEOUT => WebError::TooSlow,
        _ if post => WebError::Unreadable,
        _ => WebError::NotFound,
    };
    let page = error.into_page(locale);
    crate::server::error::keep_connection_close(
        rejected,
        crate::server::error::keep_method_not_allowed(rejected, page),
    )
}

/// Headers every page carries: no inline script or style, no framing, no referrer. A page
/// (HTML) is never kept by the browser or a proxy: on a shared phone or a library computer
/// the next person could otherwise open someone's answers from the history. Stylesheets,
/// the script and pictures set their own caching.
pub async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let page = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if page {
        headers
            .entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static("no-store"));
    }
    for (name, value) in [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ] {
        headers
            .entry(name)
            .or_insert(HeaderValue::from_static(value));
    }
    response
}

/// The session key holding the day of the last visit.
const VISITED_ON: &str = "visited_on";

/// Progress is kept for 30 days after the last visit, as the pages promise, not only after
/// the last answer: the first visit of a day saves the session again, which starts its 30
/// days afresh (in the database and in the cookie). Later visits that day write nothing. A
/// visitor with no session gets none.
async fn keep_on_visit(
    State(state): State<AppState>,
    session: Session,
    request: Request,
    next: Next,
) -> Response {
    let response = next.run(request).await;
    if session.id().is_none() || !response.status().is_success() {
        return response;
    }
    let today = state.clock.today().to_string();
    match session.get::<String>(VISITED_ON).await {
        Ok(Some(day)) if day == today => {}
        // A session the database no longer has (expired) is not started again by a visit.
        Ok(_) if session.is_empty().await => {}
        Ok(_) => {
            if let Err(e) = session.insert(VISITED_ON, today).await {
                tracing::warn!(error = %e, "a visit could not keep the session");
            }
        }
        Err(e) => tracing::warn!(error = %e, "a visit could not read the session"),
    }
    response
}

/// Posts past the per-address limit, and pages past the page limit, get a kind 429 page;
/// answers already given stay saved.
async fn limit_posts(
    State(state): State<AppState>,
    locale: PageLocale,
    request: Request,
    next: Next,
) -> Response {
    let address = client_address(&state, &request);
    let post = request.method() == Method::POST;
    let limiter = if post {
        &state.web_limiter
    } else {
        &state.page_limiter
    };
    if !limiter.allows(address) {
        return WebError::TooManyRequests { post }.into_page(locale.0);
    }
    next.run(request).await
}

/// The sender's address: the socket peer or, when heard is configured to sit behind a proxy
/// it trusts, the address the farthest of those proxies saw (`HEARD_PROXY_HOPS` from the
/// right of `X-Forwarded-For`).
pub fn client_address(state: &AppState, request: &Request) -> std::net::IpAddr {
    client_address_of(state, request.extensions(), request.headers())
}

/// [`client_address`] from a request's parts, for extractors and handlers.
pub fn client_address_of(
    state: &AppState,
    extensions: &axum::http::Extensions,
    headers: &axum::http::HeaderMap,
) -> std::net::IpAddr {
    let peer = extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(std::net::IpAddr::from([127, 0, 0, 1]));
    if !state.config.trust_proxy {
        return peer;
    }
    forwarded_for(headers, state.config.proxy_hops).unwrap_or(peer)
}

/// The hop `hops` from the right of `X-Forwarded-For`, read as one list however many lines
/// it came in: each of the `hops` proxies heard trusts adds one, so this is the address the
/// farthest of them saw. The hops before it are whatever the client sent (a proxy that
/// appends keeps them), so taking the first would let anyone pick their own address, and
/// with it their own rate-limit bucket; they are not read at all, not even as text. None
/// when that hop is missing or not an address (a proxy that writes "unknown"): the request
/// then counts as the nearest proxy's own.
fn forwarded_for(headers: &axum::http::HeaderMap, hops: usize) -> Option<std::net::IpAddr> {
    let hop = headers
        .get_all("x-forwarded-for")
        .iter()
        .rev()
        .flat_map(|line| line.as_bytes().rsplit(|&b| b == b','))
        .nth(hops.checked_sub(1)?)?;
    let hop = std::str::from_utf8(hop).ok()?.trim();
    hop.parse()
        .ok()
        .or_else(|| hop.parse::<SocketAddr>().ok().map(|a| a.ip()))
}

/// The locale for this request: the language the person chose, else their browser's.
#[derive(Debug, Clone, Copy)]
pub struct PageLocale(pub Locale);

impl<S: Send + Sync> FromRequestParts<S> for PageLocale {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(PageLocale::of(&parts.headers))
    }
}

impl PageLocale {
    /// The language chosen on the page (its cookie), else the browser's first that heard has.
    pub fn of(headers: &axum::http::HeaderMap) -> PageLocale {
        let chosen = headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == LANGUAGE_COOKIE)
            .and_then(|(_, value)| Locale::parse(value));
        let locale = chosen.unwrap_or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .map(Locale::from_accept_language)
                .unwrap_or_default()
        });
        PageLocale(locale)
    }
}

/// What every page's layout needs.
pub struct Page {
    pub locale: Locale,
    pub title: String,
    /// This page's path, for the language links to come back to.
    pub path: String,
    pub has_error: bool,
}

impl Page {
    pub fn new(locale: Locale, title: impl Into<String>, path: impl Into<String>) -> Page {
        Page {
            locale,
            title: title.into(),
            path: path.into(),
            has_error: false,
        }
    }

    pub fn t(&self, id: &str) -> String {
        i18n::text(self.locale, id)
    }

    /// (tag, name in its own language, is this one) for the language switcher.
    pub fn languages(&self) -> Vec<(&'static str, String, bool)> {
        Locale::ALL
            .iter()
            .map(|l| {
                (
                    l.tag(),
                    i18n::text(*l, &format!("language-{}", l.tag())),
                    *l == self.locale,
                )
            })
            .collect()
    }
}

/// Renders a template into a page; a template that fails to render is a bug, logged.
pub fn render(template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed to render");
            (
                axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                "Sorry, something went wrong.",
            )
                .into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use axum::http::{HeaderMap, HeaderValue};

    use super::forwarded_for;

    fn forwarded(lines: &[&str]) -> Option<String> {
        behind(1, lines)
    }

    fn behind(hops: usize, lines: &[&str]) -> Option<String> {
        let mut headers = HeaderMap::new();
        for line in lines {
            headers.append("x-forwarded-for", HeaderValue::from_str(line).unwrap());
        }
        forwarded_for(&headers, hops).map(|ip| ip.to_string())
    }

    #[test]
    fn the_address_is_the_hop_the_proxy_added() {
        assert_eq!(forwarded(&["203.0.113.7"]).as_deref(), Some("203.0.113.7"));
        // A client's own header, kept by a proxy that appends: its hops are not believed.
        assert_eq!(
            forwarded(&["10.9.8.7, 192.0.2.1,203.0.113.7"]).as_deref(),
            Some("203.0.113.7")
        );
        assert_eq!(
            forwarded(&["10.9.8.7", "203.0.113.7"]).as_deref(),
            Some("203.0.113.7")
        );
        assert_eq!(forwarded(&["2001:db8::1"]).as_deref(), Some("2001:db8::1"));
        assert_eq!(
            forwarded(&["203.0.113.7:51000"]).as_deref(),
            Some("203.0.113.7")
        );
        assert_eq!(
            forwarded(&["[2001:db8::1]:443"]).as_deref(),
            Some("2001:db8::1")
        );
    }

    #[test]
    fn behind_two_proxies_the_address_is_the_hop_the_farther_added() {
        // A CDN in front of a load balancer: the CDN adds the client, the balancer the CDN.
        let lines = ["10.9.8.7, 203.0.113.7, 198.51.100.20"];
        assert_eq!(behind(2, &lines).as_deref(), Some("203.0.113.7"));
        assert_eq!(behind(1, &lines).as_deref(), Some("198.51.100.20"));
        assert_eq!(
            behind(2, &["10.9.8.7, 203.0.113.7", "198.51.100.20"]).as_deref(),
            Some("203.0.113.7")
        );
        assert_eq!(behind(3, &["203.0.113.7"]), None, "fewer hops than proxies");
        assert_eq!(behind(0, &["203.0.113.7"]), None);
    }

    #[test]
    fn what_the_client_wrote_before_the_hop_is_not_read() {
        let mut headers = HeaderMap::new();
        let line = HeaderValue::from_bytes(b"\xff\xfe not text, 203.0.113.7").unwrap();
        headers.append("x-forwarded-for", line);
        assert_eq!(
            forwarded_for(&headers, 1)
                .map(|ip| ip.to_string())
                .as_deref(),
            Some("203.0.113.7")
        );
    }

    #[test]
    fn a_hop_that_is_not_an_address_counts_as_the_proxy() {
        assert_eq!(forwarded(&[]), None);
        assert_eq!(forwarded(&["unknown"]), None);
        assert_eq!(forwarded(&["203.0.113.7, "]), None);
        assert_eq!(forwarded(&["203.0.113.7, sam@example.org"]), None);
    }
}
