//! Fetching the app's content files (the instrument index, built-in instruments) from beside the
//! app, and a custom instrument from the address a host page names. Only GET requests for whole
//! files, without a query string or a body: nothing a person typed or a file brought is ever
//! sent. A single-file copy carries every content file inside the page and fetches nothing.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a file could not be fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// No answer at all: offline, the server gone, or the address refused (CORS, policy).
    Unreachable,
    /// The server answered with an HTTP error (404 and the like).
    Status(u16),
    /// Larger than the app accepts for such a file.
    TooLarge,
}

/// In a single-file copy, the element holding every content file's text, by path.
pub const INLINE_CONTENT: &str = "psc-content";

/// Where content files come from: the folder beside the app, or the page itself.
#[derive(Debug, Clone)]
pub enum Source {
    /// The address of the app's folder (ends with `/`); content is under `content/` there.
    Served(String),
    /// A single-file copy: `{path: text}` of every content file.
    Inline(js_sys::Object),
}

impl Source {
    /// Content carried in the page if this is a single-file copy, else the folder at `base`.
    pub fn find(base: &str) -> Source {
        let carried = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(INLINE_CONTENT))
            .and_then(|e| e.text_content())
            .and_then(|text| js_sys::JSON::parse(&text).ok())
            .and_then(|value| value.dyn_into::<js_sys::Object>().ok());
        match carried {
            Some(files) => Source::Inline(files),
            None => Source::Served(base.to_string()),
        }
    }

    /// The text of the content file at `path` (relative to `content/`).
    pub async fn text(&self, path: &str) -> Result<String, FetchError> {
        match self {
            Source::Inline(files) => js_sys::Reflect::get(files, &path.into())
                .ok()
                .and_then(|v| v.as_string())
                .ok_or(FetchError::Status(404)),
            Source::Served(base) => {
                let url = format!("{base}{}{path}", crate::domain::library::CONTENT_DIR);
                get(&url, false, MAX_CONTENT_BYTES).await
            }
        }
    }
}

/// The largest content file accepted: far above any instrument, far below what could hang a
/// phone.
pub const MAX_CONTENT_BYTES: usize = 2 * 1024 * 1024;

/// Fetches a custom instrument from the address a host page named, across origins if need be
/// (CORS), without cookies or other credentials.
pub async fn custom(url: &str) -> Result<String, FetchError> {
    get(url, true, MAX_CONTENT_BYTES).await
}

async fn get(url: &str, other_site: bool, limit: usize) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or(FetchError::Unreachable)?;
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    if other_site {
        init.set_mode(web_sys::RequestMode::Cors);
        init.set_credentials(web_sys::RequestCredentials::Omit);
    }
    let response =
        JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.map_err(|_| FetchError::Unreachable)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| FetchError::Unreachable)?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let declared = response.headers().get("content-length").ok().flatten().and_then(|n| n.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return Err(FetchError::TooLarge);
    }
    let text = JsFuture::from(response.text().map_err(|_| FetchError::Unreachable)?)
        .await
        .map_err(|_| FetchError::Unreachable)?
        .as_string()
        .ok_or(FetchError::Unreachable)?;
    if text.len() > limit {
        return Err(FetchError::TooLarge);
    }
    Ok(text)
}
