//! Properties that must hold for every string: normalization is idempotent and never
//! panics, keys are deterministic, scores are symmetric and lie in [0, 1].

use proptest::prelude::*;
use talign_names::{Name, Reading, key, normalize, romanize};

/// Strings drawn from the characters that matter here: Bengali, Arabic-script (with
/// Arabic-only letters, marks, tatweel, presentation forms), Latin with diacritics,
/// digits of all systems, joiners, bidi controls, punctuation and spaces.
fn name_like() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        "[\u{0980}-\u{09FF}]{1,6}",
        "[\u{0600}-\u{06FF}]{1,6}",
        "[\u{FB50}-\u{FDFF}\u{FE70}-\u{FEFC}]{1,3}",
        "[a-zA-Zàâçéèêëîïôûùüÿñæœß]{1,8}",
        "[0-9০-৯۰-۹٠-٩]{1,4}",
        "[\u{200B}-\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069}\u{0640}\u{00AD}\u{FEFF}]",
        "[ \t,.()«»“”'-]{1,2}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(pieces, 0..8).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn normalize_is_idempotent(s in name_like()) {
        let once = normalize(&s);
        prop_assert_eq!(normalize(&once), once.clone(), "input {:?}", s);
    }

    #[test]
    fn preparation_never_panics_and_is_deterministic(s in name_like()) {
        let a = Name::new(&s);
        let b = Name::new(&s);
        prop_assert_eq!(a.key(), b.key());
        prop_assert_eq!(key(&s), a.key());
        prop_assert_eq!(romanize(&s), a.romanize());
        prop_assert!(a.romanize().is_ascii());
    }

    #[test]
    fn reading_is_what_a_prepared_name_says(s in name_like(), t in name_like()) {
        // One Reading for two names, as `names normalize` reuses it.
        let mut r = Reading::default();
        for x in [&s, &t] {
            Name::read_into(x, &mut r);
            let n = Name::new(x);
            prop_assert_eq!(&r.clean, n.clean());
            prop_assert_eq!(r.script, n.script());
            prop_assert_eq!(r.latin.clone(), n.romanize_letters());
            prop_assert_eq!(r.key.clone(), n.key());
            Name::read_into_with(x, &mut r, Some(talign_names::vowels::Model::builtin()));
            prop_assert_eq!(r.latin.clone(), n.romanize());
        }
    }

    #[test]
    fn scores_are_symmetric_and_bounded(a in name_like(), b in name_like()) {
        let (x, y) = (Name::new(&a), Name::new(&b));
        let ab = x.score(&y).score;
        let ba = y.score(&x).score;
        prop_assert!((0.0..=1.0).contains(&ab), "score {} out of range", ab);
        prop_assert_eq!(ab, ba);
    }

    #[test]
    fn a_name_matches_itself(s in name_like()) {
        let n = Name::new(&s);
        if !n.phonemes().is_empty() {
            prop_assert_eq!(n.score(&n).score, 1.0);
        }
    }
}

#[test]
fn enormous_lines_are_handled() {
    let long = "পেজেশকিয়ান ".repeat(20_000);
    let n = Name::new(&long);
    let m = Name::new("Pezeshkian");
    let s = n.score(&m).score;
    assert!((0.0..=1.0).contains(&s));
}
