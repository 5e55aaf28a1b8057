//! Reading views from a mailbox over IMAP.
//!
//! Each round ([`poll_once`]) fetches the unseen messages with `BODY.PEEK[]` (so fetching
//! does not mark them seen), hands each to [`receive`], and only once its view is committed
//! marks it `\Seen` and moves it to the processed folder. A crash anywhere before the move
//! leaves the message unseen in the folder, so it is read again; ingestion is idempotent on
//! its Message-ID, so it is stored once. Nothing is lost and nothing is stored twice.
//!
//! [`poll_once`] is the whole of one round, so a lock (one poller among several heard
//! instances) can wrap it.

use std::fmt::Debug;
use std::sync::Arc;
use std::time::Duration;

use async_imap::Client;
use futures_util::StreamExt;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio_rustls::rustls::pki_types::ServerName;
use tokio_rustls::rustls::{ClientConfig, RootCertStore};
use tokio_rustls::TlsConnector;

use super::{receive, EmailError, Outcome};
use crate::config::{ExtraRoots, ImapConfig};
use crate::server::AppState;
use crate::store::leader::Leader;

const CONNECT_TIMEOUT: Duration = Duration::from_secs(30);
/// A mailbox round that takes longer than this is abandoned (and safely redone later).
const ROUND_TIMEOUT: Duration = Duration::from_secs(600);
/// The leader lock that lets one instance at a time read the mailbox.
pub const POLL_LOCK: &str = "imap-poll";

/// What one round did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PollReport {
    /// Messages whose view is stored (or was stored before) or that joined an earlier view.
    pub stored: usize,
    /// Messages that are not views (automatic replies, bounces, unreadable bytes).
    pub ignored: usize,
    /// Messages left in the folder to try again.
    pub kept: usize,
}

fn imap_error(e: async_imap::error::Error) -> EmailError {
    EmailError::Imap(e.to_string())
}

/// Polls the mailbox every `poll_secs` until `stop` resolves. A failed round is logged and
/// tried again next time.
pub async fn run(state: AppState, imap: ImapConfig, stop: impl std::future::Future<Output = ()>) {
    tracing::info!(host = %imap.host, folder = %imap.folder, "reading views from the mailbox");
    let mut every = tokio::time::interval(Duration::from_secs(imap.poll_secs));
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    tokio::pin!(stop);
    // Several instances may share one mailbox: only the one holding the lock reads it,
    // and another takes over when that one stops or dies.
    let mut leader: Option<Leader> = None;
    loop {
        tokio::select! {
            _ = &mut stop => break,
            _ = every.tick() => {}
        }
        if let Some(held) = leader.as_mut() {
            if !held.still_held().await {
                leader = None;
            }
        }
        if leader.is_none() {
            match state.store.try_lead(POLL_LOCK).await {
                Ok(Some(held)) => leader = Some(held),
                Ok(None) => {
                    tracing::debug!("another instance is reading the mailbox");
                    continue;
                }
                Err(e) => {
                    tracing::warn!(error = %e, "could not tell who reads the mailbox; will try again");
                    continue;
                }
            }
        }
        let outcome = tokio::time::timeout(ROUND_TIMEOUT, poll_once(&state, &imap)).await;
        crate::metrics::imap_poll(matches!(outcome, Ok(Ok(_))));
        match outcome {
            Ok(Ok(report)) if report == PollReport::default() => {}
            Ok(Ok(report)) => tracing::info!(
                stored = report.stored,
                ignored = report.ignored,
                kept = report.kept,
                "mailbox read"
            ),
            Ok(Err(e)) => tracing::warn!(error = %e, "could not read the mailbox; will try again"),
            Err(_) => tracing::warn!("reading the mailbox took too long; will try again"),
        }
    }
}

/// One round: connect, read every unseen message, store each, then move it away.
pub async fn poll_once(state: &AppState, imap: &ImapConfig) -> Result<PollReport, EmailError> {
    let tcp = tokio::time::timeout(
        CONNECT_TIMEOUT,
        TcpStream::connect((imap.host.as_str(), imap.port)),
    )
    .await
    .map_err(|_| EmailError::Imap("timed out connecting".into()))?
    .map_err(|e| EmailError::Imap(format!("could not connect: {e}")))?;
    if !imap.tls {
        return round(state, imap, tcp, false).await;
    }
    // STARTTLS: the greeting and the upgrade in plain text, then nothing more until TLS
    // (a server that refuses ends the round: heard never logs in without TLS).
    let (tcp, greeted) = if imap.starttls {
        let mut client = Client::new(tcp);
        greeting(&mut client).await?;
        client
            .run_command_and_check_ok("STARTTLS", None)
            .await
            .map_err(|e| EmailError::Imap(format!("STARTTLS failed: {e}")))?;
        (client.into_inner(), true)
    } else {
        (tcp, false)
    };
    {
        let name = ServerName::try_from(imap.host.clone())
            .map_err(|_| EmailError::Imap("HEARD_IMAP_HOST is not a host name".into()))?;
        let stream = tls_connector(&imap.extra_roots)
            .connect(name, tcp)
            .await
            .map_err(|e| {
                let hint = if e.to_string().contains("UnknownIssuer") {
                    " (if the server's certificate is from a private CA, name it in HEARD_IMAP_CA_FILE)"
                } else {
                    ""
                };
                EmailError::Imap(format!("TLS failed: {e}{hint}"))
            })?;
        round(state, imap, stream, greeted).await
    }
}

async fn greeting<T>(client: &mut Client<T>) -> Result<(), EmailError>
where
    T: AsyncRead + AsyncWrite + Unpin + Debug + Send,
{
    client
        .read_response()
        .await
        .map_err(|e| EmailError::Imap(format!("no greeting: {e}")))?
        .ok_or_else(|| EmailError::Imap("the server closed the connection".into()))?;
    Ok(())
}

/// Trusts the public web roots and, besides them, the CAs of `HEARD_IMAP_CA_FILE`.
fn tls_connector(extra: &ExtraRoots) -> TlsConnector {
    let mut roots = RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    // Each was added to a store once already when the settings were read.
    let (_added, _ignored) = roots.add_parsable_certificates(extra.0.iter().cloned());
    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("ring supports the default TLS versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
    TlsConnector::from(Arc::new(config))
}

/// `greeted`: the server's greeting was read already (before STARTTLS).
async fn round<T>(
    state: &AppState,
    imap: &ImapConfig,
    stream: T,
    greeted: bool,
) -> Result<PollReport, EmailError>
where
    T: AsyncRead + AsyncWrite + Unpin + Debug + Send,
{
    let mut client = Client::new(stream);
    if !greeted {
        greeting(&mut client).await?;
    }
    let mut session = client
        .login(&imap.user, imap.password.expose())
        .await
        .map_err(|(e, _)| imap_error(e))?;
    // Made on first use; "already exists" is the usual answer and is fine.
    let _ = session.create(&imap.processed_folder).await;
    session.select(&imap.folder).await.map_err(imap_error)?;
    let can_move = session
        .capabilities()
        .await
        .map_err(imap_error)?
        .has_str("MOVE");
    let mut uids: Vec<u32> = session
        .uid_search("UNSEEN")
        .await
        .map_err(imap_error)?
        .into_iter()
        .collect();
    uids.sort_unstable();

    let mut report = PollReport::default();
    for uid in uids {
        let raw = {
            let mut fetches = session
                .uid_fetch(uid.to_string(), "BODY.PEEK[]")
                .await
                .map_err(imap_error)?;
            let mut raw = None;
            while let Some(fetch) = fetches.next().await {
                let fetch = fetch.map_err(imap_error)?;
                if let Some(body) = fetch.body() {
                    raw = Some(body.to_vec());
                }
            }
            raw
        };
        let Some(raw) = raw else { continue };
        test_hold("after-fetch").await;
        // Stored on a task of its own, so the round's time limit cannot stop it half-way
        // through its writes (which would leave a connection mid-transaction in the pool).
        let stored = tokio::spawn({
            let state = state.clone();
            async move { receive(&state, &raw).await }
        })
        .await
        .unwrap_or_else(|e| {
            Err(EmailError::Store(crate::store::StoreError::Unavailable(
                e.to_string(),
            )))
        });
        match stored {
            Ok(Outcome::Stored { .. } | Outcome::Joined { .. }) => report.stored += 1,
            Ok(Outcome::Ignored(_)) => report.ignored += 1,
            Err(e @ EmailError::NotMime(_)) => {
                // Moved aside like the rest, or it would be read again every round.
                tracing::warn!(uid, error = %e, "unreadable message set aside");
                report.ignored += 1;
            }
            Err(e) if e.is_transient() => {
                tracing::warn!(uid, error = %e, "message kept in the mailbox; stopping this round");
                report.kept += 1;
                break;
            }
            Err(e) => {
                tracing::warn!(uid, error = %e, "message kept in the mailbox to try again");
                report.kept += 1;
                continue;
            }
        }
        test_hold("after-store").await;
        done(&mut session, uid, &imap.processed_folder, can_move).await?;
    }
    let _ = session.logout().await;
    Ok(report)
}

/// Marks a handled message seen and moves it to the processed folder.
async fn done<T>(
    session: &mut async_imap::Session<T>,
    uid: u32,
    processed: &str,
    can_move: bool,
) -> Result<(), EmailError>
where
    T: AsyncRead + AsyncWrite + Unpin + Debug + Send,
{
    {
        let mut stored = session
            .uid_store(uid.to_string(), "+FLAGS.SILENT (\\Seen)")
            .await
            .map_err(imap_error)?;
        while let Some(response) = stored.next().await {
            response.map_err(imap_error)?;
        }
    }
    if can_move {
        session
            .uid_mv(uid.to_string(), processed)
            .await
            .map_err(imap_error)?;
    } else {
        // Without MOVE: copy, then delete the original. A crash between leaves it seen in
        // both folders; seen messages are not read again.
        session
            .uid_copy(uid.to_string(), processed)
            .await
            .map_err(imap_error)?;
        {
            let mut deleted = session
                .uid_store(uid.to_string(), "+FLAGS.SILENT (\\Deleted)")
                .await
                .map_err(imap_error)?;
            while let Some(response) = deleted.next().await {
                response.map_err(imap_error)?;
            }
        }
        let expunged = session.expunge().await.map_err(imap_error)?;
        let _: Vec<_> = expunged.collect().await;
    }
    Ok(())
}

/// For the crash test only, in debug builds: with `HEARD_TEST_EMAIL_HOLD` set to this stage,
/// say so on stderr and wait forever, so the test can kill heard at exactly this point.
#[cfg(debug_assertions)]
async fn test_hold(stage: &str) {
    if std::env::var("HEARD_TEST_EMAIL_HOLD").is_ok_and(|s| s == stage) {
        eprintln!("heard-test: holding {stage}");
        std::future::pending::<()>().await;
    }
}

#[cfg(not(debug_assertions))]
async fn test_hold(_stage: &str) {}
