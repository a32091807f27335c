//! Settings: "Lock Safety Net with a passcode". Explained before it turns on (what it
//! protects, what it does not, what a forgotten passcode means, a backup first); then lock
//! now, the auto-lock, the crisis contacts on the lock screen, a new passcode, or off.

use crate::components::record_list::fields;
use crate::components::tables::LOCK_SETTINGS;
use crate::domain::lock::{MIN_PASSPHRASE_CHARS, MIN_PIN_DIGITS};
use crate::domain::Id;
use crate::state::use_app_state;
use leptos::prelude::*;

/// A passcode field.
fn secret(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    new: bool,
) -> impl IntoView {
    view! {
        <label for=id>{label}</label>
        <input id=id type="password" autocomplete=if new { "new-password" } else { "current-password" }
            prop:value=value on:input=move |ev| value.set(event_target_value(&ev))/>
    }
}

#[component]
pub fn LockSettings() -> impl IntoView {
    let state = use_app_state();
    let on = RwSignal::new(state.lock_on());
    let message = RwSignal::new(None::<Result<String, String>>);
    let (code, again, old) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let off = RwSignal::new(String::new());
    let clear = move || {
        for field in [code, again, old, off] {
            field.set(String::new());
        }
    };
    // Each change derives a key from the passcode (about a second): "Working…" shows first.
    let run = move |f: Box<dyn FnOnce() -> Result<String, String>>| {
        message.set(Some(Ok("Working…".into())));
        set_timeout(
            move || {
                let r = f();
                clear();
                on.set(state.lock_on());
                message.set(Some(r));
            },
            std::time::Duration::from_millis(30),
        );
    };
    let turn_on = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (c, a) = (code.get_untracked(), again.get_untracked());
        if c != a {
            message.set(Some(Err("The two passcodes are not the same.".into())));
            return;
        }
        run(Box::new(move || {
            state.turn_lock_on(&c).map(|_| {
                "The lock is on. Safety Net now asks for the passcode each time it opens.".into()
            })
        }));
    };
    let change = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (o, c, a) = (
            old.get_untracked(),
            code.get_untracked(),
            again.get_untracked(),
        );
        if c != a {
            message.set(Some(Err("The two new passcodes are not the same.".into())));
            return;
        }
        run(Box::new(move || {
            state
                .change_passcode(&o, &c)
                .map(|_| "The passcode is changed.".into())
        }));
    };
    let turn_off = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let o = off.get_untracked();
        run(Box::new(move || {
            state.turn_lock_off(&o).map(|_| {
                "The lock is off. The plan is stored unencrypted on this device again.".into()
            })
        }));
    };
    let export = move |_| {
        leptos::task::spawn_local(async move {
            let r = crate::components::save_backup(state).await;
            message.set(Some(r.map(|s| s.words().to_string())));
        });
    };
    view! {
        <section class="card" id="lock" aria-labelledby="lock-heading">
            <h2 id="lock-heading">"Lock Safety Net with a passcode"</h2>
            <Show when=move || !on.get() fallback=move || view! {
                <p>"The lock is on. Your plan is encrypted on this device; the passcode opens it."</p>
                <p><button type="button" class="primary" on:click=move |_| {
                    state.lock_now(true);
                    crate::router::go("/");
                }>"Lock now"</button></p>
                {fields(state, &LOCK_SETTINGS, Id::empty())}
                <form on:submit=change>
                    <h3>"A new passcode"</h3>
                    {secret("lock-old", "Current passcode", old, false)}
                    {secret("lock-new", "New passcode", code, true)}
                    {secret("lock-again", "The new passcode again", again, true)}
                    <p><button type="submit">"Change the passcode"</button></p>
                </form>
                <form on:submit=turn_off>
                    <h3>"Turn the lock off"</h3>
                    {secret("lock-off", "Passcode, to turn the lock off", off, false)}
                    <p><button type="submit" class="danger">"Turn the lock off"</button></p>
                </form>
            }>
                <p>"Off. Turn it on if someone else may pick up this phone, or use this browser."</p>
                <h3>"What it protects"</h3>
                <p>"Your plan is encrypted with a key only your passcode opens: someone holding the phone, or a copy of this browser's data, cannot read your triggers, your slips or the people you keep away from."</p>
                <h3>"What it does not"</h3>
                <p>"It cannot stop someone who watches you type the passcode, or harmful software on the phone itself."</p>
                <h3>"If you forget the passcode"</h3>
                <p>"No one can open the plan without it, not even Safety Net: it can only be restored from a backup, or deleted. Export a backup first and keep it somewhere safe."</p>
                <p><button type="button" on:click=export>"Export a backup first"</button></p>
                {move || {
                    // Copies kept sealed (a locked plan replaced) are encrypted already.
                    let n = state
                        .quarantined()
                        .iter()
                        .filter(|c| !crate::domain::lock::is_sealed(&c.raw))
                        .count();
                    (n > 0).then(|| view! {
                        <p class="warn-text" data-testid="lock-kept-copies">{format!(
                            "Settings keeps {} of saved data that could not be opened (below). The lock does not cover {}: they stay unencrypted. Download what you need, then delete {}.",
                            crate::domain::words::count(n, "copy", "copies"),
                            if n == 1 { "it" } else { "them" },
                            if n == 1 { "it" } else { "them" },
                        )}</p>
                    })
                }}
                <p class="small">"Crisis help is never locked: Get help, 911, the overdose steps and the crisis lines open without the passcode."</p>
                <form on:submit=turn_on>
                    {secret("lock-code", "Passcode", code, true)}
                    <p class="hint">{format!("A PIN of at least {MIN_PIN_DIGITS} digits, or a passphrase of at least {MIN_PASSPHRASE_CHARS} characters.")}</p>
                    {secret("lock-code-again", "The passcode again", again, true)}
                    <p><button type="submit" class="primary">"Turn on the lock"</button></p>
                </form>
            </Show>
            {move || message.get().map(|m| match m {
                Ok(t) => view! { <p class="ok" role="status">{t}</p> }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
            })}
        </section>
    }
}
