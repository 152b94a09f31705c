//! Cross-script name normalization for Bengali, Persian (Arabic script) and Latin.

pub mod digits;
pub mod script;

pub use script::{Script, ScriptStats};
