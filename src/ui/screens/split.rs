//! The screens after the start screen, in the later part of the app's code (`parts::later`):
//! each function mounts its screen once that part is here.

use leptos::mount::mount_to;
use leptos::wasm_split::wasm_split;
use std::any::Any;

use super::{answer, compare, results, session};
use crate::ui::parts::later::NotFetched;
use crate::ui::state::AppState;

/// What keeps a mounted screen on the page (dropping it unmounts the screen).
pub type Mounted = Box<dyn Any>;

/// The answering screen; its `fetch_later` fetches the part without mounting anything.
#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible, preload(fetch_later))]
pub fn answer(target: web_sys::HtmlElement, state: AppState, id: String) -> Result<Mounted, NotFetched> {
    Ok(Box::new(mount_to(target, move || answer::screen(state, id))))
}

#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn results(target: web_sys::HtmlElement, state: AppState, id: String) -> Result<Mounted, NotFetched> {
    Ok(Box::new(mount_to(target, move || results::screen(state, id))))
}

#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn compare(target: web_sys::HtmlElement, state: AppState, id: String) -> Result<Mounted, NotFetched> {
    Ok(Box::new(mount_to(target, move || compare::screen(state, id))))
}

#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn session(
    target: web_sys::HtmlElement,
    state: AppState,
    id: String,
    slide: Option<usize>,
) -> Result<Mounted, NotFetched> {
    Ok(Box::new(mount_to(target, move || session::screen(state, id, slide))))
}
