//! One partner's own result: a score per dimension as a chart and a table, the result file to
//! send, and the partner's file to open.

use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

use super::components::{
    assessment_header, chosen_file, clicked, confirmed, credit, dimension_title, download_spreadsheet, file_chooser,
    file_text, missing, offer_file, score_text,
};
use super::html::Html;
use super::{AppState, Notice, Screen};
use crate::adapters::{clock, files};
use crate::charts;
use crate::domain::result_file::{self, ImportError, ResultFile};
use crate::domain::{dimension_scores, Assessment, Instrument, Tenths};
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
    let scores = dimension_scores(&instrument, &assessment.own);
    let chart_rows: Vec<_> = scores
        .iter()
        .map(|s| {
            (dimension_title(&instrument, &s.dimension_id, true), s.mean.map(Tenths::as_f64), score_text(t, s.mean))
        })
        .collect();
    let svg = charts::score_chart(&chart_rows, (instrument.scale.min, instrument.scale.max)).unwrap_or_default();
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
                ("highest", &dimension_title(&instrument, &h.dimension_id, false)),
                ("high", high),
                ("lowest", &dimension_title(&instrument, &l.dimension_id, false)),
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
        html.open("tr", &[("data-dimension", &s.dimension_id)]);
        html.element("th", &[("scope", "row")], &dimension_title(&instrument, &s.dimension_id, false));
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
        ImportError::Invalid { detail } => i18n::fill(t.import_invalid, &[("detail", detail)]),
    }
}
