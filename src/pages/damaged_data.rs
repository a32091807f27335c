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
    crate::web::set_title(tr!(settings.damaged.page_title));
    let state = use_app_state();
    let raw = damaged.raw.clone();
    let kept_aside = damaged.quarantine_key.is_some();
    let download_error = RwSignal::new(None::<String>);
    let sure = RwSignal::new(kept_aside);
    let held_error = RwSignal::new(None::<String>);
    let held = state.holds_unsaved();
    let held_sealed_before = held && state.held_needs_earlier_passcode();
    view! {
        <h1>{tr!(settings.damaged.title)}</h1>
        <section class="card warn">
            <p><strong>{tr!(settings.damaged.nothing_deleted)}</strong>{tr!(settings.damaged.still_there)}</p>
            <WhatWentWrong reason=damaged.reason.clone() raw=damaged.raw.clone()/>
            <div class="row">
                <button type="button" class="primary" on:click=move |_| {
                    let name = format!("safety-net-saved-data-{}.json", crate::domain::dates::iso(crate::web::today()));
                    download_error.set(crate::web::download_text(&name, "application/json", &raw).err());
                }>{tr!(settings.damaged.download)}</button>
                <button type="button" on:click=move |_| state.reload()>{tr!(settings.damaged.try_again)}</button>
            </div>
            {move || download_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </section>
        // Changes held at a lock, when unlocking found the stored data damaged: the
        // person's latest version, offered first (only once a copy of the damaged data is
        // kept or downloaded, as for a new plan). They open with the keys unlocking gave;
        // when another tab has changed the lock since (turned it off, or gave it a new
        // passcode) they cannot, and the card says so from the start (the passcode the lock
        // had is asked for once the plan is open).
        {held.then(|| view! {
            <section class="card" data-testid="held-changes-recovery">
                <h2>{tr!(settings.damaged.held_title)}</h2>
                {if held_sealed_before {
                    view! { <p>{tr!(settings.damaged.held_other_passcode)}</p> }.into_any()
                } else {
                    view! {
                        <p>{tr!(settings.damaged.held_text)}</p>
                        <button type="button" class="primary" disabled=move || !sure.get() on:click=move |_| {
                            // (Opened, this screen is gone: nothing of it is touched after.)
                            if let Err(e) = state.use_held() {
                                held_error.set(Some(e));
                            }
                        }>{tr!(settings.damaged.held_use)}</button>
                        {move || held_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                    }.into_any()
                }}
            </section>
        })}
        <section class="card">
            <h2>{tr!(settings.damaged.restore_title)}</h2>
            <p>{tr!(settings.damaged.restore_text)}</p>
            <ImportBackup/>
        </section>
        <section class="card">
            <h2>{tr!(settings.damaged.start_title)}</h2>
            {kept_aside.then(|| view! {
                <p>{tr!(settings.damaged.kept_aside)}</p>
            })}
            {(!kept_aside).then(|| view! {
                <p>{tr!(settings.damaged.no_room)}</p>
                <label class="check"><input type="checkbox" on:change=move |ev| sure.set(event_target_checked(&ev))/><span>{tr!(settings.damaged.downloaded)}</span></label>
            })}
            <button type="button" disabled=move || !sure.get() on:click=move |_| state.start_over()>{tr!(settings.damaged.start)}</button>
        </section>
        <p><a href=Route::Help.path()>{tr!(common.get_help_now)}</a></p>
    }
}
