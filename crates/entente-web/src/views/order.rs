//! The orders readers expect lists in, where the store's (by identifier)
//! would surprise them: treaties as the UN numbers them.

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
}
