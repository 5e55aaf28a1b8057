//! Channels: each turns what it receives into a domain `Submission` and hands it to
//! `ingest`. Nothing here stores anything itself.

pub mod email;
pub mod event;
pub mod sms;
pub mod web;

/// Lower-case words with single spaces, punctuation dropped: how a channel compares what
/// people wrote with names and labels ("Parent/carer" and "parent carer" read alike).
pub(crate) fn plain_words(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
