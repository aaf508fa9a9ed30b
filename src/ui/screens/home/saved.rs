//! The assessments kept in this browser, each with a way to resume it or delete it.

use leptos::prelude::*;

use crate::adapters::clock;
use crate::domain::{progress, Assessment};
use crate::i18n;
use crate::ui::actions::{actions, asked, Action};
use crate::ui::ids;
use crate::ui::markup::{html, Markup};
use crate::ui::parts::dom::confirmed;
use crate::ui::parts::region::{live, on};
use crate::ui::state::{AppState, Screen};

actions! {
    /// What a saved assessment's buttons do, to the assessment their `data-arg` names.
    Saved { Resume = "resume", Delete = "delete" }
}

pub fn section(state: AppState) -> impl IntoView {
    let t = state.t();
    let handle = on(move |ev| match asked::<Saved>(ev) {
        Some((Saved::Resume, id, _)) => state.go(Screen::Answer(id)),
        Some((Saved::Delete, id, _)) => {
            let name = state.with_assessment_untracked(&id, |a| row_name(state, a)).unwrap_or_default();
            if confirmed(&i18n::fill(t.delete_confirm, &[("name", &name)])) {
                state.delete(&id);
            }
        }
        None => {}
    });
    view! {
        <section aria-labelledby=ids::SAVED_TITLE class="psc-card">
            <h2 id=ids::SAVED_TITLE>{t.saved_title}</h2>
            // A short list, written whole when it changes: less code than keyed diffing.
            {live(Signal::derive(move || state.assessments.with(|all| html! { ul.psc-saved { (rows(state, all)) } }.into_string())), handle)}
        </section>
    }
}

/// How a saved assessment is named: both organisations.
fn row_name(state: AppState, assessment: &Assessment) -> String {
    i18n::fill(
        state.t().saved_row_name,
        &[
            ("organisation", &i18n::isolate(&assessment.own.organisation)),
            ("partner", &i18n::isolate(&assessment.own.partner_organisation)),
        ],
    )
}

/// Each saved assessment: who, which questionnaire, when it was last saved and how far it is,
/// with buttons to resume or delete it (named in full for screen readers).
fn rows(state: AppState, assessments: &[Assessment]) -> Markup {
    let t = state.t();
    html! {
        @for assessment in assessments {
            @let instrument = state.instrument(&assessment.own.instrument.id);
            @let title = instrument.as_ref().map_or(assessment.own.instrument.id.as_str(), |i| i.title.as_str());
            @let role = instrument.as_ref().map_or_else(|| assessment.own.role.clone(), |i| i.role_label(&assessment.own.role));
            @let status = instrument.as_ref().map(|i| progress(i, &assessment.own))
                .map(|p| i18n::fill(state.counted(t.progress_text, p.total), &[("answered", &p.answered), ("total", &p.total)]))
                .unwrap_or_default();
            @let partner_note = if assessment.partner.is_some() { t.partner_file_loaded_short } else { "" };
            @let name = row_name(state, assessment);
            @let updated = i18n::fill(t.last_saved, &[("date", &clock::date_of(t.lang, &assessment.own.updated_at))]);
            li.psc-saved-row {
                div.psc-saved-text {
                    strong { (name) }
                    span { (role) " · " (title) }
                    span { (updated) " · " (status) " " (partner_note) }
                }
                div.psc-saved-actions {
                    button type="button" .psc-primary data-do=(Saved::Resume.attr()) data-arg=(assessment.id) {
                        (t.resume) span.psc-visually-hidden { " " (name) }
                    }
                    button type="button" .psc-secondary data-do=(Saved::Delete.attr()) data-arg=(assessment.id) {
                        (t.delete) span.psc-visually-hidden { " " (name) }
                    }
                }
            }
        }
    }
}
