//! The joint session: both partners together, often on a projector, talk the dimensions through
//! one by one, in the order of [`talking_order`]: for each, both scores, what the source says,
//! the actions it suggests and the statements they see most differently, with their comments;
//! then the reflection questions with both partners' answers.

use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

use super::components::{assessment_header, credit, missing, score_text};
use super::html::Html;
use super::compare::{gap_text, rating_text};
use super::AppState;
use crate::domain::gap::large_item_gap;
use crate::domain::session::talking_order;
use crate::domain::{compare, Assessment, Instrument, Responses, Tenths};
use crate::i18n;

/// The screen, once the partner's answers are in (until then the comparison screen is shown in
/// its place: see `ui::app`), or a notice when the assessment is gone.
pub fn screen(state: AppState, id: String) -> impl IntoView {
    match state.open(&id).and_then(|(a, i)| Some((a.partner.clone()?, a, i))) {
        Some((partner, assessment, instrument)) => Either::Left(session(state, assessment, partner, instrument)),
        None => Either::Right(missing(state)),
    }
}

fn session(state: AppState, assessment: Assessment, partner: Responses, instrument: Arc<Instrument>) -> impl IntoView {
    let t = state.t;
    let (own, partner) = (&assessment.own, &partner);
    let comparison = compare(&instrument, own, partner);
    let you = i18n::fill(t.legend_you, &[("role", &instrument.role_label(&own.role))]);
    let them = i18n::fill(t.legend_partner, &[("role", &instrument.role_label(&partner.role))]);
    let item_threshold = Tenths::whole(large_item_gap(&instrument.scale));

    let mut html = Html::new();
    html.element("h1", &[("tabindex", "-1")], t.session_title);
    html.element("p", &[("class", "psc-lede")], t.session_intro);
    for (n, d) in talking_order(&comparison).into_iter().enumerate() {
        let Some(dimension) = instrument.dimension(d.dimension_id()) else { continue };
        let heading = format!("psc-session-{}", dimension.id);
        html.open("section", &[("class", "psc-session"), ("aria-labelledby", &heading)]);
        html.element("h2", &[("id", &heading)], &format!("{}. {}", n + 1, dimension.title));
        let gap = gap_text(t, d.gap);
        let scores = i18n::fill(
            t.session_scores,
            &[("you", &you), ("own", &score_text(t, d.own.mean)), ("partner", &them), ("partner_score", &score_text(t, d.partner.mean)), ("gap", &gap)],
        );
        html.open("p", &[("class", "psc-session-scores")]).text(&scores);
        if d.large {
            html.text(" ").element("strong", &[("class", "psc-flag")], t.large_gap);
        }
        html.close("p");
        html.element("h3", &[], t.session_source).element("p", &[], &dimension.summary);
        if !dimension.suggested_actions.is_empty() {
            html.element("h3", &[], t.session_actions).open("ul", &[]);
            for action in &dimension.suggested_actions {
                html.element("li", &[], action);
            }
            html.close("ul");
        }
        // Statements with a large gap or a comment, largest gap first.
        html.element("h3", &[], t.session_statements);
        let mut any = false;
        for g in comparison.items.iter().filter(|g| g.dimension_id == dimension.id) {
            let comments = [(&you, own.comment(&g.item_id)), (&them, partner.comment(&g.item_id))];
            let large = g.gap.is_some_and(|gap| gap.abs() >= item_threshold);
            if !large && comments.iter().all(|(_, c)| c.is_empty()) {
                continue;
            }
            if !any {
                html.open("ul", &[("class", "psc-session-statements")]);
                any = true;
            }
            let text = instrument.item(&g.item_id).map(|i| i.text.as_str()).unwrap_or_default();
            let ratings = i18n::fill(
                t.session_ratings,
                &[("you", &you), ("own", &rating_text(t, g.own)), ("partner", &them), ("partner_score", &rating_text(t, g.partner))],
            );
            html.open("li", &[]).element("span", &[("class", "psc-session-statement")], text);
            html.element("span", &[("class", "psc-row-dimension")], &ratings);
            for (who, comment) in comments.iter().filter(|(_, c)| !c.is_empty()) {
                html.element("span", &[("class", "psc-comment-shown")], &i18n::fill(t.session_said, &[("who", who), ("text", &i18n::isolate(comment))]));
            }
            html.close("li");
        }
        if any {
            html.close("ul");
        } else {
            html.element("p", &[], t.session_no_statements);
        }
        html.close("section");
    }
    html.open("section", &[("class", "psc-session"), ("aria-labelledby", "psc-session-questions")]);
    html.element("h2", &[("id", "psc-session-questions")], t.session_questions);
    for q in &instrument.reflections {
        html.element("h3", &[], &q.text);
        for (who, answer) in [(&you, own.reflection(&q.id)), (&them, partner.reflection(&q.id))] {
            let answer = if answer.trim().is_empty() { t.no_answer.to_string() } else { i18n::isolate(answer) };
            html.element("p", &[("class", "psc-free-text")], &i18n::fill(t.session_said, &[("who", who), ("text", &answer)]));
        }
    }
    html.close("section");

    view! {
        {assessment_header(state, assessment.clone(), instrument.clone())}
        <div class="psc-session-view" inner_html=html.finish()></div>
        {credit(instrument)}
    }
}
