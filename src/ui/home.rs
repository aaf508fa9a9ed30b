//! The start screen: what the scorecard is for, the assessments kept here, and a new one.

use leptos::prelude::*;

use super::components::{clicked, confirmed, credit};
use super::html::Html;
use super::{AppState, Notice, Screen};
use crate::adapters::{clock, files};
use crate::domain::{progress, Assessment, Responses};
use crate::i18n;

/// Longest organisation name accepted; longer text is almost certainly pasted by mistake.
const MAX_NAME_CHARS: usize = 200;

/// The screen.
pub fn screen(state: AppState) -> impl IntoView {
    let t = state.t;
    let has_saved = move || state.assessments.with(|a| !a.is_empty());
    view! {
        <h1 tabindex="-1">{t.home_title}</h1>
        <div class="psc-intro">
            <p>{t.home_intro_1}</p>
            <p>{t.home_intro_2}</p>
            <p><strong>{t.home_privacy}</strong></p>
        </div>
        {move || has_saved().then(|| view! { {saved_list(state)} })}
        {new_assessment(state)}
        {your_data(state)}
    }
}

/// The reminder for shared computers, and one control that removes everything this app keeps.
fn your_data(state: AppState) -> impl IntoView {
    let t = state.t;
    let damaged = state.store.unreadable();
    let mut html = Html::new();
    if !damaged.is_empty() {
        html.element("p", &[], &i18n::fill(t.damaged_entries, &[("count", &damaged.len())]));
        html.element("button", &[("type", "button"), ("data-do", DOWNLOAD_DAMAGED)], t.download_damaged);
    }
    html.element("p", &[], t.data_shared_computer).element("button", &[("type", "button"), ("data-do", DELETE_ALL)], t.delete_all);
    // One listener for both buttons: the button says which it is.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let button = clicked(&ev, "[data-do]");
        match button.and_then(|b| b.get_attribute("data-do")).as_deref() {
            Some(DOWNLOAD_DAMAGED) => {
                let file = serde_json::to_string_pretty(&state.store.unreadable()).unwrap_or_default();
                let name = format!("scorecard_damaged-entries_{}.json", clock::date_of(&clock::now_iso()));
                if files::download(&name, &file, files::JSON).is_err() {
                    state.notice.set(Some(Notice::Error(t.export_failed.to_string())));
                }
            }
            Some(DELETE_ALL) if confirmed(t.delete_all_confirm) => state.delete_all(),
            _ => {}
        }
    };
    view! {
        <section aria-labelledby="psc-data-title" class="psc-card" on:click=on_click>
            <h2 id="psc-data-title">{t.data_title}</h2>
            {move || (state.kept.get() == Some(false)).then(|| view! { <p id="psc-may-clear">{t.storage_may_be_cleared}</p> })}
            <div inner_html=html.finish()></div>
        </section>
    }
}

// What a button of the data section does (its `data-do`).
const DOWNLOAD_DAMAGED: &str = "download-damaged";
const DELETE_ALL: &str = "delete-all";

/// What a saved row's button does; its `data-action`, beside `data-id`.
const RESUME: &str = "resume";
const DELETE: &str = "delete";

fn saved_list(state: AppState) -> impl IntoView {
    let t = state.t;
    // One listener for every row's buttons: the button says what to do, and to which assessment.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(button) = clicked(&ev, "button[data-id]") else {
            return;
        };
        let (action, id) = (button.get_attribute("data-action").unwrap_or_default(), button.get_attribute("data-id").unwrap_or_default());
        if action == RESUME {
            state.go(Screen::Answer(id));
        } else if action == DELETE {
            let name = state.with_assessment_untracked(&id, |a| row_name(state, a)).unwrap_or_default();
            if confirmed(&i18n::fill(t.delete_confirm, &[("name", &name)])) {
                state.delete(&id);
            }
        }
    };
    view! {
        <section aria-labelledby="psc-saved-title" class="psc-card">
            <h2 id="psc-saved-title">{t.saved_title}</h2>
            // A short list, redrawn whole when it changes: cheaper to download than keyed diffing.
            <ul class="psc-saved" on:click=on_click inner_html=move || state.assessments.with(|all| saved_rows(state, all))></ul>
        </section>
    }
}

/// How a saved assessment is named: both organisations.
fn row_name(state: AppState, assessment: &Assessment) -> String {
    i18n::fill(
        state.t.saved_row_name,
        &[("organisation", &i18n::isolate(&assessment.own.organisation)), ("partner", &i18n::isolate(&assessment.own.partner_organisation))],
    )
}

/// Each saved assessment: who, which questionnaire, when it was last saved and how far it is,
/// with buttons to resume or delete it (named in full for screen readers).
fn saved_rows(state: AppState, assessments: &[Assessment]) -> String {
    let t = state.t;
    let mut html = Html::new();
    for assessment in assessments {
        let instrument = state.instrument(&assessment.own.instrument.id);
        let title = instrument.as_ref().map_or(assessment.own.instrument.id.as_str(), |i| i.title.as_str());
        let role = instrument.as_ref().map_or_else(|| assessment.own.role.clone(), |i| i.role_label(&assessment.own.role));
        let status = instrument
            .as_ref()
            .map(|i| progress(i, &assessment.own))
            .map(|p| i18n::fill(t.progress_text, &[("answered", &p.answered), ("total", &p.total)]))
            .unwrap_or_default();
        let partner_note = if assessment.partner.is_some() { t.partner_file_loaded_short } else { "" };
        let name = row_name(state, assessment);
        let updated = i18n::fill(t.last_saved, &[("date", &clock::date_of(&assessment.own.updated_at))]);
        html.open("li", &[("class", "psc-saved-row")]).open("div", &[("class", "psc-saved-text")]);
        html.element("strong", &[], &name).element("span", &[], &format!("{role} · {title}"));
        html.element("span", &[], &format!("{updated} · {status} {partner_note}"));
        html.close("div").open("div", &[("class", "psc-saved-actions")]);
        for (action, label) in [(RESUME, t.resume), (DELETE, t.delete)] {
            let class = if action == RESUME { "psc-primary" } else { "psc-secondary" };
            html.open("button", &[("type", "button"), ("class", class), ("data-action", action), ("data-id", &assessment.id)]);
            html.text(label).element("span", &[("class", "psc-visually-hidden")], &format!(" {name}")).close("button");
        }
        html.close("div").close("li");
    }
    html.finish()
}

fn new_assessment(state: AppState) -> impl IntoView {
    let t = state.t;
    let instruments = state.instruments;
    // The host page may name the questionnaire and the role (data-instrument, data-role).
    let preset = state.options.instrument.as_deref().and_then(|id| state.instrument(id));
    let first = preset.or_else(|| instruments.first().cloned());
    let instrument_id = RwSignal::new(first.as_ref().map(|i| i.id.clone()).unwrap_or_default());
    let preset_role = state.options.role.clone().filter(|r| first.as_ref().is_some_and(|i| i.role(r).is_some()));
    let role = RwSignal::new(preset_role.unwrap_or_default());
    let organisation = RwSignal::new(String::new());
    let partner_organisation = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let selected = move || state.instrument(&instrument_id.get());

    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(instrument) = selected() else { return };
        let (org, partner) = (organisation.get(), partner_organisation.get());
        let no_role = instrument.role(&role.get()).is_none();
        let empty = |name: &str| name.trim().is_empty();
        let too_long = |name: &str| name.chars().count() > MAX_NAME_CHARS;
        let bad_name = |name: &str| empty(name) || too_long(name);
        // Each field to fix is marked and tied to the error message, so a screen reader says
        // why when the field is reached (a radio group is described, not marked invalid). Set
        // directly: reactive attributes cost far more download for the same markup.
        let fields = [("#psc-role", no_role, false), ("#psc-org", bad_name(&org), true), ("#psc-partner-org", bad_name(&partner), true)];
        for (selector, bad, can_be_invalid) in fields {
            if let Some(field) = state.element(selector) {
                let _ = if bad { field.set_attribute("aria-describedby", "psc-new-error") } else { field.remove_attribute("aria-describedby") };
                if can_be_invalid {
                    let _ = if bad { field.set_attribute("aria-invalid", "true") } else { field.remove_attribute("aria-invalid") };
                }
            }
        }
        let problem = if no_role {
            Some(t.error_choose_role)
        } else if empty(&org) || empty(&partner) {
            Some(t.error_names_required)
        } else if too_long(&org) || too_long(&partner) {
            Some(t.error_name_too_long)
        } else {
            None
        };
        if let Some(problem) = problem {
            error.set(Some(problem.to_string()));
            state.focus_soon("#psc-new-error");
            return;
        }
        let now = clock::now_iso();
        let responses = Responses::new(&instrument, &role.get(), &org, &partner, &now);
        let assessment = Assessment::new(clock::new_id(), responses);
        let id = assessment.id.clone();
        match state.add(assessment) {
            Ok(()) => state.go(Screen::Answer(id)),
            Err(reason) => state.notice.set(Some(Notice::Error(reason))),
        }
    };

    view! {
        <section aria-labelledby="psc-new-title" class="psc-card">
            <h2 id="psc-new-title">{t.new_title}</h2>
            <form on:submit=start novalidate>
                <div class="psc-field">
                    <label for="psc-instrument">{t.instrument_label}</label>
                    <select
                        id="psc-instrument"
                        on:change=move |ev| {
                            // The roles are the new instrument's: the old choice no longer applies.
                            role.set(String::new());
                            instrument_id.set(event_target_value(&ev));
                        }
                        prop:value=move || instrument_id.get()
                    >
                        {instruments
                            .iter()
                            .map(|i| view! { <option value=i.id.clone()>{i.title.clone()}</option> })
                            .collect_view()}
                    </select>
                    {move || selected().map(|i| view! {
                        <p class="psc-hint">{i.summary.clone()}</p>
                        {credit(i)}
                    })}
                </div>
                <fieldset class="psc-field" id="psc-role">
                    <legend>{t.role_label}</legend>
                    {move || selected().map(|i| {
                        i.roles
                            .iter()
                            .map(|r| {
                                let value = r.id.clone();
                                let this = value.clone();
                                view! {
                                    <label class="psc-choice">
                                        <input
                                            type="radio"
                                            name="psc-role"
                                            prop:checked=move || role.get() == this
                                            value=value
                                            on:change=move |ev| role.set(event_target_value(&ev))
                                        />
                                        <span>{r.label.clone()}</span>
                                    </label>
                                }
                            })
                            .collect_view()
                    })}
                </fieldset>
                <div class="psc-field">
                    <label for="psc-org">{t.organisation_label}</label>
                    <input
                        id="psc-org"
                        type="text"
                        autocomplete="organization"
                        maxlength=MAX_NAME_CHARS.to_string()
                        on:input=move |ev| organisation.set(event_target_value(&ev))
                    />
                </div>
                <div class="psc-field">
                    <label for="psc-partner-org">{t.partner_organisation_label}</label>
                    <input
                        id="psc-partner-org"
                        type="text"
                        maxlength=MAX_NAME_CHARS.to_string()
                        on:input=move |ev| partner_organisation.set(event_target_value(&ev))
                    />
                </div>
                {move || error.get().map(|e| view! {
                    <p id="psc-new-error" class="psc-notice psc-error" role="alert" tabindex="-1">{e}</p>
                })}
                <button type="submit" class="psc-primary">{t.start}</button>
            </form>
        </section>
    }
}
