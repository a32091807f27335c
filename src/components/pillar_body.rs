//! The intro, how much is in place, and the editors of a pillar: on the pillar's own screen
//! and in the review.

use crate::components::crisis_lines::ToleranceWarning;
use crate::components::kits_editor::KitsEditor;
use crate::components::record_list::{fields, RecordList};
use crate::components::tables::*;
use crate::domain::pillars::{
    coping_ideas, crisis_ideas, slip_ideas, trigger_ideas, warning_sign_ideas, Pillar,
};
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
                Some(next) => tr!(plan.status_next, level = level, next = next),
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
            <RecordList anchor="people" title={tr!(plan.lists.people.title)} noun={tr!(plan.lists.people.noun)} records=&PEOPLE
                hint={tr!(plan.lists.people.hint)}
                add_label={tr!(plan.lists.people.add_label)} placeholder={tr!(plan.lists.people.placeholder)}/>
            <RecordList anchor="keep-distance" title={tr!(plan.lists.keep_distance.title)} noun={tr!(plan.lists.keep_distance.noun)} records=&KEEP_DISTANCE
                hint={tr!(plan.lists.keep_distance.hint)}
                add_label={tr!(plan.lists.keep_distance.add_label)} placeholder={tr!(plan.lists.keep_distance.placeholder)}/>
        }
        .into_any(),
        Pillar::Crisis => view! {
            <RecordList anchor="crisis-steps" title={tr!(plan.lists.crisis_steps.title)} noun={tr!(plan.lists.crisis_steps.noun)} records=&CRISIS_STEPS
                hint={tr!(plan.lists.crisis_steps.hint)}
                add_label={tr!(plan.lists.crisis_steps.add_label)} placeholder={tr!(plan.lists.crisis_steps.placeholder)}
                suggestions=crisis_ideas()/>
            <KitsEditor/>
        }
        .into_any(),
        Pillar::Relapse => view! {
            <RecordList anchor="reasons" title={tr!(plan.lists.reasons.title)} noun={tr!(plan.lists.reasons.noun)} records=&REASONS
                hint={tr!(plan.lists.reasons.hint)}
                add_label={tr!(plan.lists.reasons.add_label)} placeholder={tr!(plan.lists.reasons.placeholder)}/>
            <RecordList anchor="triggers" title={tr!(plan.lists.triggers.title)} noun={tr!(plan.lists.triggers.noun)} records=&TRIGGERS
                hint={tr!(plan.lists.triggers.hint)}
                add_label={tr!(plan.lists.triggers.add_label)} placeholder={tr!(plan.lists.triggers.placeholder)}
                suggestions=trigger_ideas()/>
            <RecordList anchor="warning-signs" title={tr!(plan.lists.warning_signs.title)} noun={tr!(plan.lists.warning_signs.noun)} records=&WARNING_SIGNS
                hint={tr!(plan.lists.warning_signs.hint)}
                add_label={tr!(plan.lists.warning_signs.add_label)} placeholder={tr!(plan.lists.warning_signs.placeholder)}
                suggestions=warning_sign_ideas()/>
            <RecordList anchor="coping" title={tr!(plan.lists.coping.title)} noun={tr!(plan.lists.coping.noun)} records=&COPING
                hint={tr!(plan.lists.coping.hint)}
                add_label={tr!(plan.lists.coping.add_label)} placeholder={tr!(plan.lists.coping.placeholder)}
                suggestions=coping_ideas()/>
            <RecordList anchor="places" title={tr!(plan.lists.places.title)} noun={tr!(plan.lists.places.noun)} records=&PLACES
                hint={tr!(plan.lists.places.hint)}
                add_label={tr!(plan.lists.places.add_label)} placeholder={tr!(plan.lists.places.placeholder)}/>
        }
        .into_any(),
        Pillar::Care => view! {
            <RecordList anchor="medications" title={tr!(plan.lists.medications.title)} noun={tr!(plan.lists.medications.noun)} records=&MEDICATIONS
                hint={tr!(plan.lists.medications.hint)}
                add_label={tr!(plan.lists.medications.add_label)} placeholder={tr!(plan.lists.medications.placeholder)}/>
            <RecordList anchor="appointments" title={tr!(plan.lists.appointments.title)} noun={tr!(plan.lists.appointments.noun)} records=&APPOINTMENTS
                hint={tr!(plan.lists.appointments.hint)}
                add_label={tr!(plan.lists.appointments.add_label)} placeholder={tr!(plan.lists.appointments.placeholder)}/>
        }
        .into_any(),
        Pillar::Slip => view! {
            <RecordList anchor="slip-steps" title={tr!(plan.lists.slip_steps.title)} noun={tr!(plan.lists.slip_steps.noun)} records=&SLIP_STEPS
                hint={tr!(plan.lists.slip_steps.hint)}
                add_label={tr!(plan.lists.slip_steps.add_label)} placeholder={tr!(plan.lists.slip_steps.placeholder)}
                suggestions=slip_ideas() add_all=true/>
            <ToleranceWarning/>
        }
        .into_any(),
        Pillar::Therapy => view! {
            <RecordList anchor="therapy" title={tr!(plan.lists.therapy.title)} noun={tr!(plan.lists.therapy.noun)} records=&THERAPY
                hint={tr!(plan.lists.therapy.hint)}
                add_label={tr!(plan.lists.therapy.add_label)} placeholder={tr!(plan.lists.therapy.placeholder)}/>
        }
        .into_any(),
        Pillar::Goals => view! {
            <RecordList anchor="goals" title={tr!(plan.lists.goals.title)} noun={tr!(plan.lists.goals.noun)} records=&GOALS
                hint={tr!(plan.lists.goals.hint)}
                add_label={tr!(plan.lists.goals.add_label)} placeholder={tr!(plan.lists.goals.placeholder)}/>
        }
        .into_any(),
        Pillar::LovedOnes => {
            let state = use_app_state();
            view! {
                <section class="card letter">
                    <h2>{tr!(plan.lists.loved_ones)}</h2>
                    {fields(state, &LOVED_ONES, Id::empty())}
                </section>
            }
            .into_any()
        }
    }
}
