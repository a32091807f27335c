#![cfg(not(target_arch = "wasm32"))]
//! Dates from anywhere: a phone clock set back or forward, a backup from a phone with a
//! wrong clock. Every domain function that takes a date and "today" is called with dates
//! from 50 years before to 50 years after, in any order, and must answer without a panic
//! and with counts that make sense.

mod common;

use chrono::{Duration, NaiveDate, NaiveTime};
use proptest::prelude::*;
use safety_net::domain::community::{attendance_stats, next_today, weekly_counts};
use safety_net::domain::ics::{calendar, Zone};
use safety_net::domain::milestones::Slip;
use safety_net::domain::naloxone::{KitStatus, NaloxoneKit};
use safety_net::domain::pillars::{record_review, review, Review};
use safety_net::domain::{checkin, input, trends, Plan};

/// A day from 50 years before to 50 years after 2026-12-01.
fn anywhen() -> impl Strategy<Value = NaiveDate> {
    (-18_262i64..=18_262).prop_map(|n| common::date(2026, 12, 1) + Duration::days(n))
}

prop_compose! {
    /// A plan whose every date is from anywhere: start, slips, check-ins, reviews, kits,
    /// appointments, refills, attendance.
    fn plan_anywhen()(
        start in proptest::option::of(anywhen()),
        slips in proptest::collection::vec(anywhen(), 0..4),
        checkins in proptest::collection::vec((anywhen(), proptest::option::of(0u8..=10)), 0..8),
        reviews in proptest::collection::vec(anywhen(), 0..3),
        expires in proptest::option::of(anywhen()),
        visits in proptest::collection::vec(anywhen(), 0..6),
        refill in proptest::option::of(anywhen()),
        appointment in proptest::option::of(anywhen()),
        every in 1u16..=365,
    ) -> Plan {
        let mut p = common::full_plan();
        p.recovery.start_date = start;
        p.recovery.slips = slips.into_iter().enumerate().map(|(i, date)| Slip {
            id: common::id(900 + i as u64), date, note: String::new(),
        }).collect();
        p.checkins.clear();
        for (d, craving) in checkins {
            let mut c = checkin::CheckIn::new(d);
            c.craving = craving;
            c.went_to_meeting = true;
            checkin::upsert(&mut p.checkins, c);
        }
        let mut reviews = reviews;
        reviews.sort();
        p.reviews = reviews;
        p.settings.review_every_days = every;
        let mut kit = NaloxoneKit::new(common::id(950), "Kitchen drawer".into());
        kit.expires = expires;
        p.naloxone_kits = vec![kit];
        let meeting = p.meetings.list[0].id.clone();
        for d in visits {
            p.meetings.mark_attended(&meeting, d);
        }
        p.care.medications[0].next_refill = refill;
        p.care.appointments[0].at = appointment.map(|d| d.and_time(NaiveTime::MIN));
        p
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn recovery_counts_never_panic_or_go_negative(p in plan_anywhen(), today in anywhen()) {
        let r = &p.recovery;
        if let Some(days) = r.days_in_recovery(today) {
            prop_assert!(days >= 0);
        }
        let streaks = r.streaks(today);
        prop_assert!(streaks.iter().all(|s| s.days() >= 0));
        let total = r.total_days_in_recovery(today);
        prop_assert!(total >= 0);
        prop_assert!(r.longest_streak_days(today) <= total);
        if let Some(start) = r.start_date.filter(|s| *s <= today) {
            prop_assert!(total <= (today - start).num_days());
        }
        // Reached milestones are behind today; the next one is ahead.
        prop_assert!(r.reached(today).iter().all(|(_, d)| *d <= today));
        if let Some((_, d, left)) = r.next_milestone(today) {
            prop_assert!(d > today && left > 0);
        }
        prop_assert!(r.to_celebrate(today).len() <= r.reached(today).len());
        // The screen says so when the recovery date is after today.
        if r.starts_after(today) {
            prop_assert_eq!(r.days_in_recovery(today), Some(0));
        }
        let now = today.and_time(NaiveTime::MIN);
        if let Some(h) = r.hours_in_recovery(now, |t| t) {
            prop_assert!(h >= 0);
        }
    }

    #[test]
    fn slips_and_start_dates_follow_their_rule_for_any_pair(p in plan_anywhen(), date in anywhen(), today in anywhen()) {
        let mut r = p.recovery.clone();
        let before = r.clone();
        match r.record_slip(common::id(999), date, String::new(), today) {
            Ok(()) => {
                prop_assert!(date <= today);
                prop_assert!(r.slips.windows(2).all(|w| w[0].date <= w[1].date) || before.slips.windows(2).any(|w| w[0].date > w[1].date));
            }
            Err(_) => prop_assert_eq!(&r, &before),
        }
        let mut r = p.recovery.clone();
        let before = r.clone();
        if r.set_start(date, None, today).is_err() {
            prop_assert!(date > today);
            prop_assert_eq!(r, before);
        }
    }

    #[test]
    fn kits_reviews_meetings_trends_and_calendar_answer_for_any_day(p in plan_anywhen(), today in anywhen()) {
        for k in &p.naloxone_kits {
            match (k.status(today), k.expires) {
                (KitStatus::Expired, Some(d)) => prop_assert!(d < today),
                (KitStatus::ExpiresSoon(n), Some(d)) => prop_assert!(d >= today && (0..=30).contains(&n)),
                (KitStatus::Ok, Some(d)) => prop_assert!(d > today),
                (KitStatus::NoDate, None) => {}
                (s, e) => prop_assert!(false, "{s:?} for {e:?}"),
            }
            let _ = k.notice(today);
        }
        match review(&p, today) {
            Review::Next(d) => prop_assert!(d > today),
            Review::Due { .. } | Review::NothingYet => {}
        }
        let mut q = p.clone();
        record_review(&mut q, today);
        prop_assert!(q.reviews.windows(2).all(|w| w[0] <= w[1]));
        let s = attendance_stats(&p, today);
        prop_assert!(s.this_week <= s.total || s.total == 0 || s.this_week <= p.meetings.attendance.len());
        prop_assert_eq!(weekly_counts(&p, today, 4).len(), 4);
        let _ = next_today(&p.meetings, today, NaiveTime::MIN);
        let _ = trends::streaks(&p, today);
        let _ = trends::craving_rising(&p, today);
        let _ = trends::recent_warning_signs(&p, today);
        for m in [trends::Measure::Craving, trends::Measure::Mood, trends::Measure::Sleep] {
            prop_assert_eq!(trends::series(&p, m, today, 90).len(), 90);
        }
        let z = Zone { id: "America/New_York".into(), standard: -300, daylight: None, transitions: Vec::new() };
        let ics = calendar(&p, &z, today, today.and_time(NaiveTime::MIN));
        prop_assert!(ics.ends_with("END:VCALENDAR\r\n"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Every parse function of the forms: what it takes is in range, what it refuses has a
    /// message, and it never panics, whatever is typed.
    #[test]
    fn what_is_typed_is_in_range_or_refused(s in "\\PC{0,12}|[0-9.,-]{0,8}") {
        for (min, max) in [(0u32, 10u32), (1, 5), (1, 600), (7, 365), (0, 20)] {
            match input::whole(&s, min, max) {
                Ok(Some(n)) => prop_assert!((min..=max).contains(&n)),
                Ok(None) => prop_assert!(s.trim().is_empty()),
                Err(e) => prop_assert!(e.starts_with("Enter ")),
            }
        }
        match input::hours(&s) {
            Ok(Some(m)) => prop_assert!(m <= 24 * 60 && m % 6 == 0),
            Ok(None) => prop_assert!(s.trim().is_empty()),
            Err(e) => prop_assert!(e.starts_with("Enter ")),
        }
        for r in [input::date(&s).map(|_| ()), input::time(&s).map(|_| ()), input::datetime(&s).map(|_| ())] {
            if let Err(e) = r {
                prop_assert!(e.starts_with("Enter "));
            }
        }
    }

    #[test]
    fn hours_written_and_read_back(tenths in 0u16..=240) {
        let minutes = tenths * 6;
        prop_assert_eq!(input::hours(&checkin::hours_text(minutes)), Ok(Some(minutes)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    /// The backup reminder, its words and the import comparison, with a last backup, a
    /// "Not now", a start and a "today" from anywhere, and any change counts.
    #[test]
    fn backup_reminder_and_comparison_answer_for_any_dates(
        p in plan_anywhen(),
        today in anywhen(),
        on in anywhen(),
        quiet in proptest::option::of(anywhen()),
        started in proptest::option::of(anywhen()),
        every in 0u16..=u16::MAX,
        changes in any::<u64>(),
        then in any::<u64>(),
        saved in proptest::option::of(anywhen()),
    ) {
        use safety_net::domain::safekeeping::{self, Held, LastBackup};
        let mut p = p;
        let before = p.clone();
        p.settings.backup_every_days = every;
        p.settings.backup_quiet_until = quiet;
        p.settings.started = started;
        p.settings.last_backup = Some(LastBackup {
            at: on.and_time(NaiveTime::MIN), on, changes: then, held: Held::of(&p),
        });
        let due = safekeeping::reminder_due(&p, today, changes);
        if every == 0 || quiet.is_some_and(|q| today < q) || started.is_some_and(|s| today < s + Duration::days(7)) {
            prop_assert!(!due);
        }
        // And it must be due: something worth saving, past the first week, not quiet, and
        // the last backup old enough (or 50 changes ago).
        let old_enough = every > 0
            && (today.signed_duration_since(on).num_days() >= i64::from(every)
                || changes.saturating_sub(then) >= safekeeping::REMINDER_CHANGES);
        let settled = started.is_none_or(|s| today >= s + Duration::days(7));
        if !p.is_empty() && settled && quiet.is_none_or(|q| today >= q) && old_enough {
            prop_assert!(due, "due: every {every}, on {on}, today {today}");
        }
        let words = safekeeping::last_backup_words(&p, today, changes);
        prop_assert!(words.starts_with("Last backup: "));
        if on > today {
            prop_assert!(words.contains("after today"));
        }
        prop_assert!(safekeeping::quiet_until(today) >= today);
        let said = safekeeping::compare(&p, saved.map(|d| d.and_time(NaiveTime::MIN)), &before, Some(on.and_time(NaiveTime::MIN)));
        prop_assert!(!said.is_empty());
        prop_assert!(safekeeping::would_lose(&p, &p).is_empty());
    }
}
