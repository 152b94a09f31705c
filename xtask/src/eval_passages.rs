//! `cargo xtask eval passages-web`: sentence pairs of independent Bengali–Persian reports,
//! scored against the hand-labelled gold of `corpora/web-dev/passages-gold.csv` (see
//! `corpora/web-dev/PASSAGES.md`).
//!
//! The whole web-dev set (the cached page texts, `$TALIGN_WEB_CACHE` or
//! `~/.cache/talign/web-dev`) is handed to `talign export sentences`, as a user would. A
//! printed pair counts when its two documents are a labelled document pair (by default
//! `export sentences` prints the links, the unlinked reports of one event in two
//! languages, and, for two languages without a learnt table, each document's best partner
//! of its event in the other: `Analysis::shown_pairs`); it is right
//! when its passages overlap, on both sides, the byte spans of one gold pair (a passage a
//! page carries twice, a headline repeated as its lead, stands for each occurrence: the
//! printed text does not say which one was paired). Precision is
//! over the pairs printed for labelled document pairs, recall over the gold pairs (a gold
//! pair is found when some printed pair overlaps it on both sides). The baseline, in the
//! same run, is the same binary with every linked pair aligned monotonically
//! (`--passage-no-mining`). The table also says how many labelled document pairs the
//! linker joined: a pair it did not link gets no passages. A second pair of rows aligns
//! every pair the aligner scored inside one event (`export sentences --within-events`), and
//! counts a labelled pair as joined when it printed passages for it. A third pair hands the
//! labelled document pairs to the aligner (`export sentences --pairs`), which measures
//! passage alignment apart from linking.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::eval::{build_talign, prf, read_csv, run};
use crate::eval_web::cache_dir;

/// A gold pair: byte spans in the left (Bengali) and right (Persian) pages.
#[derive(Debug, Clone)]
struct GoldPair {
    left: (usize, usize),
    right: (usize, usize),
}

/// Text with runs of white space folded to one space, and the byte offset in the original
/// text of each byte of the folded one.
struct Folded {
    text: String,
    at: Vec<usize>,
}

impl Folded {
    fn new(s: &str) -> Folded {
        let (mut text, mut at) = (String::new(), Vec::new());
        let mut space = false;
        for (i, c) in s.char_indices() {
            if c.is_whitespace() {
                space = !text.is_empty();
                continue;
            }
            if space {
                text.push(' ');
                at.push(i);
                space = false;
            }
            let start = text.len();
            text.push(c);
            at.extend((0..text.len() - start).map(|k| i + k));
        }
        at.push(s.len());
        Folded { text, at }
    }

    /// The byte spans in the original text of every occurrence of `passage` (white space
    /// folded): a page may carry a sentence twice (a headline repeated as the lead, a
    /// story shown twice), and the printed text does not say which one was paired.
    fn spans_of(&self, passage: &str) -> Vec<(usize, usize)> {
        let p = Folded::new(passage).text;
        if p.is_empty() {
            return Vec::new();
        }
        self.text
            .char_indices()
            .filter(|&(k, _)| self.text[k..].starts_with(&p))
            .map(|(k, _)| (self.at[k], self.at[k + p.len() - 1] + 1))
            .collect()
    }
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Whether some occurrence of a printed passage overlaps a gold span.
fn any_overlaps(spans: &[(usize, usize)], gold: (usize, usize)) -> bool {
    spans.iter().any(|&s| overlaps(s, gold))
}

/// Scores of one run.
struct Scores {
    printed: usize,
    right: usize,
    found: usize,
    gold: usize,
    linked: usize,
    pairs: usize,
}

/// Scores `talign export sentences` (with `extra` flags) against the gold.
fn score(
    bin: &Path,
    corpus: &Path,
    extra: &[&str],
    talign: &[String],
    texts: &HashMap<String, String>,
    gold: &BTreeMap<(String, String), Vec<GoldPair>>,
    labelled: &BTreeSet<(String, String)>,
) -> Result<Scores> {
    let given = extra.contains(&"--pairs");
    let mut args = vec!["export", "sentences", corpus.to_str().unwrap_or_default()];
    args.extend_from_slice(extra);
    args.extend(talign.iter().map(String::as_str));
    let rows = read_csv(&run(bin, &args)?)?;
    let folded: HashMap<&String, Folded> = texts.iter().map(|(id, t)| (id, Folded::new(t))).collect();
    let (mut printed, mut right) = (0, 0);
    let mut found: BTreeSet<(String, String, usize)> = BTreeSet::new();
    let mut linked: BTreeSet<(String, String)> = BTreeSet::new();
    for r in &rows {
        let (mut l, mut rt) = ((&r["left_doc"], &r["left"]), (&r["right_doc"], &r["right"]));
        if !labelled.contains(&(l.0.clone(), rt.0.clone())) {
            std::mem::swap(&mut l, &mut rt);
        }
        let key = (l.0.clone(), rt.0.clone());
        if !labelled.contains(&key) {
            continue;
        }
        linked.insert(key.clone());
        printed += 1;
        let (ls, rs) = (folded[l.0].spans_of(l.1), folded[rt.0].spans_of(rt.1));
        if ls.is_empty() || rs.is_empty() {
            bail!("a passage printed for {} / {} is not in its page", l.0, rt.0);
        }
        let mut ok = false;
        for (k, g) in gold.get(&key).into_iter().flatten().enumerate() {
            if any_overlaps(&ls, g.left) && any_overlaps(&rs, g.right) {
                ok = true;
                found.insert((key.0.clone(), key.1.clone(), k));
            }
        }
        right += usize::from(ok);
    }
    // Labelled pairs the linker joined (or that were given), with or without printed passages.
    if given {
        linked.extend(labelled.iter().cloned());
    }
    let mut align = vec!["events", "align", corpus.to_str().unwrap_or_default()];
    align.extend(talign.iter().map(String::as_str));
    let links = read_csv(&run(bin, &align)?)?;
    for r in &links {
        for key in [(r["left"].clone(), r["right"].clone()), (r["right"].clone(), r["left"].clone())] {
            if labelled.contains(&key) {
                linked.insert(key);
            }
        }
    }
    Ok(Scores {
        printed,
        right,
        found: found.len(),
        gold: gold.values().map(Vec::len).sum(),
        linked: linked.len(),
        pairs: labelled.len(),
    })
}

/// Passage-pair precision, recall and F1 on the labelled independent reports of web-dev.
pub fn passages_web(root: &Path, check: bool, talign: &[String]) -> Result<()> {
    let dir = root.join("corpora/web-dev");
    let manifest = read_csv(&std::fs::read_to_string(dir.join("manifest.csv")).context("reading the manifest")?)?;
    let cache = cache_dir();
    let mut texts = HashMap::new();
    let mut jsonl = String::new();
    let mut missing = Vec::new();
    for row in &manifest {
        let id = &row["id"];
        match std::fs::read_to_string(cache.join(format!("{id}.txt"))) {
            Ok(t) if !t.trim().is_empty() => {
                let v = serde_json::json!({"id": id, "lang": row["lang"], "url": row["url"], "text": t});
                jsonl.push_str(&v.to_string());
                jsonl.push('\n');
                texts.insert(id.clone(), t);
            }
            _ => missing.push(id.clone()),
        }
    }
    if texts.is_empty() {
        bail!(
            "no cached page in {}: rebuild the cache as corpora/web-dev/README.md says (or set TALIGN_WEB_CACHE)",
            cache.display()
        );
    }
    let labelled: BTreeSet<(String, String)> = read_csv(&std::fs::read_to_string(dir.join("passage-pairs.csv"))?)?
        .iter()
        .map(|r| (r["left_doc"].clone(), r["right_doc"].clone()))
        .filter(|(l, r)| texts.contains_key(l) && texts.contains_key(r))
        .collect();
    let mut gold: BTreeMap<(String, String), Vec<GoldPair>> = BTreeMap::new();
    for r in read_csv(&std::fs::read_to_string(dir.join("passages-gold.csv"))?)? {
        let key = (r["left_doc"].clone(), r["right_doc"].clone());
        if !labelled.contains(&key) {
            continue;
        }
        let n = |k: &str| r[k].parse::<usize>().with_context(|| format!("passages-gold.csv: bad {k} `{}`", r[k]));
        gold.entry(key)
            .or_default()
            .push(GoldPair { left: (n("left_start")?, n("left_end")?), right: (n("right_start")?, n("right_end")?) });
    }
    let bin = build_talign(root)?;
    let tmp = root.join("target/xtask-eval");
    std::fs::create_dir_all(&tmp)?;
    let corpus = tmp.join("web-dev-passages.jsonl");
    std::fs::write(&corpus, jsonl)?;
    if !missing.is_empty() {
        println!("{} pages missing from {} (scored without them)", missing.len(), cache.display());
    }
    let pairs_csv = tmp.join("web-dev-passage-pairs.csv");
    let mut text = String::from("left,right\n");
    for (l, r) in &labelled {
        text.push_str(&format!("{l},{r}\n"));
    }
    std::fs::write(&pairs_csv, text)?;
    let pairs = pairs_csv.to_str().unwrap_or_default();
    if !talign.is_empty() {
        println!("talign flags: {}\n", talign.join(" "));
    }
    println!("| document pairs | aligner | labelled doc pairs linked | printed | right | P | gold | found | R | F1 |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let mut f1 = 0.0;
    for (name, extra) in [
        ("shown by talign (links, unlinked reports) | monotonic only (baseline)", &["--passage-no-mining"][..]),
        ("shown by talign (links, unlinked reports) | two regimes", &[][..]),
        ("in one event (--within-events) | monotonic only (baseline)", &["--passage-no-mining", "--within-events"][..]),
        ("in one event (--within-events) | two regimes", &["--within-events"][..]),
        ("the labelled ones (--pairs) | monotonic only (baseline)", &["--passage-no-mining", "--pairs", pairs][..]),
        ("the labelled ones (--pairs) | two regimes", &["--pairs", pairs][..]),
    ] {
        let s = score(&bin, &corpus, extra, talign, &texts, &gold, &labelled)?;
        let m = prf(s.right, s.printed, s.gold);
        // Recall over gold pairs found (a printed pair may find several overlapping ones).
        let r = s.found as f64 / s.gold.max(1) as f64;
        let f = if m.p + r == 0.0 { 0.0 } else { 2.0 * m.p * r / (m.p + r) };
        println!(
            "| {name} | {}/{} | {} | {} | {:.3} | {} | {} | {:.3} | {:.3} |",
            s.linked, s.pairs, s.printed, s.right, m.p, s.gold, s.found, r, f
        );
        f1 = f;
    }
    if check && f1 < 0.70 {
        bail!("passage-pair F1 {f1:.3} < 0.70");
    }
    Ok(())
}
