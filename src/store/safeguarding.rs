//! The safeguarding queue: submissions whose words suggest a child may be at risk, and the log
//! of what staff did about each. A flag is open until someone marks it acted on (and open again
//! if someone reopens it).

use std::collections::BTreeMap;

use sqlx::Row;

use super::{Store, StoreError, SubmissionId};
use crate::privacy::ScrubbedText;

/// What a member of staff did about a flagged submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagAction {
    Seen,
    ActedOn,
    Note,
    Reopened,
}

impl FlagAction {
    pub const ALL: [FlagAction; 4] = [
        FlagAction::Seen,
        FlagAction::ActedOn,
        FlagAction::Note,
        FlagAction::Reopened,
    ];

    pub fn id(self) -> &'static str {
        match self {
            FlagAction::Seen => "seen",
            FlagAction::ActedOn => "acted_on",
            FlagAction::Note => "note",
            FlagAction::Reopened => "reopened",
        }
    }

    pub fn from_id(id: &str) -> Option<FlagAction> {
        FlagAction::ALL.into_iter().find(|a| a.id() == id)
    }
}

/// One entry in a flag's action log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagLogEntry {
    pub action: FlagAction,
    /// The account's email when the action was logged (kept after the account goes).
    pub staff_email: String,
    pub staff_id: Option<i64>,
    pub note: Option<ScrubbedText>,
    /// Unix seconds.
    pub at: i64,
}

/// A flagged submission as the queue lists it.
#[derive(Debug, Clone)]
pub struct FlaggedItem {
    pub id: SubmissionId,
    pub consultation: String,
    pub channel: String,
    pub area: Option<String>,
    pub received_on: String,
    /// Every free-text answer, by question id.
    pub texts: Vec<(String, ScrubbedText)>,
    /// Acted on, and not reopened since.
    pub done: bool,
    pub last: Option<FlagLogEntry>,
}

/// Whether a flag is still open: its latest acted-on or reopened entry, if any, decides.
const OPEN: &str = "COALESCE((SELECT a.action FROM safeguarding_actions a \
     WHERE a.submission_id = s.id AND a.action IN ('acted_on', 'reopened') \
     ORDER BY a.id DESC LIMIT 1), 'reopened') <> 'acted_on'";

fn entry(row: &sqlx::any::AnyRow) -> Result<FlagLogEntry, StoreError> {
    let action: String = row.try_get("action")?;
    let note: Option<String> = row.try_get("note")?;
    Ok(FlagLogEntry {
        action: FlagAction::from_id(&action)
            .ok_or_else(|| StoreError::Corrupt(format!("safeguarding action {action:?}")))?,
        staff_email: row.try_get("staff_email")?,
        staff_id: row.try_get("staff_id")?,
        note: note.map(ScrubbedText::from_store),
        at: row.try_get("at")?,
    })
}

impl Store {
    /// Flagged submissions nobody has yet marked as acted on, for the role's badge.
    pub async fn open_flag_count(&self) -> Result<u64, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT COUNT(*) AS n FROM submissions s WHERE s.flagged = 1 AND {OPEN}"
        ))
        .fetch_one(self.pool())
        .await?;
        let n: i64 = row.try_get("n")?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// Every flagged submission: open ones first, longest waiting first; then done ones,
    /// newest first.
    pub async fn flagged_queue(&self) -> Result<Vec<FlaggedItem>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT s.id, c.slug, s.channel, s.area, s.received_on, \
             CASE WHEN {OPEN} THEN 1 ELSE 0 END AS is_open \
             FROM submissions s JOIN consultations c ON c.id = s.consultation_id \
             WHERE s.flagged = 1 ORDER BY s.id"
        ))
        .fetch_all(self.pool())
        .await?;
        let mut texts: BTreeMap<i64, Vec<(String, ScrubbedText)>> = BTreeMap::new();
        for row in sqlx::query(
            "SELECT a.submission_id, a.question_id, a.text FROM answers a \
             JOIN submissions s ON s.id = a.submission_id \
             WHERE s.flagged = 1 AND a.kind = 'text' AND a.text IS NOT NULL \
             ORDER BY a.submission_id, a.question_id",
        )
        .fetch_all(self.pool())
        .await?
        {
            texts
                .entry(row.try_get("submission_id")?)
                .or_default()
                .push((
                    row.try_get("question_id")?,
                    ScrubbedText::from_store(row.try_get("text")?),
                ));
        }
        let mut last: BTreeMap<i64, FlagLogEntry> = BTreeMap::new();
        for row in sqlx::query(
            "SELECT submission_id, staff_id, staff_email, action, note, at FROM safeguarding_actions \
             WHERE id IN (SELECT MAX(id) FROM safeguarding_actions GROUP BY submission_id)",
        )
        .fetch_all(self.pool())
        .await?
        {
            last.insert(row.try_get("submission_id")?, entry(&row)?);
        }
        let mut items = rows
            .iter()
            .map(|row| {
                let id: i64 = row.try_get("id")?;
                let is_open: i64 = row.try_get("is_open")?;
                Ok(FlaggedItem {
                    id: SubmissionId(id),
                    consultation: row.try_get("slug")?,
                    channel: row.try_get("channel")?,
                    area: row.try_get("area")?,
                    received_on: row.try_get("received_on")?,
                    texts: texts.remove(&id).unwrap_or_default(),
                    done: is_open == 0,
                    last: last.remove(&id),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        items.sort_by(|a, b| match (a.done, b.done) {
            (false, false) => a.id.cmp(&b.id),
            (true, true) => b.id.cmp(&a.id),
            (done, _) => done.cmp(&!done),
        });
        Ok(items)
    }

    /// Whether a submission is flagged and still open; none when it is not flagged at all.
    pub async fn flag_is_open(&self, id: SubmissionId) -> Result<Option<bool>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT CASE WHEN {OPEN} THEN 1 ELSE 0 END AS is_open FROM submissions s \
             WHERE s.id = $1 AND s.flagged = 1"
        ))
        .bind(id.0)
        .fetch_optional(self.pool())
        .await?;
        row.map(|r| Ok(r.try_get::<i64, _>("is_open")? == 1))
            .transpose()
    }

    /// A flag's action log, oldest first.
    pub async fn flag_log(&self, id: SubmissionId) -> Result<Vec<FlagLogEntry>, StoreError> {
        sqlx::query(
            "SELECT staff_id, staff_email, action, note, at FROM safeguarding_actions \
             WHERE submission_id = $1 ORDER BY id",
        )
        .bind(id.0)
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(entry)
        .collect()
    }

    /// Logs what a member of staff did about a flagged submission. False when the submission
    /// is not flagged (nothing is logged).
    pub async fn log_flag_action(
        &self,
        id: SubmissionId,
        staff_id: i64,
        staff_email: &str,
        action: FlagAction,
        note: Option<&ScrubbedText>,
        at: i64,
    ) -> Result<bool, StoreError> {
        let inserted = sqlx::query(
            "INSERT INTO safeguarding_actions (submission_id, staff_id, staff_email, action, note, at) \
             SELECT s.id, $2, $3, $4, $5, $6 FROM submissions s WHERE s.id = $1 AND s.flagged = 1 \
             RETURNING id",
        )
        .bind(id.0)
        .bind(staff_id)
        .bind(staff_email)
        .bind(action.id())
        .bind(note.map(|n| n.as_str().to_owned()))
        .bind(at)
        .fetch_optional(self.pool())
        .await?;
        Ok(inserted.is_some())
    }
}
