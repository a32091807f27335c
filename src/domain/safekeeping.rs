//! Never the only copy: what the last backup held and when, when to suggest a new one, and
//! how a backup compares with the plan on this phone before it replaces it.
//!
//! Times here are UTC wall-clock times (`NaiveDateTime`), as the browser's `toISOString`
//! writes them; days are counted on the person's own calendar by the caller's `today`.

use super::list::HasId;
use super::Plan;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// How many of each thing a plan holds: recorded with each backup, and shown before an
/// import replaces a plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Held {
    pub reasons: u32,
    pub people: u32,
    pub triggers: u32,
    pub warning_signs: u32,
    pub coping: u32,
    pub medications: u32,
    pub appointments: u32,
    pub meetings: u32,
    pub goals: u32,
    pub checkins: u32,
    pub kits: u32,
    pub slips: u32,
}

fn n(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

impl Held {
    pub fn of(p: &Plan) -> Held {
        let r = &p.relapse;
        Held {
            reasons: n(r.reasons.len()),
            people: n(p.people.len()),
            triggers: n(r.triggers.len()),
            warning_signs: n(r.warning_signs.len()),
            coping: n(r.coping.len()),
            medications: n(p.care.medications.len()),
            appointments: n(p.care.appointments.len()),
            meetings: n(p.meetings.list.len()),
            goals: n(p.goals.len()),
            checkins: n(p.checkins.len()),
            kits: n(p.naloxone_kits.len()),
            slips: n(p.recovery.slips.len()),
        }
    }

    /// Each count with its words, in the order people think of their plan.
    fn named(self) -> [(u32, &'static str, &'static str); 12] {
        [
            (
                self.reasons,
                tr!(settings.held.reason),
                tr!(settings.held.reasons),
            ),
            (
                self.people,
                tr!(settings.held.person),
                tr!(settings.held.people),
            ),
            (
                self.triggers,
                tr!(settings.held.trigger),
                tr!(settings.held.triggers),
            ),
            (
                self.warning_signs,
                tr!(settings.held.warning_sign),
                tr!(settings.held.warning_signs),
            ),
            (
                self.coping,
                tr!(settings.held.coping),
                tr!(settings.held.copings),
            ),
            (
                self.medications,
                tr!(settings.held.medication),
                tr!(settings.held.medications),
            ),
            (
                self.appointments,
                tr!(settings.held.appointment),
                tr!(settings.held.appointments),
            ),
            (
                self.meetings,
                tr!(settings.held.meeting),
                tr!(settings.held.meetings),
            ),
            (
                self.goals,
                tr!(settings.held.goal),
                tr!(settings.held.goals),
            ),
            (
                self.checkins,
                tr!(settings.held.checkin),
                tr!(settings.held.checkins),
            ),
            (self.kits, tr!(settings.held.kit), tr!(settings.held.kits)),
            (
                self.slips,
                tr!(settings.held.slip),
                tr!(settings.held.slips),
            ),
        ]
    }

    /// "3 support people, 1 medication" (only what there is).
    pub fn words(self) -> Vec<String> {
        self.named()
            .into_iter()
            .filter(|(n, _, _)| *n > 0)
            .map(|(n, one, many)| super::words::count(n, one, many))
            .collect()
    }
}

/// The last backup made on this phone (or in the plan a backup restored).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LastBackup {
    /// When it was made (UTC).
    #[serde(with = "super::datefmt::text")]
    pub at: NaiveDateTime,
    /// The person's own date when it was made.
    #[serde(with = "super::datefmt::text")]
    pub on: NaiveDate,
    /// The number of saved changes on this phone when it was made.
    pub changes: u64,
    pub held: Held,
}

/// A reminder is never suggested more often than this, whatever the setting.
pub const REMINDER_CHANGES: u64 = 50;
/// "Not now" keeps the reminder quiet this long.
pub const QUIET_DAYS: u64 = 7;
/// No reminder in the first week of use.
pub const FIRST_WEEK_DAYS: i64 = 7;

/// Whether Today suggests a backup: there is something worth saving, the first week of use
/// is over, the person has not said "Not now" in the last week, reminders are on, and the
/// last backup is `every_days` old, or `REMINDER_CHANGES` changes old (or there is none).
/// Any dates (a clock set back, a backup from another phone) give an answer, never a panic.
pub fn reminder_due(plan: &Plan, today: NaiveDate, changes: u64) -> bool {
    let s = &plan.settings;
    if s.backup_every_days == 0 || plan.is_empty() {
        return false;
    }
    if s.started
        .is_some_and(|start| days_between(start, today) < FIRST_WEEK_DAYS)
    {
        return false;
    }
    if s.backup_quiet_until.is_some_and(|q| today < q) {
        return false;
    }
    match &s.last_backup {
        None => true,
        Some(last) => {
            let days = days_between(last.on, today);
            // A backup dated after today (the phone's clock set back) counts as recent.
            days >= i64::from(s.backup_every_days)
                || changes.saturating_sub(last.changes) >= REMINDER_CHANGES
        }
    }
}

/// The date "Not now" keeps the reminder quiet until.
pub fn quiet_until(today: NaiveDate) -> NaiveDate {
    today
        .checked_add_days(chrono::Days::new(QUIET_DAYS))
        .unwrap_or(today)
}

fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}

/// "12 days ago", "today", "yesterday", "3 weeks ago", "2 months ago", "1 year ago".
pub fn ago(on: NaiveDate, today: NaiveDate) -> String {
    let days = days_between(on, today);
    match days {
        i64::MIN..=-1 => tr!(settings.last_backup.future).into(),
        0 => tr!(settings.last_backup.today).into(),
        1 => tr!(settings.last_backup.yesterday).into(),
        _ => tr!(settings.last_backup.ago, span = span(days)),
    }
}

/// A span of days in words: "12 days", "3 weeks", "2 months", "1 year".
pub fn span(days: i64) -> String {
    let days = days.unsigned_abs();
    let (n, one, many) = match days {
        0..=13 => (
            days,
            tr!(settings.last_backup.day),
            tr!(settings.last_backup.days),
        ),
        14..=59 => (
            days / 7,
            tr!(settings.last_backup.week),
            tr!(settings.last_backup.weeks),
        ),
        60..=729 => (
            days / 30,
            tr!(settings.last_backup.month),
            tr!(settings.last_backup.months),
        ),
        _ => (
            days / 365,
            tr!(settings.last_backup.year),
            tr!(settings.last_backup.years),
        ),
    };
    super::words::count(i64::try_from(n).unwrap_or(i64::MAX), one, many)
}

/// Settings' line: "Last backup: 12 days ago (43 daily check-ins since)" or "No backup yet".
pub fn last_backup_words(plan: &Plan, today: NaiveDate, changes: u64) -> String {
    let Some(last) = &plan.settings.last_backup else {
        return tr!(settings.last_backup.none).into();
    };
    let since = plan.checkins.iter().filter(|c| c.date > last.on).count();
    let changed = changes.saturating_sub(last.changes);
    let ago = ago(last.on, today);
    if since > 0 {
        let what = super::words::count(
            since,
            tr!(settings.held.checkin),
            tr!(settings.held.checkins),
        );
        tr!(settings.last_backup.checkins_since, ago = ago, what = what)
    } else if changed > 0 {
        let what = super::words::count(
            i64::try_from(changed).unwrap_or(i64::MAX),
            tr!(settings.last_backup.change),
            tr!(settings.last_backup.changes),
        );
        tr!(settings.last_backup.changes_since, ago = ago, what = what)
    } else {
        tr!(settings.last_backup.unchanged, ago = ago)
    }
}

/// What would be lost if `incoming` replaced `device`: each list's entries on the phone that
/// the backup does not have (by id; check-ins by their day), in words.
pub fn would_lose(device: &Plan, incoming: &Plan) -> Vec<String> {
    fn missing<T: HasId>(device: &[T], incoming: &[T]) -> u32 {
        let have: std::collections::HashSet<&super::Id> = incoming.iter().map(HasId::id).collect();
        n(device.iter().filter(|x| !have.contains(x.id())).count())
    }
    let (d, i) = (device, incoming);
    let days: std::collections::HashSet<NaiveDate> = i.checkins.iter().map(|c| c.date).collect();
    let lost = Held {
        reasons: missing(&d.relapse.reasons, &i.relapse.reasons),
        people: missing(&d.people, &i.people),
        triggers: missing(&d.relapse.triggers, &i.relapse.triggers),
        warning_signs: missing(&d.relapse.warning_signs, &i.relapse.warning_signs),
        coping: missing(&d.relapse.coping, &i.relapse.coping),
        medications: missing(&d.care.medications, &i.care.medications),
        appointments: missing(&d.care.appointments, &i.care.appointments),
        meetings: missing(&d.meetings.list, &i.meetings.list),
        goals: missing(&d.goals, &i.goals),
        checkins: n(d
            .checkins
            .iter()
            .filter(|c| !days.contains(&c.date))
            .count()),
        kits: missing(&d.naloxone_kits, &i.naloxone_kits),
        slips: missing(&d.recovery.slips, &i.recovery.slips),
    };
    lost.words()
}

/// "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => tr!(
            settings.compare.and_list,
            rest = rest.join(", "),
            last = last
        ),
    }
}

/// Before an import replaces the plan: when the backup was made, how its age compares with
/// the plan on this phone, and what on the phone is not in it.
/// `made` is the file's own time (none in files from before version 4); `plan_saved` the
/// last save on this phone; both UTC.
pub fn compare(
    device: &Plan,
    plan_saved: Option<NaiveDateTime>,
    incoming: &Plan,
    made: Option<NaiveDateTime>,
) -> Vec<String> {
    let mut out = Vec::new();
    match made {
        Some(m) => out.push(tr!(
            settings.compare.made_on,
            date = super::dates::full_date(m.date())
        )),
        None => out.push(tr!(settings.compare.made_unknown).into()),
    }
    if let (Some(m), Some(p)) = (made, plan_saved) {
        // Calendar days apart (a backup made at 15:00:01 three weeks before a change at
        // 15:00:00 is three weeks older, not two).
        let days = days_between(m.date(), p.date());
        out.push(match days {
            1.. => tr!(settings.compare.older, span = span(days)),
            ..=-1 => tr!(settings.compare.newer, span = span(days)),
            0 => tr!(settings.compare.same_day).into(),
        });
    }
    let lost = would_lose(device, incoming);
    if lost.is_empty() {
        if !device.is_empty() {
            out.push(tr!(settings.compare.all_there).into());
        }
    } else {
        out.push(tr!(settings.compare.lost, list = and_list(&lost)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checkin::CheckIn;

    fn d(s: &str) -> NaiveDate {
        crate::domain::datefmt::parse_date(s).expect("date")
    }

    #[test]
    fn spans_and_ago() {
        assert_eq!(ago(d("2026-11-19"), d("2026-12-01")), "12 days ago");
        assert_eq!(ago(d("2026-12-01"), d("2026-12-01")), "today");
        assert_eq!(ago(d("2026-11-30"), d("2026-12-01")), "yesterday");
        assert_eq!(ago(d("2026-11-10"), d("2026-12-01")), "3 weeks ago");
        assert_eq!(ago(d("2026-09-01"), d("2026-12-01")), "3 months ago");
        assert_eq!(ago(d("2024-12-01"), d("2026-12-01")), "2 years ago");
        assert!(ago(d("2027-01-01"), d("2026-12-01")).contains("after today"));
    }

    #[test]
    fn checkins_since_and_lost() {
        let mut plan = Plan::default();
        plan.settings.last_backup = Some(LastBackup {
            at: d("2026-11-19").and_hms_opt(9, 0, 0).expect("time"),
            on: d("2026-11-19"),
            changes: 10,
            held: Held::default(),
        });
        let backup = plan.clone();
        for day in ["2026-11-18", "2026-11-20", "2026-11-21"] {
            plan.checkins.push(CheckIn {
                date: d(day),
                ..CheckIn::default()
            });
        }
        assert_eq!(
            last_backup_words(&plan, d("2026-12-01"), 14),
            "Last backup: 12 days ago (2 daily check-ins since)"
        );
        assert_eq!(would_lose(&plan, &backup), ["3 daily check-ins"]);
        let said = compare(
            &plan,
            d("2026-12-01").and_hms_opt(8, 0, 0),
            &backup,
            d("2026-11-10").and_hms_opt(8, 0, 0),
        );
        assert_eq!(said[1], "This backup is 3 weeks older than your plan.");
        assert!(said[2].contains("3 daily check-ins"), "{said:?}");
    }
}
