//! The date (and, if the person likes, the time) their recovery began: on My recovery and
//! in the guided start. A date after today is refused with a message and nothing stored.

use crate::domain::{datefmt, input};
use crate::state::use_app_state;
use leptos::prelude::*;

#[component]
pub fn RecoveryDate() -> impl IntoView {
    let state = use_app_state();
    let problem = RwSignal::new(String::new());
    let set_start = move |ev: leptos::ev::Event| {
        let today = state.clock.today.get_untracked();
        let result = input::date(&event_target_value(&ev)).and_then(|date| {
            let date = date.ok_or(tr!(progress.date.enter))?;
            state.try_edit(|p| {
                let time = p.recovery.start_time;
                p.recovery
                    .set_start(date, time, today)
                    .map_err(|e| e.to_string())
            })
        });
        problem.set(result.err().unwrap_or_default());
    };
    let set_time = move |ev: leptos::ev::Event| {
        let result = input::time(&event_target_value(&ev)).and_then(|t| {
            state.try_edit(|p| {
                p.recovery.start_time = t;
                Ok(())
            })
        });
        problem.set(result.err().unwrap_or_default());
    };
    view! {
        <label for="start-date">{tr!(progress.date.date)}</label>
        <input id="start-date" type="date" max=move || datefmt::write_date(state.today())
            prop:value=move || state.plan.with(|p| input::date_text(p.recovery.start_date))
            on:change=set_start/>
        <label for="start-time">{tr!(progress.date.time)}</label>
        <input id="start-time" type="time"
            prop:value=move || state.plan.with(|p| input::time_text(p.recovery.start_time))
            on:change=set_time/>
        {move || problem.with(|m| (!m.is_empty()).then(|| view! { <p class="error" role="alert">{m.clone()}</p> }))}
    }
}
