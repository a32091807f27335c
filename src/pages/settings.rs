//! Settings: backup, storage, and deleting everything.

use crate::components::import_backup::ImportBackup;
use crate::components::record_list::fields;
use crate::components::tables::REVIEW_EVERY;
use crate::domain::bytes::size_words;
use crate::domain::Id;
use crate::state::use_app_state;
use crate::web::Persistence;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn SettingsPage() -> impl IntoView {
    crate::web::set_title("Settings");
    let state = use_app_state();
    let export_msg = RwSignal::new(None::<Result<&'static str, String>>);
    let export = move |_| {
        spawn_local(async move {
            let r = crate::components::save_backup(state).await;
            export_msg.set(Some(r.map(|s| s.words())));
        })
    };
    // With the lock on, a backup is locked too: its own salt, the same passcode.
    // (`unlocked` is true while the lock is on and the plan open, as it is here.)
    let backup_code = RwSignal::new(String::new());
    let plain_asked = RwSignal::new(false);
    let export_locked = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let code = backup_code.get_untracked();
        backup_code.set(String::new());
        export_msg.set(None);
        spawn_local(async move {
            let record = state.backup_record();
            let r = match state.sealed_backup(&code, &record) {
                Ok(text) => {
                    crate::components::hand_over(
                        &crate::domain::backup::locked_file_name(state.today()),
                        &text,
                    )
                    .await
                }
                Err(e) => Err(e),
            };
            if matches!(r, Ok(s) if s != crate::components::BackupSaved::NotSent) {
                state.keep_backup_record(record);
            }
            export_msg.set(Some(r.map(|s| s.words())));
        });
    };
    let estimate = RwSignal::new(None::<(u64, u64)>);
    spawn_local(async move { estimate.set(crate::web::storage_estimate().await) });

    view! {
        <h1>"Settings"</h1>
        <crate::components::safekeeping::SafariNotice/>
        <crate::components::language_choice::LanguageChoice/>
        <section class="card" aria-labelledby="backup">
            <h2 id="backup">"Backup"</h2>
            <p>"Your plan lives only on this device. A backup file keeps a copy you control: save it somewhere safe, or use it to move to a new phone."</p>
            <p class="last-backup" data-testid="last-backup">{move || {
                let today = state.today();
                let changes = state.changes();
                state.plan.with(|p| crate::domain::safekeeping::last_backup_words(p, today, changes))
            }}</p>
            {move || if state.unlocked.get() {
                view! {
                    <form on:submit=export_locked>
                        <p>"The lock is on, so the backup is locked with your passcode too."</p>
                        <label for="backup-passcode">"Passcode, to lock the backup"</label>
                        <input id="backup-passcode" type="password" autocomplete="current-password"
                            prop:value=backup_code on:input=move |ev| backup_code.set(event_target_value(&ev))/>
                        <p><button type="submit" class="primary">"Export a locked backup"</button></p>
                    </form>
                    <Show when=move || plain_asked.get() fallback=move || view! {
                        <p><button type="button" class="link" on:click=move |_| plain_asked.set(true)>"Export without the lock…"</button></p>
                    }>
                        <div class="card warn" role="alertdialog" aria-labelledby="plain-title">
                            <h3 id="plain-title">"Export your plan unencrypted?"</h3>
                            <p>"Anyone who opens this file can read your whole plan."</p>
                            <div class="row">
                                <button type="button" on:click=move |ev| { plain_asked.set(false); export(ev) }>"Yes, export it unencrypted"</button>
                                <button type="button" on:click=move |_| plain_asked.set(false)>"Cancel"</button>
                            </div>
                        </div>
                    </Show>
                }.into_any()
            } else {
                view! {
                    <div class="row">
                        <button type="button" class="primary" on:click=export>"Export a backup"</button>
                    </div>
                }.into_any()
            }}
            {move || export_msg.get().map(|r| match r {
                Ok(said) => view! { <p class="ok" role="status">{said}</p> }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{format!("The backup could not be made: {e}")}</p> }.into_any(),
            })}
            <ImportBackup/>
            <crate::components::safekeeping::ReminderChoice/>
            <crate::components::safekeeping::NewPhoneGuide/>
        </section>
        <crate::components::lock_settings::LockSettings/>
        <section class="card">
            <h2>"Reviewing your plan"</h2>
            <p class="hint">"How often \"Review your plan\" comes due on Today."</p>
            {fields(state, &REVIEW_EVERY, Id::empty())}
        </section>
        <StorageStatus estimate=estimate/>
        <QuarantinedCopies/>
        <crate::components::delete_everything::DeleteEverything/>
        <section class="card quiet">
            <h2>"About"</h2>
            <p>{format!("Safety Net {}. No account, no tracking, nothing sent anywhere: what you write stays on this device unless you export or share it.", env!("CARGO_PKG_VERSION"))}</p>
        </section>
    }
}

#[component]
fn StorageStatus(estimate: RwSignal<Option<(u64, u64)>>) -> impl IntoView {
    let state = use_app_state();
    let ask = move |_| {
        spawn_local(async move {
            state
                .persistence
                .set(crate::web::request_persistence().await);
        })
    };
    view! {
        <section class="card" aria-labelledby="storage">
            <h2 id="storage">"Storage on this device"</h2>
            <p data-testid="persistence">{move || match state.persistence.get() {
                Persistence::Granted => "Protected: the browser will not clear your plan to free up space.",
                Persistence::NotGranted => "Not protected yet: if the device runs very low on space, the browser could clear site data. Keep a backup, or add Safety Net to your home screen.",
                Persistence::Unsupported => "This browser doesn't say whether it protects your plan from being cleared. Keep a backup.",
                Persistence::Unknown => "Checking…",
            }}</p>
            <Show when=move || state.persistence.get() == Persistence::NotGranted>
                <button type="button" on:click=ask>"Ask the browser to protect my plan"</button>
            </Show>
            {move || estimate.get().map(|(used, quota)| view! {
                <p class="small">{format!("Using {} of {} available.", size_words(used), size_words(quota))}</p>
            })}
        </section>
    }
}

#[component]
fn QuarantinedCopies() -> impl IntoView {
    let state = use_app_state();
    let copies = RwSignal::new(state.quarantined());
    let message = RwSignal::new(None::<String>);
    let download = move |c: &crate::storage::QuarantinedCopy| {
        message.set(
            crate::web::download_text("safety-net-kept-copy.json", "application/json", &c.raw)
                .err(),
        )
    };
    let delete = move |key: &str| {
        let r = state.remove_quarantined(key);
        copies.set(state.quarantined());
        message.set(r.err());
    };
    view! {
        <Show when=move || copies.with(|c| !c.is_empty())>
            <section class="card" aria-labelledby="damaged">
                <h2 id="damaged">"Saved data that could not be opened"</h2>
                <p>"Safety Net kept these copies exactly as they were. Download one to look at it or to import it after it has been repaired."</p>
                <ul class="entries">
                    {move || copies.get().into_iter().map(|c| {
                        let size = size_words(c.raw.len() as u64);
                        let key = c.key.clone();
                        view! {
                            <li class="entry">
                                <span>{if crate::domain::lock::is_sealed(&c.raw) {
                                    format!("Kept copy, locked with its passcode ({size}): import it to open it")
                                } else {
                                    format!("Kept copy ({size})")
                                }}</span>
                                <div class="row">
                                    <button type="button" on:click=move |_| download(&c)>"Download"</button>
                                    <button type="button" class="danger" on:click=move |_| delete(&key)>"Delete this copy"</button>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {move || message.get().map(|m| view! { <p class="error" role="alert">{m}</p> })}
            </section>
        </Show>
    }
}
