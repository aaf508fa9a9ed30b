//! The comparison: both partners' scores per dimension, largest gap first, as a dumbbell chart
//! and a table; each side's view of itself and of the other, where both rated both; every
//! statement's gap; both partners' reflections side by side.

mod views;

use leptos::prelude::*;
use std::sync::Arc;

use crate::adapters::{clock, intl};
use crate::charts::{gap_chart, GapRow, Legend, Ticks};
use crate::domain::gap::{emphasis, large_gap_threshold, large_item_gap, Comparison, Direction};
use crate::domain::{compare, Assessment, Instrument, Responses, Tenths};
use crate::i18n::{self, Strings};
use crate::ui::actions::{actions, asked, Action};
use crate::ui::ids;
use crate::ui::markup::{cell, emphasis_class, html, table, Markup};
use crate::ui::parts::chart::{chart, Draw};
use crate::ui::parts::download;
use crate::ui::parts::gaps::{chart_row, gap_cell};
use crate::ui::parts::header::assessment_header;
use crate::ui::parts::region::{inert, on, parts, region};
use crate::ui::parts::{credit, missing};
use crate::ui::state::{AppState, Screen};
use crate::ui::words::{
    answered_only_by, dimension_title, direction_text, group_title, number, rating_text, score_text, tick_names,
    written,
};

actions! {
    /// What the screen's buttons do.
    Comparing { Results = "results", Session = "session", Spreadsheet = "spreadsheet", Print = "print" }
}

/// How many statement rows are drawn with the rest of the comparison. The others are added once
/// that has been painted, so a long questionnaire's comparison shows as fast as a short one's
/// (laying out 500 rows took most of the 90 ms from a partner's file to the drawn comparison).
/// Few enough that the 26-statement scorecard goes through both steps in every browser test.
const FIRST_ROWS: usize = 12;

/// The screen, or a notice when the assessment is gone.
pub fn screen(state: AppState, id: String) -> AnyView {
    match state.open(&id) {
        Some((assessment, instrument)) => comparison(state, id, assessment, instrument),
        None => missing(state),
    }
}

/// Both sides' names as the comparison's legend uses them: "You (local partner)".
pub fn legends(t: &Strings, instrument: &Instrument, own: &Responses, partner_role: &str) -> (String, String) {
    (
        i18n::fill(t.legend_you, &[("role", &instrument.role_label(&own.role))]),
        i18n::fill(t.legend_partner, &[("role", &instrument.role_label(partner_role))]),
    )
}

fn comparison(state: AppState, id: String, assessment: Assessment, instrument: Arc<Instrument>) -> AnyView {
    let t = state.t();
    let handle = {
        let id = id.clone();
        on(move |ev| match asked::<Comparing>(ev) {
            Some((Comparing::Results, _, _)) => state.go(Screen::Results(id.clone())),
            Some((Comparing::Session, _, _)) => state.go(Screen::Session(id.clone())),
            Some((Comparing::Spreadsheet, _, _)) => download::spreadsheet(state, &id),
            Some((Comparing::Print, _, _)) => {
                let _ = window().print();
            }
            None => {}
        })
    };
    let header = assessment_header(state, &assessment, &instrument);
    let Some(partner) = assessment.partner.clone() else {
        let markup = html! {
            h1 tabindex="-1" { (t.compare_title) }
            p { (t.compare_needs_file) }
            button type="button" .psc-primary data-do=(Comparing::Results.attr()) { (t.go_to_results) }
        };
        return parts(vec![header, region(markup, handle)]);
    };
    let own = &assessment.own;
    let comparison = compare(&instrument, own, &partner);
    let (own_legend, partner_legend) = legends(t, &instrument, own, &partner.role);
    let rows: Vec<GapRow> = comparison.dimensions.iter().map(|d| chart_row(t, &instrument, d)).collect();
    let ticks = tick_names(&instrument);
    let first = instrument.scale.min;
    let (own_name, partner_name) = (own_legend.clone(), partner_legend.clone());
    let draw: Draw = Arc::new(move |width| {
        let legend = Legend { own: &own_name, partner: &partner_name };
        gap_chart(&rows, Ticks { first, names: &ticks }, legend, width).unwrap_or_default()
    });
    // The chart's message in one sentence, for those who do not see it.
    let summary = match comparison.dimensions.first() {
        Some(d) if d.gap.is_some() => i18n::fill(
            t.compare_summary,
            &[
                ("dimension", &group_title(t, &instrument, d.key(), false)),
                ("you", &score_text(t, d.own.mean)),
                ("partner", &score_text(t, d.partner.mean)),
            ],
        ),
        _ => t.compare_summary_none.to_string(),
    };
    let top = top_markup(t, &instrument, &assessment, &partner, &comparison, (&own_legend, &partner_legend));
    let (dimensions, later) = tables(t, &instrument, own, &partner, &comparison);

    // The rows after the first few: after the next frame has been drawn, into this screen's
    // table, if it is still shown and has only its first rows.
    let later = later.into_string();
    let shown = Screen::Compare(id.clone());
    let first_rows = FIRST_ROWS.min(comparison.items.len());
    request_animation_frame(move || {
        set_timeout(
            move || {
                let body = state.element(&format!("#{} tbody", ids::ITEM_GAPS));
                if let Some(body) =
                    body.filter(|b| state.shows(&shown) && b.child_element_count() as usize == first_rows)
                {
                    let _ = body.insert_adjacent_html("beforeend", &later);
                }
            },
            std::time::Duration::ZERO,
        )
    });
    let actions = html! {
        div.psc-actions {
            button type="button" .psc-primary data-do=(Comparing::Session.attr()) { (t.go_to_session) }
            button type="button" .psc-secondary data-do=(Comparing::Print.attr()) { (t.print) }
            button type="button" .psc-secondary data-do=(Comparing::Spreadsheet.attr()) { (t.csv_button) }
        }
        p.psc-hint.psc-no-print { (t.csv_not_protected) }
        (credit(&instrument))
    };
    let caption = format!("{summary} {}", t.compare_chart_caption);
    parts(vec![
        header,
        region(top, inert()),
        chart(state, t.compare_chart_label.to_string(), caption, draw),
        region(dimensions, inert()),
        region(actions, handle),
    ])
}

/// The heading, who is compared with whom, whether each side's answers were sealed, and what
/// counts as a large gap.
fn top_markup(
    t: &Strings,
    instrument: &Instrument,
    assessment: &Assessment,
    partner: &Responses,
    comparison: &Comparison,
    (own_legend, partner_legend): (&str, &str),
) -> Markup {
    let own = &assessment.own;
    let who = i18n::fill(
        t.compare_who,
        &[
            ("organisation", &i18n::isolate(&own.organisation)),
            ("role", &instrument.role_label(&own.role)),
            ("partner", &i18n::isolate(&partner.organisation)),
            ("partner_role", &instrument.role_label(&partner.role)),
        ],
    );
    let seal_line = |who: &str, side: &Responses| {
        let mut line = match &side.sealed_at {
            Some(date) => i18n::fill(t.seal_state_sealed, &[("who", &who), ("date", &clock::date_of(t.lang, date))]),
            None => i18n::fill(t.seal_state_open, &[("who", &who)]),
        };
        if !side.reopened_after_comparison.is_empty() {
            let dates: Vec<String> = side.reopened_after_comparison.iter().map(|d| clock::date_of(t.lang, d)).collect();
            line = format!("{line} {}", i18n::fill(t.seal_state_reopened, &[("dates", &dates.join(t.list_separator))]));
        }
        line
    };
    let threshold = i18n::fill(
        t.compare_threshold,
        &[
            ("threshold", &number(t, large_gap_threshold(&instrument.scale))),
            ("items", &large_item_gap(&instrument.scale)),
        ],
    );
    let counts = i18n::fill(
        t.large_gap_count,
        &[
            ("dimensions", &comparison.dimensions.iter().filter(|d| d.large).count()),
            ("dimension_total", &comparison.dimensions.len()),
            ("items", &comparison.items.iter().filter(|i| i.large).count()),
            ("item_total", &comparison.items.len()),
        ],
    );
    html! {
        h1 tabindex="-1" { (t.compare_title) }
        p.psc-lede { (who) }
        ul.psc-seals { li { (seal_line(own_legend, own)) } li { (seal_line(partner_legend, partner)) } }
        @if let Some(language) = &partner.language {
            p.psc-answered-in {
                (i18n::fill(t.answered_in, &[("organisation", &i18n::isolate(&partner.organisation)), ("language", &intl::language_name(language, t.lang))]))
            }
        }
        p.psc-hint { (threshold) " " (counts) }
    }
}

/// Both partners' values, the gap (marked by its size) and who rates higher; where the row is
/// about one side, whether that side rates itself higher (its blind spot); where only one side
/// answers it, that.
struct Cells<'a> {
    own: String,
    partner: String,
    gap: Option<Tenths>,
    large: bool,
    direction: Option<Direction>,
    blind_spot: Option<&'a str>,
    only: Option<String>,
}

fn gap_cells(t: &Strings, instrument: &Instrument, cells: Cells) -> Markup {
    let direction = cells.only.clone().unwrap_or_else(|| direction_text(t, cells.direction).to_string());
    html! {
        (cell(t.col_you, &cells.own, true))
        (cell(t.col_partner, &cells.partner, true))
        (gap_cell(t, t.col_gap, cells.gap, cells.large))
        td data-label=(t.col_direction) {
            (direction)
            @if let Some(side) = cells.blind_spot {
                " " strong.psc-flag.psc-blind-spot { (i18n::fill(t.blind_spot, &[("side", &instrument.role_label(side))])) }
            }
        }
    }
}

/// The tables: dimensions, the four views, the statements' first rows (the rest are returned
/// apart, drawn a moment later) and both sides' reflections.
fn tables(
    t: &Strings,
    instrument: &Instrument,
    own: &Responses,
    partner: &Responses,
    comparison: &Comparison,
) -> (Markup, Markup) {
    let scale = &instrument.scale;
    let columns = |first: &'static str| [first, t.col_you, t.col_partner, t.col_gap, t.col_direction];
    let dimension_rows = html! {
        @for d in &comparison.dimensions {
            tr class=(emphasis_class(emphasis(d.gap, scale))) data-dimension=(d.dimension_id()) data-about=[d.about()] {
                th scope="row" { (group_title(t, instrument, d.key(), false)) }
                (gap_cells(t, instrument, Cells {
                    own: score_text(t, d.own.mean),
                    partner: score_text(t, d.partner.mean),
                    gap: d.gap,
                    large: d.large,
                    direction: d.direction(),
                    blind_spot: d.blind_spot.as_deref(),
                    only: answered_only_by(t, instrument, d.dimension_id()),
                }))
            }
        }
    };
    let statement_row = |g: &crate::domain::ItemGap| {
        html! {
            tr class=(emphasis_class(emphasis(g.gap, scale))) data-item=(g.item_id) data-about=[g.about.as_deref()] {
                th scope="row" {
                    (instrument.item(&g.item_id).map(|i| i.text.as_str()).unwrap_or_default())
                    span.psc-row-dimension { (dimension_title(instrument, &g.dimension_id, false)) }
                    @for (label, comment) in [(t.your_comment, own.comment(&g.item_id)), (t.partner_comment, partner.comment(&g.item_id))] {
                        @if !comment.is_empty() { span.psc-comment-shown { (label) " " (i18n::isolate(comment)) } }
                    }
                }
                (gap_cells(t, instrument, Cells {
                    own: rating_text(t, instrument, g.own),
                    partner: rating_text(t, instrument, g.partner),
                    gap: g.gap,
                    large: g.large,
                    direction: g.direction(),
                    blind_spot: g.blind_spot.as_deref(),
                    only: answered_only_by(t, instrument, &g.dimension_id),
                }))
            }
        }
    };
    let (first, rest) = comparison.items.split_at(FIRST_ROWS.min(comparison.items.len()));
    let first_rows = html! { @for g in first { (statement_row(g)) } };
    let later = html! { @for g in rest { (statement_row(g)) } };
    let (own_legend, partner_legend) = legends(t, instrument, own, &partner.role);
    let markup = html! {
        (table(ids::DIMENSION_GAPS, t.dimension_gaps_caption, &columns(t.col_dimension), dimension_rows))
        @if instrument.rates_both_sides() { (views::section(t, instrument, comparison, &own.role)) }
        (table(ids::ITEM_GAPS, t.item_gaps_caption, &columns(t.col_statement), first_rows))
        section.psc-reflections-compared aria-labelledby=(ids::REFLECTIONS_COMPARED) {
            h2 id=(ids::REFLECTIONS_COMPARED) { (t.reflections_compared_title) }
            // Each dimension's learning questions, then the reflections.
            @for q in instrument.questions() {
                div.psc-reflection-pair data-question=(q.id) {
                    h3 { (q.text) }
                    div.psc-pair {
                        @for (who, answer) in [(&own_legend, own.reflection(&q.id)), (&partner_legend, partner.reflection(&q.id))] {
                            div { h4 { (who) } p.psc-free-text { (written(t, answer)) } }
                        }
                    }
                }
            }
        }
    };
    (markup, later)
}
