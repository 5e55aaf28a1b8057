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

use super::conversation::{self, Context, State as Conversation};
use super::parse::{parse_keyword, Keyword};
use super::{Gateway, InboundSms, SmsChannel, SmsError, WebhookRequest, MAX_WEBHOOK_BYTES};
use crate::domain::{Channel, Consultation};
use crate::ingest::{self, IngestError};
use crate::privacy::{Identifier, Pseudonym};
use crate::server::{AppError, AppState};
use crate::store::sms as sms_store;
use crate::store::{StoreError, Tx};

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
    webhook(&state, gateway.as_ref(), &uri, &headers, &body).await
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
    let replies = receive(state, &state.sms, gateway, &sms).await?;
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
        }
    }
}

/// Takes in one message and returns the texts that answer it (the same texts again for a
/// message already taken in). Gateways that cannot reply in the response get the texts
/// through the outbox, queued in the same transaction.
pub async fn receive(
    state: &AppState,
    channel: &SmsChannel,
    gateway: &dyn Gateway,
    sms: &InboundSms,
) -> Result<Vec<String>, ReceiveError> {
    let number = Identifier::phone(&sms.from).map_err(|_| ReceiveError::BadNumber)?;
    let respondent = state.pseudonymiser.pseudonym(&number);
    let provider_ref = state.pseudonymiser.provider_ref(
        Channel::Sms,
        &format!("{}:{}", gateway.name(), sms.provider_id),
    );
    let now = state.clock.now().unix_timestamp();
    let today = state.clock.today();
    let open: Vec<Consultation> = state
        .store
        .consultations()
        .await?
        .into_iter()
        .map(|s| s.consultation)
        .filter(|c| c.is_open_on(today))
        .collect();
    let context = Context {
        open: &open,
        areas: &state.areas,
    };

    let mut tx = state.store.write().await?;
    if !sms_store::record_inbound(&mut tx, provider_ref.as_str(), now).await? {
        let replies = sms_store::inbound_replies(&mut tx, provider_ref.as_str()).await?;
        tx.commit().await?;
        tracing::info!(
            gateway = gateway.name(),
            "a message already taken in came again"
        );
        return Ok(serde_json::from_str(&replies).unwrap_or_default());
    }
    let stored = sms_store::lock_conversation(&mut tx, respondent.as_str(), now).await?;
    let mut current: Option<Conversation> = if stored.state.is_empty() {
        None
    } else {
        serde_json::from_str(&stored.state).ok()
    };
    if now - stored.last_seen > CONVERSATION_SECS {
        if let Some(old) = current.take() {
            store_unfinished(&mut tx, state, &respondent, &old, stored.last_seen).await?;
        }
    }

    let opted_out = stored.opted_out;
    let keyword = parse_keyword(&sms.body);
    let (next, replies, finished) = match keyword {
        Some(Keyword::Stop) => {
            // Carriers and gateways confirm an opt-out themselves; heard says nothing more.
            sms_store::set_opted_out(&mut tx, respondent.as_str(), true, now).await?;
            (current, Vec::new(), false)
        }
        _ if opted_out && keyword != Some(Keyword::Start) => (current, Vec::new(), false),
        Some(Keyword::Start) => {
            sms_store::set_opted_out(&mut tx, respondent.as_str(), false, now).await?;
            match current.filter(|c| !c.consultation.is_empty()) {
                Some(c) => {
                    let mut replies = vec![conversation::say(c.locale(), "sms-start")];
                    replies.extend(conversation::current(&c, &context));
                    (Some(c), replies, false)
                }
                None => {
                    let outcome = conversation::handle(None, &sms.body, &context);
                    (Some(outcome.state), outcome.replies, outcome.finished)
                }
            }
        }
        _ => {
            let outcome = conversation::handle(current, &sms.body, &context);
            (Some(outcome.state), outcome.replies, outcome.finished)
        }
    };

    let mut replies = replies;
    if let (true, Some(done)) = (finished, &next) {
        let stored = match done.submission(
            &state.areas,
            today,
            provider_ref.clone(),
            respondent.clone(),
        ) {
            Some(submission) => match ingest::check(&state.store, &submission).await {
                Ok(checked) => {
                    ingest::ingest_in(&mut tx, &checked).await?;
                    true
                }
                Err(IngestError::Store(e)) => return Err(e.into()),
                Err(e) => {
                    tracing::warn!(error = %e, "a finished text conversation could not be stored");
                    false
                }
            },
            None => false,
        };
        if !stored {
            let locale = done.locale();
            replies = vec![conversation::say(locale, "sms-nothing-open")];
        }
    }

    match &next {
        Some(c) => {
            let json = serde_json::to_string(c).unwrap_or_default();
            sms_store::save_conversation(&mut tx, respondent.as_str(), &json, now).await?;
        }
        None => sms_store::delete_conversation(&mut tx, respondent.as_str()).await?,
    }
    let replies_json = serde_json::to_string(&replies).unwrap_or_else(|_| "[]".into());
    sms_store::set_inbound_replies(&mut tx, provider_ref.as_str(), &replies_json).await?;
    let inline = gateway.inline_reply(&[]).is_some();
    if !inline && !replies.is_empty() {
        // Replies go to the number exactly as the gateway gave it.
        channel
            .outbox
            .enqueue(&mut tx, gateway.name(), sms.from.trim(), &replies, now)
            .await?;
    }
    tx.commit().await?;
    if !inline && !replies.is_empty() {
        channel.outbox.wake();
    }
    Ok(replies)
}

/// Stores what someone answered before going silent, so no view is lost.
async fn store_unfinished(
    tx: &mut Tx,
    state: &AppState,
    respondent: &Pseudonym,
    old: &Conversation,
    last_seen: i64,
) -> Result<(), ReceiveError> {
    if old.finished || !old.has_answers() {
        return Ok(());
    }
    let reference = state.pseudonymiser.provider_ref(
        Channel::Sms,
        &format!("unfinished:{}:{last_seen}", respondent.as_str()),
    );
    let day = time::OffsetDateTime::from_unix_timestamp(last_seen)
        .map(crate::clock::day_of)
        .unwrap_or_else(|_| state.clock.today());
    let Some(submission) = old.submission(&state.areas, day, reference, respondent.clone()) else {
        return Ok(());
    };
    match ingest::check(&state.store, &submission).await {
        Ok(checked) => {
            ingest::ingest_in(tx, &checked).await?;
        }
        Err(IngestError::Store(e)) => return Err(e.into()),
        Err(e) => tracing::warn!(error = %e, "an unfinished text conversation could not be stored"),
    }
    Ok(())
}

/// Stores the answers of conversations silent for 30 days and forgets them.
pub async fn sweep(state: &AppState) -> Result<usize, ReceiveError> {
    let now = state.clock.now().unix_timestamp();
    let before = now - CONVERSATION_SECS;
    let mut swept = 0;
    for respondent in state.store.sms_expired(before, 500).await? {
        let mut tx = state.store.write().await?;
        let stored = sms_store::lock_conversation(&mut tx, &respondent, now).await?;
        // Heard from again since it was listed: leave it be.
        if stored.last_seen >= before {
            tx.rollback().await?;
            continue;
        }
        if let Ok(old) = serde_json::from_str::<Conversation>(&stored.state) {
            let pseudonym = Pseudonym::from_store(respondent.clone());
            store_unfinished(&mut tx, state, &pseudonym, &old, stored.last_seen).await?;
        }
        sms_store::delete_conversation(&mut tx, &respondent).await?;
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
