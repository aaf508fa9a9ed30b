//! Reopening a joint session: its file read and checked, then "which partner are you?", then
//! kept as a new assessment and shown as its joint session. A refused file gets the reason
//! beside the chooser, and nothing stored changes.

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use std::rc::Rc;

use crate::adapters::clock;
use crate::domain::joint_file::{into_assessment, read_joint_file};
use crate::domain::result_file::ImportError;
use crate::domain::ResultFile;
use crate::i18n;
use crate::ui::actions::{actions, asked, Action};
use crate::ui::fetching::fetch_instrument_of;
use crate::ui::ids;
use crate::ui::markup::html;
use crate::ui::parts::chooser::{file_chooser, Chooser};
use crate::ui::parts::dom::is_open;
use crate::ui::parts::later::NotFetched;
use crate::ui::parts::region::{live, on};
use crate::ui::state::{AppState, Notice, Screen};
use crate::ui::words;

actions! {
    /// The choice of side once the file is read; `data-arg` is the side (0 or 1).
    Joint { Side = "joint-side" }
}

/// A joint file read: its two sides' answers, or why it is refused. Only a joint session needs
/// this, so it is in a part of the app of its own (`parts::later`).
#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
fn read_joint(state: AppState, text: String) -> Result<Result<ResultFile, ImportError>, NotFetched> {
    Ok(read_joint_file(&text, &|id| state.instrument(id)).map(|(file, _)| file))
}

pub fn section(state: AppState) -> impl IntoView {
    let t = state.t();
    let error = RwSignal::new(String::new());
    // The file read, until the person says which partner they are, and the question asking it.
    let chosen = RwSignal::new(None::<ResultFile>);
    let question = Memo::new(move |_| {
        chosen.with(|file| {
            let Some(file) = file else { return String::new() };
            let instrument = state.instrument(&file.responses.instrument.id);
            html! {
                p id=(ids::JOINT_QUESTION) tabindex="-1" { (t.joint_which) }
                div.psc-actions {
                    @for (side, partner) in [Some(&file.responses), file.partner.as_ref()].into_iter().flatten().enumerate() {
                        @let role = instrument.as_ref().map_or_else(|| partner.role.clone(), |i| i.role_label(&partner.role));
                        button type="button" data-do=(Joint::Side.attr()) data-arg=(side) {
                            (i18n::fill(t.joint_as, &[("organisation", &i18n::isolate(&partner.organisation)), ("role", &role)]))
                        }
                    }
                }
            }
            .into_string()
        })
    });
    let read = Rc::new(move |files: Vec<(String, String)>| {
        let Some((_, text)) = files.into_iter().next() else { return };
        leptos::task::spawn_local(async move {
            fetch_instrument_of(state, &text).await;
            let Ok(read) = read_joint(state, text).await else {
                let _ = error.try_set(t.part_unreachable.to_string());
                return state.focus_soon(ids::selector(ids::JOINT_ERROR));
            };
            match read {
                Ok(file) => {
                    let _ = error.try_set(String::new());
                    let _ = chosen.try_set(Some(file));
                    state.focus_soon(ids::selector(ids::JOINT_QUESTION));
                }
                Err(e) => {
                    let _ = chosen.try_set(None);
                    let _ = error.try_set(words::import_message(t, &e, None, true));
                    state.focus_soon(ids::selector(ids::JOINT_ERROR));
                }
            }
        });
    });
    let handle = on(move |ev| {
        let Some((Joint::Side, side, _)) = asked::<Joint>(ev) else { return };
        let side = side.parse().unwrap_or(0);
        let Some(assessment) = chosen.get_untracked().and_then(|file| into_assessment(file, clock::new_id(), side))
        else {
            return;
        };
        let (id, date) = (assessment.id.clone(), assessment.round_date());
        let Some(instrument) = state.instrument(&assessment.own.instrument.id) else { return };
        match state.add(assessment, &instrument) {
            Ok(()) => {
                state.go(Screen::Session(id));
                state
                    .notice
                    .set(Some(Notice::Info(i18n::fill(t.joint_opened, &[("date", &clock::date_of(t.lang, &date))]))));
            }
            Err(reason) => state.notice.set(Some(Notice::Error(reason))),
        }
    });
    let chooser = Chooser::one(ids::JOINT_FILE, ids::JOINT_ERROR, t.joint_label);
    view! {
        // Folded away until wanted; open while it has something to say, and never folded by the
        // app once open (while a passphrase is asked for, say).
        <details
            class="psc-card psc-fold"
            prop:open=move || error.with(|e| !e.is_empty()) || chosen.with(Option::is_some) || is_open(state.widget, ids::JOINT_TITLE)
        >
            <summary>
                <h2 id=ids::JOINT_TITLE>{t.joint_title}</h2>
            </summary>
            <p>{t.joint_intro}</p>
            {file_chooser(state, chooser, error, read)}
            <div id=ids::JOINT_WHICH>{live(question.into(), handle)}</div>
        </details>
    }
}
