//! My recovery: days in recovery counted in the person's own calendar days, milestones (with
//! NA key-tag colors) and their celebration, personal milestones, and slips recorded
//! honestly with the whole history kept. Dates come from the app's clock.

use crate::components::celebration::Celebration;
use crate::components::contact_links::ContactLinks;
use crate::components::crisis_lines::ToleranceWarning;
use crate::components::record_list::RecordList;
use crate::components::recovery_counter::RecoveryCounter;
use crate::components::recovery_date::RecoveryDate;
use crate::components::tables::{PERSONAL, SLIPS};
use crate::domain::dates::long_date;
use crate::domain::milestones::{days_text, key_tag_color};
use crate::domain::pillars::Pillar;
use crate::domain::{datefmt, input};
use crate::router::Route;
use crate::state::use_app_state;
use leptos::prelude::*;

#[component]
pub fn RecoveryPage() -> impl IntoView {
    crate::web::set_title(tr!(progress.recovery.title));
    let state = use_app_state();
    let problem = RwSignal::new(String::new());
    // The slip form starts on today; the person changes it if the slip was earlier.
    let slip_date = RwSignal::new(None::<String>);
    let slip_note = RwSignal::new(String::new());
    let slipped = RwSignal::new(false);
    let record_slip = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let today = state.clock.today.get_untracked();
        let typed = slip_date
            .get_untracked()
            .unwrap_or_else(|| datefmt::write_date(today));
        let note = slip_note.get_untracked().trim().to_string();
        let result = input::date(&typed).and_then(|date| {
            let date = date.ok_or(tr!(progress.recovery.slip.enter_date))?;
            state.try_edit(|p| {
                p.recovery
                    .record_slip(crate::web::new_id(), date, note, today)
                    .map_err(|e| e.to_string())
            })
        });
        match result {
            Ok(()) => {
                slip_note.set(String::new());
                problem.set(String::new());
                slipped.set(true);
            }
            Err(e) => problem.set(e),
        }
    };
    let today_text = move || datefmt::write_date(state.today());
    view! {
        <h1>{tr!(progress.recovery.title)}</h1>
        <RecoveryCounter/>
        <Celebration/>
        <section class="card">
            <h2>{tr!(progress.recovery.began)}</h2>
            <RecoveryDate/>
        </section>
        <section class="card" aria-labelledby="slip-heading">
            <h2 id="slip-heading">{tr!(progress.recovery.slip.title)}</h2>
            <p>{tr!(progress.recovery.slip.intro)}</p>
            <form novalidate on:submit=record_slip>
                <label for="slip-date">{tr!(progress.recovery.slip.when)}</label>
                <input id="slip-date" type="date" max=today_text
                    prop:value=move || slip_date.get().unwrap_or_else(today_text)
                    on:input=move |ev| slip_date.set(Some(event_target_value(&ev)))/>
                <label for="slip-note">{tr!(progress.recovery.slip.note)}</label>
                <textarea id="slip-note" rows="2" prop:value=slip_note
                    on:input=move |ev| slip_note.set(event_target_value(&ev))></textarea>
                <p><button type="submit" class="primary">{tr!(progress.recovery.slip.record)}</button></p>
                {move || problem.with(|m| (!m.is_empty()).then(|| view! { <p class="error" role="alert">{m.clone()}</p> }))}
            </form>
            <Show when=move || slipped.get()>
                <div role="status" data-testid="after-slip">
                    <AfterSlip/>
                    <ToleranceWarning inline=true/>
                </div>
            </Show>
        </section>
        <MyStory/>
        <RecordList anchor="slips" title=tr!(progress.recovery.slips.title) noun=tr!(progress.recovery.slips.noun) records=&SLIPS no_add=true
            hint=tr!(progress.recovery.slips.hint)
            add_label="" placeholder=""/>
        <RecordList anchor="personal" title=tr!(progress.recovery.personal.title) noun=tr!(progress.recovery.personal.noun) records=&PERSONAL
            hint=tr!(progress.recovery.personal.hint)
            add_label=tr!(progress.recovery.personal.add) placeholder=tr!(progress.recovery.personal.placeholder)/>
    }
}

/// What to do now: the person's own "If I slip" steps and their people (the tolerance
/// warning follows, with its sources).
#[component]
fn AfterSlip() -> impl IntoView {
    let state = use_app_state();
    let steps = move || {
        state.plan.with(|p| {
            p.slip_steps
                .iter()
                .map(|s| s.text.clone())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <p><strong>{tr!(progress.recovery.after.thanks)}</strong></p>
        {move || {
            let steps = steps();
            if steps.is_empty() {
                view! { <p><a href=Route::Pillar(Pillar::Slip).path()>{tr!(progress.recovery.after.write_steps)}</a></p> }.into_any()
            } else {
                view! {
                    <h3>{tr!(progress.recovery.after.steps)}</h3>
                    <ol>{steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol>
                }
                .into_any()
            }
        }}
        <Show when=move || state.plan.with(|p| !crate::domain::contacts::crisis_contacts(p).is_empty())>
            <h3>{tr!(progress.recovery.after.people)}</h3>
            <ContactLinks/>
        </Show>
    }
}

/// The whole story: every streak, longest and total, and the milestones reached.
#[component]
fn MyStory() -> impl IntoView {
    let state = use_app_state();
    move || {
        let today = state.today();
        state.plan.with(|p| {
            let r = &p.recovery;
            r.start_date?;
            let streaks: Vec<String> = r
                .streaks(today)
                .iter()
                .rev()
                .map(|s| {
                    let (start, days) = (long_date(s.start, today), days_text(s.days()));
                    if s.current {
                        tr!(progress.recovery.story.to_now, start = start, days = days)
                    } else {
                        tr!(
                            progress.recovery.story.to_slip,
                            start = start,
                            slip = long_date(s.end, today),
                            days = days
                        )
                    }
                })
                .collect();
            // Each streak's milestones, newest streak first.
            let reached: Vec<(String, Vec<String>)> = r
                .milestones_by_streak(today)
                .into_iter()
                .filter(|(_, m)| !m.is_empty())
                .map(|(s, ms)| {
                    let streak = if s.current {
                        tr!(progress.recovery.story.since, start = long_date(s.start, today))
                    } else {
                        tr!(
                            progress.recovery.story.between,
                            start = long_date(s.start, today),
                            end = long_date(s.end, today)
                        )
                    };
                    let items = ms
                        .iter()
                        .rev()
                        .map(|(m, d)| {
                            let reached = tr!(
                                progress.recovery.story.reached,
                                milestone = &m.label,
                                date = long_date(*d, today)
                            );
                            match m.na_key_tag {
                                Some(t) => tr!(
                                    progress.recovery.story.with_key_tag,
                                    reached = reached,
                                    color = key_tag_color(t)
                                ),
                                None => reached,
                            }
                        })
                        .collect();
                    (streak, items)
                })
                .collect();
            let totals = tr!(
                progress.recovery.story.totals,
                longest = days_text(r.longest_streak_days(today)),
                total = r.total_days_in_recovery(today)
            );
            Some(view! {
                <section class="card">
                    <h2>{tr!(progress.recovery.story.title)}</h2>
                    <p data-testid="totals">{totals}</p>
                    <ul data-testid="timeline">{streaks.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                    {(!reached.is_empty()).then(|| view! {
                        <h3>{tr!(progress.recovery.story.milestones)}</h3>
                        <ul data-testid="milestones-reached">
                            {reached.into_iter().map(|(streak, items)| view! {
                                <li>
                                    <strong>{streak}</strong>
                                    <ul>{items.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                                </li>
                            }).collect_view()}
                        </ul>
                    })}
                </section>
            })
        })
    }
}
