//! The dashboard's two small charts as inline SVG: ratio against 1.0 per district, and
//! responses per week. Both are pictures of figures the page also gives in tables, so each
//! is one image (`role="img"`) with a title and a text alternative.

use std::fmt::Write as _;

use chrono::{Datelike, Duration, NaiveDate};

use crate::coverage::map::{escape, pattern_defs, pattern_id, Shade, INK};
use crate::coverage::Status;

const WIDTH: f64 = 360.0;

/// One bar: a district's ratio (none with no responses at all) and status.
pub struct Bar {
    pub label: String,
    pub ratio: Option<f64>,
    pub status: Status,
    /// "0.45, under-represented": written beside the name.
    pub value_text: String,
}

/// The largest ratio the axis shows: at least 2, else the largest bar rounded up to a half.
pub fn axis_max(bars: &[Bar]) -> f64 {
    let top = bars
        .iter()
        .filter_map(|b| b.ratio)
        .filter(|r| r.is_finite())
        .fold(0.0, f64::max);
    ((top * 2.0).ceil() / 2.0).max(2.0)
}

/// Horizontal bars, the name and value above each, a dashed line at 1.0.
pub fn ratio_chart(bars: &[Bar], title: &str, description: &str, line_label: &str) -> String {
    let (left, right, top, row) = (4.0, WIDTH - 12.0, 30.0, 48.0);
    let max = axis_max(bars);
    let x = |r: f64| left + (right - left) * (r.clamp(0.0, max) / max);
    let one = x(1.0);
    let height = top + row * bars.len() as f64 + 28.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH:.0} {height:.0}\" \
         role=\"img\" aria-labelledby=\"ratio-title ratio-desc\" focusable=\"false\">\
         <title id=\"ratio-title\">{}</title><desc id=\"ratio-desc\">{}</desc>{}",
        escape(title),
        escape(description),
        pattern_defs("bar")
    );
    for (i, bar) in bars.iter().enumerate() {
        let y = top + row * i as f64;
        let _ = write!(
            svg,
            "<text x=\"{left:.1}\" y=\"{:.1}\" font-size=\"14\" fill=\"{INK}\">\
             <tspan font-weight=\"700\">{}</tspan> {}</text>",
            y + 15.0,
            escape(&bar.label),
            escape(&bar.value_text)
        );
        // The track shows the whole scale, so a bar of 0 still has a row to be read in.
        let _ = write!(
            svg,
            "<rect x=\"{left:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"18\" fill=\"#ffffff\" \
             stroke=\"#6f777b\" stroke-width=\"1\"/>",
            y + 22.0,
            right - left
        );
        let shade = Shade::of(bar.ratio);
        let w = bar.ratio.map_or(0.0, |r| x(r) - left);
        if w > 0.0 {
            let _ = write!(
                svg,
                "<rect x=\"{left:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"18\" fill=\"{}\" \
                 stroke=\"{INK}\" stroke-width=\"1\" data-ratio-bar=\"{:.3}\"/>",
                y + 22.0,
                shade.fill(),
                bar.ratio.unwrap_or(0.0)
            );
            if let Some(p) = pattern_id("bar", bar.status, shade) {
                let _ = write!(
                    svg,
                    "<rect x=\"{left:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"18\" fill=\"url(#{p})\"/>",
                    y + 22.0
                );
            }
        }
        // The line at 1.0 across this bar only, clear of the words above it.
        let _ = write!(
            svg,
            "<line x1=\"{one:.1}\" y1=\"{:.1}\" x2=\"{one:.1}\" y2=\"{:.1}\" stroke=\"{INK}\" \
             stroke-width=\"2.5\" stroke-dasharray=\"4 2\" data-reference=\"1.0\"/>",
            y + 19.0,
            y + 43.0
        );
    }
    let bottom = top + row * bars.len() as f64;
    let _ = write!(
        svg,
        "<text x=\"{one:.1}\" y=\"16\" font-size=\"13\" text-anchor=\"middle\" fill=\"{INK}\">{}</text>\
         <line x1=\"{left:.1}\" y1=\"{bottom:.1}\" x2=\"{right:.1}\" y2=\"{bottom:.1}\" stroke=\"{INK}\" stroke-width=\"1\"/>",
        escape(line_label)
    );
    let mut tick = 0.0;
    while tick <= max + 1e-9 {
        let tx = x(tick);
        let anchor = if tick == 0.0 { "start" } else { "middle" };
        let _ = write!(
            svg,
            "<line x1=\"{tx:.1}\" y1=\"{bottom:.1}\" x2=\"{tx:.1}\" y2=\"{:.1}\" stroke=\"{INK}\"/>\
             <text x=\"{tx:.1}\" y=\"{:.1}\" font-size=\"13\" text-anchor=\"{anchor}\" fill=\"{INK}\">{}</text>",
            bottom + 5.0,
            bottom + 20.0,
            format_tick(tick)
        );
        tick += if max > 4.0 { 1.0 } else { 0.5 };
    }
    svg.push_str("</svg>");
    svg
}

fn format_tick(t: f64) -> String {
    if (t - t.round()).abs() < 1e-9 {
        format!("{t:.0}")
    } else {
        format!("{t:.1}")
    }
}

/// The Monday that starts `day`'s week.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// Longest run of weeks the trend shows (five years); the latest are kept.
const MAX_WEEKS: usize = 260;

/// Counts per day into weeks starting Monday, every week from `first`'s to `last`'s
/// present (zero where nothing came in). Days outside the range widen it, so nothing is lost.
pub fn weekly(
    days: &[(NaiveDate, u64)],
    first: NaiveDate,
    last: NaiveDate,
) -> Vec<(NaiveDate, u64)> {
    let lo = days
        .iter()
        .map(|(d, _)| *d)
        .chain([first])
        .min()
        .unwrap_or(first);
    let hi = days
        .iter()
        .map(|(d, _)| *d)
        .chain([last])
        .max()
        .unwrap_or(last);
    if last < first && days.is_empty() {
        return Vec::new();
    }
    let mut weeks = Vec::new();
    let mut week = week_start(lo);
    while week <= hi {
        let end = week + Duration::days(7);
        let n = days
            .iter()
            .filter(|(d, _)| *d >= week && *d < end)
            .map(|(_, n)| n)
            .sum();
        weeks.push((week, n));
        week = end;
    }
    if weeks.len() > MAX_WEEKS {
        weeks.drain(..weeks.len() - MAX_WEEKS);
    }
    weeks
}

/// Columns per week, the count over each, a tick label under some.
pub fn trend_chart(weeks: &[(NaiveDate, u64)], title: &str, description: &str) -> String {
    let (left, right, top, bottom) = (30.0, WIDTH - 6.0, 22.0, 170.0);
    let height = bottom + 30.0;
    let max = weeks.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1) as f64;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH:.0} {height:.0}\" \
         role=\"img\" aria-labelledby=\"trend-title trend-desc\" focusable=\"false\">\
         <title id=\"trend-title\">{}</title><desc id=\"trend-desc\">{}</desc>",
        escape(title),
        escape(description)
    );
    let slot = (right - left) / weeks.len().max(1) as f64;
    let bar = (slot * 0.7).max(1.0);
    // At most about six date labels, evenly spaced, always the first.
    let every = weeks.len().div_ceil(6).max(1);
    for (i, (week, n)) in weeks.iter().enumerate() {
        let x = left + slot * i as f64 + (slot - bar) / 2.0;
        let h = (bottom - top) * (*n as f64 / max);
        let _ = write!(
            svg,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{h:.1}\" fill=\"#3182bd\" \
             stroke=\"{INK}\" stroke-width=\"1\" data-week=\"{week}\" data-n=\"{n}\"/>",
            bottom - h
        );
        if weeks.len() <= 16 && *n > 0 {
            let _ = write!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"middle\" fill=\"{INK}\">{n}</text>",
                x + bar / 2.0,
                bottom - h - 4.0
            );
        }
        if i % every == 0 {
            let _ = write!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"middle\" fill=\"{INK}\">{}</text>",
                x + bar / 2.0,
                bottom + 18.0,
                week.format("%-d %b")
            );
        }
    }
    let _ = write!(
        svg,
        "<line x1=\"{left:.1}\" y1=\"{bottom:.1}\" x2=\"{right:.1}\" y2=\"{bottom:.1}\" stroke=\"{INK}\"/>\
         <line x1=\"{left:.1}\" y1=\"{top:.1}\" x2=\"{left:.1}\" y2=\"{bottom:.1}\" stroke=\"{INK}\"/>\
         <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"end\" fill=\"{INK}\">{max:.0}</text>\
         <text x=\"{:.1}\" y=\"{bottom:.1}\" font-size=\"12\" text-anchor=\"end\" fill=\"{INK}\">0</text>",
        left - 4.0,
        top + 4.0,
        left - 4.0,
    );
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, ratio: Option<f64>, status: Status) -> Bar {
        Bar {
            label: label.into(),
            ratio,
            status,
            value_text: ratio.map_or("none".into(), |r| format!("{r:.2}")),
        }
    }

    #[test]
    fn bars_are_drawn_to_scale_against_one() {
        let bars = [
            bar("Torridge", Some(0.5), Status::Under),
            bar("Exeter", Some(1.0), Status::InLine),
            bar("Mid Devon", None, Status::InLine),
        ];
        assert_eq!(axis_max(&bars), 2.0);
        let svg = ratio_chart(&bars, "Ratio", "Bars & line", "1.0 = as expected");
        assert!(svg.contains("aria-labelledby=\"ratio-title ratio-desc\""));
        assert!(svg.contains("<desc id=\"ratio-desc\">Bars &amp; line</desc>"));
        // Plot from x=4 to x=348 over 0..2: ratio 0.5 is a quarter, 1.0 half.
        assert!(
            svg.contains("width=\"86.0\" height=\"18\" fill=\"#bdd7e7\""),
            "{svg}"
        );
        assert!(
            svg.contains("width=\"172.0\" height=\"18\" fill=\"#6baed6\""),
            "{svg}"
        );
        assert!(svg.contains("x1=\"176.0\""), "the line at 1.0: {svg}");
        assert_eq!(
            svg.matches("data-reference=\"1.0\"").count(),
            3,
            "a line at 1.0 on each bar"
        );
        assert!(svg.contains("url(#bar-under-dark)"));
        assert_eq!(
            svg.matches("data-ratio-bar").count(),
            2,
            "no bar without a ratio"
        );
        assert!(svg.contains(">Torridge</tspan> 0.50<"));
        assert!(!svg.contains("style="));
    }

    #[test]
    fn axis_grows_for_big_ratios() {
        assert_eq!(axis_max(&[bar("A", Some(3.2), Status::Over)]), 3.5);
        assert_eq!(axis_max(&[]), 2.0);
    }

    #[test]
    fn weeks_start_on_monday_and_none_is_skipped() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        // 2026-11-30 is a Monday.
        assert_eq!(week_start(d("2026-12-06")), d("2026-11-30"));
        assert_eq!(week_start(d("2026-11-30")), d("2026-11-30"));
        let days = [
            (d("2026-11-24"), 2),
            (d("2026-12-01"), 3),
            (d("2026-12-06"), 1),
        ];
        let weeks = weekly(&days, d("2026-11-20"), d("2026-12-15"));
        assert_eq!(
            weeks,
            [
                (d("2026-11-16"), 0),
                (d("2026-11-23"), 2),
                (d("2026-11-30"), 4),
                (d("2026-12-07"), 0),
                (d("2026-12-14"), 0),
            ]
        );
        // A day outside the range widens it rather than being dropped.
        let weeks = weekly(&days, d("2026-12-01"), d("2026-12-02"));
        assert_eq!(weeks.iter().map(|w| w.1).sum::<u64>(), 6);
        assert!(weekly(&[], d("2026-12-10"), d("2026-12-01")).is_empty());
        let svg = trend_chart(&weeks, "Weeks", "desc");
        assert!(svg.contains("data-week=\"2026-11-23\" data-n=\"2\""));
    }
}
