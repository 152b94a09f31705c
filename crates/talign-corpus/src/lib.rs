//! Corpora for talign: documents loaded from directories of `.txt` files (or saved web
//! pages, `.html`) with an optional `manifest.csv`, or from JSONL files, with errors that
//! name file and line.
//!
//! ```
//! use talign_corpus::{Corpus, Lang};
//! let corpus = Corpus::from_jsonl_str(
//!     "inline.jsonl",
//!     r#"{"id": "a", "text": "ল্যাভরভ মারাকেচে পৌঁছেছেন।"}"#,
//! ).unwrap();
//! assert_eq!(corpus.docs()[0].lang, Lang::Bn);
//! ```

mod date;
mod error;
pub mod html;
mod lang;
mod load;
pub mod segment;

pub use date::{Date, DateParseError, Weekday};
pub use error::{CorpusError, Location};
pub use lang::{Lang, UnknownLang};
pub use load::{Corpus, DocStream, LoadOptions, MAX_DOCUMENT_BYTES};
pub use segment::{Sentence, sentences};

use serde::Serialize;

/// One article of a corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    /// Unique id within the corpus.
    pub id: String,
    /// The language, given or detected.
    pub lang: Lang,
    /// Whether `lang` was detected from the script rather than given.
    #[serde(skip)]
    pub lang_detected: bool,
    /// The outlet, where known.
    pub source: Option<String>,
    /// The publication date, where known.
    pub published: Option<Date>,
    /// The title, where known.
    pub title: Option<String>,
    /// Where the article was published.
    pub url: Option<String>,
    /// The full text.
    pub text: String,
    /// Where the document came from (file, and line for JSONL).
    #[serde(skip)]
    pub origin: Location,
}

impl Document {
    /// A document with only an id and a text; the language is detected
    /// (English when the text has no letters at all).
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        let text = text.into();
        let detected = Lang::detect(&text);
        Document {
            id: id.into(),
            lang: detected.unwrap_or(Lang::En),
            lang_detected: true,
            source: None,
            published: None,
            title: None,
            url: None,
            text,
            origin: Location::default(),
        }
    }

    /// The text split into sentences.
    pub fn sentences(&self) -> Vec<Sentence<'_>> {
        sentences(&self.text)
    }
}
