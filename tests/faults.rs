//! Faults heard must survive without losing a view or storing one twice: the real binary
//! (`heard serve`) killed with SIGKILL again and again while gateways keep retrying their
//! webhooks; the database taken away and given back; two instances on one database; and, on
//! SQLite, a disk that fails a flush. Each scenario that applies to both runs on SQLite and,
//! with `HEARD_TEST_POSTGRES_URL`, PostgreSQL.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use common::mail::Dovecot;
use common::{fresh_database, TestBackend, WriteLock, TEST_SECRET};
use heard::channels::sms::twilio;
use sqlx::{Connection, PgConnection, Row, SqliteConnection};

const PUBLIC_URL: &str = "https://heard.example.org";
const TWILIO_TOKEN: &str = "12345678901234567890abcdefabcdef";
const OUR_NUMBER: &str = "+447700900000";

/// The load tests run one at a time: together on two shared cores they would only time out.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// A `heard serve` child process, the address it listens on, and every line it logged.
struct Heard {
    child: Child,
    address: String,
    log: Arc<std::sync::Mutex<Vec<String>>>,
}

impl Heard {
    /// Starts heard and waits (bounded) for the log line that names its port.
    fn start(dir: &tempfile::TempDir, database_url: &str) -> Heard {
        Heard::start_with(dir, database_url, &[])
    }

    /// As `start`, with more settings.
    fn start_with(
        dir: &tempfile::TempDir,
        database_url: &str,
        extra: &[(String, String)],
    ) -> Heard {
        let config = dir.path().join("empty.toml");
        std::fs::write(&config, "").unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_heard"))
            .arg("serve")
            .current_dir(dir.path())
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("NO_COLOR", "1")
            .env("HEARD_CONFIG", &config)
            .env("HEARD_BIND", "127.0.0.1:0")
            .env("HEARD_PUBLIC_URL", PUBLIC_URL)
            .env("HEARD_DATABASE_URL", database_url)
            .env("HEARD_SECRET", TEST_SECRET)
            .env("HEARD_DB_MAX_CONNECTIONS", "3")
            .env("HEARD_TWILIO_AUTH_TOKEN", TWILIO_TOKEN)
            .envs(extra.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start heard serve");
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let log = Arc::new(std::sync::Mutex::new(Vec::new()));
        let kept = log.clone();
        // Keeps reading after the address is found, so heard never blocks on a full pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                kept.lock().unwrap().push(line.clone());
                if line.contains("heard is listening") {
                    let _ = tx.send(listening_address(&line));
                }
                // Shown when a test fails: what heard made of an error.
                if line.contains("ERROR") {
                    eprintln!("heard: {line}");
                }
            }
        });
        match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(address) => Heard {
                child,
                address,
                log,
            },
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("heard never said where it listens: {e}");
            }
        }
    }

    /// How many of the lines logged so far contain `text`.
    fn logged(&self, text: &str) -> usize {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|l| l.contains(text))
            .count()
    }

    /// Waits (bounded) for heard to stop by itself, and returns how it exited.
    async fn stopped_by_itself(&mut self) -> std::process::ExitStatus {
        for _ in 0..600 {
            if let Some(status) = self.child.try_wait().expect("heard's exit status") {
                return status;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("heard did not stop within 30 s");
    }

    fn kill(mut self) {
        self.child.kill().expect("SIGKILL heard");
        self.child.wait().unwrap();
    }
}

impl Drop for Heard {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn listening_address(line: &str) -> String {
    line.split("address")
        .nth(1)
        .and_then(|rest| {
            rest.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ':'))
                .find(|s| s.contains(':') && s.len() > 1)
        })
        .unwrap_or_default()
        .trim_start_matches(':')
        .to_owned()
}

/// The parameters Twilio posts for one text.
fn twilio_params(sid: &str, from: &str, body: &str) -> Vec<(String, String)> {
    [
        ("AccountSid", "AC0123456789abcdef0123456789abcdef"),
        ("ApiVersion", "2010-04-01"),
        ("Body", body),
        ("From", from),
        ("FromCountry", "GB"),
        ("MessageSid", sid),
        ("NumMedia", "0"),
        ("NumSegments", "1"),
        ("SmsMessageSid", sid),
        ("SmsSid", sid),
        ("SmsStatus", "received"),
        ("To", OUR_NUMBER),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

/// A signed webhook ready to send (again and again) to whichever heard is up.
#[derive(Clone)]
struct Webhook {
    body: String,
    signature: String,
}

impl Webhook {
    fn new(i: usize) -> Webhook {
        let sid = format!("SM{i:032x}");
        let from = format!("+4477009{i:05}");
        let params = twilio_params(&sid, &from, "hello");
        let signature = twilio::signature(
            TWILIO_TOKEN,
            &format!("{PUBLIC_URL}/webhooks/sms/twilio"),
            &params,
        );
        let pairs: Vec<(&str, &str)> = params
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        Webhook {
            body: twilio::form_encode(&pairs),
            signature,
        }
    }

    async fn send(&self, client: &reqwest::Client, address: &str) -> Option<u16> {
        let response = client
            .post(format!("http://{address}/webhooks/sms/twilio"))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("x-twilio-signature", &self.signature)
            .body(self.body.clone())
            .timeout(Duration::from_secs(10))
            .send()
            .await
            .ok()?;
        let status = response.status().as_u16();
        // The 2xx only counts once the whole answer has arrived.
        response.bytes().await.ok()?;
        Some(status)
    }
}

/// How many rows `table` holds, read straight from the database.
async fn count(database_url: &str, table: &str) -> i64 {
    let sql = format!("SELECT COUNT(*) AS n FROM {table}");
    if database_url.starts_with("sqlite:") {
        let mut conn = SqliteConnection::connect(database_url).await.unwrap();
        let n = sqlx::query(&sql)
            .fetch_one(&mut conn)
            .await
            .unwrap()
            .get("n");
        conn.close().await.unwrap();
        n
    } else {
        let mut conn = PgConnection::connect(database_url).await.unwrap();
        let n = sqlx::query(&sql)
            .fetch_one(&mut conn)
            .await
            .unwrap()
            .get("n");
        conn.close().await.unwrap();
        n
    }
}

/// N webhooks, each retried until it gets a 2xx, while heard is killed with SIGKILL
/// every time another quarter of them has been acknowledged, and started again.
async fn killed_under_load_keeps_every_message_once(backend: TestBackend) {
    const N: usize = 300;
    const KILLS: usize = 3;
    const IN_FLIGHT: usize = 24;
    let _turn = ONE_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let (database_url, _pg) = fresh_database(&backend, &dir).await;

    let heard = Heard::start(&dir, &database_url);
    let (address_tx, address_rx) = tokio::sync::watch::channel(heard.address.clone());
    let acknowledged = Arc::new(AtomicUsize::new(0));
    let (progress_tx, mut progress_rx) = tokio::sync::watch::channel(0usize);
    let progress_tx = Arc::new(progress_tx);
    let limit = Arc::new(tokio::sync::Semaphore::new(IN_FLIGHT));
    let client = reqwest::Client::new();

    let mut clients = tokio::task::JoinSet::new();
    for i in 0..N {
        let webhook = Webhook::new(i);
        let mut address = address_rx.clone();
        let (client, limit) = (client.clone(), limit.clone());
        let (acknowledged, progress_tx) = (acknowledged.clone(), progress_tx.clone());
        clients.spawn(async move {
            let _slot = limit.acquire_owned().await.unwrap();
            let mut attempts = 0u32;
            loop {
                attempts += 1;
                let current = address.borrow_and_update().clone();
                match webhook.send(&client, &current).await {
                    Some(status) if (200..300).contains(&status) => break,
                    Some(status) => assert_eq!(status, 503, "only 'try again' may refuse"),
                    None => {}
                }
                // As a gateway backs off: until heard is back, or a moment passes.
                let _ = tokio::time::timeout(Duration::from_millis(50), address.changed()).await;
            }
            let done = acknowledged.fetch_add(1, Ordering::SeqCst) + 1;
            progress_tx.send_replace(done);
            attempts
        });
    }

    let run = async {
        let mut heard = heard;
        for kill in 1..=KILLS {
            let threshold = kill * N / (KILLS + 1);
            progress_rx
                .wait_for(|done| *done >= threshold)
                .await
                .expect("clients are running");
            heard.kill();
            heard = tokio::task::block_in_place(|| Heard::start(&dir, &database_url));
            address_tx.send_replace(heard.address.clone());
        }
        let mut retried = 0;
        while let Some(attempts) = clients.join_next().await {
            if attempts.expect("a client failed") > 1 {
                retried += 1;
            }
        }
        heard.kill();
        retried
    };
    let retried = tokio::time::timeout(Duration::from_secs(50), run)
        .await
        .unwrap_or_else(|_| {
            panic!(
                "only {} of {N} webhooks were acknowledged in time",
                acknowledged.load(Ordering::SeqCst)
            )
        });
    assert!(
        retried > 0,
        "the kills landed while webhooks were in flight"
    );

    // One note per message, and each sender's first text opened one conversation.
    assert_eq!(count(&database_url, "sms_inbound").await, N as i64);
    assert_eq!(count(&database_url, "sms_conversations").await, N as i64);
}

/// A TCP proxy to PostgreSQL that can be cut: every connection through it dropped and new
/// ones refused, as when the database server goes away, without stopping the server that
/// other tests share.
struct Proxy {
    address: String,
    up: tokio::sync::watch::Sender<bool>,
}

impl Proxy {
    async fn start(upstream: String) -> Proxy {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap().to_string();
        let (up, _) = tokio::sync::watch::channel(true);
        let watch = up.clone();
        tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                if !*watch.borrow() {
                    // Refused: closed at once, before a byte of the protocol.
                    drop(inbound);
                    continue;
                }
                let mut cut = watch.subscribe();
                let upstream = upstream.clone();
                tokio::spawn(async move {
                    let Ok(mut outbound) = tokio::net::TcpStream::connect(&upstream).await else {
                        return;
                    };
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound) => {}
                        _ = cut.wait_for(|up| !*up) => {}
                    }
                });
            }
        });
        Proxy { address, up }
    }

    fn cut(&self) {
        self.up.send_replace(false);
    }

    fn restore(&self) {
        self.up.send_replace(true);
    }
}

/// The database URL with its host and port swapped for `address`.
fn through(database_url: &str, address: &str) -> (String, String) {
    let after_scheme = database_url.find("://").unwrap() + 3;
    let rest = &database_url[after_scheme..];
    let host_start = rest.find('@').map(|i| i + 1).unwrap_or(0);
    let host_end = rest[host_start..].find('/').unwrap() + host_start;
    let upstream = rest[host_start..host_end].to_owned();
    let upstream = if upstream.contains(':') {
        upstream
    } else {
        format!("{upstream}:5432")
    };
    let url = format!(
        "{}{}{address}{}",
        &database_url[..after_scheme],
        &rest[..host_start],
        &rest[host_end..]
    );
    (url, upstream)
}

async fn ready(client: &reqwest::Client, heard: &Heard) -> u16 {
    client
        .get(format!("http://{}/readyz", heard.address))
        .timeout(Duration::from_secs(10))
        .send()
        .await
        .map(|r| r.status().as_u16())
        .unwrap_or(0)
}

/// Sends each webhook until it gets a 2xx, all at once, bounded.
async fn deliver_all(client: &reqwest::Client, address: &str, webhooks: &[Webhook]) {
    let all = futures::future::join_all(webhooks.iter().map(|webhook| async move {
        loop {
            match webhook.send(client, address).await {
                Some(status) if (200..300).contains(&status) => break,
                Some(status) => assert_eq!(status, 503, "only 'try again' may refuse"),
                None => {}
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }));
    tokio::time::timeout(Duration::from_secs(30), all)
        .await
        .expect("every webhook is taken in once the database is back");
}

/// While the database is away a webhook is told to try again (503 with Retry-After, so a
/// gateway retries) and `/readyz` says not ready; once it is back every retried message is
/// stored exactly once.
async fn database_away_means_try_again(backend: TestBackend) {
    let _turn = ONE_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let (database_url, _pg) = fresh_database(&backend, &dir).await;
    let away = DatabaseAway::new(&backend, &database_url).await;
    let heard = tokio::task::block_in_place(|| Heard::start(&dir, &away.url));
    let client = reqwest::Client::new();
    let before: Vec<Webhook> = (0..10).map(Webhook::new).collect();
    let during: Vec<Webhook> = (10..30).map(Webhook::new).collect();

    deliver_all(&client, &heard.address, &before).await;
    assert_eq!(ready(&client, &heard).await, 200);

    away.go().await;
    assert_eq!(ready(&client, &heard).await, 503, "/readyz: not ready");
    let refused = futures::future::join_all(during.iter().map(|webhook| {
        let client = client.clone();
        let address = heard.address.clone();
        async move {
            let response = client
                .post(format!("http://{address}/webhooks/sms/twilio"))
                .header("content-type", "application/x-www-form-urlencoded")
                .header("x-twilio-signature", &webhook.signature)
                .body(webhook.body.clone())
                .timeout(Duration::from_secs(20))
                .send()
                .await
                .expect("heard answers while the database is away");
            let retry_after = response.headers().get("retry-after").cloned();
            (response.status().as_u16(), retry_after)
        }
    }))
    .await;
    for (status, retry_after) in refused {
        assert_eq!(status, 503, "a gateway must be told to try again");
        assert!(retry_after.is_some(), "503 says when to retry");
    }

    away.come_back().await;
    // The gateways retry everything, the messages taken in before as well.
    let all: Vec<Webhook> = before.iter().chain(&during).cloned().collect();
    deliver_all(&client, &heard.address, &all).await;
    assert_eq!(ready(&client, &heard).await, 200);
    heard.kill();
    assert_eq!(count(&database_url, "sms_inbound").await, 30);
    assert_eq!(count(&database_url, "sms_conversations").await, 30);
}

/// A person answering on the web while the database is away sees the same page again with
/// what they chose still chosen, told kindly to wait a minute and press the button again
/// (503 with Retry-After, so nothing takes it as saved). Once the database is back, the same
/// press saves the answer, and the answers, sent while it is away and then again, are stored
/// once.
async fn database_away_keeps_a_persons_answers(backend: TestBackend) {
    let _turn = ONE_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let (database_url, _pg) = fresh_database(&backend, &dir).await;
    let away = DatabaseAway::new(&backend, &database_url).await;
    let heard = tokio::task::block_in_place(|| Heard::start(&dir, &away.url));
    let person = common::browser();
    let url = |path: &str| format!("http://{}{path}", heard.address);
    let get = |path: &str| {
        let request = person.get(url(path)).timeout(Duration::from_secs(20));
        async move { request.send().await.unwrap().text().await.unwrap() }
    };
    let post = |path: &str, form: Vec<(&'static str, String)>| {
        let request = person
            .post(url(path))
            .form(&form)
            .timeout(Duration::from_secs(20));
        async move {
            let response = request.send().await.unwrap();
            let status = response.status().as_u16();
            let retry_after = response.headers().contains_key("retry-after");
            let landed = response.url().path().to_owned();
            (status, retry_after, landed, response.text().await.unwrap())
        }
    };
    // Pressed again until it is taken, as a person told to wait a minute would: connections
    // the database dropped while away can still fail a request or two once it is back.
    let press_again = |path: &'static str, form: Vec<(&'static str, String)>| {
        let post = &post;
        async move {
            for _ in 0..50 {
                let (status, _, landed, _) = post(path, form.clone()).await;
                if status != 503 {
                    return (status, landed);
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            panic!("{path} was still refused once the database was back");
        }
    };
    let first = "/c/four-cornerstones/q/1";
    let token = common::csrf(&get(first).await);
    let answer = || {
        vec![
            ("csrf", token.clone()),
            ("answer", "sometimes".to_owned()),
            ("action", "continue".to_owned()),
        ]
    };

    away.go().await;
    let (status, retry_after, _, page) = post(first, answer()).await;
    assert_eq!(status, 503, "not saved: {page}");
    assert!(retry_after, "503 says when to try again");
    assert!(page.contains("Wait one minute"), "a kind word: {page}");
    assert!(
        page.contains(r#"value="sometimes" id="answer-sometimes" checked"#),
        "their answer is still chosen: {page}"
    );
    assert_eq!(common::csrf(&page), token, "the page can be sent again");

    away.come_back().await;
    let (status, landed) = press_again(first, answer()).await;
    assert_eq!((status, landed.as_str()), (200, "/c/four-cornerstones/q/2"));
    let check = "/c/four-cornerstones/check";
    assert!(
        get(check).await.contains("Sometimes"),
        "the answer was saved"
    );
    let send = || vec![("csrf", token.clone())];

    away.go().await;
    let (status, retry_after, _, page) = post(check, send()).await;
    assert_eq!(status, 503, "not sent: {page}");
    assert!(retry_after, "503 says when to try again");
    if matches!(backend, TestBackend::Sqlite) {
        // SQLite still reads while another holds its write lock, so their answers are shown
        // again. With PostgreSQL gone they cannot be read: the page says to try again.
        assert!(page.contains("Then press Send my answers again"), "{page}");
        assert!(
            page.contains("Sometimes"),
            "their answers are still shown: {page}"
        );
    } else {
        assert!(page.contains("Please try again"), "{page}");
    }

    away.come_back().await;
    let (status, landed) = press_again(check, send()).await;
    assert_eq!(
        (status, landed.as_str()),
        (200, "/c/four-cornerstones/thanks")
    );
    // Sent once more, as a double tap would: still one.
    post(check, send()).await;
    heard.kill();
    assert_eq!(count(&database_url, "submissions").await, 1);
}

/// A disk that stops keeping what is written: once a flush of SQLite's log has failed, the
/// message it held is refused (503, so the gateway retries), heard stops by itself with a
/// failing exit so that systemd, Kubernetes or compose start it again, and the new start
/// keeps every message once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_a_failed_flush_stops_heard_and_loses_nothing() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let (database_url, _) = fresh_database(&TestBackend::Sqlite, &dir).await;
    let failing_sync = dir.path().join("failing_sync.so");
    let built = Command::new("cc")
        .args(["-shared", "-fPIC", "-O2", "-o"])
        .arg(&failing_sync)
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/faults/failing_sync.c"
        ))
        .arg("-ldl")
        .status()
        .expect("a C compiler (cc) builds the failing-disk shim");
    assert!(built.success(), "cc could not build the failing-disk shim");
    let bad_disk = dir.path().join("the-disk-fails");
    let mut heard = tokio::task::block_in_place(|| {
        Heard::start_with(
            &dir,
            &database_url,
            &[
                ("LD_PRELOAD".into(), failing_sync.display().to_string()),
                (
                    "HEARD_TEST_FAIL_SYNC_WHILE".into(),
                    bad_disk.display().to_string(),
                ),
            ],
        )
    });
    let client = reqwest::Client::new();
    let all: Vec<Webhook> = (0..6).map(Webhook::new).collect();
    deliver_all(&client, &heard.address, &all[..5]).await;

    std::fs::write(&bad_disk, "").unwrap();
    assert_eq!(
        all[5].send(&client, &heard.address).await,
        Some(503),
        "a message whose flush failed is not acknowledged"
    );
    let status = heard.stopped_by_itself().await;
    assert!(
        !status.success(),
        "a failing exit, for the supervisor: {status}"
    );
    // Whichever flush failed first: heard's own of the log, or SQLite's of a new log's header.
    assert!(heard.logged("the database refuses every write; heard stops") > 0);
    drop(heard);

    std::fs::remove_file(&bad_disk).unwrap();
    let heard = tokio::task::block_in_place(|| Heard::start(&dir, &database_url));
    // The gateway retries the refused message (and, as gateways do, some acknowledged ones).
    deliver_all(&client, &heard.address, &all).await;
    assert_eq!(ready(&client, &heard).await, 200);
    heard.kill();
    assert_eq!(count(&database_url, "sms_inbound").await, 6);
    assert_eq!(count(&database_url, "sms_conversations").await, 6);
}

/// How a test takes the database away from heard and gives it back.
struct DatabaseAway {
    /// The URL heard is given.
    url: String,
    proxy: Option<Proxy>,
    /// SQLite: the write lock, held from a connection of the test's own while it is away.
    locker: tokio::sync::Mutex<Option<WriteLock>>,
}

impl DatabaseAway {
    async fn new(backend: &TestBackend, database_url: &str) -> DatabaseAway {
        match backend {
            TestBackend::Postgres { .. } => {
                let (_, upstream) = through(database_url, "");
                let proxy = Proxy::start(upstream).await;
                let (url, _) = through(database_url, &proxy.address);
                DatabaseAway {
                    url,
                    proxy: Some(proxy),
                    locker: Default::default(),
                }
            }
            TestBackend::Sqlite => DatabaseAway {
                url: database_url.to_owned(),
                proxy: None,
                locker: Default::default(),
            },
        }
    }

    async fn go(&self) {
        match &self.proxy {
            Some(proxy) => proxy.cut(),
            None => {
                // Root ignores file modes, so the file is made unwritable the way another
                // process can: by holding SQLite's write lock past heard's busy timeout.
                *self.locker.lock().await = Some(WriteLock::take(&self.url).await);
            }
        }
    }

    async fn come_back(&self) {
        if let Some(proxy) = &self.proxy {
            proxy.restore();
        }
        if let Some(lock) = self.locker.lock().await.take() {
            lock.release().await;
        }
    }
}

impl Webhook {
    /// Message `n` of sender `sender`, saying `text`.
    fn from_sender(sender: usize, n: usize, text: &str) -> Webhook {
        let sid = format!("SM{sender:016x}{n:016x}");
        let from = format!("+4477009{sender:05}");
        let params = twilio_params(&sid, &from, text);
        let signature = twilio::signature(
            TWILIO_TOKEN,
            &format!("{PUBLIC_URL}/webhooks/sms/twilio"),
            &params,
        );
        let pairs: Vec<(&str, &str)> = params
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        Webhook {
            body: twilio::form_encode(&pairs),
            signature,
        }
    }

    /// Sends until a 2xx and returns the reply's body.
    async fn deliver(&self, client: &reqwest::Client, address: &str) -> String {
        loop {
            if let Ok(response) = client
                .post(format!("http://{address}/webhooks/sms/twilio"))
                .header("content-type", "application/x-www-form-urlencoded")
                .header("x-twilio-signature", &self.signature)
                .body(self.body.clone())
                .timeout(Duration::from_secs(10))
                .send()
                .await
            {
                let status = response.status().as_u16();
                if let Ok(text) = response.text().await {
                    if (200..300).contains(&status) {
                        return text;
                    }
                    assert_eq!(status, 503, "only 'try again' may refuse: {text}");
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// Two instances on one database take every message twice at the same moment (a gateway
/// retrying on the other instance): each is stored once, both give the same answer, and
/// each texter has one conversation that moves on a question at a time.
async fn two_instances_store_each_message_once(backend: TestBackend) {
    const SENDERS: usize = 20;
    const TEXTS: [&str; 4] = ["hello", "1", "2", "3"];
    let _turn = ONE_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let (database_url, _pg) = fresh_database(&backend, &dir).await;
    let first = tokio::task::block_in_place(|| Heard::start(&dir, &database_url));
    let second = tokio::task::block_in_place(|| Heard::start(&dir, &database_url));
    let client = reqwest::Client::new();

    let senders = (0..SENDERS).map(|sender| {
        let (client, a, b) = (
            client.clone(),
            first.address.clone(),
            second.address.clone(),
        );
        async move {
            let mut answers = Vec::new();
            for (n, text) in TEXTS.iter().enumerate() {
                let webhook = Webhook::from_sender(sender, n, text);
                let (one, two) =
                    tokio::join!(webhook.deliver(&client, &a), webhook.deliver(&client, &b));
                assert_eq!(one, two, "both instances answer a message alike");
                answers.push(one);
            }
            answers
        }
    });
    let answers = tokio::time::timeout(Duration::from_secs(50), futures::future::join_all(senders))
        .await
        .expect("every text is answered in time");
    // Every texter said the same things, so every conversation went the same way: a fork
    // (a question skipped or asked twice) would show as a different run of answers.
    for run in &answers {
        assert_eq!(run, &answers[0], "conversations do not fork");
    }
    first.kill();
    second.kill();
    assert_eq!(
        count(&database_url, "sms_inbound").await,
        (SENDERS * TEXTS.len()) as i64
    );
    assert_eq!(
        count(&database_url, "sms_conversations").await,
        SENDERS as i64
    );
}

/// Only one instance reads the mailbox at a time: the leader lock is held by one store
/// (one instance) and refused to another, and passes on when its holder lets go.
async fn one_instance_at_a_time_reads_the_mailbox(backend: TestBackend) {
    use heard::channels::email::imap::POLL_LOCK;
    use heard::config::DatabaseUrl;
    use heard::store::Store;

    let dir = tempfile::tempdir().unwrap();
    let (database_url, _pg) = fresh_database(&backend, &dir).await;
    let url = DatabaseUrl::parse(&database_url).unwrap();
    let first = Store::connect(&url, 2).await.unwrap();
    let second = Store::connect(&url, 2).await.unwrap();

    let held = first.try_lead(POLL_LOCK).await.unwrap();
    assert!(held.is_some(), "the first instance leads");
    assert!(second.try_lead(POLL_LOCK).await.unwrap().is_none());
    assert!(
        first.try_lead(POLL_LOCK).await.unwrap().is_none(),
        "held once, not twice"
    );
    assert!(
        second.try_lead("another-job").await.unwrap().is_some(),
        "one job's lock leaves the others free"
    );

    // Dropped as when its holder dies: the other instance takes over.
    drop(held);
    let taken = tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            if let Some(leader) = second.try_lead(POLL_LOCK).await.unwrap() {
                return leader;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("the lock passes on once its holder is gone");
    assert!(first.try_lead(POLL_LOCK).await.unwrap().is_none());
    drop(taken);
    first.close().await;
    second.close().await;
}

/// A view by email with its own Message-ID, as a mail server delivers it.
fn view_email(n: usize) -> Vec<u8> {
    format!(
        "From: Parent {n} <parent{n}@example.com>\r\n\
         To: views@heard.example.org\r\n\
         Subject: My views\r\n\
         Message-ID: <view-{n}@mail.example.com>\r\n\
         Date: Wed, 2 Dec 2026 18:00:00 +0000\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\r\n\
         We live in Exeter. Waiting {n} months for an assessment is far too long.\r\n"
    )
    .into_bytes()
}

/// Waits (bounded) until `n` views by email are stored and the inbox is empty.
async fn stored_by_email(database_url: &str, dovecot: &Dovecot, n: i64) {
    let done = tokio::time::timeout(Duration::from_secs(60), async {
        loop {
            let stored = count(database_url, "submissions WHERE channel = 'email'").await;
            assert!(
                stored <= n,
                "{stored} stored of {n}: a message stored twice"
            );
            if stored == n && dovecot.count("INBOX") == 0 {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    })
    .await;
    assert!(done.is_ok(), "every view by email is stored in time");
}

/// Two `heard serve` instances on one database and one mailbox: only one reads it (the
/// other never does while the first lives), every view is stored once, and when the reader
/// is killed the other takes over and stores what arrives next.
async fn two_instances_read_the_mailbox_one_at_a_time(backend: TestBackend) {
    common::mail::ensure_installed();
    let _turn = ONE_AT_A_TIME.lock().await;
    let dovecot = Dovecot::start();
    let dir = tempfile::tempdir().unwrap();
    let (database_url, _pg) = fresh_database(&backend, &dir).await;
    let settings = dovecot.settings("heard processed");
    let first = tokio::task::block_in_place(|| Heard::start_with(&dir, &database_url, &settings));
    let second = tokio::task::block_in_place(|| Heard::start_with(&dir, &database_url, &settings));

    for n in 0..6 {
        dovecot.deliver(&view_email(n));
    }
    stored_by_email(&database_url, &dovecot, 6).await;
    // A few more rounds for the idle one to try (it polls every second too).
    tokio::time::sleep(Duration::from_secs(3)).await;
    let rounds = [first.logged("mailbox read"), second.logged("mailbox read")];
    assert!(
        rounds.contains(&0) && rounds.iter().sum::<usize>() >= 1,
        "one instance reads the mailbox, not both: {rounds:?}"
    );
    let (reader, other) = if rounds[0] > 0 {
        (first, second)
    } else {
        (second, first)
    };

    reader.kill();
    for n in 6..9 {
        dovecot.deliver(&view_email(n));
    }
    stored_by_email(&database_url, &dovecot, 9).await;
    // The round logs once its messages are moved, a moment after the count is seen.
    let took_over = tokio::time::timeout(Duration::from_secs(10), async {
        while other.logged("mailbox read") == 0 {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await;
    assert!(took_over.is_ok(), "the other takes over");
    other.kill();
    assert_eq!(dovecot.count("heard processed"), 9);
}

// Test names start with the backend (`postgres::...`), so `.ci/run`'s PostgreSQL pass
// (`cargo test -- postgres::`) runs every one of them.
on_both_backends!(
    killed_under_load_keeps_every_message_once,
    database_away_means_try_again,
    database_away_keeps_a_persons_answers,
    two_instances_store_each_message_once,
    one_instance_at_a_time_reads_the_mailbox,
    two_instances_read_the_mailbox_one_at_a_time
);
