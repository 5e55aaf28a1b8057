//! Keeping only what the person wrote: quoted replies ("On … wrote:" with `>` lines, Outlook's
//! "From: … Sent: …" block, "-----Original Message-----"), the signature after `-- `, phone
//! footers ("Sent from my iPhone") and legal disclaimers go. A sign-off alone on its line
//! ("Kind regards,") keeps the sign-off and makes the few short lines under it a signature.
//! Sign-offs with the name on the same line ("Thanks, Sam") stay: the scrubber removes the
//! name.

use std::sync::LazyLock;

use regex::Regex;

/// A body split into the person's own words and their signature. The signature is not
/// stored, but a postcode in it can still place the view.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Stripped {
    /// Paragraphs joined by a blank line, a paragraph's lines joined by spaces.
    pub text: String,
    pub signature: String,
}

impl Stripped {
    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:on\b.{0,300}\bwrote|le\b.{0,300}\ba écrit|am\b.{0,300}\bschrieb.{0,200}|(?:w dniu|dnia)\b.{0,300}\b(?:napisał\(a\)|napisała|napisał|pisze)|في\b.{0,300}(?:كتب|كتبت)(?:\s.{0,200})?)\s*:?\s*$",
    )
    .expect("attribution pattern")
});

/// "Someone wrote:" with no date: only a quote marker when `>` lines follow.
static LOOSE_ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^.{0,200}\b(?:wrote|napisał\(a\)|napisała|napisał|كتب):\s*$")
        .expect("loose pattern")
});

static HEADER_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\*?(?:from|od|von|de|van|من)\s*:\*?\s*\S").expect("from pattern")
});

static HEADER_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\*?(?:sent|date|to|subject|wysłano|wysłane|data|do|temat|gesendet|envoyé|verzonden|تاريخ الإرسال|أرسل|إلى|الموضوع)\s*:",
    )
    .expect("header pattern")
});

static ORIGINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:-{2,}\s*(?:original message|oryginalna wiadomość|wiadomość oryginalna|message d'origine|ursprüngliche nachricht|الرسالة الأصلية)\s*-{2,}|_{10,})$",
    )
    .expect("original pattern")
});

static FORWARDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:-{2,}\s*(?:forwarded message|wiadomość przekazana dalej|przekazana wiadomość)\s*-{2,}|begin forwarded message:)$",
    )
    .expect("forwarded pattern")
});

static FORWARDED_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\*?(?:from|sent|date|subject|to|cc|od|data|temat|do)\s*:")
        .expect("fwd header pattern")
});

// A phone's or app's footer, with the link some apps put after it
// ("Get Outlook for Android<https://aka.ms/...>").
static MOBILE_FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:sent from my \w+.{0,40}|sent from (?:outlook|yahoo mail|yahoo|aol mobile mail|aol|mail|gmail|email|samsung (?:mobile|email|galaxy \w+)|the \w+ app)(?: (?:for|on) \w+.{0,20})?|get outlook for \w+.{0,20}|sent (?:via|with) .{1,40}|wysłane z (?:mojego )?\w+.{0,30}|تم الإرسال من .{1,40}|[أا]\p{Mn}*رسل\p{Mn}*(?:ت|ه)?\p{Mn}* من .{1,40}|مرسل من .{1,40})(?:\s*<https?://[^>\s]{1,200}>|\s*\(?https?://[^\s)]{1,200}\)?)?$",
    )
    .expect("footer pattern")
});

static DISCLAIMER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:this (?:e-?mail|message|communication)(?: and any (?:files|attachments)[^.]{0,60})? (?:is|are|may be|may contain|contains?) (?:strictly )?(?:confidential|privileged|intended|information)|intended (?:solely |only )?for the (?:use of the )?(?:addressee|named recipient|intended recipient|individual)|if you (?:are not|have received this)[^.]{0,80}(?:intended recipient|in error)|confidentiality notice|please consider the environment before printing|views expressed in this (?:e-?mail|message)|(?:scanned|checked) for (?:all known )?viruses|is virus[- ]free|monitored (?:and recorded )?for (?:security|lawful)|ta wiadomość (?:jest|może zawierać)[^.]{0,40}poufn)",
    )
    .expect("disclaimer pattern")
});

/// The words people sign off with, in each language heard reads.
const SIGN_OFF: &str = r"(?:(?:kind|kindest|best|warm|warmest|many|with)? ?regards|(?:best|warm|warmest|kind) wishes|(?:with )?(?:many |best |kind )?thanks(?: again| so much| in advance)?|thank you(?: so much| in advance| again)?|many thanks|cheers|sincerely|respectfully|yours(?: sincerely| faithfully| truly)?|all the best|best|take care|speak soon|with love|(?:lots of )?love(?: from)?|(?:serdecznie )?pozdrawiam(?: serdecznie)?|pozdrowienia|z poważaniem|z wyrazami szacunku|dzięki|dziękuję(?: bardzo)?|mit freundlichen grüßen|و?مع (?:خالص |أطيب |اطيب )?(?:التحية|التحيات|تحياتي|الشكر)|و?شكرا(?: لكم| لك| جزيلا)?|تحياتي)";

/// A sign-off alone on its line: what follows it, when short, is a signature.
static VALEDICTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^{SIGN_OFF}\s*[,.!،]?$")).expect("valediction pattern")
});

/// A sign-off with the name on its line ("Many thanks, Sarah"): the line stays for the
/// scrubber, and a work signature under it goes.
static VALEDICTION_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^{SIGN_OFF}\s*[,.!،]?\s+(?P<name>\S.{{0,40}})$"
    ))
    .expect("named valediction pattern")
});

static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[-*•·]\s|\d{1,2}[.)]\s)").expect("bullet pattern"));

fn is_quote(line: &str) -> bool {
    line.trim_start().starts_with('>')
}

fn is_signature_marker(line: &str) -> bool {
    // RFC 3676's "-- " (some clients drop the space); "__" for a few web mailers.
    matches!(line.trim_end(), "--" | "-- " | "__")
}

/// How many lines (1 to 3) an "On … wrote:" attribution starting at `i` takes.
fn attribution(lines: &[&str], i: usize) -> Option<usize> {
    let mut joined = String::new();
    for n in 0..3 {
        let line = lines.get(i + n)?.trim();
        if n > 0 && line.is_empty() {
            return None;
        }
        if n > 0 {
            joined.push(' ');
        }
        joined.push_str(line);
        if ATTRIBUTION.is_match(&joined) {
            return Some(n + 1);
        }
    }
    None
}

/// Outlook's quoted header: a "From:" line followed, within a few lines, by "Sent:"/"Date:".
fn outlook_block(lines: &[&str], i: usize) -> bool {
    HEADER_FROM.is_match(lines[i].trim())
        && lines[i + 1..]
            .iter()
            .take(4)
            .any(|l| HEADER_NEXT.is_match(l.trim()))
}

/// Where the lines from `from` end, if they are a signature's: at most `max_lines` short
/// lines of text (a name, a role, a number) before the end of the body, quoted history or
/// a legal disclaimer (which goes anyway).
fn short_tail(lines: &[&str], from: usize, max_lines: usize) -> Option<usize> {
    let mut end = from;
    let mut text_lines = 0;
    while end < lines.len() {
        let line = lines[end];
        if is_quote(line) || attribution(lines, end).is_some() || outlook_block(lines, end) {
            break;
        }
        let trimmed = line.trim();
        if trimmed.is_empty() {
            let next: Vec<&str> = lines[end + 1..]
                .iter()
                .take_while(|l| !l.trim().is_empty())
                .copied()
                .collect();
            if !next.is_empty() && is_disclaimer(&next.join("\n")) {
                break;
            }
        } else {
            text_lines += 1;
            // A phone and an email on one line ("Tel: … | Email: …") may run longer.
            let longest = if CONTACT_LINE.is_match(trimmed) {
                100
            } else {
                60
            };
            if text_lines > max_lines || trimmed.chars().count() > longest {
                return None;
            }
        }
        end += 1;
    }
    (text_lines > 0).then_some(end)
}

/// A line of a work signature: a phone, an email, a website or a postcode.
static CONTACT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:tel|telephone|phone|mobile|mob|fax|email|e-mail|www)\b|@|https?://|[0-9]{5}|\b[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}\b",
    )
    .expect("contact line pattern")
});

/// A work signature's note of when its writer works, a sentence that is still the
/// signature's: "Please note my working days are Monday to Wednesday."
static WORKING_PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:working\s+(?:days|hours|pattern|week)|work(?:s|ing)?\s+part[- ]time|i\s+work\s+(?:on\s+)?(?:mon|tue|wed|thu|fri)\w*|office\s+hours|not\s+in\s+the\s+office|(?:mon|tue|wed|thu|fri)\w*\s+(?:to|-|–)\s+(?:mon|tue|wed|thu|fri)\w*)\b",
    )
    .expect("working pattern")
});

/// The most lines a signature under a rule or `-- ` has: a name, a role, a number.
const SHORT_SIGNATURE: usize = 5;
/// Under a sign-off and a name, a work signature may add a school, its address, a phone
/// and an email.
const SIGNED_OFF_SIGNATURE: usize = 8;

/// Where the lines after a sign-off end, if they are only a signature: a name first, then
/// perhaps a role or a number, each a few words with no sentence's full stop, then the end
/// of the body or of the new words. A postscript is never one.
fn sign_off_tail(lines: &[&str], from: usize) -> Option<usize> {
    let end = short_tail(lines, from, SIGNED_OFF_SIGNATURE)?;
    let is_signature_line = |line: &&str| {
        let line = line.trim();
        // An address or a phone line may be longer than a name or a role.
        let most_words = if CONTACT_LINE.is_match(line) { 10 } else { 6 };
        line.is_empty()
            || (line.split_whitespace().count() <= most_words
                && !line.ends_with(':')
                && !is_sentence(line))
            || is_note_of_hours(line)
    };
    let first = lines[from..end].iter().find(|l| !l.trim().is_empty())?;
    // More lines than a name, a role and a number only where some are contact details, as a
    // work signature's are: "Mum\nof\nthree\nboys" is more of the message.
    let text_lines = lines[from..end]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .count();
    let work_signature = lines[from..end].iter().any(|l| CONTACT_LINE.is_match(l));
    (looks_like_a_name(first)
        && lines[from..end].iter().all(is_signature_line)
        && (text_lines <= SHORT_SIGNATURE || work_signature))
        .then_some(end)
}

/// Where a work signature under a sign-off that names the writer ends: a few short lines
/// with a phone, an email or a postcode among them, and no sentence.
fn work_signature_tail(lines: &[&str], from: usize) -> Option<usize> {
    let end = short_tail(lines, from, SIGNED_OFF_SIGNATURE)?;
    let tail = &lines[from..end];
    let no_sentence = tail.iter().all(|l| {
        let l = l.trim();
        is_note_of_hours(l) || !is_sentence(l)
    });
    (no_sentence && tail.iter().any(|l| CONTACT_LINE.is_match(l))).then_some(end)
}

/// A line that is more of the message than of a signature: a sentence's end, or a
/// postscript.
fn is_sentence(line: &str) -> bool {
    let lower = line.to_lowercase();
    line.ends_with(['.', '?', '!']) || lower.starts_with("p.s") || lower.starts_with("ps ")
}

/// A signature's note of when its writer works, though it is a sentence.
fn is_note_of_hours(line: &str) -> bool {
    WORKING_PATTERN.is_match(line) && line.split_whitespace().count() <= 14
}

/// Words that a sentence has and a name does not: "See you at the meeting" under "Thanks"
/// is more of the message.
const NOT_IN_A_NAME: &[&str] = &[
    "the", "a", "an", "to", "at", "you", "see", "is", "are", "will", "and", "for", "in", "on",
    "of", "my", "we", "i", "it", "this", "that", "me", "us", "be", "have", "please", "again",
];

/// A line that could be who signed: a few words with no sentence's small words in them
/// ("Jo Pengelly", "jo x", "Mum", "Kasia Nowak").
fn looks_like_a_name(line: &str) -> bool {
    let words: Vec<String> = line
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 4
        && words
            .iter()
            .all(|w| !NOT_IN_A_NAME.contains(&w.as_str()) && !w.chars().any(|c| c.is_ascii_digit()))
}

/// Whether line `at` is a name on a line of its own after a blank line or a mobile footer:
/// two or three capitalised words, at least one of which could be a name and none of which
/// is an everyday word ("Derwa Angove"; not "Thank You", "Exeter City Council").
fn is_bare_name_line(lines: &[&str], at: usize) -> bool {
    let before = at
        .checked_sub(1)
        .map(|b| lines[b].trim())
        .unwrap_or_default();
    if at > 0 && !before.is_empty() && !MOBILE_FOOTER.is_match(before) {
        return false;
    }
    let words: Vec<&str> = lines[at]
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\''))
        .collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .skip(1)
                    .all(|c| c.is_lowercase() || c == '-' || c == '\'')
        })
        && words
            .iter()
            .any(|w| crate::privacy::scrub::may_name_a_person(&w.to_lowercase()))
        && words
            .iter()
            .all(|w| !crate::privacy::scrub::is_everyday_word(&w.to_lowercase()))
}

fn next_text_line<'a>(lines: &[&'a str], from: usize) -> Option<&'a str> {
    lines[from.min(lines.len())..]
        .iter()
        .find(|l| !l.trim().is_empty())
        .copied()
}

/// Words above a forward that only point to it ("FYI, see below what I sent the school").
const FORWARD_NOTE_WORDS: usize = 15;

/// Splits `body` into the person's words and their signature.
pub fn own_words(body: &str) -> Stripped {
    let body = body.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = body.lines().collect();
    let mut kept: Vec<&str> = Vec::new();
    let mut signature: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim();
        if is_quote(line) {
            i += 1;
            continue;
        }
        if let Some(n) = attribution(&lines, i) {
            // Quoted with `>` below: drop the attribution, keep reading (the person may
            // answer below or between quotes). Without `>`, the rest is the old message.
            if next_text_line(&lines, i + n).is_some_and(is_quote) {
                i += n;
                continue;
            }
            break;
        }
        if LOOSE_ATTRIBUTION.is_match(trimmed)
            && next_text_line(&lines, i + 1).is_some_and(is_quote)
        {
            i += 1;
            continue;
        }
        if ORIGINAL.is_match(trimmed)
            && (trimmed.starts_with('-')
                || next_text_line(&lines, i + 1).is_some_and(|l| HEADER_FROM.is_match(l.trim())))
        {
            break;
        }
        if ORIGINAL.is_match(trimmed) {
            if let Some(end) = short_tail(&lines, i + 1, SHORT_SIGNATURE) {
                // A rule of underscores over a few short lines: a signature, as "-- " is.
                signature.extend(&lines[i + 1..end]);
                break;
            }
        }
        if FORWARDED.is_match(trimmed) {
            // Under a view of their own, a forward is what they are writing about (the
            // council's letter, a school's email): it is someone else's words, and goes.
            let own_words = kept
                .iter()
                .map(|l| l.split_whitespace().count())
                .sum::<usize>();
            if own_words > FORWARD_NOTE_WORDS {
                break;
            }
            // Alone, or under a note ("see below"), a forward is most likely the view
            // itself. Only its header goes.
            i += 1;
            while i < lines.len()
                && (FORWARDED_HEADER.is_match(lines[i].trim()) || lines[i].trim().is_empty())
            {
                i += 1;
            }
            continue;
        }
        if outlook_block(&lines, i) {
            break;
        }
        if is_signature_marker(line) {
            // The signature runs until any quoted history below it.
            let mut j = i + 1;
            while j < lines.len()
                && !is_quote(lines[j])
                && attribution(&lines, j).is_none()
                && !outlook_block(&lines, j)
                && !ORIGINAL.is_match(lines[j].trim())
            {
                signature.push(lines[j]);
                j += 1;
            }
            break;
        }
        if MOBILE_FOOTER.is_match(trimmed) {
            // Gone, but it ends a paragraph: what follows it is not the sentence above.
            kept.push("");
            i += 1;
            continue;
        }
        let named_sign_off = VALEDICTION_NAMED
            .captures(trimmed)
            .and_then(|c| c.name("name"))
            .is_some_and(|name| looks_like_a_name(name.as_str()));
        if named_sign_off {
            if let Some(end) = work_signature_tail(&lines, i + 1) {
                kept.push(line);
                signature.extend(&lines[i + 1..end]);
                break;
            }
        }
        if VALEDICTION.is_match(trimmed) {
            if let Some(end) = sign_off_tail(&lines, i + 1) {
                // "Kind regards," stays; the name, role and number under it do not.
                kept.push(line);
                signature.extend(
                    lines[i + 1..end]
                        .iter()
                        .filter(|l| !MOBILE_FOOTER.is_match(l.trim())),
                );
                break;
            }
        }
        kept.push(line);
        i += 1;
    }
    // A name alone on the last line, with no sign-off above it ("Derwa Angove", or under
    // "Sent from Outlook for Android"), is a signature too.
    if signature.is_empty() {
        let last = kept.iter().rposition(|l| !l.trim().is_empty());
        if let Some(at) = last.filter(|&at| is_bare_name_line(&kept, at)) {
            signature.push(kept[at]);
            kept.truncate(at);
        }
    }
    Stripped {
        text: paragraphs(&kept),
        signature: signature.join("\n").trim().to_owned(),
    }
}

/// Joins lines into paragraphs (hard-wrapped email lines become one line), drops disclaimer
/// paragraphs, and keeps list items on lines of their own.
fn paragraphs(lines: &[&str]) -> String {
    let mut paragraphs: Vec<Vec<&str>> = vec![Vec::new()];
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            if paragraphs.last().is_some_and(|p| !p.is_empty()) {
                paragraphs.push(Vec::new());
            }
        } else if let Some(p) = paragraphs.last_mut() {
            p.push(line);
        }
    }
    paragraphs
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut out = String::new();
            for line in p {
                if !out.is_empty() {
                    out.push(if BULLET.is_match(line) { '\n' } else { ' ' });
                }
                out.push_str(&line.split_whitespace().collect::<Vec<_>>().join(" "));
            }
            out
        })
        .filter(|p| !is_disclaimer(p))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn is_disclaimer(paragraph: &str) -> bool {
    if DISCLAIMER.is_match(paragraph) {
        return true;
    }
    // A heading such as "DISCLAIMER:" or "Confidentiality:" on its own.
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    words.len() <= 3
        && words.iter().any(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            w == "disclaimer" || w == "confidentiality"
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_over_a_few_short_lines_is_a_signature() {
        let body = "We need better communication from the SEN team.\n________________________________\nLee Carter\nParent Governor\nSent from Outlook\n";
        let s = own_words(body);
        assert_eq!(s.text, "We need better communication from the SEN team.");
        assert!(s.signature.contains("Parent Governor"), "{s:?}");
        // A rule between two parts of a long message is not a signature.
        let long = "First part.\n__________\nThe second part goes on for a long time about the transport and the school and the plan.\n";
        assert_eq!(
            own_words(long).text,
            "First part. __________ The second part goes on for a long time about the transport and the school and the plan."
        );
    }

    #[test]
    fn a_name_alone_on_the_last_line_is_a_signature() {
        let s = own_words("The taxi is late every day.\n\nDerwa Angove\n");
        assert_eq!(s.text, "The taxi is late every day.");
        assert_eq!(s.signature, "Derwa Angove");
        let s = own_words("The taxi is late.\nSent from Outlook for Android\nJowenna Keast\n");
        assert_eq!(s.text, "The taxi is late.");
        assert_eq!(s.signature, "Jowenna Keast");
        // Everyday words, or a line that carries on a paragraph, are the message.
        for body in [
            "The taxi is late.\n\nThank You\n",
            "The taxi is late.\n\nExeter City Council\n",
            "We asked for help from\nSally Trewin\n",
        ] {
            assert!(own_words(body).signature.is_empty(), "{body:?}");
        }
    }

    #[test]
    fn the_short_lines_under_a_sign_off_are_a_signature() {
        let body = "The bus is late.\n\nKind regards,\n\nJo Pengelly\nParent carer\n07700 900461\n";
        let s = own_words(body);
        assert_eq!(s.text, "The bus is late.\n\nKind regards,");
        assert_eq!(s.signature, "Jo Pengelly\nParent carer\n07700 900461");
        let s = own_words(
            "Views.\nThanks!\nSam\nSent from my iPhone\n\nOn Mon, 1 Nov 2026, X wrote:\n> old\n",
        );
        assert_eq!(
            (s.text.as_str(), s.signature.as_str()),
            ("Views. Thanks!", "Sam")
        );
        assert_eq!(
            own_words("Pozdrawiam\nKasia Nowak").signature,
            "Kasia Nowak"
        );
        // The everyday sign-offs of each language heard speaks.
        for (body, name) in [
            ("المدرسة لا تساعده.\n\nمع التحيات\nأمل\n", "أمل"),
            ("المدرسة لا تساعده.\nمع تحياتي،\nفاطمة", "فاطمة"),
            ("Szkoła nie pomaga.\nSerdecznie pozdrawiam\nOla", "Ola"),
            (
                "Szkoła nie pomaga.\nZ wyrazami szacunku\nAnna Kowalska",
                "Anna Kowalska",
            ),
            ("The bus is late.\nThanks in advance,\nJo", "Jo"),
            ("The bus is late.\nKindest regards\nJo Smith", "Jo Smith"),
            ("The bus is late.\nLots of love\nNan", "Nan"),
        ] {
            assert_eq!(own_words(body).signature, name, "{body:?}");
        }
        // What follows is more words, not a signature: a postscript, a sentence, a long line,
        // or more than a few lines.
        for body in [
            "The bus is late.\nThanks,\nJo\nP.S. the taxi too",
            "The bus is late.\nThanks,\nJo\nThe taxi is late too.",
            "The bus is late.\nRegards\nthe taxi is late too and the driver does not wait for him",
            "The bus is late.\nBest wishes\nJo\nMum\nof\nthree\nboys\nat home",
            "The bus is late.\nThanks\nSee you at the meeting",
            "The bus is late.\nThanks\n07700 900461",
        ] {
            assert!(own_words(body).signature.is_empty(), "{body:?}");
        }
        // A sign-off with words after it on its line is not one alone.
        assert!(own_words("Thanks for asking\nJo").signature.is_empty());
    }

    #[test]
    fn arabic_attribution_with_the_name_after_it() {
        let body = "ابني لا يحصل على دعم.\n\nفي ٣ ديسمبر ٢٠٢٦، كتب Heard <views@example.org>:\n> أخبرنا برأيك\n";
        assert_eq!(own_words(body).text, "ابني لا يحصل على دعم.");
    }

    #[test]
    fn gmail_reply_keeps_only_the_new_words() {
        let body = "Thanks, here is more.\nWe need help.\n\nOn Tue, 3 Nov 2026 at 10:02, Views <views@example.org> wrote:\n> Thank you for your email.\n> We got it.\n";
        assert_eq!(own_words(body).text, "Thanks, here is more. We need help.");
    }

    #[test]
    fn wrapped_attribution_and_bottom_post() {
        let body = "On Tue, 3 Nov 2026 at 10:02, Devon Views <views@example.org>\nwrote:\n> old words\n\nMy answer is below the quote.\n";
        assert_eq!(own_words(body).text, "My answer is below the quote.");
    }

    #[test]
    fn outlook_block_signature_footer_and_disclaimer() {
        let body = "Hello,\n\nThe bus is late every day.\n\nSent from my iPhone\n\nThis email and any attachments are confidential and intended solely for the addressee.\n\n________________________________\nFrom: Someone <a@example.org>\nSent: 02 November 2026 09:00\nTo: b@example.org\nSubject: hi\n\nold text\n";
        assert_eq!(own_words(body).text, "Hello,\n\nThe bus is late every day.");
        let body = "View here.\n-- \nSam\n12 High Street, Bideford EX39 2QE\n\nOn Mon, 1 Nov 2026, X wrote:\n> old\n";
        let s = own_words(body);
        assert_eq!(s.text, "View here.");
        assert_eq!(s.signature, "Sam\n12 High Street, Bideford EX39 2QE");
    }

    #[test]
    fn original_message_and_lists() {
        let body =
            "Things that help:\n- ramps\n- quiet rooms\n\n-----Original Message-----\nFrom: x\n";
        assert_eq!(
            own_words(body).text,
            "Things that help:\n- ramps\n- quiet rooms"
        );
    }

    #[test]
    fn phone_and_webmail_footers_go() {
        for footer in [
            "Sent from my iPhone",
            "أُرسلت من الـ iPhone الخاص بي",
            "أرسلت من هاتفي",
            "Sent from my Galaxy",
            "Sent from Yahoo Mail on Android",
            "Sent from Yahoo Mail for iPhone",
            "Sent from Outlook for Android",
            "Get Outlook for iOS",
            "Sent from Mail for Windows",
            "Sent from AOL Mobile Mail",
            "Sent from Samsung Mobile",
            "Sent with Proton Mail secure email.",
            "Get Outlook for Android<https://aka.ms/AAb9ysg>",
            "Get Outlook for iOS <https://aka.ms/o0ukef>",
            "Sent from my iPad (https://example.org/ipad)",
        ] {
            let body = format!("The bus is late.\n\n{footer}\n");
            assert_eq!(own_words(&body).text, "The bus is late.", "{footer}");
        }
        let body = "Sent from school with a letter, he was upset.\n";
        assert_eq!(own_words(body).text, body.trim());
    }

    #[test]
    fn a_line_mentioning_from_is_kept() {
        let body = "From: my point of view, it is fine.\nWe are happy.\n";
        assert_eq!(
            own_words(body).text,
            "From: my point of view, it is fine. We are happy."
        );
    }
}
