//! Choosing one of this app's files (a partner's result file, a joint file, several people's
//! files, a questionnaire) and reading it: the one place that reads what a person chose.
//!
//! Reading takes a while (a large file, a slow disk, a cloud drive's placeholder), so what was
//! read is handed on only if the person is still on the screen they chose it on, and it is still
//! their latest choice there; otherwise it is dropped, with nothing stored and nothing said.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::adapters::files::{self, ReadError};
use crate::domain::result_file::{ImportError, MAX_FILE_BYTES};
use crate::ui::parts::notices::error_slot;
use crate::ui::state::AppState;
use crate::ui::words;

/// A file chooser: its element ids, its label, and what it takes.
#[derive(Clone, Copy)]
pub struct Chooser {
    pub id: &'static str,
    pub error_id: &'static str,
    pub label: &'static str,
    /// Several files at once (the combined view).
    pub multiple: bool,
    /// Not yet available (the partner's file, before the answers are sealed).
    pub disabled: bool,
    /// The most all files together may weigh; each is also held to [`MAX_FILE_BYTES`].
    pub limit: usize,
}

impl Chooser {
    pub const fn one(id: &'static str, error_id: &'static str, label: &'static str) -> Chooser {
        Chooser { id, error_id, label, multiple: false, disabled: false, limit: MAX_FILE_BYTES }
    }
}

/// What is done with the files read: each one's name and text.
pub type Read = std::rc::Rc<dyn Fn(Vec<(String, String)>)>;

/// The chooser, with its label and the place where a refusal is said (`error`, which the screen
/// owns and `read` may set). `read` gets each chosen file's name and text.
pub fn file_chooser(state: AppState, chooser: Chooser, error: RwSignal<String>, read: Read) -> AnyView {
    let t = state.t();
    // Which choice is the latest: an earlier, slower one is dropped when it arrives.
    let latest = StoredValue::new(0u32);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let chosen: Vec<web_sys::File> =
            input.files().map(|list| (0..list.length()).filter_map(|n| list.get(n)).collect()).unwrap_or_default();
        // Emptied, so that choosing the same file again (after fixing it) is noticed.
        input.set_value("");
        if chosen.is_empty() {
            return;
        }
        latest.update_value(|n| *n += 1);
        let this = latest.get_value();
        let screen = state.screen.get_untracked();
        let read = read.clone();
        leptos::task::spawn_local(async move {
            let outcome = read_all(chosen, chooser.limit, chooser.multiple).await;
            if latest.try_get_value() != Some(this) || !state.shows(&screen) {
                return;
            }
            match outcome {
                Ok(files) => read(files),
                Err((name, e)) => {
                    let message = match name {
                        Some(name) => words::file_refused(t, &name, &e, None),
                        None if chooser.multiple => i18n_too_large_together(state, &e),
                        None => words::import_message(t, &e, None, false),
                    };
                    error.set(message);
                    state.focus_soon(format!("#{}", chooser.error_id));
                }
            }
        });
    };
    view! {
        <div class="psc-field">
            <label for=chooser.id>{chooser.label}</label>
            <input
                id=chooser.id
                type="file"
                accept=".json,application/json"
                aria-describedby=chooser.error_id
                multiple=chooser.multiple
                disabled=chooser.disabled
                on:change=on_change
            />
        </div>
        {error_slot(chooser.error_id.to_string(), error)}
    }
    .into_any()
}

/// Several files too large together, in words.
fn i18n_too_large_together(state: AppState, error: &ImportError) -> String {
    match error {
        ImportError::TooLarge { bytes, limit } => {
            crate::i18n::fill(state.t().combine_too_large, &[("size", &(bytes / 1024)), ("limit", &(limit / 1024))])
        }
        other => words::import_message(state.t(), other, None, false),
    }
}

/// Every chosen file's name and text; or why not: all together too large (said before any is
/// read, with no file named), or one too large or unreadable on its own (named where several
/// were chosen).
async fn read_all(
    chosen: Vec<web_sys::File>,
    limit: usize,
    multiple: bool,
) -> Result<Vec<(String, String)>, (Option<String>, ImportError)> {
    let bytes = chosen.iter().map(|f| f.size() as usize).sum::<usize>();
    if bytes > limit {
        return Err((None, ImportError::TooLarge { bytes, limit }));
    }
    let mut files = Vec::new();
    for file in chosen {
        let name = file.name();
        let text = files::read_text(&file, MAX_FILE_BYTES).await.map_err(|e| {
            let error = match e {
                ReadError::TooLarge { bytes } => ImportError::TooLarge { bytes, limit: MAX_FILE_BYTES },
                ReadError::Unreadable => ImportError::NotJson,
            };
            (multiple.then(|| name.clone()), error)
        })?;
        files.push((name, text));
    }
    Ok(files)
}
