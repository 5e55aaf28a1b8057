//! The email corpus (`tests/data/emails/`): each realistic message, read by the email channel,
//! gives exactly the stored text, area, group, consultation and reply language its `.toml`
//! beside it says. Run with `HEARD_CORPUS_DUMP=1 -- --nocapture` to print what is read.

use std::path::{Path, PathBuf};

use heard::channels::email::{self, mime::Kind, understand};
use heard::domain::consultation::DEMO_SOURCE;
use heard::domain::{Areas, Consultation};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    /// False for messages that are not views (automatic replies, bounces).
    pub stored: bool,
    #[serde(default)]
    pub text: String,
    pub area: Option<String>,
    pub group: Option<String>,
    #[serde(default = "default_consultation")]
    pub consultation: String,
    #[serde(default = "default_locale")]
    pub locale: String,
    #[serde(default)]
    pub attachments: usize,
    #[serde(default)]
    pub flagged: bool,
    /// Whether heard may answer it at all (not automatic or list mail).
    #[serde(default = "yes")]
    pub may_reply: bool,
}

fn default_consultation() -> String {
    "four-cornerstones".into()
}
fn default_locale() -> String {
    "en-GB".into()
}
fn yes() -> bool {
    true
}

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/emails")
}

/// Every (name, raw message, expectation), in name order.
pub fn corpus() -> Vec<(String, Vec<u8>, Expected)> {
    let mut out = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            (p.extension()? == "eml").then(|| p.file_stem()?.to_str().map(str::to_owned))?
        })
        .collect();
    names.sort();
    for name in names {
        let raw = std::fs::read(corpus_dir().join(format!("{name}.eml"))).unwrap();
        let toml_text = std::fs::read_to_string(corpus_dir().join(format!("{name}.toml")))
            .unwrap_or_else(|_| panic!("{name}.eml has no {name}.toml"));
        let expected: Expected =
            toml::from_str(&toml_text).unwrap_or_else(|e| panic!("{name}.toml: {e}"));
        out.push((name, raw, expected));
    }
    out
}

/// A second consultation, so choosing by plus address and subject can be seen to work.
pub fn school_transport_source() -> String {
    DEMO_SOURCE
        .replace("slug = \"four-cornerstones\"", "slug = \"school-transport\"")
        .replace("sms_keyword = \"VIEWS\"", "sms_keyword = \"BUS\"")
        .replace(
            "en-GB = \"Four Cornerstones: what matters to you?\"",
            "en-GB = \"School transport: getting there\"",
        )
        .replace(
            "pl = \"Cztery filary: co jest dla Ciebie ważne?\"",
            "pl = \"Transport do szkoły\"",
        )
        .replace(
            "ar = \"الركائز الأربع: ما المهم بالنسبة لك؟\"",
            "ar = \"النقل المدرسي\"",
        )
}

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
        let stored = reading.email.kind == Kind::Person;
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
        check("may_reply", may_reply == expected.may_reply, may_reply.to_string());
        if expected.stored {
            check("text", text == expected.text.trim_end(), format!("{text:?}"));
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
