//! The publication rule against tables worked by hand, and an audit over many tables.

use super::*;
use crate::coverage::{figures, Baseline};
use crate::domain::Areas;
use crate::store::CoverageCount;
use Published::{Exact, Small, Withheld};

const T10: Rule = Rule { threshold: 10 };

/// A table of `cells` (rows of cells) with row totals, column totals and a grand total, as
/// figures and sums: cells first (row by row), then row totals, column totals, the grand total.
fn table(cells: &[&[u64]]) -> (Vec<u64>, Vec<Sum>) {
    let rows = cells.len();
    let cols = cells[0].len();
    let mut values: Vec<u64> = cells.iter().flat_map(|r| r.iter().copied()).collect();
    let cell = |r: usize, c: usize| r * cols + c;
    let row_at = values.len();
    values.extend(cells.iter().map(|r| r.iter().sum::<u64>()));
    let col_at = values.len();
    values.extend((0..cols).map(|c| cells.iter().map(|r| r[c]).sum::<u64>()));
    let grand = values.len();
    values.push(cells.iter().flat_map(|r| r.iter()).sum());
    let mut sums = Vec::new();
    for r in 0..rows {
        sums.push(Sum {
            parts: (0..cols).map(|c| cell(r, c)).collect(),
            total: row_at + r,
        });
    }
    for c in 0..cols {
        sums.push(Sum {
            parts: (0..rows).map(|r| cell(r, c)).collect(),
            total: col_at + c,
        });
    }
    sums.push(Sum {
        parts: (row_at..row_at + rows).collect(),
        total: grand,
    });
    sums.push(Sum {
        parts: (col_at..col_at + cols).collect(),
        total: grand,
    });
    (values, sums)
}

fn run(values: &[u64], sums: &[Sum]) -> Vec<Published> {
    suppress(values, sums, &vec![1; values.len()], T10)
}

/// What anyone could work out: no sum with exactly one hidden figure, and no hidden figure
/// whose range, narrowed by every published sum, is a single value.
fn assert_safe(values: &[u64], sums: &[Sum], out: &[Published]) {
    for (i, (p, &n)) in out.iter().zip(values).enumerate() {
        match p {
            Exact(shown) => {
                assert_eq!(*shown, n);
                assert!(n == 0 || n >= 10, "figure {i} = {n} shown");
            }
            Small => assert!((1..10).contains(&n), "figure {i} = {n} marked small"),
            Withheld => assert!(n >= 10, "figure {i} = {n} marked [c]"),
        }
    }
    for s in sums {
        let hidden = s.members().filter(|&i| !out[i].is_shown()).count();
        assert_ne!(hidden, 1, "{s:?} has one hidden figure: {out:?}");
    }
    for (i, (lo, hi)) in ranges(values, sums, out, T10).iter().enumerate() {
        assert!(*lo <= values[i] as i64 && values[i] as i64 <= *hi);
        if !out[i].is_shown() {
            assert!(
                lo < hi,
                "figure {i} = {} can be worked out: {out:?}",
                values[i]
            );
        }
    }
}

#[test]
fn a_line_with_one_small_cell_hides_the_next_smallest() {
    // 3 + 40 + 12 + 0 = 55: 3 alone hidden would be 55 − 40 − 12; 12 goes too, as [c].
    let values = [3, 40, 12, 0, 55];
    let sums = [Sum {
        parts: vec![0, 1, 2, 3],
        total: 4,
    }];
    let out = run(&values, &sums);
    assert_eq!(out, [Small, Exact(40), Withheld, Exact(0), Exact(55)]);
    // What is left to know: 3 is 1..5, 12 is 10..14.
    let r = ranges(&values, &sums, &out, T10);
    assert_eq!((r[0], r[2]), ((1, 5), (10, 14)));
    assert_safe(&values, &sums, &out);
    assert_eq!(Small.text(T10), "<10");
    assert_eq!(Withheld.text(T10), "[c]");
    assert_eq!(Small.json(T10), json!("<10"));
    assert_eq!(Exact(40).json(T10), json!(40));
}

#[test]
fn a_column_forces_a_second_round() {
    //        g1  g2 | row
    //   a1    3  20 |  23    a1: 3 alone → hide 20 (round 1)
    //   a2   30  40 |  70    g2: 20 alone now → hide 40; g1: 3 alone → hide 30 (round 2)
    //   col  33  60 |  93
    let (values, sums) = table(&[&[3, 20], &[30, 40]]);
    let out = run(&values, &sums);
    assert_eq!(&out[..4], [Small, Withheld, Withheld, Withheld]);
    assert!(out[4..].iter().all(|p| p.is_shown()), "{out:?}");
    assert_safe(&values, &sums, &out);
}

#[test]
fn all_zero_and_all_large_tables_hide_nothing() {
    let (values, sums) = table(&[&[0, 0, 0], &[0, 0, 0]]);
    let out = run(&values, &sums);
    assert!(out.iter().all(|p| *p == Exact(0)));
    let (values, sums) = table(&[&[10, 25, 11], &[40, 12, 99]]);
    let out = run(&values, &sums);
    assert!(out.iter().zip(&values).all(|(p, &n)| *p == Exact(n)));
}

#[test]
fn small_cells_that_add_up_to_a_giveaway_are_covered() {
    // 9 + 9 + 30 = 48: two hidden, but 48 − 30 = 18 means both are 9. Hide 30 as well.
    let values = [9, 9, 30, 48];
    let sums = [Sum {
        parts: vec![0, 1, 2],
        total: 3,
    }];
    let out = run(&values, &sums);
    assert_eq!(out, [Small, Small, Withheld, Exact(48)]);
    assert_safe(&values, &sums, &out);

    // 1 + 10 + 0 = 11: hiding 1 and 10 would still give 1 (it is 1..9, 10 is 10 or more, and
    // they make 11); hiding 1 and the total leaves 1..9 and 11..19.
    let values = [1, 10, 0, 11];
    let out = run(&values, &sums);
    assert_eq!(out, [Small, Exact(10), Exact(0), Withheld]);
    assert_safe(&values, &sums, &out);
}

#[test]
fn a_small_total_is_hidden_with_its_cells() {
    // A row of 0, 0, 4: the total is 4 too; both hidden, and each could be anything 1..9.
    let (values, sums) = table(&[&[0, 0, 4], &[20, 30, 40]]);
    let out = run(&values, &sums);
    assert_safe(&values, &sums, &out);
    assert_eq!(out[2], Small);
    assert_eq!(out[6], Small, "the row total 4");
}

/// A small generator, so the audit is the same on every run.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

#[test]
fn no_hidden_cell_can_be_worked_out_in_many_tables() {
    let mut rng = Lcg(42);
    for _ in 0..300 {
        let rows = 2 + rng.next(3) as usize;
        let cols = 2 + rng.next(3) as usize;
        let cells: Vec<Vec<u64>> = (0..rows)
            .map(|_| {
                (0..cols)
                    .map(|_| match rng.next(4) {
                        0 => 0,
                        1 => 1 + rng.next(9),
                        _ => rng.next(40),
                    })
                    .collect()
            })
            .collect();
        let refs: Vec<&[u64]> = cells.iter().map(|r| r.as_slice()).collect();
        let (values, sums) = table(&refs);
        let out = run(&values, &sums);
        assert_safe(&values, &sums, &out);
    }
}

#[test]
fn the_rule_is_in_words_with_its_threshold() {
    let rule = Rule::new(5);
    assert_eq!(rule.small(), "<5");
    assert!(rule.text().contains("from 1 to 4 shows as <5"));
    assert_eq!(rule.json()["threshold"], 5);
    assert!(rule.csv_comment().lines().all(|l| l.starts_with("# ")));
    assert_eq!(Rule::new(0).threshold(), 2);
}

fn devon_coverage(counts: &[(&str, &str, &str, u64)]) -> Coverage {
    let areas = Areas::devon();
    let counts: Vec<CoverageCount> = counts
        .iter()
        .map(|(a, g, c, n)| CoverageCount {
            area: Some(a.to_string()),
            group: Some(g.to_string()),
            channel: c.to_string(),
            n: *n,
        })
        .collect();
    let baseline = Baseline::default_for(&areas).unwrap();
    figures("demo", &areas, &baseline, &counts)
}

fn area<'a>(p: &'a PublishedCoverage, id: &str) -> &'a PublishedArea {
    p.areas.iter().find(|a| a.id == id).unwrap()
}

#[test]
fn coverage_hides_small_districts_and_what_they_would_give_away() {
    // East Devon 30 (parent carers, web), Exeter 10 (7 text, 3 web), Torridge 2 (event),
    // 2 outside Devon: N = 42.
    let c = devon_coverage(&[
        ("east-devon", "parent-carer", "web", 30),
        ("exeter", "young-person", "sms", 7),
        ("exeter", "young-person", "web", 3),
        ("torridge", "child", "event", 2),
        ("outside-devon", "professional", "email", 2),
    ]);
    let p = coverage(&c, T10);
    assert_eq!(p.total, Exact(42));
    assert_eq!(area(&p, "torridge").responses, Small);
    // Torridge alone hidden would be 42 − 30 − 0…: Exeter (the next smallest) goes too.
    assert_eq!(area(&p, "exeter").responses, Withheld);
    assert_eq!(area(&p, "east-devon").responses, Exact(30));
    assert_eq!(area(&p, "teignbridge").responses, Exact(0));
    // Derived figures: withheld where the count is, kept where it is not.
    assert!(area(&p, "torridge").derived.is_none());
    assert!(area(&p, "exeter").derived.is_none());
    assert_eq!(
        area(&p, "teignbridge")
            .derived
            .as_ref()
            .unwrap()
            .voices_needed,
        8
    );
    assert_eq!((p.similarity, p.r_score), (None, None));
    assert_eq!(p.not_in_a_district, Small);
    // Exeter's 3 on the web is hidden, and the web total (33) rather than East Devon's 30.
    let web = |area: &str| PublishedCoverage::cell(&p.by_channel, area, "web");
    assert_eq!(web("exeter"), Small);
    assert_eq!(web("east-devon"), Exact(30));
    let web_total = p.channel_totals.iter().find(|(k, _)| k == "web").unwrap().1;
    assert_eq!(web_total, Withheld);
    assert!(p.area_shown("east-devon") && !p.area_shown("exeter"));

    let json = coverage_json(&p, "now");
    assert_eq!(json["total"], 42);
    assert_eq!(json["suppression"]["threshold"], 10);
    let torridge = json["areas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "torridge")
        .unwrap();
    assert_eq!(torridge["responses"], "<10");
    assert!(torridge["share"].is_null() && torridge["voices_needed"].is_null());

    let csv = coverage_csv(&p).unwrap();
    assert!(csv.starts_with("# Small numbers are hidden"));
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let row = |id: &str| records.iter().find(|r| &r[0] == id).unwrap().clone();
    assert_eq!(&row("torridge")[2], "<10");
    assert_eq!(&row("exeter")[2], "[c]");
    assert_eq!(&row("total")[2], "42");
    assert_eq!(&row("not-in-a-district")[2], "<10");
    let web_col = header.iter().position(|h| h == "channel:web").unwrap();
    assert_eq!(&row("total")[web_col], "[c]");
}

#[test]
fn coverage_with_no_responses_and_with_only_large_counts() {
    let p = coverage(&devon_coverage(&[]), T10);
    assert_eq!(p.total, Exact(0));
    assert!(p.areas.iter().all(|a| a.responses == Exact(0)));
    let p = coverage(
        &devon_coverage(&[
            ("east-devon", "child", "web", 20),
            ("exeter", "child", "web", 10),
        ]),
        T10,
    );
    assert_eq!(area(&p, "exeter").responses, Exact(10));
    assert!(p.similarity.is_some() && p.r_score.is_some());
}

#[test]
fn k_anonymise_withholds_small_labels_and_then_the_next_smallest() {
    let mut labels: Vec<String> = std::iter::repeat_n("a", 12)
        .chain(std::iter::repeat_n("b", 3))
        .chain(std::iter::repeat_n("c", 10))
        .map(str::to_owned)
        .collect();
    k_anonymise(&mut labels, WITHHELD, 10);
    let count = |l: &str| labels.iter().filter(|x| *x == l).count();
    // b (3) alone withheld would be a group of 3: c (10, the next smallest) joins it.
    assert_eq!(
        (count("a"), count("b"), count("c"), count(WITHHELD)),
        (12, 0, 0, 13)
    );

    let mut few: Vec<String> = vec!["a".into(), "b".into()];
    k_anonymise(&mut few, WITHHELD, 10);
    assert!(few.iter().all(|l| l == WITHHELD));
}

fn key(district: &str, group: &str, channel: &str, day: &str) -> ResponseKey {
    ResponseKey {
        district: Some(district.to_owned()).filter(|d| !d.is_empty()),
        group: Some(group.to_owned()),
        channel: channel.to_owned(),
        day: day.parse().unwrap(),
    }
}

#[test]
fn responses_are_generalised_until_nobody_is_singled_out() {
    let mut rows = Vec::new();
    let mut add = |n: usize, k: ResponseKey| rows.extend(std::iter::repeat_n(k, n));
    // East Devon parent carers on the web: 25 on Monday 2 March, 6 + 5 later that week (W10),
    // 2 on 20 March (W12).
    add(25, key("east-devon", "parent-carer", "web", "2026-03-02"));
    add(6, key("east-devon", "parent-carer", "web", "2026-03-03"));
    add(5, key("east-devon", "parent-carer", "web", "2026-03-05"));
    add(2, key("east-devon", "parent-carer", "web", "2026-03-20"));
    // 3 children and 10 young people from East Devon on 2 March.
    add(3, key("east-devon", "child", "web", "2026-03-02"));
    add(10, key("east-devon", "young-person", "web", "2026-03-02"));
    // Torridge 4 and Exeter 11, both hidden in coverage; 2 from outside Devon.
    add(4, key("torridge", "young-person", "event", "2026-03-10"));
    add(11, key("exeter", "young-person", "sms", "2026-03-11"));
    add(2, key("", "professional", "email", "2026-03-11"));
    let c = devon_coverage(&[
        ("east-devon", "parent-carer", "web", 38),
        ("east-devon", "child", "web", 3),
        ("east-devon", "young-person", "web", 10),
        ("torridge", "young-person", "event", 4),
        ("exeter", "young-person", "sms", 11),
        ("outside-devon", "professional", "email", 2),
    ]);
    let p = coverage(&c, T10);
    assert_eq!(area(&p, "east-devon").responses, Exact(51));
    assert_eq!(area(&p, "exeter").responses, Withheld);
    assert!(p.group_shown("east-devon", "parent-carer"));
    // Children (3) are hidden in coverage, and so young people (10, the next smallest).
    assert!(!p.group_shown("east-devon", "child"));
    assert!(!p.group_shown("east-devon", "young-person"));

    let out = generalise(&rows, &p, T10);
    let tally = |area: &str, group: &str, channel: &str, day: Option<&str>| {
        out.iter()
            .flatten()
            .filter(|k| {
                k.area == area
                    && k.group == group
                    && k.channel == channel
                    && k.day.as_deref() == day
            })
            .count()
    };
    // Outside Devon: its figure is hidden in coverage, so its rows are left out.
    assert_eq!(out.iter().filter(|k| k.is_none()).count(), 2);
    // Parent carers: the busy Monday keeps its day; the rest of W10 (11) would keep its week,
    // but then the 2 from W12 would be a blank group of 2, so W10 is blanked with them.
    assert_eq!(
        tally("east-devon", "parent-carer", "web", Some("2026-03-02")),
        25
    );
    assert_eq!(tally("east-devon", "parent-carer", "web", None), 13);
    // Children and young people: withheld together, as in coverage.
    assert_eq!(tally("east-devon", WITHHELD, "web", Some("2026-03-02")), 13);
    // Torridge and Exeter are other Devon, group and channel withheld; 11 share 11 March but
    // the 4 on 10 March alone would be 4 blanks, so all 15 are blank.
    assert_eq!(tally(OTHER_DEVON, WITHHELD, WITHHELD, None), 15);
    assert_eq!(out.iter().flatten().count(), 66);
    // Every published combination is shared by at least 10.
    let mut classes: BTreeMap<&PublishedKey, usize> = BTreeMap::new();
    for k in out.iter().flatten() {
        *classes.entry(k).or_default() += 1;
    }
    assert!(classes.values().all(|&n| n >= 10), "{classes:?}");
}

#[test]
fn a_week_is_kept_when_enough_share_it() {
    let mut rows = Vec::new();
    rows.extend(std::iter::repeat_n(
        key("east-devon", "child", "web", "2026-03-02"),
        20,
    ));
    for day in ["2026-03-03", "2026-03-04", "2026-03-05"] {
        rows.extend(std::iter::repeat_n(
            key("east-devon", "child", "web", day),
            4,
        ));
    }
    let p = coverage(&devon_coverage(&[("east-devon", "child", "web", 32)]), T10);
    let out = generalise(&rows, &p, T10);
    let weeks = out
        .iter()
        .flatten()
        .filter(|k| k.day.as_deref() == Some("2026-W10"))
        .count();
    assert_eq!(weeks, 12);
}

/// Every table consistent with what is published, found by trying every value of each hidden
/// cell within its range: each hidden figure must be able to take at least two values. This
/// checks more than [`ranges`] can (it knows every sum at once, not one at a time).
fn assert_no_hidden_figure_is_determined(cells: &[&[u64]]) -> bool {
    let rows = cells.len();
    let cols = cells[0].len();
    let (values, sums) = table(cells);
    let out = run(&values, &sums);
    let range = ranges(&values, &sums, &out, T10);
    let inner = rows * cols;
    let hidden_inner: Vec<usize> = (0..inner).filter(|&i| !out[i].is_shown()).collect();
    let size: i64 = hidden_inner
        .iter()
        .map(|&i| range[i].1.min(200) - range[i].0 + 1)
        .product();
    if size > 200_000 {
        return false;
    }
    let fits = |i: usize, n: u64| match out[i] {
        Exact(v) => v == n,
        Small => (1..10).contains(&n),
        Withheld => n >= 10,
    };
    let mut seen: Vec<std::collections::BTreeSet<u64>> = vec![Default::default(); values.len()];
    let mut trial: Vec<u64> = values[..inner].to_vec();
    let mut counter = vec![0i64; hidden_inner.len()];
    loop {
        for (k, &i) in hidden_inner.iter().enumerate() {
            trial[i] = (range[i].0 + counter[k]) as u64;
        }
        let mut full = trial.clone();
        full.extend((0..rows).map(|r| (0..cols).map(|c| trial[r * cols + c]).sum::<u64>()));
        full.extend((0..cols).map(|c| (0..rows).map(|r| trial[r * cols + c]).sum::<u64>()));
        full.push(trial.iter().sum());
        if full.iter().enumerate().all(|(i, &n)| fits(i, n)) {
            for (i, &n) in full.iter().enumerate() {
                seen[i].insert(n);
            }
        }
        // The next combination, like an odometer.
        let mut k = 0;
        loop {
            if k == hidden_inner.len() {
                for (i, p) in out.iter().enumerate() {
                    if !p.is_shown() {
                        assert!(
                            seen[i].len() >= 2,
                            "figure {i} of {cells:?} is always {:?}: {out:?}",
                            seen[i]
                        );
                    }
                }
                return true;
            }
            let i = hidden_inner[k];
            counter[k] += 1;
            if range[i].0 + counter[k] <= range[i].1.min(200) {
                break;
            }
            counter[k] = 0;
            k += 1;
        }
    }
}

#[test]
fn no_hidden_figure_is_determined_by_all_the_sums_together() {
    let mut rng = Lcg(7);
    let mut checked = 0;
    for _ in 0..400 {
        let rows = 2 + rng.next(2) as usize;
        let cols = 2 + rng.next(2) as usize;
        let cells: Vec<Vec<u64>> = (0..rows)
            .map(|_| {
                (0..cols)
                    .map(|_| match rng.next(3) {
                        0 => 0,
                        1 => 1 + rng.next(9),
                        _ => 10 + rng.next(15),
                    })
                    .collect()
            })
            .collect();
        let refs: Vec<&[u64]> = cells.iter().map(|r| r.as_slice()).collect();
        if assert_no_hidden_figure_is_determined(&refs) {
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} tables small enough to check");
}
