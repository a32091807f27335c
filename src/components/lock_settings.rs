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
        message.set(Some(Ok(tr!(settings.lock.working).into())));
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
            message.set(Some(Err(tr!(settings.lock.not_same).into())));
            return;
        }
        run(Box::new(move || {
            state
                .turn_lock_on(&c)
                .map(|_| tr!(settings.lock.turned_on).into())
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
            message.set(Some(Err(tr!(settings.lock.new_not_same).into())));
            return;
        }
        run(Box::new(move || {
            state
                .change_passcode(&o, &c)
                .map(|_| tr!(settings.lock.changed).into())
        }));
    };
    let turn_off = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let o = off.get_untracked();
        run(Box::new(move || {
            state
                .turn_lock_off(&o)
                .map(|_| tr!(settings.lock.turned_off).into())
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
            <h2 id="lock-heading">{tr!(settings.lock.title)}</h2>
            <Show when=move || !on.get() fallback=move || view! {
                <p>{tr!(settings.lock.is_on)}</p>
                <p><button type="button" class="primary" on:click=move |_| {
                    state.lock_now(true);
                    crate::router::go("/");
                }>{tr!(settings.lock.lock_now)}</button></p>
                {fields(state, &LOCK_SETTINGS, Id::empty())}
                <form on:submit=change>
                    <h3>{tr!(settings.lock.new_title)}</h3>
                    {secret("lock-old", tr!(settings.lock.current), old, false)}
                    {secret("lock-new", tr!(settings.lock.new_code), code, true)}
                    {secret("lock-again", tr!(settings.lock.new_again), again, true)}
                    <p><button type="submit">{tr!(settings.lock.change)}</button></p>
                </form>
                <form on:submit=turn_off>
                    <h3>{tr!(settings.lock.off_title)}</h3>
                    {secret("lock-off", tr!(settings.lock.off_label), off, false)}
                    <p><button type="submit" class="danger">{tr!(settings.lock.off_button)}</button></p>
                </form>
            }>
                <p>{tr!(settings.lock.is_off)}</p>
                <h3>{tr!(settings.lock.protects_title)}</h3>
                <p>{tr!(settings.lock.protects)}</p>
                <h3>{tr!(settings.lock.not_protects_title)}</h3>
                <p>{tr!(settings.lock.not_protects)}</p>
                <h3>{tr!(settings.lock.forget_title)}</h3>
                <p>{tr!(settings.lock.forget)}</p>
                <p><button type="button" on:click=export>{tr!(settings.lock.export_first)}</button></p>
                {move || {
                    // Copies kept sealed (a locked plan replaced) are encrypted already.
                    let n = state
                        .quarantined()
                        .iter()
                        .filter(|c| !crate::domain::lock::is_sealed(&c.raw))
                        .count();
                    (n > 0).then(|| view! {
                        <p class="warn-text" data-testid="lock-kept-copies">{if n == 1 {
                            tr!(settings.lock.kept_single, n = n)
                        } else {
                            tr!(settings.lock.kept_several, n = n)
                        }}</p>
                    })
                }}
                <p class="small">{tr!(settings.lock.crisis_open)}</p>
                <form on:submit=turn_on>
                    {secret("lock-code", tr!(settings.passcode), code, true)}
                    <p class="hint">{tr!(settings.lock.code_hint, pin = MIN_PIN_DIGITS, chars = MIN_PASSPHRASE_CHARS)}</p>
                    {secret("lock-code-again", tr!(settings.lock.code_again), again, true)}
                    <p><button type="submit" class="primary">{tr!(settings.lock.turn_on)}</button></p>
                </form>
            </Show>
            {move || message.get().map(|m| match m {
                Ok(t) => view! { <p class="ok" role="status">{t}</p> }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
            })}
        </section>
    }
}
