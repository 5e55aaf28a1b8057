//! The email channel: views sent by email, read from a mailbox over IMAP ([`imap`]) or posted
//! raw by a mail provider ([`webhook`]). Both hand the raw message to [`receive`], which
//! turns it into a `Submission` for the one ingestion path and then acknowledges the sender.
//!
//! - [`mime`] reads the message: sender, body (text/plain, else HTML as text), attachments
//!   (counted, never kept), and whether it is an automatic reply or a bounce.
//! - [`strip`] keeps the person's own words: no quoted history, signature or disclaimer.
//! - [`understand`] finds the consultation, area, group and language.
//! - [`ack`] writes and sends the easy-read acknowledgement.
//!
//! The sender's address is turned into a pseudonym at once and is otherwise held only in
//! memory, to send the acknowledgement. It is never stored or logged; nor is any text.

pub mod ack;
pub mod imap;
pub mod mime;
pub mod strip;
pub mod understand;
pub mod webhook;

use chrono::Days;
use sha2::{Digest, Sha256};

pub use ack::Mailer;

use crate::domain::{Answer, AnswerValue, AreaId, Areas, Channel, RespondentGroup, Submission};
use crate::i18n::Locale;
use crate::ingest::{self, IngestError};
use crate::privacy::{scrub_knowing, ProviderRef, Pseudonym, ScrubbedText};
use crate::safeguarding;
use crate::server::AppState;
use crate::store::{StoreError, SubmissionId};

/// How long after asking for an area a reply from the same sender still joins that view.
pub const AREA_REPLY_DAYS: u64 = 30;

/// A message this short (in words) from someone asked for their area is read as the answer
/// even when their mail program did not mark it as a reply to the acknowledgement. Longer
/// ones are new views unless they reply to the acknowledgement: a new view must not be
/// mistaken for an answer and lose its words.
const SHORT_ANSWER_WORDS: usize = 10;

#[derive(Debug, thiserror::Error)]
pub enum EmailError {
    /// The bytes are not an email: the webhook answers 400.
    #[error("not an email: {0}")]
    NotMime(&'static str),
    #[error("no consultation is open to take the view")]
    NoOpenConsultation,
    #[error("consultation {0:?} has no free-text question to hold an email")]
    NoFreeTextQuestion(String),
    #[error(transparent)]
    Ingest(#[from] IngestError),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Sending the acknowledgement failed; says how, never to whom.
    #[error("acknowledgement not sent: {0}")]
    Send(String),
    #[error("{0}")]
    Settings(String),
    #[error("mailbox: {0}")]
    Imap(String),
}

impl EmailError {
    /// Worth trying again later (the database or mailbox is down), as opposed to a message
    /// that will never be read.
    pub fn is_transient(&self) -> bool {
        match self {
            // A database problem is not the message's fault: keep it and try again.
            EmailError::Store(_)
            | EmailError::Ingest(IngestError::Store(_))
            | EmailError::Imap(_) => true,
            _ => false,
        }
    }
}

/// What became of an email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Stored as a view (`new: false` when the same message was stored before).
    Stored { id: SubmissionId, new: bool },
    /// Answered an earlier request for the area of view `id`, which now has it.
    Joined { id: SubmissionId },
    /// Not a view: an automatic reply, a bounce, or an empty message.
    Ignored(&'static str),
}

/// The keyed reference a message is known by: its Message-ID, or a digest of the whole
/// message when it has none (the same bytes read again give the same reference).
fn reference(state: &AppState, message_id: Option<&str>, raw: &[u8]) -> ProviderRef {
    match message_id {
        Some(id) => state.pseudonymiser.provider_ref(Channel::Email, id),
        None => state.pseudonymiser.provider_ref(
            Channel::Email,
            &format!("sha256:{}", hex::encode(Sha256::digest(raw))),
        ),
    }
}

/// Reads one raw email and stores the view in it (or joins it to an earlier view), then
/// acknowledges it. Returns `Ok` only once the view is committed; a failed acknowledgement
/// is logged and does not make it fail. Reading the same message twice stores it once.
/// One email as heard understands it, before anything is stored.
#[derive(Debug)]
pub struct Reading {
    pub email: mime::Email,
    pub words: strip::Stripped,
    /// The view's words before scrubbing: the stripped body, or the subject if that is empty
    /// and not a reply's ("Re: …").
    pub text: String,
    pub area: Option<AreaId>,
    pub group: Option<RespondentGroup>,
    /// The language to answer in.
    pub locale: Locale,
}

impl Reading {
    /// What the store will hold: the words scrubbed, knowing the sender's own name from the
    /// message, which goes even where the scrubber's lists do not hold it.
    pub fn stored_text(&self) -> ScrubbedText {
        scrub_knowing(&self.text, &self.email.sender_names)
    }
}

/// Reads a raw email: its own words, area, group and language. Fails only for bytes that
/// are not an email.
pub fn read(areas: &Areas, raw: &[u8]) -> Result<Reading, EmailError> {
    let email = mime::read(raw)?;
    let words = strip::own_words(&email.body);
    // A message with nothing in its body may say it all in its subject, unless the subject
    // is the one a reply or forward was given: a reply sent with nothing typed is empty.
    let text = if words.text.is_empty() && !understand::is_reply_subject(&email.subject) {
        email.subject.clone()
    } else {
        words.text.clone()
    };
    // "Mum & carer" under a sign-off says who wrote, though it is not stored.
    let group =
        understand::find_group(&text).or_else(|| understand::find_group_signed(&words.signature));
    // A professional's places are where they work ("a SENCo in Teignbridge"), the area their
    // view speaks for; their signature's office address may serve the whole county.
    let signature = if group == Some(RespondentGroup::Professional) {
        ""
    } else {
        words.signature.as_str()
    };
    let area = understand::find_area(areas, &[&words.text, &email.subject, signature]);
    let locale = understand::language(email.language, &text);
    Ok(Reading {
        email,
        words,
        text,
        area,
        group,
        locale,
    })
}

/// Reads one raw email and stores the view in it (or joins it to an earlier view), then
/// acknowledges it. Returns `Ok` only once the view is committed; a failed acknowledgement
/// is logged and does not make it fail. Reading the same message twice stores it once.
pub async fn receive(state: &AppState, raw: &[u8]) -> Result<Outcome, EmailError> {
    let reading = read(&state.areas, raw)?;
    let Reading {
        email,
        words,
        text,
        area,
        group,
        locale,
    } = &reading;
    let (area, group, locale) = (area.clone(), *group, *locale);
    match email.kind {
        mime::Kind::Bounce => return Ok(ignored("bounce")),
        mime::Kind::AutoReply => return Ok(ignored("automatic reply")),
        mime::Kind::Person => {}
    }
    let reference = reference(state, email.message_id.as_deref(), raw);
    let today = state.clock.today();
    let respondent = email
        .sender
        .as_ref()
        .map(|s| state.pseudonymiser.pseudonym(s));
    let areas = &state.areas;

    if let Some(respondent) = &respondent {
        if let Some(id) = state.store.area_answered_by(&reference).await? {
            return Ok(Outcome::Joined { id });
        }
        let since = today - Days::new(AREA_REPLY_DAYS);
        if let (Some(id), Some(area)) = (
            state.store.open_area_request(respondent, since).await?,
            &area,
        ) {
            // Words that suggest risk are never folded into an earlier view: they are
            // stored as a view of their own, so they are flagged and read.
            let answer = email.replies_to_ack || words.word_count() <= SHORT_ANSWER_WORDS;
            if answer && safeguarding::assess(text).is_none() {
                if state
                    .store
                    .answer_area_request(id, &reference, area, group)
                    .await?
                {
                    tracing::info!(submission = id.0, "email gave the area of an earlier view");
                    let facts = ack::AckFacts {
                        locale,
                        title: String::new(),
                        authority: areas.authority().to_owned(),
                        dropped_files: false,
                        concern: false,
                        ask_area: None,
                        area_added: Some(areas.name(area, locale.tag()).to_owned()),
                    };
                    acknowledge(state, email, respondent, &facts).await;
                }
                return Ok(Outcome::Joined { id });
            }
        }
    }

    if text.trim().is_empty() {
        return Ok(ignored("empty"));
    }
    let consultations: Vec<_> = state
        .store
        .consultations()
        .await?
        .into_iter()
        .map(|s| s.consultation)
        .collect();
    let consultation =
        understand::choose_consultation(&consultations, &email.recipients, &email.subject, today)
            .ok_or(EmailError::NoOpenConsultation)?;
    let question = consultation
        .free_text_question()
        .ok_or_else(|| EmailError::NoFreeTextQuestion(consultation.slug.to_string()))?;
    // Read before scrubbing too: a removed name must not hide a child at risk.
    let concern = safeguarding::assess(text).is_some();
    let submission = Submission {
        consultation: consultation.slug.clone(),
        channel: Channel::Email,
        area: area.clone(),
        group,
        answers: vec![Answer {
            question: question.id.clone(),
            value: AnswerValue::Text(reading.stored_text()),
        }],
        received_on: today,
        provider_ref: Some(reference),
        respondent: respondent.clone(),
        outreach: None,
        flagged: concern,
    };
    let ingested = ingest::ingest(&state.store, &submission).await?;
    // A message read again (after a crash, or a provider's retry) was answered the first time.
    if ingested.new {
        if let Some(respondent) = &respondent {
            let facts = ack::AckFacts {
                locale,
                title: crate::domain::consultation::localized(&consultation.title, locale)
                    .to_owned(),
                authority: areas.authority().to_owned(),
                dropped_files: email.attachments > 0,
                concern: concern
                    || safeguarding::assess(match &submission.answers[0].value {
                        AnswerValue::Text(t) => t.as_str(),
                        _ => "",
                    })
                    .is_some(),
                ask_area: area.is_none().then(|| {
                    areas
                        .districts()
                        .map(|d| d.name(locale.tag()).to_owned())
                        .collect()
                }),
                area_added: None,
            };
            if acknowledge(state, email, respondent, &facts).await && area.is_none() {
                state
                    .store
                    .ask_for_area(ingested.id, respondent, today)
                    .await?;
            }
        }
    }
    Ok(Outcome::Stored {
        id: ingested.id,
        new: ingested.new,
    })
}

fn ignored(reason: &'static str) -> Outcome {
    tracing::info!(reason, "email is not a view; not stored");
    Outcome::Ignored(reason)
}

/// Sends the acknowledgement if it may be sent: a mailer is set up, the message is not
/// automatic or list mail, and this sender has had none today. True if it was sent.
/// Failures are logged (never with the address) and otherwise ignored: the view is safe.
async fn acknowledge(
    state: &AppState,
    email: &mime::Email,
    respondent: &Pseudonym,
    facts: &ack::AckFacts,
) -> bool {
    let (Some(mailer), Some(to)) = (&state.mailer, &email.reply_to) else {
        return false;
    };
    if email.no_reply {
        tracing::info!("automatic or list mail; no acknowledgement");
        return false;
    }
    let today = state.clock.today();
    match state.store.claim_acknowledgement(respondent, today).await {
        Ok(true) => {}
        Ok(false) => {
            tracing::info!("this sender was answered today; no second acknowledgement");
            return false;
        }
        Err(e) => {
            tracing::warn!(error = %e, "could not check today's acknowledgements");
            return false;
        }
    }
    let ack = ack::compose(facts);
    match mailer.send(to, email.message_id.as_deref(), &ack).await {
        Ok(()) => {
            tracing::info!(locale = ack.locale.tag(), "acknowledgement sent");
            true
        }
        Err(e) => {
            tracing::warn!(error = %e, "acknowledgement not sent; the view is stored");
            if let Err(e) = state.store.release_acknowledgement(respondent, today).await {
                tracing::warn!(error = %e, "could not release the acknowledgement claim");
            }
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_senders_own_name_is_taken_out() {
        let names = vec!["kerenza".to_owned(), "tremayne".to_owned()];
        let stored = scrub_knowing("Thanks, Kerenza TREMAYNE (kerenza's mum)", &names);
        assert_eq!(
            stored.as_str(),
            "Thanks, [name removed] ([name removed]'s mum)"
        );
        assert_eq!(scrub_knowing("Kerenzas", &names).as_str(), "Kerenzas");
    }

    #[test]
    fn a_mailbox_named_hello_is_no_name() {
        let raw = b"From: hello@smiths.example\r\nTo: views@heard.example\r\nSubject: views\r\nMessage-ID: <h@x>\r\n\r\nHello, the bus is late every day.\r\n";
        let reading = read(&Areas::devon(), raw).unwrap();
        assert!(reading.email.sender_names.is_empty());
        assert_eq!(
            reading.stored_text().as_str(),
            "Hello, the bus is late every day."
        );
    }
}
