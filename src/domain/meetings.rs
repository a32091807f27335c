//! Community support: the person's meetings, attendance and a fit journal per group.

use super::list::impl_has_id;
use super::Id;
use chrono::{NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fellowship {
    NarcoticsAnonymous,
    SmartRecovery,
    PillsAnonymous,
    HeroinAnonymous,
    CelebrateRecovery,
    NarAnon,
    PeerSupport,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingFormat {
    InPerson,
    Online,
    Hybrid,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Access {
    Open,
    Closed,
    NotSure,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingStyle {
    Speaker,
    Discussion,
    StepStudy,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FitDecision {
    Undecided,
    Keep,
    TryAnother,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub id: Id,
    pub name: String,
    pub fellowship: Fellowship,
    pub format: MeetingFormat,
    pub address: String,
    pub link: String,
    pub access: Access,
    pub style: MeetingStyle,
    #[serde(with = "super::datefmt::list")]
    pub days: Vec<Weekday>,
    /// Local wall-clock start time.
    #[serde(with = "super::datefmt::opt", default)]
    pub time: Option<NaiveTime>,
    pub duration_minutes: Option<u16>,
    pub notes: String,
    /// Fit journal: what I liked, what I didn't, keep going or try another.
    pub liked: String,
    pub disliked: String,
    pub decision: FitDecision,
}

impl_has_id!(Meeting);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    pub meeting_id: Id,
    #[serde(with = "super::datefmt::text")]
    pub date: NaiveDate,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Meetings {
    pub list: Vec<Meeting>,
    /// History stays even if a meeting is later removed from the list.
    pub attendance: Vec<Attendance>,
    /// First-meeting checklist of version 1: the items ticked (by key). Still read and
    /// written, so nothing in an older plan is lost, but the app no longer adds to it: the
    /// person's own checklists below replaced it.
    pub first_meeting_done: Vec<String>,
    /// The person's own checklist before the first meeting (editable, from suggestions).
    pub first_meeting: Vec<ChecklistItem>,
    /// And for after the first few meetings.
    pub after_first_few: Vec<ChecklistItem>,
}

/// A line of a checklist the person can tick, edit or delete.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    pub id: Id,
    pub text: String,
    pub done: bool,
}

impl_has_id!(ChecklistItem);

impl Meetings {
    /// Marks attendance once per meeting and day; returns whether anything changed.
    pub fn mark_attended(&mut self, meeting_id: &Id, date: NaiveDate) -> bool {
        if self
            .attendance
            .iter()
            .any(|a| &a.meeting_id == meeting_id && a.date == date)
        {
            return false;
        }
        // Kept in date order (inserted in place: no sort code in the download).
        let at = self.attendance.partition_point(|a| a.date <= date);
        self.attendance.insert(
            at,
            Attendance {
                meeting_id: meeting_id.clone(),
                date,
            },
        );
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attendance_is_once_per_meeting_and_day() {
        let mut m = Meetings::default();
        let id = Id::generate(1, 1);
        let d = NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid");
        assert!(m.mark_attended(&id, d));
        assert!(!m.mark_attended(&id, d));
        assert_eq!(m.attendance.len(), 1);
    }

    #[test]
    fn weekdays_serialise_readably() {
        use crate::domain::datefmt::{parse_weekday, weekday_name};
        for d in [Weekday::Mon, Weekday::Wed, Weekday::Sun] {
            assert_eq!(parse_weekday(weekday_name(d)), Some(d));
        }
        assert_eq!(weekday_name(Weekday::Tue), "Tue");
        assert_eq!(parse_weekday("monday"), None);
    }
}
