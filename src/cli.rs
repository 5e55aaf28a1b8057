//! The `heard` command line.

use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use clap::{Parser, Subcommand};

use crate::config::Config;
use crate::coverage::{self, report, Baseline, BaselineSource};
use crate::staff::{PasswordHash, Role, StaffEmail};
use crate::store::DbSessionStore;
use crate::{channels, easyread, ingest, server, startup, telemetry};

#[derive(Debug, Parser)]
#[command(
    name = "heard",
    version,
    about = "Hear every voice: anonymous views from children, young people and parent carers with SEND"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the service (HEARD_BIND, default 127.0.0.1:8080).
    Serve,
    /// Apply database migrations and exit.
    Migrate,
    /// Load the demo consultation "four-cornerstones".
    Demo,
    /// Manage staff accounts.
    #[command(subcommand)]
    Staff(StaffCommand),
    /// Manage consultations.
    #[command(subcommand)]
    Consultation(ConsultationCommand),
    /// Manage coverage baselines (expected share per district).
    #[command(subcommand)]
    Baseline(BaselineCommand),
    /// Print a consultation's coverage: who has been heard, area by area.
    Coverage {
        slug: String,
        #[arg(long, value_enum, default_value = "table")]
        format: CoverageFormat,
    },
    /// Import views gathered at events or on paper from a CSV (channel `event`): columns
    /// area, group, one per question id, optional ref and date. Nothing from a file with a
    /// bad row is stored.
    Import {
        file: PathBuf,
        #[arg(long)]
        consultation: String,
    },
    /// Manage API tokens for GET /api/coverage/{slug}.
    #[command(subcommand)]
    Token(TokenCommand),
    /// The weekly digest to engagement leads: without --now, say when it goes next.
    Digest {
        /// Send it to every lead now (a run of its own, whatever the schedule has sent).
        #[arg(long)]
        now: bool,
    },
    /// Ask the heard on HEARD_BIND whether it is alive (GET /healthz): exit 0 if so, 1 if
    /// not. For container health checks, where images have no curl.
    Healthcheck,
    /// Write a file for publication, small numbers hidden (HEARD_SUPPRESS_BELOW): the same
    /// file the staff export page gives.
    Export {
        slug: String,
        #[arg(long, value_enum)]
        what: ExportWhat,
        #[arg(long, value_enum, default_value = "csv")]
        format: ExportFormat,
        /// Write here instead of to standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Check every en-GB message and consultation text against the easy-read rules,
    /// print the problems and reading ease, and fail if there are problems.
    Lint {
        /// The folder holding locales/ and consultations/ [default: the current folder
        /// if it has locales/en-GB, else the source folder heard was built from]
        #[arg(long)]
        root: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum StaffCommand {
    /// Create a staff account; the password is read from stdin or asked for.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long, value_parser = ["admin", "lead", "safeguarding"])]
        role: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum BaselineCommand {
    /// Replace a baseline from a CSV `area,expected` (area as district id or name); shares
    /// are normalised. Without --consultation it replaces the default for every
    /// consultation without its own.
    Import {
        file: PathBuf,
        #[arg(long)]
        consultation: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum CoverageFormat {
    /// Exact figures for the screen.
    Table,
    /// Exact figures, for staff (`heard export` makes files for publication).
    Json,
    /// Exact figures, for staff (`heard export` makes files for publication).
    Csv,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportWhat {
    /// Coverage by district, group and channel.
    Coverage,
    /// One row per response: answers, district, group, channel, day.
    Responses,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Make a token; it is printed once and only its hash is stored.
    Create {
        #[arg(long)]
        name: String,
    },
    /// Remove a token: requests with it are refused from now on.
    Revoke {
        #[arg(long)]
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ConsultationCommand {
    /// Check a consultation file and store it (replacing one with the same slug).
    Load { file: PathBuf },
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    // Checking words needs no settings, database or secret.
    if let Command::Lint { root } = &cli.command {
        return lint(root.as_deref());
    }
    let config = Config::from_env()?;
    telemetry::init(config.log_format, &config.log_filter);
    match cli.command {
        Command::Lint { .. } => unreachable!("lint returns before settings are read"),
        Command::Serve => serve(config).await,
        Command::Healthcheck => healthcheck(&config).await,
        Command::Migrate => {
            let store = startup::store(&config).await?;
            store.close().await;
            println!("Database is up to date.");
            Ok(())
        }
        Command::Demo => {
            let store = startup::store(&config).await?;
            let slug = startup::load_consultation(&store, crate::domain::consultation::DEMO_SOURCE)
                .await?;
            store.close().await;
            println!("Loaded the demo consultation {slug}.");
            Ok(())
        }
        Command::Consultation(ConsultationCommand::Load { file }) => {
            let source = std::fs::read_to_string(&file)
                .with_context(|| format!("could not read {}", file.display()))?;
            let store = startup::store(&config).await?;
            let slug = startup::load_consultation(&store, &source)
                .await
                .with_context(|| file.display().to_string())?;
            store.close().await;
            println!("Loaded consultation {slug}.");
            Ok(())
        }
        Command::Baseline(BaselineCommand::Import { file, consultation }) => {
            import_baseline(&config, &file, consultation.as_deref()).await
        }
        Command::Coverage { slug, format } => {
            let output = coverage_report(&config, &slug, format).await?;
            print!("{output}");
            Ok(())
        }
        Command::Import { file, consultation } => {
            import_event_views(&config, &file, &consultation).await
        }
        Command::Export {
            slug,
            what,
            format,
            out,
        } => {
            let text = export(&config, &slug, what, format).await?;
            match out {
                Some(path) => {
                    std::fs::write(&path, text)
                        .with_context(|| format!("could not write {}", path.display()))?;
                    eprintln!("Wrote {}.", path.display());
                }
                None => print!("{text}"),
            }
            Ok(())
        }
        Command::Token(TokenCommand::Create { name }) => {
            let name = name.trim();
            if name.is_empty() {
                bail!("token create: --name must not be empty");
            }
            let (token, hash) = server::auth::new_api_token();
            let store = startup::store(&config).await?;
            let added = store.add_api_token(name, &hash).await;
            store.close().await;
            added?;
            eprintln!("API token {name:?} made. It is shown only now: keep it safe.");
            println!("{token}");
            Ok(())
        }
        Command::Token(TokenCommand::Revoke { name }) => {
            let store = startup::store(&config).await?;
            let removed = store.remove_api_token(&name).await;
            store.close().await;
            if !removed? {
                bail!("token revoke: no API token called {name:?}");
            }
            println!("API token {name:?} revoked.");
            Ok(())
        }
        Command::Digest { now } => digest(config, now).await,
        Command::Staff(StaffCommand::Add { email, role }) => {
            let email = StaffEmail::parse(&email).map_err(anyhow::Error::msg)?;
            let role: Role = role.parse().map_err(anyhow::Error::msg)?;
            let password = read_password()?;
            let hash = PasswordHash::new(password).await?;
            let store = startup::store(&config).await?;
            let added = store.add_staff(&email, role, &hash).await;
            store.close().await;
            added?;
            println!("Added {} as {role}.", email.as_str());
            Ok(())
        }
    }
}

/// Checks a baseline file whole and stores it; nothing is stored if any row is bad.
async fn import_baseline(
    config: &Config,
    file: &Path,
    consultation: Option<&str>,
) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("could not read {}", file.display()))?;
    let areas = startup::areas(config)?;
    let source = match consultation {
        Some(_) => BaselineSource::Consultation,
        None => BaselineSource::Imported,
    };
    let baseline = Baseline::parse_csv(&areas, source, &text)
        .with_context(|| format!("{} refused, nothing stored", file.display()))?;
    let store = startup::store(config).await?;
    let result = async {
        let consultation_id = match consultation {
            Some(slug) => Some(
                store
                    .consultation(slug)
                    .await?
                    .with_context(|| format!("no consultation called {slug:?}"))?
                    .id,
            ),
            None => None,
        };
        store
            .replace_baseline(consultation_id, baseline.shares())
            .await?;
        anyhow::Ok(())
    }
    .await;
    store.close().await;
    result?;
    println!(
        "Baseline for {} replaced: {} districts.",
        consultation.unwrap_or("every consultation without its own"),
        baseline.shares().len()
    );
    Ok(())
}

/// Reads and checks every row, then stores them all in one transaction, or none.
async fn import_event_views(config: &Config, file: &Path, slug: &str) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("could not read {}", file.display()))?;
    let areas = startup::areas(config)?;
    let pseudonymiser = crate::privacy::Pseudonymiser::new(&startup::secret(config)?);
    let store = startup::store(config).await?;
    let result = async {
        let stored = store
            .consultation(slug)
            .await?
            .with_context(|| format!("no consultation called {slug:?}"))?;
        let today = chrono::Utc::now().date_naive();
        let refused = || format!("{} refused, nothing stored", file.display());
        let rows =
            channels::event::parse(&text, &stored.consultation, &areas, &pseudonymiser, today)
                .map_err(|e| anyhow::anyhow!("{e}"))
                .with_context(refused)?;
        let mut checked = Vec::with_capacity(rows.len());
        let mut problems = Vec::new();
        for row in &rows {
            match ingest::check_against(&stored, &row.submission) {
                Ok(c) => checked.push(c),
                Err(e) => problems.push(format!("line {}: {e}", row.line)),
            }
        }
        if !problems.is_empty() {
            return Err(anyhow::anyhow!(problems.join("\n")).context(refused()));
        }
        let progress = import_progress(checked.len() as u64);
        let mut tx = store.begin().await?;
        let mut new = 0;
        for c in &checked {
            if ingest::ingest_in(&mut tx, c).await?.new {
                new += 1;
            }
            progress.inc(1);
        }
        progress.set_message("committing");
        tx.commit().await?;
        progress.finish_and_clear();
        anyhow::Ok((checked.len(), new))
    }
    .await;
    store.close().await;
    let (rows, new) = result?;
    println!(
        "Imported {rows} views into {slug}: {new} new, {} already stored.",
        rows - new
    );
    Ok(())
}

/// Rows this many or more get a progress bar while they are stored.
const PROGRESS_FROM_ROWS: u64 = 500;

/// A bar on standard error for a long import; hidden when stderr is not a terminal (so logs
/// and pipes stay clean) and for short files, which are done before a bar would help.
fn import_progress(rows: u64) -> indicatif::ProgressBar {
    if rows < PROGRESS_FROM_ROWS {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(rows);
    let style = indicatif::ProgressStyle::with_template(
        "storing {bar:40} {pos}/{len} views ({percent}%) {eta} left {msg}",
    )
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}

/// A consultation's coverage in `format`, read straight from the database.
pub async fn coverage_report(
    config: &Config,
    slug: &str,
    format: CoverageFormat,
) -> anyhow::Result<String> {
    let areas = startup::areas(config)?;
    let store = startup::store(config).await?;
    let loaded = coverage::load(&store, &areas, slug).await;
    store.close().await;
    let coverage = loaded?.with_context(|| format!("no consultation called {slug:?}"))?;
    Ok(match format {
        CoverageFormat::Table => report::table(&coverage),
        CoverageFormat::Json => {
            let now = chrono::Utc::now().timestamp();
            let mut json =
                serde_json::to_string_pretty(&report::json(&coverage, &report::timestamp(now)))?;
            json.push('\n');
            json
        }
        CoverageFormat::Csv => report::csv(&coverage)?,
    })
}

/// A publication file, read straight from the database.
pub async fn export(
    config: &Config,
    slug: &str,
    what: ExportWhat,
    format: ExportFormat,
) -> anyhow::Result<String> {
    use crate::coverage::publish::{self, Format, Rule, What};
    let areas = startup::areas(config)?;
    let store = startup::store(config).await?;
    let what = match what {
        ExportWhat::Coverage => What::Coverage,
        ExportWhat::Responses => What::Responses,
    };
    let format = match format {
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Json => Format::Json,
    };
    let now = report::timestamp(chrono::Utc::now().timestamp());
    let rule = Rule::new(config.suppress_below);
    let made = publish::export(&store, &areas, slug, what, format, rule, &now).await;
    store.close().await;
    made?.with_context(|| format!("no consultation called {slug:?}"))
}

/// Prints the easy-read report; an error (so a failing exit) if it found problems.
fn lint(root: Option<&Path>) -> anyhow::Result<()> {
    let root = match root {
        Some(root) => root.to_owned(),
        None => easyread::default_root().context(
            "lint: no locales/en-GB here; run it in heard's source folder or give --root",
        )?,
    };
    let report = easyread::check_root(&root);
    print!("{report}");
    match report.problems.len() {
        0 => Ok(()),
        1 => bail!("lint: 1 easy-read problem"),
        n => bail!("lint: {n} easy-read problems"),
    }
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let bind = config.bind;
    let load_demo = config.demo;
    let state = startup::state(config).await?;
    if load_demo {
        if let Some(slug) = startup::load_demo_if_empty(&state.store).await? {
            tracing::info!(%slug, "loaded the demo consultation");
        }
    }
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .with_context(|| format!("HEARD_BIND: could not listen on {bind}"))?;
    let address = listener.local_addr()?;
    tracing::info!(%address, backend = ?state.store.backend(), "heard is listening");
    let store = state.store.clone();
    let digest = match (state.config.digest_at, state.mailer.clone()) {
        (Some(schedule), Some(mailer)) => Some(tokio::spawn(
            coverage::digest::Digest::new(
                state.store.clone(),
                state.areas.clone(),
                mailer,
                state.config.public_url.clone(),
                state.clock.clone(),
            )
            .run_schedule(schedule),
        )),
        (Some(_), None) => {
            tracing::info!("no weekly digest: HEARD_SMTP_URL is unset");
            None
        }
        (None, _) => None,
    };
    let sweeper = tokio::spawn(sweep_expired_sessions(DbSessionStore::new(
        state.store.clone(),
        state.clock.clone(),
    )));
    let forgetter = tokio::spawn(forget_idle_addresses(state.clone()));
    // Stopping the poller mid-message is safe: an unmoved message is read again next time.
    let (stop_poller, poller_stopped) = tokio::sync::oneshot::channel::<()>();
    let poller = state.config.email.imap.clone().map(|imap| {
        tokio::spawn(crate::channels::email::imap::run(
            state.clone(),
            imap,
            async move {
                let _ = poller_stopped.await;
            },
        ))
    });
    let metrics_listener = match state.config.metrics.bind {
        None => None,
        Some(bind) => {
            let listener = tokio::net::TcpListener::bind(bind)
                .await
                .with_context(|| format!("HEARD_METRICS_BIND: could not listen on {bind}"))?;
            tracing::info!(address = %listener.local_addr()?, "metrics are served here");
            Some(tokio::spawn(server::serve_metrics(listener, state.clone())))
        }
    };
    let failed = state.store.clone();
    let shutdown = async move {
        tokio::select! {
            () = server::shutdown_signal() => {}
            cause = failed.failed() => {
                tracing::error!(%cause, "the database refuses every write; heard stops so that it is started again");
            }
        }
    };
    server::serve(listener, state, shutdown).await?;
    if let Some(metrics_listener) = metrics_listener {
        metrics_listener.abort();
    }
    let _ = stop_poller.send(());
    if let Some(poller) = poller {
        poller.abort();
    }
    sweeper.abort();
    forgetter.abort();
    // A digest stopped mid-run resumes, without resending, once its lease runs out.
    if let Some(digest) = digest {
        digest.abort();
    }
    store.close().await;
    if let Some(cause) = store.failure() {
        // A failing exit, so systemd, Kubernetes or compose start heard again.
        anyhow::bail!("stopped: {cause}; start heard again to go on from what the disk holds");
    }
    tracing::info!("stopped");
    Ok(())
}

/// `heard digest`: sends the digest now, or says when it goes next.
async fn digest(config: Config, now: bool) -> anyhow::Result<()> {
    if !now {
        match config.digest_at {
            Some(schedule) => {
                let next = schedule
                    .next_after(chrono::Utc::now())
                    .with_timezone(&chrono_tz::Europe::London);
                println!(
                    "The next weekly digest goes on {} (UK time). Send one now with --now.",
                    next.format("%A %-d %B %Y at %H:%M")
                );
            }
            None => {
                println!("The weekly digest is off (HEARD_DIGEST_AT=off). Send one now with --now.")
            }
        }
        return Ok(());
    }
    let mailer = channels::email::Mailer::from_config(&config.email)?
        .context("digest: set HEARD_SMTP_URL and HEARD_MAIL_FROM to send email")?;
    let areas = startup::areas(&config)?;
    let store = startup::store(&config).await?;
    let digest = coverage::digest::Digest::new(
        store.clone(),
        areas,
        mailer,
        config.public_url.clone(),
        crate::clock::Clock::default(),
    );
    let result = digest.send_now().await;
    store.close().await;
    let report = result?;
    if report.failed.is_empty() {
        println!("Digest sent to {} leads.", report.sent);
        Ok(())
    } else {
        bail!(
            "digest sent to {} leads; {} not sent: {}",
            report.sent,
            report.failed.len(),
            report.failed.join("; ")
        )
    }
}

/// GET /healthz on HEARD_BIND (on loopback when heard listens on every address).
async fn healthcheck(config: &Config) -> anyhow::Result<()> {
    let mut address = config.bind;
    if address.ip().is_unspecified() {
        address.set_ip(match address {
            std::net::SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
            std::net::SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
        });
    }
    let url = format!("http://{address}/healthz");
    let response = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(5))
        .build()?
        .get(&url)
        .send()
        .await
        .with_context(|| format!("healthcheck: no answer from {url}"))?;
    if !response.status().is_success() {
        bail!("healthcheck: {url} answered {}", response.status());
    }
    println!("ok");
    Ok(())
}

/// Forgets unfinished forms nobody came back to, once an hour.
async fn sweep_expired_sessions(sessions: DbSessionStore) {
    let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every_hour.tick().await;
        match sessions.delete_expired().await {
            Ok(n) => tracing::debug!(removed = n, "expired sessions removed"),
            Err(e) => tracing::warn!(error = %e, "could not remove expired sessions"),
        }
    }
}

/// Forgets, once a minute, the addresses the rate limits hold nothing against any more, so
/// their tables keep only the addresses seen lately.
async fn forget_idle_addresses(state: server::AppState) {
    let mut every_minute = tokio::time::interval(std::time::Duration::from_secs(60));
    loop {
        every_minute.tick().await;
        for limiter in [
            &state.web_limiter,
            &state.page_limiter,
            &state.sign_in_limiter,
        ] {
            limiter.forget_idle();
        }
    }
}

/// From a prompt (asked twice) on a terminal, else the first line of stdin.
fn read_password() -> anyhow::Result<String> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ")?;
        let second = rpassword::prompt_password("Same password again: ")?;
        if first != second {
            bail!("the two passwords differ");
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    }
}
