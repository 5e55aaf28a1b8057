//! What a responses export reads: each submission's district, group, channel, day and
//! answers, and nothing else (never the pseudonym, provider reference or outreach code).

use chrono::NaiveDate;
use sqlx::Row;

use super::{Store, StoreError};
use crate::domain::Answer;

/// One submission as a responses export sees it.
#[derive(Debug, Clone)]
pub struct ExportSubmission {
    pub area: Option<String>,
    pub group: Option<String>,
    pub channel: String,
    pub received_on: NaiveDate,
    /// Held for safeguarding: an export leaves its free text out (and never says why).
    pub flagged: bool,
    pub answers: Vec<Answer>,
}

impl Store {
    /// Every submission of a consultation, for a responses export.
    pub async fn export_submissions(
        &self,
        consultation_id: i64,
    ) -> Result<Vec<ExportSubmission>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, area, respondent_group, channel, received_on, flagged FROM submissions \
             WHERE consultation_id = $1 ORDER BY id",
        )
        .bind(consultation_id)
        .fetch_all(self.pool())
        .await?;
        let answers = sqlx::query(
            "SELECT a.submission_id, a.question_id, a.kind, a.choice, a.feeling, a.text \
             FROM answers a JOIN submissions s ON s.id = a.submission_id \
             WHERE s.consultation_id = $1 ORDER BY a.submission_id, a.question_id",
        )
        .bind(consultation_id)
        .fetch_all(self.pool())
        .await?;
        let mut by_id: std::collections::HashMap<i64, Vec<Answer>> =
            std::collections::HashMap::new();
        for row in &answers {
            let id: i64 = row.try_get("submission_id")?;
            let answer = super::submissions::read_answer(row)
                .ok_or_else(|| StoreError::Corrupt(format!("submission {id}: answer")))?;
            by_id.entry(id).or_default().push(answer);
        }
        rows.iter()
            .map(|row| {
                let id: i64 = row.try_get("id")?;
                let received_on: String = row.try_get("received_on")?;
                let flagged: i64 = row.try_get("flagged")?;
                Ok(ExportSubmission {
                    area: row.try_get("area")?,
                    group: row.try_get("respondent_group")?,
                    channel: row.try_get("channel")?,
                    received_on: NaiveDate::parse_from_str(&received_on, "%Y-%m-%d")
                        .map_err(|_| StoreError::Corrupt(format!("submission {id}: day")))?,
                    flagged: flagged != 0,
                    answers: by_id.remove(&id).unwrap_or_default(),
                })
            })
            .collect()
    }
}
