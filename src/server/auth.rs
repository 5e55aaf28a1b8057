//! Who may read staff data over HTTP: a signed-in member of staff whose role may see coverage,
//! or an API token (`heard token create`). Every handler that takes `StaffAccess` is covered
//! by both.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use rand::RngCore;
use sha2::{Digest, Sha256};

use super::{AppError, AppState};

/// Prefix so a leaked token is recognisable in a scan.
const TOKEN_PREFIX: &str = "heard_";

/// A new random token (shown once) and the hash to store.
pub fn new_api_token() -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let token = format!("{TOKEN_PREFIX}{}", hex::encode(bytes));
    let hash = hash_api_token(&token);
    (token, hash)
}

/// SHA-256 is enough: a token is 256 random bits, not a password to guess.
pub fn hash_api_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Proof that the request may read staff data.
#[derive(Debug, Clone, Copy)]
pub enum StaffAccess {
    Session { staff_id: i64 },
    ApiToken,
}

impl FromRequestParts<AppState> for StaffAccess {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Ok(session) = tower_sessions::Session::from_request_parts(parts, state).await {
            let who = crate::staff::auth::signed_in(&session, state)
                .await
                .map_err(|e| match e {
                    crate::staff::page::StaffError::Store(e) => AppError::Store(e),
                    other => AppError::Internal(other.to_string()),
                })?;
            if let Some(who) = who {
                return if who.may(crate::staff::Access::Coverage) {
                    Ok(StaffAccess::Session { staff_id: who.id })
                } else {
                    Err(AppError::Forbidden(
                        "this role may not read coverage".into(),
                    ))
                };
            }
        }
        let token = parts
            .headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or(AppError::Unauthorised)?;
        // Looked up by hash, so the comparison never touches the token itself.
        if state.store.api_token_known(&hash_api_token(token)).await? {
            Ok(StaffAccess::ApiToken)
        } else {
            Err(AppError::Unauthorised)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_only_their_hash_is_kept() {
        let (a, hash_a) = new_api_token();
        let (b, _) = new_api_token();
        assert_ne!(a, b);
        assert!(a.starts_with("heard_") && a.len() == 6 + 64);
        assert_eq!(hash_a, hash_api_token(&a));
        assert!(!hash_a.contains(&a[6..]));
    }
}
