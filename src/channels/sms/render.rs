//! A question written as a text message: the question, its choices numbered one a line,
//! and how to reply.
//!
//! ```text
//! Do you feel welcome when you meet people from school or the council?
//! 1 Yes
//! 2 Sometimes
//! 3 No
//! 4 I am not sure
//! Reply 1, 2, 3 or 4. Reply SKIP to skip.
//! ```
//!
//! A question's hint is added (after the question) only when it fits in the segments the
//! message needs anyway, so it never makes a text cost more. Everything goes through
//! [`to_gsm7`], so typography in a consultation file cannot turn a message into UCS-2.

use super::gsm::{segments, to_gsm7};
use super::parse::area_choices;
use crate::domain::consultation::{localized, Question, QuestionKind};
use crate::domain::{AreaId, Areas, RespondentGroup};
use crate::i18n::{self, Locale};

/// Lists of more than this many choices say "a number from 1 to N".
const MAX_LISTED_NUMBERS: usize = 5;

/// The text asking `question` in `locale`.
pub fn render_question(question: &Question, areas: &Areas, locale: Locale) -> String {
    let lang = locale.tag();
    // Area and group questions carry heard's own words unless the file gives others.
    let text = localized(&question.text, locale).to_owned();
    let choices: Vec<String> = match &question.kind {
        QuestionKind::SingleChoice { options } => options
            .iter()
            .map(|o| localized(&o.label, locale).to_owned())
            .collect(),
        QuestionKind::Feelings => (1..=5).map(|n| i18n::feelings_word(locale, n)).collect(),
        QuestionKind::FreeText => Vec::new(),
        QuestionKind::Area => area_choices(areas)
            .iter()
            .map(|id| areas.name(id, lang).to_owned())
            .collect(),
        QuestionKind::Group => RespondentGroup::ALL
            .iter()
            .map(|g| i18n::group_label(locale, *g))
            .collect(),
    };
    let mut footer = Vec::new();
    if !choices.is_empty() {
        footer.push(reply_line(choices.len(), locale));
    }
    if matches!(question.kind, QuestionKind::Area) {
        footer.push(i18n::text(locale, "sms-area-postcode"));
    }
    if !question.required {
        footer.push(i18n::text(locale, "sms-skip"));
    }
    // The area question's hint is about the web page; its SMS footer says the same.
    let hint = question
        .hint
        .as_ref()
        .filter(|_| !matches!(question.kind, QuestionKind::Area))
        .map(|h| localized(h, locale))
        .filter(|h| !h.trim().is_empty());
    let without = compose(&text, None, &choices, &footer);
    match hint {
        Some(hint) => {
            let with = compose(&text, Some(hint), &choices, &footer);
            if segments(&with) == segments(&without) {
                with
            } else {
                without
            }
        }
        None => without,
    }
}

/// The text asking which of `choices` (from an ambiguous postcode) is the person's area.
pub fn render_area_pick(
    question: &Question,
    choices: &[AreaId],
    areas: &Areas,
    locale: Locale,
) -> String {
    let names: Vec<String> = choices
        .iter()
        .map(|id| areas.name(id, locale.tag()).to_owned())
        .collect();
    let mut footer = vec![reply_line(names.len(), locale)];
    if !question.required {
        footer.push(i18n::text(locale, "sms-skip"));
    }
    compose(&i18n::text(locale, "area-pick-text"), None, &names, &footer)
}

/// The text asking again after a reply that could not be read: a short apology and how
/// to reply, without the question again (it is just above on their phone).
pub fn render_reask(
    question: &Question,
    pick: Option<&[AreaId]>,
    areas: &Areas,
    locale: Locale,
) -> String {
    let count = match (pick, &question.kind) {
        (Some(choices), _) => choices.len(),
        (None, QuestionKind::SingleChoice { options }) => options.len(),
        (None, QuestionKind::Feelings) => 5,
        (None, QuestionKind::Area) => area_choices(areas).len(),
        (None, QuestionKind::Group) => RespondentGroup::ALL.len(),
        (None, QuestionKind::FreeText) => 0,
    };
    let mut lines = vec![i18n::text(locale, "sms-unclear")];
    if count > 0 {
        lines.push(reply_line(count, locale));
    } else {
        lines.push(i18n::text(locale, "sms-write-words"));
    }
    if pick.is_none() && matches!(question.kind, QuestionKind::Area) {
        lines.push(i18n::text(locale, "sms-area-postcode"));
    }
    if !question.required {
        lines.push(i18n::text(locale, "sms-skip"));
    }
    to_gsm7(&lines.join(" "))
}

fn compose(text: &str, hint: Option<&str>, choices: &[String], footer: &[String]) -> String {
    let mut lines = vec![text.trim().to_owned()];
    if let Some(hint) = hint {
        lines.push(hint.trim().to_owned());
    }
    for (i, choice) in choices.iter().enumerate() {
        lines.push(format!("{} {}", i + 1, choice.trim()));
    }
    if !footer.is_empty() {
        lines.push(footer.join(" "));
    }
    to_gsm7(&lines.join("\n"))
}

/// "Reply 1, 2 or 3." or, for long lists, "Reply a number from 1 to 10."
fn reply_line(count: usize, locale: Locale) -> String {
    let last = count.to_string();
    if count > MAX_LISTED_NUMBERS {
        return i18n::text_with(
            locale,
            "sms-reply-range",
            &[("first", "1".into()), ("last", last.into())],
        );
    }
    let separator = i18n::text(locale, "sms-list-separator");
    let numbers: Vec<String> = (1..count).map(|n| n.to_string()).collect();
    i18n::text_with(
        locale,
        "sms-reply-numbers",
        &[
            ("numbers", numbers.join(&separator).into()),
            ("last", last.into()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::sms::gsm::is_gsm7;
    use crate::domain::Consultation;

    fn demo() -> Consultation {
        Consultation::demo()
    }

    #[test]
    fn choice_question() {
        let c = demo();
        let text = render_question(
            c.question("welcome").unwrap(),
            &Areas::devon(),
            Locale::EN_GB,
        );
        assert_eq!(
            text,
            "Do you feel welcome when you meet people from school or the council?\n\
             1 Yes\n2 Sometimes\n3 No\n4 I am not sure\n\
             Reply 1, 2, 3 or 4. Reply SKIP to skip."
        );
        assert!(is_gsm7(&text));
        // The hint would make it two segments, so it is left out.
        assert_eq!(segments(&text), 1);
    }

    #[test]
    fn feelings_question() {
        let c = demo();
        let text = render_question(
            c.question("listened-to").unwrap(),
            &Areas::devon(),
            Locale::EN_GB,
        );
        assert!(
            text.ends_with(
                "1 Very sad\n2 Sad\n3 OK\n4 Happy\n5 Very happy\n\
                 Reply 1, 2, 3, 4 or 5. Reply SKIP to skip."
            ),
            "{text}"
        );
    }

    #[test]
    fn area_question() {
        let c = demo();
        let text = render_question(c.question("where").unwrap(), &Areas::devon(), Locale::EN_GB);
        assert!(
            text.starts_with("Where do you live?\n1 East Devon\n2 Exeter\n"),
            "{text}"
        );
        assert!(
            text.ends_with(
                "9 Outside Devon\n10 Prefer not to say\n\
                 Reply a number from 1 to 10. Or send the first half of your postcode, like EX4. \
                 Reply SKIP to skip."
            ),
            "{text}"
        );
    }

    #[test]
    fn group_and_free_text() {
        let c = demo();
        let areas = Areas::devon();
        let text = render_question(c.question("who").unwrap(), &areas, Locale::EN_GB);
        assert!(
            text.starts_with(
                "Which of these are you?\nChoose the one that fits you best.\n1 A child (under 11)\n"
            ),
            "{text}"
        );
        assert!(
            text.ends_with("Reply 1, 2, 3, 4 or 5. Reply SKIP to skip."),
            "{text}"
        );
        let text = render_question(
            c.question("better-together").unwrap(),
            &areas,
            Locale::EN_GB,
        );
        assert_eq!(
            text,
            "What would help us work better together?\n\
             Write as much or as little as you like. You can skip this.\n\
             Reply SKIP to skip."
        );
    }

    #[test]
    fn required_questions_offer_no_skip() {
        let mut q = demo().question("welcome").unwrap().clone();
        q.required = true;
        let text = render_question(&q, &Areas::devon(), Locale::EN_GB);
        assert!(text.ends_with("Reply 1, 2, 3 or 4."), "{text}");
    }

    #[test]
    fn hint_only_when_it_costs_nothing() {
        let mut q = demo().question("welcome").unwrap().clone();
        let areas = Areas::devon();
        let base = render_question(&q, &areas, Locale::EN_GB);
        q.hint = Some(
            [("en-GB".to_owned(), "A very long hint. ".repeat(10))]
                .into_iter()
                .collect(),
        );
        let text = render_question(&q, &areas, Locale::EN_GB);
        assert!(!text.contains("long hint"), "{text}");
        assert_eq!(text, base);
    }

    #[test]
    fn typography_is_made_gsm() {
        let mut q = demo().question("better-together").unwrap().clone();
        q.text
            .insert("en-GB".into(), "What’s “better” – for you…? 😀".into());
        q.hint = None;
        let text = render_question(&q, &Areas::devon(), Locale::EN_GB);
        assert_eq!(text, "What's \"better\" - for you...?\nReply SKIP to skip.");
    }

    #[test]
    fn polish_and_arabic() {
        let c = demo();
        let areas = Areas::devon();
        let pl = render_question(c.question("welcome").unwrap(), &areas, Locale::PL);
        assert!(
            pl.contains("1 Tak\n2 Czasami\n3 Nie\n4 Nie wiem\nOdpisz 1, 2, 3 lub 4."),
            "{pl}"
        );
        let ar = render_question(c.question("welcome").unwrap(), &areas, Locale::AR);
        assert!(ar.contains("1 نعم\n"), "{ar}");
        assert!(ar.contains("أرسل 1، 2، 3 أو 4."), "{ar}");
    }

    #[test]
    fn area_pick() {
        let c = demo();
        let areas = Areas::devon();
        let choices = [areas.id("exeter").unwrap(), areas.id("east-devon").unwrap()];
        let text = render_area_pick(
            c.question("where").unwrap(),
            &choices,
            &areas,
            Locale::EN_GB,
        );
        assert_eq!(
            text,
            "Which of these is your area?\n1 Exeter\n2 East Devon\nReply 1 or 2. Reply SKIP to skip."
        );
    }
}
