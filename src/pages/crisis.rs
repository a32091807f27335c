//! Get help: 911 first, then the person's own crisis contacts, then national lines.
//! Works with an empty plan and even when the saved plan could not be opened.

use crate::domain::contacts::dial_string;
use crate::domain::resources::{CrisisLine, EMERGENCY, NATIONAL_LINES};
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
                .filter_map(|c| dial_string(&c.phone).map(|n| (c.id.clone(), c.name.clone(), n)))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <h1>"Get help now"</h1>
        <a class="call-911" href=format!("tel:{}", EMERGENCY.call)>"Call 911"</a>
        <p class="hint">{EMERGENCY.purpose}</p>
        // A plain page: it works even if the app cannot start (and needs no extra code here).
        <a class="button primary wide" href="/naloxone.html" rel="external">"Someone may be overdosing: what to do"</a>
        <Show when=move || !contacts().is_empty()>
            <section class="card" aria-labelledby="my-people">
                <h2 id="my-people">"My people"</h2>
                <ul class="lines">
                    <For each=contacts key=|c| c.0.clone() children=|(_, name, number)| view! {
                        <li><a class="call" href=format!("tel:{number}")>{format!("Call {name}")}</a></li>
                    }/>
                </ul>
            </section>
        </Show>
        <section class="card" aria-labelledby="lines">
            <h2 id="lines">"Crisis lines"</h2>
            <ul class="lines">
                {NATIONAL_LINES.iter().map(line).collect_view()}
            </ul>
        </section>
    }
}

fn line(l: &'static CrisisLine) -> impl IntoView {
    view! {
        <li>
            <h3>{l.name}</h3>
            <p>{l.purpose}</p>
            <div class="row">
                <a class="call" href=format!("tel:{}", l.call)>{format!("Call {}", l.display)}</a>
                {l.text.map(|t| view! { <a class="call" href=format!("sms:{t}")>{format!("Text {t}")}</a> })}
            </div>
        </li>
    }
}
