//! A new assessment: the questionnaire (built in, the host page's own, or a file of one's own),
//! which partner one answers for, the organisations' names and, for one who agrees to be named,
//! one's own.

use leptos::prelude::*;
use std::rc::Rc;

use crate::adapters::clock;
use crate::domain::library;
use crate::domain::responses::{check_name, NameProblem, MAX_NAME_CHARS};
use crate::domain::{Assessment, Instrument, Responses};
use crate::i18n;
use crate::ui::actions::{actions, asked, Action};
use crate::ui::ids;
use crate::ui::library::{CustomProblem, Load, LoadProblem};
use crate::ui::markup::{html, Markup};
use crate::ui::parts::chooser::{file_chooser, Chooser, Read};
use crate::ui::parts::credit;
use crate::ui::parts::dom::value;
use crate::ui::parts::notices::error_slot;
use crate::ui::state::{AppState, Notice, Screen};
use crate::ui::words::content_problem_message;

actions! {
    /// What the form's own buttons do.
    Start { Retry = "retry" }
}

/// Which of the form's fields is to be fixed, so each is marked and described by the message.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Faults {
    role: bool,
    organisation: bool,
    partner: bool,
    respondent: bool,
}

pub fn section(state: AppState) -> impl IntoView {
    let t = state.t();
    // The host page may name the questionnaire (a built-in id, or the address of its own) and the
    // role (data-instrument, data-role); otherwise the first of the index is offered.
    let chosen = RwSignal::new(state.options.instrument.clone().unwrap_or_default());
    let preset_role = state.options.role.clone().unwrap_or_default();
    let message = RwSignal::new(String::new());
    let faults = RwSignal::new(Faults::default());
    let custom_error = RwSignal::new(String::new());
    follow_choice(state, chosen);
    let (options, about, roles) = (options(state, chosen), about(state, chosen), roles(state, chosen, preset_role));

    let on_change = move |ev: leptos::ev::Event| {
        if ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|e| e.id() == ids::INSTRUMENT)
        {
            chosen.set(value(state.widget, &ids::selector(ids::INSTRUMENT)));
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some((Start::Retry, _, _)) = asked::<Start>(&ev) {
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
    // A field to fix is marked and tied to the message, so a screen reader says why when the
    // field is reached (a radio group is described, not marked invalid); the name's hint stays
    // in its description.
    let described = move |bad: fn(Faults) -> bool, hint: &'static str| {
        move || {
            let mut ids = if bad(faults.get()) { ids::NEW_ERROR.to_string() } else { String::new() };
            if !hint.is_empty() {
                ids = format!("{ids} {hint}").trim().to_string();
            }
            (!ids.is_empty()).then_some(ids)
        }
    };
    let invalid = move |bad: fn(Faults) -> bool| move || bad(faults.get()).then_some("true");
    let max = MAX_NAME_CHARS.to_string();
    let custom = Chooser { unlocks: false, ..Chooser::one(ids::CUSTOM_FILE, ids::CUSTOM_ERROR, t.custom_label) };
    let read_custom = read_custom(state, chosen, custom_error);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        start(state, faults, message);
    };
    view! {
        <section aria-labelledby=ids::NEW_TITLE class="psc-card" on:change=on_change on:click=on_click on:submit=start>
            <h2 id=ids::NEW_TITLE>{t.new_title}</h2>
            <form novalidate>
                <div class="psc-field">
                    <label for=ids::INSTRUMENT>{t.instrument_label}</label>
                    <select id=ids::INSTRUMENT inner_html=move || options.try_get().unwrap_or_default()></select>
                    <div id=ids::INSTRUMENT_ABOUT inner_html=move || about.try_get().unwrap_or_default()></div>
                </div>
                <details class="psc-own-instrument" prop:open=move || custom_error.with(|e| !e.is_empty())>
                    <summary>{t.custom_title}</summary>
                    <p class="psc-hint">{t.custom_intro}</p>
                    {file_chooser(state, custom, custom_error, read_custom)}
                </details>
                <fieldset class="psc-field" id=ids::ROLE aria-describedby=described(|f| f.role, "")>
                    <legend>{t.role_label}</legend>
                    <div id=ids::ROLES inner_html=move || roles.try_get().unwrap_or_default()></div>
                </fieldset>
                <div class="psc-field">
                    <label for=ids::ORGANISATION>{t.organisation_label}</label>
                    <input id=ids::ORGANISATION type="text" autocomplete="organization" maxlength=max.clone()
                        aria-invalid=invalid(|f| f.organisation) aria-describedby=described(|f| f.organisation, "") />
                </div>
                <div class="psc-field">
                    <label for=ids::PARTNER_ORGANISATION>{t.partner_organisation_label}</label>
                    <input id=ids::PARTNER_ORGANISATION type="text" autocomplete="off" maxlength=max.clone()
                        aria-invalid=invalid(|f| f.partner) aria-describedby=described(|f| f.partner, "") />
                </div>
                // Optional, and given only by someone who agrees to be named (domain::respondents).
                <div class="psc-field">
                    <label for=ids::RESPONDENT>{t.respondent_label}</label>
                    <p id=ids::RESPONDENT_HINT class="psc-hint">{t.respondent_hint}</p>
                    <input id=ids::RESPONDENT type="text" autocomplete="name" maxlength=max
                        aria-invalid=invalid(|f| f.respondent) aria-describedby=described(|f| f.respondent, ids::RESPONDENT_HINT) />
                </div>
                {error_slot(ids::NEW_ERROR.to_string(), message)}
                <button type="submit" class="psc-primary">{t.start}</button>
            </form>
        </section>
    }
}

/// Which questionnaire is offered: the host page's own once it is here, or else the first of the
/// index once that is here (unless one is chosen already); the chosen one fetched at once.
fn follow_choice(state: AppState, chosen: RwSignal<String>) {
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
    // The chosen built-in questionnaire is fetched as soon as it is chosen.
    Effect::new(move |_| state.fetch(&chosen.get()));
}

/// The questionnaires to choose from, the chosen one selected: written when either changes, and
/// only then (not at every questionnaire fetched in the background, say).
fn options(state: AppState, chosen: RwSignal<String>) -> Memo<String> {
    Memo::new(move |_| {
        let chosen = chosen.get();
        state.library.with(|l| {
            let built_in: Vec<(&String, &String)> = match &l.index {
                Load::Ready(index) => index.instruments.iter().map(|e| (&e.id, &e.title)).collect(),
                _ => Vec::new(),
            };
            let custom = l.instruments.iter().filter(|i| !library::is_built_in(&i.id)).map(|i| (&i.id, &i.title));
            html! { @for (id, title) in built_in.into_iter().chain(custom) { option value=(id) selected[*id == chosen] { (title) } } }
                .into_string()
        })
    })
}

/// What the chosen questionnaire is; while it is fetched, a note; if that failed, why, and a
/// button to try again.
fn about(state: AppState, chosen: RwSignal<String>) -> Memo<String> {
    let t = state.t();
    Memo::new(move |_| {
        let id = chosen.get();
        let status = state.library.with(|l| match (&l.index, id.is_empty()) {
            (Load::Failed(problem), true) => Load::Failed(problem.clone()),
            (_, true) => Load::Loading,
            _ => l.fetch_state(&id).unwrap_or_default(),
        });
        match status {
            Load::Ready(()) => state.instrument(&id).map(|i| describe(&i)).unwrap_or_default(),
            Load::Loading => html! { p.psc-hint role="status" { (t.loading_instrument) } },
            Load::Failed(problem) => html! {
                p.psc-error-slot role="alert" { (crate::ui::library::load_message(t, &problem)) }
                button type="button" data-do=(Start::Retry.attr()) { (t.retry) }
            },
        }
        .into_string()
    })
}

/// The chosen questionnaire's roles, once it is here. Written again when its words change (its
/// translation arrives): the role a person ticked stays ticked.
fn roles(state: AppState, chosen: RwSignal<String>, preset_role: String) -> Memo<String> {
    Memo::new(move |_| {
        let instrument = state.instrument(&chosen.get());
        let ticked = value(state.widget, &format!("[name={}]:checked", ids::ROLE_NAME));
        let ticked = if ticked.is_empty() { preset_role.clone() } else { ticked };
        html! {
            @for role in instrument.iter().flat_map(|i| i.roles.iter()) {
                label.psc-choice {
                    input type="radio" name=(ids::ROLE_NAME) value=(role.id) checked[role.id == ticked];
                    span { (role.label) }
                }
            }
        }
        .into_string()
    })
}

// A questionnaire file of one's own chosen: checked and kept, then chosen; or the list of what
/// is wrong with it, beside the chooser, with nothing stored changed.
fn read_custom(state: AppState, chosen: RwSignal<String>, custom_error: RwSignal<String>) -> Read {
    let t = state.t();
    Rc::new(move |files: Vec<(String, String)>| {
        let Some((_, text)) = files.into_iter().next() else { return };
        match state.add_custom(&text) {
            Ok(instrument) => {
                custom_error.set(String::new());
                chosen.set(instrument.id.clone());
                state.notice.set(Some(Notice::Info(i18n::fill(t.custom_added, &[("title", &instrument.title)]))));
                state.focus_soon(ids::selector(ids::INSTRUMENT));
            }
            Err(problem) => {
                custom_error.set(match problem {
                    CustomProblem::Content(p) => content_problem_message(t, &p),
                    CustomProblem::Storage(reason) => reason,
                });
                state.focus_soon(ids::selector(ids::CUSTOM_ERROR));
            }
        }
    })
}

/// The form sent: each field checked (each to fix marked, one message saying why), then the
/// assessment kept and its first question shown.
fn start(state: AppState, faults: RwSignal<Faults>, message: RwSignal<String>) {
    let t = state.t();
    let field = |id: &str| value(state.widget, &ids::selector(id));
    let Some(instrument) = state.instrument(&field(ids::INSTRUMENT)) else { return };
    let role = value(state.widget, &format!("[name={}]:checked", ids::ROLE_NAME));
    let (org, partner, respondent) =
        (field(ids::ORGANISATION), field(ids::PARTNER_ORGANISATION), field(ids::RESPONDENT));
    let names = [check_name(&org, true), check_name(&partner, true), check_name(&respondent, false)];
    let found = Faults {
        role: instrument.role(&role).is_none(),
        organisation: names[0].is_err(),
        partner: names[1].is_err(),
        respondent: names[2].is_err(),
    };
    faults.set(found);
    let problem = if found.role {
        Some(t.error_choose_role.to_string())
    } else if names.contains(&Err(NameProblem::Empty)) {
        Some(t.error_names_required.to_string())
    } else if names.contains(&Err(NameProblem::TooLong)) {
        Some(i18n::fill(t.error_name_too_long, &[("max", &MAX_NAME_CHARS)]))
    } else {
        None
    };
    if let Some(problem) = problem {
        message.set(problem);
        state.focus_soon(ids::selector(ids::NEW_ERROR));
        return;
    }
    message.set(String::new());
    let now = clock::now_iso();
    let mut responses = Responses::new(&instrument, &role, &org, &partner, &now);
    responses.respondent = respondent.trim().to_string();
    responses.language = Some(state.t().lang.to_string());
    let assessment = Assessment::new(clock::new_id(), responses);
    let id = assessment.id.clone();
    match state.add(assessment, &instrument) {
        Ok(()) => state.go(Screen::Answer(id)),
        Err(reason) => state.notice.set(Some(Notice::Error(reason))),
    }
}

/// What a questionnaire is, and whose it is.
fn describe(instrument: &Instrument) -> Markup {
    html! { p.psc-hint { (instrument.summary) } (credit(instrument)) }
}

impl From<LoadProblem> for Load<()> {
    fn from(problem: LoadProblem) -> Self {
        Load::Failed(problem)
    }
}
