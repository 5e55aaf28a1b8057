/// The consultations' version: how many times they have changed, counted by triggers
/// (migrations `0010_consultation_changes`), for a statement to read beside what it does.
macro_rules! consultations_version_sql {
    () => {
        "(SELECT n FROM consultation_changes WHERE id = 1)"
    };
}

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use chrono::Utc;
use sqlx::Row;

use super::{Direct, Store, StoreError};
use crate::domain::Consultation;

/// A consultation as held in the store, with its row id.
#[derive(Debug, Clone)]
pub struct StoredConsultation {
    pub id: i64,
    /// Shared with the store's cache of parsed consultations.
    pub consultation: Arc<Consultation>,
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
        self.listed.forget();
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
        let row = sqlx::query("SELECT id, loaded_at FROM consultations WHERE slug = $1")
            .bind(slug)
            .fetch_optional(self.pool())
            .await?;
        match row {
            Some(row) => Ok(Some(self.read_consultation(&row).await?)),
            None => Ok(None),
        }
    }

    /// The consultation with `slug` as this instance last read it, without asking the
    /// database: while the database is away, a question can still be shown again with what
    /// the person chose on it.
    pub fn last_read_consultation(&self, slug: &str) -> Option<StoredConsultation> {
        self.parsed.last_read(slug)
    }

    /// Every consultation, newest opening first.
    pub async fn consultations(&self) -> Result<Vec<StoredConsultation>, StoreError> {
        let rows = sqlx::query(ALL).fetch_all(self.pool()).await?;
        let mut all = Vec::with_capacity(rows.len());
        for row in &rows {
            all.push(self.read_consultation(row).await?);
        }
        Ok(all)
    }

    /// The consultations' version as the database has it now: how many times they have
    /// changed.
    pub async fn consultations_version(&self) -> Result<i64, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            consultations_version_sql!(),
            " AS version"
        ))
        .fetch_one(self.pool())
        .await?;
        Ok(row.try_get("version")?)
    }

    /// Every consultation, as [`Store::consultations`], with their version
    /// ([`Store::consultations_version`]): kept from the last read unless `fresh`. A webhook
    /// on PostgreSQL compares the version with the one its transaction reads beside the
    /// conversation ([`super::sms::Noted`]), so a consultation saved by another instance is
    /// never missed and the list is not read again for every message.
    pub async fn listed_consultations(
        &self,
        fresh: bool,
    ) -> Result<VersionedConsultations, StoreError> {
        if !fresh {
            if let Some(listed) = self.listed.get() {
                return Ok(listed);
            }
        }
        // The version first: a change made between the two reads then leaves an old version
        // with the new list (read again once more), never a new version with the old list.
        let version = self.consultations_version().await?;
        let all = self.consultations().await?;
        let listed = (version, Arc::new(all));
        self.listed.keep(listed.clone());
        Ok(listed)
    }

    pub async fn consultation_count(&self) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM consultations")
            .fetch_one(self.pool())
            .await?;
        Ok(row.try_get("n")?)
    }
}

impl Store {
    /// The consultation a row of (id, loaded_at) names. Parsed consultations are kept by
    /// (id, loaded_at): every page and webhook needs one, and parsing its TOML costs far more
    /// than reading the row. Saving gives a new `loaded_at`, so no instance serves a stale one.
    async fn read_consultation(
        &self,
        row: &sqlx::any::AnyRow,
    ) -> Result<StoredConsultation, StoreError> {
        let id: i64 = row.try_get("id")?;
        let loaded_at: String = row.try_get("loaded_at")?;
        if let Some(consultation) = self.parsed.get(id, &loaded_at) {
            return Ok(StoredConsultation { id, consultation });
        }
        let row = sqlx::query(SOURCE).bind(id).fetch_one(self.pool()).await?;
        let source: String = row.try_get("source")?;
        let consultation = self.parsed.parse(id, loaded_at, &source)?;
        Ok(StoredConsultation { id, consultation })
    }
}

/// Every consultation with their version ([`Store::consultations_version`]).
pub type VersionedConsultations = (i64, Arc<Vec<StoredConsultation>>);

/// The consultations as last listed ([`Store::listed_consultations`]).
#[derive(Debug, Default)]
pub(crate) struct Listed(RwLock<Option<VersionedConsultations>>);

impl Listed {
    fn get(&self) -> Option<VersionedConsultations> {
        self.0
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    fn keep(&self, listed: VersionedConsultations) {
        *self
            .0
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(listed);
    }

    fn forget(&self) {
        *self
            .0
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = None;
    }
}

/// Every consultation's (id, loaded_at), newest opening first.
const ALL: &str = "SELECT id, loaded_at FROM consultations ORDER BY opens_on DESC, slug";
const SOURCE: &str = "SELECT source FROM consultations WHERE id = $1";

impl Direct<'_> {
    /// [`Store::consultations`], read on SQLite's writer connection once per group.
    pub(crate) fn consultations(&mut self) -> Result<Vec<StoredConsultation>, StoreError> {
        if let Some(read) = &self.consultations {
            return Ok(read.clone());
        }
        let read = self.read_consultations()?;
        self.consultations = Some(read.clone());
        Ok(read)
    }

    fn read_consultations(&self) -> Result<Vec<StoredConsultation>, StoreError> {
        let mut all = self.conn.prepare_cached(ALL)?;
        let rows = all
            .query_map([], |row| {
                Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .map(|(id, loaded_at)| {
                let consultation = match self.parsed.get(id, &loaded_at) {
                    Some(consultation) => consultation,
                    None => {
                        let source: String = self
                            .conn
                            .prepare_cached(SOURCE)?
                            .query_row([id], |row| row.get(0))?;
                        self.parsed.parse(id, loaded_at, &source)?
                    }
                };
                Ok(StoredConsultation { id, consultation })
            })
            .collect()
    }
}

/// Parsed consultations by id, each with the `loaded_at` it was parsed for.
#[derive(Debug, Default)]
pub(crate) struct ParsedConsultations(RwLock<HashMap<i64, (String, Arc<Consultation>)>>);

impl ParsedConsultations {
    fn get(&self, id: i64, loaded_at: &str) -> Option<Arc<Consultation>> {
        let parsed = self
            .0
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        parsed
            .get(&id)
            .filter(|(at, _)| at == loaded_at)
            .map(|(_, consultation)| Arc::clone(consultation))
    }

    /// The consultation with `slug` as last parsed here, whatever its row now says.
    fn last_read(&self, slug: &str) -> Option<StoredConsultation> {
        let parsed = self
            .0
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        parsed
            .iter()
            .filter(|(_, (_, consultation))| consultation.slug.as_str() == slug)
            // A consultation saved again under a new id leaves the old one here too.
            .max_by(|(a_id, (a_at, _)), (b_id, (b_at, _))| (a_at, a_id).cmp(&(b_at, b_id)))
            .map(|(id, (_, consultation))| StoredConsultation {
                id: *id,
                consultation: Arc::clone(consultation),
            })
    }

    /// Parses a consultation's source and keeps it for (id, loaded_at).
    fn parse(
        &self,
        id: i64,
        loaded_at: String,
        source: &str,
    ) -> Result<Arc<Consultation>, StoreError> {
        let consultation = Arc::new(
            Consultation::parse(source)
                .map_err(|e| StoreError::Corrupt(format!("consultation {id}: {e}")))?,
        );
        let mut parsed = self
            .0
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        parsed.insert(id, (loaded_at, Arc::clone(&consultation)));
        Ok(consultation)
    }
}
