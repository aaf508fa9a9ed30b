//! Choosing one of this app's files (a partner's result file, a joint file, several people's
//! files, a questionnaire) and reading it: the one place that reads what a person chose.
//!
//! Reading takes a while (a large file, a slow disk, a cloud drive's placeholder), so what was
//! read is handed on only if the person is still on the screen they chose it on, and it is still
//! their latest choice there; otherwise it is dropped, with nothing stored and nothing said.
//!
//! A protected file (`docs/protected-file-format.md`) is opened here, before anything else reads
//! it: its envelope is checked (a later version, an absurd parameter or a damaged field is said at
//! once, whatever the passphrase), then the chooser asks for the passphrase, tries it on every
//! protected file chosen and asks again for those it did not open. Only then are the files handed
//! on, in plain, to be read as before; until then nothing is stored, and the passphrase typed is
//! never kept.

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use wasm_bindgen::JsCast;

use crate::adapters::crypto::{self, OpenError};
use crate::adapters::files::{self, ReadError};
use crate::domain::envelope::{self, Envelope, EnvelopeError, MAX_ENVELOPE_BYTES};
use crate::domain::result_file::{ImportError, MAX_FILE_BYTES};
use crate::i18n;
use crate::ui::actions::{actions, asked, Action};
use crate::ui::ids;
use crate::ui::markup::html;
use crate::ui::parts::dom::value;
use crate::ui::parts::later::NotFetched;
use crate::ui::parts::notices::error_slot;
use crate::ui::parts::region::{inert, live, on, parts, region};
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
    /// The most all files together may weigh; each is also held to [`MAX_FILE_BYTES`], or, as
    /// it may be protected, to the size of its envelope ([`MAX_ENVELOPE_BYTES`]) with what it
    /// holds held to [`MAX_FILE_BYTES`] by its reader.
    pub limit: usize,
    /// Whether protected files are opened here: files of answers are, a questionnaire is not.
    pub unlocks: bool,
}

impl Chooser {
    pub const fn one(id: &'static str, error_id: &'static str, label: &'static str) -> Chooser {
        Chooser { id, error_id, label, multiple: false, disabled: false, limit: MAX_FILE_BYTES, unlocks: true }
    }
}

/// What is done with the files read: each one's name and text.
pub type Read = Rc<dyn Fn(Vec<(String, String)>)>;

/// The files read while a passphrase is asked for, and which of them are still protected.
type Held = (Vec<(String, String)>, Vec<usize>);

/// The chooser, with its label and the place where a refusal is said (`error`, which the screen
/// owns and `read` may set). `read` gets each chosen file's name and text, protected ones opened.
pub fn file_chooser(state: AppState, chooser: Chooser, error: RwSignal<String>, read: Read) -> AnyView {
    let t = state.t();
    // Which choice is the latest: an earlier, slower one is dropped when it arrives.
    let latest = StoredValue::new(0u32);
    let asking = Asking::new(state, chooser, error, latest, read.clone());
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
        asking.close();
        let this = latest.get_value();
        let screen = state.screen.get_untracked();
        let read = read.clone();
        leptos::task::spawn_local(async move {
            let outcome = read_all(chosen, chooser.limit, chooser.multiple).await;
            if latest.try_get_value() != Some(this) || !state.shows(&screen) {
                return;
            }
            match outcome.map(|files| (protected(chooser.unlocks, &files), files)) {
                Ok((Ok(locked), files)) if locked.is_empty() => read(files),
                Ok((Ok(locked), files)) => asking.ask(files, locked),
                Ok((Err((name, e)), _)) => asking.refuse(name, words::protected_message(t, &e)),
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
        {asking.view()}
        {error_slot(chooser.error_id.to_string(), error)}
    }
    .into_any()
}

/// The places of the protected files among those read, each envelope checked before any
/// passphrase is asked for; or the first that cannot be opened whatever the passphrase, with its
/// name. None where protected files are not opened (`unlocks`).
fn protected(unlocks: bool, files: &[(String, String)]) -> Result<Vec<usize>, (String, EnvelopeError)> {
    let mut locked = Vec::new();
    for (n, (name, text)) in files.iter().enumerate().filter(|(_, (_, text))| unlocks && envelope::is_envelope(text)) {
        Envelope::read(text).map_err(|e| (name.clone(), e))?;
        locked.push(n);
    }
    Ok(locked)
}

actions! {
    /// The passphrase question's controls: Enter in its field, or its button.
    Unlock { Field = "unlock-field", Open = "unlock" }
}

/// The question a chooser asks when a chosen file is protected: a passphrase field with its
/// button, a status saying how far opening has gone, and a message when the passphrase opened
/// nothing. Focus goes to the field when it is asked, and back to it after a failed try.
#[derive(Clone, Copy)]
struct Asking {
    state: AppState,
    chooser: Chooser,
    /// The chooser's own message (a file refused).
    error: RwSignal<String>,
    latest: StoredValue<u32>,
    read: StoredValue<Read, LocalStorage>,
    /// The files read and which of them are still protected, while the question is asked.
    held: StoredValue<Held>,
    /// The question; empty when none is asked.
    question: RwSignal<String>,
    /// Why nothing opened.
    wrong: RwSignal<String>,
    busy: StoredValue<bool>,
}

impl Asking {
    fn new(state: AppState, chooser: Chooser, error: RwSignal<String>, latest: StoredValue<u32>, read: Read) -> Self {
        Asking {
            state,
            chooser,
            error,
            latest,
            read: StoredValue::new_local(read),
            held: StoredValue::new((Vec::new(), Vec::new())),
            question: RwSignal::new(String::new()),
            wrong: RwSignal::new(String::new()),
            busy: StoredValue::new(false),
        }
    }

    fn id(&self, part: &str) -> String {
        ids::unlock(self.chooser.id, part)
    }

    /// The names of the files at `places`, set apart as typed text.
    fn names(&self, files: &[(String, String)], places: &[usize]) -> String {
        let names: Vec<String> = places.iter().map(|&n| i18n::isolate(&files[n].0)).collect();
        names.join(self.state.t().list_separator)
    }

    /// The question for the protected files among `files` at `locked`: named where several
    /// may be chosen.
    fn question(&self, files: &[(String, String)], locked: &[usize]) -> String {
        let t = self.state.t();
        if self.chooser.multiple {
            i18n::fill(t.unlock_files, &[("files", &self.names(files, locked))])
        } else {
            t.unlock_one.to_string()
        }
    }

    /// Asks for the passphrase of the protected files among `files` (at `locked`).
    fn ask(&self, files: Vec<(String, String)>, locked: Vec<usize>) {
        let question = self.question(&files, &locked);
        self.held.set_value((files, locked));
        let _ = self.error.try_set(String::new());
        let _ = self.wrong.try_set(String::new());
        self.say("");
        let _ = self.question.try_set(question);
        self.state.focus_soon(ids::selector(&self.id("passphrase")));
    }

    /// No more question: the files handed on, refused, or another choice made.
    fn close(&self) {
        let _ = self.held.try_set_value((Vec::new(), Vec::new()));
        let _ = self.busy.try_set_value(false);
        self.say("");
        if self.question.try_with_untracked(|q| !q.is_empty()) == Some(true) {
            let _ = self.question.try_set(String::new());
            let _ = self.wrong.try_set(String::new());
        }
    }

    /// Says how far opening has gone (a polite status, always in the page), and marks the
    /// question busy meanwhile.
    fn say(&self, status: &str) {
        if let Some(element) = self.state.element(&ids::selector(&self.id("passphrase-status"))) {
            element.set_text_content(Some(status));
        }
        if let Some(group) = self.state.element(&ids::selector(&self.id("passphrase-group"))) {
            let busy = self.busy.try_get_value() == Some(true);
            let _ = group.set_attribute("aria-busy", &busy.to_string());
        }
    }

    /// A file refused whatever the passphrase (named where several were chosen): said beside the
    /// chooser, focus there, nothing kept.
    fn refuse(&self, name: String, reason: String) {
        self.close();
        let t = self.state.t();
        let message = if self.chooser.multiple {
            i18n::fill(t.combine_file_refused, &[("file", &i18n::isolate(&name)), ("reason", &reason)])
        } else {
            reason
        };
        let _ = self.error.try_set(message);
        self.state.focus_soon(ids::selector(self.chooser.error_id));
    }

    /// Tries the passphrase typed on every file still protected, one after the other (each key
    /// is derived off the page's thread; the status counts them). Then: every file open, they
    /// are handed on; none opened, the person is told and tries again; some, those left are
    /// asked for.
    fn try_passphrase(&self) {
        if self.busy.get_value() {
            return;
        }
        let t = self.state.t();
        let typed = value(self.state.widget, &ids::selector(&self.id("passphrase")));
        if typed.trim().is_empty() {
            return self.wrong_again(t.passphrase_missing);
        }
        self.wrong.set(String::new());
        self.busy.set_value(true);
        let this = self.latest.get_value();
        let screen = self.state.screen.get_untracked();
        let asking = *self;
        leptos::task::spawn_local(async move {
            let Some((mut files, locked)) = asking.held.try_get_value() else { return };
            let (mut opened, mut still) = (Vec::new(), Vec::new());
            let mut failed = None;
            for (n, &at) in locked.iter().enumerate() {
                asking.say(&i18n::fill(t.opening, &[("n", &(n + 1)), ("total", &locked.len())]));
                let outcome = match opening(files[at].1.clone(), typed.clone()).await {
                    Ok(open) => open.await,
                    Err(NotFetched) => Err(Opening::NotFetched),
                };
                match outcome {
                    Ok(plain) => {
                        files[at].1 = plain;
                        opened.push(at);
                    }
                    Err(Opening::Wrong) => still.push(at),
                    Err(other) => {
                        failed = Some((files[at].0.clone(), other));
                        break;
                    }
                }
            }
            if asking.latest.try_get_value() != Some(this) || !asking.state.shows(&screen) {
                return;
            }
            asking.busy.set_value(false);
            asking.say("");
            match failed {
                Some((name, Opening::Envelope(e))) => asking.refuse(name, words::protected_message(t, &e)),
                Some((name, Opening::NotText)) => {
                    asking.refuse(name, words::import_message(t, &ImportError::NotJson, None, false))
                }
                Some((name, Opening::NotFetched)) => asking.refuse(name, t.part_unreachable.to_string()),
                Some((name, _)) => asking.refuse(name, t.open_failed.to_string()),
                None if still.is_empty() => {
                    asking.close();
                    if let Some(read) = asking.read.try_get_value() {
                        read(files);
                    }
                }
                None if opened.is_empty() => asking.wrong_again(t.wrong_passphrase),
                None => {
                    let rest = i18n::fill(
                        t.unlock_rest,
                        &[("opened", &asking.names(&files, &opened)), ("files", &asking.names(&files, &still))],
                    );
                    let question = asking.question(&files, &still);
                    asking.held.set_value((files, still));
                    // Drawn again, the field empty, focus in it; the status says what happened.
                    asking.question.set(question);
                    asking.say(&rest);
                    asking.state.focus_soon(ids::selector(&asking.id("passphrase")));
                }
            }
        });
    }

    /// Says why nothing opened, beside the field, marks it, and puts focus back in it, its text
    /// selected to be typed again.
    fn wrong_again(&self, message: &str) {
        let _ = self.wrong.try_set(message.to_string());
        let field = self.state.element(&ids::selector(&self.id("passphrase")));
        if let Some(field) = field.and_then(|f| f.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            let _ = field.set_attribute("aria-invalid", "true");
            let _ = field.focus();
            field.select();
        }
    }

    /// The question while there is one, a status (always in the page, so that what it says is
    /// read out) and the message when nothing opened.
    fn view(self) -> AnyView {
        let t = self.state.t();
        let (group, question_id, field) =
            (self.id("passphrase-group"), self.id("passphrase-question"), self.id("passphrase"));
        let (status, wrong) = (self.id("passphrase-status"), self.id("passphrase-error"));
        let handle = on(move |ev| match asked::<Unlock>(ev) {
            Some((Unlock::Open, _, _)) if ev.type_() == "click" => self.try_passphrase(),
            Some((Unlock::Field, _, _)) if ev.type_() == "keydown" => {
                let key = js_sys::Reflect::get(ev, &"key".into()).ok().and_then(|k| k.as_string());
                if key.as_deref() == Some("Enter") {
                    ev.prevent_default();
                    self.try_passphrase();
                }
            }
            _ => {}
        });
        let described = format!("{wrong} {status}");
        let asked = move || {
            self.question.with(|text| {
                if text.is_empty() {
                    return String::new();
                }
                html! {
                    div.psc-check.psc-unlock id=(group) role="group" aria-labelledby=(question_id) aria-busy="false" {
                        p id=(question_id) { (text) }
                        div.psc-field {
                            label for=(field) { (t.unlock_label) }
                            input.psc-passphrase id=(field) type="text" autocomplete="off" autocapitalize="none"
                                spellcheck="false" aria-describedby=(described) data-do=(Unlock::Field.attr());
                        }
                        button type="button" .psc-primary data-do=(Unlock::Open.attr()) { (t.unlock_button) }
                    }
                }
                .into_string()
            })
        };
        let status = html! { p.psc-status role="status" id=(status) {} };
        parts(vec![
            live(Signal::derive(asked), handle),
            region(status, inert()),
            error_slot(wrong, self.wrong).into_any(),
        ])
    }
}

/// Why a protected file did not open.
enum Opening {
    /// Wrong passphrase, or the file changed since: tried again with another passphrase.
    Wrong,
    Envelope(EnvelopeError),
    /// Opened, but not text: not a file of this app.
    NotText,
    /// No Web Crypto on this page, or the browser failed.
    Unavailable,
    /// The part of the app that opens protected files could not be fetched.
    NotFetched,
}

/// A protected file's opening under way: its text, or why not.
type Open = Pin<Box<dyn Future<Output = Result<String, Opening>>>>;

/// A protected file being opened ([`open`]). Only a person given a protected file needs this, so
/// it is in a part of the app of its own (`parts::later`), with the cipher and its checks.
#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
fn opening(text: String, typed: String) -> Result<Open, NotFetched> {
    Ok(Box::pin(async move { open(&text, &typed).await }))
}

/// A protected file's text opened with the passphrase as typed; failing that, without spaces
/// around it (a passphrase pasted from a message), as the app protects files with.
async fn open(text: &str, typed: &str) -> Result<String, Opening> {
    let mut outcome = crypto::open(text, typed).await;
    let trimmed = typed.trim();
    if trimmed != typed && outcome == Err(OpenError::WrongPassphraseOrDamaged) {
        outcome = crypto::open(text, trimmed).await;
    }
    match outcome {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| Opening::NotText),
        Err(OpenError::WrongPassphraseOrDamaged) => Err(Opening::Wrong),
        Err(OpenError::Envelope(e)) => Err(Opening::Envelope(e)),
        Err(OpenError::Unavailable | OpenError::Failed) => Err(Opening::Unavailable),
    }
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
    // One file alone may be a protected one, larger than the file it holds.
    if bytes > limit && (multiple || bytes > MAX_ENVELOPE_BYTES) {
        return Err((None, ImportError::TooLarge { bytes, limit }));
    }
    let mut files = Vec::new();
    for file in chosen {
        let name = file.name();
        let text = files::read_text(&file, MAX_ENVELOPE_BYTES).await.map_err(|e| {
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
