//! Shown in place of an assessment's screen while its instrument is fetched (an assessment kept
//! before instruments were stored with it, opened for the first time since): a progress note,
//! or why it failed and a way to try again. The screen itself is drawn once the instrument is
//! here (see `ui::app`).

use leptos::prelude::*;

use crate::ui::library::{load_message, Load};
use crate::ui::state::{AppState, Screen};

pub fn screen(state: AppState, instrument_id: String) -> impl IntoView {
    let t = state.t();
    state.fetch(&instrument_id);
    let id = instrument_id.clone();
    // Empty while it is on its way.
    let failure = Memo::new(move |_| match state.fetch_state(&id) {
        Some(Load::Failed(problem)) => load_message(t, &problem),
        _ => String::new(),
    });
    let retry = move |_| {
        state.fetch(&instrument_id);
    };
    view! {
        <h1 tabindex="-1">{t.loading_title}</h1>
        <p role="status">{move || if failure.with(String::is_empty) { t.loading_instrument } else { "" }}</p>
        <p role="alert" class="psc-error-slot">{move || failure.try_get().unwrap_or_default()}</p>
        <div class="psc-actions">
            <button type="button" class="psc-primary" on:click=retry hidden=move || failure.with(String::is_empty)>
                {t.retry}
            </button>
            <button type="button" on:click=move |_| state.go(Screen::Home)>
                {t.all_assessments}
            </button>
        </div>
    }
}

/// Shown while the later part of the app, which holds the screen, is on its way (see
/// `parts::later`).
pub fn part_loading(state: AppState) -> impl IntoView {
    view! { <p role="status" class="psc-hint">{state.t().part_loading}</p> }
}

/// Shown in place of a screen whose part of the app (`parts::later`) could not be fetched: why, and a way to try
/// again (the same screen, asked for afresh) or back to the start.
pub fn part_missing(state: AppState) -> impl IntoView {
    let t = state.t();
    let retry = move |_| state.screen.update(|_| ());
    view! {
        <h1 tabindex="-1">{t.part_title}</h1>
        <p role="alert">{t.part_unreachable}</p>
        <div class="psc-actions">
            <button type="button" class="psc-primary" on:click=retry>{t.retry}</button>
            <button type="button" on:click=move |_| state.go(Screen::Home)>{t.all_assessments}</button>
        </div>
    }
}
