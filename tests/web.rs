//! Browser tests of the storage adapter on the real localStorage of headless Chromium:
//! `cargo test --target wasm32-unknown-unknown --test web` (run by `make test`).
#![cfg(target_arch = "wasm32")]

use safety_net::domain::{Entry, Id, Plan};
use safety_net::storage::browser::BrowserStore;
use safety_net::storage::{
    KeyValueStore, LoadOutcome, Opening, Repository, SaveError, Stamp, StoreError, PLAN_KEY,
    QUARANTINE_PREFIX, SEALED_PREFIX,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const AT: &str = "2026-11-23T10:00:00.000Z";

fn clear() {
    let s = BrowserStore::new();
    for k in s.keys().expect("keys") {
        s.remove(&k).expect("remove");
    }
}

fn plan_with(n: usize, text_len: usize) -> Plan {
    let mut p = Plan::default();
    for i in 0..n {
        p.relapse
            .reasons
            .push(Entry::new(Id::generate(i as u64, 1), "r".repeat(text_len)));
    }
    p
}

#[wasm_bindgen_test]
fn corrupt_value_is_quarantined_and_left_in_place() {
    clear();
    let raw = "{\"app\":\"safety-net\",\"version\":1,\"revision\":4,\"saved_at\":\"x\",\"data\":{\"relapse\":{\"reas";
    BrowserStore::new().set(PLAN_KEY, raw).expect("set");
    let repo = Repository::new(BrowserStore::new());
    let LoadOutcome::Damaged(d) = repo.load() else {
        panic!("should be damaged");
    };
    assert_eq!(d.raw, raw);
    let key = d.quarantine_key.expect("kept aside");
    assert!(key.starts_with(QUARANTINE_PREFIX));
    assert_eq!(
        BrowserStore::new().get(&key).expect("get").as_deref(),
        Some(raw)
    );
    assert_eq!(
        BrowserStore::new().get(PLAN_KEY).expect("get").as_deref(),
        Some(raw)
    );
    assert_eq!(repo.save(&Plan::default(), AT), Err(SaveError::Damaged));
    assert_eq!(
        BrowserStore::new().get(PLAN_KEY).expect("get").as_deref(),
        Some(raw)
    );
    clear();
}

#[wasm_bindgen_test]
fn full_quota_gives_an_error_and_keeps_the_last_good_copy() {
    clear();
    let repo = Repository::new(BrowserStore::new());
    assert_eq!(repo.load(), LoadOutcome::Empty);
    repo.save(&plan_with(3, 20), AT).expect("a small plan fits");
    let good = BrowserStore::new()
        .get(PLAN_KEY)
        .expect("get")
        .expect("stored");

    // Fill what is left, in halving chunks, until not even one character fits.
    let mut chunk = 1 << 20;
    let mut i = 0;
    while chunk > 0 {
        match BrowserStore::new().set(&format!("filler-{i}"), &"x".repeat(chunk)) {
            Ok(()) => i += 1,
            Err(StoreError::QuotaExceeded) => chunk /= 2,
            Err(e) => panic!("unexpected error {e:?}"),
        }
    }
    assert!(i > 0);

    let result = repo.save(&plan_with(50, 200), AT);
    assert_eq!(result, Err(SaveError::Store(StoreError::QuotaExceeded)));
    assert_eq!(
        BrowserStore::new().get(PLAN_KEY).expect("get"),
        Some(good.clone()),
        "byte-identical"
    );
    assert_eq!(repo.revision(), 1);

    // Free space again: the same save now works and is read back.
    for k in BrowserStore::new().keys().expect("keys") {
        if k.starts_with("filler-") {
            BrowserStore::new().remove(&k).expect("remove");
        }
    }
    assert_eq!(
        repo.save(&plan_with(50, 200), AT).map(|s| s.revision),
        Ok(2)
    );
    clear();
}

#[wasm_bindgen_test]
fn another_tab_writing_is_a_conflict_not_an_overwrite() {
    clear();
    let mine = Repository::new(BrowserStore::new());
    assert_eq!(mine.load(), LoadOutcome::Empty);
    let other = Repository::new(BrowserStore::new());
    assert_eq!(other.load(), LoadOutcome::Empty);
    other.save(&plan_with(1, 5), AT).expect("other tab saves");
    let theirs = BrowserStore::new().get(PLAN_KEY).expect("get");
    assert_eq!(mine.save(&plan_with(2, 5), AT), Err(SaveError::Conflict));
    assert_eq!(BrowserStore::new().get(PLAN_KEY).expect("get"), theirs);
    clear();
}

#[wasm_bindgen_test]
fn the_quick_unchanged_check_sees_a_same_length_write_by_another_tab() {
    clear();
    let mine = BrowserStore::new();
    let other = BrowserStore::new();
    let aaaa = Some(Stamp::of("aaaa"));
    assert_eq!(
        mine.set_verified("safety-net:probe", "aaaa")
            .expect("write"),
        aaaa
    );
    assert!(mine.unchanged("safety-net:probe", aaaa).expect("check"));
    other
        .set("safety-net:probe", "bbbb")
        .expect("other tab writes");
    assert!(!mine.unchanged("safety-net:probe", aaaa).expect("check"));
    // A peek at the new text does not make this store take it as its own.
    assert_eq!(
        mine.peek("safety-net:probe").expect("peek").as_deref(),
        Some("bbbb")
    );
    assert!(!mine.unchanged("safety-net:probe", aaaa).expect("check"));
    // A store that never read the key stamps the stored text itself.
    assert!(BrowserStore::new()
        .unchanged("safety-net:probe", Some(Stamp::of("bbbb")))
        .expect("check"));
    assert!(!BrowserStore::new()
        .unchanged("safety-net:probe", aaaa)
        .expect("check"));
    other.remove("safety-net:probe").expect("remove");
    assert!(!mine.unchanged("safety-net:probe", aaaa).expect("check"));
    assert!(mine.unchanged("safety-net:probe", None).expect("check"));
    clear();
}

#[wasm_bindgen_test]
fn a_look_at_the_stored_plan_does_not_hide_another_tabs_same_length_save() {
    // The lock reads the stored plan for its keys; that read must not make a same-length
    // save by another tab look like this tab's own (it was saved over, silently).
    clear();
    let with = |text: &str| {
        let mut p = Plan::default();
        p.relapse
            .reasons
            .push(Entry::new(Id::generate(1, 1), text.to_string()));
        p
    };
    let mine = Repository::new(BrowserStore::new());
    assert_eq!(mine.load(), LoadOutcome::Empty);
    mine.save(&with("aaaa"), AT).expect("saves");
    let other = Repository::new(BrowserStore::new());
    assert!(matches!(other.load(), LoadOutcome::Loaded(_)));
    other.save(&with("bbbb"), AT).expect("other tab saves");
    let theirs = BrowserStore::new().get(PLAN_KEY).expect("get");
    let looked = mine.store().peek(PLAN_KEY).expect("peek");
    assert_eq!(looked, theirs);
    assert_eq!(mine.save(&with("cccc"), AT), Err(SaveError::Conflict));
    assert_eq!(BrowserStore::new().get(PLAN_KEY).expect("get"), theirs);
    clear();
}

#[wasm_bindgen_test]
fn text_with_any_characters_reads_back_exactly() {
    clear();
    let s = BrowserStore::new();
    let text = format!("{}— é 😀 中文 \u{2028} \"q\" \\ end", "a".repeat(10_000));
    s.set("safety-net:probe", &text).expect("write");
    assert_eq!(s.get("safety-net:probe").expect("read"), Some(text.clone()));
    // And a plan with such text loads as it was saved.
    let repo = Repository::new(BrowserStore::new());
    let mut plan = plan_with(3, 10);
    plan.relapse.reasons[0].text = text;
    repo.save(&plan, AT).expect("saves");
    match Repository::new(BrowserStore::new()).load() {
        LoadOutcome::Loaded(d) => assert_eq!(d.plan, plan),
        other => panic!("not loaded: {other:?}"),
    }
    clear();
}

/// Reads on to the end what `repo.open()` began.
fn read_to_the_end(repo: &Repository<BrowserStore>, mut opening: Opening) -> LoadOutcome {
    loop {
        match opening {
            Opening::Reading(r) => opening = repo.go_on(r, 1000),
            Opening::Done(outcome) => return outcome,
        }
    }
}

#[wasm_bindgen_test]
fn a_large_plan_is_taken_in_two_turns_and_read_as_it_was_saved() {
    clear();
    let mut plan = plan_with(80, 1000);
    plan.relapse.reasons[0].text = "— é 😀 中文 \u{2028} ".repeat(200);
    Repository::new(BrowserStore::new())
        .save(&plan, AT)
        .expect("saves");
    // Over 64 KiB: the first turn takes the text from localStorage, not yet into Rust.
    let repo = Repository::new(BrowserStore::new());
    let Opening::Reading(reading) = repo.open() else {
        panic!("a large plan is taken in turns");
    };
    assert_eq!(reading.checkins_read(), None);
    match read_to_the_end(&repo, Opening::Reading(reading)) {
        LoadOutcome::Loaded(d) => assert_eq!(d.plan, plan),
        other => panic!("not loaded: {other:?}"),
    }
    // What it read is this tab's own: its next save is no conflict.
    plan.relapse.reasons[1].text = "changed".into();
    repo.save(&plan, AT).expect("saves over what it read");

    // Another tab saves between the two halves: what was taken is the older plan, and the
    // next save is a conflict, not a save over the other tab's.
    let other = Repository::new(BrowserStore::new());
    assert!(matches!(other.load(), LoadOutcome::Loaded(_)));
    let again = Repository::new(BrowserStore::new());
    let opening = again.open();
    let mut theirs = plan.clone();
    theirs.relapse.reasons[2].text = "the other tab's".into();
    other.save(&theirs, AT).expect("the other tab saves");
    match read_to_the_end(&again, opening) {
        LoadOutcome::Loaded(d) => assert_eq!(d.plan, plan, "what was stored when it was taken"),
        other => panic!("not loaded: {other:?}"),
    }
    assert_eq!(again.save(&plan, AT), Err(SaveError::Conflict));
    match again.load() {
        LoadOutcome::Loaded(d) => assert_eq!(d.plan, theirs),
        other => panic!("not loaded: {other:?}"),
    }
    clear();
}

/// #18: a plan of years of check-ins is written to localStorage a piece at a time and read
/// back a window at a time (its text never whole in wasm memory): what is stored is exactly
/// the stored form, with characters of every width wherever a piece or window ends, and it
/// reads back the same.
#[wasm_bindgen_test]
fn years_of_check_ins_are_written_in_pieces_and_read_in_windows() {
    use safety_net::domain::checkin::CheckIn;
    use safety_net::domain::schema;
    clear();
    let start = chrono::NaiveDate::from_ymd_opt(2023, 1, 1).expect("a date");
    let mut plan = Plan::default();
    for i in 0..1200u64 {
        let mut c = CheckIn::new(start + chrono::Days::new(i));
        c.craving = Some((i % 11) as u8);
        if i % 3 == 0 {
            c.note = format!("Día {i} — caminé 😀 中文 \u{2028}");
        }
        plan.checkins.push(c);
    }
    let repo = Repository::new(BrowserStore::new());
    let saved = repo.save(&plan, AT).expect("saves");
    let stored = BrowserStore::new()
        .get(PLAN_KEY)
        .expect("get")
        .expect("stored");
    assert!(stored.len() > 3 * schema::WINDOW);
    assert_eq!(
        stored,
        schema::encode_stored(&plan, 1, AT).expect("encodes")
    );
    assert_eq!(saved.bytes, stored.len());
    let other = Repository::new(BrowserStore::new());
    let opening = other.open();
    match read_to_the_end(&other, opening) {
        LoadOutcome::Loaded(d) => assert_eq!(d.plan, plan),
        o => panic!("not loaded: {o:?}"),
    }
    // Both tabs know what is stored: the one that read it saves over it; then the first
    // one's save is a conflict.
    plan.checkins[0].note = "changed".into();
    other.save(&plan, AT).expect("saves over what it read");
    assert_eq!(repo.save(&plan, AT), Err(SaveError::Conflict));
    clear();
}

#[wasm_bindgen_test]
fn whether_a_stored_plan_is_sealed_is_seen_without_reading_it() {
    clear();
    let store = BrowserStore::new();
    assert_eq!(store.starts_with(PLAN_KEY, SEALED_PREFIX), Ok(None));
    store
        .set(PLAN_KEY, "{\"app\":\"safety-net\",\"version\":1}")
        .expect("set");
    assert_eq!(store.starts_with(PLAN_KEY, SEALED_PREFIX), Ok(Some(false)));
    let sealed = format!("{SEALED_PREFIX},\"v\":1}}");
    store.set(PLAN_KEY, &sealed).expect("set");
    assert_eq!(store.starts_with(PLAN_KEY, SEALED_PREFIX), Ok(Some(true)));
    // (Not a prefix of the stored text, though in it.)
    assert_eq!(store.starts_with(PLAN_KEY, "\"kind\""), Ok(Some(false)));
}
