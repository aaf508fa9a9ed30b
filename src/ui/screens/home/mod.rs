//! The start screen: what the scorecard is for, a new assessment (first, so on a phone the
//! first field is near the top), the assessments kept here, and, folded away until wanted,
//! reopening a joint session and combining several people's answers; then the data kept here.

mod combine;
mod data;
mod joint;
mod saved;
mod start;

use leptos::prelude::*;

use crate::ui::state::AppState;

pub fn screen(state: AppState) -> impl IntoView {
    let t = state.t();
    let has_saved = move || state.assessments.with(|a| !a.is_empty());
    view! {
        <h1 tabindex="-1">{t.home_title}</h1>
        <div class="psc-intro">
            <p>{t.home_intro_1}</p>
            <p>{t.home_intro_2}</p>
            <p><strong>{t.home_privacy}</strong></p>
        </div>
        {start::section(state)}
        {move || has_saved().then(|| saved::section(state))}
        {joint::section(state)}
        {combine::section(state)}
        {data::section(state)}
    }
}
