//! SQLite's hot writes, each request's whole unit of work run at once on a connection of
//! its own.
//!
//! Through sqlx every statement is a hand-off to a worker thread and back, and SQLite has
//! one writer at a time: a text message makes about seven statements, and those hand-offs,
//! one after another behind the write lock, were most of what a webhook cost. Here a
//! request's writes are one job for a thread that owns a rusqlite connection. It takes every
//! job queued, runs each in a savepoint of its own inside one transaction, and commits them
//! all at once (group commit).
//!
//! The commit is made durable off the writer's path (pipelined group commit): the writer's
//! connection commits without waiting for the disk (`synchronous = NORMAL`), hands the group
//! to a syncer thread and starts on the next group at once; the syncer flushes the
//! write-ahead log (`fdatasync`) and only then answers the group's callers. Nobody is told
//! their writes are kept before a flush that began after their COMMIT has returned; a failed
//! COMMIT or flush fails every member (a gateway is answered 503 and retries, and ingestion
//! is idempotent). Checkpoints (copying the log into the database file) run on a third
//! thread, so neither the writer nor the syncer waits for them. Under steady writes such a
//! checkpoint never reaches the log's end, and SQLite starts the log again from its
//! beginning only once everything in it is copied: left alone, the log grew by every write
//! (a gigabyte in ten seconds of load), each one a new page of file for the kernel to
//! allocate and zero. So once the log is long and the checkpointer has copied all but a
//! short tail, the writer copies that tail, between two groups, and its next write starts
//! the log afresh. Once writes stop for a while, the checkpointer copies all of the log and
//! cuts it to nothing, so the file does not keep a burst's length until the next one.
//!
//! A failed flush is final. Once `fdatasync` has failed, nothing written since the last good
//! one can be trusted to be on the disk (the kernel may have dropped those pages, and a later
//! flush succeeds without them), and SQLite's log is a chain: a frame lost in the middle
//! loses every frame after it when the log is next read. So from the first failure on, every
//! write is refused (a gateway is answered 503 and retries), `/readyz` says not ready, and the
//! server stops ([`DirectWriter::failed`]) so that its supervisor starts it again and SQLite
//! reads back from the log only what reached the disk. So is an I/O error on the writer's
//! own writes (SQLite flushes the log's new header itself when it starts the log again).
//!
//! A job's work is written once for both backends, as `async` code over a trait the sqlx
//! transaction implements too ([`super::sms::SmsTx`]); here every statement is synchronous,
//! so that code runs to its end in a single poll ([`ready`]).

use std::fs::File;
use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::pin::pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use rusqlite::Connection;
use tokio::sync::{oneshot, watch};

use super::consultations::ParsedConsultations;
use super::group_commit::{RELEASE, ROLLBACK_TO, SAVEPOINT};
use super::sms::Deferred;
use super::StoredConsultation;
use super::{StoreError, SQLITE_PRAGMAS};

/// At most this many requests share one COMMIT, so a steady stream still reaches the disk.
const MAX_GROUP: usize = 512;

/// Prepared statements kept for reuse; a webhook uses about ten distinct ones.
const STATEMENT_CACHE: usize = 64;

/// The writer's own settings on top of [`SQLITE_PRAGMAS`]: its COMMIT does not wait for
/// the disk (the syncer flushes the log before anyone is answered), and it leaves
/// checkpoints to the checkpointer thread. A log started again is cut back to 256 MB
/// ([`RESTART_LOG_AFTER`] and what is written while it is copied).
const WRITER_PRAGMAS: &str = "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0; \
    PRAGMA journal_size_limit = 268435456;";

/// Once the log is this long the writer copies its tail so that it starts again ([`Tail`]).
/// Each start pauses the writer for the tail's copy and two flushes (tens of milliseconds
/// under load), so not at every checkpoint: under a steady 15,000 texts a second, a log
/// started every half second (at 64 MB) put the webhooks' p99 at 45 ms, this at 13-15 ms.
const RESTART_LOG_AFTER: u64 = 128 << 20;

/// Once nothing has been written for this long, the log is copied and cut to nothing, so a
/// burst does not leave its full length on the disk while heard waits for the next one.
const EMPTY_LOG_WHEN_IDLE: Duration = Duration::from_secs(30);

/// When the log is started again or emptied.
#[derive(Debug, Clone, Copy)]
struct LogPolicy {
    /// The log's length past which the writer starts it again ([`RESTART_LOG_AFTER`]).
    restart_after: u64,
    /// How long without a write before the log is emptied ([`EMPTY_LOG_WHEN_IDLE`]).
    empty_when_idle: Duration,
}

impl LogPolicy {
    const SERVING: LogPolicy = LogPolicy {
        restart_after: RESTART_LOG_AFTER,
        empty_when_idle: EMPTY_LOG_WHEN_IDLE,
    };
}

/// At most this many passes of the checkpointer over a log written to while it copies.
const CATCH_UP_PASSES: usize = 4;

/// Frames of log (a page each) the writer is left to copy, at most, once the checkpointer
/// has caught up: a few milliseconds of copying.
const TAIL_FRAMES: i64 = 256;

/// How often, at most, the log is copied into the database file while writes go on. Each
/// copy writes every page changed since the last once, however often it was changed.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(500);

/// The writer thread's queue.
#[derive(Debug)]
pub(crate) struct DirectWriter {
    jobs: mpsc::Sender<Box<dyn Job>>,
    /// Why the disk failed a flush or a write, once that has happened.
    failure: watch::Receiver<Option<String>>,
}

/// The writer's connection, as a job's work sees it: inside the job's own savepoint.
pub struct Direct<'c> {
    pub(crate) conn: &'c Connection,
    /// The store's parsed consultations.
    pub(crate) parsed: &'c ParsedConsultations,
    /// The consultations as this group's transaction sees them, once read: nothing else
    /// can change them while the group holds the write lock.
    pub(crate) consultations: Option<Vec<StoredConsultation>>,
    /// Rows the running job will write whole once it knows their contents.
    pub(crate) deferred: Deferred,
}

trait Job: Send {
    /// Runs the work; false when it failed and its savepoint must be undone.
    fn run(&mut self, direct: &mut Direct<'_>) -> bool;
    /// Tells the caller how it went, once the group is committed (or could not be).
    fn finish(self: Box<Self>, committed: Result<(), String>);
}

struct Pending<F, T, E> {
    work: Option<F>,
    result: Option<Result<T, E>>,
    reply: oneshot::Sender<Result<T, E>>,
}

impl<F, T, E> Job for Pending<F, T, E>
where
    F: FnOnce(&mut Direct<'_>) -> Result<T, E> + Send,
    T: Send,
    E: From<StoreError> + Send,
{
    fn run(&mut self, direct: &mut Direct<'_>) -> bool {
        let Some(work) = self.work.take() else {
            return false;
        };
        direct.deferred = Deferred::default();
        let result = catch_unwind(AssertUnwindSafe(|| {
            let result = work(direct)?;
            direct.write_deferred()?;
            Ok(result)
        }))
        .unwrap_or_else(|_| {
            tracing::error!("a direct write panicked; its writes are undone");
            Err(StoreError::Unavailable("the write failed".into()).into())
        });
        let ok = result.is_ok();
        self.result = Some(result);
        ok
    }

    fn finish(self: Box<Self>, committed: Result<(), String>) {
        let outcome = match (committed, self.result) {
            (Ok(()), Some(result)) => result,
            (Err(cause), _) => Err(StoreError::Unavailable(cause).into()),
            (Ok(()), None) => Err(StoreError::Unavailable("the write was not run".into()).into()),
        };
        // The caller may have gone (its client hung up); what it wrote is kept all the same,
        // and a retried message finds it.
        let _ = self.reply.send(outcome);
    }
}

impl DirectWriter {
    /// Opens the writer's connection to the SQLite file and starts its threads: the writer,
    /// the syncer and the checkpointer.
    pub(crate) fn open(
        path: &Path,
        parsed: Arc<ParsedConsultations>,
    ) -> Result<DirectWriter, StoreError> {
        DirectWriter::with_policy(path, parsed, LogPolicy::SERVING)
    }

    /// As [`DirectWriter::open`], with the log started again and emptied as `policy` says.
    fn with_policy(
        path: &Path,
        parsed: Arc<ParsedConsultations>,
        policy: LogPolicy,
    ) -> Result<DirectWriter, StoreError> {
        let mut log = Log::of(path);
        DirectWriter::open_with(path, parsed, move || log.flush(), policy)
    }

    /// As [`DirectWriter::with_policy`], with `flush` making the log durable.
    fn open_with(
        path: &Path,
        parsed: Arc<ParsedConsultations>,
        flush: impl FnMut() -> std::io::Result<()> + Send + 'static,
        policy: LogPolicy,
    ) -> Result<DirectWriter, StoreError> {
        let conn = Connection::open(path).map_err(|e| {
            StoreError::Unavailable(format!("could not open {}: {e}", path.display()))
        })?;
        conn.execute_batch(SQLITE_PRAGMAS)?;
        conn.execute_batch(WRITER_PRAGMAS)?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        let (jobs, queue) = mpsc::channel();
        let (committed, to_sync) = mpsc::channel();
        let (nudge, nudged) = mpsc::sync_channel(1);
        let (failed, failure) = watch::channel(None);
        // The syncer's failed flush and the writer's failed write are both final.
        let failed = Arc::new(failed);
        let refused = Arc::clone(&failed);
        let database = path.to_owned();
        let copied = Arc::new(AtomicBool::new(false));
        let tail = Tail(Arc::clone(&copied));
        spawn("heard-sqlite-checkpoint", move || {
            checkpoint(&database, &nudged, &copied, policy)
        })?;
        spawn("heard-sqlite-sync", move || {
            sync(flush, &to_sync, &nudge, &failed)
        })?;
        spawn("heard-sqlite-writer", move || {
            let mut direct = Direct {
                conn: &conn,
                parsed: &parsed,
                consultations: None,
                deferred: Deferred::default(),
            };
            serve(&mut direct, &queue, &committed, &tail, &refused)
        })?;
        Ok(DirectWriter { jobs, failure })
    }

    /// Why the disk failed a flush or a write, once that has happened; from then on
    /// every write is refused.
    pub(crate) fn failure(&self) -> Option<String> {
        self.failure.borrow().clone()
    }

    /// Resolves once the disk has failed a flush or a write, with why; never otherwise.
    pub(crate) async fn failed(&self) -> String {
        let mut failure = self.failure.clone();
        let cause = failure
            .wait_for(Option::is_some)
            .await
            .ok()
            .and_then(|cause| cause.clone());
        match cause {
            Some(cause) => cause,
            // The syncer is gone with its sender: the store is closing, nothing failed.
            None => std::future::pending().await,
        }
    }

    /// Runs `work` in the next group and returns its result once that group is on disk.
    /// A failed `work` has its own writes undone and leaves the others' be.
    pub(crate) async fn run<T, E, F>(&self, work: F) -> Result<T, E>
    where
        F: FnOnce(&mut Direct<'_>) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
    {
        let (reply, answer) = oneshot::channel();
        let job = Pending {
            work: Some(work),
            result: None,
            reply,
        };
        self.jobs.send(Box::new(job)).map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }
}

fn stopped() -> StoreError {
    StoreError::Unavailable("the SQLite writer has stopped".into())
}

fn spawn(name: &str, run: impl FnOnce() + Send + 'static) -> Result<(), StoreError> {
    std::thread::Builder::new()
        .name(name.into())
        .spawn(run)
        .map(drop)
        .map_err(|e| StoreError::Unavailable(format!("could not start {name}: {e}")))
}

/// The writer thread: group after group until the store is dropped. A committed group goes
/// to the syncer; a failed one is answered at once.
fn serve(
    direct: &mut Direct<'_>,
    queue: &mpsc::Receiver<Box<dyn Job>>,
    committed: &mpsc::Sender<Vec<Box<dyn Job>>>,
    tail: &Tail,
    failed: &watch::Sender<Option<String>>,
) {
    let conn = direct.conn;
    while let Ok(first) = queue.recv() {
        let mut group = vec![first];
        while group.len() < MAX_GROUP {
            match queue.try_recv() {
                Ok(job) => group.push(job),
                Err(_) => break,
            }
        }
        let earlier = failed.borrow().clone();
        if let Some(cause) = earlier {
            finish(group, Err(cause));
            continue;
        }
        tail.copy(conn);
        match write_group(direct, &mut group) {
            Ok(()) => {
                crate::metrics::group_committed(group.len());
                if let Err(mpsc::SendError(group)) = committed.send(group) {
                    finish(group, Err("the SQLite syncer has stopped".into()));
                }
            }
            Err(e) => {
                // Whatever the group did is undone, so the next one starts clean.
                if !conn.is_autocommit() {
                    let _ = conn.execute_batch("ROLLBACK");
                }
                if is_disk_failure(&e) {
                    let cause = refuse_from_now_on(
                        failed,
                        format!("SQLite could not write to the disk: {e}"),
                    );
                    finish(group, Err(cause));
                    continue;
                }
                tracing::warn!(error = %e, members = group.len(), "a group of writes failed");
                finish(group, Err(format!("group commit failed: {e}")));
            }
        }
    }
}

/// An I/O error from the disk (SQLite's own flush of the log's header when it starts the
/// log again, a write that failed) is as final as a failed flush of ours: what the kernel
/// dropped cannot be told from what it kept. A busy or full database is not: it passes.
fn is_disk_failure(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::SystemIoFailure)
    )
}

/// Another connection holds a lock this one would have had to wait for.
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// Makes a failure of the disk final (see the module's notes): logged, and told to every
/// later write and to whoever waits to stop the server. Returns `cause`.
fn refuse_from_now_on(failed: &watch::Sender<Option<String>>, cause: String) -> String {
    tracing::error!(
        %cause,
        "every write is refused from now on and heard stops, to start again from what the \
         disk holds"
    );
    failed.send_replace(Some(cause.clone()));
    cause
}

fn finish(group: Vec<Box<dyn Job>>, outcome: Result<(), String>) {
    for job in group {
        job.finish(outcome.clone());
    }
}

/// The write-ahead log file, opened once and kept.
struct Log {
    path: PathBuf,
    file: Option<File>,
}

impl Log {
    /// The log of the database at `database`, opened at its first flush.
    fn of(database: &Path) -> Log {
        Log {
            path: wal_path(database),
            file: None,
        }
    }

    /// Flushes everything written to the log so far to the disk.
    fn flush(&mut self) -> std::io::Result<()> {
        let file = match &mut self.file {
            Some(file) => file,
            None => self.file.insert(File::open(&self.path)?),
        };
        file.sync_data()
    }
}

/// SQLite names a database's write-ahead log after it.
fn wal_path(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

/// The syncer thread: flushes the log once for every group committed since the last
/// flush began, then answers their callers; nudges the checkpointer now and then. After a
/// failed flush it flushes no more and fails every group (see the module's notes).
fn sync(
    mut flush: impl FnMut() -> std::io::Result<()>,
    committed: &mpsc::Receiver<Vec<Box<dyn Job>>>,
    nudge: &mpsc::SyncSender<()>,
    failed: &watch::Sender<Option<String>>,
) {
    let mut nudged = Instant::now().checked_sub(CHECKPOINT_EVERY);
    while let Ok(first) = committed.recv() {
        let mut groups = vec![first];
        groups.extend(committed.try_iter());
        let earlier = failed.borrow().clone();
        let flushed = match earlier {
            Some(cause) => Err(cause),
            None => flush().map_err(|e| {
                refuse_from_now_on(
                    failed,
                    format!("could not flush SQLite's log to the disk: {e}"),
                )
            }),
        };
        for group in groups {
            finish(group, flushed.clone());
        }
        if nudged.is_none_or(|at| at.elapsed() >= CHECKPOINT_EVERY) {
            // Full means a nudge is already waiting.
            let _ = nudge.try_send(());
            nudged = Some(Instant::now());
        }
    }
}

/// What the checkpointer leaves to the writer: the end of the log, written while it copied
/// the rest.
struct Tail(Arc<AtomicBool>);

impl Tail {
    /// Once the checkpointer has copied the bulk of the log, copies the rest on the writer's
    /// own connection, between groups. The log is then all in the database file, and the
    /// next write starts it again from its beginning, over pages the kernel already has.
    fn copy(&self, conn: &Connection) {
        if self.0.swap(false, Ordering::Relaxed) {
            let started = Instant::now();
            copy_log(conn);
            tracing::debug!(took = ?started.elapsed(), "the writer copied the log's tail");
        }
    }
}

/// Copies what it can of the log into the database file without blocking anyone. Returns
/// the frames the log held and the frames now copied, or `None` when it failed (logged, and
/// tried again later).
fn copy_log(conn: &Connection) -> Option<(i64, i64)> {
    let copied = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |row| {
        Ok((row.get(1)?, row.get(2)?))
    });
    match copied {
        Ok(frames) => Some(frames),
        Err(e) => {
            tracing::warn!(error = %e, "a SQLite checkpoint failed; it is tried again later");
            None
        }
    }
}

/// The checkpointer thread: on each nudge, copies the log into the database file on a
/// connection of its own. PASSIVE never blocks the writer; what was written while it ran is
/// left to the writer ([`Tail`]). Once no nudge has come for a while, empties the log.
fn checkpoint(
    database: &Path,
    nudged: &mpsc::Receiver<()>,
    copied: &AtomicBool,
    policy: LogPolicy,
) {
    let log = wal_path(database);
    let mut kept: Option<Connection> = None;
    loop {
        let idle = match nudged.recv_timeout(policy.empty_when_idle) {
            Ok(()) => false,
            Err(mpsc::RecvTimeoutError::Timeout) => true,
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        };
        if idle && std::fs::metadata(&log).map_or(true, |file| file.len() == 0) {
            continue;
        }
        let conn = match kept.take() {
            Some(conn) => conn,
            None => match open_checkpointer(database) {
                Ok(conn) => conn,
                Err(e) => {
                    tracing::warn!(error = %e, "could not open SQLite for a checkpoint");
                    continue;
                }
            },
        };
        if idle {
            empty_log(&conn);
        } else if catch_up(&conn).is_some_and(|length| length >= policy.restart_after) {
            copied.store(true, Ordering::Relaxed);
        }
        kept = Some(conn);
    }
}

/// Copies all of the log into the database file and cuts the log to nothing. Gives up at
/// once if a write or a long read is under way, rather than hold up either: the next quiet
/// spell tries again.
fn empty_log(conn: &Connection) {
    let emptied = conn
        .query_row("PRAGMA busy_timeout", [], |row| row.get::<_, u64>(0))
        .and_then(|waits| {
            conn.busy_timeout(Duration::ZERO)?;
            let busy = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| {
                row.get::<_, i64>(0)
            });
            conn.busy_timeout(Duration::from_millis(waits))?;
            busy
        });
    match emptied {
        Ok(0) => tracing::debug!("no writes for a while: the log is emptied"),
        Ok(_) => tracing::debug!("the log could not be emptied now; it is tried again later"),
        Err(e) if is_busy(&e) => {
            tracing::debug!("the log could not be emptied now; it is tried again later");
        }
        Err(e) => tracing::warn!(error = %e, "could not empty SQLite's log"),
    }
}

/// Copies the log, then again what was written meanwhile, until what is left is short
/// enough for the writer to copy between two groups without keeping anyone waiting long:
/// each pass copies what was written during the one before, a shorter time. Stops after
/// [`CATCH_UP_PASSES`] all the same (writes may outrun the copy, and the writer then copies
/// a longer tail). Returns the log's length in bytes; `None` if a pass failed.
fn catch_up(conn: &Connection) -> Option<u64> {
    let started = Instant::now();
    let page: u64 = conn
        .query_row("PRAGMA page_size", [], |row| row.get(0))
        .ok()?;
    let (mut log, mut done) = (0, 0);
    for _ in 0..CATCH_UP_PASSES {
        let (now, copied) = copy_log(conn)?;
        let this_pass = now - done;
        (log, done) = (now, copied);
        if this_pass <= TAIL_FRAMES {
            break;
        }
    }
    let bytes = u64::try_from(log).unwrap_or(0) * page;
    tracing::debug!(log_bytes = bytes, took = ?started.elapsed(), "checkpointed");
    Some(bytes)
}

fn open_checkpointer(database: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(database)?;
    conn.execute_batch(SQLITE_PRAGMAS)?;
    Ok(conn)
}

fn write_group(direct: &mut Direct<'_>, group: &mut [Box<dyn Job>]) -> rusqlite::Result<()> {
    let conn = direct.conn;
    direct.consultations = None;
    // IMMEDIATE takes the write lock now, so no member finds it taken half-way.
    exec(conn, "BEGIN IMMEDIATE")?;
    for job in group.iter_mut() {
        exec(conn, SAVEPOINT)?;
        if !job.run(direct) {
            exec(conn, ROLLBACK_TO)?;
        }
        exec(conn, RELEASE)?;
    }
    exec(conn, "COMMIT")
}

fn exec(conn: &Connection, sql: &str) -> rusqlite::Result<()> {
    conn.prepare_cached(sql)?.execute([])?;
    Ok(())
}

/// Runs work whose every step is synchronous: it finishes in its first poll. `None` if it
/// waited on something, which work given to the writer never does.
pub(crate) fn ready<F: Future>(work: F) -> Option<F::Output> {
    let mut work = pin!(work);
    match work.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => Some(output),
        Poll::Pending => None,
    }
}

impl Direct<'_> {
    /// Runs one statement that returns no rows.
    pub(crate) fn execute(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
    ) -> Result<(), StoreError> {
        self.conn.prepare_cached(sql)?.execute(params)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use rusqlite::OptionalExtension;

    use super::*;
    use crate::store::testing::{noted, sqlite, NOTE};
    use crate::store::Store;

    fn note(direct: &mut Direct<'_>, reference: &str) -> Result<(), StoreError> {
        direct.execute(NOTE, [reference])
    }

    /// The store with `writer` (on the same file) in place of its own.
    fn with_writer(store: &Store, writer: DirectWriter) -> Store {
        Store {
            direct: Some(Arc::new(writer)),
            ..store.clone()
        }
    }

    /// Concurrent jobs share commits, and every one told "committed" is stored, seen by
    /// the pool's own connections at once.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_jobs_are_all_committed() {
        let (_dir, store) = sqlite().await;
        let tasks: Vec<_> = (0..300)
            .map(|i| {
                let store = store.clone();
                tokio::spawn(async move {
                    let direct = store.direct().expect("SQLite has a writer");
                    direct.run(move |d| note(d, &format!("m{i}"))).await
                })
            })
            .collect();
        for task in tasks {
            task.await.unwrap().unwrap();
        }
        assert_eq!(noted(&store, "m%").await, 300);
        store.close().await;
    }

    /// A job that fails, or panics, has its own writes undone and no one else's.
    #[tokio::test]
    async fn a_failed_job_is_undone_alone() {
        let (_dir, store) = sqlite().await;
        let direct = store.direct().unwrap();
        direct.run(|d| note(d, "first")).await.unwrap();
        let failed = direct
            .run(|d| {
                note(d, "half-way")?;
                note(d, "first")
            })
            .await;
        assert!(failed.is_err(), "the same reference twice");
        let panicked: Result<(), StoreError> = direct
            .run(|d| {
                note(d, "before the panic")?;
                panic!("a bug in the work")
            })
            .await;
        assert!(panicked.is_err());
        let found: Option<String> = direct
            .run(|d| {
                Ok::<_, StoreError>(
                    d.conn
                        .query_row(
                            "SELECT provider_ref FROM sms_inbound WHERE provider_ref = 'first'",
                            [],
                            |row| row.get(0),
                        )
                        .optional()?,
                )
            })
            .await
            .unwrap();
        assert_eq!(found.as_deref(), Some("first"), "the writer still works");
        assert_eq!(noted(&store, "half-way").await, 0);
        assert_eq!(noted(&store, "before the panic").await, 0);
        assert_eq!(noted(&store, "first").await, 1);
        store.close().await;
    }

    /// With another connection holding the write lock past the busy timeout, a job is
    /// told the database is unavailable (a gateway is answered 503 and retries), and once
    /// the lock is free the next job is stored.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_locked_database_is_unavailable_then_recovers() {
        let (dir, store) = sqlite().await;
        let locker = Connection::open(dir.path().join("heard.db")).unwrap();
        locker.execute_batch("BEGIN IMMEDIATE").unwrap();
        let direct = store.direct().unwrap();
        let err = direct.run(|d| note(d, "while locked")).await.unwrap_err();
        assert!(err.is_unavailable(), "{err}");
        locker.execute_batch("ROLLBACK").unwrap();
        direct.run(|d| note(d, "after")).await.unwrap();
        assert_eq!(noted(&store, "while locked").await, 0);
        assert_eq!(noted(&store, "after").await, 1);
        store.close().await;
    }

    /// The writer leaves checkpoints to the checkpointer: while writes go on, what the log
    /// holds is copied into the database file.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_log_is_checkpointed_while_writes_go_on() {
        let (dir, store) = sqlite().await;
        let database = dir.path().join("heard.db");
        let before = std::fs::metadata(&database).unwrap().len();
        let direct = store.direct().unwrap();
        let replies = "x".repeat(4096);
        let mut written = 0;
        let copied = async {
            while std::fs::metadata(&database).unwrap().len() < before + (1 << 20) {
                let (reference, replies) = (format!("long{written}"), replies.clone());
                direct
                    .run(move |d| {
                        d.execute(
                            "INSERT INTO sms_inbound (provider_ref, replies, received_at) \
                             VALUES (?1, ?2, 0)",
                            rusqlite::params![reference, replies],
                        )
                    })
                    .await
                    .unwrap();
                written += 1;
            }
        };
        tokio::time::timeout(Duration::from_secs(60), copied)
            .await
            .expect("the log is copied into the database file");
        assert_eq!(noted(&store, "long%").await, written);
        store.close().await;
    }

    /// With writes that never pause, the log is still started again from its beginning
    /// rather than growing by everything written.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_log_starts_again_while_writes_go_on() {
        let (dir, store) = sqlite().await;
        let database = dir.path().join("heard.db");
        let policy = LogPolicy {
            restart_after: 256 << 10,
            ..LogPolicy::SERVING
        };
        let writer = DirectWriter::with_policy(&database, Default::default(), policy).unwrap();
        let store = with_writer(&store, writer);
        let log = wal_path(&database);
        let started = Instant::now();
        let until = 8 * CHECKPOINT_EVERY;
        // Four at a time, so the writer always has a job waiting.
        let writers: Vec<_> = (0..4)
            .map(|w| {
                let store = store.clone();
                tokio::spawn(async move {
                    let direct = store.direct().expect("SQLite has a writer");
                    let mut written = 0;
                    while started.elapsed() < until {
                        let reference = format!("w{w}-{written}");
                        direct.run(move |d| note(d, &reference)).await.unwrap();
                        written += 1;
                    }
                    written
                })
            })
            .collect();
        // The log's header counts the times it was started again (its checkpoint sequence).
        let mut starts = std::collections::BTreeSet::new();
        while started.elapsed() < until {
            let mut header = [0; 16];
            if File::open(&log)
                .and_then(|mut f| f.read_exact(&mut header))
                .is_ok()
            {
                starts.insert(header[12..].to_vec());
            }
            tokio::time::sleep(CHECKPOINT_EVERY / 10).await;
        }
        let mut written = 0;
        for writer in writers {
            written += writer.await.unwrap();
        }
        assert!(
            starts.len() >= 3,
            "the log was started {} times in {written} writes",
            starts.len()
        );
        assert_eq!(noted(&store, "w%").await, written);
        store.close().await;
    }

    /// Once writes stop, the log is copied and emptied: a burst does not leave its length
    /// on the disk until the next one.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_log_is_emptied_once_writes_stop() {
        let (dir, store) = sqlite().await;
        let database = dir.path().join("heard.db");
        let policy = LogPolicy {
            empty_when_idle: CHECKPOINT_EVERY,
            ..LogPolicy::SERVING
        };
        let writer = DirectWriter::with_policy(&database, Default::default(), policy).unwrap();
        let store = with_writer(&store, writer);
        let direct = store.direct().unwrap();
        for i in 0..50 {
            let reference = format!("quiet{i}");
            direct.run(move |d| note(d, &reference)).await.unwrap();
        }
        let log = wal_path(&database);
        let length = || std::fs::metadata(&log).map_or(0, |file| file.len());
        assert!(length() > 0, "the writes went to the log");
        let emptied = tokio::time::timeout(Duration::from_secs(30), async {
            while length() > 0 {
                tokio::time::sleep(CHECKPOINT_EVERY / 10).await;
            }
        })
        .await;
        assert!(emptied.is_ok(), "the log is emptied once writes stop");
        direct.run(|d| note(d, "after")).await.unwrap();
        assert_eq!(noted(&store, "quiet%").await, 50);
        assert_eq!(noted(&store, "after").await, 1);
        store.close().await;
    }

    /// Once the log could not be flushed, every write is refused, even when a later flush
    /// would succeed (it would not bring back what the failed one lost); the store says
    /// it is not ready, and says why to whoever waits to stop the server.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_failed_flush_refuses_every_write_after() {
        use std::sync::atomic::AtomicUsize;
        let (dir, store) = sqlite().await;
        let database = dir.path().join("heard.db");
        let flushes = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&flushes);
        let mut log = Log::of(&database);
        // Flushed: "before", the readiness check (an empty job), then the failing one.
        let flush = move || {
            if counted.fetch_add(1, Ordering::SeqCst) == 2 {
                return Err(std::io::Error::other("the disk reported an error"));
            }
            log.flush()
        };
        let writer =
            DirectWriter::open_with(&database, Default::default(), flush, LogPolicy::SERVING)
                .unwrap();
        let failing = with_writer(&store, writer);
        let writer = failing.direct().unwrap();
        writer.run(|d| note(d, "before")).await.unwrap();
        assert_eq!(failing.failure(), None);
        failing.ping().await.unwrap();

        let err = writer.run(|d| note(d, "as it failed")).await.unwrap_err();
        assert!(err.is_unavailable(), "{err}");
        let cause = tokio::time::timeout(Duration::from_secs(10), failing.failed())
            .await
            .expect("the failure is told");
        assert!(cause.contains("the disk reported an error"), "{cause}");
        let err = writer.run(|d| note(d, "after")).await.unwrap_err();
        assert!(err.is_unavailable(), "{err}");
        assert!(failing.ping().await.unwrap_err().is_unavailable());
        assert_eq!(
            flushes.load(Ordering::SeqCst),
            3,
            "no flush after the failed one"
        );

        assert_eq!(noted(&store, "before").await, 1);
        assert_eq!(noted(&store, "after").await, 0, "refused, never written");
        assert_eq!(store.failure(), None, "the other writer is not concerned");
        store.close().await;
    }

    /// Rows a job found missing and never filled in are still written, as the empty rows
    /// the statements on PostgreSQL make; rows it filled in are written once, whole.
    #[tokio::test]
    async fn deferred_rows_are_written_when_the_job_ends() {
        use crate::store::sms::SmsTx;
        let (_dir, store) = sqlite().await;
        let direct = store.direct().unwrap();
        direct
            .run(|d| {
                assert!(ready(d.record_inbound("left", 7)).unwrap()?);
                assert!(!ready(d.record_inbound("left", 7)).unwrap()?, "noted once");
                let conversation = ready(d.lock_conversation("someone", 7)).unwrap()?;
                assert_eq!(
                    (conversation.state.as_str(), conversation.last_seen),
                    ("", 7)
                );
                let again = ready(d.lock_conversation("someone", 8)).unwrap()?;
                assert_eq!(again, conversation, "made once");
                assert!(ready(d.record_inbound("filled", 8)).unwrap()?);
                ready(d.set_inbound_replies("filled", "[\"hi\"]")).unwrap()
            })
            .await
            .unwrap();
        let (left, filled, conversation) = direct
            .run(|d| {
                let mut replies = |r: &str| ready(d.inbound_replies(r)).unwrap();
                let (left, filled) = (replies("left")?, replies("filled")?);
                assert!(!ready(d.record_inbound("left", 9)).unwrap()?, "noted");
                let conversation = ready(d.lock_conversation("someone", 9)).unwrap()?;
                Ok::<_, StoreError>((left, filled, conversation))
            })
            .await
            .unwrap();
        assert_eq!((left.as_str(), filled.as_str()), ("[]", "[\"hi\"]"));
        assert_eq!(
            (conversation.state.as_str(), conversation.last_seen),
            ("", 7)
        );
        store.close().await;
    }

    #[test]
    fn the_log_is_named_after_the_database() {
        assert_eq!(
            wal_path(Path::new("/data/heard.db")),
            Path::new("/data/heard.db-wal")
        );
    }

    #[test]
    fn synchronous_work_is_ready_at_once() {
        assert_eq!(ready(async { 7 }), Some(7));
        assert_eq!(ready(std::future::pending::<()>()), None);
    }
}
