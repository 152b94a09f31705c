//! The library half of the `talign` binary: name-list reading, table rendering, the tables
//! of the event commands, and the built-in seed corpus (shared with the Python package,
//! `crates/talign-py`). The matching logic lives in `talign-names` and `talign-events`;
//! this crate only turns their results into tables.

pub mod html;
pub mod input;
pub mod seeds;
pub mod table;
pub mod tables;
