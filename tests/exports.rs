//! Exports for publication end to end, on both backends: a known spread of views goes in
//! (an event import and a few texts), a lead downloads the four files from the export page,
//! and small cells are hidden, nothing hidden can be worked out from the published totals,
//! nobody's details are in any file, the rule is in each, and `heard export` gives the same.

mod common;

use std::collections::BTreeMap;
use std::process::{Command, Output};

use common::staff::{add_staff, signed_in, staff_email, try_sign_in, STAFF_PASSWORD};
use common::{spawn_app, TestApp, TestBackend, TEST_SECRET};
use heard::coverage::publish::{ranges, Published, Rule, Sum};
use heard::domain::consultation::Slug;
use heard::domain::{Answer, AnswerValue, Channel, RespondentGroup, Submission};
use heard::ingest::ingest;
use heard::privacy::{scrub, Identifier};
use heard::staff::Role;
use serde_json::Value;

const HEARD: &str = env!("CARGO_BIN_EXE_heard");
const DEMO: &str = "four-cornerstones";
const PHONE: &str = "07700 900123";
const EMAIL: &str = "jo.bloggs@example.com";
const OUTREACH: &str = "qr-exeter-library";
const FLAGGED_WORDS: &str = "nobody at home listens to me";

fn heard(app: &TestApp, args: &[&str], extra: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(HEARD);
    cmd.current_dir(app.dir.path()).args(args).env_clear();
    if let Ok(path) = std::env::var("PATH") {
        cmd.env("PATH", path);
    }
    cmd.env("HEARD_DATABASE_URL", &app.database_url)
        .env("HEARD_SECRET", TEST_SECRET)
        .env("HEARD_CONFIG", app.dir.path().join("absent.toml"))
        .env("HEARD_LOG", "warn");
    for (k, v) in extra {
        cmd.env(k, v);
    }
    cmd.output().expect("run heard")
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "heard failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// East Devon 30 parent carers (20 on 2 November, 10 on 3 November, those 10 with contact
/// details in their words), Exeter 12 young people at an event plus 2 by text (one flagged
/// for safeguarding), Torridge 3 children, 1 from outside Devon. N = 47.
async fn known_distribution(app: &TestApp) {
    let mut csv = String::from("ref,area,group,date,listened-to,welcome,better-together\n");
    for i in 0..20 {
        csv.push_str(&format!(
            "e{i},East Devon,parent carer,2026-11-02,4,yes,More time please\n"
        ));
    }
    for i in 20..30 {
        csv.push_str(&format!(
            "e{i},East Devon,parent carer,2026-11-03,4,yes,Sarah here: ring {PHONE} or write to {EMAIL}\n"
        ));
    }
    for i in 0..12 {
        csv.push_str(&format!("x{i},EX4,young-person,2026-11-02,2,no,\n"));
    }
    for i in 0..3 {
        csv.push_str(&format!(
            "t{i},Torridge,child,2026-11-04,3,sometimes,Too far to travel from Bideford EX39\n"
        ));
    }
    csv.push_str("o1,outside-devon,professional,2026-11-02,,,\n");
    let file = app.dir.path().join("event.csv");
    std::fs::write(&file, csv).unwrap();
    let out = stdout(&heard(
        app,
        &["import", file.to_str().unwrap(), "--consultation", DEMO],
        &[],
    ));
    assert!(out.contains("46 new"), "{out}");

    let p = &app.state.pseudonymiser;
    for (n, (words, flagged)) in [("Better buses", false), (FLAGGED_WORDS, true)]
        .into_iter()
        .enumerate()
    {
        let submission = Submission {
            consultation: Slug::parse(DEMO).unwrap(),
            channel: Channel::Sms,
            area: app.state.areas.id("exeter"),
            group: Some(RespondentGroup::YoungPerson),
            answers: vec![Answer {
                question: Slug::parse("better-together").unwrap(),
                value: AnswerValue::Text(scrub(words)),
            }],
            received_on: "2026-11-02".parse().unwrap(),
            provider_ref: Some(p.provider_ref(Channel::Sms, &format!("SM{n}"))),
            respondent: Some(p.pseudonym(&Identifier::phone(PHONE).unwrap())),
            outreach: heard::domain::OutreachCode::parse(OUTREACH),
            flagged,
        };
        ingest(&app.state.store, &submission).await.unwrap();
    }
}

/// A published count read back: Exact, `<10` or `[c]`.
fn published(v: &Value) -> Published {
    match v {
        Value::Number(n) => Published::Exact(n.as_u64().unwrap()),
        Value::String(s) if s == "<10" => Published::Small,
        Value::String(s) if s == "[c]" => Published::Withheld,
        other => panic!("not a published count: {other}"),
    }
}

/// The published coverage and the exact one laid side by side as figures and the sums the
/// file publishes, then audited as anyone with the file could: no sum with exactly one hidden
/// figure, and no hidden figure pinned to one value by all the sums together.
fn audit(public: &Value, exact: &Value) -> (usize, usize) {
    let mut values: Vec<u64> = Vec::new();
    let mut out: Vec<Published> = Vec::new();
    let mut add = |exact: &Value, public: &Value| {
        let n = exact.as_u64().unwrap();
        let p = published(public);
        match p {
            Published::Exact(shown) => assert_eq!(shown, n),
            Published::Small => assert!((1..10).contains(&n), "{n} shown as <10"),
            Published::Withheld => assert!(n >= 10, "{n} shown as [c]"),
        }
        values.push(n);
        out.push(p);
        values.len() - 1
    };
    let total = add(&exact["total"], &public["total"]);
    let districts: Vec<String> = public["areas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect();
    let find = |json: &Value, id: &str| -> Value {
        json["areas"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .unwrap()
            .clone()
    };
    let mut area_at = BTreeMap::new();
    for d in &districts {
        let i = add(&find(exact, d)["responses"], &find(public, d)["responses"]);
        area_at.insert(d.clone(), i);
    }
    let mut sums = vec![Sum {
        parts: area_at.values().copied().collect(),
        total,
    }];
    for (tab, totals) in [
        ("by_group", "group_totals"),
        ("by_channel", "channel_totals"),
    ] {
        let row = |json: &Value, area: &str| -> Value {
            json[tab]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["area"] == area)
                .unwrap()["counts"]
                .clone()
        };
        let keys: Vec<String> = public[totals]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        let mut columns: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for d in &districts {
            let (e, p) = (row(exact, d), row(public, d));
            let cells: Vec<usize> = keys.iter().map(|k| add(&e[k], &p[k])).collect();
            for (k, &i) in keys.iter().zip(&cells) {
                columns.entry(k.clone()).or_default().push(i);
            }
            sums.push(Sum {
                parts: cells,
                total: area_at[d],
            });
        }
        let mut column_totals = Vec::new();
        for k in &keys {
            let sum_exact: u64 = districts
                .iter()
                .map(|d| row(exact, d)[k].as_u64().unwrap())
                .sum();
            let at = add(&Value::from(sum_exact), &public[totals][k]);
            column_totals.push(at);
            sums.push(Sum {
                parts: columns[k].clone(),
                total: at,
            });
        }
        sums.push(Sum {
            parts: column_totals,
            total,
        });
    }
    for s in &sums {
        let hidden = s
            .parts
            .iter()
            .chain([&s.total])
            .filter(|&&i| !out[i].is_shown())
            .count();
        assert_ne!(hidden, 1, "a hidden figure is one subtraction away: {s:?}");
    }
    for (i, (lo, hi)) in ranges(&values, &sums, &out, Rule::default())
        .into_iter()
        .enumerate()
    {
        if !out[i].is_shown() {
            assert!(lo < hi, "figure {i} ({}) can be worked out", values[i]);
        }
    }
    let small = out.iter().filter(|p| **p == Published::Small).count();
    let secondary = out.iter().filter(|p| **p == Published::Withheld).count();
    (small, secondary)
}

fn area<'a>(json: &'a Value, id: &str) -> &'a Value {
    json["areas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .unwrap()
}

/// A page's text with askama's escapes undone, to look for sentences in it.
fn unescape(html: &str) -> String {
    [
        ("&#60;", "<"),
        ("&lt;", "<"),
        ("&#62;", ">"),
        ("&gt;", ">"),
        ("&#39;", "'"),
        ("&#34;", "\""),
        ("&quot;", "\""),
        ("&#38;", "&"),
        ("&amp;", "&"),
    ]
    .iter()
    .fold(html.to_owned(), |s, (from, to)| s.replace(from, to))
}

fn without_time(mut json: Value) -> Value {
    json.as_object_mut().unwrap().remove("generated_at");
    json
}

fn read_csv(text: &str) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let rows = reader.records().map(|r| r.unwrap()).collect();
    (header, rows)
}

async fn a_lead_downloads_suppressed_files(backend: TestBackend) {
    let app = spawn_app(backend).await;
    known_distribution(&app).await;
    let lead = signed_in(&app, Role::Lead).await;

    // The page states the rule in plain words and links the four files.
    let page = lead
        .get(app.url(&format!("/staff/c/{DEMO}/export")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert_eq!(page.headers()["cache-control"], "no-store");
    let page = page.text().await.unwrap();
    let words = unescape(&page);
    let rule = Rule::default();
    for line in rule.lines() {
        assert!(words.contains(&line), "the page lacks: {line}\n{page}");
    }
    assert!(words.contains("The threshold is 10."), "{page}");
    let mut files = BTreeMap::new();
    for file in [
        "coverage.csv",
        "coverage.json",
        "responses.csv",
        "responses.json",
    ] {
        let href = format!("/staff/c/{DEMO}/export/{file}");
        assert!(
            page.contains(&format!("href=\"{href}\"")),
            "no link to {file}"
        );
        let response = lead.get(app.url(&href)).send().await.unwrap();
        assert_eq!(response.status(), 200, "{file}");
        let headers = response.headers().clone();
        assert_eq!(headers["cache-control"], "no-store");
        assert_eq!(
            headers["content-disposition"],
            format!("attachment; filename=\"{DEMO}-{file}\"")
        );
        files.insert(file, response.text().await.unwrap());
    }

    // Coverage: exact for staff, hidden for publication.
    let exact: Value = serde_json::from_str(&stdout(&heard(
        &app,
        &["coverage", DEMO, "--format", "json"],
        &[],
    )))
    .unwrap();
    assert_eq!(area(&exact, "torridge")["responses"], 3);
    let public: Value = serde_json::from_str(&files["coverage.json"]).unwrap();
    assert_eq!(public["suppression"]["threshold"], 10);
    assert_eq!(public["suppression"]["rule"], rule.text());
    assert_eq!(public["total"], 47);
    assert_eq!(area(&public, "torridge")["responses"], "<10");
    assert!(area(&public, "torridge")["share"].is_null());
    assert!(area(&public, "torridge")["voices_needed"].is_null());
    assert_eq!(area(&public, "east-devon")["responses"], 30);
    assert_eq!(public["not_in_a_district"], "<10");
    assert!(public["similarity"].is_null() && public["r_score"].is_null());
    let (small, secondary) = audit(&public, &exact);
    assert!(small >= 3, "torridge, its child cell, its event cell…");
    assert!(secondary >= 1, "secondary suppression hid something");

    let coverage_csv = &files["coverage.csv"];
    assert!(coverage_csv.starts_with(&rule.csv_comment()));
    let (header, rows) = read_csv(coverage_csv);
    assert_eq!(&header[2], "responses");
    let row = |id: &str| rows.iter().find(|r| &r[0] == id).unwrap().clone();
    assert_eq!(&row("torridge")[2], "<10");
    assert_eq!(&row("total")[2], "47");
    let child = header.iter().position(|h| h == "group:child").unwrap();
    assert_eq!(&row("torridge")[child], "<10");
    for (i, h) in header.iter().enumerate() {
        // The CSV and the JSON say the same about every district.
        if h == "responses" {
            for d in ["east-devon", "exeter", "torridge", "teignbridge"] {
                let json = area(&public, d)["responses"].clone();
                let text = match json {
                    Value::Number(n) => n.to_string(),
                    Value::String(s) => s,
                    _ => unreachable!(),
                };
                assert_eq!(row(d)[i], text, "{d}");
            }
        }
    }

    // Responses: generalised rows, nobody's details, the rule in the file.
    let responses: Value = serde_json::from_str(&files["responses.json"]).unwrap();
    assert_eq!(responses["suppression"]["rule"], rule.text());
    let list = responses["responses"].as_array().unwrap();
    // The one response from outside Devon is left out: its count is hidden in coverage.
    assert_eq!(list.len(), 47);
    let mut classes: BTreeMap<String, usize> = BTreeMap::new();
    for r in list {
        let key = format!("{}|{}|{}|{}", r["area"], r["group"], r["channel"], r["day"]);
        *classes.entry(key).or_default() += 1;
    }
    assert!(
        classes.values().all(|&n| n >= 10),
        "a published combination singles out fewer than 10: {classes:?}"
    );
    // Torridge (3) is not named; East Devon keeps its district, group and days.
    assert!(list.iter().all(|r| r["area"] != "torridge"));
    assert!(list.iter().any(|r| r["area"] == "other-devon"));
    // Nor in their words: a town or postcode district would give the hidden district away.
    let torridge_words: Vec<&Value> = list
        .iter()
        .map(|r| &r["answers"]["better-together"])
        .filter(|w| w.as_str().is_some_and(|w| w.starts_with("Too far")))
        .collect();
    assert_eq!(torridge_words.len(), 3);
    assert!(torridge_words
        .iter()
        .all(|w| *w == "Too far to travel from [place] [place]"));
    let busy_day = list
        .iter()
        .filter(|r| {
            r["area"] == "east-devon" && r["group"] == "parent-carer" && r["day"] == "2026-11-02"
        })
        .count();
    assert_eq!(busy_day, 20);
    assert_eq!(
        list.iter()
            .filter(|r| r["answers"]["better-together"] == "More time please")
            .count(),
        20
    );

    let (header, rows) = read_csv(&files["responses.csv"]);
    assert!(files["responses.csv"].starts_with(&rule.csv_comment()));
    assert_eq!(
        header.iter().take(4).collect::<Vec<_>>(),
        ["area", "group", "channel", "day"]
    );
    assert!(header.iter().any(|h| h == "better-together"));
    assert!(!header.iter().any(|h| h == "where" || h == "who"));
    assert_eq!(rows.len(), 47);

    // Nobody's details anywhere: no pseudonym, provider reference, outreach code, contact
    // details, name, or the flagged words (held for safeguarding, never published).
    let pseudonym = app
        .state
        .pseudonymiser
        .pseudonym(&Identifier::phone(PHONE).unwrap());
    let provider_ref = app.state.pseudonymiser.provider_ref(Channel::Sms, "SM0");
    for (name, text) in &files {
        for secret in [
            pseudonym.as_str(),
            provider_ref.as_str(),
            OUTREACH,
            PHONE,
            "900123",
            EMAIL,
            "Sarah",
            FLAGGED_WORDS,
            "flagged",
        ] {
            assert!(!text.contains(secret), "{name} holds {secret:?}");
        }
    }

    // `heard export` gives the same files.
    for (file, what, format) in [
        ("coverage.csv", "coverage", "csv"),
        ("coverage.json", "coverage", "json"),
        ("responses.csv", "responses", "csv"),
        ("responses.json", "responses", "json"),
    ] {
        let cli = stdout(&heard(
            &app,
            &["export", DEMO, "--what", what, "--format", format],
            &[],
        ));
        if format == "csv" {
            assert_eq!(cli, files[file], "{file}");
        } else {
            assert_eq!(
                without_time(serde_json::from_str(&cli).unwrap()),
                without_time(serde_json::from_str(&files[file]).unwrap()),
                "{file}"
            );
        }
    }
    let out = app.dir.path().join("out.csv");
    stdout(&heard(
        &app,
        &[
            "export",
            DEMO,
            "--what",
            "responses",
            "--out",
            out.to_str().unwrap(),
        ],
        &[],
    ));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        files["responses.csv"]
    );
    let missing = heard(&app, &["export", "nope", "--what", "coverage"], &[]);
    assert!(!missing.status.success());

    // The threshold is a setting: at 3, Torridge's 3 is shown.
    let at_three: Value = serde_json::from_str(&stdout(&heard(
        &app,
        &["export", DEMO, "--what", "coverage", "--format", "json"],
        &[("HEARD_SUPPRESS_BELOW", "3")],
    )))
    .unwrap();
    assert_eq!(at_three["suppression"]["threshold"], 3);
    assert_eq!(area(&at_three, "torridge")["responses"], 3);
    assert_eq!(at_three["not_in_a_district"], "<3");
    app.stop().await;
}

async fn only_those_who_may_see_coverage_can_export(backend: TestBackend) {
    let app = spawn_app(backend).await;
    // Signed in through the form (the safeguarding start page it lands on is another's work).
    add_staff(&app, Role::Safeguarding).await;
    let safeguarding = common::browser();
    let (_, path, _) = try_sign_in(
        &app,
        &safeguarding,
        &staff_email(Role::Safeguarding),
        STAFF_PASSWORD,
    )
    .await;
    assert_ne!(path, "/staff/sign-in");
    for path in [
        format!("/staff/c/{DEMO}/export"),
        format!("/staff/c/{DEMO}/export/responses.csv"),
        format!("/staff/c/{DEMO}/export/coverage.json"),
    ] {
        let response = safeguarding.get(app.url(&path)).send().await.unwrap();
        assert_eq!(response.status(), 403, "{path}");
        // Not signed in: to the sign-in page, never the file.
        let anonymous = app.client.get(app.url(&path)).send().await.unwrap();
        assert_eq!(anonymous.url().path(), "/staff/sign-in", "{path}");
    }
    let admin = signed_in(&app, Role::Admin).await;
    let ok = admin
        .get(app.url(&format!("/staff/c/{DEMO}/export/coverage.csv")))
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    let lead = signed_in(&app, Role::Lead).await;
    for path in [
        "/staff/c/no-such-consultation/export".to_owned(),
        "/staff/c/no-such-consultation/export/coverage.csv".to_owned(),
        format!("/staff/c/{DEMO}/export/people.csv"),
    ] {
        let response = lead.get(app.url(&path)).send().await.unwrap();
        assert_eq!(response.status(), 404, "{path}");
    }
    app.stop().await;
}

on_both_backends!(
    a_lead_downloads_suppressed_files,
    only_those_who_may_see_coverage_can_export
);
