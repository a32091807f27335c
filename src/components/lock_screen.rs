//! The lock screen: the passcode opens the plan; crisis help never waits for it. 911, the
//! overdose steps, the national lines and (if the person chose it) their crisis contacts
//! are here whole, with no passcode.

use crate::components::crisis_lines::NationalLines;
use crate::components::delete_everything::DeleteEverything;
use crate::components::import_backup::ImportBackup;
use crate::domain::resources::emergency;
use crate::router::Route;
use crate::state::use_app_state;
use leptos::prelude::*;

#[component]
pub fn LockScreen() -> impl IntoView {
    crate::web::set_title("Locked");
    let state = use_app_state();
    let contacts = state.open_contacts();
    view! {
        <h1>"Safety Net is locked"</h1>
        <a class="call-911" href=format!("tel:{}", emergency().call)>"Call 911"</a>
        <a href=Route::Overdose.path() class="button primary wide">"Someone may be overdosing: what to do"</a>
        // The passcode's form (and the key derivation behind it) arrives with its chunk; the
        // crisis help around it is in the first load, never waiting for it.
        {crate::app::later(|| Box::pin(unlock_card()))}
        {crate::components::contact_links::people_card(contacts, "locked-people")}
        <NationalLines/>
        <p><a href="/naloxone.html">"The overdose steps as a plain page"</a>
            " · "<a href="/naloxone-es.html" hreflang="es" lang="es">"Los pasos en español"</a></p>
    }
}

/// Fetches the passcode form's chunk ahead of need (see src/app.rs).
pub fn preload_unlock_card() {
    leptos::task::spawn_local(__preload_unlock_card());
}

#[lazy]
fn unlock_card() -> AnyView {
    view! { <UnlockCard/> }.into_any()
}

/// "Open my plan": the passcode, and what to do when it is forgotten.
#[component]
fn UnlockCard() -> impl IntoView {
    let state = use_app_state();
    let passcode = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        message.set("Unlocking…".into());
        // Let "Unlocking…" show before the key is derived (about a second on a slow phone).
        set_timeout(
            move || {
                // (The card may have closed meanwhile: another tab unlocked or deleted.)
                let Some(code) = passcode.try_get_untracked() else {
                    return;
                };
                passcode.set(String::new());
                // Unlocked, the lock screen closes, and this card with it: only a wrong
                // passcode (or a wait) is left to say here.
                if let Err(e) = state.unlock(&code) {
                    busy.try_set(false);
                    message.try_set(e);
                }
            },
            std::time::Duration::from_millis(30),
        );
    };
    view! {
        <section class="card" aria-labelledby="unlock-heading">
            <h2 id="unlock-heading">"Open my plan"</h2>
            <form on:submit=unlock>
                <label for="unlock-passcode">"Passcode"</label>
                <input id="unlock-passcode" type="password" autocomplete="current-password"
                    prop:value=passcode on:input=move |ev| passcode.set(event_target_value(&ev))/>
                <p><button type="submit" class="primary" disabled=busy>"Unlock"</button></p>
            </form>
            <p role="status" data-testid="unlock-message">{message}</p>
            <details>
                <summary>"Forgot the passcode?"</summary>
                <p>"No one can open the plan without it, not even Safety Net. You can restore a backup in its place, or delete everything and start again."</p>
                <p class="small">"After five wrong tries in a row, each next try waits longer. That slows someone at the screen; it cannot stop someone who has copied the data, which is why the plan is encrypted."</p>
                <ImportBackup/>
                <DeleteEverything/>
            </details>
        </section>
    }
}
