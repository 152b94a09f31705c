//! A proleptic Gregorian calendar date, small enough to copy and compare.

use serde::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Day of the week, Monday first (ISO 8601).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Weekday {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

impl Weekday {
    /// All weekdays, Monday first.
    pub const ALL: [Weekday; 7] =
        [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

    /// 0 for Monday … 6 for Sunday.
    pub fn index(self) -> i64 {
        self as i64
    }

    /// English name, e.g. `Wednesday`.
    pub fn name(self) -> &'static str {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][self as usize]
    }
}

impl Date {
    /// A date from year, month (1–12) and day, or `None` if no such day exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month: month as u8, day: day as u8 })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        self.month as u32
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u32 {
        self.day as u32
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let d = i64::from(self.day);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let (y, doy) = march_year(days);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = if m <= 2 { y + 1 } else { y };
        Date { year: y as i32, month: m as u8, day: d as u8 }
    }

    /// The day of the year (1 for January 1st) of the date `days` days after 1970-01-01:
    /// `Date::from_days_since_epoch(days).day_of_year()` in one conversion instead of three
    /// (the grouping asks it of every window it compares).
    pub fn day_of_year_of_days(days: i64) -> u32 {
        let (year, from_march) = march_year(days);
        // January and February close the year that began in March, as its days 306 on.
        if from_march >= 306 {
            (from_march - 306 + 1) as u32
        } else {
            (from_march + 59 + i64::from(is_leap(year as i32)) + 1) as u32
        }
    }

    /// The day of the year, 1 for January 1st.
    pub fn day_of_year(self) -> u32 {
        (self.days_since_epoch() - Date { year: self.year, month: 1, day: 1 }.days_since_epoch()) as u32 + 1
    }

    /// This date moved by `days` (may be negative).
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// Signed number of days from `other` to `self`.
    pub fn days_from(self, other: Date) -> i64 {
        self.days_since_epoch() - other.days_since_epoch()
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        let i = (self.days_since_epoch() + 3).rem_euclid(7);
        Weekday::ALL[i as usize]
    }

    /// The latest date on or before `self` that falls on `weekday`.
    pub fn latest_on_or_before(self, weekday: Weekday) -> Date {
        let back = (self.weekday().index() - weekday.index()).rem_euclid(7);
        self.add_days(-back)
    }
}

/// The year that began on the 1st of March before the date `days` days after 1970-01-01,
/// and the days since that 1st of March (Howard Hinnant's civil_from_days, up to the month).
fn march_year(days: i64) -> (i64, i64) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    (yoe + era * 400, doe - (365 * yoe + yoe / 4 - yoe / 100))
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Why a string is not an ISO date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an ISO date (YYYY-MM-DD)")]
pub struct DateParseError(pub String);

impl FromStr for Date {
    type Err = DateParseError;

    /// Parses `YYYY-MM-DD`; digits of any of the four systems are accepted.
    fn from_str(s: &str) -> Result<Date, DateParseError> {
        let err = || DateParseError(s.to_owned());
        let folded = talign_names::digits::fold_digits(s.trim());
        let mut parts = folded.split('-');
        let (Some(y), Some(m), Some(d), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(err());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(err());
        }
        let y: i32 = y.parse().map_err(|_| err())?;
        let m: u32 = m.parse().map_err(|_| err())?;
        let d: u32 = d.parse().map_err(|_| err())?;
        Date::from_ymd(y, m, d).ok_or_else(err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn day_of_year_from_days_agrees_with_the_date_s_own() {
        // Every day from 1600 to 2400: leap years, century years and the 400-year rule.
        for days in -135_140..157_000 {
            let date = Date::from_days_since_epoch(days);
            assert_eq!(Date::day_of_year_of_days(days), date.day_of_year(), "{date}");
        }
        assert_eq!(Date::day_of_year_of_days("2024-12-31".parse::<Date>().unwrap().days_since_epoch()), 366);
        assert_eq!(Date::day_of_year_of_days("2023-03-01".parse::<Date>().unwrap().days_since_epoch()), 60);
    }

    #[test]
    fn parses_and_prints_iso() {
        let d: Date = "2023-12-20".parse().unwrap();
        assert_eq!(d.to_string(), "2023-12-20");
        assert_eq!(d.weekday(), Weekday::Wed);
        assert_eq!("۲۰۲۳-۱۲-۲۰".parse::<Date>().unwrap(), d);
        assert!("2023-02-30".parse::<Date>().is_err());
        assert!("2023-2-3".parse::<Date>().is_err());
        assert!("yesterday".parse::<Date>().is_err());
    }

    #[test]
    fn weekday_is_latest_on_or_before() {
        let d: Date = "2023-12-20".parse().unwrap();
        assert_eq!(d.latest_on_or_before(Weekday::Wed), d);
        assert_eq!(d.latest_on_or_before(Weekday::Sun).to_string(), "2023-12-17");
        assert_eq!(d.latest_on_or_before(Weekday::Thu).to_string(), "2023-12-14");
    }

    proptest! {
        #[test]
        fn day_numbers_round_trip(days in -1_000_000i64..1_000_000) {
            let d = Date::from_days_since_epoch(days);
            prop_assert_eq!(d.days_since_epoch(), days);
            prop_assert!(Date::from_ymd(d.year(), d.month(), d.day()).is_some());
        }
    }
}
