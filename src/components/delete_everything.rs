//! "Delete all data": the whole plan and everything Safety Net keeps on this device, after
//! the person types DELETE. In Settings, and on the lock screen for a forgotten passcode.

use crate::state::use_app_state;
use leptos::prelude::*;

#[component]
pub fn DeleteEverything() -> impl IntoView {
    let state = use_app_state();
    let typed = RwSignal::new(String::new());
    let result = RwSignal::new(None::<Result<(), String>>);
    // The word to type is the app's language's; the English one is always taken too.
    let word = tr!(settings.delete_all.word);
    let confirmed = move || typed.with(|t| t.trim() == word || t.trim() == "DELETE");
    view! {
        <section class="card danger-zone" aria-labelledby="delete-all">
            <h2 id="delete-all">{tr!(settings.delete_all.title)}</h2>
            <p>{tr!(settings.delete_all.intro)}</p>
            <label for="delete-confirm">{tr!(settings.delete_all.label, word = word)}</label>
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
            }>{tr!(settings.delete_all.button)}</button>
            {move || result.get().map(|r| match r {
                Ok(()) => view! { <p class="ok" role="status">{tr!(settings.delete_all.done)}</p> }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{tr!(settings.delete_all.failed, error = e)}</p> }.into_any(),
            })}
        </section>
    }
}
