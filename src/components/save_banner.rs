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
                    SaveStatus::Idle => ("Kept on this device only", None),
                    SaveStatus::Saved { micros } => ("Saved on this device", Some(millis_from_micros(micros))),
                    _ => return None,
                };
                let class = if ms.is_some() { "save-status saved" } else { "save-status" };
                Some(view! { <p class=class role="status" data-save-ms=ms>{text}</p> })
            }}
            {move || match state.save.get() {
                SaveStatus::Failed(msg) => Some(view! {
                    <div class="banner warn" role="alert">
                        <p><strong>"Not saved. "</strong>{msg}</p>
                        <p>"What you see is still here, and your last saved copy is safe. Export a backup now so nothing is lost."</p>
                        <div class="row">
                            {move || if state.unlocked.get() {
                                // With the lock on, the backup is locked too (it asks for the passcode).
                                view! { <a class="button primary" href=format!("{}#backup", crate::router::Route::Settings.path())>"Save a locked backup"</a> }.into_any()
                            } else {
                                view! { <button type="button" class="primary" on:click=export>"Export a backup now"</button> }.into_any()
                            }}
                            <button type="button" on:click=move |_| state.retry()>"Try saving again"</button>
                        </div>
                    </div>
                }),
                _ => None,
            }}
            {move || (state.save.get() == SaveStatus::Conflict).then(|| view! {
                <div class="banner warn" role="alert">
                    <p><strong>"Your plan was also changed in another tab or window."</strong></p>
                    <p>"Nothing has been overwritten. Choose which version to keep, or export this one first."</p>
                    <div class="row">
                        <button type="button" on:click=move |_| state.take_other_version()>"Show the other version"</button>
                        <button type="button" on:click=move |_| state.keep_this_version()>"Keep this version"</button>
                        <button type="button" on:click=export>"Export this version"</button>
                    </div>
                </div>
            })}
            {move || export_error.get().map(|e| view! { <p class="error" role="alert">"The backup could not be made: "{e}</p> })}
        </div>
    }
}
