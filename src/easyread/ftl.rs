//! Renders the messages of Fluent files into the plain text people will read.
//!
//! Each message value and each attribute (`msg.attr`) becomes one or more texts:
//!
//! - text is kept as written, line breaks included;
//! - a select expression (`{ $n -> [one] … *[other] … }`) gives one text for each of
//!   its variants, labelled with the variant keys, e.g. `[one]`; several selects in one
//!   message give every combination, up to [`MAX_RENDERINGS`];
//! - a variable (`{ $number }`) becomes [`SAMPLE`], a neutral one-syllable word;
//! - a function call (`{ NUMBER($n) }`) becomes its first argument, rendered;
//! - a message or term reference (`{ other }`, `{ -brand }`, `{ msg.attr }`) becomes the
//!   text of what it names, from any of the files checked together; a name that is not
//!   found becomes [`SAMPLE`];
//! - string and number literals (`{ "{" }`, `{ 5 }`) become their value.

use std::collections::HashMap;

use fluent_syntax::ast;
use fluent_syntax::parser::ParserError;

/// What a `{ $variable }` becomes: one word of one syllable, the way a number would be.
pub const SAMPLE: &str = "2";

/// The most texts one message renders to; more combinations of selects are dropped.
pub const MAX_RENDERINGS: usize = 64;

/// One way a message can read: the variant keys chosen (empty if there was no
/// choice) and the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendering {
    pub variant: String,
    pub text: String,
}

/// A message or attribute with every way it can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedMessage {
    /// `msg` or `msg.attr`.
    pub id: String,
    pub renderings: Vec<Rendering>,
}

/// A file that could not be fully read: its name, the line and the parser's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// Renders every message of `files` (name, source), in file order. Files are parsed
/// together so a message may refer to one in another file of the same locale.
pub fn render(files: &[(String, String)]) -> (Vec<RenderedMessage>, Vec<SyntaxError>) {
    let mut errors = Vec::new();
    let resources: Vec<ast::Resource<&str>> = files
        .iter()
        .map(
            |(name, source)| match fluent_syntax::parser::parse(source.as_str()) {
                Ok(resource) => resource,
                Err((resource, errs)) => {
                    errors.extend(errs.iter().map(|e| syntax_error(name, source, e)));
                    resource
                }
            },
        )
        .collect();
    let mut renderer = Renderer::default();
    for entry in resources.iter().flat_map(|r| &r.body) {
        match entry {
            ast::Entry::Message(m) => {
                renderer.messages.entry(m.id.name).or_insert(m);
            }
            ast::Entry::Term(t) => {
                renderer.terms.entry(t.id.name).or_insert(t);
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for entry in resources.iter().flat_map(|r| &r.body) {
        let ast::Entry::Message(m) = entry else {
            continue;
        };
        if let Some(value) = &m.value {
            out.push(RenderedMessage {
                id: m.id.name.to_owned(),
                renderings: renderer.rendered(value),
            });
        }
        for a in &m.attributes {
            out.push(RenderedMessage {
                id: format!("{}.{}", m.id.name, a.id.name),
                renderings: renderer.rendered(&a.value),
            });
        }
    }
    (out, errors)
}

fn syntax_error(file: &str, source: &str, e: &ParserError) -> SyntaxError {
    // The start of the broken entry, which is where an author should look; the
    // parser's own position is where it gave up, often the next line.
    let start = e.slice.as_ref().map_or(e.pos.start, |s| s.start);
    let start = start.min(source.len());
    let skipped = source[start..].len() - source[start..].trim_start().len();
    let at = (start + skipped).min(e.pos.start.max(start));
    let line = source.as_bytes()[..at]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1;
    SyntaxError {
        file: file.to_owned(),
        line,
        message: e.to_string(),
    }
}

/// Deepest chain of references followed; deeper (or circular) ones render as nothing.
const MAX_DEPTH: usize = 8;

type Alternatives = Vec<(String, String)>;

#[derive(Default)]
struct Renderer<'a> {
    messages: HashMap<&'a str, &'a ast::Message<&'a str>>,
    terms: HashMap<&'a str, &'a ast::Term<&'a str>>,
}

impl<'a> Renderer<'a> {
    fn rendered(&self, pattern: &ast::Pattern<&str>) -> Vec<Rendering> {
        self.pattern(pattern, 0)
            .into_iter()
            .map(|(variant, text)| Rendering { variant, text })
            .collect()
    }

    fn pattern(&self, pattern: &ast::Pattern<&str>, depth: usize) -> Alternatives {
        let mut alternatives = one("");
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => {
                    for (_, text) in &mut alternatives {
                        text.push_str(value);
                    }
                }
                ast::PatternElement::Placeable { expression } => {
                    let parts = self.expression(expression, depth);
                    alternatives = combine(&alternatives, &parts);
                }
            }
        }
        alternatives
    }

    fn expression(&self, expression: &ast::Expression<&str>, depth: usize) -> Alternatives {
        match expression {
            ast::Expression::Select { variants, .. } => {
                let mut out = Alternatives::new();
                for v in variants {
                    let key = match &v.key {
                        ast::VariantKey::Identifier { name } => *name,
                        ast::VariantKey::NumberLiteral { value } => *value,
                    };
                    for (label, text) in self.pattern(&v.value, depth) {
                        if out.len() < MAX_RENDERINGS {
                            out.push((format!("[{key}]{label}"), text));
                        }
                    }
                }
                out
            }
            ast::Expression::Inline(inline) => self.inline(inline, depth),
        }
    }

    fn inline(&self, inline: &ast::InlineExpression<&str>, depth: usize) -> Alternatives {
        use ast::InlineExpression as I;
        match inline {
            I::StringLiteral { value } => {
                one(&fluent_syntax::unicode::unescape_unicode_to_string(value))
            }
            I::NumberLiteral { value } => one(value),
            I::VariableReference { .. } => one(SAMPLE),
            I::FunctionReference { arguments, .. } => match arguments.positional.first() {
                Some(first) => self.inline(first, depth),
                None => one(SAMPLE),
            },
            I::MessageReference { id, attribute } => {
                let pattern = self.messages.get(id.name).and_then(|m| match attribute {
                    Some(a) => attribute_pattern(&m.attributes, a.name),
                    None => m.value.as_ref(),
                });
                self.reference(pattern, depth)
            }
            I::TermReference { id, attribute, .. } => {
                let pattern = self.terms.get(id.name).and_then(|t| match attribute {
                    Some(a) => attribute_pattern(&t.attributes, a.name),
                    None => Some(&t.value),
                });
                self.reference(pattern, depth)
            }
            I::Placeable { expression } => self.expression(expression, depth),
        }
    }

    fn reference(&self, pattern: Option<&ast::Pattern<&str>>, depth: usize) -> Alternatives {
        match pattern {
            Some(_) if depth >= MAX_DEPTH => one(""),
            Some(p) => self.pattern(p, depth + 1),
            None => one(SAMPLE),
        }
    }
}

fn attribute_pattern<'p>(
    attributes: &'p [ast::Attribute<&str>],
    name: &str,
) -> Option<&'p ast::Pattern<&'p str>> {
    attributes
        .iter()
        .find(|a| a.id.name == name)
        .map(|a| &a.value)
}

fn one(text: &str) -> Alternatives {
    vec![(String::new(), text.to_owned())]
}

/// Every alternative of `a` followed by every one of `b`, up to [`MAX_RENDERINGS`].
fn combine(a: &Alternatives, b: &Alternatives) -> Alternatives {
    let mut out = Alternatives::new();
    for (label_a, text_a) in a {
        for (label_b, text_b) in b {
            if out.len() < MAX_RENDERINGS {
                out.push((format!("{label_a}{label_b}"), format!("{text_a}{text_b}")));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(source: &str) -> Vec<(String, Vec<(String, String)>)> {
        let (messages, errors) = render(&[("test.ftl".to_owned(), source.to_owned())]);
        assert!(errors.is_empty(), "{errors:?}");
        messages
            .into_iter()
            .map(|m| {
                let r = m.renderings.into_iter().map(|r| (r.variant, r.text));
                (m.id, r.collect())
            })
            .collect()
    }

    fn plain(id: &str, text: &str) -> (String, Vec<(String, String)>) {
        (id.to_owned(), vec![(String::new(), text.to_owned())])
    }

    #[test]
    fn renders_text_variables_and_attributes() {
        let source = "\
# A comment
hello = Hello { $name }, you are { NUMBER($age) } today.
-brand = heard
about = About { -brand } and { hello }
button =
    .label = Press { \"{\" } here
multi =
    First line.
    Second line.
";
        assert_eq!(
            texts(source),
            [
                plain("hello", "Hello 2, you are 2 today."),
                plain("about", "About heard and Hello 2, you are 2 today."),
                plain("button.label", "Press { here"),
                plain("multi", "First line.\nSecond line."),
            ]
        );
    }

    #[test]
    fn renders_each_variant() {
        let source = "\
minutes = { $n ->
    [one] About 1 minute.
   *[other] About { $n } minutes.
  } { $g ->
    [a] A
   *[b] B
  }
";
        let rendered = texts(source);
        let texts: Vec<(&str, &str)> = rendered[0]
            .1
            .iter()
            .map(|(v, t)| (v.as_str(), t.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                ("[one][a]", "About 1 minute. A"),
                ("[one][b]", "About 1 minute. B"),
                ("[other][a]", "About 2 minutes. A"),
                ("[other][b]", "About 2 minutes. B"),
            ]
        );
    }

    #[test]
    fn references_are_bounded() {
        let source = "a = A { b }\nb = B { a }\nc = { missing } { -gone }\n";
        let rendered = texts(source);
        assert!(rendered[0].1[0].1.starts_with("A B A B"));
        assert_eq!(rendered[2].1[0].1, "2 2");
    }

    #[test]
    fn reports_syntax_errors_with_lines() {
        let source = "ok = Fine\nbad = { $x\nalso-ok = Fine\n";
        let (messages, errors) = render(&[("x.ftl".to_owned(), source.to_owned())]);
        assert_eq!(errors.len(), 1);
        assert_eq!((errors[0].file.as_str(), errors[0].line), ("x.ftl", 2));
        let ids: Vec<&str> = messages.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["ok", "also-ok"]);
    }
}
