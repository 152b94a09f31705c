//! Randomized runs over everything that reads untrusted input — corpus loading (JSONL,
//! `manifest.csv` with its `.txt` files), date and number parsing, name normalization and
//! the CSV writer — on stable Rust, with proptest as the engine ("fuzzing" without nightly).
//!
//! Each target takes one byte string, built from small valid seeds by random edits (bytes
//! inserted, deleted, flipped, spans duplicated, and tokens known to bite: NUL, BOMs, ZWNJ,
//! quotes, Persian digits, impossible dates), so a failing case is a file of bytes.
//! `cargo test` runs a short deterministic pass of every target and replays every case kept
//! in `tests/fuzz-regressions/TARGET/`; `cargo xtask fuzz --minutes 30` runs the targets with
//! random seeds for as long as asked (outside CI) and writes each failure it finds, shrunk,
//! into that folder, where it becomes a regression case.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestError, TestRunner};

use talign::table::{Format, Table};
use talign_corpus::{Corpus, Date, LoadOptions};

/// A fuzz target: checks one input, failing (or panicking) on a broken property.
type Target = fn(&[u8]) -> Result<(), TestCaseError>;

/// The targets, with the seeds their inputs grow from.
fn targets() -> Vec<(&'static str, Target, Vec<Vec<u8>>)> {
    vec![
        ("jsonl", jsonl as Target, jsonl_seeds()),
        ("directory", directory as Target, directory_seeds()),
        ("dates-numbers", dates_numbers as Target, text_seeds()),
        ("normalize", normalize as Target, name_seeds()),
        ("csv", csv_round_trip as Target, name_seeds()),
    ]
}

// ---------------------------------------------------------------------------------------
// Targets.

thread_local! {
    /// This thread's scratch directory: tests run on several threads of one process, and two
    /// targets writing the same files would see each other's inputs.
    static SCRATCH: PathBuf = {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        std::env::temp_dir().join(format!("talign-fuzz-{}-{n}", std::process::id()))
    };
}

fn scratch(name: &str) -> PathBuf {
    let d = SCRATCH.with(|root| root.join(name));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Removes this thread's scratch directory, so that no run leaves files in the temporary directory.
fn clear_scratch() {
    SCRATCH.with(|root| {
        let _ = std::fs::remove_dir_all(root);
    });
}

/// The properties every corpus load keeps: no panic; a loaded corpus has unique, non-empty
/// ids; an error names the input and does not repeat itself.
fn check_load(result: Result<Corpus, talign_corpus::CorpusError>, input: &Path) -> Result<(), TestCaseError> {
    match result {
        Ok(c) => {
            let mut ids: Vec<&str> = c.docs().iter().map(|d| d.id.as_str()).collect();
            prop_assert!(ids.iter().all(|i| !i.trim().is_empty()), "empty id in {ids:?}");
            ids.sort_unstable();
            let n = ids.len();
            ids.dedup();
            prop_assert_eq!(ids.len(), n, "duplicate ids");
            for d in c.docs() {
                prop_assert!(!d.lang.code().is_empty());
            }
        }
        Err(e) => {
            let msg = e.to_string();
            let dir = input.parent().unwrap_or(input).display().to_string();
            prop_assert!(msg.contains(&dir), "the message does not name the input: {msg}");
            prop_assert!(msg.matches("(os error").count() <= 1, "repeated message: {msg}");
        }
    }
    Ok(())
}

fn jsonl(input: &[u8]) -> Result<(), TestCaseError> {
    let path = scratch("jsonl").join("in.jsonl");
    std::fs::write(&path, input).unwrap();
    check_load(Corpus::load(&[&path]), &path)?;
    check_load(Corpus::load_with(&[&path], &LoadOptions { lenient_lang: true }), &path)
}

/// Input: `manifest.csv` bytes, then `\x1e`-separated `stem\x1ftext` documents.
fn directory(input: &[u8]) -> Result<(), TestCaseError> {
    let dir = scratch("dir");
    for e in std::fs::read_dir(&dir).unwrap() {
        std::fs::remove_file(e.unwrap().path()).unwrap();
    }
    let mut parts = input.split(|&b| b == 0x1e);
    let manifest = parts.next().unwrap_or_default();
    if manifest != b"-" {
        std::fs::write(dir.join("manifest.csv"), manifest).unwrap();
    }
    for (i, p) in parts.enumerate() {
        let (stem, text) = match p.iter().position(|&b| b == 0x1f) {
            Some(at) => (&p[..at], &p[at + 1..]),
            None => (&b""[..], p),
        };
        let mut stem: String =
            stem.iter().filter(|b| b.is_ascii_alphanumeric() || **b == b'-').map(|&b| b as char).collect();
        if stem.is_empty() {
            stem = format!("doc{i}");
        }
        std::fs::write(dir.join(format!("{stem}.txt")), text).unwrap();
    }
    let probe = dir.join("manifest.csv");
    check_load(Corpus::load(&[&dir]), &probe)?;
    check_load(Corpus::load_with(&[&dir], &LoadOptions { lenient_lang: true }), &probe)
}

fn dates_numbers(input: &[u8]) -> Result<(), TestCaseError> {
    let text = String::from_utf8_lossy(input);
    // ISO dates: what parses prints back to the same date.
    for piece in std::iter::once(text.as_ref()).chain(text.split([' ', '\n', ',', '"'])) {
        if let Ok(d) = piece.parse::<Date>() {
            let printed = d.to_string();
            prop_assert_eq!(printed.parse::<Date>().ok(), Some(d), "{} printed as {}", piece, printed);
        }
    }
    let published = "2023-12-20".parse::<Date>().ok();
    for p in [None, published] {
        let dates = talign_events::temporal::find_dates(&text, p);
        for m in &dates {
            prop_assert!(m.start <= m.end && text.get(m.start..m.end) == Some(m.text.as_str()), "{m:?}");
        }
        let numbers = talign_events::numbers::find_numbers_outside(&text, &dates);
        let mut last = 0;
        for n in &numbers {
            prop_assert!(n.start >= last && n.start <= n.end, "unsorted or overlapping: {numbers:?}");
            prop_assert!(text.get(n.start..n.end) == Some(n.text.as_str()), "{n:?}");
            prop_assert!(!n.value.is_nan(), "{n:?}");
            last = n.end;
        }
    }
    let _ = talign_events::temporal::infer_published(&text);
    Ok(())
}

fn normalize(input: &[u8]) -> Result<(), TestCaseError> {
    let text = String::from_utf8_lossy(input);
    let (a, b) = text.split_once('\n').unwrap_or((&text, "Lavrov"));
    let clean = talign_names::normalize(a);
    prop_assert!(!clean.chars().any(char::is_control), "control character kept: {clean:?}");
    prop_assert_eq!(talign_names::normalize(&clean), clean.clone(), "not idempotent");
    let (na, nb) = (talign_names::Name::new(a), talign_names::Name::new(b));
    prop_assert!(na.key().chars().all(|c| "PTKSJMNLR_ ".contains(c)), "{:?}", na.key());
    let _ = na.phonemes();
    let mut r = talign_names::Reading::default();
    talign_names::Name::read_into(a, &mut r);
    prop_assert_eq!(
        (&r.clean, r.script, r.latin.clone(), r.key.clone()),
        (&clean, na.script(), na.romanize_letters(), na.key())
    );
    talign_names::Name::read_into_with(a, &mut r, Some(talign_names::vowels::Model::builtin()));
    prop_assert_eq!(r.latin.clone(), na.romanize());
    let (ab, ba) = (na.score(&nb).score, nb.score(&na).score);
    prop_assert!((0.0..=1.0).contains(&ab), "score {ab}");
    prop_assert!((ab - ba).abs() < 1e-6, "not symmetric: {ab} vs {ba}");
    Ok(())
}

/// CSV output parses back to the cells written, less the control characters the writer
/// drops (it never writes them: see `talign::table`).
fn csv_round_trip(input: &[u8]) -> Result<(), TestCaseError> {
    let text = String::from_utf8_lossy(input);
    let cells: Vec<&str> = text.split('\u{1e}').collect();
    let mut t = Table::new(&["a", "b"]);
    for pair in cells.chunks(2) {
        t.push(vec![pair[0].into(), pair.get(1).copied().unwrap_or_default().into()]);
    }
    let out = t.render(Format::Csv).unwrap();
    prop_assert!(
        !out.iter().any(|&b| (b < 0x20 && b != b'\r' && b != b'\n' && b != b'\t') || b == 0x7f),
        "control byte in CSV output"
    );
    let mut r = csv::ReaderBuilder::new().has_headers(true).flexible(false).from_reader(&out[..]);
    let back: Vec<Vec<String>> = r.records().map(|x| x.unwrap().iter().map(str::to_owned).collect()).collect();
    prop_assert_eq!(back.len(), cells.len().div_ceil(2));
    for (row, pair) in back.iter().zip(cells.chunks(2)) {
        let keep =
            |s: &str| -> String { s.chars().filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r')).collect() };
        prop_assert_eq!(&row[0], &keep(pair[0]));
        prop_assert_eq!(&row[1], &keep(pair.get(1).copied().unwrap_or_default()));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Seeds and edits.

/// Tokens that have broken text readers before, spliced in by the edits.
const TOKENS: &[&str] = &[
    "\0",
    "\u{1}",
    "\u{7f}",
    "\u{85}",
    "\r\n",
    "\r",
    "\n",
    "\t",
    "\u{feff}",
    "\u{200c}",
    "\u{200d}",
    "\u{640}",
    "\"",
    "\"\"",
    ",",
    "\\",
    "{",
    "}",
    "[",
    "]",
    ":",
    "null",
    "true",
    "1e309",
    "-0",
    "٫",
    "٬",
    "۱۴۰۲",
    "১৪৩১",
    "২০২৪",
    "2024-02-30",
    "0000-01-01",
    "9999-12-31",
    "2023-12-20",
    "۲۹ آذر ۱۴۰۲",
    "৪ঠা আশ্বিন",
    "সালে",
    "ي",
    "ك",
    "ی",
    "ک",
    "ﻻ",
    "য়",
    "য়",
    "ড়",
    "\u{9bc}",
    "\u{654}",
    "Lavrov",
    "ল্যাভরভ",
    "لاوروف",
    "লাভরভ",
    "\"id\"",
    "\"text\"",
    "\"lang\":\"xx\"",
    "\"published\":\"20 Dec\"",
    "\"extra\":{}",
    "id,lang,published\n",
    "\u{10ffff}",
    "\u{fffd}",
    "%",
    "৳",
    "$",
    "million",
    "মিলিয়ন",
    "هزار",
    "\u{202e}",
    "ـــ",
    "   ",
];

fn jsonl_seeds() -> Vec<Vec<u8>> {
    [
        "{\"id\":\"a\",\"text\":\"ল্যাভরভ মারাকেচে পৌঁছেছেন। ২০ ডিসেম্বর ২০২৩\"}\n{\"id\":\"b\",\"text\":\"لاوروف در ۲۹ آذر ۱۴۰۲ به مراکش رسید.\",\"lang\":\"fa\",\"published\":\"2023-12-20\"}\n",
        "{\"id\": 7, \"text\": \"Lavrov arrived in Marrakech on 20 December 2023.\", \"title\": \"x\", \"url\": \"http://e\", \"source\": \"s\", \"extra\": [1, 2]}\n",
        "\u{feff}{\"id\":\"x\",\"text\":\"\"}\n\n{\"id\":\"y\",\"text\":\"১২৩৪ ৫.৬%\",\"lang\":\"bn\"}\r\n",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect()
}

fn directory_seeds() -> Vec<Vec<u8>> {
    [
        "id,lang,source,published,title,url\na,bn,,2023-12-20,ল্যাভরভ,\nb,fa,راهبرد معاصر,,\"t, \"\"q\"\"\",\n\u{1e}a\u{1f}ল্যাভরভ মারাকেচে পৌঁছেছেন।\u{1e}b\u{1f}لاوروف به مراکش رسید.",
        "-\u{1e}c\u{1f}Lavrov arrived.\u{1e}d\u{1f}",
        "id\nz\n\u{1e}z\u{1f}\u{feff}x\u{1e}w\u{1f}۲۹ آذر ۱۴۰۲",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect()
}

fn text_seeds() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpora/seeds");
    let mut seeds: Vec<Vec<u8>> = ["bn-lavrov-marrakech.txt", "fa-lavrov-shoukry-gaza.txt"]
        .iter()
        .map(|f| {
            let t = std::fs::read_to_string(root.join(f)).unwrap_or_default();
            let cut = (0..=t.len().min(1200)).rev().find(|&i| t.is_char_boundary(i)).unwrap_or(0);
            t.as_bytes()[..cut].to_vec()
        })
        .collect();
    seeds.push("2023-12-20 ۲۹ آذر ۱۴۰۲ ৪ঠা আশ্বিন, ১৪৩১ বঙ্গাব্দ 20 December 2023 $1.5 million ৫০ শতাংশ ۳ روز ১০-১২ ডিসেম্বর ২০২৪-২০২৬ সালে".into());
    seeds
}

fn name_seeds() -> Vec<Vec<u8>> {
    [
        "ল্যাভরভের\nلاوروف",
        "Lavrovلاوروفল্যাভরভ\nLavrov",
        "سامح شکری\nSameh Shoukry",
        "«بزشكيان»\u{1e}a,b\u{1e}\"q\"",
        "Georgia (country)\nজর্জিয়া",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect()
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, Vec<u8>),
    Token(usize, usize),
    Delete(usize, usize),
    Flip(usize, u8),
    Duplicate(usize, usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..4)).prop_map(|(a, b)| Edit::Insert(a, b)),
        (any::<usize>(), 0..TOKENS.len()).prop_map(|(a, t)| Edit::Token(a, t)),
        (any::<usize>(), 1usize..16).prop_map(|(a, n)| Edit::Delete(a, n)),
        (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Edit::Flip(a, b)),
        (any::<usize>(), 1usize..64, any::<usize>()).prop_map(|(a, n, to)| Edit::Duplicate(a, n, to)),
    ]
}

fn apply(seed: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut v = seed.to_vec();
    for e in edits {
        let at = |x: usize, len: usize| if len == 0 { 0 } else { x % (len + 1) };
        match e {
            Edit::Insert(a, b) => {
                let i = at(*a, v.len());
                v.splice(i..i, b.iter().copied());
            }
            Edit::Token(a, t) => {
                let i = at(*a, v.len());
                v.splice(i..i, TOKENS[*t].bytes());
            }
            Edit::Delete(a, n) => {
                let i = at(*a, v.len());
                let j = (i + n).min(v.len());
                v.drain(i..j);
            }
            Edit::Flip(a, b) if !v.is_empty() => {
                let i = a % v.len();
                v[i] ^= b;
            }
            Edit::Flip(..) => {}
            Edit::Duplicate(a, n, to) => {
                let i = at(*a, v.len());
                let j = (i + n).min(v.len());
                let span = v[i..j].to_vec();
                let k = at(*to, v.len());
                v.splice(k..k, span);
            }
        }
    }
    v
}

fn input(seeds: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<u8>> {
    (prop::sample::select(seeds), prop::collection::vec(edit(), 0..12)).prop_map(|(s, e)| apply(&s, &e))
}

// ---------------------------------------------------------------------------------------
// Runner.

fn regressions(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions").join(target)
}

/// Runs `target` for `cases` cases with `seed`, or until `deadline`; returns the cases run
/// and the shrunk failing input, if any.
fn run(target: Target, seeds: Vec<Vec<u8>>, seed: RngSeed, cases: u32) -> (u32, Option<(String, Vec<u8>)>) {
    let config = Config { cases, rng_seed: seed, failure_persistence: None, ..Config::default() };
    let mut runner = TestRunner::new(config);
    let counted = std::cell::Cell::new(0u32);
    let result = runner.run(&input(seeds), |bytes| {
        counted.set(counted.get() + 1);
        target(&bytes)
    });
    clear_scratch();
    match result {
        Ok(()) => (counted.get(), None),
        Err(TestError::Fail(why, bytes)) => (counted.get(), Some((why.to_string(), bytes))),
        Err(TestError::Abort(why)) => panic!("aborted: {why}"),
    }
}

/// A short deterministic pass of every target (what CI runs).
#[test]
fn fuzz_targets_short_pass() {
    for (name, target, seeds) in targets() {
        if let (_, Some((why, bytes))) = run(target, seeds, RngSeed::Fixed(11), 96) {
            panic!("{name}: {why}\ninput: {:?}", String::from_utf8_lossy(&bytes));
        }
    }
}

/// Every failure a long run found, replayed.
#[test]
fn fuzz_regressions_replay() {
    let mut replayed = 0;
    for (name, target, _) in targets() {
        let Ok(entries) = std::fs::read_dir(regressions(name)) else { continue };
        for e in entries {
            let path = e.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            if let Err(why) = std::panic::catch_unwind(|| target(&bytes)).unwrap_or_else(|p| {
                Err(TestCaseError::fail(p.downcast_ref::<String>().cloned().unwrap_or_else(|| "panic".into())))
            }) {
                panic!("{}: {why}", path.display());
            }
            replayed += 1;
        }
    }
    clear_scratch();
    eprintln!("{replayed} regression cases replayed");
}

/// The long run: `TALIGN_FUZZ_SECONDS` per target (set by `cargo xtask fuzz`); skipped
/// without it. Failures are written to `tests/fuzz-regressions/TARGET/` and reported at the end.
#[test]
#[ignore = "long; run through `cargo xtask fuzz --minutes N`"]
fn fuzz_long() {
    let seconds: u64 = std::env::var("TALIGN_FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    let only = std::env::var("TALIGN_FUZZ_TARGET").ok();
    let mut failures = Vec::new();
    for (name, target, seeds) in targets() {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let start = Instant::now();
        let (mut cases, mut rounds) = (0u64, 0u64);
        let mut found = 0;
        while start.elapsed() < Duration::from_secs(seconds) {
            let seed = RngSeed::Fixed(rand_seed(rounds));
            let (n, failure) = run(target, seeds.clone(), seed, 2_000);
            cases += u64::from(n);
            rounds += 1;
            if let Some((why, bytes)) = failure {
                let dir = regressions(name);
                std::fs::create_dir_all(&dir).unwrap();
                let file = dir.join(format!("{:016x}.bin", talign_events::align::fnv64(&bytes)));
                std::fs::write(&file, &bytes).unwrap();
                eprintln!("fuzz: {name}: FAILURE {why}\n  kept as {}", file.display());
                failures.push(format!("{name}: {why}"));
                found += 1;
                if found >= 5 {
                    break;
                }
            }
        }
        eprintln!("fuzz: {name}: {cases} cases in {:.0} s, {found} failures", start.elapsed().as_secs_f64());
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

fn rand_seed(round: u64) -> u64 {
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos() as u64;
    talign_events::align::fnv64(&(t ^ round.rotate_left(32)).to_le_bytes())
}
