//! The joint session: both partners together, often on a projector, talk the dimensions through
//! one by one, in the order of [`talking_order`]: for each, both scores, what the source says,
//! the actions it suggests and the statements they see most differently, with their comments;
//! then the reflection questions with both partners' answers.

use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

use super::compare::{chart_note, figure, gap_text, rating_text};
use super::components::{
    answered_only_by, assessment_header, chosen_file, clicked, confirmed, credit, dimension_title, file_chooser,
    file_text, group_title, missing, offer_file, score_text, source_words, tick_names,
};
use super::html::Html;
use super::results::import_message;
use super::{AppState, Notice, Screen};
use crate::adapters::files;
use crate::charts::{gap_chart, GapRow, Legend, Ticks};
use crate::domain::gap::large_item_gap;
use crate::domain::joint_file::{joint_file, read_joint_file};
use crate::domain::plan::{is_date, Action, ActionProblem, MAX_ACTION_CHARS};
use crate::domain::result_file;
use crate::domain::rounds::{largest_gap_change, rounds};
use crate::domain::scoring::groups;
use crate::domain::session::talking_order;
use crate::domain::{compare, Assessment, Dimension, Instrument, Question, Responses, Tenths};
use crate::i18n::{self, Strings};

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
    // The round's date orders this session among earlier and later ones.
    // On paper, the date as text instead of the field.
    let date = assessment.round_date();
    html.open("div", &[("class", "psc-field psc-round")]).element("label", &[("for", ROUND_DATE)], t.round_date_label);
    html.open("input", &[("type", "date"), ("id", ROUND_DATE), ("value", &date)])
        .element("span", &[("class", "psc-print-only")], &date)
        .close("div");
    let mut questions_shown: Vec<&str> = Vec::new();
    for (n, d) in talking_order(&comparison).into_iter().enumerate() {
        let Some(dimension) = instrument.dimension(d.dimension_id()) else { continue };
        let slug = group_slug(d.key());
        let heading = format!("psc-session-{slug}");
        html.open("section", &[("class", "psc-session"), ("aria-labelledby", &heading)]);
        html.element("h2", &[("id", &heading)], &format!("{}. {}", n + 1, group_title(t, &instrument, d.key(), false)));
        let gap = gap_text(t, d.gap);
        let scores = i18n::fill(
            t.session_scores,
            &[
                ("you", &you),
                ("own", &score_text(t, d.own.mean)),
                ("partner", &them),
                ("partner_score", &score_text(t, d.partner.mean)),
                ("gap", &gap),
            ],
        );
        html.open("p", &[("class", "psc-session-scores")]).text(&scores);
        if d.large {
            html.text(" ").element("strong", &[("class", "psc-flag")], t.large_gap);
        }
        if let Some(side) = &d.blind_spot {
            let flag = i18n::fill(t.blind_spot, &[("side", &instrument.role_label(side))]);
            html.text(" ").element("strong", &[("class", "psc-flag psc-blind-spot")], &flag);
        }
        html.close("p");
        if let Some(only) = answered_only_by(t, &instrument, &dimension.id) {
            html.element("p", &[("class", "psc-hint")], &only);
        }
        html.element("h3", &[], t.session_source);
        source_words(&mut html, t, &dimension.summary, &dimension.source);
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
        for g in comparison.items.iter().filter(|g| (g.dimension_id.as_str(), g.about.as_deref()) == d.key()) {
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
                &[
                    ("you", &you),
                    ("own", &rating_text(t, &instrument, g.own)),
                    ("partner", &them),
                    ("partner_score", &rating_text(t, &instrument, g.partner)),
                ],
            );
            html.open("li", &[]).element("span", &[("class", "psc-session-statement")], text);
            html.element("span", &[("class", "psc-row-dimension")], &ratings);
            for (who, comment) in comments.iter().filter(|(_, c)| !c.is_empty()) {
                html.element(
                    "span",
                    &[("class", "psc-comment-shown")],
                    &i18n::fill(t.session_said, &[("who", who), ("text", &i18n::isolate(comment))]),
                );
            }
            html.close("li");
        }
        if any {
            html.close("ul");
        } else {
            html.element("p", &[], t.session_no_statements);
        }
        // The dimension's learning questions, with both answers, under the first of its groups
        // to be talked through.
        if !dimension.questions.is_empty() && !questions_shown.contains(&dimension.id.as_str()) {
            questions_shown.push(&dimension.id);
            html.element("h3", &[], t.learning_questions_title);
            both_answers(&mut html, t, "h4", &dimension.questions, (own, partner), (&you, &them));
        }
        plan_form(&mut html, t, dimension, &slug);
        html.close("section");
    }
    if !instrument.reflections.is_empty() {
        html.open("section", &[("class", "psc-session"), ("aria-labelledby", "psc-session-questions")]);
        html.element("h2", &[("id", "psc-session-questions")], t.session_questions);
        both_answers(&mut html, t, "h3", &instrument.reflections, (own, partner), (&you, &them));
        html.close("section");
    }
    plan_table(&mut html, t, &instrument, &assessment.plan);
    rounds_section(&mut html, t, &instrument, &assessment, (&you, &them));
    html.open("section", &[("class", "psc-card psc-keep"), ("aria-labelledby", "psc-keep-title")]);
    html.element("h2", &[("id", "psc-keep-title")], t.joint_keep_title).element("p", &[], t.joint_keep_intro);
    html.element("button", &[("type", "button"), ("class", "psc-primary"), (JOINT, "")], t.joint_download)
        .close("section");
    credit(&mut html, &instrument);

    let id = assessment.id.clone();
    // One listener for every control of the plan: the element clicked says what it is for.
    // The plan as drawn: a tick or a remove button names an action by its place in it, and the
    // change is made to that same action wherever it now is (another tab may have changed the
    // plan since).
    let drawn = assessment.plan.clone();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let control = |name: &str| clicked(&ev, &format!("[{name}]"));
        let action = |element: &web_sys::Element, name: &str| {
            element.get_attribute(name).and_then(|i| i.parse::<usize>().ok()).and_then(|i| drawn.get(i))
        };
        if let Some(group) = control(ADD).and_then(|_| clicked(&ev, "[data-dimension]")) {
            add_action(state, &id, &group);
        } else if control(JOINT).is_some() {
            download_joint_file(state, &id);
        } else if let Some(date) = control(REMOVE_ROUND).and_then(|b| b.get_attribute(REMOVE_ROUND)) {
            if confirmed(&i18n::fill(t.rounds_remove_confirm, &[("date", &date)])) {
                let _ = state.edit(&id, |a| a.earlier_rounds.retain(|r| r.round_date.as_deref() != Some(&date)));
                state.redraw(ROUNDS_TITLE);
            }
        } else if let Some(tick) = control(DONE) {
            let (Some(drawn), Some(input)) = (action(&tick, DONE), tick.dyn_ref::<web_sys::HtmlInputElement>()) else {
                return;
            };
            let done = input.checked();
            let _ = state
                .edit(&id, |a| a.plan.iter_mut().filter(|x| x.is_same_as(drawn)).take(1).for_each(|x| x.done = done));
        } else if let Some(drawn) = control(REMOVE).as_ref().and_then(|b| action(b, REMOVE)) {
            if confirmed(t.plan_remove_confirm) {
                let _ = state.edit(&id, |a| {
                    if let Some(at) = a.plan.iter().position(|x| x.is_same_as(drawn)) {
                        a.plan.remove(at);
                    }
                });
                state.redraw("#psc-plan-title");
            }
        }
    };

    // A date cleared goes back to the one worked out (see `Assessment::round_date`).
    let id = assessment.id.clone();
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        if input.id() == ROUNDS_FILE {
            add_round(state, &id, &ev);
            return;
        }
        if input.id() != ROUND_DATE {
            return;
        }
        let value = input.value();
        if value.is_empty() || is_date(&value) {
            let _ = state.edit(&id, |a| a.round_date = Some(value).filter(|v| !v.is_empty()));
            if let Some(printed) = input.next_element_sibling() {
                printed.set_text_content(state.with_assessment_untracked(&id, Assessment::round_date).as_deref());
            }
        }
    };

    view! {
        {assessment_header(state, assessment.clone(), instrument.clone())}
        <div class="psc-session-view" on:click=on_click on:change=on_change inner_html=html.finish()></div>
    }
}

/// Attributes of the plan's controls: the button adding an action, and the "done" tick and the
/// remove button of an action, which name it by its place in the plan; and of the button
/// downloading the joint file.
const ADD: &str = "data-add";
const JOINT: &str = "data-joint";
const ROUND_DATE: &str = "psc-round-date";
const ROUNDS_FILE: &str = "psc-rounds-file";
const ROUNDS_TITLE: &str = "#psc-rounds-title";
/// On the button removing an earlier round: that round's date.
const REMOVE_ROUND: &str = "data-remove-round";

/// An earlier round's joint file chosen: read, checked and kept, then the screen drawn again
/// with it; or the reason it was refused, beside the chooser, with nothing stored changed.
fn add_round(state: AppState, id: &str, ev: &leptos::ev::Event) {
    let t = state.t;
    let Some(file) = chosen_file(ev) else { return };
    let id = id.to_string();
    leptos::task::spawn_local(async move {
        let Some(instrument) = state.open(&id).map(|(_, i)| i) else { return };
        let outcome = file_text(file)
            .await
            .and_then(|text| read_joint_file(&text, &|id| state.instrument(id)))
            .and_then(|(file, _)| {
                state.with_assessment_untracked(&id, |a| a.may_add_round(&file)).unwrap_or(Ok(())).map(|()| file)
            });
        // The person may have left this screen while the file was read: then it is dropped.
        if !state.shows(&Screen::Session(id.clone())) {
            return;
        }
        match outcome {
            Ok(file) => {
                let date = file.round_date.clone().unwrap_or_default();
                if state.edit(&id, |a| drop(a.add_earlier_round(file))).is_ok() {
                    state.notice.set(Some(Notice::Info(i18n::fill(t.rounds_added, &[("date", &date)]))));
                }
                state.redraw(ROUNDS_TITLE);
            }
            Err(e) => {
                if let Some(slot) = state.element("#psc-rounds-error") {
                    slot.set_text_content(Some(&import_message(t, &e, Some(&instrument), true)));
                }
                state.focus_soon("#psc-rounds-error");
            }
        }
    });
}

/// How the partnership moved over the rounds: each dimension's scores and gap round by round
/// (a chart, a sentence and a table), the actions agreed in earlier rounds and whether they
/// were done; and the chooser to add an earlier round's joint file.
fn rounds_section(
    html: &mut Html,
    t: &Strings,
    instrument: &Instrument,
    assessment: &Assessment,
    (you, them): (&str, &str),
) {
    html.open("section", &[("class", "psc-session psc-rounds"), ("aria-labelledby", "psc-rounds-title")]);
    html.element("h2", &[("id", "psc-rounds-title"), ("tabindex", "-1")], t.rounds_title).element(
        "p",
        &[],
        t.rounds_intro,
    );
    // A one-off (closing out an agreement) has no rounds: the section says so, and offers none.
    if !instrument.rounds {
        html.element("p", &[("class", "psc-hint")], t.rounds_not_for_this).close("section");
        return;
    }
    let rounds = rounds(assessment);
    if rounds.len() > 1 {
        let comparisons: Vec<_> = rounds.iter().map(|r| r.comparison(instrument)).collect();
        let gap_of =
            |n: usize, key: (&str, Option<&str>)| comparisons[n].dimensions.iter().find(|g| g.key() == key).cloned();
        let mut rows = Vec::new();
        let mut table = Html::new();
        for (d, about) in groups(instrument) {
            let key = (d.id.as_str(), about);
            for (n, round) in rounds.iter().enumerate() {
                let Some(g) = gap_of(n, key) else { continue };
                rows.push(GapRow {
                    label: format!("{} {}", round.date, group_title(t, instrument, key, true)),
                    own: g.own.mean.map(Tenths::as_f64),
                    partner: g.partner.mean.map(Tenths::as_f64),
                    note: chart_note(t, g.gap, g.large),
                    large: g.large,
                });
                table
                    .open("tr", &[])
                    .element("th", &[("scope", "row")], &group_title(t, instrument, key, false))
                    .element("td", &[], &round.date);
                for cell in [score_text(t, g.own.mean), score_text(t, g.partner.mean), gap_text(t, g.gap)] {
                    table.element("td", &[("class", "psc-num")], &cell);
                }
                table.close("tr");
            }
        }
        let ticks = tick_names(instrument);
        let svg =
            gap_chart(&rows, Ticks { first: instrument.scale.min, names: &ticks }, Legend { own: you, partner: them })
                .unwrap_or_default();
        let summary = largest_gap_change(instrument, &rounds).map_or(String::new(), |(d, about, from, to)| {
            i18n::fill(
                t.rounds_summary,
                &[
                    ("dimension", &group_title(t, instrument, (&d, about.as_deref()), false)),
                    ("from", &gap_text(t, Some(from))),
                    ("to", &gap_text(t, Some(to))),
                ],
            )
        });
        figure(html, t.rounds_chart_label, &svg, &summary);
        html.open("table", &[("class", "psc-table")])
            .element("caption", &[], t.rounds_table_caption)
            .open("thead", &[])
            .open("tr", &[]);
        for column in [t.col_dimension, t.rounds_col_date, you, them, t.col_gap] {
            html.element("th", &[("scope", "col")], column);
        }
        html.close("tr").close("thead").open("tbody", &[]).append(table).close("tbody").close("table");

        html.element("h3", &[], t.rounds_actions_title)
            .open("table", &[("class", "psc-table")])
            .open("thead", &[])
            .open("tr", &[]);
        for column in [t.rounds_col_date, t.col_dimension, t.plan_what, t.plan_who, t.plan_when, t.plan_done] {
            html.element("th", &[("scope", "col")], column);
        }
        html.close("tr").close("thead").open("tbody", &[]);
        for round in &rounds[..rounds.len() - 1] {
            for action in round.plan {
                html.open("tr", &[]).element("td", &[], &round.date).element(
                    "td",
                    &[],
                    &dimension_title(instrument, &action.dimension, false),
                );
                html.element("th", &[("scope", "row")], &action.what).element("td", &[], &action.who).element(
                    "td",
                    &[],
                    &action.by_when,
                );
                html.element("td", &[], if action.done { t.plan_done } else { t.rounds_not_done }).close("tr");
            }
        }
        html.close("tbody").close("table").open("ul", &[]);
        for file in &assessment.earlier_rounds {
            let date = file.round_date.as_deref().unwrap_or_default();
            html.open("li", &[]).text(&i18n::fill(t.rounds_round_of, &[("date", &date)])).text(" ");
            html.open("button", &[("type", "button"), (REMOVE_ROUND, date)]).text(t.plan_remove);
            html.element(
                "span",
                &[("class", "psc-visually-hidden")],
                &format!(" {}", i18n::fill(t.rounds_round_of, &[("date", &date)])),
            )
            .close("button")
            .close("li");
        }
        html.close("ul");
    }
    file_chooser(html, ROUNDS_FILE, t.rounds_label, "psc-rounds-error", None);
    html.close("section");
}

/// Downloads the round as a joint file: both partners' answers, the plan and the round's date.
fn download_joint_file(state: AppState, id: &str) {
    let Some(file) = state.with_assessment_untracked(id, |a| joint_file(a, &state.now())).flatten() else { return };
    let name = format!(
        "joint_{}",
        result_file::file_name(&file.responses, file.round_date.as_deref().unwrap_or_default(), "json")
    );
    offer_file(state, &name, &file.to_json(), files::JSON, state.t.joint_downloaded);
}
const DONE: &str = "data-done";
const REMOVE: &str = "data-remove";

/// Adds the action typed in a dimension's fields, or says why not.
fn add_action(state: AppState, id: &str, group: &web_sys::Element) {
    let t = state.t;
    let value = |name: &str| {
        group
            .query_selector(&format!("[name={name}]"))
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|i| i.value())
            .unwrap_or_default()
    };
    let dimension = group.get_attribute("data-dimension").unwrap_or_default();
    match Action::new(&dimension, &value("what"), &value("who"), &value("by_when")) {
        Ok(action) => {
            if state.edit(id, |a| a.plan.push(action)).is_ok() {
                state.notice.set(Some(Notice::Info(t.plan_added.to_string())));
            }
            state.redraw("#psc-plan-title");
        }
        Err(problem) => {
            // Said beside the fields, where the partners are looking, and read out at once.
            let message = match problem {
                ActionProblem::NothingToDo => t.plan_nothing_to_do.to_string(),
                ActionProblem::TooLong => i18n::fill(t.plan_too_long, &[("max", &MAX_ACTION_CHARS)]),
                ActionProblem::NotADate => t.plan_not_a_date.to_string(),
            };
            if let Some(slot) = group.query_selector("[role=alert]").ok().flatten() {
                slot.set_text_content(Some(&message));
            }
            if let Some(field) = group
                .query_selector("[name=what]")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = field.focus();
            }
        }
    }
}

/// Each question, as a heading of level `heading`, with both partners' answers.
fn both_answers(
    html: &mut Html,
    t: &Strings,
    heading: &'static str,
    questions: &[Question],
    sides: (&Responses, &Responses),
    (you, them): (&str, &str),
) {
    for q in questions {
        html.element(heading, &[], &q.text);
        for (who, answer) in [(you, sides.0.reflection(&q.id)), (them, sides.1.reflection(&q.id))] {
            let answer = if answer.trim().is_empty() { t.no_answer.to_string() } else { i18n::isolate(answer) };
            html.element(
                "p",
                &[("class", "psc-free-text")],
                &i18n::fill(t.session_said, &[("who", &who), ("text", &answer)]),
            );
        }
    }
}

/// A dimension's id, or its id and the side its statements are about: for element ids.
fn group_slug((dimension, about): (&str, Option<&str>)) -> String {
    match about {
        Some(side) => format!("{dimension}--{side}"),
        None => dimension.to_string(),
    }
}

/// A form to agree an action on one dimension (shown under each of its groups, `slug` telling
/// them apart). "What" offers the actions the source suggests for it as the partners type, as a
/// starting point.
fn plan_form(html: &mut Html, t: &Strings, dimension: &Dimension, slug: &str) {
    let id = |field: &str| format!("psc-plan-{field}-{slug}");
    let (what, who, when, suggested) = (id("what"), id("who"), id("when"), id("suggested"));
    // Not a <form>: Enter in a field would submit it and reload the page.
    let (heading, error) = (id("title"), id("error"));
    // Named by its heading and the dimension's, so each group says which dimension it is for.
    let named_by = format!("{heading} psc-session-{slug}");
    html.open(
        "div",
        &[
            ("class", "psc-plan-form"),
            ("role", "group"),
            ("aria-labelledby", &named_by),
            ("data-dimension", &dimension.id),
        ],
    );
    html.element("h3", &[("id", &heading)], t.plan_add_title);
    let max = MAX_ACTION_CHARS.to_string();
    html.open("div", &[("class", "psc-field")]).element("label", &[("for", &what)], t.plan_what);
    html.open(
        "input",
        &[
            ("type", "text"),
            ("id", &what),
            ("name", "what"),
            ("list", &suggested),
            ("maxlength", &max),
            ("aria-describedby", &error),
        ],
    )
    .close("div");
    html.open("datalist", &[("id", &suggested)]);
    for action in &dimension.suggested_actions {
        html.open("option", &[("value", action)]).close("option");
    }
    html.close("datalist");
    for (field, label, name, kind) in [(&who, t.plan_who, "who", "text"), (&when, t.plan_when, "by_when", "date")] {
        html.open("div", &[("class", "psc-field")]).element("label", &[("for", field)], label);
        html.open("input", &[("type", kind), ("id", field), ("name", name), ("maxlength", &max)]).close("div");
    }
    html.element("p", &[("id", &error), ("class", "psc-error-slot"), ("role", "alert")], "");
    html.element("button", &[("type", "button"), (ADD, "")], t.plan_add).close("div");
}

/// The agreed actions, for the session and the printed report.
fn plan_table(html: &mut Html, t: &Strings, instrument: &Instrument, plan: &[Action]) {
    html.open("section", &[("class", "psc-session psc-plan"), ("aria-labelledby", "psc-plan-title")]);
    html.element("h2", &[("id", "psc-plan-title"), ("tabindex", "-1")], t.plan_title);
    if plan.is_empty() {
        html.element("p", &[], t.plan_empty);
    } else {
        html.open("table", &[("class", "psc-table")]).open("thead", &[]).open("tr", &[]);
        for column in [t.col_dimension, t.plan_what, t.plan_who, t.plan_when, t.plan_done] {
            html.element("th", &[("scope", "col")], column);
        }
        html.close("tr").close("thead").open("tbody", &[]);
        for (index, action) in plan.iter().enumerate() {
            let index = index.to_string();
            let dimension =
                instrument.dimension(&action.dimension).map_or(action.dimension.as_str(), |d| d.title.as_str());
            html.open("tr", &[]).element("td", &[], dimension).element("th", &[("scope", "row")], &action.what);
            html.element("td", &[], &action.who).element("td", &[], &action.by_when).open("td", &[]);
            let name = i18n::fill(t.plan_done_named, &[("action", &action.what)]);
            let mut tick = vec![("type", "checkbox"), (DONE, index.as_str()), ("aria-label", name.as_str())];
            if action.done {
                tick.push(("checked", ""));
            }
            // Printed instead of the tick, when it is ticked (see the print stylesheet).
            html.open("input", &tick).element("span", &[("class", "psc-print-only")], t.plan_done);
            html.open("button", &[("type", "button"), (REMOVE, &index)]).text(t.plan_remove);
            html.element("span", &[("class", "psc-visually-hidden")], &format!(" {}", action.what)).close("button");
            html.close("td").close("tr");
        }
        html.close("tbody").close("table");
    }
    html.close("section");
}
