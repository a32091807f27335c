//! Choosing the app's language: English or Spanish (#17). Each language is named in itself
//! and marked with its `lang`, so a person who cannot read the current one still finds
//! theirs, and a screen reader says it right.

use crate::app::use_language;
use crate::lang::{self, Locale};
use leptos::prelude::*;

/// Settings: both languages, the current one pressed.
#[component]
pub fn LanguageChoice() -> impl IntoView {
    let language = use_language();
    view! {
        <section class="card" aria-labelledby="language" data-testid="language">
            <h2 id="language">{tr!(settings.language.title)}</h2>
            <p class="hint">{tr!(settings.language.hint)}</p>
            <div class="row switch" role="group" aria-labelledby="language">
                {[Locale::en, Locale::es].map(|l| view! {
                    <button type="button" lang=lang::code(l) aria-pressed=move || (language.now() == l).to_string()
                        on:click=move |_| language.choose(l)>{lang::own_name(l)}</button>
                })}
            </div>
        </section>
    }
}

/// The first screen, before there is a plan: the other language, in one tap.
#[component]
pub fn OtherLanguage() -> impl IntoView {
    let language = use_language();
    let other = match lang::current() {
        Locale::en => Locale::es,
        Locale::es => Locale::en,
    };
    let label = match other {
        Locale::es => "Ver en español",
        Locale::en => "View in English",
    };
    view! {
        <p class="lang"><button type="button" class="link" lang=lang::code(other) on:click=move |_| language.choose(other)>{label}</button></p>
    }
}
