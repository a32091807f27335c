//! My plan: the strength of the net at a glance, and a screen per pillar.

use crate::components::crisis_lines::ToleranceWarning;
use crate::components::kits_editor::KitsEditor;
use crate::components::record_list::{fields, RecordList};
use crate::components::static_html::esc;
use crate::components::tables::*;
use crate::domain::pillars::{next_to_add, review, Level, Pillar, Review};
use crate::domain::{dates::long_date, Id, Plan};
use crate::state::use_app_state;
use leptos::prelude::*;

#[component]
pub fn PlanPage() -> impl IntoView {
    crate::web::set_title("My plan");
    let state = use_app_state();
    let today = crate::web::today();
    view! {
        <h1>"My plan"</h1>
        <p class="lead">"Your safety net, in your own words. Every change is saved as you go."</p>
        <div inner_html=move || state.plan.with(|p| overview(p, today))></div>
        <section class="card">
            <h2>"Keep it, carry it, share it"</h2>
            <ul class="links">
                <li><a href="/plan/review">"Review my plan"</a></li>
                <li><a href="/plan/print">"Print it, or a wallet card"</a></li>
                <li><a href="/plan/share">"Share parts with loved ones"</a></li>
                <li><a href="/start">"Build it step by step (guided start)"</a></li>
            </ul>
        </section>
    }
}

/// The review status, the next thing to add, and each pillar with how much is in place.
/// HTML text (escaped; only the app's own words), so it costs no view code.
fn overview(p: &Plan, today: chrono::NaiveDate) -> String {
    let review = match review(p, today) {
        Review::NothingYet => String::new(),
        Review::Due { .. } => "<section class=\"card warn\" data-testid=\"review\"><h2>Time to review your plan</h2><p>A few minutes to check each part still fits your life.</p><a class=\"button primary\" href=\"/plan/review\">Review my plan</a></section>".into(),
        Review::Next(d) => format!("<p class=\"small\" data-testid=\"review\">Next review: {}.</p>", esc(&long_date(d, today))),
    };
    let next = next_to_add(p).map_or(String::new(), |(pillar, what)| {
        format!(
            "<section class=\"card\" data-testid=\"next\"><h2>Next to add</h2><p>{}</p><a class=\"button\" href=\"/plan/{}\">{}</a></section>",
            esc(what),
            pillar.slug(),
            esc(pillar.title())
        )
    });
    let pillars: String = Pillar::ALL
        .iter()
        .map(|x| {
            let level = x.level(p);
            let class = match level {
                Level::Empty => "empty",
                Level::Thin => "thin",
                Level::InPlace => "in-place",
            };
            format!(
                "<li><a href=\"/plan/{}\"><span class=\"pillar-name\">{}</span><span class=\"level {class}\">{}</span></a></li>",
                x.slug(),
                esc(x.title()),
                level.label()
            )
        })
        .collect();
    format!("{review}{next}<section class=\"card\"><h2>The parts of your safety net</h2><ul class=\"pillars\">{pillars}</ul></section>")
}

/// One pillar of the plan, on its own screen.
#[component]
pub fn PillarPage(pillar: Pillar) -> impl IntoView {
    crate::web::set_title(pillar.title());
    let next = Pillar::ALL
        .iter()
        .position(|x| *x == pillar)
        .and_then(|i| Pillar::ALL.get(i + 1).copied());
    view! {
        <p class="crumb"><a href="/plan">"My plan"</a></p>
        <h1>{pillar.title()}</h1>
        {pillar_body(pillar)}
        {next.map(|n| view! {
            <p class="next-pillar"><a class="button" href=format!("/plan/{}", n.slug())>{format!("Next: {}", n.title())}</a></p>
        })}
    }
}

/// The intro, how much is in place, and the editors of a pillar (also used by the review).
pub fn pillar_body(pillar: Pillar) -> impl IntoView {
    let state = use_app_state();
    let status = move || {
        state.plan.with(|p| {
            let level = pillar.level(p).label();
            match pillar.next_step(p) {
                Some(next) => format!("{level}. Next: {next}"),
                None => format!("{level}."),
            }
        })
    };
    view! {
        <p class="lead">{pillar.intro()}</p>
        <p class="status" data-testid="pillar-status">{status}</p>
        {sections(pillar)}
    }
}

fn sections(pillar: Pillar) -> AnyView {
    match pillar {
        Pillar::People => view! {
            <RecordList anchor="people" title="People I can call" noun="person" records=&PEOPLE
                hint="A sponsor, family, friends, a recovery coach or peer recovery specialist, your therapist or doctor."
                add_label="Add a person: their name" placeholder="Sam"/>
            <RecordList anchor="keep-distance" title="People and places I keep my distance from" noun="entry" records=&KEEP_DISTANCE
                hint="Private: kept on this device, and never shared unless you choose it."
                add_label="Add a person or place" placeholder="My old dealer"/>
        }
        .into_any(),
        Pillar::Crisis => view! {
            <RecordList anchor="crisis-steps" title="What I will do in a crisis" noun="step" records=&CRISIS_STEPS
                hint="In order. If someone may be overdosing: call 911 and give naloxone."
                add_label="Add a step" placeholder="Call my sponsor"
                suggestions=&["Call my sponsor", "Call or text 988", "Go somewhere safe, with people", "If someone may be overdosing: call 911 and give naloxone"]/>
            <KitsEditor/>
        }
        .into_any(),
        Pillar::Relapse => view! {
            <RecordList anchor="reasons" title="Reasons for recovery" noun="reason" records=&REASONS
                hint="What recovery gives you, and who you are doing it for."
                add_label="Add a reason" placeholder="Be there for my daughter"/>
            <RecordList anchor="triggers" title="Triggers" noun="trigger" records=&TRIGGERS
                hint="People, places, feelings, times and things that make you want to use."
                add_label="Add a trigger" placeholder="Payday"
                suggestions=&["Hungry", "Angry", "Lonely", "Tired", "Payday"]/>
            <RecordList anchor="warning-signs" title="Warning signs" noun="warning sign" records=&WARNING_SIGNS
                hint="Early signs that things are slipping: thoughts, moods, habits."
                add_label="Add a warning sign" placeholder="Skipping meetings"
                suggestions=&["Isolating", "Skipping meetings", "Not sleeping", "Missing my medication"]/>
            <RecordList anchor="coping" title="Coping strategies" noun="strategy" records=&COPING
                hint="What you do instead. Tick the triggers each one answers."
                add_label="Add a coping strategy" placeholder="Call my sponsor"
                suggestions=&["Call my sponsor", "Go to an extra meeting", "Leave the place", "Eat something and rest"]/>
            <RecordList anchor="places" title="Places to avoid" noun="place" records=&PLACES
                hint="Places that make using more likely."
                add_label="Add a place to avoid" placeholder="The corner by the old apartment"/>
        }
        .into_any(),
        Pillar::Care => view! {
            <RecordList anchor="medications" title="Medications" noun="medication" records=&MEDICATIONS
                hint="Buprenorphine, naltrexone, methadone or others: dose, schedule, prescriber, pharmacy, next refill."
                add_label="Add a medication: its name" placeholder="Suboxone"/>
            <RecordList anchor="appointments" title="Appointments" noun="appointment" records=&APPOINTMENTS
                hint="Your prescriber and counseling, and care for other health needs: primary care, dental, hepatitis C, HIV, mental health."
                add_label="Add an appointment: with whom" placeholder="Dr. Lee"/>
        }
        .into_any(),
        Pillar::Slip => view! {
            <RecordList anchor="slip-steps" title="My steps after a slip" noun="step" records=&SLIP_STEPS
                hint="In order. Tap an idea to add it, then make it your own."
                add_label="Add a step" placeholder="Call my sponsor the same day"
                suggestions=&SLIP_IDEAS add_all=true/>
            <ToleranceWarning/>
        }
        .into_any(),
        Pillar::Therapy => view! {
            <RecordList anchor="therapy" title="Therapy and counseling" noun="entry" records=&THERAPY
                hint="CBT, DBT, contingency management, family or couples therapy, group, an intensive outpatient program."
                add_label="Add a therapist or program" placeholder="Ms. Ortiz"/>
        }
        .into_any(),
        Pillar::Goals => view! {
            <RecordList anchor="goals" title="Goals" noun="goal" records=&GOALS
                hint="Work, education, money, housing, health, leisure. Keep the next step small."
                add_label="Add a goal" placeholder="Get my GED"/>
        }
        .into_any(),
        Pillar::LovedOnes => {
            let state = use_app_state();
            view! {
                <section class="card record">
                    <h2>"For the people close to me"</h2>
                    {fields(state, &LOVED_ONES, Id::empty())}
                </section>
            }
            .into_any()
        }
    }
}

/// Suggested steps after a slip: an empty list offers them all in one tap, ready to edit.
/// Sources: SAMHSA (reach out to your support and prescriber; lower tolerance after a break
/// raises overdose risk: don't use alone, carry naloxone).
const SLIP_IDEAS: [&str; 6] = [
    "Contact my sponsor the same day",
    "Tell my doctor or prescriber",
    "Go to an extra meeting",
    "Don't use alone",
    "Carry naloxone: my tolerance is lower now",
    "Be kind to myself: one slip does not erase my recovery",
];
