//! The app shell: header with the always-visible way to get help, the routes, the
//! navigation, and the banners that say whether the plan is saved.

use crate::components::dose_timer::{DoseTimer, DoseTimerStrip};
use crate::components::held_changes::HeldChanges;
use crate::components::save_banner::SaveBanner;
use crate::domain::pillars::Pillar;
use crate::pages::{
    checkin::CheckInPage, crisis::CrisisPage, damaged_data::DamagedDataScreen,
    meetings::FindSupportPage, meetings::MeetingsPage, not_found::NotFound, overdose::OverdosePage,
    plan::PillarPage, plan::PlanPage, print::PrintPage, recovery::RecoveryPage, review::ReviewPage,
    settings::SettingsPage, share::SharePage, start::StartPage, today::TodayPage,
};
use crate::router::{self, Route};
use crate::state::{use_app_state, AppState, Boot};
use crate::storage::PLAN_KEY;
use leptos::prelude::*;

/// The language and the app's state: made in a start-up turn of their own, before the
/// other contexts ([`provide_rest`]) and the mount (src/main.rs). The browser compiles each
/// function of the app the first time it runs, so the first turns are long for that alone:
/// they share it.
pub fn provide_state() {
    Language::provide();
    provide_context(AppState::new());
}

/// The app's other contexts, in the start-up turn after [`provide_state`].
pub fn provide_rest() {
    DoseTimer::provide();
    crate::components::toast::Toasts::provide();
    router::provide();
}

#[component]
pub fn App() -> impl IntoView {
    let language = use_language();
    let state = use_app_state();
    let route = expect_context::<router::Current>();
    // Start-up in turns, each a task of its own, so none holds the page long (#18). Each
    // sets a mark the budget report names the longest task by:
    // - the language and the state, then the other contexts ([`provide_state`],
    //   sn-provided; [`provide_rest`], sn-contexts; src/main.rs);
    // - the mount of the app's frame, nothing in it yet but on Get help and the overdose
    //   steps (see below) (sn-mounted);
    // - with a plan stored, the plan's reader asked for (sn-fetch; its files were fetched
    //   already, beside the main module, by boot.js: scripts/build-wasm.mjs);
    // - the header (sn-headed), then its lock button and re-dose timer, and the save banner
    //   (sn-bannered);
    // - the toasts, the navigation, the window listeners and the clock (sn-framed);
    // - reading the plan, once its reader has arrived (sn-reader; sn-opening; a large one
    //   in turns, sn-read; then sn-opened);
    // - Today's first view: its top (sn-drawn), then its notices and recovery card
    //   ([`FirstView`], sn-whole); the cards below it come after the frame that shows the
    //   app (src/pages/today.rs);
    // - the app takes the shell's place (sn-ready, on the next frame).
    // Until then the shell, painted before the WebAssembly, is what shows. The browser
    // compiles each function the first time it runs, which is most of each turn's time.
    // Get help and the overdose steps need no plan: opened cold, they are drawn with the
    // mount, header and navigation included, and shown at once; the plan is read after.
    let crisis = route
        .0
        .with_untracked(|r| matches!(r, Route::Help | Route::Overdose));
    let drawn = RwSignal::new(crisis);
    let headed = RwSignal::new(crisis);
    let bannered = RwSignal::new(crisis);
    let framed = RwSignal::new(crisis);
    let first_view = FirstView(RwSignal::new(if crisis {
        Drawn::Whole
    } else {
        Drawn::Top
    }));
    provide_context(first_view);
    let turn = |f: Box<dyn FnOnce()>| set_timeout(f, std::time::Duration::ZERO);
    let show = move || {
        first_view.0.set(Drawn::Shown);
        crate::web::show_app();
        // The real content is on screen: the start-up budget's mark.
        request_animation_frame(|| crate::web::mark("sn-ready"));
    };
    if crisis {
        // Shown as soon as the mount is done (a microtask, queued before any effect's): the
        // steps' own effects then measure them on screen.
        leptos::task::spawn_local(async move { show() });
    }
    // A plan stored here is read by the plan's reader, a chunk of its own: its fetch
    // begins in a turn of its own (sn-fetch), the first after the mount, and it arrives
    // while the header and frame are drawn.
    turn(Box::new(move || {
        crate::web::mark("sn-fetch");
        state.fetch_reader_ahead();
    }));
    // The listeners and effects below belong to the app, as if made in its body.
    let owner = Owner::current();
    turn(Box::new(move || {
        headed.set(true);
        crate::web::mark("sn-headed");
        turn(Box::new(move || {
            bannered.set(true);
            crate::web::mark("sn-bannered");
            turn(Box::new(move || {
                framed.set(true);
                match &owner {
                    Some(owner) => owner.with(|| listen(state, route, drawn)),
                    None => listen(state, route, drawn),
                }
                crate::web::mark("sn-framed");
                turn(Box::new(move || {
                    // Years of check-ins are read over several turns.
                    state.open(move || {
                        crate::web::mark("sn-opened");
                        if crisis {
                            return;
                        }
                        turn(Box::new(move || {
                            drawn.set(true);
                            crate::web::mark("sn-drawn");
                            turn(Box::new(move || {
                                first_view.0.set(Drawn::Whole);
                                crate::web::mark("sn-whole");
                                turn(Box::new(show));
                            }));
                        }));
                    });
                }));
            }));
        }));
    }));

    // A change of language draws the whole app again in the new one (src/lang.rs).
    move || {
        language.0.track();
        view! {
            <a class="skip" href="#main">{tr!(common.skip)}</a>
            {move || headed.get().then(|| view! { <Header whole=bannered/> })}
            {move || bannered.get().then(|| view! { <SaveBanner/><HeldChanges/> })}
            <main id="main" tabindex="-1">
                {move || drawn.get().then(|| screen(route.0.get()))}
            </main>
            {move || framed.get().then(|| view! { <crate::components::toast::ToastHost/><Nav/> })}
        }
    }
}

/// How far the first view is drawn at start-up: Today draws its top one turn and the rest
/// of what fills the screen the next, before the app is shown (see [`App`]). After start-up
/// it is always shown.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Drawn {
    Top,
    Whole,
    Shown,
}

#[derive(Clone, Copy)]
pub struct FirstView(RwSignal<Drawn>);

impl FirstView {
    /// Whether what fills the screen may be drawn whole.
    pub fn whole(self) -> bool {
        self.0.get() >= Drawn::Whole
    }

    /// Whether the app has taken the start-up shell's place.
    pub fn shown(self) -> bool {
        self.0.get() == Drawn::Shown
    }

    pub fn shown_untracked(self) -> bool {
        self.0.get_untracked() == Drawn::Shown
    }
}

/// The app's window listeners, its clock and its effects: made in the start-up turn after
/// the header, before the plan is read (so no other tab's save is missed).
fn listen(state: AppState, route: router::Current, drawn: RwSignal<bool>) {
    // With the lock on, the passcode form's chunk is fetched now, while this build's files
    // are surely there, not first when the app locks (perhaps after an update elsewhere).
    Effect::new(move |done: Option<bool>| {
        if done != Some(true) && state.unlocked.get() {
            crate::components::lock_screen::preload_unlock_card();
            return true;
        }
        done.unwrap_or(false)
    });

    // Another tab or window saved: pick it up without a reload.
    let listener = window_event_listener(leptos::ev::storage, move |ev| {
        let key = ev.key();
        if key.as_deref() == Some(crate::storage::LOCK_SIGNAL_KEY) {
            // Locking in one tab locks every tab.
            state.lock_now(false);
        } else if key.is_none() || key.as_deref() == Some(PLAN_KEY) {
            state.stored_elsewhere();
        }
    });
    // Leaving the app (another app, the home screen, a closed tab) ends the edit in progress,
    // so a field being typed in is saved, not lost.
    let leaving = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().hidden() {
            crate::web::end_editing();
            state.note_hidden();
        } else {
            // Away longer than the person chose: locked again.
            state.maybe_auto_lock();
        }
    });
    let closing = window_event_listener(leptos::ev::pagehide, move |_| crate::web::end_editing());
    // Text being typed, not yet committed: another tab's save must not replace it.
    let typing = window_event_listener(leptos::ev::input, move |ev| {
        if crate::web::is_text_field(ev.target()) {
            state.set_typing(true);
        }
    });
    let committed = window_event_listener(leptos::ev::change, move |_| state.set_typing(false));
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
        typing.remove();
        committed.remove();
    });

    // The wasm memory after each screen is drawn, for the memory budget ("sn-wasm-bytes:N").
    Effect::new(move |_| {
        route.0.track();
        // Not before the screen is drawn (the plan is read at start-up after the mount).
        if !drawn.get() {
            return;
        }
        request_animation_frame(|| {
            crate::web::mark(&format!(
                "sn-wasm-bytes:{}",
                crate::web::wasm_memory_bytes()
            ))
        });
    });
}

/// The language the app is drawn in, chosen in Settings or on the first screen.
#[derive(Clone, Copy)]
pub struct Language(RwSignal<crate::lang::Locale>);

impl Language {
    fn provide() {
        provide_context(Language(RwSignal::new(crate::web::start_language())));
    }

    pub fn now(self) -> crate::lang::Locale {
        self.0.get()
    }

    /// Draws the app in `lang` from now on, and keeps the choice on this device.
    pub fn choose(self, lang: crate::lang::Locale) {
        if self.0.get_untracked() == lang {
            return;
        }
        // If the choice cannot be kept (storage blocked or full), the app still changes
        // now; the browser's language decides again next time.
        let _ = crate::storage::browser::save_language(crate::lang::code(lang));
        crate::web::use_language(lang);
        self.0.set(lang);
    }
}

pub fn use_language() -> Language {
    expect_context::<Language>()
}

/// The screen for a route. Each waits for the plan to open, but Get help and the overdose
/// steps, which work whatever state the saved plan is in.
///
/// Today, Get help and the overdose steps are in the first load. Every other screen is a
/// chunk of its own (`#[lazy]`, split out by scripts/build-wasm.mjs), fetched the first time
/// it opens and kept offline by the service worker.
fn screen(route: Route) -> AnyView {
    match route {
        Route::Help => view! { <CrisisPage/> }.into_any(),
        Route::Overdose => view! { <OverdosePage/> }.into_any(),
        other => gate(move || match other.clone() {
            Route::Today => view! { <TodayPage/> }.into_any(),
            Route::Plan => later(|| Box::pin(plan_page())),
            Route::Pillar(pillar) => later(move || Box::pin(pillar_page(pillar))),
            Route::Review => later(|| Box::pin(review_page())),
            Route::Print => later(|| Box::pin(print_page())),
            Route::Share => later(|| Box::pin(share_page())),
            Route::Meetings => later(|| Box::pin(meetings_page())),
            Route::FindSupport => later(|| Box::pin(find_support_page())),
            Route::Recovery => later(|| Box::pin(recovery_page())),
            Route::CheckIn => later(|| Box::pin(checkin_page())),
            Route::Start => later(|| Box::pin(start_page())),
            Route::Settings => later(|| Box::pin(settings_page())),
            Route::Help | Route::Overdose | Route::NotFound(_) => view! { <NotFound/> }.into_any(),
        }),
    }
}

/// A screen that arrives with its chunk.
pub(crate) type Arriving =
    std::pin::Pin<Box<dyn std::future::Future<Output = AnyView> + Send + Sync>>;

/// Shows a screen whose code is in a chunk: a calm word while it is fetched (from the
/// service worker's cache once installed), then the screen.
pub(crate) fn later(load: impl Fn() -> Arriving + Send + Sync + 'static) -> AnyView {
    view! {
        <Suspense fallback=|| view! { <p class="loading">{tr!(common.opening)}</p> }>
            {move || Suspend::new(load())}
        </Suspense>
    }
    .into_any()
}

/// The recovery screen for a saved plan that cannot be opened: rare, so not in the first
/// load either.
#[lazy]
fn damaged_data_page(damaged: crate::storage::Damaged) -> AnyView {
    view! { <DamagedDataScreen damaged=damaged/> }.into_any()
}
#[lazy]
fn plan_page() -> AnyView {
    view! { <PlanPage/> }.into_any()
}
#[lazy]
fn pillar_page(pillar: Pillar) -> AnyView {
    view! { <PillarPage pillar=pillar/> }.into_any()
}
#[lazy]
fn review_page() -> AnyView {
    view! { <ReviewPage/> }.into_any()
}
#[lazy]
fn print_page() -> AnyView {
    view! { <PrintPage/> }.into_any()
}
#[lazy]
fn share_page() -> AnyView {
    view! { <SharePage/> }.into_any()
}
#[lazy]
fn meetings_page() -> AnyView {
    view! { <MeetingsPage/> }.into_any()
}
#[lazy]
fn find_support_page() -> AnyView {
    view! { <FindSupportPage/> }.into_any()
}
#[lazy]
fn recovery_page() -> AnyView {
    view! { <RecoveryPage/> }.into_any()
}
#[lazy]
fn checkin_page() -> AnyView {
    view! { <CheckInPage/> }.into_any()
}
#[lazy]
fn start_page() -> AnyView {
    view! { <StartPage/> }.into_any()
}
#[lazy]
fn settings_page() -> AnyView {
    view! { <SettingsPage/> }.into_any()
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
    let (loading, damaged, unavailable) = match boot.clone() {
        Boot::Damaged(d) => (false, Some(d), None),
        Boot::Unavailable(why) => (false, None, Some(why)),
        Boot::Locked | Boot::NotLoaded => (false, None, None),
        Boot::Loading | Boot::Ready => (true, None, None),
    };
    view! {
        {(boot == Boot::Locked).then(|| view! { <crate::components::lock_screen::LockScreen/> })}
        {loading.then(|| view! { <p class="loading">{tr!(common.opening_plan)}</p> })}
        {damaged.map(|d| later(move || Box::pin(damaged_data_page(d.clone()))))}
        {unavailable.map(|why| view! { <StorageUnavailable why=why/> })}
        {(boot == Boot::NotLoaded).then(|| view! { <NotLoaded/> })}
    }
}

/// The plan's reader could not be fetched (offline, its chunk not yet kept by the service
/// worker): nothing is lost, and the person can try again.
#[component]
fn NotLoaded() -> impl IntoView {
    let state = use_app_state();
    view! {
        <section class="card warn" role="alert">
            <h1>{tr!(common.not_loaded.title)}</h1>
            <p>{tr!(common.not_loaded.text)}</p>
            <button type="button" class="primary" on:click=move |_| state.open_again()>{tr!(common.not_loaded.retry)}</button>
            <p><a href=Route::Help.path()>{tr!(common.get_help_now)}</a></p>
        </section>
    }
}

#[component]
fn Header(
    /// Whether the lock button and the re-dose timer may be drawn (at start-up, a turn after
    /// the rest of the header).
    whole: RwSignal<bool>,
) -> impl IntoView {
    let state = use_app_state();
    // On the overdose steps the header scrolls away with the page, so that with large text
    // the step, Back, Call 911 and Next still share the screen.
    let route = router::use_route();
    view! {
        <header class="top" class:calm=move || route.with(|r| *r == Route::Overdose)>
            <a href=Route::Today.path() class="brand">"Safety Net"</a>
            // The emergency control: on every screen, one tap to help.
            <a href=Route::Help.path() class="get-help">{tr!(common.get_help)}</a>
            // With the lock on: lock now, in one tap. A padlock and the words; where the
            // header has no room for the words, the padlock alone (its name, the same
            // words, is for a screen reader).
            <Show when=move || whole.get() && state.unlocked.get()>
                <button type="button" class="lock-now" aria-label=tr!(common.lock_now) on:click=move |_| {
                    state.lock_now(true);
                    crate::router::go(&Route::Today.path());
                }>
                    // (Drawn by the style sheet: an SVG built here costs the first load more.)
                    <span class="lock-icon" aria-hidden="true"></span>
                    <span class="lock-label">{tr!(common.lock_now)}</span>
                </button>
            </Show>
            // The re-dose timer, on every screen while it runs.
            {move || whole.get().then(|| view! { <DoseTimerStrip/> })}
        </header>
    }
}

#[component]
fn Nav() -> impl IntoView {
    // On the overdose steps the bottom of the screen is theirs: Back, Call 911, Next.
    // While locked there is nowhere to go but the lock screen and Get help.
    let route = router::use_route();
    let state = use_app_state();
    let hide =
        move || route.with(|r| *r == Route::Overdose) || state.boot.with(|b| *b == Boot::Locked);
    view! {
        <nav class="bottom" aria-label=tr!(common.nav.label) hidden=hide>
            <a href=Route::Today.path() aria-current=router::current(Route::Today)>{tr!(common.nav.today)}</a>
            <a href=Route::Plan.path() aria-current=router::current(Route::Plan)>{tr!(common.nav.plan)}</a>
            <a href=Route::Meetings.path() aria-current=router::current(Route::Meetings)>{tr!(common.nav.meetings)}</a>
            <a href=Route::Settings.path() aria-current=router::current(Route::Settings)>{tr!(common.nav.settings)}</a>
        </nav>
    }
}

#[component]
fn StorageUnavailable(why: String) -> impl IntoView {
    view! {
        <section class="card warn" role="alert">
            <h1>{tr!(common.unavailable.title)}</h1>
            <p>{tr!(common.unavailable.nothing_saved)}</p>
            <p>{tr!(common.unavailable.why)}</p>
            <p class="small">{tr!(common.unavailable.details)}" "{why}</p>
            <p><a href=Route::Help.path()>{tr!(common.get_help_now)}</a></p>
        </section>
    }
}
