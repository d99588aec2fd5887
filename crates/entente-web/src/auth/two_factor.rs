//! Checking a second factor: a TOTP code (each time step accepted once per
//! user) or a recovery code (each usable once), and handing out recovery
//! codes. Runs on a blocking thread, inside a store read.

use chrono::{NaiveDateTime, TimeDelta};
use entente_auth::{recovery, token, totp};
use entente_core::access::UserId;
use entente_store::{AuditAction, Store, StoreError};

/// The cookie holding the raw token of a sign-in awaiting its second step.
pub const PENDING_COOKIE: &str = "entente_pending_login";
/// How long the second step of a sign-in may take.
pub const PENDING_LOGIN: TimeDelta = TimeDelta::minutes(5);
/// What authenticator apps show the account under.
pub const ISSUER: &str = "Entente";

/// What proved the second factor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecondFactor {
    Totp,
    RecoveryCode,
}

/// Checks `code` against the user's TOTP secret and then their recovery
/// codes; `None` when it is neither, or a TOTP step already used.
pub fn check(
    store: &Store,
    user: UserId,
    secret: &str,
    code: &str,
    now: NaiveDateTime,
) -> Result<Option<SecondFactor>, StoreError> {
    let unix = u64::try_from(now.and_utc().timestamp()).unwrap_or_default();
    if let Some(step) = totp::verify(secret, code, unix) {
        return Ok(store
            .accept_totp_step(user, step)?
            .then_some(SecondFactor::Totp));
    }
    let Some(canonical) = recovery::normalise(code) else {
        return Ok(None);
    };
    if !store.use_recovery_code(user, &token::hash(&canonical), now)? {
        return Ok(None);
    }
    let left = store.recovery_codes_left(user)?;
    let detail = format!("{left} left");
    super::audit(
        store,
        now,
        AuditAction::RecoveryCodeUsed,
        Some(user),
        detail,
    )?;
    Ok(Some(SecondFactor::RecoveryCode))
}

/// Checks a TOTP code only (enrolment proves the app works, not a
/// recovery code); the step is then spent.
pub fn check_totp(
    store: &Store,
    user: UserId,
    secret: &str,
    code: &str,
    now: NaiveDateTime,
) -> Result<bool, StoreError> {
    let unix = u64::try_from(now.and_utc().timestamp()).unwrap_or_default();
    match totp::verify(secret, code, unix) {
        Some(step) => store.accept_totp_step(user, step),
        None => Ok(false),
    }
}

/// New recovery codes for the user, replacing the old ones; returns them
/// in clear, to show once.
pub fn new_recovery_codes(store: &Store, user: UserId) -> Result<Vec<String>, StoreError> {
    let codes = recovery::generate_codes(recovery::DEFAULT_COUNT);
    let hashes: Vec<String> = codes.iter().map(|c| token::hash(c)).collect();
    store.replace_recovery_codes(user, &hashes)?;
    Ok(codes)
}
