//! Assessments kept in the browser's localStorage, one key each, written on every change.
//!
//! When localStorage itself is blocked (private modes, sandboxed or third-party frames), gloo's
//! calls would panic, so the store checks first and falls back to memory; the UI then says on
//! every screen, and beside every answer, that nothing will be kept.

use gloo_storage::{LocalStorage, Storage};
use std::sync::{Arc, Mutex};

use crate::domain::id_map::IdMap;
use crate::domain::Assessment;

/// Every key this app writes starts with this, so it never touches a host page's keys.
pub const KEY_PREFIX: &str = "partnership-scorecard.assessment.";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreError {
    /// The browser refused the write (quota exceeded).
    Full,
    Unavailable,
}

pub enum Store {
    Browser,
    Memory(Arc<Mutex<IdMap<String>>>),
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

impl Store {
    pub fn open() -> Store {
        match local_storage() {
            Some(_) => Store::Browser,
            None => Store::Memory(Arc::default()),
        }
    }

    /// Whether what is saved survives closing the tab.
    pub fn is_persistent(&self) -> bool {
        matches!(self, Store::Browser)
    }

    fn key(id: &str) -> String {
        format!("{KEY_PREFIX}{id}")
    }

    /// Every entry this app wrote, as (key, text).
    fn entries(&self) -> Vec<(String, String)> {
        match self {
            Store::Browser => {
                let Some(storage) = local_storage() else { return Vec::new() };
                let count = storage.length().unwrap_or(0);
                (0..count)
                    .filter_map(|i| storage.key(i).ok().flatten())
                    .filter(|k| k.starts_with(KEY_PREFIX))
                    .filter_map(|k| storage.get_item(&k).ok().flatten().map(|text| (k, text)))
                    .collect()
            }
            Store::Memory(map) => {
                map.lock().map(|m| m.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()).unwrap_or_default()
            }
        }
    }

    /// Every stored assessment, most recently changed first, and how many entries could not be
    /// read (those are left untouched in storage).
    pub fn load_all(&self) -> (Vec<Assessment>, usize) {
        let entries = self.entries();
        let mut assessments: Vec<Assessment> =
            entries.iter().filter_map(|(_, text)| Assessment::from_stored(text)).collect();
        let unreadable = entries.len() - assessments.len();
        // Later changes first; equal times by id, so every tab lists them alike.
        crate::domain::sort_by(&mut assessments, |a, b| (&b.own.updated_at, &a.id) < (&a.own.updated_at, &b.id));
        (assessments, unreadable)
    }

    /// The entries that cannot be read, as they are, keyed as in storage: kept aside for the
    /// user to download (and perhaps repair), never silently dropped.
    pub fn unreadable(&self) -> IdMap<String> {
        let mut damaged = IdMap::default();
        for (key, text) in self.entries() {
            if Assessment::from_stored(&text).is_none() {
                damaged.insert(&key, text);
            }
        }
        damaged
    }

    pub fn save(&self, assessment: &Assessment) -> Result<(), StoreError> {
        match self {
            Store::Browser => {
                if local_storage().is_none() {
                    return Err(StoreError::Unavailable);
                }
                LocalStorage::set(Self::key(&assessment.id), assessment).map_err(|_| StoreError::Full)
            }
            Store::Memory(map) => {
                let text = serde_json::to_string(assessment).map_err(|_| StoreError::Unavailable)?;
                map.lock().map_err(|_| StoreError::Unavailable)?.insert(&Self::key(&assessment.id), text);
                Ok(())
            }
        }
    }

    /// Removes every key this app wrote, and nothing else of the host page's.
    pub fn delete_all(&self) -> Result<(), StoreError> {
        match self {
            Store::Browser => {
                let storage = local_storage().ok_or(StoreError::Unavailable)?;
                let count = storage.length().map_err(|_| StoreError::Unavailable)?;
                let ours: Vec<String> = (0..count)
                    .filter_map(|i| storage.key(i).ok().flatten())
                    .filter(|k| k.starts_with(KEY_PREFIX))
                    .collect();
                for key in ours {
                    storage.remove_item(&key).map_err(|_| StoreError::Unavailable)?;
                }
                Ok(())
            }
            Store::Memory(map) => {
                *map.lock().map_err(|_| StoreError::Unavailable)? = IdMap::default();
                Ok(())
            }
        }
    }

    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        match self {
            Store::Browser => {
                if local_storage().is_none() {
                    return Err(StoreError::Unavailable);
                }
                LocalStorage::delete(Self::key(id));
                Ok(())
            }
            Store::Memory(map) => {
                map.lock().map_err(|_| StoreError::Unavailable)?.remove(&Self::key(id));
                Ok(())
            }
        }
    }
}

/// Asks the browser to keep this site's storage even when space runs low (`navigator.storage
/// .persist()`), asking only once it has not already been granted. `false` when the browser
/// refuses or cannot say: the user is then reminded to export.
pub async fn ask_to_keep() -> bool {
    use wasm_bindgen_futures::JsFuture;
    let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) else { return false };
    let granted = |promise: Result<js_sys::Promise, _>| async move {
        match promise {
            Ok(promise) => JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()).unwrap_or(false),
            Err(_) => false,
        }
    };
    granted(manager.persisted()).await || granted(manager.persist()).await
}
