//! ============================================================================
//! TO MOVE TO `locales/`: the SMS channel's own wording, here only until it goes
//! into `locales/{en-GB,pl,ar}/heard.ftl` (this branch may not edit `locales/`).
//! ============================================================================
//!
//! Each entry is a Fluent message exactly as it should appear in the `.ftl` files, with
//! the same `{ $variables }`; the Polish and Arabic are drafts for a translator to check.
//! When they move, replace [`text_with`]'s body with `i18n::text_with` and delete this
//! table: nothing else changes.
//!
//! Messages the SMS channel uses that already live in `locales/`: `question-area-text`,
//! `question-group-text`, `area-pick-text`, `feelings-1` .. `feelings-5`, `group-*`.

use crate::i18n::Locale;

/// (id, en-GB, pl, ar)
pub const MESSAGES: &[(&str, &str, &str, &str)] = &[
    // "Reply 1, 2, 3 or 4." $numbers is every number but the last, joined by
    // `sms-list-separator`.
    (
        "sms-reply-numbers",
        "Reply { $numbers } or { $last }.",
        "Odpisz { $numbers } lub { $last }.",
        "أرسل { $numbers } أو { $last }.",
    ),
    // Used instead of sms-reply-numbers when there are more than 5 choices.
    (
        "sms-reply-range",
        "Reply a number from { $first } to { $last }.",
        "Odpisz liczbę od { $first } do { $last }.",
        "أرسل رقمًا من { $first } إلى { $last }.",
    ),
    // Between numbers in sms-reply-numbers: "1, 2, 3".
    ("sms-list-separator", ", ", ", ", "، "),
    // Under every question that can be skipped.
    (
        "sms-skip",
        "Reply SKIP to skip.",
        "Odpisz POMIŃ, aby pominąć.",
        "أرسل كلمة تخطي لتخطي السؤال.",
    ),
    // Under the area question, after the reply line.
    (
        "sms-area-postcode",
        "Or send the first half of your postcode, like EX4.",
        "Albo wyślij pierwszą część kodu pocztowego, np. EX4.",
        "أو أرسل الجزء الأول من رمزك البريدي، مثل EX4.",
    ),
];

/// The message `id` in `locale`, with its `{ $variables }` filled in.
/// Panics on an unknown id: every id used is in the table, and a test checks them.
pub fn text_with(locale: Locale, id: &str, args: &[(&str, &str)]) -> String {
    let (_, en, pl, ar) = MESSAGES
        .iter()
        .find(|(i, ..)| *i == id)
        .unwrap_or_else(|| panic!("no SMS message {id}"));
    let mut text = match locale {
        Locale::PL => *pl,
        Locale::AR => *ar,
        _ => *en,
    }
    .to_owned();
    for (name, value) in args {
        text = text.replace(&format!("{{ ${name} }}"), value);
    }
    text
}

pub fn text(locale: Locale, id: &str) -> String {
    text_with(locale, id, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variables(message: &str) -> Vec<&str> {
        message
            .match_indices("{ $")
            .map(|(i, _)| {
                let rest = &message[i + 3..];
                &rest[..rest.find(' ').unwrap()]
            })
            .collect()
    }

    #[test]
    fn every_locale_has_the_same_variables() {
        for (id, en, pl, ar) in MESSAGES {
            assert!(id.starts_with("sms-"), "{id}");
            assert_eq!(variables(en), variables(pl), "{id}");
            assert_eq!(variables(en), variables(ar), "{id}");
        }
        let ids: std::collections::BTreeSet<_> = MESSAGES.iter().map(|m| m.0).collect();
        assert_eq!(ids.len(), MESSAGES.len(), "an id is used twice");
    }

    #[test]
    fn fills_variables() {
        let args = [("numbers", "1, 2"), ("last", "3")];
        assert_eq!(
            text_with(Locale::EN_GB, "sms-reply-numbers", &args),
            "Reply 1, 2 or 3."
        );
        assert_eq!(
            text_with(Locale::PL, "sms-reply-numbers", &args),
            "Odpisz 1, 2 lub 3."
        );
        assert_eq!(text(Locale::EN_GB, "sms-skip"), "Reply SKIP to skip.");
    }
}
