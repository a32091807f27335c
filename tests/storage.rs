#![cfg(not(target_arch = "wasm32"))]
//! The persistence rules, tested on an in-memory store that behaves like localStorage.

mod common;

use safety_net::domain::schema;
use safety_net::storage::memory::MemoryStore;
use safety_net::storage::*;

const AT: &str = "2026-11-23T10:00:00.000Z";

fn loaded(r: &Repository<MemoryStore>) -> safety_net::domain::Plan {
    match r.load() {
        LoadOutcome::Loaded(d) => d.plan,
        other => panic!("expected a plan, got {other:?}"),
    }
}

#[test]
fn first_launch_is_empty_then_saves_and_loads() {
    let store = MemoryStore::new();
    let repo = Repository::new(store.share());
    assert_eq!(repo.load(), LoadOutcome::Empty);
    let plan = common::full_plan();
    let saved = repo.save(&plan, AT).expect("saves");
    assert_eq!(saved.revision, 1);
    let again = Repository::new(store.share());
    assert_eq!(loaded(&again), plan);
    assert_eq!(again.revision(), 1);
}

#[test]
fn damaged_data_is_quarantined_and_left_in_place() {
    for raw in [
        "{\"app\":\"safety-net\",\"version\":1,\"revi", // truncated
        "{\"app\":\"safety-net\",\"version\":1,\"revision\":3,\"saved_at\":\"x\",\"data\":{\"relapse\":{\"reasons\":[{\"id\":\"a\",\"txt\":\"hand-edited\"}]}}}",
        "{\"app\":\"safety-net\",\"version\":7,\"revision\":3,\"saved_at\":\"x\",\"data\":{}}", // future version
        "not json at all",
    ] {
        let store = MemoryStore::new();
        store.set(PLAN_KEY, raw).expect("set");
        let repo = Repository::new(store.share());
        let LoadOutcome::Damaged(d) = repo.load() else {
            panic!("{raw} should be damaged");
        };
        assert_eq!(d.raw, raw);
        assert!(!d.reason.is_empty());
        let key = d.quarantine_key.expect("a copy was kept");
        assert_eq!(store.get(&key).expect("get").as_deref(), Some(raw));
        assert_eq!(store.get(PLAN_KEY).expect("get").as_deref(), Some(raw), "left where it was");
        // Loading again keeps one copy, not two.
        let _ = repo.load();
        assert_eq!(repo.quarantined().expect("list").len(), 1);
        // Nothing is saved over it without the person's choice.
        assert_eq!(repo.save(&common::full_plan(), AT), Err(SaveError::Damaged));
        assert_eq!(store.get(PLAN_KEY).expect("get").as_deref(), Some(raw));
    }
}

#[test]
fn a_failed_write_leaves_the_last_good_copy_byte_identical() {
    let store = MemoryStore::with_quota(200_000);
    let repo = Repository::new(store.share());
    let small = common::full_plan();
    repo.save(&small, AT).expect("fits");
    let before = store.get(PLAN_KEY).expect("get").expect("stored");
    let big = common::five_years_plan();
    assert_eq!(
        repo.save(&big, AT),
        Err(SaveError::Store(StoreError::QuotaExceeded))
    );
    assert_eq!(store.get(PLAN_KEY).expect("get"), Some(before));
    assert_eq!(repo.revision(), 1, "the revision did not move");
    // The next small save still works.
    let mut edited = small.clone();
    edited.relapse.reasons.pop();
    assert_eq!(repo.save(&edited, AT).map(|s| s.revision), Ok(2));
}

#[test]
fn two_tabs_never_silently_overwrite_each_other() {
    let store = MemoryStore::new();
    let a = Repository::new(store.share());
    let b = Repository::new(store.share());
    assert_eq!(a.load(), LoadOutcome::Empty);
    assert_eq!(b.load(), LoadOutcome::Empty);
    let mut plan_a = common::full_plan();
    a.save(&plan_a, AT).expect("a saves first");
    let mut plan_b = safety_net::domain::Plan::default();
    plan_b
        .relapse
        .reasons
        .push(safety_net::domain::Entry::new(common::id(99), "from tab b"));
    assert_eq!(
        b.save(&plan_b, AT),
        Err(SaveError::Conflict),
        "b has not seen a's save"
    );
    // b picks up a's save (what the storage event does), edits, saves: both changes kept.
    let mut seen = loaded(&b);
    seen.relapse
        .reasons
        .push(safety_net::domain::Entry::new(common::id(99), "from tab b"));
    b.save(&seen, AT).expect("b saves on top of a");
    plan_a.relapse.reasons.clear();
    assert_eq!(a.save(&plan_a, AT), Err(SaveError::Conflict));
    // The person chose to keep a's version: that is an explicit overwrite.
    let s = a.save_over(&plan_a, AT).expect("explicit");
    assert_eq!(s.revision, 3);
    assert_eq!(loaded(&b), plan_a);
}

#[test]
fn a_same_length_save_by_another_tab_is_still_a_conflict() {
    // This tab keeps only a stamp of what it read (length, hash, sealed), not the text: a
    // different plan of exactly the same length, saved by another tab, must still be seen.
    let store = MemoryStore::new();
    let a = Repository::new(store.share());
    let b = Repository::new(store.share());
    let with = |text: &str| {
        let mut p = safety_net::domain::Plan::default();
        p.relapse
            .reasons
            .push(safety_net::domain::Entry::new(common::id(7), text));
        p
    };
    assert_eq!(a.load(), LoadOutcome::Empty);
    a.save(&with("aaaa"), AT).expect("a saves");
    let first = store.get(PLAN_KEY).expect("get").expect("stored");
    assert_eq!(loaded(&b), with("aaaa"));
    // b saves revision 2 of the same length ("aaaa" -> "bbbb", revision 1 -> 2).
    b.save(&with("bbbb"), AT).expect("b saves");
    let second = store.get(PLAN_KEY).expect("get").expect("stored");
    assert_eq!(
        first.len(),
        second.len(),
        "the test needs two texts of one length"
    );
    assert_ne!(first, second);
    assert_eq!(a.save(&with("cccc"), AT), Err(SaveError::Conflict));
    assert_eq!(
        store.get(PLAN_KEY).expect("get"),
        Some(second),
        "b's save kept"
    );
    // A look at the stored text (the lock's keys) changes nothing of that.
    assert!(store.peek(PLAN_KEY).expect("peek").is_some());
    assert_eq!(a.save(&with("cccc"), AT), Err(SaveError::Conflict));
}

#[test]
fn a_plan_read_in_turns_while_another_tab_saves_is_not_saved_over() {
    // Years of check-ins are read a few hundred at a turn; another tab may save between
    // two turns. What this tab read is then the older plan, and its next save is a conflict.
    let store = MemoryStore::new();
    let a = Repository::new(store.share());
    let b = Repository::new(store.share());
    let years = common::five_years_plan();
    b.save(&years, AT).expect("b saves");
    let Opening::Reading(reading) = a.open() else {
        panic!("five years of check-ins are read in turns");
    };
    // The first two turns take the text; the next reads up to the first check-in.
    assert_eq!(reading.checkins_read(), None);
    let Opening::Reading(reading) = a.go_on(reading, 500) else {
        panic!("the text is taken, not yet read");
    };
    assert_eq!(reading.checkins_read(), None);
    let Opening::Reading(reading) = a.go_on(reading, 500) else {
        panic!("the check-ins are still to read");
    };
    assert_eq!(reading.checkins_read(), Some(0));
    let mut newer = years.clone();
    newer.checkins.pop();
    b.save(&newer, AT).expect("b saves again");
    let mut opening = a.go_on(reading, 500);
    let mut turns = 1;
    let read = loop {
        match opening {
            Opening::Reading(r) => {
                assert_eq!(r.checkins_read(), Some(500 * turns));
                turns += 1;
                opening = a.go_on(r, 500);
            }
            Opening::Done(LoadOutcome::Loaded(d)) => break d.plan,
            Opening::Done(other) => panic!("{other:?}"),
        }
    };
    assert_eq!(turns, years.checkins.len().div_ceil(500));
    assert_eq!(read, years, "what was stored when the reading began");
    assert_eq!(a.save(&read, AT), Err(SaveError::Conflict));
    assert_eq!(loaded(&a), newer, "b's save kept, and read");
    // A small plan is read at once.
    let c = Repository::new(MemoryStore::new());
    c.save(&common::full_plan(), AT).expect("saves");
    match c.open() {
        Opening::Done(LoadOutcome::Loaded(d)) => assert_eq!(d.plan, common::full_plan()),
        _ => panic!("a small plan is read at once"),
    }
}

#[test]
fn a_stamp_tells_texts_of_one_length_apart() {
    let (x, y) = (Stamp::of("{\"a\":1}"), Stamp::of("{\"a\":2}"));
    assert_eq!(x.len, y.len);
    assert_ne!(x, y);
    assert_eq!(x, Stamp::of("{\"a\":1}"));
    assert!(!x.sealed);
    assert!(Stamp::of(&format!("{SEALED_PREFIX},\"x\":1}}")).sealed);
}

#[test]
fn starting_over_keeps_the_quarantined_copy() {
    let store = MemoryStore::new();
    store.set(PLAN_KEY, "{broken").expect("set");
    let repo = Repository::new(store.share());
    assert!(matches!(repo.load(), LoadOutcome::Damaged(_)));
    repo.save_over(&safety_net::domain::Plan::default(), AT)
        .expect("start over");
    assert_eq!(repo.quarantined().expect("list")[0].raw, "{broken");
    assert!(matches!(repo.load(), LoadOutcome::Loaded(_)));
}

#[test]
fn delete_all_removes_only_our_keys() {
    let store = MemoryStore::new();
    store.set("someone-else", "keep").expect("set");
    store.set(PLAN_KEY, "{broken").expect("set");
    let repo = Repository::new(store.share());
    let _ = repo.load();
    repo.delete_all().expect("delete");
    assert_eq!(
        store.keys().expect("keys"),
        vec!["someone-else".to_string()]
    );
    assert_eq!(repo.load(), LoadOutcome::Empty);
}

#[test]
fn what_is_stored_is_the_versioned_envelope() {
    let store = MemoryStore::new();
    let repo = Repository::new(store.share());
    repo.save(&common::full_plan(), AT).expect("saves");
    let raw = store.get(PLAN_KEY).expect("get").expect("stored");
    let v: serde_json::Value = serde_json::from_str(&raw).expect("json");
    assert_eq!(v["app"], "safety-net");
    assert_eq!(v["version"], schema::CURRENT_VERSION);
    assert_eq!(v["revision"], 1);
    assert_eq!(v["saved_at"], AT);
    assert_eq!(
        v["data"]["relapse"]["reasons"][0]["text"],
        "Be there for Maya"
    );
}

/// The lock, through the codec seam: every save sealed and verified, nothing readable in
/// storage, and the same quarantine and two-tab rules as a plain plan.
mod locked {
    use super::*;
    use safety_net::domain::lock::{self, KdfParams, Keys};

    const FAST: KdfParams = KdfParams {
        m_kib: 8,
        t: 1,
        p: 1,
    };

    fn unlocked(store: &MemoryStore, keys: &Keys) -> Repository<MemoryStore, LockCodec> {
        let repo = Repository::with_codec(store.share(), LockCodec::default());
        repo.codec().set(Some(keys.clone()));
        repo
    }

    fn plan_of(outcome: LoadOutcome) -> safety_net::domain::Plan {
        match outcome {
            LoadOutcome::Loaded(d) => d.plan,
            other => panic!("not loaded: {other:?}"),
        }
    }

    #[test]
    fn saves_are_sealed_and_a_new_tab_is_locked_until_the_passcode() {
        let store = MemoryStore::new();
        let keys = Keys::create("246810", FAST, &mut random).expect("keys");
        let a = unlocked(&store, &keys);
        let plan = common::full_plan();
        a.save(&plan, AT).expect("saves sealed, read back");
        let raw = store.get(PLAN_KEY).expect("get").expect("stored");
        assert!(lock::is_sealed(&raw));
        for personal in ["Suboxone", "full plan", "reasons"] {
            assert!(!raw.contains(personal), "{personal} in storage");
        }
        // A new tab (a cold start) has no keys: locked, not damaged, nothing quarantined.
        let b = Repository::with_codec(store.share(), LockCodec::default());
        assert_eq!(b.load(), LoadOutcome::Locked);
        assert!(b.quarantined().expect("list").is_empty());
        // The passcode opens it.
        let (opened, _) = lock::open(&raw, "246810").expect("opens");
        b.codec().set(Some(opened));
        assert_eq!(plan_of(b.load()), plan);
        assert_eq!(
            lock::open(&raw, "135790").map(|_| ()),
            Err(lock::LockError::WrongPasscode)
        );
    }

    #[test]
    fn a_damaged_sealed_plan_is_quarantined_and_never_saved_over() {
        let store = MemoryStore::new();
        let keys = Keys::create("246810", FAST, &mut random).expect("keys");
        unlocked(&store, &keys)
            .save(&common::full_plan(), AT)
            .expect("saves");
        let raw = store.get(PLAN_KEY).expect("get").expect("stored");
        // One byte of the ciphertext changed.
        let at = raw.find("\"data\":\"").expect("data") + 20;
        let mut bytes = raw.clone().into_bytes();
        bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
        let damaged = String::from_utf8(bytes).expect("utf8");
        store.set(PLAN_KEY, &damaged).expect("set");
        let tab = unlocked(&store, &keys);
        match tab.load() {
            LoadOutcome::Damaged(d) => {
                assert_eq!(d.raw, damaged);
                assert!(d.quarantine_key.is_some());
            }
            other => panic!("not damaged: {other:?}"),
        }
        assert_eq!(tab.save(&common::full_plan(), AT), Err(SaveError::Damaged));
        assert_eq!(store.get(PLAN_KEY).expect("get"), Some(damaged));
    }

    #[test]
    fn a_new_passcode_in_one_tab_locks_the_other_and_it_writes_nothing_old() {
        let store = MemoryStore::new();
        let keys = Keys::create("246810", FAST, &mut random).expect("keys");
        let a = unlocked(&store, &keys);
        let b = unlocked(&store, &keys);
        let plan = common::full_plan();
        a.save(&plan, AT).expect("saves");
        assert_eq!(plan_of(b.load()), plan);
        // Tab a changes the passcode: the key is re-wrapped, the plan saved again.
        let new = keys
            .rewrap("a long passphrase", &mut random)
            .expect("rewrap");
        a.codec().set(Some(new));
        a.save(&plan, AT).expect("saves re-wrapped");
        // Tab b's keys are the old wrapping: its save is a conflict, and "keep this
        // version" does not write the old passcode's wrapping back.
        assert_eq!(b.save(&plan, AT), Err(SaveError::Conflict));
        assert_eq!(b.save_over(&plan, AT), Err(SaveError::Locked));
        assert_eq!(b.load(), LoadOutcome::Locked);
        let raw = store.get(PLAN_KEY).expect("get").expect("stored");
        assert!(lock::open(&raw, "246810").is_err());
        assert!(lock::open(&raw, "a long passphrase").is_ok());
    }

    #[test]
    fn a_lock_turned_on_in_another_tab_is_never_saved_over_plain() {
        let store = MemoryStore::new();
        let plain = Repository::with_codec(store.share(), LockCodec::default());
        let plan = common::full_plan();
        plain.save(&plan, AT).expect("saves plain");
        // Another tab turns the lock on.
        let keys = Keys::create("246810", FAST, &mut random).expect("keys");
        let other = unlocked(&store, &keys);
        assert_eq!(plan_of(other.load()), plan);
        other.save(&plan, AT).expect("saves sealed");
        let sealed = store.get(PLAN_KEY).expect("get").expect("stored");
        // This tab, with no keys: a conflict, and neither save writes the plan plain.
        assert_eq!(plain.save(&plan, AT), Err(SaveError::Conflict));
        assert_eq!(plain.save_over(&plan, AT), Err(SaveError::Locked));
        assert_eq!(store.get(PLAN_KEY).expect("get"), Some(sealed));
    }

    #[test]
    fn a_forgotten_passcode_a_backup_replaces_the_locked_plan_only_when_chosen() {
        let store = MemoryStore::new();
        let forgotten = Keys::create("246810", FAST, &mut random).expect("keys");
        unlocked(&store, &forgotten)
            .save(&common::full_plan(), AT)
            .expect("saves");
        // A new tab with the backup's keys: an ordinary "replace" is refused ...
        let backup_keys = Keys::create("a long passphrase", FAST, &mut random).expect("keys");
        let tab = Repository::with_codec(store.share(), LockCodec::default());
        assert_eq!(tab.load(), LoadOutcome::Locked);
        tab.codec().set(Some(backup_keys.clone()));
        let restored = safety_net::domain::Plan::default();
        assert_eq!(tab.save_over(&restored, AT), Err(SaveError::Locked));
        // ... and the person's choice on the lock screen replaces it, sealed with the
        // backup's passcode.
        let before = store.get(PLAN_KEY).expect("get").expect("stored");
        tab.replace_locked(&restored, AT).expect("replaces");
        let raw = store.get(PLAN_KEY).expect("get").expect("stored");
        assert!(lock::open(&raw, "246810").is_err());
        assert!(lock::open(&raw, "a long passphrase").is_ok());
        // The replaced plan is kept aside, as it was (encrypted): never silently dropped.
        let kept = tab.quarantined().expect("list");
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].raw, before);
        assert!(lock::open(&kept[0].raw, "246810").is_ok());
    }

    #[test]
    fn a_full_quota_keeps_the_last_sealed_copy() {
        let store = MemoryStore::with_quota(200_000);
        let keys = Keys::create("246810", FAST, &mut random).expect("keys");
        let repo = unlocked(&store, &keys);
        repo.save(&common::full_plan(), AT).expect("fits");
        let before = store.get(PLAN_KEY).expect("get");
        assert_eq!(
            repo.save(&common::five_years_plan(), AT),
            Err(SaveError::Store(StoreError::QuotaExceeded))
        );
        assert_eq!(store.get(PLAN_KEY).expect("get"), before);
    }

    #[test]
    fn the_codec_seals_and_opens_only_with_the_keys_it_holds() {
        let keys = Keys::create("246810", FAST, &mut random).expect("keys");
        let codec = LockCodec::default();
        // No keys: nothing to seal or open with, and the text is stored as it is.
        assert!(!codec.is_on());
        assert_eq!(codec.seal("plain"), None);
        assert_eq!(codec.open("anything"), None);
        assert_eq!(codec.encode("plain".into()), Ok("plain".into()));
        assert!(codec.set(Some(keys.clone())).is_none());
        assert!(codec.is_on());
        let sealed = codec.seal("the plan").expect("keys held").expect("sealed");
        assert!(sealed.starts_with(SEALED_PREFIX));
        assert_eq!(
            lock::open(&sealed, "246810").map(|(_, t)| t),
            Ok("the plan".into())
        );
        assert_eq!(codec.open(&sealed), Some(Ok("the plan".into())));
        assert_eq!(
            codec.decode(&sealed).map(|t| t.into_owned()),
            Ok("the plan".into())
        );
        assert!(!codec.locked(&sealed));
        // Other keys do not open it, and a sealed text they did not wrap is locked to them.
        let other = LockCodec::default();
        other.set(Some(
            Keys::create("135790", FAST, &mut random).expect("keys"),
        ));
        assert!(matches!(other.open(&sealed), Some(Err(_))));
        assert!(other.locked(&sealed));
        // Forgotten: locked again, and nothing is sealed or opened.
        codec.forget();
        assert!(!codec.is_on());
        assert_eq!(codec.seal("the plan"), None);
        assert_eq!(codec.open(&sealed), None);
        assert!(codec.locked(&sealed));
    }

    #[test]
    fn a_lock_change_that_does_not_save_puts_the_old_keys_back() {
        let store = MemoryStore::with_quota(200_000);
        let keys = Keys::create("246810", FAST, &mut random).expect("keys");
        let repo = unlocked(&store, &keys);
        let plan = common::full_plan();
        repo.save(&plan, AT).expect("fits");
        let before = store.get(PLAN_KEY).expect("get");
        // A new passcode, as Settings does it: the new keys held, the save fails (full).
        let new = keys
            .rewrap("a long passphrase", &mut random)
            .expect("rewrap");
        let old = repo.codec().set(Some(new));
        assert!(old.is_some());
        assert_eq!(
            repo.save(&common::five_years_plan(), AT),
            Err(SaveError::Store(StoreError::QuotaExceeded))
        );
        // The old keys go back: the stored copy is untouched and still theirs, and the next
        // save is sealed with them, under the old passcode.
        let given_back = repo.codec().swap(old).expect("the new keys");
        assert!(!given_back.wrapped_as(before.as_deref().expect("stored")));
        assert_eq!(store.get(PLAN_KEY).expect("get"), before);
        let raw = before.expect("stored");
        assert!(!repo.codec().locked(&raw));
        repo.save(&plan, AT).expect("saves with the old keys");
        let raw = store.get(PLAN_KEY).expect("get").expect("stored");
        assert!(lock::open(&raw, "246810").is_ok());
        assert!(lock::open(&raw, "a long passphrase").is_err());
    }

    #[test]
    fn turning_the_lock_off_stores_it_plain_again() {
        let store = MemoryStore::new();
        let keys = Keys::create("246810", FAST, &mut random).expect("keys");
        let repo = unlocked(&store, &keys);
        let plan = common::full_plan();
        repo.save(&plan, AT).expect("saves");
        repo.codec().forget();
        repo.save(&plan, AT).expect("saves plain");
        let raw = store.get(PLAN_KEY).expect("get").expect("stored");
        assert!(!lock::is_sealed(&raw) && raw.contains("Suboxone"));
        assert_eq!(
            plan_of(Repository::with_codec(store.share(), LockCodec::default()).load()),
            plan
        );
    }

    /// A new tab's sealed plan shows the lock screen without the plan's reader (which may
    /// not have come); once unlocked, it is read with the reader.
    #[test]
    fn a_locked_plan_needs_no_reader_until_it_is_unlocked() {
        let store = MemoryStore::new();
        let keys = Keys::create("246810", FAST, &mut random).expect("keys");
        let plan = common::full_plan();
        let other = unlocked(&store, &keys);
        other.save(&plan, AT).expect("saves");
        let tab = Repository::awaiting_reader(store.share(), LockCodec::default());
        assert!(!tab.needs_reader(), "locked, no keys here");
        assert_eq!(tab.load(), LoadOutcome::Locked);
        let raw = store.get(PLAN_KEY).expect("get").expect("stored");
        let (opened, _) = lock::open(&raw, "246810").expect("opens");
        tab.codec().set(Some(opened));
        assert!(tab.needs_reader(), "unlocked: read with the reader");
        assert!(matches!(tab.load(), LoadOutcome::Unavailable(_)));
        assert_eq!(store.get(PLAN_KEY).expect("get"), Some(raw));
        // Another tab changes the passcode: the keys here no longer open it, so it is
        // locked here again, and needs no reader.
        let new = keys
            .rewrap("a long passphrase", &mut random)
            .expect("rewrap");
        other.codec().set(Some(new));
        other.save(&plan, AT).expect("saves re-wrapped");
        assert!(!tab.needs_reader(), "locked again by another tab");
        assert_eq!(tab.load(), LoadOutcome::Locked);
        let raw = store.get(PLAN_KEY).expect("get").expect("stored");
        let (opened, _) = lock::open(&raw, "a long passphrase").expect("opens");
        tab.codec().set(Some(opened));
        assert!(tab.needs_reader(), "unlocked with the new passcode");
        tab.give_reader(&schema::Reader);
        assert!(!tab.needs_reader());
        assert_eq!(plan_of(tab.load()), plan);
    }
}

/// A storage that keeps what is written but gives something else back (broken hardware, a
/// browser extension rewriting pages): a save is then "not verified", never taken as saved.
struct Mangling(MemoryStore);

impl KeyValueStore for Mangling {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .0
            .get(key)?
            .map(|v| v.replacen("safety-net", "safety-nut", 1)))
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.0.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.0.keys()
    }
}

#[test]
fn a_save_read_back_wrong_is_not_taken_as_saved() {
    let repo = Repository::new(Mangling(MemoryStore::new()));
    let plan = common::full_plan();
    assert_eq!(repo.save(&plan, AT), Err(SaveError::NotVerified));
    assert_eq!(repo.revision(), 0);
    assert_eq!(repo.saved_at(), None);
    // What is stored is not what this tab knows: the next save is refused too.
    assert!(repo.save(&plan, AT).is_err());
    assert_eq!(repo.revision(), 0);
}

/// A store that, like the browser's, gives a large value to the reading a window at a time
/// and takes a plan's text a piece at a time: it counts the largest window and piece, and
/// how many of the value's bytes were ever asked for at once.
#[derive(Default)]
struct InPieces {
    store: MemoryStore,
    largest_copy: std::rc::Rc<std::cell::Cell<usize>>,
    largest_piece: std::cell::Cell<usize>,
    pieces: std::cell::Cell<usize>,
}

/// A value's text that tells its store how much of it is taken at a time.
struct Counted(String, std::rc::Rc<std::cell::Cell<usize>>);

impl schema::Source for Counted {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn copy_to(&self, at: usize, n: usize, out: &mut Vec<u8>) {
        let before = out.len();
        self.0.copy_to(at, n, out);
        self.1.set(self.1.get().max(out.len() - before));
    }
}

impl KeyValueStore for InPieces {
    /// (A value read whole counts as taken whole.)
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        let value = self.store.get(key)?;
        let len = value.as_ref().map_or(0, String::len);
        self.largest_copy.set(self.largest_copy.get().max(len));
        Ok(value)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.store.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.store.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.store.keys()
    }
    fn take(&self, key: &str) -> Result<Option<Taking>, StoreError> {
        let Some(text) = self.store.get(key)? else {
            return Ok(None);
        };
        let largest = self.largest_copy.clone();
        Ok(Some(Taking::in_pieces(text.len(), move || {
            let text = Counted(text, largest);
            let stamp = Stamp::of_source(&text);
            Ok(Some((Taken::Pieces(Box::new(text)), stamp)))
        })))
    }
    fn set_verified_pieces<E>(
        &self,
        key: &str,
        make: impl FnOnce(&mut dyn FnMut(&str)) -> Result<(), E>,
    ) -> Result<Result<Option<Stamp>, StoreError>, E> {
        let mut value = String::new();
        let mut stamping = Stamping::default();
        make(&mut |piece| {
            self.largest_piece
                .set(self.largest_piece.get().max(piece.len()));
            self.pieces.set(self.pieces.get() + 1);
            stamping.add(piece.as_bytes());
            value.push_str(piece);
        })?;
        let stamp = stamping.stamp();
        assert_eq!(stamp, Stamp::of(&value), "stamped as it went by");
        Ok(self.set_verified(key, &value))
    }
}

/// #18: a large plan is saved a piece at a time and read a window at a time, never asked for
/// whole, and reads back the same; with the lock on it is saved whole (sealed), and read
/// whole. Two tabs' saves are still told apart.
#[test]
fn a_large_plan_is_saved_in_pieces_and_read_in_windows() {
    let mut years = common::five_years_plan();
    // Notes in Spanish: characters of two and three bytes, wherever a piece ends.
    for (i, c) in years.checkins.iter_mut().enumerate().step_by(3) {
        c.note = format!("Día {i}: caminé, llamé a Dana — ¡bien! ✓");
    }
    let repo = Repository::new(InPieces::default());
    let saved = repo.save(&years, AT).expect("saves");
    let stored = repo.store().get(PLAN_KEY).expect("get").expect("stored");
    assert_eq!(
        stored,
        schema::encode_stored(&years, 1, AT).expect("encodes")
    );
    assert_eq!(saved.bytes, stored.len());
    let store = repo.store();
    assert!(
        store.pieces.get() >= stored.len() / schema::WINDOW,
        "{}",
        store.pieces.get()
    );
    assert!(store.largest_piece.get() < schema::WINDOW + 1024);
    // Read by another tab, in turns.
    let other = Repository::new(InPieces {
        store: store.store.share(),
        ..InPieces::default()
    });
    let mut opening = other.open();
    let read = loop {
        match opening {
            Opening::Reading(r) => opening = other.go_on(r, 500),
            Opening::Done(LoadOutcome::Loaded(d)) => break d.plan,
            Opening::Done(o) => panic!("{o:?}"),
        }
    };
    assert_eq!(read, years);
    let largest = other.store().largest_copy.get();
    assert!(
        largest <= schema::WINDOW * 2,
        "taken {largest} bytes at once of {}",
        stored.len()
    );
    // Read all at once (another tab's save picked up): a window at a time too.
    let fourth = Repository::new(InPieces {
        store: store.store.share(),
        ..InPieces::default()
    });
    match fourth.load() {
        LoadOutcome::Loaded(d) => assert_eq!(d.plan, years),
        o => panic!("{o:?}"),
    }
    let largest = fourth.store().largest_copy.get();
    assert!(
        largest <= schema::WINDOW * 2,
        "taken {largest} bytes at once"
    );
    // This tab saves over its own; the first tab's next save is then a conflict.
    let mut newer = years.clone();
    newer.checkins.pop();
    other.save(&newer, AT).expect("saves over what it read");
    assert_eq!(repo.save(&years, AT), Err(SaveError::Conflict));
    // Damaged in the middle of the check-ins: put aside whole, as it is.
    let broken = stored.replacen("\"mood\":", "\"mood\":[", 1);
    store.store.set(PLAN_KEY, &broken).expect("set");
    let third = Repository::new(InPieces {
        store: store.store.share(),
        ..InPieces::default()
    });
    let mut opening = third.open();
    let damaged = loop {
        match opening {
            Opening::Reading(r) => opening = third.go_on(r, 500),
            Opening::Done(LoadOutcome::Damaged(d)) => break d,
            Opening::Done(o) => panic!("{o:?}"),
        }
    };
    assert_eq!(damaged.raw, broken);
    assert_eq!(
        store
            .store
            .get(damaged.quarantine_key.as_deref().expect("put aside"))
            .expect("get"),
        Some(broken)
    );
}

/// A stamp made a piece at a time, however the text is cut, is the stamp of the whole text.
#[test]
fn a_stamp_made_in_pieces_is_the_stamp_of_the_whole() {
    let sealed = format!("{SEALED_PREFIX},\"rest\":\"ñ\"}}");
    for text in [
        String::new(),
        "{}".into(),
        sealed,
        "añb€c😀d".repeat(20_000),
    ] {
        let whole = Stamp::of(&text);
        assert_eq!(Stamp::of_source(&text), whole);
        for cut in [1, 2, 5, 36, 37, 38, 1000] {
            let mut s = Stamping::default();
            for piece in text.as_bytes().chunks(cut) {
                s.add(piece);
            }
            assert_eq!(s.stamp(), whole, "cut every {cut}");
        }
    }
}

/// The app's first load holds a repository without the plan's reader (#18: the reader is a
/// chunk of its own). With none stored it needs none; with a plan stored it says so, and
/// reading without it finds the store unavailable: nothing is taken as damaged, put aside
/// or saved over. Given the reader, it reads the plan as any repository does.
#[test]
fn without_its_reader_a_repository_reads_nothing_and_takes_nothing_as_damaged() {
    let store = MemoryStore::new();
    let first = Repository::awaiting_reader(store.share(), PlainCodec);
    assert!(!first.needs_reader(), "nothing stored: nothing to read");
    assert_eq!(first.load(), LoadOutcome::Empty);
    // (The writer is in the first load: a first visit saves without the reader.)
    let small = common::full_plan();
    first.save(&small, AT).expect("saves");
    let years = common::five_years_plan();
    for (plan, what) in [(&small, "read at once"), (&years, "read in turns")] {
        Repository::new(store.share())
            .save_over(plan, AT)
            .expect("saves");
        let stored = store.get(PLAN_KEY).expect("get");
        let keys = store.keys().expect("keys");
        let tab = Repository::awaiting_reader(store.share(), PlainCodec);
        assert!(tab.needs_reader(), "{what}");
        let mut opening = tab.open();
        let outcome = loop {
            match opening {
                Opening::Reading(r) => opening = tab.go_on(r, 500),
                Opening::Done(o) => break o,
            }
        };
        assert!(
            matches!(outcome, LoadOutcome::Unavailable(_)),
            "{what}: {outcome:?}"
        );
        assert_eq!(
            store.keys().expect("keys"),
            keys,
            "{what}: nothing put aside"
        );
        assert_eq!(store.get(PLAN_KEY).expect("get"), stored, "{what}");
        // Not read, so not saved over: another tab's plan is there.
        assert_eq!(tab.save(&small, AT), Err(SaveError::Conflict), "{what}");
        assert_eq!(store.get(PLAN_KEY).expect("get"), stored, "{what}");
        tab.give_reader(&schema::Reader);
        assert!(!tab.needs_reader(), "{what}");
        match tab.load() {
            LoadOutcome::Loaded(d) => assert_eq!(&d.plan, plan, "{what}"),
            o => panic!("{what}: {o:?}"),
        }
    }
}

/// A save over another copy keeps the revision counting up from the one stored (read
/// without the plan's reader), damaged or not.
#[test]
fn a_save_over_counts_on_from_the_stored_revision() {
    let store = MemoryStore::new();
    let other = Repository::new(store.share());
    for _ in 0..5 {
        other.save(&common::full_plan(), AT).expect("saves");
    }
    let tab = Repository::new(store.share());
    assert_eq!(
        tab.save_over(&common::full_plan(), AT).map(|s| s.revision),
        Ok(6)
    );
    // Another tab saves on to revision 10; then the plan is damaged, its JSON still whole
    // (a plan's rule broken): a new tab's save over it counts on from 10.
    for _ in 0..4 {
        Repository::new(store.share())
            .save_over(&common::full_plan(), AT)
            .expect("saves");
    }
    let damaged = store.get(PLAN_KEY).expect("get").expect("stored").replacen(
        "\"relapse\":{",
        "\"relapse\":\"x\",\"was\":{",
        1,
    );
    store.set(PLAN_KEY, &damaged).expect("set");
    assert!(matches!(
        Repository::new(store.share()).load(),
        LoadOutcome::Damaged(_)
    ));
    let fresh = Repository::awaiting_reader(store.share(), PlainCodec);
    assert_eq!(
        fresh
            .save_over(&common::full_plan(), AT)
            .map(|s| s.revision),
        Ok(11)
    );
    // Cut short in the plan: the revision before it is still read, and counted on from.
    let cut = store.get(PLAN_KEY).expect("get").expect("stored");
    let cut = &cut[..cut.find("\"relapse\"").expect("the plan")];
    store.set(PLAN_KEY, cut).expect("set");
    assert_eq!(schema::stored_revision(cut), Some(11));
    let fresh = Repository::new(store.share());
    assert_eq!(
        fresh
            .save_over(&common::full_plan(), AT)
            .map(|s| s.revision),
        Ok(12)
    );
    // A revision larger than a save could count to (only a damaged or made copy could say
    // it) is read as the largest, and the count goes on from there.
    let largest = store.get(PLAN_KEY).expect("get").expect("stored").replacen(
        "\"revision\":12,",
        &format!("\"revision\":{},", u64::MAX),
        1,
    );
    store.set(PLAN_KEY, &largest).expect("set");
    let tab = Repository::new(store.share());
    assert!(matches!(tab.load(), LoadOutcome::Loaded(_)));
    assert_eq!(tab.revision(), schema::MAX_REVISION);
    assert_eq!(
        tab.save(&common::full_plan(), AT).map(|s| s.revision),
        Ok(schema::MAX_REVISION + 1)
    );
    let over = store.get(PLAN_KEY).expect("get").expect("stored").replacen(
        &format!("\"revision\":{},", schema::MAX_REVISION + 1),
        &format!("\"revision\":{},", u64::MAX),
        1,
    );
    store.set(PLAN_KEY, &over).expect("set");
    assert_eq!(schema::stored_revision(&over), Some(schema::MAX_REVISION));
    let fresh = Repository::new(store.share());
    assert_eq!(
        fresh
            .save_over(&common::full_plan(), AT)
            .map(|s| s.revision),
        Ok(schema::MAX_REVISION + 1)
    );
    // A number cut short, or followed by what is not JSON, is not taken.
    assert_eq!(schema::stored_revision("{\"revision\":12"), None);
    assert_eq!(
        schema::stored_revision("{\"revision\":12x,\"data\":{}}"),
        None
    );
    assert_eq!(schema::stored_revision("{\"revision\":12}"), Some(12));
    assert_eq!(schema::stored_revision("not json"), None);
    assert_eq!(schema::stored_revision("[1,2]"), None);
    assert_eq!(schema::stored_revision("{\"revision\":\"7\"}"), None);
    assert_eq!(schema::stored_revision("{\"revision\":7.5}"), None);
    assert_eq!(schema::stored_revision("{\"revision\":-1}"), None);
    assert_eq!(
        schema::stored_revision("{\"revision\":3,\"revision\":4}"),
        Some(4)
    );
    assert_eq!(
        schema::stored_revision("{\"revision\":3,\"revision\":\"x\"}"),
        None
    );
    assert_eq!(
        schema::stored_revision("{\"rev\\u0069sion\":5,\"data\":{"),
        Some(5)
    );
}
