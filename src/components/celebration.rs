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
                <h2>{format!("{} in recovery", m.label)}</h2>
                <p>"You did this, one day at a time. Take a moment to notice it."</p>
                {m.na_key_tag.map(|t| view! { <p>{format!("In NA, this is the {t} key tag.")}</p> })}
                <button type="button" class="primary" on:click=thanks>"Thank you"</button>
            </section>
        })
    }
}
