//! [`AppState`]: the few signals a widget owns at the top and passes to every screen, and the
//! one way each of them changes (screens never write storage or fetch content themselves).

use leptos::prelude::*;
use std::sync::Arc;

use super::library::Library;
use super::options::Options;
use super::parts::dom;
use crate::adapters::content::Source;
use crate::adapters::storage::{Store, StoreError};
use crate::adapters::{clock, intl};
use crate::domain::{Assessment, Instrument};
use crate::i18n::{self, Strings};

/// Where the user is. Screens inside an assessment carry its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    Home,
    Answer(String),
    Results(String),
    Compare(String),
    Session(String),
    /// The joint session as a presentation, at one of its slides.
    Present(String, usize),
}

impl Screen {
    pub fn assessment_id(&self) -> Option<&str> {
        match self {
            Screen::Home => None,
            Screen::Answer(id)
            | Screen::Results(id)
            | Screen::Compare(id)
            | Screen::Session(id)
            | Screen::Present(id, _) => Some(id),
        }
    }
}

/// A message for the user: errors go to an alert region, confirmations to a polite status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Error(String),
    Info(String),
}

/// Whether the last change reached storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    Idle,
    Saved,
    Failed(String),
}

/// The application's state: a handful of signals, created once in `app` and passed to each
/// screen. Changes to an assessment go through [`AppState::edit`] (and creation and deletion
/// through `add`, `delete`, `delete_all`), so what is on screen and what is in storage never
/// drift apart silently.
#[derive(Clone, Copy)]
pub struct AppState {
    pub screen: RwSignal<Screen>,
    /// Every assessment kept in this browser, as stored.
    pub assessments: RwSignal<Vec<Assessment>>,
    pub notice: RwSignal<Option<Notice>>,
    pub save_status: RwSignal<SaveStatus>,
    /// Whether the browser promised to keep what is stored (`None` until it answers).
    pub kept: RwSignal<Option<bool>>,
    /// Made once when the app starts and kept for the page's lifetime (hence `'static`).
    pub store: &'static Store,
    /// Where the index and the built-in instruments come from.
    pub content: &'static Source,
    /// The questionnaires this widget knows, and those on their way.
    pub library: RwSignal<Library>,
    /// The interface language's catalogue: English until another is chosen and has arrived.
    /// Screens read it untracked (through [`AppState::t`]); a change draws the screen afresh.
    pub locale: RwSignal<&'static Strings>,
    /// The languages fetched so far, kept so that switching back costs nothing.
    pub languages: RwSignal<Vec<&'static Strings>>,
    /// The widget's width in CSS pixels: charts are drawn for it, and again when it changes.
    pub width: RwSignal<u32>,
    /// Whether the questions are shown one dimension at a time: chosen once, kept while the app
    /// is open.
    pub one_at_a_time: RwSignal<bool>,
    /// Which widget of the page this is (several can share a page), for finding its elements.
    pub widget: u32,
    pub options: &'static Options,
}

impl AppState {
    pub(super) fn new(widget: u32, options: &'static Options, content: Source) -> Self {
        let store = Store::open();
        let library =
            Library { instruments: store.instruments().into_iter().map(Arc::new).collect(), ..Library::default() };
        let (assessments, unreadable) = store.load_all();
        let t = i18n::strings();
        let notice = if !store.is_persistent() {
            Some(Notice::Error(t.storage_unavailable.to_string()))
        } else if unreadable > 0 {
            let template = i18n::select(t.storage_unreadable, &intl::plural_category(t.lang, unreadable));
            Some(Notice::Error(i18n::fill(template, &[("count", &unreadable)])))
        } else {
            None
        };
        AppState {
            screen: RwSignal::new(Screen::Home),
            assessments: RwSignal::new(assessments),
            notice: RwSignal::new(notice),
            save_status: RwSignal::new(SaveStatus::Idle),
            kept: RwSignal::new(None),
            store: Box::leak(Box::new(store)),
            widget,
            options,
            content: Box::leak(Box::new(content)),
            library: RwSignal::new(library),
            locale: RwSignal::new(t),
            languages: RwSignal::new(vec![t]),
            width: RwSignal::new(760),
            one_at_a_time: RwSignal::new(false),
        }
    }

    /// The catalogue of the interface language.
    pub fn t(&self) -> &'static Strings {
        self.locale.get_untracked()
    }

    /// The form of `template` (a value of the catalogue) for the number `n`, by the language's
    /// plural rules.
    pub fn counted(&self, template: &'static str, n: usize) -> &'static str {
        i18n::select(template, &intl::plural_category(self.t().lang, n))
    }

    /// Goes to a screen, clears the last message and puts keyboard focus on its heading. Where
    /// nothing can be saved, that warning stays on every screen.
    pub fn go(&self, screen: Screen) {
        let lasting = (!self.store.is_persistent()).then(|| Notice::Error(self.t().storage_unavailable.to_string()));
        self.notice.set(lasting);
        self.save_status.set(SaveStatus::Idle);
        self.screen.set(screen);
        self.focus_soon("#psc-main h1");
    }

    /// Whether `screen` is still the one shown: checked by what acts once a file has been read,
    /// which takes a while, in case the person has moved on.
    pub fn shows(&self, screen: &Screen) -> bool {
        self.screen.with_untracked(|shown| shown == screen)
    }

    /// Draws the current screen afresh, keeping the message shown, after a change to what the
    /// screen offers; then moves focus to `selector`.
    pub fn redraw(&self, selector: impl Into<String>) {
        self.screen.update(|_| {});
        self.focus_soon(selector);
    }

    /// The instrument `id`, if this widget has it, tracked: a screen that needs one it has not
    /// got yet is drawn again when it arrives.
    ///
    /// The language is read untracked: a change of language draws the whole screen afresh, and
    /// the parts of the screen shown until then must not be drawn again meanwhile.
    pub fn instrument(&self, id: &str) -> Option<Arc<Instrument>> {
        let lang = self.locale.with_untracked(|t| t.lang);
        self.library.with(|l| l.shown(id, lang))
    }

    /// The English instrument `id`, untracked: the one kept with the answers and cited.
    pub fn english(&self, id: &str) -> Option<Arc<Instrument>> {
        self.library.with_untracked(|l| l.instrument(id))
    }

    /// Reads one part of an assessment without copying the rest, tracked.
    pub fn with_assessment<T>(&self, id: &str, read: impl FnOnce(&Assessment) -> T) -> Option<T> {
        self.assessments.with(|all| all.iter().find(|a| a.id == id).map(read))
    }

    /// An assessment and its instrument, read once when a screen is built.
    pub fn open(&self, id: &str) -> Option<(Assessment, Arc<Instrument>)> {
        let assessment = self.with_assessment_untracked(id, Assessment::clone)?;
        let instrument = self.instrument(&assessment.own.instrument.id)?;
        Some((assessment, instrument))
    }

    /// The same, untracked: for a value read once when a screen is built.
    pub fn with_assessment_untracked<T>(&self, id: &str, read: impl FnOnce(&Assessment) -> T) -> Option<T> {
        self.assessments.with_untracked(|all| all.iter().find(|a| a.id == id).map(read))
    }

    /// Stores a new assessment with a copy of its instrument, so it opens again with no network;
    /// on failure nothing is added (nor the copy, if it was not kept before) and the reason is
    /// returned.
    pub fn add(&self, assessment: Assessment, instrument: &Instrument) -> Result<(), String> {
        let english = self.english(&instrument.id);
        let instrument = english.as_deref().unwrap_or(instrument);
        let had_copy = self.store.has_instrument(&instrument.id);
        self.store.save_instrument(instrument).map_err(|e| self.store_message(&e))?;
        if let Err(e) = self.store.save(&assessment) {
            if !had_copy {
                let _ = self.store.delete_instrument(&instrument.id);
            }
            return Err(self.store_message(&e));
        }
        self.tell_other_widgets();
        self.assessments.update(|all| all.insert(0, assessment));
        Ok(())
    }

    /// Applies a change to one assessment and saves it. The change stays on screen even when
    /// storage refuses it, and the user is told at once; the reason is also returned.
    pub fn edit(&self, id: &str, change: impl FnOnce(&mut Assessment)) -> Result<(), String> {
        let store = self.store;
        let lang = self.t().lang;
        let mut saved = None;
        self.assessments.update(|all| {
            if let Some(a) = all.iter_mut().find(|a| a.id == id) {
                let answered_before = a.own.updated_at.clone();
                change(a);
                // Answers changed: they are now answered in the interface's language.
                if a.own.updated_at != answered_before {
                    a.own.language = Some(lang.to_string());
                }
                saved = Some(store.save(a));
            }
        });
        match saved {
            Some(Ok(())) if self.store.is_persistent() => {
                self.tell_other_widgets();
                self.save_status.set(SaveStatus::Saved);
                Ok(())
            }
            Some(Ok(())) => {
                // Kept in this tab's memory only: never say "saved".
                let message = self.t().storage_unavailable.to_string();
                self.save_status.set(SaveStatus::Failed(message.clone()));
                Err(message)
            }
            Some(Err(e)) => {
                // Said twice on purpose: in the alert region, read out at once, and beside the
                // progress bar, which stays in view while answering.
                let message = self.store_message(&e);
                self.notice.set(Some(Notice::Error(message.clone())));
                self.save_status.set(SaveStatus::Failed(message.clone()));
                Err(message)
            }
            None => Ok(()),
        }
    }

    /// Deletes one assessment, then shows the start screen afresh with focus on its heading, so
    /// keyboard and screen-reader users do not lose their place with the removed button.
    pub fn delete(&self, id: &str) {
        let outcome = self.store.delete(id).map(|()| self.assessments.update(|all| all.retain(|a| a.id != id)));
        self.after_deleting(outcome, self.t().deleted);
    }

    /// Lets other widgets on this page read storage again (see `keep_in_step_with_other_tabs`).
    pub(super) fn tell_other_widgets(&self) {
        let init = web_sys::CustomEventInit::new();
        init.set_detail(&wasm_bindgen::JsValue::from(self.widget));
        if let (Some(window), Ok(event)) =
            (web_sys::window(), web_sys::CustomEvent::new_with_event_init_dict(super::ids::CHANGED_EVENT, &init))
        {
            let _ = window.dispatch_event(&event);
        }
    }

    fn after_deleting(&self, outcome: Result<(), StoreError>, done: &'static str) {
        if outcome.is_ok() {
            self.tell_other_widgets();
        }
        self.go(Screen::Home);
        self.notice.set(Some(match outcome {
            Ok(()) => Notice::Info(done.to_string()),
            Err(e) => Notice::Error(self.store_message(&e)),
        }));
    }

    /// Removes every assessment this app keeps in the browser, readable or not.
    pub fn delete_all(&self) {
        let outcome = self.store.delete_all().map(|()| self.assessments.set(Vec::new()));
        self.after_deleting(outcome, self.t().deleted_all);
    }

    pub(super) fn store_message(&self, error: &StoreError) -> String {
        match error {
            StoreError::Full => self.t().storage_full.to_string(),
            StoreError::Unavailable => self.t().storage_unavailable.to_string(),
        }
    }

    /// Moves keyboard focus, once the page is drawn, to the element of this widget `selector`
    /// finds: a new screen's heading or an error message, so keyboard and screen-reader users go
    /// on from there.
    pub fn focus_soon(&self, selector: impl Into<String>) {
        dom::focus_soon(self.widget, selector.into());
    }

    /// The element of this widget `selector` finds.
    pub fn element(&self, selector: &str) -> Option<web_sys::Element> {
        dom::find(self.widget, selector)
    }

    pub fn now(&self) -> String {
        clock::now_iso()
    }
}
