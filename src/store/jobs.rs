//! Jobs that run on a schedule (the weekly digest) with several instances of heard sharing one
//! database: a lease so only one instance runs a job at a time, a row per period so a period's
//! run is made once, and a row per recipient so a run cut short resumes where it stopped.
//! Every statement is a single upsert or insert, so it is atomic on both backends.

use std::collections::HashSet;

use sqlx::Row;

use super::{Store, StoreError};

/// Where a period's run stands once claimed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunClaim {
    /// This call made the row: nobody has started it before.
    New,
    /// Started before and not finished (a crash, or sends that failed): resume it.
    Unfinished,
    /// Already done: nothing to send.
    Finished,
}

impl Store {
    /// Takes the job's lease for `holder` until `expires_at` when it is free or has run out.
    pub async fn take_lease(
        &self,
        job: &str,
        holder: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<bool, StoreError> {
        let row = sqlx::query(
            "INSERT INTO job_leases (job, holder, expires_at) VALUES ($1, $2, $3) \
             ON CONFLICT (job) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at \
             WHERE job_leases.expires_at < $4 OR job_leases.holder = excluded.holder \
             RETURNING holder",
        )
        .bind(job)
        .bind(holder)
        .bind(expires_at)
        .bind(now)
        .fetch_optional(self.pool())
        .await?;
        Ok(row.is_some())
    }

    /// Until when the job's lease is held, if it is held at all.
    pub async fn lease_expiry(&self, job: &str) -> Result<Option<i64>, StoreError> {
        let row = sqlx::query("SELECT expires_at FROM job_leases WHERE job = $1")
            .bind(job)
            .fetch_optional(self.pool())
            .await?;
        row.map(|r| Ok(r.try_get("expires_at")?)).transpose()
    }

    /// Gives the lease back, if `holder` still has it.
    pub async fn release_lease(&self, job: &str, holder: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM job_leases WHERE job = $1 AND holder = $2")
            .bind(job)
            .bind(holder)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Claims a period's run: one row per (job, period), made by whichever caller gets there
    /// first.
    pub async fn claim_run(
        &self,
        job: &str,
        period: &str,
        now: i64,
    ) -> Result<RunClaim, StoreError> {
        let mut tx = self.begin().await?;
        // The insert comes first, so SQLite takes its write lock at once.
        let made = sqlx::query(
            "INSERT INTO job_runs (job, period, started_at) VALUES ($1, $2, $3) \
             ON CONFLICT (job, period) DO NOTHING RETURNING period",
        )
        .bind(job)
        .bind(period)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        let claim = if made.is_some() {
            RunClaim::New
        } else {
            let row =
                sqlx::query("SELECT finished_at FROM job_runs WHERE job = $1 AND period = $2")
                    .bind(job)
                    .bind(period)
                    .fetch_one(&mut *tx)
                    .await?;
            match row.try_get::<Option<i64>, _>("finished_at")? {
                Some(_) => RunClaim::Finished,
                None => RunClaim::Unfinished,
            }
        };
        tx.commit().await?;
        Ok(claim)
    }

    pub async fn finish_run(&self, job: &str, period: &str, now: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE job_runs SET finished_at = $3 WHERE job = $1 AND period = $2")
            .bind(job)
            .bind(period)
            .bind(now)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// The staff a period's run has already reached.
    pub async fn run_sent_to(&self, job: &str, period: &str) -> Result<HashSet<i64>, StoreError> {
        let rows = sqlx::query("SELECT staff_id FROM job_sends WHERE job = $1 AND period = $2")
            .bind(job)
            .bind(period)
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(|r| Ok(r.try_get("staff_id")?)).collect()
    }

    pub async fn record_run_send(
        &self,
        job: &str,
        period: &str,
        staff_id: i64,
        now: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO job_sends (job, period, staff_id, sent_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (job, period, staff_id) DO NOTHING",
        )
        .bind(job)
        .bind(period)
        .bind(staff_id)
        .bind(now)
        .execute(self.pool())
        .await?;
        Ok(())
    }
}
