//! The time heard believes it is. Production reads the system clock; tests move it forward
//! to see what a person finds when they come back days later.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use chrono::NaiveDate;
use time::OffsetDateTime;

#[derive(Debug, Clone, Default)]
pub struct Clock {
    /// Seconds added to the system clock.
    offset: Arc<AtomicI64>,
}

/// The UTC day a moment falls on.
pub fn day_of(moment: OffsetDateTime) -> NaiveDate {
    let moment = moment.to_offset(time::UtcOffset::UTC);
    NaiveDate::from_ymd_opt(
        moment.year(),
        u32::from(u8::from(moment.month())),
        u32::from(moment.day()),
    )
    .unwrap_or_default()
}

impl Clock {
    pub fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc() + time::Duration::seconds(self.offset.load(Ordering::Relaxed))
    }

    /// Today's date in UTC, the day a submission is recorded under.
    pub fn today(&self) -> NaiveDate {
        day_of(self.now())
    }

    /// Moves this clock (and every clone of it) forward.
    pub fn advance(&self, by: std::time::Duration) {
        let secs = i64::try_from(by.as_secs()).unwrap_or(i64::MAX);
        self.offset.fetch_add(secs, Ordering::Relaxed);
    }
}
