//! An instrument is the questionnaire both partners answer: dimensions of rated statements
//! (items), a rating scale, reflection questions and the two partner roles. Instruments are data
//! (`src/instruments/*.json`, schema in `docs/instrument-schema.md`), so this module only
//! describes and checks them.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The instrument schema version this build reads.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    pub schema_version: u32,
    /// Stable id; result files name it, so it never changes once published.
    pub id: String,
    pub version: String,
    pub title: String,
    pub summary: String,
    pub publisher: String,
    /// Shown wherever the instrument is used, to credit the source faithfully.
    pub credit: String,
    pub source: SourceRef,
    /// Exactly two: the two sides of the partnership.
    pub roles: Vec<Role>,
    pub scale: Scale,
    pub dimensions: Vec<Dimension>,
    #[serde(default)]
    pub reflections: Vec<Question>,
}

/// Where a piece of the instrument comes from, so every statement can be traced to its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    pub file: String,
    pub section: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub label: String,
}

/// A rating scale from `min` to `max`, one label per point, plus a "don't know" choice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub min: u8,
    pub max: u8,
    pub labels: Vec<String>,
    pub not_applicable: String,
}

impl Scale {
    /// The points of the scale, lowest first.
    pub fn points(&self) -> impl Iterator<Item = u8> + '_ {
        self.min..=self.max
    }

    /// The label of one point; `None` outside the scale.
    pub fn label(&self, point: u8) -> Option<&str> {
        let index = point.checked_sub(self.min)?;
        self.labels.get(usize::from(index)).map(String::as_str)
    }

    pub fn contains(&self, point: u8) -> bool {
        (self.min..=self.max).contains(&point)
    }

    /// Width of the scale (max - min), the unit of the large-gap rule.
    pub fn range(&self) -> u8 {
        self.max.saturating_sub(self.min)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub title: String,
    /// Fits a chart axis.
    pub short_title: String,
    pub summary: String,
    pub source: SourceRef,
    pub items: Vec<Item>,
    /// The source's own suggestions for acting on this dimension.
    #[serde(default)]
    pub suggested_actions: Vec<String>,
}

/// One rated statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub text: String,
    pub source: SourceRef,
}

/// A free-text reflection question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub text: String,
    pub source: SourceRef,
}

/// One thing wrong with an instrument, with the path of the field so its author can fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstrumentProblem {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for InstrumentProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl Instrument {
    /// Reads an instrument from JSON and checks it; every problem found is listed.
    pub fn from_json(text: &str) -> Result<Instrument, Vec<InstrumentProblem>> {
        let instrument: Instrument = serde_json::from_str(text).map_err(|e| {
            vec![InstrumentProblem {
                path: format!("line {}, column {}", e.line(), e.column()),
                message: e.to_string(),
            }]
        })?;
        let problems = instrument.problems();
        if problems.is_empty() {
            Ok(instrument)
        } else {
            Err(problems)
        }
    }

    /// Every rule an instrument must keep; empty when it is sound.
    pub fn problems(&self) -> Vec<InstrumentProblem> {
        let mut problems = Vec::new();
        let mut problem =
            |path: String, message: &str| problems.push(InstrumentProblem { path, message: message.to_string() });
        if self.schema_version != SCHEMA_VERSION {
            problem("schema_version".into(), "unsupported schema version");
        }
        for (path, value) in [
            ("id", &self.id),
            ("version", &self.version),
            ("title", &self.title),
            ("publisher", &self.publisher),
            ("credit", &self.credit),
        ] {
            if value.trim().is_empty() {
                problem(path.into(), "must not be empty");
            }
        }
        if !is_id(&self.id) {
            problem("id".into(), "use lowercase letters, digits, '-' and '.' only");
        }
        check_source(&self.source, "source", &mut problem);

        if self.roles.len() != 2 {
            problem("roles".into(), "there must be exactly two roles");
        }
        let mut role_ids = BTreeSet::new();
        for (i, role) in self.roles.iter().enumerate() {
            if !is_id(&role.id) {
                problem(format!("roles[{i}].id"), "use lowercase letters, digits, '-' and '.' only");
            }
            if !role_ids.insert(role.id.as_str()) {
                problem(format!("roles[{i}].id"), "duplicate role id");
            }
            if role.label.trim().is_empty() {
                problem(format!("roles[{i}].label"), "must not be empty");
            }
        }

        let scale = &self.scale;
        if scale.min >= scale.max {
            problem("scale".into(), "min must be lower than max");
        } else if scale.labels.len() != usize::from(scale.range()) + 1 {
            problem("scale.labels".into(), "there must be one label for each point of the scale");
        }
        if scale.labels.iter().any(|l| l.trim().is_empty()) {
            problem("scale.labels".into(), "labels must not be empty");
        }
        if scale.not_applicable.trim().is_empty() {
            problem("scale.not_applicable".into(), "must not be empty");
        }

        if self.dimensions.is_empty() {
            problem("dimensions".into(), "there must be at least one dimension");
        }
        let mut ids = BTreeSet::new();
        let mut check_id = |id: &str, path: String, problem: &mut dyn FnMut(String, &str)| {
            if !is_id(id) {
                problem(path.clone(), "use lowercase letters, digits, '-' and '.' only");
            }
            if !ids.insert(id.to_string()) {
                problem(path, "duplicate id");
            }
        };
        for (d, dimension) in self.dimensions.iter().enumerate() {
            let at = format!("dimensions[{d}]");
            check_id(&dimension.id, format!("{at}.id"), &mut problem);
            for (field, value) in [("title", &dimension.title), ("short_title", &dimension.short_title)] {
                if value.trim().is_empty() {
                    problem(format!("{at}.{field}"), "must not be empty");
                }
            }
            check_source(&dimension.source, &format!("{at}.source"), &mut problem);
            if dimension.items.is_empty() {
                problem(format!("{at}.items"), "a dimension needs at least one item");
            }
            for (i, item) in dimension.items.iter().enumerate() {
                let at = format!("{at}.items[{i}]");
                check_id(&item.id, format!("{at}.id"), &mut problem);
                if item.text.trim().is_empty() {
                    problem(format!("{at}.text"), "must not be empty");
                }
                check_source(&item.source, &format!("{at}.source"), &mut problem);
            }
        }
        for (q, question) in self.reflections.iter().enumerate() {
            let at = format!("reflections[{q}]");
            check_id(&question.id, format!("{at}.id"), &mut problem);
            if question.text.trim().is_empty() {
                problem(format!("{at}.text"), "must not be empty");
            }
            check_source(&question.source, &format!("{at}.source"), &mut problem);
        }
        problems
    }

    pub fn items(&self) -> impl Iterator<Item = (&Dimension, &Item)> {
        self.dimensions.iter().flat_map(|d| d.items.iter().map(move |i| (d, i)))
    }

    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().map(|(_, item)| item).find(|item| item.id == id)
    }

    pub fn item_count(&self) -> usize {
        self.dimensions.iter().map(|d| d.items.len()).sum()
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    /// The label a partner reads for a role id; the id itself if the instrument has no such role.
    pub fn role_label(&self, id: &str) -> String {
        self.role(id).map_or_else(|| id.to_string(), |r| r.label.clone())
    }

    pub fn reflection(&self, id: &str) -> Option<&Question> {
        self.reflections.iter().find(|q| q.id == id)
    }
}

fn check_source(source: &SourceRef, at: &str, problem: &mut dyn FnMut(String, &str)) {
    if source.file.trim().is_empty() {
        problem(format!("{at}.file"), "name the source document");
    }
    if source.section.trim().is_empty() {
        problem(format!("{at}.section"), "name the section of the source document");
    }
}

/// Ids appear in files and storage keys; keeping them plain keeps them stable and safe.
fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content as instruments;

    fn sample() -> Instrument {
        instruments::builtin().into_iter().next().expect("a built-in instrument")
    }

    fn problem_paths(instrument: &Instrument) -> Vec<String> {
        instrument.problems().into_iter().map(|p| p.path).collect()
    }

    #[test]
    fn duplicate_item_ids_are_named() {
        let mut instrument = sample();
        let first = instrument.dimensions[0].items[0].id.clone();
        instrument.dimensions[1].items[0].id = first;
        assert_eq!(problem_paths(&instrument), vec!["dimensions[1].items[0].id".to_string()]);
    }

    #[test]
    fn a_missing_scale_label_is_named() {
        let mut instrument = sample();
        instrument.scale.labels.pop();
        assert_eq!(problem_paths(&instrument), vec!["scale.labels".to_string()]);
    }

    #[test]
    fn an_item_without_source_section_is_named() {
        let mut instrument = sample();
        instrument.dimensions[2].items[1].source.section = " ".into();
        assert_eq!(problem_paths(&instrument), vec!["dimensions[2].items[1].source.section".to_string()]);
    }

    #[test]
    fn three_roles_are_refused() {
        let mut instrument = sample();
        instrument.roles.push(Role { id: "third".into(), label: "Third".into() });
        assert_eq!(problem_paths(&instrument), vec!["roles".to_string()]);
    }

    #[test]
    fn unknown_fields_and_bad_json_are_reported_with_a_position() {
        let problems = Instrument::from_json("{\"schema_version\": 1, \"bogus\": true}").unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].path.starts_with("line 1"), "{:?}", problems);
        assert!(Instrument::from_json("not json").is_err());
    }

    // Whatever arrives as an instrument file is answered with the instrument or its problems,
    // never a panic. `PSC_FUZZ_CASES` sets how many inputs each property tries (see README).
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(crate::domain::fuzz_cases()))]

        /// Any text at all, and text made of JSON's own characters.
        #[test]
        fn any_text_gives_an_instrument_or_its_problems_never_a_panic(
            text in ".{0,300}",
            json_like in r#"[\[\]{}":,0-9a-z_. \-]{0,300}"#,
        ) {
            let _ = Instrument::from_json(&text);
            let _ = Instrument::from_json(&json_like);
        }

        /// Damage a real instrument file at random: cut it, or change one byte.
        #[test]
        fn damaged_instruments_give_their_problems_never_a_panic(cut in 0usize..20_000, at in 0usize..20_000, byte in 0u8..128) {
            let text = include_str!("../content/instruments/local-leadership.json");
            let _ = Instrument::from_json(&text[..text.floor_char_boundary(cut.min(text.len()))]);
            let mut bytes = text.as_bytes().to_vec();
            let at = at % bytes.len();
            bytes[at] = byte;
            if let Ok(damaged) = String::from_utf8(bytes) {
                let _ = Instrument::from_json(&damaged);
            }
        }
    }

    #[test]
    fn scale_labels_are_found_by_point() {
        let scale = sample().scale;
        assert_eq!(scale.label(scale.min), scale.labels.first().map(String::as_str));
        assert_eq!(scale.label(scale.max), scale.labels.last().map(String::as_str));
        assert_eq!(scale.label(scale.max + 1), None);
        assert_eq!(scale.label(0), None);
    }
}
