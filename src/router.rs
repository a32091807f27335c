//! Moving between screens without a reload: the address bar's path, as a signal.
//!
//! Why not `leptos_router`: this app has a handful of fixed paths and one parameter, and the
//! first load must stay under 250 KB gzip. The router crate cost about 12 KB gzip of it;
//! this file does what the app uses (in-app links, back and forward, deep links, the
//! current page in the navigation) in a few hundred bytes. Ordinary `<a href>` links stay
//! links, so they work with a keyboard, a screen reader and "open in new tab".

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The current path, e.g. "/plan/people" (no trailing slash, no hash).
#[derive(Clone, Copy)]
pub struct Path(pub Memo<String>);

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

/// Starts following the address bar and in-app links; returns the current path.
pub fn provide() -> Path {
    let raw = RwSignal::new(location_path());
    let path = Path(Memo::new(move |_| raw.get()));
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
        if a.has_attribute("target") || a.has_attribute("download") || !in_app(&href) {
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

pub fn use_path() -> Memo<String> {
    expect_context::<Path>().0
}

/// "page" when `href` is the current screen (or, unless `exact`, a screen under it), for
/// `aria-current` on navigation links.
pub fn current(href: &'static str, exact: bool) -> impl Fn() -> Option<&'static str> {
    let path = use_path();
    move || {
        path.with(|p| {
            p == href || (!exact && p.starts_with(href) && p[href.len()..].starts_with('/'))
        })
        .then_some("page")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
