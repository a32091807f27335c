//! My plan: the pillars of the safety net.

use crate::components::kits_editor::KitsEditor;
use crate::components::list_editor::{ListEditor, ListLens};
use leptos::prelude::*;

#[component]
pub fn PlanPage() -> impl IntoView {
    crate::web::set_title("My plan");
    view! {
        <h1>"My plan"</h1>
        <p class="lead">"Your safety net, in your own words. Every change is saved as you go."</p>
        <ListEditor title="Reasons for recovery" noun="reason"
            hint="What recovery gives you, and who you are doing it for."
            placeholder="Be there for my daughter"
            lens=ListLens { get: |p| &p.relapse.reasons, get_mut: |p| &mut p.relapse.reasons }/>
        <ListEditor title="Warning signs" noun="warning sign"
            hint="Early signs that things are slipping: thoughts, moods, habits."
            placeholder="Skipping meetings"
            lens=ListLens { get: |p| &p.relapse.warning_signs, get_mut: |p| &mut p.relapse.warning_signs }/>
        <ListEditor title="Places to avoid" noun="place to avoid"
            hint="Places that make using more likely."
            placeholder="The corner by the old apartment"
            lens=ListLens { get: |p| &p.relapse.places_to_avoid, get_mut: |p| &mut p.relapse.places_to_avoid }/>
        <ListEditor title="If I slip" noun="step" ordered=true
            hint="What you will do, in order, if you use again. A slip is a setback, not a failure."
            placeholder="Call my sponsor the same day"
            lens=ListLens { get: |p| &p.slip_steps, get_mut: |p| &mut p.slip_steps }/>
        <KitsEditor/>
    }
}
