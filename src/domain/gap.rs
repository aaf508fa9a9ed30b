//! The comparison of two partners' perceptions: gaps per dimension and per item, largest first.

use super::instrument::{Instrument, Scale};
use super::responses::{Rating, Responses};
use super::scoring::{dimension_scores, DimensionScore, Tenths};

/// A gap is "large" when it is at least this fraction of the scale's range (max - min): a third,
/// as 360-degree feedback reports use. On a 1-5 scale that is 1.4 points for a dimension's mean
/// and 2 points for a single item. This is the one place the rule lives.
pub const LARGE_GAP_FRACTION: (i32, i32) = (1, 3);

/// Whether a gap counts as large on this scale.
pub fn is_large(gap: Tenths, scale: &Scale) -> bool {
    let (numerator, denominator) = LARGE_GAP_FRACTION;
    gap.0.abs() * denominator >= i32::from(scale.range()) * 10 * numerator
}

/// The smallest dimension gap (in tenths) that counts as large, for telling the reader.
pub fn large_gap_threshold(scale: &Scale) -> Tenths {
    (0..=i32::from(scale.range()) * 10).map(Tenths).find(|&g| is_large(g, scale)).unwrap_or(Tenths(0))
}

/// The smallest gap in whole points between two ratings of one item that counts as large.
pub fn large_item_gap(scale: &Scale) -> i32 {
    (0..=i32::from(scale.range())).find(|&g| is_large(Tenths::whole(g), scale)).unwrap_or(0)
}

/// How strongly a gap is marked, so the largest stand out most: 0 below the large-gap threshold,
/// 1 from it, 2 from one and a half times it, 3 from twice it.
pub fn emphasis(gap: Option<Tenths>, scale: &Scale) -> u8 {
    let Some(gap) = gap.map(Tenths::abs) else { return 0 };
    let threshold = large_gap_threshold(scale).0.max(1);
    match gap.0 {
        g if g >= 2 * threshold => 3,
        g if 2 * g >= 3 * threshold => 2,
        _ if is_large(gap, scale) => 1,
        _ => 0,
    }
}

/// Which partner rates higher, seen from the partner reading the comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    YouHigher,
    PartnerHigher,
    Same,
}

impl Direction {
    fn of(gap: Tenths) -> Direction {
        match gap.0.signum() {
            1 => Direction::YouHigher,
            -1 => Direction::PartnerHigher,
            _ => Direction::Same,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DimensionGap {
    pub own: DimensionScore,
    pub partner: DimensionScore,
    /// Own mean minus partner's; `None` unless both rated something in this dimension.
    pub gap: Option<Tenths>,
    pub large: bool,
    /// Where the statements are about one side: that side, when it rates itself higher than
    /// the other rates it by at least the large-gap threshold (a blind spot of its own).
    pub blind_spot: Option<String>,
}

impl DimensionGap {
    pub fn dimension_id(&self) -> &str {
        &self.own.dimension_id
    }

    /// The side its statements are about, if any.
    pub fn about(&self) -> Option<&str> {
        self.own.about.as_deref()
    }

    /// Its dimension and the side it is about.
    pub fn key(&self) -> (&str, Option<&str>) {
        self.own.key()
    }

    pub fn direction(&self) -> Option<Direction> {
        self.gap.map(Direction::of)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemGap {
    pub item_id: String,
    pub dimension_id: String,
    pub own: Option<Rating>,
    pub partner: Option<Rating>,
    /// Own rating minus partner's; `None` unless both gave a point of the scale.
    pub gap: Option<Tenths>,
    pub large: bool,
    /// The side the statement is about, if any, and whether it is that side's blind spot (see
    /// [`DimensionGap::blind_spot`]).
    pub about: Option<String>,
    pub blind_spot: Option<String>,
}

impl ItemGap {
    pub fn direction(&self) -> Option<Direction> {
        self.gap.map(Direction::of)
    }
}

/// Both lists are sorted largest gap first; where there is no gap (one side did not rate),
/// the row comes last. Ties keep the instrument's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub dimensions: Vec<DimensionGap>,
    pub items: Vec<ItemGap>,
}

pub fn compare(instrument: &Instrument, own: &Responses, partner: &Responses) -> Comparison {
    let scale = &instrument.scale;
    // A side rating itself higher than the other rates it, by a large gap: its blind spot.
    let blind_spot = |about: Option<&str>, gap: Option<Tenths>| {
        let about = about?;
        let self_minus_other = if about == own.role { gap? } else { Tenths(0) - gap? };
        (self_minus_other.0 > 0 && is_large(self_minus_other, scale)).then(|| about.to_string())
    };
    let dimensions: Vec<DimensionGap> = dimension_scores(instrument, own)
        .into_iter()
        .zip(dimension_scores(instrument, partner))
        .map(|(own, partner)| {
            let gap = own.mean.zip(partner.mean).map(|(a, b)| a - b);
            let blind_spot = blind_spot(own.about.as_deref(), gap);
            DimensionGap { large: gap.is_some_and(|g| is_large(g, scale)), own, partner, gap, blind_spot }
        })
        .collect();
    let items: Vec<ItemGap> = instrument
        .items()
        .map(|(dimension, item)| {
            let (a, b) = (own.rating(&item.id), partner.rating(&item.id));
            let gap = a
                .and_then(Rating::score)
                .zip(b.and_then(Rating::score))
                .map(|(a, b)| Tenths::whole(i32::from(a) - i32::from(b)));
            ItemGap {
                item_id: item.id.clone(),
                dimension_id: dimension.id.clone(),
                own: a,
                partner: b,
                gap,
                large: gap.is_some_and(|g| is_large(g, scale)),
                about: item.about.clone(),
                blind_spot: blind_spot(item.about.as_deref(), gap),
            }
        })
        .collect();
    Comparison { dimensions: largest_gap_first(dimensions, |d| d.gap), items: largest_gap_first(items, |i| i.gap) }
}

/// Sorts by gap size, largest first, rows without a gap last; equal gaps keep their order.
/// (The sizes are sorted with the rows' places, one copy of the sort for both lists, and the
/// rows are then taken in that order.)
fn largest_gap_first<T>(rows: Vec<T>, gap: impl Fn(&T) -> Option<Tenths>) -> Vec<T> {
    let mut order: Vec<(Option<Tenths>, usize)> = rows.iter().map(|row| gap(row).map(Tenths::abs)).zip(0..).collect();
    // `None` (no gap) is below every size, so it goes last.
    super::sort_by(&mut order, |a, b| a.0 > b.0);
    let mut rows: Vec<Option<T>> = rows.into_iter().map(Some).collect();
    order.into_iter().filter_map(|(_, at)| rows[at].take()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::instrument::Instrument;
    use proptest::prelude::*;

    fn instrument() -> Instrument {
        crate::content::builtin().remove(0)
    }

    fn answered(instrument: &Instrument, role: &str, ratings: &[Option<Rating>]) -> Responses {
        let mut r = Responses::new(instrument, role, "A", "B", "t");
        for ((_, item), rating) in instrument.items().zip(ratings) {
            r.set_rating(&item.id, *rating, "t");
        }
        r
    }

    fn rating() -> impl Strategy<Value = Option<Rating>> {
        prop_oneof![
            1 => Just(None),
            1 => Just(Some(Rating::NotApplicable)),
            6 => (1u8..=5).prop_map(|s| Some(Rating::Score(s))),
        ]
    }

    #[test]
    fn the_large_gap_threshold_is_a_third_of_the_range() {
        let scale = instrument().scale; // 1-5: range 4, threshold 1.33…
        assert!(!is_large(Tenths(13), &scale));
        assert!(is_large(Tenths(14), &scale));
        assert!(is_large(Tenths(-14), &scale));
        assert!(!is_large(Tenths::whole(1), &scale));
        assert!(is_large(Tenths::whole(2), &scale));
    }

    #[test]
    fn thresholds_are_told_as_the_rule_applies_them() {
        let scale = instrument().scale;
        assert_eq!(large_gap_threshold(&scale), Tenths(14));
        assert_eq!(large_item_gap(&scale), 2);
        let seven = Scale { min: 1, max: 7, labels: vec!["x".into(); 7], not_applicable: "n".into() };
        assert_eq!(large_gap_threshold(&seven), Tenths(20));
        assert_eq!(large_item_gap(&seven), 2);
    }

    #[test]
    fn a_worked_example() {
        let instrument = instrument();
        let dims = &instrument.dimensions;
        let mut own = Responses::new(&instrument, "local", "A", "B", "t");
        let mut partner = Responses::new(&instrument, "international", "B", "A", "t");
        // Capacities: you 2, 2 (mean 2.0); partner 5, 4 (mean 4.5): gap -2.5, large.
        for (item, (a, b)) in dims[1].items.iter().zip([(2, 5), (2, 4)]) {
            own.set_rating(&item.id, Some(Rating::Score(a)), "t");
            partner.set_rating(&item.id, Some(Rating::Score(b)), "t");
        }
        // Target groups: you 4; partner 3: gap 1.0, not large.
        own.set_rating(&dims[2].items[0].id, Some(Rating::Score(4)), "t");
        partner.set_rating(&dims[2].items[0].id, Some(Rating::Score(3)), "t");
        // Foundation: only you rated.
        own.set_rating(&dims[0].items[0].id, Some(Rating::Score(5)), "t");

        let c = compare(&instrument, &own, &partner);
        assert_eq!(c.dimensions[0].dimension_id(), dims[1].id);
        assert_eq!(c.dimensions[0].gap, Some(Tenths(-25)));
        assert!(c.dimensions[0].large);
        assert_eq!(c.dimensions[0].direction(), Some(Direction::PartnerHigher));
        assert_eq!(c.dimensions[1].dimension_id(), dims[2].id);
        assert_eq!(c.dimensions[1].gap, Some(Tenths(10)));
        assert!(!c.dimensions[1].large);
        assert_eq!(c.dimensions[1].direction(), Some(Direction::YouHigher));
        assert!(c.dimensions[2..].iter().all(|d| d.gap.is_none()));

        assert_eq!(c.items[0].item_id, dims[1].items[0].id);
        assert_eq!(c.items[0].gap, Some(Tenths(-30)));
        assert!(c.items[0].large);
        assert_eq!(c.items[1].gap, Some(Tenths(-20)));
        assert_eq!(c.items[2].gap, Some(Tenths(10)));
        assert!(!c.items[2].large);
        assert!(c.items[3..].iter().all(|i| i.gap.is_none()));
    }

    proptest! {
        #[test]
        fn gaps_are_antisymmetric_and_flags_symmetric(
            a in prop::collection::vec(rating(), 26),
            b in prop::collection::vec(rating(), 26),
        ) {
            let instrument = instrument();
            let (a, b) = (answered(&instrument, "local", &a), answered(&instrument, "international", &b));
            let ab = compare(&instrument, &a, &b);
            let ba = compare(&instrument, &b, &a);
            for d in &ab.dimensions {
                let other = ba.dimensions.iter().find(|o| o.dimension_id() == d.dimension_id()).unwrap();
                prop_assert_eq!(d.gap, other.gap.map(|g| Tenths(-g.0)));
                prop_assert_eq!(d.large, other.large);
            }
            for i in &ab.items {
                let other = ba.items.iter().find(|o| o.item_id == i.item_id).unwrap();
                prop_assert_eq!(i.gap, other.gap.map(|g| Tenths(-g.0)));
                prop_assert_eq!(i.large, other.large);
            }
        }

        #[test]
        fn rows_come_largest_gap_first_and_none_is_lost(
            a in prop::collection::vec(rating(), 26),
            b in prop::collection::vec(rating(), 26),
        ) {
            let instrument = instrument();
            let c = compare(&instrument, &answered(&instrument, "local", &a), &answered(&instrument, "international", &b));
            prop_assert_eq!(c.items.len(), instrument.item_count());
            prop_assert_eq!(c.dimensions.len(), instrument.dimensions.len());
            let sizes: Vec<i32> = c.items.iter().map(|i| i.gap.map_or(-1, |g| g.0.abs())).collect();
            prop_assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{:?}", sizes);
            let sizes: Vec<i32> = c.dimensions.iter().map(|d| d.gap.map_or(-1, |g| g.0.abs())).collect();
            prop_assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{:?}", sizes);
            for i in &c.items {
                prop_assert_eq!(i.large, i.gap.is_some_and(|g| g.0.abs() >= 20));
            }
        }

        #[test]
        fn identical_answers_have_no_gap(a in prop::collection::vec(rating(), 26)) {
            let instrument = instrument();
            let own = answered(&instrument, "local", &a);
            let partner = Responses { role: "international".into(), ..own.clone() };
            let c = compare(&instrument, &own, &partner);
            prop_assert!(c.dimensions.iter().all(|d| d.gap.is_none_or(|g| g.0 == 0) && !d.large));
            prop_assert!(c.items.iter().all(|i| !i.large));
        }
    }

    /// Each partner rates both sides: statements about the network and about members, in one
    /// dimension each.
    fn both_sides() -> Instrument {
        let mut instrument = crate::content::example();
        instrument.dimensions[0].items[0].about = Some("network".into());
        instrument.dimensions[0].items[1].about = Some("member".into());
        instrument
    }

    #[test]
    fn statements_about_each_side_are_scored_apart_and_a_side_rating_itself_higher_is_its_blind_spot() {
        let instrument = both_sides();
        let (about_network, about_members) =
            (&instrument.dimensions[0].items[0].id, &instrument.dimensions[0].items[1].id);
        let mut network = Responses::new(&instrument, "network", "N", "M", "t");
        let mut member = Responses::new(&instrument, "member", "M", "N", "t");
        // The network rates itself 4 and members 3; members rate the network 1 and themselves 3.
        network.set_rating(about_network, Some(Rating::Score(4)), "t");
        network.set_rating(about_members, Some(Rating::Score(3)), "t");
        member.set_rating(about_network, Some(Rating::Score(1)), "t");
        member.set_rating(about_members, Some(Rating::Score(3)), "t");
        let keys = |c: &Comparison| {
            let mut keys: Vec<_> =
                c.dimensions.iter().map(|d| (d.dimension_id().to_string(), d.about().map(str::to_string))).collect();
            keys.sort();
            keys
        };
        let seen_by_network = compare(&instrument, &network, &member);
        assert_eq!(
            keys(&seen_by_network),
            [
                ("information".into(), None),
                ("voice".into(), Some("member".into())),
                ("voice".into(), Some("network".into())),
            ]
        );
        let group =
            |c: &Comparison, about: &str| c.dimensions.iter().find(|d| d.about() == Some(about)).cloned().unwrap();
        let on_network = group(&seen_by_network, "network");
        assert_eq!(
            (on_network.own.mean, on_network.partner.mean, on_network.gap),
            (Some(Tenths(40)), Some(Tenths(10)), Some(Tenths(30)))
        );
        assert_eq!(on_network.blind_spot.as_deref(), Some("network"), "the network sees itself 3 points higher");
        assert_eq!(group(&seen_by_network, "member").blind_spot, None, "members are seen alike");
        // From the members' side: the same blind spot, the gap the other way.
        let seen_by_members = compare(&instrument, &member, &network);
        let on_network = group(&seen_by_members, "network");
        assert_eq!((on_network.gap, on_network.blind_spot.as_deref()), (Some(Tenths(-30)), Some("network")));
        let statement = seen_by_members.items.iter().find(|i| &i.item_id == about_network).unwrap();
        assert_eq!((statement.about.as_deref(), statement.blind_spot.as_deref()), (Some("network"), Some("network")));
        // A side rated higher by the other than by itself has no blind spot: it is modest.
        member.set_rating(about_network, Some(Rating::Score(5)), "t");
        assert_eq!(group(&compare(&instrument, &network, &member), "network").blind_spot, None);
    }

    #[test]
    fn a_dimension_only_one_side_answers_has_no_gap_and_counts_only_for_that_side() {
        let mut instrument = crate::content::example();
        instrument.dimensions[1].roles = vec!["member".into()];
        let item = instrument.dimensions[1].items[0].id.clone();
        let mut member = Responses::new(&instrument, "member", "M", "N", "t");
        member.set_rating(&item, Some(Rating::Score(2)), "t");
        let network = Responses::new(&instrument, "network", "N", "M", "t");
        let c = compare(&instrument, &member, &network);
        let d = c.dimensions.iter().find(|d| d.dimension_id() == "information").unwrap();
        assert_eq!((d.own.mean, d.partner.mean, d.gap), (Some(Tenths(20)), None, None));
        use crate::domain::scoring::progress;
        assert_eq!(progress(&instrument, &member).total, instrument.item_count());
        assert_eq!(
            progress(&instrument, &network).total,
            instrument.item_count() - 1,
            "the network does not answer it"
        );
    }

    #[test]
    fn emphasis_grows_with_the_gap_from_the_large_gap_threshold() {
        let scale = instrument().scale; // 1-5: large from 1.4
        let levels: Vec<u8> = [None, Some(0), Some(13), Some(14), Some(-20), Some(21), Some(27), Some(28), Some(-40)]
            .into_iter()
            .map(|g| emphasis(g.map(Tenths), &scale))
            .collect();
        assert_eq!(levels, [0, 0, 0, 1, 1, 2, 2, 3, 3]);
    }
}
