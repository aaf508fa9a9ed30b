//! One partner's own result: a score per dimension as a chart and a table; sealing the answers
//! and downloading the result file to send, as one step (with a check of what is unanswered
//! first), protected with a passphrase unless the person chose otherwise; the passphrases of the
//! files protected so far; and the partner's file to open.

use leptos::prelude::*;
use std::rc::Rc;
use std::sync::Arc;

use crate::adapters::{clock, intl};
use crate::charts::{self, Ticks};
use crate::domain::instrument::Kind;
use crate::domain::result_file::read_partner_file;
use crate::domain::scoring::not_ticked;
use crate::domain::{dimension_scores, progress, Assessment, Instrument, SourceRef, Tenths};
use crate::i18n::{self, Strings};
use crate::ui::actions::{actions, asked, Action};
use crate::ui::ids;
use crate::ui::markup::{cell, html, table, Markup};
use crate::ui::parts::chart::{chart, Draw};
use crate::ui::parts::chooser::{file_chooser, Chooser};
use crate::ui::parts::dom::confirmed;
use crate::ui::parts::download;
use crate::ui::parts::header::assessment_header;
use crate::ui::parts::protect::Protection;
use crate::ui::parts::region::{inert, live, on, parts, region, section};
use crate::ui::parts::{credit, missing, source_words};
use crate::ui::state::{AppState, Notice, Screen};
use crate::ui::words::{group_title, import_message, score_text, tick_names};

actions! {
    /// What the screen's buttons do.
    Results {
        /// Seals the answers and downloads the result file, once what is unanswered is checked.
        SealAndSend = "seal-and-send",
        /// The same, whatever is unanswered.
        SealAnyway = "seal-anyway",
        /// Back to the answers, at the first statement not answered.
        BackToAnswers = "back-to-answers",
        /// Downloads the answers as they are: sealed, or (after a warning) not.
        Download = "download",
        Reopen = "reopen",
        Spreadsheet = "spreadsheet",
    }
}

actions! {
    /// The partner's file section's button.
    Partner { Compare = "compare" }
}

/// The screen, or a notice when the assessment is gone.
pub fn screen(state: AppState, id: String) -> AnyView {
    match state.open(&id) {
        Some((assessment, instrument)) => own_results(state, id, assessment, instrument),
        None => missing(state),
    }
}

fn own_results(state: AppState, id: String, assessment: Assessment, instrument: Arc<Instrument>) -> AnyView {
    let t = state.t();
    let own = &assessment.own;
    // What this side answers: a dimension only the other side answers has no score here.
    let scores: Vec<_> = dimension_scores(&instrument, own)
        .into_iter()
        .filter(|s| instrument.dimension(&s.dimension_id).is_some_and(|d| d.answered_by(&own.role)))
        .collect();
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
    let chart_rows: Vec<_> = scores
        .iter()
        .map(|s| (group_title(t, &instrument, s.key(), true), s.mean.map(Tenths::as_f64), score_text(t, s.mean)))
        .collect();
    let ticks = tick_names(&instrument);
    let first = instrument.scale.min;
    let draw: Draw = Arc::new(move |width| {
        charts::score_chart(&chart_rows, Ticks { first, names: &ticks }, width).unwrap_or_default()
    });
    let scale_text = i18n::fill(t.scale_range, &[("min", &instrument.scale.min), ("max", &instrument.scale.max)]);
    let score_column = format!("{} ({scale_text})", t.col_score);
    let headers = [t.col_dimension, &score_column, t.col_rated, t.col_not_applicable];
    let rows = html! {
        @for s in &scores {
            tr data-dimension=(s.dimension_id) data-about=(s.about.as_deref().unwrap_or_default()) {
                th scope="row" { (group_title(t, &instrument, s.key(), false)) }
                (cell(&score_column, score_text(t, s.mean), true))
                (cell(t.col_rated, i18n::fill(t.rated_of, &[("rated", &s.rated), ("items", &s.items)]), true))
                (cell(t.col_not_applicable, s.not_applicable, true))
            }
        }
    };
    let top = html! {
        h1 tabindex="-1" { (t.results_title) }
        p.psc-hint { (t.results_intro) }
    };
    let scores_markup = html! {
        (table(ids::OWN_SCORES, t.results_table_caption, &headers, rows))
        @if instrument.kind == Kind::Checklist { (not_ticked_section(t, &instrument, &assessment)) }
    };
    let caption = format!("{summary} {}", t.results_chart_caption);
    parts(vec![
        assessment_header(state, &assessment, &instrument),
        region(top, inert()),
        chart(state, t.results_chart_label.to_string(), caption, draw),
        region(scores_markup, inert()),
        send_section(state, id.clone(), &assessment, instrument.clone()),
        passphrases(state, id.clone()),
        partner_section(state, id, &assessment, instrument.clone()),
        region(credit(&instrument), inert()),
    ])
}

/// A checklist's boxes not ticked yet, by dimension, and what the source advises about them.
fn not_ticked_section(t: &Strings, instrument: &Instrument, assessment: &Assessment) -> Markup {
    let open = not_ticked(instrument, &assessment.own);
    let advised = instrument.advice.as_ref().filter(|a| open.iter().any(|(d, _)| a.covers(&d.id)));
    let mut by_dimension: Vec<(&crate::domain::Dimension, Vec<&crate::domain::Item>)> = Vec::new();
    for (dimension, item) in &open {
        match by_dimension.last_mut() {
            Some((d, items)) if d.id == dimension.id => items.push(item),
            _ => by_dimension.push((dimension, vec![item])),
        }
    }
    let answer = |item: &crate::domain::Item| {
        let rated = assessment.own.rating(&item.id).and_then(|r| r.score()).and_then(|p| instrument.scale.label(p));
        rated.unwrap_or(t.not_answered).to_string()
    };
    html! {
        section.psc-card.psc-not-ticked aria-labelledby=(ids::NOT_TICKED_TITLE) {
            h2 id=(ids::NOT_TICKED_TITLE) { (t.not_ticked_title) }
            @if open.is_empty() {
                p { (t.not_ticked_none) }
            } @else {
                p { (t.not_ticked_intro) }
                @for (dimension, items) in &by_dimension {
                    h3 { (dimension.title) }
                    ul {
                        @for item in items {
                            li data-item=(item.id) { (item.text) " " span.psc-row-dimension { "(" (answer(item)) ")" } }
                        }
                    }
                }
                @if let Some(advice) = advised {
                    h3 { (t.advice_title) }
                    (source_words(t, &advice.text, &SourceRef { quote: Some(advice.text.clone()), ..advice.source.clone() }))
                }
            }
        }
    }
}

/// Sending the answers: sealed and downloaded in one step, after a check of what is unanswered;
/// once sealed, downloaded again or re-opened; and, for the rare need, a download without a seal,
/// after a warning. Each protected with a passphrase, unless the person chose otherwise. Plus the
/// spreadsheet, which is plain and says so.
fn send_section(state: AppState, id: String, assessment: &Assessment, instrument: Arc<Instrument>) -> AnyView {
    let t = state.t();
    let sealed_at = assessment.own.sealed_at.clone();
    let sealed = sealed_at.is_some();
    // The completeness check, once "Seal and download" was asked with statements unanswered:
    // how many, of how many.
    let checking = RwSignal::new(None::<(usize, usize)>);
    let protection = Protection::fresh();
    let handle = on(move |ev| {
        let Some((action, _, _)) = asked::<Results>(ev) else { return };
        match action {
            Results::SealAndSend | Results::SealAnyway => {
                // Sealed in another tab since this was drawn: drawn again, nothing asked.
                if state.with_assessment_untracked(&id, |a| a.own.is_sealed()) != Some(sealed) {
                    return state.redraw(ids::selector(ids::EXPORT_TITLE));
                }
                let Some(p) = state.open(&id).map(|(a, instrument)| progress(&instrument, &a.own)) else { return };
                if p.answered < p.total && action == Results::SealAndSend {
                    checking.set(Some((p.total - p.answered, p.total)));
                    state.focus_soon(ids::selector(ids::SEAL_CHECK));
                } else if let Some(passphrase) = protection.choice(state) {
                    seal_and_send(state, &id, sealed, passphrase);
                }
            }
            Results::BackToAnswers => back_to_answers(state, &id, &instrument),
            Results::Download => {
                let Some(passphrase) = protection.choice(state) else { return };
                if sealed || confirmed(t.unsealed_confirm) {
                    let done = if sealed { t.exported } else { t.exported_unsealed };
                    download::result_file(state, &id, done, passphrase, Box::new(|| {}));
                }
            }
            Results::Reopen => reopen(state, &id),
            Results::Spreadsheet => download::spreadsheet(state, &id),
        }
    });
    let top = html! {
        h2 id=(ids::EXPORT_TITLE) { (t.export_title) }
        p { (t.export_intro) }
        p { (t.seal_intro) }
    };
    let buttons = move || {
        html! {
            @if let Some((unanswered, total)) = checking.get() {
                div.psc-check id=(ids::SEAL_CHECK) role="group" aria-labelledby=(ids::SEAL_CHECK_TEXT) tabindex="-1" {
                    p id=(ids::SEAL_CHECK_TEXT) {
                        (i18n::fill(state.counted(t.seal_check, unanswered), &[("unanswered", &unanswered), ("total", &total)]))
                    }
                    div.psc-actions {
                        button type="button" .psc-primary data-do=(Results::BackToAnswers.attr()) { (t.back_to_answers) }
                        button type="button" .psc-secondary data-do=(Results::SealAnyway.attr()) { (t.seal_anyway) }
                    }
                }
            }
            @if let Some(date) = &sealed_at {
                p.psc-info { (i18n::fill(t.sealed_on, &[("date", &clock::date_of(t.lang, date))])) }
                div.psc-actions {
                    button type="button" .psc-primary data-do=(Results::Download.attr()) { (t.export_button) }
                    button type="button" .psc-secondary.psc-seal data-do=(Results::Reopen.attr()) { (t.reopen_button) }
                }
            } @else {
                div.psc-actions {
                    button type="button" .psc-primary.psc-seal data-do=(Results::SealAndSend.attr()) { (t.seal_and_download) }
                }
                p.psc-hint { (t.unsealed_hint) }
                div.psc-actions {
                    button type="button" .psc-secondary data-do=(Results::Download.attr()) { (t.download_unsealed) }
                }
            }
            div.psc-actions {
                button type="button" .psc-secondary data-do=(Results::Spreadsheet.attr()) { (t.csv_button) }
            }
            p.psc-hint.psc-no-print { (t.csv_not_protected) }
        }
        .into_string()
    };
    section(
        "psc-card",
        ids::EXPORT_TITLE.to_string(),
        vec![region(top, inert()), protection.view(state), live(Signal::derive(buttons), handle)],
    )
}

/// The passphrase of every file protected from this assessment, latest first, for a partner who
/// lost one; drawn again when a file is protected. Nothing while there is none.
fn passphrases(state: AppState, id: String) -> AnyView {
    let t = state.t();
    let markup = move || {
        let exports = state.with_assessment(&id, |a| a.exports.clone()).unwrap_or_default();
        if exports.is_empty() {
            return String::new();
        }
        let headers = [t.col_file, t.col_downloaded, t.passphrase_label];
        let rows = html! {
            @for export in exports.iter().rev() {
                tr {
                    th scope="row" data-label=(t.col_file) { (export.file) }
                    (cell(t.col_downloaded, intl::date_time(&export.at, t.lang), false))
                    td.psc-passphrase data-label=(t.passphrase_label) { (export.passphrase) }
                }
            }
        };
        html! {
            section.psc-card.psc-no-print aria-labelledby=(ids::PASSPHRASES_TITLE) {
                h2 id=(ids::PASSPHRASES_TITLE) { (t.passphrases_title) }
                p { (t.passphrases_intro) }
                (table(ids::PASSPHRASES, t.passphrases_title, &headers, rows))
            }
        }
        .into_string()
    };
    live(Signal::derive(markup), inert())
}

/// Seals the answers, downloads the sealed result file (protected with `passphrase`, if any) and
/// draws the screen afresh, focus on the partner's file. The seal is made in memory even when
/// storage refused it (the notice then says so), and the file carries it. If another tab sealed
/// them since the screen was drawn, the screen is only drawn afresh: the button does what it
/// said, or nothing.
fn seal_and_send(state: AppState, id: &str, drawn_sealed: bool, passphrase: Option<String>) {
    let sealed = state.with_assessment_untracked(id, |a| a.own.is_sealed()).unwrap_or(false);
    if sealed != drawn_sealed {
        return state.redraw(ids::selector(ids::EXPORT_TITLE));
    }
    let now = state.now();
    let saved = state.edit(id, |a| a.seal(&now));
    let screen = Screen::Results(id.to_string());
    let after = Box::new(move || {
        if let Err(reason) = saved {
            // Said first, beside what was downloaded (with its passphrase, if protected).
            state.notice.update(|notice| {
                if let Some(Notice::Info(done)) = notice {
                    *notice = Some(Notice::Error(format!("{reason} {done}")));
                }
            });
        }
        if state.shows(&screen) {
            state.redraw(ids::selector(ids::PARTNER_FILE));
        }
    });
    download::result_file(state, id, state.t().sealed_and_downloaded, passphrase, after);
}

/// Re-opens sealed answers after asking, and draws the screen afresh, focus back on the button.
fn reopen(state: AppState, id: &str) {
    let t = state.t();
    let sealed = state.with_assessment_untracked(id, |a| a.own.is_sealed()).unwrap_or(false);
    if sealed && confirmed(t.reopen_confirm) {
        let now = state.now();
        if state.edit(id, |a| a.reopen(&now)).is_ok() {
            state.notice.set(Some(Notice::Info(t.reopened_done.to_string())));
        }
    }
    state.redraw(".psc-seal");
}

/// The answering screen, focus on the first statement not answered.
fn back_to_answers(state: AppState, id: &str, instrument: &Instrument) {
    let first = state.with_assessment_untracked(id, |a| {
        instrument.items_for(&a.own.role).find(|(_, item)| a.own.rating(&item.id).is_none()).map(|(_, i)| i.id.clone())
    });
    state.go(Screen::Answer(id.to_string()));
    if let Some(item) = first.flatten() {
        let value = instrument.scale.min.to_string();
        state.focus_soon(ids::selector(&ids::rating(&item, &value)));
    }
}

/// Opening the partner's result file: possible once the own answers are sealed.
fn partner_section(state: AppState, id: String, assessment: &Assessment, instrument: Arc<Instrument>) -> AnyView {
    let t = state.t();
    let error = RwSignal::new(String::new());
    let loaded = assessment.partner.as_ref().map(|p| {
        i18n::fill(
            t.partner_file_loaded,
            &[
                ("organisation", &i18n::isolate(&p.organisation)),
                ("role", &instrument.role_label(&p.role)),
                ("date", &clock::date_of(t.lang, &p.updated_at)),
            ],
        )
    });
    let top = html! {
        h2 id=(ids::IMPORT_TITLE) { (t.import_title) }
        p { (t.import_intro) }
        @if let Some(text) = &loaded {
            p.psc-info { (text) }
            div.psc-actions { button type="button" .psc-primary data-do=(Partner::Compare.attr()) { (t.see_comparison) } }
        }
    };
    let compare = {
        let id = id.clone();
        on(move |ev| {
            if let Some((Partner::Compare, _, _)) = asked::<Partner>(ev) {
                state.go(Screen::Compare(id.clone()));
            }
        })
    };
    let chooser = Chooser {
        disabled: !assessment.may_open_partner_file(),
        ..Chooser::one(ids::PARTNER_FILE, ids::IMPORT_ERROR, t.import_label)
    };
    // Read, checked and kept, then the comparison; or why it was refused, beside the chooser,
    // with nothing stored changed. The answers may have been re-opened in another tab since.
    let read = Rc::new(move |files: Vec<(String, String)>| {
        let Some((_, text)) = files.into_iter().next() else { return };
        let Some((own_role, may)) =
            state.with_assessment_untracked(&id, |a| (a.own.role.clone(), a.may_open_partner_file()))
        else {
            return;
        };
        if !may {
            return;
        }
        match read_partner_file(&text, &instrument, &own_role) {
            Ok(responses) => {
                let saved = state.edit(&id, |a| a.partner = Some(responses));
                state.go(Screen::Compare(id.clone()));
                // Shown with the comparison: it will be gone after a reload.
                if let Err(reason) = saved {
                    state.notice.set(Some(Notice::Error(reason)));
                }
            }
            Err(e) => {
                error.set(import_message(t, &e, Some(&instrument), false));
                state.focus_soon(ids::selector(ids::IMPORT_ERROR));
            }
        }
    });
    section(
        "psc-card",
        ids::IMPORT_TITLE.to_string(),
        vec![region(top, compare), file_chooser(state, chooser, error, read)],
    )
}
