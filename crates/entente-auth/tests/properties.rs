//! Properties over arbitrary input: nothing a user or a corrupted row can
//! send makes these functions panic, and normal forms are stable.

use entente_auth::{csrf, password, recovery, token, totp};
use proptest::prelude::*;

proptest! {
    #[test]
    fn check_policy_never_panics(password in any::<String>(), context in proptest::collection::vec(any::<String>(), 0..4)) {
        let context: Vec<&str> = context.iter().map(String::as_str).collect();
        let _ = password::check_policy(&password, &context);
    }

    #[test]
    fn check_policy_refuses_exactly_the_short_ones(password in "[ -~]{0,20}") {
        // Printable ASCII is its own NFKC form, so characters are bytes here.
        let refused_as_short = password::check_policy(&password, &[])
            == Err(password::PasswordProblem::TooShort);
        prop_assert_eq!(refused_as_short, password.len() < password::MIN_CHARS);
    }

    #[test]
    fn verify_never_panics_on_arbitrary_strings(phc in any::<String>()) {
        prop_assert!(!password::verify("correct horse battery staple", &phc));
    }

    #[test]
    fn verify_never_panics_on_near_phc_strings(
        algorithm in "argon2(id|i|d)|scrypt|",
        version in "v=(19|16|0|99999999999)",
        params in "(m|t|p|x)=[0-9]{0,12}(,(m|t|p|keyid|data)=[0-9A-Za-z+/]{0,12}){0,3}",
        tail in "(\\$[A-Za-z0-9+/]{0,30}){0,3}",
    ) {
        let phc = format!("${algorithm}${version}${params}{tail}");
        prop_assert!(!password::verify("correct horse battery staple", &phc));
    }

    #[test]
    fn recovery_normalise_never_panics(code in any::<String>()) {
        let _ = recovery::normalise(&code);
    }

    #[test]
    fn recovery_normalise_is_idempotent_and_ignores_case(
        code in "[0-9a-zA-Z]{4}-?[0-9a-zA-Z]{4} ?[0-9a-zA-Z]{4}",
    ) {
        let has_u = code.contains(['u', 'U']);
        let normal = recovery::normalise(&code);
        prop_assert_eq!(normal.is_none(), has_u);
        if let Some(normal) = normal {
            prop_assert_eq!(recovery::normalise(&normal), Some(normal.clone()));
            prop_assert_eq!(recovery::normalise(&code.to_uppercase()), Some(normal.clone()));
            prop_assert_eq!(recovery::normalise(&code.to_lowercase()), Some(normal));
        }
    }

    #[test]
    fn totp_verify_never_panics(secret in any::<String>(), code in any::<String>(), now in any::<u64>()) {
        let _ = totp::verify(&secret, &code, now);
    }

    #[test]
    fn totp_codes_verify_at_their_own_step(step in 0u64..(u64::MAX / totp::STEP_SECONDS)) {
        let secret = totp::TotpSecret::generate();
        let code = secret.code_at_step(step);
        prop_assert_eq!(totp::verify(&secret.to_base32(), &code, step * totp::STEP_SECONDS), Some(step));
    }

    #[test]
    fn csrf_matches_only_equal_tokens(a in "[A-Za-z0-9_-]{1,64}", b in "[A-Za-z0-9_-]{1,64}") {
        prop_assert_eq!(csrf::matches(&a, &b), a == b);
        prop_assert!(csrf::matches(&a, &a));
    }

    #[test]
    fn token_hash_is_64_hex_digits(raw in any::<String>()) {
        let hash = token::hash(&raw);
        prop_assert_eq!(hash.len(), 64);
        prop_assert!(hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
    }
}
