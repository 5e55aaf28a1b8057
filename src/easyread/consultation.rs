//! The en-GB texts and option pictures of a consultation file.
//!
//! The file is read as plain TOML, not through the consultation loader, so that a
//! file the loader would stop at its first mistake (an option with no picture, say)
//! still has every text checked and every problem reported by id.

use toml::{Table, Value};

use super::{Kind, Report, Rule};
use crate::domain::consultation::picture_exists;
use crate::i18n::DEFAULT_LOCALE;

/// Checks one consultation file. `file` names it in problems about the whole file and
/// gives the slug if the file has none.
pub fn check_consultation(file: &str, source: &str) -> Report {
    let mut report = Report::default();
    let table: Table = match source.parse() {
        Ok(t) => t,
        Err(e) => {
            report.problem(file, Rule::Unreadable, e.message().trim().to_owned());
            return report;
        }
    };
    let stem = std::path::Path::new(file)
        .file_stem()
        .map_or(file.to_owned(), |s| s.to_string_lossy().into_owned());
    let slug = table.get("slug").and_then(Value::as_str).unwrap_or(&stem);
    text(
        &mut report,
        &format!("{slug}/title"),
        table.get("title"),
        Kind::Other,
        true,
    );
    text(
        &mut report,
        &format!("{slug}/summary"),
        table.get("summary"),
        Kind::Other,
        true,
    );

    let questions = table.get("questions").and_then(Value::as_array);
    for (i, q) in questions.into_iter().flatten().enumerate() {
        let Some(q) = q.as_table() else { continue };
        let base = format!("{slug}/questions/{}", id_or_position(q, i));
        // Area and group questions take their words from the Fluent files, which are
        // checked there; every other kind must have its own text.
        let kind = q.get("kind").and_then(Value::as_str).unwrap_or("");
        let built_in = matches!(kind, "area" | "group");
        text(
            &mut report,
            &format!("{base}/text"),
            q.get("text"),
            Kind::Question,
            !built_in,
        );
        text(
            &mut report,
            &format!("{base}/hint"),
            q.get("hint"),
            Kind::Question,
            false,
        );

        let options = q.get("options").and_then(Value::as_array);
        for (j, o) in options.into_iter().flatten().enumerate() {
            let Some(o) = o.as_table() else { continue };
            let base = format!("{base}/options/{}", id_or_position(o, j));
            text(
                &mut report,
                &format!("{base}/label"),
                o.get("label"),
                Kind::Option,
                true,
            );
            picture(&mut report, &format!("{base}/picture"), o.get("picture"));
        }
    }
    report
}

/// A table's `id`, or its place (from 1) if it has none.
fn id_or_position(t: &Table, index: usize) -> String {
    t.get("id")
        .and_then(Value::as_str)
        .map_or_else(|| (index + 1).to_string(), str::to_owned)
}

fn text(report: &mut Report, id: &str, value: Option<&Value>, kind: Kind, required: bool) {
    let english = value
        .and_then(Value::as_table)
        .and_then(|t| t.get(DEFAULT_LOCALE))
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|t| !t.is_empty());
    match english {
        Some(t) => report.add_text(id, &[(String::new(), t.to_owned())], kind),
        None if value.is_some() || required => {
            let detail = format!("there is no {DEFAULT_LOCALE} text to read");
            report.problem(id, Rule::NoText, detail);
        }
        None => {}
    }
}

fn picture(report: &mut Report, id: &str, value: Option<&Value>) {
    match value.and_then(Value::as_str).map(str::trim) {
        Some(name) if !name.is_empty() => {
            if !picture_exists(name) {
                let detail = format!("there is no picture called {name:?} in assets/pictures");
                report.problem(id, Rule::UnknownPicture, detail);
            }
        }
        _ => {
            let detail = "every choice option needs a picture".to_owned();
            report.problem(id, Rule::NoPicture, detail);
        }
    }
}
