//! Several people's answers, combined: on the start screen a facilitator chooses the result
//! files of several respondents of one side, or of both, and sees each side's view (the rules
//! are in `domain::respondents`). Nothing of the files is kept in this browser.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::compare::{chart_note, figure, gap_cell, table_start};
use super::components::{credit, fetch_instrument_of, file_chooser, file_text, group_title, score_text, tick_names};
use super::html::Html;
use super::results::import_message;
use super::AppState;
use crate::charts::{gap_chart, GapRow, Legend, Ticks};
use crate::domain::gap::is_large;
use crate::domain::respondents::{combine, Combined, Summary, MAX_COMBINED_BYTES};
use crate::domain::result_file::ImportError;
use crate::domain::scoring::groups;
use crate::domain::{Instrument, Tenths};
use crate::i18n::{self, Strings};

const FILES: &str = "psc-combine-files";

/// The section: the file chooser, where a refusal is said, and where the combined view goes.
pub fn section(state: AppState) -> impl IntoView {
    let t = state.t;
    let mut html = Html::new();
    html.element("h2", &[("id", "psc-combine-title")], t.combine_title).element("p", &[], t.combine_intro);
    file_chooser(&mut html, FILES, t.combine_label, "psc-combine-error", Some("multiple"));
    html.element("div", &[("id", "psc-combined")], "");

    // Which choice of files is the latest: a slower, earlier one must not replace its view.
    let latest = StoredValue::new(0u32);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) =
            ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).filter(|i| i.id() == FILES)
        else {
            return;
        };
        let chosen: Vec<web_sys::File> =
            input.files().map(|list| (0..list.length()).filter_map(|n| list.get(n)).collect()).unwrap_or_default();
        if chosen.is_empty() {
            return;
        }
        // Emptied, so that choosing the same files again (after fixing one) is noticed.
        input.set_value("");
        latest.update_value(|n| *n += 1);
        let this = latest.get_value();
        leptos::task::spawn_local(async move {
            let outcome = read_all(t, chosen).await;
            if let Some((_, first)) = outcome.as_ref().ok().and_then(|files| files.first()) {
                fetch_instrument_of(state, first).await;
            }
            if latest.try_get_value() != Some(this) {
                return;
            }
            let (error, view) = match outcome.map(|files| combine(&files, &|id| state.instrument(id))) {
                Ok(Ok(combined)) => (String::new(), combined_view(t, &combined)),
                Ok(Err((file, e, instrument))) => (refused(t, &file, &e, instrument.as_deref()), String::new()),
                Err(message) => (message, String::new()),
            };
            if let (Some(slot), Some(shown)) = (state.element("#psc-combine-error"), state.element("#psc-combined")) {
                slot.set_text_content(Some(&error));
                shown.set_inner_html(&view);
            }
            state.focus_soon(if error.is_empty() { "#psc-combined h3" } else { "#psc-combine-error" });
        });
    };
    view! { <section aria-labelledby="psc-combine-title" class="psc-card psc-combine" on:change=on_change inner_html=html.finish()></section> }
}

/// Every chosen file's name and text; or why not: the files are too large together (said
/// before any is read), or one is too large or unreadable on its own.
async fn read_all(t: &Strings, chosen: Vec<web_sys::File>) -> Result<Vec<(String, String)>, String> {
    let bytes = chosen.iter().map(|f| f.size() as usize).sum::<usize>();
    if bytes > MAX_COMBINED_BYTES {
        return Err(i18n::fill(
            t.combine_too_large,
            &[("size", &(bytes / 1024)), ("limit", &(MAX_COMBINED_BYTES / 1024))],
        ));
    }
    let mut files = Vec::new();
    for file in chosen {
        let name = file.name();
        let text = file_text(file).await.map_err(|e| refused(t, &name, &e, None))?;
        files.push((name, text));
    }
    Ok(files)
}

/// Which file was refused, and why.
fn refused(t: &Strings, file: &str, error: &ImportError, instrument: Option<&Instrument>) -> String {
    let reason = import_message(t, error, instrument, false);
    i18n::fill(t.combine_file_refused, &[("file", &i18n::isolate(file)), ("reason", &reason)])
}

/// What a side's summary shows (`Side::visible` has taken out what may not be): its mean, its
/// lowest and highest, and how many answered.
fn cell(t: &Strings, s: Summary) -> String {
    let template = match (s.mean, s.lowest) {
        _ if s.count == 0 => return t.not_rated.to_string(),
        (None, _) => t.combine_cell_hidden,
        (Some(_), None) => t.combine_cell_means_only,
        (Some(_), Some(_)) => t.combine_cell,
    };
    let (lowest, highest, count) = (score_text(t, s.lowest), score_text(t, s.highest), s.count);
    i18n::fill(
        template,
        &[("mean", &score_text(t, s.mean)), ("lowest", &lowest), ("highest", &highest), ("count", &count)],
    )
}

/// Both sides' views: who answered, a chart and a table of the dimensions, a table of the
/// statements, and what people wrote where that may be shown.
fn combined_view(t: &Strings, combined: &Combined) -> String {
    let instrument = &combined.instrument;
    let sides = &combined.sides;
    let labels: Vec<String> = sides.iter().map(|s| instrument.role_label(&s.role)).collect();
    let mut html = Html::new();
    html.element("h3", &[("tabindex", "-1")], &i18n::fill(t.combine_view_title, &[("instrument", &instrument.title)]));
    for (side, label) in sides.iter().zip(&labels) {
        let count = side.respondents.len();
        let mut who = i18n::fill(t.combine_side, &[("role", label), ("count", &count)]);
        if count > 0 && !side.shows_individuals() {
            who = i18n::fill(t.combine_counts_only, &[("who", &who), ("role", label)]);
        }
        html.element("p", &[], &who);
    }
    let columns = [t.col_dimension, &labels[0], &labels[1], t.col_gap];

    let dimensions: Vec<_> = sides.iter().map(|s| s.dimensions(instrument)).collect();
    let mut rows = Vec::new();
    let mut table = Html::new();
    table_start(&mut table, "psc-combined-dimensions", t.combine_dimensions_caption, &columns);
    for (n, (d, about)) in groups(instrument).into_iter().enumerate() {
        let (a, b) = (dimensions[0][n], dimensions[1][n]);
        let (gap, large) = gap_row(&mut table, t, instrument, &group_title(t, instrument, (&d.id, about), false), a, b);
        rows.push(GapRow {
            label: group_title(t, instrument, (&d.id, about), true),
            own: a.mean.map(Tenths::as_f64),
            partner: b.mean.map(Tenths::as_f64),
            note: chart_note(t, gap, large),
            large,
        });
    }
    table.close("tbody").close("table");
    let ticks = tick_names(instrument);
    let svg = gap_chart(
        &rows,
        Ticks { first: instrument.scale.min, names: &ticks },
        Legend { own: &labels[0], partner: &labels[1] },
    )
    .unwrap_or_default();
    figure(&mut html, t.combine_chart_label, &svg, "");
    html.append(table);

    table_start(
        &mut html,
        "psc-combined-statements",
        t.combine_statements_caption,
        &[t.col_statement, &labels[0], &labels[1], t.col_gap],
    );
    for (_, item) in instrument.items() {
        gap_row(&mut html, t, instrument, &item.text, sides[0].statement(&item.id), sides[1].statement(&item.id));
    }
    html.close("tbody").close("table");

    // What people wrote, statement by statement and question by question, where it may be shown.
    html.element("h4", &[], t.combine_said_title);
    let mut questions: Vec<(&str, &str, bool)> =
        instrument.items().map(|(_, i)| (i.id.as_str(), i.text.as_str(), true)).collect();
    questions.extend(instrument.questions().map(|q| (q.id.as_str(), q.text.as_str(), false)));
    let mut any = false;
    for (id, text, statement) in questions {
        let mut lines = Vec::new();
        for (side, label) in sides.iter().zip(&labels) {
            for (name, words) in side.said(&|r| if statement { r.comment(id) } else { r.reflection(id) }) {
                let who = if name.is_empty() { label.clone() } else { format!("{label}, {}", i18n::isolate(name)) };
                lines.push(i18n::fill(t.session_said, &[("who", &who), ("text", &i18n::isolate(words))]));
            }
        }
        if !lines.is_empty() {
            any = true;
            html.element("p", &[("class", "psc-session-statement")], text).open("ul", &[]);
            for line in lines {
                html.element("li", &[("class", "psc-comment-shown")], &line);
            }
            html.close("ul");
        }
    }
    if !any {
        html.element("p", &[], t.combine_said_none);
    }
    credit(&mut html, instrument);
    html.finish()
}

/// A row: what it is about, both sides' cells, and the gap between the means shown (flagged
/// when large), which it returns with whether it is large.
fn gap_row(
    html: &mut Html,
    t: &Strings,
    instrument: &Instrument,
    about: &str,
    a: Summary,
    b: Summary,
) -> (Option<Tenths>, bool) {
    let gap = a.mean.zip(b.mean).map(|(a, b)| a - b);
    let large = gap.is_some_and(|g| is_large(g, &instrument.scale));
    html.open("tr", &[]).element("th", &[("scope", "row")], about);
    for cell in [cell(t, a), cell(t, b)] {
        html.element("td", &[], &cell);
    }
    gap_cell(html, t, gap, large);
    html.close("tr");
    (gap, large)
}
