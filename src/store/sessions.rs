//! Sessions kept in the database, so a person's progress survives restarts and is shared
//! by every instance. Expiry is judged by heard's `Clock`.

use async_trait::async_trait;
use sqlx::Row;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};

use super::{Store, StoreError};
use crate::clock::Clock;

#[derive(Debug, Clone)]
pub struct DbSessionStore {
    store: Store,
    clock: Clock,
}

impl DbSessionStore {
    pub fn new(store: Store, clock: Clock) -> DbSessionStore {
        DbSessionStore { store, clock }
    }

    /// Removes sessions past their expiry; returns how many went.
    pub async fn delete_expired(&self) -> Result<u64, sqlx::Error> {
        let now = self.clock.now().unix_timestamp();
        let done = sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
            .bind(now)
            .execute(self.store.pool())
            .await?;
        Ok(done.rows_affected())
    }

    /// When a record expires by heard's clock. tower-sessions dates it by the system clock;
    /// the time left is kept, so tests that move heard's clock see sessions kept, and
    /// expire, as people would.
    fn expires_at(&self, record: &Record) -> i64 {
        let left = record.expiry_date - time::OffsetDateTime::now_utc();
        (self.clock.now() + left).unix_timestamp()
    }
}

fn backend(e: impl std::fmt::Display) -> session_store::Error {
    session_store::Error::Backend(e.to_string())
}

/// Begins the message of a session store error that means "not now" (the database busy or
/// away), the only thing tower-sessions lets a store say about its failures beyond a message.
const UNAVAILABLE: &str = "database unavailable: ";

/// A failed query, marked when it means "not now", so a page can say "try again in a minute"
/// rather than "something went wrong" ([`is_unavailable`]).
fn query_failed(e: sqlx::Error) -> session_store::Error {
    let e = StoreError::from(e);
    if e.is_unavailable() {
        session_store::Error::Backend(format!("{UNAVAILABLE}{e}"))
    } else {
        backend(e)
    }
}

/// Whether a session could not be loaded or saved only because the database is busy or away
/// for now.
pub fn is_unavailable(e: &tower_sessions::session::Error) -> bool {
    matches!(
        e,
        tower_sessions::session::Error::Store(session_store::Error::Backend(message))
            if message.starts_with(UNAVAILABLE)
    )
}

#[async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        let data = serde_json::to_string(&record.data)
            .map_err(|e| session_store::Error::Encode(e.to_string()))?;
        // A fresh random id that happens to exist already gets another one.
        loop {
            let inserted = sqlx::query(
                "INSERT INTO sessions (id, data, expires_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
            )
            .bind(record.id.to_string())
            .bind(&data)
            .bind(self.expires_at(record))
            .execute(self.store.pool())
            .await
            .map_err(query_failed)?;
            if inserted.rows_affected() == 1 {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let data = serde_json::to_string(&record.data)
            .map_err(|e| session_store::Error::Encode(e.to_string()))?;
        sqlx::query(
            "INSERT INTO sessions (id, data, expires_at) VALUES ($1, $2, $3) \
             ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at",
        )
        .bind(record.id.to_string())
        .bind(data)
        .bind(self.expires_at(record))
        .execute(self.store.pool())
        .await
        .map_err(query_failed)?;
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let row =
            sqlx::query("SELECT data, expires_at FROM sessions WHERE id = $1 AND expires_at > $2")
                .bind(id.to_string())
                .bind(self.clock.now().unix_timestamp())
                .fetch_optional(self.store.pool())
                .await
                .map_err(query_failed)?;
        let Some(row) = row else { return Ok(None) };
        let data: String = row.try_get("data").map_err(backend)?;
        let expires_at: i64 = row.try_get("expires_at").map_err(backend)?;
        Ok(Some(Record {
            id: *id,
            data: serde_json::from_str(&data)
                .map_err(|e| session_store::Error::Decode(e.to_string()))?,
            expiry_date: time::OffsetDateTime::from_unix_timestamp(expires_at).map_err(backend)?,
        }))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        sqlx::query("DELETE FROM sessions WHERE id = $1")
            .bind(id.to_string())
            .execute(self.store.pool())
            .await
            .map_err(query_failed)?;
        Ok(())
    }
}
