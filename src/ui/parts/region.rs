//! The two ways the screens put markup on the page: as it is, or drawn again when what it shows
//! changes; each with one handler for whatever its controls are asked (see `ui::actions`).
//!
//! Why so few: every distinct view and every distinct closure given to one compiles to code of
//! its own, and all the screens' code is in the download. Markup written by `html!` and handlers
//! behind one type ([`Handler`]) share a single copy of that code.

use leptos::prelude::*;
use std::rc::Rc;

use crate::ui::markup::Markup;

/// What a part does when something happens inside it: a click, a change of a field, typing, a
/// key pressed (`event.type_()` says which).
pub type Handler = Rc<dyn Fn(&web_sys::Event)>;

/// A handler from a closure.
pub fn on(handle: impl Fn(&web_sys::Event) + 'static) -> Handler {
    Rc::new(handle)
}

/// A handler that does nothing: for markup without controls.
pub fn inert() -> Handler {
    Rc::new(|_| {})
}

/// Markup that stays as it is while shown.
pub fn region(markup: Markup, handle: Handler) -> AnyView {
    listening(Signal::stored(markup.into_string()), handle)
}

/// Markup drawn again whenever `markup` changes.
pub fn live(markup: Signal<String>, handle: Handler) -> AnyView {
    listening(markup, handle)
}

fn listening(markup: Signal<String>, handle: Handler) -> AnyView {
    let [click, change, input, key] = [handle.clone(), handle.clone(), handle.clone(), handle];
    view! {
        <div
            on:click=move |ev| click(&ev)
            on:change=move |ev| change(&ev)
            on:input=move |ev| input(&ev)
            on:keydown=move |ev| key(&ev)
            // Drawn again by an effect queued before its screen was taken down (a file read, then
            // the next screen shown, in one step): nothing left to draw, nothing to fail.
            inner_html=move || markup.try_get().unwrap_or_default()
        ></div>
    }
    .into_any()
}

/// Parts one after the other.
pub fn parts(list: Vec<AnyView>) -> AnyView {
    list.into_any()
}

/// A section named by its heading (`heading` is the heading's id), holding parts.
pub fn section(class: &'static str, heading: String, list: Vec<AnyView>) -> AnyView {
    view! { <section class=class aria-labelledby=heading>{list}</section> }.into_any()
}
