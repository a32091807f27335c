//! Someone may be overdosing: the naloxone steps, one at a time or all at once, for a
//! stranger under stress. Works on first open with an empty plan, and even when the saved
//! plan could not be opened. The content is data in `domain::naloxone`, with its sources.

use crate::components::dose_timer::use_dose_timer;
use crate::components::static_html::{all_steps, esc, list_card, step_details};
use crate::domain::naloxone::{sources, DO_NOT, GOOD_SAMARITAN, ON_WAKING, OVERDOSE_SIGNS, STEPS};
use leptos::html::H2;
use leptos::prelude::*;

#[component]
pub fn OverdosePage() -> impl IntoView {
    crate::web::set_title("Overdose: what to do");
    let timer = use_dose_timer();
    let at = RwSignal::new(0usize);
    let all = RwSignal::new(false);
    let heading = NodeRef::<H2>::new();
    // After Next or Back, the new step's heading takes focus so a screen reader reads it.
    let go = move |to: usize| {
        at.set(to);
        request_animation_frame(move || {
            if let Some(h) = heading.get_untracked() {
                let _ = h.focus();
            }
        });
    };
    view! {
        <div class="od">
            <h1>"Someone may be overdosing"</h1>
            <a class="call-911" href="tel:911">"Call 911"</a>
            <Show when=move || !timer.active()>
                <button type="button" class="primary big wide" on:click=move |_| timer.give()>"I gave a dose of naloxone"</button>
                <p class="hint">"A timer will tell you when another dose is due."</p>
            </Show>
            <div class="row switch" role="group" aria-label="Show the steps">
                <button type="button" aria-pressed=move || (!all.get()).to_string() on:click=move |_| all.set(false)>"One at a time"</button>
                <button type="button" aria-pressed=move || all.get().to_string() on:click=move |_| all.set(true)>"All steps"</button>
            </div>
            <section class="step card" hidden=all>
                <p class="step-count">{move || format!("Step {} of {}", at.get() + 1, STEPS.len())}</p>
                <h2 node_ref=heading tabindex="-1">{move || STEPS[at.get()].title}</h2>
                <div inner_html=move || step_details(&STEPS[at.get()])></div>
                <div class="step-nav">
                    <button type="button" class="big" disabled=move || at.get() == 0 on:click=move |_| go(at.get_untracked().saturating_sub(1))>"Back"</button>
                    <button type="button" class="big primary" disabled=move || at.get() + 1 == STEPS.len() on:click=move |_| go((at.get_untracked() + 1).min(STEPS.len() - 1))>"Next"</button>
                </div>
            </section>
            <div hidden=move || !all.get() inner_html=all_steps(&STEPS)></div>
            <div inner_html=facts()></div>
        </div>
    }
}

/// Signs, waking, what not to do, Good Samaritan laws and the sources.
fn facts() -> String {
    format!(
        "{}{}{}{}<p class=\"small\">Sources: {}; {}; {}; {}; {}; {}.</p>",
        list_card("Signs of an overdose", &OVERDOSE_SIGNS),
        list_card("When they wake up", &ON_WAKING),
        list_card("Don't", &DO_NOT),
        format_args!(
            "<section class=\"card\"><h2>Good Samaritan laws</h2><p>{}</p></section>",
            esc(GOOD_SAMARITAN)
        ),
        esc(sources::NARCAN_LABEL),
        esc(sources::NARCAN_PROFESSIONAL),
        esc(sources::AHA_OPIOID),
        esc(sources::SAMHSA_TOOLKIT),
        esc(sources::CDC_STOP_OVERDOSE),
        esc(sources::NIDA_NALOXONE)
    )
}
