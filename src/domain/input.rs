//! What a person types into a form, read strictly. An empty field clears the value; a value
//! out of range or not a number is refused with a message to show beside the field, and
//! nothing is stored (the previous value stays).

use super::datefmt;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// Why what was typed is not taken, in words for the person.
pub type Refusal = String;

/// A whole number from `min` to `max`, or nothing.
pub fn whole(v: &str, min: u32, max: u32) -> Result<Option<u32>, Refusal> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let refuse = || tr!(editors.input.whole, min = min, max = max);
    if !v.bytes().all(|b| b.is_ascii_digit()) || v.len() > 9 {
        return Err(refuse());
    }
    match v.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
        _ => Err(refuse()),
    }
}

/// A scale of 0–10 (or 1–5) as a byte.
pub fn scale(v: &str, min: u8, max: u8) -> Result<Option<u8>, Refusal> {
    whole(v, u32::from(min), u32::from(max)).map(|n| n.and_then(|n| u8::try_from(n).ok()))
}

/// A number up to `max` that must be there (a count that cannot be left empty).
pub fn required(v: &str, min: u32, max: u32) -> Result<u32, Refusal> {
    whole(v, min, max)?.ok_or_else(|| tr!(editors.input.whole, min = min, max = max))
}

/// Hours as typed ("7", "7.5", "7,5") to minutes, from 0 to 24 hours, to the tenth of an hour.
pub fn hours(v: &str) -> Result<Option<u16>, Refusal> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let refuse = || tr!(editors.input.hours).to_string();
    let (h, f) = v.split_once(['.', ',']).unwrap_or((v, ""));
    if h.is_empty() && f.is_empty() {
        return Err(refuse());
    }
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || !digits(f) || h.len() > 2 || f.len() > 1 {
        return Err(refuse());
    }
    let h: u16 = if h.is_empty() {
        0
    } else {
        h.parse().map_err(|_| refuse())?
    };
    let tenth: u16 = if f.is_empty() {
        0
    } else {
        f.parse().map_err(|_| refuse())?
    };
    let minutes = h
        .checked_mul(60)
        .and_then(|m| m.checked_add(tenth * 6))
        .ok_or_else(refuse)?;
    if minutes > 24 * 60 {
        return Err(refuse());
    }
    Ok(Some(minutes))
}

/// A date from a date field ("2026-11-23"), or nothing.
pub fn date(v: &str) -> Result<Option<NaiveDate>, Refusal> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    datefmt::parse_date(v)
        .map(Some)
        .ok_or_else(|| tr!(editors.input.date).to_string())
}

/// A time of day from a time field ("19:30"), or nothing.
pub fn time(v: &str) -> Result<Option<NaiveTime>, Refusal> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    datefmt::parse_time(v)
        .map(Some)
        .ok_or_else(|| tr!(editors.input.time).to_string())
}

/// A date and time from a date-and-time field ("2026-12-03T09:30"), or nothing.
pub fn datetime(v: &str) -> Result<Option<NaiveDateTime>, Refusal> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    datefmt::parse_datetime(v)
        .map(Some)
        .ok_or_else(|| tr!(editors.input.datetime).to_string())
}

/// What a date-and-time field shows: minutes, not seconds ("2026-12-03T09:30").
pub fn datetime_text(t: Option<NaiveDateTime>) -> String {
    t.map(|t| datefmt::write_datetime(t)[..16].to_string())
        .unwrap_or_default()
}

/// What a time field shows ("19:30").
pub fn time_text(t: Option<NaiveTime>) -> String {
    t.map(|t| datefmt::write_time(t)[..5].to_string())
        .unwrap_or_default()
}

/// What a date field shows ("2026-11-23").
pub fn date_text(d: Option<NaiveDate>) -> String {
    d.map(datefmt::write_date).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_range_or_a_message() {
        assert_eq!(whole("", 0, 10), Ok(None));
        assert_eq!(whole(" 7 ", 0, 10), Ok(Some(7)));
        assert!(whole("12", 0, 10).unwrap_err().contains("from 0 to 10"));
        assert!(whole("-1", 0, 10).is_err());
        assert!(whole("7.5", 0, 10).is_err());
        assert!(whole("99999999999999999999", 0, 10).is_err());
        assert_eq!(scale("10", 0, 10), Ok(Some(10)));
        assert!(required("", 1, 20).is_err());
        assert_eq!(hours("7.5"), Ok(Some(450)));
        assert_eq!(hours("7,5"), Ok(Some(450)));
        assert_eq!(hours("24"), Ok(Some(1440)));
        assert_eq!(hours(".5"), Ok(Some(30)));
        for bad in ["30", "1092.9", "24.1", "7.55", "-1", "abc", ".", "1e3", "٣"] {
            assert!(hours(bad).is_err(), "{bad}");
        }
        assert!(date("2026-02-30").is_err());
        assert_eq!(
            datetime_text(datetime("2026-12-03T09:30").unwrap()),
            "2026-12-03T09:30"
        );
    }

    #[test]
    fn refusals_are_in_both_languages() {
        use crate::i18n::{td_string, Locale};
        assert_eq!(
            td_string!(Locale::en, editors.input.whole, min = 0, max = 10),
            "Enter a whole number from 0 to 10."
        );
        assert_eq!(
            td_string!(Locale::es, editors.input.whole, min = 0, max = 10),
            "Escriba un número entero del 0 al 10."
        );
    }
}
