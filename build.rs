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

/// The app's WebAssembly stack: 128 KiB instead of Rust's 1 MiB. The stack is the first
/// part of wasm memory, and wasm memory never shrinks: 1 MiB was most of an empty plan's
/// memory, and 256 KiB kept five years of check-ins over three times their stored size
/// (#18). The app uses under 40 KiB of it at its deepest (a backup nested as deep as
/// serde_json reads, through the old-version migration), and tests/e2e/stack.spec.js
/// fails if any screen or import passes half of it. An overflow would stop the app (a
/// trap); it cannot write over data. Argon2id's memory is on the heap.
const STACK_BYTES: u32 = 128 * 1024;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    // The release build only, whose deepest use the stack tests measure: a debug build's
    // frames are several times larger, and it keeps Rust's 1 MiB.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32")
        && std::env::var("PROFILE").as_deref() == Ok("release")
    {
        // The app only (its bin): the wasm-bindgen tests keep the default.
        println!("cargo::rustc-link-arg-bins=-zstack-size={STACK_BYTES}");
    }
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
