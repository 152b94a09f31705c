//! The HTML report in a real browser: headless Chromium renders `talign report --format
//! html` on the seeds and on a hostile corpus, and the checks read the DOM it dumps after
//! the page's scripts ran. Screenshots of the seed report (the overview and the Marrakech
//! event) are left in `target/tmp/browser/` for a person to look at.
//!
//! Chromium is Debian's `chromium` (installed by `.ci/run`; `TALIGN_CHROMIUM` names
//! another binary). Without it the tests say why and pass, unless `CI=true`, where a
//! missing browser fails them.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The browser, or `None` (with the reason printed) when it is missing outside CI.
fn chromium() -> Option<PathBuf> {
    let named = std::env::var_os("TALIGN_CHROMIUM").map(PathBuf::from);
    let found = named.or_else(|| {
        let path = std::env::var_os("PATH")?;
        std::env::split_paths(&path)
            .flat_map(|d| ["chromium", "chromium-browser", "google-chrome"].map(|n| d.join(n)))
            .find(|p| p.is_file())
    });
    match found {
        Some(p) => Some(p),
        None if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CI=true and no chromium on PATH (.ci/run installs Debian's chromium)")
        }
        None => {
            eprintln!(
                "skipped: no chromium on PATH (apt-get install chromium fonts-noto-core, or set TALIGN_CHROMIUM)"
            );
            None
        }
    }
}

/// Where the test leaves its reports and screenshots.
fn out_dir(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser").join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(d.parent().unwrap()).unwrap();
    d
}

fn report(corpus: &Path, out: &Path) {
    let o = Command::new(env!("CARGO_BIN_EXE_talign"))
        .args(["report", corpus.to_str().unwrap(), "--out", out.to_str().unwrap(), "--format", "html", "--quiet"])
        .output()
        .expect("talign runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// Headless Chromium with these arguments on `url`: its standard output, and the page's
/// console messages (Chromium logs them on standard error as `INFO:CONSOLE`).
fn browse(browser: &Path, args: &[&str], url: &str) -> (String, Vec<String>) {
    // One profile per run of Chromium: the tests run in parallel threads of one process,
    // and two browsers on one profile fail on its lock ("SingletonLock: File exists").
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let profile =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser").join(format!("profile-{}-{run}", std::process::id()));
    let o = Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--enable-logging=stderr", "--v=0"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url)
        .output()
        .expect("chromium runs");
    let _ = std::fs::remove_dir_all(&profile);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "chromium failed: {err}");
    let console = err.lines().filter(|l| l.contains(":CONSOLE")).map(str::to_owned).collect();
    (String::from_utf8_lossy(&o.stdout).into_owned(), console)
}

fn url(path: &Path, fragment: &str) -> String {
    format!("file://{}{fragment}", path.canonicalize().unwrap().display())
}

/// The DOM after the page's scripts ran, as Chromium serializes it.
fn dump_dom(browser: &Path, page: &Path) -> String {
    let (dom, console) = browse(browser, &["--dump-dom"], &url(page, ""));
    assert!(console.is_empty(), "console messages: {console:#?}");
    assert!(dom.contains("<html"), "{dom}");
    dom
}

fn attr(tag: &tl::HTMLTag<'_>, name: &str) -> Option<String> {
    tag.attributes().get(name).flatten().map(|v| v.as_utf8_str().into_owned())
}

fn classes(tag: &tl::HTMLTag<'_>) -> Vec<String> {
    attr(tag, "class").unwrap_or_default().split_whitespace().map(str::to_owned).collect()
}

/// The elements of `dom` with this tag name, as (tag, its HTML).
fn tags<'a>(dom: &'a tl::VDom<'a>, name: &str) -> Vec<&'a tl::HTMLTag<'a>> {
    dom.nodes()
        .iter()
        .filter_map(|n| n.as_tag())
        .filter(|t| t.name().as_utf8_str().eq_ignore_ascii_case(name))
        .collect()
}

/// The direct element children of `tag`.
fn children<'a>(dom: &'a tl::VDom<'a>, tag: &'a tl::HTMLTag<'a>) -> Vec<&'a tl::HTMLTag<'a>> {
    tag.children().top().iter().filter_map(|h| h.get(dom.parser())).filter_map(|n| n.as_tag()).collect()
}

fn text(dom: &tl::VDom<'_>, tag: &tl::HTMLTag<'_>) -> String {
    tag.inner_text(dom.parser()).into_owned()
}

#[test]
fn the_seed_report_shows_the_marrakech_event_side_by_side_in_a_browser() {
    let Some(browser) = chromium() else { return };
    let out = out_dir("seed");
    report(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpora/seeds"), &out);
    let index = out.join("index.html");
    let html = dump_dom(&browser, &index);
    let dom = tl::parse(&html, tl::ParserOptions::default()).expect("the DOM parses");
    let root = tags(&dom, "html")[0];
    assert_eq!(attr(root, "data-js").as_deref(), Some("ready"), "the page's own script ran");

    // The Marrakech event: the Bengali seed 000 and the Persian seed 003 in one two-column view.
    let link = tags(&dom, "div")
        .into_iter()
        .find(|t| {
            classes(t).iter().any(|c| c == "link")
                && attr(t, "data-left").as_deref() == Some("bn-lavrov-marrakech")
                && attr(t, "data-right").as_deref() == Some("fa-lavrov-shoukry-gaza")
        })
        .expect("a link view of bn-lavrov-marrakech (left) and fa-lavrov-shoukry-gaza (right)");
    let cols =
        children(&dom, link).into_iter().find(|t| classes(t).iter().any(|c| c == "cols")).expect("the link's columns");
    assert_eq!(
        attr(cols, "data-layout").as_deref(),
        Some("side-by-side"),
        "the browser laid the two documents out side by side"
    );
    let cells = children(&dom, cols);
    assert!(cells.len() >= 4 && cells.len().is_multiple_of(2), "{} cells", cells.len());
    for (i, c) in cells.iter().enumerate() {
        let (lang, dir) = (attr(c, "lang"), attr(c, "dir"));
        if i % 2 == 0 {
            assert_eq!((lang.as_deref(), dir.as_deref()), (Some("bn"), Some("ltr")), "left cell {i}");
        } else {
            assert_eq!(
                (lang.as_deref(), dir.as_deref()),
                (Some("fa"), Some("rtl")),
                "right cell {i}: Persian runs right to left"
            );
        }
    }
    assert!(
        text(&dom, cells[0]).contains("bn-lavrov-marrakech") && text(&dom, cells[1]).contains("fa-lavrov-shoukry-gaza")
    );
    // The thanks-to-Egypt passages face each other in one row, as one pair of one colour.
    let row = (0..cells.len() / 2)
        .find(|&r| {
            text(&dom, cells[2 * r]).contains("নিরাপদ প্রস্থান")
                && text(&dom, cells[2 * r + 1]).contains("لاوروف همچنین از کمک قاهره")
        })
        .expect("the thanks-to-Egypt passages in one row");
    let (l, r) = (cells[2 * row], cells[2 * row + 1]);
    assert!(classes(l).contains(&"pair".to_owned()) && classes(r).contains(&"pair".to_owned()), "both highlighted");
    assert_eq!(attr(l, "data-pair"), attr(r, "data-pair"), "one pair");
    let colour = |t: &tl::HTMLTag<'_>| classes(t).into_iter().find(|c| c.len() == 2 && c.starts_with('c'));
    assert!(colour(l).is_some() && colour(l) == colour(r), "one colour: {:?} {:?}", classes(l), classes(r));
    // Sentences no passage takes are dimmed.
    assert!(cells.iter().any(|c| classes(c).contains(&"gaprow".to_owned())), "unaligned text is shown");
    assert!(html.contains("class=\"gap\""), "unaligned sentences are dimmed");

    // Screenshots to look at: the overview and the Marrakech event.
    let event = tags(&dom, "section")
        .into_iter()
        .find(|s| classes(s).contains(&"event".to_owned()) && text(&dom, s).contains("bn-lavrov-marrakech"))
        .and_then(|s| attr(s, "id"))
        .expect("the Marrakech event's section");
    let shots = out.parent().unwrap();
    for (name, fragment, size) in
        [("overview.png", String::new(), "1280,1100"), ("marrakech.png", format!("#{event}"), "1280,1500")]
    {
        let shot = shots.join(name);
        let _ = std::fs::remove_file(&shot);
        let (_, console) = browse(
            &browser,
            &[&format!("--screenshot={}", shot.display()), &format!("--window-size={size}")],
            &url(&index, &fragment),
        );
        assert!(console.is_empty(), "console messages: {console:#?}");
        assert!(std::fs::metadata(&shot).is_ok_and(|m| m.len() > 10_000), "{} written", shot.display());
    }
}

#[test]
fn a_hostile_document_cannot_run_script_in_the_report() {
    let Some(browser) = chromium() else { return };
    let out = out_dir("hostile");
    report(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/hostile-html/articles.jsonl"), &out);
    let index = out.join("index.html");
    let html = dump_dom(&browser, &index);
    let dom = tl::parse(&html, tl::ParserOptions::default()).expect("the DOM parses");
    assert_eq!(attr(tags(&dom, "html")[0], "data-js").as_deref(), Some("ready"), "the page's own script ran");
    // The document's title is the first (the timeline's bars have titles of their own).
    let title = tags(&dom, "title");
    assert_eq!(text(&dom, title[0]), "talign report", "no script changed the title");
    assert!(tags(&dom, "pwned").is_empty(), "no script added an element");
    assert!(tags(&dom, "img").is_empty(), "no image from the corpus");
    let scripts: Vec<String> =
        tags(&dom, "script").iter().map(|t| t.raw().as_utf8_str().chars().take(200).collect()).collect();
    assert_eq!(scripts.len(), 1, "only the page's own script: {scripts:#?}");
    assert!(tags(&dom, "b").iter().all(|b| !text(&dom, b).contains("Service")), "markup in a source is text");
    // The markup shows as text: in the documents, inside passages and between them.
    assert!(html.matches("&lt;script&gt;document.title=\"pwned\"").count() >= 3, "{html}");
    assert!(html.contains("&lt;img src=x onerror="), "{html}");
    assert!(html.contains("&lt;svg onload="), "{html}");
    let pairs = tags(&dom, "div").into_iter().filter(|t| classes(t).contains(&"pair".to_owned()));
    // (Text as serialized: `<` is `&lt;` in it.)
    assert!(
        pairs.into_iter().any(|p| p.raw().as_utf8_str().contains("&lt;script&gt;")),
        "a passage holding the payload shows it"
    );
}
