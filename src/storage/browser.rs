//! The browser's localStorage as a [`KeyValueStore`]. The only code that touches it.
//!
//! gloo-storage's `LocalStorage` is the way in. Its `raw()` throws when the browser does not
//! let the site store anything (some private windows, blocked site data), so [`guard`] checks
//! that first and the app shows its "storage unavailable" screen instead. Reads and writes
//! go through the `Storage` that `LocalStorage::raw()` gives, as exact text: gloo's typed
//! `get`/`set` would encode a value as JSON once more (a document stored as a quoted
//! string), and the read-back check and the quarantine need the stored text as it is.
//!
//! Saving a large plan is dominated by moving its text between WebAssembly and JavaScript,
//! so this store remembers, per key, the JavaScript string it last read or wrote (in the
//! JavaScript heap, not in wasm memory) with its [`Stamp`]: the "is it still what I
//! wrote?" check and the read-back after a write then compare strings inside JavaScript
//! instead of copying the whole plan out again. Only the store's own reads and writes
//! change what it remembers; a [`KeyValueStore::peek`] does not.

use super::{KeyValueStore, Stamp, Stamping, StoreError, Taken, Taking};
use crate::domain::schema::Source;
use gloo_storage::{LocalStorage, Storage};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// localStorage, with getItem/setItem taking and giving JavaScript values as they are.
    type RawStorage;
    /// `localStorage.getItem`: the JavaScript string itself, or null.
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_js(this: &RawStorage, key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item_js(this: &RawStorage, key: &str, value: &JsValue) -> Result<(), JsValue>;

    /// The browser's `TextEncoder`: a JavaScript string as UTF-8 bytes, made outside the
    /// wasm memory.
    type Utf8Encoder;
    #[wasm_bindgen(constructor, js_class = "TextEncoder")]
    fn new() -> Utf8Encoder;
    #[wasm_bindgen(method, js_name = encode)]
    fn encode_js(this: &Utf8Encoder, text: &JsValue) -> js_sys::Uint8Array;
}

/// A JavaScript string as a Rust `String`, copied into wasm memory once, at its exact size.
/// (wasm-bindgen's own conversion reserves three bytes per character for text with any
/// non-ASCII in it; for a plan of a megabyte that is a transient 3 MB, and wasm memory
/// never shrinks.)
fn text_of(js: &JsValue) -> Option<String> {
    utf8_of(js).and_then(text_from)
}

/// A JavaScript string's UTF-8 bytes, still in JavaScript.
fn utf8_of(js: &JsValue) -> Option<js_sys::Uint8Array> {
    js.is_string().then(|| Utf8Encoder::new().encode_js(js))
}

/// The bytes copied into wasm memory, as text.
fn text_from(bytes: js_sys::Uint8Array) -> Option<String> {
    let mut out = vec![0u8; bytes.length() as usize];
    bytes.copy_to(&mut out);
    String::from_utf8(out).ok()
}

/// A JavaScript string's UTF-8 bytes, kept in JavaScript and taken into wasm memory a
/// window at a time (#18: a large plan is read without its whole text in wasm memory).
struct JsText(js_sys::Uint8Array);

impl Source for JsText {
    fn len(&self) -> usize {
        self.0.length() as usize
    }
    fn copy_to(&self, at: usize, n: usize, out: &mut Vec<u8>) {
        let len = self.len();
        let from = at.min(len);
        let to = from.saturating_add(n).min(len);
        let old = out.len();
        out.resize(old + (to - from), 0);
        // (Lengths within a Uint8Array's, so within u32.)
        self.0
            .subarray(from as u32, to as u32)
            .copy_to(&mut out[old..]);
    }
}

/// What this store last read or wrote under a key: the JavaScript string and the stamp of
/// the same text in Rust.
struct Known {
    key: String,
    js: JsValue,
    stamp: Stamp,
}

/// One per tab: two `BrowserStore`s behave like two tabs on the same localStorage.
#[derive(Clone, Default)]
pub struct BrowserStore {
    known: Rc<RefCell<Vec<Known>>>,
}

impl BrowserStore {
    pub fn new() -> Self {
        BrowserStore::default()
    }

    fn remember(&self, key: &str, js: JsValue, stamp: Stamp) {
        let mut known = self.known.borrow_mut();
        known.retain(|k| k.key != key);
        known.push(Known {
            key: key.to_owned(),
            js,
            stamp,
        });
    }

    fn forget(&self, key: &str) {
        self.known.borrow_mut().retain(|k| k.key != key);
    }
}

/// Whether the browser lets the app use localStorage at all. Must pass before any call to
/// gloo-storage, whose `LocalStorage::raw()` throws otherwise.
pub fn guard() -> Result<(), StoreError> {
    let window = web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(()),
        Ok(None) => Err(StoreError::Unavailable("no localStorage".into())),
        Err(e) => Err(StoreError::Unavailable(describe(&e))),
    }
}

/// gloo-storage's handle on localStorage, with getItem/setItem on JavaScript values.
fn raw() -> Result<RawStorage, StoreError> {
    guard()?;
    Ok(LocalStorage::raw().unchecked_into::<RawStorage>())
}

/// The name and message of a thrown DOMException (e.g. "QuotaExceededError").
pub fn describe(e: &JsValue) -> String {
    let get = |k: &str| {
        js_sys::Reflect::get(e, &JsValue::from_str(k))
            .ok()
            .and_then(|v| v.as_string())
    };
    match (get("name"), get("message")) {
        (Some(n), Some(m)) => format!("{n}: {m}"),
        (Some(n), None) => n,
        _ => e
            .as_string()
            .unwrap_or_else(|| tr!(settings.errors.unknown).into()),
    }
}

fn map_write_error(e: &JsValue) -> StoreError {
    let d = describe(e);
    // Chromium and Safari say QuotaExceededError; Firefox NS_ERROR_DOM_QUOTA_REACHED.
    if d.contains("Quota") || d.contains("QUOTA") {
        StoreError::QuotaExceeded
    } else {
        StoreError::Failed(d)
    }
}

fn read_error(e: &JsValue) -> StoreError {
    StoreError::Failed(describe(e))
}

impl KeyValueStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.get_stamped(key)?.map(|(text, _)| text))
    }

    fn get_stamped(&self, key: &str) -> Result<Option<(String, Stamp)>, StoreError> {
        let js = raw()?.get_item_js(key).map_err(|e| read_error(&e))?;
        let Some(text) = text_of(&js) else {
            self.forget(key);
            return Ok(None);
        };
        let stamp = Stamp::of(&text);
        self.remember(key, js, stamp);
        Ok(Some((text, stamp)))
    }

    /// A large plan is taken in two turns: the string from localStorage and its UTF-8 (in
    /// JavaScript); then, a turn later, its stamp, made a window at a time. Its text stays
    /// in JavaScript, for the reading to take a window at a time.
    fn take(&self, key: &str) -> Result<Option<Taking>, StoreError> {
        let js = raw()?.get_item_js(key).map_err(|e| read_error(&e))?;
        let Some(bytes) = utf8_of(&js) else {
            self.forget(key);
            return Ok(None);
        };
        let (store, key) = (self.clone(), key.to_owned());
        Ok(Some(Taking::in_pieces(
            bytes.length() as usize,
            move || {
                let text = JsText(bytes);
                let stamp = Stamp::of_source(&text);
                store.remember(&key, js, stamp);
                Ok(Some((Taken::Pieces(Box::new(text)), stamp)))
            },
        )))
    }

    fn starts_with(&self, key: &str, prefix: &str) -> Result<Option<bool>, StoreError> {
        let js = raw()?.get_item_js(key).map_err(|e| read_error(&e))?;
        Ok(js
            .dyn_ref::<js_sys::JsString>()
            .map(|text| text.starts_with(prefix, 0)))
    }

    fn peek(&self, key: &str) -> Result<Option<String>, StoreError> {
        let js = raw()?.get_item_js(key).map_err(|e| read_error(&e))?;
        Ok(text_of(&js))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let js = JsValue::from_str(value);
        // A refused write (a full storage) leaves the old value, and what is known of it.
        raw()?
            .set_item_js(key, &js)
            .map_err(|e| map_write_error(&e))?;
        self.remember(key, js, Stamp::of(value));
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.forget(key);
        guard()?;
        LocalStorage::delete(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        guard()?;
        let (s, n) = (LocalStorage::raw(), LocalStorage::length());
        let mut out = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Ok(Some(k)) = s.key(i) {
                out.push(k);
            }
        }
        Ok(out)
    }

    fn unchanged(&self, key: &str, expected: Option<Stamp>) -> Result<bool, StoreError> {
        let now = raw()?.get_item_js(key).map_err(|e| read_error(&e))?;
        let Some(expected) = expected else {
            return Ok(now.is_null());
        };
        let known = self.known.borrow();
        match known.iter().find(|k| k.key == key && k.stamp == expected) {
            // `===` on two JavaScript strings compares their text.
            Some(k) => Ok(now == k.js),
            // Not what this store remembers: the stored text itself is stamped.
            None => Ok(text_of(&now).map(|t| Stamp::of(&t)) == Some(expected)),
        }
    }

    fn set_verified(&self, key: &str, value: &str) -> Result<Option<Stamp>, StoreError> {
        self.write_verified(key, JsValue::from_str(value), Stamp::of(value))
    }

    /// The pieces are put together in JavaScript, so a large plan's text is never whole in
    /// wasm memory (#18).
    fn set_verified_pieces<E>(
        &self,
        key: &str,
        make: impl FnOnce(&mut dyn FnMut(&str)) -> Result<(), E>,
    ) -> Result<Result<Option<Stamp>, StoreError>, E> {
        let pieces = js_sys::Array::new();
        let mut stamping = Stamping::default();
        make(&mut |piece| {
            stamping.add(piece.as_bytes());
            pieces.push(&JsValue::from_str(piece));
        })?;
        let js: JsValue = pieces.join("").into();
        Ok(self.write_verified(key, js, stamping.stamp()))
    }
}

impl BrowserStore {
    /// Writes `js` (whose text is stamped `stamp`) and reads it back.
    fn write_verified(
        &self,
        key: &str,
        js: JsValue,
        stamp: Stamp,
    ) -> Result<Option<Stamp>, StoreError> {
        let s = raw()?;
        // A refused write (a full storage) leaves the old value, and what is known of it.
        s.set_item_js(key, &js).map_err(|e| map_write_error(&e))?;
        // Written: what was known is no longer what is stored, whatever the read-back says.
        self.forget(key);
        let back = s.get_item_js(key).map_err(|e| read_error(&e))?;
        if back != js {
            return Ok(None);
        }
        // What is kept is the string read back: the browser's own copy, which it shares
        // with the JavaScript heap (the string written, put together from pieces, would be
        // a second copy there, of twice the plan's size with any non-Latin text in it).
        drop(js);
        self.remember(key, back, stamp);
        Ok(Some(stamp))
    }
}

/// The language the person chose ("en" or "es"), if they chose one on this device. Not
/// part of the plan: a plan opens the same in either language.
pub fn saved_language() -> Option<String> {
    guard().ok()?;
    LocalStorage::get::<String>(super::LANG_KEY).ok()
}

/// Keeps the chosen language on this device (a full or blocked storage only means the
/// choice is asked again next time).
pub fn save_language(code: &str) -> Result<(), StoreError> {
    guard()?;
    LocalStorage::set(super::LANG_KEY, code).map_err(|e| StoreError::Failed(e.to_string()))
}
