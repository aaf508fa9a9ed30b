//! The Leptos user interface: one file per screen, small shared components, and [`AppState`],
//! the few signals owned at the top and passed down.

mod answer;
mod compare;
mod components;
mod home;
mod results;

use leptos::prelude::*;
use std::sync::Arc;

use crate::adapters::clock;
use crate::adapters::storage::{Store, StoreError};
use crate::domain::{Assessment, Instrument};
use crate::i18n::{self, Strings};

/// Where the user is. Screens inside an assessment carry its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    Home,
    Answer(String),
    Results(String),
    Compare(String),
}

impl Screen {
    pub fn assessment_id(&self) -> Option<&str> {
        match self {
            Screen::Home => None,
            Screen::Answer(id) | Screen::Results(id) | Screen::Compare(id) => Some(id),
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

/// The application's state: a handful of signals, created once in [`App`] and passed to each
/// screen. Every stored change goes through [`AppState::edit`], so what is on screen and what is
/// in storage never drift apart silently.
#[derive(Clone, Copy)]
pub struct AppState {
    pub screen: RwSignal<Screen>,
    /// Every assessment kept in this browser, as stored.
    pub assessments: RwSignal<Vec<Assessment>>,
    pub notice: RwSignal<Option<Notice>>,
    pub save_status: RwSignal<SaveStatus>,
    pub store: StoredValue<Store>,
    pub instruments: StoredValue<Vec<Arc<Instrument>>>,
    pub t: &'static Strings,
}

impl AppState {
    fn new() -> Self {
        let store = Store::open();
        let (assessments, unreadable) = store.load_all();
        let t = i18n::strings();
        let notice = if !store.is_persistent() {
            Some(Notice::Error(t.storage_unavailable.to_string()))
        } else if unreadable > 0 {
            Some(Notice::Error(i18n::fill(t.storage_unreadable, &[("count", &unreadable)])))
        } else {
            None
        };
        AppState {
            screen: RwSignal::new(Screen::Home),
            assessments: RwSignal::new(assessments),
            notice: RwSignal::new(notice),
            save_status: RwSignal::new(SaveStatus::Idle),
            store: StoredValue::new(store),
            instruments: StoredValue::new(crate::instruments::builtin().into_iter().map(Arc::new).collect()),
            t,
        }
    }

    /// Goes to a screen, clears the last message and puts keyboard focus on its heading.
    pub fn go(&self, screen: Screen) {
        self.notice.set(None);
        self.save_status.set(SaveStatus::Idle);
        self.screen.set(screen);
        request_animation_frame(components::focus_main_heading);
    }

    pub fn instrument(&self, id: &str) -> Option<Arc<Instrument>> {
        self.instruments.with_value(|all| all.iter().find(|i| i.id == id).cloned())
    }

    /// The assessment with this id, tracked: re-read whenever it changes.
    pub fn assessment(&self, id: &str) -> Option<Assessment> {
        self.with_assessment(id, Assessment::clone)
    }

    /// Reads one part of an assessment without copying the rest, tracked.
    pub fn with_assessment<T>(&self, id: &str, read: impl FnOnce(&Assessment) -> T) -> Option<T> {
        self.assessments.with(|all| all.iter().find(|a| a.id == id).map(read))
    }

    /// The same, untracked: for a value read once when a screen is built.
    pub fn with_assessment_untracked<T>(&self, id: &str, read: impl FnOnce(&Assessment) -> T) -> Option<T> {
        self.assessments.with_untracked(|all| all.iter().find(|a| a.id == id).map(read))
    }

    /// Stores a new assessment; on failure nothing is added and the reason is returned.
    pub fn add(&self, assessment: Assessment) -> Result<(), String> {
        self.store.with_value(|s| s.save(&assessment)).map_err(|e| self.store_message(&e))?;
        self.assessments.update(|all| all.insert(0, assessment));
        Ok(())
    }

    /// Applies a change to one assessment, stamps it and saves it. The change stays on screen even
    /// when storage refuses it, and the user is told at once.
    pub fn edit(&self, id: &str, change: impl FnOnce(&mut Assessment)) {
        let mut changed = None;
        self.assessments.update(|all| {
            if let Some(a) = all.iter_mut().find(|a| a.id == id) {
                change(a);
                changed = Some(a.clone());
            }
        });
        if let Some(assessment) = changed {
            match self.store.with_value(|s| s.save(&assessment)) {
                Ok(()) => self.save_status.set(SaveStatus::Saved),
                Err(e) => self.save_status.set(SaveStatus::Failed(self.store_message(&e))),
            }
        }
    }

    pub fn delete(&self, id: &str) {
        match self.store.with_value(|s| s.delete(id)) {
            Ok(()) => {
                self.assessments.update(|all| all.retain(|a| a.id != id));
                self.notice.set(Some(Notice::Info(self.t.deleted.to_string())));
            }
            Err(e) => self.notice.set(Some(Notice::Error(self.store_message(&e)))),
        }
    }

    fn store_message(&self, error: &StoreError) -> String {
        match error {
            StoreError::Full => self.t.storage_full.to_string(),
            StoreError::Unavailable => self.t.storage_unavailable.to_string(),
        }
    }

    pub fn now(&self) -> String {
        clock::now_iso()
    }
}

#[component]
fn App() -> impl IntoView {
    let state = AppState::new();
    let t = state.t;
    view! {
        <div class="psc">
            <header class="psc-banner">
                <p class="psc-brand">{t.app_name}</p>
            </header>
            <main id="psc-main">
                <components::NoticeArea state=state />
                {move || match state.screen.get() {
                    Screen::Home => view! { <home::Home state=state /> }.into_any(),
                    Screen::Answer(id) => view! { <answer::Answer state=state id=id /> }.into_any(),
                    Screen::Results(id) => view! { <results::Results state=state id=id /> }.into_any(),
                    Screen::Compare(id) => view! { <compare::Compare state=state id=id /> }.into_any(),
                }}
            </main>
            <footer class="psc-footer">
                <p>{t.footer_privacy}</p>
            </footer>
        </div>
    }
}

/// Mounts the app on the page's body.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}
