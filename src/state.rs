//! The app's state: the plan in a signal, how it was opened, whether it is saved, and the
//! one clock every screen reads. A user action calls [`AppState::edit`]; that one place
//! saves, verifies and reports.

use crate::domain::schema::Decoded;
use crate::domain::Plan;
use crate::storage::browser::BrowserStore;
use crate::storage::{Damaged, LoadOutcome, Repository, SaveError, StoreError};
use crate::web::{self, Persistence};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// How far the app got opening the saved plan.
#[derive(Clone, Debug, PartialEq)]
pub enum Boot {
    Loading,
    Ready,
    /// The saved data could not be opened; it is kept and the recovery screen shows.
    Damaged(Damaged),
    /// The browser does not let the app use storage at all.
    Unavailable(String),
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
    repo: StoredValue<Repository<BrowserStore>, LocalStorage>,
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
            repo: StoredValue::new_local(Repository::new(BrowserStore::new())),
        }
    }

    /// Opens the saved plan. Async so that a codec that must await (decryption) fits.
    pub fn open(self) {
        spawn_local(async move {
            self.reload();
            self.persistence.set(web::persisted().await);
        });
    }

    /// Reads storage again and shows what is there.
    pub fn reload(self) {
        let outcome = self.repo.with_value(|r| r.load());
        match outcome {
            LoadOutcome::Empty => {
                self.plan.set(Plan::default());
                self.set_boot(Boot::Ready);
            }
            LoadOutcome::Loaded(d) => {
                let Decoded { mut plan, .. } = *d;
                // A plan from before version 3 started "today" (saved with the next edit).
                plan.note_started(self.clock.today.get_untracked());
                self.plan.set(plan);
                self.set_boot(Boot::Ready);
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
        self.persist(false);
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
            self.persist(false);
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
        self.persist(true);
    }

    /// Saves the plan in memory. `over`: the person chose to replace what is stored.
    fn persist(self, over: bool) {
        let started = web::now_ms();
        let at = web::now_iso();
        let result = self.repo.with_value(|r| {
            self.plan.with_untracked(|p| {
                if over {
                    r.save_over(p, &at)
                } else {
                    r.save(p, &at)
                }
            })
        });
        let micros = ((web::now_ms() - started) * 1000.0) as u64;
        match result {
            Ok(_) => {
                self.save.set(SaveStatus::Saved { micros });
                self.maybe_request_persistence();
            }
            Err(SaveError::Conflict) => self.save.set(SaveStatus::Conflict),
            Err(SaveError::Store(StoreError::QuotaExceeded)) => self.save.set(SaveStatus::Failed(
                "This device's storage for Safety Net is full, so your latest changes are not saved yet.".into(),
            )),
            Err(e) => self.save.set(SaveStatus::Failed(format!("Your latest changes are not saved yet: {e}."))),
        }
    }

    /// Tries the failed save again.
    pub fn retry(self) {
        self.persist(false);
    }

    /// Conflict: keep what this tab shows, replacing the other tab's save.
    pub fn keep_this_version(self) {
        self.persist(true);
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
        match self.save.get_untracked() {
            SaveStatus::Failed(_) | SaveStatus::Conflict => self.save.set(SaveStatus::Conflict),
            _ if self.typing.get_value() => self.save.set(SaveStatus::Conflict),
            _ => {
                if matches!(self.boot.get_untracked(), Boot::Ready | Boot::Damaged(_)) {
                    self.reload();
                }
            }
        }
    }

    /// From the recovery screen: start an empty plan. The damaged data stays quarantined.
    pub fn start_over(self) {
        self.plan.set(Plan::default());
        self.set_boot(Boot::Ready);
        self.persist(true);
    }

    /// Deletes everything the app keeps on this device.
    pub fn delete_everything(self) -> Result<(), String> {
        self.repo
            .with_value(|r| r.delete_all())
            .map_err(|e| e.to_string())?;
        self.plan.set(Plan::default());
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

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}
