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
        let a = backup::export(&p).expect("exports");
        let imported = backup::import_text(&a).expect("own export imports");
        prop_assert_eq!(&imported, &p);
        prop_assert_eq!(backup::export(&imported).expect("exports"), a);
    }

    #[test]
    fn stored_form_round_trips(p in plan(), rev in 0u64..1_000_000) {
        let s = schema::encode_stored(&p, rev, "2026-11-23T10:00:00.000Z").expect("encodes");
        let d = schema::decode(&s).expect("decodes");
        prop_assert_eq!(d.plan, p);
        prop_assert_eq!(d.revision, rev);
    }

    #[test]
    fn days_in_recovery_count_calendar_days(start in day(), extra in 0i64..4000) {
        let mut r = Recovery::default();
        let today = start + Duration::days(extra);
        r.set_start(start, None, today).expect("not in the future");
        prop_assert_eq!(r.days_in_recovery(today), Some(extra));
        prop_assert_eq!(r.days_in_recovery(today + Duration::days(1)), Some(extra + 1));
        prop_assert!(r.set_start(today + Duration::days(1), None, today).is_err());
    }

    #[test]
    fn a_slip_restarts_the_streak_the_next_day(start in day(), slip_after in 0i64..1000, later in 0i64..1000) {
        let mut r = Recovery::default();
        let slip = start + Duration::days(slip_after);
        let today = slip + Duration::days(1 + later);
        r.set_start(start, None, today).expect("past");
        r.slips.push(Slip { id: common::id(1), date: slip, note: String::new() });
        prop_assert_eq!(r.days_in_recovery(today), Some(later));
        prop_assert_eq!(r.slips.len(), 1, "the history stays");
    }
}

#[test]
fn leap_days_count_once() {
    let mut r = Recovery::default();
    let start = common::date(2028, 2, 28);
    r.set_start(start, None, start).expect("today");
    assert_eq!(r.days_in_recovery(common::date(2028, 3, 1)), Some(2));
    assert_eq!(r.days_in_recovery(common::date(2029, 2, 28)), Some(366));
}

mod milestones {
    use super::*;
    use chrono::{Datelike, NaiveDateTime, NaiveTime, TimeZone};
    use safety_net::domain::milestones::Milestone;

    fn slips_strategy() -> impl Strategy<Value = Vec<i64>> {
        proptest::collection::vec(0i64..3000, 0..6)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn streaks_account_for_every_day(start in day(), offsets in slips_strategy(), extra in 0i64..3500) {
            let today = start + Duration::days(extra);
            let mut r = Recovery::default();
            r.set_start(start, None, today).expect("past");
            for (i, o) in offsets.iter().enumerate() {
                let d = start + Duration::days(*o);
                if d <= today {
                    r.record_slip(common::id(i as u64), d, String::new(), today).expect("valid slip");
                }
            }
            let streaks = r.streaks(today);
            let slip_days: std::collections::BTreeSet<_> = r.slips.iter().map(|s| s.date).collect();
            // Days in recovery plus slip days cover every day from the start up to today.
            prop_assert_eq!(r.total_days_in_recovery(today) + slip_days.len() as i64 - i64::from(slip_days.contains(&today)), extra);
            prop_assert!(r.longest_streak_days(today) >= r.days_in_recovery(today).unwrap_or(0));
            prop_assert_eq!(streaks.iter().filter(|s| s.current).count(), 1, "exactly one current streak");
            prop_assert_eq!(streaks.last().map(|s| s.days()), r.days_in_recovery(today));
            prop_assert_eq!(r.slips.len(), offsets.iter().filter(|o| start + Duration::days(**o) <= today).count(), "no slip is dropped");
        }

        #[test]
        fn the_next_milestone_is_ahead_and_reached_ones_are_behind(start in day(), extra in 0i64..4000) {
            let today = start + Duration::days(extra);
            let mut r = Recovery::default();
            r.set_start(start, None, today).expect("past");
            let (m, date, left) = r.next_milestone(today).expect("there is always a next one");
            prop_assert!(date > today);
            prop_assert_eq!((date - today).num_days(), left);
            prop_assert!(!r.reached(today).iter().any(|(x, _)| x.key == m.key));
            for (_, d) in r.reached(today) {
                prop_assert!(d <= today);
            }
        }

        #[test]
        fn hours_in_the_first_days_follow_the_clock(start in day(), h in 0u32..24, minutes in 0i64..(72 * 60)) {
            let mut r = Recovery::default();
            let t = NaiveTime::from_hms_opt(h, 0, 0).expect("time");
            r.set_start(start, Some(t), start + Duration::days(5)).expect("past");
            // In UTC itself, wall-clock and real hours agree.
            let now = start.and_time(t) + Duration::minutes(minutes);
            prop_assert_eq!(r.hours_in_recovery(now, |l| l), Some(minutes / 60));
        }

        /// Across daylight-saving changes, in zones either side of the equator and with
        /// half-hour offsets: the hours are the real hours between the two instants.
        #[test]
        fn hours_are_real_hours_across_daylight_saving(
            zone in 0usize..ZONES.len(),
            start in day_near_dst(),
            h in 0u32..24,
            minutes in 0i64..(72 * 60),
        ) {
            let tz = ZONES[zone];
            let mut r = Recovery::default();
            let t = NaiveTime::from_hms_opt(h, 0, 0).expect("time");
            r.set_start(start, Some(t), start + Duration::days(5)).expect("past");
            let began = to_utc(tz, start.and_time(t));
            let now = began + Duration::minutes(minutes);
            prop_assert_eq!(r.hours_in_recovery(now, |l| to_utc(tz, l)), Some(minutes / 60));
            // And the days are the local calendar days at that instant.
            let local_today = tz.from_utc_datetime(&now).date_naive();
            prop_assert_eq!(r.days_in_recovery(local_today), Some((local_today - start).num_days()));
        }

        /// A recovery date in the future is refused, with a message that says what to do,
        /// and the date already set is kept.
        #[test]
        fn a_future_recovery_date_is_refused(today in day(), ahead in 1i64..4000, before in proptest::option::of(0i64..4000)) {
            let mut r = Recovery::default();
            if let Some(b) = before {
                r.set_start(today - Duration::days(b), None, today).expect("past");
            }
            let kept = r.clone();
            let e = r.set_start(today + Duration::days(ahead), None, today).expect_err("future");
            prop_assert_eq!(e.to_string(), "That date is in the future. Choose today or a day before.");
            prop_assert_eq!(r, kept);
        }

        /// Travel: whatever zone the phone is in now, the count is the calendar days there,
        /// never negative, and the start date never stops counting.
        #[test]
        fn a_change_of_time_zone_never_loses_or_breaks_the_count(
            from in 0usize..ZONES.len(),
            to in 0usize..ZONES.len(),
            start in day(),
            later_minutes in 0i64..(5 * 24 * 60),
        ) {
            let mut r = Recovery::default();
            // Set at noon in the first zone, on that day.
            let set_at = to_utc(ZONES[from], start.and_hms_opt(12, 0, 0).expect("noon"));
            r.set_start(start, None, start).expect("today is allowed");
            let now = set_at + Duration::minutes(later_minutes);
            let there = ZONES[to].from_utc_datetime(&now).date_naive();
            let days = r.days_in_recovery(there).expect("counting");
            prop_assert!(days >= 0);
            prop_assert_eq!(days, (there - start).num_days().max(0));
            prop_assert!(r.hours_in_recovery(now, |l| to_utc(ZONES[to], l)).expect("hours") >= 0);
        }
    }

    const ZONES: [chrono_tz::Tz; 6] = [
        chrono_tz::America::New_York,
        chrono_tz::America::Los_Angeles,
        chrono_tz::Europe::London,
        chrono_tz::Australia::Sydney,
        chrono_tz::Asia::Kolkata,
        chrono_tz::Pacific::Kiritimati,
    ];

    /// The instant of a local wall-clock time, as the browser's `Date` gives it
    /// (ECMAScript's LocalTime to UTC): a time in a gap is read with the offset in force
    /// before the gap, so it moves forward by the time skipped, an hour in spring or a
    /// whole day where a zone crossed the date line (Kiritimati skipped 1994-12-31); in the
    /// repeated hour of the fall-back night, the first one.
    fn to_utc(tz: chrono_tz::Tz, local: NaiveDateTime) -> NaiveDateTime {
        use chrono::offset::LocalResult;
        use chrono::Offset;
        match tz.from_local_datetime(&local) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.naive_utc(),
            LocalResult::None => {
                // The first instant after the gap (its local time, the first that exists),
                // then the offset in force just before it: the instant the gap's time would
                // be with the offset after it is always before the change.
                let after = (1..=48 * 60)
                    .find_map(|m| {
                        tz.from_local_datetime(&(local + Duration::minutes(m)))
                            .earliest()
                    })
                    .expect("a gap ends within two days");
                let before = tz
                    .offset_from_utc_datetime(
                        &(local
                            - Duration::seconds(i64::from(after.offset().fix().local_minus_utc()))),
                    )
                    .fix()
                    .local_minus_utc();
                local - Duration::seconds(i64::from(before))
            }
        }
    }

    /// Kiritimati crossed the date line at the end of 1994: 1994-12-31 never happened
    /// there. A start on that day still counts, from the instant the browser gives it.
    #[test]
    fn a_start_on_a_day_the_zone_skipped_still_counts() {
        let tz = chrono_tz::Pacific::Kiritimati;
        let start = common::date(1994, 12, 31);
        let mut r = Recovery::default();
        r.set_start(start, None, start).expect("today is allowed");
        let began = to_utc(tz, start.and_time(NaiveTime::MIN));
        // Midnight of the skipped day, read with the old offset (UTC-10), is 10:00 UTC, as
        // Chromium's Date gives it (and 12:07 is 22:07; 02:10 on New York's spring-forward
        // night is 07:10, read as EST).
        assert_eq!(began, start.and_hms_opt(10, 0, 0).expect("time"));
        assert_eq!(
            to_utc(tz, start.and_hms_opt(12, 7, 0).expect("time")),
            start.and_hms_opt(22, 7, 0).expect("time")
        );
        let spring = common::date(2026, 3, 8);
        assert_eq!(
            to_utc(
                chrono_tz::America::New_York,
                spring.and_hms_opt(2, 10, 0).expect("time")
            ),
            spring.and_hms_opt(7, 10, 0).expect("time")
        );
        // 16:00 UTC on New Year's Day is 06:00 on 2 January there (UTC+14): 30 hours on,
        // and the second day.
        let now = common::date(1995, 1, 1)
            .and_hms_opt(16, 0, 0)
            .expect("time");
        assert_eq!(r.hours_in_recovery(now, |l| to_utc(tz, l)), Some(30));
        let there = tz.from_utc_datetime(&now).date_naive();
        assert_eq!(there, common::date(1995, 1, 2));
        assert_eq!(r.days_in_recovery(there), Some(2));
    }

    /// Days within a few days of the 2026 and 2027 daylight-saving changes in these zones.
    fn day_near_dst() -> impl Strategy<Value = NaiveDate> {
        let changes = [
            (2026, 3, 8),
            (2026, 11, 1),
            (2026, 3, 29),
            (2026, 10, 25),
            (2026, 4, 5),
            (2026, 10, 4),
            (2027, 3, 14),
            (2027, 11, 7),
            (2027, 3, 28),
            (2027, 10, 31),
            (2027, 4, 4),
            (2027, 10, 3),
        ];
        (0usize..changes.len(), -3i64..3).prop_map(move |(i, off)| {
            let (y, m, d) = changes[i];
            NaiveDate::from_ymd_opt(y, m, d).expect("date") + Duration::days(off)
        })
    }

    #[test]
    fn the_spring_forward_night_has_23_hours_and_fall_back_25() {
        let ny = chrono_tz::America::New_York;
        let mut r = Recovery::default();
        let d = |m, dd| NaiveDate::from_ymd_opt(2026, m, dd).expect("date");
        let ten_pm = NaiveTime::from_hms_opt(22, 0, 0).expect("time");
        r.set_start(d(3, 7), Some(ten_pm), d(3, 9)).expect("past");
        let now = to_utc(ny, d(3, 8).and_time(ten_pm));
        assert_eq!(r.hours_in_recovery(now, |l| to_utc(ny, l)), Some(23));
        r.set_start(d(10, 31), Some(ten_pm), d(11, 2))
            .expect("past");
        let now = to_utc(ny, d(11, 1).and_time(ten_pm));
        assert_eq!(r.hours_in_recovery(now, |l| to_utc(ny, l)), Some(25));
        // A future date is refused with a clear message.
        let e = r.set_start(d(11, 3), None, d(11, 2)).expect_err("future");
        assert_eq!(
            e.to_string(),
            "That date is in the future. Choose today or a day before."
        );
    }

    #[test]
    fn standard_milestones_with_na_key_tags() {
        let m = Milestone::standard(3);
        let keys: Vec<_> = m.iter().map(|m| m.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "hours-24",
                "days-7",
                "days-30",
                "days-60",
                "days-90",
                "months-6",
                "months-9",
                "years-1",
                "months-18",
                "years-2",
                "years-3"
            ]
        );
        let tag = |k: &str| m.iter().find(|x| x.key == k).and_then(|x| x.na_key_tag);
        assert_eq!(tag("days-30"), Some("orange"));
        assert_eq!(tag("days-90"), Some("red"));
        assert_eq!(tag("years-1"), Some("glow-in-the-dark"));
        assert_eq!(tag("years-3"), Some("black"));
    }

    #[test]
    fn month_milestones_are_calendar_months_clamped_to_the_month_end() {
        let six = &Milestone::standard(1)[5];
        assert_eq!(six.label, "6 months");
        assert_eq!(
            six.date_from(common::date(2026, 1, 31)),
            Some(common::date(2026, 7, 31))
        );
        assert_eq!(
            six.date_from(common::date(2027, 8, 31)),
            Some(common::date(2028, 2, 29))
        );
        let year = &Milestone::standard(1)[7];
        assert_eq!(
            year.date_from(common::date(2028, 2, 29))
                .map(|d| (d.month(), d.day())),
            Some((2, 28))
        );
    }

    #[test]
    fn a_slip_is_recorded_honestly_and_celebrations_happen_once() {
        let today = common::date(2026, 11, 23);
        let mut r = Recovery::default();
        r.set_start(common::date(2026, 1, 1), None, today)
            .expect("past");
        assert!(r.to_celebrate(today).iter().any(|m| m.key == "months-6"));
        r.mark_celebrated(today);
        assert!(r.to_celebrate(today).is_empty());
        assert_eq!(
            r.record_slip(
                common::id(1),
                today + Duration::days(1),
                String::new(),
                today
            ),
            Err(safety_net::domain::milestones::DateError::InFuture)
        );
        assert_eq!(
            r.record_slip(
                common::id(1),
                common::date(2025, 12, 31),
                String::new(),
                today
            ),
            Err(safety_net::domain::milestones::DateError::BeforeStart)
        );
        r.record_slip(
            common::id(1),
            common::date(2026, 11, 1),
            "a hard week".into(),
            today,
        )
        .expect("slip");
        assert_eq!(r.days_in_recovery(today), Some(21));
        assert_eq!(r.longest_streak_days(today), 304);
        assert_eq!(r.total_days_in_recovery(today), 304 + 21);
        assert_eq!(
            r.next_milestone(today).map(|(m, _, left)| (m.key, left)),
            Some(("days-30".into(), 9))
        );
        // A slip today: 0 days, and the streak before it is kept.
        r.record_slip(common::id(2), today, String::new(), today)
            .expect("slip today");
        assert_eq!(r.days_in_recovery(today), Some(0));
        assert_eq!(r.longest_streak_days(today), 304);
        assert_eq!(r.slips.len(), 2);
    }
}
