//! Print and carry: the whole plan as plain pages (Letter or A4: the page size is the
//! printer's), or a credit-card-size wallet card, through the browser's own print (which
//! also saves as PDF). Built as escaped HTML text from the plan.

use crate::components::record_list::fields;
use crate::components::section_choice::{not_private, SectionChoice};
use crate::components::tables::CARD_SETTINGS;
use crate::domain::dates::full_date;
use crate::domain::pillars::{section_lines, wallet_card, SHARE_SECTIONS};
use crate::domain::resources::{emergency, national_lines, us_numbers};
use crate::domain::Id;
use crate::domain::Plan;
use crate::router::Route;
use crate::state::use_app_state;
use leptos::prelude::*;

#[component]
pub fn PrintPage() -> impl IntoView {
    crate::web::set_title(tr!(plan.print.title));
    let state = use_app_state();
    // What the next print is of: the plan or the wallet card (the other is hidden in print).
    let what = RwSignal::new("plan");
    // Private sections are printed only when ticked.
    let chosen = RwSignal::new(not_private());
    let print = move |which: &'static str| {
        move |_| {
            what.set(which);
            request_animation_frame(crate::web::print);
        }
    };
    view! {
        <div class="no-print">
            <p class="crumb"><a href=Route::Plan.path()>{tr!(plan.title)}</a></p>
            <h1>{tr!(plan.print.heading)}</h1>
            <p class="lead">{tr!(plan.print.lead)}</p>
            <SectionChoice legend=tr!(plan.print.what) chosen=chosen/>
            <p class="hint">{tr!(plan.print.private_hint)}</p>
            <div class="row">
                <button type="button" class="primary" on:click=print("plan")>{tr!(plan.print.print_plan)}</button>
                <button type="button" on:click=print("card")>{tr!(plan.print.print_card)}</button>
            </div>
            <section class="card">
                <h2>{tr!(plan.print.on_card)}</h2>
                {fields(state, &CARD_SETTINGS, Id::empty())}
                <p class="hint">{tr!(plan.print.card_hint)}</p>
            </section>
        </div>
        <div class="printable" data-print=what>
            <article class="printout" data-testid="printout">
                {move || {
                    let printed = full_date(state.today());
                    chosen.with(|c| state.plan.with(|p| printout(p, printed, c)))
                }}
            </article>
            <div class="wallet">{move || state.plan.with(wallet)}</div>
        </div>
    }
}

/// The chosen sections of the plan.
fn printout(p: &Plan, printed: String, chosen: &[&str]) -> impl IntoView + use<> {
    let sections: Vec<_> = SHARE_SECTIONS
        .iter()
        .filter(|s| chosen.contains(&s.key))
        .filter_map(|s| {
            let lines = section_lines(p, s.key);
            (!lines.is_empty()).then_some((s.title, matches!(s.key, "crisis" | "slip"), lines))
        })
        .collect();
    view! {
        <h2>{tr!(plan.print.printout_title)}</h2>
        <p class="small">{tr!(plan.print.printed, date = printed)}</p>
        {sections.into_iter().map(|(title, numbered, lines)| view! {
            <section>
                <h3>{title}</h3>
                // Steps carry their own numbers.
                <ul class:numbered=numbered>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </section>
        }).collect_view()}
        <section>
            <h3>{tr!(plan.print.crisis_lines)}</h3>
            <p>{us_numbers()}</p>
            <ul>
                {std::iter::once(emergency()).chain(national_lines()).map(|l| view! {
                    <li>{format!("{}: {}", l.name, l.display)}</li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// Both sides of the wallet card (85.6 × 54 mm each). Text wraps; nothing is cut.
fn wallet(p: &Plan) -> impl IntoView + use<> {
    let card = wallet_card(p);
    view! {
        <h2 class="no-print">{tr!(plan.print.card_title)}</h2>
        <div class="card-side" data-testid="card-front">
            <p class="card-title">{tr!(plan.print.emergency, number = emergency().display)}</p>
            {(!card.first_name.is_empty()).then(|| view! { <p class="card-line">{tr!(plan.print.my_name, name = card.first_name)}</p> })}
            {(!card.medication.is_empty()).then(|| view! {
                <p class="card-line">{tr!(plan.print.i_take, list = card.medication.join("; "))}</p>
            })}
            {(!card.naloxone.is_empty()).then(|| view! {
                <p class="card-line">{tr!(plan.print.naloxone, list = card.naloxone.join("; "))}</p>
            })}
            <p class="card-sub">{tr!(plan.print.my_people)}</p>
            <ul>{card.contacts.into_iter().map(|(name, phone)| view! { <li>{format!("{name}: {phone}")}</li> }).collect_view()}</ul>
        </div>
        <div class="card-side" data-testid="card-back">
            <p class="card-sub">{tr!(plan.print.what_helps)}</p>
            <ul>{card.coping.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
            <p class="card-sub">{tr!(plan.print.lines)}</p>
            // 988 and the SAMHSA Helpline, then 911: the numbers come from domain::resources.
            <ul>
                {national_lines().into_iter().take(2).chain([emergency()]).map(|l| view! {
                    <li>{format!("{}: {}", l.short, l.display)}</li>
                }).collect_view()}
            </ul>
            <p class="card-note">{us_numbers()}</p>
        </div>
    }
}
