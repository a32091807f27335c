//! Dates in words, without chrono's format-string machinery (which costs the phone download
//! size for no gain here).

use chrono::{Datelike, NaiveDate};

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "Monday 23 November".
pub fn long_date(d: NaiveDate) -> String {
    format!(
        "{} {} {}",
        WEEKDAYS[d.weekday().num_days_from_monday() as usize],
        d.day(),
        MONTHS[d.month0() as usize]
    )
}

/// "2026-11-23".
pub fn iso(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid");
        assert_eq!(long_date(d), "Monday 23 November");
        assert_eq!(iso(d), "2026-11-23");
        let leap = NaiveDate::from_ymd_opt(2028, 2, 29).expect("valid");
        assert_eq!(long_date(leap), "Tuesday 29 February");
    }
}
