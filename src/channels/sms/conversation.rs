//! A text conversation, one question at a time: what a message means where the person is,
//! what to text back, and what to store when they finish.
//!
//! Pure: the caller loads the [`State`] (under a lock, so one person's messages are handled
//! one after another), calls [`handle`], stores what comes back, and sends the replies.
//! Opting out (STOP/START) is the caller's, because it outlives any conversation.
//!
//! - Any first message starts: a welcome, then the first question. A consultation's keyword
//!   (`VIEWS`) chooses that consultation, and starts it again if sent midway.
//! - A reply answers the question last asked. One that cannot be read gets one kind re-ask;
//!   a second moves on, the question left unanswered.
//! - HELP, RESTART and the language names (`ENGLISH`, `POLSKI`, `عربي`) work at any point.
//! - Words that suggest a child is at risk, in any message, get a signpost straight away
//!   and flag what is stored.
//! - Nothing someone says is dropped for not answering a question: a first text that says
//!   what they think ("the school bus is late every day"), a long reply no option reads,
//!   more said with an option, and anything worrying are kept with the consultation's
//!   free-text answer; a view texted after finishing is stored as one more.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::gsm::{fold_into_gsm7, into_gsm7};
use super::parse::{self, Keyword, Reply};
use super::render::{render_area_pick, render_question, render_reask};
use crate::domain::consultation::{QuestionId, Slug};
use crate::domain::submission::Feeling;
use crate::domain::{
    Answer, AnswerValue, AreaId, Areas, Channel, Consultation, QuestionKind, Submission,
};
use crate::i18n::{self, Locale};
use crate::privacy::{scrub, ProviderRef, Pseudonym};
use crate::safeguarding;

/// Where one texter is. Stored as JSON; every field has a default so older rows still read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// The consultation's slug.
    pub consultation: String,
    /// The person's language tag.
    pub locale: String,
    /// The index of the question awaiting an answer.
    pub next: usize,
    pub finished: bool,
    /// The question awaiting an answer has been asked again once.
    pub reasked: bool,
    /// Districts offered after a postcode that spans several.
    pub pick: Option<Vec<String>>,
    pub answers: Vec<SavedAnswer>,
    pub area: Option<String>,
    pub group: Option<String>,
    pub flagged: bool,
    /// What came before was stored already (worrying words are stored as they come): the
    /// area and group alone are no reason to store again.
    pub stored_before: bool,
    /// The reference the part already stored is kept under: what follows fills it in, so
    /// the conversation counts once.
    #[serde(default)]
    pub stored_as: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedAnswer {
    pub question: String,
    pub value: SavedValue,
}

/// An answer as kept between messages. Text is scrubbed before it is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum SavedValue {
    Choice(String),
    Feeling(u8),
    Text(String),
    Skipped,
}

impl State {
    /// Keeps `text`, scrubbed, with the answer to the consultation's free-text question,
    /// after anything kept there before. `false` if the consultation has no such question.
    fn keep_words(&mut self, consultation: &Consultation, text: &str) -> bool {
        let Some(question) = consultation.free_text_question() else {
            return false;
        };
        let id = question.id.to_string();
        self.add_text(&id, scrub(text.trim()).into_string());
        true
    }

    /// `words` (already scrubbed) as the answer to question `id`, after any words it has.
    fn add_text(&mut self, id: &str, words: String) {
        match self.answers.iter_mut().find(|a| a.question == id) {
            Some(SavedAnswer {
                value: SavedValue::Text(kept),
                ..
            }) => {
                kept.push_str("\n\n");
                kept.push_str(&words);
            }
            Some(answer) => answer.value = SavedValue::Text(words),
            None => self.answers.push(SavedAnswer {
                question: id.to_owned(),
                value: SavedValue::Text(words),
            }),
        }
    }

    /// Whether question `id` has words kept for it.
    fn has_text(&self, id: &str) -> bool {
        self.answers
            .iter()
            .any(|a| a.question == id && matches!(a.value, SavedValue::Text(_)))
    }

    pub fn locale(&self) -> Locale {
        Locale::parse(&self.locale).unwrap_or_default()
    }

    /// Whether anything has been answered, so there is something to store.
    pub fn has_answers(&self) -> bool {
        // Once a part is stored under a reference, what follows fills it in, so an area
        // learned later is worth storing. A conversation stored in part before parts could
        // be filled in has nothing to add its area to.
        ((!self.stored_before || self.stored_as.is_some())
            && (self.area.is_some() || self.group.is_some()))
            || self
                .answers
                .iter()
                .any(|a| !matches!(a.value, SavedValue::Skipped))
    }

    /// Once the answers so far are stored (worrying words reach the safeguarding lead as
    /// they come, not when the last question is answered): the conversation goes on from
    /// where it is, and what is stored at its end is only what follows.
    pub fn forget_stored_answers(&mut self, stored_as: &ProviderRef) {
        self.answers.clear();
        self.stored_before = true;
        if self.stored_as.is_none() {
            self.stored_as = Some(stored_as.as_str().to_owned());
        }
    }

    /// The reference of the part already stored, to fill in.
    pub fn stored_as(&self) -> Option<ProviderRef> {
        self.stored_as.clone().map(ProviderRef::from_store)
    }

    /// The submission these answers make. `None` when the stored state no longer fits
    /// the consultation (a slug or id that does not parse).
    pub fn submission(
        &self,
        areas: &Areas,
        received_on: NaiveDate,
        provider_ref: ProviderRef,
        respondent: Pseudonym,
    ) -> Option<Submission> {
        let answers = self
            .answers
            .iter()
            .map(|a| {
                let value = match &a.value {
                    SavedValue::Choice(c) => AnswerValue::Choice(Slug::parse(c).ok()?),
                    SavedValue::Feeling(f) => AnswerValue::Feeling(Feeling::new(*f)?),
                    // Scrubbed before it was kept; scrubbing again changes nothing.
                    SavedValue::Text(t) => AnswerValue::Text(scrub(t)),
                    SavedValue::Skipped => AnswerValue::Skipped,
                };
                Some(Answer {
                    question: QuestionId::parse(&a.question).ok()?,
                    value,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Submission {
            consultation: Slug::parse(&self.consultation).ok()?,
            channel: Channel::Sms,
            area: self.area.as_deref().and_then(|a| areas.id(a)),
            group: self.group.as_deref().and_then(|g| g.parse().ok()),
            answers,
            received_on,
            provider_ref: Some(provider_ref),
            respondent: Some(respondent),
            outreach: None,
            flagged: self.flagged,
        })
    }
}

/// What to do about one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The conversation after it.
    pub state: State,
    /// Texts to send back, in order; plain GSM-7 where the language allows.
    pub replies: Vec<String>,
    /// The person has answered the last question: store [`State::submission`].
    pub finished: bool,
}

/// What [`handle`] needs to know about the world.
pub struct Context<'a> {
    /// Consultations open today.
    pub open: &'a [&'a Consultation],
    pub areas: &'a Areas,
}

/// Handles one message (not STOP or START: see the module documentation). `state` is
/// `None` for someone new, or whose conversation expired.
pub fn handle(state: Option<State>, text: &str, context: &Context<'_>) -> Outcome {
    handle_assessed(state, text, safeguarding::assess(text).is_some(), context)
}

/// [`handle`] for a text already read for signs that a child may be at risk (`concern`),
/// so that reading is not done while the database's write lock is held.
pub fn handle_assessed(
    state: Option<State>,
    text: &str,
    concern: bool,
    context: &Context<'_>,
) -> Outcome {
    // A current conversation whose consultation has since closed cannot go on.
    let state = state.filter(|s| find(context.open, &s.consultation).is_some());

    let keyword = parse::parse_keyword(text);
    let chosen = context.open.iter().copied().find(|c| {
        c.sms_keyword
            .as_deref()
            .is_some_and(|k| parse::is_consultation_keyword(text, k))
    });

    let mut outcome = match (state, keyword) {
        (state, Some(Keyword::Help)) => {
            let locale = state
                .as_ref()
                .map(State::locale)
                .unwrap_or_else(|| detect_locale(text));
            Outcome {
                replies: vec![say(locale, "sms-help")],
                state: state.unwrap_or_else(|| State {
                    locale: locale.tag().to_owned(),
                    ..State::default()
                }),
                finished: false,
            }
        }
        (Some(state), Some(Keyword::Restart)) => {
            let consultation = find(context.open, &state.consultation);
            let locale = state.locale();
            let mut outcome = begin(consultation, locale, context, false);
            outcome.replies.insert(0, say(locale, "sms-restart"));
            outcome
        }
        (Some(state), None) if chosen.is_none() && !state.consultation.is_empty() => {
            if let Some(locale) = language_keyword(text) {
                let state = State {
                    locale: locale.tag().to_owned(),
                    ..state
                };
                let replies = current(&state, context);
                Outcome {
                    state,
                    replies,
                    finished: false,
                }
            } else if state.finished {
                added_after_finishing(state, text, concern, context)
            } else {
                answer(state, text, concern, context)
            }
        }
        // Someone new, a keyword, a RESTART with nothing to restart, or HELP-less
        // START: begin (again).
        (state, _) => {
            let language = language_keyword(text);
            let locale = language
                .or_else(|| {
                    state
                        .as_ref()
                        .filter(|s| !s.locale.is_empty())
                        .map(State::locale)
                })
                .unwrap_or_else(|| detect_locale(text));
            let consultation = chosen.or_else(|| default_consultation(context.open));
            let mut outcome = begin(consultation, locale, context, true);
            // A first text that already says what someone thinks is kept, not lost.
            let keep = chosen.is_none()
                && language.is_none()
                && keyword.is_none()
                && (concern || is_a_view(text));
            if let (true, Some(consultation)) = (keep, consultation) {
                if outcome.state.keep_words(consultation, text) {
                    outcome.replies.insert(0, say(locale, "sms-kept"));
                }
            }
            outcome
        }
    };
    if concern {
        outcome.state.flagged = true;
        let signpost = say(outcome.state.locale(), "sms-signpost");
        outcome.replies.insert(0, signpost);
    }
    outcome
}

/// The texts that ask where someone is now: the question, or the area pick.
pub fn current(state: &State, context: &Context<'_>) -> Vec<String> {
    let locale = state.locale();
    let Some(consultation) = find(context.open, &state.consultation) else {
        return vec![say(locale, "sms-nothing-open")];
    };
    if state.finished {
        return vec![say(locale, "sms-done")];
    }
    match consultation.questions.get(state.next) {
        Some(question) => vec![ask(question, state, context.areas, locale)],
        None => vec![say(locale, "sms-done")],
    }
}

fn begin(
    consultation: Option<&Consultation>,
    locale: Locale,
    context: &Context<'_>,
    welcome: bool,
) -> Outcome {
    let mut state = State {
        locale: locale.tag().to_owned(),
        ..State::default()
    };
    let Some(consultation) = consultation else {
        return Outcome {
            state,
            replies: vec![say(locale, "sms-nothing-open")],
            finished: false,
        };
    };
    state.consultation = consultation.slug.to_string();
    let mut replies = Vec::new();
    if welcome {
        replies.push(say(locale, "sms-welcome"));
    }
    replies.extend(current(&state, context));
    Outcome {
        state,
        replies,
        finished: false,
    }
}

fn answer(mut state: State, text: &str, concern: bool, context: &Context<'_>) -> Outcome {
    let locale = state.locale();
    let Some(consultation) = find(context.open, &state.consultation) else {
        return begin(None, locale, context, false);
    };
    let Some(question) = consultation.questions.get(state.next) else {
        state.finished = true;
        return Outcome {
            replies: vec![say(locale, "sms-done")],
            state,
            finished: false,
        };
    };
    // A picture or a sticker comes with no words. It is not a wrong answer, so it neither
    // counts as one nor moves the questions on.
    if text
        .chars()
        .all(|c| c.is_whitespace() || crate::privacy::scrub::is_invisible(c))
    {
        let mut replies = vec![say(locale, "sms-no-words")];
        replies.extend(current(&state, context));
        return Outcome {
            state,
            replies,
            finished: false,
        };
    }
    let areas = context.areas;
    let pick: Option<Vec<AreaId>> = state
        .pick
        .as_ref()
        .map(|ids| ids.iter().filter_map(|id| areas.id(id)).collect());
    let reply = match &pick {
        Some(choices) => match parse::parse_area_pick(text, choices, areas, locale) {
            Reply::AreaAmbiguous(_) => Reply::Unclear,
            other => other,
        },
        None => parse::parse_reply(text, question, areas, locale),
    };

    let mut replies = Vec::new();
    let id = question.id.to_string();
    // A reply no option reads may still say something: it is kept, and the question asked
    // again or left as before. Worrying words are kept whatever they answered, so whoever
    // reads the flag can read why.
    let unread_view = matches!(reply, Reply::Unclear) && is_a_view(text);
    // "Not really, they never listen to us": the option is the answer, and the rest is
    // kept too.
    let option_and_more = matches!(reply, Reply::Choice(_) | Reply::Feeling(_)) && is_a_view(text);
    if unread_view || option_and_more || (concern && !matches!(reply, Reply::Text(_))) {
        state.keep_words(consultation, text);
    }
    let saved = match reply {
        Reply::Choice(choice) => Some(SavedValue::Choice(choice.to_string())),
        Reply::Feeling(feeling) => Some(SavedValue::Feeling(feeling.value())),
        Reply::Text(words) => Some(SavedValue::Text(scrub(&words).into_string())),
        Reply::Area(area) => {
            state.area = Some(area.as_str().to_owned());
            None
        }
        Reply::Group(group) => {
            state.group = Some(group.id().to_owned());
            None
        }
        Reply::AreaAmbiguous(choices) => {
            let text = render_area_pick(question, &choices, areas, locale);
            state.pick = Some(choices.iter().map(|a| a.as_str().to_owned()).collect());
            return Outcome {
                state,
                replies: vec![finish(text, locale)],
                finished: false,
            };
        }
        Reply::Skip => skipped(question.kind.clone()),
        Reply::Unclear if !state.reasked => {
            state.reasked = true;
            let text = render_reask(question, pick.as_deref(), areas, locale);
            return Outcome {
                state,
                replies: vec![finish(text, locale)],
                finished: false,
            };
        }
        Reply::Unclear => {
            replies.push(say(locale, "sms-moving-on"));
            skipped(question.kind.clone())
        }
    };
    if let Some(value) = saved {
        // Words kept earlier stay: an answer given now comes after them, and "no" or a skip
        // leaves them as they are.
        let kept = state.has_text(&id);
        match value {
            SavedValue::Text(more) => {
                if !(kept && nothing_to_add(&more)) {
                    state.add_text(&id, more);
                }
            }
            _ if kept => {}
            value => {
                state.answers.retain(|a| a.question != id);
                state.answers.push(SavedAnswer {
                    question: id,
                    value,
                });
            }
        }
    }
    state.next += 1;
    state.reasked = false;
    state.pick = None;
    if state.next >= consultation.questions.len() {
        state.finished = true;
        replies.push(say(locale, "sms-thanks"));
        return Outcome {
            state,
            replies,
            finished: true,
        };
    }
    replies.extend(current(&state, context));
    Outcome {
        state,
        replies,
        finished: false,
    }
}

/// A text after the last answer: more of what someone thinks is stored as a view of its
/// own, with the area and group they gave; thanks and the like get the usual reply.
fn added_after_finishing(
    state: State,
    text: &str,
    concern: bool,
    context: &Context<'_>,
) -> Outcome {
    let locale = state.locale();
    let consultation = find(context.open, &state.consultation);
    if concern || is_a_view(text) {
        let mut more = State {
            consultation: state.consultation.clone(),
            locale: state.locale.clone(),
            next: state.next,
            finished: true,
            area: state.area.clone(),
            group: state.group.clone(),
            // Words added by someone whose words worried us are the lead's to read too.
            flagged: state.flagged,
            ..State::default()
        };
        if consultation.is_some_and(|c| more.keep_words(c, text)) {
            return Outcome {
                state: more,
                replies: vec![say(locale, "sms-added")],
                finished: true,
            };
        }
    }
    Outcome {
        replies: vec![say(locale, "sms-done")],
        state,
        finished: false,
    }
}

/// Words that only greet, thank or agree: no view in them.
const PLEASANTRIES: &[&str] = &[
    "hi",
    "hello",
    "hiya",
    "hey",
    "dear",
    "good",
    "morning",
    "afternoon",
    "evening",
    "thanks",
    "thank",
    "you",
    "ta",
    "cheers",
    "ok",
    "okay",
    "yes",
    "yeah",
    "no",
    "please",
    "x",
    "xx",
    "xxx",
    "bye",
    "many",
    "so",
    "much",
    "very",
    "great",
    "lovely",
    "brilliant",
    "fine",
    "cool",
    "sure",
    "again",
    "all",
    "the",
    "best",
    "czesc",
    "dzien",
    "dobry",
    "witam",
    "dziekuje",
    "dzieki",
    "tak",
    "nie",
    "مرحبا",
    "شكرا",
    "نعم",
    "لا",
    "السلام",
    "عليكم",
];

/// Asking to take part, or what this is: not yet a view.
static JOINING: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"\b(?:take part|join in|have my say|give (?:my |you my )?(?:views?|feedback|opinions?)|fill (?:it |this )?in|do the (?:survey|questions|questionnaire)|answer (?:the|your|some) questions|how do i|what do i|is this|who is this|what is this|sign me up|count me in|happy to (?:help|take part|answer)|(?:id|i would|i d|wd) like to (?:help|take part|join|answer|do|give|say|know)|wrong number|wziac udzial|wezme udzial|chce odpowiedziec|اريد المشاركه|اشارك)\b",
    )
    .expect("joining pattern")
});

/// Whether a message that answers no question still says what someone thinks: a few
/// words beyond greetings and thanks, and not only asking to take part.
fn is_a_view(text: &str) -> bool {
    let plain = parse::normalise(text);
    let words: Vec<&str> = plain.split_whitespace().collect();
    let said = words.iter().filter(|w| !PLEASANTRIES.contains(w)).count();
    words.len() >= 5 && said >= 3 && !JOINING.is_match(&plain)
}

/// "no", "nothing", "that's all": an answer to a free-text question that adds nothing to
/// words already kept.
fn nothing_to_add(text: &str) -> bool {
    matches!(
        parse::normalise(text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .as_str(),
        "no" | "nope"
            | "nothing"
            | "no thanks"
            | "no thank you"
            | "none"
            | "n a"
            | "na"
            | "thats all"
            | "thats it"
            | "nothing else"
            | "nothing more"
            | "no more"
            | "nie"
            | "nic"
            | "لا"
            | "لا شيء"
    )
}

/// A skipped question: area and group are left unknown, others noted as skipped.
fn skipped(kind: QuestionKind) -> Option<SavedValue> {
    match kind {
        QuestionKind::Area | QuestionKind::Group => None,
        _ => Some(SavedValue::Skipped),
    }
}

fn ask(
    question: &crate::domain::consultation::Question,
    state: &State,
    areas: &Areas,
    locale: Locale,
) -> String {
    let text = match &state.pick {
        Some(ids) => {
            let choices: Vec<AreaId> = ids.iter().filter_map(|id| areas.id(id)).collect();
            render_area_pick(question, &choices, areas, locale)
        }
        // Words kept from earlier texts are the start of this answer: say so, so nobody
        // feels they must say it all again.
        None if matches!(question.kind, QuestionKind::FreeText)
            && state.has_text(question.id.as_str()) =>
        {
            format!(
                "{}\n{}",
                i18n::text(locale, "sms-free-text-kept"),
                render_question(question, areas, locale)
            )
        }
        None => render_question(question, areas, locale),
    };
    finish(text, locale)
}

fn find<'a>(open: &[&'a Consultation], slug: &str) -> Option<&'a Consultation> {
    open.iter().find(|c| c.slug.as_str() == slug).copied()
}

/// With no keyword, the consultation that opened most recently.
fn default_consultation<'a>(open: &[&'a Consultation]) -> Option<&'a Consultation> {
    open.iter().max_by_key(|c| c.opens_on).copied()
}

/// A message of heard's own, in `locale`, made ready to send.
pub fn say(locale: Locale, id: &str) -> String {
    finish(i18n::text(locale, id), locale)
}

/// Plain GSM-7 where the language allows: Polish is written without its marks (as texts
/// commonly are), costing a third as much; Arabic needs UCS-2 whatever is done.
pub fn finish(text: String, locale: Locale) -> String {
    if locale == Locale::PL {
        fold_into_gsm7(text)
    } else {
        into_gsm7(text)
    }
}

/// A message that is only a language's name switches to it.
fn language_keyword(text: &str) -> Option<Locale> {
    let squashed: String = text
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    match squashed.as_str() {
        "english" | "angielski" => Some(Locale::EN_GB),
        "polski" | "polish" | "polsku" | "popolsku" => Some(Locale::PL),
        "arabic" | "عربي" | "العربية" | "عربية" => Some(Locale::AR),
        _ => None,
    }
}

/// The language a first message is written in: Arabic script, Polish letters or common
/// Polish greetings; English otherwise.
fn detect_locale(text: &str) -> Locale {
    if let Some(locale) = language_keyword(text) {
        return locale;
    }
    let arabic = text
        .chars()
        .filter(|c| ('\u{0600}'..='\u{06FF}').contains(c))
        .count();
    if arabic > 0 && arabic * 2 >= text.chars().filter(|c| c.is_alphabetic()).count() {
        return Locale::AR;
    }
    if text.chars().any(|c| "ąćęłńśźżĄĆĘŁŃŚŹŻ".contains(c)) {
        return Locale::PL;
    }
    let lower = text.to_lowercase();
    let greeting = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| ["czesc", "witam", "prosze", "dziekuje"].contains(&w));
    if greeting || lower.contains("dzien dobry") {
        return Locale::PL;
    }
    Locale::EN_GB
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(state: Option<State>, text: &str) -> Outcome {
        let demo = Consultation::demo();
        let areas = Areas::devon();
        handle(
            state,
            text,
            &Context {
                open: &[&demo],
                areas: &areas,
            },
        )
    }

    #[test]
    fn first_message_welcomes_then_asks() {
        let out = run(None, "hello");
        assert_eq!(out.replies.len(), 2);
        assert!(out.replies[0].contains("Reply STOP to stop"));
        assert_eq!(out.state.consultation, "four-cornerstones");
        assert_eq!(out.state.next, 0);
        assert!(!out.finished);
    }

    #[test]
    fn unclear_twice_moves_on() {
        let start = run(None, "VIEWS").state;
        let once = run(Some(start), "banana");
        assert_eq!(once.state.next, 0);
        assert!(once.replies[0].starts_with("Sorry"));
        let twice = run(Some(once.state), "banana");
        assert_eq!(twice.state.next, 1);
        assert!(twice.replies[0].starts_with("That is OK"));
    }

    #[test]
    fn a_picture_without_words_is_not_a_wrong_answer() {
        let start = run(None, "VIEWS").state;
        let once = run(Some(start), "banana").state;
        for empty in ["", "  \n", "\u{200b}"] {
            let out = run(Some(once.clone()), empty);
            assert!(out.replies[0].starts_with("Thank you. We can only read words"));
            assert_eq!(out.replies.len(), 2, "{:?}", out.replies);
            assert_eq!((out.state.next, out.state.reasked), (0, true));
        }
        let mut free = once.clone();
        free.next = 4;
        assert_eq!(run(Some(free), "").state.next, 4);
    }

    #[test]
    fn safeguarding_words_signpost_first_and_flag() {
        let mut state = run(None, "hi").state;
        let open = Consultation::demo();
        state.next = open
            .questions
            .iter()
            .position(|q| matches!(q.kind, QuestionKind::FreeText))
            .unwrap();
        let out = run(Some(state), "my dad hits me when he is angry");
        assert!(out.replies[0].contains("0800 1111"), "{:?}", out.replies);
        assert!(out.state.flagged);
    }

    fn free_text(state: &State) -> Option<&str> {
        let id = Consultation::demo()
            .questions
            .iter()
            .find(|q| matches!(q.kind, QuestionKind::FreeText))
            .map(|q| q.id.to_string())?;
        state.answers.iter().find_map(|a| match &a.value {
            SavedValue::Text(t) if a.question == id => Some(t.as_str()),
            _ => None,
        })
    }

    #[test]
    fn a_first_text_that_says_something_is_kept() {
        let out = run(
            None,
            "The school bus is late every day and nobody tells us why",
        );
        assert_eq!(
            free_text(&out.state),
            Some("The school bus is late every day and nobody tells us why")
        );
        assert!(
            out.replies[0].starts_with("Thank you. We have kept"),
            "{:?}",
            out.replies
        );
        assert_eq!(out.replies.len(), 3);
        // Greetings, thanks and asking to take part are not views.
        for text in [
            "hello",
            "Hi there, thanks so much",
            "Hi, I would like to take part please",
            "yes please how do I do this",
            "VIEWS",
        ] {
            let out = run(None, text);
            assert_eq!(free_text(&out.state), None, "{text}");
            assert_eq!(out.replies.len(), 2, "{text}");
        }
        // Worrying words are kept however short.
        let out = run(None, "dad hits me");
        assert_eq!(free_text(&out.state), Some("dad hits me"));
        assert!(out.state.flagged);
    }

    #[test]
    fn words_kept_early_are_joined_by_the_free_text_answer() {
        let mut state = run(None, "The taxi never waits for my son at the gate").state;
        let demo = Consultation::demo();
        let free = demo
            .questions
            .iter()
            .position(|q| matches!(q.kind, QuestionKind::FreeText))
            .unwrap();
        state.next = free;
        let out = run(Some(state.clone()), "More respite please");
        assert_eq!(
            free_text(&out.state),
            Some("The taxi never waits for my son at the gate\n\nMore respite please")
        );
        // "no" or SKIP at the free-text question keeps what was said before.
        for nothing in ["no", "Nothing else", "skip"] {
            let out = run(Some(state.clone()), nothing);
            assert_eq!(
                free_text(&out.state),
                Some("The taxi never waits for my son at the gate"),
                "{nothing}"
            );
        }
    }

    #[test]
    fn a_long_reply_no_option_reads_is_kept_and_asked_again() {
        let start = run(None, "hi").state;
        let out = run(
            Some(start),
            "well the school is fine but the transport is awful",
        );
        assert!(out.replies[0].starts_with("Sorry"), "{:?}", out.replies);
        assert_eq!(out.state.next, 0);
        assert_eq!(
            free_text(&out.state),
            Some("well the school is fine but the transport is awful")
        );
    }

    #[test]
    fn an_option_with_more_said_keeps_both() {
        let start = run(None, "hi").state;
        let out = run(Some(start.clone()), "Not really, they never listen to us");
        assert_eq!(out.state.next, 1);
        assert_eq!(
            free_text(&out.state),
            Some("Not really, they never listen to us")
        );
        // An option alone, or with a word or two, is only the answer.
        for text in ["no", "sometimes yes", "Yes thanks so much"] {
            let out = run(Some(start.clone()), text);
            assert_eq!(out.state.next, 1, "{text}");
            assert_eq!(free_text(&out.state), None, "{text}");
        }
    }

    #[test]
    fn more_said_after_finishing_is_stored_as_one_more_view() {
        let finished = State {
            consultation: "four-cornerstones".into(),
            locale: "en-GB".into(),
            next: 7,
            finished: true,
            area: Some("exeter".into()),
            group: Some("parent-carer".into()),
            ..State::default()
        };
        let out = run(
            Some(finished.clone()),
            "Also the speech therapy wait is two years",
        );
        assert!(out.finished);
        assert!(out.replies[0].starts_with("Thank you. We have added"));
        assert_eq!(out.state.area.as_deref(), Some("exeter"));
        assert_eq!(
            free_text(&out.state),
            Some("Also the speech therapy wait is two years")
        );
        let out = run(Some(finished), "thanks very much");
        assert!(!out.finished);
        assert!(out.replies[0].starts_with("You have already sent"));
    }

    #[test]
    fn polish_and_arabic_first_messages_choose_the_language() {
        assert_eq!(run(None, "Dzień dobry").state.locale, "pl");
        assert_eq!(run(None, "مرحبا").state.locale, "ar");
        assert_eq!(run(None, "hello").state.locale, "en-GB");
    }
}
