//! Areas: the districts a view can be counted in, loaded from a data file so another
//! authority can swap in its own, and the postcode lookup that finds one.
//!
//! The data (`data/areas/`) is a TOML file naming the areas and two CSVs: per outward code,
//! how many postcode units lie in each area; and, for outward codes split between areas,
//! the area of every unit postcode.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, LazyLock};

use serde::{Deserialize, Serialize};

/// The id of an area in the loaded registry (`east-devon`, `outside-devon`, ...).
/// Only `Areas` makes one, so holding an `AreaId` means the area exists.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct AreaId(Arc<str>);

impl AreaId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for AreaId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AreaKind {
    /// A district of the authority; coverage is counted over these.
    District,
    /// Somewhere outside the authority's area.
    Outside,
    /// The person chose not to say.
    Undisclosed,
}

#[derive(Debug, Clone)]
pub struct Area {
    pub id: AreaId,
    pub kind: AreaKind,
    /// ONS code for a district (`E07000040`), none for the others.
    pub code: Option<String>,
    /// Name per locale tag (`en-GB`, `pl`, `ar`); `en-GB` always present.
    pub names: BTreeMap<String, String>,
}

impl Area {
    /// The name for `locale` (`pl`, `pl-PL`, `ar`...), else its language, else `en-GB`.
    pub fn name(&self, locale: &str) -> &str {
        let lang = locale.split(['-', '_']).next().unwrap_or_default();
        let tagged = |tag: &str| {
            self.names
                .iter()
                .find(|(t, _)| t.eq_ignore_ascii_case(tag))
                .map(|(_, n)| n.as_str())
        };
        tagged(locale)
            .or_else(|| tagged(lang))
            .or_else(|| tagged(FALLBACK_LOCALE))
            .unwrap_or_default()
    }
}

/// What a typed postcode, or its first half, tells us.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PostcodeLookup {
    Found(AreaId),
    /// The outward code spans several areas: ask the person which. Most likely first.
    Ambiguous(Vec<AreaId>),
    /// Looks like a UK postcode but is not one we hold.
    Unknown,
    /// Not a postcode at all.
    Invalid,
}

pub struct Areas {
    authority: String,
    attribution: String,
    areas: Vec<Area>,
    outside: usize,
    undisclosed: usize,
    /// Outward code (`EX4`) -> indexes into `areas`, most postcode units first.
    outward: HashMap<Box<str>, OutwardSplit>,
    /// The share of an outward code's postcodes its main area needs for the code alone to
    /// place someone there; below it the person is asked to pick.
    found_share: f64,
    /// Unit postcode in canonical form (`EX4 6PX`) -> index into `areas`.
    postcodes: HashMap<Box<str>, usize>,
    /// Postcode areas (`EX`) whose every outward code is in `outward`.
    complete_postcode_areas: HashSet<String>,
    /// Each district name, in every locale, and each place, as lowercase words, with its
    /// area and whether it is a place; longest first.
    names_in_text: Vec<(Vec<String>, usize, bool)>,
    /// [`Areas::neighbours`], in lower case.
    neighbours: Vec<String>,
    /// Each area's places that tell it from the others, as written, the best known first
    /// ([`Areas::main_places`]).
    main_places_of: Vec<Vec<String>>,
    /// [`Areas::place_name`].
    place_name: String,
}

impl std::fmt::Debug for Areas {
    // The postcode table is too big to print.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Areas")
            .field("authority", &self.authority)
            .field(
                "areas",
                &self.areas.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
            )
            .field("outward_codes", &self.outward.len())
            .field("postcodes", &self.postcodes.len())
            .finish()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AreasError {
    /// Names the file (and line) and what is wrong with it.
    #[error("{0}")]
    Invalid(String),
}

fn invalid(file: &str, what: impl std::fmt::Display) -> AreasError {
    AreasError::Invalid(format!("{file}: {what}"))
}

const FALLBACK_LOCALE: &str = "en-GB";

/// Every UK postcode area, with the Crown Dependencies (GY, JE, IM) and the non-geographic
/// BF/BX: a well-formed postcode outside these cannot be real.
const UK_POSTCODE_AREAS: &[&str] = &[
    "AB", "AL", "B", "BA", "BB", "BD", "BF", "BH", "BL", "BN", "BR", "BS", "BT", "BX", "CA", "CB",
    "CF", "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT",
    "DY", "E", "EC", "EH", "EN", "EX", "FK", "FY", "G", "GL", "GU", "GY", "HA", "HD", "HG", "HP",
    "HR", "HS", "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW", "KY", "L", "LA", "LD",
    "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE", "NG", "NN", "NP", "NR", "NW",
    "OL", "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S", "SA", "SE", "SG", "SK",
    "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR",
    "TS", "TW", "UB", "W", "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE",
];

/// A typed postcode or outward code in canonical form: `EX4 6PX` or `EX4`.
struct Postcode {
    text: String,
    outward_len: usize,
}

impl Postcode {
    /// Any case, any spacing, surrounding punctuation ignored; `None` if not postcode-shaped.
    fn parse(input: &str) -> Option<Postcode> {
        let s: String = input
            .trim_matches(|c: char| !c.is_alphanumeric())
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if !s.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        // An outward code has 2-4 characters and a full postcode 5-7, so no input is both.
        if is_outward(&s) {
            return Some(Postcode {
                outward_len: s.len(),
                text: s,
            });
        }
        let (outward, inward) = s.split_at(s.len().checked_sub(3)?);
        (is_outward(outward) && shape(inward) == "9AA").then(|| Postcode {
            text: format!("{outward} {inward}"),
            outward_len: outward.len(),
        })
    }

    fn outward(&self) -> &str {
        &self.text[..self.outward_len]
    }

    /// The letters of the outward code: `EX`, `B`.
    fn area(&self) -> &str {
        let outward = self.outward();
        &outward[..outward.find(|c: char| c.is_ascii_digit()).unwrap_or(0)]
    }

    fn inward(&self) -> Option<&str> {
        self.text.get(self.outward_len + 1..)
    }
}

/// `A` for a letter, `9` for a digit: `EX4` -> `AA9`.
fn shape(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_digit() { '9' } else { 'A' })
        .collect()
}

fn is_outward(s: &str) -> bool {
    matches!(
        shape(s).as_str(),
        "A9" | "A99" | "AA9" | "AA99" | "A9A" | "AA9A"
    )
}

/// Lowercase words of free text; anything not a letter or digit separates words.
/// Each area's places that tell it apart, in the file's order: not a short form ("N Devon",
/// "Tavi"), nor a place inside another of the area's ("Torrington" in "Great Torrington").
fn main_places(places: &[(String, usize)], areas: usize) -> Vec<Vec<String>> {
    let mut of: Vec<Vec<&str>> = vec![Vec::new(); areas];
    for (place, area) in places {
        of[*area].push(place);
    }
    of.iter()
        .map(|own| {
            own.iter()
                .filter(|place| {
                    let short = place.chars().count() <= 4
                        || place
                            .split_whitespace()
                            .next()
                            .is_some_and(|w| w.len() == 1);
                    let within = own
                        .iter()
                        .any(|other| other != *place && other.contains(**place));
                    !short && !within
                })
                .map(|place| (*place).to_owned())
                .collect()
        })
        .collect()
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    authority: String,
    attribution: String,
    #[serde(default)]
    complete_postcode_areas: Vec<String>,
    #[serde(default = "default_found_share")]
    outward_found_share: f64,
    /// Counties and cities next to the authority, or that families move from: someone who
    /// says they live there is outside it.
    #[serde(default)]
    neighbours: Vec<String>,
    files: Files,
    areas: Vec<AreaConfig>,
}

/// EX4 is 97% Exeter: asking everyone there to pick would trouble many to place a few.
/// EX1 (92% Exeter, 8% East Devon) is split enough to ask.
fn default_found_share() -> f64 {
    0.95
}

/// The areas an outward code's postcodes lie in, most first, and the first one's share.
#[derive(Debug)]
struct OutwardSplit {
    areas: Vec<usize>,
    main_share: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Files {
    outward: String,
    postcodes: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AreaConfig {
    id: String,
    kind: AreaKind,
    code: Option<String>,
    names: BTreeMap<String, String>,
    /// Towns and cities people name for where they live ("Barnstaple", "Plymouth"), read in
    /// free text as this area: a district's towns, or places outside the authority.
    #[serde(default)]
    places: Vec<String>,
}

/// "we live in …", "I'm based near …", up to the end of the clause.
static LIVES_IN: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)(?:\b(?:i|we|i['’]?m|we['’]?re|family)\s+(?:also\s+|now\s+|currently\s+|still\s+|actually\s+)?(?:live|living|am|are|is|based)?\s*|\b(?:i|we|family)\s+(?:have\s+|['’]ve\s+|recently\s+|just\s+|then\s+)*moved\s+(?:house\s+)?(?:from\s+\S+(?:\s+\S+){0,3}?\s+)?|\b(?:mieszkam|mieszkamy|mieszka|mieszkają)\s+|(?:نعيش|أعيش|اعيش|نسكن|أسكن|اسكن|نقيم|أقيم)\s+)(in|at|near|just outside|outside(?: of)?|by|to|w|we|koło|obok|niedaleko|pod|في|قرب)\s+(.{1,40}?)\s*(?:\b(?:but|and|though|although|while|whereas|so|i|od|ale|for|in|و)\b|[,.;!?\n،]|$)",
    )
    .expect("lives-in pattern")
});

static DEVON: LazyLock<Arc<Areas>> = LazyLock::new(|| {
    let config = parse_config("devon.toml", include_str!("../../data/areas/devon.toml"))
        .expect("embedded data/areas/devon.toml is invalid");
    let areas = Areas::build(
        "devon.toml",
        config,
        include_str!("../../data/areas/devon_outward.csv"),
        include_str!("../../data/areas/devon_postcodes.csv"),
    )
    .expect("embedded data/areas CSVs are invalid");
    Arc::new(areas)
});

fn parse_config(file: &str, toml: &str) -> Result<Config, AreasError> {
    toml::from_str(toml).map_err(|e| invalid(file, e))
}

impl Areas {
    /// Words before a place that put someone around it, not in it.
    pub const AROUND: &'static [&'static str] = &["near", "outside", "nr", "by"];

    /// Devon County Council's districts, from the data embedded at build time.
    pub fn devon() -> Arc<Areas> {
        Arc::clone(&DEVON)
    }

    /// Another authority's areas: its TOML and the CSVs it names, relative to it.
    pub fn from_files(toml_path: &Path) -> Result<Areas, AreasError> {
        let read = |path: &Path| {
            std::fs::read_to_string(path)
                .map_err(|e| invalid(&path.display().to_string(), format!("cannot read: {e}")))
        };
        let name = toml_path.display().to_string();
        let config = parse_config(&name, &read(toml_path)?)?;
        let dir = toml_path.parent().unwrap_or(Path::new(""));
        let outward = read(&dir.join(&config.files.outward))?;
        let postcodes = read(&dir.join(&config.files.postcodes))?;
        Areas::build(&name, config, &outward, &postcodes)
    }

    /// Areas from the text of a TOML file and the two CSVs it names.
    pub fn parse(toml: &str, outward_csv: &str, postcodes_csv: &str) -> Result<Areas, AreasError> {
        let name = "areas TOML";
        Areas::build(name, parse_config(name, toml)?, outward_csv, postcodes_csv)
    }

    fn build(
        toml_name: &str,
        config: Config,
        outward_csv: &str,
        postcodes_csv: &str,
    ) -> Result<Areas, AreasError> {
        let (areas, places) = build_areas(toml_name, config.areas)?;
        let only = |kind: AreaKind| {
            let mut of_kind = areas.iter().enumerate().filter(|(_, a)| a.kind == kind);
            match (of_kind.next(), of_kind.next()) {
                (Some((i, _)), None) => Ok(i),
                _ => Err(invalid(
                    toml_name,
                    format!("needs exactly one area of kind {kind:?}"),
                )),
            }
        };
        let (outside, undisclosed) = (only(AreaKind::Outside)?, only(AreaKind::Undisclosed)?);
        if !areas.iter().any(|a| a.kind == AreaKind::District) {
            return Err(invalid(toml_name, "has no district"));
        }
        if !(0.5..=1.0).contains(&config.outward_found_share) {
            return Err(invalid(
                toml_name,
                "outward_found_share must be a share from 0.5 to 1.0",
            ));
        }
        if let Some(bad) = (config.complete_postcode_areas.iter())
            .find(|a| !UK_POSTCODE_AREAS.contains(&a.as_str()))
        {
            return Err(invalid(
                toml_name,
                format!("complete_postcode_areas: '{bad}' is not a UK postcode area"),
            ));
        }
        let mut names_in_text: Vec<(Vec<String>, usize, bool)> = areas
            .iter()
            .enumerate()
            .filter(|(_, a)| a.kind == AreaKind::District)
            .flat_map(|(i, a)| a.names.values().map(move |n| (words(n), i, false)))
            .chain(places.iter().map(|(place, i)| (words(place), *i, true)))
            .filter(|(w, _, _)| !w.is_empty())
            .collect();
        names_in_text.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.cmp(b)));
        names_in_text.dedup();

        let place_name = [
            "County Council",
            "City Council",
            "Borough Council",
            "Council",
        ]
        .iter()
        .find_map(|suffix| config.authority.strip_suffix(suffix))
        .unwrap_or(&config.authority)
        .trim()
        .to_lowercase();
        let main_places_of = main_places(&places, areas.len());
        let mut registry = Areas {
            main_places_of,
            neighbours: config.neighbours.iter().map(|n| n.to_lowercase()).collect(),
            place_name,
            authority: config.authority,
            attribution: config.attribution,
            areas,
            outside,
            undisclosed,
            outward: HashMap::new(),
            found_share: config.outward_found_share,
            postcodes: HashMap::new(),
            complete_postcode_areas: config.complete_postcode_areas.into_iter().collect(),
            names_in_text,
        };
        registry.load_outward(&config.files.outward, outward_csv)?;
        registry.load_postcodes(&config.files.postcodes, postcodes_csv)?;
        Ok(registry)
    }

    /// `outward,area,postcodes`: postcode units per area in each outward code.
    fn load_outward(&mut self, file: &str, csv_text: &str) -> Result<(), AreasError> {
        let mut counts: HashMap<Box<str>, Vec<(u32, usize)>> = HashMap::new();
        for (line, row) in csv_rows(file, csv_text, &["outward", "area", "postcodes"])? {
            let at = format!("{file} line {line}");
            let outward = match Postcode::parse(&row[0]) {
                Some(p) if p.text == row[0] && p.inward().is_none() => p.text,
                _ => {
                    return Err(invalid(
                        &at,
                        format!("'{}' is not an outward code like EX4", &row[0]),
                    ))
                }
            };
            let area = self.area_index(&at, &row[1])?;
            if area == self.undisclosed {
                return Err(invalid(&at, format!("'{}' is not a place", &row[1])));
            }
            let n: u32 =
                row[2].parse().ok().filter(|&n| n > 0).ok_or_else(|| {
                    invalid(&at, format!("'{}' is not a positive count", &row[2]))
                })?;
            let entry = counts.entry(outward.into()).or_default();
            if entry.iter().any(|&(_, a)| a == area) {
                return Err(invalid(
                    &at,
                    format!("{} repeats area '{}'", &row[0], &row[1]),
                ));
            }
            entry.push((n, area));
        }
        self.outward = counts
            .into_iter()
            .map(|(outward, mut split)| {
                // Most units first; ties in file order of the areas.
                split.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
                let total: u32 = split.iter().map(|(n, _)| n).sum();
                let main_share = f64::from(split[0].0) / f64::from(total);
                let areas = split.into_iter().map(|(_, a)| a).collect();
                (outward, OutwardSplit { areas, main_share })
            })
            .collect();
        Ok(())
    }

    /// `postcode,area`: exact areas for unit postcodes in split outward codes.
    fn load_postcodes(&mut self, file: &str, csv_text: &str) -> Result<(), AreasError> {
        for (line, row) in csv_rows(file, csv_text, &["postcode", "area"])? {
            let at = format!("{file} line {line}");
            let postcode = match Postcode::parse(&row[0]) {
                Some(p) if p.text == row[0] && p.inward().is_some() => p,
                _ => {
                    return Err(invalid(
                        &at,
                        format!("'{}' is not a postcode like EX4 6PX", &row[0]),
                    ))
                }
            };
            let area = self.area_index(&at, &row[1])?;
            // Keeps the two files in step: the exact answer must be one the outward code offers.
            if !self
                .outward
                .get(postcode.outward())
                .is_some_and(|s| s.areas.contains(&area))
            {
                return Err(invalid(
                    &at,
                    format!(
                        "outward code {} has no postcodes in '{}'",
                        postcode.outward(),
                        &row[1]
                    ),
                ));
            }
            if self.postcodes.insert(postcode.text.into(), area).is_some() {
                return Err(invalid(&at, format!("{} is listed twice", &row[0])));
            }
        }
        Ok(())
    }

    fn area_index(&self, at: &str, id: &str) -> Result<usize, AreasError> {
        self.areas
            .iter()
            .position(|a| a.id.as_str() == id)
            .ok_or_else(|| invalid(at, format!("unknown area '{id}'")))
    }

    /// e.g. "Devon County Council".
    pub fn authority(&self) -> &str {
        &self.authority
    }

    /// Counties and cities over the border, in lower case ("cornwall"): someone who lives
    /// there is outside the authority. From the areas file's `neighbours`.
    pub fn neighbours(&self) -> &[String] {
        &self.neighbours
    }

    /// What people call the authority's area, in lower case: its name without "County
    /// Council" ("devon"), as in "we don't live in Devon".
    pub fn place_name(&self) -> &str {
        &self.place_name
    }

    /// The copyright notice the postcode data requires wherever it is shown.
    pub fn attribution(&self) -> &str {
        &self.attribution
    }

    pub fn get(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id.as_str() == id)
    }

    pub fn id(&self, id: &str) -> Option<AreaId> {
        self.get(id).map(|a| a.id.clone())
    }

    /// Every area, in file order.
    pub fn all(&self) -> &[Area] {
        &self.areas
    }

    pub fn districts(&self) -> impl Iterator<Item = &Area> + '_ {
        self.areas.iter().filter(|a| a.kind == AreaKind::District)
    }

    pub fn outside(&self) -> AreaId {
        self.areas[self.outside].id.clone()
    }

    pub fn undisclosed(&self) -> AreaId {
        self.areas[self.undisclosed].id.clone()
    }

    /// The area's name in `locale`, falling back to `en-GB`; empty for an id from
    /// another registry.
    pub fn name(&self, id: &AreaId, locale: &str) -> &str {
        self.get(id.as_str()).map_or("", |a| a.name(locale))
    }

    /// The one district named in free text ("we live in mid devon"), by whole words in any
    /// case or locale. `None` if no district, or two different ones, are named.
    pub fn find_by_name(&self, text: &str) -> Option<AreaId> {
        self.find_named(text, false)
    }

    /// The one area free text places someone in by a district's name or a place's ("near
    /// Barnstaple" is North Devon, "Plymouth" is outside), as [`Areas::find_by_name`].
    pub fn find_place(&self, text: &str) -> Option<AreaId> {
        self.find_named(text, true)
    }

    /// The area of a place named by the first of `words` ("Exeter but …", "North Devon
    /// and …"), not one named further on: the shortest run of up to four words that names
    /// a place and would not name it without its first word.
    pub fn place_at_start(&self, words: &[&str]) -> Option<AreaId> {
        (1..=words.len().min(4)).find_map(|n| {
            let place = self.find_place(&words[..n].join(" "))?;
            self.find_place(&words[1..n].join(" "))
                .is_none()
                .then_some(place)
        })
    }

    /// Whether the place at the start of `words`, in `area`, is a district by its own name
    /// or somewhere over the border, not a town in a district.
    fn is_wide(&self, words: &[&str], area: &AreaId) -> bool {
        self.get(area.as_str())
            .is_some_and(|a| a.kind == AreaKind::Outside)
            || (1..=words.len().min(4))
                .any(|n| self.find_by_name(&words[..n].join(" ")).as_ref() == Some(area))
    }

    /// The area of the place someone says they live in, when they name others too ("I live
    /// in Exeter but his school is in Crediton" is Exeter).
    pub fn find_place_lived_in(&self, text: &str) -> Option<AreaId> {
        LIVES_IN.captures_iter(text).find_map(|c| {
            // The place must be what follows: "we are in year 7 at a school in Exeter" says
            // where the school is, not where they live.
            let words: Vec<&str> = c.get(2)?.as_str().split_whitespace().collect();
            let around = !matches!(
                c.get(1)?.as_str().to_lowercase().as_str(),
                "in" | "at" | "to" | "w" | "we" | "في"
            );
            let named = self
                .place_at_start(&words)
                .filter(|area| !(around && self.is_wide(&words, area)));
            // Living over the border is outside, though a county named in passing (a
            // holiday in Cornwall) says nothing.
            let first = words.first()?.trim_matches(|c: char| !c.is_alphanumeric());
            named.or_else(|| {
                self.neighbours
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(first))
                    .then(|| self.outside())
            })
        })
    }

    /// The one area a short reply names with a slip of the keyboard ("Exter", "Barnstable"):
    /// a district's or place's name one letter out (two for long names), when no other
    /// area's name is as near. For a reply to "where do you live?", not for free text.
    pub fn find_place_misspelt(&self, text: &str) -> Option<AreaId> {
        let typed = words(text);
        if typed.is_empty() || typed.len() > 3 {
            return None;
        }
        let mut candidates: Vec<(String, usize)> = Vec::new();
        // The whole reply, then each of its words when it has more than one.
        let words_alone = typed.iter().filter(|_| typed.len() > 1).cloned();
        for candidate in std::iter::once(typed.join(" ")).chain(words_alone) {
            let allowed = match candidate.chars().count() {
                0..=4 => continue,
                5..=8 => 1,
                _ => 2,
            };
            candidates.push((candidate, allowed));
        }
        let mut best: Option<(usize, usize)> = None;
        let mut tied = false;
        for (name, area, _) in &self.names_in_text {
            let name = name.join(" ");
            for (candidate, allowed) in &candidates {
                let distance = strsim::damerau_levenshtein(candidate, &name);
                if distance == 0 || distance > *allowed {
                    continue;
                }
                match best {
                    Some((d, a)) if distance > d || (distance == d && a == *area) => {}
                    Some((d, _)) if distance == d => tied = true,
                    _ => {
                        best = Some((distance, *area));
                        tied = false;
                    }
                }
            }
        }
        match (best, tied) {
            (Some((_, area)), false) => Some(self.areas[area].id.clone()),
            _ => None,
        }
    }

    /// The one district whose name starts with this word alone ("north" is North Devon,
    /// "mid" Mid Devon): how people shorten a district's name in a reply.
    pub fn district_by_first_word(&self, word: &str) -> Option<AreaId> {
        let word = word.to_lowercase();
        let mut found = self.areas.iter().filter(|a| {
            a.kind == AreaKind::District
                && a.names
                    .values()
                    .any(|n| matches!(words(n).as_slice(), [first, _, ..] if *first == word))
        });
        match (found.next(), found.next()) {
            (Some(a), None) => Some(a.id.clone()),
            _ => None,
        }
    }

    /// An area's best known places, at most `n`, to say which district is which ("Bideford,
    /// Great Torrington, Holsworthy" for Torridge): short forms ("N Devon", "Tavi") and a
    /// place inside another ("Torrington") are left out.
    pub fn main_places(&self, id: &AreaId, n: usize) -> Vec<&str> {
        self.areas
            .iter()
            .position(|a| &a.id == id)
            .map(|i| {
                self.main_places_of[i]
                    .iter()
                    .take(n)
                    .map(String::as_str)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// `text` with every district, town and place the registry knows, and every postcode
    /// district (`EX17`), as `[place]`; `None` when it names none. For a published row whose
    /// district is hidden: "we live in Crediton EX17" would give it back.
    pub fn mask_places(&self, text: &str) -> Option<String> {
        let (spans, words): (Vec<(usize, usize)>, Vec<String>) = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| {
                let start = w.as_ptr() as usize - text.as_ptr() as usize;
                ((start, start + w.len()), w.to_lowercase())
            })
            .unzip();
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        let mut i = 0;
        while i < words.len() {
            let named = self.name_at(&words, i, true).map(|(name, _, _)| name.len());
            // An outward code in the authority's area; "EX4 6PX" whole is the scrubber's.
            let outward = || {
                let w = &words[i];
                w.len() <= 4
                    && w.chars().any(|c| c.is_ascii_digit())
                    && match self.lookup_postcode(w) {
                        PostcodeLookup::Found(id) => id != self.outside(),
                        PostcodeLookup::Ambiguous(_) => true,
                        _ => false,
                    }
            };
            let len = match named {
                Some(n) => n,
                None if outward() => 1,
                None => {
                    i += 1;
                    continue;
                }
            };
            out.push_str(&text[copied..spans[i].0]);
            out.push_str("[place]");
            copied = spans[i + len - 1].1;
            i += len;
        }
        if copied == 0 {
            return None;
        }
        out.push_str(&text[copied..]);
        Some(out)
    }

    /// The district's or place's name that starts at `words[i]`, longest first, so "North
    /// Devon" is not also read as a shorter name in it; with its area and whether it is a
    /// place.
    fn name_at(
        &self,
        words: &[String],
        i: usize,
        with_places: bool,
    ) -> Option<&(Vec<String>, usize, bool)> {
        self.names_in_text
            .iter()
            .filter(|(_, _, place)| with_places || !place)
            .find(|(name, _, _)| words[i..].starts_with(name))
    }

    fn find_named(&self, text: &str, with_places: bool) -> Option<AreaId> {
        let words = words(text);
        let mut found = None;
        let mut i = 0;
        while i < words.len() {
            match self.name_at(&words, i, with_places) {
                Some((name, area, place)) => {
                    // Around a district or a city over the border ("just outside Exeter",
                    // "near Plymouth") could be any district next to it, so it names none;
                    // around a town is in the town's district.
                    let before = |n: usize| i.checked_sub(n).map(|at| words[at].as_str());
                    let around = before(1).is_some_and(|w| Self::AROUND.contains(&w))
                        || (before(1) == Some("of") && before(2) == Some("outside"));
                    let wide = !place || self.areas[*area].kind == AreaKind::Outside;
                    if !(around && wide) {
                        if found.is_some_and(|f| f != *area) {
                            return None;
                        }
                        found = Some(*area);
                    }
                    i += name.len();
                }
                None => i += 1,
            }
        }
        found.map(|i| self.areas[i].id.clone())
    }

    /// Place a full postcode (`EX4 6PX`) or an outward code (`EX4`).
    ///
    /// A full postcode is looked up exactly, else by its outward code. An outward code in the
    /// data is `Found` if all its postcodes lie in one area, else `Ambiguous`. The data holds
    /// every outward code with a postcode in the authority's area, so any other real one is
    /// outside it. `Unknown` means postcode-shaped but not real: no such postcode area (`QQ1`),
    /// an inward code with letters Royal Mail never uses (C I K M O V), or an outward code
    /// missing from a postcode area the data lists completely (`EX27`: likely a typo, which
    /// should not be counted as outside).
    pub fn lookup_postcode(&self, input: &str) -> PostcodeLookup {
        let Some(postcode) = Postcode::parse(input) else {
            return PostcodeLookup::Invalid;
        };
        let unused_inward_letter = postcode
            .inward()
            .is_some_and(|i| i.contains(['C', 'I', 'K', 'M', 'O', 'V']));
        if !UK_POSTCODE_AREAS.contains(&postcode.area()) || unused_inward_letter {
            return PostcodeLookup::Unknown;
        }
        if let Some(&area) = self.postcodes.get(postcode.text.as_str()) {
            return PostcodeLookup::Found(self.areas[area].id.clone());
        }
        match self.outward.get(postcode.outward()) {
            Some(split) if split.main_share >= self.found_share => {
                PostcodeLookup::Found(self.areas[split.areas[0]].id.clone())
            }
            Some(split) => PostcodeLookup::Ambiguous(
                split
                    .areas
                    .iter()
                    .map(|&a| self.areas[a].id.clone())
                    .collect(),
            ),
            None if self.complete_postcode_areas.contains(postcode.area()) => {
                PostcodeLookup::Unknown
            }
            None => PostcodeLookup::Found(self.outside()),
        }
    }
}

/// Check the areas from the TOML: unique slug ids, an `en-GB` name, a code for each district.
/// The areas, and each place with the index of its area.
type BuiltAreas = (Vec<Area>, Vec<(String, usize)>);

fn build_areas(toml_name: &str, configs: Vec<AreaConfig>) -> Result<BuiltAreas, AreasError> {
    let mut areas: Vec<Area> = Vec::with_capacity(configs.len());
    let mut places: Vec<(String, usize)> = Vec::new();
    for c in configs {
        let at = format!("{toml_name}, area '{}'", c.id);
        let slug = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
        };
        if !slug(&c.id) {
            return Err(invalid(&at, "id must be lowercase letters, digits and '-'"));
        }
        if areas.iter().any(|a| a.id.as_str() == c.id) {
            return Err(invalid(&at, "id is used twice"));
        }
        if !c.names.contains_key(FALLBACK_LOCALE) || c.names.values().any(|n| n.trim().is_empty()) {
            return Err(invalid(
                &at,
                format!("needs a non-empty name for {FALLBACK_LOCALE} and every locale given"),
            ));
        }
        if (c.kind == AreaKind::District) != c.code.is_some() {
            return Err(invalid(
                &at,
                "a district needs an ONS code and only a district has one",
            ));
        }
        if !c.places.is_empty() && c.kind == AreaKind::Undisclosed {
            return Err(invalid(&at, "places belong to a district or to outside"));
        }
        for place in c.places {
            if words(&place).is_empty() {
                return Err(invalid(&at, "a place needs a name"));
            }
            if places.iter().any(|(p, _)| words(p) == words(&place)) {
                return Err(invalid(&at, format!("place '{place}' is listed twice")));
            }
            places.push((place, areas.len()));
        }
        areas.push(Area {
            id: AreaId(c.id.into()),
            kind: c.kind,
            code: c.code,
            names: c.names,
        });
    }
    Ok((areas, places))
}

/// Rows of a CSV with the given header, each with its line number.
fn csv_rows(
    file: &str,
    text: &str,
    header: &[&str],
) -> Result<Vec<(u64, csv::StringRecord)>, AreasError> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let found = reader.headers().map_err(|e| invalid(file, e))?;
    if found.iter().ne(header.iter().copied()) {
        return Err(invalid(
            file,
            format!("header must be '{}'", header.join(",")),
        ));
    }
    reader
        .records()
        .map(|row| {
            let row = row.map_err(|e| invalid(file, e))?;
            Ok((row.position().map_or(0, |p| p.line()), row))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(input: &str) -> PostcodeLookup {
        Areas::devon().lookup_postcode(input)
    }

    fn found(id: &str) -> PostcodeLookup {
        PostcodeLookup::Found(Areas::devon().id(id).unwrap())
    }

    #[test]
    fn where_someone_lives_over_other_places_they_name() {
        let areas = Areas::devon();
        let lived = |t: &str| areas.find_place_lived_in(t).map(|a| a.as_str().to_owned());
        assert_eq!(
            lived("I live in Exeter but my son goes to school in Crediton").as_deref(),
            Some("exeter")
        );
        assert_eq!(
            lived("His school is in Exeter. We're based near Crediton, so the bus is long.")
                .as_deref(),
            Some("mid-devon")
        );
        assert_eq!(lived("We are in year 7 at a school in Exeter"), None);
        assert_eq!(
            lived("We live in Cornwall but his school is in Devon").as_deref(),
            Some("outside-devon")
        );
        assert_eq!(lived("The school in Exeter is good"), None);
    }

    fn ambiguous(ids: &[&str]) -> PostcodeLookup {
        let areas = Areas::devon();
        PostcodeLookup::Ambiguous(ids.iter().map(|id| areas.id(id).unwrap()).collect())
    }

    #[test]
    fn places_one_letter_out_and_districts_by_their_first_word() {
        let areas = Areas::devon();
        let near = |t: &str| areas.find_place_misspelt(t).map(|a| a.to_string());
        assert_eq!(near("Barnstable").as_deref(), Some("north-devon"));
        assert_eq!(near("Exter").as_deref(), Some("exeter"));
        assert_eq!(near("teignbrige").as_deref(), Some("teignbridge"));
        // Exact names are find_place's; short words and far ones are nobody's.
        assert_eq!(near("Exeter"), None);
        assert_eq!(near("Exe"), None);
        assert_eq!(near("the seaside"), None);
        let first = |w: &str| areas.district_by_first_word(w).map(|a| a.to_string());
        assert_eq!(first("North").as_deref(), Some("north-devon"));
        assert_eq!(first("south").as_deref(), Some("south-hams"));
        assert_eq!(first("exeter"), None);
        assert_eq!(first("devon"), None);
    }

    /// The area a lookup points to first.
    fn most_likely(result: PostcodeLookup) -> Option<String> {
        match result {
            PostcodeLookup::Found(id) => Some(id.to_string()),
            PostcodeLookup::Ambiguous(ids) => Some(ids[0].to_string()),
            _ => None,
        }
    }

    #[test]
    fn registry_holds_eight_districts_and_the_two_others() {
        let areas = Areas::devon();
        let ids: Vec<_> = areas.all().iter().map(|a| a.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "east-devon",
                "exeter",
                "mid-devon",
                "north-devon",
                "south-hams",
                "teignbridge",
                "torridge",
                "west-devon",
                "outside-devon",
                "prefer-not-to-say"
            ]
        );
        assert_eq!(areas.districts().count(), 8);
        assert_eq!(
            areas.get("exeter").unwrap().code.as_deref(),
            Some("E07000041")
        );
        assert_eq!(areas.outside().as_str(), "outside-devon");
        assert_eq!(areas.get("outside-devon").unwrap().kind, AreaKind::Outside);
        assert_eq!(areas.undisclosed().as_str(), "prefer-not-to-say");
        assert!(areas.id("plymouth").is_none());
        assert_eq!(areas.authority(), "Devon County Council");
        assert!(areas.attribution().contains("Crown copyright"));
    }

    #[test]
    fn names_per_locale_fall_back_to_english() {
        let areas = Areas::devon();
        let exeter = areas.id("exeter").unwrap();
        assert_eq!(areas.name(&exeter, "ar"), "إكستر");
        assert_eq!(areas.name(&exeter, "pl"), "Exeter");
        assert_eq!(
            areas.name(&areas.outside(), "pl-PL"),
            "Poza hrabstwem Devon"
        );
        assert_eq!(
            areas.name(&areas.undisclosed(), "en-GB"),
            "Prefer not to say"
        );
        assert_eq!(areas.name(&areas.undisclosed(), "fr"), "Prefer not to say");
        for area in areas.all() {
            for locale in ["en-GB", "pl", "ar"] {
                assert!(
                    area.names.contains_key(locale),
                    "{} lacks {locale}",
                    area.id
                );
            }
        }
    }

    #[test]
    fn every_district_has_postcodes() {
        let areas = Areas::devon();
        for district in areas.districts() {
            let i = areas.area_index("", district.id.as_str()).unwrap();
            assert!(
                areas.outward.values().any(|s| s.areas[0] == i),
                "{} leads no outward code",
                district.id
            );
            assert!(
                areas.postcodes.values().any(|&a| a == i),
                "{} has no exact postcodes",
                district.id
            );
        }
    }

    #[test]
    fn typical_outward_code_points_to_each_district() {
        for (outward, district) in [
            ("EX4", "exeter"),
            ("EX39", "torridge"),
            ("EX20", "west-devon"),
            ("TQ12", "teignbridge"),
            ("TQ7", "south-hams"),
            ("EX31", "north-devon"),
            ("EX16", "mid-devon"),
            ("EX10", "east-devon"),
        ] {
            assert_eq!(
                most_likely(lookup(outward)).as_deref(),
                Some(district),
                "{outward}"
            );
        }
        // Nearly all in one district: the outward code alone places someone.
        assert_eq!(lookup("EX4"), found("exeter"));
        assert_eq!(lookup("TQ12"), found("teignbridge"));
        assert_eq!(lookup("PL21"), found("south-hams"));
        assert_eq!(lookup("EX31"), found("north-devon"));
        // Split enough that the person is asked.
        assert_eq!(lookup("EX1"), ambiguous(&["exeter", "east-devon"]));
        assert_eq!(
            lookup("EX16"),
            ambiguous(&["mid-devon", "north-devon", "outside-devon"])
        );
        // Wholly inside one district.
        assert_eq!(lookup("EX10"), found("east-devon"));
        assert_eq!(lookup("TQ7"), found("south-hams"));
        assert_eq!(lookup("EX32"), found("north-devon"));
        assert_eq!(lookup("PL19"), found("west-devon"));
    }

    #[test]
    fn plymouth_torbay_and_elsewhere_are_outside() {
        for input in [
            "PL1", "TQ4", "PL1 1AA", "SW1A 1AA", "BS1 4DJ", "SW1A", "BS1", "TR1", "TA1", "DT1",
            "PL22",
        ] {
            assert_eq!(lookup(input), found("outside-devon"), "{input}");
        }
        // Torbay, with 5 of 1,474 postcodes over the Teignbridge line: too few to ask.
        assert_eq!(lookup("TQ1"), found("outside-devon"));
    }

    #[test]
    fn split_outward_code_is_ambiguous_most_likely_first() {
        assert_eq!(
            lookup("EX5"),
            ambiguous(&["east-devon", "mid-devon", "exeter"])
        );
        assert_eq!(
            lookup("EX18"),
            ambiguous(&["north-devon", "mid-devon", "torridge"])
        );
        // Outside Devon is offered where part of the outward code lies outside.
        assert_eq!(lookup("EX22"), ambiguous(&["torridge", "outside-devon"]));
        assert_eq!(lookup("DT7"), ambiguous(&["outside-devon", "east-devon"]));
    }

    #[test]
    fn full_postcode_in_split_outward_code_is_exact() {
        assert_eq!(lookup("EX5 1AA"), found("east-devon"));
        assert_eq!(lookup("EX5 4BJ"), found("mid-devon"));
        assert_eq!(lookup("TQ13 0AA"), found("teignbridge"));
        assert_eq!(lookup("TQ13 7TZ"), found("west-devon"));
        // Plymouth's PL6, but this one is in South Hams.
        assert_eq!(lookup("PL6 7AB"), found("south-hams"));
        // Not held exactly (no LAD in ONSPD): fall back to the outward code, 99% Teignbridge.
        assert_eq!(lookup("EX7 7AB"), found("teignbridge"));
        // Unsplit outward code: the outward code answers.
        assert_eq!(lookup("EX10 9ZZ"), found("east-devon"));
    }

    #[test]
    fn any_case_and_spacing() {
        for input in [
            "ex4 6px",
            "EX46PX",
            " ex4  6PX ",
            "(EX4 6PX).",
            "e x 4 6 p x",
        ] {
            assert_eq!(lookup(input), found("exeter"), "{input:?}");
        }
        assert_eq!(
            most_likely(lookup(" Tq12 ")).as_deref(),
            Some("teignbridge")
        );
        assert_eq!(lookup("pl21"), found("south-hams"));
        assert_eq!(lookup("PL21,"), found("south-hams"));
    }

    #[test]
    fn not_postcodes_are_invalid() {
        for input in [
            "", "   ", "hello", "12345", "EX", "E", "EX4 6P", "EX4-6PX", "EX123", "EX4 6PXX",
            "ÉX4", "9EX 1AA",
        ] {
            assert_eq!(lookup(input), PostcodeLookup::Invalid, "{input:?}");
        }
    }

    #[test]
    fn postcode_shaped_but_not_real_is_unknown() {
        // No QQ postcode area; EX and TQ have no such outward codes; C is never an inward letter.
        for input in ["QQ1", "QQ1 1AA", "EX27", "EX99 1AA", "TQ15", "EX4 6PC"] {
            assert_eq!(lookup(input), PostcodeLookup::Unknown, "{input:?}");
        }
    }

    #[test]
    fn find_by_name_reads_free_text() {
        let areas = Areas::devon();
        let find = |text| areas.find_by_name(text).map(|id| id.to_string());
        assert_eq!(find("we live in mid devon").as_deref(), Some("mid-devon"));
        assert_eq!(
            find("NORTH DEVON, near Barnstaple").as_deref(),
            Some("north-devon")
        );
        assert_eq!(find("Exeter!").as_deref(), Some("exeter"));
        assert_eq!(find("in Exeter, yes exeter").as_deref(), Some("exeter"));
        assert_eq!(find("mid-devon").as_deref(), Some("mid-devon"));
        assert_eq!(find("أعيش في إكستر").as_deref(), Some("exeter"));
        // Two districts named: no answer.
        assert_eq!(find("between Exeter and East Devon"), None);
        // Whole words only; "Devon" alone is no district.
        assert_eq!(find("Devon"), None);
        assert_eq!(find("Exeterville"), None);
        assert_eq!(find("midnight in devon"), None);
        assert_eq!(find(""), None);
    }

    #[test]
    fn a_district_is_told_by_its_best_known_places() {
        let areas = Areas::devon();
        let places = |id: &str| areas.main_places(&areas.id(id).unwrap(), 3).join(", ");
        assert_eq!(places("torridge"), "Bideford, Great Torrington, Holsworthy");
        assert_eq!(
            places("north-devon"),
            "Barnstaple, Ilfracombe, South Molton"
        );
        assert_eq!(places("west-devon"), "Okehampton, Tavistock, Hatherleigh");
        assert_eq!(places("prefer-not-to-say"), "");
    }

    #[test]
    fn places_are_masked_for_a_hidden_district() {
        let areas = Areas::devon();
        assert_eq!(
            areas
                .mask_places("We live near Crediton EX17, the bus to Exeter is late")
                .as_deref(),
            Some("We live near [place] [place], the bus to [place] is late")
        );
        assert_eq!(
            areas
                .mask_places("North Devon has no short breaks")
                .as_deref(),
            Some("[place] has no short breaks")
        );
        assert_eq!(areas.mask_places("The taxi is late in Year 6"), None);
    }

    #[test]
    fn find_place_reads_towns_as_their_area() {
        let areas = Areas::devon();
        let find = |text| areas.find_place(text).map(|id| id.to_string());
        assert_eq!(find("near Barnstaple").as_deref(), Some("north-devon"));
        assert_eq!(
            find("we're in newton abbot").as_deref(),
            Some("teignbridge")
        );
        assert_eq!(find("Ottery St. Mary").as_deref(), Some("east-devon"));
        assert_eq!(find("Plymouth").as_deref(), Some("outside-devon"));
        assert_eq!(
            find("Barnstaple, North Devon").as_deref(),
            Some("north-devon")
        );
        assert_eq!(find("mid devon").as_deref(), Some("mid-devon"));
        // Two areas named: no answer.
        assert_eq!(find("between Tiverton and Exeter"), None);
        assert_eq!(find("Torquay"), Some("outside-devon".into()));
        // Around a district or a city is not in it; around a town is in its district.
        for around in [
            "just outside Exeter",
            "near Exeter",
            "outside of Exeter",
            "nr Plymouth",
            "we're near Torquay",
            "outside North Devon",
        ] {
            assert_eq!(find(around), None, "{around}");
        }
        assert_eq!(find("just outside Tiverton").as_deref(), Some("mid-devon"));
        assert_eq!(find("Exeter, near the hospital").as_deref(), Some("exeter"));
        assert_eq!(areas.place_name(), "devon");
        assert!(areas.neighbours().iter().any(|n| n == "cornwall"));
        let lived_in = |text| areas.find_place_lived_in(text).map(|id| id.to_string());
        assert_eq!(
            lived_in("We live in Cornwall").as_deref(),
            Some("outside-devon")
        );
        assert_eq!(
            lived_in("We live just outside Exeter but go to school in Exeter"),
            None
        );
        assert_eq!(lived_in("we live near Plymouth"), None);
        // Where they moved to is where they live now.
        assert_eq!(
            lived_in("We moved from Exeter to Tavistock in September").as_deref(),
            Some("west-devon")
        );
        assert_eq!(
            lived_in("we have just moved to Bideford").as_deref(),
            Some("torridge")
        );
        assert_eq!(lived_in("I went to Exeter for the meeting"), None);
        assert_eq!(
            lived_in("I live near Okehampton").as_deref(),
            Some("west-devon")
        );
        assert_eq!(
            lived_in("We live in Exeter near the hospital").as_deref(),
            Some("exeter")
        );
        // A district's name alone is what find_by_name reads, as before.
        assert_eq!(areas.find_by_name("near Barnstaple"), None);
    }

    #[test]
    fn a_place_is_listed_once() {
        let twice = TOML.replace(r#""Topsham", "Heavitree""#, r#""Topsham", "topsham""#);
        let err = Areas::parse(
            &twice,
            include_str!("../../data/areas/devon_outward.csv"),
            include_str!("../../data/areas/devon_postcodes.csv"),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("listed twice"), "{err}");
    }

    const TOML: &str = include_str!("../../data/areas/devon.toml");

    #[test]
    fn from_files_reads_the_named_csvs() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/areas/devon.toml");
        let areas = Areas::from_files(&path).unwrap();
        assert_eq!(areas.all().len(), 10);
        assert_eq!(areas.lookup_postcode("EX5 4BJ"), found("mid-devon"));
    }

    #[test]
    fn from_files_error_names_the_bad_row() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("devon.toml"), TOML).unwrap();
        std::fs::write(
            dir.path().join("devon_outward.csv"),
            "outward,area,postcodes\nEX1,exeter,10\nEX1,exter,5\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("devon_postcodes.csv"), "postcode,area\n").unwrap();
        let err = Areas::from_files(&dir.path().join("devon.toml"))
            .unwrap_err()
            .to_string();
        assert_eq!(err, "devon_outward.csv line 3: unknown area 'exter'");

        let err = Areas::from_files(&dir.path().join("missing.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("missing.toml: cannot read"), "{err}");
    }

    #[test]
    fn parse_rejects_bad_data() {
        let outward = "outward,area,postcodes\nEX1,exeter,10\nEX1,east-devon,2\n";
        let err = |toml: &str, outward: &str, postcodes: &str| {
            Areas::parse(toml, outward, postcodes)
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err(TOML, outward, "postcode,area\nEX1 1AA,torridge\n"),
            "devon_postcodes.csv line 2: outward code EX1 has no postcodes in 'torridge'"
        );
        assert_eq!(
            err(TOML, outward, "postcode,area\nex11aa,exeter\n"),
            "devon_postcodes.csv line 2: 'ex11aa' is not a postcode like EX4 6PX"
        );
        assert_eq!(
            err(
                TOML,
                "outward,area,postcodes\nEX1,exeter,lots\n",
                "postcode,area\n"
            ),
            "devon_outward.csv line 2: 'lots' is not a positive count"
        );
        assert_eq!(
            err(TOML, "outward,area\n", "postcode,area\n"),
            "devon_outward.csv: header must be 'outward,area,postcodes'"
        );
        let no_outside = TOML.replace("kind = \"outside\"", "kind = \"district\"\ncode = \"X\"");
        assert_eq!(
            err(&no_outside, outward, "postcode,area\n"),
            "areas TOML: needs exactly one area of kind Outside"
        );
        assert!(err("authority = 1", outward, "").starts_with("areas TOML: "));
        let bad_area = TOML.replace(r#"["EX", "TQ"]"#, r#"["EX", "XX"]"#);
        assert_eq!(
            err(&bad_area, outward, ""),
            "areas TOML: complete_postcode_areas: 'XX' is not a UK postcode area"
        );
        let no_code = TOML.replace("code = \"E07000046\"\n", "");
        assert_eq!(
            err(&no_code, outward, ""),
            "areas TOML, area 'torridge': a district needs an ONS code and only a district has one"
        );
        let ok = Areas::parse(TOML, outward, "postcode,area\nEX1 1AA,east-devon\n").unwrap();
        assert_eq!(ok.lookup_postcode("EX1 1AA"), found("east-devon"));
        assert_eq!(
            ok.lookup_postcode("EX1"),
            ambiguous(&["exeter", "east-devon"])
        );
        // Another authority names its own area and its own neighbours.
        let other = TOML
            .replace("Devon County Council", "Somerset Council")
            .replace("\"Somerset\", ", "\"Devon\", ");
        let other = Areas::parse(&other, outward, "postcode,area\n").unwrap();
        assert_eq!(other.place_name(), "somerset");
        assert!(other.neighbours().iter().any(|n| n == "devon"));
        assert!(!other.neighbours().iter().any(|n| n == "somerset"));
    }
}
