//! Reviewing the plan: one pillar at a time, each editable, then the date is recorded and
//! the next review comes due after the chosen number of days.

use crate::components::pillar_body::pillar_body;
use crate::domain::dates::long_date;
use crate::domain::pillars::{record_review, review, Pillar, Review};
use crate::router::Route;
use crate::state::use_app_state;
use leptos::html::H1;
use leptos::prelude::*;

#[component]
pub fn ReviewPage() -> impl IntoView {
    crate::web::set_title("Review my plan");
    let state = use_app_state();
    let finished = RwSignal::new(false);
    let heading = NodeRef::<H1>::new();
    let (at, go) = crate::components::stepper(heading);
    let total = Pillar::ALL.len();
    let finish = move |_| {
        let today = state.clock.today.get_untracked();
        state.edit(|p| record_review(p, today));
        finished.set(true);
    };
    let next_review = move || {
        let today = state.today();
        state.plan.with(|p| match review(p, today) {
            Review::Next(d) => format!("Your next review is on {}.", long_date(d, today)),
            _ => String::new(),
        })
    };
    view! {
        <p class="crumb"><a href=Route::Plan.path()>"My plan"</a></p>
        <Show when=move || !finished.get() fallback=move || view! {
            <h1>"Review done"</h1>
            <section class="card" role="status">
                <p>{move || { let t = state.today(); format!("Reviewed on {}.", long_date(t, t)) }}</p>
                <p>{next_review}</p>
                <p><a href=Route::Plan.path()>"Back to my plan"</a></p>
            </section>
        }>
            <p class="step-count">{move || format!("Review {} of {}", at.get() + 1, total)}</p>
            <h1 node_ref=heading tabindex="-1">{move || Pillar::ALL[at.get()].title()}</h1>
            <p class="hint">"Does this still fit your life? Change what doesn't, then go on."</p>
            {move || pillar_body(Pillar::ALL[at.get()])}
            <div class="step-nav">
                <button type="button" class="big" disabled=move || at.get() == 0
                    on:click=move |_| go(at.get_untracked().saturating_sub(1))>"Back"</button>
                <Show when=move || at.get() + 1 < total fallback=move || view! {
                    <button type="button" class="big primary" on:click=finish>"Finish review"</button>
                }>
                    <button type="button" class="big primary" on:click=move |_| go(at.get_untracked() + 1)>"Next"</button>
                </Show>
            </div>
        </Show>
    }
}
