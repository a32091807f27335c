//! Get help: 911 first, the overdose steps, then the person's own crisis contacts (call, or
//! text the message they wrote in advance), their coping strategies and reasons, and the
//! national lines. Complete with an empty plan, and even when the saved plan could not be
//! opened.

use crate::components::static_html::lines;
use crate::components::{own_list, reason_texts};
use crate::domain::contacts::{dial_string, sms_href};
use crate::domain::resources::{EMERGENCY, NATIONAL_LINES};
use crate::state::use_app_state;
use leptos::prelude::*;

#[component]
pub fn CrisisPage() -> impl IntoView {
    crate::web::set_title("Get help");
    let state = use_app_state();
    let contacts = move || {
        state.plan.with(|p| {
            p.people
                .iter()
                .filter(|c| c.call_in_crisis)
                .filter_map(|c| {
                    let n = dial_string(&c.phone)?;
                    Some((c.name.clone(), sms_href(&n, &c.crisis_message), n))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <h1>"Get help now"</h1>
        <a class="call-911" href=format!("tel:{}", EMERGENCY.call)>"Call 911"</a>
        <p class="hint">{EMERGENCY.purpose}</p>
        <a href="/overdose" class="button primary wide">"Someone may be overdosing: what to do"</a>
        {move || {
            let people = contacts();
            (!people.is_empty()).then(|| view! {
                <section class="card" aria-labelledby="my-people">
                    <h2 id="my-people">"My people"</h2>
                    <ul class="lines">
                        {people.into_iter().map(|(name, sms, number)| view! {
                            <li>
                                <h3>{name.clone()}</h3>
                                <div class="row">
                                    <a class="call" href=format!("tel:{number}")>{format!("Call {name}")}</a>
                                    <a class="call" href=sms>{format!("Text {name}")}</a>
                                </div>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })
        }}
        {own_list("What helps me", |p| p.relapse.coping.iter().map(|c| c.text.clone()).collect())}
        {own_list("Why I'm doing this", reason_texts)}
        <section class="card" aria-labelledby="lines">
            <h2 id="lines">"Crisis lines"</h2>
            <ul class="lines" inner_html=lines(&NATIONAL_LINES)></ul>
        </section>
    }
}
