//! A phonetic weighted edit distance over phoneme strings (see [`crate::phon`]).
//!
//! Substituting sounds of one class (v/w, k/q, s/sh, z/j…) is cheap, vowels are cheap to
//! change, an `O` (a vowel that may be silent) is nearly free to drop, and a vowel is
//! cheap to insert against an abjad (Persian writes no short vowels). How cheap depends on
//! what the abjad form writes elsewhere ([`Abjad`]): a form that writes no vowel letter at
//! all (حسن) leaves every short vowel out, one that writes a vowel letter after every
//! consonant (ناجاتاني, a transliterated foreign name) leaves out almost none; a name's
//! first and last vowels are always written, so they cost the full price to leave out.
//! Adjacent transpositions cost half a substitution, two sounds swapped around a third
//! (Ashgabat / আশবাগাত) a little more, and two sounds written as one (ts / চ, t + sh / ch)
//! a little.

use std::sync::LazyLock;

/// How a phoneme string writes its vowels, which decides what an unmatched vowel on the
/// other side costs. Non-abjad scripts write every vowel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Abjad {
    /// Every vowel is written (Bengali, Latin, Cyrillic, Devanagari).
    #[default]
    No,
    /// An abjad form with a vowel letter after nearly every consonant.
    Plene,
    /// An abjad form that writes some vowels (the usual Persian spelling of foreign names).
    Partial,
    /// An abjad form without any vowel letter (native Arabic and Persian names: حسن, محمد).
    Defective,
}

impl Abjad {
    /// The level of an Arabic-script phoneme string: defective when it writes no vowel
    /// letter (ا و ی read as vowels), plene when no two consonants meet without one.
    pub fn of(ph: &[u8]) -> Abjad {
        let mut written = 0;
        let mut gaps = 0;
        let mut prev_consonant = false;
        for &p in ph {
            let consonant = !crate::phon::is_vowel(p) && !matches!(p, b'O' | b'Y');
            if matches!(p, b'a' | b'U' | b'I' | b'A' | b'Y') {
                written += 1;
            }
            if consonant && prev_consonant {
                gaps += 1;
            }
            prev_consonant = consonant;
        }
        if written == 0 {
            Abjad::Defective
        } else if gaps == 0 {
            Abjad::Plene
        } else {
            Abjad::Partial
        }
    }

    fn table(self) -> usize {
        self as usize
    }
}

struct Costs {
    sub: Vec<f32>,
    /// Indel costs by the [`Abjad`] level of the other side.
    indel: [[f32; 128]; 4],
    /// Two phonemes written as one: `merge[x * 128 + y]` is the phoneme `xy` may be read as.
    merge: Vec<u8>,
}

const CONSONANT_INDEL: f32 = 1.0;
const VOWEL_INDEL: f32 = 0.4;
const VOWEL_INDEL_VS_ABJAD: f32 = 0.12;
const TRANSPOSE: f32 = 0.5;
const TRANSPOSE_AROUND: f32 = 0.7;

static COSTS: LazyLock<Costs> = LazyLock::new(build_costs);

fn build_costs() -> Costs {
    let mut sub = vec![1.0f32; 128 * 128];
    let vowels = b"aeiouEOQUIHAX";
    for &a in vowels {
        for &b in vowels {
            sub[a as usize * 128 + b as usize] = 0.45;
        }
    }
    for i in 0..128 {
        sub[i * 128 + i] = 0.0;
    }
    let pairs: &[(&[u8], &[u8], f32)] = &[
        (b"a", b"e", 0.3),
        (b"e", b"i", 0.25),
        (b"o", b"u", 0.15),
        (b"a", b"o", 0.35),
        (b"E", b"ae", 0.05),
        (b"E", b"yY", 0.3),
        (b"O", b"aeiouEUIHA", 0.1),
        (b"X", b"aeiouEOQ", 0.1),
        (b"X", b"UIA", 0.15),
        (b"Q", b"O", 0.05),
        (b"Q", b"o", 0.1),
        (b"Q", b"aeiuEUIHA", 0.3),
        (b"U", b"uo", 0.0),
        (b"U", b"wW", 0.15),
        (b"U", b"v", 0.25),
        (b"I", b"iA", 0.0),
        (b"A", b"i", 0.0),
        (b"A", b"e", 0.05),
        (b"A", b"a", 0.3),
        (b"A", b"yY", 0.1),
        (b"J", b"j", 0.0),
        (b"J", b"g", 0.1),
        (b"J", b"zZ", 0.25),
        (b"J", b"G", 0.25),
        (b"J", b"D", 0.3),
        (b"T", b"t", 0.05),
        (b"T", b"s", 0.1),
        (b"T", b"S", 0.35),
        (b"T", b"dD", 0.4),
        (b"C", b"s", 0.0),
        (b"C", b"zD", 0.05),
        (b"C", b"T", 0.1),
        (b"C", b"j", 0.25),
        (b"C", b"SZ", 0.3),
        (b"C", b"c", 0.55),
        (b"K", b"c", 0.0),
        (b"K", b"k", 0.1),
        (b"K", b"q", 0.2),
        (b"K", b"x", 0.35),
        (b"K", b"S", 0.4),
        (b"K", b"jJZ", 0.45),
        (b"K", b"g", 0.45),
        (b"V", b"g", 0.05),
        (b"V", b"h", 0.15),
        (b"V", b"G", 0.1),
        (b"V", b"J", 0.15),
        (b"V", b"xH", 0.3),
        (b"D", b"z", 0.0),
        (b"D", b"d", 0.1),
        (b"D", b"j", 0.2),
        (b"D", b"Z", 0.25),
        (b"D", b"t", 0.5),
        // Tamil stops, voiced or not (see `phon::tamil_stops`).
        (b"B", b"td", 0.0),
        (b"B", b"TD", 0.1),
        (b"F", b"kg", 0.0),
        (b"F", b"qKJ", 0.15),
        (b"F", b"xGV", 0.3),
        (b"P", b"pb", 0.0),
        (b"P", b"fvW", 0.3),
        (b"P", b"w", 0.4),
        (b"M", b"cjJK", 0.0),
        (b"M", b"sCZz", 0.3),
        (b"M", b"S", 0.35),
        (b"I", b"e", 0.05),
        (b"I", b"yY", 0.1),
        (b"H", b"h", 0.0),
        (b"H", b"e", 0.05),
        (b"H", b"a", 0.1),
        (b"W", b"vw", 0.0),
        (b"W", b"u", 0.1),
        (b"W", b"o", 0.15),
        (b"W", b"f", 0.25),
        (b"W", b"b", 0.35),
        (b"Y", b"y", 0.0),
        (b"Y", b"i", 0.1),
        (b"Y", b"e", 0.2),
        (b"y", b"i", 0.2),
        (b"y", b"e", 0.35),
        (b"y", b"j", 0.5),
        (b"w", b"v", 0.15),
        (b"w", b"u", 0.2),
        (b"w", b"o", 0.3),
        (b"w", b"bf", 0.4),
        (b"v", b"f", 0.25),
        (b"v", b"b", 0.3),
        (b"b", b"p", 0.25),
        (b"p", b"f", 0.5),
        (b"t", b"d", 0.45),
        (b"k", b"q", 0.2),
        (b"k", b"g", 0.4),
        (b"k", b"x", 0.35),
        (b"k", b"G", 0.4),
        (b"k", b"c", 0.6),
        (b"g", b"G", 0.15),
        (b"g", b"q", 0.35),
        (b"g", b"x", 0.5),
        (b"g", b"j", 0.5),
        (b"q", b"G", 0.15),
        (b"q", b"x", 0.35),
        (b"x", b"G", 0.35),
        (b"x", b"h", 0.4),
        (b"h", b"G", 0.5),
        (b"s", b"S", 0.25),
        (b"s", b"z", 0.45),
        (b"s", b"c", 0.55),
        (b"s", b"t", 0.7),
        (b"S", b"c", 0.4),
        (b"S", b"Z", 0.5),
        (b"z", b"Z", 0.25),
        (b"z", b"j", 0.2),
        (b"Z", b"j", 0.2),
        (b"j", b"c", 0.45),
        (b"c", b"Z", 0.45),
        (b"c", b"q", 0.5),
        (b"m", b"n", 0.4),
        (b"N", b"n", 0.0),
        (b"N", b"m", 0.1),
        (b"l", b"r", 0.5),
    ];
    for &(xs, ys, c) in pairs {
        for &x in xs {
            for &y in ys {
                sub[x as usize * 128 + y as usize] = c;
                sub[y as usize * 128 + x as usize] = c;
            }
        }
    }
    let mut indel = [[CONSONANT_INDEL; 128]; 4];
    // Persian leaves its short vowels (a, e, o) unwritten, but writes long ones (ا و ی), and
    // foreign names usually spell "a" with ا: an unmatched a, i or u is weaker evidence
    // of an omission than an unmatched e or o. A form that writes no vowel letter leaves
    // out every short vowel (Arabic a, i, u too); one that writes them all leaves out few.
    for (v, plene, partial, defective) in [
        (b'a', 0.35, 0.3, 0.12),
        (b'e', 0.3, VOWEL_INDEL_VS_ABJAD, VOWEL_INDEL_VS_ABJAD),
        (b'o', 0.3, 0.15, 0.12),
        (b'i', 0.35, 0.25, 0.2),
        (b'u', 0.35, 0.25, 0.2),
        (b'E', 0.3, 0.2, 0.15),
    ] {
        indel[Abjad::No.table()][v as usize] = VOWEL_INDEL;
        indel[Abjad::Plene.table()][v as usize] = plene;
        indel[Abjad::Partial.table()][v as usize] = partial;
        indel[Abjad::Defective.table()][v as usize] = defective;
    }
    for (p, c) in [
        (b'O', 0.08),
        (b'Q', 0.04),
        (b'X', 0.3),
        (b'U', 0.3),
        (b'I', 0.3),
        (b'A', 0.3),
        (b'H', 0.2),
        (b'h', 0.5),
        (b'y', 0.25),
        (b'Y', 0.3),
        (b'N', 0.15),
        (b'w', 0.45),
        (b'W', 0.5),
    ] {
        for t in &mut indel {
            t[p as usize] = c;
        }
    }
    // Digits and anything unexpected count as consonants.
    let mut merge = vec![0u8; 128 * 128];
    for (x, y, m) in [
        (b't', b's', b'c'),
        (b't', b'S', b'c'),
        (b'd', b'z', b'j'),
        (b'd', b'Z', b'j'),
        (b'd', b'j', b'j'),
        (b'a', b'h', b'H'),
        (b'a', b'H', b'H'),
    ] {
        merge[x as usize * 128 + y as usize] = m;
    }
    Costs { sub, indel, merge }
}

/// The cost of reading two phonemes as one (ts as চ, t + sh as ch, dz as j).
const MERGE: f32 = 0.25;

#[inline]
fn idx(p: u8) -> usize {
    (p & 0x7f) as usize
}

/// The cost of dropping phoneme `p` from one side when the other side is (or is not) an abjad.
#[inline]
pub fn indel_cost(p: u8, other_is_abjad: bool) -> f32 {
    COSTS.indel[if other_is_abjad { Abjad::Partial } else { Abjad::No }.table()][idx(p)]
}

fn level(abjad: bool) -> Abjad {
    if abjad { Abjad::Partial } else { Abjad::No }
}

/// The cost of reading phoneme `a` as `b`.
#[inline]
pub fn sub_cost(a: u8, b: u8) -> f32 {
    COSTS.sub[idx(a) * 128 + idx(b)]
}

/// The weight of a phoneme string: the cost of deleting all of it against a non-abjad.
pub fn weight(a: &[u8]) -> f32 {
    a.iter().map(|&p| indel_cost(p, false)).sum()
}

/// Longest phoneme string compared in full; longer inputs are truncated (names are short,
/// and this bounds the work an enormous input line can cause).
pub const MAX_LEN: usize = 64;

/// Weighted Damerau (optimal string alignment) distance. Symmetric:
/// `distance(a, aa, b, ba) == distance(b, ba, a, aa)`.
pub fn distance(a: &[u8], a_abjad: bool, b: &[u8], b_abjad: bool) -> f32 {
    distance_at(a, level(a_abjad), b, level(b_abjad))
}

/// [`distance`] with the [`Abjad`] level of each side.
pub fn distance_at(a: &[u8], a_lv: Abjad, b: &[u8], b_lv: Abjad) -> f32 {
    let a = &a[..a.len().min(MAX_LEN)];
    let b = &b[..b.len().min(MAX_LEN)];
    distance_within(a, a_lv, b, b_lv, f32::INFINITY)
}

/// [`distance_at`], or infinity as soon as the distance is sure to exceed `limit`.
fn distance_within(a: &[u8], a_lv: Abjad, b: &[u8], b_lv: Abjad, limit: f32) -> f32 {
    let c = &*COSTS;
    // What the two phonemes ending at each position may be read as, if anything.
    let mut merged_a = [0u8; MAX_LEN + 1];
    let mut merged_b = [0u8; MAX_LEN + 1];
    let mut any = 0u8;
    for i in 2..=a.len() {
        merged_a[i] = c.merge[idx(a[i - 2]) * 128 + idx(a[i - 1])];
        any |= merged_a[i];
    }
    for j in 2..=b.len() {
        merged_b[j] = c.merge[idx(b[j - 2]) * 128 + idx(b[j - 1])];
        any |= merged_b[j];
    }
    // Most pairs have nothing to merge: their loop skips the test.
    if any == 0 {
        dp::<false>(a, a_lv, b, b_lv, &merged_a, &merged_b, limit)
    } else {
        dp::<true>(a, a_lv, b, b_lv, &merged_a, &merged_b, limit)
    }
}

fn dp<const MERGES: bool>(
    a: &[u8],
    a_lv: Abjad,
    b: &[u8],
    b_lv: Abjad,
    merged_a: &[u8; MAX_LEN + 1],
    merged_b: &[u8; MAX_LEN + 1],
    limit: f32,
) -> f32 {
    let c = &*COSTS;
    // Deleting a phoneme of `a` is judged by how `b` writes its vowels, and the other way round.
    let (del_tab, ins_tab) = (&c.indel[b_lv.table()], &c.indel[a_lv.table()]);
    // An abjad writes a word's first vowel (with ا, ع, او, ای) and its last (ا ه ی و: a
    // final vowel is never left to the reader): only vowels inside the name may be
    // unwritten, so the first and the last phoneme are deleted at the full price.
    let full = &c.indel[Abjad::No.table()];
    let m = b.len();
    // What inserting each phoneme of `b` costs, looked up once rather than in every row.
    let mut ins_cost = [0f32; MAX_LEN + 1];
    for j in 1..=m {
        ins_cost[j] = if j == 1 || j == m { full } else { ins_tab }[idx(b[j - 1])];
    }
    // Four rows, rotated by reference rather than copied: the current one and the three
    // before it (transpositions reach two and three rows back).
    let mut rows = [[0f32; MAX_LEN + 1]; 4];
    let [r0, r1, r2, r3] = &mut rows;
    let (mut cur, mut prev, mut prev2, mut prev3) = (r0, r1, r2, r3);
    for j in 1..=m {
        prev[j] = prev[j - 1] + ins_cost[j];
    }
    // The least cost in each of the last two rows: every path to the end passes through one
    // of any three rows in a row (a transposition jumps at most three), and costs only grow.
    let bounded = limit.is_finite();
    let (mut min_prev, mut min_prev2) = (0f32, 0f32);
    if bounded {
        min_prev = prev[..=m].iter().copied().fold(f32::INFINITY, f32::min);
        min_prev2 = f32::INFINITY;
    }
    for i in 1..=a.len() {
        let ai = a[i - 1];
        let del = if i == 1 || i == a.len() { full } else { del_tab }[idx(ai)];
        cur[0] = prev[0] + del;
        let row = &c.sub[idx(ai) * 128..idx(ai) * 128 + 128];
        let ma = merged_a[i];
        for j in 1..=m {
            let bj = b[j - 1];
            let mut best = prev[j - 1] + row[idx(bj)];
            let d = prev[j] + del;
            if d < best {
                best = d;
            }
            let ins = cur[j - 1] + ins_cost[j];
            if ins < best {
                best = ins;
            }
            if i > 1 && j > 1 && ai == b[j - 2] && a[i - 2] == bj && ai != bj {
                let t = prev2[j - 2] + TRANSPOSE;
                if t < best {
                    best = t;
                }
            }
            // Two consonants swapped around one shared sound (Ashgabat / আশবাগাত).
            if i > 2 && j > 2 && ai == b[j - 3] && a[i - 3] == bj && a[i - 2] == b[j - 2] && ai != bj {
                let t = prev3[j - 3] + TRANSPOSE_AROUND;
                if t < best {
                    best = t;
                }
            }
            if MERGES {
                // Two sounds of one side written as one on the other (تسو / চু: ts as ch).
                if ma != 0 && ma == bj {
                    let t = prev2[j - 1] + MERGE;
                    if t < best {
                        best = t;
                    }
                }
                if merged_b[j] != 0 && merged_b[j] == ai {
                    let t = prev[j - 2] + MERGE;
                    if t < best {
                        best = t;
                    }
                }
            }
            cur[j] = best;
        }
        if bounded {
            let min_cur = cur[..=m].iter().copied().fold(f32::INFINITY, f32::min);
            if min_cur.min(min_prev).min(min_prev2) > limit {
                return f32::INFINITY;
            }
            min_prev2 = min_prev;
            min_prev = min_cur;
        }
        let done = prev3;
        prev3 = prev2;
        prev2 = prev;
        prev = cur;
        cur = done;
    }
    prev[m]
}

/// [`similarity_at`] when it may reach `floor`; `None` when it is sure to be below it
/// (the distance is abandoned as soon as it passes what `floor` allows).
pub(crate) fn similarity_at_least(
    a: &[u8],
    wa: f32,
    a_lv: Abjad,
    b: &[u8],
    wb: f32,
    b_lv: Abjad,
    floor: f32,
) -> Option<f32> {
    if (a.is_empty() && b.is_empty()) || a.len() > MAX_LEN || b.len() > MAX_LEN {
        return Some(similarity_at(a, wa, a_lv, b, wb, b_lv));
    }
    let w = wa.max(wb);
    if w <= 0.0 {
        return Some(if a == b { 1.0 } else { 0.0 });
    }
    // A margin over what `floor` allows, so that rounding never drops a score at or above it.
    let limit = (1.0 - floor) * w + 1e-3;
    let d = distance_within(a, a_lv, b, b_lv, limit);
    if d.is_infinite() {
        return None;
    }
    Some((1.0 - d / w).clamp(0.0, 1.0))
}

/// Similarity in [0, 1]: one minus the distance over the larger weight.
pub fn similarity(a: &[u8], a_abjad: bool, b: &[u8], b_abjad: bool) -> f32 {
    similarity_weighted(a, weight(a), a_abjad, b, weight(b), b_abjad)
}

/// [`similarity`] with the weights of `a` and `b` already known ([`weight`]).
pub fn similarity_weighted(a: &[u8], wa: f32, a_abjad: bool, b: &[u8], wb: f32, b_abjad: bool) -> f32 {
    similarity_at(a, wa, level(a_abjad), b, wb, level(b_abjad))
}

/// [`similarity_weighted`] with the [`Abjad`] level of each side.
pub fn similarity_at(a: &[u8], wa: f32, a_lv: Abjad, b: &[u8], wb: f32, b_lv: Abjad) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (wa, wb) = if a.len() > MAX_LEN || b.len() > MAX_LEN {
        (weight(&a[..a.len().min(MAX_LEN)]), weight(&b[..b.len().min(MAX_LEN)]))
    } else {
        (wa, wb)
    };
    let a = &a[..a.len().min(MAX_LEN)];
    let b = &b[..b.len().min(MAX_LEN)];
    let w = wa.max(wb);
    if w <= 0.0 {
        return if a == b { 1.0 } else { 0.0 };
    }
    (1.0 - distance_at(a, a_lv, b, b_lv) / w).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_is_zero_and_symmetric() {
        assert_eq!(distance(b"lavrov", false, b"lavrov", false), 0.0);
        let x = distance(b"laWrUf", true, b"lEvOrOvO", false);
        let y = distance(b"lEvOrOvO", false, b"laWrUf", true);
        assert_eq!(x, y);
        assert!(x < 1.0, "{x}");
    }

    #[test]
    fn classes_are_cheaper_than_strangers() {
        assert!(similarity(b"laWrUf", true, b"lavrov", false) > similarity(b"laWrUf", true, b"latvia", false));
        assert!(similarity(b"pzSkYan", true, b"pezeSkian", false) > 0.8);
        assert!(similarity(b"aSbagatO", false, b"aSgabat", false) > 0.8);
        assert_eq!(similarity(b"abc", false, b"xyz", false), 0.0);
    }

    #[test]
    fn an_abjad_writes_its_last_vowel() {
        // ألكسندر writes no final vowel: Alexander, not Aleksandra; a vowel inside the name
        // stays cheap to leave unwritten.
        let ar = b"Xlksndr";
        let (inner, last) = (distance(ar, true, b"aleksander", false), distance(ar, true, b"aleksandra", false));
        assert!(inner < last, "{inner} {last}");
        assert_eq!(distance(b"mrakS", true, b"marakS", false), indel_cost(b'a', true));
        assert_eq!(distance(b"mrak", true, b"mraka", false), indel_cost(b'a', false));
    }
}
