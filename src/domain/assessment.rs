//! An assessment as this browser keeps it: one partner's own answers, the partner's once their
//! file is opened, the actions agreed, the round's date, earlier rounds and the passphrases of
//! the protected files downloaded from it; and the rules of sealing, re-opening and adding
//! rounds.

use serde::Serialize;

use super::json::{self, Reader};
use super::plan::Action;
use super::responses::Responses;
use super::result_file::{ImportError, ResultFile};

/// The version of the stored assessment record; raised on any change to its shape, so an older
/// page still open elsewhere keeps newer entries aside instead of writing them back without what
/// it does not know. 2: the seal (`sealed_at`, `reopened_after_comparison`) and the action plan.
/// 3: the round's date (`round_date`) and earlier rounds (`earlier_rounds`). 4: the name of the
/// person who answered (`respondent`). 5: the protected files downloaded, with their passphrases
/// (`exports`).
pub const STORE_VERSION: u32 = 5;

/// How many protected files' passphrases are kept with an assessment: the latest ones. A file
/// sent long ago and never opened is exported afresh.
pub const MAX_EXPORTS: usize = 20;

/// A protected file downloaded from this assessment (a result file or a joint file) and the
/// passphrase it was protected with, so that its sender can give the passphrase again to a
/// partner who lost it (issue 19). Kept in this browser beside the answers the file holds,
/// which are there in plain already; never a passphrase typed to open someone else's file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Export {
    /// The file's name, as it was offered.
    pub file: String,
    /// When it was downloaded, ISO 8601.
    pub at: String,
    pub passphrase: String,
}

impl Export {
    fn read(reader: &mut Reader, value: &serde_json::Value, path: String) -> Option<Export> {
        let o = reader.open(value, &path)?;
        Some(Export {
            file: reader.text(&o, "file"),
            at: reader.text(&o, "at"),
            passphrase: reader.text(&o, "passphrase"),
        })
    }
}

/// An assessment as kept in this browser: one partner's own responses and, once imported, the
/// other partner's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub store_version: u32,
    /// Local key; never leaves the browser.
    pub id: String,
    pub own: Responses,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner: Option<Responses>,
    /// The actions both partners agreed in the joint session.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<Action>,
    /// The day of the joint session, `YYYY-MM-DD`, when the partners set it (see
    /// [`Assessment::round_date`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub round_date: Option<String>,
    /// Joint files of earlier rounds, added to see how the partnership moved (`rounds.rs`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub earlier_rounds: Vec<ResultFile>,
    /// The protected files downloaded from this assessment, oldest first, at most
    /// [`MAX_EXPORTS`].
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub exports: Vec<Export>,
}

impl Assessment {
    pub fn new(id: String, own: Responses) -> Self {
        Assessment {
            store_version: STORE_VERSION,
            id,
            own,
            partner: None,
            plan: Vec::new(),
            round_date: None,
            earlier_rounds: Vec::new(),
            exports: Vec::new(),
        }
    }

    /// Records a protected file downloaded from this assessment with its passphrase, forgetting
    /// the oldest beyond [`MAX_EXPORTS`].
    pub fn record_export(&mut self, export: Export) {
        self.exports.push(export);
        let over = self.exports.len().saturating_sub(MAX_EXPORTS);
        self.exports.drain(..over);
    }

    /// The day of this round's joint session: as the partners set it, or else the day the later
    /// of them sealed their answers (the earliest the session could be held), or else the day
    /// of the last change to the own answers.
    pub fn round_date(&self) -> String {
        let seals =
            [Some(&self.own), self.partner.as_ref()].into_iter().flatten().filter_map(|r| r.sealed_at.as_deref());
        let day = self.round_date.as_deref().or_else(|| seals.max()).unwrap_or(&self.own.updated_at);
        day.get(..10).unwrap_or(day).to_string()
    }

    /// Locks the own answers as they are now, dated, so that opening the partner's file cannot
    /// change them. Sealing again keeps the first date.
    pub fn seal(&mut self, now: &str) {
        self.own.sealed_at.get_or_insert_with(|| now.to_string());
    }

    /// Opens sealed answers for changes again. Once the partner's answers are in, this is
    /// recorded with its date, and the partner sees it in the comparison.
    pub fn reopen(&mut self, now: &str) {
        if self.own.sealed_at.take().is_some() && self.partner.is_some() {
            self.own.reopened_after_comparison.push(now.to_string());
        }
    }

    /// The partner's file may only be opened over sealed answers.
    pub fn may_open_partner_file(&self) -> bool {
        self.own.is_sealed()
    }

    /// Reads a stored entry. `None` when it is damaged, or was written by a newer version of the
    /// app (an older page left open must not load it and write it back without what it does not
    /// know): such entries are kept aside, untouched.
    pub fn from_stored(text: &str) -> Option<Assessment> {
        let value = json::parse(text).ok()?;
        let mut reader = Reader::default();
        let assessment = reader.open(&value, "").map(|o| Assessment {
            store_version: reader.whole(&o, "store_version"),
            id: reader.text(&o, "id"),
            own: reader.nested_required(&o, "own", Responses::read).unwrap_or_else(Responses::empty),
            partner: reader.nested(&o, "partner", Responses::read),
            plan: reader.list(&o, "plan", false, Action::read),
            round_date: reader.optional_text(&o, "round_date"),
            earlier_rounds: reader.list(&o, "earlier_rounds", false, ResultFile::read),
            exports: reader.list(&o, "exports", false, Export::read),
        });
        let mut assessment = reader.first_problem(assessment).ok().filter(|a| a.store_version <= STORE_VERSION)?;
        // Written back by this version from now on, perhaps with fields an older one would drop.
        assessment.store_version = STORE_VERSION;
        Some(assessment)
    }

    /// Whether an earlier round's joint file (read by `joint_file::read_joint_file`) belongs
    /// here: the same questionnaire, with a side of the own role.
    pub fn may_add_round(&self, file: &ResultFile) -> Result<(), ImportError> {
        if file.responses.instrument.id != self.own.instrument.id {
            return Err(ImportError::WrongInstrument { found: file.responses.instrument.id.clone() });
        }
        if ![Some(&file.responses), file.partner.as_ref()].into_iter().flatten().any(|r| r.role == self.own.role) {
            return Err(ImportError::NoSideOfRole { role: self.own.role.clone() });
        }
        Ok(())
    }

    /// Adds an earlier round, if it belongs here, in date order. A round of the same day as one
    /// already added replaces it: one round per day.
    pub fn add_earlier_round(&mut self, file: ResultFile) -> Result<(), ImportError> {
        self.may_add_round(&file)?;
        self.earlier_rounds.retain(|r| r.round_date != file.round_date);
        let at = self.earlier_rounds.partition_point(|r| r.round_date <= file.round_date);
        self.earlier_rounds.insert(at, file);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Rating;

    #[test]
    fn entries_from_a_newer_version_are_kept_aside() {
        let fixture = include_str!("../../tests/fixtures/stored-assessment-v1.json");
        assert!(Assessment::from_stored(fixture).is_some());
        let newer = fixture.replacen("\"store_version\": 1", &format!("\"store_version\": {}", STORE_VERSION + 1), 1);
        assert_ne!(newer, fixture);
        assert!(Assessment::from_stored(&newer).is_none());
        assert!(Assessment::from_stored("{").is_none());
    }

    #[test]
    fn sealed_answers_do_not_change_and_reopening_after_comparison_is_recorded() {
        let instrument = crate::content::builtin().remove(0);
        let mut a = Assessment::new("a".into(), Responses::new(&instrument, "local", "Org", "Other", "t0"));
        a.own.set_rating("x", Some(Rating::Score(2)), "t1");
        assert!(!a.may_open_partner_file());
        a.seal("t2");
        a.seal("t3");
        assert_eq!(a.own.sealed_at.as_deref(), Some("t2"));
        assert!(a.may_open_partner_file());
        let before = a.own.clone();
        a.own.set_rating("x", Some(Rating::Score(5)), "t4");
        a.own.set_comment("x", "changed", "t4");
        a.own.set_reflection("q", "changed", "t4");
        assert_eq!(a.own, before, "sealed answers are unchanged");

        // Re-opened before seeing anything: nothing to record.
        a.reopen("t5");
        assert!(a.own.reopened_after_comparison.is_empty());
        a.own.set_rating("x", Some(Rating::Score(4)), "t6");
        assert_eq!(a.own.rating("x"), Some(Rating::Score(4)));

        // Re-opened after the partner's answers were in: recorded.
        a.seal("t7");
        a.partner = Some(Responses::new(&instrument, "international", "Other", "Org", "t0"));
        a.reopen("t8");
        assert_eq!(a.own.reopened_after_comparison, ["t8"]);
        assert!(!a.own.is_sealed());
        a.reopen("t9");
        assert_eq!(a.own.reopened_after_comparison, ["t8"], "re-opening open answers records nothing");
    }

    #[test]
    fn the_passphrases_of_protected_files_are_kept_the_latest_first_to_stay() {
        let instrument = crate::content::builtin().remove(0);
        let mut a = Assessment::new("a".into(), Responses::new(&instrument, "local", "Org", "Other", "t0"));
        for n in 0..MAX_EXPORTS + 3 {
            a.record_export(Export { file: format!("f{n}.json"), at: format!("t{n}"), passphrase: format!("p{n}") });
        }
        assert_eq!(a.exports.len(), MAX_EXPORTS);
        assert_eq!(a.exports[0].file, "f3.json", "the oldest are forgotten");
        assert_eq!(a.exports[MAX_EXPORTS - 1].passphrase, format!("p{}", MAX_EXPORTS + 2));
        let back = Assessment::from_stored(&serde_json::to_string(&a).unwrap()).unwrap();
        assert_eq!(back, a);
        let fixture = include_str!("../../tests/fixtures/stored-assessment-v5.json");
        let v5 = Assessment::from_stored(fixture).expect("a version 5 entry loads");
        assert_eq!(v5.exports.len(), 1);
        assert_eq!(v5.exports[0].passphrase, "7kqm-x3pa-9fwd-hc2e-ub4n");
        let damaged = fixture.replacen("\"passphrase\": \"7kqm-x3pa-9fwd-hc2e-ub4n\"", "\"passphrase\": 7", 1);
        assert_ne!(damaged, fixture);
        assert_eq!(Assessment::from_stored(&damaged), None, "a damaged entry is kept aside");
    }

    #[test]
    fn the_seal_and_the_plan_survive_storage_and_old_records_load_open() {
        let instrument = crate::content::builtin().remove(0);
        let mut a = Assessment::new("a".into(), Responses::new(&instrument, "local", "Org", "Other", "t0"));
        a.seal("t1");
        a.partner = Some(Responses::new(&instrument, "international", "Other", "Org", "t0"));
        a.reopen("t2");
        a.seal("t3");
        a.plan.push(
            crate::domain::plan::Action::new("foundation", "Write the MoU together", "Both", "2027-03-31").unwrap(),
        );
        let back = Assessment::from_stored(&serde_json::to_string(&a).unwrap()).unwrap();
        assert_eq!(back, a);
        let v1 = Assessment::from_stored(include_str!("../../tests/fixtures/stored-assessment-v1.json")).unwrap();
        assert_eq!((v1.own.sealed_at, v1.own.reopened_after_comparison.len()), (None, 0));
        assert_eq!(v1.store_version, STORE_VERSION, "written back as this version, which knows all its fields");
    }
}
