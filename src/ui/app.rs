//! The app inside one widget: its state, made once; the screen shown, mounted afresh whenever
//! the screen changes; the regions every screen shares.

use leptos::mount::mount_to;
use leptos::prelude::*;
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use wasm_bindgen::JsCast;

use super::ids;
use super::library::Load;
use super::options::Options;
use super::parts;
use super::parts::dom::{restore_typed, typed_values};
use super::parts::later::NotFetched;
use super::screens::split::{self, Mounted};
use super::screens::{home, loading};
use super::state::{AppState, Screen};
use super::sync;
use crate::adapters::content::Source;

pub fn app(widget: u32, options: &'static Options, content: Source) -> impl IntoView {
    let state = AppState::new(widget, options, content);
    state.start_language();
    state.load_index();
    // The questionnaire the start screen offers first, unless the host page names one: fetched
    // beside the index rather than after it, a step fewer before the first question (its id is
    // known without the index: `domain::library::BUILT_IN` is in the index's order, checked).
    if options.instrument.is_none() {
        if let Some(first) = crate::domain::library::BUILT_IN.first() {
            state.fetch(first);
        }
    }
    state.load_hosted();
    state.keep_instruments_of_stored_assessments();
    // Each screen is mounted afresh when the screen changes, never diffed against the previous
    // one: the page then carries only the code that builds each screen, not the code that would
    // patch one screen into another, which was a large share of the download.
    sync::keep_in_step_with_other_tabs(state);
    if state.store.is_persistent() {
        leptos::task::spawn_local(async move { state.kept.set(Some(crate::adapters::storage::ask_to_keep().await)) });
    }
    let screen_area = NodeRef::<leptos::html::Div>::new();
    follow_width(state, screen_area);
    // Whether the shown assessment's instrument is here: the screen waits for it, drawn once it
    // arrives (and only then, not at every instrument fetched meanwhile).
    // So is its translation into the interface language, while it is on its way.
    let waiting_for = Memo::new(move |_| {
        let screen = state.screen.get();
        let lang = state.locale.get().lang;
        let id = screen.assessment_id().and_then(|id| state.with_assessment(id, |a| a.own.instrument.id.clone()));
        let translating = |id: &str| state.library.with(|l| l.translation_state(id, lang) == Some(Load::Loading));
        id.filter(|id| state.instrument(id).is_none() || translating(id)).unwrap_or_default()
    });
    // Another language: the list of questionnaires, and each one this widget has, in it.
    Effect::new(move |previous: Option<&'static str>| {
        let lang = state.locale.get().lang;
        if previous.is_some_and(|p| p != lang) {
            // A task later, once the screen shown until now has gone: its parts, which follow
            // the library, are not to be drawn again on their way out.
            set_timeout(
                move || {
                    state.load_index();
                    for instrument in state.library.with_untracked(|l| l.instruments.clone()) {
                        state.fetch_translation(&instrument);
                    }
                },
                std::time::Duration::ZERO,
            );
        }
        lang
    });
    Effect::new(move |previous: Option<Option<Shown>>| {
        let screen = state.screen.get();
        let waiting_for = waiting_for.get();
        // Another language draws the same screen afresh, in it; what was typed and not yet kept
        // (a name on the start screen, an action being written) is carried over.
        let lang = state.locale.get().lang;
        let typed = match &previous {
            Some(Some((shown, _, was))) if *was != lang => typed_values(shown),
            _ => Vec::new(),
        };
        // The screen shown until now leaves the page at once, and its reactive nodes were
        // disposed before this ran (they belong to this effect). Dropping what is left of its
        // view (elements, listeners, closures; when the questions were a reactive view per
        // statement, 12 of the 26 ms from 200 statements to the comparison) waits until the new
        // screen has been drawn: the next frame, then a task.
        if let Some(Some((shown, handle, _))) = previous {
            shown.remove();
            request_animation_frame(move || set_timeout(move || drop(handle), std::time::Duration::ZERO));
        }
        let area: web_sys::HtmlElement = screen_area.get()?.into();
        let holder = document().create_element("div").ok()?;
        area.append_child(&holder).ok()?;
        let target: web_sys::HtmlElement = holder.clone().dyn_into().ok()?;
        // Untracked: what a screen reads while it is built must not remount it when it changes.
        let mounted = untrack(move || match screen {
            _ if !waiting_for.is_empty() => {
                Box::new(mount_to(target, move || loading::screen(state, waiting_for))) as Mounted
            }
            screen => mount_screen(state, screen, target),
        });
        // Once the new screen's own effects have drawn its parts (a task later).
        if !typed.is_empty() {
            let screen = holder.clone();
            set_timeout(move || restore_typed(&screen, typed), std::time::Duration::ZERO);
        }
        Some((holder, mounted, lang))
    });
    let t = move || state.locale.get();
    view! {
        <div class="psc" lang=move || t().lang dir=move || t().direction>
            <header class="psc-banner">
                <p class="psc-brand">{move || t().app_name}</p>
                {parts::language::switch(state)}
            </header>
            <main id=ids::MAIN>
                {parts::notices::notice_area(state)}
                <div node_ref=screen_area></div>
            </main>
            <footer class="psc-footer">
                <p>{move || t().footer_privacy}</p>
            </footer>
        </div>
    }
}

/// Mounts a screen, and returns what keeps it on the page. The start screen is in the app's first
/// download; every other screen is in the later part of its code (`parts::later`), mounted once
/// that part is here (at once, before anything is drawn, when it already is), or in its place a
/// message and a retry when it cannot be fetched. A screen left before the part arrived is never
/// shown.
fn mount_screen(state: AppState, screen: Screen, target: web_sys::HtmlElement) -> Mounted {
    let partnered = |id: &str| state.with_assessment_untracked(id, |a| a.partner.is_some()) == Some(true);
    let to = target.clone();
    let part: Pin<Box<dyn Future<Output = Result<Mounted, NotFetched>>>> = match screen {
        Screen::Home => return Box::new(mount_to(target, move || home::screen(state))),
        Screen::Answer(id) => Box::pin(split::answer(to, state, id)),
        Screen::Results(id) => Box::pin(split::results(to, state, id)),
        Screen::Session(id) if partnered(&id) => Box::pin(split::session(to, state, id, None)),
        Screen::Present(id, slide) if partnered(&id) => Box::pin(split::session(to, state, id, Some(slide))),
        // Without the partner's answers, the joint session shows the comparison's advice.
        Screen::Compare(id) | Screen::Session(id) | Screen::Present(id, _) => Box::pin(split::compare(to, state, id)),
    };
    // A progress note while the part is on its way; when it is already here, the screen takes
    // the note's place before anything is drawn.
    let note = mount_to(target.clone(), move || loading::part_loading(state));
    let slot: Rc<RefCell<Option<Mounted>>> = Rc::new(RefCell::new(Some(Box::new(note))));
    let shown = Rc::downgrade(&slot);
    // Under the effect that shows screens, like the start screen: left before the part arrived,
    // the task is dropped with the effect's run and nothing is built.
    leptos::task::spawn_local_scoped_with_cancellation(async move {
        let mounted =
            part.await.unwrap_or_else(|NotFetched| Box::new(mount_to(target, move || loading::part_missing(state))));
        if let Some(slot) = shown.upgrade() {
            slot.replace(Some(mounted));
            parts::dom::focus_if_lost(state.widget, format!("#{} h1", ids::MAIN));
        }
    });
    Box::new(slot)
}

/// The screen shown: its element, what keeps its view alive, and the language it is drawn in.
type Shown = (web_sys::Element, Mounted, &'static str);

/// Keeps [`AppState::width`] to the width screens are drawn in, so charts are drawn for the room they have:
/// a phone turned, a window resized, a projector's screen.
fn follow_width(state: AppState, area: NodeRef<leptos::html::Div>) {
    area.on_load(move |element| {
        let element: web_sys::Element = element.into();
        let measure = move |element: &web_sys::Element| {
            // Whole steps of 20 px: a chart is not drawn again for a pixel or two.
            let width = (element.client_width().max(0) as u32 / 20) * 20;
            if width > 0 && state.width.get_untracked() != width {
                state.width.set(width);
            }
        };
        // No first read here: a read before the first frame makes the browser work out styles
        // (and, where the widget is not hidden while its stylesheet loads, as in the single-file
        // copy, layout) early, for a width the observer reports anyway once laid out, before
        // that frame is drawn.
        let observed = element.clone();
        let callback = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || measure(&observed)).into_js_value();
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.unchecked_ref()) {
            observer.observe(&element);
        }
    });
}
