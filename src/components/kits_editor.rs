//! Naloxone kits in the plan: where each is kept, what kind, when it expires, how many doses,
//! who else knows. Storage guidance sits beside them. Every change saves at once.

use crate::components::record_list::RecordList;
use crate::components::tables::KITS;
use crate::domain::naloxone::{STORAGE_GUIDANCE, STORAGE_SOURCE};
use leptos::prelude::*;

#[component]
pub fn KitsEditor() -> impl IntoView {
    view! {
        <RecordList anchor="naloxone" title="Naloxone kits" noun="kit" records=&KITS
            hint="Where your naloxone is, so you and the people around you can find it fast."
            add_label="Add a kit: where is it kept?" placeholder="Kitchen drawer">
            <details class="guidance">
                <summary>"How to store naloxone"</summary>
                <ul>{STORAGE_GUIDANCE.iter().map(|t| view! { <li>{*t}</li> }).collect_view()}</ul>
                <p class="small">{format!("Source: {STORAGE_SOURCE}.")}</p>
            </details>
        </RecordList>
    }
}
