//! The easy-read web form end to end, over real HTTP with a cookie-keeping client,
//! on both backends.

mod common;

use std::time::Duration;

use common::{browser, csrf, fill, spawn_app, spawn_app_with, TestApp, TestBackend, WriteLock};
use heard::domain::{AnswerValue, Channel};
use heard::store::{DbSessionStore, SubmissionId};

const START: &str = "/c/four-cornerstones";

/// A question's path, what is sent, and where the person lands next.
type Step<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);

async fn get(app: &TestApp, client: &reqwest::Client, path: &str) -> (u16, String) {
    let response = client.get(app.url(path)).send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

async fn count(app: &TestApp) -> i64 {
    app.state
        .store
        .submission_count("four-cornerstones")
        .await
        .unwrap()
}

async fn whole_form_is_stored_once(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let client = browser();
    // An outreach link preselects the area and records where the person came from.
    let (status, start) = get(
        &app,
        &client,
        &format!("{START}?area=torridge&via=poster-12"),
    )
    .await;
    assert_eq!(status, 200);
    assert!(start.contains("What happens to your words"));

    let steps: [Step; 7] = [
        ("/q/1", &[("action", "continue"), ("answer", "yes")], "/q/2"),
        ("/q/2", &[("action", "continue"), ("answer", "4")], "/q/3"),
        ("/q/3", &[("action", "skip")], "/q/4"),
        (
            "/q/4",
            &[("action", "continue"), ("answer", "sometimes")],
            "/q/5",
        ),
        (
            "/q/5",
            &[
                ("action", "continue"),
                ("answer", "More time please. Ring me on 07700 900123."),
            ],
            "/q/6",
        ),
        (
            "/q/6",
            &[("action", "continue"), ("answer", "torridge")],
            "/q/7",
        ),
        (
            "/q/7",
            &[("action", "continue"), ("answer", "parent-carer")],
            "/check",
        ),
    ];
    for (step, fields, next) in steps {
        let (status, path, _) = fill(&app, &client, &format!("{START}{step}"), fields).await;
        assert_eq!(status, 200, "{step}");
        assert_eq!(path, format!("{START}{next}"), "{step}");
    }

    let (_, check) = get(&app, &client, &format!("{START}/check")).await;
    assert!(check.contains("Check your answers"));
    assert!(
        check.contains("[phone number removed]"),
        "people see what we keep"
    );
    assert!(!check.contains("07700 900123"));
    assert!(check.contains("We took out names, phone numbers and addresses."));
    assert!(check.contains("Torridge"));

    let (status, path, thanks) = fill(&app, &client, &format!("{START}/check"), &[]).await;
    assert_eq!(
        (status, path.as_str()),
        (200, "/c/four-cornerstones/thanks")
    );
    assert!(thanks.contains("We got your answers."));
    assert!(
        thanks.contains("0800 1111"),
        "the thank-you page signposts help"
    );
    assert_eq!(count(&app).await, 1);

    // Sending again (a double tap, the back button) stores nothing more.
    let resend = client
        .post(app.url(&format!("{START}/check")))
        .form(&[("csrf", csrf(&check))])
        .send()
        .await
        .unwrap();
    assert_eq!(resend.url().path(), "/c/four-cornerstones/thanks");
    assert_eq!(count(&app).await, 1);
    // Back to the check page once sent: not a list of skipped questions, the thanks again.
    let back = client
        .get(app.url(&format!("{START}/check")))
        .send()
        .await
        .unwrap();
    assert_eq!(back.url().path(), "/c/four-cornerstones/thanks");

    let stored = app
        .state
        .store
        .submission(SubmissionId(1), &app.state.areas)
        .await
        .unwrap()
        .expect("stored");
    assert_eq!(stored.channel, Channel::Web);
    assert_eq!(stored.area.as_ref().map(|a| a.as_str()), Some("torridge"));
    assert_eq!(stored.group.map(|g| g.id()), Some("parent-carer"));
    assert_eq!(
        stored.outreach.as_ref().map(|o| o.as_str()),
        Some("poster-12")
    );
    assert!(!stored.flagged);
    let text = stored
        .answers
        .iter()
        .find_map(|a| match &a.value {
            AnswerValue::Text(t) => Some(t.as_str().to_owned()),
            _ => None,
        })
        .expect("a free-text answer");
    assert_eq!(text, "More time please. Ring me on [phone number removed].");
    assert!(stored
        .answers
        .iter()
        .any(|a| a.value == AnswerValue::Skipped));
    app.stop().await;
}

async fn errors_follow_the_govuk_pattern(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let client = browser();
    for (question, words) in [
        ("/q/1", "Choose one answer. Or press Skip this question."),
        ("/q/2", "Choose how you feel. Or press Skip this question."),
        ("/q/6", "Choose your area. Or press Skip this question."),
    ] {
        let (status, _, page) = fill(
            &app,
            &client,
            &format!("{START}{question}"),
            &[("action", "continue")],
        )
        .await;
        assert_eq!(status, 422, "{question}");
        assert!(
            page.contains("<title>Error: "),
            "{question}: title starts Error:"
        );
        assert!(page.contains("There is a problem"));
        assert!(page.contains("autofocus"), "the summary takes focus");
        assert!(
            page.contains(&format!("<a href=\"#answer\">{words}</a>")),
            "{question}"
        );
        assert!(
            page.contains(&format!(
                "<span class=\"visually-hidden\">Error:</span> {words}"
            )),
            "{question}: the same words beside the field"
        );
    }
    // The words box may be left empty: sent on empty, it is skipped, not an error.
    let (status, path, _) = fill(
        &app,
        &client,
        &format!("{START}/q/5"),
        &[("action", "continue"), ("answer", "  ")],
    )
    .await;
    assert_eq!((status, path.as_str()), (200, "/c/four-cornerstones/q/6"));
    let (_, check) = get(&app, &client, &format!("{START}/check")).await;
    assert!(check.contains("You skipped this"), "{check}");
    // A question never reached is not called skipped.
    assert!(check.contains("Not answered yet"), "{check}");
    // A postcode we cannot place is explained beside the postcode box.
    let (status, _, page) = fill(
        &app,
        &client,
        &format!("{START}/q/6"),
        &[("action", "continue"), ("postcode", "ZZ9 9ZZ")],
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("<a href=\"#postcode\">We cannot find that postcode."));
    assert!(page.contains("value=\"ZZ9 9ZZ\""), "what they typed stays");
    assert_eq!(count(&app).await, 0);
    app.stop().await;
}

async fn postcodes_find_the_area_or_ask(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let client = browser();
    let q6 = format!("{START}/q/6");
    // Each district says which towns it holds: children know their town, not its district.
    let (_, page) = get(&app, &client, &q6).await;
    assert!(
        page.contains(
            "Torridge<span class=\"option-detail\">Bideford, Great Torrington, Holsworthy</span>"
        ),
        "{page}"
    );
    // EX1 is split between Exeter and East Devon: heard asks which.
    let (status, path, page) = fill(
        &app,
        &client,
        &q6,
        &[("action", "continue"), ("postcode", "ex1")],
    )
    .await;
    assert_eq!((status, path.as_str()), (200, q6.as_str()));
    assert!(page.contains("Which of these is your area?"));
    assert!(page.contains("value=\"exeter\"") && page.contains("value=\"east-devon\""));
    assert!(
        !page.contains("value=\"torridge\""),
        "only the areas the postcode could be in"
    );
    let (_, path, _) = fill(
        &app,
        &client,
        &q6,
        &[("action", "continue"), ("answer", "east-devon")],
    )
    .await;
    assert_eq!(path, format!("{START}/q/7"));
    let (_, page) = get(&app, &client, &q6).await;
    // East Devon is first in the list, so its radio is the one the error summary links to.
    assert!(page.contains("value=\"east-devon\" id=\"answer\" checked"));

    // A full postcode finds its district; the postcode itself is not kept.
    let (_, path, _) = fill(
        &app,
        &client,
        &q6,
        &[("action", "continue"), ("postcode", "TQ12 4AB")],
    )
    .await;
    assert_eq!(path, format!("{START}/q/7"));
    let (_, check) = get(&app, &client, &format!("{START}/check")).await;
    assert!(check.contains("Teignbridge"));
    assert!(!check.contains("TQ12 4AB"));

    // An area picked and a postcode somewhere else: asked which, not guessed.
    let (status, path, page) = fill(
        &app,
        &client,
        &q6,
        &[
            ("action", "continue"),
            ("answer", "torridge"),
            ("postcode", "TQ12 4AB"),
        ],
    )
    .await;
    assert_eq!((status, path.as_str()), (422, q6.as_str()));
    assert!(
        page.contains("<a href=\"#postcode\">Your postcode is in a different area"),
        "{page}"
    );
    assert!(
        page.contains("value=\"TQ12 4AB\""),
        "what was typed is kept"
    );
    let (_, check) = get(&app, &client, &format!("{START}/check")).await;
    assert!(check.contains("Teignbridge"), "the answer before stands");
    // The same area both ways is simply that area.
    let (_, path, _) = fill(
        &app,
        &client,
        &q6,
        &[
            ("action", "continue"),
            ("answer", "teignbridge"),
            ("postcode", "TQ12 4AB"),
        ],
    )
    .await;
    assert_eq!(path, format!("{START}/q/7"));
    app.stop().await;
}

async fn forms_need_their_token(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let client = browser();
    get(&app, &client, &format!("{START}/q/1")).await;
    let response = client
        .post(app.url(&format!("{START}/q/1")))
        .form(&[
            ("csrf", "forged"),
            ("action", "continue"),
            ("answer", "yes"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("Sorry, we could not save that"));
    // A stranger's post, with no session at all, is refused too.
    let response = reqwest::Client::new()
        .post(app.url(&format!("{START}/check")))
        .form(&[("csrf", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert_eq!(count(&app).await, 0);
    app.stop().await;
}

async fn coming_back_a_day_later_resumes(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let client = browser();
    for (q, value) in [("1", "no"), ("2", "2"), ("3", "yes")] {
        fill(
            &app,
            &client,
            &format!("{START}/q/{q}"),
            &[("action", "continue"), ("answer", value)],
        )
        .await;
    }
    // The phone sleeps; a day passes.
    app.state.clock.advance(Duration::from_secs(24 * 3600));
    let (_, start) = get(&app, &client, START).await;
    assert!(start.contains("Carry on where you left off"));
    assert!(start.contains(&format!("href=\"{START}/q/4\"")));
    let (_, q1) = get(&app, &client, &format!("{START}/q/1")).await;
    assert!(
        q1.contains("value=\"no\" id=\"answer-no\" checked"),
        "answers kept"
    );
    let (_, q2) = get(&app, &client, &format!("{START}/q/2")).await;
    assert!(q2.contains("value=\"2\" id=\"answer-2\" checked"));

    // Thirty-one days of silence: the answers are gone and the start is fresh.
    app.state.clock.advance(Duration::from_secs(31 * 24 * 3600));
    let (_, start) = get(&app, &client, START).await;
    assert!(!start.contains("Carry on where you left off"));
    // And the hourly sweep clears them out of the database.
    let sessions = DbSessionStore::new(app.state.store.clone(), app.state.clock.clone());
    assert!(sessions.delete_expired().await.unwrap() >= 1);
    app.stop().await;
}

async fn progress_is_kept_thirty_days_from_the_last_visit(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let client = browser();
    fill(
        &app,
        &client,
        &format!("{START}/q/1"),
        &[("action", "continue"), ("answer", "no")],
    )
    .await;
    // Sixty days after the answer, but never twenty without a visit: still there.
    for _ in 0..3 {
        app.state.clock.advance(Duration::from_secs(20 * 24 * 3600));
        let (_, start) = get(&app, &client, START).await;
        assert!(start.contains("Carry on where you left off"), "{start}");
    }
    // A visit is written once a day, not on every page.
    let written = expiry(&app).await;
    get(&app, &client, START).await;
    get(&app, &client, &format!("{START}/q/1")).await;
    assert_eq!(expiry(&app).await, written);
    // Thirty-one days without one: gone.
    app.state.clock.advance(Duration::from_secs(31 * 24 * 3600));
    let (_, start) = get(&app, &client, START).await;
    assert!(!start.contains("Carry on where you left off"));
    app.stop().await;
}

/// A returning visitor's page keeps their session for another 30 days; when the database is
/// busy (another process holds SQLite's write lock past heard's busy time-out) that save
/// fails after the page is made. The person still gets a kind page in their language, never
/// an empty one.
#[tokio::test]
async fn sqlite_a_visit_the_busy_database_cannot_keep_gets_a_kind_page() {
    let app = spawn_app(TestBackend::Sqlite).await;
    let client = browser();
    fill(
        &app,
        &client,
        &format!("{START}/q/1"),
        &[("action", "continue"), ("answer", "no")],
    )
    .await;
    // Another day: this visit writes the session again.
    app.state.clock.advance(Duration::from_secs(24 * 3600));
    let lock = WriteLock::take(&app.database_url).await;
    let response = client.get(app.url(START)).send().await.unwrap();
    let status = response.status().as_u16();
    let kind = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let page = response.text().await.unwrap();
    lock.release().await;
    assert!(status >= 500, "{status}");
    assert!(
        kind.starts_with("text/html"),
        "a page, not an empty answer: {kind:?}"
    );
    assert!(page.contains("Please try again"), "{page}");
    // Once the lock is gone the visit is kept.
    let (_, start) = get(&app, &client, START).await;
    assert!(start.contains("Carry on where you left off"), "{start}");
    app.stop().await;
}

/// When the sessions in the database expire.
async fn expiry(app: &TestApp) -> Vec<i64> {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(&app.database_url)
        .await
        .unwrap();
    sqlx::query_scalar::<_, i64>("SELECT expires_at FROM sessions ORDER BY id")
        .fetch_all(&mut conn)
        .await
        .unwrap()
}

async fn languages_and_headers(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let client = browser();
    let polish = client
        .get(app.url(START))
        .header("accept-language", "pl-PL,pl;q=0.9,en;q=0.5")
        .send()
        .await
        .unwrap();
    let headers = polish.headers().clone();
    let page = polish.text().await.unwrap();
    assert!(page.contains("<html lang=\"pl\" dir=\"ltr\""));
    assert!(page.contains("Cztery filary"));

    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("default-src 'self'") && !csp.contains("unsafe-inline"));
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "no-referrer");
    assert_eq!(headers["x-frame-options"], "DENY");
    // No page with someone's answers is kept for the next person on a shared device.
    assert_eq!(headers["cache-control"], "no-store");
    let css = client
        .get(app.url("/static/heard.css"))
        .send()
        .await
        .unwrap();
    assert_ne!(css.headers()["cache-control"], "no-store");

    // The switcher remembers the choice and comes back to the same page.
    let switched = client
        .get(app.url(&format!("/language/ar?next={START}")))
        .send()
        .await
        .unwrap();
    assert_eq!(switched.url().path(), START);
    assert!(switched
        .text()
        .await
        .unwrap()
        .contains("<html lang=\"ar\" dir=\"rtl\""));
    let (_, about) = get(&app, &client, "/about").await;
    assert!(about.contains("dir=\"rtl\""), "the choice is remembered");
    assert!(about.contains("OpenMoji"));

    // Never an open redirect.
    let away = browser()
        .get(app.url("/language/pl?next=//example.com/"))
        .send()
        .await
        .unwrap();
    assert_eq!(away.url().path(), "/");
    assert_eq!(away.url().host_str(), Some("127.0.0.1"));
    // Nor a 500 for an address a header cannot carry: such a `next` goes to the first page.
    for next in [
        "/c/%00",
        "/c/%0D%0ASet-Cookie:%20x=1",
        "/c/%C3%A9",
        "/%5Cexample.com",
    ] {
        let back = browser()
            .get(app.url(&format!("/language/pl?next={next}")))
            .send()
            .await
            .unwrap();
        assert_eq!(back.status(), 200, "{next}");
        assert_eq!(back.url().path(), "/", "{next}");
    }

    // Compressed when the browser asks.
    let raw = reqwest::Client::builder().no_gzip().build().unwrap();
    let css = raw
        .get(app.url("/static/heard.css"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(css.headers()["content-encoding"], "gzip");
    let picture = raw.get(app.url("/pictures/yes.svg")).send().await.unwrap();
    assert_eq!(picture.headers()["content-type"], "image/svg+xml");
    // Files are compressed once, at their smallest, and compressed no further on the way
    // out; a browser whose copy is current gets a 304.
    let plain = include_str!("../assets/heard.css");
    for (coding, accept) in [("br", "gzip, deflate, br, zstd"), ("gzip", "gzip, br;q=0")] {
        let css = raw
            .get(app.url("/static/heard.css"))
            .header("accept-encoding", accept)
            .send()
            .await
            .unwrap();
        assert_eq!(css.status(), 200);
        assert_eq!(css.headers()["content-encoding"], coding);
        assert_eq!(css.headers()["vary"], "accept-encoding");
        assert!(css.headers().contains_key("x-content-type-options"));
        let etag = css.headers()["etag"].clone();
        let body = css.bytes().await.unwrap();
        let mut unpacked = Vec::new();
        if coding == "br" {
            brotli::BrotliDecompress(&mut &body[..], &mut unpacked).unwrap();
        } else {
            let mut gz = flate2::read::GzDecoder::new(&body[..]);
            std::io::Read::read_to_end(&mut gz, &mut unpacked).unwrap();
        }
        assert_eq!(unpacked, plain.as_bytes(), "{coding}");
        let again = raw
            .get(app.url("/static/heard.css"))
            .header("accept-encoding", accept)
            .header("if-none-match", etag.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), 304, "{coding}");
        assert_eq!(again.headers()["etag"], etag);
        assert!(again.bytes().await.unwrap().is_empty());
    }
    let css = raw.get(app.url("/static/heard.css")).send().await.unwrap();
    assert!(css.headers().get("content-encoding").is_none());
    assert_eq!(css.text().await.unwrap(), plain);
    let (status, page) = get(&app, &client, "/no/such/page").await;
    assert_eq!(status, 404);
    assert!(
        page.contains("dir=\"rtl\""),
        "even the 404 page is in their language"
    );
    app.stop().await;
}

async fn too_many_posts_get_a_kind_429(backend: TestBackend) {
    let app = spawn_app_with(backend, &[("HEARD_FORM_POSTS_PER_MINUTE", "3")]).await;
    let client = browser();
    let q1 = format!("{START}/q/1");
    for _ in 0..3 {
        let (status, _, _) = fill(
            &app,
            &client,
            &q1,
            &[("action", "continue"), ("answer", "yes")],
        )
        .await;
        assert_eq!(status, 200);
    }
    let (status, _, page) = fill(
        &app,
        &client,
        &q1,
        &[("action", "continue"), ("answer", "no")],
    )
    .await;
    assert_eq!(status, 429);
    assert!(page.contains("Please wait a minute"));
    // The answer refused was not kept, and the page says so; the ones before it were.
    assert!(page.contains("We could not save this answer."));
    assert!(page.contains("Your other answers are saved."));
    // Reading pages has its own, much higher limit.
    assert_eq!(get(&app, &client, &q1).await.0, 200);
    app.stop().await;
}

/// The submission stored with this id; the test fails if there is none.
async fn submission(app: &TestApp, id: i64) -> heard::domain::Submission {
    app.state
        .store
        .submission(SubmissionId(id), &app.state.areas)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no submission {id}"))
}

async fn words_of_risk_signpost_help_and_flag(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let client = browser();
    let (_, path, next) = fill(
        &app,
        &client,
        &format!("{START}/q/5"),
        &[
            ("action", "continue"),
            ("answer", "i dont feel safe at home. my dad hits me"),
        ],
    )
    .await;
    // The very next page signposts help, calmly, once.
    assert_eq!(path, format!("{START}/q/6"));
    assert!(next.contains("Thank you for telling us"));
    assert!(next.contains("0800 1111") && next.contains("999"));
    // Both numbers can be called from the page, and the help is announced as it appears.
    assert!(next.contains("href=\"tel:999\"") && next.contains("href=\"tel:08001111\""));
    assert!(next.contains("class=\"signpost\" role=\"status\""));
    let (_, again) = get(&app, &client, &format!("{START}/q/6")).await;
    assert!(!again.contains("Thank you for telling us"));
    // The lead hears of it now, not only if the form is sent: a child who says this and
    // closes the page is still heard.
    let early = submission(&app, 1).await;
    assert!(early.flagged);
    assert_eq!(app.state.store.flagged_queue().await.unwrap().len(), 1);

    fill(
        &app,
        &client,
        &format!("{START}/q/6"),
        &[("action", "continue"), ("answer", "exeter")],
    )
    .await;
    fill(
        &app,
        &client,
        &format!("{START}/q/7"),
        &[("action", "continue"), ("answer", "young-person")],
    )
    .await;
    let (_, _, thanks) = fill(&app, &client, &format!("{START}/check"), &[]).await;
    assert!(thanks.contains("Thank you for telling us"));
    let stored = submission(&app, 1).await;
    assert!(stored.flagged, "marked for the safeguarding lead");
    // Nothing else about the person changes.
    assert_eq!(stored.area.as_ref().map(|a| a.as_str()), Some("exeter"));
    assert_eq!(stored.respondent, None);
    // Sending filled in the view stored early: it counts once, with every answer.
    assert_eq!(count(&app).await, 1);
    assert!(stored.answers.iter().any(|a| matches!(
        &a.value,
        AnswerValue::Text(t) if t.as_str().contains("hits me")
    )));

    // Someone who takes the words back before sending is still the lead's to see: a flag
    // once raised is not taken down, and the view is still counted once.
    let regrets = browser();
    let q5 = format!("{START}/q/5");
    fill(
        &app,
        &regrets,
        &q5,
        &[
            ("action", "continue"),
            ("answer", "he said he will kill me if i tell"),
        ],
    )
    .await;
    fill(
        &app,
        &regrets,
        &format!("{q5}?from=check"),
        &[("action", "continue"), ("answer", "it is fine")],
    )
    .await;
    fill(&app, &regrets, &format!("{START}/check"), &[]).await;
    let taken_back = submission(&app, 2).await;
    assert!(taken_back.flagged);
    assert_eq!(count(&app).await, 2);

    // Someone else's ordinary answer is not flagged.
    let other = browser();
    fill(
        &app,
        &other,
        &format!("{START}/q/5"),
        &[
            ("action", "continue"),
            ("answer", "The forms take too long."),
        ],
    )
    .await;
    let (_, _, thanks) = fill(&app, &other, &format!("{START}/check"), &[]).await;
    assert!(!thanks.contains("Thank you for telling us"));
    let second = submission(&app, 3).await;
    assert!(!second.flagged);
    app.stop().await;
}

/// Every `aria-describedby` in `html` names ids that are on the page, and none is empty.
fn described_by_ids_exist(html: &str, page: &str) {
    for (at, _) in html.match_indices("aria-describedby=\"") {
        let rest = &html[at + "aria-describedby=\"".len()..];
        let value = &rest[..rest.find('"').unwrap()];
        assert!(
            !value.trim().is_empty(),
            "{page}: an empty aria-describedby"
        );
        for id in value.split_whitespace() {
            assert!(
                html.contains(&format!("id=\"{id}\"")),
                "{page}: aria-describedby names #{id}, which is not on the page"
            );
        }
    }
}

async fn markup_a_review_asked_for(backend: TestBackend) {
    let app = spawn_app_with(backend, &[("HEARD_FORM_POSTS_PER_MINUTE", "1")]).await;
    let client = browser();

    // A site icon, so browsers do not log a 404 for it.
    for path in ["/favicon.ico", "/favicon.svg"] {
        let icon = client.get(app.url(path)).send().await.unwrap();
        assert_eq!(icon.status(), 200, "{path}");
        assert_eq!(icon.headers()["content-type"], "image/svg+xml", "{path}");
    }
    let (_, home) = get(&app, &client, "/").await;
    assert!(home.contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"));
    // The site's name once, not "Have your say – Have your say".
    assert!(home.contains("<title>Have your say</title>"), "{home}");

    // No empty or dangling aria-describedby, with and without an error showing.
    for n in 1..=7 {
        let path = format!("{START}/q/{n}");
        let (_, page) = get(&app, &client, &path).await;
        described_by_ids_exist(&page, &path);
    }
    let (status, _, error) = fill(
        &app,
        &client,
        &format!("{START}/q/1"),
        &[("action", "continue")],
    )
    .await;
    assert_eq!(status, 422);
    described_by_ids_exist(&error, "question 1 with its error");
    assert!(error.contains("aria-describedby=\"answer-hint answer-error\""));

    // Right to left: the number to call keeps its digits in order, is said in words first,
    // and has a phone beside it; the "skip" arrow is turned round.
    client
        .get(app.url("/language/ar?next=/"))
        .send()
        .await
        .unwrap();
    let (_, about) = get(&app, &client, "/about").await;
    assert!(about.contains("<html lang=\"ar\" dir=\"rtl\""));
    assert!(about.contains(
        "<img src=\"/pictures/phone.svg\" alt=\"\" width=\"64\" height=\"64\"><span>يمكنك الاتصال مجانًا بخط Childline. رقمهم هو: <a href=\"tel:08001111\" dir=\"ltr\">0800 1111</a></span>"
    ));
    // The pictures' credit and licence: a list, a link an item.
    assert!(
        about.contains("<ul class=\"links\">\n<li><a href=\"https://openmoji.org\" lang=\"en\">")
    );
    assert!(about.contains(
        "</a></li>\n<li><a href=\"https://creativecommons.org/licenses/by-sa/4.0/\" lang=\"en\">CC BY-SA 4.0</a></li>\n</ul>"
    ));
    let (_, start) = get(&app, &client, START).await;
    assert!(start.contains(
        "<img src=\"/pictures/skip.svg\" alt=\"\" width=\"64\" height=\"64\" class=\"mirror\">"
    ));
    assert!(include_str!("../assets/heard.css")
        .contains("[dir=\"rtl\"] .mirror { transform: scaleX(-1); }"));

    // Error pages: their language links come back to "/", never to the path that failed.
    let (status, missing) = get(&app, &client, "/no/such/page").await;
    assert_eq!(status, 404);
    assert!(
        missing.contains("href=\"/language/pl?next=/\""),
        "{missing}"
    );
    assert!(!missing.contains("next=/no"));
    let (_, _, slow) = fill(
        &app,
        &client,
        &format!("{START}/q/1"),
        &[("action", "continue")],
    )
    .await;
    assert!(slow.contains("href=\"/language/en-GB?next=/\""), "{slow}");
    assert!(slow.contains("<p class=\"links\"><a href=\"/\">"));
    app.stop().await;
}

/// An outreach code comes from a link anyone can edit: one made per person (a phone number,
/// a name, a postcode) is neither kept in the session nor stored with the view.
async fn outreach_codes_that_could_name_someone_are_dropped(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let personal = [
        "07700900555",
        "9434765919",
        "ex43qt",
        "aisha-khan",
        "oliver",
        "qr-aisha-khan-2014",
        "mum-of-tyler-tregear",
    ];
    let kept = [
        "poster-12",
        "qr-exeter-library",
        "digest",
        "facebook-advert",
    ];
    for (n, via) in personal.iter().chain(kept.iter()).enumerate() {
        let client = browser();
        let (status, _) = get(&app, &client, &format!("{START}?area=torridge&via={via}")).await;
        assert_eq!(status, 200, "{via}");
        let steps: [Step; 1] = [("/q/1", &[("action", "continue"), ("answer", "yes")], "/q/2")];
        for (step, fields, next) in steps {
            let (_, path, _) = fill(&app, &client, &format!("{START}{step}"), fields).await;
            assert_eq!(path, format!("{START}{next}"), "{via}");
        }
        let (status, path, _) = fill(&app, &client, &format!("{START}/check"), &[]).await;
        assert_eq!(
            (status, path.as_str()),
            (200, "/c/four-cornerstones/thanks")
        );
        let stored = app
            .state
            .store
            .submission(SubmissionId(n as i64 + 1), &app.state.areas)
            .await
            .unwrap()
            .expect("stored");
        let outreach = stored.outreach.as_ref().map(|o| o.as_str());
        if kept.contains(via) {
            assert_eq!(outreach, Some(*via));
        } else {
            assert_eq!(outreach, None, "{via} was kept");
        }
    }
    let dir = app.stop().await;
    let bytes = String::from_utf8_lossy(&common::database_bytes(dir.path())).into_owned();
    for via in personal {
        assert!(!bytes.contains(via), "{via} is in the database");
    }
}

/// "Save and come back later" keeps what is on the page: a choice made or words typed and
/// not yet sent are there when the person comes back (found by a black-box test: the link
/// it was dropped them).
async fn save_for_later_keeps_what_is_on_the_page(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let client = browser();
    let (status, _) = get(&app, &client, START).await;
    assert_eq!(status, 200);
    let save = |answer: &'static str| vec![("action", "save"), ("answer", answer)];
    let (status, path, saved) = fill(&app, &client, &format!("{START}/q/1"), &save("yes")).await;
    assert_eq!((status, path.as_str()), (200, "/c/four-cornerstones/saved"));
    assert!(saved.contains("saved"), "{saved}");
    let (_, q1) = get(&app, &client, &format!("{START}/q/1")).await;
    assert!(q1.contains("value=\"yes\" id=\"answer\" checked"), "{q1}");
    let words = "The taxi is late most days.";
    let (_, path, _) = fill(&app, &client, &format!("{START}/q/5"), &save(words)).await;
    assert_eq!(path, "/c/four-cornerstones/saved");
    let (_, q5) = get(&app, &client, &format!("{START}/q/5")).await;
    assert!(q5.contains(words), "{q5}");
    // Nothing chosen: nothing changes, and they are told what is kept.
    let (_, path, _) = fill(
        &app,
        &client,
        &format!("{START}/q/3"),
        &[("action", "save")],
    )
    .await;
    assert_eq!(path, "/c/four-cornerstones/saved");
    // Too long to keep: shown again with its error, the words still in the box.
    let long = "a".repeat(5_001);
    let too_long = vec![("action", "save"), ("answer", long.as_str())];
    let (_, path, page) = fill(&app, &client, &format!("{START}/q/5"), &too_long).await;
    assert_eq!(path, "/c/four-cornerstones/q/5");
    assert!(page.contains("error-summary"), "{page}");
    app.stop().await;
}

on_both_backends!(
    save_for_later_keeps_what_is_on_the_page,
    outreach_codes_that_could_name_someone_are_dropped,
    markup_a_review_asked_for,
    words_of_risk_signpost_help_and_flag,
    whole_form_is_stored_once,
    errors_follow_the_govuk_pattern,
    postcodes_find_the_area_or_ask,
    forms_need_their_token,
    coming_back_a_day_later_resumes,
    progress_is_kept_thirty_days_from_the_last_visit,
    languages_and_headers,
    too_many_posts_get_a_kind_429,
);
