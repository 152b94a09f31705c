//! Saved web pages (`.html`, `.htm`) as documents: the readable text, and what the page's
//! head says about it (language, title, address and, above all, publication date).
//!
//! A news page's text alone rarely says when it was published, and the date is what keeps
//! two meetings of the same people apart (see the web evaluation in the README). The page's
//! head almost always says it, for search engines and social sites: `article:published_time`,
//! `datePublished` in JSON-LD, `pubdate`, Dublin Core, or a `<time datetime>`. Those are read
//! here, in that order of trust; a date the manifest gives still wins.
//!
//! The text is what a reader sees, in order: scripts, styles, forms and the page's
//! navigation, header, footer and asides are left out, block elements end a line, and
//! character references are decoded. This is a tolerant scanner, not an HTML5 parser:
//! malformed markup yields less text, never an error.

use crate::Date;

/// What a saved page gives talign.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HtmlPage {
    /// The readable text, one block a line.
    pub text: String,
    /// `<html lang>` (the primary subtag, lower case), if any.
    pub lang: Option<String>,
    /// `og:title`, else `<title>`.
    pub title: Option<String>,
    /// `<link rel=canonical>`, else `og:url`.
    pub url: Option<String>,
    /// The publication date of the head, if any.
    pub published: Option<Date>,
}

/// Elements whose content is not the article.
const SKIPPED: [&str; 14] = [
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form", "button", "select",
    "iframe", "head",
];

/// Elements that end a line of text.
const BLOCKS: [&str; 24] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "figcaption",
    "figure",
    "main",
    "dd",
    "dt",
    "pre",
    "hr",
];

/// Meta names and properties that carry a publication date, most trusted first.
const DATE_METAS: [&str; 9] = [
    "article:published_time",
    "datepublished",
    "og:published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dcterms.created",
    "date",
];

/// Reads a saved page.
///
/// ```
/// use talign_corpus::html::parse_html;
/// let page = parse_html(r#"<html lang="bn-BD"><head><title>T</title>
/// <meta property="article:published_time" content="2023-09-08T10:00:00+06:00"></head>
/// <body><nav>হোম | খেলা</nav><article><p>ল্যাভরভ ঢাকায়।</p><p>দ্বিতীয় &amp; শেষ।</p></article>
/// <footer>© 2026</footer></body></html>"#);
/// assert_eq!(page.text, "ল্যাভরভ ঢাকায়।\nদ্বিতীয় & শেষ।");
/// assert_eq!(page.lang.as_deref(), Some("bn"));
/// assert_eq!(page.published.unwrap().to_string(), "2023-09-08");
/// ```
pub fn parse_html(html: &str) -> HtmlPage {
    let mut page = HtmlPage::default();
    let mut text = String::new();
    // Open skipped elements, by name (a stack, so that nested ones close in turn).
    let mut skipping: Vec<String> = Vec::new();
    let mut metas: Vec<(String, String)> = Vec::new();
    let mut title: Option<String> = None;
    let mut time_datetime: Option<String> = None;
    let mut in_title = false;
    let mut in_json_ld = false;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if skipping.is_empty() {
                push_text(&mut text, rest);
            }
            break;
        };
        let (before, after) = rest.split_at(lt);
        if in_title {
            title.get_or_insert_with(String::new).push_str(&decode(before));
        } else if in_json_ld {
            scan_json_ld(before, &mut metas);
        } else if skipping.is_empty() {
            push_text(&mut text, before);
        }
        // Comments and declarations.
        if let Some(body) = after.strip_prefix("<!--") {
            rest = body.find("-->").map_or("", |i| &body[i + 3..]);
            continue;
        }
        let Some(gt) = tag_end(after) else { break };
        let tag = &after[1..gt];
        rest = &after[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ':')
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        let attrs = if closing { "" } else { &tag[name.len()..] };
        if closing {
            if name == "title" {
                in_title = false;
            }
            if name == "script" {
                in_json_ld = false;
            }
            if let Some(pos) = skipping.iter().rposition(|s| *s == name) {
                skipping.truncate(pos);
            }
        } else {
            match name.as_str() {
                "html" => page.lang = attr(attrs, "lang").and_then(|l| primary_subtag(&l)),
                "meta" => {
                    let key =
                        attr(attrs, "property").or_else(|| attr(attrs, "name")).or_else(|| attr(attrs, "itemprop"));
                    if let (Some(k), Some(v)) = (key, attr(attrs, "content")) {
                        metas.push((k.to_ascii_lowercase(), v));
                    }
                }
                "link" if attr(attrs, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                    if let Some(h) = attr(attrs, "href") {
                        metas.push(("canonical".into(), h));
                    }
                }
                "time" if time_datetime.is_none() && skipping.is_empty() => time_datetime = attr(attrs, "datetime"),
                "title" if title.is_none() => in_title = true,
                "script" if attr(attrs, "type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) => {
                    in_json_ld = true
                }
                _ => {}
            }
            let self_closing = tag.ends_with('/');
            if SKIPPED.contains(&name.as_str()) && !self_closing {
                skipping.push(name.clone());
            }
        }
        if BLOCKS.contains(&name.as_str()) && skipping.is_empty() {
            text.push('\n');
        }
    }
    page.text = tidy(&text);
    let meta = |k: &str| metas.iter().find(|(key, _)| key == k).map(|(_, v)| decode(v).trim().to_owned());
    page.title = meta("og:title").or_else(|| title.map(|t| t.trim().to_owned())).filter(|t| !t.is_empty());
    page.url = meta("canonical").or_else(|| meta("og:url")).filter(|u| !u.is_empty());
    page.published = DATE_METAS
        .iter()
        .find_map(|k| meta(k).and_then(|v| iso_day(&v)))
        .or_else(|| time_datetime.and_then(|v| iso_day(&v)));
    page
}

/// Where the tag opened at the start of `s` ends (the `>` outside quotes).
fn tag_end(s: &str) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (i, b) in s.bytes().enumerate().skip(1) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// The value of attribute `name` in a tag's attribute text, decoded.
fn attr(attrs: &str, name: &str) -> Option<String> {
    let lower = attrs.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let after = lower[from..].trim_start();
        if !before_ok || !after.starts_with('=') {
            continue;
        }
        let value_at = attrs.len() - after.len() + 1;
        let v = attrs[value_at..].trim_start();
        let value = match v.as_bytes().first() {
            Some(&q @ (b'"' | b'\'')) => v[1..].split(q as char).next().unwrap_or(""),
            // Unquoted: up to white space (a `/` may be part of it, as in an address).
            _ => v.split(char::is_whitespace).next().unwrap_or(""),
        };
        return Some(decode(value));
    }
    None
}

/// `bn` of `bn-BD`; `None` for an empty or non-alphabetic tag.
fn primary_subtag(tag: &str) -> Option<String> {
    let p = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (!p.is_empty() && p.chars().all(|c| c.is_ascii_alphabetic())).then_some(p)
}

/// The day of an ISO 8601 date or date-time (`2024-02-18`, `2024-02-18T09:30:00+03:30`).
fn iso_day(v: &str) -> Option<Date> {
    v.trim().get(..10)?.parse().ok()
}

/// Collects `"datePublished": "…"` from JSON-LD text.
fn scan_json_ld(s: &str, metas: &mut Vec<(String, String)>) {
    let mut rest = s;
    while let Some(i) = rest.find("\"datePublished\"") {
        rest = &rest[i + "\"datePublished\"".len()..];
        let v = rest.trim_start().strip_prefix(':').map(str::trim_start).and_then(|v| v.strip_prefix('"'));
        if let Some(v) = v.and_then(|v| v.split('"').next()) {
            metas.push(("datepublished".into(), v.to_owned()));
        }
    }
}

/// Appends decoded text, folding runs of white space into one space.
fn push_text(out: &mut String, raw: &str) {
    let decoded = decode(raw);
    for (i, word) in decoded.split_whitespace().enumerate() {
        let starts_with_space = i == 0 && decoded.starts_with(char::is_whitespace);
        if (i > 0 || starts_with_space) && !out.ends_with([' ', '\n']) && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if decoded.ends_with(char::is_whitespace) && !decoded.trim().is_empty() {
        out.push(' ');
    }
}

/// One block a line, no blank lines, no spaces at either end of a line.
fn tidy(text: &str) -> String {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}

/// Decodes character references (`&amp;`, `&#2482;`, `&#x9B2;`, `&nbsp;` …); an unknown
/// one is kept as written.
fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')).map(|j| j + 1);
        let (name, len) = match end {
            Some(j) if rest.as_bytes().get(j) == Some(&b';') => (&rest[1..j], j + 1),
            _ => ("", 0),
        };
        let ch = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
            u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
        } else if let Some(num) = name.strip_prefix('#') {
            num.parse().ok().and_then(char::from_u32)
        } else {
            match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                "zwnj" => Some('\u{200c}'),
                "zwj" => Some('\u{200d}'),
                "rlm" => Some('\u{200f}'),
                "lrm" => Some('\u{200e}'),
                "laquo" => Some('«'),
                "raquo" => Some('»'),
                "ndash" => Some('–'),
                "mdash" => Some('—'),
                "hellip" => Some('…'),
                "rsquo" => Some('’'),
                "lsquo" => Some('‘'),
                "ldquo" => Some('“'),
                "rdquo" => Some('”'),
                _ => None,
            }
        };
        match ch {
            Some(c) if len > 0 => {
                out.push(c);
                rest = &rest[len..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_dates_the_page_in_order_of_trust() {
        let p = parse_html(
            r#"<head><meta name="date" content="2020-01-01"><script type="application/ld+json">
            {"@type":"NewsArticle","datePublished": "2024-01-17T08:00:00Z"}</script></head><body><time datetime="2019-05-05">x</time></body>"#,
        );
        assert_eq!(p.published.unwrap().to_string(), "2024-01-17");
        let p = parse_html(r#"<body><p>Text</p><time datetime="2019-05-05T10:00">5 May</time></body>"#);
        assert_eq!(p.published.unwrap().to_string(), "2019-05-05");
        let p = parse_html(r#"<meta content="garbage" property="article:published_time"><p>x</p>"#);
        assert_eq!(p.published, None);
    }

    #[test]
    fn furniture_scripts_and_markup_are_not_text() {
        let p = parse_html(
            "<html lang='fa-IR'><head><title>عنوان &amp; خبر</title><style>p{}</style></head><body>\
             <header><a href='/'>صفحه اصلی</a></header><nav><ul><li>ورزش</li></ul></nav>\
             <h1>لاوروف در مراکش</h1><div>وزیر <b>امور خارجه</b> روسیه&nbsp;گفت<br>خط دوم</div>\
             <script>var a = '<p>not text</p>';</script><aside>پربازدیدها</aside>\
             <footer>کپی‌رایت</footer></body></html>",
        );
        assert_eq!(p.text, "لاوروف در مراکش\nوزیر امور خارجه روسیه گفت\nخط دوم");
        assert_eq!(p.lang.as_deref(), Some("fa"));
        assert_eq!(p.title.as_deref(), Some("عنوان & خبر"));
    }

    #[test]
    fn malformed_markup_never_panics() {
        for s in [
            "<",
            "<p",
            "<p>&",
            "&#xZZ;",
            "&#99999999;",
            "<!-- open",
            "<a href='x>y",
            "<<>>",
            "<html lang=>",
            "\u{0}<p>\u{0}",
        ] {
            let _ = parse_html(s);
        }
        assert_eq!(parse_html("a &unknown; b &#2482; &#x9B2;").text, "a &unknown; b ল ল");
        assert_eq!(
            parse_html("<link rel=canonical href=https://x.com/a/2024/01/17/s>").url.as_deref(),
            Some("https://x.com/a/2024/01/17/s")
        );
    }
}
