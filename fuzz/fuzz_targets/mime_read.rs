//! The email channel's reader, on any bytes: `mime::read` (mail-parser, then heard's own
//! header and body handling), the stripping of quotes and signatures, area, group and
//! language detection, and the scrubbed text that would be stored, as
//! `heard::channels::email::read` does for every message fetched from IMAP.
//! HTML-to-text is also run on the input directly.
#![no_main]

use std::sync::{Arc, LazyLock};

use heard::channels::email::{self, mime};
use heard::domain::Areas;
use libfuzzer_sys::fuzz_target;

static AREAS: LazyLock<Arc<Areas>> = LazyLock::new(Areas::devon);

fuzz_target!(|data: &[u8]| {
    if let Ok(reading) = email::read(&AREAS, data) {
        let _ = reading.stored_text();
        let _ = format!("{:?}", reading.email);
    }
    let _ = mime::html_to_text(&String::from_utf8_lossy(data));
});
