//! The joint session as a presentation, for a projector: one dimension at a time, in the order
//! they are talked through, with its chart, both organisations named and their scores in large
//! type, the statements to talk about and the form to agree an action; moved through with the
//! keyboard (arrows, Page Up and Down, Home, End; Escape leaves) or the buttons. Each slide is a
//! screen of its own ([`Screen::Present`]), so an action added on a slide keeps the slide shown.

use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

use super::plan;
use super::talk::{group_slug, Talk};
use crate::charts::{gap_chart, GapRow, Legend, Ticks};
use crate::domain::gap::emphasis;
use crate::domain::Rating;
use crate::i18n;
use crate::ui::actions::{actions, asked, Action};
use crate::ui::ids;
use crate::ui::markup::html;
use crate::ui::parts::chart::chart_now;
use crate::ui::parts::region::{inert, parts, region};
use crate::ui::state::{AppState, Screen};
use crate::ui::words::{chart_note, group_title, rating_text, tick_names};

actions! {
    /// The presentation's buttons.
    Slides { Previous = "previous-slide", Next = "next-slide", Leave = "leave", FullScreen = "full-screen" }
}

/// Slide `n` of the session: a group of the talking order (after the last group, the questions
/// to talk through together, when the instrument has some).
pub fn view(state: AppState, talk: Arc<Talk>, n: usize) -> AnyView {
    let t = state.t();
    let instrument = &talk.instrument;
    let id = talk.assessment.id.clone();
    let order = talk.order();
    let total = order.len() + usize::from(!instrument.reflections.is_empty());
    let n = n.min(total.saturating_sub(1));
    let count = i18n::fill(t.slide_of, &[("slide", &(n + 1)), ("total", &total)]);
    let body = slide_body(state, &talk, n, &count);
    let go = {
        let id = id.clone();
        move |to: usize| state.go(Screen::Present(id.clone(), to))
    };
    let leave = {
        let id = id.clone();
        move || {
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                if document.fullscreen_element().is_some() {
                    document.exit_fullscreen();
                }
            }
            state.go(Screen::Session(id.clone()));
        }
    };
    // Keys move through the slides, except while a field is being typed in.
    let on_key = {
        let (go, leave) = (go.clone(), leave.clone());
        move |ev: leptos::ev::KeyboardEvent| {
            let typing = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
            if typing && ev.key() != "Escape" {
                return;
            }
            // Right to left, the next slide is to the left.
            let rtl = t.direction == "rtl";
            let to = match ev.key().as_str() {
                "ArrowRight" if rtl => n.checked_sub(1),
                "ArrowLeft" if rtl => Some(n + 1),
                "ArrowRight" | "PageDown" => Some(n + 1),
                "ArrowLeft" | "PageUp" => n.checked_sub(1),
                "Home" => Some(0),
                "End" => Some(total.saturating_sub(1)),
                "Escape" => {
                    ev.prevent_default();
                    return leave();
                }
                _ => return,
            };
            ev.prevent_default();
            if let Some(to) = to.filter(|&to| to < total && to != n) {
                go(to);
            }
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| match asked::<Slides>(&ev) {
        Some((Slides::Previous, _, _)) => go(n.saturating_sub(1)),
        Some((Slides::Next, _, _)) => go((n + 1).min(total.saturating_sub(1))),
        Some((Slides::Leave, _, _)) => leave(),
        Some((Slides::FullScreen, _, _)) => {
            if let Some(shown) = state.element(".psc-present") {
                let _ = shown.request_fullscreen();
            }
        }
        None => {}
    };
    let nav = html! {
        nav.psc-slide-nav aria-label=(t.present_label) {
            button type="button" data-do=(Slides::Previous.attr()) disabled[n == 0] { (t.previous_slide) }
            button type="button" .psc-primary data-do=(Slides::Next.attr()) disabled[n + 1 >= total] { (t.next_slide) }
            button type="button" data-do=(Slides::FullScreen.attr()) { (t.full_screen) }
            button type="button" data-do=(Slides::Leave.attr()) { (t.leave_presentation) }
        }
        p.psc-hint { (t.present_keys) }
    };
    view! {
        <div class="psc-present" role="region" aria-label=t.present_label on:keydown=on_key on:click=on_click>
            {body}
            {region(nav, inert())}
        </div>
    }
    .into_any()
}

/// What slide `n` shows: a group's scores, chart, statements and action form; or the questions.
fn slide_body(state: AppState, talk: &Talk, n: usize, count: &str) -> AnyView {
    let t = state.t();
    let instrument = &talk.instrument;
    let id = talk.assessment.id.clone();
    match talk.order().get(n).copied() {
        Some(d) => {
            // The group's statements, both ratings of each, largest gap first.
            let rows: Vec<GapRow> = talk
                .comparison
                .items
                .iter()
                .filter(|g| (g.dimension_id.as_str(), g.about.as_deref()) == d.key())
                .map(|g| {
                    let score = |r: Option<Rating>| r.and_then(|r| r.score()).map(f64::from);
                    GapRow {
                        label: instrument.item(&g.item_id).map(|i| i.text.clone()).unwrap_or_default(),
                        own: score(g.own),
                        partner: score(g.partner),
                        own_text: rating_text(t, instrument, g.own),
                        partner_text: rating_text(t, instrument, g.partner),
                        note: chart_note(t, g.gap, g.large),
                        emphasis: emphasis(g.gap, &instrument.scale),
                    }
                })
                .collect();
            let ticks = tick_names(instrument);
            let legend = Legend { own: &talk.own_name, partner: &talk.partner_name };
            // Drawn for two thirds of the width and shown at all of it: on a projector, every
            // word of the chart half as large again.
            let figure = chart_now(state, t.present_chart_label, "", &|width| {
                gap_chart(&rows, Ticks { first: instrument.scale.min, names: &ticks }, legend, width * 2 / 3)
                    .unwrap_or_default()
            });
            let markup = html! {
                p.psc-slide-count { (count) }
                h1 id=(ids::SLIDE_TITLE) tabindex="-1" { (group_title(t, instrument, d.key(), false)) }
                p.psc-present-scores { (talk.scores(t, d)) (talk.flags(t, d)) }
                (figure)
                h2 { (t.session_statements) }
                (talk.statements(t, d))
            };
            let form = instrument
                .dimension(d.dimension_id())
                .map(|dimension| plan::form(state, &id, dimension, &format!("slide-{}", group_slug(d.key())), None));
            parts(vec![region(markup, inert()), form.into_any()])
        }
        None => {
            let markup = html! {
                p.psc-slide-count { (count) }
                h1 id=(ids::SLIDE_TITLE) tabindex="-1" { (t.session_questions) }
                (talk.answers(t, &instrument.reflections, false))
            };
            region(markup, inert())
        }
    }
}
