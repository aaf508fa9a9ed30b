//! The scorecard's rules, free of any browser dependency.

pub mod gap;
pub mod id_map;
pub mod instrument;
pub mod responses;
pub mod result_file;
pub mod scoring;

pub use gap::{compare, Comparison, DimensionGap, Direction, ItemGap};
pub use instrument::{Dimension, Instrument, InstrumentProblem, Item, Question, Role, Scale, SourceRef};
pub use responses::{Answer, Assessment, InstrumentRef, Rating, Reflection, Responses};
pub use result_file::{ImportError, ResultFile};
pub use scoring::{dimension_scores, progress, DimensionScore, Progress, Tenths};
