//! Answering: every statement grouped by dimension, rated on the instrument's scale, with a
//! comment folded away until wanted, then the reflection questions. Each change is saved at once.
//! All dimensions on one page, or one at a time with the way through them shown.
//!
//! The questions are written once as markup ([`questions`]) with the current answers filled in,
//! and two listeners on their container hear every rating and every keystroke: on a long
//! questionnaire this builds and leaves the screen several times faster than a reactive view per
//! question, and costs a fraction of the download. Answers stored elsewhere meanwhile (another
//! tab, another widget) are shown by writing the questions again from what is stored, by the same
//! function: there is one way the questions are drawn.

use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

use crate::adapters::clock;
use crate::domain::instrument::Kind;
use crate::domain::responses::MAX_TEXT_CHARS;
use crate::domain::{progress, Assessment, Instrument, Question, Rating, Responses};
use crate::i18n::{self, Strings};
use crate::ui::actions::{actions, asked, Action};
use crate::ui::ids;
use crate::ui::markup::{html, Markup};
use crate::ui::parts::dom::shadow_root;
use crate::ui::parts::header::assessment_header;
use crate::ui::parts::notices::save_indicator;
use crate::ui::parts::{credit, missing};
use crate::ui::state::{AppState, Screen};

actions! {
    /// What the screen's buttons do.
    Answering {
        /// Shows one dimension at a time, or all of them.
        Pace = "pace",
        Previous = "previous-dimension",
        Next = "next-dimension",
        Results = "results",
    }
}

/// The screen, or a notice when the assessment is gone.
pub fn screen(state: AppState, id: String) -> AnyView {
    match state.open(&id) {
        Some((assessment, instrument)) => answering(state, id, assessment, instrument),
        None => missing(state),
    }
}

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

/// The newline HTML drops after a text box's opening tag.
const DROPPED: &str = "\n";

/// A text box holding `text`, as long as a file may carry; read-only, and pointing to the note
/// saying why, once the answers are sealed. The newline after the tag is the one HTML drops, so
/// a comment that starts with a line break keeps it.
fn text_box(id: &str, class: &str, rows: u8, text: &str, sealed: bool) -> Markup {
    html! {
        textarea id=(id) class=(class) rows=(rows) maxlength=(MAX_TEXT_CHARS)
            readonly[sealed] aria-describedby=[sealed.then_some(ids::SEALED_NOTE)] { (DROPPED) (text) }
    }
}

/// A free-text question and its answer box.
fn question(question: &Question, own: &Responses) -> Markup {
    let id = ids::answer(&question.id);
    html! {
        div.psc-field.psc-reflection {
            label for=(id) { (question.text) }
            (text_box(&id, "", 4, own.reflection(&question.id), own.is_sealed()))
        }
    }
}

/// One statement: a radio group named by the statement, its scale on one row (each point's
/// number, with its word read out and, where there is room, shown), "don't know" apart, then
/// the comment, folded away unless there is one.
fn statement(
    t: &Strings,
    instrument: &Instrument,
    own: &Responses,
    number: &str,
    item: &crate::domain::Item,
) -> Markup {
    let scale = &instrument.scale;
    let sealed = own.is_sealed();
    let rating = own.rating(&item.id);
    let name = ids::rating_name(&item.id);
    let comment = own.comment(&item.id);
    let comment_id = ids::comment(&item.id);
    let radio = |choice: Rating| {
        let value = value_of(choice);
        html! {
            input type="radio" id=(ids::rating(&item.id, &value)) name=(name) value=(value)
                checked[rating == Some(choice)] disabled[sealed];
        }
    };
    // A checklist's points are words (no / partly / yes); a scorecard's are numbers, each with
    // its word.
    let words_only = instrument.kind == Kind::Checklist;
    html! {
        fieldset.psc-item aria-describedby=[sealed.then_some(ids::SEALED_NOTE)] {
            legend { span.psc-item-number { (number) } " " (item.text) }
            div.psc-scale.psc-words-only[words_only] {
                @for point in scale.points() {
                    @let word = scale.label(point).unwrap_or_default();
                    label.psc-choice {
                        (radio(Rating::Score(point)))
                        @if words_only {
                            span.psc-point { (word) }
                        } @else {
                            span.psc-point { (point) }
                            span.psc-word { span.psc-visually-hidden { " – " } (word) }
                        }
                    }
                }
            }
            div.psc-more {
                label.psc-choice.psc-na { (radio(Rating::NotApplicable)) span { (scale.not_applicable) } }
                // Sealed, a statement without a comment offers none.
                @if !(sealed && comment.is_empty()) {
                    details.psc-comment-fold open[!comment.is_empty()] {
                        summary { (t.add_comment) }
                        label.psc-comment-label for=(comment_id) { (i18n::fill(t.comment_label, &[("number", &number)])) }
                        (text_box(&comment_id, "psc-comment", 2, comment, sealed))
                    }
                }
            }
        }
    }
}

/// Every question with its current answer: a section per dimension the answering side answers
/// (numbered as in the whole instrument, so both partners' numbers match), then the reflections.
fn questions(t: &Strings, instrument: &Instrument, own: &Responses) -> Markup {
    let scale = &instrument.scale;
    // The scale's ends in words, once per dimension, for a phone that shows only the numbers.
    let key = (instrument.kind == Kind::Scorecard).then(|| {
        let end = |point: u8| format!("{point} {}", scale.label(point).unwrap_or_default());
        i18n::fill(t.scale_key, &[("low", &end(scale.min)), ("high", &end(scale.max))])
    });
    let answered = instrument.dimensions.iter().enumerate().filter(|(_, d)| d.answered_by(&own.role));
    html! {
        @for (d, dimension) in answered {
            @let heading = ids::dimension_heading(&dimension.id);
            section.psc-dimension aria-labelledby=(heading) {
                h2 id=(heading) tabindex="-1" { (d + 1) ". " (dimension.title) }
                p.psc-hint { (dimension.summary) }
                @if let Some(key) = &key { p.psc-scale-key aria-hidden="true" { (key) } }
                @for (i, item) in dimension.items.iter().enumerate() {
                    (statement(t, instrument, own, &format!("{}.{}", d + 1, i + 1), item))
                }
                @if !dimension.questions.is_empty() {
                    h3 { (t.learning_questions_title) }
                    @for q in &dimension.questions { (question(q, own)) }
                }
            }
        }
        @if !instrument.reflections.is_empty() {
            section.psc-dimension aria-labelledby=(ids::REFLECTIONS) {
                h2 id=(ids::REFLECTIONS) tabindex="-1" { (t.reflections_title) }
                p.psc-hint { (t.reflections_intro) }
                @for q in &instrument.reflections { (question(q, own)) }
            }
        }
    }
}

fn answering(state: AppState, id: String, assessment: Assessment, instrument: Arc<Instrument>) -> AnyView {
    let t = state.t();
    let id = Arc::<str>::from(id);
    let own = &assessment.own;

    let done = {
        let (id, instrument) = (id.clone(), instrument.clone());
        Memo::new(move |_| state.with_assessment(&id, |a| progress(&instrument, &a.own).answered).unwrap_or(0))
    };
    let total = progress(&instrument, own).total;
    let sealed_note = own
        .sealed_at
        .as_ref()
        .map(|d| i18n::fill(t.sealed_banner, &[("date", &clock::date_of(t.lang, d)), ("step", &t.step_results)]));
    // How many parts the questions have (a section per dimension answered, and the reflections).
    let parts = instrument.dimensions.iter().filter(|d| d.answered_by(&own.role)).count()
        + usize::from(!instrument.reflections.is_empty());
    let container = NodeRef::<leptos::html::Div>::new();

    // One part at a time (a choice kept while the app is open): every other part is hidden, the
    // way through them is shown.
    let part = RwSignal::new(0usize);
    let shown_part = Memo::new(move |_| state.one_at_a_time.get().then(|| part.get()));
    Effect::new(move |_| show_part(container, shown_part.get()));

    // The answers as this screen knows them: what it drew, and every change made here since.
    let known = StoredValue::new(own.clone());
    let (on_change, on_input) = editing(state, id.clone(), known);
    follow_other_tabs(state, id.clone(), instrument.clone(), known, (container, shown_part));

    let on_click = {
        let id = id.clone();
        move |ev: leptos::ev::MouseEvent| {
            let Some((action, _, _)) = asked::<Answering>(&ev) else { return };
            let current = part.get_untracked();
            let go_to = |n: usize| {
                part.set(n);
                state.focus_soon(format!("#{} > section:nth-child({}) h2", ids::QUESTIONS, n + 1));
            };
            match action {
                Answering::Pace => {
                    part.set(0);
                    state.one_at_a_time.update(|on| *on = !*on);
                }
                Answering::Previous => go_to(current.saturating_sub(1)),
                Answering::Next => go_to((current + 1).min(parts.saturating_sub(1))),
                Answering::Results => state.go(Screen::Results(id.to_string())),
            }
        }
    };
    let position = move || {
        shown_part.get().map(|n| i18n::fill(t.part_of, &[("part", &(n + 1)), ("total", &parts)])).unwrap_or_default()
    };
    let first = move || shown_part.get().is_none_or(|n| n == 0);
    let last = move || shown_part.get().is_none_or(|n| n + 1 >= parts);
    let questions = questions(t, &instrument, own).into_string();

    // The form by number once: the count of statements does not change on this screen.
    let progress_text = state.counted(t.progress_text, total);
    view! {
        {assessment_header(state, &assessment, &instrument)}
        <h1 tabindex="-1">{instrument.title.clone()}</h1>
        <div inner_html=credit(&instrument).into_string()></div>
        <p class="psc-hint">{t.answer_intro}</p>
        <div class="psc-progress-bar">
            <progress max=total value=move || done.get() aria-label=t.progress_label></progress>
            <span>{move || i18n::fill(progress_text, &[("answered", &done.get()), ("total", &total)])}</span>
            <span class="psc-part">{position}</span>
            {save_indicator(state)}
        </div>
        <p class="psc-sealed-note" id=ids::SEALED_NOTE>{sealed_note}</p>
        <div on:click=on_click.clone()>
            <button type="button" class="psc-secondary psc-pace" data-do=Answering::Pace.attr()
                aria-pressed=move || shown_part.get().is_some().to_string()>
                {t.one_at_a_time}
            </button>
        </div>
        <div id=ids::QUESTIONS node_ref=container on:change=on_change on:input=on_input inner_html=questions></div>
        <div class="psc-actions" on:click=on_click>
            <button type="button" data-do=Answering::Previous.attr() hidden=first>{t.previous_part}</button>
            <button type="button" class="psc-primary" data-do=Answering::Next.attr() hidden=last>{t.next_part}</button>
            <button type="button" class:psc-primary=last class:psc-secondary=move || !last()
                data-do=Answering::Results.attr()>
                {t.see_results}
            </button>
        </div>
    }
    .into_any()
}

/// Shows only the part `shown` (`None`: all of them).
fn show_part(container: NodeRef<leptos::html::Div>, shown: Option<usize>) {
    let Some(container) = container.get_untracked() else { return };
    let sections = container.children();
    for n in 0..sections.length() {
        if let Some(section) = sections.item(n).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            section.set_hidden(shown.is_some_and(|shown| shown != n as usize));
        }
    }
}

/// What a rating chosen and a keystroke do: saved at once, and noted as known to this screen.
fn editing(
    state: AppState,
    id: Arc<str>,
    known: StoredValue<Responses>,
) -> (impl Fn(leptos::ev::Event) + Clone, impl Fn(leptos::ev::Event)) {
    let edit = move |change: &dyn Fn(&mut Responses, &str)| {
        let now = state.now();
        let _ = state.edit(&id, |a| change(&mut a.own, &now));
        if let Some(own) = state.with_assessment_untracked(&id, |a| a.own.clone()) {
            known.set_value(own);
        }
    };
    // A rating chosen: the radio button's name holds the statement, its value the rating.
    let on_change = {
        let edit = edit.clone();
        move |ev: leptos::ev::Event| {
            let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            let name = input.name();
            let (Some(item), Some(rating)) = (ids::item_of_rating_name(&name), rating_of(&input.value())) else {
                return;
            };
            edit(&|own, now| own.set_rating(item, Some(rating), now));
        }
    };
    // A keystroke in a comment or a reflection: the text box's id says which.
    let on_input = move |ev: leptos::ev::Event| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) else { return };
        let (field, text) = (target.id(), target.value());
        if let Some(item) = field.strip_prefix(ids::COMMENT_PREFIX) {
            edit(&|own, now| own.set_comment(item, &text, now));
        } else if let Some(question) = field.strip_prefix(ids::ANSWER_PREFIX) {
            edit(&|own, now| own.set_reflection(question, &text, now));
        }
    };
    (on_change, on_input)
}

/// Answers stored from elsewhere (another tab or widget): the questions are written again from
/// what is stored, by the same [`questions`], so they show here before this tab writes over them,
/// keeping the part shown and the field being typed in. Sealed or re-opened there, the whole
/// screen is drawn afresh.
fn follow_other_tabs(
    state: AppState,
    id: Arc<str>,
    instrument: Arc<Instrument>,
    known: StoredValue<Responses>,
    (container, shown_part): (NodeRef<leptos::html::Div>, Memo<Option<usize>>),
) {
    let t = state.t();
    Effect::new(move |_| {
        let Some(now) = state.with_assessment(&id, |a| a.own.clone()) else { return };
        let before = known.get_value();
        if now == before {
            return;
        }
        known.set_value(now.clone());
        if now.is_sealed() != before.is_sealed() {
            return state.redraw(ids::HEADING);
        }
        let Some(shown) = container.get_untracked() else { return };
        let focused = shadow_root(state.widget).and_then(|r| r.active_element()).map(|e| e.id());
        shown.set_inner_html(&questions(t, &instrument, &now).into_string());
        show_part(container, shown_part.get_untracked());
        if let Some(id) = focused.filter(|id| !id.is_empty()) {
            state.focus_soon(ids::selector(&id));
        }
    });
}
