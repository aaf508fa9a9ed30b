//! The joint session: the order in which the partners talk the dimensions through together.

use super::gap::{Comparison, DimensionGap, ItemGap};
use super::responses::Responses;

/// The score both partners give a dimension together, doubled so that it stays exact (3.3 and
/// 3.4 make 3.35, above 3.3 and 3.3): their two scores added, or twice the one score there is
/// when only one of them rated it. It orders the dimensions; it is never shown.
pub fn shared_score_doubled(dimension: &DimensionGap) -> Option<i32> {
    match (dimension.own.mean, dimension.partner.mean) {
        (Some(a), Some(b)) => Some(a.0 + b.0),
        (one, other) => one.or(other).map(|s| 2 * s.0),
    }
}

/// Dimensions in the order to discuss them: first those with a large gap, largest first, where
/// the partners see things most differently; then the others by their shared score, lowest first,
/// where the partnership is weakest in both partners' eyes; then any neither partner rated.
/// Ties keep the comparison's order: the larger gap first, then the instrument's order.
pub fn talking_order(comparison: &Comparison) -> Vec<&DimensionGap> {
    // The comparison lists large gaps first already, largest first, ties in the instrument's
    // order. The rest are few (an instrument has a handful of dimensions), so they are picked
    // lowest first rather than sorted: a sort would add kilobytes of download for ten items.
    let (mut order, mut rest): (Vec<&DimensionGap>, Vec<&DimensionGap>) =
        comparison.dimensions.iter().partition(|d| d.large);
    // `min_by_key` returns the first of equals, so ties keep the comparison's order.
    while let Some(lowest) =
        (0..rest.len()).min_by_key(|&i| (shared_score_doubled(rest[i]).is_none(), shared_score_doubled(rest[i])))
    {
        order.push(rest.remove(lowest));
    }
    order
}

/// The statements of one dimension (or group) to talk through: those with a large gap, and
/// those either partner commented on, largest gap first (the comparison's order).
pub fn statements_to_discuss<'a>(
    comparison: &'a Comparison,
    group: &DimensionGap,
    own: &Responses,
    partner: &Responses,
) -> Vec<&'a ItemGap> {
    comparison
        .items
        .iter()
        .filter(|g| (g.dimension_id.as_str(), g.about.as_deref()) == group.key())
        .filter(|g| g.large || !own.comment(&g.item_id).is_empty() || !partner.comment(&g.item_id).is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{compare, DimensionScore, Instrument, Rating, Responses, Tenths};
    use proptest::prelude::*;

    fn instrument() -> Instrument {
        crate::content::builtin().remove(0)
    }

    /// Both partners' answers, one rating per dimension for every item of it.
    fn rated(instrument: &Instrument, own: &[Option<u8>], partner: &[Option<u8>]) -> (Responses, Responses) {
        let mut a = Responses::new(instrument, &instrument.roles[0].id, "A", "B", "t");
        let mut b = Responses::new(instrument, &instrument.roles[1].id, "B", "A", "t");
        for (d, dimension) in instrument.dimensions.iter().enumerate() {
            for item in &dimension.items {
                a.set_rating(&item.id, own.get(d).copied().flatten().map(Rating::Score), "t");
                b.set_rating(&item.id, partner.get(d).copied().flatten().map(Rating::Score), "t");
            }
        }
        (a, b)
    }

    fn ids<'a>(order: &[&'a DimensionGap]) -> Vec<&'a str> {
        order.iter().map(|d| d.dimension_id()).collect()
    }

    #[test]
    fn large_gaps_come_first_then_the_lowest_shared_scores_then_the_unrated() {
        let instrument = instrument();
        let dims: Vec<&str> = instrument.dimensions.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(dims.len(), 5);
        // Gaps: 0, 3 (large), 1, 4 (large), unrated. Shared scores of the others: 2.0, 4.5.
        let (a, b) = rated(
            &instrument,
            &[Some(2), Some(5), Some(5), Some(5), None],
            &[Some(2), Some(2), Some(4), Some(1), None],
        );
        let comparison = compare(&instrument, &a, &b);
        assert_eq!(ids(&talking_order(&comparison)), [dims[3], dims[1], dims[0], dims[2], dims[4]]);
    }

    #[test]
    fn the_shared_score_is_the_sum_of_both_or_twice_the_one_there_is() {
        let instrument = instrument();
        let (a, b) = rated(&instrument, &[Some(4), Some(3), None], &[Some(1), None, None]);
        let comparison = compare(&instrument, &a, &b);
        let shared =
            |id: &str| comparison.dimensions.iter().find(|d| d.dimension_id() == id).and_then(shared_score_doubled);
        assert_eq!(shared(&instrument.dimensions[0].id), Some(50), "4.0 + 1.0, in tenths");
        assert_eq!(shared(&instrument.dimensions[1].id), Some(60), "twice 3.0");
        assert_eq!(shared(&instrument.dimensions[2].id), None);
    }

    /// Scores a tenth apart are not rounded together: 3.3 and 3.4 (together 3.35) come after
    /// 3.3 and 3.3, though their gap is larger.
    #[test]
    fn a_half_tenth_orders_the_shared_scores() {
        let side = |id: &str, mean: i32| DimensionScore {
            dimension_id: id.into(),
            about: None,
            mean: Some(Tenths(mean)),
            rated: 1,
            not_applicable: 0,
            items: 1,
        };
        let dimension = |id: &str, own: i32, partner: i32| DimensionGap {
            own: side(id, own),
            partner: side(id, partner),
            gap: Some(Tenths(own - partner)),
            large: false,
            blind_spot: None,
        };
        let comparison =
            Comparison { dimensions: vec![dimension("apart", 33, 34), dimension("same", 33, 33)], items: Vec::new() };
        assert_eq!(ids(&talking_order(&comparison)), ["same", "apart"]);
    }

    proptest! {
        /// Whatever the answers: every dimension appears once; large gaps come first, largest
        /// first; then the others with shared scores that never go down; the unrated last.
        #[test]
        fn the_order_holds_for_any_answers(
            own in prop::collection::vec(prop::option::of(1u8..=5), 5),
            partner in prop::collection::vec(prop::option::of(1u8..=5), 5),
        ) {
            let instrument = instrument();
            let (a, b) = rated(&instrument, &own, &partner);
            let comparison = compare(&instrument, &a, &b);
            let order = talking_order(&comparison);
            let mut seen = ids(&order);
            seen.sort_unstable();
            let mut all: Vec<&str> = instrument.dimensions.iter().map(|d| d.id.as_str()).collect();
            all.sort_unstable();
            prop_assert_eq!(seen, all);
            let first_not_large = order.iter().position(|d| !d.large).unwrap_or(order.len());
            prop_assert!(order[first_not_large..].iter().all(|d| !d.large));
            let gaps: Vec<i32> = order[..first_not_large].iter().filter_map(|d| d.gap).map(|g| g.0.abs()).collect();
            prop_assert_eq!(gaps.len(), first_not_large, "a large gap has a gap");
            prop_assert!(gaps.windows(2).all(|w| w[0] >= w[1]), "{:?}", gaps);
            let rest: Vec<Option<i32>> = order[first_not_large..].iter().map(|d| shared_score_doubled(d)).collect();
            let first_unrated = rest.iter().position(Option::is_none).unwrap_or(rest.len());
            prop_assert!(rest[first_unrated..].iter().all(Option::is_none), "unrated last: {:?}", rest);
            prop_assert!(rest[..first_unrated].windows(2).all(|w| w[0] <= w[1]), "{:?}", rest);
        }
    }
}
