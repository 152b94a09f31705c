//! `cargo xtask eval web`: event clustering on real web pages, scored against the labels of
//! `corpora/web-dev/manifest.csv`.
//!
//! The page texts belong to their publishers and are not in the repository: they are read
//! from a cache folder (`$TALIGN_WEB_CACHE`, else `~/.cache/talign/web-dev`), one
//! `<id>.txt` per manifest row; `corpora/web-dev/README.md` says how to rebuild it. The
//! evaluation scores what the cache holds and names what it lacks.
//!
//! The pages are handed to `talign events cluster` and `events align` as one JSONL corpus
//! with opaque ids in a scrambled order, once with the manifest's language and URL only
//! (dates must be read from the text) and once with the publication dates the pages state.
//! Scores: same-event pair precision/recall/F1 over all pairs and over Bengali–Persian
//! pairs, B-cubed precision/recall/F1, reprints linked to their event, hard negatives
//! placed in another event's cluster, and whether a second scramble (other ids, other
//! order) gives the same clusters. The baseline, in the same run: documents that share
//! two or more numbers are linked, and linked documents form an event.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::eval::{build_talign, prf, read_csv, run};

/// A labelled page.
#[derive(Debug, Clone)]
struct Page {
    id: String,
    url: String,
    lang: String,
    published: String,
    event: String,
    kind: String,
    of: String,
    text: String,
}

/// The cache folder of the page texts.
pub fn cache_dir() -> PathBuf {
    if let Some(p) = std::env::var_os("TALIGN_WEB_CACHE") {
        return PathBuf::from(p);
    }
    let home = std::env::var_os("HOME").map_or_else(|| PathBuf::from("."), PathBuf::from);
    home.join(".cache/talign/web-dev")
}

fn load(root: &Path) -> Result<(Vec<Page>, Vec<String>)> {
    let manifest = root.join("corpora/web-dev/manifest.csv");
    let text = std::fs::read_to_string(&manifest).with_context(|| format!("reading {}", manifest.display()))?;
    let cache = cache_dir();
    let mut pages = Vec::new();
    let mut missing = Vec::new();
    for row in read_csv(&text)? {
        let get = |k: &str| row.get(k).cloned().unwrap_or_default();
        let id = get("id");
        let path = cache.join(format!("{id}.txt"));
        match std::fs::read_to_string(&path) {
            Ok(t) if !t.trim().is_empty() => pages.push(Page {
                id,
                url: get("url"),
                lang: get("lang"),
                published: get("published"),
                event: get("event"),
                kind: get("kind"),
                of: get("of"),
                text: t,
            }),
            _ => missing.push(id),
        }
    }
    Ok((pages, missing))
}

/// A deterministic scramble: page order and opaque ids from a seed.
fn scramble(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (fnv(seed, (i as u64).to_le_bytes()), i));
    order
}

/// FNV-1a of `bytes`, its offset basis mixed with `seed`.
fn fnv(seed: u64, bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325u64 ^ seed, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

/// Which publication dates a run is given.
enum Dating {
    /// None: what the page's text and address say.
    Url,
    /// The manifest's, where the page states one.
    Manifest,
    /// Every page dated from the date of its labelled event (a diagnostic: what a feed that
    /// supplies publication dates would give; never a talign figure).
    FromLabels(HashMap<String, talign_corpus::Date>),
}

/// The date of each event of `corpora/web-dev/events.csv`.
fn event_dates(root: &Path) -> Result<HashMap<String, talign_corpus::Date>> {
    let path = root.join("corpora/web-dev/events.csv");
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let mut dates = HashMap::new();
    for (line, row) in read_csv(&text)?.into_iter().enumerate() {
        let (event, date) =
            (row.get("event").cloned().unwrap_or_default(), row.get("date").cloned().unwrap_or_default());
        let d = date.parse().map_err(|e| anyhow::anyhow!("{}:{}: bad date {date:?}: {e}", path.display(), line + 2))?;
        dates.insert(event, d);
    }
    Ok(dates)
}

/// Writes the pages as JSONL with opaque ids; returns the path and the id map (opaque → page index).
fn write_corpus(
    tmp: &Path,
    name: &str,
    pages: &[Page],
    seed: u64,
    dating: &Dating,
) -> Result<(PathBuf, HashMap<String, usize>)> {
    let mut alias = HashMap::new();
    let mut jsonl = String::new();
    for (k, &i) in scramble(pages.len(), seed).iter().enumerate() {
        let p = &pages[i];
        let id = format!("w{seed}-{k:04}");
        alias.insert(id.clone(), i);
        let mut v = serde_json::json!({"id": id, "lang": p.lang, "url": p.url, "text": p.text});
        match dating {
            Dating::Url => {}
            Dating::Manifest if !p.published.is_empty() => {
                v["published"] = serde_json::Value::from(p.published.clone())
            }
            Dating::Manifest => {}
            Dating::FromLabels(dates) => {
                if let Some(d) = dates.get(&p.event) {
                    // A report appears the day after, a preview five days before, a
                    // follow-up four days after.
                    let shift = match p.kind.as_str() {
                        "preview" => -5,
                        "followup" => 4,
                        _ => 1,
                    };
                    let day = talign_corpus::Date::from_days_since_epoch(d.days_since_epoch() + shift);
                    v["published"] = serde_json::Value::from(day.to_string());
                }
            }
        }
        jsonl.push_str(&v.to_string());
        jsonl.push('\n');
    }
    let path = tmp.join(format!("{name}.jsonl"));
    std::fs::write(&path, jsonl)?;
    Ok((path, alias))
}

/// A partition of the pages: cluster number per page.
type Partition = Vec<usize>;

/// Scores of one partition against the gold events.
struct Scores {
    pair: (f64, f64, f64),
    bn_fa: (f64, f64, f64),
    bcubed: (f64, f64, f64),
    reprints_linked: (usize, usize),
    negatives_misplaced: usize,
}

fn unordered(a: usize, b: usize) -> (usize, usize) {
    if a < b { (a, b) } else { (b, a) }
}

fn pairs_of(part: &Partition) -> BTreeSet<(usize, usize)> {
    let mut by: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &c) in part.iter().enumerate() {
        by.entry(c).or_default().push(i);
    }
    let mut out = BTreeSet::new();
    for members in by.values() {
        for (k, &a) in members.iter().enumerate() {
            for &b in &members[k + 1..] {
                out.insert(unordered(a, b));
            }
        }
    }
    out
}

/// The labelled events as a partition: each page's event, numbered in order of first page.
fn gold_partition(pages: &[Page]) -> Partition {
    let mut ev: BTreeMap<&str, usize> = BTreeMap::new();
    pages
        .iter()
        .map(|p| {
            let n = ev.len();
            *ev.entry(p.event.as_str()).or_insert(n)
        })
        .collect()
}

fn score(pages: &[Page], part: &Partition) -> Scores {
    let gold_ids = gold_partition(pages);
    let gold = pairs_of(&gold_ids);
    let pred = pairs_of(part);
    let tp = pred.intersection(&gold).count();
    let p = prf(tp, pred.len(), gold.len());
    let bnfa = |s: &BTreeSet<(usize, usize)>| -> BTreeSet<(usize, usize)> {
        s.iter()
            .copied()
            .filter(|&(a, b)| {
                let mut l = [pages[a].lang.as_str(), pages[b].lang.as_str()];
                l.sort_unstable();
                l == ["bn", "fa"]
            })
            .collect()
    };
    let (gb, pb) = (bnfa(&gold), bnfa(&pred));
    let q = prf(pb.intersection(&gb).count(), pb.len(), gb.len());
    // B-cubed: per page, precision and recall of its predicted cluster against its event.
    let n = pages.len();
    let (mut bp, mut br) = (0.0, 0.0);
    for i in 0..n {
        let same_pred: Vec<usize> = (0..n).filter(|&j| part[j] == part[i]).collect();
        let same_gold = (0..n).filter(|&j| gold_ids[j] == gold_ids[i]).count();
        let both = same_pred.iter().filter(|&&j| gold_ids[j] == gold_ids[i]).count();
        bp += both as f64 / same_pred.len() as f64;
        br += both as f64 / same_gold as f64;
    }
    let (bp, br) = (bp / n.max(1) as f64, br / n.max(1) as f64);
    let bf = if bp + br == 0.0 { 0.0 } else { 2.0 * bp * br / (bp + br) };
    // A reprint is linked when it shares its cluster with the page it copies (or, without
    // one named, with another page of its event).
    let index: HashMap<&str, usize> = pages.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let mut reprints = (0, 0);
    for (i, p) in pages.iter().enumerate().filter(|(_, p)| p.kind == "reprint") {
        reprints.1 += 1;
        let linked = match index.get(p.of.as_str()) {
            Some(&o) => part[o] == part[i],
            None => (0..n).any(|j| j != i && part[j] == part[i] && gold_ids[j] == gold_ids[i]),
        };
        if linked {
            reprints.0 += 1;
        }
    }
    let negatives_misplaced = pages
        .iter()
        .enumerate()
        .filter(|(i, p)| p.kind == "negative" && (0..n).any(|j| part[j] == part[*i] && gold_ids[j] != gold_ids[*i]))
        .count();
    Scores {
        pair: (p.p, p.r, p.f),
        bn_fa: (q.p, q.r, q.f),
        bcubed: (bp, br, bf),
        reprints_linked: reprints,
        negatives_misplaced,
    }
}

/// Runs `events cluster` and reads back the partition, in page order.
fn talign_partition(
    bin: &Path,
    corpus: &Path,
    alias: &HashMap<String, usize>,
    n: usize,
    extra: &[String],
) -> Result<Partition> {
    let mut args = vec!["events", "cluster", corpus.to_str().unwrap_or_default()];
    args.extend(extra.iter().map(String::as_str));
    let rows = read_csv(&run(bin, &args)?)?;
    let mut events: HashMap<String, usize> = HashMap::new();
    let mut part = vec![usize::MAX; n];
    for r in &rows {
        let k = events.len();
        let e = *events.entry(r["event"].clone()).or_insert(k);
        part[alias[&r["doc"]]] = e;
    }
    if part.contains(&usize::MAX) {
        bail!("events cluster left out a document");
    }
    Ok(part)
}

/// The numbers of a text: runs of digits of any of the digit systems, as ASCII.
fn numbers(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut cur = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        let d = match c as u32 {
            0x30..=0x39 => Some(c as u32 - 0x30),
            0x09E6..=0x09EF => Some(c as u32 - 0x09E6),
            0x06F0..=0x06F9 => Some(c as u32 - 0x06F0),
            0x0660..=0x0669 => Some(c as u32 - 0x0660),
            0x0966..=0x096F => Some(c as u32 - 0x0966),
            _ => None,
        };
        match d {
            Some(v) => cur.push(char::from(b'0' + v as u8)),
            None => {
                if !cur.is_empty() {
                    out.insert(std::mem::take(&mut cur));
                }
            }
        }
    }
    out
}

/// The baseline: two pages sharing two or more numbers are linked; linked pages form an event.
fn baseline(pages: &[Page]) -> Partition {
    let nums: Vec<BTreeSet<String>> = pages.iter().map(|p| numbers(&p.text)).collect();
    let n = pages.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for a in 0..n {
        for b in a + 1..n {
            if nums[a].intersection(&nums[b]).count() >= 2 {
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    (0..n).map(|i| find(&mut parent, i)).collect()
}

fn row(name: &str, s: &Scores) -> String {
    format!(
        "| {name} | {:.3} / {:.3} / **{:.3}** | {:.3} / {:.3} / **{:.3}** | {:.3} / {:.3} / **{:.3}** | {}/{} | {} |",
        s.pair.0,
        s.pair.1,
        s.pair.2,
        s.bn_fa.0,
        s.bn_fa.1,
        s.bn_fa.2,
        s.bcubed.0,
        s.bcubed.1,
        s.bcubed.2,
        s.reprints_linked.0,
        s.reprints_linked.1,
        s.negatives_misplaced
    )
}

/// Lists the mistakes of a partition: pages merged across events and events split apart.
fn mistakes(pages: &[Page], part: &Partition) -> String {
    let mut out = String::new();
    let mut by: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &c) in part.iter().enumerate() {
        by.entry(c).or_default().push(i);
    }
    out.push_str("# Predicted clusters that mix events\n");
    for members in by.values() {
        let events: BTreeSet<&str> = members.iter().map(|&i| pages[i].event.as_str()).collect();
        if events.len() > 1 {
            out.push('-');
            for &i in members {
                out.push_str(&format!(" {}({})", pages[i].id, pages[i].kind));
            }
            out.push('\n');
        }
    }
    out.push_str("\n# Events split over several clusters\n");
    let mut events: BTreeMap<&str, BTreeMap<usize, Vec<&str>>> = BTreeMap::new();
    for (i, p) in pages.iter().enumerate() {
        events.entry(p.event.as_str()).or_default().entry(part[i]).or_default().push(p.id.as_str());
    }
    for (e, parts) in events {
        if parts.len() > 1 {
            let shown: Vec<String> = parts.values().map(|ids| format!("[{}]", ids.join(" "))).collect();
            out.push_str(&format!("- {e}: {}\n", shown.join(" ")));
        }
    }
    out
}

/// Fits the same-event model on the talign-scored pairs of `corpus` and prints its weights.
fn fit(bin: &Path, corpus: &Path, alias: &HashMap<String, usize>, pages: &[Page]) -> Result<()> {
    let out = run(bin, &["events", "pairs", "--inputs", corpus.to_str().unwrap_or_default()])?;
    // The model's inputs are the columns after `evidence`, in the model's order.
    let header: Vec<String> = csv::Reader::from_reader(out.as_bytes()).headers()?.iter().map(str::to_owned).collect();
    let inputs: Vec<String> = header.iter().skip_while(|h| *h != "evidence").skip(1).cloned().collect();
    let rows = read_csv(&out)?;
    if rows.is_empty() {
        bail!("talign scored no pairs");
    }
    let mut x = Vec::new();
    let mut y = Vec::new();
    let mut events = Vec::new();
    for r in &rows {
        let (a, b) = (alias[&r["left"]], alias[&r["right"]]);
        x.push(inputs.iter().map(|k| r[k].parse::<f64>().unwrap_or(0.0)).collect::<Vec<f64>>());
        y.push(pages[a].event == pages[b].event);
        events.push((pages[a].event.clone(), pages[b].event.clone()));
    }
    // Three folds of events: fit without a fold's events, predict the pairs that touch them.
    let fold = |e: &str| fold_of(e);
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    for k in 0..3 {
        let train: Vec<usize> = (0..x.len()).filter(|&i| fold(&events[i].0) != k && fold(&events[i].1) != k).collect();
        let w = crate::fit::logistic(
            &train.iter().map(|&i| x[i].clone()).collect::<Vec<_>>(),
            &train.iter().map(|&i| y[i]).collect::<Vec<_>>(),
        )?;
        for i in (0..x.len()).filter(|&i| fold(&events[i].0) == k || fold(&events[i].1) == k) {
            match (crate::fit::predict(&w, &x[i]) >= 0.5, y[i]) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fneg += 1,
                _ => {}
            }
        }
    }
    let cv = prf(tp, tp + fp, tp + fneg);
    let w = crate::fit::logistic(&x, &y)?;
    println!("same-event model fitted on {} scored pairs ({} of one event)", x.len(), y.iter().filter(|&&v| v).count());
    println!("pairs at p ≥ 0.5, weights fitted without the pair's events: P {:.3} R {:.3} F1 {:.3}", cv.p, cv.r, cv.f);
    println!("inputs: {}", inputs.join(", "));
    let ws: Vec<String> = w[..w.len() - 1].iter().map(|v| format!("{v:.3}")).collect();
    println!("const WEIGHTS: [f32; {}] = [{}];", ws.len(), ws.join(", "));
    println!("const INTERCEPT: f32 = {:.3};", w[w.len() - 1]);
    Ok(())
}

/// The fold (0–2) of an event, from its name.
pub fn fold_of(event: &str) -> usize {
    (event.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)) % 3) as usize
}

/// `eval web --windows D,O`: the pages, with the manifest's publication dates, as a stream
/// in date order (the date given or read from the text, as `corpus docs` prints it; undated
/// pages last), clustered whole and in
/// windows of D days overlapping by O, each scored against the gold events and against the
/// whole run.
#[allow(clippy::too_many_arguments)]
fn windowed(
    bin: &Path,
    tmp: &Path,
    title: &str,
    pages: &[Page],
    path: &Path,
    alias: &HashMap<String, usize>,
    whole: &Partition,
    windows: &[(i64, i64)],
    event_dates: &HashMap<String, talign_corpus::Date>,
    extra: &[String],
) -> Result<()> {
    let docs = read_csv(&run(bin, &["corpus", "docs", path.to_str().unwrap_or_default()])?)?;
    let text = std::fs::read_to_string(path)?;
    let lines: HashMap<String, &str> = text
        .lines()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            Some((v["id"].as_str()?.to_owned(), l))
        })
        .collect();
    let undated = docs.iter().filter(|r| r["published"].is_empty()).count();
    // A page arrives in the stream when it is published. Where neither the manifest nor the
    // text gives that date, the date of its labelled event stands in for the time a crawler
    // would have fetched it: it only sets where the page arrives, the page stays undated.
    let mut order: Vec<(String, usize, String)> = docs
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let (date, id) = (&r["published"], &r["doc"]);
            let arrives = match alias.get(id) {
                Some(&i) if date.is_empty() => {
                    event_dates.get(&pages[i].event).map(|d| d.to_string()).unwrap_or_default()
                }
                _ => date.clone(),
            };
            (arrives, k, id.clone())
        })
        .collect();
    order.sort_by(|a, b| (a.0.is_empty(), &a.0, a.1).cmp(&(b.0.is_empty(), &b.0, b.1)));
    let mut jsonl = String::new();
    for (_, _, id) in &order {
        jsonl.push_str(lines[id]);
        jsonl.push('\n');
    }
    let dated = tmp.join(format!("{}.stream.jsonl", path.file_stem().and_then(|s| s.to_str()).unwrap_or("web")));
    std::fs::write(&dated, jsonl)?;
    // The widest spread of dates inside one event of the whole run.
    let date_of: HashMap<&str, &str> = docs.iter().map(|r| (r["doc"].as_str(), r["published"].as_str())).collect();
    let mut spans: HashMap<usize, (String, String)> = HashMap::new();
    for (id, &i) in alias {
        let d = date_of.get(id.as_str()).copied().unwrap_or_default();
        if d.is_empty() {
            continue;
        }
        let e = spans.entry(whole[i]).or_insert((d.to_owned(), d.to_owned()));
        e.0 = e.0.clone().min(d.to_owned());
        e.1 = e.1.clone().max(d.to_owned());
    }
    let day = |s: &str| -> i64 {
        let f: Vec<i64> = s.split('-').filter_map(|x| x.parse().ok()).collect();
        // Days from a fixed epoch, good enough for differences within a few years.
        if f.len() == 3 { f[0] * 372 + f[1] * 31 + f[2] } else { 0 }
    };
    let widest = spans.values().map(|(lo, hi)| day(hi) - day(lo)).max().unwrap_or(0);
    println!();
    println!(
        "time windows, {title}: {} pages in date order ({undated} with no date, given or read, arrive with their \
         labelled event); the widest event of the whole run spans about {widest} days of publication dates",
        pages.len()
    );
    println!();
    println!(
        "| run | pair P / R / F1 | bn–fa pair P / R / F1 | B-cubed P / R / F1 | reprints linked | negatives misplaced | same-event pairs shared with the whole run |"
    );
    println!("|---|---|---|---|---|---|---|");
    let base = pairs_of(whole);
    let whole_dated = talign_partition(bin, &dated, alias, pages.len(), extra)?;
    let shared = |p: &Partition| {
        let q = pairs_of(p);
        format!("{} of {} (whole) and {} (this run)", q.intersection(&base).count(), base.len(), q.len())
    };
    println!(
        "{} | {} |",
        row("whole corpus, in date order", &score(pages, &whole_dated)).trim_end_matches(" |"),
        shared(&whole_dated)
    );
    for &(d, o) in windows {
        let mut args: Vec<String> = vec!["--window-days".into(), d.to_string(), "--overlap-days".into(), o.to_string()];
        args.extend(extra.iter().cloned());
        let part = talign_partition(bin, &dated, alias, pages.len(), &args)?;
        println!(
            "{} | {} |",
            row(&format!("windows of {d} days, overlap {o}"), &score(pages, &part)).trim_end_matches(" |"),
            shared(&part)
        );
    }
    Ok(())
}

/// Options of `cargo xtask eval web`.
#[derive(Debug, Default)]
pub struct WebArgs {
    /// `--check`: fail unless the targets are met.
    pub check: bool,
    /// `--fit`: fit the same-event model's weights and print them.
    pub refit: bool,
    /// Flags after `--`, passed to `talign events cluster`.
    pub extra: Vec<String>,
    /// `--windows D,O` (repeatable).
    pub windows: Vec<(i64, i64)>,
    /// `--samples N`: also score N random samples of 80 % of the pages.
    pub samples: usize,
    /// `--event-samples N`: also score N random samples of 40 % of the events.
    pub event_samples: usize,
}

/// How a sample is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sampling {
    /// Each page kept with probability [`SAMPLE_KEEP`].
    Pages,
    /// Each event kept with probability [`EVENT_SAMPLE_KEEP`], with all its pages and the
    /// hard negatives labelled against it.
    Events,
}

/// The share of the events each sample of `--event-samples` keeps, in thousandths: about
/// 17 of the 42 events and 110 of the 292 pages, the size of the held-back set of real
/// pages (23 events, 73 pages).
const EVENT_SAMPLE_KEEP: u64 = 400;

impl Sampling {
    /// Whether sample `k` keeps `page`: a hash of the sample and the page's id (or its
    /// event, or for a hard negative the event it is a negative of), so a page's fate
    /// follows neither the manifest's order nor the other pages.
    fn keeps(self, page: &Page, k: u64) -> bool {
        let (key, keep) = match self {
            Sampling::Pages => (&page.id, SAMPLE_KEEP),
            Sampling::Events => (if page.of.is_empty() { &page.event } else { &page.of }, EVENT_SAMPLE_KEEP),
        };
        fnv(k.wrapping_mul(0x9e37_79b9_7f4a_7c15), key.bytes().chain(k.to_le_bytes())) % 1000 < keep
    }
}

/// The share of the pages each sample of `--samples` keeps, in thousandths.
const SAMPLE_KEEP: u64 = 800;

/// `eval web --samples N`: the clusters of N random samples of 80 % of the pages, each
/// scored against its pages' gold events; prints the mean and the range of each figure,
/// then each sample's figures. `--event-samples N` does the same with samples of 40 % of
/// the events, each with its pages and hard negatives: other events than the development
/// set's whole, as a held-back set is.
/// One figure on 292 pages moves by a few hundredths when one document changes cluster
/// (a large event's pairs go with it), so a change that helps should help on most samples,
/// not just on the whole set: compare two builds, or two flag sets after `--`, on the same
/// samples (they are the same for the same N).
fn sampled(bin: &Path, tmp: &Path, pages: &[Page], n: usize, how: Sampling, extra: &[String]) -> Result<()> {
    let mut all: Vec<Scores> = Vec::with_capacity(n);
    let mut kept = Vec::with_capacity(n);
    for k in 0..n as u64 {
        let sample: Vec<Page> = pages.iter().filter(|p| how.keeps(p, k)).cloned().collect();
        let (path, alias) = write_corpus(tmp, "web-sample", &sample, 1, &Dating::Url)?;
        let part = talign_partition(bin, &path, &alias, sample.len(), extra)?;
        kept.push(sample.len());
        all.push(score(&sample, &part));
    }
    let stat = |f: &dyn Fn(&Scores) -> f64, digits: usize| {
        let v: Vec<f64> = all.iter().map(f).collect();
        let mean = v.iter().sum::<f64>() / v.len() as f64;
        let (lo, hi) = v.iter().fold((f64::MAX, f64::MIN), |(lo, hi), &x| (lo.min(x), hi.max(x)));
        format!("{mean:.digits$} ({lo:.digits$}–{hi:.digits$})", digits = digits)
    };
    println!();
    let (what, keep) = match how {
        Sampling::Pages => ("page", SAMPLE_KEEP),
        Sampling::Events => ("event (with its pages and hard negatives)", EVENT_SAMPLE_KEEP),
    };
    println!(
        "samples: {n} random samples of {}–{} pages (each {what} kept with probability {:.1}), mean (range):",
        kept.iter().min().unwrap_or(&0),
        kept.iter().max().unwrap_or(&0),
        keep as f64 / 1000.0
    );
    println!();
    println!("| pair F1 | bn–fa pair F1 | B-cubed F1 | negatives misplaced |");
    println!("|---|---|---|---|");
    println!(
        "| {} | {} | {} | {} |",
        stat(&|s| s.pair.2, 3),
        stat(&|s| s.bn_fa.2, 3),
        stat(&|s| s.bcubed.2, 3),
        stat(&|s| s.negatives_misplaced as f64, 1)
    );
    // Each sample's figures, so that two builds can be compared sample by sample (a
    // change that helps should help on most of them, not just move the mean).
    println!();
    println!("| sample | pages | pair F1 | bn–fa pair F1 | B-cubed F1 | negatives misplaced |");
    println!("|---|---|---|---|---|---|");
    for (k, (s, pages)) in all.iter().zip(&kept).enumerate() {
        println!(
            "| {k} | {pages} | {:.3} | {:.3} | {:.3} | {} |",
            s.pair.2, s.bn_fa.2, s.bcubed.2, s.negatives_misplaced
        );
    }
    Ok(())
}

/// `cargo xtask eval web`.
pub fn web(root: &Path, args: &WebArgs) -> Result<()> {
    let WebArgs { check, refit, ref extra, ref windows, samples, event_samples } = *args;
    let (pages, missing) = load(root)?;
    let cache = cache_dir();
    if pages.is_empty() {
        bail!(
            "the page cache {} holds none of the pages of corpora/web-dev/manifest.csv.\n\
             The texts belong to their publishers and are not in the repository; rebuild the cache \
             as corpora/web-dev/README.md says (each row's `query` in the search tool's `pages` corpus, \
             the excerpt of the result whose URL is the row's `url`, saved as <cache>/<id>.txt), \
             or point TALIGN_WEB_CACHE at a copy.",
            cache.display()
        );
    }
    if !missing.is_empty() {
        eprintln!(
            "eval web: {} of {} pages are not in {} and are left out: {}",
            missing.len(),
            missing.len() + pages.len(),
            cache.display(),
            missing.join(", ")
        );
    }
    let bin = build_talign(root)?;
    let tmp =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from).join("xtask-eval");
    std::fs::create_dir_all(&tmp)?;

    let mut langs: BTreeMap<&str, usize> = BTreeMap::new();
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for p in &pages {
        *langs.entry(p.lang.as_str()).or_default() += 1;
        *kinds.entry(p.kind.as_str()).or_default() += 1;
    }
    let events: BTreeSet<&str> = pages.iter().map(|p| p.event.as_str()).collect();
    println!(
        "web-dev: {} pages, {} events; languages {}; kinds {}",
        pages.len(),
        events.len(),
        langs.iter().map(|(l, n)| format!("{l} {n}")).collect::<Vec<_>>().join(", "),
        kinds.iter().map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join(", ")
    );
    println!();
    println!(
        "| run | pair P / R / F1 | bn–fa pair P / R / F1 | B-cubed P / R / F1 | reprints linked | negatives misplaced |"
    );
    println!("|---|---|---|---|---|---|");
    let base = baseline(&pages);
    println!("{}", row("baseline: share ≥ 2 numbers", &score(&pages, &base)));

    let (path, alias) = write_corpus(&tmp, "web", &pages, 1, &Dating::Url)?;
    if refit {
        return fit(&bin, &path, &alias, &pages);
    }
    let part = talign_partition(&bin, &path, &alias, pages.len(), extra)?;
    let main = score(&pages, &part);
    println!("{}", row("talign (lang and url given)", &main));
    let (path_p, alias_p) = write_corpus(&tmp, "web-published", &pages, 1, &Dating::Manifest)?;
    let part_p = talign_partition(&bin, &path_p, &alias_p, pages.len(), extra)?;
    println!("{}", row("talign (published dates given too)", &score(&pages, &part_p)));
    // How much of what is left is a matter of dates: every page dated as a news feed
    // would date it (from its event's labelled date).
    let dates = event_dates(root)?;
    let (path_d, alias_d) = write_corpus(&tmp, "web-dated", &pages, 1, &Dating::FromLabels(dates.clone()))?;
    let part_d = talign_partition(&bin, &path_d, &alias_d, pages.len(), extra)?;
    println!(
        "{}",
        row("diagnostic, not a talign figure: every page dated from its labelled event", &score(&pages, &part_d))
    );

    // Other ids, other order: the same events.
    let (path2, alias2) = write_corpus(&tmp, "web-scrambled", &pages, 2, &Dating::Url)?;
    let part2 = talign_partition(&bin, &path2, &alias2, pages.len(), extra)?;
    let same = pairs_of(&part) == pairs_of(&part2);
    println!();
    println!("another order and other ids give the same events: {}", if same { "yes" } else { "NO" });

    // Candidate recall: same-event page pairs the aligner never scored count as 0 in the
    // grouping (a document's candidates are its best 20 by the inverted index).
    let mut pair_args = vec!["events", "pairs", path.to_str().unwrap_or_default()];
    pair_args.extend(extra.iter().map(String::as_str));
    let scored: BTreeSet<(usize, usize)> =
        read_csv(&run(&bin, &pair_args)?)?.iter().map(|r| unordered(alias[&r["left"]], alias[&r["right"]])).collect();
    let one_event = pairs_of(&gold_partition(&pages));
    println!(
        "same-event page pairs scored by the aligner (the rest count as 0 when grouping): {} of {}",
        one_event.intersection(&scored).count(),
        one_event.len()
    );

    // Mention precision: how many candidate names count as evidence.
    let facts = read_csv(&run(&bin, &["corpus", "facts", path.to_str().unwrap_or_default()])?)?;
    let names: Vec<&str> = facts.iter().filter(|r| r["kind"] == "name").map(|r| r["note"].as_str()).collect();
    let weak = names.iter().filter(|n| n.ends_with("unconfirmed, in two scripts")).count();
    let ignored = names.iter().filter(|n| n.ends_with("unconfirmed, ignored")).count();
    println!(
        "name mentions: {}; confirmed (lexicon, title word, repeated, or seen in another script) {}; \
         unconfirmed candidates {} (were all evidence before the confirmation rule), of which {} count weakly \
         (written in two scripts) and {} carry no evidence",
        names.len(),
        names.len() - weak - ignored,
        weak + ignored,
        weak,
        ignored
    );
    if !windows.is_empty() {
        // The manifest's publication dates given, as a stream in date order needs them.
        windowed(&bin, &tmp, "the manifest's dates", &pages, &path_p, &alias_p, &part_p, windows, &dates, extra)?;
        // Every page dated, every event within a month: where windows overlapping by more
        // than an event's span must give the whole run's clusters.
        windowed(
            &bin,
            &tmp,
            "every page dated from its labelled event (a diagnostic corpus)",
            &pages,
            &path_d,
            &alias_d,
            &part_d,
            windows,
            &dates,
            extra,
        )?;
    }
    if samples > 0 {
        sampled(&bin, &tmp, &pages, samples, Sampling::Pages, extra)?;
    }
    if event_samples > 0 {
        sampled(&bin, &tmp, &pages, event_samples, Sampling::Events, extra)?;
    }
    let report = mistakes(&pages, &part);
    std::fs::write(tmp.join("web.mistakes.md"), &report)?;
    let mut gold = String::from("id,event,kind,lang\n");
    for (opaque, &i) in alias.iter().collect::<BTreeMap<_, _>>() {
        gold.push_str(&format!("{opaque},{},{},{}\n", pages[i].event, pages[i].kind, pages[i].lang));
    }
    std::fs::write(tmp.join("web.gold.csv"), gold)?;
    println!(
        "mistakes: {}; corpus and gold under opaque ids: {}",
        tmp.join("web.mistakes.md").display(),
        tmp.display()
    );

    if check {
        let mut failed = Vec::new();
        if main.pair.2 < 0.85 {
            failed.push(format!("pair F1 {:.3} < 0.85", main.pair.2));
        }
        if main.bn_fa.2 < 0.85 {
            failed.push(format!("bn–fa pair F1 {:.3} < 0.85", main.bn_fa.2));
        }
        if main.bcubed.2 < 0.90 {
            failed.push(format!("B-cubed F1 {:.3} < 0.90", main.bcubed.2));
        }
        if main.reprints_linked.0 < main.reprints_linked.1 {
            failed.push("a reprint is not linked".into());
        }
        if main.negatives_misplaced > 0 {
            failed.push(format!("{} hard negatives in another event's cluster", main.negatives_misplaced));
        }
        if !same {
            failed.push("the events depend on the order or ids of the pages".into());
        }
        if !failed.is_empty() {
            bail!("eval web below target: {}", failed.join("; "));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_keep_about_four_fifths_and_differ() {
        let pages: Vec<Page> = (0..2000).map(|i| page(&format!("event-{i}"), "report", "bn")).collect();
        let kept = |k: u64| pages.iter().filter(|p| Sampling::Pages.keeps(p, k)).count();
        for k in 0..5 {
            let n = kept(k);
            assert!((1500..1700).contains(&n), "sample {k} kept {n} of 2000");
        }
        // The same sample on every run; another sample keeps other pages.
        let a: Vec<bool> = pages.iter().map(|p| Sampling::Pages.keeps(p, 0)).collect();
        assert_eq!(a, pages.iter().map(|p| Sampling::Pages.keeps(p, 0)).collect::<Vec<_>>());
        assert_ne!(a, pages.iter().map(|p| Sampling::Pages.keeps(p, 1)).collect::<Vec<_>>());
    }

    #[test]
    fn event_samples_keep_whole_events_with_their_negatives() {
        let mut pages = Vec::new();
        for e in 0..500 {
            let event = format!("event-{e}");
            for lang in ["bn", "fa", "ar"] {
                pages.push(page(&event, "report", lang));
            }
            // A hard negative: another event, labelled as a negative of this one.
            pages.push(Page { of: event.clone(), ..page(&format!("other-{e}"), "negative", "bn") });
        }
        for k in 0..5 {
            let kept: Vec<&Page> = pages.iter().filter(|p| Sampling::Events.keeps(p, k)).collect();
            let events: BTreeSet<&str> = kept.iter().filter(|p| p.of.is_empty()).map(|p| p.event.as_str()).collect();
            assert!((170..230).contains(&events.len()), "sample {k} kept {} of 500 events", events.len());
            // Every kept event comes whole, with its negative.
            assert_eq!(kept.len(), 4 * events.len(), "sample {k}");
            assert!(kept.iter().all(|p| events.contains(if p.of.is_empty() {
                p.event.as_str()
            } else {
                p.of.as_str()
            })));
        }
    }

    fn page(event: &str, kind: &str, lang: &str) -> Page {
        Page {
            id: format!("{event}-{kind}-{lang}"),
            url: String::new(),
            lang: lang.into(),
            published: String::new(),
            event: event.into(),
            kind: kind.into(),
            of: String::new(),
            text: String::new(),
        }
    }

    #[test]
    fn perfect_and_merged_partitions() {
        let pages = vec![
            page("a", "report", "bn"),
            page("a", "report", "fa"),
            page("b", "report", "bn"),
            page("c", "negative", "fa"),
        ];
        let s = score(&pages, &vec![0, 0, 1, 2]);
        assert_eq!(s.pair, (1.0, 1.0, 1.0));
        assert_eq!(s.bcubed.2, 1.0);
        assert_eq!(s.negatives_misplaced, 0);
        // Everything in one cluster: one right pair out of six, and the negative misplaced.
        let s = score(&pages, &vec![0, 0, 0, 0]);
        assert!((s.pair.0 - 1.0 / 6.0).abs() < 1e-9);
        assert_eq!(s.pair.1, 1.0);
        assert_eq!(s.negatives_misplaced, 1);
        assert_eq!(s.bn_fa.1, 1.0);
    }

    #[test]
    fn numbers_of_every_digit_system() {
        assert_eq!(numbers("২৭ ডিসেম্বর ২০২৩ and ۲۷ and 2023"), ["2023", "27"].iter().map(|s| s.to_string()).collect());
    }

    #[test]
    fn scrambles_are_permutations() {
        let mut o = scramble(50, 3);
        assert_ne!(o, (0..50).collect::<Vec<_>>());
        o.sort_unstable();
        assert_eq!(o, (0..50).collect::<Vec<_>>());
    }
}
