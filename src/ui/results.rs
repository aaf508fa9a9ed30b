//! One partner's own result: a score per dimension as a chart and a table, the result file to
//! send, and the partner's file to open.

use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

use super::components::{
    assessment_header, chosen_file, clicked, confirmed, credit, download_spreadsheet, file_chooser, file_text,
    group_title, missing, offer_file, score_text, source_words, tick_names,
};
use super::html::Html;
use super::{AppState, Notice, Screen};
use crate::adapters::{clock, files};
use crate::charts;
use crate::charts::Ticks;
use crate::domain::instrument::Kind;
use crate::domain::json::{Shape, Type};
use crate::domain::responses::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::domain::result_file::{self, ImportError, ResultFile};
use crate::domain::scoring::not_ticked;
use crate::domain::{dimension_scores, Assessment, Instrument, SourceRef, Tenths};
use crate::i18n::{self, Strings};

/// The screen, or a notice when the assessment is gone.
pub fn screen(state: AppState, id: String) -> impl IntoView {
    match state.open(&id) {
        Some((assessment, instrument)) => Either::Left(own_results(state, id, assessment, instrument)),
        None => Either::Right(missing(state)),
    }
}

fn own_results(state: AppState, id: String, assessment: Assessment, instrument: Arc<Instrument>) -> impl IntoView {
    let t = state.t;
    // What this side answers: a dimension only the other side answers has no score here.
    let role = &assessment.own.role;
    let scores: Vec<_> = dimension_scores(&instrument, &assessment.own)
        .into_iter()
        .filter(|s| instrument.dimension(&s.dimension_id).is_some_and(|d| d.answered_by(role)))
        .collect();
    let chart_rows: Vec<_> = scores
        .iter()
        .map(|s| (group_title(t, &instrument, s.key(), true), s.mean.map(Tenths::as_f64), score_text(t, s.mean)))
        .collect();
    let ticks = tick_names(&instrument);
    let svg =
        charts::score_chart(&chart_rows, Ticks { first: instrument.scale.min, names: &ticks }).unwrap_or_default();
    let scale_text = i18n::fill(t.scale_range, &[("min", &instrument.scale.min), ("max", &instrument.scale.max)]);
    // The chart's message in one sentence: the highest and the lowest dimension (first in the
    // instrument's order on a tie).
    let rated: Vec<_> = scores.iter().filter_map(|s| s.mean.map(|m| (m, s))).collect();
    let highest = rated.iter().rev().max_by_key(|(m, _)| *m);
    let lowest = rated.iter().min_by_key(|(m, _)| *m);
    let summary = match (highest, lowest) {
        (Some((high, h)), Some((low, l))) => i18n::fill(
            t.results_summary,
            &[
                ("highest", &group_title(t, &instrument, h.key(), false)),
                ("high", high),
                ("lowest", &group_title(t, &instrument, l.key(), false)),
                ("low", low),
            ],
        ),
        _ => t.results_summary_none.to_string(),
    };

    let mut html = Html::new();
    html.element("h1", &[("tabindex", "-1")], t.results_title).element("p", &[("class", "psc-hint")], t.results_intro);
    html.open("figure", &[("class", "psc-figure")]);
    html.open("div", &[("class", "psc-chart"), ("role", "img"), ("aria-label", t.results_chart_label)])
        .svg(&svg)
        .close("div");
    html.element("figcaption", &[], &format!("{summary} {}", t.results_chart_caption)).close("figure");
    html.open("table", &[("class", "psc-table"), ("id", "psc-own-scores")]).element(
        "caption",
        &[],
        t.results_table_caption,
    );
    html.open("thead", &[]).open("tr", &[]);
    for column in [t.col_dimension, &format!("{} ({scale_text})", t.col_score), t.col_rated, t.col_not_applicable] {
        html.element("th", &[("scope", "col")], column);
    }
    html.close("tr").close("thead").open("tbody", &[]);
    for s in &scores {
        html.open("tr", &[("data-dimension", &s.dimension_id), ("data-about", s.about.as_deref().unwrap_or_default())]);
        html.element("th", &[("scope", "row")], &group_title(t, &instrument, s.key(), false));
        html.element("td", &[("class", "psc-num")], &score_text(t, s.mean));
        html.element(
            "td",
            &[("class", "psc-num")],
            &i18n::fill(t.rated_of, &[("rated", &s.rated), ("items", &s.items)]),
        );
        html.element("td", &[("class", "psc-num")], &s.not_applicable.to_string());
        html.close("tr");
    }
    html.close("tbody").close("table");
    if instrument.kind == Kind::Checklist {
        not_ticked_section(&mut html, t, &instrument, &assessment);
    }
    exchange_sections(&mut html, t, &instrument, &assessment);
    credit(&mut html, &instrument);

    // One listener for the buttons, one for the file chooser: each says what it is for.
    let on_click = {
        let id = id.clone();
        move |ev: leptos::ev::MouseEvent| {
            let Some(button) = clicked(&ev, "button[data-do]") else {
                return;
            };
            match button.get_attribute("data-do").as_deref() {
                Some(EXPORT) => export(state, &id),
                Some(SPREADSHEET) => download_spreadsheet(state, &id),
                Some(action @ (SEAL | REOPEN)) => seal_or_reopen(state, &id, action == REOPEN),
                Some(COMPARE) => state.go(Screen::Compare(id.clone())),
                _ => {}
            }
        }
    };
    let on_change = {
        let instrument = instrument.clone();
        move |ev: leptos::ev::Event| open_partner_file(state, &id, &instrument, &ev)
    };

    view! {
        {assessment_header(state, assessment.clone(), instrument.clone())}
        <div on:click=on_click on:change=on_change inner_html=html.finish()></div>
    }
}

/// A checklist's boxes not ticked yet, by dimension, and what the source advises about them.
fn not_ticked_section(html: &mut Html, t: &Strings, instrument: &Instrument, assessment: &Assessment) {
    html.open("section", &[("class", "psc-card psc-not-ticked"), ("aria-labelledby", "psc-not-ticked-title")]);
    html.element("h2", &[("id", "psc-not-ticked-title")], t.not_ticked_title);
    let open = not_ticked(instrument, &assessment.own);
    if open.is_empty() {
        html.element("p", &[], t.not_ticked_none);
    } else {
        html.element("p", &[], t.not_ticked_intro);
        let mut shown: Option<&str> = None;
        for (dimension, item) in open {
            if shown != Some(dimension.id.as_str()) {
                if shown.is_some() {
                    html.close("ul");
                }
                html.element("h3", &[], &dimension.title).open("ul", &[]);
                shown = Some(&dimension.id);
            }
            let answer =
                assessment.own.rating(&item.id).and_then(|r| r.score()).and_then(|p| instrument.scale.label(p));
            html.open("li", &[("data-item", &item.id)]).text(&item.text);
            let state = answer.unwrap_or(t.not_answered);
            html.text(" ").element("span", &[("class", "psc-row-dimension")], &format!("({state})")).close("li");
        }
        html.close("ul");
        let advised = instrument
            .advice
            .as_ref()
            .filter(|a| not_ticked(instrument, &assessment.own).iter().any(|(d, _)| a.covers(&d.id)));
        if let Some(advice) = advised {
            html.element("h3", &[], t.advice_title);
            source_words(
                html,
                t,
                &advice.text,
                &SourceRef { quote: Some(advice.text.clone()), ..advice.source.clone() },
            );
        }
    }
    html.close("section");
}

// What a button of the screen does (its `data-do`).
const EXPORT: &str = "export";
const SPREADSHEET: &str = "spreadsheet";
const SEAL: &str = "seal";
const REOPEN: &str = "reopen";
const COMPARE: &str = "compare";

/// The result file to send, and the partner's file to open once the answers are sealed.
fn exchange_sections(html: &mut Html, t: &Strings, instrument: &Instrument, assessment: &Assessment) {
    html.open("section", &[("class", "psc-card"), ("aria-labelledby", "psc-export-title")]);
    html.element("h2", &[("id", "psc-export-title")], t.export_title).element("p", &[], t.export_intro);
    html.open("div", &[("class", "psc-actions")]);
    html.element("button", &[("type", "button"), ("class", "psc-primary"), ("data-do", EXPORT)], t.export_button);
    html.element("button", &[("type", "button"), ("data-do", SPREADSHEET)], t.csv_button);
    html.close("div").close("section");

    let sealed_at = assessment.own.sealed_at.as_deref();
    html.open("section", &[("class", "psc-card"), ("aria-labelledby", "psc-import-title")]);
    html.element("h2", &[("id", "psc-import-title")], t.import_title).element("p", &[], t.import_intro).element(
        "p",
        &[],
        t.seal_intro,
    );
    if let Some(date) = sealed_at {
        html.element("p", &[("class", "psc-info")], &i18n::fill(t.sealed_on, &[("date", &clock::date_of(date))]));
    }
    let (seal_label, action) = if sealed_at.is_some() { (t.reopen_button, REOPEN) } else { (t.seal_button, SEAL) };
    html.element("button", &[("type", "button"), ("class", "psc-seal"), ("data-do", action)], seal_label);
    if let Some(p) = &assessment.partner {
        let role = instrument.role_label(&p.role);
        let loaded = i18n::fill(
            t.partner_file_loaded,
            &[
                ("organisation", &i18n::isolate(&p.organisation)),
                ("role", &role),
                ("date", &clock::date_of(&p.updated_at)),
            ],
        );
        html.element("p", &[("class", "psc-info")], &loaded);
        html.element("button", &[("type", "button"), ("class", "psc-primary"), ("data-do", COMPARE)], t.see_comparison);
    }
    // Open only over sealed answers.
    file_chooser(
        html,
        "psc-partner-file",
        t.import_label,
        "psc-import-error",
        sealed_at.is_none().then_some("disabled"),
    );
    html.close("section");
}

/// Downloads the own answers as a result file to send to the partner.
fn export(state: AppState, id: &str) {
    let t = state.t;
    let Some(current) = state.assessment(id) else { return };
    let now = clock::now_iso();
    let file = ResultFile::new(&current.own, &now);
    offer_file(state, &result_file::file_name(&current.own, &now, "json"), &file.to_json(), files::JSON, t.exported);
}

/// Seals the answers, or re-opens them after asking, and draws the screen afresh: even when
/// storage refused the change (the notice then says so), as it is made in memory all the same.
/// Focus goes on to the partner's file once sealed, back to the button once re-opened. If
/// another tab sealed or re-opened them since the screen was drawn (`drawn_sealed`), the screen
/// is only drawn afresh: the button does what it said, or nothing.
fn seal_or_reopen(state: AppState, id: &str, drawn_sealed: bool) {
    let t = state.t;
    let now = state.now();
    let sealed = state.with_assessment_untracked(id, |a| a.own.is_sealed()).unwrap_or(false);
    let done = if sealed != drawn_sealed {
        return state.redraw(".psc-seal");
    } else if !sealed {
        state.edit(id, |a| a.seal(&now)).map(|()| t.sealed_done)
    } else if confirmed(t.reopen_confirm) {
        state.edit(id, |a| a.reopen(&now)).map(|()| t.reopened_done)
    } else {
        return;
    };
    if let Ok(message) = done {
        state.notice.set(Some(Notice::Info(message.to_string())));
    }
    state.redraw(if sealed { ".psc-seal" } else { "#psc-partner-file" });
}

/// The partner's file chosen: read, checked and kept, then the comparison; or the reason it was
/// refused, beside the file chooser, with nothing stored changed.
fn open_partner_file(state: AppState, id: &str, instrument: &Arc<Instrument>, ev: &leptos::ev::Event) {
    let t = state.t;
    let Some(file) = chosen_file(ev) else { return };
    // The input is disabled until the answers are sealed; sealing may have been undone in
    // another tab since.
    if !state.with_assessment_untracked(id, Assessment::may_open_partner_file).unwrap_or(false) {
        return;
    }
    let (id, instrument) = (id.to_string(), instrument.clone());
    leptos::task::spawn_local(async move {
        let own_role = state.with_assessment_untracked(&id, |a| a.own.role.clone()).unwrap_or_default();
        let outcome =
            file_text(file).await.and_then(|text| result_file::read_partner_file(&text, &instrument, &own_role));
        // Reading takes a while: by then the person may have left this screen, or re-opened the
        // answers in another tab. Then the file is dropped, and nothing is said elsewhere.
        if !state.shows(&Screen::Results(id.clone()))
            || !state.with_assessment_untracked(&id, Assessment::may_open_partner_file).unwrap_or(false)
        {
            return;
        }
        match outcome {
            Ok(responses) => {
                let saved = state.edit(&id, |a| a.partner = Some(responses));
                state.go(Screen::Compare(id.clone()));
                // Shown with the comparison: it will be gone after a reload.
                if let Err(reason) = saved {
                    state.notice.set(Some(Notice::Error(reason)));
                }
            }
            Err(e) => {
                if let Some(slot) = state.element("#psc-import-error") {
                    slot.set_text_content(Some(&import_message(t, &e, Some(&instrument), false)));
                }
                state.focus_soon("#psc-import-error");
            }
        }
    });
}

/// Why a file was refused, for the user. `instrument` is the questionnaire the file must be for,
/// if any; `joint` whether a joint file was expected.
pub(super) fn import_message(t: &Strings, error: &ImportError, instrument: Option<&Instrument>, joint: bool) -> String {
    let title = instrument.map_or("", |i| i.title.as_str());
    match error {
        ImportError::TooLarge { bytes, limit } => {
            i18n::fill(t.import_too_large, &[("size", &(bytes / 1024)), ("limit", &(limit / 1024))])
        }
        ImportError::Empty => t.import_empty.to_string(),
        ImportError::NotJson => t.import_not_json.to_string(),
        ImportError::Truncated => t.import_truncated.to_string(),
        ImportError::NotAResultFile => t.import_not_result.to_string(),
        ImportError::UnsupportedVersion { found } => i18n::fill(t.import_version, &[("version", found)]),
        ImportError::WrongInstrument { found } => {
            i18n::fill(t.import_wrong_instrument, &[("found", found), ("expected", &title)])
        }
        ImportError::UnknownInstrument { found } => i18n::fill(t.import_unknown_instrument, &[("found", found)]),
        ImportError::OtherKindOfFile if joint => t.joint_result_file_here.to_string(),
        ImportError::OtherKindOfFile => t.import_joint_file_here.to_string(),
        ImportError::SameRole { role } => {
            let label = instrument.and_then(|i| i.role(role)).map_or(role.as_str(), |r| r.label.as_str());
            i18n::fill(t.import_same_role, &[("role", &label)])
        }
        ImportError::Duplicate => t.import_duplicate.to_string(),
        ImportError::Damaged(problem) => {
            i18n::fill(t.import_damaged, &[("place", &problem.path), ("what", &shape_text(t, &problem.shape))])
        }
        ImportError::NotARating { item } => {
            i18n::fill(t.import_not_a_rating, &[("statement", &statement_label(instrument, item))])
        }
        ImportError::OutsideScale { item, rating } => {
            let (min, max) = instrument.map_or((0, 0), |i| (i.scale.min, i.scale.max));
            let values: [(&str, &dyn std::fmt::Display); 4] =
                [("statement", &statement_label(instrument, item)), ("rating", rating), ("min", &min), ("max", &max)];
            i18n::fill(t.import_outside_scale, &values)
        }
        ImportError::UnknownRole { role } => i18n::fill(t.import_unknown_role, &[("role", role)]),
        ImportError::UnknownStatement { id } => i18n::fill(t.import_unknown_statement, &[("id", id)]),
        ImportError::NameTooLong => i18n::fill(t.import_name_too_long, &[("max", &MAX_NAME_CHARS)]),
        ImportError::TextTooLong => i18n::fill(t.import_text_too_long, &[("max", &MAX_TEXT_CHARS)]),
        ImportError::NoPartner => t.joint_no_partner.to_string(),
        ImportError::DifferentInstruments => t.joint_different_instruments.to_string(),
        ImportError::BothSameRole => t.joint_both_same_role.to_string(),
        ImportError::NoRoundDate => t.joint_no_round_date.to_string(),
        ImportError::BadAction { what } => i18n::fill(t.joint_bad_action, &[("what", &i18n::isolate(what))]),
        ImportError::NoSideOfRole { role } => {
            let label = instrument.map_or_else(|| role.clone(), |i| i.role_label(role));
            i18n::fill(t.rounds_no_side_of_role, &[("role", &label)])
        }
    }
}

/// A statement as a partner finds it in the questionnaire: its number and its words.
fn statement_label(instrument: Option<&Instrument>, id: &str) -> String {
    let found = instrument.and_then(|i| {
        i.dimensions.iter().enumerate().find_map(|(d, dimension)| {
            let (n, item) = dimension.items.iter().enumerate().find(|(_, item)| item.id == id)?;
            Some(format!("{}.{} “{}”", d + 1, n + 1, item.text))
        })
    });
    found.unwrap_or_else(|| id.to_string())
}

/// What is wrong with a field of a file, in words.
pub(super) fn shape_text(t: &Strings, shape: &Shape) -> String {
    match shape {
        Shape::Syntax => t.shape_syntax,
        Shape::CutOff => t.shape_cut_off,
        Shape::Missing => t.shape_missing,
        Shape::Unknown => t.shape_unknown,
        Shape::Expected(Type::Text) => t.shape_text,
        Shape::Expected(Type::WholeNumber) => t.shape_whole_number,
        Shape::Expected(Type::TrueOrFalse) => t.shape_true_or_false,
        Shape::Expected(Type::List) => t.shape_list,
        Shape::Expected(Type::Object) => t.shape_object,
        Shape::Expected(Type::Rating) => t.shape_rating,
    }
    .to_string()
}
