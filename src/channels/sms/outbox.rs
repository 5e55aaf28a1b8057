//! Texts that go out through a gateway's API (GOV.UK Notify), kept in the database until
//! sent, and retried with backoff while the gateway is down.
//!
//! The phone number is the only one heard ever holds, and only here: sealed with
//! ChaCha20-Poly1305 under a key derived from the server secret (the row's reference is
//! the associated data, so a sealed number cannot be moved to another row), and deleted
//! with the row once the text is sent, refused for good, or 48 hours old.

use std::sync::Arc;
use std::time::Duration;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};

use super::{Gateway, Gateways, OutboundRequest};
use crate::clock::Clock;
use crate::privacy::ServerSecret;
use crate::store::sms::{NewOutboxItem, OutboxItem, SmsTx};
use crate::store::{Store, StoreError};

/// How long a text may wait before it is given up (and its number deleted).
pub const KEEP_SECS: i64 = 48 * 3600;
/// How long an instance holds a text it is sending before another may try it.
const LEASE_SECS: i64 = 120;
/// How often the outbox looks for due texts when nothing wakes it.
const POLL: Duration = Duration::from_secs(5);
const BATCH: i64 = 50;
const NONCE_LEN: usize = 12;

/// The wait before retry `attempts` (1, 2, ...): 15 s, doubling, at most 30 minutes.
pub fn backoff_secs(attempts: i64) -> i64 {
    let doublings = attempts.clamp(1, 20) - 1;
    (15_i64 << doublings).min(30 * 60)
}

pub struct Outbox {
    cipher: ChaCha20Poly1305,
    client: reqwest::Client,
    wake: tokio::sync::Notify,
}

impl std::fmt::Debug for Outbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Outbox")
    }
}

/// What one send attempt came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Attempt {
    Sent,
    /// The gateway is down, busy or slow: try again later.
    Retry,
    /// The gateway refused this text for good (a 4xx such as a bad number).
    Refused,
}

/// What a pass over the outbox did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pass {
    pub sent: usize,
    pub retrying: usize,
    pub refused: usize,
}

impl Outbox {
    pub fn new(secret: &ServerSecret) -> Outbox {
        let key = secret.derive("sms-outbox/v1");
        let client = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(15))
            .build()
            .unwrap_or_default();
        Outbox {
            cipher: ChaCha20Poly1305::new(Key::from_slice(&key)),
            client,
            wake: tokio::sync::Notify::new(),
        }
    }

    /// Seals a phone number for the row with `reference`: base64 of nonce and ciphertext.
    pub fn seal(&self, reference: &str, number: &str) -> String {
        let nonce = ChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = self
            .cipher
            .encrypt(
                &nonce,
                Payload {
                    msg: number.as_bytes(),
                    aad: reference.as_bytes(),
                },
            )
            .unwrap_or_default();
        let mut bytes = nonce.to_vec();
        bytes.extend(sealed);
        BASE64.encode(bytes)
    }

    /// Opens a sealed number; `None` if it was not sealed under this secret for this row.
    pub fn open(&self, reference: &str, sealed: &str) -> Option<String> {
        let bytes = BASE64.decode(sealed).ok()?;
        if bytes.len() <= NONCE_LEN {
            return None;
        }
        let (nonce, ciphertext) = bytes.split_at(NONCE_LEN);
        let plain = self
            .cipher
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: ciphertext,
                    aad: reference.as_bytes(),
                },
            )
            .ok()?;
        String::from_utf8(plain).ok()
    }

    /// Puts texts to `number` in the outbox, inside the caller's transaction.
    pub async fn enqueue<W: SmsTx>(
        &self,
        tx: &mut W,
        gateway: &str,
        number: &str,
        texts: &[String],
        now: i64,
    ) -> Result<(), StoreError> {
        for text in texts {
            let reference = uuid::Uuid::new_v4().to_string();
            let item = NewOutboxItem {
                gateway: gateway.to_owned(),
                recipient: self.seal(&reference, number),
                reference,
                body: text.clone(),
                next_attempt_at: now,
                expires_at: now + KEEP_SECS,
            };
            tx.enqueue(&item).await?;
        }
        Ok(())
    }

    /// Asks the worker to look at the outbox now.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Sends due texts, oldest first and in order for each gateway: a text that must wait
    /// (the gateway failed it) holds back every later one, so one person's texts never
    /// arrive out of order, whichever instance sends them.
    pub async fn send_due(
        &self,
        store: &Store,
        gateways: &Gateways,
        clock: &Clock,
    ) -> Result<Pass, StoreError> {
        let now = clock.now().unix_timestamp();
        let mut pass = Pass::default();
        let mut held: Vec<String> = Vec::new();
        for item in store.outbox_pending(now, BATCH).await? {
            if held.contains(&item.gateway) {
                continue;
            }
            if item.next_attempt_at > now || !store.outbox_claim(&item, now + LEASE_SECS).await? {
                held.push(item.gateway.clone());
                continue;
            }
            match self.attempt(&item, gateways).await {
                Attempt::Sent => {
                    store.outbox_delete(item.id).await?;
                    pass.sent += 1;
                }
                Attempt::Refused => {
                    store.outbox_delete(item.id).await?;
                    pass.refused += 1;
                }
                Attempt::Retry => {
                    let attempts = item.attempts + 1;
                    store
                        .outbox_retry_at(item.id, attempts, now + backoff_secs(attempts))
                        .await?;
                    pass.retrying += 1;
                    held.push(item.gateway.clone());
                }
            }
        }
        let expired = store.outbox_purge_expired(now).await?;
        if expired > 0 {
            tracing::warn!(expired, "texts not sent within 48 hours were given up");
        }
        Ok(pass)
    }

    async fn attempt(&self, item: &OutboxItem, gateways: &Gateways) -> Attempt {
        let Some(gateway) = gateways.by_name(&item.gateway) else {
            tracing::warn!(gateway = %item.gateway, "a text waits for a gateway that is off");
            return Attempt::Retry;
        };
        let Some(number) = self.open(&item.reference, &item.recipient) else {
            // Sealed under another secret: it can never be sent.
            tracing::error!(
                id = item.id,
                "a text's number cannot be opened; dropping it"
            );
            return Attempt::Refused;
        };
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or_default();
        let request = match gateway.send_request(&number, &item.body, Some(&item.reference), now) {
            Ok(request) => request,
            Err(e) => {
                tracing::error!(error = %e, "a text cannot be sent");
                return Attempt::Refused;
            }
        };
        self.post(gateway, request).await
    }

    async fn post(&self, gateway: &dyn Gateway, request: OutboundRequest) -> Attempt {
        let mut builder = self.client.post(&request.url).body(request.body);
        for (name, value) in &request.headers {
            builder = builder.header(*name, value);
        }
        match builder.send().await {
            Ok(response) if response.status().is_success() => Attempt::Sent,
            Ok(response) => {
                let status = response.status();
                let retry = status.is_server_error()
                    || status == reqwest::StatusCode::TOO_MANY_REQUESTS
                    || status == reqwest::StatusCode::REQUEST_TIMEOUT;
                // The response body could quote the number: only the status is logged.
                tracing::warn!(
                    gateway = gateway.name(),
                    status = status.as_u16(),
                    retry,
                    "gateway did not take a text"
                );
                if retry {
                    Attempt::Retry
                } else {
                    Attempt::Refused
                }
            }
            Err(e) => {
                tracing::warn!(
                    gateway = gateway.name(),
                    timeout = e.is_timeout(),
                    connect = e.is_connect(),
                    "gateway could not be reached"
                );
                Attempt::Retry
            }
        }
    }

    /// Sends due texts until the process ends: at once when woken, else every few seconds.
    pub async fn run(self: Arc<Self>, store: Store, gateways: Gateways, clock: Clock) {
        loop {
            if let Err(e) = self.send_due(&store, &gateways, &clock).await {
                tracing::warn!(error = %e, "outbox pass failed");
            }
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(POLL) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outbox() -> Outbox {
        Outbox::new(&ServerSecret::from_value("an-outbox-test-secret-0123456789abcdef").unwrap())
    }

    #[test]
    fn sealed_numbers_open_only_for_their_row() {
        let outbox = outbox();
        let sealed = outbox.seal("ref-1", "+447700900123");
        assert!(!sealed.contains("900123"));
        assert_eq!(
            outbox.open("ref-1", &sealed).as_deref(),
            Some("+447700900123")
        );
        assert_eq!(outbox.open("ref-2", &sealed), None);
        // Sealing twice gives different text (a fresh nonce each time).
        assert_ne!(sealed, outbox.seal("ref-1", "+447700900123"));
        let other =
            Outbox::new(&ServerSecret::from_value("another-secret-0123456789abcdef-xyz").unwrap());
        assert_eq!(other.open("ref-1", &sealed), None);
        assert_eq!(outbox.open("ref-1", "not base64!"), None);
    }

    #[test]
    fn backoff_grows_and_stops_growing() {
        assert_eq!(backoff_secs(1), 15);
        assert_eq!(backoff_secs(2), 30);
        assert_eq!(backoff_secs(3), 60);
        assert_eq!(backoff_secs(50), 1800);
    }
}
