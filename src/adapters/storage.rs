//! Assessments kept in the browser's localStorage, one key each, written on every change.
//!
//! When localStorage itself is blocked (private modes, sandboxed or third-party frames), gloo's
//! calls would panic, so the store checks first and falls back to memory; the UI then says on
//! every screen, and beside every answer, that nothing will be kept.

use gloo_storage::{LocalStorage, Storage};
use std::sync::{Arc, Mutex};

use crate::domain::id_map::IdMap;
use crate::domain::{Assessment, Instrument};

/// Every key this app writes starts with this, so it never touches a host page's keys.
pub const APP_PREFIX: &str = "partnership-scorecard.";

/// An assessment's key: this, then its id.
pub const KEY_PREFIX: &str = "partnership-scorecard.assessment.";

/// The copy of an instrument that assessments use, kept so they open with no network (and a
/// custom one, which has no other home): this, then its id.
pub const INSTRUMENT_PREFIX: &str = "partnership-scorecard.instrument.";
/// The interface language a person chose in this browser.
pub const LANGUAGE_KEY: &str = "partnership-scorecard.language";

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

    /// Every entry this app wrote under `prefix`, as (key, text).
    fn entries(&self, prefix: &str) -> Vec<(String, String)> {
        match self {
            Store::Browser => {
                let Some(storage) = local_storage() else { return Vec::new() };
                let count = storage.length().unwrap_or(0);
                (0..count)
                    .filter_map(|i| storage.key(i).ok().flatten())
                    .filter(|k| k.starts_with(prefix))
                    .filter_map(|k| storage.get_item(&k).ok().flatten().map(|text| (k, text)))
                    .collect()
            }
            Store::Memory(map) => map
                .lock()
                .map(|m| {
                    m.iter().filter(|(k, _)| k.starts_with(prefix)).map(|(k, v)| (k.to_string(), v.clone())).collect()
                })
                .unwrap_or_default(),
        }
    }

    /// Writes one entry; `Full` when the browser refuses it.
    fn write(&self, key: &str, text: &str) -> Result<(), StoreError> {
        match self {
            Store::Browser => {
                local_storage().ok_or(StoreError::Unavailable)?.set_item(key, text).map_err(|_| StoreError::Full)
            }
            Store::Memory(map) => {
                map.lock().map_err(|_| StoreError::Unavailable)?.insert(key, text.to_string());
                Ok(())
            }
        }
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        match self {
            Store::Browser => {
                local_storage().ok_or(StoreError::Unavailable)?.remove_item(key).map_err(|_| StoreError::Unavailable)
            }
            Store::Memory(map) => {
                map.lock().map_err(|_| StoreError::Unavailable)?.remove(key);
                Ok(())
            }
        }
    }

    /// Every instrument kept here that reads as sound (a damaged copy is left as it is: the
    /// built-in one is fetched again, and a custom one can be chosen again).
    /// The interface language chosen in this browser, if one was.
    pub fn language(&self) -> Option<String> {
        self.entries(LANGUAGE_KEY).into_iter().find(|(k, _)| k == LANGUAGE_KEY).map(|(_, code)| code)
    }

    /// Remembers the interface language chosen; where storage refuses, it is chosen for this
    /// visit only, which is no reason to bother anyone.
    pub fn set_language(&self, code: &str) {
        let _ = self.write(LANGUAGE_KEY, code);
    }

    pub fn instruments(&self) -> Vec<Instrument> {
        self.entries(INSTRUMENT_PREFIX).iter().filter_map(|(_, text)| Instrument::from_json(text).ok()).collect()
    }

    /// Keeps a copy of `instrument`, replacing any earlier copy of the same id.
    pub fn save_instrument(&self, instrument: &Instrument) -> Result<(), StoreError> {
        let text = serde_json::to_string(instrument).map_err(|_| StoreError::Unavailable)?;
        self.write(&format!("{INSTRUMENT_PREFIX}{}", instrument.id), &text)
    }

    /// Whether a copy of the instrument `id` is kept (sound or not).
    pub fn has_instrument(&self, id: &str) -> bool {
        let key = format!("{INSTRUMENT_PREFIX}{id}");
        self.entries(&key).iter().any(|(k, _)| *k == key)
    }

    pub fn delete_instrument(&self, id: &str) -> Result<(), StoreError> {
        self.remove(&format!("{INSTRUMENT_PREFIX}{id}"))
    }

    /// Every stored assessment, most recently changed first, and how many entries could not be
    /// read (those are left untouched in storage).
    pub fn load_all(&self) -> (Vec<Assessment>, usize) {
        let entries = self.entries(KEY_PREFIX);
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
        for (key, text) in self.entries(KEY_PREFIX) {
            if Assessment::from_stored(&text).is_none() {
                damaged.insert(&key, text);
            }
        }
        damaged
    }

    pub fn save(&self, assessment: &Assessment) -> Result<(), StoreError> {
        match self {
            // gloo writes straight from the value, without a copy of the text in between.
            Store::Browser if local_storage().is_some() => {
                LocalStorage::set(Self::key(&assessment.id), assessment).map_err(|_| StoreError::Full)
            }
            _ => self.write(
                &Self::key(&assessment.id),
                &serde_json::to_string(assessment).map_err(|_| StoreError::Unavailable)?,
            ),
        }
    }

    /// Removes every key this app wrote (assessments, kept instruments), and nothing else of the
    /// host page's.
    pub fn delete_all(&self) -> Result<(), StoreError> {
        for (key, _) in self.entries(APP_PREFIX) {
            self.remove(&key)?;
        }
        Ok(())
    }

    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        self.remove(&Self::key(id))
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
