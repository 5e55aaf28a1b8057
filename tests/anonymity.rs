//! After submissions whose text and identifiers carry phone numbers, email addresses and
//! postcodes, none of those strings is anywhere in the SQLite database's bytes.

mod common;

use chrono::NaiveDate;
use common::{spawn_app, TestBackend};
use heard::domain::area::PostcodeLookup;
use heard::domain::consultation::Slug;
use heard::domain::{Answer, AnswerValue, Channel, QuestionKind, RespondentGroup, Submission};
use heard::ingest::ingest;
use heard::privacy::{scrub, Identifier};

const PHONES: &[&str] = &["07700 900123", "+44 7700 900456", "(01632) 960789"];
const EMAILS: &[&str] = &["sam.parent@example.org", "jo_carer+views@example.com"];
const POSTCODES: &[&str] = &["EX39 1AB", "TQ12 4AB", "EX4 6PX"];
const NAMES: &[&str] = &["Oliver Pengelly", "Aisha Trewin"];

/// Every form a leaked identifier could take in the file.
fn forbidden() -> Vec<String> {
    let mut out = Vec::new();
    for phone in PHONES {
        let digits: String = phone.chars().filter(|c| c.is_ascii_digit()).collect();
        let national = digits
            .trim_start_matches("44")
            .trim_start_matches('0')
            .to_owned();
        out.extend([
            phone.to_string(),
            digits.clone(),
            national.clone(),
            format!("+44{national}"),
        ]);
    }
    for email in EMAILS {
        out.push(email.to_string());
        out.push(email.to_uppercase());
        out.push(email.split('@').next().unwrap().to_string());
    }
    for postcode in POSTCODES {
        out.push(postcode.to_string());
        out.push(postcode.replace(' ', ""));
    }
    for name in NAMES {
        out.extend(name.split(' ').map(str::to_owned));
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn database_holds_no_identifiers() {
    let app = spawn_app(TestBackend::Sqlite).await;
    let stored = app
        .state
        .store
        .consultation("four-cornerstones")
        .await
        .unwrap()
        .unwrap();
    let free_text = stored
        .consultation
        .questions
        .iter()
        .find(|q| matches!(q.kind, QuestionKind::FreeText))
        .expect("the demo asks a free-text question");
    let day: NaiveDate = stored.consultation.opens_on;

    let mut n = 0;
    for (i, phone) in PHONES.iter().enumerate() {
        for email in EMAILS {
            for postcode in POSTCODES {
                n += 1;
                let name = NAMES[n as usize % NAMES.len()];
                let text = format!(
                    "My son {name} is 9. Call me on {phone} or email {email}. \
                     We live at {postcode}, it is hard to get to school."
                );
                let area = match app.state.areas.lookup_postcode(postcode) {
                    PostcodeLookup::Found(area) => Some(area),
                    _ => None,
                };
                let identifier = if i % 2 == 0 {
                    Identifier::phone(phone).unwrap()
                } else {
                    Identifier::email(email).unwrap()
                };
                let submission = Submission {
                    consultation: Slug::parse("four-cornerstones").unwrap(),
                    channel: if i % 2 == 0 {
                        Channel::Sms
                    } else {
                        Channel::Email
                    },
                    area,
                    group: Some(RespondentGroup::ParentCarer),
                    answers: vec![Answer {
                        question: free_text.id.clone(),
                        value: AnswerValue::Text(scrub(&text)),
                    }],
                    received_on: day,
                    // Message-IDs can carry an address: only their keyed digest is kept.
                    provider_ref: Some(
                        app.state
                            .pseudonymiser
                            .provider_ref(Channel::Email, &format!("<{n}.{email}>")),
                    ),
                    respondent: Some(app.state.pseudonymiser.pseudonym(&identifier)),
                    outreach: None,
                    flagged: false,
                };
                assert!(ingest(&app.state.store, &submission).await.unwrap().new);
            }
        }
    }
    assert_eq!(
        app.state
            .store
            .submission_count("four-cornerstones")
            .await
            .unwrap(),
        n
    );

    let dir = app.stop().await;
    let bytes = common::database_bytes(dir.path());
    assert!(bytes.len() > 4096, "the database was written");
    let haystack = String::from_utf8_lossy(&bytes).to_lowercase();
    assert!(
        haystack.contains("hard to get to school"),
        "the view itself was kept"
    );
    for needle in forbidden() {
        assert!(
            !haystack.contains(&needle.to_lowercase()),
            "{needle:?} found in the database file"
        );
    }
}

/// The same through the web form, including a form left half done: what a person types is
/// scrubbed before even their unsent progress is saved, and a postcode is never kept.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn web_form_progress_holds_no_identifiers() {
    let app = spawn_app(TestBackend::Sqlite).await;
    let start = "/c/four-cornerstones";
    for (i, postcode) in POSTCODES.iter().enumerate() {
        let client = common::browser();
        let text = format!(
            "My daughter {} is 12. Text {} or email {}.",
            NAMES[i % NAMES.len()],
            PHONES[i % PHONES.len()],
            EMAILS[i % EMAILS.len()]
        );
        let q5 = [("action", "continue"), ("answer", text.as_str())];
        common::fill(&app, &client, &format!("{start}/q/5"), &q5).await;
        let q6 = [("action", "continue"), ("postcode", *postcode)];
        common::fill(&app, &client, &format!("{start}/q/6"), &q6).await;
        // The first person sends; the others leave their answers saved for later.
        if i == 0 {
            let (status, path, _) =
                common::fill(&app, &client, &format!("{start}/check"), &[]).await;
            assert_eq!(
                (status, path.as_str()),
                (200, "/c/four-cornerstones/thanks")
            );
        }
    }
    assert_eq!(
        app.state
            .store
            .submission_count("four-cornerstones")
            .await
            .unwrap(),
        1
    );
    let dir = app.stop().await;
    let bytes = common::database_bytes(dir.path());
    let haystack = String::from_utf8_lossy(&bytes).to_lowercase();
    assert!(
        haystack.contains("[phone number removed]"),
        "scrubbed progress was saved"
    );
    for needle in forbidden() {
        assert!(
            !haystack.contains(&needle.to_lowercase()),
            "{needle:?} found in the database file"
        );
    }
}
