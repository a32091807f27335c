//! Says whether the plan is saved; when it is not, says why and what to do.

use crate::domain::bytes::millis_from_micros;
use crate::state::{use_app_state, SaveStatus};
use leptos::prelude::*;

#[component]
pub fn SaveBanner() -> impl IntoView {
    let state = use_app_state();
    let export_error = RwSignal::new(None::<String>);
    let export = move |_| {
        let r = state.plan.with_untracked(super::export_backup);
        export_error.set(r.err());
    };
    view! {
        <div class="save-area">
            {move || {
                let (text, ms) = match state.save.get() {
                    SaveStatus::Idle => (tr!(settings.save.idle), None),
                    SaveStatus::Saved { micros } => (tr!(settings.save.saved), Some(millis_from_micros(micros))),
                    _ => return None,
                };
                let class = if ms.is_some() { "save-status saved" } else { "save-status" };
                Some(view! { <p class=class role="status" data-save-ms=ms>{text}</p> })
            }}
            {move || match state.save.get() {
                SaveStatus::Failed(msg) => Some(view! {
                    <div class="banner warn" role="alert">
                        <p><strong>{tr!(settings.save.not_saved)}</strong>{msg}</p>
                        <p>{tr!(settings.save.still_here)}</p>
                        <div class="row">
                            {move || if state.unlocked.get() {
                                // With the lock on, the backup is locked too (it asks for the passcode).
                                view! { <a class="button primary" href=format!("{}#backup", crate::router::Route::Settings.path())>{tr!(settings.save.save_locked)}</a> }.into_any()
                            } else {
                                view! { <button type="button" class="primary" on:click=export>{tr!(settings.save.export_now)}</button> }.into_any()
                            }}
                            <button type="button" on:click=move |_| state.retry()>{tr!(settings.save.retry)}</button>
                        </div>
                    </div>
                }),
                _ => None,
            }}
            {move || (state.save.get() == SaveStatus::Conflict).then(|| view! {
                <div class="banner warn" role="alert">
                    <p><strong>{tr!(settings.save.conflict_title)}</strong></p>
                    <p>{tr!(settings.save.conflict_text)}</p>
                    <div class="row">
                        <button type="button" on:click=move |_| state.take_other_version()>{tr!(settings.save.show_theirs)}</button>
                        <button type="button" on:click=move |_| state.keep_this_version()>{tr!(settings.save.keep_this)}</button>
                        <button type="button" on:click=export>{tr!(settings.save.export_this)}</button>
                    </div>
                </div>
            })}
            {move || export_error.get().map(|e| view! { <p class="error" role="alert">{tr!(settings.backup.failed, error = e)}</p> })}
        </div>
    }
}
