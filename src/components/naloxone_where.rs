//! Where the person's naloxone is, from their kits: what a bystander needs most, right after
//! Call 911 on Get help and on the overdose steps. Nothing when no kit says where it is.

use crate::state::use_app_state;
use leptos::prelude::*;

#[component]
pub fn NaloxoneWhere() -> impl IntoView {
    let state = use_app_state();
    move || {
        let places: Vec<String> = state.plan.with(|p| {
            p.naloxone_kits
                .iter()
                .map(|k| k.location.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect()
        });
        (!places.is_empty()).then(|| {
            view! {
                <p class="naloxone-where" data-testid="naloxone-where">
                    <strong>{tr!(crisis.naloxone_where)}" "</strong>{places.join("; ")}
                </p>
            }
        })
    }
}
