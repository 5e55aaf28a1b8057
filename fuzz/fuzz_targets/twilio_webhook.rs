//! Twilio's inbound webhook: `url \n X-Twilio-Signature \n form body`, as a route hands it
//! to `Twilio::parse_inbound`. Missing parts are empty.
//!
//! Properties, beyond never panicking:
//! - a request is accepted only if its signature really is Twilio's for that URL and body;
//! - the same body, correctly signed, gives exactly what `inbound_from_params` gives, and
//!   an accepted message keeps to the limits the gateway promises.
#![no_main]

use axum::http::{HeaderMap, HeaderValue};
use heard::channels::sms::twilio::{self, Twilio, SIGNATURE_HEADER};
use heard::channels::sms::{Gateway, Secret, WebhookRequest, MAX_SMS_CHARS};
use libfuzzer_sys::fuzz_target;

const TOKEN: &str = "fuzz-auth-token";

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |&b| b == b'\n');
    let url = String::from_utf8_lossy(parts.next().unwrap_or_default());
    let signature = parts.next().unwrap_or_default();
    let body = parts.next().unwrap_or_default();
    let gateway = Twilio::webhook_only(Secret::new(TOKEN)).expect("a token is set");

    // As sent: whatever signature header the input carries.
    let mut headers = HeaderMap::new();
    if let Ok(value) = HeaderValue::from_bytes(signature) {
        headers.insert(SIGNATURE_HEADER, value);
    }
    let request = WebhookRequest {
        url: &url,
        headers: &headers,
        body,
    };
    let as_sent = gateway.parse_inbound(&request);

    let Ok(params) = twilio::parse_form(body) else {
        assert!(as_sent.is_err(), "a body that is not a form was accepted");
        return;
    };
    if as_sent.is_ok() {
        let given = std::str::from_utf8(signature).expect("a header that matched is text");
        assert!(
            twilio::signature_matches(TOKEN, &url, &params, given),
            "accepted without a valid signature"
        );
    }

    // Signed as Twilio would sign it.
    let mut signed = HeaderMap::new();
    let good = twilio::signature(TOKEN, &url, &params);
    signed.insert(
        SIGNATURE_HEADER,
        HeaderValue::from_str(&good).expect("Base64 is a header value"),
    );
    let request = WebhookRequest {
        url: &url,
        headers: &signed,
        body,
    };
    let got = gateway.parse_inbound(&request);
    assert_eq!(got, twilio::inbound_from_params(&params));
    if let Ok(sms) = got {
        assert!((1..=64).contains(&sms.provider_id.len()));
        assert!((1..=32).contains(&sms.from.chars().count()));
        assert!((1..=32).contains(&sms.to.chars().count()));
        assert!(sms.body.chars().count() <= MAX_SMS_CHARS);
    }
});
