//! The scorecard's rules, free of any browser dependency.

pub mod gap;
pub mod id_map;
pub mod instrument;
pub mod joint_file;
pub mod plan;
pub mod responses;
pub mod result_file;
pub mod rounds;
pub mod scoring;
pub mod session;
pub mod spreadsheet;

pub use gap::{compare, Comparison, DimensionGap, Direction, ItemGap};
pub use instrument::{Dimension, Instrument, InstrumentProblem, Item, Question, Role, Scale, SourceRef};
pub use responses::{Answer, Assessment, InstrumentRef, Rating, Reflection, Responses};
pub use result_file::{ImportError, ResultFile};
pub use scoring::{dimension_scores, progress, DimensionScore, Progress, Tenths};

/// How many inputs each "never a panic" property tries: 512, or `PSC_FUZZ_CASES` (see README).
#[cfg(test)]
pub(crate) fn fuzz_cases() -> u32 {
    std::env::var("PSC_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(512)
}
