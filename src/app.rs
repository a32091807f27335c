//! The app shell: header with the always-visible way to get help, the routes, the
//! navigation, and the banners that say whether the plan is saved.

use crate::components::dose_timer::{DoseTimer, DoseTimerStrip};
use crate::components::save_banner::SaveBanner;
use crate::pages::{
    crisis::CrisisPage, not_found::NotFound, overdose::OverdosePage, plan::PlanPage,
    recovery::RecoveryScreen, settings::SettingsPage, today::TodayPage,
};
use crate::state::{use_app_state, AppState, Boot};
use crate::storage::PLAN_KEY;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    DoseTimer::provide();
    state.open();

    // Another tab or window saved: pick it up without a reload.
    let listener = window_event_listener(leptos::ev::storage, move |ev| {
        let key = ev.key();
        if key.is_none() || key.as_deref() == Some(PLAN_KEY) {
            state.stored_elsewhere();
        }
    });
    on_cleanup(move || listener.remove());

    // Mark the first render of the real content, for the start-up budget.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || state.boot.get() == Boot::Loading {
            return done.unwrap_or(false);
        }
        request_animation_frame(|| crate::web::mark("sn-ready"));
        true
    });

    view! {
        <Router>
            <a class="skip" href="#main">"Skip to content"</a>
            <Header/>
            <SaveBanner/>
            <main id="main" tabindex="-1">
                // One router; each screen waits for the plan to open, but Get help and the
                // overdose steps, which work whatever state the saved plan is in.
                <Routes fallback=|| view! { <Gate><NotFound/></Gate> }>
                    <Route path=path!("/") view=|| view! { <Gate><TodayPage/></Gate> }/>
                    <Route path=path!("/plan") view=|| view! { <Gate><PlanPage/></Gate> }/>
                    <Route path=path!("/help") view=CrisisPage/>
                    <Route path=path!("/overdose") view=OverdosePage/>
                    <Route path=path!("/settings") view=|| view! { <Gate><SettingsPage/></Gate> }/>
                </Routes>
            </main>
            <Nav/>
        </Router>
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
            <A href="/" attr:class="brand">"Safety Net"</A>
            // The emergency control: on every screen, one tap to help.
            <A href="/help" attr:class="get-help">"Get help"</A>
            // The re-dose timer, on every screen while it runs.
            <DoseTimerStrip/>
        </header>
    }
}

#[component]
fn Nav() -> impl IntoView {
    view! {
        <nav class="bottom" aria-label="Main">
            <A href="/" exact=true>"Today"</A>
            <A href="/plan">"My plan"</A>
            <A href="/settings">"Settings"</A>
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
            <p><A href="/help">"Get help now"</A></p>
        </section>
    }
}
