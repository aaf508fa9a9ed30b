//! Mounting: a widget in every element of the page marked `data-partnership-scorecard`, each in a
//! shadow root of its own, with the options its host page gave.

use leptos::mount::mount_to;
use wasm_bindgen::JsCast;

use super::ids::{INLINE_STYLESHEET, WIDGET_ATTRIBUTE};
use super::options::Options;
use super::screens;
use crate::adapters::content::Source;

/// Mounts a widget in every element marked `data-partnership-scorecard`, each in a shadow root
/// of its own: the host page's styles cannot reach in, the widget's cannot leak out, ids never
/// clash between two widgets, and each keeps its own state.
pub fn mount() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(hosts) = document.query_selector_all("[data-partnership-scorecard]") else { return };
    for index in 0..hosts.length() {
        if let Some(host) = hosts.item(index).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            mount_widget(&document, host, index);
        }
    }
    fetch_later_part_when_idle();
}

/// Fetches the part of the app the first visit left out (`parts::later`) at the first idle
/// moment after the widgets are up, once for all of them: moving on from the start screen then
/// waits for nothing, and while the page stays open every screen opens with the connection gone,
/// even where no service worker keeps the part (a host site on another origin).
fn fetch_later_part_when_idle() {
    let fetch = || {
        leptos::task::spawn_local(async {
            let _ = screens::split::fetch_later().await;
        })
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(fetch);
    let Some(window) = web_sys::window() else { return };
    if window.request_idle_callback(callback.unchecked_ref()).is_err() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 1000);
    }
}

fn mount_widget(document: &web_sys::Document, host: web_sys::Element, widget: u32) -> Option<()> {
    let root = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).ok()?;
    let _ = host.set_attribute(WIDGET_ATTRIBUTE, &widget.to_string());
    let container: web_sys::HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    match document.get_element_by_id(INLINE_STYLESHEET) {
        // A single-file copy carries the stylesheet inside the page.
        Some(carried) => {
            let style = document.create_element("style").ok()?;
            style.set_text_content(carried.text_content().as_deref());
            root.append_child(&style).ok()?;
        }
        // Otherwise it is the build's stylesheet, beside boot.js (which notes where that is on
        // the element). The widget stays hidden until it is in (or failed), so the host page's
        // styles never show through for a moment.
        None => {
            let base = host.get_attribute("data-psc-base").unwrap_or_default();
            let link = document.create_element("link").ok()?;
            let _ = link.set_attribute("rel", "stylesheet");
            let _ = link.set_attribute("href", &format!("{base}main.css"));
            container.set_hidden(true);
            let shown = container.clone();
            let reveal =
                wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || shown.set_hidden(false)).into_js_value();
            for event in ["load", "error"] {
                let _ = link.add_event_listener_with_callback(event, reveal.unchecked_ref());
            }
            root.append_child(&link).ok()?;
        }
    }
    root.append_child(&container).ok()?;
    let attribute = |name: &str| host.get_attribute(name).filter(|v| !v.trim().is_empty());
    let options = Options {
        instrument: attribute("data-instrument"),
        role: attribute("data-role"),
        lang: attribute("data-lang"),
    };
    let options: &'static Options = Box::leak(Box::new(options));
    let base = host.get_attribute("data-psc-base").unwrap_or_default();
    mount_to(container, move || super::app::app(widget, options, Source::find(&base))).forget();
    Some(())
}
