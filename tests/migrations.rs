#![cfg(not(target_arch = "wasm32"))]
//! Every past format version has a fixture that must keep opening, unchanged in meaning.
//! (Version 1 is the first; when version 2 comes, plan-v1.json stays and a migration test
//! checks it opens as the equivalent version-2 plan.)

mod common;

use safety_net::domain::backup;
use safety_net::domain::schema::{self, DecodeError, CURRENT_VERSION};
use serde_json::Value;

const V1: &str = include_str!("fixtures/plan-v1.json");
const V2: &str = include_str!("fixtures/plan-v2.json");

#[test]
fn version_1_fixture_opens_as_the_equivalent_version_2_plan() {
    let plan = backup::import_text(V1).expect("v1 fixture opens");
    // Version 2 only added the first-meeting checklists, which a version-1 plan lacks.
    let mut expected = common::full_plan();
    expected.meetings.first_meeting.clear();
    expected.meetings.after_first_few.clear();
    assert_eq!(plan, expected);
}

#[test]
fn version_2_fixture_opens_as_the_full_plan() {
    let plan = backup::import_text(V2).expect("v2 fixture opens");
    assert_eq!(plan, common::full_plan());
    // Written again it is byte-identical: nothing was lost or reordered.
    assert_eq!(backup::export(&plan).expect("exports"), V2);
}

#[test]
fn migrating_current_data_changes_nothing_and_is_idempotent() {
    let v: Value = serde_json::from_str(V1).expect("json");
    let data = v.get("data").expect("data").clone();
    let once = schema::migrate(1, data.clone()).expect("migrates");
    let twice = schema::migrate(CURRENT_VERSION, once.clone()).expect("migrates again");
    assert_eq!(once, twice);
    // Version 2 adds the two checklists and changes nothing else.
    let mut expected = data.clone();
    let m = expected
        .get_mut("meetings")
        .and_then(|m| m.as_object_mut())
        .expect("meetings");
    m.insert("first_meeting".into(), Value::Array(Vec::new()));
    m.insert("after_first_few".into(), Value::Array(Vec::new()));
    assert_eq!(once, expected);
}

#[test]
fn a_future_version_is_refused_not_guessed() {
    let future = V2.replacen("\"version\": 2", "\"version\": 3", 1);
    assert_eq!(
        backup::import_text(&future),
        Err(backup::ImportError::Decode(DecodeError::FutureVersion(3)))
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
