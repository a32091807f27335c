//! An in-memory [`KeyValueStore`] with an optional quota, behaving like localStorage
//! (a write that would exceed the quota fails and leaves the old value), for native tests.

use super::{KeyValueStore, StoreError};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

#[derive(Clone, Default)]
pub struct MemoryStore {
    map: Rc<RefCell<BTreeMap<String, String>>>,
    /// Maximum UTF-16 code units of keys plus values, as browsers count.
    quota: Option<usize>,
}

impl MemoryStore {
    pub fn new() -> Self {
        MemoryStore::default()
    }

    pub fn with_quota(units: usize) -> Self {
        MemoryStore {
            map: Rc::default(),
            quota: Some(units),
        }
    }

    /// A second handle on the same data, as a second tab sees the same localStorage.
    pub fn share(&self) -> Self {
        self.clone()
    }

    fn used_without(&self, key: &str) -> usize {
        self.map
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum()
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.map.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(q) = self.quota {
            let need = key.encode_utf16().count() + value.encode_utf16().count();
            if self.used_without(key) + need > q {
                return Err(StoreError::QuotaExceeded);
            }
        }
        self.map
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.map.borrow().keys().cloned().collect())
    }
}
