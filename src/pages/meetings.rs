//! Community support: my meetings (today, the week, attendance, the fit journal), calendar
//! export, and finding support (directory, referral scripts, first-meeting checklist).

use crate::components::meetings_today::MeetingsToday;
use crate::components::record_list::RecordList;
use crate::components::tables::{AFTER_FIRST_FEW, FIRST_MEETING, MEETINGS};
use crate::domain::community::{
    attendance_stats, clock_time, day_name, directory, on_day, weekly_counts, Resource,
    AFTER_FIRST_FEW_IDEAS, FIRST_MEETING_IDEAS, REFERRAL_SCRIPTS, WEEK,
};
use crate::domain::ics;
use crate::domain::resources::us_numbers;
use crate::domain::words::plural;
use crate::router::Route;
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn MeetingsPage() -> impl IntoView {
    crate::web::set_title("Meetings");
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
            Ok(()) if left_out > 0 => format!("Saved safety-net-meetings.ics. Open it to add the events to your calendar. {} without a day and time {} left out.", crate::domain::words::plural(left_out, "meeting"), if left_out == 1 { "was" } else { "were" }),
            Ok(()) => "Saved safety-net-meetings.ics. Open it to add the events to your calendar.".into(),
            Err(e) => format!("The file could not be made: {e}"),
        });
    };
    view! {
        <h1>"Meetings"</h1>
        <p class="lead">"Your groups, when they meet, and how they fit. Try three or four before deciding."</p>
        <MeetingsToday/>
        <section class="card">
            <h2>"This week"</h2>
            <p data-testid="attendance">{move || state.plan.with(|p| {
                let s = attendance_stats(p, state.today());
                format!("{} this week · {} in a row with a meeting · {} in all", plural(s.this_week, "meeting"), plural(s.weeks_in_a_row, "week"), s.total)
            })}</p>
            <p class="small" data-testid="weekly-counts">{move || state.plan.with(|p| {
                let today = state.today();
                let weeks: Vec<String> = weekly_counts(p, today, 4)
                    .iter()
                    .map(|(start, n)| format!("week of {}: {n}", crate::domain::dates::long_date(*start, today)))
                    .collect();
                format!("Meetings by week: {}.", weeks.join("; "))
            })}</p>
            <Week/>
        </section>
        <RecordList anchor="meetings" title="My meetings" noun="meeting" records=&MEETINGS
            hint="NA, SMART Recovery, Pills Anonymous, Heroin Anonymous, Celebrate Recovery, Nar-Anon, peer support, or any other group."
            add_label="Add a meeting: its name" placeholder="Tuesday Night Hope Group"/>
        <section class="card">
            <h2>"In my calendar"</h2>
            <p>"Save your meetings and upcoming appointments as a calendar file. Your phone's calendar then reminds you. The file is made on this device."</p>
            <button type="button" on:click=export>"Add to my calendar (.ics file)"</button>
            <p role="status">{exported}</p>
        </section>
        <p><a class="button" href=Route::FindSupport.path()>"Finding support and your first meeting"</a></p>
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
                                    .unwrap_or_else(|| "time not set".into());
                                format!("{at}: {}", m.name)
                            })
                            .collect();
                        (day_name(*d), items)
                    })
                })
                .collect()
        });
        if days.is_empty() {
            return view! { <p class="empty">"Add a meeting with its days and time to see your week."</p> }.into_any();
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
    crate::web::set_title("Finding support");
    let toasts = crate::components::toast::use_toasts();
    let copy = move |title: &'static str, text: &'static str| {
        spawn_local(async move {
            toasts.show(
                match crate::web::copy_text(text).await {
                    crate::web::Handed::Done => {
                        format!("Copied: {title}. Paste it into a message and make it your own.")
                    }
                    _ => "That didn't work here. Select the text and copy it instead.".into(),
                },
                None,
            );
        });
    };
    view! {
        <p class="crumb"><a href=Route::Meetings.path()>"Meetings"</a></p>
        <h1>"Finding support"</h1>
        <p class="lead">"Where to find a group or treatment. Links open in your browser; Safety Net itself contacts no one."</p>
        <RecordList anchor="first-meeting" title="Before my first meeting" noun="item" records=&FIRST_MEETING
            hint="A checklist to tick. Take the ideas you want, change them, add your own. None of it is required."
            add_label="Add to my first-meeting list" placeholder="Ask Sam to come with me"
            suggestions=&FIRST_MEETING_IDEAS add_all=true/>
        <RecordList anchor="after-first-few" title="After the first few meetings" noun="item" records=&AFTER_FIRST_FEW
            hint="Gentle next steps, when you're ready."
            add_label="Add to my list for later" placeholder="Go for coffee after the meeting"
            suggestions=&AFTER_FIRST_FEW_IDEAS add_all=true>
            <p class="small">"Sources: Narcotics Anonymous newcomer information (na.org); SMART Recovery (smartrecovery.org)."</p>
        </RecordList>
        <section class="card">
            <h2>"Where to find support"</h2>
            <p class="hint">{us_numbers()}</p>
            <ul class="plain">{directory().into_iter().map(resource).collect_view()}</ul>
        </section>
        <section class="card" aria-labelledby="scripts">
            <h2 id="scripts">"Asking for a referral"</h2>
            <p class="hint">"Words to start with. Copy one and change it to sound like you."</p>
            {REFERRAL_SCRIPTS.iter().map(|(title, text)| view! {
                <h3>{*title}</h3>
                <p class="script">{*text}</p>
                <button type="button" aria-label=format!("Copy: {title}") on:click=move |_| copy(title, text)>"Copy"</button>
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
            <p><strong>"For:"</strong>" "{r.who}</p>
            <p><strong>"How:"</strong>" "{r.how}</p>
            {r.note.map(|n| view! { <p class="note">{n}</p> })}
            <p>
                <a href=r.url target="_blank" rel="noopener noreferrer">{shown}</a>
                {r.phone.map(|l| view! { " "<a href=format!("tel:{}", l.call)>{format!("Call {}", l.display)}</a> })}
            </p>
            <p class="small">{format!("Source: {}", r.source)}</p>
        </li>
    }
}
