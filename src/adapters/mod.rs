//! The browser's side of the app: storage, files and the clock. Each turns browser failures
//! into values the UI can explain.

pub mod clock;
pub mod content;
pub mod files;
pub mod storage;
