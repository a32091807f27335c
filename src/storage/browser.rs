//! The browser's localStorage as a [`KeyValueStore`]. The only code that touches it.
//!
//! (Not `gloo_storage::LocalStorage`: its `raw()` throws when storage is unavailable, and its
//! typed get/set re-encode values as JSON, where we need the exact stored text for read-back
//! checks and quarantine.)

use super::{KeyValueStore, StoreError};
use wasm_bindgen::JsValue;

#[derive(Clone, Copy, Debug, Default)]
pub struct BrowserStore;

fn storage() -> Result<web_sys::Storage, StoreError> {
    let window = web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(StoreError::Unavailable("no localStorage".into())),
        Err(e) => Err(StoreError::Unavailable(describe(&e))),
    }
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
        _ => e.as_string().unwrap_or_else(|| "unknown error".into()),
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

impl KeyValueStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        storage()?
            .get_item(key)
            .map_err(|e| StoreError::Failed(describe(&e)))
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        storage()?
            .set_item(key, value)
            .map_err(|e| map_write_error(&e))
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        storage()?
            .remove_item(key)
            .map_err(|e| StoreError::Failed(describe(&e)))
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let s = storage()?;
        let n = s.length().map_err(|e| StoreError::Failed(describe(&e)))?;
        let mut out = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Ok(Some(k)) = s.key(i) {
                out.push(k);
            }
        }
        Ok(out)
    }
}
