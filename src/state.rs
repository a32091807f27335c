//! The app's state: the plan in a signal, how it was opened, whether it is saved, and the
//! one clock every screen reads. A user action calls [`AppState::edit`]; that one place
//! saves, verifies and reports.

use crate::domain::lock;
use crate::domain::schema::{Decoded, PlanReader};
use crate::domain::Plan;
use crate::storage::browser::BrowserStore;
use crate::storage::{
    Damaged, KeyValueStore, LoadOutcome, LockCodec, Opening, Reading, Repository, SaveError,
    StoreError, ATTEMPTS_KEY, LOCK_SIGNAL_KEY, OPEN_CONTACTS_KEY, PLAN_KEY,
};
use crate::web::{self, Persistence};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// How far the app got opening the saved plan.
#[derive(Clone, Debug, PartialEq)]
pub enum Boot {
    Loading,
    Ready,
    /// The plan is locked: the lock screen asks for the passcode (crisis help stays open).
    Locked,
    /// The saved data could not be opened; it is kept and the recovery screen shows.
    Damaged(Damaged),
    /// The browser does not let the app use storage at all.
    Unavailable(String),
    /// The plan's reader (a chunk of the app) could not be fetched: the plan stays as it is
    /// stored, and the person can try again.
    NotLoaded,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Nothing saved in this session yet.
    Idle,
    /// Written and read back.
    Saved { micros: u64 },
    /// Not written; the last good copy is as it was and the changes are still on screen.
    Failed(String),
    /// Another tab saved too; the person chooses which version to keep.
    Conflict,
}

/// How a save treats what is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Write {
    /// Only over what this tab last read or wrote (else a conflict).
    Save,
    /// The person chose to replace what is stored (another tab's save, damaged data).
    Over,
    /// The person chose, on the lock screen, to replace a locked plan they cannot open.
    OverLock,
}

/// The one clock: today's date and the time in the device's zone, and the instant (UTC).
/// They move at each minute (so at local midnight), when the app comes back to the
/// foreground, and when the time zone changes. No screen captures a date when it mounts.
#[derive(Clone, Copy)]
pub struct Clock {
    pub today: RwSignal<NaiveDate>,
    /// Local time of day, to the minute.
    pub time: RwSignal<NaiveTime>,
    /// Now in UTC, to the minute (elapsed hours, calendar stamps).
    pub now_utc: RwSignal<NaiveDateTime>,
}

impl Clock {
    fn new() -> Self {
        Clock {
            today: RwSignal::new(web::today()),
            time: RwSignal::new(web::now_time()),
            now_utc: RwSignal::new(web::now_utc_minute()),
        }
    }

    /// Reads the device's clock and moves the signals that changed.
    pub fn tick(self) {
        set_if_changed(self.today, web::today());
        set_if_changed(self.time, web::now_time());
        set_if_changed(self.now_utc, web::now_utc_minute());
    }

    /// Ticks just after each minute turns, for as long as the app runs.
    pub fn run(self) {
        let wait = 60_050 - (js_sys::Date::now() as u64 % 60_000);
        set_timeout(
            move || {
                self.tick();
                self.run();
            },
            std::time::Duration::from_millis(wait),
        );
    }
}

fn set_if_changed<T: PartialEq + Send + Sync + 'static>(s: RwSignal<T>, v: T) {
    if s.with_untracked(|old| *old != v) {
        s.set(v);
    }
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub plan: RwSignal<Plan>,
    pub clock: Clock,
    pub boot: RwSignal<Boot>,
    pub save: RwSignal<SaveStatus>,
    pub persistence: RwSignal<Persistence>,
    asked_persistence: StoredValue<bool>,
    /// Text is being typed into a field and not yet committed (no `change` yet).
    typing: StoredValue<bool>,
    repo: StoredValue<Repository<BrowserStore, LockCodec>, LocalStorage>,
    /// The lock is on and the plan is open (the header's "Lock now").
    pub unlocked: RwSignal<bool>,
    /// When the app went to the background (for the auto-lock).
    hidden_at: StoredValue<Option<f64>>,
    /// The stored plan being read in turns at start-up, between two turns.
    reading: StoredValue<Option<Reading>, LocalStorage>,
    /// Changes not saved when the app locked, sealed, until the passcode opens them again.
    held: StoredValue<Option<Held>, LocalStorage>,
    /// Changes are held that the lock as it is now cannot open (another tab turned it off,
    /// or off and on again with a new passcode): a card asks for the passcode the lock had
    /// then (`components::held_changes`).
    pub held_orphaned: RwSignal<bool>,
}

/// A plan with changes that were not saved (a save failed, or another tab saved too) when
/// the app locked. Locking must not lose them, nor leave them readable: they are sealed
/// with the plan's own keys before the keys go, and kept in this page's memory only (never
/// stored: storage may be what is full; so closing or reloading the page loses them, as
/// the lock screen says). Once the plan is unlocked and open they go back on screen; if
/// what is stored cannot be opened, the recovery screen offers them instead.
struct Held {
    sealed: String,
    /// The stored revision they were made on: if another tab has saved since, the person
    /// chooses between the two versions, as in any conflict.
    revision: u64,
    conflict: bool,
}

impl Held {
    /// Unlocking with `passcode` gave `keys`. Held changes sealed under other keys (the lock
    /// turned off and on again in another tab, with the same passcode) are opened with the
    /// passcode, whose wrapping of their key they carry, and sealed again with `keys`.
    /// (Here, in the unlock's chunk, not where the plan is read: the key derivation stays
    /// out of the first load.)
    fn seal_again(&mut self, keys: &lock::Keys, passcode: &str) {
        if keys.open_with(&self.sealed).is_ok() {
            return;
        }
        if let Ok((_, text)) = lock::open(&self.sealed, passcode) {
            let text = zeroize::Zeroizing::new(text);
            if let Ok(sealed) =
                keys.seal(&text, lock::SealedKind::Locked, &mut crate::storage::random)
            {
                self.sealed = sealed;
            }
        }
    }
}

/// How many check-ins are read in one turn at start-up: about 20 ms at 4× CPU slowdown
/// (the budget report's longest start-up task is measured with ten years of them).
const CHECKINS_PER_TURN: usize = 1000;

/// Wrong passcodes in a row, and when the next try is allowed (ms since 1970).
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Attempts {
    pub wrong: u32,
    pub wait_until: f64,
}

/// How long to wait after the `wrong`-th wrong passcode in a row: nothing for the first
/// five, then 30 s, 1 min, 5 min, 15 min, then an hour each time.
pub fn wait_after(wrong: u32) -> u32 {
    match wrong {
        0..=4 => 0,
        5 => 30,
        6 => 60,
        7 => 300,
        8 => 900,
        _ => 3600,
    }
}

/// How long the start-up waits for the plan's reader before it says it could not come
/// (fetched from the service worker's cache, it takes well under a second).
const READER_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// How the plan's reader is fetched (see [`crate::domain::schema::PlanReader`]): a plan
/// stored on this device is read only once it has arrived; `None` if it could not be
/// fetched (said on screen, not a crash).
pub type ReaderFetch =
    fn() -> std::pin::Pin<Box<dyn std::future::Future<Output = Option<&'static dyn PlanReader>>>>;

thread_local! {
    static READER_FETCH: std::cell::Cell<Option<ReaderFetch>> = const { std::cell::Cell::new(None) };
}

/// Set by the app's binary (src/main.rs), where the reader's split point is: code in this
/// library, the lazy screens' too, reaches the chunk's loader only through it. (A library
/// that named the loader itself could not be loaded without wasm-split's loader script: the
/// storage adapter's browser tests, tests/web.rs, load this library alone.)
pub fn set_reader_fetch(fetch: ReaderFetch) {
    READER_FETCH.with(|f| f.set(Some(fetch)));
}

pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    pub fn new() -> Self {
        AppState {
            plan: RwSignal::new(Plan::default()),
            clock: Clock::new(),
            boot: RwSignal::new(Boot::Loading),
            save: RwSignal::new(SaveStatus::Idle),
            persistence: RwSignal::new(Persistence::Unknown),
            asked_persistence: StoredValue::new(false),
            typing: StoredValue::new(false),
            repo: StoredValue::new_local(Repository::awaiting_reader(
                BrowserStore::new(),
                LockCodec::default(),
            )),
            unlocked: RwSignal::new(false),
            hidden_at: StoredValue::new(None),
            reading: StoredValue::new_local(None),
            held: StoredValue::new_local(None),
            held_orphaned: RwSignal::new(false),
        }
    }

    /// Reads the stored plan at start-up, years of check-ins a thousand at a turn (so no
    /// turn holds the page long, #18); then shows it, and calls `then` (once, however the
    /// reading ends).
    pub fn open(self, then: impl FnOnce() + 'static) {
        spawn_local(async move { self.persistence.set(web::persisted().await) });
        self.open_with_reader(Box::new(then));
    }

    fn open_with_reader(self, then: Box<dyn FnOnce()>) {
        // Read already (another tab saved before this turn): that reading is the one shown.
        if self.boot.with_untracked(|b| *b != Boot::Loading) {
            return then();
        }
        if self.repo.with_value(|r| r.needs_reader()) {
            return self.with_reader(move |arrived| {
                if arrived {
                    self.open_with_reader(then);
                } else {
                    self.not_loaded();
                    then();
                }
            });
        }
        let opening = self.repo.with_value(|r| r.open());
        web::mark("sn-opening");
        self.read_on(opening, then);
    }

    /// Still opening, and the plan's reader could not be fetched: the person is told.
    fn not_loaded(self) {
        if self.boot.get_untracked() == Boot::Loading {
            self.set_boot(Boot::NotLoaded);
        }
    }

    /// Fetches the plan's reader, then goes on with whether it came: when it arrives, when
    /// its fetch fails, or, with a fetch that has not ended in READER_WAIT (a network that
    /// answers nothing), as not come, so the person is told rather than left waiting. A
    /// reader that comes after all, while the person is told the plan could not be opened,
    /// opens it.
    fn with_reader(self, then: impl FnOnce(bool) + 'static) {
        let then = std::rc::Rc::new(std::cell::Cell::new(Some(then)));
        let waited = then.clone();
        set_timeout(
            move || {
                if let Some(then) = waited.take() {
                    then(false);
                }
            },
            READER_WAIT,
        );
        spawn_local(async move {
            let arrived = self.fetch_reader().await;
            match then.take() {
                Some(then) => then(arrived),
                None if arrived && self.boot.get_untracked() == Boot::NotLoaded => self.reload(),
                None => {}
            }
        });
    }

    /// Begins to fetch the plan's reader, if a plan is stored (at start-up, so that it
    /// arrives while the first view is drawn; after a first visit's first save, so that it
    /// is here when another tab saves).
    pub fn fetch_reader_ahead(self) {
        if self.repo.with_value(|r| r.needs_reader()) {
            spawn_local(async move {
                self.fetch_reader().await;
            });
        }
    }

    /// Fetches the plan's reader (from the service worker's cache once it is installed) and
    /// gives it to the repository; false if it could not be fetched.
    async fn fetch_reader(self) -> bool {
        let fetch = READER_FETCH.with(std::cell::Cell::get);
        let reader = match fetch {
            Some(fetch) => fetch().await,
            None => {
                // (Set by main before the app starts: never so in the app.)
                web_sys::console::error_1(&"Safety Net: no way to fetch the plan's reader".into());
                None
            }
        };
        match reader {
            Some(reader) => {
                // (Given once: several may wait for it.)
                if self.repo.with_value(|r| r.reader().is_none()) {
                    self.repo.with_value(|r| r.give_reader(reader));
                    web::mark("sn-reader");
                }
                true
            }
            None => false,
        }
    }

    fn read_on(self, opening: Opening, then: Box<dyn FnOnce()>) {
        match opening {
            Opening::Done(outcome) => {
                self.show(outcome);
                then();
            }
            Opening::Reading(reading) => {
                self.reading.set_value(Some(reading));
                set_timeout(
                    move || {
                        // Dropped by a newer reading (another tab saved), or a plan is
                        // shown already (imported): that one stays.
                        let reading = self.reading.try_update_value(Option::take).flatten();
                        let Some(reading) =
                            reading.filter(|_| self.boot.with_untracked(|b| *b == Boot::Loading))
                        else {
                            return then();
                        };
                        // Turns come seldom to a tab in the background: the rest at once.
                        let hidden = document().hidden();
                        let n = if hidden {
                            usize::MAX
                        } else {
                            CHECKINS_PER_TURN
                        };
                        let mut opening = self.repo.with_value(|repo| repo.go_on(reading, n));
                        if hidden {
                            while let Opening::Reading(r) = opening {
                                opening = self.repo.with_value(|repo| repo.go_on(r, n));
                            }
                        }
                        web::mark("sn-read");
                        self.read_on(opening, then);
                    },
                    std::time::Duration::ZERO,
                );
            }
        }
    }

    /// Reads storage again and shows what is there; then, if the plan is open, changes held
    /// at a lock come back (after unlocking, or trying again on the recovery screen).
    pub fn reload(self) {
        // Without its reader (a first visit, before its first save): once it has arrived,
        // or not in READER_WAIT.
        // The plan may have been edited meanwhile, or a field typed into: it is then asked
        // again whether to read (as when another tab saves), so nothing on screen is lost.
        if self.repo.with_value(|r| r.needs_reader()) {
            return self.with_reader(move |arrived| {
                // (Or, not arrived, what is stored has since come to need no reader: it was
                // deleted, or locked, in another tab meanwhile.)
                let readable = arrived || !self.repo.with_value(|r| r.needs_reader());
                match self.boot.get_untracked() {
                    Boot::Ready if readable => self.stored_elsewhere(),
                    _ if readable => self.reload(),
                    // Not read, with changes here not yet saved (or a field being typed
                    // into): they stay on screen, and the person chooses between them and
                    // what is stored (as when another tab saves).
                    Boot::Ready if self.unsaved_here() => self.save.set(SaveStatus::Conflict),
                    // Not read, and everything here is saved: the person is told the plan
                    // could not be opened (not offered to keep this version over a newer
                    // one this tab cannot show); Try again reads it.
                    Boot::Ready => self.set_boot(Boot::NotLoaded),
                    _ => self.not_loaded(),
                }
            });
        }
        // A reading still in turns is dropped first (so two texts are not in memory at
        // once, and it never shows an older plan): this one is newer.
        self.reading.set_value(None);
        let outcome = self.repo.with_value(|r| r.load());
        self.show(outcome);
        self.bring_back_held();
    }

    /// The plan open, and the lock on: changes held at the lock come back.
    fn bring_back_held(self) {
        if self.boot.get_untracked() == Boot::Ready && self.lock_on() {
            if let Some(held) = self.held.try_update_value(Option::take).flatten() {
                self.take_back(held);
            }
        }
    }

    /// After the plan's reader could not be fetched: tries again, opening as at start-up
    /// (so a fetch that does not end is told of again after a while, not waited for).
    pub fn open_again(self) {
        self.set_boot(Boot::Loading);
        self.open_with_reader(Box::new(move || self.bring_back_held()));
    }

    /// Puts the plan away (locked, or deleted here or in another tab): the keys, the plan
    /// in memory and the ids read lately all go, and the plan is no longer unlocked.
    fn put_away(self) {
        self.repo.with_value(|r| r.codec().forget());
        self.plan.set(Plan::default());
        crate::domain::id::forget_recent();
        self.unlocked.set(false);
    }

    /// Shows what reading storage found.
    fn show(self, outcome: LoadOutcome) {
        match outcome {
            LoadOutcome::Empty => {
                // Deleted, perhaps in another tab: no lock is left to keep, and changes held
                // at a lock go with the plan they were made to.
                self.forget_held();
                self.put_away();
                self.set_boot(Boot::Ready);
            }
            LoadOutcome::Loaded(d) => {
                // Stored plain (the lock turned off in another tab): this tab drops the old
                // keys, so its next save does not lock the plan again with the old passcode.
                let plain = !self.repo.with_value(|r| r.base_is_sealed());
                if plain {
                    self.repo.with_value(|r| r.codec().forget());
                    self.unlocked.set(false);
                }
                // Changes held at the lock, and the lock is off now: the passcode it had is
                // asked for where the plan is, not on a lock screen.
                self.held_orphaned
                    .set(plain && self.held.with_value(Option::is_some));
                let Decoded { mut plan, .. } = *d;
                // A plan from before version 3 started "today" (saved with the next edit).
                plan.note_started(self.clock.today.get_untracked());
                self.plan.set(plan);
                self.set_boot(Boot::Ready);
            }
            LoadOutcome::Locked => {
                // Nothing personal stays on the page while it is locked. (Changes held are
                // offered on the lock screen again.)
                self.held_orphaned.set(false);
                self.put_away();
                self.set_boot(Boot::Locked);
            }
            LoadOutcome::Damaged(d) => self.set_boot(Boot::Damaged(d)),
            LoadOutcome::Unavailable(e) => self.set_boot(Boot::Unavailable(e.to_string())),
        }
    }

    /// Changes how far opening got, only if it changed (so open screens keep their state).
    fn set_boot(self, boot: Boot) {
        if self.boot.with_untracked(|b| *b != boot) {
            self.boot.set(boot);
        }
    }

    /// Changes the plan and saves it.
    pub fn edit(self, change: impl FnOnce(&mut Plan)) {
        if self.boot.get_untracked() != Boot::Ready {
            return;
        }
        let today = self.clock.today.get_untracked();
        self.plan.update(|p| {
            change(p);
            p.note_started(today);
        });
        self.persist(Write::Save);
    }

    /// A change that may be refused (a number out of range): the plan is changed, shown
    /// and saved only when `change` says yes; otherwise nothing moves and the reason comes
    /// back, for the screen to show beside the field.
    pub fn try_edit(
        self,
        change: impl FnOnce(&mut Plan) -> Result<(), String>,
    ) -> Result<(), String> {
        if self.boot.get_untracked() != Boot::Ready {
            return Ok(());
        }
        let mut result = Ok(());
        let today = self.clock.today.get_untracked();
        self.plan.maybe_update(|p| {
            result = change(p);
            if result.is_ok() {
                p.note_started(today);
            }
            result.is_ok()
        });
        if result.is_ok() {
            self.persist(Write::Save);
        }
        result
    }

    /// Today, as every screen should read it.
    pub fn today(self) -> NaiveDate {
        self.clock.today.get()
    }

    /// Replaces the whole plan (an imported backup) and saves it.
    pub fn replace(self, plan: Plan) {
        self.plan.set(plan);
        self.set_boot(Boot::Ready);
        self.persist(Write::Over);
    }

    /// A backup imported in place of the plan. On the lock screen (a forgotten passcode)
    /// this replaces the locked plan: a locked backup keeps it locked, with the backup's
    /// passcode; a plain one leaves the lock off. With the plan open, the lock stays as it is.
    pub fn restore(self, plan: Plan, backup_keys: Option<lock::Keys>) {
        if self.boot.get_untracked() == Boot::Locked {
            // The backup takes the locked plan's place, and that of changes held with it.
            self.forget_held();
            self.repo.with_value(|r| r.codec().set(backup_keys));
            self.set_attempts(Attempts::default());
            self.plan.set(plan);
            self.set_boot(Boot::Ready);
            self.persist(Write::OverLock);
        } else {
            self.replace(plan);
        }
        self.unlocked.set(self.lock_on());
    }

    /// Saves the plan in memory.
    fn persist(self, write: Write) {
        // A choice between this version and another is pending: nothing is written over
        // either until the person makes it. (An edit meanwhile stays on screen, in this
        // version; with changes brought back from a lock, what is stored may be the newest
        // this tab has read, and a save would not see the conflict by itself.)
        if matches!(write, Write::Save) && self.save.get_untracked() == SaveStatus::Conflict {
            return;
        }
        let started = web::now_ms();
        let at = web::now_iso();
        let result = self.repo.with_value(|r| {
            self.plan.with_untracked(|p| match write {
                Write::Save => r.save(p, &at),
                Write::Over => r.save_over(p, &at),
                Write::OverLock => r.replace_locked(p, &at),
            })
        });
        let micros = ((web::now_ms() - started) * 1000.0) as u64;
        match result {
            Ok(_) => {
                self.save.set(SaveStatus::Saved { micros });
                self.keep_open_contacts();
                self.maybe_request_persistence();
                self.fetch_reader_ahead();
            }
            Err(SaveError::Conflict) => self.save.set(SaveStatus::Conflict),
            Err(SaveError::Store(StoreError::QuotaExceeded)) => self
                .save
                .set(SaveStatus::Failed(tr!(settings.save.full).into())),
            Err(e) => self.save.set(SaveStatus::Failed(tr!(
                settings.save.not_saved_yet,
                error = e
            ))),
        }
    }

    /// Tries the failed save again.
    pub fn retry(self) {
        self.persist(Write::Save);
    }

    /// Conflict: keep what this tab shows, replacing the other tab's save.
    pub fn keep_this_version(self) {
        self.persist(Write::Over);
    }

    /// Conflict: show what the other tab saved (this tab's unsaved change is dropped, by choice).
    pub fn take_other_version(self) {
        self.save.set(SaveStatus::Idle);
        self.reload();
    }

    /// Whether a field is being typed into (set by the app's input and change listeners).
    pub fn set_typing(self, typing: bool) {
        self.typing.set_value(typing);
    }

    /// Another tab wrote the plan. Pick it up, unless this tab has changes not yet saved,
    /// or text is being typed here: then the field keeps it and the person chooses.
    pub fn stored_elsewhere(self) {
        if self.unsaved_here() {
            self.save.set(SaveStatus::Conflict);
        } else {
            // (Still opening: the reading in turns is left for this newer one.)
            self.reload();
        }
    }

    /// Whether this tab has changes not yet saved, or text is being typed here.
    fn unsaved_here(self) -> bool {
        matches!(
            self.save.get_untracked(),
            SaveStatus::Failed(_) | SaveStatus::Conflict
        ) || self.typing.get_value()
    }

    /// From the recovery screen: start an empty plan. The damaged data stays quarantined.
    pub fn start_over(self) {
        self.plan.set(Plan::default());
        self.set_boot(Boot::Ready);
        self.persist(Write::Over);
    }

    /// Deletes everything the app keeps on this device.
    pub fn delete_everything(self) -> Result<(), String> {
        self.repo
            .with_value(|r| r.delete_all())
            .map_err(|e| e.to_string())?;
        // Nothing is left to lock: the keys go too (and changes held at a lock), and a new
        // plan starts unlocked.
        self.forget_held();
        self.put_away();
        self.save.set(SaveStatus::Idle);
        self.set_boot(Boot::Ready);
        Ok(())
    }

    pub fn quarantined(self) -> Vec<crate::storage::QuarantinedCopy> {
        self.repo
            .with_value(|r| r.quarantined())
            .unwrap_or_default()
    }

    pub fn remove_quarantined(self, key: &str) -> Result<(), String> {
        self.repo
            .with_value(|r| r.remove_quarantined(key))
            .map_err(|e| e.to_string())
    }

    /// After the first save with something in it, ask the browser to keep the data safe
    /// from automatic deletion (once per session).
    fn maybe_request_persistence(self) {
        if self.asked_persistence.get_value()
            || self.persistence.get_untracked() == Persistence::Granted
            || self.plan.with_untracked(Plan::is_empty)
        {
            return;
        }
        self.asked_persistence.set_value(true);
        spawn_local(async move {
            self.persistence.set(web::request_persistence().await);
        });
    }
}

/// The lock.
impl AppState {
    /// Whether the lock is on (the plan is stored sealed and open here).
    pub fn lock_on(self) -> bool {
        self.repo.with_value(|r| r.codec().is_on())
    }

    /// The stored plan as it is, for the lock's keys. A peek: the repository's own record
    /// of what it last read stays as it was, so a save by another tab since is still seen
    /// as a conflict.
    fn stored_raw(self) -> Option<String> {
        self.repo
            .with_value(|r| r.store().peek(PLAN_KEY))
            .ok()
            .flatten()
    }

    /// Wrong passcodes so far (kept in storage: nothing personal).
    pub fn attempts(self) -> Attempts {
        self.repo
            .with_value(|r| r.store().get(ATTEMPTS_KEY))
            .ok()
            .flatten()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
    }

    fn set_attempts(self, a: Attempts) {
        self.repo.with_value(|r| {
            let _ = match a.wrong {
                0 => r.store().remove(ATTEMPTS_KEY),
                _ => match serde_json::to_string(&a) {
                    Ok(t) => r.store().set(ATTEMPTS_KEY, &t),
                    Err(_) => Ok(()),
                },
            };
        });
    }

    /// Opens the locked plan with the passcode. A wrong one changes nothing but the count
    /// of wrong tries.
    pub fn unlock(self, passcode: &str) -> Result<(), String> {
        let now = js_sys::Date::now();
        let tries = self.attempts();
        if tries.wait_until > now {
            return Err(wait_message(tries.wait_until - now));
        }
        let raw = self.stored_raw().ok_or(tr!(settings.lock.none))?;
        // Only the key is unwrapped here; the plan is decrypted once, as it is read (a
        // damaged plan then goes to the recovery screen, kept aside, like any other).
        match lock::unwrap(&raw, passcode) {
            Ok(keys) => {
                self.set_attempts(Attempts::default());
                self.held.update_value(|h| {
                    if let Some(h) = h {
                        h.seal_again(&keys, passcode);
                    }
                });
                self.repo.with_value(|r| r.codec().set(Some(keys)));
                self.unlocked.set(self.lock_on());
                if self.repo.with_value(|r| r.needs_reader()) {
                    // Locked before the plan's reader came (a first visit's plan): opened
                    // as at start-up, so a reader that cannot come is told of, not a lock
                    // screen that does nothing after the right passcode.
                    self.open_again();
                } else {
                    self.reload();
                }
                Ok(())
            }
            Err(lock::LockError::WrongPasscode) => Err(self.wrong_try(tries, now)),
            Err(e) => Err(e.to_string()),
        }
    }

    /// A wrong passcode: counted (after five in a row each next try waits longer), and what
    /// to say.
    fn wrong_try(self, tries: Attempts, now: f64) -> String {
        let wrong = tries.wrong.saturating_add(1);
        let wait = f64::from(wait_after(wrong)) * 1000.0;
        self.set_attempts(Attempts {
            wrong,
            wait_until: if wait > 0.0 { now + wait } else { 0.0 },
        });
        if wait > 0.0 {
            tr!(settings.lock.wrong_wait, wait = wait_message(wait))
        } else {
            tr!(settings.lock.wrong).into()
        }
    }

    /// Changes held at a lock that has changed since (see `held_orphaned`): the passcode the
    /// lock had then opens them (they carry its wrapping of the key they are sealed with), and they go
    /// back on screen for the person to choose between them and the plan stored now, as in
    /// any conflict. Wrong passcodes count, and wait, as on the lock screen. (Called only
    /// from the card's chunk, so the key derivation stays out of the first load.)
    pub fn open_held_with(self, passcode: &str) -> Result<(), String> {
        let now = js_sys::Date::now();
        let tries = self.attempts();
        if tries.wait_until > now {
            return Err(wait_message(tries.wait_until - now));
        }
        let Some(sealed) = self
            .held
            .with_value(|h| h.as_ref().map(|h| h.sealed.clone()))
        else {
            self.held_orphaned.set(false);
            return Ok(());
        };
        match lock::open(&sealed, passcode) {
            Ok((_, text)) => {
                let text = zeroize::Zeroizing::new(text);
                // (Changes are held only once a plan was read or saved here, which fetches
                // the reader; if it has not come, the changes stay held and this says so.)
                let reader = self
                    .repo
                    .with_value(|r| r.reader())
                    .ok_or_else(|| tr!(settings.errors.reader_missing).to_string())?;
                let plan = reader.decode(&text).map_err(|e| e.to_string())?.plan;
                self.set_attempts(Attempts::default());
                self.forget_held();
                self.plan.set(plan);
                self.save.set(SaveStatus::Conflict);
                Ok(())
            }
            Err(lock::LockError::WrongPasscode) => Err(self.wrong_try(tries, now)),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Lets changes held at a lock go (the person chose to, or the plan they were made to
    /// is gone).
    pub fn forget_held(self) {
        self.held.set_value(None);
        self.held_orphaned.set(false);
    }

    /// Locks now: the keys and the plan leave the page (changes not yet saved stay in it
    /// only sealed, see [`Held`]). `tell_others`: lock every other
    /// tab too (their `storage` event).
    pub fn lock_now(self, tell_others: bool) {
        if !self.lock_on() {
            return;
        }
        web::end_editing();
        let held = self.hold_unsaved();
        self.put_away();
        // Changes held from an earlier lock (their card still open) stay, unless there are
        // newer ones to hold.
        if held.is_some() {
            self.held.set_value(held);
        }
        self.save.set(SaveStatus::Idle);
        self.set_boot(Boot::Locked);
        if tell_others {
            let _ = self
                .repo
                .with_value(|r| r.store().set(LOCK_SIGNAL_KEY, &web::now_iso()));
        }
    }

    /// The plan on screen, sealed, if it has changes not saved (else `None`).
    fn hold_unsaved(self) -> Option<Held> {
        let conflict = match self.save.get_untracked() {
            SaveStatus::Failed(_) => false,
            SaveStatus::Conflict => true,
            SaveStatus::Idle | SaveStatus::Saved { .. } => return None,
        };
        if !self.lock_on() {
            return None;
        }
        let revision = self.repo.with_value(|r| r.revision());
        let text = zeroize::Zeroizing::new(
            self.plan
                .with_untracked(|p| {
                    crate::domain::schema::encode_stored(p, revision, &web::now_iso())
                })
                .ok()?,
        );
        let sealed = self.repo.with_value(|r| r.codec().seal(&text))?.ok()?;
        Some(Held {
            sealed,
            revision,
            conflict,
        })
    }

    /// Whether changes not saved are held until the plan is unlocked (the lock screen says so).
    pub fn holds_unsaved(self) -> bool {
        self.held.with_value(Option::is_some)
    }

    /// The plan of changes held at a lock, opened with the keys held (the passcode may have
    /// changed in another tab since: the data key is the same; other keys, see
    /// [`Held::seal_again`]).
    fn open_held(self, held: &Held) -> Option<Plan> {
        let text = self.decrypt_held(held)?;
        // (Held changes come back only after a reading, which has the reader.)
        let reader = self.repo.with_value(|r| r.reader())?;
        reader.decode(&text).ok().map(|d| d.plan)
    }

    /// The text of changes held at a lock, decrypted with the keys held (`None` if they
    /// cannot open it).
    fn decrypt_held(self, held: &Held) -> Option<zeroize::Zeroizing<String>> {
        self.repo
            .with_value(|r| r.codec().open(&held.sealed))?
            .map(zeroize::Zeroizing::new)
            .ok()
    }

    /// The plan is unlocked and open: the changes held at the lock go back on screen and
    /// are saved now, or, if another tab saved since (or had already), the person chooses
    /// which to keep.
    fn take_back(self, held: Held) {
        let Some(plan) = self.open_held(&held) else {
            // Sealed with keys since replaced under another passcode (the lock turned off and
            // on again in another tab): the card asks for the passcode the lock had then.
            self.held.set_value(Some(held));
            self.held_orphaned.set(true);
            return;
        };
        self.plan.set(plan);
        let moved = self.repo.with_value(|r| r.revision()) != held.revision;
        if held.conflict || moved {
            self.save.set(SaveStatus::Conflict);
        } else {
            self.persist(Write::Save);
        }
    }

    /// Whether the changes held at a lock cannot be opened with the keys the lock has now:
    /// another tab has changed the lock since (turned it off, or gave it a new passcode).
    /// Then they wait, held, for the passcode it had, asked for on the card once the plan
    /// is open. (Only whether they decrypt is tried: the plan in them is not read.)
    pub fn held_needs_earlier_passcode(self) -> bool {
        let opens = self
            .held
            .with_value(|h| h.as_ref().map(|h| self.decrypt_held(h).is_some()));
        let sealed_before = opens == Some(false);
        if sealed_before {
            self.held_orphaned.set(true);
        }
        sealed_before
    }

    /// On the recovery screen, after unlocking: carry on with the changes held at the lock,
    /// saved in place of the stored data that could not be opened (kept aside when it was
    /// read).
    ///
    /// Sealed under a passcode the lock had before this one (another tab turned it off and
    /// on again), they cannot be opened with these keys: they stay held, the person is told
    /// why, and once the plan is open again the card asks for that earlier passcode.
    pub fn use_held(self) -> Result<(), String> {
        let Some(held) = self.held.try_update_value(Option::take).flatten() else {
            return Ok(());
        };
        let Some(plan) = self.open_held(&held) else {
            self.held.set_value(Some(held));
            self.held_orphaned.set(true);
            return Err(tr!(settings.damaged.held_other_passcode).into());
        };
        self.plan.set(plan);
        self.set_boot(Boot::Ready);
        self.persist(Write::Over);
        Ok(())
    }

    /// Turns the lock on: new keys for `passcode`, and the plan saved sealed.
    pub fn turn_lock_on(self, passcode: &str) -> Result<(), String> {
        lock::check_passcode(passcode)?;
        let keys = lock::Keys::create(passcode, lock::KDF, &mut crate::storage::random)
            .map_err(|e| e.to_string())?;
        self.change_lock(Some(keys), true)
    }

    /// The stored locked plan's keys, if `passcode` is its passcode (the plan itself is not
    /// decrypted: checking a passcode needs only the key).
    fn keys_for(self, passcode: &str) -> Result<lock::Keys, String> {
        let raw = self.stored_raw().ok_or(tr!(settings.lock.none))?;
        lock::unwrap(&raw, passcode).map_err(|e| e.to_string())
    }

    /// Turns the lock off after the passcode is given: the plan is saved plain again.
    pub fn turn_lock_off(self, passcode: &str) -> Result<(), String> {
        self.keys_for(passcode)?;
        self.change_lock(None, false)
    }

    /// A new passcode: the data key is wrapped again (the plan is not re-encrypted).
    pub fn change_passcode(self, old: &str, new: &str) -> Result<(), String> {
        lock::check_passcode(new)?;
        let keys = self
            .keys_for(old)?
            .rewrap(new, &mut crate::storage::random)
            .map_err(|e| e.to_string())?;
        self.change_lock(Some(keys), true)
    }

    /// Saves the plan with new keys (or none). Only a verified save changes the lock: on a
    /// conflict with another tab, a full storage or any failure, the keys, the stored copy
    /// and what the screen says stay as they were.
    fn change_lock(self, keys: Option<lock::Keys>, on: bool) -> Result<(), String> {
        let status_before = self.save.get_untracked();
        let keys_before = self.repo.with_value(|r| r.codec().set(keys));
        self.persist(Write::Save);
        let why = match self.save.get_untracked() {
            SaveStatus::Saved { .. } => {
                self.unlocked.set(on);
                return Ok(());
            }
            SaveStatus::Failed(why) => why,
            SaveStatus::Conflict => tr!(settings.save.conflict_first).into(),
            _ => tr!(settings.save.could_not).into(),
        };
        self.repo.with_value(|r| r.codec().swap(keys_before));
        self.save.set(status_before);
        Err(tr!(settings.save.nothing_changed, why = why))
    }

    /// How many times this phone has saved the plan (the backup reminder counts changes).
    pub fn changes(self) -> u64 {
        self.repo.with_value(|r| r.revision())
    }

    /// When the plan was last saved (UTC), to compare a backup's age with.
    pub fn last_saved(self) -> Option<chrono::NaiveDateTime> {
        self.repo
            .with_value(|r| r.saved_at())
            .and_then(|s| crate::domain::datefmt::parse_datetime(s.get(..19)?))
    }

    /// The record of a backup being made now: when, and what the plan holds.
    pub fn backup_record(self) -> crate::domain::safekeeping::LastBackup {
        crate::domain::safekeeping::LastBackup {
            at: web::now_utc(),
            on: self.clock.today.get_untracked(),
            // The save that keeps this record is the next change.
            changes: self.changes().saturating_add(1),
            held: self
                .plan
                .with_untracked(crate::domain::safekeeping::Held::of),
        }
    }

    /// The backup file's text for `record`: the plan as it is, carrying its own record (so
    /// the file says when it was made). The plan on the phone is not changed here.
    pub fn backup_text(
        self,
        record: &crate::domain::safekeeping::LastBackup,
    ) -> Result<String, String> {
        self.plan.with_untracked(|p| {
            let mut copy = p.clone();
            copy.settings.last_backup = Some(record.clone());
            copy.settings.backup_quiet_until = None;
            crate::domain::backup::export(&copy).map_err(|e| e.to_string())
        })
    }

    /// The backup left the app (downloaded, or handed to the share sheet): remembered.
    pub fn keep_backup_record(self, record: crate::domain::safekeeping::LastBackup) {
        self.edit(|p| {
            p.settings.last_backup = Some(record);
            p.settings.backup_quiet_until = None;
        });
    }

    /// An encrypted backup: the passcode checked against the plan's, then the data key
    /// wrapped with a salt of its own.
    pub fn sealed_backup(
        self,
        passcode: &str,
        record: &crate::domain::safekeeping::LastBackup,
    ) -> Result<String, String> {
        let keys = self
            .keys_for(passcode)?
            .rewrap(passcode, &mut crate::storage::random)
            .map_err(|e| e.to_string())?;
        let text = self.backup_text(record)?;
        keys.seal(
            &text,
            lock::SealedKind::LockedBackup,
            &mut crate::storage::random,
        )
        .map_err(|e| e.to_string())
    }

    /// With the lock on and the person's choice: their crisis contacts, readable while
    /// locked. Otherwise nothing of them outside the sealed plan.
    fn keep_open_contacts(self) {
        let open = self.lock_on() && self.plan.with_untracked(|p| p.settings.open_contacts);
        let contacts = self.plan.with_untracked(|p| {
            serde_json::to_string(&crate::domain::contacts::crisis_contacts(p))
        });
        self.repo.with_value(|r| {
            let _ = match (open, contacts) {
                (true, Ok(text)) => r.store().set(OPEN_CONTACTS_KEY, &text),
                _ => r.store().remove(OPEN_CONTACTS_KEY),
            };
        });
    }

    /// The crisis contacts kept readable while locked (when the person chose it).
    pub fn open_contacts(self) -> Vec<crate::domain::contacts::CrisisContact> {
        self.repo
            .with_value(|r| r.store().get(OPEN_CONTACTS_KEY))
            .ok()
            .flatten()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// The app went to the background.
    pub fn note_hidden(self) {
        self.hidden_at.set_value(Some(js_sys::Date::now()));
    }

    /// Back in the foreground: lock if it was away longer than the person chose.
    pub fn maybe_auto_lock(self) {
        let Some(at) = self.hidden_at.get_value() else {
            return;
        };
        self.hidden_at.set_value(None);
        let minutes = self
            .plan
            .with_untracked(|p| p.settings.lock_after_minutes.max(1));
        if js_sys::Date::now() - at >= f64::from(minutes) * 60_000.0 {
            self.lock_now(true);
        }
    }
}

/// "Wait 30 seconds before trying again."
fn wait_message(ms: f64) -> String {
    let s = (ms / 1000.0).ceil().max(1.0) as u64;
    if s < 60 {
        let time =
            crate::domain::words::count(s, tr!(settings.lock.second), tr!(settings.lock.seconds));
        tr!(settings.lock.wait, time = time)
    } else {
        let time = crate::domain::words::count(
            s.div_ceil(60),
            tr!(settings.lock.minute),
            tr!(settings.lock.minutes),
        );
        tr!(settings.lock.wait, time = time)
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}
