//! INTERFACE STUB — to be implemented (see the helper brief).

use serde::Serialize;

/// Free text with personal details taken out. The store accepts no other kind of text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct ScrubbedText(String);

impl ScrubbedText {
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn into_string(self) -> String {
        self.0
    }
    /// Text read back from the store, which only ever held scrubbed text.
    pub(crate) fn from_store(s: String) -> ScrubbedText {
        ScrubbedText(s)
    }
}

pub fn scrub(input: &str) -> ScrubbedText {
    ScrubbedText(input.to_owned())
}
