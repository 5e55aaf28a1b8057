//! Coverage for staff as a table, JSON or CSV, every figure exact: staff see exact figures
//! on screen, in the CLI and in the API. What is exported for publication goes through
//! [`super::publish`] instead, which hides small counts.

use serde_json::{json, Value};

use super::Coverage;

/// RFC 3339 in UTC to the second, for `generated_at`.
pub fn timestamp(unix_seconds: i64) -> String {
    chrono::DateTime::from_timestamp(unix_seconds, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The JSON the CLI prints and `GET /api/coverage/{slug}` answers. `generated_at` is RFC 3339.
pub fn json(coverage: &Coverage, generated_at: &str) -> Value {
    let cross_tab = |tab: &[(String, Vec<(String, u64)>)]| -> Value {
        tab.iter()
            .map(|(area, cells)| {
                let counts: serde_json::Map<String, Value> =
                    cells.iter().map(|(k, n)| (k.clone(), json!(n))).collect();
                json!({ "area": area, "counts": counts })
            })
            .collect()
    };
    let others: serde_json::Map<String, Value> = coverage
        .others
        .iter()
        .map(|(k, n)| (k.clone(), json!(n)))
        .collect();
    json!({
        "consultation": coverage.consultation,
        "generated_at": generated_at,
        "baseline": coverage.baseline,
        "total": coverage.total,
        "similarity": coverage.similarity,
        "r_score": coverage.r_score,
        "areas": coverage.areas,
        "others": others,
        "by_group": cross_tab(&coverage.by_group),
        "by_channel": cross_tab(&coverage.by_channel),
    })
}

/// The per-district columns of a coverage CSV, exact or published.
pub const AREA_COLUMNS: [&str; 10] = [
    "area",
    "name",
    "responses",
    "share",
    "expected_share",
    "ratio",
    "ci_low",
    "ci_high",
    "status",
    "voices_needed",
];

/// One row per district, then one per other place (outside, prefer not to say, unknown) with
/// only its counts; a column per group and per channel (`group:child`, `channel:web`).
pub fn csv(coverage: &Coverage) -> Result<String, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = AREA_COLUMNS.iter().map(|s| s.to_string()).collect();
    let first = |tab: &[(String, Vec<(String, u64)>)], prefix: &str| -> Vec<String> {
        tab.first()
            .map(|(_, cells)| cells.iter().map(|(k, _)| format!("{prefix}:{k}")).collect())
            .unwrap_or_default()
    };
    header.extend(first(&coverage.by_group, "group"));
    header.extend(first(&coverage.by_channel, "channel"));
    out.write_record(&header)?;

    let cells = |tab: &[(String, Vec<(String, u64)>)], area: &str| -> Vec<String> {
        tab.iter()
            .find(|(a, _)| a == area)
            .map(|(_, cells)| cells.iter().map(|(_, n)| n.to_string()).collect())
            .unwrap_or_default()
    };
    let number = |x: f64| format!("{x:.6}");
    for a in &coverage.areas {
        let mut row = vec![
            a.id.clone(),
            a.name.clone(),
            a.responses.to_string(),
            number(a.share),
            number(a.expected_share),
            a.ratio.map(number).unwrap_or_default(),
            number(a.ci_low),
            number(a.ci_high),
            a.status.id().to_owned(),
            a.voices_needed.to_string(),
        ];
        row.extend(cells(&coverage.by_group, &a.id));
        row.extend(cells(&coverage.by_channel, &a.id));
        out.write_record(&row)?;
    }
    for (other, n) in &coverage.others {
        let mut row = vec![other.clone(), String::new(), n.to_string()];
        row.extend(std::iter::repeat_n(String::new(), 7));
        row.extend(cells(&coverage.by_group, other));
        row.extend(cells(&coverage.by_channel, other));
        out.write_record(&row)?;
    }
    let bytes = out.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A plain-text table for the terminal, with exact counts.
pub fn table(coverage: &Coverage) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let optional = |x: Option<f64>| x.map_or("-".to_owned(), |x| format!("{x:.3}"));
    let _ = writeln!(
        s,
        "{}: {} responses from a district; similarity {}; r-score {}",
        coverage.consultation,
        coverage.total,
        optional(coverage.similarity),
        optional(coverage.r_score)
    );
    let _ = writeln!(
        s,
        "{:<14} {:>9} {:>7} {:>8} {:>6} {:>15} {:<8} {:>13}",
        "area",
        "responses",
        "share",
        "expected",
        "ratio",
        "95% interval",
        "status",
        "voices needed"
    );
    for a in &coverage.areas {
        let _ = writeln!(
            s,
            "{:<14} {:>9} {:>7.3} {:>8.3} {:>6} {:>15} {:<8} {:>13}",
            a.id,
            a.responses,
            a.share,
            a.expected_share,
            optional(a.ratio),
            format!("{:.3}-{:.3}", a.ci_low, a.ci_high),
            a.status.id(),
            a.voices_needed
        );
    }
    let others: Vec<String> = coverage
        .others
        .iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    let _ = writeln!(s, "not in a district: {}", others.join(", "));
    for (title, tab) in [
        ("by group", &coverage.by_group),
        ("by channel", &coverage.by_channel),
    ] {
        let _ = writeln!(s, "\n{title}");
        if let Some((_, cells)) = tab.first() {
            let columns: Vec<String> = cells.iter().map(|(k, _)| format!("{k:>12}")).collect();
            let _ = writeln!(s, "{:<18}{}", "area", columns.join(""));
        }
        for (area, cells) in tab {
            let counts: Vec<String> = cells.iter().map(|(_, n)| format!("{n:>12}")).collect();
            let _ = writeln!(s, "{:<18}{}", area, counts.join(""));
        }
    }
    s
}
