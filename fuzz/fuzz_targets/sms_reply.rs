//! The SMS answer parser: any text, as a reply to each question of the demo consultation,
//! in each language, as a keyword, and as the pick after an ambiguous postcode.
//! The first byte chooses the language and which areas the pick offers; the rest is the
//! text (any bytes, read as UTF-8 with replacement characters).
//!
//! Properties, beyond never panicking: every reply is within bounds: a choice is one of
//! the question's options, an area one the question could give, a group or feeling as
//! asked, free text the message as typed (trimmed).
#![no_main]

use std::sync::{Arc, LazyLock};

use heard::channels::sms::parse::{area_choices, normalise, parse_area_pick};
use heard::channels::sms::{is_consultation_keyword, parse_keyword, parse_reply, Reply};
use heard::domain::consultation::QuestionKind;
use heard::domain::{AreaId, Areas, Consultation};
use heard::i18n::Locale;
use libfuzzer_sys::fuzz_target;

static DEMO: LazyLock<Consultation> = LazyLock::new(Consultation::demo);
static AREAS: LazyLock<Arc<Areas>> = LazyLock::new(Areas::devon);
static CHOICES: LazyLock<Vec<AreaId>> = LazyLock::new(|| area_choices(&AREAS));

fn check_area(reply: &Reply, allowed: &[AreaId]) {
    match reply {
        Reply::Area(id) => assert!(allowed.contains(id), "area {id} is not offered"),
        Reply::AreaAmbiguous(ids) => {
            assert!(!ids.is_empty(), "an ambiguous postcode names its areas");
            assert!(ids.iter().all(|id| allowed.contains(id)));
        }
        Reply::Skip | Reply::Unclear => {}
        other => panic!("an area question gave {other:?}"),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, text)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(text);
    let locale = Locale::ALL[usize::from(selector) % Locale::ALL.len()];

    let _ = parse_keyword(&text);
    let _ = is_consultation_keyword(&text, "VIEWS");
    let _ = normalise(&text);

    for question in &DEMO.questions {
        let reply = parse_reply(&text, question, &AREAS, locale);
        match (&question.kind, &reply) {
            (_, Reply::Skip | Reply::Unclear) => {}
            (QuestionKind::FreeText, Reply::Text(t)) => assert_eq!(t, text.trim()),
            (QuestionKind::SingleChoice { options }, Reply::Choice(id)) => {
                assert!(options.iter().any(|o| &o.id == id), "{id} is not an option")
            }
            (QuestionKind::Feelings, Reply::Feeling(f)) => assert!((1..=5).contains(&f.value())),
            (QuestionKind::Area, _) => check_area(&reply, &CHOICES),
            (QuestionKind::Group, Reply::Group(_)) => {}
            (kind, reply) => panic!("a {} question gave {reply:?}", kind.name()),
        }
    }

    // The pick after an ambiguous postcode offers some of the areas; a new postcode may
    // still place the person anywhere the area question could.
    let offered: Vec<AreaId> = CHOICES
        .iter()
        .enumerate()
        .filter(|(i, _)| selector & (1 << (i % 8)) != 0)
        .map(|(_, id)| id.clone())
        .collect();
    check_area(&parse_area_pick(&text, &offered, &AREAS, locale), &CHOICES);
});
