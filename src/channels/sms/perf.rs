//! Micro-measurements of what an SMS webhook spends its CPU on. Ignored by default; run
//! them in release, alone:
//!
//! ```text
//! cargo test --release --lib channels::sms::perf -- --ignored --nocapture --test-threads 1
//! ```
//!
//! Each figure is the best of several rounds, so a busy machine shows less in it.

use std::hint::black_box;
use std::time::{Duration, Instant};

use axum::http::HeaderMap;

use super::conversation::{self, Context};
use super::gsm::{fold_to_gsm7, segments, to_gsm7};
use super::render::render_question;
use super::twilio::{self, Sender, Twilio};
use super::{Gateway, Secret, WebhookRequest};
use crate::domain::{Areas, Consultation};
use crate::i18n::{self, Locale};
use crate::privacy::Identifier;

/// Prints and returns the best time per call of `f`, in microseconds.
fn measure<T>(name: &str, mut f: impl FnMut() -> T) -> f64 {
    // Enough calls that one round takes about 20 ms.
    let start = Instant::now();
    let mut calls = 0u64;
    while start.elapsed() < Duration::from_millis(20) {
        black_box(f());
        calls += 1;
    }
    let mut best = f64::MAX;
    for _ in 0..9 {
        let start = Instant::now();
        for _ in 0..calls {
            black_box(f());
        }
        best = best.min(start.elapsed().as_secs_f64() / calls as f64);
    }
    let micros = best * 1e6;
    eprintln!("{name:<52} {micros:>9.3} µs");
    micros
}

#[test]
#[ignore = "a measurement: run in release with --ignored --nocapture"]
fn gsm() {
    let welcome = i18n::text(Locale::EN_GB, "sms-welcome");
    let question = render_question(
        Consultation::demo()
            .question("welcome")
            .expect("demo question"),
        &Areas::devon(),
        Locale::EN_GB,
    );
    let typographic = "“Don’t” – wait… ‘ok’\u{00A0}then — «yes»  \n  Thanks 😀 so much 👍🏽!";
    let polish = i18n::text(Locale::PL, "sms-welcome");
    let arabic = i18n::text(Locale::AR, "sms-welcome");
    measure("to_gsm7(en-GB welcome, unchanged)", || {
        to_gsm7(black_box(&welcome))
    });
    measure("to_gsm7(rendered question, unchanged)", || {
        to_gsm7(black_box(&question))
    });
    measure("to_gsm7(typography and emoji)", || {
        to_gsm7(black_box(typographic))
    });
    measure("to_gsm7(ar welcome)", || to_gsm7(black_box(&arabic)));
    measure("fold_to_gsm7(pl welcome)", || {
        fold_to_gsm7(black_box(&polish))
    });
    measure("segments(rendered question)", || {
        segments(black_box(&question))
    });
    measure("segments(ar welcome)", || segments(black_box(&arabic)));
}

#[test]
#[ignore = "a measurement: run in release with --ignored --nocapture"]
fn render() {
    let consultation = Consultation::demo();
    let areas = Areas::devon();
    for (id, locale) in [
        ("welcome", Locale::EN_GB),
        ("welcome", Locale::PL),
        ("welcome", Locale::AR),
        ("listened-to", Locale::EN_GB),
        ("where", Locale::EN_GB),
        ("who", Locale::EN_GB),
        ("better-together", Locale::EN_GB),
    ] {
        let question = consultation.question(id).expect("demo question");
        measure(&format!("render_question({id}, {locale})"), || {
            render_question(black_box(question), &areas, locale)
        });
    }
    measure("i18n::text(en-GB, sms-welcome)", || {
        i18n::text(black_box(Locale::EN_GB), "sms-welcome")
    });
    measure("conversation::say(en-GB, sms-welcome)", || {
        conversation::say(black_box(Locale::EN_GB), "sms-welcome")
    });
    let open = [&consultation];
    let context = Context {
        open: &open,
        areas: &areas,
    };
    measure("conversation::handle_assessed(new, en-GB)", || {
        conversation::handle_assessed(None, black_box("Hi"), false, &context)
    });
}

#[test]
#[ignore = "a measurement: run in release with --ignored --nocapture"]
fn safeguarding() {
    // The first view builds the patterns and trains the learned reader.
    let start = Instant::now();
    black_box(crate::safeguarding::assess("hello"));
    eprintln!(
        "{:<52} {:>9.3} ms",
        "safeguarding, first use (build and train)",
        start.elapsed().as_secs_f64() * 1e3
    );
    measure("safeguarding::assess(hello)", || {
        crate::safeguarding::assess(black_box("hello"))
    });
    let view = "The school would be better if the teachers listened to what my son needs, \
                and if his taxi came on time so he was not so anxious every morning.";
    measure("safeguarding::assess(a 33-word view)", || {
        crate::safeguarding::assess(black_box(view))
    });
}

#[test]
#[ignore = "a measurement: run in release with --ignored --nocapture"]
fn phone() {
    measure("Identifier::phone(+447700900123)", || {
        Identifier::phone(black_box("+447700900123"))
    });
    measure("Identifier::phone(447700900123)", || {
        Identifier::phone(black_box("447700900123"))
    });
    measure("Identifier::phone(07700 900123)", || {
        Identifier::phone(black_box("07700 900123"))
    });
    measure("Identifier::phone(+33612345678)", || {
        Identifier::phone(black_box("+33612345678"))
    });
}

#[test]
#[ignore = "a measurement: run in release with --ignored --nocapture"]
fn twilio_webhook() {
    let token = "0123456789abcdef0123456789abcdef";
    let gateway = Twilio::new(
        "AC0123456789abcdef0123456789abcdef",
        Secret::new(token),
        Sender::Number("+447700900999".into()),
    )
    .expect("gateway");
    // The parameters Twilio sends with an incoming text.
    let pairs = [
        ("ToCountry", "GB"),
        ("ToState", ""),
        ("SmsMessageSid", "SM0123456789abcdef0123456789abcdef"),
        ("NumMedia", "0"),
        ("ToCity", ""),
        ("FromZip", ""),
        ("SmsSid", "SM0123456789abcdef0123456789abcdef"),
        ("FromState", ""),
        ("SmsStatus", "received"),
        ("FromCity", ""),
        ("Body", "Hello, I would like to take part"),
        ("FromCountry", "GB"),
        ("To", "+447700900999"),
        ("MessagingServiceSid", "MG0123456789abcdef0123456789abcdef"),
        ("ToZip", ""),
        ("NumSegments", "1"),
        ("MessageSid", "SM0123456789abcdef0123456789abcdef"),
        ("AccountSid", "AC0123456789abcdef0123456789abcdef"),
        ("From", "+447700900123"),
        ("ApiVersion", "2010-04-01"),
    ];
    let body = twilio::form_encode(&pairs);
    let url = "https://heard.example/webhooks/sms/twilio";
    let params = twilio::parse_form(body.as_bytes()).expect("form");
    let signature = twilio::signature(token, url, &params);
    let mut headers = HeaderMap::new();
    headers.insert(
        twilio::SIGNATURE_HEADER,
        signature.parse().expect("header value"),
    );
    let request = WebhookRequest {
        url,
        headers: &headers,
        body: body.as_bytes(),
    };
    measure("Twilio::parse_inbound(20 parameters)", || {
        gateway.parse_inbound(black_box(&request))
    });
    measure("twilio::parse_form(20 parameters)", || {
        twilio::parse_form(black_box(body.as_bytes()))
    });
    measure("twilio::signature_matches", || {
        twilio::signature_matches(token, url, black_box(&params), &signature)
    });
    let replies = vec![
        conversation::say(Locale::EN_GB, "sms-welcome"),
        render_question(
            Consultation::demo()
                .question("welcome")
                .expect("demo question"),
            &Areas::devon(),
            Locale::EN_GB,
        ),
    ];
    measure("Twilio::inline_reply(welcome, question)", || {
        gateway.inline_reply(black_box(&replies))
    });
}

#[test]
#[ignore = "a measurement: run in release with --ignored --nocapture"]
fn metrics() {
    crate::metrics::install();
    measure("metrics::http_request", || {
        crate::metrics::http_request(
            black_box("/webhooks/sms/twilio"),
            &axum::http::Method::POST,
            axum::http::StatusCode::OK,
        )
    });
}
