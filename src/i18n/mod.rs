//! Words people see, in every language we support, from the Fluent files in `locales/`.
//!
//! The locale is passed on every call and never set globally: one server answers people
//! in different languages at the same time.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use unic_langid::langid;

use crate::domain::{Channel, RespondentGroup};

pub const LOCALES: &[&str] = &["en-GB", "pl", "ar"];
pub const DEFAULT_LOCALE: &str = "en-GB";

/// Staff pages' words sit in `locales/en-GB/staff*.ftl`: staff pages are in English only and,
/// not being for children or families, are not held to easy read.
pub fn is_staff_file(path: &std::path::Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("staff") && n.ends_with(".ftl"))
}

fluent_templates::static_loader! {
    static LOADER = {
        locales: "./locales",
        fallback_language: "en-GB",
        // Without this Fluent wraps every placeable in U+2068/U+2069, which shows up
        // in SMS and email and breaks tests; pages set `dir` themselves.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// One of the [`LOCALES`]; only [`Locale::parse`] and the constants make one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Locale(&'static str);

impl Locale {
    pub const EN_GB: Locale = Locale("en-GB");
    pub const PL: Locale = Locale("pl");
    pub const AR: Locale = Locale("ar");
    pub const ALL: [Locale; 3] = [Locale::EN_GB, Locale::PL, Locale::AR];

    /// Finds the locale for a tag, ignoring case and falling back on the primary
    /// language, so `en-US` gives `en-GB` and `pl_PL` gives `pl`.
    pub fn parse(tag: &str) -> Option<Locale> {
        let tag = tag.trim();
        let primary = |t: &str| t.split(['-', '_']).next().unwrap_or("").to_owned();
        let wanted = primary(tag);
        LOCALES
            .iter()
            .find(|l| l.eq_ignore_ascii_case(tag))
            .or_else(|| {
                LOCALES
                    .iter()
                    .find(|l| !wanted.is_empty() && primary(l).eq_ignore_ascii_case(&wanted))
            })
            .map(|l| Locale(l))
    }

    /// The best locale for an HTTP `Accept-Language` header, or the default.
    pub fn from_accept_language(header: &str) -> Locale {
        let mut ranked: Vec<(f32, Locale)> = header
            .split(',')
            .filter_map(|part| {
                let mut bits = part.split(';');
                let locale = Locale::parse(bits.next()?)?;
                let q = bits
                    .find_map(|b| b.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                (q > 0.0).then_some((q, locale))
            })
            .collect();
        // Stable sort keeps the header's order among equal weights.
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranked.first().map_or_else(Locale::default, |r| r.1)
    }

    pub fn tag(self) -> &'static str {
        self.0
    }

    pub fn is_rtl(self) -> bool {
        self == Locale::AR
    }

    /// The value for an HTML `dir` attribute.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    fn langid(self) -> LanguageIdentifier {
        match self.0 {
            "pl" => langid!("pl"),
            "ar" => langid!("ar"),
            _ => langid!("en-GB"),
        }
    }
}

impl Default for Locale {
    fn default() -> Self {
        Locale::EN_GB
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl serde::Serialize for Locale {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

/// A value for a `{ $variable }` in a message. Numbers choose plural forms.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_args!(i32, i64, u8, u32, u64, usize, f64);

/// The message `id` in `locale`, falling back to en-GB. A missing id gives the id
/// itself, so a page still works; `locales_are_complete` stops that being shipped.
pub fn text(locale: Locale, id: &str) -> String {
    lookup(locale, id, None)
}

/// Like [`text`], filling in the message's `{ $variables }`.
pub fn text_with(locale: Locale, id: &str, args: &[(&str, Arg)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue> = args
        .iter()
        .map(|(name, value)| {
            let value = match value {
                Arg::Text(s) => FluentValue::from(s.clone()),
                Arg::Number(n) => FluentValue::from(*n),
            };
            (Cow::Owned((*name).to_owned()), value)
        })
        .collect();
    lookup(locale, id, Some(&args))
}

fn lookup(
    locale: Locale,
    id: &str,
    args: Option<&HashMap<Cow<'static, str>, FluentValue>>,
) -> String {
    LOADER
        .try_lookup_complete(&locale.langid(), id, args)
        .unwrap_or_else(|| {
            tracing::warn!(id, locale = locale.tag(), "missing message");
            id.to_owned()
        })
}

pub fn group_label(locale: Locale, group: RespondentGroup) -> String {
    text(locale, &format!("group-{}", group.id()))
}

pub fn channel_name(locale: Locale, channel: Channel) -> String {
    text(locale, &format!("channel-{}", channel.id()))
}

/// The word for a score on the feelings scale, 1 (very unhappy) to 5 (very happy).
pub fn feelings_word(locale: Locale, score: u8) -> String {
    text(locale, &format!("feelings-{}", score.clamp(1, 5)))
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    use fluent_syntax::ast;

    use super::*;

    /// Message id → the variables it uses, for every `.ftl` file of one locale.
    fn messages(tag: &str) -> BTreeMap<String, BTreeSet<String>> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(tag);
        let mut out = BTreeMap::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "ftl") || is_staff_file(&path) {
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            let resource = fluent_syntax::parser::parse(source.as_str())
                .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
            for entry in resource.body {
                match entry {
                    ast::Entry::Message(m) => {
                        let mut vars = BTreeSet::new();
                        let value = m.value.as_ref();
                        let attributes = m.attributes.iter().map(|a| &a.value);
                        for pattern in value.into_iter().chain(attributes) {
                            pattern_vars(pattern, &mut vars);
                        }
                        let id = m.id.name.to_owned();
                        assert!(m.value.is_some(), "{tag}: {id} has no value");
                        assert!(out.insert(id.clone(), vars).is_none(), "{tag}: {id} twice");
                    }
                    ast::Entry::Junk { content } => panic!("{tag}: cannot read {content:?}"),
                    _ => {}
                }
            }
        }
        out
    }

    fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_vars(expression, vars);
            }
        }
    }

    fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                inline_vars(selector, vars);
                for v in variants {
                    pattern_vars(&v.value, vars);
                }
            }
            ast::Expression::Inline(inline) => inline_vars(inline, vars),
        }
    }

    fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                vars.insert(id.name.to_owned());
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline_vars(a, vars);
                }
                for a in &arguments.named {
                    inline_vars(&a.value, vars);
                }
            }
            ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
            _ => {}
        }
    }

    #[test]
    fn locales_are_complete() {
        let english = messages(DEFAULT_LOCALE);
        assert!(!english.is_empty());
        for tag in LOCALES.iter().filter(|t| **t != DEFAULT_LOCALE) {
            let other = messages(tag);
            for (id, vars) in &english {
                let theirs = other.get(id).unwrap_or_else(|| panic!("{tag} has no {id}"));
                assert_eq!(theirs, vars, "{tag}: {id} uses different variables");
            }
            for id in other.keys() {
                assert!(
                    english.contains_key(id),
                    "{tag} has {id}, which en-GB lacks"
                );
            }
        }
    }

    /// Staff words are English only, and every id in them says it is a staff one.
    #[test]
    fn staff_words_are_english_and_marked() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        for tag in LOCALES {
            for entry in std::fs::read_dir(root.join(tag)).unwrap() {
                let path = entry.unwrap().path();
                if !is_staff_file(&path) {
                    continue;
                }
                assert_eq!(*tag, DEFAULT_LOCALE, "{} is not en-GB", path.display());
                let source = std::fs::read_to_string(&path).unwrap();
                let resource = fluent_syntax::parser::parse(source.as_str())
                    .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
                for entry in resource.body {
                    if let ast::Entry::Message(m) = entry {
                        assert!(m.id.name.starts_with("staff-"), "{}", m.id.name);
                    }
                }
            }
        }
    }

    #[test]
    fn code_ids_have_messages() {
        for locale in Locale::ALL {
            for g in RespondentGroup::ALL {
                assert_ne!(group_label(locale, g), format!("group-{}", g.id()));
            }
            for c in Channel::ALL {
                assert_ne!(channel_name(locale, c), format!("channel-{}", c.id()));
            }
            for n in 1..=5 {
                assert_ne!(feelings_word(locale, n), format!("feelings-{n}"));
            }
        }
    }

    #[test]
    fn looks_up_per_call() {
        assert_eq!(text(Locale::EN_GB, "group-child"), "A child (under 11)");
        assert_eq!(text(Locale::PL, "question-skip"), "Pomiń to pytanie");
        assert_eq!(text(Locale::AR, "feelings-5"), "سعيد جدًا");
        assert_eq!(text(Locale::PL, "no-such-message"), "no-such-message");
    }

    #[test]
    fn fills_variables_without_isolation_marks() {
        let args = [("number", Arg::from(2)), ("total", Arg::from(7))];
        assert_eq!(
            text_with(Locale::EN_GB, "question-progress", &args),
            "Question 2 of 7"
        );
        let minutes = |l, n: u32| text_with(l, "consultation-minutes", &[("minutes", n.into())]);
        assert_eq!(minutes(Locale::EN_GB, 1), "This takes about 1 minute.");
        assert_eq!(minutes(Locale::EN_GB, 5), "This takes about 5 minutes.");
        assert_eq!(minutes(Locale::PL, 5), "To zajmie około 5 minut.");
        assert_eq!(minutes(Locale::AR, 2), "يستغرق هذا دقيقتين تقريبًا.");
        assert_eq!(minutes(Locale::AR, 5), "يستغرق هذا حوالي 5 دقائق.");
    }

    #[test]
    fn parses_tags() {
        let tag = |t| Locale::parse(t).map(Locale::tag);
        assert_eq!(tag("en-GB"), Some("en-GB"));
        assert_eq!(tag("EN-gb"), Some("en-GB"));
        assert_eq!(tag("en"), Some("en-GB"));
        assert_eq!(tag("en-US"), Some("en-GB"));
        assert_eq!(tag("pl-PL"), Some("pl"));
        assert_eq!(tag("pl_PL"), Some("pl"));
        assert_eq!(tag("ar-SA"), Some("ar"));
        assert_eq!(tag("fr"), None);
        assert_eq!(tag(""), None);
        assert_eq!(Locale::default().tag(), DEFAULT_LOCALE);
        assert!(Locale::AR.is_rtl());
        assert_eq!(Locale::AR.dir(), "rtl");
        assert_eq!(Locale::PL.dir(), "ltr");
    }

    #[test]
    fn reads_accept_language() {
        let pick = |h| Locale::from_accept_language(h).tag();
        assert_eq!(pick("fr-FR,pl;q=0.8,en;q=0.9"), "en-GB");
        assert_eq!(pick("ar-SA,ar;q=0.9"), "ar");
        assert_eq!(pick("de, pl;q=0.5"), "pl");
        assert_eq!(pick("pl;q=0"), "en-GB");
        assert_eq!(pick(""), "en-GB");
    }
}
