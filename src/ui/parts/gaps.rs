//! The pieces every view of gaps shares (the comparison, the joint session, rounds over time,
//! several people's answers combined): a gap's cell, marked by how large it is, and a chart row.

use crate::charts::GapRow;
use crate::domain::gap::{emphasis, DimensionGap};
use crate::domain::{Instrument, Tenths};
use crate::i18n::Strings;
use crate::ui::markup::{html, Markup};
use crate::ui::words::{chart_note, gap_text, group_title, score_text};

/// A gap's cell: its size, flagged when large; named `label` on a narrow screen.
pub fn gap_cell(t: &Strings, label: &str, gap: Option<Tenths>, large: bool) -> Markup {
    html! {
        td.psc-num data-label=(label) {
            (gap_text(t, gap))
            @if large { " " strong.psc-flag { (t.large_gap) } }
        }
    }
}

/// A dimension's (or group's) row of a gap chart, from both sides' scores.
pub fn chart_row(t: &Strings, instrument: &Instrument, d: &DimensionGap) -> GapRow {
    GapRow {
        label: group_title(t, instrument, d.key(), true),
        own: d.own.mean.map(Tenths::as_f64),
        partner: d.partner.mean.map(Tenths::as_f64),
        own_text: score_text(t, d.own.mean),
        partner_text: score_text(t, d.partner.mean),
        note: chart_note(t, d.gap, d.large),
        emphasis: emphasis(d.gap, &instrument.scale),
    }
}
