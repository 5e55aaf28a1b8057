//! Counts and baselines for coverage, and API tokens that may read it.

use chrono::Utc;
use sqlx::Row;

use super::{Store, StoreError};
use crate::domain::{AreaId, Areas};

/// Submissions of one (area, group, channel), as stored: area and group may be absent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageCount {
    pub area: Option<String>,
    pub group: Option<String>,
    pub channel: String,
    pub n: u64,
}

/// Read from the running tally (migration 0009), which triggers keep in the same
/// transaction as every submission: '' there is an unknown area or group, and a cell is the
/// sum of its shards.
const COUNTS: &str = "SELECT NULLIF(area, '') AS area, \
     NULLIF(respondent_group, '') AS respondent_group, channel, n FROM \
     (SELECT area, respondent_group, channel, CAST(SUM(n) AS BIGINT) AS n FROM coverage_tally \
      WHERE consultation_id = $1 GROUP BY area, respondent_group, channel) AS cells \
     WHERE n > 0";

impl Store {
    /// A consultation's submissions counted by area, group and channel, from the running
    /// tally: it reads one row per (day, area, group, channel), however many submissions.
    pub async fn coverage_counts(
        &self,
        consultation_id: i64,
    ) -> Result<Vec<CoverageCount>, StoreError> {
        let rows = sqlx::query(COUNTS)
            .bind(consultation_id)
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|row| {
                let n: i64 = row.try_get("n")?;
                Ok(CoverageCount {
                    area: row.try_get("area")?,
                    group: row.try_get("respondent_group")?,
                    channel: row.try_get("channel")?,
                    n: u64::try_from(n)
                        .map_err(|_| StoreError::Corrupt("negative count".into()))?,
                })
            })
            .collect()
    }

    /// The stored baseline for a consultation: (true, its own) if it has one, else (false,
    /// the imported default) if there is one, else none.
    pub async fn baseline(
        &self,
        consultation_id: i64,
        areas: &Areas,
    ) -> Result<Option<(bool, Vec<(AreaId, f64)>)>, StoreError> {
        let rows = sqlx::query(
            "SELECT consultation_id, area, expected FROM baselines \
             WHERE consultation_id = $1 OR consultation_id IS NULL",
        )
        .bind(consultation_id)
        .fetch_all(self.pool())
        .await?;
        let mut own = Vec::new();
        let mut default = Vec::new();
        for row in &rows {
            let area: String = row.try_get("area")?;
            let id = areas
                .id(&area)
                .ok_or_else(|| StoreError::Corrupt(format!("baseline area {area:?}")))?;
            let expected: f64 = row.try_get("expected")?;
            let for_consultation: Option<i64> = row.try_get("consultation_id")?;
            match for_consultation {
                Some(_) => own.push((id, expected)),
                None => default.push((id, expected)),
            }
        }
        Ok(match (own.is_empty(), default.is_empty()) {
            (false, _) => Some((true, own)),
            (true, false) => Some((false, default)),
            (true, true) => None,
        })
    }

    /// Replaces a consultation's baseline (or, for none, the default) in one transaction.
    pub async fn replace_baseline(
        &self,
        consultation_id: Option<i64>,
        shares: &[(AreaId, f64)],
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        match consultation_id {
            Some(id) => {
                sqlx::query("DELETE FROM baselines WHERE consultation_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?
            }
            None => {
                sqlx::query("DELETE FROM baselines WHERE consultation_id IS NULL")
                    .execute(&mut *tx)
                    .await?
            }
        };
        let now = Utc::now().to_rfc3339();
        for (area, expected) in shares {
            sqlx::query(
                "INSERT INTO baselines (consultation_id, area, expected, imported_at) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(consultation_id)
            .bind(area.as_str())
            .bind(*expected)
            .bind(&now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Stores an API token's hash under a name; a name in use is a `Conflict`.
    pub async fn add_api_token(&self, name: &str, token_hash: &str) -> Result<(), StoreError> {
        let result = sqlx::query(
            "INSERT INTO api_tokens (name, token_hash, created_at) VALUES ($1, $2, $3)",
        )
        .bind(name)
        .bind(token_hash)
        .bind(Utc::now().to_rfc3339())
        .execute(self.pool())
        .await;
        match result {
            Ok(_) => Ok(()),
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(StoreError::Conflict(
                format!("an API token called {name:?} already exists"),
            )),
            Err(e) => Err(e.into()),
        }
    }

    /// Removes the token with this name; false if there was none.
    pub async fn remove_api_token(&self, name: &str) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM api_tokens WHERE name = $1")
            .bind(name)
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Whether a token with this hash exists.
    pub async fn api_token_known(&self, token_hash: &str) -> Result<bool, StoreError> {
        let row = sqlx::query("SELECT 1 AS one FROM api_tokens WHERE token_hash = $1")
            .bind(token_hash)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.is_some())
    }
}

#[cfg(test)]
mod tests {
    use sqlx::Row;

    use super::*;
    use crate::config::DatabaseUrl;

    /// Counting a million submissions must read one key range of the tally, never the
    /// submissions.
    #[tokio::test]
    async fn counts_read_only_the_tally() {
        let dir = tempfile::tempdir().unwrap();
        let url = DatabaseUrl::Sqlite {
            path: dir.path().join("heard.db"),
        };
        let store = Store::connect(&url, 1).await.unwrap();
        store.migrate().await.unwrap();
        let plan = sqlx::query(&format!("EXPLAIN QUERY PLAN {COUNTS}"))
            .bind(1_i64)
            .fetch_all(store.pool())
            .await
            .unwrap()
            .iter()
            .map(|row| row.try_get::<String, _>("detail").unwrap())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            plan.contains("SEARCH coverage_tally USING PRIMARY KEY (consultation_id=?)"),
            "{plan}"
        );
        assert!(!plan.contains("submissions"), "{plan}");
        store.close().await;
    }
}
