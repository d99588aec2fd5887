//! Words too common in English, French or Spanish to tell records apart,
//! written folded (lower case, no accents). A word that is common in one
//! language and meaningful in another ("sea", "estado") is not listed.

/// Sorted, so a lookup is a binary search.
const STOP_WORDS: &[&str] = &[
    "about", "after", "al", "all", "also", "am", "an", "and", "any", "are", "as", "at", "au",
    "aux", "avec", "be", "been", "before", "being", "between", "both", "but", "by", "ce", "ces",
    "cet", "cette", "ceux", "comme", "como", "con", "contre", "could", "dans", "de", "del", "des",
    "did", "do", "does", "donc", "du", "during", "el", "ella", "ellas", "elle", "elles", "ellos",
    "en", "entre", "es", "esa", "esas", "ese", "eso", "esos", "esta", "estas", "este", "esto",
    "estos", "et", "etaient", "etait", "ete", "etre", "eu", "for", "from", "fue", "fueron", "had",
    "has", "have", "he", "her", "his", "how", "if", "il", "ils", "in", "into", "is", "it", "its",
    "je", "la", "las", "le", "les", "leur", "leurs", "lo", "los", "ma", "mais", "me", "mes", "mi",
    "mis", "moi", "mon", "more", "most", "muy", "ne", "ni", "no", "nor", "nos", "not", "notre",
    "nous", "nuestra", "nuestro", "of", "on", "or", "ou", "our", "par", "para", "pas", "pero",
    "por", "porque", "pour", "qu", "que", "qui", "se", "ses", "she", "si", "sin", "so", "sobre",
    "son", "sont", "su", "sur", "sus", "ta", "tambien", "te", "tes", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "ton",
    "tu", "un", "una", "une", "uno", "unos", "us", "vos", "votre", "vous", "was", "we", "were",
    "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "ya",
    "yo", "you", "your",
];

/// Whether a folded word is a stop word.
pub(crate) fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.binary_search(&folded).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_and_folded() {
        assert!(
            STOP_WORDS.windows(2).all(|w| w[0] < w[1]),
            "sorted, no repeats"
        );
        assert!(
            STOP_WORDS
                .iter()
                .all(|w| w.bytes().all(|b| b.is_ascii_lowercase()))
        );
        assert!(is_stop_word("the") && is_stop_word("pour") && is_stop_word("para"));
        assert!(!is_stop_word("estado") && !is_stop_word("sea"));
    }
}
