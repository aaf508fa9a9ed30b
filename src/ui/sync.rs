//! Keeping in step: another tab of this browser, or another widget on this page, changed what is
//! stored.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::ids;
use super::state::{AppState, SaveStatus};
use crate::adapters::storage::APP_PREFIX;

/// Another tab of this browser, or another widget on this page, saved or deleted an
/// assessment or kept an instrument: read them all again, so this widget shows the other's
/// answers and its next save does not overwrite them. A screen whose assessment was deleted there
/// is redrawn, and then says so.
pub fn keep_in_step_with_other_tabs(state: AppState) {
    let reload = move || {
        // While this tab holds answers it could not save (storage full), it keeps what it has
        // rather than giving way to older stored copies: they are saved with the next change.
        if state.save_status.with_untracked(|s| matches!(s, SaveStatus::Failed(_))) {
            return;
        }
        state.reload_instruments();
        let (all, _) = state.store.load_all();
        let screen = state.screen.get_untracked();
        let gone = screen.assessment_id().is_some_and(|id| all.iter().all(|a| a.id != id));
        state.assessments.set(all);
        if gone {
            state.go(screen);
        }
    };
    let _ = window_event_listener(leptos::ev::storage, move |event| {
        if event.key().is_none_or(|key| key.starts_with(APP_PREFIX)) {
            reload();
        }
    });
    // A page restored from the browser's back/forward cache heard none of the storage events
    // sent while it was away: without this, its next save would write back what it showed then.
    let _ = window_event_listener_untyped("pageshow", move |_| reload());
    // The storage event only reaches other tabs; widgets of one page tell each other.
    let _ = window_event_listener_untyped(ids::CHANGED_EVENT, move |event| {
        let from = event.dyn_ref::<web_sys::CustomEvent>().and_then(|e| e.detail().as_f64());
        if from != Some(f64::from(state.widget)) {
            reload();
        }
    });
}
