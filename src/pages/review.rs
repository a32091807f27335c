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
    crate::web::set_title(tr!(plan.review.title));
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
            Review::Next(d) => tr!(plan.review.next_on, date = long_date(d, today)),
            _ => String::new(),
        })
    };
    view! {
        <p class="crumb"><a href=Route::Plan.path()>{tr!(plan.title)}</a></p>
        <Show when=move || !finished.get() fallback=move || view! {
            <h1>{tr!(plan.review.done)}</h1>
            <section class="card" role="status">
                <p>{move || { let t = state.today(); tr!(plan.review.reviewed_on, date = long_date(t, t)) }}</p>
                <p>{next_review}</p>
                <p><a href=Route::Plan.path()>{tr!(plan.review.back_to_plan)}</a></p>
            </section>
        }>
            <p class="step-count">{move || tr!(plan.review.count, at = at.get() + 1, total = total)}</p>
            <h1 node_ref=heading tabindex="-1">{move || Pillar::ALL[at.get()].title()}</h1>
            <p class="hint">{tr!(plan.review.hint)}</p>
            {move || pillar_body(Pillar::ALL[at.get()])}
            <div class="step-nav">
                <button type="button" class="big" disabled=move || at.get() == 0
                    on:click=move |_| go(at.get_untracked().saturating_sub(1))>{tr!(plan.review.back)}</button>
                <Show when=move || at.get() + 1 < total fallback=move || view! {
                    <button type="button" class="big primary" on:click=finish>{tr!(plan.review.finish)}</button>
                }>
                    <button type="button" class="big primary" on:click=move |_| go(at.get_untracked() + 1)>{tr!(plan.review.next)}</button>
                </Show>
            </div>
        </Show>
    }
}
