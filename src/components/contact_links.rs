//! One-tap Call and Text links for the person's crisis contacts (the text is the message
//! they wrote in advance; they still press send).

use crate::domain::contacts::crisis_contacts;
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
                            <a class="call" href=format!("tel:{}", c.number)>{format!("Call {}", c.name)}</a>" "
                            <a class="call" href=c.sms>{format!("Text {}", c.name)}</a>
                        </li>
                    }).collect_view()}
                </ul>
            }
        })
    }
}
