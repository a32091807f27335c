//! Recovery date, slips and personal milestones. Days are counted in the person's own
//! local calendar days: the date, not the number of 24-hour periods, so daylight-saving
//! changes and travel never make a day vanish or count twice.

use super::list::impl_has_id;
use super::Id;
use chrono::{Duration, Months, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slip {
    pub id: Id,
    #[serde(with = "super::datefmt::text")]
    pub date: NaiveDate,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonalMilestone {
    pub id: Id,
    pub title: String,
    #[serde(with = "super::datefmt::text")]
    pub date: NaiveDate,
}

impl_has_id!(Slip, PersonalMilestone);

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Recovery {
    /// The local calendar date recovery began.
    #[serde(with = "super::datefmt::opt")]
    pub start_date: Option<NaiveDate>,
    /// Optional local time of day it began (for the hours shown in the first days).
    #[serde(with = "super::datefmt::opt")]
    pub start_time: Option<NaiveTime>,
    /// Every slip, oldest first. Never removed silently.
    pub slips: Vec<Slip>,
    pub personal: Vec<PersonalMilestone>,
    /// Milestones already celebrated, each in its streak ("2026-06-11/days-30": the streak
    /// that began on June 11), so each streak's milestones are celebrated once each.
    pub celebrated: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    InFuture,
    BeforeStart,
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DateError::InFuture => f.write_str(tr!(progress.date_error.in_future)),
            DateError::BeforeStart => f.write_str(tr!(progress.date_error.before_start)),
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

    /// Whether the current streak starts more than a day after `today`: a phone clock set
    /// back, or a backup from a phone with a wrong clock. (One day ahead is travel west
    /// across midnight, which needs no word.) The count shows day 0 and the screen says why.
    pub fn starts_after(&self, today: NaiveDate) -> bool {
        self.current_streak_start()
            .is_some_and(|s| today.succ_opt().is_some_and(|t| s > t))
    }

    /// Whole local calendar days since the current streak began (0 on its first day, and on
    /// the day of a slip). `None` before a start date is set. A start date after `today`
    /// can only come from travel west or a clock change (a future date is refused when it is
    /// set), so it counts as day 0, never as less.
    pub fn days_in_recovery(&self, today: NaiveDate) -> Option<i64> {
        let s = self.current_streak_start()?;
        Some((today - s).num_days().max(0))
    }
}

/// How far from the start of a streak a milestone is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    Days(u32),
    Months(u32),
}

/// A standard milestone. Key-tag colors are Narcotics Anonymous's (NA World Services key
/// tags: welcome white, 30 days orange, 60 days green, 90 days red, 6 months blue, 9 months
/// yellow, 1 year glow-in-the-dark, 18 months gray, multiple years black).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Milestone {
    /// Stable key, e.g. "days-30", "years-3" (remembered once celebrated).
    pub key: String,
    pub label: String,
    pub span: Span,
    pub na_key_tag: Option<&'static str>,
}

/// The key-tag colors stay these English words (as data); `key_tag_color` says them in the
/// app's language.
const FIXED: [(&str, Span, Option<&str>); 9] = [
    ("hours-24", Span::Days(1), None),
    ("days-7", Span::Days(7), None),
    ("days-30", Span::Days(30), Some("orange")),
    ("days-60", Span::Days(60), Some("green")),
    ("days-90", Span::Days(90), Some("red")),
    ("months-6", Span::Months(6), Some("blue")),
    ("months-9", Span::Months(9), Some("yellow")),
    ("years-1", Span::Months(12), Some("glow-in-the-dark")),
    ("months-18", Span::Months(18), Some("gray")),
];

/// A fixed milestone's name, in the app's language: "30 days" / "30 días".
fn fixed_label(key: &str) -> &'static str {
    match key {
        "hours-24" => tr!(progress.milestones.hours_24),
        "days-7" => tr!(progress.milestones.week_1),
        "days-30" => tr!(progress.milestones.days_30),
        "days-60" => tr!(progress.milestones.days_60),
        "days-90" => tr!(progress.milestones.days_90),
        "months-6" => tr!(progress.milestones.months_6),
        "months-9" => tr!(progress.milestones.months_9),
        "years-1" => tr!(progress.milestones.year_1),
        _ => tr!(progress.milestones.months_18),
    }
}

/// A key tag's color (as `Milestone::na_key_tag` holds it), in the app's language. Spanish:
/// NA's Spanish-speaking groups call key tags "llaveros"; the colors are a faithful
/// translation (traducción fiel) of NA World Services' English names.
pub fn key_tag_color(tag: &str) -> &'static str {
    match tag {
        "white" => tr!(progress.key_tags.white),
        "orange" => tr!(progress.key_tags.orange),
        "green" => tr!(progress.key_tags.green),
        "red" => tr!(progress.key_tags.red),
        "blue" => tr!(progress.key_tags.blue),
        "yellow" => tr!(progress.key_tags.yellow),
        "glow-in-the-dark" => tr!(progress.key_tags.glow),
        "gray" => tr!(progress.key_tags.gray),
        _ => tr!(progress.key_tags.black),
    }
}

/// A number of days: "1 day", "30 days" / "1 día", "30 días" (one either way of zero).
pub fn days_text(n: i64) -> String {
    days_text_in(crate::lang::current(), n)
}

pub fn days_text_in(l: crate::lang::Locale, n: i64) -> String {
    use crate::i18n::td_string;
    if n == 1 || n == -1 {
        td_string!(l, progress.day_one, n = n)
    } else {
        td_string!(l, progress.days, n = n)
    }
}

/// How a celebrated milestone is remembered: the day its streak began, and its key.
pub fn celebration_key(streak_start: NaiveDate, m: &Milestone) -> String {
    format!("{}/{}", super::dates::iso(streak_start), m.key)
}

/// The NA key tag for the first day (the welcome tag).
pub const WELCOME_KEY_TAG: &str = "white";

impl Milestone {
    /// The standard milestones up to and including `years` years, in order.
    pub fn standard(years: u32) -> Vec<Milestone> {
        let mut out: Vec<Milestone> = FIXED
            .iter()
            .map(|(key, span, tag)| Milestone {
                key: (*key).to_string(),
                label: fixed_label(key).to_string(),
                span: *span,
                na_key_tag: *tag,
            })
            .collect();
        for y in 2..=years {
            out.push(Milestone {
                key: format!("years-{y}"),
                label: tr!(progress.milestones.years, n = y),
                span: Span::Months(12 * y),
                na_key_tag: Some("black"),
            });
        }
        out
    }

    /// The calendar date it is reached for a streak that began on `start`. Months are
    /// calendar months; from the 31st, a shorter month's last day counts.
    pub fn date_from(&self, start: NaiveDate) -> Option<NaiveDate> {
        match self.span {
            Span::Days(d) => start.checked_add_signed(Duration::days(i64::from(d))),
            Span::Months(m) => start.checked_add_months(Months::new(m)),
        }
    }
}

/// A run of days in recovery: from `start` up to (not including) `end`, the day of a slip or today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Streak {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Whether it is still going (ends today).
    pub current: bool,
}

impl Streak {
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days().max(0)
    }
}

impl Recovery {
    /// Records a slip on `date` (not in the future, not before the start date). The history
    /// is kept: the current streak restarts the next day.
    pub fn record_slip(
        &mut self,
        id: super::Id,
        date: NaiveDate,
        note: String,
        today: NaiveDate,
    ) -> Result<(), DateError> {
        self.check_slip_date(date, today)?;
        self.insert_slip(Slip { id, date, note });
        Ok(())
    }

    /// The rule for a slip's date: not in the future, not before the recovery date.
    fn check_slip_date(&self, date: NaiveDate, today: NaiveDate) -> Result<(), DateError> {
        if date > today {
            return Err(DateError::InFuture);
        }
        if self.start_date.is_some_and(|s| date < s) {
            return Err(DateError::BeforeStart);
        }
        Ok(())
    }

    /// Puts a slip in date order; a slip on the same day as another goes after it.
    /// (Inserted in place rather than sorted: a stable sort is several KB of download.)
    fn insert_slip(&mut self, slip: Slip) {
        let at = self.slips.partition_point(|s| s.date <= slip.date);
        self.slips.insert(at, slip);
    }

    /// Changes the date of a recorded slip, by the same rule as recording one (not in the
    /// future, not before the recovery date), keeping the slips in date order.
    pub fn move_slip(
        &mut self,
        id: &super::Id,
        date: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), DateError> {
        use super::list::OrderedList;
        self.check_slip_date(date, today)?;
        if let Some(removed) = self.slips.remove_id(id) {
            let mut slip = removed.item;
            slip.date = date;
            self.insert_slip(slip);
        }
        Ok(())
    }

    /// Every streak from the start date to today, oldest first.
    pub fn streaks(&self, today: NaiveDate) -> Vec<Streak> {
        let Some(start) = self.start_date else {
            return Vec::new();
        };
        if today < start {
            return Vec::new();
        }
        let mut slips: Vec<NaiveDate> = self
            .slips
            .iter()
            .map(|s| s.date)
            .filter(|d| *d >= start && *d <= today)
            .collect();
        super::order::sort(&mut slips);
        slips.dedup();
        let mut out = Vec::new();
        let mut from = start;
        for slip in slips {
            if slip >= from {
                out.push(Streak {
                    start: from,
                    end: slip,
                    current: false,
                });
            }
            from = slip.succ_opt().unwrap_or(slip);
        }
        // After a slip today, the current streak starts tomorrow and has no days yet.
        out.push(Streak {
            start: from,
            end: today.max(from),
            current: true,
        });
        out
    }

    /// The longest streak so far, in days.
    pub fn longest_streak_days(&self, today: NaiveDate) -> i64 {
        self.streaks(today)
            .iter()
            .map(Streak::days)
            .max()
            .unwrap_or(0)
    }

    /// All days in recovery since the start date, across every streak.
    pub fn total_days_in_recovery(&self, today: NaiveDate) -> i64 {
        self.streaks(today).iter().map(Streak::days).sum()
    }

    /// When the current streak began, as local wall-clock time: the start time on the start
    /// date if one was given (else midnight); midnight after a slip.
    pub fn streak_began(&self) -> Option<NaiveDateTime> {
        let streak_start = self.current_streak_start()?;
        let time = if Some(streak_start) == self.start_date {
            self.start_time.unwrap_or(NaiveTime::MIN)
        } else {
            NaiveTime::MIN
        };
        Some(streak_start.and_time(time))
    }

    /// Real hours since the current streak began, for the first days. `to_utc` turns a local
    /// wall-clock time into the instant (UTC) it was in the device's zone, so a night when
    /// the clocks change counts the 23 or 25 hours it really had. Never negative.
    pub fn hours_in_recovery(
        &self,
        now_utc: NaiveDateTime,
        to_utc: impl Fn(NaiveDateTime) -> NaiveDateTime,
    ) -> Option<i64> {
        let began = to_utc(self.streak_began()?);
        Some((now_utc - began).num_hours().max(0))
    }

    /// Standard milestones of the current streak reached by `today`, with their dates.
    pub fn reached(&self, today: NaiveDate) -> Vec<(Milestone, NaiveDate)> {
        let Some(start) = self.current_streak_start() else {
            return Vec::new();
        };
        // A clock set back (or a backup from a phone with a wrong clock) can put the start
        // after today: then nothing is reached, never a negative count of years.
        let years =
            u32::try_from((today - start).num_days().clamp(0, 365 * 150) / 365 + 1).unwrap_or(1);
        Milestone::standard(years)
            .into_iter()
            .filter_map(|m| m.date_from(start).map(|d| (m, d)))
            .filter(|(_, d)| *d <= today)
            .collect()
    }

    /// The next standard milestone of the current streak, its date and the days left.
    pub fn next_milestone(&self, today: NaiveDate) -> Option<(Milestone, NaiveDate, i64)> {
        let start = self.current_streak_start()?;
        let years =
            u32::try_from((today - start).num_days().clamp(0, 365 * 150) / 365 + 2).unwrap_or(2);
        Milestone::standard(years)
            .into_iter()
            .filter_map(|m| m.date_from(start).map(|d| (m, d)))
            .find(|(_, d)| *d > today)
            .map(|(m, d)| (m, d, (d - today).num_days()))
    }

    /// Milestones of the current streak reached but not celebrated yet (each streak's
    /// milestones are celebrated once each).
    pub fn to_celebrate(&self, today: NaiveDate) -> Vec<Milestone> {
        let Some(start) = self.current_streak_start() else {
            return Vec::new();
        };
        self.reached(today)
            .into_iter()
            .map(|(m, _)| m)
            .filter(|m| !self.celebrated.contains(&celebration_key(start, m)))
            .collect()
    }

    /// Remembers the current streak's milestones reached by `today` as celebrated.
    pub fn mark_celebrated(&mut self, today: NaiveDate) {
        let Some(start) = self.current_streak_start() else {
            return;
        };
        for m in self.to_celebrate(today) {
            self.celebrated.push(celebration_key(start, &m));
        }
    }

    /// Each streak, newest first, with the standard milestones it reached and their dates.
    pub fn milestones_by_streak(
        &self,
        today: NaiveDate,
    ) -> Vec<(Streak, Vec<(Milestone, NaiveDate)>)> {
        self.streaks(today)
            .into_iter()
            .rev()
            .map(|s| {
                let years = u32::try_from(s.days().clamp(0, 365 * 150) / 365 + 1).unwrap_or(1);
                let reached = Milestone::standard(years)
                    .into_iter()
                    .filter_map(|m| m.date_from(s.start).map(|d| (m, d)))
                    .filter(|(_, d)| *d <= s.end)
                    .collect();
                (s, reached)
            })
            .collect()
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
        assert_eq!(r.days_in_recovery(d(2026, 1, 1)), None);
        r.set_start(d(2026, 3, 1), None, d(2026, 11, 23))
            .expect("past date");
        assert_eq!(r.days_in_recovery(d(2026, 3, 1)), Some(0));
        // Across the US spring-forward weekend (8 March 2026) and the leap-free February.
        assert_eq!(r.days_in_recovery(d(2026, 3, 31)), Some(30));
        r.slips.push(Slip {
            id: Id::generate(1, 1),
            date: d(2026, 6, 10),
            note: String::new(),
        });
        assert_eq!(r.current_streak_start(), Some(d(2026, 6, 11)));
        assert_eq!(r.days_in_recovery(d(2026, 6, 11)), Some(0));
        assert_eq!(
            r.set_start(d(2026, 12, 1), None, d(2026, 11, 23)),
            Err(DateError::InFuture)
        );
    }

    #[test]
    fn days_and_hours_in_both_languages() {
        use crate::i18n::td_string;
        use crate::lang::Locale;
        assert_eq!(days_text_in(Locale::en, 1), "1 day");
        assert_eq!(days_text_in(Locale::en, -1), "-1 day");
        assert_eq!(days_text_in(Locale::en, 30), "30 days");
        assert_eq!(days_text_in(Locale::es, 1), "1 día");
        assert_eq!(days_text_in(Locale::es, 0), "0 días");
        assert_eq!(
            td_string!(Locale::es, progress.counter.hours_one, n = 1),
            " (1 hora)"
        );
        assert_eq!(
            td_string!(Locale::en, progress.counter.in_recovery),
            " in recovery"
        );
        let labels: Vec<String> = Milestone::standard(2)
            .into_iter()
            .map(|m| m.label)
            .collect();
        assert_eq!(labels[0], "24 hours");
        assert_eq!(labels[7], "1 year");
        assert_eq!(labels[9], "2 years");
    }
}
