//! The start screen: what the scorecard is for, the assessments kept here, and a new one.

use leptos::prelude::*;

use super::components::{chosen_file, clicked, confirmed, credit, file_chooser, file_text, value};
use super::html::Html;
use super::results;
use super::{AppState, Notice, Screen};
use crate::adapters::{clock, files};
use crate::domain::joint_file::{into_assessment, read_joint_file};
use crate::domain::responses::MAX_NAME_CHARS;
use crate::domain::ResultFile;
use crate::domain::{progress, Assessment, Instrument, Responses};
use crate::i18n;
use wasm_bindgen::JsCast;

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
        {reopen_joint_session(state)}
        {super::combine::section(state)}
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
    html.element("p", &[], t.data_shared_computer).element(
        "button",
        &[("type", "button"), ("data-do", DELETE_ALL)],
        t.delete_all,
    );
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

/// A joint file chosen: read and checked, then "which partner are you?", then kept as a new
/// assessment and shown as its joint session. A refused file gets the reason beside the file
/// chooser, and nothing stored changes.
fn reopen_joint_session(state: AppState) -> impl IntoView {
    let t = state.t;
    // The file read, until the person says which partner they are.
    let chosen = StoredValue::new(None::<ResultFile>);
    let mut html = Html::new();
    html.element("h2", &[("id", "psc-joint-title")], t.joint_title).element("p", &[], t.joint_intro);
    file_chooser(&mut html, "psc-joint-file", t.joint_label, "psc-joint-error", None);
    html.element("div", &[("id", "psc-joint-which")], "");

    let on_change = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        leptos::task::spawn_local(async move {
            let outcome = file_text(file).await.and_then(|text| read_joint_file(&text, &|id| state.instrument(id)));
            // The person may have left this screen while the file was read: then it is dropped.
            if chosen.is_disposed() {
                return;
            }
            let (message, which) = match outcome {
                Ok((file, instrument)) => {
                    let mut html = Html::new();
                    html.element("p", &[("id", "psc-joint-question"), ("tabindex", "-1")], t.joint_which)
                        .open("div", &[("class", "psc-actions")]);
                    for (side, partner) in
                        [Some(&file.responses), file.partner.as_ref()].into_iter().flatten().enumerate()
                    {
                        let role = instrument.role_label(&partner.role);
                        let label = i18n::fill(
                            t.joint_as,
                            &[("organisation", &i18n::isolate(&partner.organisation)), ("role", &role)],
                        );
                        html.element("button", &[("type", "button"), ("data-side", &side.to_string())], &label);
                    }
                    html.close("div");
                    chosen.set_value(Some(file));
                    (String::new(), html.finish())
                }
                Err(e) => {
                    chosen.set_value(None);
                    (results::import_message(t, &e, None, true), String::new())
                }
            };
            if let (Some(slot), Some(choice)) = (state.element("#psc-joint-error"), state.element("#psc-joint-which")) {
                slot.set_text_content(Some(&message));
                choice.set_inner_html(&which);
            }
            state.focus_soon(if message.is_empty() { "#psc-joint-question" } else { "#psc-joint-error" });
        });
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let side = clicked(&ev, "[data-side]").and_then(|b| b.get_attribute("data-side")).and_then(|s| s.parse().ok());
        let Some(assessment) =
            side.and_then(|side| chosen.get_value().and_then(|file| into_assessment(file, clock::new_id(), side)))
        else {
            return;
        };
        let (id, date) = (assessment.id.clone(), assessment.round_date());
        match state.add(assessment) {
            Ok(()) => {
                state.go(Screen::Session(id));
                state.notice.set(Some(Notice::Info(i18n::fill(t.joint_opened, &[("date", &date)]))));
            }
            Err(reason) => state.notice.set(Some(Notice::Error(reason))),
        }
    };
    view! { <section aria-labelledby="psc-joint-title" class="psc-card" on:change=on_change on:click=on_click inner_html=html.finish()></section> }
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
        let (action, id) = (
            button.get_attribute("data-action").unwrap_or_default(),
            button.get_attribute("data-id").unwrap_or_default(),
        );
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
        &[
            ("organisation", &i18n::isolate(&assessment.own.organisation)),
            ("partner", &i18n::isolate(&assessment.own.partner_organisation)),
        ],
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
        let role =
            instrument.as_ref().map_or_else(|| assessment.own.role.clone(), |i| i.role_label(&assessment.own.role));
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
            html.open(
                "button",
                &[("type", "button"), ("class", class), ("data-action", action), ("data-id", &assessment.id)],
            );
            html.text(label).element("span", &[("class", "psc-visually-hidden")], &format!(" {name}")).close("button");
        }
        html.close("div").close("li");
    }
    html.finish()
}

fn new_assessment(state: AppState) -> impl IntoView {
    let t = state.t;
    // The host page may name the questionnaire and the role (data-instrument, data-role).
    let preset = state.options.instrument.as_deref().and_then(|id| state.instrument(id));
    let first = preset.or_else(|| state.instruments.first().cloned());
    let preset_role = state.options.role.as_deref().unwrap_or_default();
    let mut html = Html::new();
    html.element("h2", &[("id", "psc-new-title")], t.new_title).open("form", &[("novalidate", "")]);
    html.open("div", &[("class", "psc-field")]).element("label", &[("for", "psc-instrument")], t.instrument_label);
    html.open("select", &[("id", "psc-instrument")]);
    for i in state.instruments {
        let mut option = vec![("value", i.id.as_str())];
        if first.as_ref().is_some_and(|f| f.id == i.id) {
            option.push(("selected", ""));
        }
        html.element("option", &option, &i.title);
    }
    html.close("select").open("div", &[("id", ABOUT)]);
    if let Some(first) = &first {
        about(&mut html, first);
    }
    html.close("div").close("div").open("fieldset", &[("class", "psc-field"), ("id", "psc-role")]).element(
        "legend",
        &[],
        t.role_label,
    );
    html.open("div", &[("id", ROLES)]);
    if let Some(first) = &first {
        roles(&mut html, first, preset_role);
    }
    html.close("div").close("fieldset");
    let max = MAX_NAME_CHARS.to_string();
    for (id, label, autocomplete) in
        [("psc-org", t.organisation_label, "organization"), ("psc-partner-org", t.partner_organisation_label, "off")]
    {
        html.open("div", &[("class", "psc-field")]).element("label", &[("for", id)], label);
        html.open("input", &[("id", id), ("type", "text"), ("autocomplete", autocomplete), ("maxlength", &max)])
            .close("div");
    }
    // Optional, and given only by someone who agrees to be named (see domain::respondents).
    html.open("div", &[("class", "psc-field")]).element("label", &[("for", RESPONDENT)], t.respondent_label);
    html.element("p", &[("id", "psc-respondent-hint"), ("class", "psc-hint")], t.respondent_hint);
    html.open(
        "input",
        &[
            ("id", RESPONDENT),
            ("type", "text"),
            ("autocomplete", "name"),
            ("maxlength", &max),
            ("aria-describedby", "psc-respondent-hint"),
        ],
    )
    .close("div");
    html.element(
        "p",
        &[("id", "psc-new-error"), ("class", "psc-error-slot"), ("role", "alert"), ("tabindex", "-1")],
        "",
    );
    html.element("button", &[("type", "submit"), ("class", "psc-primary")], t.start).close("form");

    // Another questionnaire: its description and its roles (the old choice no longer applies).
    let on_change = move |ev: leptos::ev::Event| {
        let chosen =
            ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).filter(|e| e.id() == "psc-instrument");
        if let Some(instrument) = chosen.and_then(|_| state.instrument(&value(state, "#psc-instrument"))) {
            for (selector, write) in [
                (ABOUT_SELECTOR, about as fn(&mut Html, &Instrument)),
                (ROLES_SELECTOR, |h: &mut Html, i: &Instrument| roles(h, i, "")),
            ] {
                let mut html = Html::new();
                write(&mut html, &instrument);
                if let Some(part) = state.element(selector) {
                    part.set_inner_html(&html.finish());
                }
            }
        }
    };
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(instrument) = state.instrument(&value(state, "#psc-instrument")) else { return };
        let role = value(state, "[name=psc-role]:checked");
        let (org, partner, respondent) =
            (value(state, "#psc-org"), value(state, "#psc-partner-org"), value(state, "#psc-respondent"));
        let no_role = instrument.role(&role).is_none();
        let empty = |name: &str| name.trim().is_empty();
        let too_long = |name: &str| name.chars().count() > MAX_NAME_CHARS;
        let bad_name = |name: &str| empty(name) || too_long(name);
        // Each field to fix is marked and tied to the error message, so a screen reader says
        // why when the field is reached (a radio group is described, not marked invalid).
        // The name's hint stays in its description.
        let fields = [
            ("#psc-role", no_role, false, ""),
            ("#psc-org", bad_name(&org), true, ""),
            ("#psc-partner-org", bad_name(&partner), true, ""),
            ("#psc-respondent", too_long(&respondent), true, "psc-respondent-hint"),
        ];
        for (selector, bad, can_be_invalid, hint) in fields {
            if let Some(field) = state.element(selector) {
                let described = if bad { format!("psc-new-error {hint}") } else { hint.to_string() };
                let _ = if described.is_empty() {
                    field.remove_attribute("aria-describedby")
                } else {
                    field.set_attribute("aria-describedby", described.trim())
                };
                if can_be_invalid {
                    let _ = if bad {
                        field.set_attribute("aria-invalid", "true")
                    } else {
                        field.remove_attribute("aria-invalid")
                    };
                }
            }
        }
        let problem = if no_role {
            Some(t.error_choose_role)
        } else if empty(&org) || empty(&partner) {
            Some(t.error_names_required)
        } else if too_long(&org) || too_long(&partner) || too_long(&respondent) {
            Some(t.error_name_too_long)
        } else {
            None
        };
        if let Some(problem) = problem {
            if let Some(slot) = state.element("#psc-new-error") {
                slot.set_text_content(Some(problem));
            }
            state.focus_soon("#psc-new-error");
            return;
        }
        let now = clock::now_iso();
        let mut responses = Responses::new(&instrument, &role, &org, &partner, &now);
        responses.respondent = respondent.trim().to_string();
        let assessment = Assessment::new(clock::new_id(), responses);
        let id = assessment.id.clone();
        match state.add(assessment) {
            Ok(()) => state.go(Screen::Answer(id)),
            Err(reason) => state.notice.set(Some(Notice::Error(reason))),
        }
    };
    view! { <section aria-labelledby="psc-new-title" class="psc-card" on:change=on_change on:submit=start inner_html=html.finish()></section> }
}

// The parts of the form that follow the questionnaire chosen.
const ABOUT: &str = "psc-instrument-about";
const ABOUT_SELECTOR: &str = "#psc-instrument-about";
const ROLES: &str = "psc-roles";
const ROLES_SELECTOR: &str = "#psc-roles";
const RESPONDENT: &str = "psc-respondent";

/// What a questionnaire is, and whose it is.
fn about(html: &mut Html, instrument: &Instrument) {
    html.element("p", &[("class", "psc-hint")], &instrument.summary);
    credit(html, instrument);
}

/// A radio button for each role of the questionnaire; `chosen` is checked.
fn roles(html: &mut Html, instrument: &Instrument, chosen: &str) {
    for r in &instrument.roles {
        let mut radio = vec![("type", "radio"), ("name", "psc-role"), ("value", r.id.as_str())];
        if r.id == chosen {
            radio.push(("checked", ""));
        }
        html.open("label", &[("class", "psc-choice")])
            .open("input", &radio)
            .element("span", &[], &r.label)
            .close("label");
    }
}
