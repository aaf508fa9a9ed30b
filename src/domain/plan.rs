//! The action plan: what the partners agree to do about a gap or a low score, by whom and by
//! when, agreed in the joint session and kept with the assessment.

use serde::Serialize;
use serde_json::Value;

use super::json::Reader;

/// Longest text accepted in an action's fields; more is almost certainly pasted by mistake.
pub const MAX_ACTION_CHARS: usize = 1000;

/// One agreed action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Action {
    /// The dimension it answers (its id).
    pub dimension: String,
    pub what: String,
    pub who: String,
    /// A date, `YYYY-MM-DD`, or empty when none was agreed.
    pub by_when: String,
    pub done: bool,
}

/// Why an action was not added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionProblem {
    /// "What" is empty.
    NothingToDo,
    /// A field is longer than [`MAX_ACTION_CHARS`].
    TooLong,
    /// "By when" is not a date.
    NotADate,
}

impl Action {
    /// An action as files and storage keep it (checked by whoever reads the plan).
    pub(crate) fn read(reader: &mut Reader, value: &Value, path: String) -> Option<Action> {
        let o = reader.open(value, &path)?;
        Some(Action {
            dimension: reader.text(&o, "dimension"),
            what: reader.text(&o, "what"),
            who: reader.text_or_empty(&o, "who"),
            by_when: reader.text_or_empty(&o, "by_when"),
            done: reader.flag(&o, "done", false),
        })
    }

    /// An action as typed, trimmed and checked.
    pub fn new(dimension: &str, what: &str, who: &str, by_when: &str) -> Result<Action, ActionProblem> {
        let (what, who, by_when) = (what.trim(), who.trim(), by_when.trim());
        if what.is_empty() {
            return Err(ActionProblem::NothingToDo);
        }
        if what.chars().count() > MAX_ACTION_CHARS || who.chars().count() > MAX_ACTION_CHARS {
            return Err(ActionProblem::TooLong);
        }
        if !(by_when.is_empty() || is_date(by_when)) {
            return Err(ActionProblem::NotADate);
        }
        Ok(Action {
            dimension: dimension.to_string(),
            what: what.to_string(),
            who: who.to_string(),
            by_when: by_when.to_string(),
            done: false,
        })
    }
}

impl Action {
    /// The same agreed action, done or not: the plan's controls find their action by this.
    pub fn is_same_as(&self, other: &Action) -> bool {
        (&self.dimension, &self.what, &self.who, &self.by_when)
            == (&other.dimension, &other.what, &other.who, &other.by_when)
    }
}

/// `YYYY-MM-DD` with a month 1-12 and a day 1-31: what a date field gives.
pub(crate) fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten()
    };
    match parts.as_slice() {
        [y, m, d] => {
            number(y, 4).is_some()
                && number(m, 2).is_some_and(|m| (1..=12).contains(&m))
                && number(d, 2).is_some_and(|d| (1..=31).contains(&d))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_action_needs_something_to_do_and_a_real_date_if_any() {
        let action =
            Action::new("foundation", "  Write the MoU together ", " Both directors ", "2027-03-31").expect("valid");
        assert_eq!(
            (action.what.as_str(), action.who.as_str(), action.by_when.as_str(), action.done),
            ("Write the MoU together", "Both directors", "2027-03-31", false)
        );
        assert!(Action::new("foundation", "Review budget lines", "", "").is_ok(), "who and when are optional");
        assert_eq!(Action::new("foundation", "   ", "Us", ""), Err(ActionProblem::NothingToDo));
        for bad in ["31/03/2027", "2027-13-01", "2027-3-31", "2027-03-32", "next year", "2027-03-31-01"] {
            assert_eq!(Action::new("foundation", "x", "", bad), Err(ActionProblem::NotADate), "{bad}");
        }
        let long = "x".repeat(MAX_ACTION_CHARS + 1);
        assert_eq!(Action::new("foundation", &long, "", ""), Err(ActionProblem::TooLong));
        assert_eq!(Action::new("foundation", "x", &long, ""), Err(ActionProblem::TooLong));
        assert!(
            Action::new("foundation", &"é".repeat(MAX_ACTION_CHARS), "", "").is_ok(),
            "counted in characters, not bytes"
        );
    }

    proptest::proptest! {
        /// Whatever is typed, an action is made or refused with a reason, never a panic, and a
        /// made one holds what was typed, trimmed.
        #[test]
        fn any_typing_gives_an_action_or_a_reason(what in ".{0,40}", who in ".{0,20}", when in "[0-9-]{0,12}") {
            if let Ok(action) = Action::new("d", &what, &who, &when) {
                proptest::prop_assert_eq!(action.what, what.trim());
                proptest::prop_assert_eq!(action.who, who.trim());
                proptest::prop_assert!(action.by_when.is_empty() || action.by_when.len() == 10);
            }
        }
    }
}
