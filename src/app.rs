//! The app shell: header with the always-visible way to get help, the routes, the
//! navigation, and the banners that say whether the plan is saved.

use crate::components::dose_timer::{DoseTimer, DoseTimerStrip};
use crate::components::save_banner::SaveBanner;
use crate::domain::pillars::Pillar;
use crate::pages::{
    crisis::CrisisPage, meetings::FindSupportPage, meetings::MeetingsPage, not_found::NotFound,
    overdose::OverdosePage, plan::PillarPage, plan::PlanPage, print::PrintPage,
    recovery::RecoveryScreen, review::ReviewPage, settings::SettingsPage, share::SharePage,
    start::StartPage, today::TodayPage,
};
use crate::router;
use crate::state::{use_app_state, AppState, Boot};
use crate::storage::PLAN_KEY;
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    DoseTimer::provide();
    let path = router::provide();
    state.open();

    // Another tab or window saved: pick it up without a reload.
    let listener = window_event_listener(leptos::ev::storage, move |ev| {
        let key = ev.key();
        if key.is_none() || key.as_deref() == Some(PLAN_KEY) {
            state.stored_elsewhere();
        }
    });
    // Leaving the app (another app, the home screen, a closed tab) ends the edit in progress,
    // so a field being typed in is saved, not lost.
    let leaving = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().hidden() {
            crate::web::end_editing();
        }
    });
    let closing = window_event_listener(leptos::ev::pagehide, move |_| crate::web::end_editing());
    on_cleanup(move || {
        listener.remove();
        leaving.remove();
        closing.remove();
    });

    // Mark the first render of the real content, for the start-up budget.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || state.boot.get() == Boot::Loading {
            return done.unwrap_or(false);
        }
        request_animation_frame(|| crate::web::mark("sn-ready"));
        true
    });

    view! {
        <a class="skip" href="#main">"Skip to content"</a>
            <Header/>
            <SaveBanner/>
            <main id="main" tabindex="-1">
                {move || screen(&path.0.get())}
            </main>
            <Nav/>
    }
}

/// The screen for a path. Each waits for the plan to open, but Get help and the overdose
/// steps, which work whatever state the saved plan is in.
fn screen(path: &str) -> AnyView {
    match path {
        "/help" => CrisisPage().into_any(),
        "/overdose" => OverdosePage().into_any(),
        "/" => view! { <Gate><TodayPage/></Gate> }.into_any(),
        "/plan" => view! { <Gate><PlanPage/></Gate> }.into_any(),
        "/plan/review" => view! { <Gate><ReviewPage/></Gate> }.into_any(),
        "/plan/print" => view! { <Gate><PrintPage/></Gate> }.into_any(),
        "/plan/share" => view! { <Gate><SharePage/></Gate> }.into_any(),
        "/meetings" => view! { <Gate><MeetingsPage/></Gate> }.into_any(),
        "/meetings/find" => view! { <Gate><FindSupportPage/></Gate> }.into_any(),
        "/start" => view! { <Gate><StartPage/></Gate> }.into_any(),
        "/settings" => view! { <Gate><SettingsPage/></Gate> }.into_any(),
        _ => match path.strip_prefix("/plan/").and_then(Pillar::from_slug) {
            Some(pillar) => view! { <Gate><PillarPage pillar=pillar/></Gate> }.into_any(),
            None => view! { <Gate><NotFound/></Gate> }.into_any(),
        },
    }
}

/// Shows its children once the plan is open; otherwise what to do about it.
#[component]
fn Gate(children: ChildrenFn) -> impl IntoView {
    let state = use_app_state();
    move || match state.boot.get() {
        Boot::Ready => Either::Left(children()),
        other => Either::Right(view! { <NotOpen boot=other/> }),
    }
}

/// What shows instead of a screen while the plan is not open.
#[component]
fn NotOpen(boot: Boot) -> impl IntoView {
    let (loading, damaged, unavailable) = match boot {
        Boot::Damaged(d) => (false, Some(d), None),
        Boot::Unavailable(why) => (false, None, Some(why)),
        _ => (true, None, None),
    };
    view! {
        {loading.then(|| view! { <p class="loading">"Opening your plan…"</p> })}
        {damaged.map(|d| view! { <RecoveryScreen damaged=d/> })}
        {unavailable.map(|why| view! { <StorageUnavailable why=why/> })}
    }
}

#[component]
fn Header() -> impl IntoView {
    view! {
        <header class="top">
            <a href="/" class="brand">"Safety Net"</a>
            // The emergency control: on every screen, one tap to help.
            <a href="/help" class="get-help">"Get help"</a>
            // The re-dose timer, on every screen while it runs.
            <DoseTimerStrip/>
        </header>
    }
}

#[component]
fn Nav() -> impl IntoView {
    view! {
        <nav class="bottom" aria-label="Main">
            <a href="/" aria-current=router::current("/", true)>"Today"</a>
            <a href="/plan" aria-current=router::current("/plan", false)>"My plan"</a>
            <a href="/meetings" aria-current=router::current("/meetings", false)>"Meetings"</a>
            <a href="/settings" aria-current=router::current("/settings", false)>"Settings"</a>
        </nav>
    }
}

#[component]
fn StorageUnavailable(why: String) -> impl IntoView {
    view! {
        <section class="card warn" role="alert">
            <h1>"This browser is not letting Safety Net save"</h1>
            <p>"Your plan can't be kept on this device right now, so nothing you type would be saved."</p>
            <p>"This happens in some private or incognito windows, or when site data is blocked in the browser's settings. Open Safety Net in a normal window, or allow this site to store data, then reload."</p>
            <p class="small">"Details: "{why}</p>
            <p><a href="/help">"Get help now"</a></p>
        </section>
    }
}
