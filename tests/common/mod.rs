//! Test harness: a real heard on a loopback port, on a fresh database of either backend.
//! `cargo test` runs every scenario on SQLite; with `HEARD_TEST_POSTGRES_URL` set, the
//! same scenarios also run on PostgreSQL, each in a database of its own.
#![allow(dead_code)]

pub mod mail;
pub mod mail_corpus;
pub mod staff;

use std::net::SocketAddr;

use heard::config::Config;
use heard::server::{self, AppState};
use heard::startup;
use sqlx::{Connection, Executor, PgConnection};
use tempfile::TempDir;
use tokio::net::TcpListener;

pub const TEST_SECRET: &str = "test-secret-test-secret-test-secret-0123";

#[derive(Debug, Clone)]
pub enum TestBackend {
    Sqlite,
    Postgres { admin_url: String },
}

impl TestBackend {
    pub fn postgres() -> Option<TestBackend> {
        std::env::var("HEARD_TEST_POSTGRES_URL")
            .ok()
            .filter(|u| !u.is_empty())
            .map(|admin_url| TestBackend::Postgres { admin_url })
    }
}

/// A fresh PostgreSQL database, dropped (forcibly) when this goes.
pub struct PgDatabase {
    admin_url: String,
    name: String,
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let admin_url = self.admin_url.clone();
        let name = self.name.clone();
        // Drop runs outside async: a short-lived runtime on its own thread does the work.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            rt.block_on(async {
                let mut conn = PgConnection::connect(&admin_url).await?;
                conn.execute(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").as_str())
                    .await?;
                Ok::<_, sqlx::Error>(())
            })
            .map_err(std::io::Error::other)
        })
        .join();
    }
}

pub struct TestApp {
    pub address: SocketAddr,
    pub state: AppState,
    pub client: reqwest::Client,
    /// Working folder: the SQLite file and the secret file live here.
    pub dir: TempDir,
    pub database_url: String,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
    _pg: Option<PgDatabase>,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.address, path)
    }

    /// Stops the server gracefully, waits for it and closes the store. The working folder
    /// is handed back so a test can look at what was written.
    pub async fn stop(mut self) -> TempDir {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(server) = self.server.take() {
            let _ = server.await;
        }
        self.state.store.close().await;
        self.dir
    }
}

pub async fn fresh_database(backend: &TestBackend, dir: &TempDir) -> (String, Option<PgDatabase>) {
    match backend {
        TestBackend::Sqlite => (
            format!("sqlite://{}", dir.path().join("heard.db").display()),
            None,
        ),
        TestBackend::Postgres { admin_url } => {
            let name = format!("heard_t_{}", uuid::Uuid::new_v4().simple());
            let mut conn = PgConnection::connect(admin_url)
                .await
                .expect("connect to HEARD_TEST_POSTGRES_URL");
            conn.execute(format!("CREATE DATABASE \"{name}\"").as_str())
                .await
                .expect("create a test database");
            let url = replace_database(admin_url, &name);
            (
                url,
                Some(PgDatabase {
                    admin_url: admin_url.clone(),
                    name,
                }),
            )
        }
    }
}

fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let after_scheme = base.find("://").map(|i| i + 3).unwrap_or(0);
    let host_end = base[after_scheme..]
        .find('/')
        .map(|i| i + after_scheme)
        .unwrap_or(base.len());
    format!("{}/{name}{query}", &base[..host_end])
}

/// The settings a test heard runs with, rooted in `dir`.
pub fn test_config(dir: &TempDir, database_url: &str, extra: &[(&str, &str)]) -> Config {
    let mut env = vec![
        ("HEARD_BIND".to_string(), "127.0.0.1:0".to_string()),
        ("HEARD_DATABASE_URL".to_string(), database_url.to_string()),
        ("HEARD_SECRET".to_string(), TEST_SECRET.to_string()),
        (
            "HEARD_CONFIG".to_string(),
            dir.path().join("absent.toml").display().to_string(),
        ),
        ("HEARD_DB_MAX_CONNECTIONS".to_string(), "5".to_string()),
    ];
    // HEARD_CONFIG must exist when set: write an empty file.
    std::fs::write(dir.path().join("absent.toml"), "").expect("write test config");
    for (k, v) in extra {
        env.retain(|(key, _)| key != k);
        env.push((k.to_string(), v.to_string()));
    }
    Config::from_sources(env).expect("test config is valid")
}

/// SQLite's write lock, held from a connection of the test's own as another process could
/// hold it: heard's writes wait out their busy time-out and fail until it is released.
pub struct WriteLock(sqlx::SqliteConnection);

impl WriteLock {
    pub async fn take(database_url: &str) -> WriteLock {
        let mut conn = sqlx::SqliteConnection::connect(database_url)
            .await
            .expect("open the database");
        sqlx::raw_sql("BEGIN EXCLUSIVE")
            .execute(&mut conn)
            .await
            .expect("take the write lock");
        WriteLock(conn)
    }

    pub async fn release(mut self) {
        sqlx::raw_sql("ROLLBACK")
            .execute(&mut self.0)
            .await
            .expect("let the write lock go");
        self.0.close().await.expect("close the connection");
    }
}

/// A client that keeps cookies, like one person's browser.
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .expect("http client")
}

/// Every byte of the SQLite database in `dir`: the file, its write-ahead log and shared memory.
pub fn database_bytes(dir: &std::path::Path) -> Vec<u8> {
    let mut bytes = Vec::new();
    for name in ["heard.db", "heard.db-wal", "heard.db-shm"] {
        if let Ok(file) = std::fs::read(dir.join(name)) {
            bytes.extend(file);
        }
    }
    bytes
}

/// The CSRF token in a page's form.
pub fn csrf(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker).expect("the page has a form") + marker.len();
    html[start..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// Fills in a page's form as a person would: fetch it, fill it, send it.
/// Returns (status, final path after redirects, body).
pub async fn fill(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    fields: &[(&str, &str)],
) -> (u16, String, String) {
    let page = client
        .get(app.url(path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let mut form = vec![("csrf".to_owned(), csrf(&page))];
    form.extend(fields.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    let response = client.post(app.url(path)).form(&form).send().await.unwrap();
    let status = response.status().as_u16();
    let path = response.url().path().to_owned();
    (status, path, response.text().await.unwrap())
}

pub async fn spawn_app(backend: TestBackend) -> TestApp {
    spawn_app_with(backend, &[]).await
}

pub async fn spawn_app_with(backend: TestBackend, extra: &[(&str, &str)]) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database_url, pg) = fresh_database(&backend, &dir).await;
    let config = test_config(&dir, &database_url, extra);
    let state = startup::state(config).await.expect("start heard");
    startup::load_demo_if_empty(&state.store)
        .await
        .expect("load the demo");
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind port 0");
    let address = listener.local_addr().expect("local address");
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(server::serve(listener, state.clone(), async {
        let _ = rx.await;
    }));
    TestApp {
        address,
        state,
        client: browser(),
        dir,
        database_url,
        shutdown: Some(tx),
        server: Some(server),
        _pg: pg,
    }
}

/// Runs each named scenario `async fn name(backend: TestBackend)` once on SQLite and,
/// when `HEARD_TEST_POSTGRES_URL` is set, once on PostgreSQL.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::common::TestBackend::Sqlite).await
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    match $crate::common::TestBackend::postgres() {
                        Some(backend) => super::$name(backend).await,
                        None => eprintln!("skipped: set HEARD_TEST_POSTGRES_URL to run on PostgreSQL"),
                    }
                }
            )*
        }
    };
}
