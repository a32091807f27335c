#![cfg(not(target_arch = "wasm32"))]
//! Every past format version has a fixture that must keep opening, unchanged in meaning.
//! Each older fixture opens as the equivalent current plan; the current one is written back
//! byte for byte. Version 4 was first written with every field of a check-in named, and is
//! now written without the unanswered ones: both read the same.

mod common;

use safety_net::domain::backup;
use safety_net::domain::schema::{self, DecodeError, CURRENT_VERSION};
use serde_json::Value;

const V1: &str = include_str!("fixtures/plan-v1.json");
const V2: &str = include_str!("fixtures/plan-v2.json");
const V3: &str = include_str!("fixtures/plan-v3.json");
const V4: &str = include_str!("fixtures/plan-v4.json");
/// Version 4 as its first builds wrote it: a check-in's unanswered fields named too.
const V4_EVERY_FIELD: &str = include_str!("fixtures/plan-v4-every-field.json");

/// The full plan as an older version held it: version 3's settings at their defaults.
fn without_v3_settings() -> safety_net::domain::Plan {
    let mut p = common::full_plan();
    p.settings.first_name.clear();
    p.settings.card_medication = false;
    p.settings.started = None;
    without_v4_settings(p)
}

/// The full plan as version 3 held it: version 4's settings at their defaults.
fn without_v4_settings(mut p: safety_net::domain::Plan) -> safety_net::domain::Plan {
    let d = safety_net::domain::plan::Settings::default();
    p.settings.lock_after_minutes = d.lock_after_minutes;
    p.settings.open_contacts = d.open_contacts;
    p.settings.last_backup = None;
    p.settings.backup_every_days = d.backup_every_days;
    p.settings.backup_quiet_until = None;
    p
}

#[test]
fn version_1_fixture_opens_as_the_equivalent_current_plan() {
    let plan = backup::import_text(V1).expect("v1 fixture opens");
    // Version 2 added the first-meeting checklists, which a version-1 plan lacks.
    let mut expected = without_v3_settings();
    expected.meetings.first_meeting.clear();
    expected.meetings.after_first_few.clear();
    assert_eq!(plan, expected);
}

#[test]
fn version_2_fixture_opens_with_each_celebration_in_its_streak() {
    let plan = backup::import_text(V2).expect("v2 fixture opens");
    // "days-30" was celebrated in the streak current then: the one after the June 10 slip.
    assert_eq!(plan.recovery.celebrated, ["2026-06-11/days-30"]);
    assert_eq!(plan, without_v3_settings());
}

#[test]
fn version_3_fixture_opens_with_version_4_settings_at_their_defaults() {
    let plan = backup::import_text(V3).expect("v3 fixture opens");
    assert_eq!(plan, without_v4_settings(common::full_plan()));
}

#[test]
fn version_4_fixture_opens_as_the_full_plan_and_is_written_back_byte_for_byte() {
    let plan = backup::import_text(V4).expect("v4 fixture opens");
    assert_eq!(plan, common::full_plan());
    assert_eq!(backup::export(&plan).expect("exports"), V4);
}

#[test]
fn version_4_as_first_written_opens_the_same_and_is_written_without_unanswered_fields() {
    let plan = backup::import_text(V4_EVERY_FIELD).expect("v4 fixture, every field, opens");
    assert_eq!(plan, common::full_plan());
    // The same document, but for a check-in's unanswered fields (null, false, [] or "").
    let mut expected: Value = serde_json::from_str(V4_EVERY_FIELD).expect("json");
    let unanswered = |v: &Value| {
        v.is_null() || v == &Value::Bool(false) || v == &serde_json::json!([]) || v == ""
    };
    let mut left_out = 0;
    for c in expected["data"]["checkins"]
        .as_array_mut()
        .expect("check-ins")
    {
        let c = c.as_object_mut().expect("a check-in");
        let named = c.len();
        c.retain(|_, v| !unanswered(v));
        left_out += named - c.len();
    }
    assert!(left_out > 0, "the fixture has unanswered fields");
    assert_eq!(serde_json::from_str::<Value>(V4).expect("json"), expected);
}

#[test]
fn migrating_again_changes_nothing() {
    for (version, text) in [(1, V1), (2, V2), (3, V3)] {
        let v: Value = serde_json::from_str(text).expect("json");
        let data = v.get("data").expect("data").clone();
        let once = schema::migrate(version, data).expect("migrates");
        // Every step run again on migrated data: the same.
        let again = schema::migrate(1, once.clone()).expect("migrates again");
        assert_eq!(once, again, "from version {version}");
    }
    // Version 2 adds the two checklists and changes nothing else.
    let v: Value = serde_json::from_str(V1).expect("json");
    let data = v.get("data").expect("data").clone();
    let once = schema::migrate(1, data.clone()).expect("migrates");
    let mut expected = data;
    let m = expected
        .get_mut("meetings")
        .and_then(|m| m.as_object_mut())
        .expect("meetings");
    m.insert("first_meeting".into(), Value::Array(Vec::new()));
    m.insert("after_first_few".into(), Value::Array(Vec::new()));
    expected["recovery"]["celebrated"] = serde_json::json!(["2026-06-11/days-30"]);
    assert_eq!(once, expected);
}

#[test]
fn a_future_version_is_refused_not_guessed() {
    let future = V4.replacen("\"version\": 4", "\"version\": 5", 1);
    assert_eq!(
        backup::import_text(&future),
        Err(backup::ImportError::Decode(DecodeError::FutureVersion(5)))
    );
}

#[test]
#[ignore = "run by hand to write the fixture of the current version"]
fn write_current_fixture() {
    let path = format!(
        "{}/tests/fixtures/plan-v{CURRENT_VERSION}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::write(path, backup::export(&common::full_plan()).expect("exports"))
        .expect("write fixture");
}
