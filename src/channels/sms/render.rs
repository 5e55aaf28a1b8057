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
//! [`super::gsm::to_gsm7`], so typography in a consultation file cannot turn a message into UCS-2.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::sync::LazyLock;

use super::gsm::{into_gsm7, segments};
use super::parse::area_choices;
use crate::domain::consultation::{localized, Question, QuestionKind};
use crate::domain::{AreaId, Areas, RespondentGroup};
use crate::i18n::{self, Locale};

/// Lists of more than this many choices say "a number from 1 to N".
const MAX_LISTED_NUMBERS: usize = 5;

/// Reply lines are kept for lists up to this long; longer ones are looked up each time.
const MAX_KEPT_REPLY_LINE: usize = 20;

/// heard's own words that questions are written with, in one locale. Looked up once:
/// the Fluent files are built into the binary, so they cannot change while it runs, and
/// a lookup (negotiating the language, then formatting) costs more than the rest of
/// writing a question.
struct SmsWords {
    /// "Reply 1 or 2.", and on, for lists of 1 to [`MAX_KEPT_REPLY_LINE`] choices.
    reply_lines: Vec<String>,
    skip: String,
    area_postcode: String,
    /// The feelings scale, 1 to 5.
    feelings: Vec<String>,
    /// In the order of [`RespondentGroup::ALL`].
    groups: Vec<String>,
}

impl SmsWords {
    fn look_up(locale: Locale) -> SmsWords {
        SmsWords {
            reply_lines: (1..=MAX_KEPT_REPLY_LINE)
                .map(|count| look_up_reply_line(count, locale))
                .collect(),
            skip: i18n::text(locale, "sms-skip"),
            area_postcode: i18n::text(locale, "sms-area-postcode"),
            feelings: (1..=5).map(|n| i18n::feelings_word(locale, n)).collect(),
            groups: RespondentGroup::ALL
                .iter()
                .map(|g| i18n::group_label(locale, *g))
                .collect(),
        }
    }
}

/// [`SmsWords`] for each of [`Locale::ALL`], in that order.
static SMS_WORDS: LazyLock<Vec<SmsWords>> =
    LazyLock::new(|| Locale::ALL.into_iter().map(SmsWords::look_up).collect());

fn words(locale: Locale) -> &'static SmsWords {
    // Only `Locale`'s constants and `Locale::parse` make a locale, so it is always found.
    let index = Locale::ALL
        .iter()
        .position(|l| *l == locale)
        .unwrap_or_default();
    &SMS_WORDS[index]
}

/// The text asking `question` in `locale`.
pub fn render_question(question: &Question, areas: &Areas, locale: Locale) -> String {
    let lang = locale.tag();
    let words = words(locale);
    // Area and group questions carry heard's own words unless the file gives others.
    let text = localized(&question.text, locale);
    let choices: Vec<&str> = match &question.kind {
        QuestionKind::SingleChoice { options } => options
            .iter()
            .map(|o| localized(&o.label, locale))
            .collect(),
        QuestionKind::Feelings => words.feelings.iter().map(String::as_str).collect(),
        QuestionKind::FreeText => Vec::new(),
        QuestionKind::Area => area_choices(areas)
            .iter()
            .map(|id| areas.name(id, lang))
            .collect(),
        QuestionKind::Group => words.groups.iter().map(String::as_str).collect(),
    };
    let reply = (!choices.is_empty()).then(|| reply_line(choices.len(), locale));
    let mut footer: Vec<&str> = Vec::with_capacity(3);
    footer.extend(reply.as_deref());
    if matches!(question.kind, QuestionKind::Area) {
        footer.push(&words.area_postcode);
    }
    if !question.required {
        footer.push(&words.skip);
    }
    // The area question's hint is about the web page; its SMS footer says the same.
    let hint = question
        .hint
        .as_ref()
        .filter(|_| !matches!(question.kind, QuestionKind::Area))
        .map(|h| localized(h, locale))
        .filter(|h| !h.trim().is_empty());
    let without = compose(text, None, &choices, &footer);
    match hint {
        Some(hint) => {
            let with = compose(text, Some(hint), &choices, &footer);
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
    let names: Vec<&str> = choices
        .iter()
        .map(|id| areas.name(id, locale.tag()))
        .collect();
    let reply = reply_line(names.len(), locale);
    let mut footer = vec![reply.as_ref()];
    if !question.required {
        footer.push(&words(locale).skip);
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
    let words = words(locale);
    let mut lines: Vec<Cow<'_, str>> = vec![i18n::text(locale, "sms-unclear").into()];
    if count > 0 {
        lines.push(reply_line(count, locale));
    } else {
        lines.push(i18n::text(locale, "sms-write-words").into());
    }
    if pick.is_none() && matches!(question.kind, QuestionKind::Area) {
        lines.push(words.area_postcode.as_str().into());
    }
    if !question.required {
        lines.push(words.skip.as_str().into());
    }
    into_gsm7(lines.join(" "))
}

/// The question, its hint, the choices numbered one a line, then the footer on one line,
/// made GSM-7.
fn compose(text: &str, hint: Option<&str>, choices: &[&str], footer: &[&str]) -> String {
    let text = text.trim();
    let hint = hint.map(str::trim);
    let length = text.len()
        + hint.map_or(0, |h| h.len() + 1)
        + choices.iter().map(|c| c.len() + 5).sum::<usize>()
        + footer.iter().map(|f| f.len() + 1).sum::<usize>();
    let mut message = String::with_capacity(length);
    message.push_str(text);
    if let Some(hint) = hint {
        message.push('\n');
        message.push_str(hint);
    }
    for (i, choice) in choices.iter().enumerate() {
        // Writing to a String cannot fail.
        let _ = write!(message, "\n{} {}", i + 1, choice.trim());
    }
    for (i, part) in footer.iter().enumerate() {
        message.push(if i == 0 { '\n' } else { ' ' });
        message.push_str(part);
    }
    into_gsm7(message)
}

/// "Reply 1, 2 or 3." or, for long lists, "Reply a number from 1 to 10."
fn reply_line(count: usize, locale: Locale) -> Cow<'static, str> {
    match count
        .checked_sub(1)
        .and_then(|i| words(locale).reply_lines.get(i))
    {
        Some(kept) => Cow::Borrowed(kept),
        None => Cow::Owned(look_up_reply_line(count, locale)),
    }
}

fn look_up_reply_line(count: usize, locale: Locale) -> String {
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

    /// [`render_question`] as it was first written, every word looked up each time: what
    /// the faster one must always agree with.
    fn plain_render_question(question: &Question, areas: &Areas, locale: Locale) -> String {
        use crate::channels::sms::gsm::to_gsm7;
        fn compose(
            text: &str,
            hint: Option<&str>,
            choices: &[String],
            footer: &[String],
        ) -> String {
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
                .map(|id| areas.name(id, locale.tag()).to_owned())
                .collect(),
            QuestionKind::Group => RespondentGroup::ALL
                .iter()
                .map(|g| i18n::group_label(locale, *g))
                .collect(),
        };
        let mut footer = Vec::new();
        if !choices.is_empty() {
            footer.push(look_up_reply_line(choices.len(), locale));
        }
        if matches!(question.kind, QuestionKind::Area) {
            footer.push(i18n::text(locale, "sms-area-postcode"));
        }
        if !question.required {
            footer.push(i18n::text(locale, "sms-skip"));
        }
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

    #[test]
    fn kept_words_are_the_looked_up_ones() {
        // Every locale a tag can give has its words kept.
        for tag in i18n::LOCALES {
            let locale = Locale::parse(tag).unwrap();
            assert!(Locale::ALL.contains(&locale), "{tag}");
        }
        for locale in Locale::ALL {
            for count in 0..=MAX_KEPT_REPLY_LINE + 5 {
                assert_eq!(
                    reply_line(count, locale),
                    look_up_reply_line(count, locale),
                    "{locale} {count}"
                );
            }
            let words = words(locale);
            assert_eq!(words.skip, i18n::text(locale, "sms-skip"));
            assert_eq!(words.area_postcode, i18n::text(locale, "sms-area-postcode"));
        }
    }

    #[test]
    fn questions_read_as_they_did() {
        let areas = Areas::devon();
        let mut questions = demo().questions;
        let source = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("consultations/four-cornerstones.toml"),
        )
        .unwrap();
        questions.extend(Consultation::parse(&source).unwrap().questions);
        // Each also required, without its hint, and with a typographic one that fits.
        for question in questions.clone() {
            let mut required = question.clone();
            required.required = true;
            let mut hintless = question.clone();
            hintless.hint = None;
            let mut typographic = question;
            typographic.hint = Some(
                [("en-GB".to_owned(), "  “Just” – one…  ".to_owned())]
                    .into_iter()
                    .collect(),
            );
            questions.extend([required, hintless, typographic]);
        }
        for question in &questions {
            for locale in Locale::ALL {
                assert_eq!(
                    render_question(question, &areas, locale),
                    plain_render_question(question, &areas, locale),
                    "{} {locale}",
                    question.id
                );
            }
        }
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
