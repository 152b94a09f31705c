//! Snapshot review, acceptance and checking, on insta's environment variables:
//! `INSTA_UPDATE=new` writes `.snap.new` files for review, `always` accepts, `no` (with
//! `CI=true`) writes nothing and fails on a mismatch. Orphaned snapshots are found by the
//! suite itself (`tests/tests/corpus.rs`, `no_orphaned_snapshots`), which knows every
//! snapshot name it writes; `TALIGN_DELETE_ORPHANS=1` makes it delete them instead.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::cargo;

/// The `.snap.new` files waiting for review under `dir`, sorted.
pub fn pending(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return out };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(pending(&p));
        } else if p.to_string_lossy().ends_with(".snap.new") || p.to_string_lossy().ends_with(".pending-snap") {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// What `--check` concludes from the test run and the files left pending.
pub fn check_verdict(tests_passed: bool, pending_before: &[PathBuf], pending_after: &[PathBuf]) -> Result<(), String> {
    let mut problems = Vec::new();
    if !pending_before.is_empty() {
        problems.push(format!(
            "{} snapshot(s) await review (run `cargo xtask snapshots` and accept or delete): {}",
            pending_before.len(),
            names(pending_before)
        ));
    }
    if pending_after.len() > pending_before.len() {
        problems.push("the check wrote snapshot files; it must not".to_owned());
    }
    if !tests_passed {
        problems.push("the snapshot suite failed: a snapshot is changed, missing or orphaned (see above)".to_owned());
    }
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n")) }
}

fn names(ps: &[PathBuf]) -> String {
    ps.iter()
        .map(|p| p.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn suite(env: &[(&str, &str)], workspace: bool) -> Result<bool> {
    let mut c = cargo();
    if workspace {
        c.args(["test", "--workspace"]);
    } else {
        c.args(["test", "-p", "talign-tests"]);
    }
    c.env_remove("INSTA_FORCE_PASS").env_remove("INSTA_UPDATE").env_remove("TALIGN_DELETE_ORPHANS");
    for (k, v) in env {
        c.env(k, v);
    }
    Ok(c.status()?.success())
}

/// `cargo xtask snapshots [--accept|--check]`.
pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let dir = root.join("tests");
    match args.first().map(String::as_str) {
        Some("--check") => check(root),
        Some("--accept") => {
            suite(&[("INSTA_UPDATE", "always"), ("INSTA_FORCE_PASS", "1"), ("TALIGN_DELETE_ORPHANS", "1")], false)?;
            for p in pending(&dir) {
                std::fs::remove_file(&p)?;
            }
            println!("snapshots accepted; orphans deleted");
            check(root)
        }
        None => {
            let ok = suite(&[("INSTA_UPDATE", "new"), ("INSTA_FORCE_PASS", "1")], false)?;
            let after = pending(&dir);
            if after.is_empty() {
                println!("no new or changed snapshots");
            }
            for p in &after {
                let snap = PathBuf::from(p.to_string_lossy().trim_end_matches(".new"));
                let what = if snap.exists() { "changed" } else { "new" };
                println!("{what}: {}", p.strip_prefix(root).unwrap_or(p).display());
            }
            if !ok {
                println!("the suite failed for another reason (an orphaned snapshot?): see the output above");
            }
            println!("accept with `cargo xtask snapshots --accept`, or delete the .snap.new files");
            Ok(())
        }
        Some(other) => bail!("unknown option `{other}` (expected --accept or --check)"),
    }
}

/// `cargo xtask snapshots --check`.
pub fn check(root: &Path) -> Result<()> {
    verify(root, false)?;
    println!("snapshots: all in order");
    Ok(())
}

/// `cargo xtask test`: the whole workspace with snapshots checked, as CI runs it.
pub fn test(root: &Path) -> Result<()> {
    verify(root, true)?;
    println!("all tests passed; snapshots in order");
    Ok(())
}

/// Runs the snapshot suite (or the whole workspace) writing nothing, and judges the result.
fn verify(root: &Path, workspace: bool) -> Result<()> {
    let dir = root.join("tests");
    let before = pending(&dir);
    let ok = suite(&[("INSTA_UPDATE", "no"), ("CI", "true")], workspace)?;
    let after = pending(&dir);
    check_verdict(ok, &before, &after).map_err(anyhow::Error::msg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_fails_on_failures_and_pending_files() {
        let p = vec![PathBuf::from("tests/tests/snapshots/doc@x.snap.new")];
        assert!(check_verdict(true, &[], &[]).is_ok());
        let e = check_verdict(false, &[], &[]).unwrap_err();
        assert!(e.contains("changed, missing or orphaned"), "{e}");
        let e = check_verdict(true, &p, &p).unwrap_err();
        assert!(e.contains("await review") && e.contains("doc@x.snap.new"), "{e}");
        let e = check_verdict(true, &[], &p).unwrap_err();
        assert!(e.contains("must not"), "{e}");
    }

    #[test]
    fn pending_finds_new_snapshots_recursively() {
        let d = std::env::temp_dir().join(format!("xtask-pending-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(d.join("a/b")).unwrap();
        std::fs::write(d.join("a/b/x.snap.new"), "").unwrap();
        std::fs::write(d.join("a/y.snap"), "").unwrap();
        assert_eq!(pending(&d), vec![d.join("a/b/x.snap.new")]);
        std::fs::remove_dir_all(&d).unwrap();
    }
}
