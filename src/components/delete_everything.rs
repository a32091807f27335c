//! "Delete all data": the whole plan and everything Safety Net keeps on this device, after
//! the person types DELETE. In Settings, and on the lock screen for a forgotten passcode.

use crate::state::use_app_state;
use leptos::prelude::*;

#[component]
pub fn DeleteEverything() -> impl IntoView {
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
                // On the lock screen, deleting closes the screen and this card with it:
                // nothing of it may change after (unless it failed, and the screen stays).
                let stays = state.boot.get_untracked() == crate::state::Boot::Ready;
                let done = state.delete_everything();
                if stays || done.is_err() {
                    typed.set(String::new());
                    result.set(Some(done));
                }
            }>"Delete everything"</button>
            {move || result.get().map(|r| match r {
                Ok(()) => view! { <p class="ok" role="status">"Everything has been deleted from this device."</p> }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{format!("Not everything could be deleted: {e}")}</p> }.into_any(),
            })}
        </section>
    }
}
