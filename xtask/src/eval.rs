//! `cargo xtask eval names|events`: accuracy of the `talign` binary on the development
//! data in `../shared/data/` (or `--data DIR`), run end to end through the CLI.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::variants::{self, Shape, Side};

/// Options shared by the evaluations.
#[derive(Debug, Default)]
pub struct EvalArgs {
    /// Directory holding `names-dev/` and `ntrex-dev/`.
    pub data: Option<PathBuf>,
    /// Fail when a figure is below its target.
    pub check: bool,
    /// Names: also run with an empty lexicon (rules alone).
    pub no_lexicon: bool,
    /// Events: flags after `--`, handed to every `talign events align` and `export
    /// sentences` run (to measure tuning flags on every variant).
    pub talign: Vec<String>,
    /// Events: which pairs of each shaped variant are donors, unpartnered and padded is
    /// rotated by this (0: the standard assignment): the same shapes drawn from other
    /// pairs, as a held-back set is, to judge a change beyond one assignment.
    pub rotate: usize,
}

impl EvalArgs {
    /// Parses `--data DIR`, `--check`, `--no-lexicon`, `--rotate N`, and `-- FLAGS...` for
    /// talign.
    pub fn parse(args: &[String]) -> Result<EvalArgs> {
        let mut out = EvalArgs::default();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--" => {
                    out.talign = it.by_ref().cloned().collect();
                }
                "--data" => out.data = Some(PathBuf::from(it.next().context("--data needs a directory")?)),
                "--check" => out.check = true,
                "--no-lexicon" => out.no_lexicon = true,
                "--rotate" => {
                    out.rotate = it.next().context("--rotate needs a number")?.parse().context("--rotate N")?;
                }
                other => bail!("unknown option `{other}` (expected --data DIR, --check, --no-lexicon, --rotate N)"),
            }
        }
        Ok(out)
    }

    pub fn data_dir(&self, root: &Path) -> PathBuf {
        self.data.clone().unwrap_or_else(|| root.join("../shared/data"))
    }
}

/// Builds the release binary and returns its path.
pub fn build_talign(root: &Path) -> Result<PathBuf> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let st = Command::new(cargo)
        .current_dir(root)
        .args(["build", "--release", "--quiet", "-p", "talign"])
        .status()
        .context("running cargo build")?;
    if !st.success() {
        bail!("cargo build --release -p talign failed");
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    Ok(target.join("release/talign"))
}

/// [`run`] with owned arguments.
pub(crate) fn run_owned(bin: &Path, args: &[String]) -> Result<String> {
    run(bin, &args.iter().map(String::as_str).collect::<Vec<_>>())
}

pub(crate) fn run(bin: &Path, args: &[&str]) -> Result<String> {
    let out = Command::new(bin).args(args).output().with_context(|| format!("running {}", bin.display()))?;
    if !out.status.success() {
        bail!("talign {} failed: {}", args.join(" "), String::from_utf8_lossy(&out.stderr));
    }
    String::from_utf8(out.stdout).context("talign printed invalid UTF-8")
}

/// Rows of a delimited table as maps from column name to value.
fn read_table(text: &str, delimiter: u8) -> Result<Vec<HashMap<String, String>>> {
    let mut rdr =
        csv::ReaderBuilder::new().delimiter(delimiter).quoting(delimiter == b',').from_reader(text.as_bytes());
    let headers = rdr.headers()?.clone();
    let mut rows = Vec::new();
    for rec in rdr.records() {
        let rec = rec?;
        rows.push(headers.iter().zip(rec.iter()).map(|(h, v)| (h.to_owned(), v.to_owned())).collect());
    }
    Ok(rows)
}

pub(crate) fn read_csv(text: &str) -> Result<Vec<HashMap<String, String>>> {
    read_table(text, b',')
}

fn read_tsv(path: &Path) -> Result<Vec<HashMap<String, String>>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    read_table(&text, b'\t')
}

/// Anchors from `shared/data/README.md` (uroman + rapidfuzz), for the report.
const NAME_ANCHORS: &[(&str, [f64; 4])] = &[
    ("places.tsv", [0.542, 0.568, 0.719, 0.652]),
    ("countries.tsv", [0.599, 0.566, 0.740, 0.616]),
    ("persons.tsv", [0.401, 0.503, 0.773, 0.598]),
];
const DIRECTIONS: [(&str, &str); 4] = [("bn", "fa"), ("fa", "bn"), ("bn", "en"), ("fa", "en")];

/// One names-dev file as entity groups: per script (`bn`, `fa`, `en`), each group's forms.
/// places.tsv and countries.tsv hold one form per script and row; persons.tsv several,
/// separated by `|` (columns `latin_forms`, `bn_forms`, `arabic_script_forms`).
struct NameGroups {
    forms: HashMap<&'static str, Vec<Vec<String>>>,
}

impl NameGroups {
    fn read(path: &Path) -> Result<NameGroups> {
        let rows = read_tsv(path)?;
        let mut forms: HashMap<&'static str, Vec<Vec<String>>> = HashMap::new();
        for (script, columns) in [
            ("bn", ["bn", "bn_forms"]),
            ("fa", ["fa", "arabic_script_forms"]),
            ("en", ["en", "latin_forms"]),
            ("ru", ["ru", "ru"]),
            ("hi", ["hi", "hi"]),
        ] {
            // Russian and Hindi are only in the Cyrillic and Devanagari pairs.
            if matches!(script, "ru" | "hi") && rows.first().is_some_and(|r| !r.contains_key(script)) {
                continue;
            }
            let mut groups = Vec::with_capacity(rows.len());
            for (i, r) in rows.iter().enumerate() {
                let cell = columns
                    .iter()
                    .find_map(|c| r.get(*c))
                    .with_context(|| format!("{}: no column {} or {}", path.display(), columns[0], columns[1]))?;
                let group: Vec<String> =
                    cell.split('|').map(str::trim).filter(|f| !f.is_empty()).map(str::to_owned).collect();
                if group.is_empty() {
                    bail!("{}:{}: no {script} form", path.display(), i + 2);
                }
                groups.push(group);
            }
            forms.insert(script, groups);
        }
        Ok(NameGroups { forms })
    }

    /// Top-1 accuracy of `src` → `dst`: each group's first `src` form is a query; the
    /// candidates are all `dst` forms of the file, in file order (a form shared by two groups
    /// appears twice, as the single-form files always had it); the answer is right when it is
    /// one of the group's `dst` forms.
    fn top1(&self, bin: &Path, tmp: &Path, src: &str, dst: &str, no_lexicon: bool) -> Result<f64> {
        let (queries, targets) = (&self.forms[src], &self.forms[dst]);
        let candidates: Vec<&str> = targets.iter().flatten().map(String::as_str).collect();
        let left = tmp.join("left.txt");
        let right = tmp.join("right.txt");
        std::fs::write(&left, queries.iter().map(|g| g[0].as_str()).collect::<Vec<_>>().join("\n") + "\n")?;
        std::fs::write(&right, candidates.join("\n") + "\n")?;
        let mut a = vec!["names", "pair", left.to_str().unwrap_or_default(), right.to_str().unwrap_or_default()];
        if no_lexicon {
            a.push("--no-lexicon");
        }
        let out = read_csv(&run(bin, &a)?)?;
        if out.len() != queries.len() {
            bail!("{src}→{dst}: {} rows out for {} names in", out.len(), queries.len());
        }
        let right_ok = targets.iter().zip(&out).filter(|(g, o)| g.iter().any(|f| *f == o["right"])).count();
        Ok(right_ok as f64 / queries.len() as f64)
    }
}

/// Top-1 pairing accuracy in the four directions on each names-dev file, with the
/// lexicon and (with `--no-lexicon`) by the rules alone.
pub fn names(root: &Path, args: &EvalArgs) -> Result<()> {
    let bin = build_talign(root)?;
    let dir = args.data_dir(root).join("names-dev");
    let tmp = root.join("target/xtask-eval");
    std::fs::create_dir_all(&tmp)?;
    let mut failures = Vec::new();
    let modes: &[(&str, bool)] =
        if args.no_lexicon { &[("lexicon", false), ("rules only", true)] } else { &[("lexicon", false)] };
    println!("| file | lexicon | bn→fa | fa→bn | bn→en | fa→en | anchor (uroman+rapidfuzz) |");
    println!("|---|---|---|---|---|---|---|");
    for (file, anchor) in NAME_ANCHORS {
        let groups = NameGroups::read(&dir.join(file))?;
        let target = match *file {
            "countries.tsv" => 0.80,
            _ => 0.85,
        };
        for &(mode, no_lex) in modes {
            let mut accs = Vec::new();
            for (src, dst) in DIRECTIONS {
                let acc = groups.top1(&bin, &tmp, src, dst, no_lex)?;
                if !no_lex && acc < target {
                    failures.push(format!("{file} {src}→{dst}: {acc:.3} < {target}"));
                }
                accs.push(acc);
            }
            println!(
                "| {file} | {mode} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} / {:.3} / {:.3} / {:.3} |",
                accs[0], accs[1], accs[2], accs[3], anchor[0], anchor[1], anchor[2], anchor[3]
            );
        }
    }
    cyrillic_devanagari(root, &bin, &tmp, modes)?;
    if args.check && !failures.is_empty() {
        bail!("below target: {}", failures.join("; "));
    }
    Ok(())
}

/// Top-1 accuracy from and to Russian (Cyrillic) and Hindi (Devanagari) on the CLDR place
/// names in `tests/fixtures/names/` (see its README), as a matrix: one row per query script.
fn cyrillic_devanagari(root: &Path, bin: &Path, tmp: &Path, modes: &[(&str, bool)]) -> Result<()> {
    let file = "cldr-cyrillic-devanagari.tsv";
    let groups = NameGroups::read(&root.join("tests/fixtures/names").join(file))?;
    let scripts = ["en", "bn", "fa", "ru", "hi"];
    println!();
    println!("{file}: top-1, query script (rows) → candidate script (columns)");
    println!();
    println!("| from | lexicon | → en | → bn | → fa | → ru | → hi |");
    println!("|---|---|---|---|---|---|---|");
    for src in scripts {
        for &(mode, no_lex) in modes {
            let mut cells = Vec::new();
            for dst in scripts {
                // Only the pairs with Russian or Hindi on one side are this table's.
                if src == dst || !(matches!(src, "ru" | "hi") || matches!(dst, "ru" | "hi")) {
                    cells.push("".to_owned());
                    continue;
                }
                cells.push(format!("{:.3}", groups.top1(bin, tmp, src, dst, no_lex)?));
            }
            println!("| {src} | {mode} | {} |", cells.join(" | "));
        }
    }
    Ok(())
}

fn fold_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) struct Prf {
    pub p: f64,
    pub r: f64,
    pub f: f64,
}

pub(crate) fn prf(tp: usize, predicted: usize, gold: usize) -> Prf {
    let p = if predicted == 0 { 0.0 } else { tp as f64 / predicted as f64 };
    let r = if gold == 0 { 0.0 } else { tp as f64 / gold as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    Prf { p, r, f }
}

#[derive(Debug, Clone)]
pub(crate) struct Article {
    pub(crate) id: String,
    pub(crate) lang: String,
    pub(crate) title: String,
    pub(crate) text: String,
}

/// Documents with their gold document links and passage pairs (Bengali, Persian).
pub(crate) struct EvalSet {
    pub(crate) docs: Vec<Article>,
    pub(crate) gold_docs: BTreeSet<(String, String)>,
    pub(crate) gold_sents: Vec<(String, String)>,
}

/// Runs align + export sentences on `docs` (written as JSONL with opaque ids) and scores them:
/// document links, passage pairs, and the share of the gold passage pairs that lie in gold
/// document pairs talign did not link (passage recall lost before passages are aligned).
fn score_events(
    bin: &Path,
    extra: &[String],
    tmp: &Path,
    name: &str,
    docs: &[Article],
    gold_docs: &BTreeSet<(String, String)>,
    gold_sents: &[(String, String)],
) -> Result<(Prf, Prf, f64)> {
    // Opaque ids in a scrambled order: the aligner must not lean on ids or input order.
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by_key(|&i| (i * 7919 + 13) % docs.len().max(1));
    let mut alias: HashMap<String, String> = HashMap::new();
    let mut jsonl = String::new();
    for (k, &i) in order.iter().enumerate() {
        let d = &docs[i];
        let id = format!("doc{k:05}");
        alias.insert(id.clone(), d.id.clone());
        let v = serde_json::json!({"id": id, "lang": d.lang, "title": d.title, "text": d.text});
        jsonl.push_str(&v.to_string());
        jsonl.push('\n');
    }
    // The set as the aligner sees it, with its gold under the opaque ids, kept for inspection.
    let path = tmp.join(format!("{name}.jsonl"));
    std::fs::write(&path, jsonl)?;
    let opaque: HashMap<&String, &String> = alias.iter().map(|(k, v)| (v, k)).collect();
    let mut gold_csv = String::from("left,right\n");
    for (a, b) in gold_docs {
        gold_csv.push_str(&format!("{},{}\n", opaque[a], opaque[b]));
    }
    std::fs::write(tmp.join(format!("{name}.gold_documents.csv")), gold_csv)?;
    let mut w = csv::Writer::from_path(tmp.join(format!("{name}.gold_sentences.csv")))?;
    w.write_record(["bn", "fa"])?;
    for (a, b) in gold_sents {
        w.write_record([a, b])?;
    }
    w.flush()?;
    let p = path.to_str().unwrap_or_default();
    let with = |cmd: &[&'static str]| -> Vec<String> {
        cmd.iter().map(|s| s.to_string()).chain([p.to_owned()]).chain(extra.iter().cloned()).collect()
    };
    let links = read_csv(&run_owned(bin, &with(&["events", "align"]))?)?;
    let pred: BTreeSet<(String, String)> = links
        .iter()
        .map(|r| {
            let (a, b) = (alias[&r["left"]].clone(), alias[&r["right"]].clone());
            if a < b { (a, b) } else { (b, a) }
        })
        .collect();
    let tp = pred.iter().filter(|x| gold_docs.contains(x)).count();
    let doc = prf(tp, pred.len(), gold_docs.len());

    let rows = read_csv(&run_owned(bin, &with(&["export", "sentences"]))?)?;
    let gold: BTreeSet<(String, String)> = gold_sents.iter().map(|(a, b)| (fold_ws(a), fold_ws(b))).collect();
    let mut hit = BTreeSet::new();
    let mut correct = 0;
    for r in &rows {
        let (l, rt) = (fold_ws(&r["left"]), fold_ws(&r["right"]));
        let key = if gold.contains(&(l.clone(), rt.clone())) {
            Some((l, rt))
        } else if gold.contains(&(rt.clone(), l.clone())) {
            Some((rt, l))
        } else {
            None
        };
        if let Some(k) = key {
            correct += 1;
            hit.insert(k);
        }
    }
    let sp = if rows.is_empty() { 0.0 } else { correct as f64 / rows.len() as f64 };
    let sr = hit.len() as f64 / gold.len().max(1) as f64;
    let sf = if sp + sr == 0.0 { 0.0 } else { 2.0 * sp * sr / (sp + sr) };
    // Each gold passage pair's document pair: the gold pair whose texts hold its two sides.
    let text: HashMap<&str, String> = docs.iter().map(|d| (d.id.as_str(), fold_ws(&d.text))).collect();
    let holds = |id: &str, s: &str| text.get(id).is_some_and(|t| t.contains(s));
    let unlinked = gold
        .iter()
        .filter(|(x, y)| {
            gold_docs.iter().any(|(a, b)| {
                !pred.contains(&(a.clone(), b.clone()))
                    && ((holds(a, x) && holds(b, y)) || (holds(a, y) && holds(b, x)))
            })
        })
        .count();
    Ok((doc, Prf { p: sp, r: sr, f: sf }, unlinked as f64 / gold.len().max(1) as f64))
}

/// Document-link and passage-pair precision, recall and F1 on NTREX, plus two harder
/// variants built from it: partial overlap, and documents without a partner.
pub fn events(root: &Path, args: &EvalArgs) -> Result<()> {
    let bin = build_talign(root)?;
    let dir = args.data_dir(root).join("ntrex-dev");
    let dir = if dir.exists() { dir } else { root.join("corpora/ntrex-dev") };
    let tmp = root.join("target/xtask-eval");
    std::fs::create_dir_all(&tmp)?;
    let text = std::fs::read_to_string(dir.join("articles.jsonl"))?;
    let mut docs = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let s = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
        docs.push(Article { id: s("id"), lang: s("lang"), title: s("title"), text: s("text") });
    }
    let gd = read_csv(&std::fs::read_to_string(dir.join("gold_documents.csv"))?)?;
    let gold_docs: BTreeSet<(String, String)> = gd
        .iter()
        .map(
            |r| if r["bn"] < r["fa"] { (r["bn"].clone(), r["fa"].clone()) } else { (r["fa"].clone(), r["bn"].clone()) },
        )
        .collect();
    let gs = read_csv(&std::fs::read_to_string(dir.join("gold_sentences.csv"))?)?;
    let gold_sents: Vec<(String, String)> = gs.iter().map(|r| (r["bn"].clone(), r["fa"].clone())).collect();

    if !args.talign.is_empty() {
        println!("talign flags: {}\n", args.talign.join(" "));
    }
    if args.rotate != 0 {
        println!("shaped variants drawn with rotation {}\n", args.rotate);
    }
    println!(
        "| set | docs | doc P | doc R | doc F1 | passage P | passage R | passage F1 | gold passages in unlinked pairs |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    let show = |name: &str, n: usize, d: &Prf, s: &Prf, u: f64| {
        println!(
            "| {name} | {n} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {u:.3} |",
            d.p, d.r, d.f, s.p, s.r, s.f
        );
    };
    let (d, s, u) = score_events(&bin, &args.talign, &tmp, "ntrex-dev", &docs, &gold_docs, &gold_sents)?;
    show("ntrex-dev", docs.len(), &d, &s, u);
    let mut failures = Vec::new();
    if d.f < 0.98 {
        failures.push(format!("document F1 {:.3} < 0.98", d.f));
    }
    if s.f < 0.90 {
        failures.push(format!("passage F1 {:.3} < 0.90", s.f));
    }

    for (name, label, side, pad, whole) in [
        ("partial", "partial (fa ⅓ kept and padded, ¼ unpartnered)", "fa", true, false),
        ("third", "third (bn ⅓ kept, unpadded, ¼ unpartnered)", "bn", false, false),
        ("mixed", "mixed (¼ whole, ¼ fa ⅓ kept unpadded, ¼ unpartnered)", "fa", false, true),
    ] {
        let set = partial_variant(&docs, &gs, side, pad, whole)?;
        let (d, s, u) = score_events(&bin, &args.talign, &tmp, name, &set.docs, &set.gold_docs, &set.gold_sents)?;
        show(label, set.docs.len(), &d, &s, u);
    }

    // Every shape of overlap, in both directions (see `variants`).
    for shape in Shape::all() {
        for side in [Side::Bn, Side::Fa] {
            let set = variants::build(&docs, &gs, shape, side, args.rotate)?;
            let (d, s, u) =
                score_events(&bin, &args.talign, &tmp, &shape.slug(side), &set.docs, &set.gold_docs, &set.gold_sents)?;
            show(&shape.label(side), set.docs.len(), &d, &s, u);
            if args.check && shape.is_partial() && (d.f < 0.95 || s.f < 0.80) {
                failures.push(format!("{}: document F1 {:.3}, passage F1 {:.3}", shape.slug(side), d.f, s.f));
            }
        }
    }

    if args.check && !failures.is_empty() {
        bail!("below target: {}", failures.join("; "));
    }
    Ok(())
}

/// A partial-overlap variant of the dev set, built from the gold pairs by their position k
/// (in the order of the cut side's ids): pairs with k % 4 == 2 leave the corpus (with
/// `pad`, their `side` sentences become filler); pairs with k % 4 == 3 lose their `side`
/// article (the other one has no partner); the other `side` articles keep one contiguous
/// third of their body, padded with filler to their old length when `pad` is set. Gold
/// keeps only the sentence pairs whose `side` sentence survived. With `whole`, pairs with
/// k % 4 == 1 stay whole (translations, as in the dev set).
fn partial_variant(
    docs: &[Article],
    gs: &[HashMap<String, String>],
    side: &str,
    pad: bool,
    whole: bool,
) -> Result<EvalSet> {
    let other = if side == "fa" { "bn" } else { "fa" };
    let (side_doc, other_doc) = (format!("{side}_doc"), format!("{other}_doc"));
    // Per article of the cut side: its gold lines (side text, other text), in order.
    let mut lines_of: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut partner: HashMap<String, String> = HashMap::new();
    for r in gs {
        lines_of.entry(r[&side_doc].clone()).or_default().push((r[side].clone(), r[other].clone()));
        partner.insert(r[&side_doc].clone(), r[&other_doc].clone());
    }
    let ids: Vec<String> = lines_of.keys().cloned().collect();
    let donors: Vec<&String> = ids.iter().enumerate().filter(|(k, _)| k % 4 == 2).map(|(_, f)| f).collect();
    let mut out = Vec::new();
    let mut gold_docs = BTreeSet::new();
    let mut gold_sents = Vec::new();
    for (k, id) in ids.iter().enumerate() {
        let mate = &partner[id];
        match k % 4 {
            2 => continue,
            3 => {
                out.extend(docs.iter().filter(|d| &d.id == mate).cloned());
                continue;
            }
            _ => {}
        }
        let lines = &lines_of[id];
        let art = docs.iter().find(|d| &d.id == id).context("gold names a missing document")?;
        if whole && k % 4 == 1 {
            out.push(art.clone());
            out.extend(docs.iter().filter(|d| &d.id == mate).cloned());
            gold_docs.insert(if mate < id { (mate.clone(), id.clone()) } else { (id.clone(), mate.clone()) });
            gold_sents.extend(lines.iter().map(|x| if side == "bn" { x.clone() } else { (x.1.clone(), x.0.clone()) }));
            continue;
        }
        let third = (lines.len() / 3).max(1);
        let start = (k * 5) % (lines.len() - third + 1);
        let kept = &lines[start..start + third];
        let mut body: Vec<&str> = kept.iter().map(|x| x.0.as_str()).collect();
        if pad {
            // Each donor serves two recipients, one half each, so no two padded articles share text.
            let recipient = gold_docs.len();
            let donor = &lines_of[donors[(recipient / 2) % donors.len()]];
            let half = donor.len() / 2;
            let filler = if recipient % 2 == 0 { &donor[..half] } else { &donor[half..] };
            let n = (lines.len() - third).min(filler.len());
            let mut padded: Vec<&str> = filler[..n / 2].iter().map(|x| x.0.as_str()).collect();
            padded.append(&mut body);
            padded.extend(filler[n / 2..n].iter().map(|x| x.0.as_str()));
            body = padded;
        }
        out.push(Article {
            id: id.clone(),
            lang: side.into(),
            title: art.title.clone(),
            text: format!("{}\n\n{}", art.title, body.join(" ")),
        });
        out.extend(docs.iter().filter(|d| &d.id == mate).cloned());
        gold_docs.insert(if mate < id { (mate.clone(), id.clone()) } else { (id.clone(), mate.clone()) });
        gold_sents.extend(
            kept.iter().map(|x| if side == "bn" { (x.0.clone(), x.1.clone()) } else { (x.1.clone(), x.0.clone()) }),
        );
    }
    Ok(EvalSet { docs: out, gold_docs, gold_sents })
}
