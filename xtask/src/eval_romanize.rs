//! `cargo xtask eval romanize` and `cargo xtask train-romanize`: the readable romanization
//! of Persian/Arabic-script and Bengali names, measured as character error rate against the
//! English forms of the development name files, and the training of its learnt model.
//!
//! CER of one row: the edit distance from the romanization of the row's first native form
//! to the nearest English form, over that form's length (letters and spaces only, lower
//! case, diacritics dropped); the figure is the mean over rows. Four romanizers side by
//! side, in one run: the letter rules (what `latin` was before the model), uroman (when the
//! `uroman` command is installed), the learnt model under 5-fold cross-validation (each
//! fold romanized by a model trained without it: the honest figure), and the shipped model
//! (trained on these very rows, so an in-sample figure).
//!
//! An exonym row of places.tsv is one whose English consonant key is far (normalized edit
//! distance above 0.5) from the key of its Bengali or of its Persian form: a translation,
//! which no romanizer can recover; places are reported with and without them.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};
use talign_names::vowels::{Model, Pair, latin_letters};
use talign_names::{Lexicon, Name, Script};

/// Folds of the cross-validation.
const FOLDS: usize = 5;
/// Files the model learns from, in this order.
const FILES: [&str; 3] = ["persons.tsv", "places.tsv", "countries.tsv"];
/// Files measured.
const MEASURED: [&str; 2] = ["persons.tsv", "places.tsv"];

/// One entity of a names-dev file.
#[derive(Debug, Clone)]
struct Row {
    en: Vec<String>,
    bn: Vec<String>,
    fa: Vec<String>,
}

fn read_rows(path: &Path) -> Result<Vec<Row>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().context("empty file")?.split('\t').collect();
    let col = |names: &[&str]| -> Result<usize> {
        header
            .iter()
            .position(|h| names.contains(h))
            .with_context(|| format!("{}: no column {}", path.display(), names.join(" or ")))
    };
    let (en, bn, fa) = (col(&["en", "latin_forms"])?, col(&["bn", "bn_forms"])?, col(&["fa", "arabic_script_forms"])?);
    let mut rows = Vec::new();
    for (i, line) in lines.enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let get = |c: usize| -> Result<Vec<String>> {
            let v = f.get(c).with_context(|| format!("{}:{}: missing column {}", path.display(), i + 2, c + 1))?;
            Ok(v.split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect())
        };
        rows.push(Row { en: get(en)?, bn: get(bn)?, fa: get(fa)? });
    }
    Ok(rows)
}

/// Letters and spaces, lower case, ASCII.
fn fold(s: &str) -> String {
    s.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .map(latin_letters)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn cer(hyp: &str, refs: &[String]) -> f64 {
    nearest(hyp, refs).0
}

/// The CER of `hyp` against its nearest reference, and that reference (folded); the first
/// of equally near ones.
fn nearest(hyp: &str, refs: &[String]) -> (f64, String) {
    let h = fold(hyp);
    let mut best = (f64::INFINITY, String::new());
    for r in refs.iter().map(|r| fold(r)).filter(|r| !r.is_empty()) {
        let c = talign_names::vowels::edit_distance(h.as_bytes(), r.as_bytes()) as f64 / r.len() as f64;
        if c < best.0 {
            best = (c, r);
        }
    }
    best
}

fn key_far(a: &str, b: &str) -> bool {
    let (a, b) = (talign_names::key(a).replace(' ', ""), talign_names::key(b).replace(' ', ""));
    let n = a.len().max(b.len()).max(1);
    talign_names::vowels::edit_distance(a.as_bytes(), b.as_bytes()) as f64 / n as f64 > 0.5
}

fn is_exonym(r: &Row) -> bool {
    let Some(en) = r.en.first() else { return false };
    r.bn.first().is_some_and(|b| key_far(en, b)) || r.fa.first().is_some_and(|f| key_far(en, f))
}

/// uroman's romanization of each line, or `None` when it is not installed.
fn uroman(lines: &[String]) -> Result<Option<Vec<String>>> {
    let child = Command::new("uroman").stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::null()).spawn();
    let Ok(mut child) = child else { return Ok(None) };
    let mut input = lines.join("\n");
    input.push('\n');
    let mut stdin = child.stdin.take().context("uroman stdin")?;
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().context("running uroman")?;
    writer.join().map_err(|_| anyhow::anyhow!("uroman writer panicked"))??;
    if !out.status.success() {
        return Ok(None);
    }
    let text = String::from_utf8(out.stdout).context("uroman printed invalid UTF-8")?;
    let got: Vec<String> = text.lines().map(str::to_owned).collect();
    if got.len() != lines.len() {
        bail!("uroman returned {} lines for {}", got.len(), lines.len());
    }
    Ok(Some(got))
}

/// Training pairs of the rows: every native form with the row's English forms.
fn row_pairs(rows: &[&Row]) -> Vec<Pair> {
    let mut out = Vec::new();
    for r in rows {
        for n in r.bn.iter().chain(&r.fa) {
            out.push(Pair { native: n.clone(), latin: r.en.clone() });
        }
    }
    out
}

/// Training pairs of the lexicon: every Bengali and Arabic-script variant with the entity's
/// canonical name and Latin variants. Entities naming a row of `exclude` are left out.
fn lexicon_pairs(exclude: &[&Row]) -> Vec<Pair> {
    let mut banned: BTreeSet<String> = BTreeSet::new();
    for r in exclude {
        banned.extend(r.en.iter().map(|s| fold(s)));
        banned.extend(r.bn.iter().chain(&r.fa).map(|s| talign_names::normalize(s)));
    }
    let mut out = Vec::new();
    for e in Lexicon::builtin().entities() {
        let mut latin = vec![e.canonical.clone()];
        latin.extend(e.variants.iter().filter(|(s, _)| *s == Script::Latin).map(|(_, v)| v.clone()));
        if latin.iter().any(|l| banned.contains(&fold(l)))
            || e.variants.iter().any(|(_, v)| banned.contains(&talign_names::normalize(v)))
        {
            continue;
        }
        for (s, v) in &e.variants {
            if matches!(s, Script::Arabic | Script::Bengali) {
                out.push(Pair { native: v.clone(), latin: latin.clone() });
            }
        }
    }
    out
}

/// The Latin name words an Arabic-script or Bengali reading may take (see `data/README.md` of
/// talign-names), under the repository root.
pub const LATIN_NAMES: &str = "crates/talign-names/data/latin-names.tsv";

/// Reads [`LATIN_NAMES`]: `word<TAB>weight` lines (lower-case ASCII letters, a whole
/// number 1 or more), `#` comment lines.
fn latin_names(root: &Path) -> Result<Vec<(String, u32)>> {
    let path = root.join(LATIN_NAMES);
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let parsed = line.split_once('\t').and_then(|(w, n)| {
            let n: u32 = n.parse().ok()?;
            (n >= 1 && !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())).then(|| (w.to_owned(), n))
        });
        match parsed {
            Some(x) => out.push(x),
            None => bail!(
                "{}:{}: expected `word<TAB>weight` (lower-case ASCII letters, a whole number 1 or more), got {line:?}",
                path.display(),
                i + 1
            ),
        }
    }
    Ok(out)
}

fn load_all(dir: &Path) -> Result<Vec<(String, Vec<Row>)>> {
    FILES.iter().map(|f| Ok((f.to_string(), read_rows(&dir.join(f))?))).collect()
}

/// All training pairs: the name files, then the lexicon.
fn all_pairs(files: &[(String, Vec<Row>)]) -> Vec<Pair> {
    let rows: Vec<&Row> = files.iter().flat_map(|(_, r)| r).collect();
    let mut pairs = row_pairs(&rows);
    pairs.extend(lexicon_pairs(&[]));
    pairs
}

/// `cargo xtask train-romanize`: trains the shipped model on every names-dev file and the
/// lexicon and writes it, deflated, to `crates/talign-names/data/romanize.tsv.deflate`
/// (and as text to `target/romanize.tsv`, to read).
pub fn train(root: &Path, data: &Path) -> Result<()> {
    let files = load_all(&data.join("names-dev"))?;
    let pairs = all_pairs(&files);
    let names = latin_names(root)?;
    let model = Model::train_with_names(&pairs, &names);
    let mut out = String::from(
        "# Learnt romanization (crates/talign-names/src/vowels.rs), written by `cargo xtask train-romanize`.\n\
         # Trained on the Bengali and Arabic-script forms paired with the English forms of\n\
         # ../shared/data/names-dev/{persons,places,countries}.tsv (rigour 1.8.2 from Wikidata, CC0;\n\
         # Natural Earth 5.0.0 with Wikidata labels, public domain / CC0) and of the lexicon in data/;\n\
         # the known Latin words (context tag D) also from data/latin-names.tsv (1990 US census, public domain).\n\
         # context<TAB>chunk:count …; context = script tag, order, left letters|letter|right letters.\n",
    );
    out.push_str(&model.to_tsv());
    let text = root.join("target/romanize.tsv");
    std::fs::write(&text, &out).with_context(|| format!("writing {}", text.display()))?;
    let packed = Model::pack(&out);
    if Model::from_packed(&packed)? != model {
        bail!("the deflated table does not read back as the model trained");
    }
    let path = root.join("crates/talign-names/data/romanize.tsv.deflate");
    std::fs::write(&path, &packed).with_context(|| format!("writing {}", path.display()))?;
    println!(
        "{} pairs, {} bytes of table ({}) deflated to {} bytes in {}",
        pairs.len(),
        out.len(),
        text.display(),
        packed.len(),
        path.display()
    );
    Ok(())
}

/// Means of a per-row figure over the selected rows.
fn mean(v: &[f64], keep: &[bool]) -> f64 {
    let (s, n) = v.iter().zip(keep).filter(|(_, k)| **k).fold((0.0, 0usize), |(s, n), (x, _)| (s + x, n + 1));
    if n == 0 { f64::NAN } else { s / n as f64 }
}

/// Where `cargo xtask eval romanize` writes its per-row errors (under the repository root).
pub const ERRORS: &str = "target/eval-romanize-errors.tsv";

/// `cargo xtask eval romanize`: prints the table and writes every row with a CER above 0
/// under cross-validation to [`ERRORS`] (set, direction, exonym, CER, native form, the
/// romanization, the nearest English form), to study the error classes.
///
/// With `only`, that measured file alone (its models are still trained on every file).
pub fn eval(root: &Path, data: &Path, check: bool, only: Option<&str>) -> Result<()> {
    if let Some(o) = only
        && !MEASURED.contains(&o)
    {
        bail!("--set {o}: expected one of {}", MEASURED.join(", "));
    }
    let files = load_all(&data.join("names-dev"))?;
    let names = latin_names(root)?;
    println!("CER of the `latin` romanization against the nearest English form (mean over rows; lower is better)");
    println!();
    println!("| set | dir | rows | rules (before) | uroman | learnt, {FOLDS}-fold CV | shipped (in-sample) |");
    println!("|---|---|---|---|---|---|---|");
    let mut failures = Vec::new();
    let mut errors = String::from("set\tdir\texonym\tcer\tnative\tromanized\tnearest_english\n");
    for name in MEASURED.into_iter().filter(|m| only.is_none_or(|o| o == *m)) {
        let Some(fi) = files.iter().position(|(f, _)| f == name) else { continue };
        let rows = &files[fi].1;
        // One model per fold, trained on everything but the fold.
        // Folds are trained side by side; each model depends on its fold only.
        let models: Vec<Model> = std::thread::scope(|sc| {
            let handles: Vec<_> = (0..FOLDS)
                .map(|k| {
                    let files = &files;
                    let names = &names;
                    sc.spawn(move || {
                        let held: Vec<&Row> =
                            rows.iter().enumerate().filter(|(i, _)| i % FOLDS == k).map(|(_, r)| r).collect();
                        let mut train_rows: Vec<&Row> = Vec::new();
                        for (j, (_, rs)) in files.iter().enumerate() {
                            train_rows.extend(
                                rs.iter().enumerate().filter(|(i, _)| j != fi || i % FOLDS != k).map(|(_, r)| r),
                            );
                        }
                        let mut pairs = row_pairs(&train_rows);
                        pairs.extend(lexicon_pairs(&held));
                        Model::train_with_names(&pairs, names)
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().expect("a training thread panicked")).collect()
        });
        let exonym: Vec<bool> = rows.iter().map(is_exonym).collect();
        for (dir, pick) in [("fa", 0usize), ("bn", 1)] {
            let mut idx = Vec::new();
            let mut inputs = Vec::new();
            for (i, r) in rows.iter().enumerate() {
                let f = if pick == 0 { r.fa.first() } else { r.bn.first() };
                if let Some(f) = f
                    && !r.en.is_empty()
                {
                    idx.push(i);
                    inputs.push(f.clone());
                }
            }
            let names: Vec<Name> = inputs.iter().map(|s| Name::new(s)).collect();
            let refs = |k: usize| &rows[idx[k]].en;
            let score =
                |hyps: &[String]| -> Vec<f64> { hyps.iter().enumerate().map(|(k, h)| cer(h, refs(k))).collect() };
            let rules = score(&names.iter().map(Name::romanize_letters).collect::<Vec<_>>());
            let cv_hyps: Vec<String> =
                names.iter().zip(&idx).map(|(n, &i)| n.romanize_with(&models[i % FOLDS])).collect();
            let cv = score(&cv_hyps);
            for (k, h) in cv_hyps.iter().enumerate() {
                let (c, r) = nearest(h, refs(k));
                if c > 0.0 {
                    let ex = u8::from(exonym[idx[k]]);
                    let _ = writeln!(errors, "{name}\t{dir}\t{ex}\t{c:.3}\t{}\t{h}\t{r}", inputs[k]);
                }
            }
            let shipped = score(&names.iter().map(Name::romanize).collect::<Vec<_>>());
            let ur = uroman(&inputs)?.map(|u| score(&u));
            let mut subsets: Vec<(&str, Vec<bool>)> = vec![("all", vec![true; idx.len()])];
            if name == "places.tsv" {
                subsets.push(("without exonyms", idx.iter().map(|&i| !exonym[i]).collect()));
            }
            for (label, keep) in subsets {
                let n = keep.iter().filter(|k| **k).count();
                let u = ur.as_ref().map_or("not installed".to_owned(), |u| format!("{:.3}", mean(u, &keep)));
                let cvm = mean(&cv, &keep);
                println!(
                    "| {name} {label} | {dir} → latin | {n} | {:.3} | {u} | {cvm:.3} | {:.3} |",
                    mean(&rules, &keep),
                    mean(&shipped, &keep),
                );
                let target = match (name, dir, label) {
                    ("persons.tsv", "fa", _) => Some(0.15),
                    ("persons.tsv", "bn", _) => Some(0.10),
                    _ => None,
                };
                if let Some(t) = target
                    && cvm > t
                {
                    failures.push(format!("{name} {dir} → latin: CV CER {cvm:.3} above {t}"));
                }
            }
        }
    }
    let path = root.join(ERRORS);
    std::fs::write(&path, &errors).with_context(|| format!("writing {}", path.display()))?;
    println!();
    println!("errors under cross-validation: {ERRORS}");
    println!("exonym row: the English key is far (normalized edit distance > 0.5) from the bn or fa form's key");
    if check && !failures.is_empty() {
        bail!("below target:\n  {}", failures.join("\n  "));
    }
    Ok(())
}
