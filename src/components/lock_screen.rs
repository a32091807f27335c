//! The lock screen: the passcode opens the plan; crisis help never waits for it. 911, the
//! overdose steps, the national lines and (if the person chose it) their crisis contacts
//! are here whole, with no passcode.

use crate::components::crisis_lines::NationalLines;
use crate::components::delete_everything::DeleteEverything;
use crate::components::import_backup::ImportBackup;
use crate::domain::resources::emergency;
use crate::router::Route;
use crate::state::use_app_state;
use leptos::prelude::*;

#[component]
pub fn LockScreen() -> impl IntoView {
    crate::web::set_title(tr!(settings.lock_screen.page_title));
    let state = use_app_state();
    let contacts = state.open_contacts();
    // The plain page in the app's language, and the other language's, named in itself.
    let (plain_page, other_page, other_lang, other_words) = match crate::lang::current() {
        crate::lang::Locale::en => (
            "/naloxone.html",
            "/naloxone-es.html",
            "es",
            "Los pasos en español",
        ),
        crate::lang::Locale::es => (
            "/naloxone-es.html",
            "/naloxone.html",
            "en",
            "Steps in English",
        ),
    };
    view! {
        <h1>{tr!(settings.lock_screen.title)}</h1>
        <a class="call-911" href=format!("tel:{}", emergency().call)>{tr!(settings.lock_screen.call_911)}</a>
        <a href=Route::Overdose.path() class="button primary wide">{tr!(settings.lock_screen.overdose)}</a>
        // The passcode's form (and the key derivation behind it) arrives with its chunk; the
        // crisis help around it is in the first load, never waiting for it.
        {crate::app::later(|| Box::pin(unlock_card()))}
        {crate::components::contact_links::people_card(contacts, "locked-people")}
        <NationalLines/>
        <p><a href=plain_page>{tr!(settings.lock_screen.plain_page)}</a>
            " · "<a href=other_page hreflang=other_lang lang=other_lang>{other_words}</a></p>
    }
}

/// Fetches the passcode form's chunk ahead of need (see src/app.rs).
pub fn preload_unlock_card() {
    leptos::task::spawn_local(__preload_unlock_card());
}

#[lazy]
fn unlock_card() -> AnyView {
    view! { <UnlockCard/> }.into_any()
}

/// "Open my plan": the passcode, and what to do when it is forgotten.
#[component]
fn UnlockCard() -> impl IntoView {
    let state = use_app_state();
    let passcode = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    // Unlocked, the lock screen closes, and this card with it: only a wrong passcode (or a
    // wait) is left to say here.
    let unlock = on_passcode(
        passcode,
        message,
        busy,
        tr!(settings.lock_screen.unlocking),
        move |code| state.unlock(code),
    );
    view! {
        <section class="card" aria-labelledby="unlock-heading">
            <h2 id="unlock-heading">{tr!(settings.lock_screen.open_title)}</h2>
            {state.holds_unsaved().then(|| view! {
                <p class="banner warn" data-testid="held-changes">{tr!(settings.lock_screen.held)}</p>
            })}
            <form on:submit=unlock>
                <label for="unlock-passcode">{tr!(settings.passcode)}</label>
                <input id="unlock-passcode" type="password" autocomplete="current-password"
                    prop:value=passcode on:input=move |ev| passcode.set(event_target_value(&ev))/>
                <p><button type="submit" class="primary" disabled=busy>{tr!(settings.lock_screen.unlock)}</button></p>
            </form>
            <p role="status" data-testid="unlock-message">{message}</p>
            <details>
                <summary>{tr!(settings.lock_screen.forgot)}</summary>
                <p>{tr!(settings.lock_screen.forgot_text)}</p>
                <p class="small">{tr!(settings.lock_screen.tries)}</p>
                <ImportBackup/>
                <DeleteEverything/>
            </details>
        </section>
    }
}

/// A passcode form's submit: says `saying` ("Unlocking…"), then a moment later (so the
/// words show before the key is derived, about a second on a slow phone) calls `act` with
/// the passcode, which is cleared from the field; what `act` says went wrong is shown, and
/// the form can be sent again. (The card may have closed meanwhile: another tab unlocked,
/// or deleted everything.)
pub(crate) fn on_passcode(
    passcode: RwSignal<String>,
    message: RwSignal<String>,
    busy: RwSignal<bool>,
    saying: &'static str,
    act: impl Fn(&str) -> Result<(), String> + Copy + 'static,
) -> impl Fn(leptos::ev::SubmitEvent) + Copy + 'static {
    move |ev| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        message.set(saying.into());
        set_timeout(
            move || {
                let Some(code) = passcode.try_get_untracked() else {
                    return;
                };
                passcode.set(String::new());
                if let Err(e) = act(&code) {
                    busy.try_set(false);
                    message.try_set(e);
                }
            },
            std::time::Duration::from_millis(30),
        );
    }
}
