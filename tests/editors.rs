#![cfg(not(target_arch = "wasm32"))]
//! Every field of every record editor, natively: typed in, read back, kept through a save
//! and a load, and touching no other field (no catch-all that writes to the name). Numbers
//! out of range are refused with a message and change nothing.

mod common;

use chrono::NaiveDate;
use safety_net::components::editor::{Ctx, Form, Input};
use safety_net::components::tables::{
    all_lists, CHECKIN_HOW, CHECKIN_MEDS, CHECKIN_NOTICED, CHECKIN_SUPPORT, LOVED_ONES,
    REVIEW_EVERY,
};
use safety_net::domain::{schema, Id, Plan};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("date")
}

fn ctx() -> Ctx {
    Ctx {
        today: today(),
        new_id: Id::generate(1234, 5678),
    }
}

/// A valid value for field `i` of `form` in `plan`, and the text the form should then show.
fn sample(form: &dyn Form, plan: &Plan, i: usize, n: usize) -> Option<(String, String)> {
    let (key, _, input) = form.meta(i);
    let text = |v: String| Some((v.clone(), v));
    match input {
        Input::Text(_) | Input::Long(_) | Input::Idea(..) | Input::Tel => {
            text(format!("typed {key} {n}"))
        }
        Input::Date => text("2026-11-20".into()),
        Input::DateTime => text("2026-12-03T09:30".into()),
        Input::Time => text("19:30".into()),
        Input::Number => match key {
            "sleep_minutes" => Some(("7.5".into(), "7.5".into())),
            "review_every_days" => text("14".into()),
            _ => text("5".into()),
        },
        Input::Check => text("true".into()),
        Input::Choice(options) => options.last().and_then(|(w, _)| text(w.to_string())),
        Input::Links(options) => {
            let first = options(plan).into_iter().next()?.0;
            Some((format!("{first} true"), first.to_string()))
        }
        Input::Note => None,
    }
}

/// Sets every field of the record `id` of `form` in turn, checking each.
fn edit_every_field(form: &dyn Form, plan: &mut Plan, id: &Id, what: &str) -> usize {
    let mut edited = 0;
    for i in 0..form.field_count() {
        let (key, _, _) = form.meta(i);
        let Some((typed, shown)) = sample(form, plan, i, i) else {
            continue;
        };
        // Notes are words about the whole record (the fit journal's), not fields.
        let other = |j: &usize| *j != i && !matches!(form.meta(*j).2, Input::Note);
        let others: Vec<String> = (0..form.field_count())
            .filter(other)
            .map(|j| form.get(plan, id, j, today()))
            .collect();
        form.set(plan, id, i, &typed, &ctx())
            .unwrap_or_else(|e| panic!("{what}.{key} refused {typed:?}: {e}"));
        let got = form.get(plan, id, i, today());
        // A meeting marked as gone to on another day shows in the attendance, not the field.
        if key == "attended_on" {
            assert!(plan
                .meetings
                .attendance
                .iter()
                .any(|a| a.date.to_string() == typed));
            edited += 1;
            continue;
        }
        assert!(
            got == shown || got.split(' ').any(|x| x == shown),
            "{what}.{key}: typed {typed:?}, shows {got:?}"
        );
        let after: Vec<String> = (0..form.field_count())
            .filter(other)
            .map(|j| form.get(plan, id, j, today()))
            .collect();
        // The attendance note of a meeting is about the record as a whole.
        if key != "attended" {
            assert_eq!(others, after, "{what}.{key} changed another field");
        }
        // Kept through a save and a load.
        let stored = schema::encode_stored(plan, 1, "2026-11-23T10:00:00.000Z").expect("encodes");
        let loaded = schema::decode(&stored).expect("decodes").plan;
        assert_eq!(
            form.get(&loaded, id, i, today()),
            got,
            "{what}.{key} after a load"
        );
        edited += 1;
    }
    edited
}

/// A plan with something to link to: triggers, warning signs, coping, medications.
fn base() -> Plan {
    let mut p = common::full_plan();
    p.recovery.start_date = NaiveDate::from_ymd_opt(2026, 1, 1);
    p
}

#[test]
fn every_field_of_every_list_is_typed_in_and_kept() {
    let mut total = 0;
    for (what, table) in all_lists() {
        let mut plan = base();
        let id = Id::generate(99, 99);
        table.add(&mut plan, id.clone(), format!("new {what}"), today());
        assert!(table.ids(&plan).contains(&id), "{what}: added");
        total += edit_every_field(table, &mut plan, &id, what);
        assert!(plan.validate().is_ok(), "{what}: the plan stays valid");
    }
    assert!(total > 60, "fields edited: {total}");
}

#[test]
fn every_field_of_the_single_forms_is_typed_in_and_kept() {
    let mut plan = base();
    let day = Id::parse("2026-11-23").expect("id");
    for (what, form) in [
        ("loved ones", &LOVED_ONES as &dyn Form),
        ("settings", &REVIEW_EVERY),
    ] {
        assert!(edit_every_field(form, &mut plan, &Id::empty(), what) > 0);
    }
    for (what, form) in [
        ("check-in", &CHECKIN_HOW as &dyn Form),
        ("check-in meds", &CHECKIN_MEDS),
        ("check-in support", &CHECKIN_SUPPORT),
        ("check-in noticed", &CHECKIN_NOTICED),
    ] {
        assert!(edit_every_field(form, &mut plan, &day, what) > 0, "{what}");
    }
    assert_eq!(
        plan.checkins.last().map(|c| c.sleep_minutes),
        Some(Some(450))
    );
}

#[test]
fn numbers_out_of_range_are_refused_and_change_nothing() {
    let mut plan = base();
    let day = Id::parse("2026-11-23").expect("id");
    let before = plan.clone();
    for (i, bad) in [
        (1, "12"),
        (1, "-1"),
        (2, "eleven"),
        (3, "30"),
        (3, "1092.9"),
    ] {
        let e = CHECKIN_HOW
            .set(&mut plan, &day, i, bad, &ctx())
            .expect_err(bad);
        assert!(e.starts_with("Enter "), "{e}");
        assert_eq!(plan, before, "{bad} changed the plan");
    }
    assert!(REVIEW_EVERY
        .set(&mut plan, &Id::empty(), 0, "3", &ctx())
        .is_err());
    assert_eq!(plan, before);
    // A slip is not moved into the future.
    let lists = all_lists();
    let (_, slips) = lists.iter().find(|(w, _)| *w == "slips").expect("slips");
    let id = Id::generate(7, 7);
    slips.add(&mut plan, id.clone(), "note".into(), today());
    let after_add = plan.clone();
    assert!(slips.set(&mut plan, &id, 0, "2027-01-01", &ctx()).is_err());
    assert_eq!(plan, after_add);
}
