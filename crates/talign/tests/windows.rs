//! `events cluster --window-days D --overlap-days O`: windowed clustering equals the
//! whole-corpus run when every event fits within the overlap and the windows' statistics do
//! not change their clusters (NTREX with generated dates, one window or pairs ten days
//! apart; the web sample), or when the windows are weighed with the whole corpus's
//! statistics (`--stats`, NTREX five days apart), keeps every translation pair otherwise,
//! runs give the same bytes, and bad settings, statistics files or a stream out of date
//! order are refused with a clear message. `events align --window-days` likewise: its
//! links are the whole run's when one window holds the corpus or the windows are weighed
//! with the whole corpus's statistics (NTREX five days apart), lie inside the windowed
//! events, and do not depend on the number of threads. `events pairs --window-days` gives
//! the whole run's table when one window holds the corpus, and, weighed with the whole
//! corpus's statistics, the whole run's rows for every pair some window holds, each once.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::str::FromStr;

fn talign(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_talign")).args(args).output().expect("talign runs")
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("talign-windows-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// NTREX dev with generated dates: each translation pair (documents `bn-X` and `fa-X`) on
/// one date, the pairs spread over 2024, the lines in date order (pairs interleaved as
/// `order` says, so that ids do not follow dates).
fn dated_ntrex(dir: &Path, days_apart: i64) -> PathBuf {
    let text = std::fs::read_to_string(root().join("corpora/ntrex-dev/articles.jsonl")).unwrap();
    let mut docs: Vec<serde_json::Value> =
        text.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect();
    let pair = |v: &serde_json::Value| v["id"].as_str().unwrap().split_once('-').unwrap().1.to_owned();
    let mut pairs: Vec<String> = docs.iter().map(pair).collect();
    pairs.sort();
    pairs.dedup();
    // A fixed shuffle of the pairs, so that the dates follow neither ids nor file order.
    pairs.sort_by_key(|p| {
        p.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
    });
    let jan1 = 19_723; // 2024-01-01, days since 1970-01-01
    let day_of = |p: &str| jan1 + days_apart * pairs.iter().position(|q| q == p).unwrap() as i64;
    docs.sort_by_key(|v| (day_of(&pair(v)), v["id"].as_str().unwrap().to_owned()));
    let mut out = String::new();
    for mut v in docs {
        let day = day_of(&pair(&v));
        v["published"] = date(day).into();
        out.push_str(&v.to_string());
        out.push('\n');
    }
    let path = dir.join("ntrex-dated.jsonl");
    std::fs::write(&path, out).unwrap();
    path
}

/// An ISO date from days since 1970-01-01.
fn date(days: i64) -> String {
    talign_corpus::Date::from_days_since_epoch(days).to_string()
}

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn windows_give_the_whole_corpus_clusters_on_ntrex_when_one_window_holds_it() {
    let dir = tmp("ntrex-one");
    // 63 pairs a day apart, 2024-01-01 to 2024-03-03: all inside the window of 400 days
    // from 2023-08-30 (windows are counted from 1970-01-01).
    let corpus = dated_ntrex(&dir, 1);
    let c = corpus.to_str().unwrap();
    let whole = stdout(&talign(&["events", "cluster", c]));
    assert_eq!(whole.lines().count(), 127);
    for o in ["0", "200"] {
        let windowed = talign(&["events", "cluster", c, "--window-days", "400", "--overlap-days", o]);
        assert_eq!(stdout(&windowed), whole, "--overlap-days {o}");
        // Off a terminal, standard error holds the closing summary alone (no line per
        // window), and nothing with --quiet.
        let err = String::from_utf8_lossy(&windowed.stderr);
        assert!(err.contains("(at most 126 documents in one)"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    let quiet = talign(&["events", "cluster", c, "--window-days", "7", "--quiet"]);
    assert_eq!(stdout(&quiet), stdout(&talign(&["events", "cluster", c, "--window-days", "7"])));
    assert_eq!(String::from_utf8_lossy(&quiet.stderr), "");
    // JSON too.
    let j = talign(&["events", "cluster", c, "--window-days", "400", "--format", "json"]);
    assert_eq!(stdout(&j), stdout(&talign(&["events", "cluster", c, "--format", "json"])));
}

#[test]
fn windows_give_the_whole_corpus_clusters_on_ntrex_when_pairs_are_ten_days_apart() {
    let dir = tmp("ntrex-ten");
    // 63 pairs, one every 10 days: 2024-01-01 to 2025-09-08. The whole run joins no two
    // pairs, so every event lies on one day, inside any overlap; windows of 6 to 30 days
    // hold 1 to 3 pairs, and the home-window merge gives the whole run's bytes.
    let corpus = dated_ntrex(&dir, 10);
    let c = corpus.to_str().unwrap();
    let whole = stdout(&talign(&["events", "cluster", c]));
    assert_eq!(whole.lines().count(), 127);
    assert_eq!(span(&whole), 0);
    for (d, o) in [("6", "2"), ("14", "7"), ("30", "15")] {
        let windowed = stdout(&talign(&["events", "cluster", c, "--window-days", d, "--overlap-days", o]));
        assert_eq!(windowed, whole, "--window-days {d} --overlap-days {o}");
    }
}

/// Documents `bn-X` and `fa-X` (a translation pair) in one event, per event table.
fn pairs_together(table: &str) -> Vec<String> {
    let mut event: std::collections::HashMap<String, String> = Default::default();
    for l in table.lines().skip(1) {
        let f: Vec<&str> = l.split(',').collect();
        event.insert(f[1].to_owned(), f[0].to_owned());
    }
    let mut out: Vec<String> = event
        .keys()
        .filter_map(|d| d.strip_prefix("bn-"))
        .filter(|x| event.get(&format!("fa-{x}")) == event.get(&format!("bn-{x}")))
        .map(str::to_owned)
        .collect();
    out.sort();
    out
}

#[test]
fn windows_keep_every_translation_pair_the_whole_corpus_run_keeps_on_ntrex_with_dates() {
    let dir = tmp("ntrex");
    // 63 pairs, one every 5 days: 2024-01-01 to 2024-11-07.
    let corpus = dated_ntrex(&dir, 5);
    let c = corpus.to_str().unwrap();
    let whole = stdout(&talign(&["events", "cluster", c]));
    assert_eq!(whole.lines().count(), 127);
    // Some pairs join the pair five days on (parts of one source article); none spans more.
    assert_eq!(span(&whole), 5);
    // Every translation pair is one event (where the two texts' dates are read apart,
    // neither reading holds).
    let kept = pairs_together(&whole);
    assert_eq!(kept.len(), 63, "{kept:?}");
    for (d, o) in [("6", "5"), ("30", "15"), ("120", "60")] {
        let windowed = stdout(&talign(&["events", "cluster", c, "--window-days", d, "--overlap-days", o]));
        // Every document once.
        assert_eq!(windowed.lines().count(), 127);
        // A window sees fewer documents than the corpus (here 2 to 50), so its statistics
        // (feature rarity, frequent words, confirmed names) differ and its clusters are not
        // exactly the whole run's (see README, Scale); every translation pair is kept.
        let together = pairs_together(&windowed);
        assert!(kept.iter().all(|k| together.contains(k)), "--window-days {d}: {kept:?} vs {together:?}");
        // The same bytes again (a window is a pure function of its documents).
        if d == "30" {
            let again = talign(&["events", "cluster", c, "--window-days", d, "--overlap-days", o]);
            assert_eq!(String::from_utf8(again.stdout).unwrap(), windowed);
        }
    }
}

#[test]
fn windows_weighed_with_the_corpus_statistics_give_the_whole_run_on_ntrex_five_days_apart() {
    let dir = tmp("ntrex-stats");
    // 63 pairs, one every 5 days; some pairs join the pair five days on, so events span
    // up to 5 days.
    let corpus = dated_ntrex(&dir, 5);
    let c = corpus.to_str().unwrap();
    let stats = dir.join("stats.json");
    let s = stats.to_str().unwrap();
    stdout(&talign(&["corpus", "stats", c, "-o", s, "-q"]));
    let whole = stdout(&talign(&["events", "cluster", c]));
    // The whole run weighed with its own statistics is the whole run.
    assert_eq!(stdout(&talign(&["events", "cluster", c, "--stats", s])), whole);
    // Windows of 120 days overlapping by 60 (2 to 50 pairs each) learn other statistics
    // from their documents than the whole corpus teaches, and group some pairs otherwise;
    // weighed with the whole corpus's (and keeping the candidates the whole run keeps),
    // windows whose overlap holds every event (5 days) and every document whose date kept
    // another out of an event give its events to the byte. (With an overlap of 5 days, a
    // window holds the Scotsman pairs of 3 and 8 August without the one of the 13th,
    // which the whole run joined to the 8th's first: the group's dates then kept the 3rd
    // out. The pairs of the 3rd and the 8th are each other's likely partners twice over,
    // and the window joins them.)
    let own = ["events", "cluster", c, "--window-days", "120", "--overlap-days", "60"];
    assert_ne!(stdout(&talign(&own)), whole);
    for (d, o) in [("11", "10"), ("30", "15"), ("120", "60")] {
        let weighed = talign(&["events", "cluster", c, "--window-days", d, "--overlap-days", o, "--stats", s]);
        assert_eq!(stdout(&weighed), whole, "--window-days {d} --overlap-days {o}");
    }
    // A file is made with one tuning: with --all-pairs a whole run scores every pair, and
    // its base rate is another; the file made with --all-pairs gives that run again, the
    // default one does not.
    let all_pairs = stdout(&talign(&["events", "cluster", c, "--all-pairs"]));
    let tuned = dir.join("all-pairs.json");
    let t = tuned.to_str().unwrap();
    stdout(&talign(&["corpus", "stats", c, "--all-pairs", "-o", t, "-q"]));
    assert_eq!(stdout(&talign(&["events", "cluster", c, "--all-pairs", "--stats", t])), all_pairs);
    assert_ne!(stdout(&talign(&["events", "cluster", c, "--all-pairs", "--stats", s])), all_pairs);
    // The statistics of the same documents in another order are the same bytes.
    let text = std::fs::read_to_string(&corpus).unwrap();
    let reversed = dir.join("reversed.jsonl");
    std::fs::write(&reversed, text.lines().rev().map(|l| format!("{l}\n")).collect::<String>()).unwrap();
    let again = stdout(&talign(&["corpus", "stats", reversed.to_str().unwrap()]));
    assert_eq!(again, std::fs::read_to_string(&stats).unwrap());
}

#[test]
fn a_statistics_file_that_cannot_be_used_is_refused_with_its_name() {
    let dir = tmp("bad-stats");
    let corpus = root().join("corpora/seeds");
    let c = corpus.to_str().unwrap();
    let bad = |name: &str, text: &str, args: &[&str], expect: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let p = path.to_str().unwrap();
        let mut all: Vec<&str> = args.to_vec();
        all.extend([c, "--stats", p]);
        let out = talign(&all);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expect), "{name}: {err}");
        assert!(out.stdout.is_empty(), "{name}");
    };
    bad("empty.json", "", &["events", "cluster"], "empty.json:1:0: not a statistics file");
    bad("csv.json", "{\n  \"format\": 3\n}", &["events", "cluster"], "csv.json:2:");
    let mut other = String::from_utf8(talign(&["corpus", "stats", c]).stdout).unwrap();
    other = other.replacen("talign corpus stats 1", "talign corpus stats 0", 1);
    bad("old.json", &other, &["events", "cluster"], "written as `talign corpus stats 0`");
    bad("old.json", &other, &["events", "pairs"], "written as `talign corpus stats 0`");
    bad("old.json", &other, &["export", "names"], "written as `talign corpus stats 0`");
}

/// The most days between the publication dates of two documents of one event.
fn span(table: &str) -> i64 {
    let mut by: std::collections::HashMap<&str, (String, String)> = Default::default();
    for l in table.lines().skip(1) {
        let f: Vec<&str> = l.split(',').collect();
        let e = by.entry(f[0]).or_insert((f[3].to_owned(), f[3].to_owned()));
        e.0 = e.0.clone().min(f[3].to_owned());
        e.1 = e.1.clone().max(f[3].to_owned());
    }
    let day = |s: &str| talign_corpus::Date::from_str(s).unwrap().days_since_epoch();
    by.values().map(|(lo, hi)| day(hi) - day(lo)).max().unwrap_or(0)
}

#[test]
fn windows_give_the_whole_corpus_clusters_on_the_web_sample() {
    // Seven pages over five days: a wire story, its reprint, a Bengali report, a preview
    // five days before, and an unrelated page.
    let sample = root().join("tests/fixtures/web-sample");
    let s = sample.to_str().unwrap();
    // The web sample's manifest is not in date order; a copy in date order is the stream.
    let dir = tmp("web");
    let manifest = std::fs::read_to_string(sample.join("manifest.csv")).unwrap();
    let mut lines: Vec<&str> = manifest.lines().collect();
    let header = lines.remove(0);
    lines.sort_by_key(|l| l.split(',').nth(3).unwrap_or_default().to_owned());
    std::fs::write(dir.join("manifest.csv"), format!("{header}\n{}\n", lines.join("\n"))).unwrap();
    for e in std::fs::read_dir(&sample).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
        }
    }
    let d = dir.to_str().unwrap();
    let whole = stdout(&talign(&["events", "cluster", d]));
    // The same clusters as the sample in its own order (ids may be numbered differently).
    let groups = |t: &str| {
        let mut by: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        for l in t.lines().skip(1) {
            let f: Vec<&str> = l.split(',').collect();
            by.entry(f[0].to_owned()).or_default().push(f[1].to_owned());
        }
        let mut g: Vec<Vec<String>> = by.into_values().collect();
        for x in &mut g {
            x.sort();
        }
        g.sort();
        g
    };
    assert_eq!(groups(&whole), groups(&stdout(&talign(&["events", "cluster", s]))));
    // The preview is five days before the reports: a 6-day overlap holds the event whole.
    let windowed = stdout(&talign(&["events", "cluster", d, "--window-days", "14", "--overlap-days", "7"]));
    assert_eq!(windowed, whole);
}

#[test]
fn a_window_run_twice_gives_the_same_bytes() {
    use talign_events::window::{WindowSpec, cluster_window, document_date, plan_windows};
    let dir = tmp("retry");
    let corpus = talign_corpus::Corpus::load(&[dated_ntrex(&dir, 1)]).unwrap();
    let dates: Vec<_> = corpus.docs().iter().map(document_date).collect();
    let plan = plan_windows(&dates, WindowSpec::new(20, 5).unwrap()).unwrap();
    assert!(plan.len() >= 3, "{plan:?}");
    let w = &plan[1];
    let docs: Vec<talign_corpus::Document> = w.docs.iter().map(|&p| corpus.docs()[p].clone()).collect();
    let bytes = |r: &talign_events::window::WindowClusters| format!("{:?} {:?}", r.clusters, r.published).into_bytes();
    let first = cluster_window(&docs, &Default::default()).unwrap();
    let second = cluster_window(&docs, &Default::default()).unwrap();
    assert_eq!(bytes(&first), bytes(&second));
    // Every document of the window in exactly one cluster.
    let mut all: Vec<usize> = first.clusters.iter().flatten().copied().collect();
    all.sort_unstable();
    assert_eq!(all, (0..docs.len()).collect::<Vec<_>>());
    // On one thread and on two: the same bytes.
    let on = |n: usize| {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(n).build().unwrap();
        pool.install(|| cluster_window(&docs, &Default::default()).unwrap())
    };
    assert_eq!(bytes(&on(1)), bytes(&first));
    assert_eq!(bytes(&on(2)), bytes(&first));
}

#[test]
fn bad_window_settings_and_streams_out_of_date_order_are_refused() {
    let seeds = root().join("corpora/seeds");
    let s = seeds.to_str().unwrap();
    for (args, want) in [
        (vec!["--window-days", "0"], "--window-days must be 1 or more (got 0)"),
        (vec!["--window-days", "-3"], "--window-days must be 1 or more (got -3)"),
        (vec!["--window-days", "7", "--overlap-days", "7"], "less than --window-days (7; got 7)"),
        (vec!["--window-days", "7", "--overlap-days", "-1"], "0 or more and less than --window-days"),
    ] {
        let mut a = vec!["events", "cluster", s];
        a.extend(args);
        let o = talign(&a);
        assert_eq!(o.status.code(), Some(2), "{a:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(want), "{a:?}: {err}");
    }
    // --overlap-days alone is refused by the parser.
    assert_eq!(talign(&["events", "cluster", s, "--overlap-days", "2"]).status.code(), Some(2));
    // Every command that reads a corpus checks the setting, export names as well.
    let o = talign(&["export", "names", s, "--window-days", "7", "--overlap-days", "8"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("less than --window-days (7; got 8)"));
    // What export sentences aligns instead of the links needs the whole corpus.
    for flag in ["--within-events", "--timing"] {
        let o = talign(&["export", "sentences", s, "--window-days", "7", flag]);
        assert_eq!(o.status.code(), Some(2), "{flag}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(&format!("{flag} cannot be given with --window-days or --stats")), "{flag}: {err}");
    }
    // Bad settings are refused by events align as by events cluster.
    let o = talign(&["events", "align", s, "--window-days", "7", "--overlap-days", "9"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("less than --window-days (7; got 9)"));
    // A document dated before every window still open: an error naming file and line, and
    // nothing written to -o.
    let dir = tmp("order");
    let j = dir.join("late.jsonl");
    std::fs::write(
        &j,
        concat!(
            "{\"id\":\"a\",\"text\":\"Lavrov arrived in Marrakech.\",\"published\":\"2024-05-01\"}\n",
            "{\"id\":\"b\",\"text\":\"Rain over Dhaka.\",\"published\":\"2024-05-20\"}\n",
            "{\"id\":\"c\",\"text\":\"Bourita met Lavrov.\",\"published\":\"2024-05-02\"}\n",
        ),
    )
    .unwrap();
    let out = dir.join("out.csv");
    for cmd in ["cluster", "align"] {
        let o = talign(&["events", cmd, j.to_str().unwrap(), "--window-days", "7", "-o", out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{cmd}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("late.jsonl:3: document `c` is dated 2024-05-02") && err.contains("date order"), "{err}");
        assert!(!out.exists(), "{cmd}");
    }
}

/// The rows of a links table after its header, as (left, right).
fn link_pairs(table: &str) -> Vec<(String, String)> {
    table
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.splitn(3, ',').collect();
            (f[0].to_owned(), f[1].to_owned())
        })
        .collect()
}

#[test]
fn windowed_links_are_the_whole_runs_on_ntrex_when_one_window_holds_it() {
    let dir = tmp("align-one");
    // 63 pairs a day apart: one window of 400 days holds them all.
    let corpus = dated_ntrex(&dir, 1);
    let c = corpus.to_str().unwrap();
    let whole = stdout(&talign(&["events", "align", c]));
    assert_eq!(link_pairs(&whole).len(), 63);
    for o in ["0", "200"] {
        let windowed = talign(&["events", "align", c, "--window-days", "400", "--overlap-days", o]);
        assert_eq!(stdout(&windowed), whole, "--overlap-days {o}");
        let err = String::from_utf8_lossy(&windowed.stderr);
        assert!(err.contains("(at most 126 documents in one)") && err.ends_with("events, 63 links\n"), "{err}");
    }
    let j = talign(&["events", "align", c, "--window-days", "400", "--format", "json"]);
    assert_eq!(stdout(&j), stdout(&talign(&["events", "align", c, "--format", "json"])));
}

#[test]
fn windowed_links_weighed_with_the_corpus_statistics_give_the_whole_run_on_ntrex_five_days_apart() {
    let dir = tmp("align-stats");
    // 63 pairs, one every 5 days; some pairs join the pair five days on (events span up to
    // 5 days), so an overlap of 5 days holds every event.
    let corpus = dated_ntrex(&dir, 5);
    let c = corpus.to_str().unwrap();
    let stats = dir.join("stats.json");
    let s = stats.to_str().unwrap();
    stdout(&talign(&["corpus", "stats", c, "-o", s, "-q"]));
    let whole = stdout(&talign(&["events", "align", c]));
    assert_eq!(link_pairs(&whole).len(), 63);
    // The whole run weighed with its own statistics is the whole run.
    assert_eq!(stdout(&talign(&["events", "align", c, "--stats", s])), whole);
    // Windows learning from their own documents score and name links otherwise.
    assert_ne!(stdout(&talign(&["events", "align", c, "--window-days", "120", "--overlap-days", "60"])), whole);
    // Weighed with the whole corpus's statistics, windows whose overlap holds every event
    // give its links to the byte: each pair decided once (by the window holding the
    // midpoint of its dates), scores, evidence and names as the whole run's.
    for (d, o) in [("6", "5"), ("30", "15"), ("120", "60")] {
        let weighed = talign(&["events", "align", c, "--window-days", d, "--overlap-days", o, "--stats", s]);
        assert_eq!(stdout(&weighed), whole, "--window-days {d} --overlap-days {o}");
    }
    let json = ["events", "align", c, "--window-days", "30", "--overlap-days", "15", "--stats", s, "--format", "json"];
    assert_eq!(stdout(&talign(&json)), stdout(&talign(&["events", "align", c, "--format", "json"])));
}

#[test]
fn windowed_links_lie_inside_the_windowed_events_and_do_not_depend_on_threads() {
    let dir = tmp("align-events");
    let corpus = dated_ntrex(&dir, 5);
    let c = corpus.to_str().unwrap();
    let on = |threads: &str, cmd: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_talign"))
            .args(["events", cmd, c, "--window-days", "30", "--overlap-days", "15"])
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        stdout(&o)
    };
    let links = on("1", "align");
    assert_eq!(on("2", "align"), links);
    // Without the corpus's statistics the windows' events are not the whole run's, but
    // every link joins two documents of one windowed event, each pair at most once, in
    // the whole run's order (by left document, then right, in corpus order).
    let mut event: std::collections::HashMap<String, String> = Default::default();
    for l in on("2", "cluster").lines().skip(1) {
        let f: Vec<&str> = l.split(',').collect();
        event.insert(f[1].to_owned(), f[0].to_owned());
    }
    let pairs = link_pairs(&links);
    assert!(pairs.len() >= 50, "{}", pairs.len());
    for (a, b) in &pairs {
        assert_eq!(event[a], event[b], "{a} {b}");
    }
    let text = std::fs::read_to_string(&corpus).unwrap();
    let ids: Vec<String> = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_owned())
        .collect();
    let at = |id: &str| ids.iter().position(|x| x == id).unwrap();
    let order: Vec<(usize, usize)> = pairs.iter().map(|(a, b)| (at(a), at(b))).collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert!(order.iter().all(|(a, b)| a < b));
}

#[test]
fn windowed_passages_are_the_whole_runs_when_one_window_holds_ntrex() {
    let dir = tmp("sentences-one");
    let corpus = dated_ntrex(&dir, 1);
    let c = corpus.to_str().unwrap();
    for explain in [false, true] {
        let mut whole = vec!["export", "sentences", c];
        let mut windowed = vec!["export", "sentences", c, "--window-days", "400", "--overlap-days", "200"];
        if explain {
            whole.push("--explain");
            windowed.push("--explain");
        }
        let whole = stdout(&talign(&whole));
        assert!(whole.lines().count() > 500, "{}", whole.lines().count());
        let o = talign(&windowed);
        assert_eq!(stdout(&o), whole, "--explain {explain}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("63 links") && err.contains("(at most 126 documents in one)"), "{err}");
    }
}

#[test]
fn windowed_passages_follow_the_windowed_links_and_events_and_not_the_threads() {
    let dir = tmp("sentences-windows");
    let corpus = dated_ntrex(&dir, 5);
    let c = corpus.to_str().unwrap();
    let run = |threads: &str, cmd: [&str; 2]| {
        let o = Command::new(env!("CARGO_BIN_EXE_talign"))
            .args([cmd[0], cmd[1], c, "--window-days", "30", "--overlap-days", "15", "-q"])
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        stdout(&o)
    };
    let sentences = run("1", ["export", "sentences"]);
    assert_eq!(run("2", ["export", "sentences"]), sentences);
    // Each link's passages come together, in the order of the windowed links, under the
    // windowed event of its documents (each window aligns the pairs it decides, with what
    // its documents teach: fewer passages than the whole run's table finds, but some for
    // most links).
    let links = link_pairs(&run("2", ["events", "align"]));
    let mut event: std::collections::HashMap<String, String> = Default::default();
    for l in run("2", ["events", "cluster"]).lines().skip(1) {
        let f: Vec<&str> = l.split(',').collect();
        event.insert(f[1].to_owned(), f[0].to_owned());
    }
    let mut rdr = csv::Reader::from_reader(sentences.as_bytes());
    let mut seen: Vec<(String, String)> = Vec::new();
    for r in rdr.records() {
        let r = r.unwrap();
        let pair = (r[1].to_owned(), r[2].to_owned());
        assert_eq!(r[0], event[&pair.0], "{pair:?}");
        if seen.last() != Some(&pair) {
            assert!(!seen.contains(&pair), "{pair:?} comes twice");
            seen.push(pair);
        }
    }
    let order: Vec<&(String, String)> = links.iter().filter(|l| seen.contains(l)).collect();
    assert_eq!(order, seen.iter().collect::<Vec<_>>());
    assert!(seen.len() * 4 >= links.len() * 3, "{} of {} links have passages", seen.len(), links.len());
}

#[test]
fn windowed_pairs_are_the_whole_runs_when_one_window_holds_ntrex() {
    let dir = tmp("pairs-one");
    let corpus = dated_ntrex(&dir, 1);
    let c = corpus.to_str().unwrap();
    for extra in [&[][..], &["--inputs"][..], &["--format", "json"][..]] {
        let mut whole_args = vec!["events", "pairs", c];
        whole_args.extend(extra);
        let whole = stdout(&talign(&whole_args));
        for o in ["0", "200"] {
            let mut args = whole_args.clone();
            args.extend(["--window-days", "400", "--overlap-days", o]);
            let windowed = talign(&args);
            assert_eq!(stdout(&windowed), whole, "{extra:?} --overlap-days {o}");
        }
    }
    let whole = stdout(&talign(&["events", "pairs", c]));
    // The same bytes on one thread and on two.
    let first = stdout(&talign(&["events", "pairs", c, "--window-days", "30", "--overlap-days", "15"]));
    for threads in ["1", "2"] {
        let o = Command::new(env!("CARGO_BIN_EXE_talign"))
            .args(["events", "pairs", c, "--window-days", "30", "--overlap-days", "15"])
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        assert_eq!(stdout(&o), first, "{threads} threads");
    }
    // Far more pairs are scored than linked (63 links).
    assert!(link_pairs(&whole).len() > 1000, "{}", link_pairs(&whole).len());
    let err = String::from_utf8_lossy(&talign(&["events", "pairs", c, "--window-days", "400"]).stderr).into_owned();
    assert!(err.ends_with("scored pairs\n") && err.contains("(at most 126 documents in one)"), "{err}");
}

#[test]
fn windowed_pairs_weighed_with_the_corpus_statistics_are_the_whole_runs_rows_for_the_pairs_windows_hold() {
    let dir = tmp("pairs-stats");
    // 63 pairs, one every 5 days (as for the links above).
    let corpus = dated_ntrex(&dir, 5);
    let c = corpus.to_str().unwrap();
    let stats = dir.join("stats.json");
    let s = stats.to_str().unwrap();
    stdout(&talign(&["corpus", "stats", c, "-o", s, "-q"]));
    let whole = stdout(&talign(&["events", "pairs", c]));
    // The whole run weighed with its own statistics is the whole run.
    assert_eq!(stdout(&talign(&["events", "pairs", c, "--stats", s])), whole);
    let rows: Vec<&str> = whole.lines().skip(1).collect();
    let keys = link_pairs(&whole);
    // Each document's date, to tell which pairs some window holds.
    let text = std::fs::read_to_string(&corpus).unwrap();
    let day: std::collections::HashMap<String, i64> = text
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let d = talign_corpus::Date::from_str(v["published"].as_str().unwrap()).unwrap();
            (v["id"].as_str().unwrap().to_owned(), d.days_since_epoch())
        })
        .collect();
    // Overlaps that hold every event and the dates that kept documents out of one (see
    // above: 5 days are not enough since two likely partners may join groups).
    for (d, o) in [("11", "10"), ("30", "15"), ("120", "60")] {
        let windowed = stdout(&talign(&["events", "pairs", c, "--window-days", d, "--overlap-days", o, "--stats", s]));
        assert_eq!(windowed.lines().next(), whole.lines().next());
        // The whole run's rows, byte for byte and in its order, for the pairs the windows
        // scored: each pair once, its scores, evidence, event and link as the whole run's.
        let got: std::collections::HashSet<&str> = windowed.lines().skip(1).collect();
        let kept: Vec<&str> = rows.iter().copied().filter(|r| got.contains(r)).collect();
        assert_eq!(kept, windowed.lines().skip(1).collect::<Vec<_>>(), "--window-days {d} --overlap-days {o}");
        // Every pair at most O days apart is in some window, and every pair of one event.
        let overlap: i64 = o.parse().unwrap();
        for (row, (a, b)) in rows.iter().zip(&keys) {
            if (day[a] - day[b]).abs() <= overlap || row.contains(",same,") {
                assert!(got.contains(row), "--window-days {d} --overlap-days {o}: {row}");
            }
        }
        // Pairs further apart than any window are not scored.
        assert!(got.len() < rows.len(), "{d}/{o}");
    }
}

#[test]
fn windowed_names_are_the_whole_runs_when_one_window_holds_the_corpus() {
    let dir = tmp("names-one");
    let corpus = dated_ntrex(&dir, 1);
    let seeds = root().join("corpora/seeds");
    for c in [corpus.to_str().unwrap(), seeds.to_str().unwrap()] {
        for extra in [&[][..], &["--explain"][..], &["--format", "json"][..]] {
            let mut whole_args = vec!["export", "names", c];
            whole_args.extend(extra);
            let whole = stdout(&talign(&whole_args));
            assert!(whole.lines().count() > 10, "{c} {extra:?}: {whole}");
            let mut args = whole_args.clone();
            args.extend(["--window-days", "100000"]);
            let windowed = talign(&args);
            assert_eq!(stdout(&windowed), whole, "{c} {extra:?}");
            let err = String::from_utf8_lossy(&windowed.stderr).into_owned();
            assert!(err.contains(" in 1 window of 100000 days") && err.ends_with(" names\n"), "{err}");
        }
    }
}

#[test]
fn windowed_names_weighed_with_the_corpus_statistics_are_the_whole_runs_on_ntrex_five_days_apart() {
    let dir = tmp("names-stats");
    let corpus = dated_ntrex(&dir, 5);
    let c = corpus.to_str().unwrap();
    let stats = dir.join("stats.json");
    let s = stats.to_str().unwrap();
    stdout(&talign(&["corpus", "stats", c, "-o", s, "-q"]));
    let whole = stdout(&talign(&["export", "names", c, "--explain"]));
    // The whole run weighed with its own statistics is the whole run.
    assert_eq!(stdout(&talign(&["export", "names", c, "--explain", "--stats", s])), whole);
    for (d, o) in [("6", "5"), ("30", "15"), ("120", "60")] {
        let args = ["export", "names", c, "--explain", "--window-days", d, "--overlap-days", o];
        // Each document's names are read in its home window, with the corpus's frequent
        // words, then resolved over the whole stream: the whole run's table.
        let mut weighed = args.to_vec();
        weighed.extend(["--stats", s]);
        assert_eq!(stdout(&talign(&weighed)), whole, "--window-days {d} --overlap-days {o}");
        // Without them, each window finds its own frequent words (as few as 2 documents in
        // a window of 6 days), and some counts and names differ; every row is still there
        // once per entity, and the same bytes come on one thread and on two.
        let own = stdout(&talign(&args));
        assert_ne!(own, whole, "--window-days {d}");
        for threads in ["1", "2"] {
            let o = Command::new(env!("CARGO_BIN_EXE_talign"))
                .args(args)
                .env("RAYON_NUM_THREADS", threads)
                .output()
                .unwrap();
            assert_eq!(stdout(&o), own, "{threads} threads");
        }
    }
}
