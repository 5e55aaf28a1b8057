//! Coverage counts narrowed by group, channel and a range of days, and responses per day,
//! for the dashboard's filters and trend. Both read a range of the running tally alone.

use chrono::NaiveDate;
use sqlx::Row;

use super::{CoverageCount, Store, StoreError};

/// Which submissions to count. `None` is "any"; days are inclusive.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CountFilter {
    /// A group id, or `unknown` for submissions without one.
    pub group: Option<String>,
    /// A channel id.
    pub channel: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl CountFilter {
    pub fn is_empty(&self) -> bool {
        *self == CountFilter::default()
    }

    /// The values bound for $2..$5: days as the stored text (ISO order sorts as dates), and
    /// '' for "any" (a typed empty string, so PostgreSQL needs no guess at a NULL's type).
    fn binds(&self) -> (String, String, String, String) {
        (
            self.from
                .map_or_else(|| "0000-01-01".to_owned(), |d| d.to_string()),
            self.to
                .map_or_else(|| "9999-12-31".to_owned(), |d| d.to_string()),
            self.group.clone().unwrap_or_default(),
            self.channel.clone().unwrap_or_default(),
        )
    }
}

const FILTER: &str = "consultation_id = $1 AND received_on >= $2 AND received_on <= $3 \
     AND ($4 = '' OR COALESCE(NULLIF(respondent_group, ''), 'unknown') = $4) \
     AND ($5 = '' OR channel = $5)";

pub(crate) fn filtered_counts_sql() -> String {
    format!(
        "SELECT NULLIF(area, '') AS area, NULLIF(respondent_group, '') AS respondent_group, \
         channel, n FROM \
         (SELECT area, respondent_group, channel, CAST(SUM(n) AS BIGINT) AS n \
          FROM coverage_tally WHERE {FILTER} GROUP BY area, respondent_group, channel) AS cells \
         WHERE n > 0"
    )
}

pub(crate) fn daily_counts_sql() -> String {
    format!(
        "SELECT received_on, n FROM \
         (SELECT received_on, CAST(SUM(n) AS BIGINT) AS n FROM coverage_tally WHERE {FILTER} \
          GROUP BY received_on) AS days \
         WHERE n > 0 ORDER BY received_on"
    )
}

fn count(row: &sqlx::any::AnyRow) -> Result<u64, StoreError> {
    let n: i64 = row.try_get("n")?;
    u64::try_from(n).map_err(|_| StoreError::Corrupt("negative count".into()))
}

impl Store {
    /// Like [`Store::coverage_counts`], over the submissions `filter` lets through.
    pub async fn coverage_counts_filtered(
        &self,
        consultation_id: i64,
        filter: &CountFilter,
    ) -> Result<Vec<CoverageCount>, StoreError> {
        let (from, to, group, channel) = filter.binds();
        let rows = sqlx::query(&filtered_counts_sql())
            .bind(consultation_id)
            .bind(from)
            .bind(to)
            .bind(group)
            .bind(channel)
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|row| {
                Ok(CoverageCount {
                    area: row.try_get("area")?,
                    group: row.try_get("respondent_group")?,
                    channel: row.try_get("channel")?,
                    n: count(row)?,
                })
            })
            .collect()
    }

    /// Submissions per day received, oldest first, over what `filter` lets through.
    pub async fn daily_counts(
        &self,
        consultation_id: i64,
        filter: &CountFilter,
    ) -> Result<Vec<(NaiveDate, u64)>, StoreError> {
        let (from, to, group, channel) = filter.binds();
        let rows = sqlx::query(&daily_counts_sql())
            .bind(consultation_id)
            .bind(from)
            .bind(to)
            .bind(group)
            .bind(channel)
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|row| {
                let day: String = row.try_get("received_on")?;
                let day = NaiveDate::parse_from_str(&day, "%Y-%m-%d")
                    .map_err(|_| StoreError::Corrupt(format!("received_on {day:?}")))?;
                Ok((day, count(row)?))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use sqlx::Row;

    use super::*;
    use crate::config::DatabaseUrl;

    async fn plan(store: &Store, sql: &str) -> String {
        let mut query = sqlx::query(sql);
        query = query.bind(1_i64);
        for v in ["2026-01-01", "2026-12-31", "child", ""] {
            query = query.bind(v);
        }
        query
            .fetch_all(store.pool())
            .await
            .unwrap()
            .iter()
            .map(|row| row.try_get::<String, _>("detail").unwrap())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Filtered counts and the trend read one range of the tally, never the submissions.
    #[tokio::test]
    async fn filtered_counts_read_only_the_tally() {
        let dir = tempfile::tempdir().unwrap();
        let url = DatabaseUrl::Sqlite {
            path: dir.path().join("heard.db"),
        };
        let store = Store::connect(&url, 1).await.unwrap();
        store.migrate().await.unwrap();
        for sql in [filtered_counts_sql(), daily_counts_sql()] {
            let plan = plan(&store, &format!("EXPLAIN QUERY PLAN {sql}")).await;
            assert!(
                plan.contains(
                    "SEARCH coverage_tally USING PRIMARY KEY \
                     (consultation_id=? AND received_on>? AND received_on<?)"
                ),
                "{sql}\n{plan}"
            );
            assert!(!plan.contains("submissions"), "{sql}\n{plan}");
        }
        store.close().await;
    }
}
