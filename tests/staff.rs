//! Staff sign-in, lock-out, sessions, form tokens and role checks, through the real HTTP
//! server on both backends.

mod common;

use std::time::Duration;

use common::staff::{add_staff, signed_in, staff_csrf, staff_email, try_sign_in, STAFF_PASSWORD};
use common::{spawn_app, TestBackend, WriteLock};
use heard::staff::Role;
use reqwest::redirect::Policy;
use reqwest::StatusCode;

const DEMO: &str = "four-cornerstones";

/// Who may open what. Every staff route is listed here; `every_staff_route_is_listed` keeps
/// the list whole as routes are added.
pub const STAFF_ROUTES: &[(&str, &str, &[Role])] = &[
    ("GET", "/staff/admin", &[Role::Admin]),
    ("POST", "/staff/admin/consultations", &[Role::Admin]),
    ("POST", "/staff/admin/staff", &[Role::Admin]),
    ("POST", "/staff/admin/staff/999/remove", &[Role::Admin]),
    ("POST", "/staff/admin/baseline", &[Role::Admin]),
    (
        "GET",
        "/api/coverage/four-cornerstones",
        &[Role::Admin, Role::Lead],
    ),
    ("GET", "/staff/c/four-cornerstones", COVERAGE),
    ("GET", "/staff/c/four-cornerstones?group=child", COVERAGE),
    (
        "GET",
        "/staff/c/four-cornerstones/poster/torridge",
        COVERAGE,
    ),
    (
        "GET",
        "/staff/c/four-cornerstones/qr/torridge.svg",
        COVERAGE,
    ),
    ("GET", "/staff/c/four-cornerstones/export", COVERAGE),
    (
        "GET",
        "/staff/c/four-cornerstones/export/coverage.csv",
        COVERAGE,
    ),
    (
        "GET",
        "/staff/c/four-cornerstones/export/responses.json",
        COVERAGE,
    ),
    ("GET", "/staff/safeguarding", &[Role::Safeguarding]),
    ("GET", "/staff/safeguarding/1", &[Role::Safeguarding]),
    ("POST", "/staff/safeguarding/1", &[Role::Safeguarding]),
    ("GET", "/staff/password", EVERY_ROLE),
    ("POST", "/staff/password", EVERY_ROLE),
];

const EVERY_ROLE: &[Role] = &[Role::Admin, Role::Lead, Role::Safeguarding];
const COVERAGE: &[Role] = &[Role::Admin, Role::Lead];

fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(Policy::none())
        .build()
        .unwrap()
}

/// The `heard_staff` cookie a response sets, if any.
fn staff_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("heard_staff="))
        .map(|v| v.split(';').next().unwrap_or_default().to_owned())
}

/// While another process holds SQLite's write lock past heard's busy time-out, signing in
/// cannot save the new session: a "try again" page (503 with Retry-After), not a 500. Once the
/// lock is let go, the same details sign in.
#[tokio::test]
async fn sqlite_a_busy_database_means_try_again_for_staff() {
    let app = spawn_app(TestBackend::Sqlite).await;
    add_staff(&app, Role::Lead).await;
    let client = common::browser();
    let email = staff_email(Role::Lead);
    let form = [
        ("csrf", staff_csrf(&app, &client, "/staff/sign-in").await),
        ("email", email.clone()),
        ("password", STAFF_PASSWORD.to_owned()),
        ("next", "/staff".to_owned()),
    ];
    let lock = WriteLock::take(&app.database_url).await;
    let response = client
        .post(app.url("/staff/sign-in"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(response.headers().contains_key("retry-after"));
    lock.release().await;
    let (status, path, _) = try_sign_in(&app, &client, &email, STAFF_PASSWORD).await;
    assert_eq!((status, path.as_str()), (200, "/staff"));
}

async fn signs_in_and_out(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let lead = signed_in(&app, Role::Lead).await;
    let home = lead.get(app.url("/staff")).send().await.unwrap();
    assert_eq!(home.status(), 200);
    assert_eq!(home.headers()["cache-control"], "no-store");
    assert!(home.headers().contains_key("content-security-policy"));
    let html = home.text().await.unwrap();
    assert!(html.contains("/staff/c/four-cornerstones"), "{html}");
    assert!(html.contains(&staff_email(Role::Lead)));

    // Signing out needs the form token, and ends the session.
    let csrf = staff_csrf(&app, &lead, "/staff").await;
    let out = lead
        .post(app.url("/staff/sign-out"))
        .form(&[("csrf", "wrong")])
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 403);
    let out = lead
        .post(app.url("/staff/sign-out"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(out.url().path(), "/staff/sign-in");
    assert!(out.text().await.unwrap().contains("You have signed out"));
    let home = lead.get(app.url("/staff")).send().await.unwrap();
    assert_eq!(home.url().path(), "/staff/sign-in");
    app.stop().await;
}

async fn wrong_password_is_refused(backend: TestBackend) {
    let app = spawn_app(backend).await;
    add_staff(&app, Role::Lead).await;
    let client = common::browser();
    let (status, path, html) =
        try_sign_in(&app, &client, &staff_email(Role::Lead), "not the password").await;
    assert_eq!((status, path.as_str()), (401, "/staff/sign-in"));
    assert!(html.contains("The email address or password is not right"));
    assert!(
        html.contains("<title>Error:"),
        "the title says there is an error"
    );
    assert!(
        !html.contains("not the password"),
        "the password is never echoed"
    );
    assert!(
        html.contains("class=\"error-summary\" role=\"alert\" tabindex=\"-1\" aria-labelledby=\"error-summary-title\" autofocus>"),
        "the error summary takes focus, as on the public pages"
    );
    let (status, _, html) =
        try_sign_in(&app, &client, "nobody@devon.example", STAFF_PASSWORD).await;
    assert_eq!(
        status, 401,
        "an unknown email is answered like a wrong password"
    );
    assert!(html.contains("The email address or password is not right"));
    let (status, _, _) = try_sign_in(&app, &client, "", "").await;
    assert_eq!(status, 422);
    let home = client.get(app.url("/staff")).send().await.unwrap();
    assert_eq!(home.url().path(), "/staff/sign-in");
    app.stop().await;
}

async fn repeated_failures_lock_out_with_a_growing_delay(backend: TestBackend) {
    // The per-address limit is tested apart (tests/hostile.rs); here every try is one account's.
    let app = common::spawn_app_with(backend, &[("HEARD_SIGN_IN_PER_MINUTE", "1000")]).await;
    add_staff(&app, Role::Lead).await;
    let email = staff_email(Role::Lead);
    let client = common::browser();
    for _ in 0..4 {
        let (status, _, _) = try_sign_in(&app, &client, &email, "wrong wrong wrong").await;
        assert_eq!(status, 401);
    }
    // The fifth failure locks the account for 30 s: even the right password is refused.
    let (status, _, html) = try_sign_in(&app, &client, &email, "wrong wrong wrong").await;
    assert_eq!(status, 429);
    assert!(html.contains("Too many tries"), "{html}");
    let (status, _, _) = try_sign_in(&app, &client, &email, STAFF_PASSWORD).await;
    assert_eq!(status, 429, "locked even with the right password");
    // A fresh browser (another address, say) is locked out the same.
    let (status, _, _) = try_sign_in(&app, &common::browser(), &email, STAFF_PASSWORD).await;
    assert_eq!(status, 429);

    // After the lock, one more failure locks it for twice as long.
    app.state.clock.advance(Duration::from_secs(31));
    let (status, _, html) = try_sign_in(&app, &client, &email, "wrong wrong wrong").await;
    assert_eq!(status, 429);
    assert!(html.contains("Wait 1 minute"), "{html}");
    app.state.clock.advance(Duration::from_secs(31));
    let (status, _, _) = try_sign_in(&app, &client, &email, STAFF_PASSWORD).await;
    assert_eq!(status, 429, "60 s lock still running after 31 s");
    app.state.clock.advance(Duration::from_secs(30));
    let (status, path, _) = try_sign_in(&app, &client, &email, STAFF_PASSWORD).await;
    assert_eq!((status, path.as_str()), (200, "/staff"));

    // Success clears the count: four more failures are not locked.
    let other = common::browser();
    for _ in 0..4 {
        let (status, _, _) = try_sign_in(&app, &other, &email, "wrong wrong wrong").await;
        assert_eq!(status, 401);
    }
    // The typed address is counted under a keyed hash, never stored as typed.
    let (status, _, _) = try_sign_in(
        &app,
        &other,
        "someone.else@example.org",
        "wrong wrong wrong",
    )
    .await;
    assert_eq!(status, 401);
    let dir = app.stop().await;
    if dir.path().join("heard.db").exists() {
        let bytes = common::database_bytes(dir.path());
        assert!(!String::from_utf8_lossy(&bytes).contains("someone.else@example.org"));
    }
}

async fn sign_in_gives_a_new_session_id(backend: TestBackend) {
    let app = spawn_app(backend).await;
    add_staff(&app, Role::Lead).await;
    let client = no_redirects();
    let page = client.get(app.url("/staff/sign-in")).send().await.unwrap();
    let before = staff_cookie(&page).expect("the sign-in page starts a session");
    let csrf = common::csrf(&page.text().await.unwrap());
    let signed = client
        .post(app.url("/staff/sign-in"))
        .header("cookie", &before)
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", staff_email(Role::Lead).as_str()),
            ("password", STAFF_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    let after = staff_cookie(&signed).expect("signing in sets a new cookie");
    assert_ne!(before, after, "a new session id on sign-in");
    let cookie = signed.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    // The id from before sign-in is worth nothing now; the new one works.
    let old = client
        .get(app.url("/staff"))
        .header("cookie", &before)
        .send()
        .await
        .unwrap();
    assert_eq!(old.status(), StatusCode::SEE_OTHER);
    assert!(old.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/staff/sign-in"));
    let new = client
        .get(app.url("/staff"))
        .header("cookie", &after)
        .send()
        .await
        .unwrap();
    assert_eq!(new.status(), 200);
    app.stop().await;
}

async fn cookies_are_secure_when_configured(backend: TestBackend) {
    let app = common::spawn_app_with(backend, &[("HEARD_COOKIE_SECURE", "true")]).await;
    let page = no_redirects()
        .get(app.url("/staff/sign-in"))
        .send()
        .await
        .unwrap();
    let cookie = page.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("heard_staff="), "{cookie}");
    assert!(
        cookie.contains("Secure") && cookie.contains("HttpOnly"),
        "{cookie}"
    );
    app.stop().await;
}

async fn forms_without_their_token_change_nothing(backend: TestBackend) {
    let app = spawn_app(backend).await;
    add_staff(&app, Role::Lead).await;
    // Sign-in itself needs the token of a page this browser was given.
    let client = common::browser();
    let _ = client.get(app.url("/staff/sign-in")).send().await.unwrap();
    let refused = client
        .post(app.url("/staff/sign-in"))
        .form(&[
            ("csrf", "forged"),
            ("email", staff_email(Role::Lead).as_str()),
            ("password", STAFF_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
    assert!(refused
        .text()
        .await
        .unwrap()
        .contains("The form had expired"));

    let admin = signed_in(&app, Role::Admin).await;
    for fields in [
        vec![
            ("email", "new@devon.example"),
            ("role", "lead"),
            ("password", STAFF_PASSWORD),
        ],
        vec![
            ("csrf", "forged"),
            ("email", "new@devon.example"),
            ("role", "lead"),
            ("password", STAFF_PASSWORD),
        ],
    ] {
        let response = admin
            .post(app.url("/staff/admin/staff"))
            .form(&fields)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 403);
    }
    assert_eq!(app.state.store.staff_members(None).await.unwrap().len(), 2);
    let lead_id = add_staff(&app, Role::Lead).await;
    let response = admin
        .post(app.url(&format!("/staff/admin/staff/{lead_id}/remove")))
        .form(&[("csrf", "forged")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    let form = reqwest::multipart::Form::new().text("csrf", "forged").part(
        "file",
        reqwest::multipart::Part::text("area,expected\nTorridge,1\n").file_name("b.csv"),
    );
    let response = admin
        .post(app.url("/staff/admin/baseline"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert_eq!(app.state.store.staff_members(None).await.unwrap().len(), 2);
    app.stop().await;
}

/// Every staff route, for every role and for nobody: the role is checked on the server.
async fn every_route_checks_the_role(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let nobody = no_redirects();
    let mut clients = Vec::new();
    for role in [Role::Admin, Role::Lead, Role::Safeguarding] {
        clients.push((role, signed_in(&app, role).await));
    }
    // Each client's own form token, so an allowed post is judged on its fields, not refused
    // for a missing token: a wrong role must be refused whatever the token.
    let mut tokens = Vec::new();
    for (_, client) in &clients {
        tokens.push(staff_csrf(&app, client, "/staff/password").await);
    }
    for (method, path, allowed) in STAFF_ROUTES {
        let send = |client: &reqwest::Client, csrf: &str| {
            let url = app.url(path);
            match *method {
                "GET" => client.get(url),
                _ => client.post(url).form(&[("csrf", csrf)]),
            }
            .send()
        };
        let response = send(&nobody, "x").await.unwrap();
        if path.starts_with("/api/") {
            assert_eq!(
                response.status(),
                401,
                "{method} {path} with nobody signed in"
            );
        } else {
            assert_eq!(
                response.status(),
                303,
                "{method} {path} with nobody signed in"
            );
            let location = response.headers()["location"].to_str().unwrap();
            assert!(location.starts_with("/staff/sign-in?next="), "{location}");
        }
        for ((role, client), csrf) in clients.iter().zip(&tokens) {
            let response = send(client, csrf).await.unwrap();
            let status = response.status();
            if allowed.contains(role) {
                assert!(
                    status != 403 && status != 401 && !response.url().path().ends_with("/sign-in"),
                    "{method} {path} as {role}: {status}"
                );
            } else {
                assert_eq!(status, 403, "{method} {path} as {role}");
            }
        }
    }
    // The start page sends the safeguarding role to its queue, and nobody to sign in.
    let safeguarding = &clients[2].1;
    let response = safeguarding.get(app.url("/staff")).send().await.unwrap();
    assert!(response.url().path().starts_with("/staff/safeguarding"));
    app.stop().await;
}

/// A removed account is signed out at once, on its next request.
async fn a_removed_account_is_signed_out(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let lead = signed_in(&app, Role::Lead).await;
    let admin = signed_in(&app, Role::Admin).await;
    let lead_id = add_staff(&app, Role::Lead).await;
    let csrf = staff_csrf(&app, &admin, "/staff/admin").await;
    let removed = admin
        .post(app.url(&format!("/staff/admin/staff/{lead_id}/remove")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status(), 200);
    assert!(removed
        .text()
        .await
        .unwrap()
        .contains("The account was removed"));
    let home = lead.get(app.url("/staff")).send().await.unwrap();
    assert_eq!(home.url().path(), "/staff/sign-in");
    app.stop().await;
}

fn upload(csrf: &str, fields: &[(&str, &str)], file: &str, name: &str) -> reqwest::multipart::Form {
    let mut form = reqwest::multipart::Form::new().text("csrf", csrf.to_owned());
    for (k, v) in fields {
        form = form.text(k.to_string(), v.to_string());
    }
    form.part(
        "file",
        reqwest::multipart::Part::text(file.to_owned()).file_name(name.to_owned()),
    )
}

async fn admins_manage_staff_consultations_and_baselines(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let admin = signed_in(&app, Role::Admin).await;
    let csrf = staff_csrf(&app, &admin, "/staff/admin").await;

    // Staff: a bad form says what is wrong and keeps the email typed; a good one adds.
    let response = admin
        .post(app.url("/staff/admin/staff"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", "new@devon.example"),
            ("role", "lead"),
            ("password", "short"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("at least 12 characters") && html.contains("value=\"new@devon.example\"")
    );
    let response = admin
        .post(app.url("/staff/admin/staff"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", "New@Devon.example"),
            ("role", "safeguarding"),
            ("password", STAFF_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("The account was added"));
    let client = common::browser();
    let (status, path, _) = try_sign_in(&app, &client, "new@devon.example", STAFF_PASSWORD).await;
    assert_eq!((status, path.as_str()), (200, "/staff/safeguarding"));
    let again = admin
        .post(app.url("/staff/admin/staff"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", "new@devon.example"),
            ("role", "lead"),
            ("password", STAFF_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 422);
    assert!(again.text().await.unwrap().contains("already an account"));

    // Baselines: a bad file names its line and changes nothing; a good one replaces.
    let bad = upload(
        &csrf,
        &[("consultation", DEMO)],
        "area,expected\nTorridge,abc\n",
        "b.csv",
    );
    let response = admin
        .post(app.url("/staff/admin/baseline"))
        .multipart(bad)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("The baseline was not changed") && html.contains("line 2"),
        "{html}"
    );
    let mut csv = String::from("area,expected\n");
    for id in [
        "east-devon",
        "exeter",
        "mid-devon",
        "north-devon",
        "south-hams",
        "teignbridge",
        "torridge",
        "west-devon",
    ] {
        csv.push_str(&format!("{id},1\n"));
    }
    let good = upload(&csrf, &[("consultation", DEMO)], &csv, "b.csv");
    let response = admin
        .post(app.url("/staff/admin/baseline"))
        .multipart(good)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let coverage = heard::coverage::load(&app.state.store, &app.state.areas, DEMO)
        .await
        .unwrap()
        .unwrap();
    assert!(coverage
        .areas
        .iter()
        .all(|a| (a.expected_share - 0.125).abs() < 1e-9));

    // Consultations: a broken file names its line; a good one is loaded.
    let broken = upload(&csrf, &[], "slug = \"x\"\ntitle = [\n", "c.toml");
    let response = admin
        .post(app.url("/staff/admin/consultations"))
        .multipart(broken)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("Line "));
    let source = heard::domain::consultation::DEMO_SOURCE
        .replace("slug = \"four-cornerstones\"", "slug = \"second-round\"")
        .replace("sms_keyword = \"VIEWS\"", "sms_keyword = \"ROUND2\"");
    assert!(source.contains("second-round"), "the demo names its slug");
    let good = upload(&csrf, &[], &source, "c.toml");
    let response = admin
        .post(app.url("/staff/admin/consultations"))
        .multipart(good)
        .send()
        .await
        .unwrap();
    let status = response.status();
    assert_eq!(status, 200, "{}", response.text().await.unwrap());
    assert!(app
        .state
        .store
        .consultation("second-round")
        .await
        .unwrap()
        .is_some());

    // Nobody removes themselves.
    let me = app
        .state
        .store
        .staff_credentials(&heard::staff::StaffEmail::parse(&staff_email(Role::Admin)).unwrap())
        .await
        .unwrap()
        .unwrap()
        .0;
    let response = admin
        .post(app.url(&format!("/staff/admin/staff/{me}/remove")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    app.stop().await;
}

async fn staff_change_their_own_password(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let lead = signed_in(&app, Role::Lead).await;
    let csrf = staff_csrf(&app, &lead, "/staff/password").await;
    let new = "another long password 7";
    let response = lead
        .post(app.url("/staff/password"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("current", "guess"),
            ("new", new),
            ("again", new),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("current password is not right"));
    let response = lead
        .post(app.url("/staff/password"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("current", STAFF_PASSWORD),
            ("new", new),
            ("again", "different"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let response = lead
        .post(app.url("/staff/password"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("current", STAFF_PASSWORD),
            ("new", new),
            ("again", new),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("Your password has been changed"));
    let (status, _, _) = try_sign_in(
        &app,
        &common::browser(),
        &staff_email(Role::Lead),
        STAFF_PASSWORD,
    )
    .await;
    assert_eq!(status, 401);
    let (status, _, _) = try_sign_in(&app, &common::browser(), &staff_email(Role::Lead), new).await;
    assert_eq!(status, 200);
    app.stop().await;
}

/// The list above names every staff route the server has.
#[test]
fn every_staff_route_is_listed() {
    fn read_all(dir: &std::path::Path, into: &mut String) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                read_all(&path, into);
            } else {
                into.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }
    let mut source = String::new();
    read_all(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/staff")),
        &mut source,
    );
    let listed: Vec<&str> = STAFF_ROUTES
        .iter()
        .map(|(_, p, _)| p.split('?').next().unwrap_or(p))
        .collect();
    let routes = regex::Regex::new(r#"\.route\(\s*"([^"]+)""#).unwrap();
    let found_routes: Vec<&str> = routes
        .captures_iter(&source)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    assert!(
        found_routes.contains(&"/staff/password") && found_routes.contains(&"/staff/c/{slug}"),
        "{found_routes:?}"
    );
    for route in found_routes {
        if ["/staff", "/staff/sign-in", "/staff/sign-out"].contains(&route)
            || !route.starts_with("/staff")
        {
            continue;
        }
        let pattern = route.split('/').collect::<Vec<_>>();
        let found = listed.iter().any(|p| {
            let parts = p.split('/').collect::<Vec<_>>();
            parts.len() == pattern.len()
                && parts.iter().zip(&pattern).all(|(a, b)| {
                    a == b || b.starts_with('{') || (b.contains('{') && !a.is_empty())
                })
        });
        assert!(found, "{route} is not in STAFF_ROUTES");
    }
}

on_both_backends!(
    signs_in_and_out,
    wrong_password_is_refused,
    repeated_failures_lock_out_with_a_growing_delay,
    sign_in_gives_a_new_session_id,
    cookies_are_secure_when_configured,
    forms_without_their_token_change_nothing,
    every_route_checks_the_role,
    a_removed_account_is_signed_out,
    admins_manage_staff_consultations_and_baselines,
    staff_change_their_own_password,
);
