//! The days in recovery, with the real hours in the first three days, and the next
//! milestone. Read from the app's clock, so it moves at midnight and when the app returns.

use crate::domain::dates::long_date;
use crate::domain::words::plural;
use crate::state::use_app_state;
use leptos::prelude::*;

#[component]
pub fn RecoveryCounter() -> impl IntoView {
    let state = use_app_state();
    move || {
        let today = state.clock.today.get();
        let now = state.clock.now_utc.get();
        state.plan.with(|p| {
            let r = &p.recovery;
            let Some(days) = r.days_in_recovery(today) else {
                return view! {
                    <p data-testid="counter">"Set the date your recovery began, and Safety Net counts your days."</p>
                }
                .into_any();
            };
            let future = r.starts_after(today);
            let hours = r
                .hours_in_recovery(now, crate::web::local_to_utc)
                .filter(|_| days < 3 && !future)
                .map(|h| format!(" ({h} hours)"));
            let next = r.next_milestone(today).map(|(m, d, left)| {
                format!(
                    "Next: {} on {} ({} to go).",
                    m.label,
                    long_date(d, today),
                    plural(left, "day")
                )
            });
            view! {
                <p class="counter" data-testid="counter"><strong>{plural(days, "day")}</strong>{hours}" in recovery"</p>
                {next.map(|n| view! { <p>{n}</p> })}
                {future.then(|| view! {
                    <p class="warn-text" data-testid="future-date">
                        "Your recovery date is after today's date on this phone: check the phone's date, or change the recovery date."
                    </p>
                })}
            }
            .into_any()
        })
    }
}
