//! Staff sign-in: sessions in the database (so every instance shares them), a new session id
//! on sign-in, a form token on every form, a growing lock-out after repeated failures, and
//! the role checked on the server for every staff page.

use std::marker::PhantomData;

use axum::extract::{FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use tokio::sync::OnceCell;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, Session, SessionManagerLayer};

use super::page::{render, StaffError, StaffPage};
use super::{Access, PasswordHash, Role, StaffEmail};
use crate::i18n::Arg;
use crate::server::AppState;
use crate::store::DbSessionStore;

pub const STAFF_COOKIE: &str = "heard_staff";
/// A staff session ends after this long without a request.
pub const IDLE_HOURS: i64 = 8;
/// Failures allowed before the first lock-out.
pub const FREE_FAILURES: i64 = 5;
/// The first lock-out; each further failure doubles it, up to [`MAX_LOCK_SECS`].
pub const FIRST_LOCK_SECS: i64 = 30;
pub const MAX_LOCK_SECS: i64 = 3600;
/// A day without a failure starts the count again.
const FORGET_FAILURES_AFTER_SECS: i64 = 24 * 3600;

const STAFF_ID: &str = "staff_id";
const CSRF: &str = "staff_csrf";

/// Seconds of lock-out after the `failures`th failure in a row: none for the first few,
/// then 30 s doubling each time, capped at an hour.
pub fn lock_seconds(failures: i64) -> i64 {
    if failures < FREE_FAILURES {
        return 0;
    }
    let doublings = (failures - FREE_FAILURES).min(16) as u32;
    (FIRST_LOCK_SECS << doublings).min(MAX_LOCK_SECS)
}

/// The staff session layer: its own cookie, apart from the public form's, so signing in or
/// out never touches anyone's form progress.
pub fn session_layer(state: &AppState) -> SessionManagerLayer<DbSessionStore> {
    SessionManagerLayer::new(DbSessionStore::new(
        state.store.clone(),
        state.clock.clone(),
    ))
    .with_name(STAFF_COOKIE)
    .with_path("/")
    .with_http_only(true)
    .with_same_site(SameSite::Lax)
    .with_secure(state.config.cookie_secure)
    .with_expiry(Expiry::OnInactivity(time::Duration::hours(IDLE_HOURS)))
}

/// Per-address limits on staff pages and on sign-in attempts (the lock-out is per account;
/// this stops one address trying many accounts).
pub async fn limit(
    State(state): State<AppState>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let address = crate::channels::web::client_address(&state, &request);
    let limiter = if request.method() == axum::http::Method::POST
        && request.uri().path() == "/staff/sign-in"
    {
        &state.sign_in_limiter
    } else {
        &state.page_limiter
    };
    if !limiter.allows(address) {
        return StaffError::TooManyRequests.into_response();
    }
    next.run(request).await
}

/// Who is signed in, as their account is now (a removed account is signed out at once).
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub id: i64,
    pub email: StaffEmail,
    pub role: Role,
    /// This session's form token.
    pub csrf: String,
    /// Open safeguarding flags, for the badge; only for those who may see the queue.
    pub flagged: Option<u64>,
}

impl SignedIn {
    pub fn may(&self, access: Access) -> bool {
        self.role.may(access)
    }

    /// A post must carry this session's form token back.
    pub fn check_csrf(&self, sent: &str) -> Result<(), StaffError> {
        if crate::privacy::secret::secrets_match(self.csrf.as_bytes(), sent.as_bytes()) {
            Ok(())
        } else {
            Err(StaffError::FormExpired)
        }
    }
}

/// The staff member signed in on this session, if any.
pub async fn signed_in(
    session: &Session,
    state: &AppState,
) -> Result<Option<SignedIn>, StaffError> {
    let Some(id) = session
        .get::<i64>(STAFF_ID)
        .await
        .map_err(StaffError::session)?
    else {
        return Ok(None);
    };
    let Some(member) = state.store.staff_member(id).await? else {
        session.flush().await.map_err(StaffError::session)?;
        return Ok(None);
    };
    let flagged = if member.role.may(Access::Safeguarding) {
        Some(state.store.open_flag_count().await?)
    } else {
        None
    };
    Ok(Some(SignedIn {
        id: member.id,
        email: member.email,
        role: member.role,
        csrf: csrf_token(session).await?,
        flagged,
    }))
}

/// What a kind of staff page needs.
pub trait Needs {
    const ACCESS: Access;
}

/// Coverage, responses and exports.
pub struct ForCoverage;
/// The safeguarding queue.
pub struct ForSafeguarding;
/// Consultations, staff and baselines.
pub struct ForAdmin;
/// One's own account: every role.
pub struct ForOwnAccount;

impl Needs for ForCoverage {
    const ACCESS: Access = Access::Coverage;
}
impl Needs for ForSafeguarding {
    const ACCESS: Access = Access::Safeguarding;
}
impl Needs for ForAdmin {
    const ACCESS: Access = Access::Admin;
}
impl Needs for ForOwnAccount {
    const ACCESS: Access = Access::OwnAccount;
}

/// A signed-in member of staff whose role allows `N`: taking this in a handler is the
/// server-side role check. Not signed in: to the sign-in page. Wrong role: 403.
pub struct Staff<N: Needs> {
    pub who: SignedIn,
    pub session: Session,
    _needs: PhantomData<N>,
}

impl<N: Needs> FromRequestParts<AppState> for Staff<N> {
    type Rejection = StaffError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let session = Session::from_request_parts(parts, state)
            .await
            .map_err(|(_, why)| StaffError::Session(why.to_owned()))?;
        let next = parts
            .uri
            .path_and_query()
            .map_or("/staff".to_owned(), |p| p.as_str().to_owned());
        let who = signed_in(&session, state)
            .await?
            .ok_or(StaffError::SignInNeeded { next })?;
        if !who.may(N::ACCESS) {
            tracing::info!(staff = who.id, role = %who.role, "staff page refused for role");
            return Err(StaffError::Forbidden);
        }
        Ok(Staff {
            who,
            session,
            _needs: PhantomData,
        })
    }
}

async fn csrf_token(session: &Session) -> Result<String, StaffError> {
    if let Some(token) = session
        .get::<String>(CSRF)
        .await
        .map_err(StaffError::session)?
    {
        return Ok(token);
    }
    let token = new_token();
    session
        .insert(CSRF, &token)
        .await
        .map_err(StaffError::session)?;
    Ok(token)
}

fn new_token() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// Only a path on this site's staff pages or API: never another site.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if (n == "/staff" || n.starts_with("/staff/") || n.starts_with("/staff?"))
                && !n.contains("//")
                && crate::channels::web::is_local_path(n)
                && !n.starts_with("/staff/sign-") =>
        {
            n.to_owned()
        }
        _ => "/staff".to_owned(),
    }
}

#[derive(askama::Template)]
#[template(path = "staff/sign_in.html")]
struct SignInPage {
    page: StaffPage,
    csrf: String,
    next: String,
    email: String,
    error: Option<String>,
    signed_out: bool,
}

#[derive(Deserialize)]
pub struct SignInQuery {
    next: Option<String>,
    #[serde(default)]
    signed_out: Option<String>,
}

pub async fn sign_in_page(
    State(state): State<AppState>,
    session: Session,
    Query(query): Query<SignInQuery>,
) -> Result<Response, StaffError> {
    if signed_in(&session, &state).await?.is_some() {
        return Ok(Redirect::to(&safe_next(query.next.as_deref())).into_response());
    }
    Ok(render(&SignInPage {
        page: StaffPage::public(super::page::t("staff-sign-in-title")),
        csrf: csrf_token(&session).await?,
        next: safe_next(query.next.as_deref()),
        email: String::new(),
        error: None,
        signed_out: query.signed_out.is_some(),
    }))
}

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

/// A hash to check against when no account has the email given, so a wrong email takes as
/// long as a wrong password and nobody can tell which accounts exist.
async fn stand_in_hash() -> Option<&'static PasswordHash> {
    static HASH: OnceCell<Option<PasswordHash>> = OnceCell::const_new();
    HASH.get_or_init(|| async {
        PasswordHash::new("stand-in password, never anyone's".to_owned())
            .await
            .ok()
    })
    .await
    .as_ref()
}

pub async fn sign_in(
    State(state): State<AppState>,
    session: Session,
    Form(form): Form<SignInForm>,
) -> Result<Response, StaffError> {
    let expected = session
        .get::<String>(CSRF)
        .await
        .map_err(StaffError::session)?;
    match expected {
        Some(token)
            if crate::privacy::secret::secrets_match(token.as_bytes(), form.csrf.as_bytes()) => {}
        _ => return Err(StaffError::FormExpired),
    }
    let next = safe_next(form.next.as_deref());
    let typed = form.email.trim().to_owned();
    if typed.is_empty() || form.password.is_empty() {
        let error = super::page::t("staff-sign-in-missing");
        return again(
            &session,
            &form,
            StatusCode::UNPROCESSABLE_ENTITY,
            error,
            typed,
        )
        .await;
    }
    let key = state.pseudonymiser.sign_in_key(&typed);
    let now = state.clock.now().unix_timestamp();
    let locked_until = state.store.sign_in_locked_until(&key).await?;
    if locked_until > now {
        return again(
            &session,
            &form,
            StatusCode::TOO_MANY_REQUESTS,
            locked_message(locked_until - now),
            typed,
        )
        .await;
    }
    let account = match StaffEmail::parse(&typed) {
        Ok(email) => state.store.staff_credentials(&email).await?,
        Err(_) => None,
    };
    let verified = match &account {
        Some((_, _, hash)) => hash.verify(form.password.clone()).await,
        None => {
            if let Some(hash) = stand_in_hash().await {
                hash.verify(form.password.clone()).await;
            }
            false
        }
    };
    let Some((id, role, _)) = account.filter(|_| verified) else {
        let (failures, locked_until) = state
            .store
            .record_sign_in_failure(&key, now, FORGET_FAILURES_AFTER_SECS, lock_seconds)
            .await?;
        tracing::info!(failures, "staff sign-in failed");
        let error = if locked_until > now {
            locked_message(locked_until - now)
        } else {
            super::page::t("staff-sign-in-wrong")
        };
        let status = if locked_until > now {
            StatusCode::TOO_MANY_REQUESTS
        } else {
            StatusCode::UNAUTHORIZED
        };
        return again(&session, &form, status, error, typed).await;
    };
    state.store.clear_sign_in_failures(&key).await?;
    // A new session id and a new form token: anything planted before sign-in is worthless.
    session.cycle_id().await.map_err(StaffError::session)?;
    session
        .insert(STAFF_ID, id)
        .await
        .map_err(StaffError::session)?;
    session
        .insert(CSRF, new_token())
        .await
        .map_err(StaffError::session)?;
    tracing::info!(staff = id, %role, "staff signed in");
    let next = if next == "/staff" && role == Role::Safeguarding {
        "/staff/safeguarding".to_owned()
    } else {
        next
    };
    Ok(Redirect::to(&next).into_response())
}

/// The sign-in form again, with what went wrong and the email as typed.
async fn again(
    session: &Session,
    form: &SignInForm,
    status: StatusCode,
    error: String,
    email: String,
) -> Result<Response, StaffError> {
    let mut page = StaffPage::public(super::page::t("staff-sign-in-title"));
    page.has_error = true;
    let mut response = render(&SignInPage {
        page,
        csrf: csrf_token(session).await?,
        next: safe_next(form.next.as_deref()),
        email,
        error: Some(error),
        signed_out: false,
    });
    *response.status_mut() = status;
    Ok(response)
}

fn locked_message(seconds: i64) -> String {
    let minutes = (seconds + 59) / 60;
    super::page::t_with("staff-sign-in-locked", &[("minutes", Arg::from(minutes))])
}

#[derive(Deserialize)]
pub struct SignOutForm {
    #[serde(default)]
    csrf: String,
}

pub async fn sign_out(
    State(state): State<AppState>,
    session: Session,
    Form(form): Form<SignOutForm>,
) -> Result<Response, StaffError> {
    if let Some(who) = signed_in(&session, &state).await? {
        who.check_csrf(&form.csrf)?;
        tracing::info!(staff = who.id, "staff signed out");
    }
    session.flush().await.map_err(StaffError::session)?;
    Ok(Redirect::to("/staff/sign-in?signed_out=1").into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_out_grows_and_is_capped() {
        let secs: Vec<i64> = (1..=14).map(lock_seconds).collect();
        assert_eq!(&secs[..4], &[0, 0, 0, 0]);
        assert_eq!(&secs[4..8], &[30, 60, 120, 240]);
        assert_eq!(secs[13], MAX_LOCK_SECS);
        assert_eq!(lock_seconds(1000), MAX_LOCK_SECS);
    }

    #[test]
    fn next_stays_on_staff_pages() {
        assert_eq!(
            safe_next(Some("/staff/c/x?group=child")),
            "/staff/c/x?group=child"
        );
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/staff//evil",
            "/c/x",
            "/staff/sign-in",
            "/staff/\0",
            "/staff/c/é",
            "/staff/c/x y",
            "/staff\\evil",
        ] {
            assert_eq!(safe_next(Some(bad)), "/staff", "{bad}");
        }
        assert_eq!(safe_next(None), "/staff");
    }
}
