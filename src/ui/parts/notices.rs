//! Where the app speaks to the person: the latest message (errors read out at once,
//! confirmations politely), and whether the last change was saved.

use leptos::prelude::*;

use crate::ui::state::{AppState, Notice, SaveStatus};

/// The latest message. Both regions are always in the page, as screen readers only announce
/// changes to regions they already know.
pub fn notice_area(state: AppState) -> impl IntoView {
    let text = move |error: bool| match state.notice.get() {
        Some(Notice::Error(text)) if error => text,
        Some(Notice::Info(text)) if !error => text,
        _ => String::new(),
    };
    view! {
        <div class="psc-notices">
            <p role="alert" class="psc-notice psc-error">{move || text(true)}</p>
            <p role="status" class="psc-notice psc-info">{move || text(false)}</p>
        </div>
    }
}

/// Says whether the last change was saved; read out politely by screen readers.
pub fn save_indicator(state: AppState) -> impl IntoView {
    let t = state.t();
    view! {
        <p class="psc-save" role="status">
            {move || match state.save_status.get() {
                SaveStatus::Idle => String::new(),
                SaveStatus::Saved => t.saved.to_string(),
                SaveStatus::Failed(reason) => reason,
            }}
        </p>
    }
}

/// A message beside the fields it is about, read out at once and focusable (focus goes to it);
/// empty, it takes no room.
pub fn error_slot(id: String, message: RwSignal<String>) -> impl IntoView {
    view! { <p id=id class="psc-error-slot" role="alert" tabindex="-1">{move || message.get()}</p> }
}
