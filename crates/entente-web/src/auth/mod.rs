//! Who is asking: sessions (a cookie) and API tokens (a bearer header),
//! resolved once per request into a [`Viewer`] with its access scope, and
//! the checks that protect state-changing requests.
//!
//! Every limit of the account security lives here, in one place.

pub mod cookies;
pub mod two_factor;
pub mod viewer;

use chrono::{NaiveDateTime, TimeDelta, Utc};
use entente_core::access::{AccessScope, OrgId, UserId, Visibility};
use entente_store::{AuditAction, AuditEntry, Store, StoreError};

pub use viewer::{Credential, Viewer, resolve_viewer};

use crate::error::AppError;

/// The cookie holding the raw session token; the store keeps its SHA-256.
pub const SESSION_COOKIE: &str = "entente_session";
/// The double-submit cookie of forms used before signing in (sign-in,
/// setting a password), against login CSRF.
pub const FORM_CSRF_COOKIE: &str = "entente_form_csrf";

/// A session ends after this long without a request...
pub const SESSION_IDLE: TimeDelta = TimeDelta::hours(2);
/// ...and this long after sign-in, whatever happens.
pub const SESSION_ABSOLUTE: TimeDelta = TimeDelta::hours(12);

/// Failed sign-ins counted over this window...
pub const LOCKOUT_WINDOW: TimeDelta = TimeDelta::minutes(15);
/// ...lock the e-mail address at this many.
pub const LOCKOUT_FAILURES: u32 = 5;

/// Logs the read of a non-public record by someone outside its owner
/// organisation (a member of an allied organisation, or the site admin), so
/// the owner's admins can see who read what was shared with them. Reads by the
/// owner's own members and reads of public records are not logged.
pub fn audit_outside_read(
    store: &Store,
    scope: &AccessScope,
    owner: OrgId,
    visibility: Visibility,
    record_kind: &str,
    record_id: i64,
) -> Result<(), StoreError> {
    let Some(actor) = scope.user() else {
        return Ok(());
    };
    if visibility == Visibility::Public || scope.role_in(owner).is_some() {
        return Ok(());
    }
    let mut entry = AuditEntry::new(Utc::now().naive_utc(), AuditAction::RecordReadByAlliance);
    entry.actor_user = Some(actor);
    entry.org = Some(owner);
    entry.record_kind = Some(record_kind.to_owned());
    entry.record_id = Some(record_id);
    entry.detail = format!(
        "{record_kind} {record_id} ({}) read from outside its organisation",
        visibility.code()
    );
    store.append_audit(&entry).map(|_| ())
}

/// Appends an account event to the audit log.
pub fn audit(
    store: &Store,
    at: NaiveDateTime,
    action: AuditAction,
    actor: Option<UserId>,
    detail: String,
) -> Result<(), StoreError> {
    let mut entry = AuditEntry::new(at, action);
    entry.actor_user = actor;
    entry.detail = detail;
    store.append_audit(&entry).map(|_| ())
}

/// Checks a form's `csrf` field against the token it must equal, in
/// constant time; a missing or different token is [`AppError::CsrfRejected`].
pub fn check_csrf(expected: Option<&str>, given: &str) -> Result<(), AppError> {
    match expected {
        Some(expected) if entente_auth::csrf::matches(expected, given) => Ok(()),
        _ => Err(AppError::CsrfRejected),
    }
}

/// The page to go to after signing in, if `next` is a path on this site:
/// anything that a browser could read as another origin (`//host`,
/// `/\host`, a scheme) is dropped.
pub fn same_site_path(next: &str) -> Option<&str> {
    let next = next.trim();
    let safe = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(char::is_control);
    safe.then_some(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed_after_sign_in() {
        assert_eq!(same_site_path("/account"), Some("/account"));
        assert_eq!(
            same_site_path("/treaties/opcat?lang=fr"),
            Some("/treaties/opcat?lang=fr")
        );
        for bad in [
            "//evil.example/",
            "/\\evil.example",
            "https://evil.example/",
            "account",
            "",
            "/a\nb",
        ] {
            assert_eq!(same_site_path(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn csrf_needs_the_expected_token() {
        assert!(check_csrf(Some("abc"), "abc").is_ok());
        assert!(check_csrf(Some("abc"), "abd").is_err());
        assert!(check_csrf(Some("abc"), "").is_err());
        assert!(check_csrf(None, "abc").is_err());
    }

    #[test]
    fn the_absolute_timeout_outlasts_the_idle_one() {
        assert!(SESSION_IDLE < SESSION_ABSOLUTE);
    }
}
