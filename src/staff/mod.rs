//! Staff: council officers who sign in to see coverage, run consultations and handle
//! safeguarding flags. Passwords are kept only as argon2id hashes. The staff pages live
//! here too, each taking a [`auth::Staff`] extractor that checks the role on the server.

pub mod admin;
pub mod auth;
pub mod dashboard;
pub mod exports;
mod home;
pub mod page;
mod password;
pub mod safeguarding;

use std::fmt;
use std::str::FromStr;

use argon2::password_hash::{rand_core::OsRng, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

/// Shortest password accepted for a staff account.
pub const MIN_PASSWORD_CHARS: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Consultations, staff, baselines.
    Admin,
    /// Coverage, responses, exports.
    Lead,
    /// The safeguarding queue.
    Safeguarding,
}

impl Role {
    pub fn id(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Lead => "lead",
            Role::Safeguarding => "safeguarding",
        }
    }
}

/// What a staff page is for; each role may open some of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Coverage, responses, exports.
    Coverage,
    /// The safeguarding queue and the flagged words in it.
    Safeguarding,
    /// Consultations, staff accounts, baselines.
    Admin,
    /// One's own account (the password).
    OwnAccount,
}

impl Role {
    /// The one place roles meet pages. Flagged words reach only the safeguarding role.
    pub fn may(self, access: Access) -> bool {
        matches!(
            (self, access),
            (Role::Admin, Access::Admin | Access::Coverage)
                | (Role::Lead, Access::Coverage)
                | (Role::Safeguarding, Access::Safeguarding)
                | (_, Access::OwnAccount)
        )
    }
}

/// Every staff page and form. The sign-in session layer is added by the server around these
/// and the staff API together.
pub fn routes() -> axum::Router<crate::server::AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/staff", get(home::home))
        .route(
            "/staff/sign-in",
            get(auth::sign_in_page).post(auth::sign_in),
        )
        .route("/staff/sign-out", post(auth::sign_out))
        .route(
            "/staff/password",
            get(password::password_page).post(password::change_password),
        )
        .merge(admin::routes())
        .merge(safeguarding::routes())
        .merge(dashboard::routes())
        .merge(exports::routes())
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "admin" => Ok(Role::Admin),
            "lead" => Ok(Role::Lead),
            "safeguarding" => Ok(Role::Safeguarding),
            other => Err(format!(
                "unknown role {other:?}; expected admin, lead or safeguarding"
            )),
        }
    }
}

/// A staff member's work email, lower-cased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffEmail(String);

impl StaffEmail {
    pub fn parse(raw: &str) -> Result<StaffEmail, String> {
        let email = raw.trim().to_lowercase();
        let ok = match email.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains('@')
                    && !email.chars().any(|c| c.is_whitespace() || c.is_control())
            }
            None => false,
        };
        if ok {
            Ok(StaffEmail(email))
        } else {
            Err(format!("{raw:?} is not an email address"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An argon2id PHC string.
#[derive(Clone, PartialEq, Eq)]
pub struct PasswordHash(String);

impl fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PasswordHash(..)")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    #[error("the password must be at least {MIN_PASSWORD_CHARS} characters")]
    TooShort,
    #[error("could not hash the password: {0}")]
    Hash(String),
}

impl PasswordHash {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub(crate) fn from_store(s: String) -> PasswordHash {
        PasswordHash(s)
    }

    /// Hashes off the async threads: argon2 is deliberately slow.
    pub async fn new(password: String) -> Result<PasswordHash, PasswordError> {
        if password.chars().count() < MIN_PASSWORD_CHARS {
            return Err(PasswordError::TooShort);
        }
        tokio::task::spawn_blocking(move || {
            let salt = SaltString::generate(&mut OsRng);
            Argon2::default()
                .hash_password(password.as_bytes(), &salt)
                .map(|h| PasswordHash(h.to_string()))
                .map_err(|e| PasswordError::Hash(e.to_string()))
        })
        .await
        .map_err(|e| PasswordError::Hash(e.to_string()))?
    }

    pub async fn verify(&self, password: String) -> bool {
        let stored = self.0.clone();
        tokio::task::spawn_blocking(move || {
            argon2::PasswordHash::new(&stored)
                .map(|parsed| {
                    Argon2::default()
                        .verify_password(password.as_bytes(), &parsed)
                        .is_ok()
                })
                .unwrap_or(false)
        })
        .await
        .unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn argon2id_round_trip() {
        let hash = PasswordHash::new("correct horse battery".into())
            .await
            .unwrap();
        assert!(hash.as_str().starts_with("$argon2id$"));
        assert!(hash.verify("correct horse battery".into()).await);
        assert!(!hash.verify("wrong horse battery".into()).await);
        assert!(matches!(
            PasswordHash::new("short".into()).await,
            Err(PasswordError::TooShort)
        ));
    }

    #[test]
    fn emails_and_roles() {
        assert_eq!(
            StaffEmail::parse(" Lead@Devon.GOV.uk ").unwrap().as_str(),
            "lead@devon.gov.uk"
        );
        assert!(StaffEmail::parse("nobody").is_err());
        assert_eq!("lead".parse::<Role>().unwrap(), Role::Lead);
        assert!("boss".parse::<Role>().is_err());
    }
}
