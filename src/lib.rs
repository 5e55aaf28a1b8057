//! heard: anonymous views from children, young people and parent carers with SEND,
//! and, area by area, whose voices are still missing.

pub mod channels;
pub mod cli;
pub mod clock;
pub mod config;
pub mod coverage;
pub mod csv_rows;
pub mod domain;
pub mod easyread;
pub mod i18n;
pub mod ingest;
pub mod metrics;
pub mod privacy;
pub mod safeguarding;
pub mod server;
pub mod staff;
pub mod startup;
pub mod store;
pub mod telemetry;
