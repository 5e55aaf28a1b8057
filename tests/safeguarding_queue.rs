//! The safeguarding queue through the real HTTP server, on both backends: flagged views from
//! the web form and email appear with their words, only the safeguarding role can open it,
//! every action is logged with who did it, forms need their token, and notes are scrubbed.

mod common;

use common::staff::{signed_in, staff_csrf, staff_email};
use common::{browser, fill, spawn_app, spawn_app_with, TestApp, TestBackend};
use heard::staff::Role;
use heard::store::{FlagAction, SubmissionId};

const START: &str = "/c/four-cornerstones";
const TOKEN: &str = "webhook-token-0123456789abcdef";

/// A view through the web form whose free-text answer is `text`; returns its id.
async fn view_via_web(app: &TestApp, text: &str) -> SubmissionId {
    let client = browser();
    let steps: [(&str, &[(&str, &str)]); 3] = [
        ("/q/5", &[("action", "continue"), ("answer", text)]),
        ("/q/6", &[("action", "continue"), ("answer", "exeter")]),
        (
            "/q/7",
            &[("action", "continue"), ("answer", "young-person")],
        ),
    ];
    for (path, fields) in steps {
        fill(app, &client, &format!("{START}{path}"), fields).await;
    }
    let (status, _, _) = fill(app, &client, &format!("{START}/check"), &[]).await;
    assert_eq!(status, 200);
    let ids = app
        .state
        .store
        .submission_ids("four-cornerstones")
        .await
        .unwrap();
    *ids.last().expect("the view was stored")
}

async fn page(client: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let response = client.get(app.url(path)).send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

async fn post(
    client: &reqwest::Client,
    app: &TestApp,
    id: SubmissionId,
    form: &[(&str, &str)],
) -> (u16, String) {
    let response = client
        .post(app.url(&format!("/staff/safeguarding/{}", id.0)))
        .form(form)
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

async fn open_count(app: &TestApp) -> u64 {
    app.state.store.open_flag_count().await.unwrap()
}

async fn flagged_web_and_email_views_appear_with_their_words(backend: TestBackend) {
    let app = spawn_app_with(backend, &[("HEARD_EMAIL_WEBHOOK_TOKEN", TOKEN)]).await;
    let web = view_via_web(&app, "i dont feel safe at home. my dad hits me").await;
    let ordinary = view_via_web(&app, "The forms take too long.").await;
    let raw = std::fs::read(common::mail_corpus::corpus_dir().join("safeguarding.eml")).unwrap();
    let response = app
        .client
        .post(app.url("/webhooks/email"))
        .header("content-type", "message/rfc822")
        .bearer_auth(TOKEN)
        .body(raw)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let email: serde_json::Value = response.json().await.unwrap();
    let email = SubmissionId(email["submission"].as_i64().expect("the submission's id"));

    let sg = signed_in(&app, Role::Safeguarding).await;
    let (status, html) = page(&sg, &app, "/staff/safeguarding").await;
    assert_eq!(status, 200);
    assert!(html.contains("class=\"badge\">2<"), "two open: {html}");
    assert!(html.contains("my <mark>dad hits me</mark>"), "{html}");
    assert!(html.contains("<mark>want to die</mark>"), "{html}");
    assert!(html.contains("Nobody at school listens to me"), "{html}");
    assert!(
        !html.contains("The forms take too long"),
        "not flagged, not listed"
    );
    assert!(html.contains("Exeter") && html.contains("Four Cornerstones"));
    assert!(!html.contains("ellie"), "no sender's address or name");
    for id in [web, email] {
        assert!(html.contains(&format!("/staff/safeguarding/{}\"", id.0)));
    }

    // The email's page: the whole view, nothing about the sender, and not marked seen.
    let stored = app
        .state
        .store
        .submission(email, &app.state.areas)
        .await
        .unwrap()
        .unwrap();
    let pseudonym = stored.respondent.expect("email senders have a pseudonym");
    let (status, html) = page(&sg, &app, &format!("/staff/safeguarding/{}", email.0)).await;
    assert_eq!(status, 200);
    assert!(html.contains("<mark>want to die</mark>"), "{html}");
    assert!(
        html.contains("Email") && html.contains("A young person"),
        "{html}"
    );
    assert!(!html.contains(pseudonym.as_str()), "no pseudonym");
    assert!(html.contains("name=\"csrf\""));
    assert!(
        app.state.store.flag_log(email).await.unwrap().is_empty(),
        "opening a flag does not mark it seen"
    );
    // An unflagged view, or no view, is not in the queue.
    for path in [
        format!("/staff/safeguarding/{}", ordinary.0),
        "/staff/safeguarding/999".into(),
        "/staff/safeguarding/not-a-number".into(),
    ] {
        assert_eq!(page(&sg, &app, &path).await.0, 404, "{path}");
    }
    app.stop().await;
}

async fn other_roles_get_403_on_every_queue_route(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let id = view_via_web(&app, "I want to die").await;
    for role in [Role::Lead, Role::Admin] {
        let client = signed_in(&app, role).await;
        let csrf = staff_csrf(&app, &client, "/staff").await;
        for path in [
            "/staff/safeguarding".to_owned(),
            format!("/staff/safeguarding/{}", id.0),
            "/staff/safeguarding/999".to_owned(),
        ] {
            assert_eq!(page(&client, &app, &path).await.0, 403, "{role} GET {path}");
        }
        for action in FlagAction::ALL {
            let form = [
                ("csrf", csrf.as_str()),
                ("action", action.id()),
                ("note", "checked"),
            ];
            assert_eq!(post(&client, &app, id, &form).await.0, 403, "{role} POST");
        }
        // Nor does the badge show for them.
        let (_, home) = page(&client, &app, "/staff").await;
        assert!(!home.contains("class=\"badge\""), "{role}");
    }
    // Not signed in: to the sign-in page.
    let anonymous = browser();
    let response = anonymous
        .get(app.url("/staff/safeguarding"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.url().path(), "/staff/sign-in");
    assert!(app.state.store.flag_log(id).await.unwrap().is_empty());
    assert_eq!(open_count(&app).await, 1);
    app.stop().await;
}

async fn actions_are_logged_with_who_and_the_badge_follows(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let first = view_via_web(&app, "I want to die").await;
    let second = view_via_web(&app, "my dad hits me").await;
    let sg = signed_in(&app, Role::Safeguarding).await;
    let csrf = staff_csrf(&app, &sg, "/staff/safeguarding").await;
    assert_eq!(open_count(&app).await, 2);

    let (status, html) = post(&sg, &app, first, &[("csrf", &csrf), ("action", "seen")]).await;
    assert_eq!(status, 200);
    assert!(html.contains("Marked as seen."), "{html}");
    assert_eq!(open_count(&app).await, 2, "seen is not acted on");

    let (status, html) = post(&sg, &app, first, &[("csrf", &csrf), ("action", "acted_on")]).await;
    assert_eq!(status, 200);
    assert!(html.contains("class=\"badge\">1<"), "{html}");
    assert_eq!(open_count(&app).await, 1);

    let log = app.state.store.flag_log(first).await.unwrap();
    let who = staff_email(Role::Safeguarding);
    let staff_id = common::staff::add_staff(&app, Role::Safeguarding).await;
    assert_eq!(
        log.iter().map(|e| e.action).collect::<Vec<_>>(),
        [FlagAction::Seen, FlagAction::ActedOn]
    );
    assert!(log
        .iter()
        .all(|e| e.staff_email == who && e.staff_id == Some(staff_id)));
    let (_, html) = page(&sg, &app, &format!("/staff/safeguarding/{}", first.0)).await;
    assert!(html.contains(&who) && html.contains("Acted on"), "{html}");

    // The queue lists the open one first, the acted-on one after.
    let (_, queue) = page(&sg, &app, "/staff/safeguarding").await;
    let at = |id: SubmissionId| {
        queue
            .find(&format!("/staff/safeguarding/{}\"", id.0))
            .unwrap()
    };
    assert!(at(second) < at(first), "open first");
    assert!(queue.contains("Open (1)") && queue.contains("Acted on (1)"));

    // Reopened, it counts again.
    post(&sg, &app, first, &[("csrf", &csrf), ("action", "reopened")]).await;
    assert_eq!(open_count(&app).await, 2);
    app.stop().await;
}

async fn forms_without_their_token_get_403_and_change_nothing(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let id = view_via_web(&app, "I want to die").await;
    let sg = signed_in(&app, Role::Safeguarding).await;
    for form in [
        vec![("action", "acted_on")],
        vec![("csrf", "0000"), ("action", "acted_on")],
        vec![("csrf", ""), ("action", "note"), ("note", "called")],
    ] {
        assert_eq!(post(&sg, &app, id, &form).await.0, 403, "{form:?}");
    }
    assert!(app.state.store.flag_log(id).await.unwrap().is_empty());
    assert_eq!(open_count(&app).await, 1);
    app.stop().await;
}

async fn notes_are_scrubbed(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let id = view_via_web(&app, "I want to die").await;
    let sg = signed_in(&app, Role::Safeguarding).await;
    let csrf = staff_csrf(&app, &sg, &format!("/staff/safeguarding/{}", id.0)).await;

    // An empty note is refused with a message, and nothing is logged.
    let (status, html) = post(
        &sg,
        &app,
        id,
        &[("csrf", &csrf), ("action", "note"), ("note", "  ")],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Enter a note"), "{html}");
    assert!(app.state.store.flag_log(id).await.unwrap().is_empty());

    let note = "Rang Oliver's mum on 07700 900123, referred to MASH";
    let (status, html) = post(
        &sg,
        &app,
        id,
        &[("csrf", &csrf), ("action", "note"), ("note", note)],
    )
    .await;
    assert_eq!(status, 200);
    assert!(html.contains("Note added."));
    let log = app.state.store.flag_log(id).await.unwrap();
    assert_eq!(log.len(), 1);
    let kept = log[0].note.as_ref().unwrap().as_str();
    assert!(
        !kept.contains("07700") && !kept.contains("900123"),
        "{kept}"
    );
    assert!(kept.contains("[phone number removed]"), "{kept}");
    assert!(!kept.contains("Oliver"), "{kept}");
    assert!(kept.contains("referred to MASH"), "{kept}");
    assert!(!html.contains("900123"), "{html}");
    let dir = app.stop().await;
    let bytes = common::database_bytes(dir.path());
    assert!(
        !bytes.windows(6).any(|w| w == b"900123"),
        "the number is nowhere in the database file"
    );
}

on_both_backends!(
    flagged_web_and_email_views_appear_with_their_words,
    other_roles_get_403_on_every_queue_route,
    actions_are_logged_with_who_and_the_badge_follows,
    forms_without_their_token_get_403_and_change_nothing,
    notes_are_scrubbed,
);
