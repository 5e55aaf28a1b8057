//! Staff sign-in and role checks, through the real HTTP server on both backends.

mod common;

use common::staff::{add_staff, signed_in, staff_email, try_sign_in, STAFF_PASSWORD};
use common::{spawn_app, TestBackend};
use heard::staff::Role;

async fn signs_in_and_sees_the_start_page(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let lead = signed_in(&app, Role::Lead).await;
    let home = lead.get(app.url("/staff")).send().await.unwrap();
    assert_eq!(home.status(), 200);
    let html = home.text().await.unwrap();
    assert!(html.contains("/staff/c/four-cornerstones"), "{html}");
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
    let (status, _, _) = try_sign_in(&app, &client, "nobody@devon.example", STAFF_PASSWORD).await;
    assert_eq!(
        status, 401,
        "an unknown email is answered like a wrong password"
    );
    let home = client.get(app.url("/staff")).send().await.unwrap();
    assert_eq!(home.url().path(), "/staff/sign-in");
    app.stop().await;
}

on_both_backends!(signs_in_and_sees_the_start_page, wrong_password_is_refused);
