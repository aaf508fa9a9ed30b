//! Finding this widget's elements: each widget lives in a shadow root of its own (see
//! `ui::widget`), so the document's own look-ups do not reach them.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The shadow root of widget number `widget`, which holds all its elements.
pub fn shadow_root(widget: u32) -> Option<web_sys::ShadowRoot> {
    let host = format!("[{}=\"{widget}\"]", crate::ui::ids::WIDGET_ATTRIBUTE);
    document().query_selector(&host).ok().flatten()?.shadow_root()
}

/// The element `selector` finds inside widget number `widget`.
pub fn find(widget: u32, selector: &str) -> Option<web_sys::Element> {
    shadow_root(widget)?.query_selector(selector).ok().flatten()
}

/// Moves keyboard focus, once the page has been drawn, to the element `selector` finds inside
/// widget number `widget`: a new screen's heading or a message to read, so keyboard and
/// screen-reader users go on from there.
pub fn focus_soon(widget: u32, selector: String) {
    request_animation_frame(move || {
        if let Some(target) = find(widget, &selector).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = target.focus();
        }
    });
}

/// Like [`focus_soon`], but only if nothing in the widget has focus by then: for a screen drawn
/// late (its part of the app fetched first), after the focus asked for when it was opened found
/// nothing to land on.
pub fn focus_if_lost(widget: u32, selector: String) {
    request_animation_frame(move || {
        if shadow_root(widget).is_some_and(|root| root.active_element().is_none()) {
            focus_soon(widget, selector);
        }
    });
}

/// The value of the form field `selector` finds in widget `widget` (an input, a select, a text
/// box), or nothing.
pub fn value(widget: u32, selector: &str) -> String {
    let field = find(widget, selector);
    field.and_then(|f| js_sys::Reflect::get(&f, &"value".into()).ok()).and_then(|v| v.as_string()).unwrap_or_default()
}

/// Whether the folded section (`details`) holding the heading `heading` (an id) in widget
/// `widget` is open now, as the person left it: a section the app opens when it has something to
/// say is not folded by the app again.
pub fn is_open(widget: u32, heading: &str) -> bool {
    let fold = find(widget, &crate::ui::ids::selector(heading)).and_then(|h| h.closest("details").ok().flatten());
    fold.and_then(|d| js_sys::Reflect::get(&d, &"open".into()).ok()).and_then(|open| open.as_bool()).unwrap_or(false)
}

/// Asks before something is deleted for good. The browser's own dialog: focus, keyboard and
/// screen readers all work without any code of ours.
pub fn confirmed(question: &str) -> bool {
    window().confirm_with_message(question).unwrap_or(false)
}

/// The form fields of a screen, each with a selector that finds it again (its id, or its name and
/// value for a choice), its value and whether it is ticked.
pub fn typed_values(screen: &web_sys::Element) -> Vec<(String, String, bool)> {
    let Ok(fields) = screen.query_selector_all("input, textarea, select") else { return Vec::new() };
    (0..fields.length())
        .filter_map(|n| fields.item(n))
        .filter_map(|field| {
            let element: web_sys::Element = field.dyn_into().ok()?;
            let value = js_sys::Reflect::get(&element, &"value".into()).ok()?.as_string()?;
            let ticked = js_sys::Reflect::get(&element, &"checked".into()).ok()?.as_bool().unwrap_or(false);
            let selector = field_selector(&element)?;
            (element.get_attribute("type").as_deref() != Some("file")).then_some((selector, value, ticked))
        })
        .collect()
}

/// A selector that finds the form field `field` again in a screen drawn afresh: its id, or its
/// name and value for a choice.
pub fn field_selector(field: &web_sys::Element) -> Option<String> {
    let value = js_sys::Reflect::get(field, &"value".into()).ok()?.as_string()?;
    match (field.id(), field.get_attribute("name")) {
        (id, _) if !id.is_empty() => Some(crate::ui::ids::selector(&id)),
        (_, Some(name)) => Some(format!("[name=\"{}\"][value=\"{}\"]", css_string(&name), css_string(&value))),
        _ => None,
    }
}

/// Text inside a CSS attribute selector's quotes.
fn css_string(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Puts typed values back into the same fields, telling each field's handlers, as typing would,
/// where the value differs from what the screen was drawn with.
pub fn restore_typed(screen: &web_sys::Element, typed: Vec<(String, String, bool)>) {
    for (selector, value, ticked) in typed {
        let Ok(Some(field)) = screen.query_selector(&selector) else { continue };
        let choice = matches!(field.get_attribute("type").as_deref(), Some("radio" | "checkbox"));
        let (key, new, event) = if choice {
            ("checked", wasm_bindgen::JsValue::from(ticked), "change")
        } else if field.tag_name().eq_ignore_ascii_case("select") {
            ("value", value.into(), "change")
        } else {
            ("value", value.into(), "input")
        };
        let drawn = js_sys::Reflect::get(&field, &key.into()).unwrap_or_default();
        if drawn != new && js_sys::Reflect::set(&field, &key.into(), &new).unwrap_or(false) {
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = web_sys::Event::new_with_event_init_dict(event, &init) {
                let _ = field.dispatch_event(&event);
            }
        }
    }
}
