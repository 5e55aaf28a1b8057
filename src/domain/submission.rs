//! A submission: one person's answers to one consultation, as every channel hands it over.

use chrono::NaiveDate;
use serde::Serialize;

use super::consultation::{QuestionId, Slug};
use super::{AreaId, Channel, RespondentGroup};
use crate::privacy::{ProviderRef, Pseudonym, ScrubbedText};

/// A point on the five-face feelings scale: 1 (very unhappy) to 5 (very happy).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Feeling(u8);

impl Feeling {
    pub fn new(value: u8) -> Option<Feeling> {
        (1..=5).contains(&value).then_some(Feeling(value))
    }
    pub fn value(self) -> u8 {
        self.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum AnswerValue {
    /// The id of the chosen option.
    Choice(Slug),
    Feeling(Feeling),
    Text(ScrubbedText),
    Skipped,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    pub question: QuestionId,
    pub value: AnswerValue,
}

#[derive(Debug, Clone, Serialize)]
pub struct Submission {
    pub consultation: Slug,
    pub channel: Channel,
    /// None when the person skipped the area question or gave nothing heard could place.
    pub area: Option<AreaId>,
    pub group: Option<RespondentGroup>,
    /// Answers to the consultation's own questions (area and group are held above).
    pub answers: Vec<Answer>,
    /// The day, not the time, so a view is hard to tie to a moment someone was seen typing.
    pub received_on: NaiveDate,
    /// Set where the channel has a provider's message id: ingestion is idempotent on it.
    pub provider_ref: Option<ProviderRef>,
    /// Set where the channel knows the sender, to join later messages to this submission.
    pub respondent: Option<Pseudonym>,
    /// The outreach link that brought the person (`poster-12`), for leads to see what works.
    pub outreach: Option<OutreachCode>,
    /// Something in it suggests a child may be at risk: the safeguarding lead must see it.
    pub flagged: bool,
}

/// Where an outreach link was given out (`poster`, `digest`, `library-12`): a few plain
/// words. The code comes from a link anyone can edit, and a link made per person
/// (`?via=07700900123`, `?via=aisha-khan`) would tie a view to them, so only a code that
/// cannot name anyone is kept: lower-case words and numbers of at most three digits,
/// joined by hyphens, none of them a listed name, nor a word no list knows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct OutreachCode(String);

impl OutreachCode {
    /// Longest code kept.
    const MAX_LEN: usize = 32;

    pub fn parse(code: &str) -> Option<OutreachCode> {
        if code.is_empty()
            || code.len() > Self::MAX_LEN
            || code.bytes().any(|b| b.is_ascii_uppercase())
        {
            return None;
        }
        // Each part a poster's number or a word (`poster-12`), never a phone's digits, a
        // birth year or a name.
        code.split('-')
            .all(crate::privacy::scrub::is_plain_word)
            .then(|| OutreachCode(code.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod outreach_tests {
    use super::OutreachCode;

    #[test]
    fn outreach_codes_name_places_and_posters_not_people() {
        for code in [
            "poster",
            "poster-12",
            "digest",
            "outreach-link",
            "qr-exeter-library",
        ] {
            assert!(OutreachCode::parse(code).is_some(), "{code}");
        }
        for code in [
            "07700900123",
            "poster-2014",
            "ex43qt",
            "oliver",
            "aisha-khan",
            "jo-tregear",
            "Poster",
            "poster--12",
            "",
            "a-very-long-code-that-goes-on-and-on",
        ] {
            assert!(OutreachCode::parse(code).is_none(), "{code}");
        }
    }
}
