//! The joint file: one round of the partnership's review in one file (both partners' answers,
//! the actions they agreed and the day of their joint session), so that either partner can
//! reopen the whole session later, and earlier rounds can be compared with later ones. It is a
//! result file with the partner's answers, the plan and the round's date filled in, under its
//! own format name. The comparison itself is not written: it is worked out again from the
//! answers by the same rules, so a file cannot hold a comparison that disagrees with them.
//! Format: `docs/result-file-format.md`.

use std::sync::Arc;

use super::assessment::Assessment;
use super::instrument::Instrument;
use super::plan::{is_date, Action};
use super::result_file::{check_responses, read_file, ImportError, ResultFile};

pub use super::result_file::JOINT_FORMAT_NAME as FORMAT_NAME;

/// The joint file of an assessment, once the partner's answers are in.
pub fn joint_file(assessment: &Assessment, exported_at: &str) -> Option<ResultFile> {
    let mut file = ResultFile::new(&assessment.own, exported_at);
    file.format = FORMAT_NAME.to_string();
    file.partner = Some(assessment.partner.clone()?);
    file.plan = assessment.plan.clone();
    file.round_date = Some(assessment.round_date());
    Some(file)
}

/// A joint file as an assessment kept in this browser, seen from the side of the partner who
/// opens it: `own_side` 0 for the file's `responses`, 1 for its `partner`.
pub fn into_assessment(file: ResultFile, id: String, own_side: usize) -> Option<Assessment> {
    let mut sides = [file.responses, file.partner?];
    sides.rotate_left(own_side.min(1));
    let [own, partner] = sides;
    let mut assessment = Assessment::new(id, own);
    assessment.partner = Some(partner);
    assessment.plan = file.plan;
    assessment.round_date = file.round_date;
    Some(assessment)
}

/// Reads a joint file, refusing it unless it is sound: two partners with different roles on one
/// questionnaire this app has (`instrument_of` finds it by id), answers that fit it, a real
/// date, and actions that name its dimensions and follow the plan's rules. (One function for
/// every caller, not a generic one: each copy would add to the download.)
pub fn read_joint_file(
    text: &str,
    instrument_of: &dyn Fn(&str) -> Option<Arc<Instrument>>,
) -> Result<(ResultFile, Arc<Instrument>), ImportError> {
    let file = read_file(text, FORMAT_NAME)?;
    let Some(partner) = &file.partner else {
        return Err(ImportError::NoPartner);
    };
    let first = &file.responses;
    if first.instrument.id != partner.instrument.id {
        return Err(ImportError::DifferentInstruments);
    }
    let Some(found) = instrument_of(&first.instrument.id) else {
        return Err(ImportError::UnknownInstrument { found: first.instrument.id.clone() });
    };
    let instrument = &*found;
    check_responses(first, instrument)?;
    check_responses(partner, instrument)?;
    if first.role == partner.role {
        return Err(ImportError::BothSameRole);
    }
    if !file.round_date.as_deref().is_some_and(is_date) {
        return Err(ImportError::NoRoundDate);
    }
    for action in &file.plan {
        if instrument.dimension(&action.dimension).is_none()
            || Action::new(&action.dimension, &action.what, &action.who, &action.by_when).is_err()
        {
            return Err(ImportError::BadAction { what: action.what.clone() });
        }
    }
    Ok((file, found))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::json::{Shape, ShapeProblem, Type};
    use crate::domain::{Rating, Responses};

    fn instrument() -> Instrument {
        crate::content::builtin().remove(0)
    }

    /// A round as the local partner's browser holds it after the joint session.
    fn assessment() -> Assessment {
        let instrument = instrument();
        let item = |n: usize| instrument.dimensions[n].items[0].id.clone();
        let mut own = Responses::new(&instrument, "local", "Lake <b>Women</b>", "Nordic Aid", "2026-01-02T10:00:00Z");
        own.set_rating(&item(0), Some(Rating::Score(2)), "t");
        own.set_comment(&item(1), "Plans \"arrive\" finished, <script>", "t");
        own.sealed_at = Some("2026-01-05T09:00:00Z".into());
        let mut partner = Responses::new(&instrument, "international", "Nordic Aid", "Lake <b>Women</b>", "t");
        partner.set_rating(&item(0), Some(Rating::Score(5)), "t");
        partner.set_reflection(&instrument.reflections[0].id, "Budget decisions sit with us.", "t");
        partner.sealed_at = Some("2026-01-06T15:00:00Z".into());
        let mut a = Assessment::new("a".into(), own);
        a.partner = Some(partner);
        a.plan.push(Action::new(&instrument.dimensions[0].id, "Write the MoU together", "Both", "2027-03-31").unwrap());
        a
    }

    fn file() -> String {
        joint_file(&assessment(), "2026-01-07T10:00:00Z").unwrap().to_json()
    }

    fn read(text: &str) -> Result<ResultFile, ImportError> {
        let builtin = instrument();
        read_joint_file(text, &|id| (id == builtin.id).then(|| Arc::new(builtin.clone()))).map(|(file, _)| file)
    }

    fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut value: serde_json::Value = serde_json::from_str(&file()).unwrap();
        edit(&mut value);
        value.to_string()
    }

    #[test]
    fn a_session_reopens_whole_from_either_side() {
        let original = assessment();
        let file = read(&file()).expect("accepted");
        assert_eq!(file.round_date.as_deref(), Some("2026-01-06"), "by default, the day the later partner sealed");
        let local = into_assessment(file.clone(), "b".into(), 0).unwrap();
        assert_eq!((&local.own, &local.partner, &local.plan), (&original.own, &original.partner, &original.plan));
        assert_eq!(local.round_date.as_deref(), Some("2026-01-06"));
        let international = into_assessment(file, "c".into(), 1).unwrap();
        assert_eq!(Some(international.own), original.partner);
        assert_eq!(international.partner, Some(original.own));
        assert_eq!(international.plan, original.plan);
    }

    #[test]
    fn the_round_date_is_the_one_set_or_the_later_seal() {
        let mut a = assessment();
        let date = |a: &Assessment| joint_file(a, "t").and_then(|f| f.round_date);
        a.round_date = Some("2026-02-01".into());
        assert_eq!(date(&a).as_deref(), Some("2026-02-01"));
        a.round_date = None;
        a.own.sealed_at = Some("2026-03-09T23:00:00Z".into());
        assert_eq!(date(&a).as_deref(), Some("2026-03-09"));
        a.partner = None;
        assert_eq!(joint_file(&a, "t"), None, "no joint file before the partner's answers are in");
    }

    #[test]
    fn each_kind_of_file_is_named_where_the_other_is_expected() {
        let builtin = instrument();
        let result_file = crate::domain::ResultFile::new(&assessment().own, "t").to_json();
        assert_eq!(read(&result_file), Err(ImportError::OtherKindOfFile));
        assert_eq!(
            crate::domain::result_file::read_partner_file(&file(), &builtin, "local"),
            Err(ImportError::OtherKindOfFile)
        );
    }

    #[test]
    fn unsound_joint_files_are_refused_with_the_reason() {
        assert_eq!(read(&file()[..200]), Err(ImportError::Truncated));
        assert_eq!(
            read(&edited(|v| v["format_version"] = 2.into())),
            Err(ImportError::UnsupportedVersion { found: 2 })
        );
        let both = |id: &str| {
            edited(|v| {
                v["responses"]["instrument"]["id"] = id.into();
                v["partner"]["instrument"]["id"] = id.into();
            })
        };
        assert_eq!(read(&both("unknown")), Err(ImportError::UnknownInstrument { found: "unknown".into() }));
        let refused = |text: String, reason: ImportError| assert_eq!(read(&text), Err(reason.clone()), "{reason:?}");
        refused(edited(|v| v["responses"]["instrument"]["id"] = "other".into()), ImportError::DifferentInstruments);
        refused(
            edited(|v| {
                v.as_object_mut().unwrap().remove("partner");
            }),
            ImportError::NoPartner,
        );
        refused(edited(|v| v["partner"]["role"] = "local".into()), ImportError::BothSameRole);
        refused(
            edited(|v| v["partner"]["answers"]["nope"] = serde_json::json!({"rating": 3, "answered_at": "t"})),
            ImportError::UnknownStatement { id: "nope".into() },
        );
        refused(edited(|v| v["round_date"] = "next spring".into()), ImportError::NoRoundDate);
        refused(
            edited(|v| {
                v.as_object_mut().unwrap().remove("round_date");
            }),
            ImportError::NoRoundDate,
        );
        let bad_action = ImportError::BadAction { what: "Write the MoU together".into() };
        refused(edited(|v| v["plan"][0]["dimension"] = "nowhere".into()), bad_action.clone());
        refused(edited(|v| v["plan"][0]["by_when"] = "soon".into()), bad_action);
        refused(edited(|v| v["plan"][0]["what"] = " ".into()), ImportError::BadAction { what: " ".into() });
        let damaged = |path: &str, shape| ImportError::Damaged(ShapeProblem { path: path.into(), shape });
        refused(
            edited(|v| v["plan"][0]["done"] = "yes".into()),
            damaged("plan[0].done", Shape::Expected(Type::TrueOrFalse)),
        );
    }

    /// Written by hand from `docs/joint-file-format.md`, never regenerated from the code.
    #[test]
    fn joint_files_of_every_format_version_still_load() {
        let file = read(include_str!("../../tests/fixtures/joint-file-v1.json")).expect("a version 1 joint file loads");
        assert_eq!(file.round_date.as_deref(), Some("2026-11-21"));
        assert_eq!(file.responses.rating("foundation.co-creation"), Some(Rating::Score(2)));
        assert_eq!(file.partner.map(|p| p.rating("foundation.co-creation")), Some(Some(Rating::Score(4))));
        assert_eq!(file.plan.len(), 1);
        assert!(file.plan[0].done);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(crate::domain::fuzz_cases()))]

        /// Any text, and a real joint file cut or with one byte changed: refused or read, never
        /// a panic.
        #[test]
        fn any_text_or_damaged_file_is_refused_or_read_never_a_panic(text in ".{0,300}", cut in 0usize..4000, at in 0usize..4000, byte in 0u8..128) {
            let _ = read(&text);
            let file = file();
            let _ = read(&file[..cut.min(file.len())]);
            let mut bytes = file.into_bytes();
            let at = at % bytes.len();
            bytes[at] = byte;
            if let Ok(damaged) = String::from_utf8(bytes) {
                let _ = read(&damaged);
            }
        }
    }
}
