//! A consultation: what we are asking, in every language, authored as a TOML file.
//!
//! Files are written by council staff, not programmers, so every problem is reported
//! with its line and column in plain words. See `consultations/four-cornerstones.toml`.

use std::collections::BTreeMap;
use std::ops::Range;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::i18n::{self, Locale};

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

impl QuestionKind {
    /// The kind's name in consultation files.
    pub fn name(&self) -> &'static str {
        match self {
            QuestionKind::SingleChoice { .. } => "single-choice",
            QuestionKind::Feelings => "feelings",
            QuestionKind::FreeText => "free-text",
            QuestionKind::Area => "area",
            QuestionKind::Group => "group",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Question {
    pub id: QuestionId,
    #[serde(flatten)]
    pub kind: QuestionKind,
    pub text: Localized,
    pub hint: Option<Localized>,
    /// A picture beside the question (easy read puts one by every question).
    pub picture: Option<String>,
    /// Every question can be skipped unless its file says `required = true`.
    pub required: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Consultation {
    pub slug: Slug,
    pub title: Localized,
    pub summary: Localized,
    pub opens_on: NaiveDate,
    pub closes_on: Option<NaiveDate>,
    pub sms_keyword: Option<String>,
    /// How long answering takes, said up front so people can decide to start.
    pub estimated_minutes: u32,
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

/// The demo consultation, built in so tests and a fresh install have something to show.
pub const DEMO_SOURCE: &str = include_str!("../../consultations/four-cornerstones.toml");

impl Consultation {
    /// Parses and checks a consultation file: every locale present, every picture known,
    /// ids unique.
    pub fn from_toml(
        source: &str,
        locales: &[&str],
        picture_exists: &dyn Fn(&str) -> bool,
    ) -> Result<Consultation, ConsultationError> {
        let checker = Checker {
            source,
            locales,
            picture_exists,
        };
        let raw: RawConsultation = toml::from_str(source).map_err(|e| checker.toml_error(&e))?;
        checker.consultation(raw)
    }

    /// Parses a consultation against heard's own locales and pictures.
    pub fn parse(source: &str) -> Result<Consultation, ConsultationError> {
        Consultation::from_toml(source, i18n::LOCALES, &picture_exists)
    }

    /// The demo, built in.
    pub fn demo() -> Consultation {
        Consultation::parse(DEMO_SOURCE).expect("the demo consultation is valid")
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id.as_str() == id)
    }

    /// The question words outside any other question answer (an email, a view texted
    /// before the questions): the first free-text one. Consultations ask their main open
    /// question first; later ones are follow-ups.
    pub fn free_text_question(&self) -> Option<&Question> {
        self.questions
            .iter()
            .find(|q| matches!(q.kind, QuestionKind::FreeText))
    }

    pub fn is_open_on(&self, day: NaiveDate) -> bool {
        day >= self.opens_on && self.closes_on.is_none_or(|c| day <= c)
    }
}

/// `text` in `locale`, or in en-GB if a caller asks for a locale the file lacks.
pub fn localized(text: &Localized, locale: Locale) -> &str {
    text.get(locale.tag())
        .or_else(|| text.get(i18n::DEFAULT_LOCALE))
        .or_else(|| text.values().next())
        .map_or("", String::as_str)
}

// Pictures are compiled in, so a consultation can only name one heard can serve.
macro_rules! pictures {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../assets/pictures/", $name, ".svg")))),*]
    };
}

/// Every picture under `assets/pictures/` (OpenMoji, CC BY-SA 4.0; see ATTRIBUTION.md).
const PICTURES: &[(&str, &str)] = pictures![
    "change",
    "channel-email",
    "channel-event",
    "channel-sms",
    "channel-web",
    "check",
    "clock",
    "explain",
    "feelings-1",
    "feelings-2",
    "feelings-3",
    "feelings-4",
    "feelings-5",
    "group-child",
    "group-parent-carer",
    "group-prefer-not-to-say",
    "group-professional",
    "group-young-person",
    "heart",
    "help",
    "home",
    "idea",
    "listen",
    "lock",
    "no",
    "not-sure",
    "people",
    "person",
    "phone",
    "save",
    "scissors",
    "skip",
    "sometimes",
    "speaker",
    "together",
    "welcome",
    "yes",
];

/// Pictures that point the way you read (the "skip" arrow): turned round in right-to-left
/// pages (`class="mirror"`, see `assets/heard.css`).
const MIRRORED: &[&str] = &["skip"];

/// Whether `name` points the way you read, so a right-to-left page shows it mirrored.
pub fn mirrored(name: &str) -> bool {
    MIRRORED.contains(&name)
}

pub fn picture_names() -> impl Iterator<Item = &'static str> {
    PICTURES.iter().map(|(name, _)| *name)
}

pub fn picture_exists(name: &str) -> bool {
    picture_svg(name).is_some()
}

pub fn picture_svg(name: &str) -> Option<&'static str> {
    PICTURES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, svg)| *svg)
}

// What the file holds, before checking. Spans make every error point at its line.
// Locale tables are not `Spanned` because toml gives no span for dotted keys
// (`text.pl = "..."`), which are the most readable way to write them.
type RawText = BTreeMap<String, Spanned<String>>;

const KINDS: [&str; 5] = ["single-choice", "feelings", "free-text", "area", "group"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConsultation {
    slug: Spanned<String>,
    opens_on: Spanned<toml::Value>,
    closes_on: Option<Spanned<toml::Value>>,
    sms_keyword: Option<Spanned<String>>,
    estimated_minutes: Spanned<u32>,
    title: RawText,
    summary: RawText,
    #[serde(default)]
    questions: Vec<Spanned<RawQuestion>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Spanned<String>,
    kind: Spanned<String>,
    #[serde(default)]
    required: bool,
    picture: Option<Spanned<String>>,
    text: Option<RawText>,
    hint: Option<RawText>,
    options: Option<Spanned<Vec<Spanned<RawOption>>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOption {
    id: Spanned<String>,
    picture: Spanned<String>,
    label: RawText,
}

struct Checker<'a> {
    source: &'a str,
    locales: &'a [&'a str],
    picture_exists: &'a dyn Fn(&str) -> bool,
}

impl Checker<'_> {
    fn error(&self, span: Range<usize>, message: impl Into<String>) -> ConsultationError {
        let mut offset = span.start.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &self.source[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        ConsultationError {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            message: message.into(),
        }
    }

    /// The start of the line holding `offset`, so an error about a whole table points
    /// at the first line of it.
    fn line_start(&self, offset: usize) -> Range<usize> {
        let start = self.source[..offset].rfind('\n').map_or(0, |i| i + 1);
        start..start
    }

    /// Puts toml's and serde's messages in the words of the file's authors.
    fn toml_error(&self, e: &toml::de::Error) -> ConsultationError {
        let mut message = e.message().to_owned();
        for (theirs, ours) in [
            ("unknown field", "unknown key"),
            ("missing field", "missing key"),
            ("expected u32", "expected a whole number"),
            ("expected a boolean", "expected true or false"),
        ] {
            message = message.replace(theirs, ours);
        }
        if message.starts_with("invalid date-time") {
            message = "this is not a real date; write dates like 2026-11-01".to_owned();
        }
        let lines: Vec<&str> = message
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        self.error(e.span().unwrap_or(0..0), lines.join(": "))
    }

    fn consultation(&self, raw: RawConsultation) -> Result<Consultation, ConsultationError> {
        let slug = self.slug(&raw.slug)?;
        let opens_on = self.date(&raw.opens_on, "opens_on")?;
        let closes_on = match &raw.closes_on {
            Some(c) => {
                let day = self.date(c, "closes_on")?;
                if day < opens_on {
                    return Err(self.error(c.span(), "closes_on is before opens_on"));
                }
                Some(day)
            }
            None => None,
        };
        let sms_keyword = match &raw.sms_keyword {
            Some(k) => {
                let ok = (3..=20).contains(&k.get_ref().len())
                    && k.get_ref()
                        .bytes()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
                if !ok {
                    let message =
                        "sms_keyword must be 3 to 20 capital letters or digits, like VIEWS";
                    return Err(self.error(k.span(), message));
                }
                Some(k.get_ref().clone())
            }
            None => None,
        };
        let estimated_minutes = *raw.estimated_minutes.get_ref();
        if !(1..=60).contains(&estimated_minutes) {
            let message = "estimated_minutes must be between 1 and 60";
            return Err(self.error(raw.estimated_minutes.span(), message));
        }
        let whole_file = 0..0;
        let title = self.text(&raw.title, &whole_file, "the consultation", "title")?;
        let summary = self.text(&raw.summary, &whole_file, "the consultation", "summary")?;

        if raw.questions.is_empty() {
            return Err(self.error(
                whole_file,
                "there are no questions: add a [[questions]] table",
            ));
        }
        let mut questions: Vec<Question> = Vec::new();
        for raw_q in &raw.questions {
            let q = self.question(raw_q)?;
            let id_span = raw_q.get_ref().id.span();
            if questions.iter().any(|other| other.id == q.id) {
                return Err(self.error(
                    id_span,
                    format!("two questions have the id {:?}", q.id.as_str()),
                ));
            }
            let only_one = matches!(q.kind, QuestionKind::Area | QuestionKind::Group);
            if let Some(other) = questions
                .iter()
                .find(|o| only_one && o.kind.name() == q.kind.name())
            {
                let (kind, other) = (q.kind.name(), other.id.as_str());
                let message = format!(
                    "question {other:?} already asks the {kind} question; only one is allowed"
                );
                return Err(self.error(raw_q.get_ref().kind.span(), message));
            }
            questions.push(q);
        }
        Ok(Consultation {
            slug,
            title,
            summary,
            opens_on,
            closes_on,
            sms_keyword,
            estimated_minutes,
            questions,
        })
    }

    fn question(&self, raw: &Spanned<RawQuestion>) -> Result<Question, ConsultationError> {
        let q = raw.get_ref();
        let id = self.slug(&q.id)?;
        let owner = format!("question {:?}", id.as_str());
        let kind_name = q.kind.get_ref().as_str();
        if !KINDS.contains(&kind_name) {
            let message = format!("{owner} has kind {kind_name:?}; use {}", KINDS.join(", "));
            return Err(self.error(q.kind.span(), message));
        }
        let kind = match (kind_name, &q.options) {
            ("single-choice", Some(options)) => {
                if options.get_ref().len() < 2 {
                    return Err(
                        self.error(options.span(), format!("{owner} needs at least 2 options"))
                    );
                }
                let mut choices: Vec<ChoiceOption> = Vec::new();
                for o in options.get_ref() {
                    let choice = self.option(o, &owner)?;
                    if choices.iter().any(|c| c.id == choice.id) {
                        let message = format!(
                            "{owner} has two options with the id {:?}",
                            choice.id.as_str()
                        );
                        return Err(self.error(o.get_ref().id.span(), message));
                    }
                    choices.push(choice);
                }
                QuestionKind::SingleChoice { options: choices }
            }
            ("single-choice", None) => {
                let message = format!("{owner} is single-choice but has no [[questions.options]]");
                return Err(self.error(raw.span(), message));
            }
            (_, Some(options)) => {
                let message = format!("{owner} has options, but only single-choice questions can");
                return Err(self.error(options.span(), message));
            }
            ("feelings", None) => QuestionKind::Feelings,
            ("free-text", None) => QuestionKind::FreeText,
            ("area", None) => QuestionKind::Area,
            _ => QuestionKind::Group, // the only kind left
        };
        // Area and group questions are the same everywhere, so their words are built in.
        let built_in = match kind {
            QuestionKind::Area => Some(("area", "home")),
            QuestionKind::Group => Some(("group", "person")),
            _ => None,
        };
        let text = match (&q.text, built_in) {
            (Some(text), _) => self.text(text, &raw.span(), &owner, "text")?,
            (None, Some((name, _))) => {
                self.built_in(&format!("question-{name}-text"), raw, &owner)?
            }
            (None, None) => return Err(self.error(raw.span(), format!("{owner} has no text"))),
        };
        let hint = match (&q.hint, built_in) {
            (Some(hint), _) => Some(self.text(hint, &raw.span(), &owner, "hint")?),
            (None, Some((name, _))) => {
                Some(self.built_in(&format!("question-{name}-hint"), raw, &owner)?)
            }
            (None, None) => None,
        };
        let picture = match (&q.picture, built_in) {
            (Some(p), _) => Some(self.picture(p)?),
            (None, Some((_, picture))) => Some(picture.to_owned()),
            (None, None) => None,
        };
        Ok(Question {
            id,
            kind,
            text,
            hint,
            picture,
            required: q.required,
        })
    }

    fn option(
        &self,
        raw: &Spanned<RawOption>,
        owner: &str,
    ) -> Result<ChoiceOption, ConsultationError> {
        let o = raw.get_ref();
        let id = self.slug(&o.id)?;
        let label_owner = format!("option {:?} of {owner}", id.as_str());
        Ok(ChoiceOption {
            picture: self.picture(&o.picture)?,
            label: self.text(&o.label, &raw.span(), &label_owner, "label")?,
            id,
        })
    }

    fn slug(&self, raw: &Spanned<String>) -> Result<Slug, ConsultationError> {
        Slug::parse(raw.get_ref()).map_err(|m| self.error(raw.span(), m))
    }

    fn picture(&self, raw: &Spanned<String>) -> Result<String, ConsultationError> {
        let name = raw.get_ref();
        if (self.picture_exists)(name) {
            Ok(name.clone())
        } else {
            Err(self.error(raw.span(), format!("there is no picture called {name:?}")))
        }
    }

    fn date(&self, raw: &Spanned<toml::Value>, key: &str) -> Result<NaiveDate, ConsultationError> {
        let day = match raw.get_ref() {
            toml::Value::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt
                .date
                .and_then(|d| NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())),
            toml::Value::String(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
            _ => None,
        };
        day.ok_or_else(|| self.error(raw.span(), format!("{key} must be a date like 2026-11-01")))
    }

    /// Checks text has every locale we need and no other. Errors about a missing locale
    /// point at the table's first line, or at `owner_span` if the table is empty.
    fn text(
        &self,
        raw: &RawText,
        owner_span: &Range<usize>,
        owner: &str,
        noun: &str,
    ) -> Result<Localized, ConsultationError> {
        let mut out = Localized::new();
        for (tag, value) in raw {
            if !self.locales.contains(&tag.as_str()) {
                let known = self.locales.join(", ");
                let message = format!("{owner} has {noun} in {tag:?}, which is not one of {known}");
                return Err(self.error(self.line_start(value.span().start), message));
            }
            let value_text = value.get_ref().trim();
            if value_text.is_empty() {
                return Err(self.error(
                    value.span(),
                    format!("{owner} has an empty {noun} in {tag:?}"),
                ));
            }
            out.insert(tag.clone(), value_text.to_owned());
        }
        if let Some(missing) = self.locales.iter().find(|l| !out.contains_key(**l)) {
            let at = raw.values().map(|v| v.span().start).min();
            let span = at.map_or(owner_span.clone(), |at| self.line_start(at));
            return Err(self.error(span, format!("{owner} has no {noun} in {missing:?}")));
        }
        Ok(out)
    }

    fn built_in(
        &self,
        message_id: &str,
        raw: &Spanned<RawQuestion>,
        owner: &str,
    ) -> Result<Localized, ConsultationError> {
        let mut out = Localized::new();
        for tag in self.locales {
            let Some(locale) = Locale::parse(tag).filter(|l| l.tag() == *tag) else {
                let message =
                    format!("{owner} needs its own text in {tag:?}: heard has none built in");
                return Err(self.error(raw.span(), message));
            };
            out.insert((*tag).to_owned(), i18n::text(locale, message_id));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    const MINI: &str = r#"slug = "mini"
opens_on = 2026-11-01
estimated_minutes = 2
title = { en-GB = "Hello", pl = "Cześć" }
summary = { en-GB = "Tell us.", pl = "Powiedz nam." }

[[questions]]
id = "listened"
kind = "feelings"
text.en-GB = "How do you feel?"
text.pl = "Jak się czujesz?"

[[questions]]
id = "fruit"
kind = "single-choice"
text = { en-GB = "Pick one", pl = "Wybierz" }

[[questions.options]]
id = "yes"
picture = "yes"
label = { en-GB = "Yes", pl = "Tak" }

[[questions.options]]
id = "no"
picture = "no"
label = { en-GB = "No", pl = "Nie" }
"#;

    fn load(source: &str) -> Result<Consultation, ConsultationError> {
        Consultation::from_toml(source, &["en-GB", "pl"], &|p| ["yes", "no"].contains(&p))
    }

    /// Loads MINI with `from` replaced by `to`, expecting an error on the line holding
    /// the `nth` (0-based) occurrence of `at`.
    fn error(from: &str, to: &str, at: &str, nth: usize) -> ConsultationError {
        assert!(MINI.contains(from), "{from:?} is not in MINI");
        let source = MINI.replacen(from, to, 1);
        let err = load(&source).expect_err("should fail");
        let offset = source.match_indices(at).nth(nth).expect("marker").0;
        assert_eq!(
            err.line,
            source[..offset].matches('\n').count() + 1,
            "{err}"
        );
        err
    }

    #[test]
    fn mini_loads() {
        let c = load(MINI).unwrap();
        assert_eq!(c.slug.as_str(), "mini");
        assert_eq!(c.closes_on, None);
        assert_eq!(c.questions.len(), 2);
        assert!(!c.questions[0].required);
        assert!(
            matches!(&c.question("fruit").unwrap().kind, QuestionKind::SingleChoice { options } if options.len() == 2)
        );
    }

    #[test]
    fn demo_loads() {
        let c = Consultation::demo();
        assert_eq!(c.slug.as_str(), "four-cornerstones");
        assert_eq!(c.sms_keyword.as_deref(), Some("VIEWS"));
        assert_eq!(
            localized(&c.title, Locale::EN_GB),
            "Four Cornerstones: what matters to you?"
        );
        let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(!c.is_open_on(day("2026-10-31")));
        assert!(c.is_open_on(day("2026-11-01")));
        assert!(c.is_open_on(day("2027-03-31")));
        assert!(!c.is_open_on(day("2027-04-01")));
        let area = c.question("where").unwrap();
        assert!(matches!(area.kind, QuestionKind::Area));
        assert_eq!(localized(&area.text, Locale::EN_GB), "Where do you live?");
        assert_eq!(localized(&area.text, Locale::PL), "Gdzie mieszkasz?");
        assert!(c
            .questions
            .iter()
            .all(|q| q.picture.is_some() && !q.required));
        // Pages and exports read questions as JSON, with the kind inline.
        let json = serde_json::to_value(c.question("welcome").unwrap()).unwrap();
        assert_eq!(json["kind"], "single-choice");
        assert_eq!(json["options"][3]["picture"], "not-sure");
    }

    #[test]
    fn every_shipped_consultation_loads() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("consultations");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let source = std::fs::read_to_string(&path).unwrap();
            if let Err(e) = Consultation::parse(&source) {
                panic!("{}: {e}", path.display());
            }
        }
    }

    #[test]
    fn demo_is_easy_read() {
        let c = Consultation::demo();
        let mut texts = vec![&c.title, &c.summary];
        for q in &c.questions {
            texts.extend([&q.text].into_iter().chain(&q.hint));
            if let QuestionKind::SingleChoice { options } = &q.kind {
                texts.extend(options.iter().map(|o| &o.label));
            }
        }
        for text in texts {
            for sentence in text["en-GB"].split(['.', '?', '!', '\n']) {
                let words = sentence.split_whitespace().count();
                assert!(words <= 15, "{words} words: {sentence:?}");
            }
        }
    }

    #[test]
    fn missing_locale() {
        let err = error("text.pl = \"Jak się czujesz?\"\n", "", "text.en-GB", 0);
        assert_eq!(err.column, 1);
        assert_eq!(err.message, r#"question "listened" has no text in "pl""#);
        let err = error(", pl = \"Tak\"", "", "label", 0);
        assert_eq!(
            err.message,
            r#"option "yes" of question "fruit" has no label in "pl""#
        );
    }

    #[test]
    fn unknown_locale() {
        let err = error("pl = \"Cześć\"", "fr = \"Salut\"", "title", 0);
        assert!(err.message.contains(r#"has title in "fr""#), "{err}");
    }

    #[test]
    fn unknown_picture() {
        let err = error("picture = \"no\"", "picture = \"nope\"", "\"nope\"", 0);
        assert_eq!(err.message, r#"there is no picture called "nope""#);
        assert_eq!(err.column, 11);
    }

    #[test]
    fn duplicate_ids() {
        let err = error("id = \"fruit\"", "id = \"listened\"", "listened", 1);
        assert_eq!(err.message, r#"two questions have the id "listened""#);
        let err = error("id = \"no\"", "id = \"yes\"", "id = \"yes\"", 1);
        assert_eq!(
            err.message,
            r#"question "fruit" has two options with the id "yes""#
        );
    }

    #[test]
    fn bad_dates() {
        let err = error("2026-11-01", "2026-02-30", "2026-02-30", 0);
        assert!(err.message.contains("not a real date"), "{err}");
        let err = error("2026-11-01", "\"soon\"", "soon", 0);
        assert_eq!(err.message, "opens_on must be a date like 2026-11-01");
        let err = error(
            "opens_on = 2026-11-01\n",
            "opens_on = 2026-11-01\ncloses_on = 2026-10-01\n",
            "closes_on",
            0,
        );
        assert_eq!(err.message, "closes_on is before opens_on");
    }

    #[test]
    fn syntax_error() {
        let err = error(
            "kind = \"feelings\"",
            "kind = \"feelings",
            "kind = \"feelings",
            0,
        );
        assert!(err.message.contains("invalid basic string"), "{err}");
    }

    #[test]
    fn unknown_key() {
        let err = error(
            "kind = \"feelings\"",
            "kind = \"feelings\"\ncolour = \"red\"",
            "colour",
            0,
        );
        assert!(err.message.starts_with("unknown key `colour`"), "{err}");
        assert_eq!(err.column, 1);
    }

    #[test]
    fn other_mistakes() {
        let err = error("slug = \"mini\"", "slug = \"Mini Survey\"", "slug", 0);
        assert!(err.message.contains("lower-case"), "{err}");
        let err = error(
            "slug = \"mini\"",
            "slug = \"mini\"\nsms_keyword = \"views\"",
            "sms_keyword",
            0,
        );
        assert!(err.message.contains("capital letters"), "{err}");
        let err = error("kind = \"feelings\"", "kind = \"smileys\"", "smileys", 0);
        assert!(err.message.contains("use single-choice"), "{err}");
        let err = error(
            "kind = \"single-choice\"",
            "kind = \"free-text\"",
            "[[questions.options]]",
            0,
        );
        assert!(err.message.contains("only single-choice"), "{err}");
        let two_areas = "[[questions]]\nid = \"a\"\nkind = \"area\"\n\n[[questions]]\nid = \"b\"\nkind = \"area\"\n\n";
        let err = error(
            "[[questions]]\nid = \"listened\"",
            &format!("{two_areas}[[questions]]\nid = \"listened\""),
            "kind = \"area\"",
            1,
        );
        assert_eq!(
            err.message,
            r#"question "a" already asks the area question; only one is allowed"#
        );
        let one_option = MINI
            .split("\n[[questions.options]]\nid = \"no\"")
            .next()
            .unwrap();
        let err = load(one_option).unwrap_err();
        assert_eq!(err.message, r#"question "fruit" needs at least 2 options"#);
    }

    #[test]
    fn pictures_match_files() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/pictures");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| {
                e.unwrap()
                    .file_name()
                    .into_string()
                    .ok()?
                    .strip_suffix(".svg")
                    .map(str::to_owned)
            })
            .collect();
        on_disk.sort();
        assert_eq!(on_disk, picture_names().collect::<Vec<_>>());
        for name in picture_names() {
            let svg = picture_svg(name).unwrap();
            assert!(
                svg.starts_with("<svg") && svg.contains("viewBox=\"0 0 72 72\""),
                "{name}"
            );
        }
        assert!(picture_exists("yes") && !picture_exists("../yes"));
        for name in MIRRORED {
            assert!(picture_exists(name), "mirrored picture {name} is missing");
        }
        assert!(mirrored("skip") && !mirrored("yes"));
    }
}
