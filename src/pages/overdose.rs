//! Someone may be overdosing: the naloxone steps, one at a time or all at once, for a
//! stranger under stress. Works on first open with an empty plan, and even when the saved
//! plan could not be opened. The content is data in `domain::naloxone`, with its sources.

use crate::components::dose_timer::use_dose_timer;
use crate::domain::naloxone::{
    sources, Step, DO_NOT, GOOD_SAMARITAN, ON_WAKING, OVERDOSE_SIGNS, STEPS,
};
use crate::domain::resources::EMERGENCY;
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
            <a class="call-911" href=format!("tel:{}", EMERGENCY.call)>"Call 911"</a>
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
                {move || details(&STEPS[at.get()])}
                <div class="step-nav">
                    <button type="button" class="big" disabled=move || at.get() == 0 on:click=move |_| go(at.get_untracked().saturating_sub(1))>"Back"</button>
                    <button type="button" class="big primary" disabled=move || at.get() + 1 == STEPS.len() on:click=move |_| go((at.get_untracked() + 1).min(STEPS.len() - 1))>"Next"</button>
                </div>
            </section>
            <ol class="steps" hidden=move || !all.get()>
                {STEPS.iter().map(|s| view! {
                    <li class="card"><h2>{s.title}</h2>{details(s)}</li>
                }).collect_view()}
            </ol>
            <ListCard title="Signs of an overdose" items=&OVERDOSE_SIGNS/>
            <ListCard title="When they wake up" items=&ON_WAKING/>
            <ListCard title="Don't" items=&DO_NOT/>
            <section class="card">
                <h2>"Good Samaritan laws"</h2>
                <p>{GOOD_SAMARITAN}</p>
            </section>
            <p class="small">{format!(
                "Sources: {}; {}; {}; {}; {}; {}.",
                sources::NARCAN_LABEL,
                sources::NARCAN_PROFESSIONAL,
                sources::AHA_OPIOID,
                sources::SAMHSA_TOOLKIT,
                sources::CDC_STOP_OVERDOSE,
                sources::NIDA_NALOXONE
            )}</p>
        </div>
    }
}

/// What to do in a step, its own Call 911 where it has one, and its sources.
fn details(s: &'static Step) -> impl IntoView {
    view! {
        {s.detail.iter().map(|d| view! { <p>{*d}</p> }).collect_view()}
        {s.call_911.then(|| view! { <a class="call-911" href=format!("tel:{}", EMERGENCY.call)>"Call 911"</a> })}
        <p class="source">{format!("Source: {}", s.sources.join("; "))}</p>
    }
}

/// A card with a heading and a bulleted list of fixed content.
#[component]
fn ListCard(title: &'static str, items: &'static [&'static str]) -> impl IntoView {
    view! {
        <section class="card">
            <h2>{title}</h2>
            <ul>{items.iter().map(|t| view! { <li>{*t}</li> }).collect_view()}</ul>
        </section>
    }
}
