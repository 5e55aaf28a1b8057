//! Channels: each turns what it receives into a domain `Submission` and hands it to
//! `ingest`. Nothing here stores anything itself.

pub mod email;
pub mod event;
pub mod sms;
pub mod web;
