//! The Leptos user interface: [`state::AppState`], the few signals owned at the top and passed
//! down (`app` makes them, once per widget); a module per screen (`screens`), the small pieces
//! they share (`parts`), each screen's typed actions (`actions`), every element id (`ids`),
//! read-only markup (`markup`) and how the domain's values are worded (`words`); mounting in the
//! host page (`widget`, with its `options`), and keeping in step with other tabs (`sync`).

mod actions;
mod app;
mod fetching;
mod first_screen;
mod ids;
mod language;
mod library;
pub mod markup;
mod options;
mod parts;
mod screens;
mod state;
mod sync;
mod widget;
pub mod words;

pub use widget::mount;
