//! Answering: every statement grouped by dimension, rated on the instrument's scale, with an
//! optional comment, then the reflection questions. Each change is saved at once.

use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

use super::components::{assessment_header, credit, missing, save_indicator};
use super::{AppState, Screen};
use crate::domain::{progress, Assessment, Instrument, Item, Question, Rating};
use crate::adapters::clock;
use crate::i18n;

/// The screen, or a notice when the assessment is gone.
pub fn screen(state: AppState, id: String) -> impl IntoView {
    match state.open(&id) {
        Some((assessment, instrument)) => Either::Left(answering(state, id, assessment, instrument)),
        None => Either::Right(missing(state)),
    }
}

fn answering(state: AppState, id: String, assessment: Assessment, instrument: Arc<Instrument>) -> impl IntoView {
    let t = state.t;
    let id = Arc::<str>::from(id);

    let done = {
        let (id, instrument) = (id.clone(), instrument.clone());
        Memo::new(move |_| state.with_assessment(&id, |a| progress(&instrument, &a.own).answered).unwrap_or(0))
    };
    // Read once: answers are sealed and re-opened on the results screen.
    let sealed_at = assessment.own.sealed_at.clone();
    let sealed = sealed_at.is_some();
    let total = instrument.item_count();
    let results_id = id.to_string();

    view! {
        {assessment_header(state, assessment.clone(), instrument.clone())}
        <h1 tabindex="-1">{instrument.title.clone()}</h1>
        {credit(instrument.clone())}
        <p class="psc-hint">{t.answer_intro}</p>
        <div class="psc-progress-bar">
            <progress
                max=total
                value=move || done.get()
                aria-label=t.progress_label
            ></progress>
            <span>
                {move || i18n::fill(t.progress_text, &[("answered", &done.get()), ("total", &total)])}
            </span>
            {save_indicator(state)}
        </div>
        <p class="psc-sealed-note">
            {sealed_at.map(|d| i18n::fill(t.sealed_banner, &[("date", &clock::date_of(&d))]))}
        </p>
        // Sealed answers cannot change: one disabled fieldset disables every control in it.
        <fieldset class="psc-answers" disabled=sealed>
        {instrument
            .dimensions
            .iter()
            .enumerate()
            .map(|(d, dimension)| {
                view! {
                    <section class="psc-dimension" aria-labelledby=format!("psc-dim-{}", dimension.id)>
                        <h2 id=format!("psc-dim-{}", dimension.id)>
                            {format!("{}. {}", d + 1, dimension.title)}
                        </h2>
                        <p class="psc-hint">{dimension.summary.clone()}</p>
                        {dimension
                            .items
                            .iter()
                            .enumerate()
                            .map(|(i, item)| view! {
                                {item_question(state, id.clone(), instrument.clone(), item.clone(), format!("{}.{}", d + 1, i + 1))}
                            })
                            .collect_view()}
                    </section>
                }
            })
            .collect_view()}
        <section class="psc-dimension" aria-labelledby="psc-reflections">
            <h2 id="psc-reflections">{t.reflections_title}</h2>
            <p class="psc-hint">{t.reflections_intro}</p>
            {instrument
                .reflections
                .iter()
                .map(|q| view! { {reflection_question(state, id.clone(), q.clone())} })
                .collect_view()}
        </section>
        </fieldset>
        <div class="psc-actions">
            <button type="button" class="psc-primary" on:click=move |_| state.go(Screen::Results(results_id.clone()))>
                {t.see_results}
            </button>
        </div>
    }
}

/// One statement: a radio group named by the statement, the scale's labels read with each
/// choice, "don't know" last, and an optional comment.
fn item_question(state: AppState, id: Arc<str>, instrument: Arc<Instrument>, item: Item, number: String) -> impl IntoView {
    let t = state.t;
    let item_id = Arc::<str>::from(item.id.as_str());
    let rating = {
        let (id, item_id) = (id.clone(), item_id.clone());
        Memo::new(move |_| state.with_assessment(&id, |a| a.own.rating(&item_id)).flatten())
    };
    // Follows the stored text, so a comment written in another tab shows here before this tab
    // writes over it; while typing here it equals what is typed, so the cursor stays put.
    let comment = {
        let (id, item_id) = (id.clone(), item_id.clone());
        Memo::new(move |_| state.with_assessment(&id, |a| a.own.comment(&item_id).to_string()).unwrap_or_default())
    };
    let name = format!("psc-item-{}", item.id);
    let comment_id = format!("psc-comment-{}", item.id);
    let choose = {
        let (id, item_id) = (id.clone(), item_id.clone());
        move |choice: Rating| {
            let now = state.now();
            let _ = state.edit(&id, |a| a.own.set_rating(&item_id, Some(choice), &now));
        }
    };
    let scale = &instrument.scale;
    let choices: Vec<(Rating, String, String)> = scale
        .points()
        .map(|p| (Rating::Score(p), p.to_string(), format!("{p} – {}", scale.label(p).unwrap_or_default())))
        .chain(std::iter::once((Rating::NotApplicable, "na".to_string(), scale.not_applicable.clone())))
        .collect();
    view! {
        <fieldset class="psc-item">
            <legend>
                <span class="psc-item-number">{number.clone()}</span>
                " "
                {item.text.clone()}
            </legend>
            <div class="psc-scale">
                {choices
                    .into_iter()
                    .map(|(choice, value, label)| {
                        let choose = choose.clone();
                        view! {
                            <label class=if choice == Rating::NotApplicable { "psc-choice psc-na" } else { "psc-choice" }>
                                <input
                                    type="radio"
                                    name=name.clone()
                                    value=value
                                    prop:checked=move || rating.get() == Some(choice)
                                    on:change=move |_| choose(choice)
                                />
                                <span>{label}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            <label class="psc-comment-label" for=comment_id.clone()>
                {i18n::fill(t.comment_label, &[("number", &number)])}
            </label>
            <textarea
                id=comment_id
                class="psc-comment"
                rows="2"
                prop:value=move || comment.get()
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    let now = state.now();
                    let _ = state.edit(&id, |a| a.own.set_comment(&item_id, &text, &now));
                }
            ></textarea>
        </fieldset>
    }
}

fn reflection_question(state: AppState, id: Arc<str>, question: Question) -> impl IntoView {
    let field_id = format!("psc-reflection-{}", question.id);
    let question_id = question.id.clone();
    let text = {
        let (id, question_id) = (id.clone(), question_id.clone());
        Memo::new(move |_| state.with_assessment(&id, |a| a.own.reflection(&question_id).to_string()).unwrap_or_default())
    };
    view! {
        <div class="psc-field psc-reflection">
            <label for=field_id.clone()>{question.text.clone()}</label>
            <textarea
                id=field_id
                rows="4"
                prop:value=move || text.get()
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    let now = state.now();
                    let _ = state.edit(&id, |a| a.own.set_reflection(&question_id, &text, &now));
                }
            ></textarea>
        </div>
    }
}
