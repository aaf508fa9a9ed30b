//! The interface language: chosen from the embed snippet, this browser's earlier choice or the
//! browser's preferred languages; fetched as a content file and checked before it is used; on
//! any failure the widget stays in the language it has and says so once.

use leptos::prelude::*;

use super::state::{AppState, Notice};
use crate::adapters::intl;
use crate::i18n::{self, Strings};

impl AppState {
    /// The language the widget starts in, fetched if it is not English.
    pub fn start_language(&self) {
        let kept = self.store.language();
        let preferred = intl::preferred_languages();
        let code = i18n::choose_language(
            self.options.lang.iter().chain(kept.iter()).chain(preferred.iter()).map(String::as_str),
        );
        self.show_language(code, false);
    }

    /// A person's choice: shown, and remembered in this browser once it is.
    pub fn choose_language(&self, code: &str) {
        self.show_language(i18n::choose_language([code]), true);
    }

    /// Draws the widget in `code`'s language once its catalogue is here (and, if `remember`,
    /// keeps the choice: only then, so a language that fails changes nothing stored).
    fn show_language(&self, code: &'static str, remember: bool) {
        if let Some(known) = self.languages.with_untracked(|l| l.iter().copied().find(|s| s.lang == code)) {
            if remember {
                self.store.set_language(code);
            }
            if self.t().lang != code {
                self.locale.set(known);
            }
            return;
        }
        let state = *self;
        leptos::task::spawn_local(async move {
            let read = match state.content.text(&i18n::language_path(code)).await {
                Ok(text) => Strings::from_language_file(&text).ok().filter(|s| s.lang == code),
                Err(_) => None,
            };
            match read {
                Some(mut strings) => {
                    strings.decimal = intl::decimal_separator(code);
                    let strings: &'static Strings = Box::leak(Box::new(strings));
                    let _ = state.languages.try_update(|l| l.push(strings));
                    if remember {
                        state.store.set_language(code);
                    }
                    let _ = state.locale.try_set(strings);
                }
                None => {
                    let t = state.t();
                    // The list shows again the language the widget is in.
                    if let Some(list) =
                        super::parts::dom::find(state.widget, &super::ids::selector(super::ids::LANGUAGE))
                    {
                        let _ = js_sys::Reflect::set(&list, &"value".into(), &t.lang.into());
                    }
                    let name = intl::language_name(code, t.lang);
                    let _ = state
                        .notice
                        .try_set(Some(Notice::Error(i18n::fill(t.language_failed, &[("language", &name)]))));
                }
            }
        });
    }
}
