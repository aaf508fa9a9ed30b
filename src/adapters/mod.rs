//! The browser's side of the app: storage, files, content, the clock, `Intl` and Web Crypto.
//! Each turns browser failures into values the UI can explain.

pub mod clock;
pub mod content;
pub mod crypto;
pub mod files;
pub mod intl;
pub mod storage;
