//! How the interface words the domain's values: scores, gaps, ratings, what a score is of, why a
//! file or a questionnaire was refused. Every word comes from the catalogue; these only choose
//! and fill its templates. No browser here: compiled natively too, and tested there.

use crate::domain::envelope::EnvelopeError;
use crate::domain::gap::Direction;
use crate::domain::instrument::{Kind, Problem};
use crate::domain::json::{Shape, Type};
use crate::domain::library::ContentProblem;
use crate::domain::passphrase::{Strength, MIN_CHARS};
use crate::domain::respondents::Summary;
use crate::domain::responses::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::domain::result_file::ImportError;
use crate::domain::{Instrument, Rating, Tenths};
use crate::i18n::{self, Strings};

/// A number with one decimal as the language writes it: 3.5 in English, 3,5 in French.
pub fn number(t: &Strings, value: Tenths) -> String {
    value.to_string().replace('.', t.decimal.encode_utf8(&mut [0; 4]))
}

/// A dimension's score as shown everywhere: one decimal, or "not rated".
pub fn score_text(t: &Strings, mean: Option<Tenths>) -> String {
    mean.map(|m| number(t, m)).unwrap_or_else(|| t.not_rated.to_string())
}

/// A gap's size, or that there is none.
pub fn gap_text(t: &Strings, gap: Option<Tenths>) -> String {
    gap.map(|g| number(t, g.abs())).unwrap_or_else(|| t.no_gap.to_string())
}

/// A chart row's note: the gap's size, in capitals when large, or that there is none.
pub fn chart_note(t: &Strings, gap: Option<Tenths>, large: bool) -> String {
    match gap {
        Some(g) => i18n::fill(if large { t.chart_large_gap } else { t.chart_gap }, &[("gap", &number(t, g.abs()))]),
        None => t.no_gap.to_string(),
    }
}

/// Who rates higher, from the reader's side.
pub fn direction_text(t: &Strings, direction: Option<Direction>) -> &'static str {
    match direction {
        Some(Direction::YouHigher) => t.you_rate_higher,
        Some(Direction::PartnerHigher) => t.partner_rates_higher,
        Some(Direction::Same) => t.same_rating,
        None => t.no_gap,
    }
}

/// A rating as the tables show it: its point (a checklist's word for it), "don't know", or
/// "not answered".
pub fn rating_text(t: &Strings, instrument: &Instrument, rating: Option<Rating>) -> String {
    match rating {
        Some(Rating::Score(n)) if instrument.kind == Kind::Checklist => {
            instrument.scale.label(n).map_or_else(|| n.to_string(), str::to_string)
        }
        Some(Rating::Score(n)) => n.to_string(),
        Some(Rating::NotApplicable) => t.not_applicable_short.to_string(),
        None => t.not_answered.to_string(),
    }
}

/// A dimension's title, or its short title for a chart.
pub fn dimension_title(instrument: &Instrument, id: &str, short: bool) -> String {
    instrument.dimension(id).map(|d| if short { d.short_title.clone() } else { d.title.clone() }).unwrap_or_default()
}

/// What a score or a gap is of: a dimension, or the statements of a dimension about one side
/// (`key` as [`crate::domain::DimensionScore::key`] gives it); short for a chart.
pub fn group_title(t: &Strings, instrument: &Instrument, (id, about): (&str, Option<&str>), short: bool) -> String {
    let title = dimension_title(instrument, id, short);
    match about {
        Some(side) => {
            let template = if short { t.group_about_short } else { t.group_about };
            i18n::fill(template, &[("dimension", &title), ("side", &instrument.role_label(side))])
        }
        None => title,
    }
}

/// A chart's scale: its points by number, or for a checklist by the scale's words.
pub fn tick_names(instrument: &Instrument) -> Vec<String> {
    match instrument.kind {
        Kind::Checklist => instrument.scale.labels.clone(),
        Kind::Scorecard => instrument.scale.points().map(|p| p.to_string()).collect(),
    }
}

/// Where a dimension only one side answers, who: "Answered by the … only".
pub fn answered_only_by(t: &Strings, instrument: &Instrument, dimension_id: &str) -> Option<String> {
    let dimension = instrument.dimension(dimension_id)?;
    let only: Vec<_> = instrument.roles.iter().filter(|r| dimension.answered_by(&r.id)).collect();
    (only.len() == 1).then(|| i18n::fill(t.answered_only_by, &[("role", &only[0].label)]))
}

/// Text a person wrote, or that they wrote nothing.
pub fn written(t: &Strings, text: &str) -> String {
    if text.trim().is_empty() {
        t.no_answer.to_string()
    } else {
        text.to_string()
    }
}

/// A statement as a partner finds it in the questionnaire: its number and its words.
pub fn statement_label(instrument: Option<&Instrument>, id: &str) -> String {
    let found = instrument.and_then(|i| {
        i.dimensions.iter().enumerate().find_map(|(d, dimension)| {
            let (n, item) = dimension.items.iter().enumerate().find(|(_, item)| item.id == id)?;
            Some(format!("{}.{} “{}”", d + 1, n + 1, item.text))
        })
    });
    found.unwrap_or_else(|| id.to_string())
}

/// What is wrong with a field of a file, in words.
pub fn shape_text(t: &Strings, shape: &Shape) -> &'static str {
    match shape {
        Shape::Syntax => t.shape_syntax,
        Shape::CutOff => t.shape_cut_off,
        Shape::Missing => t.shape_missing,
        Shape::Unknown => t.shape_unknown,
        Shape::Expected(Type::Text) => t.shape_text,
        Shape::Expected(Type::WholeNumber) => t.shape_whole_number,
        Shape::Expected(Type::TrueOrFalse) => t.shape_true_or_false,
        Shape::Expected(Type::List) => t.shape_list,
        Shape::Expected(Type::Object) => t.shape_object,
        Shape::Expected(Type::Rating) => t.shape_rating,
    }
}

/// Why a file was refused, for the user. `instrument` is the questionnaire the file must be for,
/// if any; `joint` whether a joint file was expected.
pub fn import_message(t: &Strings, error: &ImportError, instrument: Option<&Instrument>, joint: bool) -> String {
    let title = instrument.map_or("", |i| i.title.as_str());
    let role_label = |role: &str| instrument.map_or_else(|| role.to_string(), |i| i.role_label(role));
    match error {
        ImportError::TooLarge { bytes, limit } => {
            i18n::fill(t.import_too_large, &[("size", &(bytes / 1024)), ("limit", &(limit / 1024))])
        }
        ImportError::Empty => t.import_empty.to_string(),
        ImportError::NotJson => t.import_not_json.to_string(),
        ImportError::Truncated => t.import_truncated.to_string(),
        ImportError::NotAResultFile => t.import_not_result.to_string(),
        ImportError::UnsupportedVersion { found } => i18n::fill(t.import_version, &[("version", found)]),
        ImportError::WrongInstrument { found } => {
            i18n::fill(t.import_wrong_instrument, &[("found", found), ("expected", &title)])
        }
        ImportError::UnknownInstrument { found } => i18n::fill(t.import_unknown_instrument, &[("found", found)]),
        ImportError::OtherKindOfFile if joint => t.joint_result_file_here.to_string(),
        ImportError::OtherKindOfFile => t.import_joint_file_here.to_string(),
        ImportError::SameRole { role } => i18n::fill(t.import_same_role, &[("role", &role_label(role))]),
        ImportError::Duplicate => t.import_duplicate.to_string(),
        ImportError::Damaged(problem) => {
            i18n::fill(t.import_damaged, &[("place", &problem.path), ("what", &shape_text(t, &problem.shape))])
        }
        ImportError::NotARating { item } => {
            i18n::fill(t.import_not_a_rating, &[("statement", &statement_label(instrument, item))])
        }
        ImportError::OutsideScale { item, rating } => {
            let (min, max) = instrument.map_or((0, 0), |i| (i.scale.min, i.scale.max));
            let values: [(&str, &dyn std::fmt::Display); 4] =
                [("statement", &statement_label(instrument, item)), ("rating", rating), ("min", &min), ("max", &max)];
            i18n::fill(t.import_outside_scale, &values)
        }
        ImportError::UnknownRole { role } => i18n::fill(t.import_unknown_role, &[("role", role)]),
        ImportError::UnknownStatement { id } => i18n::fill(t.import_unknown_statement, &[("id", id)]),
        ImportError::NameTooLong => i18n::fill(t.import_name_too_long, &[("max", &MAX_NAME_CHARS)]),
        ImportError::TextTooLong => i18n::fill(t.import_text_too_long, &[("max", &MAX_TEXT_CHARS)]),
        ImportError::NoPartner => t.joint_no_partner.to_string(),
        ImportError::DifferentInstruments => t.joint_different_instruments.to_string(),
        ImportError::BothSameRole => t.joint_both_same_role.to_string(),
        ImportError::NoRoundDate => t.joint_no_round_date.to_string(),
        ImportError::BadAction { what } => i18n::fill(t.joint_bad_action, &[("what", &i18n::isolate(what))]),
        ImportError::NoSideOfRole { role } => i18n::fill(t.rounds_no_side_of_role, &[("role", &role_label(role))]),
    }
}

/// How strong a passphrase a person typed looks, in plain words.
pub fn strength_text(t: &Strings, strength: Strength) -> String {
    match strength {
        Strength::TooShort => i18n::fill(t.strength_too_short, &[("min", &MIN_CHARS)]),
        Strength::Weak => t.strength_weak.to_string(),
        Strength::Fair => t.strength_fair.to_string(),
        Strength::Strong => t.strength_strong.to_string(),
    }
}

/// Why a protected file cannot be opened whatever the passphrase, said before one is asked for:
/// a later version, parameters the format does not accept (an algorithm, an iteration count), a
/// field damaged.
pub fn protected_message(t: &Strings, error: &EnvelopeError) -> String {
    let place = |template: &str, place: &str| i18n::fill(template, &[("place", &place)]);
    match error {
        EnvelopeError::TooLarge { bytes, limit } => {
            import_message(t, &ImportError::TooLarge { bytes: *bytes, limit: *limit }, None, false)
        }
        EnvelopeError::Empty => t.import_empty.to_string(),
        EnvelopeError::NotJson => t.import_not_json.to_string(),
        EnvelopeError::Truncated => t.import_truncated.to_string(),
        EnvelopeError::NotAnEnvelope => t.import_not_result.to_string(),
        EnvelopeError::UnsupportedVersion { found } => i18n::fill(t.protected_version, &[("version", found)]),
        EnvelopeError::UnknownAlgorithm { field, .. } => place(t.protected_settings, field),
        EnvelopeError::IterationsOutOfRange { .. } => place(t.protected_settings, "iterations"),
        EnvelopeError::Damaged(problem) => place(t.protected_damaged, &problem.path),
        EnvelopeError::BadBase64 { field } | EnvelopeError::WrongLength { field, .. } => {
            place(t.protected_damaged, field)
        }
        EnvelopeError::CiphertextTooShort { .. } => place(t.protected_damaged, "ciphertext"),
    }
}

/// Which of several files chosen together was refused, and why.
pub fn file_refused(t: &Strings, file: &str, error: &ImportError, instrument: Option<&Instrument>) -> String {
    let reason = import_message(t, error, instrument, false);
    i18n::fill(t.combine_file_refused, &[("file", &i18n::isolate(file)), ("reason", &reason)])
}

/// What a side's summary in the combined view shows (`Side::visible` has taken out what may not
/// be): its mean, its lowest and highest, and how many answered. `counted` picks the form of a
/// template for a number (the browser's plural rules).
pub fn summary_text(t: &Strings, s: Summary, counted: impl Fn(&'static str, usize) -> &'static str) -> String {
    let template = match (s.mean, s.lowest) {
        _ if s.count == 0 => return t.not_rated.to_string(),
        (None, _) => t.combine_cell_hidden,
        (Some(_), None) => t.combine_cell_means_only,
        (Some(_), Some(_)) => t.combine_cell,
    };
    let (lowest, highest, count) = (score_text(t, s.lowest), score_text(t, s.highest), s.count);
    i18n::fill(
        counted(template, s.count),
        &[("mean", &score_text(t, s.mean)), ("lowest", &lowest), ("highest", &highest), ("count", &count)],
    )
}

/// What is wrong with a content file: for an instrument, each problem with where it is.
pub fn content_problem_message(t: &Strings, problem: &ContentProblem) -> String {
    match problem {
        ContentProblem::NotAnIndex => t.load_damaged_index.to_string(),
        ContentProblem::Instrument(problems) => {
            let list: Vec<String> = problems
                .iter()
                .map(|p| {
                    i18n::fill(t.problem_at, &[("place", &p.path), ("what", &instrument_problem_text(t, &p.kind))])
                })
                .collect();
            i18n::fill(t.load_damaged_instrument, &[("problems", &list.join(t.problem_separator))])
        }
        ContentProblem::WrongInstrument { found, .. } => i18n::fill(t.load_wrong_instrument, &[("found", found)]),
        ContentProblem::BuiltInId { id } => i18n::fill(t.custom_built_in_id, &[("id", id)]),
        ContentProblem::DropsAnswers { id, missing } => {
            i18n::fill(t.custom_drops_answers, &[("id", id), ("missing", &missing.join(t.list_separator))])
        }
    }
}

/// What is wrong with a part of a questionnaire file, in words.
fn instrument_problem_text(t: &Strings, problem: &Problem) -> String {
    let role = |template: &str, role: &str| i18n::fill(template, &[("role", &role)]);
    match problem {
        Problem::Shape(shape) => shape_text(t, shape).to_string(),
        Problem::UnknownKind(kind) => i18n::fill(t.problem_unknown_kind, &[("kind", kind)]),
        Problem::UnsupportedVersion => t.problem_version.to_string(),
        Problem::Empty => t.problem_empty.to_string(),
        Problem::NotAnId => t.problem_not_an_id.to_string(),
        Problem::DuplicateId => t.problem_duplicate_id.to_string(),
        Problem::NotTwoRoles => t.problem_not_two_roles.to_string(),
        Problem::ScaleOrder => t.problem_scale_order.to_string(),
        Problem::ScaleLabelCount => t.problem_scale_labels.to_string(),
        Problem::NoDimensions => t.problem_no_dimensions.to_string(),
        Problem::NoItems => t.problem_no_items.to_string(),
        Problem::NoSourceFile => t.problem_no_source_file.to_string(),
        Problem::NoSourceSection => t.problem_no_source_section.to_string(),
        Problem::EmptyQuote => t.problem_empty_quote.to_string(),
        Problem::UnknownRole(r) => role(t.problem_unknown_role, r),
        Problem::NothingToAnswer(r) => role(t.problem_nothing_to_answer, r),
        Problem::AdviceOnScorecard => t.problem_advice_on_scorecard.to_string(),
        Problem::UnknownDimension(id) => i18n::fill(t.problem_unknown_dimension, &[("id", id)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t() -> &'static Strings {
        i18n::strings()
    }

    #[test]
    fn numbers_take_the_languages_decimal_separator() {
        let french = Strings { decimal: ',', ..t().clone() };
        assert_eq!(score_text(&french, Some(Tenths(35))), "3,5");
        assert_eq!(gap_text(&french, Some(Tenths(-27))), "2,7");
        assert_eq!(score_text(t(), Some(Tenths(40))), "4.0");
        assert_eq!(number(t(), Tenths(-5)), "-0.5");
    }

    #[test]
    fn a_rating_that_is_not_a_rating_is_told_by_its_statements_number_and_words() {
        let instrument = crate::content::builtin().remove(0);
        let item = &instrument.dimensions[1].items[2];
        let message = import_message(t(), &ImportError::NotARating { item: item.id.clone() }, Some(&instrument), false);
        assert!(message.contains(&format!("statement 2.3 “{}”", item.text)), "{message}");
        assert!(message.ends_with("Nothing was changed."), "{message}");
    }

    #[test]
    fn every_protected_file_refused_is_worded_and_says_nothing_changed() {
        let shape = crate::domain::json::ShapeProblem { path: "salt".into(), shape: Shape::Missing };
        let errors = [
            EnvelopeError::TooLarge { bytes: 3 << 20, limit: 2 << 20 },
            EnvelopeError::Empty,
            EnvelopeError::NotJson,
            EnvelopeError::Truncated,
            EnvelopeError::NotAnEnvelope,
            EnvelopeError::UnsupportedVersion { found: 2 },
            EnvelopeError::UnknownAlgorithm { field: "cipher", found: "ROT13".into() },
            EnvelopeError::IterationsOutOfRange { found: 0 },
            EnvelopeError::Damaged(shape),
            EnvelopeError::BadBase64 { field: "nonce" },
            EnvelopeError::WrongLength { field: "salt", bytes: 3, expected: 16 },
            EnvelopeError::CiphertextTooShort { bytes: 2 },
        ];
        for error in errors {
            let message = protected_message(t(), &error);
            assert!(!message.contains('{') && message.ends_with("Nothing was changed."), "{error:?}: {message}");
        }
        let version = protected_message(t(), &EnvelopeError::UnsupportedVersion { found: 2 });
        assert!(version.contains("format version 2"), "{version}");
        let iterations = protected_message(t(), &EnvelopeError::IterationsOutOfRange { found: 1_000_000_000_000 });
        assert!(iterations.contains("“iterations”"), "{iterations}");
    }

    #[test]
    fn every_refusal_is_worded_and_ends_by_saying_nothing_changed() {
        let instrument = crate::content::builtin().remove(0);
        let shape = crate::domain::json::ShapeProblem { path: "responses.role".into(), shape: Shape::Missing };
        let errors = [
            ImportError::Damaged(shape),
            ImportError::OutsideScale { item: "x".into(), rating: 9 },
            ImportError::UnknownRole { role: "donor".into() },
            ImportError::UnknownStatement { id: "nope".into() },
            ImportError::NameTooLong,
            ImportError::TextTooLong,
            ImportError::NoPartner,
            ImportError::DifferentInstruments,
            ImportError::BothSameRole,
            ImportError::NoRoundDate,
            ImportError::BadAction { what: "x".into() },
            ImportError::NoSideOfRole { role: "local".into() },
        ];
        for error in errors {
            let message = import_message(t(), &error, Some(&instrument), true);
            assert!(!message.contains('{') && message.ends_with("Nothing was changed."), "{error:?}: {message}");
        }
    }
}
