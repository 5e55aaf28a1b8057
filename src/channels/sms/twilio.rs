//! Twilio: incoming messages arrive as a form-encoded webhook signed with
//! `X-Twilio-Signature`; replies go back in the response as TwiML.
//!
//! The signature is Base64(HMAC-SHA1(auth token, URL + each POST parameter, sorted by
//! name, as name then value)). See
//! <https://www.twilio.com/docs/usage/security#validating-requests>.

use std::borrow::Cow;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha1::Sha1;

use super::{
    check_body, check_number, check_provider_id, header, Gateway, InboundSms, OutboundRequest,
    Secret, SmsError, WebhookRequest, WebhookResponse, MAX_SMS_CHARS, MAX_WEBHOOK_BYTES,
};
use axum::http::StatusCode;

type HmacSha1 = Hmac<Sha1>;

pub const SIGNATURE_HEADER: &str = "x-twilio-signature";
pub const DEFAULT_API_BASE: &str = "https://api.twilio.com";

/// The most parameters a webhook may carry; Twilio sends about twenty.
const MAX_PARAMS: usize = 200;

/// Who our texts come from: a number, or a Messaging Service that picks one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sender {
    Number(String),
    MessagingService(String),
}

/// The Twilio gateway, with the account's credentials.
#[derive(Debug, Clone)]
pub struct Twilio {
    /// The account and sender, for sending through the REST API; absent when replies
    /// only ever go back in the webhook's response.
    account: Option<(String, Sender)>,
    auth_token: Secret,
    api_base: String,
}

impl Twilio {
    /// `account_sid` looks like `AC` and 32 hex digits.
    pub fn new(account_sid: &str, auth_token: Secret, sender: Sender) -> Result<Twilio, SmsError> {
        let sid_ok = account_sid.len() == 34
            && account_sid.starts_with("AC")
            && account_sid[2..].bytes().all(|b| b.is_ascii_hexdigit());
        if !sid_ok {
            return Err(SmsError::Config(
                "the Twilio account SID must be AC and 32 hex digits".into(),
            ));
        }
        if auth_token.expose().is_empty() {
            return Err(SmsError::Config("the Twilio auth token is empty".into()));
        }
        Ok(Twilio {
            account: Some((account_sid.to_owned(), sender)),
            auth_token,
            api_base: DEFAULT_API_BASE.to_owned(),
        })
    }

    /// Twilio for webhooks alone: messages are checked with the auth token and every
    /// reply goes back in TwiML, so no account id or sender is needed.
    pub fn webhook_only(auth_token: Secret) -> Result<Twilio, SmsError> {
        if auth_token.expose().is_empty() {
            return Err(SmsError::Config("the Twilio auth token is empty".into()));
        }
        Ok(Twilio {
            account: None,
            auth_token,
            api_base: DEFAULT_API_BASE.to_owned(),
        })
    }

    /// Sends to another base URL (a test fake) instead of `https://api.twilio.com`.
    pub fn with_api_base(mut self, base: &str) -> Twilio {
        self.api_base = base.trim_end_matches('/').to_owned();
        self
    }
}

impl Gateway for Twilio {
    fn name(&self) -> &'static str {
        "twilio"
    }

    fn parse_inbound(&self, request: &WebhookRequest<'_>) -> Result<InboundSms, SmsError> {
        // Borrowed from the body where nothing was encoded: most of Twilio's twenty or so.
        let params = decode_form(request.body)?;
        let signature = header(request.headers, SIGNATURE_HEADER).ok_or(SmsError::Unauthorised)?;
        let sorted = signed_params(&params);
        if !sorted_signature_matches(self.auth_token.expose(), request.url, &sorted, signature) {
            return Err(SmsError::Unauthorised);
        }
        inbound_from_params(&params)
    }

    fn inline_reply(&self, replies: &[String]) -> Option<WebhookResponse> {
        Some(WebhookResponse {
            status: StatusCode::OK,
            content_type: Some("text/xml; charset=utf-8"),
            body: twiml_of(replies),
        })
    }

    fn send_request(
        &self,
        to: &str,
        text: &str,
        _reference: Option<&str>,
        _now: i64,
    ) -> Result<OutboundRequest, SmsError> {
        check_outgoing(to, text)?;
        let Some((account_sid, sender)) = &self.account else {
            return Err(SmsError::Config(
                "Twilio is set up for webhooks only; replies go back in TwiML".into(),
            ));
        };
        let from = match sender {
            Sender::Number(n) => ("From", n.as_str()),
            Sender::MessagingService(s) => ("MessagingServiceSid", s.as_str()),
        };
        let credentials = format!("{}:{}", account_sid, self.auth_token.expose());
        Ok(OutboundRequest {
            url: format!(
                "{}/2010-04-01/Accounts/{}/Messages.json",
                self.api_base, account_sid
            ),
            headers: vec![
                (
                    "Authorization",
                    format!("Basic {}", BASE64.encode(credentials)),
                ),
                (
                    "Content-Type",
                    "application/x-www-form-urlencoded".to_owned(),
                ),
            ],
            body: form_encode(&[("To", to), from, ("Body", text)]),
        })
    }
}

/// Checks a text we are about to send.
pub(super) fn check_outgoing(to: &str, text: &str) -> Result<(), SmsError> {
    check_number(to, "the recipient")?;
    if text.trim().is_empty() {
        return Err(SmsError::bad("the message to send is empty"));
    }
    if text.chars().count() > MAX_SMS_CHARS {
        return Err(SmsError::bad(format!(
            "the message to send is longer than {MAX_SMS_CHARS} characters"
        )));
    }
    Ok(())
}

/// Reads an `application/x-www-form-urlencoded` body into its parameters, in order.
/// Refuses malformed percent-encoding and anything that does not decode to UTF-8.
pub fn parse_form(body: &[u8]) -> Result<Vec<(String, String)>, SmsError> {
    Ok(decode_form(body)?
        .into_iter()
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect())
}

/// A form parameter's name and value, borrowed from the body where nothing was encoded.
type FormParam<'a> = (Cow<'a, str>, Cow<'a, str>);

/// [`parse_form`], borrowing from `body` what needs no decoding.
fn decode_form(body: &[u8]) -> Result<Vec<FormParam<'_>>, SmsError> {
    if body.len() > MAX_WEBHOOK_BYTES {
        return Err(SmsError::bad(format!(
            "the request body is larger than {MAX_WEBHOOK_BYTES} bytes"
        )));
    }
    let pairs = body.iter().filter(|&&b| b == b'&').count() + 1;
    let mut params = Vec::with_capacity(pairs.min(MAX_PARAMS));
    for pair in body.split(|&b| b == b'&').filter(|p| !p.is_empty()) {
        if params.len() == MAX_PARAMS {
            return Err(SmsError::bad(format!(
                "the request has more than {MAX_PARAMS} parameters"
            )));
        }
        let (name, value) = match pair.iter().position(|&b| b == b'=') {
            Some(i) => (&pair[..i], &pair[i + 1..]),
            None => (pair, &[][..]),
        };
        params.push((form_decode(name)?, form_decode(value)?));
    }
    Ok(params)
}

fn form_decode(bytes: &[u8]) -> Result<Cow<'_, str>, SmsError> {
    // Most names and values have nothing encoded: then they are the body's own bytes.
    if !bytes.iter().any(|&b| b == b'+' || b == b'%') {
        return std::str::from_utf8(bytes)
            .map(Cow::Borrowed)
            .map_err(|_| not_utf8());
    }
    decode_escapes(bytes).map(Cow::Owned)
}

fn not_utf8() -> SmsError {
    SmsError::bad("a parameter is not valid UTF-8")
}

/// A form name or value with every `+` and percent escape decoded.
fn decode_escapes(bytes: &[u8]) -> Result<String, SmsError> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(hex_byte)
                    .ok_or_else(|| SmsError::bad("malformed percent-encoding"))?;
                out.push(hex);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| not_utf8())
}

/// Two hex digits as a byte. Only digits: `u8::from_str_radix` would also take a sign
/// (`%+1`).
fn hex_byte(pair: &[u8]) -> Option<u8> {
    let digit = |b: u8| (b as char).to_digit(16);
    match pair {
        [high, low] => Some((digit(*high)? * 16 + digit(*low)?) as u8),
        _ => None,
    }
}

/// Encodes parameters as `application/x-www-form-urlencoded`.
pub fn form_encode(params: &[(&str, &str)]) -> String {
    let encode = |s: &str| {
        let mut out = String::with_capacity(s.len());
        for b in s.bytes() {
            match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                    out.push(b as char)
                }
                b' ' => out.push('+'),
                _ => out.push_str(&format!("%{b:02X}")),
            }
        }
        out
    };
    params
        .iter()
        .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The parameters as Twilio signs them after the URL: for each name in byte order, each
/// of its distinct values in byte order, as name then value (as Twilio's libraries do).
fn signed_params<S: AsRef<str>>(params: &[(S, S)]) -> Vec<(&str, &str)> {
    let mut sorted: Vec<(&str, &str)> = params
        .iter()
        .map(|(n, v)| (n.as_ref(), v.as_ref()))
        .collect();
    sorted.sort_unstable();
    sorted.dedup();
    sorted
}

/// The MAC of the URL then the sorted parameters, fed in piece by piece rather than
/// joined into one string first.
fn mac(keyed: &HmacSha1, url: &str, sorted: &[(&str, &str)]) -> HmacSha1 {
    let mut mac = keyed.clone();
    mac.update(url.as_bytes());
    for (name, value) in sorted {
        mac.update(name.as_bytes());
        mac.update(value.as_bytes());
    }
    mac
}

fn keyed(auth_token: &str) -> HmacSha1 {
    HmacSha1::new_from_slice(auth_token.as_bytes()).expect("HMAC takes any key")
}

/// The `X-Twilio-Signature` Twilio sends for a POST of `params` to `url`.
pub fn signature(auth_token: &str, url: &str, params: &[(String, String)]) -> String {
    let mac = mac(&keyed(auth_token), url, &signed_params(params));
    BASE64.encode(mac.finalize().into_bytes())
}

/// Whether `given` is Twilio's signature for this request, compared in constant time.
/// Tries the URL as given, then without or with its default port, as Twilio's own
/// validators do, because Twilio signs the URL as configured, port or not.
pub fn signature_matches(
    auth_token: &str,
    url: &str,
    params: &[(String, String)],
    given: &str,
) -> bool {
    sorted_signature_matches(auth_token, url, &signed_params(params), given)
}

/// [`signature_matches`] for parameters already in [`signed_params`]'s order.
fn sorted_signature_matches(
    auth_token: &str,
    url: &str,
    sorted: &[(&str, &str)],
    given: &str,
) -> bool {
    let Ok(given) = BASE64.decode(given.trim()) else {
        return false;
    };
    // The key and the parameters are the same for both forms of the URL.
    let keyed = keyed(auth_token);
    let other_form = other_port_form(url);
    let mut ok = false;
    for candidate in std::iter::once(url).chain(other_form.as_deref()) {
        // Not short-circuited, so timing does not say which form matched.
        ok |= mac(&keyed, candidate, sorted).verify_slice(&given).is_ok();
    }
    ok
}

/// The URL with its default port removed if it has one, or added if it has none.
fn other_port_form(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let default_port = match scheme.to_ascii_lowercase().as_str() {
        "https" => "443",
        "http" => "80",
        _ => return None,
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    // The port follows the last colon, unless that colon is inside an IPv6 literal.
    let port_at = authority
        .rfind(':')
        .filter(|&i| !authority[i..].contains(']'));
    let authority = match port_at {
        Some(i) if &authority[i + 1..] == default_port => authority[..i].to_owned(),
        Some(_) => return None,
        None => format!("{authority}:{default_port}"),
    };
    Some(format!("{scheme}://{authority}{tail}"))
}

/// The message in a webhook's parameters: `MessageSid`, `From`, `To` and `Body` are
/// required (`Body` may be empty, as for a picture with no words).
pub fn inbound_from_params<S: AsRef<str>>(params: &[(S, S)]) -> Result<InboundSms, SmsError> {
    let get = |name: &str| -> Result<&str, SmsError> {
        let mut values = params.iter().filter(|(n, _)| n.as_ref() == name);
        let (_, value) = values
            .next()
            .ok_or_else(|| SmsError::bad(format!("{name} is missing")))?;
        if values.next().is_some() {
            return Err(SmsError::bad(format!("{name} is given more than once")));
        }
        Ok(value.as_ref())
    };
    let provider_id = get("MessageSid")?;
    check_provider_id(provider_id, "MessageSid")?;
    let from = get("From")?;
    check_number(from, "From")?;
    let to = get("To")?;
    check_number(to, "To")?;
    let body = get("Body")?;
    check_body(body)?;
    Ok(InboundSms {
        provider_id: provider_id.to_owned(),
        from: from.to_owned(),
        to: to.to_owned(),
        body: body.to_owned(),
    })
}

/// A TwiML response sending each of `messages`; with none, an empty `<Response/>` so
/// Twilio sends nothing.
pub fn twiml(messages: &[&str]) -> String {
    twiml_of(messages)
}

fn twiml_of<S: AsRef<str>>(messages: &[S]) -> String {
    const DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8"?>"#;
    if messages.is_empty() {
        return format!("{DECLARATION}<Response/>");
    }
    // Room for the tags and a little escaping, so the text is written without regrowing.
    let length = messages
        .iter()
        .map(|m| m.as_ref().len() + 40)
        .sum::<usize>();
    let mut xml = String::with_capacity(DECLARATION.len() + 21 + length);
    xml.push_str(DECLARATION);
    xml.push_str("<Response>");
    for message in messages {
        xml.push_str("<Message>");
        push_xml_escaped(&mut xml, message.as_ref());
        xml.push_str("</Message>");
    }
    xml.push_str("</Response>");
    xml
}

/// Escapes text for XML content or attributes; drops characters XML 1.0 cannot hold.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_xml_escaped(&mut out, text);
    out
}

/// [`xml_escape`], writing to `out`: runs that need nothing are copied whole.
fn push_xml_escaped(out: &mut String, text: &str) {
    let mut copied = 0;
    for (i, c) in text.char_indices() {
        let escaped = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&apos;",
            '\t' | '\n' | '\r' => continue,
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => "",
            _ => continue,
        };
        out.push_str(&text[copied..i]);
        out.push_str(escaped);
        copied = i + c.len_utf8();
    }
    out.push_str(&text[copied..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderMap;

    const URL: &str = "https://mycompany.com/myapp.php?foo=1&bar=2";

    fn example() -> Vec<(String, String)> {
        [
            ("CallSid", "CA1234567890ABCDE"),
            ("Caller", "+12349013030"),
            ("Digits", "1234"),
            ("From", "+12349013030"),
            ("To", "+18005551212"),
        ]
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect()
    }

    #[test]
    fn twilio_published_example() {
        // https://www.twilio.com/docs/usage/security#validating-requests
        assert_eq!(
            signature("12345", URL, &example()),
            "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
        );
        assert!(signature_matches(
            "12345",
            URL,
            &example(),
            "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
        ));
        // Order of the parameters as sent does not matter.
        let mut reversed = example();
        reversed.reverse();
        assert!(signature_matches(
            "12345",
            URL,
            &reversed,
            "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
        ));
    }

    #[test]
    fn tampering_fails() {
        let good = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";
        let mut params = example();
        params[2].1 = "1235".into();
        assert!(!signature_matches("12345", URL, &params, good));
        assert!(!signature_matches(
            "12345",
            "https://mycompany.com/myapp.php?foo=1&bar=3",
            &example(),
            good
        ));
        assert!(!signature_matches("12346", URL, &example(), good));
        let mut extra = example();
        extra.push(("Body".into(), "hi".into()));
        assert!(!signature_matches("12345", URL, &extra, good));
        assert!(!signature_matches("12345", URL, &example(), ""));
        assert!(!signature_matches("12345", URL, &example(), "not base64!"));
        assert!(!signature_matches(
            "12345",
            URL,
            &example(),
            "0/KCTR6DLpKmkAf8muzZqo1nDgA="
        ));
    }

    #[test]
    fn port_is_tried_both_ways() {
        let with_port = "https://mycompany.com:443/myapp.php?foo=1&bar=2";
        let sig = signature("12345", with_port, &example());
        assert!(signature_matches("12345", URL, &example(), &sig));
        let sig = signature("12345", URL, &example());
        assert!(signature_matches("12345", with_port, &example(), &sig));
        assert_eq!(
            other_port_form("http://[::1]/x").as_deref(),
            Some("http://[::1]:80/x")
        );
        assert_eq!(other_port_form("http://h:8080/x"), None);
        assert_eq!(
            other_port_form("https://h?q=1").as_deref(),
            Some("https://h:443?q=1")
        );
    }

    #[test]
    fn form_round_trip_and_errors() {
        let body = b"MessageSid=SM1&From=%2B447700900123&Body=Hello+there%21+%C5%BC&Empty=&Bare";
        let params = parse_form(body).unwrap();
        assert_eq!(params[1], ("From".into(), "+447700900123".into()));
        assert_eq!(params[2], ("Body".into(), "Hello there! ż".into()));
        assert_eq!(params[3], ("Empty".into(), "".into()));
        assert_eq!(params[4], ("Bare".into(), "".into()));
        assert_eq!(
            form_encode(&[("Body", "a b&c=ż+")]),
            "Body=a+b%26c%3D%C5%BC%2B"
        );
        let bad = |b: &[u8]| match parse_form(b) {
            Err(SmsError::BadRequest(reason)) => reason,
            other => panic!("{other:?}"),
        };
        assert_eq!(bad(b"Body=%C5"), "a parameter is not valid UTF-8");
        assert_eq!(bad(b"Body=\xff"), "a parameter is not valid UTF-8");
        assert_eq!(bad(b"Body=100%"), "malformed percent-encoding");
        assert_eq!(bad(b"Body=%zz"), "malformed percent-encoding");
        assert!(bad(&vec![b'a'; MAX_WEBHOOK_BYTES + 1]).contains("larger"));
        assert!(bad("a=1&".repeat(MAX_PARAMS + 1).as_bytes()).contains("parameters"));
    }

    fn params(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn inbound_needs_sid_from_to_and_body() {
        let full = [
            ("MessageSid", "SM0123456789abcdef0123456789abcdef"),
            ("From", "+447700900123"),
            ("To", "+447700900999"),
            ("Body", "2"),
            ("NumMedia", "0"),
        ];
        let sms = inbound_from_params(&params(&full)).unwrap();
        assert_eq!(sms.provider_id, "SM0123456789abcdef0123456789abcdef");
        assert_eq!(sms.from, "+447700900123");
        assert_eq!(sms.body, "2");
        for missing in ["MessageSid", "From", "To", "Body"] {
            let without: Vec<_> = full
                .iter()
                .filter(|(n, _)| *n != missing)
                .copied()
                .collect();
            assert_eq!(
                inbound_from_params(&params(&without)),
                Err(SmsError::BadRequest(format!("{missing} is missing")))
            );
        }
        let mut twice = full.to_vec();
        twice.push(("Body", "3"));
        assert!(inbound_from_params(&params(&twice)).is_err());
        let long = "a".repeat(MAX_SMS_CHARS + 1);
        let mut overlong = full.to_vec();
        overlong[3] = ("Body", &long);
        assert!(inbound_from_params(&params(&overlong)).is_err());
        let mut bad_sid = full.to_vec();
        bad_sid[0] = ("MessageSid", "SM 1");
        assert!(inbound_from_params(&params(&bad_sid)).is_err());
        let mut empty_from = full.to_vec();
        empty_from[1] = ("From", "");
        assert!(inbound_from_params(&params(&empty_from)).is_err());
        let mut empty_body = full.to_vec();
        empty_body[3] = ("Body", "");
        assert_eq!(inbound_from_params(&params(&empty_body)).unwrap().body, "");
    }

    fn gateway() -> Twilio {
        Twilio::new(
            "AC0123456789abcdef0123456789abcdef",
            Secret::new("12345"),
            Sender::Number("+447700900999".into()),
        )
        .unwrap()
    }

    #[test]
    fn gateway_checks_then_parses() {
        let body = "MessageSid=SM1&From=%2B447700900123&To=%2B447700900999&Body=Two%21";
        let url = "https://heard.example/sms/twilio";
        let sig = signature("12345", url, &parse_form(body.as_bytes()).unwrap());
        let mut headers = HeaderMap::new();
        headers.insert(SIGNATURE_HEADER, sig.parse().unwrap());
        let request = WebhookRequest {
            url,
            headers: &headers,
            body: body.as_bytes(),
        };
        let sms = gateway().parse_inbound(&request).unwrap();
        assert_eq!(sms.body, "Two!");

        let tampered = body.replace("Two", "One");
        let request = WebhookRequest {
            body: tampered.as_bytes(),
            ..request
        };
        assert_eq!(
            gateway().parse_inbound(&request),
            Err(SmsError::Unauthorised)
        );
        let no_header = HeaderMap::new();
        let request = WebhookRequest {
            headers: &no_header,
            body: body.as_bytes(),
            ..request
        };
        assert_eq!(
            gateway().parse_inbound(&request),
            Err(SmsError::Unauthorised)
        );
    }

    #[test]
    fn settings_are_checked() {
        let token = || Secret::new("t");
        let number = || Sender::Number("+447700900999".into());
        assert!(Twilio::new("AC123", token(), number()).is_err());
        assert!(Twilio::new("ACzz23456789abcdef0123456789abcdef", token(), number()).is_err());
        assert!(Twilio::new(
            "AC0123456789abcdef0123456789abcdef",
            Secret::new(""),
            number()
        )
        .is_err());
        let shown = format!(
            "{:?}",
            Twilio::new(
                "AC0123456789abcdef0123456789abcdef",
                Secret::new("sekrit"),
                number()
            )
            .unwrap()
        );
        assert!(!shown.contains("sekrit"), "{shown}");
    }

    #[test]
    fn twiml_escapes() {
        assert_eq!(
            twiml(&[]),
            r#"<?xml version="1.0" encoding="UTF-8"?><Response/>"#
        );
        assert_eq!(
            twiml(&["Reply 1 & 2 <now> \"ok\" 'yes'\u{7}"]),
            r#"<?xml version="1.0" encoding="UTF-8"?><Response><Message>Reply 1 &amp; 2 &lt;now&gt; &quot;ok&quot; &apos;yes&apos;</Message></Response>"#
        );
        let reply = gateway().inline_reply(&["Hi\nthere".to_owned()]).unwrap();
        assert_eq!(reply.status, StatusCode::OK);
        assert!(reply
            .body
            .ends_with("<Message>Hi\nthere</Message></Response>"));
        assert!(gateway()
            .inline_reply(&[])
            .unwrap()
            .body
            .ends_with("<Response/>"));
    }

    #[test]
    fn escaping_copies_runs_and_agrees_with_escaping_each_character() {
        fn plain(text: &str) -> String {
            let mut out = String::new();
            for c in text.chars() {
                match c {
                    '&' => out.push_str("&amp;"),
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    '"' => out.push_str("&quot;"),
                    '\'' => out.push_str("&apos;"),
                    '\t' | '\n' | '\r' => out.push(c),
                    c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
                    c => out.push(c),
                }
            }
            out
        }
        for text in [
            "",
            "plain",
            "&",
            "a&b<c>d\"e'f",
            "\u{7}start and end\u{0}",
            "tab\tline\nreturn\r",
            "żółć & نعم \u{85}\u{9F} \u{FFFE}\u{FFFF}\u{FFFD} 😀'",
            "<<>>&&''\"\"",
        ] {
            assert_eq!(xml_escape(text), plain(text), "{text:?}");
            assert_eq!(
                twiml(&[text, "x"]),
                format!(
                    r#"<?xml version="1.0" encoding="UTF-8"?><Response><Message>{}</Message><Message>x</Message></Response>"#,
                    plain(text)
                )
            );
        }
    }

    #[test]
    fn signature_is_of_the_url_and_sorted_parameters_joined() {
        // As Twilio documents it: one string, HMAC-SHA1, Base64.
        let joined = |url: &str, params: &[(String, String)]| {
            let mut sorted: Vec<_> = params.iter().collect();
            sorted.sort();
            sorted.dedup();
            let mut s = url.to_owned();
            for (name, value) in sorted {
                s.push_str(name);
                s.push_str(value);
            }
            let mut mac = HmacSha1::new_from_slice(b"12345").unwrap();
            mac.update(s.as_bytes());
            BASE64.encode(mac.finalize().into_bytes())
        };
        let mut params = example();
        params.push(("Body".into(), "ż & b".into()));
        params.push(("Body".into(), "a".into()));
        params.push(("Caller".into(), "+12349013030".into()));
        for params in [example(), params, Vec::new()] {
            assert_eq!(signature("12345", URL, &params), joined(URL, &params));
        }
    }

    #[test]
    fn percent_encoding_takes_only_hex_digits() {
        assert_eq!(hex_byte(b"4a"), Some(0x4a));
        assert_eq!(hex_byte(b"FF"), Some(0xff));
        for bad in [&b"+1"[..], b"-1", b"1", b"g0", b" 1", b"123"] {
            assert_eq!(hex_byte(bad), None, "{bad:?}");
        }
        assert!(form_decode(b"a%+1b").is_err());
    }

    /// What has nothing to decode is given back as it is, as decoding it would give.
    #[test]
    fn form_decoding_agrees_with_decoding_every_escape() {
        use rand::{rngs::StdRng, Rng, SeedableRng};
        const BYTES: &[u8] = b"ab=&+%2BC5c5zz\xc5\xbc\xff ";
        let mut rng = StdRng::seed_from_u64(3);
        for _ in 0..20_000 {
            let len = rng.gen_range(0..16);
            let value: Vec<u8> = (0..len)
                .map(|_| BYTES[rng.gen_range(0..BYTES.len())])
                .filter(|&b| b != b'&' && b != b'=')
                .collect();
            assert_eq!(
                form_decode(&value).map(Cow::into_owned),
                decode_escapes(&value),
                "{value:?}"
            );
        }
    }

    #[test]
    fn send_request_posts_the_form() {
        let request = gateway()
            .with_api_base("http://127.0.0.1:9/")
            .send_request("+447700900123", "Hello & bye", None, 0)
            .unwrap();
        assert_eq!(
            request.url,
            "http://127.0.0.1:9/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json"
        );
        assert_eq!(
            request.body,
            "To=%2B447700900123&From=%2B447700900999&Body=Hello+%26+bye"
        );
        let auth = &request.headers[0];
        assert_eq!(auth.0, "Authorization");
        let decoded = BASE64
            .decode(auth.1.strip_prefix("Basic ").unwrap())
            .unwrap();
        assert_eq!(decoded, b"AC0123456789abcdef0123456789abcdef:12345");

        let service = Twilio::new(
            "AC0123456789abcdef0123456789abcdef",
            Secret::new("12345"),
            Sender::MessagingService("MG1".into()),
        )
        .unwrap();
        let request = service
            .send_request("+447700900123", "Hi", None, 0)
            .unwrap();
        assert!(request.body.contains("&MessagingServiceSid=MG1&"));
        assert!(service.send_request("", "Hi", None, 0).is_err());
        assert!(service.send_request("+447700900123", " ", None, 0).is_err());
    }
}
