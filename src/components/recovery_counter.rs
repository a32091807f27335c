//! The days in recovery, with the real hours in the first three days, and the next
//! milestone. Read from the app's clock, so it moves at midnight and when the app returns.

use crate::domain::dates::long_date;
use crate::domain::milestones::days_text;
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
                    <p data-testid="counter">{tr!(progress.counter.not_set)}</p>
                }
                .into_any();
            };
            let future = r.starts_after(today);
            let hours = r
                .hours_in_recovery(now, crate::web::local_to_utc)
                .filter(|_| days < 3 && !future)
                .map(|h| {
                    if h == 1 {
                        tr!(progress.counter.hours_one, n = h)
                    } else {
                        tr!(progress.counter.hours, n = h)
                    }
                });
            let next = r.next_milestone(today).map(|(m, d, left)| {
                tr!(
                    progress.counter.next,
                    milestone = m.label,
                    date = long_date(d, today),
                    left = days_text(left)
                )
            });
            view! {
                <p class="counter" data-testid="counter"><strong>{days_text(days)}</strong>{hours}{tr!(progress.counter.in_recovery)}</p>
                {next.map(|n| view! { <p>{n}</p> })}
                {future.then(|| view! {
                    <p class="warn-text" data-testid="future-date">
                        {tr!(progress.counter.future)}
                    </p>
                })}
            }
            .into_any()
        })
    }
}
