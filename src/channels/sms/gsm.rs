//! GSM-7, the alphabet a text message uses unless it needs UCS-2, and what a message
//! costs in segments.
//!
//! A message in GSM-7 alone fits 160 characters in one segment, or 153 a segment when
//! split; characters from the extension table (`€ [ ] { } \ ^ ~ |` and form feed) take
//! two. Any other character makes the whole message UCS-2: 70 UTF-16 units in one
//! segment, 67 a segment when split. Both gateways bill per segment.

use std::sync::LazyLock;

/// The GSM 03.38 default alphabet (no escape).
const BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
                     ¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

/// The extension table: each is sent as ESC and the character, two septets.
const EXTENSION: &str = "\u{0C}^{}\\[~]|€";

/// Septets each ASCII character takes (0: not GSM-7): every reply is measured, character
/// by character, several times, and most characters are ASCII.
static ASCII_SEPTETS: LazyLock<[u8; 128]> = LazyLock::new(|| {
    let mut table = [0; 128];
    for (i, septets) in table.iter_mut().enumerate() {
        let c = char::from(i as u8);
        *septets = slow_septets(c).unwrap_or(0) as u8;
    }
    table
});

/// Septets a GSM-7 character takes, or `None` if it is not GSM-7.
fn septets(c: char) -> Option<usize> {
    if c.is_ascii() {
        let n = ASCII_SEPTETS[c as usize];
        return (n != 0).then_some(usize::from(n));
    }
    // Past ASCII, GSM-7 has only some of Latin-1, capital Greek and the euro sign: other
    // letters (most Polish ones, all Arabic) need not be searched for.
    if !matches!(c, '\u{00A1}'..='\u{00FF}' | '\u{0393}'..='\u{03A9}' | '\u{20AC}') {
        return None;
    }
    slow_septets(c)
}

fn slow_septets(c: char) -> Option<usize> {
    if BASIC.contains(c) {
        Some(1)
    } else if EXTENSION.contains(c) {
        Some(2)
    } else {
        None
    }
}

/// Whether every character is in GSM-7 (default alphabet or extension table).
pub fn is_gsm7(text: &str) -> bool {
    text.chars().all(|c| septets(c).is_some())
}

/// Replaces typography a phone keyboard or a translation brings in (curly quotes,
/// dashes, ellipsis, unusual spaces) with GSM-7 equivalents and drops emoji and
/// invisible characters, so the message can stay GSM-7. Letters outside GSM-7, such as
/// Polish or Arabic ones, are kept: such a message is sent as UCS-2.
/// Runs of spaces left behind are closed up and line ends trimmed.
pub fn to_gsm7(text: &str) -> String {
    // Most texts (heard's own words, questions already made GSM-7) come out as they go
    // in: then checking is cheaper than rewriting.
    if is_unchanged_by_to_gsm7(text) {
        return text.to_owned();
    }
    rewrite_to_gsm7(text)
}

/// [`to_gsm7`] for a text already owned, given back as it is when nothing changes.
pub fn into_gsm7(text: String) -> String {
    if is_unchanged_by_to_gsm7(&text) {
        return text;
    }
    rewrite_to_gsm7(&text)
}

/// Like [`to_gsm7`], and also writes Latin letters GSM-7 lacks without their marks
/// (`ą` as `a`, `ł` as `l`, `Ś` as `S`), keeping those it has (`é`, `ü`, `Ä`).
/// Polish texts are commonly written so and remain readable, at a third of the cost;
/// whether to use it is a choice for the service, not made here. Arabic is unchanged.
pub fn fold_to_gsm7(text: &str) -> String {
    fold_latin_letters(to_gsm7(text))
}

/// [`fold_to_gsm7`] for a text already owned, given back as it is when nothing changes.
pub fn fold_into_gsm7(text: String) -> String {
    fold_latin_letters(into_gsm7(text))
}

fn fold_latin_letters(text: String) -> String {
    if is_gsm7(&text) {
        return text;
    }
    text.chars()
        .map(|c| {
            if septets(c).is_some() {
                c
            } else {
                fold_latin(c)
            }
        })
        .collect()
}

/// What [`to_gsm7`] writes for one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Replacement {
    Keep,
    Char(char),
    Text(&'static str),
    Drop,
}

const fn replacement(c: char) -> Replacement {
    use Replacement::{Char, Drop, Keep, Text};
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{00B4}'
        | '\u{0060}' => Char('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => Char('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{2022}' | '\u{00B7}' => Char('-'),
        '\u{2026}' => Text("..."),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => {
            Char(' ')
        }
        '\u{00D7}' => Char('x'),
        '\u{00A9}' => Text("(c)"),
        '\u{00AE}' => Text("(R)"),
        '\u{2122}' => Text("TM"),
        c if is_dropped(c) => Drop,
        _ => Keep,
    }
}

/// The ASCII characters [`to_gsm7`] keeps as they are: most characters are ASCII, and a
/// table is quicker than the rules.
const ASCII_KEPT: [bool; 128] = {
    let mut table = [false; 128];
    let mut i = 0;
    while i < 128 {
        table[i] = matches!(replacement(i as u8 as char), Replacement::Keep);
        i += 1;
    }
    table
};

/// Whether [`to_gsm7`] gives `text` back as it is: no character to replace or drop, no
/// space after a space or at a line's start or end, no line break at either end.
fn is_unchanged_by_to_gsm7(text: &str) -> bool {
    if text.starts_with('\n') || text.ends_with([' ', '\n']) {
        return false;
    }
    // A line break before the text, so a leading space counts as at a line's start.
    let mut previous = '\n';
    for c in text.chars() {
        let untidy = match c {
            ' ' => previous == ' ' || previous == '\n',
            '\n' => previous == ' ',
            _ if c.is_ascii() => !ASCII_KEPT[c as usize],
            _ => !matches!(replacement(c), Replacement::Keep),
        };
        if untidy {
            return false;
        }
        previous = c;
    }
    true
}

fn rewrite_to_gsm7(text: &str) -> String {
    let mut out = TidyText::with_capacity(text.len());
    for c in text.chars() {
        match replacement(c) {
            Replacement::Keep => out.push(c),
            Replacement::Char(r) => out.push(r),
            Replacement::Text(s) => s.chars().for_each(|r| out.push(r)),
            Replacement::Drop => {}
        }
    }
    out.text
}

/// Text written a character at a time, with runs of spaces closed up, spaces trimmed at
/// line ends, and line breaks at either end left out: what splitting into lines and words
/// and joining them again would give, without the pieces.
struct TidyText {
    text: String,
    /// The current line has something other than spaces in it.
    line_started: bool,
    /// A space is owed before the next character on this line.
    space: bool,
    /// Line breaks owed before the next character, if one comes.
    line_breaks: usize,
}

impl TidyText {
    fn with_capacity(capacity: usize) -> TidyText {
        TidyText {
            text: String::with_capacity(capacity),
            line_started: false,
            space: false,
            line_breaks: 0,
        }
    }

    fn push(&mut self, c: char) {
        match c {
            ' ' => {
                if self.line_started {
                    self.space = true;
                }
            }
            '\n' => {
                self.space = false;
                self.line_started = false;
                // Line breaks before anything else are trimmed.
                if !self.text.is_empty() {
                    self.line_breaks += 1;
                }
            }
            c => {
                for _ in 0..std::mem::take(&mut self.line_breaks) {
                    self.text.push('\n');
                }
                if std::mem::take(&mut self.space) {
                    self.text.push(' ');
                }
                self.text.push(c);
                self.line_started = true;
            }
        }
    }
}

/// Latin letters GSM-7 lacks, and the plain letter each is written as.
const LATIN_FOLDS: &[(&str, char)] = &[
    ("ąáâãāăà", 'a'),
    ("ĄÁÂÃĀĂÀ", 'A'),
    ("ćčĉċç", 'c'),
    ("ĆČĈĊ", 'C'),
    ("ďđ", 'd'),
    ("ĎĐ", 'D'),
    ("ęêëēėěè", 'e'),
    ("ĘÊËĒĖĚÈ", 'E'),
    ("íîïīįì", 'i'),
    ("ÍÎÏĪĮÌ", 'I'),
    ("łľĺ", 'l'),
    ("ŁĽĹ", 'L'),
    ("ńňņ", 'n'),
    ("ŃŇŅ", 'N'),
    ("óôõōő", 'o'),
    ("ÓÔÕŌŐÒ", 'O'),
    ("řŕ", 'r'),
    ("ŘŔ", 'R'),
    ("śšşș", 's'),
    ("ŚŠŞȘ", 'S'),
    ("ťţț", 't'),
    ("ŤŢȚ", 'T'),
    ("úûūůűų", 'u'),
    ("ÚÛŪŮŰŲÙ", 'U'),
    ("ýÿ", 'y'),
    ("ÝŸ", 'Y'),
    ("źżž", 'z'),
    ("ŹŻŽ", 'Z'),
];

/// A Latin letter without its mark, where the plain letter is GSM-7.
fn fold_latin(c: char) -> char {
    // Every letter folded is in Latin-1 Supplement or Latin Extended-A or -B: an Arabic
    // text need not be searched for them letter by letter.
    if !('\u{00C0}'..='\u{024F}').contains(&c) {
        return c;
    }
    LATIN_FOLDS
        .iter()
        .find(|(from, _)| from.contains(c))
        .map_or(c, |(_, to)| *to)
}

/// Emoji, their modifiers and joiners, and invisible formatting characters.
const fn is_dropped(c: char) -> bool {
    matches!(c,
        '\u{200B}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' // zero-width space, joiner, word joiner, BOM
        | '\u{FE00}'..='\u{FE0F}'   // variation selectors
        | '\u{20E3}'                // combining keycap
        | '\u{2190}'..='\u{21FF}'   // arrows
        | '\u{2300}'..='\u{23FF}'   // technical symbols (watch, hourglass)
        | '\u{2460}'..='\u{24FF}'   // enclosed alphanumerics
        | '\u{25A0}'..='\u{27BF}'   // shapes, miscellaneous symbols, dingbats
        | '\u{2900}'..='\u{297F}'   // supplemental arrows
        | '\u{2B00}'..='\u{2BFF}'   // stars, arrows
        | '\u{3030}' | '\u{303D}' | '\u{3297}' | '\u{3299}'
        | '\u{1F000}'..='\u{1FAFF}' // emoji and pictographs, skin tones
        | '\u{E0000}'..='\u{E007F}' // tags (flag sequences)
    )
}

/// The segments `text` is sent in: 1 for an empty message.
pub fn segments(text: &str) -> usize {
    // Counted as GSM-7 in one pass until a character shows the text needs UCS-2.
    let mut gsm7 = Segments::new(160, 153);
    for c in text.chars() {
        match septets(c) {
            // An escape pair is never split across segments.
            Some(n) => gsm7.add(n),
            None => {
                // A character outside the Basic Multilingual Plane is a surrogate pair,
                // also kept whole.
                let mut ucs2 = Segments::new(70, 67);
                text.chars().for_each(|c| ucs2.add(c.len_utf16()));
                return ucs2.count();
            }
        }
    }
    gsm7.count()
}

/// Packs units into one segment of `single`, or as many of `part` as it takes.
struct Segments {
    single: usize,
    part: usize,
    total: usize,
    /// Parts used were the message split, and units in the last.
    parts: usize,
    used: usize,
}

impl Segments {
    fn new(single: usize, part: usize) -> Segments {
        Segments {
            single,
            part,
            total: 0,
            parts: 1,
            used: 0,
        }
    }

    fn add(&mut self, n: usize) {
        self.total += n;
        if self.used + n > self.part {
            self.parts += 1;
            self.used = 0;
        }
        self.used += n;
    }

    fn count(&self) -> usize {
        if self.total <= self.single {
            1
        } else {
            self.parts
        }
    }
}

/// Characters (septets or UTF-16 units) a message can have in `n` segments, for the
/// encoding `text` needs.
pub fn capacity(text: &str, n: usize) -> usize {
    match (is_gsm7(text), n) {
        (_, 0) => 0,
        (true, 1) => 160,
        (true, n) => 153 * n,
        (false, 1) => 70,
        (false, n) => 67 * n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphabet() {
        assert!(is_gsm7("Hello! Reply 1, 2 or 3. £5 @ 10% é ñ ü Ø Δ"));
        assert!(is_gsm7("{braces} [brackets] €10 ~ ^ | \\"));
        assert!(is_gsm7(""));
        assert!(!is_gsm7("Tak, czasami: żółć"));
        assert!(!is_gsm7("don’t"));
        assert!(!is_gsm7("نعم"));
        assert!(!is_gsm7("hi 😀"));
        assert!(!is_gsm7("ç")); // only capital Ç is in the table
        assert_eq!(BASIC.chars().count(), 128 - 1); // ESC (0x1B) is not a character
    }

    #[test]
    fn typography_becomes_gsm() {
        assert_eq!(
            to_gsm7("“Don’t” – wait… ‘ok’\u{00A0}then — «yes»"),
            "\"Don't\" - wait... 'ok' then - \"yes\""
        );
        assert_eq!(to_gsm7("Thanks 😀 so much 👍🏽!"), "Thanks so much !");
        assert_eq!(to_gsm7("Family 👨‍👩‍👧 day ❤️"), "Family day");
        assert_eq!(to_gsm7("a\u{200B}b\u{FEFF}c"), "abc");
        assert_eq!(to_gsm7("Line 1  \n  Line 2\t"), "Line 1\nLine 2");
        assert_eq!(to_gsm7("1️⃣ Yes"), "1 Yes");
        assert!(is_gsm7(&to_gsm7("“Fancy” – text… ©2026")));
        // Letters outside GSM-7 stay: the message goes as UCS-2.
        assert_eq!(to_gsm7("Czy są „dobre”?"), "Czy są \"dobre\"?");
        assert_eq!(to_gsm7("هل تشعر بالترحيب؟"), "هل تشعر بالترحيب؟");
    }

    #[test]
    fn folding_keeps_gsm_letters() {
        assert_eq!(
            fold_to_gsm7("Czy są „dobre”? Źle, żółć, ŁÓDŹ"),
            "Czy sa \"dobre\"? Zle, zolc, LODZ"
        );
        assert_eq!(fold_to_gsm7("café über Ärger"), "café über Ärger");
        assert_eq!(fold_to_gsm7("نعم ż"), "نعم z");
        assert!(is_gsm7(&fold_to_gsm7("Pomiń to pytanie, proszę")));
    }

    #[test]
    fn gsm_segments() {
        assert_eq!(segments(""), 1);
        assert_eq!(segments(&"a".repeat(160)), 1);
        assert_eq!(segments(&"a".repeat(161)), 2);
        assert_eq!(segments(&"a".repeat(306)), 2);
        assert_eq!(segments(&"a".repeat(307)), 3);
        // Extension characters count two.
        assert_eq!(segments(&"€".repeat(80)), 1);
        assert_eq!(segments(&"€".repeat(81)), 2);
        assert_eq!(segments(&format!("{}€", "a".repeat(159))), 2);
        // An escape pair does not straddle a boundary: 152 + 2 does not fit in 153.
        assert_eq!(
            segments(&format!("{}€{}", "a".repeat(152), "a".repeat(152))),
            3
        );
        assert_eq!(
            segments(&format!("{}€{}", "a".repeat(151), "a".repeat(152))),
            2
        );
    }

    #[test]
    fn ucs2_segments() {
        assert_eq!(segments(&"ż".repeat(70)), 1);
        assert_eq!(segments(&"ż".repeat(71)), 2);
        assert_eq!(segments(&"ż".repeat(134)), 2);
        assert_eq!(segments(&"ż".repeat(135)), 3);
        // One non-GSM character makes the whole message UCS-2.
        assert_eq!(segments(&format!("{}ż", "a".repeat(69))), 1);
        assert_eq!(segments(&format!("{}ż", "a".repeat(70))), 2);
        assert_eq!(segments(&"ن".repeat(70)), 1);
        // Emoji take two UTF-16 units, kept in one segment.
        assert_eq!(segments(&"😀".repeat(35)), 1);
        assert_eq!(segments(&"😀".repeat(36)), 2);
        assert_eq!(segments(&format!("{}😀", "a".repeat(68))), 1);
        assert_eq!(segments(&format!("{}😀", "a".repeat(69))), 2);
        // 66 units, then a pair that does not fit in the first part's 67.
        assert_eq!(
            segments(&format!("{}😀{}", "a".repeat(66), "a".repeat(66))),
            3
        );
        assert_eq!(
            segments(&format!("{}😀{}", "a".repeat(65), "a".repeat(66))),
            2
        );
    }

    /// [`to_gsm7`], [`fold_to_gsm7`] and [`segments`] as they were written first, plainly:
    /// what the faster ones must always agree with.
    mod reference {
        use super::super::{fold_latin, is_dropped, is_gsm7, septets};

        pub fn to_gsm7(text: &str) -> String {
            let mut out = String::new();
            for c in text.chars() {
                match c {
                    '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{00B4}'
                    | '\u{0060}' => out.push('\''),
                    '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
                    | '\u{00BB}' => out.push('"'),
                    '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
                    | '\u{2212}' | '\u{2022}' | '\u{00B7}' => out.push('-'),
                    '\u{2026}' => out.push_str("..."),
                    '\u{00A0}'
                    | '\u{2000}'..='\u{200A}'
                    | '\u{202F}'
                    | '\u{205F}'
                    | '\u{3000}'
                    | '\t' => out.push(' '),
                    '\u{00D7}' => out.push('x'),
                    '\u{00A9}' => out.push_str("(c)"),
                    '\u{00AE}' => out.push_str("(R)"),
                    '\u{2122}' => out.push_str("TM"),
                    c if is_dropped(c) => {}
                    c => out.push(c),
                }
            }
            let lines: Vec<String> = out
                .split('\n')
                .map(|line| {
                    line.split(' ')
                        .filter(|w| !w.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            lines.join("\n").trim_matches([' ', '\n']).to_owned()
        }

        pub fn fold_to_gsm7(text: &str) -> String {
            to_gsm7(text)
                .chars()
                .map(|c| {
                    if septets(c).is_some() {
                        c
                    } else {
                        fold_latin(c)
                    }
                })
                .collect()
        }

        pub fn segments(text: &str) -> usize {
            if is_gsm7(text) {
                count(text.chars().map(|c| septets(c).unwrap_or(1)), 160, 153)
            } else {
                count(text.chars().map(char::len_utf16), 70, 67)
            }
        }

        fn count(units: impl Iterator<Item = usize> + Clone, single: usize, part: usize) -> usize {
            if units.clone().sum::<usize>() <= single {
                return 1;
            }
            let mut segments = 1;
            let mut used = 0;
            for n in units {
                if used + n > part {
                    segments += 1;
                    used = 0;
                }
                used += n;
            }
            segments
        }
    }

    /// Random texts from characters every rule applies to: spaces of each kind, line
    /// breaks, typography, emoji and their parts, letters in and out of GSM-7.
    fn random_texts(count: usize, max_chars: usize) -> Vec<String> {
        use rand::{rngs::StdRng, Rng, SeedableRng};
        const CHARS: &[char] = &[
            'a',
            'b',
            'Z',
            '1',
            '.',
            ' ',
            ' ',
            ' ',
            ' ',
            '\n',
            '\n',
            '\t',
            '\r',
            '`',
            '€',
            '{',
            '\u{A0}',
            '\u{2003}',
            '\u{3000}',
            '’',
            '“',
            '„',
            '…',
            '—',
            '·',
            '×',
            '©',
            '®',
            '™',
            '😀',
            '👍',
            '\u{1F3FD}',
            '\u{200B}',
            '\u{200D}',
            '\u{FE0F}',
            '\u{20E3}',
            '❤',
            'é',
            'ü',
            'Ä',
            'ç',
            'ą',
            'ż',
            'Ł',
            'Ś',
            'ő',
            'ن',
            'ع',
            '\u{2068}',
        ];
        let mut rng = StdRng::seed_from_u64(7);
        (0..count)
            .map(|_| {
                let len = rng.gen_range(0..=max_chars);
                (0..len)
                    .map(|_| CHARS[rng.gen_range(0..CHARS.len())])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn fast_paths_agree_with_the_plain_rules() {
        let mut texts = random_texts(20_000, 24);
        texts.extend(random_texts(500, 400));
        texts.extend(
            [
                "", " ", "\n", " \n ", "a", " a", "a ", "\na", "a\n", "a\n\n\nb", "a \n b", "a  b",
                "a\n \nb", "a\r\n b", "\t", "😀", " 😀 a", "a 😀 b", "…",
            ]
            .map(str::to_owned),
        );
        for text in &texts {
            let expected = reference::to_gsm7(text);
            assert_eq!(to_gsm7(text), expected, "{text:?}");
            assert_eq!(into_gsm7(text.clone()), expected, "{text:?}");
            // The fast path is taken exactly when nothing changes.
            assert_eq!(is_unchanged_by_to_gsm7(text), expected == *text, "{text:?}");
            let folded = reference::fold_to_gsm7(text);
            assert_eq!(fold_to_gsm7(text), folded, "{text:?}");
            assert_eq!(fold_into_gsm7(text.clone()), folded, "{text:?}");
            assert_eq!(segments(text), reference::segments(text), "{text:?}");
        }
        // Around the segment boundaries, in both encodings.
        for unit in ["a", "€", "ż", "😀"] {
            for n in 0..400 {
                let text = unit.repeat(n);
                assert_eq!(segments(&text), reference::segments(&text), "{unit} × {n}");
                let mixed = format!("{}{unit}{}", "a".repeat(n / 2), "b".repeat(n / 2));
                assert_eq!(segments(&mixed), reference::segments(&mixed), "{mixed}");
            }
        }
    }

    #[test]
    fn folding_looks_only_at_latin_letters() {
        // Everything in the fold table lies in the range `fold_latin` searches.
        for (from, to) in LATIN_FOLDS {
            for c in from.chars() {
                assert_eq!(fold_latin(c), *to, "{c}");
            }
        }
    }

    #[test]
    fn septets_agree_with_the_tables() {
        for c in (0..=0x2FFFF).filter_map(char::from_u32) {
            assert_eq!(septets(c), slow_septets(c), "{c:?}");
        }
    }

    #[test]
    fn capacities() {
        assert_eq!(capacity("abc", 1), 160);
        assert_eq!(capacity("abc", 2), 306);
        assert_eq!(capacity("ż", 1), 70);
        assert_eq!(capacity("ż", 3), 201);
    }
}
