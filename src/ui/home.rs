//! The start screen: what the scorecard is for, the assessments kept here, and a new one.

use leptos::prelude::*;

use super::components::{
    chosen_file, clicked, confirmed, content_problem_message, credit, fetch_instrument_of, file_chooser, file_text,
    load_message, value,
};
use super::html::Html;
use super::library::{CustomProblem, Load, LoadProblem};
use super::results;
use super::{AppState, Notice, Screen};
use crate::adapters::{clock, content, files};
use crate::domain::joint_file::{into_assessment, read_joint_file};
use crate::domain::library;
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
            let outcome = match file_text(file).await {
                Ok(text) => {
                    fetch_instrument_of(state, &text).await;
                    read_joint_file(&text, &|id| state.instrument(id))
                }
                Err(e) => Err(e),
            };
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
        let Some(instrument) = state.instrument(&assessment.own.instrument.id) else { return };
        match state.add(assessment, &instrument) {
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
    // The host page may name the questionnaire (a built-in id, or the address of its own) and the
    // role (data-instrument, data-role); otherwise the first of the index is offered.
    let chosen = RwSignal::new(state.options.instrument.clone().unwrap_or_default());
    let preset_role = state.options.role.clone().unwrap_or_default();
    // The host page's own questionnaire (an address), once it is here: chosen by its id.
    Effect::new(move |_| {
        if let Some(Load::Ready(id)) = state.library.with(|l| l.hosted.clone()) {
            if state.options.hosted().is_some_and(|url| chosen.with_untracked(|c| c == url)) {
                chosen.set(id);
            }
        }
    });
    // Once the index is here, the first of it, unless something is chosen already.
    Effect::new(move |_| {
        let first = state.library.with(|l| match &l.index {
            Load::Ready(index) => index.instruments.first().map(|e| e.id.clone()),
            _ => None,
        });
        if let Some(first) = first.filter(|_| chosen.with_untracked(String::is_empty)) {
            chosen.set(first);
        }
    });
    // The chosen built-in instrument is fetched as soon as it is chosen.
    Effect::new(move |_| state.fetch(&chosen.get()));

    // Each part is written as HTML when what it shows changes, and only then (not at every
    // instrument fetched in the background, say).
    // The questionnaires offered: the index's, then custom ones kept here.
    let options = Memo::new(move |_| {
        let chosen = chosen.get();
        state.library.with(|l| {
            let built_in = match &l.index {
                Load::Ready(index) => index.instruments.iter().map(|e| (&e.id, &e.title)).collect(),
                _ => Vec::new(),
            };
            let custom = l.instruments.iter().filter(|i| !library::is_built_in(&i.id)).map(|i| (&i.id, &i.title));
            let mut html = Html::new();
            for (id, title) in built_in.into_iter().chain(custom) {
                let mut option = vec![("value", id.as_str())];
                if *id == chosen {
                    option.push(("selected", ""));
                }
                html.element("option", &option, title);
            }
            html.finish()
        })
    });
    // What the chosen questionnaire is; while it is fetched, a note; if that failed, why, and a
    // button to try again.
    let about_part = Memo::new(move |_| {
        let id = chosen.get();
        let mut html = Html::new();
        let status = state.library.with(|l| match (&l.index, id.is_empty()) {
            (Load::Failed(problem), true) => Load::Failed(problem.clone()),
            (_, true) => Load::Loading,
            _ => l.fetch_state(&id).unwrap_or_default(),
        });
        match status {
            Load::Ready(()) => {
                if let Some(instrument) = state.instrument(&id) {
                    about(&mut html, &instrument);
                }
            }
            Load::Loading => {
                html.element("p", &[("class", "psc-hint"), ("role", "status")], t.loading_instrument);
            }
            Load::Failed(problem) => {
                html.element("p", &[("class", "psc-error-slot"), ("role", "alert")], &load_message(t, &problem));
                html.element("button", &[("type", "button"), ("data-do", RETRY)], t.retry);
            }
        }
        html.finish()
    });
    // Its roles, once it is here.
    let roles_part = Memo::new(move |_| {
        let mut html = Html::new();
        if let Some(instrument) = state.instrument(&chosen.get()) {
            roles(&mut html, &instrument, &preset_role);
        }
        html.finish()
    });

    let mut names = Html::new();
    let max = MAX_NAME_CHARS.to_string();
    for (id, label, autocomplete) in
        [("psc-org", t.organisation_label, "organization"), ("psc-partner-org", t.partner_organisation_label, "off")]
    {
        names.open("div", &[("class", "psc-field")]).element("label", &[("for", id)], label);
        names
            .open("input", &[("id", id), ("type", "text"), ("autocomplete", autocomplete), ("maxlength", &max)])
            .close("div");
    }
    // Optional, and given only by someone who agrees to be named (see domain::respondents).
    names.open("div", &[("class", "psc-field")]).element("label", &[("for", RESPONDENT)], t.respondent_label);
    names.element("p", &[("id", "psc-respondent-hint"), ("class", "psc-hint")], t.respondent_hint);
    names
        .open(
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
    let mut own = Html::new();
    own.open("details", &[("class", "psc-own-instrument")]).element("summary", &[], t.custom_title);
    own.element("p", &[("class", "psc-hint")], t.custom_intro);
    file_chooser(&mut own, CUSTOM_FILE, t.custom_label, "psc-custom-error", None);
    own.close("details");

    // Another questionnaire chosen, or a file of one's own.
    let on_change = move |ev: leptos::ev::Event| {
        let Some(field) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        if field.id() == "psc-instrument" {
            chosen.set(value(state, "#psc-instrument"));
        } else if field.id() == CUSTOM_FILE {
            load_custom_file(state, chosen, &ev);
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if clicked(&ev, &format!("[data-do={RETRY}]")).is_some() {
            let chosen = chosen.get_untracked();
            if state.library.with_untracked(|l| matches!(l.index, Load::Failed(_))) {
                state.load_index();
            } else if state.options.hosted() == Some(chosen.as_str()) {
                state.load_hosted();
            } else {
                state.fetch(&chosen);
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
        match state.add(assessment, &instrument) {
            Ok(()) => state.go(Screen::Answer(id)),
            Err(reason) => state.notice.set(Some(Notice::Error(reason))),
        }
    };
    view! {
        <section aria-labelledby="psc-new-title" class="psc-card" on:change=on_change on:click=on_click on:submit=start>
            <h2 id="psc-new-title">{t.new_title}</h2>
            <form novalidate>
                <div class="psc-field">
                    <label for="psc-instrument">{t.instrument_label}</label>
                    <select id="psc-instrument" inner_html=move || options.get()></select>
                    <div id=ABOUT inner_html=move || about_part.get()></div>
                </div>
                <div inner_html=own.finish()></div>
                <fieldset class="psc-field" id="psc-role">
                    <legend>{t.role_label}</legend>
                    <div id=ROLES inner_html=move || roles_part.get()></div>
                </fieldset>
                <div inner_html=names.finish()></div>
                <p id="psc-new-error" class="psc-error-slot" role="alert" tabindex="-1"></p>
                <button type="submit" class="psc-primary">{t.start}</button>
            </form>
        </section>
    }
}

// The parts of the form that follow the questionnaire chosen.
const ABOUT: &str = "psc-instrument-about";
const ROLES: &str = "psc-roles";
/// The chooser of a questionnaire file of one's own.
const CUSTOM_FILE: &str = "psc-custom-file";
/// What the button trying a failed fetch again does (its `data-do`).
const RETRY: &str = "retry";

/// A questionnaire file of one's own chosen: read, checked and kept, then chosen; or the list of
/// what is wrong with it, beside the chooser, with nothing stored changed.
fn load_custom_file(state: AppState, chosen: RwSignal<String>, ev: &leptos::ev::Event) {
    let t = state.t;
    let Some(file) = chosen_file(ev) else { return };
    leptos::task::spawn_local(async move {
        let outcome = match files::read_text(&file, content::MAX_CONTENT_BYTES).await {
            Ok(text) => state.add_custom(&text).map_err(|p| match p {
                CustomProblem::Content(p) => content_problem_message(t, &p),
                CustomProblem::Storage(reason) => reason,
            }),
            Err(files::ReadError::TooLarge { .. }) => Err(load_message(t, &LoadProblem::TooLarge)),
            Err(files::ReadError::Unreadable) => Err(t.import_not_json.to_string()),
        };
        // The person may have left this screen while the file was read: then it is dropped
        // from view (it is kept, if it was sound, and offered next time).
        if !state.shows(&Screen::Home) {
            return;
        }
        let message = match outcome {
            Ok(instrument) => {
                chosen.set(instrument.id.clone());
                state.notice.set(Some(Notice::Info(i18n::fill(t.custom_added, &[("title", &instrument.title)]))));
                String::new()
            }
            Err(message) => message,
        };
        if let Some(slot) = state.element("#psc-custom-error") {
            slot.set_text_content(Some(&message));
        }
        state.focus_soon(if message.is_empty() { "#psc-instrument" } else { "#psc-custom-error" });
    });
}
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
