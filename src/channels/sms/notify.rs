//! GOV.UK Notify: received texts arrive as a JSON callback carrying the bearer token we
//! set in Notify; texts go out through `POST /v2/notifications/sms`, authenticated by a
//! JSON Web Token signed with the API key's secret.
//!
//! An API key looks like `{key name}-{service id}-{secret}`, where the service id and
//! secret are UUIDs. The token is HS256 with claims `iss` (the service id) and `iat`
//! (now, in seconds); Notify refuses one more than 30 seconds from its clock.
//! The text template must be a single `((body))` placeholder.

use base64::engine::general_purpose::URL_SAFE_NO_PAD as BASE64URL;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use super::twilio::check_outgoing;
use super::{
    bearer_matches, check_body, check_number, header, Gateway, InboundSms, OutboundRequest, Secret,
    SmsError, WebhookRequest, WebhookResponse, MAX_WEBHOOK_BYTES,
};

type HmacSha256 = Hmac<Sha256>;

pub const DEFAULT_API_BASE: &str = "https://api.notifications.service.gov.uk";

/// How far Notify lets a token's `iat` stray from its clock, in seconds.
pub const NOTIFY_LEEWAY_SECS: i64 = 30;

/// The longest text Notify sends, in characters (6 segments of 153). A service name
/// prefix, if the service has one switched on, counts towards it.
pub const NOTIFY_MAX_CHARS: usize = 918;

/// The shortest callback bearer token Notify accepts.
const MIN_CALLBACK_TOKEN: usize = 10;

/// A Notify API key, split into its parts.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey {
    pub name: String,
    pub service_id: String,
    secret: Secret,
}

impl ApiKey {
    pub fn secret(&self) -> &str {
        self.secret.expose()
    }
}

impl std::fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiKey")
            .field("name", &self.name)
            .field("service_id", &self.service_id)
            .field("secret", &self.secret)
            .finish()
    }
}

/// Splits an API key: the last 36 characters are the secret, the 36 before the hyphen
/// ahead of it the service id, and the rest before another hyphen the key's name.
pub fn parse_api_key(key: &str) -> Result<ApiKey, SmsError> {
    const UUID_LEN: usize = 36;
    let wrong = || {
        SmsError::Config(
            "a Notify API key must be the key name, the service id and the secret, \
             joined by hyphens"
                .into(),
        )
    };
    let key = key.trim();
    if !key.is_ascii() || key.len() < 2 * UUID_LEN + 3 {
        return Err(wrong());
    }
    let (rest, secret) = key.split_at(key.len() - UUID_LEN);
    let rest = rest.strip_suffix('-').ok_or_else(wrong)?;
    let (name, service_id) = rest.split_at(rest.len() - UUID_LEN);
    let name = name.strip_suffix('-').ok_or_else(wrong)?;
    let is_uuid = |s: &str| uuid::Uuid::try_parse(s).is_ok();
    if name.is_empty() || !is_uuid(service_id) || !is_uuid(secret) {
        return Err(wrong());
    }
    Ok(ApiKey {
        name: name.to_owned(),
        service_id: service_id.to_owned(),
        secret: Secret::new(secret),
    })
}

/// The claims of a Notify token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    pub iss: String,
    pub iat: i64,
}

#[derive(Serialize, Deserialize)]
struct JwtHeader {
    typ: Option<String>,
    alg: String,
}

/// The token for `key` issued at `iat` (Unix seconds), for `Authorization: Bearer`.
pub fn jwt(key: &ApiKey, iat: i64) -> String {
    let header = BASE64URL.encode(r#"{"typ":"JWT","alg":"HS256"}"#);
    let claims = Claims {
        iss: key.service_id.clone(),
        iat,
    };
    let claims = BASE64URL.encode(serde_json::to_vec(&claims).expect("claims serialise"));
    let signing_input = format!("{header}.{claims}");
    let mut mac = hmac_for(key.secret());
    mac.update(signing_input.as_bytes());
    let signature = BASE64URL.encode(mac.finalize().into_bytes());
    format!("{signing_input}.{signature}")
}

fn hmac_for(secret: &str) -> HmacSha256 {
    HmacSha256::new_from_slice(secret.as_bytes()).expect("HMAC takes any key")
}

/// Checks a token as Notify does: HS256 only, signed with `secret` (compared in constant
/// time), `iat` within `leeway` seconds of `now`. For a test fake of Notify.
pub fn verify_jwt(token: &str, secret: &str, now: i64, leeway: i64) -> Result<Claims, SmsError> {
    let (signing_input, signature) = token.rsplit_once('.').ok_or(SmsError::Unauthorised)?;
    let (header, claims) = signing_input
        .split_once('.')
        .filter(|(_, claims)| !claims.contains('.'))
        .ok_or(SmsError::Unauthorised)?;
    let decode = |part: &str| BASE64URL.decode(part).map_err(|_| SmsError::Unauthorised);
    let header: JwtHeader =
        serde_json::from_slice(&decode(header)?).map_err(|_| SmsError::Unauthorised)?;
    if header.alg != "HS256" || header.typ.is_some_and(|t| t != "JWT") {
        return Err(SmsError::Unauthorised);
    }
    let mut mac = hmac_for(secret);
    mac.update(signing_input.as_bytes());
    mac.verify_slice(&decode(signature)?)
        .map_err(|_| SmsError::Unauthorised)?;
    let claims: Claims =
        serde_json::from_slice(&decode(claims)?).map_err(|_| SmsError::Unauthorised)?;
    if claims.iss.is_empty() || claims.iat.abs_diff(now) > leeway.unsigned_abs() {
        return Err(SmsError::Unauthorised);
    }
    Ok(claims)
}

/// A received text as Notify's callback sends it.
#[derive(Clone, PartialEq, Eq, Deserialize)]
pub struct ReceivedText {
    pub id: String,
    pub source_number: String,
    pub destination_number: String,
    pub message: String,
    /// `2017-05-14T12:15:30.000000Z`, when the text reached Notify.
    pub date_received: Option<String>,
}

impl std::fmt::Debug for ReceivedText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReceivedText")
            .field("id", &self.id)
            .field("source_number", &"[redacted]")
            .field("destination_number", &self.destination_number)
            .field(
                "message",
                &format_args!("[{} chars]", self.message.chars().count()),
            )
            .field("date_received", &self.date_received)
            .finish()
    }
}

/// Reads and checks a received-text callback body.
pub fn parse_callback(body: &[u8]) -> Result<ReceivedText, SmsError> {
    if body.len() > MAX_WEBHOOK_BYTES {
        return Err(SmsError::bad(format!(
            "the request body is larger than {MAX_WEBHOOK_BYTES} bytes"
        )));
    }
    // serde_json's messages can quote the input, so only its category and place are kept.
    let text: ReceivedText = serde_json::from_slice(body).map_err(|e| {
        let what = match e.classify() {
            serde_json::error::Category::Io => "cannot be read",
            serde_json::error::Category::Syntax => "is not valid JSON",
            serde_json::error::Category::Data => {
                "lacks a required field or has one of the wrong type"
            }
            serde_json::error::Category::Eof => "ends too soon",
        };
        SmsError::bad(format!(
            "the callback {what} (line {}, column {})",
            e.line(),
            e.column()
        ))
    })?;
    if uuid::Uuid::try_parse(&text.id).is_err() {
        return Err(SmsError::bad("id is not a UUID"));
    }
    check_number(&text.source_number, "source_number")?;
    check_number(&text.destination_number, "destination_number")?;
    check_body(&text.message)?;
    Ok(text)
}

/// The JSON body for `POST /v2/notifications/sms`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SendSms<'a> {
    pub phone_number: &'a str,
    pub template_id: &'a str,
    pub personalisation: Personalisation<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sms_sender_id: Option<&'a str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Personalisation<'a> {
    pub body: &'a str,
}

/// The JSON for sending `text` to `phone_number` with a `((body))` template.
pub fn send_sms_body(
    phone_number: &str,
    template_id: &str,
    text: &str,
    reference: Option<&str>,
    sms_sender_id: Option<&str>,
) -> String {
    serde_json::to_string(&SendSms {
        phone_number,
        template_id,
        personalisation: Personalisation { body: text },
        reference,
        sms_sender_id,
    })
    .expect("strings serialise")
}

/// The GOV.UK Notify gateway.
#[derive(Debug, Clone)]
pub struct Notify {
    key: ApiKey,
    template_id: String,
    callback_token: Secret,
    sms_sender_id: Option<String>,
    api_base: String,
}

impl Notify {
    /// `template_id` names a text template whose whole content is `((body))`;
    /// `callback_token` is the bearer token set for the received-text callback.
    pub fn new(
        api_key: &str,
        template_id: &str,
        callback_token: Secret,
    ) -> Result<Notify, SmsError> {
        let key = parse_api_key(api_key)?;
        if uuid::Uuid::try_parse(template_id).is_err() {
            return Err(SmsError::Config(
                "the Notify template id must be a UUID".into(),
            ));
        }
        if callback_token.expose().len() < MIN_CALLBACK_TOKEN {
            return Err(SmsError::Config(format!(
                "the Notify callback token must be at least {MIN_CALLBACK_TOKEN} characters"
            )));
        }
        Ok(Notify {
            key,
            template_id: template_id.to_owned(),
            callback_token,
            sms_sender_id: None,
            api_base: DEFAULT_API_BASE.to_owned(),
        })
    }

    /// Sends from one of the service's text message senders rather than the default.
    pub fn with_sms_sender_id(mut self, id: &str) -> Notify {
        self.sms_sender_id = Some(id.to_owned());
        self
    }

    /// Sends to another base URL (a test fake) instead of Notify's.
    pub fn with_api_base(mut self, base: &str) -> Notify {
        self.api_base = base.trim_end_matches('/').to_owned();
        self
    }

    pub fn key(&self) -> &ApiKey {
        &self.key
    }
}

impl Gateway for Notify {
    fn name(&self) -> &'static str {
        "notify"
    }

    fn parse_inbound(&self, request: &WebhookRequest<'_>) -> Result<InboundSms, SmsError> {
        let authorization = header(request.headers, "authorization").unwrap_or("");
        if !bearer_matches(authorization, self.callback_token.expose()) {
            return Err(SmsError::Unauthorised);
        }
        let text = parse_callback(request.body)?;
        Ok(InboundSms {
            provider_id: text.id,
            from: text.source_number,
            to: text.destination_number,
            body: text.message,
        })
    }

    fn inline_reply(&self, _replies: &[String]) -> Option<WebhookResponse> {
        None
    }

    fn send_request(
        &self,
        to: &str,
        text: &str,
        reference: Option<&str>,
        now: i64,
    ) -> Result<OutboundRequest, SmsError> {
        check_outgoing(to, text)?;
        if text.chars().count() > NOTIFY_MAX_CHARS {
            return Err(SmsError::bad(format!(
                "Notify sends at most {NOTIFY_MAX_CHARS} characters"
            )));
        }
        Ok(OutboundRequest {
            url: format!("{}/v2/notifications/sms", self.api_base),
            headers: vec![
                ("Authorization", format!("Bearer {}", jwt(&self.key, now))),
                ("Content-Type", "application/json".to_owned()),
            ],
            body: send_sms_body(
                to,
                &self.template_id,
                text,
                reference,
                self.sms_sender_id.as_deref(),
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderMap;

    const SERVICE: &str = "26785a09-ab16-4eb0-8407-a37497a57506";
    const SECRET: &str = "3d844edf-8d35-48ac-975b-e847b4f122b0";
    const TEMPLATE: &str = "f33517ff-2a88-4f6e-b855-c550268ce08a";

    fn key_text() -> String {
        format!("heard-live-{SERVICE}-{SECRET}")
    }

    #[test]
    fn api_key_splits_from_the_end() {
        let key = parse_api_key(&key_text()).unwrap();
        assert_eq!(key.name, "heard-live");
        assert_eq!(key.service_id, SERVICE);
        assert_eq!(key.secret(), SECRET);
        assert!(!format!("{key:?}").contains(SECRET));
        for bad in [
            String::new(),
            format!("{SERVICE}-{SECRET}"),
            format!("-{SERVICE}-{SECRET}"),
            format!("name-{SERVICE}{SECRET}"),
            format!("name-{SERVICE}-{}", &SECRET[1..]),
            format!("name-{SERVICE}-{}", SECRET.replace('3', "g")),
            format!("naméé-{SERVICE}-{SECRET}"),
        ] {
            assert!(parse_api_key(&bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn jwt_has_fixed_header_and_claims() {
        let key = parse_api_key(&key_text()).unwrap();
        let token = jwt(&key, 1_700_000_000);
        let parts: Vec<&str> = token.split('.').collect();
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0], "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9");
        assert_eq!(
            BASE64URL.decode(parts[1]).unwrap(),
            format!(r#"{{"iss":"{SERVICE}","iat":1700000000}}"#).as_bytes()
        );
        // The signature, computed independently with `openssl dgst -sha256 -hmac`.
        assert_eq!(token, FIXED_TOKEN);
    }

    /// `jwt(key, 1_700_000_000)` for the key above.
    const FIXED_TOKEN: &str = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.\
        eyJpc3MiOiIyNjc4NWEwOS1hYjE2LTRlYjAtODQwNy1hMzc0OTdhNTc1MDYiLCJpYXQiOjE3MDAwMDAwMDB9.\
        q1v0ZBAPOtT5-Ng39fZDm8ojJu-wrEQD-OrsVHHKnIM";

    #[test]
    fn verify_round_trip_and_refusals() {
        let key = parse_api_key(&key_text()).unwrap();
        let now = 1_700_000_000;
        let token = jwt(&key, now);
        let claims = verify_jwt(&token, SECRET, now + 30, 30).unwrap();
        assert_eq!(
            claims,
            Claims {
                iss: SERVICE.into(),
                iat: now
            }
        );
        assert!(verify_jwt(&token, SECRET, now - 30, 30).is_ok());
        assert_eq!(
            verify_jwt(&token, SECRET, now + 31, 30),
            Err(SmsError::Unauthorised)
        );
        assert_eq!(
            verify_jwt(&token, SECRET, now - 31, 30),
            Err(SmsError::Unauthorised)
        );
        let wrong_secret = SECRET.replace('3', "4");
        assert!(verify_jwt(&token, &wrong_secret, now, 30).is_err());
        // Claims changed after signing.
        let parts: Vec<&str> = token.split('.').collect();
        let forged = BASE64URL.encode(format!(r#"{{"iss":"{SERVICE}","iat":{}}}"#, now + 1));
        let tampered = format!("{}.{forged}.{}", parts[0], parts[2]);
        assert!(verify_jwt(&tampered, SECRET, now, 30).is_err());
        // alg "none", and no signature.
        let none = BASE64URL.encode(r#"{"typ":"JWT","alg":"none"}"#);
        assert!(verify_jwt(&format!("{none}.{}.", parts[1]), SECRET, now, 30).is_err());
        assert!(verify_jwt(&format!("{}.{}", parts[0], parts[1]), SECRET, now, 30).is_err());
        assert!(verify_jwt(&format!("{token}.x"), SECRET, now, 30).is_err());
        assert!(verify_jwt("", SECRET, now, 30).is_err());
        // An extreme iat is refused, not an overflow.
        assert!(verify_jwt(&jwt(&key, i64::MIN), SECRET, now, 30).is_err());
    }

    const CALLBACK: &str = r#"{
        "id": "df10a23e-2c6d-4ea5-87fb-82e520cbf93a",
        "source_number": "447700900111",
        "destination_number": "07700900000",
        "message": "Here is some content",
        "date_received": "2017-06-20T00:00:00.000000Z"
    }"#;

    #[test]
    fn callback_parses_and_checks() {
        let text = parse_callback(CALLBACK.as_bytes()).unwrap();
        assert_eq!(text.id, "df10a23e-2c6d-4ea5-87fb-82e520cbf93a");
        assert_eq!(text.source_number, "447700900111");
        assert_eq!(text.message, "Here is some content");
        assert_eq!(
            text.date_received.as_deref(),
            Some("2017-06-20T00:00:00.000000Z")
        );
        assert!(!format!("{text:?}").contains("900111"));
        // Fields Notify may add are fine.
        let extra = CALLBACK.replace("\"id\"", "\"sms_sender_id\": null, \"id\"");
        assert!(parse_callback(extra.as_bytes()).is_ok());

        let bad = |body: &str| match parse_callback(body.as_bytes()) {
            Err(SmsError::BadRequest(reason)) => reason,
            other => panic!("{other:?}"),
        };
        let no_message = CALLBACK.replace("\"message\"", "\"msg\"");
        assert!(bad(&no_message).starts_with("the callback lacks a required field"));
        // The reason never quotes the body.
        let wrong_type = CALLBACK.replace("\"447700900111\"", "447700900111");
        assert!(!bad(&wrong_type).contains("900111"), "{}", bad(&wrong_type));
        assert!(bad("{").contains("ends too soon"));
        assert!(bad("nonsense").contains("not valid JSON"));
        assert_eq!(
            bad(&CALLBACK.replace("df10a23e-", "df10a23e")),
            "id is not a UUID"
        );
        let long = CALLBACK.replace("Here is some content", &"a".repeat(1601));
        assert!(bad(&long).contains("longer than 1600"));
        let mut invalid_utf8 = CALLBACK.as_bytes().to_vec();
        let at = CALLBACK.find("Here").unwrap();
        invalid_utf8[at + 1] = 0xff;
        assert!(matches!(
            parse_callback(&invalid_utf8),
            Err(SmsError::BadRequest(reason)) if reason.contains("not valid JSON")
        ));
    }

    #[test]
    fn bearer_token_is_checked() {
        let token = "callback-token-0123456789";
        assert!(bearer_matches(&format!("Bearer {token}"), token));
        assert!(!bearer_matches(&format!("Bearer {token}x"), token));
        assert!(!bearer_matches(token, token));
        assert!(!bearer_matches("Bearer ", token));
        assert!(!bearer_matches("Bearer", ""));
        assert!(!bearer_matches("", token));
    }

    fn gateway() -> Notify {
        Notify::new(
            &key_text(),
            TEMPLATE,
            Secret::new("callback-token-0123456789"),
        )
        .unwrap()
    }

    #[test]
    fn gateway_checks_the_bearer_then_parses() {
        let mut headers = HeaderMap::new();
        headers.insert(
            "authorization",
            "Bearer callback-token-0123456789".parse().unwrap(),
        );
        let request = WebhookRequest {
            url: "https://heard.example/sms/notify",
            headers: &headers,
            body: CALLBACK.as_bytes(),
        };
        let sms = gateway().parse_inbound(&request).unwrap();
        assert_eq!(sms.provider_id, "df10a23e-2c6d-4ea5-87fb-82e520cbf93a");
        assert_eq!(sms.from, "447700900111");
        assert_eq!(sms.to, "07700900000");
        assert_eq!(sms.body, "Here is some content");
        let other = HeaderMap::new();
        let request = WebhookRequest {
            headers: &other,
            ..request
        };
        assert_eq!(
            gateway().parse_inbound(&request),
            Err(SmsError::Unauthorised)
        );
        assert_eq!(gateway().inline_reply(&["hi".to_owned()]), None);
    }

    #[test]
    fn send_request_body_and_token() {
        assert_eq!(
            send_sms_body("07700900123", TEMPLATE, "Hi \"there\"", None, None),
            format!(
                r#"{{"phone_number":"07700900123","template_id":"{TEMPLATE}","personalisation":{{"body":"Hi \"there\""}}}}"#
            )
        );
        assert_eq!(
            send_sms_body("07700900123", TEMPLATE, "Hi", Some("ref-1"), Some("s-1")),
            format!(
                r#"{{"phone_number":"07700900123","template_id":"{TEMPLATE}","personalisation":{{"body":"Hi"}},"reference":"ref-1","sms_sender_id":"s-1"}}"#
            )
        );
        let request = gateway()
            .with_api_base("http://127.0.0.1:9/")
            .send_request("07700900123", "Hi", Some("ref-1"), 1_700_000_000)
            .unwrap();
        assert_eq!(request.url, "http://127.0.0.1:9/v2/notifications/sms");
        let token = request.headers[0].1.strip_prefix("Bearer ").unwrap();
        let claims = verify_jwt(token, SECRET, 1_700_000_005, NOTIFY_LEEWAY_SECS).unwrap();
        assert_eq!(claims.iss, SERVICE);
        assert!(request.body.contains(r#""reference":"ref-1""#));
        assert!(gateway().send_request("07700900123", "", None, 0).is_err());
        let long = "a".repeat(NOTIFY_MAX_CHARS + 1);
        assert!(gateway()
            .send_request("07700900123", &long, None, 0)
            .is_err());
        let longest = "a".repeat(NOTIFY_MAX_CHARS);
        assert!(gateway()
            .send_request("07700900123", &longest, None, 0)
            .is_ok());
    }

    #[test]
    fn settings_are_checked() {
        let token = || Secret::new("callback-token-0123456789");
        assert!(Notify::new("nonsense", TEMPLATE, token()).is_err());
        assert!(Notify::new(&key_text(), "template", token()).is_err());
        assert!(Notify::new(&key_text(), TEMPLATE, Secret::new("short")).is_err());
        let shown = format!("{:?}", gateway());
        assert!(
            !shown.contains(SECRET) && !shown.contains("callback-token"),
            "{shown}"
        );
    }
}
