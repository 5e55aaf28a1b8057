//! Killing heard between fetching an email and storing it, and again between storing it and
//! moving it out of the inbox, loses nothing and stores nothing twice. The real binary
//! (`heard serve`) reads a real Dovecot mailbox and is killed with SIGKILL at each point;
//! `HEARD_TEST_EMAIL_HOLD` (debug builds only) makes it stop there so the kill lands inside
//! the window every time.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use common::mail::{wait_for, wait_until, Dovecot};
use common::mail_corpus::corpus;
use common::{fresh_database, TestBackend, TEST_SECRET};
use heard::config::DatabaseUrl;
use heard::store::Store;

const PROCESSED: &str = "heard-processed";

struct Heard {
    child: Child,
    stderr: mpsc::Receiver<String>,
}

fn start(
    dir: &tempfile::TempDir,
    database_url: &str,
    dovecot: &Dovecot,
    hold: Option<&str>,
) -> Heard {
    let config = dir.path().join("empty.toml");
    std::fs::write(&config, "").unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_heard"));
    command
        .arg("serve")
        .current_dir(dir.path())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HEARD_CONFIG", &config)
        .env("HEARD_BIND", "127.0.0.1:0")
        .env("HEARD_DATABASE_URL", database_url)
        .env("HEARD_SECRET", TEST_SECRET)
        .env("HEARD_DB_MAX_CONNECTIONS", "3")
        .envs(dovecot.settings(PROCESSED))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Some(stage) = hold {
        command.env("HEARD_TEST_EMAIL_HOLD", stage);
    }
    let mut child = command.spawn().expect("start heard serve");
    let (tx, rx) = mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    Heard { child, stderr: rx }
}

impl Heard {
    /// Waits for heard to say it is holding at `stage`, then kills it outright.
    fn kill_when_holding(mut self, stage: &str) {
        let marker = format!("heard-test: holding {stage}");
        loop {
            match self.stderr.recv_timeout(Duration::from_secs(30)) {
                Ok(line) if line.contains(&marker) => break,
                Ok(_) => continue,
                Err(e) => {
                    let _ = self.child.kill();
                    panic!("heard never held {stage}: {e}");
                }
            }
        }
        self.child.kill().expect("SIGKILL heard");
        self.child.wait().unwrap();
    }

    fn stop(mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        wait_until(Duration::from_secs(20), "heard to stop", || {
            matches!(self.child.try_wait(), Ok(Some(_)))
        });
    }
}

async fn stored(database_url: &str) -> i64 {
    let url = DatabaseUrl::parse(database_url).unwrap();
    let Ok(store) = Store::connect(&url, 1).await else {
        return -1;
    };
    let n = store
        .submission_count("four-cornerstones")
        .await
        .unwrap_or(-1);
    store.close().await;
    n
}

async fn killed_between_fetch_and_store_loses_nothing(backend: TestBackend) {
    let dovecot = Dovecot::start();
    let dir = tempfile::tempdir().unwrap();
    let (database_url, _pg) = fresh_database(&backend, &dir).await;
    let views: Vec<_> = corpus()
        .into_iter()
        .filter(|(_, _, e)| e.stored && e.consultation == "four-cornerstones")
        .take(5)
        .collect();
    for (_, raw, _) in &views {
        dovecot.deliver(raw);
    }

    // 1. Killed after fetching the first message, before storing it.
    start(&dir, &database_url, &dovecot, Some("after-fetch")).kill_when_holding("after-fetch");
    assert_eq!(stored(&database_url).await, 0);
    assert_eq!(dovecot.count("INBOX"), 5, "nothing left the inbox");

    // 2. Killed after storing it, before moving it out of the inbox.
    start(&dir, &database_url, &dovecot, Some("after-store")).kill_when_holding("after-store");
    assert_eq!(stored(&database_url).await, 1);
    assert_eq!(dovecot.count("INBOX"), 5, "stored but not yet moved");

    // 3. Restarted normally: everything is stored exactly once and moved.
    let heard = start(&dir, &database_url, &dovecot, None);
    wait_until(Duration::from_secs(60), "the inbox to empty", || {
        dovecot.count("INBOX") == 0 && dovecot.count(PROCESSED) == 5
    });
    wait_for(Duration::from_secs(10), "five views", || async {
        stored(&database_url).await == 5
    })
    .await;
    heard.stop();
    assert_eq!(stored(&database_url).await, 5, "each view once");
}

on_both_backends!(killed_between_fetch_and_store_loses_nothing);
