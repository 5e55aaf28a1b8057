//! Views gathered at events, focus groups and on paper, typed up as a CSV: one row a person.
//!
//! Columns: `area` and `group` (required), one per question for answers (headed by its id or
//! its words), optional `ref`
//! (the sheet's own number, so importing the same file again stores nothing twice) and
//! optional `date` (2026-12-03 or 03/12/2026, the day the views were given; default today).
//! Every row is read before anything is stored, so a file with a bad row is refused whole.

use chrono::{Datelike, NaiveDate};

use crate::channels::plain_words;
use crate::domain::reply::{parse_reply, Reply};
use crate::domain::submission::Feeling;
use crate::domain::{
    Answer, AnswerValue, AreaId, Areas, Channel, Consultation, PostcodeLookup, Question,
    QuestionKind, RespondentGroup, Submission,
};
use crate::i18n::{self, Locale};
use crate::privacy::{scrub, Pseudonymiser};

/// A submission read from a CSV, with the line it came from.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: u64,
    pub submission: Submission,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EventImportError {
    /// Every problem, each naming its line.
    #[error("{}", .0.join("\n"))]
    Invalid(Vec<String>),
}

/// What a column holds.
enum Column {
    Area,
    Group,
    Ref,
    Date,
    Question(usize),
    /// An area or group question: its answer comes from the `area`/`group` column.
    Ignored,
    /// A column with no name: the empty ones a spreadsheet saves beside its table. Its
    /// values must be empty too.
    Unnamed,
}

/// Reads every row of `csv_text` into a submission for `consultation`, or lists every bad
/// row with its line number.
pub fn parse(
    csv_text: &str,
    consultation: &Consultation,
    areas: &Areas,
    pseudonymiser: &Pseudonymiser,
    today: NaiveDate,
) -> Result<Vec<Row>, EventImportError> {
    let mut reader = crate::csv_rows::reader(csv_text);
    let headers = reader
        .headers()
        .map_err(|e| EventImportError::Invalid(vec![format!("line 1: {e}")]))?
        .clone();
    let mut problems = Vec::new();
    let columns: Vec<Column> = headers
        .iter()
        .map(|h| match plain_words(h).as_str() {
            "area" | "district" | "postcode" => Column::Area,
            "group" | "respondent group" => Column::Group,
            "ref" | "reference" => Column::Ref,
            "date" => Column::Date,
            // The empty columns a spreadsheet saves beside its table (",,").
            "" => Column::Unnamed,
            other => match question_column(consultation, other) {
                Some(i) => match consultation.questions[i].kind {
                    QuestionKind::Area | QuestionKind::Group => Column::Ignored,
                    _ => Column::Question(i),
                },
                None => {
                    problems.push(format!(
                        "line 1: column {h:?} is not a question of {}",
                        consultation.slug
                    ));
                    Column::Ignored
                }
            },
        })
        .collect();
    for (required, found) in [
        ("area", columns.iter().any(|c| matches!(c, Column::Area))),
        ("group", columns.iter().any(|c| matches!(c, Column::Group))),
    ] {
        if !found {
            problems.push(format!("line 1: no {required} column"));
        }
    }
    if !problems.is_empty() {
        return Err(EventImportError::Invalid(problems));
    }

    let mut rows = Vec::new();
    let mut refs = std::collections::HashMap::new();
    for row in crate::csv_rows::numbered_records(&mut reader) {
        let (line, record) = match row {
            Ok(row) => row,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        // A row longer or shorter than the header has lost or gained a separator, so its
        // values may sit under the wrong questions.
        let fits = match record.len().cmp(&columns.len()) {
            std::cmp::Ordering::Equal => true,
            // Empty values past the header's end, or none under its empty columns.
            std::cmp::Ordering::Greater => record.iter().skip(columns.len()).all(str::is_empty),
            std::cmp::Ordering::Less => columns[record.len()..]
                .iter()
                .all(|c| matches!(c, Column::Unnamed)),
        };
        if !fits {
            problems.push(format!(
                "line {line}: {} values, but the header names {} columns",
                record.len(),
                columns.len()
            ));
            continue;
        }
        let mut row_problems = Vec::new();
        let mut submission = Submission {
            consultation: consultation.slug.clone(),
            channel: Channel::Event,
            area: None,
            group: None,
            answers: Vec::new(),
            received_on: today,
            provider_ref: None,
            respondent: None,
            outreach: None,
            flagged: false,
        };
        for (column, value) in columns.iter().zip(record.iter()) {
            if value.is_empty() {
                continue;
            }
            match column {
                // A sheet with both a district and a postcode column must not have them
                // disagree: which one is right is for the person importing to say.
                Column::Area => match area(areas, value) {
                    Some(a) if submission.area.as_ref().is_some_and(|before| *before != a) => {
                        row_problems.push(format!(
                            "area {value:?} is not the same place as the row's other area column"
                        ))
                    }
                    Some(a) => submission.area = Some(a),
                    None => row_problems.push(format!("area {value:?} is not a place heard knows")),
                },
                Column::Group => match group(value) {
                    Some(g) if submission.group.is_some_and(|before| before != g) => row_problems
                        .push(format!(
                            "group {value:?} is not the same as the row's other group column"
                        )),
                    Some(g) => submission.group = Some(g),
                    None => {
                        row_problems.push(format!("group {value:?} is not a group heard knows"))
                    }
                },
                Column::Ref => {
                    if let Some(first) = refs.insert(value.to_owned(), line) {
                        row_problems.push(format!("ref {value:?} is also on line {first}"));
                    }
                    // Scoped to the consultation, so two events' sheet numbers never meet.
                    submission.provider_ref =
                        Some(pseudonymiser.provider_ref(
                            Channel::Event,
                            &format!("{}:{value}", consultation.slug),
                        ));
                }
                Column::Date => match date(value) {
                    Some(day) => submission.received_on = day,
                    None => row_problems.push(format!(
                        "date {value:?} is not a date like 2026-12-03 or 03/12/2026"
                    )),
                },
                Column::Question(i) => {
                    let question = &consultation.questions[*i];
                    match answer(question, areas, value) {
                        Some(value) => submission.answers.push(Answer {
                            question: question.id.clone(),
                            value,
                        }),
                        None => row_problems.push(format!(
                            "{value:?} does not answer question {}",
                            question.id
                        )),
                    }
                }
                Column::Ignored => {}
                Column::Unnamed => row_problems.push(format!(
                    "{value:?} is in a column with no name in the header"
                )),
            }
        }
        if !consultation.is_open_on(submission.received_on) {
            row_problems.push(format!(
                "{} is not open on {}",
                consultation.slug, submission.received_on
            ));
        }
        if row_problems.is_empty() {
            rows.push(Row { line, submission });
        } else {
            problems.push(format!("line {line}: {}", row_problems.join("; ")));
        }
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(EventImportError::Invalid(problems))
    }
}

/// A district by id, ONS code or name, an outward code or postcode inside one area, or
/// `outside-devon` / `prefer-not-to-say`.
fn area(areas: &Areas, text: &str) -> Option<AreaId> {
    let found = areas.all().iter().find(|a| {
        a.id.as_str().eq_ignore_ascii_case(text)
            || a.code
                .as_deref()
                .is_some_and(|c| c.eq_ignore_ascii_case(text))
            || a.names.values().any(|n| n.eq_ignore_ascii_case(text))
    });
    if let Some(a) = found {
        return Some(a.id.clone());
    }
    match areas.lookup_postcode(text) {
        PostcodeLookup::Found(id) => Some(id),
        // A town written on the sheet ("Exmouth") names its district.
        _ => areas.find_place(text),
    }
}

/// A group by id, in any case, with spaces for hyphens (`Parent carer`), or as the form or
/// the dashboard words it in any language ("A parent or carer", "Parent carers"), or by
/// a word a volunteer typing up a sheet would use ("Parent/carer", "Young person").
fn group(text: &str) -> Option<RespondentGroup> {
    let id = text.trim().to_ascii_lowercase().replace([' ', '_'], "-");
    if let Ok(group) = id.parse() {
        return Some(group);
    }
    let by_words = |key: &str| {
        let named = RespondentGroup::ALL.into_iter().find(|g| {
            Locale::ALL.into_iter().any(|l| {
                plain_words(&i18n::group_label(l, *g)) == key
                    || plain_words(&i18n::text(l, &format!("staff-dash-group-{}", g.id()))) == key
            })
        });
        named.or_else(|| GROUP_WORDS.iter().find(|(w, _)| *w == key).map(|(_, g)| *g))
    };
    // "Young person (11-25)": ages in brackets that are not the form's own only explain
    // the group.
    by_words(&plain_words(text)).or_else(|| match text.split_once('(') {
        Some((before, _)) if !before.trim().is_empty() => by_words(&plain_words(before)),
        _ => None,
    })
}

const GROUP_WORDS: &[(&str, RespondentGroup)] = &[
    ("parent", RespondentGroup::ParentCarer),
    ("parents", RespondentGroup::ParentCarer),
    ("carer", RespondentGroup::ParentCarer),
    ("parent carer", RespondentGroup::ParentCarer),
    ("parent or carer", RespondentGroup::ParentCarer),
    ("parent and carer", RespondentGroup::ParentCarer),
    ("child", RespondentGroup::Child),
    ("children", RespondentGroup::Child),
    ("young person", RespondentGroup::YoungPerson),
    ("young people", RespondentGroup::YoungPerson),
    ("yp", RespondentGroup::YoungPerson),
    ("professional", RespondentGroup::Professional),
    ("practitioner", RespondentGroup::Professional),
    ("practitioners", RespondentGroup::Professional),
    ("professionals", RespondentGroup::Professional),
    ("other professional", RespondentGroup::Professional),
    ("teacher", RespondentGroup::Professional),
    ("senco", RespondentGroup::Professional),
    ("school staff", RespondentGroup::Professional),
    ("social worker", RespondentGroup::Professional),
    ("health professional", RespondentGroup::Professional),
    ("education professional", RespondentGroup::Professional),
    ("mum", RespondentGroup::ParentCarer),
    ("dad", RespondentGroup::ParentCarer),
    ("mother", RespondentGroup::ParentCarer),
    ("father", RespondentGroup::ParentCarer),
    ("grandparent", RespondentGroup::ParentCarer),
    ("grandparents", RespondentGroup::ParentCarer),
    ("foster carer", RespondentGroup::ParentCarer),
    ("foster parent", RespondentGroup::ParentCarer),
    ("kinship carer", RespondentGroup::ParentCarer),
    ("adoptive parent", RespondentGroup::ParentCarer),
    ("step parent", RespondentGroup::ParentCarer),
    ("guardian", RespondentGroup::ParentCarer),
    ("carers", RespondentGroup::ParentCarer),
    ("pupil", RespondentGroup::YoungPerson),
    ("student", RespondentGroup::YoungPerson),
    ("young carer", RespondentGroup::YoungPerson),
    ("prefer not to say", RespondentGroup::PreferNotToSay),
    ("rather not say", RespondentGroup::PreferNotToSay),
];

/// A day as ISO 8601 or in the UK's order ("03/12/2026", "3.12.2026", "03-12-26").
fn date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    // A spreadsheet's date cell often comes with midnight: "03/12/2026 00:00".
    let text = match text.rsplit_once([' ', 'T']) {
        Some((day, time))
            if chrono::NaiveTime::parse_from_str(time, "%H:%M").is_ok()
                || chrono::NaiveTime::parse_from_str(time, "%H:%M:%S").is_ok() =>
        {
            day.trim()
        }
        _ => text,
    };
    [
        "%Y-%m-%d",
        "%Y/%m/%d",
        "%d/%m/%Y",
        "%d.%m.%Y",
        "%d-%m-%Y",
        "%d/%m/%y",
        "%d.%m.%y",
        "%d-%m-%y",
        "%d %b %Y",
        "%d %B %Y",
        "%d-%b-%Y",
        "%d-%b-%y",
        "%d %b %y",
        "%A %d %B %Y",
    ]
    .iter()
    // "03/12/26" read by "%Y" is the year 26: go on to the two-digit year.
    .find_map(|f| {
        NaiveDate::parse_from_str(text, f)
            .ok()
            .filter(|d| d.year() >= 2000)
    })
}

fn answer(question: &Question, areas: &Areas, text: &str) -> Option<AnswerValue> {
    let kind = &question.kind;
    if text.eq_ignore_ascii_case("skip") || text.eq_ignore_ascii_case("skipped") {
        return Some(AnswerValue::Skipped);
    }
    // Typed up from paper: "Not sure.", "not-sure" and "NOT SURE" are one answer.
    let key = plain_words(text);
    match kind {
        QuestionKind::SingleChoice { options } => {
            // A paper form's ticks typed up as "Y" and "N".
            let key = match key.as_str() {
                "y" => "yes".to_owned(),
                "n" => "no".to_owned(),
                _ => key,
            };
            options
                .iter()
                .find(|o| {
                    plain_words(o.id.as_str()) == key
                        || o.label.values().any(|l| plain_words(l) == key)
                })
                .map(|o| AnswerValue::Choice(o.id.clone()))
                .or_else(|| in_own_words(question, areas, text))
        }
        QuestionKind::Feelings => feeling(&key)
            .map(AnswerValue::Feeling)
            .or_else(|| in_own_words(question, areas, text)),
        QuestionKind::FreeText => Some(AnswerValue::Text(scrub(text))),
        QuestionKind::Area | QuestionKind::Group => None,
    }
}

/// An answer written as a person says it ("not sure", "Sometimes yes", "very happy",
/// "4 out of 5 I guess"), read as a texted reply is, in any language the forms speak. What
/// it cannot read is refused, so the person importing can put it right.
fn in_own_words(question: &Question, areas: &Areas, text: &str) -> Option<AnswerValue> {
    // A paper form's faces go from 1 to 5: "4 out of 10" on one is a slip to put right,
    // not a mark to halve as a text's is.
    let beyond_scale = text
        .split(|c: char| !c.is_ascii_digit())
        .any(|n| n.parse::<u32>().is_ok_and(|n| n > 5));
    if matches!(question.kind, QuestionKind::Feelings) && beyond_scale {
        return None;
    }
    match parse_reply(text, question, areas, Locale::EN_GB) {
        Reply::Choice(id) => Some(AnswerValue::Choice(id)),
        Reply::Feeling(f) => Some(AnswerValue::Feeling(f)),
        Reply::Skip => Some(AnswerValue::Skipped),
        _ => None,
    }
}

/// The question a column is headed with: its id in any case ("Listened_To"), or its words
/// in any language ("How do you feel about being listened to?"), as a typed-up sheet has.
fn question_column(consultation: &Consultation, header: &str) -> Option<usize> {
    consultation.questions.iter().position(|q| {
        plain_words(q.id.as_str()) == header || q.text.values().any(|t| plain_words(t) == header)
    })
}

/// A feeling as a number from 1 to 5 ("4", "4/5", "4 out of 5") or as the scale's word in
/// any language the forms speak ("Happy", "Bardzo smutny").
fn feeling(key: &str) -> Option<Feeling> {
    let number = match key.split(' ').collect::<Vec<_>>().as_slice() {
        [n] | [n, "5"] | [n, "out", "of", "5"] | [n, "of", "5"] => n.parse::<u8>().ok(),
        _ => None,
    };
    let n = number.or_else(|| {
        (1..=5u8).find(|n| {
            Locale::ALL
                .into_iter()
                .any(|l| plain_words(&i18n::feelings_word(l, *n)) == key)
        })
    })?;
    Feeling::new(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::consultation::DEMO_SOURCE;
    use crate::privacy::ServerSecret;

    fn parse_demo(csv: &str) -> Result<Vec<Row>, EventImportError> {
        let consultation = Consultation::parse(DEMO_SOURCE).unwrap();
        let secret = ServerSecret::from_value("test-secret-test-secret-test-secret-0123").unwrap();
        let day = consultation.opens_on;
        parse(
            csv,
            &consultation,
            &Areas::devon(),
            &Pseudonymiser::new(&secret),
            day,
        )
    }

    #[test]
    fn sheets_typed_up_in_everyday_words() {
        let areas = Areas::devon();
        assert_eq!(area(&areas, "Exmouth").unwrap().as_str(), "east-devon");
        assert_eq!(area(&areas, "Barnstaple").unwrap().as_str(), "north-devon");
        assert_eq!(area(&areas, "EX4").unwrap().as_str(), "exeter");
        assert_eq!(area(&areas, "Exeter and Torridge"), None);
        assert_eq!(area(&areas, "Narnia"), None);
        // Plymouth runs its own services: outside the authority, as everywhere in heard.
        assert_eq!(area(&areas, "Plymouth").unwrap().as_str(), "outside-devon");
        for (text, want) in [
            ("parent-carer", RespondentGroup::ParentCarer),
            ("Parent/carer", RespondentGroup::ParentCarer),
            ("A parent or carer", RespondentGroup::ParentCarer),
            ("Parent carers", RespondentGroup::ParentCarer),
            ("Young person", RespondentGroup::YoungPerson),
            ("A young person (11 to 25)", RespondentGroup::YoungPerson),
            ("Children (under 11)", RespondentGroup::Child),
            ("Professional", RespondentGroup::Professional),
            ("Rodzic lub opiekun", RespondentGroup::ParentCarer),
        ] {
            assert_eq!(group(text), Some(want), "{text}");
        }
        assert_eq!(group("teacher and parent"), None);
        for (text, want) in [
            ("Young Person (11-25)", RespondentGroup::YoungPerson),
            ("Other professional", RespondentGroup::Professional),
            ("Grandparent", RespondentGroup::ParentCarer),
            ("Foster carer", RespondentGroup::ParentCarer),
        ] {
            assert_eq!(group(text), Some(want), "{text}");
        }
        assert_eq!(group("Child/young person"), None);
        assert_eq!(group("(11-25)"), None);
        let day = NaiveDate::from_ymd_opt(2026, 12, 3);
        for text in [
            "2026-12-03",
            "03/12/2026",
            "3/12/2026",
            "3.12.2026",
            "03-12-26",
            "03/12/26",
            "2026/12/03",
            "3 Dec 2026",
            "3 December 2026",
            "03-Dec-26",
            "Thursday 3 December 2026",
            "03/12/2026 00:00",
            "2026-12-03 00:00:00",
            "2026-12-03T09:30",
        ] {
            assert_eq!(date(text), day, "{text}");
        }
        assert_eq!(date("12/31/2026"), None);
        assert_eq!(date("next Tuesday"), None);
    }

    #[test]
    fn sheets_as_spreadsheets_save_them() {
        // Windows line ends: a problem is reported on the line a person sees it on.
        let Err(EventImportError::Invalid(problems)) =
            parse_demo("area,group,welcome\r\nexeter,child,yes\r\nexeter,sibling,yes\r\n")
        else {
            panic!("accepted an unknown group")
        };
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].starts_with("line 3:"), "{problems:?}");
        // Empty columns beside the table, as Google Sheets saves them, are no questions.
        let rows = parse_demo("area,group,welcome,,\r\nexeter,child,yes,,\r\nexeter,child,no\r\n")
            .unwrap();
        assert_eq!(rows.len(), 2);
        // A value in such a column is refused: which question it answers is not known.
        assert!(parse_demo("area,group,welcome,\nexeter,child,yes,4\n").is_err());
        // Answers written as people say them are read as a text's are.
        let rows = parse_demo(
            "area,group,welcome,listened-to\n\
             exeter,child,not sure,very happy\n\
             exeter,child,Sometimes yes,4 out of 5 I guess\n\
             exeter,child,no thank you,OK\n",
        )
        .unwrap();
        let values: Vec<Vec<AnswerValue>> = rows
            .iter()
            .map(|r| {
                r.submission
                    .answers
                    .iter()
                    .map(|a| a.value.clone())
                    .collect()
            })
            .collect();
        let choice =
            |id| AnswerValue::Choice(crate::domain::consultation::Slug::parse(id).unwrap());
        let feeling = |n| AnswerValue::Feeling(Feeling::new(n).unwrap());
        assert_eq!(values[0], [choice("not-sure"), feeling(5)]);
        assert_eq!(values[1], [choice("sometimes"), feeling(4)]);
        assert_eq!(values[2], [choice("no"), feeling(3)]);
        for bad in ["maybe later", "yes no", "SA"] {
            let csv = format!("area,group,welcome\nexeter,child,{bad}\n");
            assert!(parse_demo(&csv).is_err(), "{bad}");
        }
    }

    #[test]
    fn rows_become_event_submissions() {
        let rows = parse_demo(
            "ref,area,group,listened-to,welcome,better-together\n\
             A1,Torridge,Parent carer,4,yes,Call me on 07700 900123\n\
             A2,EX4,young-person,,skip,\n\
             A3,,,,,\n",
        )
        .unwrap();
        assert_eq!(rows.len(), 3);
        let first = &rows[0].submission;
        assert_eq!(rows[0].line, 2);
        assert_eq!(first.channel, Channel::Event);
        assert_eq!(first.area.as_ref().unwrap().as_str(), "torridge");
        assert_eq!(first.group, Some(RespondentGroup::ParentCarer));
        assert_eq!(first.answers.len(), 3);
        let text = first
            .answers
            .iter()
            .find_map(|a| match &a.value {
                AnswerValue::Text(t) => Some(t.as_str().to_owned()),
                _ => None,
            })
            .unwrap();
        assert!(!text.contains("07700"), "{text}");
        assert!(first.provider_ref.is_some());
        assert_ne!(first.provider_ref, rows[1].submission.provider_ref);
        assert_eq!(rows[1].submission.area.as_ref().unwrap().as_str(), "exeter");
        assert_eq!(rows[1].submission.answers[0].value, AnswerValue::Skipped);
        assert_eq!(
            (rows[2].submission.area.clone(), rows[2].submission.group),
            (None, None)
        );
    }

    #[test]
    fn a_sheet_headed_and_filled_in_in_its_own_words() {
        let rows = parse_demo(
            "Reference,District,Respondent group,How do you feel about being listened to?,Welcome,Listened_To\n\
             1,Exeter,Parent carer,Happy,Not sure.,4 out of 5\n\
             2,Exeter,Parent carer,very sad,NOT-SURE,2/5\n",
        )
        .unwrap();
        let values = |i: usize| -> Vec<AnswerValue> {
            rows[i]
                .submission
                .answers
                .iter()
                .map(|a| a.value.clone())
                .collect()
        };
        let feeling = |n| AnswerValue::Feeling(Feeling::new(n).unwrap());
        let not_sure =
            AnswerValue::Choice(crate::domain::consultation::Slug::parse("not-sure").unwrap());
        assert_eq!(values(0), [feeling(4), not_sure.clone(), feeling(4)]);
        assert_eq!(values(1), [feeling(1), not_sure, feeling(2)]);
        assert!(rows[0].submission.provider_ref.is_some());
        for bad in ["6", "6/5", "quite", "4 out of 10"] {
            let csv = format!("area,group,listened-to\nexeter,child,{bad}\n");
            assert!(parse_demo(&csv).is_err(), "{bad}");
        }
        let Err(EventImportError::Invalid(problems)) =
            parse_demo("where you live,who you are\nexeter,child\n")
        else {
            panic!("accepted a sheet without area and group columns")
        };
        assert!(
            problems.iter().any(|p| p.contains("no area column")),
            "{problems:?}"
        );
    }

    #[test]
    fn a_spreadsheet_byte_order_mark_is_ignored() {
        let rows = parse_demo("\u{feff}ref,area,group\n1,exeter,child\n").unwrap();
        assert!(rows[0].submission.provider_ref.is_some());
    }

    #[test]
    fn the_empty_rows_a_spreadsheet_leaves_under_its_table_are_no_views() {
        let rows = parse_demo("ref,area,group\n1,exeter,child\n,,\n , , \n\n,,\n").unwrap();
        assert_eq!(rows.len(), 1);
        // Ticks typed up as Y and N.
        let rows = parse_demo("area,group,welcome\nexeter,child,Y\nexeter,child,n\n").unwrap();
        let choice = |i: usize| rows[i].submission.answers[0].value.clone();
        let slug = |s| AnswerValue::Choice(crate::domain::consultation::Slug::parse(s).unwrap());
        assert_eq!((choice(0), choice(1)), (slug("yes"), slug("no")));
        // A row with anything in it is still a view, or a problem.
        assert_eq!(parse_demo("ref,area,group\n,exeter,\n").unwrap().len(), 1);
    }

    #[test]
    fn a_european_sheet_with_a_district_and_a_postcode() {
        let rows = parse_demo(
            "Ref;District;Postcode;Group;listened-to\r\n\
             1;Exeter;EX4 1AA;Parent carer;4\r\n\
             2;;EX39 1AA;Young person;\r\n\
             3;Torridge;;child;2\r\n",
        )
        .unwrap();
        let area = |i: usize| rows[i].submission.area.as_ref().unwrap().as_str();
        assert_eq!(
            (area(0), area(1), area(2)),
            ("exeter", "torridge", "torridge")
        );
        let Err(EventImportError::Invalid(problems)) = parse_demo(
            "ref;district;postcode;group;respondent group\n\
             1;Exeter;EX39 1AA;child;child\n\
             2;Exeter;EX4 1AA;child;professional\n\
             3;Exeter;child\n",
        ) else {
            panic!("accepted rows whose columns disagree")
        };
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems[0].starts_with("line 2: area \"EX39 1AA\""),
            "{problems:?}"
        );
        assert!(
            problems[1].starts_with("line 3: group \"professional\""),
            "{problems:?}"
        );
        assert!(problems[2].starts_with("line 4: 3 values"), "{problems:?}");
    }

    #[test]
    fn every_bad_row_is_named_with_its_line() {
        let Err(EventImportError::Invalid(problems)) = parse_demo(
            "ref,area,group,listened-to,welcome\n\
             1,Narnia,parent-carer,4,yes\n\
             2,exeter,adult,9,maybe\n\
             1,exeter,child,3,no\n\
             3,exeter,child,3,no\n",
        ) else {
            panic!("accepted a bad file")
        };
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems[0].starts_with("line 2: area \"Narnia\""),
            "{problems:?}"
        );
        assert!(
            problems[1].starts_with("line 3: group \"adult\""),
            "{problems:?}"
        );
        assert!(problems[1].contains("\"9\" does not answer question listened-to"));
        assert!(problems[1].contains("\"maybe\" does not answer question welcome"));
        assert!(
            problems[2].starts_with("line 4: ref \"1\" is also on line 2"),
            "{problems:?}"
        );
    }

    #[test]
    fn the_header_must_name_area_group_and_questions() {
        let err = parse_demo("area,colour\nexeter,blue\n").unwrap_err();
        assert_eq!(
            err,
            EventImportError::Invalid(vec![
                "line 1: column \"colour\" is not a question of four-cornerstones".into(),
                "line 1: no group column".into(),
            ])
        );
    }
}
