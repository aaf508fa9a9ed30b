//! Time and ids from the browser.

/// Now, as an ISO 8601 UTC timestamp.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// An ISO date as the language `lang` (the interface's) writes dates (see [`super::intl::date`]).
pub fn date_of(lang: &str, iso: &str) -> String {
    super::intl::date(iso, lang)
}

/// A new local id: time plus randomness, unique within one browser.
pub fn new_id() -> String {
    let time = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1e9) as u64;
    format!("{time:x}-{random:x}")
}
