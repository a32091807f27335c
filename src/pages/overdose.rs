//! Someone may be overdosing: the naloxone steps, one at a time or all at once, for a
//! stranger under stress. Works on first open with an empty plan, and even when the saved
//! plan could not be opened. The content is data in `domain::naloxone`, with its sources.

use crate::components::dose_timer::use_dose_timer;
use crate::components::naloxone_where::NaloxoneWhere;
use crate::domain::naloxone::{
    sources, Step, DO_NOT, GOOD_SAMARITAN, ON_WAKING, OVERDOSE_SIGNS, STEPS,
};
use crate::domain::resources::emergency;
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
    let bar = NodeRef::<leptos::html::Div>::new();
    // Brings the step's heading into view above the bar of buttons when it is not (large
    // text on a small phone); with ordinary text everything already fits.
    let show_step = move || {
        request_animation_frame(move || {
            let (Some(h), Some(b)) = (heading.get_untracked(), bar.get_untracked()) else {
                return;
            };
            let (top, bottom) = (h.get_bounding_client_rect(), b.get_bounding_client_rect());
            if top.top() < 0.0 || top.bottom() > bottom.top() {
                // The step's card, so "Step 2 of 6" shows above its heading.
                match h.parent_element() {
                    Some(card) => card.scroll_into_view(),
                    None => h.scroll_into_view(),
                }
            }
        });
    };
    Effect::new(move |_| show_step());
    let go = move |to: usize| {
        at.set(to);
        request_animation_frame(move || {
            if let Some(h) = heading.get_untracked() {
                let _ = h.focus();
            }
        });
        show_step();
    };
    let call = format!("tel:{}", emergency().call);
    view! {
        <div class="od">
            // For a helper who reads Spanish: the same steps on the plain Spanish page. Above
            // the heading, where it is seen first; below it, it would come between Call 911
            // and where the naloxone is, and push the step off a small screen at 200% text.
            <p class="lang"><a href="/naloxone-es.html" hreflang="es" lang="es">"Los pasos en español"</a></p>
            <h1>"Someone may be overdosing"</h1>
            <a class="call-911" href=call.clone()>"Call 911"</a>
            <NaloxoneWhere/>
            <Show when=move || !timer.active()>
                <button type="button" class="primary big wide" on:click=move |_| timer.give()>"I gave a dose of naloxone"</button>
                <p class="hint">"A timer will tell you when another dose is due."</p>
            </Show>
            <section class="step card" hidden=all aria-labelledby="step-title">
                <p class="step-count">{move || format!("Step {} of {}", at.get() + 1, STEPS.len())}</p>
                <h2 id="step-title" node_ref=heading tabindex="-1">{move || STEPS[at.get()].title}</h2>
                // Where the naloxone is, in the step that gives it.
                {move || (at.get() == 1).then(|| view! { <NaloxoneWhere/> })}
                {move || details(&STEPS[at.get()])}
            </section>
            // Back, Call 911 and Next stay on the screen (above the navigation) whatever the
            // text size, so the person never has to scroll to go on or to call.
            <div class="od-bar" node_ref=bar hidden=all role="group" aria-label="Steps">
                <button type="button" class="big" disabled=move || at.get() == 0 on:click=move |_| go(at.get_untracked().saturating_sub(1))>"Back"</button>
                <a class="od-call" href=call>"Call 911"</a>
                <button type="button" class="big primary" disabled=move || at.get() + 1 == STEPS.len() on:click=move |_| go((at.get_untracked() + 1).min(STEPS.len() - 1))>"Next"</button>
            </div>
            <ol class="steps" hidden=move || !all.get()>
                {STEPS.iter().map(|s| view! {
                    <li class="card"><h2>{s.title}</h2>{details(s)}</li>
                }).collect_view()}
            </ol>
            <div class="row switch" role="group" aria-label="Show the steps">
                <button type="button" aria-pressed=move || (!all.get()).to_string() on:click=move |_| all.set(false)>"One at a time"</button>
                <button type="button" aria-pressed=move || all.get().to_string() on:click=move |_| all.set(true)>"All steps"</button>
            </div>
            <ListCard title="Signs of an overdose" items=&OVERDOSE_SIGNS/>
            <ListCard title="When they wake up" items=&ON_WAKING/>
            <ListCard title="Don't" items=&DO_NOT/>
            <section class="card">
                <h2>"Good Samaritan laws"</h2>
                <p>{GOOD_SAMARITAN}</p>
            </section>
            <details class="sources">
                <summary>"Sources"</summary>
                <ul class="small">
                    {[
                        sources::NARCAN_LABEL,
                        sources::NARCAN_PROFESSIONAL,
                        sources::AHA_OPIOID,
                        sources::SAMHSA_TOOLKIT,
                        sources::CDC_STOP_OVERDOSE,
                        sources::NIDA_NALOXONE,
                    ].into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
                </ul>
            </details>
        </div>
    }
}

/// What to do in a step, its own Call 911 where it has one, and its sources (behind a small
/// disclosure, so the steps themselves fit the screen).
fn details(s: &'static Step) -> impl IntoView {
    view! {
        {s.detail.iter().map(|d| view! { <p>{*d}</p> }).collect_view()}
        {s.call_911.then(|| view! { <a class="call-911" href=format!("tel:{}", emergency().call)>"Call 911"</a> })}
        <details class="source">
            <summary>"Sources"</summary>
            <p>{s.sources.join("; ")}</p>
        </details>
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
