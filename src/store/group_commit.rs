//! Group commit for SQLite: many requests' writes made durable by one COMMIT.
//!
//! SQLite has one writer at a time, and with `synchronous = FULL` every COMMIT waits for the
//! disk. Writers that each took the lock in turn spent most of their time waiting for each
//! other's fsync. Here the writes of concurrent requests run one after another inside one
//! shared transaction, each in a savepoint of its own, and the last of a group commits them
//! all with one fsync. Nobody is answered before the COMMIT that holds their writes has
//! returned, so nothing is acknowledged before it is on disk; a failed COMMIT fails every
//! member, and each is told to try again.
//!
//! On PostgreSQL a [`Write`] is a plain transaction: concurrent commits already share WAL
//! flushes there.

use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{watch, Mutex, MutexGuard};

use super::{Backend, Store, StoreError, Tx};

/// At most this many requests share one COMMIT, so a steady stream still reaches the disk.
const MAX_GROUP: usize = 256;

/// How long a member waits for the rest of its group before committing it itself: the
/// requests that were queued behind it may have gone (their clients hung up).
const STRAGGLER_WAIT: Duration = Duration::from_millis(20);

/// The SQLite writer: the open group, and how many requests are queued for it.
#[derive(Debug, Default)]
pub(crate) struct GroupWriter {
    group: Mutex<Option<Group>>,
    queued: AtomicUsize,
    /// How many times a group could not begin (the database locked or away).
    begin_failures: AtomicU64,
}

#[derive(Debug)]
struct Group {
    tx: Tx,
    members: usize,
    /// A member that went away mid-write: its savepoint is rolled back before anyone else
    /// writes (a future cannot run SQL as it is dropped).
    undo_pending: bool,
    outcome: Arc<watch::Sender<Option<Result<(), String>>>>,
}

/// Each member's savepoint, here and on the writer thread ([`super::direct`]).
pub(super) const SAVEPOINT: &str = "SAVEPOINT heard_member";
pub(super) const RELEASE: &str = "RELEASE SAVEPOINT heard_member";
pub(super) const ROLLBACK_TO: &str = "ROLLBACK TO SAVEPOINT heard_member";

async fn run(tx: &mut Tx, sql: &'static str) -> Result<(), StoreError> {
    sqlx::query(sql).execute(&mut **tx).await?;
    Ok(())
}

/// Undoes the current member's savepoint.
async fn undo(tx: &mut Tx) -> Result<(), StoreError> {
    run(tx, ROLLBACK_TO).await?;
    run(tx, RELEASE).await
}

/// A transaction for one request's writes. Use it as a [`Tx`]; [`Write::commit`] returns once
/// they are durable. Dropped without `commit`, its writes are undone.
pub struct Write<'s> {
    inner: Inner<'s>,
}

enum Inner<'s> {
    Own(Tx),
    Member {
        writer: &'s Arc<GroupWriter>,
        guard: Option<MutexGuard<'s, Option<Group>>>,
    },
    Done,
}

impl Store {
    /// A transaction for a request's writes; on SQLite it joins the group being committed.
    pub async fn write(&self) -> Result<Write<'_>, StoreError> {
        if self.backend == Backend::Postgres {
            return Ok(Write {
                inner: Inner::Own(self.begin().await?),
            });
        }
        let writer = &self.writer;
        let failures_before = writer.begin_failures.load(Ordering::SeqCst);
        let mut guard = writer.lock().await;
        if let Some(group) = guard.as_mut() {
            if group.undo_pending {
                // Cleared only once done: cancelled half-way, the next writer tries again
                // (and a second undo that finds no savepoint fails the group, never keeps it).
                match undo(&mut group.tx).await {
                    Ok(()) => group.undo_pending = false,
                    Err(e) => fail_group(&mut guard, &e).await,
                }
            }
        }
        if guard.is_none() {
            // The database was locked or away while this writer queued: it is told to try
            // again at once, rather than each queued writer waiting out the busy timeout in
            // turn.
            if writer.begin_failures.load(Ordering::SeqCst) != failures_before {
                return Err(StoreError::Unavailable(
                    "the database could not be written while this write waited".into(),
                ));
            }
            // IMMEDIATE takes the write lock now, so no member finds it taken half-way.
            let tx = match self.pool().begin_with("BEGIN IMMEDIATE").await {
                Ok(tx) => tx,
                Err(e) => {
                    writer.begin_failures.fetch_add(1, Ordering::SeqCst);
                    return Err(e.into());
                }
            };
            let (outcome, _) = watch::channel(None);
            *guard = Some(Group {
                tx,
                members: 0,
                undo_pending: false,
                outcome: Arc::new(outcome),
            });
        }
        let group = guard.as_mut().ok_or_else(lost)?;
        if let Err(e) = run(&mut group.tx, SAVEPOINT).await {
            fail_group(&mut guard, &e).await;
            return Err(e);
        }
        Ok(Write {
            inner: Inner::Member {
                writer,
                guard: Some(guard),
            },
        })
    }
}

fn lost() -> StoreError {
    StoreError::Unavailable("the group transaction was lost".into())
}

impl GroupWriter {
    async fn lock(&self) -> MutexGuard<'_, Option<Group>> {
        struct Queued<'a>(&'a AtomicUsize);
        impl Drop for Queued<'_> {
            fn drop(&mut self) {
                self.0.fetch_sub(1, Ordering::SeqCst);
            }
        }
        self.queued.fetch_add(1, Ordering::SeqCst);
        let _queued = Queued(&self.queued);
        self.group.lock().await
    }
}

/// Rolls the whole group back and tells its members: none of their writes were kept.
async fn fail_group(guard: &mut MutexGuard<'_, Option<Group>>, cause: &StoreError) {
    if let Some(group) = guard.take() {
        let _ = group.tx.rollback().await;
        group
            .outcome
            .send_replace(Some(Err(format!("group transaction failed: {cause}"))));
    }
}

/// Commits the group under the guard and tells its members how it went.
async fn commit_group(guard: &mut MutexGuard<'_, Option<Group>>) -> Result<(), StoreError> {
    let Some(mut group) = guard.take() else {
        return Err(lost());
    };
    if group.undo_pending {
        if let Err(e) = undo(&mut group.tx).await {
            let _ = group.tx.rollback().await;
            group
                .outcome
                .send_replace(Some(Err(format!("group transaction failed: {e}"))));
            return Err(e);
        }
    }
    crate::metrics::group_committed(group.members);
    let result = group.tx.commit().await.map_err(StoreError::from);
    group.outcome.send_replace(Some(
        result
            .as_ref()
            .map(|_| ())
            .map_err(|e| format!("group commit failed: {e}")),
    ));
    result
}

impl Write<'_> {
    /// Keeps this request's writes and returns once they are on disk.
    pub async fn commit(mut self) -> Result<(), StoreError> {
        let (writer, guard) = match &mut self.inner {
            Inner::Own(_) => {
                let Inner::Own(tx) = std::mem::replace(&mut self.inner, Inner::Done) else {
                    unreachable!("matched above")
                };
                return Ok(tx.commit().await?);
            }
            Inner::Member { writer, guard } => (Arc::clone(writer), guard.take().ok_or_else(lost)?),
            Inner::Done => return Err(lost()),
        };
        self.inner = Inner::Done;
        // Cancelled while committing (its client hung up), nobody may come after it to
        // finish the group: settle it once the lock is free.
        let settle = SettleOnDrop(Some(Arc::clone(&writer)));
        let result = commit_member(&writer, guard).await;
        settle.disarm();
        result
    }
}

/// Settles the group if dropped before [`SettleOnDrop::disarm`].
struct SettleOnDrop(Option<Arc<GroupWriter>>);

impl SettleOnDrop {
    fn disarm(mut self) {
        self.0 = None;
    }
}

impl Drop for SettleOnDrop {
    fn drop(&mut self) {
        if let Some(writer) = self.0.take() {
            settle_later(writer);
        }
    }
}

async fn commit_member(
    writer: &Arc<GroupWriter>,
    mut guard: MutexGuard<'_, Option<Group>>,
) -> Result<(), StoreError> {
    {
        let group = guard.as_mut().ok_or_else(lost)?;
        if let Err(e) = run(&mut group.tx, RELEASE).await {
            fail_group(&mut guard, &e).await;
            return Err(e);
        }
        group.members += 1;
        if writer.queued.load(Ordering::SeqCst) == 0 || group.members >= MAX_GROUP {
            return commit_group(&mut guard).await;
        }
        // Others are queued: the last of them commits for everyone.
        let outcome = Arc::clone(&group.outcome);
        let mut done = outcome.subscribe();
        drop(guard);
        wait_for_group(writer, outcome, &mut done).await
    }
}

async fn wait_for_group(
    writer: &Arc<GroupWriter>,
    outcome: Arc<watch::Sender<Option<Result<(), String>>>>,
    done: &mut watch::Receiver<Option<Result<(), String>>>,
) -> Result<(), StoreError> {
    {
        loop {
            let settled = {
                let waited =
                    tokio::time::timeout(STRAGGLER_WAIT, done.wait_for(Option::is_some)).await;
                match waited {
                    Ok(Ok(result)) => Some(result.clone().unwrap_or(Ok(()))),
                    Ok(Err(_)) => Some(Err("the group commit was abandoned".to_owned())),
                    Err(_) => None,
                }
            };
            match settled {
                Some(result) => return result.map_err(StoreError::Unavailable),
                None => {
                    let mut guard = writer.lock().await;
                    let ours = guard
                        .as_ref()
                        .is_some_and(|g| Arc::ptr_eq(&g.outcome, &outcome));
                    if ours {
                        return commit_group(&mut guard).await;
                    }
                }
            }
        }
    }
}

impl Write<'_> {
    /// Undoes this request's writes. A member's undo is the one its drop does, so a group
    /// left empty is rolled back and frees SQLite's write lock.
    pub async fn rollback(mut self) -> Result<(), StoreError> {
        match std::mem::replace(&mut self.inner, Inner::Done) {
            Inner::Own(tx) => Ok(tx.rollback().await?),
            member => {
                self.inner = member;
                drop(self);
                Ok(())
            }
        }
    }
}

impl Drop for Write<'_> {
    fn drop(&mut self) {
        let Inner::Member {
            writer,
            guard: Some(guard),
        } = &mut self.inner
        else {
            return;
        };
        let Some(group) = guard.as_mut() else { return };
        group.undo_pending = true;
        settle_later(Arc::clone(writer));
    }
}

/// Settles the group as soon as the lock is free: undoes an abandoned write, then commits
/// what members are waiting for, or rolls back an empty group so SQLite's write lock is free.
/// For a writer that went away with nobody queued behind it to do this.
fn settle_later(writer: Arc<GroupWriter>) {
    let Ok(runtime) = tokio::runtime::Handle::try_current() else {
        return;
    };
    runtime.spawn(async move {
        let mut guard = writer.group.lock().await;
        let members = guard.as_ref().map(|g| g.members);
        match members {
            Some(0) => {
                if let Some(group) = guard.take() {
                    let _ = group.tx.rollback().await;
                }
            }
            Some(_) => {
                if let Err(e) = commit_group(&mut guard).await {
                    tracing::warn!(error = %e, "group commit after an abandoned write failed");
                }
            }
            None => {}
        }
    });
}

impl Deref for Write<'_> {
    type Target = Tx;

    fn deref(&self) -> &Tx {
        match &self.inner {
            Inner::Own(tx) => tx,
            Inner::Member {
                guard: Some(guard), ..
            } => match guard.as_ref() {
                Some(group) => &group.tx,
                None => unreachable!("a member's group is open while it writes"),
            },
            _ => unreachable!("a finished write is not used"),
        }
    }
}

impl DerefMut for Write<'_> {
    fn deref_mut(&mut self) -> &mut Tx {
        match &mut self.inner {
            Inner::Own(tx) => tx,
            Inner::Member {
                guard: Some(guard), ..
            } => match guard.as_mut() {
                Some(group) => &mut group.tx,
                None => unreachable!("a member's group is open while it writes"),
            },
            _ => unreachable!("a finished write is not used"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::testing::{noted, sqlite, NOTE};

    async fn note(write: &mut Write<'_>, reference: &str) -> Result<(), StoreError> {
        sqlx::query(NOTE)
            .bind(reference)
            .execute(&mut ***write)
            .await?;
        Ok(())
    }

    /// Concurrent writers share commits, and every one that was told "committed" is stored.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_writes_are_all_committed() {
        let (_dir, store) = sqlite().await;
        let tasks: Vec<_> = (0..200)
            .map(|i| {
                let store = store.clone();
                tokio::spawn(async move {
                    let mut write = store.write().await?;
                    note(&mut write, &format!("m{i}")).await?;
                    write.commit().await
                })
            })
            .collect();
        for task in tasks {
            task.await.unwrap().unwrap();
        }
        assert_eq!(noted(&store, "m%").await, 200);
        store.close().await;
    }

    /// A writer dropped half-way (its client hung up) leaves nothing, and does not take the
    /// others' writes or the write lock with it.
    #[tokio::test]
    async fn a_dropped_write_is_undone_and_the_rest_kept() {
        let (_dir, store) = sqlite().await;
        let mut dropped = store.write().await.unwrap();
        note(&mut dropped, "dropped").await.unwrap();
        drop(dropped);
        let mut kept = store.write().await.unwrap();
        note(&mut kept, "kept").await.unwrap();
        kept.commit().await.unwrap();
        assert_eq!(noted(&store, "dropped").await, 0);
        assert_eq!(noted(&store, "kept").await, 1);

        // Alone: the group is rolled back, so a write outside the group gets the lock.
        let mut alone = store.write().await.unwrap();
        note(&mut alone, "alone").await.unwrap();
        drop(alone);
        sqlx::query("INSERT INTO sms_inbound (provider_ref, replies, received_at) VALUES ('outside', '[]', 0)")
            .execute(store.pool())
            .await
            .unwrap();
        assert_eq!(noted(&store, "alone").await, 0);
        assert_eq!(noted(&store, "outside").await, 1);
        store.close().await;
    }

    /// A statement that fails inside one write is that writer's error alone.
    #[tokio::test]
    async fn a_failed_statement_spoils_only_its_own_write() {
        let (_dir, store) = sqlite().await;
        let mut first = store.write().await.unwrap();
        note(&mut first, "same").await.unwrap();
        first.commit().await.unwrap();
        let mut again = store.write().await.unwrap();
        assert!(note(&mut again, "same").await.is_err());
        again.rollback().await.unwrap();
        // Rolled back with nobody after it: the write lock is free for a write outside.
        sqlx::query(
            "INSERT INTO sms_inbound (provider_ref, replies, received_at) VALUES ('outside', '[]', 0)",
        )
        .execute(store.pool())
        .await
        .unwrap();
        let mut other = store.write().await.unwrap();
        note(&mut other, "other").await.unwrap();
        other.commit().await.unwrap();
        assert_eq!(noted(&store, "same").await, 1);
        assert_eq!(noted(&store, "other").await, 1);
        store.close().await;
    }
}
