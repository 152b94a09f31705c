//! Loading documents from directories (`*.txt` + `manifest.csv`) and JSONL files.

use crate::{CorpusError, Date, Document, Lang, Location};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Options for [`Corpus::load_with`].
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Accept documents whose language cannot be detected, as English, instead of failing.
    pub lenient_lang: bool,
}

/// A set of documents with unique ids, in input order.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    docs: Vec<Document>,
    by_id: HashMap<String, usize>,
    warnings: Vec<String>,
}

impl Corpus {
    /// Loads every path (directories and `.jsonl` files), in the order given.
    pub fn load<P: AsRef<Path>>(paths: &[P]) -> Result<Corpus, CorpusError> {
        Corpus::load_with(paths, &LoadOptions::default())
    }

    /// Like [`Corpus::load`], with options.
    pub fn load_with<P: AsRef<Path>>(paths: &[P], opts: &LoadOptions) -> Result<Corpus, CorpusError> {
        let mut corpus = Corpus::default();
        for p in paths {
            let p = p.as_ref();
            let docs = load_path(p, opts, &mut corpus.warnings)?;
            for d in docs {
                corpus.push(d)?;
            }
        }
        if corpus.docs.is_empty() {
            let names: Vec<String> = paths.iter().map(|p| p.as_ref().display().to_string()).collect();
            return Err(CorpusError::Empty(names.join(", ")));
        }
        Ok(corpus)
    }

    /// Parses JSONL text; `name` is used in error messages.
    pub fn from_jsonl_str(name: &str, text: &str) -> Result<Corpus, CorpusError> {
        Corpus::from_jsonl_str_with(name, text, &LoadOptions::default())
    }

    /// Like [`Corpus::from_jsonl_str`], with options.
    pub fn from_jsonl_str_with(name: &str, text: &str, opts: &LoadOptions) -> Result<Corpus, CorpusError> {
        let mut corpus = Corpus::default();
        let docs = parse_jsonl(Path::new(name), text.as_bytes(), opts, &mut corpus.warnings)?;
        for d in docs {
            corpus.push(d)?;
        }
        Ok(corpus)
    }

    /// Builds a corpus from documents, checking that ids are unique.
    pub fn from_docs(docs: impl IntoIterator<Item = Document>) -> Result<Corpus, CorpusError> {
        let mut corpus = Corpus::default();
        for d in docs {
            corpus.push(d)?;
        }
        Ok(corpus)
    }

    /// Adds a document; fails on a duplicate id and on a text of more than
    /// [`MAX_DOCUMENT_BYTES`].
    pub fn push(&mut self, doc: Document) -> Result<(), CorpusError> {
        if doc.text.len() > MAX_DOCUMENT_BYTES {
            return Err(CorpusError::TooLong {
                at: doc.origin.clone(),
                id: doc.id.clone(),
                bytes: doc.text.len(),
                max: MAX_DOCUMENT_BYTES,
            });
        }
        if let Some(&i) = self.by_id.get(&doc.id) {
            return Err(CorpusError::DuplicateId {
                id: doc.id.clone(),
                first: self.docs[i].origin.clone(),
                second: doc.origin.clone(),
            });
        }
        self.by_id.insert(doc.id.clone(), self.docs.len());
        self.docs.push(doc);
        Ok(())
    }

    /// The documents, in input order.
    pub fn docs(&self) -> &[Document] {
        &self.docs
    }

    /// Mutable access to the documents (ids must not be changed).
    pub fn docs_mut(&mut self) -> &mut [Document] {
        &mut self.docs
    }

    /// The document with this id.
    pub fn get(&self, id: &str) -> Option<&Document> {
        self.by_id.get(id).map(|&i| &self.docs[i])
    }

    /// Non-fatal remarks made while loading (documents whose language was guessed, …).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether there are no documents.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> CorpusError + '_ {
    move |error| CorpusError::Io { path: path.to_owned(), error }
}

fn load_path(path: &Path, opts: &LoadOptions, warnings: &mut Vec<String>) -> Result<Vec<Document>, CorpusError> {
    let meta = std::fs::metadata(path).map_err(io_err(path))?;
    if meta.is_dir() {
        load_dir(path, opts, warnings)
    } else if path.extension().is_some_and(|e| e == "jsonl" || e == "ndjson") {
        let bytes = std::fs::read(path).map_err(io_err(path))?;
        parse_jsonl(path, &bytes, opts, warnings)
    } else {
        Err(CorpusError::NotACorpus(path.to_owned()))
    }
}

/// Checks that `bytes` are UTF-8, reporting the 1-based line of the first bad byte.
fn to_utf8<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, CorpusError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        CorpusError::InvalidUtf8 { at: Location::new(path, Some(line)), offset: e.valid_up_to() - line_start }
    })
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// The fields of a JSONL document that talign reads; any others (an export's own metadata)
/// are ignored.
#[derive(Debug, Deserialize)]
struct JsonDoc {
    id: Option<serde_json::Value>,
    text: Option<String>,
    lang: Option<String>,
    source: Option<String>,
    published: Option<String>,
    title: Option<String>,
    url: Option<String>,
}

struct Meta {
    lang: Option<String>,
    source: Option<String>,
    published: Option<String>,
    title: Option<String>,
    url: Option<String>,
}

/// The longest document talign analyses, in bytes: offsets into a text are 32-bit.
pub const MAX_DOCUMENT_BYTES: usize = u32::MAX as usize;

/// Builds a document from its text (read at `at`) and its metadata (read at `meta_at`: the
/// same JSONL line, or the document's `manifest.csv` row). A document with no text at all
/// is loaded empty, language undetermined unless given, with a warning: one empty file does
/// not stop a corpus, nor is it dropped unseen.
fn build_doc(
    id: String,
    text: String,
    (meta, meta_at): (Meta, &Location),
    at: Location,
    opts: &LoadOptions,
    warnings: &mut Vec<String>,
) -> Result<Document, CorpusError> {
    let (lang, detected) = match non_empty(meta.lang) {
        Some(code) => {
            let lang =
                code.parse::<Lang>().map_err(|error| CorpusError::UnknownLanguage { at: meta_at.clone(), error })?;
            (lang, false)
        }
        None => match Lang::detect(&text) {
            Some(l) => (l, true),
            None if text.trim().is_empty() => (Lang::Und, true),
            None if opts.lenient_lang => (Lang::En, true),
            None => return Err(CorpusError::UndetectableLanguage { at, id }),
        },
    };
    if text.trim().is_empty() {
        warnings.push(format!("{at}: document `{id}` is empty; loaded with no text"));
    }
    let published = match non_empty(meta.published) {
        Some(s) => Some(s.parse::<Date>().map_err(|error| CorpusError::BadDate { at: meta_at.clone(), error })?),
        None => None,
    };
    Ok(Document {
        id,
        lang,
        lang_detected: detected,
        source: non_empty(meta.source),
        published,
        title: non_empty(meta.title),
        url: non_empty(meta.url),
        text,
        origin: at,
    })
}

fn parse_jsonl(
    path: &Path,
    bytes: &[u8],
    opts: &LoadOptions,
    warnings: &mut Vec<String>,
) -> Result<Vec<Document>, CorpusError> {
    let mut docs = Vec::new();
    let mut seen: HashMap<String, Location> = HashMap::new();
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_no = i as u64 + 1;
        let Some((id, text, meta, at)) = parse_jsonl_line(path, line_no, raw)? else { continue };
        if let Some(first) = seen.get(&id) {
            return Err(CorpusError::DuplicateId { id, first: first.clone(), second: at });
        }
        seen.insert(id.clone(), at.clone());
        docs.push(build_doc(id, text, (meta, &at), at.clone(), opts, warnings)?);
    }
    Ok(docs)
}

/// One JSONL line: its id, text and metadata, or `None` for a blank line.
fn parse_jsonl_line(
    path: &Path,
    line_no: u64,
    raw: &[u8],
) -> Result<Option<(String, String, Meta, Location)>, CorpusError> {
    let at = Location::new(path, Some(line_no));
    let line =
        std::str::from_utf8(raw).map_err(|e| CorpusError::InvalidUtf8 { at: at.clone(), offset: e.valid_up_to() })?;
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    if line.trim().is_empty() {
        return Ok(None);
    }
    let jd: JsonDoc =
        serde_json::from_str(line).map_err(|e| CorpusError::Json { at: at.clone(), message: e.to_string() })?;
    let id = match jd.id {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.trim().to_owned(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(serde_json::Value::String(_)) | None | Some(serde_json::Value::Null) => {
            return Err(CorpusError::MissingField { at, field: "id" });
        }
        Some(other) => {
            return Err(CorpusError::Json { at, message: format!("`id` must be a string, found {other}") });
        }
    };
    let Some(text) = jd.text else {
        return Err(CorpusError::MissingField { at, field: "text" });
    };
    let meta = Meta { lang: jd.lang, source: jd.source, published: jd.published, title: jd.title, url: jd.url };
    Ok(Some((id, text, meta, at)))
}

#[derive(Debug, Deserialize)]
struct ManifestRow {
    id: Option<String>,
    lang: Option<String>,
    source: Option<String>,
    published: Option<String>,
    title: Option<String>,
    url: Option<String>,
}

type Manifest = (HashMap<String, (Meta, Location)>, Vec<String>);

/// Parses a `manifest.csv`; `path` names it in errors.
fn parse_manifest(path: &Path, bytes: &[u8]) -> Result<Manifest, CorpusError> {
    let mut manifest: HashMap<String, (Meta, Location)> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    let text = to_utf8(path, bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rdr = csv::ReaderBuilder::new().flexible(false).from_reader(text.as_bytes());
    let headers = rdr
        .headers()
        .map_err(|e| CorpusError::Csv { at: Location::new(path, Some(1)), message: e.to_string() })?
        .clone();
    if !headers.iter().any(|h| h == "id") {
        return Err(CorpusError::MissingField { at: Location::new(path, Some(1)), field: "id" });
    }
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map(|p| p.line());
            CorpusError::Csv { at: Location::new(path, line), message: e.to_string() }
        })?;
        let at = Location::new(path, rec.position().map(|p| p.line()));
        let row: ManifestRow =
            rec.deserialize(Some(&headers)).map_err(|e| CorpusError::Csv { at: at.clone(), message: e.to_string() })?;
        let Some(id) = non_empty(row.id) else {
            return Err(CorpusError::MissingField { at, field: "id" });
        };
        if let Some((_, first)) = manifest.get(&id) {
            return Err(CorpusError::DuplicateId { id, first: first.clone(), second: at });
        }
        order.push(id.clone());
        let meta =
            Meta { lang: row.lang, source: row.source, published: row.published, title: row.title, url: row.url };
        manifest.insert(id, (meta, at));
    }
    Ok((manifest, order))
}

/// Joins texts (id, path, bytes) with their manifest rows: manifest order first (the
/// author's intended order), then the texts the manifest does not list, by id.
/// Whether a directory entry is a document: a `.txt` file or a saved page (`.html`, `.htm`).
fn is_text_file(p: &Path) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| matches!(e, "txt" | "html" | "htm")) && p.is_file()
}

/// Refuses two files for one id (`a.txt` and `a.html`): which one is meant is not ours to guess.
fn one_file_per_id<'a>(files: impl Iterator<Item = (&'a str, &'a Path)>) -> Result<(), CorpusError> {
    let mut seen: HashMap<&str, &Path> = HashMap::new();
    for (id, path) in files {
        if let Some(first) = seen.insert(id, path) {
            return Err(CorpusError::DuplicateId {
                id: id.to_owned(),
                first: Location::new(first, None),
                second: Location::new(path, None),
            });
        }
    }
    Ok(())
}

/// A document of a directory: a `.txt` file's text as it is; a saved page's readable text,
/// with what its head says (language, title, address, publication date) filling what the
/// manifest row leaves empty.
fn file_doc(
    id: String,
    path: &Path,
    bytes: &[u8],
    row: Option<(Meta, Location)>,
    opts: &LoadOptions,
    warnings: &mut Vec<String>,
) -> Result<Document, CorpusError> {
    let text = to_utf8(path, bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let at = Location::new(path, None);
    let (mut meta, meta_at) =
        row.unwrap_or_else(|| (Meta { lang: None, source: None, published: None, title: None, url: None }, at.clone()));
    let is_html = path.extension().and_then(|e| e.to_str()).is_some_and(|e| matches!(e, "html" | "htm"));
    if !is_html {
        return build_doc(id, text.to_owned(), (meta, &meta_at), at, opts, warnings);
    }
    let page = crate::html::parse_html(text);
    let fill = |field: &mut Option<String>, value: Option<String>| {
        if non_empty(field.clone()).is_none() {
            *field = value;
        }
    };
    // A page's own language tag counts only when talign knows it (`x-default` does not).
    fill(&mut meta.lang, page.lang.filter(|l| l.parse::<Lang>().is_ok()));
    fill(&mut meta.title, page.title);
    fill(&mut meta.url, page.url);
    fill(&mut meta.published, page.published.map(|d| d.to_string()));
    build_doc(id, page.text, (meta, &meta_at), at, opts, warnings)
}

fn assemble(
    mut texts: Vec<(String, PathBuf, Vec<u8>)>,
    manifest: Option<Manifest>,
    opts: &LoadOptions,
    warnings: &mut Vec<String>,
) -> Result<Vec<Document>, CorpusError> {
    texts.sort_by(|a, b| a.0.cmp(&b.0));
    let (mut manifest, manifest_order) = manifest.unwrap_or_default();
    let text_ids: HashMap<&str, usize> = texts.iter().enumerate().map(|(i, t)| (t.0.as_str(), i)).collect();
    for id in &manifest_order {
        if !text_ids.contains_key(id.as_str()) {
            let at = manifest[id].1.clone();
            return Err(CorpusError::MissingText { at, id: id.clone() });
        }
    }
    let mut order: Vec<String> = manifest_order.clone();
    order.extend(texts.iter().filter(|t| !manifest.contains_key(&t.0)).map(|t| t.0.clone()));
    let mut docs = Vec::with_capacity(order.len());
    for id in order {
        let (_, path, bytes) = &texts[text_ids[id.as_str()]];
        let row = manifest.remove(&id);
        docs.push(file_doc(id, path, bytes, row, opts, warnings)?);
    }
    Ok(docs)
}

fn load_dir(dir: &Path, opts: &LoadOptions, warnings: &mut Vec<String>) -> Result<Vec<Document>, CorpusError> {
    let mut texts: Vec<(String, PathBuf, Vec<u8>)> = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io_err(dir))? {
        let entry = entry.map_err(io_err(dir))?;
        let p = entry.path();
        if is_text_file(&p) {
            let Some(stem) = p.file_stem().and_then(|s| s.to_str()) else {
                warnings.push(format!("{}: file name is not UTF-8; skipped", p.display()));
                continue;
            };
            let bytes = std::fs::read(&p).map_err(io_err(&p))?;
            texts.push((stem.to_owned(), p, bytes));
        }
    }
    one_file_per_id(texts.iter().map(|t| (t.0.as_str(), t.1.as_path())))?;
    let manifest_path = dir.join("manifest.csv");
    let manifest = if manifest_path.is_file() {
        let bytes = std::fs::read(&manifest_path).map_err(io_err(&manifest_path))?;
        Some(parse_manifest(&manifest_path, &bytes)?)
    } else {
        None
    };
    assemble(texts, manifest, opts, warnings)
}

/// The documents of corpora read one at a time, in the order [`Corpus::load`] gives them,
/// with the same checks: JSONL files are read a line at a time; of a directory, the file
/// names and the manifest are read first and each text when its turn comes. Duplicate ids
/// are found through a 64-bit hash of every id seen (8 bytes a document, not the ids).
pub struct DocStream {
    paths: std::vec::IntoIter<PathBuf>,
    opts: LoadOptions,
    current: Option<Source>,
    seen: std::collections::HashSet<u64>,
    warnings: Vec<String>,
    count: usize,
    names: Vec<String>,
    failed: bool,
}

impl std::fmt::Debug for DocStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DocStream").field("names", &self.names).field("count", &self.count).finish_non_exhaustive()
    }
}

enum Source {
    Jsonl { path: PathBuf, reader: std::io::BufReader<std::fs::File>, line: u64 },
    Dir { items: std::vec::IntoIter<DirItem> },
}

/// A text of a directory corpus, with its manifest row if it has one.
struct DirItem {
    id: String,
    path: PathBuf,
    meta: Option<(Meta, Location)>,
}

impl Corpus {
    /// The documents of `paths` one at a time (see [`DocStream`]).
    pub fn stream<P: AsRef<Path>>(paths: &[P], opts: &LoadOptions) -> DocStream {
        DocStream {
            paths: paths.iter().map(|p| p.as_ref().to_owned()).collect::<Vec<_>>().into_iter(),
            opts: opts.clone(),
            current: None,
            seen: std::collections::HashSet::new(),
            warnings: Vec::new(),
            count: 0,
            names: paths.iter().map(|p| p.as_ref().display().to_string()).collect(),
            failed: false,
        }
    }
}

impl DocStream {
    /// The remarks made since the last call (documents loaded empty, …).
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }

    fn open(&mut self, path: PathBuf) -> Result<Source, CorpusError> {
        let meta = std::fs::metadata(&path).map_err(io_err(&path))?;
        if meta.is_dir() {
            let mut texts: Vec<(String, PathBuf)> = Vec::new();
            for entry in std::fs::read_dir(&path).map_err(io_err(&path))? {
                let entry = entry.map_err(io_err(&path))?;
                let p = entry.path();
                if is_text_file(&p) {
                    let Some(stem) = p.file_stem().and_then(|s| s.to_str()) else {
                        self.warnings.push(format!("{}: file name is not UTF-8; skipped", p.display()));
                        continue;
                    };
                    texts.push((stem.to_owned(), p));
                }
            }
            texts.sort();
            one_file_per_id(texts.iter().map(|t| (t.0.as_str(), t.1.as_path())))?;
            let manifest_path = path.join("manifest.csv");
            let (mut manifest, order) = if manifest_path.is_file() {
                let bytes = std::fs::read(&manifest_path).map_err(io_err(&manifest_path))?;
                parse_manifest(&manifest_path, &bytes)?
            } else {
                Manifest::default()
            };
            let mut by_id: HashMap<String, PathBuf> = texts.iter().cloned().collect();
            let mut items = Vec::with_capacity(texts.len());
            for id in order {
                let Some(p) = by_id.remove(&id) else {
                    return Err(CorpusError::MissingText { at: manifest[&id].1.clone(), id });
                };
                let meta = manifest.remove(&id);
                items.push(DirItem { id, path: p, meta });
            }
            for (id, p) in texts {
                if by_id.contains_key(&id) {
                    items.push(DirItem { id, path: p, meta: None });
                }
            }
            Ok(Source::Dir { items: items.into_iter() })
        } else if path.extension().is_some_and(|e| e == "jsonl" || e == "ndjson") {
            let file = std::fs::File::open(&path).map_err(io_err(&path))?;
            Ok(Source::Jsonl { reader: std::io::BufReader::new(file), path, line: 0 })
        } else {
            Err(CorpusError::NotACorpus(path))
        }
    }

    /// The next document of the current source, if it has one.
    fn next_in_source(&mut self) -> Result<Option<Document>, CorpusError> {
        let opts = self.opts.clone();
        match self.current.as_mut() {
            None => Ok(None),
            Some(Source::Jsonl { path, reader, line }) => {
                let mut raw = Vec::new();
                loop {
                    raw.clear();
                    let n = std::io::BufRead::read_until(reader, b'\n', &mut raw).map_err(io_err(path))?;
                    if n == 0 {
                        return Ok(None);
                    }
                    *line += 1;
                    if raw.last() == Some(&b'\n') {
                        raw.pop();
                    }
                    if let Some((id, text, meta, at)) = parse_jsonl_line(path, *line, &raw)? {
                        return build_doc(id, text, (meta, &at), at.clone(), &opts, &mut self.warnings).map(Some);
                    }
                }
            }
            Some(Source::Dir { items }) => {
                let Some(item) = items.next() else { return Ok(None) };
                let bytes = std::fs::read(&item.path).map_err(io_err(&item.path))?;
                file_doc(item.id, &item.path, &bytes, item.meta, &opts, &mut self.warnings).map(Some)
            }
        }
    }

    fn next_doc(&mut self) -> Result<Option<Document>, CorpusError> {
        loop {
            if let Some(doc) = self.next_in_source()? {
                return Ok(Some(doc));
            }
            match self.paths.next() {
                Some(p) => self.current = Some(self.open(p)?),
                None if self.count == 0 => return Err(CorpusError::Empty(self.names.join(", "))),
                None => return Ok(None),
            }
        }
    }
}

impl Iterator for DocStream {
    type Item = Result<Document, CorpusError>;

    /// The next document; after an error, nothing more.
    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let doc = match self.next_doc() {
            Ok(Some(doc)) => doc,
            Ok(None) => return None,
            Err(e) => {
                self.failed = true;
                return Some(Err(e));
            }
        };
        if doc.text.len() > MAX_DOCUMENT_BYTES {
            self.failed = true;
            return Some(Err(CorpusError::TooLong {
                at: doc.origin.clone(),
                id: doc.id.clone(),
                bytes: doc.text.len(),
                max: MAX_DOCUMENT_BYTES,
            }));
        }
        let mut h = std::hash::DefaultHasher::new();
        std::hash::Hash::hash(&doc.id, &mut h);
        if !self.seen.insert(std::hash::Hasher::finish(&h)) {
            self.failed = true;
            return Some(Err(CorpusError::DuplicateInStream { at: doc.origin, id: doc.id }));
        }
        self.count += 1;
        Some(Ok(doc))
    }
}

impl Corpus {
    /// A directory corpus given as contents rather than files (for corpora embedded in a
    /// binary): `dir` names it in errors, `files` are (file name without `.txt`, text).
    pub fn from_dir_contents(dir: &str, manifest: Option<&str>, files: &[(&str, &str)]) -> Result<Corpus, CorpusError> {
        let dir = Path::new(dir);
        let texts = files
            .iter()
            .map(|(id, t)| (id.to_string(), dir.join(format!("{id}.txt")), t.as_bytes().to_vec()))
            .collect();
        let manifest = match manifest {
            Some(m) => Some(parse_manifest(&dir.join("manifest.csv"), m.as_bytes())?),
            None => None,
        };
        let mut warnings = Vec::new();
        let mut corpus = Corpus::from_docs(assemble(texts, manifest, &LoadOptions::default(), &mut warnings)?)?;
        corpus.warnings = warnings;
        Ok(corpus)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmpdir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("talign-corpus-test-{}-{}", name, std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn jsonl_errors_name_the_line() {
        let err = Corpus::from_jsonl_str("x.jsonl", "{\"id\":\"a\",\"text\":\"لاوروف\"}\n{\"id\": \"b\", \"text\": }\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("x.jsonl:2: malformed JSON"), "{err}");

        let err = Corpus::from_jsonl_str("x.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n\n{\"id\":\"a\",\"text\":\"y\"}")
            .unwrap_err()
            .to_string();
        assert_eq!(err, "x.jsonl:3: duplicate document id `a` (first seen at x.jsonl:1)");

        let err =
            Corpus::from_jsonl_str("x.jsonl", "{\"id\":\"a\",\"text\":\"x\",\"lang\":\"xx\"}").unwrap_err().to_string();
        assert!(err.contains("x.jsonl:1: unknown language `xx`"), "{err}");

        let err = Corpus::from_jsonl_str("x.jsonl", "{\"id\":\"a\"}").unwrap_err().to_string();
        assert_eq!(err, "x.jsonl:1: missing field `text`");

        // Any ISO 639 code loads, given or detected.
        let c = Corpus::from_jsonl_str(
            "x.jsonl",
            concat!(
                "{\"id\":\"ru\",\"text\":\"Лавров прибыл в Марракеш.\",\"lang\":\"ru\"}\n",
                "{\"id\":\"it\",\"text\":\"Lavrov è arrivato a Marrakech.\",\"lang\":\"ita\"}\n",
                "{\"id\":\"el\",\"text\":\"x\",\"lang\":\"el\"}\n",
                "{\"id\":\"und\",\"text\":\"x\",\"lang\":\"und\"}\n",
                "{\"id\":\"hi\",\"text\":\"रूस के विदेश मंत्री सर्गेई लावरोव ने मोरक्को में मुलाकात की।\"}\n",
            ),
        )
        .unwrap();
        let langs: Vec<&str> = c.docs().iter().map(|d| d.lang.code()).collect();
        assert_eq!(langs, ["ru", "it", "el", "und", "hi"]);

        let err = Corpus::from_jsonl_str("x.jsonl", "{\"id\":\"a\",\"text\":\"x\",\"published\":\"20 Dec\"}")
            .unwrap_err()
            .to_string();
        assert!(err.contains("x.jsonl:1: `20 Dec` is not an ISO date"), "{err}");

        // Fields beyond the ones talign reads are ignored.
        let c = Corpus::from_jsonl_str("x.jsonl", "{\"id\":\"a\",\"text\":\"x\",\"colour\":{\"r\":1}}").unwrap();
        assert_eq!(c.docs()[0].text, "x");
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let d = tmpdir("utf8");
        let p = d.join("bad.jsonl");
        std::fs::write(&p, b"{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"\xff\"}\n").unwrap();
        let err = Corpus::load(&[&p]).unwrap_err().to_string();
        assert!(err.ends_with("bad.jsonl:2: invalid UTF-8 (byte offset 18 of the line)"), "{err}");
        std::fs::write(d.join("doc.txt"), b"ok\nstill ok\n\xc3(").unwrap();
        let err = Corpus::load(&[&d]).unwrap_err().to_string();
        assert!(err.ends_with("doc.txt:3: invalid UTF-8 (byte offset 0 of the line)"), "{err}");
    }

    #[test]
    fn directory_with_manifest() {
        let d = tmpdir("dir");
        std::fs::write(d.join("b.txt"), "লাভরভ মস্কোয় ফিরেছেন।").unwrap();
        std::fs::write(d.join("a.txt"), "لاوروف به مسکو بازگشت.").unwrap();
        std::fs::write(d.join("c.txt"), "Lavrov returned to Moscow.").unwrap();
        std::fs::write(d.join("manifest.csv"), "id,lang,published\nb,bn,2024-01-02\na,,\n").unwrap();
        let c = Corpus::load(&[&d]).unwrap();
        let ids: Vec<&str> = c.docs().iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["b", "a", "c"]);
        assert_eq!(c.get("a").unwrap().lang, Lang::Fa);
        assert!(c.get("a").unwrap().lang_detected);
        assert_eq!(c.get("b").unwrap().published.unwrap().to_string(), "2024-01-02");
        assert_eq!(c.get("c").unwrap().lang, Lang::En);

        std::fs::write(d.join("manifest.csv"), "id,lang\nb,bn\nzz,fa\n").unwrap();
        let err = Corpus::load(&[&d]).unwrap_err().to_string();
        assert!(err.ends_with("manifest.csv:3: manifest names `zz` but there is no zz.txt beside it"), "{err}");

        // A bad language or date in the manifest is blamed on its row.
        std::fs::write(d.join("manifest.csv"), "id,lang,published\nb,bn,\na,xx,\n").unwrap();
        let err = Corpus::load(&[&d]).unwrap_err().to_string();
        assert!(err.contains("manifest.csv:3: unknown language `xx`"), "{err}");
        std::fs::write(d.join("manifest.csv"), "id,lang,published\nb,bn,2024-13-01\n").unwrap();
        let err = Corpus::load(&[&d]).unwrap_err().to_string();
        assert!(err.contains("manifest.csv:2: `2024-13-01` is not an ISO date"), "{err}");

        std::fs::write(d.join("manifest.csv"), "id,lang\nb,bn,extra\n").unwrap();
        let err = Corpus::load(&[&d]).unwrap_err().to_string();
        assert!(err.contains("manifest.csv:2: malformed CSV"), "{err}");
    }

    #[test]
    fn a_stream_gives_what_loading_gives() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let paths = [root.join("corpora/seeds"), root.join("corpora/ntrex-dev/articles.jsonl")];
        let loaded = Corpus::load(&paths).unwrap();
        let streamed: Vec<Document> = Corpus::stream(&paths, &LoadOptions::default()).map(Result::unwrap).collect();
        assert_eq!(loaded.docs(), &streamed[..]);

        let d = tmpdir("stream");
        let j = d.join("s.jsonl");
        std::fs::write(
            &j,
            "{\"id\":\"a\",\"text\":\"x\"}\n\n{\"id\":\"b\",\"text\":\"y\"}\n{\"id\":\"a\",\"text\":\"z\"}\n",
        )
        .unwrap();
        let got: Vec<Result<Document, CorpusError>> = Corpus::stream(&[&j], &LoadOptions::default()).collect();
        assert_eq!(got.len(), 3);
        let err = got[2].as_ref().unwrap_err().to_string();
        assert!(err.ends_with("s.jsonl:4: duplicate document id `a` (seen earlier in the input)"), "{err}");
        std::fs::write(&j, "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\": 1.5.2}\n").unwrap();
        let err = Corpus::stream(&[&j], &LoadOptions::default()).nth(1).unwrap().unwrap_err().to_string();
        assert!(err.contains("s.jsonl:2: malformed JSON"), "{err}");
        std::fs::write(&j, "\n").unwrap();
        let err = Corpus::stream(&[&j], &LoadOptions::default()).next().unwrap().unwrap_err().to_string();
        assert!(err.starts_with("no documents found in"), "{err}");
    }

    #[test]
    fn duplicate_ids_across_inputs_and_empty_inputs() {
        let d = tmpdir("dup");
        std::fs::write(d.join("a.txt"), "লাভরভ").unwrap();
        let j = d.join("more.jsonl");
        std::fs::write(&j, "{\"id\":\"a\",\"text\":\"x\"}\n").unwrap();
        let err = Corpus::load(&[d.clone(), j.clone()]).unwrap_err().to_string();
        assert!(err.contains("duplicate document id `a`"), "{err}");

        let e = d.join("empty.jsonl");
        std::fs::write(&e, "\n\n").unwrap();
        let err = Corpus::load(&[&e]).unwrap_err().to_string();
        assert!(err.starts_with("no documents found in"), "{err}");

        // An empty file is an empty document, with a warning; one without letters needs a language.
        std::fs::write(d.join("blank.txt"), "").unwrap();
        let c = Corpus::load(&[&d]).unwrap();
        assert_eq!((c.len(), c.get("blank").unwrap().lang), (2, Lang::Und));
        assert!(c.warnings()[0].contains("blank.txt: document `blank` is empty"), "{:?}", c.warnings());
        std::fs::write(d.join("digits.txt"), "১২৩").unwrap();
        let err = Corpus::load(&[&d]).unwrap_err().to_string();
        assert!(err.contains("digits.txt: cannot tell the language of document `digits`"), "{err}");
        assert!(err.contains("--lenient-lang"), "{err}");
        let ok = Corpus::load_with(&[&d], &LoadOptions { lenient_lang: true }).unwrap();
        assert_eq!(ok.len(), 3);
    }
}
