//! Rounds over time: the partners review their partnership again (a quarterly check-in, a
//! yearly survey), and each round's joint file can be added to a later session, to see how each
//! dimension's scores and gap moved and which agreed actions were done.

use super::assessment::Assessment;
use super::gap::{compare, Comparison};
use super::instrument::Instrument;
use super::plan::Action;
use super::responses::Responses;
use super::scoring::{groups, Tenths};

/// One round, seen from this browser's side: `own` is the side with the assessment's own role.
pub struct Round<'a> {
    pub date: String,
    pub own: &'a Responses,
    pub partner: &'a Responses,
    pub plan: &'a [Action],
}

impl Round<'_> {
    pub fn comparison(&self, instrument: &Instrument) -> Comparison {
        compare(instrument, self.own, self.partner)
    }
}

/// Every round the assessment knows, oldest first: the earlier rounds added from joint files,
/// then its own (last among rounds of the same day). Empty until the partner's answers are in.
pub fn rounds(assessment: &Assessment) -> Vec<Round<'_>> {
    let Some(partner) = &assessment.partner else { return Vec::new() };
    let mut rounds: Vec<Round> = assessment
        .earlier_rounds
        .iter()
        .filter_map(|file| {
            let other = file.partner.as_ref()?;
            let (own, partner) = if file.responses.role == assessment.own.role {
                (&file.responses, other)
            } else {
                (other, &file.responses)
            };
            Some(Round { date: file.round_date.clone().unwrap_or_default(), own, partner, plan: &file.plan })
        })
        .collect();
    // Earlier rounds are kept in date order (see `add_earlier_round`); the assessment's own
    // goes last among rounds of its day. (No sort: its code would add to the download.)
    let date = assessment.round_date();
    let at = rounds.partition_point(|r| r.date <= date);
    rounds.insert(at, Round { date, own: &assessment.own, partner, plan: &assessment.plan });
    rounds
}

/// The dimension (or, where statements are about one side, the group: see
/// [`super::scoring::groups`]) whose gap narrowed or widened most between the first and the last
/// round where both partners rated it, with the side it is about and the gap then and now
/// (signed: own minus partner's); the first in the instrument's order on a tie. A gap of the same
/// size that changed sides has not narrowed or widened: the table shows it. For the sentence that
/// tells the chart's story.
pub fn largest_gap_change(
    instrument: &Instrument,
    rounds: &[Round],
) -> Option<(String, Option<String>, Tenths, Tenths)> {
    let comparisons: Vec<Comparison> = rounds.iter().map(|r| r.comparison(instrument)).collect();
    let gap_in =
        |c: &Comparison, key: (&str, Option<&str>)| c.dimensions.iter().find(|d| d.key() == key).and_then(|d| d.gap);
    groups(instrument)
        .into_iter()
        .filter_map(|(d, about)| {
            let mut gaps = comparisons.iter().filter_map(|c| gap_in(c, (&d.id, about)));
            let first = gaps.next()?;
            let last = gaps.next_back()?;
            Some((d.id.clone(), about.map(str::to_string), first, last))
        })
        .rev()
        .max_by_key(|(_, _, first, last)| (last.abs() - first.abs()).abs())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::joint_file::joint_file;
    use crate::domain::result_file::{ImportError, ResultFile};
    use crate::domain::Rating;

    fn instrument() -> Instrument {
        crate::content::builtin().remove(0)
    }

    /// A round in which every statement of dimension `n` gets `local[n]` from the local partner
    /// and `international[n]` from the international partner.
    fn round(date: &str, local: &[u8], international: &[u8], local_first: bool) -> Assessment {
        let instrument = instrument();
        let mut sides = [("local", local), ("international", international)].map(|(role, ratings)| {
            let mut r = Responses::new(&instrument, role, role, "other", "t");
            for (d, rating) in instrument.dimensions.iter().zip(ratings) {
                for item in &d.items {
                    r.set_rating(&item.id, Some(Rating::Score(*rating)), "t");
                }
            }
            r
        });
        if !local_first {
            sides.reverse();
        }
        let [own, partner] = sides;
        let mut a = Assessment::new(date.into(), own);
        a.partner = Some(partner);
        a.round_date = Some(date.into());
        a
    }

    fn file_of(a: &Assessment) -> ResultFile {
        joint_file(a, "t").unwrap()
    }

    #[test]
    fn rounds_come_oldest_first_each_seen_from_the_own_role() {
        let mut now = round("2026-12-01", &[2, 2], &[5, 5], true);
        // Downloaded by the international partner: its sides are the other way round.
        now.add_earlier_round(file_of(&round("2026-09-01", &[1, 3], &[5, 4], false))).unwrap();
        now.add_earlier_round(file_of(&round("2026-03-01", &[1, 1], &[5, 5], true))).unwrap();
        let rounds = rounds(&now);
        assert_eq!(
            rounds.iter().map(|r| r.date.as_str()).collect::<Vec<_>>(),
            ["2026-03-01", "2026-09-01", "2026-12-01"]
        );
        assert!(rounds.iter().all(|r| r.own.role == "local" && r.partner.role == "international"));
        let first_dimension = &instrument().dimensions[0].items[0].id;
        assert_eq!(rounds[1].own.rating(first_dimension), Some(Rating::Score(1)));
    }

    #[test]
    fn a_round_of_the_same_day_replaces_the_one_added_before_and_other_questionnaires_are_refused() {
        let mut now = round("2026-12-01", &[2], &[5], true);
        now.add_earlier_round(file_of(&round("2026-09-01", &[1], &[5], true))).unwrap();
        now.add_earlier_round(file_of(&round("2026-09-01", &[3], &[3], true))).unwrap();
        assert_eq!(now.earlier_rounds.len(), 1);
        assert_eq!(rounds(&now)[0].own.rating(&instrument().dimensions[0].items[0].id), Some(Rating::Score(3)));
        let mut other = file_of(&round("2026-06-01", &[1], &[5], true));
        other.responses.instrument.id = "civic-partnership".into();
        assert_eq!(
            now.add_earlier_round(other),
            Err(ImportError::WrongInstrument { found: "civic-partnership".into() })
        );
        let back = Assessment::from_stored(&serde_json::to_string(&now).unwrap()).unwrap();
        assert_eq!(back, now, "earlier rounds are kept with the assessment");
    }

    #[test]
    fn no_rounds_before_the_partners_answers_are_in() {
        let mut a = round("2026-12-01", &[2], &[5], true);
        a.partner = None;
        assert!(rounds(&a).is_empty());
    }

    #[test]
    fn the_largest_change_in_a_gap_is_found_between_the_first_and_last_rated_rounds() {
        let instrument = instrument();
        // Dimension 0: gap -3 then -1 (narrowed by 2). Dimension 1: 0 then +1. Dimension 2:
        // unrated by the local partner in the last round, so its last rated gap is the first.
        // Dimension 3: -2 then +2, the same size on the other side.
        let mut now = round("2026-12-01", &[3, 4, 0, 3], &[4, 3, 4, 1], true);
        for item in &instrument.dimensions[2].items {
            now.own.answers.remove(&item.id);
        }
        now.add_earlier_round(file_of(&round("2026-06-01", &[2, 3, 1, 1], &[5, 3, 5, 3], true))).unwrap();
        let change = largest_gap_change(&instrument, &rounds(&now));
        assert_eq!(change, Some((instrument.dimensions[0].id.clone(), None, Tenths(-30), Tenths(-10))));
    }
}
