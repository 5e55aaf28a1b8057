//! The weekly digest with a real SMTP server (aiosmtpd) capturing what is sent, on both
//! backends: one email per lead with the under-represented districts, voices needed and
//! outreach links that work; a week's run sent once however many instances run it; a run cut
//! short resumes without resending; SMTP down is reported and tried again.

mod common;

use std::collections::BTreeSet;

use common::mail::{free_port, SmtpCapture};
use common::{spawn_app_with, TestApp, TestBackend};
use heard::channels::email::Mailer;
use heard::config::{DatabaseUrl, EmailConfig};
use heard::coverage::digest::{Digest, Outcome, JOB};
use heard::domain::{Channel, RespondentGroup, Submission};
use heard::privacy::Secret;
use heard::staff::{PasswordHash, Role, StaffEmail};
use heard::store::Store;
use mail_parser::MessageParser;

const FROM: &str = "heard digest <digest@heard.devon.example>";
const LEADS: [&str; 3] = [
    "ana.lead@devon.example",
    "ben.lead@devon.example",
    "cat.lead@devon.example",
];
const PERIOD: &str = "2026-12-07";

async fn app(backend: TestBackend, smtp: &SmtpCapture) -> TestApp {
    let url = smtp.url();
    let app = spawn_app_with(
        backend,
        &[
            ("HEARD_SMTP_URL", url.as_str()),
            ("HEARD_MAIL_FROM", FROM),
            ("HEARD_DIGEST_AT", "off"),
        ],
    )
    .await;
    // Three leads, and staff of other roles who must get nothing.
    let hash = PasswordHash::new("a long staff password 42".into())
        .await
        .unwrap();
    for email in LEADS {
        let email = StaffEmail::parse(email).unwrap();
        app.state
            .store
            .add_staff(&email, Role::Lead, &hash)
            .await
            .unwrap();
    }
    for (email, role) in [
        ("admin@devon.example", Role::Admin),
        ("sg@devon.example", Role::Safeguarding),
    ] {
        let email = StaffEmail::parse(email).unwrap();
        app.state
            .store
            .add_staff(&email, role, &hash)
            .await
            .unwrap();
    }
    // Views mostly from Exeter: other districts fall short of their share.
    let today = app.state.clock.today();
    for (area, n) in [("exeter", 40), ("east-devon", 6), ("torridge", 1)] {
        for _ in 0..n {
            let submission = Submission {
                consultation: heard::domain::consultation::Slug::parse("four-cornerstones")
                    .unwrap(),
                channel: Channel::Event,
                area: app.state.areas.id(area),
                group: Some(RespondentGroup::YoungPerson),
                answers: vec![],
                received_on: today,
                provider_ref: None,
                respondent: None,
                outreach: None,
                flagged: false,
            };
            heard::ingest::ingest(&app.state.store, &submission)
                .await
                .unwrap();
        }
    }
    app
}

fn mailer(smtp_url: &str) -> Mailer {
    Mailer::from_config(&EmailConfig {
        webhook_token: None,
        max_bytes: 1 << 20,
        smtp_url: Some(Secret::new(smtp_url)),
        mail_from: Some(FROM.into()),
        imap: None,
    })
    .unwrap()
    .unwrap()
}

/// A digest as one instance of heard would run it, on `store`, sending through `smtp_url`,
/// with links to this test's server.
fn digest(app: &TestApp, store: Store, smtp_url: &str) -> Digest {
    Digest::new(
        store,
        app.state.areas.clone(),
        mailer(smtp_url),
        app.url(""),
        app.state.clock.clone(),
    )
}

/// A second instance's own connection pool on the same database.
async fn second_store(app: &TestApp) -> Store {
    Store::connect(&DatabaseUrl::parse(&app.database_url).unwrap(), 3)
        .await
        .unwrap()
}

fn recipient(raw: &[u8]) -> String {
    String::from_utf8_lossy(raw)
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("X-Test-Rcpt-To: "))
        .unwrap_or_default()
        .to_owned()
}

fn recipients(messages: &[Vec<u8>]) -> Vec<String> {
    let mut all: Vec<String> = messages.iter().map(|m| recipient(m)).collect();
    all.sort();
    all
}

async fn one_email_per_lead_with_areas_voices_and_working_links(backend: TestBackend) {
    let smtp = SmtpCapture::start();
    let app = app(backend, &smtp).await;
    let report = digest(&app, app.state.store.clone(), &smtp.url())
        .send_now()
        .await
        .unwrap();
    assert_eq!(
        (report.sent, report.skipped, report.failed.len()),
        (3, 0, 0)
    );
    let messages = smtp.wait_for(3);
    assert_eq!(recipients(&messages), LEADS, "every lead once, nobody else");

    let coverage = heard::coverage::load(&app.state.store, &app.state.areas, "four-cornerstones")
        .await
        .unwrap()
        .unwrap();
    let mut under: Vec<_> = coverage
        .areas
        .iter()
        .filter(|a| a.status == heard::coverage::Status::Under)
        .collect();
    assert!(under.len() >= 3, "the data leaves districts short");
    under.sort_by(|a, b| {
        b.voices_needed
            .cmp(&a.voices_needed)
            .then(a.name.cmp(&b.name))
    });

    let parsed = MessageParser::default().parse(&messages[0]).unwrap();
    let text = parsed.body_text(0).unwrap().into_owned();
    let html = parsed.body_html(0).unwrap().into_owned();
    assert!(parsed
        .subject()
        .unwrap()
        .contains("Where voices are missing"));
    let mut last_at = 0;
    for area in &under {
        let line = format!("{}: {} more voice", area.name, area.voices_needed);
        let at = text.find(&line).unwrap_or_else(|| panic!("{line}: {text}"));
        assert!(at >= last_at, "most voices needed first: {text}");
        last_at = at;
        let link = app.url(&format!("/c/four-cornerstones?area={}&via=digest", area.id));
        assert!(text.contains(&link), "{link}: {text}");
        assert!(html.contains(&link.replace('&', "&amp;")), "{html}");
        let page = reqwest::get(&link).await.unwrap();
        assert_eq!(page.status(), 200, "{link}");
    }
    assert!(
        !text.contains("Exeter:"),
        "Exeter is not under-represented: {text}"
    );
    // Counts by district only: no one's details.
    assert!(!text.contains("@"), "{text}");

    // `heard digest --now` from the command line always sends, here three more.
    {
        let url = smtp.url();
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_heard"))
            .args(["digest", "--now"])
            .current_dir(app.dir.path())
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HEARD_DATABASE_URL", &app.database_url)
            .env("HEARD_SECRET", common::TEST_SECRET)
            .env("HEARD_SMTP_URL", &url)
            .env("HEARD_MAIL_FROM", FROM)
            .env("HEARD_CONFIG", app.dir.path().join("absent.toml"))
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(String::from_utf8_lossy(&output.stdout).contains("Digest sent to 3 leads"));
        assert_eq!(smtp.wait_for(6).len(), 6);
    }
    app.stop().await;
}

async fn two_instances_send_a_week_once(backend: TestBackend) {
    let smtp = SmtpCapture::start();
    let app = app(backend, &smtp).await;
    let one = digest(&app, app.state.store.clone(), &smtp.url());
    let two = digest(&app, second_store(&app).await, &smtp.url());
    let (a, b) = tokio::join!(one.run_scheduled(PERIOD), two.run_scheduled(PERIOD));
    let outcomes = [a.unwrap(), b.unwrap()];
    let ran: Vec<_> = outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Ran(report) => Some(report.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(ran.len(), 1, "{outcomes:?}");
    assert_eq!(ran[0].sent, 3);
    // Sending is done when run_scheduled returns: the capture keeps a message before it says OK.
    assert_eq!(recipients(&smtp.messages()), LEADS);

    // Either instance, again (the loser retrying, or a restart): nothing more is sent.
    assert_eq!(
        one.run_scheduled(PERIOD).await.unwrap(),
        Outcome::AlreadySent
    );
    assert_eq!(
        two.run_scheduled(PERIOD).await.unwrap(),
        Outcome::AlreadySent
    );
    assert_eq!(smtp.messages().len(), 3);
    // The next week is a run of its own.
    assert!(matches!(
        two.run_scheduled("2026-12-14").await.unwrap(),
        Outcome::Ran(r) if r.sent == 3
    ));
    assert_eq!(smtp.messages().len(), 6);

    // `--now` while another instance holds the lease waits for it, then sends anyway.
    let now = app.state.clock.now().unix_timestamp();
    assert!(app
        .state
        .store
        .take_lease(JOB, "other", now, now + 600)
        .await
        .unwrap());
    let waiting = tokio::spawn(async move { one.send_now().await });
    app.state.store.release_lease(JOB, "other").await.unwrap();
    let report = waiting.await.unwrap().unwrap();
    assert_eq!((report.sent, report.failed.len()), (3, 0));
    assert_eq!(smtp.messages().len(), 9);
    app.stop().await;
}

async fn a_run_cut_short_resumes_without_resending(backend: TestBackend) {
    let smtp = SmtpCapture::start();
    let app = app(backend, &smtp).await;
    let store = &app.state.store;
    let now = app.state.clock.now().unix_timestamp();
    // An instance claimed the week, reached the first lead and died holding the lease.
    store.claim_run(JOB, PERIOD, now).await.unwrap();
    let first = store
        .staff_credentials(&StaffEmail::parse(LEADS[0]).unwrap())
        .await
        .unwrap()
        .unwrap()
        .0;
    store
        .record_run_send(JOB, PERIOD, first, now)
        .await
        .unwrap();
    assert!(store.take_lease(JOB, "died", now, now + 600).await.unwrap());

    let d = digest(&app, store.clone(), &smtp.url());
    // Its lease still runs: nobody else sends meanwhile.
    assert!(matches!(
        d.run_scheduled(PERIOD).await.unwrap(),
        Outcome::Busy { until } if until == now + 600
    ));
    // Once its lease has run out, the week resumes where it stopped.
    store.release_lease(JOB, "died").await.unwrap();
    assert!(store
        .take_lease(JOB, "died", now - 700, now - 100)
        .await
        .unwrap());
    let outcome = d.run_scheduled(PERIOD).await.unwrap();
    assert!(
        matches!(&outcome, Outcome::Ran(r) if r.sent == 2 && r.skipped == 1),
        "{outcome:?}"
    );
    assert_eq!(recipients(&smtp.messages()), LEADS[1..]);
    assert_eq!(d.run_scheduled(PERIOD).await.unwrap(), Outcome::AlreadySent);
    app.stop().await;
}

async fn smtp_down_is_reported_and_tried_again(backend: TestBackend) {
    let smtp = SmtpCapture::start();
    let app = app(backend, &smtp).await;
    let down = digest(
        &app,
        app.state.store.clone(),
        &format!("smtp://127.0.0.1:{}", free_port()),
    );
    let outcome = down.run_scheduled(PERIOD).await.unwrap();
    let Outcome::Ran(report) = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!((report.sent, report.failed.len()), (0, 3));
    let kinds: BTreeSet<_> = report.failed.iter().cloned().collect();
    assert!(
        kinds.iter().all(|k| !k.contains('@')),
        "a kind of failure, never an address: {kinds:?}"
    );
    // The week is not done: once SMTP is back, the next try sends it, once.
    let up = digest(&app, app.state.store.clone(), &smtp.url());
    assert!(matches!(
        up.run_scheduled(PERIOD).await.unwrap(),
        Outcome::Ran(r) if r.sent == 3 && r.failed.is_empty()
    ));
    assert_eq!(
        up.run_scheduled(PERIOD).await.unwrap(),
        Outcome::AlreadySent
    );
    assert_eq!(recipients(&smtp.messages()), LEADS);
    app.stop().await;
}

/// The scheduler `heard serve` starts, started just after a scheduled moment (as after a
/// restart): it sends that week's digest, once, and records the week as done.
async fn the_scheduler_sends_a_just_missed_run(backend: TestBackend) {
    use chrono::{Datelike, Timelike};
    let smtp = SmtpCapture::start();
    let app = app(backend, &smtp).await;
    let uk = (chrono::Utc::now() - chrono::Duration::minutes(2))
        .with_timezone(&chrono_tz::Europe::London);
    let schedule = heard::coverage::digest::Schedule {
        weekday: uk.weekday(),
        time: chrono::NaiveTime::from_hms_opt(uk.hour(), uk.minute(), 0).unwrap(),
    };
    let slot = schedule.latest_at_or_before(chrono::Utc::now());
    let period = heard::coverage::digest::Schedule::period(slot);
    let scheduler =
        tokio::spawn(digest(&app, app.state.store.clone(), &smtp.url()).run_schedule(schedule));
    assert_eq!(recipients(&smtp.wait_for(3)), LEADS);
    let store = app.state.store.clone();
    common::mail::wait_for(
        std::time::Duration::from_secs(20),
        "the week marked done",
        || {
            let store = store.clone();
            let period = period.clone();
            async move {
                store.claim_run(JOB, &period, 0).await.unwrap() == heard::store::RunClaim::Finished
            }
        },
    )
    .await;
    scheduler.abort();
    assert_eq!(smtp.messages().len(), 3);
    app.stop().await;
}

on_both_backends!(
    the_scheduler_sends_a_just_missed_run,
    one_email_per_lead_with_areas_voices_and_working_links,
    two_instances_send_a_week_once,
    a_run_cut_short_resumes_without_resending,
    smtp_down_is_reported_and_tried_again,
);
