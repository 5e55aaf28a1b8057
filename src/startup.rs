//! Turning a `Config` into a running heard: secret, areas, store.

use std::sync::Arc;

use anyhow::Context;

use crate::clock::Clock;
use crate::config::{Config, SecretSource};
use crate::domain::consultation::DEMO_SOURCE;
use crate::domain::{Areas, Consultation};
use crate::privacy::{Pseudonymiser, ServerSecret};
use crate::server::limit::AddressLimiter;
use crate::server::{AppState, Shared};
use crate::store::Store;

pub fn secret(config: &Config) -> anyhow::Result<ServerSecret> {
    Ok(match &config.secret {
        SecretSource::Value(v) => ServerSecret::from_value(v)?,
        SecretSource::File(path) => ServerSecret::from_file(path)?,
    })
}

pub fn areas(config: &Config) -> anyhow::Result<Arc<Areas>> {
    match &config.areas_file {
        Some(path) => {
            Ok(Arc::new(Areas::from_files(path).with_context(|| {
                format!("HEARD_AREAS_FILE {}", path.display())
            })?))
        }
        None => Ok(Areas::devon()),
    }
}

/// Opens the database and brings its schema up to date.
pub async fn store(config: &Config) -> anyhow::Result<Store> {
    let store = Store::connect(&config.database_url, config.db_max_connections).await?;
    store.migrate().await?;
    Ok(store)
}

pub async fn state(config: Config) -> anyhow::Result<AppState> {
    // Before anything is counted; idempotent, so every test app in one process shares it.
    crate::metrics::install();
    let secret = secret(&config)?;
    let areas = areas(&config)?;
    let gateways = crate::channels::sms::Gateways::from_settings(&config.sms)?;
    let store = store(&config).await?;
    let mailer = crate::channels::email::Mailer::from_config(&config.email)?;
    Ok(AppState::new(Shared {
        sms: crate::channels::sms::SmsChannel::new(gateways, &secret),
        mailer,
        store,
        areas,
        pseudonymiser: Arc::new(Pseudonymiser::new(&secret)),
        web_limiter: AddressLimiter::per_minute(config.form_posts_per_minute),
        page_limiter: AddressLimiter::per_minute(config.page_requests_per_minute),
        sign_in_limiter: AddressLimiter::per_minute(config.sign_in_per_minute),
        config: Arc::new(config),
        clock: Clock::default(),
    }))
}

/// Checks a consultation file and stores it; returns its slug.
pub async fn load_consultation(store: &Store, source: &str) -> anyhow::Result<String> {
    let consultation = Consultation::parse(source)?;
    store.save_consultation(&consultation, source).await?;
    Ok(consultation.slug.to_string())
}

/// Loads the demo when the database holds no consultation yet.
pub async fn load_demo_if_empty(store: &Store) -> anyhow::Result<Option<String>> {
    if store.consultation_count().await? > 0 {
        return Ok(None);
    }
    load_consultation(store, DEMO_SOURCE).await.map(Some)
}
