//! The email corpus in `tests/data/emails/`: each raw message and what heard must make of it.

use std::path::{Path, PathBuf};

use heard::domain::consultation::DEMO_SOURCE;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    /// False for messages that are not views (automatic replies, bounces).
    pub stored: bool,
    #[serde(default)]
    pub text: String,
    pub area: Option<String>,
    pub group: Option<String>,
    #[serde(default = "default_consultation")]
    pub consultation: String,
    #[serde(default = "default_locale")]
    pub locale: String,
    #[serde(default)]
    pub attachments: usize,
    #[serde(default)]
    pub flagged: bool,
    /// Whether heard may answer it at all (not automatic or list mail).
    #[serde(default = "yes")]
    pub may_reply: bool,
}

fn default_consultation() -> String {
    "four-cornerstones".into()
}
fn default_locale() -> String {
    "en-GB".into()
}
fn yes() -> bool {
    true
}

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/emails")
}

/// Every (name, raw message, expectation), in name order.
pub fn corpus() -> Vec<(String, Vec<u8>, Expected)> {
    let mut out = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            (p.extension()? == "eml").then(|| p.file_stem()?.to_str().map(str::to_owned))?
        })
        .collect();
    names.sort();
    for name in names {
        let raw = std::fs::read(corpus_dir().join(format!("{name}.eml"))).unwrap();
        let toml_text = std::fs::read_to_string(corpus_dir().join(format!("{name}.toml")))
            .unwrap_or_else(|_| panic!("{name}.eml has no {name}.toml"));
        let expected: Expected =
            toml::from_str(&toml_text).unwrap_or_else(|e| panic!("{name}.toml: {e}"));
        out.push((name, raw, expected));
    }
    out
}

/// A second consultation, so choosing by plus address and subject can be seen to work.
pub fn school_transport_source() -> String {
    DEMO_SOURCE
        .replace(
            "slug = \"four-cornerstones\"",
            "slug = \"school-transport\"",
        )
        .replace("sms_keyword = \"VIEWS\"", "sms_keyword = \"BUS\"")
        .replace(
            "en-GB = \"Four Cornerstones: what matters to you?\"",
            "en-GB = \"School transport: getting there\"",
        )
        .replace(
            "pl = \"Cztery filary: co jest dla Ciebie ważne?\"",
            "pl = \"Transport do szkoły\"",
        )
        .replace(
            "ar = \"الركائز الأربع: ما المهم بالنسبة لك؟\"",
            "ar = \"النقل المدرسي\"",
        )
}
