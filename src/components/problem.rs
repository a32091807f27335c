//! Where a plan that cannot be read goes wrong.
//!
//! The app reads plans with the quick reader (`schema::decode`), whose message says what is
//! wrong but not where. Naming the place (`plan.people[0].name: …`) takes a second copy of
//! the plan's reader, so it is used only here, by views that are themselves in chunks
//! fetched when needed (the recovery screen for damaged data and the backup import, in
//! Settings and on the lock screen): it is never in the first load.

use crate::domain::schema::{self, DecodeError};
use leptos::prelude::*;

/// The message for `text`'s problem with its place in the plan, when the problem is a part
/// of the plan in the wrong form (`None` for every other problem, or none).
pub fn with_its_place(text: &str) -> Option<String> {
    // Naming the place reads the file a second time: not worth a second wait on a file far
    // larger than any plan (ten years of daily check-ins are under 1 MB).
    if text.len() > 2 * 1024 * 1024 {
        return None;
    }
    match schema::decode_placed(text.trim_start_matches('\u{feff}')) {
        Err(e @ DecodeError::Invalid(_)) => Some(e.to_string()),
        _ => None,
    }
}

/// "What went wrong", for a saved plan that could not be opened, with the place of the
/// problem when there is one to name.
#[component]
pub fn WhatWentWrong(reason: String, raw: String) -> impl IntoView {
    // A locked plan is stored sealed: its reason says what went wrong inside.
    let said = if crate::domain::lock::is_sealed(&raw) {
        reason
    } else {
        with_its_place(&raw).unwrap_or(reason)
    };
    view! { <p class="small">{tr!(settings.problem.what_went_wrong)}{said}</p> }
}
