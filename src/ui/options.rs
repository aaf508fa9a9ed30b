//! What a host page asks of a widget, through its element's data attributes.

/// What a host page asks of one widget through the element's data attributes (see the README).
#[derive(Debug, Default)]
pub struct Options {
    /// Questionnaire offered first (`data-instrument`): a built-in id, or the address of a
    /// custom instrument's file (anything with a `/` or a `:` in it).
    pub instrument: Option<String>,
    /// Role chosen in advance: a role id of that questionnaire (`data-role`).
    pub role: Option<String>,
    /// Interface language (`data-lang`), before the one chosen in this browser and the
    /// browser's own.
    pub lang: Option<String>,
}

impl Options {
    /// The address of the host page's own questionnaire, if `data-instrument` names one.
    pub fn hosted(&self) -> Option<&str> {
        self.instrument.as_deref().filter(|i| i.contains(['/', ':']))
    }
}
