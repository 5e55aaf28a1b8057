//! The server secret that keys every pseudonym. Set `HEARD_SECRET`, or heard creates a
//! random one once in a file only its owner can read, so the embedded default needs no set-up.

use std::fmt;
use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;

use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

/// Shortest secret accepted: 32 bytes, the HMAC-SHA256 key size.
pub const MIN_SECRET_LEN: usize = 32;

#[derive(Clone)]
pub struct ServerSecret(Vec<u8>);

impl std::fmt::Debug for ServerSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ServerSecret(..)")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error("HEARD_SECRET: expected at least {MIN_SECRET_LEN} characters, got {0}")]
    TooShort(usize),
    #[error("secret file {path}: {reason}")]
    File { path: String, reason: String },
}

impl ServerSecret {
    pub fn from_value(value: &str) -> Result<ServerSecret, SecretError> {
        let value = value.trim();
        if value.len() < MIN_SECRET_LEN {
            return Err(SecretError::TooShort(value.len()));
        }
        Ok(ServerSecret(value.as_bytes().to_vec()))
    }

    /// Reads the secret file, creating it with 32 random bytes (hex) and mode 0600 if absent.
    pub fn from_file(path: &Path) -> Result<ServerSecret, SecretError> {
        let fail = |reason: String| SecretError::File {
            path: path.display().to_string(),
            reason,
        };
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
        {
            Ok(mut file) => {
                let mut bytes = [0u8; 32];
                rand::rngs::OsRng.fill_bytes(&mut bytes);
                let text = hex::encode(bytes);
                file.write_all(text.as_bytes())
                    .and_then(|_| file.sync_all())
                    .map_err(|e| fail(format!("could not write it: {e}")))?;
                Ok(ServerSecret(text.into_bytes()))
            }
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {
                let meta = fs::metadata(path).map_err(|e| fail(e.to_string()))?;
                let mode = meta.permissions().mode() & 0o777;
                if mode & 0o077 != 0 {
                    return Err(fail(format!(
                        "others can read it (mode {mode:o}); run `chmod 600 {}`",
                        path.display()
                    )));
                }
                let text = fs::read_to_string(path).map_err(|e| fail(e.to_string()))?;
                ServerSecret::from_value(&text).map_err(|_| {
                    fail(format!(
                        "expected at least {MIN_SECRET_LEN} characters; delete it to make a new one (old pseudonyms will no longer match)"
                    ))
                })
            }
            Err(e) if e.kind() == ErrorKind::NotFound => Err(fail(
                "its folder does not exist; create it or set HEARD_SECRET_FILE".into(),
            )),
            Err(e) => Err(fail(format!("could not create it: {e}"))),
        }
    }

    /// A key for one purpose, so keys for different jobs never coincide.
    pub fn derive(&self, purpose: &str) -> [u8; 32] {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(b"heard/");
        mac.update(purpose.as_bytes());
        mac.finalize().into_bytes().into()
    }
}

/// A secret (auth token, API key) that never shows in `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

/// Compares two secrets in time that depends on neither's content nor length: both are
/// hashed first, so a length mismatch is not revealed early either.
pub fn secrets_match(given: &[u8], expected: &[u8]) -> bool {
    use sha2::Digest;
    use subtle::ConstantTimeEq;
    let given = Sha256::digest(given);
    let expected = Sha256::digest(expected);
    given.ct_eq(&expected).into()
}

/// Whether an `Authorization` header value is `Bearer {expected}` (the scheme in any case),
/// in constant time. Never true for an empty token.
pub fn bearer_matches(authorization: &str, expected: &str) -> bool {
    let given = authorization
        .trim()
        .split_once(' ')
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim())
        .unwrap_or("");
    // Compared even when the scheme is wrong, so timing says nothing either way.
    let ok = secrets_match(given.as_bytes(), expected.as_bytes());
    ok && !given.is_empty() && !expected.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_is_created_private_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("heard.secret");
        let a = ServerSecret::from_file(&path).unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let b = ServerSecret::from_file(&path).unwrap();
        assert_eq!(a.derive("x"), b.derive("x"));
        assert_ne!(a.derive("x"), a.derive("y"));
    }

    #[test]
    fn readable_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("heard.secret");
        ServerSecret::from_file(&path).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        let err = ServerSecret::from_file(&path).unwrap_err().to_string();
        assert!(err.contains("chmod 600"), "{err}");
    }

    #[test]
    fn short_secret_is_refused_without_echoing_it() {
        let err = ServerSecret::from_value("hunter2").unwrap_err().to_string();
        assert!(err.contains("HEARD_SECRET") && !err.contains("hunter2"));
    }
}
