//! Tests of the number finder: one `check` per sentence, with the numbers it must give.

use proptest::prelude::*;

use super::*;
use NumberKind::{Cardinal, Money, Ordinal, Percent};

/// Asserts that `text` gives exactly these (text, value, kind).
#[track_caller]
fn check(text: &str, expect: &[(&str, f64, NumberKind)]) {
    let got: Vec<(String, f64, NumberKind)> =
        find_numbers(text).into_iter().map(|n| (n.text, n.value, n.kind)).collect();
    let expect: Vec<(String, f64, NumberKind)> = expect.iter().map(|(t, v, k)| ((*t).to_owned(), *v, *k)).collect();
    assert_eq!(got, expect, "in {text:?}");
}

#[track_caller]
fn none(text: &str) {
    check(text, &[]);
}

#[test]
fn digits_of_four_systems_and_their_separators() {
    check("1,000,000 and ۱٬۰۰۰٫۵", &[("1,000,000", 1e6, Cardinal), ("۱٬۰۰۰٫۵", 1000.5, Cardinal)]);
    check("১,০০০ জন এবং 2.5", &[("১,০০০", 1000.0, Cardinal), ("2.5", 2.5, Cardinal)]);
    check("٣ و ۳ و ৩ و 3", &[("٣", 3.0, Cardinal), ("۳", 3.0, Cardinal), ("৩", 3.0, Cardinal), ("3", 3.0, Cardinal)]);
    // Indian grouping, common in Bangladeshi papers.
    check("১০,০০,০০০ টাকা", &[("১০,০০,০০০ টাকা", 1e6, Money)]);
    check("১,২০,০০০টি ভোট", &[("১,২০,০০০টি", 120_000.0, Cardinal)]);
    check("کت 15،000 دلاری", &[("15،000 دلاری", 15000.0, Money)]);
    // A list is not a grouped number.
    check("1,2,3", &[("1", 1.0, Cardinal), ("2", 2.0, Cardinal), ("3", 3.0, Cardinal)]);
    check("۳ روز پس از", &[("۳", 3.0, Cardinal)]);
    check("২০ টি ষড়যন্ত্র", &[("২০", 20.0, Cardinal)]);
}

#[test]
fn decimals_spelt_out_or_with_a_slash() {
    check("৩ দশমিক ৫ শতাংশ", &[("৩ দশমিক ৫ শতাংশ", 3.5, Percent)]);
    check("۲/۵ درصد", &[("۲/۵ درصد", 2.5, Percent)]);
    check("۱/۵ میلیارد", &[("۱/۵ میلیارد", 1.5e9, Cardinal)]);
    check("۲٫۸۹ میلیون و ۲٬۵۲ میلیون بیننده", &[("۲٫۸۹ میلیون", 2.89e6, Cardinal), ("۲٬۵۲ میلیون", 2.52e6, Cardinal)]);
    check("2,5 million", &[("2,5 million", 2.5e6, Cardinal)]);
    // No binary noise.
    check("۵٫۶۹ میلیون و 1.7 মিলিয়ন", &[("۵٫۶۹ میلیون", 5.69e6, Cardinal), ("1.7 মিলিয়ন", 1.7e6, Cardinal)]);
    // Not in a date.
    check("۱۴۰۲/۰۹/۲۹", &[("۱۴۰۲", 1402.0, Cardinal), ("۰۹", 9.0, Cardinal), ("۲۹", 29.0, Cardinal)]);
}

#[test]
fn scale_words() {
    check("মস্কো ও তেহরান ১৭০ কোটি ডলারের", &[("১৭০ কোটি ডলারের", 1.7e9, Money)]);
    check("قرارداد یک میلیارد دلاری", &[("یک میلیارد دلاری", 1e9, Money)]);
    check("۲ میلیارد و ۵۰۰ میلیون", &[("۲ میلیارد و ۵۰۰ میلیون", 2.5e9, Cardinal)]);
    check("৩ কোটি ৫০ লাখ", &[("৩ কোটি ৫০ লাখ", 3.5e7, Cardinal)]);
    check("২ হাজার কোটি টাকা", &[("২ হাজার কোটি টাকা", 2e10, Money)]);
    check("১০ হাজারেরও বেশি মানুষ", &[("১০ হাজারেরও", 1e4, Cardinal)]);
    check("2.4 میلیون", &[("2.4 میلیون", 2.4e6, Cardinal)]);
    check("5 million people, $5bn and £3m", &[("5 million", 5e6, Cardinal), ("$5bn", 5e9, Money), ("£3m", 3e6, Money)]);
    check("هزار نفر", &[("هزار", 1000.0, Cardinal)]);
    check("প্রায় এক ডজন ফিলিস্তিনি", &[("এক ডজন", 12.0, Cardinal)]);
    // A scale word alone is vague.
    none("হাজার হাজার মানুষ");
    none("millions of people");
    none("میلیون‌ها نفر");
}

#[test]
fn number_words() {
    check("চৌদ্দ জন পররাষ্ট্রমন্ত্রী", &[("চৌদ্দ", 14.0, Cardinal)]);
    check("چهارده وزیر", &[("چهارده", 14.0, Cardinal)]);
    check("দুই দেশের", &[("দুই", 2.0, Cardinal)]);
    check("তিনটি দেশ", &[("তিনটি", 3.0, Cardinal)]);
    check("بیست و پنج نفر", &[("بیست و پنج", 25.0, Cardinal)]);
    check(
        "twenty-five and two hundred and fifty",
        &[("twenty-five", 25.0, Cardinal), ("two hundred and fifty", 250.0, Cardinal)],
    );
    check("سه هزار و پانصد", &[("سه هزار و پانصد", 3500.0, Cardinal)]);
    check("দুই লাখ পঞ্চাশ হাজার", &[("দুই লাখ পঞ্চাশ হাজার", 250_000.0, Cardinal)]);
    check("দেড় লাখ ও আড়াই কোটি", &[("দেড় লাখ", 150_000.0, Cardinal), ("আড়াই কোটি", 2.5e7, Cardinal)]);
    check("সাড়ে তিন হাজার", &[("সাড়ে তিন হাজার", 3500.0, Cardinal)]);
    check("یک و نیم میلیون", &[("یک و نیم میلیون", 1.5e6, Cardinal)]);
    check("পাঁচশো জন", &[("পাঁচশো", 500.0, Cardinal)]);
    check("a million, zero", &[("a million", 1e6, Cardinal), ("zero", 0.0, Cardinal)]);
    // Two numbers that cannot be one stay apart.
    check("দুই-তিন দিন", &[("দুই", 2.0, Cardinal), ("তিন", 3.0, Cardinal)]);
    check("دو و سه", &[("دو", 2.0, Cardinal), ("سه", 3.0, Cardinal)]);
}

#[test]
fn ambiguous_number_words_need_support() {
    // "One" is the indefinite article.
    none("یک موش");
    none("একটি প্রস্তাব");
    none("one of them");
    // নয় is "is not", نه is "no", ده a village, سی the C of BBC.
    none("এটি সমাধান নয়");
    none("نه یک موش");
    none("بی بی سی گزارش داد");
    check("নয় দিন, নয়জন", &[("নয়", 9.0, Cardinal), ("নয়জন", 9.0, Cardinal)]);
    check("ده کشور", &[("ده", 10.0, Cardinal)]);
    check("سی درصد", &[("سی درصد", 30.0, Percent)]);
    // Parts of other words.
    none("سه شنبه");
    none("روابط دو جانبه");
    none("نخست وزیر");
}

#[test]
fn ordinals() {
    check("ষষ্ঠ রাশিয়ান-আরব সহযোগিতা ফোরামে", &[("ষষ্ঠ", 6.0, Ordinal)]);
    check("ششمین نشست", &[("ششمین", 6.0, Ordinal)]);
    check(
        "৬ষ্ঠ, ২০তম, ২য়, ৪র্থ, 6th, ۶م, ۶مین",
        &[
            ("৬ষ্ঠ", 6.0, Ordinal),
            ("২০তম", 20.0, Ordinal),
            ("২য়", 2.0, Ordinal),
            ("৪র্থ", 4.0, Ordinal),
            ("6th", 6.0, Ordinal),
            ("۶م", 6.0, Ordinal),
            ("۶مین", 6.0, Ordinal),
        ],
    );
    check(
        "دوم، سوم، بیستمین، اولین",
        &[("دوم", 2.0, Ordinal), ("سوم", 3.0, Ordinal), ("بیستمین", 20.0, Ordinal), ("اولین", 1.0, Ordinal)],
    );
    check("بیست و پنجمین سالگرد", &[("بیست و پنجمین", 25.0, Ordinal)]);
    check("the twenty-first century, the sixth forum", &[("twenty-first", 21.0, Ordinal), ("sixth", 6.0, Ordinal)]);
    check("দ্বিতীয়বার", &[("দ্বিতীয়বার", 2.0, Ordinal)]);
    // প্রথমে is "at first".
    none("প্রথমে তিনি বলেন");
    // A date's day suffix leaves a cardinal.
    check("৭ই অক্টোবর", &[("৭ই", 7.0, Cardinal)]);
}

#[test]
fn percentages() {
    check("১৫% and ۲۰ درصد", &[("১৫%", 15.0, Percent), ("۲۰ درصد", 20.0, Percent)]);
    check(
        "۲۰٪ و 3 percent و 4 per cent",
        &[("۲۰٪", 20.0, Percent), ("3 percent", 3.0, Percent), ("4 per cent", 4.0, Percent)],
    );
    check("৫ শতাংশের বেশি", &[("৫ শতাংশের", 5.0, Percent)]);
    check("শতকরা ২০ ভাগ", &[("শতকরা ২০ ভাগ", 20.0, Percent)]);
}

#[test]
fn money() {
    let n = find_numbers("১০ মার্কিন ডলার, ۵۰۰ هزار تومان, Tk 500, US$20, €3");
    let got: Vec<(&str, f64, Option<&str>)> = n.iter().map(|m| (m.text.as_str(), m.value, m.currency)).collect();
    assert_eq!(
        got,
        vec![
            ("১০ মার্কিন ডলার", 10.0, Some("USD")),
            ("۵۰۰ هزار تومان", 500_000.0, Some("IRT")),
            ("Tk 500", 500.0, Some("BDT")),
            ("US$20", 20.0, Some("USD")),
            ("€3", 3.0, Some("EUR")),
        ]
    );
    assert!(n.iter().all(|m| m.kind == Money));
}

#[test]
fn times_are_not_numbers() {
    none("ساعت ۱۵:۴۷");
    none("10:15:30");
    none("বাংলাদেশ সময় ১৯ঃ৩০ মিনিটে");
}

#[test]
fn dates_can_be_left_out() {
    let text = "تاریخ انتشار: ۱۵:۴۷ - ۲۹ آذر ۱۴۰۲ - ۳ روز و ۱۷۰ میلیون";
    let all: Vec<f64> = find_numbers(text).iter().map(|n| n.value).collect();
    assert_eq!(all, vec![29.0, 1402.0, 3.0, 1.7e8]);
    let dates = crate::temporal::find_dates(text, None);
    let outside: Vec<f64> = find_numbers_outside(text, &dates).iter().map(|n| n.value).collect();
    assert_eq!(outside, vec![3.0, 1.7e8]);
    // A number stops before an excluded range.
    let t = "۲ میلیارد و ۵۰۰ میلیون";
    let cut = t.find("۵۰۰").unwrap();
    let parts: Vec<f64> =
        find_numbers_excluding(t, std::slice::from_ref(&(cut..t.len()))).iter().map(|n| n.value).collect();
    assert_eq!(parts, vec![2e9]);
}

#[test]
fn overflowing_values_are_dropped() {
    let huge = "9".repeat(400);
    none(&huge);
    none(&format!("{huge} million"));
    let big = find_numbers(&format!("{} and 5", "9".repeat(300)));
    assert_eq!(big.len(), 2);
    assert!(big[0].value.is_finite() && big[0].value > 9.9e299);
}

/// Fragments that make numbers likely, for the property tests.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("কোটি".to_owned()),
        Just("হাজার".to_owned()),
        Just("লাখ".to_owned()),
        Just("میلیارد".to_owned()),
        Just("هزار".to_owned()),
        Just("million".to_owned()),
        Just("و".to_owned()),
        Just("and".to_owned()),
        Just("یک".to_owned()),
        Just("نه".to_owned()),
        Just("বিশ".to_owned()),
        Just("সাড়ে".to_owned()),
        Just("نیم".to_owned()),
        Just("দশমিক".to_owned()),
        Just("ষষ্ঠ".to_owned()),
        Just("twenty".to_owned()),
        Just("hundred".to_owned()),
        Just("a".to_owned()),
        Just("ডলার".to_owned()),
        Just("শতকরা".to_owned()),
        Just("درصد".to_owned()),
        Just("$".to_owned()),
        Just("%".to_owned()),
        Just(",".to_owned()),
        Just("٬".to_owned()),
        Just("٫".to_owned()),
        Just("/".to_owned()),
        Just(":".to_owned()),
        Just("-".to_owned()),
        "[0-9০-৯۰-۹٠-٩]{1,8}",
        "[0-9০-৯,]{1,12}",
        "\\PC{0,3}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec((fragment(), prop_oneof![Just(""), Just(" ")]), 0..16)
        .prop_map(|v| v.into_iter().map(|(a, b)| a + b).collect())
}

#[track_caller]
fn well_formed(t: &str, ns: &[NumberMention]) -> Result<(), TestCaseError> {
    let mut last = 0;
    for n in ns {
        prop_assert!(t.is_char_boundary(n.start) && t.is_char_boundary(n.end));
        prop_assert_eq!(&t[n.start..n.end], n.text.as_str());
        prop_assert!(n.start >= last && n.start < n.end);
        prop_assert!(n.value.is_finite() && n.value >= 0.0);
        last = n.end;
    }
    Ok(())
}

#[test]
fn an_excluded_range_between_a_number_and_its_currency_is_not_crossed() {
    // Found by `excluded_ranges_are_never_touched`: nine (نه) and dollar (ডলার) read as one
    // sum across an excluded space.
    let t = "نه ডল\u{9be}র$";
    assert!(!find_numbers(t).is_empty(), "read as a sum when nothing is excluded");
    let ns = find_numbers_excluding(t, std::slice::from_ref(&(4..5)));
    assert!(ns.iter().all(|n| n.end <= 4 || n.start >= 5), "{ns:?}");
}

proptest! {
    #[test]
    fn mentions_are_exact_sorted_and_disjoint(t in text()) {
        well_formed(&t, &find_numbers(&t))?;
    }

    #[test]
    fn excluded_ranges_are_never_touched(t in text(), a in 0usize..200, len in 0usize..40) {
        let (a, b) = (a.min(t.len()), (a + len).min(t.len()));
        let ns = find_numbers_excluding(&t, std::slice::from_ref(&(a..b)));
        well_formed(&t, &ns)?;
        for n in &ns {
            prop_assert!(a >= b || n.end <= a || n.start >= b, "{:?} overlaps {}..{}", n, a, b);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(t in "\\PC{0,80}") {
        well_formed(&t, &find_numbers(&t))?;
    }

    #[test]
    fn huge_digit_runs_never_panic(n in 1usize..3000, digit in prop::sample::select(vec!['9', '৯', '۹', '٩'])) {
        let run: String = std::iter::repeat_n(digit, n).collect();
        let t = format!("{run} کوটی {run},{run}٫{run} ১,{run} {run}/{run} درصد {run} দশমিক {run}");
        well_formed(&t, &find_numbers(&t))?;
    }
}
