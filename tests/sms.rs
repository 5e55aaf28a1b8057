//! The SMS channel end to end, through real HTTP on loopback: Twilio webhooks signed as
//! Twilio signs them, GOV.UK Notify callbacks, and a fake Notify API (a real HTTP server in
//! the test) that checks every reply's token and payload as Notify would.

mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::{Json, Router};
use base64::engine::general_purpose::{STANDARD as BASE64, URL_SAFE_NO_PAD as BASE64URL};
use base64::Engine;
use common::{database_bytes, spawn_app_with, TestApp, TestBackend};
use heard::domain::AnswerValue;
use hmac::{Hmac, Mac};
use serde_json::{json, Value};

const PUBLIC_URL: &str = "https://heard.example.org";
const TWILIO_TOKEN: &str = "12345678901234567890abcdefabcdef";
const INBOUND_TOKEN: &str = "notify-inbound-token-0123456789";
const SERVICE_ID: &str = "26785a09-ab16-4eb0-8407-a37497a57506";
const KEY_SECRET: &str = "3d844edf-8d35-48ac-975b-e847b4f122b0";
const TEMPLATE_ID: &str = "f33517ff-2a88-4f6e-b855-c550268ce08a";
const OUR_NUMBER: &str = "+447700900000";
const SLUG: &str = "four-cornerstones";

// ---------------------------------------------------------------------------------------
// A fake GOV.UK Notify API

#[derive(Debug, Clone)]
struct Sent {
    phone_number: String,
    body: String,
}

#[derive(Default)]
struct FakeNotifyState {
    up: AtomicBool,
    sent: Mutex<Vec<Sent>>,
    problems: Mutex<Vec<String>>,
    count: Mutex<Option<tokio::sync::watch::Sender<usize>>>,
}

struct FakeNotify {
    url: String,
    state: Arc<FakeNotifyState>,
    count: tokio::sync::watch::Receiver<usize>,
}

impl FakeNotify {
    async fn start() -> FakeNotify {
        let (tx, rx) = tokio::sync::watch::channel(0);
        let state = Arc::new(FakeNotifyState {
            up: AtomicBool::new(true),
            count: Mutex::new(Some(tx)),
            ..FakeNotifyState::default()
        });
        let app = Router::new()
            .route("/v2/notifications/sms", post(fake_send))
            .with_state(state.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        FakeNotify {
            url,
            state,
            count: rx,
        }
    }

    fn set_up(&self, up: bool) {
        self.state.up.store(up, Ordering::SeqCst);
    }

    fn sent(&self) -> Vec<Sent> {
        self.state.sent.lock().unwrap().clone()
    }

    fn sent_to(&self, number: &str) -> Vec<String> {
        self.sent()
            .into_iter()
            .filter(|s| s.phone_number == number)
            .map(|s| s.body)
            .collect()
    }

    /// Waits (bounded) until `n` texts in all have been accepted.
    async fn wait_for(&self, n: usize) {
        let mut count = self.count.clone();
        let reached = tokio::time::timeout(Duration::from_secs(20), count.wait_for(|c| *c >= n));
        assert!(
            reached.await.is_ok(),
            "expected {n} texts at the fake Notify, got {}: {:?}",
            self.sent().len(),
            self.sent()
        );
        self.assert_no_problems();
    }

    fn assert_no_problems(&self) {
        let problems = self.state.problems.lock().unwrap().clone();
        assert!(problems.is_empty(), "the fake Notify saw: {problems:?}");
    }
}

/// Checks a request as GOV.UK Notify does: a HS256 JWT from the API key, `iss` the
/// service id, `iat` within 30 seconds; JSON with the number, template and `body`.
async fn fake_send(
    State(state): State<Arc<FakeNotifyState>>,
    headers: HeaderMap,
    body: String,
) -> (StatusCode, Json<Value>) {
    let problem = |state: &FakeNotifyState, what: String| {
        state.problems.lock().unwrap().push(what.clone());
        (
            StatusCode::FORBIDDEN,
            Json(json!({"errors": [{"error": what}]})),
        )
    };
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let Some(token) = auth.strip_prefix("Bearer ") else {
        return problem(&state, "no bearer token".into());
    };
    let parts: Vec<&str> = token.split('.').collect();
    if parts.len() != 3 {
        return problem(&state, "token is not a JWT".into());
    }
    let header: Value =
        serde_json::from_slice(&BASE64URL.decode(parts[0]).unwrap_or_default()).unwrap_or_default();
    if header["alg"] != "HS256" || header["typ"] != "JWT" {
        return problem(&state, format!("bad JWT header {header}"));
    }
    let claims: Value =
        serde_json::from_slice(&BASE64URL.decode(parts[1]).unwrap_or_default()).unwrap_or_default();
    if claims["iss"] != SERVICE_ID {
        return problem(&state, format!("iss is {}", claims["iss"]));
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    if (claims["iat"].as_i64().unwrap_or(0) - now).abs() > 30 {
        return problem(&state, format!("iat {} is not now", claims["iat"]));
    }
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(KEY_SECRET.as_bytes()).unwrap();
    mac.update(format!("{}.{}", parts[0], parts[1]).as_bytes());
    if BASE64URL.encode(mac.finalize().into_bytes()) != parts[2] {
        return problem(&state, "JWT signature does not match".into());
    }
    if !state.up.load(Ordering::SeqCst) {
        return (
            StatusCode::INTERNAL_SERVER_ERROR,
            Json(json!({"errors": [{"error": "Exception"}]})),
        );
    }
    let Ok(payload) = serde_json::from_str::<Value>(&body) else {
        return problem(&state, "body is not JSON".into());
    };
    if payload["template_id"] != TEMPLATE_ID {
        return problem(&state, format!("template_id {}", payload["template_id"]));
    }
    let text = payload["personalisation"]["body"].as_str().unwrap_or("");
    if text.trim().is_empty() || text.chars().count() > 918 {
        return problem(
            &state,
            format!("body of {} characters", text.chars().count()),
        );
    }
    if text.contains(['\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}']) {
        return problem(&state, "curly quotes in a text".into());
    }
    let phone = payload["phone_number"].as_str().unwrap_or("").to_owned();
    if phone.is_empty() {
        return problem(&state, "no phone_number".into());
    }
    let n = {
        let mut sent = state.sent.lock().unwrap();
        sent.push(Sent {
            phone_number: phone,
            body: text.to_owned(),
        });
        sent.len()
    };
    if let Some(tx) = state.count.lock().unwrap().as_ref() {
        let _ = tx.send(n);
    }
    (
        StatusCode::CREATED,
        Json(json!({
            "id": uuid::Uuid::new_v4().to_string(),
            "reference": payload["reference"],
            "content": {"body": text, "from_number": "heard"},
            "template": {"id": TEMPLATE_ID, "version": 1, "uri": "https://example.invalid"}
        })),
    )
}

// ---------------------------------------------------------------------------------------
// Helpers

async fn spawn(backend: TestBackend, notify: &FakeNotify) -> TestApp {
    let api_key = format!("heard-test-{SERVICE_ID}-{KEY_SECRET}");
    spawn_app_with(
        backend,
        &[
            ("HEARD_PUBLIC_URL", PUBLIC_URL),
            ("HEARD_TWILIO_AUTH_TOKEN", TWILIO_TOKEN),
            ("HEARD_NOTIFY_INBOUND_TOKEN", INBOUND_TOKEN),
            ("HEARD_NOTIFY_API_KEY", &api_key),
            ("HEARD_NOTIFY_TEMPLATE_ID", TEMPLATE_ID),
            ("HEARD_NOTIFY_BASE_URL", &notify.url),
        ],
    )
    .await
}

fn message_sid() -> String {
    format!("SM{}", uuid::Uuid::new_v4().simple())
}

/// Twilio's signature: HMAC-SHA1 of the URL and each parameter's name and value, sorted.
fn twilio_signature(url: &str, params: &[(&str, &str)]) -> String {
    let mut sorted = params.to_vec();
    sorted.sort();
    let mut data = url.to_owned();
    for (name, value) in sorted {
        data.push_str(name);
        data.push_str(value);
    }
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(TWILIO_TOKEN.as_bytes()).unwrap();
    mac.update(data.as_bytes());
    BASE64.encode(mac.finalize().into_bytes())
}

fn twilio_params<'a>(sid: &'a str, from: &'a str, body: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("AccountSid", "AC0123456789abcdef0123456789abcdef"),
        ("ApiVersion", "2010-04-01"),
        ("Body", body),
        ("From", from),
        ("FromCountry", "GB"),
        ("MessageSid", sid),
        ("NumMedia", "0"),
        ("NumSegments", "1"),
        ("SmsMessageSid", sid),
        ("SmsSid", sid),
        ("SmsStatus", "received"),
        ("To", OUR_NUMBER),
    ]
}

/// A form body by hand, for a request whose Content-Type the test sets itself.
fn form_body(params: &[(&str, &str)]) -> String {
    let encode = |s: &str| -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect()
    };
    params
        .iter()
        .map(|(n, v)| format!("{}={}", encode(n), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Sends a signed Twilio webhook; returns (status, body).
async fn twilio_raw(app: &TestApp, sid: &str, from: &str, body: &str) -> (u16, String) {
    let params = twilio_params(sid, from, body);
    let signature = twilio_signature(&format!("{PUBLIC_URL}/webhooks/sms/twilio"), &params);
    let response = app
        .client
        .post(app.url("/webhooks/sms/twilio"))
        .header("x-twilio-signature", signature)
        .form(&params)
        .send()
        .await
        .unwrap();
    (
        response.status().as_u16(),
        response.text().await.unwrap_or_default(),
    )
}

/// Texts `body` from `from` through Twilio and returns the texts in the TwiML reply.
async fn twilio_text(app: &TestApp, from: &str, body: &str) -> Vec<String> {
    let (status, xml) = twilio_raw(app, &message_sid(), from, body).await;
    assert_eq!(status, 200, "{xml}");
    twiml_messages(&xml)
}

fn twiml_messages(xml: &str) -> Vec<String> {
    assert!(xml.starts_with("<?xml"), "{xml}");
    xml.split("<Message>")
        .skip(1)
        .map(|m| {
            m.split("</Message>")
                .next()
                .unwrap()
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&")
        })
        .collect()
}

async fn notify_raw(app: &TestApp, id: &str, from: &str, body: &str) -> (u16, String) {
    let response = app
        .client
        .post(app.url("/webhooks/sms/notify"))
        .bearer_auth(INBOUND_TOKEN)
        .json(&json!({
            "id": id,
            "source_number": from,
            "destination_number": "07700900000",
            "message": body,
            "date_received": "2026-11-24T18:00:00.000000Z"
        }))
        .send()
        .await
        .unwrap();
    (
        response.status().as_u16(),
        response.text().await.unwrap_or_default(),
    )
}

async fn notify_text(app: &TestApp, from: &str, body: &str) {
    let (status, text) = notify_raw(app, &uuid::Uuid::new_v4().to_string(), from, body).await;
    assert!(status == 204 || status == 200, "{status} {text}");
}

async fn submissions(app: &TestApp) -> Vec<heard::domain::Submission> {
    let mut all = Vec::new();
    for id in app.state.store.submission_ids(SLUG).await.unwrap() {
        all.push(
            app.state
                .store
                .submission(id, &app.state.areas)
                .await
                .unwrap()
                .unwrap(),
        );
    }
    all
}

/// Waits (bounded) for the outbox to delete what the fake has accepted: it deletes a
/// text just after the gateway's answer.
async fn outbox_empties(app: &TestApp) {
    for _ in 0..200 {
        if app.state.store.outbox_depth().await.unwrap() == 0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("the outbox still holds texts");
}

fn answer<'a>(submission: &'a heard::domain::Submission, question: &str) -> &'a AnswerValue {
    &submission
        .answers
        .iter()
        .find(|a| a.question.as_str() == question)
        .unwrap_or_else(|| panic!("no answer to {question}: {:?}", submission.answers))
        .value
}

/// The whole demo consultation's answers, in order, with a free answer that carries
/// a phone number the scrubber must take out.
const ANSWERS: &[&str] = &[
    "2",
    "four",
    "Yes!",
    "no",
    "More help at school please. Ring me on 07700 900555 if you like.",
    "EX4 4QJ",
    "I am a parent",
];

fn check_stored(submission: &heard::domain::Submission) {
    assert_eq!(submission.channel.id(), "sms");
    assert_eq!(
        answer(submission, "welcome"),
        &AnswerValue::Choice(slug("sometimes"))
    );
    match answer(submission, "listened-to") {
        AnswerValue::Feeling(f) => assert_eq!(f.value(), 4),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        answer(submission, "explained"),
        &AnswerValue::Choice(slug("yes"))
    );
    assert_eq!(
        answer(submission, "asked"),
        &AnswerValue::Choice(slug("no"))
    );
    match answer(submission, "better-together") {
        AnswerValue::Text(t) => {
            assert!(t.as_str().contains("More help at school"), "{t:?}");
            assert!(!t.as_str().contains("900555"), "{t:?}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(submission.area.as_ref().map(|a| a.as_str()), Some("exeter"));
    assert_eq!(submission.group.map(|g| g.id()), Some("parent-carer"));
    assert!(!submission.flagged);
}

fn slug(s: &str) -> heard::domain::consultation::Slug {
    heard::domain::consultation::Slug::parse(s).unwrap()
}

/// No form of a phone number appears in the database files.
fn assert_no_numbers(dir: &std::path::Path, numbers: &[&str]) {
    let bytes = database_bytes(dir);
    assert!(!bytes.is_empty());
    let text = String::from_utf8_lossy(&bytes);
    for number in numbers {
        let digits: String = number.chars().filter(char::is_ascii_digit).collect();
        let national = format!("0{}", &digits[2..]);
        for form in [
            number.to_string(),
            digits.clone(),
            national,
            digits[2..].to_string(),
        ] {
            assert!(!text.contains(&form), "the database holds {form}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Scenarios, each on SQLite and PostgreSQL

async fn twilio_conversation_is_stored(backend: TestBackend) {
    let notify = FakeNotify::start().await;
    let app = spawn(backend.clone(), &notify).await;
    let from = "+447700900123";

    let first = twilio_text(&app, from, "views").await;
    assert_eq!(first.len(), 2, "{first:?}");
    assert!(first[0].contains("not know who you are") && first[0].contains("Reply STOP to stop"));
    assert!(first[1].contains("welcome") && first[1].contains("Reply 1, 2, 3 or 4."));

    let mut last = Vec::new();
    for (i, text) in ANSWERS.iter().enumerate() {
        last = twilio_text(&app, from, text).await;
        if i + 1 < ANSWERS.len() {
            assert_eq!(last.len(), 1, "after {text:?}: {last:?}");
        }
    }
    assert!(last.last().unwrap().starts_with("Thank you."), "{last:?}");
    for reply in &last {
        assert!(heard::channels::sms::gsm::is_gsm7(reply), "{reply}");
    }

    let stored = submissions(&app).await;
    assert_eq!(stored.len(), 1);
    check_stored(&stored[0]);

    // Texting again after finishing says so, and stores nothing new.
    let again = twilio_text(&app, from, "hello").await;
    assert!(again[0].contains("already"), "{again:?}");
    assert_eq!(submissions(&app).await.len(), 1);

    let dir = app.stop().await;
    if matches!(backend, TestBackend::Sqlite) {
        assert_no_numbers(dir.path(), &[from, "+447700900555"]);
    }
}

/// What someone says before the questions, and after them, is stored: the first text with
/// the free-text answer, a later one as a view of its own with the same area and group.
async fn a_view_texted_before_or_after_the_questions_is_kept(backend: TestBackend) {
    let notify = FakeNotify::start().await;
    let app = spawn(backend.clone(), &notify).await;
    let from = "+447700900124";

    let first = twilio_text(
        &app,
        from,
        "The school taxi is late every day. Call me on 07700 900124",
    )
    .await;
    assert_eq!(first.len(), 3, "{first:?}");
    assert!(first[0].starts_with("Thank you. We have kept"), "{first:?}");
    let mut asked = Vec::new();
    for text in ANSWERS {
        asked.push(twilio_text(&app, from, text).await);
    }
    // The free-text question (after the fourth answer) says their words are kept already.
    assert!(
        asked[3][0].starts_with("We have kept what you told us before."),
        "{asked:?}"
    );
    assert!(!asked[2][0].contains("told us before"), "{asked:?}");
    let stored = submissions(&app).await;
    assert_eq!(stored.len(), 1);
    match answer(&stored[0], "better-together") {
        AnswerValue::Text(t) => {
            assert!(
                t.as_str().starts_with("The school taxi is late every day."),
                "{t:?}"
            );
            assert!(t.as_str().contains("More help at school"), "{t:?}");
            assert!(!t.as_str().contains("900124"), "{t:?}");
        }
        other => panic!("{other:?}"),
    }

    let more = twilio_text(&app, from, "Also the speech therapy wait is two years long").await;
    assert!(more[0].starts_with("Thank you. We have added"), "{more:?}");
    let thanks = twilio_text(&app, from, "thanks very much").await;
    assert!(thanks[0].contains("already"), "{thanks:?}");
    let stored = submissions(&app).await;
    assert_eq!(stored.len(), 2, "{stored:?}");
    let added = stored
        .iter()
        .find(|s| s.answers.len() == 1)
        .expect("the view added after finishing");
    assert_eq!(added.area.as_ref().map(|a| a.as_str()), Some("exeter"));
    assert_eq!(added.group.map(|g| g.id()), Some("parent-carer"));
    match answer(added, "better-together") {
        AnswerValue::Text(t) => assert!(t.as_str().contains("speech therapy"), "{t:?}"),
        other => panic!("{other:?}"),
    }
    app.stop().await;
}

async fn notify_conversation_is_stored(backend: TestBackend) {
    let notify = FakeNotify::start().await;
    let app = spawn(backend.clone(), &notify).await;
    // As Notify gives it: international, without the `+`. Replies go back to it as given.
    let from = "447700900234";
    let e164 = "+447700900234";

    notify_text(&app, from, "Hi").await;
    notify.wait_for(2).await;
    let mut expected = 2;
    for text in ANSWERS {
        notify_text(&app, from, text).await;
        expected += 1;
        notify.wait_for(expected).await;
    }
    let texts = notify.sent_to(from);
    assert_eq!(texts.len(), expected, "{texts:?}");
    assert!(texts[0].contains("not know who you are"), "{texts:?}");
    assert!(texts.last().unwrap().starts_with("Thank you."), "{texts:?}");
    let stored = submissions(&app).await;
    assert_eq!(stored.len(), 1);
    check_stored(&stored[0]);
    outbox_empties(&app).await;

    let dir = app.stop().await;
    if matches!(backend, TestBackend::Sqlite) {
        assert_no_numbers(dir.path(), &[e164, "+447700900555"]);
    }
}

type Form<'a> = Vec<(&'a str, &'a str)>;

async fn bad_signatures_are_refused_and_nothing_is_stored(backend: TestBackend) {
    let notify = FakeNotify::start().await;
    let app = spawn(backend.clone(), &notify).await;
    let from = "+447700900321";
    let sid = message_sid();
    let params = twilio_params(&sid, from, "views");
    let url = format!("{PUBLIC_URL}/webhooks/sms/twilio");
    let good = twilio_signature(&url, &params);

    // A changed body, a different URL, no signature at all.
    let mut tampered = params.clone();
    tampered.retain(|(n, _)| *n != "Body");
    tampered.push(("Body", "VIEWS"));
    let cases: Vec<(Form, Option<String>)> = vec![
        (tampered, Some(good.clone())),
        (
            params.clone(),
            Some(twilio_signature(
                "https://heard.example.org/webhooks/sms/twilio?x=1",
                &params,
            )),
        ),
        (
            params.clone(),
            Some(twilio_signature(
                "https://evil.example/webhooks/sms/twilio",
                &params,
            )),
        ),
        (params.clone(), None),
    ];
    for (form, signature) in cases {
        let mut request = app.client.post(app.url("/webhooks/sms/twilio")).form(&form);
        if let Some(signature) = signature {
            request = request.header("x-twilio-signature", signature);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status().as_u16(), 403);
    }
    // Notify: no token, a wrong token.
    for token in [None, Some("not-the-token-at-all")] {
        let mut request = app
            .client
            .post(app.url("/webhooks/sms/notify"))
            .json(&json!({
                "id": uuid::Uuid::new_v4().to_string(),
                "source_number": from,
                "destination_number": "07700900000",
                "message": "views",
            }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        assert_eq!(request.send().await.unwrap().status().as_u16(), 403);
    }
    assert_eq!(app.state.store.outbox_depth().await.unwrap(), 0);
    assert!(notify.sent().is_empty());

    // Nothing was stored: the genuine message is still a first message.
    let (status, xml) = twilio_raw(&app, &sid, from, "views").await;
    assert_eq!(status, 200);
    assert!(
        twiml_messages(&xml)[0].contains("not know who you are"),
        "{xml}"
    );

    // Signed for the address actually called (HEARD_PUBLIC_URL not matching it) also passes.
    let local_sid = message_sid();
    let local = twilio_params(&local_sid, "+447700900322", "views");
    let response = app
        .client
        .post(app.url("/webhooks/sms/twilio"))
        .header(
            "x-twilio-signature",
            twilio_signature(&app.url("/webhooks/sms/twilio"), &local),
        )
        .form(&local)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);

    // Malformed bodies get 400 with a reason.
    let garbage = app
        .client
        .post(app.url("/webhooks/sms/twilio"))
        .header("x-twilio-signature", "abc")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(vec![0xff, 0xfe, b'=', 0x80])
        .send()
        .await
        .unwrap();
    assert_eq!(garbage.status().as_u16(), 400);
    assert!(!garbage.text().await.unwrap().is_empty());
    let no_sid: Vec<(&str, &str)> = params
        .iter()
        .copied()
        .filter(|(n, _)| !n.ends_with("Sid") || *n == "AccountSid")
        .collect();
    let signed = twilio_signature(&url, &no_sid);
    let response = app
        .client
        .post(app.url("/webhooks/sms/twilio"))
        .header("x-twilio-signature", signed)
        .form(&no_sid)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);
    assert!(response.text().await.unwrap().contains("MessageSid"));
    let (status, reason) = notify_raw(&app, "not-a-uuid", from, "hi").await;
    assert_eq!(status, 400, "{reason}");
    let response = app
        .client
        .post(app.url("/webhooks/sms/notify"))
        .bearer_auth(INBOUND_TOKEN)
        .header("content-type", "application/json")
        .body("{\"id\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);

    // A body labelled as another format is refused with 415, however it is signed; a
    // charset after the right type is fine.
    let json_sid = message_sid();
    let json_params = twilio_params(&json_sid, "+447700900323", "views");
    let response = app
        .client
        .post(app.url("/webhooks/sms/twilio"))
        .header("x-twilio-signature", twilio_signature(&url, &json_params))
        .header("content-type", "application/json")
        .body(form_body(&json_params))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 415);
    let response = app
        .client
        .post(app.url("/webhooks/sms/twilio"))
        .header("x-twilio-signature", twilio_signature(&url, &json_params))
        .header(
            "content-type",
            "Application/X-WWW-Form-Urlencoded; charset=UTF-8",
        )
        .body(form_body(&json_params))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let response = app
        .client
        .post(app.url("/webhooks/sms/notify"))
        .bearer_auth(INBOUND_TOKEN)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("id=1&message=views")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 415);
    app.stop().await;
}

async fn stop_help_start_and_restart(backend: TestBackend) {
    let notify = FakeNotify::start().await;
    let app = spawn(backend.clone(), &notify).await;
    let from = "+447700900345";

    notify_text(&app, from, "VIEWS").await;
    notify_text(&app, from, "1").await;
    notify.wait_for(3).await;

    notify_text(&app, from, "help").await;
    notify.wait_for(4).await;
    let help = notify.sent_to(from)[3].clone();
    assert!(
        help.contains("STOP") && help.contains("Devon County Council"),
        "{help}"
    );

    // STOP: nothing is sent, then or after, whatever they text.
    notify_text(&app, from, " Stop ").await;
    for text in ["3", "hello", "HELP", "RESTART"] {
        notify_text(&app, from, text).await;
    }
    // Replies are queued in the same transaction as the 2xx: none queued, none to come.
    // The help text's row goes just after the fake accepts it.
    outbox_empties(&app).await;
    assert_eq!(notify.sent_to(from).len(), 4);

    // START: welcome back, and the question they were on (the second).
    notify_text(&app, from, "start").await;
    notify.wait_for(6).await;
    let texts = notify.sent_to(from);
    assert!(texts[4].contains("Welcome back"), "{texts:?}");
    assert!(texts[5].contains("listened"), "{texts:?}");

    // RESTART: from the first question again.
    notify_text(&app, from, "restart").await;
    notify.wait_for(8).await;
    let texts = notify.sent_to(from);
    assert!(texts[6].contains("start again"), "{texts:?}");
    assert!(texts[7].contains("welcome"), "{texts:?}");
    assert!(submissions(&app).await.is_empty());

    // Twilio: STOP gets an empty response, and later texts too.
    let twilio_from = "+447700900346";
    twilio_text(&app, twilio_from, "hi").await;
    assert!(twilio_text(&app, twilio_from, "STOP").await.is_empty());
    assert!(twilio_text(&app, twilio_from, "2").await.is_empty());
    assert_eq!(twilio_text(&app, twilio_from, "START").await.len(), 2);

    // Asking in so many words stops too: nothing is sent after it.
    let asked = "+447700900347";
    twilio_text(&app, asked, "hi").await;
    assert!(twilio_text(&app, asked, "please stop texting me")
        .await
        .is_empty());
    assert!(twilio_text(&app, asked, "2").await.is_empty());
    app.stop().await;
}

async fn retried_webhooks_store_one_answer_and_send_one_reply(backend: TestBackend) {
    let notify = FakeNotify::start().await;
    let app = spawn(backend.clone(), &notify).await;

    // Twilio, five times in a row and five at once: the same TwiML each time.
    let from = "+447700900456";
    twilio_text(&app, from, "views").await;
    let sid = message_sid();
    let mut bodies = Vec::new();
    for _ in 0..5 {
        bodies.push(twilio_raw(&app, &sid, from, "2").await);
    }
    let at_once = futures_join(
        (0..5)
            .map(|_| {
                let sid = sid.clone();
                let app = &app;
                async move { twilio_raw(app, &sid, from, "2").await }
            })
            .collect(),
    )
    .await;
    bodies.extend(at_once);
    for (status, body) in &bodies {
        assert_eq!(*status, 200);
        assert_eq!(body, &bodies[0].1);
    }
    assert!(bodies[0].1.contains("listened"), "{}", bodies[0].1);
    // One answer: the next text answers the second question, not the third.
    let next = twilio_text(&app, from, "5").await;
    assert!(
        next[0].contains("explained") || next[0].contains("explain"),
        "{next:?}"
    );

    // Notify, five at once then five more: one reply sent.
    let from = "+447700900457";
    notify_text(&app, from, "views").await;
    notify.wait_for(2).await;
    let id = uuid::Uuid::new_v4().to_string();
    let statuses = futures_join(
        (0..5)
            .map(|_| {
                let id = id.clone();
                let app = &app;
                async move { notify_raw(app, &id, from, "1").await.0 }
            })
            .collect(),
    )
    .await;
    for _ in 0..5 {
        assert_eq!(notify_raw(&app, &id, from, "1").await.0, 204);
    }
    assert!(statuses.iter().all(|s| *s == 204), "{statuses:?}");
    notify.wait_for(3).await;
    outbox_empties(&app).await;
    assert_eq!(notify.sent_to(from).len(), 3);

    // Two different texts from one person at once: each answers its own question, in
    // turn, so neither question is skipped nor answered twice.
    tokio::join!(notify_text(&app, from, "3"), notify_text(&app, from, "2"));
    notify.wait_for(5).await;
    let texts = notify.sent_to(from);
    assert!(texts[3].contains("explain"), "{texts:?}");
    assert!(
        texts[4].contains("asked") || texts[4].contains("ask"),
        "{texts:?}"
    );
    app.stop().await;
}

async fn futures_join<F: std::future::Future>(futures: Vec<F>) -> Vec<F::Output> {
    futures::future::join_all(futures).await
}

async fn gateway_down_keeps_replies_sealed_until_it_returns(backend: TestBackend) {
    let notify = FakeNotify::start().await;
    notify.set_up(false);
    let app = spawn(backend.clone(), &notify).await;
    let from = "+447700900567";

    notify_text(&app, from, "views").await;
    notify_text(&app, from, "1").await;
    // Each webhook was answered 204 with its replies committed to the outbox.
    assert_eq!(app.state.store.outbox_depth().await.unwrap(), 3);
    // Let the outbox try (and fail) once.
    app.state.sms.outbox.wake();
    let pass = app
        .state
        .sms
        .outbox
        .send_due(&app.state.store, &app.state.sms.gateways, &app.state.clock)
        .await
        .unwrap();
    assert_eq!(pass.sent, 0);
    assert!(notify.sent().is_empty());
    assert_eq!(app.state.store.outbox_depth().await.unwrap(), 3);
    if matches!(backend, TestBackend::Sqlite) {
        assert_no_numbers(app.dir.path(), &[from]);
    }

    notify.set_up(true);
    app.state.clock.advance(Duration::from_secs(3600));
    app.state.sms.outbox.wake();
    notify.wait_for(3).await;
    let texts = notify.sent_to(from);
    assert!(texts[0].contains("not know who you are"), "{texts:?}");
    assert!(texts[2].contains("listened"), "{texts:?}");
    // Sent texts and their numbers are gone.
    outbox_empties(&app).await;

    // A text that cannot be sent within 48 hours is given up, number and all.
    notify.set_up(false);
    notify_text(&app, from, "2").await;
    assert_eq!(app.state.store.outbox_depth().await.unwrap(), 1);
    app.state.clock.advance(Duration::from_secs(49 * 3600));
    app.state
        .sms
        .outbox
        .send_due(&app.state.store, &app.state.sms.gateways, &app.state.clock)
        .await
        .unwrap();
    assert_eq!(app.state.store.outbox_depth().await.unwrap(), 0);
    app.stop().await;
}

async fn safeguarding_words_get_a_signpost_and_a_flag(backend: TestBackend) {
    let notify = FakeNotify::start().await;
    let app = spawn(backend.clone(), &notify).await;
    let from = "+447700900678";
    twilio_text(&app, from, "views").await;
    for text in &ANSWERS[..4] {
        twilio_text(&app, from, text).await;
    }
    let replies = twilio_text(&app, from, "my stepdad hits me and I am scared to go home").await;
    assert!(
        replies[0].contains("0800 1111") && replies[0].contains("999"),
        "{replies:?}"
    );
    assert!(
        replies[1].contains("Reply"),
        "the next question follows: {replies:?}"
    );
    // The lead hears of it now, with what came before, not when the questions are done.
    let stored = submissions(&app).await;
    assert_eq!(stored.len(), 1);
    assert!(stored[0].flagged);
    let words = |s: &heard::domain::Submission| {
        s.answers
            .iter()
            .filter_map(|a| match &a.value {
                AnswerValue::Text(t) => Some(t.as_str().to_owned()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(words(&stored[0]).contains("hits me"), "{:?}", stored[0]);
    assert_eq!(stored[0].area, None, "not asked yet");
    assert!(
        stored[0].answers.len() >= 4,
        "the answers before it: {:?}",
        stored[0]
    );
    let first: Vec<String> = stored[0]
        .answers
        .iter()
        .map(|a| a.question.to_string())
        .collect();
    for text in &ANSWERS[5..] {
        twilio_text(&app, from, text).await;
    }
    // The rest (the area and the group) fills in the same view at the end: one
    // conversation, one view, still flagged, with the words stored first.
    let stored = submissions(&app).await;
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert!(stored[0].flagged);
    assert!(words(&stored[0]).contains("hits me"));
    assert!(first.iter().all(|q| stored[0]
        .answers
        .iter()
        .any(|a| &a.question.to_string() == q)));
    assert_eq!(stored[0].group.map(|g| g.id()), Some("parent-carer"));
    assert!(stored[0].area.is_some(), "{:?}", stored[0]);
    assert_eq!(
        app.state.store.submission_count(SLUG).await.unwrap(),
        1,
        "counted once"
    );
    // Words added after the end by the same texter are the lead's to read too.
    twilio_text(
        &app,
        from,
        "and my sister goes to the school in Holsworthy too",
    )
    .await;
    let stored = submissions(&app).await;
    assert_eq!(stored.len(), 2);
    assert!(stored[1].flagged, "{:?}", stored[1]);
    app.stop().await;
}

async fn unclear_replies_are_asked_again_once(backend: TestBackend) {
    let notify = FakeNotify::start().await;
    let app = spawn(backend.clone(), &notify).await;
    let from = "+447700900789";
    twilio_text(&app, from, "views").await;
    let again = twilio_text(&app, from, "purple").await;
    assert!(again[0].starts_with("Sorry") && again[0].contains("Reply 1, 2, 3 or 4."));
    let on = twilio_text(&app, from, "purple").await;
    assert!(on[0].contains("next question"), "{on:?}");
    assert!(on[1].contains("listened"), "{on:?}");
    // An area that spans districts is asked about; the pick is by number.
    for text in ["3", "yes", "no", "skip"] {
        twilio_text(&app, from, text).await;
    }
    let pick = twilio_text(&app, from, "EX1").await;
    assert!(pick[0].contains("1 "), "{pick:?}");
    let group = twilio_text(&app, from, "1").await;
    assert!(group[0].contains("Reply"), "{group:?}");
    twilio_text(&app, from, "15").await;
    let stored = submissions(&app).await;
    assert_eq!(stored.len(), 1);
    assert!(stored[0].area.is_some());
    assert_eq!(stored[0].group.map(|g| g.id()), Some("young-person"));
    assert_eq!(answer(&stored[0], "welcome"), &AnswerValue::Skipped);
    app.stop().await;
}

async fn silent_conversations_are_kept_then_closed(backend: TestBackend) {
    let notify = FakeNotify::start().await;
    let app = spawn(backend.clone(), &notify).await;
    let from = "+447700900890";
    twilio_text(&app, from, "views").await;
    twilio_text(&app, from, "1").await;
    // A day later they carry on where they were.
    app.state.clock.advance(Duration::from_secs(24 * 3600));
    let next = twilio_text(&app, from, "5").await;
    assert!(next[0].contains("explain"), "{next:?}");
    // After 30 days of silence the answers given are stored, and the next text starts anew.
    app.state.clock.advance(Duration::from_secs(31 * 24 * 3600));
    let swept = heard::channels::sms::inbound::sweep(&app.state)
        .await
        .unwrap();
    assert_eq!(swept, 1);
    let stored = submissions(&app).await;
    assert_eq!(stored.len(), 1);
    assert_eq!(
        answer(&stored[0], "welcome"),
        &AnswerValue::Choice(slug("yes"))
    );
    let fresh = twilio_text(&app, from, "hello").await;
    assert!(fresh[0].contains("not know who you are"), "{fresh:?}");
    app.stop().await;
}

async fn gateways_without_settings_answer_404(backend: TestBackend) {
    let app = spawn_app_with(backend, &[]).await;
    for path in ["/webhooks/sms/twilio", "/webhooks/sms/notify"] {
        let response = app
            .client
            .post(app.url(path))
            .body("x")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 404, "{path}");
    }
    app.stop().await;
}

/// Webhooks on PostgreSQL keep the consultations between messages; one saved by another
/// instance must still count from the next message on.
async fn a_consultation_saved_elsewhere_counts_from_the_next_text(backend: TestBackend) {
    let notify = FakeNotify::start().await;
    let app = spawn(backend.clone(), &notify).await;
    let first = twilio_text(&app, "+447700900301", "views").await;
    assert!(first.iter().any(|t| t.contains("welcome")), "{first:?}");

    // The version kept with the list is the database's, or every text would read the
    // list again.
    let (kept, _) = app.state.store.listed_consultations(true).await.unwrap();
    let seen = app.state.store.consultations_version().await.unwrap();
    assert_eq!(kept, seen);

    let url = heard::config::DatabaseUrl::parse(&app.database_url).unwrap();
    let other = heard::store::Store::connect(&url, 2).await.unwrap();
    let source = heard::domain::consultation::DEMO_SOURCE;
    let closed = source.replace("closes_on = 2027-03-31", "closes_on = 2026-11-02");
    assert_ne!(closed, source);
    heard::startup::load_consultation(&other, &closed)
        .await
        .unwrap();

    let after = twilio_text(&app, "+447700900302", "views").await;
    assert!(
        after
            .iter()
            .any(|t| t.contains("no questions to answer right now")),
        "{after:?}"
    );
    assert!(!after.iter().any(|t| t.contains("welcome")), "{after:?}");
    if !matches!(backend, TestBackend::Sqlite) {
        // SQLite's writer reads the list in each group's transaction instead.
        let (kept, _) = app.state.store.listed_consultations(false).await.unwrap();
        assert!(kept > seen, "read again once it changed");
    }
    app.stop().await;
}

/// On PostgreSQL two instances can take texts from one sender at once. A text that waits for
/// its sender's conversation while a STOP (or a START) from them commits elsewhere is answered
/// as that STOP (or START) left things: no reply after STOP, a reply after START.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_text_waiting_on_a_stop_or_start_elsewhere_follows_it() {
    let Some(backend) = TestBackend::postgres() else {
        eprintln!("skipped: set HEARD_TEST_POSTGRES_URL to run on PostgreSQL");
        return;
    };
    let notify = FakeNotify::start().await;
    let app = spawn(backend, &notify).await;
    let from = "+447700900321";
    let first = twilio_text(&app, from, "views").await;
    assert!(first.iter().any(|t| t.contains("welcome")), "{first:?}");

    // Another instance's STOP, caught between taking the conversation and committing.
    let opt_out = "INSERT INTO sms_opt_outs (respondent, since) \
                   SELECT respondent, 0 FROM sms_conversations";
    let (status, xml) = text_while_held(&app, from, "1", opt_out).await;
    assert_eq!(status, 200, "{xml}");
    assert!(
        twiml_messages(&xml).is_empty(),
        "answered after STOP: {xml}"
    );
    assert!(twilio_text(&app, from, "2").await.is_empty());

    // And its START.
    let (status, xml) = text_while_held(&app, from, "1", "DELETE FROM sms_opt_outs").await;
    assert_eq!(status, 200, "{xml}");
    assert!(
        !twiml_messages(&xml).is_empty(),
        "not answered after START: {xml}"
    );
    app.stop().await;
}

/// Sends a text while another transaction holds every conversation's lock and runs
/// `change`; that transaction commits once the text is seen waiting for the lock.
async fn text_while_held(app: &TestApp, from: &str, body: &str, change: &str) -> (u16, String) {
    use sqlx::{Connection, PgConnection};
    let mut holder = PgConnection::connect(&app.database_url).await.unwrap();
    let mut watcher = PgConnection::connect(&app.database_url).await.unwrap();
    let mut held = holder.begin().await.unwrap();
    sqlx::query("SELECT respondent FROM sms_conversations FOR UPDATE")
        .fetch_all(&mut *held)
        .await
        .unwrap();
    sqlx::query(change).execute(&mut *held).await.unwrap();
    let sid = message_sid();
    let text = twilio_raw(app, &sid, from, body);
    let release = async {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
        loop {
            let waiting: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM pg_stat_activity \
                 WHERE datname = current_database() AND wait_event_type = 'Lock'",
            )
            .fetch_one(&mut watcher)
            .await
            .unwrap();
            if waiting > 0 {
                break;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "the text never waited"
            );
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        held.commit().await.unwrap();
    };
    let (answer, ()) = tokio::join!(text, release);
    answer
}

on_both_backends!(
    a_consultation_saved_elsewhere_counts_from_the_next_text,
    a_view_texted_before_or_after_the_questions_is_kept,
    twilio_conversation_is_stored,
    notify_conversation_is_stored,
    bad_signatures_are_refused_and_nothing_is_stored,
    stop_help_start_and_restart,
    retried_webhooks_store_one_answer_and_send_one_reply,
    gateway_down_keeps_replies_sealed_until_it_returns,
    safeguarding_words_get_a_signpost_and_a_flag,
    unclear_replies_are_asked_again_once,
    silent_conversations_are_kept_then_closed,
    gateways_without_settings_answer_404,
);
