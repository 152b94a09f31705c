//! Bad input and faults, as a table: one row per case, run by one test. A row gives the
//! command line, the exit status, fragments the message must (or, with a leading `!`, must
//! not) hold, and the files that must be left untouched; extra input files, a read-only
//! file, stdin, an interruption or a check of the output are optional. The next case is
//! one more row.
//!
//! Every row runs in a fresh directory `{d}` holding a small name list (`names.txt`,
//! `right.txt`), a JSONL corpus (`docs.jsonl`) and a directory corpus (`corpus/` with
//! `manifest.csv`); `{seeds}` is the seed corpus and `{root}` the repository. Arguments are
//! split at spaces. A row whose command starts with `@` reads that repository file instead
//! of running talign (promises the documentation makes).
//!
//! `TALIGN_BIN=path/to/old/talign cargo test --test bad_input` runs the table against
//! another binary, to see which rows it fails.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A check of a command's stdout.
type Check = fn(&[u8]) -> Result<(), String>;

/// One case.
#[derive(Clone, Copy)]
struct Case {
    what: &'static str,
    run: &'static str,
    status: i32,
    /// Fragments of stderr (`!x`: x must not appear).
    stderr: &'static [&'static str],
    /// Fragments of stdout, or of the file a `@` row reads.
    stdout: &'static [&'static str],
    /// Files of `{d}` whose bytes must not change (`!x`: x must not exist afterwards).
    untouched: &'static [&'static str],
    /// Files written into `{d}` before the run (beside the fixtures, or over them).
    files: &'static [(&'static str, &'static [u8])],
    /// Files of `{d}` made read-only before the run.
    readonly: &'static [&'static str],
    stdin: Option<&'static [u8]>,
    /// Kill the command as soon as this path of `{d}` exists; it must then not be empty.
    interrupt_when: Option<&'static str>,
    /// A check of stdout.
    check: Option<Check>,
    /// A hard link made in `{d}` before the run: (existing file, new name).
    hard_link: Option<(&'static str, &'static str)>,
}

const fn case(what: &'static str, run: &'static str, status: i32, stderr: &'static [&'static str]) -> Case {
    Case {
        what,
        run,
        status,
        stderr,
        stdout: &[],
        untouched: &[],
        files: &[],
        readonly: &[],
        stdin: None,
        interrupt_when: None,
        check: None,
        hard_link: None,
    }
}

impl Case {
    const fn stdout(self, stdout: &'static [&'static str]) -> Case {
        Case { stdout, ..self }
    }
    const fn untouched(self, untouched: &'static [&'static str]) -> Case {
        Case { untouched, ..self }
    }
    const fn files(self, files: &'static [(&'static str, &'static [u8])]) -> Case {
        Case { files, ..self }
    }
    const fn readonly(self, readonly: &'static [&'static str]) -> Case {
        Case { readonly, ..self }
    }
    const fn stdin(self, stdin: &'static [u8]) -> Case {
        Case { stdin: Some(stdin), ..self }
    }
    const fn interrupt_when(self, path: &'static str) -> Case {
        Case { interrupt_when: Some(path), ..self }
    }
    const fn hard_link(self, from: &'static str, to: &'static str) -> Case {
        Case { hard_link: Some((from, to)), ..self }
    }
    const fn check(self, check: Check) -> Case {
        Case { check: Some(check), ..self }
    }
}

const USAGE: &[&str] = &["required arguments were not provided", "<CORPUS>"];
const UNIT: &[&str] = &["must be a number from 0 to 1"];
const COST: &[&str] = &["must be a finite number, 0 or more"];

#[rustfmt::skip]
const CASES: &[Case] = &[
    // Tuning flags are range-checked.
    case("passage min score filters", "export sentences {seeds} --passage-min-score 1", 0, &[]).check(scores_at_least_one),
    case("passage min score above 1", "export sentences {seeds} --passage-min-score 2", 2, UNIT),
    case("link score NaN", "events align {seeds} --link-score NaN", 2, UNIT),
    case("link score 5", "events cluster {seeds} --link-score 5", 2, UNIT),
    case("mutual score negative", "events align {seeds} --mutual-score -1", 2, UNIT),
    case("same-language score inf", "export names {seeds} --same-language-score inf", 2, UNIT),
    case("passage skip inf", "export sentences {seeds} --passage-skip inf", 2, COST),
    case("passage skip negative", "export sentences {seeds} --passage-skip -1", 2, COST),
    case("order weight NaN", "events align {seeds} --order-weight NaN", 2, COST),
    case("cut weight inf", "export sentences {seeds} --passage-cut-weight inf", 2, &["must be a finite number"]),
    case("mine margin NaN", "export sentences {seeds} --passage-mine-margin NaN", 2, COST),
    case("mine shared NaN", "export sentences {seeds} --passage-mine-shared NaN", 2, COST),
    case("keep supported negative", "export sentences {seeds} --passage-keep-supported -1", 2, COST),
    case("few anchors not a number", "export sentences {seeds} --passage-few-anchors x", 2, &["--passage-few-anchors"]),
    case("cognate min key 0", "export sentences {seeds} --passage-cognate-min-key 0", 2, &["--passage-cognate-min-key"]),
    case("report lexical reward NaN", "report {seeds} --out {d}/r --passage-lexical-reward NaN", 2, COST).untouched(&["!r"]),
    case("pair min score NaN", "names pair {d}/names.txt {d}/right.txt --min-score NaN", 2, UNIT),
    case("pair top 0", "names pair {d}/names.txt {d}/right.txt --top 0", 2, &["must be a whole number, 1 or more"]),
    case("pair shortlist 0", "names pair {d}/names.txt {d}/right.txt --shortlist 0", 2, &["must be a whole number, 1 or more"]),
    // -o never replaces an input, nor a read-only file.
    case("-o is the name list", "names normalize {d}/names.txt -o {d}/names.txt", 2, &["names.txt: is an input"]).untouched(&["names.txt"]),
    case("-o is RIGHT", "names pair {d}/names.txt {d}/right.txt -o {d}/right.txt", 2, &["is an input"]).untouched(&["right.txt"]),
    case("-o is the JSONL corpus", "events align {d}/docs.jsonl -o {d}/docs.jsonl", 2, &["docs.jsonl: is an input"]).untouched(&["docs.jsonl"]),
    case("-o is the manifest", "events cluster {d}/corpus -o {d}/corpus/manifest.csv", 2, &["manifest.csv: is an input"]).untouched(&["corpus/manifest.csv"]),
    case("-o is a .txt of the corpus", "corpus docs {d}/corpus -o {d}/corpus/a.txt", 2, &["a.txt: is an input"]).untouched(&["corpus/a.txt"]),
    case("-o is a hard link to the name list", "names normalize {d}/names.txt -o {d}/link.txt", 2, &["link.txt: is an input"]).untouched(&["names.txt"]).hard_link("names.txt", "link.txt"),
    case("-o is the name list by another path", "names normalize {d}/names.txt -o {d}/corpus/../names.txt", 2, &["is an input"]).untouched(&["names.txt"]),
    case("report over its corpus", "report {d}/links.jsonl --out {d} --format jsonl", 2, &["links.jsonl: is an input"]).files(&[("links.jsonl", DOC_A)]).untouched(&["links.jsonl"]),
    case("-o is the --pairs file", "export sentences {seeds} --pairs {d}/pairs.csv -o {d}/pairs.csv", 2, &["pairs.csv: is an input"]).files(&[("pairs.csv", b"left,right\nbn-lavrov-marrakech,fa-lavrov-shoukry-gaza\n")]).untouched(&["pairs.csv"]),
    case("-o read-only", "names normalize {d}/names.txt -o {d}/locked.csv", 2, &["locked.csv: the file is read-only"]).files(&[("locked.csv", b"keep")]).readonly(&["locked.csv"]).untouched(&["locked.csv"]),
    case("-o read-only, events", "events align {seeds} -o {d}/locked.csv", 2, &["read-only"]).files(&[("locked.csv", b"keep")]).readonly(&["locked.csv"]).untouched(&["locked.csv"]),
    // Messages name the user's files, once.
    case("missing corpus said once", "events align {d}/missing", 2, &["missing: No such file or directory (os error 2)", "!(os error 2): No such"]),
    case("missing name list said once", "names normalize {d}/missing.txt", 2, &["missing.txt: No such file or directory (os error 2)", "!(os error 2): No such"]),
    case("missing output directory", "names normalize {d}/names.txt -o {d}/nodir/out.csv", 2, &["nodir/out.csv: no such directory", "!.tmp-"]).untouched(&["!nodir"]),
    case("missing output directory, events", "events align {seeds} -o {d}/nodir/out.csv", 2, &["out.csv: no such directory", "!.tmp-"]),
    // Corpus loading.
    case("JSONL extra fields ignored", "corpus docs {d}/extra.jsonl", 0, &[]).files(&[("extra.jsonl", b"{\"id\":\"x\",\"text\":\"Lavrov arrived.\",\"extra\":{\"k\":[1]},\"author\":\"A\"}\n")]).stdout(&["x,en"]),
    case("manifest bad date blamed on its row", "corpus docs {d}/corpus", 2, &["manifest.csv:3: `2024-13-01` is not an ISO date", "!b.txt"]).files(&[("corpus/manifest.csv", b"id,lang,published\na,en,2024-01-02\nb,fa,2024-13-01\n")]),
    case("manifest bad language blamed on its row", "events align {d}/corpus", 2, &["manifest.csv:2: unknown language `xx`"]).files(&[("corpus/manifest.csv", b"id,lang\na,xx\n")]),
    case("empty .txt loaded with a warning", "corpus docs {d}/corpus", 0, &["empty.txt: document `empty` is empty"]).files(&[("corpus/empty.txt", b"")]).stdout(&["empty,und"]),
    case("empty .txt does not stop events", "events cluster {d}/corpus", 0, &["warning"]).files(&[("corpus/empty.txt", b"")]).stdout(&["empty"]),
    case("no letters: --lenient-lang named", "corpus docs {d}/corpus", 2, &["digits.txt: cannot tell the language", "--lenient-lang"]).files(&[("corpus/digits.txt", "১২৩ 456".as_bytes())]),
    case("no letters, lenient", "corpus docs {d}/corpus --lenient-lang", 0, &[]).files(&[("corpus/digits.txt", "১২৩ 456".as_bytes())]).stdout(&["digits,en"]),
    case("saved page: invalid UTF-8 named with its line", "corpus docs {d}/corpus", 2, &["page.html:2: invalid UTF-8"]).files(&[("corpus/page.html", b"<html>\n<p>\xff</p></html>")]),
    case("saved page: broken markup still loads", "corpus docs {d}/corpus", 0, &[]).files(&[("corpus/page.html", "<html lang='x-klingon'><p>ল্যাভরভ <b ঢাকায়".as_bytes())]).stdout(&["page,bn"]),
    case("saved page: nothing readable, loaded empty with a warning", "corpus docs {d}/corpus", 0, &["page.html: document `page` is empty"]).files(&[("corpus/page.html", b"<script>x()</script><nav>menu</nav>")]).stdout(&["page,und"]),
    case("a .txt and a .html for one id", "events cluster {d}/corpus", 2, &["duplicate document id `a`", "a.txt", "a.html"]).files(&[("corpus/a.html", b"<p>Lavrov</p>")]),
    // Only report runs on the built-in seeds without a corpus.
    case("events align needs a corpus", "events align", 2, USAGE),
    case("events cluster needs a corpus", "events cluster", 2, USAGE),
    case("corpus docs needs a corpus", "corpus docs", 2, USAGE),
    case("export names needs a corpus", "export names", 2, USAGE),
    case("report runs on the seeds", "report --out {d}/r", 0, &["5 documents"]),
    // Names.
    case("mixed scripts keep every part", "names normalize {d}/mixed.txt", 0, &[]).files(&[("mixed.txt", "Lavrovلاوروفল্যাভরভ\n".as_bytes())]).stdout(&["Lavrov Lavruf Lavrov,LPRP LPRP LPRP"]),
    case("NUL in a name list", "names normalize {d}/utf16.txt", 2, &["utf16.txt:1: NUL byte", "UTF-16"]).files(&[("utf16.txt", b"L\0a\0v\0r\0o\0v\0\n\0")]),
    case("NUL from stdin", "names normalize -", 2, &["<stdin>:2: NUL byte"]).stdin(b"ok\nx\0y\n"),
    case("LEFT and RIGHT both stdin", "names pair - -", 2, &["cannot both be standard input"]).stdin(b"Lavrov\n"),
    case("control characters never reach CSV", "names normalize {d}/ctl.txt", 0, &[]).files(&[("ctl.txt", b"ab\x01c\x1b[31m\nd\x7fe\xc2\x85f\n")]).check(no_control_bytes),
    case("control characters never reach TSV", "names pair {d}/ctl.txt {d}/ctl.txt --format tsv --explain", 0, &[]).files(&[("ctl.txt", b"ab\x01c\x1b[31m\nd\x7fe\n")]).check(no_control_bytes),
    case("NUL in a corpus never reaches CSV", "corpus sentences {d}/nul.jsonl", 0, &[]).files(&[("nul.jsonl", b"{\"id\":\"n\",\"text\":\"Lavrov\\u0000 arrived. Then\\u0001 left.\"}\n")]).check(no_control_bytes),
    case("invalid UTF-8 in a name list", "names normalize {d}/bad.txt -o {d}/out.csv", 2, &["bad.txt:2: invalid UTF-8"]).files(&[("bad.txt", b"ok\n\xff\n")]).untouched(&["!out.csv"]),
    case("invalid UTF-8 deep in a long list", "names normalize {d}/long.txt -o {d}/out.csv", 2, &["long.txt:300001: invalid UTF-8"]).untouched(&["!out.csv"]),
    // Interruptions and help.
    case("interrupted report leaves no empty directory", "report {root}/corpora/ntrex-dev/articles.jsonl --out {d}/r", -1, &[]).interrupt_when("r"),
    case("report -h: outputs under Output", "report -h", 0, &[]).check(report_outputs_under_output),
    case("example: names normalize", "names normalize -h", 0, &[]).stdout(&["Example:\n  printf"]),
    case("example: names pair", "names pair -h", 0, &[]).stdout(&["Example:\n  talign names pair"]),
    case("example: events align", "events align -h", 0, &[]).stdout(&["Example:\n  talign events align"]),
    case("example: events cluster", "events cluster -h", 0, &[]).stdout(&["Example:\n  talign events cluster"]),
    case("example: export names", "export names -h", 0, &[]).stdout(&["Example:\n  talign export names"]),
    case("example: export sentences", "export sentences -h", 0, &[]).stdout(&["Example:\n  talign export sentences"]),
    case("example: corpus docs", "corpus docs -h", 0, &[]).stdout(&["Example:\n  talign corpus docs"]),
    case("example: corpus sentences", "corpus sentences -h", 0, &[]).stdout(&["Example:\n  talign corpus sentences"]),
    case("example: corpus cuts", "corpus cuts -h", 0, &[]).stdout(&["Example:\n  talign corpus cuts"]),
    case("example: report", "report -h", 0, &[]).stdout(&["Examples:\n  talign report"]),
    // What the documentation promises.
    case("README has an install section", "@README.md", 0, &[]).stdout(&["cargo install --locked --path crates/talign"]),
    case("docs/cli.md lists normalize --explain", "@docs/cli.md", 0, &[]).stdout(&["| `names normalize` | `--explain` |"]),
];

const DOC_A: &[u8] = b"{\"id\":\"a\",\"text\":\"Lavrov arrived in Marrakech.\"}\n";

/// 300,000 good lines, then a bad one: written for the rows that name `long.txt`.
fn long_bad() -> Vec<u8> {
    let mut b = b"x\n".repeat(300_000);
    b.extend_from_slice(b"\xff\n");
    b
}

fn scores_at_least_one(out: &[u8]) -> Result<(), String> {
    let mut r = csv::Reader::from_reader(out);
    for row in r.records() {
        let row = row.map_err(|e| e.to_string())?;
        let score: f64 = row[5].parse().map_err(|e| format!("{e}"))?;
        if score < 1.0 {
            return Err(format!("a row scored {score} survived --passage-min-score 1"));
        }
    }
    Ok(())
}

fn no_control_bytes(out: &[u8]) -> Result<(), String> {
    let text = String::from_utf8(out.to_vec()).map_err(|e| e.to_string())?;
    match text.chars().find(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')) {
        Some(c) => Err(format!("control character {:?} in the output:\n{text}", c)),
        None if text.lines().count() < 2 => Err(format!("no rows: {text}")),
        None => Ok(()),
    }
}

fn report_outputs_under_output(out: &[u8]) -> Result<(), String> {
    let help = String::from_utf8_lossy(out);
    let heading = |h: &str| help.lines().position(|l| l.starts_with(h));
    let line = |f: &str| help.lines().position(|l| l.trim_start().starts_with(f));
    let (Some(output), Some(o), Some(f)) = (heading("Output:"), line("--out"), line("--format")) else {
        return Err(format!("no Output heading with --out and --format:\n{help}"));
    };
    // Between the Output heading and the next heading.
    let next = help.lines().enumerate().skip(output + 1).find(|(_, l)| l.ends_with(':') && !l.starts_with(' '));
    let end = next.map_or(usize::MAX, |(i, _)| i);
    if (output..end).contains(&o) && (output..end).contains(&f) {
        Ok(())
    } else {
        Err(format!("--out/--format not under Output:\n{help}"))
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

fn binary() -> PathBuf {
    std::env::var_os("TALIGN_BIN").map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_talign")), PathBuf::from)
}

/// The fixtures every row starts from.
fn fixtures(d: &Path) {
    let files: &[(&str, &[u8])] = &[
        ("names.txt", "ল্যাভরভ\nلاوروف\nLavrov\n".as_bytes()),
        ("right.txt", b"Lavrov\nPezeshkian\n"),
        ("docs.jsonl", DOC_A),
        ("corpus/a.txt", b"Lavrov arrived in Marrakech on Wednesday."),
        ("corpus/b.txt", "لاوروف روز چهارشنبه وارد مراکش شد.".as_bytes()),
        ("corpus/manifest.csv", b"id,lang,published\na,en,2023-12-20\nb,fa,\n"),
    ];
    for (name, bytes) in files {
        write(&d.join(name), bytes);
    }
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    if path.exists() {
        let mut p = std::fs::metadata(path).unwrap().permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        p.set_readonly(false);
        std::fs::set_permissions(path, p).unwrap();
    }
    std::fs::write(path, bytes).unwrap();
}

/// Runs one case; returns what went wrong.
fn run_case(n: usize, c: &Case) -> Result<(), String> {
    let d = std::env::temp_dir().join(format!("talign-bad-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    fixtures(&d);
    for (name, bytes) in c.files {
        write(&d.join(name), bytes);
    }
    if c.run.contains("long.txt") {
        write(&d.join("long.txt"), &long_bad());
    }
    if let Some((from, to)) = c.hard_link {
        std::fs::hard_link(d.join(from), d.join(to)).unwrap();
    }
    for name in c.readonly {
        let p = d.join(name);
        let mut perm = std::fs::metadata(&p).unwrap().permissions();
        perm.set_readonly(true);
        std::fs::set_permissions(&p, perm).unwrap();
    }
    let before: Vec<Option<Vec<u8>>> =
        c.untouched.iter().map(|f| std::fs::read(d.join(f.trim_start_matches('!'))).ok()).collect();
    let root = root();
    let seeds = root.join("corpora/seeds");
    let expand = |a: &str| {
        a.replace("{d}", d.to_str().unwrap())
            .replace("{seeds}", seeds.to_str().unwrap())
            .replace("{root}", root.to_str().unwrap())
    };
    let (status, stdout, stderr) = if let Some(file) = c.run.strip_prefix('@') {
        (0, std::fs::read(root.join(file)).map_err(|e| format!("{file}: {e}"))?, Vec::new())
    } else {
        let args: Vec<String> = c.run.split(' ').filter(|a| !a.is_empty()).map(expand).collect();
        let mut child = Command::new(binary())
            .args(&args)
            .current_dir(&d)
            .stdin(if c.stdin.is_some() { Stdio::piped() } else { Stdio::null() })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        if let Some(input) = c.stdin {
            use std::io::Write;
            let mut w = child.stdin.take().unwrap();
            let _ = w.write_all(input);
        }
        if let Some(path) = c.interrupt_when {
            let watched = d.join(path);
            let start = Instant::now();
            while child.try_wait().unwrap().is_none() && start.elapsed() < Duration::from_secs(300) {
                if watched.exists() {
                    let _ = child.kill();
                    break;
                }
                std::thread::sleep(Duration::from_millis(2));
            }
            let _ = child.kill();
            let _ = child.wait();
            let left_empty = std::fs::read_dir(&watched).is_ok_and(|mut entries| entries.next().is_none());
            let _ = std::fs::remove_dir_all(&d);
            return if left_empty { Err(format!("{} is left empty", watched.display())) } else { Ok(()) };
        }
        let o = child.wait_with_output().unwrap();
        (o.status.code().unwrap_or(-1), o.stdout, o.stderr)
    };
    let (out, err) = (String::from_utf8_lossy(&stdout), String::from_utf8_lossy(&stderr));
    let mut problems = Vec::new();
    if status != c.status {
        problems.push(format!("exit status {status}, expected {}", c.status));
    }
    for (text, frags, name) in [(&err, c.stderr, "stderr"), (&out, c.stdout, "stdout")] {
        for f in frags {
            match f.strip_prefix('!') {
                Some(bad) if text.contains(bad) => problems.push(format!("{name} holds `{bad}`")),
                None if !text.contains(f) => problems.push(format!("{name} lacks `{f}`")),
                _ => {}
            }
        }
    }
    if let Some(check) = c.check
        && let Err(e) = check(&stdout)
    {
        problems.push(e);
    }
    for (f, was) in c.untouched.iter().zip(before) {
        let now = std::fs::read(d.join(f.trim_start_matches('!'))).ok();
        if f.starts_with('!') && d.join(&f[1..]).exists() {
            problems.push(format!("{} was created", &f[1..]));
        } else if !f.starts_with('!') && now != was {
            problems.push(format!("{f} was changed"));
        }
    }
    let _ = std::fs::remove_dir_all(&d);
    if problems.is_empty() {
        Ok(())
    } else {
        let shorten = |s: &str| s.chars().take(600).collect::<String>();
        Err(format!("{}\n  stderr: {}\n  stdout: {}", problems.join("; "), shorten(&err), shorten(&out)))
    }
}

#[test]
fn bad_input_and_faults() {
    let failures: Vec<String> = CASES
        .iter()
        .enumerate()
        .filter_map(|(n, c)| run_case(n, c).err().map(|e| format!("- {} (`{}`): {e}", c.what, c.run)))
        .collect();
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}
