//! Get help: 911 first, the overdose steps, the person's own crisis steps in their order,
//! then their crisis contacts (call, or
//! text the message they wrote in advance), their coping strategies and reasons, and the
//! national lines. Complete with an empty plan, and even when the saved plan could not be
//! opened.

use crate::components::crisis_lines::NationalLines;
use crate::components::naloxone_where::NaloxoneWhere;
use crate::components::{own_list, reason_texts};
use crate::domain::contacts::crisis_contacts;
use crate::domain::resources::emergency;
use crate::router::Route;
use crate::state::use_app_state;
use leptos::prelude::*;

#[component]
pub fn CrisisPage() -> impl IntoView {
    crate::web::set_title(tr!(crisis.help.title));
    let state = use_app_state();
    let contacts = move || state.plan.with(crisis_contacts);
    view! {
        <h1>{tr!(crisis.help.heading)}</h1>
        <a class="call-911" href=format!("tel:{}", emergency().call)>{tr!(crisis.help.call_911)}</a>
        <NaloxoneWhere/>
        <p class="hint">{emergency().purpose}</p>
        <a href=Route::Overdose.path() class="button primary wide">{tr!(crisis.help.overdose_link)}</a>
        // The person's own "In a crisis" steps, in their order.
        {move || {
            let steps = state.plan.with(|p| p.crisis_steps.iter().map(|s| s.text.clone()).collect::<Vec<_>>());
            (!steps.is_empty()).then(|| view! {
                <section class="card" aria-labelledby="my-steps">
                    <h2 id="my-steps">{tr!(crisis.help.my_steps)}</h2>
                    <ol class="numbered" data-testid="my-crisis-steps">{steps.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ol>
                </section>
            })
        }}
        {move || crate::components::contact_links::people_card(contacts(), "my-people")}
        {own_list(tr!(crisis.help.what_helps), |p| p.relapse.coping.iter().map(|c| c.text.clone()).collect())}
        {own_list(tr!(crisis.help.why), reason_texts)}
        <NationalLines/>
    }
}
