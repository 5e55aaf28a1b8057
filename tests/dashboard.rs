//! The engagement lead's dashboard, through the real server on both backends: the figures
//! for a known spread, filters that change every figure, clear errors for bad filters, the
//! outreach links, QR codes and posters, who may open them, and no personal data shown.

mod common;

use chrono::NaiveDate;
use common::staff::{add_staff, signed_in, staff_email, try_sign_in, STAFF_PASSWORD};
use common::{spawn_app_with, TestApp, TestBackend};
use heard::domain::consultation::Slug;
use heard::domain::{Answer, AnswerValue, Channel, RespondentGroup, Submission};
use heard::ingest::ingest;
use heard::privacy::{scrub, Identifier};
use heard::staff::Role;

const DEMO: &str = "four-cornerstones";
const DASHBOARD: &str = "/staff/c/four-cornerstones";
const PUBLIC: &str = "https://heard.example";
/// Words one respondent wrote, and the phone they texted from: neither may show.
const THEIR_WORDS: &str = "Kestrelbrook sensory room after school";
const THEIR_PHONE: &str = "07700 900123";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

async fn add(
    app: &TestApp,
    area: &str,
    group: RespondentGroup,
    channel: Channel,
    on: &str,
    n: usize,
) {
    for _ in 0..n {
        let submission = Submission {
            consultation: Slug::parse(DEMO).unwrap(),
            channel,
            area: Some(app.state.areas.id(area).expect("a known area")),
            group: Some(group),
            answers: vec![Answer {
                question: Slug::parse("better-together").unwrap(),
                value: AnswerValue::Text(scrub(THEIR_WORDS)),
            }],
            received_on: day(on),
            provider_ref: None,
            respondent: Some(
                app.state
                    .pseudonymiser
                    .pseudonym(&Identifier::phone(THEIR_PHONE).unwrap()),
            ),
            outreach: None,
            flagged: false,
        };
        ingest(&app.state.store, &submission).await.unwrap();
    }
}

/// As in tests/coverage.rs: East Devon 30 (parent carers, web), Exeter 10 (7 by text in the
/// week of 9 November, 3 on the web), Torridge 2 at an event; 2 from outside Devon. N = 42.
/// Teignbridge (15.3% expected), Mid Devon, North Devon and South Hams are under.
async fn known_distribution(app: &TestApp) {
    use Channel::*;
    use RespondentGroup::*;
    add(app, "east-devon", ParentCarer, Web, "2026-11-02", 20).await;
    add(app, "east-devon", ParentCarer, Web, "2026-11-16", 10).await;
    add(app, "exeter", YoungPerson, Sms, "2026-11-10", 7).await;
    add(app, "exeter", YoungPerson, Web, "2026-11-02", 3).await;
    add(app, "torridge", Child, Event, "2026-11-16", 2).await;
    add(app, "outside-devon", Professional, Email, "2026-11-10", 2).await;
}

async fn app(backend: TestBackend) -> TestApp {
    let app = spawn_app_with(backend, &[("HEARD_PUBLIC_URL", PUBLIC)]).await;
    known_distribution(&app).await;
    app
}

async fn get(client: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let response = client.get(app.url(path)).send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

/// The figures table's row for a district, as its cells' text.
fn row(html: &str, area: &str) -> Vec<String> {
    let start = html
        .find(&format!("<tr data-area=\"{area}\">"))
        .unwrap_or_else(|| panic!("no row for {area}"));
    let end = start + html[start..].find("</tr>").unwrap();
    let mut cells = Vec::new();
    let mut rest = &html[start..end];
    while let Some(open) = rest.find("<t") {
        let after = &rest[open..];
        if !(after.starts_with("<td") || after.starts_with("<th")) {
            rest = &rest[open + 2..];
            continue;
        }
        let body = &after[after.find('>').unwrap() + 1..];
        let close = body.find("</t").unwrap();
        let text = strip_tags(&body[..close]);
        cells.push(text.trim().to_owned());
        rest = &body[close..];
    }
    cells
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in s.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

async fn lead_sees_the_figures_for_a_known_spread(backend: TestBackend) {
    let app = app(backend).await;
    let lead = signed_in(&app, Role::Lead).await;
    let (status, html) = get(&lead, &app, DASHBOARD).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("42 responses from Devon districts"), "{html}");
    assert!(html.contains("ONS mid-2020"));
    // District, responses, share, expected, ratio, interval, status, voices needed.
    let east = row(&html, "east-devon");
    assert_eq!(east[0..3], ["East Devon", "30", "71.4%"]);
    assert_eq!(east[6], "Over-represented");
    let teignbridge = row(&html, "teignbridge");
    assert_eq!(teignbridge[1..3], ["0", "0.0%"]);
    assert_eq!(teignbridge[4], "0.00");
    assert_eq!(teignbridge[5], "0.0% to 8.4%");
    assert_eq!(teignbridge[6], "Under-represented");
    assert_eq!(teignbridge[7], "8");
    // Under-represented first, most voices needed first, with link, QR and poster.
    let missing = &html[html.find("id=\"missing\"").unwrap()..html.find("id=\"filters\"").unwrap()];
    let order: Vec<usize> = ["Teignbridge", "Mid Devon", "North Devon", "South Hams"]
        .iter()
        .map(|n| missing.find(&format!("<h3>{n}</h3>")).expect(n))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert!(!missing.contains("<h3>Exeter</h3>"));
    assert!(missing.contains("8 more voices needed"));
    assert!(missing.contains(
        "href=\"https://heard.example/c/four-cornerstones?area=teignbridge&#38;via=outreach-link\""
    ));
    assert!(missing.contains("src=\"/staff/c/four-cornerstones/qr/teignbridge.svg\""));
    assert!(missing.contains("href=\"/staff/c/four-cornerstones/poster/teignbridge\""));
    // Similarity and r-score, in plain words.
    assert!(html.contains("Similarity: 0.44"), "{html}");
    assert!(html.contains("R-score: 0.00"));
    // The map: every district shaded, status patterned, named and described.
    assert!(html.contains("aria-labelledby=\"map-title map-desc\""));
    assert!(html.contains("data-area=\"east-devon\" data-shade=\"4\""));
    assert!(html.contains("url(#map-under-dark)"));
    assert!(html.contains("Teignbridge: ratio 0.00, under-represented."));
    assert!(html.contains("Open Government Licence"));
    // The bar chart, the others, the weeks and the cross-tabs.
    assert!(html.contains("data-ratio-bar=\"4.3"), "East Devon's bar");
    assert!(
        html.contains("Outside Devon (including Plymouth and Torbay)</th><td class=\"number\">2<")
    );
    assert!(html.contains("data-week=\"2026-11-02\" data-n=\"23\""));
    assert!(html.contains("data-week=\"2026-11-09\" data-n=\"9\""));
    assert!(html.contains("<th scope=\"row\">2 November 2026</th><td class=\"number\">23</td>"));
    assert!(html.contains("Responses by district and group (exact counts)"));
    // No personal data: not their words, not their number, not their pseudonym.
    let pseudonym = app
        .state
        .pseudonymiser
        .pseudonym(&Identifier::phone(THEIR_PHONE).unwrap());
    for secret in ["Kestrelbrook", "07700", "900123", pseudonym.as_str()] {
        assert!(!html.contains(secret), "{secret} is on the dashboard");
    }
    app.stop().await;
}

async fn filters_change_every_figure(backend: TestBackend) {
    let app = app(backend).await;
    let lead = signed_in(&app, Role::Lead).await;
    let (status, html) = get(&lead, &app, &format!("{DASHBOARD}?channel=sms")).await;
    assert_eq!(status, 200);
    assert!(html.contains("7 responses from Devon districts"), "{html}");
    assert!(html.contains("Filtered: only responses"));
    assert_eq!(row(&html, "exeter")[1], "7");
    assert_eq!(row(&html, "east-devon")[1], "0");
    assert!(html.contains("<option value=\"sms\" selected>"));
    assert!(!html.contains("data-n=\"23\""), "the trend is filtered too");
    assert!(html.contains("data-week=\"2026-11-09\" data-n=\"7\""));

    let path = format!("{DASHBOARD}?group=parent-carer&from=2026-11-09&to=2026-11-30");
    let (_, html) = get(&lead, &app, &path).await;
    assert!(html.contains("10 responses from Devon districts"), "{html}");
    assert_eq!(row(&html, "east-devon")[1], "10");
    assert_eq!(row(&html, "exeter")[1], "0");
    assert!(html.contains("value=\"2026-11-09\""));
    // The trend starts at the filter's first day's week.
    assert!(!html.contains("data-week=\"2026-11-02\""));
    assert!(html.contains("data-week=\"2026-11-16\" data-n=\"10\""));

    // A day with nothing: every district's count is 0 and nothing is compared.
    let (status, html) = get(
        &lead,
        &app,
        &format!("{DASHBOARD}?from=2026-11-03&to=2026-11-03"),
    )
    .await;
    assert_eq!(status, 200);
    assert!(html.contains("0 responses from Devon districts"), "{html}");
    assert!(html.contains("No responses from a Devon district yet"));

    // Submissions without a group can be picked out too.
    let (_, html) = get(&lead, &app, &format!("{DASHBOARD}?group=unknown")).await;
    assert!(html.contains("0 responses from Devon districts"));
    app.stop().await;
}

async fn bad_filters_are_explained_on_the_page(backend: TestBackend) {
    let app = app(backend).await;
    let lead = signed_in(&app, Role::Lead).await;
    let path = format!("{DASHBOARD}?group=wizards&channel=fax&from=31%2F11%2F2026&to=2026-02-30");
    let (status, html) = get(&lead, &app, &path).await;
    assert_eq!(status, 400);
    assert!(html.contains("<title>Error: "));
    for message in [
        "Choose a group from the list",
        "Choose a channel from the list",
        "Enter the first day as a date, like 2026-11-30",
        "Enter the last day as a date, like 2026-12-31",
    ] {
        assert!(html.contains(message), "{message}");
    }
    assert!(html.contains("<a href=\"#group\">"));
    assert!(
        html.contains("value=\"31/11/2026\""),
        "what was typed is kept"
    );
    assert!(
        !html.contains("responses from Devon districts"),
        "no figures until fixed"
    );
    let (status, html) = get(
        &lead,
        &app,
        &format!("{DASHBOARD}?from=2026-12-01&to=2026-11-01"),
    )
    .await;
    assert_eq!(status, 400);
    assert!(html.contains("The first day must be the same as or before the last day"));
    // Repeated or unknown keys are no crash either.
    let (status, _) = get(&lead, &app, &format!("{DASHBOARD}?group=child&group=&x=1")).await;
    assert_eq!(status, 200);
    let (status, _) = get(&lead, &app, "/staff/c/no-such-consultation").await;
    assert_eq!(status, 404);
    app.stop().await;
}

async fn posters_and_qr_codes(backend: TestBackend) {
    let app = app(backend).await;
    let lead = signed_in(&app, Role::Lead).await;
    let (status, html) = get(&lead, &app, &format!("{DASHBOARD}/poster/torridge")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Have your say"));
    assert!(html.contains("families in Torridge"));
    assert!(html.contains("It takes about 5 minutes."));
    assert!(html.contains("heard.example/c/four-cornerstones?area=torridge&#38;via=poster"));
    assert!(html.contains("src=\"/staff/c/four-cornerstones/qr/torridge.svg?via=poster\""));
    for secret in ["Kestrelbrook", "07700"] {
        assert!(!html.contains(secret));
    }
    let css = reqwest::get(app.url("/static/staff.css"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(css.contains("@page { size: A4"));

    for path in [
        format!("{DASHBOARD}/qr/torridge.svg"),
        format!("{DASHBOARD}/qr/torridge.svg?via=poster"),
    ] {
        let response = lead.get(app.url(&path)).send().await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()["content-type"], "image/svg+xml");
        let svg = response.text().await.unwrap();
        assert!(svg.contains("<svg") && svg.contains("viewBox"), "{svg}");
    }
    for (path, want) in [
        (format!("{DASHBOARD}/qr/outside-devon.svg"), 404),
        (format!("{DASHBOARD}/qr/torridge.png"), 404),
        (format!("{DASHBOARD}/qr/torridge.svg?via=elsewhere"), 400),
        (format!("{DASHBOARD}/poster/nowhere"), 404),
        ("/staff/c/nope/poster/torridge".to_owned(), 404),
    ] {
        let (status, _) = get(&lead, &app, &path).await;
        assert_eq!(status, want, "{path}");
    }
    app.stop().await;
}

async fn only_coverage_roles_open_them(backend: TestBackend) {
    let app = app(backend).await;
    let paths = [
        DASHBOARD.to_owned(),
        format!("{DASHBOARD}?group=child"),
        format!("{DASHBOARD}/poster/torridge"),
        format!("{DASHBOARD}/qr/torridge.svg"),
    ];
    // Signed in through the form; where it lands (the queue) is not this test's business.
    add_staff(&app, Role::Safeguarding).await;
    let safeguarding = common::browser();
    try_sign_in(
        &app,
        &safeguarding,
        &staff_email(Role::Safeguarding),
        STAFF_PASSWORD,
    )
    .await;
    let admin = signed_in(&app, Role::Admin).await;
    let nobody = common::browser();
    for path in &paths {
        let (status, html) = get(&safeguarding, &app, path).await;
        assert_eq!(status, 403, "{path}");
        assert!(!html.contains("voices needed"), "{path}");
        let (status, _) = get(&admin, &app, path).await;
        assert_eq!(status, 200, "admins may see coverage: {path}");
        let response = nobody.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.url().path(), "/staff/sign-in", "{path}");
    }
    app.stop().await;
}

async fn the_api_takes_the_same_filters(backend: TestBackend) {
    let app = app(backend).await;
    let lead = signed_in(&app, Role::Lead).await;
    let api = "/api/coverage/four-cornerstones";
    let all: serde_json::Value = lead
        .get(app.url(api))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(all["total"], 42);
    assert!(all.get("filters").is_none());
    let response = lead
        .get(app.url(&format!("{api}?channel=sms&from=2026-11-01")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let sms: serde_json::Value = response.json().await.unwrap();
    assert_eq!(sms["total"], 7);
    assert_eq!(sms["filters"]["channel"], "sms");
    assert_eq!(sms["filters"]["from"], "2026-11-01");
    let response = lead
        .get(app.url(&format!("{api}?channel=fax")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("Choose a channel from the list"));
    app.stop().await;
}

on_both_backends!(
    the_api_takes_the_same_filters,
    lead_sees_the_figures_for_a_known_spread,
    filters_change_every_figure,
    bad_filters_are_explained_on_the_page,
    posters_and_qr_codes,
    only_coverage_roles_open_them,
);
