//! The daily check-in: about 30 seconds, one per calendar day, editable later.

use super::Id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Stored without the answers left empty (no scale, nothing ticked, no note): years of
/// daily check-ins are most of a plan's stored bytes, and a day's unanswered fields are most
/// of a check-in's (#18: ten years stored in about two thirds of the space, so saving, and
/// the browser's first read of its storage, take less). Reading is unchanged: every field
/// has its default (`serde(default)`), so what is left out reads back as unanswered, and a
/// tab still on an older build reads it too.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CheckIn {
    #[serde(with = "super::datefmt::text")]
    pub date: NaiveDate,
    /// 1 (very low) to 5 (very good).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mood: Option<u8>,
    /// 0 (none) to 10 (strongest): the standard craving scale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub craving: Option<u8>,
    /// 0 to 10.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stress: Option<u8>,
    /// Hours slept, in minutes (0–1440).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sleep_minutes: Option<u16>,
    /// Medications (ids from the plan) taken today.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::id::exact"
    )]
    pub medications_taken: Vec<Id>,
    #[serde(skip_serializing_if = "is_false")]
    pub went_to_meeting: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub contacted_support: bool,
    /// Triggers (ids from the plan) met today.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::id::exact"
    )]
    pub triggers: Vec<Id>,
    /// Warning signs (ids from the plan) noticed today.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::id::exact"
    )]
    pub warning_signs: Vec<Id>,
    /// Coping strategies (ids from the plan) used today.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::id::exact"
    )]
    pub coping_used: Vec<Id>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

fn is_false(b: &bool) -> bool {
    !b
}

/// Minutes as tenths of an hour, rounded: how sleep is charted and written.
pub fn sleep_tenths(minutes: u16) -> u32 {
    (u32::from(minutes) + 3) / 6
}

/// Tenths as a number in words' form: 75 → "7.5", 80 → "8".
pub fn tenths_text(t: u32) -> String {
    if t % 10 == 0 {
        (t / 10).to_string()
    } else {
        format!("{}.{}", t / 10, t % 10)
    }
}

/// Minutes as hours for the form and the CSV file: 450 → "7.5", 480 → "8".
pub fn hours_text(minutes: u16) -> String {
    tenths_text(sleep_tenths(minutes))
}

/// The plan's items a check-in can tick.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Items {
    Medications,
    Triggers,
    WarningSigns,
    Coping,
}

/// The plan's items of a kind, by id, with their names.
pub fn plan_items(p: &super::Plan, which: Items) -> Vec<(&Id, &str)> {
    match which {
        Items::Medications => p
            .care
            .medications
            .iter()
            .map(|m| (&m.id, m.name.as_str()))
            .collect(),
        Items::Triggers => p
            .relapse
            .triggers
            .iter()
            .map(|t| (&t.id, t.text.as_str()))
            .collect(),
        Items::WarningSigns => p
            .relapse
            .warning_signs
            .iter()
            .map(|t| (&t.id, t.text.as_str()))
            .collect(),
        Items::Coping => p
            .relapse
            .coping
            .iter()
            .map(|t| (&t.id, t.text.as_str()))
            .collect(),
    }
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

    /// A hard day: craving at 7 or more, mood very low, or a warning sign noticed. The
    /// check-in then answers with the person's own coping and people, not just "Saved".
    pub fn hard_day(&self) -> bool {
        self.craving.is_some_and(|c| c >= 7)
            || self.mood == Some(1)
            || !self.warning_signs.is_empty()
    }

    /// Checks the scales are within their ranges.
    pub fn validate(&self) -> Result<(), OutOfRange> {
        if self.mood.is_some_and(|m| !(1..=5).contains(&m)) {
            return Err(OutOfRange(tr!(progress.checkin.mood_range)));
        }
        if self.craving.is_some_and(|c| c > 10) {
            return Err(OutOfRange(tr!(progress.checkin.craving_range)));
        }
        if self.stress.is_some_and(|c| c > 10) {
            return Err(OutOfRange(tr!(progress.checkin.stress_range)));
        }
        if self.sleep_minutes.is_some_and(|m| m > 24 * 60) {
            return Err(OutOfRange(tr!(progress.checkin.sleep_range)));
        }
        Ok(())
    }
}

/// The person's coping strategies for the triggers ticked in a check-in, in the plan's
/// order; when none answers them, their first three.
pub fn coping_for_day(p: &super::Plan, c: &CheckIn) -> Vec<String> {
    let coping = &p.relapse.coping;
    let linked: Vec<String> = coping
        .iter()
        .filter(|s| s.trigger_ids.iter().any(|t| c.triggers.contains(t)))
        .map(|s| s.text.clone())
        .collect();
    if linked.is_empty() {
        coping.iter().take(3).map(|s| s.text.clone()).collect()
    } else {
        linked
    }
}

/// Room a list of check-ins keeps beyond those it holds: a month of days (#18). Years of
/// check-ins are read with this room to spare, and a full list grows by this much, not by
/// doubling: a list doubled holds its old and its new room at once (for five years of
/// check-ins, 420 KiB of wasm memory, which never shrinks, for one more check-in).
pub const ROOM_AHEAD: usize = 31;

/// Inserts or replaces the check-in for its date, keeping the list sorted by date.
pub fn upsert(list: &mut Vec<CheckIn>, checkin: CheckIn) {
    match list.binary_search_by(|c| c.date.cmp(&checkin.date)) {
        Ok(i) => list[i] = checkin,
        Err(i) => {
            if list.len() == list.capacity() {
                list.reserve_exact(ROOM_AHEAD);
            }
            list.insert(i, checkin)
        }
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
        // A full list grows by a month of days, not by doubling.
        let mut full: Vec<CheckIn> = (1..=20).map(|n| CheckIn::new(d(n))).collect();
        full.shrink_to_fit();
        upsert(&mut full, CheckIn::new(d(25)));
        assert_eq!(full.capacity(), 20 + ROOM_AHEAD);
    }

    #[test]
    fn a_hard_day_is_noticed_and_answered_with_the_right_coping() {
        use crate::domain::relapse::{CopingStrategy, Trigger, TriggerKind};
        let mut c = CheckIn::new(NaiveDate::default());
        assert!(!c.hard_day());
        c.craving = Some(6);
        assert!(!c.hard_day());
        c.craving = Some(7);
        assert!(c.hard_day());
        c.craving = None;
        c.mood = Some(1);
        assert!(c.hard_day());
        c.mood = Some(2);
        c.warning_signs = vec![Id::generate(5, 5)];
        assert!(c.hard_day());

        let mut p = crate::domain::Plan::default();
        let (lonely, payday) = (Id::generate(1, 1), Id::generate(2, 2));
        for (id, text) in [(&lonely, "Lonely"), (&payday, "Payday")] {
            p.relapse.triggers.push(Trigger {
                id: id.clone(),
                kind: TriggerKind::Feeling,
                text: text.into(),
            });
        }
        for (n, text, links) in [
            (3, "Walk", vec![]),
            (4, "Call Dana", vec![lonely.clone()]),
            (6, "Pay rent first", vec![payday.clone()]),
        ] {
            p.relapse.coping.push(CopingStrategy {
                id: Id::generate(n, n),
                text: text.into(),
                trigger_ids: links,
            });
        }
        c.triggers = vec![lonely];
        assert_eq!(coping_for_day(&p, &c), ["Call Dana"]);
        c.triggers.clear();
        assert_eq!(
            coping_for_day(&p, &c),
            ["Walk", "Call Dana", "Pay rent first"]
        );
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
