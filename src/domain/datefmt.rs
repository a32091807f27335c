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

pub mod date {
    use super::*;
    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&write_date(*d))
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let s = String::deserialize(d)?;
        parse_date(&s).ok_or_else(|| expected("a date like 2026-11-23", &s))
    }
}

pub mod opt_date {
    use super::*;
    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_some(&write_date(*d)),
            None => s.serialize_none(),
        }
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<String>::deserialize(d)? {
            Some(s) => parse_date(&s)
                .map(Some)
                .ok_or_else(|| expected("a date like 2026-11-23", &s)),
            None => Ok(None),
        }
    }
}

pub mod dates {
    use super::*;
    pub fn serialize<S: Serializer>(v: &[NaiveDate], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter().map(|d| write_date(*d)))
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
        Vec::<String>::deserialize(d)?
            .iter()
            .map(|s| parse_date(s).ok_or_else(|| expected("a date like 2026-11-23", s)))
            .collect()
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
        s.collect_seq(v.iter().map(|d| name(*d)))
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Weekday>, D::Error> {
        Vec::<String>::deserialize(d)?
            .iter()
            .map(|s| parse(s).ok_or_else(|| expected("a day like Mon", s)))
            .collect()
    }
}

pub mod opt_time {
    use super::*;
    pub fn serialize<S: Serializer>(t: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_some(&write_time(*t)),
            None => s.serialize_none(),
        }
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
        match Option::<String>::deserialize(d)? {
            Some(s) => parse_time(&s)
                .map(Some)
                .ok_or_else(|| expected("a time like 19:30:00", &s)),
            None => Ok(None),
        }
    }
}

pub mod opt_datetime {
    use super::*;
    pub fn serialize<S: Serializer>(t: &Option<NaiveDateTime>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_some(&write_datetime(*t)),
            None => s.serialize_none(),
        }
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDateTime>, D::Error> {
        match Option::<String>::deserialize(d)? {
            Some(s) => parse_datetime(&s)
                .map(Some)
                .ok_or_else(|| expected("a date and time like 2026-12-03T09:30:00", &s)),
            None => Ok(None),
        }
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
