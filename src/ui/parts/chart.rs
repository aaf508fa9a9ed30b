//! A chart drawn for the width it is shown at, and drawn again when that width changes (a phone
//! turned, a window resized): its text stays at its real size.

use leptos::prelude::*;
use std::sync::Arc;

use crate::ui::markup::{figure, Markup};
use crate::ui::parts::region::{inert, live};
use crate::ui::state::AppState;

/// Draws a chart's SVG for a width in CSS pixels.
pub type Draw = Arc<dyn Fn(u32) -> String + Send + Sync>;

/// A chart: `label` names it for screen readers and `caption` says its message in a sentence.
pub fn chart(state: AppState, label: String, caption: String, draw: Draw) -> AnyView {
    live(Signal::derive(move || figure(&label, &draw(state.width.get()), &caption).into_string()), inert())
}

/// The same chart drawn once, at the width the widget has now: for markup drawn in one piece
/// (the combined view, a presentation slide), which is drawn again as a whole.
pub fn chart_now(state: AppState, label: &str, caption: &str, draw: &dyn Fn(u32) -> String) -> Markup {
    figure(label, &draw(state.width.get_untracked()), caption)
}
