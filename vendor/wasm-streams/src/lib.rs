//! Stands in for the `wasm-streams` crate in Partnership Scorecard (see `[patch.crates-io]` in the
//! app's Cargo.toml).
//!
//! Leptos 0.8 always builds its server-function client (`server_fn` with its `browser`
//! feature), which streams request and response bodies with `wasm-streams`. This app has no
//! server and never calls a server function, so none of that code runs; but `wasm-streams`
//! exports its stream adapters to JavaScript with `#[wasm_bindgen]`, and exported code stays in
//! the download whether it is called or not (about 6 KB of wasm, measured). This crate offers the
//! four functions `server_fn` names, and says plainly that there are no streams here.

use futures_util::stream::{self, Stream};
use wasm_bindgen::JsValue;

/// A JavaScript `ReadableStream`, carried as it is.
pub struct ReadableStream(web_sys::ReadableStream);

impl ReadableStream {
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        ReadableStream(raw)
    }

    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.0
    }

    /// Only a server function streaming a request would call this, and this app has none.
    pub fn from_stream<St>(_: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        unimplemented!("Partnership Scorecard has no server functions")
    }

    /// Only a server function reading a streamed response would call this: it gets an error.
    pub fn into_stream(self) -> impl Stream<Item = Result<JsValue, JsValue>> + Unpin + 'static {
        stream::iter([Err(JsValue::from_str("Partnership Scorecard has no server functions"))])
    }
}
