//! The `talign` command line.

fn main() {}
