//! A name written in any of Bengali, Arabic script, Devanagari, Cyrillic and Latin pairs
//! with the same name in each of the others (issue: Cyrillic and Devanagari readers).

use talign_names::{Lexicon, Name, NameIndex};

/// One row per person: Cyrillic, Devanagari, Bengali, Persian, Latin, as the press of each
/// language spells them.
const PEOPLE: &[[&str; 5]] = &[
    ["Лавров", "लावरोव", "ল্যাভরভ", "لاوروف", "Lavrov"],
    ["Путин", "पुतिन", "পুতিন", "پوتین", "Putin"],
    ["Песков", "पेसकोव", "পেসকভ", "پسکوف", "Peskov"],
    ["Захарова", "ज़खारोवा", "জাখারোভা", "زاخارووا", "Zakharova"],
    ["Шойгу", "शोइगु", "শোইগু", "شویگو", "Shoigu"],
    ["Медведев", "मेदवेदेव", "মেদভেদেভ", "مدودف", "Medvedev"],
    ["Небензя", "नेबेंज़िया", "নেবেনজিয়া", "نبنزیا", "Nebenzya"],
];

fn check(lex: &Lexicon) {
    let mut wrong = Vec::new();
    for from in 0..5 {
        for to in 0..5 {
            if from == to {
                continue;
            }
            let right: Vec<&str> = PEOPLE.iter().map(|p| p[to]).collect();
            let index = NameIndex::new(&right, lex);
            for (i, person) in PEOPLE.iter().enumerate() {
                let hit = index.query(&Name::with_lexicon(person[from], lex), 1);
                if hit.first().map(|h| h.index) != Some(i) {
                    wrong.push(format!("{} → {:?}", person[from], hit.first().map(|h| right[h.index])));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{} wrong:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn every_script_pairs_with_every_other_by_rules_alone() {
    check(&Lexicon::empty());
}

#[test]
fn lavrov_in_five_scripts() {
    let forms = PEOPLE[0];
    for a in forms {
        for b in forms {
            let s = Name::new(a).score(&Name::new(b)).score;
            assert!(s >= 0.75, "{a} ~ {b}: {s}");
        }
    }
}
