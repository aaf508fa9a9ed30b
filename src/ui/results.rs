//! One partner's own result: a score per dimension as a chart and a table, the result file to
//! send, and the partner's file to open.

use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

use super::components::{assessment_header, confirmed, credit, dimension_title, missing, score_text, spreadsheet_button};
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
        .map(|s| (dimension_title(&instrument, &s.dimension_id, true), s.mean.map(Tenths::as_f64), score_text(t, s.mean)))
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
    html.open("div", &[("class", "psc-chart"), ("role", "img"), ("aria-label", t.results_chart_label)]).svg(&svg).close("div");
    html.element("figcaption", &[], &format!("{summary} {}", t.results_chart_caption)).close("figure");
    html.open("table", &[("class", "psc-table"), ("id", "psc-own-scores")]).element("caption", &[], t.results_table_caption);
    html.open("thead", &[]).open("tr", &[]);
    for column in [t.col_dimension, &format!("{} ({scale_text})", t.col_score), t.col_rated, t.col_not_applicable] {
        html.element("th", &[("scope", "col")], column);
    }
    html.close("tr").close("thead").open("tbody", &[]);
    for s in &scores {
        html.open("tr", &[("data-dimension", &s.dimension_id)]);
        html.element("th", &[("scope", "row")], &dimension_title(&instrument, &s.dimension_id, false));
        html.element("td", &[("class", "psc-num")], &score_text(t, s.mean));
        html.element("td", &[("class", "psc-num")], &i18n::fill(t.rated_of, &[("rated", &s.rated), ("items", &s.items)]));
        html.element("td", &[("class", "psc-num")], &s.not_applicable.to_string());
        html.close("tr");
    }
    html.close("tbody").close("table");

    view! {
        {assessment_header(state, assessment.clone(), instrument.clone())}
        <div inner_html=html.finish()></div>
        {export_section(state, assessment.clone())}
        {import_section(state, id.clone(), instrument.clone())}
        {credit(instrument)}
    }
}

fn export_section(state: AppState, assessment: Assessment) -> impl IntoView {
    let t = state.t;
    let id = assessment.id.clone();
    let spreadsheet = spreadsheet_button(state, id.clone());
    let export = move |_| {
        let Some(current) = state.assessment(&id) else { return };
        let now = clock::now_iso();
        let file = ResultFile::new(&current.own, &now);
        let name = result_file::file_name(&current.own, &now, "json");
        match files::download(&name, &file.to_json(), files::JSON) {
            Ok(()) => state.notice.set(Some(Notice::Info(i18n::fill(t.exported, &[("file", &name)])))),
            Err(files::DownloadRefused) => state.notice.set(Some(Notice::Error(t.export_failed.to_string()))),
        }
    };
    view! {
        <section class="psc-card" aria-labelledby="psc-export-title">
            <h2 id="psc-export-title">{t.export_title}</h2>
            <p>{t.export_intro}</p>
            <div class="psc-actions">
                <button type="button" class="psc-primary" on:click=export>{t.export_button}</button>
                {spreadsheet}
            </div>
        </section>
    }
}

fn import_message(t: &Strings, error: &ImportError, instrument: &Instrument) -> String {
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
            i18n::fill(t.import_wrong_instrument, &[("found", found), ("expected", &instrument.title)])
        }
        ImportError::SameRole { role } => {
            let label = instrument.role(role).map(|r| r.label.as_str()).unwrap_or(role);
            i18n::fill(t.import_same_role, &[("role", &label)])
        }
        ImportError::Invalid { detail } => i18n::fill(t.import_invalid, &[("detail", detail)]),
    }
}

fn import_section(state: AppState, id: String, instrument: Arc<Instrument>) -> impl IntoView {
    let t = state.t;
    let error = RwSignal::new(None::<String>);
    let partner = {
        let id = id.clone();
        move || state.with_assessment(&id, |a| a.partner.clone()).flatten()
    };
    let on_file = {
        let (id, instrument) = (id.clone(), instrument.clone());
        move |ev: leptos::ev::Event| {
            let input: web_sys::HtmlInputElement = event_target(&ev);
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value("");
            // The input is disabled until the answers are sealed; sealing may have been undone in
            // another tab since.
            if !state.with_assessment_untracked(&id, Assessment::may_open_partner_file).unwrap_or(false) {
                return;
            }
            let (id, instrument) = (id.clone(), instrument.clone());
            leptos::task::spawn_local(async move {
                let outcome = match files::read_text(&file, result_file::MAX_FILE_BYTES).await {
                    Err(files::ReadError::TooLarge { bytes }) => {
                        Err(ImportError::TooLarge { bytes, limit: result_file::MAX_FILE_BYTES })
                    }
                    Err(files::ReadError::Unreadable) => Err(ImportError::NotJson),
                    Ok(text) => {
                        let own_role = state.with_assessment_untracked(&id, |a| a.own.role.clone()).unwrap_or_default();
                        result_file::read_partner_file(&text, &instrument, &own_role)
                    }
                };
                match outcome {
                    Ok(responses) => {
                        error.set(None);
                        let saved = state.edit(&id, |a| a.partner = Some(responses));
                        state.go(Screen::Compare(id.clone()));
                        // Shown with the comparison: it will be gone after a reload.
                        if let Err(reason) = saved {
                            state.notice.set(Some(Notice::Error(reason)));
                        }
                    }
                    Err(e) => {
                        error.set(Some(import_message(t, &e, &instrument)));
                        state.focus_soon("#psc-import-error");
                    }
                }
            });
        }
    };
    let compare_id = id.clone();
    // Read once: sealing or re-opening draws the screen afresh.
    let sealed_at = state.with_assessment_untracked(&id, |a| a.own.sealed_at.clone()).flatten();
    let sealed = sealed_at.is_some();
    let seal_or_reopen = move |_| {
        let now = state.now();
        let done = if !sealed {
            state.edit(&id, |a| a.seal(&now)).map(|()| t.sealed_done)
        } else if confirmed(t.reopen_confirm) {
            state.edit(&id, |a| a.reopen(&now)).map(|()| t.reopened_done)
        } else {
            return;
        };
        if let Ok(message) = done {
            state.notice.set(Some(Notice::Info(message.to_string())));
        }
        // Drawn afresh even when storage refused the change (then the notice says so): it is
        // made in memory all the same. Next: the partner's file once sealed; the button again
        // once re-opened.
        state.redraw(if sealed { ".psc-seal" } else { "#psc-partner-file" });
    };
    view! {
        <section class="psc-card" aria-labelledby="psc-import-title">
            <h2 id="psc-import-title">{t.import_title}</h2>
            <p>{t.import_intro}</p>
            <p>{t.seal_intro}</p>
            <p class="psc-info">{sealed_at.map(|d| i18n::fill(t.sealed_on, &[("date", &clock::date_of(&d))]))}</p>
            <button type="button" class="psc-seal" on:click=seal_or_reopen>
                {if sealed { t.reopen_button } else { t.seal_button }}
            </button>
            {move || partner().map(|p| {
                let role = instrument.role_label(&p.role);
                let compare_id = compare_id.clone();
                view! {
                    <p class="psc-info">
                        {i18n::fill(t.partner_file_loaded, &[("organisation", &i18n::isolate(&p.organisation)), ("role", &role), ("date", &clock::date_of(&p.updated_at))])}
                    </p>
                    <button type="button" class="psc-primary" on:click=move |_| state.go(Screen::Compare(compare_id.clone()))>
                        {t.see_comparison}
                    </button>
                }
            })}
            <div class="psc-field">
                <label for="psc-partner-file">{t.import_label}</label>
                <input
                    id="psc-partner-file"
                    type="file"
                    accept=".json,application/json"
                    disabled=!sealed
                    aria-describedby="psc-import-error"
                    on:change=on_file
                />
            </div>
            <p id="psc-import-error" class="psc-error-slot" role="alert" tabindex="-1">
                {move || error.get()}
            </p>
        </section>
    }
}
