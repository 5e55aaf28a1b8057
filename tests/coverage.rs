//! Coverage end to end, on both backends: submissions in through the ingestion path, then
//! `heard coverage`, `heard baseline import`, `heard token create` and the API.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{spawn_app, TestApp, TestBackend, TEST_SECRET};
use heard::domain::consultation::Slug;
use heard::domain::{Channel, RespondentGroup, Submission};
use heard::ingest::ingest;
use serde_json::Value;

const HEARD: &str = env!("CARGO_BIN_EXE_heard");
const DEMO: &str = "four-cornerstones";

/// `heard` against the test app's database, with no other settings.
fn heard(app: &TestApp, args: &[&str]) -> Output {
    let mut cmd = Command::new(HEARD);
    cmd.current_dir(app.dir.path()).args(args).env_clear();
    if let Ok(path) = std::env::var("PATH") {
        cmd.env("PATH", path);
    }
    cmd.env("HEARD_DATABASE_URL", &app.database_url)
        .env("HEARD_SECRET", TEST_SECRET)
        .env("HEARD_CONFIG", app.dir.path().join("absent.toml"))
        .env("HEARD_LOG", "warn")
        .output()
        .expect("run heard")
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "heard failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The day the demo consultation opens.
async fn opens_on(app: &TestApp) -> chrono::NaiveDate {
    app.state
        .store
        .consultation(DEMO)
        .await
        .unwrap()
        .expect("demo loaded")
        .consultation
        .opens_on
}

/// A view of the demo consultation with no answers, received on `day`.
fn submission(
    app: &TestApp,
    day: chrono::NaiveDate,
    area: Option<&str>,
    group: Option<RespondentGroup>,
    channel: Channel,
) -> Submission {
    Submission {
        consultation: Slug::parse(DEMO).unwrap(),
        channel,
        area: area.map(|a| app.state.areas.id(a).expect("a known area")),
        group,
        answers: Vec::new(),
        received_on: day,
        provider_ref: None,
        respondent: None,
        outreach: None,
        flagged: false,
    }
}

async fn add(
    app: &TestApp,
    area: Option<&str>,
    group: RespondentGroup,
    channel: Channel,
    n: usize,
) {
    let day = opens_on(app).await;
    for _ in 0..n {
        let submission = submission(app, day, area, Some(group), channel);
        ingest(&app.state.store, &submission).await.unwrap();
    }
}

/// East Devon 30 (parent carers, web), Exeter 10 (7 by text, 3 on the web), Torridge 2 at
/// an event; 2 from outside Devon. N = 42 of a baseline where Teignbridge expects 15%.
async fn known_distribution(app: &TestApp) {
    add(
        app,
        Some("east-devon"),
        RespondentGroup::ParentCarer,
        Channel::Web,
        30,
    )
    .await;
    add(
        app,
        Some("exeter"),
        RespondentGroup::YoungPerson,
        Channel::Sms,
        7,
    )
    .await;
    add(
        app,
        Some("exeter"),
        RespondentGroup::YoungPerson,
        Channel::Web,
        3,
    )
    .await;
    add(
        app,
        Some("torridge"),
        RespondentGroup::Child,
        Channel::Event,
        2,
    )
    .await;
    add(
        app,
        Some("outside-devon"),
        RespondentGroup::Professional,
        Channel::Email,
        2,
    )
    .await;
}

fn area<'a>(json: &'a Value, id: &str) -> &'a Value {
    json["areas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {json}"))
}

fn cell<'a>(json: &'a Value, tab: &str, area: &str, key: &str) -> &'a Value {
    let row = json[tab]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["area"] == area)
        .unwrap();
    &row["counts"][key]
}

async fn cli_and_api_give_the_same_figures(backend: TestBackend) {
    let app = spawn_app(backend).await;
    known_distribution(&app).await;

    let cli: Value = serde_json::from_str(&stdout(&heard(
        &app,
        &["coverage", DEMO, "--format", "json"],
    )))
    .unwrap();
    assert_eq!(cli["consultation"], DEMO);
    assert_eq!(cli["total"], 42);
    assert_eq!(cli["baseline"], "ons-mid-2020-population-0-25");
    assert_eq!(cli["others"]["outside-devon"], 2);
    assert_eq!(cli["others"]["unknown"], 0);
    let east = area(&cli, "east-devon");
    for field in [
        "id",
        "responses",
        "share",
        "expected_share",
        "ratio",
        "ci_low",
        "ci_high",
        "status",
        "voices_needed",
    ] {
        assert!(east.get(field).is_some(), "no {field} in {east}");
    }
    assert_eq!(east["responses"], 30);
    assert_eq!(east["status"], "over");
    // 0 of 42 from Teignbridge, which holds 15.3% of Devon's 0-25s: flagged, with the number
    // that would bring it in line, ⌈(0.1532·42 − 0)/(1 − 0.1532)⌉ = 8.
    let teignbridge = area(&cli, "teignbridge");
    assert_eq!(teignbridge["status"], "under");
    assert_eq!(teignbridge["voices_needed"], 8);
    assert_eq!(area(&cli, "torridge")["responses"], 2);
    assert!(cli["similarity"].as_f64().unwrap() > 0.0);
    assert_eq!(cli["r_score"].as_f64(), Some(0.0));
    // Staff see exact figures in the CLI and the API, small ones included; publication
    // exports (tests/exports.rs) are the ones that hide them.
    assert_eq!(*cell(&cli, "by_group", "east-devon", "parent-carer"), 30);
    assert_eq!(*cell(&cli, "by_channel", "exeter", "sms"), 7);
    assert_eq!(*cell(&cli, "by_channel", "exeter", "web"), 3);
    assert_eq!(*cell(&cli, "by_group", "torridge", "child"), 2);

    // The API: a token is needed.
    let url = app.url(&format!("/api/coverage/{DEMO}"));
    let none = app.client.get(&url).send().await.unwrap();
    assert_eq!(none.status(), 401);
    assert_eq!(none.headers()["www-authenticate"], "Bearer");
    let wrong = app
        .client
        .get(&url)
        .bearer_auth("heard_not-a-real-token")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);

    let token = stdout(&heard(&app, &["token", "create", "--name", "dashboard"]));
    let token = token.trim();
    assert!(token.starts_with("heard_"));
    let again = heard(&app, &["token", "create", "--name", "dashboard"]);
    assert!(!again.status.success(), "a name is used once");

    let api = app
        .client
        .get(&url)
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), 200);
    let api: Value = api.json().await.unwrap();
    for field in [
        "areas",
        "total",
        "similarity",
        "r_score",
        "consultation",
        "generated_at",
        "others",
        "by_group",
        "by_channel",
    ] {
        assert_eq!(api[field].is_null(), cli[field].is_null(), "{field}");
        if field != "generated_at" {
            assert_eq!(api[field], cli[field], "{field}");
        }
    }
    assert!(api["generated_at"].as_str().unwrap().ends_with('Z'));

    let unknown = app
        .client
        .get(app.url("/api/coverage/no-such-consultation"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 404);

    // A revoked token no longer opens it.
    stdout(&heard(&app, &["token", "revoke", "--name", "dashboard"]));
    let revoked = app
        .client
        .get(&url)
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status(), 401);
    assert!(!heard(&app, &["token", "revoke", "--name", "dashboard"])
        .status
        .success());

    // The token is stored only as its hash.
    if app.database_url.starts_with("sqlite") {
        let bytes = common::database_bytes(app.dir.path());
        let hex = token.trim_start_matches("heard_");
        assert!(!bytes.windows(hex.len()).any(|w| w == hex.as_bytes()));
    }
    app.stop().await;
}

async fn the_table_and_csv(backend: TestBackend) {
    let app = spawn_app(backend).await;
    known_distribution(&app).await;
    let table = stdout(&heard(&app, &["coverage", DEMO]));
    assert!(table.contains("42 responses from a district"), "{table}");
    // On screen the small cells are exact.
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("torridge") && l.contains(" 2 ")),
        "{table}"
    );
    let csv = stdout(&heard(&app, &["coverage", DEMO, "--format", "csv"]));
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(&header[..3], ["area", "name", "responses"]);
    let torridge: Vec<&str> = csv
        .lines()
        .find(|l| l.starts_with("torridge,"))
        .unwrap()
        .split(',')
        .collect();
    let child = header.iter().position(|h| *h == "group:child").unwrap();
    assert_eq!(torridge[child], "2");
    assert_eq!(torridge[2], "2");
    let missing = heard(&app, &["coverage", "no-such-consultation"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no consultation called"));
    app.stop().await;
}

const EIGHT: &str = "area,expected\neast-devon,3\nExeter,1\nmid devon,1\nnorth-devon,1\n\
    south-hams,1\nteignbridge,1\ntorridge,1\nWest Devon,1\n";

fn close(value: &Value, expected: f64) -> bool {
    value.as_f64().is_some_and(|v| (v - expected).abs() < 1e-12)
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

async fn baselines_import_whole_or_not_at_all(backend: TestBackend) {
    let app = spawn_app(backend).await;
    known_distribution(&app).await;
    let figures = |app: &TestApp| {
        serde_json::from_str::<Value>(&stdout(&heard(
            app,
            &["coverage", DEMO, "--format", "json"],
        )))
        .unwrap()
    };

    // A default for every consultation without its own.
    let even = "area,expected\neast-devon,1\nexeter,1\nmid-devon,1\nnorth-devon,1\nsouth-hams,1\n\
        teignbridge,1\ntorridge,1\nwest-devon,1\n";
    let file = write(app.dir.path(), "even.csv", even);
    stdout(&heard(&app, &["baseline", "import", &file]));
    let json = figures(&app);
    assert_eq!(json["baseline"], "imported");
    assert!(close(&area(&json, "exeter")["expected_share"], 0.125));

    // The consultation's own wins, normalised.
    let file = write(app.dir.path(), "own.csv", EIGHT);
    stdout(&heard(
        &app,
        &["baseline", "import", &file, "--consultation", DEMO],
    ));
    let json = figures(&app);
    assert_eq!(json["baseline"], "consultation");
    assert!(close(&area(&json, "east-devon")["expected_share"], 0.3));
    assert!(close(&area(&json, "exeter")["expected_share"], 0.1));

    // A bad file names its rows and reasons, and changes nothing.
    let bad = EIGHT
        .replace("Exeter,1", "Plymouth,1")
        .replace("torridge,1", "torridge,zero");
    let file = write(app.dir.path(), "bad.csv", &bad);
    let refused = heard(&app, &["baseline", "import", &file, "--consultation", DEMO]);
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("nothing stored"), "{stderr}");
    assert!(
        stderr.contains("line 3: \"Plymouth\" is not a district"),
        "{stderr}"
    );
    assert!(
        stderr.contains("line 8: torridge: expected \"zero\""),
        "{stderr}"
    );
    let after = figures(&app);
    assert_eq!(after["areas"], json["areas"]);
    assert_eq!(after["baseline"], "consultation");

    let unknown = heard(
        &app,
        &[
            "baseline",
            "import",
            &file.replace("bad", "own"),
            "--consultation",
            "nope",
        ],
    );
    assert!(!unknown.status.success());
    app.stop().await;
}

/// The end-to-end check: a paper/event CSV with a known spread goes in through
/// `heard import`, then the CLI and the API agree and flag the missing areas.
async fn an_event_import_feeds_coverage(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let mut csv = String::from("ref,area,group,listened-to,welcome,better-together\n");
    for i in 0..30 {
        csv.push_str(&format!(
            "e{i},East Devon,parent carer,4,yes,More time please\n"
        ));
    }
    for i in 0..10 {
        csv.push_str(&format!("x{i},EX4,young-person,2,no,\n"));
    }
    csv.push_str("o1,outside-devon,professional,,,\n");
    let file = write(app.dir.path(), "event.csv", &csv);
    let out = stdout(&heard(&app, &["import", &file, "--consultation", DEMO]));
    assert!(out.contains("41 new, 0 already stored"), "{out}");
    // The same sheets again store nothing twice.
    let out = stdout(&heard(&app, &["import", &file, "--consultation", DEMO]));
    assert!(out.contains("0 new, 41 already stored"), "{out}");
    assert_eq!(app.state.store.submission_count(DEMO).await.unwrap(), 41);

    let cli: Value = serde_json::from_str(&stdout(&heard(
        &app,
        &["coverage", DEMO, "--format", "json"],
    )))
    .unwrap();
    assert_eq!(cli["total"], 40);
    assert_eq!(cli["others"]["outside-devon"], 1);
    assert_eq!(area(&cli, "east-devon")["responses"], 30);
    assert_eq!(area(&cli, "exeter")["responses"], 10);
    assert_eq!(*cell(&cli, "by_channel", "east-devon", "event"), 30);
    let under: Vec<&str> = cli["areas"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["status"] == "under")
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    // 0 of 40 has a Wilson upper bound of 0.088: every district expecting more is flagged.
    assert_eq!(
        under,
        ["mid-devon", "north-devon", "south-hams", "teignbridge"],
        "{cli}"
    );

    let token = stdout(&heard(&app, &["token", "create", "--name", "e2e"]));
    let api: Value = app
        .client
        .get(app.url(&format!("/api/coverage/{DEMO}")))
        .bearer_auth(token.trim())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(api["areas"], cli["areas"]);
    assert_eq!(api["similarity"], cli["similarity"]);

    // A bad file: every bad line named, and nothing from it stored.
    let bad =
        "ref,area,group,listened-to\nb1,exeter,child,3\nb2,Narnia,child,3\nb3,exeter,adult,7\n";
    let file = write(app.dir.path(), "bad.csv", bad);
    let refused = heard(&app, &["import", &file, "--consultation", DEMO]);
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("nothing stored"), "{stderr}");
    assert!(stderr.contains("line 3: area \"Narnia\""), "{stderr}");
    assert!(stderr.contains("line 4: group \"adult\""), "{stderr}");
    assert!(
        stderr.contains("\"7\" does not answer question listened-to"),
        "{stderr}"
    );
    assert!(!stderr.contains("line 2"), "{stderr}");
    assert_eq!(app.state.store.submission_count(DEMO).await.unwrap(), 41);
    app.stop().await;
}

/// The running tally the coverage queries read is the same as counting the submissions:
/// after concurrent ingestion (PostgreSQL spreads it over shards), retried messages stored
/// once, unknown areas and groups, several days, a follow-up that learns an area, a delete,
/// and a transaction rolled back.
async fn the_tally_matches_the_submissions(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let store = &app.state.store;
    let day = opens_on(&app).await;
    let areas = ["exeter", "torridge", "mid-devon"];
    let groups = [
        Some(RespondentGroup::Child),
        Some(RespondentGroup::ParentCarer),
        None,
    ];
    let channels = [Channel::Web, Channel::Sms, Channel::Email];
    let mut tasks = Vec::new();
    for i in 0..120_usize {
        let area = (i % 4 != 0).then_some(areas[i % 3]);
        let received_on = day + chrono::Days::new((i % 5) as u64);
        let mut submission = submission(
            &app,
            received_on,
            area,
            groups[(i / 3) % 3],
            channels[i % 3],
        );
        // Every tenth is a retry of the one before it.
        submission.provider_ref = Some(app.state.pseudonymiser.provider_ref(
            channels[i % 3],
            &format!("msg-{}", if i % 10 == 9 { i - 3 } else { i }),
        ));
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            ingest(&store, &submission).await.unwrap()
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }

    // What a follow-up does when it learns an area, a delete, and a change rolled back.
    let mut tx = store.begin().await.unwrap();
    sqlx::query(
        "UPDATE submissions SET area = 'exeter', respondent_group = 'child' \
         WHERE id IN (SELECT id FROM submissions WHERE area IS NULL ORDER BY id LIMIT 7)",
    )
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::query("DELETE FROM submissions WHERE id IN (SELECT MIN(id) FROM submissions)")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut tx = store.begin().await.unwrap();
    sqlx::query("UPDATE submissions SET area = 'torridge'")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.rollback().await.unwrap();

    let consultation_id = store.consultation(DEMO).await.unwrap().unwrap().id;
    let mut direct: Vec<(Option<String>, Option<String>, String, i64)> = {
        let mut tx = store.begin().await.unwrap();
        sqlx::query_as(
            "SELECT area, respondent_group, channel, COUNT(*) AS n FROM submissions \
             WHERE consultation_id = $1 GROUP BY area, respondent_group, channel",
        )
        .bind(consultation_id)
        .fetch_all(&mut *tx)
        .await
        .unwrap()
    };
    direct.sort();
    let mut tallied: Vec<_> = store
        .coverage_counts(consultation_id)
        .await
        .unwrap()
        .into_iter()
        .map(|c| (c.area, c.group, c.channel, c.n as i64))
        .collect();
    tallied.sort();
    assert_eq!(tallied, direct);
    assert_eq!(direct.iter().map(|r| r.3).sum::<i64>(), 120 - 12 - 1);

    let by_day: Vec<(String, i64)> = {
        let mut tx = store.begin().await.unwrap();
        sqlx::query_as(
            "SELECT received_on, COUNT(*) AS n FROM submissions WHERE consultation_id = $1 \
             AND channel = 'sms' GROUP BY received_on ORDER BY received_on",
        )
        .bind(consultation_id)
        .fetch_all(&mut *tx)
        .await
        .unwrap()
    };
    let filter = heard::store::CountFilter {
        channel: Some("sms".into()),
        ..Default::default()
    };
    let daily: Vec<(String, i64)> = store
        .daily_counts(consultation_id, &filter)
        .await
        .unwrap()
        .into_iter()
        .map(|(day, n)| (day.to_string(), n as i64))
        .collect();
    assert_eq!(daily, by_day);
    app.stop().await;
}

on_both_backends!(
    the_tally_matches_the_submissions,
    an_event_import_feeds_coverage,
    cli_and_api_give_the_same_figures,
    the_table_and_csv,
    baselines_import_whole_or_not_at_all
);
