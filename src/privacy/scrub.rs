//! The scrubber: takes personal details out of free text before the store sees it.
//!
//! Every free-text answer, whatever the channel, goes through [`scrub`]; the store
//! only accepts a [`ScrubbedText`]. What is removed, and the plain marker left in
//! its place:
//!
//! | what | marker |
//! | --- | --- |
//! | UK phone numbers in any common layout (also `44` and the number without its `0`, and said in words: `oh seven seven double oh nine ...`), and `+`/`00` international numbers | `[phone number removed]` |
//! | email addresses, also `jo dot smith at example dot com`, `jo underscore smith at gmail`, `jo.smith at example.com` | `[email removed]` |
//! | full UK postcodes | the outward code (see below) |
//! | NHS numbers (10 digits passing the mod-11 check, or any 10 digits after "NHS number") | `[NHS number removed]` |
//! | unique pupil numbers (a letter and 12 characters, or after "UPN") | `[pupil number removed]` |
//! | National Insurance numbers | `[NI number removed]` |
//! | case, EHCP, claim, hospital and other references with four digits or more ("case ref 123456", "case 2023/SEN/1187", "EHCP-55310"), passport, ULN and driving licence numbers, payment card numbers (Luhn-checked), bank sort codes and account numbers, car registrations | `[reference removed]` |
//! | dates with a year, unless something happened on them ("we met the panel on 14 February 2024"), and any date after "born", "DOB", "birthday" (also in words: "the twelfth of March twenty fifteen"); a year alone is kept, as an age is | `[date of birth removed]` |
//! | street addresses (house number + street + Road/Lane/Close/...; a number and a name after "we live at"; a house name before its street or its town: "Rosewood Cottage, Hatherleigh"; "our house is called Penhallow"; "the last one on Station Lane") | `[address removed]` |
//! | web links, and social-media and gaming handles (`@jo_smith`, `snap: jo.smith22`, `jake#1234`) | `[link removed]` |
//! | people's names | `[name removed]` |
//!
//! **Postcodes.** A full postcode is replaced by its outward code alone:
//! `EX4 6PX` becomes `EX4`. The outward code names a district of thousands of
//! homes, which is what the service needs for "whose voices are missing, area by
//! area", and a bare `EX4 [postcode removed]` reads clumsily. The removal is still
//! recorded (see [`scrub_report`]). `[postcode removed]` is only written where
//! something introduced as a postcode has no recognisable outward code
//! ("postcode: QX9 9ZZ" is malformed, so all of it goes).
//!
//! **Helplines stay.** Freephone 0800/0808 numbers (Childline 0800 1111), UK-wide 03 and
//! business-rate 084/087 numbers (a council's switchboard, a charity's line), 999, 111 and
//! 116 123 are organisations', not a person's, and are left alone.
//!
//! **Names.** Bundled lists (`data/names/`, loaded with `include_str!`, looked up
//! in lower case without accents, so "Zoë" is the listed "zoe") drive three tiers:
//! 1. a capitalised listed given name that is no ordinary word ("Oliver",
//!    "Aisha", also "OLIVER" and lower-case "sophie") is removed anywhere, with a
//!    capitalised word after it taken as the surname ("Sophie Blackwood");
//! 2. a given name that is also a word, month or place ("Will", "May", "Grace",
//!    "Amber", "Devon") is removed only when context makes it a name: "I'm",
//!    "hi", "thanks", "ring", "called"; a known surname after it ("Grace
//!    Thompson"); an age or condition after it ("Ruby (8)", "Hope has autism");
//!    a possessive owning a person's things ("Jack's dad"); a list with a sure
//!    name ("Oliver and Will");
//! 3. any capitalised word that is not a known non-name (places, services, days,
//!    school words) is removed after a phrase that introduces a person: "my name
//!    is", "my son", "my daughter, ", "a girl called", "named", a title ("Mrs",
//!    "Dr", "Mx"; the title itself is kept: "Mrs [name removed]"), with up to
//!    three initials before the surname ("Mrs J R Smith", "Mr A. B. Jones"); a
//!    family word written as a title takes a listed name or a non-word ("Aunty
//!    Sue", "love from Nan (Pat)");
//! 4. a capitalised word that is neither listed, nor a known non-name, nor an
//!    English word (`data/words/english.txt`) is removed where only a person
//!    fits: before what a person does ("Bartek is non verbal", "Nevaeh has no
//!    friends"), after what is done to one ("bullied by Zuzanna", "I play with
//!    Oskar"), after a greeting, a sign-off or "text"/"call" ("Thanks, Kasia"),
//!    with an age, or owning a person's things ("Tymek's mum"), with a
//!    first name or names listed before it ("Bartek Nowak", "Bartek and Zofia
//!    are"). After "at", "in", "from" and the like it is a place ("at Killerton").
//!    Before a word for a family ("the Nowak twins"), such a word or a known
//!    surname goes too ("the Smith family"), and so do initials and a surname
//!    after a sign-off ("Yours sincerely, M. Thompson").
//!
//! Place names and services that contain a given name ("Bovey Tracey",
//! "St Thomas", "Marks and Spencer", "Williams syndrome") are protected.
//!
//! **Known gaps.** An unlisted name with no context that only a person fits
//! ("see Bartek"), a word-name in lower case with no context ("jack hit me"), a
//! house name alone or a street with no number and no "we live at" or "our house is", and
//! numbers said with "hundred" or "thousand" ("oh seven seven hundred") are not
//! caught. Tier 4 takes a brand or place no list knows for a name before "is"
//! ("Zumba was fun").
//!
//! The scrubber leans towards removing: a stray false positive costs a word of a
//! view, a miss leaks a child's details. It never panics, and every pattern runs
//! on the `regex` crate, whose matching is linear in the input.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

/// Free text with personal details taken out. The store accepts no other kind of text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct ScrubbedText(String);

impl ScrubbedText {
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn into_string(self) -> String {
        self.0
    }
    /// Text read back from the store, which only ever held scrubbed text.
    pub(crate) fn from_store(s: String) -> ScrubbedText {
        ScrubbedText(s)
    }
}

impl fmt::Display for ScrubbedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The kind of each personal detail the scrubber took out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Removed {
    Phone,
    Email,
    Postcode,
    NhsNumber,
    PupilNumber,
    NiNumber,
    Reference,
    DateOfBirth,
    Address,
    Link,
    Name,
}

impl Removed {
    /// The marker left in the text. Full postcodes are an exception: they are
    /// replaced by their outward code (see the module documentation).
    pub fn marker(self) -> &'static str {
        match self {
            Removed::Phone => "[phone number removed]",
            Removed::Email => "[email removed]",
            Removed::Postcode => "[postcode removed]",
            Removed::NhsNumber => "[NHS number removed]",
            Removed::PupilNumber => "[pupil number removed]",
            Removed::NiNumber => "[NI number removed]",
            Removed::Reference => "[reference removed]",
            Removed::DateOfBirth => "[date of birth removed]",
            Removed::Address => "[address removed]",
            Removed::Link => "[link removed]",
            Removed::Name => "[name removed]",
        }
    }
}

/// Scrub free text: see the module documentation for what goes.
pub fn scrub(input: &str) -> ScrubbedText {
    scrub_report(input).0
}

/// [`scrub`], knowing the writer's own name from elsewhere (an email's From): its words are
/// taken as given names even when no list holds them ("Kerenza", "Tremayne"), so they go
/// wherever a name would, with a surname after them. Words that are also ordinary English
/// or known non-names are left to the lists, so a "Will" or a "Field" is not taken
/// out of every sentence.
pub fn scrub_knowing(input: &str, own_name: &[String]) -> ScrubbedText {
    let own: Vec<String> = own_name.iter().map(|w| fold(w)).collect();
    let scrubbed = scrub_passes(input, &own).0;
    if own.is_empty() {
        return scrubbed;
    }
    ScrubbedText(without_own_name(scrubbed.as_str(), &own))
}

/// The writer's own name wherever it is written with a capital ("Thanks, Rob", "Will
/// Field is my name"), and in lower case where it is no English word. Taking words out of
/// scrubbed text leaves it scrubbed; a name beside a removed one joins its marker.
fn without_own_name(text: &str, own: &[String]) -> String {
    let marker = Removed::Name.marker();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // Words inside a marker ("[name removed]") are the scrubber's own.
    let mut in_marker = false;
    while let Some(m) = WORD.find(rest) {
        let (before, word) = (&rest[..m.start()], m.as_str());
        for c in before.chars() {
            match c {
                '[' => in_marker = true,
                ']' => in_marker = false,
                _ => {}
            }
        }
        let key = fold(word);
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let english = NAMES.is_english(&key);
        // "Will you ring me?", "May I ask": a word that is also the writer's name, capital
        // only for starting a sentence, before what a verb or a determiner comes before.
        let sentence_word = english
            && starts_sentence(&out, before)
            && SENTENCE_WORD_AFTER.is_match(&rest[m.end()..]);
        let own_word = !in_marker && own.contains(&key) && (capital || !english) && !sentence_word;
        // "[name removed] Pearce": one name, one marker.
        let joins_marker = out.ends_with(marker) && (before == " " || before.is_empty());
        if !(own_word && joins_marker) {
            out.push_str(before);
            out.push_str(if own_word { marker } else { word });
        }
        rest = &rest[m.end()..];
    }
    out.push_str(rest);
    out
}

/// Whether a word after `out` and then `between` starts a sentence or a line.
fn starts_sentence(out: &str, between: &str) -> bool {
    if between.contains('\n') {
        return true;
    }
    let tail = if between.trim().is_empty() {
        out
    } else {
        between
    };
    let tail = tail.trim_end_matches([' ', '\t']);
    tail.is_empty() || tail.ends_with(['.', '!', '?', '\n', ':', '"', '“'])
}

/// After a word at a sentence's start, what shows it is a verb or a word, not a name: "Will
/// you", "May I", "Mark the date".
static SENTENCE_WORD_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s+(?:you|we|i|he|she|they|it|there|this|that|these|those|the|a|an|my|your|our|his|her|their|be|not|someone|anyone|somebody|anybody|everyone|me|us|him|them)\b",
    )
});

/// The most times [`scrub_report`] goes over a text; one more pass has never been needed.
const MAX_PASSES: usize = 4;

/// Scrub free text and say what kinds of detail were taken out, in text order (a
/// detail found by a later pass comes after those of the pass before).
pub fn scrub_report(input: &str) -> (ScrubbedText, Vec<Removed>) {
    scrub_passes(input, &[])
}

fn scrub_passes(input: &str, own: &[String]) -> (ScrubbedText, Vec<Removed>) {
    let cleaned = without_invisibles(input);
    let input = cleaned.as_ref();
    // Taking a detail out changes what is next to the text around it (`987Tel 01632 ...`
    // becomes `[phone number removed]Tel 01632 ...`), and some detectors read context,
    // so scrub the result again until nothing more is found: what is stored never holds
    // anything the scrubber would remove. Found by fuzzing (fuzz/fuzz_targets/scrub.rs).
    let (mut text, mut removed) = scrub_once(input, own);
    for _ in 1..MAX_PASSES {
        if removed.is_empty() {
            break;
        }
        let (again, more) = scrub_once(text.as_str(), own);
        if more.is_empty() {
            break;
        }
        text = again;
        removed.extend(more);
    }
    (text, removed)
}

/// Whether a character is taken out before anything else: control characters but tab and
/// line breaks (PostgreSQL cannot store NUL, and none of them is words), and the invisible
/// ones that could split a detail so no detector sees it (`07700\u{200b}900123`). Joiners
/// stay: emoji and some scripts are made with them.
/// Whether a single lower-case word could be someone's name: a listed given name or
/// surname that is no English word, or a word of four letters or more no list knows
/// ("tregear"). Words every list knows ("poster", "library", "exeter") could not.
pub fn may_name_a_person(word: &str) -> bool {
    let key = fold(word);
    let lists = &*NAMES;
    if lists.is_not_name(&key) || (lists.is_english(&key) && !lists.given.contains(&key)) {
        return false;
    }
    lists.given.contains(&key)
        || lists.surnames.contains(&key)
        || (key.chars().count() >= 4 && lists.is_unknown_word(&key))
}

/// A word that says nothing about anyone: a number of at most three digits, or letters
/// that could not be someone's name ("poster", "four", "12"; not "aisha", "07700").
pub fn is_plain_word(word: &str) -> bool {
    let number = word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit());
    let letters = word.bytes().all(|b| b.is_ascii_alphabetic()) && !may_name_a_person(word);
    !word.is_empty() && (number || letters)
}

/// Whether a lower-case word is an everyday English word or a known non-name (a place, a
/// service, a month) and not also a given name: "thank", "council", "exeter".
pub fn is_everyday_word(word: &str) -> bool {
    let key = fold(word);
    let lists = &*NAMES;
    !lists.given.contains(&key) && (lists.is_english(&key) || lists.is_not_name(&key))
}

pub fn is_invisible(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(
            c,
            '\u{ad}'
                | '\u{180e}'
                | '\u{200b}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
        )
}

/// Joiners, variation selectors, tags, fillers and marks that build emoji and some scripts
/// ("👨\u{200d}👩", "❤\u{fe0f}"), but between the letters and digits of a detail only
/// hide it ("07700\u{200d}900126"): there they go, elsewhere they stay.
fn is_joiner_like(c: char) -> bool {
    matches!(
        c,
        '\u{34f}'
            | '\u{61c}'
            | '\u{115f}'
            | '\u{1160}'
            | '\u{200c}'
            | '\u{200d}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{ffa0}'
            | '\u{e0000}'..='\u{e007f}'
    )
}

/// A space of another width (thin, narrow no-break, ideographic...): read, and stored, as
/// a plain space, so "07700\u{2009}900125" is a phone number like any other.
fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// What a detail is written with: a joiner beside these on both sides is inside one.
fn is_detail_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || " @.+-_()/:".contains(c)
}

fn without_invisibles(input: &str) -> std::borrow::Cow<'_, str> {
    if !input
        .chars()
        .any(|c| is_invisible(c) || is_odd_space(c) || is_joiner_like(c))
    {
        return std::borrow::Cow::Borrowed(input);
    }
    let chars: Vec<char> = input.chars().collect();
    let mut out = String::with_capacity(input.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_invisible(c) {
            continue;
        }
        if is_odd_space(c) {
            out.push(' ');
            continue;
        }
        if is_joiner_like(c) {
            let before = out.chars().next_back();
            let after = chars[i + 1..]
                .iter()
                .copied()
                .find(|&n| !is_invisible(n) && !is_joiner_like(n));
            if before.is_some_and(is_detail_char) && after.is_some_and(is_detail_char) {
                continue;
            }
        }
        out.push(c);
    }
    std::borrow::Cow::Owned(out)
}

/// Arabic-Indic, Persian, Devanagari, Bengali and full-width digits and the Arabic decimal
/// and thousands marks, as the ASCII every detector reads ("٠٧٧٠٠ ٩٠٠١٢٣" is a phone
/// number).
fn eastern_digit(c: char) -> Option<char> {
    let ascii = |zero: u32| char::from_digit(u32::from(c) - zero, 10);
    match c {
        '\u{660}'..='\u{669}' => ascii(0x660),
        '\u{6f0}'..='\u{6f9}' => ascii(0x6f0),
        '\u{966}'..='\u{96f}' => ascii(0x966),
        '\u{9e6}'..='\u{9ef}' => ascii(0x9e6),
        '\u{ff10}'..='\u{ff19}' => ascii(0xff10),
        '\u{66b}' => Some('.'),
        '\u{66c}' => Some(','),
        _ => None,
    }
}

/// Full-width Latin letters ("Ｏｌｉｖｅｒ") as the ASCII every detector reads.
fn wide_letter(c: char) -> Option<char> {
    match c {
        '\u{ff21}'..='\u{ff3a}' => char::from_u32(u32::from(c) - 0xff21 + u32::from(b'A')),
        '\u{ff41}'..='\u{ff5a}' => char::from_u32(u32::from(c) - 0xff41 + u32::from(b'a')),
        _ => None,
    }
}

/// `input` as the detectors read it, char for char, or `None` if that is as written:
/// [`eastern_digit`]s and [`wide_letter`]s in ASCII, and a letter O between digits as the
/// zero it stands for ("07700 9OO137").
fn fold_digits(input: &str) -> Option<String> {
    let o_in_number = input
        .as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_digit() && matches!(w[1], b'O' | b'o'));
    if !o_in_number
        && !input
            .chars()
            .any(|c| eastern_digit(c).is_some() || wide_letter(c).is_some())
    {
        return None;
    }
    let chars: Vec<char> = input
        .chars()
        .map(|c| eastern_digit(c).or_else(|| wide_letter(c)).unwrap_or(c))
        .collect();
    let mut out = String::with_capacity(input.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, 'O' | 'o') && i > 0 && chars[i - 1].is_ascii_digit() {
            let end = chars[i..]
                .iter()
                .position(|c| !matches!(c, 'O' | 'o'))
                .map_or(chars.len(), |n| i + n);
            if chars.get(end).is_some_and(char::is_ascii_digit) {
                out.extend(std::iter::repeat_n('0', end - i));
                i = end;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    Some(out)
}

/// One pass of every detector over the text. Detectors read Arabic digits as ASCII ones;
/// what they find is taken out of the text as written.
fn scrub_once(input: &str, own: &[String]) -> (ScrubbedText, Vec<Removed>) {
    match fold_digits(input) {
        Some(folded) => detect(&folded, own).onto(&folded, input).render(input),
        None => detect(input, own).render(input),
    }
}

fn detect(input: &str, own: &[String]) -> Findings {
    let mut found = Findings::default();
    // Order matters: each detector only claims text no earlier one has claimed.
    // Links and emails first (they hold dots, digits and words), then the
    // numbers whose shapes are most specific, then addresses, then names.
    find_links(input, &mut found);
    find_emails(input, &mut found);
    find_handles(input, &mut found);
    find_pupil_numbers(input, &mut found);
    find_ni_numbers(input, &mut found);
    find_references(input, &mut found);
    find_nhs_numbers(input, &mut found);
    find_dates(input, &mut found);
    find_address_after_label(input, &mut found);
    find_postcodes(input, &mut found);
    find_phones(input, &mut found);
    find_spoken_phones(input, &mut found);
    find_addresses(input, &mut found);
    protect_known_phrases(input, &mut found);
    find_names(input, &mut found, own);
    found
}

// ---------------------------------------------------------------------------
// Findings: non-overlapping claimed spans of the input.

#[derive(Debug)]
struct Finding {
    end: usize,
    /// `None` marks a protected span that is kept as written.
    kind: Option<Removed>,
    replacement: String,
}

#[derive(Debug, Default)]
struct Findings {
    spans: BTreeMap<usize, Finding>,
}

impl Findings {
    fn is_free(&self, r: &Range<usize>) -> bool {
        if r.start >= r.end {
            return false;
        }
        // Spans never overlap, so the one starting last before r.end is the only
        // one that can reach into r.
        match self.spans.range(..r.end).next_back() {
            Some((_, f)) => f.end <= r.start,
            None => true,
        }
    }

    fn claim(&mut self, r: Range<usize>, kind: Removed) -> bool {
        self.claim_with(r, kind, kind.marker().to_owned())
    }

    fn claim_with(&mut self, r: Range<usize>, kind: Removed, replacement: String) -> bool {
        if !self.is_free(&r) {
            return false;
        }
        self.spans.insert(
            r.start,
            Finding {
                end: r.end,
                kind: Some(kind),
                replacement,
            },
        );
        true
    }

    /// Protect a span from later detectors (helplines, place names).
    fn keep(&mut self, r: Range<usize>) {
        if self.is_free(&r) {
            self.spans.insert(
                r.start,
                Finding {
                    end: r.end,
                    kind: None,
                    replacement: String::new(),
                },
            );
        }
    }

    /// The spans found in `from` moved onto `to`, which has the same characters in the
    /// same order though some are written with more or fewer bytes.
    fn onto(self, from: &str, to: &str) -> Findings {
        // Every byte of a character maps to where that character starts, so a span can
        // never land inside a character of `to`.
        let mut at = vec![to.len(); from.len() + 1];
        for ((f, c), (t, _)) in from.char_indices().zip(to.char_indices()) {
            at[f..f + c.len_utf8()].fill(t);
        }
        Findings {
            spans: self
                .spans
                .into_iter()
                .map(|(start, f)| {
                    let end = at[f.end];
                    (at[start], Finding { end, ..f })
                })
                .collect(),
        }
    }

    fn render(self, text: &str) -> (ScrubbedText, Vec<Removed>) {
        let mut out = String::with_capacity(text.len());
        let mut kinds = Vec::new();
        let mut pos = 0;
        // Where the last name removed ends, and whether it was an initial.
        let mut last_name: Option<(usize, bool)> = None;
        for (start, f) in self.spans {
            let Some(kind) = f.kind else { continue };
            let initial = {
                let mut chars = text[start..f.end].chars();
                chars.next().is_some_and(|c| c.is_uppercase()) && chars.next().is_none()
            };
            // "Oliver Smith" is one name: merge names separated only by spaces, and an
            // initial with what follows its full stop ("J. R. Smith", "S.J. Collins").
            if kind == Removed::Name {
                if let Some((prev, prev_initial)) = last_name {
                    let gap = &text[pos..start];
                    let gap = match gap.strip_prefix('.') {
                        Some(rest) if prev_initial => rest,
                        _ => gap,
                    };
                    if prev == pos && gap.chars().all(|c| c == ' ') {
                        pos = f.end;
                        last_name = Some((f.end, initial));
                        continue;
                    }
                }
            }
            out.push_str(&text[pos..start]);
            out.push_str(&f.replacement);
            kinds.push(kind);
            pos = f.end;
            last_name = (kind == Removed::Name).then_some((f.end, initial));
        }
        out.push_str(&text[pos..]);
        (ScrubbedText(out), kinds)
    }
}

// ---------------------------------------------------------------------------
// Small text helpers. All slicing stays on char boundaries.

/// A set from a whitespace-separated word list.
fn words(list: &'static str) -> HashSet<&'static str> {
    list.split_whitespace().collect()
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("scrubber pattern is valid")
}

/// Up to `max` bytes of text before `pos`.
fn before(text: &str, pos: usize, max: usize) -> &str {
    let mut start = pos.saturating_sub(max);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..pos]
}

/// Up to `max` bytes of text from `pos`.
fn after(text: &str, pos: usize, max: usize) -> &str {
    let mut end = pos.saturating_add(max).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[pos..end]
}

fn char_before(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

fn char_after(text: &str, pos: usize) -> Option<char> {
    text[pos..].chars().next()
}

/// Trim sentence punctuation that a greedy link pattern swallowed.
fn trim_trailing_punct(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let trimmed = s.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'', '"', '’']);
    r.start..r.start + trimmed.len()
}

// ---------------------------------------------------------------------------
// Links, emails and handles.

const TLDS: &str = r"(?:co\.uk|org\.uk|gov\.uk|nhs\.uk|ac\.uk|sch\.uk|me\.uk|com|org|net|uk|io|me|ly|gl|tv|app|info|biz|co|eu|ie|be|to|gg|link|page|site|online)";

static URL: LazyLock<Regex> = LazyLock::new(|| re(r#"(?i)\b(?:https?://|www\.)[^\s<>"]+"#));
// A bare domain only counts as a link with a path: "facebook.com/somebody".
static BARE_URL: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r#"(?i)\b(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+{TLDS}/[^\s<>"]*"#
    ))
});

/// An IPv4 address, which can lead to a home as surely as a link can.
static IP_ADDRESS: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b"));

fn find_links(text: &str, found: &mut Findings) {
    for m in IP_ADDRESS.find_iter(text) {
        found.claim(m.range(), Removed::Link);
    }
    for m in URL.find_iter(text).chain(BARE_URL.find_iter(text)) {
        let r = trim_trailing_punct(text, m.range());
        found.claim(r, Removed::Link);
    }
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b[a-z0-9][a-z0-9._%+\-]*@[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)+",
    )
});
/// An address's local part, also spelt out: "jo.smith", "jo dot smith", "jo underscore smith".
const EMAIL_LOCAL: &str =
    r"[a-z0-9][a-z0-9._\-]*(?:\s+(?:dot|underscore|dash|hyphen)\s+[a-z0-9_\-]+)*";
const SPELT_AT: &str = r"(?:\(at\)|\[at\]|\s+at\s+)";
const SPELT_DOT: &str = r"(?:\(dot\)|\[dot\]|\s+dot\s+|\.)";

// "jo dot smith at example dot com", "jo underscore smith at example dot com",
// "jo(at)example(dot)co(dot)uk".
static EMAIL_SPELT: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b{EMAIL_LOCAL}\s*{SPELT_AT}\s*[a-z0-9\-]+(?:\s*{SPELT_DOT}\s*[a-z0-9\-]+)*?\s*{SPELT_DOT}\s*(?:com|org|net|co\s*{SPELT_DOT}\s*uk|org\s*{SPELT_DOT}\s*uk|uk)\b"
    ))
});

// "jo at gmail", "jo.smith@hotmail", "jo underscore smith at gmail": an address with its
// provider named but no domain ending. Only providers that are no ordinary word after "at".
static EMAIL_PROVIDER: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b{EMAIL_LOCAL}\s*(?:@|{SPELT_AT})\s*(?:gmail|googlemail|hotmail|outlook|yahoo|ymail|icloud|btinternet|aol|virginmedia|talktalk|protonmail)\b(?:\s*{SPELT_DOT}\s*(?:com|net|org|co|uk|ie|fr|de)\b)*"
    ))
});

// "jo . smith @ example . com", "jo_smith @gmail.com": spaces round the @ (and dots),
// typed to dodge a filter or by a phone's keyboard. The @ itself is the sign.
static EMAIL_SPACED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b[a-z0-9][a-z0-9_\-]*(?:\s*[._]\s*[a-z0-9_\-]+)*(?:\s+@\s*|\s*@\s+)[a-z0-9\-]+(?:\s*\.\s*[a-z0-9\-]+)*?\s*\.\s*(?:com|org|net|uk|ie|io|me|info|co\s*\.\s*uk|org\s*\.\s*uk|ac\s*\.\s*uk|gov\s*\.\s*uk|nhs\s*\.\s*net)\b",
    )
});

fn find_emails(text: &str, found: &mut Findings) {
    for m in EMAIL.find_iter(text).chain(EMAIL_SPACED.find_iter(text)) {
        found.claim(m.range(), Removed::Email);
    }
    // Spelt-out addresses before provider names, so "jo at outlook dot com" goes whole.
    for m in EMAIL_SPELT.find_iter(text) {
        let s = m.as_str().to_ascii_lowercase();
        // "look at bbc.co.uk" is not an email: demand the spelt-out form.
        let spelt = [
            "(at)",
            "[at]",
            " dot ",
            "(dot)",
            " underscore ",
            " dash ",
            " hyphen ",
        ];
        // "jo.smith at example.com": a local part no ordinary word has (a dot, an
        // underscore or a digit) makes " at " an address's too.
        let local = s.split(" at ").next().unwrap_or_default();
        let marked_local = s.contains(" at ")
            && local
                .trim_end()
                .rsplit(char::is_whitespace)
                .next()
                .is_some_and(|w| {
                    w.len() >= 3
                        && w.contains(|c: char| c.is_ascii_alphabetic())
                        && (w.contains(['.', '_']) || w.contains(|c: char| c.is_ascii_digit()))
                });
        if spelt.iter().any(|w| s.contains(w)) || marked_local {
            found.claim(m.range(), Removed::Email);
        }
    }
    for m in EMAIL_PROVIDER.find_iter(text) {
        found.claim(m.range(), Removed::Email);
    }
}

static HANDLE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[\s(])(@[A-Za-z_][A-Za-z0-9_.]{1,29})"));
// A gaming or Discord name with its four-digit tag: "jake#1234", "Sk8rBoi#0420".
static TAGGED_NAME: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b[A-Za-z][A-Za-z0-9_.]{1,31}#[0-9]{4}\b"));
static SOCIAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:insta(?:gram)?|tik\s?tok|snap(?:chat)?|twitter|facebook|fb|discord|user\s?name|handle|youtube|roblox|xbox|psn|gamertag|threads|account|follow(?:\s+(?:me|us|him|her))?|dm(?:\s+(?:me|us))?|add\s+(?:me|us))\b|(?:sc|ig|tt|yt)\s*:)[^@\n]{0,20}$",
    )
});

// A handle written without its `@`, next to the platform's name: "snap: jo.smith22",
// "jo_smith123 on insta".
static BARE_HANDLE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[\s(:])([A-Za-z0-9_][A-Za-z0-9_.]{2,29})"));
static SOCIAL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:on|at|in)\s+(?:my\s+|her\s+|his\s+|their\s+)?(?:insta(?:gram)?|tik\s?tok|snap(?:chat)?|twitter|facebook|fb|discord|youtube|roblox|xbox|psn|threads)\b",
    )
});

/// Social-media handles identify a person as surely as a link to their page.
fn find_handles(text: &str, found: &mut Findings) {
    for c in HANDLE.captures_iter(text) {
        let Some(h) = c.get(1) else { continue };
        let r = trim_trailing_punct(text, h.range());
        let name = &text[r.start + 1..r.end];
        let looks_like_handle = name
            .chars()
            .any(|ch| ch.is_ascii_digit() || ch == '_' || ch == '.');
        if looks_like_handle || SOCIAL_BEFORE.is_match(before(text, r.start, 40)) {
            found.claim(r, Removed::Link);
        }
    }
    for m in TAGGED_NAME.find_iter(text) {
        found.claim(m.range(), Removed::Link);
    }
    for c in BARE_HANDLE.captures_iter(text) {
        let Some(h) = c.get(1) else { continue };
        let r = trim_trailing_punct(text, h.range());
        if is_bare_handle(&text[r.clone()])
            && (SOCIAL_BEFORE.is_match(before(text, r.start, 40))
                || SOCIAL_AFTER.is_match(&text[r.end..]))
        {
            found.claim(r, Removed::Link);
        }
    }
}

/// A word no ordinary word looks like: four characters or more, starting with a letter or
/// `_`, with a digit or `_` (`jo_smith123`, not `2day` or `gr8`), or parts joined by dots,
/// two of them of two letters or more (`jo.smith`, `jay.x.official`, not `e.g`).
fn is_bare_handle(word: &str) -> bool {
    let starts_like_a_name = word
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    let marked = word.chars().any(|c| c.is_ascii_digit() || c == '_');
    // "jayden.x.official" too: two long parts are enough ("e.g" and "i.e" have none).
    let dotted = word.contains('.')
        && !word.split('.').any(str::is_empty)
        && word.split('.').filter(|part| part.len() >= 2).count() >= 2;
    word.len() >= 4 && starts_like_a_name && (marked || dotted)
}

// ---------------------------------------------------------------------------
// National Insurance numbers, and the references that lead back to a person's record.

// Two letters (HMRC's allowed prefixes), six digits, A-D: "AB 12 34 56 C".
static NI_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?P<prefix>[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])\s?[0-9]{2}\s?[0-9]{2}\s?[0-9]{2}\s?[A-D]\b",
    )
});
// After "NI number" or "national insurance" any such shape goes, in any case ("qq123456c").
static NI_LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:ni|n\.i\.|nino|national\s+insurance)(?:\s+(?:number|no\.?|num))?(?:\s+for\s+(?:me|him|her|my\s+\w+))?\s*(?:is|was|:|-|=)?\s*(?P<id>[a-z]{2}\s?[0-9]{2}\s?[0-9]{2}\s?[0-9]{2}\s?[a-d]?)\b",
    )
});

fn find_ni_numbers(text: &str, found: &mut Findings) {
    for c in NI_LABELLED.captures_iter(text) {
        if let Some(id) = c.name("id") {
            found.claim(id.range(), Removed::NiNumber);
        }
    }
    for c in NI_NUMBER.captures_iter(text) {
        let (Some(m), Some(prefix)) = (c.get(0), c.name("prefix")) else {
            continue;
        };
        // Prefixes HMRC never issues.
        if !matches!(
            prefix.as_str(),
            "BG" | "GB" | "NK" | "KN" | "TN" | "NT" | "ZZ"
        ) {
            found.claim(m.range(), Removed::NiNumber);
        }
    }
}

// "EHCP ref EHC/2023/00451", "case number 123456", "CRN 4567": a council, court, benefit or
// hospital reference leads straight back to the person's record.
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:case|ehcp|ehc|claim|customer|account|acct|application|file|client|membership|member|patient|hospital|tribunal|appeal|plan|benefit|dla|pip|uc|council\s+tax|housing|tenancy|crime|incident|log)\s+(?:ref(?:erence)?|number|no\.?|num|#|id)|ref(?:erence)?(?:\s+(?:number|no\.?|num))?|crn|mrn|uln|passport(?:\s+(?:number|no\.?|num))?|driving\s+licen[cs]e(?:\s+(?:number|no\.?|num))?)\b\.?\s*(?:is|was|:|-|=|#)?\s*(?P<id>[a-z0-9][a-z0-9/\-.]*(?:\s[0-9]{2,})*)",
    )
});
// A council's code with letters and at least four digits, however it is introduced:
// "case 2023/SEN/1187", "EHCP-55310", "SEN/2024/0456". The letters are capitals, as codes
// are written, so "covid-19" and "year 2024" are not codes.
static REFERENCE_CODE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:[A-Z]{2,6}[-/][0-9]{4,}(?:[-/][0-9A-Z]+)*|[0-9]{2,4}/[A-Z]{2,6}/[0-9]{3,}(?:/[0-9A-Z]+)*|[A-Z]{2,6}/[0-9]{2,4}/[0-9]{2,}(?:/[0-9A-Z]+)*|[0-9]{2,4}/[0-9]{4,}/[A-Z]{2,6}(?:/[0-9A-Z]+)*)\b",
    )
});
// "case 123456", "ref 2024-0012": a number straight after "case" or "ref".
static REFERENCE_BARE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:case|ref|file)\s+(?:no\.?\s*)?(?P<id>[0-9]{5,}|[0-9]{2,}[-/][0-9]{3,})\b")
});
// Bank details: a sort code, and an eight-digit account number.
static BANK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bsort\s*code\s*(?:is|:|-)?\s*(?P<sort>[0-9]{2}[\s\-]?[0-9]{2}[\s\-]?[0-9]{2})\b|\b(?:account|acc|acct)\s*(?:number|no\.?|num|#)?\s*(?:is|:|-)?\s*(?P<account>[0-9]{8})\b",
    )
});
// A payment card's number: 15 or 16 digits, in groups or not, that pass the Luhn check.
static CARD: LazyLock<Regex> = LazyLock::new(|| re(r"\b[0-9](?:[ \-]?[0-9]){14,15}\b"));

fn is_card_number(digits: &str) -> bool {
    let sum: u32 = digits
        .chars()
        .rev()
        .filter_map(|c| c.to_digit(10))
        .enumerate()
        .map(|(i, d)| match (i % 2 == 1, d * 2) {
            (true, doubled) if doubled > 9 => doubled - 9,
            (true, doubled) => doubled,
            (false, _) => d,
        })
        .sum();
    matches!(digits.len(), 15 | 16) && sum % 10 == 0
}

// A car's registration: "WX12 ABC" in capitals, or in any case after "reg".
static VEHICLE_REG: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b[A-Z]{2}[0-9]{2}\s?[A-Z]{3}\b|(?i:\b(?:reg|registration|number\s+plate|plate)(?:\s+(?:number|no\.?|plate))?\s*(?:is|:|-)?\s*(?P<reg>[a-z]{2}[0-9]{2}\s?[a-z]{3})\b)",
    )
});

fn find_references(text: &str, found: &mut Findings) {
    for c in REFERENCE.captures_iter(text) {
        let Some(id) = c.name("id") else { continue };
        let r = trim_trailing_punct(text, id.range());
        let value = text[r.clone()].trim_end_matches(['-', '/', '.']);
        let r = r.start..r.start + value.len();
        let digits = value.chars().filter(char::is_ascii_digit).count();
        if digits >= 4 && value.len() <= 30 {
            found.claim(r, Removed::Reference);
        }
    }
    for m in REFERENCE_CODE.find_iter(text) {
        found.claim(m.range(), Removed::Reference);
    }
    for c in REFERENCE_BARE.captures_iter(text) {
        if let Some(id) = c.name("id") {
            found.claim(id.range(), Removed::Reference);
        }
    }
    for c in BANK.captures_iter(text) {
        for id in [c.name("sort"), c.name("account")].into_iter().flatten() {
            found.claim(id.range(), Removed::Reference);
        }
    }
    for c in VEHICLE_REG.captures_iter(text) {
        let Some(m) = c.name("reg").or_else(|| c.get(0)) else {
            continue;
        };
        found.claim(m.range(), Removed::Reference);
    }
    for m in CARD.find_iter(text) {
        let digits: String = m.as_str().chars().filter(char::is_ascii_digit).collect();
        if is_card_number(&digits) {
            found.claim(m.range(), Removed::Reference);
        }
    }
}

// ---------------------------------------------------------------------------
// Pupil and NHS numbers.

// A UPN is a check letter, 11 digits and a final digit or letter.
static UPN: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b[a-z][0-9]{11}[0-9a-z]\b"));
static UPN_LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:upn|unique\s+pupil\s+(?:no|number)|pupil\s+(?:no|number|id))\.?\s*(?:is\s+|:\s*|-\s*|=\s*|#\s*)?([a-z0-9](?:[ \-]?[a-z0-9]){5,14})\b",
    )
});

fn find_pupil_numbers(text: &str, found: &mut Findings) {
    for m in UPN.find_iter(text) {
        found.claim(m.range(), Removed::PupilNumber);
    }
    for c in UPN_LABELLED.captures_iter(text) {
        let Some(g) = c.get(1) else { continue };
        // Only something number-like: "UPN is on the letter" keeps its words.
        if g.as_str().chars().filter(char::is_ascii_digit).count() >= 5 {
            found.claim(g.range(), Removed::PupilNumber);
        }
    }
}

static TEN_DIGITS: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b[0-9]{3}[ \-]?[0-9]{3}[ \-]?[0-9]{4}\b"));
static NHS_LABEL_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bnhs\s*(?:no|num|number|#)?\.?\s*(?:is\s*|:\s*|-\s*|=\s*)?$"));

/// The NHS number check digit: weights 10..2 on the first nine digits, mod 11.
fn nhs_check_ok(digits: &[u8]) -> bool {
    if digits.len() != 10 {
        return false;
    }
    let sum: u32 = digits[..9]
        .iter()
        .zip((2..=10u32).rev())
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    let check = match 11 - sum % 11 {
        11 => 0,
        10 => return false,
        c => c,
    };
    u32::from(digits[9] - b'0') == check
}

fn find_nhs_numbers(text: &str, found: &mut Findings) {
    for m in TEN_DIGITS.find_iter(text) {
        let digits: Vec<u8> = m.as_str().bytes().filter(u8::is_ascii_digit).collect();
        let ctx = before(text, m.start(), 24);
        if NHS_LABEL_BEFORE.is_match(ctx) {
            found.claim(m.range(), Removed::NhsNumber);
            continue;
        }
        // Part of a longer number (phone with country code, long reference)?
        let joined_before = ctx
            .trim_end_matches([' ', '-'])
            .ends_with(|c: char| c.is_ascii_digit());
        let joined_after = after(text, m.end(), 3)
            .trim_start_matches([' ', '-'])
            .starts_with(|c: char| c.is_ascii_digit());
        if digits[0] != b'0'
            && !joined_before
            && !joined_after
            && !ctx.ends_with('+')
            && !ctx.contains("(0)")
            && nhs_check_ok(&digits)
        {
            found.claim(m.range(), Removed::NhsNumber);
        }
    }
}

// ---------------------------------------------------------------------------
// Dates. Any full date with a year up to this one goes; a partial date (no year, or
// month and year, or a year alone) or a later one goes only after a birth word.

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?";
const DAY: &str = r"(?:(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?|(?:twenty[\s\-]?|thirty[\s\-]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)\b";
/// A year as digits, or as said: "twenty fifteen", "two thousand and nine", "nineteen
/// eighty-two", "twenty oh eight".
const YEAR4: &str = r"(?:(?:19|20)[0-9]{2}|(?:nineteen|twenty)[\s\-]+(?:(?:oh|o)[\s\-]+(?:one|two|three|four|five|six|seven|eight|nine)|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s\-]+(?:one|two|three|four|five|six|seven|eight|nine))?)|two[\s\-]+thousand(?:[\s\-]+and)?(?:[\s\-]+(?:(?:twenty[\s\-]+)?(?:one|two|three|four|five|six|seven|eight|nine)|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))?)\b";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:(?P<num>[0-9]{{1,2}}[/.\-][0-9]{{1,2}}[/.\-](?:[0-9]{{4}}|[0-9]{{2}})\b)|(?P<iso>{YEAR4}[/.\-][0-9]{{1,2}}[/.\-][0-9]{{1,2}}\b)|(?P<dmy>{DAY}(?:\s+of)?[\s,\-/.]*{MONTH}(?P<dmy_year>[\s,\-/.]+(?:{YEAR4}|'[0-9]{{2}}\b))?)|(?P<mdy>{MONTH}\s*(?:the\s+)?{DAY}(?P<mdy_year>,?\s+{YEAR4})?)|(?P<my>{MONTH}[\s,]+{YEAR4})|(?P<dm>[0-9]{{1,2}}/[0-9]{{1,2}}\b)|(?P<compact>[0-9]{{6}}(?:[0-9]{{2}})?\b)|(?P<y>{YEAR4}))"
    ))
});
static BIRTH_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\bborn|\bd\.?\s?o\.?\s?b\b\.?|\bdate\s+of\s+birth|\bbirth\s?(?:day|date)s?|\bb['’]?days?|\b(?:turn(?:s|ed|ing)?|be)\s+[0-9]{1,2}|\bcelebrat\w*\s+(?:his|her|their|my|our)\s+[0-9]{1,2}(?:st|nd|rd|th)?)(?:['’]s\b|\s*[:=\-,(]|\s+(?:is|was|will\s+be|on|in|the|of|falls\s+on|due))*\s*$",
    )
});

/// What happens on a date: a meeting, a letter, a decision. The date is then kept,
/// unless a birth word is before it too.
static EVENT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:met|meet|meeting|meetings|panel|review|appointment|letter|email|emailed|issued|sent|received|hearing|tribunal|assessed|assessment|visit|visited|phoned|rang|decision|decided|deadline|started|starts|applied|application|requested|request|referral|referred|excluded|exclusion|draft|finali[sz]ed|signed|agreed|held|dated|submitted|lodged|complained|complaint|reply|replied|responded|response|discharged|admitted|operation|surgery|closed|closes|closing|close|opens|ends|ended|due|until|till|by|from|since|moved|transferred|heard|diagnosed|diagnosis)\b[^.!?\n]{0,40}$",
    )
});

/// "On 3 May 2024 we finally got the plan": what happened on the date follows it.
static EVENT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*,?\s*(?:we|i|they|the\s+\w+|school|camhs|the\s+council)\s+(?:\w+ly\s+)?(?:got|received|had|went|met|heard|were|was|sent|applied|asked|moved|finally|eventually|rang|phoned|emailed|started|attended|saw)\b",
    )
});

fn valid_day_month(a: u32, b: u32) -> bool {
    let dm = (1..=31).contains(&a) && (1..=12).contains(&b);
    let md = (1..=12).contains(&a) && (1..=31).contains(&b);
    dm || md
}

fn numbers_in(s: &str) -> Vec<u32> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().unwrap_or(u32::MAX))
        .collect()
}

/// Numeric dates must not be a piece of a time range or a version ("3.30-4.15").
fn numeric_date_isolated(text: &str, r: &Range<usize>) -> bool {
    let prev_ok =
        !matches!(char_before(text, r.start), Some(c) if c.is_ascii_digit() || ".:/,".contains(c));
    let next = after(text, r.end, 2);
    let mut chars = next.chars();
    let next_ok = match (chars.next(), chars.next()) {
        (Some(c), _) if c.is_ascii_digit() => false,
        (Some('.' | ':' | '/' | '-'), Some(d)) if d.is_ascii_digit() => false,
        _ => true,
    };
    prev_ok && next_ok
}

fn find_dates(text: &str, found: &mut Findings) {
    for c in DATE.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let r = m.range();
        let full = if let Some(g) = c.name("num") {
            let n = numbers_in(g.as_str());
            let year_ok = n
                .get(2)
                .is_some_and(|&y| y < 100 || (1900..=2099).contains(&y));
            // "9-3.15" is a school day, not a date: a date repeats its separator.
            let seps: Vec<char> = g.as_str().chars().filter(|c| !c.is_ascii_digit()).collect();
            let same_sep = seps.len() == 2 && seps[0] == seps[1];
            if !(same_sep
                && numeric_date_isolated(text, &r)
                && valid_day_month(n[0], n[1])
                && year_ok)
            {
                continue;
            }
            true
        } else if let Some(g) = c.name("iso") {
            let n = numbers_in(g.as_str());
            if !(numeric_date_isolated(text, &r)
                && (1..=12).contains(&n[1])
                && (1..=31).contains(&n[2]))
            {
                continue;
            }
            true
        } else if c.name("dmy").is_some() {
            c.name("dmy_year").is_some()
        } else if c.name("mdy").is_some() {
            c.name("mdy_year").is_some()
        } else if let Some(g) = c.name("dm") {
            let n = numbers_in(g.as_str());
            if !(numeric_date_isolated(text, &r) && valid_day_month(n[0], n[1])) {
                continue;
            }
            false
        } else {
            false
        };
        // A date in a later year is an appointment or a deadline, never a birthday.
        let future = numbers_in(m.as_str())
            .into_iter()
            .any(|n| (1900..=2099).contains(&n) && n > this_year());
        let born = BIRTH_BEFORE.is_match(before(text, r.start, 48));
        // "We met the panel on 14 February 2024": a date something happened on is no birthday.
        let event = EVENT_BEFORE.is_match(before(text, r.start, 60))
            || EVENT_AFTER.is_match(after(text, r.end, 60));
        // "born in 2010": a year alone says no more than an age does.
        let year_only = c.name("y").is_some();
        if (full && !future && !event) || (born && !year_only) {
            found.claim(r, Removed::DateOfBirth);
        }
    }
}

fn this_year() -> u32 {
    use chrono::Datelike;
    u32::try_from(chrono::Utc::now().year()).unwrap_or(0)
}

// ---------------------------------------------------------------------------
// Postcodes: full postcode -> outward code.

static POSTCODE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b([a-z]{1,2}[0-9][a-z0-9]?)[ \t\x{a0}\-]{0,2}([0-9][a-z]{2})\b"));
/// A postcode typed with spaces between its characters ("E X 4 3 Q T", "EX4 3 QT").
static POSTCODE_SPACED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b([a-z] ?[a-z]? ?[0-9](?: ?[a-z0-9])?) {0,2}([0-9] ?[a-z] ?[a-z])\b")
});
static POSTCODE_LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bpost\s?code\s*(?:is\s*|:\s*|-\s*|=\s*)?([a-z]{1,2}[0-9][a-z0-9]?[ \t]{0,2}[0-9][a-z0-9]{1,3})\b",
    )
});

/// The UK postcode areas: the letters an outward code can start with.
static POSTCODE_AREAS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    words(
        "
        AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY
        E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE
        LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL
        SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE
        ",
    )
});

fn is_postcode(outward: &str, inward: &str) -> bool {
    let area: String = outward
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_ascii_uppercase();
    if !POSTCODE_AREAS.contains(area.as_str()) {
        return false;
    }
    // Inward letters never use C I K M O V.
    let inward_up = inward.to_ascii_uppercase();
    if inward_up.chars().skip(1).any(|c| "CIKMOV".contains(c)) {
        return false;
    }
    // "y9 1st", "y10 2nd": lower-case ordinals are school years, not postcodes.
    let ordinal = matches!(&inward[1..], "st" | "nd" | "rd" | "th");
    !ordinal
}

fn find_postcodes(text: &str, found: &mut Findings) {
    for c in POSTCODE.captures_iter(text) {
        let (Some(m), Some(out), Some(inw)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        if is_postcode(out.as_str(), inw.as_str()) {
            found.claim_with(m.range(), Removed::Postcode, out.as_str().to_owned());
        }
    }
    for c in POSTCODE_SPACED.captures_iter(text) {
        let (Some(m), Some(out), Some(inw)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let squeeze = |s: &str| s.chars().filter(|c| *c != ' ').collect::<String>();
        let (out, inw) = (squeeze(out.as_str()), squeeze(inw.as_str()));
        if is_postcode(&out, &inw) {
            found.claim_with(m.range(), Removed::Postcode, out);
        }
    }
    // Something given as a postcode but malformed still goes, whole.
    for c in POSTCODE_LABELLED.captures_iter(text) {
        if let Some(g) = c.get(1) {
            found.claim(g.range(), Removed::Postcode);
        }
    }
}

// ---------------------------------------------------------------------------
// Phone numbers. Runs of digits with phone separators are split into digit
// groups; from each group the longest run of groups forming a valid UK (or
// `+`-international) number is removed.

static PHONE_CANDIDATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:\+|\(\s*\+?)?[0-9](?:[ \t\x{a0}.\-\x{2013}()/]{0,3}[0-9])*"));
static PHONE_WORD_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\b(?:tel|telephone|phone|ph|mob|mobile|landline|cell|call|ring|text|txt|whatsapp|contact)\b\.?|\bmy\s+(?:number|no)\b\.?|\b(?:phone|mobile|contact|home)\s+(?:number|no)\b\.?|\b(?:zadzwo[nń]|dzwo[nń]|telefon\w*|numer|kom[oó]rk\w*|sms)\b|(?:اتصل\w*|رقمي|رقم|هاتف\w*|جوال\w*|واتس\w*))(?:\s*(?:me|us|him|her|them|mum|dad|on|at|is|to|do|mnie|mój|moj|:|-|#|number|no\.?)\b)*[\s:#\-]*\(?\s*$",
    )
});

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum PhoneClass {
    Personal,
    Helpline,
}

struct DigitGroup {
    start: usize,
    end: usize,
    digits: String,
    plus: Option<usize>,
}

fn digit_groups(text: &str, r: Range<usize>) -> Vec<DigitGroup> {
    let mut groups: Vec<DigitGroup> = Vec::new();
    let mut plus = None;
    let mut cur: Option<DigitGroup> = None;
    for (i, ch) in text[r.clone()].char_indices() {
        let at = r.start + i;
        if ch.is_ascii_digit() {
            let g = cur.get_or_insert_with(|| DigitGroup {
                start: at,
                end: at,
                digits: String::new(),
                plus: plus.take(),
            });
            g.digits.push(ch);
            g.end = at + 1;
        } else {
            if let Some(g) = cur.take() {
                groups.push(g);
            }
            if ch == '+' {
                plus = Some(at);
            }
        }
    }
    groups.extend(cur);
    groups
}

fn classify_national(d: &str) -> Option<PhoneClass> {
    let b = d.as_bytes();
    if !(10..=11).contains(&b.len()) || b[0] != b'0' || b[1] == b'0' {
        return None;
    }
    // Freephone (080), UK-wide (03) and business rate (084, 087) numbers are
    // organisations' (a council's switchboard, a charity's line), not a person's.
    if ["080", "03", "084", "087"].iter().any(|p| d.starts_with(p)) {
        Some(PhoneClass::Helpline)
    } else {
        Some(PhoneClass::Personal)
    }
}

/// `d` is what follows `+` or `00`. A written `+` is enough to call 8-15 digits
/// a phone number; a leading `00` could be a reference, so it needs 9 and a
/// country code that does not start with 0.
fn classify_international(d: &str, min_len: usize) -> Option<PhoneClass> {
    if let Some(rest) = d.strip_prefix("44") {
        let rest = rest.strip_prefix('0').unwrap_or(rest);
        return classify_national(&format!("0{rest}"));
    }
    let plausible = (min_len..=15).contains(&d.len()) && !d.starts_with('0');
    plausible.then_some(PhoneClass::Personal)
}

fn classify_phone(digits: &str, plus: bool) -> Option<PhoneClass> {
    if plus {
        classify_international(digits, 8)
    } else if let Some(rest) = digits.strip_prefix("00") {
        classify_international(rest, 9)
    } else {
        classify_national(digits)
            .or_else(|| uk_without_plus(digits))
            .or_else(|| uk_mobile_without_zero(digits))
    }
}

/// A UK mobile written without its `0` (`7700900123`), as people copy it from a contact
/// card: ten digits starting `7`.
fn uk_mobile_without_zero(digits: &str) -> Option<PhoneClass> {
    (digits.len() == 10 && digits.starts_with('7'))
        .then(|| classify_national(&format!("0{digits}")))
        .flatten()
        .filter(|class| matches!(class, PhoneClass::Personal))
}

/// A UK number written as `44` and the number without its `0`, as phones and messaging apps
/// copy it (`447700900123`, `44 7700 900123`): 12 digits, and a geographic, `03` or mobile
/// number after the `44`, so other long numbers that start `44` stay.
fn uk_without_plus(digits: &str) -> Option<PhoneClass> {
    let rest = digits.strip_prefix("44")?;
    let first = rest.bytes().next()?;
    (rest.len() == 10 && matches!(first, b'1' | b'2' | b'3' | b'7'))
        .then(|| classify_national(&format!("0{rest}")))
        .flatten()
}

/// Widen a phone span over a `+` or `(` just before it and a `)` closing inside.
fn phone_span(text: &str, groups: &[DigitGroup], i: usize, j: usize) -> Range<usize> {
    let mut start = groups[i].plus.unwrap_or(groups[i].start);
    if char_before(text, start) == Some('(') {
        start -= 1;
    }
    let mut end = groups[j].end;
    let inner = &text[start..end];
    if inner.matches('(').count() > inner.matches(')').count() && char_after(text, end) == Some(')')
    {
        end += 1;
    }
    start..end
}

fn find_phones(text: &str, found: &mut Findings) {
    for m in PHONE_CANDIDATE.find_iter(text) {
        let groups = digit_groups(text, m.range());
        // A digit run glued to a word ("abc0123...") is not a number on its own.
        let glued = matches!(char_before(text, m.start()), Some(c) if c.is_alphanumeric());
        claim_phones(text, &groups, usize::from(glued), found);
    }
}

/// From group `first` on, claim each longest run of groups that is a phone number (or keep
/// it, if a helpline), or a local number after a phone word.
fn claim_phones(text: &str, groups: &[DigitGroup], first: usize, found: &mut Findings) {
    let mut i = first;
    while i < groups.len() {
        if let Some((j, class)) = longest_phone(groups, i) {
            let span = phone_span(text, groups, i, j);
            if found.is_free(&span) {
                match class {
                    PhoneClass::Personal => {
                        found.claim(span, Removed::Phone);
                    }
                    PhoneClass::Helpline => found.keep(span),
                }
                i = j + 1;
                continue;
            }
        }
        if let Some(j) = local_number_after_phone_word(text, groups, i) {
            let span = phone_span(text, groups, i, j);
            if found.claim(span, Removed::Phone) {
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
}

// A number written as it is said ("oh seven seven double oh nine ..."): runs of digit
// words, "double" and "triple", and digits between them.
static SPOKEN_DIGIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:zero|oh|o|nought|nil|one|two|three|four|five|six|seven|eight|nine|double|triple|treble|hundred|thousand|plus|o?[0-9]+)\b",
    )
});

fn spoken_digit(word: &str) -> Option<char> {
    let d = match word.to_ascii_lowercase().as_str() {
        "zero" | "oh" | "o" | "nought" | "nil" => '0',
        "one" => '1',
        "two" => '2',
        "three" => '3',
        "four" => '4',
        "five" => '5',
        "six" => '6',
        "seven" => '7',
        "eight" => '8',
        "nine" => '9',
        _ => return None,
    };
    Some(d)
}

/// Runs of spoken digits next to each other, as digit groups ("double oh" is one group,
/// "00"; "plus" marks the group after it). Only runs with a word in them: all-digit ones
/// are [`find_phones`]'s.
fn spoken_runs(text: &str) -> Vec<Vec<DigitGroup>> {
    let mut runs: Vec<Vec<DigitGroup>> = Vec::new();
    let mut run: Vec<DigitGroup> = Vec::new();
    let mut said = false;
    let mut plus: Option<usize> = None;
    let mut repeat: Option<(usize, usize)> = None;
    let mut last_end: Option<usize> = None;
    let mut end_run = |run: &mut Vec<DigitGroup>, said: &mut bool| {
        if std::mem::take(said) {
            runs.push(std::mem::take(run));
        }
        run.clear();
    };
    for m in SPOKEN_DIGIT.find_iter(text) {
        let joined = last_end.is_some_and(|end| {
            let gap = &text[end..m.start()];
            gap.len() <= 3 && gap.chars().all(|c| c.is_whitespace() || ",.-".contains(c))
        });
        if !joined {
            end_run(&mut run, &mut said);
            (plus, repeat) = (None, None);
        }
        last_end = Some(m.end());
        let word = m.as_str();
        match word.to_ascii_lowercase().as_str() {
            "double" => repeat = Some((2, m.start())),
            "triple" | "treble" => repeat = Some((3, m.start())),
            "plus" if run.is_empty() => plus = Some(m.start()),
            // "nine hundred" is 900, "two thousand" 2000: only after a digit said alone.
            hundreds @ ("hundred" | "thousand") => match run.last_mut() {
                Some(last) if last.digits.len() == 1 && repeat.is_none() => {
                    last.digits
                        .push_str(if hundreds == "hundred" { "00" } else { "000" });
                    last.end = m.end();
                    said = true;
                }
                _ => {
                    end_run(&mut run, &mut said);
                    (plus, repeat) = (None, None);
                }
            },
            _ => {
                let (digits, is_word) = match spoken_digit(word) {
                    Some(d) => (d.to_string(), true),
                    None if word.bytes().all(|b| b.is_ascii_digit()) => (word.to_owned(), false),
                    // "O7700": a letter O typed for the zero.
                    None => match word.strip_prefix(['o', 'O']) {
                        Some(rest) if rest.bytes().all(|b| b.is_ascii_digit()) => {
                            (format!("0{rest}"), true)
                        }
                        _ => {
                            end_run(&mut run, &mut said);
                            (plus, repeat) = (None, None);
                            continue;
                        }
                    },
                };
                let (times, start) = repeat.take().unwrap_or((1, m.start()));
                let mut expanded = String::new();
                if let Some(first) = digits.chars().next() {
                    for _ in 1..times {
                        expanded.push(first);
                    }
                }
                expanded.push_str(&digits);
                said |= is_word || times > 1 || plus.is_some();
                run.push(DigitGroup {
                    start,
                    end: m.end(),
                    digits: expanded,
                    plus: plus.take(),
                });
            }
        }
    }
    end_run(&mut run, &mut said);
    runs
}

/// "call me on oh seven seven double oh nine ...": a phone number said in words, alone
/// or mixed with digits, read as [`find_phones`] reads digits.
fn find_spoken_phones(text: &str, found: &mut Findings) {
    for run in spoken_runs(text) {
        claim_phones(text, &run, 0, found);
    }
}

fn longest_phone(groups: &[DigitGroup], i: usize) -> Option<(usize, PhoneClass)> {
    let plus = groups[i].plus.is_some();
    let mut digits = String::new();
    let mut best = None;
    for (j, g) in groups.iter().enumerate().skip(i) {
        digits.push_str(&g.digits);
        if digits.len() > 15 {
            break;
        }
        if let Some(class) = classify_phone(&digits, plus) {
            best = Some((j, class));
        }
    }
    best
}

/// "text me on 432123": a local number without its area code, after a phone word.
fn local_number_after_phone_word(text: &str, groups: &[DigitGroup], i: usize) -> Option<usize> {
    if !PHONE_WORD_BEFORE.is_match(before(text, groups[i].start, 40)) {
        return None;
    }
    let mut digits = String::new();
    let mut best = None;
    for (j, g) in groups.iter().enumerate().skip(i) {
        digits.push_str(&g.digits);
        if digits.len() > 11 {
            break;
        }
        if digits.len() >= 6 {
            best = Some(j);
        }
    }
    let public = ["999", "111", "116", "0800", "0808", "0300"];
    if public.iter().any(|p| digits.starts_with(p)) {
        return None;
    }
    best
}

// ---------------------------------------------------------------------------
// Street addresses.

const STREET_TYPES: &str = r"(?:road|rd|street|st|lane|ln|close|cl|avenue|ave|av|drive|dr|way|crescent|cres|gardens|gdns|place|pl|terrace|terr|tce|court|ct|grove|gr|hill|park|pk|rise|view|walk|square|sq|mews|row|green|parade|meadows?|vale|orchard|lea|chase|hollow|gate|wharf|quay|cottages|villas|estate)";

static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:\b(?i:flat|apartment|apt|unit)\s*[0-9]{{1,4}}[A-Za-z]?\s*,?\s*)?(?:\b(?i:no\.?|number|flat|apartment|apt|unit)\s*)?\b[0-9]{{1,4}}[A-Za-z]?(?:\s*[-\x{{2013}}/]\s*[0-9]{{1,4}}[A-Za-z]?)?\s*,?\s+(?P<words>(?:[A-Za-z][A-Za-z'’\-]*\.?\s+){{1,3}})(?i:{STREET_TYPES})\b\.?"
    ))
});
// "we live on Station Road", "moved to Rose Cottage", "our house is Rose Cottage": a street
// or house without a number.
static ADDRESS_LIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i:\b(?:(?:live|lives|living|lived|moved|moving|move|stay|stays|staying|based)\s+(?:on|at|in|to|along|off)|(?:our|my|their|his|her)\s+(?:house|home)\s+is(?:\s+called)?|house\s+name\s*(?:is|:)|(?:last|first|end|corner|only)\s+(?:one|house|bungalow|cottage)\s+(?:on|in|at|along))\s+(?:the\s+)?)(?P<addr>(?:[A-Z][A-Za-z'’\-]*\s+){{1,3}}(?i:{STREET_TYPES}|cottage|farm|farmhouse|house|barn|lodge|manor|mill|bungalow)\b\.?)"
    ))
});
// "our house is called Penhallow": a home's own name, whatever words it is made of.
static HOUSE_CALLED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i:\b(?:house|home|cottage|bungalow|farm|flat)\s+is\s+(?:called|named)\s+)(?P<addr>\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){0,2})",
    )
});
// "we live at 1 The Strand", "moved to 4 Hillcrest": a number and a name after living
// somewhere is a house, whatever the street is called.
static ADDRESS_LIVE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i:\b(?:live|lives|living|lived|moved|moving|stay|stays|staying|based)\s+at|\b(?:moved|moving)\s+to)\s+(?P<addr>[0-9]{1,4}[A-Za-z]?\s*,?\s+(?:(?i:the)\s+)?(?P<words>[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+){0,2}))",
    )
});
// "i live on pinhoe rd": a street in lower case after living on it ("a busy road" and
// "the main road" are kept by the words no street name holds).
static ADDRESS_LIVE_LOWER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i:\b(?:live|lives|living|lived|stay|stays|staying)\s+(?:on|in|off)\s+)(?P<addr>(?P<words>(?:[a-z][a-z'’\-]*\s+){1,2})(?:road|rd|street|st|lane|ln|close|avenue|ave|drive|dr|way|crescent|gardens|terrace|grove|hill|park|place|court|rise|view|walk)\b\.?)",
    )
});
// In Polish the number comes after the street: "ul. Kwiatowa 5", "na ulicy Station Road 12".
static ADDRESS_PL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i:\bul\.|\bulic[aeyę]\b|\bosiedl[eu]\b|\baleja\b|\bal\.)\s+(?P<addr>(?:\p{Lu}[\p{L}'’\-]*\.?\s+){1,3}[0-9]{1,4}[A-Za-z]?(?:\s*/\s*[0-9]{1,4}[A-Za-z]?)?)\b",
    )
});
// "house number 12 on Queen Street": the number, then the street it is on.
static ADDRESS_NUMBER_ON: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?i:(?:house\s+)?(?:number|no\.?)\s*)[0-9]{{1,4}}[A-Za-z]?\s+(?i:on|in|along|down|up)\s+(?:(?i:the)\s+)?(?P<words>(?:[A-Z][A-Za-z'’\-]*\s+){{1,3}})(?i:{STREET_TYPES})\b\.?"
    ))
});
// The number after the street, as Polish and other European addresses put it: "Wolborough
// Gardens 7", "Station Road 12a". Not a time or a distance after it ("5 minutes").
static ADDRESS_NUMBER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?P<words>(?:[A-Z][a-z'’\-]+\s+){{1,3}})(?i:{STREET_TYPES})\s+[0-9]{{1,4}}[A-Za-z]?(?:\s*/\s*[0-9]{{1,4}})?\b(?P<after>\s*\S*)"
    ))
});
static NOT_A_HOUSE_NUMBER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:minutes?|mins?|miles?|hours?|hrs?|mph|times?|years?|yrs?|days?|weeks?|months?|pm|am|%|km|metres?|meters?|yards?|percent|o['’]?clock|to\b|-)",
    )
});
// A house name and its street, with no number: "Rose Cottage, Lower Lane".
static ADDRESS_HOUSE_STREET: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?P<words>(?:[A-Z][a-z'’\-]+\s+){{1,2}})(?:Cottage|Cottages|House|Farm|Farmhouse|Barn|Barton|Lodge|Manor|Mill|Bungalow|Rectory|Vicarage|Grange|Stables|Granary|Croft|Villa)\s*,\s*(?P<street>(?:[A-Z][a-z'’\-]+\s+){{1,3}})(?i:{STREET_TYPES})\b\.?"
    ))
});
// A house name and its town or village: "Rosewood Cottage, Hatherleigh", "Honeysuckle
// Barn, nr Holsworthy". Only the words a home is called by; "Castle House, Barnstaple"
// may be an office.
static ADDRESS_HOUSE_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?P<house>(?P<words>(?:[A-Z][a-z'’\-]+\s+){1,2})(?:Cottage|Cottages|Farm|Farmhouse|Barn|Barns|Bungalow))\s*,\s*(?:(?i:nr\.?|near)\s+)?(?P<place>\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+)?)",
    )
});
static ADDRESS_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?P<label>\b(?:(?:my|our|home|his|her|their|postal|full|new|old|the)\s+)?address)\s*(?:is|:|=|-)\s*(?P<addr>[^\n.;!?]{3,120})",
    )
});
static ADDRESS_LABEL_STOP: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\s(?:and|but|or|my|if|so|because|please|which|where|phone|tel|mobile|email)\b")
});
// Buildings and rural addresses, only when written with capitals: "5 Kingsley House".
static ADDRESS_BUILDING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b[0-9]{1,4}[A-Za-z]?\s*,?\s+(?P<words>(?:[A-Z][a-z'’\-]+\s+){1,3})(?:House|Cottages?|Farm|Barns?|Lodge|Manor|Mill|Villas|Flats|Buildings|Heights|Mansions|Tower|Point|Yard|Fields?|Copse|Wood|Barton|Cross|Mead|Reach|Close|Drive|Walk|Way)\b",
    )
});
// A flat in a named building: "Apartment 4, The Maltings", "Flat 2b Kingsley Court".
static ADDRESS_FLAT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:Flat|FLAT|Apartment|APARTMENT|Apt)\.?\s*[0-9]{1,4}[A-Za-z]?\s*,?\s+(?P<words>(?:The\s+)?[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+){0,2})",
    )
});
static NUMBER_NOT_HOUSE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:[£$€]|\b(?:year|yr|aged?|class|room|bus|route|page|step|level|grade|stage|ks|top|every|about|over|under|nearly|almost|around|approx|only|just|within|takes?|took)\s*)$",
    )
});

/// Words that never make up a street name: "a 10 minute walk", "2 very close friends".
static NOT_STREET_WORDS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    words(
        "
        the a an my our your his her their this that these those of in on at to from by with and or
        but for is was are be it its up down along across round around through into over under near
        past away back out off we i you he she they me him them us minute minutes min mins hour
        hours hr hrs hour's mile miles mi km metre metres meter meters yard yards second seconds sec
        secs day days week weeks month months year years yr yrs time times kid kids child children
        people friend friends more very really so too quite big small great good bad nice lovely
        different other same whole full half last next first only best worst favourite favorite hard
        easy steep lesson lessons step steps car bus train taxi ride not no just also then than when
        where what who how all some any each every both extra separate quick slow safe unsafe brisk
        out am pm hrs x times per sessions session nights night mornings morning visits visit laps
        lap points point short
        ",
    )
});

fn street_words_ok(words: &str) -> bool {
    words.split_whitespace().enumerate().all(|(i, w)| {
        // "7 The Crescent", "2 The Green": a capitalised "The" opens a street name.
        if i == 0 && w == "The" {
            return true;
        }
        let w = w.trim_end_matches('.').to_lowercase();
        !NOT_STREET_WORDS.contains(w.as_str())
    })
}

fn find_address_after_label(text: &str, found: &mut Findings) {
    for c in ADDRESS_LABEL.captures_iter(text) {
        let (Some(label), Some(g)) = (c.name("label"), c.name("addr")) else {
            continue;
        };
        // "email address:", "web address is" are not where someone lives.
        let lead = before(text, label.start(), 12).to_ascii_lowercase();
        if ["email", "e-mail", "web", "ip", "mail"]
            .iter()
            .any(|w| lead.trim_end().ends_with(w))
        {
            continue;
        }
        let mut end = g.end();
        if let Some(stop) = ADDRESS_LABEL_STOP.find(g.as_str()) {
            end = g.start() + stop.start();
        }
        let s = text[g.start()..end].trim_end_matches([' ', ',']);
        let has_detail = s.chars().any(|c| c.is_ascii_digit() || c.is_uppercase());
        if has_detail && !s.contains('@') {
            found.claim(g.start()..g.start() + s.len(), Removed::Address);
        }
    }
}

fn find_addresses(text: &str, found: &mut Findings) {
    // First, so that a flat's number and its building go as one.
    for c in ADDRESS_FLAT.captures_iter(text) {
        let (Some(m), Some(words)) = (c.get(0), c.name("words")) else {
            continue;
        };
        if street_words_ok(words.as_str()) {
            found.claim(m.range(), Removed::Address);
        }
    }
    for c in ADDRESS.captures_iter(text) {
        let (Some(m), Some(words)) = (c.get(0), c.name("words")) else {
            continue;
        };
        if !street_words_ok(words.as_str())
            || NUMBER_NOT_HOUSE.is_match(before(text, m.start(), 16))
        {
            continue;
        }
        found.claim(m.range(), Removed::Address);
    }
    // A building with its number ("5 Kingsley House"), and a number on a street ("house
    // number 12 on Queen Street"): whole, unless the number is not a house's.
    for c in [&*ADDRESS_BUILDING, &*ADDRESS_NUMBER_ON]
        .into_iter()
        .flat_map(|r| r.captures_iter(text))
    {
        let (Some(m), Some(words)) = (c.get(0), c.name("words")) else {
            continue;
        };
        if street_words_ok(words.as_str())
            && !NUMBER_NOT_HOUSE.is_match(before(text, m.start(), 16))
        {
            found.claim(m.range(), Removed::Address);
        }
    }
    for c in ADDRESS_NUMBER_AFTER.captures_iter(text) {
        let (Some(m), Some(words), Some(after)) = (c.get(0), c.name("words"), c.name("after"))
        else {
            continue;
        };
        if street_words_ok(words.as_str()) && !NOT_A_HOUSE_NUMBER_AFTER.is_match(after.as_str()) {
            found.claim(m.start()..after.start(), Removed::Address);
        }
    }
    for c in ADDRESS_LIVE_NUMBER.captures_iter(text) {
        let (Some(g), Some(words)) = (c.name("addr"), c.name("words")) else {
            continue;
        };
        if street_words_ok(words.as_str()) {
            found.claim(g.range(), Removed::Address);
        }
    }
    for c in ADDRESS_PL.captures_iter(text) {
        if let Some(g) = c.name("addr") {
            found.claim(g.range(), Removed::Address);
        }
    }
    for c in ADDRESS_LIVE_LOWER.captures_iter(text) {
        let (Some(g), Some(words)) = (c.name("addr"), c.name("words")) else {
            continue;
        };
        if street_words_ok(words.as_str()) {
            found.claim(g.range(), Removed::Address);
        }
    }
    for c in ADDRESS_HOUSE_STREET.captures_iter(text) {
        let (Some(m), Some(words), Some(street)) = (c.get(0), c.name("words"), c.name("street"))
        else {
            continue;
        };
        if street_words_ok(words.as_str()) && street_words_ok(street.as_str()) {
            found.claim(m.range(), Removed::Address);
        }
    }
    for c in ADDRESS_HOUSE_PLACE.captures_iter(text) {
        let (Some(house), Some(words), Some(place)) =
            (c.name("house"), c.name("words"), c.name("place"))
        else {
            continue;
        };
        // A town the lists know, or a village no list knows ("Stockleigh Pomeroy").
        let place_known =
            NAMES.is_not_name(&fold(place.as_str()))
                || place.as_str().split_whitespace().next().is_some_and(|w| {
                    NAMES.is_not_name(&fold(w)) || NAMES.is_unknown_word(&fold(w))
                });
        if place_known && street_words_ok(words.as_str()) {
            found.claim(house.range(), Removed::Address);
        }
    }
    for c in ADDRESS_LIVE.captures_iter(text) {
        if let Some(g) = c.name("addr") {
            if street_words_ok(g.as_str()) {
                found.claim(g.range(), Removed::Address);
            }
        }
    }
    for c in HOUSE_CALLED.captures_iter(text) {
        if let Some(g) = c.name("addr") {
            found.claim(g.range(), Removed::Address);
        }
    }
}

// ---------------------------------------------------------------------------
// Protected phrases: places and services that contain a given name.

static PROTECTED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:childline|bovey\s+tracey|stoke\s+gabriel|combe\s+martin|milton\s+abbot|milton\s+combe|mary\s+tavy|peter\s+tavy|hope\s+cove|ellen\s+tinkham|vranch\s+house|marks\s+(?:and|&)\s+spencer|marie\s+curie|ronald\s+mcdonald|princess\s+alice|queen\s+elizabeth|harry\s+potter|peppa\s+pig|jack\s+wills|ted\s+baker|duke\s+of\s+edinburgh|prince['’]?s\s+trust|williams\s+syndrome|jack\s+petchey|bob\s+the\s+builder|thomas\s+the\s+tank(?:\s+engine)?|mr\s+tumble|mr\s+men|dawlish\s+warren|stephen\s+hawking|stephen\s+fry|david\s+beckham|jamie\s+oliver|malala(?:\s+yousafzai)?|simone\s+biles|rosa\s+parks|martin\s+luther\s+king|nelson\s+mandela|ellie\s+simmonds|jonnie\s+peacock|tanni\s+grey[\s\-]+thompson|rose\s+ayling[\s\-]+ellis|justin\s+fletcher|hermione\s+granger|ron\s+weasley|father\s+christmas|mr\s+(?:tickle|happy|bump|greedy|strong|messy|small|silly|nosey|noisy|lazy|rush|grumpy|muddle|bounce|clever|forgetful|funny|impossible|jelly|mean|nonsense|perfect|quiet|sneeze|uppity|worry|wrong|chatterbox|daydream|dizzy|fussy|nobody|skinny|slow|snow|tall|topsy[\s\-]+turvy|brave|busy|cheerful|cool|good|birthday|calm|clumsy|marvellous|rude|bean|blobby|potato\s+head|motivator)|little\s+miss\s+(?:sunshine|bossy|naughty|chatterbox|scatterbrain|shy|giggles|helpful|hug|princess|tiny|trouble|splendid|star|magic|wise|late|curious|inventor|lucky|busy|brainy|fun|twins|stubborn|whoops|quick|neat|contrary|fickle|somersault|tidy|dotty|greedy|scary|sparkle|brave|kind|calamity|sunshine)|jack\s+russell|florence\s+nightingale|horrid\s+henry|fireman\s+sam|ben\s+(?:and|&)\s+holly|charlie\s+(?:and|&)\s+lola|sarah\s+(?:and|&)\s+duck|george\s+pig|percy\s+jackson|tom\s+gates|alex\s+rider|peter\s+pan|oliver\s+twist|captain\s+tom|john\s+lewis|peter\s+rabbit|thomas\s+cook|amber\s+(?:and|&|/)\s+green|red\s*,?\s+amber|dame\s+hannah\s+rogers|greta\s+thunberg|chris\s+packham|david\s+attenborough|albert\s+einstein|temple\s+grandin|taylor\s+swift|marcus\s+rashford|lewis\s+hamilton|billie\s+eilish|anthony\s+hopkins|elon\s+musk|king\s+charles|prince\s+william|prince\s+harry|joe\s+wicks|tom\s+daley|emma\s+raducanu|harry\s+kane|ed\s+sheeran|dua\s+lipa|roald\s+dahl|julia\s+donaldson|david\s+walliams|jacqueline\s+wilson|carol\s+(?:singing|service|concert)s?)\b",
    )
});

fn protect_known_phrases(text: &str, found: &mut Findings) {
    for m in PROTECTED.find_iter(text) {
        found.keep(m.range());
    }
}

// ---------------------------------------------------------------------------
// Names.

struct NameLists {
    given: HashSet<String>,
    ambiguous: HashSet<String>,
    lower_words: HashSet<String>,
    surnames: HashSet<String>,
    not_names: HashSet<String>,
    /// Ordinary English words, lower case, sorted: a capitalised word that is none of
    /// these, nor a listed name or non-name, may be a name the lists do not hold.
    english: Vec<&'static str>,
}

fn list(text: &'static str) -> impl Iterator<Item = String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(fold)
}

/// Lower case without accents, the form names are looked up in: "Zoë" and "zoe", "Łukasz"
/// and "lukasz" are one name, however the writer's keyboard spells it.
fn fold(word: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        // Arabic is typed with or without its hamza and ta marbuta ("فاطمة", "فاطمه"), and
        // stretched with tatweel. Alef maqsura stays: "على" (on) is not "علي" (Ali).
        .filter(|c| *c != '\u{0640}')
        .map(|c| match c {
            'ł' => 'l',
            'ø' => 'o',
            'đ' => 'd',
            'ı' => 'i',
            'ة' => 'ه',
            'ٱ' => 'ا',
            c => c,
        })
        .collect()
}

static NAMES: LazyLock<NameLists> = LazyLock::new(|| {
    let ambiguous: HashSet<String> =
        list(include_str!("../../data/names/ambiguous_given_names.txt")).collect();
    let lower_words: HashSet<String> =
        list(include_str!("../../data/names/lowercase_word_names.txt")).collect();
    let mut given: HashSet<String> =
        list(include_str!("../../data/names/uk_given_names.txt")).collect();
    given.extend(ambiguous.iter().cloned());
    given.extend(lower_words.iter().cloned());
    NameLists {
        given,
        ambiguous,
        lower_words,
        surnames: list(include_str!("../../data/names/uk_surnames.txt")).collect(),
        not_names: list(include_str!("../../data/names/not_names.txt")).collect(),
        english: {
            let mut words: Vec<&'static str> = include_str!("../../data/words/english.txt")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            words.sort_unstable();
            words
        },
    }
});

/// Ambiguous names that are places: "I'm Devon born", "from India".
const PLACE_NAMES: &[&str] = &[
    "devon", "jordan", "india", "georgia", "paris", "florence", "sydney", "chelsea", "brooklyn",
    "dallas", "austin", "lincoln", "milan", "vienna",
];
/// After "my son" a lower-case word is usually a verb: "my son will", "my son drew".
const LOWER_NOT_AFTER_RELATION: &[&str] = &[
    "will", "may", "can", "drew", "chase", "mark", "rob", "sue", "grant", "pat",
];
/// All-capital words that are acronyms even though they spell a name.
const ACRONYMS: &[&str] = &["elsa", "salt", "ada", "send", "pip", "dla", "jan"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Title,
    Upper,
    Lower,
    /// A script without capitals (Arabic): only lists and context can tell a name.
    Caseless,
    Other,
}

#[derive(Debug)]
struct Token {
    start: usize,
    /// End of the name itself, without a possessive "'s".
    base_end: usize,
    end: usize,
    /// Lower-cased name, possessive stripped.
    key: String,
    case: Case,
    possessive: bool,
}

static WORD: LazyLock<Regex> =
    LazyLock::new(|| re(r"\p{L}[\p{L}\p{M}]*(?:['’\-]\p{L}[\p{L}\p{M}]*)*"));

fn case_of(s: &str) -> Case {
    let mut chars = s.chars().filter(|c| c.is_alphabetic());
    let Some(first) = chars.next() else {
        return Case::Other;
    };
    let rest: Vec<char> = chars.collect();
    if first.is_uppercase() {
        if rest.iter().any(|c| c.is_lowercase()) {
            Case::Title
        } else if !rest.is_empty() && rest.iter().all(|c| c.is_uppercase()) {
            Case::Upper
        } else {
            Case::Other
        }
    } else if first.is_lowercase() {
        Case::Lower
    } else if first.is_alphabetic() {
        Case::Caseless
    } else {
        Case::Other
    }
}

fn tokens(text: &str) -> Vec<Token> {
    WORD.find_iter(text)
        .map(|m| {
            let s = m.as_str();
            let base = s
                .strip_suffix("'s")
                .or_else(|| s.strip_suffix("’s"))
                .or_else(|| s.strip_suffix("'S"))
                .unwrap_or(s);
            Token {
                start: m.start(),
                base_end: m.start() + base.len(),
                end: m.end(),
                key: fold(base),
                case: case_of(base),
                possessive: base.len() != s.len(),
            }
        })
        .collect()
}

impl NameLists {
    fn is_given(&self, key: &str) -> bool {
        if self.given.contains(key) {
            return true;
        }
        // "Anne-Marie", "Lily-Rose": every part a given name; "Lily-Mai", "Tyler-Jay": a
        // given name joined to parts that are no English word either.
        key.contains('-')
            && key.split('-').any(|p| self.given.contains(p))
            && key.split('-').all(|p| {
                self.given.contains(p)
                    || (p.chars().count() >= 2 && !self.is_english(p) && !self.is_not_name(p))
            })
    }
    fn is_ambiguous(&self, key: &str) -> bool {
        !key.contains('-') && self.ambiguous.contains(key)
    }
    fn lower_is_word(&self, key: &str) -> bool {
        self.is_ambiguous(key) || self.lower_words.contains(key)
    }
    fn is_not_name(&self, key: &str) -> bool {
        self.not_names.contains(key)
    }
    fn is_english(&self, key: &str) -> bool {
        self.english.binary_search(&key).is_ok()
    }
    /// A surname, or a word that could only be a name: "Pengelly", "Tregenza".
    fn could_be_surname(&self, key: &str) -> bool {
        self.surnames.contains(key) || self.is_unknown_word(key)
    }
    /// A word that could only be a name, a place or a brand: neither an English word
    /// nor a known non-name ("Bartek", "Nevaeh"; not "School", "Tiverton", "CAMHS").
    fn is_unknown_word(&self, key: &str) -> bool {
        key.chars().count() >= 3
            && !self.is_given(key)
            && !self.is_not_name(key)
            && !key
                .split(['-', '\'', '’'])
                .any(|part| self.is_english(part) || self.is_not_name(part))
    }
}

/// How sure the surrounding text makes us that the next word is a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    /// "my name is": any word not a known non-name, even in lower case.
    Strong,
    /// "my son", titles: any capitalised word not a known non-name.
    Relation,
    /// "my son", "we call him" in English: as [`Context::Relation`], and also a lower-case
    /// word of four letters or more that no list knows ("my son xzavier").
    Kin,
    /// "I'm", "hi", "thanks": only a listed given name, even an ambiguous one.
    Weak,
}

// "my name is", "my son's name is": a person's own name, even in lower case.
static STRONG_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:my|his|her|their|our|your)\s+(?:(?:son|daughter|child|kid|boy|girl|brother|sister|mum|mom|dad|husband|wife|partner|friend|twin|baby)(?:s|['’]s|s['’])?\s+)?(?:(?:first|sur|nick|full|real|last|christian)\s*)?names?\s*(?:is|are|was|'s|’s|:|=|-)|i['’]?m\s+called|i\s+am\s+called|im\s+called|nazywam\s+się|mam\s+na\s+imię|ma\s+na\s+imię|(?:jego|jej|moje)\s+imię\s+(?:to|jest)|\bو?(?:اسمي|اسمه|اسمها|اسم\s+(?:ابني|ابنتي|بنتي|ولدي|طفلي|طفلتي|زوجي|زوجتي))(?:\s+(?:هو|هي))?)[\s:,\-]*",
    )
});
// "case officer Sinead", "the driver, Trevor": a worker's role, then their name.
static ROLE_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:case\s*officer|case\s*worker|caseworker|case\s*manager|key\s*worker|social\s+worker|support\s+worker|family\s+support\s+worker|teaching\s+assistant|class\s+teacher|form\s+tutor|head\s*teacher|paediatrician|ehc\s*(?:plan\s+)?(?:co-?ordinator|officer|writer)|send\s+(?:officer|caseworker|case\s+officer)|educational\s+psychologist|speech\s+(?:and\s+language\s+)?therapist|occupational\s+therapist|physiotherapist|health\s+visitor|school\s+nurse|learning\s+mentor|advocate|personal\s+assistant)(?:\s*,\s*|\s+)",
    )
});
// "the name is", "Name:", "she's called": capitalised names only.
static NAME_IS_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:(?:first|sur|nick|full|real|last|christian)\s*)?names?\s*(?:is|are|was|'s|’s|:|=|-)|(?:sur|fore|family\s+|last\s+|first\s+|given\s+)name\b|nazwisko|imię|imie|(?:he|she|they)\s+(?:is|are|was|were)\s+called|(?:he|she)['’]s\s+called|they['’]re\s+called|who\s+is\s+called|goes\s+by(?:\s+the\s+name(?:\s+of)?)?|(?:we|i|they|everyone|people|family|friends)\s+(?:all\s+)?(?:call|calls|called|nickname|nicknamed)\s+(?:him|her|them|me)|known\s+as|signed\s*:|\bme\s+(?:and|&)|(?:and|&)\s+me\s*,?\s+(?:and\s+)?)[\s:,\-]*",
    )
});
static RELATION_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\b(?:my|our|his|her|their|your|(?:son|daughter|child|brother|sister|mum|dad)(?:['’]s|s)|(?-i:\p{Lu}[\p{Ll}\-]+)['’]s)\s+(?:(?:eldest|oldest|youngest|middle|little|big|older|younger|baby|twin|step|foster|adopted|lovely|beautiful|gorgeous|amazing|precious|autistic|disabled|poorly|brave|[0-9]{1,2}\s*-?\s*(?:yo|y/o|yr\s*old|yrs?\s*old|year\s*old|years\s*old|-year-old|year-old))[\s,\-]+){0,3}(?:(?:wee|little|youngest|eldest|oldest|middle|baby)\s+ones?|sons?|daughters?|child|children|kids?|boys?|girls?|lads?|lasses|brothers?|sisters?|siblings?|twins?|mum|mom|mam|mummy|mother|dad|daddy|father|step-?sons?|step-?daughters?|step-?mum|step-?dad|grandsons?|grand-?d?aughters?|grandchild(?:ren)?|nephews?|nieces?|neices?|husband|wife|partner|ex|fiance|fiancee|friends?|best\s+friend|bestie|cousins?|nan|nana|nanna|nanny|gran|granny|grandma|grandad|grandpa|auntie|aunty|aunt|uncle|carer|foster\s+carer|social\s+worker|key\s*worker|support\s+worker|teacher|tutor|senco|[0-9]{1,2}\s*(?:yo|y/o|year\s*old|yr\s*old))|\b(?:sons?|daughters?)|\bcall\s+me)(?:[\s,:(]+|\s*-\s*)",
    )
});
// In Polish and Arabic: "córka Zosia", "Pani Kowalska", "ابني محمد" (my son Mohammed).
static RELATION_CONTEXT_PL_AR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:(?:mój|moja|moje|mojego|mojej|moim|moją|nasz|nasza|naszego|naszej|naszym)\s+)?(?:syn|synek|syna|synem|synka|córka|córeczka|córki|córką|córkę|mąż|męża|mężem|żona|żony|brat|brata|bratem|siostra|siostry|siostrą|wnuk|wnuczka|pani|pan|panią|panem|panu|mama|tata|babcia|dziadek|ciocia|wujek|[0-9]{1,2}\s*-?\s*letni(?:ego|ej|a|m|emu|ą|ch)?)|و?(?:ابني|ابنتي|بنتي|ولدي|طفلي|طفلتي|زوجي|زوجتي|أخي|اخي|أختي|اختي|المعلمه|المعلمة|المعلم|الأستاذ|الاستاذ|الأستاذة|الاستاذة|الاستاذه|السيدة|السيده|السيد))[\s,:(]+",
    )
});
// Separate from RELATION_CONTEXT because its matches overlap ("my son is called").
static CALLED_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:girl|boy|child|kid|lad|lass|friend|man|woman|lady|teacher|worker|pupil|student|son|daughter|brother|sister|baby|mum|dad|nurse|doctor|senco|tutor|carer)\b[^.!?\n]{0,40}?\b(?:is|was)\s+called|(?:boy|girl|child|kid|son|daughter|lad|lass|friend|man|woman|lady|person|teacher|worker|pupil|student)\s+(?:called|named)|(?:son|daughter|child|boy|girl|brother|sister|baby|twin|kid|lad|mum|mom|dad|friend|teacher|keyworker|worker|carer|nurse|doctor|consultant|senco|therapist|tutor|he|she)(?:['’]s|\s+is|\s+was)\s+(?:called|named))[\s,:]+",
    )
});
static WEAK_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\b(?:hi|hello|hiya|hey)[\s,!]+it['’]?s|\b(?:i['’]?m|i\s+am|im|this\s+is|hi|hello|hiya|hey|dear|thx|thanx|thnx|thankyou|(?-i:Ta)\s*[,\n]|(?:many\s+)?thanks(?:\s+(?:so\s+much|again|a\s+lot|very\s+much))?|thank\s+you(?:\s+(?:so\s+much|again|very\s+much))?|best\s+wishes|(?:kind|warm|best)\s+regards|yours\s+(?:sincerely|faithfully|truly)|sincerely|best\s*,|with\s+(?:thanks|love|best\s+wishes)|all\s+the\s+best|take\s+care|cheers|love\s*,|lots\s+of\s+love|regards|love\s+from|(?:mum|mom|mam|dad|mother|father|parent|carer|nan|grandma|grandad)\s+(?:of|to|for)|(?:my|our|his|her|their)\s+(?:kids|children|sons|daughters|boys|girls|twins|son|daughter|child|boy|girl)\s+(?:are|is|were|was)|ring|call|text|phone|ask\s+for|speak\s+(?:to|with)|spoke\s+(?:to|with)|talk(?:ed)?\s+(?:to|with)|contact|email|message))[\s,:]*",
    )
});
// A role written as a title: "Nurse Jan", "Coach Dave", "Pastor John".
static ROLE_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:Nurse|Coach|Pastor|Matron|Midwife|Sister|Brother|Father|Teacher)\s+")
});
// A family word written as a title: "Aunty Sue", "love from Nan (Pat)".
static FAMILY_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:Aunty|Auntie|Aunt|Uncle|Nan|Nana|Nanna|Nanny|Gran|Granny|Grandma|Grandad|Granddad|Grandpa|Grampy|Cousin)(?:\s*\(\s*|\s+)",
    )
});
/// A sign-off, then initials ("Yours sincerely\nM. Thompson", "Regards, J R Nowak"): where
/// the initials start; [`NameFinder::after_initials`] reads them.
static SIGN_OFF_INITIALS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i:\b(?:regards|wishes|sincerely|faithfully|truly|thanks|thank\s+you|cheers|love|best))[\s,:]*(?P<initials>[A-Z])[.\s]",
    )
});
/// Words a letter labels rather than stands for a name: "Plan B", "option C", "vitamin D".
static LABEL_BEFORE_LETTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:plan|option|options|part|section|grade|grades|year|type|class|step|appendix|question|box|level|vitamin|tier|form|room|block|band|category|stage|phase|route|zone|wing|ward|unit|floor|team|group|set|table|figure|page|schedule|annex|item|point|list|choice|answer|exhibit|block|platform|gate|bay|row|seat|flat|apartment|house|number|no)\s*$",
    )
});
/// At most this many initials before a surname ("J R R Tolkien").
const MAX_INITIALS: usize = 3;
static TITLE_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:Mrs|Mr|Ms|Mx|Miss|Dr|Prof|Professor|Sir|Dame|Rev|Revd|Cllr|Councillor|Sgt|Sergeant|DS|DC|DI|PCSO|Insp|Inspector|Constable|Detective|MRS|MR|MS|MISS|DR|mrs|mr|ms|miss|dr)\.?\s+",
    )
});
// "a girl called Zuzia", "I called CAMHS": what comes before "called" decides.
static CALLED_ANY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?P<pre>\b[\p{L}'’]+)[\s,]+(?:called|named)\s*[:\-]?\s*"));
/// Before "called" these mean phoning: "we called Jack" takes a listed name only.
static CALLED_BY_PHONE: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    words(
        "
        i we they he she you mum dad and then just already also finally eventually had have has
        i've we've they've never always even still again
        ",
    )
});
/// Before "called" these name nothing by themselves: "it's called", "that is called".
static CALLED_NEUTRAL: LazyLock<HashSet<&str>> =
    LazyLock::new(|| words("that's it's its it is was which that"));
// Whichever of a person or a thing was mentioned last is what is "called ...".
static PERSON_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:girl|boy|lad|lass|kid|child|friend|mate|man|woman|lady|bloke|guy|teacher|someone|somebody|person|pupil|student|worker|nurse|doctor|son|daughter|brother|sister|cousin)s?\b",
    )
});
static THING_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:club|group|app|school|charity|programme|program|service|thing|place|game|show|book|film|team|class|unit|centre|center|project|company|scheme|website|site|page|channel|song|room|course|session|event|fair|shop|cafe|band)s?\b",
    )
});
static AFTER_NAME_LIST: LazyLock<Regex> =
    // An age may sit between two names: "Tilly 6, Max 9 and Rosie 12", "Mia (4) and Ruby (7)".
    LazyLock::new(|| {
        re(
            r"^(?:\s*\(?\s*(?:aged?\s*)?[0-9]{1,2}\s*(?:yrs?|yo)?\s*\)?)?(?:\s*,\s*|\s+(?:and|&|n)\s+|\s*&\s*|\s*\+\s*)",
        )
    });
// "Jack's dad", "Grace's EHCP": an ambiguous name owning a person's things.
static OWNED_BY_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s+(?:mum|mummy|mam|dad|daddy|mother|father|nan|nanny|gran|grandma|grandad|brother|sister|teacher|ta|class|school|ehcp|plan|needs|diagnosis|behaviour|friends?|carer|keyworker|sw|social\s+worker|senco|review|autism|adhd|birthday|bedroom|medication|meds|transport|taxi|appointments?|referral|assessment|therapy|therapist|ot|salt|speech|placement|paediatrician|consultant|camhs|support|progress|report|school\s+report|wheelchair|seizures|epilepsy|anxiety|sats|exams|results|timetable|respite|hospital|operation|health|hearing\s+aids?|1:1|one\s+to\s+one|car|van|phone|room|house|job|shifts?|partner|girlfriend|boyfriend|wife|husband)\b",
    )
});
static AGE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:\s*\(\s*(?:aged?\s*)?[0-9]{1,2}\b|\s*[,(]\s*(?:year|yr|y)\s*[0-9]{1,2}\b|,?\s+aged?\s+[0-9]{1,2}\b|\s+is\s+(?:now\s+|only\s+|just\s+)?[0-9]{1,2}\s*(?:years?|yrs?|yo)\b|\s+who\s+is\s+[0-9]{1,2}\b|\s+is\s+(?:now\s+|only\s+|just\s+)?[0-9]{1,2}(?:\s*[,.!;)]|\s+and\b|\s*$)|\s+is\s+in\s+(?:year|yr|y)\s*[0-9]{1,2}\b|\s+(?:has|had)\s+(?:autism|adhd|add|asd|asc|pda|cp|cerebral|down['’]?s?|epilepsy|dyslexia|dyspraxia|anxiety|semh|pmld|sld|mld|an?\s+ehcp|ehcp|global|sensory|hearing|complex|selective)\b)",
    )
});
/// "i'm", "its", "this is" right before a word: a self-introduction.
static SELF_INTRO_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:^|[\s,.!])(?:i['’]?m|i\s+am|it['’]?s|this\s+is)\s+$"));
/// The age someone gives after their name: "and i'm 14", ", 14", "aged 14", "(14)".
static OWN_AGE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:\s*(?:,|and|&)?\s*(?:i['’]?m|i\s+am)\s+(?:only\s+|just\s+)?[0-9]{1,2}\b|\s*,\s*[0-9]{1,2}\b|,?\s+aged?\s+[0-9]{1,2}\b|\s*\(\s*[0-9]{1,2}\s*\))",
    )
});
// What a person does or is: after a capitalised word no list knows, it makes the word
// a name ("Bartek is non verbal", "Nevaeh has no friends", "Kacper can't read").
static PERSON_DOES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s+(?:is|was|has|had|needs|needed|loves|loved|hates|hated|likes|liked|struggles|struggled|gets|got|goes|went|feels|felt|wants|wanted|says|said|told|started|attends|attended|lives|lived|cries|cried|refuses|refused|finds|found|enjoys|enjoyed|misses|missed|hits|hit|screams|screamed|can['’]?t|cannot|couldn['’]?t|won['’]?t|wouldn['’]?t|doesn['’]?t|didn['’]?t|isn['’]?t|wasn['’]?t|hasn['’]?t|still|never|always|also|just|really)\b",
    )
});
static FAMILY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^\s+(?:family|families|household|twins|kids|children|boys|girls|clan)\b")
});
static PLURAL_BE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s+(?:are|were)\b"));
// Done to or with a person: before a capitalised word no list knows, it makes the
// word a name ("bullied by Zuzia", "I play with Oskar", "I miss Maja").
static DONE_TO_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:bullied\s+by|bullies|bullying|hit\s+by|play(?:s|ed|ing)?\s+with|friends?\s+with|hugs?|hugged|told|tells|asked|asks|misses|missed|miss)\s+$",
    )
});
// After these a capitalised word no list knows is a place: "at Killerton", "in Lifton".
static AT_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:at|in|from|near|nr|to|of|into|around|outside|inside|via|towards)\s+$")
});
// A name directly before one of these is a place, school or condition.
static NOT_PERSON_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:\s+(?:road|street|avenue|close|drive|way|crescent|gardens|place|terrace|court|grove|park|primary|school|academy|college|hospital|hospice|centre|center|unit|surgery|practice|medical|church|library|trust|foundation|syndrome|disease|palsy|sarcoma|club|group|class|forum|project|therapy|programme|program|app|service|services|team|society|network|charity|nursery|preschool)|['’]s\s+(?:syndrome|disease|palsy|sarcoma))\b",
    )
});
static NOT_PERSON_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:\b(?:St|ST|Saint|SAINT|Queen|King|Prince|Princess|Lake|Mount|Port|Fort)\.?\s+)$")
});
static SENTENCE_START: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^\s*|[.!?\n:]\s*|^\s*[-*•]\s*)$"));

struct NameFinder<'a> {
    text: &'a str,
    toks: Vec<Token>,
    marked: Vec<bool>,
    lists: Lists<'a>,
}

/// The bundled lists, and the writer's own name when it is known ([`scrub_knowing`]).
#[derive(Clone, Copy)]
struct Lists<'a> {
    bundled: &'a NameLists,
    own: &'a [String],
}

impl std::ops::Deref for Lists<'_> {
    type Target = NameLists;
    fn deref(&self) -> &NameLists {
        self.bundled
    }
}

impl Lists<'_> {
    fn is_own(&self, key: &str) -> bool {
        self.own.iter().any(|w| w == key)
    }
    fn is_given(&self, key: &str) -> bool {
        self.bundled.is_given(key) || (self.is_own(key) && !self.bundled.is_not_name(key))
    }
    /// The writer's name that is also a word ("Rob", "Field") goes only where a name fits.
    fn is_ambiguous(&self, key: &str) -> bool {
        self.bundled.is_ambiguous(key)
            || (self.is_own(key) && !self.bundled.is_given(key) && self.bundled.is_english(key))
    }
    fn lower_is_word(&self, key: &str) -> bool {
        self.bundled.lower_is_word(key) || self.is_ambiguous(key)
    }
}

impl<'a> NameFinder<'a> {
    fn token_at(&self, pos: usize) -> Option<usize> {
        let i = self.toks.partition_point(|t| t.start < pos);
        (i < self.toks.len() && self.toks[i].start == pos).then_some(i)
    }

    /// A capital letter on its own: an initial ("J", "J.").
    fn is_initial(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.base_end - t.start == 1 && t.case == Case::Other
    }

    /// The token after a run of up to three initials starting at `i` ("J R Smith",
    /// "A. B. Jones", "S.J. Collins"), where the surname should be.
    fn after_initials(&self, i: usize) -> Option<usize> {
        let mut last = i;
        loop {
            let next = last + 1;
            if next >= self.toks.len() || !matches!(self.gap(last, next), " " | ". " | ".") {
                return None;
            }
            if !self.is_initial(next) || next - i >= MAX_INITIALS {
                return Some(next);
            }
            last = next;
        }
    }

    fn gap(&self, a: usize, b: usize) -> &str {
        &self.text[self.toks[a].end..self.toks[b].start]
    }

    fn sentence_start(&self, i: usize) -> bool {
        SENTENCE_START.is_match(before(self.text, self.toks[i].start, 8))
    }

    /// Is this token a place, school or condition rather than a person?
    fn not_person(&self, i: usize) -> bool {
        let t = &self.toks[i];
        NOT_PERSON_AFTER.is_match(after(self.text, t.base_end, 24))
            || NOT_PERSON_BEFORE.is_match(before(self.text, t.start, 10))
    }

    fn accept_in_context(&self, i: usize, ctx: Context) -> bool {
        let (ctx, unknown_lower) = match ctx {
            Context::Kin => (Context::Relation, true),
            other => (other, false),
        };
        let t = &self.toks[i];
        let l = self.lists;
        let given = l.is_given(&t.key);
        // "for my son, Devon County Council did nothing": a place, not a name.
        if PLACE_NAMES.contains(&t.key.as_str())
            && self
                .toks
                .get(i + 1)
                .is_some_and(|n| n.case == Case::Title && self.gap(i, i + 1) == " ")
        {
            return false;
        }
        match (ctx, t.case) {
            (_, Case::Other) => false,
            // "اسمي فاطمة" (my name is Fatima): any word after "my name is", as in lower case.
            (Context::Strong, Case::Caseless) => {
                t.key.chars().count() >= 2 && !l.is_not_name(&t.key)
            }
            // "ابني محمد" (my son Mohammed): without capitals only a listed name shows.
            (_, Case::Caseless) => given && !l.is_not_name(&t.key),
            // "Thanks, Kasia", "text Bartek": a listed name, or a word that could only be one.
            (Context::Weak, Case::Title) => {
                (given || l.is_unknown_word(&t.key)) && !PLACE_NAMES.contains(&t.key.as_str())
            }
            (Context::Weak, _) => false,
            (_, Case::Title) => given || !l.is_not_name(&t.key),
            (_, Case::Upper) => {
                (given && !ACRONYMS.contains(&t.key.as_str())) || l.surnames.contains(&t.key)
            }
            // "my son xzavier": after English kin words, a word of four letters or more
            // that no list knows is a family's own spelling of a name.
            (Context::Relation | Context::Kin, Case::Lower) => {
                (given
                    || (unknown_lower && t.key.chars().count() >= 4 && l.is_unknown_word(&t.key)))
                    && !LOWER_NOT_AFTER_RELATION.contains(&t.key.as_str())
                    && !l.is_not_name(&t.key)
            }
            (Context::Strong, Case::Lower) => {
                t.key.chars().count() >= 2
                    && !l.is_not_name(&t.key)
                    && !LOWER_NOT_A_NAME.contains(t.key.as_str())
            }
        }
    }

    /// A name with no context around it: a listed given name that is no ordinary word.
    fn free_name(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let l = self.lists;
        if !l.is_given(&t.key) || l.is_ambiguous(&t.key) || l.is_not_name(&t.key) {
            return false;
        }
        match t.case {
            Case::Title => true,
            Case::Upper => t.key.chars().count() >= 4 && !ACRONYMS.contains(&t.key.as_str()),
            Case::Lower => t.key.chars().count() >= 3 && !l.lower_is_word(&t.key),
            Case::Caseless => t.key.chars().count() >= 3,
            Case::Other => false,
        }
    }

    /// "Olivers mum": a given name with a possessive missing its apostrophe.
    fn free_name_plural(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let l = self.lists;
        if t.case != Case::Title || t.possessive || t.key.chars().count() < 5 {
            return false;
        }
        let Some(stem) = t.key.strip_suffix('s') else {
            return false;
        };
        l.given.contains(stem) && !l.is_ambiguous(stem) && !l.is_not_name(&t.key)
    }

    /// A capitalised word no list holds, in a place only a person fits: before what a
    /// person does, after what is done to one, with an age, or owning a person's things.
    fn unknown_name(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if t.case != Case::Title || !self.lists.is_unknown_word(&t.key) {
            return false;
        }
        // "at Killerton is", "in Lifton": a place.
        if AT_PLACE.is_match(before(self.text, t.start, 12)) {
            return false;
        }
        // After an ambiguous given name ("Holly Willoughby") the rule for those decides.
        if let Some(j) = i.checked_sub(1) {
            let prev = &self.toks[j];
            if prev.case == Case::Title
                && self.lists.is_ambiguous(&prev.key)
                && self.gap(j, i) == " "
            {
                return false;
            }
        }
        // Names have vowels: "Ldd", "Hft" and "Tbh" are not names.
        if !t.key.contains(['a', 'e', 'i', 'o', 'u', 'y']) {
            return false;
        }
        let next = after(self.text, t.base_end, 40);
        // "are" and "were" after a list of names only: "Bartek and Tymek are twins", not
        // "Chromebooks are rubbish".
        let listed = || {
            self.name_before(i).is_some_and(|j| {
                self.toks[j].case == Case::Title && (j + 1 < i || self.gap(j, i) != " ")
            })
        };
        (!t.possessive && PERSON_DOES.is_match(next))
            || (!t.possessive && PLURAL_BE.is_match(next) && listed())
            || AGE_AFTER.is_match(after(self.text, t.end, 40))
            || (t.possessive && OWNED_BY_PERSON.is_match(after(self.text, t.end, 24)))
            || DONE_TO_PERSON.is_match(before(self.text, t.start, 24))
    }

    /// "the Smith family", "the Nowak twins": a surname, or a word that could only be a
    /// name, before a word for a family.
    fn family_name(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let l = self.lists;
        if t.case != Case::Title || t.possessive || l.is_not_name(&t.key) {
            return false;
        }
        if !l.could_be_surname(&t.key) {
            return false;
        }
        FAMILY_AFTER.is_match(after(self.text, t.end, 16))
    }

    /// Before a name, mark the unlisted words that are its first name ("Bartek Nowak is
    /// 9") or names listed with it ("Bartek and Zofia are twins").
    fn mark_unknown_names_before(&mut self, i: usize) {
        let mut k = i;
        while let Some(j) = self.name_before(k) {
            // A first name comes before a surname, not before another first name: in "at
            // Bicton Oliver learned", Bicton is no name of Oliver's.
            if j + 1 == k && self.gap(j, k) == " " && self.lists.is_given(&self.toks[k].key) {
                break;
            }
            let t = &self.toks[j];
            let name_like = t.case == Case::Title
                && !t.possessive
                && (self.lists.is_unknown_word(&t.key)
                    || (self.lists.is_given(&t.key) && !self.lists.is_not_name(&t.key)));
            if self.marked[j] || !name_like || self.not_person(j) {
                break;
            }
            self.marked[j] = true;
            k = j;
        }
    }

    /// The token just before token k that would be a first name or a name listed
    /// with it: "Bartek Nowak", "Bartek, Zofia", "Bartek & Zofia", "Bartek and Zofia".
    fn name_before(&self, k: usize) -> Option<usize> {
        let j = k.checked_sub(1)?;
        let t = &self.toks[j];
        let gap = self.gap(j, k);
        if matches!(t.key.as_str(), "and" | "n") && t.case == Case::Lower && gap == " " {
            let first = j.checked_sub(1)?;
            return (self.gap(first, j) == " ").then_some(first);
        }
        let sep = gap.trim();
        let listed =
            gap.len() <= 4 && !sep.is_empty() && sep.chars().all(|c| matches!(c, ',' | '&' | '+'));
        (gap == " " || listed).then_some(j)
    }

    /// After a name, a capitalised word (not a known non-name) is its surname.
    fn surname_follows(&self, i: usize) -> Option<usize> {
        let k = i + 1;
        if k >= self.toks.len() || self.toks[i].possessive {
            return None;
        }
        let gap = self.gap(i, k);
        if gap.is_empty() || !gap.chars().all(|c| c == ' ' || c == '\t') {
            return None;
        }
        let t = &self.toks[k];
        // "Gail Pearce Mobile: 07700 …": a word before a colon labels what follows.
        if self.text[t.end..].starts_with(':') {
            return None;
        }
        let l = self.lists;
        let ok = match (self.toks[i].case, t.case) {
            (_, Case::Title) => !l.is_not_name(&t.key) || l.surnames.contains(&t.key),
            (Case::Upper, Case::Upper) => l.surnames.contains(&t.key) || l.is_given(&t.key),
            // "my name is jo bloggs": in lower case only a known surname follows.
            (Case::Lower, Case::Lower) => l.surnames.contains(&t.key) && !l.lower_is_word(&t.key),
            // "محمد أحمد": an Arabic name is often a given name and the father's.
            (Case::Caseless, Case::Caseless) => l.is_given(&t.key) && !l.is_not_name(&t.key),
            _ => false,
        };
        (ok && !self.not_person(k)).then_some(k)
    }

    /// Mark token i as a name, with its surname(s) and any names listed after it.
    fn mark_name(&mut self, i: usize, list_ok: bool) {
        self.marked[i] = true;
        let mut last = i;
        for _ in 0..3 {
            match self.surname_follows(last) {
                Some(k) => {
                    self.marked[k] = true;
                    last = k;
                }
                None => break,
            }
        }
        if !list_ok {
            return;
        }
        // "Jack and Will", "Mia, Ruby and Grace".
        let mut prev = last;
        while let Some(sep) = AFTER_NAME_LIST.find(&self.text[self.toks[prev].end..]) {
            let pos = self.toks[prev].end + sep.end();
            let Some(k) = self.token_at(pos) else { break };
            if self.marked[k] || !self.accept_in_context(k, Context::Weak) {
                break;
            }
            self.marked[k] = true;
            prev = k;
            while let Some(s) = self.surname_follows(prev) {
                self.marked[s] = true;
                prev = s;
            }
        }
    }

    fn mark_after_context(&mut self, pattern: &Regex, ctx: Context) {
        self.mark_after_context_if(pattern, ctx, |_| true);
    }

    fn mark_after_context_if(
        &mut self,
        pattern: &Regex,
        ctx: Context,
        keep: impl Fn(&str) -> bool,
    ) {
        let ends: Vec<usize> = pattern
            .find_iter(self.text)
            .filter(|m| keep(m.as_str()))
            .map(|m| m.end())
            .collect();
        for pos in ends {
            let Some(i) = self.token_at(pos) else {
                continue;
            };
            if self.marked[i] || !self.accept_in_context(i, ctx) {
                continue;
            }
            // "talk to Hope Academy": a school, not a person.
            if ctx != Context::Strong && self.not_person(i) {
                continue;
            }
            // A month or weekday followed by a number is a date, not a name.
            if ctx == Context::Weak && self.toks[i].key.len() > 2 {
                let next = after(self.text, self.toks[i].end, 4).trim_start();
                if next.starts_with(|c: char| c.is_ascii_digit())
                    && self.lists.is_not_name(&self.toks[i].key)
                {
                    continue;
                }
            }
            self.mark_name(i, true);
        }
    }

    /// "Yours sincerely\nM. Thompson": initials and the surname after them.
    fn mark_initials_after_sign_off(&mut self) {
        let found: Vec<usize> = SIGN_OFF_INITIALS
            .captures_iter(self.text)
            .filter_map(|c| Some(c.name("initials")?.start()))
            .collect();
        for pos in found {
            let Some(first) = self.token_at(pos).filter(|&i| self.is_initial(i)) else {
                continue;
            };
            let Some(k) = self.after_initials(first) else {
                continue;
            };
            let t = &self.toks[k];
            let l = self.lists;
            let surname = t.case == Case::Title
                && (l.surnames.contains(&t.key) || l.is_given(&t.key) || l.is_unknown_word(&t.key))
                && !l.is_not_name(&t.key);
            if !surname || self.not_person(k) {
                continue;
            }
            self.marked[first..k].fill(true);
            self.mark_name(k, false);
        }
    }

    /// "M. Johnson", "J Smith from the council": initials before a listed surname. A lone
    /// "A" or "I" needs its full stop, and a label's letter ("Plan B. Green spaces",
    /// "Year 6 group C Brown") is not an initial.
    fn mark_initials_before_surnames(&mut self) {
        for i in 0..self.toks.len() {
            let t = &self.toks[i];
            if self.marked[i]
                || !self.is_initial(i)
                || !self.text[t.start..].starts_with(|c: char| c.is_uppercase())
                || (i > 0 && self.is_initial(i - 1))
                || LABEL_BEFORE_LETTER.is_match(before(self.text, t.start, 16))
            {
                continue;
            }
            let Some(k) = self.after_initials(i) else {
                continue;
            };
            let article = matches!(&self.text[t.start..t.base_end], "A" | "I");
            if article && !self.gap(i, i + 1).starts_with('.') {
                continue;
            }
            let surname = &self.toks[k];
            if surname.case != Case::Title
                || !self.lists.surnames.contains(&surname.key)
                || self.not_person(k)
            {
                continue;
            }
            self.marked[i..k].fill(true);
            self.mark_name(k, false);
        }
    }

    fn mark_after_called(&mut self) {
        let found: Vec<(usize, Context, bool)> = CALLED_ANY
            .captures_iter(self.text)
            .filter_map(|c| {
                let pre = c.name("pre")?;
                let word = pre.as_str().to_lowercase();
                if CALLED_BY_PHONE.contains(word.as_str()) {
                    return Some((c.get(0)?.end(), Context::Weak, false));
                }
                // Clause before "called": the nearest person or thing is what is named.
                let clause = before(self.text, pre.end(), 48);
                let clause = clause
                    .rsplit(['.', '!', '?', '\n'])
                    .next()
                    .unwrap_or(clause);
                let last = |r: &Regex| r.find_iter(clause).last().map(|m| m.end());
                let (person, thing) = (last(&PERSON_NOUN), last(&THING_NOUN));
                match (person, thing) {
                    // "a girl in my class called Zuzia" but "a class called Sunflowers":
                    // a thing right before "called" after a person names a person,
                    // unless the name looks like a plural noun.
                    (Some(p), Some(t)) if t > p => {
                        (t == clause.len()).then_some((c.get(0)?.end(), Context::Relation, true))
                    }
                    (Some(_), _) => Some((c.get(0)?.end(), Context::Relation, false)),
                    (None, Some(_)) => None,
                    (None, None) if CALLED_NEUTRAL.contains(word.as_str()) => None,
                    (None, None) => Some((c.get(0)?.end(), Context::Relation, false)),
                }
            })
            .collect();
        for (pos, ctx, no_plural) in found {
            let Some(i) = self.token_at(pos) else {
                continue;
            };
            let t = &self.toks[i];
            let plural = t.key.ends_with('s') && !self.lists.is_given(&t.key);
            if no_plural && plural {
                continue;
            }
            if !self.marked[i] && self.accept_in_context(i, ctx) && !self.not_person(i) {
                self.mark_name(i, true);
            }
        }
    }

    fn mark_after_titles(&mut self) {
        let found: Vec<(usize, bool, bool)> = TITLE_CONTEXT
            .find_iter(self.text)
            .map(|m| {
                let title = m.as_str();
                let lower = title.to_ascii_lowercase();
                let mr_mrs = lower.starts_with('m') && !lower.starts_with("mi");
                // Lower-case "miss"/"dr" are as often a verb or "the dr said".
                let weak = title.starts_with("miss") || title.starts_with("dr");
                (m.end(), mr_mrs, weak)
            })
            .collect();
        for (pos, mr_mrs, weak) in found {
            let Some(i) = self.token_at(pos) else {
                continue;
            };
            let key = &self.toks[i].key;
            if weak && !(self.lists.is_given(key) || self.lists.surnames.contains(key)) {
                continue;
            }
            // "Detective Sergeant Kernick": a rank after a rank is no name; the name follows.
            if matches!(
                key.as_str(),
                "sergeant"
                    | "constable"
                    | "inspector"
                    | "detective"
                    | "sgt"
                    | "insp"
                    | "councillor"
            ) {
                continue;
            }
            // "mrs smith": after Mr/Mrs/Ms/Mx even a lower-case word is a surname;
            // after "dr"/"miss" only a known surname or given name ("dr patel").
            if self.toks[i].case == Case::Lower {
                let key = &self.toks[i].key;
                let l = self.lists;
                let ok = if mr_mrs {
                    !l.is_not_name(key) && !LOWER_NOT_A_NAME.contains(key.as_str())
                } else {
                    l.surnames.contains(key) || (l.is_given(key) && !l.lower_is_word(key))
                };
                if ok && !self.marked[i] {
                    self.marked[i] = true;
                }
                continue;
            }
            // "Mrs J Smith", "Mr A. B. Jones": initials then the surname.
            if self.is_initial(i) {
                if let Some(k) = self.after_initials(i) {
                    if self.accept_in_context(k, Context::Relation) {
                        self.marked[i..k].fill(true);
                        self.mark_name(k, false);
                    }
                }
                continue;
            }
            if !self.marked[i] && self.accept_in_context(i, Context::Relation) {
                self.mark_name(i, false);
            }
        }
    }

    /// Surnames written where no rule above looks: before a given name and a comma, as a
    /// register lists people ("Pengelly, Oliver"), and in lower case after a lower-case
    /// name when no list knows the word ("oliver tregear").
    fn mark_surnames_beside(&mut self, claimed: &[bool]) {
        let l = self.lists;
        for (i, &was_claimed) in claimed.iter().enumerate().take(self.toks.len()) {
            if !self.marked[i] || was_claimed {
                continue;
            }
            if let Some(j) = i.checked_sub(1) {
                let t = &self.toks[j];
                let surname = t.case == Case::Title
                    && !t.possessive
                    && !self.marked[j]
                    && !l.is_not_name(&t.key)
                    && l.could_be_surname(&t.key);
                if surname && self.gap(j, i) == ", " && l.is_given(&self.toks[i].key) {
                    self.marked[j] = true;
                }
            }
            // "Małgorzata (Gosia)": a name's short form in brackets after it.
            if let Some(short) = NICKNAME_AFTER.captures(after(self.text, self.toks[i].end, 24)) {
                let at = self.toks[i].end + short.get(1).map_or(0, |m| m.start());
                if let Some(k) = self.token_at(at) {
                    self.marked[k] = true;
                }
            }
            let k = i + 1;
            if k < self.toks.len() && !self.marked[k] && self.gap(i, k) == " " {
                let (name, next) = (&self.toks[i], &self.toks[k]);
                let unknown = next.key.chars().count() >= 5
                    && next.key.contains(['a', 'e', 'i', 'o', 'u', 'y'])
                    && l.is_unknown_word(&next.key);
                if name.case == Case::Lower && next.case == Case::Lower && unknown {
                    self.marked[k] = true;
                }
            }
        }
    }

    /// "the Hockings next door": a family by its surname in the plural, where the surname is
    /// known or is a name found elsewhere in the text ("Sandra Hocking").
    fn mark_plural_surnames(&mut self) {
        for i in 1..self.toks.len() {
            let t = &self.toks[i];
            let the = &self.toks[i - 1];
            if self.marked[i]
                || t.case != Case::Title
                || the.key != "the"
                || self.gap(i - 1, i) != " "
                || !t.key.ends_with('s')
            {
                continue;
            }
            let stem = &t.key[..t.key.len() - 1];
            let named_here = self
                .toks
                .iter()
                .enumerate()
                .any(|(j, o)| self.marked[j] && o.key == stem);
            if named_here || self.lists.surnames.contains(stem) {
                self.marked[i] = true;
            }
        }
    }

    /// "jodie, lily mums", "From Ruby": a listed given name signing off.
    fn mark_before_family_word(&mut self) {
        let starts: Vec<usize> = PARENT_SIGN_OFF
            .captures_iter(self.text)
            .chain(FROM_NAME_LINE.captures_iter(self.text))
            .filter_map(|c| c.name("name").or_else(|| c.name("dash")).map(|m| m.start()))
            .collect();
        for pos in starts {
            let Some(i) = self.token_at(pos) else {
                continue;
            };
            let key = &self.toks[i].key;
            let l = self.lists;
            if !self.marked[i] && (l.is_given(key) || l.is_unknown_word(key)) && !l.is_not_name(key)
            {
                self.marked[i] = true;
            }
        }
    }

    fn free_names(&mut self) {
        for i in 0..self.toks.len() {
            if self.marked[i] || self.not_person(i) {
                continue;
            }
            if self.free_name(i)
                || self.free_name_plural(i)
                || self.unknown_name(i)
                || self.family_name(i)
            {
                self.mark_name(i, true);
                self.mark_unknown_names_before(i);
                continue;
            }
            // An ambiguous name is a name when a known surname or an age follows it.
            let t = &self.toks[i];
            // "i'm lily and i'm 14": a young person giving their name and age, in lower case.
            // The list lookups first: the patterns around a word cost more.
            let introduced_with_age = t.case == Case::Lower
                && self.lists.is_given(&t.key)
                && !self.lists.is_not_name(&t.key)
                && SELF_INTRO_BEFORE.is_match(before(self.text, t.start, 12))
                && OWN_AGE_AFTER.is_match(after(self.text, t.end, 24));
            if introduced_with_age {
                self.mark_name(i, true);
                continue;
            }
            // "hi its leanne again, mason still not got a place": in a lower-case text, a name
            // that is also a word ("mason", "jasper"), starting a clause, with what a person has
            // or does after it.
            let lower_subject = t.case == Case::Lower
                && self.lists.lower_words.contains(&t.key)
                && !self.lists.is_ambiguous(&t.key)
                && CLAUSE_START_BEFORE.is_match(before(self.text, t.start, 8))
                && LOWER_PERSON_DOES.is_match(after(self.text, t.end, 40));
            if lower_subject {
                self.mark_name(i, true);
                continue;
            }
            if t.case != Case::Title || !self.lists.is_ambiguous(&t.key) {
                continue;
            }
            let key = t.key.clone();
            let surname_next = (i + 1 < self.toks.len())
                .then(|| &self.toks[i + 1])
                .filter(|n| n.case == Case::Title && self.lists.surnames.contains(&n.key))
                .is_some_and(|_| self.gap(i, i + 1) == " ");
            let modal_start = (key == "will" || key == "may") && self.sentence_start(i);
            let surname_ok =
                surname_next && !(modal_start && self.lists.is_given(&self.toks[i + 1].key));
            // "Grace Tregenza is 11": a capitalised word no list knows, then an age or a
            // person's things, makes both a name.
            // A capitalised word no list knows (or a surname) right after it.
            let surname_like_next = (i + 1 < self.toks.len() && !t.possessive)
                .then(|| &self.toks[i + 1])
                .filter(|n| {
                    n.case == Case::Title
                        && self.gap(i, i + 1) == " "
                        && self.lists.could_be_surname(&n.key)
                });
            let unknown_surname = surname_like_next.is_some_and(|n| {
                AGE_AFTER.is_match(after(self.text, n.end, 40))
                    || (n.possessive && OWNED_BY_PERSON.is_match(after(self.text, n.end, 24)))
            });
            // "for Poppy, she's under the hospital": a name the next words speak of.
            let spoken_of = !t.possessive
                && !MONTH_OR_SEASON.contains(&key.as_str())
                && PRONOUN_AFTER.is_match(after(self.text, t.end, 16));
            // "Mark Trebilcock, 07700 900999": a name with its number, as a signature gives it.
            let signed = surname_like_next
                .is_some_and(|n| CONTACT_AFTER.is_match(after(self.text, n.end, 24)));
            // "Jack loves his new driver": what only a person does.
            let does = !t.possessive
                && !MONTH_OR_SEASON.contains(&key.as_str())
                && AMBIGUOUS_DOES.is_match(after(self.text, t.end, 40));
            // "Will's TA": the verb has no possessive, so here it is the name.
            let not_name = self.lists.is_not_name(&key) && key != "will";
            let age_after = AGE_AFTER.is_match(after(self.text, t.end, 40));
            let aged = unknown_surname
                || spoken_of
                || signed
                || does
                || age_after
                || (t.possessive
                    && !not_name
                    && !matches!(key.as_str(), "summer" | "autumn")
                    && OWNED_BY_PERSON.is_match(after(self.text, t.end, 24)));
            // "results for Poppy were awful": a capital in mid-sentence, after "for", said how
            // things went for. A month or a season here is a time ("for May was busy").
            let for_person = !self.sentence_start(i)
                && !MONTH_OR_SEASON.contains(&key.as_str())
                && FOR_BEFORE.is_match(before(self.text, t.start, 8))
                && HOW_IT_WENT_AFTER.is_match(after(self.text, t.end, 40));
            // A place has no age and no dad: "Devon is 15", "Sydney's dad".
            let only_a_person =
                age_after || (t.possessive && PARENT_AFTER.is_match(after(self.text, t.end, 16)));
            if (surname_ok || aged || for_person)
                && (!PLACE_NAMES.contains(&key.as_str()) || only_a_person)
            {
                self.mark_name(i, true);
            }
        }
    }
}

/// Where a clause starts: the text's start, or after a comma, a full stop or "and".
static CLAUSE_START_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:^|[,.;!?]\s*|\band\s+)$"));
/// What a person has or does, said of them: "still not got a place", "has autism".
static LOWER_PERSON_DOES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s+(?:still\s+|also\s+|now\s+)?(?:not\s+|hasnt\s+|has\s+not\s+|isnt\s+|is\s+not\s+|doesnt\s+|does\s+not\s+|wont\s+|cant\s+)?(?:got|has|had|goes|went|loves|hates|needs|wants|started|starts|says|said|is\s+(?:[0-9]{1,2}|autistic|in\s+year))\b",
    )
});
/// A parent or family word after a possessive: "Sydney's dad".
static PARENT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s+(?:mum|mummy|mam|mom|dad|daddy|father|mother|nan|nanny|gran|grandma|grandad|brother|sister|auntie|uncle|carer|foster\s+carer|teacher|ta|keyworker)\b",
    )
});
/// A short form in brackets right after a name: "Małgorzata (Gosia)".
static NICKNAME_AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*\(\s*(\p{Lu}\p{Ll}+)\s*\)"));
/// A name and then "she's", "he is" after a comma: "for Poppy, she's under the hospital".
static PRONOUN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^\s*,\s*(?:she|he)(?:['’]s\b|\s+(?:is|was|has|had|goes|went|loves|needs)\b)")
});
/// A phone number or an email right after a name, as a signature gives it.
static CONTACT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*[,:\-–|]?\s*(?:(?:tel|mob|mobile|phone|t|m)[.:]?\s*)?(?:\+?44|0)[0-9 ]{6,}|^\s*[,:\-–|]?\s*[\w.+\-]+@",
    )
});

/// Months and seasons that are also given names: a time, whatever follows.
const MONTH_OR_SEASON: [&str; 8] = [
    "may", "june", "april", "august", "summer", "autumn", "winter", "spring",
];
/// What only a person does, said of an ambiguous name: "Jack loves his new driver",
/// "Grace cried all the way to school".
static AMBIGUOUS_DOES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s+(?:loves|loved|hates|hated|adores|adored|enjoys|enjoyed|misses|missed|cries|cried|screams|screamed|attends|attended|struggles|struggled|refuses|refused|says|said|told|was\s+diagnosed|has\s+been\s+diagnosed)\s+(?:his|her|him|me|us|the|school|going|being|it|to|that|when|every|all|with|at|in)\b",
    )
});
/// A last line that signs off with a name: "From Ruby", "love from Alfie x".
static FROM_NAME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?im)^\s*(?:from|love\s+from|lots\s+of\s+love(?:\s+from)?)\s+(?P<name>\p{L}+)\s*[.!x]*\s*$|\s[-–—]\s*(?P<dash>\p{Lu}\p{Ll}+)\s*[.!x]*\s*\z",
    )
});
/// A sign-off naming the writer as a child's parent, the possessive dropped: "jodie, lily
/// mums", "Amir dad x".
static PARENT_SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:^|[,\n]|\b(?:its|it['’]s|from|love|thanks))\s*(?P<name>\p{L}+)\s+(?:mums?|mummy|dads?|daddy|nan|nans|nanna|grandma|grandad)(?:\s+x+)?\s*(?:[.!,\n]|$)",
    )
});

static FOR_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:for|with)\s+$"));
static HOW_IT_WENT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s+(?:were|was|is|are|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:awful|terrible|dreadful|shocking|poor|bad|great|good|brilliant|amazing|fine|ok|late|missing|cancell?ed|delayed|lost|wrong|rubbish|appalling|a\s+disaster|a\s+nightmare)\b",
    )
});

/// Lower-case words that "my name is" is often followed by but that are no name.
static LOWER_NOT_A_NAME: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    words(
        "
        not withheld private confidential anonymous irrelevant unimportant important unknown known
        listed above below given written spelt spelled down on in at being used mentioned shown
        included left missing wrong right correct same different changed here there sorted hidden
        blank none n/a na nil unsure redacted removed
        ",
    )
});

/// A story's or a show's character, said to be someone's favourite: "Hermione is his
/// favourite character".
static FAVOURITE_CHARACTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?P<name>\b\p{Lu}\p{Ll}+)\s+(?:is|was)\s+(?:his|her|my|their|our)\s+(?:absolute\s+)?favourite\s+(?:character|superhero|hero|princess|youtuber|footballer|player)\b",
    )
});

fn find_names(text: &str, found: &mut Findings, own: &[String]) {
    for c in FAVOURITE_CHARACTER.captures_iter(text) {
        if let Some(name) = c.name("name") {
            found.keep(name.range());
        }
    }
    let lists = Lists {
        bundled: &NAMES,
        own,
    };
    let toks = tokens(text);
    let n = toks.len();
    let mut f = NameFinder {
        text,
        toks,
        marked: vec![false; n],
        lists,
    };
    // Tokens already claimed (inside an address, an email...) are off limits.
    for i in 0..n {
        let t = &f.toks[i];
        if !found.is_free(&(t.start..t.end)) {
            f.marked[i] = true;
        }
    }
    let claimed = f.marked.clone();
    f.mark_after_context(&STRONG_CONTEXT, Context::Strong);
    f.mark_after_context(&NAME_IS_CONTEXT, Context::Kin);
    f.mark_after_context(&RELATION_CONTEXT, Context::Kin);
    f.mark_after_context(&RELATION_CONTEXT_PL_AR, Context::Relation);
    f.mark_after_context(&FAMILY_TITLE, Context::Relation);
    f.mark_after_context(&ROLE_CONTEXT, Context::Relation);
    f.mark_after_context(&ROLE_TITLE, Context::Weak);
    f.mark_before_family_word();
    // "my son goes to a club that is called ...": the thing, not the son, is called.
    f.mark_after_context_if(&CALLED_CONTEXT, Context::Relation, |m| {
        let m = m.to_lowercase();
        ![
            " that ", " which ", " it ", " club", " group", " school", " place", " thing", " game",
            " show", " book", " film",
        ]
        .iter()
        .any(|w| m.contains(w))
    });
    f.mark_after_called();
    f.mark_after_titles();
    f.mark_after_context(&WEAK_CONTEXT, Context::Weak);
    f.mark_initials_after_sign_off();
    f.mark_initials_before_surnames();
    f.free_names();
    f.mark_surnames_beside(&claimed);
    f.mark_plural_surnames();
    for (i, t) in f.toks.iter().enumerate() {
        if f.marked[i] && !claimed[i] {
            found.claim(t.start..t.base_end, Removed::Name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(input: &str) -> String {
        scrub(input).into_string()
    }

    fn kinds(input: &str) -> Vec<Removed> {
        scrub_report(input).1
    }

    /// Every input comes out unchanged.
    fn kept(inputs: &[&str]) {
        for input in inputs {
            assert_eq!(s(input), *input, "changed: {input}");
        }
    }

    #[test]
    fn phone_numbers_in_common_uk_layouts() {
        let m = "[phone number removed]";
        for n in [
            "07700 900123",
            "07700900123",
            "+44 7700 900123",
            "+44 (0)7700 900123",
            "0044 7700 900123",
            "(01632) 960123",
            "01632 960123",
            "01632-960-123",
            "0117 496 0123",
            "020 7946 0123",
            "07700.900.123",
            "07700-900-123",
            "+447700900123",
            "0 7 7 0 0 9 0 0 1 2 3",
            "+353 87 123 4567",
            "447700900123",
            "44 7700 900123",
            "44 1392 123456",
        ] {
            assert_eq!(
                s(&format!("call {n} today")),
                format!("call {m} today"),
                "{n}"
            );
        }
        assert_eq!(s("ring (07700) 900888 please"), format!("ring {m} please"));
        assert_eq!(s("07700 900123/07700 900456"), format!("{m}/{m}"));
        assert_eq!(s("text me on 432123"), format!("text me on {m}"));
        assert_eq!(kinds("07700 900123"), vec![Removed::Phone]);
    }

    #[test]
    fn helplines_and_ordinary_numbers_stay() {
        kept(&[
            "Childline 0800 1111",
            "call 0808 800 5000 for the NSPCC",
            "call 999",
            "ring 111",
            "Samaritans 116 123",
            "call 116 123 any time",
            "text SHOUT to 85258",
            "£300",
            "10 out of 10",
            "1 in 5",
            "room 12",
            "bus 5",
            "6 miles",
            "in 2023",
            "2019-2021",
            "0-25 service",
            "44 children in 2 classes",
            "order 448123456789",
        ]);
    }

    #[test]
    fn names_no_list_knows_after_a_relation_a_nickname_or_before_a_year() {
        let m = "[name removed]";
        for (input, want) in [
            ("my son xzavier is 9", format!("my son {m} is 9")),
            (
                "my daughter kaydence hates it",
                format!("my daughter {m} hates it"),
            ),
            (
                "my little girl nevaeh is 6",
                format!("my little girl {m} is 6"),
            ),
            (
                "we called him Bear as a baby",
                format!("we called him {m} as a baby"),
            ),
            ("she is known as Moo", format!("she is known as {m}")),
            (
                "Deshawn, Year 4, has no plan",
                format!("{m}, Year 4, has no plan"),
            ),
        ] {
            assert_eq!(s(input), want, "{input}");
        }
        kept(&[
            "my son thats 9 has autism",
            "my daughter whos 12 goes to college",
            "my son aswell has adhd",
            "my son ehcp is late",
            "we called him back twice",
            "they called me names at school",
            "Maths, Year 9, is hard",
        ]);
    }

    #[test]
    fn emails_with_spaces_round_the_at_and_ip_addresses() {
        for input in [
            "jo . smith @ example . com",
            "jo_smith @gmail.com",
            "jo.smith@ example.co.uk",
            "tamsin @ devon . gov . uk",
        ] {
            assert_eq!(
                s(&format!("write to {input} please")),
                "write to [email removed] please",
                "{input}"
            );
        }
        assert_eq!(
            s("our router is 192.168.1.254 and his tablet 10.0.0.12"),
            "our router is [link removed] and his tablet [link removed]"
        );
        kept(&[
            "meet @ 3 at the school",
            "we scored 4 @ home",
            "version 1.2.3 of the app",
            "the meeting is at 10.30",
        ]);
    }

    #[test]
    fn emails_spelt_with_joining_words_or_a_provider() {
        let m = "[email removed]";
        for input in [
            "jo underscore smith at outlook dot com",
            "jo dash smith at example dot co dot uk",
            "jo hyphen smith at example dot org",
            "jo underscore smith at gmail",
            "jo at outlook dot com",
            "jo at outlook.com",
            "jo.smith at gmail dot com",
        ] {
            assert_eq!(
                s(&format!("email {input} thanks")),
                format!("email {m} thanks")
            );
        }
        kept(&[
            "I looked at bbc.co.uk",
            "where is the dot at",
            "a dash of salt at home",
        ]);
    }

    #[test]
    fn emails_plain_and_spelt_out() {
        assert_eq!(s("email jo.bloggs@example.com!"), "email [email removed]!");
        assert_eq!(s("K.Smith+send@Example.CO.UK."), "[email removed].");
        assert_eq!(s("jo dot smith at example dot com"), "[email removed]");
        assert_eq!(s("tamsin(at)example(dot)co(dot)uk"), "[email removed]");
        kept(&["we met at school.", "look at bbc.co.uk", "meet @ 3"]);
        assert_eq!(s("my email is jo at gmail"), "my email is [email removed]");
        assert_eq!(
            s("jo.smith@hotmail or jo(at)yahoo"),
            "[email removed] or [email removed]"
        );
        kept(&[
            "we looked at outlooks",
            "I am at home",
            "they laughed at me",
        ]);
    }

    #[test]
    fn handles_without_their_at_beside_the_platform() {
        let m = "[link removed]";
        assert_eq!(s("snap: jo.smith22"), format!("snap: {m}"));
        assert_eq!(s("my insta is jo_smith123"), format!("my insta is {m}"));
        assert_eq!(
            s("add me jo_smith123 on insta"),
            format!("add me {m} on insta")
        );
        assert_eq!(s("he is kai_b on tiktok"), format!("he is {m} on tiktok"));
        assert_eq!(s("my tiktok jayden.x.official"), format!("my tiktok {m}"));
        assert_eq!(s("follow me @janedoe"), format!("follow me {m}"));
        kept(&[
            "meet @ 3pm",
            "I emailed the head @school about it",
            "the school follows the plan, i.e. the EHCP",
            "on insta it was 3.5 hours a day",
            "facebook e.g. groups",
            "I saw it on facebook",
            "we met 2day on snapchat",
            "it was gr8 on insta",
        ]);
    }

    #[test]
    fn details_a_blind_set_found() {
        let r = "[reference removed]";
        assert_eq!(s("re: case 2023/SEN/1187."), format!("re: case {r}."));
        assert_eq!(s("رقم الحالة EHCP-55310"), format!("رقم الحالة {r}"));
        assert_eq!(s("ref SEN/2024/0456 please"), format!("ref {r} please"));
        assert_eq!(s("case 123456 is open"), format!("case {r} is open"));
        let a = "[address removed]";
        assert_eq!(
            s("post letters to Rosewood Cottage, Hatherleigh now"),
            format!("post letters to {a}, Hatherleigh now")
        );
        assert_eq!(
            s("Honeysuckle Barn, nr Holsworthy is where"),
            format!("{a}, nr Holsworthy is where")
        );
        let n = "[name removed]";
        assert_eq!(
            s("surname Vowles, boy aged 9"),
            format!("surname {n}, boy aged 9")
        );
        assert_eq!(s("Dziękuję. Mama Oliwii"), format!("Dziękuję. Mama {n}"));
        assert_eq!(
            s("Ruby's transport is late"),
            format!("{n}'s transport is late")
        );
        assert_eq!(
            s("results for Poppy were awful"),
            format!("results for {n} were awful")
        );
        assert_eq!(
            s("Piszę jako mama 7-letniego Kacpra, który ma autyzm."),
            format!("Piszę jako mama 7-letniego {n}, który ma autyzm.")
        );
        assert_eq!(
            s("Mieszkamy w Newton Abbot, Wolborough Gardens 7, TQ12."),
            format!("Mieszkamy w Newton Abbot, {a}, TQ12.")
        );
        kept(&[
            "the bus stop on Station Road 5 minutes away",
            "Wiele polskich rodzin ma ten sam problem.",
            "Nauczyciele mówią, że nie mają wsparcia.",
            "We met the panel on 14 February 2024 and were told to wait.",
            "The draft plan was issued on 3/4/2025, weeks late.",
            "Like Greta Thunberg says, autism can be a superpower.",
            "Castle House, Barnstaple is where the meeting was",
            "covid-19 made it worse",
            "in case 2024 is worse than this year",
            "the plan for May was busy",
            "Devon's support for families",
            "Year 2024 was hard",
        ]);
        // A birth word still wins over an event before it.
        assert_eq!(
            s("we applied, he was born on 3 March 2015"),
            "we applied, he was born on [date of birth removed]"
        );
    }

    #[test]
    fn postcodes_keep_their_outward_code() {
        assert_eq!(s("we live in EX4 6PX now"), "we live in EX4 now");
        assert_eq!(s("ex46px"), "ex4");
        assert_eq!(s("TQ12 4AB"), "TQ12");
        assert_eq!(s("PL21 0AB"), "PL21");
        assert_eq!(s("EX4-6PX"), "EX4");
        assert_eq!(kinds("EX4 6PX"), vec![Removed::Postcode]);
        assert_eq!(s("postcode: QX9 9Z9"), "postcode: [postcode removed]");
        kept(&[
            "EX4 is our area",
            "Y9 1st term",
            "Y10 2nd term",
            "mp3 2gb",
            "EX-cellent",
        ]);
    }

    #[test]
    fn nhs_numbers_by_check_digit_or_label() {
        let m = "[NHS number removed]";
        assert_eq!(s("943 476 5919"), m);
        assert_eq!(s("9434765919"), m);
        assert_eq!(s("943-476-5919"), m);
        assert_eq!(s("NHS no. 012 345 6789"), format!("NHS no. {m}"));
        // Ten digits failing the check, with no label, are not an NHS number; after "ref"
        // they are a reference.
        kept(&["1234567890"]);
        assert_eq!(kinds("ref 9434765910"), vec![Removed::Reference]);
        assert!(nhs_check_ok(b"9434765919"));
        assert!(!nhs_check_ok(b"9434765918"));
    }

    #[test]
    fn unique_pupil_numbers() {
        let m = "[pupil number removed]";
        assert_eq!(s("UPN A801200123456"), format!("UPN {m}"));
        assert_eq!(s("u878201412345"), m);
        assert_eq!(
            s("pupil number: Y878 2200 18889"),
            format!("pupil number: {m}")
        );
        kept(&["UPN is on the letter"]);
    }

    #[test]
    fn dates_of_birth() {
        let m = "[date of birth removed]";
        for d in [
            "12/03/2014",
            "12.03.2014",
            "12 March 2014",
            "March 12th 2014",
            "March 12th, 2014",
            "2014-03-12",
            "12th of March 2014",
            "12/3/14",
        ] {
            assert_eq!(s(&format!("on {d} we")), format!("on {m} we"), "{d}");
        }
        assert_eq!(s("born on 12 March"), format!("born on {m}"));
        assert_eq!(s("DOB: 3/4"), format!("DOB: {m}"));
        assert_eq!(s("D.O.B. 3rd June"), format!("D.O.B. {m}"));
        assert_eq!(
            s("his birthday is 14th February"),
            format!("his birthday is {m}")
        );
        assert_eq!(s("born in April 2013"), format!("born in {m}"));
        assert_eq!(s("dob 120314"), format!("dob {m}"));
        // A later year is a date to come, not a birthday, unless birth words say so.
        kept(&["the review is on 14 January 2099", "deadline 01/09/2099"]);
        assert_eq!(
            s("due to be born on 1 May 2099"),
            format!("due to be born on {m}")
        );
        kept(&[
            "on 12 March we met",
            "in May",
            "since March 2020",
            "at 3.30",
            "3.30-4.15",
            "9-3.15 school day",
            "07:45",
            "version 2.5",
            "8/10",
            "born early at 28 weeks",
        ]);
    }

    #[test]
    fn the_writers_own_name_goes_where_a_name_fits() {
        let own = |name: &str| -> Vec<String> {
            name.split_whitespace().map(str::to_lowercase).collect()
        };
        let k = |text: &str, name: &str| scrub_knowing(text, &own(name)).into_string();
        let n = "[name removed]";
        // A name no list holds, with the surname after it.
        assert_eq!(
            k(
                "The Tremayne family lives near Bideford. Thanks, Kerenza",
                "Kerenza Tremayne"
            ),
            format!("The {n} family lives near Bideford. Thanks, {n}")
        );
        // A name that is also a word goes with a capital, and stays as the word.
        assert_eq!(
            k(
                "I will keep asking. The playing field is shut.\n\nThanks\nWill Field",
                "Will Field"
            ),
            format!("I will keep asking. The playing field is shut.\n\nThanks\n{n}")
        );
        assert_eq!(
            k("the bus is late.\n\nRob", "Rob"),
            format!("the bus is late.\n\n{n}")
        );
        // The word starting a sentence, not the name: "Will you", "May I".
        assert_eq!(
            k(
                "Will you ring me? The bus is late. May I ask why.\nWill",
                "Will May"
            ),
            format!("Will you ring me? The bus is late. May I ask why.\n{n}")
        );
        assert_eq!(
            k("Thanks, Will. Mark the date.", "Will Mark"),
            format!("Thanks, {n}. Mark the date.")
        );
        // A surname after the writer's first name, but not a label after it.
        assert_eq!(
            k("Kind regards, Gail Pearce Mobile: 07700 900777", "Gail"),
            format!("Kind regards, {n} Mobile: [phone number removed]")
        );
        // The marker's own words are never taken for the name.
        assert_eq!(
            k("call 07700 900777", "Number"),
            "call [phone number removed]"
        );
        assert_eq!(k("Nothing personal here.", ""), "Nothing personal here.");
    }

    #[test]
    fn polish_addresses_put_the_number_after_the_street() {
        let m = "[address removed]";
        assert_eq!(
            s("mieszkamy na ulicy Station Road 12"),
            format!("mieszkamy na ulicy {m}")
        );
        assert_eq!(s("ul. Kwiatowa 5/3, Exeter"), format!("ul. {m}, Exeter"));
        assert_eq!(s("ulica Długa 7a"), format!("ulica {m}"));
        // A street named without a number is no address.
        assert_eq!(
            s("na ulicy Fore Street jest szkoła"),
            "na ulicy Fore Street jest szkoła"
        );
    }

    #[test]
    fn numbers_in_arabic_digits_are_read_like_any_others() {
        assert_eq!(s("رقمي ٠٧٧٠٠٩٠٠١٢٣"), "رقمي [phone number removed]");
        assert_eq!(
            s("اتصل على ٠٧٧٠٠ ٩٠٠١٢٣ شكرا"),
            "اتصل على [phone number removed] شكرا"
        );
        assert_eq!(s("call ۰۷۷۰۰۹۰۰۱۲۳"), "call [phone number removed]");
        assert_eq!(s("call ০৭৭০০৯০০১২৩"), "call [phone number removed]");
        assert_eq!(
            s("call ０７７００ ９００１２３"),
            "call [phone number removed]"
        );
        // What is not removed stays as written, in its own digits.
        assert_eq!(s("ابني عمره ٩ سنوات"), "ابني عمره ٩ سنوات");
        assert_eq!(
            s("انتظرنا ١٨ شهرا. رقمي ٠٧٧٠٠٩٠٠١٢٣ وابني عمره ١٢"),
            "انتظرنا ١٨ شهرا. رقمي [phone number removed] وابني عمره ١٢"
        );
    }

    #[test]
    fn names_in_polish_and_arabic() {
        let m = "[name removed]";
        for (input, want) in [
            (
                "córka Zosia chodzi do szkoły",
                format!("córka {m} chodzi do szkoły"),
            ),
            (
                "Pani Kowalska była pomocna",
                format!("Pani {m} była pomocna"),
            ),
            ("Nazywam się Ola", format!("Nazywam się {m}")),
            ("mam na imię bartek", format!("mam na imię {m}")),
            // My name is Fatima Ahmed; my son Mohammed has autism; my daughter Nour.
            ("اسمي فاطمه أحمد", format!("اسمي {m}")),
            ("ابني محمد لديه توحد", format!("ابني {m} لديه توحد")),
            ("ابنتي نور تحب المدرسة", format!("ابنتي {m} تحب المدرسة")),
            ("شكرا، أحمد", format!("شكرا، {m}")),
        ] {
            assert_eq!(s(input), want, "{input}");
        }
        for clean in [
            "czy pani wie kiedy",
            // "On" is not Ali; "hard for me"; "my son's age is 9"; "great hope"; "light".
            "ابني لا يحصل على دعم",
            "صعب علي جدا",
            "عمر ابني ٩ سنوات",
            "أمل كبير",
            "النور في الصف قوي",
        ] {
            assert_eq!(s(clean), clean);
        }
    }

    #[test]
    fn local_numbers_after_phone_words_in_polish_and_arabic() {
        let p = "[phone number removed]";
        assert_eq!(s("zadzwoń 600 123 456"), format!("zadzwoń {p}"));
        assert_eq!(s("mój numer to 600123456"), format!("mój numer to {p}"));
        assert_eq!(s("رقمي 600123456"), format!("رقمي {p}"));
        kept(&["mam 3 dzieci i 2 psy", "we waited 600 days"]);
    }

    #[test]
    fn names_with_accents_are_the_names_listed_without() {
        let n = "[name removed]";
        assert_eq!(
            s("Zoë and her brother both have ADHD"),
            format!("{n} and her brother both have ADHD")
        );
        assert_eq!(
            s("my daughter siân is deaf"),
            format!("my daughter {n} is deaf")
        );
        assert_eq!(s("Chloé is 9"), format!("{n} is 9"));
        assert_eq!(s("Łukasz is 9"), format!("{n} is 9"));
        kept(&["Szkoła nie słucha.", "We went to the café after school."]);
    }

    #[test]
    fn street_addresses() {
        let m = "[address removed]";
        assert_eq!(
            s("we live at 12 Station Road, Exeter"),
            format!("we live at {m}, Exeter")
        );
        assert_eq!(s("44a Mill lane"), m);
        assert_eq!(s("101 high st barnstaple"), format!("{m} barnstaple"));
        assert_eq!(s("Flat 3, 27 Fore Street"), m);
        assert_eq!(s("7 The Crescent, Topsham"), format!("{m}, Topsham"));
        assert_eq!(s("5 Kingsley House"), m);
        // A flat in a named building, and a house named after "our house is".
        assert_eq!(
            s("Apartment 4, The Maltings, Crediton"),
            format!("{m}, Crediton")
        );
        assert_eq!(s("Flat 2b Kingsley Court, Exeter"), format!("{m}, Exeter"));
        assert_eq!(
            s("our house is called Rose Cottage"),
            format!("our house is called {m}")
        );
        assert_eq!(
            s("our house is Rose Cottage, Chagford"),
            format!("our house is {m}, Chagford")
        );
        // A number and a name after living somewhere, a house name before its street, and
        // a unit with no second number.
        assert_eq!(
            s("we live at 1 The Strand, Topsham"),
            format!("we live at {m}, Topsham")
        );
        assert_eq!(
            s("We moved to 4 Hillcrest last year."),
            format!("We moved to {m} last year.")
        );
        assert_eq!(
            s("Rose Cottage, Lower Lane, Chudleigh"),
            format!("{m}, Chudleigh")
        );
        assert_eq!(s("Unit 4, Pottery Road"), m);
        assert_eq!(
            s("Our social worker Becky Lane said no."),
            "Our social worker [name removed] said no."
        );
        assert_eq!(
            s("i live on pinhoe rd near the shops"),
            format!("i live on {m} near the shops")
        );
        kept(&[
            "we live on a busy road",
            "we live on the main road",
            "they live in the same street as us",
            "I live at 3 Different places with my dad",
            "We moved to 3 bedroom house in Exmouth",
            "we are in flat 3 at the moment",
            "our house is too small for his equipment",
            "my home is a mess since the OT visit",
        ]);
        assert_eq!(s("8 Orchard Close EX15 1AB"), format!("{m} EX15"));
        assert_eq!(s("we live on Acacia Gardens"), format!("we live on {m}"));
        assert_eq!(
            s("my address is Rose Cottage, Ashwater"),
            format!("my address is {m}")
        );
        kept(&[
            "a 10 minute walk",
            "2 close friends",
            "6 miles down the road",
            "a 20 min drive",
            "Plymouth Road was shut",
            "Year 9 park trip",
        ]);
    }

    #[test]
    fn links_and_handles() {
        let m = "[link removed]";
        assert_eq!(s("see https://example.com/our-story."), format!("see {m}."));
        assert_eq!(s("www.example.org"), m);
        assert_eq!(s("facebook.com/jo.bloggs.1234"), m);
        assert_eq!(
            s("follow @devon_mum_22 on insta"),
            format!("follow {m} on insta")
        );
        kept(&["devon.gov.uk has the form", "meet @ 3pm"]);
    }

    #[test]
    fn names_after_introducing_phrases() {
        let m = "[name removed]";
        assert_eq!(s("my name is Kacper"), format!("my name is {m}"));
        assert_eq!(s("my name is jo"), format!("my name is {m}"));
        assert_eq!(s("I'm called Will"), format!("I'm called {m}"));
        assert_eq!(s("call me Jay"), format!("call me {m}"));
        assert_eq!(
            s("my son Jack has autism"),
            format!("my son {m} has autism")
        );
        assert_eq!(s("my daughter Grace"), format!("my daughter {m}"));
        assert_eq!(s("her name is Bethany-Mae"), format!("her name is {m}"));
        assert_eq!(s("my twins Jack and Will"), format!("my twins {m} and {m}"));
        assert_eq!(s("My son is called Rowan"), format!("My son is called {m}"));
        assert_eq!(s("Hi I'm Holly, year 10"), format!("Hi I'm {m}, year 10"));
        assert_eq!(s("Ruby (8) is waiting"), format!("{m} (8) is waiting"));
    }

    #[test]
    fn called_and_named() {
        let m = "[name removed]";
        assert_eq!(
            s("a girl in my class called Zuzia"),
            format!("a girl in my class called {m}")
        );
        assert_eq!(s("a boy named Kacper"), format!("a boy named {m}"));
        assert_eq!(s("I called Jack"), format!("I called {m}"));
        assert_eq!(s("Jack's dad rang"), format!("{m}'s dad rang"));
        kept(&["May's review meeting", "Summer's school trip"]);
        kept(&[
            "I called CAMHS",
            "it's called Autumn Fair",
            "a club that is called Summer Stars",
            "my son is in a class called Sunflowers",
            "he called me names",
        ]);
    }

    #[test]
    fn names_with_titles() {
        let m = "[name removed]";
        assert_eq!(s("Mrs Thompson said"), format!("Mrs {m} said"));
        assert_eq!(s("Mrs Anne Smith"), format!("Mrs {m}"));
        assert_eq!(s("Dr. Aziz"), format!("Dr. {m}"));
        assert_eq!(s("mrs jones"), format!("mrs {m}"));
        assert_eq!(
            s("Mr O'Brien and Ms McDonald"),
            format!("Mr {m} and Ms {m}")
        );
        assert_eq!(s("Prof J Okafor"), format!("Prof {m}"));
    }

    #[test]
    fn unlisted_names_where_only_a_person_fits() {
        let m = "[name removed]";
        for (input, want) in [
            ("Bartek is non verbal", format!("{m} is non verbal")),
            (
                "Nevaeh has no friends at school",
                format!("{m} has no friends at school"),
            ),
            ("Yesterday Tymek hit me", format!("Yesterday {m} hit me")),
            (
                "I play with Oskar every day",
                format!("I play with {m} every day"),
            ),
            (
                "bullied by Zuzanna at school",
                format!("bullied by {m} at school"),
            ),
            ("Tymek's mum is lovely", format!("{m}'s mum is lovely")),
            ("Bartek Nowak is 9", format!("{m} is 9")),
            (
                "Bartek and Zofia are twins",
                format!("{m} and {m} are twins"),
            ),
            (
                "Bartek, Tymek were in my class",
                format!("{m}, {m} were in my class"),
            ),
            ("Bartek, Zofia are twins", format!("{m}, {m} are twins")),
            ("O'Brien is his teacher", format!("{m} is his teacher")),
            (
                "Aaliyah struggles with noise",
                format!("{m} struggles with noise"),
            ),
            ("Many thanks\nKasia", format!("Many thanks\n{m}")),
            ("Regards, Bartek Nowak", format!("Regards, {m}")),
            (
                "text Bartek on his mobile",
                format!("text {m} on his mobile"),
            ),
            (
                "Oliver and Bartek go to the club",
                format!("{m} and {m} go to the club"),
            ),
            (
                "Thanks again\nThe Smith family",
                format!("Thanks again\nThe {m} family"),
            ),
            (
                "the Nowak twins are in year 3",
                format!("the {m} twins are in year 3"),
            ),
            (
                "Yours sincerely\nM. Thompson",
                format!("Yours sincerely\n{m}"),
            ),
            ("Regards, J R Nowak", format!("Regards, {m}")),
            ("Best,\nBartek", format!("Best,\n{m}")),
            ("Yours faithfully\nKasia", format!("Yours faithfully\n{m}")),
        ] {
            assert_eq!(s(input), want, "{input}");
        }
    }

    #[test]
    fn initials_go_with_the_surname_after_them() {
        let m = "[name removed]";
        for (input, want) in [
            (
                "Mrs J R Smith is his teacher",
                format!("Mrs {m} is his teacher"),
            ),
            (
                "Letter from Mr A. B. Jones the SENCO",
                format!("Letter from Mr {m} the SENCO"),
            ),
            ("Dr. K L Patel at the RD&E", format!("Dr. {m} at the RD&E")),
            ("Mr J Smith and Mrs K Smith", format!("Mr {m} and Mrs {m}")),
            ("Kind regards, J R Hartley", format!("Kind regards, {m}")),
            ("Thanks\nS.J. Collins", format!("Thanks\n{m}")),
            ("Regards\nA. B. C. Nowak.", format!("Regards\n{m}.")),
        ] {
            assert_eq!(s(input), want, "{input}");
        }
        kept(&["Regards, A.N. Other", "Thanks A lot for listening"]);
    }

    #[test]
    fn hyphenated_names_and_relations_of_a_named_person() {
        let m = "[name removed]";
        for (input, want) in [
            (
                "Lily-Mai and Ellie-Rose are twins",
                format!("{m} and {m} are twins"),
            ),
            (
                "Olivia's mum Sarah came too",
                format!("{m}'s mum {m} came too"),
            ),
            (
                "Jack's brother Alfie-Lee is 4",
                format!("{m}'s brother {m} is 4"),
            ),
        ] {
            assert_eq!(s(input), want, "{input}");
        }
        kept(&[
            "Devon's children deserve better",
            "Exeter's schools are full",
            "the Anglo-Saxon history topic",
            "Ofsted's report said Good",
        ]);
    }

    #[test]
    fn family_words_written_as_titles_and_text_speak_sign_offs() {
        let m = "[name removed]";
        for (input, want) in [
            ("love from Nan (Pat)", format!("love from Nan ({m})")),
            ("from Aunty Sue", format!("from Aunty {m}")),
            (
                "Cousin Jack came to the review",
                format!("Cousin {m} came to the review"),
            ),
            ("Ta, Dean", format!("Ta, {m}")),
            ("Ta\nPaul", format!("Ta\n{m}")),
            ("Thx, Lou x", format!("Thx, {m} x")),
            (
                "I look after my grandaughter Skye",
                format!("I look after my grandaughter {m}"),
            ),
        ] {
            assert_eq!(s(input), want, "{input}");
        }
        kept(&[
            "Nan came round to help",
            "Grandma and Grandad help with school runs",
            "My Nan said the bus is late",
            "Grandad (81) does the school run",
            "TA support has been cut",
            "Ta for listening",
            "Thx for asking",
        ]);
    }

    #[test]
    fn capitalised_words_that_are_not_people_stay() {
        kept(&[
            "Makaton is really useful",
            "Ritalin has helped a lot",
            "Melatonin has helped him sleep",
            "Chromebooks are rubbish",
            "Paeds were great but the wait was long",
            "Ldd is not the same as SEND",
            "Tbh nobody listens",
            "Diwali is his favourite",
            "The Rose Garden at Killerton is lovely",
            "we moved to Lifton and it has nothing",
            "Newton Ferrers is lovely but far",
            "Kingsteignton has nothing for kids",
            "Babcock were useless at the review",
            "School is rubbish",
            "Everything was harder after lockdown",
            "Romanian is spoken at home",
            "I'm Ukrainian and new to Devon",
            "Thanks Babcock for nothing",
            "the Devon families we spoke to",
            "the Polish families at school",
            "the Makaton kids group",
            "Thanks A lot for listening",
            "Love A Level results day",
            "best, I think, is the new club",
            "sincerely I hope someone reads this",
            "Regards\nA. Exeter",
        ]);
        assert_eq!(
            s("at Bicton Oliver learned to swim"),
            "at Bicton [name removed] learned to swim"
        );
    }

    #[test]
    fn ni_numbers_references_bank_details_and_car_registrations() {
        for (input, want) in [
            (
                "my NI number is QQ 12 34 56 C",
                "my NI number is [NI number removed]",
            ),
            (
                "national insurance: ab123456c",
                "national insurance: [NI number removed]",
            ),
            ("his is JT 45 67 89 B", "his is [NI number removed]"),
            (
                "his EHCP reference is EHC/2023/00451.",
                "his EHCP reference is [reference removed].",
            ),
            (
                "case ref 123456789 at the council",
                "case ref [reference removed] at the council",
            ),
            (
                "my card is 4111 1111 1111 1111 for the refund",
                "my card is [reference removed] for the refund",
            ),
            ("passport 123456789", "passport [reference removed]"),
            (
                "ULN: 1234567890 on his college letter",
                "ULN: [reference removed] on his college letter",
            ),
            (
                "we waited 1234 5678 9012 3456 days",
                "we waited 1234 5678 9012 3456 days",
            ),
            ("CRN: 4567891", "CRN: [reference removed]"),
            (
                "hospital number 1234567",
                "hospital number [reference removed]",
            ),
            (
                "Sort code 12-34-56 account 12345678",
                "Sort code [reference removed] account [reference removed]",
            ),
            (
                "my car reg is wx12 abc",
                "my car reg is [reference removed]",
            ),
            (
                "the taxi WX12 ABC was late",
                "the taxi [reference removed] was late",
            ),
        ] {
            assert_eq!(s(input), want, "{input}");
        }
        kept(&[
            "case number 2 of 3",
            "with reference to the meeting on Monday",
            "the referral took 18 months",
            "plan number 3",
            "KS2 SATS were fine",
            "I got 12345 steps today",
            "GB 12 34 56 A",
        ]);
    }

    #[test]
    fn phone_numbers_said_in_words() {
        let m = "[phone number removed]";
        for input in [
            "oh seven seven double oh nine double oh one two three",
            "zero seven seven zero zero nine zero zero one two three",
            "07700 nine double oh one two three",
            "plus four four seven seven double oh nine double oh one two three",
            "O7700 triple nine 0 one two",
        ] {
            assert_eq!(
                s(&format!("call me on {input} x")),
                format!("call me on {m} x")
            );
        }
        assert_eq!(
            s("text me on seven seven double oh nine double oh one two three"),
            format!("text me on {m}")
        );
        kept(&[
            "one two three four five six seven eight nine ten",
            "I scored nine out of ten and one of the two was hard",
            "we waited one, two, three years and then four more months",
            "oh no, one more thing",
            "call childline on oh eight hundred eleven eleven",
        ]);
    }

    #[test]
    fn dates_said_in_words() {
        let m = "[date of birth removed]";
        assert_eq!(
            s("he was born on the twelfth of March twenty fifteen"),
            format!("he was born on the {m}")
        );
        assert_eq!(s("DOB twelfth march 2015"), format!("DOB {m}"));
        assert_eq!(
            s("born on the twenty-first of June"),
            format!("born on the {m}")
        );
        assert_eq!(
            s("his birthday is March the second"),
            format!("his birthday is {m}")
        );
        assert_eq!(
            s("it was the first of May two thousand and nine"),
            format!("it was the {m}")
        );
        assert_eq!(
            s("I was born in March nineteen eighty two"),
            format!("I was born in {m}")
        );
        // A year alone says no more than an age, which is kept.
        kept(&[
            "I was born in nineteen eighty two",
            "Our son was born in 2010 at Torbay Hospital, 10 weeks early.",
            "the first meeting was in June",
            "the review is on the third of June",
            "give it twenty twenty vision",
            "twenty two children came",
        ]);
    }

    #[test]
    fn listed_names_without_context() {
        let m = "[name removed]";
        assert_eq!(s("Oliver is 9"), format!("{m} is 9"));
        assert_eq!(s("Sophie Blackwood is 9"), format!("{m} is 9"));
        assert_eq!(s("Aisha's TA left"), format!("{m}'s TA left"));
        assert_eq!(s("sophie cant cope"), format!("{m} cant cope"));
        assert_eq!(s("OLIVER NEEDS HELP"), format!("{m} NEEDS HELP"));
        assert_eq!(s("Will Smith called"), format!("{m} called"));
        assert_eq!(s("Grace Thompson"), m);
        assert_eq!(kinds("Oliver Smith"), vec![Removed::Name]);
    }

    #[test]
    fn words_that_are_also_names_stay() {
        kept(&[
            "The Dame Hannah Rogers Trust has been brilliant.",
            "Carol singing at Christmas was fun.",
            "I'm 7",
            "I am 15",
            "Year 9",
            "May is hard, and they may not listen",
            "Will they listen?",
            "Grace period",
            "Hope so",
            "Joy at last",
            "Faith schools",
            "Summer holidays",
            "Autumn term",
            "Rose garden",
            "Mark my words",
            "Bill after bill",
            "Jack up the price",
            "Sunny days",
            "Sky is grey",
            "Penny dropped",
            "Frank discussion",
            "Amber on the RAG chart",
            "Jade green",
            "Ruby slippers",
            "Dawn raids",
            "Holly and ivy",
            "Iris scan",
            "Jay walking",
            "Exeter, Barnstaple, Tiverton, Okehampton, Newton Abbot, Bideford",
            "Totnes, Honiton, Crediton, Dartmoor, Devon",
            "SENDIASS, CAMHS, NHS, EHCP, SENCO, DCC",
            "I'm Devon born and bred",
            "my son will be 16 in May",
            "The St Thomas area",
            "Bovey Tracey",
            "Williams syndrome",
            "Ed Psych report",
            "ELSA sessions",
        ]);
    }

    #[test]
    fn everything_at_once() {
        let input = "Hi, I'm Sarah, mum to Oliver (7). We live at 4 Ashleigh Close, EX2 5QR. \
                     Call 07700 900 135 or email sarah.k@example.com. DOB 12/03/2014, \
                     NHS 943 476 5919, UPN A801200123456, blog www.example.org/us";
        let (out, kinds) = scrub_report(input);
        assert_eq!(
            out.as_str(),
            "Hi, I'm [name removed], mum to [name removed] (7). We live at [address removed], EX2. \
             Call [phone number removed] or email [email removed]. DOB [date of birth removed], \
             NHS [NHS number removed], UPN [pupil number removed], blog [link removed]"
        );
        assert_eq!(
            kinds,
            vec![
                Removed::Name,
                Removed::Name,
                Removed::Address,
                Removed::Postcode,
                Removed::Phone,
                Removed::Email,
                Removed::DateOfBirth,
                Removed::NhsNumber,
                Removed::PupilNumber,
                Removed::Link,
            ]
        );
    }

    #[test]
    fn display_and_serialise_as_plain_text() {
        let t = scrub("Oliver");
        assert_eq!(t.to_string(), "[name removed]");
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"[name removed]\"");
        assert_eq!(ScrubbedText::from_store("x".into()).as_str(), "x");
    }

    /// Found by `cargo fuzz run scrub`: the first pass took out the phone number before
    /// `Tel`, which let `Tel` be read as a word, and only then was the number after it
    /// found. The result is now scrubbed until nothing more is found.
    #[test]
    fn scrubbing_twice_finds_nothing_more() {
        let fuzzed = " 0160 98\u{fffd}01632 960 987Tel 01632 960 98760 987Tel 01632 960 987";
        let once = s(fuzzed);
        assert!(!once.contains("01632 960"), "{once}");
        assert_eq!(s(&once), once);
        assert_eq!(scrub_report(&once).1, vec![]);
        for input in [
            "01632 960 987Tel 01632 960 98760 987",
            "EX4 6PX 6PX",
            "ring 07700 900123 or 07700 900124, Oliver Smith, oliver@example.com",
        ] {
            let once = s(input);
            assert_eq!(s(&once), once, "{input:?}");
        }
    }

    /// Control and invisible characters go first, so they neither reach the store nor hide
    /// a detail from the detectors.
    #[test]
    fn invisible_characters_go_first() {
        assert_eq!(scrub("a\u{0}b\u{7}c\u{7f}\u{85}d").as_str(), "abcd");
        assert_eq!(
            scrub("line one\r\n\tline two").as_str(),
            "line one\r\n\tline two"
        );
        assert_eq!(
            scrub("ring 07700\u{200b}900\u{0}123 or \u{feff}07700\u{2060}900124").as_str(),
            "ring [phone number removed] or [phone number removed]"
        );
        assert_eq!(
            scrub("\u{feff}Oliver\u{200b} Smith").as_str(),
            "[name removed]"
        );
        assert_eq!(
            scrub("👨\u{200d}👩\u{200d}👧").as_str(),
            "👨\u{200d}👩\u{200d}👧"
        );
        // Joiners, selectors, tags, fillers and odd spaces inside a detail hide it no more.
        for hidden in [
            "07700\u{2009}900125",
            "07700\u{200d}900126",
            "07700\u{200c}900127",
            "07700\u{34f}900128",
            "07700\u{61c}900129",
            "07700\u{202f}900130",
            "07700\u{3164}900131",
            "07700\u{fe0f}900132",
            "07700\u{e0041}900133",
            "0\u{200d}7\u{200d}7\u{200d}0\u{200d}0 900134",
        ] {
            assert_eq!(
                scrub(&format!("ring {hidden} please")).as_str(),
                "ring [phone number removed] please",
                "{hidden:?}"
            );
        }
        assert_eq!(
            scrub("jo\u{200d}@example\u{200c}.com").as_str(),
            "[email removed]"
        );
        assert_eq!(
            scrub("I ❤\u{fe0f} my school").as_str(),
            "I ❤\u{fe0f} my school"
        );
        assert_eq!(scrub("می\u{200c}خواهم").as_str(), "می\u{200c}خواهم");
        // Taken out even when no detail is found (the fuzz target's property, corrected).
        let (text, removed) = scrub_report("Year 11 exams wit\u{1}\u{0} \u{fffd}h 25% extra time");
        assert_eq!(text.as_str(), "Year 11 exams wit \u{fffd}h 25% extra time");
        assert!(removed.is_empty(), "{removed:?}");
    }

    #[test]
    fn never_panics_on_odd_input() {
        let odd = [
            "",
            " ",
            "\n\n\t",
            "🙂🙂🙂 07700 900123 🙂",
            "مرحبا اسمي Oliver ورقمي 07700900123",
            "שלום 12/03/2014",
            "é́́́ Zoë Ã ß ǅ ﬁ",
            "+",
            "(((((((((",
            "0",
            "+44",
            "@",
            "@@@@ @_ @1",
            "born",
            "my name is",
            "Mrs",
            "07700 900123 07700 900123 07700 900123 07700 900123 07700 900123",
            "1.2.3.4.5.6.7.8.9.0.1.2.3.4.5.6.7.8.9",
            "٠٧٧٠٠ ٩٠٠١٢٣",
            "１２３４５",
            "\u{feff}Oliver\u{200b}Smith",
            "a\u{0}b",
        ];
        for input in odd {
            let _ = scrub(input);
        }
        // Pseudo-random bytes turned into text: a cheap fuzz.
        let alphabet: Vec<char> =
            "0123456789 +()-./:@'’,abcXYZ EXPL Mrs my son is called Will born DOB \n🙂é"
                .chars()
                .collect();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..300 {
            let mut t = String::new();
            for _ in 0..120 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                t.push(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            let _ = scrub(&t);
        }
    }

    #[test]
    fn long_input_is_handled() {
        let chunk =
            "My son Oliver (07700 900123, EX4 6PX) was born 12/03/2014 and is 10 out of 10. ";
        let input = chunk.repeat(2_000);
        let out = scrub(&input);
        assert!(!out.as_str().contains("Oliver"));
        assert!(!out.as_str().contains("900123"));
        let digits = "1".repeat(100_000);
        assert_eq!(s(&digits), digits);
    }
}
