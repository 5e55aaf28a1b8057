//! Staff in tests: accounts made in the store, and clients signed in through the real form.

use heard::staff::{PasswordHash, Role, StaffEmail};

use super::{browser, csrf, TestApp};

pub const STAFF_PASSWORD: &str = "a long staff password 42";

/// The address a test account for `role` gets.
pub fn staff_email(role: Role) -> String {
    format!("{}@devon.example", role.id())
}

/// Makes an account for `role` (once per app) and returns its id.
pub async fn add_staff(app: &TestApp, role: Role) -> i64 {
    let email = StaffEmail::parse(&staff_email(role)).unwrap();
    if let Some((id, _, _)) = app.state.store.staff_credentials(&email).await.unwrap() {
        return id;
    }
    let hash = PasswordHash::new(STAFF_PASSWORD.to_owned()).await.unwrap();
    app.state
        .store
        .add_staff(&email, role, &hash)
        .await
        .unwrap()
}

/// Posts the sign-in form with these details from `client`; returns (status, final path).
pub async fn try_sign_in(
    app: &TestApp,
    client: &reqwest::Client,
    email: &str,
    password: &str,
) -> (u16, String, String) {
    let form = [
        ("csrf", staff_csrf(app, client, "/staff/sign-in").await),
        ("email", email.to_owned()),
        ("password", password.to_owned()),
        ("next", "/staff".to_owned()),
    ];
    let response = client
        .post(app.url("/staff/sign-in"))
        .form(&form)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let path = response.url().path().to_owned();
    (status, path, response.text().await.unwrap())
}

/// A browser signed in as a member of staff with `role` (the account is made if needed).
pub async fn signed_in(app: &TestApp, role: Role) -> reqwest::Client {
    add_staff(app, role).await;
    let client = browser();
    let (status, path, _) = try_sign_in(app, &client, &staff_email(role), STAFF_PASSWORD).await;
    assert_eq!(status, 200, "signed in as {role}");
    assert_ne!(path, "/staff/sign-in", "signed in as {role}");
    client
}

/// The form token on a staff page, for posting its forms.
pub async fn staff_csrf(app: &TestApp, client: &reqwest::Client, path: &str) -> String {
    let page = client
        .get(app.url(path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    csrf(&page)
}
