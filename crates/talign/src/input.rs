//! Reading name lists: UTF-8 text, one name per line, blank lines skipped, `-` for stdin.

use std::io::Read;
use std::path::Path;

use anyhow::{Result, bail};

/// One name with the line it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameLine {
    /// 1-based line number.
    pub line: usize,
    /// The line as written (without its line ending).
    pub text: String,
}

/// Reads a name list from a file, or stdin for `-`.
pub fn read_name_list(path: &Path) -> Result<Vec<NameLine>> {
    let (label, bytes) = if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin().lock().read_to_end(&mut buf).map_err(|e| anyhow::anyhow!("<stdin>: {e}"))?;
        ("<stdin>".to_string(), buf)
    } else {
        let b = std::fs::read(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        (path.display().to_string(), b)
    };
    parse_name_list(&label, &bytes)
}

/// Parses a name list; `label` names the input in errors.
pub fn parse_name_list(label: &str, bytes: &[u8]) -> Result<Vec<NameLine>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut out = Vec::new();
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let text = match std::str::from_utf8(raw) {
            Ok(t) => t,
            Err(e) => bail!("{label}:{}: invalid UTF-8 (byte offset {} of the line)", i + 1, e.valid_up_to()),
        };
        if text.trim().is_empty() {
            continue;
        }
        out.push(NameLine { line: i + 1, text: text.to_owned() });
    }
    Ok(out)
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
    }
}
