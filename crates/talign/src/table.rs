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

    /// Appends the cell as a JSON value.
    fn write_json(&self, out: &mut Vec<u8>) {
        let _ = match self {
            Cell::Str(s) => serde_json::to_writer(&mut *out, s.as_ref()),
            Cell::Num(_) => serde_json::to_writer(&mut *out, &self.json()),
            Cell::Int(i) => serde_json::to_writer(&mut *out, i),
            Cell::Null => {
                out.extend_from_slice(b"null");
                Ok(())
            }
        };
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

    /// Renders the table in `format` into `out`, through a [`TableWriter`], so that a table
    /// written a row at a time is the same bytes.
    pub fn render_to(&self, format: Format, out: &mut dyn Write) -> Result<()> {
        let mut w = TableWriter::new(format, &self.headers, out)?;
        for r in &self.rows {
            w.row(r)?;
        }
        w.finish()?;
        Ok(())
    }
}

/// The rows of a table rendered one at a time: the streaming half of [`Table`], for commands
/// that print rows as they compute them (`names normalize`, `names pair`). A table is
/// [`Rows::header`], then [`Rows::row`] for each row, then [`Rows::footer`], and the bytes are
/// those [`Table::render`] writes. Rows may be rendered into separate buffers (in parallel)
/// and written in order with [`Rows::write_rendered`], which takes care of JSON's commas.
#[derive(Debug, Clone)]
pub struct Rows {
    format: Format,
    headers: Vec<String>,
    /// JSON: each column's key, escaped, and its cell's index, in the order a JSON object
    /// prints its keys (sorted; of two equal headers the last one counts).
    keys: Vec<(String, usize)>,
}

impl Rows {
    /// Rows with these column names, in `format`.
    pub fn new<S: AsRef<str>>(headers: &[S], format: Format) -> Rows {
        let headers: Vec<String> = headers.iter().map(|h| h.as_ref().to_owned()).collect();
        let mut keys: Vec<(String, usize)> = Vec::new();
        for (i, h) in headers.iter().enumerate() {
            let key = serde_json::to_string(h).unwrap_or_default();
            match keys.iter_mut().find(|k| headers[k.1] == *h) {
                Some(k) => k.1 = i,
                None => keys.push((key, i)),
            }
        }
        keys.sort_by(|a, b| headers[a.1].cmp(&headers[b.1]));
        Rows { format, headers, keys }
    }

    /// The output format.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Appends what comes before the rows: the header row, Markdown's rule, JSON's `[`.
    pub fn header(&self, out: &mut Vec<u8>) {
        match self.format {
            Format::Csv | Format::Tsv => {
                let cells: Vec<Cell> = self.headers.iter().map(|h| Cell::from(h.as_str())).collect();
                self.delimited(&cells, out);
            }
            Format::Json => out.push(b'['),
            Format::Jsonl => {}
            Format::Markdown => {
                out.extend_from_slice(b"| ");
                out.extend_from_slice(self.headers.join(" | ").as_bytes());
                out.extend_from_slice(b" |\n|");
                out.extend_from_slice(vec!["---"; self.headers.len()].join("|").as_bytes());
                out.extend_from_slice(b"|\n");
            }
        }
    }

    /// Appends one row, one cell per column. A JSON row starts with its separator `,`, which
    /// [`Rows::write_rendered`] drops before the first row.
    pub fn row(&self, cells: &[Cell<'_>], out: &mut Vec<u8>) {
        debug_assert_eq!(cells.len(), self.headers.len(), "row width must match the header");
        match self.format {
            Format::Csv | Format::Tsv => self.delimited(cells, out),
            Format::Json => {
                // What `serde_json::to_writer_pretty` writes for an object in an array.
                if self.keys.is_empty() {
                    out.extend_from_slice(b",\n  {}");
                    return;
                }
                out.extend_from_slice(b",\n  {");
                for (i, (key, c)) in self.keys.iter().enumerate() {
                    out.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
                    out.extend_from_slice(key.as_bytes());
                    out.extend_from_slice(b": ");
                    cells[*c].write_json(out);
                }
                out.extend_from_slice(b"\n  }");
            }
            Format::Jsonl => {
                out.push(b'{');
                for (i, (key, c)) in self.keys.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    out.extend_from_slice(key.as_bytes());
                    out.push(b':');
                    cells[*c].write_json(out);
                }
                out.extend_from_slice(b"}\n");
            }
            Format::Markdown => {
                out.extend_from_slice(b"|");
                for c in cells {
                    let text = printable(c.text());
                    out.push(b' ');
                    for ch in text.chars() {
                        match ch {
                            '|' => out.extend_from_slice(b"\\|"),
                            '\n' | '\r' => out.push(b' '),
                            _ => push_char(out, ch),
                        }
                    }
                    out.extend_from_slice(b" |");
                }
                out.push(b'\n');
            }
        }
    }

    /// Appends what comes after `rows` rows: JSON's `]`.
    pub fn footer(&self, rows: usize, out: &mut Vec<u8>) {
        if self.format == Format::Json {
            out.extend_from_slice(if rows == 0 { b"]\n" } else { b"\n]\n" });
        }
    }

    /// Writes rows rendered by [`Rows::row`] to `out`; `first` says that no row was written
    /// before them.
    pub fn write_rendered(&self, rendered: &[u8], first: bool, out: &mut dyn Write) -> std::io::Result<()> {
        let bytes = match self.format {
            Format::Json if first => rendered.strip_prefix(b",").unwrap_or(rendered),
            _ => rendered,
        };
        out.write_all(bytes)
    }

    /// A CSV (RFC 4180: quoted where needed, CRLF) or TSV (tabs and line breaks as spaces,
    /// never quoted) record.
    fn delimited(&self, cells: &[Cell<'_>], out: &mut Vec<u8>) {
        // The bytes that make a cell need cleaning or quoting, for TSV ([0]) and CSV ([1]):
        // controls, DEL, the lead byte of C1 controls (and of other U+0080–U+00BF
        // characters, which `printable` leaves alone), and for CSV the comma and the quote.
        const SPECIAL: [[bool; 256]; 2] = {
            let mut t = [[false; 256]; 2];
            let mut b = 0;
            while b < 256 {
                let ctl = b < 0x20 || b == 0x7f || b == 0xc2;
                t[0][b] = ctl;
                t[1][b] = ctl || b == b',' as usize || b == b'"' as usize;
                b += 1;
            }
            t
        };
        let csv = self.format == Format::Csv;
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                out.push(if csv { b',' } else { b'\t' });
            }
            match c {
                Cell::Num(x) => {
                    let _ = write!(out, "{x:.4}");
                }
                Cell::Int(x) => {
                    let _ = write!(out, "{x}");
                }
                Cell::Null => {}
                // Most cells hold nothing to clean or quote: one scan says so.
                Cell::Str(s) if !s.bytes().any(|b| SPECIAL[usize::from(csv)][usize::from(b)]) => {
                    out.extend_from_slice(s.as_bytes());
                }
                Cell::Str(s) => {
                    let s = printable(Cow::Borrowed(s));
                    if !csv {
                        for b in s.bytes() {
                            out.push(if matches!(b, b'\t' | b'\n' | b'\r') { b' ' } else { b });
                        }
                    } else if s.bytes().any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n')) {
                        out.push(b'"');
                        for b in s.bytes() {
                            if b == b'"' {
                                out.push(b'"');
                            }
                            out.push(b);
                        }
                        out.push(b'"');
                    } else {
                        out.extend_from_slice(s.as_bytes());
                    }
                }
            }
        }
        // A record of one empty field is written `""`, so that it is not a blank line.
        if cells.len() == 1 && printable(cells[0].text()).is_empty() {
            out.extend_from_slice(b"\"\"");
        }
        out.extend_from_slice(if csv { b"\r\n" } else { b"\n" });
    }
}

/// Writes a table in a format a row at a time into its output, through [`Rows`] and a
/// buffer written out every 64 KiB: a table of any size is never held, and the bytes are
/// those [`Table::render`] writes.
pub struct TableWriter<'w> {
    rows: Rows,
    out: &'w mut dyn Write,
    /// Rows rendered and not yet written.
    buf: Vec<u8>,
    /// Whether a row has been written out (JSON's first row has no leading comma).
    written: bool,
    /// Rows so far.
    n: usize,
}

impl std::fmt::Debug for TableWriter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TableWriter").field("format", &self.rows.format).field("rows", &self.n).finish_non_exhaustive()
    }
}

impl<'w> TableWriter<'w> {
    /// Starts a table with these column names in `format`, writing its header.
    pub fn new<S: AsRef<str>>(format: Format, headers: &[S], out: &'w mut dyn Write) -> Result<TableWriter<'w>> {
        let rows = Rows::new(headers, format);
        let mut buf = Vec::with_capacity(1 << 16);
        rows.header(&mut buf);
        out.write_all(&buf)?;
        buf.clear();
        Ok(TableWriter { rows, out, buf, written: false, n: 0 })
    }

    /// Writes one row; it must have one cell per column.
    pub fn row(&mut self, row: &[Cell<'_>]) -> Result<()> {
        self.rows.row(row, &mut self.buf);
        self.n += 1;
        if self.buf.len() >= 1 << 16 {
            self.rows.write_rendered(&self.buf, !self.written, self.out)?;
            self.written = true;
            self.buf.clear();
        }
        Ok(())
    }

    /// Ends the table (the closing bracket of JSON) and flushes it; returns the number of rows.
    pub fn finish(mut self) -> Result<usize> {
        self.rows.write_rendered(&self.buf, !self.written, self.out)?;
        self.buf.clear();
        self.rows.footer(self.n, &mut self.buf);
        self.out.write_all(&self.buf)?;
        self.out.flush()?;
        Ok(self.n)
    }
}

fn push_char(out: &mut Vec<u8>, c: char) {
    let mut b = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
}

/// Text without its control characters (U+0000–U+001F and U+007F–U+009F: NUL, escape
/// sequences, …) other than tab and the line breaks, which CSV quotes. CSV, TSV and Markdown
/// never carry them (RFC 4180 text is printable); JSON and JSON Lines escape them (`\u0000`).
fn printable(s: Cow<'_, str>) -> Cow<'_, str> {
    // In UTF-8 a control character is a byte below 0x20, 0x7F, or 0xC2 followed by 0x80–0x9F;
    // a byte scan finds none in almost every cell.
    if !s.bytes().any(|x| x < 0x20 || x == 0x7f || x == 0xc2) {
        return s;
    }
    let keep = |c: char| !c.is_control() || matches!(c, '\t' | '\n' | '\r');
    Cow::Owned(s.chars().filter(|&c| keep(c)).collect())
}

/// Renders `table` in `format` into `path` atomically (temporary file + rename), or to
/// stdout for `None` / `-`, without holding the rendered bytes.
pub fn write_table(path: Option<&Path>, table: &Table<'_>, format: Format) -> Result<()> {
    write_with(path, &mut |w| table.render_to(format, w))
}

/// What writes an output into a writer.
pub type Writing<'a> = dyn FnMut(&mut dyn Write) -> Result<()> + 'a;

/// Runs `write` on `path` (written atomically, see [`write_atomic`]) or on stdout for `None`
/// / `-`. An error of `write` itself (bad input found while streaming) is returned as it is;
/// errors of the output name the user's path, never the temporary file.
pub fn write_with(path: Option<&Path>, write: &mut Writing<'_>) -> Result<()> {
    match path {
        None => write_stdout(write),
        Some(p) if p == Path::new("-") => write_stdout(write),
        Some(p) => write_atomic_with(p, write),
    }
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
    write_with(path, &mut |out| {
        let mut w = TableWriter::new(format, headers, out)?;
        rows(&mut w)?;
        n = w.finish()?;
        Ok(())
    })?;
    Ok(n)
}

/// Standard output that takes a closed pipe (`talign … | head`) for the end of the
/// output, not an error: the writer stops there, and the command ends successfully.
struct Stdout {
    out: std::io::BufWriter<std::io::StdoutLock<'static>>,
    closed: bool,
}

impl Stdout {
    fn io<T>(&mut self, op: impl FnOnce(&mut dyn Write) -> std::io::Result<T>) -> std::io::Result<T> {
        if self.closed {
            return Err(std::io::ErrorKind::BrokenPipe.into());
        }
        op(&mut self.out).map_err(|e| {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                self.closed = true;
                e
            } else {
                std::io::Error::new(e.kind(), format!("writing to standard output: {e}"))
            }
        })
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.io(|w| w.write(buf))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.io(|w| w.flush())
    }
}

fn write_stdout(write: &mut Writing<'_>) -> Result<()> {
    let mut out = Stdout { out: std::io::BufWriter::new(std::io::stdout().lock()), closed: false };
    match write(&mut out).and_then(|()| Ok(out.flush()?)) {
        Err(_) if out.closed => Ok(()),
        r => r,
    }
}

/// A file being written whose I/O errors name the file the user asked for.
struct Named<'p> {
    file: std::io::BufWriter<std::fs::File>,
    path: &'p Path,
}

impl Named<'_> {
    fn err(&self, e: std::io::Error) -> std::io::Error {
        std::io::Error::new(e.kind(), format!("writing {}: {e}", self.path.display()))
    }
}

impl Write for Named<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file.write(buf).map_err(|e| self.err(e))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush().map_err(|e| self.err(e))
    }
}

/// Checks that `path` can take an output before any work is done: not a directory, not a
/// read-only file (which an atomic rename would replace all the same), in a directory that
/// exists.
pub fn check_output(path: &Path) -> Result<()> {
    if path == Path::new("-") {
        return Ok(());
    }
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.is_dir() {
            anyhow::bail!("{}: is a directory", path.display());
        }
        if meta.is_file() && meta.permissions().readonly() {
            anyhow::bail!("{}: the file is read-only; not replaced", path.display());
        }
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if !dir.is_dir() {
        anyhow::bail!("{}: no such directory: {}", path.display(), dir.display());
    }
    Ok(())
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

/// Files written each to a temporary file beside it and renamed into place all together
/// by [`Staged::commit`], so that a run that fails or is interrupted before then leaves
/// every file as it was. The temporary files of a `Staged` dropped without committing are
/// removed. A path that exists and is not a regular file (`/dev/null`, a named pipe) is
/// written in place: renaming over it would replace the device with a file. Errors name
/// the file the user asked for, never the temporary file.
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

    /// Writes what `write` writes into a temporary file for `path` (checked first, see
    /// [`check_output`]).
    pub fn write(&mut self, path: &Path, write: &mut Writing<'_>) -> Result<()> {
        check_output(path)?;
        let into = |file: &Path, write: &mut Writing<'_>| -> Result<()> {
            let created = std::fs::File::create(file).with_context(|| format!("{}: cannot create", path.display()))?;
            let mut w = Named { file: std::io::BufWriter::new(created), path };
            write(&mut w)?;
            w.flush()?;
            Ok(())
        };
        if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
            return into(path, write);
        }
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
        let tmp: PathBuf = dir.join(format!(".{name}.tmp-{}", std::process::id()));
        // Pending before it is written, so that it is removed if writing fails.
        self.pending.push((tmp.clone(), path.to_owned()));
        into(&tmp, write)
    }

    /// Renames every temporary file into place.
    pub fn commit(mut self) -> Result<()> {
        while !self.pending.is_empty() {
            let (tmp, path) = self.pending.remove(0);
            if let Err(e) = std::fs::rename(&tmp, &path) {
                let _ = std::fs::remove_file(&tmp);
                return Err(e).with_context(|| format!("{}: cannot replace", path.display()));
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
        // A missing directory is named as the user wrote it, not as the temporary file.
        let missing = dir.join("talign-no-such-dir").join("out.csv");
        let e = write_atomic(&missing, b"x").unwrap_err().to_string();
        assert!(e.contains("out.csv: no such directory") && !e.contains(".tmp-"), "{e}");
    }

    /// A row as the JSON object `serde_json` builds (sorted keys).
    fn object(headers: &[String], row: &[Cell]) -> serde_json::Value {
        let mut m = serde_json::Map::new();
        for (h, c) in headers.iter().zip(row) {
            m.insert(h.clone(), c.json());
        }
        serde_json::Value::Object(m)
    }

    /// What the `csv` crate writes for `rows` (RFC 4180 quoting where needed, CRLF), or for
    /// TSV (never quoted), after the writer's own cleaning of each cell.
    fn csv_crate(rows: &[Vec<String>], format: Format) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .delimiter(if format == Format::Csv { b',' } else { b'\t' })
            .quote_style(if format == Format::Csv { csv::QuoteStyle::Necessary } else { csv::QuoteStyle::Never })
            .terminator(if format == Format::Csv { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') })
            .from_writer(Vec::new());
        for r in rows {
            w.write_record(r.iter().map(|c| {
                let c = printable(Cow::Borrowed(c.as_str())).into_owned();
                if format == Format::Tsv { c.replace(['\t', '\n', '\r'], " ") } else { c }
            }))
            .unwrap();
        }
        w.into_inner().unwrap()
    }

    proptest::proptest! {
        #[test]
        fn csv_and_tsv_are_what_the_csv_crate_writes(
            rows in proptest::collection::vec(proptest::collection::vec("[a-z,\"\r\n\t |\u{0}\u{1}\u{85}ل ]{0,6}", 3), 0..6),
            width in 1usize..4,
        ) {
            let rows: Vec<Vec<String>> = rows.into_iter().map(|mut r| { r.truncate(width); r }).collect();
            let headers: Vec<String> = (0..width).map(|i| format!("h{i}")).collect();
            let mut t = Table::new(&headers);
            for r in &rows {
                t.push(r.iter().map(|c| Cell::from(c.as_str())).collect());
            }
            let mut all = vec![headers.clone()];
            all.extend(rows.iter().cloned());
            for format in [Format::Csv, Format::Tsv] {
                proptest::prop_assert_eq!(t.render(format).unwrap(), csv_crate(&all, format));
            }
        }
    }

    #[test]
    fn rows_rendered_apart_are_the_table() {
        let t = sample();
        for format in [Format::Csv, Format::Tsv, Format::Json, Format::Jsonl, Format::Markdown] {
            let rows = Rows::new(&t.headers, format);
            let mut out = Vec::new();
            let mut head = Vec::new();
            rows.header(&mut head);
            out.extend_from_slice(&head);
            for (i, r) in t.rows.iter().enumerate() {
                let mut one = Vec::new();
                rows.row(r, &mut one);
                rows.write_rendered(&one, i == 0, &mut out).unwrap();
            }
            let mut tail = Vec::new();
            rows.footer(t.rows.len(), &mut tail);
            out.extend_from_slice(&tail);
            assert_eq!(String::from_utf8(out).unwrap(), String::from_utf8(t.render(format).unwrap()).unwrap());
        }
    }

    #[test]
    fn no_control_characters_in_text_formats() {
        let mut t = Table::new(&["a", "b"]);
        t.push(vec!["x\u{0}y\u{1b}[31m".into(), "l1\nl2\u{7f}".into()]);
        assert_eq!(t.render(Format::Csv).unwrap(), b"a,b\r\nxy[31m,\"l1\nl2\"\r\n");
        assert_eq!(t.render(Format::Tsv).unwrap(), b"a\tb\nxy[31m\tl1 l2\n");
        let md = String::from_utf8(t.render(Format::Markdown).unwrap()).unwrap();
        assert!(md.ends_with("| xy[31m | l1 l2 |\n"), "{md}");
        let jl = String::from_utf8(t.render(Format::Jsonl).unwrap()).unwrap();
        assert_eq!(jl, "{\"a\":\"x\\u0000y\\u001b[31m\",\"b\":\"l1\\nl2\u{7f}\"}\n");
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
            let rows: Vec<serde_json::Value> = t.rows.iter().map(|r| object(&t.headers, r)).collect();
            let mut whole = serde_json::to_vec_pretty(&rows).unwrap();
            whole.push(b'\n');
            assert_eq!(String::from_utf8(t.render(Format::Json).unwrap()).unwrap(), String::from_utf8(whole).unwrap());
        }
        let tsv = String::from_utf8(t.render(Format::Tsv).unwrap()).unwrap();
        assert!(tsv.starts_with("left\tright\tscore\n"));
    }
}
