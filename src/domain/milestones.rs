//! Recovery date, slips and personal milestones. Days are counted in the person's own
//! local calendar days: the date, not the number of 24-hour periods, so daylight-saving
//! changes and travel never make a day vanish or count twice.

use super::list::impl_has_id;
use super::Id;
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slip {
    pub id: Id,
    #[serde(with = "super::datefmt::date")]
    pub date: NaiveDate,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonalMilestone {
    pub id: Id,
    pub title: String,
    #[serde(with = "super::datefmt::date")]
    pub date: NaiveDate,
}

impl_has_id!(Slip, PersonalMilestone);

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Recovery {
    /// The local calendar date recovery began.
    #[serde(with = "super::datefmt::opt_date")]
    pub start_date: Option<NaiveDate>,
    /// Optional local time of day it began (for the hours shown in the first days).
    #[serde(with = "super::datefmt::opt_time")]
    pub start_time: Option<NaiveTime>,
    /// Every slip, oldest first. Never removed silently.
    pub slips: Vec<Slip>,
    pub personal: Vec<PersonalMilestone>,
    /// Milestones already celebrated (by key, e.g. "days-30"), so each is celebrated once.
    pub celebrated: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    InFuture,
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DateError::InFuture => {
                f.write_str("That date is in the future. Choose today or a day before.")
            }
        }
    }
}

impl Recovery {
    pub fn set_start(
        &mut self,
        date: NaiveDate,
        time: Option<NaiveTime>,
        today: NaiveDate,
    ) -> Result<(), DateError> {
        if date > today {
            return Err(DateError::InFuture);
        }
        self.start_date = Some(date);
        self.start_time = time;
        Ok(())
    }

    /// The first day of the current streak: the day after the latest slip on or after the
    /// start date, else the start date.
    pub fn current_streak_start(&self) -> Option<NaiveDate> {
        let start = self.start_date?;
        let last_slip = self
            .slips
            .iter()
            .map(|s| s.date)
            .filter(|d| *d >= start)
            .max();
        Some(match last_slip.and_then(|d| d.succ_opt()) {
            Some(after) => after.max(start),
            None => start,
        })
    }

    /// Whole local calendar days since the current streak began (0 on its first day).
    /// `None` before a start date is set or if `today` is before it.
    pub fn days_clean(&self, today: NaiveDate) -> Option<i64> {
        let s = self.current_streak_start()?;
        let d = (today - s).num_days();
        (d >= 0).then_some(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).expect("valid date")
    }

    #[test]
    fn counts_calendar_days_and_restarts_after_a_slip() {
        let mut r = Recovery::default();
        assert_eq!(r.days_clean(d(2026, 1, 1)), None);
        r.set_start(d(2026, 3, 1), None, d(2026, 11, 23))
            .expect("past date");
        assert_eq!(r.days_clean(d(2026, 3, 1)), Some(0));
        // Across the US spring-forward weekend (8 March 2026) and the leap-free February.
        assert_eq!(r.days_clean(d(2026, 3, 31)), Some(30));
        r.slips.push(Slip {
            id: Id::generate(1, 1),
            date: d(2026, 6, 10),
            note: String::new(),
        });
        assert_eq!(r.current_streak_start(), Some(d(2026, 6, 11)));
        assert_eq!(r.days_clean(d(2026, 6, 11)), Some(0));
        assert_eq!(
            r.set_start(d(2026, 12, 1), None, d(2026, 11, 23)),
            Err(DateError::InFuture)
        );
    }
}
