//! Progress on standard error for long runs: documents loaded, analysed (facts
//! extracted, names resolved, pairs linked, events grouped) and links whose passages are
//! aligned, drawn by `indicatif`. Nothing is drawn when standard error is not a terminal
//! or with `--quiet`, and nothing of it reaches the outputs: the files and standard output
//! are the same bytes with or without it.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Set by `--quiet`.
static QUIET: AtomicBool = AtomicBool::new(false);

/// Turns progress (and the report's closing summary) off for the whole run.
pub(crate) fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

/// Whether `--quiet` was given.
pub(crate) fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// One line of progress on standard error, or nothing.
#[derive(Debug)]
pub(crate) struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A spinner saying `what`, shown only on a terminal and without `--quiet`.
    pub(crate) fn spinner(what: &str) -> Progress {
        if quiet() || !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {elapsed:>4} {msg}").unwrap_or(ProgressStyle::default_spinner()),
        );
        bar.set_message(what.to_owned());
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress { bar: Some(bar) }
    }

    /// Turns the line back into a spinner saying `what`.
    pub(crate) fn spin(&self, what: &str) {
        if let Some(b) = &self.bar {
            b.set_style(
                ProgressStyle::with_template("{spinner} {elapsed:>4} {msg}")
                    .unwrap_or(ProgressStyle::default_spinner()),
            );
            b.set_message(what.to_owned());
        }
    }

    /// Turns the line into a bar counting `total` things, labelled `what`.
    pub(crate) fn count(&self, what: &str, total: u64) {
        if let Some(b) = &self.bar {
            b.set_length(total);
            b.set_position(0);
            b.set_style(
                ProgressStyle::with_template("{elapsed:>4} [{bar:30}] {pos}/{len} {msg} ({eta} left)")
                    .unwrap_or(ProgressStyle::default_bar())
                    .progress_chars("=> "),
            );
            b.set_message(what.to_owned());
        }
    }

    /// Sets the count.
    pub(crate) fn set(&self, done: u64) {
        if let Some(b) = &self.bar {
            b.set_position(done);
        }
    }

    /// Adds one to the count.
    pub(crate) fn inc(&self) {
        if let Some(b) = &self.bar {
            b.inc(1);
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
