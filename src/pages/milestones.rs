//! My recovery: days in recovery counted in the person's own calendar days, milestones (with NA
//! key-tag colors) and their celebration, personal milestones, and slips recorded honestly
//! with the whole history kept.

use crate::components::crisis_lines::ToleranceWarning;
use crate::components::record_list::RecordList;
use crate::components::static_html::esc;
use crate::components::tables::{PERSONAL, SLIPS};
use crate::domain::contacts::{dial_string, sms_href};
use crate::domain::dates::long_date;
use crate::domain::{datefmt, Plan};
use crate::state::use_app_state;
use chrono::{NaiveDate, NaiveDateTime};
use leptos::prelude::*;

/// "123 days", and in the first three days the hours too (real hours, from `now_utc`).
/// Escaped HTML text.
pub fn counter(p: &Plan, today: NaiveDate, now_utc: NaiveDateTime) -> String {
    let r = &p.recovery;
    let Some(days) = r.days_in_recovery(today) else {
        return "<p data-testid=\"counter\">Set the date your recovery began, and Safety Net counts your days.</p>".into();
    };
    let hours = r
        .hours_in_recovery(now_utc, crate::web::local_to_utc)
        .filter(|_| days < 3)
        .map_or(String::new(), |h| format!(" ({h} hours)"));
    let next = r
        .next_milestone(today)
        .map_or(String::new(), |(m, d, left)| {
            format!(
                "<p>Next: {} on {} ({} to go).</p>",
                esc(&m.label),
                esc(&long_date(d, today)),
                plural(left, "day")
            )
        });
    format!(
        "<p class=\"counter\" data-testid=\"counter\"><strong>{}</strong>{hours} in recovery</p>{next}",
        plural(days, "day")
    )
}

fn plural(n: i64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Tap-to-call and tap-to-text links for the person's crisis contacts. Escaped HTML text.
pub fn contact_links(p: &Plan) -> String {
    p.people
        .iter()
        .filter(|c| c.call_in_crisis)
        .filter_map(|c| {
            let n = dial_string(&c.phone)?;
            let name = esc(&c.name);
            Some(format!(
                "<li><a class=\"call\" href=\"tel:{n}\">Call {name}</a> <a class=\"call\" href=\"{}\">Text {name}</a></li>",
                esc(&sms_href(&n, &c.crisis_message))
            ))
        })
        .collect()
}

/// The whole story: every streak, longest and total. Escaped HTML text.
fn history(p: &Plan, today: NaiveDate) -> String {
    let r = &p.recovery;
    if r.start_date.is_none() {
        return String::new();
    }
    let streaks: String = r
        .streaks(today)
        .iter()
        .rev()
        .map(|s| {
            let end = if s.current {
                "now".to_string()
            } else {
                format!("a slip on {}", long_date(s.end, today))
            };
            format!(
                "<li>{} to {}: {}</li>",
                esc(&long_date(s.start, today)),
                esc(&end),
                plural(s.days(), "day")
            )
        })
        .collect();
    let reached: String = r
        .reached(today)
        .iter()
        .rev()
        .map(|(m, d)| {
            let tag = m
                .na_key_tag
                .map_or(String::new(), |t| format!(" · NA key tag: {t}"));
            format!(
                "<li>{} on {}{}</li>",
                esc(&m.label),
                esc(&long_date(*d, today)),
                esc(&tag)
            )
        })
        .collect();
    format!(
        "<section class=\"card\"><h2>My story</h2><p data-testid=\"totals\">Longest streak: {}. Days in recovery in all: {}.</p><ul data-testid=\"timeline\">{streaks}</ul>{}</section>",
        plural(r.longest_streak_days(today), "day"),
        r.total_days_in_recovery(today),
        if reached.is_empty() {
            String::new()
        } else {
            format!("<h3>Milestones reached</h3><ul>{reached}</ul>")
        }
    )
}

#[component]
pub fn MilestonesPage() -> impl IntoView {
    crate::web::set_title("My recovery");
    let state = use_app_state();
    let today = crate::web::today();
    let now = crate::web::now_utc();
    let problem = RwSignal::new(String::new());
    let slip_date = RwSignal::new(datefmt::write_date(today));
    let slip_note = RwSignal::new(String::new());
    let slipped = RwSignal::new(false);
    let set_start = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let Some(date) = datefmt::parse_date(&v) else {
            return;
        };
        let mut result = Ok(());
        state.edit(|p| {
            let time = p.recovery.start_time;
            result = p.recovery.set_start(date, time, today);
        });
        problem.set(result.err().map(|e| e.to_string()).unwrap_or_default());
        if problem.with_untracked(|p| !p.is_empty()) {
            // Put the saved date back in the field.
            state.plan.update(|_| {});
        }
    };
    let set_time = move |ev: leptos::ev::Event| {
        let t = datefmt::parse_time(&event_target_value(&ev));
        state.edit(|p| p.recovery.start_time = t);
    };
    let record_slip = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(date) = datefmt::parse_date(&slip_date.get_untracked()) else {
            return;
        };
        let mut result = Ok(());
        let note = slip_note.get_untracked().trim().to_string();
        state.edit(|p| {
            result = p
                .recovery
                .record_slip(crate::web::new_id(), date, note, today)
        });
        match result {
            Ok(()) => {
                slip_note.set(String::new());
                problem.set(String::new());
                slipped.set(true);
            }
            Err(e) => problem.set(e.to_string()),
        }
    };
    view! {
        <h1>"My recovery"</h1>
        <div inner_html=move || state.plan.with(|p| counter(p, today, now))></div>
        <Celebration/>
        <section class="card">
            <h2>"When my recovery began"</h2>
            <label for="start-date">"Date"</label>
            <input id="start-date" type="date" max=datefmt::write_date(today)
                prop:value=move || state.plan.with(|p| p.recovery.start_date.map(datefmt::write_date).unwrap_or_default())
                on:change=set_start/>
            <label for="start-time">"Time (optional, for the first days' hours)"</label>
            <input id="start-time" type="time"
                prop:value=move || state.plan.with(|p| p.recovery.start_time.map(|t| datefmt::write_time(t)[..5].to_string()).unwrap_or_default())
                on:change=set_time/>
            <p class="error" role="alert">{problem}</p>
        </section>
        <section class="card" aria-labelledby="slip-heading">
            <h2 id="slip-heading">"I had a slip"</h2>
            <p>"A slip is a setback, not a failure. Record it honestly: your history stays, and a new streak starts the next day."</p>
            <form novalidate on:submit=record_slip>
                <label for="slip-date">"When"</label>
                <input id="slip-date" type="date" max=datefmt::write_date(today) prop:value=slip_date
                    on:input=move |ev| slip_date.set(event_target_value(&ev))/>
                <label for="slip-note">"A few words, if you like (only for you)"</label>
                <textarea id="slip-note" rows="2" prop:value=slip_note
                    on:input=move |ev| slip_note.set(event_target_value(&ev))></textarea>
                <p><button type="submit" class="primary">"Record the slip"</button></p>
            </form>
            <div hidden=move || !slipped.get() role="status" data-testid="after-slip">
                <div inner_html=move || state.plan.with(after_slip)></div>
                <ToleranceWarning inline=true/>
            </div>
        </section>
        <div inner_html=move || state.plan.with(|p| history(p, today))></div>
        <RecordList anchor="slips" title="Slips" noun="slip" records=&SLIPS no_add=true
            hint="Change a date or a note here. Delete only a mistake; you can undo it."
            add_label="" placeholder=""/>
        <RecordList anchor="personal" title="My own milestones" noun="milestone" records=&PERSONAL
            hint="First paycheck, a GED, my own apartment: the dates that matter to you."
            add_label="Add a milestone" placeholder="First paycheck"/>
    }
}

/// What to do now: the person's own "If I slip" steps and their people (the tolerance
/// warning follows, with its sources, from `ToleranceWarning`).
fn after_slip(p: &Plan) -> String {
    let steps: String = p
        .slip_steps
        .iter()
        .map(|s| format!("<li>{}</li>", esc(&s.text)))
        .collect();
    let steps = if steps.is_empty() {
        "<p><a href=\"/plan/slip\">Write your steps for after a slip</a></p>".to_string()
    } else {
        format!("<h3>My steps</h3><ol>{steps}</ol>")
    };
    let people = contact_links(p);
    let people = if people.is_empty() {
        String::new()
    } else {
        format!("<h3>My people</h3><ul class=\"plain lines\">{people}</ul>")
    };
    format!(
        "<p><strong>Thank you for being honest. Your days in recovery before this still count.</strong></p>{steps}{people}"
    )
}

/// The first time a milestone is reached: a calm card, shown once (until "Thank you").
#[component]
pub fn Celebration() -> impl IntoView {
    let state = use_app_state();
    let today = crate::web::today();
    let thanks = move |ev: leptos::ev::MouseEvent| {
        if crate::web::clicked(&ev, "data-thanks").is_some() {
            state.edit(|p| {
                let keys: Vec<String> = p
                    .recovery
                    .to_celebrate(today)
                    .into_iter()
                    .map(|m| m.key)
                    .collect();
                p.recovery.celebrated.extend(keys);
            });
        }
    };
    view! { <div on:click=thanks inner_html=move || state.plan.with(|p| celebration(p, today))></div> }
}

/// The newest milestone not celebrated yet, as a card. Escaped HTML text.
fn celebration(p: &Plan, today: NaiveDate) -> String {
    let Some(m) = p.recovery.to_celebrate(today).pop() else {
        return String::new();
    };
    let tag = m.na_key_tag.map_or(String::new(), |t| {
        format!("<p>In NA, this is the {} key tag.</p>", esc(t))
    });
    format!(
        "<section class=\"card celebrate\" role=\"status\" data-testid=\"celebration\"><h2>{} in recovery</h2>\
         <p>You did this, one day at a time. Take a moment to notice it.</p>{tag}\
         <button type=\"button\" class=\"primary\" data-thanks=\"\">Thank you</button></section>",
        esc(&m.label)
    )
}
