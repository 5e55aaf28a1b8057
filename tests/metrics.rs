//! Prometheus `/metrics`: hidden without its token, counting requests by route pattern and
//! new submissions by channel, and never carrying a path, query string or phone number.
//!
//! Also `heard healthcheck`, which the container images use.
//!
//! The recorder is process-wide, so other scenarios running at the same time add to the
//! same counters: each check is that a counter grew by at least what this scenario did.

mod common;

use std::time::Duration;

use common::{browser, fill, spawn_app, spawn_app_with, TestApp, TestBackend};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const TOKEN: &str = "metrics-token-0123456789abcdef";
const START: &str = "/c/four-cornerstones";
const PHONE: &str = "07700900123";

async fn scrape(app: &TestApp) -> String {
    let response = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let kind = response.headers()["content-type"].to_str().unwrap();
    assert!(kind.starts_with("text/plain; version=0.0.4"), "{kind}");
    response.text().await.unwrap()
}

/// The value of the sample whose name and labels are exactly `series`, 0 when absent.
fn value(text: &str, series: &str) -> f64 {
    text.lines()
        .find_map(|line| line.strip_prefix(series)?.strip_prefix(' '))
        .map(|v| v.trim().parse().unwrap())
        .unwrap_or(0.0)
}

/// A sample with every given label, whatever their order.
fn sample(text: &str, name: &str, labels: &[(&str, &str)]) -> f64 {
    text.lines()
        .filter(|line| line.starts_with(&format!("{name}{{")))
        .filter(|line| {
            labels
                .iter()
                .all(|(k, v)| line.contains(&format!("{k}=\"{v}\"")))
        })
        .filter_map(|line| line.rsplit(' ').next()?.parse::<f64>().ok())
        .sum()
}

async fn metrics_need_the_token(backend: TestBackend) {
    // Unset: nobody can tell the route is there.
    let app = spawn_app(backend.clone()).await;
    let response = app.client.get(app.url("/metrics")).send().await.unwrap();
    assert_eq!(response.status(), 404);
    let response = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    app.stop().await;

    let app = spawn_app_with(backend, &[("HEARD_METRICS_TOKEN", TOKEN)]).await;
    let response = app.client.get(app.url("/metrics")).send().await.unwrap();
    assert_eq!(response.status(), 401);
    assert_eq!(response.headers()["www-authenticate"], "Bearer");
    let response = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth(format!("{TOKEN}x"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    let text = scrape(&app).await;
    assert!(
        text.contains("# TYPE heard_http_requests_total counter"),
        "{text}"
    );
    app.stop().await;
}

async fn counters_move_and_carry_nothing_personal(backend: TestBackend) {
    let app = spawn_app_with(backend, &[("HEARD_METRICS_TOKEN", TOKEN)]).await;
    let before = scrape(&app).await;

    // A web submission, reached from a link whose query carries a phone number.
    let client = browser();
    let start = client
        .get(app.url(&format!("{START}?area=torridge&via={PHONE}")))
        .send()
        .await
        .unwrap();
    assert_eq!(start.status(), 200);
    let steps: [(&str, &[(&str, &str)]); 4] = [
        ("/q/1", &[("action", "continue"), ("answer", "yes")]),
        (
            "/q/5",
            &[
                ("action", "continue"),
                ("answer", "Ring me on 07700 900123 please."),
            ],
        ),
        ("/q/6", &[("action", "continue"), ("answer", "torridge")]),
        (
            "/q/7",
            &[("action", "continue"), ("answer", "parent-carer")],
        ),
    ];
    for (step, fields) in steps {
        let (status, _, _) = fill(&app, &client, &format!("{START}{step}"), fields).await;
        assert_eq!(status, 200, "{step}");
    }
    let (status, path, _) = fill(&app, &client, &format!("{START}/check"), &[]).await;
    assert_eq!(
        (status, path.as_str()),
        (200, "/c/four-cornerstones/thanks")
    );

    // A page that does not exist, its path and query both personal.
    let missing = client
        .get(app.url(&format!("/{PHONE}/nothing?phone={PHONE}")))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);

    let after = scrape(&app).await;
    let ingested = r#"heard_submissions_ingested_total{channel="web"}"#;
    assert!(
        value(&after, ingested) >= value(&before, ingested) + 1.0,
        "{after}"
    );
    let not_found = [("route", "unmatched"), ("method", "GET"), ("status", "4xx")];
    assert!(
        sample(&after, "heard_http_requests_total", &not_found)
            >= sample(&before, "heard_http_requests_total", &not_found) + 1.0,
        "{after}"
    );
    let answered = [
        ("route", "/c/{slug}/q/{n}"),
        ("method", "POST"),
        ("status", "3xx"),
    ];
    assert!(
        sample(&after, "heard_http_requests_total", &answered)
            >= sample(&before, "heard_http_requests_total", &answered) + 4.0,
        "{after}"
    );
    assert!(
        sample(
            &after,
            "heard_http_requests_total",
            &[("route", "/c/{slug}")]
        ) >= 1.0,
        "{after}"
    );
    assert!(after.contains("\nheard_sms_outbox_depth "), "{after}");

    for personal in [
        PHONE,
        "07700 900123",
        "+447700",
        "?",
        "phone=",
        "via=",
        "nothing",
        "torridge",
    ] {
        assert!(!after.contains(personal), "{personal:?} in\n{after}");
    }
    app.stop().await;
}

/// `HEARD_METRICS_BIND`'s router: `/metrics` alone, open unless a token is set.
async fn private_listener_serves_metrics_alone(backend: TestBackend) {
    async fn serve(app: &TestApp) -> std::net::SocketAddr {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        tokio::spawn(heard::server::serve_metrics(listener, app.state.clone()));
        address
    }
    let app = spawn_app(backend.clone()).await;
    let address = serve(&app).await;
    let client = reqwest::Client::new();
    let open = client
        .get(format!("http://{address}/metrics"))
        .send()
        .await
        .unwrap();
    assert_eq!(open.status(), 200);
    assert!(open
        .text()
        .await
        .unwrap()
        .contains("heard_sms_outbox_depth"));
    let other = client
        .get(format!("http://{address}/healthz"))
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), 404, "nothing but /metrics there");
    app.stop().await;

    let app = spawn_app_with(
        backend,
        &[
            ("HEARD_METRICS_TOKEN", TOKEN),
            ("HEARD_HEADER_TIMEOUT_SECS", "1"),
        ],
    )
    .await;
    let address = serve(&app).await;
    // A client that never finishes its headers is cut off here as on the public port.
    let mut slow = tokio::net::TcpStream::connect(address).await.unwrap();
    slow.write_all(b"GET /metrics HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(20), slow.read_to_end(&mut answer))
        .await
        .expect("the slow connection is closed")
        .unwrap();
    assert!(!String::from_utf8_lossy(&answer).contains("200 OK"));
    let bare = client
        .get(format!("http://{address}/metrics"))
        .send()
        .await
        .unwrap();
    assert_eq!(bare.status(), 401);
    let with_token = client
        .get(format!("http://{address}/metrics"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(with_token.status(), 200);
    app.stop().await;
}

/// `heard healthcheck`, the containers' health check: 0 while heard answers, 1 when not.
async fn healthcheck_command_asks_healthz(backend: TestBackend) {
    async fn healthcheck(app: &TestApp, bind: &str) -> (bool, String) {
        let output = tokio::process::Command::new(env!("CARGO_BIN_EXE_heard"))
            .arg("healthcheck")
            .current_dir(app.dir.path())
            .env("HEARD_BIND", bind)
            .env("HEARD_CONFIG", app.dir.path().join("absent.toml"))
            .output()
            .await
            .unwrap();
        let said = String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr);
        (output.status.success(), said)
    }
    let app = spawn_app(backend).await;
    let (ok, said) = healthcheck(&app, &app.address.to_string()).await;
    assert!(ok, "{said}");
    // Listening on every address: asked on loopback.
    let (ok, said) = healthcheck(&app, &format!("0.0.0.0:{}", app.address.port())).await;
    assert!(ok, "{said}");
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap()
    };
    let (ok, said) = healthcheck(&app, &closed.to_string()).await;
    assert!(!ok && said.contains("healthcheck: no answer"), "{said}");
    app.stop().await;
}

on_both_backends!(
    metrics_need_the_token,
    counters_move_and_carry_nothing_personal,
    private_listener_serves_metrics_alone,
    healthcheck_command_asks_healthz,
);
