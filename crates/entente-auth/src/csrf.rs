//! Tokens against cross-site request forgery: each session gets a random
//! token, every state-changing form carries it back in a hidden field, and a
//! request whose field does not match is refused. A forging site can make the
//! browser send the session cookie but cannot read the token.

use subtle::ConstantTimeEq;

use crate::token::Secret;

/// A new token for a session, created with it and stored alongside it.
///
/// # Panics
/// If the operating system's random source fails.
#[must_use]
pub fn generate() -> Secret {
    Secret::generate()
}

/// Whether the token a form carried (`given`) is the session's (`expected`).
/// Compared in constant time, so response times do not reveal how many
/// leading characters were right. An empty `expected` never matches, so a
/// session stored without a token cannot be passed with an empty field.
#[must_use]
pub fn matches(expected: &str, given: &str) -> bool {
    !expected.is_empty() && bool::from(expected.as_bytes().ct_eq(given.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_matches_itself_only() {
        let token = generate();
        assert!(matches(token.as_str(), token.as_str()));
        assert!(!matches(token.as_str(), generate().as_str()));
        assert!(!matches(token.as_str(), &token.as_str()[1..]));
        assert!(!matches(token.as_str(), &format!("{} ", token.as_str())));
        assert!(!matches(token.as_str(), ""));
    }

    #[test]
    fn an_empty_expected_token_never_matches() {
        assert!(!matches("", ""));
    }
}
