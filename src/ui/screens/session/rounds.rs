//! Rounds over time: how the partnership moved, each dimension's scores and gap round by round
//! (a chart, a sentence and a table), the actions agreed in earlier rounds and whether they were
//! done; and the chooser to add an earlier round's joint file.

use leptos::prelude::*;
use std::rc::Rc;
use std::sync::Arc;

use crate::adapters::clock::date_of;
use crate::charts::{gap_chart, GapRow, Legend, Ticks};
use crate::domain::gap::emphasis;
use crate::domain::joint_file::read_joint_file;
use crate::domain::rounds::{largest_gap_change, rounds, Round};
use crate::domain::scoring::groups;
use crate::domain::{Assessment, Instrument, Tenths};
use crate::i18n::{self, Strings};
use crate::ui::actions::{actions, asked, Action};
use crate::ui::fetching::fetch_instrument_of;
use crate::ui::ids;
use crate::ui::markup::{cell, html, table, Markup};
use crate::ui::parts::chart::{chart, Draw};
use crate::ui::parts::chooser::{file_chooser, Chooser, Read};
use crate::ui::parts::dom::confirmed;
use crate::ui::parts::region::{self, inert, on, region};
use crate::ui::state::{AppState, Notice};
use crate::ui::words::{chart_note, dimension_title, gap_text, group_title, import_message, score_text, tick_names};

actions! {
    /// Removing an earlier round; `data-arg` is its date.
    Rounds { Remove = "remove-round" }
}

pub fn section(
    state: AppState,
    assessment: &Assessment,
    instrument: &Instrument,
    (you, them): (&str, &str),
) -> AnyView {
    let t = state.t();
    let id = assessment.id.clone();
    // A one-off (closing out an agreement) has no rounds: the section says so, and offers none.
    if !instrument.rounds {
        let markup = html! {
            h2 id=(ids::ROUNDS_TITLE) tabindex="-1" { (t.rounds_title) }
            p.psc-hint { (t.rounds_not_for_this) }
        };
        return region::section(
            "psc-session psc-rounds psc-no-print",
            ids::ROUNDS_TITLE.to_string(),
            vec![region(markup, inert())],
        );
    }
    let rounds = rounds(assessment);
    let earlier = rounds.len() > 1;
    let (rows, tables, summary) = what_moved(t, instrument, assessment, &rounds, (you, them));
    let ticks = tick_names(instrument);
    let first = instrument.scale.min;
    let (own_name, partner_name) = (you.to_string(), them.to_string());
    let draw: Draw = Arc::new(move |width| {
        let legend = Legend { own: &own_name, partner: &partner_name };
        gap_chart(&rows, Ticks { first, names: &ticks }, legend, width).unwrap_or_default()
    });
    let handle = {
        let id = id.clone();
        on(move |ev| {
            let Some((Rounds::Remove, date, _)) = asked::<Rounds>(ev) else { return };
            if confirmed(&i18n::fill(t.rounds_remove_confirm, &[("date", &date_of(t.lang, &date))])) {
                let _ = state.edit(&id, |a| a.earlier_rounds.retain(|r| r.round_date.as_deref() != Some(&date)));
                state.redraw(ids::selector(ids::ROUNDS_TITLE));
            }
        })
    };
    let error = RwSignal::new(String::new());
    let read = add_round(state, id, error);
    let chooser = Chooser::one(ids::ROUNDS_FILE, ids::ROUNDS_ERROR, t.rounds_label);
    // With no earlier round, the section is an invitation only: left off the printed report.
    let class = if earlier { "psc-session psc-rounds" } else { "psc-session psc-rounds psc-no-print" };
    let intro = html! {
        h2 id=(ids::ROUNDS_TITLE) tabindex="-1" { (t.rounds_title) }
        p { (t.rounds_intro) }
    };
    let mut shown = vec![region(intro, inert())];
    if earlier {
        shown.push(chart(state, t.rounds_chart_label.to_string(), summary, draw));
        shown.push(region(tables, handle));
    }
    shown.push(file_chooser(state, chooser, error, read));
    region::section(class, ids::ROUNDS_TITLE.to_string(), shown)
}

/// Each group's scores and gap round by round (the chart's rows, and a table), the actions of
/// earlier rounds with whether they were done, the rounds with a way to remove each, and the
/// sentence saying which gap moved most.
fn what_moved(
    t: &Strings,
    instrument: &Instrument,
    assessment: &Assessment,
    rounds: &[Round],
    (you, them): (&str, &str),
) -> (Vec<GapRow>, Markup, String) {
    let mut rows = Vec::new();
    let mut table_rows = Vec::new();
    let comparisons: Vec<_> = rounds.iter().map(|r| r.comparison(instrument)).collect();
    for (d, about) in groups(instrument) {
        let key = (d.id.as_str(), about);
        for (round, comparison) in rounds.iter().zip(&comparisons) {
            let Some(g) = comparison.dimensions.iter().find(|g| g.key() == key) else { continue };
            rows.push(GapRow {
                label: format!("{} {}", date_of(t.lang, &round.date), group_title(t, instrument, key, true)),
                own: g.own.mean.map(Tenths::as_f64),
                partner: g.partner.mean.map(Tenths::as_f64),
                own_text: score_text(t, g.own.mean),
                partner_text: score_text(t, g.partner.mean),
                note: chart_note(t, g.gap, g.large),
                emphasis: emphasis(g.gap, &instrument.scale),
            });
            table_rows.push(html! {
                tr {
                    th scope="row" { (group_title(t, instrument, key, false)) }
                    td.psc-date data-label=(t.rounds_col_date) { (date_of(t.lang, &round.date)) }
                    (cell(you, score_text(t, g.own.mean), true))
                    (cell(them, score_text(t, g.partner.mean), true))
                    (cell(t.col_gap, gap_text(t, g.gap), true))
                }
            });
        }
    }
    let summary = largest_gap_change(instrument, rounds).map_or(String::new(), |(d, about, from, to)| {
        i18n::fill(
            t.rounds_summary,
            &[
                ("dimension", &group_title(t, instrument, (&d, about.as_deref()), false)),
                ("from", &gap_text(t, Some(from))),
                ("to", &gap_text(t, Some(to))),
            ],
        )
    });
    let action_columns = [t.rounds_col_date, t.col_dimension, t.plan_what, t.plan_who, t.plan_when, t.plan_done];
    let tables = html! {
        (table("psc-rounds-table", t.rounds_table_caption, &[t.col_dimension, t.rounds_col_date, you, them, t.col_gap], html! { @for row in &table_rows { (row) } }))
        h3 { (t.rounds_actions_title) }
        (table("psc-rounds-actions", t.rounds_actions_title, &action_columns, html! {
            @for round in &rounds[..rounds.len() - 1] {
                @for action in round.plan {
                    tr {
                        td.psc-date data-label=(t.rounds_col_date) { (date_of(t.lang, &round.date)) }
                        (cell(t.col_dimension, dimension_title(instrument, &action.dimension, false), false))
                        th scope="row" data-label=(t.plan_what) { (action.what) }
                        (cell(t.plan_who, &action.who, false))
                        td.psc-date data-label=(t.plan_when) { (date_of(t.lang, &action.by_when)) }
                        (cell(t.plan_done, if action.done { t.plan_done } else { t.rounds_not_done }, false))
                    }
                }
            }
        }))
        ul {
            @for file in &assessment.earlier_rounds {
                @let date = file.round_date.as_deref().unwrap_or_default();
                @let name = i18n::fill(t.rounds_round_of, &[("date", &date_of(t.lang, date))]);
                li {
                    (name) " "
                    button type="button" data-do=(Rounds::Remove.attr()) data-arg=(date) {
                        (t.plan_remove) span.psc-visually-hidden { " " (name) }
                    }
                }
            }
        }
    };
    (rows, tables, summary)
}

/// An earlier round's joint file chosen: read, checked and kept, then the screen drawn again with
/// it; or why it was refused, beside the chooser, with nothing stored changed.
fn add_round(state: AppState, id: String, error: RwSignal<String>) -> Read {
    let t = state.t();
    Rc::new(move |files: Vec<(String, String)>| {
        let Some((_, text)) = files.into_iter().next() else { return };
        let id = id.clone();
        leptos::task::spawn_local(async move {
            fetch_instrument_of(state, &text).await;
            let Some((assessment, instrument)) = state.open(&id) else { return };
            let outcome = read_joint_file(&text, &|id| state.instrument(id))
                .and_then(|(file, _)| assessment.may_add_round(&file).map(|()| file));
            match outcome {
                Ok(file) => {
                    let date = date_of(t.lang, file.round_date.as_deref().unwrap_or_default());
                    if state.edit(&id, |a| drop(a.add_earlier_round(file))).is_ok() {
                        state.notice.set(Some(Notice::Info(i18n::fill(t.rounds_added, &[("date", &date)]))));
                    }
                    state.redraw(ids::selector(ids::ROUNDS_TITLE));
                }
                Err(e) => {
                    let _ = error.try_set(import_message(t, &e, Some(&instrument), true));
                    state.focus_soon(ids::selector(ids::ROUNDS_ERROR));
                }
            }
        });
    })
}
