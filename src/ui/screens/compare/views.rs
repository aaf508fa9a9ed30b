//! Where each side rated both, the four views of each dimension: each side on itself and on the
//! other, with each side's blind spots.

use crate::domain::gap::Comparison;
use crate::domain::{Instrument, Role};
use crate::i18n::{self, Strings};
use crate::ui::ids;
use crate::ui::markup::{html, table, Markup};
use crate::ui::words::score_text;

pub fn section(t: &Strings, instrument: &Instrument, comparison: &Comparison, own_role: &str) -> Markup {
    let [first, second] = [&instrument.roles[0], &instrument.roles[1]];
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
    let rows = html! {
        @for dimension in &instrument.dimensions {
            @let about = |side: &str| comparison.dimensions.iter().find(|d| d.key() == (dimension.id.as_str(), Some(side)));
            @if let (Some(on_first), Some(on_second)) = (about(&first.id), about(&second.id)) {
                tr data-dimension=(dimension.id) {
                    th scope="row" { (dimension.title) }
                    @for (n, (group, rater)) in [(on_first, first), (on_first, second), (on_second, second), (on_second, first)].into_iter().enumerate() {
                        @let score = if rater.id == own_role { group.own.mean } else { group.partner.mean };
                        td.psc-num data-label=(columns[n]) {
                            (score_text(t, score))
                            @if group.blind_spot.as_deref() == Some(rater.id.as_str()) {
                                " " strong.psc-flag.psc-blind-spot { (i18n::fill(t.blind_spot, &[("side", &rater.label)])) }
                            }
                        }
                    }
                }
            }
        }
    };
    html! {
        section.psc-views aria-labelledby=(ids::VIEWS_TITLE) {
            h2 id=(ids::VIEWS_TITLE) { (t.views_title) }
            p.psc-hint { (t.views_intro) }
            (table(ids::VIEWS_TABLE, t.views_caption, &headers, rows))
        }
    }
}
