//! The daily check-in (about 30 seconds, one a day, editable, yesterday can be filled in
//! late) and the trends of craving, mood and sleep, drawn as SVG with a summary in words.

use crate::components::record_list::{field, Field, Input};
use crate::domain::checkin::{upsert, CheckIn};
use crate::domain::trends::{self, Measure};
use crate::domain::{datefmt, Id, Plan};
use crate::state::use_app_state;
use chrono::Days;
use leptos::prelude::*;

/// The check-in of the day named by `id` ("2026-11-23").
fn of<'a>(p: &'a Plan, id: &Id) -> Option<&'a CheckIn> {
    let d = datefmt::parse_date(id.as_str())?;
    p.checkins.iter().find(|c| c.date == d)
}

/// Changes the check-in of that day, making it if there is none yet.
fn change(p: &mut Plan, id: &Id, edit: impl FnOnce(&mut CheckIn)) {
    if let Some(d) = datefmt::parse_date(id.as_str()) {
        let mut c = of(p, id).cloned().unwrap_or_else(|| CheckIn::new(d));
        edit(&mut c);
        upsert(&mut p.checkins, c);
    }
}

/// Every field of the form reads and writes through these two (by key, see
/// [`CheckIn::get`]): a function per field would repeat the finding and saving code.
fn get(p: &Plan, id: &Id, key: &str) -> String {
    of(p, id).map(|c| c.get(&key[3..])).unwrap_or_default()
}

fn set(p: &mut Plan, id: &Id, key: &str, v: &str) {
    change(p, id, |c| c.set(&key[3..], v));
}

/// The plan's medications, triggers, warning signs or coping strategies, to tick.
fn choices(p: &Plan, key: &str) -> Vec<(Id, String)> {
    crate::domain::checkin::plan_items(p, key)
        .into_iter()
        .map(|(i, t)| (i.clone(), t.to_string()))
        .collect()
}

const MOODS: &[(&str, &str)] = &[
    ("", "Choose"),
    ("1", "1 – very low"),
    ("2", "2 – low"),
    ("3", "3 – okay"),
    ("4", "4 – good"),
    ("5", "5 – very good"),
];

const fn f(key: &'static str, label: &'static str, input: Input) -> Field {
    Field {
        key,
        label,
        input,
        get,
        set,
    }
}

static FIELDS: [Field; 11] = [
    f("ci-mood", "Mood", Input::Choice(MOODS)),
    f(
        "ci-craving",
        "Craving, 0 (none) to 10 (strongest)",
        Input::Number,
    ),
    f("ci-stress", "Stress, 0 to 10", Input::Number),
    f("ci-sleep", "Hours of sleep", Input::Number),
    f(
        "ci-meds",
        "Medication taken today",
        Input::Links(|p| choices(p, "meds")),
    ),
    f("ci-meeting", "I went to a meeting", Input::Check),
    f(
        "ci-support",
        "I talked to someone from my support network",
        Input::Check,
    ),
    f(
        "ci-triggers",
        "Triggers I met",
        Input::Links(|p| choices(p, "triggers")),
    ),
    f(
        "ci-signs",
        "Warning signs I noticed",
        Input::Links(|p| choices(p, "signs")),
    ),
    f(
        "ci-coping",
        "What I used to cope",
        Input::Links(|p| choices(p, "coping")),
    ),
    f("ci-note", "A note", Input::Long("")),
];

#[component]
pub fn CheckInPage() -> impl IntoView {
    crate::web::set_title("Check in");
    let state = use_app_state();
    let today = crate::web::today();
    let yesterday = today - Days::new(1);
    let day = RwSignal::new(today);
    let span = RwSignal::new(30u64);
    let exported = RwSignal::new(String::new());
    let export = move |_| {
        let text = state.plan.with_untracked(trends::csv);
        exported.set(
            match crate::web::download_text("safety-net-check-ins.csv", "text/csv", &text) {
                Ok(()) => "Saved safety-net-check-ins.csv. A spreadsheet opens it.".into(),
                Err(e) => format!("The file could not be made: {e}"),
            },
        );
    };
    let charts = move || {
        let days = span.get();
        state.plan.with(|p| {
            if p.checkins.is_empty() {
                return "<p class=\"empty\">Your trends show here once you have checked in.</p>"
                    .to_string();
            }
            [Measure::Craving, Measure::Mood, Measure::Sleep]
                .iter()
                .map(|m| {
                    let s = trends::series(p, *m, today, days);
                    format!(
                        "<h3>{}</h3>{}<p class=\"small\">{}</p>",
                        m.label(),
                        trends::svg(*m, &s),
                        crate::components::static_html::esc(&trends::summary(*m, &s))
                    )
                })
                .collect::<String>()
        })
    };
    let pick = move |d: chrono::NaiveDate, label: &'static str| {
        view! {
            <button type="button" aria-pressed=move || (day.get() == d).to_string()
                on:click=move |_| day.set(d)>{label}</button>
        }
    };
    let span_button = move |n: u64| {
        view! {
            <button type="button" aria-pressed=move || (span.get() == n).to_string()
                on:click=move |_| span.set(n)>{format!("{n} days")}</button>
        }
    };
    view! {
        <h1>"Check in"</h1>
        <p class="lead">"About 30 seconds. Skip anything; change it later."</p>
        <div class="row switch" role="group" aria-label="Which day">
            {pick(today, "Today")}
            {pick(yesterday, "Yesterday")}
        </div>
        <section class="card" data-testid="checkin">
            <h2>{move || crate::domain::dates::long_date(day.get(), today)}</h2>
            {move || {
                let id = Id::parse(&datefmt::write_date(day.get())).unwrap_or_else(|_| crate::web::new_id());
                FIELDS.iter().map(|f| field(state, id.clone(), f)).collect_view()
            }}
            <p class="small" role="status">{move || state.plan.with(|p| {
                if p.checkins.iter().any(|c| c.date == day.get()) { "Saved." } else { "" }
            })}</p>
        </section>
        <section class="card">
            <h2>"Trends"</h2>
            <div class="row switch" role="group" aria-label="How far back">
                {span_button(7)}
                {span_button(30)}
                {span_button(90)}
            </div>
            <p data-testid="streaks">{move || state.plan.with(|p| trends::streaks_text(&trends::streaks(p, today)))}</p>
            <div data-testid="charts" inner_html=charts></div>
            <button type="button" on:click=export>"Export my check-ins (CSV)"</button>
            <p role="status">{exported}</p>
        </section>
    }
}
