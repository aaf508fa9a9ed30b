//! Read-only content (the comparison's tables and lists, a checklist's unticked boxes) written as
//! HTML text and shown with `inner_html`, rather than as Leptos views.
//!
//! Why: every element of a Leptos view compiles to its own code, and these screens are mostly
//! tables. Written as text they cost a few string pushes: measured, the comparison screen alone
//! came down by more than 20 KB gzipped, on a page with a 150 KB budget. Nothing here reacts to
//! changes (each screen is drawn afresh when it is shown).
//!
//! Safety: tag and attribute names come from this code only; every piece of text and every
//! attribute value, above all what partners typed or a file brought, goes through [`escape`].
//! The only unescaped input is a chart's SVG, which plotters escapes itself.

use std::fmt::Write;

/// Makes text inert in HTML, in element content and in quoted attribute values alike.
pub fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// An attribute: its name, from this code only, and its value, escaped when written.
pub type Attribute<'a> = (&'static str, &'a str);

/// An HTML fragment under construction.
#[derive(Default)]
pub struct Html(String);

impl Html {
    pub fn new() -> Html {
        Html::default()
    }

    /// Opens `tag` with attributes; values are escaped.
    pub fn open(&mut self, tag: &'static str, attributes: &[Attribute]) -> &mut Html {
        let _ = write!(self.0, "<{tag}");
        for (name, value) in attributes {
            let _ = write!(self.0, " {name}=\"");
            escape(value, &mut self.0);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    pub fn close(&mut self, tag: &'static str) -> &mut Html {
        let _ = write!(self.0, "</{tag}>");
        self
    }

    /// Escaped text.
    pub fn text(&mut self, text: &str) -> &mut Html {
        escape(text, &mut self.0);
        self
    }

    /// An element holding only text.
    pub fn element(&mut self, tag: &'static str, attributes: &[Attribute], text: &str) -> &mut Html {
        self.open(tag, attributes).text(text).close(tag)
    }

    /// A chart drawn by plotters, whose SVG backend escapes every text it writes.
    pub fn svg(&mut self, svg: &str) -> &mut Html {
        self.0.push_str(svg);
        self
    }

    /// A fragment written with this writer, so escaped like the rest.
    pub fn append(&mut self, fragment: Html) -> &mut Html {
        self.0.push_str(&fragment.0);
        self
    }

    pub fn finish(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attribute_values_are_inert() {
        let hostile = r#"<script>alert("x")</script> & <img src=x onerror='alert(1)'>"#;
        let mut html = Html::new();
        html.element("p", &[("data-item", hostile)], hostile);
        let out = html.finish();
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<img"), "{out}");
        assert!(!out.contains("'alert"), "{out}");
        // The value cannot close its quotes: the only quotes left are the attribute's own two.
        assert_eq!(out.matches('"').count(), 2, "{out}");
    }

    proptest::proptest! {
        /// Whatever the text, escaping leaves no character that could start markup or end a
        /// quoted value, and nothing is lost: unescaping gives the text back.
        #[test]
        fn escaping_is_safe_and_lossless(text in ".{0,200}") {
            let mut out = String::new();
            escape(&text, &mut out);
            proptest::prop_assert!(!out.contains(['<', '>', '"', '\'']));
            let back = out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
            proptest::prop_assert_eq!(back, text);
        }
    }
}
