//! Random bearer secrets (session ids, API tokens, invitation and
//! password-setting links, CSRF tokens) and the hash under which they are
//! stored.
//!
//! The database holds only [`hash`]es: whoever reads a backup or a leaked
//! table still cannot log in. A plain SHA-256 is enough (unlike passwords)
//! because the secrets carry 256 random bits: there is nothing to guess.

use std::fmt;

use data_encoding::{BASE64URL_NOPAD, HEXLOWER};
use sha2::{Digest, Sha256};

/// The prefix of API tokens, so that a token pasted into a chat, a commit or a
/// log can be recognised (and revoked) by people and secret scanners.
pub const API_TOKEN_PREFIX: &str = "ent_";

const SECRET_BYTES: usize = 32;

/// A fresh random secret: 256 bits in URL-safe base64 without padding (43
/// characters), or with [`API_TOKEN_PREFIX`] in front for API tokens.
///
/// Shown to its owner once (in a cookie, a link, or on screen), then only its
/// [`hash`](Self::hash) is kept. `Debug` does not print it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// A new random secret for a session, an invitation or a password-setting
    /// link.
    ///
    /// # Panics
    /// If the operating system's random source fails: without it no secret
    /// is safe to hand out, so there is nothing sensible to continue with.
    #[must_use]
    pub fn generate() -> Self {
        Self(BASE64URL_NOPAD.encode(&random_bytes::<SECRET_BYTES>()))
    }

    /// A new random API token: `ent_` followed by a [`generate`](Self::generate)d secret.
    ///
    /// # Panics
    /// As [`generate`](Self::generate).
    #[must_use]
    pub fn generate_api_token() -> Self {
        Self(format!("{API_TOKEN_PREFIX}{}", Self::generate().0))
    }

    /// The secret itself, to show or send once.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The hash to store: [`hash`] of [`as_str`](Self::as_str).
    #[must_use]
    pub fn hash(&self) -> String {
        hash(&self.0)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

/// The SHA-256 of a presented secret, as 64 lower-case hex digits: the key
/// under which sessions, API tokens, invitations and links are stored and
/// looked up.
#[must_use]
pub fn hash(raw: &str) -> String {
    HEXLOWER.encode(&Sha256::digest(raw.as_bytes()))
}

/// Whether `raw` has the shape of an API token (the prefix and a 256-bit
/// secret), so that an extractor can tell a token from a session id before
/// any lookup, and reject garbage cheaply.
#[must_use]
pub fn is_api_token(raw: &str) -> bool {
    raw.strip_prefix(API_TOKEN_PREFIX)
        .and_then(|secret| BASE64URL_NOPAD.decode(secret.as_bytes()).ok())
        .is_some_and(|bytes| bytes.len() == SECRET_BYTES)
}

/// `N` bytes from the operating system's random source.
///
/// # Panics
/// If that source fails (see [`Secret::generate`]).
pub(crate) fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0; N];
    getrandom::fill(&mut bytes).expect("the operating system's random source failed");
    bytes
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn secrets_are_256_bit_url_safe_and_unique() {
        let secrets: HashSet<String> = (0..1000)
            .map(|_| Secret::generate().as_str().to_owned())
            .collect();
        assert_eq!(secrets.len(), 1000);
        for secret in &secrets {
            assert_eq!(secret.len(), 43);
            assert!(
                secret
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
                "{secret}"
            );
        }
    }

    #[test]
    fn api_tokens_carry_the_prefix_and_are_recognised() {
        let token = Secret::generate_api_token();
        assert!(token.as_str().starts_with("ent_"));
        assert!(is_api_token(token.as_str()));
        assert!(!is_api_token(Secret::generate().as_str()));
        assert!(!is_api_token("ent_"));
        assert!(!is_api_token("ent_c2hvcnQ"));
        assert!(!is_api_token(&format!("{}!", token.as_str())));
    }

    #[test]
    fn hash_is_sha256_hex() {
        // FIPS 180-2 test vector.
        assert_eq!(
            hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hash(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn hash_is_stable_and_matches_the_secret() {
        let secret = Secret::generate();
        assert_eq!(secret.hash(), hash(secret.as_str()));
        assert_eq!(secret.hash(), secret.clone().hash());
        assert_ne!(secret.hash(), Secret::generate().hash());
    }

    #[test]
    fn debug_does_not_reveal_the_secret() {
        let secret = Secret::generate_api_token();
        let shown = format!("{secret:?}");
        assert_eq!(shown, "Secret(<redacted>)");
        assert!(!shown.contains(&secret.as_str()[4..]));
    }
}
