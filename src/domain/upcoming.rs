//! What is coming in the next days: appointments, therapy sessions, medication refills and
//! meetings, in time order, for Today; and the refills that are due or overdue.

use super::community::on_day;
use super::{Id, Plan};
use chrono::{Datelike, Days, NaiveDate, NaiveTime};

/// What kind of thing is coming.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Appointment,
    Therapy,
    /// A medication refill: a whole day, no time.
    Refill,
    Meeting,
}

/// One thing coming up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Upcoming {
    pub kind: Kind,
    pub id: Id,
    pub day: NaiveDate,
    /// `None` for a refill (all day).
    pub time: Option<NaiveTime>,
    /// "Dr. Lee", "Suboxone", "Tuesday Night Hope Group".
    pub title: String,
    pub place: String,
}

/// Everything from now to the end of the `days`-th day after today, in time order (a
/// refill first on its day). Meetings repeat weekly; today's only if they have not started.
pub fn upcoming(p: &Plan, today: NaiveDate, now: NaiveTime, days: u64) -> Vec<Upcoming> {
    let Some(last) = today.checked_add_days(Days::new(days)) else {
        return Vec::new();
    };
    let ahead = |day: NaiveDate, time: Option<NaiveTime>| {
        day <= last && (day > today || (day == today && time.is_none_or(|t| t >= now)))
    };
    let mut out = Vec::new();
    for a in &p.care.appointments {
        if let Some(at) = a.at.filter(|at| ahead(at.date(), Some(at.time()))) {
            out.push(Upcoming {
                kind: Kind::Appointment,
                id: a.id.clone(),
                day: at.date(),
                time: Some(at.time()),
                title: a.with_whom.trim().to_string(),
                place: a.place.trim().to_string(),
            });
        }
    }
    for t in &p.care.therapy {
        if let Some(at) = t
            .next_session
            .filter(|at| ahead(at.date(), Some(at.time())))
        {
            out.push(Upcoming {
                kind: Kind::Therapy,
                id: t.id.clone(),
                day: at.date(),
                time: Some(at.time()),
                title: t.provider.trim().to_string(),
                place: String::new(),
            });
        }
    }
    for m in &p.care.medications {
        if let Some(day) = m.next_refill.filter(|d| ahead(*d, None)) {
            out.push(Upcoming {
                kind: Kind::Refill,
                id: m.id.clone(),
                day,
                time: None,
                title: m.name.trim().to_string(),
                place: m.pharmacy.trim().to_string(),
            });
        }
    }
    let mut day = today;
    while day <= last {
        for m in on_day(&p.meetings, day.weekday()) {
            if let Some(time) = m.time.filter(|t| ahead(day, Some(*t))) {
                out.push(Upcoming {
                    kind: Kind::Meeting,
                    id: m.id.clone(),
                    day,
                    time: Some(time),
                    title: m.name.trim().to_string(),
                    place: m.address.trim().to_string(),
                });
            }
        }
        match day.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
    }
    out.sort_by_key(|u| (u.day, u.time.is_some(), u.time));
    out
}

/// A refill that needs doing: due today or tomorrow, or overdue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefillDue {
    pub id: Id,
    pub name: String,
    pub day: NaiveDate,
    /// Days until it is due: 1 tomorrow, 0 today, negative when overdue.
    pub in_days: i64,
}

/// The refills due today or tomorrow, or overdue, soonest first.
pub fn refills_due(p: &Plan, today: NaiveDate) -> Vec<RefillDue> {
    let mut out: Vec<RefillDue> = p
        .care
        .medications
        .iter()
        .filter_map(|m| {
            let day = m.next_refill?;
            let in_days = (day - today).num_days();
            (in_days <= 1).then(|| RefillDue {
                id: m.id.clone(),
                name: m.name.trim().to_string(),
                day,
                in_days,
            })
        })
        .collect();
    out.sort_by_key(|r| r.day);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::care::{Appointment, AppointmentKind, Medication, MedicationKind};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).expect("date")
    }
    fn t(h: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, 0, 0).expect("time")
    }

    fn plan() -> Plan {
        let mut p = Plan::default();
        p.care.medications.push(Medication {
            id: Id::parse("m1").expect("id"),
            kind: MedicationKind::BuprenorphineNaloxone,
            name: "Suboxone".into(),
            dose: String::new(),
            schedule: String::new(),
            prescriber: String::new(),
            pharmacy: "Main St".into(),
            next_refill: Some(d(12, 8)),
            notes: String::new(),
        });
        for (id, at) in [
            ("a1", d(12, 9).and_time(t(9))),
            ("a0", d(12, 7).and_time(t(8))),
            ("a9", d(12, 20).and_time(t(9))),
        ] {
            p.care.appointments.push(Appointment {
                id: Id::parse(id).expect("id"),
                kind: AppointmentKind::Prescriber,
                with_whom: format!("Dr. {id}"),
                at: Some(at),
                place: String::new(),
                notes: String::new(),
            });
        }
        p
    }

    #[test]
    fn the_week_ahead_in_time_order() {
        // December 7, 10 am: the 8 am appointment has passed; the refill on the 8th shows.
        let u = upcoming(&plan(), d(12, 7), t(10), 7);
        let got: Vec<(Kind, NaiveDate)> = u.iter().map(|x| (x.kind, x.day)).collect();
        assert_eq!(
            got,
            [(Kind::Refill, d(12, 8)), (Kind::Appointment, d(12, 9))]
        );
        assert_eq!(u[0].title, "Suboxone");
        // Nothing past the seventh day.
        assert!(upcoming(&plan(), d(12, 7), t(10), 7)
            .iter()
            .all(|x| x.day <= d(12, 14)));
    }

    #[test]
    fn refills_due_tomorrow_today_or_overdue() {
        let p = plan();
        assert!(refills_due(&p, d(12, 6)).is_empty());
        assert_eq!(refills_due(&p, d(12, 7))[0].in_days, 1);
        assert_eq!(refills_due(&p, d(12, 8))[0].in_days, 0);
        assert_eq!(refills_due(&p, d(12, 11))[0].in_days, -3);
    }
}
