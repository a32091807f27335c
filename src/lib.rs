//! Safety Net: a private, offline-first recovery safety-net plan.
//!
//! `domain` is pure Rust; `storage` is the only code that touches the browser's storage;
//! `state`, `pages` and `components` are the Leptos app.

pub mod app;
pub mod components;
pub mod domain;
pub mod pages;
pub mod router;
pub mod state;
pub mod storage;
pub mod web;
