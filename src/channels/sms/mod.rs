//! The SMS channel's building blocks: gateways (Twilio, GOV.UK Notify), reading replies,
//! writing questions as texts, and GSM-7 arithmetic.
//!
//! Everything here is pure: no routes, no database, no network. A route hands a gateway
//! the webhook it received ([`WebhookRequest`]) and gets an [`InboundSms`] or an
//! [`SmsError`]; a reply goes back either inside the webhook's response
//! ([`Gateway::inline_reply`]) or as an [`OutboundRequest`] for an outbox to send.
//!
//! Privacy: a sender's number ([`InboundSms::from`]) and message text never appear in
//! `Debug` output or in an [`SmsError`], so neither can reach a log by accident.
//!
//! A third gateway is one new file implementing [`Gateway`].

pub mod conversation;
pub mod gsm;
pub mod inbound;
pub mod notify;
pub mod outbox;
/// How a texter's reply is read: in the domain, as the event import reads sheets the same way.
pub use crate::domain::reply as parse;
#[cfg(test)]
mod perf;
pub mod render;
pub mod twilio;

pub use inbound::routes;

use std::fmt;
use std::sync::Arc;

use axum::http::{HeaderMap, StatusCode};

pub use crate::privacy::secret::{bearer_matches, secrets_match};
pub use crate::privacy::Secret;
pub use notify::Notify;
pub use parse::{is_consultation_keyword, parse_keyword, parse_reply, Keyword, Reply};
pub use render::render_question;
pub use twilio::Twilio;

/// The longest message body accepted from a gateway, in characters: Twilio's limit for a
/// concatenated message. Anything longer is not a text someone typed.
pub const MAX_SMS_CHARS: usize = 1600;

/// The largest webhook body a gateway will read, in bytes. Twilio's form with every
/// optional parameter is a few KiB; Notify's JSON is smaller.
pub const MAX_WEBHOOK_BYTES: usize = 64 * 1024;

/// One text message received from a gateway, authenticated and checked.
#[derive(Clone, PartialEq, Eq)]
pub struct InboundSms {
    /// The gateway's id for the message (Twilio `MessageSid`, Notify `id`): ingestion is
    /// idempotent on it.
    pub provider_id: String,
    /// The sender's number exactly as the gateway gave it. Never log or store it:
    /// normalise and pseudonymise it at once.
    pub from: String,
    /// Our number (or short code) the message was sent to.
    pub to: String,
    /// The message text as typed.
    pub body: String,
}

impl fmt::Debug for InboundSms {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InboundSms")
            .field("provider_id", &self.provider_id)
            .field("from", &"[redacted]")
            .field("to", &self.to)
            .field(
                "body",
                &format_args!("[{} chars]", self.body.chars().count()),
            )
            .finish()
    }
}

/// Why a webhook was refused, or a request could not be built. The messages name what
/// was wrong, never a value from the request.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SmsError {
    /// The signature or token is missing or wrong.
    #[error("the request is not signed by the gateway")]
    Unauthorised,
    /// The request is authentic (or could not be checked) but not a message we can read.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// Our own settings are wrong (an API key in the wrong shape, say).
    #[error("SMS gateway settings: {0}")]
    Config(String),
}

impl SmsError {
    fn bad(reason: impl Into<String>) -> SmsError {
        SmsError::BadRequest(reason.into())
    }

    /// The status a webhook should answer with. Twilio's advice is 403 for a bad
    /// signature; a 4xx stops both gateways retrying.
    pub fn status(&self) -> StatusCode {
        match self {
            SmsError::Unauthorised => StatusCode::FORBIDDEN,
            SmsError::BadRequest(_) => StatusCode::BAD_REQUEST,
            SmsError::Config(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// A webhook as a route received it.
#[derive(Clone, Copy)]
pub struct WebhookRequest<'a> {
    /// The full URL the gateway called, as the gateway sees it: scheme, host, path and
    /// query string. Behind a proxy, build it from `HEARD_PUBLIC_URL`, not the `Host`
    /// header, or Twilio signatures will not match.
    pub url: &'a str,
    pub headers: &'a HeaderMap,
    pub body: &'a [u8],
}

/// What a webhook should answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookResponse {
    pub status: StatusCode,
    pub content_type: Option<&'static str>,
    pub body: String,
}

/// An HTTP `POST` to send a text, for an outbox to make (and retry) later.
#[derive(Clone, PartialEq, Eq)]
pub struct OutboundRequest {
    pub url: String,
    /// Includes `Authorization` and `Content-Type`.
    pub headers: Vec<(&'static str, String)>,
    pub body: String,
}

impl fmt::Debug for OutboundRequest {
    // The body holds a phone number and the headers a credential.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<&str> = self.headers.iter().map(|(name, _)| *name).collect();
        f.debug_struct("OutboundRequest")
            .field("url", &self.url)
            .field("headers", &headers)
            .field("body", &format_args!("[{} bytes]", self.body.len()))
            .finish()
    }
}

/// An SMS gateway. Implementations hold their own credentials.
pub trait Gateway: Send + Sync {
    /// A short lower-case name for settings and logs: `twilio`, `notify`.
    fn name(&self) -> &'static str;

    /// Authenticates a webhook and reads the message in it.
    /// [`SmsError::Unauthorised`] when it is not from the gateway.
    fn parse_inbound(&self, request: &WebhookRequest<'_>) -> Result<InboundSms, SmsError>;

    /// The webhook response carrying `replies` (none, one or several texts), for
    /// gateways that send replies given in the response (Twilio's TwiML). `None` when the
    /// gateway cannot: answer `204 No Content` and send replies with
    /// [`Gateway::send_request`].
    fn inline_reply(&self, replies: &[String]) -> Option<WebhookResponse>;

    /// The request that sends `text` to `to`. `reference` is our id for the message
    /// where the gateway keeps one; `now` (Unix seconds) is for gateways that sign
    /// requests with the time.
    fn send_request(
        &self,
        to: &str,
        text: &str,
        reference: Option<&str>,
        now: i64,
    ) -> Result<OutboundRequest, SmsError>;
}

/// The gateways that are on.
#[derive(Debug, Clone, Default)]
pub struct Gateways {
    pub twilio: Option<Arc<Twilio>>,
    pub notify: Option<Arc<Notify>>,
}

impl Gateways {
    /// Builds the gateways whose settings are given; a setting in the wrong shape is an
    /// error that names it.
    pub fn from_settings(settings: &crate::config::SmsSettings) -> Result<Gateways, SmsError> {
        let twilio = settings
            .twilio_auth_token
            .clone()
            .map(Twilio::webhook_only)
            .transpose()?
            .map(Arc::new);
        let notify = match &settings.notify {
            Some(n) => {
                let mut notify =
                    Notify::new(n.api_key.expose(), &n.template_id, n.inbound_token.clone())?
                        .with_api_base(&n.base_url);
                if let Some(sender) = &n.sms_sender_id {
                    notify = notify.with_sms_sender_id(sender);
                }
                Some(Arc::new(notify))
            }
            None => None,
        };
        Ok(Gateways { twilio, notify })
    }

    pub fn by_name(&self, name: &str) -> Option<&dyn Gateway> {
        match name {
            "twilio" => self.twilio.as_deref().map(|g| g as &dyn Gateway),
            "notify" => self.notify.as_deref().map(|g| g as &dyn Gateway),
            _ => None,
        }
    }
}

/// The SMS channel's running parts: its gateways and its outbox.
#[derive(Debug, Clone)]
pub struct SmsChannel {
    pub gateways: Gateways,
    pub outbox: Arc<outbox::Outbox>,
}

impl SmsChannel {
    pub fn new(gateways: Gateways, secret: &crate::privacy::ServerSecret) -> SmsChannel {
        SmsChannel {
            gateways,
            outbox: Arc::new(outbox::Outbox::new(secret)),
        }
    }
}

/// A header's value as text, if present once and visible ASCII.
fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    let mut values = headers.get_all(name).iter();
    let value = values.next()?;
    if values.next().is_some() {
        return None;
    }
    value.to_str().ok()
}

/// Checks a message text as a gateway delivered it.
fn check_body(body: &str) -> Result<(), SmsError> {
    if body.chars().count() > MAX_SMS_CHARS {
        return Err(SmsError::bad(format!(
            "the message is longer than {MAX_SMS_CHARS} characters"
        )));
    }
    Ok(())
}

/// Checks a provider's message id: 1 to 64 ASCII letters, digits and hyphens.
fn check_provider_id(id: &str, field: &str) -> Result<(), SmsError> {
    let ok =
        (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(SmsError::bad(format!(
            "{field} must be 1 to 64 letters, digits or hyphens"
        )))
    }
}

/// Checks a phone number field: present, 1 to 32 characters, no control characters.
/// Its shape is checked later, when it is normalised for the pseudonym.
fn check_number(number: &str, field: &str) -> Result<(), SmsError> {
    let ok = (1..=32).contains(&number.chars().count())
        && !number.chars().any(char::is_control)
        && !number.trim().is_empty();
    if ok {
        Ok(())
    } else {
        Err(SmsError::bad(format!(
            "{field} must be a phone number of 1 to 32 characters"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inbound_debug_hides_number_and_text() {
        let sms = InboundSms {
            provider_id: "SM123".into(),
            from: "+447700900123".into(),
            to: "+447700900999".into(),
            body: "my son Tom".into(),
        };
        let shown = format!("{sms:?}");
        assert!(!shown.contains("900123"), "{shown}");
        assert!(!shown.contains("Tom"), "{shown}");
        assert!(
            shown.contains("SM123") && shown.contains("[10 chars]"),
            "{shown}"
        );
    }

    #[test]
    fn secrets_and_requests_hide_in_debug() {
        assert_eq!(
            format!("{:?}", Secret::new("hunter2")),
            "Secret([redacted])"
        );
        let request = OutboundRequest {
            url: "https://example.com/send".into(),
            headers: vec![("Authorization", "Bearer abc".into())],
            body: "{\"phone_number\":\"07700900123\"}".into(),
        };
        let shown = format!("{request:?}");
        assert!(
            !shown.contains("abc") && !shown.contains("900123"),
            "{shown}"
        );
    }

    #[test]
    fn secrets_match_only_when_equal() {
        assert!(secrets_match(b"token-123456", b"token-123456"));
        assert!(!secrets_match(b"token-123457", b"token-123456"));
        assert!(!secrets_match(b"token-12345", b"token-123456"));
        assert!(!secrets_match(b"", b"token-123456"));
    }

    #[test]
    fn header_must_be_single() {
        let mut headers = HeaderMap::new();
        headers.append("x-a", "one".parse().unwrap());
        assert_eq!(header(&headers, "x-a"), Some("one"));
        headers.append("x-a", "two".parse().unwrap());
        assert_eq!(header(&headers, "x-a"), None);
        assert_eq!(header(&headers, "x-b"), None);
    }

    #[test]
    fn errors_map_to_statuses() {
        assert_eq!(SmsError::Unauthorised.status(), StatusCode::FORBIDDEN);
        assert_eq!(SmsError::bad("x").status(), StatusCode::BAD_REQUEST);
        assert_eq!(
            SmsError::Config("x".into()).status(),
            StatusCode::INTERNAL_SERVER_ERROR
        );
    }
}
