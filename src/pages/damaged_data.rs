//! Shown when the saved plan cannot be opened. Nothing is deleted or replaced: the data
//! stays exactly as it was, can be downloaded, and the person decides what happens next.

use crate::components::import_backup::ImportBackup;
use crate::components::problem::WhatWentWrong;
use crate::router::Route;
use crate::state::use_app_state;
use crate::storage::Damaged;
use leptos::prelude::*;

#[component]
pub fn DamagedDataScreen(damaged: Damaged) -> impl IntoView {
    crate::web::set_title("Your saved plan needs attention");
    let state = use_app_state();
    let raw = damaged.raw.clone();
    let kept_aside = damaged.quarantine_key.is_some();
    let download_error = RwSignal::new(None::<String>);
    let sure = RwSignal::new(kept_aside);
    view! {
        <h1>"Your saved plan could not be opened"</h1>
        <section class="card warn">
            <p><strong>"Nothing has been deleted."</strong>" Your saved data is still on this device, exactly as it was."</p>
            <WhatWentWrong reason=damaged.reason.clone() raw=damaged.raw.clone()/>
            <div class="row">
                <button type="button" class="primary" on:click=move |_| {
                    let name = format!("safety-net-saved-data-{}.json", crate::domain::dates::iso(crate::web::today()));
                    download_error.set(crate::web::download_text(&name, "application/json", &raw).err());
                }>"Download the saved data"</button>
                <button type="button" on:click=move |_| state.reload()>"Try again"</button>
            </div>
            {move || download_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </section>
        <section class="card">
            <h2>"Restore from a backup"</h2>
            <p>"If you have a backup file, import it to carry on where it left off."</p>
            <ImportBackup/>
        </section>
        <section class="card">
            <h2>"Start a new plan"</h2>
            {kept_aside.then(|| view! {
                <p>"The saved data stays kept on this device; you can still download it later from Settings."</p>
            })}
            {(!kept_aside).then(|| view! {
                <p>"There was no room to keep a second copy, so starting again will replace the saved data. Download it first."</p>
                <label class="check"><input type="checkbox" on:change=move |ev| sure.set(event_target_checked(&ev))/>" I have downloaded the saved data"</label>
            })}
            <button type="button" disabled=move || !sure.get() on:click=move |_| state.start_over()>"Start a new plan"</button>
        </section>
        <p><a href=Route::Help.path()>"Get help now"</a></p>
    }
}
