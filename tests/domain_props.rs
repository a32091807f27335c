#![cfg(not(target_arch = "wasm32"))]
//! Property tests of the domain's rules.

mod common;

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use safety_net::domain::backup;
use safety_net::domain::checkin::{self, CheckIn};
use safety_net::domain::contacts::{Role, SupportPerson};
use safety_net::domain::milestones::{Recovery, Slip};
use safety_net::domain::relapse::{CopingStrategy, Trigger, TriggerKind};
use safety_net::domain::schema;
use safety_net::domain::{Entry, Plan};

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ,.'!?-]{0,40}",
        "\\PC{0,20}",
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("line\nbreak \"quoted\" \\ back".to_string()),
    ]
}

fn day() -> impl Strategy<Value = NaiveDate> {
    (0i64..20_000).prop_map(|n| common::date(1990, 1, 1) + Duration::days(n))
}

prop_compose! {
    fn plan()(
        reasons in proptest::collection::vec(text(), 0..6),
        people in proptest::collection::vec((text(), text(), any::<bool>(), 0usize..8), 0..5),
        triggers in proptest::collection::vec(text(), 0..5),
        coping in proptest::collection::vec((text(), any::<u8>()), 0..5),
        checkins in proptest::collection::vec((day(), proptest::option::of(0u8..=10), proptest::option::of(1u8..=5), text()), 0..20),
        start in proptest::option::of(day()),
        slips in proptest::collection::vec((day(), text()), 0..3),
    ) -> Plan {
        let mut n = 0u64;
        let mut next = || { n += 1; common::id(n) };
        let mut p = Plan::default();
        p.relapse.reasons = reasons.into_iter().map(|t| Entry::new(next(), t)).collect();
        p.people = people.into_iter().map(|(name, phone, crisis, role)| SupportPerson {
            id: next(), name, role: Role::ALL[role], phone, call_in_crisis: crisis,
            best_times: String::new(), crisis_message: String::new(), notes: String::new(),
        }).collect();
        p.relapse.triggers = triggers.into_iter().map(|t| Trigger { id: next(), kind: TriggerKind::Place, text: t }).collect();
        let trigger_ids: Vec<_> = p.relapse.triggers.iter().map(|t| t.id.clone()).collect();
        p.relapse.coping = coping.into_iter().map(|(t, mask)| CopingStrategy {
            id: next(), text: t,
            trigger_ids: trigger_ids.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, id)| id.clone()).collect(),
        }).collect();
        for (d, craving, mood, note) in checkins {
            let mut c = CheckIn::new(d);
            c.craving = craving;
            c.mood = mood;
            c.note = note;
            checkin::upsert(&mut p.checkins, c);
        }
        p.recovery.start_date = start;
        p.recovery.slips = slips.into_iter().map(|(d, note)| Slip { id: next(), date: d, note }).collect();
        p
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn export_import_export_is_byte_identical(p in plan()) {
        prop_assert!(p.validate().is_ok());
        let a = backup::export(&p);
        let imported = backup::import_text(&a).expect("own export imports");
        prop_assert_eq!(&imported, &p);
        prop_assert_eq!(backup::export(&imported), a);
    }

    #[test]
    fn stored_form_round_trips(p in plan(), rev in 0u64..1_000_000) {
        let s = schema::encode_stored(&p, rev, "2026-11-23T10:00:00.000Z");
        let d = schema::decode(&s).expect("decodes");
        prop_assert_eq!(d.plan, p);
        prop_assert_eq!(d.revision, rev);
    }

    #[test]
    fn clean_days_count_calendar_days(start in day(), extra in 0i64..4000) {
        let mut r = Recovery::default();
        let today = start + Duration::days(extra);
        r.set_start(start, None, today).expect("not in the future");
        prop_assert_eq!(r.days_clean(today), Some(extra));
        prop_assert_eq!(r.days_clean(today + Duration::days(1)), Some(extra + 1));
        prop_assert!(r.set_start(today + Duration::days(1), None, today).is_err());
    }

    #[test]
    fn a_slip_restarts_the_streak_the_next_day(start in day(), slip_after in 0i64..1000, later in 0i64..1000) {
        let mut r = Recovery::default();
        let slip = start + Duration::days(slip_after);
        let today = slip + Duration::days(1 + later);
        r.set_start(start, None, today).expect("past");
        r.slips.push(Slip { id: common::id(1), date: slip, note: String::new() });
        prop_assert_eq!(r.days_clean(today), Some(later));
        prop_assert_eq!(r.slips.len(), 1, "the history stays");
    }
}

#[test]
fn leap_days_count_once() {
    let mut r = Recovery::default();
    let start = common::date(2028, 2, 28);
    r.set_start(start, None, start).expect("today");
    assert_eq!(r.days_clean(common::date(2028, 3, 1)), Some(2));
    assert_eq!(r.days_clean(common::date(2029, 2, 28)), Some(366));
}
