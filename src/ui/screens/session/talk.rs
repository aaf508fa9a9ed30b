//! What a joint session is drawn from, shared by the document and the presentation: both
//! partners' answers, their comparison, both sides named, and how a group's scores, flags,
//! statements and answers are written.

use std::sync::Arc;

use crate::domain::gap::{Comparison, DimensionGap};
use crate::domain::session::{statements_to_discuss, talking_order};
use crate::domain::{Assessment, Instrument, Question, Responses};
use crate::i18n::{self, Strings};
use crate::ui::markup::{html, Markup};
use crate::ui::words::{gap_text, rating_text, score_text, written};

/// What the session is drawn from, shared by the document and the presentation.
pub struct Talk {
    pub assessment: Assessment,
    pub partner: Responses,
    pub instrument: Arc<Instrument>,
    pub comparison: Comparison,
    /// Both sides named as the organisations they are: "Sahel Action (local partner)".
    pub own_name: String,
    pub partner_name: String,
}

impl Talk {
    /// The groups in the order they are talked through.
    pub fn order(&self) -> Vec<&DimensionGap> {
        talking_order(&self.comparison)
    }

    /// A group's scores in a sentence, both organisations named.
    pub fn scores(&self, t: &Strings, d: &DimensionGap) -> String {
        i18n::fill(
            t.session_scores,
            &[
                ("you", &self.own_name),
                ("own", &score_text(t, d.own.mean)),
                ("partner", &self.partner_name),
                ("partner_score", &score_text(t, d.partner.mean)),
                ("gap", &gap_text(t, d.gap)),
            ],
        )
    }

    /// A group's flags: a large gap, a blind spot.
    pub fn flags(&self, t: &Strings, d: &DimensionGap) -> Markup {
        html! {
            @if d.large { " " strong.psc-flag { (t.large_gap) } }
            @if let Some(side) = &d.blind_spot {
                " " strong.psc-flag.psc-blind-spot { (i18n::fill(t.blind_spot, &[("side", &self.instrument.role_label(side))])) }
            }
        }
    }

    /// The statements of a group to talk about, each with both ratings and both comments.
    pub fn statements(&self, t: &Strings, d: &DimensionGap) -> Markup {
        let (own, partner, instrument) = (&self.assessment.own, &self.partner, &self.instrument);
        let statements = statements_to_discuss(&self.comparison, d, own, partner);
        html! {
            @if statements.is_empty() {
                p { (t.session_no_statements) }
            } @else {
                ul.psc-session-statements {
                    @for g in statements {
                        @let ratings = i18n::fill(t.session_ratings, &[
                            ("you", &self.own_name),
                            ("own", &rating_text(t, instrument, g.own)),
                            ("partner", &self.partner_name),
                            ("partner_score", &rating_text(t, instrument, g.partner)),
                        ]);
                        li {
                            span.psc-session-statement { (instrument.item(&g.item_id).map(|i| i.text.as_str()).unwrap_or_default()) }
                            span.psc-row-dimension { (ratings) }
                            @for (who, comment) in [(&self.own_name, own.comment(&g.item_id)), (&self.partner_name, partner.comment(&g.item_id))] {
                                @if !comment.is_empty() {
                                    span.psc-comment-shown { (i18n::fill(t.session_said, &[("who", who), ("text", &i18n::isolate(comment))])) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Each question, as a heading of level 3 or 4, with both partners' answers.
    pub fn answers(&self, t: &Strings, questions: &[Question], level4: bool) -> Markup {
        let sides = [(&self.own_name, &self.assessment.own), (&self.partner_name, &self.partner)];
        html! {
            @for q in questions {
                @if level4 { h4 { (q.text) } } @else { h3 { (q.text) } }
                @for (who, side) in sides {
                    @let answer = side.reflection(&q.id);
                    @let text = if answer.trim().is_empty() { written(t, answer) } else { i18n::isolate(answer) };
                    p.psc-free-text { (i18n::fill(t.session_said, &[("who", who), ("text", &text)])) }
                }
            }
        }
    }
}

/// A dimension's id, or its id and the side its statements are about: for element ids.
pub fn group_slug((dimension, about): (&str, Option<&str>)) -> String {
    match about {
        Some(side) => format!("{dimension}--{side}"),
        None => dimension.to_string(),
    }
}
