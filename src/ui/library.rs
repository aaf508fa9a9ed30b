//! What a widget knows of the questionnaires: the index of built-in ones, the instruments it has
//! read, and the fetches on their way or failed; and the one way each of these changes.

use std::sync::Arc;

use crate::adapters::content::FetchError;
use crate::domain::library::{self, ContentProblem, Index};
use crate::domain::Instrument;
use crate::i18n::{self, Strings};
use crate::ui::words::content_problem_message;

/// The questionnaires a widget knows: a plain value, held by one signal of [`AppState`].
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// The built-in instruments' index.
    pub index: Load<Arc<Index>>,
    /// Every instrument read: fetched, kept in storage, or chosen by the person.
    pub instruments: Vec<Arc<Instrument>>,
    /// Instruments being fetched, or whose fetch failed, by id (or, for the one a host page
    /// names by its address, by that address).
    pub fetches: Vec<(String, Load<()>)>,
    /// The host page's own questionnaire, when it names one by its address: its id once here.
    pub hosted: Option<Load<String>>,
    /// Built-in instruments in the interface languages chosen so far (English ones are in
    /// `instruments`, and are the ones kept with the answers).
    pub translations: Vec<Arc<Instrument>>,
    /// Translations on their way, or failed, by language and id.
    pub translation_fetches: Vec<((&'static str, String), Load<()>)>,
}

impl Library {
    pub fn instrument(&self, id: &str) -> Option<Arc<Instrument>> {
        self.instruments.iter().find(|i| i.id == id).cloned()
    }

    /// The instrument `id` as shown in the language `lang`: its translation there, if it is here
    /// and of the same version, else the English one.
    pub fn shown(&self, id: &str, lang: &str) -> Option<Arc<Instrument>> {
        let english = self.instrument(id)?;
        let translated = self
            .translations
            .iter()
            .find(|t| t.id == id && t.language.as_deref() == Some(lang) && t.version == english.version);
        Some(translated.cloned().unwrap_or(english))
    }

    /// Where the translation of `id` into `lang` is (`None`: never asked for).
    pub fn translation_state(&self, id: &str, lang: &'static str) -> Option<Load<()>> {
        self.translation_fetches.iter().find(|((l, i), _)| *l == lang && i == id).map(|(_, s)| s.clone())
    }

    pub(super) fn set_translation(&mut self, id: &str, lang: &'static str, state: Load<()>) {
        self.translation_fetches.retain(|((l, i), _)| !(*l == lang && i == id));
        self.translation_fetches.push(((lang, id.to_string()), state));
    }

    /// Where the instrument `id` is: here, on its way, or failed (`None`: never asked for).
    pub fn fetch_state(&self, id: &str) -> Option<Load<()>> {
        if self.instrument(id).is_some() {
            return Some(Load::Ready(()));
        }
        self.fetches.iter().find(|(k, _)| k == id).map(|(_, s)| s.clone())
    }

    pub(super) fn set_fetch(&mut self, id: &str, state: Option<Load<()>>) {
        self.fetches.retain(|(k, _)| k != id);
        self.fetches.extend(state.map(|s| (id.to_string(), s)));
    }

    /// Adds `instrument`, or keeps the later version where one of its id is known; returns the
    /// one kept, and whether it is new here.
    pub(super) fn add(&mut self, instrument: Instrument) -> (Arc<Instrument>, bool) {
        if let Some(old) = self.instrument(&instrument.id) {
            if std::ptr::eq(library::later(&old, &instrument), &*old) {
                return (old, false);
            }
        }
        let kept = Arc::new(instrument);
        self.instruments.retain(|i| i.id != kept.id);
        self.instruments.push(kept.clone());
        (kept, true)
    }
}

/// Something fetched: on its way, there, or not to be had.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Load<T> {
    #[default]
    Loading,
    Ready(T),
    Failed(LoadProblem),
}

/// Why content could not be had, as the person is told.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadProblem {
    /// No answer: offline on a first visit, or the site cannot be reached.
    Unreachable,
    /// The site answered with an error (404 and the like).
    Status(u16),
    TooLarge,
    /// The file arrived but is not what it should be.
    Damaged(ContentProblem),
    /// It arrived sound, but could not be kept (storage full): why, worded.
    NotKept(String),
}

impl From<FetchError> for LoadProblem {
    fn from(error: FetchError) -> Self {
        match error {
            FetchError::Unreachable => LoadProblem::Unreachable,
            FetchError::Status(status) => LoadProblem::Status(status),
            FetchError::TooLarge => LoadProblem::TooLarge,
        }
    }
}

/// Why content could not be had, in words.
pub fn load_message(t: &Strings, problem: &LoadProblem) -> String {
    match problem {
        LoadProblem::Unreachable => t.load_unreachable.to_string(),
        LoadProblem::Status(status) => i18n::fill(t.load_status, &[("status", status)]),
        LoadProblem::TooLarge => t.load_too_large.to_string(),
        LoadProblem::Damaged(problem) => content_problem_message(t, problem),
        LoadProblem::NotKept(reason) => reason.clone(),
    }
}

/// Why a custom instrument was not kept.
#[derive(Debug, Clone, PartialEq)]
pub enum CustomProblem {
    Content(ContentProblem),
    /// Storage refused it: the reason, worded.
    Storage(String),
}
