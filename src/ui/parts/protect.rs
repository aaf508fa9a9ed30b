//! Protecting a file of answers with a passphrase before it is downloaded (issue 19): the choice,
//! on by default; a passphrase made for the person (99 bits, easy to read aloud) or one of their
//! own, with a word on its strength and a minimum; and what to do with it. Shown above a
//! screen's download buttons (the result file's, the joint file's), which ask it for the choice.
//!
//! Markup and one handler, like the screens (`parts::region`): typing changes the strength's
//! words in place, so the field keeps its focus and caret.

use leptos::prelude::*;

use crate::adapters::crypto;
use crate::domain::passphrase;
use crate::ui::actions::{actions, asked, Action};
use crate::ui::ids;
use crate::ui::markup::html;
use crate::ui::parts::notices::error_slot;
use crate::ui::parts::region::{live, on, parts, region, Handler};
use crate::ui::state::AppState;
use crate::ui::words::strength_text;

actions! {
    /// The part's controls: the box, the field, the button making another passphrase.
    Protecting { Toggle = "protect", Typed = "passphrase", Another = "another-passphrase" }
}

/// The choice for one screen's downloads, shared by the part that shows it and the buttons.
#[derive(Clone, Copy)]
pub struct Protection {
    on: RwSignal<bool>,
    /// What is in the field: the passphrase made here, or the person's own.
    typed: RwSignal<String>,
    /// The passphrase made here; empty if this browser could not make one.
    made: RwSignal<String>,
    error: RwSignal<String>,
}

impl Protection {
    /// On, with a new passphrase made for this screen.
    pub fn fresh() -> Protection {
        let made = crypto::new_passphrase().unwrap_or_default();
        Protection {
            on: RwSignal::new(true),
            typed: RwSignal::new(made.clone()),
            made: RwSignal::new(made),
            error: RwSignal::new(String::new()),
        }
    }

    /// The passphrase the next download is to be protected with (`Some(None)`: plain, as the
    /// person chose). `None` when their own passphrase is under the minimum: then nothing is to
    /// be done, and the field says why, with focus on it. A passphrase made here passes whatever
    /// the estimate says of it (its 99 bits are in how it was drawn). Spaces around a typed
    /// passphrase are not part of it.
    pub fn choice(&self, state: AppState) -> Option<Option<String>> {
        if !self.on.get_untracked() {
            return Some(None);
        }
        let typed = self.typed.with_untracked(|p| p.trim().to_string());
        let made = self.made.with_untracked(|m| !m.is_empty() && *m == typed);
        self.mark(state, !(made || passphrase::meets_minimum(&typed)));
        if self.error.with_untracked(String::is_empty) {
            return Some(Some(typed));
        }
        state.focus_soon(ids::selector(ids::PASSPHRASE));
        None
    }

    /// Says (or unsays) beside the field that the passphrase is under the minimum, and marks it.
    fn mark(&self, state: AppState, bad: bool) {
        self.error.set(if bad { state.t().passphrase_too_weak.to_string() } else { String::new() });
        if let Some(field) = state.element(&ids::selector(ids::PASSPHRASE)) {
            let _ =
                if bad { field.set_attribute("aria-invalid", "true") } else { field.remove_attribute("aria-invalid") };
        }
    }

    /// How strong the passphrase in the field is, in words; a passphrase made here says so.
    fn strength(&self, state: AppState) -> String {
        let typed = self.typed.with_untracked(|p| p.trim().to_string());
        if self.made.with_untracked(|m| !m.is_empty() && *m == typed) {
            state.t().passphrase_generated.to_string()
        } else {
            strength_text(state.t(), passphrase::strength(&typed))
        }
    }

    /// The choice as a person sees it: a box ticked by default; under it the passphrase, its
    /// strength, a button to make another, and how to send it; unticked, what that means.
    pub fn view(self, state: AppState) -> AnyView {
        let t = state.t();
        let this = self;
        let handle: Handler = on(move |ev| {
            let Some((action, _, control)) = asked::<Protecting>(ev) else { return };
            let kind = ev.type_();
            match action {
                Protecting::Toggle if kind == "change" => {
                    let ticked = js_sys::Reflect::get(&control, &"checked".into()).ok().and_then(|v| v.as_bool());
                    this.error.set(String::new());
                    this.on.set(ticked.unwrap_or(true));
                }
                Protecting::Typed if kind == "input" => {
                    let typed = js_sys::Reflect::get(&control, &"value".into()).ok().and_then(|v| v.as_string());
                    this.typed.set(typed.unwrap_or_default());
                    if !this.error.with_untracked(String::is_empty) {
                        this.mark(state, false);
                    }
                    this.show_strength(state);
                }
                Protecting::Another if kind == "click" => {
                    let Ok(new) = crypto::new_passphrase() else { return };
                    if let Some(field) = state.element(&ids::selector(ids::PASSPHRASE)) {
                        let _ = js_sys::Reflect::set(&field, &"value".into(), &new.as_str().into());
                    }
                    this.made.set(new.clone());
                    this.typed.set(new);
                    this.mark(state, false);
                    this.show_strength(state);
                }
                _ => {}
            }
        });
        let toggle = html! {
            label.psc-choice.psc-field.psc-protect {
                input type="checkbox" id=(ids::PROTECT) checked data-do=(Protecting::Toggle.attr());
                (t.protect_label)
            }
        };
        let field = move || {
            let markup = if this.on.get() {
                html! {
                    div.psc-field.psc-protect {
                        label for=(ids::PASSPHRASE) { (t.passphrase_label) }
                        input.psc-passphrase id=(ids::PASSPHRASE) type="text" autocomplete="off" autocapitalize="none"
                            spellcheck="false" aria-describedby={ (ids::PASSPHRASE_HINT) " " (ids::PASSPHRASE_ERROR) }
                            value=(this.typed.get_untracked()) data-do=(Protecting::Typed.attr());
                        p.psc-hint id=(ids::PASSPHRASE_HINT) { (this.strength(state)) }
                        button type="button" .psc-secondary data-do=(Protecting::Another.attr()) { (t.new_passphrase) }
                    }
                    p.psc-protect { (t.protect_advice) }
                }
            } else {
                html! { p.psc-hint.psc-protect { (t.unprotected_warning) } }
            };
            markup.into_string()
        };
        let error = error_slot(ids::PASSPHRASE_ERROR.to_string(), self.error).into_any();
        parts(vec![region(toggle, handle.clone()), live(Signal::derive(field), handle), error])
    }

    /// The strength's words under the field, changed in place as the person types.
    fn show_strength(&self, state: AppState) {
        if let Some(hint) = state.element(&ids::selector(ids::PASSPHRASE_HINT)) {
            hint.set_text_content(Some(&self.strength(state)));
        }
    }
}
