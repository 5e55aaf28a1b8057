//! Follow-ups with a sender known only by pseudonym: the one-acknowledgement-a-day rule and
//! the "please tell us your area" request that a later reply answers. No addresses here.

use chrono::NaiveDate;
use sqlx::Row;

use super::{Store, StoreError, SubmissionId};
use crate::domain::{AreaId, RespondentGroup};
use crate::privacy::{ProviderRef, Pseudonym};

impl Store {
    /// Claims today's one acknowledgement for `respondent`: true if none was claimed today.
    /// Claimed before sending, so two messages read at once cannot both be answered.
    pub async fn claim_acknowledgement(
        &self,
        respondent: &Pseudonym,
        day: NaiveDate,
    ) -> Result<bool, StoreError> {
        // Yesterday's rows are kept so a day boundary in another time zone changes nothing.
        let stale = day - chrono::Days::new(2);
        sqlx::query("DELETE FROM acknowledgements WHERE sent_on < $1")
            .bind(stale.to_string())
            .execute(self.pool())
            .await?;
        let claimed = sqlx::query(
            "INSERT INTO acknowledgements (respondent, sent_on) VALUES ($1, $2) \
             ON CONFLICT (respondent, sent_on) DO NOTHING RETURNING respondent",
        )
        .bind(respondent.as_str())
        .bind(day.to_string())
        .fetch_optional(self.pool())
        .await?;
        Ok(claimed.is_some())
    }

    /// Gives back a claim whose acknowledgement could not be sent.
    pub async fn release_acknowledgement(
        &self,
        respondent: &Pseudonym,
        day: NaiveDate,
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM acknowledgements WHERE respondent = $1 AND sent_on = $2")
            .bind(respondent.as_str())
            .bind(day.to_string())
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Records that `respondent` was asked for the area of `submission`.
    pub async fn ask_for_area(
        &self,
        submission: SubmissionId,
        respondent: &Pseudonym,
        day: NaiveDate,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO area_requests (submission_id, respondent, asked_on) VALUES ($1, $2, $3) \
             ON CONFLICT (submission_id) DO NOTHING",
        )
        .bind(submission.0)
        .bind(respondent.as_str())
        .bind(day.to_string())
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The submission a message with this reference already answered, if any.
    pub async fn area_answered_by(
        &self,
        reference: &ProviderRef,
    ) -> Result<Option<SubmissionId>, StoreError> {
        let row = sqlx::query("SELECT submission_id FROM area_requests WHERE answered_by = $1")
            .bind(reference.as_str())
            .fetch_optional(self.pool())
            .await?;
        row.map(|r| Ok(SubmissionId(r.try_get("submission_id")?)))
            .transpose()
    }

    /// The newest unanswered area request to `respondent` made on or after `since`.
    pub async fn open_area_request(
        &self,
        respondent: &Pseudonym,
        since: NaiveDate,
    ) -> Result<Option<SubmissionId>, StoreError> {
        let row = sqlx::query(
            "SELECT submission_id FROM area_requests \
             WHERE respondent = $1 AND asked_on >= $2 AND answered_by IS NULL \
             ORDER BY asked_on DESC, submission_id DESC LIMIT 1",
        )
        .bind(respondent.as_str())
        .bind(since.to_string())
        .fetch_optional(self.pool())
        .await?;
        row.map(|r| Ok(SubmissionId(r.try_get("submission_id")?)))
            .transpose()
    }

    /// Sets the area (and the group, if none was known) of an asked-about submission, once:
    /// false if the request was already answered.
    pub async fn answer_area_request(
        &self,
        submission: SubmissionId,
        reference: &ProviderRef,
        area: &AreaId,
        group: Option<RespondentGroup>,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool().begin().await?;
        let answered = sqlx::query(
            "UPDATE area_requests SET answered_by = $1 \
             WHERE submission_id = $2 AND answered_by IS NULL",
        )
        .bind(reference.as_str())
        .bind(submission.0)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if answered {
            sqlx::query(
                "UPDATE submissions SET area = $1, \
                 respondent_group = COALESCE(respondent_group, $2) WHERE id = $3",
            )
            .bind(area.as_str())
            .bind(group.map(|g| g.id()))
            .bind(submission.0)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(answered)
    }
}
