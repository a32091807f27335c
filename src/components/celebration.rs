//! The first time a milestone is reached: a calm card, shown once (until "Thank you").
//! On Today and on My recovery.

use crate::state::use_app_state;
use leptos::prelude::*;

#[component]
pub fn Celebration() -> impl IntoView {
    let state = use_app_state();
    let thanks = move |_| {
        let today = state.clock.today.get_untracked();
        state.edit(|p| p.recovery.mark_celebrated(today));
    };
    move || {
        let today = state.clock.today.get();
        let m = state.plan.with(|p| p.recovery.to_celebrate(today).pop())?;
        Some(view! {
            <section class="card celebrate" role="status" data-testid="celebration">
                <h2>{tr!(progress.celebration.title, milestone = m.label)}</h2>
                <p>{tr!(progress.celebration.body)}</p>
                {m.na_key_tag.map(|t| view! { <p>{tr!(progress.celebration.key_tag, color = crate::domain::milestones::key_tag_color(t))}</p> })}
                <button type="button" class="primary" on:click=thanks>{tr!(progress.celebration.thanks)}</button>
            </section>
        })
    }
}
