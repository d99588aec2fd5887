//! Argon2id password hashes stored as PHC strings, and the policy a new
//! password must meet.
//!
//! Hashing and verifying take tens of milliseconds of CPU on purpose: callers
//! in async code run them on a blocking thread (`tokio::task::spawn_blocking`)
//! so one login does not stall every other request on the same worker.

mod policy;

pub use policy::{MAX_CHARS, MIN_CHARS, PasswordProblem, check_policy};

use std::borrow::Cow;

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};
use icu_normalizer::ComposingNormalizerBorrowed;

use crate::AuthError;

/// Argon2id memory cost in KiB (19 MiB), from the OWASP Password Storage
/// Cheat Sheet.
pub const M_COST_KIB: u32 = 19_456;
/// Argon2id number of passes, from the OWASP Password Storage Cheat Sheet.
pub const T_COST: u32 = 2;
/// Argon2id degree of parallelism, from the OWASP Password Storage Cheat Sheet.
pub const P_COST: u32 = 1;

// A stored hash names its own cost; one planted or corrupted row must not make
// a single login allocate gigabytes or run for minutes.
const MAX_M_COST_KIB: u32 = 256 * 1024;
const MAX_T_COST: u32 = 16;
const MAX_P_COST: u32 = 16;

/// A hash of a password nobody has, with the current parameters: verifying
/// against it costs what a real verification costs.
const DUMMY_PHC: &str = "$argon2id$v=19$m=19456,t=2,p=1$xVDFTzqbGVvIRK8Puthq8g$J/OuNeRFa6AY1V0IRFr2UghnxdZSE8nPawOmEUUKcz8";

/// Hashes a password with Argon2id (m=19456 KiB, t=2, p=1, random 16-byte
/// salt) and returns the PHC string to store, e.g.
/// `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`.
///
/// The password is first normalised to Unicode NFKC, so the same password
/// typed on keyboards that compose accents differently hashes the same.
///
/// Slow by design: call it from a blocking thread, not from async code.
///
/// # Errors
/// [`AuthError::Hashing`] when Argon2 fails, which in practice means the
/// operating system gave no random salt or memory ran out.
pub fn hash(password: &str) -> Result<String, AuthError> {
    let phc: PasswordHash = hasher()
        .hash_password(normalise(password).as_bytes())
        .map_err(AuthError::Hashing)?;
    Ok(phc.to_string())
}

/// Whether `password` is the one hashed in the PHC string `phc`.
///
/// The parameters are read from `phc`, so hashes made with older parameters
/// keep verifying (see [`needs_rehash`]); the final comparison is in constant
/// time. A string that is not an Argon2 PHC string, or whose cost is far
/// beyond ours, never verifies.
///
/// Slow by design: call it from a blocking thread, not from async code.
#[must_use]
pub fn verify(password: &str, phc: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(phc) else {
        return false;
    };
    if !within_cost_bounds(&parsed) {
        return false;
    }
    hasher()
        .verify_password(normalise(password).as_bytes(), &parsed)
        .is_ok()
}

/// Spends the time of one [`verify`] and answers nothing.
///
/// Call it when a login names an account that does not exist (or cannot log
/// in), so the response time does not tell an attacker which e-mail
/// addresses have accounts.
pub fn dummy_verify() {
    std::hint::black_box(verify("not the password", DUMMY_PHC));
}

/// Whether a stored hash should be replaced by a fresh [`hash`] of the
/// password at the next successful login, because it was made with another
/// algorithm or other parameters than the current ones.
#[must_use]
pub fn needs_rehash(phc: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(phc) else {
        return true;
    };
    let current = Params::try_from(&parsed).is_ok_and(|params| {
        params.m_cost() == M_COST_KIB && params.t_cost() == T_COST && params.p_cost() == P_COST
    });
    !(current
        && parsed.algorithm == Algorithm::Argon2id.ident()
        && parsed.version == Some(Version::V0x13.into()))
}

fn hasher() -> Argon2<'static> {
    let params = Params::new(M_COST_KIB, T_COST, P_COST, None)
        .expect("the OWASP parameters are within Argon2's bounds");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

fn within_cost_bounds(parsed: &PasswordHash) -> bool {
    Params::try_from(parsed).is_ok_and(|params| {
        params.m_cost() <= MAX_M_COST_KIB
            && params.t_cost() <= MAX_T_COST
            && params.p_cost() <= MAX_P_COST
    })
}

/// NFKC, as NIST SP 800-63B asks of verifiers that accept Unicode passwords.
fn normalise(password: &str) -> Cow<'_, str> {
    ComposingNormalizerBorrowed::new_nfkc().normalize(password)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASSWORD: &str = "correct horse battery staple";

    #[test]
    fn hash_then_verify_round_trips() {
        let phc = hash(PASSWORD).unwrap();
        assert!(verify(PASSWORD, &phc));
        assert!(!verify("correct horse battery stapler", &phc));
        assert!(!verify("Correct horse battery staple", &phc));
        assert!(!verify("", &phc));
    }

    #[test]
    fn hash_is_argon2id_with_the_owasp_parameters_and_a_fresh_salt() {
        let phc = hash(PASSWORD).unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert_ne!(phc, hash(PASSWORD).unwrap());
        assert!(!needs_rehash(&phc));
    }

    #[test]
    fn passwords_are_compared_after_nfkc_normalisation() {
        let precomposed = "Mot de passe d\u{e9}j\u{e0} vu";
        let decomposed = "Mot de passe de\u{301}ja\u{300} vu";
        let phc = hash(precomposed).unwrap();
        assert!(verify(decomposed, &phc));
        // NFKC also folds compatibility forms such as the "fi" ligature.
        assert!(verify(
            "con\u{fb01}dentiality!",
            &hash("confidentiality!").unwrap()
        ));
    }

    #[test]
    fn older_parameters_still_verify_but_ask_for_a_rehash() {
        let weaker = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8 * 1024, 1, 1, None).unwrap(),
        );
        let phc: PasswordHash = weaker.hash_password(PASSWORD.as_bytes()).unwrap();
        let phc = phc.to_string();
        assert!(verify(PASSWORD, &phc));
        assert!(needs_rehash(&phc));
        assert!(needs_rehash("not a hash"));
    }

    #[test]
    fn malformed_or_costly_hashes_never_verify() {
        for phc in [
            "",
            "password",
            "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
            "$argon2id$v=19$m=19456,t=2,p=1$xVDFTzqbGVvIRK8Puthq8g",
            "$argon2id$v=19$m=4194304,t=2,p=1$xVDFTzqbGVvIRK8Puthq8g$J/OuNeRFa6AY1V0IRFr2UghnxdZSE8nPawOmEUUKcz8",
            "$argon2id$v=19$m=19456,t=1000,p=1$xVDFTzqbGVvIRK8Puthq8g$J/OuNeRFa6AY1V0IRFr2UghnxdZSE8nPawOmEUUKcz8",
        ] {
            assert!(!verify(PASSWORD, phc), "{phc}");
        }
    }

    #[test]
    fn the_dummy_hash_costs_what_a_real_one_costs() {
        assert!(PasswordHash::new(DUMMY_PHC).is_ok());
        assert!(!needs_rehash(DUMMY_PHC));
        assert!(!verify("not the password", DUMMY_PHC));
        dummy_verify();
    }
}
