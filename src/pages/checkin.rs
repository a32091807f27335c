//! The daily check-in (about 30 seconds, one a day, editable, yesterday can be filled in
//! late) and the trends of craving, mood and sleep, drawn as SVG with a summary in words.

use crate::components::record_list::fields;
use crate::components::tables::{CHECKIN_HOW, CHECKIN_MEDS, CHECKIN_NOTICED, CHECKIN_SUPPORT};
use crate::components::trend_chart::TrendChart;
use crate::domain::trends::{self, Measure};
use crate::domain::{datefmt, Id};
use crate::state::use_app_state;
use chrono::Days;
use leptos::prelude::*;

#[component]
pub fn CheckInPage() -> impl IntoView {
    crate::web::set_title(tr!(progress.checkin.title));
    let state = use_app_state();
    // Today or yesterday, counted from the app's clock: at midnight "today" moves on.
    let back = RwSignal::new(0u64);
    let day = Memo::new(move |_| state.today() - Days::new(back.get()));
    let span = RwSignal::new(30u64);
    let exported = RwSignal::new(String::new());
    let export = move |_| {
        let text = state.plan.with_untracked(trends::csv);
        exported.set(
            match crate::web::download_text("safety-net-check-ins.csv", "text/csv", &text) {
                Ok(()) => tr!(progress.checkin.exported).into(),
                Err(e) => tr!(progress.checkin.export_failed, error = e),
            },
        );
    };
    let charts = move || {
        let (days, today) = (span.get(), state.today());
        state.plan.with(|p| {
            if p.checkins.is_empty() {
                return view! { <p class="empty">{tr!(progress.checkin.no_trends)}</p> }.into_any();
            }
            [Measure::Craving, Measure::Mood, Measure::Sleep]
                .into_iter()
                .map(|m| {
                    let s = trends::series(p, m, today, days);
                    let summary = trends::summary(m, &s);
                    view! {
                        <h3>{m.label()}</h3>
                        <TrendChart measure=m series=s/>
                        <p class="small">{summary}</p>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    let pick = move |n: u64, label: &'static str| {
        view! {
            <button type="button" aria-pressed=move || (back.get() == n).to_string()
                on:click=move |_| back.set(n)>{label}</button>
        }
    };
    let span_button = move |n: u64| {
        view! {
            <button type="button" aria-pressed=move || (span.get() == n).to_string()
                on:click=move |_| span.set(n)>{tr!(progress.days, n = n)}</button>
        }
    };
    view! {
        <h1>{tr!(progress.checkin.title)}</h1>
        <p class="lead">{tr!(progress.checkin.lead)}</p>
        <div class="row switch" role="group" aria-label=tr!(progress.checkin.which_day)>
            {pick(0, tr!(progress.checkin.today))}
            {pick(1, tr!(progress.checkin.yesterday))}
        </div>
        <section class="card" data-testid="checkin">
            <h2>{move || crate::domain::dates::long_date(day.get(), state.today())}</h2>
            {move || {
                let id = Id::parse(&datefmt::write_date(day.get())).unwrap_or_else(|_| crate::web::new_id());
                view! {
                    {fields(state, &CHECKIN_HOW, id.clone())}
                    {state.plan.with_untracked(|p| !p.care.medications.is_empty()).then(|| view! {
                        <h3>{tr!(progress.checkin.medication)}</h3>
                        {fields(state, &CHECKIN_MEDS, id.clone())}
                    })}
                    <h3>{tr!(progress.checkin.support)}</h3>
                    {fields(state, &CHECKIN_SUPPORT, id.clone())}
                    <h3>{tr!(progress.checkin.noticed)}</h3>
                    {fields(state, &CHECKIN_NOTICED, id)}
                }
            }}
            <HowItWent day=day/>
        </section>
        <section class="card">
            <h2>{tr!(progress.checkin.trends)}</h2>
            <div class="row switch" role="group" aria-label=tr!(progress.checkin.how_far_back)>
                {span_button(7)}
                {span_button(30)}
                {span_button(90)}
            </div>
            <p data-testid="streaks">{move || state.plan.with(|p| trends::streaks_text(&trends::streaks(p, state.today())))}</p>
            <div data-testid="charts">{charts}</div>
            <button type="button" on:click=export>{tr!(progress.checkin.export)}</button>
            <p role="status">{exported}</p>
        </section>
    }
}

/// After a check-in: "Saved.", or on a hard day a gentle card with the person's coping for
/// the triggers they met, their people (call or text) and Get help.
#[component]
fn HowItWent(day: Memo<chrono::NaiveDate>) -> impl IntoView {
    let state = use_app_state();
    move || {
        let d = day.get();
        let (saved, hard, coping, contacts) =
            state
                .plan
                .with(|p| match p.checkins.iter().find(|c| c.date == d) {
                    Some(c) => (
                        true,
                        c.hard_day(),
                        crate::domain::checkin::coping_for_day(p, c),
                        !crate::domain::contacts::crisis_contacts(p).is_empty(),
                    ),
                    None => (false, false, Vec::new(), false),
                });
        if !hard {
            return view! { <p class="small" role="status">{saved.then_some(tr!(progress.checkin.saved))}</p> }
                .into_any();
        }
        view! {
            <section class="card gentle" role="status" data-testid="hard-day">
                <h3>{tr!(progress.checkin.hard.title)}</h3>
                <p>{tr!(progress.checkin.hard.body)}</p>
                {(!coping.is_empty()).then(|| view! {
                    <h4>{tr!(progress.checkin.hard.helps)}</h4>
                    <ul>{coping.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                })}
                {contacts.then(|| view! {
                    <h4>{tr!(progress.checkin.hard.reach_out)}</h4>
                    <crate::components::contact_links::ContactLinks/>
                })}
                <p><a class="button primary" href=crate::router::Route::Help.path()>{tr!(progress.checkin.hard.get_help)}</a></p>
            </section>
        }
        .into_any()
    }
}
