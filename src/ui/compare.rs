//! The comparison: both partners' scores per dimension, largest gap first, as a dumbbell chart
//! and a table; every statement's gap; both partners' reflections side by side.

use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

use super::components::{assessment_header, credit, dimension_title, missing, score_text};
use super::{AppState, Screen};
use crate::charts::{self, GapRow, Legend};
use crate::domain::gap::{large_gap_threshold, large_item_gap, Direction};
use crate::domain::{Assessment, compare, Instrument, Rating, Tenths};
use crate::i18n::{self, Strings};

fn rating_text(t: &Strings, rating: Option<Rating>) -> String {
    match rating {
        Some(Rating::Score(n)) => n.to_string(),
        Some(Rating::NotApplicable) => t.not_applicable_short.to_string(),
        None => t.not_answered.to_string(),
    }
}


fn direction_text(t: &Strings, direction: Option<Direction>) -> &'static str {
    match direction {
        Some(Direction::YouHigher) => t.you_rate_higher,
        Some(Direction::PartnerHigher) => t.partner_rates_higher,
        Some(Direction::Same) => t.same_rating,
        None => t.no_gap,
    }
}

fn gap_text(t: &Strings, gap: Option<Tenths>) -> String {
    gap.map(|g| g.abs().to_string()).unwrap_or_else(|| t.no_gap.to_string())
}

/// The column headers shared by the dimension and statement tables.
fn table_head(t: &'static Strings, first: &'static str) -> impl IntoView {
    view! {
        <thead>
            <tr>
                {[first, t.col_you, t.col_partner, t.col_gap, t.col_direction]
                    .map(|h| view! { <th scope="col">{h}</th> })}
            </tr>
        </thead>
    }
}

/// Both partners' values, the gap (flagged when large) and who rates higher.
fn gap_cells(
    t: &'static Strings,
    own: String,
    partner: String,
    gap: Option<Tenths>,
    large: bool,
    direction: Option<Direction>,
) -> impl IntoView {
    view! {
        <td class="psc-num">{own}</td>
        <td class="psc-num">{partner}</td>
        <td class="psc-num">
            {gap_text(t, gap)}
            {large.then(|| view! { " " <strong class="psc-flag">{t.large_gap}</strong> })}
        </td>
        <td>{direction_text(t, direction)}</td>
    }
}


/// The screen, or a notice when the assessment is gone.
pub fn screen(state: AppState, id: String) -> impl IntoView {
    match state.open(&id) {
        Some((assessment, instrument)) => Either::Left(comparison(state, id, assessment, instrument)),
        None => Either::Right(missing(state)),
    }
}

fn comparison(state: AppState, id: String, assessment: Assessment, instrument: Arc<Instrument>) -> impl IntoView {
    let t = state.t;
    let header = view! { {assessment_header(state, assessment.clone(), instrument.clone())} };
    let Some(partner) = assessment.partner.clone() else {
        let results_id = id.clone();
        return Either::Right(view! {
            {header}
            <h1 tabindex="-1">{t.compare_title}</h1>
            <p>{t.compare_needs_file}</p>
            <button type="button" class="psc-primary" on:click=move |_| state.go(Screen::Results(results_id.clone()))>
                {t.go_to_results}
            </button>
        });
    };
    let own = &assessment.own;
    let comparison = compare(&instrument, own, &partner);
    let own_role = instrument.role_label(&own.role);
    let partner_role = instrument.role_label(&partner.role);
    let threshold = large_gap_threshold(&instrument.scale);
    let own_legend = i18n::fill(t.legend_you, &[("role", &own_role)]);
    let partner_legend = i18n::fill(t.legend_partner, &[("role", &partner_role)]);

    let rows: Vec<GapRow> = comparison
        .dimensions
        .iter()
        .map(|d| GapRow {
            label: dimension_title(&instrument, d.dimension_id(), true),
            own: d.own.mean.map(Tenths::as_f64),
            partner: d.partner.mean.map(Tenths::as_f64),
            note: match d.gap {
                Some(g) if d.large => i18n::fill(t.chart_large_gap, &[("gap", &g.abs())]),
                Some(g) => i18n::fill(t.chart_gap, &[("gap", &g.abs())]),
                None => t.no_gap.to_string(),
            },
            large: d.large,
        })
        .collect();
    let svg = charts::gap_chart(
        &rows,
        (instrument.scale.min, instrument.scale.max),
        Legend { own: &own_legend, partner: &partner_legend },
    )
    .unwrap_or_default();
    // The chart's message in one sentence, for those who do not see it.
    let summary = match comparison.dimensions.first() {
        Some(d) if d.gap.is_some() => i18n::fill(
            t.compare_summary,
            &[
                ("dimension", &dimension_title(&instrument, d.dimension_id(), false)),
                ("you", &score_text(t, d.own.mean)),
                ("partner", &score_text(t, d.partner.mean)),
            ],
        ),
        _ => t.compare_summary_none.to_string(),
    };
    let large_dimensions = comparison.dimensions.iter().filter(|d| d.large).count();
    let large_items = comparison.items.iter().filter(|i| i.large).count();

    Either::Left(view! {
        {header}
        <h1 tabindex="-1">{t.compare_title}</h1>
        <p class="psc-lede">
            {i18n::fill(
                t.compare_who,
                &[("organisation", &own.organisation), ("role", &own_role), ("partner", &partner.organisation), ("partner_role", &partner_role)],
            )}
        </p>
        <p class="psc-hint">
            {i18n::fill(t.compare_threshold, &[("threshold", &threshold), ("items", &large_item_gap(&instrument.scale))])}
            " "
            {i18n::fill(
                t.large_gap_count,
                &[
                    ("dimensions", &large_dimensions),
                    ("dimension_total", &comparison.dimensions.len()),
                    ("items", &large_items),
                    ("item_total", &comparison.items.len()),
                ],
            )}
        </p>
        <figure class="psc-figure">
            <div class="psc-chart" role="img" aria-label=t.compare_chart_label inner_html=svg></div>
            <figcaption>{summary} " " {t.compare_chart_caption}</figcaption>
        </figure>
        <table class="psc-table" id="psc-dimension-gaps">
            <caption>{t.dimension_gaps_caption}</caption>
            {table_head(t, t.col_dimension)}
            <tbody>
                {comparison
                    .dimensions
                    .iter()
                    .map(|d| view! {
                        <tr data-dimension=d.dimension_id().to_string() class:psc-large=d.large>
                            <th scope="row">{dimension_title(&instrument, d.dimension_id(), false)}</th>
                            {gap_cells(t, score_text(t, d.own.mean), score_text(t, d.partner.mean), d.gap, d.large, d.direction())}
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
        <table class="psc-table" id="psc-item-gaps">
            <caption>{t.item_gaps_caption}</caption>
            {table_head(t, t.col_statement)}
            <tbody>
                {comparison
                    .items
                    .iter()
                    .map(|g| {
                        let text = instrument.item(&g.item_id).map(|i| i.text.clone()).unwrap_or_default();
                        let (own_comment, partner_comment) = (own.comment(&g.item_id).to_string(), partner.comment(&g.item_id).to_string());
                        view! {
                            <tr data-item=g.item_id.clone() class:psc-large=g.large>
                                <th scope="row">
                                    {text}
                                    <span class="psc-row-dimension">{dimension_title(&instrument, &g.dimension_id, false)}</span>
                                    {(!own_comment.is_empty()).then(|| view! {
                                        <span class="psc-comment-shown">{t.your_comment} " " {own_comment}</span>
                                    })}
                                    {(!partner_comment.is_empty()).then(|| view! {
                                        <span class="psc-comment-shown">{t.partner_comment} " " {partner_comment}</span>
                                    })}
                                </th>
                                {gap_cells(t, rating_text(t, g.own), rating_text(t, g.partner), g.gap, g.large, g.direction())}
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        <section aria-labelledby="psc-reflections-compared" class="psc-reflections-compared">
            <h2 id="psc-reflections-compared">{t.reflections_compared_title}</h2>
            {instrument
                .reflections
                .iter()
                .map(|q| view! {
                    <div class="psc-reflection-pair" data-question=q.id.clone()>
                        <h3>{q.text.clone()}</h3>
                        <div class="psc-pair">
                            <div>
                                <h4>{own_legend.clone()}</h4>
                                <p class="psc-free-text">{non_empty(t, own.reflection(&q.id))}</p>
                            </div>
                            <div>
                                <h4>{partner_legend.clone()}</h4>
                                <p class="psc-free-text">{non_empty(t, partner.reflection(&q.id))}</p>
                            </div>
                        </div>
                    </div>
                })
                .collect_view()}
        </section>
        {credit(instrument.clone())}
    })
}

fn non_empty(t: &Strings, text: &str) -> String {
    if text.trim().is_empty() {
        t.no_answer.to_string()
    } else {
        text.to_string()
    }
}
