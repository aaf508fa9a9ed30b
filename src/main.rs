#[cfg(target_arch = "wasm32")]
fn main() {
    partnership_scorecard::ui::mount();
}

/// The app only runs in the browser; natively this crate is a library for the tests.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
