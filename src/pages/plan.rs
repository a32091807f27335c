//! My plan: the strength of the net at a glance, and a screen per pillar.

use crate::components::pillar_body::pillar_body;
use crate::domain::dates::long_date;
use crate::domain::pillars::{next_to_add, review, Level, Pillar, Review};
use crate::router::Route;
use crate::state::use_app_state;
use leptos::prelude::*;

#[component]
pub fn PlanPage() -> impl IntoView {
    crate::web::set_title(tr!(plan.title));
    view! {
        <h1>{tr!(plan.title)}</h1>
        <p class="lead">{tr!(plan.lead)}</p>
        <Overview/>
        <section class="card">
            <h2>{tr!(plan.keep.title)}</h2>
            <ul class="links">
                <li><a href=Route::Review.path()>{tr!(plan.keep.review)}</a></li>
                <li><a href=Route::Print.path()>{tr!(plan.keep.print)}</a></li>
                <li><a href=Route::Share.path()>{tr!(plan.keep.share)}</a></li>
                <li><a href=Route::Start.path()>{tr!(plan.keep.start)}</a></li>
            </ul>
        </section>
    }
}

/// The review status, the next thing to add, and each pillar with how much is in place.
#[component]
fn Overview() -> impl IntoView {
    let state = use_app_state();
    let review_card = move || {
        let today = state.today();
        match state.plan.with(|p| review(p, today)) {
            Review::NothingYet => None,
            Review::Due { .. } => Some(view! {
                <section class="card warn" data-testid="review">
                    <h2>{tr!(plan.overview.review_due)}</h2>
                    <p>{tr!(plan.overview.review_due_hint)}</p>
                    <a class="button primary" href=Route::Review.path()>{tr!(plan.overview.review_button)}</a>
                </section>
            }.into_any()),
            Review::Next(d) => Some(view! {
                <p class="small" data-testid="review">{tr!(plan.overview.next_review, date = long_date(d, today))}</p>
            }.into_any()),
        }
    };
    let next = move || {
        state.plan.with(next_to_add).map(|(pillar, what)| {
            view! {
                <section class="card" data-testid="next">
                    <h2>{tr!(plan.overview.next_to_add)}</h2>
                    <p>{what}</p>
                    <a class="button" href=Route::Pillar(pillar).path()>{pillar.title()}</a>
                </section>
            }
        })
    };
    view! {
        {review_card}
        {next}
        <section class="card">
            <h2>{tr!(plan.overview.parts)}</h2>
            <ul class="pillars">
                {Pillar::ALL.iter().map(|x| {
                    let x = *x;
                    let level = move || state.plan.with(|p| x.level(p));
                    let class = move || match level() {
                        Level::Empty => "level empty",
                        Level::Thin => "level thin",
                        Level::InPlace => "level in-place",
                    };
                    view! {
                        <li><a href=Route::Pillar(x).path()>
                            <span class="pillar-name">{x.title()}</span>
                            <span class=class>{move || level().label()}</span>
                        </a></li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
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
        <p class="crumb"><a href=Route::Plan.path()>{tr!(plan.title)}</a></p>
        <h1>{pillar.title()}</h1>
        {pillar_body(pillar)}
        {next.map(|n| view! {
            <p class="next-pillar"><a class="button" href=Route::Pillar(n).path()>{tr!(plan.next_pillar, pillar = n.title())}</a></p>
        })}
    }
}
