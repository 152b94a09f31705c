//! A generated corpus for benchmarks: documents recombined from the sentences of the
//! real corpora (`corpora/`), and the timing of `talign events align` over it.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result, bail};

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    }
}

/// Sentences split at ।, ., ?, !, ؟ followed by a space: enough for recombination.
fn split(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            if !cur.trim().is_empty() {
                out.push(cur.trim().to_owned());
            }
            cur.clear();
            continue;
        }
        cur.push(c);
        if matches!(c, '।' | '.' | '?' | '!' | '؟') && chars.peek().is_some_and(|d| d.is_whitespace()) {
            out.push(cur.trim().to_owned());
            cur.clear();
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_owned());
    }
    out
}

/// The articles of the real corpora: (lang, sentences).
fn sources(root: &Path) -> Result<Vec<(String, Vec<String>)>> {
    let mut out = Vec::new();
    let jsonl = std::fs::read_to_string(root.join("corpora/ntrex-dev/articles.jsonl"))?;
    for line in jsonl.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        out.push((v["lang"].as_str().unwrap_or("bn").to_owned(), split(v["text"].as_str().unwrap_or_default())));
    }
    let seeds = root.join("corpora/seeds");
    let mut files: Vec<_> = std::fs::read_dir(&seeds)?.flatten().map(|e| e.path()).collect();
    files.sort();
    for p in files.into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let lang = if name.starts_with("fa-") { "fa" } else { "bn" };
        out.push((lang.to_owned(), split(&std::fs::read_to_string(&p)?)));
    }
    out.retain(|(_, s)| s.len() >= 3);
    if out.is_empty() {
        bail!("no source articles under corpora/");
    }
    Ok(out)
}

/// Writes `n` documents to `out`: each takes a run of 3–8 sentences of one real article
/// and one or two sentences of another article in the same language.
pub fn generate(root: &Path, n: usize, out: &Path) -> Result<()> {
    let src = sources(root)?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut w =
        std::io::BufWriter::new(std::fs::File::create(out).with_context(|| format!("creating {}", out.display()))?);
    for k in 0..n {
        let (lang, base) = &src[rng.below(src.len())];
        let len = (3 + rng.below(6)).min(base.len());
        let start = rng.below(base.len() - len + 1);
        let mut sents: Vec<&str> = base[start..start + len].iter().map(String::as_str).collect();
        let same: Vec<&(String, Vec<String>)> = src.iter().filter(|(l, _)| l == lang).collect();
        for _ in 0..1 + rng.below(2) {
            let other = &same[rng.below(same.len())].1;
            let at = rng.below(sents.len() + 1);
            sents.insert(at, &other[rng.below(other.len())]);
        }
        let v = serde_json::json!({"id": format!("gen-{k:06}"), "lang": lang, "text": sents.join(" ")});
        writeln!(w, "{v}")?;
    }
    w.flush()?;
    Ok(())
}

/// Wall time and peak memory (KiB) of one command, measured with /usr/bin/time when present.
fn timed(bin: &Path, args: &[&str]) -> Result<(f64, Option<u64>)> {
    let t = Instant::now();
    let time = Path::new("/usr/bin/time");
    let out = if time.exists() {
        std::process::Command::new(time).arg("-v").arg(bin).args(args).output()?
    } else {
        std::process::Command::new(bin).args(args).output()?
    };
    let secs = t.elapsed().as_secs_f64();
    if !out.status.success() {
        bail!("{} {} failed: {}", bin.display(), args.join(" "), String::from_utf8_lossy(&out.stderr));
    }
    let rss = String::from_utf8_lossy(&out.stderr).lines().find_map(|l| {
        l.trim().strip_prefix("Maximum resident set size (kbytes): ").and_then(|v| v.trim().parse().ok())
    });
    Ok((secs, rss))
}

/// `cargo xtask bench-events [N]`.
pub fn bench(root: &Path, n: usize) -> Result<()> {
    let bin = crate::eval::build_talign(root)?;
    let dir = root.join("target/bench-events");
    std::fs::create_dir_all(&dir)?;
    let small = dir.join("gen-5000.jsonl");
    let big = dir.join(format!("gen-{n}.jsonl"));
    generate(root, 5000, &small)?;
    generate(root, n, &big)?;
    let s = small.to_string_lossy().into_owned();
    let b = big.to_string_lossy().into_owned();
    let (t_index, m_index) = timed(&bin, &["events", "align", &s, "-o", "/dev/null"])?;
    let (t_brute, m_brute) = timed(&bin, &["events", "align", &s, "--all-pairs", "-o", "/dev/null"])?;
    let (t_big, m_big) = timed(&bin, &["events", "align", &b, "-o", "/dev/null"])?;
    let mb = |m: Option<u64>| m.map_or_else(|| "?".into(), |k| format!("{:.0} MB", k as f64 / 1024.0));
    println!("| run | documents | wall time | peak memory |");
    println!("|---|---|---|---|");
    println!("| inverted index | 5000 | {t_index:.2} s | {} |", mb(m_index));
    println!("| brute force, all pairs | 5000 | {t_brute:.2} s | {} |", mb(m_brute));
    println!("| inverted index | {n} | {t_big:.2} s | {} |", mb(m_big));
    println!("\nbrute force / index on 5000 documents: {:.1}x", t_brute / t_index.max(1e-9));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_corpus_is_deterministic_and_valid_jsonl() {
        let root = crate::root();
        let d = std::env::temp_dir().join(format!("xtask-gen-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        let (a, b) = (d.join("a.jsonl"), d.join("b.jsonl"));
        generate(&root, 50, &a).unwrap();
        generate(&root, 50, &b).unwrap();
        let ta = std::fs::read_to_string(&a).unwrap();
        assert_eq!(ta, std::fs::read_to_string(&b).unwrap());
        assert_eq!(ta.lines().count(), 50);
        for l in ta.lines() {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            assert!(v["text"].as_str().unwrap().len() > 20);
        }
        std::fs::remove_dir_all(&d).unwrap();
    }
}
