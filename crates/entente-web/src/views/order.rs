//! The orders readers expect lists in, where the store's (by identifier or
//! by code point) would surprise them: treaties as the UN numbers them, and
//! names in the alphabet of the page's language.

use entente_core::Treaty;

/// A part of a depositary number: chapters and numbers compare as numbers
/// (IV-2 before IV-11), letters as text (IV-11-b before IV-11-c).
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    Number(u32),
    Text(String),
}

/// The sort key of a UN depositary number such as `IV-9-b`: its chapter in
/// Roman numerals, the treaty's number in the chapter, then any letter.
fn depositary_key(mtdsg_no: &str) -> Vec<Part> {
    mtdsg_no
        .split('-')
        .enumerate()
        .map(|(i, part)| {
            let number = if i == 0 {
                roman_number(part)
            } else {
                part.parse().ok()
            };
            number.map_or_else(|| Part::Text(part.to_owned()), Part::Number)
        })
        .collect()
}

/// The value of an upper-case Roman numeral, as UN chapters are numbered.
fn roman_number(text: &str) -> Option<u32> {
    let digits: Vec<u32> = text
        .chars()
        .map(|c| match c {
            'I' => Some(1),
            'V' => Some(5),
            'X' => Some(10),
            'L' => Some(50),
            'C' => Some(100),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let mut total: i64 = 0;
    for (i, &digit) in digits.iter().enumerate() {
        // A smaller digit before a larger one is subtracted (IV, IX, XL).
        if digits.get(i + 1).is_some_and(|&next| next > digit) {
            total -= i64::from(digit);
        } else {
            total += i64::from(digit);
        }
    }
    u32::try_from(total).ok().filter(|&n| n > 0)
}

/// Sorts treaties by depositary number, as the UN Treaty Collection lists
/// them (CERD IV-2 first, CED IV-16 last); identifiers break ties.
pub fn in_depositary_order(treaties: &mut [Treaty]) {
    treaties.sort_by_cached_key(|t| (depositary_key(&t.mtdsg_no), t.id.clone()));
}

/// Where a name sorts in a language's alphabet.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct CollationKey {
    /// The letters as the alphabet orders them, case and accents folded.
    letters: String,
    /// The name itself, so names that differ only by case or accent still
    /// come in one fixed order.
    exact: String,
}

/// The key that sorts `name` as a reader of `lang` expects: case and the
/// accents of Latin letters ignored ("États-Unis" among the E's, "Émirats"
/// before "Équateur"), except that in Spanish "ñ" is a letter of its own,
/// after "n" ("Nueva Zelandia" before "Ñandú"; since 2010 "ch" and "ll" are
/// not, so they need nothing).
///
/// This folds to the primary strength of the Unicode collation for the
/// letters state names use in English, French and Spanish, rather than
/// calling a full collator: `icu_collator` would bring its own baked data
/// (some 3 MB of source), the locale fallback, normaliser and property crates
/// with theirs, none of which the binary has otherwise, and needs a newer
/// Rust than the workspace promises, to order three Latin-script alphabets.
pub fn collation_key(name: &str, lang: &str) -> CollationKey {
    let spanish = lang == "es";
    let mut letters = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            // The highest char after "n" puts "ñ" after every "n…" and
            // before "o".
            'ñ' if spanish => letters.extend(['n', char::MAX]),
            'æ' => letters.push_str("ae"),
            'œ' => letters.push_str("oe"),
            'ß' => letters.push_str("ss"),
            _ => letters.push(fold_accent(c)),
        }
    }
    CollationKey {
        letters,
        exact: name.to_owned(),
    }
}

/// The base letter of an accented lower-case Latin letter.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn treaty(id: &str, mtdsg_no: &str) -> Treaty {
        Treaty {
            id: id.parse().unwrap(),
            mtdsg_no: mtdsg_no.to_owned(),
            name_en: id.to_owned(),
            opened_year: None,
            status_url: String::new(),
        }
    }

    #[test]
    fn the_core_treaties_follow_the_un_numbering() {
        let expected = [
            ("cerd", "IV-2"),
            ("icescr", "IV-3"),
            ("icescr_op", "IV-3-a"),
            ("iccpr", "IV-4"),
            ("iccpr_op1", "IV-5"),
            ("cedaw", "IV-8"),
            ("cedaw_op", "IV-8-b"),
            ("cat", "IV-9"),
            ("opcat", "IV-9-b"),
            ("crc", "IV-11"),
            ("crc_op_ac", "IV-11-b"),
            ("crc_op_sc", "IV-11-c"),
            ("crc_op_ic", "IV-11-d"),
            ("iccpr_op2", "IV-12"),
            ("cmw", "IV-13"),
            ("crpd", "IV-15"),
            ("crpd_op", "IV-15-a"),
            ("ced", "IV-16"),
        ];
        // By identifier, as the store returns them.
        let mut treaties: Vec<Treaty> = expected.iter().map(|(id, n)| treaty(id, n)).collect();
        treaties.sort_by(|a, b| a.id.cmp(&b.id));
        in_depositary_order(&mut treaties);
        let numbers: Vec<&str> = treaties.iter().map(|t| t.mtdsg_no.as_str()).collect();
        let wanted: Vec<&str> = expected.iter().map(|(_, n)| *n).collect();
        assert_eq!(numbers, wanted);
    }

    #[test]
    fn chapters_compare_as_roman_numerals() {
        let mut treaties = vec![
            treaty("cat", "XVIII-1"),
            treaty("ced", "IX-3"),
            treaty("cerd", "IV-2"),
            treaty("crc", "XIV-1"),
        ];
        in_depositary_order(&mut treaties);
        let numbers: Vec<&str> = treaties.iter().map(|t| t.mtdsg_no.as_str()).collect();
        assert_eq!(numbers, ["IV-2", "IX-3", "XIV-1", "XVIII-1"]);
        assert_eq!(roman_number("XXIX"), Some(29));
        assert_eq!(roman_number("iv"), None, "chapters are upper case");
        assert_eq!(roman_number(""), None);
    }

    #[test]
    fn numbers_not_of_the_un_form_still_sort_without_panicking() {
        let mut treaties = vec![treaty("cat", "draft"), treaty("ced", "IV-9-b-1")];
        in_depositary_order(&mut treaties);
        assert_eq!(treaties[0].mtdsg_no, "IV-9-b-1", "numbers before text");
    }

    fn sorted<'a>(names: &[&'a str], lang: &str) -> Vec<&'a str> {
        let mut names = names.to_vec();
        names.sort_by_cached_key(|n| collation_key(n, lang));
        names
    }

    #[test]
    fn spanish_puts_enye_after_n_and_before_o() {
        let names = ["Omán", "Ñandú", "Nueva Zelandia", "Níger", "Nauru"];
        assert_eq!(
            sorted(&names, "es"),
            ["Nauru", "Níger", "Nueva Zelandia", "Ñandú", "Omán"]
        );
        assert_eq!(
            sorted(&["Españo", "Espanza", "Esperanza"], "es"),
            ["Espanza", "Españo", "Esperanza"],
            "ñ after n even followed by z"
        );
    }

    #[test]
    fn english_and_french_read_enye_as_n() {
        let names = ["Omán", "Ñandú", "Nueva Zelandia", "Níger", "Nauru"];
        for lang in ["en", "fr"] {
            assert_eq!(
                sorted(&names, lang),
                ["Ñandú", "Nauru", "Níger", "Nueva Zelandia", "Omán"],
                "{lang}"
            );
        }
    }

    #[test]
    fn case_and_accents_are_ignored_but_break_ties() {
        let names = [
            "Équateur",
            "Érythrée",
            "Égypte",
            "Émirats arabes unis",
            "États-Unis",
            "Espagne",
            "Estonie",
        ];
        assert_eq!(
            sorted(&names, "fr"),
            [
                "Égypte",
                "Émirats arabes unis",
                "Équateur",
                "Érythrée",
                "Espagne",
                "Estonie",
                "États-Unis"
            ]
        );
        assert_eq!(
            sorted(&["cote", "Côte", "Cote"], "fr"),
            ["Cote", "Côte", "cote"]
        );
        assert!(
            collation_key("Œdipe", "fr") < collation_key("Ohio", "fr"),
            "œ reads oe"
        );
    }
}
