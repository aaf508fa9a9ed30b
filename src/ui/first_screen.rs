//! The start screen drawn into the page at build time (scripts/first-screen.mjs): on a slow
//! connection it is read and answered for a second or more before the app's code is in. Once
//! the app has drawn the same screen, out of the page, it takes that one's place in a single
//! task (no frame shows both or neither), with what was ticked and typed, the sections opened,
//! and where focus was, so nothing a person did meanwhile is lost.

use leptos::prelude::set_timeout;
use std::time::Duration;
use wasm_bindgen::JsCast;

use super::ids::{FIRST_SCREEN, HEADING};
use super::parts::dom::{field_selector, restore_typed, typed_values};

/// The drawn start screen in the widget's shadow root, if boot.js showed it. One still hidden
/// (boot.js not yet sure, or the app would draw another: see boot.js) goes at once, and the app
/// draws its own.
pub fn find(root: &web_sys::ShadowRoot) -> Option<web_sys::HtmlElement> {
    let first: web_sys::HtmlElement = root.query_selector(&format!("[{FIRST_SCREEN}]")).ok()??.dyn_into().ok()?;
    if first.hidden() {
        first.remove();
        return None;
    }
    Some(first)
}

/// Shows the app's screen in `app`, hidden and not yet in `root` where the drawn start screen is
/// up (so no element is ever there twice): at once, or in the drawn screen's place once the
/// app's own has been drawn whole.
pub fn reveal(root: &web_sys::ShadowRoot, first: Option<web_sys::HtmlElement>, app: web_sys::HtmlElement) {
    match first.filter(|f| f.is_connected()) {
        Some(first) => {
            let root = root.clone();
            set_timeout(move || take_over_when_ready(root, first, app, ATTEMPTS), Duration::ZERO);
        }
        None => {
            if !app.is_connected() {
                let _ = root.append_child(&app);
            }
            app.set_hidden(false);
        }
    }
}

/// How many times, 50 ms apart, the app's screen is looked at for every field a person can have
/// used on the drawn one (its questionnaire read: a few microtasks after mounting, when boot.js
/// fetched it), before it takes over anyway.
const ATTEMPTS: u32 = 40;

/// Takes over once the app's screen has every field of the drawn one.
fn take_over_when_ready(
    root: web_sys::ShadowRoot,
    first: web_sys::HtmlElement,
    app: web_sys::HtmlElement,
    attempts: u32,
) {
    let typed = typed_values(&first);
    let missing = typed.iter().any(|(selector, _, _)| app.query_selector(selector).ok().flatten().is_none());
    if missing && attempts > 0 {
        return set_timeout(move || take_over_when_ready(root, first, app, attempts - 1), Duration::from_millis(50));
    }
    take_over(&root, &first, &app, typed);
}

/// The element with focus in the drawn screen, if any.
fn focused(root: &web_sys::ShadowRoot, first: &web_sys::HtmlElement) -> Option<web_sys::Element> {
    root.active_element().filter(|e| first.contains(Some(e)))
}

/// Where focus was: something found again by a selector (a field by its id, or name and value;
/// the heading) with the caret or selection in a text field, or a folded section's summary (by
/// the section's place; sections have no ids).
enum Focus {
    Selector(String, Option<(u32, u32)>),
    Summary(usize),
}

fn take_over(
    root: &web_sys::ShadowRoot,
    first: &web_sys::HtmlElement,
    app: &web_sys::HtmlElement,
    typed: Vec<(String, String, bool)>,
) {
    let folds = details(first);
    let opened: Vec<bool> = folds.iter().map(web_sys::HtmlDetailsElement::open).collect();
    let focus = focused(root, first).and_then(|e| {
        if let Some(selector) = field_selector(&e) {
            Some(Focus::Selector(selector, caret(&e)))
        } else if e.matches("h1").unwrap_or(false) {
            Some(Focus::Selector(HEADING.to_string(), None))
        } else {
            folds.iter().position(|d| d.contains(Some(&e))).map(Focus::Summary)
        }
    });
    app.set_hidden(false);
    if first.replace_with_with_node_1(app).is_err() || !app.is_connected() {
        let _ = root.append_child(app);
    }
    restore_typed(app, typed);
    let folds = details(app);
    for (fold, open) in folds.iter().zip(opened) {
        fold.set_open(open);
    }
    let (target, caret) = match focus {
        Some(Focus::Selector(selector, caret)) => (app.query_selector(&selector).ok().flatten(), caret),
        Some(Focus::Summary(n)) => (folds.get(n).and_then(|d| d.query_selector("summary").ok().flatten()), None),
        None => return,
    };
    let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
    let _ = target.focus();
    if let (Some((start, end)), Some(input)) = (caret, target.dyn_ref::<web_sys::HtmlInputElement>()) {
        let _ = input.set_selection_range(start, end);
    }
}

/// Where the caret or selection is in a text field: typing goes on there.
fn caret(element: &web_sys::Element) -> Option<(u32, u32)> {
    let input = element.dyn_ref::<web_sys::HtmlInputElement>()?;
    Some((input.selection_start().ok()??, input.selection_end().ok()??))
}

/// The folded sections, in the order drawn: the same in both copies of the screen.
fn details(screen: &web_sys::Element) -> Vec<web_sys::HtmlDetailsElement> {
    let Ok(found) = screen.query_selector_all("details") else { return Vec::new() };
    (0..found.length()).filter_map(|n| found.item(n)?.dyn_into().ok()).collect()
}
