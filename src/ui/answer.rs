//! Answering: every statement grouped by dimension, rated on the instrument's scale, with an
//! optional comment, then the reflection questions. Each change is saved at once.
//!
//! The questions are written as HTML (see [`super::html`]) with the current answers filled in,
//! and two listeners on their container hear every rating and every keystroke: on a long
//! questionnaire this builds and leaves the screen several times faster than a reactive view per
//! question, and costs a fraction of the download. What is stored elsewhere meanwhile (another
//! tab, another widget) is copied into the questions by one effect, which draws the screen
//! afresh if the answers were sealed or re-opened there.

use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

use super::components::{assessment_header, choice_label, credit, missing, save_indicator, shadow_root};
use super::html::{Attribute, Html};
use super::AppState;
use super::Screen;
use crate::adapters::clock;
use crate::domain::responses::MAX_TEXT_CHARS;
use crate::domain::{progress, Assessment, Instrument, Question, Rating, Responses};
use crate::i18n;

/// The screen, or a notice when the assessment is gone.
pub fn screen(state: AppState, id: String) -> impl IntoView {
    match state.open(&id) {
        Some((assessment, instrument)) => Either::Left(answering(state, id, assessment, instrument)),
        None => Either::Right(missing(state)),
    }
}

/// The note saying the answers are sealed.
const SEALED_NOTE: &str = "psc-sealed-note";

// Element ids: a rating's radio button, an item's comment, a reflection's answer.
const RATING: &str = "psc-rate-";
const COMMENT: &str = "psc-comment-";
const REFLECTION: &str = "psc-reflection-";

/// A "don't know / not applicable" radio button's value; the others hold their point.
const NOT_APPLICABLE: &str = "na";

/// How a rating is written in a radio button's value.
fn value_of(rating: Rating) -> String {
    match rating {
        Rating::Score(n) => n.to_string(),
        Rating::NotApplicable => NOT_APPLICABLE.to_string(),
    }
}

fn rating_of(value: &str) -> Option<Rating> {
    if value == NOT_APPLICABLE {
        Some(Rating::NotApplicable)
    } else {
        value.parse().ok().map(Rating::Score)
    }
}

/// A text box holding `text`, as long as a file may carry. The newline after the tag is the one
/// HTML drops, so a comment that starts with a line break keeps it.
fn text_box(html: &mut Html, attributes: &[Attribute], text: &str) {
    const DROPPED: &str = "\n";
    let longest = MAX_TEXT_CHARS.to_string();
    html.open("textarea", &[attributes, &[("maxlength", &longest)]].concat())
        .text(DROPPED)
        .text(text)
        .close("textarea");
}

/// Every question with its current answer. Each statement is a radio group named by the
/// statement, the scale's labels read with each choice, "don't know" last, then the comment.
fn questions(state: AppState, instrument: &Instrument, own: &Responses) -> String {
    let t = state.t;
    let scale = &instrument.scale;
    let choices: Vec<(Rating, String)> = scale
        .points()
        .map(|p| (Rating::Score(p), choice_label(instrument, p)))
        .chain(std::iter::once((Rating::NotApplicable, scale.not_applicable.clone())))
        .collect();
    let mut html = Html::new();
    // Sealed answers cannot change: the ratings are disabled and the text boxes read-only (still
    // reachable, so a long comment can be scrolled and read), and each points to the note saying
    // why.
    let (sealed, read_only): (&[Attribute], &[Attribute]) = if own.is_sealed() {
        (&[("aria-describedby", SEALED_NOTE)], &[("aria-describedby", SEALED_NOTE), ("readonly", "")])
    } else {
        (&[], &[])
    };
    // A free-text question and its answer box.
    let question = |html: &mut Html, question: &Question| {
        let field_id = format!("{REFLECTION}{}", question.id);
        html.open("div", &[("class", "psc-field psc-reflection")]);
        html.element("label", &[("for", &field_id)], &question.text);
        text_box(
            html,
            &[&[("id", field_id.as_str()), ("rows", "4")], read_only].concat(),
            own.reflection(&question.id),
        );
        html.close("div");
    };
    // Numbered as in the whole instrument, so both partners' numbers match.
    let answered = instrument.dimensions.iter().enumerate().filter(|(_, d)| d.answered_by(&own.role));
    for (d, dimension) in answered {
        let heading = format!("psc-dim-{}", dimension.id);
        html.open("section", &[("class", "psc-dimension"), ("aria-labelledby", &heading)]);
        html.element("h2", &[("id", &heading)], &format!("{}. {}", d + 1, dimension.title));
        html.element("p", &[("class", "psc-hint")], &dimension.summary);
        for (i, item) in dimension.items.iter().enumerate() {
            let number = format!("{}.{}", d + 1, i + 1);
            let name = format!("psc-item-{}", item.id);
            let rating = own.rating(&item.id);
            html.open("fieldset", &[&[("class", "psc-item")], sealed].concat()).open("legend", &[]);
            html.element("span", &[("class", "psc-item-number")], &number).text(" ").text(&item.text).close("legend");
            html.open("div", &[("class", "psc-scale")]);
            for (choice, label) in &choices {
                let class = if *choice == Rating::NotApplicable { "psc-choice psc-na" } else { "psc-choice" };
                let value = value_of(*choice);
                let radio_id = format!("{RATING}{}-{value}", item.id);
                html.open("label", &[("class", class)]);
                let mut attributes = vec![
                    ("type", "radio"),
                    ("id", radio_id.as_str()),
                    ("name", name.as_str()),
                    ("value", value.as_str()),
                ];
                if rating == Some(*choice) {
                    attributes.push(("checked", ""));
                }
                if !sealed.is_empty() {
                    attributes.push(("disabled", ""));
                }
                html.open("input", &attributes).element("span", &[], label).close("label");
            }
            html.close("div");
            let comment_id = format!("{COMMENT}{}", item.id);
            html.element(
                "label",
                &[("class", "psc-comment-label"), ("for", &comment_id)],
                &i18n::fill(t.comment_label, &[("number", &number)]),
            );
            text_box(
                &mut html,
                &[&[("id", comment_id.as_str()), ("class", "psc-comment"), ("rows", "2")], read_only].concat(),
                own.comment(&item.id),
            );
            html.close("fieldset");
        }
        if !dimension.questions.is_empty() {
            html.element("h3", &[], t.learning_questions_title);
            for q in &dimension.questions {
                question(&mut html, q);
            }
        }
        html.close("section");
    }
    if !instrument.reflections.is_empty() {
        html.open("section", &[("class", "psc-dimension"), ("aria-labelledby", "psc-reflections")]);
        html.element("h2", &[("id", "psc-reflections")], t.reflections_title);
        html.element("p", &[("class", "psc-hint")], t.reflections_intro);
        for q in &instrument.reflections {
            question(&mut html, q);
        }
        html.close("section");
    }
    html.finish()
}

fn answering(state: AppState, id: String, assessment: Assessment, instrument: Arc<Instrument>) -> impl IntoView {
    let t = state.t;
    let id = Arc::<str>::from(id);

    let done = {
        let (id, instrument) = (id.clone(), instrument.clone());
        Memo::new(move |_| state.with_assessment(&id, |a| progress(&instrument, &a.own).answered).unwrap_or(0))
    };
    let total = progress(&instrument, &assessment.own).total;
    let results_id = id.to_string();
    let sealed_note = assessment
        .own
        .sealed_at
        .as_ref()
        .map(|d| i18n::fill(t.sealed_banner, &[("date", &clock::date_of(d)), ("step", &t.step_results)]));

    // A rating chosen: the radio button's name holds the item, its value the rating.
    let on_change = {
        let id = id.clone();
        move |ev: leptos::ev::Event| {
            let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            let (Some(item_id), Some(rating)) =
                (input.name().strip_prefix("psc-item-").map(str::to_string), rating_of(&input.value()))
            else {
                return;
            };
            let now = state.now();
            let _ = state.edit(&id, |a| a.own.set_rating(&item_id, Some(rating), &now));
        }
    };
    // A keystroke in a comment or a reflection: the text box's id says which.
    let on_input = {
        let id = id.clone();
        move |ev: leptos::ev::Event| {
            let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
            let (field, text, now) = (target.id(), event_target_value(&ev), state.now());
            if let Some(item_id) = field.strip_prefix(COMMENT) {
                let _ = state.edit(&id, |a| a.own.set_comment(item_id, &text, &now));
            } else if let Some(question_id) = field.strip_prefix(REFLECTION) {
                let _ = state.edit(&id, |a| a.own.set_reflection(question_id, &text, &now));
            }
        }
    };
    // Answers stored from elsewhere (another tab or widget) are copied into the questions, so
    // they show here before this tab writes over them. Only what changed since the last run is
    // touched; what this screen itself wrote is already on it.
    {
        let (id, instrument) = (id.clone(), instrument.clone());
        Effect::new(move |shown: Option<Option<Responses>>| {
            let now = state.with_assessment(&id, |a| a.own.clone());
            if let (Some(Some(shown)), Some(now)) = (&shown, &now) {
                if shown.is_sealed() != now.is_sealed() {
                    // Sealed or re-opened elsewhere: the questions are drawn afresh, locked or not.
                    state.redraw("#psc-main h1");
                } else if let Some(root) = shadow_root(state.widget) {
                    show_changes(&root, &instrument, shown, now);
                }
            }
            now
        });
    }
    let questions = questions(state, &instrument, &assessment.own);
    let mut source = Html::new();
    credit(&mut source, &instrument);

    view! {
        {assessment_header(state, assessment, instrument.clone())}
        <h1 tabindex="-1">{instrument.title.clone()}</h1>
        <div inner_html=source.finish()></div>
        <p class="psc-hint">{t.answer_intro}</p>
        <div class="psc-progress-bar">
            <progress max=total value=move || done.get() aria-label=t.progress_label></progress>
            <span>{move || i18n::fill(t.progress_text, &[("answered", &done.get()), ("total", &total)])}</span>
            {save_indicator(state)}
        </div>
        <p class="psc-sealed-note" id=SEALED_NOTE>{sealed_note}</p>
        <div on:change=on_change on:input=on_input inner_html=questions></div>
        <div class="psc-actions">
            <button type="button" class="psc-primary" on:click=move |_| state.go(Screen::Results(results_id.clone()))>
                {t.see_results}
            </button>
        </div>
    }
}

/// Copies into the questions what changed in storage between `shown` and `now`.
fn show_changes(root: &web_sys::ShadowRoot, instrument: &Instrument, shown: &Responses, now: &Responses) {
    let element = |id: String| root.get_element_by_id(&id);
    for (_, item) in instrument.items() {
        let rating = now.rating(&item.id);
        if rating != shown.rating(&item.id) {
            match rating {
                Some(r) => set_checked(element(format!("{RATING}{}-{}", item.id, value_of(r))), true),
                None => {
                    for r in instrument.scale.points().map(Rating::Score).chain([Rating::NotApplicable]) {
                        set_checked(element(format!("{RATING}{}-{}", item.id, value_of(r))), false);
                    }
                }
            }
        }
        if now.comment(&item.id) != shown.comment(&item.id) {
            set_text(element(format!("{COMMENT}{}", item.id)), now.comment(&item.id));
        }
    }
    for question in instrument.questions() {
        if now.reflection(&question.id) != shown.reflection(&question.id) {
            set_text(element(format!("{REFLECTION}{}", question.id)), now.reflection(&question.id));
        }
    }
}

fn set_checked(radio: Option<web_sys::Element>, checked: bool) {
    if let Some(radio) = radio.and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        radio.set_checked(checked);
    }
}

/// Sets a text box's text unless it already holds it, so the cursor of someone typing stays put.
fn set_text(text_box: Option<web_sys::Element>, text: &str) {
    if let Some(text_box) = text_box.and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
        if text_box.value() != text {
            text_box.set_value(text);
        }
    }
}
