//! The Leptos user interface: one file per screen, small shared components, and [`AppState`],
//! the few signals owned at the top and passed down.

mod answer;
mod combine;
mod compare;
mod components;
mod home;
pub mod html;
mod results;
mod session;

use leptos::mount::mount_to;
use leptos::prelude::*;
use std::any::Any;
use std::sync::Arc;
use wasm_bindgen::JsCast;

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
    Session(String),
}

impl Screen {
    pub fn assessment_id(&self) -> Option<&str> {
        match self {
            Screen::Home => None,
            Screen::Answer(id) | Screen::Results(id) | Screen::Compare(id) | Screen::Session(id) => Some(id),
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
    pub instruments: &'static [Arc<Instrument>],
    pub t: &'static Strings,
    /// Which widget of the page this is (several can share a page), for finding its elements.
    pub widget: u32,
    pub options: &'static Options,
}

impl AppState {
    fn new(widget: u32, options: &'static Options) -> Self {
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
            kept: RwSignal::new(None),
            store: Box::leak(Box::new(store)),
            widget,
            options,
            instruments: crate::instruments::builtin().into_iter().map(Arc::new).collect::<Vec<_>>().leak(),
            t,
        }
    }

    /// Goes to a screen, clears the last message and puts keyboard focus on its heading. Where
    /// nothing can be saved, that warning stays on every screen.
    pub fn go(&self, screen: Screen) {
        let lasting = (!self.store.is_persistent()).then(|| Notice::Error(self.t.storage_unavailable.to_string()));
        self.notice.set(lasting);
        self.save_status.set(SaveStatus::Idle);
        self.screen.set(screen);
        self.focus_soon("#psc-main h1");
    }

    /// Draws the current screen afresh, keeping the message shown, after a change to what the
    /// screen offers; then moves focus to `selector`.
    /// Whether `screen` is still the one shown: checked by what acts once a file has been read,
    /// which takes a while, in case the person has moved on.
    pub fn shows(&self, screen: &Screen) -> bool {
        self.screen.with_untracked(|shown| shown == screen)
    }

    pub fn redraw(&self, selector: &'static str) {
        self.screen.update(|_| {});
        self.focus_soon(selector);
    }

    pub fn instrument(&self, id: &str) -> Option<Arc<Instrument>> {
        self.instruments.iter().find(|i| i.id == id).cloned()
    }

    /// The assessment with this id, tracked: re-read whenever it changes.
    pub fn assessment(&self, id: &str) -> Option<Assessment> {
        self.with_assessment(id, Assessment::clone)
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

    /// Stores a new assessment; on failure nothing is added and the reason is returned.
    pub fn add(&self, assessment: Assessment) -> Result<(), String> {
        self.store.save(&assessment).map_err(|e| self.store_message(&e))?;
        self.tell_other_widgets();
        self.assessments.update(|all| all.insert(0, assessment));
        Ok(())
    }

    /// Applies a change to one assessment and saves it. The change stays on screen even when
    /// storage refuses it, and the user is told at once; the reason is also returned.
    pub fn edit(&self, id: &str, change: impl FnOnce(&mut Assessment)) -> Result<(), String> {
        let store = self.store;
        let mut saved = None;
        self.assessments.update(|all| {
            if let Some(a) = all.iter_mut().find(|a| a.id == id) {
                change(a);
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
                let message = self.t.storage_unavailable.to_string();
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
        self.after_deleting(outcome, self.t.deleted);
    }

    /// Lets other widgets on this page read storage again (see `keep_in_step_with_other_tabs`).
    fn tell_other_widgets(&self) {
        let init = web_sys::CustomEventInit::new();
        init.set_detail(&wasm_bindgen::JsValue::from(self.widget));
        if let (Some(window), Ok(event)) =
            (web_sys::window(), web_sys::CustomEvent::new_with_event_init_dict(CHANGED_EVENT, &init))
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
        self.after_deleting(outcome, self.t.deleted_all);
    }

    fn store_message(&self, error: &StoreError) -> String {
        match error {
            StoreError::Full => self.t.storage_full.to_string(),
            StoreError::Unavailable => self.t.storage_unavailable.to_string(),
        }
    }

    /// Moves keyboard focus, once the page is drawn, to the element of this widget `selector`
    /// finds: a new screen's heading or an error message, so keyboard and screen-reader users go
    /// on from there.
    pub fn focus_soon(&self, selector: &'static str) {
        components::focus_soon(self.widget, selector);
    }

    /// The element of this widget `selector` finds.
    pub fn element(&self, selector: &str) -> Option<web_sys::Element> {
        components::find(self.widget, selector)
    }

    pub fn now(&self) -> String {
        clock::now_iso()
    }
}

fn app(widget: u32, options: &'static Options) -> impl IntoView {
    let state = AppState::new(widget, options);
    let t = state.t;
    // Each screen is mounted afresh when the screen changes, never diffed against the previous
    // one: the page then carries only the code that builds each screen, not the code that would
    // patch one screen into another, which was a large share of the download.
    keep_in_step_with_other_tabs(state);
    if state.store.is_persistent() {
        leptos::task::spawn_local(async move { state.kept.set(Some(crate::adapters::storage::ask_to_keep().await)) });
    }
    let screen_area = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |previous: Option<Option<(web_sys::Element, Box<dyn Any>)>>| {
        let screen = state.screen.get();
        // The screen shown until now leaves the page at once, and its reactive nodes were
        // disposed before this ran (they belong to this effect). Dropping what is left of its
        // view (elements, listeners, closures; when the questions were a reactive view per
        // statement, 12 of the 26 ms from 200 statements to the comparison) waits until the new
        // screen has been drawn: the next frame, then a task.
        if let Some(Some((shown, handle))) = previous {
            shown.remove();
            request_animation_frame(move || set_timeout(move || drop(handle), std::time::Duration::ZERO));
        }
        let area: web_sys::HtmlElement = screen_area.get()?.into();
        let holder = document().create_element("div").ok()?;
        area.append_child(&holder).ok()?;
        let target: web_sys::HtmlElement = holder.clone().dyn_into().ok()?;
        // Untracked: what a screen reads while it is built must not remount it when it changes.
        let mounted: Box<dyn Any> = untrack(move || match screen {
            Screen::Home => Box::new(mount_to(target, move || home::screen(state))) as Box<dyn Any>,
            Screen::Answer(id) => Box::new(mount_to(target, move || answer::screen(state, id))),
            Screen::Results(id) => Box::new(mount_to(target, move || results::screen(state, id))),
            Screen::Session(id) if state.with_assessment_untracked(&id, |a| a.partner.is_some()) == Some(true) => {
                Box::new(mount_to(target, move || session::screen(state, id)))
            }
            // Without the partner's answers, the joint session shows the comparison's advice.
            Screen::Compare(id) | Screen::Session(id) => Box::new(mount_to(target, move || compare::screen(state, id))),
        });
        Some((holder, mounted))
    });
    view! {
        <div class="psc" lang=t.lang>
            <header class="psc-banner">
                <p class="psc-brand">{t.app_name}</p>
            </header>
            <main id="psc-main">
                {components::notice_area(state)}
                <div node_ref=screen_area></div>
            </main>
            <footer class="psc-footer">
                <p>{t.footer_privacy}</p>
            </footer>
        </div>
    }
}

/// Another tab of this browser, or another widget on this page, saved or deleted an
/// assessment: read them all again, so this widget shows the other's answers and its next save
/// does not overwrite them. A screen whose assessment was deleted there is redrawn, and then
/// says so.
fn keep_in_step_with_other_tabs(state: AppState) {
    let reload = move || {
        // While this tab holds answers it could not save (storage full), it keeps what it has
        // rather than giving way to older stored copies: they are saved with the next change.
        if state.save_status.with_untracked(|s| matches!(s, SaveStatus::Failed(_))) {
            return;
        }
        let (all, _) = state.store.load_all();
        let screen = state.screen.get_untracked();
        let gone = screen.assessment_id().is_some_and(|id| all.iter().all(|a| a.id != id));
        state.assessments.set(all);
        if gone {
            state.go(screen);
        }
    };
    let _ = window_event_listener(leptos::ev::storage, move |event| {
        if event.key().is_none_or(|key| key.starts_with(crate::adapters::storage::KEY_PREFIX)) {
            reload();
        }
    });
    // A page restored from the browser's back/forward cache heard none of the storage events
    // sent while it was away: without this, its next save would write back what it showed then.
    let _ = window_event_listener_untyped("pageshow", move |_| reload());
    // The storage event only reaches other tabs; widgets of one page tell each other.
    let _ = window_event_listener_untyped(CHANGED_EVENT, move |event| {
        let from = event.dyn_ref::<web_sys::CustomEvent>().and_then(|e| e.detail().as_f64());
        if from != Some(f64::from(state.widget)) {
            reload();
        }
    });
}

/// Sent on the window by a widget that changed what is stored; the detail is its number.
const CHANGED_EVENT: &str = "partnership-scorecard-change";

/// What a host page asks of one widget through the element's data attributes (see the README).
#[derive(Debug, Default)]
pub struct Options {
    /// Questionnaire offered first: a built-in id (`data-instrument`).
    pub instrument: Option<String>,
    /// Role chosen in advance: a role id of that questionnaire (`data-role`).
    pub role: Option<String>,
}

/// Mounts a widget in every element marked `data-partnership-scorecard`, each in a shadow root
/// of its own: the host page's styles cannot reach in, the widget's cannot leak out, ids never
/// clash between two widgets, and each keeps its own state.
pub fn mount() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(hosts) = document.query_selector_all("[data-partnership-scorecard]") else { return };
    for index in 0..hosts.length() {
        if let Some(host) = hosts.item(index).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            mount_widget(&document, host, index);
        }
    }
}

fn mount_widget(document: &web_sys::Document, host: web_sys::Element, widget: u32) -> Option<()> {
    let root = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).ok()?;
    let _ = host.set_attribute(WIDGET_ATTRIBUTE, &widget.to_string());
    let container: web_sys::HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    match document.get_element_by_id(INLINE_STYLESHEET) {
        // A single-file copy carries the stylesheet inside the page.
        Some(carried) => {
            let style = document.create_element("style").ok()?;
            style.set_text_content(carried.text_content().as_deref());
            root.append_child(&style).ok()?;
        }
        // Otherwise it is the build's stylesheet, beside boot.js (which notes where that is on
        // the element). The widget stays hidden until it is in (or failed), so the host page's
        // styles never show through for a moment.
        None => {
            let base = host.get_attribute("data-psc-base").unwrap_or_default();
            let link = document.create_element("link").ok()?;
            let _ = link.set_attribute("rel", "stylesheet");
            let _ = link.set_attribute("href", &format!("{base}main.css"));
            container.set_hidden(true);
            let shown = container.clone();
            let reveal =
                wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || shown.set_hidden(false)).into_js_value();
            for event in ["load", "error"] {
                let _ = link.add_event_listener_with_callback(event, reveal.unchecked_ref());
            }
            root.append_child(&link).ok()?;
        }
    }
    root.append_child(&container).ok()?;
    let attribute = |name: &str| host.get_attribute(name).filter(|v| !v.trim().is_empty());
    let options = Options { instrument: attribute("data-instrument"), role: attribute("data-role") };
    let options: &'static Options = Box::leak(Box::new(options));
    mount_to(container, move || app(widget, options)).forget();
    Some(())
}

/// In a single-file copy (scripts/single-file.mjs), the element holding the stylesheet's text.
pub const INLINE_STYLESHEET: &str = "psc-stylesheet";

/// Set on each widget's host element, numbering the widgets of the page.
pub const WIDGET_ATTRIBUTE: &str = "data-psc-widget";
