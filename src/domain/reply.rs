//! Reading a reply to a question in a person's own words, generously (a text, or a
//! paper form's answer typed into a sheet): people type `2`, `2.`, `two`,
//! `option 2`, `Sometimes!`, `very sad`, `mid devon`, `EX4`, `mum` or `I'm 15`.
//!
//! Replies are compared after [`normalise`]: lower case, Polish letters without their
//! marks, Arabic without vowel marks and with one form of alef, Arabic-Indic digits as
//! 0-9, apostrophes dropped (`don't` is `dont`) and other punctuation as spaces. Word
//! lists below are written in plain form and normalised the same way.
//!
//! Decisions:
//! - A keyword ([`parse_keyword`]) counts only when it is the whole message, as carriers
//!   treat it: "STOP" stops, "stop making us wait" is an answer. A whole message asking
//!   not to be texted ("please stop texting me", "no more texts") stops too, though no
//!   carrier would read it so. Call it first.
//! - Skip words (`skip`, `pass`, `next`, `pomiń`, `تخطي`...) count only as the whole
//!   message (give or take "please"), or in a short one that says it will not answer
//!   ("I'd rather not answer this one"), so "I'd skip school if I could" is free text.
//! - "Don't know" is an answer, not a skip: the "not sure" option of a choice question
//!   if it has one, kept as free text, and otherwise [`Reply::Unclear`] so the person is
//!   asked again, with SKIP offered.
//! - A leading number wins unless the words after it name a different answer
//!   (`2 sometimes` is option 2 when option 2 is "Sometimes"; `1 no` is unclear).
//! - Number words: one to ten in English, Polish and Arabic; `first` to `fifth`.
//! - Group: a role word beats an age ("mum of a 15 year old" is a parent), parent or
//!   professional beats child or young person ("parent of a child"), and a bare number
//!   beyond the list is taken as an age (`15` is a young person). A school year is not an
//!   age: "year 9" and "y9" are young people, "year 6" a child, "9 year old" a child.
//! - Skip is returned for required questions too; the conversation decides.

use std::sync::LazyLock;

use regex::Regex;

use crate::domain::consultation::{localized, ChoiceOption, Question, QuestionKind, Slug};
use crate::domain::submission::Feeling;
use crate::domain::{AreaId, Areas, PostcodeLookup, RespondentGroup};
use crate::i18n::{self, Locale};

/// What a reply to a question says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// The id of the chosen option of a single-choice question.
    Choice(Slug),
    Feeling(Feeling),
    /// A free-text answer, as typed (trimmed). Scrub it before storing.
    Text(String),
    Area(AreaId),
    /// A postcode that spans areas: ask which, most likely first (see
    /// the SMS channel's area list and [`parse_area_pick`]).
    AreaAmbiguous(Vec<AreaId>),
    Group(RespondentGroup),
    Skip,
    /// Not an answer we can read: ask again.
    Unclear,
}

/// A whole-message command, whatever question is being asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keyword {
    /// STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, OPTOUT, REVOKE (توقف): send nothing
    /// more.
    Stop,
    /// START, UNSTOP: texts may be sent again.
    Start,
    /// HELP, INFO (POMOC, مساعدة).
    Help,
    /// RESTART: begin the consultation again.
    Restart,
}

/// The keyword a message is, ignoring case, spaces and punctuation (`Stop!`, `stop all`,
/// ` UNSTOP `); `None` if the message is anything more. YES is not a keyword here,
/// though some carriers read it as START, because it answers questions.
pub fn parse_keyword(text: &str) -> Option<Keyword> {
    if OPT_OUT.is_match(normalise(text).trim()) {
        return Some(Keyword::Stop);
    }
    match squash(text).as_str() {
        "STOP" | "STOPALL" | "UNSUBSCRIBE" | "CANCEL" | "END" | "QUIT" | "OPTOUT" | "REVOKE" => {
            Some(Keyword::Stop)
        }
        // Polish and Arabic texters use their own words for these too.
        "توقف" | "ايقاف" | "إيقاف" => Some(Keyword::Stop),
        "START" | "UNSTOP" => Some(Keyword::Start),
        "HELP" | "INFO" | "POMOC" | "مساعدة" | "مساعده" => Some(Keyword::Help),
        "RESTART" => Some(Keyword::Restart),
        _ => None,
    }
}

/// Asking in so many words not to be texted ("please stop texting me", "no more texts",
/// "take me off your list"): heard honours it as STOP, though no carrier would.
static OPT_OUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:please |pls )?(?:(?:stop|unsubscribe|opt out|cancel)(?: (?:it|this|that|now|please|pls|thanks|thank you|texting|texting me|texts|the texts|these texts|messaging me|messages|the messages|sending (?:me )?(?:texts|messages)|contacting me|all|immediately))*|(?:dont|do not) (?:text|message|contact) (?:me|us)(?: again| anymore| any more| ever again)?|no more (?:texts|messages)|(?:take|remove) (?:me|us) off (?:your|the|this) (?:list|system)|(?:remove|unsubscribe) (?:me|us)(?: from (?:your|the|this) (?:list|system))?|nie (?:piszcie|pisz|wysylajcie|wysylaj) (?:do mnie|mi)(?: wiecej)?(?: smsow| wiadomosci)?|wypisz(?:cie)? mnie|توقف عن (?:مراسلتي|ارسال الرسائل)|لا (?:ترسل|ترسلوا) (?:لي )?(?:رسائل|اي رسائل)(?: بعد الان)?)(?: please| pls| thanks| thank you| now| prosze|\s)*$",
    )
    .expect("opt-out pattern")
});

/// Whether the whole message is a consultation's `sms_keyword` (`VIEWS`), in the same
/// forgiving way as [`parse_keyword`]: `views`, `Views!`, ` V I E W S `.
pub fn is_consultation_keyword(text: &str, keyword: &str) -> bool {
    let keyword = squash(keyword);
    !keyword.is_empty() && squash(text) == keyword
}

/// Letters and digits only, in capitals.
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The areas an area question offers, in the order they are numbered: the districts,
/// then outside the authority, then prefer not to say.
pub fn area_choices(areas: &Areas) -> Vec<AreaId> {
    areas
        .districts()
        .map(|a| a.id.clone())
        .chain([areas.outside(), areas.undisclosed()])
        .collect()
}

/// Reads `text` as a reply to `question`. `locale` is the person's language; words in
/// the other supported languages are understood too, the person's own winning a clash.
pub fn parse_reply(text: &str, question: &Question, areas: &Areas, locale: Locale) -> Reply {
    // A thumb or tick alone answers a choice as its word would, through the same synonyms.
    let words = match (&question.kind, thumb(text)) {
        (QuestionKind::SingleChoice { .. }, Some(word)) => vec![word.to_owned()],
        _ => tokens(text),
    };
    if words.is_empty() && !matches!(question.kind, QuestionKind::Feelings) {
        return Reply::Unclear;
    }
    let words = mended(words);
    match &question.kind {
        QuestionKind::FreeText => {
            if is_skip(&words) {
                Reply::Skip
            } else {
                Reply::Text(text.trim().to_owned())
            }
        }
        QuestionKind::SingleChoice { .. } | QuestionKind::Feelings => {
            match scale_reply(text, &words, question, locale) {
                Reply::Unclear => leading_answer(text, question, locale),
                reply => reply,
            }
        }
        QuestionKind::Area => area(text, &words, &area_choices(areas), areas, locale),
        QuestionKind::Group => group(&words, locale),
    }
}

fn scale_reply(text: &str, words: &[String], question: &Question, locale: Locale) -> Reply {
    match &question.kind {
        QuestionKind::SingleChoice { options } => choice(words, options, question, locale),
        _ => feeling(text, words, locale),
    }
}

/// The words a yes-or-no question turns on, as stems: "Do you feel welcome…?" gives
/// "welcom"; "Were things explained…?" gives "explain"; "Do people ask…?" gives "ask".
/// Words of every question ("you", "people", "things") are left out.
fn key_words(question: &Question) -> Vec<String> {
    tokens(localized(&question.text, Locale::EN_GB))
        .into_iter()
        .filter(|w| w.len() >= 3 && !QUESTION_FRAME.contains(&w.as_str()))
        .map(|w| {
            let stem = ["ed", "ing", "es", "e", "s"]
                .iter()
                .find_map(|end| w.strip_suffix(end).filter(|s| s.len() >= 3))
                .unwrap_or(&w);
            stem.to_owned()
        })
        .collect()
}

/// Words of a question's frame, not its point.
const QUESTION_FRAME: &[&str] = &[
    "are", "were", "was", "did", "does", "you", "your", "the", "and", "for", "from", "with",
    "when", "what", "who", "how", "people", "things", "thing", "way", "that", "this", "they",
    "them", "their", "before", "after", "about", "feel", "think", "meet", "school", "council",
    "decide", "any", "have", "has", "been", "can", "could", "would", "should", "there", "all",
    "some", "our", "out", "get", "got", "services", "service", "staff",
];

/// An answer said first, then explained: "Yes thank you, everyone was lovely", "Never. We
/// are treated like a nuisance", "very sad, nobody listens", "nah they used words i didnt
/// know". Read only when the whole reply could not be: the first clause, or a first word
/// that can only be an answer, decides.
fn leading_answer(text: &str, question: &Question, locale: Locale) -> Reply {
    let answered = |r: &Reply| matches!(r, Reply::Choice(_) | Reply::Feeling(_));
    // Two answers a step apart on the feelings scale do not contradict each other: "a 2
    // really, nobody listens".
    let agree = |a: &Reply, b: &Reply| match (a, b) {
        (Reply::Feeling(x), Reply::Feeling(y)) => x.value().abs_diff(y.value()) <= 1,
        _ => a == b,
    };
    let read = |part: &str| {
        let words = mended(tokens(part));
        let reply = if words.is_empty() {
            Reply::Unclear
        } else {
            scale_reply(part, &words, question, locale)
        };
        (reply, words.len())
    };
    let parts: Vec<&str> = CLAUSE_BREAK.split(text).collect();
    let clauses: Vec<(Reply, usize)> = parts.iter().map(|p| read(p)).collect();
    // On the feelings scale "not happy, just ok" is OK: a feeling said plainly comes
    // before one said by denying another.
    let plain = |k: &usize| {
        !matches!(question.kind, QuestionKind::Feelings)
            || !tokens(parts[*k])
                .iter()
                .any(|w| NEGATIONS.contains(&w.as_str()))
    };
    if clauses.len() > 1 {
        let answering = || (0..clauses.len()).filter(|k| answered(&clauses[*k].0));
        if let Some(k) = answering().find(plain).or_else(|| answering().next()) {
            let chosen = &clauses[k].0;
            // A few words elsewhere must not give another answer: "yes, no" is no answer.
            // A longer explanation may use answer words of its own ("every time").
            let contradicted = clauses
                .iter()
                .enumerate()
                .any(|(j, (r, n))| j != k && *n <= 4 && answered(r) && !agree(r, chosen));
            return if contradicted {
                Reply::Unclear
            } else {
                chosen.clone()
            };
        }
    }
    let trimmed = text.trim_start();
    let first_len = trimmed
        .find(|c: char| c.is_whitespace())
        .unwrap_or(trimmed.len());
    let (first, rest) = trimmed.split_at(first_len);
    let strong = tokens(first).first().is_some_and(|w| {
        matches!(
            w.as_str(),
            "yes"
                | "yeah"
                | "yep"
                | "yup"
                | "yh"
                | "ye"
                | "yea"
                | "nah"
                | "nope"
                | "never"
                | "tak"
                | "nie"
                | "نعم"
                | "لا"
        )
    });
    if strong {
        let (reply, _) = read(first);
        let (after, n) = read(rest);
        if answered(&reply) && !(n <= 4 && answered(&after) && !agree(&after, &reply)) {
            return reply;
        }
    }
    Reply::Unclear
}

/// Where one clause of a reply ends and the next begins.
static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[,.!?;:\n()–—،؟]+|\s(?:but|because|cos|coz|ale|bo|لكن|بس)\s|\s-\s")
        .unwrap_or_else(|e| panic!("clause pattern is valid: {e}"))
});

/// Answer words as people misspell them, each a letter or two out: "somtimes", "sumtimes",
/// "definately". Only long words, starting with the right letter, so no other word is
/// taken for one.
const ANSWER_WORDS: &[&str] = &[
    "sometimes",
    "never",
    "always",
    "definitely",
    "absolutely",
    "usually",
    "occasionally",
    "probably",
    "welcome",
    "unhappy",
    "understood",
    "certain",
    "czasami",
    "zawsze",
    "nigdy",
];

const STRETCHED: &[&str] = &[
    "yes", "yeah", "yep", "yup", "ye", "no", "nope", "nah", "ok", "okay", "never", "tak", "nie",
];

fn mended(words: Vec<String>) -> Vec<String> {
    let last = words.len().saturating_sub(1);
    words
        .into_iter()
        .enumerate()
        .map(|(i, w)| {
            // "v happy", "v good": text-speak for "very".
            if w == "v" && i < last {
                return "very".to_owned();
            }
            // "yess", "noo", "okk", "nahh": a short answer word with a letter held down.
            let mut letters: Vec<char> = w.chars().collect();
            letters.dedup();
            let squeezed: String = letters.into_iter().collect();
            if squeezed != w && STRETCHED.contains(&squeezed.as_str()) {
                return squeezed;
            }
            let n = w.chars().count();
            if n < 6 || ANSWER_WORDS.contains(&w.as_str()) {
                return w;
            }
            let limit = if n >= 8 { 2 } else { 1 };
            ANSWER_WORDS
                .iter()
                .find(|a| {
                    a.chars().next() == w.chars().next() && strsim::osa_distance(a, &w) <= limit
                })
                .map_or(w, |a| (*a).to_owned())
        })
        .collect()
}

/// A thumb or a tick sent alone (👍, ✅, 👎, ❌, in any skin tone): the word "yes" or "no".
fn thumb(text: &str) -> Option<&'static str> {
    let mut found = None;
    for c in text.chars() {
        let key = match c {
            '\u{1F44D}' | '\u{2705}' | '\u{2714}' | '\u{2611}' => "yes",
            '\u{1F44E}' | '\u{274C}' | '\u{2716}' | '\u{274E}' => "no",
            // Skin tones and the emoji variation selector change nothing.
            '\u{1F3FB}'..='\u{1F3FF}' | '\u{FE0F}' => continue,
            c if c.is_whitespace() => continue,
            _ => return None,
        };
        if found.is_some_and(|f| f != key) {
            return None;
        }
        found = Some(key);
    }
    found
}

/// Reads the reply to "which of these is your area?" after an ambiguous postcode.
pub fn parse_area_pick(text: &str, choices: &[AreaId], areas: &Areas, locale: Locale) -> Reply {
    let words = tokens(text);
    if words.is_empty() {
        return Reply::Unclear;
    }
    area(text, &words, choices, areas, locale)
}

// ---------------------------------------------------------------------------------------
// Words

/// Lower case, marks folded, punctuation as spaces. See the module documentation.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            '\'' | '\u{2018}' | '\u{2019}' | '`' | '\u{00B4}' | '\u{02BC}' => continue,
            'ą' => 'a',
            'ć' => 'c',
            'ę' => 'e',
            'ł' => 'l',
            'ń' => 'n',
            'ó' => 'o',
            'ś' => 's',
            'ź' | 'ż' => 'z',
            // Arabic: vowel marks and tatweel go; alef, ya and ta marbuta in one form.
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => continue,
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            c if c.is_alphanumeric() => c,
            _ => ' ',
        };
        out.push(c);
    }
    out
}

fn tokens(text: &str) -> Vec<String> {
    normalise(text)
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// Words that say nothing about the answer: "option 2 please", "I'd say 3".
const FILLERS: &[&str] = &[
    "option",
    "number",
    "num",
    "answer",
    "choice",
    "choose",
    "pick",
    "its",
    "it",
    "is",
    "i",
    "id",
    "ill",
    "say",
    "would",
    "go",
    "with",
    "for",
    "the",
    "a",
    "an",
    "please",
    "pls",
    "plz",
    "thanks",
    "thank",
    "you",
    "thx",
    "ta",
    "cheers",
    "x",
    "xx",
    "xxx",
    "my",
    "reply",
    "just",
    "think",
    "opcja",
    "opcje",
    "numer",
    "nr",
    "odpowiedz",
    "wybieram",
    "prosze",
    "dziekuje",
    "dzieki",
    "to",
    "رقم",
    "الخيار",
    "خيار",
    "شكرا",
    "لو",
    "سمحت",
    "من",
    "فضلك",
];

fn is_filler(word: &str) -> bool {
    FILLERS.contains(&word)
}

fn without_fillers(words: &[String]) -> Vec<&str> {
    words
        .iter()
        .map(String::as_str)
        .filter(|w| !is_filler(w))
        .collect()
}

const SKIPS: &[&str] = &[
    "skip",
    "skip it",
    "skip this",
    "skip that",
    "skip this one",
    "skip question",
    "skip this question",
    "can we skip",
    "can i skip",
    "lets skip",
    "pass",
    "i pass",
    // "N/A": nothing to say here.
    "n a",
    "na",
    "not applicable",
    "nie dotyczy",
    "لا ينطبق",
    "next",
    "next one",
    "next question",
    "no comment",
    "rather not say",
    "id rather not say",
    "prefer not to say",
    "rather not",
    "prefer not",
    "pomin",
    "pomin to",
    "pomin to pytanie",
    "pomijam",
    "dalej",
    "nastepne",
    "nastepne pytanie",
    "pas",
    "wole nie mowic",
    "تخطي",
    "تخطى",
    "تخط",
    "التالي",
    "السؤال التالي",
    "افضل الا اقول",
];

static SKIP_PHRASES: LazyLock<Vec<String>> = LazyLock::new(|| {
    SKIPS
        .iter()
        .map(|s| without_fillers(&tokens(s)).join(" "))
        .collect()
});

/// The whole message, less fillers, is a skip word, or a short one says it will not
/// answer ("I'd rather not answer this one", "don't want to answer").
fn is_skip(words: &[String]) -> bool {
    let rest = without_fillers(words).join(" ");
    SKIP_PHRASES.contains(&rest)
        || words.len() <= 10 && {
            let all = format!(" {} ", words.join(" "));
            SKIP_SAID.iter().any(|p| all.contains(&format!(" {p} ")))
        }
}

const SKIP_SAID: &[&str] = &[
    "rather not answer",
    "prefer not to answer",
    "dont want to answer",
    "do not want to answer",
    "dont wanna answer",
    "not answering",
    "wont answer",
    "cant answer",
    "pass on this",
    "wole nie odpowiadac",
    "nie chce odpowiadac",
    "nie chce odpowiedziec",
    "لا اريد الاجابه",
    "لا اريد ان اجيب",
];

/// Phrases that mean "I don't know"/"not sure".
const UNSURE: &[&str] = &[
    "not sure",
    "im not sure",
    "i am not sure",
    "not really sure",
    "unsure",
    "dont know",
    "i dont know",
    "do not know",
    "dunno",
    "no idea",
    "idk",
    "not certain",
    "nie wiem",
    "nie jestem pewien",
    "nie jestem pewna",
    "nie jestem pewny",
    "trudno powiedziec",
    "لا اعرف",
    "لا ادري",
    "لست متاكدا",
    "لست متاكد",
    "مش عارف",
    "ما بعرف",
];

/// Words for option ids (or English labels) consultations use often.
const OPTION_SYNONYMS: &[(&str, &[&str])] = &[
    (
        "yes",
        &[
            "yes",
            "yeah",
            "yep",
            "yup",
            "ya",
            "yea",
            "yh",
            "yeh",
            "yass",
            "i think so",
            "think so",
            "every time",
            "each time",
            "yes i do",
            "y",
            "aye",
            "sure",
            "definitely",
            "100",
            "100 percent",
            "a hundred percent",
            "hundred percent",
            "always",
            "all the time",
            "of course",
            "absolutely",
            "yes definitely",
            "mostly",
            "most of the time",
            "usually",
            "przeważnie",
            "zazwyczaj",
            "najczęściej",
            "غالبا",
            "عادة",
            "ايوا",
            "اه",
            "اكيد",
            "tak",
            "zawsze",
            "oczywiście",
            "jasne",
            "دائما",
            "طبعا",
            "نعم",
            "ايوه",
            "اجل",
        ],
    ),
    (
        "no",
        &[
            "no",
            "nope",
            "nah",
            "n",
            "not really",
            "never",
            "not once",
            "not even once",
            "not ever",
            "no i dont",
            "not at all",
            "definitely not",
            "absolutely not",
            "certainly not",
            "of course not",
            "defo not",
            "def not",
            "rarely",
            "hardly ever",
            "hardly",
            "seldom",
            "not often",
            "not very often",
            "not usually",
            "not normally",
            // Disagreeing with a question put as a statement: "I don't really agree".
            "dont agree",
            "i dont agree",
            "dont really agree",
            "i dont really agree",
            "do not agree",
            "disagree",
            "i disagree",
            "usually not",
            "almost never",
            "i dont think so",
            "dont think so",
            "not that i know of",
            "no way",
            // "Nobody asks me", "no one explains": the question's thing never happens.
            "nobody",
            "no one",
            "noone",
            "nikt",
            "لا احد",
            "not well",
            "not very well",
            "rzadko",
            "prawie nigdy",
            "نادرا",
            "ليس حقا",
            "مش كثير",
            "مش كتير",
            "nie",
            "nigdy",
            "wcale",
            "ابدا",
            "لا",
            "كلا",
        ],
    ),
    (
        "ok",
        &[
            "ok",
            "okay",
            "okey",
            "k",
            "alright",
            "all right",
            "fine",
            "so so",
            "not bad",
        ],
    ),
    (
        "sometimes",
        &[
            "sometimes",
            "sometime",
            "some times",
            // It has happened, but not as a rule: "once", "once or twice".
            "once",
            "only once",
            "just once",
            "once or twice",
            "twice",
            "a few times",
            "a couple of times",
            "occasionally",
            "now and then",
            "now and again",
            "some of the time",
            "at times",
            "from time to time",
            "kind of",
            "sort of",
            "a bit",
            "not always",
            "some of it",
            "bits of it",
            "parts of it",
            "partly",
            "in parts",
            "not all the time",
            "on and off",
            "hit and miss",
            "hit or miss",
            "yes and no",
            "yes or no",
            "sometimes yes",
            "sometimes no",
            "partly",
            "a little",
            "a little bit",
            "somewhat",
            "more or less",
            "tak i nie",
            "trochę",
            "نعم ولا",
            "it depends",
            "depends",
            "czasami",
            "czasem",
            "nie zawsze",
            "różnie",
            "bywa różnie",
            "احيانا",
            "ليس دائما",
            "مش دايما",
            "مش دائما",
        ],
    ),
    // A scale of agreeing, as many consultations ask. Yes and no stand for agree and
    // disagree where a question offers no yes or no of its own.
    (
        "strongly agree",
        &[
            "yes definitely",
            "yes absolutely",
            "totally agree",
            "completely agree",
            "fully agree",
            "agree strongly",
            "very much agree",
            "agree a lot",
            "agree completely",
            "agree totally",
            "absolutely",
            "definitely",
            "100",
            "zdecydowanie tak",
            "بشدة",
        ],
    ),
    (
        "agree",
        &[
            "i agree",
            "agreed",
            "yes",
            "yeah",
            "yep",
            "yup",
            "ya",
            "yh",
            "y",
            "mostly agree",
            "sort of agree",
            "somewhat agree",
            "tak",
            "zgadzam",
            "نعم",
            "موافق",
            "موافقة",
        ],
    ),
    (
        "neither agree nor disagree",
        &[
            "neither",
            "neutral",
            "in the middle",
            "no opinion",
            "undecided",
            "dont mind",
            "not bothered",
            "either",
            "obojętne",
            "نوعا ما",
        ],
    ),
    (
        "disagree",
        &[
            "i disagree",
            "dont agree",
            "i dont agree",
            "do not agree",
            "i do not agree",
            "not agree",
            "no",
            "nope",
            "nah",
            "n",
            "mostly disagree",
            "nie",
            "nie zgadzam",
            "لا",
            "غير موافق",
        ],
    ),
    (
        "strongly disagree",
        &[
            "totally disagree",
            "completely disagree",
            "disagree strongly",
            "strongly dont agree",
            "dont agree at all",
            "do not agree at all",
            "i dont agree at all",
            "i do not agree at all",
            "not at all",
            "definitely not",
            "absolutely not",
            "no way",
            "zdecydowanie nie",
            "لا أوافق بشدة",
        ],
    ),
    // Scales of how good, how easy, how satisfied and how important. "Really good" is
    // Good, as an intensifier before an option's own word is read everywhere.
    (
        "very good",
        &[
            "excellent",
            "great",
            "brilliant",
            "amazing",
            "fantastic",
            "superb",
            "outstanding",
            "perfect",
            "bardzo dobrze",
            "bardzo dobry",
            "świetnie",
            "ممتاز",
            "رائع",
        ],
    ),
    ("good", &["dobrze", "dobry", "جيد"]),
    (
        "poor",
        &[
            "bad",
            "not good",
            "not great",
            "not very good",
            "could be better",
            "źle",
            "słabo",
            "سيء",
        ],
    ),
    (
        "very poor",
        &[
            "terrible",
            "awful",
            "rubbish",
            "very bad",
            "dreadful",
            "horrible",
            "appalling",
            "crap",
            "bardzo źle",
            "fatalnie",
            "سيء جدا",
        ],
    ),
    (
        "very easy",
        &[
            "super easy",
            "dead easy",
            "easy peasy",
            "so easy",
            "bardzo łatwo",
        ],
    ),
    ("easy", &["simple", "not hard", "łatwo", "سهل"]),
    (
        "neither easy nor difficult",
        &[
            "ok",
            "okay",
            "alright",
            "fine",
            "in between",
            "neither",
            "so so",
            "not bad",
        ],
    ),
    (
        "difficult",
        &["hard", "tricky", "not easy", "quite hard", "trudno", "صعب"],
    ),
    (
        "very difficult",
        &[
            "very hard",
            "so hard",
            "so difficult",
            "impossible",
            "bardzo trudno",
            "صعب جدا",
        ],
    ),
    (
        "very satisfied",
        &[
            "very happy",
            "delighted",
            "bardzo zadowolony",
            "bardzo zadowolona",
        ],
    ),
    (
        "satisfied",
        &[
            "happy",
            "pleased",
            "yes",
            "zadowolony",
            "zadowolona",
            "راض",
            "راضي",
        ],
    ),
    (
        "dissatisfied",
        &[
            "unhappy",
            "not happy",
            "not satisfied",
            "disappointed",
            "no",
            "niezadowolony",
            "niezadowolona",
            "غير راض",
        ],
    ),
    (
        "very dissatisfied",
        &[
            "very unhappy",
            "furious",
            "not at all satisfied",
            "not at all",
        ],
    ),
    (
        "very important",
        &[
            "very",
            "extremely important",
            "essential",
            "vital",
            "crucial",
            "bardzo ważne",
            "مهم جدا",
        ],
    ),
    ("important", &["yes", "quite important", "ważne", "مهم"]),
    (
        "not important",
        &[
            "no",
            "not really",
            "not at all",
            "not very",
            "nieważne",
            "غير مهم",
        ],
    ),
];

/// Option ids that mean "not sure", for [`UNSURE`] replies.
/// Options "not sure" and "don't know" pick; on a scale of agreeing, its middle.
const UNSURE_IDS: &[&str] = &[
    "not-sure",
    "dont-know",
    "unsure",
    "not-sure-yet",
    "neither",
    "neutral",
    "neither-agree-nor-disagree",
];

/// Number words, `first` to `fifth`, one to twenty (ages are texted in words too).
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("jeden", 1),
    ("jedna", 1),
    ("jedno", 1),
    ("jedynka", 1),
    ("dwa", 2),
    ("dwie", 2),
    ("dwojka", 2),
    ("trzy", 3),
    ("trojka", 3),
    ("cztery", 4),
    ("czworka", 4),
    ("pięć", 5),
    ("piatka", 5),
    ("sześć", 6),
    ("siedem", 7),
    ("osiem", 8),
    ("dziewięć", 9),
    ("dziesięć", 10),
    ("واحد", 1),
    ("اثنان", 2),
    ("اثنين", 2),
    ("اتنين", 2),
    ("ثلاثة", 3),
    ("ثلاث", 3),
    ("أربعة", 4),
    ("أربع", 4),
    ("خمسة", 5),
    ("خمس", 5),
    ("ستة", 6),
    ("سبعة", 7),
    ("ثمانية", 8),
    ("تسعة", 9),
    ("عشرة", 10),
];

static NUMBERS: LazyLock<Vec<(String, u32)>> = LazyLock::new(|| {
    NUMBER_WORDS
        .iter()
        .map(|(w, n)| (normalise(w), *n))
        .collect()
});

/// Words that make a number an age: "I'm 15", "15 years old", "age 15", "mam 15 lat".
const AGE_WORDS: &[&str] = &[
    "im",
    "am",
    "age",
    "aged",
    "years",
    "year",
    "yrs",
    "yr",
    "old",
    "yo",
    "lat",
    "mam",
    "lata",
    "عمري",
    "سنه",
    "سنوات",
    "عام",
    "عاما",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Suffix {
    None,
    /// 2nd, 15yo...
    Ordinal,
    Age,
}

/// A number in a word: `2`, `02`, `two`, `dwa`, `2nd`, `15yo`.
fn number(word: &str) -> Option<(u32, Suffix)> {
    let digits = word.len() - word.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && digits <= 3 {
        let n: u32 = word[..digits].parse().ok()?;
        let suffix = match &word[digits..] {
            "" => Suffix::None,
            "st" | "nd" | "rd" | "th" => Suffix::Ordinal,
            "y" | "yo" | "yr" | "yrs" | "years" | "lat" => Suffix::Age,
            _ => return None,
        };
        return Some((n, suffix));
    }
    NUMBERS
        .iter()
        .find(|(w, _)| w == word)
        .map(|(_, n)| (*n, Suffix::None))
}

/// A reply that starts with a number, after fillers: the number and the words after it,
/// fillers dropped.
fn leading_number(words: &[String]) -> Option<(u32, Suffix, Vec<&str>)> {
    let first = words.iter().position(|w| !is_filler(w))?;
    let (n, suffix) = number(&words[first])?;
    let mut rest = without_fillers(&words[first + 1..]);
    // "the third one", "2nd one": the "one" names the option, it is not a second number.
    let ordinal = suffix == Suffix::Ordinal || ORDINAL_WORDS.contains(&words[first].as_str());
    if ordinal && rest.first() == Some(&"one") {
        rest.remove(0);
    }
    Some((n, suffix, rest))
}

const ORDINAL_WORDS: &[&str] = &["first", "second", "third", "fourth", "fifth"];

/// A table of phrases, each a list of words, longest first.
struct Phrases<T>(Vec<(Vec<String>, T)>);

impl<T: Clone + PartialEq> Phrases<T> {
    fn new() -> Self {
        Phrases(Vec::new())
    }

    /// Adds a phrase unless it is already there (earlier entries win).
    fn add(&mut self, phrase: &str, value: T) {
        let words = tokens(phrase);
        if !words.is_empty() && !self.0.iter().any(|(w, _)| *w == words) {
            self.0.push((words, value));
        }
    }

    fn sorted(mut self) -> Self {
        self.0.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        self
    }

    /// Reads `words` left to right, taking the longest phrase at each place: the distinct
    /// values found, and the words no phrase took.
    fn scan<'w>(&self, words: &'w [String]) -> (Vec<T>, Vec<&'w str>) {
        let mut found: Vec<T> = Vec::new();
        let mut other = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match self.0.iter().find(|(p, _)| words[i..].starts_with(p)) {
                Some((p, value)) => {
                    if !found.contains(value) {
                        found.push(value.clone());
                    }
                    i += p.len();
                }
                None => {
                    other.push(words[i].as_str());
                    i += 1;
                }
            }
        }
        (found, other)
    }

    /// Whether a phrase in `words` follows a negation no phrase took ("not good", "I don't
    /// really agree"), read as [`Phrases::scan`] reads: "not sure" is a phrase of its own.
    fn negated(&self, words: &[String]) -> bool {
        let mut free = vec![true; words.len()];
        let mut i = 0;
        while i < words.len() {
            let Some((p, _)) = self.0.iter().find(|(p, _)| words[i..].starts_with(p)) else {
                i += 1;
                continue;
            };
            let mut j = i;
            while j > 0 && free[j - 1] && INTENSIFIERS.contains(&words[j - 1].as_str()) {
                j -= 1;
            }
            if j > 0 && free[j - 1] && NEGATIONS.contains(&words[j - 1].as_str()) {
                return true;
            }
            free[i..i + p.len()].fill(false);
            i += p.len();
        }
        false
    }
}

/// Replies longer than this are not read for answer words: a long message to a choice
/// question is a comment, and the person is asked again.
const MAX_SCAN_WORDS: usize = 8;

/// The one value phrases in `words` name, if they name exactly one.
fn one_named<T: Clone + PartialEq>(phrases: &Phrases<T>, words: &[String]) -> Option<T> {
    if words.len() > MAX_SCAN_WORDS {
        return None;
    }
    match phrases.scan(words).0.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// Words after a leading number agree with it: they are empty or name the same answer.
fn agrees<T: Clone + PartialEq>(phrases: &Phrases<T>, rest: &[&str], value: &T) -> bool {
    let rest: Vec<String> = rest.iter().map(|w| (*w).to_owned()).collect();
    if rest.iter().any(|w| number(w).is_some()) {
        return false;
    }
    let (found, _) = phrases.scan(&rest);
    found.iter().all(|v| v == value)
}

/// Locales with the person's own first.
fn locales_from(locale: Locale) -> impl Iterator<Item = Locale> {
    std::iter::once(locale).chain(Locale::ALL.into_iter().filter(move |l| *l != locale))
}

// ---------------------------------------------------------------------------------------
// Single choice

fn choice(
    words: &[String],
    options: &[ChoiceOption],
    question: &Question,
    locale: Locale,
) -> Reply {
    if is_skip(words) {
        return Reply::Skip;
    }
    let phrases = option_phrases(options, locale);
    // "100%", "100 percent": no option's number, but wholly yes (or agree).
    let hundred = words.first().is_some_and(|w| w == "100") && options.len() < 100;
    if let Some((n, suffix, rest)) = leading_number(words).filter(|_| !hundred) {
        if suffix == Suffix::Age {
            return Reply::Unclear;
        }
        let index = (n as usize).wrapping_sub(1);
        return match options.get(index) {
            Some(o) if agrees(&phrases, &rest, &index) => Reply::Choice(o.id.clone()),
            // "2 - some things yes, the EHCP stuff no": Sometimes, explained.
            Some(o) if explains_sometimes(&phrases, &rest, options, index) => {
                Reply::Choice(o.id.clone())
            }
            _ => Reply::Unclear,
        };
    }
    // "not good" and "I don't agree" deny the option they name.
    if phrases.negated(words) {
        return Reply::Unclear;
    }
    match one_named(&phrases, words).and_then(|i| options.get(i)) {
        Some(o) => Reply::Choice(o.id.clone()),
        None => mixed(&phrases, words, options)
            .or_else(|| hedged_sometimes(&phrases, words, options))
            // The question's words are worked out only for a reply nothing else reads.
            .or_else(|| question_word_said(words, &key_words(question), options))
            .map_or(Reply::Unclear, Reply::Choice),
    }
}

/// Whether the words after the number of Sometimes say yes to some things and no to others.
fn explains_sometimes(
    phrases: &Phrases<usize>,
    rest: &[&str],
    options: &[ChoiceOption],
    index: usize,
) -> bool {
    let keys = OptionKeys::new(options);
    let (Some(yes), Some(no), Some(sometimes)) =
        (keys.find("yes"), keys.find("no"), keys.find("sometimes"))
    else {
        return false;
    };
    if index != sometimes {
        return false;
    }
    let rest: Vec<String> = rest.iter().map(|w| (*w).to_owned()).collect();
    let (found, _) = phrases.scan(&rest);
    found.contains(&yes)
        && found.contains(&no)
        && found.iter().all(|f| [yes, no, sometimes].contains(f))
}

/// "sometimes yeah", "yes sometimes", "no, only sometimes": Sometimes and one of yes or no
/// is Sometimes.
fn hedged_sometimes(
    phrases: &Phrases<usize>,
    words: &[String],
    options: &[ChoiceOption],
) -> Option<Slug> {
    // "not always no" may be No said twice; it is asked again.
    if words.len() > MAX_SCAN_WORDS || words.iter().any(|w| NEGATIONS.contains(&w.as_str())) {
        return None;
    }
    let keys = OptionKeys::new(options);
    let (yes, no, sometimes) = (keys.find("yes")?, keys.find("no")?, keys.find("sometimes")?);
    let (mut found, _) = phrases.scan(words);
    found.sort_unstable();
    found.dedup();
    let mut with_yes = [yes, sometimes];
    with_yes.sort_unstable();
    let mut with_no = [no, sometimes];
    with_no.sort_unstable();
    (found == with_yes || found == with_no).then(|| options[sometimes].id.clone())
}

/// "I don't feel welcome at all", "they don't ask me anything", "nothing was explained":
/// the question's own word, denied, is No, for a question with Yes and No options. Said
/// plainly it is not read as Yes: the word may be the question's subject ("the transport
/// is late" to "Is the school transport reliable?").
fn question_word_said(
    words: &[String],
    question_words: &[String],
    options: &[ChoiceOption],
) -> Option<Slug> {
    let keys = OptionKeys::new(options);
    keys.find("yes")?;
    let no = keys.find("no")?;
    let at = words.iter().position(|w| {
        question_words
            .iter()
            .any(|q| w.starts_with(q.as_str()) && w.len() <= q.len() + 3)
    })?;
    let denied = words[at.saturating_sub(3)..at].iter().any(|w| {
        NEGATIONS.contains(&w.as_str())
            || matches!(
                w.as_str(),
                "nothing" | "nobody" | "noone" | "nie" | "لا" | "ما"
            )
    });
    // Any other denial in the reply leaves it unclear: "not sure they ask".
    let others_denied = words
        .iter()
        .enumerate()
        .any(|(i, w)| (i + 3 < at || i > at) && NEGATIONS.contains(&w.as_str()));
    if others_denied
        || words
            .iter()
            .any(|w| matches!(w.as_str(), "sure" | "know" | "depends"))
    {
        return None;
    }
    denied.then(|| options[no].id.clone())
}

/// Each option's id and English words, worked out once a reply, to find the option a
/// word list is keyed to ("not sure" names the option `not-sure` or labelled "Not sure").
struct OptionKeys<'a>(Vec<(&'a str, String)>);

impl<'a> OptionKeys<'a> {
    fn new(options: &'a [ChoiceOption]) -> Self {
        OptionKeys(
            options
                .iter()
                .map(|o| {
                    let label = normalise(localized(&o.label, Locale::EN_GB));
                    (o.id.as_str(), label.trim().to_owned())
                })
                .collect(),
        )
    }

    /// The option whose English words are `key`, or whose id is `key` with hyphens.
    fn find(&self, key: &str) -> Option<usize> {
        self.0.iter().position(|(id, label)| {
            label == key
                || (id.len() == key.len()
                    && id
                        .bytes()
                        .zip(key.bytes())
                        .all(|(i, k)| i == k || (i == b'-' && k == b' ')))
        })
    }
}

/// "Some staff yes, some no": yes and no both said is the question's Sometimes, where it
/// has one.
fn mixed(phrases: &Phrases<usize>, words: &[String], options: &[ChoiceOption]) -> Option<Slug> {
    if words.len() > MAX_SCAN_WORDS {
        return None;
    }
    let keys = OptionKeys::new(options);
    let (yes, no, sometimes) = (keys.find("yes")?, keys.find("no")?, keys.find("sometimes")?);
    let (mut found, other) = phrases.scan(words);
    found.sort_unstable();
    let mut both = [yes, no];
    both.sort_unstable();
    // "yes, no" alone may be two answers at once; "some … others" says it is mixed.
    let split = other.iter().any(|w| {
        matches!(
            *w,
            "some" | "other" | "others" | "depends" | "niektórzy" | "inni" | "بعض"
        )
    });
    (found == both && split).then(|| options[sometimes].id.clone())
}

/// Stands for "not sure" in a question with no such option, so "not sure" is not read
/// as "sure".
const NO_OPTION: usize = usize::MAX;

fn option_phrases(options: &[ChoiceOption], locale: Locale) -> Phrases<usize> {
    let mut phrases = Phrases::new();
    for l in locales_from(locale) {
        for (i, o) in options.iter().enumerate() {
            phrases.add(localized(&o.label, l), i);
        }
    }
    for (i, o) in options.iter().enumerate() {
        phrases.add(&o.id.as_str().replace('-', " "), i);
    }
    let unsure_option = options.iter().position(|o| {
        UNSURE_IDS.contains(&o.id.as_str())
            || o.label
                .values()
                .any(|label| UNSURE.iter().any(|u| tokens(u) == tokens(label)))
    });
    for phrase in UNSURE {
        phrases.add(phrase, unsure_option.unwrap_or(NO_OPTION));
    }
    let keys = OptionKeys::new(options);
    for (key, synonyms) in OPTION_SYNONYMS {
        // On a scale of three, "totally agree" is Agree and "excellent" is Good.
        let weaker = key
            .strip_prefix("strongly ")
            .or_else(|| key.strip_prefix("very "))
            .unwrap_or(key);
        let own = keys.find(key);
        if let Some(i) = own.or_else(|| (weaker != *key).then(|| keys.find(weaker)).flatten()) {
            if own.is_none() {
                phrases.add(key, i);
            }
            for s in *synonyms {
                phrases.add(s, i);
            }
        }
    }
    phrases.sorted()
}

// ---------------------------------------------------------------------------------------
// Feelings

const FEELING_WORDS: &[(&str, u8)] = &[
    ("very unhappy", 1),
    ("very bad", 1),
    ("really sad", 1),
    ("really bad", 1),
    ("awful", 1),
    ("terrible", 1),
    ("horrible", 1),
    ("miserable", 1),
    ("rubbish", 1),
    ("crap", 1),
    ("shit", 1),
    ("poor", 2),
    ("dreadful", 1),
    ("not good at all", 1),
    ("unhappy", 2),
    ("bad", 2),
    ("not good", 2),
    ("not great", 2),
    ("not happy", 2),
    ("not very happy", 2),
    ("not ok", 2),
    ("not okay", 2),
    ("upset", 2),
    // How people say they feel about being heard is often not happy or sad: "frustrated",
    // "ignored", "listened to". Strong words are the scale's end.
    ("furious", 1),
    ("livid", 1),
    ("ignored", 1),
    ("invisible", 1),
    ("fobbed off", 1),
    ("let down", 1),
    ("hopeless", 1),
    ("devastated", 1),
    ("not listened to", 1),
    ("dont feel listened to", 1),
    ("never listened to", 1),
    ("not heard", 1),
    ("dont feel heard", 1),
    ("havent been heard", 1),
    ("havent been listened to", 1),
    ("nobody listens", 1),
    ("no one listens", 1),
    ("angry", 2),
    ("cross", 2),
    ("annoyed", 2),
    ("frustrated", 2),
    ("frustrating", 2),
    ("fed up", 2),
    ("disappointed", 2),
    ("worried", 2),
    ("anxious", 2),
    ("stressed", 2),
    ("scared", 2),
    ("lonely", 2),
    ("not very listened to", 2),
    ("ok", 3),
    ("okay", 3),
    ("alright", 3),
    ("all right", 3),
    ("fine", 3),
    ("meh", 3),
    ("so so", 3),
    ("not bad", 3),
    ("average", 3),
    ("in between", 3),
    ("mixed", 3),
    ("good", 4),
    ("pretty good", 4),
    ("quite happy", 4),
    ("pleased", 4),
    ("listened to", 4),
    ("feel heard", 4),
    ("felt heard", 4),
    ("valued", 4),
    ("supported", 4),
    ("respected", 4),
    ("relieved", 4),
    ("grateful", 4),
    ("really listened to", 5),
    ("really heard", 5),
    ("very good", 5),
    ("really happy", 5),
    ("really good", 5),
    ("great", 5),
    ("brilliant", 5),
    ("excellent", 5),
    ("amazing", 5),
    ("fantastic", 5),
    ("bardzo smutny", 1),
    ("bardzo smutna", 1),
    ("fatalnie", 1),
    ("okropnie", 1),
    ("smutny", 2),
    ("zły", 2),
    ("zła", 2),
    ("zdenerwowany", 2),
    ("zdenerwowana", 2),
    ("sfrustrowany", 2),
    ("sfrustrowana", 2),
    ("wkurzony", 2),
    ("wkurzona", 2),
    ("rozczarowany", 2),
    ("rozczarowana", 2),
    ("ignorowany", 1),
    ("ignorowana", 1),
    ("wysłuchany", 4),
    ("wysłuchana", 4),
    ("smutna", 2),
    ("słabo", 2),
    ("niedobrze", 2),
    ("średnio", 3),
    ("okej", 3),
    ("w porządku", 3),
    ("szczęśliwy", 4),
    ("szczęśliwa", 4),
    ("zadowolony", 4),
    ("zadowolona", 4),
    ("bardzo szczęśliwy", 5),
    ("bardzo szczęśliwa", 5),
    ("świetnie", 5),
    ("super", 5),
    ("سيء جدا", 1),
    ("جيد جدا", 5),
    ("لست سعيدا", 2),
    ("لست سعيده", 2),
    ("مش مبسوط", 2),
    ("مش مبسوطه", 2),
    ("حزينة جدا", 1),
    ("سيء", 2),
    ("حزينة", 2),
    ("حزين", 2),
    ("غاضب", 2),
    ("غاضبة", 2),
    ("محبط", 2),
    ("محبطة", 2),
    ("متضايق", 2),
    ("متضايقة", 2),
    ("مهمل", 1),
    ("مهملة", 1),
    ("عادي", 3),
    ("مقبول", 3),
    ("سعيدة", 4),
    ("جيد", 4),
    ("سعيدة جدا", 5),
    ("ممتاز", 5),
    ("رائع", 5),
];

/// Words that turn a feeling round ("not sad"), unless a phrase takes them ("not bad").
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent", "wont",
    "aint", "havent", "hasnt", "cant", "nobody", "noone", "nie", "لا", "ليس", "مش",
];

/// Words between a negation and what it denies: "not very good", "don't really agree".
const INTENSIFIERS: &[&str] = &[
    "very", "really", "that", "so", "too", "all", "quite", "totally",
];

/// Faces sent alone: 😢 is 1, 🙁 2, 😐 3, 🙂 4, 😀 5.
const FEELING_EMOJI: &[(char, u8)] = &[
    ('😭', 1),
    ('💩', 1),
    ('🤬', 1),
    ('😢', 1),
    ('😞', 1),
    ('😩', 1),
    ('😫', 1),
    ('😖', 1),
    ('😣', 1),
    ('😡', 1),
    ('😠', 1),
    ('💔', 1),
    ('🙁', 2),
    ('☹', 2),
    ('😟', 2),
    ('😕', 2),
    ('😔', 2),
    ('😒', 2),
    ('😐', 3),
    ('😑', 3),
    ('😶', 3),
    ('🤷', 3),
    ('🙂', 4),
    ('😊', 4),
    ('☺', 4),
    ('👍', 4),
    ('😀', 5),
    ('😃', 5),
    ('😄', 5),
    ('😁', 5),
    ('😆', 5),
    ('😍', 5),
    ('🥰', 5),
    ('🤩', 5),
    ('🥳', 5),
    ('❤', 5),
    ('💖', 5),
];

fn feeling_phrases(locale: Locale) -> Phrases<u8> {
    let mut phrases = Phrases::new();
    for l in locales_from(locale) {
        for n in 1..=5 {
            phrases.add(&i18n::feelings_word(l, n), n);
        }
    }
    for (phrase, n) in FEELING_WORDS {
        phrases.add(phrase, *n);
    }
    phrases.sorted()
}

fn feeling(text: &str, words: &[String], locale: Locale) -> Reply {
    let reply = |n: u8| Feeling::new(n).map_or(Reply::Unclear, Reply::Feeling);
    if let Some(n) = emoji_feeling(text) {
        return reply(n);
    }
    if words.is_empty() {
        return Reply::Unclear;
    }
    if is_skip(words) {
        return Reply::Skip;
    }
    let phrases = feeling_phrases(locale);
    let words = &unhedged(words);
    if let Some((n, suffix, rest)) = leading_number(words) {
        // "4/5", "4 out of 5", "4 na 5", "4 out of 5 I guess": the scale's end goes, what
        // follows must agree.
        // "8/10", "7 out of 10": a mark out of ten, halved onto the scale (9 and 10 are 5).
        let (n, rest): (u32, Vec<&str>) = match rest.as_slice() {
            ["out", "of", "10", more @ ..]
            | ["of", "10", more @ ..]
            | ["na", "10", more @ ..]
            | ["10", more @ ..]
                if n <= 10 =>
            {
                (n.div_ceil(2).max(1), more.to_vec())
            }
            ["out", "of", "5", more @ ..] | ["of", "5", more @ ..] | ["na", "5", more @ ..] => {
                (n, more.to_vec())
            }
            ["5", more @ ..] => (n, more.to_vec()),
            _ => (n, rest),
        };
        return match u8::try_from(n) {
            Ok(n @ 1..=5) if suffix == Suffix::None && agrees(&phrases, &rest, &n) => reply(n),
            _ => Reply::Unclear,
        };
    }
    if words.len() > MAX_SCAN_WORDS {
        return Reply::Unclear;
    }
    let (found, other) = phrases.scan(words);
    match found.as_slice() {
        [n] if !other.iter().any(|w| NEGATIONS.contains(w)) => reply(*n),
        _ => Reply::Unclear,
    }
}

/// Words that soften a number on a scale without changing it: "about a 2", "maybe 3",
/// "2ish", "około 3", "ربما 2".
const HEDGES: &[&str] = &[
    "about",
    "around",
    "roughly",
    "approximately",
    "approx",
    "abt",
    "maybe",
    "probably",
    "prob",
    "perhaps",
    "possibly",
    "like",
    "ish",
    "około",
    "może",
    "chyba",
    "raczej",
    "jakieś",
    "حوالي",
    "ربما",
    "تقريبا",
];

/// `words` without the hedges before a number on a scale, or the "ish" after one.
fn unhedged(words: &[String]) -> Vec<String> {
    let start = words
        .iter()
        .position(|w| !HEDGES.contains(&w.as_str()) && !is_filler(w))
        .unwrap_or(words.len());
    let hedged = start > 0 && words.get(start).is_some_and(|w| number(w).is_some());
    let mut kept: Vec<String> = words[if hedged { start } else { 0 }..].to_vec();
    if let Some(first) = kept.first_mut() {
        if let Some(n) = first.strip_suffix("ish").filter(|n| number(n).is_some()) {
            *first = n.to_owned();
        } else if kept.get(1).is_some_and(|w| w == "ish") && number(&kept[0]).is_some() {
            kept.remove(1);
        }
    }
    kept
}

/// The feeling a message of faces alone shows, if they agree.
fn emoji_feeling(text: &str) -> Option<u8> {
    // Stars are a rating: "⭐⭐⭐" is 3.
    let stars = text
        .chars()
        .filter(|c| matches!(c, '⭐' | '🌟' | '★'))
        .count();
    if stars > 0
        && text
            .chars()
            .all(|c| matches!(c, '⭐' | '🌟' | '★' | '\u{FE0F}') || c.is_whitespace())
    {
        return u8::try_from(stars).ok().filter(|n| (1..=5).contains(n));
    }
    let mut found = None;
    for c in text.chars() {
        if let Some((_, n)) = FEELING_EMOJI.iter().find(|(e, _)| *e == c) {
            if found.is_some_and(|f| f != *n) {
                return None;
            }
            found = Some(*n);
        } else if c.is_alphanumeric() {
            return None;
        }
    }
    found
}

// ---------------------------------------------------------------------------------------
// Area

/// Words around a place: "I live in EX4", "we are near Exeter".
const AREA_FILLERS: &[&str] = &[
    "live",
    "living",
    "lives",
    "in",
    "we",
    "are",
    "near",
    "at",
    "from",
    "im",
    "am",
    "area",
    "mieszkam",
    "mieszkamy",
    "w",
    "blisko",
    "اسكن",
    "في",
    "انا",
];

/// Being outside the authority's area, `{}` standing for its name ("devon").
const OUTSIDE_THE_AREA: &[&str] = &[
    "outside {}",
    "outside of {}",
    "out of {}",
    "not in {}",
    "not {}",
    "not from {}",
    "not living in {}",
    "dont live in {}",
    "i dont live in {}",
    "we dont live in {}",
    "poza {}",
    "nie w {}",
];

const OUTSIDE_WORDS: &[&str] = &[
    "outside",
    "out of county",
    "somewhere else",
    "elsewhere",
    "not in the area",
    "poza",
    "gdzie indziej",
    "خارج",
];

const UNDISCLOSED_WORDS: &[&str] = &[
    "prefer not to say",
    "id prefer not to say",
    "rather not say",
    "id rather not say",
    "i would rather not say",
    "not saying",
    "not telling",
    "not telling you",
    "im not telling",
    "im not saying",
    "i wont say",
    "wont say",
    "not gonna say",
    "i dont want to say",
    "dont want to say",
    "rather not tell",
    "id rather not tell",
    "none of your business",
    "private",
    "prefer not",
    "rather not",
    "wole nie mowic",
    "wole nie",
    "nie powiem",
    "افضل الا اقول",
    "افضل عدم القول",
];

fn area(text: &str, words: &[String], choices: &[AreaId], areas: &Areas, locale: Locale) -> Reply {
    // Outside and prefer-not-to-say, by their names or in other words.
    let mut phrases: Phrases<AreaId> = Phrases::new();
    for special in [areas.outside(), areas.undisclosed()] {
        if !choices.contains(&special) {
            continue;
        }
        for l in locales_from(locale) {
            phrases.add(areas.name(&special, l.tag()), special.clone());
        }
        let others = if special == areas.outside() {
            OUTSIDE_WORDS
        } else {
            UNDISCLOSED_WORDS
        };
        for w in others {
            phrases.add(w, special.clone());
        }
        // A county or city over the border alone ("Cornwall", "I live in Somerset"), or
        // the authority's own area denied ("not in Devon").
        if special == areas.outside() {
            for w in areas.neighbours() {
                phrases.add(w, special.clone());
            }
            for pattern in OUTSIDE_THE_AREA {
                phrases.add(&pattern.replace("{}", areas.place_name()), special.clone());
            }
        }
    }
    let phrases = phrases.sorted();
    let (found, other) = phrases.scan(words);
    let only_fillers = other
        .iter()
        .all(|w| is_filler(w) || AREA_FILLERS.contains(w));
    if let ([one], true) = (found.as_slice(), only_fillers) {
        return Reply::Area(one.clone());
    }
    if is_skip(words) {
        return Reply::Skip;
    }
    let named = |t: &str| areas.find_place(t).filter(|id| choices.contains(id));
    if let Some((n, suffix, rest)) = leading_number(words) {
        if suffix == Suffix::None {
            let chosen = (n as usize)
                .checked_sub(1)
                .and_then(|i| choices.get(i))
                .cloned();
            if let Some(id) = chosen {
                let rest_names = named(&rest.join(" "));
                return if rest_names.is_none_or(|r| r == id) {
                    Reply::Area(id)
                } else {
                    Reply::Unclear
                };
            }
        }
    }
    if denies_a_place(words, areas) {
        return Reply::Unclear;
    }
    // "I live in Exeter but his school is in Crediton": where they live is the answer.
    if let Some(id) = areas
        .find_place_lived_in(text)
        .filter(|id| choices.contains(id))
    {
        return Reply::Area(id);
    }
    if let Some(id) = named(text) {
        return Reply::Area(id);
    }
    match postcode(text, areas) {
        Some(PostcodeLookup::Found(id)) => Reply::Area(id),
        Some(PostcodeLookup::Ambiguous(ids)) => Reply::AreaAmbiguous(ids),
        _ => {
            // "north" for North Devon; then a name one letter out ("Barnstable").
            let own: Vec<&str> = words
                .iter()
                .map(String::as_str)
                .filter(|w| !is_filler(w) && !AREA_FILLERS.contains(w))
                .collect();
            // "not in Exeter" is no place; a guess at a misspelling would make it one.
            if own.iter().any(|w| NEGATIONS.contains(w)) {
                return Reply::Unclear;
            }
            // "Launceston in Cornwall": a place we do not know, in a county over the border.
            // "near Plymouth" may be this side of it, so is asked again.
            if let [one] = found.as_slice() {
                if *one == areas.outside() && !own.iter().any(|w| Areas::AROUND.contains(w)) {
                    return Reply::Area(one.clone());
                }
            }
            let shortened = match own.as_slice() {
                [one] => areas.district_by_first_word(one),
                _ => None,
            };
            shortened
                .or_else(|| areas.find_place_misspelt(&own.join(" ")))
                .filter(|id| choices.contains(id))
                .map_or(Reply::Unclear, Reply::Area)
        }
    }
}

/// "not Exeter", "we don't live in Tiverton any more": a place said only to deny it.
fn denies_a_place(words: &[String], areas: &Areas) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        if !NEGATIONS.contains(&w.as_str()) {
            return false;
        }
        let after: Vec<&str> = words[i + 1..]
            .iter()
            .map(String::as_str)
            .skip_while(|w| matches!(*w, "in" | "from" | "at" | "near" | "live" | "living"))
            .collect();
        // The place must start at the word after the negation: "not sure, Exeter" is Exeter.
        let postcode = (1..=after.len().min(2)).any(|n| {
            matches!(
                areas.lookup_postcode(&after[..n].join(" ")),
                PostcodeLookup::Found(_)
            )
        });
        postcode || areas.place_at_start(&after).is_some()
    })
}

/// Looks up the whole message as a postcode, then each pair of words (a full postcode),
/// then each word; the first that places someone wins.
fn postcode(text: &str, areas: &Areas) -> Option<PostcodeLookup> {
    let placed =
        |l: &PostcodeLookup| matches!(l, PostcodeLookup::Found(_) | PostcodeLookup::Ambiguous(_));
    let whole = areas.lookup_postcode(text);
    if placed(&whole) {
        return Some(whole);
    }
    let words: Vec<&str> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && w.len() <= 4)
        .collect();
    let pairs = words.windows(2).map(|p| format!("{} {}", p[0], p[1]));
    let singles = words
        .iter()
        .filter(|w| {
            w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(|c| c.is_ascii_alphabetic())
        })
        .map(|w| (*w).to_owned());
    pairs
        .chain(singles)
        .map(|candidate| areas.lookup_postcode(&candidate))
        .find(placed)
}

// ---------------------------------------------------------------------------------------
// Group

const GROUP_WORDS: &[(&str, RespondentGroup)] = {
    use RespondentGroup::*;
    &[
        ("parent", ParentCarer),
        ("parents", ParentCarer),
        ("parent carer", ParentCarer),
        ("mum", ParentCarer),
        ("mom", ParentCarer),
        ("mummy", ParentCarer),
        ("mother", ParentCarer),
        ("dad", ParentCarer),
        ("daddy", ParentCarer),
        ("father", ParentCarer),
        ("step mum", ParentCarer),
        ("stepmum", ParentCarer),
        ("stepdad", ParentCarer),
        ("carer", ParentCarer),
        ("caregiver", ParentCarer),
        ("care giver", ParentCarer),
        ("guardian", ParentCarer),
        ("special guardian", ParentCarer),
        ("foster carer", ParentCarer),
        ("foster parent", ParentCarer),
        ("kinship carer", ParentCarer),
        ("grandparent", ParentCarer),
        ("gran", ParentCarer),
        ("grandma", ParentCarer),
        ("granny", ParentCarer),
        ("nan", ParentCarer),
        ("nana", ParentCarer),
        ("grandad", ParentCarer),
        ("grandpa", ParentCarer),
        ("grandparents", ParentCarer),
        ("grandmother", ParentCarer),
        ("grandfather", ParentCarer),
        ("granddad", ParentCarer),
        ("grampy", ParentCarer),
        ("nanny", ParentCarer),
        ("step dad", ParentCarer),
        ("stepmother", ParentCarer),
        ("stepfather", ParentCarer),
        ("aunt", ParentCarer),
        ("auntie", ParentCarer),
        ("aunty", ParentCarer),
        ("uncle", ParentCarer),
        ("kinship", ParentCarer),
        ("special guardianship", ParentCarer),
        ("my child", ParentCarer),
        ("my children", ParentCarer),
        ("my kid", ParentCarer),
        ("my kids", ParentCarer),
        ("my son", ParentCarer),
        ("my daughter", ParentCarer),
        ("my grandson", ParentCarer),
        ("my granddaughter", ParentCarer),
        ("my grandchild", ParentCarer),
        ("my grandchildren", ParentCarer),
        ("my grandkids", ParentCarer),
        ("my nephew", ParentCarer),
        ("my niece", ParentCarer),
        ("my stepson", ParentCarer),
        ("my stepdaughter", ParentCarer),
        ("my foster son", ParentCarer),
        ("my foster daughter", ParentCarer),
        ("i look after", ParentCarer),
        ("i care for", ParentCarer),
        ("mój wnuk", ParentCarer),
        ("moja wnuczka", ParentCarer),
        ("wnuka", ParentCarer),
        ("wnuczki", ParentCarer),
        ("حفيدي", ParentCarer),
        ("حفيدتي", ParentCarer),
        ("rodzic", ParentCarer),
        ("mama", ParentCarer),
        ("tata", ParentCarer),
        ("matka", ParentCarer),
        ("ojciec", ParentCarer),
        ("opiekun", ParentCarer),
        ("opiekunka", ParentCarer),
        ("babcia", ParentCarer),
        ("dziadek", ParentCarer),
        ("moje dziecko", ParentCarer),
        ("mój syn", ParentCarer),
        ("moja córka", ParentCarer),
        ("والد", ParentCarer),
        ("والدة", ParentCarer),
        ("أم", ParentCarer),
        ("أب", ParentCarer),
        ("ولي أمر", ParentCarer),
        ("مقدم رعاية", ParentCarer),
        ("young person", YoungPerson),
        ("young people", YoungPerson),
        ("young carer", YoungPerson),
        ("teen", YoungPerson),
        ("teenager", YoungPerson),
        ("student", YoungPerson),
        ("pupil", YoungPerson),
        ("at college", YoungPerson),
        ("at school", YoungPerson),
        ("in sixth form", YoungPerson),
        ("at sixth form", YoungPerson),
        ("youth", YoungPerson),
        ("młoda osoba", YoungPerson),
        ("nastolatek", YoungPerson),
        ("nastolatka", YoungPerson),
        ("uczeń", YoungPerson),
        ("uczennica", YoungPerson),
        ("شاب", YoungPerson),
        ("شابة", YoungPerson),
        ("مراهق", YoungPerson),
        ("مراهقة", YoungPerson),
        ("طالب", YoungPerson),
        ("طالبة", YoungPerson),
        ("child", Child),
        ("kid", Child),
        ("dziecko", Child),
        ("طفل", Child),
        ("طفلة", Child),
        ("professional", Professional),
        ("teacher", Professional),
        ("head teacher", Professional),
        ("headteacher", Professional),
        ("teaching assistant", Professional),
        // "ta" alone is thanks; "a TA" is a teaching assistant.
        ("a ta", Professional),
        ("senco", Professional),
        ("social worker", Professional),
        ("support worker", Professional),
        ("key worker", Professional),
        ("worker", Professional),
        ("staff", Professional),
        ("nurse", Professional),
        ("doctor", Professional),
        ("therapist", Professional),
        ("practitioner", Professional),
        ("health visitor", Professional),
        ("childminder", Professional),
        ("paediatrician", Professional),
        ("psychologist", Professional),
        ("counsellor", Professional),
        ("gp", Professional),
        ("lsa", Professional),
        ("learning support assistant", Professional),
        ("early years practitioner", Professional),
        ("work with children", Professional),
        ("work at a school", Professional),
        ("work in a school", Professional),
        ("work at his school", Professional),
        ("work at her school", Professional),
        ("work at their school", Professional),
        ("work at the school", Professional),
        ("work in schools", Professional),
        ("work at a college", Professional),
        ("work at a nursery", Professional),
        ("work in a nursery", Professional),
        ("work with kids", Professional),
        ("work with young people", Professional),
        ("nauczyciel", Professional),
        ("nauczycielka", Professional),
        ("terapeuta", Professional),
        ("pielęgniarka", Professional),
        ("lekarz", Professional),
        ("pracuję z dziećmi", Professional),
        ("معلم", Professional),
        ("معلمة", Professional),
        ("مدرس", Professional),
        ("مدرسة", Professional),
        ("ممرض", Professional),
        ("ممرضة", Professional),
        ("طبيب", Professional),
        ("أعمل مع الأطفال", Professional),
    ]
};

/// Someone else's role ("my mum is helping me"): says nothing about who is answering,
/// so these are read and set aside.
const SOMEONE_ELSE: &[&str] = &[
    "my mum",
    "my mom",
    "my mother",
    "my dad",
    "my father",
    "my parent",
    "my parents",
    "my carer",
    "my carers",
    "my foster carer",
    "my foster carers",
    "my foster parents",
    "my guardian",
    "my nan",
    "my nanny",
    "my gran",
    "my grandma",
    "my grandad",
    "my granddad",
    "my grandpa",
    "my grampy",
    "my grandmother",
    "my grandfather",
    "my grandparents",
    "my step dad",
    "my stepdad",
    "my step mum",
    "my stepmum",
    "my stepmother",
    "my stepfather",
    "my aunt",
    "my auntie",
    "my aunty",
    "my uncle",
    "my teacher",
    "my social worker",
    "my support worker",
    "moja mama",
    "mój tata",
    "moi rodzice",
    "mój opiekun",
    "moja opiekunka",
    "mój nauczyciel",
    "moja nauczycielka",
];

fn group_phrases(locale: Locale) -> Phrases<Option<RespondentGroup>> {
    let mut phrases = Phrases::new();
    for l in locales_from(locale) {
        for g in RespondentGroup::ALL {
            phrases.add(&i18n::group_label(l, g), Some(g));
        }
    }
    for phrase in SOMEONE_ELSE {
        phrases.add(phrase, None);
    }
    for (phrase, g) in GROUP_WORDS {
        phrases.add(phrase, Some(*g));
    }
    // "I'd rather not say" declines the group question as it declines the area one.
    for phrase in UNDISCLOSED_WORDS {
        phrases.add(phrase, Some(RespondentGroup::PreferNotToSay));
    }
    phrases.sorted()
}

/// The school year in "year 9", "yr 9", "y9", "year9", unless it is an age ("9 year old"
/// has the number first).
fn school_year(words: &[String]) -> Option<u32> {
    let year_of = |n: u32| RespondentGroup::from_school_year(n).map(|_| n);
    words.iter().enumerate().find_map(|(i, w)| {
        let glued = ["year", "yr", "y"].iter().find_map(|p| {
            w.strip_prefix(p)
                .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        });
        if let Some(rest) = glued {
            return rest.parse().ok().and_then(year_of);
        }
        if !matches!(w.as_str(), "year" | "yr") {
            return None;
        }
        let next = words.get(i + 1)?;
        match number(next)? {
            (n, Suffix::None) => year_of(n),
            _ => None,
        }
    })
}

/// The one group roles name, parents and professionals outranking children and young
/// people ("a parent of a child").
fn named_group(found: &[RespondentGroup]) -> Option<RespondentGroup> {
    use RespondentGroup::*;
    let adult = found
        .iter()
        .any(|g| matches!(g, ParentCarer | Professional));
    let left: Vec<_> = found
        .iter()
        .filter(|g| !(adult && matches!(g, Child | YoungPerson)))
        .collect();
    match left.as_slice() {
        [one] => Some(**one),
        _ => None,
    }
}

fn group(words: &[String], locale: Locale) -> Reply {
    let phrases = group_phrases(locale);
    // Role words are specific enough to find in a longer message.
    if words.len() <= 3 * MAX_SCAN_WORDS {
        let found: Vec<RespondentGroup> = phrases.scan(words).0.into_iter().flatten().collect();
        if !found.is_empty() {
            return named_group(&found).map_or(Reply::Unclear, Reply::Group);
        }
    }
    if is_skip(words) {
        return Reply::Skip;
    }
    if let Some(group) = school_year(words).and_then(RespondentGroup::from_school_year) {
        return Reply::Group(group);
    }
    let age_context = words.iter().any(|w| AGE_WORDS.contains(&w.as_str()));
    let numbers: Vec<(u32, Suffix)> = words.iter().filter_map(|w| number(w)).collect();
    if let [(n, suffix)] = numbers.as_slice() {
        if age_context || *suffix == Suffix::Age {
            return RespondentGroup::from_age(*n).map_or(Reply::Unclear, Reply::Group);
        }
    }
    if let Some((n, Suffix::None, rest)) = leading_number(words) {
        if !rest.is_empty() {
            return Reply::Unclear;
        }
        let listed = (n as usize)
            .checked_sub(1)
            .and_then(|i| RespondentGroup::ALL.get(i));
        return match listed {
            Some(g) => Reply::Group(*g),
            // One digit past the list is a slip of the thumb, asked again; more is an age.
            None if n < 10 => Reply::Unclear,
            None => RespondentGroup::from_age(n).map_or(Reply::Unclear, Reply::Group),
        };
    }
    Reply::Unclear
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consultation_keyword() {
        assert!(is_consultation_keyword("views", "VIEWS"));
        assert!(is_consultation_keyword(" Views! ", "VIEWS"));
        assert!(!is_consultation_keyword("my views", "VIEWS"));
        assert!(!is_consultation_keyword("", ""));
    }

    #[test]
    fn normalises() {
        assert_eq!(normalise("Don’t KNOW!"), "dont know ");
        assert_eq!(normalise("Pięć, ŻÓŁW"), "piec  zolw");
        assert_eq!(normalise("٢"), "2");
        assert_eq!(normalise("ثلاثة"), "ثلاثه");
        assert_eq!(normalise("أُمّ"), "ام");
    }

    #[test]
    fn numbers() {
        assert_eq!(number("2"), Some((2, Suffix::None)));
        assert_eq!(number("02"), Some((2, Suffix::None)));
        assert_eq!(number("2nd"), Some((2, Suffix::Ordinal)));
        assert_eq!(number("15yo"), Some((15, Suffix::Age)));
        assert_eq!(number(&normalise("pięć")), Some((5, Suffix::None)));
        assert_eq!(number(&normalise("خمسة")), Some((5, Suffix::None)));
        assert_eq!(number("ex4"), None);
        assert_eq!(number("4ex"), None);
        assert_eq!(number("1234"), None);
    }

    #[test]
    fn area_choices_are_districts_then_the_others() {
        let areas = Areas::devon();
        let ids: Vec<String> = area_choices(&areas).iter().map(|a| a.to_string()).collect();
        assert_eq!(ids.len(), 10);
        assert_eq!(ids[0], "east-devon");
        assert_eq!(ids[8], "outside-devon");
        assert_eq!(ids[9], "prefer-not-to-say");
    }

    #[test]
    fn declining_reads_the_same_for_area_and_group() {
        let areas = Areas::devon();
        let choices = area_choices(&areas);
        for phrase in UNDISCLOSED_WORDS {
            let words = tokens(phrase);
            assert_eq!(
                group(&words, Locale::EN_GB),
                Reply::Group(RespondentGroup::PreferNotToSay),
                "{phrase:?}"
            );
            assert_eq!(
                area(phrase, &words, &choices, &areas, Locale::EN_GB),
                Reply::Area(areas.undisclosed()),
                "{phrase:?}"
            );
        }
    }

    #[test]
    fn every_phrase_list_normalises_to_words() {
        for list in [
            SKIPS,
            UNSURE,
            FILLERS,
            AGE_WORDS,
            OUTSIDE_WORDS,
            UNDISCLOSED_WORDS,
        ] {
            for phrase in list {
                assert!(!tokens(phrase).is_empty(), "{phrase:?}");
            }
        }
    }
}
