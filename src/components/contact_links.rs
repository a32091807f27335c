//! One-tap Call and Text links for the person's crisis contacts (the text is the message
//! they wrote in advance; they still press send).

use crate::domain::contacts::{crisis_contacts, CrisisContact};
use crate::state::use_app_state;
use leptos::prelude::*;

/// The crisis contacts as a list of Call/Text links; nothing when there are none.
#[component]
pub fn ContactLinks() -> impl IntoView {
    let state = use_app_state();
    move || {
        let people = state.plan.with(crisis_contacts);
        (!people.is_empty()).then(|| {
            view! {
                <ul class="plain lines">
                    {people.into_iter().map(|c| view! {
                        <li>
                            <a class="call" href=format!("tel:{}", c.number)>{tr!(crisis.help.call, who = c.name.as_str())}</a>" "
                            <a class="call" href=c.sms>{tr!(crisis.help.text, who = c.name.as_str())}</a>
                        </li>
                    }).collect_view()}
                </ul>
            }
        })
    }
}

/// "My people": each crisis contact by name, with one-tap Call and Text, as Get help and the
/// lock screen show them. Nothing when there are none.
pub fn people_card(people: Vec<CrisisContact>, heading_id: &'static str) -> impl IntoView {
    (!people.is_empty()).then(|| {
        view! {
            <section class="card" aria-labelledby=heading_id>
                <h2 id=heading_id>{tr!(crisis.help.my_people)}</h2>
                <ul class="lines">
                    {people.into_iter().map(|c| view! {
                        <li>
                            <h3>{c.name.clone()}</h3>
                            <div class="row">
                                <a class="call" href=format!("tel:{}", c.number)>{tr!(crisis.help.call, who = c.name.as_str())}</a>
                                <a class="call" href=c.sms>{tr!(crisis.help.text, who = c.name.as_str())}</a>
                            </div>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}
