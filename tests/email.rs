//! The email channel end to end: the webhook, a real IMAP mailbox (Dovecot) and a real SMTP
//! server (aiosmtpd) capturing the acknowledgements, on both backends.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use common::mail::{Dovecot, SmtpCapture};
use common::mail_corpus::{corpus, school_transport_source};
use common::{database_bytes, spawn_app_with, TestApp, TestBackend};
use heard::channels::email::imap::{poll_once, PollReport};
use heard::config::ImapConfig;
use heard::domain::AnswerValue;
use heard::privacy::Secret;
use heard::store::SubmissionId;
use mail_parser::MessageParser;
use serde_json::Value;

const TOKEN: &str = "webhook-token-0123456789abcdef";

async fn app(backend: TestBackend, smtp: Option<&SmtpCapture>) -> TestApp {
    let smtp_url = smtp.map(|s| s.url());
    let mut extra = vec![("HEARD_EMAIL_WEBHOOK_TOKEN", TOKEN)];
    if let Some(url) = &smtp_url {
        extra.push(("HEARD_SMTP_URL", url.as_str()));
        extra.push((
            "HEARD_MAIL_FROM",
            "Devon SEND views <views@heard.devon.example>",
        ));
    }
    let app = spawn_app_with(backend, &extra).await;
    heard::startup::load_consultation(&app.state.store, &school_transport_source())
        .await
        .unwrap();
    app
}

async fn post(app: &TestApp, raw: &[u8], token: Option<&str>) -> (u16, Value) {
    let mut request = app
        .client
        .post(app.url("/webhooks/email"))
        .header("content-type", "message/rfc822")
        .body(raw.to_vec());
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn email(from: &str, subject: &str, id: &str, extra: &str, body: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: views@heard.devon.example\r\nSubject: {subject}\r\nMessage-ID: <{id}>\r\nDate: Tue, 24 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n{extra}Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    )
    .into_bytes()
}

async fn count(app: &TestApp) -> i64 {
    app.state
        .store
        .submission_count("four-cornerstones")
        .await
        .unwrap()
        + app
            .state
            .store
            .submission_count("school-transport")
            .await
            .unwrap()
}

/// The view a webhook answer names, as stored.
async fn stored_view(app: &TestApp, answer: &Value) -> heard::domain::Submission {
    let id = SubmissionId(answer["submission"].as_i64().unwrap());
    app.state
        .store
        .submission(id, &app.state.areas)
        .await
        .unwrap()
        .unwrap()
}

/// A view's free-text answers.
fn texts(view: &heard::domain::Submission) -> Vec<&str> {
    view.answers
        .iter()
        .filter_map(|a| match &a.value {
            AnswerValue::Text(t) => Some(t.as_str()),
            _ => None,
        })
        .collect()
}

fn parse(raw: &[u8]) -> mail_parser::Message<'_> {
    MessageParser::default().parse(raw).unwrap()
}

fn header<'a>(message: &'a mail_parser::Message<'a>, name: &str) -> String {
    message
        .header_raw(name)
        .unwrap_or_default()
        .trim()
        .to_owned()
}

fn recipient(raw: &[u8]) -> String {
    // The capture server records the SMTP envelope's recipients first.
    let text = String::from_utf8_lossy(raw);
    text.lines()
        .next()
        .and_then(|l| l.strip_prefix("X-Test-Rcpt-To: "))
        .unwrap_or_default()
        .to_owned()
}

async fn webhook_answers_404_401_400_and_stores_once(backend: TestBackend) {
    let raw = std::fs::read(common::mail_corpus::corpus_dir().join("base64.eml")).unwrap();
    // No token set: the route does not exist.
    let closed = spawn_app_with(backend.clone(), &[]).await;
    assert_eq!(post(&closed, &raw, Some(TOKEN)).await.0, 404);
    closed.stop().await;

    // The webhook's own body limit.
    let small = spawn_app_with(
        backend.clone(),
        &[
            ("HEARD_EMAIL_WEBHOOK_TOKEN", TOKEN),
            ("HEARD_EMAIL_MAX_BYTES", "2048"),
        ],
    )
    .await;
    let mut big = raw.clone();
    big.extend(std::iter::repeat_n(b'a', 4096));
    assert_eq!(post(&small, &big, Some(TOKEN)).await.0, 413);
    small.stop().await;

    let app = app(backend, None).await;
    assert_eq!(post(&app, &raw, None).await.0, 401, "missing token");
    assert_eq!(
        post(&app, &raw, Some("webhook-token-0123456789abcdeX"))
            .await
            .0,
        401
    );
    let basic = app
        .client
        .post(app.url("/webhooks/email"))
        .header("authorization", format!("Basic {TOKEN}"))
        .body(raw.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(basic.status().as_u16(), 401, "wrong scheme");
    assert_eq!(count(&app).await, 0);

    for junk in [
        &b"hello, this is not an email"[..],
        b"",
        b"{\"json\": true}",
        b"\x00\xff\xfe binary",
    ] {
        assert_eq!(post(&app, junk, Some(TOKEN)).await.0, 400, "{junk:?}");
    }

    let (status, body) = post(&app, &raw, Some(TOKEN)).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["new"], true);
    // The provider retries (it never saw our answer): stored once.
    let (status, again) = post(&app, &raw, Some(TOKEN)).await;
    assert_eq!((status, &again["new"]), (200, &Value::Bool(false)));
    assert_eq!(again["submission"], body["submission"]);
    assert_eq!(count(&app).await, 1);

    // Without a Message-ID the message's own bytes identify it.
    let no_id = std::fs::read(common::mail_corpus::corpus_dir().join("no_message_id.eml")).unwrap();
    assert_eq!(post(&app, &no_id, Some(TOKEN)).await.0, 201);
    assert_eq!(post(&app, &no_id, Some(TOKEN)).await.0, 200);
    assert_eq!(count(&app).await, 2);
    app.stop().await;
}

/// Every corpus email through the webhook: stored as its `.toml` says, automatic mail
/// ignored, one acknowledgement per sender, and no sender's address or name in the database.
async fn corpus_through_the_webhook(backend: TestBackend) {
    let smtp = SmtpCapture::start();
    let app = app(backend.clone(), Some(&smtp)).await;
    let mut expected_acks = BTreeSet::new();
    let mut senders = Vec::new();
    for (name, raw, expected) in corpus() {
        let (status, body) = post(&app, &raw, Some(TOKEN)).await;
        let message = parse(&raw);
        let from = message.from().and_then(|a| a.first()).unwrap();
        let address = from.address.as_deref().unwrap().to_lowercase();
        senders.push((
            address.clone(),
            from.name.as_deref().unwrap_or_default().to_owned(),
        ));
        if !expected.stored {
            assert_eq!(
                (status, body["status"].as_str()),
                (200, Some("ignored")),
                "{name}"
            );
            continue;
        }
        assert_eq!(status, 201, "{name}: {body}");
        if expected.may_reply {
            expected_acks.insert(address);
        }
        let stored = stored_view(&app, &body).await;
        assert_eq!(
            stored.consultation.as_str(),
            expected.consultation,
            "{name}"
        );
        assert_eq!(
            stored.area.as_ref().map(|a| a.to_string()),
            expected.area,
            "{name}"
        );
        assert_eq!(
            stored.group.map(|g| g.id().to_owned()),
            expected.group,
            "{name}"
        );
        assert_eq!(stored.flagged, expected.flagged, "{name}");
        assert!(stored.respondent.is_some(), "{name}: known by pseudonym");
        assert_eq!(texts(&stored), vec![expected.text.trim_end()], "{name}");
    }

    // One acknowledgement to each person who may be answered, however many they sent.
    let acks = smtp.wait_for(expected_acks.len());
    let mut by_recipient: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for raw in &acks {
        let to = recipient(raw);
        assert!(
            by_recipient.insert(to.clone(), raw.clone()).is_none(),
            "two acks to one sender"
        );
    }
    assert_eq!(
        by_recipient.keys().cloned().collect::<BTreeSet<_>>(),
        expected_acks
    );
    for (to, raw) in &by_recipient {
        let ack = parse(raw);
        assert_eq!(header(&ack, "Auto-Submitted"), "auto-replied");
        assert!(ack.message_id().unwrap().starts_with("heard-ack-"));
        // A reply to the message, where it had an id to reply to.
        let threaded = !header(&ack, "In-Reply-To").is_empty();
        assert_eq!(threaded, to != "ben.hext@mail.example", "{to}");
        assert_eq!(ack.text_body_count(), 1);
        assert_eq!(ack.html_body_count(), 1);
        let html = ack.body_html(0).unwrap();
        assert!(html.contains("<p>"));
    }
    let body = |address: &str| {
        let raw = &by_recipient[address];
        let ack = parse(raw);
        (
            ack.subject().unwrap_or_default().to_owned(),
            ack.body_text(0).unwrap().into_owned(),
            header(&ack, "Content-Language"),
        )
    };
    let (subject, text, lang) = body("a.nowak@poczta.example");
    assert_eq!(lang, "pl");
    assert!(subject.contains("Dziękujemy"), "{subject}");
    assert!(text.contains("Nie zapisujemy"), "{text}");
    let (_, text, lang) = body("omar.haddad@mail.example");
    assert_eq!(lang, "ar");
    assert!(text.contains("المناطق هي"), "asks for the area: {text}");
    let (_, text, _) = body("ellie.h.2013@mail.example");
    assert!(text.contains("0800 1111") && text.contains("999"), "{text}");
    assert!(text.contains("It sounds like things are hard"), "{text}");
    let (_, text, _) = body("rachel.coombe@mail.example");
    assert!(text.contains("We did not keep it"), "{text}");
    assert!(!text.contains("The areas are"), "area known: {text}");
    let (_, text, _) = body("gemma.bright@icloud.example");
    assert!(text.contains("Thank you for your email"), "{text}");

    // The database holds no sender's address, local part or name.
    let dir = app.stop().await;
    if matches!(backend, TestBackend::Sqlite) {
        let bytes = String::from_utf8_lossy(&database_bytes(dir.path())).into_owned();
        for (address, name) in senders {
            let local = address.split('@').next().unwrap();
            assert!(
                !bytes.to_lowercase().contains(&address),
                "address {address} stored"
            );
            // A role's mailbox ("senco@") names no one; its word may be in what they wrote.
            let role_mailbox = matches!(local, "senco" | "office" | "head" | "admin" | "info");
            assert!(
                role_mailbox || !bytes.to_lowercase().contains(local),
                "local part {local} stored"
            );
            // A mailing list's name is not a person's (and "Devon" is in every consultation).
            if address.contains("lists.") {
                continue;
            }
            for part in name
                .split(|c: char| !c.is_alphanumeric())
                .filter(|p| p.len() >= 3)
            {
                let word = regex::Regex::new(&format!(r"\b{}\b", regex::escape(part))).unwrap();
                assert!(!word.is_match(&bytes), "name {part} stored");
            }
        }
    }
}

/// Asked for their area, the sender replies; the reply sets the area of the first view.
async fn area_reply_joins_the_same_view(backend: TestBackend) {
    let smtp = SmtpCapture::start();
    let app = app(backend, Some(&smtp)).await;
    let from = "Gemma Bright <gemma.bright@icloud.example>";
    let first = email(
        from,
        "Views",
        "first-1@icloud.example",
        "",
        "More help in the school holidays please.",
    );
    let (status, body) = post(&app, &first, Some(TOKEN)).await;
    assert_eq!(status, 201);
    let id = SubmissionId(body["submission"].as_i64().unwrap());
    let ack = smtp.wait_for(1).remove(0);
    let ack_message = parse(&ack);
    let text = ack_message.body_text(0).unwrap();
    assert!(
        text.contains("Please reply to this email with the name of your area"),
        "{text}"
    );
    let ack_id = ack_message.message_id().unwrap().to_owned();

    // A new view from them, not a reply and longer than an answer, stays a view of its own
    // even though it names a place.
    let other = email(
        from,
        "Another view",
        "other-2@icloud.example",
        "",
        "The speech and language therapy waiting list in Exeter is far too long for little ones.",
    );
    assert_eq!(post(&app, &other, Some(TOKEN)).await.0, 201);
    let first_view = app
        .state
        .store
        .submission(id, &app.state.areas)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(first_view.area, None);

    // A short message with words of risk is a view of its own, flagged, never an answer.
    let risk = email(
        from,
        "Views",
        "risk-3@icloud.example",
        "",
        "We are in Torridge and I want to die.",
    );
    let (status, body) = post(&app, &risk, Some(TOKEN)).await;
    assert_eq!(status, 201, "{body}");
    let risk_view = stored_view(&app, &body).await;
    assert!(risk_view.flagged);

    // Replying to the acknowledgement, quoting it, names the area by postcode.
    let reply = email(
        from,
        "Re: Thank you for your view",
        "reply-2@icloud.example",
        &format!("In-Reply-To: <{ack_id}>\r\nReferences: <first-1@icloud.example> <{ack_id}>\r\n"),
        "We live at EX39 3BD, I am his mum.\r\n\r\nOn Tue, 24 Nov 2026 at 10:00, Devon SEND views <views@heard.devon.example> wrote:\r\n> Thank you for your email. We got your view.\r\n> We do not know which area you live in.\r\n",
    );
    let (status, body) = post(&app, &reply, Some(TOKEN)).await;
    assert_eq!(
        (status, body["status"].as_str()),
        (200, Some("joined")),
        "{body}"
    );
    assert_eq!(SubmissionId(body["submission"].as_i64().unwrap()), id);
    // Read again: nothing changes, and no new view.
    assert_eq!(post(&app, &reply, Some(TOKEN)).await.1["status"], "joined");
    assert_eq!(count(&app).await, 3);
    let stored = app
        .state
        .store
        .submission(id, &app.state.areas)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        stored.area.map(|a| a.to_string()).as_deref(),
        Some("torridge")
    );
    assert_eq!(stored.group.map(|g| g.id()), Some("parent-carer"));

    // Answered: a later email from them is a new view.
    let later = email(
        from,
        "another thing",
        "later-3@icloud.example",
        "",
        "Also the playground needs a quiet corner in Torridge.",
    );
    assert_eq!(post(&app, &later, Some(TOKEN)).await.0, 201);
    assert_eq!(count(&app).await, 4);
    // Still one acknowledgement today.
    assert_eq!(smtp.messages().len(), 1);

    // Tomorrow, a new email is acknowledged again.
    app.state.clock.advance(Duration::from_secs(24 * 3600));
    let tomorrow = email(
        from,
        "Views",
        "next-day-4@icloud.example",
        "",
        "One more thought from Exeter.",
    );
    assert_eq!(post(&app, &tomorrow, Some(TOKEN)).await.0, 201);
    assert_eq!(smtp.wait_for(2).len(), 2);
    app.stop().await;
}

/// SMTP down: the view is stored all the same, and the webhook says so.
async fn smtp_down_still_stores(backend: TestBackend) {
    let port = common::mail::free_port();
    let url = format!("smtp://127.0.0.1:{port}");
    let app = spawn_app_with(
        backend,
        &[
            ("HEARD_EMAIL_WEBHOOK_TOKEN", TOKEN),
            ("HEARD_SMTP_URL", url.as_str()),
            ("HEARD_MAIL_FROM", "views@heard.devon.example"),
        ],
    )
    .await;
    let raw = std::fs::read(common::mail_corpus::corpus_dir().join("windows1252.eml")).unwrap();
    let (status, body) = post(&app, &raw, Some(TOKEN)).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(count(&app).await, 1);
    app.stop().await;
}

fn imap_config(dovecot: &Dovecot) -> ImapConfig {
    ImapConfig {
        host: "127.0.0.1".into(),
        port: dovecot.port,
        tls: false,
        starttls: false,
        extra_roots: Default::default(),
        user: dovecot.user.clone(),
        password: Secret::new(dovecot.password.clone()),
        folder: "INBOX".into(),
        processed_folder: "heard processed".into(),
        poll_secs: 1,
    }
}

/// A real mailbox: every unseen message is stored, then moved to the processed folder;
/// automatic mail is moved aside unstored; a second round finds nothing.
async fn imap_mailbox_end_to_end(backend: TestBackend) {
    let dovecot = Dovecot::start();
    let smtp = SmtpCapture::start();
    let app = app(backend, Some(&smtp)).await;
    let chosen = [
        "gmail_reply_quoted",
        "outlook_reply_history",
        "windows1252",
        "attachment_pdf",
        "polish",
        "auto_reply",
        "bounce",
    ];
    let all = corpus();
    for name in chosen {
        let (_, raw, _) = all.iter().find(|(n, _, _)| n == name).unwrap();
        dovecot.deliver(raw);
    }
    assert_eq!(dovecot.count("INBOX"), 7);
    let imap = imap_config(&dovecot);
    let report = poll_once(&app.state, &imap).await.unwrap();
    assert_eq!(
        report,
        PollReport {
            stored: 5,
            ignored: 2,
            kept: 0
        }
    );
    assert_eq!(count(&app).await, 5);
    assert_eq!(dovecot.count("INBOX"), 0);
    assert_eq!(dovecot.count("heard processed"), 7);
    // Each person got one acknowledgement (Sarah's auto-reply got none).
    assert_eq!(smtp.wait_for(5).len(), 5);
    assert_eq!(
        poll_once(&app.state, &imap).await.unwrap(),
        PollReport::default()
    );

    // A message that arrives later is picked up by the next round.
    let (_, raw, _) = all.iter().find(|(n, _, _)| n == "html_only").unwrap();
    dovecot.deliver(raw);
    assert_eq!(poll_once(&app.state, &imap).await.unwrap().stored, 1);
    assert_eq!(count(&app).await, 6);
    app.stop().await;
}

/// IMAP over implicit TLS to a server whose certificate comes from a private CA, read from
/// the settings as heard reads them: refused (nothing stored, nothing moved) while the CA is
/// not trusted, read once `HEARD_IMAP_CA_FILE` names it.
async fn imap_over_tls_trusts_the_configured_ca(backend: TestBackend) {
    let dovecot = Dovecot::start_tls();
    let app = app(backend, None).await;
    let all = corpus();
    let (_, raw, _) = all.iter().find(|(n, _, _)| n == "windows1252").unwrap();
    dovecot.deliver(raw);
    let imap_from = |settings: &[(String, String)]| {
        let pairs: Vec<(&str, &str)> = settings
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        common::test_config(&app.dir, &app.database_url, &pairs)
            .email
            .imap
            .expect("the mailbox is set")
    };
    let mut settings = dovecot.settings("heard processed");
    assert!(settings.contains(&("HEARD_IMAP_TLS".into(), "true".into())));

    // Only the public roots: the handshake fails, and says why.
    let untrusted = imap_from(&settings);
    assert!(untrusted.tls && untrusted.extra_roots.0.is_empty());
    let err = poll_once(&app.state, &untrusted)
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("TLS failed"), "{err}");
    assert!(err.contains("UnknownIssuer"), "{err}");
    assert!(err.contains("HEARD_IMAP_CA_FILE"), "{err}");
    assert_eq!(count(&app).await, 0);
    assert_eq!(dovecot.count("INBOX"), 1);

    // With the council's CA trusted, by address and by name.
    let ca = dovecot.ca_file.as_ref().unwrap().display().to_string();
    settings.push(("HEARD_IMAP_CA_FILE".into(), ca));
    let trusted = imap_from(&settings);
    assert_eq!(trusted.extra_roots.0.len(), 1);
    let report = poll_once(&app.state, &trusted).await.unwrap();
    assert_eq!(report.stored, 1, "{report:?}");
    assert_eq!(count(&app).await, 1);
    assert_eq!(dovecot.count("INBOX"), 0);
    assert_eq!(dovecot.count("heard processed"), 1);
    settings.retain(|(k, _)| k != "HEARD_IMAP_HOST");
    settings.push(("HEARD_IMAP_HOST".into(), "localhost".into()));
    let by_name = imap_from(&settings);
    assert_eq!(
        poll_once(&app.state, &by_name).await.unwrap(),
        PollReport::default()
    );

    // STARTTLS on the plain port, with the same CA.
    let (_, raw, _) = all.iter().find(|(n, _, _)| n == "polish").unwrap();
    dovecot.deliver(raw);
    settings.retain(|(k, _)| k != "HEARD_IMAP_TLS" && k != "HEARD_IMAP_PORT");
    settings.push(("HEARD_IMAP_TLS".into(), "starttls".into()));
    let port = dovecot.starttls_port.unwrap().to_string();
    settings.push(("HEARD_IMAP_PORT".into(), port));
    let starttls = imap_from(&settings);
    assert!(starttls.tls && starttls.starttls);
    assert_eq!(poll_once(&app.state, &starttls).await.unwrap().stored, 1);
    assert_eq!(count(&app).await, 2);
    assert_eq!(dovecot.count("heard processed"), 2);
    app.stop().await;
}

/// Control characters (PostgreSQL cannot store NUL) and invisible ones are taken out of
/// what is kept, and cannot hide a phone number from the scrubber.
async fn control_characters_are_not_kept(backend: TestBackend) {
    let app = app(backend, None).await;
    let raw = email(
        "Jo Bloggs <jo@example.com>",
        "four cornerstones\u{0}",
        "nul@example.com",
        "",
        "The waiting lists\u{0} are too long.\u{7} Ring me on 07700\u{200b}900\u{0}123.",
    );
    let (status, body) = post(&app, &raw, Some(TOKEN)).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(
        texts(&stored_view(&app, &body).await),
        ["The waiting lists are too long. Ring me on [phone number removed]."]
    );
    app.stop().await;
}

on_both_backends!(
    webhook_answers_404_401_400_and_stores_once,
    corpus_through_the_webhook,
    area_reply_joins_the_same_view,
    smtp_down_still_stores,
    imap_mailbox_end_to_end,
    imap_over_tls_trusts_the_configured_ca,
    control_characters_are_not_kept,
);
