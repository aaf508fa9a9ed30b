//! The action plan: a form to agree an action under each dimension (and in the presentation),
//! and the table of actions agreed, each with its "done" tick and a way to remove it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::adapters::clock::date_of;
use crate::domain::plan::{Action, ActionProblem, MAX_ACTION_CHARS};
use crate::domain::{Assessment, Dimension, Instrument};
use crate::i18n;
use crate::ui::actions::{actions, asked, Action as _};
use crate::ui::ids;
use crate::ui::markup::{cell, html, table as markup_table};
use crate::ui::parts::dom::{confirmed, value};
use crate::ui::parts::notices::error_slot;
use crate::ui::parts::region::{on, region};
use crate::ui::state::{AppState, Notice};

actions! {
    /// What the plan's controls do; `data-arg` is the action's place in the plan as drawn.
    Plan { Done = "plan-done", Remove = "plan-remove" }
}

/// A form to agree an action on `dimension` (shown under each of its groups, `slug` telling them
/// apart). "What" offers the actions the source suggests for it as the partners type, as a
/// starting point. Not a `<form>`: Enter in a field would submit it and reload the page. Once an
/// action is added, the screen is drawn again with it and focus goes to `then` (the plan's
/// heading; in the presentation, where there is none, this form's first field again).
pub fn form(state: AppState, id: &str, dimension: &Dimension, slug: &str, then: Option<String>) -> AnyView {
    let t = state.t();
    let field = |name: &str| ids::plan_field(name, slug);
    let (what, who, when, suggested, heading, error_id) =
        (field("what"), field("who"), field("when"), field("suggested"), field("title"), field("error"));
    let error = RwSignal::new(String::new());
    let add = {
        let (id, dimension) = (id.to_string(), dimension.id.clone());
        let fields = [what.clone(), who.clone(), when.clone()].map(|f| ids::selector(&f));
        move |_| {
            let [what, who, when] = fields.each_ref().map(|f| value(state.widget, f));
            match Action::new(&dimension, &what, &who, &when) {
                Ok(action) => {
                    if state.edit(&id, |a| a.plan.push(action)).is_ok() {
                        state.notice.set(Some(Notice::Info(t.plan_added.to_string())));
                    }
                    state.redraw(then.clone().unwrap_or_else(|| fields[0].clone()));
                }
                Err(problem) => {
                    // Said beside the fields, where the partners are looking, and read out at once.
                    error.set(match problem {
                        ActionProblem::NothingToDo => t.plan_nothing_to_do.to_string(),
                        ActionProblem::TooLong => i18n::fill(t.plan_too_long, &[("max", &MAX_ACTION_CHARS)]),
                        ActionProblem::NotADate => t.plan_not_a_date.to_string(),
                    });
                    state.focus_soon(fields[0].clone());
                }
            }
        }
    };
    let max = MAX_ACTION_CHARS.to_string();
    let options = html! { @for action in &dimension.suggested_actions { option value=(action) {} } }.into_string();
    // Named by its heading and the dimension's, so each group says which dimension it is for.
    let named_by = format!("{heading} {}", ids::session_heading(slug));
    view! {
        <div class="psc-plan-form" role="group" aria-labelledby=named_by data-dimension=dimension.id.clone()>
            <h3 id=heading>{t.plan_add_title}</h3>
            <div class="psc-field">
                <label for=what.clone()>{t.plan_what}</label>
                <input type="text" id=what name="what" list=suggested.clone() maxlength=max.clone()
                    aria-describedby=error_id.clone() />
            </div>
            <datalist id=suggested inner_html=options></datalist>
            <div class="psc-field">
                <label for=who.clone()>{t.plan_who}</label>
                <input type="text" id=who name="who" maxlength=max />
            </div>
            <div class="psc-field">
                <label for=when.clone()>{t.plan_when}</label>
                <input type="date" id=when name="by_when" />
            </div>
            {error_slot(error_id, error)}
            <button type="button" on:click=add>{t.plan_add}</button>
        </div>
    }
    .into_any()
}

/// The agreed actions, for the session and the printed report. A tick or a remove button names
/// an action by its place in the plan as drawn, and the change is made to that same action
/// wherever it now is (another tab may have changed the plan since).
pub fn table(state: AppState, assessment: &Assessment, instrument: &Instrument) -> AnyView {
    let t = state.t();
    let plan = assessment.plan.clone();
    let columns = [t.col_dimension, t.plan_what, t.plan_who, t.plan_when, t.plan_done];
    let rows = html! {
        @for (index, action) in plan.iter().enumerate() {
            tr {
                (cell(t.col_dimension, instrument.dimension(&action.dimension).map_or(action.dimension.as_str(), |d| d.title.as_str()), false))
                th scope="row" data-label=(t.plan_what) { (action.what) }
                (cell(t.plan_who, &action.who, false))
                td.psc-date data-label=(t.plan_when) { (date_of(t.lang, &action.by_when)) }
                td data-label=(t.plan_done) {
                    input type="checkbox" data-do=(Plan::Done.attr()) data-arg=(index) checked[action.done]
                        aria-label=(i18n::fill(t.plan_done_named, &[("action", &action.what)]));
                    // Printed instead of the tick, when it is ticked (see the print stylesheet).
                    span.psc-print-only { (t.plan_done) }
                    " "
                    button type="button" data-do=(Plan::Remove.attr()) data-arg=(index) {
                        (t.plan_remove) span.psc-visually-hidden { " " (action.what) }
                    }
                }
            }
        }
    };
    let markup = html! {
        h2 id=(ids::PLAN_TITLE) tabindex="-1" { (t.plan_title) }
        @if plan.is_empty() { p { (t.plan_empty) } } @else { (markup_table("psc-plan-table", t.plan_title, &columns, rows)) }
    };
    let id = assessment.id.clone();
    let handle = on(move |ev| {
        let Some((action, index, control)) = asked::<Plan>(ev) else { return };
        let Some(drawn) = index.parse::<usize>().ok().and_then(|i| plan.get(i)) else { return };
        match action {
            Plan::Done => {
                let done = control.dyn_ref::<web_sys::HtmlInputElement>().is_some_and(|i| i.checked());
                let _ = state.edit(&id, |a| {
                    a.plan.iter_mut().filter(|x| x.is_same_as(drawn)).take(1).for_each(|x| x.done = done)
                });
            }
            Plan::Remove if confirmed(t.plan_remove_confirm) => {
                let _ = state.edit(&id, |a| {
                    if let Some(at) = a.plan.iter().position(|x| x.is_same_as(drawn)) {
                        a.plan.remove(at);
                    }
                });
                state.redraw(ids::selector(ids::PLAN_TITLE));
            }
            Plan::Remove => {}
        }
    });
    region(html! { section.psc-session.psc-plan aria-labelledby=(ids::PLAN_TITLE) { (markup) } }, handle)
}
