//! Above every screen of an assessment: who is answering, and its steps.

use leptos::prelude::*;

use crate::domain::{Assessment, Instrument};
use crate::i18n;
use crate::ui::actions::{actions, asked, Action};
use crate::ui::markup::html;
use crate::ui::parts::region::{on, region};
use crate::ui::state::{AppState, Screen};

actions! {
    /// What the steps' buttons do.
    Step { Go = "step" }
}

/// Who is answering, for whom, and the steps of the assessment, the current one marked.
pub fn assessment_header(state: AppState, assessment: &Assessment, instrument: &Instrument) -> AnyView {
    let t = state.t();
    let id = assessment.id.clone();
    let who = i18n::fill(
        t.answering_for,
        &[
            ("organisation", &i18n::isolate(&assessment.own.organisation)),
            ("role", &instrument.role_label(&assessment.own.role)),
            ("partner", &i18n::isolate(&assessment.own.partner_organisation)),
        ],
    );
    let steps = [
        (t.step_answer, Screen::Answer(id.clone())),
        (t.step_results, Screen::Results(id.clone())),
        (t.step_compare, Screen::Compare(id.clone())),
        (t.step_session, Screen::Session(id)),
        (t.all_assessments, Screen::Home),
    ];
    let shown = state.screen.with_untracked(std::mem::discriminant);
    let markup = html! {
        div.psc-assessment-header {
        p.psc-who { (who) }
        nav aria-label=(t.steps_label) {
            ol.psc-steps {
                @for (n, (label, target)) in steps.iter().enumerate() {
                    li {
                        button type="button" .psc-step .psc-step-home[matches!(target, Screen::Home)]
                            data-do=(Step::Go.attr()) data-arg=(n)
                            aria-current=[(std::mem::discriminant(target) == shown).then_some("step")] { (label) }
                    }
                }
            }
        }
        }
    };
    region(
        markup,
        on(move |ev| {
            if let Some((Step::Go, n, _)) = asked::<Step>(ev) {
                if let Some((_, target)) = n.parse::<usize>().ok().and_then(|n| steps.get(n)) {
                    state.go(target.clone());
                }
            }
        }),
    )
}
