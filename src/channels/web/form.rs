//! The form itself: one question a page, check your answers, send, thank you.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use tower_sessions::Session;

use super::error::try_again_later;
use super::pages::find;
use super::progress::{check_csrf, csrf_token, Progress, Saved};
use super::{render, Failed, OrPage, Page, PageLocale, WebError};
use crate::domain::consultation::{localized, Slug};
use crate::domain::submission::Feeling;
use crate::domain::{
    Answer, AnswerValue, Channel, Consultation, OutreachCode, PostcodeLookup, Question,
    QuestionKind, RespondentGroup, Submission,
};
use crate::i18n::{self, Locale};
use crate::ingest::ingest_completing;
use crate::privacy::scrub;
use crate::safeguarding;
use crate::server::AppState;

/// Longest free-text answer, in characters.
const MAX_TEXT_CHARS: usize = 5000;

pub struct OptionView {
    pub value: String,
    pub label: String,
    pub picture: String,
    pub checked: bool,
    /// Smaller words under the label: a district's best known towns, since children know
    /// their town, not its district.
    pub detail: Option<String>,
}

pub struct QuestionView {
    pub number: usize,
    pub total: usize,
    pub progress_label: String,
    pub kind: &'static str,
    pub text: String,
    pub hint: Option<String>,
    pub options: Vec<OptionView>,
    pub text_value: String,
    pub postcode_value: String,
    /// Choosing between the areas a postcode could be in.
    pub picking: bool,
    pub error: Option<String>,
    /// The field the error is about, for the error summary's link.
    pub field_id: &'static str,
    /// The answer could not be saved just now (the database is away): try again.
    pub notice: Option<String>,
    pub signpost: bool,
    pub csrf: String,
    pub action_href: String,
    pub back_href: String,
}

impl QuestionView {
    /// The ids that describe the answer field: its hint and its error, when there are any.
    /// `None` when there are neither, so no empty `aria-describedby` is sent.
    pub fn answer_described_by(&self) -> Option<String> {
        let mut ids = Vec::new();
        if self.hint.is_some() {
            ids.push("answer-hint");
        }
        if self.error.is_some() && self.field_id == "answer" {
            ids.push("answer-error");
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

#[derive(askama::Template)]
#[template(path = "question.html")]
struct QuestionPage {
    page: Page,
    q: QuestionView,
}

#[derive(Deserialize, Default)]
pub struct From {
    from: Option<String>,
}

impl From {
    fn check(&self) -> bool {
        self.from.as_deref() == Some("check")
    }
}

fn nth(consultation: &Consultation, n: usize, locale: Locale) -> Result<&Question, Failed> {
    n.checked_sub(1)
        .and_then(|i| consultation.questions.get(i))
        .ok_or(Failed(WebError::NotFound, locale))
}

pub async fn question(
    State(state): State<AppState>,
    PageLocale(locale): PageLocale,
    session: Session,
    Path((slug, n)): Path<(String, usize)>,
    Query(from): Query<From>,
) -> Result<Response, Failed> {
    let stored = find(&state, &slug, locale).await?;
    let c = &stored.consultation;
    let question = nth(c, n, locale)?;
    let mut progress = Progress::load(&session, c.slug.as_str())
        .await
        .or_page(locale)?;
    let signpost = take_signpost(&session, c, &mut progress, locale).await?;
    let csrf = csrf_token(&session).await.or_page(locale)?;
    let view = view(
        &state,
        c,
        question,
        n,
        &progress,
        locale,
        csrf,
        from.check(),
        signpost,
    );
    Ok(render_question(view, locale, None))
}

/// The signpost to help shows once, on the page after the worrying answer.
async fn take_signpost(
    session: &Session,
    c: &Consultation,
    progress: &mut Progress,
    locale: Locale,
) -> Result<bool, Failed> {
    if !progress.signpost_due {
        return Ok(false);
    }
    progress.signpost_due = false;
    progress
        .save(session, c.slug.as_str())
        .await
        .or_page(locale)?;
    Ok(true)
}

fn render_question(
    view: QuestionView,
    locale: Locale,
    error: Option<(String, &'static str)>,
) -> Response {
    let mut view = view;
    let has_error = error.is_some();
    if let Some((message, field)) = error {
        view.error = Some(message);
        view.field_id = field;
    }
    let not_saved = view.notice.is_some();
    let mut page = Page::new(locale, view.text.clone(), view.action_href.clone());
    page.has_error = has_error || not_saved;
    let mut response = render(&QuestionPage { page, q: view });
    if not_saved {
        try_again_later(&mut response);
    } else if has_error {
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    response
}

#[allow(clippy::too_many_arguments)]
fn view(
    state: &AppState,
    c: &Consultation,
    question: &Question,
    n: usize,
    progress: &Progress,
    locale: Locale,
    csrf: String,
    from_check: bool,
    signpost: bool,
) -> QuestionView {
    let slug = &c.slug;
    let saved = progress.answers.get(question.id.as_str());
    let option = |value: String, label: String, picture: String, checked: bool| OptionView {
        value,
        label,
        picture,
        checked,
        detail: None,
    };
    let (kind, text, hint, options) = match &question.kind {
        QuestionKind::SingleChoice { options } => (
            "choice",
            localized(&question.text, locale).to_owned(),
            question
                .hint
                .as_ref()
                .map(|h| localized(h, locale).to_owned()),
            options
                .iter()
                .map(|o| {
                    let checked = saved == Some(&Saved::Choice(o.id.to_string()));
                    option(
                        o.id.to_string(),
                        localized(&o.label, locale).to_owned(),
                        o.picture.clone(),
                        checked,
                    )
                })
                .collect(),
        ),
        QuestionKind::Feelings => (
            "feelings",
            localized(&question.text, locale).to_owned(),
            Some(
                question
                    .hint
                    .as_ref()
                    .map(|h| localized(h, locale).to_owned())
                    .unwrap_or_else(|| i18n::text(locale, "question-feelings-hint")),
            ),
            (1..=5u8)
                .map(|score| {
                    option(
                        score.to_string(),
                        i18n::feelings_word(locale, score),
                        format!("feelings-{score}"),
                        saved == Some(&Saved::Feeling(score)),
                    )
                })
                .collect(),
        ),
        QuestionKind::FreeText => (
            "text",
            localized(&question.text, locale).to_owned(),
            Some(
                question
                    .hint
                    .as_ref()
                    .map(|h| localized(h, locale).to_owned())
                    .unwrap_or_else(|| {
                        format!(
                            "{} {}",
                            i18n::text(locale, "question-optional"),
                            i18n::text(locale, "text-hint")
                        )
                    }),
            ),
            Vec::new(),
        ),
        QuestionKind::Area => {
            let picking = !progress.area_choices.is_empty();
            let areas: Vec<_> = if picking {
                progress
                    .area_choices
                    .iter()
                    .filter_map(|id| state.areas.get(id))
                    .collect()
            } else {
                state.areas.all().iter().collect()
            };
            let (text, hint) = if picking {
                (
                    i18n::text(locale, "area-pick-text"),
                    i18n::text(locale, "area-pick-hint"),
                )
            } else {
                (
                    i18n::text(locale, "question-area-text"),
                    i18n::text(locale, "question-area-hint"),
                )
            };
            (
                "area",
                text,
                Some(hint),
                areas
                    .into_iter()
                    .map(|a| {
                        let checked = saved == Some(&Saved::Area(a.id.to_string()));
                        let picture = match a.kind {
                            crate::domain::AreaKind::District => "home",
                            crate::domain::AreaKind::Outside => "channel-web",
                            crate::domain::AreaKind::Undisclosed => "group-prefer-not-to-say",
                        };
                        let towns = state.areas.main_places(&a.id, 3);
                        OptionView {
                            detail: (!towns.is_empty()).then(|| towns.join(", ")),
                            ..option(
                                a.id.to_string(),
                                a.name(locale.tag()).to_owned(),
                                picture.into(),
                                checked,
                            )
                        }
                    })
                    .collect(),
            )
        }
        QuestionKind::Group => (
            "group",
            i18n::text(locale, "question-group-text"),
            Some(i18n::text(locale, "question-group-hint")),
            RespondentGroup::ALL
                .iter()
                .map(|g| {
                    option(
                        g.id().to_owned(),
                        i18n::group_label(locale, *g),
                        format!("group-{}", g.id()),
                        saved == Some(&Saved::Group(g.id().to_owned())),
                    )
                })
                .collect(),
        ),
    };
    let text_value = match saved {
        Some(Saved::Text(t)) => t.clone(),
        _ => String::new(),
    };
    let back_href = if from_check {
        format!("/c/{slug}/check")
    } else if n > 1 {
        format!("/c/{slug}/q/{}", n - 1)
    } else {
        format!("/c/{slug}")
    };
    let total = c.questions.len();
    QuestionView {
        number: n,
        total,
        progress_label: i18n::text_with(
            locale,
            "question-progress",
            &[("number", n.into()), ("total", total.into())],
        ),
        kind,
        text,
        hint,
        options,
        text_value,
        postcode_value: String::new(),
        picking: matches!(question.kind, QuestionKind::Area) && !progress.area_choices.is_empty(),
        error: None,
        field_id: "answer",
        notice: None,
        signpost,
        csrf,
        action_href: format!(
            "/c/{slug}/q/{n}{}",
            if from_check { "?from=check" } else { "" }
        ),
        back_href,
    }
}

#[derive(Deserialize, Default)]
pub struct AnswerForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    action: String,
    answer: Option<String>,
    postcode: Option<String>,
}

/// What a posted answer means, or which words to show beside the field.
enum Outcome {
    Save(Saved),
    /// The postcode could be in several areas: ask which.
    Pick(Vec<String>),
    Error(&'static str, &'static str),
}

fn read_answer(
    state: &AppState,
    question: &Question,
    progress: &Progress,
    form: &AnswerForm,
) -> Outcome {
    let answer = form
        .answer
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty());
    match &question.kind {
        QuestionKind::SingleChoice { options } => match answer {
            Some(a) if options.iter().any(|o| o.id.as_str() == a) => {
                Outcome::Save(Saved::Choice(a.to_owned()))
            }
            _ => Outcome::Error("error-choose-one", "answer"),
        },
        QuestionKind::Feelings => match answer
            .and_then(|a| a.parse::<u8>().ok())
            .and_then(Feeling::new)
        {
            Some(f) => Outcome::Save(Saved::Feeling(f.value())),
            None => Outcome::Error("error-choose-face", "answer"),
        },
        QuestionKind::FreeText => match answer {
            Some(a) if a.chars().count() > MAX_TEXT_CHARS => {
                Outcome::Error("error-text-too-long", "answer")
            }
            Some(a) => Outcome::Save(Saved::Text(scrub(a).into_string())),
            // The hint says it may be skipped: an empty box sent on is a skip, not an error.
            None => Outcome::Save(Saved::Skipped),
        },
        QuestionKind::Group => match answer.and_then(|a| a.parse::<RespondentGroup>().ok()) {
            Some(g) => Outcome::Save(Saved::Group(g.id().to_owned())),
            None => Outcome::Error("error-choose-one", "answer"),
        },
        QuestionKind::Area => {
            let picking = !progress.area_choices.is_empty();
            let postcode = form
                .postcode
                .as_deref()
                .map(str::trim)
                .filter(|p| !p.is_empty());
            if let Some(area) = answer.and_then(|a| state.areas.id(a)) {
                // An area picked and a postcode typed that is plainly somewhere else: which
                // one they meant is theirs to say, not ours to guess.
                let elsewhere = match postcode.map(|p| state.areas.lookup_postcode(p)) {
                    Some(PostcodeLookup::Found(other)) => other != area,
                    Some(PostcodeLookup::Ambiguous(others)) => !others.contains(&area),
                    _ => false,
                };
                if elsewhere && !picking {
                    return Outcome::Error("error-area-postcode-differ", "postcode");
                }
                if !picking || progress.area_choices.iter().any(|c| c == area.as_str()) {
                    return Outcome::Save(Saved::Area(area.to_string()));
                }
            }
            match (postcode, picking) {
                (Some(p), false) => match state.areas.lookup_postcode(p) {
                    PostcodeLookup::Found(area) => Outcome::Save(Saved::Area(area.to_string())),
                    PostcodeLookup::Ambiguous(areas) => {
                        Outcome::Pick(areas.iter().map(|a| a.to_string()).collect())
                    }
                    PostcodeLookup::Unknown | PostcodeLookup::Invalid => {
                        Outcome::Error("error-postcode", "postcode")
                    }
                },
                _ => Outcome::Error("error-choose-area", "answer"),
            }
        }
    }
}

pub async fn answer(
    State(state): State<AppState>,
    PageLocale(locale): PageLocale,
    session: Session,
    Path((slug, n)): Path<(String, usize)>,
    Query(from): Query<From>,
    Form(form): Form<AnswerForm>,
) -> Result<Response, Failed> {
    let stored = find(&state, &slug, locale).await?;
    let c = &stored.consultation;
    let question = nth(c, n, locale)?;
    let asked = Asked {
        state: &state,
        c,
        question,
        n,
        locale,
        from_check: from.check(),
    };
    let loaded = async {
        check_csrf(&session, &form.csrf).await?;
        Progress::load(&session, c.slug.as_str()).await
    };
    let mut progress = match loaded.await {
        Ok(progress) => progress,
        Err(e) => return asked.not_saved(e, Progress::default(), &form),
    };
    let saving_for_later = form.action == "save";
    let outcome = if form.action == "skip" {
        Outcome::Save(Saved::Skipped)
    } else {
        read_answer(&state, question, &progress, &form)
    };
    // "Save and come back later" keeps what is on the page, then says it is kept. With
    // nothing chosen or typed there is nothing new to keep; a too long answer is shown
    // again with its error, so it is not lost.
    let saved_page = format!("/c/{}/saved", c.slug);
    if saving_for_later {
        let nothing_given = form.answer.as_deref().is_none_or(|a| a.trim().is_empty())
            && form.postcode.as_deref().is_none_or(|p| p.trim().is_empty());
        if matches!(outcome, Outcome::Error(..)) && nothing_given {
            return Ok(Redirect::to(&saved_page).into_response());
        }
    }
    match outcome {
        Outcome::Save(saved) => {
            let worrying = match &saved {
                Saved::Text(scrubbed) => {
                    let raw = form.answer.as_deref().unwrap_or_default();
                    safeguarding::assess_all([raw, scrubbed.as_str()]).is_some()
                }
                _ => false,
            };
            if worrying {
                progress.concern = true;
                progress.signpost_due = true;
            }
            progress.answers.insert(question.id.to_string(), saved);
            if matches!(question.kind, QuestionKind::Area) {
                progress.area_choices.clear();
            }
            if let Err(e) = progress.save(&session, c.slug.as_str()).await {
                return asked.not_saved(e, progress, &form);
            }
            if worrying || (progress.concern && !progress.lead_told) {
                store_for_the_lead(&state, c, &mut progress, &session).await;
            }
            let next = if saving_for_later {
                saved_page
            } else if from.check() {
                format!("/c/{}/check", c.slug)
            } else if n < c.questions.len() {
                format!("/c/{}/q/{}", c.slug, n + 1)
            } else {
                format!("/c/{}/check", c.slug)
            };
            Ok(Redirect::to(&next).into_response())
        }
        Outcome::Pick(choices) => {
            progress.area_choices = choices;
            if let Err(e) = progress.save(&session, c.slug.as_str()).await {
                return asked.not_saved(e, progress, &form);
            }
            if saving_for_later {
                return Ok(Redirect::to(&saved_page).into_response());
            }
            Ok(Redirect::to(&format!(
                "/c/{}/q/{n}{}",
                c.slug,
                if from.check() { "?from=check" } else { "" }
            ))
            .into_response())
        }
        Outcome::Error(message, field) => {
            let csrf = csrf_token(&session).await.or_page(locale)?;
            let mut view = asked.view(&progress, csrf);
            keep_typed(&mut view, question, &form);
            Ok(render_question(
                view,
                locale,
                Some((i18n::text(locale, message), field)),
            ))
        }
    }
}

/// Worrying words reach the safeguarding lead as soon as they are written, with the
/// answers so far, not only if the person goes on to send them: a child who says they are
/// not safe and then closes the page is still heard. Sending later fills in the same
/// submission, so the view counts once. If it cannot be stored now, the next page tries
/// again, and sending stores it; the person is shown where to get help either way, and
/// their answers are safe in their session.
async fn store_for_the_lead(
    state: &AppState,
    c: &Consultation,
    progress: &mut Progress,
    session: &Session,
) {
    let submission = to_submission(state, c, progress);
    if let Err(e) = ingest_completing(&state.store, &submission).await {
        tracing::warn!(error = %e, "worrying words could not be stored for the lead yet");
        return;
    }
    if !progress.lead_told {
        progress.lead_told = true;
        // Not saved only means the next page stores them again, filling in the same view.
        if let Err(e) = progress.save(session, c.slug.as_str()).await {
            tracing::warn!(error = %e, "could not note that worrying words were stored");
        }
    }
}

/// The question a posted answer is for, to show it again.
struct Asked<'a> {
    state: &'a AppState,
    c: &'a Consultation,
    question: &'a Question,
    n: usize,
    locale: Locale,
    from_check: bool,
}

impl Asked<'_> {
    fn view(&self, progress: &Progress, csrf: String) -> QuestionView {
        view(
            self.state,
            self.c,
            self.question,
            self.n,
            progress,
            self.locale,
            csrf,
            self.from_check,
            false,
        )
    }

    /// When an answer could not be saved only because the database is busy or away, the
    /// question again with what they chose still chosen, asking them to try again in a
    /// minute (503, so nothing takes it as saved). Any other failure is the problem page.
    fn not_saved(
        &self,
        e: WebError,
        mut progress: Progress,
        form: &AnswerForm,
    ) -> Result<Response, Failed> {
        if !e.is_unavailable() {
            return Err(Failed(e, self.locale));
        }
        tracing::warn!(error = %e, "an answer could not be saved for now; asked to send it again");
        if let Outcome::Save(saved) = read_answer(self.state, self.question, &progress, form) {
            progress.answers.insert(self.question.id.to_string(), saved);
        }
        // The token they sent: it is checked again when they do.
        let mut view = self.view(&progress, form.csrf.clone());
        keep_typed(&mut view, self.question, form);
        view.notice = Some(i18n::text(self.locale, "not-saved-answer"));
        Ok(render_question(view, self.locale, None))
    }
}

/// Keeps what they typed, so they only fix what is wrong (or send it again).
fn keep_typed(view: &mut QuestionView, question: &Question, form: &AnswerForm) {
    if let Some(text) = &form.answer {
        if matches!(question.kind, QuestionKind::FreeText) {
            view.text_value = scrub(text).into_string();
        }
    }
    if let Some(postcode) = &form.postcode {
        view.postcode_value = postcode.chars().take(10).collect();
    }
}

pub struct AnswerRow {
    pub question: String,
    pub answer: String,
    pub picture: Option<String>,
    pub change_href: String,
}

#[derive(askama::Template)]
#[template(path = "check.html")]
struct CheckPage {
    page: Page,
    rows: Vec<AnswerRow>,
    scrubbed: bool,
    signpost: bool,
    csrf: String,
    action_href: String,
    back_href: String,
    /// The answers could not be sent just now (the database is away): try again.
    notice: Option<String>,
}

pub async fn check(
    State(state): State<AppState>,
    PageLocale(locale): PageLocale,
    session: Session,
    Path(slug): Path<String>,
) -> Result<Response, Failed> {
    let stored = find(&state, &slug, locale).await?;
    let c = &stored.consultation;
    let mut progress = Progress::load(&session, c.slug.as_str())
        .await
        .or_page(locale)?;
    if progress.answers.is_empty() {
        // Nothing to check: sent already (the browser's Back after the thank-you page), or
        // nothing answered yet.
        return nothing_to_send(&session, c, locale).await;
    }
    let signpost = take_signpost(&session, c, &mut progress, locale).await?;
    let csrf = csrf_token(&session).await.or_page(locale)?;
    Ok(check_page(
        &state, c, &progress, locale, csrf, signpost, None,
    ))
}

fn check_page(
    state: &AppState,
    c: &Consultation,
    progress: &Progress,
    locale: Locale,
    csrf: String,
    signpost: bool,
    notice: Option<String>,
) -> Response {
    let rows = c
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let (answer, picture) = describe(state, q, progress.answers.get(q.id.as_str()), locale);
            let question = match q.kind {
                QuestionKind::Area => i18n::text(locale, "question-area-text"),
                QuestionKind::Group => i18n::text(locale, "question-group-text"),
                _ => localized(&q.text, locale).to_owned(),
            };
            AnswerRow {
                question,
                answer,
                picture,
                change_href: format!("/c/{}/q/{}?from=check", c.slug, i + 1),
            }
        })
        .collect();
    let scrubbed = progress
        .answers
        .values()
        .any(|a| matches!(a, Saved::Text(t) if t.contains("removed]")));
    let mut page = Page::new(
        locale,
        i18n::text(locale, "check-title"),
        format!("/c/{}/check", c.slug),
    );
    let not_sent = notice.is_some();
    page.has_error = not_sent;
    let mut response = render(&CheckPage {
        page,
        rows,
        scrubbed,
        signpost,
        csrf,
        action_href: format!("/c/{}/check", c.slug),
        back_href: format!("/c/{}/q/{}", c.slug, c.questions.len()),
        notice,
    });
    if not_sent {
        try_again_later(&mut response);
    }
    response
}

/// An answer in words, with its picture.
fn describe(
    state: &AppState,
    q: &Question,
    saved: Option<&Saved>,
    locale: Locale,
) -> (String, Option<String>) {
    let skipped = || (i18n::text(locale, "check-skipped"), Some("skip".to_owned()));
    match (saved, &q.kind) {
        // Never reached: not the same as skipped.
        (None, _) => (i18n::text(locale, "check-not-answered"), None),
        (Some(Saved::Choice(id)), QuestionKind::SingleChoice { options }) => options
            .iter()
            .find(|o| o.id.as_str() == id)
            .map(|o| {
                (
                    localized(&o.label, locale).to_owned(),
                    Some(o.picture.clone()),
                )
            })
            .unwrap_or_else(skipped),
        (Some(Saved::Feeling(f)), _) => (
            i18n::feelings_word(locale, *f),
            Some(format!("feelings-{f}")),
        ),
        (Some(Saved::Text(t)), _) => (t.clone(), None),
        (Some(Saved::Area(id)), _) => match state.areas.get(id) {
            Some(area) => (area.name(locale.tag()).to_owned(), Some("home".into())),
            None => skipped(),
        },
        (Some(Saved::Group(id)), _) => match id.parse::<RespondentGroup>() {
            Ok(g) => (i18n::group_label(locale, g), Some(format!("group-{id}"))),
            Err(_) => skipped(),
        },
        _ => skipped(),
    }
}

/// Already sent: the thank-you page; nothing answered yet: the start.
async fn nothing_to_send(
    session: &Session,
    c: &Consultation,
    locale: Locale,
) -> Result<Response, Failed> {
    Ok(
        match Progress::finished(session, c.slug.as_str())
            .await
            .or_page(locale)?
        {
            Some(_) => Redirect::to(&format!("/c/{}/thanks", c.slug)).into_response(),
            None => Redirect::to(&format!("/c/{}", c.slug)).into_response(),
        },
    )
}

#[derive(Deserialize)]
pub struct SubmitForm {
    #[serde(default)]
    csrf: String,
}

/// Sends the answers through the one ingestion path; only once it is stored is the person
/// told so. Sending twice (a double tap, a retried post) stores one submission.
pub async fn submit(
    State(state): State<AppState>,
    PageLocale(locale): PageLocale,
    session: Session,
    Path(slug): Path<String>,
    Form(form): Form<SubmitForm>,
) -> Result<Response, Failed> {
    check_csrf(&session, &form.csrf).await.or_page(locale)?;
    let stored = find(&state, &slug, locale).await?;
    let c = &stored.consultation;
    let progress = Progress::load(&session, c.slug.as_str())
        .await
        .or_page(locale)?;
    if progress.answers.is_empty() {
        return nothing_to_send(&session, c, locale).await;
    }
    let submission = to_submission(&state, c, &progress);
    let sent = async {
        // Fills in what was stored early if the person wrote worrying words on the way.
        ingest_completing(&state.store, &submission).await?;
        Progress::finish(&session, c.slug.as_str(), progress.concern).await
    };
    match sent.await {
        Ok(()) => Ok(Redirect::to(&format!("/c/{}/thanks", c.slug)).into_response()),
        // Their answers are still in their session: the same page, to send them again
        // (stored once however often they are sent).
        Err(e) if e.is_unavailable() => {
            tracing::warn!(error = %e, "answers could not be sent for now; asked to send them again");
            let notice = i18n::text(locale, "not-sent-answers");
            Ok(check_page(
                &state,
                c,
                &progress,
                locale,
                form.csrf,
                false,
                Some(notice),
            ))
        }
        Err(e) => Err(Failed(e, locale)),
    }
}

fn to_submission(state: &AppState, c: &Consultation, progress: &Progress) -> Submission {
    let mut area = None;
    let mut group = None;
    let mut answers = Vec::new();
    for q in &c.questions {
        let saved = progress.answers.get(q.id.as_str());
        let value = match saved {
            Some(Saved::Area(id)) => {
                area = state.areas.id(id);
                continue;
            }
            Some(Saved::Group(id)) => {
                group = id.parse().ok();
                continue;
            }
            Some(Saved::Choice(id)) => Slug::parse(id)
                .map(AnswerValue::Choice)
                .unwrap_or(AnswerValue::Skipped),
            Some(Saved::Feeling(f)) => Feeling::new(*f)
                .map(AnswerValue::Feeling)
                .unwrap_or(AnswerValue::Skipped),
            // Scrubbed when it was saved; scrubbing again is harmless and keeps the type honest.
            Some(Saved::Text(t)) => AnswerValue::Text(scrub(t)),
            Some(Saved::Skipped) | None => {
                if matches!(q.kind, QuestionKind::Area | QuestionKind::Group) {
                    continue;
                }
                AnswerValue::Skipped
            }
        };
        answers.push(Answer {
            question: q.id.clone(),
            value,
        });
    }
    Submission {
        consultation: c.slug.clone(),
        channel: Channel::Web,
        area,
        group,
        answers,
        received_on: state.clock.today(),
        provider_ref: Some(
            state
                .pseudonymiser
                .provider_ref(Channel::Web, &progress.form_id),
        ),
        respondent: None,
        // Parsed again: a session saved before codes were checked may hold any text.
        outreach: progress.via.as_deref().and_then(OutreachCode::parse),
        flagged: progress.concern,
    }
}

#[derive(askama::Template)]
#[template(path = "thanks.html")]
struct ThanksPage {
    page: Page,
    signpost: bool,
}

pub async fn thanks(
    State(state): State<AppState>,
    PageLocale(locale): PageLocale,
    session: Session,
    Path(slug): Path<String>,
) -> Result<Response, Failed> {
    let stored = find(&state, &slug, locale).await?;
    let Some(concern) = Progress::finished(&session, stored.consultation.slug.as_str())
        .await
        .or_page(locale)?
    else {
        return Ok(Redirect::to(&format!("/c/{slug}")).into_response());
    };
    let page = Page::new(
        locale,
        i18n::text(locale, "thanks-title"),
        format!("/c/{slug}/thanks"),
    );
    Ok(render(&ThanksPage {
        page,
        signpost: concern,
    }))
}

#[cfg(test)]
mod tests {
    use askama::Template;

    use super::*;

    fn question(hint: Option<&str>) -> QuestionView {
        QuestionView {
            number: 1,
            total: 1,
            progress_label: String::new(),
            kind: "choice",
            text: "Do you like it?".into(),
            hint: hint.map(str::to_owned),
            options: Vec::new(),
            text_value: String::new(),
            postcode_value: String::new(),
            picking: false,
            error: None,
            field_id: "answer",
            notice: None,
            signpost: false,
            csrf: String::new(),
            action_href: String::new(),
            back_href: String::new(),
        }
    }

    #[test]
    fn answer_is_described_only_by_what_is_there() {
        let mut q = question(None);
        assert_eq!(q.answer_described_by(), None, "never an empty attribute");
        q.error = Some("Choose an answer".into());
        assert_eq!(q.answer_described_by().as_deref(), Some("answer-error"));
        q.field_id = "postcode";
        assert_eq!(q.answer_described_by(), None, "the error is the postcode's");

        let mut q = question(Some("Pick one."));
        assert_eq!(q.answer_described_by().as_deref(), Some("answer-hint"));
        q.error = Some("Choose an answer".into());
        assert_eq!(
            q.answer_described_by().as_deref(),
            Some("answer-hint answer-error")
        );
    }

    #[test]
    fn a_question_without_a_hint_has_no_empty_aria_describedby() {
        for kind in ["choice", "text"] {
            let mut q = question(None);
            q.kind = kind;
            let html = QuestionPage {
                page: Page::new(Locale::default(), "Q", "/c/x/q/1"),
                q,
            }
            .render()
            .unwrap();
            assert!(!html.contains("aria-describedby"), "{kind}: {html}");
        }
    }
}
