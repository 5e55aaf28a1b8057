//! Phrase rules: a pattern, and checks on the same sentence around it.
//!
//! Patterns run on normalised text (see `normalise.rs`): no apostrophes ("dont",
//! "im", "mums"), hyphens as spaces, case ignored. `%NAME%` shorthands are listed in
//! `mod.rs`; Polish letters match with or without diacritics.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::ParserBuilder;

use super::{clause_after, clause_before, doer_in, expand, re, Category, Doer};

use Category::{
    Abuse, Bullying, DomesticAbuse, Exploitation, Neglect, NotSafe, SelfHarm, SexualAbuse, Suicide,
};

/// One phrase rule. Every check is a pattern; an empty one is no check.
#[derive(Debug, Clone, Copy)]
pub(super) struct Phrase {
    category: Category,
    pattern: &'static str,
    /// The match does not count when this matches the sentence before it (anchor with `$`).
    not_before: &'static str,
    /// The match counts only when this matches the sentence before it.
    need_before: &'static str,
    /// The match does not count when this matches the sentence after it (anchor with `^`).
    not_after: &'static str,
    /// The match counts only when this matches the sentence after it.
    need_after: &'static str,
    /// The match does not count when this matches anywhere in its sentence.
    not_near: &'static str,
    /// The match counts only when this matches somewhere in its sentence.
    need_near: &'static str,
    /// The match does not count when this matches the matched text itself.
    not_in: &'static str,
    /// An adult named in the sentence makes it [`Category::Abuse`]; other children
    /// make it [`Category::Bullying`]; otherwise `category`.
    by_doer: bool,
}

const fn ph(category: Category, pattern: &'static str) -> Phrase {
    Phrase {
        category,
        pattern,
        not_before: "",
        need_before: "",
        not_after: "",
        need_after: "",
        not_near: "",
        need_near: "",
        not_in: "",
        by_doer: false,
    }
}

impl Phrase {
    const fn not_before(mut self, p: &'static str) -> Phrase {
        assert!(self.not_before.is_empty(), "set each check once");
        self.not_before = p;
        self
    }
    const fn need_before(mut self, p: &'static str) -> Phrase {
        assert!(self.need_before.is_empty(), "set each check once");
        self.need_before = p;
        self
    }
    const fn not_after(mut self, p: &'static str) -> Phrase {
        assert!(self.not_after.is_empty(), "set each check once");
        self.not_after = p;
        self
    }
    const fn need_after(mut self, p: &'static str) -> Phrase {
        assert!(self.need_after.is_empty(), "set each check once");
        self.need_after = p;
        self
    }
    const fn not_near(mut self, p: &'static str) -> Phrase {
        assert!(self.not_near.is_empty(), "set each check once");
        self.not_near = p;
        self
    }
    const fn need_near(mut self, p: &'static str) -> Phrase {
        assert!(self.need_near.is_empty(), "set each check once");
        self.need_near = p;
        self
    }
    const fn not_in(mut self, p: &'static str) -> Phrase {
        assert!(self.not_in.is_empty(), "set each check once");
        self.not_in = p;
        self
    }
    const fn by_doer(mut self) -> Phrase {
        self.by_doer = true;
        self
    }
}

// Contexts shared by several rules: macros, so that `concat!` can join them.

/// Teaching, training and awareness: talk *about* a subject, not a disclosure.
macro_rules! education {
    () => {
        r"\b(?:awareness|training|trained|policy|policies|prevention|workshops?|lessons?|leaflets?|assembly|assemblies|course|module|curriculum|taught|teach|teaching|education|educate|talk on|talks? about|session on|sessions on|campaign)\b"
    };
}
/// Someone coming into a child's room or bed.
macro_rules! into_my_room {
    () => {
        r"\b(?:comes?|came|coming|creeps?|crept|creeping|sneaks?|sneaked|snuck|gets?|got|getting|climbs?|climbed) (?:in|into|in to) (?:my|his|her|our) (?:bed|bedroom|room)\b"
    };
}
/// What makes a visit to a child's room at night a worry: secrecy, fear, touching, or the
/// other adults away or asleep.
macro_rules! room_at_night_fear {
    () => {
        r"when (?:mum|everyone|every1|they|the others|she|he)\w* (?:is |are |s )?(?:asleep|at work|out|sleeping|away)|when (?:im|i am|he is|she is|hes|shes) (?:asleep|sleeping)|locks? the door|secret|dont like it|scared of (?:him|her|them)|pretend\w* (?:to be|im|i am) asleep|touch\w*|under the (?:covers|duvet)|in (?:my|the) bed with"
    };
}
/// An accident just before: "he fell and hurt himself".
macro_rules! accident_before {
    () => {
        r"\b(?:fell|falls|fall|falling|tripped|trips|slipped|slips|crashed|accident\w*|ran into \w+ and)\b.{0,30}$"
    };
}
/// An accident just after: "hurt himself playing football", "cut myself on a tin".
macro_rules! accident_after {
    () => {
        r"^ (?:\w+ ){0,3}?(?:by accident|accidentally|shaving|cooking|playing|falling|when (?:he|she|i|they) fell|at (?:pe|football|rugby|the park|forest school|cooking|trampolin\w*|swimming)|in (?:pe|the playground|a fall|the garden)|on (?:a|an|the|some) (?:tin|can|knife|glass|broken|fence|nail|oven|hob|iron|kettle|pan|stove|radiator|trampoline|swing|slide|bike|climbing|paper|table|door|wall|corner|sharp|rusty|thorn|bush|stairs|step|floor|ground|playground|metal|edge)|off (?:a|the|his|her|my) )"
    };
}
/// Institutions: "the council is cutting", "the school threatened".
macro_rules! institution_before {
    () => {
        r"\b(?:council|school|government|la|authority|nhs|camhs|service|services|budget|trust|academy|they|panel)\b.{0,15}$"
    };
}

/// A story someone reads or watches: a character who runs away is not the child.
const FICTION: &str = r"\b(?:novel|book|story|stories|film|movie|character|series|episode|tv show|cartoon|poem|audiobook)\b";

static PHRASES: &[Phrase] = &[
    // ---------------------------------------------------------------- self-harm
    ph(
        SelfHarm,
        r"\bself ?(?:harm(?:s|ed|ing|er|ers)?|injur(?:y|ies|e|es|ed|ing|ious)|mutilat\w*)\b",
    )
    .not_after(r"^ (?:awareness|training|policy|prevention|workshop|lessons?|leaflets?|sessions?|talks?|course|module|assembly)\b")
    .not_before(r"\b(?:training|awareness|lessons?|talks?|course|policy|assembly) (?:on|about|around|for) $"),
    ph(
        SelfHarm,
        r"\b(?:cut|cuts|cutting|slit|slits|slitting|slice|slices|slicing|carv(?:e|es|ed|ing)|scratch(?:es|ed|ing)?|burn(?:s|ed|t|ing)?|hurt(?:s|ing)?|hurted|harm(?:s|ed|ing)?|hit(?:s|ting)?|punch(?:es|ed|ing)?|bit|bite|bites|biting|bash(?:es|ed|ing)?|stab(?:s|bed|bing)?|starv(?:e|es|ed|ing)|bruis(?:e|es|ed|ing)|injur(?:e|es|ed|ing)|mutilat(?:e|es|ed|ing)) %SELF%",
    )
    .not_after(concat!(
        accident_after!(),
        r"|^ (?:off|out|short|up|free|loose|in half|laughing)\b|^ of (?:sleep|rest|fun|time|company)\b"
    ))
    .not_before(accident_before!()),
    ph(
        SelfHarm,
        r"\b(?:cut|cuts|cutting|slit|slits|slitting|slice|slicing|carv(?:e|ed|es|ing)|burn(?:s|t|ed|ing)?) (?:my|his|her|their) (?:arms?|wrists?|legs?|thighs?|skin|stomach|tummy|belly|body|hips?)\b",
    )
    .not_after(concat!(accident_after!(), r"|^ (?:open|on (?:a|an|the|some)\b)"))
    .not_before(accident_before!()),
    ph(
        SelfHarm,
        r"\b(?:cuts|scars|burns|slashes|scratches) (?:all )?(?:over|on|up|across|along|down) (?:my|his|her|their|both) (?:arms?|wrists?|legs?|thighs?|stomach|tummy|belly|body|hips?)\b",
    ),
    ph(SelfHarm, r"\b(?:scars?|cuts) from (?:cutting|self harm\w*)\b"),
    ph(
        SelfHarm,
        r"\b(?:been|started|start|starting|keep|keeps|kept|still|stop|stopped|is|was|am|im|are|were|hes|shes|about|relapsed with|relapse with|urge to|urges to|back to|caught (?:him|her|me)|secretly|now) (?:\w+ )?cutting\b",
    )
    .need_after(r"^(?: again\b| for (?:months|weeks|years|a while|ages|\w+ (?:months|weeks|years))| since\b| every\b| most\b| at night| in secret| secretly| and\b| but\b| when\b| because\b| cos\b| to cope| last\b| after\b|\s*[.!?,;]|\s*$)")
    .not_before(institution_before!()),
    ph(
        SelfHarm,
        r"\b(?:i|ive|i have|been|started|start|keep|still|stopped|stop|relapsed|urge to|urges to|want to|wanna) (?:sh|shd|shing)\b",
    ),
    ph(SelfHarm, r"\bsh (?:scars|cuts|urges|again|relapse)\b"),
    ph(
        SelfHarm,
        r"\b(?:tnę|tnie|tną|ciąć|cięła|ciął|pocięłam|pociąłem|pocięła|pociął|kaleczę|kaleczy|okaleczam|okalecza|okaleczyła|okaleczył|przypalam|przypala|krzywdzę|krzywdzi) się\b",
    ),
    ph(
        SelfHarm,
        r"\bsię (?:tnę|tnie|tną|kaleczę|kaleczy|okaleczam|okalecza|krzywdzę|krzywdzi|przypalam|przypala)\b",
    ),
    ph(SelfHarm, r"\bsamookalecz\w*"),
    ph(
        SelfHarm,
        r"\b(?:robię|robi|robią|zrobiłem|zrobiłam|zrobił|zrobiła) sobie krzywdę\b",
    ),
    ph(
        SelfHarm,
        r"(?:اوذي|اذي|اذيت|اوذيت|يوذي|توذي|اجرح|جرحت|يجرح|تجرح|جرح|اقطع|قطعت|يقطع|تقطع|احرق|حرقت|يحرق|تحرق|اضرب|ضربت|يضرب|تضرب|اعض|يعض|تعض) (?:نفسي|نفسه|نفسها)",
    ),
    ph(SelfHarm, r"(?:ايذاء|اذيه|اذي) (?:النفس|الذات)"),
    ph(
        SelfHarm,
        r"\b(?:make|makes|making|made) %SELF% (?:sick|throw up|vomit|bleed)\b",
    ),
    // Hiding the marks: "long sleeves in summer to hide her arms".
    ph(
        SelfHarm,
        r"\b(?:hide|hides|hiding|hid|cover up|covers up|covering up) (?:her|his|my|their) (?:arms|wrists|legs|thighs|scars|cuts|marks)\b",
    )
    .not_near(r"\b(?:eczema|psoriasis|rash|sun|sunburn|tattoos?|birthmark|scar from (?:his|her|the) operation|operation|surgery|hair|cold)\b"),
    // Not eating to be thin: "I don't eat so I can be thin", "she stopped eating to lose weight".
    ph(
        SelfHarm,
        r"\b(?:dont|do not|doesnt|does not|didnt|did not|wont|never|stop|stopped|stopping|not|barely|hardly) (?:\w+ )?(?:eat|eats|eating|ate)(?: \w+){0,3}? (?:so (?:that )?(?:i|he|she) (?:can|could|will|would|dont|doesnt|wont) |to |because (?:i|he|she) (?:want|wants|need|needs|have|has) to |cos (?:i|he|she) (?:want|wants) to )(?:be |get |stay |look |feel )?(?:thin|thinner|skinny|skinnier|slim|lose weight|not get fat|not be fat|get fat)\b",
    ),
    ph(
        SelfHarm,
        r"\b(?:till|until|til|untill) (?:it|they|i|he|she) (?:bleeds?|bled|bleeding)\b",
    )
    .need_before(r"\b(?:pick\w*|scratch\w*|bit|bite\w*|biting|pull\w*|hit\w*|bang\w*|punch\w*|cut\w*|claw\w*|rub\w*|dig\w*)\b")
    .not_near(r"\b(?:dog|cat|horse|puppy)\b"),
    ph(
        SelfHarm,
        r"\b(?:cut|cuts|cutting|burn|burns|burning|hurt|hurts|hurting|scratch\w*) (?:it|them)\b",
    )
    .need_near(r"\bhate (?:my|his|her) ?(?:body|self|skin|arms|legs|face)\b|\bhate (?:my|him|her)self\b"),
    ph(
        SelfHarm,
        r"\b(?:till|until|til|untill) (?:it|they) hurts?\b",
    )
    .need_before(r"\b(?:bang\w*|hit\w*|punch\w*|scratch\w*|bit|bite\w*|biting|pinch\w*|pull\w*|dig\w*)\b"),
    ph(
        SelfHarm,
        r"\bso (?:i|he|she) (?:can|could) feel (?:something|anything|pain|real|the pain)\b",
    ),
    ph(
        SelfHarm,
        r"\b(?:scratch\w*|cut\w*|stab\w*|dig\w*|carv\w*|slash\w*|hurt\w*|harm\w*|burn\w*|jab\w*|prick\w*) (?:my|his|her|their) (?:arms?|wrists?|legs?|thighs?|skin|stomach|body|hands?) with (?:a |the |some |my |his |her )?(?:scissors|knife|knives|blade|blades|razor|razors|compass|glass|pencil sharpener|sharpener|pins?|needles?|lighter)\b",
    ),
    ph(SelfHarm, r"\b(?:razors?|razor blades?|blades|sharpener blades?)\b").need_near(
        r"\b(?:hid|hide|hides|hidden|hiding|found|find|keeps?|kept|my room|his room|her room|under (?:my|his|her)|in (?:my|his|her) (?:room|bag|drawer|pencil case)|uses?|used|arms?|wrists?|legs?|thighs?|cut\w*)\b",
    )
    .not_near(r"\b(?:shav\w*|beard|lawn ?mower|blender|scooter|skates?|fan)\b"),
    ph(
        SelfHarm,
        r"\b(?:i|i feel i|i think i|i feel like i|he|she) (?:\w+ )?deserves? (?:to )?(?:starve|be hurt|pain|to suffer|suffer|be punished|to be in pain)\b",
    ),
    // ----------------------------------------------------------------- suicide
    ph(Suicide, r"\bsuicid(?:e|es|al|ality)\b")
        .not_after(r"^ (?:prevention|awareness|training|policy|rates?|statistics|figures|squad|helpline|line)\b")
        .not_before(r"\b(?:papyrus|samaritans|(?:training|talks?|lessons?|assembly|assemblies|sessions?|leaflets?|posters?|workshops?|campaigns?) (?:on|about|around)|awareness of|prevention of) $"),
    ph(
        Suicide,
        r"\b(?:kill(?:s|ed|ing)?|kil|unalive|unaliv(?:e|ed|ing)|hang(?:s|ed|ing)?|drown(?:s|ed|ing)?|suffocat(?:e|es|ed|ing)|shoot(?:s|ing)?|shot|top(?:s|ped|ping)?|off(?:ed|ing)?) %SELF%",
    )
    .not_after(r"^ (?:laughing|with laughter|working|trying|to (?:get|keep|make|do|help|find|sort|fight|push|be)|running around|over (?:this|the|his|her|it)|for (?:him|her|them|this|it)|out\b|up\b)")
    .not_before(r"\b(?:told|tell|tells|telling|said|says|saying|say|messaged|messaging|texted|texting) (?:me|him|her|them|us) (?:to |i should |he should |she should |that i should |that he should )?(?:go )?(?:and )?$"),
    ph(
        Suicide,
        r"\bthr(?:ow|ows|ew|owing) %SELF% (?:off|in front of|under)\b",
    ),
    ph(Suicide, r"\bkms\b").not_before(r"\d\s?$"),
    ph(
        Suicide,
        r"\b%WANT% (?:%TO% )?(?:die|dye|be dead|dead|not exist|stop existing|not be alive|not be here|not wake up|disappear forever|sleep forever|go to sleep forever|never wake up|go to sleep and (?:never|not) wake up|kill %SELF%|unalive %SELF%)\b",
    )
    .not_after(r"^ (?:of (?:embarrassment|shame|boredom|laughter|laughing|cringe)|laughing|happy|old|(?:his|her|my|their|its|it|them|the) (?:hair|clothes|tshirt|t shirt|shirt|top|shoes|fabric|wool)|(?:it|them|his|her|my) (?:\w+ )?(?:blue|pink|red|green|purple|black|blonde|brown|orange|yellow|white|grey|rainbow)|(?:blue|pink|red|green|purple|black|blonde|brown|orange|yellow|white|grey|rainbow))\b")
    .not_in(r"\bdye\b"),
    ph(
        Suicide,
        r"\b(?:want|wanna|wants|wanted|going|gonna|gunna|gona|will|ll|about|ready|thinking (?:of|about)|plan|plans|planning|planned|tempted|decided|try|trying|tried|might|could|just) (?:to )?(?:just )?end (?:it|it all|everything|my life|his life|her life|things|this|me)\b",
    )
    .not_after(r"^ (?:with|early|by|on|at|off|there|now and|soon enough|for (?:the|a)|here\b)")
    .not_before(institution_before!()),
    ph(
        Suicide,
        r"\bend(?:s|ed|ing)? (?:it all|my life|his life|her life|their life|my own life|his own life|her own life|things for good)\b",
    ),
    ph(
        Suicide,
        r"\b(?:take|took|taken|taking|takes) (?:my|his|her|their) (?:own )?life\b",
    )
    .not_after(r"^ (?:away from|over)\b"),
    ph(
        Suicide,
        r"\bwish(?:es|ed)? (?:i|he|she|they) (?:was|were|could be|d be|would be) dead\b",
    ),
    ph(
        Suicide,
        r"\bwish(?:es|ed)? (?:i|he|she) (?:had never been|hadnt been|had not been|was never|were never|wasnt|werent|was not|were not|never was|d never been|never got) born\b",
    ),
    ph(
        Suicide,
        r"\bwish(?:es|ed)? (?:i|he|she) (?:wasnt|werent|was not|were not) (?:alive|here %ANYMORE%|around|in this world|on this earth)\b",
    ),
    ph(
        Suicide,
        r"\bwish(?:es|ed)? (?:i|he|she) could (?:just )?(?:die|disappear forever|not exist|stop existing|go to sleep forever|(?:fall asleep|go to sleep|sleep) and (?:never|not) wake up|not wake up)\b",
    ),
    ph(
        Suicide,
        r"\bwish(?:es|ed)? (?:i|he|she) (?:didnt|did not|never) (?:exist|wake up)\b",
    ),
    ph(
        Suicide,
        r"\b%NEG% (?:\w+ )?(?:want|wanna|wana|wanting|wnt|wish)(?: %TO%)? (?:live|be alive|exist|wake up|be here %ANYMORE%|be here no more|be on this earth|be in this world|carry on|go on|be around %ANYMORE%|stay alive|keep living|keep going)\b",
    )
    .not_after(r"^ (?:in|at|with|near|by|there|here|on|abroad|alone|independently|away|somewhere|the|a|an|holiday|trips?|school|his|her|my|their|this|that|like (?:that|them|him|her))\b"),
    ph(
        Suicide,
        r"\b(?:better|happier|easier) off (?:dead|without me|if i (?:was|were|wasnt|werent|was not|were not) (?:dead|gone|here|around|alive)|if i (?:died|didnt exist|did not exist|never existed))\b",
    ),
    ph(
        Suicide,
        r"\b(?:better|happier|easier)(?: off)? (?:if|when) (?:i|he|she) (?:was|were|is|am) (?:dead|gone for good)\b",
    ),
    ph(
        Suicide,
        r"\b(?:better|happier|easier)(?: off)? (?:if|when) (?:i|he|she) (?:wasnt|werent|was not|were not) (?:here|around|alive)|\b(?:better|happier|easier)(?: off)? (?:if|when) (?:i|he|she) (?:died|didnt exist|never existed)\b",
    ),
    ph(
        Suicide,
        r"\bno (?:point|reason|purpose)(?: in| of| to| for)?(?: me)?(?: to)? (?:living|livin|life|being alive|be alive|live|going on|carrying on|being here|be here|existing|exist)\b",
    )
    .not_after(r"^ (?:the|a|an|with|to|at|holiday|trips?|in the|there|here|for (?:the|a))\b"),
    ph(
        Suicide,
        r"\b(?:whats|what is|wats|wots) the point (?:of|in) (?:living|life|being alive|going on|me being here|being here|anything %ANYMORE%)\b",
    ),
    ph(
        Suicide,
        r"\b(?:cant|cannot|can not|cnt|carnt|cant) (?:go on|carry on)\b",
    )
    .need_after(r"^(?: %ANYMORE%| like this| living| with (?:life|this|it))?(?:\s*[.!?,;:]|\s*$| and\b| but\b| please\b| pls\b| help\b| i\b| im\b| tbh\b)")
    .not_before(r"\b(?:we|they|families|parents|this|things|it|you|services|schools?|he|she|son|daughter) $"),
    ph(Suicide, r"\b(?:nothing|no ?one|nobody|noone|no1) (?:left )?to live for\b"),
    ph(
        Suicide,
        r"\b(?:cant|cannot|can not|cnt|carnt) (?:(?:take|handle|do|cope with) (?:it|this|life|any of it)|cope) %ANYMORE%",
    )
    .need_after(r"^(?:\s*[.!?,;:]|\s*$| and\b| but\b| please\b| pls\b| help\b| i\b| im\b| tbh\b)")
    .not_before(r"\b(?:we|they|families|parents|this|things|it|you|services|schools?|staff|teachers?|the school) $"),
    ph(
        Suicide,
        r"\b(?:giving up|give up|gave up|given up) on (?:everything|life|living|myself|me|it all)\b",
    )
    .not_before(r"\b(?:never|not|dont|wont|didnt|wouldnt|wasnt|without|before) (?:\w+ )?$")
    .not_near(r"\b(?:diet|dieting|gym|football|team|piano|lessons|club)\b"),
    ph(Suicide, r"\b(?:done with|tired of|sick of) (?:life|living|being alive|existing)\b")
        .not_after(r"^ (?:admin|insurance)\b"),
    ph(Suicide, r"\b(?:rather|sooner) (?:be dead|die|not be alive|not exist)\b").not_after(
        r"^ than (?:\w+ ){0,4}?(?:forms?|meetings?|reviews?|panels?|surveys?|paperwork|process|calls?|phone calls?|tribunals?|appeals?|ehcps?|appointments?|questionnaires?)\b",
    ),
    ph(
        Suicide,
        r"\b(?:cares?|notice|miss (?:me|him|her))(?: about)? (?:if|whether|when) (?:i|he|she) (?:lived? or died?|live or die|die|died|dies|was dead|am dead|were dead|was gone|disappeared|killed (?:my|him|her)self|wasnt here)\b",
    ),
    ph(
        Suicide,
        r"\bthink(?:s|ing)? (?:a lot )?(?:about|of) (?:dying|death|being dead|not being here|not being alive|ending it|ending my life|killing %SELF%)\b",
    ),
    ph(
        Suicide,
        r"\bjump\w* (?:off|from) (?:a |the |that |this )?(?:bridge|building|roof|cliff|car park|multi storey|balcony|tower|block of flats)\b",
    ),
    ph(
        Suicide,
        r"\b(?:jump\w*|step\w*|throw\w* %SELF%) in front of (?:a |the )?(?:train|car|bus|lorry|truck|van)s?\b",
    ),
    ph(Suicide, r"\b(?:overdos(?:e|ed|es|ing)|(?:took|take|taken|taking) an od)\b")
        .not_after(r"^ (?:of|on) (?:homework|information|paperwork|sugar|screens?|screen time)\b"),
    ph(
        Suicide,
        r"\b(?:took|taken|swallowed|swallow) (?:a (?:load|lot|bunch|handful|box|packet|pack) of|loads of|too many|all (?:my|his|her|the|of (?:my|his|her))|lots of|a whole (?:box|packet|pack) of) (?:(?:my|his|her|our|their|the) (?:\w+ )?)?(?:pills|tablets|paracetamol|painkillers|meds|medication|medicine)\b",
    ),
    ph(Suicide, r"\b(?:noose|sewer ?slide|unalive|unalived|unaliving)\b"),
    ph(Suicide, r"\bsuicide (?:note|attempt|plan)\b"),
    ph(
        Suicide,
        r"\b(?:saving|saved|stockpil\w*|hoard\w*|stash\w*|hiding|hid|collecting|collected) (?:up )?(?:pills|tablets|paracetamol|painkillers|meds)\b|\b(?:saving|saved|stockpil\w*|hoard\w*|stash\w*|collecting|collected) (?:up )?(?:my|his|her) (?:pills|tablets|paracetamol|painkillers|meds)\b|\b(?:pills|tablets|paracetamol|painkillers|meds) (?:saved|stored|stashed|hidden|hoarded|collected)(?: up| away)?\b",
    ),
    ph(Suicide, r"\bgoodbye (?:letters?|notes?|messages?|videos?)\b")
        .need_near(r"\b(?:i|ive|i have|he|hes|he has|she|shes|she has|my (?:son|daughter|child)) (?:\w+ )?(?:wrote|written|writing|left|leave|recorded|sent)\b")
        .not_near(r"\b(?:teachers?|leaving do|retir\w*|moving house|moving school|end of term|year 6|class)\b"),
    ph(
        Suicide,
        r"\b(?:life|it|living) (?:isnt|is not|aint|not|wasnt|was not|s not|doesnt seem|does not seem|dont seem|no longer seems?|is no longer) (?:\w+ )?worth (?:living|it %ANYMORE%|carrying on|going on)\b|\bnot worth living\b",
    ),
    ph(Suicide, r"\b%WANT% (?:%TO% )?disappear\b").need_after(
        r"^(?: forever| for ever| for good| and never come back| from (?:this|the) world| from everyone)?(?:\s*[.!?,;:]|\s*$| and\b| but\b| tbh\b| i\b| please\b| pls\b)",
    ),
    ph(
        Suicide,
        r"\b(?:im|i am|i m|i feel like|i feel|feel like|i was|i have been|ive been) (?:\w+ )?(?:a )?burden (?:to|on|for) (?:everyone|everybody|my (?:family|mum|dad|parents|carers)|them|people|you all|all of you|the world)\b",
    ),
    ph(
        Suicide,
        r"\b(?:strangl(?:e|es|ed|ing)|chok(?:e|es|ed|ing)|smother(?:s|ed|ing)?) %SELF%",
    )
    .not_after(r"^ (?:on|with) (?:food|his food|her food|a sweet|sweets|water)\b"),
    ph(
        Suicide,
        r"\b(?:tied|tie|ties|tying|put|puts|wrapped|wraps|pulled|tightened) (?:a |the |his |her |my )?(?:rope|belt|ligature|wire|cable|dressing gown cord)s? (?:\w+ ){0,2}(?:round|around) (?:my|his|her|their) neck\b",
    ),
    ph(Suicide, r"\bligatures?\b").not_near(education!()),
    ph(
        Suicide,
        r"\b(?:dont|do not|cant|cannot|doesnt|does not|no longer|dnt) see (?:the|any) point (?:in|of) (?:living|life|being alive|going on|anything|carrying on|being here|me being here)\b|\bsee no point (?:in|of) (?:living|life|being alive|going on|anything|carrying on)\b",
    ),
    ph(
        Suicide,
        r"\b(?:think(?:s|ing)?|thoughts?|thought) (?:a lot )?(?:about|of) (?:ending (?:it|it all|things|everything|my life|his life|her life)|taking (?:my|his|her) (?:own )?life|not waking up|never waking up|not being (?:here|alive|around)|not existing|being dead|dying)\b",
    ),
    ph(
        Suicide,
        r"\bjump\w* out of (?:a |the |his |her |my )?(?:\w+ )?window\b",
    ),
    ph(
        Suicide,
        r"\b%WANT% (?:%TO% )?(?:be with (?:\w+ ){1,2}in heaven|go to heaven|be in heaven|be an angel|join (?:\w+ ){1,2}in heaven)\b",
    ),
    ph(
        Suicide,
        r"\b(?:pictures?|drawings?|drawing|draws|drew) (?:\w+ ){0,2}of %SELF% (?:dead|dying|hanging|with a (?:knife|rope|gun))\b",
    ),
    ph(
        Suicide,
        r"\b(?:take|taking) (?:all (?:of )?(?:my|his|her|the)|a (?:load|lot|bunch|handful|box|packet|pack) of|loads of|too many|a whole (?:box|packet|pack) of) (?:pills|tablets|paracetamol|painkillers|meds|medication|medicine)\b",
    )
    .need_before(r"\b(?:going to|gonna|gunna|will|ll|want to|wanna|about to|tried to|try to|thinking of|thinking about|plan to|planning to|planned to|might|could|decided to|tempted to)\s*$"),
    ph(
        Suicide,
        r"\b(?:feel|feels|felt|feeling) (?:like )?(?:there is |theres |there s )?no way out\b",
    ),
    ph(
        Suicide,
        r"\b%WANT% (?:it|everything|this|life|it all|everything) (?:all )?%TO% (?:be over|end|stop)(?: forever| for good)?\b",
    )
    .need_after(r"^(?:\s*[.!?,;:]|\s*$| and\b| but\b| tbh\b| i\b| please\b| pls\b| now\b)"),
    ph(
        Suicide,
        r"\b(?:wont|will not|not going to|not gonna|wont be|might not) (?:be )?(?:here|around|alive) (?:much longer|for (?:much )?longer|for long|%ANYMORE%|tomorrow|next week|by (?:tomorrow|the morning|next week))\b",
    )
    // "I won't be around much longer at this job": someone leaving a post.
    .not_after(r"^ (?:at|in|with) (?:this|my|the|our) (?:job|role|post|team|service|school|office|council|department|company)\b"),
    ph(Suicide, r"\bgoodbye (?:everyone|everybody|all|forever|world|cruel world)\b"),
    ph(
        Suicide,
        r"\b(?:better|happier|easier) off gone\b|\b(?:i|he|she) (?:should|shud|ought to|might as well|may as well) (?:just )?(?:die|be dead|not exist|not be here|not be alive|kill %SELF%)\b",
    ),
    ph(Suicide, r"\bfe(?:el|els|eling|lt) like dying\b").not_after(
        r"^ (?:of|from|with|after|when|(?:my|his|her|their|it|the) (?:hair|clothes|top|shoes)|(?:it|them) )\b",
    ),
    ph(
        Suicide,
        r"\bwish(?:es|ed)? (?:i|he|she) could (?:just )?(?:disappear|vanish)\b",
    )
    .need_after(r"^(?: forever| for ever| for good| and never come back| from (?:this|the) world| from everyone)?(?:\s*[.!?,;:]|\s*$| and\b| but\b| tbh\b| i\b| please\b| pls\b)"),
    ph(
        Suicide,
        r"\bhate (?:being alive|existing|being born|that i was born)\b|\b(?:cant|cannot|can not) be bothered (?:to live|living|to be alive|being alive)\b",
    ),
    ph(Suicide, r"\bhate living\b").need_after(
        r"^(?:\s*[.!?,;:]|\s*$| and\b| but\b| %ANYMORE%| like this| tbh\b| i\b| so much\b)",
    ),
    ph(
        Suicide,
        r"\b(?:thought|thinks|thinking|think|planned|planning|worked out|working out) (?:about )?how (?:i|he|she|they) (?:would|could|might|will|d|should|can) (?:do it|end it|die|go)\b",
    ),
    ph(
        Suicide,
        r"\b(?:quickest|easiest|fastest|painless|best|least painful|surest|quick) (?:way|ways|method|methods) to (?:die|kill %SELF%|end it|end (?:my|his|her) life)\b",
    ),
    ph(
        Suicide,
        r"\b(?:stood|standing|stand|stands|sat|sitting|climbed|climbing|found (?:him|her) on) (?:on|at the edge of|on the edge of|over|by) (?:a |the )?(?:\w+ )?(?:bridge|cliff|cliff edge|roof|railway line|train tracks|tracks|ledge|multi storey)\b",
    )
    .need_near(r"\b(?:police|hour|hours|ages|jump\w*|crying|night|alone|found|brought (?:him|her) home|ambulance|999|crisis|edge|wanted to)\b"),
    ph(
        Suicide,
        r"\b(?:wont|will not|not going to|not gonna|im not gonna|wont be) be (?:a )?(?:problem|burden|bother|trouble|nuisance) (?:for|to) (?:anyone|anybody|you|everyone|everybody|you all|my family)(?: \w+)? (?:much longer|for (?:much )?longer|for long|%ANYMORE%)\b",
    ),
    ph(
        Suicide,
        r"\b(?:better off|happier|be|rather be|want to be) (?:in the ground|in a box|six feet under|underground|in (?:my|his|her) grave|in a grave)\b",
    ),
    ph(
        Suicide,
        r"\b(?:whats|what is|wats|wots) the point (?:of|in) (?:me|my life|my existence|me being (?:here|alive|around)|me existing)\b",
    ),
    // Looking up a way: "I looked up how many paracetamol it takes", "googled how to hang".
    ph(
        Suicide,
        r"\b(?:looked up|look up|looking up|googled|google|googling|searched|search|searching|researched|researching) (?:online )?(?:how (?:many|much) (?:\w+ ){0,2}(?:pills?|tablets?|paracetamol|ibuprofen|codeine|co codamol|insulin|meds|medication|medicine|painkillers|aspirin|antidepressants|sertraline|sleeping pills) (?:it takes|it would take|would it take|to take|would kill|kills?|to die|is fatal|is deadly|to overdose|to od|would do it)|how (?:to|you|u|i could|i can) (?:kill (?:myself|yourself|urself)|end (?:it|my life|your life)|hang (?:myself|yourself)|overdose|die|od)|ways (?:to|of) (?:die|dying|kill (?:myself|yourself)|end (?:it|my life))|(?:painless|quick|easy) ways? to die)\b",
    ),
    ph(
        Suicide,
        r"\b(?:took|taken|swallowed|had|take|taking) (?:(?:[89]|[1-9]\d+)|twenty|thirty|forty|fifty|a hundred) (?:paracetamol|ibuprofen|pills|tablets|painkillers|co codamol|sleeping pills|antidepressants)\b",
    ),
    ph(
        Suicide,
        r"\b(?:i|i feel i|i think i|i feel like i|he|she) (?:\w+ )?deserves? (?:to )?(?:die|be dead|not exist|not be alive)\b",
    ),
    // Polish
    ph(
        Suicide,
        r"\b(?:chcę|chce|chcesz|chcą|chciałbym|chciałabym|chciałem|chciałam|chciał|chciała) (?:już |po prostu )?umrzeć\b",
    )
    .not_after(r"^ (?:ze śmiechu|z nudów|ze wstydu)"),
    ph(
        Suicide,
        r"\b(?:chcę|chce|chciałbym|chciałabym|chciałem|chciałam|chciał|chciała) (?:się )?zabić(?: się)?\b",
    ),
    ph(Suicide, r"\bzabij(?:ę|e) się\b"),
    // Goodbye letters: "letters to my family for when I'm gone".
    ph(
        Suicide,
        r"\b(?:letters?|notes?|messages?|videos?)\b(?: \w+){0,6}? (?:for )?(?:when|after) (?:im|i am|ive|i have|i'm) (?:gone|dead|not here|died)\b|\b(?:goodbye|suicide) (?:letters?|notes?|messages?)\b",
    ),
    // "myślę, żeby się zabić", "myślę o tym, żeby się zabić": thinking of it.
    ph(
        Suicide,
        r"\b(?:myślę|myśle|myślałem|myślałam|myśli|myślał|myślała|zastanawiam się)(?: o tym)?,? (?:żeby|by|aby|czy nie) (?:się )?zabić(?: się)?\b|\bmyśl\w* o (?:zabiciu się|śmierci|odebraniu sobie życia)\b",
    ),
    ph(
        Suicide,
        r"\bnie (?:chcę|chce|chciałbym|chciałabym|chcą) (?:już )?żyć\b",
    ),
    ph(Suicide, r"\bsamobój\w*"),
    ph(Suicide, r"\bodebra(?:ć|ł|ła) sobie życie\b"),
    ph(Suicide, r"\bskończyć ze sobą\b"),
    // Arabic
    ph(
        Suicide,
        r"(?:اريد|بدي|ابي|ابغي|ابغا|عايز|عاوز|عايزه|عاوزه|نفسي|اتمني|حابب|اود|يريد|تريد|بده|بدها)(?: ان)? (?:اموت|يموت|تموت|الموت|موت)",
    ),
    ph(Suicide, r"(?:اقتل|يقتل|تقتل|قتل|اقتلي) (?:نفسي|نفسه|نفسها)"),
    ph(Suicide, r"نتحر|نتحار"),
    ph(Suicide, r"(?:انهي|انهاء|انهيت) حياتي"),
    ph(
        Suicide,
        r"(?:لا|ما|مش|مو) ?(?:اريد|بدي|ابي|ابغي|عايز|عاوز|اود)(?: ان)? (?:اعيش|العيش|عيش)",
    ),
    // -------------------------------------------------------------------- abuse
    // A threat to keep a child quiet.
    ph(
        Abuse,
        r"\bthreaten\w*(?: \w+){0,8}? if (?:i|we|you|he|she) (?:ever )?(?:tell|told|say anything|said anything|speak up|talk|grass)\b",
    )
    .by_doer(),
    ph(
        Abuse,
        r"\b(?:said|says|told|tells|warned|warns|keeps saying)(?: \w+){0,3}? if (?:i|we|you|he|she) (?:ever )?(?:tell|told|say anything to|talk to|speak to|grass to|grass on (?:him|her|them)) (?:anyone|anybody|any1|mum|dad|my mum|my dad|the police|police|school|a teacher|my teacher|social services|my social worker|a social worker)\b",
    )
    .need_near(r"\b(?:kill|hurt|hit|beat|batter|kick (?:me|us) out|throw (?:me|us) out|send (?:me|us) away|put (?:me|us) in care|taken away|take (?:me|us) away|deny|nobody will believe|no one will believe|noone will believe|be sorry|regret it|pay for it)\b")
    .by_doer(),
    // A threat to send a child away as a punishment.
    ph(
        Abuse,
        r"\b(?:%FAM%|they|she|he) (?:says|said|keeps saying|tells me|told me|threatens|threatened|threatening|will|ll|is going to|gonna) (?:that )?(?:to )?(?:(?:she|he|they)(?:ll| will| is going to| are going to| would) )?(?:put|send|get rid of|give) (?:me|us|him|her) (?:in|into|to|away to) (?:care|a (?:care )?home|foster care|social services)\b",
    )
    .need_near(r"\b(?:if (?:i|we|he|she)|unless|when (?:i|we|he|she)|behave|naughty|bad|punish\w*|threat\w*|again)\b"),
    // Name-calling by an adult at home or in care; between children it is left alone.
    ph(
        Abuse,
        r"\b(?:calls?|called|calling|keeps calling|kept calling) (?:me|him|her|us) (?:a |an )?(?:stupid|worthless|useless|thick|fat|ugly|retard|retarded|idiot|waste of space|mistake|freak|pathetic|disgusting|nothing|dumb|bitch|slag|little shit|piece of shit)\b",
    )
    .need_before(r"\b(?:mum|mom|mam|mummy|dad|daddy|mother|father|step ?dad|step ?mum|stepfather|stepmother|parents?|carers?|foster (?:carer|mum|dad|parents?)|nan|grandad|grandma|uncle|aunt|auntie|mums (?:new )?(?:boyfriend|partner)|dads (?:new )?(?:girlfriend|partner))\b.{0,40}$"),
    ph(
        Abuse,
        r"\b(?:emotional(?:ly)?|physical(?:ly)?|verbal(?:ly)?|child|mental(?:ly)?) abus(?:e|ed|ing|ive)\b",
    )
    .not_near(education!())
    .by_doer(),
    ph(
        Abuse,
        r"\b(?:not allowed|mustnt|must not|cant|cannot|can not|shouldnt|not supposed|not meant) to tell (?:anyone|anybody|people|teachers?|school|you|the school|social services|the police)(?: about)? (?:what happens|whats happening|what goes on|what (?:he|she|they|my \w+) (?:does|do|did|says)|about home|about (?:my|our) (?:home|house|family))\b",
    ),
    ph(
        Abuse,
        r"\babusive (?:dad|father|mum|mother|stepdad|step dad|stepfather|step mum|stepmum|parents?|home|household|family|uncle|carer|grandad|brother|man|adult)\b",
    ),
    ph(
        DomesticAbuse,
        r"\babusive (?:relationship|partner|ex|husband|boyfriend|marriage)\b",
    ),
    ph(
        Abuse,
        r"\babuse (?:at home|from (?:my|his|her|their) (?:%FAM%))\b",
    ),
    ph(
        Abuse,
        r"\btried to (?:kill|strangle|drown|suffocate|smother|stab|choke) (?:me|him|her|us)\b",
    )
    .by_doer(),
    ph(Abuse, r"\b(?:cigarette|belt|cane|whip) (?:burns|marks)\b"),
    // "he said he'd break my legs": a threat of serious harm; the doer decides.
    ph(
        Abuse,
        r"\b(?:said|says|told|tells|threatened|threatens|texted|messaged|keeps saying|kept saying|shouted|saying)(?: (?:me|him|her|us))?(?: that)? (?:(?:he|she|they|someone)(?:d|ll| would| will| is going to| was going to| is gonna|s gonna| are going to| were going to)? |(?:hed|hell|shed|shell|theyd|theyll|hes gonna|shes gonna|theyre gonna|hes going to|shes going to|theyre going to) )?(?:break|snap|smash) (?:my|his|her|our|your|ur) (?:legs?|arms?|neck|face|nose|fingers?|jaw|bones?|teeth|head|skull)\b",
    )
    .by_doer(),
    // Shut away: "staff restrain him in a cupboard", "they put her in a dark room".
    ph(
        Abuse,
        r"\b(?:restrain(?:s|ed|ing)?|lock(?:s|ed|ing)?|shut(?:s|ting)?|put(?:s|ting)?|kept|keep(?:s|ing)?|leave(?:s)?|left|made|make(?:s)?) (?:me|him|her|us|my (?:son|daughter|child|boy|girl)) (?:\w+ )?(?:in|into|inside|under) (?:a |the |an )?(?:cupboard|cellar|shed|cage|dark room|locked room|padded room|box|garage|bathroom all (?:day|night)|toilet all (?:day|night))\b",
    )
    .not_near(r"\b(?:toys?|coats?|shoes|bags?|play|game|hide and seek|hiding)\b")
    .by_doer(),
    ph(Abuse, r"\brestrain(?:ed|s|ing|t)\b")
        .not_near(r"\b(?:nobody|no one|noone|wasnt|was not|werent|were not|not) (?:\w+ )?(?:hurt|injured|harmed)\b|\bhandled well\b")
        .need_near(
        r"\b(?:bruis\w*|marks|injur\w*|hurt|bleed\w*|pain|cant breathe|couldnt breathe|face down|prone|carpet burns?)\b",
    ),
    ph(
        Abuse,
        r"\b(?:came|comes|come|coming) (?:home|back)(?: from (?:school|respite|college|nursery|contact|the club|his dads|her dads|his mums|her mums|\w+))? with (?:\w+ ){0,2}?(?:bruises|bruising|marks|cuts|burns|a black eye|black eyes|injuries|scratches|bite marks|a bruise|a burn|a cigarette burn|a bite mark|a mark)\b",
    )
    .not_after(r"^(?: \w+){0,4}? (?:from|after|at|in) (?:pe|football|rugby|playing|the park|falling|a fall|forest school|the trampoline|climbing|sports?|swimming)\b"),
    ph(
        DomesticAbuse,
        r"\bpunch(?:ed|es|ing)? (?:a )?holes? in (?:the|my|our|a) (?:wall|door|walls)\b",
    )
    .need_before(r"\b(?:dad|step ?dad|mums (?:boyfriend|partner)|father|partner|boyfriend|husband|ex|uncle)\b.{0,30}$"),
    ph(
        Abuse,
        r"\b(?:bruises|bruised|marks|scars|burns) from (?:my|his|her|their) (?:%FAM%|teacher|ta|carer|foster \w+)\b",
    ),
    ph(Abuse, r"\b(?:gets?|got|getting) (?:really |too |very )?rough with (?:me|him|her|us)\b")
        .not_near(r"\b(?:play|playing|games?|wrestl\w*|football|rugby)\b")
        .by_doer(),
    ph(
        Abuse,
        r"\b(?:i|we|he|she) (?:get|gets|got|am|is|was|are|were|keep getting|keeps getting|been|being|have been|has been) (?:\w+ )?(?:hurt|hit|beaten|beat up|smacked|slapped|kicked|punched) (?:at home|by (?:my|his|her|our) (?:%FAM%))\b",
    )
    .not_after(r"^ (?:by accident|accidentally|playing|in a game|when we play)\b")
    .not_near(r"\b(?:fell|fall|falls|falling|tripped|slipped|accident\w*|trampoline|bike|scooter|stairs|playing|ball)\b"),
    // Polish: "bije mnie", "mnie bije"; the doer decides abuse or bullying.
    ph(
        Abuse,
        r"\b(?:jestem|jest|byłem|byłam|był|była|jesteśmy) (?:\w+ )?(?:bity|bita|bici|bite|bijany|bijana|pobity|pobita|krzywdzony|krzywdzona|maltretowany|maltretowana) (?:przez|w domu)\b",
    ),
    ph(
        Abuse,
        r"\b(?:bije|biją|bił|biła|bili|uderza|uderzają|uderzył|uderzyła|kopie|kopią|kopnął|kopnęła|szarpie|dusi|dusił|pobił|pobiła|pobili|leje|tłucze|katuje) (?:mnie|nas|go|ją)\b",
    )
    .by_doer(),
    ph(
        Abuse,
        r"\b(?:mnie|nas) (?:bije|biją|bił|biła|bili|uderza|uderzył|uderzyła|kopie|kopią|szarpie|dusi|leje|tłucze|katuje|pobił|pobiła|pobili)\b",
    )
    .by_doer(),
    // Arabic: "يضربني", "ضربني", "يضربونني"; kicks, hurts, tortures, locks up, chokes me.
    ph(
        Abuse,
        r"(?:ب?[يت]ضرب|ضرب)(?:ت|و|ون)?ن?ني|(?:ب?[يت]|)(?:ركل|وذي|عذب|حبس|خنق)(?:ت|و|ون)?ن?ني",
    )
    .by_doer(),
    // ------------------------------------------------------------ sexual abuse
    ph(
        SexualAbuse,
        r"\b(?:shared|shares|sharing|posted|posts|posting|sent|sends|sending|spread|spreading|leaked|passed round|passing round) (?:a |my |some |the |his |her |round )?%PIC% of (?:me|him|her|my (?:son|daughter|child)) (?:naked|nude|in (?:my|his|her) (?:underwear|pants|bra)|with (?:no clothes|nothing) on|getting changed|in the shower)\b|\b(?:shared|posted|sent|leaked|spread|passed round) (?:my|his|her) nudes\b",
    ),
    // An adult who comes into a child's room or bed: another adult in the home at night, or
    // a parent or carer with secrecy, fear or touching; a sibling with a bad dream, a parent
    // saying goodnight, or "he" alone does not count.
    ph(SexualAbuse, into_my_room!())
        .need_near(concat!(r"\b(?:at night|in the night|every night|most nights|", room_at_night_fear!(), r")\b"))
        .need_before(r"\b(?:mums (?:new )?(?:boyfriend|partner|husband|friend|mate)|boyfriend|step ?dad|stepfather|step ?brother|uncle|lodger|man|men|mans|older (?:boy|lad|man)|cousin)\b.{0,40}$"),
    ph(SexualAbuse, into_my_room!())
        .need_near(concat!(r"\b(?:", room_at_night_fear!(), r")\b"))
        .need_before(r"\b(?:grandad|granddad|grandpa|dad|daddy|father|carer|foster (?:dad|carer|brother))\b.{0,40}$"),
    ph(
        SexualAbuse,
        r"\b(?:makes?|made|making|forces?|forced|shows?|showed|showing) (?:me|him|her|us) (?:to )?(?:watch|look at|see)? ?(?:\w+ ){0,3}?(?:videos?|films?|movies?|pictures?|photos?|pics|stuff|things|porn)\b",
    )
    .need_near(r"\b(?:uncomfortable|rude|naked|nude|sex\w*|dirty|adult|porn\w*|private parts|secret|dont like|didnt like|grown up)\b")
    .not_near(r"\b(?:scary film|horror|school|class|teacher|lesson|assembly|video games?|games?|youtube|tiktok|cartoons?|funny|minecraft|roblox)\b"),
    ph(
        SexualAbuse,
        r"\b(?:does|did|doing|do|keeps doing|kept doing) (?:stuff|things|bad things|rude things|weird things|something|sexual things|sex stuff) (?:to|with) (?:me|him|her|us)\b",
    )
    .need_near(r"\b(?:at night|in (?:my|his|her|the) (?:bed|room|bedroom|bath)|secret|private|touch\w*|nobody|no one|dont like|didnt like|hurts?|hurt|uncomfortable|when (?:mum|dad|my mum|my dad|no one|nobody|everyone)\w*|not allowed to tell|scared)\b"),
    ph(
        SexualAbuse,
        r"\b(?:make|makes|made|making|force|forces|forced|forcing|pressures?|pressured|pressuring) (?:me|him|her|us) (?:to )?do (?:things|stuff|something|sexual|bad things|rude things|horrible things|dirty things)\b",
    ),
    ph(
        SexualAbuse,
        r"\b(?:makes?|made|making|forces?|forced|forcing|got|gets) (?:me|him|her) (?:to )?(?:touch (?:him|her|them|his|it)|watch (?:porn|rude|dirty|sex|adult|videos of him)|suck|kiss (?:him|her)|undress|take (?:my|his|her|our) clothes off|get naked|sit on (?:his|her) (?:lap|knee))\b",
    ),
    // "makes me watch him", but not "makes me watch him play football".
    ph(
        SexualAbuse,
        r"\b(?:makes?|made|making|forces?|forced|forcing) (?:me|him|her) (?:to )?watch him\b",
    )
    .not_after(r"^ (?:play|plays|playing|do|does|doing|on|at|in|score|win|swim|ride|race|practi[cs]e|perform|sing|dance|game|gaming|eat|cook|build|draw|read)\b"),
    ph(
        SexualAbuse,
        r"\b(?:show(?:s|ed|n)?|flash(?:es|ed|ing)?) (?:me |him |her |us )?(?:his|her|their) (?:privates|private parts|private bits|willy|penis|dick|bits|boobs|breasts|vagina|thing)\b",
    ),
    ph(SexualAbuse, r"\bexpos(?:ed|es|ing) (?:him|her|them)sel(?:f|ves)\b"),
    ph(
        SexualAbuse,
        r"\btouch(?:es|ed|ing)? (?:my|his|her|their) (?:privates|private parts|private|willy|penis|dick|vagina|fanny|bum|bottom|boobs|breasts|chest|crotch|genitals|bits)\b",
    ),
    ph(SexualAbuse, r"\bsexual(?:ly)?\b")
        .not_after(r"^ (?:health|orientation|identity|identities|education|development|relationships? education|and reproductive|wellbeing|feelings|behaviour (?:policy|training)|consent lessons?|exploit\w*)\b")
        .not_before(r"\b(?:relationships and|rse|sex and|lessons on|lesson on|talk on) $")
        .not_near(education!()),
    ph(
        SexualAbuse,
        r"\b(?:rap(?:e|ed|es|ing|ist)|molest(?:s|ed|ing|er|ation)?|paedo(?:phile)?s?|pedo(?:phile)?s?|grope[sd]?|groping|incest|sexual assault|indecent(?:ly)?)\b",
    )
    .not_near(education!()),
    ph(
        SexualAbuse,
        r"\b(?:uncle|dad|daddy|step ?dad|stepfather|grandad|granddad|grandpa|brother|stepbrother|cousin|man|boyfriend|lodger|father)\b(?: \w+){0,2}? (?:gets|got|climbs|climbed|comes|came) (?:into|in) (?:my|her|his) bed\b",
    ),
    ph(
        SexualAbuse,
        r"\bfilm(?:ed|s|ing)? (?:me|him|her|us) (?:\w+ ){0,2}(?:getting changed|changing|naked|undress\w*|in the (?:shower|showers|toilets?|changing rooms?|bath))\b",
    ),
    ph(SexualAbuse, r"\b(?:its|it is|our|a) (?:little |special )?secret\b").need_near(
        r"\b(?:touch\w*|pics?|pictures|photos|gifts?|presents?|money|online|messag\w*|bed|private|privates|kiss\w*)\b",
    ),
    ph(
        SexualAbuse,
        r"\b(?:watch|watches|watched|watching|looks at|looked at|stares at|stared at|spies on|spied on|spying on|peeps at|comes in|came in|walks in) (?:on )?(?:me|him|her) (?:\w+ ){0,3}?(?:in the (?:shower|bath|toilet)|getting (?:changed|dressed|undressed)|changing|undress\w*|naked|in (?:my|his|her) (?:bed|pants|underwear))\b",
    )
    .need_before(r"\b(?:step ?dad|stepfather|uncle|mums (?:boyfriend|partner)|boyfriend|man|brother|stepbrother|cousin|grandad|granddad|lodger|he|she|dad|father|Someone)\b(?: \w+){0,2} ?$"),
    ph(
        SexualAbuse,
        r"\b(?:forced|made|pressured|pressuring|forcing|force|forces|makes|make|raped|tricked) (?:me |him |her |us )?(?:to |into )?(?:have sex|having sex|sex|do sexual|oral|give (?:him|her) oral)\b",
    ),
    ph(
        SexualAbuse,
        r"\bsex with (?:a |an |his |her |my )?(?:man|men|older|adult|teacher|stranger|uncle|carer|(?:[2-9]\d|1[89]) year old)\b",
    ),
    ph(
        SexualAbuse,
        r"\b%PIC% of (?:his|her|their) (?:private parts|privates|willy|penis|dick|bits|boobs|breasts|vagina|naked body)\b",
    ),
    ph(SexualAbuse, r"\b(?:naked|porn|porno|sex videos?|people having sex)\b").need_near(
        r"\b(?:showed|shows|show|showing|sent|sends|send|sending|made (?:me|him|her) watch|makes (?:me|him|her) watch|man|men|stranger)\b",
    )
    .not_near(education!()),
    // Polish
    ph(
        SexualAbuse,
        r"\b(?:dotyka|dotykał|dotykała|dotykają|dotknął|dotknęła) (?:mnie|go|ją)\b|\b(?:mnie|go|ją) (?:dotyka|dotykał|dotykała|dotknął|dotknęła)\b",
    ),
    ph(SexualAbuse, r"\b(?:molest\w*|gwałt\w*|zgwałci\w*|wykorzyst\w* seksualnie)"),
    // Arabic
    ph(SexualAbuse, r"(?:ب?[يت])?لمس(?:ت|و|ون)?ن?ني"),
    ph(SexualAbuse, r"تحرش|اغتصب|اعتداء جنسي|اعتدي علي"),
    // Watched or walked in on while washing, over and over.
    ph(
        SexualAbuse,
        r"\b(?:comes?|coming|came|walks?|walking|walked|barges?|barging|barged) in(?:to)? (?:the )?(?:bathroom|shower|toilet) (?:\w+ ){0,2}when (?:i|im|i am|she|shes|she is|he|hes|he is|we)(?: am| are| is|re|s|m)? (?:in the )?(?:shower\w*|bath\w*|washing|getting changed|changing|undress\w*)\b|\bwatch(?:es|ed|ing)? (?:me|her|him) (?:in the shower|shower\w*|in the bath|bath\w*|get(?:ting)? changed|undress\w*)\b",
    )
    .need_near(r"\b(?:keeps?|kept|always|every time|again|on purpose|wont (?:go|leave|stop)|doesnt knock|laughs|stares?|staring|friend|mate|uncle|step ?dad|boyfriend|man|lodger|cousin|brother)\b"),
    // Photographed in secret: "the man next door takes photos of her through the window".
    ph(
        SexualAbuse,
        r"\b(?:takes?|taking|took|taken|films?|filming|filmed|records?|recording|recorded) (?:photos?|pictures?|pics|videos?|vids?) of (?:me|her|him|us|my (?:\w+ )?(?:son|daughter|child|boy|girl|kids?))\b",
    )
    .need_near(r"\b(?:man|men|neighbours?|next door|stranger|window|bedroom|shower|bath|changing|undress\w*|naked|secret|at night|in bed)\b")
    .not_near(r"\b(?:school|nursery|teacher|newsletter|website|assembly|sports day|doctor|consultant|hospital|ehcp|report)\b"),
    // Touched and told it is a secret.
    ph(
        SexualAbuse,
        r"\btouch(?:ed|es|ing)? (?:my|his|her) (?:leg|legs|thigh|thighs|bum|bottom|private\w*|chest|boobs?|breasts?|body|willy|penis|vagina|crotch|knee|knees)\b",
    )
    .need_near(r"\b(?:secret|dont tell|not to tell|mustnt tell|special|our little|wouldnt stop|wont stop|keeps?|kept|uncomfortable)\b"),
    // A child's bruises that keep coming back from one place.
    ph(
        Abuse,
        r"\b(?:bruises?|bruising|marks|welts|burns) (?:\w+ )?(?:on|all over|over|across|down) (?:his|her|my|their) (?:\w+ )?(?:arms?|legs?|back|face|neck|body|bum|bottom|chest|tummy|stomach|ribs|wrists?|thighs?)\b",
    )
    .need_near(r"\b(?:every time|whenever|each time|comes? back from|came back from|after (?:contact|visits?|weekends? at|staying)|at (?:his|her) (?:dads|mums)|from (?:his|her) (?:dads|mums)|unexplained|no explanation|cant explain|wont say|wont tell|doesnt know how|nobody (?:can|could) explain|finger ?marks?|hand ?prints?|belt)\b")
    .not_near(r"\b(?:football|rugby|pe|sport|fell|falls|fall|trampoline|bike|eczema|bruises easily|haemophilia|hemophilia|platelets|leukaemia|medication|blood thinners?|dyspraxi\w*|clumsy|wobbly)\b"),
    // A girl staying with an unknown man, with gifts or drink.
    ph(
        Exploitation,
        r"\b(?:stay(?:s|ed|ing)?|sleep(?:s|ing)?|slept|living|lives|goes|going|went) (?:over )?(?:at|with|to) (?:a|an|this|some|an older) (?:older )?(?:man|men|guy|bloke|adult|lad)s?\b",
    )
    .need_near(r"\b(?:1[0-7]|thirteen|fourteen|fifteen|sixteen|seventeen|dont know|do not know|never met|older|buys?|bought|gives?|gave|alcohol|vodka|drink|drugs|weed|money|phone|presents?|gifts?)\b"),
    // ------------------------------------------------------------------ neglect
    ph(
        Neglect,
        r"\b(?:no|never|never any|not any|isnt any|wasnt any|hardly any|barely any|rarely any|never enough|not enough) (?:food|dinner|tea|breakfast|meals?|anything to eat) (?:at home|in the house|in the flat|at ours|at my house|at our house|in our house|in my house|in the fridge|in the cupboards?|for days|for \w+ days|all weekend)\b",
    ),
    ph(
        Neglect,
        r"\b(?:theres|there is|there was|theres never|there is never|there was never) nothing (?:to eat|in the house|in the fridge|in the cupboards?|for (?:dinner|tea|breakfast))\b",
    )
    .not_near(r"\b(?:school|canteen|menu|lunch|dinners|likes?|will eat|can eat|sensory|allerg\w*|fussy|picky)\b"),
    ph(
        Neglect,
        r"\b(?:havent|hasnt|have not|has not|didnt|did not|not|never|hardly|barely) (?:\w+ )?(?:eaten|ate|had (?:anything|food|something) to eat|had (?:a meal|food|dinner|breakfast|tea))(?: properly| anything| much| at all| a thing| a proper meal)? (?:since (?:yesterday|last night|friday|saturday|sunday|monday|tuesday|wednesday|thursday|the weekend)|(?:for|in) (?:days|\w+ days|\d+ days|two days|a day|a whole day)|all weekend|the whole weekend)\b",
    ),
    ph(Neglect, r"\b(?:go|goes|went|going|sent) to (?:bed|school|sleep) hungry\b"),
    // Said in fragments: "cold. hungry. nobody home".
    ph(
        Neglect,
        r"\b(?:cold|hungry|starving)\W+(?:\w+\W+){0,3}(?:nobody|no one|noone|no1) (?:home|in|here|about|around)\b",
    ),
    // Living on scraps: "eating cereal with water for a week", "only get bread".
    ph(
        Neglect,
        r"\b(?:eating|eat|eats|ate|had|have|having|get|gets|got|given) (?:only |just |nothing but )?(?:dry )?(?:cereal with water|bread and water|dry bread|bread|toast|crisps|biscuits|noodles)\b",
    )
    .need_near(r"\b(?:for (?:a|\w+) (?:week|weeks|days)|for days|every day|all week|all weekend|no (?:food|money|gas|electric\w*|milk))\b")
    .not_near(r"\b(?:fussy|picky|sensory|beige|safe foods?|arfid|will only eat|only eats|likes?|loves?|diet|allerg\w*)\b"),
    ph(
        Neglect,
        r"\b(?:mum|mom|mam|dad|mother|father|parents?)(?: \w+)? (?:is|are|stays?|lies|lays|has been|have been) in bed all (?:day|the time|week)\b",
    )
    .need_near(r"\b(?:i (?:look after|care for|feed|cook for)|nobody (?:cooks|feeds|looks after)|no one (?:cooks|feeds|looks after)|no food|drunk|drinking|drugs|my (?:little )?(?:brothers|sisters|brother|sister|siblings))\b"),
    // Made to stay in their room: "i have to stay in my room all weekend".
    ph(
        Abuse,
        r"\b(?:have to|has to|had to|made to|make me|makes me|made me|forced to|must) stay in (?:my|his|her|our|the) (?:room|bedroom)\b",
    )
    .need_near(r"\b(?:all day|all weekend|for days|for hours|days|only get|bread|no food|locked|lock|not allowed)\b"),
    // A threat to kill or hurt mum is domestic abuse, whoever says it.
    ph(
        DomesticAbuse,
        r"\b(?:kill|hurt|stab|strangle|batter|beat up|smash) (?:my )?(?:mum|mom|mam|mummy|mother)\b",
    )
    .need_before(r"\b(?:says?|said|saying|threaten\w*|going to|gonna|will|ll|would|wants? to|tried to|try to)\b")
    .not_before(r"\b(?:i|ill|id|im)\b(?: \w+){0,3}$")
    .not_after(r"^ (?:for|if (?:i|he|she) (?:find|finds|found)|when (?:she|i) (?:find|finds|sees))\b"),
    // Nowhere warm to sleep: "I sleep in my coat because there's no heating and no bedding".
    ph(
        Neglect,
        r"\b(?:sleep|sleeps|slept|sleeping) (?:in (?:(?:my|his|her|our|their) )?(?:coats?|clothes|uniform|jackets?)|on the floor)\b",
    )
    .need_near(r"\b(?:no (?:heating|heat|bed|beds|bedding|blankets?|duvets?|sheets|mattress|electric\w*)|cold|freezing)\b")
    .not_near(r"\b(?:sensory|likes?|prefers?|choice|camping|tent|sleepover|festival|holiday|hospital)\b"),
    // Kept in a room: "not allowed out of my room except for school".
    ph(
        Abuse,
        r"\b(?:not allowed|never allowed|arent allowed|isnt allowed|cant|cannot|wont let (?:me|us|him|her)|dont let (?:me|us|him|her)|doesnt let (?:me|us|him|her)) (?:to )?(?:leave|come out of|go out of|get out of|out of) (?:my|his|her|our|their|the) (?:room|bedroom)\b",
    )
    .need_near(r"\b(?:except|apart from|unless|all day|all weekend|for days|for hours|hours|days|weeks|only (?:for|to)|locked|lock|meals|eat in|punish\w*)\b")
    .not_near(r"\b(?:bedtime|after (?:\d+|nine|ten|eight|lights out)|at night until|illness|ill|poorly|covid|contagious|chicken ?pox|isolat\w*)\b"),
    // Held down by staff or an adult: "staff sit on him when he kicks off".
    ph(
        Abuse,
        r"\b(?:sit|sits|sat|sitting|kneel|kneels|knelt|kneeling|lie|lies|lay|lying|laid) on (?:top of )?(?:him|her|me|us|my (?:\w+ )?(?:son|daughter|child|boy|girl))\b",
    )
    .need_before(r"\b(?:staff|teachers?|tas?|carers?|support workers?|escorts?|drivers?|dad|mum|step ?dad|step ?mum|boyfriend|they)\b")
    .not_near(r"\b(?:play\w*|game|games|tickl\w*|joke|cuddl\w*|wrestl\w*|sofa|couch|lap|brother|sister|siblings?)\b"),
    // Personal care left undone for hours, at home or in a setting.
    ph(
        Neglect,
        r"\b(?:left|leave|leaves|leaving|sat|sit|sits|sitting|lying|lay|laid|kept|keep|sent home|comes home|came home|come home|found) (?:\w+ ){0,2}(?:in|with|wearing) (?:a |an |his |her |their |my |the same )?(?:(?:wet|soiled|dirty|soaking|soaked|sodden|full|filthy|pooey|poo|wee|urine|smelly) (?:\w+ )?(?:nappy|nappies|pads?|pull ?ups?|clothes|uniform|pants|knickers|trousers|bedding|sheets|bed)|(?:nappy|nappies|pads?|pull ?ups?) (?:\w+ )?(?:full|soaked|soaking|dirty|soiled))\b",
    )
    .need_near(r"\b(?:all day|all night|all weekend|for hours|hours|for \w+ hours|\d+ hours|overnight|since (?:morning|breakfast|lunch|yesterday|the morning)|the whole (?:day|journey|time)|whole day|every day|days|sore|raw|rash|burns?|bleeding|not changed|never changed|nobody changed|no one changed|wasnt changed|hadnt been changed|hasnt been changed)\b")
    // No place to change him is a missing toilet, not a carer's neglect.
    .not_near(r"\b(?:changing places|nowhere to change|no (?:where|place|room) to change|no (?:changing|toilets?|accessible)|toilets?|changing (?:room|facilities|bench|table))\b"),
    ph(
        Neglect,
        r"\b(?:nappy|nappies|pads?|pull ?ups?) (?:\w+ )?(?:not|never|wasnt|werent|isnt|arent|hadnt been|hasnt been|havent been|didnt get|doesnt get|dont get) (?:\w+ )?changed\b",
    )
    .need_near(r"\b(?:all day|all night|for hours|hours|overnight|since|the whole|whole day|at (?:school|respite|nursery|college|the unit|the centre)|sore|raw|rash|bleeding)\b"),
    // Food kept back as a punishment; "not allowed to eat in class" is a rule, not this.
    ph(
        Neglect,
        r"\b(?:not allowed|isnt allowed|arent allowed|wasnt allowed|werent allowed|never allowed|cant|cannot|dont get|doesnt get|dont get to|doesnt get to|wont let (?:me|us|him|her) have|wont let (?:me|us|him|her)|get no) (?:to )?(?:eat|any food|food|dinner|tea|breakfast|a meal|meals|anything to eat)\b",
    )
    .need_near(
        r"\b(?:if (?:i|we|he|she|they) (?:am|is|are|was|were|m|s|re|get|gets|do|does|dont|doesnt|did|didnt)\b|when (?:i|we|he|she|they) (?:am|is|are|m|s|re|get|gets|do|does|dont|doesnt|did|didnt|misbehave|mess)\b|until (?:i|we|he|she|they) (?:have |has |ve )?(?:finish\w*|done|do|does|did|clean\w*|tidy|tidied|tidies|say sorry|said sorry|apologi\w*|behave\w*)\b|as (?:a )?punishment|punish\w*|naughty|bad|in trouble|for days|for \w+ days)\b",
    ),
    ph(
        Neglect,
        r"\b(?:not|never|dont|doesnt|didnt|isnt|arent|wasnt|werent|havent|hasnt|aint|rarely|hardly ever|no ?one|nobody|noone|no1) (?:\w+ ){0,2}fed\b",
    )
    .not_after(r"^ (?:up|back|through|via|by (?:tube|peg|mouth|ng)|orally|by mouth)\b")
    .not_in(r"\b(?:tube|peg|ng|bottle|breast|spoon|self|orally|fed up)\b"),
    ph(
        Neglect,
        r"\b(?:no ?one|nobody|noone|no1|no body|none of them) (?:\w+ )?(?:(?:looks? after|takes? care of|cares? for|feeds|cooks? for|checks? on|washes|cleans) (?:me|us|my clothes|our clothes|my uniform)|picks (?:me|us) up|gets (?:me|us) up|puts (?:me|us) to bed|makes (?:me|us) (?:food|dinner|tea|breakfast)|cooks)\b",
    )
    // "nobody cooks like my nan" praises her.
    .not_after(r"^ (?:like|as (?:good|well)|better|the way)\b"),
    ph(
        Neglect,
        r"\b(?:no ?one|nobody|noone|no1|no body)(?: (?:at home|in my (?:house|family|home)|here|there))? (?:\w+ )?(?:cares?|gives a \w+|loves|wants) (?:(?:about |bout |abt |for )?me|what happens to me|if i (?:eat|come home|live|die|am ok))\b",
    ),
    ph(Neglect, r"\bno1 (?:cares?|gives a \w+)\b"),
    ph(
        Neglect,
        r"\bleft (?:alone|on (?:my|his|her|our|their) own|home alone|by (?:my|him|her|our)sel(?:f|ves)|in the house (?:alone|on (?:my|his|her|our) own)|with no (?:food|adult|one))(?: \w+){0,3}? (?:for (?:days|hours|\w+ days|\d+ days|the (?:whole )?(?:weekend|night|day)|a (?:whole )?(?:weekend|night|day)|ages)|all (?:day|night|weekend)|overnight|at night|every night|most nights|every weekend|when (?:mum|dad|my mum|my dad|they|she|he) (?:goes|go|went|is|are))\b",
    )
    .not_before(r"\b(?:we|parents|families|carers) (?:are|were|have been|get|feel|just)? ?(?:\w+ )?$"),
    ph(
        Neglect,
        r"\b(?:leaves|leave|left) (?:me|us|him|her)(?: and (?:my|our|his|her) (?:\w+ )?(?:brother|sister|siblings?|brothers|sisters))? (?:alone|on (?:my|our|his|her|their) own|home alone|by (?:my|our|him|her)sel(?:f|ves)|in the house)(?: \w+){0,3}? (?:for (?:days|hours|\w+ days|the (?:whole )?(?:weekend|night)|a (?:whole )?(?:weekend|night))|all (?:day|night|weekend)|overnight|at night|every night|most nights|while (?:she|he|they|mum|dad) (?:goes|go|is|are)|to look after)\b",
    ),
    // A parent gone for days with the child at home; away for work or in hospital is not this.
    ph(
        Neglect,
        r"\b(?:mum|mom|mam|mummy|dad|daddy|mother|father|parents|step ?dad|step ?mum|carer|foster carer)(?: \w+)? (?:hasnt|havent|has not|have not|didnt|did not|doesnt|does not|dont|do not|never|wont|will not) (?:come|came|been|get|got|gets|coming) (?:back |home |back home )(?:for (?:days|\w+ days|\d+ days|\w+ nights|\d+ nights|the (?:whole )?weekend|a (?:whole )?(?:week|weekend))|since (?:friday|saturday|sunday|monday|tuesday|wednesday|thursday|last week|the weekend)|in (?:days|\w+ days|\d+ days)|all (?:weekend|week)|some nights|most nights|at night)\b",
    )
    .not_near(r"\b(?:hospital|hospice|working away|works away|work away|away for work|on a course|deployed|army|navy|raf|forces|offshore|on nights|night shifts?|prison|business trip|respite|holiday)\b"),
    ph(
        Neglect,
        r"\b(?:goes|go|went|going|stays?|stayed|is|are) (?:out|away) (?:all night|all weekend|overnight|for days|for \w+ days|every night)\b",
    )
    .need_before(r"\b(?:mum|mom|mam|mummy|dad|daddy|mother|father|parents|she|they|step ?dad|step ?mum)\b.{0,25}$"),
    ph(
        Neglect,
        r"\b(?:mum|mom|mam|mummy|dad|daddy|mother|father|parents|step ?dad|step ?mum|stepfather|stepmother)(?: \w+)? (?:is|are|was|were|gets|get|got) (?:always |often |usually |too |so |really |constantly |never not )?(?:drunk|wasted|high|stoned|off (?:her|his|their) (?:face|head|faces|heads)|passed out|out of it)\b",
    ),
    ph(
        Neglect,
        r"\b(?:mum|mom|mam|mummy|dad|daddy|mother|father|parents|step ?dad|step ?mum)(?: \w+)? (?:takes|take|does|do|uses|use|is on|are on|deals|sells) drugs\b",
    ),
    ph(
        Neglect,
        r"\b(?:mum|mom|mam|mummy|dad|daddy|mother|father|parents|step ?dad|step ?mum|stepfather|stepmother)(?: \w+)? (?:drinks|drink|drinking|is drinking|are drinking|keeps drinking|has been drinking) (?:a lot|loads|too much|so much|heavily|all (?:day|night|the time|weekend)|every (?:day|night)|from the morning|in the morning|until|till|then)\b",
    )
    .not_after(r"^ (?:of|tea|coffee|water|squash|juice|pop|fizzy|milk|energy|diet)\b")
    .not_near(r"\b(?:tea|coffee|water|squash|juice|fizzy|milk|energy drinks?|diet coke|coke|pepsi|red bull|monster)\b"),
    ph(
        Neglect,
        r"\b(?:no money|cant afford|can not afford|cannot afford|couldnt afford|nothing left)(?:(?: for| to (?:buy|pay for|put on))? (?:any )?(?:food|gas|electric|electricity|heating|the meter|meters?|dinner|tea|meals?|nappies)| to feed (?:the kids|the children|us|them|him|her|my (?:\w+ )?(?:kids|children|son|daughter|family)))\b",
    )
    .not_near(r"\b(?:trips?|holidays?|clubs?|activities|days? out|tutor\w*|therapy|therapies|assessments?|private|lawyer|solicitor|tribunal|uniform|equipment|taxi|fuel for the car|parking)\b"),
    ph(
        Neglect,
        r"\b(?:kids|children|they|we|my (?:\w+ )?(?:son|daughter|boy|girl|kids|children|baby|babies|little ones)) (?:are|were|go|went|is|was|have been|has been) (?:always |often |constantly |going |so |really )?(?:hungry|starving)\b",
    )
    .need_near(r"\b(?:no money|no food|nothing to eat|cant afford|cannot afford|food ?bank|skip(?:ping)? meals|the cupboards|empty fridge|nothing in the (?:fridge|house|cupboards?)|no gas|no electric\w*|no heating|benefits|universal credit|sanctioned)\b"),
    ph(
        Neglect,
        r"\b(?:dont have|do not have|doesnt have|does not have|havent got|have not got|have no|has no|hasnt got|never had|aint got) (?:a |my own |his own |her own |our own )?bed\b",
    )
    .not_near(r"\b(?:sensory|choice|prefers?|likes|safe|safety|padded|special|hospital|adapted|cot|bunk|hotel|holiday|camping|tent|equipment|ot|occupational)\b"),
    ph(
        Neglect,
        r"\b(?:no ?one|nobody|noone|no1) (?:even )?(?:notices|noticed|cares|checks|asks|knows) (?:when|if|where) (?:i|we) (?:dont|do not|didnt|stay out|stayed out|go|went|am|come|came|eat|dont eat)\b",
    ),
    ph(
        Neglect,
        r"\block(?:s|ed|ing)? (?:the |up the |away the )?(?:fridge|cupboards?|kitchen|food)\b",
    )
    .need_near(r"\b(?:so (?:i|we) (?:cant|can not|cannot|dont) (?:eat|get)|from (?:me|us)|hungry|starving|cant eat|not allowed (?:to eat|food|any food))\b")
    .not_near(r"\b(?:prader|pica|binge\w*|overeat\w*|eats everything|eating disorder|diet|dietitian|sensory|autism|adhd|raids?|for (?:his|her) (?:own )?safety)\b"),
    ph(Neglect, r"\bno food\b")
        .need_near(r"\b(?:heating|electric|electricity|gas|fridge|cupboards?|at home|in the house|for days|all weekend|at (?:the )?weekends?|on weekends|since yesterday)\b")
        .not_near(r"\b(?:school|canteen|menu|lunch|dinners|likes?|will eat|can eat|sensory|allerg\w*|fussy|picky)\b"),
    ph(
        Neglect,
        r"\b(?:havent got|have not got|dont have|do not have|aint got|got no|have no|has no|hasnt got|havent had|never have) (?:any )?(?:food|dinner|tea|breakfast)\b",
    )
    .not_after(r"^ (?:club|clubs|he|she|that|which|at school|in school)\b")
    .not_near(r"\b(?:school|canteen|menu|lunch|dinners|likes?|will eat|can eat|sensory|allerg\w*|fussy|picky|choice|options)\b"),
    ph(
        Neglect,
        r"\b(?:forgets?|forgot|forgetting|doesnt|dont|didnt|never|wont|refuses? to|stopped) (?:to )?feed(?:s|ing)? (?:me|us|him|her|the kids|my (?:\w+ )?(?:brother|sister))\b",
    )
    .not_before(institution_before!()),
    ph(
        Neglect,
        r"\b(?:leave|leaves|left|leaving) (?:me|us) (?:\w+ ){0,2}?(?:with|looking after|to look after|in charge of) (?:my|the|our) (?:baby|little|younger|\d+ year old|\w+ year old)(?: brothers?| sisters?| siblings?| ones| twins)?\b",
    ),
    ph(
        Neglect,
        r"\b(?:mum|mom|mam|dad|mother|father|parents?|step ?dad|step ?mum)(?: \w+)? (?:is|was|are|were) (?:an? )?(?:alcoholic|alcoholics|drug addicts?|addicts?|junkies?|heroin addicts?)\b",
    ),
    ph(
        Neglect,
        r"\b(?:theres|there is|there was|there s) (?:never|hardly ever|rarely|hardly|barely) (?:any )?(?:food|anything to eat)\b",
    )
    .not_near(r"\b(?:school|canteen|menu|lunch|dinners|likes?|will eat|can eat|sensory|allerg\w*|fussy|picky)\b"),
    ph(
        Neglect,
        r"\b(?:always|constantly|often|usually|so|really|starving|hungry) (?:hungry|starving) (?:at home|in the house|at my (?:mums|dads)|at (?:his|her) (?:mums|dads))\b|\bonly (?:eat|get food|get fed|get a (?:proper )?meal|have a (?:proper )?meal) at school\b",
    ),
    ph(Neglect, r"\b(?:steal|stealing|stole|nick|nicking|nicked) food\b").need_near(
        r"\b(?:never have any|no food|hungry|starving|nothing to eat|because we (?:dont|never|havent)|at home|for (?:me|us|my (?:brother|sister)))\b",
    ),
    ph(
        Neglect,
        r"\b(?:no ?one|nobody|noone|no1) (?:\w+ )?makes sure (?:i|we|me)\b",
    ),
    ph(
        Neglect,
        r"\b(?:mum|mom|mam|dad|mother|father|parents?|step ?dad|step ?mum)(?: \w+)? (?:is|are|was|were) (?:always|often|usually|constantly|just) (?:asleep|passed out|unconscious|out of it)\b",
    ),
    ph(
        Neglect,
        r"\bno (?:adults?|grown ups?|one|body|parents?) (?:at home|in the house|home|there)\b",
    )
    .need_near(r"\b(?:night|nights|days|weekends?|all day|overnight|when i get (?:home|back)|most of the time|ever)\b"),
    // Polish: a parent drinking, nobody giving a child food.
    ph(
        Neglect,
        r"\b(?:mama|mamusia|matka|tata|tato|tatuś|ojciec|ojczym|rodzice)\b(?: \w+)? (?:pije|piją|pił|piła|pili) (?:cały dzień|całymi dniami|codziennie|dużo|za dużo|od rana|alkohol|wódkę|piwo|wino)\b|\b(?:mama|matka|tata|ojciec|ojczym|rodzice)\b(?: \w+)? (?:upija się|upijają się|jest pijany|jest pijana|są pijani|ciągle jest pijan\w*)",
    )
    .not_near(r"\b(?:wod\w*|kaw\w*|herbat\w*|sok\w*|mlek\w*|coli|napoj\w*|lekarstw\w*)\b"),
    ph(
        Neglect,
        r"\bnikt (?:mi |nam |mu |jej )?nie (?:daje|da|dał|dała|robi|gotuje) (?:jeść|jedzenia|obiadu)\b",
    ),
    // A parent who does not feed a child: "mama nie daje mi jeść".
    ph(
        Neglect,
        r"\b(?:mama|mamusia|matka|tata|tato|tatuś|ojciec|ojczym|macocha|rodzice)\b(?: \w+)? nie (?:daje|dają|dawała|dawał|dawali|kupuje|kupują) (?:mi |nam |mu |jej |im )?(?:jeść|jedzenia|nic do jedzenia)\b|\b(?:chodzę|chodzimy|chodzi|idę|idziemy) (?:spać )?(?:głodn\w+)(?: spać)?\b",
    )
    // "nie daje mi jeść słodyczy" is a rule about sweets.
    .not_after(r"^ (?:słodycz\w*|cukierk\w*|czekolad\w*|chips\w*|lod\w*|fast\w*|przed|po|między|w nocy|w łóżku|w pokoju)\b"),
    // Arabic: a parent drinking alcohol.
    ph(
        Neglect,
        r"(?:ابي|ابوي|بابا|امي|ماما|والدي|والدتي|زوج امي)(?: \S+)? (?:يشرب|تشرب|يسكر|تسكر) (?:الخمر|خمر|الكحول|كحول|البيره|كثيرا|كل يوم|طول اليوم)|(?:ابي|ابوي|بابا|امي|ماما|والدي|والدتي|زوج امي) (?:سكران|سكرانه|مدمن|مدمنه)",
    ),
    // Polish
    ph(Neglect, r"\bnie (?:mam|mamy|ma) co jeść\b"),
    ph(Neglect, r"\bnie ma (?:nic )?(?:do jedzenia|jedzenia)\b")
        .not_near(r"\b(?:stołówk\w*|sklep\w*|menu|restauracj\w*|wegan\w*|wegetarian\w*|bezglutenow\w*|automat\w*|wycieczk\w*)\b"),
    ph(
        Neglect,
        r"\bnikt (?:\w+ ){0,2}się (?:mną|nami) nie (?:\w+ )?(?:opiekuje|zajmuje|interesuje)\b",
    ),
    ph(
        Neglect,
        r"\b(?:zostawia|zostawiają|zostawiła|zostawił) (?:mnie|nas) (?:sam\w*|na noc|na (?:cały )?weekend|na kilka dni)\b",
    ),
    ph(Neglect, r"\bchodzę głodn\w* spać\b"),
    ph(Neglect, r"\bnikt mnie nie kocha\b|\bnikogo nie obchodzę\b"),
    ph(
        Neglect,
        r"\b(?:mnie|nas|go|jej) nie karmi\w*|\bnie karmi\w* (?:mnie|nas)\b",
    ),
    ph(Neglect, r"(?:لا|ما|مش|محد|لا احد|ما حدا) ?(?:ي|ت)?طعم(?:و|ون)?ن?ني"),
    // Arabic
    ph(Neglect, r"(?:لا يوجد|ما في|مافي|مفيش|ما فيه|ماكو|ما عندنا|ليس لدينا) (?:طعام|اكل)"),
    ph(Neglect, r"(?:لا احد|ما حدا|محدش) (?:يهتم|يعتني|بيهتم|بيعتني) (?:بي|فيني|بيا)"),
    // ------------------------------------------------------------ domestic abuse
    ph(
        DomesticAbuse,
        r"\bdomestic(?:ally)? (?:abuse|abused|violence|abusive|incidents?)\b",
    )
    .not_near(education!()),
    ph(
        DomesticAbuse,
        r"\b(?:shouting|screaming|yelling|arguing|arguments|fighting|fights|rows|violence) (?:and|n) (?:hitting|punching|throwing things|smashing|violence|fighting|hitting each other|pushing)\b",
    )
    .need_near(r"\b(?:home|house|mum|mom|dad|parents|step ?dad|flat|police)\b"),
    ph(
        DomesticAbuse,
        r"\b(?:violence|violent|fighting|fights) (?:at home|in (?:the|our|my) (?:house|home|flat))\b",
    ),
    ph(
        DomesticAbuse,
        r"\b(?:ex|partner|husband|boyfriend|step ?dad|dad|father|mums (?:new )?(?:boyfriend|partner)|his dad|her dad|their dad|the kids dad|the childrens dad|the childrens father)(?: \w+){0,2}? (?:was|is|has been|were|got|gets|became|can be) (?:very |really |so |extremely |quite |often )?(?:violent|abusive|controlling)\b",
    ),
    ph(
        DomesticAbuse,
        r"\b(?:broke|broken|breaks|snapped|fractured|bruised|burnt|burned|cut) (?:my |our )?(?:mums|moms|mams|mothers) (?:arm|nose|ribs?|jaw|wrist|leg|fingers?|face|eye|head|lip)\b",
    ),
    ph(
        DomesticAbuse,
        r"\b(?:scared|worried|frightened|afraid|terrified) for (?:my )?(?:mum|mom|mam|mother|mummy)\b",
    ),
    ph(DomesticAbuse, r"\b(?:in|to|at|into) (?:a |the )?(?:womens )?refuge\b")
        .not_after(r"^ (?:area|areas|site|sites|zone|point|island|for (?:birds|wildlife|animals))\b"),
    ph(
        DomesticAbuse,
        r"\b(?:scared|afraid|frightened|terrified|petrified) (?:\w+ )?of (?:my|our|the kids|the childrens|their) (?:husband|wife|ex|ex partner|ex husband|ex wife|partner|boyfriend|girlfriend|dad|father)\b",
    )
    .not_after(r"^ (?:leaving|going|finding|getting|being|not|losing|dying|having)\b"),
    ph(
        DomesticAbuse,
        r"\b(?:ex|ex partner|ex husband|ex wife|partner|husband|boyfriend|(?:kids|childrens|their) (?:dad|father))(?: \w+){0,8}? (?:smashed|smashes|smashing|broke|breaks|kicked in|kicked down|kicks in|trashed|trashes|put (?:his|her) (?:fist|foot|head) through|punched|punches) (?:the |our |my |all (?:the|our|my) |a |in (?:the|our|my) |down (?:the|our|my) )?(?:front |back |bedroom |car |kitchen )?(?:windows?|doors?|house|flat|place|car|phone|tv|walls?|furniture|stuff|things)\b",
    ),
    ph(
        DomesticAbuse,
        r"\b(?:call|called|calling|ring|rang|phone|phoned) (?:the )?(?:police|999|cops) (?:on|because of|about) (?:my|our|the kids|their) (?:dad|father|stepdad|step dad|partner|ex|husband|boyfriend|mums boyfriend|mums partner)\b",
    ),
    ph(
        DomesticAbuse,
        r"\b(?:ex|ex partner|ex husband|ex wife|partner|husband|boyfriend|wife|(?:kids|childrens|their) (?:dad|father|mum|mother))(?: \w+){0,8}? (?:threatens|threatened|threatening|stalks|stalking|stalked|harasses|harassing|harassed|intimidates|intimidating|intimidated) (?:me|us|the kids|the children|my (?:son|daughter|children|kids|family))\b",
    ),
    ph(
        DomesticAbuse,
        r"\b(?:bije|uderza|pobił|bił|kopie|dusi|szarpie) (?:moją |naszą )?(?:mamę|matkę|mamusię|żonę)\b|\b(?:mamę|matkę) (?:bije|bił|uderza)\b",
    ),
    ph(DomesticAbuse, r"\bprzemoc (?:domowa|w domu|w rodzinie)\b"),
    ph(DomesticAbuse, r"(?:ب?[يت])?ضرب (?:امي|ماما|والدتي|زوجته)"),
    ph(DomesticAbuse, r"عنف اسري|العنف الاسري|العنف المنزلي"),
    // Violence in pregnancy is domestic abuse whoever is named.
    ph(
        DomesticAbuse,
        r"\b(?:hit|hits|punch\w*|kick\w*|push\w*|shov\w*|strangl\w*|chok\w*|attack\w*|beat|beats|beaten|hurt|hurts|threw|throws)\b(?: \w+){0,8}? (?:when|while|whilst) (?:i|she|mum|my mum) (?:was|is|am|were) pregnant\b",
    ),
    // Parents fighting with the police called, or a parent throwing things in drink or
    // rage while the child hides.
    ph(
        DomesticAbuse,
        r"\b(?:mum|mom|mam|dad|parents|step ?dad|step ?mum|mums boyfriend|mums partner|dads girlfriend|dads partner)(?: and (?:dad|mum|mom|her boyfriend|her partner|his girlfriend|his partner|step ?dad))? (?:\w+ )?(?:fight|fights|fighting|fought|argue|argues|arguing|row|rows|rowing|scream at each other|shout at each other)\b",
    )
    .need_near(r"\b(?:police|999|hide|hiding|hid|terrified|hits?|hitting|hurts?|smash\w*|throws?|threw|drunk|neighbours (?:called|rang)|ambulance|black eye|bruis\w*|bleeding|crying|cries)\b"),
    ph(
        DomesticAbuse,
        r"\b(?:mum|mom|mam|dad|step ?dad|step ?mum|mums boyfriend|mums partner|dads girlfriend|dads partner) (?:\w+ )?(?:throws|threw|throwing|smashes|smashed|smashing|breaks|broke|breaking) (?:things|stuff|plates|furniture|chairs|the house up|everything)\b",
    )
    .need_near(r"\b(?:drunk|drinking|drinks|off his face|off her face|high|rage|i hide|we hide|hiding|hide|scared|frightened|afraid|terrified)\b"),
    // ------------------------------------------------------------------ not safe
    // A child going missing: "he is 12 and has been going missing overnight".
    ph(
        NotSafe,
        r"\b(?:he|she|i|im|hes|shes|they|my (?:\w+ )?(?:son|daughter|child|boy|girl))\b(?: \w+){0,6}? (?:going|goes|gone|went|go|keeps going|kept going) missing\b",
    )
    .need_near(r"\b(?:overnight|at night|all night|for days|for hours|police|again|every weekend|after school|came back with|comes back with)\b"),
    // Run away and slept out.
    ph(
        NotSafe,
        r"\b(?:ran|run|runs|running) away (?:\w+ ){0,4}?(?:and )?(?:slept|sleeping|stayed the night|spent the night|stayed out all night) (?:in|at|on|under) (?:a |the )?(?:park|street|streets|bus stop|bus shelter|station|garage|shed|car|bridge|woods|field|beach|friends?)\b",
    ),
    // Sleeping away because home is not safe: "sleeping at a friend's because i can't go home".
    ph(
        NotSafe,
        r"\b(?:cant|cannot|can not|not allowed to|too scared to|scared to|afraid to|dont want to|daren?t|dare not) go (?:back )?home\b",
    )
    .need_near(r"\b(?:sleep\w*|slept|stay\w*|sofa|kicked out|thrown out|chucked out|streets?|nowhere|hurt|hit|scared|frightened|afraid|drunk)\b")
    .not_near(r"\b(?:bus|train|taxi|transport|traffic|snow|flood\w*|hospital|ward|until (?:the|my|his|her)|strike)\b"),
    ph(
        NotSafe,
        r"\b(?:ran|run|runs|running|keep running|keeps running|kept running) away (?:from (?:home|my (?:mums|dads|house|foster \w+|home|carers)|the (?:house|foster \w+|childrens home|care home)|foster \w+|care))\b",
    )
    .not_near(FICTION),
    ph(
        NotSafe,
        r"\b(?:i|ive|i have|i keep|i kept|i might|i want to|i wanna|i will|ill|im going to|im gonna|she|shes|he|hes|my (?:son|daughter)(?: has)?) (?:\w+ )?(?:ran|run|running|runs) away (?:again|twice|\d+ times|\w+ times|last night|overnight|at night|and (?:slept|stayed|the police))\b",
    )
    .not_near(r"\b(?:school|class|classroom|lesson|playground|shop|park|supermarket|town|crowds?|dogs?|noise|games?)\b"),
    ph(
        NotSafe,
        r"\b(?:dont|do not|doesnt|does not|didnt|did not|dnt|never|no longer|cant|cannot|hardly ever|not|wont) (?:\w+ ){0,2}fe(?:el|els|elt|eling) (?:\w+ )?(?:safe|secure)\b",
    )
    .not_after(r"^ (?:\w+ ){0,6}?because of (?:the )?(?:noise|crowds?|lights?|smells?|busy|loud|sensory|hand dryers?|changes?|fire alarms?|echo)|^ (?:\w+ ){0,3}?(?:near|on|around|crossing) (?:the )?(?:\w+ )?roads?\b|^ (?:in|on|near|at|around) (?:the )?(?:water|pool|swimming pool|sea|river|lifts?|escalators?|heights|stairs|trampoline|bike|scooter|dark|crowds?|busy)\b|^ without\b|^ for (?:autistic|send|disabled|neurodivergent|children|kids|pupils|students|young people|people)\b"),
    ph(
        NotSafe,
        r"\bfe(?:el|els|elt|eling) (?:\w+ )?(?:unsafe|in danger)\b",
    )
    .not_before(r"\b(?:dont|do not|doesnt|does not|didnt|did not|never|not|wont|no longer) (?:\w+ )?$")
    // Unsafe on the road, in water or at heights: travel training, not a person.
    .not_after(r"^ (?:\w+ ){0,3}?(?:near|on|around|crossing|across) (?:the )?(?:\w+ )?roads?\b|^ (?:in|on|near|at|around|crossing) (?:the )?(?:water|pool|swimming pool|sea|river|lifts?|escalators?|heights|stairs|trampoline|bike|scooter|dark|crowds?|busy|traffic|buses|bus|trains?)\b"),
    ph(
        NotSafe,
        r"\b(?:(?:not|isnt|never|aint|is not|am not|im not|arent|wasnt|no longer) (?:\w+ )?safe|unsafe|in danger)(?: for (?:me|him|her|us|my \w+))? (?:at|in) (?:home|the house|my house|our house|his house|her house|my dads|my mums|dads|mums|his dads|her dads|their house)\b",
    ),
    ph(
        NotSafe,
        r"\b(?:home|my house|our house|the house|my dads|my mums|dads|mums|his dads|her dads) (?:\w+ )?(?:isnt|is not|aint|doesnt feel|does not feel|is never|never feels|wasnt|was not|isnt a|is not a|is no longer|dont feel) (?:\w+ )?safe\b",
    ),
    ph(NotSafe, r"\b(?:i am|im|i m|i feel|i amnt|i aint) not safe\b")
        .need_after(r"^(?: here| anymore| any more| at all| now| there| with (?:him|her|them|my \w+))?(?:\s*[.!?,;:]|\s*$| and\b| please\b| pls\b| help\b| i\b| but\b)"),
    ph(
        NotSafe,
        r"\b(?:scared|afraid|frightened|terrified|petrified|scare[sd]?|fear(?:ful)?|too scared|2 scared) (?:\w+ )?(?:to|of) (?:go(?:ing)?|be(?:ing)?|return(?:ing)?|get(?:ting)?|went|come|coming) (?:back )?(?:home|to (?:my|his|her) (?:dads|mums|house))\b",
    ),
    ph(
        NotSafe,
        r"\b(?:scared|afraid|frightened|terrified|petrified) (?:\w+ )?of (?:my|his|her|our|their) (?:%FAM%)\b",
    ),
    ph(
        NotSafe,
        r"\b(?:scared|afraid|frightened|terrified|petrified) (?:of )?what (?:he|she|they|my \w+|dad|mum) (?:will|might|would|is going to|could) do\b",
    ),
    ph(
        NotSafe,
        r"\b(?:dont|do not|doesnt|does not|didnt|did not|never|dnt|not) (?:\w+ )?(?:want|wanna|wana|wnt)(?: %TO%)? go (?:back )?home\b",
    ),
    ph(
        NotSafe,
        r"\b(?:dont|do not|doesnt|does not|didnt|did not|never|dnt|not) (?:\w+ )?(?:want|wanna|wana|wnt)(?: %TO%)? (?:go|stay|live) (?:back )?(?:to |at |in |with )?(?:my |his |her |our |the )?(?:foster (?:placement|home|carers?|family|house|mum|dad)|care home|childrens home)\b",
    ),
    ph(
        NotSafe,
        r"\b(?:dont|do not|doesnt|does not|didnt|did not|never|dnt|not) (?:\w+ )?(?:want|wanna|wana|wnt)(?: %TO%)? go back (?:to )?(?:my |his |her |our )?(?:dads|mums|home|house|there|that house|stepdads|nans)\b",
    )
    .not_near(r"\b(?:school|college|class|nursery|hospital|club|hotel|holiday)\b"),
    ph(
        NotSafe,
        r"\block(?:s|ed|ing)? (?:my|his|her|the) (?:bedroom |room )?door\b",
    )
    .need_near(r"\b(?:scared|afraid|frightened|terrified|safe|so (?:he|she|they) (?:cant|cannot|can not)|keep (?:him|her|them) out)\b"),
    ph(
        NotSafe,
        r"\brather (?:\w+ ){1,6}than (?:go|going|be|being|stay|staying|live|living) (?:back )?(?:home|at home|with (?:my|him|her|them))\b",
    ),
    ph(
        NotSafe,
        r"\bhome (?:is|feels|gets|can be|has become) (?:\w+ )?(?:scary|frightening|terrifying|dangerous|unsafe|violent)\b",
    ),
    ph(NotSafe, r"\b(?:ran|run|runs|running|runaway) (?:away |off )?from home\b")
        .not_near(FICTION),
    ph(
        NotSafe,
        r"\b(?:kicked|threw|thrown|chucked|kicks|throws|chucks|put) (?:me|him|her|us) out\b",
    )
    .need_before(r"\b(?:mum|mom|mam|dad|parents|step ?dad|step ?mum|carer|nan|gran)\b.{0,30}$")
    .not_after(r"^ (?:of (?:class|the class|lessons?|the lesson|school|the room|the club|the group|assembly|the car))\b"),
    ph(
        NotSafe,
        r"\b(?:im|i am|we are|were|i was|we were|he is|hes|she is|shes|they are|theyre) (?:\w+ )?homeless\b",
    ),
    // No home: "we're sleeping in the car", "sofa surfing", "nowhere to live".
    ph(
        NotSafe,
        r"\b(?:im|i am|we are|were|weve been|we have been|ive been|i have been|hes|he is|shes|she is|theyre|they are|been|still|now) (?:\w+ )?(?:sleeping|living|staying|kipping|crashing) (?:in (?:the|a|our|my|mums|dads) (?:car|van|tent)|rough|on the streets?|on (?:a |my |our )?(?:friends|mates|peoples|someones|other peoples) (?:sofas?|couch(?:es)?|floors?))\b|\b(?:sofa|couch) surfing\b|\b(?:have|got|has|with|left with) nowhere (?:to live|to sleep|to stay|safe to (?:live|sleep|stay|go))\b",
    )
    .not_near(r"\b(?:holiday|festival|camping|trip|road trip|on the way|(?:for|over) (?:christmas|the night|the weekend)|sleepover|party)\b"),
    ph(
        NotSafe,
        r"\b(?:got|get|gets|been|was|were|have been|has been|just been|im being|is being|are being) (?:\w+ )?(?:kicked|thrown|chucked|put) out (?:of (?:home|the house|our (?:house|home|flat)|my (?:house|home|flat)|the flat)|by (?:my |his |her |our )?(?:%FAM%|landlord|the landlord|the council))\b|\b(?:kicked|thrown|chucked) (?:me|us|him|her) out (?:of (?:home|the house)|on the street)\b|\b(?:we|i|they) (?:got|were|have been|was) (?:\w+ )?(?:kicked|thrown|chucked) out\b",
    )
    .not_near(r"\b(?:class|lesson|school|club|shop|pub|game|match|team|cinema|library|pool|party|assembly|lunch hall|canteen|playground)\b"),
    // Polish
    ph(NotSafe, r"\bnie czuj(?:ę|e|ą) się (?:\w+ ){0,2}bezpieczn\w*"),
    ph(NotSafe, r"\bnie jest(?:em|eśmy)? (?:\w+ )?bezpieczn\w*"),
    ph(
        NotSafe,
        r"\bboj(?:ę|ą|i) się (?:wrócić|wracać|iść|pójść) do domu\b",
    ),
    ph(
        NotSafe,
        r"\bboj(?:ę|ą|i) się (?:taty|ojca|mamy|matki|ojczyma|wujka|brata|dziadka)\b",
    ),
    ph(NotSafe, r"\bnie (?:chcę|chce) wracać do domu\b"),
    ph(
        NotSafe,
        r"\bwyrzucił(?:a|i|y)? (?:nas|mnie|go|ją) z (?:domu|mieszkania)\b|\b(?:śpimy|śpię|spaliśmy|spałem|spałam|mieszkamy|mieszkam) (?:w samochodzie|w aucie|na ulicy|na dworcu|u (?:znajomych|kolegi|koleżanki) na (?:kanapie|podłodze))\b|\b(?:jesteśmy|jestem|jest) (?:\w+ )?bezdomn\w*",
    ),
    // Arabic
    ph(
        NotSafe,
        r"(?:لا|ما|مش|مو|لست|ماني|مب) ?(?:اشعر|احس|حاسس|حاسه|حاس|يشعر|تشعر|يحس|تحس) (?:بال|ب)?امان",
    ),
    ph(NotSafe, r"(?:لست|مش|مو|ماني|لسنا) (?:في |ب)امان"),
    ph(
        NotSafe,
        r"(?:خايف|خايفه|اخاف|خائف|خائفه) (?:من )?(?:ارجع|الرجوع|العوده|اروح|الذهاب) (?:الي |لل|ل)?(?:البيت|المنزل|بيت)",
    ),
    ph(
        NotSafe,
        r"(?:اخاف|خايف|خايفه|خائف|خائفه) من (?:ابي|ابوي|بابا|امي|ماما|زوج امي|والدي|عمي|اخي)",
    ),
    ph(
        NotSafe,
        r"(?:طردونا|طردوني|طردنا|طردني|طردتنا|طردتني) من (?:البيت|المنزل|الشقه)|(?:ننام|انام|نمنا|نمت|نعيش|اعيش) (?:في السياره|في الشارع)|(?:نحن|انا|احنا) (?:بلا|بدون) (?:مأوي|ماوي|بيت|منزل)",
    ),
    // FGM and forced marriage: abuse in law, whoever arranges it, however it is put.
    ph(
        Abuse,
        r"\b(?:fgm|female genital mutilation|female circumcision)\b",
    )
    .not_near(education!()),
    ph(
        Abuse,
        r"\b(?:take|taking|took|send|sending|sent)\b(?: \w+){0,3} (?:abroad|back home|overseas|to (?:their|our|her|his|my) (?:country|village))\b(?: \w+){0,4}? (?:to be cut|for (?:the )?cutting|to get cut|to have it done|to be circumcised)\b",
    ),
    ph(
        Abuse,
        r"\b(?:forced|forcing|force|forces|making|make|makes|made|pressuring|pressured|pushing) (?:me|him|her|them|my (?:sister|brother|daughter|son|cousin))? ?(?:to |into )?(?:marry|get married|marriage|an arranged marriage|be engaged|get engaged)\b|\bforced (?:marriage|to marry|into marriage|engagement)\b",
    )
    .not_near(education!()),
    // So-called honour: shame on the family, with a threat or a punishment near it.
    ph(
        Abuse,
        r"\b(?:brought|bring|bringing|brings) (?:shame|dishonou?r) (?:on|to|upon) (?:(?:the|my|our|his|her|their) family|them|us)\b|\bdishonou?red (?:the|my|our|his|her|their) family|\bhonou?r[- ]based (?:abuse|violence)",
    )
    .need_near(r"\b(?:threat\w*|hit\w*|beat\w*|kill\w*|hurt\w*|punish\w*|lock\w*|send (?:me|her|him) (?:away|abroad|back)|marry|married|disown\w*|kick\w* (?:me|her|him) out|abuse|violence|deal with (?:me|her|him|you))\b"),
    // Made to work for nothing, and not free to go.
    ph(
        Exploitation,
        r"\b(?:made|forced|forces|makes|make) (?:me |him |her |them |us )?(?:to )?work (?:in|at|for)\b(?: \w+){0,5}? (?:not paid|for (?:no money|nothing|free)|without (?:pay|being paid)|no pay)\b|\bnot (?:paid|allowed to leave)\b(?: \w+){0,3}? (?:cant|can not|cannot|not allowed to) (?:leave|go home)\b",
    ),
    // A picture taken up a skirt; sexual touching among pupils.
    ph(
        SexualAbuse,
        r"\b(?:photos?|pictures?|pics?|videos?|filmed|film) (?:up|under) (?:my|her|their|girls|the girls) (?:skirts?|dress(?:es)?)\b|\bupskirt\w*\b|\bgrop(?:e|es|ed|ing)\b|\b(?:keep|keeps|kept|always) (?:touching|grabbing) (?:girls|the girls|me|her|us) (?:up|inappropriately|and grabbing|on (?:my|her|our) (?:bum|chest|boobs|breasts))",
    )
    .not_near(education!()),
    // A child out of school whom no one can find.
    ph(
        NotSafe,
        r"\b(?:nobody|no one|noone|no1) (?:knows|knew) where (?:he|she|they|my son|my daughter|the child) (?:is|was|are|were|lives|goes)\b",
    )
    // "where he is in his reading" is about learning.
    .not_after(r"^ (?:in|with|at|on|up to) (?:his|her|their|the) (?:reading|work|learning|maths|english|lessons?|books?|levels?|progress|plan|curriculum|phonics|spelling)\b"),
    // Forced marriage in Polish and Arabic: "zmuszają mnie do ślubu", "يجبرونني على الزواج".
    ph(
        Abuse,
        r"\bzmusza(?:ją|li|ł|ła)? (?:mnie|ją|go|moją córkę|mojego syna) do (?:ślubu|slubu|małżeństwa|malzenstwa|wyjścia za mąż|ożenku)\b|\bprzymusow\w+ (?:ślub\w*|slub\w*|małżeńs\w*|malzens\w*)|(?:يجبرونني|يجبرني|تجبرني|يجبرونها|يجبرها|اجبروني|اجبروها|اجبرني) (?:علي )?(?:الزواج|الزواج من|ان اتزوج|ان تتزوج)|زواج قسري|الزواج القسري",
    )
    .not_near(education!()),
    // Radicalisation: drawn to violence against people for who they are.
    ph(
        Exploitation,
        r"\b(?:radicali[sz](?:ed|ing|ation)|groomed by (?:extremists?|terrorists?|a terror\w*)|extremis[tm]s? (?:online |videos?|groups?|content|propaganda)|terrorist (?:videos?|propaganda|content|groups?))\b",
    )
    .not_near(education!()),
    ph(
        Exploitation,
        r"\b(?:videos?|posts|stuff|content|forums?|chats?|groups?) (?:about|of|on) (?:killing|attacking|hurting|bombing|shooting) (?:people|muslims|jews|immigrants|foreigners|gay people|black people|them|those people)\b",
    )
    .need_near(r"\b(?:join|joining|do it|do the same|says he will|says she will|wants to|like us|deserve|should die|hero|heroes|online|watches|watching|obsessed)\b"),
    // -------------------------------------------------------------- exploitation
    // County lines: "gave me money to hold a bag", "paid him to take a package".
    ph(
        Exploitation,
        r"\b(?:gave|give|gives|giving|offered|offers|offering|paid|pays|paying|promised) (?:me|him|her|us|my (?:son|daughter|brother|sister)) (?:money|cash|£\d+|\d+ quid|\d+ pounds|a phone|phones|trainers|new trainers|gifts?|weed|vapes?|free \w+) (?:to|for|if (?:i|he|she|we)) (?:hold|holding|carry|carrying|deliver|delivering|drop off|dropping off|move|moving|look after|looking after|hide|hiding|stash|stashing)\b",
    )
    // Family or school handing over dinner money to look after is everyday.
    .not_before(r"\b(?:mum|mom|mam|mummy|dad|daddy|nan|nanna|nanny|gran|granny|grandma|grandad|grandpa|auntie|aunty|uncle|teachers?|school|parents)\s*$"),
    ph(
        Exploitation,
        r"\b(?:county ?lines?|cuckoo(?:ed|ing)|trafficked|trafficking|sextortion|sexting|sexual(?:ly)? exploit\w*|cse|cce|child exploitation|criminal exploitation)\b",
    )
    .not_near(education!()),
    ph(Exploitation, r"\bnudes?\b|\b(?:naked|explicit|rude|dirty|intimate|sexy) %PIC%")
        .not_near(education!()),
    ph(
        Exploitation,
        r"\bgroom(?:ed|ing|s)? (?:me|him|her|them|us|my (?:son|daughter|child|kids?)|kids|children|young (?:people|girls|boys)|girls|boys)\b",
    )
    .not_near(education!()),
    ph(
        Exploitation,
        r"\b(?:being|been|was|were|is|are|got|get|gets|getting)(?: \w+)? groomed\b",
    )
    .not_before(r"\bwell $")
    .not_after(r"^ (?:and (?:dressed|washed|clean)|for (?:the|a) (?:show|wedding|party))\b")
    .not_in(r"\bwell groomed\b"),
    ph(
        Exploitation,
        r"\b(?:online|gang|sexual|child|internet) grooming\b",
    )
    .not_near(education!()),
    ph(
        Exploitation,
        r"\b(?:older|grown|adult) (?:boys|lads|men|man|guys?|kids|teens|teenagers|girls|people|friends|gang|group|ones)\b(?: \w+){0,5}? (?:make|makes|made|making|get|gets|got|force|forces|forced|pay|pays|paid|give|gives|gave|tell|tells|told|ask|asks|asked|buy|buys|bought|keep asking|keeps asking) (?:me|him|her|us|them)\b",
    ),
    ph(
        Exploitation,
        r"\b(?:carry|carrying|carried|carries|hold|holding|held|holds|sell|selling|sold|sells|deliver|delivering|delivered|delivers|move|moving|drop|dropping|dropped|run|running|deal|dealing|stash|stashing|hide|hiding|taking) (?:off )?(?:drugs|weed|coke|cocaine|crack|gear|packages|parcels|a package|a parcel|stuff for|things for|bags for|money for|phones for|knives|a knife|blades|a blade|weapons|a weapon)\b",
    )
    .not_near(r"\b(?:epilep\w*|emergency|medication|meds|epipen|inhaler|buccal|midazolam|prescri\w*|insulin|seizures?|asthma|diabet\w*|adhd|nurse|first aid|pharmacy|amazon|royal mail|paper round|job)\b"),
    // Something handed over to sell or keep for someone: "my friend gave me drugs to sell".
    ph(
        Exploitation,
        r"\b(?:gave|gives|give|giving|given|handed|hands|hand|passed|passes) (?:me|him|her|us|them|my (?:son|daughter|child|boy|girl)) (?:(?:some |a bag of |bags of |a load of |loads of )?(?:drugs|weed|coke|cocaine|crack|gear|knives|a knife|a weapon) to (?:sell|deal|carry|deliver|hold|hide|stash|keep|look after|drop off|move|take)|(?:packages|parcels|a package|a parcel|bags|a bag) to (?:deliver|drop off|hide|stash|sell)|(?:stuff|money|cash|a phone|phones) to (?:sell|deal|hide|stash))\b",
    )
    .not_near(r"\b(?:bake sale|cake sale|car boot|jumble|fundraising|fundraiser|charity|raffle|tombola|enterprise|business studies|school fair|summer fair|christmas fair|pta|dinner money|lunch money|pocket money|medication|meds|epipen|inhaler|his lunch|her lunch|homework)\b"),
    ph(
        Exploitation,
        r"\b(?:made|make|makes|forced|force|forces|told|tells|pressured|pressure|pays?|paid|using|uses|used|get|gets|got) (?:me|him|her|us) (?:to )?(?:steal|shoplift|nick|rob|sell|deal|carry|deliver|hold)\b",
    )
    .not_after(r"^ (?:his|her|my) (?:meds|medication|inhaler|epipen|bag)\b"),
    ph(
        Exploitation,
        r"\b(?:asked|asks|asking|keeps asking|kept asking|keep asking|wants|wanted|told|tells|pressured|pressuring|begged|begging|made|makes|forced|forcing|threatened|threatens|got|get|gets) (?:(?:me|him|her|my (?:son|daughter|child)) )?(?:to |for )?(?:send(?:ing)? )?(?:\w+ )?%PIC%",
    )
    .need_near(r"\b(?:online|snap|snapchat|instagram|insta|tiktok|discord|whatsapp|xbox|roblox|fortnite|game|gaming|man|guy|older|stranger|someone|somebody|men|adult|he met|i met|she met|boyfriend)\b"),
    ph(
        Exploitation,
        r"\bsen(?:t|d|ding) (?:\w+ ){0,2}%PIC%(?: of (?:my|him|her|them)sel(?:f|ves)| of me)? to (?:a |an |this |some |that |the )?(?:man|men|guy|boy|older|stranger|someone|somebody|person|people|him)\b",
    )
    .need_near(r"\b(?:online|snap|snapchat|instagram|insta|tiktok|discord|whatsapp|xbox|roblox|fortnite|game|met|older|stranger|share|post|threat\w*|man|guy)\b"),
    ph(
        Exploitation,
        r"\bthreat\w* to (?:share|send|post|leak|show|put up) (?:my|his|her|the|our|their)? ?(?:\w+ )?%PIC%",
    ),
    ph(
        Exploitation,
        r"\b(?:goes|go|went|going|gone|been going|keeps going|keep going) missing\b",
    )
    .need_before(r"\b(?:he|she|i|my son|my daughter|son|daughter|they|child|someone|my child|my boy|my girl)\b(?: \w+){0,2} ?$")
    .need_after(r"^ (?:for (?:days|hours|a day|a night|the night|\w+ days|\w+ nights|the weekend|a weekend)|overnight|at night|all night|again|regularly|a lot|every)\b"),
    ph(
        Exploitation,
        r"\b(?:comes?|came|coming) (?:home|back) with (?:new |expensive |lots of |loads of |a new |wads of |large amounts of |bags of )?(?:money|cash|trainers|phones?|clothes|gifts|presents|vapes|drugs|weed)\b",
    ),
    ph(
        Exploitation,
        r"\b(?:man|men|guy|stranger|someone|somebody|person|adult)(?: \w+){0,3}? (?:online|on (?:snap|snapchat|insta|instagram|tiktok|discord|roblox|xbox|fortnite|whatsapp|facebook|the internet|a game))\b",
    )
    .need_near(r"\b(?:asked|asks|wants|wanted|meet|meeting|pictures|pics|photos|secret|gifts|money|sent|send|groom\w*|talking to (?:me|him|her)|messag\w*)\b"),
    ph(
        Exploitation,
        r"\b(?:told|tells|tell|asked|asks|makes|made|wants|wanted|said|says|saying|keeps saying|messages|messaged|texts|texted)(?: me| him| her| my (?:son|daughter|child))? (?:to |i have to |i must |he has to |she has to |i need to )?(?:keep (?:it|this|things|them|everything|us) (?:a |our )?secrets?|not (?:to )?tell (?:anyone|anybody|mum|dad|my mum|my dad|my parents|his mum|her mum|his parents|her parents|me))\b",
    )
    .not_near(r"\b(?:surprise|present|party|birthday|christmas)\b")
    .not_after(r"^ from (?:the )?(?:other )?(?:children|kids|pupils|class|classmates|friends|his friends|her friends|the class|everyone at school)\b"),
    ph(
        Exploitation,
        r"\band (?:not to|to not|dont|never|mustnt|must not) tell (?:anyone|anybody|any1|mum|dad|my mum|my dad|my parents|his mum|her mum|his parents|her parents)\b",
    )
    .need_before(r"\b(?:uncle|man|men|guy|stranger|adult|teacher|coach|tutor|boyfriend|step ?dad|lodger|older (?:boys?|lads?|men|man|guys?|girls?)|online|messages?|messaging|messaged|texts?|texting|texted|snapchat|snaps|dms?)\b.{0,80}$")
    .not_near(r"\b(?:surprise|present|party|birthday|christmas)\b"),
    ph(
        Exploitation,
        r"\b(?:man|men|guy|stranger|adult|older (?:boys?|lads?|men|man|guys?|girls?|kids))\b(?: \w+){0,8}? (?:gives|gave|give|buys|bought|offers|offered|offering) (?:me|him|her|us|my (?:son|daughter|child)) (?:free )?(?:sweets|money|cash|vapes|cigarettes|fags|alcohol|drink|drinks|weed|drugs|lifts?|presents|gifts|a phone|phones|credit|trainers)\b",
    ),
    ph(
        Exploitation,
        r"\b(?:i|he|she|we) (?:\w+ )?(?:owe|owes|owed) (?:money|them|him|a debt|\d+)(?: \w+){0,3}? (?:to )?(?:some |these |the |older )?(?:lads|boys|men|guys|dealers?|gang|people|them)\b",
    ),
    ph(
        Exploitation,
        r"\b(?:gives|gave|give|pays|paid|pay|buys|bought|offers|offered) (?:me|him|her|us)(?: \w+){0,3}? if (?:i|he|she|we) (?:let|lets|do|does|send|sends|keep|keeps|go|goes|come|comes|sit|sits|kiss|kisses|touch|touches|take|takes)\b",
    ),
    // Asked for pictures by someone outside the family, or sent theirs and asked for "mine".
    ph(
        Exploitation,
        r"\b(?:asks?|asked|asking|keeps asking|kept asking|wants?|wanted|begs|begged|begging|pressur\w+|pushing|pushes|pushed|made|makes|tells|told)(?: me| him| her| my (?:son|daughter|child))? (?:for|to send|to share|to take|to show) (?:him |her |them )?(?:mine|my (?:own )?%PIC%|a (?:\w+ )?%PIC% of (?:me|myself|himself|herself)|%PIC% of (?:me|myself|himself|herself|my body))\b",
    )
    .need_near(r"\b(?:boy|boys|lad|lads|man|men|guy|stranger|someone|somebody|older|online|snap\w*|insta\w*|tiktok|discord|whatsapp|dms?|messag\w*|secret|dont tell|not to tell|body|bra|underwear|pants|bed|bedroom|naked|nude|nudes|sexy|rude)\b")
    .not_near(r"\b(?:nan|nana|nanny|gran|granny|grandma|grandad|grandpa|auntie|aunty|photographer|yearbook|school photos?|passport|id card|bus pass)\b"),
    ph(
        Exploitation,
        r"\b(?:take|takes|taking|took|taken) (?:\w+ )?(?:photos|pictures|pics|videos|vids) of (?:me|him|her)\b",
    )
    .need_near(r"\b(?:if i let|if he let|if she let|money|secret|naked|bed|dont tell|in exchange|undress\w*|bath|shower|changing|pays?|paid|gives|online|post|share)\b"),
    ph(
        Exploitation,
        r"\b(?:guy|man|boyfriend|bloke|lad|girlfriend)\b(?: \w+){0,3}? (?:1[89]|[2-5]\d)\b",
    )
    .need_near(r"\b(?:my boyfriend|my girlfriend|older boyfriend|older girlfriend|her boyfriend|his girlfriend|flat|stay over|stay at|meet|meeting|secret|relationship|dating|going out|picks (?:me|him|her) up)\b")
    .not_near(r"\b(?:years? (?:ago|old) (?:son|daughter|child))\b"),
    ph(
        Exploitation,
        r"\b(?:an |her |his |my |a much )?older (?:boyfriend|girlfriend)\b",
    ),
    ph(
        Exploitation,
        r"\bmy (?:boyfriend|girlfriend) (?:is|s) (?:1[89]|[2-5]\d)\b",
    ),
    // "my 14 year old daughter has a 22 year old boyfriend": an adult partner of a child.
    ph(
        Exploitation,
        r"\b(?:1[89]|[2-5]\d) ?(?:year old|yr old|yo|years old) (?:boyfriend|girlfriend|man|bloke|guy|lad)\b",
    )
    .need_near(r"\b(?:(?:[5-9]|1[0-7]) ?(?:year old|yr old|yo|years old)|my (?:daughter|son|child)|(?:she|he) (?:is|s) (?:[5-9]|1[0-7])\b|(?:im|i am) (?:[5-9]|1[0-7])\b)"),
    // "someone is taking advantage of my son online".
    ph(
        Exploitation,
        r"\b(?:tak(?:e|es|ing|en)|took) advantage of (?:me|him|her|my (?:son|daughter|child|boy|girl))\b",
    )
    .not_near(r"\b(?:offer|deal|sale|weather|opportunity|discount|free trial)\b"),
    ph(
        Exploitation,
        r"\b(?:getting|gets|got|get|goes|going|went) (?:into|in) (?:cars|a car|vans?|taxis?) with (?:men|a man|older|strangers?|people (?:she|he|i) (?:doesnt|dont|didnt) know|lads (?:she|he|i) (?:doesnt|dont|didnt) know)\b",
    ),
    ph(Exploitation, r"\b(?:work|working|worked) for them\b")
        .need_near(r"\b(?:owe\w*|debt|pay (?:it |them )?(?:off|back))\b"),
    ph(
        Exploitation,
        r"\b(?:pay|paying|work) off (?:the |my |a |his |her )?(?:money|debt)\b",
    )
    .need_near(r"\b(?:owe\w*|them|lads|boys|men|older|dealers?)\b"),
    ph(
        Exploitation,
        r"\bzmusza(?:ją|li|ł|ła)? (?:mnie|go|ją) do (?:noszenia|sprzedawania|sprzedaży|przewożenia|dostarczania|kradzieży|wysyłania zdjęć)\b",
    ),
    ph(Exploitation, r"(?:يجبرونني|يجبرني|يجبروني) (?:علي )?(?:بيع|نقل|حمل|توصيل)"),
    // Paid to carry something somewhere: county lines.
    ph(
        Exploitation,
        r"\b(?:paid|pays|pay|paying|gave (?:me|him|her) money|gives (?:me|him|her) money|get money|got money|given (?:money|cash)) (?:me |him |her |us )?(?:\w+ )?(?:to )?(?:take|takes|carry|drop off|deliver|bring|hold|move|run) (?:a |the |some |this )?(?:bags?|packages?|parcels?|phones?|stuff|things|drugs|gear|boxes|box)\b",
    )
    .need_near(r"\b(?:house|flat|town|city|train|stranger|strangers|man|men|older|another|different|secret|dont tell|cash|county lines|london|birmingham|bristol)\b")
    .not_near(r"\b(?:amazon|evri|hermes|dpd|royal mail|post office|paper round|newspapers?|job|shift|work experience|part time|saturday job|pocket money)\b"),
    // Papers held by someone else to keep a young person working or in place.
    ph(
        Exploitation,
        r"\b(?:took|take|takes|taken|taking|keep|keeps|kept|keeping|hold|holds|held|holding|have|has|had|got) (?:away )?(?:my|our|his|her|their) (?:passports?|id|id cards?|documents|papers|visas?|birth certificates?)\b",
    )
    .need_near(r"\b(?:cant (?:go|leave|get|escape)|cannot (?:go|leave|get|escape)|not allowed|wont (?:give|let)|will not (?:give|let)|refuse\w*|until (?:i|we|he|she) (?:pay|paid|work|finish)|owe|owes|debt|trapped|threaten\w*|make (?:me|us|him|her) work|work for (?:them|him|her) for nothing|no money)\b")
    .not_near(r"\b(?:renew\w*|expired|application|passport office|lost|stolen|photo|form|applying|applied|appointment|checked|check|copy|copies|scan\w*|safe|safely|locked away safely|for (?:the )?(?:trip|holiday))\b"),
    // Money, lifts or gifts from someone older, given for something back.
    ph(
        Exploitation,
        r"\b(?:someone|somebody|a (?:man|guy|lad|woman|boy|girl)|an? (?:older|adult) (?:\w+ )?(?:man|guy|lad|boy|girl|woman|person|people|friend|boyfriend)?|older (?:\w+ )?(?:boys?|lads?|men|guys|girls?|friends?|people|kids)|(?:these|some) (?:men|guys|lads)|adults?) (?:\w+ ){0,3}(?:gives?|gave|giving|buys?|bought|buying|pays?|paid|paying for) (?:me|him|her|us|my (?:\w+ )?(?:son|daughter|child|boy|girl|kids?)) (?:\w+ )?(?:money|cash|gifts?|presents?|phones?|a phone|trainers|drinks|alcohol|vodka|weed|drugs|vapes?|cigarettes|fags|lifts?|rides?|food|things|stuff)\b",
    )
    .need_near(r"\b(?:have to|has to|had to|got to|make (?:me|him|her|us)|makes (?:me|him|her|us)|made (?:me|him|her|us)|in return|owe|owes|owed|pay (?:it|them|him) back|do (?:things|stuff|favours|jobs|something) for|secret|dont tell|not to tell|wont let|send (?:pics|pictures|photos)|meet (?:up|him|them)|sleep|stay over|parties|party|bring (?:\w+ )?(?:friends|mates|other (?:girls|boys|kids)))\b"),
    // ------------------------------------------------------------------ bullying
    ph(Bullying, r"\bkys\b"),
    ph(Bullying, r"\b(?:kill|hang|unalive|neck) yourself\b"),
    ph(
        Bullying,
        r"\b(?:told|tell|tells|telling|said|says|saying|say|messaged|messages|messaging|texted|texts|posted|wrote|keep saying|keeps saying|keep telling|keeps telling) (?:me |him |her |to me |to him |to her )?(?:to |i should |he should |she should |that i should |that he should |i need to |i ought to )(?:go )?(?:and )?(?:just )?(?:kill (?:my|him|her)sel(?:f|ves)|kill yourself|kys|die|drop dead|hang (?:my|him|her|your)self|unalive (?:my|him|her|your)self|neck (?:my|him|her|your)self)\b",
    )
    .by_doer(),
    ph(
        Bullying,
        r"\b(?:threaten(?:s|ed|ing)?|threats?)(?: \w+){0,3}? (?:to )?(?:kill|stab|shoot|knife|hurt|beat|batter|jump|smash|rape|burn|punch|kick|attack|slash|glass|acid|set fire to|torch|knock (?:me|him|her) out|do (?:me|him|her) in|get (?:me|him|her)|break (?:my|his|her))\b",
    )
    .not_after(r"^ (?:his|her|my|the) (?:future|chances|placement|place)\b")
    .by_doer(),
    ph(
        Bullying,
        r"\b(?:neighbours?|neighbors?|people next door|man next door|woman next door|lads? (?:on|in) (?:the|our) (?:street|estate|road))(?: \w+){0,4}? (?:threaten(?:s|ed|ing)?|abus(?:e|es|ed|ing)|intimidat\w*|harass\w*) (?:me|us|him|her|my (?:son|daughter|child|kids))\b",
    )
    .not_near(r"\b(?:police|parking|park(?:ed|s)? (?:in|on|outside)|solicitor|court|complain\w*|fence|hedge|bins?|planning|boundary)\b"),
    ph(
        Bullying,
        r"\bthreaten(?:s|ed|ing)? (?:me|him|her|us|my son|my daughter) with (?:a |an )?(?:knife|gun|blade|machete|bat|weapon|scissors|compass|lighter|hammer)\b",
    )
    .by_doer(),
    ph(Bullying, r"\bdeath threats?\b"),
    ph(
        Bullying,
        r"\b(?:said|says|say|saying|told|tells|tell|telling|texted|messaged|posted|keep saying|keeps saying|shouted|wrote|threatening) (?:me |him |her |us )?(?:that )?(?:they|he|she|theyre|hes|shes|theyll|hell|shell|theyd|hed|shed|we|you|u|youre|ur|someone|people)? ?(?:will|ll|would|d|are going to|is going to|are gonna|is gonna|r gonna|gonna|going to|gunna|gona|want to|wanna|plan to|planning to|were going to|was going to)? ?(?:kill|stab|shoot|knife|murder|batter|beat up|beat|jump|smash|hurt|rape|burn|strangle) (?:me|him|her|us|mum|mom|mam|mummy|dad|daddy|my (?:son|daughter|child|boy|girl|mum|mom|dad|family|brother|sister|little \w+))\b",
    )
    .by_doer(),
    ph(
        Bullying,
        r"\b(?:theyre|theyll|they are|they will|they r|hes|hell|he is|he will|shes|shell|she is|she will|someone is|someone will|someones|people are|they re) (?:going to|gonna|gunna|gona|going 2|will|want to|wanna)? ?(?:kill|stab|shoot|knife|murder|batter|jump|rape) (?:me|him|her)\b",
    )
    .by_doer(),
    ph(
        Bullying,
        r"\bbeat(?:en|s|ing)? (?:me |him |her |us |my (?:son|daughter|child|boy|girl) )?up\b",
    )
    .by_doer(),
    ph(
        Bullying,
        r"\b(?:jump(?:ed|s|ing)?) (?:me|him|her|my (?:son|daughter|child|boy|girl))\b",
    )
    .not_after(r"^ (?:in the (?:queue|line)|on the trampoline)\b")
    .not_before(r"\b(?:dog|cat|horse|puppy)\b.{0,12}$")
    .by_doer(),
    ph(Bullying, r"\bgot jumped\b"),
    // A head smashed against something: done to a child, by whoever is named.
    ph(
        Bullying,
        r"\b(?:had|got|gets|has|have) (?:his|her|my|their) (?:head|face) (?:smashed|slammed|bashed|shoved|pushed|rammed|kicked|stamped on)\b|\b(?:his|her|my|their) (?:head|face) (?:was|got|gets|were) (?:smashed|slammed|bashed|shoved|rammed|stamped on)\b",
    )
    .not_near(r"\b(?:himself|herself|myself|accident\w*|fell|slipped|tripped)\b")
    .by_doer(),
    // Hit on the body by someone named before it: "the escort slaps his legs".
    ph(
        Abuse,
        r"\b(?:slap(?:s|ped|ping)?|smack(?:s|ed|ing)?|hit|hits|hitting|kick(?:s|ed|ing)?|punch(?:es|ed|ing)?|pinch(?:es|ed|ing)?|whack(?:s|ed|ing)?|thump(?:s|ed|ing)?) (?:his|her|their|my (?:\w+ )?(?:sons|daughters|childs|boys|girls)) (?:legs?|arms?|hands?|face|head|bum|bottom|back|tummy|stomach)\b",
    )
    .need_before(r"\b(?:%FAM%|teachers?|tas?|staff|senco|escorts?|(?:taxi |bus )?drivers?|support workers?|key ?workers?|carers?|head ?teacher|dinner lad(?:y|ies)|supervisors?|coach|man|woman|men|boys|girls|kids|lads|someone|somebody)\b")
    .not_near(r"\b(?:himself|herself|accident\w*|fell|slipped|tripped|ball|game|playing|physio\w*|massage|cream)\b")
    // "Dad hit his head on the cupboard": his own head, an accident.
    .not_after(r"^ (?:on|against|off) (?:the|a|an)\b")
    .by_doer(),
    ph(
        Bullying,
        r"\b(?:smash(?:es|ed|ing)?|slam(?:s|med|ming)?|bash(?:es|ed|ing)?|ram(?:s|med|ming)?|shov(?:e|es|ed|ing)|push(?:es|ed|ing)?) (?:his|her|my|their) (?:head|face) (?:into|against|on|onto|off) ",
    )
    .need_before(r"\b(?:%FAM%|teachers?|tas?|staff|escorts?|drivers?|carers?|boys|girls|kids|lads|someone|somebody|they|gang|year \d+s?)\b")
    .not_near(r"\b(?:himself|herself|myself|accident\w*|fell|slipped|tripped|game)\b")
    .by_doer(),
    // Pictures of a child undressed passed round, or a child made to strip.
    ph(
        SexualAbuse,
        r"\b(?:send(?:s|ing)?|sent|shar(?:e|es|ed|ing)|post(?:s|ed|ing)?|pass(?:es|ed|ing)?|spread(?:s|ing)?) (?:round |around )?(?:a |the |some )?(?:videos?|vids?|pics?|photos?|pictures?|images?) of (?:me|him|her|us|my \w+) (?:in the (?:changing rooms?|toilets?|showers?)|naked|nude|undressed|getting changed|changing|in (?:my|his|her) (?:underwear|pants|bra))\b",
    ),
    ph(
        SexualAbuse,
        r"\b(?:made|make|makes|making|forced|force|forces|forcing) (?:me|him|her|us|them) (?:to )?(?:strip|undress|get naked|take (?:off )?(?:my|his|her|their|all (?:my|his|her)) clothes(?: off)?|take (?:my|his|her) (?:pants|trousers|top) off)\b",
    )
    .not_near(r"\b(?:doctor|medical|nurse|x ?ray|hospital|scan|swimming|swim|pe|p e|changing for|bath|shower|wet|soaked|muddy)\b"),
    // "our games secret", "secret games": a child told to keep secrets with an adult.
    ph(SexualAbuse, r"\b(?:our|the|these|his|her) (?:special |little )?games? (?:a )?secret\b|\bsecret games?\b"),
    // A head pushed into a toilet or flushed: done to a child, by whoever is named.
    ph(
        Bullying,
        r"\b(?:push(?:es|ed|ing)?|shov(?:e|es|ed|ing)|stuck|stick|sticks|put|puts|held|hold|holds|dunk(?:s|ed|ing)?|flush(?:es|ed|ing)?) (?:his|her|my|their) heads? (?:down |in |into |under |inside )?(?:the |a )?(?:toilets?|loos?|bogs?)\b|\b(?:push(?:es|ed|ing)?|shov(?:e|es|ed|ing)|held|hold|holds|dunk(?:s|ed|ing)?) (?:his|her|my|their) heads? (?:down |under |into )(?:the |a )?(?:water|sink|bath)\b",
    )
    .by_doer(),
    // Pinned face down: a restraint that can kill.
    ph(
        Abuse,
        r"\b(?:pin(?:s|ned|ning)?|h(?:o|e)ld|holds|holding|restrain(?:s|ed|ing)?|sat on|sit on|sits on|knelt on|kneel on|kneels on) (?:him|her|me|them|us|my (?:\w+ )?(?:son|daughter|child|boy|girl)) (?:face ?down|down on (?:the|his|her) (?:floor|ground|front|stomach|tummy)|on (?:the|his|her) (?:floor|ground|front|stomach|tummy)|to the (?:floor|ground)|prone)\b",
    )
    .not_near(r"\b(?:nurse|doctor|hospital|blood|injection|jab|dentist|cast|x ?ray|scan|play\w*|game|wrestl\w*|rugby|judo|tickl\w*)\b"),
    ph(Abuse, r"\bprone restraint\b"),
    // Shut out of the family's meals: "doesn't let me eat with the family".
    ph(
        Abuse,
        r"\b(?:doesnt|dont|does not|do not|wont|will not|never|isnt|arent|not) (?:let|lets|allowed|allow) (?:me|us|him|her)? ?(?:to )?eat (?:with|at the table with) (?:the (?:rest of the )?family|them|everyone|us|the others|her (?:own )?kids|his (?:own )?kids)\b",
    ),
    ph(
        Neglect,
        r"\b(?:gives|give|gave|giving) (?:me|us|him|her) (?:less|smaller|different|worse|cheaper) (?:food|meals|portions|dinners?)\b",
    )
    .not_near(r"\b(?:diet\w*|dietitian|allerg\w*|sensory|tube|doctor|weight loss|portion control|nutritionist)\b"),
    // A child grabbed by the arm or the neck by someone named before it ("the driver
    // shouts at him and grabbed his arm"). "His arm" alone may be his own ("he twisted his
    // wrist"), so someone else must be named, and a hold that keeps a child safe is not this.
    ph(
        Abuse,
        r"\b(?:grab(?:s|bed|bing)?|yank(?:s|ed|ing)?|wrench(?:es|ed|ing)?|squeez(?:e|es|ed|ing)|drag(?:s|ged|ging)?|pull(?:s|ed|ing)?) (?:him|her|them|me|my (?:\w+ )?(?:son|daughter|child|boy|girl)) (?:\w+ )?by (?:the|his|her|their|my) (?:arms?|wrists?|neck|throat|collar|hair|hood|ears?|jumper|top)\b|\b(?:grab(?:s|bed|bing)?|yank(?:s|ed|ing)?|wrench(?:es|ed|ing)?|squeez(?:e|es|ed|ing)) (?:his|her|their|my (?:\w+ )?(?:sons|daughters|childs|boys|girls)) (?:arms?|wrists?|neck|throat|collar|ears?)\b",
    )
    .need_before(r"\b(?:%FAM%|teachers?|tas?|staff|senco|escort|(?:taxi |bus )?driver|support worker|key ?worker|carers?|head ?teacher|dinner lad(?:y|ies)|lunchtime (?:supervisor|staff|lady)|supervisor|coach|man|woman|men|boys?|girls?|kids?|lads?|someone|somebody|he|she|they)\b")
    .not_after(r"^ (?:\w+ ){0,3}(?:to stop|to save|to keep|to pull|so (?:he|she) (?:didnt|wouldnt)|before (?:he|she) (?:fell|ran)|as (?:he|she) (?:fell|slipped|tripped)|in time)\b")
    .not_near(r"\b(?:gently|road|traffic|car park|fell|falling|slipped|tripped|game|playing|dance|dancing)\b")
    .by_doer(),
    ph(
        NotSafe,
        r"\b(?:has|had|got|carries|carrying|keeps|kept|hides|hid|hiding) (?:a |his |her |their )?(?:knife|knives|blade|machete|gun)\b",
    )
    .need_near(r"\b(?:use it|stab\w*|kill|hurt|threat\w*|under (?:his|her|the) (?:bed|pillow|mattress)|in (?:his|her) (?:bag|room|pocket)|scared|frightened|afraid)\b")
    .not_near(r"\b(?:fork|cutlery|cooking|cook|chef|butter|dinner|lunch|kitchen|toy|nerf|water gun|lego|game|fortnite|minecraft)\b"),
    ph(
        Bullying,
        r"\b(?:pulled|pulls|brought|brings|had|has|carries|got) (?:out )?a (?:knife|blade|machete|gun) (?:on|at|out|in school|into school|to school)\b",
    ),
    ph(
        Bullying,
        r"\b(?:know|knows|knew) where (?:i|he|she|we|you|u) (?:live|lives)\b",
    )
    .by_doer(),
    ph(
        Bullying,
        r"\b(?:burn|torch|petrol bomb|firebomb|smash up|smash in) (?:my|our|his|her|your) (?:house|home|flat|car|windows)\b",
    )
    .need_near(r"\b(?:said|says|threat\w*|going to|gonna|will|would|told)\b")
    .by_doer(),
    // Polish and Arabic: asked for pictures by someone online or a stranger.
    ph(
        Exploitation,
        r"\b(?:prosi|prosił|prosiła|proszą|chce|chciał|chciała|każe|kazał|kazała) (?:mnie |mi |go |ją )?(?:o )?(?:moje |nagie |nagich |swoje )?(?:zdjęcia|zdjęcie|zdjęć|fotki|fotek|filmik\w*)\b",
    )
    // "internet", "w internecie": the stem changes as the word is declined. Photos for a
    // school trip's gallery are not.
    .not_near(r"\b(?:nauczyciel\w*|wycieczk\w*|galeri\w*|paszport\w*|legitymacj\w*|dokument\w*|szkoln\w*)\b")
    .need_near(r"\b(?:interne\w*|online|snap\w*|insta\w*|tiktok\w*|obcy|obca|chłopak|mężczyzna|facet|pan|starszy|starsza|nago|nagie|nagich|sekret\w*|nie mów\w*)\b"),
    ph(
        Exploitation,
        r"(?:يطلب|طلب|يريد|تطلب|طلبت|بدو|يبغي) (?:مني )?(?:صوري|صورتي|صور لي|صوره لي|صورا لي|صور عاريه)",
    )
    .need_near(r"(?:الانترنت|انترنت|اونلاين|رجل|غريب|سناب|انستغرام|انستا|تيك توك|عاري|عاريه|سر)"),
    // Round 8 (sets 7 and 8 folded in): what happens, said in everyday words.
    // Found far from where they should be, or gone without anyone noticing.
    ph(
        NotSafe,
        r"\b(?:was|were|been|got|is|are|be) found (?:\w+ ){0,2}(?:wandering|on (?:his|her|their) own (?:by|near|down|on|in)|alone (?:by|near|down|on|in)|(?:down )?by (?:the|a) (?:river|main road|road side|roadside|dual carriageway|a\d+|m5|motorway|railway|train line|canal|sea|quarry|cliffs?)|at [1-5] ?(?:am|in the morning))\b",
    )
    .not_near(r"\b(?:trip|outing|visit|with (?:her|his|the|their) (?:ta|teacher|class|staff|carer|group|dad|mum)|looking at|playing|fishing|paddling|ducks|feeding|picnic)\b"),
    ph(
        NotSafe,
        r"\b(?:nobody|no one|noone|no1) (?:had |has |even )?(?:noticed|realised|realized|knew) (?:he|she|they|my (?:\w+ )?(?:son|daughter|child)) (?:was|were|had) (?:gone|missing|left|not there)\b",
    ),
    // Told no one will believe them: what people who harm children say.
    ph(
        Abuse,
        r"\b(?:says|said|tells|told|telling|keeps saying) (?:me |him |her |us |my (?:\w+ )?(?:son|daughter|child) )?(?:that )?(?:no one|nobody|noone|no1) (?:will|would|wil|is going to|gonna) (?:ever )?believe (?:me|him|her|us|you|u|them)\b",
    ),
    // Money and a phone kept from someone, or where they go watched.
    ph(
        DomesticAbuse,
        r"\b(?:controls?|controlled|controlling|takes?|took|keeps?|kept|checks?|checked|goes through) (?:all )?(?:my|her|our|mums|my mums) (?:money|bank card|bank cards|cards|benefits|phone|wages)\b|\bchecks? where (?:i|she) (?:am|is|go|goes)\b|\b(?:ask|asks|asked|beg|begs|begged) (?:him|my (?:\w+ )?(?:dad|stepdad|partner|husband|boyfriend)|her (?:partner|husband|boyfriend)) for (?:money|cash) (?:for|to buy) (?:food|nappies|clothes|shopping|the shopping|electric\w*|gas|school)\b",
    )
    .need_near(r"\b(?:he|hes|ex|partner|husband|boyfriend|stepdad|step dad|dad|him)\b")
    .not_near(r"\b(?:appointee\w*|deputy|power of attorney|budget\w*|so (?:i|she) (?:doesnt|dont) (?:lose|spend)|safe ?keeping|for safe|i asked him to|she asked him to|screen ?time|for (?:a|the) (?:day|night|evening|weekend)|grounded|confiscat\w*|fair enough|gaming|bed ?time|homework)\b"),
    ph(
        Abuse,
        r"\b(?:staff|carers?|support workers?|night staff|they|manager) (?:\w+ ){0,2}(?:keep|keeps|kept|have|has|took|take|takes|hold|holds|spend|spends) (?:my|his|her|our) (?:bank card|bank cards|money|benefits|wages|pip|cash)\b",
    )
    .need_near(r"\b(?:never (?:get|got|see|saw)|dont (?:get|see)|doesnt (?:get|see)|wont (?:give|let)|not allowed|without asking|scared|change back|missing|disappear\w*|wont tell)\b"),
    // Locked in from outside.
    ph(
        Abuse,
        r"\block(?:s|ed|ing)? (?:my|his|her|our|their|the) (?:bedroom |room |flat |front )?doors? (?:\w+ )?(?:from the outside|from outside|on the outside|at night|every night|so (?:i|he|she|we) (?:cant|cannot|can not) (?:get )?out)\b",
    )
    .not_near(r"\b(?:fire|alarm|sensor|door sensor|keypad|alarmed|for (?:his|her) (?:own )?safety|absconds?|runs? off|escap\w*|absconding|wander\w*|ot|occupational|risk assessment)\b"),
    // Too scared to complain or tell, because of what they were told would happen.
    ph(
        NotSafe,
        r"\b(?:scared|afraid|frightened|terrified|too scared|daren?t|dare not|dont dare) (?:to )?(?:complain|tell|report|say anything|speak up|tell anyone|tell anybody)\b",
    )
    .need_near(r"\b(?:because (?:they|he|she|staff)|said|threaten\w*|will get|gonna get|get moved|get hurt|get in trouble|punish\w*|worse|take it out|get back at)\b")
    .not_near(r"\b(?:cant get an appointment|the council|the school will|the la|ehcp|tribunal|funding|waiting list|lose (?:our|my|his|her) place)\b"),
    // Someone trying the door at night.
    ph(
        NotSafe,
        r"\b(?:trying|tries|tried|rattl\w*|bang\w* on|banging|kicking|kicks|kicked|pounding on) (?:our|my|the|her|his) (?:door|door handle|front door|bedroom door|windows?)s? (?:\w+ ){0,3}(?:at night|every night|in the night|all night|at \d+ ?am)\b",
    )
    .need_near(r"\b(?:man|men|he|someone|somebody|neighbour|stranger|drunk|shouting|scared|terrified)\b"),
    // Nobody looks after a child's body: fed, washed, changed.
    ph(
        Neglect,
        r"\b(?:nobody|no one|noone|no1)(?: at home| in the house| here)? (?:ever )?(?:cooks|cooked|washes|washed|changes|changed|baths|bathes|bathed|feeds|fed|dresses|cleans) (?:or \w+ )?(?:me|us|him|her|them|my|his|her|our|anything|for (?:me|us|him|her|them))\b",
    )
    .not_near(r"\b(?:like (?:my|her|his|nan|mum|dad)|as (?:good|well) as|better than|the way (?:i|he|she) likes?|sensory|texture)\b"),
    ph(
        Neglect,
        r"\bleft (?:\w+ ){0,2}in (?:her|his|my|their|a) (?:wheel ?chair|chair|bed|cot|buggy|pushchair|car seat|highchair|high chair) (?:\w+ ){0,2}(?:all day|for hours|all night|all weekend|for days|all morning|all afternoon)\b",
    ),
    ph(
        Neglect,
        r"\b(?:wears?|wearing|wore|in|left in|sat in|kept in) (?:the same|a wet|a dirty|a soiled|one) (?:nappy|nappies|pad|pull ?up)s? (?:\w+ ){0,2}(?:all day|for hours|all night|for days|since)\b",
    ),
    ph(
        Neglect,
        r"\b(?:i|we|he|she|they|my (?:little )?(?:brother|sister)) (?:\w+ )?(?:dont|doesnt|didnt|never|do not|does not|did not) (?:get|have|got) (?:any |a )?(?:dinner|tea|supper|food|breakfast|fed|meals?|hot meal)\b",
    )
    .need_near(r"\b(?:home|mum|mom|dad|parents?|goes out|went out|out at night|nobody|no one|hungry|starving|weekends?|holidays|night|when (?:\w+ ){0,2}(?:out|drunk|asleep|away))\b")
    .not_near(r"\b(?:school (?:dinner|lunch|meal)s?|canteen|packed lunch|lunch ?time|dinner ?time at school|sensory|fussy|picky|allerg\w*|tube|peg|diet|dietitian|free school meals?|clubs?|break ?fast club|at school)\b"),
    ph(
        Neglect,
        r"\b(?:been|left|be|were|was|are|am|r) (?:on (?:our|my|his|her|their) own|alone|by (?:ourselves|ourself|myself|himself|herself|themselves)|home alone) (?:since|for) (?:\w+ )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last night|days|\d+ days|two days|three days|the (?:whole )?weekend|a week|ages)\b",
    )
    .need_near(r"\b(?:no food|nothing to eat|hungry|starving|mum|mom|dad|parents?|little (?:brother|sister)|baby|no (?:money|electric\w*|gas|heating))\b"),
    ph(Neglect, r"\b(?:no|nothing) (?:food|to eat) left\b"),
    // A child gone somewhere with men, or found with them at night.
    ph(
        Exploitation,
        r"\bin (?:a|the|their|his|some) (?:car|van|flat|house) with (?:\w+ ){0,2}(?:men|older (?:men|boys|lads|guys)|a man|an older man|strangers|guys|adults)\b",
    )
    .need_near(r"\b(?:found|she|he|my (?:\w+ )?(?:daughter|son)|\d+ ?am|night|didnt know|doesnt know|dont know|never met|older|picked (?:her|him) up)\b")
    .not_near(r"\b(?:taxi|escort|transport|driver|uncle|grandad|dad|family)\b"),
    // Hiding from someone at home, or rather sleeping outside than be in.
    ph(
        NotSafe,
        r"\b(?:rather|prefer to|prefers to|preferred to) (?:sleep|stay|be|live|go) (?:outside|out|on the streets?|in the (?:shed|garden|car|park|woods)|anywhere else|anywhere) (?:\w+ ){0,3}than (?:\w+ ){0,4}(?:home|house|with (?:him|her|them|my|his))\b",
    )
    .not_near(r"\b(?:camping|tent|den|stars|holiday|festival|sleepover)\b"),
    ph(
        NotSafe,
        r"\b(?:hides|hiding|hid|hide) (?:\w+ ){0,2}(?:in (?:the|her|his|my|our) (?:garden shed|shed|wardrobe|cupboard|car|garden|bathroom|loft|attic)|under (?:the|her|his|my) bed|upstairs)\b",
    )
    .need_near(r"\bwhen (?:\w+ ){0,3}(?:visits|visiting|is here|is home|comes (?:round|over|home)|is drunk|is drinking|gets angry|starts shouting|shouts|kicks off)\b|\bwhen (?:my |her |his |mums )?(?:uncle|brother|stepdad|step dad|dad|boyfriend|partner|ex|grandad|cousin|he|she) (?:\w+ )?(?:is|comes|visits|stays)\b")
    .not_near(r"\b(?:noise|loud|hoover|fireworks|thunder|visitors|people (?:come|visit)|new people|overwhelm\w*|sensory|hide and seek|game)\b"),
    ph(
        NotSafe,
        r"\b(?:anywhere|nowhere|no ?where|no place|somewhere|a place) safe (?:to|2) (?:sleep|stay|live|go)\b|\b(?:nowhere|no ?where|not anywhere|no place) (?:to|2) (?:sleep|live|stay) (?:tonight|at night|anymore|any more)\b",
    )
    .not_near(r"\b(?:for (?:him|her) to play|respite|short breaks?|play|sensory room|quiet space|calm)\b"),
    ph(
        NotSafe,
        r"\b(?:scared|afraid|frightened|terrified|petrified|scared stiff|too scared) (?:to be|of being|to stay|to go|to sleep) (?:at )?(?:home|in the house|in my house)\b|\b(?:scared|afraid|frightened|terrified|petrified) (?:\w+ ){0,4}when (?:my |her |his |our )?(?:%FAM%|he|she) (?:\w+ )?(?:is|gets|s|comes home) (?:drinking|drunk|angry|high|wasted|off (?:his|her) face|in a mood)\b",
    ),
    // Physical punishment.
    ph(
        Abuse,
        r"\b(?:get|gets|got|getting|given|give (?:me|him|her|us)|gives (?:me|him|her|us)|gave (?:me|him|her|us)) (?:the (?:belt|slipper|cane|strap|wooden spoon|back of (?:his|her|a) hand)|a (?:good )?hiding|a beating|a belting|the buckle)\b",
    ),
    // Hands round someone's throat.
    ph(
        DomesticAbuse,
        r"\b(?:hands?|fingers|arm) (?:round|around|on|over) (?:my mums|mums|my mothers|mothers|mum s) (?:neck|throat)\b",
    ),
    ph(
        Abuse,
        r"\b(?:hands?|fingers|arm) (?:round|around|on|over) (?:her|my|his) (?:neck|throat)\b",
    )
    .need_before(r"\b(?:%FAM%|he|him|ex|husband|staff|teacher|carer|man)\b")
    .not_near(r"\b(?:hug\w*|cuddl\w*|chewy|necklace|lanyard|scarf)\b")
    .by_doer(),
    // "I won't be around for the review": said by someone planning not to be.
    ph(
        Suicide,
        r"\b(?:i|ill|he|hell|she|shell) (?:\w+ )?(?:wont|will not|wont even|am not going to|im not going to|aint gonna|not gonna|wont still) be (?:around|here|alive) (?:for|by|at|to see|much longer|long|anyway|by then)\b",
    )
    .not_near(r"\b(?:holiday|away|abroad|work\w*|moving|move|hospital|operation|surgery|visit\w*|trip|camp|exams?|college|uni|university|residential|respite|retir\w*|leaving|job|role|post|contract|team|maternity|course|shift)\b"),
    ph(
        Suicide,
        r"\b(?:ive|i have|he has|hes|she has|shes) (?:got|saved|collected) (?:enough|plenty) (?:now|of them|tablets|pills|saved)\b",
    )
    .need_near(r"\b(?:tablets|pills|meds|paracetamol|painkillers|sorted|planned|plan|nobody will|no one will|not the councils fault|goodbye)\b"),
    // Threats to take the children.
    ph(
        DomesticAbuse,
        r"\b(?:threatened|threatens|threatening|threaten|says (?:he|she)(?: will|ll)|said (?:he|she)(?: would|d|ll| will)) (?:to )?(?:take|snatch|kidnap|run off with|take away) (?:the|my|our) (?:kids|children|son|daughter|boy|girl|baby|boys|girls)\b",
    )
    .not_near(r"\b(?:social (?:services|worker)s?|social care|the council|the la|into care|court)\b"),
    ph(
        NotSafe,
        r"\b(?:turned|turns|turning|keeps turning|showed|shows) up (?:\w+ )?(?:at|outside) (?:the school|school|our house|my house|the house|our home|the school gate|the gates?|my work|the flat)\b",
    )
    .need_near(r"\b(?:order|banned|not allowed|injunction|terrified|scared|frightened|threat\w*|police)\b")
    .not_near(r"\b(?:taxi|transport|driver|escort|bus)\b"),
    // A debt to a dealer worked off.
    ph(
        Exploitation,
        r"\b(?:owe|owes|owed|owing) (?:a |the |some |these |an older |older )?(?:dealers?|lads?|gang|boys?|men|man|guys?) (?:money|\d+|a lot|loads|cash)\b|\b(?:work|working|pay|paying) (?:it|the debt|that|this|what (?:i|he|she) owes?) off\b",
    )
    .need_near(r"\b(?:owe\w*|debt|dealers?|drugs|weed|gang|lads?|older)\b")
    .not_near(r"\b(?:student loan|bank|overdraft|council tax|rent|credit card|mortgage)\b"),
    // Someone pretending to be a child online.
    ph(
        Bullying,
        r"\b(?:fake|false|pretend) (?:account|profile|page|insta|instagram|snap|tiktok)s? (?:\w+ ){0,3}(?:pretending to be|as|of|in (?:my|his|her) name|using (?:my|his|her) (?:name|face|photos?|pictures?|pics))\b|\bpretending to be (?:me|him|her) (?:\w+ ){0,3}(?:online|account|profile|posting|posts|says?|said|sending|messag\w*)\b",
    ),
    // Grown-up videos shown to a child.
    ph(
        SexualAbuse,
        r"\b(?:rude|dirty|sexy|adult|porn\w*|grown ?up|naked|nude|x rated|18) (?:videos?|films?|movies?|pictures?|pics?|photos?|ones|things|clips?|stuff)\b",
    )
    .need_near(r"\b(?:show\w*|sent|sends|send|made (?:me|him|her) watch|makes (?:me|him|her) watch|not to tell|secret|dont tell)\b")
    .not_near(r"\b(?:lesson|pshe|rse|sex education|blocked|filter\w*|parental controls?|online safety|e ?safety)\b"),
    // An adult messaging a child privately, late or on personal apps.
    ph(
        Exploitation,
        r"\b(?:teacher|ta|coach|tutor|staff|man|adult|older (?:\w+)|youth worker|driver|escort|support worker|carer|stranger) (?:\w+ ){0,2}(?:messag\w*|texting|texts|texted|dms?|dming|dmd|snapchatting|snapping|chatting to|chats to|talking to|calls|calling|ringing) (?:my (?:\w+ )?(?:son|daughter|child|boy|girl)|me|him|her) (?:\w+ ){0,3}(?:late at night|at night|at \d+ ?(?:am|pm)|in the night|every night|on (?:insta\w*|snap\w*|tiktok|whatsapp|facebook|discord|his (?:own|personal) phone|her (?:own|personal) phone))\b",
    ),
    // Scratching or hitting themselves until it bleeds.
    ph(
        SelfHarm,
        r"\b(?:scratch\w*|pick\w*|pull\w*|bit|bites|biting|bang\w*|hit\w*|punch\w*|dig\w*) (?:at )?(?:her|his|my|their) (?:own )?(?:face|arms?|legs?|skin|wrists?|hands?|head|scalp) (?:\w+ ){0,3}(?:until|till|til|untill) (?:it|they|she|he|i) (?:bleeds?|bled|is raw|are raw|s raw|was raw|were raw|goes raw|go raw|break|breaks)\b",
    ),
    ph(
        SelfHarm,
        r"\b(?:says|said|thinks|thought|tells me|told me) (?:that )?(?:she|he|i) deserves? (?:it|the pain|to be hurt|to hurt|to suffer|to feel pain)\b",
    ),
    // Polish: someone who gives money and makes a child carry parcels.
    ph(
        Exploitation,
        r"\b(?:każe|kazał|kazała|każą|kazali|prosi|prosił) (?:mu |jej |mi |im )?(?:wozić|nosić|przewozić|zawozić|dostarczać|sprzedawać|zanosić|rozwozić) (?:\w+ ){0,2}(?:paczk\w*|torb\w*|narkotyk\w*|plecak\w*|towar\w*|pakunk\w*)\b",
    ),
    ph(
        Neglect,
        r"\b(?:nikt|mama|tata|matka|ojciec|nikt w domu) (?:\w+ ){0,2}nie (?:daje|dają|dawał|dawała) (?:mi|nam|mu|jej|im) (?:jeść|jedzenia|obiadu|kolacji|śniadania)\b",
    )
    // "nie daje mi jeść słodyczy przed obiadem": a rule about sweets.
    .not_after(r"^ (?:słodyczy|słodkości|chipsów|czekolady|cukierków|lodów|fast ?food\w*|przed|między|po|w (?:nocy|łóżku|pokoju))\b"),
    ph(
        Bullying,
        r"\bzamyka(?:ją|li|ł|ła)? (?:go|ją|mnie) w (?:toalecie|łazience|szafce|schowku|szatni|kiblu|klasie|magazynku)\b|\bwraca\w* ze szkoły (?:\w+ )?z (?:siniakami|siniakiem|ranami|podbitym okiem)\b",
    ),
    ph(
        DomesticAbuse,
        r"\b(?:mój|moj|mąż|maz|partner|były|byly|chłopak|konkubent)\b[^.!?]{0,80}?\b(?:bije|uderza|popycha|dusi|kopie) mnie\b",
    )
    .not_near(r"\b(?:syn|córka|corka|dziecko)\w* (?:\w+ ){0,3}(?:bije|uderza|kopie) mnie\b"),
    // Arabic: a husband who hits the writer; boys who hit a child at school; an older man
    // who gives a child money and has him carry bags; a mother who does not feed them.
    ph(DomesticAbuse, r"(?:زوجي|طليقي|خطيبي|زوج امي)(?: \S+){0,6} ?و?(?:ي)?ضرب(?:ني|نى)"),
    ph(
        Bullying,
        r"(?:الاولاد|الطلاب|التلاميذ|اولاد|طلاب|زملاو?ه|زملائه|زملاءه) (?:\S+ ){0,3}(?:ي)?ضربون(?:ه|ها|ني)",
    ),
    ph(
        Exploitation,
        r"(?:رجل|رجال|شخص|شباب|شاب)(?: \S+){0,3} (?:يعطي|يعطو|اعطى|اعطي)(?:ه|ها|هم|ني)? (?:\S+ )?(?:سجائر|مال|مالا|فلوس|نقود|مخدرات|هدايا)",
    ),
    ph(
        Exploitation,
        r"(?:يطلب|طلب|يجبر|اجبر) (?:منه|منها|مني|ه|ها)? ?(?:ان )?(?:ي|ت|ا)?(?:حمل|نقل|يوصل|توصيل) (?:اكياسا|اكياس|طرود|طردا|اغراض|حقائب|حقيبه|بضاعه)",
    ),
    ph(Neglect, r"(?:امي|ابي|اهلي|ماما|بابا|لا احد) (?:لا|ما) (?:ي|ت)طعم(?:نا|ني|ه|ها|هم)"),
    // Polish
    ph(Bullying, r"\b(?:grożą|grozi|grozili|groził|grożąc) (?:mi|mu|jej)\b").by_doer(),
    ph(Bullying, r"\bzabij(?:ą|e) (?:mnie|go|ją)\b|\b(?:mnie|go|ją) zabij(?:ą|e)\b")
        .not_before(r"\b(?:mama|mamusia|tata|tato|matka|ojciec|rodzice)\b.{0,15}$")
        .by_doer(),
    ph(
        Bullying,
        r"\b(?:grożą|grozi|grozili|groził|grożąc)(?: \w+)?,? (?:że|ze)\b",
    )
    .by_doer(),
    // Arabic
    ph(Bullying, r"(?:[يتسب])?هدد(?:ون|و)?ن?ني|بالقتل").by_doer(),
    ph(Bullying, r"(?:س|ح|ه)(?:ي|ت)قتل(?:و|ون)?ن?ني|(?:رح|راح) (?:ي|ت)قتل(?:و|ون)?ن?ني").by_doer(),
    // Round 9, from two sets written blind (sets 9 and 10).
    // Marks a worker would recognise: fresh wounds explained away, a sharpener's blade.
    ph(
        SelfHarm,
        r"\b(?:blades?|razors?) (?:\w+ ){0,3}(?:from|out of|taken out of|off|of) (?:a |an |his |her |my |the |their )?(?:pencil )?sharpeners?\b|\bsharpener blades?\b",
    ),
    ph(
        SelfHarm,
        r"\b(?:świeże|nowe|głębokie) (?:rany|nacięcia|skaleczenia|blizny|cięcia|zadrapania|ślady) na (?:udach|rękach|ręce|nadgarstkach|nadgarstku|przedramionach|przedramieniu|ramionach|nogach|brzuchu)\b|\b(?:przypala|przypaliła|przypalił|przypalam|przypalała|przypalał|parzy|pali) (?:sobie|się)\b",
    ),
    ph(
        SelfHarm,
        r"\b(?:pull\w*|tear\w*|tore|rip\w*|yank\w*) out (?:\w+ )?(?:clumps|chunks|handfuls|tufts|lumps|bits) of (?:her|his|my|their) (?:own )?hair\b|\b(?:hit\w*|punch\w*|slap\w*|bash\w*|beat\w*|scratch\w*|stab\w*) (?:her|his|my|their) own (?:face|arms?|legs?|body|skin|stomach|chest|thighs?) (?:with|until|till|til)\b",
    ),
    ph(
        Suicide,
        r"\b(?:hope|hopes|wish|wishes|pray|prays|praying|hoping|wishing) (?:that )?(?:i|he|she) (?:dont|doesnt|wont|never|do not|will not|would not|wouldnt|didnt) (?:ever )?wake (?:up|again)\b",
    ),
    // Harm to a child seen or heard by someone else.
    ph(
        Abuse,
        r"\b(?:finger ?(?:tip)?s? ?shaped|fingertip|finger ?mark|hand ?shaped|hand ?print|belt ?shaped|buckle ?shaped|grip) (?:bruis\w*|marks)\b|\bunexplained (?:injur\w*|bruis\w*|marks|burns)\b",
    ),
    ph(
        Abuse,
        r"\bflinch(?:es|ed|ing)?\b(?: \w+){0,4} (?:when|whenever|if|as soon as) (?:his |her |my |their |the )?(?:%FAM%|carer|teacher|staff|he|she|an adult|adults|a man|men) (?:\w+ ){0,2}(?:arrive\w*|comes?|came|walk\w*|rais\w*|mov\w*|shout\w*|near|in|home|back|goes|went|reach\w*|lift\w*)\b",
    ),
    ph(
        Abuse,
        r"\b(?:sounds?|sounded|heard|hear) like (?:a |someone |him |her )?(?:being )?(?:slap\w*|smack\w*|hit\w*|punch\w*|beat\w*|thrown|kicked)\b",
    )
    .need_near(r"\b(?:him|her|boy|girl|child|kid|baby|son|daughter|crying|cry|sobbing|screaming|scream)\b"),
    ph(
        Abuse,
        r"\b(?:scream\w*|shout\w*|yell\w*|tell\w*|tells|told|call\w*|says?|said) (?:at )?(?:him|her|me|them)?(?: that)? ?(?:he|she|i|they)? ?(?:is|are|am|s|was|were|m|re)? ?(?:a |an )?(?:useless|worthless|waste of (?:space|oxygen|air|skin)|mistake|burden|disgrace|freak|retard)\b",
    )
    .need_before(r"\b(?:%FAM%|carer|staff|teacher|he|she|they)\b")
    .not_near(r"\b(?:council|la|system|service|form|process|panel|meeting|report|plan|ehcp|website|app|i feel|feel like|makes? me feel|i am a burden|im a burden|worry|worried|myself|himself|herself)\b"),
    ph(
        Abuse,
        r"\bno ?(?:one|body|1) (?:else )?(?:would|will|could) (?:ever )?(?:want|love|have|put up with) (?:someone like )?(?:me|you|him|her|a \w+ like (?:me|you|him|her))\b",
    )
    .need_before(r"\b(?:says?|said|tells?|told|keeps saying|reminds?)\b"),
    ph(
        Abuse,
        r"\b(?:dont|doesnt|do not|does not|not|too \w+(?: and \w+)? to) deserve (?:it|food|to eat|dinner|tea|love|anything|a (?:bed|room|meal))\b",
    )
    .need_before(r"\b(?:says?|said|tells?|told|calls?|called)\b"),
    ph(
        Abuse,
        r"\blocks? (?:\w+ ){0,2}(?:food|fridge|cupboards?|kitchen) (?:away )?(?:in|from|so)\b|\blocks? (?:my|his|her|our|the) food\b",
    )
    .need_before(r"\b(?:carer|staff|support worker|%FAM%|he|she|they)\b")
    .not_before(r"\b(?:we|i|ive|weve) (?:\w+ ){0,3}$")
    .not_near(r"\b(?:prader|pws|pica|eats? everything|binge\w*|over ?eat\w*|diet\w*|sensory|for (?:his|her) (?:own )?safety|allerg\w*)\b"),
    ph(
        Abuse,
        r"\b(?:pull\w*|drag\w*|yank\w*|ciągnie|ciągnął|ciągnęła|szarpie|szarpał|szarpała) (?:go |ją |mnie |him |her |me )?(?:za|by (?:the|his|her|my)) (?:ucho|uszy|włosy|ear|ears|hair)\b",
    )
    .by_doer(),
    ph(
        Abuse,
        r"\bzamyka\w* (?:go |ją |mnie )?(?:samego |samą |sam |samej )?w (?:toalecie|łazience|szafce|schowku|szatni|klasie|magazynku|piwnicy|pokoju|komórce)\b",
    )
    .by_doer(),
    // Sexual abuse: touching under clothes, a secret "game", drawings.
    ph(
        SexualAbuse,
        r"\b(?:puts?|putting|stuck|sticks?|slid|slides?|sliding|reach\w*) (?:his|her|their|a) hands? (?:up|down|inside|in|under|into) (?:her|his|my) (?:skirt|dress|top|shirt|knickers|pants|trousers|shorts|jumper|bra|nightie|pyjamas|school skirt|clothes|underwear)\b",
    ),
    ph(
        SexualAbuse,
        r"\b(?:our|a|the|special|his|her) (?:special |little )?secret game\b|\bgame (?:\w+ ){0,3}(?:mustnt|must not|cant|not (?:allowed )?to|isnt allowed to|shouldnt|wont let (?:me|her|him)) tell\b|\bplay\w* (?:\w+ ){0,2}(?:the |a |our )?(?:bath|bed|bedtime|naked|nudie|touching|tickling|doctors?|grown ?ups?|undressing) game\b",
    )
    .not_near(r"\b(?:board game|video game|xbox|playstation|switch|fortnite|minecraft|roblox|console)\b"),
    ph(
        SexualAbuse,
        r"\b(?:drew|draws|drawing|drawn|pictures?) (?:\w+ ){0,3}(?:with no clothes|naked|without (?:any )?clothes|nude)\b|\bacting out sexual\b|\bsexual (?:things|stuff|play|behaviou?r) (?:\w+ ){0,6}(?:could not|couldnt|cant|shouldnt|should not) (?:have )?(?:learnt|learned|know|known)\b",
    )
    .not_near(r"\b(?:art class|life drawing|statue|museum|gallery|painting of)\b"),
    ph(SexualAbuse, r"(?:ان )?(?:ت|ي)خلع (?:\S+ )?(?:ملابس|ثياب)(?:ها|ه|ي)?|(?:ي|ت)صور(?:ها|ه|ني) (?:\S+ )?(?:عاري|عاريه|بدون ملابس)"),
    // Forced marriage, FGM and so-called honour.
    ph(
        Abuse,
        r"\b(?:to|going to|gonna|want (?:me|her|him) to|wants (?:me|her|him) to|will make (?:me|her|him)|have to|has to) (?:get )?marr(?:y|ied) (?:my|her|his|a|an|their|this|some) (?:\w+ ){0,2}(?:cousin|man|older man|uncle|stranger|someone|husband|wife|relative)\b",
    )
    .need_near(r"\b(?:no choice|said no|dont want|doesnt want|not want|passport|taking (?:me|her|him)|abroad|pakistan|bangladesh|india|afghanistan|somalia|iraq|yemen|syria|sudan|family (?:say|says|said|decided)|cry|crying|scared|forced|older|summer|holiday)\b"),
    ph(
        Abuse,
        r"\b(?:have|has|took|taken|kept|keeps|keep|hold|holds|holding|hid|hidden|hides) (?:my|her|his) passport\b",
    )
    .need_near(r"\b(?:no choice|said no|marry|married|wont give|cant leave|abroad|trapped|scared|work|not allowed)\b"),
    ph(Abuse, r"يزوج(?:ها|ني|ه)|(?:زواج|تزويج) (?:\S+ )?(?:قسري|بالقوه|بالاكراه)|يجبرون?(?:ها|ني|ه) على الزواج"),
    ph(
        Abuse,
        r"\b(?:party|ceremony|celebration|cutting) (?:\w+ ){0,3}(?:to become|to be made|becomes?|become) a (?:woman|lady)\b",
    )
    .need_near(r"\b(?:sudan|somalia|egypt|eritrea|ethiopia|gambia|guinea|mali|abroad|summer|cut|cutting|hurts|next|aunty|auntie|aunt|grandma|not allowed to cry|secret)\b"),
    ph(
        Abuse,
        r"\b(?:deal|dealt) with (?:me|her|him|you) (?:like|the way|as) (?:they|he|she) (?:did|dealt with)\b",
    ),
    // Neglect: the signs as a relative or neighbour sees them.
    ph(
        Neglect,
        r"\b(?:school (?:dinners?|lunch(?:es)?|meals?|breakfast)|breakfast club|free school meals?) (?:is|are|r|s|were|was) (?:the )?only (?:food|meal|thing (?:i|he|she|we) (?:gets?|eats?|had|has)|proper meal|hot meal)\b",
    ),
    ph(
        Neglect,
        r"\b(?:nothing|no food|never (?:any|anything)) in the (?:cupboards?|cupbords?|fridge|kitchen|house)\b",
    )
    .need_near(r"\b(?:home|mum|mom|dad|parents?|hungry|starving|eat|food|sleeps|asleep|drunk|out)\b"),
    ph(
        Neglect,
        r"\b(?:mum|mom|mam|dad|mother|father|parents?|she|he)s? (?:\w+ )?(?:sleeps?|asleep|in bed|stays? in bed) (?:\w+ ){0,2}(?:all day|most of the day|all the time|every day|all afternoon)\b",
    )
    .need_near(r"\b(?:no food|nothing (?:to eat|in)|hungry|starving|dirty|same clothes|alone|look after|looking after|batteries|appointments?|cupboards?|fridge|tablets ran out)\b"),
    ph(
        Neglect,
        r"\bhearing aids? (?:\w+ ){0,3}(?:no|not had|havent had|hasnt had|without|flat|dead) (?:any )?batter\w*(?: \w+){0,2} (?:for|in) (?:weeks|months|ages)\b|\b(?:in|wears?|wearing|turns? up in|turned up in|arrives? in|comes? in|came in) the same (?:dirty |smelly |wet |unwashed )?clothes (?:every time|all week|for days|for a week|every day|as last week|each time|every weekend|every visit)\b",
    )
    .not_near(r"\b(?:sensory|only (?:wear|wears|likes)|insists?|favourite|likes|wont wear|will only|refuses|uniform)\b"),
    ph(
        Neglect,
        r"\b(?:no ?(?:one|body|1)|nobody|mum|dad|mom|they|she|he) (?:\w+ )?(?:has|have|hasnt|havent|doesnt|dont|didnt|never) (?:\w+ )?(?:wash\w*|bath\w*|clean\w*|brush\w*|chang\w*) (?:my|his|her|our|the) (?:hair|teeth|clothes|sheets|bed|nappy|nappies|pads?)\b(?: \w+){0,3} (?:for|in) (?:days|weeks|months|ages|a week|a month|\w+ (?:days|weeks))\b",
    )
    .not_near(r"\b(?:sensory|wont let|refuses|hates|screams|meltdowns?|wont have)\b"),
    ph(
        Neglect,
        r"\b(?:never|dont|doesnt|wont|didnt|refuse to|refuses to|not) (?:take|took|takes|bring|brought) (?:him|her|me|them) to (?:\w+ )?(?:his|her|my|their|the|any) (?:appointments?|physio|dentist|doctors?|gp|hospital|check ?ups?|optician|audiology)\b|\b(?:bad|rotten|broken|abscess\w*|painful) tooth (?:\w+ ){0,2}for (?:weeks|months|ages)\b|\bmissed every (?:hospital |doctors |medical )?appointment\b",
    )
    .not_near(r"\b(?:taxi|transport|bus|council|school|cancelled|waiting list)\b"),
    ph(
        Neglect,
        r"\b(?:doesnt|dont|didnt|does not|do not) care (?:where|what happens to|if) (?:she|he|i|they|me|him|her) (?:goes|go|went|is|am|are|lives|dies|sleeps|comes home)\b",
    ),
    ph(
        Neglect,
        r"\bjest (?:ciągle |często |zawsze |bardzo )?głodn\w*|\b(?:matki|mamy|ojca|taty|rodziców|rodzicow) nie ma w domu (?:po |przez )?(?:kilka|parę|pare|całe|cały|całą|\d+) (?:dni|dnia|noce|nocy|tydzień|tygodnie)\b",
    )
    .need_near(r"\b(?:sam|sama|sami|nie ma|głodn\w*|chleb|jedzenia|nocy)\b"),
    // Violence between adults at home.
    ph(
        DomesticAbuse,
        r"\b(?:broke|broken|smashed|split|bust|busted|fractured) (?:my )?(?:mums|mummys|mommys|moms|mothers|mams|mum s|her) (?:nose|jaw|arm|ribs?|tooth|teeth|lip|cheekbone|wrist|finger|eye socket)\b",
    )
    .need_before(r"\b(?:dad|daddy|stepdad|step dad|father|he|boyfriend|partner|husband|ex)\b")
    .not_near(accident_before!()),
    ph(
        DomesticAbuse,
        r"\b(?:hands?|fingers) (?:round|around|on) my (?:neck|throat)\b",
    )
    .need_before(r"\b(?:husband|partner|boyfriend|ex|wife|girlfriend|fiance)\b"),
    ph(
        DomesticAbuse,
        r"\bpolice (?:\w+ ){0,3}(?:at ours|at our house|at the house|round|came|come|were called|was called|called) (?:\w+ ){0,8}(?:fight\w*|argu\w*|row\w*|screaming|shouting|domestic|hitting)\b",
    ),
    // Not safe: barricades, a weapon at home, begging not to go back, a child out at night.
    ph(
        NotSafe,
        r"\b(?:chair|wardrobe|drawers|chest of drawers|bed|table|desk|bookcase) (?:against|under|in front of|behind) (?:my|the|her|his) (?:bedroom )?door\b|\b(?:barricad\w*|wedg\w*|block\w*) (?:my|her|his) (?:bedroom )?door\b",
    )
    .not_near(r"\b(?:so (?:he|she) (?:cant|doesnt|wont)|get out|escape|wander\w*|abscond\w*|keep (?:him|her) in|stop (?:him|her)|draught|noise|cat|dog)\b"),
    ph(
        NotSafe,
        r"\b(?:he|she|they|man|stepdad|step dad|boyfriend|dad|uncle|brother) (?:has|have|keeps|carries|got|has got|had) (?:a )?(?:knife|knives|gun|machete|blade|weapon)\b",
    )
    .need_near(r"\b(?:home|house|sofa|shouts?|shouting|scared|threat\w*|drunk|angry)\b")
    .not_near(r"\b(?:kitchen|cooking|chef|butter|cutlery|lego|toy|play|game|fortnite|nerf|police)\b"),
    ph(
        NotSafe,
        r"\b(?:dont|do not|never) feel (?:ok|okay|right|comfortable) (?:at|in) (?:my|our|the) (?:house|home|flat)\b|\bdont feel (?:ok|okay|right) at home\b",
    ),
    ph(
        NotSafe,
        r"\b(?:begs?|begged|begging|pleads?|pleaded|pleading) (?:\w+ ){0,2}not to (?:send|take|make) (?:him|her|me|them) (?:back|there|home|go back)\b",
    ),
    ph(
        NotSafe,
        r"\b(?:sleeping|sleeps|slept|sleep) (?:rough|in the park|in parks|on the streets?|in doorways|on benches|in the woods|in a bus shelter)\b|\b(?:running|runs|ran) (?:off|away) (?:most|every|some|at) nights?\b",
    )
    .not_near(r"\b(?:camping|tent|scouts?|festival|dofe|duke of edinburgh|stars|homeless charity|volunteer\w*)\b"),
    ph(
        NotSafe,
        r"\b(?:walk\w*|wander\w*|out|found) (?:\w+ ){0,2}(?:on|along|by) (?:the )?(?:dual carriageway|motorway|a38|a30|a361|railway|train tracks|railway line|main road) (?:\w+ ){0,2}(?:at night|in the night|at \d+ ?am|alone|on (?:his|her) own)\b|\b(?:he|she|they|my (?:son|daughter|child)) (?:will|is going to|ll) (?:be|get) killed\b",
    ),
    // Exploitation: cuckooing, money and cards taken, gifts and phones, missing nights.
    ph(
        Exploitation,
        r"\b(?:new )?(?:friends?|mates|people|men|lads|guys) (?:\w+ ){0,2}(?:live|living|stay|staying|moved|sleeping|sleep|using) (?:in|into) (?:my|his|her|our) (?:flat|house|home|place)\b|\bpeople (?:knock\w*|coming|come|calling|call round|come round|at the door) (?:\w+ ){0,2}(?:all night|at all hours|through the night|day and night|every night)\b|\b(?:scared|afraid|frightened|too scared) to say no\b",
    ),
    ph(
        Exploitation,
        r"\b(?:take|takes|took|taken|have|has|keep|keeps|kept|use|uses|used) (?:all )?(?:my|his|her) (?:\w+ )?(?:bank cards?|cards? and (?:my|his|her) (?:money|pin)|pin|benefits|pip|dla|wages|pip money)\b",
    )
    .need_near(r"\b(?:scared|wont give|dont let|wont let|back|without asking|say no|grateful|no choice|flat|sell|all of|owe|threat\w*|no one else|nobody else|boyfriend|girlfriend|friends?|mates)\b")
    .not_near(r"\b(?:appointee|deputy|deputyship|manages?|managing|budget\w*|save|saving)\b"),
    ph(
        Exploitation,
        r"\b(?:two|2|three|3|several|extra|burner|second) (?:new )?(?:mobile )?phones\b|\bpicked up by (?:\w+ )?(?:older|grown) (?:lads|boys|men|guys|friends)\b|\b(?:gone|went|goes|going|has been) missing (?:\w+ ){0,2}(?:nights?|days|times|weekends?)\b",
    )
    .need_near(r"\b(?:trainers|cash|money|older|missing|lads|car|disappear\w*|plymouth|exeter|london|bristol|picked up|gifts|clothes|police|wont say)\b"),
    ph(
        Exploitation,
        r"\b(?:people|they|them|\w+s) (?:should|need to|ought to|deserve to) (?:all )?(?:be )?(?:wiped out|exterminated|eradicated|gassed|killed off|wiped off)\b|\b(?:asked|asks|told|tells|wants?|want) (?:him|her|me|them) to prove (?:himself|herself|myself|themselves|yourself)\b",
    ),
    // Severe bullying: set alight, shared pictures, a group chat against a child.
    ph(
        Bullying,
        r"\b(?:set fire to|set alight|set light to|burnt|burned|lit) (?:my|his|her) (?:hair|clothes|coat|bag|jumper|blazer|shoes)\b",
    )
    .by_doer(),
    ph(
        Bullying,
        r"\b(?:group chat|groupchat|gc|page|account|server) (?:about|to mock|to laugh at|making fun of|to make fun of) (?:me|him|her|my (?:son|daughter|child))\b|\b(?:send|sends|sent|post|posts|posted|share|shares|shared|spread\w*) (?:\w+ )?(?:pics?|pictures?|photos?|videos?|vids?) of (?:me|him|her|my (?:son|daughter|child|boy|girl)) (?:\w+ ){0,6}(?:saying|calling|laugh\w*|mock\w*|freak|ugly|fat|retard\w*|spaz\w*)\b",
    ),
    // Round 10, from the blind set 11.
    ph(
        Abuse,
        r"\bif (?:i|he|she|we) (?:tell|told|say|said|show|showed) (?:\w+ ){0,4}(?:about )?(?:the |my |his |her )?(?:marks|bruises|cuts|burns|belt|what (?:happened|he did|she did|happens|goes on))\b|\b(?:marks|bruises|welts|burns) on (?:my|his|her) (?:back|legs|arms|bum|bottom|neck|tummy|chest|body)\b",
    )
    .need_near(r"\b(?:tell|told|teachers?|secret|not allowed|wont be allowed|dont say|hide|cover|says|said|mum|mom|dad|stepdad|step dad|he|she)\b")
    .not_near(r"\b(?:eczema|rash|birthmark|fell|fall|football|rugby|trampoline|bike|scooter|climbing|pe)\b"),
    ph(
        NotSafe,
        r"\bi (?:dont|do not|hate|never) (?:like|want|wanna) (?:going|to go|go) home\b",
    )
    .need_near(r"\b(?:drink\w*|drunk|cans|mates|shout\w*|scared|afraid|hit\w*|hurt\w*|stay in my room|hide|hiding|when (?:he|she|they|dad|mum|my \w+|his|her))\b")
    .not_near(r"\b(?:bus|taxi|transport|noise|noisy|traffic|miss my friends|more fun|boring)\b"),
    ph(
        Exploitation,
        r"\b(?:a |an )?(?:lad|man|guy|bloke|boy|fella) in (?:his|their) (?:twenties|20s|thirties|30s|forties|40s)\b|\b(?:twenty|thirty|forty) (?:something|odd) (?:year old )?(?:lad|man|guy|bloke|boyfriend)\b",
    )
    .need_near(r"\b(?:picked up|picks (?:her|him) up|pick (?:her|him) up|bought|buys|phone|gifts?|presents?|secretive|2 ?am|3 ?am|late|car|daughter|son|1[0-7]|thirteen|fourteen|fifteen|sixteen|boyfriend|girlfriend)\b"),
    ph(
        Neglect,
        r"\b(?:not allowed|isnt allowed|is not allowed|arent allowed|wasnt allowed) (?:to )?(?:eat|have (?:any )?(?:food|dinner|tea|breakfast|lunch))\b|\bwont let (?:me|him|her|them) (?:eat|have (?:any )?(?:food|dinner|tea|breakfast))\b",
    )
    .not_near(r"\b(?:diet\w*|allerg\w*|before (?:swimming|the operation|surgery|theatre|the test|the scan)|nil by mouth|fasting|ramadan|sensory|tube|peg|in class|in lessons|on the bus|in the car|sweets|crisps|snacks|chocolate|between meals|at school|in school|lunch ?time|until lunch|till lunch|break ?time)\b"),
    ph(
        SexualAbuse,
        r"\b(?:przychodzi|przychodził|wchodzi|wchodził|przychodzą|zakrada się) (?:w nocy |nocą |wieczorem )?do (?:mojego|mojej|jej|jego) (?:pokoju|łóżka|sypialni)\b",
    )
    .need_near(r"\b(?:sekret\w*|tajemnic\w*|w nocy|nocą|nie mów\w*|dotyka\w*|boję|boje|pogniewa)\b"),
    ph(
        Exploitation,
        r"\b(?:płaci|płacił|płacą|daje pieniądze) (?:mu|jej|mi|im) za (?:zawożenie|wożenie|przewożenie|noszenie|dostarczanie|rozwożenie|zanoszenie) (?:\w+ )?(?:paczek|paczki|paczkę|torb\w*|plecak\w*|towaru)\b",
    ),
    ph(
        Neglect,
        r"\b(?:w lodówce|w domu|w szafkach|w szafce) (?:znowu |ciągle )?(?:nic nie ma|nie ma (?:nic|jedzenia|co jeść))\b|\b(?:mama|tata|matka|ojciec|rodzice) (?:znowu |często |ciągle |znów )?nie (?:wróciła|wrócił|wrócili|wraca|wracają) (?:na noc|do domu na noc)\b",
    ),
    ph(Abuse, r"(?:ا|أ|لا|لأ|س|سا|سأ)?تزوج (?:ابن|بنت) (?:عمي|خالي|عمتي|خالتي)|(?:ي|ت)زوجون(?:ني|ها|ه)"),
    ph(
        Abuse,
        r"\b(?:i|we) (?:\w+ )?(?:lock|locked) (?:him|her|them) in (?:his|her|their|the) (?:room|bedroom)\b",
    )
    .need_near(r"\b(?:screaming|crying|scream|cry|till morning|until morning|all night|for hours|cant (?:cope|do it)|not coping|leave (?:him|her|them))\b")
    .not_near(r"\b(?:wander\w*|abscond\w*|escape|safety|for (?:his|her) own safety|stair ?gate|alarm|door sensor)\b"),
    ph(
        SexualAbuse,
        r"\b(?:comes?|came|coming|walks?|walked|walking) in (?:\w+ ){0,2}when (?:im|i am|i m|she is|shes|he is|hes) (?:in the |having a |having her |having his )?(?:shower|bath|showering|bathing|getting (?:changed|dressed)|changing|undress\w*|on the toilet)\b|\b(?:stays|stayed|stands|stood) and watch(?:es|ed)\b|\bwatch(?:es|ed|ing)? me (?:in the shower|shower|in the bath|get (?:changed|dressed|undressed)|undress\w*)\b",
    )
    .need_near(r"\b(?:watch\w*|stays|stayed|touch\w*|secret|wont leave|doesnt leave|dont like|stepdad|step dad|uncle|dad|he|man|normal)\b")
    .not_near(r"\b(?:personal care|carer helps|pa helps|helps me wash|needs help (?:to|with) (?:wash|shower)|hoist)\b"),
    ph(
        Suicide,
        r"\bhow many (?:paracetamol|tablets|pills|ibuprofen|aspirin|sleeping pills|meds|of my (?:tablets|pills|meds)) (?:\w+ ){0,5}(?:too many|kill|overdose|od|die|fatal|enough)\b",
    ),
    ph(
        DomesticAbuse,
        r"\b(?:shouts?|screams?|yells?|swears?) at (?:mummy|mum|mom|mam|my mum|my mom|mother)\b",
    )
    .need_near(r"\b(?:throws?|threw|smash\w*|hit\w*|push\w*|scared|drunk|cans|drink\w*|stairs|hurt\w*|police)\b"),
    ph(
        NotSafe,
        r"\bscared (?:of|when) (?:my |our )?(?:%FAM%|he|she) (?:\w+ ){0,3}(?:on the (?:cans|booze|drink|beer|lash)|been drinking|has been drinking|had a drink|drinks)\b",
    ),
    ph(
        Exploitation,
        r"\b(?:takes?|took|taking|keeps?|kept) (?:all )?my (?:money|benefits|pip|wages|pay|cash)\b|\b(?:do|doing|did) favours for (?:him|her|them|his (?:mates|friends)|their (?:mates|friends))\b",
    )
    .need_near(r"\b(?:friend|freind|frend|mate|mates|favours|looking after it|every (?:week|tuesday|monday|wednesday|thursday|friday)|bus|new friends?)\b"),
    ph(
        Exploitation,
        r"\b(?:wants?|asked|asks|keeps asking|kept asking|told) (?:me|him|her) to send (?:him |her |them )?(?:\w+ )?%PIC%\b",
    )
    .need_near(r"\b(?:not tell|dont tell|secret|another app|snap\w*|online|roblox|fortnite|discord|minecraft|met|older|man|mans|says hes|says shes)\b"),
    ph(
        NotSafe,
        r"\b(?:doesnt|does not|dont|do not|wont|refuses to|refused to|begs not to) (?:want to |wanna )?go (?:to|back to) (?:her|his|my|their) (?:dads|mums|fathers|mothers|uncles|nans|grandads|stepdads|aunties)\b",
    )
    .need_near(r"\b(?:wets|wetting|wet the bed|scared|cries|crying|nightmares|wont say why|clingy|screams|hides|hiding|shaking)\b"),
    ph(
        Exploitation,
        r"\b(?:blowing up|blow up|bombing|bomb|attacking|attack|burning|burn down) (?:mosques|churches|synagogues|temples|gurdwaras|a mosque|a church|a synagogue)\b|\b(?:teachers|police|muslims|jews|immigrants|foreigners|they) are the enemy\b",
    ),
    ph(
        Abuse,
        r"\b(?:lucky|only) (?:he|she) (?:only )?(?:uses?|used|hits? (?:me )?with) (?:his|her) (?:hand|hands|fist)\b|\bnot the belt\b",
    ),
    ph(
        Suicide,
        r"\b(?:list|lists|note|notes|plan|plans) (?:of )?(?:ways|methods|how) to (?:do it|end it|die|kill myself|go)\b",
    ),
    ph(
        Abuse,
        r"\b(?:cigarette|cig|fag) burns?\b|\bburns? (?:\w+ ){0,8}(?:looked|look|looks|looking) like (?:a |it was from a )?(?:cigarette|cig|fag)\b|\b(?:round|circular|small round) burns?\b",
    )
    .not_near(r"\b(?:carpet|sofa|furniture|car seat)\b"),
    ph(
        Abuse,
        r"\bto (?:get|be|have) (?:her |me |them |my (?:little )?(?:sister|daughter) )?cut\b",
    )
    .need_near(r"\b(?:taking|take|took|back home|abroad|summer|aunt\w*|like they did|ceremony|sister|daughter|girl|grandma|nan)\b")
    .not_near(r"\b(?:hair\w*|fringe|nails|barber|hairdress\w*|toenails|grass|lawn|budget|funding|hours|services?|transport)\b"),
];

struct Compiled {
    phrase: Phrase,
    re: Regex,
    not_before: Option<Regex>,
    need_before: Option<Regex>,
    not_after: Option<Regex>,
    need_after: Option<Regex>,
    not_near: Option<Regex>,
    need_near: Option<Regex>,
    not_in: Option<Regex>,
}

struct Table {
    phrases: Vec<Compiled>,
    /// Every literal that some phrase's match starts with (see [`prefixes`]).
    starts: AhoCorasick,
    /// For each literal in `starts`, the phrases (indexes into `phrases`) it can start.
    starts_of: Vec<Vec<usize>>,
    /// Phrases with no such literals, which run on every text.
    always: Vec<bool>,
}

fn optional(p: &str) -> Option<Regex> {
    (!p.is_empty()).then(|| re(p))
}

/// The most prefix literals (case variants included) extracted for one pattern.
/// Past it the extractor shortens them or gives up (an infinite sequence: the
/// phrase always runs). Every phrase today fits within it; 250 left 15 without.
const MAX_PREFIXES: usize = 1000;

/// Literals, ASCII lower-cased, one of which every match of `pattern` starts with;
/// `None` when there is no such list (a pattern can start with `\w`, say).
///
/// They come from the syntax tree the regex itself compiles (same parser, same
/// case folding: "k" brings "K" and the Kelvin sign), so no match can start
/// anywhere else. The extractor reads a look-around such as `\b` as the
/// empty string: being zero-width it never moves a match's start, so a literal
/// found past it still begins the match. Only ASCII case is dropped, as the
/// automaton ignores it.
fn prefixes(pattern: &str) -> Option<BTreeSet<Vec<u8>>> {
    let hir = ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(&expand(pattern))
        .unwrap_or_else(|e| panic!("safeguarding pattern is valid: {pattern}: {e}"));
    let seq = Extractor::new()
        .kind(ExtractKind::Prefix)
        .limit_total(MAX_PREFIXES)
        .extract(&hir);
    let literals: BTreeSet<Vec<u8>> = seq
        .literals()?
        .iter()
        .map(|l| l.as_bytes().to_ascii_lowercase())
        .collect();
    // An empty literal: a match can start anywhere.
    (!literals.iter().any(Vec::is_empty)).then_some(literals)
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let phrases: Vec<Compiled> = PHRASES
        .iter()
        .map(|p| Compiled {
            phrase: *p,
            re: re(p.pattern),
            not_before: optional(p.not_before),
            need_before: optional(p.need_before),
            not_after: optional(p.not_after),
            need_after: optional(p.need_after),
            not_near: optional(p.not_near),
            need_near: optional(p.need_near),
            not_in: optional(p.not_in),
        })
        .collect();
    let mut owners: BTreeMap<Vec<u8>, Vec<usize>> = BTreeMap::new();
    let mut always = vec![false; PHRASES.len()];
    for (i, p) in PHRASES.iter().enumerate() {
        match prefixes(p.pattern) {
            Some(literals) => {
                for l in literals {
                    owners.entry(l).or_default().push(i);
                }
            }
            None => always[i] = true,
        }
    }
    let starts = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(owners.keys())
        .expect("phrase prefixes make an automaton");
    Table {
        phrases,
        starts,
        starts_of: owners.into_values().collect(),
        always,
    }
});

const BEFORE: usize = 120;
const AFTER: usize = 120;

fn check(r: &Option<Regex>, text: &str, want: bool) -> bool {
    match r {
        Some(r) => r.is_match(text) == want,
        None => true,
    }
}

pub(super) fn find(text: &str, found: &mut BTreeSet<Category>) {
    let table = &*TABLE;
    // A phrase can match only where one of its prefixes occurs. One pass of the
    // automaton leaves the few phrases that could match to run instead of ~250: on
    // a short text each regex search costs far more in set-up than in scanning.
    let mut candidate = table.always.clone();
    for m in table.starts.find_overlapping_iter(text) {
        for &i in &table.starts_of[m.pattern().as_usize()] {
            candidate[i] = true;
        }
    }
    for (c, _) in table.phrases.iter().zip(candidate).filter(|&(_, run)| run) {
        find_phrase(c, text, found);
    }
}

/// [`find`] without the prefilter: every phrase runs.
#[cfg(test)]
pub(super) fn find_unfiltered(text: &str, found: &mut BTreeSet<Category>) {
    for c in &TABLE.phrases {
        find_phrase(c, text, found);
    }
}

/// One phrase: its category, at the first match that passes its checks.
fn find_phrase(c: &Compiled, text: &str, found: &mut BTreeSet<Category>) {
    for m in c.re.find_iter(text) {
        let before = clause_before(text, m.start(), BEFORE);
        let after = clause_after(text, m.end(), AFTER);
        let near = &text[m.start() - before.len()..m.end() + after.len()];
        let ok = check(&c.not_before, before, false)
            && check(&c.need_before, before, true)
            && check(&c.not_after, after, false)
            && check(&c.need_after, after, true)
            && check(&c.not_near, near, false)
            && check(&c.need_near, near, true)
            && check(&c.not_in, m.as_str(), false);
        if !ok {
            continue;
        }
        let category = if c.phrase.by_doer {
            match doer_in(near) {
                Doer::Adult => Abuse,
                Doer::Peers => Bullying,
                Doer::Unknown => c.phrase.category,
            }
        } else {
            c.phrase.category
        };
        found.insert(category);
        break;
    }
}

#[cfg(test)]
pub(super) fn phrase_count() -> usize {
    TABLE.phrases.len()
}

/// Phrases with no prefix literals (always run), and the literals in all.
#[cfg(test)]
pub(super) fn prefilter_counts() -> (usize, usize) {
    let always = TABLE.always.iter().filter(|&&a| a).count();
    (always, TABLE.starts_of.len())
}
