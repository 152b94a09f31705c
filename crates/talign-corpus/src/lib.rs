//! Corpora for talign: documents loaded from directories of `.txt` files with an
//! optional `manifest.csv`, or from JSONL files, with errors that name file and line.
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
mod load;
pub mod segment;

pub use date::{Date, DateParseError, Weekday};
pub use error::{CorpusError, Location};
pub use load::{Corpus, LoadOptions, MAX_DOCUMENT_BYTES};
pub use segment::{Sentence, sentences};

use serde::Serialize;
use std::fmt;
use std::str::FromStr;
use talign_names::{Script, ScriptStats};

/// The language of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Bengali.
    Bn,
    /// Persian.
    Fa,
    /// Arabic.
    Ar,
    /// Urdu.
    Ur,
    /// English.
    En,
    /// French.
    Fr,
    /// German.
    De,
    /// Spanish.
    Es,
}

impl Lang {
    /// Every language talign accepts, in the order of [`Lang::code`].
    pub const ALL: [Lang; 8] = [Lang::Bn, Lang::Fa, Lang::Ar, Lang::Ur, Lang::En, Lang::Fr, Lang::De, Lang::Es];

    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Bn => "bn",
            Lang::Fa => "fa",
            Lang::Ar => "ar",
            Lang::Ur => "ur",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Es => "es",
        }
    }

    /// The script the language is written in.
    pub fn script(self) -> Script {
        match self {
            Lang::Bn => Script::Bengali,
            Lang::Fa | Lang::Ar | Lang::Ur => Script::Arabic,
            Lang::En | Lang::Fr | Lang::De | Lang::Es => Script::Latin,
        }
    }

    /// Guesses the language from the script of the text: Bengali script is `bn`,
    /// Arabic script is `fa` unless it looks Arabic (ة/ي/ى and none of پ چ ژ گ ی ک),
    /// Latin is `en`. `None` when the text has no letters of these scripts.
    pub fn detect(text: &str) -> Option<Lang> {
        let stats = ScriptStats::of(text);
        match stats.dominant() {
            Script::Bengali => Some(Lang::Bn),
            Script::Arabic => {
                let persian = text.chars().any(|c| matches!(c, 'پ' | 'چ' | 'ژ' | 'گ' | 'ی' | 'ک'));
                let arabic = text.chars().any(|c| matches!(c, 'ة' | 'ي' | 'ى' | 'ك'));
                Some(if arabic && !persian { Lang::Ar } else { Lang::Fa })
            }
            Script::Latin => Some(Lang::En),
            Script::Other => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language code that talign does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language `{0}` (expected one of bn, fa, ar, ur, en, fr, de, es)")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        let lower = s.trim().to_ascii_lowercase();
        let code = match lower.as_str() {
            "ben" | "bengali" | "bangla" => "bn",
            "fas" | "per" | "persian" | "farsi" => "fa",
            "ara" | "arabic" => "ar",
            "urd" | "urdu" => "ur",
            "eng" | "english" => "en",
            "fra" | "fre" | "french" => "fr",
            "deu" | "ger" | "german" => "de",
            "spa" | "spanish" => "es",
            other => other,
        };
        Lang::ALL.into_iter().find(|l| l.code() == code).ok_or_else(|| UnknownLang(s.to_owned()))
    }
}

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
