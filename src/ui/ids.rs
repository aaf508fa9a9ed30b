//! Every element id the interface writes and looks up, in one place: templates, listeners and the
//! browser tests use the same names. (Ids are unique within a widget: each lives in its own shadow
//! root.) Ids made from data (a statement's radio buttons, a dimension's plan form) are built by
//! the functions at the end.

/// In a single-file copy (scripts/single-file.mjs), the element holding the stylesheet's text.
pub const INLINE_STYLESHEET: &str = "psc-stylesheet";

/// Marks the start screen drawn into the page at build time (scripts/first-screen.mjs, which
/// names it too), shown by boot.js until the app takes its place (`ui::first_screen`).
pub const FIRST_SCREEN: &str = "data-psc-first-screen";

/// Set on each widget's host element, numbering the widgets of the page.
pub const WIDGET_ATTRIBUTE: &str = "data-psc-widget";

/// Sent on the window by a widget that changed what is stored; the detail is its number.
pub const CHANGED_EVENT: &str = "partnership-scorecard-change";

/// The main region; each screen's `h1` inside it takes focus when the screen is shown.
pub const MAIN: &str = "psc-main";
/// The language switch in the banner.
pub const LANGUAGE: &str = "psc-language";
/// A screen's heading, as a selector.
pub const HEADING: &str = "#psc-main h1";

// The start screen.
pub const NEW_TITLE: &str = "psc-new-title";
pub const INSTRUMENT: &str = "psc-instrument";
pub const INSTRUMENT_ABOUT: &str = "psc-instrument-about";
pub const ROLE: &str = "psc-role";
pub const ROLES: &str = "psc-roles";
/// The radio buttons' shared name.
pub const ROLE_NAME: &str = "psc-role";
pub const ORGANISATION: &str = "psc-org";
pub const PARTNER_ORGANISATION: &str = "psc-partner-org";
pub const RESPONDENT: &str = "psc-respondent";
pub const RESPONDENT_HINT: &str = "psc-respondent-hint";
pub const NEW_ERROR: &str = "psc-new-error";
pub const CUSTOM_FILE: &str = "psc-custom-file";
pub const CUSTOM_ERROR: &str = "psc-custom-error";
pub const SAVED_TITLE: &str = "psc-saved-title";
pub const JOINT_TITLE: &str = "psc-joint-title";
pub const JOINT_FILE: &str = "psc-joint-file";
pub const JOINT_ERROR: &str = "psc-joint-error";
pub const JOINT_QUESTION: &str = "psc-joint-question";
pub const JOINT_WHICH: &str = "psc-joint-which";
pub const COMBINE_TITLE: &str = "psc-combine-title";
pub const COMBINE_FILES: &str = "psc-combine-files";
pub const COMBINE_ERROR: &str = "psc-combine-error";
pub const COMBINED: &str = "psc-combined";
pub const DATA_TITLE: &str = "psc-data-title";

// Answering.
/// Holds every question.
pub const QUESTIONS: &str = "psc-questions";
pub const COMMENT_PREFIX: &str = "psc-comment-";
pub const ANSWER_PREFIX: &str = "psc-reflection-";
pub const SEALED_NOTE: &str = "psc-sealed-note";
pub const REFLECTIONS: &str = "psc-reflections";

// Results.
pub const OWN_SCORES: &str = "psc-own-scores";
pub const NOT_TICKED_TITLE: &str = "psc-not-ticked-title";
pub const EXPORT_TITLE: &str = "psc-export-title";
pub const IMPORT_TITLE: &str = "psc-import-title";
pub const PARTNER_FILE: &str = "psc-partner-file";
pub const IMPORT_ERROR: &str = "psc-import-error";
pub const SEAL_CHECK: &str = "psc-seal-check";
pub const SEAL_CHECK_TEXT: &str = "psc-seal-check-text";
pub const PASSPHRASES_TITLE: &str = "psc-passphrases-title";
pub const PASSPHRASES: &str = "psc-passphrases";

// Protecting a download with a passphrase (results, joint session).
pub const PROTECT: &str = "psc-protect";
pub const PASSPHRASE: &str = "psc-passphrase";
pub const PASSPHRASE_HINT: &str = "psc-passphrase-hint";
pub const PASSPHRASE_ERROR: &str = "psc-passphrase-error";

// Comparison.
pub const DIMENSION_GAPS: &str = "psc-dimension-gaps";
pub const ITEM_GAPS: &str = "psc-item-gaps";
pub const VIEWS_TITLE: &str = "psc-views-title";
pub const VIEWS_TABLE: &str = "psc-views-table";
pub const REFLECTIONS_COMPARED: &str = "psc-reflections-compared";

// Joint session.
pub const ROUND_DATE: &str = "psc-round-date";
pub const SESSION_QUESTIONS: &str = "psc-session-questions";
pub const PLAN_TITLE: &str = "psc-plan-title";
pub const ROUNDS_TITLE: &str = "psc-rounds-title";
pub const ROUNDS_FILE: &str = "psc-rounds-file";
pub const ROUNDS_ERROR: &str = "psc-rounds-error";
pub const KEEP_TITLE: &str = "psc-keep-title";
pub const SLIDE_TITLE: &str = "psc-slide-title";

// The combined view.
pub const COMBINED_DIMENSIONS: &str = "psc-combined-dimensions";
pub const COMBINED_STATEMENTS: &str = "psc-combined-statements";

/// `#id`, to find an element; characters CSS would read otherwise (the dots of a statement's id)
/// are escaped.
pub fn selector(id: &str) -> String {
    let mut out = String::from("#");
    for c in id.chars() {
        if !(c.is_alphanumeric() || c == '-' || c == '_') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A rating's radio button: the statement's id and the rating's value.
pub fn rating(item: &str, value: &str) -> String {
    format!("psc-rate-{item}-{value}")
}

/// A part of the passphrase question a file chooser asks when a chosen file is protected: its
/// group (`passphrase-group`), its question (`passphrase-question`), its field (`passphrase`),
/// its status (`passphrase-status`) and its message (`passphrase-error`).
pub fn unlock(chooser: &str, part: &str) -> String {
    format!("{chooser}-{part}")
}

/// A statement's radio buttons' shared name.
pub fn rating_name(item: &str) -> String {
    format!("psc-item-{item}")
}

/// The statement a radio button's name is of.
pub fn item_of_rating_name(name: &str) -> Option<&str> {
    name.strip_prefix("psc-item-")
}

/// A statement's comment box.
pub fn comment(item: &str) -> String {
    format!("{COMMENT_PREFIX}{item}")
}

/// A free-text question's answer box.
pub fn answer(question: &str) -> String {
    format!("{ANSWER_PREFIX}{question}")
}

/// A dimension's section heading on the answering screen.
pub fn dimension_heading(dimension: &str) -> String {
    format!("psc-dim-{dimension}")
}

/// The part of a joint session about one dimension (or one side of it, `slug`).
pub fn session_heading(slug: &str) -> String {
    format!("psc-session-{slug}")
}

/// A field of the form agreeing an action on one dimension (or one side of it).
pub fn plan_field(field: &str, slug: &str) -> String {
    format!("psc-plan-{field}-{slug}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_selector_finds_ids_with_dots_and_odd_characters() {
        assert_eq!(selector("psc-main"), "#psc-main");
        assert_eq!(selector(&rating("foundation.local-needs", "na")), "#psc-rate-foundation\\.local-needs-na");
        assert_eq!(selector("a:b c"), "#a\\:b\\ c");
    }

    #[test]
    fn a_rating_names_its_statement() {
        assert_eq!(item_of_rating_name(&rating_name("la.8a")), Some("la.8a"));
        assert_eq!(item_of_rating_name("psc-other"), None);
    }
}
