//! Dates in words, in the app's language (src/lang.rs): "Tuesday, December 1, 2026" and
//! "martes, 1 de diciembre de 2026". chrono gives the weekday and month; their names and
//! the order of the parts are in the translations (common.dates). The year is added when
//! it is not the current one.

use crate::lang::{self, Locale};
use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};

/// "Tuesday, December 1" in the current year, "Sunday, January 31, 2027" in another.
pub fn long_date(d: NaiveDate, today: NaiveDate) -> String {
    long_date_in(lang::current(), d, today)
}

pub fn long_date_in(l: Locale, d: NaiveDate, today: NaiveDate) -> String {
    if d.year() == today.year() {
        crate::i18n::td_string!(
            l,
            common.dates.long,
            weekday = day_name_in(l, d.weekday()),
            day = d.day(),
            month = month_name_in(l, d.month())
        )
    } else {
        full_date_in(l, d)
    }
}

/// Always with the year, for what is kept or printed: "Tuesday, December 1, 2026".
pub fn full_date(d: NaiveDate) -> String {
    full_date_in(lang::current(), d)
}

pub fn full_date_in(l: Locale, d: NaiveDate) -> String {
    crate::i18n::td_string!(
        l,
        common.dates.full,
        weekday = day_name_in(l, d.weekday()),
        day = d.day(),
        month = month_name_in(l, d.month()),
        year = d.year()
    )
}

/// "Monday" / "lunes".
pub fn day_name(d: Weekday) -> &'static str {
    day_name_in(lang::current(), d)
}

pub fn day_name_in(l: Locale, d: Weekday) -> &'static str {
    use crate::i18n::td_string;
    match d {
        Weekday::Mon => td_string!(l, common.dates.monday),
        Weekday::Tue => td_string!(l, common.dates.tuesday),
        Weekday::Wed => td_string!(l, common.dates.wednesday),
        Weekday::Thu => td_string!(l, common.dates.thursday),
        Weekday::Fri => td_string!(l, common.dates.friday),
        Weekday::Sat => td_string!(l, common.dates.saturday),
        Weekday::Sun => td_string!(l, common.dates.sunday),
    }
}

/// "December" / "diciembre" (1 = January).
pub fn month_name_in(l: Locale, m: u32) -> &'static str {
    use crate::i18n::td_string;
    match m {
        1 => td_string!(l, common.dates.january),
        2 => td_string!(l, common.dates.february),
        3 => td_string!(l, common.dates.march),
        4 => td_string!(l, common.dates.april),
        5 => td_string!(l, common.dates.may),
        6 => td_string!(l, common.dates.june),
        7 => td_string!(l, common.dates.july),
        8 => td_string!(l, common.dates.august),
        9 => td_string!(l, common.dates.september),
        10 => td_string!(l, common.dates.october),
        11 => td_string!(l, common.dates.november),
        _ => td_string!(l, common.dates.december),
    }
}

/// A time of day on the 12-hour clock both languages use in the US: "7:30 pm" and
/// "7:30 p.m.".
pub fn clock_time(t: NaiveTime) -> String {
    clock_time_in(lang::current(), t)
}

pub fn clock_time_in(l: Locale, t: NaiveTime) -> String {
    let (pm, h) = t.hour12();
    let half = if pm {
        crate::i18n::td_string!(l, common.dates.pm)
    } else {
        crate::i18n::td_string!(l, common.dates.am)
    };
    format!("{h}:{:02} {half}", t.minute())
}

/// "2026-11-23".
pub fn iso(d: NaiveDate) -> String {
    // Digit by digit: a plan holds thousands of dates, and `format!` is the slow part of
    // saving one (measured: half the time of writing ten years of check-ins).
    let mut out = String::with_capacity(10);
    let y = d.year();
    if (0..=9999).contains(&y) {
        push_digits(&mut out, y as u32, 4);
    } else {
        out.push_str(&format!("{y:04}"));
    }
    out.push('-');
    push_digits(&mut out, d.month(), 2);
    out.push('-');
    push_digits(&mut out, d.day(), 2);
    out
}

/// Appends `n` with exactly `width` digits (leading zeros).
pub fn push_digits(out: &mut String, n: u32, width: u32) {
    for i in (0..width).rev() {
        let digit = (n / 10u32.pow(i)) % 10;
        out.push(char::from(b'0' + digit as u8));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).expect("valid")
    }

    #[test]
    fn us_dates_with_the_year_only_when_it_is_not_this_one() {
        let today = d(2026, 12, 1);
        assert_eq!(long_date(today, today), "Tuesday, December 1");
        assert_eq!(long_date(d(2026, 11, 23), today), "Monday, November 23");
        assert_eq!(long_date(d(2027, 1, 31), today), "Sunday, January 31, 2027");
        assert_eq!(
            long_date(d(2025, 12, 31), today),
            "Wednesday, December 31, 2025"
        );
        assert_eq!(full_date(today), "Tuesday, December 1, 2026");
        assert_eq!(
            long_date(d(2028, 2, 29), d(2028, 1, 1)),
            "Tuesday, February 29"
        );
        assert_eq!(iso(d(2026, 11, 23)), "2026-11-23");
    }

    #[test]
    fn spanish_dates_and_times_as_spanish_writes_them() {
        let sp = Locale::es;
        let today = d(2026, 12, 1);
        assert_eq!(full_date_in(sp, today), "martes, 1 de diciembre de 2026");
        assert_eq!(long_date_in(sp, today, today), "martes, 1 de diciembre");
        assert_eq!(
            long_date_in(sp, d(2027, 1, 31), today),
            "domingo, 31 de enero de 2027"
        );
        assert_eq!(full_date_in(Locale::en, today), "Tuesday, December 1, 2026");
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).expect("valid");
        assert_eq!(clock_time_in(sp, t(18, 5)), "6:05 p.m.");
        assert_eq!(clock_time_in(sp, t(0, 30)), "12:30 a.m.");
        assert_eq!(clock_time_in(Locale::en, t(19, 5)), "7:05 pm");
        // Every weekday and month has its own name in both languages.
        for l in [Locale::en, Locale::es] {
            let days: std::collections::BTreeSet<_> = crate::domain::community::WEEK
                .iter()
                .map(|w| day_name_in(l, *w))
                .collect();
            assert_eq!(days.len(), 7);
            let months: std::collections::BTreeSet<_> =
                (1..=12).map(|m| month_name_in(l, m)).collect();
            assert_eq!(months.len(), 12);
        }
    }
}
