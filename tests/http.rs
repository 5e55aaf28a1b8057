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
    app.stop().await;
}

async fn unknown_routes_are_404(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let response = app.client.get(app.url("/nope")).send().await.unwrap();
    assert_eq!(response.status(), 404);
    app.stop().await;
}

on_both_backends!(
    health_and_readiness,
    oversized_bodies_get_413,
    unknown_routes_are_404
);
