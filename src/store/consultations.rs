use chrono::Utc;
use sqlx::Row;

use super::{Store, StoreError};
use crate::domain::Consultation;

/// A consultation as held in the store, with its row id.
#[derive(Debug, Clone)]
pub struct StoredConsultation {
    pub id: i64,
    pub consultation: Consultation,
}

impl Store {
    /// Saves a consultation, replacing the one with the same slug.
    pub async fn save_consultation(
        &self,
        consultation: &Consultation,
        source: &str,
    ) -> Result<i64, StoreError> {
        let title = consultation
            .title
            .get(crate::i18n::DEFAULT_LOCALE)
            .cloned()
            .unwrap_or_default();
        let result = sqlx::query(
            "INSERT INTO consultations (slug, title, opens_on, closes_on, sms_keyword, source, loaded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (slug) DO UPDATE SET title = excluded.title, opens_on = excluded.opens_on, \
             closes_on = excluded.closes_on, sms_keyword = excluded.sms_keyword, \
             source = excluded.source, loaded_at = excluded.loaded_at \
             RETURNING id",
        )
        .bind(consultation.slug.as_str())
        .bind(title)
        .bind(consultation.opens_on.to_string())
        .bind(consultation.closes_on.map(|d| d.to_string()))
        .bind(consultation.sms_keyword.clone())
        .bind(source)
        .bind(Utc::now().to_rfc3339())
        .fetch_one(self.pool())
        .await;
        match result {
            Ok(row) => Ok(row.try_get("id")?),
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                Err(StoreError::Conflict(format!(
                    "another consultation already uses the SMS keyword {:?}",
                    consultation.sms_keyword.as_deref().unwrap_or_default()
                )))
            }
            Err(e) => Err(e.into()),
        }
    }

    pub async fn consultation(&self, slug: &str) -> Result<Option<StoredConsultation>, StoreError> {
        let row = sqlx::query("SELECT id, source FROM consultations WHERE slug = $1")
            .bind(slug)
            .fetch_optional(self.pool())
            .await?;
        row.map(|row| read_consultation(&row)).transpose()
    }

    /// Every consultation, newest opening first.
    pub async fn consultations(&self) -> Result<Vec<StoredConsultation>, StoreError> {
        let rows = sqlx::query("SELECT id, source FROM consultations ORDER BY opens_on DESC, slug")
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(read_consultation).collect()
    }

    pub async fn consultation_count(&self) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM consultations")
            .fetch_one(self.pool())
            .await?;
        Ok(row.try_get("n")?)
    }
}

fn read_consultation(row: &sqlx::any::AnyRow) -> Result<StoredConsultation, StoreError> {
    let id: i64 = row.try_get("id")?;
    let source: String = row.try_get("source")?;
    let consultation = Consultation::parse(&source)
        .map_err(|e| StoreError::Corrupt(format!("consultation {id}: {e}")))?;
    Ok(StoredConsultation { id, consultation })
}
