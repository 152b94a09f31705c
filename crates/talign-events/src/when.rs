//! When the happening a document reports took place: a time window read from the dates
//! of its lead, or from its publication date.
//!
//! News states the date of what it reports near the top (a dateline, "on Sunday", "on 19
//! May"), and mentions older dates further down as background. So the window is, in order:
//! - the first full date in the lead (the first [`LEAD_BYTES`] bytes, or the first 40 % of a
//!   longer text) that is not long before the publication date (background, more than
//!   [`BACKGROUND_DAYS`] earlier) — when it lies after the publication date, the document
//!   announces it (a preview) and the window is that future day;
//! - else the days just before publication (`[published − 3, published]`);
//! - else a month of a year in the lead, the whole month.
//!
//! A day and month without a year counts only at the very top (the first [`DATELINE_BYTES`]
//! bytes: a dateline, the first sentence), compared on the day of the year: further down,
//! without a publication date, there is no telling the news from the background
//! (`৭ই অক্টোবরের হামলা`, the attack of October 7, in a December report).
//!
//! Documents with none of these have no window and are never kept apart by time.

use talign_corpus::Date;

use crate::cluster::Window;
use crate::temporal::{DateMention, TimeValue};

/// The lead of a short text.
pub const LEAD_BYTES: usize = 600;
/// Where a day and month without a year may stand to count.
pub const DATELINE_BYTES: usize = 400;
/// A lead date this many days before publication is background, not the news.
pub const BACKGROUND_DAYS: i64 = 14;
/// How many days before publication a happening without a stated date is taken to be.
pub const UNDATED_DAYS: i64 = 3;

/// What a document says about when its happening took place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    /// The window.
    pub window: Window,
    /// Where it comes from.
    pub source: WhenSource,
}

/// Where a window was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhenSource {
    /// A date stated in the lead.
    Stated,
    /// A date after publication in the lead: the document announces the happening.
    Announced,
    /// The publication date.
    Published,
    /// A day and month without a year, at the top.
    DayOfYear,
    /// A month of a year.
    Month,
}

/// The window of a document of `len` bytes with these `dates` (sorted by position) and
/// publication date.
pub fn when(dates: &[DateMention], published: Option<Date>, len: usize) -> Option<When> {
    let lead = LEAD_BYTES.max(len * 2 / 5);
    let in_lead = || dates.iter().filter(move |m| m.start < lead);
    let stated = in_lead().find_map(|m| match m.value {
        TimeValue::Day(d) => match published {
            Some(p) if p.days_from(d) > BACKGROUND_DAYS => None,
            _ => Some(d),
        },
        _ => None,
    });
    if let Some(d) = stated {
        let day = d.days_since_epoch();
        let source = match published {
            Some(p) if d.days_from(p) > 1 => WhenSource::Announced,
            _ => WhenSource::Stated,
        };
        return Some(When { window: Window::Days(day, day), source });
    }
    if let Some(p) = published {
        let day = p.days_since_epoch();
        return Some(When { window: Window::Days(day - UNDATED_DAYS, day), source: WhenSource::Published });
    }
    for m in in_lead() {
        match m.value {
            TimeValue::DayMonth { month, day } if m.start < DATELINE_BYTES => {
                // The day of the year in a common year (a leap day falls on March 1st).
                let d = Date::from_ymd(2023, month, day).or(Date::from_ymd(2023, 3, 1))?;
                let doy = i64::from(d.day_of_year());
                return Some(When { window: Window::DaysOfYear(doy, doy), source: WhenSource::DayOfYear });
            }
            TimeValue::MonthYear { year, month } => {
                let first = Date::from_ymd(year, month, 1)?;
                let next =
                    if month == 12 { Date::from_ymd(year + 1, 1, 1)? } else { Date::from_ymd(year, month + 1, 1)? };
                return Some(When {
                    window: Window::Days(first.days_since_epoch(), next.days_since_epoch() - 1),
                    source: WhenSource::Month,
                });
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temporal::find_dates;

    fn w(text: &str, published: Option<&str>) -> Option<When> {
        let p = published.map(|p| p.parse().unwrap());
        when(&find_dates(text, p), p, text.len())
    }

    fn day(s: &str) -> i64 {
        s.parse::<Date>().unwrap().days_since_epoch()
    }

    #[test]
    fn the_first_lead_date_that_is_not_background() {
        let t = "Helicopter crash. On 19 May 2024 the helicopter fell. In 2023 another crash on 23 February 2023.";
        assert_eq!(w(t, None).unwrap().window, Window::Days(day("2024-05-19"), day("2024-05-19")));
        // Background before publication is skipped.
        let t = "On 23 February 2023 a minister's helicopter overturned; on Sunday the president's crashed.";
        let got = w(t, Some("2024-05-20")).unwrap();
        assert_eq!(got.window, Window::Days(day("2024-05-19"), day("2024-05-19")));
        assert_eq!(got.source, WhenSource::Stated);
    }

    #[test]
    fn previews_announce_a_later_day() {
        let got = w("Lavrov will visit Dhaka on 7 September 2023.", Some("2023-08-20")).unwrap();
        assert_eq!(got.source, WhenSource::Announced);
        assert_eq!(got.window, Window::Days(day("2023-09-07"), day("2023-09-07")));
    }

    #[test]
    fn undated_documents_fall_back_to_publication() {
        let got = w("Lavrov arrived in Dhaka.", Some("2023-09-08")).unwrap();
        assert_eq!(got.window, Window::Days(day("2023-09-05"), day("2023-09-08")));
        let got = w("৭ অক্টোবর ভূমিকম্প হয়েছে", None).unwrap();
        assert_eq!(got.window, Window::DaysOfYear(280, 280));
        let far = format!("{}। ৭ অক্টোবরের হামলার পর", "ক".repeat(400));
        assert_eq!(w(&far, None), None);
        assert_eq!(w("Lavrov arrived in Dhaka.", None), None);
    }
}
