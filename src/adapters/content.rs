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

/// What `boot.js` fetched before the app's code had arrived (the stylesheet, the list of
/// questionnaires, the one offered first), left on the widget's host element as `pscEarly`: each
/// address with a promise of its text, or of null when it could not be had. Read from there, a
/// file is in hand in the task the app starts in, so the first screen is drawn whole at once
/// rather than a few tasks later. Each widget reads each file there once (every widget on the
/// page can); trying again, or anything missing, is fetched as usual.
#[derive(Debug, Clone)]
pub struct Early {
    files: Option<js_sys::Map>,
    /// The addresses this widget has read (a JavaScript set, shared by every copy).
    read: js_sys::Set,
}

/// The host element's property `boot.js` leaves [`Early`] in.
const EARLY: &str = "pscEarly";

impl Early {
    pub fn of(host: &web_sys::Element) -> Early {
        let files = js_sys::Reflect::get(host, &EARLY.into()).ok().and_then(|v| v.dyn_into().ok());
        Early { files, read: js_sys::Set::new(&wasm_bindgen::JsValue::UNDEFINED) }
    }

    /// The text fetched early from `url`, if it was, came within `limit`, and this widget has not
    /// read it yet.
    pub async fn text(&self, url: &str, limit: usize) -> Option<String> {
        if self.read.has(&url.into()) {
            return None;
        }
        let promise: js_sys::Promise = self.files.as_ref()?.get(&url.into()).dyn_into().ok()?;
        self.read.add(&url.into());
        JsFuture::from(promise).await.ok()?.as_string().filter(|text| text.len() <= limit)
    }
}

/// Where content files come from: the folder beside the app, or the page itself.
#[derive(Debug, Clone)]
pub enum Source {
    /// The address of the app's folder (ends with `/`); content is under `content/` there. Some
    /// may be in hand already.
    Served(String, Early),
    /// A single-file copy: `{path: text}` of every content file.
    Inline(js_sys::Object),
}

impl Source {
    /// Content carried in the page if this is a single-file copy, else the folder at `base`.
    pub fn find(base: &str, early: Early) -> Source {
        let carried = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(INLINE_CONTENT))
            .and_then(|e| e.text_content())
            .and_then(|text| js_sys::JSON::parse(&text).ok())
            .and_then(|value| value.dyn_into::<js_sys::Object>().ok());
        match carried {
            Some(files) => Source::Inline(files),
            None => Source::Served(base.to_string(), early),
        }
    }

    /// The text of the content file at `path` (relative to `content/`).
    pub async fn text(&self, path: &str) -> Result<String, FetchError> {
        match self {
            Source::Inline(files) => js_sys::Reflect::get(files, &path.into())
                .ok()
                .and_then(|v| v.as_string())
                .ok_or(FetchError::Status(404)),
            Source::Served(base, early) => {
                let url = format!("{base}{}{path}", crate::domain::library::CONTENT_DIR);
                match early.text(&url, MAX_CONTENT_BYTES).await {
                    Some(text) => Ok(text),
                    None => get(&url, false, MAX_CONTENT_BYTES).await,
                }
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
