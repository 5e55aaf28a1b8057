//! Settings, from `HEARD_*` environment variables over an optional `heard.toml`.
//! Each is parsed at start-up; a bad one stops heard with a message naming it.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::CertificateDer;
use tokio_rustls::rustls::RootCertStore;

use crate::privacy::Secret;

/// Every setting heard reads: name, default, and what it is for. The README lists the same.
pub const SETTINGS: &[(&str, &str, &str)] = &[
    (
        "HEARD_BIND",
        "127.0.0.1:8080",
        "address and port to listen on",
    ),
    (
        "HEARD_DATABASE_URL",
        "sqlite://heard.db",
        "a SQLite file (`sqlite://path`) or `postgres://user@host/db`",
    ),
    (
        "HEARD_DB_MAX_CONNECTIONS",
        "10",
        "most database connections held open",
    ),
    (
        "HEARD_SECRET",
        "(unset)",
        "server secret keying pseudonyms, at least 32 characters",
    ),
    (
        "HEARD_SECRET_FILE",
        "heard.secret",
        "where a random secret is kept when HEARD_SECRET is unset (made once, mode 0600)",
    ),
    ("HEARD_LOG_FORMAT", "plain", "`plain` or `json`"),
    ("HEARD_LOG", "info", "log filter, e.g. `info,heard=debug`"),
    (
        "HEARD_MAX_BODY_BYTES",
        "1048576",
        "largest request body accepted; larger gets 413",
    ),
    (
        "HEARD_DEMO",
        "true",
        "load the demo consultation when the database has none",
    ),
    (
        "HEARD_AREAS_FILE",
        "(built-in Devon)",
        "areas TOML for another authority, with its postcode CSVs beside it",
    ),
    ("HEARD_CONFIG", "heard.toml", "the optional settings file"),
    (
        "HEARD_PUBLIC_URL",
        "http://127.0.0.1:8080",
        "the address people reach heard at, for links and signatures",
    ),
    (
        "HEARD_COOKIE_SECURE",
        "(true when HEARD_PUBLIC_URL is https)",
        "send cookies only over HTTPS",
    ),
    (
        "HEARD_TRUST_PROXY",
        "false",
        "take the client address from X-Forwarded-For, from the hop your proxy added (only behind proxies you run)",
    ),
    (
        "HEARD_PROXY_HOPS",
        "1",
        "with HEARD_TRUST_PROXY, how many proxies you run in front of heard, each adding its hop to X-Forwarded-For; the client address is the hop the farthest of them added",
    ),
    (
        "HEARD_FORM_POSTS_PER_MINUTE",
        "120",
        "form posts allowed per address per minute (a class on one school connection shares it)",
    ),
    (
        "HEARD_PAGE_REQUESTS_PER_MINUTE",
        "600",
        "page requests allowed per address per minute on public and staff pages (webhooks are apart)",
    ),
    (
        "HEARD_SIGN_IN_PER_MINUTE",
        "10",
        "staff sign-in attempts allowed per address per minute",
    ),
    (
        "HEARD_HEADER_TIMEOUT_SECS",
        "10",
        "a client must send a request's headers within this; slower connections are closed",
    ),
    (
        "HEARD_BODY_TIMEOUT_SECS",
        "30",
        "a client must send a request's body within this; slower requests get 408",
    ),
    (
        "HEARD_SHUTDOWN_GRACE_SECS",
        "30",
        "how long in-flight requests may finish after SIGTERM",
    ),
    (
        "HEARD_TWILIO_AUTH_TOKEN",
        "(unset: Twilio off)",
        "Twilio auth token; turns on `POST /webhooks/sms/twilio` (replies go back in TwiML)",
    ),
    (
        "HEARD_NOTIFY_INBOUND_TOKEN",
        "(unset: Notify off)",
        "bearer token GOV.UK Notify sends with received texts to `POST /webhooks/sms/notify`",
    ),
    (
        "HEARD_NOTIFY_API_KEY",
        "(unset)",
        "GOV.UK Notify API key for sending replies; Notify needs all three NOTIFY settings",
    ),
    (
        "HEARD_NOTIFY_TEMPLATE_ID",
        "(unset)",
        "id of a Notify text template whose whole content is `((body))`",
    ),
    (
        "HEARD_NOTIFY_BASE_URL",
        "https://api.notifications.service.gov.uk",
        "where Notify's API is (tests point it at a local fake)",
    ),
    (
        "HEARD_NOTIFY_SMS_SENDER_ID",
        "(unset: the service's default)",
        "which of the Notify service's text senders replies come from",
    ),
    (
        "HEARD_EMAIL_WEBHOOK_TOKEN",
        "(unset)",
        "bearer token for `POST /webhooks/email`; the route answers 404 while it is unset",
    ),
    (
        "HEARD_EMAIL_MAX_BYTES",
        "26214400",
        "largest raw email the webhook accepts (attachments are read, then dropped)",
    ),
    (
        "HEARD_SMTP_URL",
        "(unset)",
        "where acknowledgements are sent, e.g. `smtp://user:pass@host:587?tls=required`; none are sent while unset",
    ),
    (
        "HEARD_MAIL_FROM",
        "(unset)",
        "the From address of acknowledgements, e.g. `Devon SEND views <views@example.org>`",
    ),
    (
        "HEARD_IMAP_HOST",
        "(unset)",
        "the mailbox server heard reads views from; no mailbox is read while unset",
    ),
    ("HEARD_IMAP_PORT", "993", "the IMAP server's port"),
    (
        "HEARD_IMAP_TLS",
        "true",
        "`true`: TLS from the start (IMAPS, port 993); `starttls`: a plain connection upgraded with STARTTLS (port 143); `false` only for a server on the same machine",
    ),
    (
        "HEARD_IMAP_CA_FILE",
        "(unset)",
        "a PEM file of CA certificates to trust for the IMAP server (e.g. a council's own CA), besides the public roots",
    ),
    ("HEARD_IMAP_USER", "(unset)", "the mailbox's user name"),
    ("HEARD_IMAP_PASSWORD", "(unset)", "the mailbox's password"),
    (
        "HEARD_IMAP_PASSWORD_FILE",
        "(unset)",
        "a file holding the mailbox's password, instead of HEARD_IMAP_PASSWORD",
    ),
    ("HEARD_IMAP_FOLDER", "INBOX", "the folder new emails arrive in"),
    (
        "HEARD_IMAP_PROCESSED_FOLDER",
        "heard-processed",
        "where each email is moved once its view is stored (made if missing)",
    ),
    (
        "HEARD_IMAP_POLL_SECS",
        "60",
        "seconds between looks at the mailbox",
    ),
    (
        "HEARD_DIGEST_AT",
        "mon 08:00",
        "when the weekly digest goes to every lead, as a day and UK time (`mon 08:00`), or `off`; needs HEARD_SMTP_URL",
    ),
    (
        "HEARD_METRICS_TOKEN",
        "(unset)",
        "bearer token for `GET /metrics` on the public port; the route answers 404 while it is unset",
    ),
    (
        "HEARD_METRICS_BIND",
        "(unset)",
        "a second, private address for `GET /metrics` alone, e.g. 127.0.0.1:9090 (open there unless HEARD_METRICS_TOKEN is set)",
    ),
    (
        "HEARD_SUPPRESS_BELOW",
        "10",
        "in exports for publication, a count from 1 to N−1 shows as `<N` (N from 2 to 1000)",
    ),
];

/// Where and how Prometheus may read `/metrics`.
#[derive(Debug, Clone, Default)]
pub struct MetricsConfig {
    /// Needed as a bearer token wherever `/metrics` is served; the public route is 404 without it.
    pub token: Option<Secret>,
    /// A private listener serving `/metrics` only.
    pub bind: Option<SocketAddr>,
}

/// The SMS gateways' settings. A gateway whose settings are absent is off.
#[derive(Debug, Clone, Default)]
pub struct SmsSettings {
    pub twilio_auth_token: Option<Secret>,
    pub notify: Option<NotifySettings>,
}

#[derive(Debug, Clone)]
pub struct NotifySettings {
    pub inbound_token: Secret,
    pub api_key: Secret,
    pub template_id: String,
    pub base_url: String,
    pub sms_sender_id: Option<String>,
}

/// The mailbox heard reads views from.
#[derive(Debug, Clone)]
pub struct ImapConfig {
    pub host: String,
    pub port: u16,
    pub tls: bool,
    /// With `tls`: connect in plain text and upgrade with STARTTLS (`HEARD_IMAP_TLS=starttls`)
    /// rather than TLS from the first byte.
    pub starttls: bool,
    /// Certificate authorities trusted for the IMAP server besides the public roots
    /// (`HEARD_IMAP_CA_FILE`), checked when the settings are read.
    pub extra_roots: ExtraRoots,
    pub user: String,
    pub password: Secret,
    pub folder: String,
    pub processed_folder: String,
    pub poll_secs: u64,
}

/// DER certificates from `HEARD_IMAP_CA_FILE`; shown in debug output only by their count.
#[derive(Clone, Default)]
pub struct ExtraRoots(pub Vec<CertificateDer<'static>>);

impl std::fmt::Debug for ExtraRoots {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ExtraRoots({} certificates)", self.0.len())
    }
}

/// Reads a PEM file of CA certificates; every one must parse as a trust anchor.
fn read_ca_file(setting: &str, file: &str) -> Result<ExtraRoots, ConfigError> {
    let bad = |reason: String| ConfigError::File {
        path: file.to_owned(),
        reason: format!("{setting} {reason}"),
    };
    let bytes = std::fs::read(file).map_err(|e| bad(format!("could not be read ({e})")))?;
    let certs = CertificateDer::pem_slice_iter(&bytes)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| bad(format!("is not a PEM certificate file ({e})")))?;
    if certs.is_empty() {
        return Err(bad(
            "holds no PEM certificate (-----BEGIN CERTIFICATE-----)".into(),
        ));
    }
    let mut store = RootCertStore::empty();
    for cert in &certs {
        store
            .add(cert.clone())
            .map_err(|e| bad(format!("holds a certificate that cannot be trusted ({e})")))?;
    }
    Ok(ExtraRoots(certs))
}

/// The email channel's settings; each part is off while unset.
#[derive(Debug, Clone)]
pub struct EmailConfig {
    pub webhook_token: Option<Secret>,
    pub max_bytes: usize,
    /// The SMTP URL holds a password, so it is hidden too.
    pub smtp_url: Option<Secret>,
    pub mail_from: Option<String>,
    pub imap: Option<ImapConfig>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite { path: PathBuf },
    Postgres { url: String },
}

impl DatabaseUrl {
    pub fn parse(raw: &str) -> Result<DatabaseUrl, String> {
        let raw = raw.trim();
        if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
            return Ok(DatabaseUrl::Postgres {
                url: raw.to_owned(),
            });
        }
        let path = raw
            .strip_prefix("sqlite://")
            .or_else(|| raw.strip_prefix("sqlite:"))
            .unwrap_or(raw);
        let path = path.split('?').next().unwrap_or_default();
        if path.is_empty() || path.contains("://") {
            return Err("a SQLite file such as sqlite://heard.db, or a postgres:// URL".into());
        }
        Ok(DatabaseUrl::Sqlite {
            path: PathBuf::from(path),
        })
    }

    /// The URL with any password hidden, safe for logs and messages.
    pub fn redacted(&self) -> String {
        match self {
            DatabaseUrl::Sqlite { path } => format!("sqlite://{}", path.display()),
            DatabaseUrl::Postgres { url } => match (url.find("://"), url.rfind('@')) {
                (Some(scheme), Some(at)) if at > scheme => {
                    let userinfo = &url[scheme + 3..at];
                    let user = userinfo.split(':').next().unwrap_or_default();
                    let hidden = if userinfo.contains(':') { ":***" } else { "" };
                    format!("{}{user}{hidden}{}", &url[..scheme + 3], &url[at..])
                }
                _ => url.clone(),
            },
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Plain,
    Json,
}

#[derive(Debug, Clone)]
pub enum SecretSource {
    Value(String),
    File(PathBuf),
}

#[derive(Debug, Clone)]
pub struct Config {
    pub bind: SocketAddr,
    pub database_url: DatabaseUrl,
    pub db_max_connections: u32,
    pub secret: SecretSource,
    pub log_format: LogFormat,
    pub log_filter: String,
    pub max_body_bytes: usize,
    pub demo: bool,
    pub areas_file: Option<PathBuf>,
    pub shutdown_grace_secs: u64,
    pub public_url: String,
    pub cookie_secure: bool,
    pub trust_proxy: bool,
    /// How many of X-Forwarded-For's hops, counted from the right, proxies heard trusts added.
    pub proxy_hops: usize,
    pub form_posts_per_minute: u32,
    pub page_requests_per_minute: u32,
    pub sign_in_per_minute: u32,
    pub header_timeout_secs: u64,
    pub body_timeout_secs: u64,
    pub sms: SmsSettings,
    pub email: EmailConfig,
    /// When the weekly digest goes out; none when it is off.
    pub digest_at: Option<crate::coverage::digest::Schedule>,
    pub metrics: MetricsConfig,
    /// The small-number threshold of exports for publication.
    pub suppress_below: u64,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("{setting}: expected {expected}, but got {got:?}")]
    Invalid {
        setting: String,
        expected: String,
        got: String,
    },
    #[error("{setting}: expected {expected}")]
    InvalidSecret { setting: String, expected: String },
    #[error("{path}: {reason}")]
    File { path: String, reason: String },
    #[error("{path}: unknown setting {key:?}; known settings are listed in the README")]
    UnknownKey { path: String, key: String },
}

impl Config {
    /// Reads `heard.toml` (or the file named by `HEARD_CONFIG`) if present, then the
    /// process environment over it.
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_sources(std::env::vars())
    }

    pub fn from_sources(
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Config, ConfigError> {
        let env: BTreeMap<String, String> = env
            .into_iter()
            .filter(|(k, _)| k.starts_with("HEARD_"))
            .collect();
        let (file, required) = match env.get("HEARD_CONFIG") {
            Some(path) => (PathBuf::from(path), true),
            None => (PathBuf::from("heard.toml"), false),
        };
        let mut values = read_file(&file, required)?;
        values.extend(env);
        Config::from_values(&values)
    }

    fn from_values(values: &BTreeMap<String, String>) -> Result<Config, ConfigError> {
        let get = |name: &str| -> String {
            values.get(name).cloned().unwrap_or_else(|| {
                SETTINGS
                    .iter()
                    .find(|(n, _, _)| *n == name)
                    .map(|(_, d, _)| d.to_string())
                    .unwrap_or_default()
            })
        };
        let invalid = |setting: &str, expected: &str, got: String| ConfigError::Invalid {
            setting: setting.into(),
            expected: expected.into(),
            got,
        };

        let bind = get("HEARD_BIND").trim().parse().map_err(|_| {
            invalid(
                "HEARD_BIND",
                "an address and port such as 127.0.0.1:8080",
                get("HEARD_BIND"),
            )
        })?;
        let database_url = DatabaseUrl::parse(&get("HEARD_DATABASE_URL")).map_err(|expected| {
            invalid(
                "HEARD_DATABASE_URL",
                &expected,
                DatabaseUrl::Postgres {
                    url: get("HEARD_DATABASE_URL"),
                }
                .redacted(),
            )
        })?;
        let db_max_connections = parse_number(
            "HEARD_DB_MAX_CONNECTIONS",
            &get("HEARD_DB_MAX_CONNECTIONS"),
            1,
            1000,
        )?;
        let secret = match values.get("HEARD_SECRET") {
            Some(v) if v.trim().len() >= crate::privacy::secret::MIN_SECRET_LEN => SecretSource::Value(v.clone()),
            Some(_) => {
                return Err(ConfigError::InvalidSecret {
                    setting: "HEARD_SECRET".into(),
                    expected: format!(
                        "at least {} characters (for example from `openssl rand -hex 32`), or leave it unset",
                        crate::privacy::secret::MIN_SECRET_LEN
                    ),
                })
            }
            None => SecretSource::File(PathBuf::from(get("HEARD_SECRET_FILE"))),
        };
        let log_format = match get("HEARD_LOG_FORMAT").trim().to_ascii_lowercase().as_str() {
            "plain" | "text" => LogFormat::Plain,
            "json" => LogFormat::Json,
            _ => {
                return Err(invalid(
                    "HEARD_LOG_FORMAT",
                    "plain or json",
                    get("HEARD_LOG_FORMAT"),
                ))
            }
        };
        let log_filter = get("HEARD_LOG");
        if tracing_subscriber::EnvFilter::try_new(&log_filter).is_err() {
            return Err(invalid(
                "HEARD_LOG",
                "a log filter such as info or info,heard=debug",
                log_filter,
            ));
        }
        let max_body_bytes = parse_number(
            "HEARD_MAX_BODY_BYTES",
            &get("HEARD_MAX_BODY_BYTES"),
            1024,
            1 << 30,
        )? as usize;
        let demo = parse_bool("HEARD_DEMO", &get("HEARD_DEMO"))?;
        let areas_file = values.get("HEARD_AREAS_FILE").map(PathBuf::from);
        let shutdown_grace_secs = parse_number(
            "HEARD_SHUTDOWN_GRACE_SECS",
            &get("HEARD_SHUTDOWN_GRACE_SECS"),
            0,
            3600,
        )?;
        let public_url = get("HEARD_PUBLIC_URL")
            .trim()
            .trim_end_matches('/')
            .to_owned();
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(invalid(
                "HEARD_PUBLIC_URL",
                "an address starting http:// or https://",
                public_url,
            ));
        }
        let cookie_secure = match values.get("HEARD_COOKIE_SECURE") {
            Some(v) => parse_bool("HEARD_COOKIE_SECURE", v)?,
            None => public_url.starts_with("https://"),
        };
        let trust_proxy = parse_bool("HEARD_TRUST_PROXY", &get("HEARD_TRUST_PROXY"))?;
        let proxy_hops =
            parse_number("HEARD_PROXY_HOPS", &get("HEARD_PROXY_HOPS"), 1, 16)? as usize;
        let form_posts_per_minute = parse_number(
            "HEARD_FORM_POSTS_PER_MINUTE",
            &get("HEARD_FORM_POSTS_PER_MINUTE"),
            1,
            100_000,
        )? as u32;
        let page_requests_per_minute = parse_number(
            "HEARD_PAGE_REQUESTS_PER_MINUTE",
            &get("HEARD_PAGE_REQUESTS_PER_MINUTE"),
            1,
            1_000_000,
        )? as u32;
        let sign_in_per_minute = parse_number(
            "HEARD_SIGN_IN_PER_MINUTE",
            &get("HEARD_SIGN_IN_PER_MINUTE"),
            1,
            100_000,
        )? as u32;
        let header_timeout_secs = parse_number(
            "HEARD_HEADER_TIMEOUT_SECS",
            &get("HEARD_HEADER_TIMEOUT_SECS"),
            1,
            3600,
        )?;
        let body_timeout_secs = parse_number(
            "HEARD_BODY_TIMEOUT_SECS",
            &get("HEARD_BODY_TIMEOUT_SECS"),
            1,
            3600,
        )?;
        let sms = sms_settings(values)?;
        let email = email_config(values, &get)?;
        let metrics = metrics_config(values)?;
        let suppress_below = parse_number(
            "HEARD_SUPPRESS_BELOW",
            &get("HEARD_SUPPRESS_BELOW"),
            2,
            1000,
        )?;
        let digest_at =
            crate::coverage::digest::Schedule::parse(&get("HEARD_DIGEST_AT")).map_err(|_| {
                invalid(
                    "HEARD_DIGEST_AT",
                    "a day and UK time such as mon 08:00, or off",
                    get("HEARD_DIGEST_AT"),
                )
            })?;
        Ok(Config {
            page_requests_per_minute,
            sign_in_per_minute,
            header_timeout_secs,
            body_timeout_secs,
            digest_at,
            metrics,
            suppress_below,
            sms,
            email,
            public_url,
            cookie_secure,
            trust_proxy,
            proxy_hops,
            form_posts_per_minute,
            bind,
            database_url,
            db_max_connections: db_max_connections as u32,
            secret,
            log_format,
            log_filter,
            max_body_bytes,
            demo,
            areas_file,
            shutdown_grace_secs,
        })
    }
}

fn sms_settings(values: &BTreeMap<String, String>) -> Result<SmsSettings, ConfigError> {
    let set = |name: &str| {
        values
            .get(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let twilio_auth_token = set("HEARD_TWILIO_AUTH_TOKEN").map(Secret::new);
    let notify_names = [
        "HEARD_NOTIFY_INBOUND_TOKEN",
        "HEARD_NOTIFY_API_KEY",
        "HEARD_NOTIFY_TEMPLATE_ID",
    ];
    let given: Vec<Option<String>> = notify_names.iter().map(|n| set(n)).collect();
    let notify = match given.as_slice() {
        [Some(inbound), Some(key), Some(template)] => {
            let base_url = set("HEARD_NOTIFY_BASE_URL")
                .unwrap_or_else(|| default_of("HEARD_NOTIFY_BASE_URL"))
                .trim_end_matches('/')
                .to_owned();
            if !(base_url.starts_with("https://") || base_url.starts_with("http://")) {
                return Err(ConfigError::Invalid {
                    setting: "HEARD_NOTIFY_BASE_URL".into(),
                    expected: "an address starting https://".into(),
                    got: base_url,
                });
            }
            Some(NotifySettings {
                inbound_token: Secret::new(inbound.clone()),
                api_key: Secret::new(key.clone()),
                template_id: template.clone(),
                base_url,
                sms_sender_id: set("HEARD_NOTIFY_SMS_SENDER_ID"),
            })
        }
        [None, None, None] => None,
        _ => {
            let missing: Vec<&str> = notify_names
                .iter()
                .zip(&given)
                .filter(|(_, v)| v.is_none())
                .map(|(n, _)| *n)
                .collect();
            return Err(ConfigError::InvalidSecret {
                setting: missing.join(", "),
                expected: "GOV.UK Notify needs HEARD_NOTIFY_INBOUND_TOKEN, HEARD_NOTIFY_API_KEY \
                           and HEARD_NOTIFY_TEMPLATE_ID together; set the missing ones or none"
                    .into(),
            });
        }
    };
    Ok(SmsSettings {
        twilio_auth_token,
        notify,
    })
}

fn metrics_config(values: &BTreeMap<String, String>) -> Result<MetricsConfig, ConfigError> {
    let set = |name: &str| {
        values
            .get(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let token = match set("HEARD_METRICS_TOKEN") {
        Some(t) if t.len() < 16 => {
            return Err(ConfigError::InvalidSecret {
                setting: "HEARD_METRICS_TOKEN".into(),
                expected: "at least 16 characters (for example from `openssl rand -hex 32`)".into(),
            })
        }
        other => other.map(Secret::new),
    };
    let bind = match set("HEARD_METRICS_BIND") {
        None => None,
        Some(raw) => Some(raw.parse().map_err(|_| ConfigError::Invalid {
            setting: "HEARD_METRICS_BIND".into(),
            expected: "an address and port such as 127.0.0.1:9090".into(),
            got: raw.clone(),
        })?),
    };
    Ok(MetricsConfig { token, bind })
}

fn default_of(name: &str) -> String {
    SETTINGS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, d, _)| d.to_string())
        .unwrap_or_default()
}

fn email_config(
    values: &BTreeMap<String, String>,
    get: &dyn Fn(&str) -> String,
) -> Result<EmailConfig, ConfigError> {
    // An empty value counts as unset, so a blank line in a deployment file turns a part off.
    let set = |name: &str| {
        values
            .get(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let missing = |setting: &str, because: &str| ConfigError::Invalid {
        setting: setting.into(),
        expected: format!("a value when {because} is set"),
        got: String::new(),
    };
    let webhook_token = match set("HEARD_EMAIL_WEBHOOK_TOKEN") {
        Some(t) if t.len() < 16 => {
            return Err(ConfigError::InvalidSecret {
                setting: "HEARD_EMAIL_WEBHOOK_TOKEN".into(),
                expected: "at least 16 characters (for example from `openssl rand -hex 32`)".into(),
            })
        }
        other => other.map(Secret::new),
    };
    let max_bytes = parse_number(
        "HEARD_EMAIL_MAX_BYTES",
        &get("HEARD_EMAIL_MAX_BYTES"),
        1024,
        1 << 30,
    )? as usize;
    let smtp_url = set("HEARD_SMTP_URL");
    if let Some(url) = &smtp_url {
        if !(url.starts_with("smtp://") || url.starts_with("smtps://")) {
            return Err(ConfigError::InvalidSecret {
                setting: "HEARD_SMTP_URL".into(),
                expected: "a URL such as smtp://user:pass@host:587?tls=required".into(),
            });
        }
    }
    let mail_from = set("HEARD_MAIL_FROM");
    if smtp_url.is_some() && mail_from.is_none() {
        return Err(missing("HEARD_MAIL_FROM", "HEARD_SMTP_URL"));
    }
    if let Some(from) = &mail_from {
        if !from.contains('@') {
            return Err(ConfigError::Invalid {
                setting: "HEARD_MAIL_FROM".into(),
                expected: "an email address such as views@example.org".into(),
                got: from.clone(),
            });
        }
    }
    let imap = match set("HEARD_IMAP_HOST") {
        None => None,
        Some(host) => {
            let user = set("HEARD_IMAP_USER")
                .ok_or_else(|| missing("HEARD_IMAP_USER", "HEARD_IMAP_HOST"))?;
            let password = match (set("HEARD_IMAP_PASSWORD"), set("HEARD_IMAP_PASSWORD_FILE")) {
                (Some(p), _) => p,
                (None, Some(file)) => std::fs::read_to_string(&file)
                    .map_err(|e| ConfigError::File {
                        path: file.clone(),
                        reason: format!("HEARD_IMAP_PASSWORD_FILE could not be read ({e})"),
                    })?
                    .trim_end_matches(['\r', '\n'])
                    .to_owned(),
                (None, None) => return Err(missing("HEARD_IMAP_PASSWORD", "HEARD_IMAP_HOST")),
            };
            let folder = |name: &str| {
                let value = get(name).trim().to_owned();
                if value.is_empty() || value.chars().any(|c| c.is_control() || c == '"') {
                    Err(ConfigError::Invalid {
                        setting: name.into(),
                        expected: "a folder name without quotes".into(),
                        got: value,
                    })
                } else {
                    Ok(value)
                }
            };
            let starttls = get("HEARD_IMAP_TLS")
                .trim()
                .eq_ignore_ascii_case("starttls");
            Some(ImapConfig {
                host,
                port: parse_number("HEARD_IMAP_PORT", &get("HEARD_IMAP_PORT"), 1, 65535)? as u16,
                tls: starttls || parse_bool("HEARD_IMAP_TLS", &get("HEARD_IMAP_TLS"))?,
                starttls,
                extra_roots: match set("HEARD_IMAP_CA_FILE") {
                    Some(file) => read_ca_file("HEARD_IMAP_CA_FILE", &file)?,
                    None => ExtraRoots::default(),
                },
                user,
                password: Secret::new(password),
                folder: folder("HEARD_IMAP_FOLDER")?,
                processed_folder: folder("HEARD_IMAP_PROCESSED_FOLDER")?,
                poll_secs: parse_number(
                    "HEARD_IMAP_POLL_SECS",
                    &get("HEARD_IMAP_POLL_SECS"),
                    1,
                    86_400,
                )?,
            })
        }
    };
    Ok(EmailConfig {
        webhook_token,
        max_bytes,
        smtp_url: smtp_url.map(Secret::new),
        mail_from,
        imap,
    })
}

fn parse_number(setting: &str, raw: &str, min: u64, max: u64) -> Result<u64, ConfigError> {
    raw.trim()
        .parse::<u64>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| ConfigError::Invalid {
            setting: setting.into(),
            expected: format!("a whole number from {min} to {max}"),
            got: raw.into(),
        })
}

fn parse_bool(setting: &str, raw: &str) -> Result<bool, ConfigError> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "1" | "on" => Ok(true),
        "false" | "no" | "0" | "off" => Ok(false),
        _ => Err(ConfigError::Invalid {
            setting: setting.into(),
            expected: "true or false".into(),
            got: raw.into(),
        }),
    }
}

/// `heard.toml` uses the same names without the prefix, in lower case: `bind = "..."`.
fn read_file(path: &Path, required: bool) -> Result<BTreeMap<String, String>, ConfigError> {
    let shown = path.display().to_string();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
            return Ok(BTreeMap::new())
        }
        Err(e) => {
            return Err(ConfigError::File {
                path: shown,
                reason: format!("could not read it ({e})"),
            })
        }
    };
    let table: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| ConfigError::File {
            path: shown.clone(),
            reason: e.message().to_owned(),
        })?;
    let mut values = BTreeMap::new();
    for (key, value) in table {
        let name = format!("HEARD_{}", key.to_ascii_uppercase());
        if !SETTINGS.iter().any(|(n, _, _)| *n == name) {
            return Err(ConfigError::UnknownKey { path: shown, key });
        }
        let value = match value {
            toml::Value::String(s) => s,
            other => other.to_string(),
        };
        values.insert(name, value);
    }
    Ok(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        // Straight to the values, so a stray heard.toml in the working directory cannot leak in.
        Config::from_values(
            &pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn defaults_need_nothing() {
        let c = config(&[]).unwrap();
        assert_eq!(c.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(
            c.database_url,
            DatabaseUrl::Sqlite {
                path: "heard.db".into()
            }
        );
        assert!(matches!(c.secret, SecretSource::File(ref p) if p == Path::new("heard.secret")));
        assert!(c.demo);
    }

    #[test]
    fn the_suppression_threshold_is_a_setting() {
        assert_eq!(config(&[]).unwrap().suppress_below, 10);
        let c = config(&[("HEARD_SUPPRESS_BELOW", "5")]).unwrap();
        assert_eq!(c.suppress_below, 5);
        // Below 2 nothing would be hidden.
        let err = config(&[("HEARD_SUPPRESS_BELOW", "1")])
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("HEARD_SUPPRESS_BELOW"), "{err}");
    }

    #[test]
    fn bad_values_name_the_setting() {
        let err = config(&[("HEARD_BIND", "localhost")])
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("HEARD_BIND: expected an address"), "{err}");
        let err = config(&[("HEARD_DB_MAX_CONNECTIONS", "0")])
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("HEARD_DB_MAX_CONNECTIONS"), "{err}");
        let err = config(&[("HEARD_LOG_FORMAT", "xml")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("plain or json"), "{err}");
        let err = config(&[("HEARD_SECRET", "short")])
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("HEARD_SECRET") && !err.contains("short\""),
            "{err}"
        );
        let err = config(&[("HEARD_DATABASE_URL", "mysql://x")])
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("HEARD_DATABASE_URL"), "{err}");
    }

    #[test]
    fn email_parts_are_off_until_set_and_hide_secrets() {
        let c = config(&[]).unwrap();
        assert!(c.email.webhook_token.is_none() && c.email.imap.is_none());
        assert!(c.email.smtp_url.is_none());
        let err = config(&[("HEARD_SMTP_URL", "smtp://u:p@h:25")])
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("HEARD_MAIL_FROM"), "{err}");
        let err = config(&[("HEARD_IMAP_HOST", "imap.example.org")])
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("HEARD_IMAP_USER"), "{err}");
        let c = config(&[
            ("HEARD_IMAP_HOST", "imap.example.org"),
            ("HEARD_IMAP_USER", "views"),
            ("HEARD_IMAP_PASSWORD", "pa55word-pa55word"),
            ("HEARD_EMAIL_WEBHOOK_TOKEN", "tok-tok-tok-tok-tok"),
        ])
        .unwrap();
        let imap = c.email.imap.as_ref().unwrap();
        assert_eq!(
            (imap.port, imap.tls, imap.starttls, imap.folder.as_str()),
            (993, true, false, "INBOX")
        );
        let shown = format!("{c:?}");
        assert!(
            !shown.contains("pa55word") && !shown.contains("tok-tok"),
            "{shown}"
        );
    }

    #[test]
    fn imap_ca_file_must_be_readable_pem() {
        let dir = tempfile::tempdir().unwrap();
        let imap = |file: &Path| {
            config(&[
                ("HEARD_IMAP_HOST", "imap.example.org"),
                ("HEARD_IMAP_USER", "views"),
                ("HEARD_IMAP_PASSWORD", "pa55word-pa55word"),
                ("HEARD_IMAP_CA_FILE", &file.display().to_string()),
            ])
        };
        let missing = imap(&dir.path().join("absent.pem"))
            .unwrap_err()
            .to_string();
        assert!(
            missing.contains("HEARD_IMAP_CA_FILE could not be read"),
            "{missing}"
        );
        let junk = dir.path().join("junk.pem");
        std::fs::write(&junk, "not a certificate\n").unwrap();
        let err = imap(&junk).unwrap_err().to_string();
        assert!(err.contains("HEARD_IMAP_CA_FILE holds no PEM"), "{err}");
        std::fs::write(
            &junk,
            "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n",
        )
        .unwrap();
        let err = imap(&junk).unwrap_err().to_string();
        assert!(err.contains("HEARD_IMAP_CA_FILE"), "{err}");
        // Unset: only the public roots.
        let c = config(&[
            ("HEARD_IMAP_HOST", "imap.example.org"),
            ("HEARD_IMAP_USER", "views"),
            ("HEARD_IMAP_PASSWORD", "pa55word-pa55word"),
        ])
        .unwrap();
        assert!(c.email.imap.unwrap().extra_roots.0.is_empty());
    }

    #[test]
    fn digest_schedule() {
        let c = config(&[]).unwrap();
        let at = c.digest_at.unwrap();
        assert_eq!(
            (at.weekday, at.time.to_string()),
            (chrono::Weekday::Mon, "08:00:00".into())
        );
        assert!(config(&[("HEARD_DIGEST_AT", "off")])
            .unwrap()
            .digest_at
            .is_none());
        let err = config(&[("HEARD_DIGEST_AT", "mondays")])
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("HEARD_DIGEST_AT"), "{err}");
    }

    #[test]
    fn proxy_hops_are_one_to_sixteen() {
        assert_eq!(config(&[]).unwrap().proxy_hops, 1);
        assert_eq!(config(&[("HEARD_PROXY_HOPS", "2")]).unwrap().proxy_hops, 2);
        for wrong in ["0", "17", "two"] {
            let err = config(&[("HEARD_PROXY_HOPS", wrong)])
                .unwrap_err()
                .to_string();
            assert!(err.starts_with("HEARD_PROXY_HOPS"), "{err}");
        }
    }

    #[test]
    fn metrics_are_off_until_set() {
        let c = config(&[]).unwrap();
        assert!(c.metrics.token.is_none() && c.metrics.bind.is_none());
        let err = config(&[("HEARD_METRICS_TOKEN", "short")])
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("HEARD_METRICS_TOKEN") && !err.contains("short"),
            "{err}"
        );
        let err = config(&[("HEARD_METRICS_BIND", "localhost")])
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("HEARD_METRICS_BIND"), "{err}");
        let c = config(&[
            ("HEARD_METRICS_TOKEN", "metrics-metrics-metrics"),
            ("HEARD_METRICS_BIND", "127.0.0.1:9090"),
        ])
        .unwrap();
        assert_eq!(c.metrics.bind.unwrap().to_string(), "127.0.0.1:9090");
        assert!(!format!("{c:?}").contains("metrics-metrics"));
    }

    #[test]
    fn database_urls() {
        assert_eq!(
            DatabaseUrl::parse("sqlite:///var/lib/heard/heard.db?mode=rwc").unwrap(),
            DatabaseUrl::Sqlite {
                path: "/var/lib/heard/heard.db".into()
            }
        );
        assert_eq!(
            DatabaseUrl::parse("data/h.db").unwrap(),
            DatabaseUrl::Sqlite {
                path: "data/h.db".into()
            }
        );
        let pg = DatabaseUrl::parse("postgres://heard:s3cret@db:5432/heard").unwrap();
        assert_eq!(pg.redacted(), "postgres://heard:***@db:5432/heard");
    }

    #[test]
    fn file_then_environment() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("heard.toml");
        std::fs::write(&file, "bind = \"0.0.0.0:9000\"\nlog_format = \"json\"\n").unwrap();
        let env = vec![
            ("HEARD_CONFIG".to_string(), file.display().to_string()),
            ("HEARD_LOG_FORMAT".to_string(), "plain".to_string()),
        ];
        let c = Config::from_sources(env).unwrap();
        assert_eq!(c.bind.to_string(), "0.0.0.0:9000");
        assert_eq!(c.log_format, LogFormat::Plain);

        std::fs::write(&file, "bnid = \"0.0.0.0:9000\"\n").unwrap();
        let env = vec![("HEARD_CONFIG".to_string(), file.display().to_string())];
        let err = Config::from_sources(env).unwrap_err().to_string();
        assert!(err.contains("unknown setting \"bnid\""), "{err}");
    }
}
