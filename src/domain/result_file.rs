//! The result file partners email to each other: one partner's responses in a documented,
//! versioned JSON format (`docs/result-file-format.md`). Reading one checks everything before
//! anything is kept, so a bad file can never damage what is stored. The joint file
//! (`joint_file.rs`) is read by the same rules.

use serde::Serialize;
use serde_json::Value;

use super::instrument::Instrument;
use super::json::{self, Reader, Shape, ShapeProblem, TextProblem, Type};
use super::plan::Action;
use super::responses::{check_name, Rating, Responses, MAX_TEXT_CHARS};

pub const FORMAT_NAME: &str = "partnership-scorecard-result";

/// The joint file's `format` (`joint_file.rs`): a result file with both partners' answers. Named
/// here, where both kinds are read, so a file of one kind opened where the other is expected is
/// named as such.
pub const JOINT_FORMAT_NAME: &str = "partnership-scorecard-joint";
pub const FORMAT_VERSION: u32 = 1;

/// Larger files are refused before they are read: a real result file is a few kilobytes.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// A result file, or a joint file (`joint_file.rs`): one shape for both, so that one reader
/// checks both (and the download carries one reader, not two).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResultFile {
    /// [`FORMAT_NAME`], or the joint file's.
    pub format: String,
    pub format_version: u32,
    pub exported_at: String,
    /// The program and version that wrote the file, for support.
    pub generator: String,
    pub responses: Responses,
    /// A joint file only: the other partner's answers, the agreed actions, the round's date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner: Option<Responses>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<Action>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub round_date: Option<String>,
}

impl ResultFile {
    pub fn new(responses: &Responses, exported_at: &str) -> Self {
        ResultFile {
            format: FORMAT_NAME.to_string(),
            format_version: FORMAT_VERSION,
            exported_at: exported_at.to_string(),
            generator: concat!("Partnership Scorecard ", env!("CARGO_PKG_VERSION")).to_string(),
            responses: responses.clone(),
            partner: None,
            plan: Vec::new(),
            round_date: None,
        }
    }

    /// Reads a file of this app (or a stored earlier round) into its values; what it checks is
    /// only the shape: [`read_file`] and [`check_responses`] check the rest.
    pub(crate) fn read(reader: &mut Reader, value: &Value, path: String) -> Option<ResultFile> {
        let o = reader.open(value, &path)?;
        Some(ResultFile {
            format: reader.text(&o, "format"),
            format_version: reader.whole(&o, "format_version"),
            exported_at: reader.text(&o, "exported_at"),
            generator: reader.text_or_empty(&o, "generator"),
            responses: reader.nested_required(&o, "responses", Responses::read)?,
            partner: reader.nested(&o, "partner", Responses::read),
            plan: reader.list(&o, "plan", false, Action::read),
            round_date: reader.optional_text(&o, "round_date"),
        })
    }

    pub fn to_json(&self) -> String {
        // Plain data with string keys: serialising it cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Why a file was refused: each case is worded by the interface's catalogue, in the reader's
/// language, naming what a person can look for (which statement, which field).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    Empty,
    NotJson,
    Truncated,
    NotAResultFile,
    UnsupportedVersion {
        found: u64,
    },
    WrongInstrument {
        found: String,
    },
    SameRole {
        role: String,
    },
    /// A joint file where one partner's file is expected, or the other way round.
    OtherKindOfFile,
    /// A file for a questionnaire this app does not have.
    UnknownInstrument {
        found: String,
    },
    /// The same person's answers twice, among files combined (`respondents.rs`).
    Duplicate,
    /// A field missing, or of the wrong type: where, and what.
    Damaged(ShapeProblem),
    /// A statement's rating that is not a point of the scale nor "don't know" (3.5, say).
    NotARating {
        item: String,
    },
    /// A rating outside the questionnaire's scale.
    OutsideScale {
        item: String,
        rating: u8,
    },
    /// A role the questionnaire does not have.
    UnknownRole {
        role: String,
    },
    /// Answers to a statement or question this role is not asked (or that does not exist).
    UnknownStatement {
        id: String,
    },
    /// A name longer than the app's fields take.
    NameTooLong,
    /// A comment or answer longer than the app's text boxes take.
    TextTooLong,
    /// A joint file without the second partner's answers.
    NoPartner,
    /// A joint file whose two partners answered different questionnaires.
    DifferentInstruments,
    /// A joint file whose two partners answered for the same role.
    BothSameRole,
    /// A joint file whose round has no date.
    NoRoundDate,
    /// A joint file's agreed action that breaks the plan's rules.
    BadAction {
        what: String,
    },
    /// An earlier round with no partner of this assessment's role.
    NoSideOfRole {
        role: String,
    },
}

impl ImportError {
    /// A shape problem, told more precisely where it is a rating.
    fn damaged(problem: ShapeProblem) -> ImportError {
        let rating = (problem.shape == Shape::Expected(Type::Rating))
            .then(|| problem.path.split_once("answers[")?.1.split_once(']').map(|(item, _)| item.to_string()))
            .flatten();
        match rating {
            Some(item) => ImportError::NotARating { item },
            None => ImportError::Damaged(problem),
        }
    }
}

/// Just the instrument a file of this app's names (`responses.instrument.id`), read before the
/// file itself so that instrument can be fetched first; `None` for anything else.
pub fn instrument_named(text: &str) -> Option<String> {
    let text = text.trim_start_matches('\u{feff}');
    if text.len() > MAX_FILE_BYTES {
        return None;
    }
    let value = json::parse(text).ok()?;
    value.pointer("/responses/instrument/id")?.as_str().map(str::to_string)
}

/// The words a file name is made of that are not the file's own: in the reader's language.
#[derive(Debug, Clone, Copy)]
pub struct NameWords<'a> {
    /// What the file is ("scorecard", "joint-session").
    pub kind: &'a str,
    /// Added when the answers are sealed ("sealed").
    pub sealed: &'a str,
}

/// A safe file name for an export (`extension` without its dot): what it is, the instrument,
/// role and organisation, the person who answered (or, unnamed, the time they started, so that
/// several people of one side get files of their own), whether it is sealed, and the date.
pub fn file_name(responses: &Responses, date: &str, extension: &str, words: NameWords) -> String {
    let started = responses.created_at.get(11..19).map(|time| time.replace(':', "")).unwrap_or_default();
    let person = if responses.respondent.trim().is_empty() { started.as_str() } else { responses.respondent.as_str() };
    let sealed = if responses.is_sealed() { words.sealed } else { "" };
    let parts = [
        words.kind,
        &responses.instrument.id,
        &responses.role,
        &responses.organisation,
        person,
        sealed,
        date.get(..10).unwrap_or(date),
    ];
    let slug: Vec<String> = parts.iter().map(|p| slug(p)).filter(|p| !p.is_empty()).collect();
    format!("{}.{extension}", slug.join("_"))
}

/// Letters and digits of any script are kept (ASCII ones in lower case); everything else becomes
/// a single '-'.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.chars().count() >= 40 {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Reads the other partner's file for `instrument`, refusing it unless it is a sound result file
/// for this instrument from the other role than `own_role`.
pub fn read_partner_file(text: &str, instrument: &Instrument, own_role: &str) -> Result<Responses, ImportError> {
    let file = read_file(text, FORMAT_NAME)?;
    let responses = file.responses;
    if responses.instrument.id != instrument.id {
        return Err(ImportError::WrongInstrument { found: responses.instrument.id });
    }
    check_responses(&responses, instrument)?;
    if responses.role == own_role {
        return Err(ImportError::SameRole { role: responses.role });
    }
    Ok(responses)
}

/// Reads a file of this app's kind `format` (a result file or a joint file), refusing it with the
/// reason before anything of it is kept: too large, empty, not JSON, cut off, another kind of
/// file, another format version, or fields that do not fit.
pub(crate) fn read_file(text: &str, format: &str) -> Result<ResultFile, ImportError> {
    let value = json::document(text, MAX_FILE_BYTES).map_err(|p| match p {
        TextProblem::TooLarge { bytes, limit } => ImportError::TooLarge { bytes, limit },
        TextProblem::Empty => ImportError::Empty,
        TextProblem::NotJson => ImportError::NotJson,
        TextProblem::CutOff => ImportError::Truncated,
    })?;
    match value.get("format").and_then(Value::as_str) {
        Some(found) if found == format => {}
        // The other of the app's two kinds of file: said, so the user knows where it goes.
        Some(FORMAT_NAME | JOINT_FORMAT_NAME) => return Err(ImportError::OtherKindOfFile),
        _ => return Err(ImportError::NotAResultFile),
    }
    // The version before the rest, so that a file of another version is named as such rather
    // than reported as damaged.
    match value.get("format_version").map(Value::as_u64) {
        Some(Some(found)) if found != u64::from(FORMAT_VERSION) => {
            return Err(ImportError::UnsupportedVersion { found })
        }
        _ => {}
    }
    let mut reader = Reader::default();
    let file = ResultFile::read(&mut reader, &value, String::new());
    reader.first_problem(file).map_err(ImportError::damaged)
}

/// One partner's answers fit `instrument`: a role it has, its statements and questions only,
/// ratings on its scale; and names and texts no longer than the app's fields take. (The
/// instrument id is checked by the caller, which names it.)
pub(crate) fn check_responses(responses: &Responses, instrument: &Instrument) -> Result<(), ImportError> {
    if [&responses.organisation, &responses.partner_organisation, &responses.respondent]
        .iter()
        .any(|n| check_name(n, false).is_err())
    {
        return Err(ImportError::NameTooLong);
    }
    if instrument.role(&responses.role).is_none() {
        return Err(ImportError::UnknownRole { role: responses.role.clone() });
    }
    let too_long = |text: &str| text.chars().count() > MAX_TEXT_CHARS;
    let long_text = || ImportError::TextTooLong;
    let answers_for_role = |id: &str| instrument.items_for(&responses.role).any(|(_, item)| item.id == id);
    let question_for_role = |id: &str| instrument.questions_for(&responses.role).any(|q| q.id == id);
    for (item_id, answer) in responses.answers.iter() {
        if !answers_for_role(item_id) {
            return Err(ImportError::UnknownStatement { id: item_id.to_string() });
        }
        if too_long(&answer.comment) {
            return Err(long_text());
        }
        if let Some(Rating::Score(score)) = answer.rating {
            if !instrument.scale.contains(score) {
                return Err(ImportError::OutsideScale { item: item_id.to_string(), rating: score });
            }
        }
    }
    for (id, reflection) in responses.reflections.iter() {
        if !question_for_role(id) {
            return Err(ImportError::UnknownStatement { id: id.to_string() });
        }
        if too_long(&reflection.text) {
            return Err(long_text());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::json::{Shape, ShapeProblem, Type};

    fn instrument() -> Instrument {
        crate::content::builtin().remove(0)
    }

    fn international_file() -> String {
        let instrument = instrument();
        let mut r =
            Responses::new(&instrument, "international", "Nordic Aid", "Lake Women's Network", "2026-01-02T10:00:00Z");
        r.set_rating(&instrument.dimensions[0].items[0].id, Some(Rating::Score(4)), "t");
        r.set_rating(&instrument.dimensions[0].items[1].id, Some(Rating::NotApplicable), "t");
        r.set_comment(&instrument.dimensions[0].items[1].id, "We \"think\", maybe <b>", "t");
        r.set_reflection(&instrument.reflections[0].id, "Budget decisions sit with us.", "t");
        ResultFile::new(&r, "2026-01-03T10:00:00Z").to_json()
    }

    fn read(text: &str) -> Result<Responses, ImportError> {
        read_partner_file(text, &instrument(), "local")
    }

    fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut value: serde_json::Value = serde_json::from_str(&international_file()).unwrap();
        edit(&mut value);
        value.to_string()
    }

    #[test]
    fn a_file_round_trips() {
        let text = international_file();
        let responses = read(&text).expect("accepted");
        let file = read_file(&text, FORMAT_NAME).unwrap();
        assert_eq!(responses, file.responses);
        assert_eq!(file.format, FORMAT_NAME);
        assert_eq!(file.format_version, FORMAT_VERSION);
        assert_eq!(responses.organisation, "Nordic Aid");
        assert_eq!(ResultFile::new(&responses, &file.exported_at), file);
    }

    #[test]
    fn a_byte_order_mark_is_tolerated() {
        assert!(read(&format!("\u{feff}{}", international_file())).is_ok());
    }

    #[test]
    fn text_that_is_not_json_is_refused() {
        assert_eq!(read("PK\u{3}\u{4} this is a zip"), Err(ImportError::NotJson));
        assert_eq!(read("   "), Err(ImportError::Empty));
    }

    #[test]
    fn a_truncated_file_is_named_as_such() {
        let text = international_file();
        assert_eq!(read(&text[..text.len() / 2]), Err(ImportError::Truncated));
    }

    #[test]
    fn other_json_is_not_a_result_file() {
        assert_eq!(read("[1,2,3]"), Err(ImportError::NotAResultFile));
        assert_eq!(read(r#"{"name":"x"}"#), Err(ImportError::NotAResultFile));
        assert_eq!(read(&edited(|v| v["format"] = "other".into())), Err(ImportError::NotAResultFile));
    }

    #[test]
    fn an_unknown_format_version_is_named() {
        assert_eq!(
            read(&edited(|v| v["format_version"] = 99.into())),
            Err(ImportError::UnsupportedVersion { found: 99 })
        );
        assert_eq!(
            read(&edited(|v| v["format_version"] = "1".into())),
            Err(ImportError::Damaged(ShapeProblem {
                path: "format_version".into(),
                shape: Shape::Expected(Type::WholeNumber)
            }))
        );
    }

    #[test]
    fn a_file_for_another_instrument_is_refused() {
        assert_eq!(
            read(&edited(|v| v["responses"]["instrument"]["id"] = "another".into())),
            Err(ImportError::WrongInstrument { found: "another".into() })
        );
    }

    #[test]
    fn a_file_from_the_same_role_is_refused() {
        assert_eq!(
            read_partner_file(&international_file(), &instrument(), "international"),
            Err(ImportError::SameRole { role: "international".into() })
        );
    }

    #[test]
    fn an_oversized_file_is_refused_before_parsing() {
        let text = format!("{}{}", international_file(), " ".repeat(MAX_FILE_BYTES));
        assert!(matches!(read(&text), Err(ImportError::TooLarge { .. })));
    }

    #[test]
    fn out_of_scale_ratings_and_unknown_ids_are_refused() {
        let instrument = instrument();
        let item = instrument.dimensions[0].items[0].id.clone();
        let out_of_scale = edited(|v| v["responses"]["answers"][&item]["rating"] = 9.into());
        assert_eq!(read(&out_of_scale), Err(ImportError::OutsideScale { item: item.clone(), rating: 9 }));
        let unknown =
            edited(|v| v["responses"]["answers"]["nope"] = serde_json::json!({"rating": 3, "answered_at": "t"}));
        assert_eq!(read(&unknown), Err(ImportError::UnknownStatement { id: "nope".into() }));
        let role = edited(|v| v["responses"]["role"] = "donor".into());
        assert_eq!(read(&role), Err(ImportError::UnknownRole { role: "donor".into() }));
        let missing = edited(|v| {
            v["responses"].as_object_mut().unwrap().remove("role");
        });
        assert_eq!(
            read(&missing),
            Err(ImportError::Damaged(ShapeProblem { path: "responses.role".into(), shape: Shape::Missing }))
        );
    }

    /// A rating that is no point of a scale (3.5, "maybe", -1) names its statement, so the partner
    /// can be told which one to look at.
    #[test]
    fn a_rating_that_is_not_a_rating_names_its_statement() {
        let item = instrument().dimensions[0].items[0].id.clone();
        for rating in
            [serde_json::json!(3.5), serde_json::json!("maybe"), serde_json::json!(-1), serde_json::json!(256)]
        {
            let file = edited(|v| v["responses"]["answers"][&item]["rating"] = rating.clone());
            assert_eq!(read(&file), Err(ImportError::NotARating { item: item.clone() }), "{rating}");
        }
    }

    #[test]
    fn names_longer_than_the_start_form_takes_are_refused() {
        for field in ["organisation", "partner_organisation", "respondent"] {
            // Characters, not bytes: 200 letters of two bytes each are a name the form takes.
            let longest = edited(|v| v["responses"][field] = "é".repeat(200).into());
            assert!(read(&longest).is_ok(), "{field}");
            let longer = edited(|v| v["responses"][field] = format!("<script>{}", "x".repeat(193)).into());
            assert_eq!(read(&longer), Err(ImportError::NameTooLong), "{field}");
        }
    }

    #[test]
    fn texts_longer_than_the_text_boxes_take_are_refused() {
        let instrument = instrument();
        let item = instrument.dimensions[0].items[1].id.clone();
        let question = instrument.reflections[0].id.clone();
        let comment = |text: String| edited(|v| v["responses"]["answers"][&item]["comment"] = text.into());
        let reflection = |text: String| edited(|v| v["responses"]["reflections"][&question]["text"] = text.into());
        for file in [comment("é".repeat(10_000)), reflection("\u{1f30d}".repeat(10_000))] {
            assert!(read(&file).is_ok(), "characters, not bytes");
        }
        for file in [comment("x".repeat(10_001)), reflection(format!("<script>{}", "x".repeat(9_993)))] {
            assert_eq!(read(&file), Err(ImportError::TextTooLong));
        }
    }

    /// Files written by every released format version must keep loading: one fixture per
    /// version, written by hand from the documentation, never regenerated from the code.
    #[test]
    fn result_files_of_every_format_version_still_load() {
        let fixture = include_str!("../../tests/fixtures/result-file-v1.json");
        let responses = read(fixture).expect("a version 1 file loads");
        assert_eq!(responses.organisation, "Nordic Aid");
        assert_eq!(responses.rating("foundation.co-creation"), Some(Rating::Score(4)));
        assert_eq!(responses.rating("capacities.levels"), Some(Rating::NotApplicable));
        assert_eq!(responses.rating("institutional-support.flexibility"), None);
        assert_eq!(responses.comment("institutional-support.flexibility"), "Depends on the donor.");
        assert_eq!(responses.reflection("reflection.power"), "Budget decisions sit with us.");
        assert_eq!(responses.sealed_at, None, "files from before sealing read as not sealed");

        // The seal was added to version 1 as optional fields, which older readers ignore.
        let sealed =
            read(include_str!("../../tests/fixtures/result-file-v1-sealed.json")).expect("a sealed file loads");
        assert_eq!(sealed.sealed_at.as_deref(), Some("2026-11-20T16:00:00.000Z"));
        assert_eq!(sealed.reopened_after_comparison, ["2026-11-21T11:00:00.000Z"]);
        assert_eq!(sealed.respondent, "", "files from before names read as anonymous");

        // So was the respondent's name.
        let named =
            read(include_str!("../../tests/fixtures/result-file-v1-respondent.json")).expect("a named file loads");
        assert_eq!(named.respondent, "Björn Lindqvist");
    }

    #[test]
    fn stored_assessments_of_every_store_version_still_load() {
        let fixture = include_str!("../../tests/fixtures/stored-assessment-v1.json");
        let assessment = crate::domain::Assessment::from_stored(fixture).expect("a version 1 entry loads");
        assert_eq!(assessment.own.rating("foundation.co-creation"), Some(Rating::Score(2)));
        let partner = assessment.partner.expect("the partner's answers were kept");
        assert_eq!(partner.rating("foundation.co-creation"), Some(Rating::Score(4)));

        let fixture = include_str!("../../tests/fixtures/stored-assessment-v2.json");
        let assessment = crate::domain::Assessment::from_stored(fixture).expect("a version 2 entry loads");
        assert_eq!(assessment.own.sealed_at.as_deref(), Some("2026-11-21T09:30:00.000Z"));
        assert_eq!(assessment.own.reopened_after_comparison, ["2026-11-21T10:15:00.000Z"]);
        assert!(assessment.partner.is_some_and(|p| p.is_sealed()));
        assert_eq!(assessment.round_date, None);

        let fixture = include_str!("../../tests/fixtures/stored-assessment-v3.json");
        let assessment = crate::domain::Assessment::from_stored(fixture).expect("a version 3 entry loads");
        assert_eq!(assessment.round_date.as_deref(), Some("2026-11-22"));
        assert_eq!(assessment.plan.len(), 1);
        assert_eq!(assessment.earlier_rounds.len(), 1);
        assert_eq!(assessment.earlier_rounds[0].round_date.as_deref(), Some("2026-08-20"));
        assert_eq!(crate::domain::rounds::rounds(&assessment).len(), 2);
        assert_eq!(assessment.own.respondent, "");

        let fixture = include_str!("../../tests/fixtures/stored-assessment-v4.json");
        let assessment = crate::domain::Assessment::from_stored(fixture).expect("a version 4 entry loads");
        assert_eq!(assessment.own.respondent, "Amina Odhiambo");
        assert_eq!(assessment.earlier_rounds.len(), 1);
    }

    // Whatever arrives as a "result file" is answered with a value, never a panic.
    // `PSC_FUZZ_CASES` sets how many inputs each property tries (see README).
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(crate::domain::fuzz_cases()))]

        /// Any text at all, and text made of JSON's own characters.
        #[test]
        fn any_text_is_refused_or_read_never_a_panic(
            text in ".{0,400}",
            json_like in r#"[\[\]{}":,0-9a-z_. \-]{0,300}"#,
        ) {
            let _ = read(&text);
            let _ = read(&json_like);
        }

        /// Damage a real file at random: cut it, or change one byte. Still never a panic.
        #[test]
        fn damaged_files_are_refused_or_read_never_a_panic(cut in 0usize..2000, at in 0usize..2000, byte in 0u8..128) {
            let text = international_file();
            let cut = cut.min(text.len());
            let _ = read(&text[..cut]);
            let mut bytes = text.into_bytes();
            let at = at % bytes.len();
            bytes[at] = byte;
            if let Ok(damaged) = String::from_utf8(bytes) {
                let _ = read(&damaged);
            }
        }
    }

    #[test]
    fn file_names_are_safe_and_say_what_they_hold() {
        let instrument = instrument();
        let words = NameWords { kind: "scorecard", sealed: "sealed" };
        let mut r =
            Responses::new(&instrument, "local", "Lake <Women's> Network / Kisumu", "X", "2026-11-20T09:30:05.000Z");
        assert_eq!(
            file_name(&r, "2026-11-21T10:00:00.000Z", "json", words),
            "scorecard_local-leadership_local_lake-women-s-network-kisumu_093005_2026-11-21.json",
            "an unnamed person's file says when they started"
        );
        r.respondent = "Amina Odhiambo".into();
        r.sealed_at = Some("2026-11-21T09:00:00.000Z".into());
        assert_eq!(
            file_name(&r, "2026-11-21T10:00:00.000Z", "csv", words),
            "scorecard_local-leadership_local_lake-women-s-network-kisumu_amina-odhiambo_sealed_2026-11-21.csv"
        );
    }
}
