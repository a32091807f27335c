//! Dates in words, US English: the one formatter the whole app uses. chrono writes the
//! names ("%A, %B %-d"); the year is added when it is not the current one.

use chrono::{Datelike, NaiveDate};

/// "Tuesday, December 1" in the current year, "Sunday, January 31, 2027" in another.
pub fn long_date(d: NaiveDate, today: NaiveDate) -> String {
    if d.year() == today.year() {
        d.format("%A, %B %-d").to_string()
    } else {
        full_date(d)
    }
}

/// Always with the year, for what is kept or printed: "Tuesday, December 1, 2026".
pub fn full_date(d: NaiveDate) -> String {
    d.format("%A, %B %-d, %Y").to_string()
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
}
