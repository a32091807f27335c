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
            view! { <a class="button primary" href=format!("{}#backup", Route::Settings.path())>"Save a backup now"</a> }.into_any()
        } else {
            view! { <button type="button" class="primary" on:click=save>"Save a backup now"</button> }.into_any()
        }}
    }
}

fn said_line(said: RwSignal<Option<Result<&'static str, String>>>) -> impl IntoView {
    move || {
        said.get().map(|r| match r {
            Ok(s) => view! { <p class="ok" role="status">{s}</p> }.into_any(),
            Err(e) => view! { <p class="error" role="alert">{format!("The backup could not be made: {e}")}</p> }.into_any(),
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
                <h2 id="backup-reminder">"Keep a copy of your plan"</h2>
                <p>{move || {
                    let today = state.today();
                    let changes = state.changes();
                    let last = state.plan.with(|p| safekeeping::last_backup_words(p, today, changes));
                    format!("{last}. Your plan lives only on this phone: a backup keeps it safe if the phone is lost or replaced.")
                }}</p>
                <div class="row">
                    <SaveNow said=said/>
                    <Show when=move || said.with(Option::is_none)>
                        <button type="button" on:click=not_now>"Not now"</button>
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
                <h2 id="safari-notice">"Safari may delete your plan"</h2>
                <p>"In a Safari tab, Safari deletes what a website keeps after 7 days of using Safari without opening it. From the home screen, Safety Net is kept."</p>
                <p><strong>"On iPhone or iPad: "</strong>"tap Share, then Add to Home Screen, and open Safety Net from there."</p>
                <p><strong>"On a Mac: "</strong>"choose File, then Add to Dock."</p>
                <p>"Keep a backup too."</p>
                <div class="row"><SaveNow said=said/></div>
                {said_line(said)}
                <p class="small">"Source: WebKit, “Full Third-Party Cookie Blocking and More” (2020)."</p>
            </section>
        }
    })
}

/// How often Today suggests a backup, or never.
#[component]
pub fn ReminderChoice() -> impl IntoView {
    let state = use_app_state();
    const CHOICES: [(u16, &str); 5] = [
        (14, "Every 2 weeks"),
        (30, "Every 30 days"),
        (60, "Every 60 days"),
        (90, "Every 90 days"),
        (0, "Never"),
    ];
    let current = move || state.plan.with(|p| p.settings.backup_every_days);
    let pick = move |ev: leptos::ev::Event| {
        if let Ok(days) = event_target_value(&ev).parse::<u16>() {
            state.edit(|p| p.settings.backup_every_days = days);
        }
    };
    view! {
        <label for="backup-every">"Remind me to save a backup"</label>
        <select id="backup-every" on:change=pick>
            {move || {
                let now = current();
                let mut choices: Vec<(u16, String)> =
                    CHOICES.iter().map(|(d, w)| (*d, (*w).to_string())).collect();
                if !CHOICES.iter().any(|(d, _)| *d == now) {
                    choices.insert(0, (now, format!("Every {now} days")));
                }
                choices.into_iter().map(|(d, w)| view! {
                    <option value=d.to_string() selected=d == now>{w}</option>
                }).collect_view()
            }}
        </select>
        <p class="hint">"Today suggests one when the last is this old, or after 50 changes. Never in your first week, and “Not now” keeps it quiet for a week."</p>
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
            <h3 id="new-phone">"Moving to a new phone"</h3>
            <ol>
                <li>"On this phone, save a backup (above)."</li>
                <li>"Send the file to yourself: email it to yourself, save it to a drive, or send it in a message to yourself. Only you should have it."
                    <Show when=move || state.unlocked.get()>
                        " It is locked with your passcode: you will need the passcode on the new phone."
                    </Show>
                </li>
                <li>"On the new phone, open Safety Net in the browser at "<strong class="address">{address}</strong>", and add it to the home screen."</li>
                <li>"There, in Settings, choose “Import a backup…”, pick the file, check what it holds, and replace."</li>
                <li>"When your plan is on the new phone, you can delete it from the old one: Settings, Delete everything."</li>
            </ol>
        </section>
    }
}
