//! The `talign` command line: names, events and bilingual tables for Bengali, Persian
//! and Latin-script news. See `docs/cli-contract.md` for the contract it keeps.

mod events_cmd;
mod input;
mod names_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use talign::table::Format;

const ABOUT: &str = "Align names, events and passages across Bengali, Persian and Latin-script news.";

const EXAMPLES: &str = "\
Examples:
  talign report                                   # all tables for the built-in seed articles
  talign names normalize names.txt
  talign names pair bengali.txt persian.txt --top 3 --explain
  talign events align corpora/seeds other.jsonl -o links.csv
  talign export names corpora/seeds --format markdown";

#[derive(Debug, Parser)]
#[command(name = "talign", version, about = ABOUT, after_help = EXAMPLES, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Clean, romanize and pair names across scripts.
    #[command(subcommand)]
    Names(NamesCommand),
    /// Find the documents that report the same event.
    #[command(subcommand)]
    Events(EventsCommand),
    /// Bilingual tables: name variants per entity, aligned passages.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Inspect a corpus: its documents, and the sentences talign sees in them.
    #[command(subcommand)]
    Corpus(CorpusCommand),
    /// Write every table (links, events, names, sentences) into a directory.
    #[command(
        after_help = "With no CORPUS, runs on the five seed articles built into the binary.\n\nExamples:\n  talign report\n  talign report corpora/ntrex-dev/articles.jsonl --out ntrex-report --format markdown"
    )]
    Report(ReportArgs),
}

#[derive(Debug, Subcommand)]
enum EventsCommand {
    /// One row per pair of documents judged to report the same event.
    #[command(
        after_help = "Output columns: left,right,score,evidence\n\nExample:\n  talign events align corpora/seeds"
    )]
    Align(CorpusCommandArgs),
    /// Every input document once, with the event it belongs to.
    #[command(
        after_help = "Output columns: event,doc,lang,published,title\n\nExample:\n  talign events cluster corpora/seeds more.jsonl --format markdown"
    )]
    Cluster(CorpusCommandArgs),
}

#[derive(Debug, Subcommand)]
enum CorpusCommand {
    /// One row per document: id, language, publication date (given or read from the text), title, sentences.
    #[command(after_help = "Output columns: doc,lang,published,published_from,title,sentences,chars")]
    Docs(CorpusOnlyArgs),
    /// One row per sentence, as segmented for passage alignment.
    #[command(after_help = "Output columns: doc,index,start,end,text")]
    Sentences(CorpusOnlyArgs),
    /// One row per place inside a sentence where a sentence may end without punctuation.
    #[command(
        after_help = "Output columns: doc,sentence,offset,probability,before,after\n\n`offset` is the byte offset in the document where the next sentence would start; the probability is learnt from the corpus (words that usually end or start its sentences). The passage aligner may cut a sentence there when the other document has a sentence boundary.\n\nExample:\n  talign corpus cuts corpora/ntrex-dev/articles.jsonl --format markdown"
    )]
    Cuts(CorpusOnlyArgs),
}

#[derive(Debug, Args)]
struct CorpusOnlyArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    #[command(flatten)]
    out: Output,
}

#[derive(Debug, Subcommand)]
enum ExportCommand {
    /// One row per entity: canonical name, kind, variants per script, documents, mentions.
    #[command(
        after_help = "Output columns: canonical,kind,bn,fa,docs,mentions (with --explain, also canonical_from)\n\nExample:\n  talign export names corpora/seeds"
    )]
    Names(NamesArgs),
    /// The passages that say the same thing in each pair of linked documents.
    #[command(
        after_help = "Output columns: event,left_doc,right_doc,left,right,score (with --explain, also evidence)\n\nExample:\n  talign export sentences corpora/seeds -o passages.csv\n  talign export sentences corpora/ntrex-dev/articles.jsonl --explain --format markdown"
    )]
    Sentences(SentencesArgs),
}

/// Corpus inputs.
#[derive(Debug, Args)]
struct CorpusArgs {
    /// Corpora: directories of .txt files (with an optional manifest.csv) or .jsonl files.
    #[arg(value_name = "CORPUS")]
    corpus: Vec<PathBuf>,
    /// Load documents whose language cannot be detected (no letters) as English instead of failing.
    #[arg(long)]
    lenient_lang: bool,
}

#[derive(Debug, Args)]
struct NamesArgs {
    #[command(flatten)]
    base: CorpusCommandArgs,
    /// Add a `canonical_from` column: where the canonical name comes from (lexicon,
    /// corpus-latin, bengali, romanized, restored).
    #[arg(long, help_heading = "Output")]
    explain: bool,
}

/// `export sentences` arguments.
#[derive(Debug, Args)]
struct SentencesArgs {
    #[command(flatten)]
    base: CorpusCommandArgs,
    /// Add an `evidence` column: the names, numbers and dates both passages share, words
    /// spelt alike, and how much of their wording the learnt table pairs.
    #[arg(long, help_heading = "Output")]
    explain: bool,
    /// Align these document pairs (a CSV file with a `left,right` header and document ids)
    /// instead of the linked ones, to measure passage alignment apart from linking.
    #[arg(long, value_name = "FILE")]
    pairs: Option<PathBuf>,
    /// Print to stderr how long passage alignment took, apart from loading, linking and
    /// learning: pairs, sentences, time per pair and sentences per second.
    #[arg(long, help_heading = "Output")]
    timing: bool,
}

#[derive(Debug, Args)]
struct CorpusCommandArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    #[command(flatten)]
    tuning: Tuning,
    #[command(flatten)]
    out: Output,
}

/// Thresholds of the event decisions (defaults suit most corpora; `-h` hides them,
/// `--help` shows them).
#[derive(Debug, Args)]
#[command(next_help_heading = "Tuning (the defaults are what the README's figures were measured with)")]
struct Tuning {
    /// Link two documents whose score reaches S, whatever else they match.
    #[arg(long, hide_short_help = true, value_name = "S", default_value_t = talign_events::align::AlignOptions::default().link)]
    link_score: f32,
    /// Link two documents that are each other's best partner when their score reaches S.
    #[arg(long, hide_short_help = true, value_name = "S", default_value_t = talign_events::align::AlignOptions::default().mutual)]
    mutual_score: f32,
    /// Link two documents in the same language only when their score reaches S.
    #[arg(long, hide_short_help = true, value_name = "S", default_value_t = talign_events::align::AlignOptions::default().same_language)]
    same_language_score: f32,
    /// Score every pair of documents instead of using the inverted index (slow; a baseline).
    #[arg(long, hide_short_help = true)]
    all_pairs: bool,
    /// How much the order in which two documents mention their shared rare features moves
    /// their score (0: not at all).
    #[arg(long, hide_short_help = true, value_name = "W", default_value_t = talign_events::align::AlignOptions::default().order_weight)]
    order_weight: f32,
    /// Cost of leaving a sentence unaligned (higher aligns more, lower skips more).
    #[arg(long, hide_short_help = true, value_name = "C", default_value_t = talign_events::passages::PassageOptions::default().skip)]
    passage_skip: f32,
    /// Report only passage pairs scoring at least S.
    #[arg(long, hide_short_help = true, value_name = "S", default_value_t = talign_events::passages::PassageOptions::default().min_score)]
    passage_min_score: f32,
    /// Fixed cost of ending a passage inside a sentence, where the text may have lost a full
    /// stop (higher cuts less).
    #[arg(long, hide_short_help = true, value_name = "C", default_value_t = talign_events::passages::PassageOptions::default().cut_base)]
    passage_cut_base: f32,
    /// Cost of such a cut per unit of surprise (-ln of its probability); negative: never cut.
    #[arg(long, hide_short_help = true, value_name = "C", default_value_t = talign_events::passages::PassageOptions::default().cut_weight, allow_negative_numbers = true)]
    passage_cut_weight: f32,
    /// Cost of leaving a sentence unaligned outside the content two documents share.
    #[arg(long, hide_short_help = true, value_name = "C", default_value_t = talign_events::passages::PassageOptions::default().gap_skip)]
    passage_gap_skip: f32,
    /// Cost of entering or leaving the content two documents share (higher keeps whole
    /// documents aligned; lower lets partial overlaps drop their unshared parts).
    #[arg(long, hide_short_help = true, value_name = "C", default_value_t = talign_events::passages::PassageOptions::default().switch)]
    passage_switch: f32,
    /// Reward for words both passages spell with one consonant skeleton (loanwords, names).
    #[arg(long, hide_short_help = true, value_name = "C", default_value_t = talign_events::passages::PassageOptions::default().cognate_reward)]
    passage_cognate_reward: f32,
    /// Shortest consonant skeleton such a word must have.
    #[arg(long, hide_short_help = true, value_name = "N", default_value_t = talign_events::passages::PassageOptions::default().cognate_min_key)]
    passage_cognate_min_key: usize,
    /// Reward for passages whose words translate each other by the table learnt from the
    /// corpus (0: learn no table).
    #[arg(long, hide_short_help = true, value_name = "C", default_value_t = talign_events::passages::PassageOptions::default().lexical_reward)]
    passage_lexical_reward: f32,
    /// Reward for each shared name, number, date or event word (weighted by its rarity in the pair).
    #[arg(long, hide_short_help = true, value_name = "C", default_value_t = talign_events::passages::PassageOptions::default().anchor_reward)]
    passage_anchor_reward: f32,
    /// Charge for each name, number, date or event word found on one side of a passage only.
    #[arg(long, hide_short_help = true, value_name = "C", default_value_t = talign_events::passages::PassageOptions::default().anchor_miss)]
    passage_anchor_miss: f32,
    /// Align every linked pair monotonically, as translations, instead of mining the
    /// sentence pairs of independent reports (a baseline).
    #[arg(long, hide_short_help = true)]
    passage_no_mining: bool,
    /// Least ratio margin (a pair's evidence against its sentences' nearest neighbours') of
    /// a mined sentence pair of independent reports.
    #[arg(long, hide_short_help = true, value_name = "M", default_value_t = talign_events::passages::PassageOptions::default().mine_margin)]
    passage_mine_margin: f32,
}

impl Tuning {
    fn options(&self) -> talign_events::Options {
        let mut o = talign_events::Options::default();
        o.align.link = self.link_score;
        o.align.mutual = self.mutual_score;
        o.align.same_language = self.same_language_score;
        o.align.all_pairs = self.all_pairs;
        o.align.order_weight = self.order_weight;
        o.passages.skip = self.passage_skip;
        o.passages.min_score = self.passage_min_score;
        o.passages.cut_base = self.passage_cut_base;
        o.passages.cut_weight = self.passage_cut_weight;
        o.passages.gap_skip = self.passage_gap_skip;
        o.passages.switch = self.passage_switch;
        o.passages.cognate_reward = self.passage_cognate_reward;
        o.passages.cognate_min_key = self.passage_cognate_min_key;
        o.passages.lexical_reward = self.passage_lexical_reward;
        o.passages.anchor_reward = self.passage_anchor_reward;
        o.passages.anchor_miss = self.passage_anchor_miss;
        o.passages.mining = !self.passage_no_mining;
        o.passages.mine_margin = self.passage_mine_margin;
        o
    }
}

#[derive(Debug, Args)]
struct ReportArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    #[command(flatten)]
    tuning: Tuning,
    /// Directory to write the tables into.
    #[arg(long, value_name = "DIR", default_value = "talign-report")]
    out: PathBuf,
    /// Format of the table files.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
}

#[derive(Debug, Subcommand)]
enum NamesCommand {
    /// One row per input name: script, cleaned form, romanization and comparison key.
    #[command(
        after_help = "Output columns: input,script,normalized,latin,key\n\nExample:\n  printf 'ল্যাভরভ\\nلاوروف\\n' | talign names normalize -"
    )]
    Normalize(NormalizeArgs),
    /// For each LEFT name, the RIGHT name that most likely names the same entity.
    #[command(
        after_help = "Output columns: left,right,score (plus rank with --top, explanation with --explain)\n\nExample:\n  talign names pair bn.txt en.txt --top 3 --min-score 0.6"
    )]
    Pair(PairArgs),
}

/// Output options shared by every table command.
#[derive(Debug, Args)]
#[command(next_help_heading = "Output")]
struct Output {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    /// Write to FILE instead of standard output (written whole, or not at all).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct NormalizeArgs {
    /// Name list: one name per line, blank lines skipped; `-` reads stdin.
    #[arg(value_name = "LIST", default_value = "-")]
    list: PathBuf,
    /// Add columns for the phonemes and the lexicon entity, if any.
    #[arg(long)]
    explain: bool,
    #[command(flatten)]
    out: Output,
}

#[derive(Debug, Args)]
struct PairArgs {
    /// Names to find partners for (one per line).
    #[arg(value_name = "LEFT")]
    left: PathBuf,
    /// Candidate names (one per line).
    #[arg(value_name = "RIGHT")]
    right: PathBuf,
    /// Print the K best candidates per LEFT name, with a `rank` column.
    #[arg(long, value_name = "K")]
    top: Option<usize>,
    /// Leave `right` empty where the best score is below S.
    #[arg(long, value_name = "S")]
    min_score: Option<f32>,
    /// Add an `explanation` column saying which rule or lexicon entry matched.
    #[arg(long)]
    explain: bool,
    /// Match by rules alone, without the curated lexicon of exonyms and known names.
    #[arg(long)]
    no_lexicon: bool,
    /// Candidates scored in full per name (more is slower and surer).
    #[arg(long, value_name = "N", default_value_t = talign_names::DEFAULT_SHORTLIST)]
    shortlist: usize,
    #[command(flatten)]
    out: Output,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Names(NamesCommand::Normalize(a)) => names_cmd::normalize(&a),
        Command::Names(NamesCommand::Pair(a)) => names_cmd::pair(&a),
        Command::Events(EventsCommand::Align(a)) => {
            events_cmd::run(events_cmd::Table::Links, &a.corpus, &a.tuning.options(), &a.out)
        }
        Command::Events(EventsCommand::Cluster(a)) => {
            events_cmd::run(events_cmd::Table::Events, &a.corpus, &a.tuning.options(), &a.out)
        }
        Command::Export(ExportCommand::Names(n)) => {
            let a = &n.base;
            events_cmd::run(events_cmd::Table::Names { explain: n.explain }, &a.corpus, &a.tuning.options(), &a.out)
        }
        Command::Export(ExportCommand::Sentences(a)) => match &a.pairs {
            Some(pairs) => events_cmd::sentences_for_pairs(
                &a.base.corpus,
                &a.base.tuning.options(),
                Some(pairs),
                a.explain,
                a.timing,
                &a.base.out,
            ),
            None if a.timing => events_cmd::sentences_for_pairs(
                &a.base.corpus,
                &a.base.tuning.options(),
                None,
                a.explain,
                true,
                &a.base.out,
            ),
            None => {
                let table = events_cmd::Table::Sentences { explain: a.explain };
                events_cmd::run(table, &a.base.corpus, &a.base.tuning.options(), &a.base.out)
            }
        },
        Command::Corpus(CorpusCommand::Docs(a)) => events_cmd::corpus_docs(&a.corpus, &a.out),
        Command::Corpus(CorpusCommand::Sentences(a)) => events_cmd::corpus_sentences(&a.corpus, &a.out),
        Command::Corpus(CorpusCommand::Cuts(a)) => events_cmd::corpus_cuts(&a.corpus, &a.out),
        Command::Report(a) => events_cmd::report(&a.corpus, &a.tuning.options(), &a.out, a.format),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("talign: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
