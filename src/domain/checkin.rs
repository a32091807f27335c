//! The daily check-in: about 30 seconds, one per calendar day, editable later.

use super::Id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CheckIn {
    #[serde(with = "super::datefmt::text")]
    pub date: NaiveDate,
    /// 1 (very low) to 5 (very good).
    pub mood: Option<u8>,
    /// 0 (none) to 10 (strongest): the standard craving scale.
    pub craving: Option<u8>,
    /// 0 to 10.
    pub stress: Option<u8>,
    /// Hours slept, in minutes (0–1440).
    pub sleep_minutes: Option<u16>,
    /// Medications (ids from the plan) taken today.
    pub medications_taken: Vec<Id>,
    pub went_to_meeting: bool,
    pub contacted_support: bool,
    /// Triggers (ids from the plan) met today.
    pub triggers: Vec<Id>,
    /// Warning signs (ids from the plan) noticed today.
    pub warning_signs: Vec<Id>,
    /// Coping strategies (ids from the plan) used today.
    pub coping_used: Vec<Id>,
    pub note: String,
}

/// Minutes as tenths of an hour, rounded: how sleep is charted and written.
pub fn sleep_tenths(minutes: u16) -> u32 {
    (u32::from(minutes) + 3) / 6
}

/// Minutes as hours for the form and the CSV file: 450 → "7.5", 480 → "8".
pub fn hours_text(minutes: u16) -> String {
    super::trends::tenths_text(sleep_tenths(minutes))
}

/// The plan's items a check-in list refers to by id ("meds", "triggers", "signs",
/// "coping"), with their names.
pub fn plan_items<'a>(p: &'a super::Plan, key: &str) -> Vec<(&'a Id, &'a str)> {
    match key {
        "meds" => p
            .care
            .medications
            .iter()
            .map(|m| (&m.id, m.name.as_str()))
            .collect(),
        "triggers" => p
            .relapse
            .triggers
            .iter()
            .map(|t| (&t.id, t.text.as_str()))
            .collect(),
        "signs" => p
            .relapse
            .warning_signs
            .iter()
            .map(|t| (&t.id, t.text.as_str()))
            .collect(),
        _ => p
            .relapse
            .coping
            .iter()
            .map(|t| (&t.id, t.text.as_str()))
            .collect(),
    }
}

/// Hours as typed ("7", "7.5", "7,5") to minutes; None for anything else or over 24 hours.
pub fn parse_hours(v: &str) -> Option<u16> {
    let v = v.trim();
    let (h, f) = v.split_once(['.', ',']).unwrap_or((v, "0"));
    let h = h.parse::<u16>().ok()?;
    let tenth = match f.as_bytes().first() {
        Some(d) if d.is_ascii_digit() => u16::from(d - b'0'),
        None => 0,
        _ => return None,
    };
    if !f.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(h.checked_mul(60)? + tenth * 6).filter(|m| *m <= 24 * 60)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutOfRange(pub &'static str);

impl CheckIn {
    pub fn new(date: NaiveDate) -> Self {
        CheckIn {
            date,
            ..CheckIn::default()
        }
    }

    /// A field of the check-in form as text, by its key: one function for every field
    /// keeps the download small. Lists are the ids, separated by spaces.
    pub fn get(&self, key: &str) -> String {
        let n = |v: Option<u8>| v.map(|n| n.to_string()).unwrap_or_default();
        let ids = |v: &[Id]| v.iter().map(Id::as_str).collect::<Vec<_>>().join(" ");
        match key {
            "mood" => n(self.mood),
            "craving" => n(self.craving),
            "stress" => n(self.stress),
            "sleep" => self.sleep_minutes.map(hours_text).unwrap_or_default(),
            "meds" => ids(&self.medications_taken),
            "meeting" => self.went_to_meeting.to_string(),
            "support" => self.contacted_support.to_string(),
            "triggers" => ids(&self.triggers),
            "signs" => ids(&self.warning_signs),
            "coping" => ids(&self.coping_used),
            "note" => self.note.clone(),
            _ => String::new(),
        }
    }

    /// Sets a field from the form's text. A number out of its range, or not a number,
    /// clears the field rather than keeping a wrong value; a list takes "id true" (ticked)
    /// or "id false".
    pub fn set(&mut self, key: &str, v: &str) {
        let scale = |max: u8| v.trim().parse::<u8>().ok().filter(|n| *n <= max);
        let toggle = |list: &mut Vec<Id>| {
            if let Some((id, on)) = v.split_once(' ') {
                if let Ok(id) = Id::parse(id) {
                    list.retain(|x| *x != id);
                    if on == "true" {
                        list.push(id);
                    }
                }
            }
        };
        match key {
            "mood" => self.mood = scale(5).filter(|m| *m >= 1),
            "craving" => self.craving = scale(10),
            "stress" => self.stress = scale(10),
            "sleep" => self.sleep_minutes = parse_hours(v),
            "meds" => toggle(&mut self.medications_taken),
            "meeting" => self.went_to_meeting = v == "true",
            "support" => self.contacted_support = v == "true",
            "triggers" => toggle(&mut self.triggers),
            "signs" => toggle(&mut self.warning_signs),
            "coping" => toggle(&mut self.coping_used),
            "note" => self.note = v.to_string(),
            _ => {}
        }
    }

    /// Checks the scales are within their ranges.
    pub fn validate(&self) -> Result<(), OutOfRange> {
        if self.mood.is_some_and(|m| !(1..=5).contains(&m)) {
            return Err(OutOfRange("mood must be 1–5"));
        }
        if self.craving.is_some_and(|c| c > 10) {
            return Err(OutOfRange("craving must be 0–10"));
        }
        if self.stress.is_some_and(|c| c > 10) {
            return Err(OutOfRange("stress must be 0–10"));
        }
        if self.sleep_minutes.is_some_and(|m| m > 24 * 60) {
            return Err(OutOfRange("sleep must be 0–24 hours"));
        }
        Ok(())
    }
}

/// Inserts or replaces the check-in for its date, keeping the list sorted by date.
pub fn upsert(list: &mut Vec<CheckIn>, checkin: CheckIn) {
    match list.binary_search_by(|c| c.date.cmp(&checkin.date)) {
        Ok(i) => list[i] = checkin,
        Err(i) => list.insert(i, checkin),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_checkin_per_day_sorted() {
        let d = |n| NaiveDate::from_ymd_opt(2026, 11, n).expect("valid");
        let mut v = Vec::new();
        upsert(&mut v, CheckIn::new(d(3)));
        upsert(&mut v, CheckIn::new(d(1)));
        let mut c = CheckIn::new(d(3));
        c.craving = Some(4);
        upsert(&mut v, c);
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].date, d(1));
        assert_eq!(v[1].craving, Some(4));
    }

    #[test]
    fn scales_are_checked() {
        let mut c = CheckIn::new(NaiveDate::default());
        assert!(c.validate().is_ok());
        c.craving = Some(11);
        assert!(c.validate().is_err());
        c.craving = Some(10);
        c.mood = Some(0);
        assert!(c.validate().is_err());
    }
}
