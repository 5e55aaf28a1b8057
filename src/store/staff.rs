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
