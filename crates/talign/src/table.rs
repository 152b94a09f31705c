//! Tables and their output formats: CSV (RFC 4180), TSV, JSON, JSON Lines and Markdown.
//! Output to a file is written to a temporary file beside it and renamed into place,
//! so that a failed run never leaves a partial file behind. A table is rendered straight
//! into its destination ([`write_table`]), so a large table is never held twice.

use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::ValueEnum;

/// The output formats every table command accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// RFC 4180 CSV with a header row.
    #[default]
    Csv,
    /// Tab-separated values with a header row; tabs and newlines inside cells become spaces.
    Tsv,
    /// One JSON array of objects.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// A GitHub-flavoured Markdown table.
    Markdown,
}

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Markdown => "md",
        }
    }
}

/// A table cell. Text borrowed from what the table shows stays borrowed, so that a large
/// table (the links of a big corpus, with their evidence) does not copy it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    /// Text.
    Str(Cow<'a, str>),
    /// A score or other real number, printed with 4 decimals.
    Num(f64),
    /// An integer.
    Int(i64),
    /// Nothing (empty in CSV, null in JSON).
    Null,
}

impl Cell<'_> {
    fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Str(s) => Cow::Borrowed(s),
            Cell::Num(x) => format!("{x:.4}").into(),
            Cell::Int(i) => i.to_string().into(),
            Cell::Null => "".into(),
        }
    }

    fn json(&self) -> serde_json::Value {
        match self {
            Cell::Str(s) => serde_json::Value::String(s.to_string()),
            Cell::Num(x) => {
                let rounded = (x * 10_000.0).round() / 10_000.0;
                serde_json::Number::from_f64(rounded).map_or(serde_json::Value::Null, serde_json::Value::Number)
            }
            Cell::Int(i) => serde_json::Value::from(*i),
            Cell::Null => serde_json::Value::Null,
        }
    }
}

impl From<String> for Cell<'_> {
    fn from(s: String) -> Self {
        Cell::Str(Cow::Owned(s))
    }
}

impl<'a> From<&'a str> for Cell<'a> {
    fn from(s: &'a str) -> Self {
        Cell::Str(Cow::Borrowed(s))
    }
}

impl From<f32> for Cell<'_> {
    fn from(x: f32) -> Self {
        Cell::Num(f64::from(x))
    }
}

impl From<f64> for Cell<'_> {
    fn from(x: f64) -> Self {
        Cell::Num(x)
    }
}

impl From<usize> for Cell<'_> {
    fn from(x: usize) -> Self {
        Cell::Int(x as i64)
    }
}

impl<'a, T: Into<Cell<'a>>> From<Option<T>> for Cell<'a> {
    fn from(x: Option<T>) -> Self {
        x.map_or(Cell::Null, Into::into)
    }
}

/// A table: a header and rows of cells, which may borrow their text for `'a`.
#[derive(Debug, Clone, Default)]
pub struct Table<'a> {
    headers: Vec<String>,
    rows: Vec<Vec<Cell<'a>>>,
}

impl<'a> Table<'a> {
    /// An empty table with these column names.
    pub fn new<S: AsRef<str>>(headers: &[S]) -> Self {
        Table { headers: headers.iter().map(|s| s.as_ref().to_owned()).collect(), rows: Vec::new() }
    }

    /// Adds a row; it must have one cell per column.
    pub fn push(&mut self, row: Vec<Cell<'a>>) {
        debug_assert_eq!(row.len(), self.headers.len(), "row width must match the header");
        self.rows.push(row);
    }

    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.rows.len()
    }

    /// Renders the table in `format`.
    pub fn render(&self, format: Format) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        self.render_to(format, &mut out)?;
        Ok(out)
    }

    /// Renders the table in `format` into `out`.
    pub fn render_to(&self, format: Format, out: &mut dyn Write) -> Result<()> {
        let mut w = TableWriter::new(format, &self.headers, out)?;
        for r in &self.rows {
            w.row(r)?;
        }
        w.finish()?;
        Ok(())
    }

    #[cfg(test)]
    fn object(&self, row: &[Cell]) -> serde_json::Value {
        object(&self.headers, row)
    }
}

/// A row as a JSON object, its cells under their column names.
fn object(headers: &[String], row: &[Cell]) -> serde_json::Value {
    let mut m = serde_json::Map::new();
    for (h, c) in headers.iter().zip(row) {
        m.insert(h.clone(), c.json());
    }
    serde_json::Value::Object(m)
}

/// Writes a table in a format a row at a time, straight into its output: a table of any
/// size is never held. [`Table::render_to`] writes through one, so both write the same bytes.
pub struct TableWriter<'w> {
    format: Format,
    headers: Vec<String>,
    out: Sink<'w>,
    rows: usize,
}

impl std::fmt::Debug for TableWriter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TableWriter").field("format", &self.format).field("rows", &self.rows).finish_non_exhaustive()
    }
}

/// Where a [`TableWriter`] writes: through the CSV writer (CSV and TSV), or straight.
enum Sink<'w> {
    Csv(Box<csv::Writer<&'w mut dyn Write>>),
    Plain(&'w mut dyn Write),
}

impl<'w> TableWriter<'w> {
    /// Starts a table with these column names in `format`, writing its header.
    pub fn new<S: AsRef<str>>(format: Format, headers: &[S], out: &'w mut dyn Write) -> Result<TableWriter<'w>> {
        let headers: Vec<String> = headers.iter().map(|h| h.as_ref().to_owned()).collect();
        let out = match format {
            Format::Csv | Format::Tsv => Sink::Csv(Box::new(
                csv::WriterBuilder::new()
                    .delimiter(if format == Format::Csv { b',' } else { b'\t' })
                    .quote_style(if format == Format::Csv {
                        csv::QuoteStyle::Necessary
                    } else {
                        csv::QuoteStyle::Never
                    })
                    .terminator(if format == Format::Csv { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') })
                    .from_writer(out),
            )),
            Format::Json => {
                out.write_all(b"[")?;
                Sink::Plain(out)
            }
            Format::Jsonl => Sink::Plain(out),
            Format::Markdown => {
                writeln!(out, "| {} |", headers.join(" | "))?;
                writeln!(out, "|{}|", vec!["---"; headers.len()].join("|"))?;
                Sink::Plain(out)
            }
        };
        let mut w = TableWriter { format, headers, out, rows: 0 };
        if let Sink::Csv(c) = &mut w.out {
            c.write_record(w.headers.iter().map(|h| clean_tsv(format, h.into())))?;
        }
        Ok(w)
    }

    /// Writes one row; it must have one cell per column.
    pub fn row(&mut self, row: &[Cell<'_>]) -> Result<()> {
        debug_assert_eq!(row.len(), self.headers.len(), "row width must match the header");
        let format = self.format;
        match &mut self.out {
            Sink::Csv(w) => w.write_record(row.iter().map(|c| clean_tsv(format, c.text())))?,
            Sink::Plain(out) => match format {
                Format::Json => {
                    // What `serde_json::to_writer_pretty` writes for the array of row
                    // objects, one object at a time (JSON strings hold no raw line breaks,
                    // so each line of an object is indented as a whole).
                    out.write_all(if self.rows == 0 { b"\n" } else { b",\n" })?;
                    let object = serde_json::to_string_pretty(&object(&self.headers, row))?;
                    for (j, line) in object.split('\n').enumerate() {
                        out.write_all(if j == 0 { b"  " } else { b"\n  " })?;
                        out.write_all(line.as_bytes())?;
                    }
                }
                Format::Jsonl => {
                    serde_json::to_writer(&mut *out, &object(&self.headers, row))?;
                    out.write_all(b"\n")?;
                }
                Format::Markdown => {
                    let esc = |s: Cow<'_, str>| s.replace('|', "\\|").replace(['\n', '\r'], " ");
                    let cells: Vec<String> = row.iter().map(|c| esc(c.text())).collect();
                    writeln!(out, "| {} |", cells.join(" | "))?;
                }
                Format::Csv | Format::Tsv => unreachable!("CSV and TSV are written through the CSV writer"),
            },
        }
        self.rows += 1;
        Ok(())
    }

    /// Ends the table (the closing bracket of JSON) and flushes it; returns the number of rows.
    pub fn finish(self) -> Result<usize> {
        match self.out {
            Sink::Csv(mut w) => w.flush()?,
            Sink::Plain(out) => {
                if self.format == Format::Json {
                    out.write_all(if self.rows == 0 { b"]\n" } else { b"\n]\n" })?;
                }
                out.flush()?;
            }
        }
        Ok(self.rows)
    }
}

/// A cell as TSV writes it (tabs and line breaks become spaces); as it is for other formats.
fn clean_tsv(format: Format, s: Cow<'_, str>) -> String {
    if format == Format::Tsv { s.replace(['\t', '\n', '\r'], " ") } else { s.into_owned() }
}

/// Renders `table` in `format` into `path` atomically (temporary file + rename), or to
/// stdout for `None` / `-`, without holding the rendered bytes.
pub fn write_table(path: Option<&Path>, table: &Table<'_>, format: Format) -> Result<()> {
    write_output_with(path, &mut |w| table.render_to(format, w))
}

/// What writes an output into a writer.
pub type Writing<'a> = dyn FnMut(&mut dyn Write) -> Result<()> + 'a;

fn write_output_with(path: Option<&Path>, write: &mut Writing<'_>) -> Result<()> {
    match path {
        None => write_stdout(write),
        Some(p) if p == Path::new("-") => write_stdout(write),
        Some(p) => write_atomic_with(p, write),
    }
}

/// Standard output that takes a closed pipe (`talign … | head`) for the end of the
/// output, not an error: what comes after it is dropped.
struct Stdout {
    out: std::io::BufWriter<std::io::StdoutLock<'static>>,
    closed: bool,
}

impl Stdout {
    fn io<T>(&mut self, op: impl FnOnce(&mut dyn Write) -> std::io::Result<T>, done: T) -> std::io::Result<T> {
        if self.closed {
            return Ok(done);
        }
        match op(&mut self.out) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(done)
            }
            r => r,
        }
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.io(|w| w.write(buf), buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.io(|w| w.flush(), ())
    }
}

fn write_stdout(write: &mut Writing<'_>) -> Result<()> {
    let mut out = Stdout { out: std::io::BufWriter::new(std::io::stdout().lock()), closed: false };
    write(&mut out).and_then(|()| Ok(out.flush()?)).context("writing to standard output")
}

/// Writes `bytes` to `path` through a temporary file in the same directory. A path that
/// exists and is not a regular file (`/dev/null`, a named pipe) is written in place: renaming
/// over it would replace the device with a file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, &mut |w| Ok(w.write_all(bytes)?))
}

/// Like [`write_atomic`], with what `write` writes; the temporary file is removed when it fails.
fn write_atomic_with(path: &Path, write: &mut Writing<'_>) -> Result<()> {
    let mut staged = Staged::new();
    staged.write(path, write)?;
    staged.commit()
}

/// Renders a table produced a row at a time (by `rows`, into the writer it is given) in
/// `format` into `path` atomically, or to stdout for `None` / `-`; returns its number of rows.
pub fn write_rows<S: AsRef<str>>(
    path: Option<&Path>,
    format: Format,
    headers: &[S],
    rows: &mut dyn FnMut(&mut TableWriter<'_>) -> Result<()>,
) -> Result<usize> {
    let mut n = 0;
    write_output_with(path, &mut |out| {
        let mut w = TableWriter::new(format, headers, out)?;
        rows(&mut w)?;
        n = w.finish()?;
        Ok(())
    })?;
    Ok(n)
}

/// Files written each to a temporary file beside it and renamed into place all together
/// by [`Staged::commit`], so that a run that fails or is interrupted before then leaves
/// every file as it was. The temporary files of a `Staged` dropped without committing are
/// removed. A path that exists and is not a regular file (`/dev/null`, a named pipe) is
/// written in place: renaming over it would replace the device with a file.
#[derive(Debug, Default)]
pub struct Staged {
    /// (temporary file, destination), in the order written.
    pending: Vec<(PathBuf, PathBuf)>,
}

impl Staged {
    /// Nothing written yet.
    pub fn new() -> Staged {
        Staged::default()
    }

    /// Writes what `write` writes into a temporary file for `path`.
    pub fn write(&mut self, path: &Path, write: &mut Writing<'_>) -> Result<()> {
        let into = |file: &Path, write: &mut Writing<'_>| -> Result<()> {
            let mut w = std::io::BufWriter::new(std::fs::File::create(file)?);
            write(&mut w)?;
            w.flush()?;
            Ok(())
        };
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.is_dir() {
                anyhow::bail!("{}: is a directory", path.display());
            }
            if !meta.is_file() {
                return into(path, write).with_context(|| format!("writing {}", path.display()));
            }
        }
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
        let tmp: PathBuf = dir.join(format!(".{name}.tmp-{}", std::process::id()));
        // Pending before it is written, so that it is removed if writing fails.
        self.pending.push((tmp.clone(), path.to_owned()));
        into(&tmp, write).with_context(|| format!("writing {}", tmp.display()))
    }

    /// Renames every temporary file into place.
    pub fn commit(mut self) -> Result<()> {
        while !self.pending.is_empty() {
            let (tmp, path) = self.pending.remove(0);
            if let Err(e) = std::fs::rename(&tmp, &path) {
                let _ = std::fs::remove_file(&tmp);
                return Err(e).with_context(|| format!("renaming {} to {}", tmp.display(), path.display()));
            }
        }
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        for (tmp, _) in &self.pending {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table<'static> {
        let mut t = Table::new(&["left", "right", "score"]);
        t.push(vec!["ল্যাভরভ".into(), "Lavrov, Sergey".into(), Cell::Num(0.91234)]);
        t.push(vec!["a|b".into(), Cell::Null, Cell::Num(0.1)]);
        t
    }

    #[test]
    fn csv_is_rfc4180() {
        let s = String::from_utf8(sample().render(Format::Csv).unwrap()).unwrap();
        assert_eq!(s, "left,right,score\r\nল্যাভরভ,\"Lavrov, Sergey\",0.9123\r\na|b,,0.1000\r\n");
    }

    #[test]
    #[cfg(unix)]
    fn writing_to_dev_null_leaves_the_device_alone() {
        use std::os::unix::fs::FileTypeExt;
        write_atomic(Path::new("/dev/null"), b"x").unwrap();
        assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
        let dir = std::env::temp_dir();
        assert!(write_atomic(&dir, b"x").unwrap_err().to_string().contains("is a directory"));
    }

    /// Files staged together replace what was there only when committed; a failure or a
    /// drop before then leaves every old file whole and no temporary file behind.
    #[test]
    fn staged_files_replace_the_old_ones_only_together() {
        let dir = std::env::temp_dir().join(format!("talign-staged-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (a, b) = (dir.join("a.csv"), dir.join("b.csv"));
        std::fs::write(&a, "old a").unwrap();
        std::fs::write(&b, "old b").unwrap();
        let listing = || {
            let mut names: Vec<String> = std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            names
        };
        // The second file fails half-way.
        let mut staged = Staged::new();
        staged.write(&a, &mut |w| Ok(w.write_all(b"new a")?)).unwrap();
        let failed = staged.write(&b, &mut |w| {
            w.write_all(b"half")?;
            anyhow::bail!("interrupted")
        });
        assert!(failed.is_err());
        drop(staged);
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "old a");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "old b");
        assert_eq!(listing(), ["a.csv", "b.csv"]);
        // Written in full and committed: both are replaced.
        let mut staged = Staged::new();
        staged.write(&a, &mut |w| Ok(w.write_all(b"new a")?)).unwrap();
        staged.write(&b, &mut |w| Ok(w.write_all(b"new b")?)).unwrap();
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "old a", "nothing is replaced before the commit");
        staged.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "new a");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "new b");
        assert_eq!(listing(), ["a.csv", "b.csv"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn other_formats() {
        let t = sample();
        let md = String::from_utf8(t.render(Format::Markdown).unwrap()).unwrap();
        assert!(md.contains("| a\\|b |  | 0.1000 |"), "{md}");
        let jl = String::from_utf8(t.render(Format::Jsonl).unwrap()).unwrap();
        assert_eq!(jl.lines().next().unwrap(), r#"{"left":"ল্যাভরভ","right":"Lavrov, Sergey","score":0.9123}"#);
        let js: serde_json::Value = serde_json::from_slice(&t.render(Format::Json).unwrap()).unwrap();
        assert_eq!(js[1]["right"], serde_json::Value::Null);
        // JSON is written a row at a time, the same as the whole array pretty-printed.
        for t in [t.clone(), Table::new(&["a", "b"]), Table::new::<&str>(&[])] {
            let rows: Vec<serde_json::Value> = t.rows.iter().map(|r| t.object(r)).collect();
            let mut whole = serde_json::to_vec_pretty(&rows).unwrap();
            whole.push(b'\n');
            assert_eq!(String::from_utf8(t.render(Format::Json).unwrap()).unwrap(), String::from_utf8(whole).unwrap());
        }
        let tsv = String::from_utf8(t.render(Format::Tsv).unwrap()).unwrap();
        assert!(tsv.starts_with("left\tright\tscore\n"));
    }
}
