//! A consultation: what we are asking, in every language, authored as a TOML file.
//!
//! INTERFACE STUB — to be implemented (see the helper brief).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

/// Text in every supported locale, keyed by locale tag (`en-GB`, `pl`, `ar`).
pub type Localized = BTreeMap<String, String>;

/// A URL-safe consultation id: lower-case letters, digits and single hyphens.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    pub fn parse(s: &str) -> Result<Slug, String> {
        let ok = !s.is_empty()
            && s.len() <= 64
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        if ok {
            Ok(Slug(s.to_owned()))
        } else {
            Err(format!(
                "{s:?} is not a valid id: use lower-case letters, digits and single hyphens"
            ))
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Slug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A question's stable id within its consultation (same rules as a slug).
pub type QuestionId = Slug;

#[derive(Debug, Clone, Serialize)]
pub struct ChoiceOption {
    pub id: Slug,
    /// A picture name under `assets/pictures/` (without `.svg`).
    pub picture: String,
    pub label: Localized,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum QuestionKind {
    SingleChoice {
        options: Vec<ChoiceOption>,
    },
    /// Five faces, 1 (very unhappy) to 5 (very happy), each with its word.
    Feelings,
    FreeText,
    Area,
    Group,
}

#[derive(Debug, Clone, Serialize)]
pub struct Question {
    pub id: QuestionId,
    #[serde(flatten)]
    pub kind: QuestionKind,
    pub text: Localized,
    pub hint: Option<Localized>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Consultation {
    pub slug: Slug,
    pub title: Localized,
    pub summary: Localized,
    pub opens_on: NaiveDate,
    pub closes_on: Option<NaiveDate>,
    pub sms_keyword: Option<String>,
    pub questions: Vec<Question>,
}

/// A problem in a consultation file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {column}: {message}")]
pub struct ConsultationError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl Consultation {
    /// Parses and checks a consultation file: every locale present, every picture known,
    /// ids unique.
    pub fn from_toml(
        _source: &str,
        _locales: &[&str],
        _picture_exists: &dyn Fn(&str) -> bool,
    ) -> Result<Consultation, ConsultationError> {
        todo!()
    }

    /// Parses a consultation against heard's own locales and pictures.
    pub fn parse(source: &str) -> Result<Consultation, ConsultationError> {
        Consultation::from_toml(source, crate::i18n::LOCALES, &|_| true)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id.as_str() == id)
    }

    pub fn is_open_on(&self, day: NaiveDate) -> bool {
        day >= self.opens_on && self.closes_on.is_none_or(|c| day <= c)
    }
}
