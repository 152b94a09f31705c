//! The library half of the `talign` binary: table rendering, the tables of the event
//! commands, and the built-in seed corpus. The matching logic lives in `talign-names`
//! and `talign-events`; this crate only turns their results into tables.

pub mod html;
pub mod seeds;
pub mod table;
pub mod tables;
