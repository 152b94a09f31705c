//! Reading name lists: UTF-8 text, one name per line, blank lines skipped, `-` for stdin.
//! A list is read whole ([`read_name_list`], for the candidates of `names pair`) or in
//! chunks of whole lines ([`ChunkReader`]) into buffers that are reused, so that a command
//! streaming a list holds a few chunks whatever its length. A NUL byte is refused with its
//! line: it is what a UTF-16 file looks like when read as UTF-8.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result, bail};

/// One name with the line it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameLine {
    /// 1-based line number.
    pub line: usize,
    /// The line as written (without its line ending).
    pub text: String,
}

/// How a name list is named in messages: its path, or `<stdin>`.
pub fn label(path: &Path) -> String {
    if path == Path::new("-") { "<stdin>".to_string() } else { path.display().to_string() }
}

/// Adds lexicon tables (files with the columns of the curated ones) to the built-in
/// lexicon, for the rest of the process (`--lexicon`); before anything reads it. A file
/// that cannot be read, is not UTF-8, or has a bad row is an error naming file and line.
pub fn extend_lexicon<P: AsRef<Path>>(paths: &[P]) -> Result<()> {
    if paths.is_empty() {
        return Ok(());
    }
    let mut texts = Vec::with_capacity(paths.len());
    for path in paths {
        let path = path.as_ref();
        let label = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| anyhow::anyhow!("{label}: cannot read the lexicon table: {e}"))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            anyhow::anyhow!("{label}:{line}: not UTF-8 text")
        })?;
        texts.push((label, text));
    }
    let tables: Vec<(&str, &str)> = texts.iter().map(|(l, t)| (l.as_str(), t.as_str())).collect();
    talign_names::lexicon::Lexicon::extend_builtin(&tables)?;
    Ok(())
}

/// Reads a name list from a file, or stdin for `-`.
pub fn read_name_list(path: &Path) -> Result<Vec<NameLine>> {
    let mut reader = ChunkReader::open(path)?;
    let mut chunk = Chunk::default();
    let mut out = Vec::new();
    while reader.fill(&mut chunk, 1 << 20)? {
        for name in chunk.names(reader.label()) {
            let (line, text) = name?;
            out.push(NameLine { line, text: text.to_owned() });
        }
    }
    Ok(out)
}

/// Parses a name list held in memory; `label` names the input in errors.
#[cfg(test)]
pub fn parse_name_list(label: &str, bytes: &[u8]) -> Result<Vec<NameLine>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let chunk = Chunk { bytes: bytes.to_vec(), first_line: 1 };
    chunk.names(label).map(|n| n.map(|(line, text)| NameLine { line, text: text.to_owned() })).collect()
}

/// Whole lines of a name list, and the number of the first.
#[derive(Debug, Default)]
pub struct Chunk {
    /// The lines, each ended by `\n` but perhaps the last of the list.
    pub bytes: Vec<u8>,
    /// 1-based number of the first line.
    pub first_line: usize,
}

impl Chunk {
    /// The names of the chunk with their line numbers, blank lines skipped; a line that is
    /// not UTF-8 or holds a NUL byte is an error naming `label` and the line.
    pub fn names<'a>(&'a self, label: &'a str) -> impl Iterator<Item = Result<(usize, &'a str)>> + 'a {
        let body = self.bytes.strip_suffix(b"\n").unwrap_or(&self.bytes);
        let lines = if self.bytes.is_empty() { None } else { Some(body.split(|&b| b == b'\n')) };
        lines.into_iter().flatten().enumerate().filter_map(move |(i, raw)| {
            let line = self.first_line + i;
            let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
            let text = match std::str::from_utf8(raw) {
                Ok(t) => t,
                Err(e) => {
                    return Some(Err(anyhow::anyhow!(
                        "{label}:{line}: invalid UTF-8 (byte offset {} of the line)",
                        e.valid_up_to()
                    )));
                }
            };
            if let Some(at) = text.find('\0') {
                return Some(Err(anyhow::anyhow!(
                    "{label}:{line}: NUL byte (byte offset {at} of the line); a name list is UTF-8 text (a UTF-16 file reads like this)"
                )));
            }
            if text.trim().is_empty() { None } else { Some(Ok((line, text))) }
        })
    }
}

/// Reads a name list in chunks of whole lines.
pub struct ChunkReader {
    label: String,
    source: Box<dyn Read>,
    /// The start of a line read past the end of the last chunk.
    carry: Vec<u8>,
    next_line: usize,
    started: bool,
    done: bool,
}

impl std::fmt::Debug for ChunkReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChunkReader").field("label", &self.label).field("next_line", &self.next_line).finish()
    }
}

impl ChunkReader {
    /// Opens a name list, or stdin for `-`.
    pub fn open(path: &Path) -> Result<ChunkReader> {
        let source: Box<dyn Read> = if path == Path::new("-") {
            Box::new(std::io::stdin())
        } else {
            match std::fs::File::open(path) {
                Ok(f) if f.metadata().is_ok_and(|m| m.is_dir()) => bail!("{}: is a directory", path.display()),
                Ok(f) => Box::new(f),
                Err(e) => bail!("{}: {e}", path.display()),
            }
        };
        Ok(ChunkReader::new(label(path), source))
    }

    /// A reader of `source`, named `label` in messages.
    pub fn new(label: String, source: Box<dyn Read>) -> ChunkReader {
        ChunkReader { label, source, carry: Vec::new(), next_line: 1, started: false, done: false }
    }

    /// How the list is named in messages.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// Fills `chunk` with the next whole lines, about `size` bytes of them (more when a
    /// line is longer); false when the list is over.
    pub fn fill(&mut self, chunk: &mut Chunk, size: usize) -> Result<bool> {
        chunk.bytes.clear();
        chunk.bytes.append(&mut self.carry);
        chunk.first_line = self.next_line;
        // Bytes before this offset hold no line end (the carry never does), so that a long
        // line is searched once, not once per read.
        let mut searched = 0;
        loop {
            let cut = if chunk.bytes.len() >= size {
                let found = chunk.bytes[searched..].iter().rposition(|&b| b == b'\n').map(|i| searched + i);
                searched = chunk.bytes.len();
                found
            } else {
                None
            };
            if let Some(cut) = cut {
                self.carry.extend_from_slice(&chunk.bytes[cut + 1..]);
                chunk.bytes.truncate(cut + 1);
                break;
            }
            if self.done {
                break;
            }
            let start = chunk.bytes.len();
            chunk.bytes.resize(start + size.max(4096), 0);
            let n = loop {
                match self.source.read(&mut chunk.bytes[start..]) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => bail!("{}: {e}", self.label),
                }
            };
            chunk.bytes.truncate(start + n);
            if n == 0 {
                self.done = true;
            }
            // A byte order mark at the start of the list is not part of its first name.
            if !self.started {
                const BOM: &[u8] = b"\xEF\xBB\xBF";
                if chunk.bytes.starts_with(BOM) {
                    chunk.bytes.drain(..3);
                    self.started = true;
                } else if !BOM.starts_with(&chunk.bytes) || self.done {
                    self.started = true;
                }
            }
        }
        self.next_line += chunk.bytes.iter().filter(|&&b| b == b'\n').count();
        Ok(!chunk.bytes.is_empty())
    }
}

/// Reads a statistics file written by `talign corpus stats` (see [`talign_events::stats`]);
/// the error names the file, and the line and column where it stops being one.
pub fn read_stats(path: &Path) -> Result<talign_events::stats::Stats> {
    let text = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let file: talign_events::stats::StatsFile = serde_json::from_slice(&text).map_err(|e| {
        anyhow::anyhow!(
            "{}:{}:{}: not a statistics file written by `talign corpus stats`: {e}",
            path.display(),
            e.line(),
            e.column()
        )
    })?;
    let format = file.format.clone();
    talign_events::stats::Stats::from_file(file).ok_or_else(|| {
        anyhow::anyhow!(
            "{}: written as `{format}`, but this talign reads `{}`: run `talign corpus stats` again",
            path.display(),
            talign_events::stats::FORMAT
        )
    })
}

/// `stats` as the JSON file `talign corpus stats` writes (one line).
pub fn stats_json(stats: &talign_events::stats::Stats) -> Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec(&stats.to_file())?;
    bytes.push(b'\n');
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_blank_lines_and_reports_bad_bytes() {
        let l = parse_name_list("x.txt", "ল্যাভরভ\r\n\n  \nلاوروف".as_bytes()).unwrap();
        assert_eq!(l.len(), 2);
        assert_eq!(l[1], NameLine { line: 4, text: "لاوروف".into() });
        let e = parse_name_list("x.txt", b"ok\nbad \xff\n").unwrap_err().to_string();
        assert_eq!(e, "x.txt:2: invalid UTF-8 (byte offset 4 of the line)");
        assert!(parse_name_list("x.txt", b"").unwrap().is_empty());
        let e = parse_name_list("x.txt", b"ok\n\nL\0a\0").unwrap_err().to_string();
        assert!(e.starts_with("x.txt:3: NUL byte (byte offset 1 of the line)"), "{e}");
    }

    /// Chunks of any size give the lines, numbers and errors of the list read whole.
    #[test]
    fn chunks_are_the_list_read_whole() {
        let text = "\u{feff}ল্যাভরভ\r\n\nلاوروف\nLavrov\n\n\nx\ny".repeat(7);
        let bytes = text.as_bytes();
        let whole = parse_name_list("x", bytes).unwrap();
        for size in [1, 2, 3, 5, 8, 64, 1 << 20] {
            let mut r = ChunkReader::new("x".into(), Box::new(std::io::Cursor::new(bytes.to_vec())));
            let mut chunk = Chunk::default();
            let mut got = Vec::new();
            while r.fill(&mut chunk, size).unwrap() {
                for n in chunk.names("x") {
                    let (line, text) = n.unwrap();
                    got.push(NameLine { line, text: text.to_owned() });
                }
            }
            assert_eq!(got, whole, "chunks of {size}");
        }
        let mut r = ChunkReader::new("x".into(), Box::new(std::io::Cursor::new(b"a\nb\nc\xff\n".to_vec())));
        let mut chunk = Chunk::default();
        let mut errors = Vec::new();
        while r.fill(&mut chunk, 2).unwrap() {
            errors.extend(chunk.names("x").filter_map(|n| n.err().map(|e| e.to_string())));
        }
        assert_eq!(errors, ["x:3: invalid UTF-8 (byte offset 1 of the line)"]);
    }
}
