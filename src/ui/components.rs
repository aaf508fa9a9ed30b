//! Small pieces shared by the screens.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::html::Html;
use super::{AppState, LoadProblem, Notice, SaveStatus, Screen};
use crate::adapters::files;
use crate::domain::instrument::{Kind, Problem};
use crate::domain::library::ContentProblem;
use crate::domain::result_file::{ImportError, MAX_FILE_BYTES};
use crate::domain::{result_file, spreadsheet, Assessment, Instrument, SourceRef, Tenths};
use crate::i18n;
use crate::i18n::Strings;

/// The element a click landed in (or on) that `selector` finds: how the listeners on HTML
/// written by [`super::html`] tell which button was pressed.
pub fn clicked(ev: &leptos::ev::MouseEvent, selector: &str) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest(selector).ok().flatten()
}

/// The shadow root of widget number `widget`, which holds all its elements.
pub fn shadow_root(widget: u32) -> Option<web_sys::ShadowRoot> {
    let host = format!("[{}=\"{widget}\"]", super::WIDGET_ATTRIBUTE);
    document().query_selector(&host).ok().flatten()?.shadow_root()
}

/// The element `selector` finds inside widget number `widget`.
pub fn find(widget: u32, selector: &str) -> Option<web_sys::Element> {
    shadow_root(widget)?.query_selector(selector).ok().flatten()
}

/// Moves keyboard focus, once the page has been drawn, to the element `selector` finds inside
/// widget number `widget`; see [`AppState::focus_soon`].
pub fn focus_soon(widget: u32, selector: &'static str) {
    request_animation_frame(move || {
        if let Some(target) = find(widget, selector).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = target.focus();
        }
    });
}

/// A dimension's score as shown everywhere: one decimal, or "not rated".
pub fn score_text(t: &Strings, mean: Option<Tenths>) -> String {
    mean.map(|m| m.to_string()).unwrap_or_else(|| t.not_rated.to_string())
}

/// A dimension's title, or its short title for a chart axis.
pub fn dimension_title(instrument: &Instrument, id: &str, short: bool) -> String {
    instrument.dimension(id).map(|d| if short { d.short_title.clone() } else { d.title.clone() }).unwrap_or_default()
}

/// What a score or a gap is of: a dimension, or the statements of a dimension about one side
/// (`key` as [`crate::domain::DimensionScore::key`] gives it); short for a chart axis.
pub fn group_title(t: &Strings, instrument: &Instrument, (id, about): (&str, Option<&str>), short: bool) -> String {
    let title = dimension_title(instrument, id, short);
    match about {
        Some(side) => {
            let template = if short { t.group_about_short } else { t.group_about };
            i18n::fill(template, &[("dimension", &title), ("side", &instrument.role_label(side))])
        }
        None => title,
    }
}

/// A chart's scale: its points by number, or for a checklist by the scale's words.
pub fn tick_names(instrument: &Instrument) -> Vec<String> {
    match instrument.kind {
        Kind::Checklist => instrument.scale.labels.clone(),
        Kind::Scorecard => instrument.scale.points().map(|p| p.to_string()).collect(),
    }
}

/// A choice of the scale as read beside its radio button: "4 – Agree", or for a checklist the
/// word alone ("Partly").
pub fn choice_label(instrument: &Instrument, point: u8) -> String {
    let label = instrument.scale.label(point).unwrap_or_default();
    match instrument.kind {
        Kind::Checklist => label.to_string(),
        Kind::Scorecard => format!("{point} – {label}"),
    }
}

/// Where a dimension only one side answers, who: "Answered by the … only".
pub fn answered_only_by(t: &Strings, instrument: &Instrument, dimension_id: &str) -> Option<String> {
    let dimension = instrument.dimension(dimension_id)?;
    let only = instrument.roles.iter().filter(|r| dimension.answered_by(&r.id)).collect::<Vec<_>>();
    (only.len() == 1).then(|| i18n::fill(t.answered_only_by, &[("role", &only[0].label)]))
}

/// The source's words a part rests on, shown as a quotation with where it is from; the summary
/// where there is no quotation (a custom questionnaire may have none).
pub fn source_words(html: &mut Html, t: &Strings, summary: &str, source: &SourceRef) {
    match &source.quote {
        Some(quote) => {
            html.open("blockquote", &[("class", "psc-quote")]).element("p", &[], quote).close("blockquote");
            let cite = i18n::fill(t.source_cite, &[("section", &source.section)]);
            html.element("p", &[("class", "psc-cite")], &cite);
        }
        None => {
            html.element("p", &[], summary);
        }
    }
}

/// Asks before something is deleted for good. The browser's own dialog: focus, keyboard and
/// screen readers all work without any code of ours.
pub fn confirmed(question: &str) -> bool {
    window().confirm_with_message(question).unwrap_or(false)
}

/// The latest message: errors are announced at once, confirmations politely. Both regions are
/// always in the page, as screen readers only announce changes to regions they already know.
pub fn notice_area(state: AppState) -> impl IntoView {
    let error = move || match state.notice.get() {
        Some(Notice::Error(text)) => text,
        _ => String::new(),
    };
    let info = move || match state.notice.get() {
        Some(Notice::Info(text)) => text,
        _ => String::new(),
    };
    view! {
        <div class="psc-notices">
            <p role="alert" class="psc-notice psc-error">{error}</p>
            <p role="status" class="psc-notice psc-info">{info}</p>
        </div>
    }
}

/// Who is answering, and the steps of an assessment.
pub fn assessment_header(
    state: AppState,
    assessment: Assessment,
    instrument: std::sync::Arc<Instrument>,
) -> impl IntoView {
    let t = state.t;
    let id = assessment.id.clone();
    let role = instrument.role_label(&assessment.own.role);
    let who = i18n::fill(
        t.answering_for,
        &[
            ("organisation", &i18n::isolate(&assessment.own.organisation)),
            ("role", &role),
            ("partner", &i18n::isolate(&assessment.own.partner_organisation)),
        ],
    );
    let steps = [
        (t.step_answer, Screen::Answer(id.clone())),
        (t.step_results, Screen::Results(id.clone())),
        (t.step_compare, Screen::Compare(id.clone())),
        (t.step_session, Screen::Session(id.clone())),
        (t.all_assessments, Screen::Home),
    ];
    let mut html = Html::new();
    html.element("p", &[("class", "psc-who")], &who);
    html.open("nav", &[("aria-label", t.steps_label)]).open("ol", &[("class", "psc-steps")]);
    let shown = state.screen.with_untracked(std::mem::discriminant);
    for (n, (label, target)) in steps.iter().enumerate() {
        let number = n.to_string();
        let class = if matches!(target, Screen::Home) { "psc-step psc-step-home" } else { "psc-step" };
        let mut button = vec![("type", "button"), ("class", class), ("data-step", number.as_str())];
        if std::mem::discriminant(target) == shown {
            button.push(("aria-current", "step"));
        }
        html.open("li", &[]).open("button", &button).text(label).close("button").close("li");
    }
    html.close("ol").close("nav");
    // One listener for the steps: the button says which.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let button = clicked(&ev, "[data-step]");
        let step = button.and_then(|b| b.get_attribute("data-step")).and_then(|n| n.parse::<usize>().ok());
        if let Some((_, target)) = step.and_then(|n| steps.get(n)) {
            state.go(target.clone());
        }
    };
    view! { <div class="psc-assessment-header" on:click=on_click inner_html=html.finish()></div> }
}

/// Says whether the last change was saved; read out politely by screen readers.
pub fn save_indicator(state: AppState) -> impl IntoView {
    let t = state.t;
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

/// The source credit every screen that shows an instrument carries.
pub fn credit(html: &mut Html, instrument: &Instrument) {
    html.open("p", &[("class", "psc-credit")]).element("span", &[("class", "psc-publisher")], &instrument.publisher);
    html.text(". ").text(&instrument.credit).close("p");
}

/// A chooser for this app's files (JSON) with its label, then the slot where a refusal is said
/// (an alert, read out at once, and focusable, to move focus to it); `flag` is an attribute
/// without a value (`multiple`, `disabled`), if any.
pub fn file_chooser(html: &mut Html, id: &str, label: &str, error: &str, flag: Option<&'static str>) {
    html.open("div", &[("class", "psc-field")]).element("label", &[("for", id)], label);
    let mut input =
        vec![("id", id), ("type", "file"), ("accept", ".json,application/json"), ("aria-describedby", error)];
    if let Some(flag) = flag {
        input.push((flag, ""));
    }
    html.open("input", &input).close("div");
    html.element("p", &[("id", error), ("class", "psc-error-slot"), ("role", "alert"), ("tabindex", "-1")], "");
}

/// The value of the form field of this widget `selector` finds (an input or a select), or
/// nothing.
pub fn value(state: AppState, selector: &str) -> String {
    let field = state.element(selector);
    field.and_then(|f| js_sys::Reflect::get(&f, &"value".into()).ok()).and_then(|v| v.as_string()).unwrap_or_default()
}

/// Shown when a screen's assessment no longer exists (deleted in another tab, say).
pub fn missing(state: AppState) -> impl IntoView {
    let t = state.t;
    view! {
        <h1 tabindex="-1">{t.missing_title}</h1>
        <p>{t.missing_body}</p>
        <button type="button" class="psc-primary" on:click=move |_| state.go(Screen::Home)>
            {t.all_assessments}
        </button>
    }
}

/// Downloads both partners' answers and the gaps as CSV, for people who work in spreadsheets.
pub fn download_spreadsheet(state: AppState, id: &str) {
    let t = state.t;
    let Some((assessment, instrument)) = state.open(id) else { return };
    let (own, partner) = (&assessment.own, assessment.partner.as_ref());
    let partner_name = partner.map_or(own.partner_organisation.as_str(), |p| p.organisation.as_str());
    let of = |template: &str, organisation: &str| i18n::fill(template, &[("organisation", &organisation)]);
    let (own_rating, partner_rating) = (of(t.csv_rating, &own.organisation), of(t.csv_rating, partner_name));
    let (own_comment, partner_comment) = (of(t.csv_comment, &own.organisation), of(t.csv_comment, partner_name));
    let gap = i18n::fill(t.csv_gap, &[("organisation", &own.organisation), ("partner", &partner_name)]);
    let words = spreadsheet::Words {
        kind: t.csv_kind,
        dimension: t.col_dimension,
        dimension_number: t.csv_dimension_number,
        statement_number: t.csv_statement_number,
        text: t.csv_text,
        own_rating: &own_rating,
        partner_rating: &partner_rating,
        gap: &gap,
        own_comment: &own_comment,
        partner_comment: &partner_comment,
        kind_dimension: t.csv_kind_dimension,
        kind_statement: t.csv_kind_statement,
        kind_reflection: t.csv_kind_reflection,
        not_applicable: t.not_applicable_short,
        group_title: &|d, about| group_title(t, &instrument, (&d.id, about), false),
    };
    let csv = spreadsheet::answers_and_gaps(&instrument, own, partner, &words);
    offer_file(state, &result_file::file_name(own, &state.now(), "csv"), &csv, files::CSV, t.csv_downloaded);
}

/// Offers a file to download, then says it was downloaded (`done` names it as `{file}`), or
/// that the browser refused.
pub fn offer_file(state: AppState, name: &str, text: &str, media_type: &str, done: &str) {
    state.notice.set(Some(match files::download(name, text, media_type) {
        Ok(()) => Notice::Info(i18n::fill(done, &[("file", &name)])),
        Err(files::DownloadRefused) => Notice::Error(state.t.export_failed.to_string()),
    }));
}

/// The file just chosen in the file input an event came from. The input is emptied, so that
/// choosing the same file again (after fixing it) is noticed.
pub fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files()?.get(0)?;
    input.set_value("");
    Some(file)
}

/// A chosen file's text, refused by its size before a byte is read.
pub async fn file_text(file: web_sys::File) -> Result<String, ImportError> {
    files::read_text(&file, MAX_FILE_BYTES).await.map_err(|e| match e {
        files::ReadError::TooLarge { bytes } => ImportError::TooLarge { bytes, limit: MAX_FILE_BYTES },
        files::ReadError::Unreadable => ImportError::NotJson,
    })
}

/// Fetches the built-in instrument a file names, if this widget has not got it yet, so the file
/// can then be read against it. (Whatever fails here, reading the file says.)
pub async fn fetch_instrument_of(state: AppState, text: &str) {
    if let Some(id) = result_file::instrument_named(text) {
        let _ = state.instrument_named(&id).await;
    }
}

/// Why content could not be had, for the person.
pub fn load_message(t: &Strings, problem: &LoadProblem) -> String {
    match problem {
        LoadProblem::Unreachable => t.load_unreachable.to_string(),
        LoadProblem::Status(status) => i18n::fill(t.load_status, &[("status", status)]),
        LoadProblem::TooLarge => t.load_too_large.to_string(),
        LoadProblem::Damaged(problem) => content_problem_message(t, problem),
        LoadProblem::NotKept(reason) => reason.clone(),
    }
}

/// What is wrong with a content file: for an instrument, each problem with where it is.
pub fn content_problem_message(t: &Strings, problem: &ContentProblem) -> String {
    match problem {
        ContentProblem::NotAnIndex => t.load_damaged_index.to_string(),
        ContentProblem::Instrument(problems) => {
            let list: Vec<String> = problems
                .iter()
                .map(|p| {
                    i18n::fill(t.problem_at, &[("place", &p.path), ("what", &instrument_problem_text(t, &p.kind))])
                })
                .collect();
            i18n::fill(t.load_damaged_instrument, &[("problems", &list.join(t.problem_separator))])
        }
        ContentProblem::WrongInstrument { found, .. } => i18n::fill(t.load_wrong_instrument, &[("found", found)]),
        ContentProblem::BuiltInId { id } => i18n::fill(t.custom_built_in_id, &[("id", id)]),
        ContentProblem::DropsAnswers { id, missing } => {
            i18n::fill(t.custom_drops_answers, &[("id", id), ("missing", &missing.join(t.list_separator))])
        }
    }
}

/// What is wrong with a part of a questionnaire file, in words.
fn instrument_problem_text(t: &Strings, problem: &Problem) -> String {
    let role = |template: &str, role: &str| i18n::fill(template, &[("role", &role)]);
    match problem {
        Problem::Shape(shape) => super::results::shape_text(t, shape),
        Problem::UnknownKind(kind) => i18n::fill(t.problem_unknown_kind, &[("kind", kind)]),
        Problem::UnsupportedVersion => t.problem_version.to_string(),
        Problem::Empty => t.problem_empty.to_string(),
        Problem::NotAnId => t.problem_not_an_id.to_string(),
        Problem::DuplicateId => t.problem_duplicate_id.to_string(),
        Problem::NotTwoRoles => t.problem_not_two_roles.to_string(),
        Problem::ScaleOrder => t.problem_scale_order.to_string(),
        Problem::ScaleLabelCount => t.problem_scale_labels.to_string(),
        Problem::NoDimensions => t.problem_no_dimensions.to_string(),
        Problem::NoItems => t.problem_no_items.to_string(),
        Problem::NoSourceFile => t.problem_no_source_file.to_string(),
        Problem::NoSourceSection => t.problem_no_source_section.to_string(),
        Problem::EmptyQuote => t.problem_empty_quote.to_string(),
        Problem::UnknownRole(r) => role(t.problem_unknown_role, r),
        Problem::NothingToAnswer(r) => role(t.problem_nothing_to_answer, r),
        Problem::AdviceOnScorecard => t.problem_advice_on_scorecard.to_string(),
        Problem::UnknownDimension(id) => i18n::fill(t.problem_unknown_dimension, &[("id", id)]),
    }
}
