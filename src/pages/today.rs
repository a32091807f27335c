//! Today: where the person lands every time.

use crate::state::use_app_state;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn TodayPage() -> impl IntoView {
    crate::web::set_title("Today");
    let state = use_app_state();
    let date = crate::domain::dates::long_date(crate::web::today());
    let empty = move || state.plan.with(|p| p.is_empty());
    let reasons = move || {
        state.plan.with(|p| {
            p.relapse
                .reasons
                .iter()
                .map(|r| (r.id.clone(), r.text.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <h1>"Today"</h1>
        <p class="date">{date}</p>
        <Show when=empty>
            <section class="card welcome">
                <h2>"Welcome to your safety net"</h2>
                <p>"Build your own recovery plan: your reasons, your people, what to do when things get hard. It takes a few minutes and you can change it any time."</p>
                <p>"Everything you write stays on this device. No account, nothing sent anywhere."</p>
                <A href="/plan" attr:class="button primary">"Start my plan"</A>
            </section>
        </Show>
        <Show when=move || !reasons().is_empty()>
            <section class="card" aria-labelledby="why">
                <h2 id="why">"Why I'm doing this"</h2>
                <ul class="reasons">
                    <For each=reasons key=|r| r.0.clone() children=|r| view! { <li>{r.1}</li> }/>
                </ul>
            </section>
        </Show>
        <section class="card quiet">
            <p>"In a hard moment, "<A href="/help">"Get help"</A>" is at the top of every screen."</p>
        </section>
    }
}
