//! Writes synthetic name lists for timing `talign names pair` as a whole command:
//! `cargo run --release -p talign-names --example synth_names -- 100000 DIR`
//! writes DIR/left.txt (Bengali), DIR/right.txt (Latin, reversed order) and
//! DIR/right-fa.txt (Persian, reversed order).

use std::io::Write;
use talign_names::synth;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.first().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let dir = std::path::PathBuf::from(args.get(1).map_or("target/synth-names", String::as_str));
    std::fs::create_dir_all(&dir)?;
    let ents = synth::names(n, 42);
    let write = |name: &str, it: &mut dyn Iterator<Item = &str>| -> std::io::Result<()> {
        let mut f = std::io::BufWriter::new(std::fs::File::create(dir.join(name))?);
        for s in it {
            writeln!(f, "{s}")?;
        }
        f.flush()
    };
    write("left.txt", &mut ents.iter().map(|e| e.bengali.as_str()))?;
    write("right.txt", &mut ents.iter().rev().map(|e| e.latin.as_str()))?;
    write("right-fa.txt", &mut ents.iter().rev().map(|e| e.persian.as_str()))?;
    println!("wrote {n} names to {}", dir.display());
    Ok(())
}
