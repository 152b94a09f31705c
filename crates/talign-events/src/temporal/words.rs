//! The words the date finder knows (month and weekday names with their case endings,
//! the words that mark a year or shift a weekday), folded once into one hash map.
//!
//! Every entry is stored as a whole folded word (stem + ending), so looking up a word of
//! the text is one hash probe, whatever the language.

use crate::{HashMap, HashMapExt};
use std::sync::LazyLock;

use talign_corpus::Weekday;

use super::Calendar;
use crate::scan::{Tok, scan};

/// Folds a word or phrase the way [`scan`] folds the words of a text (Arabic letters to
/// Persian, Latin lowercase, ZWNJ and diacritics dropped, Bengali nukta letters
/// decomposed) and joins its words: `پنج‌شنبه`, `پنج شنبه` and `پنجشنبه` all fold to
/// `پنجشنبه`.
pub(crate) fn fold(s: &str) -> String {
    scan(s)
        .into_iter()
        .filter_map(|t| match t.tok {
            Tok::Word(w) => Some(w),
            _ => None,
        })
        .collect()
}

/// When a month name may stand without the usual support around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MonthRule {
    /// Any date form.
    Free,
    /// Only with a year: Persian `می` (May) is also the verb prefix `می`.
    NeedsYear,
    /// Persian `دی` (Dey) is also a word and a letter name (`دی ان ای`, DNA): only after a
    /// day number and not before another letter name, or with a year.
    Dey,
    /// Afghan (Dari and Pashto) names of the Solar Hijri months are zodiac signs and words
    /// (`اسد` Asad, `میزان` "amount", `جدی` "serious", `سرطان` "cancer"): only after a day
    /// number (`۶ عقرب`), or with a year after them (`سنبله ۱۴۰۲`).
    AfterDay,
}

/// A month name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Month {
    /// 1–12 in its calendar.
    pub number: u32,
    /// Gregorian or Solar Hijri.
    pub calendar: Calendar,
    /// Where it may stand.
    pub rule: MonthRule,
    /// A Latin-script name: only these may come first in "December 20" (no year).
    pub latin: bool,
    /// An English name, read only when capitalized ("may" and "march" are also verbs).
    pub english: bool,
    /// A Latin abbreviation that may be followed by a full stop (`Sept.`).
    pub abbreviation: bool,
}

/// How a word shifts a weekday away from "the latest such day on or before publication".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shift {
    /// Strictly before: `গত বুধবার`, `شنبه گذشته`, `last Monday`.
    Last,
    /// Strictly after: `আগামী বুধবার`, `شنبه آینده`, `next Monday`.
    Next,
}

/// What one folded word means to the date finder.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Lexeme {
    pub month: Option<Month>,
    /// The weekday and the day its week starts on (Saturday in Iran and Bangladesh).
    pub weekday: Option<(Weekday, Weekday)>,
    /// Marks a following year: `سال ۲۰۱۹`, `in 2019`.
    pub year_before: bool,
    /// Marks a preceding year: `২০১৯ সালে`, `۲۰۱۹ میلادی`.
    pub year_after: bool,
    /// Shifts a following weekday: `গত`, `আগামী`, `last`, `next`.
    pub shift_before: Option<Shift>,
    /// Shifts a preceding Persian weekday: `گذشته`, `آینده`.
    pub shift_after: Option<Shift>,
    /// Shifts "week" after a weekday: `پیش` in `یکشنبه هفته پیش`.
    pub week_shift: Option<Shift>,
    /// The word "week" (`هفته`, `সপ্তাহের`, `week`), for "Sunday last week".
    pub week: bool,
    /// The word "month" that may follow a Persian month name (`آذر ماه`).
    pub month_word: bool,
    /// The word "month" in "next month", "আগামী মাসে", "ماه آینده", "الشهر المقبل".
    pub month_noun: bool,
    /// A word that makes a following `جمعه` the Friday prayer, not a date (`نماز جمعه`).
    pub prayer: bool,
    /// First half of a two-word Persian weekday (`پنج` of `پنج شنبه`).
    pub weekday_head: bool,
    /// First word of a two-word Arabic month (`تشرين` of `تشرين الأول`).
    pub month_head: bool,
    /// A day relative to publication (`গতকাল`, `вчера`: -1).
    pub relative_day: Option<i64>,
    /// A word for "day(s)", in "two days ago".
    pub day_word: bool,
    /// A word for "ago".
    pub ago: bool,
    /// A small number word (`দুই`, `два`).
    pub small_number: Option<i64>,
}

use Calendar::{Gregorian as G, SolarHijri as SH};
use MonthRule::{AfterDay, Dey, Free, NeedsYear};

/// Month names: (name, number, calendar, rule).
const MONTHS: &[(&str, u32, Calendar, MonthRule)] = &[
    // Bengali names of the Gregorian months, with the spellings seen in Bangladeshi and
    // Indian papers.
    ("জানুয়ারি", 1, G, Free),
    ("জানুয়ারী", 1, G, Free),
    ("জানুআরি", 1, G, Free),
    ("ফেব্রুয়ারি", 2, G, Free),
    ("ফেব্রুয়ারী", 2, G, Free),
    ("ফেব্রুআরি", 2, G, Free),
    ("মার্চ", 3, G, Free),
    ("এপ্রিল", 4, G, Free),
    ("মে", 5, G, Free),
    ("জুন", 6, G, Free),
    ("জুলাই", 7, G, Free),
    ("আগস্ট", 8, G, Free),
    ("অগাস্ট", 8, G, Free),
    ("আগষ্ট", 8, G, Free),
    ("অগস্ট", 8, G, Free),
    ("সেপ্টেম্বর", 9, G, Free),
    ("সেপ্টেম্বার", 9, G, Free),
    ("অক্টোবর", 10, G, Free),
    ("অক্টোবার", 10, G, Free),
    ("নভেম্বর", 11, G, Free),
    ("নভেম্বার", 11, G, Free),
    ("ডিসেম্বর", 12, G, Free),
    ("ডিসেম্বার", 12, G, Free),
    // Persian transliterations of the Gregorian months.
    ("ژانویه", 1, G, Free),
    ("ژانوبه", 1, G, Free),
    ("فوریه", 2, G, Free),
    ("مارس", 3, G, Free),
    ("آوریل", 4, G, Free),
    ("مه", 5, G, Free),
    ("می", 5, G, NeedsYear),
    ("ژوئن", 6, G, Free),
    ("ژوین", 6, G, Free),
    ("جون", 6, G, NeedsYear),
    ("ژوئیه", 7, G, Free),
    ("ژوییه", 7, G, Free),
    ("جولای", 7, G, Free),
    ("اوت", 8, G, Free),
    ("آگوست", 8, G, Free),
    ("اگوست", 8, G, Free),
    ("سپتامبر", 9, G, Free),
    ("اکتبر", 10, G, Free),
    ("نوامبر", 11, G, Free),
    ("دسامبر", 12, G, Free),
    // Solar Hijri months.
    ("فروردین", 1, SH, Free),
    ("اردیبهشت", 2, SH, Free),
    ("خرداد", 3, SH, Free),
    ("تیر", 4, SH, Free),
    ("مرداد", 5, SH, Free),
    ("امرداد", 5, SH, Free),
    ("شهریور", 6, SH, Free),
    ("مهر", 7, SH, Free),
    ("آبان", 8, SH, Free),
    ("آذر", 9, SH, Free),
    ("دی", 10, SH, Dey),
    ("بهمن", 11, SH, Free),
    ("اسفند", 12, SH, Free),
    // The Afghan names of the same months (Dari and Pashto), the signs of the zodiac.
    ("حمل", 1, SH, AfterDay),
    ("ثور", 2, SH, AfterDay),
    ("جوزا", 3, SH, AfterDay),
    ("سرطان", 4, SH, AfterDay),
    ("اسد", 5, SH, AfterDay),
    ("سنبله", 6, SH, AfterDay),
    ("میزان", 7, SH, AfterDay),
    ("عقرب", 8, SH, AfterDay),
    ("قوس", 9, SH, AfterDay),
    ("جدی", 10, SH, AfterDay),
    ("دلو", 11, SH, AfterDay),
    ("حوت", 12, SH, AfterDay),
    // English.
    ("january", 1, G, Free),
    ("february", 2, G, Free),
    ("march", 3, G, Free),
    ("april", 4, G, Free),
    ("may", 5, G, Free),
    ("june", 6, G, Free),
    ("july", 7, G, Free),
    ("august", 8, G, Free),
    ("september", 9, G, Free),
    ("october", 10, G, Free),
    ("november", 11, G, Free),
    ("december", 12, G, Free),
];

/// Month names of the other languages of the news talign reads, as they appear in dates
/// (Russian in the genitive of "20 мая" and the prepositional of "в мае" beside the
/// nominative; Arabic in the Egyptian/Gulf and the Levantine series). Latin-script names
/// other than English are read in lower case too.
const MONTHS_MORE: &[(&str, u32)] = &[
    // Russian.
    ("январь", 1),
    ("января", 1),
    ("январе", 1),
    ("февраль", 2),
    ("февраля", 2),
    ("феврале", 2),
    ("март", 3),
    ("марта", 3),
    ("марте", 3),
    ("апрель", 4),
    ("апреля", 4),
    ("апреле", 4),
    ("май", 5),
    ("мая", 5),
    ("мае", 5),
    ("июнь", 6),
    ("июня", 6),
    ("июне", 6),
    ("июль", 7),
    ("июля", 7),
    ("июле", 7),
    ("август", 8),
    ("августа", 8),
    ("августе", 8),
    ("сентябрь", 9),
    ("сентября", 9),
    ("сентябре", 9),
    ("октябрь", 10),
    ("октября", 10),
    ("октябре", 10),
    ("ноябрь", 11),
    ("ноября", 11),
    ("ноябре", 11),
    ("декабрь", 12),
    ("декабря", 12),
    ("декабре", 12),
    // Ukrainian (genitive).
    ("січня", 1),
    ("лютого", 2),
    ("березня", 3),
    ("квітня", 4),
    ("травня", 5),
    ("червня", 6),
    ("липня", 7),
    ("серпня", 8),
    ("вересня", 9),
    ("жовтня", 10),
    ("листопада", 11),
    ("грудня", 12),
    // Hindi and Marathi (Devanagari), with the common spellings.
    ("जनवरी", 1),
    ("जानेवारी", 1),
    ("फरवरी", 2),
    ("फेब्रुवारी", 2),
    ("फ़रवरी", 2),
    ("मार्च", 3),
    ("अप्रैल", 4),
    ("एप्रिल", 4),
    ("मई", 5),
    ("जून", 6),
    ("जुलाई", 7),
    ("जुलै", 7),
    ("अगस्त", 8),
    ("ऑगस्ट", 8),
    ("सितंबर", 9),
    ("सितम्बर", 9),
    ("सप्टेंबर", 9),
    ("अक्टूबर", 10),
    ("अक्तूबर", 10),
    ("ऑक्टोबर", 10),
    ("नवंबर", 11),
    ("नवम्बर", 11),
    ("नोव्हेंबर", 11),
    ("दिसंबर", 12),
    ("दिसम्बर", 12),
    ("डिसेंबर", 12),
    // Tamil (the English names).
    ("ஜனவரி", 1),
    ("பிப்ரவரி", 2),
    ("மார்ச்", 3),
    ("ஏப்ரல்", 4),
    ("மே", 5),
    ("ஜூன்", 6),
    ("ஜூலை", 7),
    ("ஆகஸ்ட்", 8),
    ("செப்டம்பர்", 9),
    ("அக்டோபர்", 10),
    ("நவம்பர்", 11),
    ("டிசம்பர்", 12),
    ("செப்டெம்பர்", 9),
    // Telugu (the English names).
    ("జనవరి", 1),
    ("ఫిబ్రవరి", 2),
    ("మార్చి", 3),
    ("ఏప్రిల్", 4),
    ("మే", 5),
    ("జూన్", 6),
    ("జూలై", 7),
    ("ఆగస్టు", 8),
    ("సెప్టెంబర్", 9),
    ("అక్టోబర్", 10),
    ("నవంబర్", 11),
    ("డిసెంబర్", 12),
    ("ఆగష్టు", 8),
    // Kannada (the English names).
    ("ಜನವರಿ", 1),
    ("ಫೆಬ್ರವರಿ", 2),
    ("ಮಾರ್ಚ್", 3),
    ("ಏಪ್ರಿಲ್", 4),
    ("ಮೇ", 5),
    ("ಜೂನ್", 6),
    ("ಜುಲೈ", 7),
    ("ಆಗಸ್ಟ್", 8),
    ("ಸೆಪ್ಟೆಂಬರ್", 9),
    ("ಅಕ್ಟೋಬರ್", 10),
    ("ನವೆಂಬರ್", 11),
    ("ಡಿಸೆಂಬರ್", 12),
    // Malayalam (the English names).
    ("ജനുവരി", 1),
    ("ഫെബ്രുവരി", 2),
    ("മാർച്ച്", 3),
    ("ഏപ്രിൽ", 4),
    ("മേയ്", 5),
    ("ജൂൺ", 6),
    ("ജൂലൈ", 7),
    ("ഓഗസ്റ്റ്", 8),
    ("സെപ്റ്റംബർ", 9),
    ("ഒക്ടോബർ", 10),
    ("നവംബർ", 11),
    ("ഡിസംബർ", 12),
    ("മെയ്", 5),
    // Gujarati (the English names).
    ("જાન્યુઆરી", 1),
    ("ફેબ્રુઆરી", 2),
    ("માર્ચ", 3),
    ("એપ્રિલ", 4),
    ("મે", 5),
    ("જૂન", 6),
    ("જુલાઈ", 7),
    ("ઓગસ્ટ", 8),
    ("સપ્ટેમ્બર", 9),
    ("ઓક્ટોબર", 10),
    ("નવેમ્બર", 11),
    ("ડિસેમ્બર", 12),
    // Urdu.
    ("جنوری", 1),
    ("فروری", 2),
    ("مارچ", 3),
    ("اپریل", 4),
    ("مئی", 5),
    ("جولائی", 7),
    ("اگست", 8),
    ("ستمبر", 9),
    ("اکتوبر", 10),
    ("نومبر", 11),
    ("دسمبر", 12),
    // Arabic: the Egyptian/Gulf series and the Levantine (Syriac) series.
    ("يناير", 1),
    ("فبراير", 2),
    ("أبريل", 4),
    ("ابريل", 4),
    ("إبريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("ايار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("أيلول", 9),
    ("ايلول", 9),
    // Turkish and Azerbaijani.
    ("ocak", 1),
    ("şubat", 2),
    ("mart", 3),
    ("nisan", 4),
    ("mayıs", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("ağustos", 8),
    ("eylül", 9),
    ("ekim", 10),
    ("kasım", 11),
    ("aralık", 12),
    ("yanvar", 1),
    ("fevral", 2),
    ("aprel", 4),
    ("iyun", 6),
    ("iyul", 7),
    ("avqust", 8),
    ("sentyabr", 9),
    ("oktyabr", 10),
    ("noyabr", 11),
    ("dekabr", 12),
    // German.
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    // French.
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    // Spanish and Portuguese.
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // Italian.
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
];

/// Arabic Levantine month names of two words (تشرين الأول): the first word and, per second
/// word, the month.
const MONTHS_TWO_WORDS: &[(&str, &str, u32)] =
    &[("تشرين", "الأول", 10), ("تشرين", "الثاني", 11), ("كانون", "الأول", 12), ("كانون", "الثاني", 1)];

/// English abbreviations (a full stop after them is part of the date).
const ABBREVIATIONS: &[(&str, u32)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// The day a Persian ordinal word names (`نهم` 9, `بیستم` 20, `سیام` 30; `یکم` and `اول`
/// 1), as the scanner folds it (the ZWNJ of `سی‌ام` away); `None` for other words. The units
/// of a compound (`بیست و یکم`) are these words too.
pub(crate) fn persian_ordinal(word: &str) -> Option<u32> {
    Some(match word {
        "یکم" | "اول" => 1,
        "دوم" => 2,
        "سوم" => 3,
        "چهارم" => 4,
        "پنجم" => 5,
        "ششم" => 6,
        "هفتم" => 7,
        "هشتم" => 8,
        "نهم" => 9,
        "دهم" => 10,
        "یازدهم" => 11,
        "دوازدهم" => 12,
        "سیزدهم" => 13,
        "چهاردهم" => 14,
        "پانزدهم" => 15,
        "شانزدهم" => 16,
        "هفدهم" | "هیفدهم" => 17,
        "هجدهم" | "هیجدهم" => 18,
        "نوزدهم" => 19,
        "بیستم" => 20,
        "سیام" | "سیم" => 30,
        _ => return None,
    })
}

/// Case endings of Bengali month and weekday names: অক্টোবরের, ফেব্রুয়ারিতে, মার্চে, বুধবারও.
const BN_ENDINGS: &[&str] = &["", "ের", "এর", "র", "তে", "ে", "েই", "ই", "েও", "ও", "য়", "েরই", "রই"];
/// Persian: the ezafe and the fused "month" (آذرماه); the hamza of ژانویهٔ is folded away.
const FA_MONTH_ENDINGS: &[&str] = &["", "ماه", "ی"];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("রবিবার", Weekday::Sun),
    ("রোববার", Weekday::Sun),
    ("সোমবার", Weekday::Mon),
    ("মঙ্গলবার", Weekday::Tue),
    ("মংগলবার", Weekday::Tue),
    ("বুধবার", Weekday::Wed),
    ("বৃহস্পতিবার", Weekday::Thu),
    ("বৃহষ্পতিবার", Weekday::Thu),
    ("হস্পতিবার", Weekday::Thu),
    ("বিষ্যুদবার", Weekday::Thu),
    ("বিস্যুদবার", Weekday::Thu),
    ("বেস্পতিবার", Weekday::Thu),
    ("শুক্রবার", Weekday::Fri),
    ("শনিবার", Weekday::Sat),
    // Persian: ZWNJ and the space inside are folded away, so سه‌شنبه, سه شنبه and
    // سهشنبه all meet here (the two-word form is joined by the finder).
    ("یکشنبه", Weekday::Sun),
    ("دوشنبه", Weekday::Mon),
    ("سهشنبه", Weekday::Tue),
    ("چهارشنبه", Weekday::Wed),
    ("پنجشنبه", Weekday::Thu),
    ("جمعه", Weekday::Fri),
    ("آدینه", Weekday::Fri),
    ("شنبه", Weekday::Sat),
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// Weekdays of the other languages. Urdu ہفتہ (also "week") and پیر (also "saint") are
/// left out, as are Bulgarian неделя and Serbian недеља (Russian and Serbian "week"), and
/// Arabic names only with the article, as dates use them (يوم الأربعاء).
const WEEKDAYS_MORE: &[(&str, Weekday)] = &[
    ("понедельник", Weekday::Mon),
    ("вторник", Weekday::Tue),
    ("среда", Weekday::Wed),
    ("среду", Weekday::Wed),
    ("четверг", Weekday::Thu),
    ("пятница", Weekday::Fri),
    ("пятницу", Weekday::Fri),
    ("суббота", Weekday::Sat),
    ("субботу", Weekday::Sat),
    ("воскресенье", Weekday::Sun),
    ("सोमवार", Weekday::Mon),
    ("मंगलवार", Weekday::Tue),
    ("बुधवार", Weekday::Wed),
    ("गुरुवार", Weekday::Thu),
    ("बृहस्पतिवार", Weekday::Thu),
    ("शुक्रवार", Weekday::Fri),
    ("शनिवार", Weekday::Sat),
    ("रविवार", Weekday::Sun),
    ("منگل", Weekday::Tue),
    ("بدھ", Weekday::Wed),
    ("جمعرات", Weekday::Thu),
    ("اتوار", Weekday::Sun),
    ("الاثنين", Weekday::Mon),
    ("الإثنين", Weekday::Mon),
    ("الثلاثاء", Weekday::Tue),
    ("الأربعاء", Weekday::Wed),
    ("الاربعاء", Weekday::Wed),
    ("الخميس", Weekday::Thu),
    ("السبت", Weekday::Sat),
    ("الأحد", Weekday::Sun),
    ("الاحد", Weekday::Sun),
    ("pazartesi", Weekday::Mon),
    ("salı", Weekday::Tue),
    ("çarşamba", Weekday::Wed),
    ("perşembe", Weekday::Thu),
    ("cuma", Weekday::Fri),
    ("cumartesi", Weekday::Sat),
    ("pazar", Weekday::Sun),
    ("montag", Weekday::Mon),
    ("dienstag", Weekday::Tue),
    ("mittwoch", Weekday::Wed),
    ("donnerstag", Weekday::Thu),
    ("freitag", Weekday::Fri),
    ("samstag", Weekday::Sat),
    ("sonntag", Weekday::Sun),
    ("lundi", Weekday::Mon),
    ("mardi", Weekday::Tue),
    ("mercredi", Weekday::Wed),
    ("jeudi", Weekday::Thu),
    ("vendredi", Weekday::Fri),
    ("samedi", Weekday::Sat),
    ("dimanche", Weekday::Sun),
    ("lunes", Weekday::Mon),
    ("martes", Weekday::Tue),
    ("miércoles", Weekday::Wed),
    ("jueves", Weekday::Thu),
    ("viernes", Weekday::Fri),
    ("sábado", Weekday::Sat),
    ("domingo", Weekday::Sun),
    ("lunedì", Weekday::Mon),
    ("martedì", Weekday::Tue),
    ("mercoledì", Weekday::Wed),
    ("giovedì", Weekday::Thu),
    ("venerdì", Weekday::Fri),
    ("sabato", Weekday::Sat),
    ("domenica", Weekday::Sun),
    // Arabic Friday, with the article as dates write it (يوم الجمعة); صلاة الجمعة, the
    // Friday prayer, is skipped as Persian نماز جمعه is. Urdu جمعہ likewise.
    ("الجمعة", Weekday::Fri),
    ("جمعہ", Weekday::Fri),
    // Marathi and Gujarati (Hindi's other names are Marathi's too).
    ("मंगळवार", Weekday::Tue),
    ("સોમવાર", Weekday::Mon),
    ("મંગળવાર", Weekday::Tue),
    ("બુધવાર", Weekday::Wed),
    ("ગુરુવાર", Weekday::Thu),
    ("શુક્રવાર", Weekday::Fri),
    ("શનિવાર", Weekday::Sat),
    ("રવિવાર", Weekday::Sun),
    // Tamil.
    ("திங்கள்கிழமை", Weekday::Mon),
    ("திங்கட்கிழமை", Weekday::Mon),
    ("செவ்வாய்க்கிழமை", Weekday::Tue),
    ("புதன்கிழமை", Weekday::Wed),
    ("வியாழக்கிழமை", Weekday::Thu),
    ("வெள்ளிக்கிழமை", Weekday::Fri),
    ("சனிக்கிழமை", Weekday::Sat),
    ("ஞாயிற்றுக்கிழமை", Weekday::Sun),
    ("ஞாயிறுக்கிழமை", Weekday::Sun),
    // Telugu.
    ("సోమవారం", Weekday::Mon),
    ("మంగళవారం", Weekday::Tue),
    ("బుధవారం", Weekday::Wed),
    ("గురువారం", Weekday::Thu),
    ("శుక్రవారం", Weekday::Fri),
    ("శనివారం", Weekday::Sat),
    ("ఆదివారం", Weekday::Sun),
    // Kannada.
    ("ಸೋಮವಾರ", Weekday::Mon),
    ("ಮಂಗಳವಾರ", Weekday::Tue),
    ("ಬುಧವಾರ", Weekday::Wed),
    ("ಗುರುವಾರ", Weekday::Thu),
    ("ಶುಕ್ರವಾರ", Weekday::Fri),
    ("ಶನಿವಾರ", Weekday::Sat),
    ("ಭಾನುವಾರ", Weekday::Sun),
    // Malayalam.
    ("തിങ്കളാഴ്ച", Weekday::Mon),
    ("ചൊവ്വാഴ്ച", Weekday::Tue),
    ("ബുധനാഴ്ച", Weekday::Wed),
    ("വ്യാഴാഴ്ച", Weekday::Thu),
    ("വെള്ളിയാഴ്ച", Weekday::Fri),
    ("ശനിയാഴ്ച", Weekday::Sat),
    ("ഞായറാഴ്ച", Weekday::Sun),
    // Ukrainian (accusative, as dates use them: у вівторок, в п'ятницю), Bulgarian,
    // Serbian and Slovenian.
    ("понеділок", Weekday::Mon),
    ("вівторок", Weekday::Tue),
    ("середу", Weekday::Wed),
    ("четвер", Weekday::Thu),
    ("суботу", Weekday::Sat),
    ("неділю", Weekday::Sun),
    ("понеделник", Weekday::Mon),
    ("сряда", Weekday::Wed),
    ("четвъртък", Weekday::Thu),
    ("петък", Weekday::Fri),
    ("събота", Weekday::Sat),
    ("понедељак", Weekday::Mon),
    ("уторак", Weekday::Tue),
    ("четвртак", Weekday::Thu),
    ("петак", Weekday::Fri),
    ("субота", Weekday::Sat),
    ("ponedeljak", Weekday::Mon),
    ("utorak", Weekday::Tue),
    ("srijeda", Weekday::Wed),
    ("četvrtak", Weekday::Thu),
    ("petak", Weekday::Fri),
    ("ponedeljek", Weekday::Mon),
    ("torek", Weekday::Tue),
    ("četrtek", Weekday::Thu),
    ("petek", Weekday::Fri),
    // Korean, without a particle.
    ("월요일", Weekday::Mon),
    ("화요일", Weekday::Tue),
    ("수요일", Weekday::Wed),
    ("목요일", Weekday::Thu),
    ("금요일", Weekday::Fri),
    ("토요일", Weekday::Sat),
    ("일요일", Weekday::Sun),
];

/// Days relative to the publication date, as one word: (word, days from publication).
/// Hindi कल and Urdu کل (both "yesterday" and "tomorrow") are left out.
const RELATIVE_DAYS: &[(&str, i64)] = &[
    ("আজ", 0),
    ("আজকে", 0),
    ("امروز", 0),
    ("сегодня", 0),
    ("आज", 0),
    ("آج", 0),
    ("today", 0),
    ("bugün", 0),
    ("heute", 0),
    ("hoy", 0),
    ("oggi", 0),
    ("hoje", 0),
    ("গতকাল", -1),
    ("দিনগত", -1),
    ("دیروز", -1),
    ("вчера", -1),
    ("أمس", -1),
    ("امس", -1),
    ("yesterday", -1),
    ("dün", -1),
    ("gestern", -1),
    ("ayer", -1),
    ("ieri", -1),
    ("ontem", -1),
    ("আগামীকাল", 1),
    ("فردا", 1),
    ("завтра", 1),
    ("غدا", 1),
    ("tomorrow", 1),
    ("yarın", 1),
    ("demain", 1),
    ("domani", 1),
    ("amanhã", 1),
];

/// Words for "day(s)" and "ago" in "two days ago", with the small number words such phrases use.
const DAY_WORDS: &[&str] =
    &["দিন", "রোজ", "روز", "дня", "дней", "день", "दिन", "days", "day", "يومين", "أيام", "ايام", "gün"];
const AGO_WORDS: &[&str] = &["আগে", "পূর্বে", "پیش", "قبل", "назад", "पहले", "ago", "önce"];
const SMALL_NUMBERS: &[(&str, i64)] = &[
    ("দুই", 2),
    ("দু", 2),
    ("তিন", 3),
    ("دو", 2),
    ("سه", 3),
    ("два", 2),
    ("три", 3),
    ("दो", 2),
    ("तीन", 3),
    ("two", 2),
    ("three", 3),
];

/// Words after a year: ২০১৯ সালে, ১৯৭১ খ্রিস্টাব্দের, ۲۰۱۹ میলادی.
const YEAR_AFTER: &[&str] = &[
    "সাল",
    "খ্রিস্টাব্দ",
    "খ্রিষ্টাব্দ",
    "খৃস্টাব্দ",
    "ইংরেজি",
    "میلادی",
    "года",
    "году",
    "год",
    "г",
    "م",
    "ء",
    "yılında",
    "yılı",
    "ईस्वी",
];
const YEAR_AFTER_ENDINGS: &[&str] = &["", "ে", "ের", "েই", "েও", "টি", "কে", "েরও"];
/// Words before a year: سال ۲۰۱۹, in 2019.
const YEAR_BEFORE: &[&str] =
    &["سال", "سالهای", "سالی", "in", "since", "until", "till", "during", "year", "عام", "سنة", "साल", "वर्ष", "en"];

const SHIFT_BEFORE: &[(&str, Shift)] = &[
    ("গত", Shift::Last),
    ("আগামী", Shift::Next),
    ("last", Shift::Last),
    ("next", Shift::Next),
    ("прошлый", Shift::Last),
    ("прошлую", Shift::Last),
    ("прошлое", Shift::Last),
    ("следующий", Shift::Next),
    ("следующую", Shift::Next),
    ("следующее", Shift::Next),
    ("बीते", Shift::Last),
    ("पिछले", Shift::Last),
    ("अगले", Shift::Next),
    ("آئندہ", Shift::Next),
    ("گزشتہ", Shift::Last),
    // Russian "в следующем месяце", "в прошлом месяце".
    ("следующем", Shift::Next),
    ("прошлом", Shift::Last),
    ("अगला", Shift::Next),
    ("اگلے", Shift::Next),
];
/// Persian words after a weekday: شنبه گذشته (last Saturday), شنبه آینده (next Saturday).
const SHIFT_AFTER: &[(&str, Shift)] = &[
    ("گذشته", Shift::Last),
    ("آینده", Shift::Next),
    ("آتی", Shift::Next),
    ("الماضي", Shift::Last),
    ("المقبل", Shift::Next),
    ("القادم", Shift::Next),
];
/// Words after "week" after a weekday: یکشنبه هفته پیش (Sunday last week).
const WEEK_SHIFT: &[(&str, Shift)] = &[
    ("پیش", Shift::Last),
    ("قبل", Shift::Last),
    ("گذشته", Shift::Last),
    ("آینده", Shift::Next),
    ("بعد", Shift::Next),
    ("آتی", Shift::Next),
];
const WEEK: &[&str] = &["هفته", "هفتهی", "সপ্তাহ", "সপ্তাহের", "সপ্তাহে", "week"];
const MONTH_WORD: &[&str] = &["ماه"];
/// The word "month" after a shift word (`next month`, `আগামী মাসে`, `अगले महीने`, `اگلے
/// مہینے`, `в следующем месяце`) or before one (`ماه آینده`, `الشهر المقبل`); Urdu ماہ folds
/// onto Persian ماه. Arabic شهر without its article is left out: it is Persian for city.
const MONTH_NOUNS: &[&str] =
    &["মাস", "month", "ماه", "महीने", "महीना", "माह", "مہینے", "مہینہ", "الشهر", "месяце", "месяц"];
const PRAYER: &[&str] =
    &["نماز", "امام", "ائمه", "خطیب", "خطبه", "خطبههای", "اقامه", "صلاة", "صلاه", "خطبة", "good", "black"];
const WEEKDAY_HEADS: &[&str] = &["یک", "دو", "سه", "چهار", "پنج"];

fn script_of(s: &str) -> Script {
    match s.chars().next() {
        Some('\u{0980}'..='\u{09FF}') => Script::Bengali,
        Some(c) if c.is_ascii() => Script::Latin,
        _ => Script::Persian,
    }
}

#[derive(PartialEq)]
enum Script {
    Bengali,
    Persian,
    Latin,
}

/// The lexicon, built on first use.
static LEXICON: LazyLock<HashMap<String, Lexeme>> = LazyLock::new(build);

fn build() -> HashMap<String, Lexeme> {
    let mut map: HashMap<String, Lexeme> = HashMap::new();
    let mut add = |word: &str, endings: &[&str], set: &dyn Fn(&mut Lexeme)| {
        for e in endings {
            let key = fold(&format!("{word}{e}"));
            // Persian words ending in ه take the ezafe as ۀ (ژانویۀ): store both.
            if let Some(stem) = key.strip_suffix('ه') {
                set(map.entry(format!("{stem}ۀ")).or_default());
            }
            set(map.entry(key).or_default());
        }
    };
    for &(name, number, calendar, rule) in MONTHS {
        let script = script_of(name);
        let endings = match script {
            Script::Bengali => BN_ENDINGS,
            Script::Persian => FA_MONTH_ENDINGS,
            Script::Latin => &[""],
        };
        let latin = script == Script::Latin;
        let m = Month { number, calendar, rule, latin, english: latin, abbreviation: false };
        add(name, endings, &|l| {
            l.month.get_or_insert(m);
        });
    }
    for &(name, number) in MONTHS_MORE {
        let latin = name.is_ascii() || name.chars().all(|c| c.is_alphabetic() && c < '\u{0250}');
        let m = Month { number, calendar: G, rule: Free, latin, english: false, abbreviation: false };
        // Arabic names may carry the article or a preposition: في مايو, بمايو are rare; the ezafe-like ـي never.
        add(name, &[""], &|l| {
            l.month.get_or_insert(m);
        });
    }
    for &(first, _, _) in MONTHS_TWO_WORDS {
        add(first, &[""], &|l| l.month_head = true);
    }
    for &(name, number) in ABBREVIATIONS {
        let m = Month { number, calendar: G, rule: Free, latin: true, english: true, abbreviation: true };
        add(name, &[""], &|l| {
            l.month.get_or_insert(m);
        });
    }
    for &(name, w) in WEEKDAYS {
        let script = script_of(name);
        let (endings, start): (&[&str], Weekday) = match script {
            Script::Bengali => (BN_ENDINGS, Weekday::Sat),
            // Persian: the ezafe (شنبه‌ی) only; plurals (شنبه‌ها) are habits, not dates.
            Script::Persian => (&["", "ی"], Weekday::Sat),
            Script::Latin => (&[""], Weekday::Mon),
        };
        add(name, endings, &|l| {
            l.weekday.get_or_insert((w, start));
        });
    }
    for &(name, w) in WEEKDAYS_MORE {
        add(name, &[""], &|l| {
            l.weekday.get_or_insert((w, Weekday::Mon));
        });
    }
    for &(w, days) in RELATIVE_DAYS {
        let endings = if script_of(w) == Script::Bengali { BN_ENDINGS } else { &[""] };
        add(w, endings, &|l| l.relative_day = Some(days));
    }
    for w in DAY_WORDS {
        add(w, &[""], &|l| l.day_word = true);
    }
    for w in AGO_WORDS {
        add(w, &[""], &|l| l.ago = true);
    }
    for &(w, n) in SMALL_NUMBERS {
        add(w, &[""], &|l| l.small_number = Some(n));
    }
    for w in YEAR_AFTER {
        let endings = if script_of(w) == Script::Bengali { YEAR_AFTER_ENDINGS } else { &[""] };
        add(w, endings, &|l| l.year_after = true);
    }
    for w in YEAR_BEFORE {
        add(w, &[""], &|l| l.year_before = true);
    }
    for &(w, s) in SHIFT_BEFORE {
        add(w, &[""], &|l| l.shift_before = Some(s));
    }
    for &(w, s) in SHIFT_AFTER {
        add(w, &[""], &|l| l.shift_after = Some(s));
    }
    for &(w, s) in WEEK_SHIFT {
        add(w, &[""], &|l| l.week_shift = Some(s));
    }
    for w in WEEK {
        add(w, &[""], &|l| l.week = true);
    }
    for w in MONTH_WORD {
        add(w, &[""], &|l| l.month_word = true);
    }
    for w in MONTH_NOUNS {
        let endings = if script_of(w) == Script::Bengali { BN_ENDINGS } else { &[""] };
        add(w, endings, &|l| l.month_noun = true);
    }
    for w in PRAYER {
        add(w, &[""], &|l| l.prayer = true);
    }
    for w in WEEKDAY_HEADS {
        add(w, &[""], &|l| l.weekday_head = true);
    }
    map
}

/// The month of a two-word Arabic month name, from its folded words.
pub(crate) fn two_word_month(first: &str, second: &str) -> Option<u32> {
    MONTHS_TWO_WORDS.iter().find(|(a, b, _)| fold(a) == first && fold(b) == second).map(|m| m.2)
}

/// What a folded word means, if anything.
pub(crate) fn lookup(word: &str) -> Option<&'static Lexeme> {
    LEXICON.get(word)
}

/// Whether a folded word is a letter name that may follow `دی` in a spelt-out
/// abbreviation (`دی ان ای`, DNA), so that `۲ دی ان ای` is not 2 Dey.
pub(crate) fn is_letter_name(word: &str) -> bool {
    matches!(word, "ان" | "ای" | "وی" | "جی" | "سی" | "اس" | "ام" | "ال" | "بی" | "پی" | "تی" | "اف" | "آر" | "کیو")
}

/// Suffixes a day number may carry: Bengali ৭ই, ১লা, ২রা, ৪ঠা, ২২শে; English 1st, 20th;
/// Persian ۲۹ام.
pub(crate) const DAY_SUFFIXES: &[&str] = &["", "ই", "লা", "রা", "ঠা", "শে", "st", "nd", "rd", "th", "ام", "م"];

/// The Latin ordinal suffixes, after which "of" may come: "the 20th of December".
pub(crate) const LATIN_ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th"];

/// Words that may follow a year number glued or after a hyphen (২০২২-এ, ২০২২-এর).
pub(crate) const YEAR_HYPHEN_ENDINGS: &[&str] = &["এ", "এর", "তে", "ে", "ের"];

/// Folded Bengali year endings glued to the digits (২০১৯সালে).
pub(crate) fn is_year_after(word: &str) -> bool {
    lookup(word).is_some_and(|l| l.year_after)
}
