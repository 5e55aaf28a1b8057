//! A person's answers so far, kept in their session until they send them.
//! Free text is scrubbed before it is saved here and a typed postcode never is.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use super::WebError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum Saved {
    Choice(String),
    Feeling(u8),
    /// Already scrubbed.
    Text(String),
    Area(String),
    Group(String),
    Skipped,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Progress {
    /// By question id.
    pub answers: BTreeMap<String, Saved>,
    /// Areas a typed postcode could be in, while the person picks one.
    #[serde(default)]
    pub area_choices: Vec<String>,
    /// The outreach link that brought them (`poster-12`).
    #[serde(default)]
    pub via: Option<String>,
    /// Names this form for the store, so sending it twice stores it once.
    pub form_id: String,
    /// Something they wrote suggests they may be at risk.
    #[serde(default)]
    pub concern: bool,
    /// What they wrote that suggests they may be at risk is stored for the safeguarding
    /// lead (it is as soon as it is written; until then each page tries again).
    #[serde(default)]
    pub lead_told: bool,
    /// The signpost to help is still to be shown on the next page.
    #[serde(default)]
    pub signpost_due: bool,
}

fn key(slug: &str) -> String {
    format!("progress:{slug}")
}

fn done_key(slug: &str) -> String {
    format!("done:{slug}")
}

impl Progress {
    pub async fn load(session: &Session, slug: &str) -> Result<Progress, WebError> {
        let saved: Option<Progress> = session.get(&key(slug)).await.map_err(WebError::session)?;
        Ok(saved.unwrap_or_else(|| Progress {
            form_id: uuid::Uuid::new_v4().to_string(),
            ..Progress::default()
        }))
    }

    pub async fn save(&self, session: &Session, slug: &str) -> Result<(), WebError> {
        session
            .insert(&key(slug), self)
            .await
            .map_err(WebError::session)?;
        // Written now, not at the end of the request: a phone that sleeps mid-way loses nothing.
        session.save().await.map_err(WebError::session)
    }

    /// Forgets the answers once sent, remembering only whether to signpost help.
    pub async fn finish(session: &Session, slug: &str, concern: bool) -> Result<(), WebError> {
        session
            .remove::<Progress>(&key(slug))
            .await
            .map_err(WebError::session)?;
        session
            .insert(&done_key(slug), concern)
            .await
            .map_err(WebError::session)?;
        session.save().await.map_err(WebError::session)
    }

    /// Whether this session sent the form, and if so whether help should be signposted.
    pub async fn finished(session: &Session, slug: &str) -> Result<Option<bool>, WebError> {
        session
            .get(&done_key(slug))
            .await
            .map_err(WebError::session)
    }
}

/// The session's token for its forms: a post must carry it back.
pub async fn csrf_token(session: &Session) -> Result<String, WebError> {
    if let Some(token) = session
        .get::<String>("csrf")
        .await
        .map_err(WebError::session)?
    {
        return Ok(token);
    }
    let token = uuid::Uuid::new_v4().simple().to_string();
    session
        .insert("csrf", &token)
        .await
        .map_err(WebError::session)?;
    Ok(token)
}

pub async fn check_csrf(session: &Session, sent: &str) -> Result<(), WebError> {
    let expected: Option<String> = session.get("csrf").await.map_err(WebError::session)?;
    match expected {
        Some(token) if crate::privacy::secret::secrets_match(token.as_bytes(), sent.as_bytes()) => {
            Ok(())
        }
        _ => Err(WebError::FormExpired),
    }
}
