//! A day's coverage: the different stories of one day are not one event. Agreeing in
//! time, and naming the same "yesterday", is what every pair of such a corpus does; the
//! same-event model weighs it by how unlikely it is by chance in the corpus at hand.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `events cluster` on a JSONL corpus: the documents of each event.
fn events(corpus: &Path) -> Vec<Vec<String>> {
    let o = Command::new(env!("CARGO_BIN_EXE_talign"))
        .args(["events", "cluster", "--quiet", corpus.to_str().unwrap()])
        .output()
        .expect("talign runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut by: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for l in String::from_utf8(o.stdout).unwrap().lines().skip(1) {
        let f: Vec<&str> = l.split(',').collect();
        by.entry(f[0].to_owned()).or_default().push(f[1].to_owned());
    }
    by.into_values().collect()
}

#[test]
fn the_stories_of_one_day_are_not_one_event() {
    // NTREX dev: 63 news stories (sport, hurricanes, a tsunami, hearings in Washington…),
    // each in Bengali and Persian, as they come and all published on one day.
    let ntrex = root().join("corpora/ntrex-dev/articles.jsonl");
    let text = std::fs::read_to_string(&ntrex).unwrap();
    let mut dated = String::new();
    for l in text.lines().filter(|l| !l.trim().is_empty()) {
        let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
        v["published"] = "2024-03-01".into();
        dated.push_str(&v.to_string());
        dated.push('\n');
    }
    let dir = std::env::temp_dir().join(format!("talign-one-day-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let one_day = dir.join("one-day.jsonl");
    std::fs::write(&one_day, dated).unwrap();
    let undated = events(&ntrex);
    let same_day = events(&one_day);
    let largest = |e: &[Vec<String>]| e.iter().map(Vec::len).max().unwrap_or(0);
    // Without the weighing, time and the shared "Sunday" grouped them into 12 events, one
    // of 30 documents (a golf tournament, a hurricane, Catalan independence…); undated
    // they are 53 events of at most 10 documents. Dated one day they are 49: the two
    // hurricane stories (one event), and three stories of that week's American politics
    // (Rosenstein, Warren, Kavanaugh) that share people and the week's days and sit on the
    // edge of the rule that two pairs across two groups must reach 0.4 to merge them
    // (0.396 and 0.49 before the hurricane stories' figures in inches and millimetres
    // matched and raised the corpus's estimated share of same-event pairs, 0.405 and 0.499
    // since: 50 events, then 49). Undated, two of those stories (CNN's) had been one group
    // with the third (Newsweek's) through a name chain; since the forty-fourth session's
    // anchored entities they are apart undated too (54 events), and dated still 49.
    assert!(same_day.len() + 5 >= undated.len(), "{} events against {} undated", same_day.len(), undated.len());
    assert!(largest(&same_day) <= largest(&undated), "{same_day:?}");
    // Undated too, the stories stay apart: NTREX's share of same-event pairs is far below
    // the web pages the model was fitted on, and its probabilities follow. The one event
    // larger than 8 documents is one happening: five stories of the Palu earthquake and
    // tsunami of 28 September 2018, told as the toll rose from 384 to over 800, each in
    // both languages (54 events; 57 before two likely partners could join groups, the Palu
    // stories in five of them).
    assert!(undated.len() >= 53, "{undated:?}");
    let palu = ["reuters.218863", "reuters.218865", "nytimes.184860", "telegraph.405422", "euronews-en.153797"];
    for e in undated.iter().filter(|e| e.len() > 8) {
        let stories: std::collections::BTreeSet<&str> = e.iter().map(|d| &d[3..]).collect();
        assert!(stories.iter().all(|s| palu.contains(s)), "{e:?}");
    }
    assert!(largest(&undated) <= 10, "{undated:?}");
    // And every translation pair is one event: where the two texts' dates are read apart
    // ("Sunday" as last Sunday in one language, next Sunday in the other), neither reading
    // holds (4 pairs were split).
    let event_of: std::collections::HashMap<&str, usize> =
        same_day.iter().enumerate().flat_map(|(e, docs)| docs.iter().map(move |d| (d.as_str(), e))).collect();
    let split: Vec<&str> = event_of
        .keys()
        .filter_map(|d| d.strip_prefix("bn-"))
        .filter(|x| event_of.get(format!("fa-{x}").as_str()) != event_of.get(format!("bn-{x}").as_str()))
        .collect();
    assert!(split.is_empty(), "{split:?}");
    let _ = std::fs::remove_dir_all(&dir);
}
