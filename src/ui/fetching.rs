//! Fetching content: the index of built-in instruments, each instrument when it is needed, the
//! host page's own, and one of a person's own from a file; each change made through the
//! [`Library`] signal of [`AppState`].

use leptos::prelude::*;
use std::sync::Arc;

use super::library::{CustomProblem, Load, LoadProblem};
use super::state::AppState;
use crate::domain::library::{self, Index};
use crate::domain::Instrument;
use crate::i18n;

/// Fetching content: the index of built-in instruments, and each instrument when it is needed.
impl AppState {
    /// Fetches the index of built-in instruments (again, after a failure).
    pub fn load_index(&self) {
        let state = *self;
        let lang = self.t().lang;
        // An index shown stays until the next one is here (in another language, say): the
        // start screen's choices do not vanish meanwhile.
        self.library.update(|l| {
            if !matches!(l.index, Load::Ready(_)) {
                l.index = Load::Loading;
            }
        });
        leptos::task::spawn_local(async move {
            // The index in the interface language; in English where that cannot be had.
            let translated = match lang {
                "en" => None,
                _ => state.content.text(&library::index_path(lang)).await.ok().and_then(|t| Index::from_json(&t).ok()),
            };
            if let Some(index) = translated {
                let _ = state.library.try_update(|l| l.index = Load::Ready(Arc::new(index)));
                return;
            }
            let loaded = match state.content.text(library::INDEX_PATH).await {
                Ok(text) => Index::from_json(&text)
                    .map(|i| Load::Ready(Arc::new(i)))
                    .unwrap_or_else(|p| Load::Failed(LoadProblem::Damaged(p))),
                Err(e) => Load::Failed(e.into()),
            };
            // A widget taken off the page meanwhile has nothing to show it in.
            let _ = state.library.try_update(|l| l.index = loaded);
        });
    }

    /// Where the instrument `id` is, tracked (see [`Library::fetch_state`]).
    pub fn fetch_state(&self, id: &str) -> Option<Load<()>> {
        self.library.with(|l| l.fetch_state(id))
    }

    /// Starts fetching the built-in instrument `id` unless this widget has it or is fetching it.
    pub fn fetch(&self, id: &str) {
        let state = *self;
        let id = id.to_string();
        let asked = untrack(|| matches!(self.fetch_state(&id), Some(Load::Ready(()) | Load::Loading)));
        if asked || !library::is_built_in(&id) {
            return;
        }
        // Marked at once, not when the task first runs: a second ask meanwhile fetches nothing.
        self.set_fetch(&id, Some(Load::Loading));
        leptos::task::spawn_local(async move {
            let _ = state.instrument_named(&id).await;
        });
    }

    /// The instrument `id`: the one this widget has, or else the built-in one, fetched now (once,
    /// however many ask meanwhile) and kept in storage if stored answers use it.
    pub async fn instrument_named(&self, id: &str) -> Result<Arc<Instrument>, LoadProblem> {
        if let Some(known) = self.english(id) {
            self.fetch_translation(&known);
            return Ok(known);
        }
        if !library::is_built_in(id) {
            return Err(LoadProblem::Status(404));
        }
        self.set_fetch(id, Some(Load::Loading));
        let fetched = match self.content.text(&library::instrument_path(id)).await {
            Ok(text) => library::read_built_in(&text, id).map_err(LoadProblem::Damaged),
            Err(e) => Err(e.into()),
        };
        match fetched {
            Ok(instrument) => {
                let kept = self.know(instrument);
                self.fetch_translation(&kept);
                self.set_fetch(id, None);
                Ok(kept)
            }
            Err(problem) => {
                self.set_fetch(id, Some(Load::Failed(problem.clone())));
                Err(problem)
            }
        }
    }

    /// Fetches the translation of the built-in instrument `english` into the interface language,
    /// unless it is English, here, on its way, or failed already. Until it is here, and if it
    /// fails (then said once), the instrument is shown in English.
    pub fn fetch_translation(&self, english: &Arc<Instrument>) {
        let lang = self.t().lang;
        let asked = self.library.with_untracked(|l| l.translation_state(&english.id, lang).is_some());
        if lang == "en" || asked || !library::is_built_in(&english.id) {
            return;
        }
        let (state, english) = (*self, english.clone());
        let _ = self.library.try_update(|l| l.set_translation(&english.id, lang, Load::Loading));
        leptos::task::spawn_local(async move {
            let read = match state.content.text(&library::translation_path(&english.id, lang)).await {
                Ok(text) => library::read_translation(&text, &english, lang).ok(),
                Err(_) => None,
            };
            let done = if read.is_some() { Load::Ready(()) } else { Load::Failed(LoadProblem::Status(0)) };
            let _ = state.library.try_update(|l| {
                l.translations.extend(read.map(Arc::new));
                l.set_translation(&english.id, lang, done.clone());
            });
            if done != Load::Ready(()) && state.t().lang == lang {
                let t = state.t();
                let name = crate::adapters::intl::language_name(lang, lang);
                let _ = state.notice.try_set(Some(super::state::Notice::Error(i18n::fill(
                    t.instrument_in_english,
                    &[("language", &name)],
                ))));
            }
        });
    }

    pub fn set_fetch(&self, id: &str, state: Option<Load<()>>) {
        let _ = self.library.try_update(|l| l.set_fetch(id, state));
    }

    /// Adds a fetched instrument to those this widget has, keeping the later version of one it
    /// had; where stored answers use it, the copy kept in storage is brought up to that version.
    fn know(&self, instrument: Instrument) -> Arc<Instrument> {
        let known = self.library.try_update(|l| l.add(instrument.clone()));
        let Some((kept, new)) = known else { return Arc::new(instrument) };
        let used = self.assessments.with_untracked(|all| all.iter().any(|a| a.own.instrument.id == kept.id));
        if new && used {
            let _ = self.store.save_instrument(&kept);
        }
        kept
    }

    /// Reads again the instruments kept in storage (another tab may have kept one).
    pub fn reload_instruments(&self) {
        let stored = self.store.instruments();
        self.library.update(|l| {
            for instrument in stored {
                l.add(instrument);
            }
        });
    }

    /// Keeps a custom instrument a person chose (or their host page named): checked, then kept
    /// with the assessments. On any failure nothing stored changes.
    pub fn add_custom(&self, text: &str) -> Result<Arc<Instrument>, CustomProblem> {
        let stored = self.assessments.with_untracked(Vec::clone);
        let instrument = library::read_custom(text, &stored).map_err(CustomProblem::Content)?;
        self.store.save_instrument(&instrument).map_err(|e| CustomProblem::Storage(self.store_message(&e)))?;
        self.tell_other_widgets();
        let instrument = Arc::new(instrument);
        self.library.update(|l| {
            l.instruments.retain(|i| i.id != instrument.id);
            l.instruments.push(instrument.clone());
        });
        Ok(instrument)
    }

    /// Fetches the questionnaire at the address the host page named (`data-instrument`), checks
    /// it and keeps it as a custom one; until then, and if that fails, its fetch is under that
    /// address.
    pub fn load_hosted(&self) {
        let Some(url) = self.options.hosted().map(str::to_string) else { return };
        let state = *self;
        self.set_fetch(&url, Some(Load::Loading));
        self.library.update(|l| l.hosted = Some(Load::Loading));
        leptos::task::spawn_local(async move {
            let outcome = match crate::adapters::content::custom(&url).await {
                Ok(text) => state.add_custom(&text).map_err(|p| match p {
                    CustomProblem::Content(p) => LoadProblem::Damaged(p),
                    CustomProblem::Storage(reason) => LoadProblem::NotKept(reason),
                }),
                Err(e) => Err(e.into()),
            };
            state.set_fetch(&url, outcome.as_ref().err().map(|p| Load::Failed(p.clone())));
            let hosted = match outcome {
                Ok(instrument) => Load::Ready(instrument.id.clone()),
                Err(problem) => Load::Failed(problem),
            };
            let _ = state.library.try_update(|l| l.hosted = Some(hosted));
        });
    }

    /// Stored assessments whose instrument has no copy in storage (kept before instruments were
    /// stored with them): their built-in instrument is fetched and kept, so they open offline.
    pub fn keep_instruments_of_stored_assessments(&self) {
        let ids: Vec<String> =
            self.assessments.with_untracked(|all| all.iter().map(|a| a.own.instrument.id.clone()).collect());
        for id in ids {
            if !self.store.has_instrument(&id) {
                let state = *self;
                leptos::task::spawn_local(async move {
                    if let Ok(instrument) = state.instrument_named(&id).await {
                        let _ = state.store.save_instrument(&instrument);
                    }
                });
            }
        }
    }
}

/// Makes sure the instrument a result or joint file names is here before the file is read, so
/// that a file of a questionnaire this widget has not fetched yet is understood.
pub async fn fetch_instrument_of(state: AppState, text: &str) {
    if let Some(id) = crate::domain::result_file::instrument_named(text) {
        let _ = state.instrument_named(&id).await;
    }
}
