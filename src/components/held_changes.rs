//! Changes held at a lock (see `state::Held`) when the lock has changed since: another tab
//! turned it off (no lock screen asks for a passcode any more), or turned it off and on
//! again with a new passcode (which cannot open them). This card, above the plan, asks for
//! the passcode the lock had then; it brings them back, and the person then chooses
//! between them and the plan stored now, as in any conflict; or lets them go.

use crate::state::{use_app_state, Boot};
use leptos::prelude::*;

/// The card, while changes are held that the lock as it is now cannot open. Its form (and
/// the key derivation behind it) arrives with its chunk.
#[component]
pub fn HeldChanges() -> impl IntoView {
    let state = use_app_state();
    move || {
        (state.held_orphaned.get() && state.boot.with(|b| *b == Boot::Ready)).then(|| {
            view! { <div class="save-area">{crate::app::later(|| Box::pin(held_card()))}</div> }
        })
    }
}

#[lazy]
fn held_card() -> AnyView {
    view! { <HeldCard/> }.into_any()
}

#[component]
fn HeldCard() -> impl IntoView {
    let state = use_app_state();
    let passcode = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let letting_go = RwSignal::new(false);
    // The question before letting them go takes the focus (a screen reader reads it), and
    // "Keep them" gives it back to the button that asked.
    let dialog_ref = NodeRef::<leptos::html::Div>::new();
    let let_go_ref = NodeRef::<leptos::html::Button>::new();
    crate::components::import_backup::focus_when_shown(
        move || letting_go.get(),
        move || dialog_ref.try_get_untracked().flatten().map(|d| d.focus()),
    );
    let keep = move |_| {
        letting_go.set(false);
        if let Some(b) = let_go_ref.try_get_untracked().flatten() {
            let _ = b.focus();
        }
    };
    // Opened, the card closes and the conflict banner takes its place (and the focus goes
    // to the screen, not lost with the card).
    let open = crate::components::lock_screen::on_passcode(
        passcode,
        message,
        busy,
        tr!(settings.held_orphan.opening),
        move |code| {
            state
                .open_held_with(code)
                .map(|()| crate::web::focus_main())
        },
    );
    view! {
        <section class="banner warn" aria-labelledby="held-orphan-title" data-testid="held-orphaned">
            <p id="held-orphan-title"><strong>{tr!(settings.held_orphan.title)}</strong></p>
            <p>{tr!(settings.held_orphan.text)}</p>
            <form on:submit=open>
                <label for="held-passcode">{tr!(settings.held_orphan.label)}</label>
                <input id="held-passcode" type="password" autocomplete="current-password"
                    prop:value=passcode on:input=move |ev| passcode.set(event_target_value(&ev))/>
                <div class="row">
                    <button type="submit" class="primary" disabled=busy>{tr!(settings.held_orphan.open)}</button>
                    <button type="button" node_ref=let_go_ref on:click=move |_| letting_go.set(true)>{tr!(settings.held_orphan.let_go)}</button>
                </div>
            </form>
            <p role="status" data-testid="held-orphaned-message">{message}</p>
            <Show when=move || letting_go.get()>
                <div class="card confirm" role="alertdialog" tabindex="-1" node_ref=dialog_ref aria-labelledby="held-let-go">
                    <p id="held-let-go"><strong>{tr!(settings.held_orphan.let_go_sure)}</strong></p>
                    <div class="row">
                        <button type="button" on:click=keep>{tr!(settings.held_orphan.keep)}</button>
                        <button type="button" class="danger" on:click=move |_| {
                            state.forget_held();
                            crate::web::focus_main();
                        }>{tr!(settings.held_orphan.let_go_yes)}</button>
                    </div>
                </div>
            </Show>
        </section>
    }
}
