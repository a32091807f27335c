#![cfg(not(target_arch = "wasm32"))]
//! Every past format version has a fixture that must keep opening, unchanged in meaning.
//! (Version 1 is the first; when version 2 comes, plan-v1.json stays and a migration test
//! checks it opens as the equivalent version-2 plan.)

mod common;

use safety_net::domain::backup;
use safety_net::domain::schema::{self, DecodeError, CURRENT_VERSION};

const V1: &str = include_str!("fixtures/plan-v1.json");

#[test]
fn version_1_fixture_opens_as_the_full_plan() {
    let plan = backup::import_text(V1).expect("v1 fixture opens");
    assert_eq!(plan, common::full_plan());
    // Written again it is byte-identical: nothing was lost or reordered.
    assert_eq!(backup::export(&plan), V1);
}

#[test]
fn migrating_current_data_changes_nothing_and_is_idempotent() {
    let v: serde_json::Value = serde_json::from_str(V1).expect("json");
    let data = v["data"].clone();
    let once = schema::migrate(1, data.clone()).expect("migrates");
    let twice = schema::migrate(CURRENT_VERSION, once.clone()).expect("migrates again");
    assert_eq!(once, twice);
    if CURRENT_VERSION == 1 {
        assert_eq!(once, data);
    }
}

#[test]
fn a_future_version_is_refused_not_guessed() {
    let future = V1.replacen("\"version\": 1", "\"version\": 2", 1);
    assert_eq!(
        backup::import_text(&future),
        Err(backup::ImportError::Decode(DecodeError::FutureVersion(2)))
    );
}

#[test]
#[ignore = "run by hand to write the fixture of the current version"]
fn write_current_fixture() {
    let path = format!(
        "{}/tests/fixtures/plan-v{CURRENT_VERSION}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::write(path, backup::export(&common::full_plan())).expect("write fixture");
}
