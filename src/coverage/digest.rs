//! The weekly digest: every Monday at 08:00 UK time (`HEARD_DIGEST_AT`), one email to each
//! engagement lead listing, for every open consultation, the districts under-represented
//! (most voices needed first) with an outreach link for each. Counts by district only:
//! nothing about any respondent.
//!
//! Several instances may run: each week's run is claimed with one `job_runs` row, so it is
//! sent once, and a lease (`job_leases`) lets only one instance send at a time. Each lead
//! reached is recorded (`job_sends`), so a run cut short (a crash, SMTP down) resumes with
//! those not yet reached. A send that fails is retried later; `heard digest --now` always
//! sends afresh, after waiting for any run in progress.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Datelike, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Europe::London;

use super::{CoverageError, Status};
use crate::channels::email::{EmailError, Mailer};
use crate::clock::Clock;
use crate::domain::consultation::localized;
use crate::domain::Areas;
use crate::i18n::{self, Arg, Locale};
use crate::staff::Role;
use crate::store::{RunClaim, Store, StoreError};

/// The job's name in `job_runs`, `job_sends` and `job_leases`.
pub const JOB: &str = "digest";
/// How long a holder keeps the lease without renewing it (it renews after every email).
pub const LEASE_SECS: i64 = 600;
/// A scheduled run missed while heard was down is still sent if heard is back within this.
const CATCH_UP_SECS: i64 = 12 * 3600;
/// The scheduler looks at the clock at least this often, so a changed clock is noticed.
const MAX_SLEEP: Duration = Duration::from_secs(900);
const FIRST_RETRY: Duration = Duration::from_secs(300);
const MAX_RETRY: Duration = Duration::from_secs(3600);
const WORDS: Locale = Locale::EN_GB;

#[derive(Debug, thiserror::Error)]
pub enum DigestError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Coverage(#[from] CoverageError),
    /// Another instance kept the lease for longer than `--now` waits.
    #[error("another digest run is in progress; try again in a few minutes")]
    Busy,
}

/// When the digest goes out each week, in UK time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub weekday: Weekday,
    pub time: NaiveTime,
}

impl Schedule {
    /// `mon 08:00`, `Monday 8:00`; `off` for no digest (None).
    pub fn parse(raw: &str) -> Result<Option<Schedule>, String> {
        let raw = raw.trim().to_ascii_lowercase();
        if matches!(raw.as_str(), "off" | "none" | "false" | "never") {
            return Ok(None);
        }
        let expected =
            || format!("a day and UK time such as \"mon 08:00\", or \"off\"; got {raw:?}");
        let (day, time) = raw.split_once(char::is_whitespace).ok_or_else(expected)?;
        let weekday = day.parse::<Weekday>().map_err(|_| expected())?;
        let time = NaiveTime::parse_from_str(time.trim(), "%H:%M").map_err(|_| expected())?;
        Ok(Some(Schedule { weekday, time }))
    }

    /// The first scheduled moment strictly after `now`.
    pub fn next_after(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        let today = now.with_timezone(&London).date_naive();
        (0..=14)
            .filter_map(|d| today.checked_add_days(chrono::Days::new(d)))
            .filter(|d| d.weekday() == self.weekday)
            .map(|d| uk_moment(d, self.time))
            .find(|t| *t > now)
            .unwrap_or(now + chrono::Duration::days(7))
    }

    /// The latest scheduled moment at or before `now`.
    pub fn latest_at_or_before(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        let today = now.with_timezone(&London).date_naive();
        (0..=14)
            .filter_map(|d| today.checked_sub_days(chrono::Days::new(d)))
            .filter(|d| d.weekday() == self.weekday)
            .map(|d| uk_moment(d, self.time))
            .find(|t| *t <= now)
            .unwrap_or(now - chrono::Duration::days(7))
    }

    /// The period a scheduled moment's run is claimed under: its UK date.
    pub fn period(slot: DateTime<Utc>) -> String {
        slot.with_timezone(&London).date_naive().to_string()
    }
}

/// A UK wall-clock time on a day, as a moment. In the hour skipped when the clocks go forward
/// it is the same wall time an hour on; in the hour repeated when they go back, the first.
pub fn uk_moment(day: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let wall = day.and_time(time);
    match London.from_local_datetime(&wall) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
        LocalResult::None => London
            .from_local_datetime(&(wall + chrono::Duration::hours(1)))
            .earliest()
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(|| Utc.from_utc_datetime(&wall)),
    }
}

/// An under-represented district in one consultation.
#[derive(Debug, Clone, PartialEq)]
pub struct UnderArea {
    pub id: String,
    pub name: String,
    pub responses: u64,
    pub expected_share: f64,
    pub voices_needed: u64,
    pub link: String,
}

/// One open consultation's part of the digest.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsultationPart {
    pub slug: String,
    pub title: String,
    pub total: u64,
    /// Most voices needed first.
    pub under: Vec<UnderArea>,
}

/// A composed digest: the same for every lead.
#[derive(Debug, Clone)]
pub struct DigestEmail {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// The outreach link for a district: the consultation's start page with the area chosen.
pub fn outreach_link(public_url: &str, slug: &str, area: &str) -> String {
    format!("{public_url}/c/{slug}?area={area}&via=digest")
}

/// Every consultation open on `today` with its under-represented districts.
pub async fn gather(
    store: &Store,
    areas: &Areas,
    public_url: &str,
    today: NaiveDate,
) -> Result<Vec<ConsultationPart>, DigestError> {
    let mut parts = Vec::new();
    for stored in store.consultations().await? {
        let c = &stored.consultation;
        if !c.is_open_on(today) {
            continue;
        }
        let Some(coverage) = super::load(store, areas, c.slug.as_str()).await? else {
            continue;
        };
        let mut under: Vec<UnderArea> = coverage
            .areas
            .iter()
            .filter(|a| a.status == Status::Under)
            .map(|a| UnderArea {
                id: a.id.clone(),
                name: a.name.clone(),
                responses: a.responses,
                expected_share: a.expected_share,
                voices_needed: a.voices_needed,
                link: outreach_link(public_url, c.slug.as_str(), &a.id),
            })
            .collect();
        under.sort_by(|a, b| {
            b.voices_needed
                .cmp(&a.voices_needed)
                .then_with(|| a.name.cmp(&b.name))
        });
        parts.push(ConsultationPart {
            slug: c.slug.to_string(),
            title: localized(&c.title, WORDS).to_owned(),
            total: coverage.total,
            under,
        });
    }
    parts.sort_by(|a, b| a.title.cmp(&b.title));
    Ok(parts)
}

fn t(id: &str) -> String {
    i18n::text(WORDS, id)
}

fn t_with(id: &str, args: &[(&str, Arg)]) -> String {
    i18n::text_with(WORDS, id, args)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Writes the digest for the week starting `week_of`.
pub fn compose(week_of: NaiveDate, public_url: &str, parts: &[ConsultationPart]) -> DigestEmail {
    let date = week_of.format("%A %-d %B %Y").to_string();
    let subject = t_with(
        "staff-digest-subject",
        &[("date", Arg::from(date.as_str()))],
    );
    let mut text = vec![subject.clone(), t("staff-digest-intro")];
    let mut html = format!(
        "<!doctype html>\n<html lang=\"en-GB\">\n<body style=\"font-family:Arial,sans-serif;font-size:18px;line-height:1.5;max-width:40em\">\n<h1 style=\"font-size:24px\">{}</h1>\n<p>{}</p>\n",
        escape(&subject),
        escape(&t("staff-digest-intro"))
    );
    if parts.is_empty() {
        text.push(t("staff-digest-none-open"));
        html.push_str(&format!(
            "<p>{}</p>\n",
            escape(&t("staff-digest-none-open"))
        ));
    }
    for part in parts {
        let figures = format!("{public_url}/staff/c/{}", part.slug);
        let responses = t_with(
            "staff-digest-responses",
            &[("n", Arg::from(part.total as i64))],
        );
        let mut block = vec![
            part.title.clone(),
            format!("{responses} {}: {figures}", t("staff-digest-figures")),
        ];
        html.push_str(&format!(
            "<h2 style=\"font-size:20px\">{}</h2>\n<p>{} <a href=\"{}\">{}</a></p>\n",
            escape(&part.title),
            escape(&responses),
            escape(&figures),
            escape(&t("staff-digest-figures"))
        ));
        if part.total == 0 {
            block.push(t("staff-digest-no-responses"));
            html.push_str(&format!(
                "<p>{}</p>\n",
                escape(&t("staff-digest-no-responses"))
            ));
        } else if part.under.is_empty() {
            block.push(t("staff-digest-none-under"));
            html.push_str(&format!(
                "<p>{}</p>\n",
                escape(&t("staff-digest-none-under"))
            ));
        } else {
            html.push_str("<ul>\n");
            for area in &part.under {
                let line = t_with(
                    "staff-digest-area",
                    &[
                        ("area", Arg::from(area.name.as_str())),
                        ("needed", Arg::from(area.voices_needed as i64)),
                        ("responses", Arg::from(area.responses as i64)),
                        (
                            "expected",
                            Arg::from(format!("{:.1}", area.expected_share * 100.0)),
                        ),
                    ],
                );
                let link_label = t("staff-digest-link");
                block.push(format!("- {line}\n  {link_label}: {}", area.link));
                html.push_str(&format!(
                    "<li>{}<br>{}: <a href=\"{}\">{}</a></li>\n",
                    escape(&line),
                    escape(&link_label),
                    escape(&area.link),
                    escape(&area.link)
                ));
            }
            html.push_str("</ul>\n");
        }
        text.push(block.join("\n"));
    }
    text.push(t("staff-digest-private"));
    html.push_str(&format!(
        "<p>{}</p>\n</body>\n</html>\n",
        escape(&t("staff-digest-private"))
    ));
    DigestEmail {
        subject,
        text: text.join("\n\n") + "\n",
        html,
    }
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Leads emailed by this run.
    pub sent: usize,
    /// Leads already emailed by an earlier try of the same run.
    pub skipped: usize,
    /// Why each failed send failed (a kind, never an address).
    pub failed: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// This call sent the run (or what was left of it).
    Ran(Report),
    /// The period's run was finished before.
    AlreadySent,
    /// Another instance holds the lease until then (unix seconds).
    Busy { until: i64 },
}

/// Everything a digest run needs.
#[derive(Clone)]
pub struct Digest {
    store: Store,
    areas: Arc<Areas>,
    mailer: Mailer,
    public_url: String,
    clock: Clock,
}

impl Digest {
    pub fn new(
        store: Store,
        areas: Arc<Areas>,
        mailer: Mailer,
        public_url: String,
        clock: Clock,
    ) -> Digest {
        Digest {
            store,
            areas,
            mailer,
            public_url,
            clock,
        }
    }

    fn now(&self) -> i64 {
        self.clock.now().unix_timestamp()
    }

    fn now_utc(&self) -> DateTime<Utc> {
        Utc.timestamp_opt(self.now(), 0)
            .single()
            .unwrap_or_else(Utc::now)
    }

    /// The digest as it would go out now.
    pub async fn compose_now(&self) -> Result<DigestEmail, DigestError> {
        let today = self.now_utc().with_timezone(&London).date_naive();
        let parts = gather(&self.store, &self.areas, &self.public_url, today).await?;
        let monday = today - chrono::Days::new(u64::from(today.weekday().num_days_from_monday()));
        Ok(compose(monday, &self.public_url, &parts))
    }

    /// The run for a scheduled period (`Schedule::period`): sent once, however many
    /// instances ask, resumed if an earlier try was cut short.
    pub async fn run_scheduled(&self, period: &str) -> Result<Outcome, DigestError> {
        let holder = uuid::Uuid::new_v4().to_string();
        let now = self.now();
        if !self
            .store
            .take_lease(JOB, &holder, now, now + LEASE_SECS)
            .await?
        {
            let until = self.store.lease_expiry(JOB).await?.unwrap_or(now);
            return Ok(Outcome::Busy { until });
        }
        let outcome = self.run_holding(period, &holder).await;
        self.store.release_lease(JOB, &holder).await?;
        outcome
    }

    /// `heard digest --now`: a run of its own, always sent, after waiting (a while) for any
    /// run in progress to finish.
    pub async fn send_now(&self) -> Result<Report, DigestError> {
        let holder = uuid::Uuid::new_v4().to_string();
        let give_up = self.now() + 2 * LEASE_SECS;
        loop {
            let now = self.now();
            if self
                .store
                .take_lease(JOB, &holder, now, now + LEASE_SECS)
                .await?
            {
                break;
            }
            if now > give_up {
                return Err(DigestError::Busy);
            }
            // Waiting on another instance's run, not on a test: polling the lease is the point.
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        let period = format!("now-{}", holder);
        let outcome = self.run_holding(&period, &holder).await;
        self.store.release_lease(JOB, &holder).await?;
        match outcome? {
            Outcome::Ran(report) => Ok(report),
            // A fresh period is never finished or held by another.
            Outcome::AlreadySent | Outcome::Busy { .. } => Ok(Report::default()),
        }
    }

    async fn run_holding(&self, period: &str, holder: &str) -> Result<Outcome, DigestError> {
        if self.store.claim_run(JOB, period, self.now()).await? == RunClaim::Finished {
            return Ok(Outcome::AlreadySent);
        }
        let leads = self.store.staff_members(Some(Role::Lead)).await?;
        let done = self.store.run_sent_to(JOB, period).await?;
        let email = self.compose_now().await?;
        let mut report = Report::default();
        for lead in &leads {
            if done.contains(&lead.id) {
                report.skipped += 1;
                continue;
            }
            let now = self.now();
            if !self
                .store
                .take_lease(JOB, holder, now, now + LEASE_SECS)
                .await?
            {
                // The lease ran out and another instance took over: it carries on.
                let until = self.store.lease_expiry(JOB).await?.unwrap_or(now);
                return Ok(Outcome::Busy { until });
            }
            match self
                .mailer
                .send_to_staff(
                    lead.email.as_str(),
                    &email.subject,
                    email.text.clone(),
                    email.html.clone(),
                )
                .await
            {
                Ok(()) => {
                    self.store
                        .record_run_send(JOB, period, lead.id, self.now())
                        .await?;
                    report.sent += 1;
                }
                Err(e) => {
                    let kind = match e {
                        EmailError::Send(kind) => kind,
                        other => other.to_string(),
                    };
                    tracing::warn!(staff = lead.id, error = %kind, period, "digest email not sent");
                    report.failed.push(kind);
                }
            }
        }
        if report.failed.is_empty() {
            self.store.finish_run(JOB, period, self.now()).await?;
        }
        tracing::info!(
            period,
            sent = report.sent,
            skipped = report.skipped,
            failed = report.failed.len(),
            "digest run"
        );
        Ok(Outcome::Ran(report))
    }

    /// The scheduler `heard serve` starts: sends each scheduled run (catching up one missed
    /// while heard was down), retries failed sends with growing waits, and never panics.
    pub async fn run_schedule(self, schedule: Schedule) {
        let mut retry = FIRST_RETRY;
        loop {
            let now = self.now_utc();
            let slot = schedule.latest_at_or_before(now);
            let mut wait = None;
            if (now - slot).num_seconds() <= CATCH_UP_SECS {
                let period = Schedule::period(slot);
                match self.run_scheduled(&period).await {
                    Ok(Outcome::Ran(report)) if report.failed.is_empty() => retry = FIRST_RETRY,
                    Ok(Outcome::Ran(report)) => {
                        tracing::warn!(
                            period,
                            failed = report.failed.len(),
                            retry_secs = retry.as_secs(),
                            "digest incomplete; trying again later"
                        );
                        wait = Some(retry);
                        retry = (retry * 2).min(MAX_RETRY);
                    }
                    Ok(Outcome::AlreadySent) => retry = FIRST_RETRY,
                    Ok(Outcome::Busy { until }) => {
                        let secs = (until - self.now()).clamp(5, LEASE_SECS) as u64;
                        wait = Some(Duration::from_secs(secs));
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, period, retry_secs = retry.as_secs(), "digest run failed; trying again later");
                        wait = Some(retry);
                        retry = (retry * 2).min(MAX_RETRY);
                    }
                }
            }
            let until_next = (schedule.next_after(now) - now)
                .to_std()
                .unwrap_or(Duration::from_secs(1));
            let sleep = wait
                .map_or(until_next, |w| w.min(until_next))
                .min(MAX_SLEEP);
            tokio::time::sleep(sleep).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn monday_8() -> Schedule {
        Schedule::parse("mon 08:00").unwrap().unwrap()
    }

    #[test]
    fn next_monday_8_across_the_clock_changes() {
        let s = monday_8();
        // Winter (GMT): Monday 08:00 is 08:00 UTC.
        assert_eq!(
            s.next_after(utc("2026-12-02T06:00:00Z")),
            utc("2026-12-07T08:00:00Z")
        );
        // The clocks go forward on Sunday 29 March 2026: from Friday, Monday 08:00 BST is
        // 07:00 UTC.
        assert_eq!(
            s.next_after(utc("2026-03-27T12:00:00Z")),
            utc("2026-03-30T07:00:00Z")
        );
        // They go back on Sunday 25 October 2026: Monday 08:00 GMT is 08:00 UTC again.
        assert_eq!(
            s.next_after(utc("2026-10-23T12:00:00Z")),
            utc("2026-10-26T08:00:00Z")
        );
        // On the Monday itself: before 08:00, that day; at or after, a week on.
        assert_eq!(
            s.next_after(utc("2026-12-07T07:59:00Z")),
            utc("2026-12-07T08:00:00Z")
        );
        assert_eq!(
            s.next_after(utc("2026-12-07T08:00:00Z")),
            utc("2026-12-14T08:00:00Z")
        );
        // Just before midnight UK time on a Sunday in summer (already Monday in UTC+1).
        assert_eq!(
            s.next_after(utc("2026-06-28T23:30:00Z")),
            utc("2026-06-29T07:00:00Z")
        );
        assert_eq!(
            s.latest_at_or_before(utc("2026-03-30T07:30:00Z")),
            utc("2026-03-30T07:00:00Z")
        );
        assert_eq!(Schedule::period(utc("2026-03-30T07:00:00Z")), "2026-03-30");
    }

    #[test]
    fn times_in_the_changing_hour() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let spring = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
        assert_eq!(uk_moment(spring, t(1, 30)), utc("2026-03-29T01:30:00Z"));
        let autumn = NaiveDate::from_ymd_opt(2026, 10, 25).unwrap();
        assert_eq!(uk_moment(autumn, t(1, 30)), utc("2026-10-25T00:30:00Z"));
    }

    #[test]
    fn schedules_parse_or_say_what_is_wanted() {
        assert_eq!(
            Schedule::parse("Tuesday 7:30").unwrap(),
            Some(Schedule {
                weekday: Weekday::Tue,
                time: NaiveTime::from_hms_opt(7, 30, 0).unwrap()
            })
        );
        assert_eq!(Schedule::parse("off").unwrap(), None);
        for bad in ["", "mon", "08:00", "someday 08:00", "mon 25:00"] {
            assert!(Schedule::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn composes_areas_most_needed_first_with_links() {
        let url = "https://heard.example";
        let parts = vec![
            ConsultationPart {
                slug: "four-cornerstones".into(),
                title: "Four Cornerstones".into(),
                total: 40,
                under: vec![UnderArea {
                    id: "torridge".into(),
                    name: "Torridge".into(),
                    responses: 0,
                    expected_share: 0.061,
                    voices_needed: 3,
                    link: outreach_link(url, "four-cornerstones", "torridge"),
                }],
            },
            ConsultationPart {
                slug: "school-transport".into(),
                title: "School transport".into(),
                total: 0,
                under: vec![],
            },
        ];
        let d = compose(NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(), url, &parts);
        assert!(
            d.subject.contains("Monday 7 December 2026"),
            "{}",
            d.subject
        );
        for words in [
            "Torridge: 3 more voices needed",
            "https://heard.example/c/four-cornerstones?area=torridge&via=digest",
            "No responses yet",
        ] {
            assert!(d.text.contains(words), "{words}: {}", d.text);
        }
        assert!(
            d.html.contains("area=torridge&amp;via=digest"),
            "{}",
            d.html
        );
    }
}
