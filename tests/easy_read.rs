//! Every text people read in en-GB keeps to easy-read rules, and the check catches
//! each kind of mistake by its id.

use std::path::Path;
use std::process::{Command, Output};

use heard::easyread::{
    check_all, check_consultation, check_ftl, check_text, Kind, Problem, Report, Rule,
};

/// The problems `report` has for `id` under `rule`.
fn found<'a>(report: &'a Report, id: &str, rule: Rule) -> Vec<&'a Problem> {
    report
        .problems
        .iter()
        .filter(|p| p.id == id && p.rule == rule)
        .collect()
}

fn ftl(source: &str) -> Report {
    check_ftl(&[("test.ftl".to_owned(), source.to_owned())])
}

#[test]
fn shipped_content_is_easy_read() {
    let report = check_all();
    assert!(report.passed(), "{report}");
    // Everything was read: every en-GB message, and the demo down to its options.
    for id in [
        "group-child",
        "feelings-5",
        "question-progress",
        "consultation-minutes",
        "channel-web",
        "four-cornerstones/title",
        "four-cornerstones/summary",
        "four-cornerstones/questions/welcome/text",
        "four-cornerstones/questions/welcome/hint",
        "four-cornerstones/questions/welcome/options/not-sure/label",
        "four-cornerstones/questions/better-together/text",
    ] {
        assert!(report.score(id).is_some(), "no score for {id}\n{report}");
    }
    let source = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en-GB/heard.ftl"),
    )
    .unwrap();
    let messages = source
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()) && l.contains(" ="))
        // A message without words (a list separator) has nothing to score.
        .filter(|l| {
            l.split_once(" =")
                .is_some_and(|(_, v)| v.trim().is_empty() || v.chars().any(char::is_alphabetic))
        })
        .count();
    let ftl_scores = report.scores.iter().filter(|(id, _)| !id.contains('/'));
    assert_eq!(ftl_scores.count(), messages);
}

#[test]
fn a_sixteen_word_sentence_is_reported_with_its_id() {
    let fifteen = "We want to know what you think about the help you get at your school.";
    let sixteen = "We want to know what you think about the help you get at your own school.";
    assert!(check_text("ok", fifteen, Kind::Other).is_empty());
    let problems = check_text("summary-intro", sixteen, Kind::Other);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].id, "summary-intro");
    assert_eq!(problems[0].rule, Rule::LongSentence);
    assert!(problems[0].detail.starts_with("16 words, at most 15"));

    // Line breaks and colons end sentences; two short ones are fine.
    let split = "We want to know what you think:\nabout the help you get at your own school.";
    assert!(check_text("ok", split, Kind::Other).is_empty());

    // In a Fluent file, with the message id and the variant.
    let report = ftl(&format!(
        "notice-long = {{ $n ->\n    [one] Short.\n   *[other] {sixteen}\n}}\n"
    ));
    let long = found(&report, "notice-long", Rule::LongSentence);
    assert_eq!(long.len(), 1, "{report}");
    assert!(long[0].detail.starts_with("variant [other]: 16 words"));
    assert!(report
        .to_string()
        .contains("notice-long: sentence too long (variant [other]: 16 words"));
}

#[test]
fn a_long_word_not_in_the_glossary_is_reported_with_its_id() {
    let problems = check_text("notice-info", "Read the information below.", Kind::Other);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].id, "notice-info");
    assert_eq!(problems[0].rule, Rule::LongWord);
    assert_eq!(problems[0].detail, "\"information\" has 4 syllables");
    assert_eq!(
        problems[0].to_string(),
        "notice-info: long word not in the glossary (\"information\" has 4 syllables)"
    );
    // Glossary words in any case, acronyms, numbers and three-syllable words pass.
    let fine = "SEND means Special Educational Needs and Disabilities. Ask about your EHCP on 01392 383000 together.";
    assert!(check_text("ok", fine, Kind::Other).is_empty());

    // In a Fluent attribute, by `msg.attr`.
    let report = ftl("button-next = Next\n    .title = Go to the next consultation page\n    .aria = Unnecessarily\n");
    assert!(found(&report, "button-next.title", Rule::LongWord).is_empty());
    assert_eq!(found(&report, "button-next.aria", Rule::LongWord).len(), 1);
    // In a consultation, by path.
    let report = check_consultation(
        "x.toml",
        &MINI.replace("\"Pick one\"", "\"Pick one, individually\""),
    );
    assert_eq!(
        found(&report, "mini/questions/fruit/text", Rule::LongWord).len(),
        1
    );
}

const MINI: &str = r#"slug = "mini"
opens_on = 2026-11-01
estimated_minutes = 2
title = { en-GB = "Hello" }
summary = { en-GB = "Tell us." }

[[questions]]
id = "fruit"
kind = "single-choice"
text = { en-GB = "Pick one" }

[[questions.options]]
id = "yes"
picture = "yes"
label = { en-GB = "Yes" }

[[questions.options]]
id = "no"
picture = "no"
label = { en-GB = "No" }

[[questions]]
id = "where"
kind = "area"
"#;

#[test]
fn an_option_without_a_picture_is_reported_with_its_id() {
    assert!(check_consultation("mini.toml", MINI).passed());

    let no_picture = MINI.replacen("picture = \"no\"\n", "", 1);
    let report = check_consultation("mini.toml", &no_picture);
    let missing = found(
        &report,
        "mini/questions/fruit/options/no/picture",
        Rule::NoPicture,
    );
    assert_eq!(missing.len(), 1, "{report}");
    assert_eq!(report.problems.len(), 1, "{report}");
    assert!(report
        .to_string()
        .contains("mini/questions/fruit/options/no/picture: option has no picture"));

    let empty = MINI.replacen("picture = \"no\"", "picture = \"  \"", 1);
    let report = check_consultation("mini.toml", &empty);
    assert_eq!(
        found(
            &report,
            "mini/questions/fruit/options/no/picture",
            Rule::NoPicture
        )
        .len(),
        1
    );

    let unknown = MINI.replacen("picture = \"no\"", "picture = \"banana\"", 1);
    let report = check_consultation("mini.toml", &unknown);
    let bad = found(
        &report,
        "mini/questions/fruit/options/no/picture",
        Rule::UnknownPicture,
    );
    assert_eq!(bad.len(), 1, "{report}");
    assert!(bad[0].detail.contains("\"banana\""));

    // An option with no id is named by its place.
    let no_id = MINI
        .replacen("id = \"no\"\n", "", 1)
        .replacen("picture = \"no\"\n", "", 1);
    let report = check_consultation("mini.toml", &no_id);
    assert_eq!(
        found(
            &report,
            "mini/questions/fruit/options/2/picture",
            Rule::NoPicture
        )
        .len(),
        1
    );

    // The built-in choices in Fluent files need a picture of the same name.
    let report = ftl("group-child = A child\ngroup-grandparent = A grandparent\n");
    assert!(found(&report, "group-child", Rule::NoPicture).is_empty());
    assert_eq!(
        found(&report, "group-grandparent", Rule::NoPicture).len(),
        1
    );
}

#[test]
fn a_hard_question_is_reported_with_its_id() {
    let hard = "Do you consider the present arrangements suitable?";
    let problems = check_text("q", hard, Kind::Question);
    let ease: Vec<_> = problems
        .iter()
        .filter(|p| p.rule == Rule::HardToRead)
        .collect();
    assert_eq!(ease.len(), 1, "{problems:?}");
    assert_eq!(ease[0].id, "q");
    assert!(
        ease[0].detail.starts_with("reading ease "),
        "{}",
        ease[0].detail
    );
    // The same words elsewhere are reported but not failed on reading ease.
    let other = check_text("title", hard, Kind::Other);
    assert!(other.iter().all(|p| p.rule != Rule::HardToRead));

    // A question in a consultation, by path, with its score in the table.
    let source = MINI.replace(
        "\"Pick one\"",
        "\"Which of these possibilities seems preferable?\"",
    );
    let report = check_consultation("mini.toml", &source);
    let id = "mini/questions/fruit/text";
    assert_eq!(found(&report, id, Rule::HardToRead).len(), 1, "{report}");
    assert!(report.score(id).unwrap() < 70.0);
    assert!(report.to_string().contains(&format!("  {id}  <- too hard")));

    // Option labels, and Fluent messages by prefix.
    let source = MINI.replace("\"Yes\"", "\"Yes, generally speaking\"");
    let report = check_consultation("mini.toml", &source);
    assert_eq!(
        found(
            &report,
            "mini/questions/fruit/options/yes/label",
            Rule::HardToRead
        )
        .len(),
        1
    );
    let report = ftl(&format!(
        "question-hard = {hard}\noption-hard = {hard}\nnotice-hard = {hard}\n"
    ));
    assert_eq!(found(&report, "question-hard", Rule::HardToRead).len(), 1);
    assert_eq!(found(&report, "option-hard", Rule::HardToRead).len(), 1);
    assert!(found(&report, "notice-hard", Rule::HardToRead).is_empty());
    assert!(report.score("notice-hard").is_some());
}

#[test]
fn one_or_two_word_labels_are_judged_by_their_words() {
    // "Sometimes" and "Very happy" score under 70 because Flesch only counts
    // syllables here; they are easy, and not failed.
    for label in ["Sometimes", "Very happy", "Yes"] {
        assert!(check_text("o", label, Kind::Option).is_empty(), "{label}");
    }
    // A one-word label with a long word fails on the word, once, not on the score.
    let problems = check_text("o", "Occasionally", Kind::Option);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].rule, Rule::LongWord);
}

#[test]
fn unreadable_files_are_problems_not_panics() {
    let report = ftl("fine = Fine\nbroken = { $x\n");
    assert_eq!(
        found(&report, "test.ftl", Rule::Unreadable).len(),
        1,
        "{report}"
    );
    assert!(report.score("fine").is_some());
    let report = check_consultation("bad.toml", "slug = ");
    assert_eq!(found(&report, "bad.toml", Rule::Unreadable).len(), 1);
    let report = check_consultation(
        "bad.toml",
        &MINI.replace("title = { en-GB = \"Hello\" }\n", ""),
    );
    assert_eq!(
        found(&report, "mini/title", Rule::NoText).len(),
        1,
        "{report}"
    );
}

/// `heard lint` with no HEARD_* settings but a broken one, to show it reads none.
fn lint(dir: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_heard"));
    cmd.current_dir(dir).arg("lint").args(args).env_clear();
    if let Ok(path) = std::env::var("PATH") {
        cmd.env("PATH", path);
    }
    cmd.env("HEARD_DB_MAX_CONNECTIONS", "lots")
        .output()
        .unwrap()
}

#[test]
fn heard_lint_passes_on_shipped_content_without_settings() {
    let output = lint(Path::new(env!("CARGO_MANIFEST_DIR")), &[]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.starts_with("Easy read: no problems."), "{stdout}");
    assert!(
        stdout.contains("  four-cornerstones/questions/welcome/text\n"),
        "{stdout}"
    );
}

#[test]
fn heard_lint_fails_and_lists_offenders() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("locales/en-GB")).unwrap();
    std::fs::create_dir_all(root.join("consultations/drafts")).unwrap();
    std::fs::write(
        root.join("locales/en-GB/extra.ftl"),
        "question-hard = Do you consider the present arrangements suitable?\n",
    )
    .unwrap();
    let no_picture = MINI.replacen("picture = \"yes\"\n", "", 1);
    std::fs::write(root.join("consultations/drafts/mini.toml"), no_picture).unwrap();

    let output = lint(Path::new("/"), &["--root", root.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stdout}");
    assert_eq!(
        stderr.trim(),
        "heard: lint: 2 easy-read problems",
        "{stdout}"
    );
    assert!(stdout.starts_with("Easy read: 2 problems.\n"), "{stdout}");
    assert!(
        stdout.contains("\nquestion-hard: hard to read (reading ease "),
        "{stdout}"
    );
    assert!(
        stdout.contains("\nmini/questions/fruit/options/yes/picture: option has no picture"),
        "{stdout}"
    );

    // A folder with no Fluent files is a failure, not a silent pass.
    let empty = tempfile::tempdir().unwrap();
    let output = lint(Path::new("/"), &["--root", empty.path().to_str().unwrap()]);
    assert!(!output.status.success());
}
