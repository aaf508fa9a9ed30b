//! Time and ids from the browser.

/// Now, as an ISO 8601 UTC timestamp.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// The calendar date of an ISO timestamp or date, for display: written as this browser writes
/// dates in its date fields (11/26/2026 in the United States, 26/11/2026 in Kenya), so that what
/// the app shows and what a person picks in a date field look alike. The day is the timestamp's
/// own (in UTC), as it was when it was written; a text that is not a date is shown as it is.
pub fn date_of(iso: &str) -> String {
    let day = iso.get(..10).unwrap_or(iso);
    let date = js_sys::Date::new(&format!("{day}T00:00:00Z").into());
    if date.get_time().is_nan() {
        return day.to_string();
    }
    let options = js_sys::Object::new();
    for (key, value) in [("year", "numeric"), ("month", "2-digit"), ("day", "2-digit"), ("timeZone", "UTC")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &options);
    format
        .format()
        .call1(&wasm_bindgen::JsValue::UNDEFINED, &date)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| day.to_string())
}

/// A new local id: time plus randomness, unique within one browser.
pub fn new_id() -> String {
    let time = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1e9) as u64;
    format!("{time:x}-{random:x}")
}
