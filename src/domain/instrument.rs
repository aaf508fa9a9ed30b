//! An instrument is the questionnaire both partners answer: dimensions of rated statements
//! (items), a rating scale, free-text questions and the two partner roles. Instruments are data
//! (`src/content/instruments/*.json`, or a file an organisation writes; schema in
//! `docs/instrument-schema.md`), so this module only describes and checks them.
//!
//! What varies between instruments is said in the data, never in a screen: the scale and its
//! words, whether it is a scorecard or a checklist of things done, statements about one side of
//! the partnership (each partner rating itself and the other), dimensions only one side answers,
//! learning questions per dimension, and whether rounds over time make sense.

use serde::Serialize;
use serde_json::Value;

use super::json::{self, Object, Reader, Shape, ShapeProblem};
use std::collections::BTreeSet;

/// The instrument schema version this build reads.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Instrument {
    pub schema_version: u32,
    /// Stable id; result files name it, so it never changes once published.
    pub id: String,
    pub version: String,
    /// The language of its words (a BCP 47 tag); `None` for English, the language every
    /// instrument is written and cited in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// For a translation: who translated it, shown with the credit (a translation of the
    /// project's is not the publisher's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation: Option<String>,
    pub title: String,
    pub summary: String,
    pub publisher: String,
    /// Shown wherever the instrument is used, to credit the source faithfully.
    pub credit: String,
    pub source: SourceRef,
    /// Exactly two: the two sides of the partnership.
    pub roles: Vec<Role>,
    pub scale: Scale,
    /// A scorecard rates how things are; a checklist ticks what is in place or done.
    #[serde(skip_serializing_if = "Kind::is_scorecard")]
    pub kind: Kind,
    pub dimensions: Vec<Dimension>,
    /// Questions both partners answer in their own words, after the dimensions.
    pub reflections: Vec<Question>,
    /// What the source advises when not everything is ticked (a checklist's results repeat it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advice: Option<Note>,
    /// Whether the partners answer it again over time and compare the rounds; `false` for a
    /// one-off, such as closing out an agreement.
    #[serde(skip_serializing_if = "is_true")]
    pub rounds: bool,
}

fn is_true(value: &bool) -> bool {
    *value
}

/// What an instrument asks: how things are, or what is done.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Statements rated on a scale (agreement, "how well").
    #[default]
    Scorecard,
    /// Boxes ticked on a scale such as no / partly / yes; the results list what is not ticked.
    Checklist,
}

impl Kind {
    fn is_scorecard(&self) -> bool {
        *self == Kind::Scorecard
    }
}

/// A text from the source with where it comes from: the advice of a checklist.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note {
    pub text: String,
    pub source: SourceRef,
    /// The dimensions it speaks of; empty for all of them. (The leaflet's "think again" is about
    /// its checklist and the lists below it, not about the issues of one kind of community.)
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dimensions: Vec<String>,
}

impl Note {
    /// Whether it speaks of the dimension `id`.
    pub fn covers(&self, id: &str) -> bool {
        self.dimensions.is_empty() || self.dimensions.iter().any(|d| d == id)
    }
}

/// Where a piece of the instrument comes from, so every statement can be traced to its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceRef {
    pub file: String,
    pub section: String,
    /// The source's own words this part rests on, as they stand there (a test checks the
    /// built-in instruments' quotations against the source documents); shown to the partners
    /// as a quotation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Role {
    pub id: String,
    pub label: String,
}

/// A rating scale from `min` to `max`, one label per point, plus a "don't know" choice.
#[derive(Debug, Clone, PartialEq, Serialize)]
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dimension {
    pub id: String,
    pub title: String,
    /// Fits a chart axis.
    pub short_title: String,
    pub summary: String,
    pub source: SourceRef,
    pub items: Vec<Item>,
    /// The source's own suggestions for acting on this dimension.
    pub suggested_actions: Vec<String>,
    /// Learning questions on this dimension, answered in the partners' own words.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
    /// The roles that answer this dimension; empty for both. A dimension only one side
    /// answers (the specific issues of a resource-rich community, say) is shown to that side only.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
}

impl Dimension {
    /// Whether the partner answering for `role` answers this dimension.
    pub fn answered_by(&self, role: &str) -> bool {
        self.roles.is_empty() || self.roles.iter().any(|r| r == role)
    }
}

/// One rated statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub id: String,
    pub text: String,
    pub source: SourceRef,
    /// The role this statement is about, when each partner rates both sides: its own side and
    /// the other's. The comparison then sets each side's view of itself against the other's view
    /// of it. `None`: about the partnership as a whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
}

/// A free-text reflection question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question {
    pub id: String,
    pub text: String,
    pub source: SourceRef,
}

/// One thing wrong with an instrument, with the path of the field so its author can fix it
/// (`dimensions[2].items[1].source.section`, or `line 3, column 14` where the file is not JSON).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstrumentProblem {
    pub path: String,
    pub kind: Problem,
}

/// What is wrong, as a kind the interface words in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file's shape: not JSON, a field missing, unknown or of the wrong type.
    Shape(Shape),
    /// A `kind` other than `scorecard` and `checklist`.
    UnknownKind(String),
    UnsupportedVersion,
    Empty,
    NotAnId,
    DuplicateId,
    NotTwoRoles,
    ScaleOrder,
    ScaleLabelCount,
    NoDimensions,
    NoItems,
    NoSourceFile,
    NoSourceSection,
    /// An empty quotation (leave it out instead).
    EmptyQuote,
    /// Names a role the instrument does not have.
    UnknownRole(String),
    /// Every dimension is left to the other role: this role would have nothing to answer.
    NothingToAnswer(String),
    /// Advice is what a checklist's results repeat; a scorecard has none.
    AdviceOnScorecard,
    /// Names a dimension the instrument does not have.
    UnknownDimension(String),
}

impl From<ShapeProblem> for InstrumentProblem {
    fn from(problem: ShapeProblem) -> Self {
        InstrumentProblem { path: problem.path, kind: Problem::Shape(problem.shape) }
    }
}

impl Instrument {
    /// Reads an instrument from JSON and checks it; every problem found is listed.
    pub fn from_json(text: &str) -> Result<Instrument, Vec<InstrumentProblem>> {
        let value = json::parse(text).map_err(|p| vec![p.into()])?;
        let mut reader = Reader::default();
        let mut problems = Vec::new();
        let instrument = read_instrument(&mut reader, &value, &mut problems);
        problems.splice(0..0, reader.problems.into_iter().map(InstrumentProblem::from));
        let Some(instrument) = instrument else { return Err(problems) };
        // The rules too, so the author sees every problem at once; but not where a field that
        // could not be read stands in as empty, in its part of the file (a missing title is not
        // also an empty one, a scale whose `min` is text has no label count to check).
        let faults: Vec<String> = problems
            .iter()
            .filter(|p| p.kind != Problem::Shape(Shape::Unknown))
            .map(|p| p.path.rsplit_once('.').map_or(p.path.clone(), |(parent, _)| parent.to_string()))
            .collect();
        let at_fault = |path: &str| {
            faults.iter().any(|f| path == f || path.starts_with(&format!("{f}.")) || path.starts_with(&format!("{f}[")))
        };
        problems.extend(instrument.problems().into_iter().filter(|p| !at_fault(&p.path)));
        if problems.is_empty() {
            Ok(instrument)
        } else {
            Err(problems)
        }
    }

    /// Every rule an instrument must keep; empty when it is sound.
    pub fn problems(&self) -> Vec<InstrumentProblem> {
        let mut check = Checker::default();
        if self.schema_version != SCHEMA_VERSION {
            check.problem("schema_version", Problem::UnsupportedVersion);
        }
        for (path, value) in [
            ("id", &self.id),
            ("version", &self.version),
            ("title", &self.title),
            ("publisher", &self.publisher),
            ("credit", &self.credit),
        ] {
            check.not_empty(path, value);
        }
        if !is_id(&self.id) {
            check.problem("id", Problem::NotAnId);
        }
        check.source("source", &self.source);

        if self.roles.len() != 2 {
            check.problem("roles", Problem::NotTwoRoles);
        }
        for (i, role) in self.roles.iter().enumerate() {
            if !is_id(&role.id) {
                check.problem(format!("roles[{i}].id"), Problem::NotAnId);
            }
            if !check.roles.insert(role.id.clone()) {
                check.problem(format!("roles[{i}].id"), Problem::DuplicateId);
            }
            check.not_empty(format!("roles[{i}].label"), &role.label);
        }

        let scale = &self.scale;
        if scale.min >= scale.max {
            check.problem("scale", Problem::ScaleOrder);
        } else if scale.labels.len() != usize::from(scale.range()) + 1 {
            check.problem("scale.labels", Problem::ScaleLabelCount);
        }
        if scale.labels.iter().any(|l| l.trim().is_empty()) {
            check.problem("scale.labels", Problem::Empty);
        }
        check.not_empty("scale.not_applicable", &scale.not_applicable);
        if let Some(advice) = &self.advice {
            if self.kind == Kind::Scorecard {
                check.problem("advice", Problem::AdviceOnScorecard);
            }
            check.not_empty("advice.text", &advice.text);
            check.source("advice.source", &advice.source);
            for (n, id) in advice.dimensions.iter().enumerate() {
                if self.dimension(id).is_none() {
                    check.problem(format!("advice.dimensions[{n}]"), Problem::UnknownDimension(id.clone()));
                }
            }
        }

        if self.dimensions.is_empty() {
            check.problem("dimensions", Problem::NoDimensions);
        }
        for (d, dimension) in self.dimensions.iter().enumerate() {
            let at = format!("dimensions[{d}]");
            check.id(format!("{at}.id"), &dimension.id);
            check.not_empty(format!("{at}.title"), &dimension.title);
            check.not_empty(format!("{at}.short_title"), &dimension.short_title);
            check.source(format!("{at}.source"), &dimension.source);
            for (r, role) in dimension.roles.iter().enumerate() {
                check.role(format!("{at}.roles[{r}]"), role);
            }
            if dimension.items.is_empty() {
                check.problem(format!("{at}.items"), Problem::NoItems);
            }
            for (i, item) in dimension.items.iter().enumerate() {
                let at = format!("{at}.items[{i}]");
                check.id(format!("{at}.id"), &item.id);
                check.not_empty(format!("{at}.text"), &item.text);
                check.source(format!("{at}.source"), &item.source);
                if let Some(about) = &item.about {
                    check.role(format!("{at}.about"), about);
                }
            }
            for (q, question) in dimension.questions.iter().enumerate() {
                check.question(format!("{at}.questions[{q}]"), question);
            }
        }
        for role in &self.roles {
            if !self.dimensions.is_empty() && !self.dimensions.iter().any(|d| d.answered_by(&role.id)) {
                check.problem("dimensions", Problem::NothingToAnswer(role.id.clone()));
            }
        }
        for (q, question) in self.reflections.iter().enumerate() {
            check.question(format!("reflections[{q}]"), question);
        }
        check.problems
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

    /// The dimensions the partner answering for `role` answers.
    pub fn dimensions_for<'a, 'r>(&'a self, role: &'r str) -> impl Iterator<Item = &'a Dimension> + use<'a, 'r> {
        self.dimensions.iter().filter(move |d| d.answered_by(role))
    }

    /// The statements the partner answering for `role` rates.
    pub fn items_for<'a, 'r>(&'a self, role: &'r str) -> impl Iterator<Item = (&'a Dimension, &'a Item)> + use<'a, 'r> {
        self.dimensions_for(role).flat_map(|d| d.items.iter().map(move |i| (d, i)))
    }

    /// Every free-text question: each dimension's learning questions, then the reflections.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.dimensions.iter().flat_map(|d| &d.questions).chain(&self.reflections)
    }

    /// The free-text questions the partner answering for `role` answers.
    pub fn questions_for<'a, 'r>(&'a self, role: &'r str) -> impl Iterator<Item = &'a Question> + use<'a, 'r> {
        self.dimensions_for(role).flat_map(|d| &d.questions).chain(&self.reflections)
    }

    /// Whether some dimension has statements about each side, so that the comparison can show how
    /// each side sees itself and the other (the four views).
    pub fn rates_both_sides(&self) -> bool {
        self.dimensions
            .iter()
            .any(|d| self.roles.iter().all(|r| d.items.iter().any(|i| i.about.as_deref() == Some(&r.id))))
    }

    /// The other role than `role`.
    pub fn other_role(&self, role: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id != role)
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    /// The label a partner reads for a role id; the id itself if the instrument has no such role.
    pub fn role_label(&self, id: &str) -> String {
        self.role(id).map_or_else(|| id.to_string(), |r| r.label.clone())
    }

    /// A free-text question by id: a reflection or a dimension's learning question.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().find(|q| q.id == id)
    }
}

/// The fields of each part of an instrument, in the schema's order.
const INSTRUMENT_FIELDS: &[&str] = &[
    "schema_version",
    "id",
    "version",
    "language",
    "translation",
    "title",
    "summary",
    "publisher",
    "credit",
    "source",
    "roles",
    "scale",
    "kind",
    "dimensions",
    "reflections",
    "advice",
    "rounds",
];

fn read_instrument(reader: &mut Reader, value: &Value, problems: &mut Vec<InstrumentProblem>) -> Option<Instrument> {
    let o = reader.object(value, "", INSTRUMENT_FIELDS)?;
    let kind = match reader.optional_text(&o, "kind").as_deref() {
        None | Some("scorecard") => Kind::Scorecard,
        Some("checklist") => Kind::Checklist,
        Some(other) => {
            problems.push(InstrumentProblem { path: "kind".into(), kind: Problem::UnknownKind(other.to_string()) });
            Kind::Scorecard
        }
    };
    Some(Instrument {
        schema_version: reader.whole(&o, "schema_version"),
        id: reader.text(&o, "id"),
        version: reader.text(&o, "version"),
        language: reader.optional_text(&o, "language"),
        translation: reader.optional_text(&o, "translation"),
        title: reader.text(&o, "title"),
        summary: reader.text(&o, "summary"),
        publisher: reader.text(&o, "publisher"),
        credit: reader.text(&o, "credit"),
        source: read_source(reader, &o, "source"),
        roles: reader.list(&o, "roles", true, |r, v, path| {
            let o = r.object(v, &path, &["id", "label"])?;
            Some(Role { id: r.text(&o, "id"), label: r.text(&o, "label") })
        }),
        scale: reader
            .nested_required(&o, "scale", |r, v, path| {
                let o = r.object(v, &path, &["min", "max", "labels", "not_applicable"])?;
                Some(Scale {
                    min: r.whole(&o, "min"),
                    max: r.whole(&o, "max"),
                    labels: r.list(&o, "labels", true, |r, v, path| r.as_text(v, path)),
                    not_applicable: r.text(&o, "not_applicable"),
                })
            })
            .unwrap_or(Scale { min: 0, max: 0, labels: Vec::new(), not_applicable: String::new() }),
        kind,
        dimensions: reader.list(&o, "dimensions", true, read_dimension),
        reflections: reader.list(&o, "reflections", false, read_question),
        advice: reader.nested(&o, "advice", |r, v, path| {
            let o = r.object(v, &path, &["text", "source", "dimensions"])?;
            Some(Note {
                text: r.text(&o, "text"),
                source: read_source(r, &o, "source"),
                dimensions: r.texts(&o, "dimensions"),
            })
        }),
        rounds: reader.flag(&o, "rounds", true),
    })
}

fn read_source(reader: &mut Reader, o: &Object, key: &str) -> SourceRef {
    reader
        .nested_required(o, key, |r, v, path| {
            let o = r.object(v, &path, &["file", "section", "quote"])?;
            Some(SourceRef {
                file: r.text(&o, "file"),
                section: r.text(&o, "section"),
                quote: r.optional_text(&o, "quote"),
            })
        })
        .unwrap_or(SourceRef { file: String::new(), section: String::new(), quote: None })
}

fn read_dimension(reader: &mut Reader, value: &Value, path: String) -> Option<Dimension> {
    let fields =
        ["id", "title", "short_title", "summary", "source", "items", "suggested_actions", "questions", "roles"];
    let o = reader.object(value, &path, &fields)?;
    Some(Dimension {
        id: reader.text(&o, "id"),
        title: reader.text(&o, "title"),
        short_title: reader.text(&o, "short_title"),
        summary: reader.text(&o, "summary"),
        source: read_source(reader, &o, "source"),
        items: reader.list(&o, "items", true, |r, v, path| {
            let o = r.object(v, &path, &["id", "text", "source", "about"])?;
            Some(Item {
                id: r.text(&o, "id"),
                text: r.text(&o, "text"),
                source: read_source(r, &o, "source"),
                about: r.optional_text(&o, "about"),
            })
        }),
        suggested_actions: reader.texts(&o, "suggested_actions"),
        questions: reader.list(&o, "questions", false, read_question),
        roles: reader.texts(&o, "roles"),
    })
}

fn read_question(reader: &mut Reader, value: &Value, path: String) -> Option<Question> {
    let o = reader.object(value, &path, &["id", "text", "source"])?;
    Some(Question {
        id: reader.text(&o, "id"),
        text: reader.text(&o, "text"),
        source: read_source(reader, &o, "source"),
    })
}

/// The problems found so far, and the ids and roles seen, to find duplicates and unknown roles.
#[derive(Default)]
struct Checker {
    problems: Vec<InstrumentProblem>,
    ids: BTreeSet<String>,
    roles: BTreeSet<String>,
}

impl Checker {
    fn problem(&mut self, path: impl Into<String>, kind: Problem) {
        self.problems.push(InstrumentProblem { path: path.into(), kind });
    }

    fn not_empty(&mut self, path: impl Into<String>, value: &str) {
        if value.trim().is_empty() {
            self.problem(path, Problem::Empty);
        }
    }

    /// A dimension's, statement's or question's id: well formed, and not used before.
    fn id(&mut self, path: String, id: &str) {
        if !is_id(id) {
            self.problem(path.clone(), Problem::NotAnId);
        }
        if !self.ids.insert(id.to_string()) {
            self.problem(path, Problem::DuplicateId);
        }
    }

    /// A role named by a statement or a dimension: one of the instrument's.
    fn role(&mut self, path: String, role: &str) {
        if !self.roles.contains(role) {
            self.problem(path, Problem::UnknownRole(role.to_string()));
        }
    }

    fn source(&mut self, at: impl Into<String>, source: &SourceRef) {
        let at = at.into();
        if source.file.trim().is_empty() {
            self.problem(format!("{at}.file"), Problem::NoSourceFile);
        }
        if source.section.trim().is_empty() {
            self.problem(format!("{at}.section"), Problem::NoSourceSection);
        }
        if source.quote.as_deref().is_some_and(|q| q.trim().is_empty()) {
            self.problem(format!("{at}.quote"), Problem::EmptyQuote);
        }
    }

    fn question(&mut self, at: String, question: &Question) {
        self.id(format!("{at}.id"), &question.id);
        self.not_empty(format!("{at}.text"), &question.text);
        self.source(format!("{at}.source"), &question.source);
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
    /// The four views need a dimension with statements about each side: statements about one
    /// side only (the practices check-in's, about the international partner) do not make them.
    #[test]
    fn both_sides_are_rated_where_a_dimension_has_statements_about_each() {
        let by_id = |id: &str| crate::content::builtin().into_iter().find(|i| i.id == id).expect("built in");
        assert!(by_id("civic-partnership").rates_both_sides());
        assert!(by_id("accountability-learning").rates_both_sides());
        assert!(!by_id("partnership-practices").rates_both_sides());
        assert!(!by_id("local-leadership").rates_both_sides());
    }

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
        let problems = Instrument::from_json("{\"schema_version\": 1, \"bogus\": true").unwrap_err();
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
    fn roles_named_by_statements_and_dimensions_must_exist_and_each_must_answer_something() {
        let mut instrument = crate::content::example();
        instrument.dimensions[0].items[0].about = Some("donor".into());
        instrument.dimensions[1].roles = vec!["member".into(), "nobody".into()];
        let problems = instrument.problems();
        assert_eq!(
            problems.iter().map(|p| (p.path.as_str(), &p.kind)).collect::<Vec<_>>(),
            [
                ("dimensions[0].items[0].about", &Problem::UnknownRole("donor".into())),
                ("dimensions[1].roles[1]", &Problem::UnknownRole("nobody".into())),
            ]
        );
        let mut one_sided = crate::content::example();
        for d in &mut one_sided.dimensions {
            d.roles = vec!["member".into()];
        }
        assert_eq!(
            one_sided.problems().into_iter().map(|p| p.kind).collect::<Vec<_>>(),
            [Problem::NothingToAnswer("network".into())]
        );
    }

    #[test]
    fn advice_is_for_checklists_and_quotations_are_not_empty() {
        let mut instrument = crate::content::example();
        let source = instrument.source.clone();
        instrument.advice = Some(Note {
            text: "Think again.".into(),
            source: source.clone(),
            dimensions: vec!["voice".into(), "nowhere".into()],
        });
        instrument.dimensions[0].source.quote = Some(" ".into());
        assert_eq!(problem_paths(&instrument), ["advice", "advice.dimensions[1]", "dimensions[0].source.quote"]);
        instrument.advice.as_mut().unwrap().dimensions.pop();
        instrument.kind = Kind::Checklist;
        instrument.dimensions[0].source.quote = Some("Members help set the agenda".into());
        assert!(instrument.problems().is_empty());
        // Written back as read: a checklist says so, a scorecard leaves it out.
        let text = serde_json::to_string(&instrument).unwrap();
        assert!(text.contains("\"kind\":\"checklist\"") && !text.contains("\"rounds\""));
        assert_eq!(Instrument::from_json(&text), Ok(instrument));
    }

    #[test]
    fn a_files_shape_problems_are_all_named_with_their_place() {
        let problems = |text: &str| {
            Instrument::from_json(text).unwrap_err().into_iter().map(|p| (p.path, p.kind)).collect::<Vec<_>>()
        };
        let example = serde_json::to_value(crate::content::example()).unwrap();
        let mut broken = example.clone();
        broken.as_object_mut().unwrap().remove("roles");
        broken["colour"] = "green".into();
        broken["scale"]["min"] = "one".into();
        broken["dimensions"][1]["items"][0]["text"] = 3.into();
        broken["title"] = " ".into();
        assert_eq!(
            problems(&broken.to_string()),
            [
                ("colour".to_string(), Problem::Shape(Shape::Unknown)),
                ("roles".to_string(), Problem::Shape(Shape::Missing)),
                ("scale.min".to_string(), Problem::Shape(Shape::Expected(json::Type::WholeNumber))),
                ("dimensions[1].items[0].text".to_string(), Problem::Shape(Shape::Expected(json::Type::Text))),
                // The rules too, for what could be read: every problem in one go (but not "not two
                // roles" for the roles missing, nor a label count for a scale whose min is text).
                ("title".to_string(), Problem::Empty),
            ]
        );
        assert_eq!(
            problems(&example.to_string()[..40]),
            [("line 1, column 40".to_string(), Problem::Shape(Shape::CutOff))]
        );
        assert_eq!(problems("{ title: 1 }"), [("line 1, column 3".to_string(), Problem::Shape(Shape::Syntax))]);
        let mut kind = example.clone();
        kind["kind"] = "survey".into();
        assert_eq!(problems(&kind.to_string()), [("kind".to_string(), Problem::UnknownKind("survey".into()))]);
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
