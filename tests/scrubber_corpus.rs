//! Corpus test for the scrubber: measured miss and false-positive rates.
//!
//! `tests/data/scrubber/with_pii.txt`: one answer per line, `input<TAB>pii1|pii2|...`;
//! each `piiN` is a substring that must not survive scrubbing.
//! `tests/data/scrubber/without_pii.txt`: one answer per line with no personal
//! data; each must come out byte-identical.
//! Blank lines and lines starting with `#` are skipped.

use std::path::PathBuf;

use heard::privacy::{scrub, ScrubbedText};

/// Bounds: what was measured on these corpora, rounded up to a whole percent.
/// Never raise either above 2%.
const MAX_MISS_RATE: f64 = 0.0;
const MAX_FALSE_POSITIVE_RATE: f64 = 0.0;
/// The held-out corpus's measured rates (the fifth set written blind, a natural mix: 2.14%
/// and 1.67%), rounded up.
/// These are the honest estimate; the main corpora were tuned against and measure 0%.
const HELD_OUT_MAX_MISS_RATE: f64 = 3.0;
const HELD_OUT_MAX_FALSE_POSITIVE_RATE: f64 = 2.0;

fn corpus(name: &str) -> Vec<String> {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "data",
        "scrubber",
        name,
    ]
    .iter()
    .collect();
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

fn is_held_out(name: &str) -> bool {
    name.starts_with("holdout_")
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// Scrubs every line of a `with_pii` corpus; returns (misses, details checked).
fn misses(name: &str) -> (Vec<String>, usize) {
    let mut items = 0;
    let mut misses = Vec::new();
    for line in corpus(name) {
        let (input, pii) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("no tab in corpus line: {line}"));
        let out: ScrubbedText = scrub(input);
        for item in pii.split('|').filter(|p| !p.is_empty()) {
            items += 1;
            if out.as_str().contains(item) {
                misses.push(format!("MISS {item:?}\n  in:  {input}\n  out: {out}"));
            }
        }
    }
    // A held-out line is never printed, so that no rule is written for it by accident.
    if !is_held_out(name) {
        for m in &misses {
            println!("{m}");
        }
    }
    let rate = percent(misses.len(), items);
    println!(
        "{name}: miss rate {rate:.2}% ({} of {items} personal details survived)",
        misses.len()
    );
    (misses, items)
}

/// Scrubs every line of a `without_pii` corpus; returns (lines changed, lines).
fn false_positives(name: &str) -> (Vec<String>, usize) {
    let lines = corpus(name);
    let mut changed = Vec::new();
    for line in &lines {
        let out = scrub(line);
        if out.as_str() != line {
            changed.push(format!("FALSE POSITIVE\n  in:  {line}\n  out: {out}"));
        }
    }
    if !is_held_out(name) {
        for c in &changed {
            println!("{c}");
        }
    }
    let rate = percent(changed.len(), lines.len());
    println!(
        "{name}: false-positive rate {rate:.2}% ({} of {} clean lines changed)",
        changed.len(),
        lines.len()
    );
    (changed, lines.len())
}

#[test]
fn miss_rate_on_text_with_personal_data() {
    let (missed, items) = misses("with_pii.txt");
    assert!(corpus("with_pii.txt").len() >= 150, "corpus too small");
    let rate = percent(missed.len(), items);
    assert!(
        rate <= MAX_MISS_RATE,
        "miss rate {rate:.2}% > {MAX_MISS_RATE}%"
    );
}

#[test]
fn false_positive_rate_on_text_without_personal_data() {
    let (changed, lines) = false_positives("without_pii.txt");
    assert!(lines >= 150, "corpus too small: {lines}");
    let rate = percent(changed.len(), lines);
    assert!(
        rate <= MAX_FALSE_POSITIVE_RATE,
        "false-positive rate {rate:.2}% > {MAX_FALSE_POSITIVE_RATE}%"
    );
}

/// A held-out corpus, written apart from the scrubber and never tuned against: its rates
/// are the honest estimate the README quotes.
#[test]
fn held_out_rates() {
    let (missed, items) = misses("holdout_with_pii.txt");
    let (changed, lines) = false_positives("holdout_without_pii.txt");
    let miss_rate = percent(missed.len(), items);
    let fp_rate = percent(changed.len(), lines);
    assert!(
        miss_rate <= HELD_OUT_MAX_MISS_RATE,
        "held-out miss rate {miss_rate:.2}%"
    );
    assert!(
        fp_rate <= HELD_OUT_MAX_FALSE_POSITIVE_RATE,
        "held-out false-positive rate {fp_rate:.2}%"
    );
}
