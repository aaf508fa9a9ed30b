//! Several people's answers, combined: a facilitator chooses the result files of several
//! respondents of one side, or of both, and sees each side's view (the rules are in
//! `domain::respondents`). Nothing of the files is kept in this browser.

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use std::rc::Rc;

use crate::charts::{gap_chart, Legend, Ticks};
use crate::domain::gap::emphasis;
use crate::domain::respondents::{combine, gap_between, Combined, Summary, MAX_COMBINED_BYTES};
use crate::domain::scoring::groups;
use crate::domain::{Instrument, Tenths};
use crate::i18n::{self, Strings};
use crate::ui::fetching::fetch_instrument_of;
use crate::ui::ids;
use crate::ui::markup::{cell, html, table, Markup};
use crate::ui::parts::chart::chart_now;
use crate::ui::parts::chooser::{file_chooser, Chooser};
use crate::ui::parts::credit;
use crate::ui::parts::dom::is_open;
use crate::ui::parts::gaps::gap_cell;
use crate::ui::parts::later::NotFetched;
use crate::ui::parts::region::{inert, live};
use crate::ui::state::AppState;
use crate::ui::words::{chart_note, file_refused, group_title, score_text, summary_text, tick_names};

pub fn section(state: AppState) -> impl IntoView {
    let t = state.t();
    let error = RwSignal::new(String::new());
    let shown = RwSignal::new(String::new());
    let read = Rc::new(move |files: Vec<(String, String)>| {
        leptos::task::spawn_local(async move {
            if let Some((_, first)) = files.first() {
                fetch_instrument_of(state, first).await;
            }
            let (message, view) = outcome(state, files)
                .await
                .unwrap_or_else(|NotFetched| (t.part_unreachable.to_string(), String::new()));
            let focus =
                if message.is_empty() { format!("#{} h3", ids::COMBINED) } else { ids::selector(ids::COMBINE_ERROR) };
            if error.try_set(message).is_none() && shown.try_set(view).is_none() {
                state.focus_soon(focus);
            }
        });
    });
    let chooser = Chooser {
        multiple: true,
        limit: MAX_COMBINED_BYTES,
        ..Chooser::one(ids::COMBINE_FILES, ids::COMBINE_ERROR, t.combine_label)
    };
    view! {
        // Open while it has something to say, and never folded by the app once open (while a
        // passphrase is asked for, say).
        <details
            class="psc-card psc-fold psc-combine"
            prop:open=move || error.with(|e| !e.is_empty()) || shown.with(|v| !v.is_empty()) || is_open(state.widget, ids::COMBINE_TITLE)
        >
            <summary>
                <h2 id=ids::COMBINE_TITLE>{t.combine_title}</h2>
            </summary>
            <p>{t.combine_intro}</p>
            {file_chooser(state, chooser, error, read)}
            <div id=ids::COMBINED>{live(shown.into(), inert())}</div>
        </details>
    }
}

/// What the files chosen come to: why one is refused, or the combined view's markup. Only a
/// facilitator with several people's files needs this, so it is in a part of the app of its own
/// (`parts::later`), with the chart it draws.
#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
fn outcome(state: AppState, files: Vec<(String, String)>) -> Result<(String, String), NotFetched> {
    Ok(match combine(&files, &|id| state.instrument(id)) {
        Ok(combined) => (String::new(), combined_view(state, &combined).into_string()),
        Err((file, e, instrument)) => (file_refused(state.t(), &file, &e, instrument.as_deref()), String::new()),
    })
}

/// Both sides' views: who answered, a chart and a table of the dimensions, a table of the
/// statements, and what people wrote where that may be shown.
fn combined_view(state: AppState, combined: &Combined) -> Markup {
    let t = state.t();
    let instrument = &combined.instrument;
    let sides = &combined.sides;
    let labels: Vec<String> = sides.iter().map(|s| instrument.role_label(&s.role)).collect();
    let dimensions: Vec<_> = sides.iter().map(|s| s.dimensions(instrument)).collect();
    let groups = groups(instrument);
    let rows: Vec<_> = groups
        .iter()
        .enumerate()
        .map(|(n, (d, about))| {
            let (a, b) = (dimensions[0][n], dimensions[1][n]);
            let (gap, large) = gap_between(a, b, &instrument.scale);
            crate::charts::GapRow {
                label: group_title(t, instrument, (&d.id, *about), true),
                own: a.mean.map(Tenths::as_f64),
                partner: b.mean.map(Tenths::as_f64),
                own_text: score_text(t, a.mean),
                partner_text: score_text(t, b.mean),
                note: chart_note(t, gap, large),
                emphasis: emphasis(gap, &instrument.scale),
            }
        })
        .collect();
    let ticks = tick_names(instrument);
    let legend = Legend { own: &labels[0], partner: &labels[1] };
    let figure = chart_now(state, t.combine_chart_label, "", &|width| {
        gap_chart(&rows, Ticks { first: instrument.scale.min, names: &ticks }, legend, width).unwrap_or_default()
    });
    let headers = |first: &'static str| [first, labels[0].as_str(), labels[1].as_str(), t.col_gap];
    let row = |about: &str, a: Summary, b: Summary| {
        let (gap, large) = gap_between(a, b, &instrument.scale);
        html! {
            tr {
                th scope="row" { (about) }
                (cell(&labels[0], summary_text(t, a, |template, n| state.counted(template, n)), false))
                (cell(&labels[1], summary_text(t, b, |template, n| state.counted(template, n)), false))
                (gap_cell(t, t.col_gap, gap, large))
            }
        }
    };
    let dimension_rows = html! {
        @for (n, (d, about)) in groups.iter().enumerate() {
            (row(&group_title(t, instrument, (&d.id, *about), false), dimensions[0][n], dimensions[1][n]))
        }
    };
    let statement_rows = html! {
        @for (_, item) in instrument.items() {
            (row(&item.text, sides[0].statement(&item.id), sides[1].statement(&item.id)))
        }
    };
    html! {
        h3 tabindex="-1" { (i18n::fill(t.combine_view_title, &[("instrument", &instrument.title)])) }
        @for (side, label) in sides.iter().zip(&labels) {
            @let count = side.respondents.len();
            @let who = i18n::fill(state.counted(t.combine_side, count), &[("role", label), ("count", &count)]);
            p {
                @if count > 0 && !side.shows_individuals() {
                    (i18n::fill(t.combine_counts_only, &[("who", &who), ("role", label)]))
                } @else {
                    (who)
                }
            }
        }
        (figure)
        (table(ids::COMBINED_DIMENSIONS, t.combine_dimensions_caption, &headers(t.col_dimension), dimension_rows))
        (table(ids::COMBINED_STATEMENTS, t.combine_statements_caption, &headers(t.col_statement), statement_rows))
        (said(t, instrument, combined, &labels))
        (credit(instrument))
    }
}

/// What people wrote, statement by statement and question by question, where it may be shown.
fn said(t: &Strings, instrument: &Instrument, combined: &Combined, labels: &[String]) -> Markup {
    let mut questions: Vec<(&str, &str, bool)> =
        instrument.items().map(|(_, i)| (i.id.as_str(), i.text.as_str(), true)).collect();
    questions.extend(instrument.questions().map(|q| (q.id.as_str(), q.text.as_str(), false)));
    let said: Vec<(&str, Vec<String>)> = questions
        .into_iter()
        .map(|(id, text, statement)| {
            let mut lines = Vec::new();
            for (side, label) in combined.sides.iter().zip(labels) {
                for (name, words) in side.said(&|r| if statement { r.comment(id) } else { r.reflection(id) }) {
                    let who = if name.is_empty() { label.clone() } else { format!("{label}, {}", i18n::isolate(name)) };
                    lines.push(i18n::fill(t.session_said, &[("who", &who), ("text", &i18n::isolate(words))]));
                }
            }
            (text, lines)
        })
        .filter(|(_, lines)| !lines.is_empty())
        .collect();
    html! {
        h4 { (t.combine_said_title) }
        @if said.is_empty() { p { (t.combine_said_none) } }
        @for (text, lines) in &said {
            p.psc-session-statement { (text) }
            ul { @for line in lines { li.psc-comment-shown { (line) } } }
        }
    }
}
