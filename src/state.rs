//! The app's state: the plan in a signal, how it was opened, and whether it is saved.
//! A user action calls [`AppState::edit`]; that one place saves, verifies and reports.

use crate::domain::schema::Decoded;
use crate::domain::Plan;
use crate::storage::browser::BrowserStore;
use crate::storage::{Damaged, LoadOutcome, Repository, SaveError, StoreError};
use crate::web::{self, Persistence};
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

#[derive(Clone, Copy)]
pub struct AppState {
    pub plan: RwSignal<Plan>,
    pub boot: RwSignal<Boot>,
    pub save: RwSignal<SaveStatus>,
    pub persistence: RwSignal<Persistence>,
    asked_persistence: StoredValue<bool>,
    repo: StoredValue<Repository<BrowserStore>, LocalStorage>,
}

pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    pub fn new() -> Self {
        AppState {
            plan: RwSignal::new(Plan::default()),
            boot: RwSignal::new(Boot::Loading),
            save: RwSignal::new(SaveStatus::Idle),
            persistence: RwSignal::new(Persistence::Unknown),
            asked_persistence: StoredValue::new(false),
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
                let Decoded { plan, .. } = *d;
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
        self.plan.update(change);
        self.persist(false);
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

    /// Another tab wrote the plan. Pick it up, unless this tab has changes not yet saved.
    pub fn stored_elsewhere(self) {
        match self.save.get_untracked() {
            SaveStatus::Failed(_) | SaveStatus::Conflict => self.save.set(SaveStatus::Conflict),
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
