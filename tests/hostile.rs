//! Hostile clients: slow headers and bodies, floods of pages and sign-ins, bytes that are not
//! UTF-8, overlong fields. Each gets a clear answer (or a closed connection), never a 500.

mod common;

use std::time::Duration;

use common::{csrf, spawn_app_with, TestBackend};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const START: &str = "/c/four-cornerstones";

/// Reads until the server closes the connection (or 20 s pass: the test then fails).
async fn read_to_close(stream: &mut TcpStream) -> Vec<u8> {
    let mut out = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(20), stream.read_to_end(&mut out)).await;
    assert!(read.is_ok(), "the server kept a slow connection open");
    out
}

async fn slow_headers_are_cut_off(backend: TestBackend) {
    let app = spawn_app_with(backend, &[("HEARD_HEADER_TIMEOUT_SECS", "1")]).await;
    let mut stream = TcpStream::connect(app.address).await.unwrap();
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    // Never finish the headers: the server must close the connection by itself.
    let answer = read_to_close(&mut stream).await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(!answer.contains("200 OK"), "{answer}");
    // An idle connection that sends nothing at all is closed too.
    let mut idle = TcpStream::connect(app.address).await.unwrap();
    read_to_close(&mut idle).await;
    // The server still answers everyone else.
    let ok = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(ok.status(), 200);
    app.stop().await;
}

/// Sends a request whose body never arrives in full and reads the answer; the server must
/// close the connection by itself (what is left of the body would read as the next request).
async fn send_slowly(app: &common::TestApp, path: &str, headers: &str) -> String {
    let mut stream = TcpStream::connect(app.address).await.unwrap();
    let head =
        format!("POST {path} HTTP/1.1\r\nHost: x\r\n{headers}Content-Length: 100\r\n\r\nanswer=y");
    stream.write_all(head.as_bytes()).await.unwrap();
    let answer = read_to_close(&mut stream).await;
    String::from_utf8_lossy(&answer).into_owned()
}

async fn slow_bodies_get_408(backend: TestBackend) {
    let app = spawn_app_with(backend, &[("HEARD_BODY_TIMEOUT_SECS", "1")]).await;
    let form = "Content-Type: application/x-www-form-urlencoded\r\n";
    // A person on a weak signal gets a kind page in their language, not plain text.
    let answer = send_slowly(&app, &format!("{START}/q/1"), form).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("text/html"), "{answer}");
    assert!(answer.contains("took too long to reach us"), "{answer}");
    assert!(answer.contains("press the button again"), "{answer}");
    let polish = format!("{form}Accept-Language: pl\r\n");
    let answer = send_slowly(&app, &format!("{START}/q/1"), &polish).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("Wróć i naciśnij przycisk"), "{answer}");
    // Staff get a staff page.
    let answer = send_slowly(&app, "/staff/sign-in", form).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("That took too long to arrive"), "{answer}");
    // A gateway gets heard's JSON.
    let answer = send_slowly(&app, "/webhooks/sms/twilio", form).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("application/json"), "{answer}");
    assert!(
        answer.contains(r#"{"error":"request body too slow"}"#),
        "{answer}"
    );
    app.stop().await;
}

async fn floods_of_pages_get_a_kind_429(backend: TestBackend) {
    let app = spawn_app_with(backend, &[("HEARD_PAGE_REQUESTS_PER_MINUTE", "3")]).await;
    let client = common::browser();
    for _ in 0..3 {
        let page = client.get(app.url(START)).send().await.unwrap();
        assert_eq!(page.status(), 200);
    }
    let refused = client.get(app.url(START)).send().await.unwrap();
    assert_eq!(refused.status(), 429);
    assert!(refused.headers().contains_key("retry-after"));
    let text = refused.text().await.unwrap();
    assert!(text.contains("Please wait a minute"));
    // Only pages were asked for: nothing is said about answers not saved.
    assert!(text.contains("Wait one minute. Then try again."), "{text}");
    assert!(!text.contains("could not save"), "{text}");
    // Pictures and the stylesheet are not pages: a page that got through still looks right.
    let css = client
        .get(app.url("/static/heard.css"))
        .send()
        .await
        .unwrap();
    assert_eq!(css.status(), 200);
    // Staff pages share the page limit.
    let staff = client.get(app.url("/staff/sign-in")).send().await.unwrap();
    assert_eq!(staff.status(), 429);
    app.stop().await;
}

/// The start page's status for each request in turn, each sent as the proxy in front of
/// heard would pass it on with `forwarded` as its `X-Forwarded-For`, to a heard that trusts
/// that proxy (or `hops` proxies) and takes two pages a minute from an address.
async fn through_proxies(backend: TestBackend, hops: &str, forwarded: &[&str]) -> Vec<u16> {
    let app = spawn_app_with(
        backend,
        &[
            ("HEARD_TRUST_PROXY", "true"),
            ("HEARD_PROXY_HOPS", hops),
            ("HEARD_PAGE_REQUESTS_PER_MINUTE", "2"),
        ],
    )
    .await;
    let client = common::browser();
    let mut statuses = Vec::new();
    for hops in forwarded {
        let response = client
            .get(app.url(START))
            .header("x-forwarded-for", *hops)
            .send()
            .await
            .unwrap();
        statuses.push(response.status().as_u16());
    }
    app.stop().await;
    statuses
}

/// A client's own `X-Forwarded-For` hops (kept by a proxy that appends) do not choose its
/// rate-limit bucket: the hop the proxy added does. Two people behind it are counted apart.
async fn forwarded_addresses_are_not_the_clients_to_choose(backend: TestBackend) {
    let statuses = through_proxies(
        backend,
        "1",
        &[
            "10.0.0.1, 203.0.113.7",
            "10.0.0.2, 203.0.113.7",
            "10.0.0.3, 203.0.113.7",
            "10.0.0.1, 203.0.113.8",
        ],
    )
    .await;
    assert_eq!(statuses, [200, 200, 429, 200]);
}

/// Behind a CDN and a load balancer (`HEARD_PROXY_HOPS=2`), the hop the CDN added counts.
async fn behind_two_proxies_the_farther_hop_counts(backend: TestBackend) {
    let statuses = through_proxies(
        backend,
        "2",
        &[
            "10.0.0.1, 203.0.113.7, 198.51.100.20",
            "10.0.0.2, 203.0.113.7, 198.51.100.20",
            "10.0.0.3, 203.0.113.7, 198.51.100.20",
            "10.0.0.1, 203.0.113.8, 198.51.100.20",
        ],
    )
    .await;
    assert_eq!(statuses, [200, 200, 429, 200]);
}

/// Anyone on IPv6 may take any address in their /64, so the limits count the /64.
async fn an_ipv6_network_counts_as_one_address(backend: TestBackend) {
    let statuses = through_proxies(
        backend,
        "1",
        &[
            "2001:db8:1:2::1",
            "2001:db8:1:2::2",
            "2001:db8:1:2:abcd::3",
            "2001:db8:1:3::1",
        ],
    )
    .await;
    assert_eq!(statuses, [200, 200, 429, 200]);
}

async fn floods_of_sign_ins_get_429(backend: TestBackend) {
    let app = spawn_app_with(backend, &[("HEARD_SIGN_IN_PER_MINUTE", "2")]).await;
    let client = common::browser();
    let mut statuses = Vec::new();
    for i in 0..3 {
        let email = format!("person{i}@devon.example");
        let (status, _, _) =
            common::staff::try_sign_in(&app, &client, &email, "a wrong password!").await;
        statuses.push(status);
    }
    assert_eq!(
        statuses,
        [401, 401, 429],
        "one address trying many accounts is slowed"
    );
    app.stop().await;
}

async fn bytes_that_are_not_utf8_get_400(backend: TestBackend) {
    let app = spawn_app_with(backend, &[]).await;
    let client = common::browser();
    let page = client
        .get(app.url(&format!("{START}/q/1")))
        .send()
        .await
        .unwrap();
    let csrf = common::csrf(&page.text().await.unwrap());
    let mut body = format!("csrf={csrf}&action=continue&answer=").into_bytes();
    body.extend_from_slice(&[0xff, 0xfe, 0xc3, 0x28]);
    let response = client
        .post(app.url(&format!("{START}/q/1")))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    assert!(response.status().is_client_error(), "{}", response.status());
    // A webhook gets the same.
    let response = client
        .post(app.url("/webhooks/email"))
        .header("authorization", "Bearer x")
        .body(vec![0xff, 0xfe, 0xfd])
        .send()
        .await
        .unwrap();
    assert!(response.status().is_client_error(), "{}", response.status());
    // Nothing was stored, and the server is fine.
    assert_eq!(
        app.state
            .store
            .submission_count("four-cornerstones")
            .await
            .unwrap(),
        0
    );
    let ok = client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(ok.status(), 200);
    app.stop().await;
}

async fn overlong_fields_are_refused_kindly(backend: TestBackend) {
    let app = spawn_app_with(backend, &[]).await;
    let client = common::browser();
    let long = "a".repeat(900_000);
    let (status, _, _) = common::fill(
        &app,
        &client,
        &format!("{START}/q/1"),
        &[("action", "continue"), ("answer", long.as_str())],
    )
    .await;
    assert!((400..500).contains(&status), "{status}");
    let (status, _, _) =
        common::staff::try_sign_in(&app, &client, &long[..100_000], &long[..100_000]).await;
    assert!((400..500).contains(&status), "{status}");
    let ok = client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(ok.status(), 200);
    app.stop().await;
}

/// What axum cannot read (a page number that is not a number, an address that is not UTF-8,
/// a post that is not a form, a form too large) gets a kind page in the person's language,
/// not axum's plain text; staff get a staff page; header sections past 64 KB get 431.
async fn unreadable_requests_get_a_kind_page(backend: TestBackend) {
    let token = "email-webhook-token-0123456789";
    let app = spawn_app_with(
        backend,
        &[
            ("HEARD_MAX_BODY_BYTES", "65536"),
            ("HEARD_EMAIL_WEBHOOK_TOKEN", token),
        ],
    )
    .await;
    let client = common::browser();
    let page = |path: &str, language: &str| {
        client
            .get(app.url(path))
            .header("accept-language", language)
            .send()
    };
    for (path, language, words) in [
        (
            format!("{START}/q/abc"),
            "en-GB",
            "We cannot find this page",
        ),
        (
            format!("{START}/q/99999999999999999999999"),
            "en-GB",
            "We cannot find this page",
        ),
        (
            "/c/%FF%FE".to_owned(),
            "pl",
            "Nie możemy znaleźć tej strony",
        ),
    ] {
        let response = page(&path, language).await.unwrap();
        assert_eq!(response.status(), 404, "{path}");
        assert!(html(&response), "{path}");
        assert!(response.headers().contains_key("content-security-policy"));
        let text = response.text().await.unwrap();
        assert!(text.contains(words), "{path}: {text}");
    }
    // An address that only takes a form, opened, or a page sent to: still a kind page, but
    // a 405 that says which methods the address takes.
    for (method, path, allow, words) in [
        (
            "GET",
            "/staff/admin/staff/x/remove",
            "POST",
            "This address is for sending a form",
        ),
        (
            "GET",
            "/staff/sign-out",
            "POST",
            "This address is for sending a form",
        ),
        (
            "DELETE",
            "/staff",
            "GET,HEAD",
            "This address is for sending a form",
        ),
        (
            "PUT",
            &format!("{START}/q/1"),
            "GET,HEAD,POST",
            "We cannot find this page",
        ),
    ] {
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let response = client
            .request(method.clone(), app.url(path))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 405, "{method} {path}");
        let allowed = response
            .headers()
            .get("allow")
            .map(|v| v.to_str().unwrap().replace(' ', ""));
        assert_eq!(allowed.as_deref(), Some(allow), "{method} {path}");
        assert!(html(&response), "{method} {path}");
        let text = response.text().await.unwrap();
        assert!(text.contains(words), "{method} {path}: {text}");
    }
    let question = client
        .get(app.url(&format!("{START}/q/1")))
        .send()
        .await
        .unwrap();
    let csrf = common::csrf(&question.text().await.unwrap());
    let post = |path: &str, content_type: &str, body: Vec<u8>| {
        client
            .post(app.url(path))
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    let form = "application/x-www-form-urlencoded";
    let q1 = format!("{START}/q/1");
    let mut large = format!("csrf={csrf}&action=continue&answer=").into_bytes();
    large.resize(100_000, b'a');
    for (path, content_type, body, status, words) in [
        (
            q1.as_str(),
            form,
            large.clone(),
            413,
            "Please go back and make your answer shorter.",
        ),
        (
            q1.as_str(),
            "application/json",
            b"{}".to_vec(),
            400,
            "Please go back and try again.",
        ),
        (
            q1.as_str(),
            form,
            format!("csrf={csrf}&csrf={csrf}&action=continue").into_bytes(),
            400,
            "Please go back and try again.",
        ),
        (
            "/staff/sign-in",
            form,
            large.clone(),
            413,
            "That was too large to send",
        ),
        (
            "/staff/sign-in",
            "text/plain",
            b"x".to_vec(),
            400,
            "That request could not be understood",
        ),
    ] {
        let response = post(path, content_type, body).await.unwrap();
        assert_eq!(response.status(), status, "{path} {content_type}");
        assert!(html(&response), "{path} {content_type}");
        let text = response.text().await.unwrap();
        assert!(text.contains(words), "{path} {content_type}: {text}");
    }
    // Programs are answered as before: the coverage API and the webhooks are not pages.
    let api = page("/api/coverage/four-cornerstones", "en-GB")
        .await
        .unwrap();
    assert!(!html(&api));
    let webhook = post("/webhooks/sms/twilio", form, large.clone())
        .await
        .unwrap();
    assert!(!html(&webhook));
    // ...and get every refusal as JSON, as heard's own errors are, status and headers kept.
    let refusals = [
        (
            post("/webhooks/sms/twilio", form, large).await.unwrap(),
            413,
        ),
        (page("/webhooks/sms/twilio", "en-GB").await.unwrap(), 405),
        (
            post("/api/coverage/four-cornerstones", form, b"x".to_vec())
                .await
                .unwrap(),
            405,
        ),
        (
            post("/webhooks/sms/no-such-gateway", form, b"x".to_vec())
                .await
                .unwrap(),
            404,
        ),
        (page("/api/no-such-figures", "en-GB").await.unwrap(), 404),
    ];
    for (response, status) in refusals {
        let url = response.url().to_string();
        assert_eq!(response.status(), status, "{url}");
        if status == 405 {
            assert!(response.headers().contains_key("allow"), "{url}");
        }
        assert_eq!(
            response.headers()["content-type"],
            "application/json",
            "{url}"
        );
        let error: serde_json::Value = response.json().await.unwrap();
        assert!(
            error["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{url}: {error}"
        );
    }
    // Header sections past 64 KB get 431, however they arrive; below it they are read.
    for (padding, status) in [(60_000, 200), (70_000, 431), (100_000, 431), (200_000, 431)] {
        let response = client
            .get(app.url(START))
            .header("x-padding", "a".repeat(padding))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), status, "{padding} bytes of headers");
    }
    // The bound is on headers: a body far past it (an email with a 1 MB attachment) is read.
    let attachment = "QUJD".repeat(262_144);
    let email = format!(
        "From: Jo <jo@example.com>\r\nSubject: four cornerstones\r\nMessage-ID: <big@example.com>\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n\
         --b\r\nContent-Type: text/plain\r\n\r\nThe waiting lists are too long.\r\n\
         --b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n\
         {attachment}\r\n--b--\r\n"
    );
    let big = client
        .post(app.url("/webhooks/email"))
        .bearer_auth(token)
        .header("content-type", "message/rfc822")
        .body(email)
        .send()
        .await
        .unwrap();
    assert_eq!(big.status(), 201);
    let ok = client.get(app.url(START)).send().await.unwrap();
    assert_eq!(ok.status(), 200);
    app.stop().await;
}

/// Someone sends their answers and their phone drops the connection at once, again and
/// again. A request dropped half-way used to stop inside its writes and leave SQLite's
/// write lock held for good: every page that saves a session, every text and `/readyz`
/// failed until a restart. Each request now runs to its end; nothing stays locked.
async fn hanging_up_on_send_locks_nothing(backend: TestBackend) {
    let app = spawn_app_with(
        backend,
        &[
            ("HEARD_FORM_POSTS_PER_MINUTE", "100000"),
            ("HEARD_PAGE_REQUESTS_PER_MINUTE", "100000"),
        ],
    )
    .await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for i in 0..150u64 {
        let page = client
            .get(app.url(&format!("{START}/q/1")))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200, "page {i}");
        let cookie = page
            .headers()
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .unwrap()
            .to_owned();
        let token = csrf(&page.text().await.unwrap());
        let answered = client
            .post(app.url(&format!("{START}/q/1")))
            .header("cookie", &cookie)
            .form(&[
                ("csrf", token.as_str()),
                ("answer", "yes"),
                ("action", "continue"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(answered.status(), 303, "answer {i}");
        let body = format!("csrf={token}");
        let mut stream = TcpStream::connect(app.address).await.unwrap();
        stream
            .write_all(
                format!(
                    "POST {START}/check HTTP/1.1\r\nHost: x\r\nCookie: {cookie}\r\n\
                     Content-Type: application/x-www-form-urlencoded\r\n\
                     Content-Length: {}\r\n\r\n{body}",
                    body.len()
                )
                .as_bytes(),
            )
            .await
            .unwrap();
        // Hang up at once, or a moment later: somewhere inside the request's writes.
        if i % 3 != 0 {
            tokio::time::sleep(Duration::from_micros(i * 37 % 3000)).await;
        }
        drop(stream);
    }
    let ready = client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), 200, "{}", ready.text().await.unwrap());
    let page = client
        .get(app.url(&format!("{START}/q/1")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    app.stop().await;
}

fn html(response: &reqwest::Response) -> bool {
    response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

/// A body framed two ways (length and chunks) is read as chunked, as RFC 9112 (6.1) says,
/// and the connection is closed after the answer, so nothing after it can be read as a
/// request of its own (request smuggling). hyper does this before heard sees the request.
async fn a_body_framed_two_ways_ends_the_connection(backend: TestBackend) {
    let app = spawn_app_with(backend, &[]).await;
    let mut stream = TcpStream::connect(app.address).await.unwrap();
    stream
        .write_all(
            b"POST /webhooks/sms/twilio HTTP/1.1\r\nHost: x\r\n\
              Content-Type: application/x-www-form-urlencoded\r\n\
              Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n\
              0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
        )
        .await
        .unwrap();
    let answer = read_to_close(&mut stream).await;
    let answer = String::from_utf8_lossy(&answer);
    assert_eq!(answer.matches("HTTP/1.1 ").count(), 1, "{answer}");
    assert!(answer.contains("connection: close"), "{answer}");
    assert!(
        !answer.contains("200 OK"),
        "the smuggled request was answered: {answer}"
    );
    app.stop().await;
}

on_both_backends!(
    a_body_framed_two_ways_ends_the_connection,
    slow_headers_are_cut_off,
    slow_bodies_get_408,
    floods_of_pages_get_a_kind_429,
    floods_of_sign_ins_get_429,
    forwarded_addresses_are_not_the_clients_to_choose,
    an_ipv6_network_counts_as_one_address,
    behind_two_proxies_the_farther_hop_counts,
    bytes_that_are_not_utf8_get_400,
    overlong_fields_are_refused_kindly,
    unreadable_requests_get_a_kind_page,
    hanging_up_on_send_locks_nothing,
);
