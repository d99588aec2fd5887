//! One-time recovery codes, for a user who lost the device with their
//! authenticator app: printed or saved at enrolment, each usable once.
//!
//! A code is 12 characters of Crockford's base32 (60 random bits) shown as
//! `xxxx-xxxx-xxxx`. Store only `token::hash(&normalise(code)?)` and delete
//! the row when it is used. The alphabet has no `i`, `l`, `o` or `u`, and
//! [`normalise`] reads `i`/`l` as `1` and `o` as `0`, so codes survive being
//! read aloud, copied by hand or typed in capitals.

use crate::token::random_bytes;

/// How many codes to hand out at enrolment.
pub const DEFAULT_COUNT: usize = 10;

const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
const GROUPS: usize = 3;
const GROUP_CHARS: usize = 4;
const CODE_CHARS: usize = GROUPS * GROUP_CHARS;

/// `n` new random codes, pairwise distinct, in the canonical
/// `xxxx-xxxx-xxxx` form.
///
/// # Panics
/// If the operating system's random source fails.
#[must_use]
pub fn generate_codes(n: usize) -> Vec<String> {
    let mut codes: Vec<String> = Vec::with_capacity(n);
    while codes.len() < n {
        let code = generate_code();
        // A repeat is a one-in-2^60 event, but a duplicate would be a code
        // that works twice.
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

/// The canonical form of a code as a user typed it: case, spaces and hyphens
/// ignored, look-alike letters read as digits. `None` when it cannot be a
/// recovery code (wrong length or a character outside the alphabet).
#[must_use]
pub fn normalise(code: &str) -> Option<String> {
    let mut chars = Vec::with_capacity(CODE_CHARS);
    for c in code.chars() {
        let c = match c.to_ascii_lowercase() {
            '-' => continue,
            c if c.is_whitespace() => continue,
            'i' | 'l' => '1',
            'o' => '0',
            c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => c,
            _ => return None,
        };
        if chars.len() == CODE_CHARS {
            return None;
        }
        chars.push(c);
    }
    (chars.len() == CODE_CHARS).then(|| grouped(&chars))
}

fn generate_code() -> String {
    // 32 divides 256, so taking the low five bits of each byte is unbiased.
    let chars: Vec<char> = random_bytes::<CODE_CHARS>()
        .iter()
        .map(|byte| char::from(ALPHABET[usize::from(byte & 0x1f)]))
        .collect();
    grouped(&chars)
}

fn grouped(chars: &[char]) -> String {
    chars
        .chunks(GROUP_CHARS)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn codes_are_unique_and_canonical() {
        let codes = generate_codes(DEFAULT_COUNT);
        assert_eq!(codes.len(), 10);
        assert_eq!(codes.iter().collect::<HashSet<_>>().len(), 10);
        for code in &codes {
            assert_eq!(code.len(), 14, "{code}");
            assert_eq!(normalise(code).as_deref(), Some(code.as_str()));
            assert!(
                code.split('-')
                    .all(|group| group.len() == 4 && group.bytes().all(|b| ALPHABET.contains(&b))),
                "{code}"
            );
        }
    }

    #[test]
    fn many_codes_are_still_distinct() {
        let codes = generate_codes(2000);
        assert_eq!(codes.iter().collect::<HashSet<_>>().len(), 2000);
    }

    #[test]
    fn normalise_ignores_case_spaces_hyphens_and_look_alikes() {
        let expected = Some("ab1d-0fgh-jk10".to_owned());
        for typed in [
            "ab1d-0fgh-jk10",
            "AB1D-0FGH-JK10",
            "ab1d0fghjk10",
            " ab1d 0fgh jk10 ",
            "abId-OfGh-jkLo",
        ] {
            assert_eq!(normalise(typed), expected, "{typed:?}");
        }
    }

    #[test]
    fn normalise_refuses_what_cannot_be_a_code() {
        for typed in [
            "",
            "ab1d-0fgh-jk1",
            "ab1d-0fgh-jk100",
            "ab1d-0fgh-jk1u",
            "ab1d-0fgh-jk1é",
            "ab1d_0fgh_jk10",
        ] {
            assert_eq!(normalise(typed), None, "{typed:?}");
        }
    }
}
