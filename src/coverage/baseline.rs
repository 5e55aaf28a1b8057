//! Baselines: the share of a consultation's responses each district would have if every part
//! of the authority were heard alike.

use std::collections::HashMap;

use crate::domain::{AreaId, AreaKind, Areas};

/// The built-in default: ONS mid-2020 0–25 population by district (see `data/baselines/`).
pub const DEVON_POPULATION_CSV: &str =
    include_str!("../../data/baselines/devon_population_0_25_mid2020.csv");

/// Where a baseline came from, so a report can say which one it used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BaselineSource {
    /// Imported for this consultation.
    Consultation,
    /// Imported as the default for every consultation without its own.
    Imported,
    /// The ONS mid-2020 0–25 population shipped with heard.
    #[serde(rename = "ons-mid-2020-population-0-25")]
    OnsMid2020Population0To25,
}

/// An expected share for every district, in the areas file's order, summing to 1.
#[derive(Debug, Clone, PartialEq)]
pub struct Baseline {
    pub source: BaselineSource,
    shares: Vec<(AreaId, f64)>,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum BaselineError {
    /// Every problem found, one a line, each naming its line.
    #[error("{}", .0.join("; "))]
    Invalid(Vec<String>),
}

impl Baseline {
    /// Normalises positive weights, one for every district of `areas` and nothing else.
    pub fn from_weights(
        areas: &Areas,
        source: BaselineSource,
        weights: &[(AreaId, f64)],
    ) -> Result<Baseline, BaselineError> {
        let mut problems = Vec::new();
        let mut by_area: HashMap<&str, f64> = HashMap::new();
        for (area, weight) in weights {
            if !(weight.is_finite() && *weight > 0.0) {
                problems.push(format!("{area}: the expected share must be more than 0"));
            }
            by_area.insert(area.as_str(), *weight);
        }
        let mut shares = Vec::new();
        for district in areas.districts() {
            match by_area.remove(district.id.as_str()) {
                Some(w) => shares.push((district.id.clone(), w)),
                None => problems.push(format!("no expected share for {}", district.id)),
            }
        }
        for extra in by_area.keys() {
            problems.push(format!("{extra} is not a district"));
        }
        if !problems.is_empty() {
            problems.sort();
            return Err(BaselineError::Invalid(problems));
        }
        let total: f64 = shares.iter().map(|(_, w)| w).sum();
        for (_, w) in &mut shares {
            *w /= total;
        }
        Ok(Baseline { source, shares })
    }

    /// The ONS population baseline for the districts of `areas`, matched by ONS code.
    pub fn default_for(areas: &Areas) -> Result<Baseline, BaselineError> {
        let mut reader = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .from_reader(DEVON_POPULATION_CSV.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| BaselineError::Invalid(vec![e.to_string()]))?
            .clone();
        let column = |name: &str| headers.iter().position(|h| h == name);
        let (Some(code_at), Some(count_at)) = (column("lad_code"), column("mid2020_age0_25"))
        else {
            return Err(BaselineError::Invalid(vec![
                "the population file lacks lad_code or mid2020_age0_25".to_owned(),
            ]));
        };
        let mut weights = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| BaselineError::Invalid(vec![e.to_string()]))?;
            let code = record.get(code_at).unwrap_or_default();
            let district = areas.districts().find(|a| a.code.as_deref() == Some(code));
            if let Some(district) = district {
                let count: f64 = record
                    .get(count_at)
                    .unwrap_or_default()
                    .parse()
                    .map_err(|_| BaselineError::Invalid(vec![format!("{code}: bad count")]))?;
                weights.push((district.id.clone(), count));
            }
        }
        Baseline::from_weights(areas, BaselineSource::OnsMid2020Population0To25, &weights)
    }

    /// Reads an `area,expected` CSV (area as a district id or name). Every bad row is
    /// reported with its line number; a file with any is refused whole.
    pub fn parse_csv(
        areas: &Areas,
        source: BaselineSource,
        csv_text: &str,
    ) -> Result<Baseline, BaselineError> {
        let mut reader = crate::csv_rows::reader(csv_text);
        let headers: Vec<String> = match reader.headers() {
            Ok(h) => h.iter().map(|h| h.to_ascii_lowercase()).collect(),
            Err(e) => return Err(BaselineError::Invalid(vec![format!("line 1: {e}")])),
        };
        if headers != ["area", "expected"] {
            return Err(BaselineError::Invalid(vec![
                "line 1: the header must be area,expected".to_owned(),
            ]));
        }
        let mut problems = Vec::new();
        let mut weights: Vec<(AreaId, f64)> = Vec::new();
        for row in crate::csv_rows::numbered_records(&mut reader) {
            let (line, record) = match row {
                Ok(row) => row,
                Err(problem) => {
                    problems.push(problem);
                    continue;
                }
            };
            if record.len() != 2 {
                problems.push(format!(
                    "line {line}: expected 2 fields (area,expected), found {}",
                    record.len()
                ));
                continue;
            }
            let (name, expected) = (&record[0], &record[1]);
            let Some(area) = district(areas, name) else {
                problems.push(format!(
                    "line {line}: {name:?} is not a district of {}",
                    areas.authority()
                ));
                continue;
            };
            if weights.iter().any(|(a, _)| *a == area) {
                problems.push(format!("line {line}: {area} appears twice"));
                continue;
            }
            match weight(expected) {
                Some(w) if w.is_finite() && w > 0.0 => weights.push((area, w)),
                _ => problems.push(format!(
                    "line {line}: {area}: expected {expected:?} must be a number more than 0"
                )),
            }
        }
        for d in areas.districts() {
            let named = weights.iter().any(|(a, _)| *a == d.id);
            // A district on a bad line is not also reported as missing.
            if !named && !problems.iter().any(|p| p.contains(d.id.as_str())) {
                problems.push(format!("no row for {}", d.id));
            }
        }
        if !problems.is_empty() {
            return Err(BaselineError::Invalid(problems));
        }
        Baseline::from_weights(areas, source, &weights)
    }

    /// (district, expected share), in the areas file's order.
    pub fn shares(&self) -> &[(AreaId, f64)] {
        &self.shares
    }

    pub fn share(&self, area: &AreaId) -> Option<f64> {
        self.shares.iter().find(|(a, _)| a == area).map(|(_, s)| *s)
    }
}

/// An expected share as a spreadsheet writes it: a share (`0.12`), a percentage (`12.5%`)
/// or a count, with thousands separated or not (`"31,204"`, `31 204`). Shares are
/// normalised after, so all of these are the same kind of number.
///
/// A European spreadsheet writes the comma as the decimal point (`12,5%`, `1.234,5`). A
/// lone comma is read as one unless exactly three digits follow it (a thousands comma); so
/// is a comma after a dot, and more than one dot separates thousands. Thousands come in
/// threes, so `1,2,3` is not a number.
fn weight(text: &str) -> Option<f64> {
    let digits: String = text
        .trim()
        .trim_end_matches('%')
        .trim_end()
        .chars()
        .filter(|c| !matches!(c, '_' | ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    let marks = |mark: char| digits.matches(mark).count();
    let (thousands, decimal) = match (digits.rfind(','), digits.rfind('.')) {
        (Some(comma), Some(dot)) if comma > dot => ('.', ','),
        (Some(comma), None)
            if marks(',') == 1 && (digits.len() - comma - 1 != 3 || digits.starts_with("0,")) =>
        {
            ('.', ',')
        }
        (None, Some(_)) if marks('.') > 1 => ('.', ','),
        _ => (',', '.'),
    };
    let (whole, fraction) = digits.split_once(decimal).unwrap_or((&digits, ""));
    let groups: Vec<&str> = whole.split(thousands).collect();
    let grouped_in_threes = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped_in_threes || fraction.contains([',', '.']) {
        return None;
    }
    format!("{}.{fraction}", groups.concat())
        .trim_end_matches('.')
        .parse()
        .ok()
}

/// A district by id (`mid-devon`), ONS code or name in any case (`Mid Devon`).
fn district(areas: &Areas, text: &str) -> Option<AreaId> {
    let text = text.trim();
    areas
        .districts()
        .find(|a| {
            a.id.as_str().eq_ignore_ascii_case(text)
                || a.code
                    .as_deref()
                    .is_some_and(|c| c.eq_ignore_ascii_case(text))
                || a.names.values().any(|n| n.eq_ignore_ascii_case(text))
        })
        .map(|a| a.id.clone())
        .or_else(|| {
            areas.find_by_name(text).filter(|id| {
                areas
                    .get(id.as_str())
                    .is_some_and(|a| a.kind == AreaKind::District)
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(b: &Baseline) -> Vec<&str> {
        b.shares().iter().map(|(a, _)| a.as_str()).collect()
    }

    #[test]
    fn the_default_is_the_ons_0_25_population_share() {
        let areas = Areas::devon();
        let b = Baseline::default_for(&areas).unwrap();
        assert_eq!(b.shares().len(), 8);
        assert_eq!(ids(&b)[0], "east-devon");
        // Devon CC's eight districts hold 218,748 people aged 0-25; Exeter 48,964 of them.
        let exeter = b.share(&areas.id("exeter").unwrap()).unwrap();
        assert!((exeter - 48_964.0 / 218_748.0).abs() < 1e-12, "{exeter}");
        let total: f64 = b.shares().iter().map(|(_, s)| s).sum();
        assert!((total - 1.0).abs() < 1e-12);
    }

    const ALL_EIGHT: &str = "area,expected\neast-devon,1\nExeter,1\nmid devon,1\nE07000043,1\n\
        south-hams,2\nteignbridge,2\ntorridge,1\nWest Devon,1\n";

    #[test]
    fn an_import_accepts_ids_codes_and_names_and_is_normalised() {
        let areas = Areas::devon();
        let b = Baseline::parse_csv(&areas, BaselineSource::Consultation, ALL_EIGHT).unwrap();
        assert_eq!(b.share(&areas.id("east-devon").unwrap()), Some(0.1));
        assert_eq!(b.share(&areas.id("south-hams").unwrap()), Some(0.2));
        assert_eq!(b.share(&areas.id("north-devon").unwrap()), Some(0.1));
    }

    #[test]
    fn percentages_and_counts_with_thousands_are_read() {
        let areas = Areas::devon();
        let share = |b: &Baseline, id: &str| b.share(&areas.id(id).unwrap()).unwrap();
        let percentages = "area,expected\neast-devon,10%\nexeter,10 %\nmid-devon,10%\n\
            north-devon,10%\nsouth-hams,20%\nteignbridge,20.0%\ntorridge,10%\nwest-devon,10%\n";
        let b = Baseline::parse_csv(&areas, BaselineSource::Consultation, percentages).unwrap();
        assert!((share(&b, "south-hams") - 0.2).abs() < 1e-9);
        let counts = "area,expected\neast-devon,\"10,000\"\nexeter,10000\nmid-devon,10 000\n\
            north-devon,10_000\nsouth-hams,20000\nteignbridge,20000.0\ntorridge,1e4\nwest-devon,10000\n";
        let b = Baseline::parse_csv(&areas, BaselineSource::Consultation, counts).unwrap();
        assert!((share(&b, "east-devon") - 0.1).abs() < 1e-9);
        assert!((share(&b, "teignbridge") - 0.2).abs() < 1e-9);
        let bad = "area,expected\neast-devon,ten\nexeter,1,5\n";
        assert!(Baseline::parse_csv(&areas, BaselineSource::Consultation, bad).is_err());
    }

    #[test]
    fn a_european_spreadsheet_with_semicolons_and_decimal_commas_is_read() {
        let areas = Areas::devon();
        let share = |b: &Baseline, id: &str| b.share(&areas.id(id).unwrap()).unwrap();
        let european = "Area;Expected\r\nEast Devon;12,5%\r\nExeter;12,5\r\n\
            Mid Devon;12,50 %\r\nNorth Devon;12,5\r\nSouth Hams;12,5\r\nTeignbridge;12,5\r\n\
            Torridge;12,5\r\nWest Devon;12,5\r\n";
        let b = Baseline::parse_csv(&areas, BaselineSource::Consultation, european).unwrap();
        assert!((share(&b, "exeter") - 0.125).abs() < 1e-9);
        let trailing = format!("{european};\r\n;\r\n");
        assert!(Baseline::parse_csv(&areas, BaselineSource::Consultation, &trailing).is_ok());
        for (written, read) in [
            ("12,5", 12.5),
            ("0,125", 0.125),
            ("1.234,5", 1234.5),
            ("1.234.567", 1_234_567.0),
            ("31,204", 31_204.0),
            ("1,234,567", 1_234_567.0),
            ("1,234.5", 1234.5),
            ("31'204", 31_204.0),
            ("12.5 %", 12.5),
        ] {
            assert_eq!(weight(written), Some(read), "{written}");
        }
        assert_eq!(weight("1,2,3"), None);
    }

    #[test]
    fn a_spreadsheet_byte_order_mark_is_ignored() {
        let areas = Areas::devon();
        let with_bom = format!("\u{feff}{ALL_EIGHT}");
        assert!(Baseline::parse_csv(&areas, BaselineSource::Consultation, &with_bom).is_ok());
    }

    #[test]
    fn a_bad_file_names_every_bad_line() {
        let areas = Areas::devon();
        let bad = ALL_EIGHT
            .replace("Exeter,1", "Plymouth,1")
            .replace("torridge,1", "torridge,-2")
            .replace("West Devon,1", "West Devon,lots");
        let Err(BaselineError::Invalid(problems)) =
            Baseline::parse_csv(&areas, BaselineSource::Consultation, &bad)
        else {
            panic!("accepted a bad file");
        };
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert_eq!(problems[3], "no row for exeter");
        assert!(
            problems[0].starts_with("line 3: \"Plymouth\" is not a district"),
            "{problems:?}"
        );
        assert!(
            problems[1].starts_with("line 8: torridge: expected \"-2\""),
            "{problems:?}"
        );
        assert!(
            problems[2].starts_with("line 9: west-devon: expected \"lots\""),
            "{problems:?}"
        );
    }

    #[test]
    fn missing_duplicated_and_headerless_files_are_refused() {
        let areas = Areas::devon();
        let missing = ALL_EIGHT.replace("torridge,1\n", "");
        assert_eq!(
            Baseline::parse_csv(&areas, BaselineSource::Consultation, &missing),
            Err(BaselineError::Invalid(vec!["no row for torridge".into()]))
        );
        let twice = ALL_EIGHT.replace("torridge,1", "torridge,1\nTorridge,3");
        let err = Baseline::parse_csv(&areas, BaselineSource::Consultation, &twice).unwrap_err();
        assert!(
            err.to_string().contains("line 9: torridge appears twice"),
            "{err}"
        );
        let headless = "east-devon,1\n";
        let err = Baseline::parse_csv(&areas, BaselineSource::Consultation, headless).unwrap_err();
        assert!(err
            .to_string()
            .contains("line 1: the header must be area,expected"));
    }
}
