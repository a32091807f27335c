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
    let export_msg = RwSignal::new(None::<Result<(), String>>);
    let export = move |_| {
        export_msg.set(Some(
            state.plan.with_untracked(crate::components::export_backup),
        ))
    };
    let estimate = RwSignal::new(None::<(u64, u64)>);
    spawn_local(async move { estimate.set(crate::web::storage_estimate().await) });

    view! {
        <h1>"Settings"</h1>
        <section class="card" aria-labelledby="backup">
            <h2 id="backup">"Backup"</h2>
            <p>"Your plan lives only on this device. A backup file keeps a copy you control: save it somewhere safe, or use it to move to a new phone."</p>
            <div class="row">
                <button type="button" class="primary" on:click=export>"Export a backup"</button>
            </div>
            {move || export_msg.get().map(|r| result_message(r, "Backup file made. Check your downloads.", "The backup could not be made: "))}
            <ImportBackup/>
        </section>
        <section class="card">
            <h2>"Reviewing your plan"</h2>
            <p class="hint">"How often \"Review your plan\" comes due on Today."</p>
            {fields(state, &REVIEW_EVERY, Id::empty())}
        </section>
        <StorageStatus estimate=estimate/>
        <QuarantinedCopies/>
        <DeleteEverything/>
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
                                <span>{format!("Kept copy ({size})")}</span>
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

#[component]
fn DeleteEverything() -> impl IntoView {
    let state = use_app_state();
    let typed = RwSignal::new(String::new());
    let result = RwSignal::new(None::<Result<(), String>>);
    let confirmed = move || typed.with(|t| t.trim() == "DELETE");
    view! {
        <section class="card danger-zone" aria-labelledby="delete-all">
            <h2 id="delete-all">"Delete all data"</h2>
            <p>"This removes your whole plan and everything Safety Net keeps on this device. It can't be undone. Export a backup first if you may want it back."</p>
            <label for="delete-confirm">"Type DELETE to confirm"</label>
            <input id="delete-confirm" type="text" autocomplete="off" autocapitalize="characters"
                prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
            <button type="button" class="danger" disabled=move || !confirmed() on:click=move |_| {
                result.set(Some(state.delete_everything()));
                typed.set(String::new());
            }>"Delete everything"</button>
            {move || result.get().map(|r| result_message(r, "Everything has been deleted from this device.", "Not everything could be deleted: "))}
        </section>
    }
}

/// A line saying how an action went: a polite status when it worked, an alert when not.
fn result_message(
    r: Result<(), String>,
    done: &'static str,
    failed: &'static str,
) -> impl IntoView {
    let (class, role, text) = match r {
        Ok(()) => ("ok", "status", done.to_string()),
        Err(e) => ("error", "alert", format!("{failed}{e}")),
    };
    view! { <p class=class role=role>{text}</p> }
}
