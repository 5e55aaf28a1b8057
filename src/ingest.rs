//! The one ingestion path. Every channel turns what it received into a `Submission` and
//! calls `ingest`; a caller acknowledges the sender only after it returns `Ok`.

use std::collections::HashSet;

use crate::domain::{AnswerValue, Consultation, QuestionKind, Submission};
use crate::privacy::ProviderRef;
use crate::safeguarding;
use crate::store::{Ingested, InsertSubmission, Store, StoreError, StoredConsultation};

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("no consultation called {0:?}")]
    UnknownConsultation(String),
    #[error("consultation {0:?} is not open on that day")]
    Closed(String),
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Checks a submission against its consultation and stores it in one transaction.
/// Idempotent on (channel, provider reference): a retried message returns the first
/// submission with `new: false` and changes nothing.
pub async fn ingest(store: &Store, submission: &Submission) -> Result<Ingested, IngestError> {
    let checked = check(store, submission).await?;
    let ingested = store
        .insert_submission(checked.consultation_id, &checked.submission)
        .await?;
    log(&checked, ingested);
    Ok(ingested)
}

/// As [`ingest`], but a submission already stored under the same (channel, provider
/// reference) is filled in with this one's answers rather than left as it was: a web form
/// whose worrying words were stored as soon as they were written, then sent whole.
pub async fn ingest_completing(
    store: &Store,
    submission: &Submission,
) -> Result<Ingested, IngestError> {
    let checked = check(store, submission).await?;
    let Some(stored) = &checked.submission.provider_ref else {
        return Err(IngestError::Invalid(
            "only a submission with a reference can be completed".into(),
        ));
    };
    let ingested = store
        .complete_submission(checked.consultation_id, &checked.submission, stored)
        .await?;
    log(&checked, ingested);
    Ok(ingested)
}

/// A submission that passed [`check`], ready to store.
#[derive(Debug, Clone)]
pub struct Checked {
    consultation_id: i64,
    submission: Submission,
}

impl Checked {
    pub fn flagged(&self) -> bool {
        self.submission.flagged
    }
}

/// Checks a submission against its consultation without storing it, for a channel that
/// stores it inside its own transaction with [`ingest_in`].
pub async fn check(store: &Store, submission: &Submission) -> Result<Checked, IngestError> {
    let slug = submission.consultation.as_str();
    let stored = store
        .consultation(slug)
        .await?
        .ok_or_else(|| IngestError::UnknownConsultation(slug.to_owned()))?;
    check_against(&stored, submission)
}

/// [`check`] against consultations already read, for a caller that has them all to hand.
pub fn check_among(
    consultations: &[StoredConsultation],
    submission: &Submission,
) -> Result<Checked, IngestError> {
    let slug = submission.consultation.as_str();
    let stored = consultations
        .iter()
        .find(|c| c.consultation.slug == submission.consultation)
        .ok_or_else(|| IngestError::UnknownConsultation(slug.to_owned()))?;
    check_against(stored, submission)
}

/// [`check`] against a consultation already read, for a caller checking many submissions
/// to one consultation (a CSV import) without reading it again for each.
pub fn check_against(
    stored: &StoredConsultation,
    submission: &Submission,
) -> Result<Checked, IngestError> {
    let slug = submission.consultation.as_str();
    if stored.consultation.slug != submission.consultation {
        return Err(IngestError::Invalid(format!(
            "the submission is for {slug}, not {}",
            stored.consultation.slug
        )));
    }
    if !stored.consultation.is_open_on(submission.received_on) {
        return Err(IngestError::Closed(slug.to_owned()));
    }
    check_answers(&stored.consultation, submission)?;
    // Whatever the channel noticed, the words themselves are read here too, so no channel
    // can forget to flag a child who may be at risk.
    let texts = submission.answers.iter().filter_map(|a| match &a.value {
        AnswerValue::Text(t) => Some(t.as_str()),
        _ => None,
    });
    let flagged = submission.flagged || safeguarding::assess_all(texts).is_some();
    Ok(Checked {
        consultation_id: stored.id,
        submission: Submission {
            flagged,
            ..submission.clone()
        },
    })
}

/// Stores a checked submission inside the caller's transaction; it is stored when the
/// caller commits. Idempotent as [`ingest`] is.
pub async fn ingest_in<W: InsertSubmission>(
    tx: &mut W,
    checked: &Checked,
) -> Result<Ingested, IngestError> {
    let ingested = tx
        .insert_submission_in(checked.consultation_id, &checked.submission)
        .await?;
    log(checked, ingested);
    Ok(ingested)
}

/// As [`ingest_in`], but adds to the submission stored under `stored` (an earlier part of
/// the same conversation) if there is one, so one view counts once.
pub async fn ingest_in_completing<W: InsertSubmission>(
    tx: &mut W,
    checked: &Checked,
    stored: &ProviderRef,
) -> Result<Ingested, IngestError> {
    let ingested = tx
        .complete_submission_in(checked.consultation_id, &checked.submission, stored)
        .await?;
    log(checked, ingested);
    Ok(ingested)
}

fn log(checked: &Checked, ingested: Ingested) {
    if ingested.new {
        crate::metrics::submission_ingested(checked.submission.channel);
    }
    tracing::info!(
        submission = ingested.id.0,
        channel = %checked.submission.channel,
        new = ingested.new,
        // Not whether it was flagged: which views are the safeguarding lead's is theirs.
        "submission stored"
    );
}

fn check_answers(consultation: &Consultation, submission: &Submission) -> Result<(), IngestError> {
    let mut seen = HashSet::new();
    for answer in &submission.answers {
        let id = answer.question.as_str();
        if !seen.insert(id) {
            return Err(IngestError::Invalid(format!(
                "question {id:?} is answered twice"
            )));
        }
        let question = consultation.question(id).ok_or_else(|| {
            IngestError::Invalid(format!("no question {id:?} in {}", consultation.slug))
        })?;
        let fits = match (&question.kind, &answer.value) {
            (_, AnswerValue::Skipped) => true,
            (QuestionKind::SingleChoice { options }, AnswerValue::Choice(choice)) => {
                options.iter().any(|o| &o.id == choice)
            }
            (QuestionKind::Feelings, AnswerValue::Feeling(_)) => true,
            (QuestionKind::FreeText, AnswerValue::Text(_)) => true,
            _ => false,
        };
        if !fits {
            return Err(IngestError::Invalid(format!(
                "the answer to {id:?} does not fit that question"
            )));
        }
    }
    Ok(())
}
