use chrono::Utc;

use super::{Store, StoreError};
use crate::staff::{PasswordHash, Role, StaffEmail};

impl Store {
    pub async fn add_staff(
        &self,
        email: &StaffEmail,
        role: Role,
        password: &PasswordHash,
    ) -> Result<i64, StoreError> {
        let result = sqlx::query(
            "INSERT INTO staff (email, role, password_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(email.as_str())
        .bind(role.id())
        .bind(password.as_str())
        .bind(Utc::now().to_rfc3339())
        .fetch_one(self.pool())
        .await;
        match result {
            Ok(row) => Ok(sqlx::Row::try_get(&row, "id")?),
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(StoreError::Conflict(
                format!("a staff account for {} already exists", email.as_str()),
            )),
            Err(e) => Err(e.into()),
        }
    }

    /// The stored hash and role for a staff email, for signing in.
    pub async fn staff_credentials(
        &self,
        email: &StaffEmail,
    ) -> Result<Option<(i64, Role, PasswordHash)>, StoreError> {
        let row = sqlx::query("SELECT id, role, password_hash FROM staff WHERE email = $1")
            .bind(email.as_str())
            .fetch_optional(self.pool())
            .await?;
        let Some(row) = row else { return Ok(None) };
        use sqlx::Row;
        let role: String = row.try_get("role")?;
        let role = role
            .parse()
            .map_err(|_| StoreError::Corrupt(format!("staff role {role:?}")))?;
        Ok(Some((
            row.try_get("id")?,
            role,
            PasswordHash::from_store(row.try_get("password_hash")?),
        )))
    }
}

/// A staff account as pages show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    pub id: i64,
    pub email: StaffEmail,
    pub role: Role,
}

fn member(row: &sqlx::any::AnyRow) -> Result<StaffMember, StoreError> {
    use sqlx::Row;
    let role: String = row.try_get("role")?;
    let email: String = row.try_get("email")?;
    Ok(StaffMember {
        id: row.try_get("id")?,
        email: StaffEmail::parse(&email).map_err(|_| StoreError::Corrupt("staff email".into()))?,
        role: role
            .parse()
            .map_err(|_| StoreError::Corrupt(format!("staff role {role:?}")))?,
    })
}

impl Store {
    /// The account behind a signed-in session; none once it has been removed.
    pub async fn staff_member(&self, id: i64) -> Result<Option<StaffMember>, StoreError> {
        let row = sqlx::query("SELECT id, email, role FROM staff WHERE id = $1")
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(member).transpose()
    }

    /// Every account, by email; with a role, only those.
    pub async fn staff_members(&self, role: Option<Role>) -> Result<Vec<StaffMember>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, email, role FROM staff WHERE ($1 IS NULL OR role = $1) ORDER BY email",
        )
        .bind(role.map(Role::id))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(member).collect()
    }

    pub async fn set_staff_password(
        &self,
        id: i64,
        password: &PasswordHash,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query("UPDATE staff SET password_hash = $1 WHERE id = $2")
            .bind(password.as_str())
            .bind(id)
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected() > 0)
    }

    pub async fn remove_staff(&self, id: i64) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM staff WHERE id = $1")
            .bind(id)
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Until when sign-in is refused for this key (unix seconds); 0 when it is not.
    pub async fn sign_in_locked_until(&self, key: &str) -> Result<i64, StoreError> {
        use sqlx::Row;
        let row = sqlx::query("SELECT locked_until FROM sign_in_failures WHERE key = $1")
            .bind(key)
            .fetch_optional(self.pool())
            .await?;
        Ok(match row {
            Some(row) => row.try_get("locked_until")?,
            None => 0,
        })
    }

    /// Counts one more failure for this key in one statement (so two instances count alike),
    /// starting again after `forget_after` seconds without one; `lock_for` turns the new count
    /// into seconds of lock-out. Returns (failures, locked until).
    pub async fn record_sign_in_failure(
        &self,
        key: &str,
        now: i64,
        forget_after: i64,
        lock_for: impl Fn(i64) -> i64,
    ) -> Result<(i64, i64), StoreError> {
        use sqlx::Row;
        let mut tx = self.begin().await?;
        let row = sqlx::query(
            "INSERT INTO sign_in_failures (key, failures, last_at, locked_until) VALUES ($1, 1, $2, 0) \
             ON CONFLICT (key) DO UPDATE SET \
             failures = CASE WHEN sign_in_failures.last_at < $3 THEN 1 ELSE sign_in_failures.failures + 1 END, \
             last_at = excluded.last_at \
             RETURNING failures",
        )
        .bind(key)
        .bind(now)
        .bind(now - forget_after)
        .fetch_one(&mut *tx)
        .await?;
        let failures: i64 = row.try_get("failures")?;
        let locked_until = match lock_for(failures) {
            0 => 0,
            secs => now + secs,
        };
        sqlx::query("UPDATE sign_in_failures SET locked_until = $1 WHERE key = $2")
            .bind(locked_until)
            .bind(key)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok((failures, locked_until))
    }

    pub async fn clear_sign_in_failures(&self, key: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sign_in_failures WHERE key = $1")
            .bind(key)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}
