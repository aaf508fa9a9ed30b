//! The part of the app fetched after the first screen. The first visit downloads and compiles
//! only what the start screen needs; the later screens and the start screen's rarer tasks
//! (several people's files combined, a joint file read, a protected file opened) are a second
//! WebAssembly module, cut out of the app's at build time by `wasm-split`
//! (`scripts/finish-build.mjs`) at the functions marked `#[wasm_split(later, …)]`. Calling one
//! fetches the part first (at once when it is already here). It is fetched anyway at the first
//! idle moment (`ui::widget`), so moving on waits for nothing.
//!
//! One part rather than one per screen: measured, nine parts came to 15 KB more in all than one
//! (each part repeats what it shares with the others, and compresses alone), in 29 files.

use leptos::wasm_split::SplitLoaderError;

/// A part of the app could not be fetched (offline before it was ever kept): an error value,
/// never a panic, so the screen says so and the person can try again.
pub struct NotFetched;

impl From<SplitLoaderError> for NotFetched {
    fn from(_: SplitLoaderError) -> Self {
        NotFetched
    }
}
