use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use sqlx::any::AnyRow;
use sqlx::Row;

use super::{Direct, Store, StoreError};
use crate::domain::consultation::Slug;
use crate::domain::submission::Feeling;
use crate::domain::{Answer, AnswerValue, Areas, OutreachCode, Submission};
use crate::privacy::{ProviderRef, Pseudonym, ScrubbedText};

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
        let ingested = tx.insert_submission_in(consultation_id, submission).await?;
        tx.commit().await?;
        Ok(ingested)
    }

    /// [`InsertSubmission::complete_submission_in`] in a transaction of its own. Only
    /// `ingest` calls this.
    pub(crate) async fn complete_submission(
        &self,
        consultation_id: i64,
        submission: &Submission,
        stored: &ProviderRef,
    ) -> Result<Ingested, StoreError> {
        let mut tx = self.write().await?;
        let ingested = tx
            .complete_submission_in(consultation_id, submission, stored)
            .await?;
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
            // A code stored before codes were checked is not passed on if it could name someone.
            outreach: outreach.as_deref().and_then(OutreachCode::parse),
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

const INSERT_SUBMISSION: &str = "INSERT INTO submissions \
     (consultation_id, channel, area, respondent_group, received_on, provider_ref, respondent, \
      outreach, flagged) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
     ON CONFLICT (channel, provider_ref) DO NOTHING RETURNING id";
const EXISTING_ID: &str = "SELECT id FROM submissions WHERE channel = $1 AND provider_ref = $2";
/// Fills in a stored submission: what is now known replaces what was, and a flag once
/// raised is never taken down. The day it was received stays its first.
const COMPLETE_SUBMISSION: &str = "UPDATE submissions SET \
     area = COALESCE($1, area), respondent_group = COALESCE($2, respondent_group), \
     outreach = COALESCE($3, outreach), flagged = CASE WHEN $4 > flagged THEN $4 ELSE flagged END \
     WHERE channel = $5 AND provider_ref = $6 RETURNING id";
const UPSERT_ANSWER: &str =
    "INSERT INTO answers (submission_id, question_id, kind, choice, feeling, text) \
     VALUES ($1, $2, $3, $4, $5, $6) \
     ON CONFLICT (submission_id, question_id) DO UPDATE SET kind = excluded.kind, \
     choice = excluded.choice, feeling = excluded.feeling, text = excluded.text";
const INSERT_ANSWER: &str =
    "INSERT INTO answers (submission_id, question_id, kind, choice, feeling, text) \
     VALUES ($1, $2, $3, $4, $5, $6)";

/// A submission's columns, as both backends bind them.
struct Columns<'s> {
    channel: &'static str,
    area: Option<&'s str>,
    group: Option<&'static str>,
    received_on: String,
    provider_ref: Option<&'s str>,
    respondent: Option<&'s str>,
    outreach: Option<&'s str>,
    flagged: i64,
}

impl<'s> Columns<'s> {
    fn of(submission: &'s Submission) -> Columns<'s> {
        Columns {
            channel: submission.channel.id(),
            area: submission.area.as_ref().map(|a| a.as_str()),
            group: submission.group.map(|g| g.id()),
            received_on: submission.received_on.to_string(),
            provider_ref: submission.provider_ref.as_ref().map(|r| r.as_str()),
            respondent: submission.respondent.as_ref().map(|p| p.as_str()),
            outreach: submission.outreach.as_ref().map(|o| o.as_str()),
            flagged: i64::from(submission.flagged),
        }
    }
}

/// An answer's columns: kind, choice, feeling, text.
fn answer_columns(answer: &Answer) -> (&'static str, Option<&str>, Option<i64>, Option<&str>) {
    match &answer.value {
        AnswerValue::Choice(option) => ("choice", Some(option.as_str()), None, None),
        AnswerValue::Feeling(f) => ("feeling", None, Some(i64::from(f.value())), None),
        AnswerValue::Text(t) => ("text", None, None, Some(t.as_str())),
        AnswerValue::Skipped => ("skipped", None, None, None),
    }
}

/// Stores a submission inside a transaction the caller commits: a channel that keeps its
/// own state (an SMS conversation) stores both or neither. Only `ingest` calls this.
/// Idempotent on (channel, provider reference): the one already stored is returned.
#[allow(async_fn_in_trait)]
pub trait InsertSubmission {
    async fn insert_submission_in(
        &mut self,
        consultation_id: i64,
        submission: &Submission,
    ) -> Result<Ingested, StoreError>;

    /// Adds to the submission stored under (its channel, `stored`): its answers replace
    /// those to the same questions, its area, group and outreach code replace those stored
    /// where it has them, and a flag is never taken down. One view stored in parts (worrying
    /// words stored as soon as they are written, the rest when it is sent) so counts once.
    /// With nothing stored under `stored`, it is stored as [`Self::insert_submission_in`]
    /// stores it. Only `ingest` calls this.
    async fn complete_submission_in(
        &mut self,
        consultation_id: i64,
        submission: &Submission,
        stored: &ProviderRef,
    ) -> Result<Ingested, StoreError>;
}

impl InsertSubmission for sqlx::Transaction<'_, sqlx::Any> {
    async fn insert_submission_in(
        &mut self,
        consultation_id: i64,
        submission: &Submission,
    ) -> Result<Ingested, StoreError> {
        let c = Columns::of(submission);
        // The insert is the transaction's first statement, so SQLite takes the write lock
        // at once and waits (busy_timeout) rather than failing on a read-to-write upgrade.
        let inserted = sqlx::query(INSERT_SUBMISSION)
            .bind(consultation_id)
            .bind(c.channel)
            .bind(c.area)
            .bind(c.group)
            .bind(&c.received_on)
            .bind(c.provider_ref)
            .bind(c.respondent)
            .bind(c.outreach)
            .bind(c.flagged)
            .fetch_optional(&mut **self)
            .await?;
        let Some(row) = inserted else {
            let row = sqlx::query(EXISTING_ID)
                .bind(c.channel)
                .bind(c.provider_ref)
                .fetch_one(&mut **self)
                .await?;
            return Ok(Ingested {
                id: SubmissionId(row.try_get("id")?),
                new: false,
            });
        };
        let id = SubmissionId(row.try_get("id")?);
        write_answers(self, INSERT_ANSWER, id, &submission.answers).await?;
        Ok(Ingested { id, new: true })
    }

    async fn complete_submission_in(
        &mut self,
        consultation_id: i64,
        submission: &Submission,
        stored: &ProviderRef,
    ) -> Result<Ingested, StoreError> {
        let c = Columns::of(submission);
        let updated = sqlx::query(COMPLETE_SUBMISSION)
            .bind(c.area)
            .bind(c.group)
            .bind(c.outreach)
            .bind(c.flagged)
            .bind(c.channel)
            .bind(stored.as_str())
            .fetch_optional(&mut **self)
            .await?;
        let Some(row) = updated else {
            return self.insert_submission_in(consultation_id, submission).await;
        };
        let id = SubmissionId(row.try_get("id")?);
        write_answers(self, UPSERT_ANSWER, id, &submission.answers).await?;
        Ok(Ingested { id, new: false })
    }
}

/// Runs `sql` (an insert or an upsert of one answer) for each answer.
async fn write_answers(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    sql: &'static str,
    id: SubmissionId,
    answers: &[Answer],
) -> Result<(), StoreError> {
    for answer in answers {
        let (kind, choice, feeling, text) = answer_columns(answer);
        sqlx::query(sql)
            .bind(id.0)
            .bind(answer.question.as_str())
            .bind(kind)
            .bind(choice)
            .bind(feeling)
            .bind(text)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

impl InsertSubmission for Direct<'_> {
    async fn insert_submission_in(
        &mut self,
        consultation_id: i64,
        submission: &Submission,
    ) -> Result<Ingested, StoreError> {
        let c = Columns::of(submission);
        let inserted: Option<i64> = self
            .conn
            .prepare_cached(INSERT_SUBMISSION)?
            .query_row(
                params![
                    consultation_id,
                    c.channel,
                    c.area,
                    c.group,
                    c.received_on,
                    c.provider_ref,
                    c.respondent,
                    c.outreach,
                    c.flagged
                ],
                |row| row.get(0),
            )
            .optional()?;
        let Some(id) = inserted else {
            let id = self
                .conn
                .prepare_cached(EXISTING_ID)?
                .query_row(params![c.channel, c.provider_ref], |row| row.get(0))?;
            return Ok(Ingested {
                id: SubmissionId(id),
                new: false,
            });
        };
        self.write_answers(INSERT_ANSWER, id, &submission.answers)?;
        Ok(Ingested {
            id: SubmissionId(id),
            new: true,
        })
    }

    async fn complete_submission_in(
        &mut self,
        consultation_id: i64,
        submission: &Submission,
        stored: &ProviderRef,
    ) -> Result<Ingested, StoreError> {
        let c = Columns::of(submission);
        let updated: Option<i64> = self
            .conn
            .prepare_cached(COMPLETE_SUBMISSION)?
            .query_row(
                params![
                    c.area,
                    c.group,
                    c.outreach,
                    c.flagged,
                    c.channel,
                    stored.as_str()
                ],
                |row| row.get(0),
            )
            .optional()?;
        let Some(id) = updated else {
            return self.insert_submission_in(consultation_id, submission).await;
        };
        self.write_answers(UPSERT_ANSWER, id, &submission.answers)?;
        Ok(Ingested {
            id: SubmissionId(id),
            new: false,
        })
    }
}

impl Direct<'_> {
    /// Runs `sql` (an insert or an upsert of one answer) for each answer.
    fn write_answers(&mut self, sql: &str, id: i64, answers: &[Answer]) -> Result<(), StoreError> {
        for answer in answers {
            let (kind, choice, feeling, text) = answer_columns(answer);
            self.execute(
                sql,
                params![id, answer.question.as_str(), kind, choice, feeling, text],
            )?;
        }
        Ok(())
    }
}
