//! Community support: my meetings (today, the week, attendance, the fit journal), calendar
//! export, and finding support (directory, referral scripts, first-meeting checklist).

use crate::components::meetings_today::MeetingsToday;
use crate::components::record_list::RecordList;
use crate::components::tables::{AFTER_FIRST_FEW, FIRST_MEETING, MEETINGS};
use crate::domain::community::{
    after_first_few_ideas, attendance_stats, clock_time, day_name, directory, first_meeting_ideas,
    on_day, referral_scripts, weekly_counts, Resource, WEEK,
};
use crate::domain::ics;
use crate::domain::resources::us_numbers;
use crate::router::Route;
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn MeetingsPage() -> impl IntoView {
    crate::web::set_title(tr!(meetings.title));
    let state = use_app_state();
    let exported = RwSignal::new(String::new());
    let export = move |_| {
        let today = state.clock.today.get_untracked();
        let (text, left_out) = state.plan.with_untracked(|p| {
            let z = crate::web::local_zone();
            (
                ics::calendar(p, &z, today, crate::web::now_utc()),
                ics::left_out(p),
            )
        });
        let result = crate::web::download_text("safety-net-meetings.ics", "text/calendar", &text);
        exported.set(match result {
            Ok(()) if left_out == 1 => tr!(meetings.calendar.saved_left_out_one, n = left_out),
            Ok(()) if left_out > 0 => tr!(meetings.calendar.saved_left_out_many, n = left_out),
            Ok(()) => tr!(meetings.calendar.saved).into(),
            Err(e) => tr!(meetings.calendar.failed, error = e),
        });
    };
    view! {
        <h1>{tr!(meetings.title)}</h1>
        <p class="lead">{tr!(meetings.lead)}</p>
        <MeetingsToday/>
        <section class="card">
            <h2>{tr!(meetings.this_week)}</h2>
            <p data-testid="attendance">{move || state.plan.with(|p| {
                let s = attendance_stats(p, state.today());
                let this_week = if s.this_week == 1 {
                    tr!(meetings.attendance.this_week_one, n = s.this_week)
                } else {
                    tr!(meetings.attendance.this_week_many, n = s.this_week)
                };
                let streak = if s.weeks_in_a_row == 1 {
                    tr!(meetings.attendance.streak_one, n = s.weeks_in_a_row)
                } else {
                    tr!(meetings.attendance.streak_many, n = s.weeks_in_a_row)
                };
                format!("{this_week} · {streak} · {}", tr!(meetings.attendance.total, n = s.total))
            })}</p>
            <p class="small" data-testid="weekly-counts">{move || state.plan.with(|p| {
                let today = state.today();
                let weeks: Vec<String> = weekly_counts(p, today, 4)
                    .iter()
                    .map(|(start, n)| tr!(meetings.attendance.week_of, date = crate::domain::dates::long_date(*start, today), n = *n))
                    .collect();
                tr!(meetings.attendance.by_week, weeks = weeks.join("; "))
            })}</p>
            <Week/>
        </section>
        <RecordList anchor="meetings" title=tr!(meetings.list.title) noun=tr!(meetings.list.noun) records=&MEETINGS
            hint=tr!(meetings.list.hint)
            add_label=tr!(meetings.list.add_label) placeholder=tr!(meetings.list.placeholder)/>
        <section class="card">
            <h2>{tr!(meetings.calendar.title)}</h2>
            <p>{tr!(meetings.calendar.explain)}</p>
            <button type="button" on:click=export>{tr!(meetings.calendar.button)}</button>
            <p role="status">{exported}</p>
        </section>
        <p><a class="button" href=Route::FindSupport.path()>{tr!(meetings.to_find_support)}</a></p>
    }
}

/// The week, day by day: each meeting's time and name.
#[component]
fn Week() -> impl IntoView {
    let state = use_app_state();
    move || {
        let days: Vec<(&'static str, Vec<String>)> = state.plan.with(|p| {
            WEEK.iter()
                .filter_map(|d| {
                    let list = on_day(&p.meetings, *d);
                    (!list.is_empty()).then(|| {
                        let items = list
                            .iter()
                            .map(|m| {
                                let at = m
                                    .time
                                    .map(clock_time)
                                    .unwrap_or_else(|| tr!(meetings.week.no_time).into());
                                format!("{at}: {}", m.name)
                            })
                            .collect();
                        (day_name(*d), items)
                    })
                })
                .collect()
        });
        if days.is_empty() {
            return view! { <p class="empty">{tr!(meetings.week.empty)}</p> }.into_any();
        }
        days.into_iter()
            .map(|(day, items)| {
                view! {
                    <h3>{day}</h3>
                    <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                }
            })
            .collect_view()
            .into_any()
    }
}

#[component]
pub fn FindSupportPage() -> impl IntoView {
    crate::web::set_title(tr!(meetings.find.title));
    let toasts = crate::components::toast::use_toasts();
    let copy = move |title: &'static str, text: &'static str| {
        spawn_local(async move {
            toasts.show(
                match crate::web::copy_text(text).await {
                    crate::web::Handed::Done => tr!(meetings.find.copied, title = title),
                    _ => tr!(meetings.find.copy_failed).into(),
                },
                None,
            );
        });
    };
    view! {
        <p class="crumb"><a href=Route::Meetings.path()>{tr!(meetings.title)}</a></p>
        <h1>{tr!(meetings.find.title)}</h1>
        <p class="lead">{tr!(meetings.find.lead)}</p>
        <RecordList anchor="first-meeting" title=tr!(meetings.find.first.title) noun=tr!(meetings.find.first.noun) records=&FIRST_MEETING
            hint=tr!(meetings.find.first.hint)
            add_label=tr!(meetings.find.first.add_label) placeholder=tr!(meetings.find.first.placeholder)
            suggestions=first_meeting_ideas() add_all=true/>
        <RecordList anchor="after-first-few" title=tr!(meetings.find.after.title) noun=tr!(meetings.find.after.noun) records=&AFTER_FIRST_FEW
            hint=tr!(meetings.find.after.hint)
            add_label=tr!(meetings.find.after.add_label) placeholder=tr!(meetings.find.after.placeholder)
            suggestions=after_first_few_ideas() add_all=true>
            <p class="small" data-cite="">{tr!(meetings.find.after.sources)}</p>
        </RecordList>
        <section class="card">
            <h2>{tr!(meetings.find.where_title)}</h2>
            <p class="hint">{us_numbers()}</p>
            <ul class="plain">{directory().into_iter().map(resource).collect_view()}</ul>
        </section>
        <section class="card" aria-labelledby="scripts">
            <h2 id="scripts">{tr!(meetings.find.referral)}</h2>
            <p class="hint">{tr!(meetings.find.referral_hint)}</p>
            {referral_scripts().into_iter().map(|(title, text)| view! {
                <h3>{title}</h3>
                <p class="script">{text}</p>
                <button type="button" aria-label=tr!(meetings.find.copy_label, title = title) on:click=move |_| copy(title, text)>{tr!(meetings.find.copy)}</button>
            }).collect_view()}
        </section>
    }
}

/// One place to find support, with what it is, who it is for, how to use it and its source.
fn resource(r: Resource) -> impl IntoView {
    let shown = r.url.trim_start_matches("https://").trim_end_matches('/');
    view! {
        <li class="resource">
            <h3>{r.name}</h3>
            <p>{r.what}</p>
            <p><strong>{tr!(meetings.find.for_)}</strong>" "{r.who}</p>
            <p><strong>{tr!(meetings.find.how)}</strong>" "{r.how}</p>
            {r.note.map(|n| view! { <p class="note">{n}</p> })}
            <p>
                <a href=r.url target="_blank" rel="noopener noreferrer">{shown}</a>
                {r.phone.map(|l| view! { " "<a href=format!("tel:{}", l.call)>{tr!(meetings.find.call, number = l.display)}</a> })}
            </p>
            <p class="small" data-cite="">{tr!(meetings.find.source, source = r.source)}</p>
        </li>
    }
}
