//! The policy a new password must meet: long enough, not a common password
//! (nor one dressed up with digits, symbols or repetition), and not built
//! from the user's own name or e-mail address.
//!
//! Following NIST SP 800-63B, there are no composition rules (no "one digit,
//! one capital"): length and a blocklist stop the guessable passwords
//! without pushing people to `Password1!`.

use std::collections::HashSet;
use std::sync::LazyLock;

/// The fewest characters (Unicode scalar values, not bytes) a password may have.
pub const MIN_CHARS: usize = 12;
/// The most characters a password may have: enough for any passphrase, short
/// enough that nobody submits megabytes to hash.
pub const MAX_CHARS: usize = 1024;

// Shorter pieces of a name ("Li", "Ana") occur inside too many good passwords.
const MIN_PERSONAL_FRAGMENT_CHARS: usize = 4;
// A keyboard row or the alphabet is guessed as early as the top passwords.
const MIN_WALK_CHARS: usize = 4;
// "abcabcabcabc" or "12121212...": a short unit repeated is one guess.
const MAX_TRIVIAL_UNIT_CHARS: usize = 4;

const WALKS: &[&str] = &[
    "qwertyuiopasdfghjklzxcvbnm",
    "azertyuiopqsdfghjklmwxcvbn",
    "qwertzuiopasdfghjklyxcvbnm",
    "abcdefghijklmnopqrstuvwxyz",
    "1234567890",
];

/// The common passwords shipped in `data/` (see its README for provenance),
/// lower-cased.
static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/common-passwords.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect()
});

/// Why a new password is refused. [`code`](Self::code) is a stable snake_case
/// identifier for API responses and Fluent message ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum PasswordProblem {
    /// Fewer than [`MIN_CHARS`] characters.
    #[error("the password has fewer than {MIN_CHARS} characters")]
    TooShort,
    /// More than [`MAX_CHARS`] characters.
    #[error("the password has more than {MAX_CHARS} characters")]
    TooLong,
    /// A common password, or one padded with digits and symbols, repeated, or
    /// a keyboard or alphabet sequence.
    #[error("the password is too common or too easy to guess")]
    TooCommon,
    /// Contains the user's name or the local part of their e-mail address.
    #[error("the password contains the user's name or e-mail address")]
    ContainsPersonalInfo,
}

impl PasswordProblem {
    /// The stable code: `too_short`, `too_long`, `too_common` or
    /// `contains_personal_info`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::TooShort => "too_short",
            Self::TooLong => "too_long",
            Self::TooCommon => "too_common",
            Self::ContainsPersonalInfo => "contains_personal_info",
        }
    }
}

/// Checks a new password against the policy; `context` holds what an attacker
/// knows about the user (e-mail address, name, organisation), of which no
/// piece of four characters or more may appear in the password. Of an e-mail
/// address only the local part counts.
///
/// Comparisons ignore case and follow the NFKC normalisation that
/// [`hash`](super::hash) applies. Cheap enough to call on the async thread.
///
/// # Errors
/// The first [`PasswordProblem`] found, in the order of its variants.
pub fn check_policy(password: &str, context: &[&str]) -> Result<(), PasswordProblem> {
    let password = super::normalise(password);
    let chars = password.chars().count();
    if chars < MIN_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    if chars > MAX_CHARS {
        return Err(PasswordProblem::TooLong);
    }
    let lower = password.to_lowercase();
    if is_common(&lower) {
        return Err(PasswordProblem::TooCommon);
    }
    if context
        .iter()
        .flat_map(|item| personal_fragments(item))
        .any(|fragment| lower.contains(&fragment))
    {
        return Err(PasswordProblem::ContainsPersonalInfo);
    }
    Ok(())
}

fn is_common(lower: &str) -> bool {
    if is_guessable(lower) {
        return true;
    }
    match repeated_unit(lower) {
        Some(unit) => unit.chars().count() <= MAX_TRIVIAL_UNIT_CHARS || is_guessable(unit),
        None => false,
    }
}

/// Listed or a walk, as is or once the spaces, digits and symbols padding it
/// at either end are taken off (`password1234`, `!qwerty2024`).
fn is_guessable(lower: &str) -> bool {
    let core = lower.trim_matches(|c: char| !c.is_alphabetic());
    [lower.trim(), core]
        .into_iter()
        .filter(|candidate| !candidate.is_empty())
        .any(|candidate| COMMON.contains(candidate) || is_walk(candidate))
}

/// A run along a keyboard row or the alphabet, either way, wrapping around
/// (`123456789012`, `qwertyuiopas`, `zyxwvutsrqpo`).
fn is_walk(lower: &str) -> bool {
    if lower.chars().count() < MIN_WALK_CHARS {
        return false;
    }
    WALKS.iter().any(|walk| {
        let forward = walk.repeat(2 + lower.len() / walk.len());
        let backward: String = forward.chars().rev().collect();
        forward.contains(lower) || backward.contains(lower)
    })
}

/// The shortest unit that `text` repeats at least twice, if any.
fn repeated_unit(text: &str) -> Option<&str> {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    (1..=n / 2)
        .filter(|unit| n % unit == 0)
        .find(|&unit| (unit..n).all(|i| chars[i] == chars[i - unit]))
        .map(|unit| {
            let end = text.char_indices().nth(unit).map_or(text.len(), |(i, _)| i);
            &text[..end]
        })
}

/// The pieces of one context item worth refusing: the whole, its words, and
/// its words run together (`maria.lopez@...` gives `maria.lopez`, `maria`,
/// `lopez`, `marialopez`).
fn personal_fragments(item: &str) -> Vec<String> {
    let lower = super::normalise(item).to_lowercase();
    let trimmed = lower.trim();
    let item = trimmed.split_once('@').map_or(trimmed, |(local, _)| local);
    let is_separator = |c: char| !c.is_alphanumeric();
    let mut fragments: Vec<String> = item.split(is_separator).map(str::to_owned).collect();
    fragments.push(item.chars().filter(|&c| !is_separator(c)).collect());
    fragments.push(item.to_owned());
    fragments.retain(|fragment| fragment.chars().count() >= MIN_PERSONAL_FRAGMENT_CHARS);
    fragments
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "plum orchard lantern";

    #[test]
    fn length_is_counted_in_characters_not_bytes() {
        assert_eq!(check_policy("zq8!vlm3#tpx", &[]), Ok(()));
        assert_eq!(
            check_policy("zq8!vlm3#tp", &[]),
            Err(PasswordProblem::TooShort)
        );
        let twelve = "ñandúßéêçøåž";
        assert_eq!((twelve.chars().count(), twelve.len()), (12, 21));
        assert_eq!(check_policy(twelve, &[]), Ok(()));
        assert_eq!(
            check_policy("ñandúßéêçøå", &[]),
            Err(PasswordProblem::TooShort)
        );
        assert_eq!(check_policy("", &[]), Err(PasswordProblem::TooShort));
    }

    #[test]
    fn length_has_an_upper_bound() {
        let longest: String = GOOD.chars().cycle().take(MAX_CHARS).collect();
        assert_eq!(check_policy(&longest, &[]), Ok(()));
        let too_long: String = GOOD.chars().cycle().take(MAX_CHARS + 1).collect();
        assert_eq!(check_policy(&too_long, &[]), Err(PasswordProblem::TooLong));
    }

    #[test]
    fn listed_passwords_are_refused_whatever_their_case() {
        assert!(COMMON.len() > 19_000);
        for password in [
            "1qaz2wsx3edc",
            "1QAZ2WSX3EDC",
            "JustinBieber",
            "temppassword",
        ] {
            assert_eq!(
                check_policy(password, &[]),
                Err(PasswordProblem::TooCommon),
                "{password}"
            );
        }
    }

    #[test]
    fn padded_repeated_and_sequential_passwords_are_refused() {
        for password in [
            "password1234",
            "Password2024!",
            "!!!qwerty2024",
            "123456789012",
            "210987654321",
            "qwertyuiopas",
            "azertyuiopqs",
            "abcdefghijkl",
            "aaaaaaaaaaaa",
            "abcabcabcabc",
            "121212121212",
            "monkeymonkey",
            "dragondragondragon",
            "            ",
            "!!!!!!!!!!!!",
            "  qwerty123456  ",
        ] {
            assert_eq!(
                check_policy(password, &[]),
                Err(PasswordProblem::TooCommon),
                "{password}"
            );
        }
    }

    #[test]
    fn good_passphrases_pass() {
        for password in [
            GOOD,
            "Tr0ub4dor&3-horse",
            "la rivière coule lentement",
            "el cóndor pasa por aquí",
            "x7#Kq9!mZ2@w",
        ] {
            assert_eq!(
                check_policy(password, &["maria.lopez@example.org"]),
                Ok(()),
                "{password}"
            );
        }
    }

    #[test]
    fn personal_information_is_refused() {
        let context = ["maria.lopez@example.org", "María López"];
        for password in [
            "maria.lopez@example.org",
            "maria.lopez-rocks",
            "Lopez summer garden",
            "xx-marialopez-xx",
            "my name is maría!",
        ] {
            assert_eq!(
                check_policy(password, &context),
                Err(PasswordProblem::ContainsPersonalInfo),
                "{password}"
            );
        }
        // "example.org" is the domain, not the user; pieces under four
        // characters ("Li") are too common inside words to refuse.
        assert_eq!(check_policy("example.org garden", &context), Ok(()));
        assert_eq!(check_policy("quality lilies bloom", &["Li Wu"]), Ok(()));
        assert_eq!(check_policy(GOOD, &["", " ", "@"]), Ok(()));
    }

    #[test]
    fn codes_are_stable() {
        let codes = [
            PasswordProblem::TooShort,
            PasswordProblem::TooLong,
            PasswordProblem::TooCommon,
            PasswordProblem::ContainsPersonalInfo,
        ]
        .map(PasswordProblem::code);
        assert_eq!(
            codes,
            [
                "too_short",
                "too_long",
                "too_common",
                "contains_personal_info"
            ]
        );
    }
}
