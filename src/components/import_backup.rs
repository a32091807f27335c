//! Import a backup file: read it, check all of it, show what it holds and what it will
//! replace, and change nothing until the person confirms.

use crate::components::problem::with_its_place;
use crate::domain::{backup, schema, Plan};
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

#[component]
pub fn ImportBackup() -> impl IntoView {
    let state = use_app_state();
    let pending = RwSignal::new(None::<(String, Plan)>);
    // The keys that opened a locked backup: restored on the lock screen (a forgotten
    // passcode), the plan stays locked, with the backup's passcode.
    let keys = StoredValue::new_local(None::<crate::domain::lock::Keys>);
    // A locked backup waits for its passcode: (file name, sealed text).
    let sealed = RwSignal::new(None::<(String, String)>);
    let passcode = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(false);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let passcode_ref = NodeRef::<leptos::html::Input>::new();
    let dialog_ref = NodeRef::<leptos::html::Div>::new();
    // Focus follows what appears (a screen reader then reads it, and the next tab is in
    // it): the passcode field of a locked backup, the question before replacing the plan;
    // and goes back to the file button when either is closed.
    focus_when_shown(
        move || sealed.with(Option::is_some),
        move || {
            passcode_ref
                .try_get_untracked()
                .flatten()
                .map(|i| i.focus())
        },
    );
    focus_when_shown(
        move || pending.with(Option::is_some),
        move || dialog_ref.try_get_untracked().flatten().map(|d| d.focus()),
    );
    let back_to_button = move || {
        if let Some(i) = input_ref.try_get_untracked().flatten() {
            let _ = i.focus();
        }
    };

    let on_pick = move |ev: leptos::ev::Event| {
        error.set(None);
        pending.set(None);
        sealed.set(None);
        keys.set_value(None);
        done.set(false);
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let name = file.name();
        input.set_value("");
        spawn_local(async move {
            let bytes = crate::web::read_file(file, backup::MAX_BACKUP_BYTES).await;
            if let Ok(text) = bytes.as_ref().map(|b| String::from_utf8_lossy(b)) {
                if crate::domain::lock::is_sealed(&text) {
                    sealed.set(Some((name, text.into_owned())));
                    return;
                }
            }
            // A part in the wrong form: the message names its place in the plan.
            let result = bytes.and_then(|bytes| {
                backup::import_bytes(&bytes).map_err(|e| match e {
                    backup::ImportError::Decode(schema::DecodeError::Invalid(_)) => {
                        std::str::from_utf8(&bytes)
                            .ok()
                            .and_then(with_its_place)
                            .unwrap_or_else(|| e.to_string())
                    }
                    e => e.to_string(),
                })
            });
            match result {
                Ok(plan) => pending.set(Some((name, plan))),
                Err(e) => error.set(Some(tr!(settings.import.cannot, name = name, error = e))),
            }
        });
    };

    // Opens a locked backup with its passcode; a wrong one says so and changes nothing.
    let open_sealed = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((name, text)) = sealed.get_untracked() else {
            return;
        };
        let code = passcode.get_untracked();
        passcode.set(String::new());
        match backup::import_locked(text.as_bytes(), &code) {
            Ok((plan, opened)) => {
                sealed.set(None);
                error.set(None);
                keys.set_value(Some(opened));
                pending.set(Some((name, plan)));
            }
            Err(backup::LockedImportError::Lock(e)) => error.set(Some(tr!(
                settings.import.locked_error,
                name = name,
                error = e
            ))),
            Err(e) => error.set(Some(tr!(settings.import.cannot, name = name, error = e))),
        }
    };

    let summary = |plan: &Plan| -> String {
        let parts: Vec<String> = plan.summary();
        if parts.is_empty() {
            tr!(settings.import.empty_plan).into()
        } else {
            parts.join(", ")
        }
    };

    view! {
        <div class="import">
            <label for="import-file" class="button">{tr!(settings.import.button)}</label>
            <input id="import-file" class="visually-hidden-file" type="file" accept=".json,application/json" node_ref=input_ref on:change=on_pick/>
            {move || sealed.get().map(|(name, _)| view! {
                <form class="card" on:submit=open_sealed>
                    <p>{tr!(settings.import.is_locked, name = name)}</p>
                    <label for="import-passcode">{tr!(settings.import.its_passcode)}</label>
                    <input id="import-passcode" type="password" autocomplete="off" node_ref=passcode_ref
                        prop:value=passcode on:input=move |ev| passcode.set(event_target_value(&ev))/>
                    <div class="row">
                        <button type="submit" class="primary">{tr!(settings.import.open)}</button>
                        <button type="button" on:click=move |_| { sealed.set(None); back_to_button(); }>{tr!(settings.cancel)}</button>
                    </div>
                </form>
            })}
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {move || done.get().then(|| view! { <p class="ok" role="status">{tr!(settings.import.done)}</p> })}
            {move || pending.get().map(|(name, incoming)| {
                let locked = state.boot.get_untracked() == crate::state::Boot::Locked;
                let current = state.plan.with_untracked(|p| summary(p));
                let incoming_text = summary(&incoming);
                // When it was made, its age beside the plan's, and what it lacks. While
                // locked the plan on this phone cannot be read, so only when it was made.
                let made = incoming.settings.last_backup.as_ref().map(|b| b.at);
                let compared = if locked {
                    crate::domain::safekeeping::compare(&Plan::default(), None, &incoming, made)
                } else {
                    state.plan.with_untracked(|p| {
                        crate::domain::safekeeping::compare(p, state.last_saved(), &incoming, made)
                    })
                };
                let replaces = if locked && state.holds_unsaved() {
                    tr!(settings.import.replaces_locked_held).to_string()
                } else if locked {
                    tr!(settings.import.replaces_locked).to_string()
                } else {
                    tr!(settings.import.replaces, current = current)
                };
                view! {
                    <div class="card confirm" role="alertdialog" tabindex="-1" node_ref=dialog_ref aria-labelledby="import-title" aria-describedby="import-desc">
                        <h3 id="import-title">{tr!(settings.import.confirm_title)}</h3>
                        <div id="import-desc">
                            <p>{tr!(settings.import.holds_before)}{name}{tr!(settings.import.holds_middle)}{incoming_text}{tr!(settings.import.holds_after)}</p>
                            <div data-testid="import-comparison">
                                {compared.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
                            </div>
                            <p>{replaces}</p>
                        </div>
                        <div class="row">
                            <button type="button" class="primary" on:click=move |_| {
                                if let Some((_, plan)) = pending.get_untracked() {
                                    let opened = keys.try_update_value(Option::take).flatten();
                                    // On the lock screen or the recovery screen, restoring
                                    // closes the screen and this view with it: nothing of
                                    // it may change after.
                                    if state.boot.get_untracked() == crate::state::Boot::Ready {
                                        pending.set(None);
                                        done.set(true);
                                        back_to_button();
                                    }
                                    state.restore(plan, opened);
                                }
                            }>{tr!(settings.import.replace)}</button>
                            <button type="button" on:click=move |_| { pending.set(None); keys.set_value(None); back_to_button(); }>{tr!(settings.cancel)}</button>
                        </div>
                    </div>
                }
            })}
        </div>
    }
}

/// Calls `focus` (on the frame after it is drawn) each time `shown` turns true.
pub(crate) fn focus_when_shown<R>(
    shown: impl Fn() -> bool + Send + Sync + 'static,
    focus: impl Fn() -> R + Copy + Send + Sync + 'static,
) {
    Effect::new(move |was: Option<bool>| {
        let open = shown();
        if open && was != Some(true) {
            request_animation_frame(move || {
                focus();
            });
        }
        open
    });
}
