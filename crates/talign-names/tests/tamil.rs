//! Tamil script writes no voicing: one letter for k and g, for t and d, for p and b, and ச
//! for ch, j and s. Names written in it pair with their Latin spellings whichever sound
//! the Latin writes (மோடி Modi, காந்தி Gandhi, பைடன் Biden), by rules alone.

use talign_names::{Lexicon, Name, NameIndex};

/// Tamil press spellings of people and places, with their English names (written for
/// talign's tests).
const NAMES: &[(&str, &str)] = &[
    ("மோடி", "Modi"),
    ("காந்தி", "Gandhi"),
    ("பைடன்", "Biden"),
    ("டிரம்ப்", "Trump"),
    ("புடின்", "Putin"),
    ("ஜெய்சங்கர்", "Jaishankar"),
    ("லாவ்ரோவ்", "Lavrov"),
    ("ஜெலென்ஸ்கி", "Zelensky"),
    ("நெதன்யாகு", "Netanyahu"),
    ("பாகிஸ்தான்", "Pakistan"),
    ("பங்களாதேஷ்", "Bangladesh"),
    ("ஈரான்", "Iran"),
    ("இஸ்ரேல்", "Israel"),
    ("டெல்லி", "Delhi"),
    ("மாஸ்கோ", "Moscow"),
    ("டோக்கியோ", "Tokyo"),
    ("பெய்ஜிங்", "Beijing"),
    ("கொழும்பு", "Colombo"),
    ("சென்னை", "Chennai"),
    ("மும்பை", "Mumbai"),
    ("கொல்கத்தா", "Kolkata"),
    ("டாக்கா", "Dhaka"),
    ("தெஹ்ரான்", "Tehran"),
    ("காபூல்", "Kabul"),
    ("பாக்தாத்", "Baghdad"),
    ("டமாஸ்கஸ்", "Damascus"),
    ("காசா", "Gaza"),
    ("உக்ரைன்", "Ukraine"),
    ("ஜெர்மனி", "Germany"),
    ("பிரான்ஸ்", "France"),
    ("கனடா", "Canada"),
    ("பிரேசில்", "Brazil"),
    ("ஜப்பான்", "Japan"),
    ("சீனா", "China"),
    ("ரஷ்யா", "Russia"),
    ("அமெரிக்கா", "America"),
    ("ஹசீனா", "Hasina"),
    ("ராகுல்", "Rahul"),
    ("சோனியா", "Sonia"),
    ("நேரு", "Nehru"),
    ("கெஜ்ரிவால்", "Kejriwal"),
    ("மம்தா", "Mamata"),
    ("கோபால்", "Gopal"),
    ("கணேஷ்", "Ganesh"),
    ("புதுச்சேரி", "Puducherry"),
    ("ஹைதராபாத்", "Hyderabad"),
    ("அகமதாபாத்", "Ahmedabad"),
    ("பெங்களூரு", "Bengaluru"),
    ("கோவா", "Goa"),
    ("இந்தோனேசியா", "Indonesia"),
    ("தாய்லாந்து", "Thailand"),
    ("அபுதாபி", "Abu Dhabi"),
    ("துபாய்", "Dubai"),
    ("சவுதி அரேபியா", "Saudi Arabia"),
    ("எர்டோகன்", "Erdogan"),
    ("மேக்ரான்", "Macron"),
    ("ஷி ஜின்பிங்", "Xi Jinping"),
    ("கிம் ஜாங் உன்", "Kim Jong Un"),
    ("பாரிஸ்", "Paris"),
    ("லண்டன்", "London"),
];

/// Names whose Latin spelling voices a stop the Tamil spelling leaves unvoiced.
const VOICED: &[&str] = &[
    "Modi",
    "Gandhi",
    "Biden",
    "Bangladesh",
    "Dhaka",
    "Gaza",
    "Canada",
    "Hyderabad",
    "Bengaluru",
    "Dubai",
    "Abu Dhabi",
    "Indonesia",
    "Thailand",
    "Erdogan",
    "Gopal",
    "Ganesh",
    "Puducherry",
    "Baghdad",
];

#[test]
fn every_tamil_name_picks_its_latin_name() {
    let lex = Lexicon::empty();
    let right: Vec<&str> = NAMES.iter().map(|n| n.1).collect();
    let index = NameIndex::new(&right, &lex);
    let wrong: Vec<String> = NAMES
        .iter()
        .enumerate()
        .filter_map(|(i, (ta, en))| {
            let hit = index.query(&Name::with_lexicon(ta, &lex), 1);
            (hit.first().map(|h| h.index) != Some(i))
                .then(|| format!("{ta} → {:?}, not {en}", hit.first().map(|h| right[h.index])))
        })
        .collect();
    assert!(wrong.is_empty(), "{} wrong:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn voiced_latin_spellings_score_as_a_link() {
    for (ta, en) in NAMES.iter().filter(|n| VOICED.contains(&n.1)) {
        let s = Name::new(ta).score(&Name::new(en)).score;
        assert!(s >= 0.86, "{ta} ~ {en}: {s}");
    }
}

#[test]
fn a_written_double_stays_voiceless() {
    // க்க is kk, never gg: பக்கா (pakka) is not Bagga.
    let kk = Name::new("பக்கா").score(&Name::new("Pakka")).score;
    let gg = Name::new("பக்கா").score(&Name::new("Bagga")).score;
    assert!(kk > gg, "pakka {kk}, bagga {gg}");
}
