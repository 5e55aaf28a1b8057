//! The SMS channel's parts, through the public API: gateway signatures and tokens,
//! reading replies, keywords and what each demo question costs in segments.

use axum::http::HeaderMap;

use heard::channels::sms::gsm::{fold_to_gsm7, is_gsm7, segments, to_gsm7};
use heard::channels::sms::notify::{self, jwt, parse_api_key, verify_jwt, Notify};
use heard::channels::sms::parse::{area_choices, parse_area_pick};
use heard::channels::sms::render::{render_area_pick, render_question};
use heard::channels::sms::twilio::{self, Sender, Twilio};
use heard::channels::sms::{
    parse_keyword, parse_reply, Gateway, Keyword, Reply, Secret, SmsError, WebhookRequest,
};
use heard::domain::consultation::Slug;
use heard::domain::submission::Feeling;
use heard::domain::{Areas, Consultation, RespondentGroup};
use heard::i18n::Locale;

// ---------------------------------------------------------------------------------------
// Twilio

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect()
}

const EXAMPLE_URL: &str = "https://mycompany.com/myapp.php?foo=1&bar=2";
const EXAMPLE_SIGNATURE: &str = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

fn example_params() -> Vec<(String, String)> {
    pairs(&[
        ("CallSid", "CA1234567890ABCDE"),
        ("Caller", "+12349013030"),
        ("Digits", "1234"),
        ("From", "+12349013030"),
        ("To", "+18005551212"),
    ])
}

#[test]
fn twilio_published_example_signature() {
    // https://www.twilio.com/docs/usage/security#validating-requests, checked independently
    // with Python's hmac module.
    assert_eq!(
        twilio::signature("12345", EXAMPLE_URL, &example_params()),
        EXAMPLE_SIGNATURE
    );
    assert!(twilio::signature_matches(
        "12345",
        EXAMPLE_URL,
        &example_params(),
        EXAMPLE_SIGNATURE
    ));
    // The same parameters as a form body, in another order.
    let body = b"To=%2B18005551212&From=%2B12349013030&Digits=1234&Caller=%2B12349013030&CallSid=CA1234567890ABCDE";
    let params = twilio::parse_form(body).unwrap();
    assert!(twilio::signature_matches(
        "12345",
        EXAMPLE_URL,
        &params,
        EXAMPLE_SIGNATURE
    ));
}

#[test]
fn twilio_tampering_fails() {
    let check = |url: &str, params: &[(String, String)]| {
        twilio::signature_matches("12345", url, params, EXAMPLE_SIGNATURE)
    };
    let mut changed_value = example_params();
    changed_value[3].1 = "+12349013031".into();
    assert!(!check(EXAMPLE_URL, &changed_value));
    let mut renamed = example_params();
    renamed[2].0 = "digits".into();
    assert!(!check(EXAMPLE_URL, &renamed));
    let mut added = example_params();
    added.push(("Body".into(), "STOP".into()));
    assert!(!check(EXAMPLE_URL, &added));
    let removed = example_params()[1..].to_vec();
    assert!(!check(EXAMPLE_URL, &removed));
    for url in [
        "https://mycompany.com/myapp.php?foo=1&bar=3",
        "https://mycompany.com/myapp.php?bar=2&foo=1",
        "http://mycompany.com/myapp.php?foo=1&bar=2",
        "https://mycompany.com/myapp.php",
        "https://evil.example/myapp.php?foo=1&bar=2",
    ] {
        assert!(!check(url, &example_params()), "{url}");
    }
    assert!(!twilio::signature_matches(
        "54321",
        EXAMPLE_URL,
        &example_params(),
        EXAMPLE_SIGNATURE
    ));
}

fn twilio_gateway() -> Twilio {
    Twilio::new(
        "AC0123456789abcdef0123456789abcdef",
        Secret::new("twilio-auth-token"),
        Sender::Number("+447700900999".into()),
    )
    .unwrap()
}

#[test]
fn twilio_webhook_end_to_end() {
    let url = "https://heard.example/sms/twilio";
    let body = "ToCountry=GB&MessageSid=SM0123456789abcdef0123456789abcdef&From=%2B447700900123\
                &To=%2B447700900999&Body=Two%21&NumMedia=0&AccountSid=AC0123456789abcdef0123456789abcdef";
    let params = twilio::parse_form(body.as_bytes()).unwrap();
    let mut headers = HeaderMap::new();
    headers.insert(
        twilio::SIGNATURE_HEADER,
        twilio::signature("twilio-auth-token", url, &params)
            .parse()
            .unwrap(),
    );
    let request = WebhookRequest {
        url,
        headers: &headers,
        body: body.as_bytes(),
    };
    let gateway: &dyn Gateway = &twilio_gateway();
    assert_eq!(gateway.name(), "twilio");
    let sms = gateway.parse_inbound(&request).unwrap();
    assert_eq!(sms.provider_id, "SM0123456789abcdef0123456789abcdef");
    assert_eq!(sms.from, "+447700900123");
    assert_eq!(sms.body, "Two!");
    assert!(!format!("{sms:?}").contains("900123"));

    // Any change to the body, or the wrong URL, is refused.
    let tampered = body.replace("Two", "One");
    let bad = WebhookRequest {
        body: tampered.as_bytes(),
        ..request
    };
    assert_eq!(gateway.parse_inbound(&bad), Err(SmsError::Unauthorised));
    let bad = WebhookRequest {
        url: "https://heard.example/sms/twilio?x=1",
        ..request
    };
    assert_eq!(gateway.parse_inbound(&bad), Err(SmsError::Unauthorised));

    // Malformed bodies are bad requests with a reason.
    let malformed = WebhookRequest {
        body: b"Body=%E2%82",
        ..request
    };
    assert_eq!(
        gateway.parse_inbound(&malformed),
        Err(SmsError::BadRequest(
            "a parameter is not valid UTF-8".into()
        ))
    );
    let no_sid = "From=%2B447700900123&To=%2B447700900999&Body=hi";
    let mut signed = HeaderMap::new();
    signed.insert(
        twilio::SIGNATURE_HEADER,
        twilio::signature(
            "twilio-auth-token",
            url,
            &twilio::parse_form(no_sid.as_bytes()).unwrap(),
        )
        .parse()
        .unwrap(),
    );
    let missing = WebhookRequest {
        url,
        headers: &signed,
        body: no_sid.as_bytes(),
    };
    assert_eq!(
        gateway.parse_inbound(&missing),
        Err(SmsError::BadRequest("MessageSid is missing".into()))
    );
}

#[test]
fn twiml_replies() {
    assert_eq!(
        twilio::twiml(&["1 < 2 & \"yes\""]),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>1 &lt; 2 &amp; &quot;yes&quot;</Message></Response>"
    );
    assert_eq!(
        twilio::twiml(&[]),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>"
    );
    let response = twilio_gateway().inline_reply(&[]).unwrap();
    assert_eq!(response.body, twilio::twiml(&[]));
    assert_eq!(response.content_type, Some("text/xml; charset=utf-8"));
}

// ---------------------------------------------------------------------------------------
// GOV.UK Notify

const SERVICE_ID: &str = "26785a09-ab16-4eb0-8407-a37497a57506";
const SECRET: &str = "3d844edf-8d35-48ac-975b-e847b4f122b0";

#[test]
fn notify_jwt_round_trip() {
    let key = parse_api_key(&format!("my-test-key-{SERVICE_ID}-{SECRET}")).unwrap();
    assert_eq!(key.name, "my-test-key");
    assert_eq!(key.service_id, SERVICE_ID);
    assert_eq!(key.secret(), SECRET);

    let iat = 1_767_225_600; // 2026-01-01T00:00:00Z
    let token = jwt(&key, iat);
    // Fixed inputs, fixed token (checked with `openssl dgst -sha256 -hmac`).
    assert_eq!(
        token,
        "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.\
         eyJpc3MiOiIyNjc4NWEwOS1hYjE2LTRlYjAtODQwNy1hMzc0OTdhNTc1MDYiLCJpYXQiOjE3NjcyMjU2MDB9.\
         noRdfkAf-3bFg5z4LzDX0CD9LIkk7DfyJYgNVPRONCc"
    );
    let claims = verify_jwt(&token, SECRET, iat + 10, notify::NOTIFY_LEEWAY_SECS).unwrap();
    assert_eq!(claims.iss, SERVICE_ID);
    assert_eq!(claims.iat, iat);
    assert!(verify_jwt(&token, SECRET, iat + 31, 30).is_err());
    assert!(verify_jwt(&token, "3d844edf-8d35-48ac-975b-e847b4f122b1", iat, 30).is_err());
    let mut tampered = token.clone();
    tampered.replace_range(40..41, "A");
    assert!(verify_jwt(&tampered, SECRET, iat, 30).is_err());
}

#[test]
fn notify_callback_and_send() {
    let gateway = Notify::new(
        &format!("heard-{SERVICE_ID}-{SECRET}"),
        "f33517ff-2a88-4f6e-b855-c550268ce08a",
        Secret::new("a-long-callback-token"),
    )
    .unwrap()
    .with_api_base("http://127.0.0.1:1");
    let body = r#"{"id":"df10a23e-2c6d-4ea5-87fb-82e520cbf93a","source_number":"447700900111",
        "destination_number":"07700900000","message":"Tak","date_received":"2026-11-02T10:00:00.000000Z"}"#;
    let mut headers = HeaderMap::new();
    headers.insert(
        "authorization",
        "Bearer a-long-callback-token".parse().unwrap(),
    );
    let request = WebhookRequest {
        url: "https://heard.example/sms/notify",
        headers: &headers,
        body: body.as_bytes(),
    };
    let sms = gateway.parse_inbound(&request).unwrap();
    assert_eq!(sms.body, "Tak");
    assert_eq!(sms.from, "447700900111");
    let mut wrong = HeaderMap::new();
    wrong.insert(
        "authorization",
        "Bearer a-long-callback-tokeN".parse().unwrap(),
    );
    let bad = WebhookRequest {
        headers: &wrong,
        ..request
    };
    assert_eq!(gateway.parse_inbound(&bad), Err(SmsError::Unauthorised));
    assert_eq!(gateway.inline_reply(&["hi".to_owned()]), None);

    let out = gateway
        .send_request("07700900111", "Thank you", Some("r1"), 1_767_225_600)
        .unwrap();
    assert_eq!(out.url, "http://127.0.0.1:1/v2/notifications/sms");
    let value: serde_json::Value = serde_json::from_str(&out.body).unwrap();
    assert_eq!(value["phone_number"], "07700900111");
    assert_eq!(value["template_id"], "f33517ff-2a88-4f6e-b855-c550268ce08a");
    assert_eq!(value["personalisation"]["body"], "Thank you");
    assert_eq!(value["reference"], "r1");
    let bearer = out.headers[0].1.strip_prefix("Bearer ").unwrap();
    assert_eq!(
        verify_jwt(bearer, SECRET, 1_767_225_600, 30).unwrap().iss,
        SERVICE_ID
    );
}

// ---------------------------------------------------------------------------------------
// Reading replies

#[derive(Debug, Clone, PartialEq)]
enum Want {
    Choice(&'static str),
    Feeling(u8),
    Text(&'static str),
    Area(&'static str),
    Ambiguous(&'static [&'static str]),
    Group(RespondentGroup),
    Skip,
    Unclear,
}

fn want(reply: &Reply) -> String {
    match reply {
        Reply::Choice(id) => format!("Choice({id})"),
        Reply::Feeling(f) => format!("Feeling({})", f.value()),
        Reply::Text(t) => format!("Text({t})"),
        Reply::Area(a) => format!("Area({a})"),
        Reply::AreaAmbiguous(ids) => format!(
            "Ambiguous({})",
            ids.iter().map(|i| i.as_str()).collect::<Vec<_>>().join(",")
        ),
        Reply::Group(g) => format!("Group({g})"),
        Reply::Skip => "Skip".into(),
        Reply::Unclear => "Unclear".into(),
    }
}

impl Want {
    fn show(&self) -> String {
        match self {
            Want::Choice(id) => format!("Choice({id})"),
            Want::Feeling(n) => format!("Feeling({n})"),
            Want::Text(t) => format!("Text({t})"),
            Want::Area(a) => format!("Area({a})"),
            Want::Ambiguous(ids) => format!("Ambiguous({})", ids.join(",")),
            Want::Group(g) => format!("Group({g})"),
            Want::Skip => "Skip".into(),
            Want::Unclear => "Unclear".into(),
        }
    }
}

/// A consultation with options no built-in word list was written for.
const RATING_SOURCE: &str = r#"slug = "rating-words"
opens_on = 2026-11-01
sms_keyword = "RATE"
estimated_minutes = 3

[title]
en-GB = "Ratings"
pl = "Ratings"
ar = "Ratings"

[summary]
en-GB = "Words for ratings."
pl = "Words for ratings."
ar = "Words for ratings."

[[questions]]
id = "rate"
kind = "single-choice"
picture = "idea"
text.en-GB = "How was it?"
text.pl = "How was it?"
text.ar = "How was it?"

[[questions.options]]
id = "very-good"
picture = "idea"
label = { en-GB = "Very good", pl = "Very good", ar = "Very good" }

[[questions.options]]
id = "good"
picture = "idea"
label = { en-GB = "Good", pl = "Good", ar = "Good" }

[[questions.options]]
id = "ok"
picture = "idea"
label = { en-GB = "OK", pl = "OK", ar = "OK" }

[[questions.options]]
id = "bad"
picture = "idea"
label = { en-GB = "Bad", pl = "Bad", ar = "Bad" }

[[questions.options]]
id = "very-bad"
picture = "idea"
label = { en-GB = "Very bad", pl = "Very bad", ar = "Very bad" }

[[questions]]
id = "agree"
kind = "single-choice"
picture = "idea"
text.en-GB = "Do you agree?"
text.pl = "Do you agree?"
text.ar = "Do you agree?"

[[questions.options]]
id = "agree"
picture = "idea"
label = { en-GB = "Agree", pl = "Agree", ar = "Agree" }

[[questions.options]]
id = "neither"
picture = "idea"
label = { en-GB = "Neither agree nor disagree", pl = "Neither agree nor disagree", ar = "Neither agree nor disagree" }

[[questions.options]]
id = "disagree"
picture = "idea"
label = { en-GB = "Disagree", pl = "Disagree", ar = "Disagree" }
"#;

#[test]
fn an_option_denied_is_asked_again() {
    let consultation = Consultation::parse(RATING_SOURCE).unwrap();
    let areas = Areas::devon();
    let read = |q: &str, text: &str| {
        let question = consultation.question(q).unwrap();
        match parse_reply(text, question, &areas, Locale::EN_GB) {
            Reply::Choice(id) => id.as_str().to_owned(),
            Reply::Unclear => "unclear".to_owned(),
            other => format!("{other:?}"),
        }
    };
    for (q, text, want) in [
        ("rate", "good", "good"),
        ("rate", "really good", "good"),
        ("rate", "very good", "very-good"),
        ("rate", "not good", "unclear"),
        ("rate", "not very good", "unclear"),
        ("rate", "it wasn't good", "unclear"),
        ("rate", "okay", "ok"),
        ("rate", "alright", "ok"),
        ("rate", "not bad", "ok"),
        ("agree", "I agree", "agree"),
        // Where the question offers Disagree, "I don't agree" says it.
        ("agree", "I don't agree", "disagree"),
        ("agree", "no", "disagree"),
        ("agree", "yes", "agree"),
        ("agree", "not sure", "neither"),
        ("agree", "neutral", "neither"),
        // With no Strongly options, strong words are the plain ones.
        ("agree", "totally agree", "agree"),
        ("agree", "definitely not", "disagree"),
        ("agree", "strongly agree", "agree"),
        ("agree", "I don't really agree", "unclear"),
        ("agree", "strongly disagree", "disagree"),
        ("agree", "neither", "neither"),
    ] {
        assert_eq!(read(q, text), want, "{q}: {text:?}");
    }
}

/// A consultation of the scales councils often ask on, built from option labels.
fn scales_source() -> String {
    let mut toml = String::from(
        "slug = \"scales\"\nopens_on = 2026-11-01\nsms_keyword = \"SCALES\"\nestimated_minutes = 3\n\n\
         [title]\nen-GB = \"Scales\"\npl = \"Scales\"\nar = \"Scales\"\n\n\
         [summary]\nen-GB = \"Scales.\"\npl = \"Scales.\"\nar = \"Scales.\"\n\n",
    );
    for (id, labels) in [
        (
            "likert",
            &[
                "Strongly agree",
                "Agree",
                "Neither agree nor disagree",
                "Disagree",
                "Strongly disagree",
            ][..],
        ),
        ("quality", &["Very good", "Good", "OK", "Poor", "Very poor"]),
        (
            "ease",
            &[
                "Very easy",
                "Easy",
                "Neither easy nor difficult",
                "Difficult",
                "Very difficult",
            ],
        ),
        (
            "satisfied",
            &[
                "Very satisfied",
                "Satisfied",
                "Dissatisfied",
                "Very dissatisfied",
            ],
        ),
        (
            "important",
            &["Very important", "Important", "Not important"],
        ),
    ] {
        toml.push_str(&format!(
            "[[questions]]\nid = \"{id}\"\nkind = \"single-choice\"\npicture = \"idea\"\n\
             text.en-GB = \"How?\"\ntext.pl = \"How?\"\ntext.ar = \"How?\"\n\n"
        ));
        for label in labels {
            let option = label.to_lowercase().replace(' ', "-");
            toml.push_str(&format!(
                "[[questions.options]]\nid = \"{option}\"\npicture = \"idea\"\n\
                 label = {{ en-GB = \"{label}\", pl = \"{label}\", ar = \"{label}\" }}\n\n"
            ));
        }
    }
    toml
}

#[test]
fn the_scales_councils_ask_on_are_read_in_everyday_words() {
    let consultation = Consultation::parse(&scales_source()).unwrap();
    let areas = Areas::devon();
    for (q, text, want) in [
        ("likert", "I don't agree", "disagree"),
        ("likert", "totally agree", "strongly-agree"),
        ("likert", "yes", "agree"),
        ("likert", "👎", "disagree"),
        ("likert", "not sure", "neither-agree-nor-disagree"),
        ("likert", "definitely not", "strongly-disagree"),
        ("quality", "excellent", "very-good"),
        ("quality", "bad", "poor"),
        ("quality", "not good", "poor"),
        ("quality", "terrible", "very-poor"),
        ("quality", "fine", "ok"),
        ("ease", "hard", "difficult"),
        ("ease", "very hard", "very-difficult"),
        ("ease", "ok", "neither-easy-nor-difficult"),
        ("satisfied", "happy", "satisfied"),
        ("satisfied", "not satisfied", "dissatisfied"),
        ("satisfied", "very unhappy", "very-dissatisfied"),
        ("important", "very", "very-important"),
        ("important", "not really", "not-important"),
        ("important", "yes", "important"),
    ] {
        let question = consultation.question(q).unwrap();
        let got = match parse_reply(text, question, &areas, Locale::EN_GB) {
            Reply::Choice(id) => id.as_str().to_owned(),
            other => format!("{other:?}"),
        };
        assert_eq!(got, want, "{q}: {text:?}");
    }
}

/// Reads each reply to the demo consultation's question and lists every one not read as
/// expected.
fn read_as_expected(table: &[(&str, Locale, &str, Want)]) {
    let c = Consultation::demo();
    let areas = Areas::devon();
    let mut failures = Vec::new();
    for (question, locale, text, expected) in table {
        let q = c.question(question).unwrap();
        let got = parse_reply(text, q, &areas, *locale);
        if want(&got) != expected.show() {
            failures.push(format!(
                "{question} {locale} {text:?}: got {}, want {}",
                want(&got),
                expected.show()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Replies from two sets written blind (by someone who had not seen the reader), and the
/// traps beside them: an answer said first and then explained, misspelt or stretched
/// answer words, the question's own word denied, a skip said in a sentence.
#[test]
fn replies_written_blind() {
    use RespondentGroup::*;
    use Want::*;
    let en = Locale::EN_GB;
    let pl = Locale::PL;
    let table: &[(&str, Locale, &str, Want)] = &[
        (
            "welcome",
            en,
            "yes thank you, everyone was lovely at the meeting",
            Choice("yes"),
        ),
        (
            "welcome",
            en,
            "Never. We are treated like a nuisance every time",
            Choice("no"),
        ),
        ("welcome", en, "somtimes", Choice("sometimes")),
        ("explained", en, "Sumtimes", Choice("sometimes")),
        ("welcome", en, "sometimes yeah", Choice("sometimes")),
        ("welcome", en, "yess", Choice("yes")),
        ("welcome", en, "noooo", Choice("no")),
        ("welcome", en, "I don't feel welcome at all", Choice("no")),
        ("welcome", en, "I'd rather not answer this one", Skip),
        ("asked", en, "dont want to answer", Skip),
        (
            "asked",
            en,
            "They don't ask me anything, they just decide",
            Choice("no"),
        ),
        ("asked", en, "not once in 3 years", Choice("no")),
        (
            "asked",
            en,
            "Sometimes but usually after theyve already made up their minds",
            Choice("sometimes"),
        ),
        (
            "explained",
            en,
            "some of it, other bits went over my head",
            Choice("sometimes"),
        ),
        (
            "explained",
            en,
            "nah they used loads of words i didnt know",
            Choice("no"),
        ),
        ("explained", en, "nothing was explained", Choice("no")),
        (
            "listened-to",
            en,
            "very sad, nobody ever listens to what my son needs",
            Feeling(1),
        ),
        ("listened-to", en, "v happy", Feeling(5)),
        ("listened-to", en, "a 2 really, nobody listens", Feeling(2)),
        ("listened-to", en, "not sad, not happy, just ok", Feeling(3)),
        (
            "listened-to",
            en,
            "I feel like nobody ever listens. Very sad.",
            Feeling(1),
        ),
        ("where", en, "Launceston in Cornwall", Area("outside-devon")),
        (
            "who",
            en,
            "I look after my grandson full time",
            Group(ParentCarer),
        ),
        (
            "who",
            pl,
            "opiekuję się wnuczką, mój wnuk ma autyzm",
            Group(ParentCarer),
        ),
        // A third set written blind (2026-12-05): 7 of 150 read otherwise at first.
        ("welcome", en, "N/A", Skip),
        ("better-together", en, "n/a", Skip),
        (
            "explained",
            en,
            "2 - some things yes, the EHCP stuff no",
            Choice("sometimes"),
        ),
        ("asked", en, "not usually no", Choice("no")),
        ("who", en, "6", Unclear),
        ("who", en, "15", Group(YoungPerson)),
        // Left over from that set, read since.
        ("asked", en, "once", Choice("sometimes")),
        (
            "asked",
            en,
            "only once, at the last review",
            Choice("sometimes"),
        ),
        ("asked", en, "once or twice", Choice("sometimes")),
        ("welcome", en, "100%", Choice("yes")),
        ("explained", en, "100 percent", Choice("yes")),
        ("listened-to", en, "it's ok", Feeling(3)),
        ("explained", en, "I don't really agree", Choice("no")),
        ("asked", en, "not once", Choice("no")),
        ("asked", en, "not even once in 3 years", Choice("no")),
        ("asked", en, "100", Choice("yes")),
        // Traps: two answers are no answer; a word near an answer word is not it.
        ("welcome", en, "yes, no", Unclear),
        ("welcome", en, "Yes. No.", Unclear),
        ("welcome", en, "yes no", Unclear),
        ("welcome", en, "not always no", Unclear),
        ("welcome", en, "hallways", Unclear),
        ("asked", en, "not sure they ask", Choice("not-sure")),
        ("listened-to", en, "1, 4", Unclear),
        ("where", en, "near Plymouth", Unclear),
        ("where", en, "not Cornwall", Unclear),
    ];
    read_as_expected(table);
}

#[test]
fn generous_reply_table() {
    use RespondentGroup::*;
    use Want::*;
    let en = Locale::EN_GB;
    let pl = Locale::PL;
    let ar = Locale::AR;
    // (question id, locale, reply, expected)
    let table: &[(&str, Locale, &str, Want)] = &[
        // Single choice: 1 Yes, 2 Sometimes, 3 No, 4 I am not sure.
        ("welcome", en, "👍", Choice("yes")),
        ("welcome", en, "👍🏽 👍", Choice("yes")),
        ("welcome", en, "❌", Choice("no")),
        ("welcome", en, "👍👎", Unclear),
        ("welcome", en, "👍 but", Unclear),
        ("welcome", en, "2", Choice("sometimes")),
        ("welcome", en, "2.", Choice("sometimes")),
        ("welcome", en, " 2 ", Choice("sometimes")),
        ("welcome", en, "2)", Choice("sometimes")),
        ("welcome", en, "(2)", Choice("sometimes")),
        ("welcome", en, "#2", Choice("sometimes")),
        ("welcome", en, "two", Choice("sometimes")),
        ("welcome", en, "Two!", Choice("sometimes")),
        ("welcome", en, "TWO", Choice("sometimes")),
        ("welcome", en, "option 2", Choice("sometimes")),
        ("welcome", en, "Option 2 please", Choice("sometimes")),
        ("welcome", en, "number two", Choice("sometimes")),
        ("welcome", en, "2 sometimes", Choice("sometimes")),
        ("welcome", en, "2nd", Choice("sometimes")),
        ("welcome", en, "٢", Choice("sometimes")),
        ("welcome", en, "sometimes", Choice("sometimes")),
        ("welcome", en, "Sometimes!!", Choice("sometimes")),
        ("welcome", en, "now and then", Choice("sometimes")),
        ("welcome", en, "Yes", Choice("yes")),
        ("welcome", en, "yes.", Choice("yes")),
        ("welcome", en, "YEAH", Choice("yes")),
        ("welcome", en, "Yes I do", Choice("yes")),
        ("welcome", en, "y", Choice("yes")),
        ("welcome", en, "1", Choice("yes")),
        ("welcome", en, "one", Choice("yes")),
        ("welcome", en, "of course", Choice("yes")),
        ("welcome", en, "Absolutely!", Choice("yes")),
        ("welcome", en, "some of the time", Choice("sometimes")),
        ("welcome", en, "no", Choice("no")),
        ("welcome", en, "Nope", Choice("no")),
        ("welcome", en, "not really", Choice("no")),
        ("welcome", en, "not at all", Choice("no")),
        ("welcome", en, "3", Choice("no")),
        ("welcome", en, "4", Choice("not-sure")),
        ("welcome", en, "I am not sure", Choice("not-sure")),
        ("welcome", en, "not sure", Choice("not-sure")),
        ("welcome", en, "Don't know", Choice("not-sure")),
        ("welcome", en, "dunno", Choice("not-sure")),
        ("welcome", en, "5", Unclear),
        ("welcome", en, "0", Unclear),
        ("welcome", en, "1 no", Unclear),
        ("welcome", en, "1 or 2", Unclear),
        // An idiom for "partly" where the question has a "Sometimes"; two answers otherwise.
        ("welcome", en, "yes and no", Choice("sometimes")),
        ("welcome", en, "sometimes yes", Choice("sometimes")),
        ("welcome", en, "a little bit", Choice("sometimes")),
        ("welcome", pl, "trochę", Choice("sometimes")),
        ("welcome", en, "yes, no", Unclear),
        ("welcome", en, "maybe later", Unclear),
        ("welcome", en, "", Unclear),
        ("welcome", en, "?!", Unclear),
        ("welcome", en, "skip", Skip),
        ("welcome", en, "Skip please", Skip),
        ("welcome", en, "pass", Skip),
        ("welcome", en, "NEXT", Skip),
        ("welcome", en, "skip this one", Skip),
        ("welcome", en, "the third one", Choice("no")),
        ("welcome", en, "2nd one", Choice("sometimes")),
        ("welcome", en, "1 one", Unclear),
        ("welcome", en, "always", Choice("yes")),
        // "definitely" is yes; "definitely not" is no.
        ("welcome", en, "definitely not", Choice("no")),
        ("welcome", en, "Absolutely not!", Choice("no")),
        ("welcome", en, "mostly", Choice("yes")),
        ("welcome", en, "hardly ever", Choice("no")),
        ("explained", en, "not well", Choice("no")),
        ("welcome", pl, "rzadko", Choice("no")),
        ("welcome", pl, "przeważnie", Choice("yes")),
        ("welcome", ar, "نادرا", Choice("no")),
        ("welcome", ar, "أكيد", Choice("yes")),
        ("welcome", en, "Not always", Choice("sometimes")),
        ("welcome", en, "it depends on the day", Choice("sometimes")),
        ("welcome", en, "not always no", Unclear),
        ("welcome", en, "not yes", Unclear),
        ("welcome", en, "Yes I don't mind", Choice("yes")),
        ("listened-to", en, "the fourth one", Feeling(4)),
        // Other languages, and words from another language than the person's.
        ("welcome", pl, "tak", Choice("yes")),
        ("welcome", pl, "Czasami", Choice("sometimes")),
        ("welcome", pl, "dwa", Choice("sometimes")),
        ("welcome", pl, "nie zawsze", Choice("sometimes")),
        ("welcome", pl, "zawsze", Choice("yes")),
        ("welcome", pl, "nigdy", Choice("no")),
        ("welcome", pl, "Nie", Choice("no")),
        ("welcome", pl, "nie wiem", Choice("not-sure")),
        ("welcome", pl, "pomiń", Skip),
        ("welcome", pl, "pomin", Skip),
        ("welcome", en, "Tak", Choice("yes")),
        ("welcome", ar, "نعم", Choice("yes")),
        ("welcome", ar, "أحيانا", Choice("sometimes")),
        ("welcome", ar, "ليس دائما", Choice("sometimes")),
        ("welcome", ar, "أبدا", Choice("no")),
        ("welcome", ar, "اثنين", Choice("sometimes")),
        ("welcome", ar, "لا", Choice("no")),
        ("welcome", ar, "لست متأكدًا", Choice("not-sure")),
        ("welcome", ar, "تخطي", Skip),
        // Feelings: 1 Very sad .. 5 Very happy.
        ("listened-to", en, "4", Feeling(4)),
        ("listened-to", en, "four", Feeling(4)),
        ("listened-to", en, "happy", Feeling(4)),
        ("listened-to", en, "Very happy!", Feeling(5)),
        ("listened-to", en, "very sad", Feeling(1)),
        ("listened-to", en, "Sad", Feeling(2)),
        ("listened-to", en, "rubbish", Feeling(1)),
        ("listened-to", en, "ok", Feeling(3)),
        ("listened-to", en, "not happy", Feeling(2)),
        ("listened-to", en, "not bad", Feeling(3)),
        ("listened-to", en, "not sad", Unclear),
        // How people feel about being heard, in words that are not happy or sad.
        ("listened-to", en, "frustrated", Feeling(2)),
        ("listened-to", en, "I feel angry", Feeling(2)),
        ("listened-to", en, "Fed up!", Feeling(2)),
        ("listened-to", en, "ignored", Feeling(1)),
        ("listened-to", en, "I don't feel listened to", Feeling(1)),
        ("listened-to", en, "I haven't been heard", Feeling(1)),
        ("listened-to", en, "nobody listens", Feeling(1)),
        ("listened-to", en, "I feel heard", Feeling(4)),
        ("listened-to", en, "listened to", Feeling(4)),
        ("listened-to", en, "really listened to", Feeling(5)),
        ("listened-to", en, "not frustrated", Unclear),
        ("listened-to", en, "heard nothing back", Unclear),
        ("listened-to", pl, "wkurzona", Feeling(2)),
        ("listened-to", ar, "محبطة", Feeling(2)),
        ("listened-to", ar, "جيد جدا", Feeling(5)),
        ("listened-to", ar, "لست سعيدة", Feeling(2)),
        ("listened-to", en, "4/5", Feeling(4)),
        ("listened-to", en, "3 out of 5", Feeling(3)),
        ("listened-to", en, "3 out of 5 I guess", Feeling(3)),
        // A hedged number is the number; a hedge without one, or two numbers, is not.
        ("listened-to", en, "about a 2", Feeling(2)),
        ("listened-to", en, "maybe 3", Feeling(3)),
        ("listened-to", en, "Probably a 4 tbh", Feeling(4)),
        ("listened-to", en, "2ish", Feeling(2)),
        ("listened-to", en, "3-ish", Feeling(3)),
        ("listened-to", en, "around 2 or 3", Unclear),
        ("listened-to", en, "maybe", Unclear),
        ("listened-to", pl, "chyba 4", Feeling(4)),
        ("listened-to", ar, "ربما 2", Feeling(2)),
        ("asked", en, "Nobody asks me", Choice("no")),
        ("welcome", en, "some staff yes some no", Choice("sometimes")),
        (
            "welcome",
            en,
            "yes with some teachers, no with others",
            Choice("sometimes"),
        ),
        ("welcome", en, "I think so", Choice("yes")),
        ("welcome", en, "I don't think so", Choice("no")),
        ("welcome", en, "Yh", Choice("yes")),
        ("asked", en, "every time", Choice("yes")),
        ("listened-to", en, "crap", Feeling(1)),
        ("listened-to", en, "💩", Feeling(1)),
        ("listened-to", en, "10/10", Feeling(5)),
        ("listened-to", en, "7 out of 10", Feeling(4)),
        ("listened-to", en, "1/10", Feeling(1)),
        ("listened-to", en, "11/10", Unclear),
        ("listened-to", en, "⭐⭐⭐", Feeling(3)),
        ("listened-to", en, "⭐⭐⭐⭐⭐⭐", Unclear),
        ("explained", en, "no one explains anything", Choice("no")),
        ("asked", pl, "nikt", Choice("no")),
        ("listened-to", en, "4/5 very good", Unclear),
        ("listened-to", en, "😀", Feeling(5)),
        ("listened-to", en, "🙁🙁", Feeling(2)),
        ("listened-to", en, "😀😢", Unclear),
        ("listened-to", en, "6", Unclear),
        ("listened-to", en, "1 very happy", Unclear),
        ("listened-to", en, "don't know", Unclear),
        ("listened-to", pl, "Bardzo dobrze", Feeling(5)),
        ("listened-to", pl, "źle", Feeling(2)),
        ("listened-to", pl, "tak sobie", Feeling(3)),
        ("listened-to", pl, "pięć", Feeling(5)),
        ("listened-to", pl, "piec", Feeling(5)),
        ("listened-to", ar, "سعيد جدا", Feeling(5)),
        ("listened-to", ar, "لا بأس", Feeling(3)),
        ("listened-to", ar, "٤", Feeling(4)),
        // Free text is kept as typed.
        (
            "better-together",
            en,
            "  Stop making us wait!  ",
            Text("Stop making us wait!"),
        ),
        ("better-together", en, "2", Text("2")),
        ("better-together", en, "don't know", Text("don't know")),
        (
            "better-together",
            en,
            "I'd skip school if I could",
            Text("I'd skip school if I could"),
        ),
        ("better-together", en, "SKIP", Skip),
        ("better-together", en, "   ", Unclear),
        // Area: 1 East Devon .. 8 West Devon, 9 Outside Devon, 10 Prefer not to say.
        ("where", en, "2", Area("exeter")),
        ("where", en, "three", Area("mid-devon")),
        ("where", en, "Cornwall", Area("outside-devon")),
        // Around a city or a district could be any district beside it; around a town is
        // the town's.
        ("where", en, "just outside Exeter", Unclear),
        ("where", en, "we live near Plymouth", Unclear),
        ("where", en, "near Tiverton", Area("mid-devon")),
        ("where", en, "outside Devon", Area("outside-devon")),
        ("where", en, "Hemyock", Area("mid-devon")),
        ("where", en, "north", Area("north-devon")),
        // Devon denied is outside it; a place denied is no answer, and no guess at a misspelling.
        ("where", en, "not in devon", Area("outside-devon")),
        ("where", en, "I don't live in Devon", Area("outside-devon")),
        ("where", en, "not Exeter", Unclear),
        ("where", en, "not EX4", Unclear),
        ("where", en, "Exeter not Exmouth", Unclear),
        ("where", en, "not sure, Exeter", Area("exeter")),
        ("where", en, "Tavi", Area("west-devon")),
        // Where they live, over another place they name.
        (
            "where",
            en,
            "I live in Exeter but my son goes to school in Crediton",
            Area("exeter"),
        ),
        (
            "where",
            en,
            "school in Exeter but we live in Crediton",
            Area("mid-devon"),
        ),
        ("where", en, "Ottery", Area("east-devon")),
        ("where", en, "Mid", Area("mid-devon")),
        ("where", en, "Barnstable", Area("north-devon")),
        ("where", en, "i live in Exter", Area("exeter")),
        ("where", en, "plymoth", Area("outside-devon")),
        ("where", en, "Exe", Unclear),
        ("where", en, "next door", Unclear),
        ("where", en, "we're in Yelverton", Area("west-devon")),
        ("where", en, "Lympstone", Area("east-devon")),
        ("where", en, "near Chagford", Area("west-devon")),
        ("where", en, "i live in somerset", Area("outside-devon")),
        (
            "where",
            en,
            "by the cornwall border, tavistock",
            Area("west-devon"),
        ),
        ("where", en, "10", Area("prefer-not-to-say")),
        ("where", en, "11", Unclear),
        ("where", en, "mid devon", Area("mid-devon")),
        ("where", en, "Teignbridge", Area("teignbridge")),
        ("where", en, "We live in North Devon", Area("north-devon")),
        ("where", en, "3 mid devon", Area("mid-devon")),
        ("where", en, "1 exeter", Unclear),
        ("where", en, "EX4", Area("exeter")),
        ("where", en, "tq12", Area("teignbridge")),
        ("where", en, "EX4 6PX", Area("exeter")),
        ("where", en, "I live in ex4 6px", Area("exeter")),
        ("where", en, "EX1", Ambiguous(&["exeter", "east-devon"])),
        ("where", en, "PL1", Area("outside-devon")),
        ("where", en, "near Barnstaple", Area("north-devon")),
        ("where", en, "Okehampton", Area("west-devon")),
        ("where", en, "we live in Newton Abbot", Area("teignbridge")),
        ("where", en, "Plymouth", Area("outside-devon")),
        ("where", en, "N Devon", Area("north-devon")),
        ("where", en, "s hams", Area("south-hams")),
        ("where", en, "not telling", Area("prefer-not-to-say")),
        (
            "where",
            en,
            "none of your business",
            Area("prefer-not-to-say"),
        ),
        ("where", en, "2 Tiverton", Unclear),
        ("where", en, "Outside Devon", Area("outside-devon")),
        ("where", en, "I live outside devon", Area("outside-devon")),
        ("where", en, "prefer not to say", Area("prefer-not-to-say")),
        ("where", en, "Devon", Unclear),
        ("where", en, "EX27", Unclear),
        ("where", en, "skip", Skip),
        ("where", pl, "Poza hrabstwem Devon", Area("outside-devon")),
        ("where", ar, "إكستر", Area("exeter")),
        // Group: 1 child, 2 young person, 3 parent or carer, 4 professional, 5 rather not say.
        ("who", en, "3", Group(ParentCarer)),
        ("who", en, "parent", Group(ParentCarer)),
        ("who", en, "I'm a TA", Group(Professional)),
        ("who", en, "I'm at college", Group(YoungPerson)),
        ("who", en, "I work at his school", Group(Professional)),
        ("who", en, "parent ta", Group(ParentCarer)),
        ("who", en, "I'm sixteen", Group(YoungPerson)),
        ("who", en, "im fourteen years old", Group(YoungPerson)),
        ("welcome", en, "eleven", Unclear),
        ("who", en, "Mum", Group(ParentCarer)),
        ("who", en, "I'm a dad", Group(ParentCarer)),
        ("who", en, "carer", Group(ParentCarer)),
        ("who", en, "mum of a 15 year old", Group(ParentCarer)),
        (
            "who",
            en,
            "parent of a child with autism",
            Group(ParentCarer),
        ),
        ("who", en, "I'm 15", Group(YoungPerson)),
        ("who", en, "im 9", Group(Child)),
        ("who", en, "15 years old", Group(YoungPerson)),
        ("who", en, "15", Group(YoungPerson)),
        ("who", en, "I'm 40", Unclear),
        ("who", en, "I'm in year 9", Group(YoungPerson)),
        ("who", en, "y9", Group(YoungPerson)),
        ("who", en, "year 6", Group(Child)),
        ("who", en, "9 year old", Group(Child)),
        ("who", en, "my son is in year 9", Group(ParentCarer)),
        ("who", en, "I'm the grandmother", Group(ParentCarer)),
        (
            "who",
            en,
            "his auntie, I look after him",
            Group(ParentCarer),
        ),
        ("who", en, "paediatrician", Group(Professional)),
        ("who", en, "I'm 9 and my uncle is helping", Group(Child)),
        ("who", en, "I work in a primary school", Unclear),
        ("who", en, "teacher", Group(Professional)),
        ("who", en, "I work with children", Group(Professional)),
        ("who", en, "young carer", Group(YoungPerson)),
        (
            "who",
            en,
            "I'm 12 and my mum is helping",
            Group(YoungPerson),
        ),
        ("who", en, "my son is 12", Group(ParentCarer)),
        ("who", en, "parent and teacher", Unclear),
        ("who", en, "rather not say", Group(PreferNotToSay)),
        ("who", en, "I'd rather not tell", Group(PreferNotToSay)),
        ("who", en, "not telling", Group(PreferNotToSay)),
        ("who", en, "5", Group(PreferNotToSay)),
        ("who", en, "pass", Skip),
        ("who", pl, "rodzic", Group(ParentCarer)),
        ("who", pl, "mama", Group(ParentCarer)),
        ("who", pl, "mam 15 lat", Group(YoungPerson)),
        ("who", ar, "أم", Group(ParentCarer)),
        ("who", ar, "عمري ١٤", Group(YoungPerson)),
    ];
    assert!(table.len() >= 40);
    read_as_expected(table);
    println!("{} replies read as expected", table.len());
}

#[test]
fn reply_values_are_domain_types() {
    let c = Consultation::demo();
    let areas = Areas::devon();
    let q = c.question("welcome").unwrap();
    assert_eq!(
        parse_reply("2", q, &areas, Locale::EN_GB),
        Reply::Choice(Slug::parse("sometimes").unwrap())
    );
    let q = c.question("listened-to").unwrap();
    assert_eq!(
        parse_reply("5", q, &areas, Locale::EN_GB),
        Reply::Feeling(Feeling::new(5).unwrap())
    );
}

#[test]
fn ambiguous_area_then_pick() {
    let c = Consultation::demo();
    let areas = Areas::devon();
    let q = c.question("where").unwrap();
    let Reply::AreaAmbiguous(choices) = parse_reply("EX5", q, &areas, Locale::EN_GB) else {
        panic!("EX5 spans districts");
    };
    let ids: Vec<&str> = choices.iter().map(|c| c.as_str()).collect();
    assert_eq!(ids, ["east-devon", "mid-devon", "exeter"]);
    let text = render_area_pick(q, &choices, &areas, Locale::EN_GB);
    assert_eq!(
        text,
        "Which of these is your area?\n1 East Devon\n2 Mid Devon\n3 Exeter\n\
         Reply 1, 2 or 3. Reply SKIP to skip."
    );
    let pick = |t| parse_area_pick(t, &choices, &areas, Locale::EN_GB);
    assert_eq!(pick("2"), Reply::Area(areas.id("mid-devon").unwrap()));
    assert_eq!(pick("exeter"), Reply::Area(areas.id("exeter").unwrap()));
    assert_eq!(pick("4"), Reply::Unclear);
    assert_eq!(pick("Torridge"), Reply::Unclear);
    assert_eq!(pick("skip"), Reply::Skip);
    assert_eq!(
        pick("EX5 1AA"),
        Reply::Area(areas.id("east-devon").unwrap())
    );
    assert_eq!(area_choices(&areas).len(), 10);
}

#[test]
fn keywords_only_as_the_whole_message() {
    use Keyword::*;
    for (text, expected) in [
        ("STOP", Some(Stop)),
        ("stop", Some(Stop)),
        (" Stop! ", Some(Stop)),
        ("S T O P", Some(Stop)),
        ("stop all", Some(Stop)),
        ("STOPALL", Some(Stop)),
        ("Unsubscribe", Some(Stop)),
        ("cancel.", Some(Stop)),
        ("END", Some(Stop)),
        ("quit", Some(Stop)),
        ("opt out", Some(Stop)),
        ("START", Some(Start)),
        ("unstop", Some(Start)),
        ("Help", Some(Help)),
        ("help?", Some(Help)),
        ("INFO", Some(Help)),
        ("restart", Some(Restart)),
        ("Pomoc", Some(Help)),
        ("مساعدة", Some(Help)),
        ("توقف", Some(Stop)),
        ("Re-start", Some(Restart)),
        ("stop making us wait", None),
        // Asking not to be texted, in so many words, is honoured as STOP.
        ("please stop", Some(Stop)),
        ("Please stop texting me", Some(Stop)),
        ("stop sending me texts thanks", Some(Stop)),
        ("Don't text me again", Some(Stop)),
        ("no more texts please", Some(Stop)),
        ("take me off your list", Some(Stop)),
        ("unsubscribe me", Some(Stop)),
        ("Nie piszcie do mnie więcej", Some(Stop)),
        ("stop the cuts to short breaks", None),
        ("dont text me at work, email instead", None),
        ("please stop cutting services", None),
        ("help me", None),
        ("yes", None),
        ("2", None),
        ("", None),
        ("stopp", None),
    ] {
        assert_eq!(parse_keyword(text), expected, "{text:?}");
    }
}

// ---------------------------------------------------------------------------------------
// GSM-7 and what each question costs

#[test]
fn gsm7_helpers() {
    assert!(is_gsm7("Reply 1, 2 or 3. £5 €5"));
    assert!(!is_gsm7("Don’t"));
    assert_eq!(to_gsm7("Don’t – “wait”… 👍"), "Don't - \"wait\"...");
    assert_eq!(segments(&"a".repeat(160)), 1);
    assert_eq!(segments(&"a".repeat(161)), 2);
    assert_eq!(segments(&"[".repeat(80)), 1);
    assert_eq!(segments(&"[".repeat(81)), 2);
    assert_eq!(segments(&"ą".repeat(70)), 1);
    assert_eq!(segments(&"ą".repeat(71)), 2);
    assert_eq!(segments(&"ą".repeat(134)), 2);
}

#[test]
fn demo_questions_segment_counts() {
    let c = Consultation::demo();
    let areas = Areas::devon();
    println!(
        "{:<16} {:>6} {:>6} {:>8} {:>6} {:>7}",
        "question", "locale", "chars", "segments", "", "folded"
    );
    let mut total = [0usize; 3];
    let mut folded_total = [0usize; 3];
    for q in &c.questions {
        for (i, locale) in Locale::ALL.into_iter().enumerate() {
            let text = render_question(q, &areas, locale);
            let n = segments(&text);
            // What `fold_to_gsm7` would cost instead (Polish without its marks).
            let folded = segments(&fold_to_gsm7(&text));
            total[i] += n;
            folded_total[i] += folded;
            println!(
                "{:<16} {:>6} {:>6} {:>8} {:>6} {:>7}",
                q.id.as_str(),
                locale.tag(),
                text.chars().count(),
                n,
                if is_gsm7(&text) { "GSM-7" } else { "UCS-2" },
                folded
            );
            assert!(n <= 6, "{} in {locale} takes {n} segments:\n{text}", q.id);
            assert!(folded <= n);
            assert!(!text.contains("sms-"), "a message id leaked: {text}");
            if locale == Locale::EN_GB {
                assert!(is_gsm7(&text), "{} is not GSM-7:\n{text}", q.id);
            }
        }
    }
    for (i, locale) in Locale::ALL.into_iter().enumerate() {
        println!(
            "whole consultation in {locale}: {} segments ({} folded)",
            total[i], folded_total[i]
        );
    }
}

/// Every text heard writes itself (`sms-*` in `locales/`), in every locale, as it is sent:
/// at most 2 segments, and plain GSM-7 wherever the language can be written in it.
#[test]
fn every_sms_template_fits_two_segments_in_every_locale() {
    use heard::channels::sms::conversation::finish;
    use heard::channels::sms::render::render_reask;
    use heard::i18n::{self, Arg};

    let source = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en-GB/heard.ftl"),
    )
    .unwrap();
    let ids: Vec<&str> = source
        .lines()
        .filter(|l| l.starts_with("sms-"))
        .filter_map(|l| l.split(" =").next())
        .collect();
    assert!(ids.len() >= 15, "{ids:?}");
    let args = [
        ("numbers", Arg::from("1, 2, 3, 4, 5, 6, 7, 8, 9")),
        ("first", Arg::from("1")),
        ("last", Arg::from("10")),
    ];
    let mut texts = Vec::new();
    for locale in Locale::ALL {
        for id in &ids {
            let text = finish(i18n::text_with(locale, id, &args), locale);
            assert_ne!(&text, id, "{id} is missing in {locale}");
            texts.push((format!("{id} ({locale})"), locale, text));
        }
        let consultation = Consultation::demo();
        for question in &consultation.questions {
            let text = finish(
                render_reask(question, None, &Areas::devon(), locale),
                locale,
            );
            texts.push((format!("re-ask {} ({locale})", question.id), locale, text));
        }
    }
    for (name, locale, text) in texts {
        let n = segments(&text);
        assert!(n <= 2, "{name} takes {n} segments: {text}");
        if locale != Locale::AR {
            assert!(is_gsm7(&text), "{name} is not plain GSM-7: {text}");
        }
        assert!(!text.contains(['\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}']));
    }
}
