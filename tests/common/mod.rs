//! Plans for tests: a full one with every part filled in, and a large one.
#![allow(dead_code)]

use chrono::{Duration, NaiveDate, NaiveTime, Weekday};
use safety_net::domain::care::*;
use safety_net::domain::checkin::{self, CheckIn};
use safety_net::domain::contacts::{Role, SupportPerson};
use safety_net::domain::goals::{Goal, LifeArea};
use safety_net::domain::meetings::*;
use safety_net::domain::milestones::{PersonalMilestone, Slip};
use safety_net::domain::naloxone::{KitKind, NaloxoneKit};
use safety_net::domain::plan::{GuidedStart, LovedOnes};
use safety_net::domain::relapse::{CopingStrategy, Trigger, TriggerKind};
use safety_net::domain::{Entry, Id, Plan};

pub fn id(n: u64) -> Id {
    Id::generate(1_700_000_000_000 + n, n * 7919)
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// A plan with every pillar filled in (and text that must stay text).
pub fn full_plan() -> Plan {
    let mut p = Plan::default();
    p.care.medications.push(Medication {
        id: id(1),
        kind: MedicationKind::BuprenorphineNaloxone,
        name: "Suboxone film".into(),
        dose: "8 mg/2 mg".into(),
        schedule: "every morning".into(),
        prescriber: "Dr. Reyes".into(),
        pharmacy: "Main St Pharmacy".into(),
        next_refill: Some(date(2026, 12, 1)),
        notes: String::new(),
    });
    p.care.appointments.push(Appointment {
        id: id(2),
        kind: AppointmentKind::HepatitisC,
        with_whom: "Liver clinic".into(),
        at: Some(date(2026, 12, 3).and_time(NaiveTime::from_hms_opt(9, 30, 0).expect("time"))),
        place: "County Health, 2nd floor".into(),
        notes: "bring insurance card".into(),
    });
    p.care.therapy.push(Therapy {
        id: id(3),
        provider: "Riverside IOP".into(),
        kind: TherapyKind::IntensiveOutpatient,
        next_session: None,
        working_on: "sleep, anger".into(),
        phone: "555-0100".into(),
    });
    p.people.push(SupportPerson {
        id: id(4),
        name: "Dana".into(),
        role: Role::Sponsor,
        phone: "(555) 010-2030".into(),
        call_in_crisis: true,
        best_times: "any time".into(),
        crisis_message: "Can you call me? Having a hard time.".into(),
        notes: String::new(),
    });
    p.keep_distance
        .push(Entry::new(id(5), "Old crew from Elm St"));
    p.goals.push(Goal {
        id: id(6),
        area: LifeArea::Education,
        goal: "Get my GED".into(),
        next_step: "Call the adult-ed office".into(),
        done: false,
    });
    p.relapse
        .reasons
        .push(Entry::new(id(7), "Be there for Maya"));
    p.relapse
        .reasons
        .push(Entry::new(id(8), "<img src=x onerror=alert(1)>"));
    p.relapse.triggers.push(Trigger {
        id: id(9),
        kind: TriggerKind::Feeling,
        text: "Lonely on Sunday nights".into(),
    });
    p.relapse
        .warning_signs
        .push(Entry::new(id(10), "Skipping meetings"));
    p.relapse.coping.push(CopingStrategy {
        id: id(11),
        text: "Call Dana".into(),
        trigger_ids: vec![id(9)],
    });
    p.relapse
        .places_to_avoid
        .push(Entry::new(id(12), "The gas station on 5th"));
    p.crisis_steps.push(Entry::new(id(13), "Call Dana"));
    p.slip_steps
        .push(Entry::new(id(14), "Tell my doctor the same day"));
    p.loved_ones = LovedOnes {
        what_to_know: "I'm on buprenorphine; it is treatment.".into(),
        how_to_help: "Ask me how my day was.".into(),
        boundaries: "Don't give me money.".into(),
    };
    p.recovery.start_date = Some(date(2026, 3, 1));
    p.recovery.start_time = NaiveTime::from_hms_opt(20, 0, 0);
    p.recovery.slips.push(Slip {
        id: id(15),
        date: date(2026, 6, 10),
        note: "after the funeral".into(),
    });
    p.recovery.personal.push(PersonalMilestone {
        id: id(16),
        title: "First paycheck".into(),
        date: date(2026, 8, 15),
    });
    p.recovery.celebrated.push("2026-06-11/days-30".into());
    p.settings.first_name = "Jordan".into();
    p.settings.card_medication = true;
    p.settings.started = Some(date(2026, 3, 1));
    let mut c = CheckIn::new(date(2026, 11, 22));
    c.mood = Some(4);
    c.craving = Some(3);
    c.stress = Some(5);
    c.sleep_minutes = Some(450);
    c.medications_taken = vec![id(1)];
    c.went_to_meeting = true;
    c.triggers = vec![id(9)];
    c.coping_used = vec![id(11)];
    c.note = "ok day — \"quotes\" and \\ backslash".into();
    checkin::upsert(&mut p.checkins, c);
    p.meetings.list.push(Meeting {
        id: id(17),
        name: "Tuesday Night Hope".into(),
        fellowship: Fellowship::NarcoticsAnonymous,
        format: MeetingFormat::InPerson,
        address: "St. Mark's basement".into(),
        link: String::new(),
        access: Access::Open,
        style: MeetingStyle::Discussion,
        days: vec![Weekday::Tue],
        time: NaiveTime::from_hms_opt(19, 0, 0),
        duration_minutes: Some(60),
        notes: String::new(),
        liked: "people my age".into(),
        disliked: String::new(),
        decision: FitDecision::Keep,
    });
    p.meetings.mark_attended(&id(17), date(2026, 11, 17));
    p.meetings.first_meeting_done.push("arrive-early".into());
    p.meetings.first_meeting.push(ChecklistItem {
        id: id(30),
        text: "Ask Sam to come with me".into(),
        done: true,
    });
    p.meetings.after_first_few.push(ChecklistItem {
        id: id(31),
        text: "Ask about a sponsor".into(),
        done: false,
    });
    p.naloxone_kits.push(NaloxoneKit {
        id: id(18),
        location: "Kitchen drawer".into(),
        kind: KitKind::NasalSpray,
        expires: Some(date(2028, 5, 31)),
        doses: 2,
        who_knows: "my roommate".into(),
        others_trained: true,
        notes: String::new(),
    });
    p.reviews.push(date(2026, 11, 1));
    p.settings.review_every_days = 30;
    p.settings.guided_start = GuidedStart::Done;
    // Version 4's settings, away from their defaults.
    p.settings.lock_after_minutes = 15;
    p.settings.open_contacts = true;
    p.settings.backup_every_days = 14;
    p.settings.backup_quiet_until = Some(date(2026, 11, 30));
    p.settings.last_backup = Some(safety_net::domain::safekeeping::LastBackup {
        at: date(2026, 11, 20).and_hms_opt(18, 5, 0).expect("time"),
        on: date(2026, 11, 20),
        changes: 41,
        held: safety_net::domain::safekeeping::Held::of(&p),
    });
    p
}

/// The full plan plus a daily check-in for every day of five years.
pub fn five_years_plan() -> Plan {
    years_plan(5, 0)
}

/// Ten years of daily check-ins, 500 meeting visits and a full plan: years of real use.
pub fn ten_years_plan() -> Plan {
    years_plan(10, 500)
}

/// `years` of daily check-ins up to 2026-11-23, and `visits` meetings attended (weekly).
pub fn years_plan(years: i64, visits: i64) -> Plan {
    let mut p = full_plan();
    p.checkins.clear();
    let start = date(2026, 11, 23) - Duration::days(years * 365);
    let meeting = p.meetings.list[0].id.clone();
    for w in 0..visits {
        p.meetings
            .mark_attended(&meeting, date(2026, 11, 23) - Duration::days(w * 7));
    }
    for i in 0..(years * 365 + 1) {
        let mut c = CheckIn::new(start + Duration::days(i));
        c.mood = Some((i % 5 + 1) as u8);
        c.craving = Some((i % 11) as u8);
        c.stress = Some((i * 3 % 11) as u8);
        c.sleep_minutes = Some(360 + (i % 120) as u16);
        c.medications_taken = vec![id(1)];
        c.went_to_meeting = i % 3 == 0;
        c.contacted_support = i % 2 == 0;
        if i % 4 == 0 {
            c.triggers = vec![id(9)];
            c.coping_used = vec![id(11)];
        }
        if i % 7 == 0 {
            c.note = format!("Week {} — went for a walk, called Dana.", i / 7);
        }
        p.checkins.push(c);
    }
    p
}
