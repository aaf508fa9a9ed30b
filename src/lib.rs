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

#[cfg(not(target_arch = "wasm32"))]
#[path = "ui/ids.rs"]
pub mod ids;
/// The interface's read-only markup and its wording of the domain's values have no browser
/// dependency: compiled natively too, so their escaping and wording are tested by `cargo test`
/// (in the browser build they are `ui::markup` and `ui::words`).
#[cfg(not(target_arch = "wasm32"))]
#[path = "ui/markup.rs"]
pub mod markup;
#[cfg(not(target_arch = "wasm32"))]
#[path = "ui/words.rs"]
pub mod words;
