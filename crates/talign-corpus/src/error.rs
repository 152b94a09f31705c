//! Errors of corpus loading, each naming the file and line at fault.

use std::fmt;
use std::path::PathBuf;

/// A place in an input file.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The file.
    pub path: PathBuf,
    /// 1-based line number, where it makes sense.
    pub line: Option<u64>,
}

impl Location {
    /// A location at `line` of `path`.
    pub fn new(path: impl Into<PathBuf>, line: Option<u64>) -> Location {
        Location { path: path.into(), line }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}", self.path.display(), l),
            None => write!(f, "{}", self.path.display()),
        }
    }
}

/// Why a corpus could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The file or directory could not be read. (The I/O error is part of the message and
    /// not a `source`, so that an error chain printed whole does not say it twice.)
    #[error("{path}: {error}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The I/O error.
        error: std::io::Error,
    },
    /// A file is not valid UTF-8.
    #[error("{at}: invalid UTF-8 (byte offset {offset} of the line)")]
    InvalidUtf8 {
        /// Where.
        at: Location,
        /// Byte offset within the line of the first invalid byte.
        offset: usize,
    },
    /// A JSONL line is not a valid document.
    #[error("{at}: malformed JSON: {message}")]
    Json {
        /// Where.
        at: Location,
        /// What the parser said.
        message: String,
    },
    /// A manifest row is malformed.
    #[error("{at}: malformed CSV: {message}")]
    Csv {
        /// Where.
        at: Location,
        /// What is wrong.
        message: String,
    },
    /// A required field is missing or empty.
    #[error("{at}: missing field `{field}`")]
    MissingField {
        /// Where.
        at: Location,
        /// The field.
        field: &'static str,
    },
    /// The same id names two documents.
    #[error("{second}: duplicate document id `{id}` (first seen at {first})")]
    DuplicateId {
        /// The id.
        id: String,
        /// Its first occurrence.
        first: Location,
        /// The repeated occurrence.
        second: Location,
    },
    /// The same id names two documents of a stream (see [`crate::DocStream`], which keeps a
    /// 64-bit hash of every id rather than where each was seen).
    #[error("{at}: duplicate document id `{id}` (seen earlier in the input)")]
    DuplicateInStream {
        /// The repeated occurrence.
        at: Location,
        /// The id.
        id: String,
    },
    /// A language code is not one talign knows.
    #[error("{at}: {error}")]
    UnknownLanguage {
        /// Where: the JSONL line or the `manifest.csv` row that gives it.
        at: Location,
        /// The code.
        error: crate::UnknownLang,
    },
    /// A date is not an ISO date.
    #[error("{at}: {error}")]
    BadDate {
        /// Where: the JSONL line or the `manifest.csv` row that gives it.
        at: Location,
        /// The value.
        error: crate::DateParseError,
    },
    /// The manifest names a document for which there is no `.txt` file.
    #[error("{at}: manifest names `{id}` but there is no {id}.txt beside it")]
    MissingText {
        /// Where.
        at: Location,
        /// The id.
        id: String,
    },
    /// The path is neither a directory nor a `.jsonl` file.
    #[error("{0}: not a corpus (expected a directory of .txt files or a .jsonl file)")]
    NotACorpus(PathBuf),
    /// No document could be found at the given paths.
    #[error("no documents found in {0}")]
    Empty(String),
    /// A document too long to be analysed (offsets are 32-bit).
    #[error("{at}: document `{id}` is {bytes} bytes long; talign takes documents of at most {max} bytes")]
    TooLong {
        /// Where.
        at: Location,
        /// The document.
        id: String,
        /// Its length in bytes.
        bytes: usize,
        /// The most allowed.
        max: usize,
    },
    /// A document has no letters in any supported script and no `lang` was given.
    #[error(
        "{at}: cannot tell the language of document `{id}` (no letters); give its `lang`, or load such documents as English with --lenient-lang"
    )]
    UndetectableLanguage {
        /// Where.
        at: Location,
        /// The id.
        id: String,
    },
}
