//! Never the only copy: Today's backup reminder, Safari's 7-day warning, the reminder's
//! interval, and moving to a new phone.

use crate::domain::safekeeping;
use crate::router::Route;
use crate::state::{use_app_state, AppState};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// "Save a backup now": with the lock on, the backup is made (locked) in Settings; otherwise
/// here, handed to the share sheet or downloaded. What happened is said beside it.
#[component]
fn SaveNow(said: RwSignal<Option<Result<&'static str, String>>>) -> impl IntoView {
    let state = use_app_state();
    let save = move |_| {
        spawn_local(async move {
            let r = crate::components::save_backup(state).await;
            said.set(Some(r.map(|s| s.words())));
        })
    };
    view! {
        {move || if state.unlocked.get() {
            // A plain file would undo the lock: the locked backup asks for the passcode.
            view! { <a class="button primary" href=format!("{}#backup", Route::Settings.path())>{tr!(settings.safekeeping.save_now)}</a> }.into_any()
        } else {
            view! { <button type="button" class="primary" on:click=save>{tr!(settings.safekeeping.save_now)}</button> }.into_any()
        }}
    }
}

fn said_line(said: RwSignal<Option<Result<&'static str, String>>>) -> impl IntoView {
    move || {
        said.get().map(|r| match r {
            Ok(s) => view! { <p class="ok" role="status">{s}</p> }.into_any(),
            Err(e) => {
                view! { <p class="error" role="alert">{tr!(settings.backup.failed, error = e)}</p> }
                    .into_any()
            }
        })
    }
}

/// Today's gentle, rare reminder (see [`safekeeping::reminder_due`]).
#[component]
pub fn BackupReminder() -> impl IntoView {
    let state = use_app_state();
    let said = RwSignal::new(None);
    let due = move || {
        let today = state.today();
        let changes = state.changes();
        state
            .plan
            .with(|p| safekeeping::reminder_due(p, today, changes))
    };
    let not_now = move |_| {
        let until = safekeeping::quiet_until(state.today());
        state.edit(|p| p.settings.backup_quiet_until = Some(until));
    };
    view! {
        <Show when=move || due() || said.with(Option::is_some)>
            <section class="card backup-reminder" aria-labelledby="backup-reminder">
                <h2 id="backup-reminder">{tr!(settings.safekeeping.reminder_title)}</h2>
                <p>{move || {
                    let today = state.today();
                    let changes = state.changes();
                    let last = state.plan.with(|p| safekeeping::last_backup_words(p, today, changes));
                    tr!(settings.safekeeping.reminder_text, last = last)
                }}</p>
                <div class="row">
                    <SaveNow said=said/>
                    <Show when=move || said.with(Option::is_none)>
                        <button type="button" on:click=not_now>{tr!(settings.safekeeping.not_now)}</button>
                    </Show>
                </div>
                {said_line(said)}
            </section>
        </Show>
    }
}

/// Safari in a tab may delete the plan after 7 days without a visit; home-screen apps are
/// exempt (WebKit, "Full Third-Party Cookie Blocking and More", 2020).
#[component]
pub fn SafariNotice() -> impl IntoView {
    let said = RwSignal::new(None);
    crate::web::safari_in_a_tab().then(|| {
        view! {
            <section class="card warn safari-notice" aria-labelledby="safari-notice">
                <h2 id="safari-notice">{tr!(settings.safekeeping.safari_title)}</h2>
                <p>{tr!(settings.safekeeping.safari_text)}</p>
                <p><strong>{tr!(settings.safekeeping.safari_iphone)}</strong>{tr!(settings.safekeeping.safari_iphone_steps)}</p>
                <p><strong>{tr!(settings.safekeeping.safari_mac)}</strong>{tr!(settings.safekeeping.safari_mac_steps)}</p>
                <p>{tr!(settings.safekeeping.safari_backup)}</p>
                <div class="row"><SaveNow said=said/></div>
                {said_line(said)}
                <p class="small">{tr!(settings.safekeeping.safari_source)}</p>
            </section>
        }
    })
}

/// How often Today suggests a backup, or never.
#[component]
pub fn ReminderChoice() -> impl IntoView {
    let state = use_app_state();
    let choices = [
        (14, tr!(settings.safekeeping.every_14)),
        (30, tr!(settings.safekeeping.every_30)),
        (60, tr!(settings.safekeeping.every_60)),
        (90, tr!(settings.safekeeping.every_90)),
        (0, tr!(settings.safekeeping.never)),
    ];
    let current = move || state.plan.with(|p| p.settings.backup_every_days);
    let pick = move |ev: leptos::ev::Event| {
        if let Ok(days) = event_target_value(&ev).parse::<u16>() {
            state.edit(|p| p.settings.backup_every_days = days);
        }
    };
    view! {
        <label for="backup-every">{tr!(settings.safekeeping.remind_label)}</label>
        <select id="backup-every" on:change=pick>
            {move || {
                let now = current();
                let mut listed: Vec<(u16, String)> =
                    choices.iter().map(|(d, w)| (*d, (*w).to_string())).collect();
                if !choices.iter().any(|(d, _)| *d == now) {
                    listed.insert(0, (now, tr!(settings.safekeeping.every_n, n = now)));
                }
                listed.into_iter().map(|(d, w)| view! {
                    <option value=d.to_string() selected=d == now>{w}</option>
                }).collect_view()
            }}
        </select>
        <p class="hint">{tr!(settings.safekeeping.remind_hint)}</p>
    }
}

/// Moving to a new phone, step by step.
#[component]
pub fn NewPhoneGuide() -> impl IntoView {
    let state: AppState = use_app_state();
    let address = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    view! {
        <section class="new-phone" aria-labelledby="new-phone">
            <h3 id="new-phone">{tr!(settings.safekeeping.new_phone_title)}</h3>
            <ol>
                <li>{tr!(settings.safekeeping.new_phone_1)}</li>
                <li>{tr!(settings.safekeeping.new_phone_2)}
                    <Show when=move || state.unlocked.get()>
                        {tr!(settings.safekeeping.new_phone_2_locked)}
                    </Show>
                </li>
                <li>{tr!(settings.safekeeping.new_phone_3_before)}<strong class="address">{address}</strong>{tr!(settings.safekeeping.new_phone_3_after)}</li>
                <li>{tr!(settings.safekeeping.new_phone_4)}</li>
                <li>{tr!(settings.safekeeping.new_phone_5)}</li>
            </ol>
        </section>
    }
}
