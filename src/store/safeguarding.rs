//! The safeguarding queue: submissions whose words suggest a child may be at risk.

use sqlx::Row;

use super::{Store, StoreError};

impl Store {
    /// Flagged submissions nobody has yet marked as acted on, for the role's badge.
    pub async fn open_flag_count(&self) -> Result<u64, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM submissions WHERE flagged = 1")
            .fetch_one(self.pool())
            .await?;
        let n: i64 = row.try_get("n")?;
        Ok(u64::try_from(n).unwrap_or(0))
    }
}
