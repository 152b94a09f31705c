//! The command line as users and the acceptance checks run it: exit codes, error messages
//! naming file and line, nothing partial written, deterministic bytes, and the seed corpus
//! results the event issue asks for.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn talign(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_talign")).args(args).output().expect("talign runs")
}

fn talign_threads(threads: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_talign"))
        .env("RAYON_NUM_THREADS", threads)
        .args(args)
        .output()
        .expect("talign runs")
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("talign-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpora/seeds")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn rows(csv_text: &str) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new().has_headers(true).from_reader(csv_text.as_bytes());
    r.records().map(|x| x.unwrap().iter().map(str::to_owned).collect()).collect()
}

/// The rows a successful run of `talign args` prints.
fn ok_rows(args: &[&str]) -> Vec<Vec<String>> {
    let o = talign(args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    rows(&stdout(&o))
}

/// The NTREX reports of the Palu earthquake (five articles from four outlets, in both
/// languages) but the `dropped` ids, written to a corpus in a fresh directory `name`.
fn palu(name: &str, dropped: &[&str]) -> PathBuf {
    let ntrex = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpora/ntrex-dev/articles.jsonl");
    let text = std::fs::read_to_string(ntrex).unwrap();
    let outlets = ["reuters.218865", "euronews-en.153797", "reuters.218863", "telegraph.405422", "nytimes.184860"];
    let keep: Vec<&str> = text
        .lines()
        .filter(|l| outlets.iter().any(|o| l.contains(&format!("-{o}\"")) && l.contains("\"id\"")))
        .filter(|l| !dropped.iter().any(|d| l.contains(&format!("\"{d}\""))))
        .collect();
    assert_eq!(keep.len(), 10 - dropped.len());
    let corpus = tmp(name).join("palu.jsonl");
    std::fs::write(&corpus, keep.join("\n") + "\n").unwrap();
    corpus
}

#[test]
fn bad_input_exits_2_naming_file_and_line_and_writes_nothing() {
    let d = tmp("bad");
    let bad = d.join("bad.jsonl");
    std::fs::write(&bad, "{\"id\":\"a\",\"text\":\"লাভরভ\"}\n{\"id\":\"a\",\"text\":\"x\"}\n").unwrap();
    let out = d.join("out.csv");
    let o = talign(&["events", "align", bad.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.jsonl:2: duplicate document id `a`"), "{err}");
    assert!(!out.exists(), "nothing may be written on error");

    let names = d.join("names.txt");
    std::fs::write(&names, b"ok\n\xff\xfe\n").unwrap();
    let o = talign(&["names", "normalize", names.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("names.txt:2: invalid UTF-8"));

    let o = talign(&["events", "cluster", d.join("missing").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn names_pair_contract() {
    let d = tmp("pair");
    let (l, r) = (d.join("l.txt"), d.join("r.txt"));
    std::fs::write(&l, "ল্যাভরভের\n\nپزشکیان\nxyzzy\n").unwrap();
    std::fs::write(&r, "Pezeshkian\nLavrov\n").unwrap();
    let o = talign(&["names", "pair", l.to_str().unwrap(), r.to_str().unwrap(), "--min-score", "0.5"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.starts_with("left,right,score\r\n"), "{out}");
    let rs = rows(&out);
    assert_eq!(rs.len(), 3, "one row per non-blank line: {rs:?}");
    assert_eq!((rs[0][0].as_str(), rs[0][1].as_str()), ("ল্যাভরভের", "Lavrov"));
    assert_eq!(rs[1][1], "Pezeshkian");
    assert_eq!(rs[2][1], "", "below --min-score: empty right");
    let o = talign(&["names", "pair", l.to_str().unwrap(), r.to_str().unwrap(), "--top", "2", "--format", "jsonl"]);
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|x| serde_json::from_str(x).unwrap()).collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(lines[1]["rank"], 2);
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let s = seeds();
    let s = s.to_str().unwrap();
    for args in [vec!["events", "align", s], vec!["export", "names", s], vec!["export", "sentences", s]] {
        let one = talign_threads("1", &args);
        let two = talign_threads("2", &args);
        let four = talign_threads("4", &args);
        assert!(one.status.success());
        assert_eq!(one.stdout, two.stdout, "{args:?}");
        assert_eq!(one.stdout, four.stdout, "{args:?}");
    }
}

/// The names commands stream their list in chunks on all cores: a list of many chunks gives
/// the same bytes with 1, 2 and 4 threads, in every format, and the rows of the list read whole.
#[test]
fn streamed_names_are_the_same_whatever_the_thread_count() {
    let d = tmp("stream");
    let list = d.join("names.txt");
    let names = ["ল্যাভরভের", "لاوروف", "Lavrov", "", "পেজেশকিয়ান", "سامح شکری", "Sameh Shoukry", "Georgia (country)"];
    // About 1 MB: four chunks of input.
    let text: String = (0..40_000).map(|i| format!("{} {i}\n", names[i % names.len()])).collect();
    std::fs::write(&list, &text).unwrap();
    let right = d.join("right.txt");
    std::fs::write(&right, "Lavrov\nPezeshkian\nShoukry\nGeorgia\n").unwrap();
    let l = list.to_str().unwrap();
    for args in [
        vec!["names", "normalize", l],
        vec!["names", "normalize", l, "--format", "json", "--explain"],
        vec!["names", "normalize", l, "--format", "markdown"],
        vec!["names", "pair", l, right.to_str().unwrap(), "--top", "2", "--format", "jsonl"],
    ] {
        let one = talign_threads("1", &args);
        assert!(one.status.success(), "{}", String::from_utf8_lossy(&one.stderr));
        assert_eq!(one.stdout, talign_threads("2", &args).stdout, "{args:?}");
        assert_eq!(one.stdout, talign_threads("4", &args).stdout, "{args:?}");
    }
    let rs = rows(&stdout(&talign(&["names", "normalize", l])));
    let expected: Vec<String> = text.lines().filter(|x| !x.trim().is_empty()).map(str::to_owned).collect();
    assert_eq!(rs.iter().map(|r| r[0].clone()).collect::<Vec<_>>(), expected);
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn seed_corpus_links_the_marrakech_reports_and_nothing_else() {
    let o = talign(&["events", "align", seeds().to_str().unwrap()]);
    let rs = rows(&stdout(&o));
    let pairs: Vec<(&str, &str)> = rs.iter().map(|r| (r[0].as_str(), r[1].as_str())).collect();
    assert_eq!(pairs, [("bn-lavrov-marrakech", "fa-lavrov-shoukry-gaza")]);
    // Every document appears exactly once in the clusters.
    let o = talign(&["events", "cluster", seeds().to_str().unwrap()]);
    let rs = rows(&stdout(&o));
    let mut docs: Vec<&str> = rs.iter().map(|r| r[1].as_str()).collect();
    docs.sort();
    assert_eq!(docs.len(), 5);
    docs.dedup();
    assert_eq!(docs.len(), 5);
}

#[test]
fn seed_corpus_names_table_has_one_row_per_person_with_all_variants() {
    let o = talign(&["export", "names", seeds().to_str().unwrap()]);
    let rs = rows(&stdout(&o));
    let row = |needle: &str| -> Vec<String> {
        let found: Vec<&Vec<String>> = rs.iter().filter(|r| r[0].contains(needle)).collect();
        assert_eq!(found.len(), 1, "one row for {needle}: {found:?}");
        found[0].clone()
    };
    let pz = row("Pezeshkian");
    for v in ["পেজেশকিয়ান", "পেজেশেকিয়ান", "পেজেকশিয়ান"]
    {
        assert!(pz[2].split('|').any(|x| x == v), "{v} in {pz:?}");
    }
    let lv = row("Lavrov");
    for v in ["ল্যাভরভ", "লাভরভ"] {
        assert!(lv[2].split('|').any(|x| x == v), "{v} in {lv:?}");
    }
    assert!(lv[3].split('|').any(|x| x == "لاوروف"), "{lv:?}");
    let sh = row("Shoukry");
    assert!(sh[3].contains("سامح شکری") && !sh[2].is_empty(), "{sh:?}");
    let pt = row("Putin");
    assert!(pt[2].split('|').any(|x| x == "পুতিন") && pt[3].split('|').any(|x| x == "پوتین"), "{pt:?}");
}

#[test]
fn seed_corpus_pairs_the_egypt_thanks_sentences() {
    let o = talign(&["export", "sentences", seeds().to_str().unwrap()]);
    let rs = rows(&stdout(&o));
    assert!(rs.iter().any(|r| r[3].contains("নিরাপদ প্রস্থান") && r[4].contains("لاوروف همچنین از کمک قاهره")), "{rs:?}");
}

#[test]
fn explain_says_what_the_paired_passages_share() {
    let o = talign(&["export", "sentences", seeds().to_str().unwrap(), "--explain"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = stdout(&o);
    assert!(text.starts_with("event,left_doc,right_doc,left,right,score,evidence"), "{text}");
    let rs = rows(&text);
    let thanks = rs.iter().find(|r| r[3].contains("নিরাপদ প্রস্থান")).expect("the Egypt-thanks pair");
    assert!(thanks[6].contains("shared: ") && thanks[6].contains("evacuation"), "{thanks:?}");
}

/// The translation table is learnt from many pairs in parallel: twenty NTREX articles in
/// both languages are enough (the seeds are not), and the table must not depend on the
/// thread count.
#[test]
fn learnt_translations_do_not_depend_on_the_thread_count() {
    let ntrex = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpora/ntrex-dev/articles.jsonl");
    let text = std::fs::read_to_string(ntrex).unwrap();
    // The first twenty Bengali articles and their Persian translations (ids bn-X / fa-X).
    let bn: Vec<&str> = text.lines().filter(|l| l.contains("\"id\": \"bn-")).take(20).collect();
    let keep: Vec<&str> = text
        .lines()
        .filter(|l| {
            bn.contains(l)
                || bn.iter().any(|b| {
                    b.split('"').nth(3).map(|id| id.replacen("bn-", "fa-", 1)) == l.split('"').nth(3).map(String::from)
                })
        })
        .collect();
    assert_eq!(keep.len(), 40);
    let subset = tmp("ntrex20").join("ntrex20.jsonl");
    std::fs::write(&subset, keep.join("\n") + "\n").unwrap();
    let args = ["export", "sentences", subset.to_str().unwrap(), "--explain"];
    let one = talign_threads("1", &args);
    let two = talign_threads("2", &args);
    assert!(one.status.success(), "{}", String::from_utf8_lossy(&one.stderr));
    assert!(String::from_utf8_lossy(&one.stdout).contains("wording"), "a table was learnt");
    assert_eq!(one.stdout, two.stdout);
}

/// `export sentences --within-events` aligns every scored pair inside an event, not only the
/// links: on the NTREX reports of the Palu earthquake (five articles from four outlets, in
/// both languages) it adds passages between independent reports of one outlet and another,
/// keeps every linked pair's rows as they were, and pairs no documents of two events.
#[test]
fn sentences_within_events_pair_the_reports_an_event_holds_without_a_link() {
    let corpus = palu("palu", &[]);
    let c = corpus.to_str().unwrap();
    let event_of: std::collections::HashMap<String, String> =
        ok_rows(&["events", "cluster", c]).into_iter().map(|r| (r[1].clone(), r[0].clone())).collect();
    let linked = ok_rows(&["export", "sentences", c]);
    let within = ok_rows(&["export", "sentences", c, "--within-events"]);
    for r in &linked {
        assert!(within.contains(r), "a linked pair's passage is kept: {r:?}");
    }
    let pairs = |rs: &[Vec<String>]| -> std::collections::BTreeSet<(String, String)> {
        rs.iter().map(|r| (r[1].clone(), r[2].clone())).collect()
    };
    let added: Vec<(String, String)> = pairs(&within).difference(&pairs(&linked)).cloned().collect();
    assert!(!added.is_empty(), "some pair of one event had no link");
    for r in &within {
        assert_eq!(event_of[&r[1]], r[0], "{r:?}");
        assert_eq!(event_of[&r[2]], r[0], "{r:?}");
    }
    // Among them, two reports in one language by different outlets.
    assert!(added.iter().any(|(l, r)| l[..3] == r[..3] && l[3..] != r[3..]), "{added:?}");
    let both = talign(&["export", "sentences", c, "--within-events", "--pairs", c]);
    assert_eq!(both.status.code(), Some(2), "--within-events and --pairs exclude each other");
    // `report --within-events` writes the same passages, and its HTML shows every pair.
    let dir = tmp("palu-report");
    for (name, format) in [("tables", "csv"), ("pages", "html")] {
        let out = dir.join(name);
        let o = talign(&["report", c, "--within-events", "--format", format, "--out", out.to_str().unwrap()]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let written = std::fs::read_to_string(dir.join("tables/sentences.csv")).unwrap();
    assert_eq!(rows(&written), within);
    let html = std::fs::read_to_string(dir.join("pages/index.html")).unwrap();
    let shown = html.matches("<div class=\"link\" data-left").count();
    // A block per pair shown, with passages or without: more than the links have.
    assert!(shown >= pairs(&within).len() && shown > pairs(&linked).len(), "{shown} pairs shown");
    assert!(html.contains(&format!("{shown} document pairs")), "the summary counts the pairs shown");
}

/// Independent reports of one event in two languages, neither with a link into the other's
/// language, get their passages without `--within-events`: the NTREX reports of the Palu
/// earthquake without the Persian translation of one Reuters story and the Bengali one of
/// Euronews leave the Bengali Reuters story and the Persian Euronews story unpartnered, in
/// one event with the other outlets' translations. `export sentences` pairs the two (the
/// toll of at least 384 dead on Friday is in both), and no pair where a document has its
/// partner in the other language; `report` writes the same rows.
#[test]
fn sentences_pair_the_unlinked_reports_of_an_event_in_two_languages() {
    let corpus = palu("palu-unlinked", &["fa-reuters.218865", "bn-euronews-en.153797"]);
    let c = corpus.to_str().unwrap();
    let event_of: std::collections::HashMap<String, String> =
        ok_rows(&["events", "cluster", c]).into_iter().map(|r| (r[1].clone(), r[0].clone())).collect();
    let key = |l: &str, r: &str| if l < r { (l.to_owned(), r.to_owned()) } else { (r.to_owned(), l.to_owned()) };
    let links: std::collections::BTreeSet<(String, String)> =
        ok_rows(&["events", "align", c]).iter().map(|r| key(&r[0], &r[1])).collect();
    let (bn, fa) = ("bn-reuters.218865", "fa-euronews-en.153797");
    assert!(!links.contains(&key(bn, fa)), "the two reports are not linked");
    assert_eq!(event_of[bn], event_of[fa], "but are one event");
    // A document with a link into the other language.
    let partnered = |d: &str| links.iter().any(|(l, r)| (l == d && r[..2] != d[..2]) || (r == d && l[..2] != d[..2]));
    let shown = ok_rows(&["export", "sentences", c]);
    for r in &shown {
        assert_eq!(event_of[&r[1]], r[0], "{r:?}");
        assert_eq!(event_of[&r[2]], r[0], "{r:?}");
        let unlinked = !links.contains(&key(&r[1], &r[2]));
        assert!(!unlinked || !(partnered(&r[1]) || partnered(&r[2])), "only unpartnered reports are added: {r:?}");
    }
    let of_pair: Vec<&Vec<String>> = shown.iter().filter(|r| key(&r[1], &r[2]) == key(bn, fa)).collect();
    assert!(
        of_pair.iter().any(|r| r[3].contains("384") && r[4].contains("384")),
        "the toll both state is paired: {of_pair:?}"
    );
    // `--within-events` shows all of these rows too.
    let within = ok_rows(&["export", "sentences", c, "--within-events"]);
    for r in &shown {
        assert!(within.contains(r), "{r:?}");
    }
    let out = tmp("palu-unlinked-report");
    let o = talign(&["report", c, "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(rows(&std::fs::read_to_string(out.join("sentences.csv")).unwrap()), shown);
}

/// Two languages that teach no translation table (one translated article is too few): a
/// report whose best partner in the other language is linked to its own translation is
/// still shown with it, and they are paired on the toll both state.
#[test]
fn sentences_pair_a_report_with_its_best_partner_where_no_table_was_taught() {
    let outlets = ["euronews-en.153797", "reuters.218863", "telegraph.405422", "nytimes.184860"];
    let mut dropped: Vec<String> =
        outlets.iter().skip(1).flat_map(|o| [format!("bn-{o}"), format!("fa-{o}")]).collect();
    dropped.push(format!("bn-{}", outlets[0]));
    let corpus = palu("palu-untaught", &dropped.iter().map(String::as_str).collect::<Vec<_>>());
    let c = corpus.to_str().unwrap();
    let (bn, fa, translation) = ("bn-reuters.218865", "fa-euronews-en.153797", "fa-reuters.218865");
    let links: Vec<(String, String)> =
        ok_rows(&["events", "align", c]).into_iter().map(|r| (r[0].clone(), r[1].clone())).collect();
    assert!(links.iter().any(|(l, r)| [l, r] == [translation, bn] || [l, r] == [bn, translation]), "{links:?}");
    assert!(!links.iter().any(|(l, r)| [l, r] == [fa, bn] || [l, r] == [bn, fa]), "{links:?}");
    let events: Vec<String> = ok_rows(&["events", "cluster", c]).into_iter().map(|r| r[0].clone()).collect();
    assert!(events.iter().all(|e| *e == events[0]), "one event: {events:?}");
    let shown = ok_rows(&["export", "sentences", c]);
    let of_pair: Vec<&Vec<String>> = shown.iter().filter(|r| r[1] == bn && r[2] == fa).collect();
    assert!(of_pair.iter().any(|r| r[3].contains("384") && r[4].contains("384")), "{shown:?}");
}

#[test]
fn report_writes_every_table() {
    let d = tmp("report");
    let o = talign(&["report", "--out", d.to_str().unwrap(), "--format", "markdown"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for t in ["links", "events", "names", "sentences"] {
        let text = std::fs::read_to_string(d.join(format!("{t}.md"))).unwrap();
        assert!(text.starts_with("| "), "{t}: {text}");
        assert!(text.lines().count() > 2, "{t} has rows");
    }
}

/// Each table of a report is written to a temporary file as it is made, and all are
/// renamed into place at the end: a report that fails (here, its last table's path is a
/// directory, which the output check finds before any work, and staged writing would find
/// too; `table::tests` fails one part-way) leaves the old report as it was, and no
/// temporary file.
#[test]
fn a_failed_report_leaves_the_old_one_whole() {
    let d = tmp("report-failed");
    let o = talign(&["report", "--out", d.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let old: Vec<String> = ["links", "events", "names"]
        .iter()
        .map(|t| std::fs::read_to_string(d.join(format!("{t}.csv"))).unwrap())
        .collect();
    std::fs::remove_file(d.join("sentences.csv")).unwrap();
    std::fs::create_dir(d.join("sentences.csv")).unwrap();
    std::fs::write(d.join("links.csv"), "old links\n").unwrap();
    let o = talign(&["report", "--out", d.to_str().unwrap()]);
    assert!(!o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("is a directory"), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(std::fs::read_to_string(d.join("links.csv")).unwrap(), "old links\n");
    assert_eq!(std::fs::read_to_string(d.join("events.csv")).unwrap(), old[1]);
    let mut left: Vec<String> =
        std::fs::read_dir(&d).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    left.sort();
    assert_eq!(left, ["events.csv", "links.csv", "names.csv", "sentences.csv"]);
    // Once the way is clear, the whole report is written again.
    std::fs::remove_dir(d.join("sentences.csv")).unwrap();
    let o = talign(&["report", "--out", d.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(std::fs::read_to_string(d.join("links.csv")).unwrap(), old[0]);
    std::fs::remove_dir_all(&d).unwrap();
}

/// `docs/cli.md` lists every tuning flag with its default: they must be the binary's.
#[test]
fn documented_tuning_defaults_are_the_binarys() {
    let help = stdout(&talign(&["export", "sentences", "--help"]));
    // Flag -> default, from `--flag <X>` followed (after its description) by `[default: V]`.
    let mut defaults = std::collections::HashMap::new();
    let mut flag: Option<String> = None;
    for line in help.lines() {
        let t = line.trim();
        // A flag heads its entry at a small indent; a description that wraps a flag's name
        // to the start of a line is indented further.
        let indent = line.len() - line.trim_start().len();
        if let Some(rest) = t.strip_prefix("--").filter(|_| indent < 8) {
            flag = Some(format!("--{}", rest.split_whitespace().next().unwrap_or_default()));
        }
        if let (Some(f), Some(d)) = (&flag, t.strip_prefix("[default: ").and_then(|d| d.strip_suffix(']'))) {
            defaults.insert(f.clone(), d.parse::<f64>().ok());
        }
    }
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/cli.md")).unwrap();
    let mut checked = 0;
    for row in doc.lines().filter(|l| l.starts_with("| `--")) {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let flags: Vec<&str> =
            cells[1].split(", ").map(|f| f.trim_matches('`').split(' ').next().unwrap_or_default()).collect();
        let values: Vec<&str> = cells[2].split(", ").collect();
        for (f, v) in flags.iter().zip(values) {
            if v == "off" {
                continue;
            }
            let documented: f64 = v.parse().unwrap_or_else(|_| panic!("{f}: `{v}` is not a number"));
            let actual = defaults.get(*f).copied().flatten().unwrap_or_else(|| panic!("{f} has no default in --help"));
            assert!((documented - actual).abs() < 1e-9, "{f}: docs say {documented}, the binary {actual}");
            checked += 1;
        }
    }
    assert!(checked >= 15, "only {checked} defaults checked");
}

/// The examples of the README and of every command's `--help` name inputs that exist (run
/// from the repository root); outputs (`-o`, `--out`) may be new.
#[test]
fn examples_name_files_that_exist() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let commands: &[&[&str]] = &[
        &[],
        &["names", "normalize"],
        &["names", "pair"],
        &["events", "align"],
        &["events", "cluster"],
        &["export", "names"],
        &["export", "sentences"],
        &["corpus", "docs"],
        &["corpus", "sentences"],
        &["corpus", "cuts"],
        &["report"],
    ];
    let mut texts: Vec<(String, String)> = commands
        .iter()
        .map(|c| {
            let mut args = c.to_vec();
            args.push("--help");
            (format!("talign {}", args.join(" ")), stdout(&talign(&args)))
        })
        .collect();
    texts.push(("README.md".into(), std::fs::read_to_string(root.join("README.md")).unwrap()));
    let mut checked = 0;
    for (source, text) in &texts {
        for line in text.lines() {
            let Some(at) = line.find("talign ") else { continue };
            let command = line[at..].split('#').next().unwrap_or_default();
            if !line.trim_start().starts_with("talign ") && !line.trim_start().starts_with("$ talign ") {
                continue;
            }
            let words: Vec<&str> = command.split_whitespace().collect();
            for (i, w) in words.iter().enumerate().skip(1) {
                let output = i > 0 && matches!(words[i - 1], "-o" | "--output" | "--out");
                let looks_like_path =
                    w.contains('/') || [".txt", ".jsonl", ".csv", ".tsv"].iter().any(|e| w.ends_with(e));
                if looks_like_path && !output && !w.starts_with('-') {
                    assert!(root.join(w).exists(), "{source}: `{}` names {w}, which does not exist", command.trim());
                    checked += 1;
                }
            }
        }
    }
    assert!(checked >= 15, "only {checked} paths checked");
}

#[test]
fn export_names_explain_says_where_each_canonical_name_comes_from() {
    let s = seeds();
    let s = s.to_str().unwrap();
    let plain = stdout(&talign(&["export", "names", s]));
    assert!(plain.starts_with("canonical,kind,bn,fa,docs,mentions\r\n"), "{}", &plain[..40.min(plain.len())]);
    let explained = stdout(&talign(&["export", "names", s, "--explain"]));
    assert!(explained.starts_with("canonical,kind,bn,fa,docs,mentions,canonical_from\r\n"));
    let rs = rows(&explained);
    assert_eq!(rs.len(), rows(&plain).len());
    let from = |name: &str| rs.iter().find(|r| r[0] == name).map(|r| r[6].clone());
    assert_eq!(from("Sergey Lavrov").as_deref(), Some("lexicon"));
    // Known only from a Bengali page, and romanized from it (found by its Bengali form: the
    // romanization itself follows the learnt model).
    let from_bn = |bn: &str| rs.iter().find(|r| r[2] == bn).map(|r| r[6].clone());
    assert_eq!(from_bn("আশবাগাতে").as_deref(), Some("bengali"));
    for r in &rs {
        assert!(["lexicon", "corpus-latin", "bengali", "romanized", "restored"].contains(&r[6].as_str()), "{r:?}");
    }
}

/// The HTML report: the same bytes whatever the thread count; the Marrakech link shown the
/// same whatever the order of the input documents (event ids follow the input order, as in
/// `events cluster`); into an existing directory, the split pages of an older report go and
/// other files stay; progress is never drawn when standard error is not a terminal, and
/// `--quiet` leaves it empty.
#[test]
fn the_html_report_is_deterministic_and_replaces_an_older_one() {
    let d = tmp("report-html");
    let (one, two) = (d.join("one"), d.join("two"));
    let o =
        talign_threads("1", &["report", seeds().to_str().unwrap(), "--out", one.to_str().unwrap(), "--format", "html"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.starts_with("talign: 5 documents") && err.lines().count() == 1, "only the summary: {err:?}");
    assert!(!err.contains('\r') && !err.contains('\u{1b}'), "no progress drawn off a terminal: {err:?}");
    let html = std::fs::read(one.join("index.html")).unwrap();
    let o = talign_threads(
        "2",
        &["report", seeds().to_str().unwrap(), "--out", two.to_str().unwrap(), "--format", "html", "-q"],
    );
    assert!(o.status.success() && o.stderr.is_empty(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(html, std::fs::read(two.join("index.html")).unwrap(), "1 and 2 threads");
    // The seeds as JSON Lines, in reverse order.
    let manifest = std::fs::read_to_string(seeds().join("manifest.csv")).unwrap();
    let mut lines = Vec::new();
    for r in csv::Reader::from_reader(manifest.as_bytes()).records() {
        let r = r.unwrap();
        let text = std::fs::read_to_string(seeds().join(format!("{}.txt", &r[0]))).unwrap();
        let mut v = serde_json::json!({"id": &r[0], "lang": &r[1], "text": text});
        for (k, i) in [("source", 2), ("published", 3), ("title", 4)] {
            if !r[i].is_empty() {
                v[k] = r[i].into();
            }
        }
        lines.push(v.to_string());
    }
    lines.reverse();
    let jsonl = d.join("seeds-reversed.jsonl");
    std::fs::write(&jsonl, lines.join("\n") + "\n").unwrap();
    let three = d.join("three");
    let o = talign(&["report", jsonl.to_str().unwrap(), "--out", three.to_str().unwrap(), "--format", "html", "-q"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let link = |html: &[u8]| -> String {
        let html = String::from_utf8_lossy(html);
        let from = html.find("<div class=\"link\" data-left=\"bn-lavrov-marrakech\"").expect("the Marrakech link");
        let len = html[from..].find("</div></div>\n").expect("its end");
        html[from..from + len].to_owned()
    };
    assert!(link(&html) == link(&std::fs::read(three.join("index.html")).unwrap()), "the documents in reverse order");
    // An older, split report in the directory: its pages go, other files stay.
    std::fs::write(one.join("events-7.html"), "old").unwrap();
    std::fs::write(one.join("notes-1.html"), "mine").unwrap();
    let o = talign(&["report", seeds().to_str().unwrap(), "--out", one.to_str().unwrap(), "--format", "html", "-q"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut left: Vec<String> =
        std::fs::read_dir(&one).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    left.sort();
    assert_eq!(left, ["index.html", "notes-1.html"]);
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn saved_pages_load_with_the_date_and_language_of_their_head() {
    let d = tmp("html");
    std::fs::write(
        d.join("dhaka.html"),
        "<!doctype html><html lang=\"bn-BD\"><head><title>ঢাকায় ল্যাভরভ</title>\
         <meta property=\"article:published_time\" content=\"2023-09-08T11:20:00+06:00\"></head>\
         <body><nav>হোম | খেলা | বিনোদন</nav><article><h1>ঢাকায় ল্যাভরভ</h1>\
         <p>রুশ পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভ বৃহস্পতিবার ঢাকায় পৌঁছেছেন।</p></article>\
         <footer>স্বত্ব ২০২৬</footer></body></html>",
    )
    .unwrap();
    std::fs::write(
        d.join("moscow.htm"),
        "<html lang=\"fa\"><head><script type=\"application/ld+json\">{\"datePublished\": \"2024-07-09\"}</script></head>\
         <body><p>مودی در مسکو با پوتین دیدار کرد.</p></body></html>",
    )
    .unwrap();
    std::fs::write(d.join("plain.txt"), "Lavrov arrived in Dhaka on Thursday.").unwrap();
    // The manifest's date wins over the head's.
    std::fs::write(d.join("manifest.csv"), "id,published\nmoscow,2024-07-08\n").unwrap();
    let o = talign(&["corpus", "docs", d.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rs = rows(&stdout(&o));
    let row = |id: &str| rs.iter().find(|r| r[0] == id).unwrap_or_else(|| panic!("{id} in {rs:?}")).clone();
    assert_eq!((row("dhaka")[1].as_str(), row("dhaka")[2].as_str()), ("bn", "2023-09-08"));
    assert_eq!(row("dhaka")[4], "ঢাকায় ল্যাভরভ");
    assert_eq!((row("moscow")[1].as_str(), row("moscow")[2].as_str()), ("fa", "2024-07-08"));
    assert_eq!(row("plain")[1], "en");
    // The page's menu and footer are not text.
    let o = talign(&["corpus", "sentences", d.to_str().unwrap()]);
    let out = stdout(&o);
    assert!(out.contains("ঢাকায় পৌঁছেছেন"), "{out}");
    assert!(!out.contains("বিনোদন") && !out.contains("স্বত্ব"), "{out}");

    // Two files for one id: refused, both named.
    std::fs::write(d.join("dhaka.txt"), "ল্যাভরভ").unwrap();
    let o = talign(&["corpus", "docs", d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("duplicate document id `dhaka`") && err.contains("dhaka.txt") && err.contains("dhaka.html"),
        "{err}"
    );
}

#[test]
fn names_normalize_romanization_iso_writes_the_standards_in_the_latin_column() {
    let d = tmp("iso");
    let list = d.join("names.txt");
    std::fs::write(&list, "বাংলাদেশ\nকলকাতা\nঢাকা\nমুক্তিযোদ্ধা\nمسعود پزشکیان\nسامح شکری\nمحمد\nSergei Lavrov\n").unwrap();
    let l = list.to_str().unwrap();
    let latin = |args: &[&str]| -> Vec<String> {
        let o = talign(args);
        assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
        rows(&stdout(&o)).into_iter().map(|r| r[3].clone()).collect()
    };
    let iso = ["bāṁlādēśa", "kalakātā", "ḍhākā", "muktiyōddhā", "msʿūd pzškyān", "sāmḥ škrī", "mḥmd", "Sergei Lavrov"];
    assert_eq!(latin(&["names", "normalize", "--romanization", "iso", l]), iso);
    // --explain reads the names another way: the same column.
    assert_eq!(latin(&["names", "normalize", "--romanization", "iso", "--explain", l]), iso);

    // The default is the letter rules, unchanged, and the same as asking for them.
    let default = talign(&["names", "normalize", l]);
    assert!(default.status.success());
    assert_eq!(default.stdout, talign(&["names", "normalize", "--romanization", "rules", l]).stdout);
    let rules: Vec<String> = rows(&stdout(&default)).into_iter().map(|r| r[3].clone()).collect();
    assert_eq!(rules[4], "Msud Pzshkyan");
    assert_eq!(rules[7], "Sergei Lavrov");
    // --vowels is --romanization readable.
    assert_eq!(
        talign(&["names", "normalize", "--vowels", l]).stdout,
        talign(&["names", "normalize", "--romanization", "readable", l]).stdout
    );
    assert_eq!(talign(&["names", "normalize", "--vowels", "--romanization", "readable", l]).status.code(), Some(0));

    // --vowels with another romanization is a usage error.
    for other in ["iso", "rules"] {
        let o = talign(&["names", "normalize", "--vowels", "--romanization", other, l]);
        assert_eq!(o.status.code(), Some(2), "{other}");
        assert!(String::from_utf8_lossy(&o.stderr).contains("--vowels"), "{other}");
        assert!(o.stdout.is_empty());
    }
    let o = talign(&["names", "normalize", "--romanization", "din", l]);
    assert_eq!(o.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&d);
}

/// `--lexicon`: a user's table of names is read as the curated one is, by `names` and by
/// the events pipeline alike; a table that cannot be read is an error naming file and line.
#[test]
fn a_lexicon_table_names_the_people_it_lists_everywhere() {
    let d = tmp("lexicon");
    let table = d.join("watchlist.csv");
    std::fs::write(
        &table,
        "id,canonical,kind,lang,variant,source\n\
         zorbek-tamarin,Zorbek Tamarin,person,en,Zorbek Tamarin,test: a made-up person\n\
         zorbek-tamarin,Zorbek Tamarin,person,bn,জোরবেক তামারিন,test\n\
         zorbek-tamarin,Zorbek Tamarin,person,fa,زوربک تامارین,test\n",
    )
    .unwrap();
    let table = table.to_str().unwrap();
    let (l, r) = (d.join("l.txt"), d.join("r.txt"));
    std::fs::write(&l, "জোরবেক তামারিন\n").unwrap();
    std::fs::write(&r, "زوربک تامارین\n").unwrap();
    let pair = |extra: &[&str]| {
        let mut args = vec!["names", "pair", l.to_str().unwrap(), r.to_str().unwrap(), "--explain"];
        args.extend_from_slice(extra);
        stdout(&talign(&args))
    };
    assert!(!pair(&[]).contains("lexicon:"), "{}", pair(&[]));
    let with = pair(&["--lexicon", table]);
    assert!(with.contains("lexicon: both name Zorbek Tamarin"), "{with}");
    assert!(with.contains(",1.0000,"), "{with}");

    let corpus = d.join("news.jsonl");
    std::fs::write(
        &corpus,
        "{\"id\":\"b\",\"lang\":\"bn\",\"text\":\"মস্কোয় জোরবেক তামারিন বক্তব্য দেন। পরে তামারিন ঢাকায় যান।\"}\n\
         {\"id\":\"f\",\"lang\":\"fa\",\"text\":\"زوربک تامارین در مسکو سخنرانی کرد.\"}\n",
    )
    .unwrap();
    let names = stdout(&talign(&["export", "names", corpus.to_str().unwrap(), "--explain", "--lexicon", table]));
    let row = rows(&names).into_iter().find(|r| r[0] == "Zorbek Tamarin").expect("the listed person is an entity");
    assert_eq!((row[1].as_str(), row[6].as_str()), ("person", "lexicon"), "{row:?}");
    assert!(row[2].contains("জোরবেক তামারিন") && row[3].contains("زوربک تامارین"), "{row:?}");
    assert_eq!(row[4], "b|f", "{row:?}");
    let without = stdout(&talign(&["export", "names", corpus.to_str().unwrap()]));
    assert!(!without.contains("Zorbek Tamarin"), "{without}");

    for (name, text, message) in [
        (
            "taken.csv",
            "id,canonical,kind,lang,variant,source\nx,X,place,bn,ইসরায়েল,test\n".as_bytes(),
            ":2: variant `ইসরায়েল` already names `israel`",
        ),
        ("header.csv", &b"id,canonical,kind,lang,variant\n"[..], ":1: expected header"),
        ("bytes.csv", b"id,canonical,kind,lang,variant,source\nx,X,person,bn,\xff\xfe,test\n", ":2: not UTF-8 text"),
        ("kind.csv", b"id,canonical,kind,lang,variant,source\nx,X,planet,en,X,test\n", ":2: unknown kind `planet`"),
    ] {
        let path = d.join(name);
        std::fs::write(&path, text).unwrap();
        let o =
            talign(&["names", "pair", l.to_str().unwrap(), r.to_str().unwrap(), "--lexicon", path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(&format!("{name}{message}")), "{name}: {err}");
        assert!(o.stdout.is_empty(), "{name}: nothing may be written on error");
    }
}

/// Chinese and Japanese: names and event words found inside runs written without spaces,
/// dates glued to 年, 月 and 日; a Chinese, a Japanese and a Bengali report of one meeting are one event,
/// and a Chinese report of another visit by one of its people a year earlier is not.
#[test]
fn chinese_and_japanese_reports_join_the_event_they_report() {
    let d = tmp("cjk");
    let corpus = d.join("news.jsonl");
    std::fs::write(&corpus, [
        r#"{"id":"zh-xi-lavrov","lang":"zh","text":"新华社北京2025年7月15日电 国家主席习近平15日在北京会见俄罗斯外长拉夫罗夫。习近平请拉夫罗夫转达对普京总统的问候。外交部长王毅参加会见。"}"#,
        r#"{"id":"ja-xi-lavrov","lang":"ja","text":"中国の習近平国家主席は2025年7月15日、北京でロシアのラブロフ外相と会談した。王毅外相も同席した。ラブロフ氏はプーチン大統領のあいさつを伝えた。"}"#,
        r#"{"id":"bn-xi-lavrov","lang":"bn","text":"বেইজিংয়ে ১৫ জুলাই ২০২৫ চীনের প্রেসিডেন্ট শি জিনপিং রুশ পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভের সঙ্গে সাক্ষাৎ করেছেন। চীনের পররাষ্ট্রমন্ত্রী ওয়াং ই বৈঠকে উপস্থিত ছিলেন।"}"#,
        r#"{"id":"zh-putin-pyongyang","lang":"zh","text":"新华社平壤2024年6月19日电 俄罗斯总统普京19日抵达平壤，朝鲜最高领导人金正恩到机场迎接。俄外长拉夫罗夫陪同访问。"}"#,
    ].join("\n")).unwrap();
    let corpus = corpus.to_str().unwrap();
    let facts = stdout(&talign(&["corpus", "facts", corpus]));
    for (doc, text, value) in [
        ("zh-xi-lavrov", "拉夫罗夫", "Sergey Lavrov"),
        ("zh-xi-lavrov", "2025年7月15日", "{\"day\":\"2025-07-15\"}"),
        ("ja-xi-lavrov", "ラブロフ", "Sergey Lavrov"),
        ("ja-xi-lavrov", "習近平", "Xi Jinping"),
        ("zh-putin-pyongyang", "平壤", "Pyongyang"),
        ("zh-xi-lavrov", "会见", "meeting"),
        ("ja-xi-lavrov", "会談", "meeting"),
    ] {
        assert!(
            rows(&facts).iter().any(|r| r[0] == doc && r[4] == text && r[5] == value),
            "{doc}: {text} → {value}\n{facts}"
        );
    }
    let events = rows(&stdout(&talign(&["events", "cluster", corpus])));
    let event = |doc: &str| events.iter().find(|r| r[1] == doc).map(|r| r[0].clone()).unwrap();
    assert_eq!(event("zh-xi-lavrov"), event("ja-xi-lavrov"));
    assert_eq!(event("zh-xi-lavrov"), event("bn-xi-lavrov"));
    assert_ne!(event("zh-xi-lavrov"), event("zh-putin-pyongyang"));
}

/// A web address written in a page's text is shown as furniture by `corpus facts` and gives
/// no names and no figures: a percent-encoded Persian path is not a run of Latin names.
#[test]
fn a_web_address_in_the_text_is_furniture_in_corpus_facts() {
    let d = tmp("urls");
    let corpus = d.join("news.jsonl");
    let url = "https://www.irna.ir/news/85531176/%D8%A7%DB%8C%D8%B1%D8%A7%D9%86";
    let before = "مسعود پزشکیان به عنوان رئیس جمهور انتخاب شد.\nمنبع: ";
    let text = format!("{before}{url}");
    std::fs::write(&corpus, format!(r#"{{"id":"fa-1","lang":"fa","text":{text:?}}}"#)).unwrap();
    let facts = stdout(&talign(&["corpus", "facts", corpus.to_str().unwrap()]));
    let rows = rows(&facts);
    assert!(rows.iter().any(|r| r[1] == "furniture" && r[4] == url && r[6] == "web address"), "{facts}");
    assert!(rows.iter().any(|r| r[1] == "name" && r[5] == "Masoud Pezeshkian"), "{facts}");
    // Nothing is read inside the address.
    assert!(
        rows.iter()
            .filter(|r| r[1] == "name" || r[1] == "number")
            .all(|r| r[2].parse::<usize>().unwrap() < before.len()),
        "{facts}"
    );
}
