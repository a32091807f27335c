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
    crate::web::set_title(tr!(today.title));
    let state = use_app_state();
    // The guided start is offered until it is done or skipped, while the plan is still new.
    let offer_start = move || {
        state
            .plan
            .with(|p| p.settings.guided_start == GuidedStart::NotStarted && p.people.is_empty())
    };
    // The first view (what fills the screen) is drawn at once; at start-up in two turns,
    // the notices and the recovery card a turn after the top, before the app is shown
    // (src/app.rs). The cards below come a turn later, so no single task is long; at
    // start-up, after the frame that shows the app, which then lays out only the first view.
    let first = use_context::<crate::app::FirstView>();
    let whole = move || first.is_none_or(|f| f.whole());
    let rest = RwSignal::new(false);
    let later = move || set_timeout(move || rest.set(true), std::time::Duration::ZERO);
    match first {
        Some(first) if !first.shown_untracked() => {
            Effect::new(move |_| {
                if first.shown() && !rest.get_untracked() {
                    // No frames come in a tab in the background.
                    if document().hidden() {
                        later();
                    } else {
                        request_animation_frame(later);
                    }
                }
            });
        }
        _ => later(),
    }
    view! {
        <h1>{tr!(today.title)}</h1>
        <p class="date" data-testid="today-date">{move || { let t = state.today(); long_date(t, t) }}</p>
        <Show when=offer_start>
            <section class="card welcome" data-testid="guided-offer">
                <h2>{tr!(today.welcome.title)}</h2>
                <p>{tr!(today.welcome.build)}</p>
                <p>{tr!(today.welcome.private)}</p>
                <a href=Route::Start.path() class="button primary">{tr!(today.welcome.start)}</a>
                <button type="button" class="link" on:click=move |_| state.edit(|p| p.settings.guided_start = GuidedStart::Skipped)>{tr!(today.welcome.not_now)}</button>
            </section>
            // Below the welcome, so the swap from the start-up shell moves nothing.
            <crate::components::language_choice::OtherLanguage/>
        </Show>
        <Show when=whole>
        <crate::components::safekeeping::SafariNotice/>
        <ReviewDue/>
        <crate::components::safekeeping::BackupReminder/>
        <section class="card" data-testid="today-recovery">
            <RecoveryCounter/>
            <p><a href=Route::Recovery.path()>{tr!(today.my_recovery)}</a></p>
            <p>{move || {
                let today = state.today();
                if state.plan.with(|p| p.checkins.iter().any(|c| c.date == today)) {
                    tr!(today.checked_in)
                } else {
                    tr!(today.how_are_you)
                }
            }}</p>
            <a class="button primary" href=Route::CheckIn.path()>{tr!(today.check_in)}</a>
        </section>
        </Show>
        <Show when=move || rest.get()>
            <Celebration/>
            <GentleNotice/>
            <ComingUp/>
            <MeetingsToday/>
            <KitCards/>
            {own_list(tr!(today.why), reason_texts)}
            <section class="card quiet" data-testid="today-hard-moment">
                <p>{tr!(today.hard_moment.before)}<a href=Route::Help.path()>{tr!(today.hard_moment.link)}</a>{tr!(today.hard_moment.after)}</p>
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
                <h2>{tr!(today.review.title)}</h2>
                <p>{match last {
                    Some(d) => tr!(today.review.last, date = long_date(d, today)),
                    None => tr!(today.review.few_minutes).into(),
                }}</p>
                <a class="button" href=Route::Review.path()>{tr!(today.review.button)}</a>
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
        let noticed =
            (!signs.is_empty()).then(|| tr!(today.gentle.noticed, signs = signs.join(", ")));
        let what = match (rising, noticed) {
            (true, Some(n)) => tr!(today.gentle.both, a = tr!(today.gentle.rising), b = n),
            (true, None) => tr!(today.gentle.rising).to_string(),
            (false, n) => n.unwrap_or_default(),
        };
        Some(view! {
            <section class="card" data-testid="gentle-notice">
                <h2>{tr!(today.gentle.title)}</h2>
                <p>{tr!(today.gentle.body, what = what)}</p>
                {(!coping.is_empty()).then(|| view! {
                    <h3>{tr!(today.gentle.helps)}</h3>
                    <ul>{coping.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                })}
                {if has_contacts {
                    view! { <ContactLinks/> }.into_any()
                } else {
                    view! { <p><a href=Route::Help.path()>{tr!(today.gentle.get_help)}</a></p> }.into_any()
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
                    <h2>{tr!(today.kit.where_is)}</h2>
                    <p>{tr!(today.kit.why)}</p>
                    <a class="button" href=kits.clone()>{tr!(today.kit.add)}</a>
                </section>
            }
            .into_any(),
            Some(notices) => notices
                .into_iter()
                .map(|n| {
                    let kits = kits.clone();
                    view! {
                        <section class="card warn" data-testid="kit-notice">
                            <h2>{tr!(today.kit.title)}</h2>
                            <p>{n}</p>
                            <a href=kits>{tr!(today.kit.mine)}</a>
                        </section>
                    }
                })
                .collect_view()
                .into_any(),
        }
    }
}
