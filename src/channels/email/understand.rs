//! What an email tells us beyond its words: which consultation, which part of Devon, who is
//! speaking, and in which language to answer.

use std::borrow::Borrow;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::channels::plain_words;
use crate::domain::{AreaId, AreaKind, Areas, Consultation, PostcodeLookup, RespondentGroup};
use crate::i18n::Locale;

fn contains_words(haystack: &str, needle: &str) -> bool {
    !needle.is_empty() && format!(" {haystack} ").contains(&format!(" {needle} "))
}

/// The consultation an email is about: a plus address (`views+four-cornerstones@…`), else
/// one named in the subject (by its id or title), else the open one that opened last.
/// Only consultations open on `day` are chosen; `consultations` is newest opening first,
/// owned or shared (the store's are `Arc`s).
pub fn choose_consultation<'a, C: Borrow<Consultation>>(
    consultations: &'a [C],
    recipients: &[String],
    subject: &str,
    day: NaiveDate,
) -> Option<&'a Consultation> {
    let open: Vec<&Consultation> = consultations
        .iter()
        .map(Borrow::borrow)
        .filter(|c: &&Consultation| c.is_open_on(day))
        .collect();
    for recipient in recipients {
        let local = recipient.split('@').next().unwrap_or_default();
        if let Some((_, tag)) = local.split_once('+') {
            let tag = plain_words(tag);
            if let Some(c) = open.iter().find(|c| plain_words(c.slug.as_str()) == tag) {
                return Some(c);
            }
        }
    }
    let subject = plain_words(subject);
    let mut best: Option<(&Consultation, usize)> = None;
    for c in &open {
        let mut names = vec![plain_words(c.slug.as_str())];
        for title in c.title.values() {
            names.push(plain_words(title));
            // "Four Cornerstones" for "Four Cornerstones: what matters to you?"
            if let Some((short, _)) = title.split_once([':', '-', '–']) {
                if short.split_whitespace().count() >= 2 {
                    names.push(plain_words(short));
                }
            }
        }
        for name in names {
            if contains_words(&subject, &name) && best.is_none_or(|(_, len)| name.len() > len) {
                best = Some((c, name.len()));
            }
        }
    }
    best.map(|(c, _)| c).or_else(|| open.first().copied())
}

static ADDRESS_IS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:my|our|home)\s+address\s*(?:is|:)\s*([^\n]{1,80})")
        .expect("address pattern")
});
static FULL_POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})\b").expect("postcode pattern")
});
static OUTWARD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b([A-Z]{1,2}[0-9][A-Z0-9]?)\b").expect("outward pattern"));

/// The area named in the texts, read in order (the person's words, then the subject, then
/// the signature): a full postcode, else a district's name, else an outward code that lies
/// in one district. A postcode elsewhere in the UK places the view outside the area.
/// An outward code alone counts only inside the authority, so "M5" or "B12" is not a place.
pub fn find_area(areas: &Areas, texts: &[&str]) -> Option<AreaId> {
    find_home(areas, texts).or_else(|| find_any_area(areas, texts))
}

/// Where the writer says they live ("I live in Dawlish", "my address is …"), which wins
/// over every other place a message names.
fn find_home(areas: &Areas, texts: &[&str]) -> Option<AreaId> {
    // "My address is 7 Fernworthy Close, Okehampton": where they live, whatever else the
    // message names.
    for text in texts {
        for c in ADDRESS_IS.captures_iter(text) {
            let address = &c[1];
            let area = area_of_full_postcode(areas, address).or_else(|| areas.find_place(address));
            if let Some(area) = area {
                return Some(area);
            }
        }
    }
    texts
        .iter()
        .find_map(|text| areas.find_place_lived_in(text))
}

/// The area of the first full postcode in `text` that places someone.
fn area_of_full_postcode(areas: &Areas, text: &str) -> Option<AreaId> {
    FULL_POSTCODE
        .captures_iter(text)
        .find_map(|m| match areas.lookup_postcode(&m[0]) {
            PostcodeLookup::Found(area) => Some(area),
            _ => None,
        })
}

/// Any place a message names, after `find_home` found none it lives in.
fn find_any_area(areas: &Areas, texts: &[&str]) -> Option<AreaId> {
    for text in texts {
        if let Some(area) = area_of_full_postcode(areas, text).or_else(|| areas.find_place(text)) {
            return Some(area);
        }
        for m in OUTWARD.captures_iter(text) {
            if let PostcodeLookup::Found(area) = areas.lookup_postcode(&m[1]) {
                if areas
                    .get(area.as_str())
                    .is_some_and(|a| a.kind == AreaKind::District)
                {
                    return Some(area);
                }
            }
        }
    }
    None
}

static AGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:i\s*(?:am|'m|’m|m)|im|i'm|i’m)\s+(?:only\s+|just\s+|now\s+)?(\d{1,2}|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty[- ]one|twenty[- ]two|twenty[- ]three|twenty[- ]four|twenty[- ]five)(?:\s*(?:years?|yrs?|y/?o)\b(?:\s*old)?)?\s*($|[.,;:!?)\-]|\band\b|\bbut\b|\bso\b|\bwith\b|\bi\b|\bin\b|\bat\b|\bnow\b|\btoo\b|&)",
    )
    .expect("age pattern")
});
/// "I'm an autistic adult aged 23": an age given with "aged" after what the writer is.
/// [`aged_self`] checks that the age is the writer's, not a child's they go on to name.
static AGE_AGED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:i\s*am|i'm|i’m|im)\b(?P<between>[^.!?\n]{0,40}?)\baged?\s+(?P<age>\d{1,2})\b",
    )
    .expect("aged pattern")
});
static SOMEONE_ELSE_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:of|for|about|with|to|my|our|his|her|their|a\s+(?:boy|girl|child|son|daughter)|son|daughter|boy|girl|child|kid|grandson|granddaughter|brother|sister)\b",
    )
    .expect("someone else pattern")
});

fn aged_self(text: &str) -> Option<u32> {
    AGE_AGED
        .captures_iter(text)
        .find(|c| !SOMEONE_ELSE_NAMED.is_match(&c["between"]))
        .and_then(|c| c["age"].parse().ok())
}
static AGE_PL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bmam\s+(\d{1,2})\s+lat").expect("polish age pattern"));
static AGE_AR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"عمري\s+(\d{1,2})").expect("arabic age pattern"));
static SCHOOL_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:i(?:\s*am|'m|’m)|im)\s+(?:in\s+)?(?:year|yr)\s*(\d{1,2})\b")
        .expect("school year pattern")
});

static SELF_YOUNG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:i\s*am|i'm|i’m|im|as)\s+(?:a\s+)?(?:young person|teenager|teen|student|pupil|school ?kid|young carer|care leaver)\b|\bjestem\s+(?:uczniem|uczennicą|nastolatkiem|nastolatką)\b",
    )
    .expect("young pattern")
});

static SELF_CHILD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:i\s*am|i'm|i’m|im)\s+(?:a\s+)?(?:child|kid)\b").expect("child pattern")
});

/// What a parent or carer calls themselves.
const PARENT_ROLES: &str = "parent|parents|parent carer|parent-carer|mum|mom|mother|dad|father|carer|guardian|grandparent|grandmother|grandfather|nan|gran|step ?mum|step ?dad";

static SELF_PARENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:i\s*am|i'm|i’m|im|as)\s+(?:a\s+|the\s+|his\s+|her\s+|their\s+|an?\s+)?(?:single\s+|working\s+|foster\s+|kinship\s+|adoptive\s+)?(?:{PARENT_ROLES})\b|\b(?:we|and\s+i|&\s+i)\s+are\s+(?:(?:both\s+)?(?:foster|kinship|adoptive|special\s+guardianship)\s+)?(?:carers|parents|parent\s+carers|guardians|grandparents)\b|\bwe['’]re\s+(?:(?:foster|kinship|adoptive)\s+)?(?:carers|parents|parent\s+carers|grandparents)\b|\b(?:i|we)\s+(?:foster|are\s+fostering|am\s+fostering|adopted|have\s+adopted|look\s+after\s+my\s+(?:grandson|granddaughter|grandchildren|nephew|niece))\b|\b(?:we|i|and)\s+(?:have|have\s+got|'ve\s+got|’ve\s+got)\s+(?:two|three|four|five|2|3|4|5)\s+(?:children|kids|sons|daughters|boys|girls)\b|\b(?:we['’]?re|we\s+are)\s+a\s+family\b|\bjako\s+(?:rodzic|mama|mamą|matka|matką|tata|tatą|ojciec|ojcem|opiekun|opiekunka|opiekunem|opiekunką|babcia|babcią|dziadek|dziadkiem)\b|\bjestem\s+(?:rodzicem|mamą|mama|matką|tatą|tata|ojcem|opiekunem|opiekunką|babcią|dziadkiem)\b|أنا\s+(?:أم|والد|والدة|أب)",
    ))
    .expect("parent pattern")
});

static PARENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:my|our)\s+(?:(?:\d{1,2}|two|three|four|five|eldest|oldest|youngest|little|autistic|disabled|teenage|adopted|foster|step)\s+)?(?:(?:year|yr)\s*old\s+)?(?:son|sons|daughter|daughters|child|children|kids?|boy|boys|girl|girls|lad|lads|teenager|teenagers|teen|toddler|baby|little ones?|twins|grandson|grandsons|granddaughter|granddaughters|grandchild|grandchildren|grandkids|stepson|stepdaughter|stepchildren|stepkids)\b|\b(?:mój|moja|moje|mojego|mojej|mojemu|moim|moją|moich|moimi|nasz|nasza|nasze|naszego|naszej|naszemu|naszym|naszą|naszych|naszymi)\s+(?:syn|syna|synowi|synem|synu|synek|synka|synkowi|synkiem|synowie|synów|synami|córka|córki|córce|córkę|córką|córeczka|córeczki|córeczce|córeczkę|córeczką|córkami|dziecko|dziecka|dziecku|dzieckiem|dzieci|dzieciom|dziećmi|dzieciach)\b|(?:ابني|ابنتي|طفلي|أطفالي|ولدي)|\b(?:syn|synek|córka|córeczka)\b",
    )
    .expect("child-of pattern")
});

/// Jobs that make a writer a professional.
const ROLES: &str = "teacher|senco|teaching assistant|hlta|lsa|learning support assistant|head ?teacher|headteacher|social worker|health visitor|school nurse|nurse|doctor|gp|therapist|speech and language therapist|educational psychologist|ed psych|paediatrician|professional|practitioner|support worker|key worker|keyworker|family support worker|caseworker|case worker|early years practitioner|childminder|ot|occupational therapist|physio|physiotherapist|youth worker|send officer|sen officer|ehcp coordinator|ehc coordinator|camhs (?:worker|practitioner|nurse|clinician)|paediatric nurse|learning disability nurse|family worker";

static PROFESSIONAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:i\s*am|i'm|i’m|im|as|i\s+work\s+as)\s+(?:a\s+|an\s+|the\s+)?(?:(?:his|her|their|the\s+child['’]?s|the\s+young\s+person['’]?s|my\s+pupil['’]?s)\s+)?(?:(?:secondary|primary|special|mainstream|class|form|nursery|infant|junior|supply|school|college|early\s+years|sen|send|maths|english|science|specialist|qualified|retired|trainee|senior|lead|advisory|community|private|independent)\s+){{0,3}}(?:{ROLES}|(?-i:TA))\b|\bi\s+work\s+(?:in|at|for)\s+(?:a\s+|the\s+)?(?:school|college|nursery|(?:devon\s+county\s+)?council|local\s+authority|nhs|camhs)\b",
    ))
    .expect("professional pattern")
});

/// A job alone at the start of a signature's line: "SENCo, Bideford College".
static SIGNED_PROFESSIONAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?im)^\W*(?:(?:assistant|deputy|lead|senior|specialist|trainee|class)\s+)?(?:{ROLES})\b(?:\s*(?:,|-|–|at|\|)[^\n]{{0,60}})?$",
    ))
    .expect("signed professional pattern")
});

/// An age written in digits or words ("15", "fifteen", "twenty-one").
fn years(text: &str) -> Option<u32> {
    if let Ok(n) = text.parse() {
        return Some(n);
    }
    const WORDS: [&str; 21] = [
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "twenty one",
        "twenty two",
        "twenty three",
        "twenty four",
        "twenty five",
    ];
    let text = text.to_lowercase().replace('-', " ");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    WORDS.iter().position(|w| *w == text).map(|i| i as u32 + 5)
}

static REPLY_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:re|fw|fwd|aw|wg|sv|vs|odp|pd|rif|tr|رد|إعادة توجيه)\s*(?:\[\d+\])?\s*[:：]",
    )
    .expect("reply subject pattern")
});

/// Whether a subject is one a mail program wrote for a reply or a forward ("Re: …",
/// "FW: …", "Odp: …"): it names what was answered, so it says nothing of the sender's own.
pub fn is_reply_subject(subject: &str) -> bool {
    REPLY_SUBJECT.is_match(subject)
}

/// Who is speaking, from what they say about themselves. What a person says of themselves
/// ("I'm 15", "I am a parent") wins over who they mention ("my son"); a professional is one
/// only when nothing says they write as a parent.
pub fn find_group(text: &str) -> Option<RespondentGroup> {
    for pattern in [&*AGE, &*AGE_PL, &*AGE_AR] {
        if let Some(years) = pattern
            .captures(text)
            .and_then(|c| years(c.get(1)?.as_str()))
        {
            if let Some(group) = RespondentGroup::from_age(years) {
                return Some(group);
            }
        }
    }
    if let Some(group) = aged_self(text).and_then(RespondentGroup::from_age) {
        return Some(group);
    }
    if let Some(group) = SCHOOL_YEAR
        .captures(text)
        .and_then(|c| c[1].parse::<u32>().ok())
        .and_then(RespondentGroup::from_school_year)
    {
        return Some(group);
    }
    if SELF_YOUNG.is_match(text) {
        return Some(RespondentGroup::YoungPerson);
    }
    if SELF_PARENT.is_match(text) || PARENT.is_match(text) {
        return Some(RespondentGroup::ParentCarer);
    }
    if SELF_CHILD.is_match(text) {
        return Some(RespondentGroup::Child);
    }
    if PROFESSIONAL.is_match(text) {
        return Some(RespondentGroup::Professional);
    }
    None
}

/// A role given alone on a signature's line: "Mum & carer", "Parent carer", "Dad of 2".
static SIGNED_PARENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?im)^\W*(?:proud\s+|busy\s+|single\s+|foster\s+|kinship\s+)?(?:{PARENT_ROLES}|nanna|granny|grandad|mama|tata|rodzic|opiekun|opiekunka|أم|أب|والد|والدة)(?:\s*(?:&|and|/|,)\s*(?:parent[- ]carer|carer|mum|dad))?(?:\s+(?:of|to)\b[^\n]{{0,40}})?\W*$",
    ))
    .expect("signed parent pattern")
});

/// Who is speaking, from the signature under the words: what [`find_group`] reads, or a
/// role alone on a line ("Mum & carer", "SENCo, Bideford College").
pub fn find_group_signed(signature: &str) -> Option<RespondentGroup> {
    find_group(signature)
        .or_else(|| {
            SIGNED_PARENT
                .is_match(signature)
                .then_some(RespondentGroup::ParentCarer)
        })
        .or_else(|| {
            SIGNED_PROFESSIONAL
                .is_match(signature)
                .then_some(RespondentGroup::Professional)
        })
}

/// The language to answer in: what the email says it is in, else a simple look at its
/// letters (Arabic script, Polish letters and words), else English.
pub fn language(stated: Option<Locale>, text: &str) -> Locale {
    if let Some(locale) = stated {
        return locale;
    }
    let letters = text.chars().filter(|c| c.is_alphabetic()).count().max(1);
    let arabic = text
        .chars()
        .filter(|c| ('\u{0600}'..='\u{06FF}').contains(c) || ('\u{0750}'..='\u{077F}').contains(c))
        .count();
    if arabic * 3 >= letters {
        return Locale::AR;
    }
    let polish_letters = text
        .chars()
        .filter(|c| "ąćęłńśźżĄĆĘŁŃŚŹŻ".contains(*c))
        .count();
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    const POLISH: &[&str] = &[
        "jest",
        "nie",
        "się",
        "że",
        "mój",
        "moja",
        "moje",
        "dziecko",
        "szkoła",
        "szkole",
        "jestem",
        "bardzo",
        "dzień",
        "dobry",
        "mam",
        "ale",
        "tak",
        "jak",
        "czy",
        "dla",
        "pomoc",
        "syn",
        "córka",
        "dziękuję",
        "mieszkamy",
        "mieszkam",
    ];
    let polish_words = words
        .iter()
        .filter(|w| POLISH.contains(&w.as_str()))
        .count();
    if polish_letters >= 3 || (polish_words >= 3 && polish_words * 8 >= words.len()) {
        return Locale::PL;
    }
    Locale::EN_GB
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_ages_and_fostering_in_other_words() {
        use RespondentGroup::*;
        for (text, want) in [
            ("As a TA I see children waiting", Some(Professional)),
            ("I am the child's social worker", Some(Professional)),
            ("I work for Devon County Council", Some(Professional)),
            ("I foster two children in Exmouth", Some(ParentCarer)),
            ("My husband and I are foster carers", Some(ParentCarer)),
            ("we're kinship carers for our grandson", Some(ParentCarer)),
            ("we adopted our daughter in 2019", Some(ParentCarer)),
            (
                "I'm an autistic adult aged 23 living in Totnes",
                Some(YoungPerson),
            ),
            // An age after "aged" that is a child's, not the writer's.
            ("I'm the mum of a boy aged 9", Some(ParentCarer)),
            ("I'm writing about a girl aged 7 in her class", None),
        ] {
            assert_eq!(find_group(text), want, "{text}");
        }
    }

    #[test]
    fn a_role_alone_under_a_sign_off() {
        use RespondentGroup::*;
        for (signature, want) in [
            ("Jo\nMum & carer\n07700 900461", Some(ParentCarer)),
            ("Sam Hext\nParent carer", Some(ParentCarer)),
            ("Dad of 3", Some(ParentCarer)),
            ("Kasia\nopiekunka", Some(ParentCarer)),
            ("Lee Carter\nSENCo, Bideford College", Some(Professional)),
            ("Class Teacher - Okehampton Primary", Some(Professional)),
            ("Sam\nTrelawney Plumbing & Heating Ltd", None),
            ("Ta\nSam", None),
            ("Sam\nGP surgery opening hours vary", None),
            ("Sam\nMummy blogger and podcaster at Devon Days", None),
        ] {
            assert_eq!(find_group_signed(signature), want, "{signature:?}");
        }
    }

    #[test]
    fn groups_from_phrases() {
        let g = |t: &str| find_group(t);
        assert_eq!(
            g("My son is 9 and autistic"),
            Some(RespondentGroup::ParentCarer)
        );
        assert_eq!(
            g("I'm 15 and I hate the bus"),
            Some(RespondentGroup::YoungPerson)
        );
        assert_eq!(g("I am 15."), Some(RespondentGroup::YoungPerson));
        assert_eq!(g("I'm 15 minutes from school"), None);
        assert_eq!(
            g("im fifteen and i hate maths"),
            Some(RespondentGroup::YoungPerson)
        );
        assert_eq!(g("I am nine."), Some(RespondentGroup::Child));
        assert_eq!(
            g("I am a young person with ADHD"),
            Some(RespondentGroup::YoungPerson)
        );
        assert_eq!(g("I am a parent carer"), Some(RespondentGroup::ParentCarer));
        assert_eq!(
            g("As a SENCo I see this"),
            Some(RespondentGroup::Professional)
        );
        assert_eq!(
            g("I'm a teacher and my daughter has EHCP"),
            Some(RespondentGroup::ParentCarer)
        );
        assert_eq!(g("Mój syn ma autyzm"), Some(RespondentGroup::ParentCarer));
        // Polish declines the words for "my son" and "my daughter" by their place in the sentence.
        for declined in [
            "Szkoła nie pomaga mojemu synowi.",
            "Nikt nie słucha mojej córki.",
            "Martwię się o moją córkę.",
            "Z moim synem jest coraz gorzej.",
            "Naszemu dziecku nikt nie pomaga.",
        ] {
            assert_eq!(
                g(declined),
                Some(RespondentGroup::ParentCarer),
                "{declined}"
            );
        }
        assert_eq!(g("Mam 14 lat"), Some(RespondentGroup::YoungPerson));
        assert_eq!(g("ابني عمره عشر سنوات"), Some(RespondentGroup::ParentCarer));
        assert_eq!(g("The weather is nice"), None);
        assert_eq!(g("My lad is 14"), Some(RespondentGroup::ParentCarer));
        assert_eq!(
            g("my two boys are both autistic"),
            Some(RespondentGroup::ParentCarer)
        );
        assert_eq!(
            g("our grandkids live with us"),
            Some(RespondentGroup::ParentCarer)
        );
        assert_eq!(g("my little ones"), Some(RespondentGroup::ParentCarer));
        assert_eq!(g("the boys in my class"), None);
        assert_eq!(
            g("I'm writing as a young carer for my mum"),
            Some(RespondentGroup::YoungPerson)
        );
        assert_eq!(
            g("I'm an OT working across Devon"),
            Some(RespondentGroup::Professional)
        );
        assert_eq!(
            g("I am Year 10 at college"),
            Some(RespondentGroup::YoungPerson)
        );
        assert_eq!(
            g("Jestem ojcem trojga dzieci"),
            Some(RespondentGroup::ParentCarer)
        );
    }

    #[test]
    fn reply_subjects() {
        for subject in [
            "Re: Four Cornerstones",
            "RE: consultation",
            "Fwd: your views",
            "FW: views",
            "Odp: Ankieta",
            "AW: Umfrage",
            "Re[2]: views",
            "رد: استشارة",
        ] {
            assert!(is_reply_subject(subject), "{subject}");
        }
        for subject in [
            "My views on School Transport",
            "Regarding the buses",
            "Response to the consultation",
            "Fwd-thinking schools",
            "",
        ] {
            assert!(!is_reply_subject(subject), "{subject}");
        }
    }

    #[test]
    fn area_from_text() {
        let areas = Areas::devon();
        let find = |t: &str| find_area(&areas, &[t]).map(|a| a.to_string());
        assert_eq!(find("we live in Torridge").as_deref(), Some("torridge"));
        assert_eq!(find("near the M5 and B12 vitamins"), None);
        assert!(find("our postcode is EX39 1AB").is_some());
    }

    #[test]
    fn languages() {
        assert_eq!(language(None, "Dzień dobry, mój syn ma autyzm"), Locale::PL);
        assert_eq!(language(None, "مرحبا، ابني في المدرسة"), Locale::AR);
        assert_eq!(language(None, "Hello there"), Locale::EN_GB);
        assert_eq!(language(Some(Locale::PL), "Hello"), Locale::PL);
    }
}
