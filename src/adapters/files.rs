//! Saving a file to the user's disk and reading one they chose.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The browser would not build the download (no document, or Blob/URL refused).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DownloadRefused;

/// Media types of the files the app writes.
pub const JSON: &str = "application/json";
pub const CSV: &str = "text/csv;charset=utf-8";

/// Offers `text` as a download named `name`. Fails only if the browser refuses to build it.
pub fn download(name: &str, text: &str, media_type: &str) -> Result<(), DownloadRefused> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| DownloadRefused)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| DownloadRefused)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or(DownloadRefused)?;
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(|_| DownloadRefused)?.dyn_into().map_err(|_| DownloadRefused)?;
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    let body = document.body().ok_or(DownloadRefused)?;
    let _ = body.append_child(&link);
    link.click();
    link.remove();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    TooLarge { bytes: usize },
    Unreadable,
}

/// Reads a chosen file as text, refusing it by its size before reading a byte.
pub async fn read_text(file: &web_sys::File, limit: usize) -> Result<String, ReadError> {
    let bytes = file.size() as usize;
    if bytes > limit {
        return Err(ReadError::TooLarge { bytes });
    }
    let text = JsFuture::from(file.text()).await.map_err(|_| ReadError::Unreadable)?;
    text.as_string().ok_or(ReadError::Unreadable)
}
