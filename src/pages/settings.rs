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
    crate::web::set_title(tr!(settings.title));
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
    // The question takes the focus when it opens, in place of the button that asked for it,
    // and gives it back to that button when it closes.
    let plain_dialog = NodeRef::<leptos::html::Div>::new();
    let plain_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |was: Option<bool>| {
        let open = plain_asked.get();
        if was.is_some_and(|was| was != open) {
            request_animation_frame(move || {
                let _ = if open {
                    plain_dialog
                        .try_get_untracked()
                        .flatten()
                        .map(|d| d.focus())
                } else {
                    plain_button
                        .try_get_untracked()
                        .flatten()
                        .map(|b| b.focus())
                };
            });
        }
        open
    });
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
        <h1>{tr!(settings.title)}</h1>
        <crate::components::safekeeping::SafariNotice/>
        <crate::components::language_choice::LanguageChoice/>
        <section class="card" aria-labelledby="backup">
            <h2 id="backup">{tr!(settings.backup.title)}</h2>
            <p>{tr!(settings.backup.intro)}</p>
            <p class="last-backup" data-testid="last-backup">{move || {
                let today = state.today();
                let changes = state.changes();
                state.plan.with(|p| crate::domain::safekeeping::last_backup_words(p, today, changes))
            }}</p>
            {move || if state.unlocked.get() {
                view! {
                    <form on:submit=export_locked>
                        <p>{tr!(settings.backup.locked_intro)}</p>
                        <label for="backup-passcode">{tr!(settings.backup.passcode_label)}</label>
                        <input id="backup-passcode" type="password" autocomplete="current-password"
                            prop:value=backup_code on:input=move |ev| backup_code.set(event_target_value(&ev))/>
                        <p><button type="submit" class="primary">{tr!(settings.backup.export_locked)}</button></p>
                    </form>
                    <Show when=move || plain_asked.get() fallback=move || view! {
                        <p><button type="button" class="link" node_ref=plain_button on:click=move |_| plain_asked.set(true)>{tr!(settings.backup.export_plain_ask)}</button></p>
                    }>
                        <div class="card warn" role="alertdialog" tabindex="-1" node_ref=plain_dialog aria-labelledby="plain-title">
                            <h3 id="plain-title">{tr!(settings.backup.plain_title)}</h3>
                            <p>{tr!(settings.backup.plain_warning)}</p>
                            <div class="row">
                                <button type="button" on:click=move |ev| { plain_asked.set(false); export(ev) }>{tr!(settings.backup.plain_yes)}</button>
                                <button type="button" on:click=move |_| plain_asked.set(false)>{tr!(settings.cancel)}</button>
                            </div>
                        </div>
                    </Show>
                }.into_any()
            } else {
                view! {
                    <div class="row">
                        <button type="button" class="primary" on:click=export>{tr!(settings.backup.export)}</button>
                    </div>
                }.into_any()
            }}
            {move || export_msg.get().map(|r| match r {
                Ok(said) => view! { <p class="ok" role="status">{said}</p> }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{tr!(settings.backup.failed, error = e)}</p> }.into_any(),
            })}
            <ImportBackup/>
            <crate::components::safekeeping::ReminderChoice/>
            <crate::components::safekeeping::NewPhoneGuide/>
        </section>
        <crate::components::lock_settings::LockSettings/>
        <section class="card">
            <h2>{tr!(settings.review.title)}</h2>
            <p class="hint">{tr!(settings.review.hint)}</p>
            {fields(state, &REVIEW_EVERY, Id::empty())}
        </section>
        <StorageStatus estimate=estimate/>
        <QuarantinedCopies/>
        <crate::components::delete_everything::DeleteEverything/>
        <section class="card quiet">
            <h2>{tr!(settings.about.title)}</h2>
            <p>{tr!(settings.about.text, version = env!("CARGO_PKG_VERSION"))}</p>
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
            <h2 id="storage">{tr!(settings.storage.title)}</h2>
            <p data-testid="persistence">{move || match state.persistence.get() {
                Persistence::Granted => tr!(settings.storage.granted),
                Persistence::NotGranted => tr!(settings.storage.not_granted),
                Persistence::Unsupported => tr!(settings.storage.unsupported),
                Persistence::Unknown => tr!(settings.storage.checking),
            }}</p>
            <Show when=move || state.persistence.get() == Persistence::NotGranted>
                <button type="button" on:click=ask>{tr!(settings.storage.ask)}</button>
            </Show>
            {move || estimate.get().map(|(used, quota)| view! {
                <p class="small">{tr!(settings.storage.using, used = size_words(used), quota = size_words(quota))}</p>
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
                <h2 id="damaged">{tr!(settings.kept.title)}</h2>
                <p>{tr!(settings.kept.intro)}</p>
                <ul class="entries">
                    {move || copies.get().into_iter().map(|c| {
                        let size = size_words(c.raw.len() as u64);
                        let key = c.key.clone();
                        view! {
                            <li class="entry">
                                <span>{if crate::domain::lock::is_sealed(&c.raw) {
                                    tr!(settings.kept.locked_copy, size = &size)
                                } else {
                                    tr!(settings.kept.plain_copy, size = &size)
                                }}</span>
                                <div class="row">
                                    <button type="button" on:click=move |_| download(&c)>{tr!(settings.kept.download)}</button>
                                    <button type="button" class="danger" on:click=move |_| delete(&key)>{tr!(settings.kept.delete)}</button>
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
