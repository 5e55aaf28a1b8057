//! One spelling for the many ways the same words arrive: curly or missing
//! apostrophes, hyphens, stretched letters, invisible characters, Arabic letter
//! variants, scrubber markers. Case is kept (patterns are case-insensitive, and
//! the perpetrator check reads a capital as a possible name).

use std::sync::LazyLock;

use regex::Regex;

/// What a scrubbed name becomes: a capitalised word the perpetrator check
/// reads as a person ("[name removed] hits me").
pub(super) const NAME_STANDIN: &str = "Someone";

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[(?:name|phone number|email|postcode|NHS number|pupil number|date of birth|address|link) removed\]")
        .expect("marker pattern is valid")
});

/// Normalise text for matching. The result:
/// - has scrubber markers replaced: `[name removed]` by [`NAME_STANDIN`], others by a space;
/// - has no apostrophes inside words ("don't", "don’t" and "dont" are all `dont`);
/// - has hyphens, underscores, slashes and brackets turned into spaces ("self-harm" is `self harm`);
/// - has runs of three or more of the same letter cut to one ("dieeee" is `die`);
/// - has no zero-width or direction-control characters, and no Arabic vowel marks or
///   tatweel; Arabic alef, hamza carriers, alef maqsura and ta marbuta are folded
///   (أ إ آ to ا, ؤ to و, ئ and ى to ي, ة to ه);
/// - has every run of white space turned into one space, and no leading or trailing space;
/// - has text spellings that stand for one word written as that word ("sum1", "skool").
pub(super) fn normalise(text: &str) -> String {
    let text = MARKER.replace_all(text, |c: &regex::Captures<'_>| {
        if c[0].starts_with("[name") {
            format!(" {NAME_STANDIN} ")
        } else {
            " ".to_owned()
        }
    });

    // Pass 1: map or drop single characters.
    let mut mapped: Vec<char> = Vec::with_capacity(text.len());
    for ch in text.chars() {
        let out = match ch {
            '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
            | '\u{00ad}'
            | '\u{0640}'
            | '\u{064b}'..='\u{065f}'
            | '\u{0670}' => continue,
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ؤ' => 'و',
            'ئ' | 'ى' => 'ي',
            'ة' => 'ه',
            '،' => ',',
            '؛' => ';',
            '؟' => '?',
            '’' | '‘' | '`' | '´' | 'ʼ' | '′' => '\'',
            '-' | '‐' | '‑' | '–' | '—' | '_' | '*' | '~' | '/' | '\\' | '|' | '+' | '=' | '"'
            | '“' | '”' | '„' | '«' | '»' | '(' | ')' | '[' | ']' | '{' | '}' | '<' | '>' | '#'
            | '^' => ' ',
            '&' => {
                mapped.extend(" and ".chars());
                continue;
            }
            c if c.is_whitespace() || c.is_control() => ' ',
            c => c,
        };
        mapped.push(out);
    }

    // Pass 2: apostrophes, stretched letters and white space.
    let mut out = String::with_capacity(mapped.len());
    let mut last: Option<char> = None;
    let mut run = 0usize;
    for (i, &ch) in mapped.iter().enumerate() {
        if ch == '\'' {
            let prev_letter = i > 0 && mapped[i - 1].is_alphanumeric();
            let next_letter = mapped.get(i + 1).is_some_and(|c| c.is_alphanumeric());
            // Inside a word ("don't") it goes; elsewhere it is a space.
            let inside_word = prev_letter && next_letter;
            if !inside_word && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
                last = Some(' ');
                run = 1;
            }
            continue;
        }
        if ch == ' ' {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            last = Some(' ');
            run = 1;
            continue;
        }
        let same = last.is_some_and(|l| l.to_lowercase().eq(ch.to_lowercase()));
        if same && ch.is_alphabetic() {
            run += 1;
            // "kill" keeps its two l's; "dieeee" loses all but one e.
            if run == 3 {
                out.pop();
            }
            if run >= 3 {
                continue;
            }
        } else {
            run = 1;
        }
        out.push(ch);
        last = Some(ch);
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    if out.split(' ').any(|w| text_speak(w).is_some()) {
        out = out
            .split(' ')
            .map(|w| text_speak(w).unwrap_or(w))
            .collect::<Vec<_>>()
            .join(" ");
    }
    out
}

/// Text spellings young people use, each for one ordinary word and no other: "sum1 at
/// skool hits me evry day" is "someone at school hits me every day". The patterns are
/// written in ordinary words; a word with punctuation after it keeps none here, as the
/// patterns do not read it.
fn text_speak(word: &str) -> Option<&'static str> {
    let core = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    // Every spelling below is short: longer words need no lower-case copy.
    if core.len() > 7 {
        return None;
    }
    let standard = match core {
        "n" => "and",
        "u" | "U" => "you",
        _ => match core.to_lowercase().as_str() {
            "ded" => "dead",
            "tonite" | "2nite" | "2night" => "tonight",
            "2day" => "today",
            "2moro" | "2morrow" | "tmrw" | "tmr" => "tomorrow",
            "sum1" | "some1" | "som1" => "someone",
            "any1" => "anyone",
            "every1" | "evry1" => "everyone",
            "skool" | "skl" | "scool" => "school",
            "evry" => "every",
            "evryday" => "every day",
            "wiv" | "wivout" => "with",
            "coz" | "cuz" | "cos" | "bcos" | "bcoz" | "bcuz" => "because",
            "agen" | "agn" => "again",
            "wud" => "would",
            "cud" => "could",
            "shud" => "should",
            "ppl" => "people",
            "hav" => "have",
            "wen" => "when",
            "wat" | "wot" => "what",
            "dat" => "that",
            "dey" => "they",
            "dem" => "them",
            "ur" => "your",
            "hme" => "home",
            "luv" => "love",
            "bf" => "boyfriend",
            "gf" => "girlfriend",
            "ima" | "imma" => "im going to",
            _ => return None,
        },
    };
    Some(standard)
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn safeguarding_normalise_apostrophes_hyphens_and_space() {
        assert_eq!(normalise("I don’t   want"), "I dont want");
        assert_eq!(normalise("I don't\nwant"), "I dont want");
        assert_eq!(normalise("self-harm"), "self harm");
        assert_eq!(normalise("  'quoted' "), "quoted");
        assert_eq!(normalise("mum's boyfriend"), "mums boyfriend");
        assert_eq!(normalise("me & him"), "me and him");
    }

    #[test]
    fn safeguarding_normalise_text_speak() {
        assert_eq!(
            normalise("sum1 at skool hits me evry day coz im autistic"),
            "someone at school hits me every day because im autistic"
        );
        assert_eq!(normalise("ima end it 2nite."), "im going to end it tonight");
        assert_eq!(normalise("u r not N"), "you r not N");
        assert_eq!(normalise("a dedicated skooling"), "a dedicated skooling");
    }

    #[test]
    fn safeguarding_normalise_stretched_letters() {
        assert_eq!(normalise("i want to dieeeee"), "i want to die");
        assert_eq!(normalise("kill"), "kill");
        assert_eq!(normalise("pleaaase"), "please");
        assert_eq!(normalise("sooo"), "so");
    }

    #[test]
    fn safeguarding_normalise_markers_and_invisible_characters() {
        assert_eq!(
            normalise("my son [name removed] says"),
            "my son Someone says"
        );
        assert_eq!(normalise("call [phone number removed] now"), "call now");
        assert_eq!(normalise("k\u{200b}ms"), "kms");
    }

    #[test]
    fn safeguarding_normalise_arabic_letter_variants() {
        assert_eq!(normalise("أريد أن أموت"), "اريد ان اموت");
        assert_eq!(normalise("أؤذي نفسي"), "اوذي نفسي");
        assert_eq!(normalise("بالأمانِ"), "بالامان");
        assert_eq!(normalise("مدرسة"), "مدرسه");
    }
}
