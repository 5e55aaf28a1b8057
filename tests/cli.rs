//! The `heard` binary as an operator meets it: fresh start, bad settings, staff accounts.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

mod common;

const HEARD: &str = env!("CARGO_BIN_EXE_heard");

/// `heard` in `dir` with no HEARD_* settings but `env`.
fn heard(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(HEARD);
    cmd.current_dir(dir).args(args).env_clear();
    if let Ok(path) = std::env::var("PATH") {
        cmd.env("PATH", path);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

fn run(dir: &Path, args: &[&str], env: &[(&str, &str)], stdin: &str) -> Output {
    let mut child = heard(dir, args, env)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run heard");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// Asserts a failure printed exactly one line, containing every one of `needles`.
fn assert_one_line_error(output: &Output, needles: &[&str]) {
    assert!(!output.status.success(), "expected failure");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<_> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line, got: {stderr}");
    assert!(lines[0].starts_with("heard: "), "{stderr}");
    for needle in needles {
        assert!(
            lines[0].contains(needle),
            "{needle:?} missing from: {stderr}"
        );
    }
}

/// A running `heard serve`, with every line it logs.
struct Server {
    child: std::process::Child,
    address: String,
    logs: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Server {
    fn start(dir: &Path, env: &[(&str, &str)]) -> Server {
        let mut env = env.to_vec();
        env.push(("HEARD_BIND", "127.0.0.1:0"));
        let mut child = heard(dir, &["serve"], &env)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The log line that says where it listens gives the port: no sleeping, no guessing.
        let stderr = child.stderr.take().unwrap();
        let logs = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        let kept = logs.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if line.contains("listening") {
                    let address = line
                        .split("address")
                        .nth(1)
                        .and_then(|rest| {
                            rest.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ':'))
                                .find(|s| s.contains(':') && s.len() > 1)
                        })
                        .unwrap_or_default()
                        .trim_start_matches(':')
                        .to_owned();
                    let _ = tx.send(address);
                }
                kept.lock().unwrap().push(line);
            }
        });
        let address = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("heard starts listening");
        Server {
            child,
            address,
            logs,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// SIGTERM, then wait for a clean exit.
    async fn stop(self) -> Vec<String> {
        let Server {
            mut child, logs, ..
        } = self;
        let status = Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let exit = tokio::task::spawn_blocking(move || child.wait())
            .await
            .unwrap()
            .unwrap();
        assert!(exit.success(), "a clean stop on SIGTERM: {exit:?}");
        let logs = logs.lock().unwrap().clone();
        logs
    }
}

#[tokio::test]
async fn serve_needs_nothing_configured_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &[]);
    let health = reqwest::get(server.url("/healthz")).await.unwrap();
    assert_eq!(health.status(), 200);
    let ready = reqwest::get(server.url("/readyz")).await.unwrap();
    assert_eq!(ready.status(), 200);

    // It made its own database and a private secret.
    assert!(dir.path().join("heard.db").exists());
    let mode = std::os::unix::fs::PermissionsExt::mode(
        &std::fs::metadata(dir.path().join("heard.secret"))
            .unwrap()
            .permissions(),
    );
    assert_eq!(mode & 0o777, 0o600);
    let logs = server.stop().await;
    assert!(
        logs.iter()
            .any(|l| l.contains("loaded the demo consultation")),
        "{logs:?}"
    );
}

#[tokio::test]
async fn json_logs_carry_request_ids_and_no_personal_data() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &[("HEARD_LOG_FORMAT", "json")]);
    let client = reqwest::Client::new();
    let response = client
        .get(server.url("/healthz?from=07700900123&email=sam.parent@example.org&postcode=EX4+6PX"))
        .header("x-forwarded-for", "sam.parent@example.org")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let request_id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let logs = server.stop().await;

    let mut saw_request = false;
    for line in &logs {
        let entry: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|_| panic!("not JSON: {line}"));
        if entry.to_string().contains(&request_id) {
            saw_request = true;
        }
        for secret in ["07700900123", "sam.parent", "EX4+6PX", "EX4 6PX"] {
            assert!(!line.contains(secret), "{secret} logged: {line}");
        }
    }
    assert!(saw_request, "the request was logged with its id: {logs:?}");
}

/// A `debug` log, set to find a fault, still carries nobody's words or details: not an
/// email's HTML as the parser reads it, nor a path a person typed a name or number into.
#[tokio::test]
async fn debug_logs_carry_no_personal_data() {
    const TOKEN: &str = "0123456789abcdef0123456789abcdef";
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(
        dir.path(),
        &[
            ("HEARD_LOG", "debug"),
            ("HEARD_LOG_FORMAT", "json"),
            ("HEARD_EMAIL_WEBHOOK_TOKEN", TOKEN),
        ],
    );
    let client = reqwest::Client::new();
    let email = "From: Parent <parent.tristan@example.org>\r\n\
                 To: views@heard.example.org\r\n\
                 Subject: The bus\r\n\
                 Message-ID: <debug-log-1@example.org>\r\n\
                 MIME-Version: 1.0\r\n\
                 Content-Type: text/html; charset=utf-8\r\n\r\n\
                 <html><body><p>The bus is late. Tristan Boase, 07700 900957, \
                 12 Lemon Street EX4 3QT</p></body></html>\r\n";
    let response = client
        .post(server.url("/webhooks/email"))
        .bearer_auth(TOKEN)
        .header("content-type", "message/rfc822")
        .body(email)
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "{}", response.status());
    for path in [
        "/c/oliver-smith",
        "/c/x/077-009-006-06",
        "/c/x/+44-7700-900-618",
        "/c/EX43QT",
        "/c/x/mum-of-tyler-tregear",
    ] {
        let page = client.get(server.url(path)).send().await.unwrap();
        assert_eq!(page.status(), 404, "{path}");
    }
    let logs = server.stop().await;
    assert!(
        logs.iter().any(|l| l.contains("/c/…")),
        "the masked paths are logged: {logs:?}"
    );
    for line in &logs {
        for secret in [
            "Tristan",
            "Boase",
            "900957",
            "Lemon",
            "EX4 3QT",
            "oliver",
            "009-006",
            "7700",
            "EX43QT",
            "tregear",
            "parent.tristan",
        ] {
            assert!(!line.contains(secret), "{secret} logged: {line}");
        }
    }
}

/// Gateways post thousands of texts a minute after a consultation goes out: a webhook taken
/// in is not logged at INFO, one refused is.
#[tokio::test]
async fn webhooks_are_logged_when_they_fail() {
    use base64::Engine;
    use hmac::{Hmac, Mac};
    const TOKEN: &str = "12345678901234567890abcdefabcdef";
    const PUBLIC_URL: &str = "https://heard.example.org";
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(
        dir.path(),
        &[
            ("HEARD_LOG_FORMAT", "json"),
            ("HEARD_TWILIO_AUTH_TOKEN", TOKEN),
            ("HEARD_PUBLIC_URL", PUBLIC_URL),
        ],
    );
    let params = [
        ("Body", "hello"),
        ("From", "+447700900123"),
        ("MessageSid", "SM0123456789abcdef0123456789abcdef"),
        ("To", "+447700900000"),
    ];
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(TOKEN.as_bytes()).unwrap();
    mac.update(format!("{PUBLIC_URL}/webhooks/sms/twilio").as_bytes());
    for (name, value) in params {
        mac.update(name.as_bytes());
        mac.update(value.as_bytes());
    }
    let signature = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    let client = reqwest::Client::new();
    let send = |signature: String| {
        client
            .post(server.url("/webhooks/sms/twilio"))
            .header("x-twilio-signature", signature)
            .form(&params)
            .send()
    };
    assert_eq!(send(signature).await.unwrap().status(), 200);
    assert_eq!(send("forged".into()).await.unwrap().status(), 403);
    let logs = server.stop().await;

    let finished: Vec<serde_json::Value> = logs
        .iter()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|entry| entry["message"] == "finished processing request")
        .collect();
    let webhooks: Vec<_> = finished
        .iter()
        .filter(|entry| entry.to_string().contains("/webhooks/"))
        .collect();
    assert_eq!(webhooks.len(), 1, "only the refused webhook: {finished:?}");
    assert_eq!(webhooks[0]["status"], 403, "{finished:?}");
}

#[test]
fn bad_setting_names_itself() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(dir.path(), &["serve"], &[("HEARD_BIND", "everywhere")], "");
    assert_one_line_error(&output, &["HEARD_BIND", "127.0.0.1:8080"]);

    let output = run(dir.path(), &["migrate"], &[("HEARD_LOG_FORMAT", "xml")], "");
    assert_one_line_error(&output, &["HEARD_LOG_FORMAT", "plain or json"]);

    std::fs::write(dir.path().join("heard.toml"), "databse_url = \"x\"\n").unwrap();
    let output = run(dir.path(), &["migrate"], &[], "");
    assert_one_line_error(&output, &["heard.toml", "databse_url"]);
}

#[test]
fn missing_database_folder_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(
        dir.path(),
        &["serve"],
        &[("HEARD_DATABASE_URL", "sqlite:///no/such/folder/heard.db")],
        "",
    );
    assert_one_line_error(
        &output,
        &["HEARD_DATABASE_URL", "/no/such/folder", "does not exist"],
    );
}

#[test]
fn unreachable_database_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(
        dir.path(),
        &["migrate"],
        &[(
            "HEARD_DATABASE_URL",
            "postgres://heard:pw@127.0.0.1:1/heard",
        )],
        "",
    );
    assert_one_line_error(&output, &["could not open", "HEARD_DATABASE_URL"]);
    assert!(
        !String::from_utf8_lossy(&output.stderr).contains(":pw@"),
        "password hidden"
    );
}

#[test]
fn staff_accounts_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "staff",
        "add",
        "--email",
        "Lead@Devon.gov.uk",
        "--role",
        "lead",
    ];
    let output = run(dir.path(), &args, &[], "correct horse battery staple\n");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("lead@devon.gov.uk"));

    let again = run(dir.path(), &args, &[], "correct horse battery staple\n");
    assert_one_line_error(&again, &["already exists"]);

    let short = run(
        dir.path(),
        &[
            "staff",
            "add",
            "--email",
            "a@devon.gov.uk",
            "--role",
            "admin",
        ],
        &[],
        "short\n",
    );
    assert_one_line_error(&short, &["at least 12 characters"]);

    // The hash is argon2id; the password itself is nowhere in the database.
    // The row may still sit in the write-ahead log: read every file of the database.
    let db = common::database_bytes(dir.path());
    let text = String::from_utf8_lossy(&db);
    assert!(text.contains("$argon2id$"));
    assert!(!text.contains("correct horse battery staple"));
}

#[test]
fn consultation_file_errors_name_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let demo = include_str!("../consultations/four-cornerstones.toml");
    // Drop the Polish title: the loader must say where.
    let broken: String = demo
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("pl =") && !demo.is_empty() {
                ""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let file = dir.path().join("broken.toml");
    std::fs::write(&file, broken).unwrap();
    let output = run(
        dir.path(),
        &["consultation", "load", file.to_str().unwrap()],
        &[],
        "",
    );
    assert_one_line_error(&output, &["broken.toml", "line "]);

    let good = dir.path().join("good.toml");
    std::fs::write(&good, demo).unwrap();
    let output = run(
        dir.path(),
        &["consultation", "load", good.to_str().unwrap()],
        &[],
        "",
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
