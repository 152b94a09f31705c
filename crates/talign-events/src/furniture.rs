//! Site furniture: the lines a page shares with other pages because of where it was
//! published, not what it reports (menus, "related" headlines, share buttons, copyright
//! lines, a clock in the header).
//!
//! A line is furniture when it is repeated on two pages of one site, or, if it is short
//! (at most [`SHORT_LINE`] characters), on [`CORPUS_PAGES`] pages of the corpus. Two pages of
//! one site that share most of their paragraphs (lines longer than [`SHORT_LINE`]) are one
//! story published twice (an AMP copy, an update); their shared lines are the story, not
//! furniture. A page's site is the host of its
//! URL (without `www.` and `m.`), else its source.
//!
//! Furniture carries no evidence: it is blanked (each byte a space, so that offsets into
//! the text stay valid) before names, dates, numbers and event words are read.

use crate::{HashMap, HashMapExt, HashSet, HashSetExt};

use rayon::prelude::*;
use talign_corpus::Document;

/// Lines up to this many characters repeated across the corpus are furniture.
pub const SHORT_LINE: usize = 80;
/// How many pages of the corpus a short line must be on to be furniture.
pub const CORPUS_PAGES: usize = 3;
/// Two pages of one site sharing more than this share of their lines are one story.
pub const SAME_STORY: f32 = 0.5;
/// Lines on more pages than this are never a story's own lines.
const STORY_PAGES: usize = 8;

/// The site of a document: its URL's host, else its source.
pub fn site(doc: &Document) -> Option<String> {
    if let Some(url) = &doc.url {
        let rest = url.split_once("://").map_or(url.as_str(), |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next().unwrap_or("").to_ascii_lowercase();
        let host = host.strip_prefix("www.").or_else(|| host.strip_prefix("m.")).unwrap_or(&host);
        if !host.is_empty() {
            return Some(host.to_owned());
        }
    }
    doc.source.as_ref().map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty())
}

/// A line's key: its words, lower-cased, white space collapsed.
fn line_key(line: &str) -> Option<u64> {
    use crate::align::{FNV64_START, fnv64_extend};
    let mut h = FNV64_START;
    let mut any = false;
    for w in line.split_whitespace() {
        any = true;
        for c in w.chars().flat_map(char::to_lowercase) {
            h = fnv64_extend(h, c.encode_utf8(&mut [0u8; 4]).as_bytes());
        }
        h = fnv64_extend(h, b" ");
    }
    any.then_some(h)
}

/// The byte ranges of the lines of a text, with their keys and lengths in characters.
fn lines(text: &str) -> Vec<(usize, usize, u64, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        if let Some(k) = line_key(line) {
            out.push((start, end, k, line.trim().chars().count()));
        }
        start = end;
    }
    out
}

/// For each document, the byte ranges of its furniture lines.
pub fn find(docs: &[Document]) -> Vec<Vec<(usize, usize)>> {
    // Each page's site and lines, on every core (in document order).
    let sites: Vec<Option<String>> = docs.par_iter().map(site).collect();
    let doc_lines: Vec<Vec<(usize, usize, u64, usize)>> = docs.par_iter().map(|d| lines(&d.text)).collect();
    // Pages per line key (each page counted once).
    let mut corpus: HashMap<u64, Vec<u32>> = HashMap::new();
    for (d, ls) in doc_lines.iter().enumerate() {
        for l in ls {
            let pages = corpus.entry(l.2).or_default();
            if pages.last() != Some(&(d as u32)) {
                pages.push(d as u32);
            }
        }
    }
    let same_site = |a: u32, b: u32| sites[a as usize].is_some() && sites[a as usize] == sites[b as usize];
    // Pages of one site that are one story: most of their long lines (paragraphs, not menus)
    // shared. A story's lines are on a few pages; lines on many pages (the menu) are never
    // what makes two pages one story.
    let long_sets: Vec<HashSet<u64>> =
        doc_lines.par_iter().map(|ls| ls.iter().filter(|l| l.3 > SHORT_LINE).map(|l| l.2).collect()).collect();
    let shared_lines = |a: usize, b: usize| {
        let common = long_sets[a].intersection(&long_sets[b]).count() as f32;
        common / long_sets[a].len().min(long_sets[b].len()).max(1) as f32
    };
    let mut story_twins: HashSet<(u32, u32)> = HashSet::new();
    for pages in corpus.values().filter(|p| p.len() <= STORY_PAGES) {
        for (i, &a) in pages.iter().enumerate() {
            for &b in &pages[i + 1..] {
                if same_site(a, b)
                    && !story_twins.contains(&(a, b))
                    && shared_lines(a as usize, b as usize) > SAME_STORY
                {
                    story_twins.insert((a, b));
                }
            }
        }
    }
    doc_lines
        .iter()
        .enumerate()
        .map(|(d, ls)| {
            let d = d as u32;
            ls.iter()
                .filter(|&&(_, _, k, chars)| {
                    let pages = &corpus[&k];
                    let on_site = pages
                        .iter()
                        .any(|&o| o != d && same_site(d, o) && !story_twins.contains(&(d.min(o), d.max(o))));
                    on_site || (chars <= SHORT_LINE && pages.len() >= CORPUS_PAGES)
                })
                .map(|&(s, e, _, _)| (s, e))
                .collect()
        })
        .collect()
}

/// The byte ranges of web addresses written in `text` (`https://…`, `http://…`, `www.…`, up
/// to the next space or bracket, trailing punctuation left out). An address is furniture of
/// another kind: a "source:" line's percent-encoded Persian path (`%D8%A7%DB%8C…`) read as
/// 80 Latin "names" (D8, A7, DB) and its article number as a figure. Ranges start and end
/// on character boundaries, so [`blank`] may take them.
pub fn urls(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    // How an address begins, at the start of a word (ASCII, so `i` is a character boundary).
    let begins = |i: usize| {
        let rest = &bytes[i..];
        [&b"https://"[..], b"http://", b"www."]
            .iter()
            .any(|p| rest.get(..p.len()).is_some_and(|r| r.eq_ignore_ascii_case(p)))
            && !text[..i].chars().next_back().is_some_and(char::is_alphanumeric)
    };
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !begins(i) {
            i += 1;
            continue;
        }
        let mut end = i;
        for (o, c) in text[i..].char_indices() {
            if c.is_whitespace() || matches!(c, '<' | '>' | '"' | '«' | '»' | '(' | ')' | '[' | ']' | '{' | '}' | '|')
            {
                break;
            }
            end = i + o + c.len_utf8();
        }
        let url = text[i..end].trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '،', '؛', '।', '…']);
        let end = i + url.len();
        if end > i + 4 {
            out.push((i, end));
        }
        i = end.max(i + 1);
    }
    out
}

/// `text` with the given byte ranges blanked (every byte a space, line breaks kept).
pub fn blank(text: &str, ranges: &[(usize, usize)]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for &(s, e) in ranges {
        for b in &mut bytes[s..e] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    // Whole lines and web addresses are blanked, so no character is cut in two.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, url: &str, text: &str) -> Document {
        let mut d = Document::new(id, text);
        d.url = Some(url.to_owned());
        d
    }

    #[test]
    fn web_addresses_are_found_whole_and_nothing_else_is() {
        let text = "منبع: https://www.irna.ir/news/85531176/%D8%A7%DB%8C.\nসূত্র (www.prothomalo.com/world), আর wwwx.\nhttpbin ও mailto:x@y.z";
        let found: Vec<&str> = urls(text).into_iter().map(|(s, e)| &text[s..e]).collect();
        assert_eq!(found, ["https://www.irna.ir/news/85531176/%D8%A7%DB%8C", "www.prothomalo.com/world"]);
        // A path written in the page's own script stays with its address; blanking keeps
        // every offset and line break.
        let iri = "দেখুন https://unb.com.bd/bangla/বাংলাদেশ/77396।\nপরের লাইন";
        let r = urls(iri);
        assert_eq!(&iri[r[0].0..r[0].1], "https://unb.com.bd/bangla/বাংলাদেশ/77396");
        let blanked = blank(iri, &r);
        assert_eq!(blanked.len(), iri.len());
        assert!(blanked.starts_with("দেখুন ") && blanked.ends_with("।\nপরের লাইন"));
        assert!(!blanked.contains("unb"));
    }

    #[test]
    fn lines_repeated_on_one_site_or_across_the_corpus_are_furniture() {
        let menu = "প্রচ্ছদ | জাতীয় | আন্তর্জাতিক | খেলা";
        let docs = [
            doc("a", "https://www.x.com.bd/news/1", &format!("{menu}\nল্যাভরভ ঢাকায় পৌঁছেছেন।\n© x.com.bd")),
            doc("b", "https://x.com.bd/news/2", &format!("{menu}\nরাইসির হেলিকপ্টার বিধ্বস্ত।\n© x.com.bd")),
            doc("c", "https://y.ir/1", "Share this\nلاوروف وارد داکا شد.\nShare this"),
            doc("d", "https://z.ru/1", "Share this\nЛавров прибыл в Дакку."),
            doc("e", "https://w.in/1", "Share this\nलावरोव ढाका पहुंचे।"),
        ];
        let f = find(&docs);
        let blanked: Vec<String> = docs.iter().zip(&f).map(|(d, r)| blank(&d.text, r)).collect();
        assert!(!blanked[0].contains("প্রচ্ছদ") && !blanked[0].contains("©"), "{}", blanked[0]);
        assert!(blanked[0].contains("ল্যাভরভ ঢাকায়"), "{}", blanked[0]);
        assert!(!blanked[2].contains("Share") && blanked[2].contains("لاوروف"), "{}", blanked[2]);
        assert_eq!(blanked[0].len(), docs[0].text.len());
    }

    #[test]
    fn one_story_twice_on_a_site_keeps_its_lines() {
        let story = "রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভ দুই দিনের সরকারি সফরে বৃহস্পতিবার সন্ধ্যায় ঢাকায় পৌঁছেছেন বলে জানিয়েছে মন্ত্রণালয়।\n\
            বিমানবন্দরে তাকে স্বাগত জানান পররাষ্ট্রমন্ত্রী ড. এ কে আব্দুল মোমেন; স্বাধীনতার পর এটিই রুশ পররাষ্ট্রমন্ত্রীর প্রথম সফর।";
        let docs = [doc("a", "https://x.com/1", story), doc("b", "https://x.com/amp/1", &format!("{story}\nআরও পড়ুন"))];
        let f = find(&docs);
        assert!(f[0].is_empty(), "{f:?}");
    }
}
