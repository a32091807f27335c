//! The whole safety-net plan: one document, saved as a whole.

use super::care::Care;
use super::checkin::CheckIn;
use super::contacts::SupportPerson;
use super::goals::Goal;
use super::list::HasId;
use super::meetings::Meetings;
use super::milestones::Recovery;
use super::naloxone::NaloxoneKit;
use super::relapse::RelapsePlan;
use super::{Entry, Id};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What the person wants their loved ones to know.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LovedOnes {
    pub what_to_know: String,
    pub how_to_help: String,
    pub boundaries: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GuidedStart {
    #[default]
    NotStarted,
    Skipped,
    Done,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// "Review your plan" comes due this many days after the last review.
    pub review_every_days: u16,
    pub guided_start: GuidedStart,
    /// The person's first name, for the wallet card (version 3).
    pub first_name: String,
    /// Whether the wallet card names their medication for OUD: it matters to an emergency
    /// room (version 3; off unless they choose it).
    pub card_medication: bool,
    /// The day the plan first had something in it: reviews come due from then (version 3).
    #[serde(with = "super::datefmt::opt")]
    pub started: Option<NaiveDate>,
    /// With the lock on: lock after this many minutes in the background (version 4).
    pub lock_after_minutes: u16,
    /// With the lock on: keep the crisis contacts readable on the lock screen, stored
    /// unencrypted on this device (version 4; off unless chosen).
    pub open_contacts: bool,
    /// The last backup: when, and what it held (version 4).
    pub last_backup: Option<super::safekeeping::LastBackup>,
    /// Suggest a backup when the last is this many days old; 0: never (version 4).
    pub backup_every_days: u16,
    /// "Not now" to the backup reminder: quiet until this day (version 4).
    #[serde(with = "super::datefmt::opt")]
    pub backup_quiet_until: Option<NaiveDate>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            review_every_days: 30,
            guided_start: GuidedStart::NotStarted,
            first_name: String::new(),
            card_medication: false,
            started: None,
            lock_after_minutes: 5,
            open_contacts: false,
            last_backup: None,
            backup_every_days: 30,
            backup_quiet_until: None,
        }
    }
}

/// The person's recovery safety net. Every list keeps the order the person gave it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Plan {
    /// Medication treatment, appointments and therapy.
    pub care: Care,
    /// The support network.
    pub people: Vec<SupportPerson>,
    /// Private: people and places the person keeps their distance from. Never shared by default.
    pub keep_distance: Vec<Entry>,
    pub goals: Vec<Goal>,
    pub relapse: RelapsePlan,
    /// What to do in a crisis, in order.
    pub crisis_steps: Vec<Entry>,
    /// "If I slip": what to do after a slip, in order.
    pub slip_steps: Vec<Entry>,
    pub loved_ones: LovedOnes,
    pub recovery: Recovery,
    /// One per calendar day, sorted by date. (Read by [`super::schema::read_checkins`],
    /// which can leave them to be read in turns.)
    #[serde(deserialize_with = "super::schema::read_checkins")]
    pub checkins: Vec<CheckIn>,
    pub meetings: Meetings,
    pub naloxone_kits: Vec<NaloxoneKit>,
    /// Dates the plan was reviewed, oldest first.
    #[serde(with = "super::datefmt::list")]
    pub reviews: Vec<NaiveDate>,
    pub settings: Settings,
}

/// The most items any list of a plan may hold: more than a person could write in a
/// lifetime of daily check-ins (100 years is 36,525), far fewer than a file made to hurt.
pub const MAX_ITEMS: usize = 100_000;

/// Why a plan that decodes is still not acceptable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// More items in a list than a person could write (a file made to hurt).
    TooMany(&'static str, usize),
    DuplicateId(String),
    CheckIn(NaiveDate, &'static str),
    CheckInsOutOfOrder,
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Invalid::TooMany(list, n) => f.write_str(&tr!(
                plan.invalid.too_many,
                list = list,
                n = n,
                max = MAX_ITEMS
            )),
            Invalid::DuplicateId(id) => f.write_str(&tr!(plan.invalid.duplicate_id, id = id)),
            Invalid::CheckIn(d, why) => {
                f.write_str(&tr!(plan.invalid.checkin, date = d, why = why))
            }
            Invalid::CheckInsOutOfOrder => f.write_str(tr!(plan.invalid.out_of_order)),
        }
    }
}

impl Plan {
    /// True when the person has written anything at all (used to decide when a save is
    /// "meaningful", e.g. before asking the browser to keep the data persistently).
    pub fn is_empty(&self) -> bool {
        let Plan {
            care,
            people,
            keep_distance,
            goals,
            relapse,
            crisis_steps,
            slip_steps,
            loved_ones,
            recovery,
            checkins,
            meetings,
            naloxone_kits,
            reviews,
            settings: _,
        } = self;
        *care == Care::default()
            && people.is_empty()
            && keep_distance.is_empty()
            && goals.is_empty()
            && *relapse == RelapsePlan::default()
            && crisis_steps.is_empty()
            && slip_steps.is_empty()
            && *loved_ones == LovedOnes::default()
            && *recovery == Recovery::default()
            && checkins.is_empty()
            && *meetings == Meetings::default()
            && naloxone_kits.is_empty()
            && reviews.is_empty()
    }

    /// Remembers `today` as the day the plan started, the first time it has something in
    /// it (reviews come due from then).
    pub fn note_started(&mut self, today: NaiveDate) {
        if self.settings.started.is_none() && !self.is_empty() {
            self.settings.started = Some(today);
        }
    }

    /// Whole-document rules beyond what decoding checks: ids unique, scales in range,
    /// check-ins one per day in order.
    pub fn validate(&self) -> Result<(), Invalid> {
        let r = &self.relapse;
        for (name, n) in [
            ("medications", self.care.medications.len()),
            ("appointments", self.care.appointments.len()),
            ("therapy", self.care.therapy.len()),
            ("people", self.people.len()),
            ("keep_distance", self.keep_distance.len()),
            ("goals", self.goals.len()),
            ("reasons", r.reasons.len()),
            ("triggers", r.triggers.len()),
            ("warning_signs", r.warning_signs.len()),
            ("coping", r.coping.len()),
            ("places_to_avoid", r.places_to_avoid.len()),
            ("crisis_steps", self.crisis_steps.len()),
            ("slip_steps", self.slip_steps.len()),
            ("slips", self.recovery.slips.len()),
            (tr!(plan.invalid.personal), self.recovery.personal.len()),
            ("celebrated", self.recovery.celebrated.len()),
            ("checkins", self.checkins.len()),
            ("meetings", self.meetings.list.len()),
            ("attendance", self.meetings.attendance.len()),
            ("first_meeting_done", self.meetings.first_meeting_done.len()),
            ("first_meeting", self.meetings.first_meeting.len()),
            ("after_first_few", self.meetings.after_first_few.len()),
            ("naloxone_kits", self.naloxone_kits.len()),
            ("reviews", self.reviews.len()),
        ] {
            if n > MAX_ITEMS {
                return Err(Invalid::TooMany(name, n));
            }
        }
        let inner = self
            .checkins
            .iter()
            .map(|c| {
                c.medications_taken.len()
                    + c.triggers.len()
                    + c.warning_signs.len()
                    + c.coping_used.len()
            })
            .chain(r.coping.iter().map(|c| c.trigger_ids.len()))
            .chain(self.meetings.list.iter().map(|m| m.days.len()))
            .fold(0usize, usize::saturating_add);
        if inner > MAX_ITEMS {
            return Err(Invalid::TooMany(tr!(plan.invalid.links), inner));
        }
        let ids = self
            .care
            .medications
            .iter()
            .map(HasId::id)
            .chain(self.care.appointments.iter().map(HasId::id))
            .chain(self.care.therapy.iter().map(HasId::id))
            .chain(self.people.iter().map(HasId::id))
            .chain(self.keep_distance.iter().map(HasId::id))
            .chain(self.goals.iter().map(HasId::id))
            .chain(self.relapse.reasons.iter().map(HasId::id))
            .chain(self.relapse.triggers.iter().map(HasId::id))
            .chain(self.relapse.warning_signs.iter().map(HasId::id))
            .chain(self.relapse.coping.iter().map(HasId::id))
            .chain(self.relapse.places_to_avoid.iter().map(HasId::id))
            .chain(self.crisis_steps.iter().map(HasId::id))
            .chain(self.slip_steps.iter().map(HasId::id))
            .chain(self.recovery.slips.iter().map(HasId::id))
            .chain(self.recovery.personal.iter().map(HasId::id))
            .chain(self.meetings.list.iter().map(HasId::id))
            .chain(self.meetings.first_meeting.iter().map(HasId::id))
            .chain(self.meetings.after_first_few.iter().map(HasId::id))
            .chain(self.naloxone_kits.iter().map(HasId::id));
        let mut ids: Vec<&Id> = ids.collect();
        super::order::sort(&mut ids);
        if let Some(w) = ids.windows(2).find(|w| w[0] == w[1]) {
            return Err(Invalid::DuplicateId(w[0].to_string()));
        }
        for c in &self.checkins {
            c.validate().map_err(|e| Invalid::CheckIn(c.date, e.0))?;
        }
        if self.checkins.windows(2).any(|w| w[0].date >= w[1].date) {
            return Err(Invalid::CheckInsOutOfOrder);
        }
        Ok(())
    }

    /// A few counts that describe a plan in words ("3 support people, 1 medication"), e.g.
    /// before an import replaces it.
    pub fn summary(&self) -> Vec<String> {
        super::safekeeping::Held::of(self).words()
    }
}
