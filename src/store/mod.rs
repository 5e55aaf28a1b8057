//! The store: SQLite (embedded default) or PostgreSQL, chosen by the database URL.
//!
//! Both backends are driven through sqlx's `Any` driver with one portable SQL dialect
//! (`$n` parameters, `ON CONFLICT`, `RETURNING`), so every query is written once and the
//! same tests prove it on both. What must differ lives in per-backend migrations
//! (`migrations/sqlite`, `migrations/postgres`) and in `connect`.
//! The one exception is SQLite's hot path: a text message's writes run whole on a rusqlite
//! connection a writer thread owns (`direct`), with the same SQL text, and the code that
//! makes them is written once over a trait both kinds of transaction implement
//! ([`sms::SmsTx`], [`InsertSubmission`]). The other exception is the same path on
//! PostgreSQL, where two statements do in one round trip each what the portable ones do in
//! several (a data-modifying `WITH`, which SQLite lacks), with the same tests on both.
//! The store knows nothing of channels: it takes domain types and scrubbed text only.

#[macro_use]
mod consultations;
mod coverage;
mod coverage_filter;
mod direct;
mod exports;
mod followups;
mod group_commit;
mod jobs;
pub mod leader;
mod safeguarding;
mod sessions;
pub mod sms;
mod staff;
mod submissions;

use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Connection, Executor};

pub use consultations::StoredConsultation;
pub use coverage::CoverageCount;
pub use coverage_filter::CountFilter;
pub(crate) use direct::ready as direct_ready;
pub use direct::Direct;
pub use exports::ExportSubmission;
pub use group_commit::Write;
pub use jobs::RunClaim;
pub use safeguarding::{FlagAction, FlagLogEntry, FlaggedItem};
pub use sessions::{is_unavailable as session_unavailable, DbSessionStore};
pub use staff::StaffMember;
pub use submissions::{Ingested, InsertSubmission, SubmissionId};

use crate::config::DatabaseUrl;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database cannot be reached or opened: callers answer 503 so senders retry.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// From SQLite's writer connection (`direct`).
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A stored row heard cannot read back: a bug or a hand-edited database.
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    #[error("{0}")]
    Conflict(String),
}

impl StoreError {
    pub fn is_unavailable(&self) -> bool {
        match self {
            StoreError::Unavailable(_) => true,
            StoreError::Database(e) => {
                // A connection closed mid-handshake (a database or proxy going away) reads as
                // a protocol error, such as "unexpected response from SSLRequest". Retrying is
                // always safe: ingestion is idempotent on the provider's message id.
                matches!(
                    e,
                    sqlx::Error::Io(_)
                        | sqlx::Error::PoolTimedOut
                        | sqlx::Error::PoolClosed
                        | sqlx::Error::Tls(_)
                        | sqlx::Error::Protocol(_)
                        | sqlx::Error::WorkerCrashed
                ) || e
                    .as_database_error()
                    .and_then(|db| db.code())
                    .is_some_and(|code| is_unavailable_code(&code))
            }
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => {
                is_unavailable_code(&e.extended_code.to_string())
            }
            _ => false,
        }
    }
}

/// Database error codes that mean "not now" rather than "never": SQLite busy or locked
/// (another process holds the write lock past the busy timeout), PostgreSQL connection
/// failures, shutdown and too many connections. A gateway told to try again loses nothing.
fn is_unavailable_code(code: &str) -> bool {
    matches!(
        code,
        "5" | "6" | "261" | "262" | "517" | "57P01" | "57P02" | "57P03" | "53300"
    ) || code.starts_with("08")
}

/// Every SQLite connection's settings, the pool's and the writer thread's ([`direct`]).
/// WAL lets readers work beside the writer; FULL sync keeps a committed view on disk before
/// anyone is told it is safe (the writer thread instead flushes the log itself, after its
/// COMMIT and before answering); a lock another process holds is waited for, up to 5 s.
const SQLITE_PRAGMAS: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
     PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;";

/// A PostgreSQL connection idle longer than this is pinged before it is used.
const PING_IDLE_AFTER: Duration = Duration::from_secs(1);

/// A database transaction; commit it with `tx.commit().await`, or drop it to roll back.
pub type Tx = sqlx::Transaction<'static, sqlx::Any>;

#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// SQLite's writes from requests, grouped into shared commits ([`Store::write`]).
    writer: std::sync::Arc<group_commit::GroupWriter>,
    /// SQLite's writer connection for the hot writes ([`Store::direct`]); none on PostgreSQL.
    direct: Option<std::sync::Arc<direct::DirectWriter>>,
    parsed: std::sync::Arc<consultations::ParsedConsultations>,
    /// The consultations as last listed, for webhooks on PostgreSQL ([`Store::listed_consultations`]).
    listed: std::sync::Arc<consultations::Listed>,
}

impl Store {
    /// Opens the database. A SQLite file is created if its folder exists; a missing folder
    /// or an unreachable server is an `Unavailable` error that says what to fix.
    pub async fn connect(url: &DatabaseUrl, max_connections: u32) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let (backend, url_text) = match url {
            DatabaseUrl::Sqlite { path } => {
                let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
                if let Some(folder) = folder {
                    if !folder.is_dir() {
                        return Err(StoreError::Unavailable(format!(
                            "HEARD_DATABASE_URL: the folder {} does not exist; create it or choose another path",
                            folder.display()
                        )));
                    }
                }
                (
                    Backend::Sqlite,
                    format!("sqlite://{}?mode=rwc", path.display()),
                )
            }
            DatabaseUrl::Postgres { url } => (Backend::Postgres, url.clone()),
        };
        let options = AnyConnectOptions::from_str(&url_text)?;
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(5))
            // sqlx pings every connection as it is handed back to the pool. A PostgreSQL
            // server can drop one after that, so one idle for a while is pinged again before
            // use; one handed back moments ago is not (under load that was a round trip a
            // request for nothing). A SQLite file cannot drop a connection.
            .test_before_acquire(false)
            .before_acquire(move |conn, meta| {
                Box::pin(async move {
                    if backend == Backend::Postgres && meta.idle_for > PING_IDLE_AFTER {
                        conn.ping().await?;
                    }
                    Ok(true)
                })
            })
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        conn.execute(SQLITE_PRAGMAS).await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await
            .map_err(|e| {
                StoreError::Unavailable(format!(
                    "could not open {}: {}; check HEARD_DATABASE_URL",
                    url.redacted(),
                    one_line(&e)
                ))
            })?;
        let parsed: std::sync::Arc<consultations::ParsedConsultations> = Default::default();
        let direct = match url {
            DatabaseUrl::Sqlite { path } => Some(std::sync::Arc::new(direct::DirectWriter::open(
                path,
                std::sync::Arc::clone(&parsed),
            )?)),
            DatabaseUrl::Postgres { .. } => None,
        };
        Ok(Store {
            pool,
            backend,
            writer: Default::default(),
            direct,
            parsed,
            listed: Default::default(),
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub async fn migrate(&self) -> Result<(), StoreError> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&self.pool).await?;
        Ok(())
    }

    /// For `/readyz`: can heard run a query right now?
    pub async fn ping(&self) -> Result<(), StoreError> {
        if let Some(cause) = self.failure() {
            return Err(StoreError::Unavailable(cause));
        }
        if let Some(direct) = &self.direct {
            // Ready means heard could write now: SELECT 1 answers even when another process
            // holds the write lock. An empty job in the writer's next group proves it. It
            // costs a savepoint beside the texts in that group, where taking the write lock
            // from the pool would take it from the writer: /readyz is a public route.
            if self.pool.is_closed() {
                return Err(StoreError::Unavailable("the store is closed".into()));
            }
            return direct.run(|_| Ok::<(), StoreError>(())).await;
        }
        if self.backend == Backend::Sqlite {
            // As above, without a writer thread: take the write lock and let it go.
            let mut conn = self.pool.acquire().await?;
            sqlx::query("BEGIN IMMEDIATE").execute(&mut *conn).await?;
            if let Err(e) = sqlx::query("ROLLBACK").execute(&mut *conn).await {
                // Never hand a connection still in a transaction back to the pool.
                conn.detach();
                return Err(e.into());
            }
            return Ok(());
        }
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Why the store refuses every write until heard is started again (the disk failed a
    /// flush or a write of SQLite's); `None` while it works.
    pub fn failure(&self) -> Option<String> {
        self.direct.as_ref().and_then(|direct| direct.failure())
    }

    /// Resolves, with why, once the store refuses every write until heard is started again
    /// ([`Store::failure`]); never on PostgreSQL, whose server handles its own disk.
    pub async fn failed(&self) -> String {
        match &self.direct {
            Some(direct) => direct.failed().await,
            None => std::future::pending().await,
        }
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// A transaction for work that must be stored together or not at all.
    pub async fn begin(&self) -> Result<Tx, StoreError> {
        Ok(self.pool.begin().await?)
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// SQLite's writer connection, where a request's writes are run whole and committed in
    /// groups; `None` on PostgreSQL, where a [`Store::write`] transaction is as good.
    pub(crate) fn direct(&self) -> Option<&direct::DirectWriter> {
        self.direct.as_deref()
    }
}

fn one_line(e: &dyn std::fmt::Display) -> String {
    e.to_string()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the store's own tests share.
#[cfg(test)]
pub(crate) mod testing {
    use sqlx::Row;

    use super::Store;
    use crate::config::DatabaseUrl;

    /// Notes a message as taken in under the reference bound to `$1`.
    pub(crate) const NOTE: &str =
        "INSERT INTO sms_inbound (provider_ref, replies, received_at) VALUES ($1, '[]', 0)";

    /// A migrated SQLite store in a folder of its own.
    pub(crate) async fn sqlite() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let url = DatabaseUrl::Sqlite {
            path: dir.path().join("heard.db"),
        };
        let store = Store::connect(&url, 4).await.unwrap();
        store.migrate().await.unwrap();
        (dir, store)
    }

    /// How many messages are noted as taken in under references LIKE `pattern`.
    pub(crate) async fn noted(store: &Store, pattern: &str) -> i64 {
        sqlx::query("SELECT COUNT(*) AS n FROM sms_inbound WHERE provider_ref LIKE $1")
            .bind(pattern)
            .fetch_one(store.pool())
            .await
            .unwrap()
            .try_get("n")
            .unwrap()
    }
}

#[cfg(test)]
mod tests {
    use sqlx::Row;

    use super::*;

    #[tokio::test]
    async fn sqlite_runs_in_wal_with_foreign_keys_and_a_busy_timeout() {
        let dir = tempfile::tempdir().unwrap();
        let url = DatabaseUrl::Sqlite {
            path: dir.path().join("heard.db"),
        };
        let store = Store::connect(&url, 2).await.unwrap();
        store.migrate().await.unwrap();
        let pragma = |name: &'static str| {
            let store = store.clone();
            async move {
                let row = sqlx::query(&format!("PRAGMA {name}"))
                    .fetch_one(store.pool())
                    .await
                    .unwrap();
                row.try_get::<String, _>(0)
                    .or_else(|_| row.try_get::<i64, _>(0).map(|n| n.to_string()))
                    .unwrap()
            }
        };
        assert_eq!(pragma("journal_mode").await, "wal");
        assert_eq!(pragma("foreign_keys").await, "1");
        assert_eq!(pragma("busy_timeout").await, "5000");
        assert_eq!(pragma("synchronous").await, "2", "FULL");

        // Foreign keys are enforced: an answer needs its submission.
        let orphan = sqlx::query(
            "INSERT INTO answers (submission_id, question_id, kind) VALUES (999, 'q', 'skipped')",
        )
        .execute(store.pool())
        .await;
        assert!(orphan.is_err());
        store.close().await;
    }

    #[tokio::test]
    async fn missing_folder_is_named() {
        let url = DatabaseUrl::Sqlite {
            path: "/no/such/folder/heard.db".into(),
        };
        let err = Store::connect(&url, 1).await.unwrap_err();
        assert!(err.is_unavailable());
        assert!(
            err.to_string().contains("/no/such/folder does not exist"),
            "{err}"
        );
    }
}
