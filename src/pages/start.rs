//! The guided start: a minimal safety net in about five minutes (three people, the text to
//! send them in a crisis, three triggers each with a coping strategy, where the naloxone is,
//! and the recovery date). Every step can be skipped,
//! every idea accepted, changed or ignored, and the whole guide left at any time.

use crate::components::kits_editor::KitsEditor;
use crate::components::record_list::RecordList;
use crate::components::recovery_date::RecoveryDate;
use crate::components::tables::{PEOPLE_CRISIS_TEXT, PEOPLE_SHORT, TRIGGERS_WITH_COPING};
use crate::domain::pillars::{halt_ideas, record_review};
use crate::domain::plan::GuidedStart;
use crate::router::Route;
use crate::state::use_app_state;
use leptos::html::H1;
use leptos::prelude::*;

/// The steps' headings, in the current language.
fn steps() -> [&'static str; STEP_COUNT] {
    [
        tr!(plan.start.steps.people),
        tr!(plan.start.steps.crisis_text),
        tr!(plan.start.steps.triggers),
        tr!(plan.start.steps.naloxone),
        tr!(plan.start.steps.date),
    ]
}

const STEP_COUNT: usize = 5;

#[component]
pub fn StartPage() -> impl IntoView {
    crate::web::set_title(tr!(plan.start.title));
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
    let done = move || at.get() == STEP_COUNT;
    view! {
        <Show when=move || !done() fallback=move || view! {
            <h1 node_ref=heading tabindex="-1">{tr!(plan.start.done_title)}</h1>
            <section class="card">
                <p>{tr!(plan.start.done_saved)}</p>
                <p><a class="button primary" href=Route::Plan.path()>{tr!(plan.start.see_plan)}</a></p>
                <p><a href=Route::Today.path()>{tr!(plan.start.go_today)}</a></p>
            </section>
            <section class="card" aria-labelledby="start-lock">
                <h2 id="start-lock">{tr!(plan.start.private_title)}</h2>
                <p>{tr!(plan.start.private_text)}</p>
                <p><a href=format!("{}#lock", Route::Settings.path())>{tr!(plan.start.lock)}</a></p>
            </section>
        }>
            <p class="step-count">{move || tr!(plan.start.count, at = at.get() + 1, total = STEP_COUNT)}</p>
            <h1 node_ref=heading tabindex="-1">{move || steps()[at.get()]}</h1>
            {move || match at.get() {
                0 => view! {
                    <RecordList anchor="start-people" title={tr!(plan.start.people.title)} noun={tr!(plan.start.people.noun)} records=&PEOPLE_SHORT
                        hint={tr!(plan.start.people.hint)}
                        add_label={tr!(plan.lists.people.add_label)} placeholder={tr!(plan.lists.people.placeholder)}/>
                }.into_any(),
                1 => view! {
                    <RecordList anchor="start-crisis-text" title={tr!(plan.start.crisis_text.title)} noun={tr!(plan.start.people.noun)} records=&PEOPLE_CRISIS_TEXT no_add=true open_all=true
                        hint={tr!(plan.start.crisis_text.hint)}
                        add_label="" placeholder=""/>
                }.into_any(),
                2 => view! {
                    <RecordList anchor="start-triggers" title={tr!(plan.start.triggers.title)} noun={tr!(plan.lists.triggers.noun)} records=&TRIGGERS_WITH_COPING
                        hint={tr!(plan.start.triggers.hint)}
                        add_label={tr!(plan.lists.triggers.add_label)} placeholder={tr!(plan.lists.triggers.placeholder)}
                        suggestions=halt_ideas()/>
                }.into_any(),
                3 => view! { <KitsEditor/> }.into_any(),
                _ => view! {
                    <section class="card">
                        <p class="hint">{tr!(plan.start.date_hint)}</p>
                        <RecoveryDate/>
                    </section>
                }.into_any(),
            }}
            <div class="step-nav">
                <button type="button" class="big" disabled=move || at.get() == 0
                    on:click=move |_| go(at.get_untracked().saturating_sub(1))>{tr!(plan.start.back)}</button>
                <button type="button" class="big primary" on:click=move |_| {
                    let next = at.get_untracked() + 1;
                    if next == STEP_COUNT {
                        set(GuidedStart::Done);
                    }
                    go(next);
                }>{move || if at.get() + 1 == STEP_COUNT { tr!(plan.start.finish) } else { tr!(plan.start.next) }}</button>
            </div>
            <p><button type="button" class="link" on:click=move |_| {
                set(GuidedStart::Skipped);
                crate::router::go(&Route::Plan.path());
            }>{tr!(plan.start.skip)}</button></p>
        </Show>
    }
}
