//! Where a plan that cannot be read goes wrong, in a chunk of its own.
//!
//! The app reads plans with the quick reader (`schema::decode`), whose message says what is
//! wrong but not where. Naming the place (`plan.people[0].name: …`) takes a second copy of
//! the plan's reader, so it is fetched only when a saved plan or a backup has failed to
//! read, to put the place in the message.

use crate::domain::schema::{self, DecodeError};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The message for `text`'s problem with its place in the plan, when the problem is a part
/// of the plan in the wrong form (`None` for every other problem, or none).
#[lazy]
fn explain(text: String) -> Option<String> {
    match schema::decode_placed(text.trim_start_matches('\u{feff}')) {
        Err(e @ DecodeError::Invalid(_)) => Some(e.to_string()),
        _ => None,
    }
}

/// Fetches the message with its place and hands it to `show`; nothing happens when there is
/// no better message (or the chunk cannot be fetched: the message without its place stays).
pub fn name_the_place(text: String, show: impl FnOnce(String) + 'static) {
    spawn_local(async move {
        if let Some(placed) = explain(text).await {
            show(placed);
        }
    });
}

/// "What went wrong", for a saved plan that could not be opened: `reason` at once, then
/// the same with the place of the problem, if there is one to name.
#[component]
pub fn WhatWentWrong(reason: String, raw: String) -> impl IntoView {
    let said = RwSignal::new(reason);
    name_the_place(raw, move |placed| said.set(placed));
    view! { <p class="small">"What went wrong: "{said}</p> }
}
