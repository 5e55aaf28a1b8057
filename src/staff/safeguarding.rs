//! The safeguarding queue: flagged submissions, for the safeguarding role only, with the words
//! that raised the flag marked, and a log of what staff did (seen, acted on, a note, reopened).
//! Nothing else about the person is shown: no pseudonym, no link to their other views.
//! Opening a flag does not mark it seen: that is a deliberate act, logged with who and when.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use chrono::{NaiveDate, TimeZone, Utc};
use serde::Deserialize;

use super::auth::{ForSafeguarding, Staff};
use super::page::{render, t, t_with, StaffError, StaffPage, STAFF_LOCALE};
use crate::domain::consultation::localized;
use crate::domain::{AnswerValue, Channel, QuestionKind};
use crate::i18n::{self, Arg};
use crate::privacy::scrub;
use crate::safeguarding;
use crate::server::AppState;
use crate::store::{FlagAction, FlagLogEntry, SubmissionId};

/// Longest note kept, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;
/// Sentences longer than this are marked whole rather than narrowed word by word.
const MAX_NARROWED_WORDS: usize = 60;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/staff/safeguarding", get(queue))
        .route("/staff/safeguarding/{id}", get(item).post(act))
}

/// A run of text, marked where it holds words that raised the flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub marked: bool,
}

/// Splits `text` into pieces, marking the words in each sentence that make the detector flag
/// it: the sentence is narrowed from each end while what is left is still flagged. A view
/// flagged only as a whole (no single sentence is) gets no marks; its categories still show.
pub fn marked(text: &str) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut push = |s: &str, marked: bool| {
        if s.is_empty() {
            return;
        }
        match pieces.last_mut() {
            Some(last) if last.marked == marked => last.text.push_str(s),
            _ => pieces.push(Piece {
                text: s.to_owned(),
                marked,
            }),
        }
    };
    for sentence in sentences(text) {
        if safeguarding::assess(sentence).is_none() {
            push(sentence, false);
            continue;
        }
        let (a, b) = narrow(sentence);
        push(&sentence[..a], false);
        push(&sentence[a..b], true);
        push(&sentence[b..], false);
    }
    pieces
}

/// Sentences as the detector reads them: ending at . ! ? or ; (kept with the sentence).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?' | ';') {
            let end = i + c.len_utf8();
            out.push(&text[start..end]);
            start = end;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The byte range of the fewest whole words of a flagged sentence that are still flagged.
fn narrow(sentence: &str) -> (usize, usize) {
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in sentence.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, sentence.len()));
    }
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return (0, sentence.len());
    };
    if words.len() > MAX_NARROWED_WORDS {
        return (first.0, last.1);
    }
    let flagged =
        |i: usize, j: usize| safeguarding::assess(&sentence[words[i].0..words[j - 1].1]).is_some();
    let (mut i, mut j) = (0, words.len());
    while j - i > 1 && flagged(i + 1, j) {
        i += 1;
    }
    while j - i > 1 && flagged(i, j - 1) {
        j -= 1;
    }
    let end = words[j - 1].0
        + sentence[words[j - 1].0..words[j - 1].1]
            .trim_end_matches(|c: char| c.is_ascii_punctuation())
            .len();
    // A word that is all punctuation keeps it.
    (
        words[i].0,
        if end > words[j - 1].0 {
            end
        } else {
            words[j - 1].1
        },
    )
}

/// A moment in UK time, as staff read it.
fn when(at: i64) -> String {
    match Utc.timestamp_opt(at, 0).single() {
        Some(moment) => moment
            .with_timezone(&chrono_tz::Europe::London)
            .format("%-d %b %Y, %H:%M")
            .to_string(),
        None => at.to_string(),
    }
}

fn day(received_on: &str) -> String {
    NaiveDate::parse_from_str(received_on, "%Y-%m-%d")
        .map(|d| d.format("%-d %B %Y").to_string())
        .unwrap_or_else(|_| received_on.to_owned())
}

fn channel_name(id: &str) -> String {
    id.parse::<Channel>()
        .map(|c| i18n::channel_name(STAFF_LOCALE, c))
        .unwrap_or_else(|_| id.to_owned())
}

fn district_name(state: &AppState, id: Option<&str>) -> String {
    id.and_then(|id| state.areas.get(id))
        .map(|a| a.name(STAFF_LOCALE.tag()).to_owned())
        .unwrap_or_else(|| t("staff-sg-no-district"))
}

fn categories<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    safeguarding::assess_all(texts)
        .map(|c| {
            c.categories
                .iter()
                .map(|c| t(&format!("staff-sg-category-{}", c.id())))
                .collect()
        })
        .unwrap_or_default()
}

/// A log entry as pages show it.
pub struct LogRow {
    pub when: String,
    pub who: String,
    pub action: String,
    pub note: Option<String>,
}

fn log_row(entry: &FlagLogEntry) -> LogRow {
    LogRow {
        when: when(entry.at),
        who: entry.staff_email.clone(),
        action: t(&format!("staff-sg-action-{}", entry.action.id())),
        note: entry.note.as_ref().map(|n| n.as_str().to_owned()),
    }
}

pub struct QueueItem {
    pub id: i64,
    pub title: String,
    pub consultation: String,
    pub day: String,
    pub channel: String,
    pub district: String,
    pub categories: Vec<String>,
    pub texts: Vec<Vec<Piece>>,
    pub last: Option<LogRow>,
}

#[derive(askama::Template)]
#[template(path = "staff/safeguarding.html")]
struct QueuePage {
    page: StaffPage,
    open_heading: String,
    done_heading: String,
    open: Vec<QueueItem>,
    done: Vec<QueueItem>,
}

async fn consultation_title(state: &AppState, slug: &str) -> Result<String, StaffError> {
    Ok(match state.store.consultation(slug).await? {
        Some(stored) => localized(&stored.consultation.title, STAFF_LOCALE).to_owned(),
        None => slug.to_owned(),
    })
}

async fn queue(
    State(state): State<AppState>,
    staff: Staff<ForSafeguarding>,
) -> Result<Response, StaffError> {
    let items = state.store.flagged_queue().await?;
    let mut titles = std::collections::HashMap::new();
    for item in &items {
        if !titles.contains_key(&item.consultation) {
            let title = consultation_title(&state, &item.consultation).await?;
            titles.insert(item.consultation.clone(), title);
        }
    }
    let areas = state.areas.clone();
    // Marking runs the detector many times: off the async threads.
    let (open, done) = tokio::task::spawn_blocking(move || {
        let mut open = Vec::new();
        let mut done = Vec::new();
        for item in items {
            let district = item
                .area
                .as_deref()
                .and_then(|id| areas.get(id))
                .map(|a| a.name(STAFF_LOCALE.tag()).to_owned())
                .unwrap_or_else(|| t("staff-sg-no-district"));
            let row = QueueItem {
                id: item.id.0,
                title: t_with("staff-sg-item-title", &[("id", Arg::from(item.id.0))]),
                consultation: titles
                    .get(&item.consultation)
                    .cloned()
                    .unwrap_or_else(|| item.consultation.clone()),
                day: day(&item.received_on),
                channel: channel_name(&item.channel),
                district,
                categories: categories(item.texts.iter().map(|(_, t)| t.as_str())),
                texts: item.texts.iter().map(|(_, t)| marked(t.as_str())).collect(),
                last: item.last.as_ref().map(log_row),
            };
            if item.done {
                done.push(row);
            } else {
                open.push(row);
            }
        }
        (open, done)
    })
    .await
    .map_err(|e| StaffError::Internal(format!("marking flagged words: {e}")))?;
    Ok(render(&QueuePage {
        page: StaffPage::new(&staff.who, t("staff-sg-title"), "/staff/safeguarding"),
        open_heading: t_with(
            "staff-sg-open-heading",
            &[("n", Arg::from(open.len() as i64))],
        ),
        done_heading: t_with(
            "staff-sg-done-heading",
            &[("n", Arg::from(done.len() as i64))],
        ),
        open,
        done,
    }))
}

/// One answer of the flagged submission, as the page shows it.
pub struct AnswerRow {
    pub question: String,
    /// For a text answer: the text, marked.
    pub pieces: Option<Vec<Piece>>,
    /// For any other answer: what was chosen.
    pub value: String,
}

#[derive(askama::Template)]
#[template(path = "staff/safeguarding_item.html")]
struct ItemPage {
    page: StaffPage,
    id: i64,
    consultation: String,
    day: String,
    channel: String,
    district: String,
    group: String,
    open: bool,
    categories: Vec<String>,
    answers: Vec<AnswerRow>,
    log: Vec<LogRow>,
    done: Option<String>,
    note: String,
    error: Option<String>,
}

#[derive(Deserialize)]
struct ItemQuery {
    done: Option<String>,
}

fn parse_id(raw: &str) -> Result<SubmissionId, StaffError> {
    raw.parse::<SubmissionId>()
        .map_err(|_| StaffError::NotFound)
}

async fn item(
    State(state): State<AppState>,
    staff: Staff<ForSafeguarding>,
    Path(id): Path<String>,
    Query(query): Query<ItemQuery>,
) -> Result<Response, StaffError> {
    let id = parse_id(&id)?;
    let done = query
        .done
        .as_deref()
        .and_then(FlagAction::from_id)
        .map(|a| t(&format!("staff-sg-done-{}", a.id())));
    let page = item_page(&state, &staff, id, done, String::new(), None).await?;
    Ok(render(&page))
}

async fn item_page(
    state: &AppState,
    staff: &Staff<ForSafeguarding>,
    id: SubmissionId,
    done: Option<String>,
    note: String,
    error: Option<String>,
) -> Result<ItemPage, StaffError> {
    let open = state
        .store
        .flag_is_open(id)
        .await?
        .ok_or(StaffError::NotFound)?;
    let submission = state
        .store
        .submission(id, &state.areas)
        .await?
        .filter(|s| s.flagged)
        .ok_or(StaffError::NotFound)?;
    let consultation = state
        .store
        .consultation(submission.consultation.as_str())
        .await?;
    let texts: Vec<String> = submission
        .answers
        .iter()
        .filter_map(|a| match &a.value {
            AnswerValue::Text(t) => Some(t.as_str().to_owned()),
            _ => None,
        })
        .collect();
    // In the order the person met the questions, not the order they are stored in.
    let mut in_order: Vec<_> = submission.answers.iter().collect();
    if let Some(c) = &consultation {
        in_order.sort_by_key(|a| {
            c.consultation
                .questions
                .iter()
                .position(|q| q.id == a.question)
                .unwrap_or(usize::MAX)
        });
    }
    let mut answers = Vec::new();
    for answer in in_order {
        let question = consultation
            .as_ref()
            .and_then(|c| c.consultation.question(answer.question.as_str()));
        let prompt = question
            .map(|q| localized(&q.text, STAFF_LOCALE).to_owned())
            .unwrap_or_else(|| answer.question.to_string());
        let (pieces, value) = match &answer.value {
            AnswerValue::Text(text) => (Some(text.as_str().to_owned()), String::new()),
            AnswerValue::Choice(choice) => {
                let label = question
                    .and_then(|q| match &q.kind {
                        QuestionKind::SingleChoice { options } => {
                            options.iter().find(|o| &o.id == choice)
                        }
                        _ => None,
                    })
                    .map(|o| localized(&o.label, STAFF_LOCALE).to_owned())
                    .unwrap_or_else(|| choice.to_string());
                (None, label)
            }
            AnswerValue::Feeling(f) => (
                None,
                t_with(
                    "staff-sg-feeling",
                    &[
                        (
                            "word",
                            Arg::from(i18n::feelings_word(STAFF_LOCALE, f.value())),
                        ),
                        ("score", Arg::from(i64::from(f.value()))),
                    ],
                ),
            ),
            AnswerValue::Skipped => (None, t("staff-sg-skipped")),
        };
        answers.push((prompt, pieces, value));
    }
    let (answers, categories) = tokio::task::spawn_blocking(move || {
        let categories = categories(texts.iter().map(String::as_str));
        let answers = answers
            .into_iter()
            .map(|(question, text, value)| AnswerRow {
                question,
                pieces: text.map(|t| marked(&t)),
                value,
            })
            .collect::<Vec<_>>();
        (answers, categories)
    })
    .await
    .map_err(|e| StaffError::Internal(format!("marking flagged words: {e}")))?;
    let log = state.store.flag_log(id).await?;
    let mut page = StaffPage::new(
        &staff.who,
        t_with("staff-sg-item-title", &[("id", Arg::from(id.0))]),
        "/staff/safeguarding",
    );
    page.has_error = error.is_some();
    Ok(ItemPage {
        page,
        id: id.0,
        consultation: match &consultation {
            Some(c) => localized(&c.consultation.title, STAFF_LOCALE).to_owned(),
            None => submission.consultation.to_string(),
        },
        day: submission.received_on.format("%-d %B %Y").to_string(),
        channel: i18n::channel_name(STAFF_LOCALE, submission.channel),
        district: district_name(state, submission.area.as_ref().map(|a| a.as_str())),
        group: submission
            .group
            .map(|g| i18n::group_label(STAFF_LOCALE, g))
            .unwrap_or_else(|| t("staff-sg-no-group")),
        open,
        categories,
        answers,
        log: log.iter().map(log_row).collect(),
        done,
        note,
        error,
    })
}

#[derive(Deserialize)]
struct ActForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    note: String,
}

async fn act(
    State(state): State<AppState>,
    staff: Staff<ForSafeguarding>,
    Path(id): Path<String>,
    Form(form): Form<ActForm>,
) -> Result<Response, StaffError> {
    staff.who.check_csrf(&form.csrf)?;
    let id = parse_id(&id)?;
    let action = FlagAction::from_id(form.action.trim()).ok_or_else(|| {
        StaffError::BadRequest("the action must be seen, acted_on, note or reopened".into())
    })?;
    let note = match action {
        FlagAction::Note => {
            let typed = form.note.trim();
            let problem = if typed.is_empty() {
                Some(t("staff-sg-note-missing"))
            } else if typed.chars().count() > MAX_NOTE_CHARS {
                Some(t_with(
                    "staff-sg-note-too-long",
                    &[("max", Arg::from(MAX_NOTE_CHARS as i64))],
                ))
            } else {
                None
            };
            if let Some(problem) = problem {
                // What was typed goes back into the form only after scrubbing, like a stored note.
                let shown = scrub(typed).into_string();
                let page = item_page(&state, &staff, id, None, shown, Some(problem)).await?;
                let mut response = render(&page);
                *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
                return Ok(response);
            }
            Some(scrub(typed))
        }
        _ => None,
    };
    let logged = state
        .store
        .log_flag_action(
            id,
            staff.who.id,
            staff.who.email.as_str(),
            action,
            note.as_ref(),
            state.clock.now().unix_timestamp(),
        )
        .await?;
    if !logged {
        return Err(StaffError::NotFound);
    }
    tracing::info!(
        staff = staff.who.id,
        submission = id.0,
        action = action.id(),
        "safeguarding action logged"
    );
    Ok(Redirect::to(&format!(
        "/staff/safeguarding/{}?done={}",
        id.0,
        action.id()
    ))
    .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(text: &str) -> Vec<String> {
        marked(text)
            .into_iter()
            .filter(|p| p.marked)
            .map(|p| p.text)
            .collect()
    }

    #[test]
    fn marks_the_words_that_flag_and_keeps_the_rest() {
        let text = "Nobody at school listens to me and some days I want to die. I live in EX4.";
        let pieces = marked(text);
        let whole: String = pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(whole, text, "nothing lost or added");
        let m = marks(text);
        assert_eq!(m.len(), 1, "{pieces:?}");
        assert!(m[0].contains("want to die"), "{m:?}");
        assert!(!m[0].contains("school"), "{m:?}");
        assert!(marks("The bus is late. The forms take too long.").is_empty());
    }

    #[test]
    fn times_are_in_uk_time() {
        // 1 July 2026 12:00 UTC is 13:00 BST; 1 December is GMT.
        assert_eq!(when(1_782_907_200), "1 Jul 2026, 13:00");
        assert_eq!(when(1_796_126_400), "1 Dec 2026, 12:00");
    }
}
