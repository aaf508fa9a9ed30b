//! Read-only markup (tables and cards, charts' figures, lists, reports), written with maud's
//! `html!` and shown with `inner_html`, rather than as reactive views.
//!
//! Why: these parts never change once shown (a screen is drawn afresh when what it shows
//! changes), and every element of a reactive view compiles to code of its own, where `html!`
//! writes one string. maud checks the nesting at compile time and escapes every value it inserts,
//! in text and in attribute values alike: names, comments and a questionnaire's words are always
//! text. The only markup let through unescaped is a chart's SVG ([`PreEscaped`]), which plotters
//! writes and escapes itself.

pub use maud::{html, Markup, PreEscaped, Render};

/// A table that reads at any width: on a wide screen a table with its column headers; on a
/// narrow one (the stylesheet decides) a card per row, each value with its column's name
/// written beside it (`data-label`), so nobody has to guess which number is whose.
pub fn table(id: &str, caption: &str, headers: &[&str], rows: Markup) -> Markup {
    html! {
        table.psc-table id=(id) {
            caption { (caption) }
            thead { tr { @for header in headers { th scope="col" { (header) } } } }
            tbody { (rows) }
        }
    }
}

/// A cell, named by its column for narrow screens; `number` aligns it as a number.
pub fn cell(label: &str, value: impl Render, number: bool) -> Markup {
    html! { td.psc-num[number] data-label=(label) { (value) } }
}

/// A row's class: how strongly its gap is marked (see `domain::gap::emphasis`).
pub fn emphasis_class(emphasis: u8) -> &'static str {
    const CLASSES: [&str; 4] = ["", "psc-large psc-emphasis-1", "psc-large psc-emphasis-2", "psc-large psc-emphasis-3"];
    CLASSES[usize::from(emphasis.min(3))]
}

/// A chart with its accessible name, its SVG and its caption.
pub fn figure(label: &str, svg: &str, caption: &str) -> Markup {
    html! {
        figure.psc-figure {
            div.psc-chart role="img" aria-label=(label) { (PreEscaped(svg)) }
            @if !caption.is_empty() { figcaption { (caption) } }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = r#"<script>alert("x")</script> & <img src=x onerror='alert(1)'>"#;

    #[test]
    fn text_and_attribute_values_are_inert() {
        let out = html! { p data-item=(HOSTILE) title=(HOSTILE) { (HOSTILE) } }.into_string();
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<img"), "{out}");
        // A value cannot close its quotes: the only quotes left are the attributes' own.
        assert_eq!(out.matches('"').count(), 4, "{out}");
    }

    #[test]
    fn a_cell_carries_its_label_and_escapes_both() {
        let out = cell(HOSTILE, HOSTILE, true).into_string();
        assert!(out.starts_with("<td class=\"psc-num\" data-label=\""), "{out}");
        assert!(!out.contains("<script") && !out.contains("<img"), "{out}");
    }

    proptest::proptest! {
        /// Whatever the text, maud leaves no character that could start markup or end a quoted
        /// value, and loses nothing: unescaping gives the text back.
        #[test]
        fn escaping_is_safe_and_lossless(text in ".{0,200}") {
            let markup = html! { (text) }.into_string();
            let inside = html! { span title=(text) {} }.into_string();
            let attribute = inside.strip_prefix("<span title=\"").and_then(|s| s.strip_suffix("\"></span>")).unwrap_or_default();
            for escaped in [markup.as_str(), attribute] {
                proptest::prop_assert!(!escaped.contains(['<', '>', '"']));
                let back = escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
                proptest::prop_assert_eq!(&back, &text);
            }
        }
    }
}
