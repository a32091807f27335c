//! Community support: my meetings (today, the week, attendance, the fit journal), calendar
//! export, and finding support (directory, referral scripts, first-meeting checklist).

use crate::components::record_list::RecordList;
use crate::components::static_html::esc;
use crate::components::tables::{AFTER_FIRST_FEW, FIRST_MEETING, MEETINGS};
use crate::domain::community::{
    attendance_stats, clock_time, day_name, next_today, on_day, weekly_counts,
    AFTER_FIRST_FEW_IDEAS, FIND_SUPPORT_FILE, FIRST_MEETING_IDEAS, WEEK,
};
use crate::domain::ics;
use crate::domain::Plan;
use crate::state::use_app_state;
use chrono::Datelike;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn MeetingsPage() -> impl IntoView {
    crate::web::set_title("Meetings");
    let state = use_app_state();
    let today = crate::web::today();
    let exported = RwSignal::new(String::new());
    let export = move |_| {
        let (text, left_out) = state.plan.with_untracked(|p| {
            let z = crate::web::local_zone();
            (
                ics::calendar(p, &z, today, crate::web::now_utc()),
                ics::left_out(p),
            )
        });
        let result = crate::web::download_text("safety-net-meetings.ics", "text/calendar", &text);
        exported.set(match result {
            Ok(()) if left_out > 0 => format!("Saved safety-net-meetings.ics. Open it to add the events to your calendar. {left_out} meeting(s) without a day and time were left out."),
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
                let s = attendance_stats(&p.meetings, today);
                format!("{} this week · {} in a row with a meeting · {} in all", plural(s.this_week, "meeting"), plural(s.weeks_in_a_row, "week"), s.total)
            })}</p>
            <p class="small" data-testid="weekly-counts">{move || state.plan.with(|p| {
                let weeks: Vec<String> = weekly_counts(&p.meetings, today, 4)
                    .iter()
                    .map(|(start, n)| format!("week of {}: {n}", crate::domain::dates::long_date(*start, today)))
                    .collect();
                format!("Meetings by week: {}.", weeks.join("; "))
            })}</p>
            <div inner_html=move || state.plan.with(week)></div>
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
        <p><a class="button" href="/meetings/find">"Finding support and your first meeting"</a></p>
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The week, day by day (escaped HTML text: names are the person's own words).
fn week(p: &Plan) -> String {
    let days: String = WEEK
        .iter()
        .filter_map(|d| {
            let list = on_day(&p.meetings, *d);
            (!list.is_empty()).then(|| {
                let items: String = list
                    .iter()
                    .map(|m| {
                        let at = m
                            .time
                            .map(clock_time)
                            .unwrap_or_else(|| "time not set".into());
                        format!("<li>{}: {}</li>", esc(&at), esc(&m.name))
                    })
                    .collect();
                format!("<h3>{}</h3><ul>{items}</ul>", day_name(*d))
            })
        })
        .collect();
    if days.is_empty() {
        "<p class=\"empty\">Add a meeting with its days and time to see your week.</p>".into()
    } else {
        days
    }
}

/// Today's meetings, the next one first, each marked as attended in one tap. Also on Today.
#[component]
pub fn MeetingsToday() -> impl IntoView {
    let state = use_app_state();
    let today = crate::web::today();
    let now = crate::web::now_time();
    let ids = Memo::new(move |_| {
        state.plan.with(|p| {
            on_day(&p.meetings, today.weekday())
                .iter()
                .map(|m| m.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let next = move || {
        state.plan.with(|p| {
            next_today(&p.meetings, today, now).map(|m| {
                format!(
                    "Next: {} at {}",
                    m.name,
                    m.time.map(clock_time).unwrap_or_default()
                )
            })
        })
    };
    let row = std::sync::Arc::new(move |id: crate::domain::Id| {
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
            move || state.plan.with(|p| p.meetings.attended(&id, today))
        };
        let toggle = {
            let went = went.clone();
            move |_| {
                let on = !went();
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
                    aria-label=move || format!("I went: {}", name())>
                    {move || if went2() { "Went ✓" } else { "I went" }}
                </button>
            </li>
        }
        .into_any()
    }) as std::sync::Arc<dyn Fn(crate::domain::Id) -> AnyView + Send + Sync>;
    view! {
        <section class="card" data-testid="meetings-today" hidden=move || ids.with(Vec::is_empty)>
            <h2>"Meetings today"</h2>
            <p class="status">{next}</p>
            <ul class="plain">{crate::components::keyed_rows(ids, row)}</ul>
        </section>
    }
}

#[component]
pub fn FindSupportPage() -> impl IntoView {
    crate::web::set_title("Finding support");
    let copied = RwSignal::new(String::new());
    // The directory and scripts are a static file (see `FIND_SUPPORT_FILE`), kept offline
    // by the service worker.
    let content = RwSignal::new(String::new());
    spawn_local(async move {
        content.set(
            crate::web::fetch_text(FIND_SUPPORT_FILE)
                .await
                .unwrap_or_else(|_| NOT_LOADED.into()),
        )
    });
    // One handler for every "Copy" button of the scripts.
    let copy = move |ev: leptos::ev::MouseEvent| {
        let Some(i) = crate::web::clicked(&ev, "data-script") else {
            return;
        };
        let title = crate::web::clicked(&ev, "data-title").unwrap_or_default();
        let text = document()
            .get_element_by_id(&format!("script-{i}"))
            .and_then(|e| e.text_content())
            .unwrap_or_default();
        spawn_local(async move {
            copied.set(match crate::web::copy_text(&text).await {
                crate::web::Handed::Done => {
                    format!("Copied: {title}. Paste it into a message and make it your own.")
                }
                _ => "That didn't work here. Select the text and copy it instead.".into(),
            });
        });
    };
    view! {
        <p class="crumb"><a href="/meetings">"Meetings"</a></p>
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
        <div on:click=copy inner_html=content></div>
        <p role="status">{copied}</p>
    }
}

/// When the directory file cannot be read (it is kept offline once the app is installed).
const NOT_LOADED: &str = "<section class=\"card\"><h2>Where to find support</h2><p>The list could not be opened just now. \
    The SAMHSA National Helpline is free and open 24/7: <a href=\"tel:18006624357\">1-800-662-4357</a>. \
    In a crisis, call or text <a href=\"tel:988\">988</a>.</p></section>";
