//! (in progress)
pub const LOCALES: &[&str] = &["en-GB", "pl", "ar"];
pub const DEFAULT_LOCALE: &str = "en-GB";
