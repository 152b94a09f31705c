//! The seed corpus, built into the binary so that `talign report` works anywhere.

use talign_corpus::{Corpus, CorpusError};

const MANIFEST: &str = include_str!("../../../corpora/seeds/manifest.csv");

const FILES: &[(&str, &str)] = &[
    ("bn-lavrov-marrakech", include_str!("../../../corpora/seeds/bn-lavrov-marrakech.txt")),
    ("bn-xi-lavrov-beijing", include_str!("../../../corpora/seeds/bn-xi-lavrov-beijing.txt")),
    ("bn-putin-invites-hamas", include_str!("../../../corpora/seeds/bn-putin-invites-hamas.txt")),
    ("fa-lavrov-shoukry-gaza", include_str!("../../../corpora/seeds/fa-lavrov-shoukry-gaza.txt")),
    ("bn-putin-pezeshkian-ashgabat", include_str!("../../../corpora/seeds/bn-putin-pezeshkian-ashgabat.txt")),
];

/// The five seed articles.
pub fn corpus() -> Result<Corpus, CorpusError> {
    Corpus::from_dir_contents("<built-in seeds>", Some(MANIFEST), FILES)
}

#[cfg(test)]
mod tests {
    #[test]
    fn built_in_seeds_match_the_corpus_directory() {
        let built_in = super::corpus().unwrap();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpora/seeds");
        let on_disk = talign_corpus::Corpus::load(&[dir]).unwrap();
        let ids =
            |c: &talign_corpus::Corpus| c.docs().iter().map(|d| (d.id.clone(), d.text.clone())).collect::<Vec<_>>();
        assert_eq!(ids(&built_in), ids(&on_disk), "every seed file must be listed in seeds.rs");
    }
}
