//! Naloxone kits in the plan: where each is kept, what kind, when it expires, how many doses,
//! who else knows. Storage guidance sits beside them. Every change saves at once.

use crate::components::record_list::RecordList;
use crate::components::tables::KITS;
use crate::domain::naloxone::{storage_guidance, storage_source};
use leptos::prelude::*;

#[component]
pub fn KitsEditor() -> impl IntoView {
    view! {
        <RecordList anchor="naloxone" title=tr!(editors.kits.title) noun=tr!(editors.kits.noun) records=&KITS
            hint=tr!(editors.kits.hint)
            add_label=tr!(editors.kits.add_label) placeholder=tr!(editors.kits.location_example)>
            <details class="guidance">
                <summary>{tr!(editors.kits.storage)}</summary>
                <ul>{storage_guidance(crate::lang::current()).into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                <p class="small">{tr!(editors.kits.source, source = storage_source(crate::lang::current()))}</p>
            </details>
        </RecordList>
    }
}
