//! Moving between screens without a reload: a typed [`Route`] for every screen, parsed from
//! the address bar and written into every link, and the current route as a signal.
//!
//! Why not `leptos_router`: it costs 41–56 KB gzip of first load (measured on Leptos 0.8,
//! `FlatRoutes` / `Routes`) that cannot be split off, and this app has a handful of fixed
//! screens with one parameter. This file does what the app uses (in-app links, back and
//! forward, deep links, the current screen in the navigation, scrolling to a section) in a
//! few hundred bytes. Ordinary `<a href>` links stay links, so they work with a keyboard, a
//! screen reader and "open in new tab".

use crate::domain::pillars::Pillar;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Every screen of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Today,
    /// Get help: 911, the person's crisis plan and people, the national lines.
    Help,
    /// Someone may be overdosing: the naloxone steps.
    Overdose,
    Plan,
    Pillar(Pillar),
    Review,
    Print,
    Share,
    Meetings,
    FindSupport,
    /// My recovery: days, milestones, slips.
    Recovery,
    CheckIn,
    /// The guided start.
    Start,
    Settings,
    /// Any other path (kept as it was, for the "not here" screen).
    NotFound(String),
}

impl Route {
    /// The route of a path ("/plan/people", "/plan/", "/").
    pub fn parse(path: &str) -> Route {
        let path = normalise(path);
        match path.as_str() {
            "/" => Route::Today,
            "/help" => Route::Help,
            "/overdose" => Route::Overdose,
            "/plan" => Route::Plan,
            "/plan/review" => Route::Review,
            "/plan/print" => Route::Print,
            "/plan/share" => Route::Share,
            "/meetings" => Route::Meetings,
            "/meetings/find" => Route::FindSupport,
            "/recovery" => Route::Recovery,
            "/checkin" => Route::CheckIn,
            "/start" => Route::Start,
            "/settings" => Route::Settings,
            other => match other.strip_prefix("/plan/").and_then(Pillar::from_slug) {
                Some(p) => Route::Pillar(p),
                None => Route::NotFound(other.to_string()),
            },
        }
    }

    /// The path of the route, as links and the address bar have it.
    pub fn path(&self) -> String {
        match self {
            Route::Today => "/",
            Route::Help => "/help",
            Route::Overdose => "/overdose",
            Route::Plan => "/plan",
            Route::Pillar(p) => return format!("/plan/{}", p.slug()),
            Route::Review => "/plan/review",
            Route::Print => "/plan/print",
            Route::Share => "/plan/share",
            Route::Meetings => "/meetings",
            Route::FindSupport => "/meetings/find",
            Route::Recovery => "/recovery",
            Route::CheckIn => "/checkin",
            Route::Start => "/start",
            Route::Settings => "/settings",
            Route::NotFound(path) => return path.clone(),
        }
        .to_string()
    }

    /// A link to a section of the route's screen ("/plan/crisis#naloxone").
    pub fn at(&self, section: &str) -> String {
        format!("{}#{section}", self.path())
    }

    /// Whether the route is this one, or (for the navigation) a screen under it.
    pub fn within(&self, section: &Route) -> bool {
        self == section
            || match section {
                Route::Plan => matches!(
                    self,
                    Route::Pillar(_) | Route::Review | Route::Print | Route::Share
                ),
                Route::Meetings => *self == Route::FindSupport,
                _ => false,
            }
    }
}

/// The current screen.
#[derive(Clone, Copy)]
pub struct Current(pub Memo<Route>);

fn location_path() -> String {
    let raw = window().location().pathname().unwrap_or_default();
    normalise(&raw)
}

/// "/plan/" → "/plan"; "" → "/".
pub fn normalise(path: &str) -> String {
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        "/".into()
    } else {
        trimmed.into()
    }
}

thread_local! {
    // The path as the address bar has it; set by links, back and forward. Kept here (not
    // only in context) because event listeners run outside the component tree.
    static RAW: std::cell::Cell<Option<RwSignal<String>>> = const { std::cell::Cell::new(None) };
}

/// Starts following the address bar and in-app links; returns the current screen.
pub fn provide() -> Current {
    let raw = RwSignal::new(location_path());
    let path = Current(Memo::new(move |_| raw.with(|p| Route::parse(p))));
    provide_context(path);
    RAW.set(Some(raw));

    let back = window_event_listener(leptos::ev::popstate, move |_| raw.set(location_path()));
    // A click on a link to another screen of the app is handled here, not by a page load.
    let click = window_event_listener(leptos::ev::click, move |ev| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.ctrl_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let Some(a) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
        else {
            return;
        };
        let href = a.get_attribute("href").unwrap_or_default();
        // A link in the start-up shell (the app not shown yet, or unable to start) is a
        // plain page load: it must work whatever state the hidden app is in.
        let in_shell = a.closest("#boot").ok().flatten().is_some();
        if in_shell || a.has_attribute("target") || a.has_attribute("download") || !in_app(&href) {
            return;
        }
        ev.prevent_default();
        go(&href);
    });
    on_cleanup(move || {
        back.remove();
        click.remove();
    });
    path
}

/// Whether a link is to a screen of the app (not another site, not a file such as
/// /naloxone.html, which is a page of its own).
fn in_app(href: &str) -> bool {
    let path = href.split('#').next().unwrap_or_default();
    href.starts_with('/') && !href.starts_with("//") && !path.contains('.')
}

/// Goes to a screen of the app ("/plan/people", "/plan#naloxone").
pub fn go(href: &str) {
    let (path, hash) = href.split_once('#').unwrap_or((href, ""));
    let w = window();
    if let Ok(h) = w.history() {
        let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
    if let Some(raw) = RAW.get() {
        raw.set(normalise(path));
    }
    // After the new screen is drawn: to the section named by the hash, or to the top.
    let hash = hash.to_string();
    request_animation_frame(move || {
        let target = (!hash.is_empty())
            .then(|| document().get_element_by_id(&hash))
            .flatten();
        match target {
            Some(el) => el.scroll_into_view(),
            None => window().scroll_to_with_x_and_y(0.0, 0.0),
        }
    });
}

pub fn use_route() -> Memo<Route> {
    expect_context::<Current>().0
}

/// "page" when the current screen is `section` or a screen under it, for `aria-current` on
/// the navigation's links.
pub fn current(section: Route) -> impl Fn() -> Option<&'static str> {
    let route = use_route();
    move || route.with(|r| r.within(&section)).then_some("page")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_is_written_and_read_back() {
        let mut all = vec![
            Route::Today,
            Route::Help,
            Route::Overdose,
            Route::Plan,
            Route::Review,
            Route::Print,
            Route::Share,
            Route::Meetings,
            Route::FindSupport,
            Route::Recovery,
            Route::CheckIn,
            Route::Start,
            Route::Settings,
            Route::NotFound("/nowhere".into()),
        ];
        all.extend(Pillar::ALL.map(Route::Pillar));
        for r in all {
            assert_eq!(Route::parse(&r.path()), r, "{}", r.path());
            assert_eq!(Route::parse(&format!("{}/", r.path())), r);
        }
        assert_eq!(
            Route::parse("/plan/nope"),
            Route::NotFound("/plan/nope".into())
        );
        assert_eq!(
            Route::Pillar(Pillar::Crisis).at("naloxone"),
            "/plan/crisis#naloxone"
        );
        assert!(Route::Pillar(Pillar::People).within(&Route::Plan));
        assert!(!Route::Today.within(&Route::Plan));
    }

    #[test]
    fn paths_and_links() {
        assert_eq!(normalise("/plan/"), "/plan");
        assert_eq!(normalise(""), "/");
        assert_eq!(normalise("/"), "/");
        assert!(in_app("/plan#naloxone"));
        assert!(in_app("/help"));
        assert!(!in_app("/naloxone.html"));
        assert!(!in_app("//evil.example/"));
        assert!(!in_app("https://988lifeline.org"));
        assert!(!in_app("tel:911"));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    fn route() -> impl Strategy<Value = Route> {
        prop_oneof![
            Just(Route::Today),
            Just(Route::Help),
            Just(Route::Overdose),
            Just(Route::Plan),
            (0..Pillar::ALL.len()).prop_map(|i| Route::Pillar(Pillar::ALL[i])),
            Just(Route::Review),
            Just(Route::Print),
            Just(Route::Share),
            Just(Route::Meetings),
            Just(Route::FindSupport),
            Just(Route::Recovery),
            Just(Route::CheckIn),
            Just(Route::Start),
            Just(Route::Settings),
            "(/[a-z0-9-]{1,12}){1,3}".prop_map(|p| Route::parse(&p)),
        ]
    }

    proptest! {
        #[test]
        fn parse_of_write_is_the_route(r in route()) {
            prop_assert_eq!(Route::parse(&r.path()), r);
        }

        #[test]
        fn any_path_parses_to_a_route_that_writes_it_back(p in "(/[a-z0-9.-]{0,12}){0,4}") {
            let r = Route::parse(&p);
            prop_assert_eq!(Route::parse(&r.path()), r.clone());
            if let Route::NotFound(path) = r {
                prop_assert_eq!(path, normalise(&p));
            }
        }
    }
}
