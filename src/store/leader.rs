//! Work only one instance may do at a time (reading the mailbox): a lock its holder keeps
//! while it lives and loses when it dies, so a killed instance never blocks the others.
//! PostgreSQL: a session advisory lock on a connection of its own, released when that
//! connection closes. SQLite (every instance on one machine, one file): an exclusive
//! `flock` on a file beside the database, released when the file is closed.

use sqlx::{Connection, Row};

use super::{Backend, Store, StoreError};

/// Held while it lives; dropping it gives the lock up.
pub struct Leader {
    held: Held,
}

enum Held {
    Postgres(sqlx::AnyConnection),
    Sqlite(#[allow(dead_code)] std::fs::File),
}

impl Store {
    /// Takes the lock for `job` if no other instance holds it.
    pub async fn try_lead(&self, job: &str) -> Result<Option<Leader>, StoreError> {
        match self.backend {
            Backend::Postgres => {
                let mut conn = self.pool.acquire().await?.detach();
                let row = sqlx::query("SELECT pg_try_advisory_lock($1) AS held")
                    .bind(lock_key(job))
                    .fetch_one(&mut conn)
                    .await?;
                if row.try_get::<bool, _>("held")? {
                    Ok(Some(Leader {
                        held: Held::Postgres(conn),
                    }))
                } else {
                    let _ = conn.close().await;
                    Ok(None)
                }
            }
            Backend::Sqlite => {
                let url = &self.pool.connect_options().database_url;
                let path = format!(
                    "{}{}.{job}.lock",
                    url.host_str().unwrap_or_default(),
                    url.path()
                );
                let file = std::fs::OpenOptions::new()
                    .create(true)
                    .truncate(false)
                    .write(true)
                    .open(&path)
                    .map_err(sqlx::Error::Io)?;
                match rustix::fs::flock(&file, rustix::fs::FlockOperation::NonBlockingLockExclusive)
                {
                    Ok(()) => Ok(Some(Leader {
                        held: Held::Sqlite(file),
                    })),
                    Err(rustix::io::Errno::WOULDBLOCK) => Ok(None),
                    Err(e) => Err(sqlx::Error::Io(e.into()).into()),
                }
            }
        }
    }
}

impl Leader {
    /// Whether the lock is still held: a PostgreSQL lock goes with its connection.
    pub async fn still_held(&mut self) -> bool {
        match &mut self.held {
            Held::Postgres(conn) => conn.ping().await.is_ok(),
            Held::Sqlite(_) => true,
        }
    }
}

/// The advisory lock's number: a stable hash (FNV-1a) of the job's name.
fn lock_key(job: &str) -> i64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in job.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash as i64
}
