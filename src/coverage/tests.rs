//! The figures against examples worked by hand (Wilson bounds checked against published
//! tables: 0/10 -> [0, 0.2775], 5/10 -> [0.2366, 0.7634], 10/10 -> [0.7225, 1]).

use super::*;
use crate::domain::Areas;

/// East Devon 0.3, every other district 0.1.
fn baseline(areas: &Areas) -> Baseline {
    let weights: Vec<_> = areas
        .districts()
        .map(|d| {
            (
                d.id.clone(),
                if d.id.as_str() == "east-devon" {
                    3.0
                } else {
                    1.0
                },
            )
        })
        .collect();
    Baseline::from_weights(areas, BaselineSource::Consultation, &weights).unwrap()
}

fn count(area: Option<&str>, group: Option<&str>, channel: &str, n: u64) -> CoverageCount {
    CoverageCount {
        area: area.map(str::to_owned),
        group: group.map(str::to_owned),
        channel: channel.to_owned(),
        n,
    }
}

fn area<'a>(c: &'a Coverage, id: &str) -> &'a AreaFigures {
    c.areas.iter().find(|a| a.id == id).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 5e-5
}

#[test]
fn wilson_matches_hand_worked_bounds() {
    let (lo, hi) = wilson(0, 10);
    assert!(close(lo, 0.0) && close(hi, 0.27753), "{lo} {hi}");
    let (lo, hi) = wilson(5, 10);
    assert!(close(lo, 0.23659) && close(hi, 0.76341), "{lo} {hi}");
    let (lo, hi) = wilson(10, 10);
    assert!(close(lo, 0.72247) && close(hi, 1.0), "{lo} {hi}");
    // 0 of 100: centre = half = 0.0192073 / 1.0384146 = 0.018497.
    let (lo, hi) = wilson(0, 100);
    assert!(close(lo, 0.0) && close(hi, 0.036994), "{lo} {hi}");
    assert_eq!(wilson(0, 0), (0.0, 1.0));
}

#[test]
fn voices_needed_is_the_smallest_number_that_reaches_the_expected_share() {
    // (0.2·100 − 10)/0.8 = 12.5 -> 13: 23/113 = 0.2035, while 22/112 = 0.196.
    assert_eq!(voices_needed(10, 100, 0.2), 13);
    // Exactly 4: (0.5·10 − 3)/0.5, not pushed to 5 by rounding.
    assert_eq!(voices_needed(3, 10, 0.5), 4);
    assert_eq!(voices_needed(50, 100, 0.2), 0);
    assert_eq!(voices_needed(0, 0, 0.2), 0);
    assert_eq!(voices_needed(7, 7, 1.0), 0);
}

#[test]
fn a_spread_of_responses() {
    let areas = Areas::devon();
    // East Devon 30, Exeter 20, the six others 5 each: N = 80.
    let mut counts = vec![
        count(Some("east-devon"), Some("parent-carer"), "web", 30),
        count(Some("exeter"), Some("young-person"), "sms", 20),
    ];
    for d in [
        "mid-devon",
        "north-devon",
        "south-hams",
        "teignbridge",
        "torridge",
        "west-devon",
    ] {
        counts.push(count(Some(d), Some("child"), "event", 5));
    }
    counts.push(count(Some("outside-devon"), None, "email", 2));
    counts.push(count(Some("prefer-not-to-say"), Some("child"), "web", 1));
    counts.push(count(None, None, "web", 3));
    let c = figures("demo", &areas, &baseline(&areas), &counts);
    assert_eq!(c.total, 80);

    let east = area(&c, "east-devon");
    assert_eq!(east.responses, 30);
    assert!(close(east.share, 0.375) && close(east.expected_share, 0.3));
    assert!(close(east.ratio.unwrap(), 1.25));
    assert_eq!(east.status, Status::InLine);
    assert_eq!(east.voices_needed, 0);
    assert_eq!(east.name, "East Devon");

    let exeter = area(&c, "exeter");
    // 20/80: the interval starts above 0.1.
    assert!(exeter.ci_low > 0.1);
    assert_eq!(exeter.status, Status::Over);

    let mid = area(&c, "mid-devon");
    assert!(close(mid.share, 0.0625) && close(mid.ratio.unwrap(), 0.625));
    assert_eq!(mid.status, Status::InLine);
    // (0.1·80 − 5)/0.9 = 3.33 -> 4: 9/84 = 0.107, while 8/83 = 0.096.
    assert_eq!(mid.voices_needed, 4);

    // 0.3 + 0.1 + 6 × 0.0625.
    assert!(close(c.similarity.unwrap(), 0.775));
    // Rates: East Devon 100, Exeter 200, the others 50: 50/200.
    assert!(close(c.r_score.unwrap(), 0.25));

    assert_eq!(
        c.others,
        vec![
            ("outside-devon".to_owned(), 2),
            ("prefer-not-to-say".to_owned(), 1),
            ("unknown".to_owned(), 3)
        ]
    );
    let east_groups = &c
        .by_group
        .iter()
        .find(|(a, _)| a == "east-devon")
        .unwrap()
        .1;
    assert!(east_groups.contains(&("parent-carer".to_owned(), 30)));
    assert!(east_groups.contains(&("child".to_owned(), 0)));
    let unknown_groups = &c.by_group.iter().find(|(a, _)| a == "unknown").unwrap().1;
    assert!(unknown_groups.contains(&("unknown".to_owned(), 3)));
    let exeter_channels = &c.by_channel.iter().find(|(a, _)| a == "exeter").unwrap().1;
    assert_eq!(exeter_channels.len(), 4);
    assert!(exeter_channels.contains(&("sms".to_owned(), 20)));
}

#[test]
fn an_area_with_no_responses_is_under_once_the_sample_is_big_enough() {
    let areas = Areas::devon();
    let counts = [count(Some("east-devon"), None, "web", 100)];
    let c = figures("demo", &areas, &baseline(&areas), &counts);
    let exeter = area(&c, "exeter");
    assert_eq!((exeter.responses, exeter.share), (0, 0.0));
    assert!(close(exeter.ci_high, 0.036994));
    assert_eq!(exeter.status, Status::Under);
    // (0.1·100 − 0)/0.9 = 11.1 -> 12.
    assert_eq!(exeter.voices_needed, 12);
    assert_eq!(exeter.ratio, Some(0.0));
    assert_eq!(c.r_score, Some(0.0));
}

#[test]
fn an_area_that_is_the_whole_sample() {
    let areas = Areas::devon();
    let counts = [count(Some("east-devon"), None, "web", 10)];
    let c = figures("demo", &areas, &baseline(&areas), &counts);
    let east = area(&c, "east-devon");
    assert_eq!(east.share, 1.0);
    assert!(close(east.ci_low, 0.72247) && close(east.ci_high, 1.0));
    assert_eq!(east.status, Status::Over);
    assert!(close(east.ratio.unwrap(), 10.0 / 3.0));
    // Another with none of 10: [0, 0.2775] still holds 0.1, so in line, but 2 more needed.
    let exeter = area(&c, "exeter");
    assert_eq!(exeter.status, Status::InLine);
    assert_eq!(exeter.voices_needed, 2);
    assert!(close(c.similarity.unwrap(), 0.3));
    assert_eq!(c.r_score, Some(0.0));
}

#[test]
fn no_responses_gives_no_nan() {
    let areas = Areas::devon();
    // Only responses outside any district: N = 0.
    let counts = [count(Some("outside-devon"), None, "web", 4)];
    let c = figures("demo", &areas, &baseline(&areas), &counts);
    assert_eq!(c.total, 0);
    assert_eq!((c.similarity, c.r_score), (None, None));
    for a in &c.areas {
        assert_eq!(a.share, 0.0);
        assert_eq!(a.ratio, None);
        assert_eq!((a.ci_low, a.ci_high), (0.0, 1.0));
        assert_eq!(a.status, Status::InLine);
        assert_eq!(a.voices_needed, 0);
    }
    let json = report::json(&c, "2026-11-24T00:00:00Z").to_string();
    assert!(!json.contains("NaN") && !json.contains("inf"), "{json}");
    assert_eq!(c.others[0], ("outside-devon".to_owned(), 4));
}

#[test]
fn staff_json_csv_and_table_are_exact() {
    let areas = Areas::devon();
    let counts = [
        count(Some("east-devon"), Some("parent-carer"), "web", 7),
        count(Some("east-devon"), Some("child"), "web", 3),
    ];
    let c = figures("demo", &areas, &baseline(&areas), &counts);
    let json = report::json(&c, "now");
    let east = &json["by_group"][0];
    assert_eq!(east["area"], "east-devon");
    assert_eq!(east["counts"]["parent-carer"], 7);
    assert_eq!(east["counts"]["child"], 3);
    assert_eq!(json["by_channel"][0]["counts"]["web"], 10);
    assert_eq!(json["areas"][0]["responses"], 10);

    let csv = report::csv(&c).unwrap();
    let header = csv.lines().next().unwrap();
    assert!(header.starts_with("area,name,responses,share,expected_share,ratio,ci_low,ci_high,status,voices_needed,group:child"));
    let east_row = csv.lines().nth(1).unwrap();
    assert!(
        east_row.starts_with("east-devon,East Devon,10,"),
        "{east_row}"
    );
    assert!(east_row.contains(",3,0,7,0,0,0,10,0,0,0"), "{east_row}");

    let table = report::table(&c);
    assert!(table.contains("east-devon"));
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("east-devon") && l.contains(" 3 ")),
        "{table}"
    );
}
