//! The easy-read check: every text people read in the default locale (en-GB) keeps to
//! easy-read rules. `heard lint` and `cargo test --test easy_read` run it.
//!
//! What is checked ([`check_all`], [`check_root`]):
//!
//! - every message and attribute (`msg.attr`) in `locales/en-GB/*.ftl`, rendered to
//!   plain text as [`ftl`] describes (each variant of a select on its own);
//! - the en-GB title, summary, question text and hint, and option labels of every
//!   `consultations/**/*.toml`, with ids such as
//!   `four-cornerstones/questions/welcome/options/yes/label`.
//!
//! The rules, reported as `id: problem (detail)`:
//!
//! 1. A sentence has at most [`MAX_SENTENCE_WORDS`] words (see [`text`] for what a
//!    sentence and a word are).
//! 2. A word of more than [`MAX_PLAIN_SYLLABLES`] syllables must be in the glossary,
//!    `data/easyread/glossary.txt` (built in). Numbers and acronyms in capitals
//!    (`SEND`, `EHCP`) are exempt.
//! 3. Every choice option has a picture: each option of a consultation (and the
//!    picture must exist), and each `group-*` and `feelings-*` message, which are the
//!    options of the built-in group question and feelings scale and are shown with the
//!    picture of the same name.
//! 4. Question and option text ([`Kind::needs_reading_ease`]) has a Flesch reading ease
//!    of at least [`MIN_READING_EASE`]. Every text's score is reported.
//!
//! **Very short texts.** Flesch is a statistic over words and sentences. On one or two
//! words it measures only whether each word has one syllable: "Sometimes" scores 36.6
//! and "Very happy" 35.6, though both are as easy as option labels get, while "Yes"
//! scores 121. So a text of fewer than [`MIN_WORDS_FOR_READING_EASE`] words has its
//! score reported but is never failed on it; its words are still held to rule 2,
//! which is the meaningful test of a one-word label.

pub mod consultation;
pub mod ftl;
pub mod text;

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::domain::consultation::picture_exists;
use crate::i18n::DEFAULT_LOCALE;

pub use consultation::check_consultation;
pub use text::{reading_ease, syllables};

/// Most words in one sentence.
pub const MAX_SENTENCE_WORDS: usize = 15;
/// Most syllables in a word that needs no glossary entry.
pub const MAX_PLAIN_SYLLABLES: usize = 3;
/// Lowest Flesch reading ease for question and option text.
pub const MIN_READING_EASE: f64 = 70.0;
/// Texts with fewer words are not failed on reading ease (see the module docs).
pub const MIN_WORDS_FOR_READING_EASE: usize = 3;

/// The glossary of allowed long words, one a line, `#` comments.
pub const GLOSSARY_SOURCE: &str = include_str!("../../data/easyread/glossary.txt");

/// What a text is for, which decides whether its reading ease is enforced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A question's text or hint.
    Question,
    /// The label of a choice a person picks.
    Option,
    /// Anything else: titles, summaries, buttons, notices.
    Other,
}

impl Kind {
    /// The kind of a Fluent message by its id: `question-*` is a question, `feelings-*`,
    /// `group-*`, `option-*` and `answer-*` are options. An attribute (`msg.attr`) has
    /// the kind of its message.
    pub fn of_message(id: &str) -> Kind {
        let message = id.split('.').next().unwrap_or(id);
        if message.starts_with("question-") {
            Kind::Question
        } else if ["feelings-", "group-", "option-", "answer-"]
            .iter()
            .any(|p| message.starts_with(p))
        {
            Kind::Option
        } else {
            Kind::Other
        }
    }

    pub fn needs_reading_ease(self) -> bool {
        matches!(self, Kind::Question | Kind::Option)
    }
}

/// Which rule a problem breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    LongSentence,
    LongWord,
    HardToRead,
    NoPicture,
    UnknownPicture,
    NoText,
    Unreadable,
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Rule::LongSentence => "sentence too long",
            Rule::LongWord => "long word not in the glossary",
            Rule::HardToRead => "hard to read",
            Rule::NoPicture => "option has no picture",
            Rule::UnknownPicture => "picture not found",
            Rule::NoText => "no easy-read text",
            Rule::Unreadable => "cannot be read",
        })
    }
}

/// One broken rule in one text.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The message id (`question-skip`, `group-child.label`) or consultation path
    /// (`four-cornerstones/questions/welcome/text`), or a file for a file that
    /// cannot be read.
    pub id: String,
    pub rule: Rule,
    pub detail: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} ({})", self.id, self.rule, self.detail)
    }
}

/// Every problem found, and the reading ease of every text, in the order checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub problems: Vec<Problem>,
    /// Flesch reading ease by id. A message with variants has its lowest score.
    pub scores: Vec<(String, f64)>,
}

impl Report {
    pub fn passed(&self) -> bool {
        self.problems.is_empty()
    }

    /// The problems reported for `id`.
    pub fn problems_for<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Problem> + 'a {
        self.problems.iter().filter(move |p| p.id == id)
    }

    /// The reading ease reported for `id`.
    pub fn score(&self, id: &str) -> Option<f64> {
        self.scores.iter().find(|(i, _)| i == id).map(|(_, s)| *s)
    }

    /// Checks one text that may read several ways (`(variant, text)`, such as each
    /// variant of a Fluent select), recording its problems and its lowest score.
    pub fn add_text(&mut self, id: &str, renderings: &[(String, String)], kind: Kind) {
        let several = renderings.len() > 1;
        let mut long_words = BTreeSet::new();
        let mut lowest: Option<f64> = None;
        for (variant, text) in renderings {
            for mut p in check_text(id, text, kind) {
                if p.rule == Rule::LongWord {
                    if !long_words.insert(p.detail.clone()) {
                        continue;
                    }
                } else if several && !variant.is_empty() {
                    p.detail = format!("variant {variant}: {}", p.detail);
                }
                self.problems.push(p);
            }
            if let Some(score) = reading_ease(text) {
                lowest = Some(lowest.map_or(score, |l: f64| l.min(score)));
            }
        }
        if let Some(score) = lowest {
            self.scores.push((id.to_owned(), score));
        }
    }

    fn problem(&mut self, id: &str, rule: Rule, detail: String) {
        self.problems.push(Problem {
            id: id.to_owned(),
            rule,
            detail,
        });
    }

    fn extend(&mut self, other: Report) {
        self.problems.extend(other.problems);
        self.scores.extend(other.scores);
    }
}

impl fmt::Display for Report {
    /// The problems, one a line, then the reading ease of every text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problems.len() {
            0 => writeln!(f, "Easy read: no problems.")?,
            1 => writeln!(f, "Easy read: 1 problem.")?,
            n => writeln!(f, "Easy read: {n} problems.")?,
        }
        for p in &self.problems {
            writeln!(f, "{p}")?;
        }
        writeln!(f)?;
        writeln!(
            f,
            "Reading ease (Flesch; higher is easier). Question and option text with \
             {MIN_WORDS_FOR_READING_EASE} words or more needs {MIN_READING_EASE}."
        )?;
        let hard: BTreeSet<&str> = self
            .problems
            .iter()
            .filter(|p| p.rule == Rule::HardToRead)
            .map(|p| p.id.as_str())
            .collect();
        for (id, score) in &self.scores {
            let mark = if hard.contains(id.as_str()) {
                "  <- too hard"
            } else {
                ""
            };
            writeln!(f, "{score:>7.1}  {id}{mark}")?;
        }
        Ok(())
    }
}

/// The problems in one text: long sentences, long words not in the glossary, and, for
/// question and option text of [`MIN_WORDS_FOR_READING_EASE`] words or more, a reading
/// ease below [`MIN_READING_EASE`]. Every problem carries `id`.
pub fn check_text(id: &str, text: &str, kind: Kind) -> Vec<Problem> {
    let mut out = Vec::new();
    let problem = |rule, detail| Problem {
        id: id.to_owned(),
        rule,
        detail,
    };
    let mut seen = BTreeSet::new();
    let mut word_count = 0;
    for sentence in text::sentences(text) {
        let words = text::words(sentence);
        word_count += words.len();
        if words.len() > MAX_SENTENCE_WORDS {
            let detail = format!(
                "{} words, at most {MAX_SENTENCE_WORDS}: {sentence:?}",
                words.len()
            );
            out.push(problem(Rule::LongSentence, detail));
        }
        for word in words {
            if word.is_number() || word.is_acronym() {
                continue;
            }
            let n = word.syllables();
            if n > MAX_PLAIN_SYLLABLES && !in_glossary(word.0) && seen.insert(word.0.to_lowercase())
            {
                let detail = format!("{:?} has {n} syllables", word.0);
                out.push(problem(Rule::LongWord, detail));
            }
        }
    }
    if kind.needs_reading_ease() && word_count >= MIN_WORDS_FOR_READING_EASE {
        if let Some(score) = reading_ease(text) {
            if score < MIN_READING_EASE {
                let detail = format!("reading ease {score:.1}, at least {MIN_READING_EASE}");
                out.push(problem(Rule::HardToRead, detail));
            }
        }
    }
    out
}

/// The glossary's words, lower case.
pub fn glossary() -> &'static BTreeSet<String> {
    static WORDS: OnceLock<BTreeSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        GLOSSARY_SOURCE
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .map(normalise)
            .collect()
    })
}

/// Whether `word` (any case, perhaps with a possessive `'s`) is in the glossary.
pub fn in_glossary(word: &str) -> bool {
    let word = normalise(word);
    let stem = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix('\''))
        .unwrap_or(&word);
    glossary().contains(stem)
}

fn normalise(word: &str) -> String {
    word.to_lowercase().replace('’', "'")
}

/// Checks the Fluent files of one locale together, as `(file name, source)`.
pub fn check_ftl(files: &[(String, String)]) -> Report {
    let mut report = Report::default();
    let (messages, errors) = ftl::render(files);
    for e in errors {
        let detail = format!("line {}: {}", e.line, e.message);
        report.problem(&e.file, Rule::Unreadable, detail);
    }
    for m in messages {
        let renderings: Vec<(String, String)> = m
            .renderings
            .into_iter()
            .map(|r| (r.variant, r.text))
            .collect();
        report.add_text(&m.id, &renderings, Kind::of_message(&m.id));
        let is_choice = m.id.starts_with("group-") || m.id.starts_with("feelings-");
        if is_choice && !m.id.contains('.') && !picture_exists(&m.id) {
            let detail = format!(
                "it is a choice option, so it needs a picture called {:?} in assets/pictures",
                m.id
            );
            report.problem(&m.id, Rule::NoPicture, detail);
        }
    }
    report
}

/// Checks heard's own content, in the source tree it was built from.
pub fn check_all() -> Report {
    check_root(Path::new(env!("CARGO_MANIFEST_DIR")))
}

/// Checks `root/locales/en-GB/*.ftl` (but the staff pages' words) and `root/consultations/**/*.toml`.
pub fn check_root(root: &Path) -> Report {
    let mut report = Report::default();
    let locale_dir = Path::new("locales").join(DEFAULT_LOCALE);
    let mut ftl_files = Vec::new();
    match files_under(root, &locale_dir, "ftl") {
        Ok(paths) if paths.is_empty() => {
            let detail = "there are no .ftl files".to_owned();
            report.problem(&locale_dir.display().to_string(), Rule::Unreadable, detail);
        }
        Ok(paths) => {
            ftl_files = paths
                .into_iter()
                .filter(|p| !crate::i18n::is_staff_file(p))
                .collect()
        }
        Err(e) => report.problem(&locale_dir.display().to_string(), Rule::Unreadable, e),
    }
    let mut sources = Vec::new();
    for path in ftl_files {
        match read(root, &path) {
            Ok(source) => sources.push((path.display().to_string(), source)),
            Err(e) => report.problem(&path.display().to_string(), Rule::Unreadable, e),
        }
    }
    report.extend(check_ftl(&sources));

    let consultations = Path::new("consultations");
    let paths = if root.join(consultations).is_dir() {
        files_under(root, consultations, "toml")
    } else {
        Ok(Vec::new())
    };
    match paths {
        Ok(paths) => {
            for path in paths {
                let name = path.display().to_string();
                match read(root, &path) {
                    Ok(source) => report.extend(check_consultation(&name, &source)),
                    Err(e) => report.problem(&name, Rule::Unreadable, e),
                }
            }
        }
        Err(e) => report.problem("consultations", Rule::Unreadable, e),
    }
    report
}

/// Where `heard lint` looks: the current directory if it holds `locales/en-GB`, else
/// the source tree heard was built from, if that is still there.
pub fn default_root() -> Option<PathBuf> {
    let has_locales = |dir: &Path| dir.join("locales").join(DEFAULT_LOCALE).is_dir();
    let here = PathBuf::from(".");
    let built = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    [here, built].into_iter().find(|d| has_locales(d))
}

fn read(root: &Path, relative: &Path) -> Result<String, String> {
    std::fs::read_to_string(root.join(relative)).map_err(|e| e.to_string())
}

/// Files ending in `.ext` under `root/dir`, as paths relative to `root`, sorted.
fn files_under(root: &Path, dir: &Path, ext: &str) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let entries = std::fs::read_dir(root.join(dir)).map_err(|e| e.to_string())?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let relative = dir.join(entry.file_name());
        if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
            out.extend(files_under(root, &relative, ext)?);
        } else if relative.extension().is_some_and(|e| e == ext) {
            out.push(relative);
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_of_messages() {
        assert_eq!(Kind::of_message("question-skip"), Kind::Question);
        assert_eq!(Kind::of_message("group-child"), Kind::Option);
        assert_eq!(Kind::of_message("answer-yes.label"), Kind::Option);
        assert_eq!(Kind::of_message("channel-web"), Kind::Other);
        assert_eq!(Kind::of_message("questions"), Kind::Other);
    }

    #[test]
    fn glossary_is_case_blind_and_allows_possessives() {
        assert!(in_glossary("Disabilities"));
        assert!(in_glossary("CONSULTATION’s"));
        assert!(!in_glossary("information"));
        assert!(!glossary()
            .iter()
            .any(|w| w.contains('#') || w.contains(' ')));
    }

    #[test]
    fn glossary_words_are_long() {
        // A word of three syllables or fewer needs no entry; one here is a mistake
        // (or a sign the syllable counter is wrong for it).
        for word in glossary() {
            assert!(syllables(word) > MAX_PLAIN_SYLLABLES, "{word}");
        }
    }

    #[test]
    fn short_texts_are_not_failed_on_reading_ease() {
        assert!(reading_ease("Sometimes").unwrap() < MIN_READING_EASE);
        assert!(check_text("o", "Sometimes", Kind::Option).is_empty());
        assert!(check_text("o", "Very happy", Kind::Option).is_empty());
        // Still held to the long-word rule.
        let p = check_text("o", "Occasionally", Kind::Option);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].rule, Rule::LongWord);
    }

    #[test]
    fn variants_are_named_and_long_words_reported_once() {
        let mut report = Report::default();
        let long = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen.";
        let renderings = [
            ("[one]".to_owned(), "Unbelievably short.".to_owned()),
            ("[other]".to_owned(), format!("Unbelievably {long}")),
        ];
        report.add_text("m", &renderings, Kind::Other);
        let lines: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
        assert_eq!(lines.len(), 2, "{lines:#?}");
        assert_eq!(
            lines[0],
            "m: long word not in the glossary (\"Unbelievably\" has 5 syllables)"
        );
        assert!(lines[1].starts_with("m: sentence too long (variant [other]: 17 words"));
        assert_eq!(report.scores.len(), 1);
    }
}
