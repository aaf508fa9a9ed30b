//! Partnership Scorecard: two partners answer the same scorecard separately, then compare.
//!
//! The layers, from the inside out:
//! - [`domain`]: instruments, answers, scoring, gaps and the result-file format. Plain Rust,
//!   no browser dependency, tested natively with `cargo test`.
//! - `content` (tests only): the checks every built-in instrument file passes; the files
//!   themselves are served beside the app and fetched when needed.
//! - [`i18n`]: the one catalogue every user-facing string comes from.
//! - [`charts`]: plotters drawings of scores and gaps, returned as SVG text.
//! - `adapters` (wasm only): the browser's storage and files.
//! - `ui` (wasm only): Leptos screens that render and edit the domain values.

pub mod charts;
#[cfg(test)]
pub mod content;
pub mod domain;
pub mod i18n;

#[cfg(target_arch = "wasm32")]
pub mod adapters;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The interface's HTML writer has no browser dependency: compiled natively too, so its escaping
/// is tested by `cargo test` (in the browser build it is `ui::html`).
#[cfg(not(target_arch = "wasm32"))]
#[path = "ui/html.rs"]
pub mod html;
