//! One module per screen; a screen made of several parts is a folder, a file per part.

pub mod answer;
pub mod compare;
pub mod home;
pub mod loading;
pub mod results;
pub mod session;
pub mod split;
