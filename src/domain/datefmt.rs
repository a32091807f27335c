//! How dates and times are written in the saved plan: "2026-11-23", "19:30:00",
//! "2026-12-03T09:30:00" (local wall-clock time, no zone), "Mon". Parsed here exactly:
//! chrono's own `FromStr` is lenient ("2026-1-5", "+2026-01-05"), and a plan must never be
//! read as something other than what was written. The serde `with` modules ([`text`],
//! [`opt`], [`list`]) use these for every date in the plan.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};

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
    use super::dates::push_digits;
    let mut out = String::with_capacity(8);
    push_digits(&mut out, t.hour(), 2);
    out.push(':');
    push_digits(&mut out, t.minute(), 2);
    out.push(':');
    push_digits(&mut out, t.second(), 2);
    out
}

pub fn write_datetime(dt: NaiveDateTime) -> String {
    format!("{}T{}", write_date(dt.date()), write_time(dt.time()))
}

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("Mon", Weekday::Mon),
    ("Tue", Weekday::Tue),
    ("Wed", Weekday::Wed),
    ("Thu", Weekday::Thu),
    ("Fri", Weekday::Fri),
    ("Sat", Weekday::Sat),
    ("Sun", Weekday::Sun),
];

/// A day of the week as saved: "Mon" … "Sun".
pub fn weekday_name(d: Weekday) -> &'static str {
    WEEKDAYS[d.num_days_from_monday() as usize].0
}

pub fn parse_weekday(s: &str) -> Option<Weekday> {
    WEEKDAYS.iter().find(|(n, _)| *n == s).map(|(_, d)| *d)
}

/// A value saved as text in a strict form.
pub trait TextForm: Sized {
    /// What the text should look like, for error messages.
    const EXAMPLE: &'static str;
    fn write(&self) -> String;
    fn parse(s: &str) -> Option<Self>;
}

impl TextForm for NaiveDate {
    const EXAMPLE: &'static str = "a date like 2026-11-23";
    fn write(&self) -> String {
        write_date(*self)
    }
    fn parse(s: &str) -> Option<Self> {
        parse_date(s)
    }
}

impl TextForm for NaiveTime {
    const EXAMPLE: &'static str = "a time like 19:30:00";
    fn write(&self) -> String {
        write_time(*self)
    }
    fn parse(s: &str) -> Option<Self> {
        parse_time(s)
    }
}

impl TextForm for NaiveDateTime {
    const EXAMPLE: &'static str = "a date and time like 2026-12-03T09:30:00";
    fn write(&self) -> String {
        write_datetime(*self)
    }
    fn parse(s: &str) -> Option<Self> {
        parse_datetime(s)
    }
}

impl TextForm for Weekday {
    const EXAMPLE: &'static str = "a day like Mon";
    fn write(&self) -> String {
        weekday_name(*self).to_string()
    }
    fn parse(s: &str) -> Option<Self> {
        parse_weekday(s)
    }
}

/// A [`TextForm`] value as serde sees it.
struct Text<T>(T);

impl<T: TextForm> serde::Serialize for Text<&T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.write())
    }
}

impl<'de, T: TextForm> serde::Deserialize<'de> for Text<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        /// Reads the text where it is, without copying it.
        struct V<T>(std::marker::PhantomData<T>);
        impl<T: TextForm> serde::de::Visitor<'_> for V<T> {
            type Value = Text<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(T::EXAMPLE)
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Text<T>, E> {
                T::parse(s).map(Text).ok_or_else(|| {
                    let shown: String = s.chars().take(40).collect();
                    E::custom(format_args!("expected {}, found \"{shown}\"", T::EXAMPLE))
                })
            }
        }
        d.deserialize_str(V(std::marker::PhantomData))
    }
}

/// `#[serde(with = "datefmt::text")]`: one value.
pub mod text {
    use super::{Text, TextForm};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: TextForm, S: Serializer>(v: &T, s: S) -> Result<S::Ok, S::Error> {
        Text(v).serialize(s)
    }
    pub fn deserialize<'de, T: TextForm, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
        Text::<T>::deserialize(d).map(|t| t.0)
    }
}

/// `#[serde(with = "datefmt::opt")]`: a value or `null`.
pub mod opt {
    use super::{Text, TextForm};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: TextForm, S: Serializer>(v: &Option<T>, s: S) -> Result<S::Ok, S::Error> {
        v.as_ref().map(Text).serialize(s)
    }
    pub fn deserialize<'de, T: TextForm, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<T>, D::Error> {
        Ok(Option::<Text<T>>::deserialize(d)?.map(|t| t.0))
    }
}

/// `#[serde(with = "datefmt::list")]`: a list of values.
pub mod list {
    use super::{Text, TextForm};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<T: TextForm, S: Serializer>(v: &[T], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter().map(Text))
    }
    pub fn deserialize<'de, T: TextForm, D: Deserializer<'de>>(d: D) -> Result<Vec<T>, D::Error> {
        Ok(Vec::<Text<T>>::deserialize(d)?
            .into_iter()
            .map(|t| t.0)
            .collect())
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
        for d in [Weekday::Mon, Weekday::Sun] {
            assert_eq!(parse_weekday(weekday_name(d)), Some(d));
        }
        assert_eq!(parse_weekday("mon"), None);
    }
}
