//! What may be glued to a listed word in running text, per language: the case endings
//! after it (Russian встреча → встречи, встрече, встречу; Hindi बैठक → बैठकें; Urdu
//! حملہ → حملوں) and, in Arabic, the article and one-letter proclitics before it
//! (اجتماع → الاجتماع, والاجتماع, للاجتماع).
//!
//! The rules are tables, one per [`Family`]. A rule takes a suffix off the listed word
//! (often nothing) and says which endings may follow what is left, so one listed form
//! such as Россия also finds России and Россию. [`forms`] turns a folded listed word
//! into the form to search for, with its [`Fit`]: the endings allowed after it and the
//! prefixes allowed before it. The form is the shortest stem any rule leaves, and every
//! rule's endings are restated after it (соглашени + е, я, ем…): a search that stops at
//! the longest pattern then never hides a shorter reading of the same word (соглашение
//! matching the start of соглашением). Only the last word of a multi-word term is inflected.
//!
//! Bengali takes any ending (its case markers are many and glued), Persian and English
//! keep their short lists, and a language without rules uses the rules of its script.
//!
//! Persian, Arabic and Urdu share a script but not their words: Arabic اجتماع (meeting)
//! is Persian for society, Urdu حادثہ folds onto Persian حادثه (incident). A listed word of
//! one of them counts only in text of its language, told by [`arabic_script_language`]
//! from the letters only one of them uses.

use talign_names::Script;

/// A family of inflection rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// Bengali: any ending.
    Bengali,
    /// Persian: plural, ezafe and indefinite endings.
    Persian,
    /// Arabic: article and proclitics before, sound plurals, nisba and ة forms after.
    Arabic,
    /// Urdu: oblique and plural endings.
    Urdu,
    /// Hindi and other Devanagari languages: oblique and plural endings.
    Devanagari,
    /// Russian and other Cyrillic languages: case endings.
    Cyrillic,
    /// English and other Latin-script languages: -s, -ed, -ing.
    Latin,
    /// No ending at all (scripts without rules).
    Exact,
}

/// One rule: take `strip` off the end of the listed word (when its last word keeps at
/// least `min_stem` letters) and allow `endings` after the rest.
#[derive(Debug)]
struct Rule {
    strip: &'static str,
    min_stem: usize,
    endings: &'static [&'static str],
    /// Whether the stem may stand alone (Russian genitive plural встреч, ракет): allowed
    /// for event terms, never for names, whose bare stems are other words (Куба → куб).
    bare: bool,
}

const fn rule(strip: &'static str, min_stem: usize, endings: &'static [&'static str], bare: bool) -> Rule {
    Rule { strip, min_stem, endings, bare }
}

/// Russian noun endings after a word that ends in a consonant (Лавров → Лаврова, Лавровым;
/// Иран → Ираном; суд → суда).
const RU_AFTER_CONSONANT: &[&str] = &[
    "", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах", "и", "ой", "ым", "ых", "ыми", "ем", "ей", "ев", "ю", "я",
    "ям", "ями", "ях",
];
/// After a stem that lost -а/-я (Москва → Москвы, Москве, Москву, Москвой; Россия → России).
const RU_A_STEM: &[&str] = &["ы", "и", "е", "у", "ю", "ой", "ою", "ей", "ею", "ам", "ям", "ами", "ями", "ах", "ях"];
/// After a stem that lost -ь (Казань → Казани, Казанью; Кремль → Кремля, Кремле).
const RU_SOFT_STEM: &[&str] = &["и", "ью", "я", "ю", "ем", "е", "ей", "ям", "ями", "ях"];
/// After a stem that lost -й (Китай → Китая, Китае, Китаем).
const RU_J_STEM: &[&str] = &["я", "ю", "ем", "е", "и", "ев", "ям", "ями", "ях"];
/// Adjective endings after a stem that lost -ий/-ый/-ой (российский → российского, российская).
const RU_ADJECTIVE: &[&str] = &[
    "ий", "ый", "ой", "ая", "яя", "ое", "ее", "ие", "ые", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ую",
    "юю", "ых", "их", "ыми", "ими", "ей",
];
/// Plural endings after a stem that lost -ы/-и (переговоры → переговоров, переговорах).
const RU_PLURAL_STEM: &[&str] = &["ы", "и", "ов", "ев", "ей", "й", "ам", "ям", "ами", "ями", "ах", "ях"];
/// Neuter endings after a stem that lost -е/-о (соглашение → соглашения, соглашении).
const RU_NEUTER_STEM: &[&str] = &["а", "я", "у", "ю", "ом", "ем", "е", "и", "й", "ам", "ям", "ами", "ями", "ах", "ях"];

const CYRILLIC: &[Rule] = &[
    rule("", 0, RU_AFTER_CONSONANT, false),
    rule("а", 3, RU_A_STEM, true),
    rule("я", 3, RU_A_STEM, true),
    rule("ь", 3, RU_SOFT_STEM, false),
    rule("й", 3, RU_J_STEM, false),
    rule("ий", 4, RU_ADJECTIVE, false),
    rule("ый", 4, RU_ADJECTIVE, false),
    rule("ой", 4, RU_ADJECTIVE, false),
    rule("ы", 4, RU_PLURAL_STEM, true),
    rule("и", 4, RU_PLURAL_STEM, true),
    rule("е", 4, RU_NEUTER_STEM, false),
    rule("о", 4, RU_NEUTER_STEM, false),
];

/// Persian: plural, ezafe and indefinite endings (the text is folded: ZWNJ is a space,
/// so دیدار‌ها arrives as two words and needs no ending).
const PERSIAN: &[Rule] = &[rule("", 0, &["", "ها", "های", "هایی", "ی", "ای", "یی"], false)];

/// Arabic, on folded text (ة → ه, ي → ی): the accusative alif (اجتماعا), sound plurals and
/// duals (اجتماعات, لاجئين, مصابون), and words in ة in their plural and duals and before a pronoun (زيارة →
/// زيارات, زيارته). The nisba -ي is left out: اجتماعي means social, not a meeting; so is
/// a bare -ت, which is Persian (إصابة → اصابت, a hit).
const ARABIC: &[Rule] = &[
    rule("", 0, &["", "ا", "ات", "ین", "ان", "ون", "یه", "یین", "یون"], false),
    rule("ه", 3, &["ات", "ته", "تها", "تهم", "تین", "تان"], false),
];

/// Urdu, on folded text (ے → ی, ہ → ه): plural and oblique endings (معاہدوں, حملوں, بم
/// دھماکے), also after a masculine noun in ہ (حملہ → حملے, حملوں).
const URDU: &[Rule] = &[rule("", 0, &["", "وں", "یں", "ی", "ها"], false), rule("ه", 3, &["ی", "وں"], false)];

/// Hindi: plural and oblique endings after a consonant (बैठक → बैठकें, बैठकों), a masculine
/// -ā noun (हमला → हमले, हमलों), a feminine -ā noun (यात्रा → यात्राएं, यात्राओं) and a feminine
/// -ī noun (गिरफ्तारी → गिरफ्तारियां).
const DEVANAGARI: &[Rule] = &[
    rule("", 0, &["", "ें", "ों", "े", "ी", "एं", "एँ", "ओं"], false),
    rule("ा", 2, &["े", "ों"], false),
    rule("ी", 2, &["ियां", "ियाँ", "ियों"], false),
];

const LATIN: &[Rule] = &[rule("", 0, &["", "s", "es", "ed", "d", "ing", "ings"], false)];

const EXACT: &[Rule] = &[rule("", 0, &[""], false)];

/// The article and one-letter proclitics of Arabic, folded (ك → ک), longest first:
/// وبال, والاجتماع, بالاجتماع, للاجتماع (ل + ال), فی…
const ARABIC_PREFIXES: &[&str] =
    &["وبال", "ولل", "وال", "فال", "بال", "کال", "لل", "ال", "وب", "ول", "فب", "فل", "و", "ف", "ب", "ل"];

impl Family {
    /// The family of a list row in language `lang` (an ISO 639-1 code) whose word is
    /// written in `script`; languages without their own rules use their script's.
    pub fn of(lang: &str, script: Script) -> Family {
        match lang {
            "bn" => Family::Bengali,
            "fa" => Family::Persian,
            "ar" => Family::Arabic,
            "ur" => Family::Urdu,
            "hi" | "mr" | "ne" => Family::Devanagari,
            "ru" | "uk" | "be" | "bg" => Family::Cyrillic,
            _ => Family::of_script(script),
        }
    }

    /// The family used for a word in `script` when its language is not known.
    pub fn of_script(script: Script) -> Family {
        match script {
            Script::Bengali => Family::Bengali,
            Script::Arabic => Family::Persian,
            Script::Devanagari => Family::Devanagari,
            Script::Cyrillic => Family::Cyrillic,
            Script::Latin => Family::Latin,
            Script::Indic | Script::Other => Family::Exact,
        }
    }

    fn rules(self) -> &'static [Rule] {
        match self {
            Family::Bengali | Family::Exact => EXACT,
            Family::Persian => PERSIAN,
            Family::Arabic => ARABIC,
            Family::Urdu => URDU,
            Family::Devanagari => DEVANAGARI,
            Family::Cyrillic => CYRILLIC,
            Family::Latin => LATIN,
        }
    }

    fn prefixes(self) -> &'static [&'static str] {
        match self {
            Family::Arabic => ARABIC_PREFIXES,
            _ => &[],
        }
    }
}

/// What may surround one searched form: the endings after it and the prefixes before it,
/// and for Arabic-script words the languages whose text it counts in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fit {
    any_ending: bool,
    endings: Vec<String>,
    prefixes: Vec<&'static str>,
    /// Bit set of [`Family::Persian`], [`Family::Arabic`], [`Family::Urdu`]; empty for
    /// other scripts (no restriction).
    languages: u8,
}

fn language_bit(family: Family) -> u8 {
    match family {
        Family::Persian => 1,
        Family::Arabic => 2,
        Family::Urdu => 4,
        _ => 0,
    }
}

/// The language of an Arabic-script text among Persian, Arabic and Urdu, from the
/// letters each uses and the others do not (Urdu ے ں ہ ٹ ڈ ڑ ھ; Arabic ي ك ة ى; Persian and
/// Urdu ی ک پ چ ژ گ); `None` when the text has none of them.
///
/// ```
/// use talign_events::endings::{arabic_script_language, Family};
/// assert_eq!(arabic_script_language("دیدار وزیران خارجه"), Some(Family::Persian));
/// assert_eq!(arabic_script_language("اجتماع وزيري الخارجية"), Some(Family::Arabic));
/// assert_eq!(arabic_script_language("وزرائے خارجہ کی ملاقات ہوئی"), Some(Family::Urdu));
/// ```
pub fn arabic_script_language(text: &str) -> Option<Family> {
    let (mut persian, mut arabic, mut urdu) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        match c {
            'ے' | 'ۓ' | 'ں' | 'ہ' | 'ۃ' | 'ٹ' | 'ڈ' | 'ڑ' | 'ھ' => urdu += 1,
            'ي' | 'ك' | 'ة' | 'ى' => arabic += 1,
            'ی' | 'ک' | 'پ' | 'چ' | 'ژ' | 'گ' => persian += 1,
            _ => {}
        }
    }
    // Urdu also writes every Persian letter: its own letters weigh more.
    let urdu = urdu * 3;
    if persian + arabic + urdu == 0 {
        None
    } else if urdu >= persian && urdu >= arabic {
        Some(Family::Urdu)
    } else if arabic > persian {
        Some(Family::Arabic)
    } else {
        Some(Family::Persian)
    }
}

impl Fit {
    /// Exactly these endings after a form, in any language.
    pub fn endings(endings: &[&str]) -> Fit {
        Fit { endings: endings.iter().map(|e| (*e).to_owned()).collect(), ..Fit::default() }
    }

    /// Whether `rest` (the letters between the end of the form and the end of its word)
    /// may follow the form.
    pub fn ending_ok(&self, rest: &str) -> bool {
        (self.any_ending && !rest.is_empty()) || self.endings.iter().any(|e| e == rest)
    }

    /// Whether `before` (the letters between the start of the word and the form) may
    /// precede it; the empty string always may.
    pub fn prefix_ok(&self, before: &str) -> bool {
        before.is_empty() || self.prefixes.contains(&before)
    }

    /// Whether the form counts in text of `language` (the [`arabic_script_language`] of
    /// the text; `None`, a text that does not tell, admits every form).
    pub fn language_ok(&self, language: Option<Family>) -> bool {
        self.languages == 0 || language.is_none_or(|l| self.languages & language_bit(l) != 0)
    }

    /// Whether the form needs no ending to stand as a word.
    pub fn bare_ok(&self) -> bool {
        self.ending_ok("")
    }

    /// Adds what `other` allows.
    pub fn merge(&mut self, other: &Fit) {
        self.any_ending |= other.any_ending;
        self.languages |= other.languages;
        for e in &other.endings {
            if !self.endings.contains(e) {
                self.endings.push(e.clone());
            }
        }
        for p in &other.prefixes {
            if !self.prefixes.contains(p) {
                self.prefixes.push(p);
            }
        }
    }
}

/// Russian letters after which a word takes the consonant declension (not a vowel, ь or й).
fn ends_in_consonant(word: &str) -> bool {
    word.chars().next_back().is_some_and(|c| !"аеёиоуыэюяьй".contains(c))
}

/// The form to search for a folded listed word of `family`, with its [`Fit`] (one form;
/// a vector so that callers can treat every family alike). `bare_stems` allows a stem to
/// stand alone where the family allows it (event terms), never for names.
pub fn forms(word: &str, family: Family, bare_stems: bool) -> Vec<(String, Fit)> {
    let prefixes: Vec<&'static str> = family.prefixes().to_vec();
    if family == Family::Bengali {
        return vec![(word.to_owned(), Fit { any_ending: true, endings: vec![String::new()], prefixes, languages: 0 })];
    }
    let last_word_chars = word.rsplit(' ').next().unwrap_or(word).chars().count();
    let applicable: Vec<&Rule> = family
        .rules()
        .iter()
        .filter(|r| {
            word.ends_with(r.strip) && last_word_chars.saturating_sub(r.strip.chars().count()) >= r.min_stem.max(1)
        })
        .collect();
    let longest_strip = applicable.iter().map(|r| r.strip.len()).max().unwrap_or(0);
    let stem = &word[..word.len() - longest_strip];
    let mut endings: Vec<String> = Vec::new();
    let mut add = |e: String| {
        if !endings.contains(&e) {
            endings.push(e);
        }
    };
    for r in &applicable {
        // What this rule keeps of the word beyond the shortest stem.
        let infix = &word[stem.len()..word.len() - r.strip.len()];
        if r.strip.is_empty() {
            add(infix.to_owned());
            if family == Family::Cyrillic && !ends_in_consonant(word) {
                continue;
            }
        } else if r.bare && bare_stems {
            add(infix.to_owned());
        }
        for e in r.endings {
            add(format!("{infix}{e}"));
        }
    }
    if endings.is_empty() {
        // No rule applies (a word too short for any): the word itself.
        endings.push(word[stem.len()..].to_owned());
    }
    let languages = language_bit(family);
    vec![(stem.to_owned(), Fit { any_ending: false, endings, prefixes, languages })]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `text` (one folded word) is a form of the listed `word`.
    fn fits(word: &str, family: Family, bare: bool, text: &str) -> bool {
        forms(word, family, bare).iter().any(|(f, fit)| {
            family.prefixes().iter().chain([&""]).any(|p| {
                text.strip_prefix(p)
                    .and_then(|t| t.strip_prefix(f.as_str()))
                    .is_some_and(|rest| fit.prefix_ok(p) && fit.ending_ok(rest))
            })
        })
    }

    #[test]
    fn russian_case_forms() {
        for t in ["встреча", "встречи", "встрече", "встречу", "встречей", "встречах", "встреч"]
        {
            assert!(fits("встреча", Family::Cyrillic, true, t), "{t}");
        }
        assert!(!fits("встреча", Family::Cyrillic, true, "встречный"));
        for t in ["россия", "россии", "россию", "россией"] {
            assert!(fits("россия", Family::Cyrillic, false, t), "{t}");
        }
        // A name's bare stem is another word.
        assert!(!fits("китай", Family::Cyrillic, false, "кита"));
        assert!(fits("китай", Family::Cyrillic, false, "китае"));
        for t in ["российский", "российского", "российская", "российскую", "российских"]
        {
            assert!(fits("российский", Family::Cyrillic, false, t), "{t}");
        }
        for t in ["переговоры", "переговоров", "переговорах"] {
            assert!(fits("переговоры", Family::Cyrillic, true, t), "{t}");
        }
        for t in ["соглашение", "соглашения", "соглашении", "соглашением"] {
            assert!(fits("соглашение", Family::Cyrillic, true, t), "{t}");
        }
        assert!(fits("лавров", Family::Cyrillic, false, "лавровым"));
        assert!(!fits("лавров", Family::Cyrillic, false, "лавровская"));
    }

    #[test]
    fn arabic_article_proclitics_and_plurals() {
        for t in ["اجتماع", "الاجتماع", "والاجتماع", "للاجتماع", "اجتماعات", "بالاجتماعات"]
        {
            assert!(fits("اجتماع", Family::Arabic, true, t), "{t}");
        }
        assert!(!fits("اجتماع", Family::Arabic, true, "اجتماعی"), "social is not a meeting");
        for t in ["زیاره", "الزیاره", "زیارات", "زیارته"] {
            assert!(fits("زیاره", Family::Arabic, true, t), "{t}");
        }
        // Persian words take no Arabic proclitic.
        assert!(!fits("سفر", Family::Persian, true, "بسفر"));
    }

    #[test]
    fn urdu_and_hindi_oblique_and_plural() {
        for t in ["حمله", "حملی", "حملوں"] {
            assert!(fits("حمله", Family::Urdu, true, t), "{t}");
        }
        for t in ["बैठक", "बैठकें", "बैठकों"] {
            assert!(fits("बैठक", Family::Devanagari, true, t), "{t}");
        }
        for t in ["हमला", "हमले", "हमलों"] {
            assert!(fits("हमला", Family::Devanagari, true, t), "{t}");
        }
        for t in ["यात्रा", "यात्राएं", "यात्राओं"] {
            assert!(fits("यात्रा", Family::Devanagari, true, t), "{t}");
        }
        assert!(fits("गिरफ्तारी", Family::Devanagari, true, "गिरफ्तारियां"));
        assert!(!fits("बैठक", Family::Devanagari, true, "बैठकर"));
    }

    #[test]
    fn families_by_language_then_script() {
        assert_eq!(Family::of("ur", Script::Arabic), Family::Urdu);
        assert_eq!(Family::of("ps", Script::Arabic), Family::Persian);
        assert_eq!(Family::of("uk", Script::Cyrillic), Family::Cyrillic);
        assert_eq!(Family::of("el", Script::Other), Family::Exact);
        assert!(fits("নিহত", Family::Bengali, true, "নিহতের"));
        assert!(fits("meeting", Family::Latin, true, "meetings"));
        assert!(!fits("meet", Family::Latin, true, "meetly"));
    }
}
