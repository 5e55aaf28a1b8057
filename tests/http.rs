//! The service's own routes, over real HTTP on loopback, on both backends.

mod common;

use common::{spawn_app, spawn_app_with, TestBackend};

async fn health_and_readiness(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let health = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), 200);
    let ready = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), 200);
    assert!(
        ready.headers().contains_key("x-request-id"),
        "every response carries its request id"
    );
    // A proxy's id is kept; anything else a client sends is replaced, as ids are logged.
    for (sent, kept) in [
        ("3f2a9c1e8b7d4a6f9e0c1b2a3d4e5f60", true),
        ("9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d", true),
        ("call-me-07700900123", false),
        ("jo@example.com", false),
    ] {
        let response = app
            .client
            .get(app.url("/healthz"))
            .header("x-request-id", sent)
            .send()
            .await
            .unwrap();
        let id = response.headers()["x-request-id"]
            .to_str()
            .unwrap()
            .to_owned();
        assert_eq!(id == sent, kept, "{sent} gave {id}");
    }

    // With the database gone, heard is alive but not ready.
    app.state.store.close().await;
    let ready = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), 503);
    let health = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), 200);
    app.stop().await;
}

async fn oversized_bodies_get_413(backend: TestBackend) {
    let app = spawn_app_with(backend, &[("HEARD_MAX_BODY_BYTES", "2048")]).await;
    let response = app
        .client
        .post(app.url("/healthz"))
        .body(vec![b'x'; 4096])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
    let small = app
        .client
        .post(app.url("/healthz"))
        .body("x")
        .send()
        .await
        .unwrap();
    assert_eq!(small.status(), 405, "a small body reaches routing");
    // A gateway's refusal is plain JSON, though it asked for gzip: a header saying "gzip"
    // over a body that is not would make it unreadable.
    for accept in ["gzip", "br", "identity"] {
        let refused = app
            .client
            .post(app.url("/webhooks/nowhere"))
            .header("accept-encoding", accept)
            .body("x")
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), 404);
        assert!(
            refused.headers().get("content-encoding").is_none(),
            "{accept}"
        );
        let body: serde_json::Value = refused.json().await.unwrap();
        assert!(body["error"].is_string(), "{accept}");
    }
    app.stop().await;
}

async fn unknown_routes_are_404(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let response = app.client.get(app.url("/nope")).send().await.unwrap();
    assert_eq!(response.status(), 404);
    app.stop().await;
}

/// On SQLite, ready means the writer could write now, asked of the writer itself: not of
/// a pooled connection, which would take the write lock from the writer (a flood of
/// `/readyz`, a public route, then slowed every webhook), nor wait for one while pages hold
/// them all (a busy instance would be taken out of service when it is needed most).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_readiness_asks_the_writer() {
    let app = spawn_app_with(TestBackend::Sqlite, &[("HEARD_DB_MAX_CONNECTIONS", "1")]).await;
    let held = app.state.store.begin().await.unwrap();
    let ready = app
        .client
        .get(app.url("/readyz"))
        .timeout(std::time::Duration::from_secs(3))
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status(), 200);
    drop(held);
    app.stop().await;
}

on_both_backends!(
    health_and_readiness,
    oversized_bodies_get_413,
    unknown_routes_are_404
);
