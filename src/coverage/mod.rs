//! Coverage: who has been heard, area by area, against a baseline of who lives there.
//!
//! The figures are pure arithmetic over counts the store makes with one `GROUP BY` (area,
//! group, channel), so they never load submissions. `report` turns them into table, JSON
//! and CSV for staff, exact; `publish` makes the files for publication, small numbers hidden.

pub mod baseline;
pub mod digest;
pub mod map;
pub mod publish;
pub mod report;

use std::collections::BTreeMap;

use serde::Serialize;

pub use baseline::{Baseline, BaselineError, BaselineSource};

use crate::domain::{AreaKind, Areas};
use crate::store::{CoverageCount, Store, StoreError};

/// z for a two-sided 95% interval.
const Z95: f64 = 1.959_963_984_540_054;

/// The key counts use for a submission with no area or no group.
pub const UNKNOWN: &str = "unknown";

#[derive(Debug, thiserror::Error)]
pub enum CoverageError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("baseline: {0}")]
    Baseline(#[from] BaselineError),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Under,
    InLine,
    Over,
}

impl Status {
    pub fn id(self) -> &'static str {
        match self {
            Status::Under => "under",
            Status::InLine => "in_line",
            Status::Over => "over",
        }
    }
}

/// One district's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaFigures {
    pub id: String,
    pub name: String,
    /// n: responses from this district.
    pub responses: u64,
    /// n / N; 0 when N = 0.
    pub share: f64,
    /// e, from the baseline.
    pub expected_share: f64,
    /// share / e; none when N = 0 (nothing to compare).
    pub ratio: Option<f64>,
    /// 95% Wilson score interval on the share; [0, 1] when N = 0.
    pub ci_low: f64,
    pub ci_high: f64,
    pub status: Status,
    /// max(0, ⌈(e·N − n)/(1 − e)⌉): more responses from here that would bring its share to e.
    pub voices_needed: u64,
}

/// A consultation's coverage. Every count is exact; `publish` hides small ones in what is
/// exported for publication.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    pub consultation: String,
    pub baseline: BaselineSource,
    /// N: responses with a district.
    pub total: u64,
    pub areas: Vec<AreaFigures>,
    /// Σ min(share, e); none when N = 0.
    pub similarity: Option<f64>,
    /// Lowest district's n/e ÷ the highest's; none when N = 0.
    pub r_score: Option<f64>,
    /// Responses not counted in a district: outside the authority, prefer not to say, unknown.
    pub others: Vec<(String, u64)>,
    /// Area (districts, then the others) -> group -> n, every cell present.
    pub by_group: Vec<(String, Vec<(String, u64)>)>,
    /// Area -> channel -> n, every cell present.
    pub by_channel: Vec<(String, Vec<(String, u64)>)>,
}

/// The 95% Wilson score interval for `n` successes in `total` trials; [0, 1] for none.
pub fn wilson(n: u64, total: u64) -> (f64, f64) {
    if total == 0 {
        return (0.0, 1.0);
    }
    let (n, total) = (n as f64, total as f64);
    let p = n / total;
    let z2 = Z95 * Z95;
    let denominator = 1.0 + z2 / total;
    let centre = (p + z2 / (2.0 * total)) / denominator;
    let half = Z95 / denominator * (p * (1.0 - p) / total + z2 / (4.0 * total * total)).sqrt();
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

/// Extra responses from an area with `n` of `total` that would lift its share to `expected`.
pub fn voices_needed(n: u64, total: u64, expected: f64) -> u64 {
    if expected >= 1.0 {
        // The only district: its share is already 1.
        return 0;
    }
    let needed = (expected * total as f64 - n as f64) / (1.0 - expected);
    // A hair of tolerance so an exact whole number is not pushed up by rounding error.
    let needed = (needed - 1e-9).ceil();
    if needed > 0.0 {
        needed as u64
    } else {
        0
    }
}

/// The figures from the store's counts and a baseline.
pub fn figures(
    consultation: &str,
    areas: &Areas,
    baseline: &Baseline,
    counts: &[CoverageCount],
) -> Coverage {
    let mut by_area: BTreeMap<&str, u64> = BTreeMap::new();
    let mut group_cells: BTreeMap<(String, String), u64> = BTreeMap::new();
    let mut channel_cells: BTreeMap<(String, String), u64> = BTreeMap::new();
    for c in counts {
        let area = area_key(areas, c.area.as_deref());
        let group = c.group.clone().unwrap_or_else(|| UNKNOWN.to_owned());
        *by_area.entry(area).or_default() += c.n;
        *group_cells.entry((area.to_owned(), group)).or_default() += c.n;
        *channel_cells
            .entry((area.to_owned(), c.channel.clone()))
            .or_default() += c.n;
    }

    let total: u64 = baseline
        .shares()
        .iter()
        .map(|(a, _)| by_area.get(a.as_str()).copied().unwrap_or(0))
        .sum();
    let figures: Vec<AreaFigures> = baseline
        .shares()
        .iter()
        .map(|(id, e)| {
            let n = by_area.get(id.as_str()).copied().unwrap_or(0);
            area_figures(
                id.as_str(),
                areas.name(id, crate::i18n::DEFAULT_LOCALE),
                n,
                total,
                *e,
            )
        })
        .collect();

    let (similarity, r_score) = if total == 0 {
        (None, None)
    } else {
        let similarity = figures
            .iter()
            .map(|a| a.share.min(a.expected_share))
            .sum::<f64>();
        let rates = figures
            .iter()
            .map(|a| a.responses as f64 / a.expected_share);
        let lowest = rates.clone().fold(f64::INFINITY, f64::min);
        let highest = rates.fold(0.0, f64::max);
        (Some(similarity), Some(lowest / highest))
    };

    let other_keys = other_keys(areas);
    let others = other_keys
        .iter()
        .map(|k| (k.clone(), by_area.get(k.as_str()).copied().unwrap_or(0)))
        .collect();
    let row_keys: Vec<String> = figures
        .iter()
        .map(|a| a.id.clone())
        .chain(other_keys)
        .collect();
    let groups: Vec<String> = crate::domain::RespondentGroup::ALL
        .iter()
        .map(|g| g.id().to_owned())
        .chain([UNKNOWN.to_owned()])
        .collect();
    let channels: Vec<String> = crate::domain::Channel::ALL
        .iter()
        .map(|c| c.id().to_owned())
        .collect();
    Coverage {
        consultation: consultation.to_owned(),
        baseline: baseline.source,
        total,
        areas: figures,
        similarity,
        r_score,
        others,
        by_group: cross_tab(&row_keys, &groups, &group_cells),
        by_channel: cross_tab(&row_keys, &channels, &channel_cells),
    }
}

fn area_figures(id: &str, name: &str, n: u64, total: u64, e: f64) -> AreaFigures {
    let (ci_low, ci_high) = wilson(n, total);
    let share = if total == 0 {
        0.0
    } else {
        n as f64 / total as f64
    };
    let status = if total == 0 {
        Status::InLine
    } else if ci_high < e {
        Status::Under
    } else if ci_low > e {
        Status::Over
    } else {
        Status::InLine
    };
    AreaFigures {
        id: id.to_owned(),
        name: name.to_owned(),
        responses: n,
        share,
        expected_share: e,
        ratio: (total > 0).then(|| share / e),
        ci_low,
        ci_high,
        status,
        voices_needed: voices_needed(n, total, e),
    }
}

/// Districts keep their id; anything else is outside, undisclosed or unknown.
fn area_key<'a>(areas: &'a Areas, area: Option<&str>) -> &'a str {
    match area.and_then(|a| areas.get(a)) {
        Some(a) => a.id.as_str(),
        None => UNKNOWN,
    }
}

/// The rows for responses outside any district, in a fixed order.
fn other_keys(areas: &Areas) -> Vec<String> {
    areas
        .all()
        .iter()
        .filter(|a| a.kind != AreaKind::District)
        .map(|a| a.id.to_string())
        .chain([UNKNOWN.to_owned()])
        .collect()
}

fn cross_tab(
    rows: &[String],
    columns: &[String],
    cells: &BTreeMap<(String, String), u64>,
) -> Vec<(String, Vec<(String, u64)>)> {
    rows.iter()
        .map(|row| {
            let counts = columns
                .iter()
                .map(|col| {
                    let n = cells.get(&(row.clone(), col.clone())).copied().unwrap_or(0);
                    (col.clone(), n)
                })
                .collect();
            (row.clone(), counts)
        })
        .collect()
}

/// A consultation's coverage from the database: its own baseline, else the imported
/// default, else the built-in ONS one. None for an unknown consultation.
pub async fn load(
    store: &Store,
    areas: &Areas,
    slug: &str,
) -> Result<Option<Coverage>, CoverageError> {
    let Some(stored) = store.consultation(slug).await? else {
        return Ok(None);
    };
    let baseline = baseline_for(store, areas, stored.id).await?;
    let counts = store.coverage_counts(stored.id).await?;
    Ok(Some(figures(slug, areas, &baseline, &counts)))
}

/// Like [`load`], counting only the submissions `filter` lets through (the dashboard's and
/// the API's filters).
pub async fn load_filtered(
    store: &Store,
    areas: &Areas,
    slug: &str,
    filter: &crate::store::CountFilter,
) -> Result<Option<Coverage>, CoverageError> {
    let Some(stored) = store.consultation(slug).await? else {
        return Ok(None);
    };
    let baseline = baseline_for(store, areas, stored.id).await?;
    let counts = store.coverage_counts_filtered(stored.id, filter).await?;
    Ok(Some(figures(slug, areas, &baseline, &counts)))
}

/// The baseline a consultation is measured against.
pub async fn baseline_for(
    store: &Store,
    areas: &Areas,
    consultation_id: i64,
) -> Result<Baseline, CoverageError> {
    if let Some((own, weights)) = store.baseline(consultation_id, areas).await? {
        let source = if own {
            BaselineSource::Consultation
        } else {
            BaselineSource::Imported
        };
        // A stored baseline from another areas file no longer fits: say so rather than guess.
        return Ok(Baseline::from_weights(areas, source, &weights)?);
    }
    Ok(Baseline::default_for(areas)?)
}

#[cfg(test)]
mod tests;
