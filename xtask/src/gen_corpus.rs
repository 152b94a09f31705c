//! A generated corpus for benchmarks: documents recombined from the sentences of the
//! real corpora (`corpora/`), and the timing of the main commands over it (wall time, CPU
//! time and peak memory, read from `/proc`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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
    generate_dated(root, n, None, out)
}

/// [`generate`], with `per_day` documents published each day from 2024-01-01 on (in date
/// order: document k on day k / per_day), when given. The texts are the same either way,
/// and each document is written as it is made, so a corpus of millions is never held.
pub fn generate_dated(root: &Path, n: usize, per_day: Option<usize>, out: &Path) -> Result<()> {
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
        let mut v = serde_json::json!({"id": format!("gen-{k:06}"), "lang": lang, "text": sents.join(" ")});
        if let Some(r) = per_day {
            v["published"] = date(JAN_1_2024 + (k / r.max(1)) as i64).into();
        }
        writeln!(w, "{v}")?;
    }
    w.flush()?;
    Ok(())
}

/// 2024-01-01, in days since 1970-01-01.
const JAN_1_2024: i64 = 19_723;

/// An ISO date from days since 1970-01-01 (the civil calendar, proleptic Gregorian).
fn date(days: i64) -> String {
    talign_corpus::Date::from_days_since_epoch(days).to_string()
}

/// What one run of a command cost.
#[derive(Debug, Clone, Copy)]
struct Cost {
    /// Wall time, seconds.
    wall: f64,
    /// CPU time of all its threads, user and system, seconds.
    cpu: f64,
    /// Peak resident memory, KiB.
    peak_kib: u64,
}

/// Clock ticks per second of the times in `/proc/<pid>/stat` (`USER_HZ`, 100 on Linux).
const USER_HZ: f64 = 100.0;

/// How often a running command's memory is sampled.
const POLL: Duration = Duration::from_millis(10);

/// State, and user + system CPU ticks of every thread, from `/proc/<pid>/stat`.
fn proc_stat(pid: u32) -> Option<(char, u64)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may hold spaces; the fields after it are plain.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    // Fields 3 (state), 14 (utime) and 15 (stime), counted from 1 over the whole line.
    let state = f.first()?.chars().next()?;
    Some((state, f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?))
}

/// The high-water mark of resident memory (KiB), from `/proc/<pid>/status`.
fn proc_peak(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// Runs `bin args` and measures it from `/proc`: the peak is the high-water mark of its
/// resident memory, sampled while it runs (it only rises); the CPU time is read once it
/// has exited and before it is reaped, when `/proc` still holds the totals of all its
/// threads.
fn timed(bin: &Path, args: &[&str]) -> Result<Cost> {
    let t = Instant::now();
    let mut child = std::process::Command::new(bin)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .with_context(|| format!("running {}", bin.display()))?;
    let pid = child.id();
    // stderr is drained on a thread so that a chatty command never blocks on a full pipe.
    let mut stderr = child.stderr.take().context("the child's stderr")?;
    let drain = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut s);
        s
    });
    let (mut peak, mut ticks) = (0u64, 0u64);
    loop {
        match proc_stat(pid) {
            Some(('Z', total)) => {
                ticks = total;
                break;
            }
            Some((_, total)) => ticks = total,
            None => break,
        }
        peak = peak.max(proc_peak(pid).unwrap_or(0));
        std::thread::sleep(POLL);
    }
    let wall = t.elapsed().as_secs_f64();
    let status = child.wait()?;
    let err = drain.join().unwrap_or_default();
    if !status.success() {
        bail!("{} {} failed: {err}", bin.display(), args.join(" "));
    }
    Ok(Cost { wall, cpu: ticks as f64 / USER_HZ, peak_kib: peak })
}

/// Options of `cargo xtask bench-events`.
#[derive(Debug)]
pub struct BenchArgs {
    /// Documents of the large corpus.
    pub n: usize,
    /// Documents of the smaller corpus the passage commands are also timed on.
    pub small: usize,
    /// Another `talign` binary to time the same way in the same run (a baseline).
    pub baseline: Option<PathBuf>,
}

impl BenchArgs {
    /// `[N] [--small M] [--baseline BIN]`.
    pub fn parse(args: &[String]) -> Result<BenchArgs> {
        let mut b = BenchArgs { n: 100_000, small: 10_000, baseline: None };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--baseline" => b.baseline = Some(PathBuf::from(it.next().context("--baseline needs a binary")?)),
                "--small" => b.small = it.next().context("--small needs a number")?.parse().context("--small M")?,
                n => b.n = n.parse().with_context(|| format!("unexpected argument `{n}`"))?,
            }
        }
        Ok(b)
    }
}

/// The commands timed on each corpus, with where their output goes.
fn commands(corpus: &str, out: &Path) -> Vec<(&'static str, Vec<String>)> {
    let o = out.to_string_lossy().into_owned();
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<String>>();
    vec![
        ("events align", s(&["events", "align", corpus, "-o", &format!("{o}/links.csv")])),
        ("export sentences", s(&["export", "sentences", corpus, "-o", "/dev/null"])),
        ("report", s(&["report", corpus, "--out", &format!("{o}/report")])),
    ]
}

/// What the passage stage (export sentences less events align) cost one binary on one corpus.
struct PassageCost<'b> {
    binary: &'b str,
    documents: usize,
    links: usize,
    /// Wall and CPU milliseconds a link.
    wall_ms: f64,
    cpu_ms: f64,
    /// Sentences of a linked pair, both documents, on average.
    sentences: f64,
}

impl PassageCost<'_> {
    /// CPU microseconds a sentence of the linked pairs.
    fn cpu_per_sentence_us(&self) -> f64 {
        1000.0 * self.cpu_ms / self.sentences.max(1e-9)
    }
}

/// `cargo xtask bench-events [N] [--small M] [--baseline BIN]`.
pub fn bench(root: &Path, args: &BenchArgs) -> Result<()> {
    let bin = crate::eval::build_talign(root)?;
    let dir = root.join("target/bench-events");
    std::fs::create_dir_all(&dir)?;
    let mb = |c: &Cost| format!("{:.0} MB", c.peak_kib as f64 / 1024.0);
    // The inverted index against brute force.
    let five = dir.join("gen-5000.jsonl");
    generate(root, 5000, &five)?;
    let f = five.to_string_lossy().into_owned();
    let index = timed(&bin, &["events", "align", &f, "-o", "/dev/null"])?;
    let brute = timed(&bin, &["events", "align", &f, "--all-pairs", "-o", "/dev/null"])?;
    println!("| run | documents | wall time | CPU time | peak memory |");
    println!("|---|---|---|---|---|");
    println!("| inverted index | 5000 | {:.2} s | {:.2} s | {} |", index.wall, index.cpu, mb(&index));
    println!("| brute force, all pairs | 5000 | {:.2} s | {:.2} s | {} |", brute.wall, brute.cpu, mb(&brute));
    println!(
        "\nbrute force / index on 5000 documents: {:.1}x (wall), {:.1}x (CPU)\n",
        brute.wall / index.wall.max(1e-9),
        brute.cpu / index.cpu.max(1e-9)
    );
    // The main commands, on the smaller and the large corpus, by each binary.
    let mut bins = vec![("talign", bin)];
    if let Some(b) = &args.baseline {
        bins.insert(0, ("baseline", b.clone()));
    }
    println!("| binary | command | documents | wall time | CPU time | peak memory |");
    println!("|---|---|---|---|---|---|");
    let mut per_link: Vec<PassageCost> = Vec::new();
    for n in [args.small, args.n] {
        let corpus = dir.join(format!("gen-{n}.jsonl"));
        generate(root, n, &corpus)?;
        let c = corpus.to_string_lossy().into_owned();
        // Each command by each binary in turn, so that a change in the machine's load
        // weighs on both alike.
        let outs: Vec<PathBuf> = bins.iter().map(|(name, _)| dir.join(format!("out-{name}-{n}"))).collect();
        let mut costs: Vec<Vec<Cost>> = vec![Vec::new(); bins.len()];
        for k in 0..commands(&c, &outs[0]).len() {
            for (b, (name, bin)) in bins.iter().enumerate() {
                std::fs::create_dir_all(&outs[b])?;
                let (command, argv) = commands(&c, &outs[b]).swap_remove(k);
                let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
                let cost = timed(bin, &argv)?;
                println!("| {name} | {command} | {n} | {:.1} s | {:.1} s | {} |", cost.wall, cost.cpu, mb(&cost));
                costs[b].push(cost);
            }
        }
        // Each document's sentences, as talign cuts them: the passage stage's work on a
        // link grows with its two documents' sentences.
        let loaded = talign_corpus::Corpus::load(&[&corpus])?;
        let sentences_of: std::collections::HashMap<&str, usize> =
            loaded.docs().iter().map(|d| (d.id.as_str(), d.sentences().len())).collect();
        for (b, (name, _)) in bins.iter().enumerate() {
            let mut links = 0usize;
            let mut linked_sentences = 0usize;
            let path = outs[b].join("links.csv");
            for r in csv::Reader::from_path(&path)?.records() {
                let r = r?;
                links += 1;
                for i in 0..2 {
                    let id = r.get(i).unwrap_or_default();
                    linked_sentences += sentences_of.get(id).with_context(|| {
                        format!("{}: document `{id}` is not in {}", path.display(), corpus.display())
                    })?;
                }
            }
            // What aligning the passages of the links adds to linking the documents.
            let (align, sentences) = (costs[b][0], costs[b][1]);
            let per = |stage: f64| 1000.0 * stage / links.max(1) as f64;
            per_link.push(PassageCost {
                binary: name,
                documents: n,
                links,
                wall_ms: per(sentences.wall - align.wall),
                cpu_ms: per(sentences.cpu - align.cpu),
                sentences: linked_sentences as f64 / links.max(1) as f64,
            });
        }
    }
    println!("\ncost per link of the passage stage, (export sentences − events align) / links,");
    println!("and per sentence of the linked pairs (a larger corpus links longer documents):\n");
    println!("| binary | documents | links | sentences a link | wall | CPU | CPU a linked sentence |");
    println!("|---|---|---|---|---|---|---|");
    for c in &per_link {
        println!(
            "| {} | {} | {} | {:.1} | {:.2} ms | {:.2} ms | {:.1} µs |",
            c.binary,
            c.documents,
            c.links,
            c.sentences,
            c.wall_ms,
            c.cpu_ms,
            c.cpu_per_sentence_us()
        );
    }
    for (name, _) in &bins {
        let of = |n: usize| per_link.iter().find(|c| c.binary == *name && c.documents == n);
        let (Some(big), Some(small)) = (of(args.n), of(args.small)) else { continue };
        println!(
            "\n{name}: CPU per link at {} / at {}: {:.2}; per linked sentence: {:.2}",
            args.n,
            args.small,
            big.cpu_ms / small.cpu_ms,
            big.cpu_per_sentence_us() / small.cpu_per_sentence_us()
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_civil_dates_and_a_dated_corpus_keeps_its_texts() {
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(JAN_1_2024), "2024-01-01");
        assert_eq!(date(JAN_1_2024 + 59), "2024-02-29");
        assert_eq!(date(JAN_1_2024 + 365), "2024-12-31");
        let root = crate::root();
        let d = std::env::temp_dir().join(format!("xtask-gen-dated-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        let (a, b) = (d.join("a.jsonl"), d.join("b.jsonl"));
        generate(&root, 30, &a).unwrap();
        generate_dated(&root, 30, Some(7), &b).unwrap();
        let (ta, tb) = (std::fs::read_to_string(&a).unwrap(), std::fs::read_to_string(&b).unwrap());
        for (k, (x, y)) in ta.lines().zip(tb.lines()).enumerate() {
            let (x, y): (serde_json::Value, serde_json::Value) =
                (serde_json::from_str(x).unwrap(), serde_json::from_str(y).unwrap());
            assert_eq!(x["text"], y["text"]);
            assert_eq!(y["published"], date(JAN_1_2024 + k as i64 / 7));
        }
    }

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
