//! Tests of the date finder: one `check` per sentence, with the mentions it must give.

use proptest::prelude::*;

use super::*;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn day(s: &str) -> TimeValue {
    TimeValue::Day(d(s))
}

/// The (text, value) pairs found in `text`.
fn found(text: &str, published: Option<&str>) -> Vec<(String, TimeValue)> {
    find_dates(text, published.map(d)).into_iter().map(|m| (m.text, m.value)).collect()
}

/// Asserts that `text` gives exactly these mentions.
#[track_caller]
fn check(text: &str, published: Option<&str>, expect: &[(&str, TimeValue)]) {
    let expect: Vec<(String, TimeValue)> = expect.iter().map(|(t, v)| ((*t).to_owned(), *v)).collect();
    assert_eq!(found(text, published), expect, "in {text:?}");
}

#[track_caller]
fn none(text: &str) {
    assert_eq!(found(text, None), vec![], "in {text:?}");
    assert_eq!(found(text, Some("2023-12-20")), vec![], "in {text:?} (published)");
}

#[test]
fn solar_hijri_dates_convert_through_icu() {
    check(
        "تاریخ انتشار: ۱۵:۴۷ - ۲۹ آذر ۱۴۰۲ - 2023 December 20",
        None,
        &[("۲۹ آذر ۱۴۰۲", day("2023-12-20")), ("2023 December 20", day("2023-12-20"))],
    );
    check("در ۱ فروردین ۱۴۰۳ آغاز شد", None, &[("۱ فروردین ۱۴۰۳", day("2024-03-20"))]);
    check(
        "۲۹ آذرماه ۱۴۰۲ و ۲۹ آذر ماه ۱۴۰۲",
        None,
        &[("۲۹ آذرماه ۱۴۰۲", day("2023-12-20")), ("۲۹ آذر ماه ۱۴۰۲", day("2023-12-20"))],
    );
    check("۲۹ آذر سال ۱۴۰۲", None, &[("۲۹ آذر سال ۱۴۰۲", day("2023-12-20"))]);
    // Arabic-Indic digits and Arabic yeh are folded.
    check("٢٩ آذر ١٤٠٢", None, &[("٢٩ آذر ١٤٠٢", day("2023-12-20"))]);
    // Numeric with a Solar Hijri year.
    check("۱۴۰۲/۰۹/۲۹", None, &[("۱۴۰۲/۰۹/۲۹", day("2023-12-20"))]);
    // No 31 Mehr: only the month of the year is read.
    check("۳۱ مهر ۱۴۰۲", None, &[("مهر ۱۴۰۲", TimeValue::MonthYear { year: 2023, month: 10 })]);
}

#[test]
fn solar_hijri_without_year_is_read_against_the_publication_date() {
    check("۲۹ آذر", Some("2023-12-25"), &[("۲۹ آذر", day("2023-12-20"))]);
    // Nearest occurrence: late Esfand read in early Farvardin is last year's.
    check("۲۸ اسفند", Some("2024-03-25"), &[("۲۸ اسفند", day("2024-03-18"))]);
    assert_eq!(find_dates("۲۹ آذر", Some(d("2023-12-25")))[0].note, Some(Note::FromPublished));
    // Without one, the Gregorian day and month of most years (29 Azar is December 20 in
    // 1401 and 1402, December 19 in 1403), noted as approximate.
    let got = find_dates("۲۹ آذر", None);
    assert_eq!(got[0].value, TimeValue::DayMonth { month: 12, day: 20 });
    assert_eq!(got[0].note, Some(Note::Approximate));
    // Across the Gregorian new year: 26 Dey is January 16 (2023 and 2024).
    assert_eq!(find_dates("۲۶ دیماه", None)[0].value, TimeValue::DayMonth { month: 1, day: 16 });
}

#[test]
fn dey_is_a_month_only_after_a_day() {
    check("۱۰ دی ۱۴۰۲", None, &[("۱۰ دی ۱۴۰۲", day("2023-12-31"))]);
    check("روز ۱۰ دی", Some("2024-01-05"), &[("۱۰ دی", day("2023-12-31"))]);
    // دی as a word, and as the letter D of a spelt-out abbreviation.
    none("دی ماه سرد بود");
    none("آزمایش ۲ دی ان ای");
    none("ویتامین دی");
}

#[test]
fn afghan_month_names_are_months_only_after_a_day_or_before_a_year() {
    // Herat, 28 October 2023 (6 Aqrab 1402), as an Afghan outlet dates it.
    check(
        "نیمه شب گذشته (شنبه، ۶ عقرب) در ۱۰ کیلومتری",
        Some("2023-10-29"),
        &[("شنبه", day("2023-10-28")), ("۶ عقرب", day("2023-10-28"))],
    );
    check("۱۵ اسد ۱۴۰۳", None, &[("۱۵ اسد ۱۴۰۳", day("2024-08-05"))]);
    check("سنبله ۱۴۰۲", None, &[("سنبله ۱۴۰۲", TimeValue::MonthYear { year: 2023, month: 9 })]);
    // The same words as words: Bashar al-Assad, "amount", "serious", "cancer", a count after them.
    none("بشار اسد رئیس جمهور سوریه");
    none("میزان تلفات بالا رفت");
    none("یک موضوع جدی ۲۰ نفر");
    none("بیماری سرطان ۱۲ نفر");
}

#[test]
fn persian_ordinal_days_before_a_month() {
    check(
        "از دقایق اولیه بامداد شنبه نهم تیرماه کار شمارش",
        None,
        &[("شنبه", TimeValue::Weekday(Weekday::Sat)), ("نهم تیرماه", TimeValue::DayMonth { month: 6, day: 30 })],
    );
    check("بیست و نهم آذر ۱۴۰۲", None, &[("بیست و نهم آذر ۱۴۰۲", day("2023-12-20"))]);
    check("روز اول مهر", Some("2024-09-25"), &[("اول مهر", day("2024-09-22"))]);
    check("سی‌ام آبان", Some("2023-11-25"), &[("سی‌ام آبان", day("2023-11-21"))]);
    // Ordinals that count something else.
    none("برای سومین بار");
    none("دور دوم انتخابات");
    none("بیست و دوم نفر");
}

#[test]
fn gregorian_months_in_persian() {
    check(
        "امروز (چهارشنبه، ۲۰ دسامبر)، در حاشیه",
        Some("2023-12-20"),
        &[("امروز", day("2023-12-20")), ("چهارشنبه", day("2023-12-20")), ("۲۰ دسامبر", day("2023-12-20"))],
    );
    check(
        "یکشنبه هفته پیش(۱۰ دسامبر) ضمن تاکید",
        Some("2023-12-20"),
        &[("یکشنبه هفته پیش", day("2023-12-10")), ("۱۰ دسامبر", day("2023-12-10"))],
    );
    check("در آوریل ۲۰۱۹ در مسکو", None, &[("آوریل ۲۰۱۹", TimeValue::MonthYear { year: 2019, month: 4 })]);
    check("۱۵ ژانویهٔ ۲۰۲۴", None, &[("۱۵ ژانویهٔ ۲۰۲۴", day("2024-01-15"))]);
    check("۱۵ ژانویۀ ۲۰۲۴", None, &[("۱۵ ژانویۀ ۲۰۲۴", day("2024-01-15"))]);
    check("حمله حماس در ۷ اکتبر به", None, &[("۷ اکتبر", TimeValue::DayMonth { month: 10, day: 7 })]);
    check("۵ مه ۲۰۲۲ و ۶ می ۲۰۲۲", None, &[("۵ مه ۲۰۲۲", day("2022-05-05")), ("۶ می ۲۰۲۲", day("2022-05-06"))]);
    // می is the verb prefix too: a year is required.
    none("۲۰ می شود");
}

#[test]
fn gregorian_months_in_bengali_with_case_endings() {
    check("৭ই অক্টোবরের সন্ত্রাসী হামলার", None, &[("৭ই অক্টোবরের", TimeValue::DayMonth { month: 10, day: 7 })]);
    check(
        "হস্পতিবার (১৫ ফেব্রুয়ারি) তিনি",
        None,
        &[("হস্পতিবার", TimeValue::Weekday(Weekday::Thu)), ("১৫ ফেব্রুয়ারি", TimeValue::DayMonth { month: 2, day: 15 })],
    );
    check("২৯ ফেব্রুয়ারি ২০২৪ থেকে", None, &[("২৯ ফেব্রুয়ারি ২০২৪", day("2024-02-29"))]);
    check(
        "১লা জানুয়ারি, ২রা মার্চ, ৪ঠা জুলাই, ২২শে আগস্ট",
        Some("2023-12-20"),
        &[
            ("১লা জানুয়ারি", day("2024-01-01")),
            // Nearest to 2023-12-20: next March, not last March.
            ("২রা মার্চ", day("2024-03-02")),
            ("৪ঠা জুলাই", day("2023-07-04")),
            ("২২শে আগস্ট", day("2023-08-22")),
        ],
    );
    check("ফেব্রুয়ারিতে আর ২৬ অগাস্টে", None, &[("২৬ অগাস্টে", TimeValue::DayMonth { month: 8, day: 26 })]);
    check("২০২৪ সালের ২৯ ফেব্রুয়ারি", None, &[("২০২৪ সালের ২৯ ফেব্রুয়ারি", day("2024-02-29"))]);
    check("২০২৪ সালের ফেব্রুয়ারিতে", None, &[("২০২৪ সালের ফেব্রুয়ারিতে", TimeValue::MonthYear { year: 2024, month: 2 })]);
    check("১৬ ডিসেম্বর ১৯৭১", None, &[("১৬ ডিসেম্বর ১৯৭১", day("1971-12-16"))]);
    check("ডিসেম্বর ২০, ২০২৩", None, &[("ডিসেম্বর ২০, ২০২৩", day("2023-12-20"))]);
    // No 30 February, in any year.
    none("৩০ ফেব্রুয়ারি");
}

#[test]
fn english_dates() {
    check(
        "on December 20, 2023 and 2023 December 20",
        None,
        &[("December 20, 2023", day("2023-12-20")), ("2023 December 20", day("2023-12-20"))],
    );
    check(
        "20 December 2023, the 1st of May",
        None,
        &[("20 December 2023", day("2023-12-20")), ("1st of May", TimeValue::DayMonth { month: 5, day: 1 })],
    );
    check(
        "Sept. 5 and Jan 3, 2024",
        Some("2023-12-20"),
        &[("Sept. 5", day("2023-09-05")), ("Jan 3, 2024", day("2024-01-03"))],
    );
    check("in April 2019", None, &[("April 2019", TimeValue::MonthYear { year: 2019, month: 4 })]);
    // Verbs, not months.
    none("children aged 5 may attend; they march 20 miles");
}

#[test]
fn numeric_dates_year_first_or_in_a_certain_order() {
    check("on 2023-12-20.", None, &[("2023-12-20", day("2023-12-20"))]);
    check("২০২৩/১২/২০ তারিখে", None, &[("২০২৩/১২/২০", day("2023-12-20"))]);
    // Day or month first only where the order is certain.
    check("20/12/2023", None, &[("20/12/2023", day("2023-12-20"))]);
    check("12/20/2023", None, &[("12/20/2023", day("2023-12-20"))]);
    none("12/11/2023");
    none("2023-13-01");
}

#[test]
fn years_need_a_context_word() {
    check("২০১৯ সালে মস্কোতে", None, &[("২০১৯", TimeValue::Year(2019))]);
    check("২০২২-এ আক্রমণ", None, &[("২০২২", TimeValue::Year(2022))]);
    check("در سال ۲۰۱۹ و ۲۰۱۹ میلادی", None, &[("۲۰۱۹", TimeValue::Year(2019)), ("۲۰۱۹", TimeValue::Year(2019))]);
    check("since 2014", None, &[("2014", TimeValue::Year(2014))]);
    // A range gives both ends.
    let r = find_dates("২০২৪-২০২৬ এর জন্য", None);
    assert_eq!(r.iter().map(|m| m.value).collect::<Vec<_>>(), vec![TimeValue::Year(2024), TimeValue::Year(2026)]);
    assert!(r.iter().all(|m| m.note == Some(Note::Range)));
    // Bare four-digit numbers and Solar Hijri years alone are not years.
    none("১৭০ কোটি ডলারের 2500 people");
    none("در سال ۱۴۰۲");
}

#[test]
fn day_ranges() {
    check("১০-১২ ডিসেম্বর ২০২৩", None, &[("১০", day("2023-12-10")), ("১২ ডিসেম্বর ২০২৩", day("2023-12-12"))]);
}

#[test]
fn weekdays_resolve_against_publication() {
    check("ল্যাভরভ বুধবার ষষ্ঠ", Some("2023-12-20"), &[("বুধবার", day("2023-12-20"))]);
    check("ল্যাভরভ বুধবার", None, &[("বুধবার", TimeValue::Weekday(Weekday::Wed))]);
    check("শুক্রবারের বৈঠক, রবিবারে", Some("2023-12-20"), &[("শুক্রবারের", day("2023-12-15")), ("রবিবারে", day("2023-12-17"))]);
    check(
        "গত বুধবার ও আগামী বুধবার",
        Some("2023-12-20"),
        &[("গত বুধবার", day("2023-12-13")), ("আগামী বুধবার", day("2023-12-27"))],
    );
    check("شنبه گذشته", Some("2023-12-20"), &[("شنبه گذشته", day("2023-12-16"))]);
    check(
        "Monday last week; next Friday",
        Some("2023-12-20"),
        &[("Monday last week", day("2023-12-11")), ("next Friday", day("2023-12-22"))],
    );
    check("বিষ্যুদবার", Some("2023-12-20"), &[("বিষ্যুদবার", day("2023-12-14"))]);
}

#[test]
fn weekdays_of_the_regions_other_scripts() {
    // 2024-01-16 was a Tuesday.
    for (text, name) in [
        ("மோடி செவ்வாய்க்கிழமை மாஸ்கோ சென்றார்", "செவ்வாய்க்கிழமை"),
        ("మోదీ మంగళవారం మాస్కో వెళ్లారు", "మంగళవారం"),
        ("ಮೋದಿ ಮಂಗಳವಾರ ಮಾಸ್ಕೋಗೆ ತೆರಳಿದರು", "ಮಂಗಳವಾರ"),
        ("മോദി ചൊവ്വാഴ്ച മോസ്കോയിലെത്തി", "ചൊവ്വാഴ്ച"),
        ("मोदी मंगळवारी नव्हे, मंगळवार मॉस्कोला", "मंगळवार"),
        ("મોદી મંગળવાર મોસ્કો પહોંચ્યા", "મંગળવાર"),
        ("Моді у вівторок прибув до Москви", "вівторок"),
        ("모디 총리는 화요일 모스크바에 도착했다", "화요일"),
    ] {
        check(text, None, &[(name, TimeValue::Weekday(Weekday::Tue))]);
        check(text, Some("2024-01-17"), &[(name, day("2024-01-16"))]);
    }
    check("وصل يوم الجمعة إلى موسكو", None, &[("الجمعة", TimeValue::Weekday(Weekday::Fri))]);
    // The Friday prayer is no date, in Arabic and Urdu as in Persian.
    check("بعد صلاة الجمعة في المسجد", None, &[]);
    check("نماز جمعہ کے بعد", None, &[]);
    // Russian неделя is a week, not Bulgarian Sunday.
    check("на прошлой неделе в Москве", None, &[]);
}

#[test]
fn persian_weekdays_match_longest_first() {
    for thu in ["پنج‌شنبه", "پنج شنبه", "پنجشنبه"] {
        check(thu, None, &[(thu, TimeValue::Weekday(Weekday::Thu))]);
    }
    for (name, w) in [
        ("شنبه", Weekday::Sat),
        ("یکشنبه", Weekday::Sun),
        ("یک‌شنبه", Weekday::Sun),
        ("دوشنبه", Weekday::Mon),
        ("سه‌شنبه", Weekday::Tue),
        ("سه شنبه", Weekday::Tue),
        ("چهارشنبه", Weekday::Wed),
        ("جمعه", Weekday::Fri),
    ] {
        check(name, None, &[(name, TimeValue::Weekday(w))]);
    }
    // The Friday prayer and habits are not dates.
    none("امام جمعه تهران و نماز جمعه");
    none("شنبه‌ها");
}

#[test]
fn publication_dates() {
    let seed = include_str!("../../../../corpora/seeds/fa-lavrov-shoukry-gaza.txt");
    assert_eq!(infer_published(seed), Some(d("2023-12-20")));
    for bn in [
        include_str!("../../../../corpora/seeds/bn-lavrov-marrakech.txt"),
        include_str!("../../../../corpora/seeds/bn-xi-lavrov-beijing.txt"),
        include_str!("../../../../corpora/seeds/bn-putin-invites-hamas.txt"),
        include_str!("../../../../corpora/seeds/bn-putin-pezeshkian-ashgabat.txt"),
    ] {
        assert_eq!(infer_published(bn), None);
    }
    assert_eq!(infer_published("শিরোনাম\nপ্রকাশ: ১০ ফেব্রুয়ারি ২০২৪, ১২:০০\nখবর"), Some(d("2024-02-10")));
    assert_eq!(infer_published("Title\nBy someone\nPublished 5 March 2024\n"), Some(d("2024-03-05")));
    // A dateline without a label, in the first lines.
    assert_eq!(infer_published("ঢাকা, ২০ ডিসেম্বর ২০২৩\nখবর"), Some(d("2023-12-20")));
    assert_eq!(
        infer_published(
            "DHAKA, Dec 20, 2023 (Reuters) - Bangladesh's election commission said on Wednesday that the vote"
        ),
        Some(d("2023-12-20"))
    );
    // A full date inside a paragraph is what the story is about.
    assert_eq!(
        infer_published(
            "আলমানাক\n\nএবং এখন আমাদের \"সানডে মর্নিং\" আলমানাকের একটি পৃষ্ঠা: ৩০ সেপ্টেম্বর, ১৮৮২, আজ থেকে ১৩৬ বছর আগে"
        ),
        None
    );
    // A full date deep in the text is not a dateline.
    let deep = format!("{}\n১৬ ডিসেম্বর ১৯৭১", "খবর\n".repeat(10));
    assert_eq!(infer_published(&deep), None);
    // A label with the date far from it, or none.
    assert_eq!(infer_published("তিনি আশা প্রকাশ করেন"), None);
}

#[test]
fn offsets_are_exact() {
    let t = "তারিখ: ২৯ আজ ৭ই অক্টোবরের পর ۲۹ آذر ۱۴۰۲ ও বুধবার, پنج شنبه 2023-12-20";
    let found = find_dates(t, None);
    assert_eq!(found.len(), 5);
    for m in found {
        assert_eq!(&t[m.start..m.end], m.text);
    }
}

/// Fragments that make dates likely, for the property tests.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("۲۹".to_owned()),
        Just("১৪০২".to_owned()),
        Just("2023".to_owned()),
        Just("৭ই".to_owned()),
        Just("آذر".to_owned()),
        Just("دی".to_owned()),
        Just("دسامبر".to_owned()),
        Just("অক্টোবরের".to_owned()),
        Just("December".to_owned()),
        Just("Sept".to_owned()),
        Just("پنج".to_owned()),
        Just("شنبه".to_owned()),
        Just("বুধবার".to_owned()),
        Just("সালের".to_owned()),
        Just("سال".to_owned()),
        Just("هفته".to_owned()),
        Just("پیش".to_owned()),
        Just("গত".to_owned()),
        Just("-".to_owned()),
        Just("/".to_owned()),
        Just(",".to_owned()),
        Just(".".to_owned()),
        Just(":".to_owned()),
        Just("\u{200C}".to_owned()),
        "[0-9০-৯۰-۹]{1,5}",
        "\\PC{0,3}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec((fragment(), prop_oneof![Just(""), Just(" "), Just("\n")]), 0..14)
        .prop_map(|v| v.into_iter().map(|(a, b)| a + b).collect())
}

fn published() -> impl Strategy<Value = Option<Date>> {
    prop::option::of((-40_000i64..60_000).prop_map(Date::from_days_since_epoch))
}

/// The label reader before its matchers: every line read for its labels.
fn labelled_plainly(text: &str, labels: &[&str]) -> Option<Date> {
    text.lines().find_map(|line| labelled_in_line(line, labels))
}

/// Texts of dates, labels in any case, and metadata words.
fn labelled_text() -> impl Strategy<Value = String> {
    let label = prop::sample::select(
        PUBLISHED_LABELS.iter().chain(UPDATED_LABELS).chain(PRINTED_LABELS).copied().collect::<Vec<_>>(),
    );
    let piece = prop_oneof![
        fragment(),
        label.clone().prop_map(str::to_owned),
        label.prop_map(str::to_uppercase),
        Just("Posted On".to_owned()),
        Just("۲۹ آذر ۱۴۰۲".to_owned()),
        Just("20 December 2023".to_owned()),
    ];
    prop::collection::vec((piece, prop_oneof![Just(" "), Just("\n"), Just(": ")]), 0..12)
        .prop_map(|v| v.into_iter().map(|(a, b)| a + b).collect())
}

proptest! {
    #[test]
    fn labels_are_found_as_looking_in_every_line_finds(t in labelled_text()) {
        let m = label_matchers();
        prop_assert_eq!(labelled(&t, PUBLISHED_LABELS, &m.published), labelled_plainly(&t, PUBLISHED_LABELS));
        prop_assert_eq!(labelled(&t, UPDATED_LABELS, &m.updated), labelled_plainly(&t, UPDATED_LABELS));
        for line in t.lines() {
            let lower = line.to_ascii_lowercase();
            let plain = [PUBLISHED_LABELS, UPDATED_LABELS, PRINTED_LABELS].iter().any(|ls| ls.iter().any(|l| lower.contains(l)));
            prop_assert_eq!(m.metadata.is_match(line), plain);
        }
    }

    #[test]
    fn mentions_are_exact_sorted_and_disjoint(t in text(), p in published()) {
        let found = find_dates(&t, p);
        let mut last = 0;
        for m in &found {
            prop_assert!(t.is_char_boundary(m.start) && t.is_char_boundary(m.end));
            prop_assert_eq!(&t[m.start..m.end], m.text.as_str());
            prop_assert!(m.start >= last && m.start < m.end);
            last = m.end;
        }
        let _ = infer_published(&t);
    }

    #[test]
    fn arbitrary_text_never_panics(t in "\\PC{0,80}", p in published()) {
        for m in find_dates(&t, p) {
            prop_assert_eq!(&t[m.start..m.end], m.text.as_str());
        }
        let _ = infer_published(&t);
    }

    #[test]
    fn huge_digit_runs_never_panic(n in 1usize..3000, digit in prop::sample::select(vec!['9', '৯', '۹', '٩'])) {
        let run: String = std::iter::repeat_n(digit, n).collect();
        let t = format!("{run} آذر {run} সালে {run}-{run}-{run}");
        let _ = find_dates(&t, Some(Date::from_days_since_epoch(19_711)));
        let _ = infer_published(&t);
    }
}

#[test]
fn dates_in_the_other_languages_of_the_region() {
    // Russian: genitive months, the year word, weekdays in the accusative.
    check("20 мая 2024 года вертолет разбился", None, &[("20 мая 2024", day("2024-05-20"))]);
    check("Утром 20 мая спасатели", Some("2024-05-21"), &[("20 мая", day("2024-05-20"))]);
    check("в среду Лавров прибыл", Some("2023-09-08"), &[("среду", day("2023-09-06"))]);
    // Hindi (a virama inside अक्टूबर), Urdu, Arabic in both month series.
    check("7 अक्टूबर 2023 को भूकंप", None, &[("7 अक्टूबर 2023", day("2023-10-07"))]);
    check("19 مئی 2024 کو", None, &[("19 مئی 2024", day("2024-05-19"))]);
    check("في 19 مايو 2024", None, &[("19 مايو 2024", day("2024-05-19"))]);
    check("في 7 تشرين الأول 2023", None, &[("7 تشرين الأول 2023", day("2023-10-07"))]);
    check("يوم الأربعاء الماضي", Some("2023-12-22"), &[("الأربعاء الماضي", day("2023-12-20"))]);
    // Arabic news names a month in both series at once; the day, both names and the year
    // are one date (not a day and month, then a month and year).
    check("في 10 مارس/آذار 2023", None, &[("10 مارس/آذار 2023", day("2023-03-10"))]);
    check(
        "الجمعة 10 آذار/مارس 2023",
        None,
        &[("الجمعة", TimeValue::Weekday(Weekday::Fri)), ("10 آذار/مارس 2023", day("2023-03-10"))],
    );
    check("19 يونيو (حزيران) 2024 -", None, &[("19 يونيو (حزيران) 2024", day("2024-06-19"))]);
    // Two names of different months are two mentions.
    check(
        "بين 10 مارس/نيسان 2023",
        None,
        &[
            ("10 مارس", TimeValue::DayMonth { month: 3, day: 10 }),
            ("نيسان 2023", TimeValue::MonthYear { year: 2023, month: 4 }),
        ],
    );
    // Marathi's own names of January, February and July.
    check("8 जुलै 2024 रोजी", None, &[("8 जुलै 2024", day("2024-07-08"))]);
    check("5 फेब्रुवारी 2024", None, &[("5 फेब्रुवारी 2024", day("2024-02-05"))]);
    // The English month names in Tamil, Telugu, Kannada, Malayalam and Gujarati.
    check("கடந்த 19 மே 2024 அன்று", None, &[("19 மே 2024", day("2024-05-19"))]);
    check("ஜூலை 8, 2024", None, &[("ஜூலை 8, 2024", day("2024-07-08"))]);
    check("19 మే 2024", None, &[("19 మే 2024", day("2024-05-19"))]);
    check("19 ಮೇ 2024", None, &[("19 ಮೇ 2024", day("2024-05-19"))]);
    check("2024 മേയ് 19", None, &[("2024 മേയ് 19", day("2024-05-19"))]);
    check("19 મે 2024", None, &[("19 મે 2024", day("2024-05-19"))]);
    // Latin-script languages, lower-case months, "de" and a day with a full stop.
    check("el 20 de diciembre de 2023", None, &[("20 de diciembre de 2023", day("2023-12-20"))]);
    check("am 20. Dezember 2023", None, &[("20. Dezember 2023", day("2023-12-20"))]);
    check("le 20 décembre 2023", None, &[("20 décembre 2023", day("2023-12-20"))]);
    check("20 Aralık 2023 tarihinde", None, &[("20 Aralık 2023", day("2023-12-20"))]);
    // English month names still need a capital: "may" is a verb.
    none("they may 20 times");
}

#[test]
fn days_relative_to_publication() {
    check("গতকাল সকালে রাজধানীর", Some("2023-09-09"), &[("গতকাল", day("2023-09-08"))]);
    check("Вчера вечером", Some("2024-05-20"), &[("Вчера", day("2024-05-19"))]);
    check("دو روز پیش در تهران", Some("2024-08-02"), &[("دو روز پیش", day("2024-07-31"))]);
    check("2 days ago in Tehran", Some("2024-08-02"), &[("2 days ago", day("2024-07-31"))]);
    // Without a publication date there is nothing to resolve against.
    check("গতকাল সকালে", None, &[]);
}

#[test]
fn months_relative_to_publication() {
    let month = |year, month| TimeValue::MonthYear { year, month };
    check("Next month, he will be coming to Dhaka", Some("2023-08-23"), &[("Next month", month(2023, 9))]);
    check("তিনি আগামী মাসে ঢাকায় আসবেন", Some("2023-12-20"), &[("আগামী মাসে", month(2024, 1))]);
    check("لاوروف ماه آینده به داکا می‌رود", Some("2024-01-10"), &[("ماه آینده", month(2024, 2))]);
    check("يزور لافروف دكا الشهر المقبل", Some("2023-08-23"), &[("الشهر المقبل", month(2023, 9))]);
    check("अगले महीने रूस का दौरा करेंगे", Some("2024-06-05"), &[("अगले महीने", month(2024, 7))]);
    check("визит состоится в следующем месяце", Some("2024-05-24"), &[("следующем месяце", month(2024, 6))]);
    check("গত মাসে ঢাকায় এসেছিলেন", Some("2024-01-10"), &[("গত মাসে", month(2023, 12))]);
    // Without a publication date there is nothing to resolve against; "last week" is no month.
    check("Next month, he will be coming to Dhaka", None, &[]);
    check("talks last week in Dhaka", Some("2024-01-10"), &[]);
}

#[test]
fn numeric_dates_with_the_day_first() {
    check("30/12/2018", None, &[("30/12/2018", day("2018-12-30"))]);
    check("08.07.2024 21:08", None, &[("08.07.2024", day("2024-07-08"))]);
    check("প্রকাশ: ৩০-১২-২০১৮", None, &[("৩০-১২-২০১৮", day("2018-12-30"))]);
    // The month first when the second part cannot be a month.
    check("03/15/2025", None, &[("03/15/2025", day("2025-03-15"))]);
    // With `/` and both parts at most 12 the order is unknown: nothing is read.
    none("03/05/2024");
    // Not dates: a version, spaced numbers, a day that does not exist.
    none("1.2.3.2024");
    none("30 / 12 / 2018");
    none("31.02.2024");
}

#[test]
fn chinese_and_japanese_dates_are_numbers_glued_to_year_month_and_day() {
    check("新华社北京2025年7月15日电 国家主席习近平15日在北京会见", None, &[("2025年7月15日", day("2025-07-15"))]);
    check("ロシアのラブロフ外相は2024年6月19日、平壌を訪れた。", None, &[("2024年6月19日", day("2024-06-19"))]);
    check("2024年6月に訪朝した", None, &[("2024年6月", TimeValue::MonthYear { year: 2024, month: 6 })]);
    check("习近平7月15日会见拉夫罗夫", None, &[("7月15日", TimeValue::DayMonth { month: 7, day: 15 })]);
    check("习近平7月15日会见拉夫罗夫", Some("2025-07-16"), &[("7月15日", day("2025-07-15"))]);
    // A day alone, an impossible date, a month beyond 12 and a year without its month are not dates.
    none("拉夫罗夫15日抵达北京");
    none("2025年2月30日");
    none("2025年13月");
    none("2025年的会见");
}

#[test]
fn chinese_and_japanese_weekdays_and_relative_days_inside_runs() {
    // 2025-07-16 is a Wednesday.
    check(
        "俄外长拉夫罗夫周二在北京会见王毅，昨天抵达。",
        Some("2025-07-16"),
        &[("周二", day("2025-07-15")), ("昨天", day("2025-07-15"))],
    );
    check("ラブロフ外相は月曜日に北京入りした。", None, &[("月曜日", TimeValue::Weekday(Weekday::Mon))]);
    check("上周一双方举行会谈", Some("2025-07-16"), &[("周一", day("2025-07-07"))]);
    check("一昨日、会談した", Some("2025-07-16"), &[("一昨日", day("2025-07-14"))]);
    // Without a publication date a relative day says nothing; every Monday, this Monday,
    // once a week and "the area around" are not days.
    check("昨天抵达北京", None, &[]);
    none("每周一举行例会，本周一也不例外，一周一次，四周一带");
}
