//! Text as the index holds it: words lower-cased, accents folded, stop
//! words of English, French and Spanish left out, and each word replaced
//! by its English, French and Spanish stems (a record's language is not
//! known), so "négociation", "negociations" and "négociations" meet, and
//! so do "negotiation" and "negotiations".

use std::collections::HashMap;

use icu_normalizer::DecomposingNormalizerBorrowed;
use rust_stemmers::{Algorithm, Stemmer};

use super::stopwords::is_stop_word;

/// Longer "words" are addresses, identifiers or pasted junk: not indexed.
const MAX_WORD_BYTES: usize = 64;

/// Distinct words whose stems a [`Analyser`] remembers before it forgets
/// them all: an import of a million actions repeats a small vocabulary.
const CACHE_LIMIT: usize = 100_000;

/// Turns text into index terms. Keeps the stems of the words it has seen,
/// so one analyser per batch of records.
pub(crate) struct Analyser {
    stemmers: [Stemmer; 3],
    cache: HashMap<String, Vec<String>>,
}

impl Analyser {
    pub(crate) fn new() -> Self {
        Analyser {
            stemmers: [
                Stemmer::create(Algorithm::English),
                Stemmer::create(Algorithm::French),
                Stemmer::create(Algorithm::Spanish),
            ],
            cache: HashMap::new(),
        }
    }

    /// The terms of a text, separated by spaces, in the order of its words
    /// (a word's stems together, each once).
    pub(crate) fn terms(&mut self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for word in words(text) {
            for stem in self.stems(&word) {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(stem);
            }
        }
        out
    }

    /// The stems of one lower-cased word: none for a stop word. A word
    /// with accents is stemmed as written and folded, since the French
    /// and Spanish rules look at accented endings ("-ité") and a reader
    /// may type the word without them.
    pub(crate) fn stems(&mut self, word: &str) -> &[String] {
        if !self.cache.contains_key(word) {
            if self.cache.len() >= CACHE_LIMIT {
                self.cache.clear();
            }
            let stems = self.compute_stems(word);
            self.cache.insert(word.to_owned(), stems);
        }
        self.cache.get(word).map(Vec::as_slice).unwrap_or_default()
    }

    fn compute_stems(&self, word: &str) -> Vec<String> {
        let folded = fold(word);
        if is_stop_word(&folded) {
            return Vec::new();
        }
        let mut stems: Vec<String> = Vec::with_capacity(3);
        let forms: &[&str] = if folded == word {
            &[word]
        } else {
            &[word, &folded]
        };
        for form in forms {
            for stemmer in &self.stemmers {
                let stem = fold(&stemmer.stem(form));
                if !stem.is_empty() && !stems.contains(&stem) {
                    stems.push(stem);
                }
            }
        }
        stems
    }
}

/// The words of a text, lower-cased: runs of letters and digits of two
/// characters or more ("l'accord" gives "accord"), none longer than
/// [`MAX_WORD_BYTES`].
pub(crate) fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    word_spans(text).map(|(start, end)| text[start..end].to_lowercase())
}

/// Where the words of [`words`] are: byte ranges into `text`.
pub(crate) fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        loop {
            let (start, _) = chars.by_ref().find(|(_, c)| c.is_alphanumeric())?;
            let mut end = text.len();
            let mut count = 1;
            while let Some(&(i, c)) = chars.peek() {
                if !c.is_alphanumeric() {
                    end = i;
                    break;
                }
                count += 1;
                chars.next();
            }
            if count >= 2 && end - start <= MAX_WORD_BYTES {
                return Some((start, end));
            }
        }
    })
}

/// A lower-case word without its accents: compatibility decomposition,
/// the combining marks and anything but letters and digits dropped, and
/// the ligatures written out.
pub(crate) fn fold(text: &str) -> String {
    let decomposed = DecomposingNormalizerBorrowed::new_nfkd().normalize(text);
    let mut out = String::with_capacity(decomposed.len());
    for c in decomposed.chars() {
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            c if is_combining_mark(c) => {}
            // Decompositions can bring punctuation ("⑴" is "(1)"), which
            // a query syntax would read as an operator.
            c if !c.is_alphanumeric() => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The blocks of combining marks that decomposed Latin, Greek and Cyrillic
/// letters leave behind.
fn is_combining_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        Analyser::new()
            .terms(text)
            .split(' ')
            .map(str::to_owned)
            .collect()
    }

    fn shares_a_term(a: &str, b: &str) -> bool {
        let b = terms(b);
        terms(a).iter().any(|t| b.contains(t))
    }

    #[test]
    fn accents_and_case_fold() {
        assert_eq!(fold("Négociation"), "negociation");
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(fold("Ñandú"), "nandu");
        assert_eq!(fold("x⑴⑵½"), "x1212");
    }

    #[test]
    fn inflections_meet_in_each_language() {
        assert!(shares_a_term("négociation", "negociations"));
        assert!(shares_a_term("negotiation", "negotiations"));
        assert!(shares_a_term("ratificación", "ratificaciones"));
        assert!(shares_a_term("universités", "universite"));
        assert!(shares_a_term("Mécanismes", "mecanismo"));
    }

    #[test]
    fn stop_words_and_short_words_are_left_out() {
        assert_eq!(Analyser::new().terms("the of and / de la y l' -- ?!"), "");
        assert_eq!(
            words("l'accord d'OPCAT").collect::<Vec<_>>(),
            ["accord", "opcat"]
        );
    }

    #[test]
    fn long_runs_are_not_words() {
        let long = "x".repeat(MAX_WORD_BYTES + 1);
        assert_eq!(
            words(&format!("{long} briefing")).collect::<Vec<_>>(),
            ["briefing"]
        );
    }
}
