//! How dates and times are written in the saved plan: "2026-11-23", "19:30:00",
//! "2026-12-03T09:30:00" (local wall-clock time, no zone). Parsed here exactly, with no
//! format-string machinery: it keeps the app's download small and the format strict.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};
use serde::{de, Deserialize, Deserializer, Serializer};

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(
        digits(&s[0..4])? as i32,
        digits(&s[5..7])?,
        digits(&s[8..10])?,
    )
}

pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let b = s.as_bytes();
    match b.len() {
        5 if b[2] == b':' => NaiveTime::from_hms_opt(digits(&s[0..2])?, digits(&s[3..5])?, 0),
        8 if b[2] == b':' && b[5] == b':' => {
            NaiveTime::from_hms_opt(digits(&s[0..2])?, digits(&s[3..5])?, digits(&s[6..8])?)
        }
        _ => None,
    }
}

pub fn parse_datetime(s: &str) -> Option<NaiveDateTime> {
    let (d, t) = s.split_once('T')?;
    Some(parse_date(d)?.and_time(parse_time(t)?))
}

pub fn write_date(d: NaiveDate) -> String {
    super::dates::iso(d)
}

pub fn write_time(t: NaiveTime) -> String {
    format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())
}

pub fn write_datetime(dt: NaiveDateTime) -> String {
    format!("{}T{}", write_date(dt.date()), write_time(dt.time()))
}

fn expected<E: de::Error>(what: &str, got: &str) -> E {
    E::custom(format!(
        "expected {what}, found \"{}\"",
        got.chars().take(40).collect::<String>()
    ))
}

/// Serde helpers shared by the modules below: a value written as text by `write` and read
/// back by `parse`, alone, optional, or in a list.
fn ser_one<T: Copy, S: Serializer>(v: T, write: fn(T) -> String, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&write(v))
}

fn ser_opt<T: Copy, S: Serializer>(
    v: &Option<T>,
    write: fn(T) -> String,
    s: S,
) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => s.serialize_some(&write(*v)),
        None => s.serialize_none(),
    }
}

fn ser_many<T: Copy, S: Serializer>(
    v: &[T],
    write: fn(T) -> String,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_seq(v.iter().map(|x| write(*x)))
}

fn de_one<'de, T, D: Deserializer<'de>>(
    d: D,
    parse: fn(&str) -> Option<T>,
    what: &str,
) -> Result<T, D::Error> {
    let s = String::deserialize(d)?;
    parse(&s).ok_or_else(|| expected(what, &s))
}

fn de_opt<'de, T, D: Deserializer<'de>>(
    d: D,
    parse: fn(&str) -> Option<T>,
    what: &str,
) -> Result<Option<T>, D::Error> {
    match Option::<String>::deserialize(d)? {
        Some(s) => parse(&s).map(Some).ok_or_else(|| expected(what, &s)),
        None => Ok(None),
    }
}

fn de_many<'de, T, D: Deserializer<'de>>(
    d: D,
    parse: fn(&str) -> Option<T>,
    what: &str,
) -> Result<Vec<T>, D::Error> {
    Vec::<String>::deserialize(d)?
        .iter()
        .map(|s| parse(s).ok_or_else(|| expected(what, s)))
        .collect()
}

const A_DATE: &str = "a date like 2026-11-23";

pub mod date {
    use super::*;
    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        ser_one(*d, write_date, s)
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        de_one(d, parse_date, A_DATE)
    }
}

pub mod opt_date {
    use super::*;
    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        ser_opt(d, write_date, s)
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        de_opt(d, parse_date, A_DATE)
    }
}

pub mod dates {
    use super::*;
    pub fn serialize<S: Serializer>(v: &[NaiveDate], s: S) -> Result<S::Ok, S::Error> {
        ser_many(v, write_date, s)
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
        de_many(d, parse_date, A_DATE)
    }
}

/// Days of the week as "Mon" … "Sun".
pub mod weekdays {
    use super::*;
    const NAMES: [(&str, Weekday); 7] = [
        ("Mon", Weekday::Mon),
        ("Tue", Weekday::Tue),
        ("Wed", Weekday::Wed),
        ("Thu", Weekday::Thu),
        ("Fri", Weekday::Fri),
        ("Sat", Weekday::Sat),
        ("Sun", Weekday::Sun),
    ];
    pub fn name(d: Weekday) -> &'static str {
        NAMES[d.num_days_from_monday() as usize].0
    }
    pub fn parse(s: &str) -> Option<Weekday> {
        NAMES.iter().find(|(n, _)| *n == s).map(|(_, d)| *d)
    }
    pub fn serialize<S: Serializer>(v: &[Weekday], s: S) -> Result<S::Ok, S::Error> {
        ser_many(v, |d| name(d).to_string(), s)
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Weekday>, D::Error> {
        de_many(d, parse, "a day like Mon")
    }
}

pub mod opt_time {
    use super::*;
    pub fn serialize<S: Serializer>(t: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
        ser_opt(t, write_time, s)
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
        de_opt(d, parse_time, "a time like 19:30:00")
    }
}

pub mod opt_datetime {
    use super::*;
    pub fn serialize<S: Serializer>(t: &Option<NaiveDateTime>, s: S) -> Result<S::Ok, S::Error> {
        ser_opt(t, write_datetime, s)
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDateTime>, D::Error> {
        de_opt(
            d,
            parse_datetime,
            "a date and time like 2026-12-03T09:30:00",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_round_trips() {
        let d = NaiveDate::from_ymd_opt(2028, 2, 29).expect("leap day");
        assert_eq!(parse_date(&write_date(d)), Some(d));
        assert_eq!(parse_date("2027-02-29"), None);
        assert_eq!(parse_date("2026-1-05"), None);
        assert_eq!(parse_date("+2026-01-05"), None);
        assert_eq!(parse_date("２０２６-01-05"), None);
        let t = NaiveTime::from_hms_opt(19, 30, 0).expect("time");
        assert_eq!(write_time(t), "19:30:00");
        assert_eq!(parse_time("19:30"), Some(t));
        assert_eq!(parse_time("24:00:00"), None);
        let dt = d.and_time(t);
        assert_eq!(write_datetime(dt), "2028-02-29T19:30:00");
        assert_eq!(parse_datetime("2028-02-29T19:30:00"), Some(dt));
    }
}
