//! Turns the translations in locales/ into the `i18n` module (src/lib.rs includes it):
//! English is the default and the reference; Spanish must have every key (a missing or
//! extra key is a warning here, and an error in tests/locales.rs).

use leptos_i18n_build::options::CodegenOptions;
use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

/// One file per part of the app, so each stays readable (locales/README.md).
const NAMESPACES: [&str; 8] = [
    "common", "crisis", "today", "plan", "editors", "progress", "meetings", "settings",
];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR")?).join("i18n");
    // Strings with {{ values }} are also wanted as plain text (titles, share text, CSV).
    let options = ParseOptions::default().interpolate_display(true);
    let cfg = Config::new("en")?
        .add_locale("es")?
        .add_namespaces(NAMESPACES)?
        .parse_options(options);
    let translations = TranslationsInfos::parse(cfg)?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();
    translations
        .generate_i18n_module_with_options(out, CodegenOptions::default().gen_docs(false))?;
    Ok(())
}
