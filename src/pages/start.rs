//! The guided start: a minimal safety net in about five minutes (three people, the text to
//! send them in a crisis, three triggers each with a coping strategy, where the naloxone is,
//! and the recovery date). Every step can be skipped,
//! every idea accepted, changed or ignored, and the whole guide left at any time.

use crate::components::kits_editor::KitsEditor;
use crate::components::record_list::RecordList;
use crate::components::recovery_date::RecoveryDate;
use crate::components::tables::{PEOPLE_CRISIS_TEXT, PEOPLE_SHORT, TRIGGERS_WITH_COPING};
use crate::domain::pillars::record_review;
use crate::domain::plan::GuidedStart;
use crate::router::Route;
use crate::state::use_app_state;
use leptos::html::H1;
use leptos::prelude::*;

const STEPS: [&str; 5] = [
    "Three people you can call",
    "What to text them in a crisis",
    "Three triggers, and what you'll do instead",
    "Where is your naloxone?",
    "When did your recovery begin?",
];

#[component]
pub fn StartPage() -> impl IntoView {
    crate::web::set_title("Build your safety net");
    let state = use_app_state();
    let heading = NodeRef::<H1>::new();
    let (at, go) = crate::components::stepper(heading);
    let set = move |how: GuidedStart| {
        let today = state.clock.today.get_untracked();
        state.edit(|p| {
            p.settings.guided_start = how;
            if how == GuidedStart::Done {
                // Building the plan step by step is its first review.
                record_review(p, today);
            }
        });
    };
    let done = move || at.get() == STEPS.len();
    view! {
        <Show when=move || !done() fallback=move || view! {
            <h1 node_ref=heading tabindex="-1">"Your safety net has started"</h1>
            <section class="card">
                <p>"It's saved on this device. Add to it whenever you like: your medication, your steps after a slip, what you want your loved ones to know."</p>
                <p><a class="button primary" href=Route::Plan.path()>"See my plan"</a></p>
                <p><a href=Route::Today.path()>"Go to Today"</a></p>
            </section>
            <section class="card" aria-labelledby="start-lock">
                <h2 id="start-lock">"Keep it private"</h2>
                <p>"If someone else may pick up this phone, you can lock Safety Net with a passcode. Crisis help stays open without it."</p>
                <p><a href=format!("{}#lock", Route::Settings.path())>"Lock Safety Net with a passcode"</a></p>
            </section>
        }>
            <p class="step-count">{move || format!("Step {} of {}", at.get() + 1, STEPS.len())}</p>
            <h1 node_ref=heading tabindex="-1">{move || STEPS[at.get()]}</h1>
            {move || match at.get() {
                0 => view! {
                    <RecordList anchor="start-people" title="People" noun="person" records=&PEOPLE_SHORT
                        hint="A sponsor, family, a friend, a recovery coach. Ask them first if you may call in a crisis."
                        add_label="Add a person: their name" placeholder="Sam"/>
                }.into_any(),
                1 => view! {
                    <RecordList anchor="start-crisis-text" title="A text for each person" noun="person" records=&PEOPLE_CRISIS_TEXT no_add=true open_all=true
                        hint="Written now, sent in one tap from Get help when it's hard to find words. You can leave any of these empty."
                        add_label="" placeholder=""/>
                }.into_any(),
                2 => view! {
                    <RecordList anchor="start-triggers" title="Triggers" noun="trigger" records=&TRIGGERS_WITH_COPING
                        hint="HALT is a good start: hungry, angry, lonely, tired. For each, what will you do instead?"
                        add_label="Add a trigger" placeholder="Payday"
                        suggestions=&["Hungry", "Angry", "Lonely", "Tired"]/>
                }.into_any(),
                3 => view! { <KitsEditor/> }.into_any(),
                _ => view! {
                    <section class="card">
                        <p class="hint">"Optional. Safety Net counts your days from it and celebrates the milestones. Any date that is yours counts: the day you started treatment, or your last use."</p>
                        <RecoveryDate/>
                    </section>
                }.into_any(),
            }}
            <div class="step-nav">
                <button type="button" class="big" disabled=move || at.get() == 0
                    on:click=move |_| go(at.get_untracked().saturating_sub(1))>"Back"</button>
                <button type="button" class="big primary" on:click=move |_| {
                    let next = at.get_untracked() + 1;
                    if next == STEPS.len() {
                        set(GuidedStart::Done);
                    }
                    go(next);
                }>{move || if at.get() + 1 == STEPS.len() { "Finish" } else { "Next" }}</button>
            </div>
            <p><button type="button" class="link" on:click=move |_| {
                set(GuidedStart::Skipped);
                crate::router::go(&Route::Plan.path());
            }>"Skip the guide for now"</button></p>
        </Show>
    }
}
