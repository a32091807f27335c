//! Today: where the person lands every time. Everything here reads the app's clock, so it
//! moves at local midnight and when the app comes back to the foreground.

use crate::components::celebration::Celebration;
use crate::components::coming_up::ComingUp;
use crate::components::contact_links::ContactLinks;
use crate::components::meetings_today::MeetingsToday;
use crate::components::recovery_counter::RecoveryCounter;
use crate::components::{own_list, reason_texts};
use crate::domain::dates::long_date;
use crate::domain::pillars::{review, Pillar, Review};
use crate::domain::plan::GuidedStart;
use crate::router::Route;
use crate::state::use_app_state;
use leptos::prelude::*;

#[component]
pub fn TodayPage() -> impl IntoView {
    crate::web::set_title("Today");
    let state = use_app_state();
    // The guided start is offered until it is done or skipped, while the plan is still new.
    let offer_start = move || {
        state
            .plan
            .with(|p| p.settings.guided_start == GuidedStart::NotStarted && p.people.is_empty())
    };
    // The first view (what fills the screen) is drawn at once; the cards below it after the
    // browser has had a turn, so no single start-up task is long.
    let rest = RwSignal::new(false);
    set_timeout(move || rest.set(true), std::time::Duration::ZERO);
    view! {
        <h1>"Today"</h1>
        <p class="date" data-testid="today-date">{move || { let t = state.today(); long_date(t, t) }}</p>
        <Show when=offer_start>
            <section class="card welcome" data-testid="guided-offer">
                <h2>"Welcome to your safety net"</h2>
                <p>"Build your own recovery plan: your people, your triggers and what you'll do instead, where your naloxone is. It takes about five minutes and you can change it any time."</p>
                <p>"Everything you write stays on this device. No account, nothing sent anywhere."</p>
                <a href=Route::Start.path() class="button primary">"Start my safety net"</a>
                <button type="button" class="link" on:click=move |_| state.edit(|p| p.settings.guided_start = GuidedStart::Skipped)>"Not now"</button>
            </section>
            // Below the welcome, so the swap from the start-up shell moves nothing.
            <crate::components::language_choice::OtherLanguage/>
        </Show>
        <crate::components::safekeeping::SafariNotice/>
        <ReviewDue/>
        <crate::components::safekeeping::BackupReminder/>
        <section class="card" data-testid="today-recovery">
            <RecoveryCounter/>
            <p><a href=Route::Recovery.path()>"My recovery"</a></p>
            <p>{move || {
                let today = state.today();
                if state.plan.with(|p| p.checkins.iter().any(|c| c.date == today)) {
                    "You checked in today."
                } else {
                    "How are you today?"
                }
            }}</p>
            <a class="button primary" href=Route::CheckIn.path()>"Check in (30 seconds)"</a>
        </section>
        <Show when=move || rest.get()>
            <Celebration/>
            <GentleNotice/>
            <ComingUp/>
            <MeetingsToday/>
            <KitCards/>
            {own_list("Why I'm doing this", reason_texts)}
            <section class="card quiet">
                <p>"In a hard moment, "<a href=Route::Help.path()>"Get help"</a>" is at the top of every screen."</p>
            </section>
        </Show>
    }
}

/// "Review your plan" when it is due.
#[component]
fn ReviewDue() -> impl IntoView {
    let state = use_app_state();
    move || {
        let today = state.today();
        let last = match state.plan.with(|p| review(p, today)) {
            Review::Due { last } => last,
            _ => return None,
        };
        Some(view! {
            <section class="card" data-testid="review-due">
                <h2>"Time to review your plan"</h2>
                <p>{match last {
                    Some(d) => format!("Last reviewed {}. A few minutes to check it still fits your life.", long_date(d, today)),
                    None => "A few minutes to check it still fits your life.".into(),
                }}</p>
                <a class="button" href=Route::Review.path()>"Review my plan"</a>
            </section>
        })
    }
}

/// When craving has been rising, or warning signs from the plan showed up in recent
/// check-ins: said gently, with the person's own coping strategies and their people.
#[component]
fn GentleNotice() -> impl IntoView {
    let state = use_app_state();
    move || {
        let today = state.today();
        let (rising, signs, coping, has_contacts) = state.plan.with(|p| {
            (
                crate::domain::trends::craving_rising(p, today),
                crate::domain::trends::recent_warning_signs(p, today),
                p.relapse
                    .coping
                    .iter()
                    .take(3)
                    .map(|c| c.text.clone())
                    .collect::<Vec<_>>(),
                !crate::domain::contacts::crisis_contacts(p).is_empty(),
            )
        });
        if !rising && signs.is_empty() {
            return None;
        }
        let mut what = Vec::new();
        if rising {
            what.push("your craving has been going up".to_string());
        }
        if !signs.is_empty() {
            what.push(format!("you noticed {}", signs.join(", ")));
        }
        Some(view! {
            <section class="card" data-testid="gentle-notice">
                <h2>"Looking after yourself"</h2>
                <p>{format!("Over the last few days {}. That's worth noticing, not a failure. This might be a good day to reach out.", what.join(" and "))}</p>
                {(!coping.is_empty()).then(|| view! {
                    <h3>"What helps you"</h3>
                    <ul>{coping.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                })}
                {if has_contacts {
                    view! { <ContactLinks/> }.into_any()
                } else {
                    view! { <p><a href=Route::Help.path()>"Get help"</a></p> }.into_any()
                }}
            </section>
        })
    }
}

/// The naloxone cards: a nudge when the plan has no kit, else a warning per kit that expires
/// within 30 days or has expired.
#[component]
fn KitCards() -> impl IntoView {
    let state = use_app_state();
    let kits = Route::Pillar(Pillar::Crisis).at("naloxone");
    move || {
        let today = state.today();
        let notices = state.plan.with(|p| {
            (!p.naloxone_kits.is_empty()).then(|| {
                p.naloxone_kits
                    .iter()
                    .filter_map(|k| k.notice(today))
                    .collect::<Vec<_>>()
            })
        });
        match notices {
            None => view! {
                <section class="card" data-testid="no-kit">
                    <h2>"Where is your naloxone?"</h2>
                    <p>"Naloxone reverses an opioid overdose. Note where yours is kept, so you and the people around you can find it fast. Pharmacies sell it without a prescription."</p>
                    <a class="button" href=kits.clone()>"Add a naloxone kit"</a>
                </section>
            }
            .into_any(),
            Some(notices) => notices
                .into_iter()
                .map(|n| {
                    let kits = kits.clone();
                    view! {
                        <section class="card warn" data-testid="kit-notice">
                            <h2>"Naloxone"</h2>
                            <p>{n}</p>
                            <a href=kits>"My kits"</a>
                        </section>
                    }
                })
                .collect_view()
                .into_any(),
        }
    }
}
