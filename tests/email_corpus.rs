//! The email corpus (`tests/data/emails/`): each realistic message, read by the email channel,
//! gives exactly the stored text, area, group, consultation and reply language its `.toml`
//! beside it says. Run with `HEARD_CORPUS_DUMP=1 -- --nocapture` to print what is read.

mod common;

use common::mail_corpus::{corpus, school_transport_source};
use heard::channels::email::{self, mime::Kind, understand};
use heard::domain::{Areas, Consultation};

#[test]
fn corpus_is_big_enough() {
    assert!(corpus().len() >= 20);
}

#[test]
fn every_email_reads_as_expected() {
    let areas = Areas::devon();
    let consultations = vec![
        Consultation::demo(),
        Consultation::parse(&school_transport_source()).unwrap(),
    ];
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let dump = std::env::var_os("HEARD_CORPUS_DUMP").is_some();
    let mut failures = Vec::new();
    for (name, raw, expected) in corpus() {
        let reading = email::read(&areas, &raw).unwrap_or_else(|e| panic!("{name}: {e}"));
        let stored = reading.email.kind == Kind::Person && !reading.text.trim().is_empty();
        let text = reading.stored_text().into_string();
        let area = reading.area.as_ref().map(|a| a.to_string());
        let group = reading.group.map(|g| g.id().to_owned());
        let consultation = understand::choose_consultation(
            &consultations,
            &reading.email.recipients,
            &reading.email.subject,
            day,
        )
        .map(|c| c.slug.to_string())
        .unwrap_or_default();
        let flagged = heard::safeguarding::assess(&reading.text).is_some();
        let may_reply = !reading.email.no_reply;
        if dump {
            println!(
                "== {name}\nstored = {stored}\ntext = {text:?}\narea = {area:?}\ngroup = {group:?}\nconsultation = {consultation:?}\nlocale = {:?}\nattachments = {}\nflagged = {flagged}\nmay_reply = {may_reply}\n",
                reading.locale.tag(),
                reading.email.attachments
            );
        }
        let mut check = |what: &str, ok: bool, got: String| {
            if !ok {
                failures.push(format!("{name}: {what}: got {got}"));
            }
        };
        check("stored", stored == expected.stored, stored.to_string());
        check(
            "may_reply",
            may_reply == expected.may_reply,
            may_reply.to_string(),
        );
        if expected.stored {
            check(
                "text",
                text == expected.text.trim_end(),
                format!("{text:?}"),
            );
            check("area", area == expected.area, format!("{area:?}"));
            check("group", group == expected.group, format!("{group:?}"));
            check(
                "consultation",
                consultation == expected.consultation,
                consultation.clone(),
            );
            check(
                "locale",
                reading.locale.tag() == expected.locale,
                reading.locale.tag().to_owned(),
            );
            check(
                "attachments",
                reading.email.attachments == expected.attachments,
                reading.email.attachments.to_string(),
            );
            check("flagged", flagged == expected.flagged, flagged.to_string());
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
