//! The webhooks: a gateway's message in, the conversation moved on, the submission stored
//! when it is finished, and the replies sent back (in the response, or by the outbox).
//!
//! Everything one message changes (the note that it was taken in, the conversation, a
//! finished submission, an opt-out, texts in the outbox) is committed in one transaction
//! before the gateway gets its 2xx. A retried message finds its note and gets the same
//! replies, sending nothing again.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, OriginalUri, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;

use chrono::NaiveDate;

use super::conversation::{self, Context, State as Conversation};
use super::outbox::Outbox;
use super::parse::{parse_keyword, Keyword};
use super::{Gateway, InboundSms, SmsError, WebhookRequest, MAX_WEBHOOK_BYTES};
use crate::domain::{Areas, Channel, Consultation, Submission};
use crate::ingest::{self, IngestError};
use crate::privacy::{Identifier, ProviderRef, Pseudonym, Pseudonymiser};
use crate::server::{AppError, AppState};
use crate::store::direct_ready as ready;
use crate::store::sms::{Noted, SmsTx};
use crate::store::{StoreError, StoredConsultation};

/// A conversation silent this long is over: what was answered is stored, and the next
/// message starts afresh.
pub const CONVERSATION_SECS: i64 = 30 * 24 * 3600;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/webhooks/sms/twilio", post(twilio))
        .route("/webhooks/sms/notify", post(notify))
        .layer(DefaultBodyLimit::max(MAX_WEBHOOK_BYTES))
}

async fn twilio(
    State(state): State<AppState>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    let Some(gateway) = state.sms.gateways.twilio.clone() else {
        return Err(AppError::NotFound);
    };
    expect_body(&headers, "application/x-www-form-urlencoded")?;
    webhook(&state, gateway.as_ref(), &uri, &headers, &body).await
}

async fn notify(
    State(state): State<AppState>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    let Some(gateway) = state.sms.gateways.notify.clone() else {
        return Err(AppError::NotFound);
    };
    expect_body(&headers, "application/json")?;
    webhook(&state, gateway.as_ref(), &uri, &headers, &body).await
}

/// A body the gateway labelled as another format is refused with 415 before anything reads
/// it. A body with no label is read as the gateway's own format.
fn expect_body(headers: &HeaderMap, media_type: &'static str) -> Result<(), AppError> {
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return Ok(());
    };
    let given = value
        .to_str()
        .ok()
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase());
    if given.as_deref() == Some(media_type) {
        Ok(())
    } else {
        Err(AppError::UnsupportedMediaType(media_type))
    }
}

async fn webhook(
    state: &AppState,
    gateway: &dyn Gateway,
    uri: &axum::http::Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Response, AppError> {
    // Signatures cover the address the gateway called: behind a proxy that is the public
    // one (HEARD_PUBLIC_URL), not what this process sees. The address the request names in
    // its Host header is tried next, so a deployment whose HEARD_PUBLIC_URL is unset or
    // stale still works; either way only a request signed with the auth token passes.
    let path = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    let mut urls = vec![format!("{}{}", state.config.public_url, path)];
    if let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) {
        for scheme in ["https", "http"] {
            let url = format!("{scheme}://{host}{path}");
            if !urls.contains(&url) {
                urls.push(url);
            }
        }
    }
    let mut parsed = Err(SmsError::Unauthorised);
    for url in &urls {
        let request = WebhookRequest { url, headers, body };
        parsed = gateway.parse_inbound(&request);
        if !matches!(parsed, Err(SmsError::Unauthorised)) {
            break;
        }
    }
    let sms = parsed.map_err(|e| match e {
        SmsError::Unauthorised => {
            tracing::warn!(
                gateway = gateway.name(),
                "webhook refused: not signed by the gateway"
            );
            AppError::Forbidden(e.to_string())
        }
        SmsError::BadRequest(reason) => AppError::BadRequest(reason),
        SmsError::Config(reason) => AppError::Internal(reason),
    })?;
    let replies = receive(state, gateway, &sms).await?;
    Ok(match gateway.inline_reply(&replies) {
        Some(inline) => {
            let mut response = (inline.status, inline.body).into_response();
            if let Some(content_type) = inline.content_type {
                response
                    .headers_mut()
                    .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
            }
            response
        }
        None => axum::http::StatusCode::NO_CONTENT.into_response(),
    })
}

/// Why a message could not be taken in.
#[derive(Debug, thiserror::Error)]
pub enum ReceiveError {
    #[error("the sender is not a phone number heard can read")]
    BadNumber,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Ingest(#[from] IngestError),
    /// Something the message was taken in by changed under it, committed by another
    /// transaction: the consultations (saved by another instance), or the texter's opt-out
    /// (their STOP or START, taken in while this message waited for their conversation).
    /// The caller starts over, with the consultations read again.
    #[error("{0} changed while the message was taken in")]
    Stale(&'static str),
}

impl From<sqlx::Error> for ReceiveError {
    fn from(e: sqlx::Error) -> ReceiveError {
        ReceiveError::Store(e.into())
    }
}

impl From<ReceiveError> for AppError {
    fn from(e: ReceiveError) -> AppError {
        match e {
            ReceiveError::BadNumber => AppError::BadRequest(e.to_string()),
            ReceiveError::Store(e) => AppError::Store(e),
            ReceiveError::Ingest(e) => AppError::Ingest(e),
            ReceiveError::Stale(_) => AppError::Store(StoreError::Unavailable(e.to_string())),
        }
    }
}

/// How many times a message is started over when what it read has changed under it
/// ([`ReceiveError::Stale`]); past that it gets a 503 and the gateway sends it again.
const STALE_RETRIES: u32 = 2;

/// Takes in one message and returns the texts that answer it (the same texts again for a
/// message already taken in). Gateways that cannot reply in the response get the texts
/// through the outbox, queued in the same transaction.
pub async fn receive(
    state: &AppState,
    gateway: &dyn Gateway,
    sms: &InboundSms,
) -> Result<Vec<String>, ReceiveError> {
    let number = Identifier::phone(&sms.from).map_err(|_| ReceiveError::BadNumber)?;
    let message = Message {
        respondent: state.pseudonymiser.pseudonym(&number),
        provider_ref: state.pseudonymiser.provider_ref(
            Channel::Sms,
            &format!("{}:{}", gateway.name(), sms.provider_id),
        ),
        now: state.clock.now().unix_timestamp(),
        gateway: gateway.name(),
        inline: gateway.inline_reply(&[]).is_some(),
        // Replies go to the number exactly as the gateway gave it.
        from: sms.from.trim().to_owned(),
        body: sms.body.clone(),
        concern: crate::safeguarding::assess(&sms.body).is_some(),
    };
    let taken = match state.store.direct() {
        Some(direct) => {
            // The consultations are read on the writer's own connection too, as the rest
            // of what the message needs: no hand-off to another thread.
            let mut intake = Intake::new(state, Arc::default());
            direct
                .run(move |tx| {
                    intake.consultations = Arc::new(tx.consultations()?);
                    ready(take_in(tx, &intake, &message)).unwrap_or_else(|| {
                        Err(StoreError::Unavailable("a direct write waited".into()).into())
                    })
                })
                .await?
        }
        None => {
            // The consultations as last read, checked against the transaction's own view;
            // read again and started over if they, or the opt-out, have changed since.
            let mut tries = 0;
            loop {
                let fresh = tries > 0;
                let (version, consultations) = state.store.listed_consultations(fresh).await?;
                let mut intake = Intake::new(state, consultations);
                intake.version = (!fresh).then_some(version);
                let mut tx = state.store.write().await?;
                match take_in(&mut *tx, &intake, &message).await {
                    Err(ReceiveError::Stale(_)) if tries < STALE_RETRIES => {
                        // At once, so the next try does not wait on this one's locks.
                        tx.rollback().await?;
                        tries += 1;
                    }
                    taken => {
                        let taken = taken?;
                        tx.commit().await?;
                        break taken;
                    }
                }
            }
        }
    };
    if taken.queued {
        state.sms.outbox.wake();
    }
    Ok(taken.replies)
}

/// One message, read and pseudonymised.
struct Message {
    respondent: Pseudonym,
    provider_ref: ProviderRef,
    now: i64,
    gateway: &'static str,
    /// Whether the gateway takes its replies in the response rather than by the outbox.
    inline: bool,
    /// The sender's number, only ever sealed into the outbox.
    from: String,
    body: String,
    /// Whether the text suggests a child may be at risk.
    concern: bool,
}

/// What taking messages in needs beside the transaction.
struct Intake {
    consultations: Arc<Vec<StoredConsultation>>,
    /// The version of `consultations`, when the transaction is to check it is still theirs.
    version: Option<i64>,
    today: NaiveDate,
    areas: Arc<Areas>,
    pseudonymiser: Arc<Pseudonymiser>,
    outbox: Arc<Outbox>,
}

impl Intake {
    fn new(state: &AppState, consultations: Arc<Vec<StoredConsultation>>) -> Intake {
        Intake {
            consultations,
            version: None,
            today: state.clock.today(),
            areas: Arc::clone(&state.areas),
            pseudonymiser: Arc::clone(&state.pseudonymiser),
            outbox: Arc::clone(&state.sms.outbox),
        }
    }
}

/// What a message was answered with, and whether texts wait in the outbox.
struct Taken {
    replies: Vec<String>,
    queued: bool,
}

/// Everything one message changes, in the caller's transaction.
async fn take_in<W: SmsTx>(
    tx: &mut W,
    intake: &Intake,
    message: &Message,
) -> Result<Taken, ReceiveError> {
    let (now, today) = (message.now, intake.today);
    let respondent = &message.respondent;
    let provider_ref = message.provider_ref.as_str();
    let noted = tx
        .take_message(provider_ref, respondent.as_str(), now)
        .await?;
    let Noted::New {
        conversation: stored,
        consultations,
    } = noted
    else {
        let replies = tx.inbound_replies(provider_ref).await?;
        tracing::info!(
            gateway = message.gateway,
            "a message already taken in came again"
        );
        return Ok(Taken {
            replies: serde_json::from_str(&replies).unwrap_or_default(),
            queued: false,
        });
    };
    if let (Some(expected), Some(seen)) = (intake.version, consultations) {
        if expected != seen {
            return Err(ReceiveError::Stale("the consultations"));
        }
    }
    let open: Vec<&Consultation> = intake
        .consultations
        .iter()
        .map(|s| &*s.consultation)
        .filter(|c| c.is_open_on(today))
        .collect();
    let context = Context {
        open: &open,
        areas: &intake.areas,
    };
    let mut current: Option<Conversation> = if stored.state.is_empty() {
        None
    } else {
        serde_json::from_str(&stored.state).ok()
    };
    if now - stored.last_seen > CONVERSATION_SECS {
        if let Some(old) = current.take() {
            store_unfinished(tx, intake, respondent, &old, stored.last_seen).await?;
        }
    }

    let keyword = parse_keyword(&message.body);
    let (next, replies, finished) = match keyword {
        Some(Keyword::Stop) => {
            // Carriers and gateways confirm an opt-out themselves; heard says nothing more.
            tx.set_opted_out(respondent.as_str(), true, now).await?;
            (current, Vec::new(), false)
        }
        _ if stored.opted_out && keyword != Some(Keyword::Start) => (current, Vec::new(), false),
        Some(Keyword::Start) => {
            tx.set_opted_out(respondent.as_str(), false, now).await?;
            match current.filter(|c| !c.consultation.is_empty()) {
                Some(c) => {
                    let mut replies = vec![conversation::say(c.locale(), "sms-start")];
                    replies.extend(conversation::current(&c, &context));
                    (Some(c), replies, false)
                }
                None => {
                    let outcome = conversation::handle_assessed(
                        None,
                        &message.body,
                        message.concern,
                        &context,
                    );
                    (Some(outcome.state), outcome.replies, outcome.finished)
                }
            }
        }
        _ => {
            let outcome =
                conversation::handle_assessed(current, &message.body, message.concern, &context);
            (Some(outcome.state), outcome.replies, outcome.finished)
        }
    };

    let mut next = next;
    // Worrying words mid-conversation reach the safeguarding lead now, with what was said
    // before them, not when the last question is answered (or a month after the texter
    // goes quiet). The conversation goes on; what follows is stored at its end.
    if let (true, false, Some(state)) = (message.concern, finished, next.as_mut()) {
        if state.flagged && !state.finished && state.has_answers() {
            let so_far = state.submission(
                &intake.areas,
                today,
                message.provider_ref.clone(),
                respondent.clone(),
            );
            if let Some(submission) = so_far {
                let stored_as = state.stored_as();
                if ingest_checked(tx, intake, &submission, stored_as.as_ref()).await? {
                    let stored_as = stored_as.unwrap_or_else(|| message.provider_ref.clone());
                    state.forget_stored_answers(&stored_as);
                }
            }
        }
    }

    let mut replies = replies;
    if let (true, Some(done)) = (finished, &next) {
        let submission = done.submission(
            &intake.areas,
            today,
            message.provider_ref.clone(),
            respondent.clone(),
        );
        let stored = match submission {
            Some(submission) => {
                ingest_checked(tx, intake, &submission, done.stored_as().as_ref()).await?
            }
            None => false,
        };
        if !stored {
            replies = vec![conversation::say(done.locale(), "sms-nothing-open")];
        }
    }

    let state = next
        .as_ref()
        .map(|c| serde_json::to_string(c).unwrap_or_default());
    let replies_json = serde_json::to_string(&replies).unwrap_or_else(|_| "[]".into());
    let opted_out_now = tx
        .keep_message(
            provider_ref,
            &replies_json,
            respondent.as_str(),
            state.as_deref(),
            now,
        )
        .await?;
    // STOP and START do not depend on the opt-out as it was; anything else was answered by it.
    let follows_opt_out = !matches!(keyword, Some(Keyword::Stop | Keyword::Start));
    if follows_opt_out && opted_out_now.is_some_and(|now| now != stored.opted_out) {
        return Err(ReceiveError::Stale("the texter's opt-out"));
    }
    let queued = !message.inline && !replies.is_empty();
    if queued {
        intake
            .outbox
            .enqueue(tx, message.gateway, &message.from, &replies, now)
            .await?;
    }
    Ok(Taken { replies, queued })
}

/// Stores a conversation's submission if its consultation takes it; `false` (and a note in
/// the log) if it does not, which the texter is told.
/// With `stored_as`, it fills in the part of the same conversation already stored.
async fn ingest_checked<W: SmsTx>(
    tx: &mut W,
    intake: &Intake,
    submission: &Submission,
    stored_as: Option<&ProviderRef>,
) -> Result<bool, ReceiveError> {
    match ingest::check_among(&intake.consultations, submission) {
        Ok(checked) => {
            match stored_as {
                Some(stored) => ingest::ingest_in_completing(tx, &checked, stored).await?,
                None => ingest::ingest_in(tx, &checked).await?,
            };
            Ok(true)
        }
        Err(IngestError::Store(e)) => Err(e.into()),
        Err(e) => {
            tracing::warn!(error = %e, "a text conversation could not be stored");
            Ok(false)
        }
    }
}

/// Stores what someone answered before going silent, so no view is lost.
async fn store_unfinished<W: SmsTx>(
    tx: &mut W,
    intake: &Intake,
    respondent: &Pseudonym,
    old: &Conversation,
    last_seen: i64,
) -> Result<(), ReceiveError> {
    if old.finished || !old.has_answers() {
        return Ok(());
    }
    let reference = intake.pseudonymiser.provider_ref(
        Channel::Sms,
        &format!("unfinished:{}:{last_seen}", respondent.as_str()),
    );
    let day = time::OffsetDateTime::from_unix_timestamp(last_seen)
        .map(crate::clock::day_of)
        .unwrap_or(intake.today);
    if let Some(submission) = old.submission(&intake.areas, day, reference, respondent.clone()) {
        ingest_checked(tx, intake, &submission, old.stored_as().as_ref()).await?;
    }
    Ok(())
}

/// Stores the answers of conversations silent for 30 days and forgets them.
pub async fn sweep(state: &AppState) -> Result<usize, ReceiveError> {
    let now = state.clock.now().unix_timestamp();
    let before = now - CONVERSATION_SECS;
    let intake = Intake::new(state, Arc::new(state.store.consultations().await?));
    let mut swept = 0;
    for respondent in state.store.sms_expired(before, 500).await? {
        let mut tx = state.store.write().await?;
        let stored = tx.lock_conversation(&respondent, now).await?;
        // Heard from again since it was listed: leave it be.
        if stored.last_seen >= before {
            tx.rollback().await?;
            continue;
        }
        if let Ok(old) = serde_json::from_str::<Conversation>(&stored.state) {
            let pseudonym = Pseudonym::from_store(respondent.clone());
            store_unfinished(&mut *tx, &intake, &pseudonym, &old, stored.last_seen).await?;
        }
        tx.delete_conversation(&respondent).await?;
        tx.commit().await?;
        swept += 1;
    }
    state.store.sms_forget_inbound(before).await?;
    Ok(swept)
}

/// The channel's background work: the outbox, and hourly the conversation sweep.
pub fn spawn_background(state: &AppState) -> Vec<tokio::task::JoinHandle<()>> {
    let outbox = Arc::clone(&state.sms.outbox).run(
        state.store.clone(),
        state.sms.gateways.clone(),
        state.clock.clone(),
    );
    let sweeper_state = state.clone();
    let sweeper = async move {
        let mut every = tokio::time::interval(Duration::from_secs(3600));
        loop {
            every.tick().await;
            match sweep(&sweeper_state).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(conversations = n, "silent text conversations closed"),
                Err(e) => tracing::warn!(error = %e, "text conversation sweep failed"),
            }
        }
    };
    vec![tokio::spawn(outbox), tokio::spawn(sweeper)]
}
