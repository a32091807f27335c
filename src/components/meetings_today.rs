//! Today's meetings, the next one first, each marked as attended in one tap. On Today and
//! on Meetings; "today" and "next" follow the app's clock.

use crate::domain::community::{clock_time, next_today, on_day};
use crate::domain::Id;
use crate::state::use_app_state;
use chrono::Datelike;
use leptos::prelude::*;

#[component]
pub fn MeetingsToday() -> impl IntoView {
    let state = use_app_state();
    let ids = Memo::new(move |_| {
        let weekday = state.clock.today.get().weekday();
        state.plan.with(|p| {
            on_day(&p.meetings, weekday)
                .iter()
                .map(|m| m.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let next = move || {
        let (today, now) = (state.clock.today.get(), state.clock.time.get());
        state.plan.with(|p| {
            next_today(&p.meetings, today, now).map(|m| {
                tr!(
                    meetings.today.next,
                    name = m.name.as_str(),
                    time = m.time.map(clock_time).unwrap_or_default()
                )
            })
        })
    };
    let row = std::sync::Arc::new(move |id: Id| {
        let label = {
            let id = id.clone();
            move || {
                state.plan.with(|p| {
                    p.meetings
                        .list
                        .iter()
                        .find(|m| m.id == id)
                        .map(|m| {
                            let at = m.time.map(clock_time).unwrap_or_default();
                            format!("{at} {}", m.name).trim().to_string()
                        })
                        .unwrap_or_default()
                })
            }
        };
        let went = {
            let id = id.clone();
            move || {
                let today = state.clock.today.get();
                state.plan.with(|p| p.meetings.attended(&id, today))
            }
        };
        let toggle = {
            let went = went.clone();
            move |_| {
                let on = !went();
                let today = state.clock.today.get_untracked();
                let id = id.clone();
                state.edit(|p| {
                    if on {
                        p.meetings.mark_attended(&id, today);
                    } else {
                        p.meetings.unmark_attended(&id, today);
                    }
                });
            }
        };
        let name = label.clone();
        let went2 = went.clone();
        view! {
            <li class="today-meeting">
                <span>{label}</span>
                <button type="button" aria-pressed=move || went().to_string() on:click=toggle
                    aria-label=move || tr!(meetings.today.went_label, name = name())>
                    {move || if went2() { tr!(meetings.today.went) } else { tr!(meetings.today.i_went) }}
                </button>
            </li>
        }
        .into_any()
    }) as std::sync::Arc<dyn Fn(Id) -> AnyView + Send + Sync>;
    view! {
        <section class="card" data-testid="meetings-today" hidden=move || ids.with(Vec::is_empty)>
            <h2>{tr!(meetings.today.title)}</h2>
            <p class="status">{next}</p>
            <ul class="plain">{crate::components::keyed_rows(ids, row)}</ul>
        </section>
    }
}
