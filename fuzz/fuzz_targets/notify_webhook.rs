//! GOV.UK Notify's received-text callback: `Authorization header \n JSON body`, as a route
//! hands it to `Notify::parse_inbound`; the header also goes to `verify_jwt`.
//!
//! Properties, beyond never panicking:
//! - a callback is accepted only with the right bearer token;
//! - with the right token, what comes out is what `parse_callback` read, and keeps to its
//!   limits (a UUID id, numbers of 1 to 32 characters, a body within the SMS limit).
#![no_main]

use axum::http::{HeaderMap, HeaderValue};
use heard::channels::sms::notify::{self, Notify};
use heard::channels::sms::{Gateway, Secret, SmsError, WebhookRequest, MAX_SMS_CHARS};
use libfuzzer_sys::fuzz_target;

const API_KEY: &str =
    "fuzz-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0";
const TEMPLATE: &str = "f33517ff-2a88-4f6e-b855-c550268ce08a";
const TOKEN: &str = "fuzz-callback-token";

fuzz_target!(|data: &[u8]| {
    let (authorization, body) = match data.iter().position(|&b| b == b'\n') {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (&data[..0], data),
    };
    let gateway = Notify::new(API_KEY, TEMPLATE, Secret::new(TOKEN)).expect("valid settings");

    // As sent: whatever Authorization header the input carries.
    let mut headers = HeaderMap::new();
    if let Ok(value) = HeaderValue::from_bytes(authorization) {
        headers.insert("authorization", value);
    }
    let as_sent = gateway.parse_inbound(&WebhookRequest {
        url: "https://heard.example/sms/notify",
        headers: &headers,
        body,
    });
    if as_sent.is_ok() {
        let given = std::str::from_utf8(authorization).expect("a header that matched is text");
        assert!(
            heard::channels::sms::bearer_matches(given, TOKEN),
            "accepted without the callback token"
        );
    }

    // The header as a token, as the test fake of Notify checks one.
    let text = String::from_utf8_lossy(authorization);
    let token = text.trim().strip_prefix("Bearer ").unwrap_or(&text);
    let key = gateway.key();
    let _ = notify::verify_jwt(
        token,
        key.secret(),
        1_700_000_000,
        notify::NOTIFY_LEEWAY_SECS,
    );

    // With the right token.
    let mut signed = HeaderMap::new();
    signed.insert(
        "authorization",
        HeaderValue::from_str(&format!("Bearer {TOKEN}")).expect("ASCII"),
    );
    let got = gateway.parse_inbound(&WebhookRequest {
        url: "https://heard.example/sms/notify",
        headers: &signed,
        body,
    });
    let read = notify::parse_callback(body);
    match (&got, &read) {
        (Ok(sms), Ok(text)) => {
            assert_eq!(sms.provider_id, text.id);
            assert_eq!(sms.from, text.source_number);
            assert_eq!(sms.to, text.destination_number);
            assert_eq!(sms.body, text.message);
            assert_eq!(sms.provider_id.len(), 36);
            assert!((1..=32).contains(&sms.from.chars().count()));
            assert!((1..=32).contains(&sms.to.chars().count()));
            assert!(sms.body.chars().count() <= MAX_SMS_CHARS);
        }
        (Err(a), Err(b)) => {
            assert_eq!(a, b);
            assert!(matches!(a, SmsError::BadRequest(_)));
        }
        _ => panic!("parse_inbound and parse_callback disagree"),
    }
});
