//! `talign report --format html`: the report as pages a reader opens in a browser, from
//! disk, with nothing fetched. `index.html` holds an overview of the events (one row per
//! event, sorted by date, and an inline SVG timeline of documents per day by language);
//! each event shows its documents side by side, each in its script and direction, with the
//! passages of every link facing each other and coloured per pair, the sentences no
//! passage takes dimmed, and the link's score, relation and evidence; the names page lists
//! each entity with its variants per script and the documents it occurs in.
//!
//! A small corpus gets one file. A large one is split: `index.html` and `overview-N.html`
//! hold the overview a page of rows at a time, `events-N.html` the events in overview
//! order (a page is closed once it passes [`Limits::page_bytes`], between two links), and
//! `names-N.html` the names. The passages are aligned on every core a chunk of links at a
//! time, in the order the pages show them ([`Analysis::each_passages_of`]), and each page
//! is written as soon as it is full: only the page being filled is held.
//!
//! Every text that comes from the corpus (texts, titles, ids, sources, names, evidence) is
//! escaped, and a Content-Security-Policy lets only the page's own script run (by its
//! SHA-256), so a document holding `<script>` shows it as text and cannot run it.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use anyhow::Result;
use talign_corpus::{Date, Document};
use talign_events::Analysis;
use talign_events::align::Link;
use talign_events::passages::PassageOptions;
use talign_names::Script;

/// How large pages may grow.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// An events page is closed, between two links, once its content passes this many bytes;
    /// the whole report is one file when its events fit in one page.
    pub page_bytes: usize,
    /// Events per overview page.
    pub overview_rows: usize,
    /// Entities per names page.
    pub names_rows: usize,
    /// Documents listed per entity on the names page (the rest are counted).
    pub docs_per_name: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { page_bytes: 1_000_000, overview_rows: 500, names_rows: 500, docs_per_name: 12 }
    }
}

/// What [`write()`] wrote.
#[derive(Debug, Clone, Default)]
pub struct Written {
    /// The files, in the order written (`index.html` last).
    pub files: Vec<String>,
    /// Their bytes, in the same order.
    pub bytes: Vec<usize>,
    /// Passage pairs shown.
    pub passages: usize,
    /// Entities listed.
    pub names: usize,
}

/// The page's own script: scrolls to the event or document the address names once the
/// other events are hidden (see the style's `:target` rules), marks the page as scripted
/// (and, once loaded, how many
/// milliseconds loading took, `data-load-ms`, for measuring large reports), records on each two-column view
/// whether the browser laid its columns out side by side (`data-layout`, which the browser
/// test reads), highlights both halves of a passage
/// pair on a click, and filters the rows of a table by a search box.
const SCRIPT: &str = "document.documentElement.dataset.js='ready';\
function go(){var t=location.hash&&document.getElementById(decodeURIComponent(location.hash.slice(1)));if(t)t.scrollIntoView();}\
addEventListener('hashchange',go);\
addEventListener('load',function(){go();document.documentElement.dataset.loadMs=Math.round(performance.now());});\
document.querySelectorAll('.cols').forEach(function(c){var h=c.children;if(h.length<2)return;\
var a=h[0].getBoundingClientRect(),b=h[1].getBoundingClientRect();\
c.dataset.layout=Math.abs(a.top-b.top)<2&&(a.right<=b.left+1||b.right<=a.left+1)?'side-by-side':'stacked';});\
document.addEventListener('click',function(e){var t=e.target.closest('[data-pair]');if(!t)return;\
var v=t.closest('.link');var k=t.dataset.pair.split(' ')[0];\
v.querySelectorAll('.on').forEach(function(x){x.classList.remove('on')});\
v.querySelectorAll('[data-pair~=\"'+k+'\"]').forEach(function(x){x.classList.add('on')});});\
var f=document.getElementById('filter');if(f){f.addEventListener('input',function(){\
var q=f.value.toLowerCase();document.querySelectorAll('table.filtered tbody tr').forEach(function(r){\
r.hidden=q!==''&&r.textContent.toLowerCase().indexOf(q)<0;});});}";

const STYLE: &str = "\
:root{--ink:#1d1d1f;--dim:#8a8a8f;--line:#d8d8de;--bg:#fff;--head:#f4f4f7}\
*{box-sizing:border-box}\
body{margin:0;color:var(--ink);background:var(--bg);font:15px/1.55 system-ui,'Noto Sans',sans-serif}\
:lang(bn){font-family:'Noto Sans Bengali','Noto Serif Bengali',system-ui,sans-serif}\
:lang(fa),:lang(ar),:lang(ur),:lang(ps){font-family:'Noto Naskh Arabic','Noto Sans Arabic',system-ui,sans-serif;line-height:1.9}\
header{position:sticky;top:0;z-index:2;background:var(--head);border-bottom:1px solid var(--line);padding:.4rem 1rem}\
header nav a{margin-right:1.2rem;font-weight:600;text-decoration:none;color:#2456a6}\
header .pager{float:right;font-size:.9rem}header .pager a{margin-left:.8rem}\
main{padding:0 1rem 3rem;max-width:1500px;margin:0 auto}\
h1{font-size:1.4rem;margin:1rem 0 .3rem}h2{font-size:1.15rem;margin:0 0 .4rem}\
.summary{color:#555;margin:.2rem 0 1rem}\
table{border-collapse:collapse;width:100%;font-size:.9rem}\
th,td{text-align:start;vertical-align:top;padding:.25rem .5rem;border-bottom:1px solid var(--line)}\
th{background:var(--head);position:sticky;top:2.3rem}\
td.num,th.num{text-align:end;font-variant-numeric:tabular-nums}\
.timeline{margin:.5rem 0 1rem}.timeline svg{width:100%;max-width:900px;height:auto;display:block}\
.legend span{display:inline-block;margin-right:1rem;font-size:.85rem}\
.legend i{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:-1px}\
section.event{border-top:3px solid var(--line);padding:1rem 0 1.5rem;scroll-margin-top:2.5rem}\
section.event h2 small{font-weight:400;color:#555;margin-inline-start:.6rem}\
table.docs{margin:.3rem 0 .8rem}table.docs td:nth-child(-n+4),table.overview td:nth-child(-n+3){white-space:nowrap}table.docs tr{scroll-margin-top:2.5rem}\
.link{margin:.8rem 0 1.4rem;border:1px solid var(--line);border-radius:6px}\
.linkhead{margin:0;padding:.45rem .7rem;background:var(--head);border-bottom:1px solid var(--line);font-size:.9rem}\
.rel{display:inline-block;padding:0 .45rem;border-radius:9px;background:#e4e8f5;font-weight:600;margin-right:.5rem}\
.rel-reprint{background:#f5e6cf}.rel-preview{background:#e2f2e0}.rel-report{background:#ececec}\
.score{font-variant-numeric:tabular-nums;margin-right:.5rem}\
.evidence{color:#444}\
.cols{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);column-gap:1.4rem;padding:.5rem .7rem}\
.cols.one{grid-template-columns:minmax(0,1fr)}\
.cell{white-space:pre-line;overflow-wrap:anywhere;padding:.15rem .3rem;min-width:0}\
.dochead{font-size:.85rem;color:#444;border-bottom:1px solid var(--line);padding-bottom:.3rem;margin-bottom:.3rem;white-space:normal}\
.dochead b{color:var(--ink)}\
.gap{color:var(--dim)}\
.row{border-radius:4px;margin:.15rem 0}\
.pair{border-radius:3px;cursor:pointer;color:var(--ink)}\
.pair.on{outline:2px solid #333}\
.badge{display:inline-block;font:600 .72rem/1.3 system-ui,sans-serif;color:#333;background:rgba(255,255,255,.7);border:1px solid rgba(0,0,0,.2);border-radius:8px;padding:0 .35rem;margin-inline-end:.35rem;vertical-align:1px;white-space:nowrap;direction:ltr;unicode-bidi:isolate}\
.c0{background:#fde2e1}.c1{background:#dbeafc}.c2{background:#dcf5dc}.c3{background:#fdf0c8}\
.c4{background:#ece1fb}.c5{background:#d6f3f1}.c6{background:#fbe0f0}.c7{background:#e9ecd2}\
.cont{color:#555}\
input#filter{font:inherit;padding:.3rem .5rem;width:min(30rem,100%);margin:.3rem 0 .8rem}\
ul.docs{margin:0;padding-inline-start:1.1rem}\
.more{color:#666}main:has(.event:target,.event :target)>:not(#events):not(.event),main:has(.event:target,.event :target) .event:not(:target):not(:has(:target)){display:none}";

/// The colours of the timeline, one per language in order of documents.
const LANG_COLOURS: [&str; 10] =
    ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

/// Passage colours (classes `c0`..`c7`), cycled per link.
const PAIR_COLOURS: usize = 8;

/// Whether text in this language runs right to left.
fn rtl(lang: &str) -> bool {
    matches!(lang, "fa" | "ar" | "ur" | "ps" | "ckb" | "sd" | "ug" | "he" | "yi" | "dv")
}

/// `lang` and `dir` attributes for text of this language.
fn lang_attrs(lang: &str) -> String {
    format!(" lang=\"{}\" dir=\"{}\"", esc(lang), if rtl(lang) { "rtl" } else { "ltr" })
}

/// Escapes text for HTML (element content and quoted attributes), dropping control
/// characters other than tab and line breaks.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 16);
    esc_into(&mut out, s);
    out
}

/// Escapes a piece of running text: as [`esc_into`], with the blank lines between two
/// paragraphs (a page's runs of empty or white-space lines) shown as one.
fn text_into(out: &mut String, s: &str) {
    let mut blank = 0usize;
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            if line.trim().is_empty() {
                blank += 1;
                continue;
            }
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
            blank = 0;
        }
        esc_into(out, line);
    }
    if blank > 0 {
        out.push('\n');
    }
}

fn esc_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// Percent-encodes a URL fragment (a document id in `#d-…`).
fn fragment(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Standard base64 of `bytes` (for the script's hash in the Content-Security-Policy).
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The Content-Security-Policy of every page: nothing from the network, inline styles, and
/// only the page's own script.
fn csp() -> String {
    use sha2::Digest;
    let hash = sha2::Sha256::digest(SCRIPT.as_bytes());
    format!("default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{}'", base64(&hash))
}

/// What the report knows of one event.
#[derive(Debug, Default)]
struct EventInfo {
    /// Its documents, in the order shown (date, language, id).
    docs: Vec<usize>,
    /// Indices into the pairs shown (`Site::links`) of its pairs.
    links: Vec<usize>,
    /// Earliest and latest publication dates of its documents.
    first: Option<Date>,
    last: Option<Date>,
}

/// Where pages link to: one file, or split pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Single,
    Split,
}

/// The report being written.
struct Site<'a, 'c> {
    a: &'a Analysis<'c>,
    /// The pairs shown: the links, or every scored pair of an event.
    links: &'a [Link],
    limits: Limits,
    events: Vec<EventInfo>,
    /// Event numbers in the order the overview and the pages show them.
    order: Vec<usize>,
    /// Per event number, the events page (from 1) it starts on.
    page_of: Vec<u32>,
    mode: Mode,
    csp: String,
}

/// Writes the HTML report of `a`, handing each file's name and bytes to `emit`, and
/// calling `on_link` once each link's passages are shown.
pub fn write(
    a: &Analysis<'_>,
    opts: &PassageOptions,
    limits: Limits,
    emit: &mut dyn FnMut(&str, &[u8]) -> Result<()>,
    on_link: &mut dyn FnMut(),
) -> Result<Written> {
    write_pairs(a, &a.links, opts, limits, emit, on_link)
}

/// [`write()`] showing the given pairs of documents (each inside one event) instead of the
/// links: `report --within-events` hands it [`Analysis::event_pairs`].
pub fn write_pairs(
    a: &Analysis<'_>,
    links: &[Link],
    opts: &PassageOptions,
    limits: Limits,
    emit: &mut dyn FnMut(&str, &[u8]) -> Result<()>,
    on_link: &mut dyn FnMut(),
) -> Result<Written> {
    let docs = a.corpus.docs();
    let count = a.events.iter().max().map_or(0, |m| m + 1);
    let mut events: Vec<EventInfo> = (0..count).map(|_| EventInfo::default()).collect();
    for (d, &e) in a.events.iter().enumerate() {
        events[e].docs.push(d);
    }
    for (i, l) in links.iter().enumerate() {
        events[a.events[l.left]].links.push(i);
    }
    let doc_key = |&d: &usize| (a.published[d].is_none(), a.published[d], docs[d].lang.code(), docs[d].id.as_str());
    for e in &mut events {
        e.docs.sort_by_key(doc_key);
        e.first = e.docs.iter().filter_map(|&d| a.published[d]).min();
        e.last = e.docs.iter().filter_map(|&d| a.published[d]).max();
    }
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_by_key(|&e| (events[e].first.is_none(), events[e].first, e));
    let mut site = Site { a, links, limits, events, order, page_of: vec![0; count], mode: Mode::Single, csp: csp() };
    let mut written = Written::default();
    let mut out = |name: &str, bytes: &[u8], w: &mut Written| -> Result<()> {
        emit(name, bytes)?;
        w.files.push(name.to_owned());
        w.bytes.push(bytes.len());
        Ok(())
    };
    // The events, in overview order, a page at a time.
    let mut pages = EventPages::new(&site);
    let ordered: Vec<Link> = site
        .order
        .iter()
        .flat_map(|&e| site.events[e].links.iter())
        .map(|&i| Link { evidence: String::new(), ..links[i].clone() })
        .collect();
    let link_index: Vec<usize> = site.order.iter().flat_map(|&e| site.events[e].links.iter().copied()).collect();
    let mut k = 0usize;
    a.each_passages_of(&ordered, opts, |_, pairs| -> Result<()> {
        let li = link_index[k];
        k += 1;
        let e = a.events[links[li].left];
        pages.reach(&mut site, Some(e), &mut |name, bytes| out(name, bytes, &mut written))?;
        // A full page is closed between two links of an event, never between its heading
        // and its first link.
        if pages.links_here > 0 {
            pages.room(&mut site, &mut |name, bytes| out(name, bytes, &mut written))?;
        }
        pages.link(&site, li, &pairs);
        pages.links_here += 1;
        written.passages += pairs.len();
        on_link();
        Ok(())
    })?;
    pages.reach(&mut site, None, &mut |name, bytes| out(name, bytes, &mut written))?;
    let (events_html, event_pages) = pages.finish();
    let names = a.resolution.confirmed_by_mentions();
    written.names = names.len();
    let single = site.mode == Mode::Single
        && site.order.len() <= site.limits.overview_rows
        && names.len() <= site.limits.names_rows;
    if single {
        let mut body = String::new();
        body.push_str("<section id=\"overview\">");
        site.overview_head(&mut body);
        site.overview_table(&mut body, &site.order);
        body.push_str("</section>\n<div id=\"events\">");
        body.push_str(&events_html);
        body.push_str("</div>\n<section id=\"names\">");
        site.names_table(&mut body, &names, 0);
        body.push_str("</section>\n");
        let page = site.page("talign report", &body, None);
        out("index.html", page.as_bytes(), &mut written)?;
        return Ok(written);
    }
    // Split: the last events page, then the overview and names pages.
    site.mode = Mode::Split;
    let last = event_pages;
    if !events_html.is_empty() || last == 1 {
        let page = site.page(
            &format!("Events, page {last}"),
            &events_html,
            Some(pager("events", last as usize, last as usize)),
        );
        out(&format!("events-{last}.html"), page.as_bytes(), &mut written)?;
    }
    let overview_pages = site.order.len().div_ceil(site.limits.overview_rows).max(1);
    let names_pages = names.len().div_ceil(site.limits.names_rows).max(1);
    for p in 1..=names_pages {
        let from = (p - 1) * site.limits.names_rows;
        let rows = &names[from.min(names.len())..(p * site.limits.names_rows).min(names.len())];
        let mut body = String::new();
        site.names_table(&mut body, rows, from);
        let page = site.page(&format!("Names, page {p}"), &body, Some(pager("names", p, names_pages)));
        out(&format!("names-{p}.html"), page.as_bytes(), &mut written)?;
    }
    for p in (1..=overview_pages).rev() {
        let from = (p - 1) * site.limits.overview_rows;
        let rows = &site.order[from.min(site.order.len())..(p * site.limits.overview_rows).min(site.order.len())];
        let mut body = String::new();
        if p == 1 {
            site.overview_head(&mut body);
        } else {
            let _ = write!(body, "<h1>Events {}–{} of {}</h1>", from + 1, from + rows.len(), site.order.len());
        }
        site.overview_table(&mut body, rows);
        let page = site.page("talign report", &body, Some(pager("overview", p, overview_pages)));
        let name = if p == 1 { "index.html".to_owned() } else { format!("overview-{p}.html") };
        out(&name, page.as_bytes(), &mut written)?;
    }
    Ok(written)
}

/// The file of page `p` (from 1) of a kind: `index.html` for the first overview page.
fn page_file(kind: &str, p: usize) -> String {
    if kind == "overview" && p == 1 { "index.html".to_owned() } else { format!("{kind}-{p}.html") }
}

/// Links to the previous and next pages of a kind (`last` is the number of pages, when
/// known; 0: a next page exists).
fn pager(kind: &str, p: usize, last: usize) -> String {
    let mut s = String::new();
    if p > 1 {
        let _ = write!(s, "<a rel=\"prev\" href=\"{}\">‹ previous</a>", page_file(kind, p - 1));
    }
    if last > 0 {
        let _ = write!(s, "<span> page {p} of {last} </span>");
    } else {
        let _ = write!(s, "<span> page {p} </span>");
    }
    if last == 0 || p < last {
        let _ = write!(s, "<a rel=\"next\" href=\"{}\">next ›</a>", page_file(kind, p + 1));
    }
    s
}

impl Site<'_, '_> {
    /// A whole page around `body`.
    fn page(&self, title: &str, body: &str, pager: Option<String>) -> String {
        let mut s = String::with_capacity(body.len() + 8192);
        let _ = write!(
            s,
            "<!DOCTYPE html>\n<html lang=\"en\" data-js=\"no\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"talign {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header><nav>",
            self.csp,
            env!("CARGO_PKG_VERSION"),
            esc(title)
        );
        let (overview, events, names) = match self.mode {
            Mode::Single => ("#overview", "#events", "#names"),
            Mode::Split => ("index.html", "events-1.html", "names-1.html"),
        };
        let _ = write!(
            s,
            "<a href=\"{overview}\">Overview</a><a href=\"{events}\">Events</a><a href=\"{names}\">Names</a>"
        );
        if let Some(p) = pager {
            let _ = write!(s, "<span class=\"pager\">{p}</span>");
        }
        s.push_str("</nav></header>\n<main>\n");
        s.push_str(body);
        let _ = write!(s, "</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n");
        s
    }

    /// Where event `e` is, as a link target.
    fn event_href(&self, e: usize) -> String {
        let id = self.a.event_id(e);
        match self.mode {
            Mode::Single => format!("#{id}"),
            Mode::Split => format!("events-{}.html#{id}", self.page_of[e]),
        }
    }

    /// Where document `d` is listed (in its event's document table), as a link target.
    fn doc_href(&self, d: usize) -> String {
        let id = fragment(&self.a.corpus.docs()[d].id);
        match self.mode {
            Mode::Single => format!("#d-{id}"),
            Mode::Split => format!("events-{}.html#d-{id}", self.page_of[self.a.events[d]]),
        }
    }

    /// The report's heading, its figures and the timeline.
    fn overview_head(&self, s: &mut String) {
        let a = self.a;
        let docs = a.corpus.docs();
        let mut langs: BTreeMap<&str, usize> = BTreeMap::new();
        for d in docs {
            *langs.entry(d.lang.code()).or_default() += 1;
        }
        let _ = write!(
            s,
            "<h1>talign report</h1><p class=\"summary\">{} ({}), {}, {}, {}.</p>",
            plural(docs.len(), "document"),
            langs.iter().map(|(l, n)| format!("{} {n}", esc(l))).collect::<Vec<_>>().join(", "),
            plural(self.order.len(), "event"),
            if std::ptr::eq(self.links, a.links.as_slice()) {
                plural(self.links.len(), "link")
            } else {
                format!("{} ({})", plural(self.links.len(), "document pair"), plural(a.links.len(), "link"))
            },
            plural(a.resolution.entities.iter().filter(|e| e.confirmed).count(), "name")
        );
        self.timeline(s);
    }

    /// Documents per day (or per span of days, when the dates cover many) by language, as
    /// stacked bars in an inline SVG.
    fn timeline(&self, s: &mut String) {
        let a = self.a;
        let docs = a.corpus.docs();
        let mut per_lang: BTreeMap<&str, usize> = BTreeMap::new();
        let mut days: BTreeMap<(i64, &str), usize> = BTreeMap::new();
        let mut undated = 0usize;
        for (d, doc) in docs.iter().enumerate() {
            match a.published[d] {
                Some(p) => {
                    *days.entry((p.days_since_epoch(), doc.lang.code())).or_default() += 1;
                    *per_lang.entry(doc.lang.code()).or_default() += 1;
                }
                None => undated += 1,
            }
        }
        s.push_str("<div class=\"timeline\">");
        let (Some(&(lo, _)), Some(&(hi, _))) = (days.keys().next(), days.keys().next_back()) else {
            let _ = write!(s, "<p class=\"summary\">No document has a publication date ({undated} undated).</p></div>");
            return;
        };
        // Languages by documents, most first; the rest share the last colour.
        let mut langs: Vec<(&str, usize)> = per_lang.into_iter().collect();
        langs.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
        let colour = |l: &str| {
            let i = langs.iter().position(|x| x.0 == l).unwrap_or(0).min(LANG_COLOURS.len() - 1);
            LANG_COLOURS[i]
        };
        const BARS: i64 = 120;
        let span = hi - lo + 1;
        let width = (span + BARS - 1) / BARS; // days per bar
        let bars = (span + width - 1) / width;
        let mut stacks: BTreeMap<i64, Vec<(&str, usize)>> = BTreeMap::new();
        for (&(day, lang), &n) in &days {
            let bar = (day - lo) / width;
            let stack = stacks.entry(bar).or_default();
            match stack.iter_mut().find(|x| x.0 == lang) {
                Some(x) => x.1 += n,
                None => stack.push((lang, n)),
            }
        }
        let max = stacks.values().map(|v| v.iter().map(|x| x.1).sum::<usize>()).max().unwrap_or(1).max(1);
        let (w, h, top, bottom) = (900.0f64, 150.0f64, 10.0f64, 22.0f64);
        // Bars at most 24 units wide, the days in the middle when they are few.
        let bw = (w / bars as f64).min(24.0);
        let x0 = (w - bw * bars as f64) / 2.0;
        let _ = write!(
            s,
            "<svg viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"Documents per {} by language\"><line x1=\"0\" y1=\"{y}\" x2=\"{w}\" y2=\"{y}\" stroke=\"#999\"/>",
            if width == 1 { "day".to_owned() } else { format!("{width} days") },
            y = h - bottom
        );
        for (&bar, stack) in &mut stacks {
            stack.sort_by_key(|x| langs.iter().position(|l| l.0 == x.0));
            let x = x0 + bar as f64 * bw;
            let mut y = h - bottom;
            let from = Date::from_days_since_epoch(lo + bar * width);
            let label = if width == 1 {
                from.to_string()
            } else {
                format!("{from} – {}", Date::from_days_since_epoch(lo + bar * width + width - 1))
            };
            let what = stack.iter().map(|(l, n)| format!("{} {n}", esc(l))).collect::<Vec<_>>().join(", ");
            let _ = write!(s, "<g><title>{label}: {what}</title>");
            for (lang, n) in stack.iter() {
                let bh = (h - top - bottom) * *n as f64 / max as f64;
                y -= bh;
                let _ = write!(
                    s,
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"/>",
                    x + bw * 0.1,
                    y,
                    (bw * 0.8).max(1.0),
                    bh,
                    colour(lang)
                );
            }
            s.push_str("</g>");
        }
        let (first, last) = (Date::from_days_since_epoch(lo), Date::from_days_since_epoch(hi));
        let (y, end) = (h - 6.0, x0 + bw * bars as f64);
        if lo == hi {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{y}\" font-size=\"12\" text-anchor=\"middle\">{first}</text>",
                w / 2.0
            );
        } else {
            let _ = write!(
                s,
                "<text x=\"{x0:.1}\" y=\"{y}\" font-size=\"12\">{first}</text><text x=\"{end:.1}\" y=\"{y}\" font-size=\"12\" text-anchor=\"end\">{last}</text>"
            );
        }
        s.push_str("</svg>");
        s.push_str("<p class=\"legend\">");
        for (l, n) in &langs {
            let _ = write!(s, "<span><i style=\"background:{}\"></i>{} {n}</span>", colour(l), esc(l));
        }
        if undated > 0 {
            let _ = write!(s, "<span>undated {undated}</span>");
        }
        let _ = write!(
            s,
            "<span>(the highest bar: {max} document{} in {})</span>",
            if max == 1 { "" } else { "s" },
            if width == 1 { "a day".to_owned() } else { format!("{width} days") }
        );
        s.push_str("</p></div>");
    }

    /// One row per event of `rows`: id, dates, languages, sources, documents, links, a headline.
    fn overview_table(&self, s: &mut String, rows: &[usize]) {
        let a = self.a;
        let docs = a.corpus.docs();
        s.push_str(
            "<input id=\"filter\" type=\"search\" placeholder=\"Filter these events\" aria-label=\"Filter these events\">\
             <table class=\"overview filtered\"><thead><tr><th>event</th><th>date</th><th>languages</th><th>sources</th>\
             <th class=\"num\">docs</th><th class=\"num\">links</th><th>headline</th></tr></thead><tbody>\n",
        );
        for &e in rows {
            let ev = &self.events[e];
            let mut langs: BTreeMap<&str, usize> = BTreeMap::new();
            let mut sources: BTreeSet<&str> = BTreeSet::new();
            for &d in &ev.docs {
                *langs.entry(docs[d].lang.code()).or_default() += 1;
                if let Some(src) = docs[d].source.as_deref().filter(|s| !s.is_empty()) {
                    sources.insert(src);
                }
            }
            let date = match (ev.first, ev.last) {
                (Some(f), Some(l)) if f != l => format!("{f} – {l}"),
                (Some(f), _) => f.to_string(),
                _ => String::new(),
            };
            let langs = langs.iter().map(|(l, n)| format!("{} {n}", esc(l))).collect::<Vec<_>>().join(", ");
            let mut src: Vec<String> = sources.iter().take(4).map(|x| esc(x)).collect();
            if sources.len() > 4 {
                src.push(format!("<span class=\"more\">+{}</span>", sources.len() - 4));
            }
            let _ = write!(
                s,
                "<tr><td><a href=\"{}\">{}</a></td><td>{date}</td><td>{langs}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>",
                self.event_href(e),
                a.event_id(e),
                src.join(", "),
                ev.docs.len(),
                ev.links.len()
            );
            if let Some(&d) = ev.docs.first() {
                let doc = &docs[d];
                let _ = write!(s, "<span{}>{}</span>", lang_attrs(doc.lang.code()), esc(&headline(doc)));
            }
            s.push_str("</td></tr>\n");
        }
        s.push_str("</tbody></table>\n");
    }

    /// One row per entity of `rows` (numbered from `from`): name, kind, variants per
    /// script, documents, mentions, and links to the documents.
    fn names_table(&self, s: &mut String, rows: &[&talign_events::entities::Entity], from: usize) {
        let a = self.a;
        let docs = a.corpus.docs();
        let _ = writeln!(
            s,
            "<h1>Names{}</h1><input id=\"filter\" type=\"search\" placeholder=\"Filter these names\" aria-label=\"Filter these names\">\
             <table class=\"names filtered\"><thead><tr><th>name</th><th>kind</th><th>Bengali</th><th>Arabic script</th><th>Latin</th><th>other scripts</th>\
             <th class=\"num\">docs</th><th class=\"num\">mentions</th><th>documents</th></tr></thead><tbody>",
            if rows.is_empty() { String::new() } else { format!(" {}–{}", from + 1, from + rows.len()) }
        );
        for e in rows {
            let _ = write!(s, "<tr><td>{}</td><td>{}</td>", esc(e.canonical()), e.kind.code());
            for (script, lang) in [(Script::Bengali, "bn"), (Script::Arabic, "fa"), (Script::Latin, "en")] {
                let v = e.variants_in(script);
                let _ = write!(
                    s,
                    "<td{}>{}</td>",
                    if v.is_empty() { String::new() } else { lang_attrs(lang) },
                    esc(&v.join(" · "))
                );
            }
            let others: Vec<&str> = e
                .variants
                .keys()
                .filter(|k| !matches!(k, Script::Bengali | Script::Arabic | Script::Latin))
                .flat_map(|&k| e.variants_in(k))
                .collect();
            let _ = write!(
                s,
                "<td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>",
                esc(&others.join(" · ")),
                e.docs.len(),
                e.mentions
            );
            let mut listed: Vec<usize> = e.docs.iter().map(|&d| d as usize).collect();
            listed.sort_by_key(|&d| docs[d].id.as_str());
            for (i, &d) in listed.iter().take(self.limits.docs_per_name).enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                let _ = write!(s, "<a href=\"{}\">{}</a>", self.doc_href(d), esc(&docs[d].id));
            }
            if listed.len() > self.limits.docs_per_name {
                let _ = write!(s, " <span class=\"more\">and {} more</span>", listed.len() - self.limits.docs_per_name);
            }
            s.push_str("</td></tr>\n");
        }
        s.push_str("</tbody></table>\n");
    }
}

/// `n thing` or `n things`.
fn plural(n: usize, thing: &str) -> String {
    if n == 1 { format!("1 {thing}") } else { format!("{n} {thing}s") }
}

/// A document's title, else the start of its text.
fn headline(doc: &Document) -> String {
    if let Some(t) = doc.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        return t.to_owned();
    }
    let first = doc.text.split('\n').map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
    let mut out: String = first.chars().take(120).collect();
    if first.chars().count() > 120 {
        out.push('…');
    }
    out
}

/// The events pages being filled: the content of the current page, the event open on it.
struct EventPages {
    buf: String,
    /// Pages written so far.
    written: u32,
    /// Position in `order` of the next event to open.
    next: usize,
    /// The event open.
    open: Option<usize>,
    /// Links of the open event on the current page.
    links_here: usize,
}

impl EventPages {
    fn new(_site: &Site<'_, '_>) -> EventPages {
        EventPages { buf: String::new(), written: 0, next: 0, open: None, links_here: 0 }
    }

    /// Closes the events before `upto` (all, with `None`) and opens `upto`, writing out pages
    /// that are full.
    fn reach(
        &mut self,
        site: &mut Site<'_, '_>,
        upto: Option<usize>,
        out: &mut dyn FnMut(&str, &[u8]) -> Result<()>,
    ) -> Result<()> {
        if upto.is_some() && self.open == upto {
            return Ok(());
        }
        loop {
            if let Some(e) = self.open.take() {
                self.close(site, e);
            }
            if self.next >= site.order.len() {
                return Ok(());
            }
            let e = site.order[self.next];
            self.next += 1;
            self.room(site, out)?;
            site.page_of[e] = self.written + 1;
            self.open_event(site, e);
            self.open = Some(e);
            self.links_here = 0;
            if upto == Some(e) {
                return Ok(());
            }
        }
    }

    /// Writes the current page out if it is full (in split mode from then on), carrying
    /// the open event over to the next page.
    fn room(&mut self, site: &mut Site<'_, '_>, out: &mut dyn FnMut(&str, &[u8]) -> Result<()>) -> Result<()> {
        if self.buf.len() < site.limits.page_bytes {
            return Ok(());
        }
        if self.open.is_some() {
            self.buf.push_str("</section>\n");
        }
        site.mode = Mode::Split;
        self.written += 1;
        let p = self.written as usize;
        let page = site.page(&format!("Events, page {p}"), &self.buf, Some(pager("events", p, 0)));
        out(&format!("events-{p}.html"), page.as_bytes())?;
        self.buf.clear();
        self.links_here = 0;
        if let Some(e) = self.open {
            let _ = writeln!(
                self.buf,
                "<section class=\"event\"><h2 class=\"cont\">{} (continued)</h2>",
                site.a.event_id(e)
            );
        }
        Ok(())
    }

    /// The event's heading and its documents.
    fn open_event(&mut self, site: &Site<'_, '_>, e: usize) {
        let a = site.a;
        let docs = a.corpus.docs();
        let ev = &site.events[e];
        let id = a.event_id(e);
        let mut langs: BTreeSet<&str> = BTreeSet::new();
        for &d in &ev.docs {
            langs.insert(docs[d].lang.code());
        }
        let date = match (ev.first, ev.last) {
            (Some(f), Some(l)) if f != l => format!("{f} – {l}"),
            (Some(f), _) => f.to_string(),
            _ => "undated".to_owned(),
        };
        let s = &mut self.buf;
        let _ = writeln!(
            s,
            "<section class=\"event\" id=\"{id}\"><h2>{id}<small>{date} · {} · {} · {}</small></h2>",
            langs.iter().map(|l| esc(l)).collect::<Vec<_>>().join(", "),
            plural(ev.docs.len(), "document"),
            plural(ev.links.len(), "link")
        );
        s.push_str("<table class=\"docs\"><thead><tr><th>document</th><th>language</th><th>published</th><th>source</th><th>title</th></tr></thead><tbody>\n");
        for &d in &ev.docs {
            let doc = &docs[d];
            let _ = writeln!(
                s,
                "<tr id=\"d-{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td{}>{}</td></tr>",
                esc(&doc.id),
                esc(&doc.id),
                esc(doc.lang.code()),
                a.published[d].map(|p| p.to_string()).unwrap_or_default(),
                esc(doc.source.as_deref().unwrap_or_default()),
                lang_attrs(doc.lang.code()),
                esc(&headline(doc))
            );
        }
        s.push_str("</tbody></table>\n");
    }

    /// Shows the event's documents that no link takes, whole, and closes the event.
    fn close(&mut self, site: &Site<'_, '_>, e: usize) {
        let a = site.a;
        let ev = &site.events[e];
        let linked: BTreeSet<usize> =
            ev.links.iter().flat_map(|&i| [site.links[i].left, site.links[i].right]).collect();
        for &d in ev.docs.iter().filter(|d| !linked.contains(d)) {
            let doc = &a.corpus.docs()[d];
            let attrs = lang_attrs(doc.lang.code());
            let _ = writeln!(
                self.buf,
                "<div class=\"link solo\" data-doc=\"{}\"><div class=\"cols one\"><div class=\"cell dochead\"{attrs}>{}</div><div class=\"cell\"{attrs}>{}</div></div></div>",
                esc(&doc.id),
                doc_head(a, d),
                {
                    let mut t = String::new();
                    text_into(&mut t, doc.text.trim());
                    t
                }
            );
        }
        self.buf.push_str("</section>\n");
    }

    /// A link: its relation, score and evidence, and its two documents side by side with
    /// their passages facing each other.
    fn link(&mut self, site: &Site<'_, '_>, li: usize, pairs: &[talign_events::PassagePair]) {
        let a = site.a;
        let docs = a.corpus.docs();
        let l = &site.links[li];
        // Columns in the order of their languages, then ids: the same whatever the input order.
        let swap = (docs[l.left].lang.code(), docs[l.left].id.as_str())
            > (docs[l.right].lang.code(), docs[l.right].id.as_str());
        let (dl, dr) = if swap { (l.right, l.left) } else { (l.left, l.right) };
        let spans: Vec<Span> = pairs
            .iter()
            .enumerate()
            .map(|(k, p)| {
                let (left, right) = if swap { (p.right_span, p.left_span) } else { (p.left_span, p.right_span) };
                Span { k, left, right }
            })
            .collect();
        let s = &mut self.buf;
        let _ = writeln!(
            s,
            "<div class=\"link\" data-left=\"{}\" data-right=\"{}\"><p class=\"linkhead\"><span class=\"rel rel-{rel}\">{rel}</span><span class=\"score\">score {:.2}</span><span class=\"evidence\">{}</span> · {}</p>",
            esc(&docs[dl].id),
            esc(&docs[dr].id),
            l.score,
            esc(&l.evidence),
            plural(pairs.len(), "passage pair"),
            rel = l.relation.as_str(),
        );
        let (la, ra) = (lang_attrs(docs[dl].lang.code()), lang_attrs(docs[dr].lang.code()));
        let _ = writeln!(
            s,
            "<div class=\"cols\"><div class=\"cell dochead\"{la}>{}</div><div class=\"cell dochead\"{ra}>{}</div>",
            doc_head(a, dl),
            doc_head(a, dr)
        );
        let (tl, tr) = (&docs[dl].text, &docs[dr].text);
        // The pairs that face each other: the longest chain in order on both sides (the
        // others are highlighted where they stand).
        let chain = facing_chain(&spans);
        let mut at = (0usize, 0usize);
        let tip = |k: usize| {
            let p = &pairs[k];
            format!("{} · score {:.2}: {}", k + 1, p.score, a.passage_evidence(&p.bead))
        };
        for c in chain.iter().map(|&i| spans[i]) {
            let (gl, gr) = ((at.0, c.left.0), (at.1, c.right.0));
            if !blank(tl, gl) || !blank(tr, gr) {
                s.push_str("<div class=\"cell gaprow\"");
                s.push_str(&la);
                s.push('>');
                region(s, tl, gl, &spans, Side::Left, &tip);
                s.push_str("</div><div class=\"cell gaprow\"");
                s.push_str(&ra);
                s.push('>');
                region(s, tr, gr, &spans, Side::Right, &tip);
                s.push_str("</div>\n");
            }
            let class = format!("c{}", c.k % PAIR_COLOURS);
            for (side, text, range, attrs) in [(Side::Left, tl, c.left, &la), (Side::Right, tr, c.right, &ra)] {
                let _ = write!(
                    s,
                    "<div class=\"cell row pair {class}\" data-pair=\"{}\" title=\"{}\"{attrs}><span class=\"badge\">{} · {:.2}</span>",
                    c.k + 1,
                    esc(&tip(c.k)),
                    c.k + 1,
                    pairs[c.k].score
                );
                region_inner(s, text, range, &spans, side, c.k, &tip);
                s.push_str("</div>");
            }
            s.push('\n');
            at = (c.left.1, c.right.1);
        }
        let (gl, gr) = ((at.0, tl.len()), (at.1, tr.len()));
        if !blank(tl, gl) || !blank(tr, gr) {
            let _ = write!(s, "<div class=\"cell gaprow\"{la}>");
            region(s, tl, gl, &spans, Side::Left, &tip);
            let _ = write!(s, "</div><div class=\"cell gaprow\"{ra}>");
            region(s, tr, gr, &spans, Side::Right, &tip);
            s.push_str("</div>\n");
        }
        s.push_str("</div></div>\n");
    }

    /// Ends the pages: the content of the last page (still to be written) and its number.
    fn finish(self) -> (String, u32) {
        (self.buf, self.written + 1)
    }
}

/// A document's heading in its column: id, language, date, source, title.
fn doc_head(a: &Analysis<'_>, d: usize) -> String {
    let doc = &a.corpus.docs()[d];
    let mut s = format!("<b>{}</b> · {}", esc(&doc.id), esc(doc.lang.code()));
    if let Some(p) = a.published[d] {
        let _ = write!(s, " · {p}");
    }
    if let Some(src) = doc.source.as_deref().filter(|x| !x.is_empty()) {
        let _ = write!(s, " · {}", esc(src));
    }
    if let Some(t) = doc.title.as_deref().filter(|x| !x.is_empty()) {
        let _ = write!(s, "<br>{}", esc(t));
    }
    s
}

/// A passage pair's byte ranges in the two columns, `k` its number in the link.
#[derive(Debug, Clone, Copy)]
struct Span {
    k: usize,
    left: (usize, usize),
    right: (usize, usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

impl Span {
    fn on(&self, side: Side) -> (usize, usize) {
        if side == Side::Left { self.left } else { self.right }
    }
}

/// The longest chain of pairs that follow each other on both sides without overlapping
/// (the first such chain in the order of the left side): these face each other in rows.
fn facing_chain(spans: &[Span]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..spans.len()).filter(|&i| spans[i].left.0 < spans[i].left.1).collect();
    idx.sort_by_key(|&i| (spans[i].left, spans[i].right, spans[i].k));
    // O(n²) longest chain: a link has tens of pairs, rarely hundreds.
    let n = idx.len();
    let mut best = vec![1usize; n];
    let mut prev = vec![usize::MAX; n];
    for j in 0..n {
        for i in 0..j {
            let (x, y) = (&spans[idx[i]], &spans[idx[j]]);
            if x.left.1 <= y.left.0 && x.right.1 <= y.right.0 && best[i] + 1 > best[j] {
                best[j] = best[i] + 1;
                prev[j] = i;
            }
        }
    }
    let Some(mut j) = (0..n).max_by_key(|&j| (best[j], std::cmp::Reverse(j))) else { return Vec::new() };
    let mut chain = vec![idx[j]];
    while prev[j] != usize::MAX {
        j = prev[j];
        chain.push(idx[j]);
    }
    chain.reverse();
    chain
}

/// Whether `text[range]` holds nothing but white space.
fn blank(text: &str, range: (usize, usize)) -> bool {
    range.0 >= range.1 || text.get(range.0..range.1).is_none_or(|t| t.trim().is_empty())
}

/// The text of `range` outside any facing pair: dimmed, but for the parts other pairs take,
/// which keep their colour.
fn region(
    s: &mut String,
    text: &str,
    range: (usize, usize),
    spans: &[Span],
    side: Side,
    tip: &dyn Fn(usize) -> String,
) {
    pieces(s, text, range, spans, side, None, tip);
}

/// The text of a facing pair's side, with the parts other pairs also take marked.
fn region_inner(
    s: &mut String,
    text: &str,
    range: (usize, usize),
    spans: &[Span],
    side: Side,
    own: usize,
    tip: &dyn Fn(usize) -> String,
) {
    pieces(s, text, range, spans, side, Some(own), tip);
}

/// `text[range]`, trimmed, cut where a pair's span starts or ends: each piece is plain (in a
/// facing pair's cell), dimmed (in no pair) or marked with the pairs that take it.
fn pieces(
    s: &mut String,
    text: &str,
    range: (usize, usize),
    spans: &[Span],
    side: Side,
    own: Option<usize>,
    tip: &dyn Fn(usize) -> String,
) {
    let Some(t) = text.get(range.0..range.1) else { return };
    let lead = t.len() - t.trim_start().len();
    let (from, to) = (range.0 + lead, range.0 + lead + t.trim().len());
    if from >= to {
        return;
    }
    let mut cuts: Vec<usize> = vec![from, to];
    for sp in spans {
        let (a, b) = sp.on(side);
        for x in [a, b] {
            if from < x && x < to && text.is_char_boundary(x) {
                cuts.push(x);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let piece = &text[a..b];
        let mut others: Vec<usize> = spans
            .iter()
            .filter(|sp| Some(sp.k) != own && sp.on(side).0 <= a && b <= sp.on(side).1 && sp.on(side).0 < sp.on(side).1)
            .map(|sp| sp.k)
            .collect();
        others.sort_unstable();
        if others.is_empty() {
            if own.is_some() {
                text_into(s, piece);
            } else {
                s.push_str("<span class=\"gap\">");
                text_into(s, piece);
                s.push_str("</span>");
            }
        } else {
            let ids: Vec<String> = others.iter().map(|k| (k + 1).to_string()).collect();
            let _ = write!(
                s,
                "<span class=\"pair c{}\" data-pair=\"{}\" title=\"{}\"><span class=\"badge\">{}</span>",
                others[0] % PAIR_COLOURS,
                ids.join(" "),
                esc(&tip(others[0])),
                ids.join("+")
            );
            text_into(s, piece);
            s.push_str("</span>");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\"\u{7}"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(esc("লাভরভ\nلاوروف"), "লাভরভ\nلاوروف");
    }

    #[test]
    fn runs_of_blank_lines_show_as_one() {
        let mut s = String::new();
        text_into(&mut s, "a\n\n \n\u{a0}\n\nb\nc<");
        assert_eq!(s, "a\n\nb\nc&lt;");
    }

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn fragments_are_percent_encoded() {
        assert_eq!(fragment("bn-lavrov"), "bn-lavrov");
        assert_eq!(fragment("a b\"<"), "a%20b%22%3C");
    }

    /// The seed report written to memory with these limits.
    fn seed_site(limits: Limits) -> BTreeMap<String, String> {
        site(&crate::seeds::corpus().expect("the seeds load"), limits)
    }

    /// The report of `corpus` written to memory with these limits.
    fn site(corpus: &talign_corpus::Corpus, limits: Limits) -> BTreeMap<String, String> {
        let a = Analysis::new(corpus);
        let mut files = BTreeMap::new();
        let written = write(
            &a,
            &PassageOptions::default(),
            limits,
            &mut |name, bytes| {
                files.insert(name.to_owned(), String::from_utf8(bytes.to_vec()).expect("UTF-8"));
                Ok(())
            },
            &mut || {},
        )
        .expect("written");
        assert_eq!(written.files.len(), files.len(), "each file once");
        files
    }

    /// The values of `attr="…"` in `html`.
    fn values<'h>(html: &'h str, attr: &str) -> Vec<&'h str> {
        let key = format!(" {attr}=\"");
        html.match_indices(&key)
            .map(|(i, _)| {
                let v = &html[i + key.len()..];
                &v[..v.find('"').expect("a closing quote")]
            })
            .collect()
    }

    /// Every link of the report leads to a file it wrote and an element of that file.
    fn assert_links_resolve(files: &BTreeMap<String, String>) {
        let mut checked = 0;
        for (name, html) in files {
            for href in values(html, "href") {
                let (file, frag) = href.split_once('#').unwrap_or((href, ""));
                let file = if file.is_empty() { name.as_str() } else { file };
                let target = files.get(file).unwrap_or_else(|| panic!("{name}: {href}: no such file"));
                if !frag.is_empty() {
                    // Fragments are percent-encoded ids; the seeds' ids need no encoding.
                    assert!(target.contains(&format!(" id=\"{frag}\"")), "{name}: {href}: no such element");
                }
                checked += 1;
            }
        }
        assert!(checked > 20, "{checked} links");
    }

    #[test]
    fn a_small_report_is_one_file_whose_links_resolve() {
        let files = seed_site(Limits::default());
        assert_eq!(files.keys().collect::<Vec<_>>(), ["index.html"]);
        let index = &files["index.html"];
        assert_links_resolve(&files);
        assert!(index.contains("<section class=\"event\" id=\"E001\">"), "the events are in it");
        assert!(index.contains(">Shoukry</td>") || index.contains(">Sameh Shoukry</td>"), "the names are in it");
        assert!(index.contains(" lang=\"fa\" dir=\"rtl\""), "Persian runs right to left");
    }

    #[test]
    fn a_large_report_is_split_into_pages_whose_links_resolve() {
        let files = seed_site(Limits { page_bytes: 1, overview_rows: 3, names_rows: 20, docs_per_name: 1 });
        let names: Vec<&str> = files.keys().map(String::as_str).collect();
        // Four events, one a page; two overview pages; 71 names, 20 a page.
        assert_eq!(
            names,
            [
                "events-1.html",
                "events-2.html",
                "events-3.html",
                "events-4.html",
                "index.html",
                "names-1.html",
                "names-2.html",
                "names-3.html",
                "names-4.html",
                "overview-2.html"
            ]
        );
        assert_links_resolve(&files);
        for (name, html) in &files {
            assert_eq!(
                html.matches("<section class=\"event\" id=").count(),
                usize::from(name.starts_with("events-")),
                "{name}"
            );
        }
        assert!(files["names-1.html"].contains("more</span>"), "documents beyond the first are counted");
        assert!(files["index.html"].contains("<svg"), "the timeline is on the first overview page");
        assert!(!files["overview-2.html"].contains("<svg"));
    }

    /// An event of four links (the web sample: a wire story, its reprint, a preview, and a
    /// Bengali report that translates both copies of the wire story) on pages of one link
    /// each: the event goes on over four pages, its heading on the first only, and the
    /// overview links to that one.
    #[test]
    fn a_large_event_goes_on_over_pages_between_its_links() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/web-sample");
        let corpus = talign_corpus::Corpus::load(&[path]).expect("the web sample loads");
        let files = site(&corpus, Limits { page_bytes: 1, ..Limits::default() });
        // Pages in order: events-1, events-2, … (five: the lone document's event has one).
        let pages: Vec<&String> =
            (1..).map(|p| files.get(&format!("events-{p}.html"))).take_while(Option::is_some).flatten().collect();
        assert_eq!(pages.len(), 5);
        assert_eq!(files.keys().filter(|f| f.starts_with("events-")).count(), 5);
        let links = |html: &str| html.matches("<div class=\"link\" data-left").count();
        let first =
            pages.iter().position(|p| p.contains("<section class=\"event\" id=\"E001\">")).expect("E001's page");
        assert!(first <= 1 && links(pages[first]) == 1, "E001 opens with its first link");
        for p in &pages[first + 1..first + 4] {
            assert!(p.contains("E001 (continued)") && !p.contains("id=\"E001\"") && links(p) == 1);
        }
        let lone = if first == 0 { 4 } else { 0 };
        assert!(pages[lone].contains("id=\"E002\"") && links(pages[lone]) == 0, "the lone document's event");
        assert!(files["index.html"].contains(&format!("href=\"events-{}.html#E001\"", first + 1)));
        assert_links_resolve(&files);
    }

    #[test]
    fn the_facing_chain_skips_pairs_out_of_order() {
        let sp = |k, l: (usize, usize), r: (usize, usize)| Span { k, left: l, right: r };
        // Pair 1 crosses pairs 2 to 4; pair 3 shares pair 2's right sentence (a second
        // partner): the chain takes the first of the two.
        let spans = [
            sp(0, (0, 10), (0, 10)),
            sp(1, (10, 20), (40, 50)),
            sp(2, (20, 30), (20, 30)),
            sp(3, (30, 40), (20, 30)),
            sp(4, (40, 50), (30, 40)),
        ];
        assert_eq!(facing_chain(&spans), vec![0, 2, 4]);
        assert_eq!(facing_chain(&[]), Vec::<usize>::new());
    }
}
