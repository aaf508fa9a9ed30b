//! Mounting: a widget in every element of the page marked `data-partnership-scorecard`, each in a
//! shadow root of its own, with the options its host page gave.

use leptos::mount::mount_to;
use wasm_bindgen::JsCast;

use super::first_screen;
use super::ids::{INLINE_STYLESHEET, WIDGET_ATTRIBUTE};
use super::options::Options;
use super::screens;
use crate::adapters::content::{Early, Source};

/// Mounts a widget in every element marked `data-partnership-scorecard`, each in a shadow root
/// of its own: the host page's styles cannot reach in, the widget's cannot leak out, ids never
/// clash between two widgets, and each keeps its own state.
pub fn mount() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(hosts) = document.query_selector_all("[data-partnership-scorecard]") else { return };
    let mut mounted = 0;
    for index in 0..hosts.length() {
        if let Some(host) = hosts.item(index).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            mounted += usize::from(mount_widget(&document, host, index).is_some());
        }
    }
    if mounted > 0 {
        fetch_later_part_when_idle();
    }
}

/// Fetches the part of the app the first visit left out (`parts::later`) at the first idle
/// moment after the widgets are up, once for all of them: moving on from the start screen then
/// waits for nothing, and while the page stays open every screen opens with the connection gone,
/// even where no service worker keeps the part (a host site on another origin).
fn fetch_later_part_when_idle() {
    let fetch = || wasm_bindgen_futures::spawn_local(async { _ = screens::split::fetch_later().await });
    let callback = wasm_bindgen::closure::Closure::once_into_js(fetch);
    let Some(window) = web_sys::window() else { return };
    if window.request_idle_callback(callback.unchecked_ref()).is_err() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 1000);
    }
}

fn mount_widget(document: &web_sys::Document, host: web_sys::Element, widget: u32) -> Option<()> {
    // The page may carry the start screen, drawn at build time in a shadow root of its own; the
    // app's own takes its place once drawn (`first_screen`).
    let root = match host.shadow_root() {
        Some(drawn) => drawn,
        None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).ok()?,
    };
    let first = first_screen::find(&root);
    let first_shown = first.is_some();
    let _ = host.set_attribute(WIDGET_ATTRIBUTE, &widget.to_string());
    let container: web_sys::HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    let base = host.get_attribute("data-psc-base").unwrap_or_default();
    let early = Early::of(&host);
    match document.get_element_by_id(INLINE_STYLESHEET) {
        // A single-file copy carries the stylesheet inside the page.
        Some(carried) => {
            let style = document.create_element("style").ok()?;
            style.set_text_content(carried.text_content().as_deref());
            root.append_child(&style).ok()?;
        }
        // Otherwise it is the build's stylesheet, beside boot.js (which notes where that is on
        // the element). The widget stays hidden until it is in (or failed), so the host page's
        // styles never show through for a moment. Its text, when boot.js fetched it early, is
        // adopted at once (a stylesheet made by script: no request, and so nothing for a Content
        // Security Policy to allow; it has no @import or url(), which would not work there); else
        // it is linked, and in once loaded.
        None => {
            container.set_hidden(true);
            let (root, shown, href) = (root.clone(), container.clone(), format!("{base}main.css"));
            let early = early.clone();
            // Not Leptos's own spawn: its executor starts with the first widget's app, below.
            wasm_bindgen_futures::spawn_local(async move {
                match early.text(&href, MAX_STYLESHEET_BYTES).await.and_then(|text| adopt(&root, &text)) {
                    Some(()) => first_screen::reveal(&root, first, shown),
                    None => link_stylesheet(&root, first, shown, &href),
                }
            });
        }
    }
    // Where the drawn start screen shows, the app's own goes in its place once drawn.
    if !first_shown {
        root.append_child(&container).ok()?;
    }
    let attribute = |name: &str| host.get_attribute(name).filter(|v| !v.trim().is_empty());
    let options = Options {
        instrument: attribute("data-instrument"),
        role: attribute("data-role"),
        lang: attribute("data-lang"),
    };
    let options: &'static Options = Box::leak(Box::new(options));
    mount_to(container, move || super::app::app(widget, options, Source::find(&base, early))).forget();
    Some(())
}

/// Far above the app's stylesheet (12 KB), far below what could hang a phone.
const MAX_STYLESHEET_BYTES: usize = 256 * 1024;

/// The stylesheet made from `text` and adopted by the widget's shadow root.
fn adopt(root: &web_sys::ShadowRoot, text: &str) -> Option<()> {
    let sheet = web_sys::CssStyleSheet::new().ok()?;
    sheet.replace_sync(text).ok()?;
    root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    Some(())
}

/// The stylesheet at `href`, linked in the widget's shadow root; `shown` is revealed once it has
/// loaded, or failed to.
fn link_stylesheet(
    root: &web_sys::ShadowRoot,
    first: Option<web_sys::HtmlElement>,
    shown: web_sys::HtmlElement,
    href: &str,
) {
    let Some(Ok(link)) = root.owner_document().map(|d| d.create_element("link")) else {
        return first_screen::reveal(root, first, shown);
    };
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", href);
    let into = root.clone();
    let reveal = wasm_bindgen::closure::Closure::once_into_js(move || first_screen::reveal(&into, first, shown));
    for event in ["load", "error"] {
        let _ = link.add_event_listener_with_callback(event, reveal.unchecked_ref());
    }
    let _ = root.prepend_with_node_1(&link);
}
