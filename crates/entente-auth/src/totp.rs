//! Time-based one-time passwords (RFC 6238) for the second factor: HMAC-SHA-1,
//! 6 digits, 30-second steps, which every authenticator app understands.
//!
//! [`verify`] returns the time step a code belongs to: the caller stores the
//! last accepted step per user and refuses a code whose step is not newer, so
//! a code seen over a shoulder or in a proxy log cannot be replayed.
//!
//! The HOTP truncation is the few lines of RFC 4226 over RustCrypto's HMAC,
//! checked against the RFCs' test vectors: the `totp-rs` crate would bring a
//! second generation of the RustCrypto digest crates next to argon2's (its
//! current release needs a newer Rust than the workspace's), and it does not
//! say which step a code matched.

use std::fmt;

use data_encoding::BASE32_NOPAD;
use hmac::{Hmac, KeyInit, Mac};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use sha1::Sha1;
use subtle::ConstantTimeEq;

use crate::AuthError;
use crate::token::random_bytes;

/// Seconds per time step.
pub const STEP_SECONDS: u64 = 30;
/// Digits in a code.
pub const DIGITS: u32 = 6;
/// Steps accepted either side of the current one, for clocks that drift and
/// users who type slowly.
pub const SKEW_STEPS: u64 = 1;

// RFC 4226 recommends 160 bits and requires at least 128.
const SECRET_BYTES: usize = 20;
const MIN_SECRET_BYTES: usize = 16;

/// What the Key URI Format escapes: all but the URI's unreserved characters
/// (RFC 3986 section 2.3), so a `:` or `&` in a name cannot break the link.
const URI_COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The shared key of one user's authenticator. Stored as
/// [`to_base32`](Self::to_base32) text (it must be readable again to check
/// codes, so it cannot be hashed); `Debug` does not print it.
#[derive(Clone, PartialEq, Eq)]
pub struct TotpSecret(Vec<u8>);

impl TotpSecret {
    /// A new random 160-bit secret, for enrolment.
    ///
    /// # Panics
    /// If the operating system's random source fails.
    #[must_use]
    pub fn generate() -> Self {
        Self(random_bytes::<SECRET_BYTES>().to_vec())
    }

    /// Reads a secret back from base32 (RFC 4648), ignoring case, spaces and
    /// `=` padding, as people and apps write it.
    ///
    /// # Errors
    /// [`AuthError::InvalidTotpSecret`] when the text is not base32 or holds
    /// fewer than 128 bits.
    pub fn from_base32(text: &str) -> Result<Self, AuthError> {
        let canonical: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '=')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let bytes = BASE32_NOPAD.decode(canonical.as_bytes()).map_err(|_| {
            AuthError::InvalidTotpSecret {
                reason: "not base32 text",
            }
        })?;
        if bytes.len() < MIN_SECRET_BYTES {
            return Err(AuthError::InvalidTotpSecret {
                reason: "shorter than 128 bits",
            });
        }
        Ok(Self(bytes))
    }

    /// The secret as unpadded upper-case base32: what is stored, and what a
    /// user types into an app that cannot scan the enrolment link.
    #[must_use]
    pub fn to_base32(&self) -> String {
        BASE32_NOPAD.encode(&self.0)
    }

    /// The `otpauth://totp/...` enrolment link (the Key URI Format of Google
    /// Authenticator, read by every common app), usually shown as a QR code:
    /// the app lists the entry as `issuer (account)`.
    #[must_use]
    pub fn otpauth_url(&self, issuer: &str, account: &str) -> String {
        let issuer = utf8_percent_encode(issuer, URI_COMPONENT);
        let account = utf8_percent_encode(account, URI_COMPONENT);
        format!(
            "otpauth://totp/{issuer}:{account}?secret={}&issuer={issuer}\
             &algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
            self.to_base32()
        )
    }

    /// The code of a time step, zero-padded to [`DIGITS`] digits.
    #[must_use]
    pub fn code_at_step(&self, step: u64) -> String {
        format!(
            "{:0width$}",
            hotp(&self.0, step, DIGITS),
            width = DIGITS as usize
        )
    }

    /// The time step of a Unix time.
    #[must_use]
    pub fn step_at(now_unix: u64) -> u64 {
        now_unix / STEP_SECONDS
    }
}

impl fmt::Debug for TotpSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TotpSecret(<redacted>)")
    }
}

/// Checks a code typed by the user (spaces ignored) against the secret at
/// Unix time `now_unix`, accepting [`SKEW_STEPS`] step either side, and
/// returns the time step it matched. Refuse the code if that step is not
/// newer than the last one accepted for this user.
///
/// `None` when the code does not match, is not [`DIGITS`] digits, or the
/// stored secret is unreadable (check stored secrets with
/// [`TotpSecret::from_base32`] when they are written). Each candidate is
/// compared in constant time.
#[must_use]
pub fn verify(secret_base32: &str, code: &str, now_unix: u64) -> Option<u64> {
    let secret = TotpSecret::from_base32(secret_base32).ok()?;
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != DIGITS as usize || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let now = TotpSecret::step_at(now_unix);
    let first = now.saturating_sub(SKEW_STEPS);
    let mut matched = None;
    // Every candidate is computed, so the time taken does not say which
    // step (or whether any) matched.
    for step in first..=now.saturating_add(SKEW_STEPS) {
        let expected = secret.code_at_step(step);
        if bool::from(expected.as_bytes().ct_eq(code.as_bytes())) {
            matched = Some(step);
        }
    }
    matched
}

/// HOTP (RFC 4226 section 5.3): HMAC-SHA-1 of the big-endian counter,
/// dynamically truncated to 31 bits, reduced to `digits` decimal digits.
fn hotp(key: &[u8], counter: u64, digits: u32) -> u32 {
    let mut mac = Hmac::<Sha1>::new_from_slice(key).expect("HMAC accepts keys of any length");
    mac.update(&counter.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = usize::from(digest[digest.len() - 1] & 0x0f);
    let truncated = u32::from_be_bytes([
        digest[offset],
        digest[offset + 1],
        digest[offset + 2],
        digest[offset + 3],
    ]) & 0x7fff_ffff;
    truncated % 10u32.pow(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The RFC 6238 appendix B / RFC 4226 appendix D key, "12345678901234567890".
    const RFC_KEY: &[u8] = b"12345678901234567890";
    const RFC_KEY_BASE32: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    #[test]
    fn rfc_6238_sha1_vectors() {
        let vectors = [
            (59, 94_287_082),
            (1_111_111_109, 7_081_804),
            (1_111_111_111, 14_050_471),
            (1_234_567_890, 89_005_924),
            (2_000_000_000, 69_279_037),
            (20_000_000_000, 65_353_130),
        ];
        for (time, expected) in vectors {
            assert_eq!(hotp(RFC_KEY, time / STEP_SECONDS, 8), expected, "T={time}");
        }
    }

    #[test]
    fn rfc_4226_hotp_vectors() {
        let expected = [
            755_224, 287_082, 359_152, 969_429, 338_314, 254_676, 287_922, 162_583, 399_871,
            520_489,
        ];
        for (counter, code) in (0..).zip(expected) {
            assert_eq!(hotp(RFC_KEY, counter, 6), code, "counter {counter}");
        }
    }

    #[test]
    fn verify_accepts_the_rfc_code_and_returns_its_step() {
        assert_eq!(TotpSecret::from_base32(RFC_KEY_BASE32).unwrap().0, RFC_KEY);
        assert_eq!(verify(RFC_KEY_BASE32, "287082", 59), Some(1));
        assert_eq!(verify(RFC_KEY_BASE32, " 287 082 ", 59), Some(1));
        assert_eq!(
            verify(&RFC_KEY_BASE32.to_lowercase(), "287082", 59),
            Some(1)
        );
    }

    #[test]
    fn verify_accepts_one_step_either_side_and_no_more() {
        let secret = TotpSecret::generate();
        let code = secret.code_at_step(10);
        let base32 = secret.to_base32();
        for now in [9 * 30, 10 * 30, 11 * 30 + 29] {
            assert_eq!(verify(&base32, &code, now), Some(10), "at {now}");
        }
        for now in [9 * 30 - 1, 12 * 30] {
            assert_eq!(verify(&base32, &code, now), None, "at {now}");
        }
    }

    #[test]
    fn verify_at_the_epoch_does_not_underflow() {
        let secret = TotpSecret::generate();
        assert_eq!(
            verify(&secret.to_base32(), &secret.code_at_step(0), 0),
            Some(0)
        );
        assert_eq!(
            verify(&secret.to_base32(), &secret.code_at_step(1), 0),
            Some(1)
        );
    }

    #[test]
    fn verify_refuses_wrong_and_malformed_codes() {
        assert_eq!(verify(RFC_KEY_BASE32, "287083", 59), None);
        assert_eq!(verify(RFC_KEY_BASE32, "28708", 59), None);
        assert_eq!(verify(RFC_KEY_BASE32, "2870820", 59), None);
        assert_eq!(verify(RFC_KEY_BASE32, "28708a", 59), None);
        assert_eq!(verify(RFC_KEY_BASE32, "", 59), None);
        assert_eq!(verify("not base32!", "287082", 59), None);
    }

    #[test]
    fn from_base32_refuses_short_or_invalid_secrets() {
        assert!(matches!(
            TotpSecret::from_base32("GEZDGNBVGY3TQOJQ"),
            Err(AuthError::InvalidTotpSecret { .. })
        ));
        assert!(matches!(
            TotpSecret::from_base32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ1"),
            Err(AuthError::InvalidTotpSecret { .. })
        ));
        let spaced = "gezd gnbv gy3t qojq gezd gnbv gy3t qojq";
        assert_eq!(TotpSecret::from_base32(spaced).unwrap().0, RFC_KEY);
    }

    #[test]
    fn generated_secrets_are_160_bits_unique_and_round_trip() {
        let a = TotpSecret::generate();
        let b = TotpSecret::generate();
        assert_ne!(a, b);
        assert_eq!(a.0.len(), 20);
        assert_eq!(a.to_base32().len(), 32);
        assert_eq!(TotpSecret::from_base32(&a.to_base32()).unwrap(), a);
    }

    #[test]
    fn otpauth_url_follows_the_key_uri_format() {
        let secret = TotpSecret::from_base32(RFC_KEY_BASE32).unwrap();
        assert_eq!(
            secret.otpauth_url("Entente OPCAT", "maría@example.org"),
            "otpauth://totp/Entente%20OPCAT:mar%C3%ADa%40example.org\
             ?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Entente%20OPCAT\
             &algorithm=SHA1&digits=6&period=30"
        );
    }

    #[test]
    fn debug_does_not_reveal_the_secret() {
        let secret = TotpSecret::generate();
        assert_eq!(format!("{secret:?}"), "TotpSecret(<redacted>)");
    }
}
