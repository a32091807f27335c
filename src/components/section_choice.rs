//! Which sections of the plan to share or print: each a tick box; the private ones (the
//! people and places kept at a distance, triggers, goals, medication and care, therapy)
//! start unticked and go out only when the person ticks them.

use crate::domain::pillars::SHARE_SECTIONS;
use leptos::prelude::*;

/// The sections chosen by default: every one that is not private.
pub fn not_private() -> Vec<&'static str> {
    SHARE_SECTIONS
        .iter()
        .filter(|s| !s.private)
        .map(|s| s.key)
        .collect()
}

#[component]
pub fn SectionChoice(legend: &'static str, chosen: RwSignal<Vec<&'static str>>) -> impl IntoView {
    view! {
        <fieldset class="card">
            <legend>{legend}</legend>
            {SHARE_SECTIONS.iter().map(|s| {
                let key = s.key;
                view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=move || chosen.with(|c| c.contains(&key))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                chosen.update(|c| {
                                    c.retain(|k| *k != key);
                                    if on {
                                        c.push(key);
                                    }
                                });
                            }/>
                        // One piece of text beside the box, so it wraps as one line of words.
                        <span>{s.title}{s.private.then(|| format!(" {}", tr!(editors.share.private)))}</span>
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}
