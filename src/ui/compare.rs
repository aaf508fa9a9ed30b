//! The comparison: both partners' scores per dimension, largest gap first, as a dumbbell chart
//! and a table; every statement's gap; both partners' reflections side by side.

use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

use super::components::{
    answered_only_by, assessment_header, clicked, credit, dimension_title, download_spreadsheet, group_title, missing,
    score_text, tick_names,
};
use super::html::Html;
use super::{AppState, Screen};
use crate::adapters::clock;
use crate::charts::{self, GapRow, Legend, Ticks};
use crate::domain::gap::Comparison;
use crate::domain::gap::{large_gap_threshold, large_item_gap, Direction};
use crate::domain::instrument::Kind;
use crate::domain::{compare, Assessment, Instrument, Rating, Role, Tenths};
use crate::i18n::{self, Strings};

/// How many statement rows are drawn with the rest of the comparison. The others are added once
/// that has been painted, so a long questionnaire's comparison shows as fast as a short one's
/// (laying out 500 rows took most of the 90 ms from a partner's file to the drawn comparison).
/// Few enough that the 26-statement scorecard goes through both steps in every browser test.
const FIRST_ROWS: usize = 12;

/// A rating as the tables show it: its point (a checklist's word for it), "don't know", or
/// "not answered".
pub(super) fn rating_text(t: &Strings, instrument: &Instrument, rating: Option<Rating>) -> String {
    match rating {
        Some(Rating::Score(n)) if instrument.kind == Kind::Checklist => {
            instrument.scale.label(n).map_or_else(|| n.to_string(), str::to_string)
        }
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

/// A gap's size, or that there is none.
pub(super) fn gap_text(t: &Strings, gap: Option<Tenths>) -> String {
    gap.map(|g| g.abs().to_string()).unwrap_or_else(|| t.no_gap.to_string())
}

/// A chart row's note: the gap's size, in capitals when large, or that there is none.
pub(super) fn chart_note(t: &Strings, gap: Option<Tenths>, large: bool) -> String {
    match gap {
        Some(g) => i18n::fill(if large { t.chart_large_gap } else { t.chart_gap }, &[("gap", &g.abs())]),
        None => t.no_gap.to_string(),
    }
}

/// A table's caption and column headers.
pub(super) fn table_start(html: &mut Html, id: &'static str, caption: &str, columns: &[&str]) {
    html.open("table", &[("class", "psc-table"), ("id", id)])
        .element("caption", &[], caption)
        .open("thead", &[])
        .open("tr", &[]);
    for column in columns {
        html.element("th", &[("scope", "col")], column);
    }
    html.close("tr").close("thead").open("tbody", &[]);
}

/// Both partners' values, the gap (flagged when large) and who rates higher; where the row is
/// about one side, whether that side rates itself higher (its blind spot); where only one side
/// answers it, that.
struct Cells<'a> {
    own: &'a str,
    partner: &'a str,
    gap: Option<Tenths>,
    large: bool,
    direction: Option<Direction>,
    blind_spot: Option<&'a str>,
    only: Option<String>,
}

fn gap_cells(html: &mut Html, t: &Strings, instrument: &Instrument, cells: Cells) {
    html.element("td", &[("class", "psc-num")], cells.own).element("td", &[("class", "psc-num")], cells.partner);
    gap_cell(html, t, cells.gap, cells.large);
    html.open("td", &[]).text(cells.only.as_deref().unwrap_or(direction_text(t, cells.direction)));
    if let Some(side) = cells.blind_spot {
        let flag = i18n::fill(t.blind_spot, &[("side", &instrument.role_label(side))]);
        html.text(" ").element("strong", &[("class", "psc-flag psc-blind-spot")], &flag);
    }
    html.close("td");
}

/// A gap's cell: its size, flagged when large.
pub(super) fn gap_cell(html: &mut Html, t: &Strings, gap: Option<Tenths>, large: bool) {
    html.open("td", &[("class", "psc-num")]).text(&gap_text(t, gap));
    if large {
        html.text(" ").element("strong", &[("class", "psc-flag")], t.large_gap);
    }
    html.close("td");
}

/// A table row's opening tag, marked when its gap is large.
/// A table row's opening tag: what it is about (`key` names it: `data-dimension`, `data-item`;
/// where it is about one side, `data-about` says which), marked when its gap is large.
fn row(html: &mut Html, (key, id): (&'static str, &str), about: Option<&str>, large: bool) {
    let mut attributes = vec![(key, id)];
    attributes.extend(about.map(|side| ("data-about", side)));
    if large {
        attributes.push(("class", "psc-large"));
    }
    html.open("tr", &attributes);
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
            label: group_title(t, &instrument, d.key(), true),
            own: d.own.mean.map(Tenths::as_f64),
            partner: d.partner.mean.map(Tenths::as_f64),
            note: chart_note(t, d.gap, d.large),
            large: d.large,
        })
        .collect();
    let ticks = tick_names(&instrument);
    let svg = charts::gap_chart(
        &rows,
        Ticks { first: instrument.scale.min, names: &ticks },
        Legend { own: &own_legend, partner: &partner_legend },
    )
    .unwrap_or_default();
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
    let large_dimensions = comparison.dimensions.iter().filter(|d| d.large).count();
    let large_items = comparison.items.iter().filter(|i| i.large).count();

    let mut html = Html::new();
    html.element("h1", &[("tabindex", "-1")], t.compare_title);
    let who = i18n::fill(
        t.compare_who,
        &[
            ("organisation", &i18n::isolate(&own.organisation)),
            ("role", &own_role),
            ("partner", &i18n::isolate(&partner.organisation)),
            ("partner_role", &partner_role),
        ],
    );
    html.element("p", &[("class", "psc-lede")], &who);
    // Whether each side's answers were sealed before the comparison, and re-opened after it.
    html.open("ul", &[("class", "psc-seals")]);
    for (who, side) in [(&own_legend, own), (&partner_legend, &partner)] {
        let mut line = match &side.sealed_at {
            Some(date) => i18n::fill(t.seal_state_sealed, &[("who", who), ("date", &clock::date_of(date))]),
            None => i18n::fill(t.seal_state_open, &[("who", who)]),
        };
        if !side.reopened_after_comparison.is_empty() {
            let dates: Vec<String> = side.reopened_after_comparison.iter().map(|d| clock::date_of(d)).collect();
            line = format!("{line} {}", i18n::fill(t.seal_state_reopened, &[("dates", &dates.join(t.list_separator))]));
        }
        html.element("li", &[], &line);
    }
    html.close("ul");
    let threshold_text =
        i18n::fill(t.compare_threshold, &[("threshold", &threshold), ("items", &large_item_gap(&instrument.scale))]);
    let counts = i18n::fill(
        t.large_gap_count,
        &[
            ("dimensions", &large_dimensions),
            ("dimension_total", &comparison.dimensions.len()),
            ("items", &large_items),
            ("item_total", &comparison.items.len()),
        ],
    );
    html.element("p", &[("class", "psc-hint")], &format!("{threshold_text} {counts}"));
    figure(&mut html, t.compare_chart_label, &svg, &format!("{summary} {}", t.compare_chart_caption));

    table_start(
        &mut html,
        "psc-dimension-gaps",
        t.dimension_gaps_caption,
        &[t.col_dimension, t.col_you, t.col_partner, t.col_gap, t.col_direction],
    );
    for d in &comparison.dimensions {
        row(&mut html, ("data-dimension", d.dimension_id()), d.about(), d.large);
        html.element("th", &[("scope", "row")], &group_title(t, &instrument, d.key(), false));
        let cells = Cells {
            own: &score_text(t, d.own.mean),
            partner: &score_text(t, d.partner.mean),
            gap: d.gap,
            large: d.large,
            direction: d.direction(),
            blind_spot: d.blind_spot.as_deref(),
            only: answered_only_by(t, &instrument, d.dimension_id()),
        };
        gap_cells(&mut html, t, &instrument, cells);
        html.close("tr");
    }
    html.close("tbody").close("table");
    if instrument.rates_both_sides() {
        views(&mut html, t, &instrument, &comparison, &own.role);
    }

    table_start(
        &mut html,
        "psc-item-gaps",
        t.item_gaps_caption,
        &[t.col_statement, t.col_you, t.col_partner, t.col_gap, t.col_direction],
    );
    let mut later = Html::new();
    for (n, g) in comparison.items.iter().enumerate() {
        let html = if n < FIRST_ROWS { &mut html } else { &mut later };
        row(html, ("data-item", &g.item_id), g.about.as_deref(), g.large);
        html.open("th", &[("scope", "row")])
            .text(&instrument.item(&g.item_id).map(|i| i.text.clone()).unwrap_or_default());
        html.element("span", &[("class", "psc-row-dimension")], &dimension_title(&instrument, &g.dimension_id, false));
        for (label, comment) in
            [(t.your_comment, own.comment(&g.item_id)), (t.partner_comment, partner.comment(&g.item_id))]
        {
            if !comment.is_empty() {
                html.element("span", &[("class", "psc-comment-shown")], &format!("{label} {}", i18n::isolate(comment)));
            }
        }
        html.close("th");
        let cells = Cells {
            own: &rating_text(t, &instrument, g.own),
            partner: &rating_text(t, &instrument, g.partner),
            gap: g.gap,
            large: g.large,
            direction: g.direction(),
            blind_spot: g.blind_spot.as_deref(),
            only: answered_only_by(t, &instrument, &g.dimension_id),
        };
        gap_cells(html, t, &instrument, cells);
        html.close("tr");
    }
    html.close("tbody").close("table");

    html.open("section", &[("aria-labelledby", "psc-reflections-compared"), ("class", "psc-reflections-compared")]);
    html.element("h2", &[("id", "psc-reflections-compared")], t.reflections_compared_title);
    // Each dimension's learning questions, then the reflections.
    for q in instrument.questions() {
        html.open("div", &[("class", "psc-reflection-pair"), ("data-question", &q.id)]).element("h3", &[], &q.text);
        html.open("div", &[("class", "psc-pair")]);
        for (who, answer) in [(&own_legend, own.reflection(&q.id)), (&partner_legend, partner.reflection(&q.id))] {
            html.open("div", &[])
                .element("h4", &[], who)
                .element("p", &[("class", "psc-free-text")], &non_empty(t, answer))
                .close("div");
        }
        html.close("div").close("div");
    }
    html.close("section");
    html.open("div", &[("class", "psc-actions")])
        .element("button", &[("type", "button"), ("data-spreadsheet", "")], t.csv_button)
        .close("div");
    credit(&mut html, &instrument);

    let on_click = move |ev: leptos::ev::MouseEvent| {
        if clicked(&ev, "[data-spreadsheet]").is_some() {
            download_spreadsheet(state, &id);
        }
    };
    // The rows after the first few: after the next frame has been drawn, into this screen's
    // table only (if the screen has been left by then, its reference is gone and nothing is added).
    let drawn = NodeRef::<leptos::html::Div>::new();
    let later = later.finish();
    request_animation_frame(move || {
        set_timeout(
            move || {
                if let Some(rows) = drawn
                    .try_get_untracked()
                    .flatten()
                    .and_then(|d| d.query_selector("#psc-item-gaps tbody").ok().flatten())
                {
                    let _ = rows.insert_adjacent_html("beforeend", &later);
                }
            },
            std::time::Duration::ZERO,
        )
    });
    Either::Left(view! {
        {header}
        <div node_ref=drawn on:click=on_click inner_html=html.finish()></div>
    })
}

/// Where each side rated both, the four views of each dimension: each side on itself and on
/// the other, with each side's blind spots.
fn views(html: &mut Html, t: &Strings, instrument: &Instrument, comparison: &Comparison, own_role: &str) {
    let [first, second] = [&instrument.roles[0], &instrument.roles[1]];
    html.open("section", &[("class", "psc-views"), ("aria-labelledby", "psc-views-title")]);
    html.element("h2", &[("id", "psc-views-title")], t.views_title).element(
        "p",
        &[("class", "psc-hint")],
        t.views_intro,
    );
    let view = |side: &Role, rater: &Role| {
        if side.id == rater.id {
            i18n::fill(t.view_self, &[("side", &side.label)])
        } else {
            i18n::fill(t.view_other, &[("rater", &rater.label), ("side", &side.label)])
        }
    };
    let columns = [view(first, first), view(first, second), view(second, second), view(second, first)];
    let mut headers: Vec<&str> = vec![t.col_dimension];
    headers.extend(columns.iter().map(String::as_str));
    table_start(html, "psc-views-table", t.views_caption, &headers);
    for dimension in &instrument.dimensions {
        let about = |side: &str| comparison.dimensions.iter().find(|d| d.key() == (dimension.id.as_str(), Some(side)));
        let (Some(on_first), Some(on_second)) = (about(&first.id), about(&second.id)) else { continue };
        html.open("tr", &[("data-dimension", &dimension.id)]).element("th", &[("scope", "row")], &dimension.title);
        for (group, rater) in [(on_first, first), (on_first, second), (on_second, second), (on_second, first)] {
            let score = if rater.id == own_role { group.own.mean } else { group.partner.mean };
            let blind = group.blind_spot.as_deref() == Some(rater.id.as_str());
            html.open("td", &[("class", "psc-num")]).text(&score_text(t, score));
            if blind {
                let flag = i18n::fill(t.blind_spot, &[("side", &rater.label)]);
                html.text(" ").element("strong", &[("class", "psc-flag psc-blind-spot")], &flag);
            }
            html.close("td");
        }
        html.close("tr");
    }
    html.close("tbody").close("table").close("section");
}

/// A chart with its accessible name and caption.
pub(super) fn figure(html: &mut Html, label: &str, svg: &str, caption: &str) {
    html.open("figure", &[("class", "psc-figure")])
        .open("div", &[("class", "psc-chart"), ("role", "img"), ("aria-label", label)]);
    html.svg(svg).close("div");
    if !caption.is_empty() {
        html.element("figcaption", &[], caption);
    }
    html.close("figure");
}

fn non_empty(t: &Strings, text: &str) -> String {
    if text.trim().is_empty() {
        t.no_answer.to_string()
    } else {
        text.to_string()
    }
}
