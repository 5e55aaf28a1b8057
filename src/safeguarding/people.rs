//! Harm done by a person to a person: "my dad hits me", "the boys in year 9 kick
//! him", "he was beaten by his stepdad", "[name removed] touches her".
//!
//! A harm verb with a person as its object counts only when the subject, read
//! backwards from the verb in the same sentence, is a person: a relative, staff,
//! other children, a pronoun, a capitalised name or a scrubbed name. "The ball hit
//! me", "it hit me hard", "reality hit me", "that comment really hurt me" and "our
//! dog bit him" do not count. A passive ("was beaten", "got hit") counts unless its
//! agent is a thing ("hit by a car", "touched by how kind they were").

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::{clause_after, clause_before, re, Category};

use Category::{Abuse, Bullying, DomesticAbuse, Neglect, NotSafe, SexualAbuse};

/// What the verb does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Harm {
    Physical,
    Sexual,
    Starve,
    Scare,
}

/// Who the subject or agent is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    /// Family, people at home, staff.
    Adult,
    /// Other children.
    Peers,
    /// An unnamed or named single person: "he", "someone", "a man", "Jack".
    Someone,
    /// "they", "people", "everyone".
    Plural,
    /// The writer's own child ("my son hits me"): behaviour, not a risk to the child.
    OwnChild,
}

/// The people a harm verb can be done to.
const OBJECT: &str = r"(?P<obj>me|us|him|her|my (?:neck|throat|face|arms?|wrists?|head|legs?|back|stomach|tummy|chest|hair|ears?|nose|eyes?)|my (?:\w+ )?(?:son|daughter|child|kid|kids|children|boy|girl|baby|brother|sister|siblings?|brothers|sisters|mum|mom|mam|mummy|mother|mama)|the (?:kids|children|baby)|(?:mum|mom|mam|mummy|mother|mama))\b";

const HARM_VERB: &str = r"beat(?:s|ing)? up|broke|breaks|snapped|whack(?:s|ed|ing)?|clout(?:s|ed|ing)?|wallop(?:s|ed|ing)?|twat(?:s|ted|ting)?|lamp(?:s|ed|ing)?|headbutt(?:s|ed|ing)?|kneed|elbow(?:s|ed|ing)|spit(?:s|ting)? (?:on|at)|spat (?:on|at)|hit|hits|hitting|beat|beats|beating|beaten|batter(?:s|ed|ing)?|kick(?:s|ed|ing)?|punch(?:es|ed|ing)?|slap(?:s|ped|ping)?|smack(?:s|ed|ing)?|hurt(?:s|ing)?|hurted|strangl(?:e|es|ed|ing)|chok(?:e|es|ed|ing)|throttl(?:e|es|ed|ing)|burn(?:s|ed|t|ing)?|whip(?:s|ped|ping)?|belt(?:s|ed|ing)?|bit|bite|bites|biting|scratch(?:es|ed|ing)?|pinch(?:es|ed|ing)?|nip(?:s|ped|ping)?|shov(?:e|es|ed|ing)|push(?:es|ed|ing)?|drag(?:s|ged|ging)?|grab(?:s|bed|bing)?|pin(?:s|ned|ning)|attack(?:s|ed|ing)?|assault(?:s|ed|ing)?|abus(?:e|es|ed|ing)|stab(?:s|bed|bing)?|bash(?:es|ed|ing)?|thump(?:s|ed|ing)?|lock(?:s|ed|ing)?|shut(?:s|ting)?|held|hold(?:s|ing)?|tie(?:s|d)?|starv(?:e|es|ed|ing)|touch(?:es|ed|ing)?|rap(?:e|es|ed|ing)|molest(?:s|ed|ing)?|grop(?:e|es|ed|ing)|fiddl(?:e|es|ed|ing) with|scar(?:e|es|ed|ing)|frighten(?:s|ed|ing)?|terrif(?:y|ies|ied|ying)|threw|throw(?:s|ing)?|thrown|chuck(?:s|ed|ing)?|beat (?:the )?(?:crap|shit|hell|living daylights|life) out of";

/// "hits me", "punched her", "locks him in".
static ACTIVE: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b(?P<verb>{HARM_VERB}) {OBJECT}")));
/// "throws things at me", "threw a chair at him".
static THROWN_AT: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?P<verb>thr(?:ow|ows|ew|owing)|chuck(?:s|ed|ing)?|lob(?:s|bed|bing)?) (?P<thing>(?:\w+ ){{1,3}}?)at {OBJECT}"
    ))
});
/// "pulls my hair".
static HAIR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?P<verb>pull(?:s|ed|ing)?|yank(?:s|ed|ing)?|drag(?:s|ged|ging)?) (?P<obj>my|his|her) hair\b",
    )
});
/// A harm verb as a lone word, for skipping over "kicks me and" back to the subject.
static VERB_WORD: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"^(?:{HARM_VERB})$")));

/// "was beaten", "got hit", "is being abused".
static PASSIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?P<aux>was|were|is|am|are|im|hes|shes|get|gets|got|getting|been|being|keeps? getting|kept getting)(?: (?:\w+ly|also|often|always|never|still|sometimes|just|even|being|getting|been))? (?P<verb>hit|beaten|beat|kicked|punched|slapped|smacked|strangled|choked|throttled|battered|whipped|belted|burnt|burned|attacked|assaulted|abused|raped|molested|touched|groped|stabbed|locked|shut|hurt|jumped|threatened|pinned|dragged|bitten|thumped|bashed|shoved|pushed|grabbed|held|pinched)\b",
    )
});

// Checks on the words after a verb's object.
static BEAT_GAME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?: \w+)? (?:(?:at|in) (?:chess|cards|draughts|checkers|fifa|minecraft|mario|football|tennis|swimming|running|a race|the race|races?|games?|monopoly|uno|scrabble|maths|spelling|video|xbox|connect|everything|pool|snooker|darts|board|badminton|table tennis|ping pong|arm wrestling|rock paper)|to (?:it|the)|hands down)\b",
    )
});
static HIT_IDIOM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^ (?:(?:\w+ )?(?:hard|harder|for six)|like (?:a|that|this)|up\b|with (?:the|a) (?:news|bill|fine|letter|realisation|fact|reality|truth|diagnosis))",
    )
});
static PUSH_IDIOM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^ (?:to|too|into (?:doing|trying)|forward|on|along|through|towards|harder|hard|out of (?:my|his|her) comfort|away|aside|for)\b",
    )
});
static DRAG_IDIOM: LazyLock<Regex> =
    LazyLock::new(|| re(r"^ (?:to|along|round|around|out to|shopping|into town|out of bed)\b"));
static HURT_FEELINGS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^ (?:so much|deeply|a lot|more than|to (?:see|hear|know|think|read|watch|say)|by (?:saying|what|not|ignoring)|when (?:he|she|they|you) (?:said|say|says|told|didnt|ignored)|feelings)\b",
    )
});
static HURT_FEELINGS_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:what|how|the way|words?|comments?|remarks?)\b"));
/// Care that hurts: "the nurse hurt her taking blood", "physio hurts him".
static MEDICAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:physio\w*|dentists?|dental|nurses?|doctors?|gp|consultant|blood tests?|injections?|jabs?|vaccin\w*|needles?|stitches|splints?|casts?|braces?|stretches|exercises|shoes|socks|seams|labels|lights|noise|noises|sun|splinter|wax|medicine|treatment|therapy|operation)\b",
    )
});
static MEDICAL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^ (?:\w+ )?(?:taking|doing|giving|putting|when (?:taking|doing|giving)|with (?:the|a|an|his|her)) (?:\w+ )?(?:blood|bloods|injections?|jabs?|vaccin\w*|needles?|stitches|stretches|exercises|splints?|braces?|cannula|drops|cream)\b",
    )
});
/// Senses overwhelmed, not a person hurting: "the hand dryers, they hurt my ears", "the
/// lights hurt my eyes".
static SENSES_HURT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:loud|noise|noisy|bright|lights?|dryers?|music|sounds?|alarms?|bells?|smells?|screens?|sun|buzz\w*|flicker\w*|speakers?|fireworks|hoover)\b",
    )
});
static SHUT_IN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^ (?:in|up|inside|away|outside|out of the (?:house|home|flat)|out (?:in|on) the (?:garden|yard|street|cold|rain|balcony|shed))\b",
    )
});
static HELD_DOWN: LazyLock<Regex> =
    LazyLock::new(|| re(r"^ (?:down|back by|against|to the (?:floor|ground|wall))\b"));
static TIED_UP: LazyLock<Regex> = LazyLock::new(|| re(r"^ (?:up|to|down)\b"));
static OUT_OFF: LazyLock<Regex> = LazyLock::new(|| re(r"^ (?:out|off)\b"));
static GRAB_IDIOM: LazyLock<Regex> = LazyLock::new(|| re(r"^ (?:a|an|some|attention|interest)\b"));
static CHOKE_UP: LazyLock<Regex> = LazyLock::new(|| re(r"^ up\b"));
static THROWN_WHERE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^ (?:down|across|against|into|onto|on the floor|to the floor|at|over)\b")
});
/// A game or match: "got kicked in the shin at football" is the game, not a person's harm.
static SPORT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:football|footy|rugby|hockey|netball|basketball|match|matches|goals?|scored|tackled?|pitch|karate|judo|boxing|martial arts|kickboxing|taekwondo|training|pe lesson|wheelchair basketball|boccia)\b",
    )
});
static BALL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:ball|balls|football|frisbee|beanbag|bean bag|paper aeroplane|snowballs?|sweets)\b")
});

// The sentence around the verb.
static DISLIKE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:hates?|doesnt like|does not like|dont like|do not like|didnt like|cant stand|cannot stand|cant bear|cannot bear|dislikes?|sensory|sensitive|tolerate|tolerates|lets|let|allow|allows|allowed|okay with|ok with|before|explain\w*)\b",
    )
});
static MELTDOWN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:meltdowns?|melt downs?|melting down|melts down|dysregulated|overwhelmed|lash(?:es|ed|ing)? out|sensory overload|shut ?downs?|tantrums?|outbursts?|rages?|challenging behaviour|behaviour that challenges|distressed|overloaded)\b",
    )
});
static HOME_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:at home|at my (?:dads|mums|nans)|at (?:his|her) (?:dads|mums|nans)|in (?:my|his|her|our) (?:room|house|bedroom)|when (?:mum|dad) (?:is|goes))\b",
    )
});
static SCHOOL_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:at school|in school|after school|before school|in class|in the playground|on the bus|break ?times?|lunch ?times?|in pe|on the way (?:home|to school)|at college|in (?:my|his|her) (?:class|year|form)|bus stop|(?:in|down|along) the (?:corridors?|toilets|changing rooms?|canteen|lunch hall|dinner hall|yard)|in lessons?|between lessons|teachers? (?:dont|didnt|do not|did not|never|wont) (?:do|say|care|help|notice|believe))\b",
    )
});
/// A fight between children: "the other boy hit him first".
static FIGHT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:fight|fights|fighting|fought|argue|argues|arguing|squabbl\w*|scuffle|scrap|play ?fight\w*|rough ?play|hit (?:him|her|me) first|hit (?:him|her|me) back|hit back|retaliat\w*|both (?:got|were))\b",
    )
});
static MUMS_PARTNER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:mums|moms|mams|mothers) (?:new )?(?:partner|boyfriend|girlfriend|husband|wife|fella|bloke)\b",
    )
});
static MUM_MENTIONED: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:my|our) (?:mum|mom|mam|mummy|mother)\b"));
static SIBLINGS: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:sister|brother|siblings?|twins?|sisters|brothers)\b"));
static IN_FRONT_OF_CHILDREN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bin front of (?:the|my|our|his|her) (?:kids|children|son|daughter|boys|girls|baby|little ones)\b",
    )
});
static OWN_CHILD_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:my|our) (?:\w+ )?(?:son|daughter|child|boy|girl|twins?|kid)\b"));

// Words after an object "her" that show it is a person ("punched her in the face"),
// not a possessive ("bites her sleeves").
static HER_AS_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:\s*$|\s*[.!?,;:]| (?:in|on|at|with|and|when|whenever|every|again|so|because|cos|until|till|if|for|around|round|down|up|about|over|off|really|hard|badly|all|the|a|to|from|after|before|while|then|but|or|too|as|like|she|he|they|i|if|sometimes|always|often|lots|loads|once|twice|last|yesterday|today|even|too|until|into|against|by|face|head|arms?|legs?|back|stomach|tummy|hair|neck|throat|chest|body|bum|bottom|private|privates|sister|brother|mum|mom|baby|little|younger|older)\b)",
    )
});

/// "she burnt her arm", "she often scratches her face": "her" is the doer's own body.
static SHE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bshe(?: (?:\w+ly|always|often|sometimes|just|also|then|even|still|keeps|kept|has|had|will|would|can|could|may|might|nearly|almost))*\s*$",
    )
});
static BODY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^ (?:own )?(?:face|head|arms?|legs?|back|stomach|tummy|hair|neck|throat|chest|body|hands?|fingers?|wrists?|skin|knees?|feet|foot|ankles?|nose|lips?|ears?|eyes?|toes?|thumbs?|shoulders?|elbows?)\b",
    )
});

// Passive checks.
static AGENT: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?: \w+){0,3}? by (?P<agent>\w+(?: \w+){0,3})"));
static WITH_THING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?: \w+){0,4}? with (?:a |an |the |his |her )?(?:£?\d[\d,.]* |another |huge |big |massive )?(?:ball|football|rugby ball|frisbee|door|swing|branch|car|bike|snowball|toy|bill|fine|letter|charge|invoice|decision|cuts?|news|reality|demand|diagnosis|penalty|delays?|questions|paperwork|forms)\b",
    )
});
static PASSIVE_BEATEN_IDIOM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^ (?:\d|in the (?:final|semi|match|game|race|league|cup|competition)|at (?:chess|cards|football|tennis|games?|fifa|uno|pool|darts|the (?:game|match|race))|on penalties|to it|hands down|by (?:the other team|\d))",
    )
});
static PASSIVE_TOUCHED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^ (?:\w+ )?(?:inappropriately|down there|there|on (?:my|his|her) (?:private|privates|bum|bottom|chest|breasts|boobs|willy|penis|vagina|crotch)|in (?:my|his|her) (?:private|privates|pants|knickers)|where)\b",
    )
});
static PASSIVE_THREATENED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^ (?:with (?:a |an )?(?:knife|gun|weapon|blade|machete|bat|hammer)|to be (?:killed|stabbed|hurt|beaten))\b",
    )
});
static PASSIVE_PINNED: LazyLock<Regex> =
    LazyLock::new(|| re(r"^ (?:down|to the (?:floor|ground|wall)|against)\b"));
static PASSIVE_PUSHED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^ (?:down the stairs|over|into (?:a|the) (?:wall|door|lockers?|table|road|fence))\b")
});
static PASSIVE_DRAGGED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^ (?:along|down|across|by (?:his|her|my|the) (?:arm|arms|hair|collar|hood|feet|legs))\b")
});
static PASSIVE_HIT_IDIOM: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^ (?:hard|harder|by (?:the|a|an) (?:cuts|news|bill|recession|pandemic))\b")
});

// Word lists for reading the subject. All lower case.
const ADULT: &[&str] = &[
    "mum",
    "mom",
    "mam",
    "mummy",
    "mommy",
    "mother",
    "mama",
    "ma",
    "dad",
    "daddy",
    "father",
    "papa",
    "stepdad",
    "stepfather",
    "stepmum",
    "stepmom",
    "stepmother",
    "parent",
    "parents",
    "nan",
    "nana",
    "nanny",
    "gran",
    "granny",
    "grandma",
    "grandad",
    "granddad",
    "grandpa",
    "grandmother",
    "grandfather",
    "grandparents",
    "uncle",
    "aunt",
    "auntie",
    "aunty",
    "brother",
    "bro",
    "brothers",
    "sister",
    "sis",
    "sisters",
    "cousin",
    "cousins",
    "boyfriend",
    "girlfriend",
    "partner",
    "husband",
    "wife",
    "ex",
    "stepbrother",
    "stepsister",
    "family",
    "lodger",
    "teacher",
    "teachers",
    "ta",
    "tas",
    "staff",
    "sir",
    "miss",
    "headteacher",
    "headmaster",
    "headmistress",
    "lsa",
    "senco",
    "escort",
    "driver",
    "coach",
    "tutor",
    "nurse",
    "instructor",
    "supervisor",
    "keyworker",
    "caretaker",
    "carer",
    "carers",
    "worker",
    "workers",
    "assistant",
    "mr",
    "mrs",
    "ms",
    "dr",
    "foster",
];
/// A grown-up's, as normalised text writes it ("mum's" is "mums").
const ADULT_POSSESSIVE: &[&str] = &[
    "mums", "moms", "mams", "dads", "nans", "grans", "stepdads", "mothers", "fathers", "uncles",
    "aunts", "aunties",
];

const PEERS: &[&str] = &[
    "boys",
    "girls",
    "kids",
    "children",
    "pupils",
    "students",
    "lads",
    "classmates",
    "bully",
    "bullies",
    "gang",
    "boy",
    "girl",
    "kid",
    "lad",
    "pupil",
    "student",
    "mates",
    "mate",
    "friends",
    "friend",
    "teens",
    "teenagers",
    "group",
    "class",
    "others",
];
const SOMEONE: &[&str] = &[
    "he",
    "she",
    "someone",
    "somebody",
    "man",
    "woman",
    "guy",
    "bloke",
    "person",
    "adult",
    "stranger",
    "neighbour",
    "men",
    "women",
    "lady",
    "hes",
    "shes",
    "hed",
    "shed",
    "hell",
    "shell",
];
const PLURAL: &[&str] = &[
    "they",
    "them",
    "people",
    "everyone",
    "everybody",
    "ppl",
    "theyre",
    "theyll",
    "theyd",
];
const CHILD: &[&str] = &[
    "son", "daughter", "child", "toddler", "baby", "twins", "boy", "girl", "kid",
];
/// Words between a subject and its verb: "he *always* hits me", "she *has tried to* hit me".
const BETWEEN: &[&str] = &[
    "always",
    "never",
    "sometimes",
    "often",
    "usually",
    "keeps",
    "keep",
    "kept",
    "has",
    "have",
    "had",
    "would",
    "will",
    "ll",
    "d",
    "did",
    "does",
    "do",
    "dont",
    "doesnt",
    "didnt",
    "used",
    "to",
    "still",
    "also",
    "even",
    "just",
    "then",
    "literally",
    "physically",
    "actually",
    "really",
    "constantly",
    "regularly",
    "repeatedly",
    "tried",
    "try",
    "tries",
    "trying",
    "started",
    "starts",
    "start",
    "starting",
    "began",
    "begun",
    "going",
    "gonna",
    "wanna",
    "wants",
    "wanted",
    "threatens",
    "threatened",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "being",
    "again",
    "allegedly",
    "apparently",
    "once",
    "twice",
    "everyday",
    "daily",
    "deliberately",
    "purposely",
    "intentionally",
    "violently",
    "badly",
    "comes",
    "came",
    "come",
    "goes",
    "went",
    "go",
    "gets",
    "got",
    "get",
    "now",
    "still",
    "sexually",
    "would",
    "could",
    "might",
    "can",
    "cant",
    "must",
    "and",
    "today",
    "yesterday",
    "tonight",
    "last",
    "night",
    "then",
    "so",
    "but",
    "when",
    "honestly",
    "sadly",
    "also",
];
/// Words that may stand between the subject and the verb, a few at most: places,
/// objects already hurt, numbers ("the boys *in year 9* hit me").
const SKIPPABLE: &[&str] = &[
    "the",
    "a",
    "an",
    "my",
    "our",
    "his",
    "her",
    "their",
    "your",
    "in",
    "at",
    "from",
    "of",
    "on",
    "with",
    "to",
    "for",
    "near",
    "next",
    "door",
    "school",
    "year",
    "street",
    "road",
    "estate",
    "town",
    "park",
    "bus",
    "club",
    "house",
    "flat",
    "home",
    "room",
    "down",
    "up",
    "over",
    "too",
    "me",
    "him",
    "us",
    "new",
    "older",
    "other",
    "same",
    "some",
    "two",
    "three",
    "few",
    "group",
    "member",
    "members",
    "of",
    "form",
    "tutor",
    "big",
    "little",
    "older",
    "younger",
    "step",
    "birth",
    "real",
    "foster",
    "taxi",
    "support",
    "respite",
    "residential",
    "night",
    "last",
    "today",
    "yesterday",
    "this",
    "morning",
    "week",
    "weekend",
];
/// Prepositions that open a place or time to step over: "a man *at the pool*".
const PREPOSITIONS: &[&str] = &[
    "at", "in", "from", "on", "near", "by", "of", "outside", "behind",
];
/// Capitalised words that are not names.
const NOT_PERSON: &[&str] = &[
    "it",
    "its",
    "this",
    "what",
    "which",
    "there",
    "reality",
    "life",
    "covid",
    "lockdown",
    "everything",
    "nothing",
    "something",
    "news",
    "christmas",
    "easter",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "i",
    "we",
    "you",
    "u",
    "council",
    "camhs",
    "nhs",
    "ehcp",
    "sen",
    "send",
    "la",
    "dcc",
    "devon",
    "cuts",
    "austerity",
    "grief",
    "stress",
    "anxiety",
    "adhd",
    "autism",
    "ptsd",
    "ocd",
    "one",
    "how",
    "system",
    "process",
    "government",
    "panel",
    "tribunal",
    "letter",
    "decision",
];

fn in_list(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

/// What a single word says about who it is, if anything.
fn who_word(word: &str) -> Option<Who> {
    if in_list(ADULT, word) {
        Some(Who::Adult)
    } else if in_list(PEERS, word) || word.starts_with("year") && word.len() > 4 {
        Some(Who::Peers)
    } else if in_list(SOMEONE, word) {
        Some(Who::Someone)
    } else if in_list(PLURAL, word) {
        Some(Who::Plural)
    } else {
        None
    }
}

fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect()
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Read the subject of a verb backwards from the end of `clause` (the sentence up to
/// the verb). `None` when it is no person, or cannot be found.
fn subject(clause: &str) -> Option<Who> {
    let toks = tokens(clause);
    let lower: Vec<String> = toks.iter().map(|t| t.to_lowercase()).collect();
    let mut i = toks.len();
    let mut skipped = 0;
    // Passed an "and": the subject may be that of an earlier verb ("dad gets
    // angry and throws me", "mum calls me names and hits me").
    let mut coordinated = false;
    while i > 0 {
        i -= 1;
        let word = lower[i].as_str();
        if matches!(word, "and" | "then" | "n") {
            coordinated = true;
        }
        let prev = i.checked_sub(1).map(|j| lower[j].as_str());
        if in_list(CHILD, word) {
            return match prev {
                Some("my" | "our") => Some(Who::OwnChild),
                _ if matches!(word, "boy" | "girl" | "kid" | "child") => Some(Who::Peers),
                _ => Some(Who::Someone),
            };
        }
        // "mum leaves us with her friend who hits us": a grown-up's friend is a grown-up.
        if matches!(word, "friend" | "friends" | "mate" | "mates")
            && prev.is_some_and(|p| {
                in_list(ADULT_POSSESSIVE, p)
                    || matches!(p, "her" | "his")
                        && lower[..i - 1].iter().any(|w| in_list(ADULT, w))
            })
        {
            return Some(Who::Adult);
        }
        if let Some(who) = who_word(word) {
            return Some(who);
        }
        // "I saw him push her", "we heard them hit him": the one seen is the doer.
        if matches!(word, "him" | "her" | "them")
            && prev.is_some_and(|p| {
                matches!(
                    p,
                    "saw" | "see" | "seen" | "watched" | "watch" | "heard" | "hear" | "noticed"
                )
            })
        {
            return Some(if word == "them" {
                Who::Plural
            } else {
                Who::Someone
            });
        }
        // "the man who ...", "the lad that ...": the person comes just before.
        if matches!(word, "who" | "that") {
            if prev.is_some_and(|p| who_word(p).is_some() || in_list(CHILD, p)) {
                continue;
            }
            return None;
        }
        if in_list(NOT_PERSON, word) {
            return None;
        }
        if in_list(BETWEEN, word) || word.ends_with("ly") || VERB_WORD.is_match(word) {
            continue;
        }
        if (in_list(SKIPPABLE, word) || word.chars().all(|c| c.is_ascii_digit())) && skipped < 8 {
            skipped += 1;
            continue;
        }
        if is_capitalised(toks[i]) {
            // A name ("Jack hit me"), or the scrubber's "[name removed]".
            return Some(Who::Someone);
        }
        // An unknown word: step back over a place ("a man at the swimming pool").
        let lo = i.saturating_sub(3);
        if let Some(k) = (lo..i).rev().find(|&k| in_list(PREPOSITIONS, &lower[k])) {
            if skipped < 8 {
                i = k;
                skipped += 1;
                continue;
            }
        }
        // Or over a relative clause ("the man who lives with us").
        let rel = (1..i).rev().find(|&k| {
            matches!(lower[k].as_str(), "who" | "that")
                && (who_word(&lower[k - 1]).is_some() || in_list(CHILD, &lower[k - 1]))
        });
        if let Some(k) = rel {
            i = k;
            continue;
        }
        // Or back to the subject of an earlier verb, a few words off.
        if coordinated {
            for k in (i.saturating_sub(8)..i).rev() {
                let w = lower[k].as_str();
                if in_list(NOT_PERSON, w) {
                    return None;
                }
                if who_word(w).is_some() || in_list(CHILD, w) {
                    i = k + 1;
                    coordinated = false;
                    break;
                }
            }
            if !coordinated {
                continue;
            }
        }
        return None;
    }
    None
}

/// Who an agent phrase ("his birth father", "a car", "the other kids") names;
/// `None` when it names a thing.
fn agent(phrase: &str) -> Option<Who> {
    for word in tokens(phrase) {
        let lower = word.to_lowercase();
        if let Some(who) = who_word(&lower) {
            return Some(who);
        }
        if in_list(CHILD, &lower) {
            return Some(Who::Someone);
        }
        if in_list(SKIPPABLE, &lower) {
            continue;
        }
        if is_capitalised(word) && !in_list(NOT_PERSON, &lower) {
            return Some(Who::Someone);
        }
        return None;
    }
    None
}

fn harm_of(verb: &str) -> Harm {
    let v = verb.to_lowercase();
    if ["touch", "rap", "molest", "grop", "fiddl"]
        .iter()
        .any(|s| v.starts_with(s))
    {
        Harm::Sexual
    } else if v.starts_with("starv") {
        Harm::Starve
    } else if ["scar", "frighten", "terrif"]
        .iter()
        .any(|s| v.starts_with(s))
    {
        Harm::Scare
    } else {
        Harm::Physical
    }
}

/// Does what follows the object fit the verb? ("beat me *at chess*" does not.)
fn after_fits(verb: &str, after: &str) -> bool {
    let v = verb.to_lowercase();
    let v = v.as_str();
    let no = |r: &Regex| !r.is_match(after);
    if v.starts_with("beat") {
        no(&BEAT_GAME)
    } else if v.starts_with("hit") {
        no(&HIT_IDIOM)
    } else if v.starts_with("push") || v.starts_with("shov") {
        no(&PUSH_IDIOM)
    } else if v.starts_with("drag") {
        no(&DRAG_IDIOM)
    } else if v.starts_with("hurt") {
        no(&HURT_FEELINGS)
    } else if v.starts_with("lock") || v.starts_with("shut") {
        SHUT_IN.is_match(after)
    } else if v.starts_with("hold")
        || v == "held"
        || (v.starts_with("pin") && !v.starts_with("pinch"))
    {
        HELD_DOWN.is_match(after)
    } else if v.starts_with("tie") {
        TIED_UP.is_match(after)
    } else if v.starts_with("kick") || v.starts_with("chuck") {
        no(&OUT_OFF)
    } else if v.starts_with("grab") {
        no(&GRAB_IDIOM)
    } else if v.starts_with("chok") {
        no(&CHOKE_UP)
    } else if v.starts_with("thr") {
        THROWN_WHERE.is_match(after)
    } else {
        true
    }
}

fn is_mother(obj: &str) -> bool {
    let o = obj.to_lowercase();
    ["mum", "mom", "mam", "mummy", "mother", "mama"]
        .iter()
        .any(|m| o == *m || o.ends_with(&format!(" {m}")))
}

fn physical_category(who: Who, obj: &str, sentence: &str) -> Category {
    if is_mother(obj) {
        return DomesticAbuse;
    }
    // "my mum's partner hurts her", "mum has bruises ... I saw him push her": her is mum.
    if obj.eq_ignore_ascii_case("her")
        && (MUMS_PARTNER.is_match(sentence) || MUM_MENTIONED.is_match(sentence))
    {
        return DomesticAbuse;
    }
    if matches!(obj.to_lowercase().as_str(), "me" | "us") && IN_FRONT_OF_CHILDREN.is_match(sentence)
    {
        return DomesticAbuse;
    }
    match who {
        Who::Adult => Abuse,
        Who::Peers => Bullying,
        Who::Plural if HOME_CONTEXT.is_match(sentence) => Abuse,
        Who::Plural => Bullying,
        Who::Someone if SCHOOL_CONTEXT.is_match(sentence) => Bullying,
        Who::Someone | Who::OwnChild => Abuse,
    }
}

const BEFORE: usize = 150;
const AFTER: usize = 100;

/// One active match: verb, object, then what the sentence says about the doer.
fn active(text: &str, c: &Captures<'_>, found: &mut BTreeSet<Category>) {
    let (Some(verb), Some(obj)) = (c.name("verb"), c.name("obj")) else {
        return;
    };
    let after = clause_after(text, obj.end(), AFTER);
    if !after_fits(verb.as_str(), after) && c.name("thing").is_none() {
        return;
    }
    if let Some(thing) = c.name("thing") {
        if BALL.is_match(thing.as_str()) {
            return;
        }
    }
    if obj.as_str().eq_ignore_ascii_case("her") && !HER_AS_OBJECT.is_match(after) {
        return;
    }
    let before = clause_before(text, verb.start(), BEFORE);
    if obj.as_str().eq_ignore_ascii_case("her")
        && SHE_BEFORE.is_match(before)
        && BODY_AFTER.is_match(after)
    {
        return;
    }
    let sentence = &text[verb.start() - before.len()..obj.end() + after.len()];
    let Some(mut who) = subject(before) else {
        return;
    };
    // A parent writing about their child: "my son is 8 and he hits me".
    let to_writer = matches!(obj.as_str().to_lowercase().as_str(), "me" | "us");
    if who == Who::Someone
        && to_writer
        && OWN_CHILD_BEFORE.is_match(before)
        && !tokens(before)
            .iter()
            .any(|t| in_list(ADULT, &t.to_lowercase()))
    {
        who = Who::OwnChild;
    }
    if who == Who::OwnChild {
        return;
    }
    let harm = harm_of(verb.as_str());
    if matches!(who, Who::Someone | Who::Plural)
        && harm == Harm::Physical
        && MELTDOWN.is_match(sentence)
    {
        return;
    }
    if harm == Harm::Sexual && DISLIKE.is_match(before) {
        return;
    }
    if verb.as_str().to_lowercase().starts_with("hurt")
        && (HURT_FEELINGS_BEFORE.is_match(after_last_joint(before))
            || MEDICAL_BEFORE.is_match(before)
            || MEDICAL_AFTER.is_match(after)
            || (obj.as_str().ends_with("ears")
                || obj.as_str().ends_with("ear")
                || obj.as_str().ends_with("eyes")
                || obj.as_str().ends_with("eye"))
                && SENSES_HURT.is_match(sentence))
    {
        return;
    }
    let category = match harm {
        Harm::Sexual => SexualAbuse,
        Harm::Starve => Neglect,
        Harm::Scare => NotSafe,
        Harm::Physical => physical_category(who, obj.as_str(), sentence),
    };
    // A fight between children, siblings included, is not abuse or severe bullying.
    if FIGHT.is_match(sentence) && (category == Bullying || SIBLINGS.is_match(before)) {
        return;
    }
    found.insert(category);
}

/// The part of `before` after its last "or", "and" or "but": "stay out of the way or he
/// hurts me" is not "the way he hurts me".
fn after_last_joint(before: &str) -> &str {
    [" or ", " and ", " but ", " otherwise "]
        .iter()
        .filter_map(|j| before.rfind(j).map(|i| i + j.len()))
        .max()
        .map_or(before, |i| &before[i..])
}

/// One passive match: who it happened to, and by whom or what.
fn passive(text: &str, c: &Captures<'_>, found: &mut BTreeSet<Category>) {
    let (Some(aux), Some(verb)) = (c.name("aux"), c.name("verb")) else {
        return;
    };
    let v = verb.as_str().to_lowercase();
    let v = v.as_str();
    let before = clause_before(text, aux.start(), BEFORE);
    let after = clause_after(text, verb.end(), AFTER);
    let sentence = &text[aux.start() - before.len()..verb.end() + after.len()];

    // The one it happened to must be a person (or left unsaid: "got hit again").
    let toks = tokens(before);
    if let Some(last) = toks
        .iter()
        .rev()
        .find(|t| !in_list(BETWEEN, &t.to_lowercase()))
    {
        let lower = last.to_lowercase();
        let person = who_word(&lower).is_some()
            || in_list(CHILD, &lower)
            || matches!(
                lower.as_str(),
                "i" | "we" | "you" | "u" | "ive" | "weve" | "me"
            )
            || is_capitalised(last) && !in_list(NOT_PERSON, &lower)
            || matches!(
                lower.as_str(),
                "but"
                    | "so"
                    | "because"
                    | "cos"
                    | "when"
                    | "today"
                    | "yesterday"
                    | "again"
                    | "also"
                    | "then"
                    | "and"
                    | "if"
            );
        if !person {
            return;
        }
    }

    // By whom? A thing ("by a car", "by the cuts") is no concern.
    let by = AGENT
        .captures(after)
        .and_then(|a| a.name("agent"))
        .map(|a| agent(a.as_str()));
    if let Some(None) = by {
        return;
    }
    let by = by.flatten();
    if WITH_THING.is_match(after) {
        return;
    }
    let needs_agent_or = |r: &Regex| by.is_some() || r.is_match(after);
    let fits = match v {
        "locked" | "shut" => SHUT_IN.is_match(after),
        "held" => HELD_DOWN.is_match(after),
        "hurt" | "burnt" | "burned" | "bitten" | "grabbed" | "shoved" => by.is_some(),
        "pushed" => needs_agent_or(&PASSIVE_PUSHED),
        "dragged" => needs_agent_or(&PASSIVE_DRAGGED),
        "pinned" => needs_agent_or(&PASSIVE_PINNED),
        "touched" => needs_agent_or(&PASSIVE_TOUCHED),
        "threatened" => needs_agent_or(&PASSIVE_THREATENED),
        "beaten" | "beat" => !PASSIVE_BEATEN_IDIOM.is_match(after),
        "hit" => !PASSIVE_HIT_IDIOM.is_match(after),
        "kicked" => !OUT_OFF.is_match(after),
        _ => true,
    };
    if !fits {
        return;
    }
    if by == Some(Who::OwnChild) {
        return;
    }
    if by.is_none()
        && matches!(
            v,
            "kicked" | "hit" | "elbowed" | "pushed" | "shoved" | "punched"
        )
        && SPORT.is_match(sentence)
    {
        return;
    }
    let category = match v {
        "raped" | "molested" | "touched" | "groped" => SexualAbuse,
        _ => match by {
            Some(Who::Adult) => Abuse,
            Some(Who::Peers) => Bullying,
            Some(Who::Plural) if !HOME_CONTEXT.is_match(sentence) => Bullying,
            Some(_)
                if SCHOOL_CONTEXT.is_match(sentence)
                    && !matches!(v, "locked" | "shut" | "held" | "pinned" | "dragged") =>
            {
                Bullying
            }
            Some(_) => Abuse,
            None if matches!(v, "locked" | "shut" | "held" | "pinned" | "dragged") => Abuse,
            None if HOME_CONTEXT.is_match(sentence) => Abuse,
            None if matches!(v, "jumped" | "stabbed" | "threatened")
                || after.to_lowercase().starts_with(" up")
                || SCHOOL_CONTEXT.is_match(sentence) =>
            {
                Bullying
            }
            None => Abuse,
        },
    };
    found.insert(category);
}

pub(super) fn find(text: &str, found: &mut BTreeSet<Category>) {
    for c in ACTIVE
        .captures_iter(text)
        .chain(THROWN_AT.captures_iter(text))
        .chain(HAIR.captures_iter(text))
    {
        active(text, &c, found);
    }
    for c in PASSIVE.captures_iter(text) {
        passive(text, &c, found);
    }
}

/// Every pattern here, compiled: a bad one fails the tests, not a submission.
#[cfg(test)]
pub(super) fn compile_all() -> usize {
    let all: &[&LazyLock<Regex>] = &[
        &ACTIVE,
        &THROWN_AT,
        &HAIR,
        &VERB_WORD,
        &PASSIVE,
        &BEAT_GAME,
        &HIT_IDIOM,
        &PUSH_IDIOM,
        &DRAG_IDIOM,
        &HURT_FEELINGS,
        &HURT_FEELINGS_BEFORE,
        &MEDICAL_BEFORE,
        &MEDICAL_AFTER,
        &SENSES_HURT,
        &SHUT_IN,
        &HELD_DOWN,
        &TIED_UP,
        &OUT_OFF,
        &GRAB_IDIOM,
        &CHOKE_UP,
        &THROWN_WHERE,
        &BALL,
        &SPORT,
        &DISLIKE,
        &MELTDOWN,
        &HOME_CONTEXT,
        &SCHOOL_CONTEXT,
        &FIGHT,
        &MUMS_PARTNER,
        &MUM_MENTIONED,
        &SIBLINGS,
        &IN_FRONT_OF_CHILDREN,
        &OWN_CHILD_BEFORE,
        &HER_AS_OBJECT,
        &AGENT,
        &WITH_THING,
        &PASSIVE_BEATEN_IDIOM,
        &PASSIVE_TOUCHED,
        &PASSIVE_THREATENED,
        &PASSIVE_PINNED,
        &PASSIVE_PUSHED,
        &PASSIVE_DRAGGED,
        &PASSIVE_HIT_IDIOM,
    ];
    all.iter().filter(|r| !r.as_str().is_empty()).count()
}
