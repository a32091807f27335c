//! The app shell: header with the always-visible way to get help, the routes, the
//! navigation, and the banners that say whether the plan is saved.

use crate::components::dose_timer::{DoseTimer, DoseTimerStrip};
use crate::components::save_banner::SaveBanner;
use crate::domain::pillars::Pillar;
use crate::pages::{
    checkin::CheckInPage,
    crisis::CrisisPage,
    meetings::FindSupportPage,
    meetings::MeetingsPage,
    milestones::MilestonesPage,
    not_found::NotFound,
    overdose::OverdosePage,
    plan::PlanPage,
    plan::{PillarPage, PillarPageProps},
    print::PrintPage,
    recovery::RecoveryScreen,
    review::ReviewPage,
    settings::SettingsPage,
    share::SharePage,
    start::StartPage,
    today::TodayPage,
};
use crate::router;
use crate::state::{use_app_state, AppState, Boot};
use crate::storage::PLAN_KEY;
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
    // The clock: every minute, and at once when the app comes back to the foreground (a
    // phone asleep overnight, a tab left open), so counts and "today" are never yesterday's.
    state.clock.run();
    let back = window_event_listener(leptos::ev::focus, move |_| state.clock.tick());
    let shown = window_event_listener(leptos::ev::pageshow, move |_| state.clock.tick());
    let visible = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if !document().hidden() {
            state.clock.tick();
        }
    });
    on_cleanup(move || {
        listener.remove();
        leaving.remove();
        closing.remove();
        back.remove();
        shown.remove();
        visible.remove();
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
    let page: fn() -> AnyView = match path {
        "/help" => return CrisisPage().into_any(),
        "/overdose" => return OverdosePage().into_any(),
        "/" => || TodayPage().into_any(),
        "/plan" => || PlanPage().into_any(),
        "/plan/review" => || ReviewPage().into_any(),
        "/plan/print" => || PrintPage().into_any(),
        "/plan/share" => || SharePage().into_any(),
        "/meetings" => || MeetingsPage().into_any(),
        "/meetings/find" => || FindSupportPage().into_any(),
        "/recovery" => || MilestonesPage().into_any(),
        "/checkin" => || CheckInPage().into_any(),
        "/start" => || StartPage().into_any(),
        "/settings" => || SettingsPage().into_any(),
        _ => match path.strip_prefix("/plan/").and_then(Pillar::from_slug) {
            Some(pillar) => return gate(move || PillarPage(PillarPageProps { pillar }).into_any()),
            None => || NotFound().into_any(),
        },
    };
    gate(page)
}

/// Shows the screen once the plan is open; otherwise what to do about it. One function for
/// every screen (a component per screen would repeat its code in the download).
fn gate(page: impl Fn() -> AnyView + Send + Sync + 'static) -> AnyView {
    let state = use_app_state();
    (move || match state.boot.get() {
        Boot::Ready => page(),
        other => view! { <NotOpen boot=other/> }.into_any(),
    })
    .into_any()
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
