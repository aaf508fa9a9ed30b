//! The scorecard's rules, free of any browser dependency.

pub mod assessment;
pub mod base64;
pub mod envelope;
pub mod gap;
pub mod id_map;
pub mod instrument;
pub mod joint_file;
pub mod json;
pub mod library;
pub mod passphrase;
pub mod plan;
pub mod respondents;
pub mod responses;
pub mod result_file;
pub mod rounds;
pub mod scoring;
pub mod session;
pub mod spreadsheet;

pub use assessment::Assessment;
pub use gap::{compare, Comparison, DimensionGap, Direction, ItemGap};
pub use instrument::{Dimension, Instrument, InstrumentProblem, Item, Question, Role, Scale, SourceRef};
pub use responses::{Answer, InstrumentRef, Rating, Reflection, Responses};
pub use result_file::{ImportError, ResultFile};
pub use scoring::{dimension_scores, progress, DimensionScore, Progress, Tenths};

/// Sorts in place, keeping the order of equals: `before(a, b)` says that `a` goes before `b`.
/// An insertion sort, written here because each use of the standard library's sorts adds 1 to
/// 3 KB of code to the download, while the lists sorted (a questionnaire's statements, the
/// assessments kept in one browser, people's comments on one statement) are short.
pub fn sort_by<T>(list: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for next in 1..list.len() {
        let mut at = next;
        while at > 0 && before(&list[at], &list[at - 1]) {
            list.swap(at, at - 1);
            at -= 1;
        }
    }
}

/// How many inputs each "never a panic" property tries: 512, or `PSC_FUZZ_CASES` (see README).
#[cfg(test)]
pub(crate) fn fuzz_cases() -> u32 {
    std::env::var("PSC_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(512)
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// Against the standard library's stable sort: the same order, equals included.
        #[test]
        fn sort_by_orders_like_a_stable_sort(list in proptest::collection::vec((0u8..6, 0u16..1000), 0..60)) {
            let mut ours = list.clone();
            super::sort_by(&mut ours, |a, b| a.0 < b.0);
            let mut theirs = list;
            theirs.sort_by_key(|pair| pair.0);
            proptest::prop_assert_eq!(ours, theirs);
        }
    }
}
