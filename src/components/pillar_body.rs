//! The intro, how much is in place, and the editors of a pillar: on the pillar's own screen
//! and in the review.

use crate::components::crisis_lines::ToleranceWarning;
use crate::components::kits_editor::KitsEditor;
use crate::components::record_list::{fields, RecordList};
use crate::components::tables::*;
use crate::domain::pillars::Pillar;
use crate::domain::Id;
use crate::state::use_app_state;
use leptos::prelude::*;

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
                <section class="card letter">
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
