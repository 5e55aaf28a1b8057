//! The scrubber, on any text (any bytes, read as UTF-8 with replacement characters).
//!
//! Properties, beyond never panicking:
//! - scrubbing is idempotent: the scrubbed text, scrubbed again, comes out unchanged and
//!   nothing more is found in it, so nothing the scrubber would remove survives it;
//! - a text from which nothing was removed comes out byte-identical.
#![no_main]

use heard::privacy::scrub::{scrub, scrub_report};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (once, removed) = scrub_report(&text);
    if removed.is_empty() {
        assert_eq!(once.as_str(), text, "changed with nothing removed");
    }
    let (twice, again) = scrub_report(once.as_str());
    assert!(
        again.is_empty(),
        "scrubbed text still holds {again:?}:\n{text:?}\n-> {:?}\n-> {:?}",
        once.as_str(),
        twice.as_str()
    );
    assert_eq!(scrub(&text), once);
});
