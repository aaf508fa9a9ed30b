//! The joint session: both partners together talk the dimensions through one by one, in the
//! order of [`talking_order`]: for each, both organisations' scores, what the source says, the
//! actions it suggests and the statements they see most differently, with their comments, and a
//! form to agree an action; then the reflection questions with both answers, the action plan,
//! rounds over time and the joint file. As a document to read and print, or as a presentation
//! for a projector: one dimension at a time, large, moved through by keyboard.

mod plan;
mod present;
mod rounds;
mod talk;

use talk::{group_slug, Talk};

use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

use crate::adapters::clock::date_of;
use crate::domain::plan::is_date;
use crate::domain::{compare, Assessment, Instrument, Responses};
use crate::i18n;
use crate::ui::actions::{actions, asked, Action};
use crate::ui::ids;
use crate::ui::markup::html;
use crate::ui::parts::download;
use crate::ui::parts::header::assessment_header;
use crate::ui::parts::protect::Protection;
use crate::ui::parts::region::{inert, on, parts, region, section};
use crate::ui::parts::{credit, missing, source_words};
use crate::ui::state::{AppState, Screen};
use crate::ui::words::{answered_only_by, group_title};

actions! {
    /// What the session's own buttons do (the plan and the rounds have theirs).
    Session { Present = "present", Print = "print", Joint = "joint" }
}

/// The screen, once the partner's answers are in (until then the comparison screen is shown in
/// its place: see `ui::app`), or a notice when the assessment is gone: the document, or the
/// presentation at `slide`.
pub fn screen(state: AppState, id: String, slide: Option<usize>) -> AnyView {
    match state.open(&id).and_then(|(a, i)| Some((a.partner.clone()?, a, i))) {
        Some((partner, assessment, instrument)) => session(state, assessment, partner, instrument, slide),
        None => missing(state),
    }
}

fn session(
    state: AppState,
    assessment: Assessment,
    partner: Responses,
    instrument: Arc<Instrument>,
    slide: Option<usize>,
) -> AnyView {
    let t = state.t();
    let named = |organisation: &str, role: &str| {
        i18n::fill(
            t.named_side,
            &[("organisation", &i18n::isolate(organisation)), ("role", &instrument.role_label(role))],
        )
    };
    let talk = Arc::new(Talk {
        comparison: compare(&instrument, &assessment.own, &partner),
        own_name: named(&assessment.own.organisation, &assessment.own.role),
        partner_name: named(&partner.organisation, &partner.role),
        assessment,
        partner,
        instrument,
    });
    match slide {
        Some(n) => present::view(state, talk, n),
        None => parts(vec![assessment_header(state, &talk.assessment, &talk.instrument), document(state, talk)]),
    }
}

/// The session as a document: every group in order, then the questions, the plan, the rounds
/// and the joint file.
fn document(state: AppState, talk: Arc<Talk>) -> AnyView {
    let t = state.t();
    let id = talk.assessment.id.clone();
    let instrument = talk.instrument.clone();
    let date = talk.assessment.round_date();
    let top = html! {
        h1 tabindex="-1" { (t.session_title) }
        p.psc-lede { (t.session_intro) }
        div.psc-actions.psc-no-print {
            button type="button" .psc-primary data-do=(Session::Present.attr()) { (t.present) }
            button type="button" .psc-secondary data-do=(Session::Print.attr()) { (t.print) }
        }
    };
    let mut questions_shown: Vec<String> = Vec::new();
    let groups = talk.order().into_iter().enumerate().filter_map(|(n, d)| {
        let dimension = instrument.dimension(d.dimension_id())?;
        let slug = group_slug(d.key());
        let heading = ids::session_heading(&slug);
        // The dimension's learning questions, with both answers, under the first of its
        // groups to be talked through.
        let questions = !dimension.questions.is_empty() && !questions_shown.contains(&dimension.id);
        if questions {
            questions_shown.push(dimension.id.clone());
        }
        let markup = html! {
            h2 id=(heading) { (n + 1) ". " (group_title(t, &instrument, d.key(), false)) }
            p.psc-session-scores { (talk.scores(t, d)) (talk.flags(t, d)) }
            @if let Some(only) = answered_only_by(t, &instrument, &dimension.id) { p.psc-hint { (only) } }
            h3 { (t.session_source) }
            (source_words(t, &dimension.summary, &dimension.source))
            @if !dimension.suggested_actions.is_empty() {
                h3 { (t.session_actions) }
                ul { @for action in &dimension.suggested_actions { li { (action) } } }
            }
            h3 { (t.session_statements) }
            (talk.statements(t, d))
            @if questions {
                h3 { (t.learning_questions_title) }
                (talk.answers(t, &dimension.questions, true))
            }
        };
        let form = plan::form(state, &id, dimension, &slug, Some(ids::selector(ids::PLAN_TITLE)));
        Some(section("psc-session", heading, vec![region(markup, inert()), form]))
    });
    let reflections = (!instrument.reflections.is_empty()).then(|| {
        html! {
            section.psc-session aria-labelledby=(ids::SESSION_QUESTIONS) {
                h2 id=(ids::SESSION_QUESTIONS) { (t.session_questions) }
                (talk.answers(t, &instrument.reflections, false))
            }
        }
    });
    // Keeping the session: the joint file, protected with a passphrase unless the partners
    // choose otherwise.
    let keep_top = html! {
        h2 id=(ids::KEEP_TITLE) { (t.joint_keep_title) }
        p { (t.joint_keep_intro) }
    };
    let keep_button =
        html! { button type="button" .psc-primary data-do=(Session::Joint.attr()) { (t.joint_download) } };
    let protection = Protection::fresh();
    let handle = {
        let id = id.clone();
        on(move |ev| match asked::<Session>(ev) {
            Some((Session::Present, _, _)) => state.go(Screen::Present(id.clone(), 0)),
            Some((Session::Print, _, _)) => {
                let _ = window().print();
            }
            Some((Session::Joint, _, _)) => {
                if let Some(passphrase) = protection.choice(state) {
                    download::joint(state, &id, passphrase);
                }
            }
            None => {}
        })
    };
    // The round's date orders this session among earlier and later ones; a date cleared goes
    // back to the one worked out (see `Assessment::round_date`). On paper, the date as text.
    let printed_date = RwSignal::new(date_of(t.lang, &date));
    let on_date = {
        let id = id.clone();
        move |ev: leptos::ev::Event| {
            let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            let value = input.value();
            if value.is_empty() || is_date(&value) {
                let _ = state.edit(&id, |a| a.round_date = Some(value).filter(|v| !v.is_empty()));
                printed_date.set(date_of(
                    t.lang,
                    &state.with_assessment_untracked(&id, Assessment::round_date).unwrap_or_default(),
                ));
            }
        }
    };
    let round_date = view! {
        <div class="psc-field psc-round">
            <label for=ids::ROUND_DATE>{t.round_date_label}</label>
            <input type="date" id=ids::ROUND_DATE value=date on:change=on_date />
            <span class="psc-print-only">{move || printed_date.get()}</span>
        </div>
    }
    .into_any();
    let mut shown = vec![region(top, handle.clone()), round_date];
    shown.extend(groups);
    shown.extend(reflections.map(|markup| region(markup, inert())));
    shown.push(plan::table(state, &talk.assessment, &instrument));
    shown.push(rounds::section(state, &talk.assessment, &instrument, (&talk.own_name, &talk.partner_name)));
    shown.push(section(
        "psc-card psc-keep",
        ids::KEEP_TITLE.to_string(),
        vec![region(keep_top, inert()), protection.view(state), region(keep_button, handle)],
    ));
    shown.push(region(credit(&instrument), inert()));
    view! { <div class="psc-session-view">{shown}</div> }.into_any()
}
