//! The files a person downloads: their result file, the joint session's file, the spreadsheet.
//! A file of answers is protected with a passphrase unless the person chose otherwise
//! (`parts::protect`); the spreadsheet is always plain, and says so where it is offered.

use leptos::prelude::*;

use crate::adapters::{crypto, files, intl};
use crate::domain::assessment::Export;
use crate::domain::joint_file::joint_file;
use crate::domain::result_file::{self, NameWords, ResultFile};
use crate::domain::spreadsheet;
use crate::i18n;
use crate::ui::state::{AppState, Notice};
use crate::ui::words::group_title;

/// Offers a file to download, then says it was downloaded (`done` names it as `{file}`), or
/// that the browser refused.
pub fn offer_file(state: AppState, name: &str, text: &str, media_type: &str, done: &str) {
    state.notice.set(Some(match files::download(name, text, media_type) {
        Ok(()) => Notice::Info(i18n::fill(done, &[("file", &name)])),
        Err(files::DownloadRefused) => Notice::Error(state.t().export_failed.to_string()),
    }));
}

fn words(state: AppState, kind: &'static str) -> NameWords<'static> {
    NameWords { kind, sealed: state.t().file_sealed }
}

/// A joint file holds both sides: one side's seal says nothing about it.
fn joint_words(state: AppState) -> NameWords<'static> {
    NameWords { kind: state.t().file_joint, sealed: "" }
}

/// Downloads the own answers as a result file to send to the partner, protected with
/// `passphrase` if one is given; `done` says so (and, for answers not sealed, warns). `after`
/// runs once the file is offered (or refused).
pub fn result_file(state: AppState, id: &str, done: &str, passphrase: Option<String>, after: Box<dyn FnOnce()>) {
    let Some(own) = state.with_assessment_untracked(id, |a| a.own.clone()) else { return };
    let now = state.now();
    let name = result_file::file_name(&own, &now, "json", words(state, state.t().file_result));
    let text = ResultFile::new(&own, &now).to_json();
    offer_answers(state, id.to_string(), name, text, done.to_string(), passphrase, after);
}

/// Downloads the round as a joint file: both partners' answers, the plan and the round's date;
/// protected with `passphrase` if one is given.
pub fn joint(state: AppState, id: &str, passphrase: Option<String>) {
    let Some(file) = state.with_assessment_untracked(id, |a| joint_file(a, &state.now())).flatten() else { return };
    let date = file.round_date.clone().unwrap_or_default();
    let name = result_file::file_name(&file.responses, &date, "json", joint_words(state));
    let done = state.t().joint_downloaded.to_string();
    offer_answers(state, id.to_string(), name, file.to_json(), done, passphrase, Box::new(|| {}));
}

/// Offers a file of the answers of assessment `id`: as it is, or protected with `passphrase`.
/// Protecting derives a key, which takes a moment and runs off the page's thread (Web Crypto):
/// meanwhile a status says so. Then `done` (naming the file as `{file}`) with the passphrase, kept
/// with the assessment so that its sender can give it again; then `after`.
fn offer_answers(
    state: AppState,
    id: String,
    name: String,
    text: String,
    done: String,
    passphrase: Option<String>,
    after: Box<dyn FnOnce()>,
) {
    let t = state.t();
    let Some(passphrase) = passphrase else {
        offer_file(state, &name, &text, files::JSON, &done);
        return after();
    };
    state.notice.set(Some(Notice::Info(t.protecting.to_string())));
    leptos::task::spawn_local(async move {
        let notice = match crypto::seal(text.as_bytes(), &passphrase).await {
            Err(_) => Notice::Error(t.protect_failed.to_string()),
            Ok(sealed) => match files::download(&name, &sealed, files::JSON) {
                Err(files::DownloadRefused) => Notice::Error(t.export_failed.to_string()),
                Ok(()) => {
                    let done = format!(
                        "{} {}",
                        i18n::fill(&done, &[("file", &name)]),
                        i18n::fill(t.protected_with, &[("passphrase", &passphrase)])
                    );
                    let export = Export { file: name, at: state.now(), passphrase };
                    match state.edit(&id, |a| a.record_export(export)) {
                        Ok(()) => Notice::Info(done),
                        // Not kept: said first, with the passphrase to note down.
                        Err(reason) => Notice::Error(format!("{reason} {done}")),
                    }
                }
            },
        };
        state.notice.set(Some(notice));
        after();
    });
}

/// Downloads both partners' answers and the gaps as CSV, for people who work in spreadsheets.
pub fn spreadsheet(state: AppState, id: &str) {
    let t = state.t();
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
        decimal: t.decimal,
        group_title: &|d, about| group_title(t, &instrument, (&d.id, about), false),
    };
    let csv = spreadsheet::answers_and_gaps(&instrument, own, partner, &words);
    let name = result_file::file_name(own, &state.now(), "csv", self::words(state, t.file_result));
    // Which separator the file uses, since a spreadsheet set to another language may need telling.
    let separator = if spreadsheet::separator(t.decimal) == ';' {
        i18n::fill(t.csv_separator_semicolon, &[("language", &intl::language_name(t.lang, t.lang))])
    } else {
        t.csv_separator_comma.to_string()
    };
    offer_file(state, &name, &csv, files::CSV, &format!("{} {separator}", t.csv_downloaded));
}
