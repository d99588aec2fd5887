//! Matching country names as other publishers print them ("Bahamas (The)",
//! "Côte d’Ivoire", "St. Kitts and Nevis") to ISO 3166 codes.

use std::collections::HashMap;

use entente_core::{Iso3, State};

/// Names that folding cannot reconcile with the UN terminology names of the
/// country table, each with the reason it is needed.
const ALIASES: [(&str, &str); 4] = [
    // UNTERM calls it "Czechia" since 2016; the Treaty Collection kept the old short name.
    ("Czech Republic", "CZE"),
    // The UN name since 2022; the UNTERM row still reads "Netherlands (the)".
    ("Netherlands (Kingdom of the)", "NLD"),
    // The UN name before June 2022, still used by older sources and the regional groups table.
    ("Turkey", "TUR"),
    // The country table's official English name; the UN does not use it but other sources do.
    ("Ivory Coast", "CIV"),
];

/// Folds a name for comparison: lower case, accents and typographic
/// apostrophes folded, the article "(the)" and the UN's footnote stars dropped,
/// "St." read as "Saint" (the Treaty Collection's tables abbreviate it:
/// "St. Kitts and Nevis", "St. Lucia"), blanks collapsed.
pub fn fold(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            '’' | '‘' | '`' | '´' => folded.push('\''),
            '*' => {}
            'æ' => folded.push_str("ae"),
            'œ' => folded.push_str("oe"),
            'ß' => folded.push_str("ss"),
            _ => folded.push(fold_accent(c)),
        }
    }
    let without_article = folded.replace("(the)", " ");
    let words: Vec<&str> = without_article
        .split_whitespace()
        .map(|word| if word == "st." { "saint" } else { word })
        .collect();
    let words = match words.as_slice() {
        ["the", rest @ ..] if !rest.is_empty() => rest,
        all => all,
    };
    words.join(" ")
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'ł' | 'ľ' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        other => other,
    }
}

/// Finds a state's ISO code from any of its names in English, French or
/// Spanish (short or formal), or from a documented alias.
#[derive(Debug, Clone)]
pub struct StateMatcher {
    by_name: HashMap<String, Iso3>,
}

impl StateMatcher {
    pub fn new(states: &[State]) -> Self {
        let mut by_name: HashMap<String, Option<Iso3>> = HashMap::new();
        let mut add = |name: &str, iso3: Iso3| {
            let key = fold(name);
            if key.is_empty() {
                return;
            }
            by_name
                .entry(key)
                .and_modify(|known| {
                    // A name shared by two states identifies neither.
                    if *known != Some(iso3) {
                        *known = None;
                    }
                })
                .or_insert(Some(iso3));
        };
        for state in states {
            for names in [&state.names, &state.formal_names] {
                for name in [&names.en, &names.fr, &names.es] {
                    add(name, state.iso3);
                }
            }
        }
        let known: Vec<Iso3> = states.iter().map(|s| s.iso3).collect();
        for (alias, code) in ALIASES {
            match code.parse::<Iso3>() {
                Ok(iso3) if known.contains(&iso3) => add(alias, iso3),
                _ => {}
            }
        }
        StateMatcher {
            by_name: by_name
                .into_iter()
                .filter_map(|(name, iso3)| iso3.map(|code| (name, code)))
                .collect(),
        }
    }

    /// The state a name designates, if exactly one does.
    pub fn find(&self, name: &str) -> Option<Iso3> {
        self.by_name.get(&fold(name)).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use entente_core::Names;

    fn state(iso3: &str, en: &str, formal: &str, fr: &str) -> State {
        State {
            iso3: iso3.parse().unwrap(),
            iso2: iso3[..2].to_owned(),
            m49: 1,
            names: Names {
                en: en.into(),
                fr: fr.into(),
                es: en.into(),
            },
            formal_names: Names {
                en: formal.into(),
                fr: String::new(),
                es: String::new(),
            },
            region: None,
            subregion: None,
            regional_group: None,
            un_member: true,
        }
    }

    #[test]
    fn folds_case_accents_articles_and_apostrophes() {
        assert_eq!(fold("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(fold("Bahamas (The)"), "bahamas");
        assert_eq!(fold("  Türkiye "), "turkiye");
        assert_eq!(fold("Holy See (the) *"), "holy see");
        assert_eq!(fold("the Gambia"), "gambia");
        assert_eq!(
            fold("St. Vincent and the Grenadines"),
            "saint vincent and the grenadines"
        );
    }

    #[test]
    fn matches_any_name_and_the_aliases() {
        let matcher = StateMatcher::new(&[
            state(
                "GBR",
                "United Kingdom of Great Britain and Northern Ireland",
                "the United Kingdom of Great Britain and Northern Ireland",
                "Royaume-Uni",
            ),
            state(
                "NLD",
                "Netherlands",
                "the Kingdom of the Netherlands",
                "Pays-Bas",
            ),
            state("CIV", "Côte d'Ivoire", "Côte d'Ivoire", "Côte d’Ivoire"),
        ]);
        let gbr: Iso3 = "GBR".parse().unwrap();
        assert_eq!(
            matcher.find("United Kingdom of Great Britain and Northern Ireland"),
            Some(gbr)
        );
        assert_eq!(matcher.find("royaume-uni"), Some(gbr));
        assert_eq!(
            matcher.find("Netherlands (Kingdom of the)"),
            "NLD".parse().ok()
        );
        assert_eq!(matcher.find("Côte d’Ivoire"), "CIV".parse().ok());
        assert_eq!(matcher.find("Ivory Coast"), "CIV".parse().ok());
        assert_eq!(matcher.find("Atlantis"), None);
        // An alias for a state the table does not hold matches nothing.
        assert_eq!(matcher.find("Czech Republic"), None);
    }

    #[test]
    fn a_name_shared_by_two_states_matches_neither() {
        let matcher = StateMatcher::new(&[
            state("COG", "Congo", "the Republic of the Congo", "Congo"),
            state("COD", "Democratic Republic of the Congo", "Congo", "RDC"),
        ]);
        assert_eq!(matcher.find("Congo"), None);
        assert_eq!(
            matcher.find("Democratic Republic of the Congo"),
            "COD".parse().ok()
        );
    }
}
