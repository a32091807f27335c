//! The app's language: English or Spanish (#17).
//!
//! The strings live in `locales/<lang>/<namespace>.json`; build.rs turns them into the
//! `crate::i18n` module (leptos_i18n), and `tr!(namespace.key)` gives the current
//! language's `&'static str` (or a `String` when the string takes values:
//! `tr!(today.days, n = 3)`). The language is read once per drawing of the app, not per
//! string: a change of language draws the whole app again (src/app.rs), which keeps each
//! string a plain lookup, with no signal and no closure in the download.
//!
//! Pure Rust: the browser's side (the saved choice, `navigator.languages`, `<html lang>`)
//! is in `crate::web`.

use std::sync::atomic::{AtomicU8, Ordering};

pub use crate::i18n::Locale;

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// The language the app is drawn in now.
pub fn current() -> Locale {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Locale::es,
        _ => Locale::en,
    }
}

/// Sets the language for what is drawn from now on.
pub fn set(lang: Locale) {
    CURRENT.store(
        match lang {
            Locale::en => 0,
            Locale::es => 1,
        },
        Ordering::Relaxed,
    );
}

/// "en" or "es": for `<html lang>`, `lang=` attributes and the saved choice.
pub fn code(lang: Locale) -> &'static str {
    match lang {
        Locale::en => "en",
        Locale::es => "es",
    }
}

/// A saved choice, as written by `code`; anything else is no choice.
pub fn parse(code: &str) -> Option<Locale> {
    match code {
        "en" => Some(Locale::en),
        "es" => Some(Locale::es),
        _ => None,
    }
}

/// The language for a first open, from the browser's languages in order of preference
/// (`navigator.languages`): the first that is English or Spanish decides ("es-MX" and
/// "es-419" are Spanish); with neither, English.
pub fn from_browser<'a>(languages: impl IntoIterator<Item = &'a str>) -> Locale {
    for tag in languages {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "es" => return Locale::es,
            "en" => return Locale::en,
            _ => {}
        }
    }
    Locale::en
}

/// Each language's name, in that language: how a language is offered to someone who may
/// not read the current one.
pub fn own_name(lang: Locale) -> &'static str {
    match lang {
        Locale::en => "English",
        Locale::es => "Español",
    }
}

/// The current language's string for a key: `tr!(crisis.title)`, or with values
/// `tr!(today.days, n = 3)`.
#[macro_export]
macro_rules! tr {
    ($($key:tt)+) => {
        $crate::i18n::td_string!($crate::lang::current(), $($key)+)
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_english_or_spanish_language_decides() {
        assert_eq!(from_browser(["es-US", "en-US"]), Locale::es);
        assert_eq!(from_browser(["es-419"]), Locale::es);
        assert_eq!(from_browser(["ES_mx"]), Locale::es);
        assert_eq!(from_browser(["fr-FR", "es"]), Locale::es);
        assert_eq!(from_browser(["en-US", "es-US"]), Locale::en);
        assert_eq!(from_browser(["fr-FR", "de"]), Locale::en);
        assert_eq!(from_browser([]), Locale::en);
        assert_eq!(from_browser(["", "e", "esperanto"]), Locale::en);
    }

    #[test]
    fn a_saved_choice_reads_back() {
        for l in [Locale::en, Locale::es] {
            assert_eq!(parse(code(l)), Some(l));
        }
        assert_eq!(parse("fr"), None);
        assert_eq!(parse(""), None);
    }
}
