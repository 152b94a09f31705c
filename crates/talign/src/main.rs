//! The `talign` command line: names, events and bilingual tables for Bengali, Persian
//! and Latin-script news. See `docs/cli-contract.md` for the contract it keeps.

mod events_cmd;
mod names_cmd;
mod progress;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use talign::table::Format;

/// mimalloc: the passage stage allocates and frees many small vectors per link, and glibc's
/// allocator spent a sixth of its CPU time on them.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ABOUT: &str = "Align names, events and passages across Bengali, Persian and Latin-script news.";

const EXAMPLES: &str = "\
Examples:
  talign report                                   # all tables for the built-in seed articles
  talign names normalize examples/names/bengali.txt
  talign names pair examples/names/bengali.txt examples/names/persian.txt --top 3 --explain
  talign events align corpora/seeds corpora/ntrex-dev/articles.jsonl -o links.csv
  talign export names corpora/seeds --format markdown
  talign export names corpora/seeds --lexicon examples/lexicon/newsmakers.csv";

#[derive(Debug, Parser)]
#[command(name = "talign", version, about = ABOUT, after_help = EXAMPLES, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Show no progress on standard error (progress is only drawn on a terminal anyway),
    /// and no closing summary from `report`; warnings and errors are still printed.
    #[arg(long, short = 'q', global = true)]
    quiet: bool,
    /// Add the entities of a CSV table to the curated lexicon, for names and events alike:
    /// the people and places you follow, with their spellings per language (columns
    /// `id,canonical,kind,lang,variant,source`, as in examples/lexicon/newsmakers.csv; a row
    /// with a curated entity's id and canonical name adds a spelling to it). Repeatable.
    #[arg(long, global = true, value_name = "FILE")]
    lexicon: Vec<PathBuf>,
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
        after_help = "With no CORPUS, runs on the five seed articles built into the binary.\n\nWith --format html, DIR gets index.html: the events (date, languages, sources, a timeline), each event's documents side by side with their aligned passages facing each other, and the names; a large corpus is split into events-N.html, names-N.html and overview-N.html pages of a few MB.\n\nExamples:\n  talign report\n  talign report corpora/seeds --out report --format html\n  talign report corpora/ntrex-dev/articles.jsonl --out ntrex-report --format markdown"
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
        after_help = "Output columns: event,doc,lang,published,title\n\nExample:\n  talign events cluster corpora/seeds corpora/ntrex-dev/articles.jsonl --format markdown"
    )]
    Cluster(CorpusCommandArgs),
    /// Every pair of documents the aligner scored, with what decided it (for tuning and inspection).
    #[command(
        after_help = "Output columns: left,right,score,raw,same_event,event,linked,evidence (with --inputs, also the model's inputs)\n\n`same_event` is the probability that the two report the same event, which groups documents into events; `score` includes the order in which the two documents mention their rarest shared features, `raw` does not; `event` says whether they ended in one event, `linked` whether `events align` lists them. Pairs that share nothing are never scored, nor, with --window-days, pairs no window holds together.\n\nExamples:\n  talign events pairs corpora/seeds --format markdown\n  talign events pairs news.jsonl --window-days 14 --overlap-days 7 -o pairs.csv"
    )]
    Pairs(PairsArgs),
}

#[derive(Debug, Subcommand)]
enum CorpusCommand {
    /// One row per document: id, language, publication date (given or read from the text), title, sentences.
    #[command(
        after_help = "Output columns: doc,lang,published,published_from,title,sentences,chars,happened,happened_from\n\nExample:\n  talign corpus docs corpora/seeds --format markdown"
    )]
    Docs(CorpusOnlyArgs),
    /// One row per sentence, as segmented for passage alignment.
    #[command(
        after_help = "Output columns: doc,index,start,end,text\n\nExample:\n  talign corpus sentences corpora/ntrex-dev/articles.jsonl -o sentences.csv"
    )]
    Sentences(CorpusOnlyArgs),
    /// One row per place inside a sentence where a sentence may end without punctuation.
    #[command(
        after_help = "Output columns: doc,sentence,offset,probability,before,after\n\n`offset` is the byte offset in the document where the next sentence would start; the probability is learnt from the corpus (words that usually end or start its sentences). The passage aligner may cut a sentence there when the other document has a sentence boundary.\n\nExample:\n  talign corpus cuts corpora/ntrex-dev/articles.jsonl --format markdown"
    )]
    Cuts(CorpusOnlyArgs),
    /// One row per fact the event aligner reads in a document: names, dates, numbers, event words.
    #[command(
        after_help = "Output columns: doc,kind,start,end,text,value,note\n\n`kind` is name, date, number, event, furniture (a line repeated on the site or the corpus, or a web address written in the text, which carry no evidence) or when (the window of days of the happening the document reports, with where it was read); `value` is the entity's canonical name, the ISO date, the number, the event concept or the window; `note` says how a name was found and whether the corpus confirms it (a name that is not confirmed counts weakly when the corpus writes it in two scripts, and not at all otherwise), or how a date was resolved. Offsets are bytes into the document.\n\nExample:\n  talign corpus facts corpora/seeds --format markdown"
    )]
    Facts(CorpusOnlyArgs),
    /// What the event pipeline learns from a whole corpus, for windowed runs to weigh their documents with.
    #[command(
        after_help = "Writes JSON: the corpus's frequent words, the entity each spelling of a name resolves to, how many documents have each feature (name, number, date, event word), what agreeing in time and sharing a date are worth, and the base rate of same-event pairs. `events cluster`, `events align`, `events pairs`, `export sentences` and `export names` with `--stats FILE` (with or without --window-days) weigh their documents with these instead of learning them from the documents they hold, so that windows read and weigh a document as a whole run does. It also holds, per document, the worst of the candidate partners the whole run kept, so that a window scores exactly the whole run's pairs among its documents. The file grows with the corpus's vocabulary and by about 54 bytes a document; computing it runs the pipeline over the whole corpus once.\n\nExample:\n  talign corpus stats archive.jsonl -o stats.json\n  talign events cluster archive.jsonl --window-days 30 --overlap-days 15 --stats stats.json"
    )]
    Stats(StatsArgs),
}

#[derive(Debug, Args)]
struct StatsArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// The tuning of the runs the file is for: the candidates a run keeps and its base rate
    /// follow it.
    #[command(flatten)]
    tuning: Tuning,
    /// Write to FILE instead of standard output (written whole, or not at all).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
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
        after_help = "Output columns: canonical,kind,bn,fa,docs,mentions (with --explain, also canonical_from)\n\nExample:\n  talign export names corpora/seeds\n  talign export names corpora/seeds --window-days 30 --overlap-days 15"
    )]
    Names(NamesArgs),
    /// The passages that say the same thing in each pair of linked documents, and in each
    /// pair of one event in two languages where neither document has a link into the
    /// other's language (with --within-events, in each pair scored inside one event).
    #[command(
        after_help = "Output columns: event,left_doc,right_doc,left,right,score (with --explain, also evidence)\n\nExample:\n  talign export sentences corpora/seeds -o passages.csv\n  talign export sentences corpora/ntrex-dev/articles.jsonl --explain --format markdown\n  talign export sentences corpora/ntrex-dev/articles.jsonl --within-events -o all-pairs.csv"
    )]
    Sentences(SentencesArgs),
}

/// Corpus inputs (at least one: only `report` runs on the built-in seeds without).
#[derive(Debug, Args)]
struct CorpusArgs {
    /// Corpora: directories of .txt files (with an optional manifest.csv) or .jsonl files.
    #[arg(value_name = "CORPUS", required = true)]
    corpus: Vec<PathBuf>,
    /// Load documents whose language cannot be detected (no letters) as English instead of failing.
    #[arg(long)]
    lenient_lang: bool,
}

/// The corpus inputs of `report`, which runs on the built-in seeds when there are none.
#[derive(Debug, Args)]
struct ReportCorpusArgs {
    /// Corpora: directories of .txt files (with an optional manifest.csv) or .jsonl files;
    /// none: the seed articles built into the binary.
    #[arg(value_name = "CORPUS")]
    corpus: Vec<PathBuf>,
    /// Load documents whose language cannot be detected (no letters) as English instead of failing.
    #[arg(long)]
    lenient_lang: bool,
}

#[derive(Debug, Args)]
struct PairsArgs {
    #[command(flatten)]
    base: CorpusCommandArgs,
    /// Add one column per input of the same-event model (see docs/architecture.md).
    #[arg(long, help_heading = "Output")]
    inputs: bool,
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
    /// Align every pair of documents the aligner scored inside one event, not only the
    /// linked ones and the unlinked reports in two languages. The links of an event are a
    /// choice among its pairs: two reports the event holds through other documents get
    /// passages without this only when they are in two languages and neither has a link
    /// into the other's language (an event of n
    /// reports has up to n(n−1)/2 pairs, so more rows and more time; copies of one text
    /// are still paired with their closest copy only).
    #[arg(long, conflicts_with = "pairs")]
    within_events: bool,
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
    windows: Windows,
    #[command(flatten)]
    tuning: Tuning,
    #[command(flatten)]
    out: Output,
}

/// Time windows: read the corpora as a stream in date order and cluster (and link, and
/// read names in) one window of publication dates at a time.
#[derive(Debug, Args)]
#[command(next_help_heading = "Time windows")]
struct Windows {
    /// Cluster (and link) windows of D days of publication dates, one at a time, holding
    /// only the current window in memory; the corpora must come in date order (undated
    /// documents are placed where they arrive). A document takes its event from its home
    /// window (the one whose middle D − O days hold its date); clusters of consecutive
    /// windows are one event when they share the majority of their documents in the
    /// overlap. A pair of documents is linked or not by one window, the home window of the
    /// midpoint of their dates (which holds both when they are at most O days apart), and
    /// the link is kept when the two end in one event; `export sentences` aligns its
    /// passages in that window, and `events pairs` lists the pairs that window scored (two
    /// documents no window holds together are never scored). `export names` reads each
    /// document's names in its home window, then resolves them over the whole stream.
    #[arg(long, value_name = "D", allow_negative_numbers = true)]
    window_days: Option<i64>,
    /// Days two consecutive windows share (0 or more, less than --window-days; default 0).
    /// An event whose reports lie within O days is seen whole by some window.
    #[arg(long, value_name = "O", allow_negative_numbers = true, requires = "window_days")]
    overlap_days: Option<i64>,
    /// Weigh the documents with a whole corpus's statistics (from `talign corpus stats`)
    /// instead of what the documents held at once teach: with --window-days, each window
    /// reads and weighs its documents as the whole corpus's run does.
    #[arg(long, value_name = "FILE")]
    stats: Option<PathBuf>,
}

impl Windows {
    /// The window setting, if windows were asked for; an error for a bad setting.
    fn spec(&self) -> anyhow::Result<Option<talign_events::window::WindowSpec>> {
        let Some(days) = self.window_days else { return Ok(None) };
        Ok(Some(talign_events::window::WindowSpec::new(days, self.overlap_days.unwrap_or(0))?))
    }

    /// The statistics file given with --stats, read.
    fn read_stats(&self) -> anyhow::Result<Option<std::sync::Arc<talign_events::stats::Stats>>> {
        Ok(self.stats.as_deref().map(talign::input::read_stats).transpose()?.map(std::sync::Arc::new))
    }
}

/// Thresholds of the event decisions (defaults suit most corpora; `-h` hides them,
/// `--help` shows them).
#[derive(Debug, Args)]
#[command(next_help_heading = "Tuning (the defaults are what the README's figures were measured with)")]
struct Tuning {
    /// Link two documents whose score reaches S, whatever else they match.
    #[arg(long, hide_short_help = true, value_name = "S", value_parser = unit_interval, allow_negative_numbers = true, default_value_t = talign_events::align::AlignOptions::default().link)]
    link_score: f32,
    /// Link two documents that are each other's best partner when their score reaches S.
    #[arg(long, hide_short_help = true, value_name = "S", value_parser = unit_interval, allow_negative_numbers = true, default_value_t = talign_events::align::AlignOptions::default().mutual)]
    mutual_score: f32,
    /// Link two documents in the same language only when their score reaches S.
    #[arg(long, hide_short_help = true, value_name = "S", value_parser = unit_interval, allow_negative_numbers = true, default_value_t = talign_events::align::AlignOptions::default().same_language)]
    same_language_score: f32,
    /// Two groups of documents join one event while the average same-event probability
    /// between them reaches S (pairs never scored count as 0).
    #[arg(long, hide_short_help = true, value_name = "S", value_parser = unit_interval, allow_negative_numbers = true, default_value_t = talign_events::cluster::ClusterOptions::default().threshold)]
    event_threshold: f32,
    /// A pair's same-event probability below S counts as 0 when events are grouped.
    #[arg(long, hide_short_help = true, value_name = "S", value_parser = unit_interval, allow_negative_numbers = true, default_value_t = talign_events::cluster::ClusterOptions::default().min_pair)]
    event_min_pair: f32,
    /// Two groups join one event only if some pair across them has a same-event
    /// probability of at least S (one likely partner), however high their average.
    #[arg(long, hide_short_help = true, value_name = "S", value_parser = unit_interval, allow_negative_numbers = true, default_value_t = talign_events::cluster::ClusterOptions::default().min_link)]
    event_min_link: f32,
    /// Two groups may also join one event when at least N pairs across them reach
    /// --event-support, though none reaches --event-min-link (several likely partners,
    /// none certain); 0 turns this off.
    #[arg(long, hide_short_help = true, value_name = "N", default_value_t = talign_events::cluster::ClusterOptions::default().min_support)]
    event_min_support: u32,
    /// The same-event probability a pair across two groups must reach to count towards
    /// --event-min-support.
    #[arg(long, hide_short_help = true, value_name = "S", value_parser = unit_interval, allow_negative_numbers = true, default_value_t = talign_events::cluster::ClusterOptions::default().support)]
    event_support: f32,
    /// After grouping, look again at each document's event N times at most: a document
    /// whose average with its own event has fallen below --event-threshold moves to the
    /// event it fits best, where it may join one (0: off).
    #[arg(long, hide_short_help = true, value_name = "N", default_value_t = talign_events::cluster::ClusterOptions::default().refine_rounds)]
    event_refine_rounds: usize,
    /// Documents whose happenings are more than D days apart never share an event.
    #[arg(long, hide_short_help = true, value_name = "D", default_value_t = talign_events::cluster::ClusterOptions::default().tolerance)]
    event_tolerance: i64,
    /// Score every pair of documents instead of using the inverted index (slow; a baseline).
    #[arg(long, hide_short_help = true)]
    all_pairs: bool,
    /// How much the order in which two documents mention their shared rare features moves
    /// their score (0: not at all).
    #[arg(long, hide_short_help = true, value_name = "W", value_parser = non_negative, allow_negative_numbers = true, default_value_t = talign_events::align::AlignOptions::default().order_weight)]
    order_weight: f32,
    /// Align each document's K best candidates in other languages passage by passage; two
    /// documents that are each other's best with 5 passages aligned as a translation (3
    /// where the corpus taught their languages a table) are linked (a report that
    /// translates part of another, beside a neighbouring story that shares more names).
    /// 0: no verification, and no passage alignment before `export sentences`
    #[arg(long, hide_short_help = true, value_name = "K", default_value_t = talign_events::align::AlignOptions::default().verify)]
    verify_candidates: usize,
    /// Cost of leaving a sentence unaligned (higher aligns more, lower skips more).
    #[arg(long, hide_short_help = true, value_name = "C", value_parser = non_negative, allow_negative_numbers = true, default_value_t = talign_events::passages::PassageOptions::default().skip)]
    passage_skip: f32,
    /// Report only passage pairs scoring at least S (by default, S applies to passages aligned
    /// as translations; mined pairs of independent reports are kept by their margin).
    #[arg(long, hide_short_help = true, value_name = "S", value_parser = unit_interval, allow_negative_numbers = true, default_value_t = talign_events::passages::PassageOptions::default().min_score)]
    passage_min_score: f32,
    /// Whether --passage-min-score was given on the command line (set after parsing).
    #[arg(skip)]
    explicit_min_score: bool,
    /// Fixed cost of ending a passage inside a sentence, where the text may have lost a full
    /// stop (higher cuts less).
    #[arg(long, hide_short_help = true, value_name = "C", value_parser = non_negative, allow_negative_numbers = true, default_value_t = talign_events::passages::PassageOptions::default().cut_base)]
    passage_cut_base: f32,
    /// Cost of such a cut per unit of surprise (-ln of its probability); negative: never cut.
    #[arg(long, hide_short_help = true, value_name = "C", value_parser = finite, default_value_t = talign_events::passages::PassageOptions::default().cut_weight, allow_negative_numbers = true)]
    passage_cut_weight: f32,
    /// Cost of leaving a sentence unaligned outside the content two documents share.
    #[arg(long, hide_short_help = true, value_name = "C", value_parser = non_negative, allow_negative_numbers = true, default_value_t = talign_events::passages::PassageOptions::default().gap_skip)]
    passage_gap_skip: f32,
    /// Cost of entering or leaving the content two documents share (higher keeps whole
    /// documents aligned; lower lets partial overlaps drop their unshared parts).
    #[arg(long, hide_short_help = true, value_name = "C", value_parser = non_negative, allow_negative_numbers = true, default_value_t = talign_events::passages::PassageOptions::default().switch)]
    passage_switch: f32,
    /// Reward for words both passages spell with one consonant skeleton (loanwords, names).
    #[arg(long, hide_short_help = true, value_name = "C", value_parser = non_negative, allow_negative_numbers = true, default_value_t = talign_events::passages::PassageOptions::default().cognate_reward)]
    passage_cognate_reward: f32,
    /// Shortest consonant skeleton such a word must have.
    #[arg(long, hide_short_help = true, value_name = "N", value_parser = clap::value_parser!(u16).range(1..), default_value_t = talign_events::passages::PassageOptions::default().cognate_min_key as u16)]
    passage_cognate_min_key: u16,
    /// Reward for passages whose words translate each other by the table learnt from the
    /// corpus (0: learn no table).
    #[arg(long, hide_short_help = true, value_name = "C", value_parser = non_negative, allow_negative_numbers = true, default_value_t = talign_events::passages::PassageOptions::default().lexical_reward)]
    passage_lexical_reward: f32,
    /// Reward for each shared name, number, date or event word (weighted by its rarity in the pair).
    #[arg(long, hide_short_help = true, value_name = "C", value_parser = non_negative, allow_negative_numbers = true, default_value_t = talign_events::passages::PassageOptions::default().anchor_reward)]
    passage_anchor_reward: f32,
    /// Charge for each name, number, date or event word found on one side of a passage only.
    #[arg(long, hide_short_help = true, value_name = "C", value_parser = non_negative, allow_negative_numbers = true, default_value_t = talign_events::passages::PassageOptions::default().anchor_miss)]
    passage_anchor_miss: f32,
    /// Align every linked pair monotonically, as translations, instead of mining the
    /// sentence pairs of independent reports (a baseline).
    #[arg(long, hide_short_help = true)]
    passage_no_mining: bool,
    /// Leave out the common news words (president, arrived, at least, …) when mining the
    /// sentence pairs of independent reports in two languages the corpus taught no
    /// translation table for.
    #[arg(long, hide_short_help = true)]
    passage_no_news_words: bool,
    /// Least ratio margin (a pair's evidence against its sentences' nearest neighbours') of
    /// a mined sentence pair of independent reports.
    #[arg(long, hide_short_help = true, value_name = "M", value_parser = non_negative, allow_negative_numbers = true, default_value_t = talign_events::passages::PassageOptions::default().mine_margin)]
    passage_mine_margin: f32,
    /// Least similarity (anchors, words spelt alike, translated wording) of a mined sentence
    /// pair of independent reports.
    #[arg(long, hide_short_help = true, value_name = "S", value_parser = non_negative, allow_negative_numbers = true, default_value_t = talign_events::passages::PassageOptions::default().mine_support)]
    passage_mine_support: f32,
    /// Least similarity of a mined sentence pair printed for two languages the corpus taught
    /// no translation table, whose similarity also reads the news words they share.
    #[arg(long, hide_short_help = true, value_name = "S", value_parser = non_negative, allow_negative_numbers = true, default_value_t = talign_events::passages::PassageOptions::default().mine_support_untaught)]
    passage_mine_support_untaught: f32,
    /// Two languages without a learnt table: least ratio margin of a pair whose one sentence
    /// has the other as its best partner while the other has a better one (a sentence that
    /// tells several facts in one).
    #[arg(long, hide_short_help = true, value_name = "M", value_parser = non_negative, allow_negative_numbers = true, default_value_t = talign_events::passages::PassageOptions::default().mine_hub_margin)]
    passage_mine_hub_margin: f32,
    /// Two languages without a learnt table: a sentence that is the best partner of at least
    /// N sentences of the other report (it tells in one what they tell one by one) pairs with
    /// each of them whose names, places, figures and dates are all its own, or that names
    /// nothing it does not (0: off).
    #[arg(long, hide_short_help = true, value_name = "N", default_value_t = talign_events::passages::PassageOptions::default().mine_fan_in)]
    passage_mine_fan_in: usize,
    /// Least similarity of a pair `--passage-mine-fan-in` prints.
    #[arg(long, hide_short_help = true, value_name = "S", value_parser = non_negative, allow_negative_numbers = true, default_value_t = talign_events::passages::PassageOptions::default().mine_fan_support)]
    passage_mine_fan_support: f32,
    /// Two languages without a learnt table: print a mined pair when its similarity is at
    /// least this share of the best pair of each of its sentences (many to many).
    #[arg(long, hide_short_help = true, value_name = "Q", value_parser = non_negative, allow_negative_numbers = true, default_value_t = talign_events::passages::PassageOptions::default().mine_relative)]
    passage_mine_relative: f32,
    /// Two languages without a learnt table: the first N sentences of two reports that share
    /// anything (headline and lead, where news states its main fact) pair when they share
    /// specific anchors (0: no lead pairs).
    #[arg(long, hide_short_help = true, value_name = "N", default_value_t = talign_events::passages::PassageOptions::default().lead_sentences)]
    passage_lead_sentences: usize,
    /// Least weight of specific anchors two lead sentences must share to pair.
    #[arg(long, hide_short_help = true, value_name = "W", value_parser = non_negative, allow_negative_numbers = true, default_value_t = talign_events::passages::PassageOptions::default().lead_shared)]
    passage_lead_shared: f32,
    /// Least weight of the specific anchors (names, figures, dates, rare event words) a mined
    /// sentence pair of independent reports must share.
    #[arg(long, hide_short_help = true, value_name = "W", value_parser = non_negative, allow_negative_numbers = true, default_value_t = talign_events::passages::PassageOptions::default().mine_shared)]
    passage_mine_shared: f32,
    /// Most mined sentence pairs one sentence of independent reports may take part in: one
    /// report may tell in one sentence what the other tells in several (1: one to one).
    #[arg(long, hide_short_help = true, value_name = "N", value_parser = clap::value_parser!(u8).range(1..), default_value_t = talign_events::passages::PassageOptions::default().mine_fanout)]
    passage_mine_fanout: u8,
    /// Pairs judged independent reports also keep the passages their monotonic alignment
    /// pairs with at least this much evidence of their own (0: none are kept). Only for two
    /// languages the corpus taught a translation table.
    #[arg(long, hide_short_help = true, value_name = "E", value_parser = non_negative, allow_negative_numbers = true, default_value_t = talign_events::passages::PassageOptions::default().keep_supported)]
    passage_keep_supported: f32,
    /// Pairs with too few seeds in one order still try a monotonic alignment, kept when it
    /// puts at least N rare anchors in aligned passages (0: such pairs are mined). Only for
    /// two languages the corpus taught a translation table: without one, such pairs are
    /// mined.
    #[arg(long, hide_short_help = true, value_name = "N", default_value_t = talign_events::passages::PassageOptions::default().few_anchors)]
    passage_few_anchors: usize,
    /// ... and when that alignment has at least N passages.
    #[arg(long, hide_short_help = true, value_name = "N", default_value_t = talign_events::passages::PassageOptions::default().few_passages)]
    passage_few_passages: usize,
    /// Pairs with too few seeds in one order that share no rare anchor at all still align as
    /// a translation, where the corpus taught the two languages a translation table, when
    /// that alignment has at least N passages (0: off).
    #[arg(long, hide_short_help = true, value_name = "N", default_value_t = talign_events::passages::PassageOptions::default().few_passages_unanchored)]
    passage_few_passages_unanchored: usize,
    /// Width of the band around the path of the confident sentence pairs where passages
    /// may be paired, in mean sentences of the right document (0: no band).
    #[arg(long, hide_short_help = true, value_name = "W", value_parser = non_negative, allow_negative_numbers = true, default_value_t = talign_events::passages::PassageOptions::default().band_width)]
    passage_band_width: f32,
}

impl Command {
    /// Marks --passage-min-score as given by the user (see [`Tuning::explicit_min_score`]).
    fn explicit_min_score(&mut self) {
        match self {
            Command::Events(EventsCommand::Align(a) | EventsCommand::Cluster(a)) => {
                a.tuning.explicit_min_score = true;
            }
            Command::Export(ExportCommand::Names(a)) => a.base.tuning.explicit_min_score = true,
            Command::Export(ExportCommand::Sentences(a)) => a.base.tuning.explicit_min_score = true,
            Command::Events(EventsCommand::Pairs(a)) => a.base.tuning.explicit_min_score = true,
            Command::Report(a) => a.tuning.explicit_min_score = true,
            Command::Names(_) | Command::Corpus(_) => {}
        }
    }
}

impl Tuning {
    fn options(&self) -> talign_events::Options {
        let mut o = talign_events::Options::default();
        o.align.link = self.link_score;
        o.align.mutual = self.mutual_score;
        o.align.same_language = self.same_language_score;
        o.align.all_pairs = self.all_pairs;
        o.align.order_weight = self.order_weight;
        o.align.verify = self.verify_candidates;
        o.cluster.threshold = self.event_threshold;
        o.cluster.min_pair = self.event_min_pair;
        o.cluster.min_link = self.event_min_link;
        o.cluster.min_support = self.event_min_support;
        o.cluster.support = self.event_support;
        o.cluster.tolerance = self.event_tolerance;
        o.cluster.refine_rounds = self.event_refine_rounds;
        o.passages.skip = self.passage_skip;
        o.passages.min_score = self.passage_min_score;
        if self.explicit_min_score {
            o.passages.mined_min_score = self.passage_min_score;
        }
        o.passages.cut_base = self.passage_cut_base;
        o.passages.cut_weight = self.passage_cut_weight;
        o.passages.gap_skip = self.passage_gap_skip;
        o.passages.switch = self.passage_switch;
        o.passages.cognate_reward = self.passage_cognate_reward;
        o.passages.cognate_min_key = usize::from(self.passage_cognate_min_key);
        o.passages.lexical_reward = self.passage_lexical_reward;
        o.passages.anchor_reward = self.passage_anchor_reward;
        o.passages.anchor_miss = self.passage_anchor_miss;
        o.passages.mining = !self.passage_no_mining;
        o.passages.news_words = !self.passage_no_news_words;
        o.passages.mine_margin = self.passage_mine_margin;
        o.passages.mine_support = self.passage_mine_support;
        o.passages.mine_support_untaught = self.passage_mine_support_untaught;
        o.passages.mine_hub_margin = self.passage_mine_hub_margin;
        o.passages.mine_fan_in = self.passage_mine_fan_in;
        o.passages.mine_fan_support = self.passage_mine_fan_support;
        o.passages.mine_relative = self.passage_mine_relative;
        o.passages.lead_sentences = self.passage_lead_sentences;
        o.passages.lead_shared = self.passage_lead_shared;
        o.passages.mine_shared = self.passage_mine_shared;
        o.passages.mine_fanout = self.passage_mine_fanout;
        o.passages.keep_supported = self.passage_keep_supported;
        o.passages.few_anchors = self.passage_few_anchors;
        o.passages.few_passages = self.passage_few_passages;
        o.passages.few_passages_unanchored = self.passage_few_passages_unanchored;
        o.passages.band_width = self.passage_band_width;
        o
    }
}

#[derive(Debug, Args)]
struct ReportArgs {
    #[command(flatten)]
    corpus: ReportCorpusArgs,
    #[command(flatten)]
    out: ReportOutput,
    #[command(flatten)]
    tuning: Tuning,
}

/// Where and how `report` writes its tables.
#[derive(Debug, Args)]
#[command(next_help_heading = "Output")]
struct ReportOutput {
    /// Directory to write the tables into (links, events, names, sentences); created whole,
    /// or not at all.
    #[arg(long, value_name = "DIR", default_value = "talign-report")]
    out: PathBuf,
    /// Format of the table files; `html` writes pages to read in a browser instead (index.html).
    #[arg(long, value_enum, default_value_t = ReportFormat::Csv)]
    format: ReportFormat,
    /// Show the passages of every pair of documents the aligner scored inside one event, not
    /// only of the linked ones and the unlinked reports in two languages (as `export
    /// sentences --within-events`; the links table stays the links).
    #[arg(long)]
    within_events: bool,
}

/// What `report` writes: the four tables in one of the table formats, or HTML pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ReportFormat {
    Csv,
    Tsv,
    Json,
    Jsonl,
    Markdown,
    Html,
}

impl ReportFormat {
    /// The table format, or `None` for HTML.
    fn table(self) -> Option<Format> {
        Some(match self {
            ReportFormat::Csv => Format::Csv,
            ReportFormat::Tsv => Format::Tsv,
            ReportFormat::Json => Format::Json,
            ReportFormat::Jsonl => Format::Jsonl,
            ReportFormat::Markdown => Format::Markdown,
            ReportFormat::Html => return None,
        })
    }

    /// The files the report writes for sure (split HTML pages come on top).
    fn files(self) -> Vec<String> {
        match self.table() {
            Some(f) => {
                ["links", "events", "names", "sentences"].iter().map(|t| format!("{t}.{}", f.extension())).collect()
            }
            None => vec!["index.html".to_owned()],
        }
    }
}

#[derive(Debug, Subcommand)]
enum NamesCommand {
    /// One row per input name: script, cleaned form, romanization and comparison key.
    #[command(
        after_help = "Output columns: input,script,normalized,latin,key (plus phonemes,entity with --explain)\n\nExample:\n  printf 'ল্যাভরভ\\nلاوروف\\n' | talign names normalize -\n  printf 'বাংলাদেশ\\nمسعود پزشکیان\\n' | talign names normalize --romanization iso -\n  (latin column: bāṁlādēśa by ISO 15919, msʿūd pzškyān by DIN 31635)"
    )]
    Normalize(NormalizeArgs),
    /// For each LEFT name, the RIGHT name that most likely names the same entity.
    #[command(
        after_help = "Output columns: left,right,score (plus rank with --top, explanation with --explain)\n\nExample:\n  talign names pair examples/names/bengali.txt examples/names/english.txt --top 3 --min-score 0.6"
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
    /// Romanize Bengali and Persian/Arabic names with the learnt model that writes the
    /// vowels a reader expects (Masoud Pezeshkian), as `export names` does, instead of
    /// letter by letter (Msud Pzshkian); far slower (6 s against 0.02 s for 8,000 distinct
    /// words). The same as `--romanization readable`.
    #[arg(long)]
    vowels: bool,
    /// How the `latin` column is written [default: rules].
    #[arg(long, value_enum, value_name = "HOW")]
    romanization: Option<Romanization>,
    #[command(flatten)]
    out: Output,
}

impl NormalizeArgs {
    /// The romanization asked for: `--romanization`, `readable` with `--vowels`, `rules`
    /// without either.
    fn romanization(&self) -> talign_names::Romanization {
        match (self.vowels, self.romanization) {
            (true, _) | (false, Some(Romanization::Readable)) => talign_names::Romanization::Readable,
            (false, Some(Romanization::Iso)) => talign_names::Romanization::Iso,
            (false, Some(Romanization::Rules) | None) => talign_names::Romanization::Rules,
        }
    }
}

/// How `names normalize` writes the `latin` column: [`talign_names::Romanization`], with the
/// help of each value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Romanization {
    /// Letter by letter, no vowels added to Persian/Arabic (Msvd Pzshkyan); fast.
    Rules,
    /// With the vowels a reader expects, by a learnt model (Masoud Pezeshkian); as --vowels.
    Readable,
    /// Scholarly transliteration: Bengali by ISO 15919, Persian/Arabic/Urdu by DIN 31635
    /// (msʿūd pzškyān, bāṁlādēśa).
    Iso,
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
    #[arg(long, value_name = "K", value_parser = at_least_one)]
    top: Option<usize>,
    /// Leave `right` empty where the best score is below S (0 to 1).
    #[arg(long, value_name = "S", value_parser = unit_interval, allow_negative_numbers = true)]
    min_score: Option<f32>,
    /// Add an `explanation` column saying which rule or lexicon entry matched.
    #[arg(long)]
    explain: bool,
    /// Match by rules alone, without the curated lexicon of exonyms and known names.
    #[arg(long)]
    no_lexicon: bool,
    /// Candidates scored in full per name (more is slower and surer).
    #[arg(long, value_name = "N", value_parser = at_least_one, default_value_t = talign_names::DEFAULT_SHORTLIST)]
    shortlist: usize,
    #[command(flatten)]
    out: Output,
}

/// A score: a number from 0 to 1.
fn unit_interval(s: &str) -> Result<f32, String> {
    match s.trim().parse::<f32>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err("must be a number from 0 to 1".into()),
    }
}

/// A cost, reward or weight: a finite number, 0 or more.
fn non_negative(s: &str) -> Result<f32, String> {
    match s.trim().parse::<f32>() {
        Ok(x) if x.is_finite() && x >= 0.0 => Ok(x),
        _ => Err("must be a finite number, 0 or more".into()),
    }
}

/// A finite number.
fn finite(s: &str) -> Result<f32, String> {
    match s.trim().parse::<f32>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => Err("must be a finite number".into()),
    }
}

/// A count of at least one.
fn at_least_one(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err("must be a whole number, 1 or more".into()),
    }
}

/// Checks, before any work, that the outputs can be written and that none of them is one of
/// the inputs (a name list, a JSONL file, a corpus's manifest.csv or .txt file), which `-o`
/// would replace.
fn check_outputs(outputs: &[&Path], inputs: &[PathBuf], corpus: bool) -> anyhow::Result<()> {
    let mut input_files: Vec<PathBuf> = Vec::new();
    for i in inputs {
        if corpus && i.is_dir() {
            if let Ok(entries) = std::fs::read_dir(i) {
                input_files.extend(entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| {
                    p.extension().is_some_and(|e| e == "txt") || p.file_name().is_some_and(|n| n == "manifest.csv")
                }));
            }
        } else {
            input_files.push(i.clone());
        }
    }
    for out in outputs {
        if *out == Path::new("-") {
            continue;
        }
        if let Some(same) = input_files.iter().find(|i| same_file(out, i)) {
            anyhow::bail!("{}: is an input ({}); write the output elsewhere", out.display(), same.display());
        }
        talign::table::check_output(out)?;
    }
    Ok(())
}

/// Whether two paths name one existing file (by device and inode on Unix, so that a
/// symbolic or hard link counts too).
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// The command's outputs and inputs, checked before it runs.
fn check(command: &Command) -> anyhow::Result<()> {
    let corpus_out = |c: &CorpusArgs, o: &Output| -> anyhow::Result<()> {
        check_outputs(&o.output.as_deref().into_iter().collect::<Vec<_>>(), &c.corpus, true)
    };
    match command {
        Command::Names(NamesCommand::Normalize(a)) => check_outputs(
            &a.out.output.as_deref().into_iter().collect::<Vec<_>>(),
            std::slice::from_ref(&a.list),
            false,
        ),
        Command::Names(NamesCommand::Pair(a)) if a.left == Path::new("-") && a.right == Path::new("-") => {
            anyhow::bail!("LEFT and RIGHT cannot both be standard input (-)")
        }
        Command::Names(NamesCommand::Pair(a)) => check_outputs(
            &a.out.output.as_deref().into_iter().collect::<Vec<_>>(),
            &[a.left.clone(), a.right.clone()],
            false,
        ),
        Command::Events(EventsCommand::Cluster(a)) => {
            a.windows.spec()?;
            corpus_out(&a.corpus, &a.out)
        }
        Command::Events(EventsCommand::Align(a)) => {
            a.windows.spec()?;
            corpus_out(&a.corpus, &a.out)
        }
        Command::Export(ExportCommand::Names(a)) => {
            a.base.windows.spec()?;
            corpus_out(&a.base.corpus, &a.base.out)
        }
        Command::Export(ExportCommand::Sentences(a)) => {
            let windowed = a.base.windows.spec()?.is_some();
            let whole = [(a.pairs.is_some(), "--pairs"), (a.within_events, "--within-events"), (a.timing, "--timing")];
            if let Some((_, flag)) = whole.iter().find(|x| x.0 && (windowed || a.base.windows.stats.is_some())) {
                anyhow::bail!(
                    "export sentences: {flag} cannot be given with --window-days or --stats (it runs on the whole corpus, weighed by itself)"
                );
            }
            corpus_out(&a.base.corpus, &a.base.out)?;
            let out: Vec<&Path> = a.base.out.output.as_deref().into_iter().collect();
            check_outputs(&out, &a.pairs.iter().cloned().collect::<Vec<_>>(), false)
        }
        Command::Events(EventsCommand::Pairs(a)) => {
            a.base.windows.spec()?;
            corpus_out(&a.base.corpus, &a.base.out)
        }
        Command::Corpus(
            CorpusCommand::Docs(a) | CorpusCommand::Sentences(a) | CorpusCommand::Cuts(a) | CorpusCommand::Facts(a),
        ) => corpus_out(&a.corpus, &a.out),
        Command::Corpus(CorpusCommand::Stats(a)) => {
            check_outputs(&a.output.as_deref().into_iter().collect::<Vec<_>>(), &a.corpus.corpus, true)
        }
        Command::Report(a) => {
            let files: Vec<PathBuf> = a.out.format.files().iter().map(|f| a.out.out.join(f)).collect();
            let files: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
            // The directory itself may not exist yet; its files are checked when it does.
            if a.out.out.is_dir() {
                check_outputs(&files, &a.corpus.corpus, true)
            } else if a.out.out.exists() {
                anyhow::bail!("{}: exists and is not a directory", a.out.out.display())
            } else {
                Ok(())
            }
        }
    }
}

/// Runs a command on the stream in windows (`windowed`) when --window-days is given, else on
/// the whole corpus as `table`; either way weighed with the statistics of --stats, if given.
fn whole_or_windowed(
    a: &CorpusCommandArgs,
    table: events_cmd::Table,
    windowed: impl FnOnce(
        talign_events::window::WindowSpec,
        Option<std::sync::Arc<talign_events::stats::Stats>>,
    ) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let stats = a.windows.read_stats()?;
    match a.windows.spec()? {
        Some(spec) => windowed(spec, stats),
        None => events_cmd::run_with(table, &a.corpus, &a.tuning.options(), stats.as_deref(), &a.out),
    }
}

fn run(command: Command) -> anyhow::Result<()> {
    check(&command)?;
    match command {
        Command::Names(NamesCommand::Normalize(a)) => names_cmd::normalize(&a),
        Command::Names(NamesCommand::Pair(a)) => names_cmd::pair(&a),
        Command::Events(EventsCommand::Align(a)) => whole_or_windowed(&a, events_cmd::Table::Links, |spec, stats| {
            events_cmd::align_windowed(&a.corpus, &a.tuning.options(), spec, stats, &a.out)
        }),
        Command::Events(EventsCommand::Cluster(a)) => {
            whole_or_windowed(&a, events_cmd::Table::Events, |spec, stats| {
                events_cmd::cluster_windowed(&a.corpus, &a.tuning.options(), spec, stats, &a.out)
            })
        }
        Command::Events(EventsCommand::Pairs(a)) => {
            let b = &a.base;
            whole_or_windowed(b, events_cmd::Table::Pairs { inputs: a.inputs }, |spec, stats| {
                events_cmd::pairs_windowed(&b.corpus, &b.tuning.options(), spec, stats, a.inputs, &b.out)
            })
        }
        Command::Export(ExportCommand::Names(n)) => {
            let a = &n.base;
            whole_or_windowed(a, events_cmd::Table::Names { explain: n.explain }, |spec, stats| {
                events_cmd::names_windowed(&a.corpus, spec, stats, n.explain, &a.out)
            })
        }
        Command::Export(ExportCommand::Sentences(a)) => match &a.pairs {
            _ if a.base.windows.stats.is_some() || a.base.windows.window_days.is_some() => {
                let stats = a.base.windows.read_stats()?;
                match a.base.windows.spec()? {
                    Some(spec) => events_cmd::sentences_windowed(
                        &a.base.corpus,
                        &a.base.tuning.options(),
                        spec,
                        stats,
                        a.explain,
                        &a.base.out,
                    ),
                    None => events_cmd::sentences_with(
                        &a.base.corpus,
                        &a.base.tuning.options(),
                        stats.as_deref(),
                        a.explain,
                        &a.base.out,
                    ),
                }
            }
            Some(pairs) => events_cmd::sentences_for_pairs(
                &a.base.corpus,
                &a.base.tuning.options(),
                Some(pairs),
                a.explain,
                false,
                a.timing,
                &a.base.out,
            ),
            None if a.timing => events_cmd::sentences_for_pairs(
                &a.base.corpus,
                &a.base.tuning.options(),
                None,
                a.explain,
                a.within_events,
                true,
                &a.base.out,
            ),
            None => {
                events_cmd::sentences(&a.base.corpus, &a.base.tuning.options(), a.explain, a.within_events, &a.base.out)
            }
        },
        Command::Corpus(CorpusCommand::Docs(a)) => events_cmd::corpus_docs(&a.corpus, &a.out),
        Command::Corpus(CorpusCommand::Sentences(a)) => events_cmd::corpus_sentences(&a.corpus, &a.out),
        Command::Corpus(CorpusCommand::Cuts(a)) => events_cmd::corpus_cuts(&a.corpus, &a.out),
        Command::Corpus(CorpusCommand::Facts(a)) => events_cmd::corpus_facts(&a.corpus, &a.out),
        Command::Corpus(CorpusCommand::Stats(a)) => {
            events_cmd::corpus_stats(&a.corpus, &a.tuning.options(), a.output.as_deref())
        }
        Command::Report(a) => {
            let corpus = CorpusArgs { corpus: a.corpus.corpus, lenient_lang: a.corpus.lenient_lang };
            events_cmd::report(&corpus, &a.tuning.options(), &a.out.out, a.out.format, a.out.within_events)
        }
    }
}

/// Whether the innermost subcommand was given `id` on the command line (not by default).
fn given(matches: &clap::ArgMatches, id: &str) -> bool {
    match matches.subcommand() {
        Some((_, sub)) => given(sub, id),
        None => {
            matches.try_contains_id(id).unwrap_or(false)
                && matches.value_source(id) == Some(clap::parser::ValueSource::CommandLine)
        }
    }
}

fn main() -> ExitCode {
    use clap::{CommandFactory, FromArgMatches};
    let matches = Cli::command().get_matches();
    let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    if let Command::Names(NamesCommand::Normalize(a)) = &cli.command
        && a.vowels
        && a.romanization.is_some_and(|r| r != Romanization::Readable)
    {
        Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                "--vowels means --romanization readable: it cannot be given with another --romanization",
            )
            .exit();
    }
    progress::set_quiet(cli.quiet);
    if let Err(e) = talign::input::extend_lexicon(&cli.lexicon) {
        eprintln!("talign: error: {e:#}");
        return ExitCode::from(2);
    }
    // --passage-min-score given by the user filters every passage pair; its default filters
    // only those aligned as translations (mined pairs have their own threshold).
    if given(&matches, "passage_min_score") {
        cli.command.explicit_min_score();
    }
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("talign: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
