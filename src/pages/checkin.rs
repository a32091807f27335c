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

fn ids_text(v: &[Id]) -> String {
    v.iter().map(Id::as_str).collect::<Vec<_>>().join(" ")
}

fn toggle(v: &mut Vec<Id>, change: &str) {
    if let Some((id, on)) = change.split_once(' ') {
        if let Ok(id) = Id::parse(id) {
            v.retain(|x| *x != id);
            if on == "true" {
                v.push(id);
            }
        }
    }
}

fn scale(v: &str, max: u8) -> Option<u8> {
    v.trim().parse::<u8>().ok().filter(|n| *n <= max)
}

const MOODS: &[(&str, &str)] = &[
    ("", "Choose"),
    ("1", "1 – very low"),
    ("2", "2 – low"),
    ("3", "3 – okay"),
    ("4", "4 – good"),
    ("5", "5 – very good"),
];

static FIELDS: [Field; 10] = [
    Field {
        key: "ci-mood",
        label: "Mood",
        input: Input::Choice(MOODS),
        get: |p, id, _| {
            of(p, id)
                .and_then(|c| c.mood)
                .map(|m| m.to_string())
                .unwrap_or_default()
        },
        set: |p, id, _, v| change(p, id, |c| c.mood = scale(v, 5).filter(|m| *m >= 1)),
    },
    Field {
        key: "ci-craving",
        label: "Craving, 0 (none) to 10 (strongest)",
        input: Input::Number,
        get: |p, id, _| {
            of(p, id)
                .and_then(|c| c.craving)
                .map(|m| m.to_string())
                .unwrap_or_default()
        },
        set: |p, id, _, v| change(p, id, |c| c.craving = scale(v, 10)),
    },
    Field {
        key: "ci-stress",
        label: "Stress, 0 to 10",
        input: Input::Number,
        get: |p, id, _| {
            of(p, id)
                .and_then(|c| c.stress)
                .map(|m| m.to_string())
                .unwrap_or_default()
        },
        set: |p, id, _, v| change(p, id, |c| c.stress = scale(v, 10)),
    },
    Field {
        key: "ci-sleep",
        label: "Hours of sleep",
        input: Input::Number,
        get: |p, id, _| {
            of(p, id)
                .and_then(|c| c.sleep_minutes)
                .map(|m| {
                    let tenths = (u32::from(m) + 3) / 6;
                    if tenths % 10 == 0 {
                        (tenths / 10).to_string()
                    } else {
                        format!("{}.{}", tenths / 10, tenths % 10)
                    }
                })
                .unwrap_or_default()
        },
        set: |p, id, _, v| {
            // "7.5" hours → 450 minutes; more than 24 is not a day.
            let (h, f) = v.trim().split_once('.').unwrap_or((v.trim(), "0"));
            let minutes = h
                .parse::<u16>()
                .ok()
                .zip(f.get(..1).unwrap_or("0").parse::<u16>().ok());
            change(p, id, |c| {
                c.sleep_minutes = minutes
                    .map(|(h, t)| h * 60 + t * 6)
                    .filter(|m| *m <= 24 * 60)
            })
        },
    },
    Field {
        key: "ci-meds",
        label: "Medication taken today",
        input: Input::Links(|p| {
            p.care
                .medications
                .iter()
                .map(|m| (m.id.clone(), m.name.clone()))
                .collect()
        }),
        get: |p, id, _| {
            of(p, id)
                .map(|c| ids_text(&c.medications_taken))
                .unwrap_or_default()
        },
        set: |p, id, _, v| change(p, id, |c| toggle(&mut c.medications_taken, v)),
    },
    Field {
        key: "ci-meeting",
        label: "I went to a meeting",
        input: Input::Check,
        get: |p, id, _| {
            of(p, id)
                .map(|c| c.went_to_meeting)
                .unwrap_or_default()
                .to_string()
        },
        set: |p, id, _, v| change(p, id, |c| c.went_to_meeting = v == "true"),
    },
    Field {
        key: "ci-support",
        label: "I talked to someone from my support network",
        input: Input::Check,
        get: |p, id, _| {
            of(p, id)
                .map(|c| c.contacted_support)
                .unwrap_or_default()
                .to_string()
        },
        set: |p, id, _, v| change(p, id, |c| c.contacted_support = v == "true"),
    },
    Field {
        key: "ci-triggers",
        label: "Triggers I met",
        input: Input::Links(|p| {
            p.relapse
                .triggers
                .iter()
                .map(|t| (t.id.clone(), t.text.clone()))
                .collect()
        }),
        get: |p, id, _| of(p, id).map(|c| ids_text(&c.triggers)).unwrap_or_default(),
        set: |p, id, _, v| change(p, id, |c| toggle(&mut c.triggers, v)),
    },
    Field {
        key: "ci-coping",
        label: "What I used to cope",
        input: Input::Links(|p| {
            p.relapse
                .coping
                .iter()
                .map(|t| (t.id.clone(), t.text.clone()))
                .collect()
        }),
        get: |p, id, _| {
            of(p, id)
                .map(|c| ids_text(&c.coping_used))
                .unwrap_or_default()
        },
        set: |p, id, _, v| change(p, id, |c| toggle(&mut c.coping_used, v)),
    },
    Field {
        key: "ci-note",
        label: "A note",
        input: Input::Long(""),
        get: |p, id, _| of(p, id).map(|c| c.note.clone()).unwrap_or_default(),
        set: |p, id, _, v| change(p, id, |c| c.note = v.into()),
    },
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
            <h2>{move || crate::domain::dates::long_date(day.get())}</h2>
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
            <div data-testid="charts" inner_html=charts></div>
            <button type="button" on:click=export>"Export my check-ins (CSV)"</button>
            <p role="status">{exported}</p>
        </section>
    }
}
