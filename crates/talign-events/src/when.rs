//! When the happening a document reports took place: a time window read from the dates
//! of its lead, or from its publication date.
//!
//! News states the date of what it reports near the top (a dateline, "on Sunday", "on 19
//! May"), and mentions older dates further down as background. So the window is, in order:
//! - the first full date in the lead (the first [`LEAD_BYTES`] bytes, or the first 40 % of a
//!   longer text) that is not long before the publication date (background, more than
//!   [`BACKGROUND_DAYS`] earlier) — when it lies after the publication date, the document
//!   announces it (a preview) and the window is that future day;
//!   but when the lead names the month after publication ("next month", আগামী মাসে,
//!   ماه آینده, الشهر المقبل) and states no day or only the publication day itself (a
//!   dateline), the document announces a happening of that month, and the window is the
//!   whole month;
//! - else the days just before publication (`[published − 3, published]`);
//! - else a month of a year at the very top, the whole month.
//!
//! A day and month without a year counts only at the very top (the first
//! [`DATELINE_BYTES`] bytes: a dateline, the first sentence), or anywhere in the lead when
//! it is named with a weekday (`বৃহস্পতিবার (৭ সেপ্টেম্বর)`, the way news states the day of
//! its story), compared on the day of the year: otherwise, further down and without a
//! publication date, there is no telling the news from the background (`৭ই অক্টোবরের
//! হামলা`, the attack of October 7, in a December report). A month of a year counts only
//! at the very top too (`من أبريل 1971`, a leader's term in a report of his daughter's
//! fall).
//!
//! Dates of the page rather than its story are passed over when the text is given
//! ([`when_in`]): metadata lines, masthead clocks, and a header date after publication.
//!
//! Documents with none of these have no window and are never kept apart by time.

use talign_corpus::Date;

use crate::cluster::Window;
use crate::temporal::{Calendar, DateMention, Note, TimeValue};

/// The lead of a short text.
pub const LEAD_BYTES: usize = 600;
/// Where a day and month without a year may stand to count.
pub const DATELINE_BYTES: usize = 400;
/// A lead date this many days before publication is background, not the news.
pub const BACKGROUND_DAYS: i64 = 14;
/// How many days before publication a happening without a stated date is taken to be.
pub const UNDATED_DAYS: i64 = 3;

/// The window of a happening known only by the day its report was published: that day and
/// the [`UNDATED_DAYS`] before.
pub fn published_window(published: Date) -> Window {
    let day = published.days_since_epoch();
    Window::Days(day - UNDATED_DAYS, day)
}

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
    /// The page address names a month (`/2024/01/story`).
    Url,
}

impl WhenSource {
    /// The name `corpus docs` prints: `stated`, `announced`, `published`, `day_of_year`,
    /// `month`, `url`.
    pub fn name(self) -> &'static str {
        match self {
            WhenSource::Stated => "stated",
            WhenSource::Announced => "announced",
            WhenSource::Published => "published",
            WhenSource::DayOfYear => "day_of_year",
            WhenSource::Month => "month",
            WhenSource::Url => "url",
        }
    }
}

/// The window of a document of `len` bytes with these `dates` (sorted by position) and
/// publication date. [`when_in`] reads the text too, and is what the aligner uses.
pub fn when(dates: &[DateMention], published: Option<Date>, len: usize) -> Option<When> {
    window(None, dates, published, len)
}

/// [`when`] with the text the `dates` were read from, which lets it pass over the dates of
/// a page's metadata and masthead:
/// - a date on a line that labels the page's publication, update or print time
///   (`প্রিন্ট এর তারিখঃ জুলাই ৪, ২০২৫`) is when the page was made, not its news;
/// - a date on a masthead clock line (the day in the Bengali calendar beside it, or
///   exchange rates: [`crate::temporal::is_clock_line`]) is the day the page was rendered;
/// - a day the text names with its weekday (`বুধবার (১৯ জুন)`, `В среду, 19 июня`) wins over
///   a date on the page's first line that is more than [`BACKGROUND_DAYS`] later: that
///   first line is a header showing the day the page was rendered.
pub fn when_in(text: &str, dates: &[DateMention], published: Option<Date>) -> Option<When> {
    window(Some(text), dates, published, text.len())
}

/// [`when_in`] for a page with this address: when the text gives no window and the
/// address names a month but no day (`/2024/01/story`, see
/// [`crate::temporal::url_days`]), the happening lies in that month or the few days before.
pub fn when_in_page(text: &str, url: Option<&str>, dates: &[DateMention], published: Option<Date>) -> Option<When> {
    when_in(text, dates, published).or_else(|| {
        let (first, last) = crate::temporal::url_days(url?)?;
        let window = Window::Days(first.days_since_epoch() - UNDATED_DAYS, last.days_since_epoch());
        Some(When { window, source: WhenSource::Url })
    })
}

/// The weekday a mention names, if it is a weekday.
pub(crate) fn weekday_of(m: &DateMention) -> Option<talign_corpus::Weekday> {
    match (m.value, m.calendar) {
        (TimeValue::Weekday(w), _) => Some(w),
        (TimeValue::Day(d), Calendar::Weekday) => Some(d.weekday()),
        _ => None,
    }
}

/// Whether the day `dates[i]` is named with a weekday just before or after it (a few
/// bytes of spaces, commas or brackets apart) that is its own (for a day and month
/// without a year, any weekday).
fn weekday_anchored(text: &str, dates: &[DateMention], i: usize) -> bool {
    let own = match dates[i].value {
        TimeValue::Day(d) => Some(d.weekday()),
        TimeValue::DayMonth { .. } => None,
        _ => return false,
    };
    if dates[i].calendar == Calendar::Weekday {
        return false;
    }
    let gap_ok = |a: usize, b: usize| {
        a <= b
            && b - a <= 8
            && text.get(a..b).is_some_and(|g| g.chars().all(|c| c.is_whitespace() || ",،(（/-".contains(c)))
    };
    let before = i.checked_sub(1).map(|j| &dates[j]).filter(|w| gap_ok(w.end, dates[i].start));
    let after = dates.get(i + 1).filter(|w| gap_ok(dates[i].end, w.start));
    before.into_iter().chain(after).any(|w| weekday_of(w).is_some_and(|wd| own.is_none_or(|o| o == wd)))
}

/// Whether `m` is a date alone on the page's first line (a header) that lies after the
/// publication date: the day the page was rendered. A page that announces a later
/// happening names its day in a sentence.
fn header_clock(text: &str, m: &DateMention, published: Option<Date>) -> bool {
    let Some(first_line) = text.find('\n') else { return false };
    let alone = m.end <= first_line && text[..first_line].trim().chars().count() <= HEADER_LINE;
    let later = matches!((m.value, published), (TimeValue::Day(d), Some(p)) if d.days_from(p) > 1);
    alone && later
}

/// The longest first line that [`header_clock`] takes for a header.
const HEADER_LINE: usize = 40;

/// The window of a whole month.
fn month_window(year: i32, month: u32) -> Option<Window> {
    let (first, last) = crate::temporal::month_days(year, month)?;
    Some(Window::Days(first.days_since_epoch(), last.days_since_epoch()))
}

fn window(text: Option<&str>, dates: &[DateMention], published: Option<Date>, len: usize) -> Option<When> {
    let lead = LEAD_BYTES.max(len * 2 / 5);
    // Dates of the page's metadata and masthead say when the page was made.
    let story = |m: &DateMention| {
        text.is_none_or(|t| !crate::temporal::is_page_date(t, m.start) && !header_clock(t, m, published))
    };
    // The story's dates in the lead, with their index in `dates`.
    let in_lead = || dates.iter().enumerate().filter(move |(_, m)| m.start < lead && story(m));
    let mut stated = in_lead().find_map(|(_, m)| match m.value {
        TimeValue::Day(d) => match published {
            Some(p) if p.days_from(d) > BACKGROUND_DAYS => None,
            _ => Some((d, m.start)),
        },
        _ => None,
    });
    // A first-line date well after a day named with its weekday is a header clock.
    if let (Some(t), Some((d, at))) = (text, stated) {
        let first_line = t.find('\n').unwrap_or(t.len());
        if at < first_line {
            let anchored = (0..dates.len()).find(|&i| {
                dates[i].start < lead
                    && dates[i].start >= first_line
                    && story(&dates[i])
                    && weekday_anchored(t, dates, i)
            });
            if let Some(i) = anchored
                && let TimeValue::Day(a) = dates[i].value
                && d.days_from(a) > BACKGROUND_DAYS
            {
                stated = Some((a, dates[i].start));
            }
        }
    }
    // "Next month" in the lead, and no day stated but the publication day (a dateline):
    // the document announces a happening of that month.
    if let Some(p) = published
        && stated.is_none_or(|(d, _)| d == p)
        && let Some(window) = in_lead().find_map(|(_, m)| match (m.value, m.note) {
            (TimeValue::MonthYear { year, month }, Some(Note::FromPublished))
                if (year, month) > (p.year(), p.month()) =>
            {
                month_window(year, month)
            }
            _ => None,
        })
    {
        return Some(When { window, source: WhenSource::Announced });
    }
    if let Some((d, _)) = stated {
        let day = d.days_since_epoch();
        let source = match published {
            Some(p) if d.days_from(p) > 1 => WhenSource::Announced,
            _ => WhenSource::Stated,
        };
        return Some(When { window: Window::Days(day, day), source });
    }
    if let Some(p) = published {
        return Some(When { window: published_window(p), source: WhenSource::Published });
    }
    for (i, m) in in_lead() {
        match m.value {
            TimeValue::DayMonth { month, day }
                if m.start < DATELINE_BYTES || text.is_some_and(|t| weekday_anchored(t, dates, i)) =>
            {
                // The day of the year in a common year (a leap day falls on March 1st).
                let d = Date::from_ymd(2023, month, day).or(Date::from_ymd(2023, 3, 1))?;
                let doy = i64::from(d.day_of_year());
                return Some(When { window: Window::DaysOfYear(doy, doy), source: WhenSource::DayOfYear });
            }
            TimeValue::MonthYear { year, month } if m.start < DATELINE_BYTES => {
                return Some(When { window: month_window(year, month)?, source: WhenSource::Month });
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
    fn a_preview_that_names_next_month_announces_that_month() {
        // The dateline is the publication day; the happening is announced for next month.
        let t = "date 2023-08-23 Although Lavrov was supposed to visit Dhaka last year, his trip was cancelled. \
                 Next month, he will be coming to Dhaka before the G-20 summit in Delhi.";
        let got = w(t, Some("2023-08-23")).unwrap();
        assert_eq!(got.source, WhenSource::Announced);
        assert_eq!(got.window, Window::Days(day("2023-09-01"), day("2023-09-30")));
        // A day stated in the lead that is not the publication day says more.
        let t = "On 20 August 2023 the ministers met in Dhaka; next month they meet again.";
        assert_eq!(w(t, Some("2023-08-23")).unwrap().source, WhenSource::Stated);
        // Last month is background, not an announcement.
        let t = "Last month the ministers met in Dhaka.";
        assert_eq!(w(t, Some("2023-08-23")).unwrap().source, WhenSource::Published);
    }

    fn wt(text: &str, published: Option<&str>) -> Option<When> {
        let p = published.map(|p| p.parse().unwrap());
        when_in(text, &find_dates(text, p), p)
    }

    #[test]
    fn a_month_in_the_page_address_dates_an_otherwise_undated_page() {
        let text = "Two blasts near the tomb killed dozens of people on Wednesday.";
        let url = Some("https://example.com/2024/01/iran73.html");
        let got = when_in_page(text, url, &find_dates(text, None), None).unwrap();
        assert_eq!(got.source, WhenSource::Url);
        assert_eq!(got.window, Window::Days(day("2024-01-01") - UNDATED_DAYS, day("2024-01-31")));
        // A date in the text, or a day in the address, says more.
        let dated = "On 3 January 2024 two blasts near the tomb killed dozens.";
        assert_eq!(when_in_page(dated, url, &find_dates(dated, None), None).unwrap().source, WhenSource::Stated);
        let day_url = Some("https://example.com/2024/01/03/iran73.html");
        assert_eq!(when_in_page(text, day_url, &find_dates(text, None), None), None);
        assert_eq!(when_in_page(text, None, &find_dates(text, None), None), None);
    }

    #[test]
    fn page_metadata_and_masthead_clocks_are_not_the_news() {
        // A print date before the publication label: not a later happening announced.
        let t =
            "প্রিন্ট এর তারিখঃ জুলাই ৪, ২০২৫ || প্রকাশের তারিখঃ আগস্ট ৫, ২০২৪\nশিরোনাম\nসোমবার (০৫ আগস্ট) বেলা আড়াইটায় তিনি দেশ ছাড়েন।";
        let got = wt(t, Some("2024-08-05")).unwrap();
        assert_eq!(got.window, Window::Days(day("2024-08-05"), day("2024-08-05")));
        assert_eq!(got.source, WhenSource::Stated);
        // Without the text, the print date is taken for an announced day.
        assert_eq!(w(t, Some("2024-08-05")).unwrap().source, WhenSource::Announced);
        // A masthead in three calendars gives neither a publication date nor a window.
        let t = "২৬শে সেপ্টেম্বর, ২০২৫ খ্রিস্টাব্দ | ১১ই আশ্বিন, ১৪৩২ বঙ্গাব্দ\nইরান ক্ষেপণাস্ত্র ছুঁড়ল।";
        assert_eq!(crate::temporal::infer_published(t), None);
        assert_eq!(wt(t, None), None);
        // A date over a line of exchange rates.
        let t = "28 сентября 2024\nUSD 92.41 +0.02 EUR 103.19 -0.28\nПутин прибыл в Пхеньян.";
        assert_eq!(crate::temporal::infer_published(t), None);
        // The word in a story's sentence does not make it metadata.
        let t = "On 8 September 2023 the ministry published a post on the visit of the minister to Dhaka, which had been planned for a long time by both sides.";
        assert_eq!(wt(t, None).unwrap().window, Window::Days(day("2023-09-08"), day("2023-09-08")));
    }

    #[test]
    fn a_header_date_after_publication_is_a_clock_not_a_preview() {
        let t = "03/15/2025\nঢাকায় আসছেন না ল্যাভরভ\nরুশ পররাষ্ট্রমন্ত্রী ঢাকায় আসছেন না।";
        assert_eq!(wt(t, Some("2022-11-20")).unwrap().source, WhenSource::Published);
        // In a sentence, a later day is announced.
        let t = "ল্যাভরভ ঢাকায় আসবেন ২৩ নভেম্বর ২০২২।";
        assert_eq!(wt(t, Some("2022-11-13")).unwrap().source, WhenSource::Announced);
    }

    #[test]
    fn a_day_named_with_its_weekday_beats_a_header_clock() {
        // The first line is the day the page was rendered; the story names its day.
        let t = "Saturday 28 September 2024\nPutin in Pyongyang\nOn Wednesday, 19 June 2024 Putin arrived.";
        let got = wt(t, None).unwrap();
        assert_eq!(got.window, Window::Days(day("2024-06-19"), day("2024-06-19")));
        // A first line that holds a date and nothing else is the masthead's clock whatever
        // the story says: its day is never the story's (`temporal::is_bare_date_line`).
        let t = "Saturday 28 September 2024\nPutin in Pyongyang\nOn Thursday, 19 June 2024 Putin arrived.";
        assert_eq!(wt(t, None).unwrap().window, Window::Days(day("2024-06-19"), day("2024-06-19")));
        let t = "Saturday 28 September 2024\nPutin in Pyongyang\nPutin arrived in Pyongyang.";
        assert_eq!(wt(t, None), None);
        // A first line with more than the date (a time, a place) is a dateline: a weekday
        // that is not the day's own anchors nothing, and a close day is the same news.
        let t = "Saturday 28 September 2024 10:15\nPutin in Pyongyang\nOn Thursday, 19 June 2024 Putin arrived.";
        assert_eq!(wt(t, None).unwrap().window, Window::Days(day("2024-09-28"), day("2024-09-28")));
        let t = "Moscow, Thursday 20 June 2024\nPutin in Pyongyang\nOn Wednesday, 19 June 2024 Putin arrived.";
        assert_eq!(wt(t, None).unwrap().window, Window::Days(day("2024-06-20"), day("2024-06-20")));
    }

    #[test]
    fn undated_documents_fall_back_to_publication() {
        let got = w("Lavrov arrived in Dhaka.", Some("2023-09-08")).unwrap();
        assert_eq!(got.window, Window::Days(day("2023-09-05"), day("2023-09-08")));
        let got = w("৭ অক্টোবর ভূমিকম্প হয়েছে", None).unwrap();
        assert_eq!(got.window, Window::DaysOfYear(280, 280));
        let far = format!("{}। ৭ অক্টোবরের হামলার পর", "ক".repeat(400));
        assert_eq!(w(&far, None), None);
        // Further down, a day and month named with its weekday is the story's day.
        let anchored = format!("{}। বৃহস্পতিবার (৭ সেপ্টেম্বর) সন্ধ্যায় তিনি ঢাকায় আসেন", "ক".repeat(140));
        assert_eq!(wt(&anchored, None).unwrap().window, Window::DaysOfYear(250, 250));
        assert_eq!(wt(&far, None), None);
        assert_eq!(w("Lavrov arrived in Dhaka.", None), None);
    }
}
