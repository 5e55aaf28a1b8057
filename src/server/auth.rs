//! Who may read staff data over HTTP. For now an API token (`heard token create`); staff
//! sessions come with staff sign-in and join here, in `StaffAccess`, so every handler that
//! takes it is covered by both.

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
    ApiToken,
    // Hook: `Session { role }` once staff sign-in lands; check the session before the token.
}

impl FromRequestParts<AppState> for StaffAccess {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
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
