use chrono::NaiveDate;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use super::{Store, StoreError, Tx};
use crate::domain::consultation::Slug;
use crate::domain::submission::Feeling;
use crate::domain::{Answer, AnswerValue, Areas, Submission};
use crate::privacy::{Pseudonym, ScrubbedText};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SubmissionId(pub i64);

/// What storing a submission did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ingested {
    pub id: SubmissionId,
    /// False when the same (channel, provider message id) was already stored.
    pub new: bool,
}

impl Store {
    /// Stores a submission and its answers in one transaction, or finds the one already
    /// stored under the same (channel, provider reference). Only `ingest` calls this.
    pub(crate) async fn insert_submission(
        &self,
        consultation_id: i64,
        submission: &Submission,
    ) -> Result<Ingested, StoreError> {
        let mut tx = self.write().await?;
        let ingested = insert_submission_in(&mut tx, consultation_id, submission).await?;
        tx.commit().await?;
        Ok(ingested)
    }

    /// Reads a stored submission back, as the domain type.
    pub async fn submission(
        &self,
        id: SubmissionId,
        areas: &Areas,
    ) -> Result<Option<Submission>, StoreError> {
        let row = sqlx::query(
            "SELECT c.slug, s.channel, s.area, s.respondent_group, s.received_on, s.respondent, \
             s.outreach, s.flagged \
             FROM submissions s JOIN consultations c ON c.id = s.consultation_id WHERE s.id = $1",
        )
        .bind(id.0)
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else { return Ok(None) };
        let corrupt = |what: &str| StoreError::Corrupt(format!("submission {}: {what}", id.0));

        let slug: String = row.try_get("slug")?;
        let channel: String = row.try_get("channel")?;
        let area: Option<String> = row.try_get("area")?;
        let group: Option<String> = row.try_get("respondent_group")?;
        let received_on: String = row.try_get("received_on")?;
        let respondent: Option<String> = row.try_get("respondent")?;
        let outreach: Option<String> = row.try_get("outreach")?;
        let flagged: i64 = row.try_get("flagged")?;
        let answers = sqlx::query(
            "SELECT question_id, kind, choice, feeling, text FROM answers \
             WHERE submission_id = $1 ORDER BY question_id",
        )
        .bind(id.0)
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(|row| read_answer(row).ok_or_else(|| corrupt("answer")))
        .collect::<Result<Vec<_>, _>>()?;

        Ok(Some(Submission {
            consultation: Slug::parse(&slug).map_err(|_| corrupt("slug"))?,
            channel: channel.parse().map_err(|_| corrupt("channel"))?,
            area: area
                .map(|a| areas.id(&a).ok_or_else(|| corrupt("area")))
                .transpose()?,
            group: group
                .map(|g| g.parse().map_err(|_| corrupt("group")))
                .transpose()?,
            answers,
            received_on: NaiveDate::parse_from_str(&received_on, "%Y-%m-%d")
                .map_err(|_| corrupt("day"))?,
            // Not read back: a reference is only for spotting a retried message.
            provider_ref: None,
            respondent: respondent.map(Pseudonym::from_store),
            outreach,
            flagged: flagged != 0,
        }))
    }

    /// How many submissions a consultation has, from every channel.
    pub async fn submission_count(&self, slug: &str) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM submissions s JOIN consultations c ON c.id = s.consultation_id \
             WHERE c.slug = $1",
        )
        .bind(slug)
        .fetch_one(self.pool())
        .await?;
        Ok(row.try_get("n")?)
    }

    /// The ids of a consultation's submissions, oldest first.
    pub async fn submission_ids(&self, slug: &str) -> Result<Vec<SubmissionId>, StoreError> {
        let rows = sqlx::query(
            "SELECT s.id FROM submissions s JOIN consultations c ON c.id = s.consultation_id \
             WHERE c.slug = $1 ORDER BY s.id",
        )
        .bind(slug)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| Ok(SubmissionId(row.try_get("id")?)))
            .collect()
    }
}

async fn existing_id(
    tx: &mut Transaction<'_, Any>,
    submission: &Submission,
) -> Result<SubmissionId, StoreError> {
    let row = sqlx::query("SELECT id FROM submissions WHERE channel = $1 AND provider_ref = $2")
        .bind(submission.channel.id())
        .bind(
            submission
                .provider_ref
                .as_ref()
                .map(|r| r.as_str().to_owned()),
        )
        .fetch_one(&mut **tx)
        .await?;
    Ok(SubmissionId(row.try_get("id")?))
}

async fn insert_answer(
    tx: &mut Transaction<'_, Any>,
    id: SubmissionId,
    answer: &Answer,
) -> Result<(), StoreError> {
    let (kind, choice, feeling, text) = match &answer.value {
        AnswerValue::Choice(option) => ("choice", Some(option.as_str()), None, None),
        AnswerValue::Feeling(f) => ("feeling", None, Some(i64::from(f.value())), None),
        AnswerValue::Text(t) => ("text", None, None, Some(t.as_str())),
        AnswerValue::Skipped => ("skipped", None, None, None),
    };
    sqlx::query(
        "INSERT INTO answers (submission_id, question_id, kind, choice, feeling, text) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id.0)
    .bind(answer.question.as_str())
    .bind(kind)
    .bind(choice)
    .bind(feeling)
    .bind(text)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub(super) fn read_answer(row: &AnyRow) -> Option<Answer> {
    let question = Slug::parse(&row.try_get::<String, _>("question_id").ok()?).ok()?;
    let kind: String = row.try_get("kind").ok()?;
    let value = match kind.as_str() {
        "choice" => {
            AnswerValue::Choice(Slug::parse(&row.try_get::<String, _>("choice").ok()?).ok()?)
        }
        "feeling" => {
            let n: i64 = row.try_get("feeling").ok()?;
            AnswerValue::Feeling(Feeling::new(u8::try_from(n).ok()?)?)
        }
        "text" => AnswerValue::Text(ScrubbedText::from_store(row.try_get("text").ok()?)),
        "skipped" => AnswerValue::Skipped,
        _ => return None,
    };
    Some(Answer { question, value })
}

impl std::str::FromStr for SubmissionId {
    type Err = std::num::ParseIntError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse().map(SubmissionId)
    }
}

/// Stores a submission inside a transaction the caller commits: a channel that keeps its
/// own state (an SMS conversation) stores both or neither. Only `ingest` calls this.
pub(crate) async fn insert_submission_in(
    tx: &mut Tx,
    consultation_id: i64,
    submission: &Submission,
) -> Result<Ingested, StoreError> {
    // The insert is the transaction's first statement, so SQLite takes the write lock
    // at once and waits (busy_timeout) rather than failing on a read-to-write upgrade.
    let inserted = sqlx::query(
        "INSERT INTO submissions \
         (consultation_id, channel, area, respondent_group, received_on, provider_ref, respondent, \
          outreach, flagged) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (channel, provider_ref) DO NOTHING RETURNING id",
    )
    .bind(consultation_id)
    .bind(submission.channel.id())
    .bind(submission.area.as_ref().map(|a| a.as_str().to_owned()))
    .bind(submission.group.map(|g| g.id()))
    .bind(submission.received_on.to_string())
    .bind(
        submission
            .provider_ref
            .as_ref()
            .map(|r| r.as_str().to_owned()),
    )
    .bind(
        submission
            .respondent
            .as_ref()
            .map(|p| p.as_str().to_owned()),
    )
    .bind(submission.outreach.clone())
    .bind(i64::from(submission.flagged))
    .fetch_optional(&mut **tx)
    .await?;

    let Some(row) = inserted else {
        let existing = existing_id(tx, submission).await?;
        return Ok(Ingested {
            id: existing,
            new: false,
        });
    };
    let id = SubmissionId(row.try_get("id")?);
    for answer in &submission.answers {
        insert_answer(tx, id, answer).await?;
    }
    Ok(Ingested { id, new: true })
}
