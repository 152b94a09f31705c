//! Snapshot review, acceptance and checking for the insta suite of `tests/`, driven by
//! insta's environment variables alone (no `cargo-insta` needed):
//!
//! - review (`cargo xtask snapshots`): `INSTA_UPDATE=new INSTA_FORCE_PASS=1` writes a
//!   `.snap.new` beside every new or changed snapshot; we list them with a diff summary,
//!   and list orphans.
//! - accept (`--accept`): `INSTA_UPDATE=always` rewrites changed snapshots in place; we
//!   report what changed and delete orphans and leftover `.snap.new` files.
//! - check (`--check`, and `cargo xtask test`): `CI=true INSTA_UPDATE=new INSTA_FORCE_PASS=1`
//!   with `INSTA_PENDING_DIR` set to a temporary directory, so the would-be `.snap.new` files
//!   land outside the tree. Nothing in the tree is written, and the check can name every
//!   changed or missing snapshot itself instead of stopping at insta's first panic.
//!
//! Orphans: when `INSTA_SNAPSHOT_REFERENCES_FILE` is set, insta appends the path of every
//! snapshot file an assertion refers to, passing or not, to that file (`memoize_snapshot_file`
//! in insta's `env.rs`; it is what `cargo insta test --unreferenced` uses). A `.snap` file
//! under the suite's directory that no assertion referred to is an orphan. A run that failed
//! may have stopped before some assertions, so orphans are then reported but never deleted.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{Context, Result, bail};

/// insta's environment variables, cleared before every run so that nothing set by the
/// caller (or by an enclosing `cargo xtask test`) changes what a mode does.
const INSTA_VARS: &[&str] = &[
    "INSTA_UPDATE",
    "INSTA_FORCE_PASS",
    "INSTA_FORCE_UPDATE",
    "INSTA_FORCE_UPDATE_SNAPSHOTS",
    "INSTA_PENDING_DIR",
    "INSTA_SNAPSHOT_REFERENCES_FILE",
    "INSTA_WORKSPACE_ROOT",
    "INSTA_OUTPUT",
    "INSTA_REQUIRE_FULL_MATCH",
    "INSTA_GLOB_FILTER",
    "INSTA_GLOB_FAIL_FAST",
];

/// What to do with the snapshots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Write `.snap.new` files for review and list them.
    Review,
    /// Accept every new or changed snapshot and delete orphans.
    Accept,
    /// Write nothing; fail on anything out of order.
    Check,
}

/// A snapshot suite: where it lives and how to run it.
#[derive(Debug, Clone)]
pub struct Suite {
    /// The cargo workspace root: cargo runs here, and it is insta's workspace root.
    pub root: PathBuf,
    /// The directory whose `.snap` files belong to the suite (orphans are looked for here).
    pub dir: PathBuf,
    /// The arguments of `cargo`, e.g. `test -p talign-tests`.
    pub cargo_args: Vec<String>,
    /// Extra environment for cargo and the tests.
    pub env: Vec<(String, String)>,
    /// Capture cargo's output into [`Report::log`] instead of showing it (for tests).
    pub capture: bool,
}

impl Suite {
    /// The snapshot suite of this repository: the `talign-tests` package in `tests/`.
    pub fn talign(root: &Path) -> Suite {
        Suite {
            root: root.to_path_buf(),
            dir: root.join("tests"),
            cargo_args: ["test", "-p", "talign-tests"].map(String::from).to_vec(),
            env: Vec::new(),
            capture: false,
        }
    }

    /// Every test of the workspace, with the snapshots of `tests/` checked.
    pub fn workspace(root: &Path) -> Suite {
        Suite {
            cargo_args: ["test", "--workspace", "--no-fail-fast"].map(String::from).to_vec(),
            ..Suite::talign(root)
        }
    }
}

/// Line counts of the difference between two snapshot bodies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffSummary {
    /// Lines only in the new body.
    pub added: usize,
    /// Lines only in the old body.
    pub removed: usize,
    /// 1-based line of the body where the two first differ.
    pub first_line: usize,
    /// The first differing old line, if any.
    pub old_line: Option<String>,
    /// The first differing new line, if any.
    pub new_line: Option<String>,
}

impl fmt::Display for DiffSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.added == 0 && self.removed == 0 {
            return write!(f, "header only");
        }
        write!(f, "+{} -{} lines, from line {}", self.added, self.removed, self.first_line)?;
        if let Some(l) = &self.old_line {
            write!(f, "\n      - {}", clip(l))?;
        }
        if let Some(l) = &self.new_line {
            write!(f, "\n      + {}", clip(l))?;
        }
        Ok(())
    }
}

fn clip(line: &str) -> String {
    const MAX: usize = 100;
    match line.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line.to_owned(),
    }
}

/// The body of a snapshot file: what follows the `---`-fenced header.
pub fn body(snapshot: &str) -> &str {
    if let Some(rest) = snapshot.strip_prefix("---\n")
        && let Some(i) = rest.find("\n---\n")
    {
        return &rest[i + "\n---\n".len()..];
    }
    snapshot
}

/// How the body of snapshot file `new` differs from that of `old`.
pub fn diff_summary(old: &str, new: &str) -> DiffSummary {
    let a: Vec<&str> = body(old).lines().collect();
    let b: Vec<&str> = body(new).lines().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let common = lcs_len(a, b);
    DiffSummary {
        added: b.len() - common,
        removed: a.len() - common,
        first_line: prefix + 1,
        old_line: a.first().map(|s| s.to_string()),
        new_line: b.first().map(|s| s.to_string()),
    }
}

/// Length of a longest common subsequence of lines; 0 (every line counted as changed) when
/// the differing middles are too large for the quadratic table.
fn lcs_len(a: &[&str], b: &[&str]) -> usize {
    if a.len().saturating_mul(b.len()) > 4_000_000 {
        return 0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// What a run of the suite showed, gathered from the tree and insta's files.
#[derive(Debug, Clone, Default)]
pub struct Observed {
    /// Every snapshot file an assertion referred to (insta's references file).
    pub referenced: BTreeSet<PathBuf>,
    /// The `.snap` files of the suite before the run, with their contents.
    pub on_disk: BTreeMap<PathBuf, String>,
    /// The snapshots the run produced that differ from `on_disk` (or are not in it), keyed
    /// by the `.snap` path, with the content the tests produced.
    pub produced: BTreeMap<PathBuf, String>,
    /// `.snap.new` review files left in the tree by an earlier review.
    pub unreviewed: Vec<PathBuf>,
}

/// One snapshot that is not in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// An assertion produced a snapshot that has no `.snap` file; `lines` of it.
    New {
        /// The `.snap` file that is missing.
        path: PathBuf,
        /// Lines in the produced body, when known.
        lines: Option<usize>,
    },
    /// An assertion produced something other than its `.snap` file holds.
    Changed {
        /// The `.snap` file.
        path: PathBuf,
        /// How it differs.
        diff: DiffSummary,
    },
    /// A `.snap` file no assertion refers to.
    Orphaned(PathBuf),
    /// A `.snap.new` review file lying in the tree.
    Unreviewed(PathBuf),
}

impl Finding {
    /// The file the finding is about.
    pub fn path(&self) -> &Path {
        match self {
            Finding::New { path, .. } | Finding::Changed { path, .. } => path,
            Finding::Orphaned(p) | Finding::Unreviewed(p) => p,
        }
    }

    fn describe(&self, mode: Mode, root: &Path) -> String {
        let p = self.path().strip_prefix(root).unwrap_or(self.path()).display();
        match self {
            Finding::New { lines, .. } => {
                let what = if mode == Mode::Check { "missing" } else { "new" };
                match lines {
                    Some(n) => format!("  {what:<10} {p} ({n} lines)"),
                    None => format!("  {what:<10} {p}"),
                }
            }
            Finding::Changed { diff, .. } => format!("  {:<10} {p}: {diff}", "changed"),
            Finding::Orphaned(_) => format!("  {:<10} {p} (no test refers to it)", "orphaned"),
            Finding::Unreviewed(_) => format!("  {:<10} {p} (left by a review; accept or delete it)", "unreviewed"),
        }
    }
}

/// Everything out of order in `o`: new, changed, orphaned, unreviewed, each sorted by path.
pub fn findings(o: &Observed) -> Vec<Finding> {
    let mut out = Vec::new();
    for (path, new) in &o.produced {
        out.push(match o.on_disk.get(path) {
            Some(old) => Finding::Changed { path: path.clone(), diff: diff_summary(old, new) },
            None => Finding::New { path: path.clone(), lines: Some(body(new).lines().count()) },
        });
    }
    for path in &o.referenced {
        if !o.on_disk.contains_key(path) && !o.produced.contains_key(path) {
            out.push(Finding::New { path: path.clone(), lines: None });
        }
    }
    out.sort_by(|a, b| a.path().cmp(b.path()));
    out.extend(o.on_disk.keys().filter(|p| !o.referenced.contains(*p)).cloned().map(Finding::Orphaned));
    out.extend(o.unreviewed.iter().cloned().map(Finding::Unreviewed));
    out
}

/// The outcome of one mode.
#[derive(Debug, Clone)]
pub struct Report {
    /// The mode that ran.
    pub mode: Mode,
    /// The repository root (canonical), for printing relative paths.
    pub root: PathBuf,
    /// Whether `cargo test` passed.
    pub suite_passed: bool,
    /// What was out of order when the run started (for accept: what it accepted).
    pub findings: Vec<Finding>,
    /// Files deleted (accept only).
    pub deleted: Vec<PathBuf>,
    /// Files of the tree that a check changed; must stay empty.
    pub touched: Vec<PathBuf>,
    /// cargo's output, when the suite captures it (printed by [`finish`]).
    pub log: String,
}

impl Report {
    /// Whether a check passes: the suite passed and nothing is out of order.
    pub fn ok(&self) -> bool {
        self.suite_passed && self.findings.is_empty() && self.touched.is_empty()
    }

    fn listing(&self) -> String {
        self.findings.iter().map(|f| f.describe(self.mode, &self.root)).collect::<Vec<_>>().join("\n")
    }
}

/// Runs the suite in `mode` and gathers what it showed; files are deleted only by
/// [`Mode::Accept`] after a passing run.
pub fn execute(suite: &Suite, mode: Mode) -> Result<Report> {
    let root = norm(&suite.root);
    let dir = norm(&suite.dir);
    let tmp = TempDir::new()?;
    let refs = tmp.0.join("references.txt");
    let pending = tmp.0.join("pending");
    let before = read_snaps(&dir)?;
    let stale = files_with_suffix(&dir, ".snap.new");

    let refs_s = refs.to_string_lossy().into_owned();
    let pending_s = pending.to_string_lossy().into_owned();
    let root_s = root.to_string_lossy().into_owned();
    let mut env: Vec<(&str, &str)> = vec![("INSTA_FORCE_PASS", "1"), ("INSTA_SNAPSHOT_REFERENCES_FILE", &refs_s)];
    match mode {
        Mode::Review => {
            // The run writes a fresh `.snap.new` for every mismatch; old ones would only mislead.
            for p in &stale {
                std::fs::remove_file(p).with_context(|| format!("removing {}", p.display()))?;
            }
            env.push(("INSTA_UPDATE", "new"));
        }
        Mode::Accept => env.push(("INSTA_UPDATE", "always")),
        Mode::Check => env.extend([
            ("CI", "true"),
            ("INSTA_UPDATE", "new"),
            ("INSTA_PENDING_DIR", &pending_s),
            ("INSTA_WORKSPACE_ROOT", &root_s),
        ]),
    }
    let (suite_passed, log) = run_cargo(suite, &env)?;

    let referenced: BTreeSet<PathBuf> = match std::fs::read_to_string(&refs) {
        Ok(s) => s.lines().filter(|l| !l.is_empty()).map(|l| norm(&root.join(l))).collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => BTreeSet::new(),
        Err(e) => return Err(e).context("reading insta's snapshot references"),
    };
    let after = read_snaps(&dir)?;
    let mut obs = Observed { referenced, on_disk: before.clone(), ..Observed::default() };
    let mut touched = Vec::new();
    match mode {
        Mode::Review => {
            for p in files_with_suffix(&dir, ".snap.new") {
                let snap = p.with_extension("");
                obs.produced.insert(snap, read(&p)?);
            }
        }
        Mode::Accept => {
            obs.produced = after.into_iter().filter(|(p, c)| before.get(p) != Some(c)).collect();
        }
        Mode::Check => {
            for p in files_with_suffix(&pending, ".snap.new") {
                let rel = p.strip_prefix(&pending).expect("found under the pending directory");
                obs.produced.insert(norm(&root.join(rel).with_extension("")), read(&p)?);
            }
            obs.unreviewed = stale.clone();
            touched = after
                .keys()
                .chain(before.keys())
                .filter(|p| before.get(*p) != after.get(*p))
                .cloned()
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            touched.extend(files_with_suffix(&dir, ".snap.new").into_iter().filter(|p| !stale.contains(p)));
        }
    }
    let findings = findings(&obs);

    let mut deleted = Vec::new();
    if mode == Mode::Accept && suite_passed {
        let orphans = findings.iter().filter(|f| matches!(f, Finding::Orphaned(_))).map(Finding::path);
        for p in orphans.chain(files_with_suffix(&dir, ".snap.new").iter().map(PathBuf::as_path)) {
            std::fs::remove_file(p).with_context(|| format!("removing {}", p.display()))?;
            deleted.push(p.to_path_buf());
        }
    }
    Ok(Report { mode, root, suite_passed, findings, deleted, touched, log })
}

/// Prints what `report` found and turns it into the command's result.
pub fn finish(report: &Report) -> Result<()> {
    print!("{}", report.log);
    let listing = report.listing();
    let failed = if report.suite_passed {
        ""
    } else {
        "the test suite failed (see its output above); orphans may be spurious when tests stopped early"
    };
    match report.mode {
        Mode::Review => {
            if report.findings.is_empty() {
                println!("snapshots: nothing new, changed or orphaned");
            } else {
                println!("snapshots to review:\n{listing}");
                println!(
                    "accept all with `cargo xtask snapshots --accept`, or fix the code and run again \
                     (.snap.new files are beside the snapshots)"
                );
            }
            if !failed.is_empty() {
                bail!("{failed}");
            }
        }
        Mode::Accept => {
            if !failed.is_empty() {
                bail!("{failed}; nothing deleted, new and changed snapshots were written:\n{listing}");
            }
            if report.findings.is_empty() {
                println!("snapshots: nothing to accept");
            } else {
                println!("snapshots accepted:\n{listing}");
            }
            for p in &report.deleted {
                println!("  deleted    {}", p.strip_prefix(&report.root).unwrap_or(p).display());
            }
        }
        Mode::Check => {
            if !report.ok() {
                let mut msg = String::from("snapshot check failed");
                if !report.findings.is_empty() {
                    msg.push_str(":\n");
                    msg.push_str(&listing);
                }
                if !report.touched.is_empty() {
                    let ps: Vec<String> = report.touched.iter().map(|p| p.display().to_string()).collect();
                    msg.push_str(&format!("\n  the check changed files it must not: {}", ps.join(", ")));
                }
                if !failed.is_empty() {
                    msg.push_str(&format!("\n  {failed}"));
                }
                msg.push_str(
                    "\nreview with `cargo xtask snapshots`, accept with `cargo xtask snapshots --accept`, \
                     or delete orphans",
                );
                bail!(msg);
            }
            println!("snapshots: all in order");
        }
    }
    Ok(())
}

/// `cargo xtask snapshots [--accept|--check]`.
pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let mode = match args {
        [] => Mode::Review,
        [a] if a == "--accept" => Mode::Accept,
        [a] if a == "--check" => Mode::Check,
        _ => bail!("usage: cargo xtask snapshots [--accept|--check]"),
    };
    finish(&execute(&Suite::talign(root), mode)?)
}

/// `cargo xtask test`: every test of the workspace in one `cargo test` run, which is also
/// the snapshot check of `tests/`.
pub fn test(root: &Path) -> Result<()> {
    let mut suite = Suite::workspace(root);
    // CI runs the property tests from one fixed seed, so that a run is repeatable; local
    // runs draw a new seed each time and keep exploring (failures land in the
    // proptest-regressions files, which every run replays first).
    if std::env::var_os("CI").is_some() && std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        suite.env.push(("PROPTEST_RNG_SEED".into(), CI_PROPTEST_SEED.into()));
    }
    finish(&execute(&suite, Mode::Check)?)
}

/// The property-test seed of CI runs.
const CI_PROPTEST_SEED: &str = "20261201";

fn run_cargo(suite: &Suite, env: &[(&str, &str)]) -> Result<(bool, String)> {
    let mut c: Command = crate::cargo();
    c.current_dir(&suite.root).args(&suite.cargo_args).stdin(Stdio::null());
    for k in INSTA_VARS {
        c.env_remove(k);
    }
    for (k, v) in &suite.env {
        c.env(k, v);
    }
    for (k, v) in env {
        c.env(k, v);
    }
    let what = format!("cargo {}", suite.cargo_args.join(" "));
    if suite.capture {
        let out = c.output().with_context(|| format!("running {what}"))?;
        let log = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
        Ok((out.status.success(), log))
    } else {
        Ok((c.status().with_context(|| format!("running {what}"))?.success(), String::new()))
    }
}

/// The path with symbolic links resolved, also when the file does not exist yet.
fn norm(p: &Path) -> PathBuf {
    if let Ok(c) = std::fs::canonicalize(p) {
        return c;
    }
    match (p.parent(), p.file_name()) {
        (Some(dir), Some(name)) => norm(dir).join(name),
        _ => p.to_path_buf(),
    }
}

fn read(p: &Path) -> Result<String> {
    std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))
}

/// The `.snap` files under `dir`, with their contents.
fn read_snaps(dir: &Path) -> Result<BTreeMap<PathBuf, String>> {
    files_with_suffix(dir, ".snap").into_iter().map(|p| Ok((p.clone(), read(&p)?))).collect()
}

/// Files under `dir` whose name ends with `suffix`, sorted; `target` and hidden
/// directories are skipped.
fn files_with_suffix(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return out };
    for e in entries.flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if p.is_dir() {
            if name != "target" && !name.starts_with('.') {
                out.extend(files_with_suffix(&p, suffix));
            }
        } else if name.ends_with(suffix) {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// A directory under the system's temporary directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<TempDir> {
        static COUNT: AtomicU64 = AtomicU64::new(0);
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let p = std::env::temp_dir().join(format!("xtask-snapshots-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).with_context(|| format!("creating {}", p.display()))?;
        Ok(TempDir(norm(&p)))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(body: &str) -> String {
        format!("---\nsource: tests/x.rs\nexpression: x\n---\n{body}")
    }

    fn p(s: &str) -> PathBuf {
        PathBuf::from("/ws/tests/snapshots").join(s)
    }

    #[test]
    fn body_skips_the_header() {
        assert_eq!(body(&snap("a\nb\n")), "a\nb\n");
        assert_eq!(body("no header\n"), "no header\n");
    }

    #[test]
    fn diff_summary_counts_lines_and_finds_the_first_change() {
        let d = diff_summary(&snap("a\nb\nc\nd\n"), &snap("a\nB\nc\nd\ne\n"));
        assert_eq!((d.added, d.removed, d.first_line), (2, 1, 2));
        assert_eq!((d.old_line.as_deref(), d.new_line.as_deref()), (Some("b"), Some("B")));
        assert_eq!(d.to_string(), "+2 -1 lines, from line 2\n      - b\n      + B");
        let same = diff_summary(&snap("a\n"), "---\nsource: y\n---\na\n");
        assert_eq!(same.to_string(), "header only");
    }

    #[test]
    fn findings_in_order_is_empty() {
        let mut o = Observed::default();
        o.on_disk.insert(p("a.snap"), snap("a"));
        o.referenced.insert(p("a.snap"));
        assert_eq!(findings(&o), []);
    }

    #[test]
    fn findings_name_changed_missing_orphaned_and_unreviewed_snapshots() {
        let mut o = Observed::default();
        for n in ["changed.snap", "ok.snap", "orphan.snap"] {
            o.on_disk.insert(p(n), snap("old\n"));
        }
        for n in ["changed.snap", "ok.snap", "new.snap", "gone.snap"] {
            o.referenced.insert(p(n));
        }
        o.produced.insert(p("changed.snap"), snap("new\n"));
        o.produced.insert(p("new.snap"), snap("1\n2\n"));
        o.unreviewed.push(p("x.snap.new"));
        let f = findings(&o);
        assert_eq!(
            f,
            [
                Finding::Changed { path: p("changed.snap"), diff: diff_summary(&snap("old\n"), &snap("new\n")) },
                Finding::New { path: p("gone.snap"), lines: None },
                Finding::New { path: p("new.snap"), lines: Some(2) },
                Finding::Orphaned(p("orphan.snap")),
                Finding::Unreviewed(p("x.snap.new")),
            ]
        );
        let r = Report {
            mode: Mode::Check,
            root: PathBuf::from("/ws"),
            suite_passed: true,
            findings: f,
            deleted: vec![],
            touched: vec![],
            log: String::new(),
        };
        let e = finish(&r).unwrap_err().to_string();
        for line in [
            "changed    tests/snapshots/changed.snap: +1 -1 lines, from line 1",
            "missing    tests/snapshots/gone.snap",
            "missing    tests/snapshots/new.snap (2 lines)",
            "orphaned   tests/snapshots/orphan.snap (no test refers to it)",
            "unreviewed tests/snapshots/x.snap.new",
        ] {
            assert!(e.contains(line), "{line:?} not in\n{e}");
        }
    }

    #[test]
    fn a_failed_suite_fails_the_check() {
        let r = Report {
            mode: Mode::Check,
            root: PathBuf::from("/ws"),
            suite_passed: false,
            findings: vec![],
            deleted: vec![],
            touched: vec![],
            log: String::new(),
        };
        assert!(finish(&r).unwrap_err().to_string().contains("the test suite failed"));
    }

    /// A throwaway crate with two snapshot assertions, run through every mode by real
    /// `cargo test` runs (offline, with its own target directory so that it neither waits
    /// for nor disturbs the enclosing build).
    struct Fixture {
        suite: Suite,
        _dir: TempDir,
    }

    impl Fixture {
        fn new() -> Fixture {
            let dir = TempDir::new().unwrap();
            let root = dir.0.join("fixture");
            std::fs::create_dir_all(root.join("src")).unwrap();
            std::fs::create_dir_all(root.join("tests")).unwrap();
            std::fs::write(
                root.join("Cargo.toml"),
                "[package]\nname = \"snapshot-fixture\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
                 [workspace]\n\n[dev-dependencies]\ninsta = \"1\"\n",
            )
            .unwrap();
            std::fs::write(root.join("src/lib.rs"), "").unwrap();
            std::fs::write(
                root.join("tests/snap.rs"),
                "#[test]\nfn snaps() {\n    insta::assert_snapshot!(\"hello\", \"hello\\nworld\\n\");\n    \
                 insta::assert_snapshot!(\"bye\", \"bye\\n\");\n}\n\n\
                 #[test]\nfn plain() {\n    assert!(std::env::var_os(\"FIXTURE_FAIL\").is_none());\n}\n",
            )
            .unwrap();
            // The workspace's lock file pins insta to the version already in the local registry.
            std::fs::copy(crate::root().join("Cargo.lock"), root.join("Cargo.lock")).unwrap();
            let target = std::env::var_os("CARGO_TARGET_DIR")
                .map_or_else(|| crate::root().join("target"), PathBuf::from)
                .join("xtask-snapshot-fixture");
            let suite = Suite {
                dir: root.join("tests"),
                root,
                cargo_args: ["test", "--offline"].map(String::from).to_vec(),
                env: vec![("CARGO_TARGET_DIR".into(), target.to_string_lossy().into_owned())],
                capture: true,
            };
            Fixture { suite, _dir: dir }
        }

        fn snap(&self, name: &str) -> PathBuf {
            norm(&self.suite.dir.join("snapshots").join(format!("snap__{name}.snap")))
        }

        fn run(&self, mode: Mode) -> (Report, Vec<(&'static str, PathBuf)>) {
            let r = execute(&self.suite, mode).unwrap();
            let kinds = r
                .findings
                .iter()
                .map(|f| {
                    let k = match f {
                        Finding::New { .. } => "new",
                        Finding::Changed { .. } => "changed",
                        Finding::Orphaned(_) => "orphaned",
                        Finding::Unreviewed(_) => "unreviewed",
                    };
                    (k, f.path().to_path_buf())
                })
                .collect();
            (r, kinds)
        }
    }

    #[test]
    fn every_mode_on_a_real_insta_project() {
        let mut fx = Fixture::new();
        let (hello, bye, stray) = (fx.snap("hello"), fx.snap("bye"), fx.snap("stray"));
        let new_of = |p: &Path| PathBuf::from(format!("{}.new", p.display()));

        // No snapshots yet: the check names both as missing and writes nothing.
        let (r, k) = fx.run(Mode::Check);
        assert!(r.suite_passed, "{}", r.log);
        assert_eq!(k, [("new", bye.clone()), ("new", hello.clone())], "{}", r.log);
        assert!(r.touched.is_empty() && !hello.exists() && !new_of(&hello).exists());

        // Accepting writes both; then the check passes.
        let (r, k) = fx.run(Mode::Accept);
        assert_eq!(k, [("new", bye.clone()), ("new", hello.clone())], "{}", r.log);
        assert!(hello.exists() && bye.exists());
        let (r, _) = fx.run(Mode::Check);
        assert!(r.ok(), "{:?}\n{}", r.findings, r.log);
        let accepted = std::fs::read_to_string(&hello).unwrap();

        // A changed snapshot fails the check, which leaves the file as it was.
        std::fs::write(&hello, accepted.replace("world", "earth")).unwrap();
        let (r, k) = fx.run(Mode::Check);
        assert_eq!(k, [("changed", hello.clone())], "{}", r.log);
        let Finding::Changed { diff, .. } = &r.findings[0] else { unreachable!() };
        assert_eq!((diff.added, diff.removed, diff.old_line.as_deref()), (1, 1, Some("earth")));
        assert!(std::fs::read_to_string(&hello).unwrap().contains("earth") && !new_of(&hello).exists());

        // Review writes a .snap.new beside it, which a check then reports as unreviewed.
        let (_, k) = fx.run(Mode::Review);
        assert_eq!(k, [("changed", hello.clone())]);
        assert!(new_of(&hello).exists());
        let (r, k) = fx.run(Mode::Check);
        assert_eq!(k, [("changed", hello.clone()), ("unreviewed", new_of(&hello))], "{}", r.log);

        // Accepting restores it and removes the review file.
        let (r, k) = fx.run(Mode::Accept);
        assert_eq!(k, [("changed", hello.clone())], "{}", r.log);
        assert_eq!(r.deleted, [new_of(&hello)]);
        assert_eq!(std::fs::read_to_string(&hello).unwrap(), accepted);

        // A deleted snapshot is missing.
        std::fs::remove_file(&bye).unwrap();
        let (r, k) = fx.run(Mode::Check);
        assert_eq!(k, [("new", bye.clone())], "{}", r.log);
        assert!(!bye.exists());
        fx.run(Mode::Accept);

        // A stray .snap is an orphan; accept keeps it while the suite fails, deletes it after.
        std::fs::copy(&hello, &stray).unwrap();
        let (r, k) = fx.run(Mode::Check);
        assert_eq!(k, [("orphaned", stray.clone())], "{}", r.log);
        fx.suite.env.push(("FIXTURE_FAIL".into(), "1".into()));
        let (r, _) = fx.run(Mode::Accept);
        assert!(!r.suite_passed && r.deleted.is_empty() && stray.exists());
        let (r, _) = fx.run(Mode::Check);
        assert!(!r.ok() && !r.suite_passed);
        fx.suite.env.pop();
        let (r, k) = fx.run(Mode::Accept);
        assert_eq!(k, [("orphaned", stray.clone())]);
        assert_eq!(r.deleted, std::slice::from_ref(&stray));
        assert!(!stray.exists());
        let (r, _) = fx.run(Mode::Check);
        assert!(r.ok(), "{:?}\n{}", r.findings, r.log);
    }
}
