//! Small pieces the screens share: the steps above an assessment's screens, the message regions,
//! a file chooser that reads what is chosen (and opens a protected one), a chart drawn for its
//! width, downloads and protecting them with a passphrase, and finding elements in the widget's
//! shadow root.

pub mod chart;
pub mod chooser;
pub mod dom;
pub mod download;
pub mod gaps;
pub mod header;
pub mod language;
pub mod later;
pub mod notices;
pub mod protect;
pub mod region;

use leptos::prelude::*;

use super::markup::{html, Markup};
use super::state::{AppState, Screen};
use crate::domain::{Instrument, SourceRef};
use crate::i18n::{self, Strings};

/// Shown when a screen's assessment no longer exists (deleted in another tab, say).
pub fn missing(state: AppState) -> AnyView {
    let t = state.t();
    view! {
        <h1 tabindex="-1">{t.missing_title}</h1>
        <p>{t.missing_body}</p>
        <button type="button" class="psc-primary" on:click=move |_| state.go(Screen::Home)>
            {t.all_assessments}
        </button>
    }
    .into_any()
}

/// The source credit every screen that shows an instrument carries.
pub fn credit(instrument: &Instrument) -> Markup {
    html! {
        p.psc-credit {
            span.psc-publisher { (instrument.publisher) } ". " (instrument.credit)
            @if let Some(translation) = &instrument.translation { " " span.psc-translation { (translation) } }
        }
    }
}

/// The source's words a part rests on, as a quotation with where it is from; the summary where
/// there is no quotation (a custom questionnaire may have none).
pub fn source_words(t: &Strings, summary: &str, source: &SourceRef) -> Markup {
    match &source.quote {
        Some(quote) => html! {
            blockquote.psc-quote { p { (quote) } }
            p.psc-cite { (i18n::fill(t.source_cite, &[("section", &source.section)])) }
        },
        None => html! { p { (summary) } },
    }
}
