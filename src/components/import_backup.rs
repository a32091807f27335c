//! Import a backup file: read it, check all of it, show what it holds and what it will
//! replace, and change nothing until the person confirms.

use crate::domain::{backup, Plan};
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

#[component]
pub fn ImportBackup() -> impl IntoView {
    let state = use_app_state();
    let pending = RwSignal::new(None::<(String, Plan)>);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(false);
    let input_ref = NodeRef::<leptos::html::Input>::new();

    let on_pick = move |ev: leptos::ev::Event| {
        error.set(None);
        pending.set(None);
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
            let result = crate::web::read_file(file, backup::MAX_BACKUP_BYTES)
                .await
                .and_then(|bytes| backup::import_bytes(&bytes).map_err(|e| e.to_string()));
            match result {
                Ok(plan) => pending.set(Some((name, plan))),
                Err(e) => error.set(Some(format!(
                    "“{name}” can't be imported. {e} Nothing has been changed."
                ))),
            }
        });
    };

    let summary = |plan: &Plan| -> String {
        let parts: Vec<String> = plan.summary();
        if parts.is_empty() {
            "nothing yet (an empty plan)".into()
        } else {
            parts.join(", ")
        }
    };

    view! {
        <div class="import">
            <label for="import-file" class="button">"Import a backup…"</label>
            <input id="import-file" class="visually-hidden-file" type="file" accept=".json,application/json" node_ref=input_ref on:change=on_pick/>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {move || done.get().then(|| view! { <p class="ok" role="status">"Backup imported. Your plan has been replaced."</p> })}
            {move || pending.get().map(|(name, incoming)| {
                let current = state.plan.with_untracked(|p| summary(p));
                let incoming_text = summary(&incoming);
                view! {
                    <div class="card confirm" role="alertdialog" aria-labelledby="import-title" aria-describedby="import-desc">
                        <h3 id="import-title">"Replace your plan with this backup?"</h3>
                        <div id="import-desc">
                            <p>"The file “"{name}"” holds: "{incoming_text}"."</p>
                            <p>"It will replace everything in your current plan: "{current}". Export a backup of your current plan first if you may want it back."</p>
                        </div>
                        <div class="row">
                            <button type="button" class="primary" on:click=move |_| {
                                if let Some((_, plan)) = pending.get_untracked() {
                                    state.replace(plan);
                                    pending.set(None);
                                    done.set(true);
                                }
                            }>"Replace my plan"</button>
                            <button type="button" on:click=move |_| pending.set(None)>"Cancel"</button>
                        </div>
                    </div>
                }
            })}
        </div>
    }
}
