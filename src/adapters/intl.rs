//! The browser's own `Intl`, for what differs between languages and is not words: plural forms,
//! the decimal separator, dates, and the names of languages. Nothing of it is shipped in the app.

use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

/// The locale `Intl` is asked for: the interface language, with Latin digits for Arabic (as the
/// questionnaires number their statements, and as partners in the Maghreb write them).
fn locales(lang: &str) -> Array {
    let tag = if lang == "ar" { "ar-u-nu-latn" } else { lang };
    Array::of1(&tag.into())
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let options = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&options, &(*key).into(), &(*value).into());
    }
    options
}

/// The CLDR plural category of `n` in `lang` (`one`, `few`, `other`…), for [`crate::i18n::select`].
pub fn plural_category(lang: &str, n: usize) -> String {
    let rules = Intl::PluralRules::new(&locales(lang), &Object::new());
    rules.select(n as f64).as_string().unwrap_or_else(|| "other".into())
}

/// The decimal separator `lang` writes (`.` or `,`), read from how `Intl` writes 1.5.
pub fn decimal_separator(lang: &str) -> char {
    let format = Intl::NumberFormat::new(&locales(lang), &Object::new());
    let written = format.format().call1(&JsValue::UNDEFINED, &1.5.into()).ok().and_then(|s| s.as_string());
    written.and_then(|s| s.chars().find(|c| !c.is_numeric())).unwrap_or('.')
}

/// An ISO date (`2026-11-26`, or a timestamp from which its day is taken) as `lang` writes
/// dates: 11/26/2026 in American English, 26/11/2026 in French. The day is the UTC day the app
/// wrote, whatever the time zone.
pub fn date(iso: &str, lang: &str) -> String {
    let day = iso.get(..10).unwrap_or(iso);
    let date = js_sys::Date::new(&format!("{day}T00:00:00Z").into());
    let options = [("year", "numeric"), ("month", "2-digit"), ("day", "2-digit"), ("timeZone", "UTC")];
    written(&date, lang, &options).unwrap_or_else(|| day.to_string())
}

/// An ISO timestamp as `lang` writes a day and a time of day, in the browser's time zone: when a
/// file was downloaded, so that two files of one day are told apart.
pub fn date_time(iso: &str, lang: &str) -> String {
    let options = [("dateStyle", "short"), ("timeStyle", "short")];
    written(&js_sys::Date::new(&iso.into()), lang, &options).unwrap_or_else(|| iso.to_string())
}

/// A date written by `Intl.DateTimeFormat` with `options`; nothing for an invalid date. An
/// English interface follows the browser's own English (British, Indian…), as the browser's
/// date fields do.
fn written(date: &js_sys::Date, lang: &str, options: &[(&str, &str)]) -> Option<String> {
    if date.get_time().is_nan() {
        return None;
    }
    let browser = web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_default();
    let locales = if browser.split('-').next() == Some(lang) && lang != "ar" {
        Array::of1(&browser.into())
    } else {
        locales(lang)
    };
    let format = Intl::DateTimeFormat::new(&locales, &self::options(options));
    format.format().call1(&JsValue::UNDEFINED, date).ok().and_then(|s| s.as_string())
}

/// The name of the language `code` in the language `lang` ("French" in English, "français" in
/// French), from `Intl.DisplayNames`; the code itself where the browser has no name for it.
pub fn language_name(code: &str, lang: &str) -> String {
    use wasm_bindgen::JsCast;
    let name = || -> Option<String> {
        let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
        let constructor: js_sys::Function = Reflect::get(&intl, &"DisplayNames".into()).ok()?.dyn_into().ok()?;
        let arguments = Array::of2(&locales(lang), &options(&[("type", "language")]));
        let names = Reflect::construct(&constructor, &arguments).ok()?;
        let of: js_sys::Function = Reflect::get(&names, &"of".into()).ok()?.dyn_into().ok()?;
        of.call1(&names, &code.into()).ok()?.as_string()
    };
    name().unwrap_or_else(|| code.to_string())
}

/// The browser's preferred languages, most preferred first.
pub fn preferred_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return Vec::new() };
    navigator.languages().iter().filter_map(|l| l.as_string()).collect()
}
