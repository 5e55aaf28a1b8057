//! The scrubber, on any text (any bytes, read as UTF-8 with replacement characters).
//!
//! Properties, beyond never panicking:
//! - scrubbing is idempotent: the scrubbed text, scrubbed again, comes out unchanged and
//!   nothing more is found in it, so nothing the scrubber would remove survives it;
//! - control and invisible characters never come out;
//! - a text from which nothing was removed comes out byte-identical but for those
//!   characters, which go first whatever else is found.
#![no_main]

use heard::privacy::scrub::{is_invisible, scrub, scrub_report};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (once, removed) = scrub_report(&text);
    assert!(!once.as_str().chars().any(is_invisible), "{once:?}");
    if removed.is_empty() {
        let visible: String = text.chars().filter(|&c| !is_invisible(c)).collect();
        assert_eq!(once.as_str(), visible, "changed with nothing removed");
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
