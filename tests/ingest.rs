//! The one ingestion path, on both backends: stores what it is given, once.

mod common;

use chrono::NaiveDate;
use common::{spawn_app, TestApp, TestBackend};
use heard::domain::consultation::Slug;
use heard::domain::submission::Feeling;
use heard::domain::{Answer, AnswerValue, Channel, QuestionKind, RespondentGroup, Submission};
use heard::ingest::{ingest, IngestError};
use heard::privacy::{scrub, Identifier};

const DEMO: &str = "four-cornerstones";

async fn demo_submission(app: &TestApp, channel: Channel, provider_id: Option<&str>) -> Submission {
    let stored = app
        .state
        .store
        .consultation(DEMO)
        .await
        .unwrap()
        .expect("demo loaded");
    let answers = stored
        .consultation
        .questions
        .iter()
        .filter_map(|q| {
            let value = match &q.kind {
                QuestionKind::SingleChoice { options } => {
                    AnswerValue::Choice(options[0].id.clone())
                }
                QuestionKind::Feelings => AnswerValue::Feeling(Feeling::new(4).unwrap()),
                QuestionKind::FreeText => {
                    AnswerValue::Text(scrub("More time to explain things, please."))
                }
                QuestionKind::Area | QuestionKind::Group => return None,
            };
            Some(Answer {
                question: q.id.clone(),
                value,
            })
        })
        .collect();
    Submission {
        consultation: Slug::parse(DEMO).unwrap(),
        channel,
        area: app.state.areas.id("torridge"),
        group: Some(RespondentGroup::ParentCarer),
        answers,
        received_on: stored.consultation.opens_on,
        provider_ref: provider_id.map(|id| app.state.pseudonymiser.provider_ref(channel, id)),
        respondent: Some(
            app.state
                .pseudonymiser
                .pseudonym(&Identifier::phone("07700 900123").unwrap()),
        ),
        outreach: None,
        flagged: false,
    }
}

async fn round_trip(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let submission = demo_submission(&app, Channel::Sms, Some("SM0001")).await;
    assert!(
        submission.answers.len() >= 3,
        "the demo has choice, feelings and text questions"
    );
    let ingested = ingest(&app.state.store, &submission).await.unwrap();
    assert!(ingested.new);
    let back = app
        .state
        .store
        .submission(ingested.id, &app.state.areas)
        .await
        .unwrap()
        .expect("stored");
    assert_eq!(back.consultation, submission.consultation);
    assert_eq!(back.channel, Channel::Sms);
    assert_eq!(back.area, submission.area);
    assert_eq!(back.group, submission.group);
    assert_eq!(back.received_on, submission.received_on);
    assert_eq!(back.respondent, submission.respondent);
    let mut expected = submission.answers.clone();
    expected.sort_by(|a, b| a.question.cmp(&b.question));
    assert_eq!(back.answers, expected);
    app.stop().await;
}

async fn same_provider_id_twice_stores_once(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let submission = demo_submission(&app, Channel::Sms, Some("SM0002")).await;
    let first = ingest(&app.state.store, &submission).await.unwrap();
    let second = ingest(&app.state.store, &submission).await.unwrap();
    assert!(first.new);
    assert!(!second.new);
    assert_eq!(first.id, second.id);
    assert_eq!(app.state.store.submission_count(DEMO).await.unwrap(), 1);

    // The same id on another channel is another message.
    let email = demo_submission(&app, Channel::Email, Some("SM0002")).await;
    assert!(ingest(&app.state.store, &email).await.unwrap().new);
    assert_eq!(app.state.store.submission_count(DEMO).await.unwrap(), 2);
    app.stop().await;
}

async fn concurrent_duplicates_store_once(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let submission = demo_submission(&app, Channel::Sms, Some("SM0003")).await;
    let tasks: Vec<_> = (0..16)
        .map(|_| {
            let store = app.state.store.clone();
            let submission = submission.clone();
            tokio::spawn(async move { ingest(&store, &submission).await })
        })
        .collect();
    let mut results = Vec::new();
    for task in tasks {
        results.push(task.await.unwrap().expect("every delivery is acknowledged"));
    }
    assert_eq!(results.iter().filter(|r| r.new).count(), 1);
    assert!(results.iter().all(|r| r.id == results[0].id));
    assert_eq!(app.state.store.submission_count(DEMO).await.unwrap(), 1);

    // Distinct ids, concurrently: every one is kept.
    let tasks: Vec<_> = (0..16)
        .map(|i| {
            let store = app.state.store.clone();
            let mut submission = submission.clone();
            submission.provider_ref = Some(
                app.state
                    .pseudonymiser
                    .provider_ref(Channel::Sms, &format!("SMx{i}")),
            );
            tokio::spawn(async move { ingest(&store, &submission).await })
        })
        .collect();
    for task in tasks {
        assert!(task.await.unwrap().unwrap().new);
    }
    assert_eq!(app.state.store.submission_count(DEMO).await.unwrap(), 17);
    app.stop().await;
}

async fn submissions_without_provider_ids_are_separate(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let submission = demo_submission(&app, Channel::Web, None).await;
    let a = ingest(&app.state.store, &submission).await.unwrap();
    let b = ingest(&app.state.store, &submission).await.unwrap();
    assert!(a.new && b.new);
    assert_ne!(a.id, b.id);
    app.stop().await;
}

async fn bad_submissions_are_refused(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let good = demo_submission(&app, Channel::Event, Some("row-1")).await;

    let mut unknown = good.clone();
    unknown.consultation = Slug::parse("no-such-thing").unwrap();
    assert!(matches!(
        ingest(&app.state.store, &unknown).await,
        Err(IngestError::UnknownConsultation(_))
    ));

    let mut closed = good.clone();
    closed.received_on = NaiveDate::from_ymd_opt(2001, 1, 1).unwrap();
    assert!(matches!(
        ingest(&app.state.store, &closed).await,
        Err(IngestError::Closed(_))
    ));

    let mut wrong_question = good.clone();
    wrong_question.answers[0].question = Slug::parse("not-a-question").unwrap();
    assert!(matches!(
        ingest(&app.state.store, &wrong_question).await,
        Err(IngestError::Invalid(_))
    ));

    let mut wrong_kind = good.clone();
    wrong_kind.answers[0].value = AnswerValue::Feeling(Feeling::new(1).unwrap());
    wrong_kind.answers[1].value = AnswerValue::Choice(Slug::parse("nope").unwrap());
    assert!(matches!(
        ingest(&app.state.store, &wrong_kind).await,
        Err(IngestError::Invalid(_))
    ));

    let mut twice = good.clone();
    twice.answers.push(twice.answers[0].clone());
    assert!(matches!(
        ingest(&app.state.store, &twice).await,
        Err(IngestError::Invalid(_))
    ));

    assert_eq!(app.state.store.submission_count(DEMO).await.unwrap(), 0);
    app.stop().await;
}

async fn ingestion_flags_words_of_risk_whatever_the_channel(backend: TestBackend) {
    let app = spawn_app(backend).await;
    let mut submission = demo_submission(&app, Channel::Email, Some("<m1@example.org>")).await;
    for answer in &mut submission.answers {
        if matches!(answer.value, AnswerValue::Text(_)) {
            answer.value = AnswerValue::Text(scrub("Sometimes I want to die. Nobody listens."));
        }
    }
    assert!(!submission.flagged, "the channel did not notice");
    let ingested = ingest(&app.state.store, &submission).await.unwrap();
    let back = app
        .state
        .store
        .submission(ingested.id, &app.state.areas)
        .await
        .unwrap()
        .unwrap();
    assert!(back.flagged);
    app.stop().await;
}

on_both_backends!(
    ingestion_flags_words_of_risk_whatever_the_channel,
    round_trip,
    same_provider_id_twice_stores_once,
    concurrent_duplicates_store_once,
    submissions_without_provider_ids_are_separate,
    bad_submissions_are_refused,
);
