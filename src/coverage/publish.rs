//! The publication rule: what a lead may export for publication, with small numbers hidden.
//!
//! Staff see exact figures (`report`); everything here is for files that leave the council.
//! The rule, with threshold T (`HEARD_SUPPRESS_BELOW`, default 10):
//!
//! - **Primary.** Every count from 1 to T−1 shows as `<T`. Zero shows as 0: a zero singles
//!   nobody out, and it is the very finding coverage is for (where nobody has been heard).
//! - **Secondary.** Counts are tied together by published sums: the districts' responses add
//!   up to N; each district's group cells and its channel cells add up to its responses; each
//!   group column and each channel column adds up to its published total, and those totals add
//!   up to N. In no sum may exactly one figure (a cell or the total) be hidden, or it could be
//!   worked out by subtraction: another shown, non-zero figure of that sum is hidden too,
//!   shown as `[c]`, chosen by looking ahead for the least hidden in the end (see
//!   [`suppress`]). Then the range each hidden figure could take, given every published sum
//!   and that `<T` means 1..T−1 and `[c]` means T or more, is narrowed sum by sum
//!   ([`ranges`]); a hidden figure pinned to one value gets another hidden beside it.
//! - **Between tables.** The tables share their totals (a district's row in each cross-tab
//!   adds up to the same responses figure as in the area table), so suppression runs over all
//!   of them at once and a figure hidden in one is hidden wherever it appears. Responses from
//!   outside any district, or not said, are one figure in no sum (`not_in_a_district`): broken
//!   down, or with a published grand total, they would be one subtraction away.
//! - **Derived figures.** share, ratio, the Wilson interval, status and voices needed are
//!   withheld (null) for a district whose count or N is hidden; similarity and r-score are
//!   withheld when any district's count is hidden, since each is built from all of them.
//! - **Responses export.** See [`generalise`]: a district, group or channel is named only where
//!   the coverage export shows that very cell exactly, and then only when at least T rows
//!   share it; the day is kept only when at least T rows of the same district, group and
//!   channel share it, else its ISO week, else it is left blank. Rows whose total the coverage
//!   export hides are left out, so the two files together give away no hidden figure.

use super::report::AREA_COLUMNS;
use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde_json::{json, Value};

use super::Coverage;

/// The threshold when `HEARD_SUPPRESS_BELOW` is not set.
pub const DEFAULT_THRESHOLD: u64 = 10;

/// What a hidden figure shows when it was hidden only so a smaller one cannot be worked out.
pub const SECONDARY: &str = "[c]";

/// The place of responses from a Devon district not named in a responses export.
pub const OTHER_DEVON: &str = "other-devon";
/// The place of responses from outside any district, or where none was said.
pub const NOT_IN_A_DISTRICT: &str = "not-in-a-district";
/// The label of a group or channel that is not named.
pub const WITHHELD: &str = "withheld";

/// The publication rule at one threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    threshold: u64,
}

impl Rule {
    /// A threshold below 2 would hide nothing; the config refuses one, this keeps it sound.
    pub fn new(threshold: u64) -> Rule {
        Rule {
            threshold: threshold.max(2),
        }
    }

    pub fn threshold(self) -> u64 {
        self.threshold
    }

    /// What a small count shows: `<10`.
    pub fn small(self) -> String {
        format!("<{}", self.threshold)
    }

    /// The rule in plain words, as it is written into every file and on the export page
    /// (one sentence a line; the words are in `locales/en-GB/staff-exports.ftl`).
    pub fn lines(self) -> Vec<String> {
        use crate::i18n::{text_with, Arg, Locale};
        let args = [
            ("threshold", Arg::from(self.threshold)),
            ("below", Arg::from(self.threshold - 1)),
        ];
        [
            "staff-exports-rule-small",
            "staff-exports-rule-secondary",
            "staff-exports-rule-derived",
            "staff-exports-rule-names",
            "staff-exports-rule-day",
        ]
        .iter()
        .map(|id| text_with(Locale::EN_GB, id, &args))
        .collect()
    }

    /// The rule as one paragraph.
    pub fn text(self) -> String {
        self.lines().join(" ")
    }

    /// The `suppression` object every JSON export carries.
    pub fn json(self) -> Value {
        json!({
            "threshold": self.threshold,
            "small": self.small(),
            "secondary": SECONDARY,
            "rule": self.text(),
        })
    }

    /// The comment lines at the top of every CSV export (read them with
    /// `csv::ReaderBuilder::comment(Some(b'#'))`; spreadsheets show them above the table).
    pub fn csv_comment(self) -> String {
        let mut s = String::new();
        for line in self.lines() {
            s.push_str("# ");
            s.push_str(&line);
            s.push('\n');
        }
        s
    }
}

impl Default for Rule {
    fn default() -> Rule {
        Rule::new(DEFAULT_THRESHOLD)
    }
}

/// A count as published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    Exact(u64),
    /// 1 to T−1: shows as `<T`.
    Small,
    /// T or more, hidden so a small count cannot be worked out: shows as `[c]`.
    Withheld,
}

impl Published {
    /// A figure in no published sum: the primary rule alone.
    pub fn primary(n: u64, rule: Rule) -> Published {
        if (1..rule.threshold()).contains(&n) {
            Published::Small
        } else {
            Published::Exact(n)
        }
    }

    pub fn exact(self) -> Option<u64> {
        match self {
            Published::Exact(n) => Some(n),
            _ => None,
        }
    }

    pub fn is_shown(self) -> bool {
        matches!(self, Published::Exact(_))
    }

    pub fn text(self, rule: Rule) -> String {
        match self {
            Published::Exact(n) => n.to_string(),
            Published::Small => rule.small(),
            Published::Withheld => SECONDARY.to_owned(),
        }
    }

    /// A number when shown, else the marker as a string.
    pub fn json(self, rule: Rule) -> Value {
        match self {
            Published::Exact(n) => json!(n),
            hidden => json!(hidden.text(rule)),
        }
    }
}

/// One published sum: the figures at `parts` add up to the figure at `total`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sum {
    pub parts: Vec<usize>,
    pub total: usize,
}

impl Sum {
    fn members(&self) -> impl Iterator<Item = usize> + '_ {
        self.parts.iter().copied().chain([self.total])
    }
}

/// Suppression over counts tied by `sums`: primary, then secondary until stable. `weights`
/// say how much hiding each figure costs (a district's total matters more than one cell).
///
/// At each step the figure to hide beside is chosen by looking ahead: each shown non-zero
/// figure of the sum is tried, the rest of the suppression is run simply (the cheapest figure
/// that opens no new sum with one hidden figure, then the smallest), and the one leaving the
/// least hidden weight wins (ties: the smaller figure). Without the
/// look-ahead, hiding the one cell of a column can hide a whole district's row after it.
pub fn suppress(values: &[u64], sums: &[Sum], weights: &[u64], rule: Rule) -> Vec<Published> {
    let start: Vec<Published> = values
        .iter()
        .map(|&n| Published::primary(n, rule))
        .collect();
    settle(values, sums, weights, rule, start, true)
}

fn settle(
    values: &[u64],
    sums: &[Sum],
    weights: &[u64],
    rule: Rule,
    mut out: Vec<Published>,
    look_ahead: bool,
) -> Vec<Published> {
    // Each round hides at least one more figure or stops, so this ends.
    for _ in 0..=values.len() {
        let candidates = match sums
            .iter()
            .find(|s| s.members().filter(|&i| !out[i].is_shown()).count() == 1)
        {
            Some(sum) => shown_members(sum, values, &out),
            None => match first_pinned(values, sums, &out, rule) {
                Some(pinned) => {
                    let mut c: Vec<usize> = sums
                        .iter()
                        .filter(|s| s.members().any(|i| i == pinned))
                        .flat_map(|s| shown_members(s, values, &out))
                        .collect();
                    c.sort_unstable();
                    c.dedup();
                    if c.is_empty() {
                        // Pinned by sums further off (everything beside it is hidden or 0):
                        // any shown figure may be the one that frees it.
                        // The few smallest are tried, so looking ahead stays cheap.
                        c = (0..values.len())
                            .filter(|&i| out[i].is_shown() && values[i] > 0)
                            .collect();
                        c.sort_by_key(|&i| (values[i], i));
                        c.truncate(8);
                    }
                    c
                }
                None => break,
            },
        };
        // A sum with one hidden figure always has a shown non-zero one (the hidden one is
        // not zero, so neither is the total, or else a part is); with nothing shown but zeros
        // left, a pinned figure is as hidden as this rule can make it.
        let best = if look_ahead {
            candidates.iter().copied().min_by_key(|&i| {
                let mut trial = out.clone();
                trial[i] = Published::Withheld;
                let trial = settle(values, sums, weights, rule, trial, false);
                (hidden_weight(&trial, values, weights), values[i], i)
            })
        } else {
            // Simply: the cheapest figure that leaves no new sum with one hidden figure.
            candidates.iter().copied().min_by_key(|&i| {
                let opens = sums
                    .iter()
                    .filter(|s| s.members().any(|m| m == i))
                    .filter(|s| s.members().all(|m| m == i || out[m].is_shown()))
                    .count();
                (weights.get(i).copied().unwrap_or(1), opens, values[i], i)
            })
        };
        match best {
            Some(i) => out[i] = Published::Withheld,
            None => break,
        }
    }
    out
}

fn shown_members(sum: &Sum, values: &[u64], out: &[Published]) -> Vec<usize> {
    sum.members()
        .filter(|&i| out[i].is_shown() && values[i] > 0)
        .collect()
}

/// What a suppression costs: each hidden figure's weight times (1 + its value), so hiding
/// less, and smaller figures, is better (the usual aim: least hidden in total).
fn hidden_weight(out: &[Published], values: &[u64], weights: &[u64]) -> u64 {
    out.iter()
        .enumerate()
        .filter(|(_, p)| !p.is_shown())
        .map(|(i, _)| {
            weights
                .get(i)
                .copied()
                .unwrap_or(1)
                .saturating_mul(1 + values[i])
        })
        .fold(0, u64::saturating_add)
}

const UNBOUNDED: i64 = i64::MAX / 4;

/// One linear fact about the hidden figures: Σ coefficient × figure = constant.
type Equation = (Vec<(usize, f64)>, f64);

/// The hidden figures' ranges: the bounds anyone could work out from what is published.
///
/// Each published sum is an equation in the hidden figures (shown ones are constants); the
/// equations are also combined (row-reduced) so that what follows from several sums at once
/// is seen too, such as two rows whose hidden cells are the same two columns'. Each range
/// starts from its marker (`<T` is 1..T−1, `[c]` is T or more) and is narrowed by every
/// equation until nothing changes. A sound outer bound: a range of one value means that figure
/// really can be worked out.
pub fn ranges(values: &[u64], sums: &[Sum], out: &[Published], rule: Rule) -> Vec<(i64, i64)> {
    let t = rule.threshold() as f64;
    let mut range: Vec<(f64, f64)> = out
        .iter()
        .zip(values)
        .map(|(p, &n)| match p {
            Published::Exact(_) => (n as f64, n as f64),
            Published::Small => (1.0, t - 1.0),
            Published::Withheld => (t, f64::INFINITY),
        })
        .collect();
    let hidden: Vec<usize> = (0..out.len()).filter(|&i| !out[i].is_shown()).collect();
    let mut equations: Vec<Equation> = sums
        .iter()
        .map(|sum| {
            let mut terms = Vec::new();
            let mut constant = 0.0;
            for (i, coefficient) in sum
                .parts
                .iter()
                .map(|&i| (i, 1.0))
                .chain([(sum.total, -1.0)])
            {
                if out[i].is_shown() {
                    constant -= coefficient * values[i] as f64;
                } else {
                    terms.push((i, coefficient));
                }
            }
            (terms, constant)
        })
        .filter(|(terms, _)| !terms.is_empty())
        .collect();
    equations.extend(reduced(&equations, &hidden));
    // Ranges only shrink, by whole numbers; the cap keeps a pathological case bounded.
    for _ in 0..500 {
        let mut changed = false;
        for (terms, constant) in &equations {
            for &(j, a) in terms {
                // a·x_j = constant − Σ others: bound the others' sum, then x_j.
                let (mut lo, mut hi) = (0.0, 0.0);
                for &(k, b) in terms.iter().filter(|(k, _)| *k != j) {
                    let (klo, khi) = range[k];
                    if b > 0.0 {
                        lo += b * klo;
                        hi += b * khi;
                    } else {
                        lo += b * khi;
                        hi += b * klo;
                    }
                }
                let (x1, x2) = ((constant - hi) / a, (constant - lo) / a);
                let (new_lo, new_hi) = if a > 0.0 { (x1, x2) } else { (x2, x1) };
                let (old_lo, old_hi) = range[j];
                // Whole numbers: round inwards, with a hair of tolerance for float error.
                let new_lo = if new_lo.is_finite() {
                    (new_lo - 1e-6).ceil()
                } else {
                    old_lo
                };
                let new_hi = if new_hi.is_finite() {
                    (new_hi + 1e-6).floor()
                } else {
                    old_hi
                };
                let narrowed = (old_lo.max(new_lo), old_hi.min(new_hi));
                if narrowed.0 <= narrowed.1 && narrowed != (old_lo, old_hi) {
                    range[j] = narrowed;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    range
        .into_iter()
        .map(|(lo, hi)| {
            let whole = |x: f64| {
                if x.is_finite() {
                    (x as i64).min(UNBOUNDED)
                } else {
                    UNBOUNDED
                }
            };
            (whole(lo), whole(hi))
        })
        .collect()
}

/// The equations row-reduced over the hidden figures: each row one combination of the sums.
fn reduced(equations: &[Equation], hidden: &[usize]) -> Vec<Equation> {
    let column: BTreeMap<usize, usize> = hidden.iter().enumerate().map(|(c, &i)| (i, c)).collect();
    let width = hidden.len();
    let mut m: Vec<Vec<f64>> = equations
        .iter()
        .map(|(terms, constant)| {
            let mut row = vec![0.0; width + 1];
            for &(i, a) in terms {
                if let Some(&c) = column.get(&i) {
                    row[c] += a;
                }
            }
            row[width] = *constant;
            row
        })
        .collect();
    let mut pivot_row = 0;
    for c in 0..width {
        let Some(best) =
            (pivot_row..m.len()).max_by(|&a, &b| m[a][c].abs().total_cmp(&m[b][c].abs()))
        else {
            break;
        };
        if m[best][c].abs() < 1e-9 {
            continue;
        }
        m.swap(pivot_row, best);
        let p = m[pivot_row][c];
        for x in m[pivot_row].iter_mut() {
            *x /= p;
        }
        let pivot = m[pivot_row].clone();
        for (r, row) in m.iter_mut().enumerate() {
            if r != pivot_row && row[c].abs() > 1e-12 {
                let f = row[c];
                for (x, v) in row.iter_mut().zip(&pivot) {
                    *x -= f * v;
                }
            }
        }
        pivot_row += 1;
        if pivot_row == m.len() {
            break;
        }
    }
    m.into_iter()
        .take(pivot_row)
        .map(|row| {
            let terms = row[..width]
                .iter()
                .enumerate()
                .filter(|(_, a)| a.abs() > 1e-9)
                .map(|(c, &a)| (hidden[c], a))
                .collect();
            (terms, row[width])
        })
        .collect()
}

fn first_pinned(values: &[u64], sums: &[Sum], out: &[Published], rule: Rule) -> Option<usize> {
    ranges(values, sums, out, rule)
        .iter()
        .enumerate()
        .find(|(i, (lo, hi))| !out[*i].is_shown() && lo == hi)
        .map(|(i, _)| i)
}

/// Withheld derived figures of one district.
#[derive(Debug, Clone, PartialEq)]
pub struct Derived {
    pub share: f64,
    pub ratio: Option<f64>,
    pub ci_low: f64,
    pub ci_high: f64,
    pub status: super::Status,
    pub voices_needed: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PublishedArea {
    pub id: String,
    pub name: String,
    pub responses: Published,
    pub expected_share: f64,
    /// None when this district's count or N is hidden.
    pub derived: Option<Derived>,
}

/// Coverage for publication: the same tables as for staff, small numbers hidden. The
/// cross-tabs hold districts only, each with its column totals.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedCoverage {
    pub rule: Rule,
    pub consultation: String,
    pub baseline: super::BaselineSource,
    pub total: Published,
    pub areas: Vec<PublishedArea>,
    pub similarity: Option<f64>,
    pub r_score: Option<f64>,
    /// Responses from outside any district, or not said, as one figure in no sum: broken
    /// down, its parts would add up to it.
    pub not_in_a_district: Published,
    pub by_group: Vec<(String, Vec<(String, Published)>)>,
    pub group_totals: Vec<(String, Published)>,
    pub by_channel: Vec<(String, Vec<(String, Published)>)>,
    pub channel_totals: Vec<(String, Published)>,
}

impl PublishedCoverage {
    fn cell(tab: &[(String, Vec<(String, Published)>)], area: &str, key: &str) -> Published {
        tab.iter()
            .find(|(a, _)| a == area)
            .and_then(|(_, cells)| cells.iter().find(|(k, _)| k == key))
            .map_or(Published::Exact(0), |(_, p)| *p)
    }

    /// Whether this district's count is shown exactly (and is not zero).
    pub fn area_shown(&self, area: &str) -> bool {
        self.areas
            .iter()
            .any(|a| a.id == area && matches!(a.responses, Published::Exact(n) if n > 0))
    }

    pub fn group_shown(&self, area: &str, group: &str) -> bool {
        matches!(Self::cell(&self.by_group, area, group), Published::Exact(n) if n > 0)
    }

    pub fn channel_shown(&self, area: &str, channel: &str) -> bool {
        matches!(Self::cell(&self.by_channel, area, channel), Published::Exact(n) if n > 0)
    }
}

/// Lays coverage out as figures and sums, and suppresses it.
pub fn coverage(c: &Coverage, rule: Rule) -> PublishedCoverage {
    let mut values: Vec<u64> = Vec::new();
    let mut add = |n: u64| {
        values.push(n);
        values.len() - 1
    };
    let districts: Vec<&str> = c.areas.iter().map(|a| a.id.as_str()).collect();
    let total = add(c.total);
    let area_at: Vec<usize> = c.areas.iter().map(|a| add(a.responses)).collect();
    let mut sums = vec![Sum {
        parts: area_at.clone(),
        total,
    }];
    // Each cross-tab over districts: cells, their row sums (the area figure) and column sums.
    let mut tabs = Vec::new();
    for tab in [&c.by_group, &c.by_channel] {
        let rows: Vec<&(String, Vec<(String, u64)>)> = districts
            .iter()
            .filter_map(|d| tab.iter().find(|(a, _)| a == d))
            .collect();
        let keys: Vec<String> = rows
            .first()
            .map(|(_, cells)| cells.iter().map(|(k, _)| k.clone()).collect())
            .unwrap_or_default();
        let cell_at: Vec<Vec<usize>> = rows
            .iter()
            .map(|(_, cells)| cells.iter().map(|(_, n)| add(*n)).collect())
            .collect();
        let column_at: Vec<usize> = (0..keys.len())
            .map(|j| add(rows.iter().map(|(_, cells)| cells[j].1).sum()))
            .collect();
        for (r, (area, _)) in rows.iter().enumerate() {
            let at = districts
                .iter()
                .position(|d| d == area)
                .map(|p| area_at[p])
                .unwrap_or(total);
            sums.push(Sum {
                parts: cell_at[r].clone(),
                total: at,
            });
        }
        for (j, &col) in column_at.iter().enumerate() {
            sums.push(Sum {
                parts: cell_at.iter().map(|row| row[j]).collect(),
                total: col,
            });
        }
        sums.push(Sum {
            parts: column_at.clone(),
            total,
        });
        tabs.push((rows, keys, cell_at, column_at));
    }

    // Hiding N withholds every derived figure, a district's count its own: costly.
    let mut weights = vec![1; values.len()];
    weights[total] = 1000;
    for &i in &area_at {
        weights[i] = 50;
    }
    let out = suppress(&values, &sums, &weights, rule);
    let total_shown = out[total].is_shown();
    let areas: Vec<PublishedArea> = c
        .areas
        .iter()
        .zip(&area_at)
        .map(|(a, &at)| PublishedArea {
            id: a.id.clone(),
            name: a.name.clone(),
            responses: out[at],
            expected_share: a.expected_share,
            derived: (total_shown && out[at].is_shown()).then_some(Derived {
                share: a.share,
                ratio: a.ratio,
                ci_low: a.ci_low,
                ci_high: a.ci_high,
                status: a.status,
                voices_needed: a.voices_needed,
            }),
        })
        .collect();
    let every_area_shown = areas.iter().all(|a| a.derived.is_some());
    let mut tabs = tabs.into_iter().map(|(rows, keys, cell_at, column_at)| {
        let tab: Vec<(String, Vec<(String, Published)>)> = rows
            .iter()
            .zip(&cell_at)
            .map(|((area, _), at)| {
                (
                    area.clone(),
                    keys.iter()
                        .cloned()
                        .zip(at.iter().map(|&i| out[i]))
                        .collect(),
                )
            })
            .collect();
        let totals: Vec<(String, Published)> = keys
            .iter()
            .cloned()
            .zip(column_at.iter().map(|&i| out[i]))
            .collect();
        (tab, totals)
    });
    let (by_group, group_totals) = tabs.next().unwrap_or_default();
    let (by_channel, channel_totals) = tabs.next().unwrap_or_default();
    PublishedCoverage {
        rule,
        consultation: c.consultation.clone(),
        baseline: c.baseline,
        total: out[total],
        similarity: c.similarity.filter(|_| every_area_shown),
        r_score: c.r_score.filter(|_| every_area_shown),
        not_in_a_district: Published::primary(c.others.iter().map(|(_, n)| n).sum(), rule),
        areas,
        by_group,
        group_totals,
        by_channel,
        channel_totals,
    }
}

/// The published coverage as JSON: the staff JSON's field names, hidden counts as strings.
pub fn coverage_json(p: &PublishedCoverage, generated_at: &str) -> Value {
    let rule = p.rule;
    let counts = |cells: &[(String, Published)]| -> Value {
        cells
            .iter()
            .map(|(k, n)| (k.clone(), n.json(rule)))
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    let tab = |tab: &[(String, Vec<(String, Published)>)]| -> Value {
        tab.iter()
            .map(|(area, cells)| json!({ "area": area, "counts": counts(cells) }))
            .collect()
    };
    let areas: Vec<Value> = p
        .areas
        .iter()
        .map(|a| {
            let d = a.derived.as_ref();
            json!({
                "id": a.id,
                "name": a.name,
                "responses": a.responses.json(rule),
                "share": d.map(|d| d.share),
                "expected_share": a.expected_share,
                "ratio": d.and_then(|d| d.ratio),
                "ci_low": d.map(|d| d.ci_low),
                "ci_high": d.map(|d| d.ci_high),
                "status": d.map(|d| d.status.id()),
                "voices_needed": d.map(|d| d.voices_needed),
            })
        })
        .collect();
    json!({
        "consultation": p.consultation,
        "generated_at": generated_at,
        "baseline": p.baseline,
        "suppression": rule.json(),
        "total": p.total.json(rule),
        "similarity": p.similarity,
        "r_score": p.r_score,
        "areas": areas,
        "not_in_a_district": p.not_in_a_district.json(rule),
        "by_group": tab(&p.by_group),
        "group_totals": counts(&p.group_totals),
        "by_channel": tab(&p.by_channel),
        "channel_totals": counts(&p.channel_totals),
    })
}

/// The published coverage as CSV: the rule as `#` lines, then one row per district, a
/// `total` row (N and the column totals), then one `not-in-a-district` row.
pub fn coverage_csv(p: &PublishedCoverage) -> Result<String, csv::Error> {
    let rule = p.rule;
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = AREA_COLUMNS.iter().map(|s| s.to_string()).collect();
    header.extend(p.group_totals.iter().map(|(k, _)| format!("group:{k}")));
    header.extend(p.channel_totals.iter().map(|(k, _)| format!("channel:{k}")));
    out.write_record(&header)?;
    let number = |x: f64| format!("{x:.6}");
    let cells = |tab: &[(String, Vec<(String, Published)>)], area: &str| -> Vec<String> {
        tab.iter()
            .find(|(a, _)| a == area)
            .map(|(_, cells)| cells.iter().map(|(_, n)| n.text(rule)).collect())
            .unwrap_or_default()
    };
    for a in &p.areas {
        let d = a.derived.as_ref();
        let mut row = vec![
            a.id.clone(),
            a.name.clone(),
            a.responses.text(rule),
            d.map(|d| number(d.share)).unwrap_or_default(),
            number(a.expected_share),
            d.and_then(|d| d.ratio).map(number).unwrap_or_default(),
            d.map(|d| number(d.ci_low)).unwrap_or_default(),
            d.map(|d| number(d.ci_high)).unwrap_or_default(),
            d.map(|d| d.status.id().to_owned()).unwrap_or_default(),
            d.map(|d| d.voices_needed.to_string()).unwrap_or_default(),
        ];
        row.extend(cells(&p.by_group, &a.id));
        row.extend(cells(&p.by_channel, &a.id));
        out.write_record(&row)?;
    }
    let width = header.len();
    let mut total = vec!["total".to_owned(), String::new(), p.total.text(rule)];
    total.extend(std::iter::repeat_n(String::new(), 7));
    total.extend(p.group_totals.iter().map(|(_, n)| n.text(rule)));
    total.extend(p.channel_totals.iter().map(|(_, n)| n.text(rule)));
    out.write_record(&total)?;
    let mut row = vec![
        NOT_IN_A_DISTRICT.to_owned(),
        String::new(),
        p.not_in_a_district.text(rule),
    ];
    row.resize(width, String::new());
    out.write_record(&row)?;
    let bytes = out.into_inner().map_err(|e| e.into_error())?;
    Ok(format!(
        "{}{}",
        rule.csv_comment(),
        String::from_utf8_lossy(&bytes)
    ))
}

/// What a responses export is told about each submission, before generalising.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseKey {
    /// The district id, or None outside any district (or not said).
    pub district: Option<String>,
    /// The group id, or None when not said.
    pub group: Option<String>,
    pub channel: String,
    pub day: NaiveDate,
}

/// What is published about a submission's place, group, channel and time.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PublishedKey {
    pub area: String,
    pub group: String,
    pub channel: String,
    /// YYYY-MM-DD, or the ISO week (2026-W14), or none.
    pub day: Option<String>,
}

/// Generalises each submission so that nobody is singled out, level by level, each level
/// within the one before. None for a submission left out of the file.
///
/// 0. which rows: those from a district only when the published coverage shows N exactly;
///    those from outside any district (or not said) only when it shows that figure exactly
///    (the file's length would otherwise give away a hidden total).
/// 1. area: a district is named only where the published coverage shows its count exactly;
///    the other districts' rows are `other-devon`, and if fewer than T of them, the smallest
///    named district joins them, until T or more are (or all are). Rows from outside any
///    district are `not-in-a-district`.
/// 2. group, within the area: named only where the coverage shows that district × group cell
///    exactly (so never in `other-devon` or `not-in-a-district`), else `withheld`; then
///    groups fewer than T share are withheld, and if fewer than T are withheld, the smallest
///    named group is withheld too, until T or more are (or all are).
/// 3. channel, within area and group: the same, where the coverage shows that district ×
///    channel cell exactly.
/// 4. day, within area, group and channel: kept where T or more share it; else the ISO week
///    where T or more of those share it; else blank; and if fewer than T are blank, the
///    smallest kept day or week is blanked too, until T or more are (or all are).
///
/// Naming only what the coverage file shows exactly means the two files together tell no
/// more than the coverage file alone about any hidden cell.
pub fn generalise(
    rows: &[ResponseKey],
    coverage: &PublishedCoverage,
    rule: Rule,
) -> Vec<Option<PublishedKey>> {
    let k = rule.threshold() as usize;
    let districts_in = coverage.total.is_shown();
    let others_in = matches!(coverage.not_in_a_district, Published::Exact(n) if n > 0);
    let is_district = |r: &ResponseKey| {
        r.district
            .as_deref()
            .is_some_and(|d| coverage.areas.iter().any(|a| a.id == d))
    };
    let kept: Vec<&ResponseKey> = rows
        .iter()
        .filter(|r| {
            if is_district(r) {
                districts_in
            } else {
                others_in
            }
        })
        .collect();

    let mut area: Vec<String> = kept
        .iter()
        .map(|r| match r.district.as_deref() {
            Some(d) if is_district(r) && coverage.area_shown(d) => d.to_owned(),
            _ if is_district(r) => OTHER_DEVON.to_owned(),
            _ => NOT_IN_A_DISTRICT.to_owned(),
        })
        .collect();
    // Only Devon's rows take part: `not-in-a-district` is a place of its own.
    let parents: Vec<bool> = kept.iter().map(|r| is_district(r)).collect();
    let mut devon: Vec<String> = area
        .iter()
        .zip(&parents)
        .filter(|(_, d)| **d)
        .map(|(a, _)| a.clone())
        .collect();
    k_anonymise(&mut devon, OTHER_DEVON, k);
    let mut devon = devon.into_iter();
    for (a, d) in area.iter_mut().zip(&parents) {
        if *d {
            if let Some(label) = devon.next() {
                *a = label;
            }
        }
    }

    let named = |a: &str| a != OTHER_DEVON && a != NOT_IN_A_DISTRICT;
    let mut group: Vec<String> = kept
        .iter()
        .zip(&area)
        .map(|(r, a)| {
            let g = r.group.as_deref().unwrap_or(super::UNKNOWN);
            if named(a) && coverage.group_shown(a, g) {
                g.to_owned()
            } else {
                WITHHELD.to_owned()
            }
        })
        .collect();
    within(&area, &mut group, WITHHELD, k);

    let parents: Vec<(String, String)> = area.iter().cloned().zip(group.iter().cloned()).collect();
    let mut channel: Vec<String> = kept
        .iter()
        .zip(&area)
        .map(|(r, a)| {
            if named(a) && coverage.channel_shown(a, &r.channel) {
                r.channel.clone()
            } else {
                WITHHELD.to_owned()
            }
        })
        .collect();
    within(&parents, &mut channel, WITHHELD, k);

    let parents: Vec<(String, String, String)> = parents
        .into_iter()
        .zip(channel.iter().cloned())
        .map(|((a, g), c)| (a, g, c))
        .collect();
    let mut day: Vec<String> = kept.iter().map(|r| r.day.to_string()).collect();
    // First the days too few share become their week; `within` then blanks small weeks.
    let mut day_counts: BTreeMap<(&(String, String, String), &str), usize> = BTreeMap::new();
    for (p, d) in parents.iter().zip(&day) {
        *day_counts.entry((p, d.as_str())).or_default() += 1;
    }
    let small_day: Vec<bool> = parents
        .iter()
        .zip(&day)
        .map(|(p, d)| day_counts.get(&(p, d.as_str())).copied().unwrap_or(0) < k)
        .collect();
    for ((d, r), small) in day.iter_mut().zip(&kept).zip(&small_day) {
        if *small {
            let week = r.day.iso_week();
            *d = format!("{:04}-W{:02}", week.year(), week.week());
        }
    }
    within(&parents, &mut day, "", k);

    let mut published =
        area.into_iter()
            .zip(group)
            .zip(channel)
            .zip(day)
            .map(|(((area, group), channel), day)| PublishedKey {
                area,
                group,
                channel,
                day: (!day.is_empty()).then_some(day),
            });
    rows.iter()
        .map(|r| {
            let included = if is_district(r) {
                districts_in
            } else {
                others_in
            };
            if included {
                published.next()
            } else {
                None
            }
        })
        .collect()
}

/// [`k_anonymise`] separately within each parent.
fn within<P: Ord + Clone>(parents: &[P], labels: &mut [String], withheld: &str, k: usize) {
    let mut by_parent: BTreeMap<P, Vec<usize>> = BTreeMap::new();
    for (i, p) in parents.iter().enumerate() {
        by_parent.entry(p.clone()).or_default().push(i);
    }
    for at in by_parent.values() {
        let mut part: Vec<String> = at.iter().map(|&i| labels[i].clone()).collect();
        k_anonymise(&mut part, withheld, k);
        for (&i, label) in at.iter().zip(part) {
            labels[i] = label;
        }
    }
}

/// Labels fewer than `k` rows share become `withheld`; then, while the withheld rows are some
/// but fewer than `k`, the smallest named label (ties: the first in order) joins them too,
/// so the withheld rows are never a small group of their own.
pub fn k_anonymise(labels: &mut [String], withheld: &str, k: usize) {
    let count = |labels: &[String]| {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for l in labels {
            *counts.entry(l.clone()).or_default() += 1;
        }
        counts
    };
    let counts = count(labels);
    for l in labels.iter_mut() {
        if l != withheld && counts.get(l.as_str()).copied().unwrap_or(0) < k {
            *l = withheld.to_owned();
        }
    }
    loop {
        let counts = count(labels);
        let hidden = counts.get(withheld).copied().unwrap_or(0);
        if hidden == 0 || hidden >= k {
            return;
        }
        let Some(smallest) = counts
            .iter()
            .filter(|(l, _)| l.as_str() != withheld)
            .min_by_key(|(l, n)| (**n, (*l).clone()))
            .map(|(l, _)| l.clone())
        else {
            return;
        };
        for l in labels.iter_mut() {
            if *l == smallest {
                *l = withheld.to_owned();
            }
        }
    }
}

/// Which publication file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    Coverage,
    Responses,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

impl What {
    pub fn id(self) -> &'static str {
        match self {
            What::Coverage => "coverage",
            What::Responses => "responses",
        }
    }
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Json => "application/json",
        }
    }
}

/// One submission's answers for a responses export: free text is already scrubbed in the
/// store; a submission held for safeguarding has its free text left blank, as if skipped.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Cell {
    Blank,
    Text(String),
    Number(u8),
}

impl Cell {
    fn csv(&self) -> String {
        match self {
            Cell::Blank => String::new(),
            Cell::Number(n) => n.to_string(),
            // A spreadsheet would run text starting like a formula: a quote keeps it text.
            Cell::Text(t) if t.starts_with(['=', '+', '-', '@', '\t', '\r']) => format!("'{t}"),
            Cell::Text(t) => t.clone(),
        }
    }

    fn json(&self) -> Value {
        match self {
            Cell::Blank => Value::Null,
            Cell::Number(n) => json!(n),
            Cell::Text(t) => json!(t),
        }
    }
}

/// The questions a responses export has a column for: the answers, not the area and group
/// questions (those are the generalised area and group columns).
fn answer_columns(consultation: &crate::domain::Consultation) -> Vec<String> {
    use crate::domain::QuestionKind;
    consultation
        .questions
        .iter()
        .filter(|q| {
            matches!(
                q.kind,
                QuestionKind::SingleChoice { .. } | QuestionKind::Feelings | QuestionKind::FreeText
            )
        })
        .map(|q| q.id.to_string())
        .collect()
}

type ResponseRow = (PublishedKey, Vec<Cell>);

fn response_rows(
    submissions: &[crate::store::ExportSubmission],
    columns: &[String],
    coverage: &PublishedCoverage,
    rule: Rule,
    areas: &crate::domain::Areas,
) -> Vec<ResponseRow> {
    use crate::domain::AnswerValue;
    let keys: Vec<ResponseKey> = submissions
        .iter()
        .map(|s| ResponseKey {
            district: s.area.clone(),
            group: s.group.clone(),
            channel: s.channel.clone(),
            day: s.received_on,
        })
        .collect();
    let mut rows: Vec<ResponseRow> = generalise(&keys, coverage, rule)
        .into_iter()
        .zip(submissions)
        .filter_map(|(key, s)| {
            let key = key?;
            // A row whose district is hidden must not name it in its words either
            // ("the bus from Crediton"): places are masked there.
            let district_hidden = s.area.as_deref() != Some(key.area.as_str());
            let cells = columns
                .iter()
                .map(|q| {
                    match s
                        .answers
                        .iter()
                        .find(|a| a.question.as_str() == q)
                        .map(|a| &a.value)
                    {
                        Some(AnswerValue::Choice(option)) => Cell::Text(option.to_string()),
                        Some(AnswerValue::Feeling(f)) => Cell::Number(f.value()),
                        Some(AnswerValue::Text(t)) if !s.flagged && !t.as_str().is_empty() => {
                            let masked = district_hidden
                                .then(|| areas.mask_places(t.as_str()))
                                .flatten();
                            Cell::Text(masked.unwrap_or_else(|| t.as_str().to_owned()))
                        }
                        _ => Cell::Blank,
                    }
                })
                .collect();
            Some((key, cells))
        })
        .collect();
    // By what is published only: the order says nothing about when anyone answered.
    rows.sort();
    rows
}

fn responses_json(
    slug: &str,
    columns: &[String],
    rows: &[ResponseRow],
    rule: Rule,
    generated_at: &str,
) -> Value {
    let responses: Vec<Value> = rows
        .iter()
        .map(|(key, cells)| {
            let answers: serde_json::Map<String, Value> = columns
                .iter()
                .cloned()
                .zip(cells.iter().map(Cell::json))
                .collect();
            json!({
                "area": key.area,
                "group": key.group,
                "channel": key.channel,
                "day": key.day,
                "answers": answers,
            })
        })
        .collect();
    json!({
        "consultation": slug,
        "generated_at": generated_at,
        "suppression": rule.json(),
        "questions": columns,
        "count": rows.len(),
        "responses": responses,
    })
}

fn responses_csv(
    columns: &[String],
    rows: &[ResponseRow],
    rule: Rule,
) -> Result<String, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = ["area", "group", "channel", "day"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    header.extend(columns.iter().cloned());
    out.write_record(&header)?;
    for (key, cells) in rows {
        let mut record = vec![
            key.area.clone(),
            key.group.clone(),
            key.channel.clone(),
            key.day.clone().unwrap_or_default(),
        ];
        record.extend(cells.iter().map(Cell::csv));
        out.write_record(&record)?;
    }
    let bytes = out.into_inner().map_err(|e| e.into_error())?;
    Ok(format!(
        "{}{}",
        rule.csv_comment(),
        String::from_utf8_lossy(&bytes)
    ))
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Coverage(#[from] super::CoverageError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error("writing the file: {0}")]
    Write(String),
}

/// A publication file for a consultation, read from the database: the one function the staff
/// page and `heard export` share, so both give the same file. None for an unknown slug.
pub async fn export(
    store: &crate::store::Store,
    areas: &crate::domain::Areas,
    slug: &str,
    what: What,
    format: Format,
    rule: Rule,
    generated_at: &str,
) -> Result<Option<String>, ExportError> {
    let Some(coverage_figures) = super::load(store, areas, slug).await? else {
        return Ok(None);
    };
    let published = coverage(&coverage_figures, rule);
    let text = match what {
        What::Coverage => match format {
            Format::Json => pretty(&coverage_json(&published, generated_at))?,
            Format::Csv => {
                coverage_csv(&published).map_err(|e| ExportError::Write(e.to_string()))?
            }
        },
        What::Responses => {
            let Some(stored) = store.consultation(slug).await? else {
                return Ok(None);
            };
            let submissions = store.export_submissions(stored.id).await?;
            let columns = answer_columns(&stored.consultation);
            let rows = response_rows(&submissions, &columns, &published, rule, areas);
            match format {
                Format::Json => pretty(&responses_json(slug, &columns, &rows, rule, generated_at))?,
                Format::Csv => responses_csv(&columns, &rows, rule)
                    .map_err(|e| ExportError::Write(e.to_string()))?,
            }
        }
    };
    Ok(Some(text))
}

fn pretty(value: &Value) -> Result<String, ExportError> {
    let mut s =
        serde_json::to_string_pretty(value).map_err(|e| ExportError::Write(e.to_string()))?;
    s.push('\n');
    Ok(s)
}

#[cfg(test)]
mod tests;
