//! A partner's score per dimension: the mean of the items they rated, "don't know" left out.

use super::instrument::{Dimension, Instrument, Item};
use super::responses::Responses;

/// A score or gap in tenths of a scale point, exactly as shown (one decimal).
///
/// Means are rounded once, half away from zero, in integer arithmetic, and gaps are the
/// difference of the rounded means, so every number a partner reads adds up with the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tenths(pub i32);

impl Tenths {
    /// The mean of `count` ratings summing to `sum`; `None` when nothing was rated.
    pub fn mean(sum: u32, count: u32) -> Option<Tenths> {
        if count == 0 {
            return None;
        }
        let (sum, count) = (i64::from(sum), i64::from(count));
        // floor(10 * sum / count + 1/2), for non-negative sums.
        let tenths = (20 * sum + count) / (2 * count);
        i32::try_from(tenths).ok().map(Tenths)
    }

    pub fn whole(points: i32) -> Tenths {
        Tenths(points * 10)
    }

    pub fn abs(self) -> Tenths {
        Tenths(self.0.abs())
    }

    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 10.0
    }
}

impl std::ops::Sub for Tenths {
    type Output = Tenths;
    fn sub(self, other: Tenths) -> Tenths {
        Tenths(self.0 - other.0)
    }
}

impl std::fmt::Display for Tenths {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{}", abs / 10, abs % 10)
    }
}

/// A partner's score for one dimension, or, where statements are about one side of the
/// partnership, for the statements of one dimension about one side (a *group*): each partner's
/// view of itself and of the other is scored apart, never mixed into one number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DimensionScore {
    pub dimension_id: String,
    /// The role the group's statements are about; `None` for the partnership as a whole.
    pub about: Option<String>,
    pub mean: Option<Tenths>,
    /// Items given a point of the scale.
    pub rated: usize,
    /// Items answered "don't know / not applicable".
    pub not_applicable: usize,
    pub items: usize,
}

impl DimensionScore {
    /// What the score is of: its dimension, and the side its statements are about.
    pub fn key(&self) -> (&str, Option<&str>) {
        (&self.dimension_id, self.about.as_deref())
    }
}

/// The groups an instrument is scored in, in its order: each dimension, split by the side its
/// statements are about (in the order those first appear), as (dimension, about).
pub fn groups(instrument: &Instrument) -> Vec<(&Dimension, Option<&str>)> {
    let mut groups: Vec<(&Dimension, Option<&str>)> = Vec::new();
    for dimension in &instrument.dimensions {
        for item in &dimension.items {
            let about = item.about.as_deref();
            if !groups.iter().any(|(d, a)| d.id == dimension.id && *a == about) {
                groups.push((dimension, about));
            }
        }
    }
    groups
}

/// One score per group (see [`groups`]), in the instrument's order.
pub fn dimension_scores(instrument: &Instrument, responses: &Responses) -> Vec<DimensionScore> {
    groups(instrument)
        .into_iter()
        .map(|(dimension, about)| {
            let items: Vec<_> = dimension.items.iter().filter(|i| i.about.as_deref() == about).collect();
            let ratings: Vec<_> = items.iter().filter_map(|i| responses.rating(&i.id)).collect();
            let scores: Vec<u32> = ratings.iter().filter_map(|r| r.score()).map(u32::from).collect();
            let rated = scores.len();
            DimensionScore {
                dimension_id: dimension.id.clone(),
                about: about.map(str::to_string),
                mean: Tenths::mean(scores.iter().sum(), u32::try_from(rated).unwrap_or(u32::MAX)),
                rated,
                not_applicable: ratings.len() - rated,
                items: items.len(),
            }
        })
        .collect()
}

/// How much of the instrument is answered: a rating or "don't know" counts as answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
}

/// How much of what `responses`' role answers is answered.
pub fn progress(instrument: &Instrument, responses: &Responses) -> Progress {
    let items = || instrument.items_for(&responses.role);
    Progress {
        answered: items().filter(|(_, item)| responses.rating(&item.id).is_some()).count(),
        total: items().count(),
    }
}

/// A checklist's boxes not ticked: every statement the role of `responses` answers that is below
/// the top of the scale ("no", "partly") or not answered yet, in the instrument's order. "Not yet
/// relevant" (the not-applicable answer) is not a box left unticked.
pub fn not_ticked<'a>(instrument: &'a Instrument, responses: &Responses) -> Vec<(&'a Dimension, &'a Item)> {
    instrument
        .items_for(&responses.role)
        .filter(|(_, item)| match responses.rating(&item.id) {
            Some(rating) => rating.score().is_some_and(|s| s < instrument.scale.max),
            None => true,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::responses::Rating;
    use proptest::prelude::*;

    #[test]
    fn means_round_half_away_from_zero() {
        assert_eq!(Tenths::mean(9, 4), Some(Tenths(23))); // 2.25
        assert_eq!(Tenths::mean(11, 4), Some(Tenths(28))); // 2.75
        assert_eq!(Tenths::mean(10, 3), Some(Tenths(33))); // 3.333…
        assert_eq!(Tenths::mean(11, 3), Some(Tenths(37))); // 3.666…
        assert_eq!(Tenths::mean(0, 0), None);
    }

    #[test]
    fn tenths_print_with_one_decimal_and_sign() {
        assert_eq!(Tenths(35).to_string(), "3.5");
        assert_eq!(Tenths(-3).to_string(), "-0.3");
        assert_eq!(Tenths(-20).to_string(), "-2.0");
        assert_eq!(Tenths(0).to_string(), "0.0");
    }

    #[test]
    fn scores_skip_not_applicable_and_count_it() {
        let instrument = crate::content::builtin().remove(0);
        let dimension = &instrument.dimensions[1];
        let mut responses = Responses::new(&instrument, "local", "A", "B", "t");
        responses.set_rating(&dimension.items[0].id, Some(Rating::Score(5)), "t");
        responses.set_rating(&dimension.items[1].id, Some(Rating::Score(2)), "t");
        responses.set_rating(&dimension.items[2].id, Some(Rating::NotApplicable), "t");
        let scores = dimension_scores(&instrument, &responses);
        assert_eq!(scores[1].mean, Some(Tenths(35)));
        assert_eq!((scores[1].rated, scores[1].not_applicable, scores[1].items), (2, 1, dimension.items.len()));
        assert_eq!(scores[0].mean, None);
        assert_eq!(progress(&instrument, &responses), Progress { answered: 3, total: instrument.item_count() });
    }

    proptest! {
        #[test]
        fn a_mean_lies_within_the_ratings(ratings in prop::collection::vec(1u8..=5, 1..40)) {
            let sum: u32 = ratings.iter().map(|&r| u32::from(r)).sum();
            let mean = Tenths::mean(sum, ratings.len() as u32).unwrap();
            let lo = i32::from(*ratings.iter().min().unwrap()) * 10;
            let hi = i32::from(*ratings.iter().max().unwrap()) * 10;
            prop_assert!(lo <= mean.0 && mean.0 <= hi);
            // Within half a tenth of the exact mean.
            let exact = f64::from(sum) / ratings.len() as f64 * 10.0;
            prop_assert!((f64::from(mean.0) - exact).abs() <= 0.5 + 1e-9);
        }

        #[test]
        fn not_applicable_answers_never_move_a_score(
            ratings in prop::collection::vec(prop::option::of(1u8..=5), 0..9),
        ) {
            let instrument = crate::content::builtin().remove(0);
            let dimension = &instrument.dimensions[0];
            let mut with_na = Responses::new(&instrument, "local", "A", "B", "t");
            let mut without = with_na.clone();
            for (item, rating) in dimension.items.iter().zip(&ratings) {
                match rating {
                    Some(score) => {
                        with_na.set_rating(&item.id, Some(Rating::Score(*score)), "t");
                        without.set_rating(&item.id, Some(Rating::Score(*score)), "t");
                    }
                    None => with_na.set_rating(&item.id, Some(Rating::NotApplicable), "t"),
                }
            }
            let a = &dimension_scores(&instrument, &with_na)[0];
            let b = &dimension_scores(&instrument, &without)[0];
            prop_assert_eq!(a.mean, b.mean);
            prop_assert_eq!(a.rated, b.rated);
            prop_assert_eq!(a.rated + a.not_applicable, ratings.iter().take(dimension.items.len()).count());
        }
    }

    #[test]
    fn a_checklist_lists_the_boxes_not_ticked_in_order() {
        let mut instrument = crate::content::example();
        instrument.kind = crate::domain::instrument::Kind::Checklist;
        let ids: Vec<String> = instrument.items().map(|(_, i)| i.id.clone()).collect();
        let mut responses = Responses::new(&instrument, "member", "A", "B", "t");
        responses.set_rating(&ids[0], Some(Rating::Score(instrument.scale.max)), "t");
        responses.set_rating(&ids[1], Some(Rating::NotApplicable), "t");
        let open: Vec<&str> = not_ticked(&instrument, &responses).into_iter().map(|(_, i)| i.id.as_str()).collect();
        assert_eq!(open, [ids[2].as_str()], "ticked and not-yet-relevant boxes are not listed; an unanswered one is");
        responses.set_rating(&ids[2], Some(Rating::Score(instrument.scale.max - 1)), "t");
        assert_eq!(not_ticked(&instrument, &responses).len(), 1, "partly is not ticked");
        responses.set_rating(&ids[2], Some(Rating::Score(instrument.scale.max)), "t");
        assert!(not_ticked(&instrument, &responses).is_empty());
    }
}
