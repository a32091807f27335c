//! Today's week ahead: appointments, therapy sessions, refills and meetings of the next seven
//! days, in time order, each a tap to its details; and a notice for a refill that is due or
//! overdue. Nothing at all when nothing is coming.

use crate::domain::dates::{clock_time, long_date};
use crate::domain::pillars::Pillar;
use crate::domain::upcoming::{refills_due, upcoming, Kind};
use crate::router::Route;
use crate::state::use_app_state;
use leptos::prelude::*;

#[component]
pub fn ComingUp() -> impl IntoView {
    let state = use_app_state();
    let notices = move || {
        let today = state.today();
        state.plan.with(|p| refills_due(p, today)).into_iter().map(move |r| {
            let name = if r.name.is_empty() { tr!(progress.coming_up.medication).to_string() } else { r.name };
            let text = match r.in_days {
                1 => tr!(progress.coming_up.due_tomorrow, name = name, date = long_date(r.day, today)),
                0 => tr!(progress.coming_up.due_today, name = name),
                n => tr!(
                    progress.coming_up.overdue,
                    name = name,
                    days = crate::domain::milestones::days_text(-n),
                    date = long_date(r.day, today)
                ),
            };
            view! {
                <section class="card warn" data-testid="refill-due">
                    <h2>{tr!(progress.coming_up.refill)}</h2>
                    <p>{text}</p>
                    <a href=Route::Pillar(Pillar::Care).at("medications")>{tr!(progress.coming_up.my_medications)}</a>
                </section>
            }
        }).collect_view()
    };
    let items = move || {
        let (today, now) = (state.today(), state.clock.time.get());
        state
            .plan
            .with(|p| upcoming(p, today, now, 7))
            .into_iter()
            .map(|u| {
                let day = match (u.day - today).num_days() {
                    0 => tr!(progress.coming_up.today).to_string(),
                    1 => tr!(progress.coming_up.tomorrow).to_string(),
                    _ => long_date(u.day, today),
                };
                let when = match u.time {
                    Some(t) => format!("{day}, {}", clock_time(t)),
                    None => day,
                };
                let (what, href) = match u.kind {
                    Kind::Appointment => (
                        tr!(progress.coming_up.appointment),
                        Route::Pillar(Pillar::Care).at("appointments"),
                    ),
                    Kind::Therapy => (
                        tr!(progress.coming_up.therapy),
                        Route::Pillar(Pillar::Therapy).at("therapy"),
                    ),
                    Kind::Refill => (
                        tr!(progress.coming_up.refill),
                        Route::Pillar(Pillar::Care).at("medications"),
                    ),
                    Kind::Meeting => (
                        tr!(progress.coming_up.meeting),
                        Route::Meetings.at("meetings"),
                    ),
                };
                let title = if u.title.is_empty() {
                    what.to_string()
                } else {
                    format!("{what}: {}", u.title)
                };
                let place = (!u.place.is_empty()).then_some(u.place);
                view! {
                    <li>
                        <a href=href>
                            <span class="when">{when}</span>
                            <span class="what">{title}</span>
                            {place.map(|p| view! { <span class="where">{p}</span> })}
                        </a>
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };
    view! {
        {notices}
        {move || {
            let list = items();
            (!list.is_empty()).then(|| view! {
                <section class="card" data-testid="coming-up">
                    <h2>{tr!(progress.coming_up.title)}</h2>
                    <ul class="plain coming-up">{list}</ul>
                </section>
            })
        }}
    }
}
