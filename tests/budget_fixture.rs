#![cfg(not(target_arch = "wasm32"))]
//! Writes the large plan the end-to-end budget test loads (five years of daily check-ins),
//! as the app stores it, to target/budget/five-years.json; and ten years of check-ins with
//! 500 meeting visits and a full plan to target/budget/ten-years.json.

mod common;

use safety_net::domain::schema;

#[test]
fn write_five_year_fixture() {
    let plan = common::five_years_plan();
    assert_eq!(plan.checkins.len(), 5 * 365 + 1);
    assert!(plan.validate().is_ok());
    let stored = schema::encode_stored(&plan, 1, "2026-11-23T10:00:00.000Z").expect("encodes");
    let dir = format!("{}/target/budget", env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(format!("{dir}/five-years.json"), &stored).expect("write");
    assert!(
        stored.len() > 200_000,
        "five years is a realistic size: {} bytes",
        stored.len()
    );
}

#[test]
fn write_ten_year_fixture() {
    let plan = common::ten_years_plan();
    assert_eq!(plan.checkins.len(), 10 * 365 + 1);
    assert!(plan.meetings.attendance.len() >= 500);
    assert!(plan.validate().is_ok());
    let stored = schema::encode_stored(&plan, 1, "2026-11-23T10:00:00.000Z").expect("encodes");
    let dir = format!("{}/target/budget", env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(format!("{dir}/ten-years.json"), &stored).expect("write");
    // Ten years of real use stays far below what the browser's storage holds (about 5 MB).
    assert!(stored.len() < 5 * 1024 * 1024, "{} bytes", stored.len());
    // Read in one pass (envelope and plan together) as it would be in two.
    let one = schema::decode(&stored).expect("reads");
    assert_eq!(Ok(&one), schema::decode_in_two_passes(&stored).as_ref());
    assert_eq!(one.plan, plan);
}
