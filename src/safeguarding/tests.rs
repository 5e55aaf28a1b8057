use super::*;

/// The categories found, by id, or "none".
fn ids(text: &str) -> String {
    match assess(text) {
        Some(c) => c
            .categories
            .iter()
            .map(|c| c.id())
            .collect::<Vec<_>>()
            .join("+"),
        None => "none".to_owned(),
    }
}

/// Every text is flagged with `category` (perhaps among others).
fn flagged(category: Category, texts: &[&str]) {
    for text in texts {
        let got = assess(text);
        assert!(
            got.as_ref().is_some_and(|c| c.contains(category)),
            "{text:?}: expected {category}, got {}",
            ids(text)
        );
    }
}

/// No text is flagged at all.
fn clear(texts: &[&str]) {
    for text in texts {
        assert!(assess(text).is_none(), "{text:?}: flagged {}", ids(text));
    }
}

#[test]
fn safeguarding_ids_round_trip() {
    for c in Category::ALL {
        assert_eq!(Category::from_id(c.id()), Some(c));
        assert_eq!(c.to_string(), c.id());
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            format!("\"{}\"", c.id())
        );
    }
    assert_eq!(Category::from_id("nope"), None);
    assert_eq!(Category::SelfHarm.id(), "self-harm");
    assert_eq!(Category::DomesticAbuse.id(), "domestic-abuse");
}

#[test]
fn safeguarding_every_pattern_compiles() {
    assert!(phrases::phrase_count() > 100);
    assert!(people::compile_all() > 20);
    assert!(ADULT_WORDS.is_match("my dad") && PEER_WORDS.is_match("the boys"));
    // Forces every lazily built pattern.
    let _ = assess("my dad hits me and I was beaten and they throw things at me, pulls my hair");
}

#[test]
fn safeguarding_self_harm() {
    flagged(
        Category::SelfHarm,
        &[
            "I cut myself",
            "i've been cutting again",
            "been cutting.",
            "I hurt myself when it gets too much",
            "self harm",
            "self-harm",
            "selfharming since year 8",
            "burning myself with a lighter",
            "she scratches herself till she bleeds",
            "cuts all over his arms",
            "she has been cutting her wrists",
            "He hurts himself when he is overwhelmed",
            "I used to self harm but I'm ok now",
            "i sh most nights",
            "tnę się",
            "Tne sie od miesiaca",
            "moja córka się tnie",
            "أؤذي نفسي",
            "ابني يجرح نفسه",
        ],
    );
    clear(&[
        "he fell and hurt himself in the playground",
        "he hurt himself playing football",
        "He cut his finger on a tin",
        "I cut myself off from friends",
        "he cut his hair himself",
        "He burnt himself on the oven at cooking club",
        "the self harm awareness training for staff",
        "the council is cutting support",
        "They cut the budget",
        "cuts to services",
        "cut the queue",
    ]);
}

#[test]
fn safeguarding_suicide() {
    flagged(
        Category::Suicide,
        &[
            "I want to die",
            "wanna die",
            "i wnt 2 die",
            "I WANT TO DIEEEE",
            "kill myself",
            "kms",
            "end it all",
            "I don't want to be here anymore",
            "i looked up how many paracetamol it takes",
            "I googled how to kill myself",
            "i dont want to be here any more",
            "everyone would be better off without me",
            "I feel suicidal",
            "take my own life",
            "no point living",
            "cant go on",
            "i can't go on anymore.",
            "I don't want to die",
            "I'm not suicidal",
            "If I have to fill in one more form I want to die",
            "I wish I was dead",
            "no1 cares if i live or die",
            "chcę umrzeć",
            "chce umrzec",
            "nie chcę już żyć",
            "أريد أن أموت",
            "اريد ان اموت",
        ],
    );
    clear(&[
        "this form is killing me",
        "I'm dying to see my friends",
        "die-hard fan",
        "I'd kill for more support",
        "I could have died of embarrassment",
        "he wants to die his hair blue",
        "I was killing myself trying to get him a diagnosis",
        "suicide prevention training for teachers",
        "he can't go on the school trip",
        "we can't go on like this",
        "20 kms to school",
        "I don't want to be here at this school anymore",
        "i don't want to live in Exeter",
    ]);
}

#[test]
fn safeguarding_abuse() {
    flagged(
        Category::Abuse,
        &[
            "my dad hits me",
            "My Dad Hits Me",
            "mum hits me when shes drunk",
            "my stepdad beats me",
            "he kicks me",
            "he locks me in my room",
            "i get hit at home",
            "a teacher hit my son",
            "the TA dragged him down the corridor",
            "my foster carer slaps me",
            "Jack hits me",
            "he has never hit me",
            "[name removed] hits me",
            "[name removed] (13) told his TA that his dad hits him",
            "the man who lives with us hurts me",
            "nan pulls my hair",
            "I'm being abused at home",
            "he was physically abused by his birth father",
            "he was locked in a room at school",
            "staff at the school restrain him in a cupboard",
            "my girlfriend's dad said he'd break my legs",
            "they put my son in a dark room when he screams",
            "my stepdad locks me in the shed",
            "Ojciec mnie bije",
            "tata bije mnie",
            "أبي يضربني",
        ],
    );
    clear(&[
        "he hit the ball",
        "we finally hit the target",
        "it hit me hard when we got the diagnosis",
        "Reality hit me",
        "That comment really hurt me",
        "the ball hit me in the face",
        "our dog bit him",
        "my son hits me when he's having a meltdown",
        "my son was hit by a car",
        "he got kicked out of the club",
        "He beat me at chess",
        "an abuse of process",
        "abuse of power by the council",
        "he doesn't like being touched",
        "She bites her sleeves",
    ]);
}

#[test]
fn safeguarding_sexual_abuse() {
    flagged(
        Category::SexualAbuse,
        &[
            "he touches me",
            "He touched me",
            "my stepdad makes me do things I don't want to",
            "my cousin touched my private parts",
            "he makes me watch videos that make me uncomfortable",
            "my uncle does stuff to me at night",
            "he makes me watch him in the bath",
            "a man at the swimming pool touched my son inappropriately",
            "I was sexually abused",
            "my daughter [name removed] said [name removed] touches her",
            "Wujek mnie dotyka",
            "يلمسني",
        ],
    );
    clear(&[
        "he hates people touching him",
        "I was touched that the teacher remembered",
        "sexual health education adapted for SEND",
        "he makes me watch him play video games",
        "the teacher showed them a video about puberty in class",
        "we do things with him at the weekend like swimming",
    ]);
}

#[test]
fn safeguarding_neglect() {
    flagged(
        Category::Neglect,
        &[
            "there's no food at home",
            "nobody looks after me",
            "left alone for days",
            "I'm not fed",
            "no1 cares",
            "no one cares about me",
            "i go to bed hungry",
            "I'm not allowed to eat if I'm bad",
            "they wont let us have dinner as a punishment",
            "I dont get any food when I'm in trouble",
            "Nie mam co jeść",
            "لا يوجد طعام في البيت",
        ],
    );
    clear(&[
        "I'm fed up of waiting",
        "he is tube fed",
        "nobody will look after him so I can sleep",
        "nobody cares about SEND kids",
        "he was left on his own in class",
        "we are not allowed to eat in class",
        "he cant eat gluten so school gives him a different lunch",
        "she is not allowed food after midnight before her operation",
    ]);
}

#[test]
fn safeguarding_domestic_abuse() {
    flagged(
        Category::DomesticAbuse,
        &[
            "dad hits mum",
            "shouting and hitting at home",
            "my stepdad beats my mum",
            "we fled domestic abuse",
            "my ex still turns up and threatens me in front of the kids",
            "the kids dad keeps harassing us",
            "we had to call the police on my dad again last night",
            "Tata bije mamę",
            "أبي يضرب أمي",
        ],
    );
}

#[test]
fn safeguarding_not_safe() {
    flagged(
        Category::NotSafe,
        &[
            "I don't feel safe at home",
            "i dont feel safe",
            "scared to go home",
            "I'm afraid of my dad",
            "I feel unsafe",
            "we're sleeping in the car",
            "we have been sofa surfing since Christmas",
            "we've got nowhere to live",
            "i don't want to go back to my foster placement",
            "nie czuję się bezpiecznie",
            "لا أشعر بالأمان",
        ],
    );
    clear(&[
        "I feel safe at school now",
        "I don't feel unsafe",
        "safe space",
        "the safeguarding team were helpful",
        "Czuję się bezpiecznie w szkole",
        "أشعر بالأمان في المدرسة",
        "he is scared of dogs",
        "my son is scared to go to school",
        "we slept in the car on the way to Cornwall",
        "we were sleeping in a tent at the festival",
        "he hides in the cupboard when it is too loud",
        "we put his coat in the cupboard",
        "I kept them in a box under the bed",
        "my brother shows me weird stuff on youtube",
        "my partner threatened to leave if the school did not help",
        "he searched how many days it takes for a reply",
        "my dad said he'd break my xbox",
        "we had to call the police because of a burglary",
        "my son doesn't want to go back to the placement because the school is far",
        "he doesn't want to go to residential trip",
    ]);
}

#[test]
fn safeguarding_exploitation() {
    flagged(
        Category::Exploitation,
        &[
            "he is being groomed",
            "older boys make me carry drugs",
            "I was made to carry drugs",
            "a man online asked me to send pictures",
            "county lines",
            "someone at the park gave me money to hold a bag",
            "they paid him £50 to deliver a package",
        ],
    );
    clear(&[
        "his ADHD medication has helped",
        "the drugs he takes for epilepsy",
        "personal grooming and dressing",
        "nan gave me money to take to school for the trip",
        "they paid me to look after the dog",
    ]);
}

#[test]
fn safeguarding_bullying() {
    flagged(
        Category::Bullying,
        &[
            "they said they will kill me",
            "they beat me up every day",
            "people tell me to kys",
            "kys",
            "they told me to kill myself",
            "the other kids kick him at break time",
        ],
    );
    clear(&[
        "my mum will kill me if she finds out",
        "the school threatened to exclude him",
        "the other kids call him names",
    ]);
}

#[test]
fn safeguarding_works_on_scrubbed_text() {
    let raw = "my son Oliver says he wants to die";
    let scrubbed = crate::privacy::scrub(raw);
    assert_eq!(
        scrubbed.as_str(),
        "my son [name removed] says he wants to die"
    );
    assert_eq!(ids(scrubbed.as_str()), "suicide");
    assert_eq!(ids("[name removed] hits me"), "abuse");
    assert_eq!(
        ids("text me on [phone number removed], i am scared to go home"),
        "not-safe"
    );
    let both = assess_all([raw, scrubbed.as_str()]).unwrap();
    assert_eq!(both.categories, vec![Category::Suicide]);
    assert!(assess_all(["fine", "all good"]).is_none());
}

#[test]
fn safeguarding_several_categories_in_order() {
    let c = assess("my dad hits me and I want to die").unwrap();
    assert_eq!(c.categories, vec![Category::Suicide, Category::Abuse]);
}

#[test]
fn safeguarding_never_panics_on_odd_input() {
    let odd = [
        "",
        " ",
        "\n\n\t",
        "🙂🙂🙂 i want to die 🙂",
        "مرحبا أريد أن أموت 🙂",
        "שלום",
        "é́́́ Zoë Ã ß ǅ ﬁ",
        "'''''",
        "’",
        "[name removed]",
        "[name removed] [name removed] [name removed]",
        "hits me",
        "me",
        "by",
        "was hit by",
        "who that who that",
        "\u{feff}\u{200b}\u{202e}kms\u{202c}",
        "a\u{0}b",
        "ـــــ",
        "İİİ ıı",
    ];
    for input in odd {
        let _ = assess(input);
    }
    let alphabet: Vec<char> =
        "abc hits me my dad was beaten by who that at in . , ' ’ - 🙂 é ق ę [name removed] kms"
            .chars()
            .collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..300 {
        let mut t = String::new();
        for _ in 0..160 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            t.push(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        let _ = assess(&t);
    }
}

#[test]
fn safeguarding_long_input_is_handled() {
    let chunk = "The EHCP was late again and the transport is a nightmare, but the TA is kind. ";
    let long = chunk.repeat(1_500);
    assert!(assess(&long).is_none());
    let needle = format!("{long} my dad hits me. {long}");
    assert_eq!(ids(&needle), "abuse");
    let one_word = "a".repeat(200_000);
    assert!(assess(&one_word).is_none());
    let no_spaces = "hitsme".repeat(20_000);
    let _ = assess(&no_spaces);
    let many_verbs = "he hits me ".repeat(10_000);
    assert_eq!(ids(&many_verbs), "abuse");
}

#[test]
fn safeguarding_subject_is_read_back_from_the_verb() {
    // Across "and", over a place, over "who", after a perception verb.
    flagged(
        Category::Abuse,
        &[
            "dad gets angry and throws me against the wall",
            "my mum calls me names and hits me",
            "a man at the swimming pool hurt him",
            "the man who lives with us hurts me",
            "The carer at his residential school pushed him over",
            "mums new boyfriend grabbed my neck",
        ],
    );
    flagged(
        Category::DomesticAbuse,
        &[
            "my mum has bruises and i saw him push her",
            "my mum's partner hurts her",
            "dad hits mum",
        ],
    );
    flagged(
        Category::Bullying,
        &[
            "the boys in year 9 kick me",
            "they put my head down the toilet and kicked me",
        ],
    );
    // Things, not people, and emotional or medical hurt.
    clear(&[
        "the cost of living has hit us hard",
        "Lockdown hit him really hard",
        "What the SENCO said really hurt me",
        "the nurse hurt her taking blood",
        "Physio hurts him but he needs it",
        "the hand dryers frighten her",
        "loud noises scare him",
        "he got hit in the face with a football at break",
        "we were beaten 3-0 on Saturday",
        "he was kicked by a horse at riding",
    ]);
}

#[test]
fn safeguarding_own_children_fights_and_meltdowns() {
    clear(&[
        "my son hits me when he's having a meltdown",
        "My son is 8 and he hits me every day",
        "he bites me when he is overwhelmed",
        "his sister hits him when they fight over the xbox",
        "the other boy hit him first and they both got excluded after the fight",
        "my daughter beat me at Mario Kart again",
        "she beat her brother at Uno",
    ]);
    // A child hurting themselves is flagged, meltdown or not.
    flagged(
        Category::SelfHarm,
        &["he hits himself when he is overwhelmed"],
    );
}

#[test]
fn safeguarding_indirect_suicidal_language() {
    flagged(
        Category::Suicide,
        &[
            "sometimes i think about not waking up",
            "I feel like there's no way out and I want it to be over",
            "im not gonna be a problem for anyone much longer",
            "I keep looking up the quickest way to die",
            "honestly what's the point of me",
            "Ive took 20 paracetamol",
            "I'm going to take all my tablets tonight",
            "i wont be here much longer",
            "I'm a burden to everyone",
        ],
    );
    clear(&[
        "he has to take all his tablets at lunch",
        "I won't be here next year as we're moving",
        "I'd rather die than fill in another form like this",
        "I took 2 paracetamol for my headache",
    ]);
}

#[test]
fn safeguarding_dangers_at_home_said_plainly() {
    flagged(
        Category::SexualAbuse,
        &[
            "my mums new boyfriend keeps coming into my room at night when she is at work",
            "my step dad comes into my room at night",
            "dad gets into my bed when mum is at work and says it's our secret",
        ],
    );
    flagged(
        Category::Neglect,
        &[
            "mum drinks a lot and forgets to pick me up",
            "dad has been drinking all day again",
            "we have no money for gas or food and the kids are hungry",
            "we cant afford food or gas this week",
            "there's no money to put on the meter",
            "we can't afford to feed the kids until payday",
            "nothing left to feed my family",
            "mum hasn't come home for three days",
            "dad didn't come home for two days and I looked after my sister",
            "I'm not allowed to eat until I finish my chores",
            "I was not allowed to eat until I said sorry",
        ],
    );
    flagged(
        Category::Exploitation,
        &[
            "a boy at school sends me pictures and asks for mine",
            "he wants me to send him pictures of myself in my bra",
        ],
    );
    flagged(
        Category::Suicide,
        &[
            "i feel like giving up on everything",
            "I've given up on life",
        ],
    );
    flagged(
        Category::SelfHarm,
        &[
            "i dont eat so i can be thin",
            "she stopped eating to lose weight",
        ],
    );
    flagged(
        Category::Abuse,
        &[
            "I get hurt at home",
            "Jestem bity przez ojca",
            "mum says she'll put me in care if I don't behave",
            "she threatened to put me in care if I didn't behave",
        ],
    );
    flagged(
        Category::NotSafe,
        &[
            "we got kicked out and are staying on a friends sofa",
            "we were kicked out by our landlord",
        ],
    );
    flagged(
        Category::DomesticAbuse,
        &[
            "I'm frightened of my husband",
            "my ex turned up and smashed the windows",
        ],
    );
    flagged(
        Category::NotSafe,
        &[
            "I've run away from home twice this month",
            "my son ran away again last night and the police brought him back",
        ],
    );
    flagged(
        Category::Abuse,
        &["my carer shouts at me and calls me stupid every day"],
    );
    flagged(
        Category::Suicide,
        &["I'm being bullied every day and I can't take it anymore"],
    );
    clear(&[
        "my little brother comes into my room at night when he has bad dreams",
        "my dad comes into my room at night to say goodnight",
        "my carer comes into my room every night to check my oxygen",
        "my carer comes into my room at night because I get scared of the dark",
        "dad drinks a lot of coffee",
        "mum drinks loads of water since her operation",
        "we cant afford the trips or the after school clubs",
        "we can't afford to feed the horses hay this winter",
        "mum hasn't been home for three days, she's in hospital",
        "dad hasn't come home for days, he's working away",
        "I'm not allowed to eat until lunchtime at school",
        "my nan asks for photos of me every week",
        "the school asked for a photo of me for my bus pass",
        "my friend sent me pictures of her puppy and asked for mine",
        "I'm never giving up on my son",
        "we gave up on the diet",
        "I don't eat breakfast so I can get to school early",
        "we got thrown out of class",
        "he got kicked out of the club for swearing",
        "we're staying on my nans sofa for christmas",
        "we might have to put him in a care home one day",
        "I got hit by a ball at home",
        "he got hurt at home when he fell off his bike",
        "we have no money left for the school trip food",
        "he is always hungry, it's his medication",
        "I am scared of leaving my husband to cope alone with the twins",
        "he runs away in the supermarket",
        "he ran away from school twice",
        "the boys in my class call me stupid",
        "the school can't take it anymore, they say",
        "I don't feel safe crossing the busy road to school",
    ]);
}

#[test]
fn safeguarding_secrets_threats_and_going_without() {
    flagged(
        Category::Abuse,
        &[
            "I have bruises from where mum pinches me",
            "he threatened to throw me out if I tell",
            "mum says if you ever tell anyone about it she'll deny it",
        ],
    );
    flagged(
        Category::Exploitation,
        &["my uncle sends me messages saying I'm pretty and not to tell mum"],
    );
    flagged(
        Category::SexualAbuse,
        &["someone shared a photo of me naked"],
    );
    flagged(Category::Suicide, &["I've written a goodbye letter"]);
    flagged(
        Category::Neglect,
        &[
            "I sleep on the floor because I don't have a bed",
            "we get no food at weekends",
            "nobody notices when I don't come home",
            "they lock the fridge so I can't eat",
        ],
    );
    // A threat by an adult reads as abuse, whoever it names.
    flagged(Category::Abuse, &["dad says he'll kill mum if she leaves"]);
    clear(&[
        "my son pinches me when he is anxious",
        "my mum told me if I talk to the teacher I'll be grounded",
        "the teacher said if I tell the class the answer I lose points",
        "he doesn't have a bed, he sleeps on a mattress because of his sensory needs",
        "we lock the kitchen at night because he eats everything",
        "I have a goodbye card from my teacher",
        "she told me about her birthday party and not to tell mum, it's a surprise",
    ]);
}

#[test]
fn safeguarding_sensory_and_safety_needs_are_not_fear() {
    clear(&[
        "she doesn't feel safe in the swimming pool without her float",
        "he doesn't feel safe without his ear defenders",
        "My son doesn't feel safe in the hall because of the noise",
        "i dont feel safe crossing roads on my own yet",
        "he has a chewy on a cord around his neck",
        "he needs help with personal grooming",
        "He is PEG fed",
    ]);
    flagged(
        Category::NotSafe,
        &["it's not safe for me at home", "home is scary"],
    );
}

/// The prefilter in `phrases::find` changes no result: every line of the
/// safeguarding and scrubber corpora, and thousands of texts made from them, get
/// the same categories with it as with every phrase run.
#[test]
fn safeguarding_prefilter_changes_nothing() {
    let (always, literals) = phrases::prefilter_counts();
    assert!(
        always * 10 < phrases::phrase_count() && literals > 0,
        "most phrases have prefixes, or the prefilter buys nothing ({always} have none)"
    );
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut lines = BTreeSet::new();
    for dir in ["safeguarding", "scrubber"] {
        let mut files: Vec<_> = std::fs::read_dir(data.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        assert!(!files.is_empty(), "no corpora in {dir}");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            // The text before a tab (the rest is the expected answer) and the whole line.
            for line in text.lines() {
                lines.insert(line.split('\t').next().unwrap_or(line).to_owned());
                lines.insert(line.to_owned());
            }
        }
    }
    assert!(lines.len() > 1_500, "corpora read: {}", lines.len());

    let mut texts: BTreeSet<String> = [
        "\u{17f}elf harm",
        "\u{212a}MS",
        "I CUT MYSELF",
        "CHCĘ UMRZEĆ",
        "TNĘ SIĘ",
        "i",
        "",
    ]
    .map(str::to_owned)
    .into();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for line in &lines {
        texts.insert(line.clone());
        texts.insert(line.to_uppercase());
        texts.insert(crate::privacy::scrub(line).as_str().to_owned());
        let mut words: Vec<&str> = line.split_whitespace().collect();
        // Slices: runs of four words, starting every fourth word.
        for start in (0..words.len()).step_by(4) {
            texts.insert(words[start..(start + 4).min(words.len())].join(" "));
        }
        // A shuffle, so phrases meet contexts they never had.
        for i in (1..words.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            words.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        texts.insert(words.join(" "));
    }
    assert!(texts.len() > 10_000, "texts made: {}", texts.len());

    for text in &texts {
        let norm = normalise::normalise(text);
        let (mut with, mut without) = (BTreeSet::new(), BTreeSet::new());
        phrases::find(&norm, &mut with);
        phrases::find_unfiltered(&norm, &mut without);
        assert_eq!(with, without, "{norm:?}");
    }
}

/// Microseconds per `assess` on typical texts, and its parts; run in release:
/// `cargo test --release --lib safeguarding_timing -- --ignored --nocapture`.
#[test]
#[ignore = "a timing, not a check"]
fn safeguarding_timing() {
    let texts = [
        "hello",
        "yes",
        "2",
        "My son has been waiting over a year for his EHCP review and the school keeps \
         saying they cannot meet his needs. Transport is late most mornings and nobody \
         tells us anything. The TA is lovely though.",
        "i dont want to be here anymore, my dad hits me when he is drunk and i cut myself",
    ];
    // Another thread runs the texts first, as in the server, where most webhook calls
    // run on a thread other than the one that first used a pattern (a slower path
    // in the regex crate's cache pool).
    std::thread::spawn(move || texts.map(assess))
        .join()
        .expect("warm-up thread");
    fn time(f: impl Fn()) -> f64 {
        let n = 20_000;
        let start = std::time::Instant::now();
        for _ in 0..n {
            f();
        }
        start.elapsed().as_secs_f64() * 1e6 / f64::from(n)
    }
    let (always, literals) = phrases::prefilter_counts();
    println!("prefilter: {literals} literals, {always} phrases always run");
    println!("  assess  phrases   people  (µs per call)");
    for text in texts {
        let norm = normalise::normalise(text);
        let all = time(|| drop(std::hint::black_box(assess(std::hint::black_box(text)))));
        let phrases = time(|| phrases::find(std::hint::black_box(&norm), &mut BTreeSet::new()));
        let people = time(|| people::find(std::hint::black_box(&norm), &mut BTreeSet::new()));
        println!("{all:8.2} {phrases:8.2} {people:8.2}  {text:.40}");
    }
}

#[test]
fn safeguarding_polish_and_arabic_at_home_and_online() {
    flagged(
        Category::Neglect,
        &[
            "mama pije cały dzień",
            "ojczym jest pijany co wieczór",
            "nikt mi nie daje jeść",
            "أمي تشرب كثيرا",
            "أبي سكران كل يوم",
        ],
    );
    flagged(
        Category::Exploitation,
        &[
            "chłopak z internetu prosi o zdjęcia",
            "رجل على الإنترنت يطلب صوري",
        ],
    );
    flagged(
        Category::NotSafe,
        &[
            "wyrzucili nas z domu i śpimy w samochodzie",
            "jesteśmy bezdomni od miesiąca",
            "طردونا من البيت",
        ],
    );
    clear(&[
        "mama pije kawę",
        "tata pije dużo wody po treningu",
        "babcia prosi o zdjęcia wnuków",
        "nie ma jedzenia w stołówce dla wegan",
        "جدتي تطلب صوري",
        "أبي يشرب القهوة",
    ]);
}

#[test]
fn safeguarding_signs_a_parent_might_mention() {
    flagged(
        Category::Exploitation,
        &[
            "my 14 year old daughter has a 22 year old boyfriend",
            "I think someone is taking advantage of my son online",
        ],
    );
    flagged(
        Category::SelfHarm,
        &["she's started wearing long sleeves in summer to hide her arms"],
    );
    flagged(
        Category::Suicide,
        &["I'm at breaking point and I can't cope anymore"],
    );
    flagged(
        Category::NotSafe,
        &["he keeps a knife in his room and says he will use it"],
    );
    flagged(
        Category::Bullying,
        &[
            "we are scared of our neighbour who threatens us",
            "the neighbours harass us because of his noise",
        ],
    );
    clear(&[
        "the school can't cope anymore with him",
        "my 22 year old son has a 19 year old girlfriend",
        "don't take advantage of the free trial",
        "she hides her arms because of her eczema",
        "he has a knife and fork at lunch",
        "our neighbour threatened us with the police over the parking",
    ]);
}

#[test]
fn safeguarding_model_reads_wording_no_rule_has_met() {
    flagged(
        Category::SelfHarm,
        &["school would be better if i could wear long sleeves in pe, i dont want people seeing my arms again"],
    );
}

#[test]
fn safeguarding_model_leaves_short_replies_and_unknown_languages_to_the_rules() {
    clear(&[
        "yes please how do I do this",
        "the ball hit me in the face",
        "O meu filho adora a escola e os terapeutas são muito bons. Obrigada por tudo.",
    ]);
}

#[test]
fn safeguarding_model_does_not_flag_everyday_letters() {
    clear(&[
        "Dear Sir or Madam, I am writing about my son.",
        "My mum and dad both work full time",
        "I am in Year 9 and I have 3 best friends",
        "The forms take too long and nobody rings back when they say they will.",
    ]);
}
