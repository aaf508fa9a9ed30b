//! The language switch, in the banner above every screen.

use leptos::prelude::*;

use crate::i18n::LANGUAGES;
use crate::ui::ids;
use crate::ui::state::AppState;

/// A list of the interface languages, each named in itself; a choice takes effect at once and
/// is remembered in this browser.
pub fn switch(state: AppState) -> impl IntoView {
    let chosen = move || state.locale.get().lang;
    let choose = move |ev: leptos::ev::Event| state.choose_language(&event_target_value(&ev));
    view! {
        <div class="psc-language psc-no-print">
            <label for=ids::LANGUAGE>{move || state.locale.get().language_label}</label>
            <select id=ids::LANGUAGE on:change=choose prop:value=chosen>
                {LANGUAGES
                    .iter()
                    .map(|(code, name)| view! { <option value=*code lang=*code selected=move || chosen() == *code>{*name}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}
